"""Claims selectors: the holder's own words for stances shown in public (never only the cue verb).

A stance's cue ("回應", "拒絕", "rejected") is the word that shows the stance, not what the holder
said. Shown beside it are the holder's words: the statement span that carries the stance (the
evidence statement, else the holder's statement in the same article around the cue), else the
sentence of the article that holds the cue. Two queries for a whole list, whatever its length:
the windows of the article bodies around the cues (a database substring, not the body), and the
holders' statements near them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import F, IntegerField, Value
from django.db.models.functions import Greatest, Substr

from claims.models import ReviewState, Stance, Statement

# Characters read on either side of a cue to find its sentence; a longer sentence is cut.
_REACH = 240
# The words shown at most (a statement or a sentence longer than this ends with "…").
WORDS_MAX_CHARS = 220
# Sentence ends in Chinese and English text (as the desk's context view counts them).
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s)")
# A closing quote after a stop belongs to the sentence it closes (…不會接受。」).
_CLOSERS = "」』”\"’)）"


def _sentence(window: str, at: int, until: int) -> tuple[int, int]:
    """Offsets in ``window`` of the sentence holding ``window[at:until]``."""
    lo = 0
    for m in _SENTENCE_END.finditer(window, 0, at):
        lo = m.end()
    while lo < at and window[lo] in _CLOSERS:
        lo += 1
    m = _SENTENCE_END.search(window, until)
    hi = m.end() if m else len(window)
    while hi < len(window) and window[hi] in _CLOSERS:
        hi += 1
    return lo, hi


def _cut(text: str) -> str:
    text = " ".join(text.split()) if "\n" in text else text.strip()
    return text if len(text) <= WORDS_MAX_CHARS else text[: WORDS_MAX_CHARS - 1].rstrip() + "…"


def stance_words_attach(stances: Iterable[Stance]) -> list[Stance]:
    """``stances`` with ``words`` (the holder's own words, "" if none can be found) and ``words_date``
    (said on, else the article's date) set on each; two queries for the whole list."""
    rows = list(stances)
    for stance in rows:
        stance.words = ""
        stance.words_date = stance.said_on or (stance.article.published_at if stance.article_id else None)
    located = [s for s in rows if s.article_id and s.cue_start is not None and s.cue_end is not None]
    windows: dict[int, tuple[int, str]] = {}
    if located:
        # Substr counts from 1; the window starts _REACH characters before the cue (or at the start).
        begin = Greatest(F("cue_start") - _REACH, Value(0), output_field=IntegerField())
        for pk, offset, window in (
            Stance.objects.filter(pk__in=[s.pk for s in located])
            .annotate(offset=begin, window=Substr("article__body", begin + 1, F("cue_end") - begin + _REACH))
            .values_list("pk", "offset", "window")
        ):
            windows[pk] = (offset, window or "")
    sentences: dict[int, tuple[int, int, str]] = {}
    for stance in located:
        offset, window = windows.get(stance.pk, (0, ""))
        at, until = stance.cue_start - offset, stance.cue_end - offset
        if not (0 <= at <= until <= len(window)):
            continue
        lo, hi = _sentence(window, at, until)
        sentences[stance.pk] = (offset + lo, offset + hi, window[lo:hi])
    holders = _holder_statements(rows)
    for stance in rows:
        if stance.evidence_statement_id and stance.evidence_statement_id in holders["by_id"]:
            stance.words = _cut(holders["by_id"][stance.evidence_statement_id].text)
            continue
        span = sentences.get(stance.pk)
        own = _nearest_statement(holders["by_holder"].get((stance.article_id, stance.speaker_id), []), stance, span)
        if own is not None:
            stance.words = _cut(own.text)
        elif span is not None and span[2].strip() and span[2].strip() != stance.cue.strip():
            stance.words = _cut(span[2])
    return rows


def _holder_statements(rows: list[Stance]) -> dict:
    """The evidence statements, and the holders' statements in the stances' articles (not rejected)."""
    evidence = {s.evidence_statement_id for s in rows if s.evidence_statement_id}
    pairs = {(s.article_id, s.speaker_id) for s in rows if s.article_id}
    by_id: dict[int, Statement] = {}
    by_holder: dict[tuple[int, int], list[Statement]] = {}
    if not evidence and not pairs:
        return {"by_id": by_id, "by_holder": by_holder}
    query = Statement.objects.exclude(review_state=ReviewState.REJECTED).only(
        "id", "article_id", "speaker_id", "start", "end", "text"
    )
    articles = {a for a, _ in pairs}
    speakers = {sp for _, sp in pairs}
    for statement in query.filter(pk__in=evidence) | query.filter(article_id__in=articles, speaker_id__in=speakers):
        by_id[statement.pk] = statement
        if (statement.article_id, statement.speaker_id) in pairs:
            by_holder.setdefault((statement.article_id, statement.speaker_id), []).append(statement)
    return {"by_id": by_id, "by_holder": by_holder}


def _nearest_statement(candidates: list[Statement], stance: Stance, span) -> Statement | None:
    """The holder's statement that overlaps the cue's sentence (nearest the cue), if any."""
    if span is None or not candidates:
        return None
    lo, hi, _ = span
    near = [s for s in candidates if s.start < hi and s.end > lo]
    if not near:
        return None
    return min(near, key=lambda s: (abs(s.start - stance.cue_start), s.pk))
