"""Chinese cue words kept apart from zh.py (at its size limit), Simplified script."""

# A posting verb heading a noun (发文时间, 留言次数) or joined to another verb before a noun (发文或分享的
# 数量) is no verb of saying: these words right after a ROLE_POSTS verb mean it is a noun.
POST_NOUN_AFTER = ("时间", "次数", "日期", "或")

# A verb of saying inside the object of a comparison (留言的时间都晚于某某以及新闻报导, 比他说的还早) is a noun:
# these words earlier in its clause mean it is no cue.
COMPARISON_WORDS = ("晚于", "早于", "先于", "不同于", "有别于", "多于", "少于", "高于", "低于", "大于", "小于")
# ... except a word of time right after one of them: 早于上周表示, 先于5月底说 (as early as), no comparison.
TIME_AFTER_COMPARISON = ("上", "去", "前", "昨", "今", "本", "当", "同", "该", "这", "此", "年", "月", "日", "周")

# The writer reading between the lines (…表态,两个方案都能讨论,隐约透露偏好第二案…; …,言下之意…; …,暗讽…):
# a clause that opens with one of these right after a comma, with no subject of its own, is the writer's
# narration of what the words implied, never more of the words, so it ends the reported clause.
WRITER_READINGS = ("隐约透露", "隐约暗示", "隐约流露", "隐约表达", "言下之意", "意有所指", "弦外之音", "话中有话",
                   "暗讽", "暗酸", "暗批", "似乎暗示", "似有所指", "语带双关", "语带玄机")

# A verdict the speaker sums up in a quote closing the sentence (…都得一起努力,简直就是「种树的人最懂等待」。):
# after a comma, one of these and 是 mark the quote as the speaker's own words, not a name (名称是「…」
# has no such adverb, 这真的是「…」 has its own subject).
VERDICT_ADVERBS = ("真的", "简直", "简直就", "根本", "根本就", "实在", "无异", "等于", "完全")
