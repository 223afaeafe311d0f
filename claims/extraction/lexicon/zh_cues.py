"""Chinese cue words kept apart from zh.py (at its size limit), Simplified script."""

# A posting verb heading a noun (发文时间, 留言次数) or joined to another verb before a noun (发文或转传的
# 时间序) is no verb of saying: these words right after a ROLE_POSTS verb mean it is a noun.
POST_NOUN_AFTER = ("时间", "次数", "日期", "或")

# A verb of saying inside the object of a comparison (发文时间晚于某某以及媒体报导, 比他说的还早) is a noun:
# these words earlier in its clause mean it is no cue.
COMPARISON_WORDS = ("晚于", "早于", "先于", "不同于", "有别于", "多于", "少于", "高于", "低于", "大于", "小于")
