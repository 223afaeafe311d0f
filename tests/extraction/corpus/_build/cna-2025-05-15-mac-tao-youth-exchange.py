import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D14, D15 = "2025-05-14", "2025-05-15"
SP = {
    "mac": ["Mainland Affairs Council", "MAC", "陸委會", "大陸委員會", "陆委会", "大陆委员会"],
    "liang": ["Liang Wen-chieh", "梁文傑", "梁文杰"],
    "tao": ["Taiwan Affairs Office", "TAO", "國台辦", "国台办", "中國國台辦", "國務院台灣事務辦公室", "国务院台湾事务办公室"],
    "chenbinhua": ["Chen Binhua", "陳斌華", "陈斌华"],
    "feng": ["馮家瑋", "冯家玮", "Feng Chia-wei"],
    "linkaiwen": ["林楷文", "Lin Kai-wen"],
    "moe": ["教育部官員", "教育部官员", "教育部", "Ministry of Education", "Ministry of Education official"],
    "wei": ["魏卓宏", "Wei Cho-hung"],
}
st = [
    S("s01", "liang", "梁文傑", "交流不能有政治前提", "direct", D15, optional=True, note="headline, colon without quote marks"),
    S("s02", "tao", "國台辦", "阻撓兩岸青年交流", "direct", D14, note="指控政府「...」: the quoted words are all that is reported"),
    S("s03", "mac", "大陸委員會", "國台辦刻意扭曲台灣的管理規範，兩岸交流不應附加任何政治前提", "indirect", D15, note="反駁說"),
    S("s04", "liang", "梁文傑", "政府歡迎健康有序的交流，但不能接受以交流之名進行統戰", "indirect", D15, note="強調; title run 陸委會副主委兼發言人"),
    S("s05", "chenbinhua", "陳斌華", "台灣當局近期修訂相關規定，限制台灣學生參加大陸舉辦的夏令營與研習活動，是「開歷史倒車」", "indirect", D14, note="14日在例行記者會上表示; nested 「開歷史倒車」 not separate"),
    S("s06", "chenbinhua", "他", "兩岸青年多走動、多交流，是兩岸同胞的共同心願，民進黨當局無論設置多少障礙，都擋不住兩岸交流的大勢。", "direct", D14, note="他說 = 陳斌華"),
    S("s07", "chenbinhua", "陳斌華", "今年以來已有超過1萬名台灣青年赴大陸參訪、實習與就業，大陸方面將持續為台灣青年提供便利", "indirect", D14, note="並指出"),
    S("s08", "chenbinhua", "他", "陸委會官員「一再抹黑」大陸的惠台措施，目的是製造兩岸對立", "indirect", D14, note="他也批評; 陸委會 is the object, not the speaker"),
    S("s09", "chenbinhua", "陳斌華", "大陸方面「不會因為民進黨當局的阻撓而停下腳步」，下半年將推出更多面向台灣青年的實習崗位", "indirect", D14, note="還說"),
    S("s10", "chenbinhua", "陳斌華", "相關活動將「照常舉辦」，歡迎台灣青年踴躍報名", "indirect", D14, note="answer to a reporter's question; the question itself is not a statement"),
    S("s11", "liang", "梁文傑", "政府從未禁止兩岸正常交流，新規定僅要求公務員及涉及國家安全的特定人員事先申報，一般學生與民眾並不受影響", "indirect", D15, note="回應時表示"),
    S("s12", "liang", "梁文傑", "國台辦把行政程序說成『阻撓交流』，這是刻意混淆視聽。我們要提醒的是，有些所謂的研習營，課程內容就是宣傳『一國兩制』，這不是交流，而是統戰。", "direct", D15, note="nested 『』 are terms, not statements"),
    S("s13", "liang", "他", "兩岸交流應該建立在對等、尊嚴的基礎上", "indirect", D15, note="他強調"),
    S("s14", "liang", "他", "如果中共真的重視兩岸青年的心願，就應該停止對台灣的軍事威脅與外交打壓", "direct", D15, note="quote continues the 他強調 sentence; 。 outside the marks"),
    S("s15", "liang", "梁文傑", "根據陸委會掌握的資料，去年赴陸參加各類研習活動的台灣學生中，有不少人反映活動安排與事先公告不符，甚至被要求在鏡頭前合影表態", "indirect", D15, note="也指出"),
    S("s16", "liang", "他", "家長與學校在報名前審慎評估，有疑問可以向陸委會諮詢", "indirect", D15, note="呼籲 (appeal content counted as a statement)"),
    S("s17", "liang", "梁文傑", "相關案例仍在了解中，不便透露細節，但陸委會「不排除」在必要時公布", "indirect", D15, note="answer after 記者追問 (question not a statement)"),
    S("s18", "liang", "梁文傑", "今年1月至4月經申報赴陸的公務員人數，約為去年同期的九成", "indirect", D15, note="另外提到"),
    S("s19", "liang", "梁文傑", "顯示申報制度並未影響正常往來", "direct", D15, note="quote without its own verb"),
    S("s20", "tao", "國台辦", "今年已有逾萬名台灣青年赴陸", "indirect", D14, note="對於國台辦稱... (claim restated as a topic clause)"),
    S("s21", "liang", "梁文傑", "這個數字「沒有任何可以查證的依據」，國台辦習慣以誇大的數字進行宣傳", "indirect", D15, note="駁斥說"),
    S("s22", "liang", "梁文傑", "我們不會隨之起舞", "direct", D15),
    S("s23", "feng", "她", "政府不應把所有交流活動都貼上統戰標籤", "indirect", D15, note="她說 = 馮家瑋 (今天受訪時)"),
    S("s24", "feng", "她", "年輕人有能力自己判斷，政府應該給予信任，而不是處處設限", "direct", D15),
    S("s25", "feng", "她", "國民黨團將要求陸委會到立法院進行專案報告", "indirect", D15, note="她表示"),
    S("s26", "linkaiwen", "他", "事先申報是民主國家保護敏感人員的常見做法", "indirect", None, note="他認為 = 林楷文"),
    S("s27", "linkaiwen", "他", "美國、日本都有類似規範，沒有人會說這是阻撓交流", "direct", None),
    S("s28", "linkaiwen", "林楷文", "國台辦應該先回答，為何大陸學生來台交流仍受到諸多限制", "indirect", None, note="並說"),
    S("s29", "moe", "教育部官員", "教育部尊重學校與學生的自主選擇，但會持續提醒學生注意相關風險", "indirect", None, note="unnamed official"),
    S("s30", "moe", "這名官員", "仍在與陸委會討論", "indirect", None, note="這名官員 = 教育部官員"),
    S("s31", "moe", "這名官員", "會以不增加學校負擔為原則", "direct", None),
    S("s32", "wei", "魏卓宏", "兩岸在交流議題上的攻防，反映雙方官方對話管道中斷後互信不足", "indirect", None, note="分析"),
    S("s33", "wei", "他", "雙方都在對內部喊話，真正受影響的是想去大陸看看的學生。", "direct", None),
    S("s34", "wei", "魏卓宏", "政府可以公布更清楚的申報標準，減少外界疑慮，同時也應該正視大陸對台統戰手法不斷翻新的事實", "indirect", None, note="建議"),
    S("s35", "mac", "陸委會", "將於下週邀集大專院校代表舉行座談，說明兩岸交流的相關規範", "indirect", D15, note="宣布"),
]
stances = [
    T("t1", "mac", "oppose", ["s02"], "大陸委員會今天反駁說"),
    T("t2", "liang", "oppose", ["s02", "s05"], "國台辦把行政程序說成『阻撓交流』，這是刻意混淆視聽"),
    T("t3", "liang", "oppose", ["s20", "s07"], "梁文傑駁斥說"),
    T("t4", "feng", "oppose", ["s12", "s04", "s11"], "則不認同陸委會的說法"),
    T("t5", "linkaiwen", "support", ["s11", "s03"], "則表態支持陸委會的做法"),
]
same = [
    (["s07", "s20"], "over 10,000 Taiwanese youths went to the mainland this year"),
]
neg = ["一國兩制", "大陸是否會因應台灣的新規定，調整今年暑期交流活動的安排",
       "陸委會是否掌握台灣學生因參加活動而被要求簽署文件的具體案例",
       "陸委會近期已與教育部召開跨部會會議"]
build("cna-2025-05-15-mac-tao-youth-exchange", published=D15, outlet="中央社", author="沈佳蓉",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
