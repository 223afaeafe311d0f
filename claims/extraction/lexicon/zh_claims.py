"""Extraction lexicon, Chinese same-claim comparison (claim_clauses.py): the words that change between
a quote and its report, or between two tellings of one claim, without changing what is claimed.

Written in Simplified script, like lexicon/zh.py: the comparison reads folded text.
"""

from __future__ import annotations

# The persons of the words: 「我不會背棄」 reported as 他不會背棄; dropped before comparing.
CLAIM_PERSON_WORDS = ("我们", "他们", "她们", "你们", "咱们", "我", "他", "她", "你", "您", "自己", "本人")
# Negation said another way, folded to one form: 並非專家 / 不是專家, 並未規定 / 沒有規定.
CLAIM_NEGATION_FORMS = {"并非": "不是", "并不是": "不是", "并不": "不", "并未": "没有", "从未": "从没有",
                        "未曾": "没有", "未": "没有", "没有": "没有", "没": "没有"}
# Words holding a negating character that negate nothing (非常, 未来, 不仅): a clause with one is
# not negated by it. The A-not-A question (是不是, 会不会) is folded to 是否 first.
CLAIM_NOT_NEGATIONS = ("非常", "未来", "不仅", "不只", "不但", "不断", "不少", "不久", "不论", "不管", "无论",
                       "除非", "莫非", "非洲", "是非", "不得不", "无不", "不外乎", "毫无疑问", "不过")
CLAIM_NEGATORS = "不没无非勿"
# Words of a condition (若有人嗆到他,他將送一盒肉粽): what follows holds only under it, so a clause of a
# conditional statement is no claim of its own.
CLAIM_CONDITIONS = ("若", "如果", "假如", "要是", "只要", "即使", "就算", "一旦", "倘若", "万一", "假设")
# Words opening with a condition's character that open no condition (如今 now, 若干 several).
NOT_CONDITIONS = ("如今", "如同", "如此", "如何", "如下", "如期", "若干")
