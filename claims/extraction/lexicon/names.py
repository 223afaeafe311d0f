"""Extraction lexicon, names: surnames, title words, transliteration characters and the words that
end a name or mark an institution (Simplified script; English titles at the end).

To add a Chinese title: add it to TITLE_WORDS (it then ends a subject before a name, strips from a
registry lookup and is masked inside subjects). English titles: EN_TITLE_WORDS (stripped from a
subject) and EN_NAME_TITLES (a title + full name anywhere teaches the name).
"""

from __future__ import annotations

# Single-character Chinese surnames, most frequent first. A title followed by one of these and one
# or two more characters is a name (交通部长林佑诚); a bare two-character subject counts as a name
# only with one of the first 110 (BARE_NAME_SURNAMES): the last 15 were added for titled names
# only, and with them a bare subject such as 欧方 (欧方对此表示欢迎, "the European side") would
# become a person named 欧方.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "赖柯卓萧洪游詹翁傅庄施温颜康蓝简钮欧阮凌童樊柴纪佘"
)
SURNAME_SET = frozenset(SURNAMES)
BARE_NAME_SURNAMES = frozenset(SURNAMES[:110])

# Title words: what precedes a name (美国国防部长 + 赫格塞斯) or follows it (川普 + 总统).
TITLE_WORDS = frozenset((
    "总统", "副总统", "总理", "副总理", "首相", "部长", "副部长", "外长", "防长", "国务卿", "发言人",
    "女发言人", "新闻秘书", "新闻发言人", "主席", "副主席", "秘书长", "大使", "议员", "参议员",
    "众议员", "州长", "市长", "局长", "署长", "主任", "委员", "院长", "司令", "将军", "顾问", "特使",
    "代表", "官员", "高官", "国王", "女王", "王储", "总书记", "党主席", "主委", "董事长", "总裁",
    "执行长", "首席执行官", "创办人", "创始人", "教授", "专家", "学者", "分析师", "律师", "法官",
    "检察官", "记者", "主播", "研究员", "经济学家", "幕僚长", "总司令", "司长", "处长", "厅长",
    "省长", "县长", "区长", "立委", "议长", "党魁", "领袖", "领导人", "元首", "总督", "大主教",
    "教宗", "外交部长", "国防部长", "财政部长", "商务部长", "内政部长", "司法部长", "国务委员",
    "参谋长", "指挥官", "负责人", "主管", "经理", "医师", "医生", "博士", "院士", "作家", "导演",
    "演员", "歌手", "球员", "教练", "总经理", "行政长官", "特首", "部长会议主席",
    "安全顾问", "国家安全顾问", "首席", "联合创始人", "ceo", "cfo", "特别代表", "特别顾问",
    "助理", "部长助理", "副国务卿", "副局长", "副主任", "副院长", "副市长", "副秘书长", "大法官",
    "总检察长", "检察总长", "军长", "舰长", "首长", "酋长", "亲王", "王子", "公主", "夫人",
    "先生", "女士", "小姐", "太太", "理事长", "会长", "召集人", "发起人", "董事", "所长", "副教授",
    "助理教授", "讲师", "执行秘书", "秘书", "干事", "组长", "科长", "校长", "立法会议员", "市议员",
    "副主委", "副署长", "总干事", "社长", "总编辑", "主编", "党鞭", "总召", "干部", "村长",
    "影评人", "评论员", "评论家", "观察家", "主持人", "博主", "艺人", "制片人", "监制", "编剧",
    # Taiwan and Hong Kong ranks: 外交部次長, 政務次長, 主計長, 審計長, 政務委員, 參事.
    "次长", "政务次长", "常务次长", "主计长", "审计长", "政务委员", "参事", "常任秘书长",
))
# Short titles after a surname for a person named before (卓院长, 萧委员, 赖总统, 卓揆).
SURNAME_TITLES = ("揆", "院长", "部长", "总统", "副总统", "主委", "委员", "市长", "议员", "立委", "发言人", "署长",
                  "局长", "主席", "执行长", "董事长", "总理", "省长", "州长", "县长", "议长", "特首", "司长")
# What may follow an institution name and still mean the institution (莫斯科方面, 美国政府).
NAME_SUFFIXES = ("方面", "政府", "官方", "当局", "政权", "一方", "方")

# Characters typical of transliterated foreign names (佩斯科夫, 赫格塞斯): a title followed by a
# run of these is a name even without a Chinese surname.
TRANSLIT_CHARS = frozenset(
    "斯特克夫尔基拉德里森顿普朗伦马卡罗布沃金纳维亚诺莱丁利格兰曼贝塞赫科佩泽万鲁比欧威巴哈戈蒂雷埃娜莎丽"
    "米奇契尼西奥杰约翰汉珀林恩福霍姆默梅麦迪达多弗加凯肯库帕皮索托瓦文希谢扎詹芬艾安伊因伯柏彼得斐菲乔"
    "琼拜登蓬舒茨朔洛夫娃耶鲍泰坦沙蒙萨塔图乌内列吉阿兹茹什热佐切捷罗杜洪"
)
# Adverbs that need a plural subject (同 together, 均/皆 all): right after a surname and one character they
# are the third character of the name (李大同表示), never the adverb (names_zh.name_through_plural_adverb).
PLURAL_ADVERBS = frozenset("同均皆")
# Characters that begin what follows a name (a verb, a time, a preposition) rather than the name.
NAME_STOP = frozenset("表说称指强在于今昨日月年也还并则等、及和与的受回答质接出对向先稍随批反驳认坦透直重补呼建分形宣承"
                      "当会以就都亦又再已将曾更均率发于被是为,:(「“ 0123456789")
# Characters that never continue a person's name (verbs of saying, prepositions, time words).
NAME_HARD_STOP = frozenset("表说称指在于今昨日月年也还并则等、及和与的受回答质对向是为被将已曾就都又再亦均率,:(「“ ")
# Characters of a pronoun or a demonstrative: a subject holding one is no bare name.
NOT_IN_BARE_NAME = frozenset("他她我你们其此该这那")
# Verb endings: a four-character subject ending so is what a speaker did, not a name (相继出面表示, 纷纷出来说).
NOT_BARE_NAME_ENDS = ("出面", "出来", "表态", "发声", "站出")

# Institutions and groups that speak without a person (used when the registry does not know them).
INSTITUTION_ENDS = ("部", "院", "署", "局", "省", "会", "办", "处", "委", "厅", "府", "宫", "方面",
                    "政府", "当局", "军", "党", "社", "台", "报", "网", "委员会", "中心", "组织",
                    "联盟", "大使馆", "领事馆", "法院", "议会", "国会", "公司", "集团", "银行",
                    "协会", "机构", "智库", "团队", "阵营", "联合会", "工会", "人士", "官员",
                    "专家", "学者", "消息人士", "分析人士", "观察人士", "民众", "网友", "发言人",
                    "团体", "业者", "店家", "老板", "居民", "市民", "司机", "家长", "党团", "商户", "业界",
                    "小姐", "先生", "女士", "太太", "会议", "统计局", "汽车", "科技", "航空", "控股", "股份",
                    "电信", "证券", "外交官", "议员", "成员")
# Units a joined title is made of (某大学化学系与材料研究所教授王某, 海洋科学与工程研究所长): 与/和 after
# one of these and before a title and a name joins two units of one title, not two speakers.
DEPARTMENT_ENDS = ("系", "所", "学院", "大学", "中心", "研究院", "医院", "科", "部", "院", "局", "署", "处", "会", "组",
                   "学会", "协会", "基金会", "实验室")
# ... of which these name people (一名议员, 店家, 消息人士): the speaker is a person, not an organisation.
ANONYMOUS_PEOPLE = ("议员", "外交官", "老板", "店家", "居民", "市民", "司机", "家长", "小姐", "先生", "女士", "太太",
                    "人士", "官员", "民众", "专家", "学者", "成员")
# Company and association endings: a company named around a registry mention is the company
# (台积电公司, not 台积电's registry entry alone).
COMPANY_ENDS = ("公司", "集团", "企业", "协会", "工会", "公会", "基金会", "联合会", "商会", "银行", "大学", "医院",
                "研究院", "学会", "控股", "航空", "电信", "科技", "股份")
# Words before and after a mention that say the person is a woman or a man.
FEMALE_AFTER = ("女士", "小姐", "太太", "夫人")
MALE_AFTER = ("先生",)

# --- English ---------------------------------------------------------------------------------
# Title words stripped from a subject ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov").
EN_TITLE_WORDS = (
    "President", "Vice President", "Prime Minister", "Minister", "Secretary", "Spokesman",
    "Spokeswoman", "Spokesperson", "spokesman", "spokeswoman", "spokesperson", "Chancellor",
    "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "General", "Gen.",
    "Ambassador", "Envoy", "Chairman", "Chairwoman", "Chair", "Director", "Dr.", "Mr.", "Mrs.",
    "Ms.", "King", "Queen", "Prince", "Pope", "Judge", "Justice", "Professor", "Prof.",
    "CEO", "Chief", "Executive", "Commissioner", "Opposition", "Mining", "Foreign", "Defence", "Defense", "Leader",
    "leader", "minister", "secretary", "official", "adviser", "advisor", "envoy", "ambassador", "analyst", "lawmaker",
    "chief", "director",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness",  # British style, without a full stop
    "Councillor", "Councilman", "Councilwoman", "Councilmember", "Premier", "Speaker",
)
EN_TITLE_LOWER = frozenset(w.lower() for w in EN_TITLE_WORDS if " " not in w) | {"analyst", "economist"}
# Titles before a full name that teach the name anywhere in the text ("Mayor Rosa Delgado").
EN_NAME_TITLES = ("Mayor", "Commissioner", "Sen.", "Senator", "Rep.", "Representative", "Councilman", "Councilwoman",
                  "Councilmember", "Minister", "President", "Governor", "Gov.", "Secretary", "Director", "Chairman",
                  "Chairwoman", "Chair", "spokesman", "spokeswoman", "spokesperson", "Ms.", "Mr.", "Mrs.", "Dr.",
                  "Judge", "Professor", "Prof.", "Ambassador", "General", "Gen.", "Chancellor", "Premier", "Speaker",
                  "chief executive", "CEO", "analyst", "economist")
EN_FEMALE_TITLES = frozenset(("councilwoman", "chairwoman", "spokeswoman", "ms", "mrs"))
EN_MALE_TITLES = frozenset(("councilman", "chairman", "spokesman", "mr"))
# Capitalised words that are no name ("The", "But", weekdays at a sentence start).
EN_NOT_NAMES = frozenset(("the", "i", "we", "it", "this", "that", "but", "and", "in", "on", "he", "she", "they",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
