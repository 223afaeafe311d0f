"""Extraction stage 7, dates of Chinese statements: the day the words were said.

In order: a sentence that continues a statement was said with it; a date in the verb's sentence
(國民黨昨(5/31)踢爆, 陳某今(3)日在臉書發文表示, 彭博社26日報導), or the last one before a 随后/当晚;
the date of the same speaker's previous statement (an article follows one occasion per speaker);
the last date earlier in the paragraph; else the publication day when the lead dates something
to it (今天, 今(3)日, 陳某今受訪時表示: a report of the day's news).
A date inside someone's words or a quote is what they talk about, not when they spoke.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Document, Intervals
from .records import Candidate


@dataclass(frozen=True)
class DateIndex:
    """The dates of an article outside quotes and outside every statement's words, by position."""

    starts: list[int]
    days: list[dt.date]
    report_day: dt.date | None


def date_index(doc: Document, found: Sequence[tuple[int, int, dt.date]], statements: list[Candidate],
               report_day: dt.date | None, said_after: Sequence[int] = ()) -> DateIndex:
    """``report_day``: the publication day when the lead dates something to it (a report of the day's news).
    ``said_after``: where reporting verbs end; a date after one in its clause is what was said (至于某某
    提到昨日与…接触), not when."""
    words = Intervals([(st.start, st.end) for st in statements])
    kept = [(s, d) for s, _, d in found if not doc.in_quote.contains(s) and not words.contains(s)
            and not _after_a_verb(doc, s, said_after)]
    return DateIndex([s for s, _ in kept], [d for _, d in kept], report_day)


def _after_a_verb(doc: Document, pos: int, said_after: Sequence[int]) -> bool:
    k = bisect.bisect_right(said_after, pos) - 1
    return k >= 0 and said_after[k] >= doc.clause_start(pos)


def chinese_day(doc: Document, index: DateIndex, st: Candidate, last: Candidate | None,
                same_occasion: bool) -> dt.date | None:
    """The day a Chinese statement was said, or None. ``last`` is the same speaker's previous
    statement; ``same_occasion``: a 随后/当天 stands before the verb."""
    if st.cue == "continued" and last is not None:
        return last.said_on
    day = _before_verb(doc, index, st, doc.sentence_bounds(st.anchor)[0])
    if day is None and same_occasion:
        k = bisect.bisect_left(index.starts, min(st.anchor, st.start)) - 1
        day = index.days[k] if k >= 0 else None
    if day is None and last is not None:
        day = last.said_on
    if day is None:
        day = _before_verb(doc, index, st, doc.paragraph_starts[st.para])
    return day if day is not None else index.report_day


def _before_verb(doc: Document, index: DateIndex, st: Candidate, lo: int) -> dt.date | None:
    """The last date from lo to the verb (a date after it is the object's: 还原昨晚情况)."""
    k = bisect.bisect_left(index.starts, st.anchor) - 1
    if k >= 0 and index.starts[k] >= lo:
        return index.days[k]
    return None
