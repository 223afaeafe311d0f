"""Chinese cue words kept apart from zh.py (at its size limit), Simplified script."""

# A posting verb heading a noun (发文时间, 留言次数) or joined to another verb before a noun (发文或转传的
# 时间序) is no verb of saying: these words right after a ROLE_POSTS verb mean it is a noun.
POST_NOUN_AFTER = ("时间", "次数", "日期", "或")
