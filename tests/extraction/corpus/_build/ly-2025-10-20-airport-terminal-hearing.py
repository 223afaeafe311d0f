import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D = "2025-10-20"
SP = {
    "legis": ["立委", "立法委員", "legislators", "許淑芬", "许淑芬"],
    "lin": ["林佑誠", "林佑诚", "Lin Yu-cheng", "交通部長", "交通部长", "交通部長林佑誠"],
    "ho": ["何明哲", "Ho Ming-che", "民航局長", "民航局长"],
    "hsu": ["許淑芬", "许淑芬", "Hsu Shu-fen"],
    "lee": ["李承翰", "Lee Cheng-han"],
    "wu": ["吳佳恩", "吴佳恩", "Wu Chia-en"],
    "kao": ["高振宇", "Kao Chen-yu", "台灣旅客權益促進會"],
    "taoyuan": ["桃園機場公司", "桃园机场公司", "Taoyuan International Airport Corporation", "Taoyuan Airport"],
}
st = [
    S("s01", "legis", "立委", "跳票成習慣", "direct", D, optional=True, note="headline (paraphrase of 許淑芬's s10)"),
    S("s02", "lin", "林佑誠", "北登機廊廳年底先啟用", "direct", D, optional=True, note="headline"),
    S("s03", "lin", "林佑誠", "主體工程完工時程將延後至2028年", "indirect", D, note="答詢時坦承"),
    S("s04", "lin", "林佑誠", "北登機廊廳可望在今年底先行啟用", "indirect", D, note="但強調 (subject kept)"),
    S("s05", "lin", "林佑誠", "不會讓旅客再等下去", "direct", D),
    S("s06", "hsu", "許淑芬", "第三航廈從規劃至今已延宕超過六年，預算也從原本的800多億元一路追加到逾千億元", "indirect", D, note="質詢時指出 (assertion inside an interpellation; the 質問 quote that follows is a question, not a statement)"),
    S("s07", "lin", "林佑誠", "延宕主因是疫情期間缺工缺料，以及主航廈標案多次流標，交通部已要求桃園機場公司每月提報進度", "indirect", D, note="答詢表示"),
    S("s08", "lin", "他", "我可以向委員保證，北登機廊廳今年底一定會啟用，這是我們對國人的承諾。", "direct", D),
    S("s09", "hsu", "許淑芬", "去年交通部也做過相同承諾", "indirect", D, note="隨即反駁"),
    S("s10", "hsu", "許淑芬", "跳票已經成了交通部的習慣", "direct", D),
    S("s11", "hsu", "她", "交通部在一個月內提出書面檢討報告，釐清相關人員責任", "indirect", D, note="她並要求 (demand)"),
    S("s12", "lin", "林佑誠", "會在期限內送交立法院", "indirect", D, note="表示同意，承諾"),
    S("s13", "lin", "林佑誠", "若營建物價持續上漲，不排除再追加預算", "indirect", D, note="坦言, after a question"),
    S("s14", "hsu", "她", "在檢討報告出爐之前，國民黨團不會支持任何追加預算", "indirect", D, note="當場表明反對，她說"),
    S("s15", "hsu", "她", "先把帳算清楚再說", "direct", D),
    S("s16", "lee", "他", "第三航廈的延宕有一部分是前朝規劃時低估工程難度所致", "indirect", D, note="他認為 = 李承翰"),
    S("s17", "lee", "他", "不能把所有責任都推給現在的團隊", "direct", D),
    S("s18", "wu", "她", "第三航廈追加的預算中，有近百億元用於變更設計", "indirect", D, note="她說; the quote that follows is two rhetorical questions, not a statement"),
    S("s19", "wu", "她", "據她掌握的資料，主航廈部分鋼構曾因焊接品質不合格而全面重做", "indirect", D, note="她並指出"),
    S("s20", "ho", "何明哲", "變更設計都經過專家委員會審查，並非「隨意追加」，相關紀錄可以提供給委員參考", "indirect", D, note="回應"),
    S("s21", "wu", "吳佳恩", "事後找理由", "direct", D, note="批評民航局「...」"),
    S("s22", "wu", "她", "如果一開始就規劃清楚，根本不需要變更那麼多次。", "direct", D),
    S("s23", "ho", "何明哲", "當時只有少數接頭經檢測後需要局部補強", "indirect", D, note="駁斥指"),
    S("s24", "ho", "何明哲", "絕對沒有全面重做這回事", "direct", D),
    S("s25", "ho", "何明哲", "會在一週內補送", "indirect", D, note="answer to 追問"),
    S("s26", "hsu", "她", "第三航廈啟用後，機捷A13站的運量恐將超出負荷", "indirect", D, note="她指出 = 許淑芬"),
    S("s27", "lin", "林佑誠", "交通部已請桃園捷運公司評估增購列車，並研議在尖峰時段加開直達車", "indirect", D, note="回應說"),
    S("s28", "lee", "李承翰", "交通部參考新加坡樟宜機場第四航廈的經驗", "indirect", D, note="建議 (suggestion content)"),
    S("s29", "lee", "李承翰", "先小規模試營運，再逐步擴大", "direct", D),
    S("s30", "lin", "林佑誠", "交通部會在啟用前進行至少三個月的試營運", "indirect", D, note="表示認同，指"),
    S("s31", "lin", "林佑誠", "北登機廊廳年底啟用的時程「不會改變」", "indirect", D, note="會後受訪時再度重申"),
    S("s32", "lin", "他", "現階段最重要的是把工程做好", "indirect", D, note="answer after 被問到"),
    S("s33", "lin", "他", "追究責任的事，等檢討報告出來再說", "direct", D),
    S("s34", "kao", "高振宇", "旅客最在意的是動線與等候時間，而不是航廈蓋得多漂亮", "indirect", D, note="在立法院外受訪時表示 (same day implied)"),
    S("s35", "kao", "他", "政府一再跳票，受害的是每天進出機場的旅客。", "direct", D),
    S("s36", "taoyuan", "桃園機場公司", "第三航廈主體工程目前整體進度約62%，北登機廊廳的機電系統已進入測試階段", "indirect", D, note="新聞稿指出"),
]
stances = [
    T("t1", "hsu", "oppose", ["s08", "s04"], "許淑芬隨即反駁"),
    T("t2", "lin", "support", ["s11"], "林佑誠則表示同意"),
    T("t3", "hsu", "oppose", ["s13"], "許淑芬當場表明反對"),
    T("t4", "lee", "oppose", ["s10", "s09"], "民進黨立委李承翰則持不同看法"),
    T("t5", "ho", "oppose", ["s19"], "何明哲駁斥指"),
    T("t6", "wu", "oppose", ["s20"], "吳佳恩對此不以為然"),
]
same = [
    (["s04", "s08", "s31"], "north concourse opens at the end of this year"),
]
neg = ["部長，你能不能給國人一個確定的日期？還是又要跳票？", "這些變更到底是誰決定的？有沒有經過專業審查？",
       "檢測報告為何從未送交立法院", "預算是否還會增加", "是否會有官員因延宕下台"]
build("ly-2025-10-20-airport-terminal-hearing", published=D, outlet="島嶼日報", author="鄭宇翔",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
