"""Extraction stage 8c, stance confidence: how likely a stance is right, from what it rests on.

A stance is right when its holder, polarity and target are. The target is where stances fail: a
quoted claim or a topic clause that is itself a statement names it; a speaker named as the
object (不认同X的说法, 力挺X) leaves X's statement to be chosen; 对此 / 这种说法 point at what was just
said; a bare verb (随即反驳) only guesses the last thing someone else said. The score is set by
rule from those classes and checked per band on the real sets (python -m claims.extraction.learn.confidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from .article import Article
from .lexicon import zh_stances
from .lexicon.zh import ROLE_ANSWERS_LAST
from .records import Candidate, Cue, Resolution
from .reports import REPORT_CUE
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
    RHETORICAL,
    SIMILAR_CLAIM,
    THIS,
    THIS_ANSWER,
    THIS_CLAIM,
    TOPIC_CLAIM,
    TOPIC_SPEAKER,
    VERDICT,
    StanceFinding,
)

LINK_GIVEN = "given"  # the finding names the statement itself
LINK_SPEAKER = "speaker"  # the hinted speaker's statement nearest the cue
LINK_PREVIOUS = "previous"  # the last statement by someone else before the cue
LINK_LEAD = "lead"  # the article's lead statement

MIN_STANCE_CONFIDENCE = 0.5  # stances scored below this are not published (precision first)

# What a finding rests on -> its score when the target sits next to the cue
_BASE = {
    QUOTED_CLAIM: 0.85, TOPIC_CLAIM: 0.85, THIS_ANSWER: 0.75, PERSON: 0.7, NAMED_CLAIM: 0.65,
    THIS: 0.65, THIS_CLAIM: 0.65, OPPONENT: 0.6, ANSWERED_CRITICISM: 0.6, ALIGNED: 0.6, VERDICT: 0.6, ECHO: 0.55, ACCUSED: 0.55,
    SIMILAR_CLAIM: 0.6, RHETORICAL: 0.6, TOPIC_SPEAKER: 0.6, COUNTER: 0.6, CRITICISED: 0.55,
    ANSWER: 0.5, DECISION: 0.5, BARE: 0.3,
}
_ANSWERING_BARE = 0.55  # 随即反驳 / 表示同意 / 遭X批评: a bare verb that answers what was just said
_ANAPHORIC = (THIS, THIS_CLAIM, THIS_ANSWER)
# Findings that name whose words are meant, whatever the order they are reported in: siding with a
# position (与英国立场一致) or answering a criticism made before (X提出质疑, Y回应) reported later
_ORDER_FREE = (ALIGNED, ANSWERED_CRITICISM)
_SENTENCE_ENDS = "。!?"
_NARRATION_SCAN = 2000
_RUMOUR = ("消息", "传言", "传闻", "报导", "报道", "爆料", "谣言")
_PASSIVE = zh_stances.PASSIVE_MARKERS
_DECLARED = ("表示", "表明", "表态")
_OWN_VERB_GAP = 2  # characters (a comma, a colon) between a statement's verb and its words


@dataclass(frozen=True)
class StanceEvidence:
    """A stance's finding, how its target was linked, the holder's resolution and the target."""

    finding: StanceFinding
    link: str
    resolution: Resolution
    target: Candidate


def stance_confidence(art: Article, cue: Cue, ev: StanceEvidence) -> float:
    """A score in [0.05, 0.95]: the finding's class, lowered by a guessed link and by distance."""
    score = _BASE.get(ev.finding.evidence, 0.4)
    if ev.finding.evidence == BARE and _answers_last(art, cue, ev):
        score = _ANSWERING_BARE
    if ev.link == LINK_LEAD and ev.finding.about != LEAD:
        score -= 0.2  # nothing answered near the cue: the lead is a guess
    doc = art.doc
    gap = doc.nonblank_index(cue.para) - doc.nonblank_index(ev.target.para)
    if ev.target.start > cue.start and ev.finding.evidence not in _ORDER_FREE:
        score -= 0.15  # the claim answered comes after the answer
    elif ev.link == LINK_PREVIOUS and _question_between(art, ev.target.end, cue):
        score -= 0.3  # 记者追问…, X表示肯定: the answer is to the question, not to the claim before it
    elif gap >= 2 and ev.link == LINK_PREVIOUS:
        score -= 0.05 * min(gap - 1, 4)  # "the last thing said" is a weaker guess paragraphs away
    if ev.finding.evidence in _ANAPHORIC and ev.link == LINK_PREVIOUS and _narration_between(art, ev.target.end, cue):
        score -= 0.2  # 这种说法 / 对此 point at the sentence before: narration there is what they answer
    if cue.lang == "en" and ev.link == LINK_PREVIOUS and gap > 1:
        score -= 0.15  # English paragraphs are short: "denied the allegations" paragraphs after a statement
        # answers something the article narrates, not that statement
    if ev.resolution.implicit:
        score -= 0.05  # the holder was carried over, not named at the verb
    return round(min(0.95, max(0.05, score)), 2)


def _answers_last(art: Article, cue: Cue, ev: StanceEvidence) -> bool:
    """A verb with no object that answers what was just said: a rebuttal verb (反驳, 否认, 同意), a
    stance declared (表示反对), or a passive (遭到议员批评) whose subject said the claim; and the
    claim is in the same or the previous paragraph."""
    if ev.link != LINK_PREVIOUS:
        return False
    doc = art.doc
    if doc.nonblank_index(cue.para) - doc.nonblank_index(ev.target.para) > 1:
        return False
    sentence_start, _ = doc.sentence_bounds(cue.start)
    if ev.target.cue != REPORT_CUE and _rumour_before(doc.folded, sentence_start, cue.start, ev.target.start):
        return False  # 消息传出后, X随即否认: the report is what is denied, not the last statement
    before = doc.folded[max(doc.paragraph_starts[cue.para], cue.start - 12): cue.start]
    holder = ev.resolution.speaker
    if holder is not None and holder.mention_start is not None and holder.mention_start < cue.start:
        before = doc.folded[max(doc.paragraph_starts[cue.para], holder.mention_start - 3): holder.mention_start]
        declared = doc.folded[holder.mention_end or cue.start: cue.start]
    else:
        declared = before
    mention = holder.mention if holder is not None else ""
    return cue.has_role(ROLE_ANSWERS_LAST) or before.endswith(_PASSIVE) or mention.startswith(_PASSIVE) or \
        any(declared.rstrip("也则并还就已").endswith(w) for w in _DECLARED)


def _rumour_before(folded: str, start: int, end: int, target_start: int) -> bool:
    """A report word (消息, 爆料) in folded[start:end] that is not the verb of the statement answered
    (X爆料,市府…,北市府则反击: the rebuttal answers that very statement)."""
    for w in _RUMOUR:
        k = folded.find(w, start, end)
        while k >= 0:
            if not 0 <= target_start - (k + len(w)) <= _OWN_VERB_GAP:
                return True
            k = folded.find(w, k + 1, end)
    return False


def _question_between(art: Article, end: int, cue: Cue) -> bool:
    """A question (问, 追问, asked) put after the claim and before the answer."""
    for other in art.cues.before(cue.start, limit=8):
        if other.start < end:
            return False
        if other.kind == "ask":
            return True
    return False


def _narration_between(art: Article, end: int, cue: Cue) -> bool:
    """A whole sentence between the claim and the sentence of the answer that quotes words itself (对方称
    「…」, 引发争论。X表示, 这种不实谣言…): those words are what the anaphora answers (bounded scan)."""
    sentence_start, _ = art.doc.sentence_bounds(cue.start)
    if sentence_start - end > _NARRATION_SCAN:
        return True
    between = art.doc.folded[end:sentence_start]
    first_end = min((k for k in (between.find(ch) for ch in _SENTENCE_ENDS) if k >= 0), default=-1)
    return first_end >= 0 and any(q in between[first_end:] for q in "「“")
