"""Extraction stage 6d, answered reports: a report with no named source (有消息传出, 有媒体指出「…」)
becomes a statement only when a denial answers it in the same paragraph, so that the denial has the
words it rejects as its target (先前有消息传出,党内属意李某。不过消息传出后,李某就已否认).
An unanswered report stays out: it names no one a fact-checker could ask.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .article import Article
from .document import Intervals
from .lexicon import zh as lex
from .lexicon import zh_stances
from .records import Candidate, Speaker

REPORT_CUE = "report"  # the cue of a report statement (stance confidence reads it)
# 传出 / 指出 / 网传 …: the verb of a report; the source's words end right before it (有消息, 特定媒体)
_REPORT_VERB = re.compile("|".join(zh_stances.REPORT_VERBS))
_SOURCES = zh_stances.REPORT_SOURCES
_UNSOURCED_VERBS = zh_stances.UNSOURCED_REPORT_VERBS
_TURN = re.compile(",(?=" + "|".join(zh_stances.WRITER_TURNS) + ")")  # the writer's turn after the report's words
_MIN_WORDS = 4
_MAX_QUOTES = 5  # quotes in a row read for one report (bounded work)
_MAX_REPORT = 400  # characters of a report's clause read (bounded work in a paragraph of reports without a full stop)
_DENIAL_REACH = 160  # characters after the report in which the denial must come
_SENTENCE_END = "。!?;\n"
_SENTENCE_END_RE = re.compile("[" + _SENTENCE_END + "]")


def answered_reports(art: Article, statements: list[Candidate]) -> list[Candidate]:
    """Report statements that a denial verb answers in the same paragraph (one per report)."""
    doc = art.doc
    out: list[Candidate] = []
    folded = doc.folded
    taken = Intervals([(st.start, st.end) for st in statements])
    for m in _REPORT_VERB.finditer(folded):
        who = next((w for w in _SOURCES if folded.endswith(w, 0, m.start())), "")
        if not who and m.group(0) not in _UNSOURCED_VERBS:
            continue  # a bare 传出 / 指出 belongs to whoever is the subject
        words_end = m.end() + (1 if folded[m.end():m.end() + 1] in ",:" else 0)
        spans = _reported(art, words_end)
        if not spans or not _denied_after(art, spans[-1][1]):
            continue
        a, b = (m.start() - len(who), m.start()) if who else m.span()  # the source's words, in the article's script
        words = art.text_at(a, b)
        speaker = Speaker(words, None, words, a, b, "anonymous")
        for s, e, kind in spans:
            if not _overlaps(taken, s, e):
                out.append(Candidate(speaker, s, e, kind, REPORT_CUE, doc.para_of(s), anchor=a, confidence=0.5))
    return out


def _reported(art: Article, start: int) -> list[tuple[int, int, str]]:
    """What a report says: its quotes in a row (「…」、「…」), or the clause up to the sentence end or a
    turn (甚至, 不料, 但 …: the writer goes on)."""
    doc = art.doc
    folded = doc.folded
    q = doc.quote_at.get(start)
    if q is None:
        end = _sentence_end(folded, start, min(doc.paragraph_ends[doc.para_of(start)], start + _MAX_REPORT))
        turn = _TURN.search(folded, start, end)
        end = turn.start() if turn else end
        return [(start, end, "indirect")] if end - start >= _MIN_WORDS else []
    out = []
    while q is not None and len(out) < _MAX_QUOTES:
        if q.end - q.start >= _MIN_WORDS:
            out.append((q.start, q.end, "direct"))
        nxt = q.end + 1
        q = doc.quote_at.get(nxt + 1) if folded[nxt:nxt + 1] == "、" else None
    return out


def _overlaps(taken: Intervals, start: int, end: int) -> bool:
    """[start, end) shares a character with a statement (bisection, not a scan of every statement)."""
    k = bisect.bisect_left(taken.starts, start)
    return taken.contains(start) or (k < len(taken.starts) and taken.starts[k] < end)


def _sentence_end(folded: str, start: int, limit: int) -> int:
    """The first sentence end at or after start, at most limit (bisection over the text's sentence ends,
    found once per text: a scan per report was quadratic in a long paragraph of reports)."""
    ends = _sentence_ends(folded)
    k = bisect.bisect_left(ends, start)
    return min(ends[k], limit) if k < len(ends) else limit


@lru_cache(maxsize=4)
def _sentence_ends(folded: str) -> list[int]:
    return [m.start() for m in _SENTENCE_END_RE.finditer(folded)]


def _denied_after(art: Article, end: int) -> bool:
    """A denial verb (否认, 打脸, 驳斥 …: a stance verb that answers what was just said) soon after, in the
    same paragraph."""
    doc = art.doc
    limit = min(doc.paragraph_ends[doc.para_of(end)], end + _DENIAL_REACH)
    k = art.cues.first_from(end)
    for c in art.cues.cues[k:k + 8]:
        if c.start >= limit:
            break
        if c.kind in ("oppose", "say+oppose") and c.has_role(lex.ROLE_ANSWERS_LAST):
            return True
    return False
