"""Extraction stage 8b, English stances: "did not agree with X" (oppose), "sided with / backed X"
(support), "denied/rejected the claim" or "denied that P" (oppose, the statement that said P),
"welcomed the decision" (support, the lead announcement)."""

from __future__ import annotations

import re

from .lexicon.en import CLAIM_NOUNS, ROLE_SIDES_WITH, STOP_WORDS
from .records import Speaker
from .stance_hints import (
    LEAD,
    NAMED_CLAIM,
    PERSON,
    SIMILAR_CLAIM,
    THIS,
    StanceContext,
    StanceCue,
    StanceFinding,
    near_statements,
    speaker_named_in,
)

_CLAIMS = "|".join(CLAIM_NOUNS)
_PERSON_WORDS = (r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*|mayor|minister|governor|commissioner|government|company|"
                 r"president")
_NEGATED = re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+)?$|\bnot everyone\s+$|\bfew\s+$", re.I)
_WITH_PERSON = re.compile(r"\s+with\s+(?:the\s+)?(" + _PERSON_WORDS + r")(?:'s)?\b")
_SIDED_PERSON = re.compile(r"\s+(?:with\s+)?(?:the\s+)?(" + _PERSON_WORDS + r")(?:'s)?\b(?!\s+(?:" + _CLAIMS + r")\b)")
_REJECTED_CLAIM = re.compile(r"\s+(?:the|this|that|these|those|his|her|their|its|such|"
                             r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*'s?)\s+(?:[\w\-]+\s+){0,2}(?:" + _CLAIMS + r")\b")
_SUPPORTED_CLAIM = re.compile(r"\s+(?:with\s+)?(?:the|this|that|his|her|their|[A-Z][\w.'’\-]*'s)\s+"
                              r"(?:[\w\-]+\s+){0,2}(?:" + _CLAIMS + r")\b")
_THAT = re.compile(r"\s+that\s+")
_IT_OR_THIS = re.compile(r"\s+(?:it|this)\b")
_WITH_PRONOUN = re.compile(r"\s+with\s+(?:him|her|them|that|this)\b")
_OWNER = re.compile(r"\s+(?:with\s+)?([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)'s?\s")  # "rejected Chen's claim"
_DECISION = re.compile(r"\s+(?:the|this|that)\s+(?:[\w\-]+\s+){0,2}(?:decision|announcement|move|measure|measures|"
                       r"plan|plans|policy|ruling|bill|proposal)\b")
_WORDS = re.compile(r"[a-z0-9$.%]+")
# Titles a role word may stand for ("the mayor" -> "Mayor Rosa Delgado"), and a title before a full name.
_TITLES = frozenset(("mayor", "commissioner", "minister", "governor", "senator", "secretary", "chancellor", "premier",
                     "president", "chairman", "chairwoman", "ambassador", "councilman", "councilwoman"))
_TITLED_NAME = re.compile(r"\b(" + "|".join(t.capitalize() for t in _TITLES) + r")\s+((?:[A-Z][\w'’\-]+\s+){0,2}"
                          r"[A-Z][\w'’\-]+)")
_TITLE_REACH = 6000
_SIMILAR_REACH = 6000


def english_stance(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    folded = ctx.art.doc.folded
    cue = holder.cue
    after = folded[cue.end: cue.end + 60]
    stance = cue.rule.stance
    before = folded[max(ctx.art.doc.paragraph_starts[cue.para], cue.start - 24): cue.start]
    if stance == "support" and _NEGATED.search(before):
        m = _WITH_PERSON.match(after)  # "did not agree with", "Not everyone agreed with": disagreement
        return StanceFinding("oppose", _object_speaker(ctx, holder, m.start(1), m.end(1)), evidence=PERSON) if m else None
    if cue.has_role(ROLE_SIDES_WITH):  # "sided with Chen", "backed the Port Authority"
        m = _SIDED_PERSON.match(after)
        if m and (cue.verb != "sided" or after.lstrip().startswith("with")):
            about = _object_speaker(ctx, holder, m.start(1), m.end(1))
            if about is not None:
                return StanceFinding("support", about, evidence=PERSON)
    if stance == "oppose":
        return _rejection(ctx, holder, after)
    if stance == "support":
        if _SUPPORTED_CLAIM.match(after):
            return StanceFinding("support", _owner(ctx, holder, after) or _decision(after), evidence=NAMED_CLAIM)
        if _WITH_PRONOUN.match(after):
            return StanceFinding("support", evidence=THIS)
    return None


def _rejection(ctx: StanceContext, holder: StanceCue, after: str) -> StanceFinding | None:
    """'denied the claim' / 'rejected Chen's proposal' / 'denied that P' / 'dismissed it'."""
    if _REJECTED_CLAIM.match(after):
        return StanceFinding("oppose", _owner(ctx, holder, after) or _decision(after), evidence=NAMED_CLAIM)
    m = _THAT.match(after)
    if m:  # "denied that P": the statement that said P
        target = _similar_statement(ctx, holder, holder.cue.end + m.end())
        return StanceFinding("oppose", target=target, evidence=SIMILAR_CLAIM) if target is not None else None
    if _IT_OR_THIS.match(after):
        return StanceFinding("oppose", evidence=THIS)
    return None


def _similar_statement(ctx: StanceContext, holder: StanceCue, start: int) -> int | None:
    """The other speaker's statement before the cue that shares most content words with the clause."""
    doc = ctx.art.doc
    _, end = doc.english_sentence(start)
    words = {w.strip(".") for w in _WORDS.findall(doc.folded[start:end].lower())} - STOP_WORDS
    best = None
    for i, st in enumerate(ctx.statements):
        if st.start >= holder.cue.start or st.speaker.name == holder.speaker.name or \
                holder.cue.start - st.end > _SIMILAR_REACH:
            continue
        said = {w.strip(".") for w in _WORDS.findall(doc.text[st.start:st.end].lower())} - STOP_WORDS
        n = len(words & said)
        if n >= 2 and (best is None or n > best[0]):
            best = (n, i)
    return best[1] if best else None


def _decision(after: str) -> str | None:
    """'welcomed the decision': an announced decision or measure is the lead announcement."""
    return LEAD if _DECISION.match(after) else None


def _owner(ctx: StanceContext, holder: StanceCue, after: str) -> Speaker | None:
    m = _OWNER.match(after)
    if not m:
        return None
    return speaker_named_in(ctx, holder.cue.end + m.start(1), holder.cue.end + m.end(1), holder)


def _object_speaker(ctx: StanceContext, holder: StanceCue, start: int, end: int) -> Speaker | None:
    """The speaker an English object names: a mention, a surname, or a role word of a speaker."""
    start, end = holder.cue.end + start, holder.cue.end + end
    found = speaker_named_in(ctx, start, end, holder)
    if found is not None:
        return found
    doc = ctx.art.doc
    word = doc.folded[start:end].lower()
    for st in near_statements(ctx, holder):
        if st.start > holder.cue.start or st.speaker.name == holder.speaker.name:
            continue
        sp = st.speaker
        mention = doc.folded[sp.mention_start:sp.mention_end].lower() if sp.mention_start is not None else ""
        last = sp.name.split()[-1].lower() if sp.name.split() else ""
        if word and (word == last or word in mention.split() or word == sp.name.lower()):
            found = sp  # the most recent speaker so named
    return found or _titled_speaker(ctx, holder, word)


def _titled_speaker(ctx: StanceContext, holder: StanceCue, word: str) -> Speaker | None:
    """'sided with the mayor': the speaker the text introduced with that title ("Mayor Rosa Delgado"),
    the last such introduction before the cue (bounded: _TITLE_REACH characters), if that person spoke."""
    if word not in _TITLES:
        return None
    text = ctx.art.doc.text
    lo = max(0, holder.cue.start - _TITLE_REACH)
    named = None
    for m in _TITLED_NAME.finditer(text, lo, holder.cue.start):
        if m.group(1).lower() == word:
            named = m.group(2)
    if named is None:
        return None
    surname = named.split()[-1]
    for st in near_statements(ctx, holder):
        sp = st.speaker
        if st.start < holder.cue.start and sp.name != holder.speaker.name and sp.name.split()[-1:] == [surname]:
            return sp
    return None
