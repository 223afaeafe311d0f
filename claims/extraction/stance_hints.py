"""Extraction stage 8 (stances), shared records and hints: a stance's holder and finding, the
statements it may answer, and whose statement a phrase names (X的说法, 卓院长, "the mayor's plan")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .article import Article, AttributionState
from .claim_keys import canonical
from .lexicon.zh import GROUP_NAMES
from .normalize import fold
from .patterns import CJK, CLAIM_NOUN_ALT, PRONOUN, SURNAME_TITLE
from .records import Candidate, Cue, Speaker
from .venues import is_platform

LEAD = "lead"  # a hint: the article's lead announcement is what is answered

# What a finding rests on (stance confidence reads it; strongest first)
QUOTED_CLAIM = "quoted claim"  # 拒绝接受X「…」的指控: the quoted words are a statement
TOPIC_CLAIM = "topic claim"  # 对于X称…, Y驳斥: the topic clause is a statement
SIMILAR_CLAIM = "similar claim"  # "denied that P": the statement that said P
NAMED_CLAIM = "named claim"  # 不认同X的说法: X's statement
TOPIC_SPEAKER = "topic speaker"  # 对于X的说法, Y驳斥: X's statement
PERSON = "person"  # 力挺X / sided with X: what X said
CRITICISED = "criticised speaker"  # 暗批X…: X's statement
ACCUSED = "accused"  # Y…,被X指控散播谣言: X rejects what Y just said
RHETORICAL = "rhetorical echo"  # 针对X指「…」, Y回应…难道…吗?: a rhetorical question repeating the topic claim
ECHO = "denied echo"  # 「…,不是被拉走」 after Y's 「…被拉走了」: denying Y's own words
VERDICT = "verdict"  # X表示,Y说的是事实 / 这不是谣言: a verdict on Y's words, or on a label Y used
ALIGNED = "aligned"  # X表示,与Y立场一致: siding with what Y said
ANSWERED_CRITICISM = "answered criticism"  # 面对X质疑, Y回应: the answer rejects X's criticism
OPPONENT = "opponent named"  # X回击,希望Y…: a rebuttal whose words name Y, who spoke before it
THIS_CLAIM = "this claim"  # 反对这种说法: the claim just reported
THIS = "this"  # 对此反驳 / 同意此: what was just said
THIS_ANSWER = "this answer"  # 对此回应, 这是不可能的: an answer with strong words to what was just said
ANSWER = "answer"  # 回应称, 纯属不实: an answer with strong words
DECISION = "decision"  # 欢迎政府公布时间表: an announced decision
COUNTER = "counter-measure"  # 扬言将采取反制措施
BARE = "bare"  # 随即反驳 / 表示同意: nothing named
_CLAIM_NOUN_END = re.compile("(?:所|的|之)?(?:" + CLAIM_NOUN_ALT + ")$")
_SAYING_END = re.compile(r"(?:所称|所说|所指|所言|称|指|表示|的)$")
_NEAR_CUE = 400  # a hinted speaker's statement at most this far after the cue
_SPEAKERS_BACK = 150  # statements before a cue whose speakers a phrase may name
_SAID_BEFORE_BACK = 60  # statements looked at for the first saying of quoted words
_SPOKESPERSON = "发言人"  # an institution's words are its spokesperson's (国家统计局新闻发言人严某)
_TOPIC_GRAMS = 2  # Chinese bigrams a topic (钢构重做的说法) shares with the statement it names
_TOPIC_TAIL = " ,:;，：；、"


@dataclass(frozen=True)
class StanceCue:
    """A verb and its resolved speaker, the holder of a possible stance."""

    cue: Cue
    speaker: Speaker


@dataclass(frozen=True)
class StanceFinding:
    """A polarity, and what is answered: a statement index, or a hint of whose statement it is."""

    polarity: str
    about: Speaker | str | None = None  # a speaker, LEAD, or None (the last statement by someone else)
    target: int | None = None
    evidence: str = ""  # what the finding rests on (QUOTED_CLAIM ... BARE)


@dataclass(frozen=True)
class StanceSite:
    """What the Chinese stance rules read around a verb."""

    holder: StanceCue
    clause_start: int
    before: str  # from six characters before the clause to the verb
    refers_here: bool  # 对此 earlier in the sentence, or 此 right after the verb
    topic: tuple[int, int] | None  # a topic clause (对于X的说法) before the subject
    object_end: int
    object_core: str  # the object without 了/着/过, up to the next punctuation (quoted terms included)


@dataclass(frozen=True)
class StanceContext:
    """The statements a stance may answer, and who speaks for whom (陆委会副主委梁文杰 -> 陆委会)."""

    art: Article
    statements: list[Candidate]
    starts: list[int]
    affiliations: dict[str, set[str]]
    state: AttributionState | None = None  # who said each verb (the speaker of another verb near a stance)

    def resolution_of(self, cue: Cue) -> Speaker | None:
        """The speaker of a verb, when one was found (not carried over)."""
        if self.state is None:
            return None
        res = self.state.resolution(cue)
        return None if res.no_speaker or res.implicit else res.speaker


def statement_at(ctx: StanceContext, start: int, end: int) -> int | None:
    """A statement whose span lies inside [start, end) (a quoted claim named as a stance's object)."""
    k = bisect.bisect_left(ctx.starts, start)
    if k < len(ctx.statements) and ctx.statements[k].start < end and ctx.statements[k].end <= end + 1:
        return k
    return None


def said_before(ctx: StanceContext, target: int, holder: StanceCue) -> int:
    """The statement where the words a rejection quotes were first said (拒绝接受X「…」的指控 repeats
    what X said earlier): an earlier statement, not the holder's, holding the same words."""
    words = canonical(ctx.art.doc.text[ctx.statements[target].start:ctx.statements[target].end])
    if len(words) < 4:
        return target
    for i in range(max(0, target - _SAID_BEFORE_BACK), target):
        st = ctx.statements[i]
        if st.speaker.name != holder.speaker.name and st.end <= holder.cue.start and \
                words in canonical(ctx.art.doc.text[st.start:st.end]):
            return i
    return target


def statement_saying(ctx: StanceContext, start: int, end: int, holder: StanceCue) -> int | None:
    """The earlier statement (not the holder's) whose words a topic names without naming its speaker:
    对于钢构重做的说法, Y驳斥 answers the statement that said 钢构…全面重做. At least _TOPIC_GRAMS of the
    topic's Chinese bigrams, and half of them, recur in it; the most recent such statement with the
    most of them (bounded: _SAID_BEFORE_BACK statements)."""
    folded = ctx.art.doc.folded
    core = _SAYING_END.sub("", _CLAIM_NOUN_END.sub("", folded[start:end].rstrip(_TOPIC_TAIL)))
    grams = {core[i:i + 2] for i in range(len(core) - 1) if CJK.fullmatch(core[i]) and CJK.fullmatch(core[i + 1])}
    if len(grams) < _TOPIC_GRAMS:
        return None
    k = bisect.bisect_left(ctx.starts, holder.cue.start)
    best, most = None, max(_TOPIC_GRAMS, (len(grams) + 1) // 2) - 1
    for i in range(k - 1, max(-1, k - 1 - _SAID_BEFORE_BACK), -1):
        st = ctx.statements[i]
        if st.end > holder.cue.start or st.speaker.name == holder.speaker.name:
            continue
        said = folded[st.start:st.end]
        n = sum(g in said for g in grams)
        if n > most:
            best, most = i, n
    return best


def speaker_named_in(ctx: StanceContext, start: int, end: int, holder: StanceCue) -> Speaker | None:
    """The first speaker named in text[start:end] other than the holder: a mention, a learned name,
    or a statement's speaker by name or mention."""
    art = ctx.art
    for m in art.mentions.within(start, end):
        if m.speaker.name != holder.speaker.name and not is_platform(art.doc.lowered[m.start:m.end]):
            return m.speaker
    words = art.doc.folded[start:end]
    for sp in art.names.learned.values():
        if fold(sp.name) in words and sp.name != holder.speaker.name:
            return sp
    return statement_speaker_in(ctx, words, holder)


def near_statements(ctx: StanceContext, holder: StanceCue) -> list[Candidate]:
    """The statements a phrase near the cue may name: up to _SPEAKERS_BACK before it and those starting
    at most _NEAR_CUE after it (bounded work per cue: linear time on long texts)."""
    k = bisect.bisect_left(ctx.starts, holder.cue.start)
    hi = bisect.bisect_right(ctx.starts, holder.cue.start + _NEAR_CUE)
    return ctx.statements[max(0, k - _SPEAKERS_BACK):hi]


def statement_speaker_in(ctx: StanceContext, words: str, holder: StanceCue) -> Speaker | None:
    """A statement speaker named in words by its name or the words of its mention (交通部, 陸委會),
    preferring one who spoke before the cue; else one named by surname and title (卓院长)."""
    folded = ctx.art.doc.folded
    core = _SAYING_END.sub("", _CLAIM_NOUN_END.sub("", words.strip()))
    best = spokesperson = None
    for st in near_statements(ctx, holder):
        sp = st.speaker
        if sp.name == holder.speaker.name:
            continue
        names = {fold(sp.name)}
        if sp.mention_start is not None and sp.mention_end is not None and \
                not PRONOUN.fullmatch(folded[sp.mention_start:sp.mention_end]):
            names.add(folded[sp.mention_start:sp.mention_end])
        if any(len(nm) >= 2 and (nm in words or (len(core) >= 2 and core in nm and CJK.search(core))) for nm in names):
            if best is None or st.start <= holder.cue.start:
                best = sp
            if st.start <= holder.cue.start and spokesperson is None and sp.mention_start is not None and \
                    _SPOKESPERSON in folded[sp.mention_start:sp.mention_end] and fold(sp.name) not in words:
                spokesperson = sp
    if best is not None:
        return spokesperson or best  # 认同国家统计局的判断: the bureau's spokesperson, not its last official quoted
    return _surname_title_speaker(ctx, words, holder) or group_speaker(ctx, words, holder)


def _surname_title_speaker(ctx: StanceContext, words: str, holder: StanceCue) -> Speaker | None:
    """A person referred to by surname + title (卓院長, 蕭委員, 賴總統, 卓揆): the statement speaker whose
    name (or mention) ends in a 2-4 character name with that surname, when only one does.

    Chinese news abbreviates a named official this way after the first mention, e.g.
    「她不認同王院長的說法」 after 「行政院長王某某表示…」.
    """
    folded = ctx.art.doc.folded
    for m in SURNAME_TITLE.finditer(words):
        ends_with_name = re.compile(re.escape(m.group(1)) + r"[\u4e00-\u9fff]{1,2}$")
        found = None
        for st in near_statements(ctx, holder):
            sp = st.speaker
            if sp.name == holder.speaker.name:
                continue
            names = [fold(sp.name)]
            if sp.mention_start is not None and sp.mention_end is not None:
                names.append(folded[sp.mention_start:sp.mention_end])
            if any(ends_with_name.search(nm) for nm in names if CJK.search(nm)):
                if found is not None and found.name != sp.name:
                    found = None  # two people share the surname: no guess
                    break
                found = sp
        if found is not None:
            return found
    return None


_GROUP = re.compile("|".join(g.word for g in GROUP_NAMES))
_GROUP_OF = {g.word: g for g in GROUP_NAMES}


def group_speaker(ctx: StanceContext, words: str, holder: StanceCue) -> Speaker | None:
    """A group named in words (綠營, 中媒; lexicon GROUP_NAMES): its member whose first statement comes
    first before the cue, when a member other than the holder speaks there.

    面對綠營質疑, 張某回應 answers the DPP councillor quoted before; 批評中媒刻意渲染 answers the
    Chinese state outlet's report. Naming a camp whose members say nothing here gives no one.
    """
    m = _GROUP.search(words)
    if m is None:
        return None
    group = _GROUP_OF[m.group(0)]
    folded = ctx.art.doc.folded
    for st in near_statements(ctx, holder):
        sp = st.speaker
        if st.start >= holder.cue.start or sp.name == holder.speaker.name:
            continue
        mention = folded[sp.mention_start:sp.mention_end] if sp.mention_start is not None else ""
        if sp.key in group.keys or any(w in mention for w in group.members):
            return sp
    return None
