"""Extraction stage 8, stances: who supports or rejects which statement.

Every resolved verb outside reported content is asked for a stance (stances_zh / stances_en),
which gives a polarity and either the statement answered or a hint of whose it is (a speaker, or
LEAD for an announced decision). The target is then the hinted speaker's statement nearest the
cue, or the last statement by someone else, or the article's lead statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .article import Article, AttributionState
from .document import Intervals
from .lexicon import zh_stances
from .patterns import CJK, TITLE
from .records import Candidate, Speaker
from .stance_confidence import (
    LINK_GIVEN,
    LINK_LEAD,
    LINK_PREVIOUS,
    LINK_SPEAKER,
    MIN_STANCE_CONFIDENCE,
    StanceEvidence,
    stance_confidence,
)
from .stance_hints import LEAD, NAMED_CLAIM, StanceContext, StanceCue, StanceFinding
from .stances_en import english_stance
from .stances_zh import chinese_stance
from .types import Stance

_TARGET_BACK, _TARGET_ON = 60, 20  # statements looked at around the cue (bounded work)
_MAX_PARAGRAPHS_BACK = 3
_OPENING_PRONOUNS = zh_stances.STANCE_OPENING_PRONOUNS
_HEAD_TITLES = zh_stances.HEAD_TITLES
_BODY_NAME = 6  # characters of a body's name (民众党) opening its member's statement
_SIDE_ADVERBS = re.compile("(?:" + "|".join(zh_stances.SIDE_ADVERBS) + ")+$")  # 中方对此坚决反对
_GOVERNMENT_OFFICE = re.compile("(?:" + "|".join(zh_stances.GOVERNMENT_BODY_ENDS) + ")(?:副|代理)?(?:"
                                + "|".join(zh_stances.GOVERNMENT_OFFICES) + ")")
_ECHO_REACH = 120  # characters after a cue read for words quoted back
_QUOTED_BACK = re.compile(r"[「“『]([^「」“”『』]{2,20})[」”』]")
_RELAY_SCAN = 200  # characters of a statement read for quoted words it relays
_COORDINATORS = zh_stances.COORDINATORS
_PAIR = 2  # names joined in a holder's words that are each a holder
_AGENT_REACH = 16  # characters before a stance verb read for a passive's agent (遭议员李某驳斥)
_PASSIVE_BEFORE = re.compile("(?:" + "|".join(zh_stances.PASSIVE_MARKERS) + r")[^,。;:!?「」]{0,8}$")
_TITLE_BEFORE_NAME = 8  # characters of a title (桃园立委) allowed between a coordinator and the next name


def find_stances(art: Article, state: AttributionState, statements: list[Candidate]) -> list[Stance]:
    """Stances of every resolved verb that is not inside reported content (one per holder, polarity, target)."""
    ctx = StanceContext(art, statements, [s.start for s in statements], _affiliations(art, statements), state)
    inside = Intervals([(st.start, st.end) for st in statements])
    out: list[Stance] = []
    seen = set()
    for cue in art.cues.cues:
        res = state.resolution(cue)
        if inside.contains(cue.start):
            own = _opens_own_statement(ctx, cue, res.speaker)
            if own is None:
                continue  # a stance verb inside reported content is part of the content
            res = replace(res, speaker=own)
        elif (voice := _side_voiced(ctx, cue, res.speaker)) is not None:
            res = replace(res, speaker=voice)
        answered = None
        if (agent := _passive_agent(ctx.art, cue, res.speaker)) is not None:
            answered, res = res.speaker, replace(res, speaker=agent)  # X的说法遭Y驳斥: Y answers X
        if res.speaker is None or res.no_speaker or cue.kind in ("ask", "act"):
            continue
        holder = StanceCue(cue, res.speaker)
        finding = chinese_stance(ctx, holder) if cue.lang == "zh" else english_stance(ctx, holder)
        if finding is None:
            continue
        if answered is not None and finding.target is None:
            finding = StanceFinding(finding.polarity, answered, evidence=NAMED_CLAIM)
        target, link = _resolve(ctx, holder, finding)
        if target is None or statements[target].speaker.name == res.speaker.name:
            continue
        evidence = StanceEvidence(finding, link, res, statements[target])
        confidence = stance_confidence(art, cue, evidence)
        if confidence < MIN_STANCE_CONFIDENCE:
            continue
        for sp in coordinated_holders(art, res.speaker):  # 遭郑某及立委黄某打脸: each of them holds it
            key = (sp.name, finding.polarity, target)
            if key in seen or statements[target].speaker.name == sp.name:
                continue
            seen.add(key)
            out.append(Stance(sp.name, sp.key, finding.polarity, target,
                              art.text_at(cue.start, cue.end), cue.start, cue.end, statements[target].said_on,
                              confidence=confidence, evidence=f"{finding.evidence}/{link}", mention=sp.mention))
    return out


def coordinated_holders(art: Article, speaker: Speaker) -> list[Speaker]:
    """The two people a holder's words name when they join two names with 、和与及跟 (titles allowed
    between: 郑某及桃园立委黄某), each named by their own words; else the holder itself."""
    if speaker.mention_start is None or speaker.mention_end is None:
        return [speaker]
    mentions = [m for m in art.mentions.within(speaker.mention_start, speaker.mention_end) if m.speaker.kind == "person"]
    if len(mentions) != _PAIR:
        return [speaker]  # a longer list (甲、乙、丙及丁) reads as one group, as the gold names a caucus
    folded = art.doc.folded
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = folded[a.end:b.start].strip()
        joined = next((c for c in _COORDINATORS if between.startswith(c)), None)
        rest = between[len(joined):] if joined else between
        if joined is None or rest and not (len(rest) <= _TITLE_BEFORE_NAME and TITLE.search(rest)):
            return [speaker]
    return [m.speaker.named_by(art.text_at(m.start, m.end), m.start, m.end) for m in mentions]


def _opens_own_statement(ctx: StanceContext, cue, speaker: Speaker | None) -> Speaker | None:
    """X回应，她不认同Y「…」的说法: the quoted claim made the stance clause X's reported words, but a
    stance verb opening X's own statement (after a pronoun at most) is X's stance, not content; so is
    one after the name of the body X's mention gives (民众党党团总召张某表示，民众党支持…): X voices it."""
    if cue.lang != "zh" or cue.rule.kind not in ("support", "oppose"):
        return None
    k = bisect.bisect_right(ctx.starts, cue.start) - 1
    if k < 0:
        return None
    st = ctx.statements[k]
    if not st.start <= cue.start < st.end:
        return None
    folded = ctx.art.doc.folded
    opening = folded[st.start:cue.start]
    if speaker is not None and st.speaker.name == speaker.name and opening in _OPENING_PRONOUNS:
        return speaker
    sp = st.speaker
    if sp.mention_start is not None and 2 <= len(opening) <= _BODY_NAME and CJK.match(opening) and \
            opening in folded[sp.mention_start:sp.mention_end] and not folded[sp.mention_start:sp.mention_end].endswith(opening):
        return sp
    return sp if _own_side(ctx.art, opening, sp) else None


def _passive_agent(art: Article, cue, subject: Speaker | None) -> Speaker | None:
    """王某的说法随即遭议员李某驳斥 / 被李某否认: the one named after 遭/被 right before a stance verb
    holds the stance; the sentence's subject (the verb's resolved speaker) is whose words it answers."""
    if cue.lang != "zh" or subject is None or cue.rule.kind not in ("support", "oppose"):
        return None
    named = art.mentions.within(max(0, cue.start - _AGENT_REACH), cue.start)
    if not named or named[-1].end != cue.start or named[-1].speaker.name == subject.name:
        return None
    m = named[-1]
    passive = _PASSIVE_BEFORE.search(art.doc.folded, max(0, m.start - _TITLE_BEFORE_NAME - 2), m.start)
    if passive is None or subject.mention_end is None or subject.mention_end > passive.start():
        return None  # the resolution already names the agent (遭川普及立委黄某打脸: both hold it)
    return m.speaker.named_by(art.text_at(m.start, m.end), m.start, m.end)


def _side_voiced(ctx: StanceContext, cue, speaker: Speaker | None) -> Speaker | None:
    """毛某表示，美方…规定，中方对此坚决反对: the speaker's own government named in the sentence that
    carries on their statement is still the speaker talking (not a holder answering them)."""
    if cue.lang != "zh" or speaker is None or speaker.kind != "government" or speaker.mention_start is None:
        return None
    k = bisect.bisect_left(ctx.starts, cue.start) - 1
    if k < 0 or ctx.statements[k].end > speaker.mention_start:
        return None
    st = ctx.statements[k]
    sentence_start, _ = ctx.art.doc.sentence_bounds(cue.start)
    if st.end < sentence_start or st.speaker.name == speaker.name:
        return None
    side = ctx.art.doc.folded[speaker.mention_start:speaker.mention_end]
    return st.speaker if _own_side(ctx.art, side, st.speaker) else None


def _own_side(art: Article, opening: str, sp: Speaker) -> bool:
    """毛某表示，中方赞赏… / 美国国务院发言人表示，美方支持…: the opening names the government of the
    speaker's own country (the registry gives both countries), or is 政府 said by a holder of a
    government office (经济部能源署副署长): the speaker voices that side's stance."""
    side = _SIDE_ADVERBS.sub("", opening)
    if not 2 <= len(side) <= _BODY_NAME or sp.mention_start is None:
        return False
    if side in zh_stances.FIRST_PERSON_SIDES:
        return True  # “我们坚决反对…”毛某说: the speaker's own side in their own words
    mention = art.doc.folded[sp.mention_start:sp.mention_end]
    if side in zh_stances.OWN_GOVERNMENT_WORDS:
        return bool(_GOVERNMENT_OFFICE.search(mention))
    entry = art.gazetteer.exact(side)
    if entry is None or entry.kind != "government" or not entry.country:
        return False
    keys = {sp.key} | {m.speaker.key for m in art.mentions.within(sp.mention_start, sp.mention_end)}
    return any((e := art.gazetteer.get(k)) is not None and e.country == entry.country for k in keys if k)


def _resolve(ctx: StanceContext, holder: StanceCue, finding: StanceFinding) -> tuple[int | None, str]:
    """The target statement and how it was linked (LINK_GIVEN ... LINK_LEAD)."""
    if finding.target is not None:
        return finding.target, LINK_GIVEN
    return _target(ctx, holder, finding.about)


def _affiliations(art: Article, statements: list[Candidate]) -> dict[str, set[str]]:
    """陆委会副主委梁文杰 speaks for 陆委会: a stance on 陆委会的说法 may answer him."""
    out: dict[str, set[str]] = {}
    for st in statements:
        sp = st.speaker
        if sp.mention_start is not None and sp.mention_end is not None and sp.mention_end - sp.mention_start <= 24:
            for m in art.mentions.within(sp.mention_start, sp.mention_end):
                if m.speaker.name != sp.name:
                    out.setdefault(sp.name, set()).add(m.speaker.name)
    return out


def _target(ctx: StanceContext, holder: StanceCue, about: Speaker | str | None) -> tuple[int | None, str]:
    """The statement a stance answers: the hinted speaker's, else the last one by someone else, else the lead."""
    if about == LEAD:  # an announced decision or measure: the lead statement, else the last one
        lead = _lead_before(ctx, holder)
        if lead is not None:
            return lead, LINK_LEAD
        about = None
    if about is not None:
        return _statement_of(ctx, holder, about), LINK_SPEAKER
    cue, speaker = holder.cue, holder.speaker
    doc = ctx.art.doc
    k = bisect.bisect_left(ctx.starts, cue.start)
    for i in range(k - 1, max(-1, k - _TARGET_BACK), -1):
        st = ctx.statements[i]
        if doc.nonblank_index(cue.para) - doc.nonblank_index(st.para) > _MAX_PARAGRAPHS_BACK:
            break
        if st.end > cue.start or st.speaker.name == speaker.name:
            continue
        if speaker.aliases and st.speaker.name in speaker.aliases:
            continue
        return _relayed_words(ctx, holder, i), LINK_PREVIOUS
    return _lead_before(ctx, holder), LINK_LEAD  # a reaction with nothing answered near it answers the lead


def _relayed_words(ctx: StanceContext, holder: StanceCue, i: int) -> int:
    """汪某提到柯某曾提议「快筛阳就给药」一事,遭陈某反驳: the last statement relays words in quotes that
    an earlier statement of someone else said; a bare rebuttal answers those words, not the relaying."""
    doc = ctx.art.doc
    st = ctx.statements[i]
    scan_end = min(st.end, st.start + _RELAY_SCAN)
    if doc.folded.find("「", st.start, scan_end) < 0 and doc.folded.find("“", st.start, scan_end) < 0:
        return i  # no quoted words in it
    for k in range(st.start, scan_end):
        q = doc.quote_at.get(k)
        if q is None or q.end > st.end:
            continue
        words = doc.folded[q.start:q.end]
        for j in range(i - 1, max(-1, i - _TARGET_BACK), -1):
            earlier = ctx.statements[j]
            if earlier.speaker.name not in (holder.speaker.name, st.speaker.name) and \
                    doc.folded[earlier.start:earlier.end] == words:
                return j
    return i


def _statement_of(ctx: StanceContext, holder: StanceCue, about: Speaker) -> int | None:
    """'X's claim' names X's main line: the first statement X (or someone speaking for X) makes
    before the cue, else the nearest after it."""
    cue, speaker = holder.cue, holder.speaker
    k = bisect.bisect_left(ctx.starts, cue.start)
    best = echo = None
    echoed = _echoed_words(ctx, holder)
    folded = ctx.art.doc.folded
    for i in range(max(0, k - _TARGET_BACK), min(len(ctx.statements), k + _TARGET_ON)):
        st = ctx.statements[i]
        if st.speaker.name == speaker.name or (
                st.speaker.name != about.name and about.name not in ctx.affiliations.get(st.speaker.name, ())):
            continue
        if st.para > cue.para + 1 or (st.para < cue.para - 4 and not (cue.start - st.end < 3000)):
            continue
        if st.end <= cue.start and any(q in folded[st.start:st.end] for q in echoed):
            echo = i  # the last of X's statements holding the words the answer quotes back
        dist = st.start if st.end <= cue.start else 10**9 + abs(st.start - cue.start)
        if best is None or dist < best[0]:
            best = (dist, i)
    if echo is None and best is None and about.mention_start is not None and about.kind != "person":
        return _head_of(ctx, holder, folded[about.mention_start:about.mention_end])
    return echo if echo is not None else best[1] if best else None


def _head_of(ctx: StanceContext, holder: StanceCue, body: str) -> int | None:
    """力挺行政院 when the body itself says nothing here: its head speaks for it (行政院长卓荣泰, the
    mention opening with the body's name and naming someone after it): the first such statement before
    the cue."""
    if len(body) < 2:
        return None
    folded = ctx.art.doc.folded
    k = bisect.bisect_left(ctx.starts, holder.cue.start)
    for i in range(max(0, k - _TARGET_BACK), k):
        sp = ctx.statements[i].speaker
        if sp.name == holder.speaker.name or sp.mention_start is None or ctx.statements[i].end > holder.cue.start:
            continue
        mention = folded[sp.mention_start:sp.mention_end]
        if mention.startswith(body) and len(mention) >= len(body) + 2 and mention[len(body):].startswith(_HEAD_TITLES):
            return i
    return None


def _echoed_words(ctx: StanceContext, holder: StanceCue) -> list[str]:
    """反驳X的说法，称业主并非「以拖待变」: the words the answer quotes back, in its own sentence after the
    cue, name which of X's statements it answers."""
    doc = ctx.art.doc
    _, end = doc.sentence_bounds(holder.cue.start)
    end = min(end, holder.cue.end + _ECHO_REACH)
    return [m.group(1) for m in _QUOTED_BACK.finditer(doc.folded, holder.cue.end, end)]


def _lead_before(ctx: StanceContext, holder: StanceCue) -> int | None:
    lead = lead_statement(ctx)
    if lead is not None and ctx.statements[lead].start < holder.cue.start and \
            ctx.statements[lead].speaker.name != holder.speaker.name:
        return lead
    return None


def lead_statement(ctx: StanceContext) -> int | None:
    """The first statement of the article's first body paragraph (within the first three)."""
    doc = ctx.art.doc
    seen = 0
    for para in range(len(doc.paragraph_starts)):
        if doc.headlines[para] or doc.is_blank(para):
            continue
        seen += 1
        for i, st in enumerate(ctx.statements):
            if st.para == para:
                return i
            if st.para > para:
                break
        if seen >= 3:
            return None
    return None


