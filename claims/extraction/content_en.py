"""Extraction stage 5b, English content: what a resolved English verb licenses, the quote after it
('said: "…"'), the clause before a post-posed verb ("…, X said."), the clause after "according to
X,", or the reported clause after the verb ("said (that) …", "told reporters …", "accused X of …").
"""

from __future__ import annotations

import re

from .article import Article, AttributionState
from .content_zh import quote_after_cue
from .lexicon.en import (
    ROLE_ACCORDING_TO,
    ROLE_ACCUSES,
    ROLE_ADDRESSEE,
    ROLE_DIRECTS,
    ROLE_NAMES_AS,
    ROLE_TAKES_OBJECT,
)
from .records import Candidate, Cue

# "said Wednesday", "told reporters late Tuesday", "said last week": a bare time after the verb (US style)
_BARE_TIME = (r"(?:\s+(?:late|early)?\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
              r"(?:\s+(?:night|morning|afternoon|evening))?|yesterday|today|tonight|last\s+(?:week|month|year|night)|"
              r"earlier|later|this\s+(?:week|month|morning)))?")
_QUOTE_AFTER = re.compile(_BARE_TIME + r"(?:\s+(?:on|in|at)\s+[^\",“:]{1,40}?)?\s*[,:]?\s*")  # said on Monday: "…"
_THAT_AFTER = re.compile(  # said (Friday) (on Friday) (that)
    _BARE_TIME + r"(?:\s+(?:on|in|at|during|after|before)\s+[\w ,.\-'’]{1,50}?(?=\s+that\b))?\s*(?:,\s*)?(that\s+)?")
_TOLD_THAT = re.compile(r"(?:\s+[^\s.!?\"“‘]+){1,6}?\s+that\s+")  # told reporters on Tuesday that
# "told reporters (on Tuesday) the talks had stalled": an addressee, then a clause
_TOLD_ADDRESSEE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|parliament|legislators|senators|delegates|"
    r"the (?:BBC|Reuters|AP|AFP|Associated Press|Financial Times|newspaper|broadcaster|"
    r"committee|conference|parliament|audience|crowd)|[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
    r"|(?:a|an) (?:news conference|press conference|briefing|[\w\-]+ (?:newspaper|radio|"
    r"broadcaster|television)))"
    r"(?:\s+(?:on|in|at|late on|early on)\s+(?:[A-Z][\w]*|the \w+)(?:\s+\w+)?)?(?:,)?\s+"
    r"(?=(?:the|a|an|it|he|she|they|we|there|this|his|her|their|its|some|[A-Z])\b)")
_ACCUSED_OF = re.compile(r"\s+[^.!?\n\"“]{1,80}?\bof\s+")
_OBJECT_THEN_QUOTE = re.compile(r"\s+(?!for\b|on\b|it\b|him\b|her\b)[^.!?\n\"“”,;:]{1,60}?\s(?=[\"“]|'')")
_OBJECT_THEN_TO = re.compile(r"(\s+|\s+on\s+)(?=[^.!?\n\"“;:]{1,60}?\bto\s+[a-z])")
_GERUND = re.compile(r"\w+ing\b")
# What a clause after a verb without "that" may start with ("said the talks ...", "said projections showed ...").
_CLAUSE_OPENERS = (
    re.compile(r"(?:the|a|an|it|he|she|they|we|i|there|this|his|her|their|[A-Z])"),
    re.compile(r"(?:some|its|our|many|most|all|both|several|such|these|those|no|none|every|each|any|more|"
               r"fewer|only|you|your|my)\s"),
    re.compile(r"[a-z]+(?:\s+[a-z]+){0,2}\s+(?:showed|shows|is|are|was|were|would|will|had|has|have|could|can|"
               r"should|must|might|may)\b"),
)
_PREPOSITION = re.compile(r"(?:in|on|at|of|to|for|with|by)\b")
_ACCORDING_THEN_COMMA = re.compile(r"[^,\n]{1,80},\s*")
_SENTENCE_END = re.compile(r"[.!?]\s*$")
# the boundary before another verb's clause: ", (and) he added" / " while adding" / ", before claiming"
_BEFORE_NEXT_CUE = re.compile(r"(?:[,;]\s*(?:and\s+|but\s+)?|\s+(?:and|while|before|after|whereas|but)\s+)"
                              r"(?:(?:he|she|they|it|also|later|then|[A-Z][\w'’.\-]*)\s+){0,3}\Z")
_QUOTE_MARKS = ('"', "“", "”")


def english_content(art: Article, state: AttributionState, cue: Cue) -> Candidate | None:
    """The statement a resolved English verb licenses, or None."""
    folded = art.doc.folded
    j = cue.end + _QUOTE_AFTER.match(folded[cue.end: cue.end + 60]).end()
    q = art.doc.quote_at.get(j)
    if q is not None and q.open not in state.used_quotes:
        return quote_after_cue(art, state, q, cue)
    if state.resolution(cue).post_posed or cue.has_role(ROLE_ACCORDING_TO):
        return _clause_before(art, state, cue)
    start = _clause_after(art, state, cue)
    if start is None or isinstance(start, Candidate):
        return start
    return _indirect(art, state, cue, start)


def _indirect(art: Article, state: AttributionState, cue: Cue, start: int) -> Candidate | None:
    """The reported clause from start to the end of its sentence (or a quoted sentence after it)."""
    folded = art.doc.folded
    e = min(art.doc.english_sentence(start)[1], art.doc.paragraph_ends[cue.para])
    q = next(art.doc.quotes_from(start), None)
    if q is not None and q.open < e and not art.doc.is_term(q) and _SENTENCE_END.search(folded[start: q.open]):
        e = q.open
    while e > start and folded[e - 1] in " .,;:\t\"“":
        e -= 1
    last = art.doc.quote_before(e)
    if last is not None and last.closed and start <= last.open < e and e - 1 <= last.end <= e + 2:
        e = last.end + 1  # '…will "compete for the nomination."': the clause ends after the closing mark
    e = _cut_at_next_cue(art, start, e)
    if len(folded[start:e].split()) < 3:
        return None
    resolution = state.resolution(cue)
    return Candidate(resolution.speaker, start, e, "indirect", cue.verb, cue.para, resolution.via, anchor=cue.start,
                     confidence=0.6)


def _cut_at_next_cue(art: Article, start: int, end: int) -> int:
    """'… should be disbanded, and he added that …' / '…, adding that …': the clause ends before the next
    English verb's own clause (at the comma or conjunction that opens it)."""
    folded = art.doc.folded
    k = art.cues.first_from(start + 1)
    for c in art.cues.cues[k:k + 6]:
        if c.start >= end:
            break
        m = _BEFORE_NEXT_CUE.search(folded, start, c.start) if c.lang == "en" else None
        if m is not None:
            e = m.start()
            while e > start and folded[e - 1] in " ,;":
                e -= 1
            return e
    return end


def _clause_before(art: Article, state: AttributionState, cue: Cue) -> Candidate | None:
    """'…, X said.' / '…, according to X.': the clause before; 'According to X, …': the one after."""
    folded = art.doc.folded
    resolution = state.resolution(cue)
    s, _ = art.doc.english_sentence(cue.start)
    e = resolution.post_end if resolution.post_end > s else cue.start
    while e > s and folded[e - 1] in " ,\t":
        e -= 1
    according = cue.has_role(ROLE_ACCORDING_TO)
    if not according or e - s > 15:
        words = folded[s:e]
        if any(mark in words for mark in _QUOTE_MARKS):
            return None  # the clause must not hold a quote
        if len(words.split()) >= 4:
            return Candidate(resolution.speaker, s, e, "indirect", cue.verb, cue.para, resolution.via,
                             anchor=cue.start, confidence=0.6)
    if according:
        m = _ACCORDING_THEN_COMMA.match(folded[cue.end: cue.end + 100])
        if m and e - s <= 15:
            s = cue.end + m.end()
            e = art.doc.english_sentence(s)[1]
            while e > s and folded[e - 1] in " .\t":
                e -= 1
            if len(folded[s:e].split()) >= 4 and '"' not in folded[s:e]:
                return Candidate(resolution.speaker, s, e, "indirect", cue.verb, cue.para, (), anchor=cue.start,
                                 confidence=0.6)
    return None


def _clause_after(art: Article, state: AttributionState, cue: Cue) -> int | Candidate | None:
    """Where the reported clause after the verb starts (or a quote after 'accused X of')."""
    folded = art.doc.folded
    special = _object_first(art, state, cue)
    if special != _NOT_SPECIAL:
        return special
    m = _THAT_AFTER.match(folded[cue.end: cue.end + 80])
    start = cue.end + m.end()
    if m.group(1):
        return start
    if cue.rule.stance or cue.has_role(ROLE_TAKES_OBJECT):
        return None  # "denied the report": an object, not a clause
    following = folded[start: start + 30]
    if not any(p.match(following) for p in _CLAUSE_OPENERS) or _PREPOSITION.match(following):
        return None
    return start


_NOT_SPECIAL = -1


def _object_first(art: Article, state: AttributionState, cue: Cue) -> int | Candidate | None:
    """Verbs whose object comes before the content: told X (that), accused X of, called X "…", urged X to;
    _NOT_SPECIAL for the others."""
    folded = art.doc.folded
    if cue.has_role(ROLE_ADDRESSEE):
        m = _TOLD_THAT.match(folded[cue.end: cue.end + 90]) or _TOLD_ADDRESSEE.match(folded[cue.end: cue.end + 120])
        return cue.end + m.end() if m else None
    if cue.has_role(ROLE_ACCUSES):
        return _accusation(art, state, cue)
    if cue.has_role(ROLE_NAMES_AS):
        return _named_as(art, state, cue)
    if cue.has_role(ROLE_DIRECTS):
        m = _OBJECT_THEN_TO.match(folded, cue.end)
        return cue.end + len(m.group(1)) if m else None
    return _NOT_SPECIAL


def _named_as(art: Article, state: AttributionState, cue: Cue) -> Candidate | None:
    """'called the plan "a disaster"': the quote after a short object is the speaker's words."""
    m = _OBJECT_THEN_QUOTE.match(art.doc.folded, cue.end)
    q = art.doc.quote_at.get(m.end()) if m else None
    if q is None or q.open in state.used_quotes:
        return None
    return quote_after_cue(art, state, q, cue)


def _accusation(art: Article, state: AttributionState, cue: Cue) -> int | Candidate | None:
    """"X accused Y (on Tuesday) of 'holding ... hostage'" (the quote) / "of holding ..." (the clause)."""
    folded = art.doc.folded
    m = _ACCUSED_OF.match(folded[cue.end: cue.end + 100])
    if not m:
        return None
    j = cue.end + m.end()
    q = art.doc.quote_at.get(j)
    if q is not None and q.open not in state.used_quotes:
        return quote_after_cue(art, state, q, cue)
    return j if _GERUND.match(folded[j: j + 30]) else None
