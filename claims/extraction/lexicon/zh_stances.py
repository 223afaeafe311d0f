"""Extraction lexicon, Chinese stance and report words (stances.py, reports.py): who holds a stance
when a body or several people are named, and what an unsourced report is made of.

Written in Simplified script, like lexicon/zh.py: the stages read folded text. Each list's use is
tested with sentences written for it (tests/extraction/test_stance_classes.py,
test_stance_topic_words.py).
"""

from __future__ import annotations

from .rows import OPPOSE, StanceWord

# Words before a stance verb that opens a statement (他也不认同…): the statement's speaker holds it.
STANCE_OPENING_PRONOUNS = ("", "他", "她", "他也", "她也", "他则", "她则", "他并", "她并")
# Titles right after a body's name that make the speaker its head or voice (行政院长, 党主席, 陆委会发言人).
HEAD_TITLES = ("长", "主席", "主委", "发言人", "总召", "总统", "总理", "首相", "秘书长", "院长", "部长", "局长", "署长")
# A holder's own side opening their words (经济部能源署副署长陈某表示，政府并不同意…): the word, and the
# end of a government body's name and the office after it that make the holder speak for a government.
OWN_GOVERNMENT_WORDS = ("政府", "本府", "我国政府")
FIRST_PERSON_SIDES = ("我们", "我方", "本党", "本部", "本院")  # 我们坚决反对…: the speaker's own side
GOVERNMENT_BODY_ENDS = ("部", "署", "局", "府", "厅", "处")
GOVERNMENT_OFFICES = ("部长", "署长", "局长", "市长", "县长", "厅长", "处长", "发言人", "主任", "秘书长")
# Words between a side's name and its stance verb (中方对此坚决反对, 政府并不同意).
SIDE_ADVERBS = ("对此", "坚决", "强烈", "完全", "一贯", "始终", "高度", "并", "也", "则", "都", "亦", "更", "再次")
# Words joining names in a holder's phrase (遭郑某及立委黄某打脸): each name a holder.
COORDINATORS = ("以及", "、", "和", "与", "及", "跟")

# An unsourced report (有消息传出…, 有媒体指出「…」): its verb, its source words (longest first where
# one ends another), the verbs that need no source word, and the writer's turn after its words.
REPORT_VERBS = ("传出", "指出", "报导", "报道", "盛传", "网传", "外传")
REPORT_SOURCES = ("特定媒体", "消息", "传言", "传闻", "媒体", "网友")
UNSOURCED_REPORT_VERBS = ("网传", "外传", "盛传")
WRITER_TURNS = ("甚至", "不料", "但", "却", "不过", "然而", "可是")

# Verbs that report a claim and call it false (某某造谣称…, 谎称…): the claim is its teller's, rejected
# by the one whose words hold it (lies.py).
LIE_VERBS = ("造谣", "谎称", "诓称", "诬称", "诬指", "假称")
# ... and one that takes a thing as its object (捏造了帐目) unless a verb of saying follows (捏造说…).
LIE_VERBS_BEFORE_SAYING = ("捏造",)
# Markers of the passive (遭议员李某驳斥, 被市府打脸): the agent after them holds the stance.
PASSIVE_MARKERS = ("遭到", "受到", "遭", "被")
# Verbs of a passive rebuttal right after a claim called a lie (…谎称P，随即被工务局驳斥).
REBUTTAL_VERBS = ("打脸", "驳斥", "反驳", "否认", "戳破", "澄清", "纠正")

# A reply that only says yes (「没错啊」, 「对」) to a yes/no question closing someone's statement:
# support of that statement (stances_zh_answers.answered_yes); particles (啦, 啊) are stripped first.
AFFIRMING_ANSWERS = ("差不多", "没错", "没有错", "对", "对啊", "是的", "是", "确实", "的确", "当然", "可以", "正是如此",
                     "确实如此", "就是这样", "同意")

# More words that turn an answer (对此回应…, 回应称…) into a rejection of what was said: rows of
# lexicon/zh.py STANCE_WORDS (test_lexicon.py walks them), kept here for the size of zh.py.
_T = "川普表示,俄方願意在下個月停火。\n"  # a statement to answer


def _denial(word: str, answer: str, plain: str) -> StanceWord:
    return StanceWord(word, OPPOSE, "rejecting answer", _T + answer, _T + plain)


DENIAL_WORDS = (
    _denial("并非事实", "佩斯科夫回應,相關說法並非事實。", "佩斯科夫表示,小說的情節並非事實。"),
    _denial("捏造", "佩斯科夫回應,相關報導純屬捏造。", "佩斯科夫表示,捏造證據的人將被起訴。"),
    _denial("纯属虚构", "佩斯科夫回應,這些內容純屬虛構。", "佩斯科夫表示,本劇情節純屬虛構。"),
    _denial("错误讯息", "佩斯科夫回應,此說法是錯誤訊息。", "佩斯科夫表示,系統出現錯誤訊息時要重新開機。"),
    _denial("错误信息", "佩斯科夫回應,這是錯誤信息。", "佩斯科夫表示,系統出現錯誤信息時要重新開機。"),
    _denial("完全错误", "佩斯科夫回應,這種說法完全錯誤。", "佩斯科夫表示,那張考卷的答案完全錯誤。"),
    _denial("并无此事", "佩斯科夫回應,並無此事。", "佩斯科夫表示,他記得並無此事的紀錄。"),
    _denial("绝无此事", "佩斯科夫回應,絕無此事。", "佩斯科夫表示,他保證絕無此事再發生。"),
    _denial("没有这回事", "佩斯科夫回應,根本沒有這回事。", "佩斯科夫表示,他記得沒有這回事的報導。"),
    _denial("假消息", "佩斯科夫回應,這是假消息。", "佩斯科夫表示,學校應該教學生辨識假消息。"),
    _denial("并不正确", "佩斯科夫回應,這個說法並不正確。", "佩斯科夫表示,坐姿並不正確會傷害脊椎。"),
)

# Verdicts on someone's words said without 是 (X所言属实, X讲的没错; with 是: zh.py VERDICT_TRUE/FALSE).
BARE_VERDICT_TRUE = ("属实", "没错", "没有错", "不假")
BARE_VERDICT_FALSE = ("不属实", "不实", "有误", "不正确")
