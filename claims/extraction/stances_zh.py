"""Extraction stage 8a, Chinese stances: the polarity a Chinese verb shows and what it answers.

A stance verb (lexicon rows of kind support/oppose) answers its object: a quoted claim (拒绝接受
X「…」的指控), a claim noun (不认同X的说法), a topic clause (对于X的说法, Y驳斥), a person (力挺X), a
decision (欢迎政府公布时间表) or, bare (随即反驳), the last thing someone else said. A plain answer
(回应, 对此表示) is a rejection only with strong words (lexicon STANCE_WORDS: 不实, 荒谬 ...); a
threatened counter-measure (扬言将采取反制措施) opposes the measure announced.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import zh as lex
from .lexicon import zh_stances
from .normalize import fold
from .patterns import CLAIM_NOUN_ALT, PRONOUN
from .records import Speaker
from .stance_hints import (
    ACCUSED,
    ALIGNED,
    ANSWER,
    ANSWERED_CRITICISM,
    BARE,
    COUNTER,
    CRITICISED,
    DECISION,
    ECHO,
    LEAD,
    NAMED_CLAIM,
    OPPONENT,
    PERSON,
    QUOTED_CLAIM,
    SIMILAR_CLAIM,
    THIS,
    THIS_ANSWER,
    THIS_CLAIM,
    TOPIC_CLAIM,
    TOPIC_SPEAKER,
    VERDICT,
    StanceContext,
    StanceCue,
    StanceFinding,
    StanceSite,
    group_speaker,
    said_before,
    speaker_named_in,
    statement_at,
    statement_saying,
    statement_speaker_in,
)
from .stances_zh_answers import answered_yes, asked_about_criticism, fronted_claim, rhetorical_echo

_TOPIC = re.compile(r"(?:对于|关于|针对|面对|对)(?!此)")  # 对于X的说法, : the topic of what follows
_CRITICISM_END = re.compile("(?:" + "|".join(lex.CRITICISM_NOUNS) + r")(?:声浪|一事|等)?\s*$")
_NEGATED = re.compile(r"(?:不|未|没有|并非|并不|无法)$")
_CLAIM_NOUN_END = re.compile("(?:" + CLAIM_NOUN_ALT + ")$")
_CLAIM_NOUN_ANYWHERE = re.compile(CLAIM_NOUN_ALT)
_BARE_OBJECT = re.compile(r"(?:表示|说|称|指|指出|强调|坦言|回应|认为|直言)?")  # 随即反驳说, 持不同意见指
_ASPECT = re.compile(r"^(?:了|着|过)")
_THIS = re.compile(r"此|对此")
_THIS_CLAIM = re.compile(r"[,:\s]*[「“]?(?:这|此|该|[^,。]{0,6}的)(?:种|个|项)?(?:" + CLAIM_NOUN_ALT + ")")  # 这种说法
_THIS_CLAIM_OPENS = re.compile(r"[,:\s]*[「“]?(?:这|此|该)(?:种|个|些|项|类)?[^,。]{0,4}(?:" + CLAIM_NOUN_ALT + "|谣言|传言|消息|报导|报道)")
_THIS_CLAIM_BEFORE = re.compile(r"对(?:这|此|该)(?:一|种|个|项|些)?(?:" + CLAIM_NOUN_ALT + ")")  # 对这一说法打上问号
_SENTENCE_BREAK = re.compile(r"[。!?;\n]")
_DEMONSTRATIVES = ("这", "此", "该", "这项", "这一", "这个", "该项", "其", "")
_OBJECT_END = "。!?;,:\n"
_OBJECT_REACH = 40
_CHAIN_BEFORE = "并也还又更"
_ALIGNED = re.compile(r"(?:与|跟|和|同)([^,。;!?]{1,12}?)的?(?:" + "|".join(lex.ALIGNMENT_NOUNS) + ")(?:"
                      + "|".join(lex.ALIGNMENT_ENDS) + ")")
_ALIGNED_REACH = 60
_VERDICT_REACH = 80  # characters of the reported words read for a verdict on other words
_LABEL_BACK = 30  # statements looked at for the one that used a label denied
_VERDICT_ON_WORDS = re.compile(r"([^,。;!?:「」]{2,8}?)(?:所)?(?:说|讲|讲的|说的|所言|所说|的说法)的?(?:都|确实|就|才|也)?"
                               r"(?:是(" + "|".join(lex.VERDICT_TRUE + lex.VERDICT_FALSE) + ")|("
                               + "|".join(zh_stances.BARE_VERDICT_TRUE + zh_stances.BARE_VERDICT_FALSE) + "))")
_NAMED_CLAIM_OPENS = re.compile(r"[,:\s]*[「“]?([^,。;!?:「」]{2,10}?)(?:所说|所言|所称|的)(?:" + CLAIM_NOUN_ALT + ")")
_DENIED_LABEL = re.compile(r"(?:这|那|此|这些|它)?(?:并|根本|绝|也|都)?(?:不是|并非|绝非)(?:什么)?("
                           + "|".join(lex.DENIED_LABELS) + ")")
# What every match of _VERDICT_ON_WORDS and of _DENIED_LABEL holds (是事实, 属实, 不是谣言): a search for it starts on
# its first characters, where theirs, opening with a run of any characters or optional words, tries every
# position; most reported words hold neither, and then those two are not searched.
_VERDICT_CORE = re.compile("是(?:" + "|".join(lex.VERDICT_TRUE + lex.VERDICT_FALSE) + ")|"
                           + "|".join(zh_stances.BARE_VERDICT_TRUE + zh_stances.BARE_VERDICT_FALSE))
_DENIED_CORE = re.compile("(?:不是|并非|绝非)(?:什么)?(?:" + "|".join(lex.DENIED_LABELS) + ")")
_PASSIVE = re.compile(r"被|遭")  # …被市府指控 / 遭议员指控: the holder is the agent
_NOT_AS_SAID = re.compile(r"(?:并非|绝非|不是|并不是|而非)是?(?:如|像|如同)([^,。;!?「」]{2,10}?)(?:所说|所言|所称|所指|"
                          r"说的|讲的|的说法|的言论|的批评|的指控|酸葡萄)")
_NEGATED_ECHO = re.compile(r"(?:不是|并非|绝非|不等于|并不是|而非)([「“『])?([\u4e00-\u9fff]{3,8})")  # 并非「未获采纳」
_ECHO_MIN = 3  # characters of a denied phrase that must recur in the statement answered
_ECHO_BACK = 4  # statements looked at for it (the words just answered)
_CONDITION = re.compile(r"若|如果|假如|要是|倘若|万一|是否|是不是|难道")  # 若X讲的是真的, 是否属实: no verdict
_LIST_SEPARATOR = re.compile(r"[、与和及跟]")
_SENTENCE_LEAD = " \u3000」』”"
_OPPONENT_REACH = 24  # characters of a rebuttal's words read for the opponent it names
_CLAUSE_BREAK = re.compile(r"[,。!?;:\n]")
_SPOKE_BACK = 150  # statements before a cue looked at for whether someone spoke (bounded work)
_GROUP_OPENS = 4  # characters of a criticism's object in which a group (中媒, 绿营) opens it


def chinese_stance(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    site = stance_site(ctx, holder)
    cue = holder.cue
    if cue.is_stance or cue.kind.startswith("say+"):
        return _stance_verb(ctx, site)
    doc = ctx.art.doc
    if cue.kind == "say":
        found = _aligned_with(ctx, holder) or _answered_criticism(ctx, site) or _verdict(ctx, holder) or \
            _accused(ctx, holder) or asked_about_criticism(ctx, holder) or answered_yes(ctx, holder)
        if found is not None:
            return found if found is not _NO_STANCE else None
    following = doc.folded[cue.end: min(cue.end + 30, doc.paragraph_ends[cue.para])]
    if cue.has_role(lex.ROLE_THREATENS_COUNTER) and any(w in following for w in lex.COUNTER_WORDS):
        return StanceFinding("oppose", LEAD, evidence=COUNTER)  # 扬言将采取反制措施: a counter-measure answers a measure
    answered = site.refers_here or site.topic is not None or cue.has_role(lex.ROLE_REPLIES)
    if cue.has_role(lex.ROLE_ANSWERS) and (answered or _names_this_claim(ctx, holder)):
        return _rejecting_answer(ctx, site)
    return None


def _answered_criticism(ctx: StanceContext, site: StanceSite) -> StanceFinding | None:
    """面对X质疑, Y回应 / X对…提出质疑, Y则回应「…」: an answer to a named criticism rejects it (_NO_STANCE
    when the criticism is the topic but whose it is goes unnamed)."""
    cue = site.holder.cue
    if site.topic is not None and cue.has_role(lex.ROLE_ANSWERS) and \
            _CRITICISM_END.search(ctx.art.doc.folded, site.topic[0], site.topic[1] - 1):
        found = _topic_finding(ctx, site, "oppose", ANSWERED_CRITICISM)
        return found if found.target is not None or found.about is not None else _NO_STANCE
    if cue.has_role(lex.ROLE_REPLIES):
        critic = _critic_before(ctx, site.holder)
        if critic is not None:
            return StanceFinding("oppose", critic, evidence=ANSWERED_CRITICISM)
    return None


def _critic_before(ctx: StanceContext, holder: StanceCue) -> Speaker | None:
    """The speaker of a criticism verb (质疑, 批评, 抨击) earlier in the reply's sentence, someone else."""
    doc = ctx.art.doc
    sentence_start, _ = doc.sentence_bounds(holder.cue.start)
    for other in ctx.art.cues.before(holder.cue.start, limit=6):
        if other.start < sentence_start:
            break
        if other.has_role(lex.ROLE_CRITICISES_SPEAKER) or other.has_role(lex.ROLE_CLAUSE_CRITICISM):
            sp = ctx.resolution_of(other)
            if sp is not None and sp.name != holder.speaker.name:
                return sp
    return None


def _accused(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    """…贴出「…」图卡,被市府指控散播谣言: an accusation said of the one who spoke (passive) rejects
    what they just said."""
    sp = holder.speaker
    if not holder.cue.has_role(lex.ROLE_ACCUSES) or sp.mention_start is None:
        return None
    folded = ctx.art.doc.folded
    before = folded[max(0, sp.mention_start - 2):sp.mention_start]
    if _PASSIVE.search(before + folded[sp.mention_start:min(sp.mention_start + 4, sp.mention_end or sp.mention_start)]):
        return StanceFinding("oppose", evidence=ACCUSED)
    return None


def _verdict(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    """X表示,郭某说的是真实的状况 (support) / 绝非如X所说 / X的说法纯属捏造 / 这不是谣言 (a label someone else used, denied):
    a verdict on other words in the first sentence reported, not under a condition (若X说的是真的)."""
    doc = ctx.art.doc
    cue = holder.cue
    end = min(doc.paragraph_ends[cue.para], cue.end + _VERDICT_REACH)
    m = _SENTENCE_BREAK.search(doc.folded, cue.end, end)
    words = doc.folded[cue.end: m.start() if m else end]
    said = _VERDICT_ON_WORDS.search(words) if _VERDICT_CORE.search(words) else None
    if said is not None and not _CONDITION.search(words, 0, said.end(1)):
        sp = statement_speaker_in(ctx, said.group(1), holder)
        if sp is not None and _spoke_before(ctx, sp.name, cue.start):
            verdict = said.group(2) or said.group(3)  # 是事实 / 属实 (a verdict word that needs no 是)
            polarity = "support" if verdict in lex.VERDICT_TRUE + zh_stances.BARE_VERDICT_TRUE else "oppose"
            return StanceFinding(polarity, sp, evidence=VERDICT)
    unlike = _NOT_AS_SAID.search(words)  # 绝非如国民党所说 / 并不是像X说的
    if unlike is not None and not _CONDITION.search(words, 0, unlike.start()):
        sp = statement_speaker_in(ctx, unlike.group(1), holder)
        if sp is not None and _spoke_before(ctx, sp.name, cue.start):
            return StanceFinding("oppose", sp, evidence=VERDICT)
    named = _NAMED_CLAIM_OPENS.match(words)  # 王某的说法「根本不可能」 / X的指控纯属捏造
    if named is not None and any(w in words[named.end():] for w in lex.REJECTING_WORDS) and \
            not _CONDITION.search(words, 0, named.end()):
        sp = statement_speaker_in(ctx, named.group(1), holder)
        if sp is not None and _spoke_before(ctx, sp.name, cue.start):
            return StanceFinding("oppose", sp, evidence=VERDICT)
    denied = _DENIED_LABEL.search(words) if _DENIED_CORE.search(words) else None
    if denied is not None and not _CONDITION.search(words, 0, denied.end()):
        target = _labelled_before(ctx, holder, denied.group(1))
        if target is not None:
            return StanceFinding("oppose", target=target, evidence=VERDICT)
    return _negated_echo(ctx, holder, words)


def _negated_echo(ctx: StanceContext, holder: StanceCue, words: str) -> StanceFinding | None:
    """「很远的地方就被打断手,不是被拉走」 after 「可能很远的地方就被拉走了」: words denying a phrase that a
    statement by someone else just before said (the longest run of three or more characters); quoted
    (并非「未获采纳」), the whole phrase in the last of _LABEL_BACK statements by someone else."""
    for echo in _NEGATED_ECHO.finditer(words):
        if _CONDITION.search(words, 0, echo.start()):
            return None
        phrase = echo.group(2)
        if echo.group(1):  # 并非「未获采纳」: quoted, the words are someone's, said maybe a few statements back
            target = _labelled_before(ctx, holder, phrase)
            if target is not None:
                return StanceFinding("oppose", target=target, evidence=ECHO)
        for n in range(len(phrase), _ECHO_MIN - 1, -1):
            target = _labelled_before(ctx, holder, phrase[:n], _ECHO_BACK)
            if target is not None:
                return StanceFinding("oppose", target=target, evidence=ECHO)
    return None


def _labelled_before(ctx: StanceContext, holder: StanceCue, label: str, back: int = _LABEL_BACK) -> int | None:
    """The last statement before the cue, by someone else, that used the label (这种不实谣言)."""
    folded = ctx.art.doc.folded
    k = bisect.bisect_left(ctx.starts, holder.cue.start)
    for i in range(k - 1, max(-1, k - back), -1):
        st = ctx.statements[i]
        if st.speaker.name != holder.speaker.name and st.end <= holder.cue.start and label in folded[st.start:st.end]:
            return i
    return None


def _aligned_with(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    """外交部表示,台湾与英、德立场一致: the words side with speakers named there who speak in the article."""
    doc = ctx.art.doc
    cue = holder.cue
    end = min(doc.paragraph_ends[cue.para], cue.end + _ALIGNED_REACH)
    m = _SENTENCE_BREAK.search(doc.folded, cue.end, end)
    m = _ALIGNED.search(doc.folded, cue.end, m.start() if m else end)
    if m is None:
        return None
    for name in _listed_names(m.group(1)):
        sp = statement_speaker_in(ctx, name, holder)  # a speaker here, before or soon after the words
        if sp is not None:
            return StanceFinding("support", sp, evidence=ALIGNED)
    return None


def _listed_names(words: str) -> list[str]:
    """英、德 / 英国德国 / 美方与日方: the names in a short list, one-character countries spelled out."""
    out = []
    for raw in _LIST_SEPARATOR.split(words):
        part = raw.strip()
        if part in lex.COUNTRY_SHORT:
            out.append(lex.COUNTRY_SHORT[part])
        elif part:
            found = [c for c in set(lex.COUNTRY_SHORT.values()) if c in part]
            out += sorted(found, key=part.index) if len(found) > 1 else [part]
    return out


def _names_this_claim(ctx: StanceContext, holder: StanceCue) -> bool:
    """X表示, 这种不实谣言…: the answer opens by naming the claim just made."""
    doc = ctx.art.doc
    return bool(_THIS_CLAIM_OPENS.match(doc.folded, holder.cue.end, doc.paragraph_ends[holder.cue.para]))


def stance_site(ctx: StanceContext, holder: StanceCue) -> StanceSite:
    doc = ctx.art.doc
    folded = doc.folded
    cue = holder.cue
    clause_start = doc.clause_start(cue.start)
    sentence_start, _ = doc.sentence_bounds(cue.start)
    end = cue.end
    limit = min(doc.paragraph_ends[cue.para], cue.end + _OBJECT_REACH)
    while end < limit and folded[end] not in _OBJECT_END:
        if folded[end] in "「“『":
            q = doc.quote_at.get(end)
            if q is not None and q.end < limit and doc.is_term(q):
                end = q.end + 1
                continue
            break
        end += 1
    return StanceSite(
        holder=holder, clause_start=clause_start,
        before=folded[max(doc.paragraph_starts[cue.para], clause_start - 6): cue.start],
        refers_here="对此" in folded[sentence_start: cue.start] or folded[cue.end:cue.end + 1] == "此" or
        bool(_THIS_CLAIM_BEFORE.search(folded, sentence_start, cue.start)),
        topic=topic_before(ctx, holder), object_end=end, object_core=_ASPECT.sub("", folded[cue.end:end]).strip(),
    )


def topic_before(ctx: StanceContext, holder: StanceCue) -> tuple[int, int] | None:
    """对于X的说法, Y驳斥: the topic clause at the start of the verb's sentence."""
    doc = ctx.art.doc
    sentence_start, _ = doc.sentence_bounds(holder.cue.start)
    clause_start = doc.clause_start(holder.cue.start)
    words = doc.folded[sentence_start:clause_start]
    opening = words.lstrip(_SENTENCE_LEAD)  # a quote closing the sentence before (…?」面对X质疑, Y回应)
    m = _TOPIC.match(opening)
    if not m or clause_start - sentence_start < 4:
        return None
    return sentence_start + (len(words) - len(opening)) + m.end(), clause_start


def _stance_verb(ctx: StanceContext, site: StanceSite) -> StanceFinding | None:
    cue = site.holder.cue
    polarity = cue.rule.kind
    if _NEGATED.search(site.before[-3:]):  # 不同意 is a row; 不会支持 / 并不认同 reverse a support verb
        if polarity == "oppose":
            return None
        polarity = "oppose"
    core = site.object_core
    if cue.has_role(lex.ROLE_CONFIRMS) and not site.refers_here and not _CLAIM_NOUN_ANYWHERE.search(core):
        return None  # 证实 is a stance only on something said (证实美方说法, 对此证实)
    if core and _CLAIM_NOUN_END.search(core):
        return _claim_named(ctx, site, polarity)
    if not core or _BARE_OBJECT.fullmatch(core):
        return fronted_claim(ctx, site, polarity) or _bare(ctx, site, polarity)
    found = _person(ctx, site, polarity) or _decision(ctx, site, polarity) or _criticised(ctx, site, polarity)
    if found is None and site.refers_here and (_THIS.match(core) or cue.has_role(lex.ROLE_ANSWERS_LAST)):
        return StanceFinding(polarity, evidence=THIS)  # 同意此 / 对此出面驳斥「子虚乌有」: what was just said
    return found


def _claim_named(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding:
    """拒绝接受国民党「用程序拖延民意」的指控 / 不认同佩斯科夫的说法 / 反对这种说法."""
    cue = site.holder.cue
    for k in range(cue.end, site.object_end):  # a quoted claim in the object is the target
        q = ctx.art.doc.quote_at.get(k)
        if q is not None:
            target = statement_at(ctx, q.start, q.end)
            if target is not None:
                return StanceFinding(polarity, target=said_before(ctx, target, site.holder), evidence=QUOTED_CLAIM)
            target = _quoted_from(ctx, site, q.start, q.end)  # 不同意「…」的说法: words of a longer statement
            if target is not None:
                return StanceFinding(polarity, target=target, evidence=QUOTED_CLAIM)
    who = _CLAIM_NOUN_END.sub("", site.object_core)
    if PRONOUN.match(who) or who in _DEMONSTRATIVES:
        return StanceFinding(polarity, evidence=THIS_CLAIM)
    about = speaker_named_in(ctx, cue.end, site.object_end, site.holder)
    if about is None:
        return StanceFinding(polarity, evidence=BARE)
    return StanceFinding(polarity, about, evidence=NAMED_CLAIM)


def _quoted_from(ctx: StanceContext, site: StanceSite, start: int, end: int) -> int | None:
    """并不同意「电网比电厂更要命」的说法 where the quoted words are part of what someone said before (a
    longer quote, a reported clause): that statement, the last one by someone else holding them."""
    words = ctx.art.doc.folded[start:end]
    if len(words) < _ECHO_MIN or _SENTENCE_BREAK.search(words):
        return None
    return _labelled_before(ctx, site.holder, words)


def _bare(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """随即反驳, 表示同意, 持不同看法: the topic clause's claim, else the last one by someone else."""
    folded = ctx.art.doc.folded
    cue = site.holder.cue
    if not site.object_core and folded[site.object_end:site.object_end + 1] in "「“『":
        return None  # 同意「…条例」延长: a quoted object that is neither a term nor a statement named
    if site.topic is None and cue.has_role(lex.ROLE_DOCUMENT_CRITICISM) and folded[cue.end:cue.end + 1] in ",:" and \
            folded[site.clause_start:cue.start].rstrip(_CHAIN_BEFORE) in lex.DOCUMENT_NOUNS:
        return None  # 声明并批评，…: the statement's own content, no target named
    if site.topic is not None:
        return _topic_finding(ctx, site, polarity)
    named = _opponent_named(ctx, site, polarity)
    if named is _AIMED_ELSEWHERE:
        return None  # 对此抨击,蔡某特助散播假讯息…: aimed at someone who says nothing here
    if named is not None:
        return named
    return StanceFinding(polarity, evidence=THIS if site.refers_here else BARE)


_AIMED_ELSEWHERE = StanceFinding("none", evidence="aimed elsewhere")
_NO_STANCE = StanceFinding("none", evidence="no stance")


def _opponent_named(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """蔡某回击,希望卢某放下…: a rebuttal or criticism that reports words naming, in their first clause,
    someone who spoke before it answers that speaker (not the last thing said, which may be an ally's);
    naming only a person who says nothing here, it is aimed at that person (_AIMED_ELSEWHERE)."""
    cue = site.holder.cue
    doc = ctx.art.doc
    if not (cue.kind.startswith("say+") and (cue.has_role(lex.ROLE_ANSWERS_LAST) or site.refers_here)) or \
            doc.folded[cue.end:cue.end + 1] not in ",:":
        return None
    end = min(doc.paragraph_ends[cue.para], cue.end + 1 + _OPPONENT_REACH)
    m = _CLAUSE_BREAK.search(doc.folded, cue.end + 1, end)
    end = m.start() if m else end
    sp = statement_speaker_in(ctx, doc.folded[cue.end + 1:end], site.holder)
    if sp is not None and _spoke_before(ctx, sp.name, cue.start):
        return StanceFinding(polarity, sp, evidence=OPPONENT)
    if any(mn.speaker.kind == "person" and mn.speaker.name != site.holder.speaker.name
           for mn in ctx.art.mentions.within(cue.end + 1, end)):
        return _AIMED_ELSEWHERE
    return None


def _spoke_before(ctx: StanceContext, name: str, pos: int) -> bool:
    k = bisect.bisect_left(ctx.starts, pos)
    return any(st.speaker.name == name and st.end <= pos for st in ctx.statements[max(0, k - _SPOKE_BACK):k])


def _topic_finding(ctx: StanceContext, site: StanceSite, polarity: str, named: str = TOPIC_SPEAKER) -> StanceFinding:
    target = statement_at(ctx, *site.topic)
    if target is not None:
        return StanceFinding(polarity, target=target, evidence=TOPIC_CLAIM)
    about = speaker_named_in(ctx, *site.topic, site.holder)
    if about is None:  # 对于钢构重做的说法: the topic names the claim by its words, not by its speaker
        target = statement_saying(ctx, *site.topic, site.holder)
        if target is not None:
            return StanceFinding(polarity, target=target, evidence=SIMILAR_CLAIM)
    return StanceFinding(polarity, about, evidence=named)


def _person(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """力挺钟以恒, 同意赫格塞斯: agreeing with a person is agreeing with what they said."""
    cue, core = site.holder.cue, site.object_core
    if not cue.has_role(lex.ROLE_AGREES_WITH_PERSON) or len(core) > 12:
        return None
    mentions = ctx.art.mentions.within(cue.end, site.object_end)
    if mentions and mentions[0].start - cue.end <= 2 and mentions[-1].end >= site.object_end - 2:
        return StanceFinding(polarity, mentions[0].speaker, evidence=PERSON)
    sp = statement_speaker_in(ctx, core, site.holder)
    if sp is not None and len(core) <= len(fold(sp.name)) + 4:
        return StanceFinding(polarity, sp, evidence=PERSON)
    return None


def _decision(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """欢迎政府公布时间表, 支持这项决定: an announced decision is the target."""
    core = site.object_core
    if site.holder.cue.has_role(lex.ROLE_ANSWERS_DECISION) and any(w in core[:20] for w in lex.DECISION_WORDS):
        return StanceFinding(polarity, statement_speaker_in(ctx, core[:12], site.holder) or LEAD, evidence=DECISION)
    return None


def _criticised(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """暗批交通部决策草率: criticising a speaker who has a statement here."""
    core = site.object_core
    if not site.holder.cue.has_role(lex.ROLE_CRITICISES_SPEAKER):
        return None
    sp = statement_speaker_in(ctx, core[:8], site.holder)
    if sp is not None and fold(sp.name) in core[:len(sp.name) + 2]:
        return StanceFinding(polarity, sp, evidence=CRITICISED)
    sp = group_speaker(ctx, core[:_GROUP_OPENS], site.holder)  # 批评中媒刻意渲染: a group opens the object
    return StanceFinding(polarity, sp, evidence=CRITICISED) if sp is not None else None


def _rejecting_answer(ctx: StanceContext, site: StanceSite) -> StanceFinding | None:
    """对此回应:「这是不可能的。」 / 对于X的说法, Y回应称, 这种说法是自欺欺人: an answer with strong words."""
    doc = ctx.art.doc
    cue = site.holder.cue
    following = doc.folded[cue.end: min(cue.end + 60, doc.paragraph_ends[cue.para])]
    m = _SENTENCE_BREAK.search(following)
    following = following[: m.start()] if m else following
    names_claim = bool(_THIS_CLAIM.match(following) or _THIS_CLAIM_OPENS.match(following))
    if not cue.has_role(lex.ROLE_REPLIES) and not names_claim:
        return None
    if not any(w in following for w in lex.REJECTING_WORDS):
        return rhetorical_echo(ctx, site)  # agreement is said with a stance verb (同意, 支持); a bare answer is not
    if site.topic is not None:
        return _topic_finding(ctx, site, "oppose")
    if site.refers_here:
        return StanceFinding("oppose", evidence=THIS_ANSWER)
    return StanceFinding("oppose", evidence=THIS_CLAIM if names_claim else ANSWER)
