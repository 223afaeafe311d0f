"""Chinese cue words kept apart from zh.py (at its size limit), Simplified script."""

# A posting verb heading a noun (发文时间, 留言次数) or joined to another verb before a noun (发文或分享的
# 数量) is no verb of saying: these words right after a ROLE_POSTS verb mean it is a noun.
POST_NOUN_AFTER = ("时间", "次数", "日期", "或")

# A verb of saying inside the object of a comparison (留言的时间都晚于某某以及新闻报导, 比他说的还早) is a noun:
# these words earlier in its clause mean it is no cue.
COMPARISON_WORDS = ("晚于", "早于", "先于", "不同于", "有别于", "多于", "少于", "高于", "低于", "大于", "小于")
# ... except a word of time right after one of them: 早于上周表示, 先于5月底说 (as early as), no comparison.
TIME_AFTER_COMPARISON = ("上", "去", "前", "昨", "今", "本", "当", "同", "该", "这", "此", "年", "月", "日", "周")
