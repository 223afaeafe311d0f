"""Extraction lexicon, Chinese: the reporting-verb table and the word lists of the Chinese rules.

Everything is written in Simplified script: the stages match against the folded text
(width-folded, OpenCC t2s), whose offsets are those of the original. Example sentences may be in
either script; they are written for this table.

To add a reporting verb: add one row to ZH_VERBS with an example where it must fire and a
counterexample where it must not (tests/extraction/test_lexicon.py walks every row).
"""

from __future__ import annotations

import re

from .rows import (
    ASK,
    OPPOSE,
    REPORTS_ALWAYS,
    REPORTS_BEFORE_PUNCTUATION,
    SAY,
    SUPPORT,
    GroupName,
    ReportingVerb,
    StanceWord,
)
from .zh_stances import DENIAL_WORDS

# --- Roles: where a later stage singles a verb out (a row lists the roles it plays) ----------
ROLE_OUTLET_REPORT = "outlet report"  # 据X报道 / X报道称: an outlet's report, which may relay a source
ROLE_OUTLET_SPEAKS = "outlet speaks"  # BBC报导 / 路透社指出: an outlet named as the subject speaks
ROLE_ORGANISATION_SPEAKS = "latin-script organisation speaks"  # Uber表示, OpenAI指出
ROLE_BARE_NAME = "bare name"  # a bare 2-4 character name may be the subject (王小明表示)
ROLE_CLAUSE_CRITICISM = "criticism with a clause"  # 有议员批评政府配套不足，…: also a statement
ROLE_DOCUMENT_CRITICISM = "criticism in a document"  # 声明并批评，…: the document's own words, no stance
ROLE_OPENS_CLAUSE = "opens a clause"  # …，批评民进党政府「…」: the same speaker's next statement
ROLE_DESCRIBES = "describes"  # 形容，政府的安排「雷声大、雨点小」: the quoted words are the claim
ROLE_CONFIRMS = "confirms"  # 证实: a stance only on something named or referred to (证实美方说法)
ROLE_AGREES_WITH_PERSON = "agrees with a person"  # 力挺钟以恒: agreeing with what that person said
ROLE_ANSWERS_DECISION = "answers a decision"  # 欢迎政府公布时间表: an announced decision is the target
ROLE_CRITICISES_SPEAKER = "criticises a speaker"  # 暗批交通部决策草率: a speaker named as the object
ROLE_THREATENS_COUNTER = "threatens a counter-measure"  # 扬言将采取反制措施: opposes the measure announced
ROLE_ANSWERS = "answers"  # 对此回应/表示/说…: an answer that rejects with strong words (see STANCE_WORDS)
ROLE_REPLIES = "replies"  # 回应: an answer even without 对此 or a topic clause
ROLE_ADDRESSES = "addresses someone"  # 提醒大家,… / 呼吁民众,…: the ones addressed come before the words
ROLE_POSTS = "posts"  # 发文, PO文: posting; a verb of saying right after (发文转述…,称「…」) carries the words
ROLE_ACCUSES = "accuses"  # 指控, 踢爆: said of someone (被市府指控散播谣言), a rejection of the subject's words
ROLE_ANSWERS_LAST = "answers what was just said"  # 随即反驳 / 表示同意 with no object: the last claim

# Words that, right after a one-character speech verb, make it part of another word (说法, 说服,
# 说客, 说明书, 称号 ...) and words that, right before it, make it hearsay or an idiom (据说,
# 听说, 小说, 虽说, 换句话说, 老实说 ...).
ONE_CHAR_NOT_AFTER = ("法", "服", "客", "明书", "词", "唱", "书", "明会", "谎", "话题", "呼", "号")
ONE_CHAR_NOT_BEFORE = ("据", "听", "小", "虽", "游", "比如", "就是", "以", "来", "再", "传", "或者", "换句话",
                       "可以", "不用", "老实", "难", "好", "总的来", "坦白", "简单", "一般来", "严格来", "照理",
                       "按理", "所", "俗", "假")
# A speech or question verb of two or more characters after these is a noun (国民党的主张, 他的表态).
NOUN_MARKERS = ("的", "之", "所谓")
# A speech verb before 的 modifies a noun (行政院宣布的方案, 他说的话): it reports nothing itself.
VERB_AS_MODIFIER = ("的",)
# 声明指出 / 报道称: a noun followed by the real verb.
SAY_NEXT = tuple(p + v for p in ("", "中") for v in ("指出", "表示", "说", "称", "强调", "写道", "提到", "认为", "批评"))
# 表示感谢/遗憾/欢迎…: an attitude, not a claim.
ATTITUDES = ("感谢", "遗憾", "欢迎", "关切", "哀悼", "慰问", "祝贺")
# Characters before Cantonese 话 that make it a noun or another word (说话, 电话, 神话, 笑话 ...).
HUA_NOT_BEFORE = tuple("说对电讲谈通会神笑废实大坏好童闲情喊白粗放回答的句佳俗套官空屁鬼夜")


def _row(verb: str, kind: str, example: str, counterexample: str, *, not_before: tuple[str, ...] = (),
         not_after: tuple[str, ...] = (), roles: tuple[str, ...] = (), **kw) -> ReportingVerb:
    """A row with the class rules every verb of its shape shares (kept explicit in the row)."""
    if len(verb) == 1:
        not_after += ONE_CHAR_NOT_AFTER
        not_before += ONE_CHAR_NOT_BEFORE
    elif kind in (SAY, ASK):
        not_before += NOUN_MARKERS
    if kind in (SAY, ASK):
        not_after += VERB_AS_MODIFIER
    return ReportingVerb(verb, kind, example, counterexample, not_before=not_before, not_after=not_after,
                         roles=frozenset(roles), **kw)


def _say(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, SAY, example, counterexample, **kw)


def _weak(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, SAY, example, counterexample, weak=True, **kw)


def _ask(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, ASK, example, counterexample, **kw)


# Words before an approval verb that make it something received, not given (受到高度肯定, 获得支持):
# no stance and no speech.
RECEIVED = ("受到", "受到高度", "获得", "获得高度", "得到", "备受", "广受", "深受", "值得", "值得高度", "获")


def _support(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, SUPPORT, example, counterexample, **kw)


def _oppose(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, OPPOSE, example, counterexample, **kw)


_CRITIC = (ROLE_CLAUSE_CRITICISM, ROLE_DOCUMENT_CRITICISM, ROLE_OPENS_CLAUSE, ROLE_CRITICISES_SPEAKER)

# --- The reporting-verb table -------------------------------------------------------------
ZH_VERBS: tuple[ReportingVerb, ...] = (
    # speech verbs: a quote or a reported clause follows
    _say("表示", "外交部發言人毛寧表示,中方願意提供協助。", "他的表示並不明確。", attitude_objects=ATTITUDES,
         roles=(ROLE_OUTLET_SPEAKS, ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME, ROLE_THREATENS_COUNTER, ROLE_ANSWERS)),
    _say("指出", "報告指出,今年出口成長三成。", "標語寫著「專家指出的方向」。",
         roles=(ROLE_OUTLET_SPEAKS, ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME, ROLE_OPENS_CLAUSE, ROLE_ANSWERS)),
    _say("强调", "總統強調,國防預算不會刪減。", "這是政府的強調重點。",
         roles=(ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME, ROLE_OPENS_CLAUSE)),
    _say("直言", "市長直言,捷運工程進度落後。", "他的直言讓同事尷尬。", roles=(ROLE_BARE_NAME, ROLE_OPENS_CLAUSE)),
    _say("声称", "該公司聲稱,產品沒有安全疑慮。", "業者的聲稱缺乏證據。",
         roles=(ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME)),
    _say("宣称", "對方宣稱,這次演習只是例行訓練。", "官方的宣稱與事實不符。"),
    _say("坚称", "被告坚称,自己从未收过钱。", "他的坚称没有说服法官。"),
    _say("透露", "知情人士透露,雙方已接近達成協議。", "這是消息來源的透露。", roles=(ROLE_BARE_NAME,)),
    _say("坦言", "教練坦言,球隊狀態仍未恢復。", "他的坦言贏得掌聲。", roles=(ROLE_BARE_NAME, ROLE_OPENS_CLAUSE)),
    _say("警告", "氣象局警告,颱風可能在週末登陸。", "政府發出的警告已經升級。",
         roles=(ROLE_BARE_NAME, ROLE_OPENS_CLAUSE, ROLE_THREATENS_COUNTER)),
    _say("重申", "外交部重申,兩岸對話不能中斷。", "這是美方立場的重申。", roles=(ROLE_OPENS_CLAUSE,)),
    _say("补充", "發言人補充,相關調查仍在進行。", "這只是對預算的補充。"),
    _say("说道", "她笑著說道:「我們會再回來。」", "這裡面的說道很多。"),
    _say("写道", "他在臉書上寫道:「感謝所有支持者。」", "封面印著「作者寫道」四個字。", roles=(ROLE_BARE_NAME,)),
    _say("宣布", "衛福部宣布,明天起放寬入境限制。", "市府的宣布讓市民措手不及。",
         roles=(ROLE_ORGANISATION_SPEAKS, ROLE_THREATENS_COUNTER)),
    _say("承认", "部長承認,政策溝通不足。", "這是對錯誤的承認。"),
    _say("认为", "多數學者認為,景氣將在明年回升。", "這只是他個人的認為。", roles=(ROLE_BARE_NAME,)),
    # not 号称/堪称/人称/简称/俗称/又称/戏称/昵称/著称 (a name or a reputation, not words said)
    _say("称", "國防部稱,共機今日再度擾台。", "他被外界稱為鐵人。", not_after=tuple("为作之号霸职赞"),
         not_before=("来", "而", "的", "者", *"号堪人简俗又戏昵著"), at_text_end=False,
         roles=(ROLE_OUTLET_SPEAKS, ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME, ROLE_THREATENS_COUNTER, ROLE_ANSWERS)),
    _say("说", "他說,會議將延到下週。", "這種說法沒有根據。", not_before=("来", "而", "的", "者"), not_after=("来",),
         roles=(ROLE_BARE_NAME, ROLE_ANSWERS, ROLE_OPENS_CLAUSE)),
    # 指 alone is a verb of speech only after a chain adverb or a comma, or before punctuation
    _say("指", "他並指,新制將在明年上路。", "她用手指著黑板。", guards=("chain or punctuation",),
         not_after=tuple("挥示标定导令南针数引纹甲望向点名正派教使")),  # 对此,指挥中心…: a word opens there
    _say("提到", "校長在致詞時提到,校園安全最重要。", "他說:「我沒有提到任何人。」"),
    _say("谈到", "他談到兩岸關係時說,對話不能中斷。", "他說:「我們談到深夜。」"),
    _say("声明", "總統府聲明,將全力協助調查。", "聲明指出,公投應與選舉脫鉤。", not_after=SAY_NEXT,
         guards=("not clause-initial",), roles=(ROLE_ORGANISATION_SPEAKS,)),
    _say("呼吁", "環保團體呼籲,政府應盡快訂定減碳目標。", "團體的呼籲獲得響應。", roles=(ROLE_ADDRESSES,)),
    _say("回应", "交通部回應,將檢討票價。", "民眾的回應相當熱烈。",
         roles=(ROLE_ORGANISATION_SPEAKS, ROLE_BARE_NAME, ROLE_ANSWERS, ROLE_REPLIES)),
    _say("表态", "黨主席表態,將支持這項法案。", "這是他首次公開的表態。"),
    _say("暗示", "他暗示,自己可能參選市長。", "這段話的暗示很清楚。"),
    _weak("解释", "主管機關解釋,新規定只適用於新車。", "官方的解釋無法服眾。"),
    _weak("说明", "衛生局說明,疫苗將分批送達。", "請詳閱產品的說明。"),
    _weak("形容", "他形容,這次的颱風是十年來最強。", "記者的形容太誇張。", roles=(ROLE_DESCRIBES,)),
    _say("感叹", "老農感嘆,今年收成只有往年一半。", "觀眾的感嘆此起彼落。"),
    _say("直指", "報告直指,監管存在重大漏洞。", "他說:「矛頭直指中央。」"),
    _say("喊话", "市長喊話,中央應盡速撥款。", "總統的喊話引起討論。", roles=(ROLE_OPENS_CLAUSE,)),
    _say("放话", "對手放話,下個月將提告。", "對手的放話不必理會。"),
    _say("表明", "公司表明,不會裁員。", "這是立場的表明。"),
    _say("披露", "媒體披露,該官員曾收受禮金。", "這是首次的披露。"),
    _say("爆料", "前員工爆料,工廠長期違法排放。", "網友的爆料引發關注。"),
    _say("预言", "專家預言,房價將在年底下跌。", "這只是算命師的預言。"),
    _say("断言", "他斷言,這項改革一定會失敗。", "這樣的斷言言之過早。"),
    _say("告诉", "他告訴法新社,談判已經破裂。", "他說:「請告訴我真相。」"),
    _say("对记者说", "他對記者說,明天會公布名單。", "她回憶:「他對記者說了謊。」"),
    _say("告诉记者", "他告訴記者,球隊將全力以赴。", "她回憶:「我沒有告訴記者。」"),
    _weak("回答", "部長回答,這項計畫不會延後。", "這是他的回答。"),
    _weak("答复", "市府答覆,目前沒有漲價計畫。", "我們還在等官方的答覆。"),
    _weak("致辞", "校長致辭,勉勵畢業生勇於挑戰。", "主席的致辭長達半小時。"),
    _say("发文", "總統在臉書發文,感謝國軍辛勞。", "他刪除了先前的發文。", roles=(ROLE_BARE_NAME, ROLE_POSTS)),
    _say("发帖", "網友發帖,抱怨排隊太久。", "版主的發帖規則很嚴格。", roles=(ROLE_BARE_NAME,)),
    _say("发推", "川普發推,批評聯準會升息。", "他的發推頻率很高。"),
    _say("撰文", "前官員撰文,主張重啟核電。", "他的撰文引發爭議。"),
    _weak("留言", "粉絲留言:「加油!」", "網站的留言區已經關閉。"),
    _weak("写信", "家長寫信給市長,要求增設校車。", "他們之間的寫信往來中斷了。"),
    _weak("来信", "讀者來信,希望報社更正錯誤。", "我們收到了許多的來信。"),
    # an outlet's report (新华社报道，…); a byline (記者王明/台北報導) is not one
    _say("报导", "美聯社報導,雙方已經停火。", "(記者王明/台北報導)", not_after=SAY_NEXT + (")", "]", "】"),
         at_text_end=False, guards=("not a byline",), roles=(ROLE_OUTLET_REPORT, ROLE_OUTLET_SPEAKS)),
    _say("报道", "新华社报道,两国签署了贸易协定。", "新华社报道称,两国签署了协定。",
         not_after=SAY_NEXT + (")", "]", "】"), at_text_end=False, guards=("not a byline",),
         roles=(ROLE_OUTLET_REPORT, ROLE_OUTLET_SPEAKS)),
    _weak("提出", "委員提出,應增加育兒補助。", "這項方案的提出經過多次討論。"),
    _weak("主张", "環團主張,核廢料應移出蘭嶼。", "這是國民黨的主張。"),
    _weak("建议", "醫師建議,民眾應多補充水分。", "我們採納了專家的建議。"),
    _weak("保证", "廠商保證,產品絕無添加物。", "這是品質的保證。"),
    _weak("承诺", "市長承諾,年底前完成道路拓寬。", "政府的承諾沒有兌現。"),
    _weak("揭露", "調查報告揭露,工程款遭到挪用。", "媒體的揭露促成了修法。"),
    _weak("分析", "經濟學家分析,升息將壓抑房市。", "專家的分析相當保守。", not_after=("师", "家", "员", "人士")),
    _weak("预计", "氣象署預計,鋒面週四抵達。", "結果不如大家的預計。"),
    _weak("预测", "分析師預測,油價將持續上漲。", "這只是市場的預測。"),
    _weak("估计", "主計總處估計,今年經濟成長率為三%。", "這是保守的估計。"),
    _weak("相信", "教練相信,球隊能夠進入決賽。", "他說:「我相信你。」"),
    _weak("讽刺", "網友諷刺,這項政策是多此一舉。", "這部電影的諷刺意味濃厚。"),
    _weak("嘲讽", "對手嘲諷,他只會開空頭支票。", "他不在乎外界的嘲諷。"),
    _weak("调侃", "主持人調侃,今天的來賓比觀眾還多。", "面對網友的調侃,他一笑置之。"),
    _say("自称", "嫌犯自稱,案發時人在國外。", "他不相信對方的自稱。"),
    _say("坦承", "他坦承,自己當時判斷錯誤。", "他的坦承獲得諒解。"),
    _weak("提醒", "疾管署提醒,出國前應接種疫苗。", "謝謝你的提醒。", roles=(ROLE_ADDRESSES,)),
    _say("强调说", "他強調說,這是最後一次讓步。", "他說:「我已經強調說過很多次。」"),
    _say("表示说", "他表示說,明年不會再參選。", "他說:「她表示說過了。」"),
    _say("说过", "他說過,不會接受任何捐款。", "他說:「我說過的話算數。」"),
    _weak("称赞", "教練稱讚,新人表現超出預期。", "他獲得了老師的稱讚。"),
    _say("赞扬说", "他讚揚說,志工的付出令人感動。", "他說:「她讚揚說得很好。」"),
    _say("指称", "檢方指稱,被告涉嫌洗錢。", "檢方的指稱缺乏證據。"),
    _weak("指控", "反對黨指控,執政黨操弄選舉。", "他否認所有的指控。", roles=(ROLE_ACCUSES,)),
    _weak("控诉", "受害者控訴,公司長期剝削員工。", "她的控訴讓人動容。", roles=(ROLE_ACCUSES,)),
    _weak("抱怨", "通勤族抱怨,公車班次太少。", "店家的抱怨越來越多。"),
    _weak("表达", "家屬表達,希望盡快查明真相。", "這是一種情感的表達。"),
    _weak("要求", "工會要求,資方應調薪五%。", "他拒絕了對方的要求。"),
    _weak("答询", "部長答詢,將研議放寬規定。", "部長的答詢時間結束。"),
    _say("强调指", "他強調指,改革不會停止。", "他說:「她強調指的是預算。」"),
    _say("宣告", "法院宣告,該條文違憲。", "這是正式的宣告。"),
    _weak("告知", "院方告知,手術已經完成。", "我們沒有收到任何的告知。"),
    _weak("转达", "秘書轉達,董事長今天不會出席。", "這是使館的轉達。"),
    _weak("提及", "他在演說中提及,將增加國防支出。", "文中的提及次數很少。"),
    _weak("讲", "他講,這件事不是他做的。", "學生在教室聽講。"),
    _say("扬言", "駭客揚言,將公開更多資料。", "對方的揚言不必理會。", roles=(ROLE_THREATENS_COUNTER,)),
    # verbs of Taiwanese, Hong Kong and mainland political news (a reply, a jab, an exposé)
    _say("点出", "分析師點出,出口成長已連續三季放緩。", "他對問題的點出十分精準。"),
    _weak("判断", "專家判斷,颱風將在週末轉向。", "他的政治判斷可以正常一點。", guards=("punctuation after",)),
    _weak("研判", "氣象署研判,鋒面明天抵達。", "最新的研判結果尚未公布。"),
    _weak("预告", "市長預告,明年將調漲水費。", "電影的預告已經上線。"),
    _weak("细数", "校長細數,今年共有三項改革完成。", "經過他的細數,零錢剛好一百元。"),
    _weak("回忆", "老兵回憶,當年的補給非常困難。", "那是一段美好的回憶。"),
    _say("回忆道", "她回憶道:「那年冬天特別冷。」", "這本書是他的回憶道路。", not_after=("路",)),
    _weak("阐述", "部長闡述,新制將分三階段實施。", "他的闡述過於冗長。"),
    _weak("转述", "助理轉述,議員身體無恙。", "他轉述朋友的經歷。", guards=("punctuation after",)),
    _weak("澄清", "公司澄清,產品並未漲價。", "官方的澄清來得太晚。"),
    _say("反控", "被告反控,警方違法搜索。", "他提出反控訴訟。", not_after=("诉",)),
    _say("踢爆", "議員踢爆,標案有圖利之嫌。", "網友的踢爆引發討論。", roles=(ROLE_ACCUSES,)),
    # a counter-attack answers what the other side just said (反击, 回击): a rejection that also reports
    _oppose("反击", "執政黨反擊,在野黨才是亂源。", "球隊的反擊相當凌厲。", weak=True, reports=REPORTS_ALWAYS,
            not_before=("的",), roles=(ROLE_OPENS_CLAUSE, ROLE_CRITICISES_SPEAKER, ROLE_ANSWERS_LAST)),
    _oppose("回击", "部長回擊,質疑者不懂預算。", "對方的回擊毫無力道。", weak=True, reports=REPORTS_ALWAYS,
            not_before=("的",), roles=(ROLE_OPENS_CLAUSE, ROLE_CRITICISES_SPEAKER, ROLE_ANSWERS_LAST)),
    _say("开呛", "議員開嗆,局長答非所問。", "他不在乎對方的開嗆。"),
    _say("呛声", "抗議民眾嗆聲,要求部長下台。", "他不理會場外的嗆聲。"),
    _say("秒回", "她秒回:「別再造謠了。」", "他的秒回速度驚人。"),
    _say("砲轰", "在野黨砲轟,政府浪費公帑。", "他說:「被砲轟是常有的事。」"),
    _say("狠批", "立委狠批,政府防疫失能。", "他說:「被狠批也沒關係。」"),
    _say("怒批", "家長怒批,學校隱匿霸凌事件。", "他說:「怒批無助解決問題。」"),
    _say("直批", "學者直批,政策缺乏配套。", "他說:「直批不是我的風格。」"),
    _say("痛斥", "家屬痛斥,院方延誤治療。", "他說:「痛斥解決不了問題。」"),
    _say("狠酸", "網友狠酸,這是自打嘴巴。", "他說:「被狠酸也無所謂。」"),
    _say("大酸", "名嘴大酸,政府只會開空頭支票。", "他說:「大酸別人不厚道。」"),
    _say("暗酸", "他暗酸,某些人只會喊口號。", "他說:「我沒有暗酸誰。」"),
    _say("酸说", "他酸說,這種政策只會越改越亂。", "他說:「別酸說我。」"),
    _say("笑说", "教練笑說,球員比他還緊張。", "他說:「別笑說我胖。」"),
    _say("笑称", "部長笑稱,自己是最資深的新人。", "他說:「大家笑稱他是鐵人。」"),
    _weak("夸赞", "總統誇讚,志工的付出令人感動。", "他獲得老師的誇讚。"),
    _weak("缓颊", "副市長緩頰,雙方只是溝通不良。", "他說:「幫我緩頰一下。」"),
    _say("示警", "專家示警,夏季用電將創新高。", "他說:「這是一種示警。」"),
    _say("辩称", "被告辯稱,自己毫不知情。", "他說:「不必再辯稱了。」"),
    _weak("期勉", "校長期勉,畢業生勇於挑戰。", "他說:「這是對你們的期勉。」", roles=(ROLE_OPENS_CLAUSE,)),
    _weak("发现", "研究團隊發現,睡眠不足會影響記憶力。", "他發現一個有趣的現象。", guards=("punctuation after",)),
    _weak("谈及", "他談及兩岸關係,強調對話不能中斷。", "他說:「這是第一次談及此事。」"),
    _weak("致词", "校長致詞,勉勵畢業生勇於挑戰。", "主席的致詞長達半小時。"),
    _weak("回复", "市府回覆,目前沒有漲價計畫。", "邊界不可能回復到戰前。", guards=("punctuation after",)),
    _say("PO文", "議員在臉書PO文,批評市府防疫不力。", "他說:「不要亂PO文。」", roles=(ROLE_BARE_NAME, ROLE_POSTS)),
    _say("po文", "議員在臉書po文,批評市府防疫不力。", "他說:「不要亂po文。」", roles=(ROLE_BARE_NAME, ROLE_POSTS)),
    _weak("贴文", "議員在臉書貼文,批評市府防疫不力。", "他在臉書貼文分享照片。", guards=("punctuation after",),
          roles=(ROLE_POSTS,)),
    _weak("深信", "他深信,這座城市會更好。", "這是他深信不疑的事。", guards=("punctuation after",)),
    # a poll its organisation publishes (某基金会民调显示…, 陆委会公布最新民调,…)
    _say("民调显示", "基金會民調顯示,六成民眾支持延後。", "他說:「民調顯示不能盡信。」"),
    _say("调查显示", "協會調查顯示,多數家長擔心學費。", "他說:「調查顯示什麼並不重要。」"),
    _say("公布最新民调", "陸委會公布最新民調,多數民眾支持維持現狀。", "他說:「公布最新民調沒有意義。」"),
    _say("公布民调", "基金會公布民調,七成受訪者反對。", "他說:「公布民調要有根據。」"),
    _say("公布最新民调结果", "陸委會公布最新民調結果,多數民眾支持維持現狀。", "他說:「公布最新民調結果之前要查證。」"),
    _say("发布民调", "研究中心發布民調,半數民眾不滿施政。", "他說:「發布民調要謹慎。」"),
    # one-character verbs of a reply or a jab, only before , : 「 (则回, 更批「…」, 在脸书上写「…」)
    _say("回", "市長則回,這件事早有定論。", "他明天回台北。", guards=("punctuation after",)),
    _say("批", "他更批,政府根本不在乎。", "這批貨明天到。", guards=("punctuation after",)),
    _say("酸", "網友酸,這是自打嘴巴。", "這碗湯很酸。", guards=("punctuation after",)),
    _say("呛", "他嗆:「有種就來告我。」", "煙味很嗆。", guards=("punctuation after",)),
    _say("写", "她在臉書上寫「謝謝大家的支持」。", "他正在寫功課。", guards=("punctuation after",)),
    # Cantonese 话 (陈小姐话：「…」) in a Cantonese text only; not 说话, 电话, 话题
    _say("话", "陳小姐話:「佢哋唔會再加租。」", "他在電話中說明。", not_before=HUA_NOT_BEFORE,
         not_after=tuple("题语筒剧费说音别术柄匣"), at_text_end=False, guards=("cantonese", "words follow")),
    _oppose("反呛", "他反嗆,對方根本不懂法律。", "網友的反嗆很犀利。", reports=REPORTS_ALWAYS, not_before=("的",),
            roles=(ROLE_OPENS_CLAUSE, ROLE_ANSWERS_LAST)),
    _oppose("回呛", "她隨即回嗆,這個指控毫無根據。", "網友的回嗆很犀利。", reports=REPORTS_ALWAYS, not_before=("的",),
            roles=(ROLE_OPENS_CLAUSE, ROLE_ANSWERS_LAST)),
    _say("发布声明", "國民黨發布聲明,批評政府失職。", "記者問:「何時發布聲明?」",
         roles=(ROLE_ORGANISATION_SPEAKS,)),
    # 显示 only after a data release (国家统计局…发布数据显示), not 屏幕显示 or 显示出 (民调显示 is its own row)
    _say("显示", "統計局今天發布的數據顯示,物價連續三個月上漲。", "螢幕顯示,電量已經不足。",
         not_after=("出", "器", "屏"), at_text_end=False, guards=("data release",)),
    # questions: never statements
    _ask("问", "記者問,雙方何時恢復談判?", "這是一個好問題。", not_after=("题", "责", "世", "候", "卷", "鼎", "津")),
    _ask("问道", "他問道:「你們準備好了嗎?」", "他說:「她問道,你是誰?」"),
    _ask("反问", "他反問:「難道錯的是我嗎?」", "他的反問讓全場安靜。"),
    _ask("提问", "記者提問,政府何時公布名單?", "這是他的提問。"),
    _ask("询问", "法官詢問,被告是否認罪?", "警方的詢問持續三小時。"),
    _ask("追问", "主持人追問,新政策何時實施?", "面對媒體的追問,他不願多談。"),
    _ask("质问", "立委質問部長:「預算花到哪裡去了?」", "他迴避了議員的質問。"),
    # stance verbs that also report content
    _support("证实", "警方證實,嫌犯已經落網。", "他說:「消息還沒有證實。」", reports=REPORTS_ALWAYS,
             roles=(ROLE_CONFIRMS,)),
    _oppose("否认", "白宮否認,總統曾與對方私下會面。", "他說:「這一點無法否認。」", reports=REPORTS_ALWAYS,
            not_before=("是",),  # 是否认识: 是否 + 认识
            roles=(ROLE_ANSWERS_LAST,)),
    _oppose("批评", "議員批評,市府的防疫措施太慢。", "他說:「我們接受批評。」", weak=True,
            reports=REPORTS_BEFORE_PUNCTUATION, roles=_CRITIC),
    _oppose("抨击", "在野黨抨擊,政府浪費公帑。", "他說:「這種抨擊毫無道理。」", weak=True,
            reports=REPORTS_BEFORE_PUNCTUATION, roles=_CRITIC),
    _oppose("质疑", "在野黨質疑,預算編列不透明。", "他說:「我們不怕質疑。」", weak=True,
            reports=REPORTS_BEFORE_PUNCTUATION,
            roles=(ROLE_CLAUSE_CRITICISM, ROLE_OPENS_CLAUSE, ROLE_ANSWERS_DECISION, ROLE_CRITICISES_SPEAKER)),
    _oppose("痛批", "立委痛批,政府對物價上漲束手無策。", "他說:「被痛批也無所謂。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=_CRITIC),
    _oppose("反批", "執政黨反批,對方才是亂源。", "他說:「不必反批回去。」", reports=REPORTS_BEFORE_PUNCTUATION,
            roles=(*_CRITIC, ROLE_ANSWERS_LAST)),
    _oppose("驳斥", "外交部駁斥,相關報導完全不實。", "他說:「這些謠言不值得駁斥。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=(ROLE_OPENS_CLAUSE, ROLE_CRITICISES_SPEAKER, ROLE_ANSWERS_LAST)),
    _oppose("斥责", "家長斥責,學校處理霸凌不力。", "他說:「孩子需要鼓勵,不是斥責。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=(ROLE_CRITICISES_SPEAKER,)),
    _oppose("反驳", "被告律師反駁,證據取得程序違法。", "他說:「我沒有機會反駁。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=(ROLE_CRITICISES_SPEAKER, ROLE_ANSWERS_LAST)),
    _oppose("谴责", "聯合國秘書長譴責,武裝分子攻擊平民。", "他說:「暴力應該受到譴責。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=(ROLE_CRITICISES_SPEAKER,)),
    _oppose("怒斥", "家屬怒斥,院方隱瞞真相。", "他說:「怒斥解決不了問題。」",
            reports=REPORTS_BEFORE_PUNCTUATION, roles=(ROLE_CRITICISES_SPEAKER,)),
    _oppose("暗批", "他暗批,某些人只會放馬後砲。", "他說:「我沒有暗批任何人。」", reports=REPORTS_ALWAYS,
            roles=(ROLE_CRITICISES_SPEAKER,)),
    _oppose("炮轰", "在野黨炮轟,政府施政無能。", "他說:「被炮轰是常有的事。」", reports=REPORTS_ALWAYS,
            roles=(ROLE_CRITICISES_SPEAKER,)),
    _oppose("打脸", "交通局打臉議員,新橋早已通過安全檢查。", "他說:「這等於自己打臉。」", not_before=("的",),
            roles=(ROLE_CRITICISES_SPEAKER, ROLE_ANSWERS_LAST)),
    _support("赞扬", "總統讚揚,醫護人員堅守崗位。", "他說:「這份讚揚我不敢當。」", weak=True),
    # stance verbs: agreement
    _support("同意", "賴清德表示同意,並承諾月底前提出方案。", "他說:「我們都同意。」",
             roles=(ROLE_AGREES_WITH_PERSON, ROLE_ANSWERS_LAST)),
    _support("赞同", "多數議員贊同這項提案。", "他說:「大家都贊同。」",
             roles=(ROLE_AGREES_WITH_PERSON, ROLE_ANSWERS_DECISION)),
    _support("支持", "工會支持延長退休年齡。", "若能獲得支持是他的榮幸,他會全力以赴。", not_before=RECEIVED,
             roles=(ROLE_ANSWERS_DECISION,)),
    _support("认同", "他認同部長的看法。", "他說:「這需要社會認同。」",
             roles=(ROLE_AGREES_WITH_PERSON, ROLE_ANSWERS_DECISION)),
    _support("赞成", "六成民眾贊成延後公投。", "工會贊成延後公投\n工會今天開會。"),
    _support("呼应", "其他議員呼應他的看法。", "他說:「我們呼應時代需求。」", roles=(ROLE_AGREES_WITH_PERSON,)),
    _support("附和", "其他議員紛紛附和。", "他說:「我不會盲目附和。」",
             roles=(ROLE_AGREES_WITH_PERSON, ROLE_ANSWERS_LAST)),
    _support("欢迎", "商界歡迎政府降低關稅。", "店員說:「歡迎光臨。」", roles=(ROLE_ANSWERS_DECISION,)),
    _support("肯定", "評審肯定這部作品的創意。", "他的能力受到高度肯定,希望繼續努力。", not_before=RECEIVED,
             roles=(ROLE_ANSWERS_DECISION,)),
    _support("背书", "黨主席為候選人背書。", "黨主席為候選人背書\n今天下午舉行記者會。"),
    _support("力挺", "同黨議員力挺市長。", "同黨議員力挺市長\n市長今天出席活動。",
             roles=(ROLE_AGREES_WITH_PERSON, ROLE_ANSWERS_DECISION)),
    _support("声援", "學生團體聲援罷工工人。", "他說:「感謝各界聲援。」", roles=(ROLE_AGREES_WITH_PERSON,)),
    _support("赞赏", "外交部讚賞友邦仗義執言。", "他說:「這份勇氣值得讚賞。」", not_before=RECEIVED,
             roles=(ROLE_ANSWERS_DECISION,)),
    # stance verbs: rejection
    _oppose("拒绝", "工會拒絕資方的提案。", "他說:「我無法拒絕。」", roles=(ROLE_ANSWERS_DECISION,)),
    _oppose("反对", "居民反對興建焚化爐。", "居民反對興建焚化爐\n居民今天到市府陳情。",
            roles=(ROLE_ANSWERS_DECISION, ROLE_ANSWERS_LAST)),
    _oppose("不同意", "他不同意這個決定。", "他說:「你不同意也沒關係。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("不认同", "她不認同對方的說法。", "他說:「我知道你不認同。」", roles=(ROLE_ANSWERS_DECISION,)),
    _oppose("不接受", "家屬不接受院方的道歉。", "他說:「這種結果我們不接受。」", roles=(ROLE_ANSWERS_DECISION,)),
    _oppose("不赞同", "多數委員不贊同修法。", "多數委員不贊同修法\n委員會今天開會。"),
    _oppose("否定", "法院否定了檢方的主張。", "他說:「不要急著否定自己。」"),
    _oppose("批驳", "學者批駁這種論點。", "他說:「這篇文章逐點批駁。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("回绝", "球團回絕了交易提議。", "他說:「我們已經回絕了。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("斥为", "官方斥為無稽之談。", "他說:「他們斥為謠言。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("不赞成", "他不贊成提前選舉。", "他說:「我父母不贊成。」"),
    _oppose("驳回", "法院駁回上訴。", "法院駁回上訴\n被告今天出庭。"),
    _oppose("嗤之以鼻", "對此,他嗤之以鼻。", "他說:「大家嗤之以鼻。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("不以为然", "對此,他不以為然。", "他說:「大家不以為然。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("持不同看法", "普京則持不同看法。", "他說:「我持不同看法。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("持相反意见", "兩位委員持相反意見。", "他說:「有人持相反意見。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("持相反看法", "普京則持相反看法。", "他說:「我持相反看法。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("持不同意见", "兩位委員持不同意見。", "他說:「有人持不同意見。」", roles=(ROLE_ANSWERS_LAST,)),
    _oppose("唱反调", "他總是與黨中央唱反調。", "他說:「我不是在唱反調。」"),
    _oppose("不买账", "選民並不買賬。", "他說:「選民不買賬。」"),
    _oppose("打上问号", "專家對這份數據打上問號。", "他說:「我對此打上問號。」"),
    _oppose("打问号", "外界對計畫的可行性打問號。", "他說:「外界打問號很正常。」"),
    _oppose("画上问号", "投資人對公司前景畫上問號。", "他說:「前景已被畫上問號。」"),
    _oppose("不支持", "他不支持這項法案。", "他說:「我們不支持。」", roles=(ROLE_ANSWERS_DECISION,)),
    _oppose("不认可", "協會不認可這份證照。", "他說:「外界不認可。」"),
    _oppose("批驳称", "官方批駁稱,報導嚴重失實。", "他說:「官方批駁稱不實。」"),
)
ZH_VERB = {row.verb: row for row in ZH_VERBS}  # verb -> its row

# --- Words in an answer that show a stance (the stance verbs are rows of ZH_VERBS) ----------
_ANSWER = "rejecting answer"
_COUNTER = "counter-measure"
_T = "川普表示,俄方願意在下個月停火。\n"  # a statement to answer, for the examples below


def _rejection(word: str, answer: str, plain: str) -> StanceWord:
    """A word that turns an answer (对此回应…, 回应称…) into a rejection of what was said."""
    return StanceWord(word, OPPOSE, _ANSWER, _T + answer, _T + plain)


STANCE_WORDS: tuple[StanceWord, ...] = (
    _rejection("不可能", "佩斯科夫回應,這是不可能的。", "佩斯科夫表示,今年不可能舉行選舉。"),
    _rejection("不实", "佩斯科夫回應,相關說法並不實在,純屬不實。", "佩斯科夫表示,網路上的不實訊息很多。"),
    _rejection("荒谬", "佩斯科夫回應,這種說法十分荒謬。", "佩斯科夫表示,那部電影的劇情很荒謬。"),
    _rejection("荒唐", "佩斯科夫回應,這完全是荒唐的指控。", "佩斯科夫表示,年輕時做過不少荒唐事。"),
    _rejection("无稽", "佩斯科夫回應,這是無稽之談。", "佩斯科夫表示,網路流傳許多無稽傳言。"),
    _rejection("胡说", "佩斯科夫回應,對方根本是胡說。", "佩斯科夫表示,孩子們常常胡說一通。"),
    _rejection("毫无根据", "佩斯科夫回應,相關說法毫無根據。", "佩斯科夫表示,恐慌往往毫無根據地蔓延。"),
    _rejection("没有任何根据", "佩斯科夫回應,這個說法沒有任何根據。", "佩斯科夫表示,沒有任何根據的傳言不值得討論。"),
    _rejection("没有根据", "佩斯科夫回應,這些指控沒有根據。", "佩斯科夫表示,沒有根據的投資不會成功。"),
    _rejection("假新闻", "佩斯科夫回應,這是假新聞。", "佩斯科夫表示,學校應該教學生辨識假新聞。"),
    _rejection("不是事实", "佩斯科夫回應,這根本不是事實。", "佩斯科夫表示,小說寫的不是事實而是想像。"),
    _rejection("不符合事实", "佩斯科夫回應,相關報導不符合事實。", "佩斯科夫表示,舊地圖已經不符合事實狀況。"),
    _rejection("不符事实", "佩斯科夫回應,這些描述不符事實。", "佩斯科夫表示,舊資料不符事實需要更新。"),
    _rejection("站不住脚", "佩斯科夫回應,這個論點站不住腳。", "佩斯科夫表示,受傷的球員站不住腳也要上場。"),
    _rejection("造谣", "佩斯科夫回應,這是有人造謠。", "佩斯科夫表示,散布造謠訊息將被罰款。"),
    _rejection("抹黑", "佩斯科夫回應,這是刻意抹黑。", "佩斯科夫表示,牆面需要重新抹黑漆。"),
    _rejection("污蔑", "佩斯科夫回應,這是對俄方的污蔑。", "佩斯科夫表示,法律禁止污蔑他人名譽。"),
    _rejection("诬蔑", "佩斯科夫回應,這是惡意誣蔑。", "佩斯科夫表示,誣蔑他人要負法律責任。"),
    _rejection("谎言", "佩斯科夫回應,這完全是謊言。", "佩斯科夫表示,這本書講的是一個關於謊言的故事。"),
    _rejection("自欺欺人", "佩斯科夫回應,這種說法是自欺欺人。", "佩斯科夫表示,寓言故事常常諷刺自欺欺人的人。"),
    _rejection("子虚乌有", "佩斯科夫回應,這件事子虛烏有。", "佩斯科夫表示,成語子虛烏有出自漢賦。"),
    _rejection("危言耸听", "佩斯科夫回應,對方危言聳聽。", "佩斯科夫表示,廣告不得危言聳聽。"),
    _rejection("不负责任", "佩斯科夫回應,這種說法很不負責任。", "佩斯科夫表示,不負責任的飼主將被罰款。"),
    _rejection("误导", "佩斯科夫回應,這篇報導嚴重誤導。", "佩斯科夫表示,廣告不得誤導消費者。"),
    _rejection("与事实不符", "佩斯科夫回應,有關說法與事實不符。", "佩斯科夫表示,舊地圖與事實不符的地方要更新。"),
    _rejection("混淆视听", "佩斯科夫回應,這是刻意混淆視聽。", "佩斯科夫表示,電視雜訊會混淆視聽。"),
    _rejection("颠倒黑白", "佩斯科夫回應,對方顛倒黑白。", "佩斯科夫表示,這台印表機會顛倒黑白。"),
    _rejection("无中生有", "佩斯科夫回應,這件事無中生有。", "佩斯科夫表示,創作就是無中生有的過程。"),
    _rejection("不接受", "佩斯科夫回應,俄方不接受這種說法。", "佩斯科夫表示,餐廳不接受信用卡。"),
    _rejection("不同意", "佩斯科夫回應,俄方不同意這種說法。", "佩斯科夫表示,家長不同意孩子出國。"),
    StanceWord("反制", OPPOSE, _COUNTER, "川普宣布,將對鋼鐵加徵關稅。\n毛寧表示,中方將採取反制措施。",
               "川普宣布,將對鋼鐵加徵關稅。\n毛寧指出,反制並非唯一選項。"),
    StanceWord("报复措施", OPPOSE, _COUNTER, "川普宣布,將對鋼鐵加徵關稅。\n毛寧警告,中方將祭出報復措施。",
               "川普宣布,將對鋼鐵加徵關稅。\n毛寧指出,報復措施並非唯一選項。"),
    StanceWord("对等措施", OPPOSE, _COUNTER, "川普宣布,將對鋼鐵加徵關稅。\n毛寧表示,中方將採取對等措施。",
               "川普宣布,將對鋼鐵加徵關稅。\n毛寧指出,對等措施並非唯一選項。"),
    StanceWord("回击", OPPOSE, _COUNTER, "川普宣布,將對鋼鐵加徵關稅。\n毛寧表示,中方必將堅決回擊。",
               "川普宣布,將對鋼鐵加徵關稅。\n毛寧指出,回擊並非唯一選項。"),
    StanceWord("奉陪到底", OPPOSE, _COUNTER, "川普宣布,將對鋼鐵加徵關稅。\n毛寧表示,中方一定奉陪到底。",
               "川普宣布,將對鋼鐵加徵關稅。\n毛寧指出,奉陪到底並非唯一選項。"),
    *DENIAL_WORDS,  # more denials (并无此事, 纯属捏造), rows in zh_stances.py
)
REJECTING_WORDS = tuple(w.word for w in STANCE_WORDS if w.cue_class == _ANSWER)
COUNTER_WORDS = tuple(w.word for w in STANCE_WORDS if w.cue_class == _COUNTER)

# --- Groups named where a stance says whose words it answers (面對綠營質疑, 批評中媒誇大) ---------
_GREEN = ("民进党", "(民)", "绿营", "绿委")
_BLUE = ("国民党", "(国)", "蓝营", "蓝委")
_PRC_MEDIA = ("官媒", "陆媒", "中媒", "中国媒体", "大陆媒体")
_PRC_MEDIA_KEYS = ("global_times", "cctv", "cgtn", "xinhua", "peoples_daily", "china_news_service")
_G_DPP = "民進黨議員陳小明質疑,物資包的價格超過規定。\n"
_G_KMT = "國民黨議員陳小明質疑,物資包的價格超過規定。\n"
_G_PRC = "中國官媒《環球時報》指出,友邦已經表達合作意願。\n"
GROUP_NAMES: tuple[GroupName, ...] = (
    GroupName("绿营", _GREEN, ("dpp",), _G_DPP + "面對綠營質疑,王大同回應,物資都是外界贊助。",
              _G_KMT + "面對綠營質疑,王大同回應,物資都是外界贊助。"),
    GroupName("绿委", _GREEN, ("dpp",), _G_DPP + "面對綠委質疑,王大同回應,物資都是外界贊助。",
              _G_KMT + "面對綠委質疑,王大同回應,物資都是外界贊助。"),
    GroupName("蓝营", _BLUE, ("kmt",), _G_KMT + "面對藍營質疑,王大同回應,物資都是外界贊助。",
              _G_DPP + "面對藍營質疑,王大同回應,物資都是外界贊助。"),
    GroupName("蓝委", _BLUE, ("kmt",), _G_KMT + "面對藍委質疑,王大同回應,物資都是外界贊助。",
              _G_DPP + "面對藍委質疑,王大同回應,物資都是外界贊助。"),
    GroupName("中媒", _PRC_MEDIA, _PRC_MEDIA_KEYS, _G_PRC + "外交部強調,雙邊關係良好,並批評中媒刻意渲染。",
              "路透社指出,友邦已經表達合作意願。\n外交部強調,雙邊關係良好,並批評中媒刻意渲染。"),
    GroupName("陆媒", _PRC_MEDIA, _PRC_MEDIA_KEYS, _G_PRC + "外交部強調,邦誼穩固,並批評陸媒刻意誇大。",
              "路透社指出,友邦已經表達合作意願。\n外交部強調,邦誼穩固,並批評陸媒刻意誇大。"),
    GroupName("官媒", _PRC_MEDIA, _PRC_MEDIA_KEYS, _G_PRC + "外交部強調,邦誼穩固,並批評官媒刻意誇大。",
              "路透社指出,友邦已經表達合作意願。\n外交部強調,邦誼穩固,並批評官媒刻意誇大。"),
)

# --- Word lists of the Chinese rules --------------------------------------------------------
# Speech acts whose content is an attitude, not a claim (表示感谢/遗憾/欢迎/关切).
SPEECH_ACTS = (
    "感谢", "谢意", "遗憾", "欢迎", "关切", "关注", "拒绝", "反对", "支持", "同意", "赞同",
    "谴责", "不满", "震惊", "乐观", "悲观", "哀悼", "慰问", "祝贺", "道歉", "歉意", "愤慨",
    "担忧", "忧虑", "失望", "认同", "肯定", "理解", "赞赏", "感激", "祝福", "敬意", "强烈不满",
)
# Words in a clause before the verb that name no speaker (据悉, 据了解, 据说).
NO_SPEAKER = ("据悉", "据了解", "据说", "据传", "据称", "据报", "有消息", "消息称", "外界", "据信", "一般认为",
              "普遍认为", "有人")
# Adverbs that chain a clause to the previous speaker (并强调, 也指出, 还说, 不断强调).
CHAIN_ADVERBS = ("但是", "但", "而", "却", "且", "并且", "并", "也", "还", "亦", "另", "更", "又", "再", "同时", "此外",
                 "另外", "随后", "随即", "稍后", "后来", "不断", "再次", "一再", "进一步", "则", "最后", "只", "仅",
                 "甚至", "直接", "明确", "公开", "坦白", "继续", "补充", "全力")
# What 指 must follow to be a verb of speech (并指, 也指, 斥指, 驳指, or a comma).
ZHI_AFTER = ("并", "也", "还", "另", "则", "更", "又", ",", "斥", "驳")
# Pronouns and anaphors that stand for a speaker mentioned before, and what they refer to.
PRONOUNS = {
    "他": "he", "她": "she", "他们": "they", "她们": "they", "后者": "latter", "前者": "former",
    "该官员": "official", "这名官员": "official", "该发言人": "official", "该人士": "official",
    "对方": "other", "其": "he", "他本人": "he", "她本人": "she", "这位官员": "official",
    "该名官员": "official", "该部": "org", "该国": "org", "该组织": "org", "该公司": "org",
}
FEMALE_PRONOUNS = ("她", "她本人")
GENDERED_PRONOUNS = ("他", "她", "他本人", "她本人")
# Documents that speak for whoever issued them (声明指出, 新闻稿说).
DOCUMENT_NOUNS = frozenset(("声明", "该声明", "新闻稿", "该新闻稿", "公告", "文告", "新闻公报", "公报", "声明稿",
                            "贴文", "该贴文", "报告", "该报告", "信中", "文中", "稿中", "声明中", "新闻稿中"))
# Nouns that refer back to something said (他的说法, 其观点, 该提议).
CLAIM_NOUNS = ("说法", "观点", "看法", "提议", "建议", "言论", "表态", "立场", "主张", "方案",
               "计划", "声明", "指控", "报导", "报道", "讲法", "论点", "评论", "想法", "要求",
               "呼吁", "倡议", "指责", "批评", "谈话", "讲话", "发言", "意见", "提案",
               "做法", "方向", "努力", "决定", "诉求", "论述", "说词", "言词", "判断", "解释")
# Criticism named as the topic an answer takes up (面对绿营质疑, X回应…; 对于外界的批评, X表示…): the
# answer rejects it. Examples in tests/extraction/test_stances.py.
CRITICISM_NOUNS = ("质疑", "批评", "指控", "抨击", "攻击", "炮轰", "砲轰", "指责", "挞伐", "痛批", "批判", "嘲讽",
                   "抹黑", "爆料", "控诉", "质问")
# A verdict on someone's words inside the reported words (X说的是事实 / X讲的是假的): a stance on what X said.
VERDICT_TRUE = ("事实", "真的", "真实", "实话", "对的", "正确的")
VERDICT_FALSE = ("假的", "错的", "不对的", "谎言", "不是事实", "不是真的", "不实的")
# Labels another speaker put on something (谣言, 假消息) that the words deny (这不是谣言): a rejection.
DENIED_LABELS = ("谣言", "假消息", "假讯息", "假新闻", "不实讯息", "不实消息", "造谣")
# Siding with another speaker in the words reported (与英、德立场一致): agreement with what they said.
ALIGNMENT_NOUNS = ("立场", "看法", "意见", "主张", "步调", "态度")
ALIGNMENT_ENDS = ("一致", "相同", "相近", "同步")
# One-character country names in lists (与英、德立场一致, 美日): the name a speaker's mention holds.
COUNTRY_SHORT = {"美": "美国", "英": "英国", "德": "德国", "法": "法国", "日": "日本", "韩": "韩国", "俄": "俄罗斯",
                 "澳": "澳洲", "加": "加拿大", "印": "印度", "义": "义大利", "意": "意大利", "欧": "欧盟", "菲": "菲律宾",
                 "越": "越南", "荷": "荷兰", "纽": "纽西兰", "陆": "中国", "中": "中国"}
# Objects of 欢迎/支持 that stand for an announced decision (歡迎政府公布時間表).
DECISION_WORDS = ("公布", "宣布", "决定", "措施", "方案", "政策", "计划", "举措", "做法", "安排",
                  "协议", "声明", "表态", "倡议", "提议", "回应", "决策", "方向", "立场", "说法")
# Verbs whose object is a person who answers for what they said (问林佑诚, 批评叶庭萱): a mention
# right after one is an object, not the subject a pronoun refers to.
OBJECT_VERBS = ("问", "批评", "质问", "反驳", "驳斥", "同意", "认同", "支持", "邀请", "会见", "与", "和", "跟", "向", "对")
# Words that mark a date as the time of what follows (随即, 当天): the last date before applies.
SAME_OCCASION = ("随即", "随后", "后来", "稍后", "同日", "当天", "当日", "同一天", "当晚", "同晚", "当天晚上", "later", "then")
# Words of a press conference, a transcript whose answers (答：) are the spokesperson's.
PRESS_CONFERENCE = ("记者会", "发布会", "答记者问", "吹风会", "记者招待会", "答问")

# Words opening a sentence that give it a source or an occasion of its own (据了解, 记者问, 被问及):
# it does not continue the previous speaker's words.
# A sentence that opens with the writer's inference (显示, 可见) or with the post itself as its subject
# (该贴文, 帖文) is narration about the words, not more of them.
NARRATION_OPENERS = NO_SPEAKER + ("记者问", "媒体问", "媒体追问", "被问及", "被问到", "问及", "至于", "另据", "显示",
                                  "可见", "由此可见", "该贴文", "贴文", "帖文", "该文", "该帖", "此文")

# Nouns of an attitude or an intention: "表达对台湾的关心", "表达强烈的参选意愿" state no claim.
ATTITUDE_NOUNS = ("关心", "关切", "支持", "肯定", "感谢", "谢意", "不满", "敬意", "遗憾", "担忧", "祝福", "期待", "重视",
                  "意愿", "决心", "诚意", "善意", "欢迎", "慰问", "哀悼", "歉意", "敬佩", "赞许")

# Words that refer back to a study named before (这项由某大学合作的研究指出…; later 研究人员发现…).
STUDY_REFERENCES = ("研究人员", "研究团队", "研究者", "研究报告", "该研究", "这项研究", "此项研究", "该项研究", "研究小组")

# The ones a call or a warning is addressed to (提醒大家,… / 呼吁国人,…): not part of the words.
ADDRESSEES = ("大家", "民众", "国人", "各界", "社会大众", "全民", "乡亲", "选民", "家长", "朋友们", "各位", "市民", "网友",
              "业者", "年轻人", "所有人")

# Causatives opening a subject phrase (让选民认为, 使外界质疑): the one made to think is no speaker.
CAUSATIVES = ("让", "使", "令", "叫", "致使", "导致")

# Verbs of belief: "…,但他认为…" goes on with the same person's reasoning (one statement).
BELIEF_VERBS = ("认为", "相信", "觉得", "深信", "坚信", "以为")

# Words opening a condition or a concession (若疾管署认定…, 即使…): the clause is part of what is said,
# its subject no new speaker.
CONDITIONS = ("若", "如果", "假如", "要是", "只要", "即使", "就算", "虽然", "因为", "由于", "一旦", "倘若", "万一",
              "包括", "包含", "例如", "比如", "像是")  # ... or an enumeration (包括王某等人都赞赏)

# Verbs whose quoted object is the name of something (举办「…」论坛, 签署「…」协议, 人称「…」), and nouns
# that a quoted name heads (「…」记者会, 「…」政策): such a quote is a label, not words said.
NAMING_VERBS = ("举办", "举行", "召开", "签署", "签订", "通过", "制定", "推动", "推出", "启动", "发起", "参加", "出席",
                "参与", "主办", "名为", "称为", "号称", "人称", "简称", "俗称", "又称", "题为", "主题为", "同意", "三读",
                "修正", "审议", "放出", "打出", "喊出", "发表了")
NAME_HEADS = ("记者会", "座谈会", "研讨会", "说明会", "论坛", "活动", "计划", "计画", "政策", "条例", "法案", "草案",
              "展览", "巡回展", "特展", "报告", "倡议", "协议", "协定", "架构", "模式", "一词", "字眼", "口号", "标语",
              "节目", "专案", "方案", "平台", "行动", "运动", "决议", "议题", "字样", "影片", "书", "一书", "贴文",
              "系列", "主题", "计划书", "白皮书")

# Connectives and topic words that open a clause before its subject (对此, 同时, 不过 ...).
CONNECTIVES = re.compile(
    r"^(?:对此|对于此|对此事|针对此事|同时|此外|另外|然而|不过|但是|但|而|另一方面|与此同时|其中|"
    r"首先|接着|最后|因此|所以|此前|稍早|随后|后来|目前|如今|而且|并且|事实上|实际上|总之|"
    r"对于|关于|针对|就)?"
)
# Time and place adverbials before a subject (会后, 当地时间2月12日中午, 今(20)日) and 有 (有议员批评).
LEAD_ADVERBIALS = re.compile(
    r"(?:(?:记者|新闻发布|发布|说明|招待)会[后上中]|会后|会前|当地时间|北京时间|台北时间|今天|昨天|今日|昨日|稍早|稍后|日前|"
    r"隔天|隔日|翌日|次日|"
    r"随后|同日|当天|当日|\d{1,4}年|\d{1,2}月|\d{1,2}[日号]|[今昨]?\(\d{1,2}\)日|上午|下午|晚间|中午|早上|凌晨|"
    r"[一-龥]{0,2}时间|有(?=[一-龥]{2}))"
)
# Markers that end a subject noun phrase (time, place, adverbs before the verb).
SUBJECT_END = re.compile(
    r"\d|当地时间|北京时间|台北时间|美东时间|今天|昨天|前天|今日|昨日|本周|上周|周[一二三四五六日末]|"
    r"星期|日前|稍早|早前|此前|先前|随即|随后|后来|稍后|同日|当天|当日|同时|会后|会前|过去|以往|向来|一向|"
    r"答询|质询|受访|回覆|回复|见传媒|见记者|致词|致辞|发言时|演讲|讲话时|"
    r"[在于向对跟与和同也还并亦则更又再曾已将就都仍却便即均皆只仅]|受访|接受|透过|通过|藉|"
    r"明确|原则上|公开|私下|正式|首度|首次|再次|一再|不断|进一步|罕见|直接|当面|会后|会上|全力|"
    r"[今昨](?=\(\d)|[今昨](?=[在于到赴出受表说指强称接召与和对向率再也又还则更亲将就上下早午晚发回透呼提批宣举主直参公针视首正坦开])|"
    r"会中|发文|发布|发表|发出|召开|出席|举行|上午|下午|晚间|中午|早上|凌晨|今年|去年|月|日|年|时|[(:,;。!?]"
)
# Words that hold a subject-end marker but never end a subject (共和, 和平, 日本, 联合国 ...);
# every title word is masked too (将军, 首都).
SUBJECT_MASK_WORDS = ("共和", "和平", "同盟", "首都", "将军", "参与", "日本", "比利时", "都柏林", "在野", "执政",
                      "联合国", "北约", "对外", "向阳", "于是", "时代", "月球", "青年", "成都", "京都", "新加坡",
                      "巴基斯坦", "和党", "国会", "同志", "明日", "日报", "时报", "周刊", "周报", "再生", "更生",
                      "亦即", "即将", "都会", "对方", "对手", "时事", "时任",
                      "曾任", "曾担任", "曾经担任", "曾经是")  # 曾担任X的Y表示: a relative clause, not an adverb
# Characters of a Cantonese text (佢, 嘅, 唔 ...): three in the first 20,000 characters make 话 a verb.
CANTONESE_CHARS = re.compile(r"[佢嘅唔咗啲冇喺睇噉咁哋嚟]")
