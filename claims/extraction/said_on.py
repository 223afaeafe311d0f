"""Extraction stage 7, dates: the day each statement was said. In order: a date right after the verb
("said on Wednesday"), the last date before it in its paragraph (outside its own words), the last
date before a 随后/当天/later; else the same speaker's last date nearby (same occasion), else the
publication day when the lead reports something said that day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import find_dates
from .document import Document
from .lexicon.zh import SAME_OCCASION
from .patterns import CJK
from .records import Candidate
from .said_on_zh import chinese_day, date_index

_SAME_OCCASION = re.compile("|".join(SAME_OCCASION))
_DATELINE_AFTER = re.compile(r"\s*[)\]]?\s*[电讯電訊]")  # 新华社北京6月12日电
_AFTER_VERB_REACH = 40
_OCCASION_CLAUSE = 30


@dataclass(frozen=True)
class Dated:
    start: int
    end: int
    day: dt.date


def date_statements(doc: Document, statements: list[Candidate], said_after: Sequence[int] = ()) -> list[Candidate]:
    """The statements with said_on filled in (where the text allows), in the same order. ``said_after``:
    where the Chinese reporting verbs end, in text order."""
    found = find_dates(doc.folded, doc.reference_day)
    dates = [Dated(*d) for d in found if not doc.in_quote.contains(d[0])]
    starts = [d.start for d in dates]
    doc_day = _report_day(doc, dates)
    chinese = date_index(doc, found, statements, doc_day, said_after)
    last_of: dict[str, Candidate] = {}
    out = []
    for candidate in statements:
        st = candidate
        if st.said_on is None:
            last = last_of.get(st.speaker.name)
            if CJK.search(doc.folded[st.start:st.end]):
                day = chinese_day(doc, chinese, st, last, _after_same_occasion(doc, st))
            else:
                day = _date_near(doc, st, dates, starts) or _same_occasion(st, last, doc_day)
            if day is not None:
                st = replace(st, said_on=day)
        last_of[st.speaker.name] = st
        out.append(st)
    return out


def _same_occasion(st: Candidate, last: Candidate | None, doc_day: dt.date | None) -> dt.date | None:
    """The same speaker a little further on: the same occasion; else a same-day report (今天,
    今(5)日, "said on Tuesday" = the dateline)."""
    if last is not None and st.para - last.para <= 2 and (st.floating or st.via == last.via or st.para == last.para):
        if last.said_on is not None:
            return last.said_on
    if doc_day is not None and not st.via and (last is None or last.said_on is None or last.said_on == doc_day):
        return doc_day
    return None


def _date_near(doc: Document, st: Candidate, dates: list[Dated], starts: list[int]) -> dt.date | None:
    """A date after the verb, else the last one before the statement in its paragraph, else the last
    one before a 随后/当天 (outside the statement's own words)."""
    para_start = doc.paragraph_starts[st.para]
    anchor = min(st.anchor, st.start)
    k = bisect.bisect_left(starts, st.anchor)
    while k < len(dates) and dates[k].start < st.anchor + _AFTER_VERB_REACH:
        if not (st.start <= dates[k].start < st.end) and doc.para_of(dates[k].start) == st.para:
            return dates[k].day
        k += 1
    k = bisect.bisect_left(starts, anchor) - 1
    while k >= 0 and dates[k].start >= para_start:
        if not (st.start <= dates[k].start < st.end):
            return dates[k].day
        k -= 1
    if _after_same_occasion(doc, st):
        k = bisect.bisect_left(starts, anchor) - 1
        if k >= 0:
            return dates[k].day
    return None


def _after_same_occasion(doc: Document, st: Candidate) -> bool:
    """随后/当天/later just before the verb: the occasion of the last date before."""
    anchor = min(st.anchor, st.start)
    lo = max(doc.paragraph_starts[st.para], anchor - _OCCASION_CLAUSE)
    return _SAME_OCCASION.search(doc.folded[lo:anchor]) is not None


def _report_day(doc: Document, dates: list[Dated]) -> dt.date | None:
    """The publication day when the lead (the first two body paragraphs) dates something to it, else
    None: a round-up whose lead dates events to earlier days leaves undated statements undated."""
    if doc.reference_day is None:
        return None
    lead_end, seen = 0, 0
    for para in range(len(doc.paragraph_starts)):
        if doc.headlines[para] or doc.is_blank(para):
            continue
        lead_end, seen = doc.paragraph_ends[para], seen + 1
        if seen >= 2:
            break
    for d in dates:
        if d.start >= lead_end:
            break
        words = doc.folded[d.start:d.end]
        if _DATELINE_AFTER.match(doc.folded[d.end:d.end + 3]) or words[:1].isdigit() and "年" in words:
            continue  # the dateline itself (新华社北京6月12日电, 2025年2月13日讯)
        if d.day == doc.reference_day:
            return d.day
    return None
