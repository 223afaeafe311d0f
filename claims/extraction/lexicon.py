"""Extraction core: every word list and compiled regex, built once at import.

All Chinese lists are written in Simplified script: the extractor matches against
``fold(text)`` (width-folded, OpenCC t2s), which keeps offsets one to one with the original.
"""

from __future__ import annotations

import re

# --- Chinese reporting verbs --------------------------------------------------------------
# Verbs that introduce speech and may be followed directly by the content (no punctuation).
ZH_SAY_STRONG = (
    "表示", "指出", "强调", "直言", "声称", "宣称", "坚称", "透露", "坦言", "警告", "重申",
    "补充", "说道", "写道", "宣布", "证实", "承认", "认为", "称", "说", "指", "提到", "谈到",
    "声明", "呼吁", "批评", "抨击", "驳斥", "反驳", "否认", "回应", "表态", "暗示", "解释",
    "说明", "形容", "感叹", "直指", "痛批", "怒斥", "喊话", "放话", "表明", "披露", "爆料",
    "预言", "断言", "质疑", "告诉", "对记者说", "告诉记者", "回答", "答复", "致辞", "发文",
    "发帖", "发推", "撰文", "留言", "写信", "来信", "报导", "报道",
    "提出", "主张", "建议", "保证", "承诺", "揭露", "分析", "预计", "预测", "估计", "相信",
    "斥责", "谴责", "讽刺", "嘲讽", "调侃", "自称", "坦承", "提醒", "呼籲", "强调说",
    "表示说", "说过", "称赞", "赞扬", "赞扬说", "指称", "指控", "控诉", "抱怨", "表达", "要求",
    "估计", "答询", "强调指", "宣告", "坦承", "告知", "转达", "提及", "讲", "扬言", "暗批", "炮轰", "反批",
    "话", "反呛", "发布声明", "显示",
)
# Verbs that only count when punctuation or a quote follows (they are common in narration).
ZH_SAY_WEAK = ("提出", "建议", "主张", "分析", "预计", "预测", "估计", "相信", "表达", "回答",
               "答复", "致辞", "留言", "写信", "来信", "保证", "承诺", "提醒", "抱怨", "称赞",
               "赞扬", "讽刺", "嘲讽", "调侃", "形容", "解释", "说明", "批评", "抨击", "质疑",
               "指控", "控诉", "揭露", "分析", "认为", "相信", "要求", "答询", "告知", "转达",
               "提及", "讲")
# Speech verbs of a media outlet (据路透社报导, BBC报道称).
ZH_REPORT = ("报导", "报道", "引述", "援引", "转述")
# Questions are not statements (记者问, 追问, 质问).
ZH_ASK = ("问道", "追问", "质问", "反问", "提问", "询问", "问")

# Words containing a speech verb that are not speech: 说法 (a view), 据说 (hearsay), 小说 ...
ZH_NOT_SPEECH_AFTER = ("法", "服", "客", "明书", "词", "唱", "书", "明会", "谎", "话题", "呼", "号")
ZH_NOT_SPEECH_BEFORE = ("据", "听", "小", "虽", "游", "比如", "就是", "以", "来", "再", "传",
                        "或者", "换句话", "可以", "不用", "老实", "难", "好", "总的来", "坦白",
                        "简单", "一般来", "严格来", "照理", "按理", "所", "俗", "假")

# Speech acts whose content is an attitude, not a claim (表示感谢/遗憾/欢迎/关切).
ZH_SPEECH_ACTS = (
    "感谢", "谢意", "遗憾", "欢迎", "关切", "关注", "拒绝", "反对", "支持", "同意", "赞同",
    "谴责", "不满", "震惊", "乐观", "悲观", "哀悼", "慰问", "祝贺", "道歉", "歉意", "愤慨",
    "担忧", "忧虑", "失望", "认同", "肯定", "理解", "赞赏", "感激", "祝福", "敬意", "强烈不满",
)

# Words in a clause before the verb that name no speaker (据悉, 据了解, 据说).
ZH_NO_SPEAKER = ("据悉", "据了解", "据说", "据传", "据称", "据报", "有消息", "消息称", "外界",
                 "据信", "一般认为", "普遍认为", "有人")

# Markers that end a subject noun phrase (time, place, adverbs before the verb).
ZH_SUBJECT_END = re.compile(
    r"\d|当地时间|北京时间|台北时间|美东时间|今天|昨天|前天|今日|昨日|本周|上周|周[一二三四五六日末]|"
    r"星期|日前|稍早|早前|此前|先前|随即|随后|后来|稍后|同日|当天|当日|同时|会后|会前|"
    r"答询|质询|受访|回覆|回复|见传媒|见记者|致词|致辞|发言时|演讲|讲话时|"
    r"[在于向对跟与和同也还并亦则更又再曾已将就都仍却便即均皆只仅]|受访|接受|透过|通过|藉|"
    r"明确|原则上|公开|私下|正式|首度|首次|再次|一再|不断|进一步|罕见|直接|当面|会后|会上|"
    r"[今昨](?=\(\d)|发文|发布|发表|发出|召开|出席|举行|上午|下午|晚间|中午|早上|凌晨|今年|去年|月|日|年|时|[(:,;。!?]"
)

# Adverbs that chain a clause to the previous speaker (并强调, 也指出, 还说, 不断强调).
ZH_CHAIN = ("但是", "但", "而", "却", "且", "并且", "并", "也", "还", "亦", "另", "更", "又", "再", "同时", "此外", "另外", "随后",
            "随即", "稍后", "后来", "不断", "再次", "一再", "进一步", "则", "最后", "只", "仅",
            "甚至", "直接", "明确", "公开", "坦白", "继续", "补充")

# Pronouns and anaphors that stand for a speaker mentioned before.
ZH_PRONOUNS = {
    "他": "he", "她": "she", "他们": "they", "她们": "they", "后者": "latter", "前者": "former",
    "该官员": "official", "这名官员": "official", "该发言人": "official", "该人士": "official",
    "对方": "other", "其": "he", "他本人": "he", "她本人": "she", "这位官员": "official",
    "该名官员": "official", "该部": "org", "该国": "org", "该组织": "org", "该公司": "org",
}

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
    "演员", "歌手", "球员", "教练", "总经理", "行政长官", "特首", "局长", "署长", "部长会议主席",
    "安全顾问", "国家安全顾问", "首席", "联合创始人", "ceo", "cfo", "特别代表", "特别顾问",
    "助理", "部长助理", "副国务卿", "副局长", "副主任", "副院长", "副市长", "副秘书长", "大法官",
    "总检察长", "检察总长", "军长", "舰长", "首长", "酋长", "亲王", "王子", "公主", "夫人",
    "先生", "女士", "小姐", "太太", "理事长", "会长", "召集人", "发起人", "董事", "所长", "副教授",
    "助理教授", "讲师", "执行秘书", "秘书", "干事", "组长", "科长", "校长", "立法会议员", "市议员",
    "副主委", "副署长", "副局长", "总干事", "社长", "总编辑", "主编", "党鞭", "总召", "干部", "村长",
    "影评人", "评论员", "评论家", "观察家", "主持人", "博主", "艺人", "制片人", "监制", "编剧",
    # Taiwan and Hong Kong ranks: 外交部次長, 政務次長, 主計長, 審計長, 政務委員, 參事.
    "次长", "政务次长", "常务次长", "主计长", "审计长", "政务委员", "参事", "常任秘书长",
))
# Title words sorted longest first for suffix matching in a subject.
TITLES_LONGEST_FIRST = tuple(sorted(TITLE_WORDS, key=len, reverse=True))

# What may follow an institution name and still mean the institution (莫斯科方面, 美国政府).
NAME_SUFFIXES = ("方面", "政府", "官方", "当局", "政权", "一方", "方")

# Institutions that speak without a person (used when the gazetteer does not know them).
ZH_INSTITUTION_END = ("部", "院", "署", "局", "省", "会", "办", "处", "委", "厅", "府", "宫", "方面",
                      "政府", "当局", "军", "党", "社", "台", "报", "网", "委员会", "中心", "组织",
                      "联盟", "大使馆", "领事馆", "法院", "议会", "国会", "公司", "集团", "银行",
                      "协会", "机构", "智库", "团队", "阵营", "联合会", "工会", "人士", "官员",
                      "专家", "学者", "消息人士", "分析人士", "观察人士", "民众", "网友", "发言人",
                      "团体", "业者", "店家", "老板", "居民", "市民", "司机", "家长", "党团", "商户", "业界",
                      "小姐", "先生", "女士", "太太", "会议", "统计局", "汽车", "科技", "航空", "控股", "股份",
                      "电信", "证券", "外交官", "议员", "成员")

# --- Stances ------------------------------------------------------------------------------
ZH_SUPPORT = ("同意", "赞同", "支持", "认同", "赞成", "附和", "欢迎", "肯定", "背书", "证实", "赞扬", "力挺",
              "声援", "赞赏")
ZH_OPPOSE = ("拒绝", "否认", "反对", "驳斥", "斥责", "反驳", "谴责", "不同意", "不认同", "不接受",
             "不赞同", "否定", "批驳", "痛批", "抨击", "怒斥", "质疑", "批评", "回绝", "斥为",
             "不赞成", "驳回", "不以为然", "持不同看法", "持不同意见", "唱反调", "不买账",
             "暗批", "炮轰", "反批", "打上问号", "打问号", "画上问号", "不支持", "不认可", "批驳称")
# Stance verbs that also report content when a clause follows them (暗批X决策草率).
ZH_SAY_OPPOSE = ("驳斥", "斥责", "反驳", "批评", "抨击", "质疑", "谴责", "痛批", "怒斥", "暗批", "炮轰", "反批")
# Content words of a threatened response to a measure (揚言將採取反制措施): opposition.
ZH_COUNTER = ("反制", "报复措施", "对等措施", "回击", "奉陪到底")
# Objects of 欢迎/支持 that stand for an announced decision (歡迎政府公布時間表).
ZH_DECISION_WORDS = ("公布", "宣布", "决定", "措施", "方案", "政策", "计划", "举措", "做法", "安排",
                     "协议", "声明", "表态", "倡议", "提议", "回应", "决策", "方向", "立场", "说法")
# Nouns that refer back to something said (他的说法, 其观点, 该提议).
ZH_CLAIM_NOUNS = ("说法", "观点", "看法", "提议", "建议", "言论", "表态", "立场", "主张", "方案",
                  "计划", "声明", "指控", "报导", "报道", "讲法", "论点", "评论", "想法", "要求",
                  "呼吁", "倡议", "指责", "批评", "谈话", "讲话", "发言", "意见", "提案",
                  "做法", "方向", "努力", "决定", "诉求", "论述", "说词", "言词", "判断", "解释")
# Negative content words that turn a bare 回应 into rejection.
ZH_NEGATIVE = ("不可能", "不会", "不曾", "没有", "并未", "从未", "绝不", "不实", "错误", "谎言",
               "荒谬", "荒唐", "无稽", "胡说", "毫无根据", "假新闻", "不存在", "不是事实",
               "不接受", "拒绝", "否认", "反对", "不同意", "不符合", "站不住脚", "造谣", "抹黑",
               "污蔑", "诬蔑")
ZH_POSITIVE = ("欢迎", "同意", "支持", "赞同", "正确", "没错", "属实", "确实如此", "认同", "好主意")

# --- English -------------------------------------------------------------------------------
EN_SAY = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "declared",
    "announced", "warned", "warns", "noted", "notes", "wrote", "writes", "tweeted", "posted",
    "explained", "argued", "argues", "claimed", "claims", "insisted", "insists", "stressed",
    "emphasised", "emphasized", "acknowledged", "admitted", "confirmed", "denied", "rejected",
    "urged", "replied", "responded", "continued", "remarked", "observed", "predicted",
    "suggested", "believes", "believed", "contended", "asserted", "maintained", "conceded",
    "recalled", "cautioned", "complained", "countered", "vowed", "pledged", "promised",
    "announces", "thinks", "thought", "reiterated", "disclosed", "revealed", "reported",
    "reports", "estimated", "concluded", "agreed", "dismissed", "blasted", "criticised",
    "criticized", "accused", "alleged", "boasted", "hinted", "signalled", "signaled", "adding",
    "saying",
)
EN_ASK = ("asked", "asks", "wondered", "queried", "questioned")
EN_SUPPORT = ("agreed", "agrees", "supported", "supports", "welcomed", "welcomes", "endorsed",
              "endorses", "backed", "backs", "confirmed", "confirms", "praised", "hailed", "sided",
              "applauded", "defended")
EN_OPPOSE = ("denied", "denies", "rejected", "rejects", "dismissed", "dismisses", "disputed",
             "disputes", "refuted", "refutes", "rebuffed", "rebuffs", "condemned", "condemns",
             "contradicted", "contradicts", "opposed", "opposes", "slammed", "blasted",
             "criticised", "criticized", "ridiculed", "scoffed")
EN_CLAIM_NOUNS = ("claim", "claims", "statement", "statements", "remarks", "remark", "comments",
                  "comment", "proposal", "proposals", "suggestion", "idea", "plan", "accusation",
                  "accusations", "allegation", "allegations", "report", "reports", "assertion",
                  "warning", "warnings", "criticism", "concerns", "concern", "notion", "charge", "charges",
                  "view", "views", "assessment", "position", "offer", "demand", "demands", "call",
                  "decision", "move", "announcement", "measure", "measures", "ruling", "account",
                  "forecast", "estimate", "figures", "argument", "arguments", "policy", "bill",
                  "version", "characterization", "characterisation", "suggestions", "ideas", "plans",
                  "proposals", "decisions", "findings", "conclusion", "narrative")
EN_PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "org"}
EN_TITLE_WORDS = (
    "President", "Vice President", "Prime Minister", "Minister", "Secretary", "Spokesman",
    "Spokeswoman", "Spokesperson", "spokesman", "spokeswoman", "spokesperson", "Chancellor",
    "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "General", "Gen.",
    "Ambassador", "Envoy", "Chairman", "Chairwoman", "Chair", "Director", "Dr.", "Mr.", "Mrs.",
    "Ms.", "King", "Queen", "Prince", "Pope", "Judge", "Justice", "Professor", "Prof.",
    "CEO", "Chief", "Executive", "Commissioner", "Opposition", "Mining", "Foreign", "Defence", "Defense", "Leader", "leader", "minister", "secretary", "official",
    "adviser", "advisor", "envoy", "ambassador", "analyst", "lawmaker", "chief", "director",
)

# --- Outlets and platforms (English names), used for via when the gazetteer lacks them. -----
OUTLETS = {
    "路透社": "Reuters", "路透": "Reuters", "reuters": "Reuters",
    "美联社": "Associated Press", "ap": "Associated Press", "associated press": "Associated Press",
    "法新社": "AFP", "afp": "AFP", "彭博社": "Bloomberg", "彭博": "Bloomberg", "bloomberg": "Bloomberg",
    "bbc": "BBC", "英国广播公司": "BBC", "cnn": "CNN", "美国有线电视新闻网": "CNN",
    "卫报": "The Guardian", "guardian": "The Guardian", "the guardian": "The Guardian",
    "纽约时报": "The New York Times", "new york times": "The New York Times",
    "华尔街日报": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
    "华盛顿邮报": "The Washington Post", "washington post": "The Washington Post",
    "金融时报": "Financial Times", "financial times": "Financial Times",
    "经济学人": "The Economist", "新华社": "Xinhua", "xinhua": "Xinhua", "中央社": "CNA",
    "中央通讯社": "CNA", "塔斯社": "TASS", "tass": "TASS", "俄新社": "RIA Novosti",
    "共同社": "Kyodo", "韩联社": "Yonhap", "半岛电视台": "Al Jazeera", "al jazeera": "Al Jazeera",
    "德国之声": "DW", "美国之音": "VOA", "自由亚洲电台": "RFA", "福斯新闻": "Fox News",
    "福克斯新闻": "Fox News", "fox news": "Fox News", "nbc": "NBC", "cbs": "CBS", "abc": "ABC",
    "axios": "Axios", "politico": "Politico", "nhk": "NHK", "央视": "CCTV", "环球时报": "Global Times",
    "人民日报": "People's Daily", "联合报": "United Daily News", "自由时报": "Liberty Times",
    "明报": "Ming Pao", "南华早报": "South China Morning Post", "朝日新闻": "Asahi Shimbun",
    "读卖新闻": "Yomiuri Shimbun", "每日电讯报": "The Telegraph", "泰晤士报": "The Times",
    "镜报": "Daily Mirror", "明镜周刊": "Der Spiegel", "世界报": "Le Monde", "大纪元": "The Epoch Times",
    "新唐人": "NTD", "看中国": "Vision Times", "纽约邮报": "New York Post", "今日美国": "USA Today",
    "时代杂志": "Time", "新闻周刊": "Newsweek", "国会山报": "The Hill", "the hill": "The Hill",
}
PLATFORMS = {
    "truth social": "Truth Social", "真相社交": "Truth Social", "真相社会": "Truth Social",
    "x": "X", "twitter": "X", "推特": "X", "推特(x)": "X", "x平台": "X",
    "facebook": "Facebook", "脸书": "Facebook", "脸书(facebook)": "Facebook", "instagram": "Instagram",
    "telegram": "Telegram", "电报": "Telegram", "youtube": "YouTube", "微博": "Weibo",
    "weibo": "Weibo", "微信": "WeChat", "wechat": "WeChat", "threads": "Threads",
    "tiktok": "TikTok", "抖音": "Douyin", "linkedin": "LinkedIn", "领英": "LinkedIn",
    "bluesky": "Bluesky", "vk": "VK",
}
# Nouns that make a platform name a venue (在社交媒体X上, 在脸书发文).
ZH_VENUE_NOUNS = ("社交媒体", "社群媒体", "社交平台", "社群平台", "社交网站", "平台", "帐号", "账号",
                  "帐户", "账户", "推文", "贴文", "发文", "页面", "官网", "长文", "短文", "文章")

# Sentence and clause punctuation (after width folding).
SENT_END = "。!?;\n"
CLAUSE_END = "。!?;,,、:\n"

# Characters typical of transliterated foreign names (佩斯科夫, 赫格塞斯): a title followed by a
# run of these is a name even without a Chinese surname.
TRANSLIT_CHARS = frozenset(
    "斯特克夫尔基拉德里森顿普朗伦马卡罗布沃金纳维亚诺莱丁利格兰曼贝塞赫科佩泽万鲁比欧威巴哈戈蒂雷埃娜莎丽"
    "米奇契尼西奥杰约翰汉珀林恩福霍姆默梅麦迪达多弗加凯肯库帕皮索托瓦文希谢扎詹芬艾安伊因伯柏彼得斐菲乔"
    "琼拜登蓬舒茨朔洛夫娃耶鲍泰坦沙蒙萨塔图乌内列吉阿兹茹什热佐切捷罗杜洪"
)
# Single-character Chinese surnames (most frequent), for telling a name after a title.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "赖柯卓萧洪游詹翁傅庄施温颜康蓝简钮罗欧阮凌童樊柴纪佘"
)
# Characters that begin what follows a name (a verb, a time, a preposition) rather than the name.
NAME_STOP = frozenset("表说称指强在于今昨日月年也还并则等、及和与的受回答质接出对向先稍随批反驳认坦透直重补呼建分形宣承"
                      "当会以就都亦又再已将曾更均率发于被是为,:(「“ 0123456789")
