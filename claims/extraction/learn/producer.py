"""Extraction stage 6b, learned English attribution: statements from the CRF tagger's attributions.

A content span the tagger finds becomes a Candidate when its speaker resolves: the source span
linked to it, read by the same noun-phrase sieves as the rules' subjects (a name, a title and name,
an anonymous official, a pronoun resolved to the speaker before); else the speaker the rules gave
the cue it is linked to. Statements the rules already made stand: a tagged one is added only where it
overlaps none of them, and only when the filter (filter.py) keeps it; the filter's probability is its
confidence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..article import Article, AttributionState
from ..lexicon.en import SPEECH_STEMS
from ..records import Candidate, Speaker
from ..subjects_en import clause_subject, noun_phrase_speaker
from .filter import KEEP, candidate_features, keep_probability
from .tagger import Tagged, tag_article

_MIN_WORDS = 2  # a content span shorter than this is no statement
_SOURCE_HEAD = re.compile(r"[^,(]+?(?=\s*(?:,|\(|\bwho\b|\bwhich\b|\bwhose\b|$))")
_NOT_A_SOURCE = re.compile(r"(?:in|on|at|during|after|before|since|for|with|by|from|that|when|while|as|if)\b", re.I)
_TRIM = " \t,.;:'\"“”‘’—-"


def tagged_statements(art: Article, state: AttributionState, statements: list[Candidate]) -> list[Candidate]:
    """Statements from the tagger where the rules made none and the filter keeps them (never raises: a
    failure adds nothing)."""
    try:
        out = []
        for st, features in tagged_candidates(art, state, statements):
            p = keep_probability(features)
            if p >= KEEP:
                out.append(replace(st, confidence=round(p, 2)))
        return out
    except Exception:  # the learned component must never break extraction
        return []


def tagged_candidates(art: Article, state: AttributionState,
                      statements: list[Candidate]) -> list[tuple[Candidate, list[str]]]:
    """Every statement the tagger finds where the rules made none, with what the filter reads of it."""
    taken = sorted((st.start, st.end) for st in statements)
    starts = [s for s, _ in taken]
    by_end = sorted(statements, key=lambda st: st.end)
    ends = [st.end for st in by_end]
    out = []
    for t in tag_article(art):
        k = bisect.bisect_right(ends, t.content.start)
        made = _candidate(art, state, t, by_end[k - 1] if k else None)
        if made is None or _overlaps(taken, starts, made[0].start, made[0].end):
            continue
        out.append((made[0], candidate_features(art, t, *made)))
    return out


def _overlaps(taken: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    k = bisect.bisect_left(starts, e)
    return any(ts < e and te > s for ts, te in taken[max(0, k - 20):k])


def _candidate(art: Article, state: AttributionState, t: Tagged,
               prev: Candidate | None) -> tuple[Candidate, bool] | None:
    """The statement (and whether its speaker came from the tagged source), or None."""
    doc = art.doc
    s, e = _trimmed(doc.folded, t.content.start, t.content.end)
    if len(doc.folded[s:e].split()) < _MIN_WORDS or not _speech_cue(doc.lowered, t):
        return None
    speaker, via_source = _speaker(art, state, t, prev)
    if speaker is None:
        return None
    kind, s, e = _kind(art, s, e)
    cue = doc.folded[t.cue.start:t.cue.end] if t.cue else "tagged"
    anchor = t.cue.start if t.cue else s
    return Candidate(speaker, s, e, kind, cue, t.para, anchor=anchor, confidence=t.confidence), via_source


def _trimmed(folded: str, s: int, e: int) -> tuple[int, int]:
    while s < e and folded[s] in _TRIM:
        s += 1
    while e > s and folded[e - 1] in " \t,;:":
        e -= 1
    return s, e


def _kind(art: Article, s: int, e: int) -> tuple[str, int, int]:
    """direct when the span is (nearly) the body of one quote (then exactly that body), else indirect."""
    q = art.doc.quote_before(s)
    if q is not None and q.start <= s and q.end >= e and (s - q.start) + (q.end - e) <= 3:
        return "direct", q.start, q.end
    return "indirect", s, e


def _speech_cue(lowered: str, t: Tagged) -> bool:
    """The cue holds a speech act (said, told, according to, called ...), or a quote has no cue."""
    if t.cue is None:
        return False
    return any(w.startswith(SPEECH_STEMS) for w in lowered[t.cue.start:t.cue.end].split())


def _speaker(art: Article, state: AttributionState, t: Tagged, prev: Candidate | None) -> tuple[Speaker | None, bool]:
    """The tagged source's speaker, else the speaker the rules gave the linked cue (and which it was)."""
    if t.source is not None:
        sp = source_speaker(art, t.source.start, t.source.end, prev)
        if sp is not None:
            return sp, True
    if t.cue is not None:
        cue = art.cues.starting_at(t.cue.start)
        if cue is not None:
            return state.speaker(cue), False
    return None, False


def source_speaker(art: Article, start: int, end: int, prev: Candidate | None) -> Speaker | None:
    """The speaker a tagged source names: its head before an apposition or a relative clause
    ("Jane Roe, a spokeswoman for the mayor," is Jane Roe), else the whole phrase's subject."""
    words = art.doc.folded[start:end]
    if _NOT_A_SOURCE.match(words):
        return None
    head = _SOURCE_HEAD.match(words)
    if head is not None:
        sp = noun_phrase_speaker(art, head.group(0), start, prev)
        if sp is not None:
            return sp
    return clause_subject(art, words, start, prev)
