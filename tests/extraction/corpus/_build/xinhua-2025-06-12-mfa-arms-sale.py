import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D11, D12 = "2025-06-11", "2025-06-12"
SP = {
    "mfa": ["Chinese Foreign Ministry", "Ministry of Foreign Affairs of China", "外交部", "中国外交部", "中國外交部"],
    "maoning": ["Mao Ning", "毛宁", "毛寧", "外交部发言人", "外交部發言人"],
    "us": ["United States", "US", "U.S.", "美方", "美国", "美國", "Washington", "US State Department", "美国国务院"],
    "kallas": ["Kaja Kallas", "Kallas", "卡拉斯", "欧盟外交与安全政策高级代表", "歐盟外交與安全政策高級代表"],
    "peskov": ["Dmitry Peskov", "Peskov", "佩斯科夫", "培斯科夫"],
    "tarriela": ["Jay Tarriela", "Tarriela", "塔里埃拉", "菲律宾海岸警卫队", "Philippine Coast Guard"],
}
st = [
    S("s01", "mfa", "外交部", "敦促美方立即停止售台武器 中方将采取坚决有力措施", "direct", D12, optional=True, note="headline"),
    S("s02", "maoning", "毛宁", "美方宣布向中国台湾地区出售武器，严重违反一个中国原则和中美三个联合公报规定，中方对此坚决反对，已向美方提出严正交涉", "indirect", D12, note="在例行记者会上表示; title run 外交部发言人毛宁12日"),
    S("s03", "us", "美方", "此举有助于台湾“维持足够的自卫能力”", "indirect", None, note="美方称, reported inside a reporter's question: the attribution is real, the question is not a statement"),
    S("s04", "maoning", "毛宁", "台湾问题是中国核心利益中的核心，是中美关系第一条不可逾越的红线。美方向中国台湾地区出售武器，严重干涉中国内政，损害中国主权和安全利益，向‘台独’分裂势力发出严重错误信号。", "direct", D12, note="表示：“...”; nested ‘台独’ is a term"),
    S("s05", "maoning", "她", "美方应当恪守一个中国原则和中美三个联合公报规定，停止武装台湾，停止制造台海紧张因素", "indirect", D12, note="她指出"),
    S("s06", "maoning", "", "中方将采取坚决有力措施，坚定捍卫国家主权和领土完整。", "direct", D12, note="floating quote after 她指出 sentence, no verb"),
    S("s07", "maoning", "毛宁", "中国人民维护国家主权和领土完整的决心坚如磐石，任何人都不要低估", "indirect", D12, note="强调"),
    S("s08", "maoning", "她", "美方立即撤销有关军售计划，不要在错误的道路上越走越远", "indirect", D12, note="敦促"),
    S("s09", "us", "美方", "不改变美国的一个中国政策", "direct", None, note="对于美方所谓...“...”的说法: quoted claim of the other side"),
    S("s10", "maoning", "毛宁", "这种说法是自欺欺人", "indirect", D12, note="回应称"),
    S("s11", "maoning", "毛宁", "说一套、做一套，只会让美方的信誉进一步受损", "direct", D12, note="。 outside the marks"),
    S("s12", "kallas", "卡拉斯", "中国是俄罗斯对乌克兰战争的“关键推动者”，欧方正考虑对更多中国企业实施制裁", "indirect", None, note="日前...称, inside a reporter's question"),
    S("s13", "maoning", "毛宁", "中方在乌克兰问题上始终秉持客观公正立场，积极劝和促谈，从未向冲突任何一方提供致命性武器，并严格管控军民两用物项出口", "indirect", D12, note="毛宁说, reported clause"),
    S("s14", "maoning", "她", "中俄之间的正常贸易往来不针对第三方，也不应受到第三方干扰和胁迫", "indirect", D12, note="她表示"),
    S("s15", "maoning", "毛宁", "我们坚决反对欧方在没有任何事实依据的情况下对中方进行无端指责，更反对对中国企业实施单边制裁。", "direct", D12, note="quote split by the speaker tag 毛宁说: two statements"),
    S("s16", "maoning", "毛宁", "欧方如果一意孤行，中方将采取必要措施，坚决维护中国企业的正当权益。", "direct", D12, note="second half of the split quote"),
    S("s17", "maoning", "她", "中欧互为重要合作伙伴，今年是中欧建交50周年，双方应当相互尊重、求同存异，而不是相互指责", "indirect", D12, note="她还指出"),
    S("s18", "maoning", "毛宁", "新一次中欧领导人会晤的筹备工作正在进行中，具体安排将适时发布", "indirect", D12, note="透露"),
    S("s19", "peskov", "佩斯科夫", "俄方欢迎中方在乌克兰问题上继续发挥建设性作用，并认为中方的立场“平衡而务实”", "indirect", D11, via=["Russian media"], note="据俄罗斯媒体报道 ... 11日表示, inside a reporter's question"),
    S("s20", "maoning", "她", "对话谈判是解决危机的唯一可行出路，中方愿继续同国际社会一道，为政治解决危机发挥建设性作用", "indirect", D12, note="她说; the preceding 赞赏俄方的积极表态 is a stance, not a claim"),
    S("s21", "maoning", "毛宁", "关于你提到的具体问题，目前没有可以发布的消息", "indirect", D12, note="answer to 追问"),
    S("s22", "maoning", "毛宁", "王毅外长将于近期出访哈萨克斯坦，为第二届中国—中亚峰会作准备", "indirect", D12, note="介绍说; 王毅 is the subject of the content, not the speaker"),
    S("s23", "maoning", "她", "中方愿同中亚五国一道，推动共建“一带一路”高质量发展，打造更加紧密的中国—中亚命运共同体", "indirect", D12),
    S("s24", "maoning", "毛宁", "菲方船只未经中方允许擅自闯入中国南沙群岛仁爱礁邻近海域，中国海警依法采取管控措施", "indirect", D12, note="回应称"),
    S("s25", "maoning", "毛宁", "操作专业规范，正当合法", "direct", D12),
    S("s26", "maoning", "她", "菲方停止侵权挑衅，不要对中方的克制有任何误判", "indirect", D12, note="敦促"),
    S("s27", "tarriela", "塔里埃拉", "中国海警“危险拦截”菲方补给船只", "indirect", D11, note="据了解 introduces the sentence but the speaker is named; 指责; platform unnamed (社交媒体)"),
    S("s28", "tarriela", "塔里埃拉", "菲方将继续在该海域执行补给任务", "indirect", D11, note="并称"),
    S("s29", "maoning", "毛宁", "菲方的说法“完全不符合事实”，责任完全在菲方", "indirect", D12, note="对此...表示"),
    S("s30", "us", "美方", "售台武器旨在维护台海和平稳定", "indirect", None, note="问：美方称... in the Q&A transcript"),
    S("s31", "maoning", "", "美方一边声称支持台海和平稳定，一边不断向台湾输送武器，这本身就是台海和平稳定的最大破坏者。我们敦促美方停止一切形式的美台军事联系。", "direct", D12, note="答： in the transcript = the spokesperson; no quote marks"),
]
stances = [
    T("t1", "maoning", "oppose", ["s03"], "中方对此坚决反对"),
    T("t2", "maoning", "oppose", ["s09"], "毛宁回应称，这种说法是自欺欺人"),
    T("t3", "maoning", "oppose", ["s12"], "我们坚决反对欧方在没有任何事实依据的情况下对中方进行无端指责"),
    T("t4", "maoning", "support", ["s19"], "中方赞赏俄方的积极表态"),
    T("t5", "maoning", "oppose", ["s27", "s28"], "菲方的说法“完全不符合事实”"),
    T("t6", "maoning", "oppose", ["s30"], "美方一边声称支持台海和平稳定，一边不断向台湾输送武器"),
]
neg = ["一带一路", "中方对此有何回应", "中方是否考虑派特使参与下一轮谈判", "中方如何看待"]
build("xinhua-2025-06-12-mfa-arms-sale", published=D12, outlet="新华社", author="许可、孙晓雯",
      language="zh-Hans", speakers=SP, statements=st, stances=stances, same_claim=[], negatives=neg)
