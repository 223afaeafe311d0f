"""Extraction stage 6b, continued speech (Chinese): a sentence that carries on a speaker's paragraph
without a reporting verb of its own is the same speaker's statement, named by no words.

    王市長表示,預算已經送出。明年起補助加倍。  -> 明年起补助加倍 is the mayor's too
    王市長表示,預算已經送出;補助明年加倍。    -> ";" ends a statement, the rest is a new one
    王市長說「預算已經送出」,補助明年加倍。    -> the rest of a sentence after a quote

The walk stops at a sentence that names another speaker (a cue with a subject), asks a question of
the speaker (記者問), says where its facts come from (據了解), or already holds a statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .article import Article, AttributionState
from .content_zh import cut_at_quoted_sentence, direct_statement, is_claim
from .lexicon import zh as lex
from .patterns import CJK, alternation
from .records import Candidate

_NARRATION_OPENS = re.compile("(?:" + alternation(lex.NARRATION_OPENERS) + ")")
_TIME_OPENS = re.compile(r"(?:同日|当天|当日|随后|随即|稍后|事后|当时|此前|日前|近日|今天|昨天|昨晚|今晨|今日|昨日|"
                         r"[今昨]\(|去年|今年|上周|本周|下周|\d)")
_CLAUSE_PUNCTUATION = re.compile(r"[,:;]")
_LEAD = " ,:\t\n」』”)"
_TRAIL = " ,。;:\t\n、"
_MIN_CHARS = 6  # a shorter remainder is a tag or a fragment, not a claim
_MAX_SENTENCES = 12  # sentences walked per statement (bounded work)
_MAX_REACH = 3000  # ... and characters
_CARRIERS = frozenset(("floating", "post", "答", "topic", "object-quote", "post-quote", "continued"))


def continued_statements(art: Article, state: AttributionState, statements: list[Candidate]) -> list[Candidate]:
    """Statements that continue a Chinese speaker's sentence or paragraph without a verb of their own."""
    taken = sorted((st.start, st.end) for st in statements)
    out: list[Candidate] = []
    for st in sorted(statements, key=lambda s: s.start):
        if st.cue in _CARRIERS or not CJK.search(art.doc.folded[st.start:st.end]):
            continue
        out += _continue(art, state, st, taken)
    return out


def _continue(art: Article, state: AttributionState, st: Candidate, taken: list[tuple[int, int]]) -> list[Candidate]:
    doc = art.doc
    para_end = doc.paragraph_ends[st.para]
    pos = _after_statement(art, st)
    out: list[Candidate] = []
    for _ in range(_MAX_SENTENCES):
        if pos is None or pos >= para_end or pos - st.end > _MAX_REACH:
            break
        start, end = _sentence_from(art, pos, para_end)
        cut = cut_at_quoted_sentence(art, start, end) if _overlaps(taken, start, end) or _quote_in(art, start, end) \
            else end  # a quote closing the sentence may be taken already
        if _overlaps(taken, start, cut) or _names_its_own_speaker(art, state, start, end):
            break
        s, e = _trimmed(doc.folded, start, cut)
        if doc.folded[e:e + 1] == "?" or doc.folded[s:s + 1] in "((":
            pos = end + 1  # a question (rhetorical, or put to the speaker) or an editor's note
            continue
        if _opens_with_someone_else(art, st, s, end):
            break
        speaker = st.speaker.named_by("", None, None)
        if e - s >= _MIN_CHARS and is_claim(doc.folded[s:e]):
            out.append(Candidate(speaker, s, e, "indirect", "continued", st.para, st.via, anchor=st.anchor,
                                 said_on=st.said_on, confidence=0.5))
        q = doc.quote_at.get(cut)
        if q is not None and cut < end and not _overlaps(taken, q.start, q.end):  # …,「quote closing the sentence」。
            out.append(replace(direct_statement(art, q, speaker, "continued", st.via, anchor=st.anchor,
                                                confidence=0.5), said_on=st.said_on))
        pos = end + 1
    return out


def _after_statement(art: Article, st: Candidate) -> int | None:
    """Where the words after a statement start, when they may continue it: the next sentence (the
    statement ran to its sentence end), or the rest of the sentence after a closing quote and a comma."""
    doc = art.doc
    folded = doc.folded
    k = st.end
    if st.kind == "direct" and folded[k:k + 1] in "」』”\"":
        k += 1
        if folded[k:k + 1] == ",":
            return k + 1
    while k < len(folded) and folded[k] in " \t」』”\")":
        k += 1
    if k >= len(folded) or folded[k] in "。!?;\n":
        return k + 1
    return None


def _sentence_from(art: Article, pos: int, para_end: int) -> tuple[int, int]:
    """The sentence starting at pos (it ends at 。!?; outside a quote, or at the paragraph end)."""
    doc = art.doc
    end = pos
    for _ in range(50):
        _, end = doc.sentence_bounds(end)
        if end >= para_end or not doc.in_quote.contains(end):
            break
        end += 1
    return pos, min(end, para_end)


def _quote_in(art: Article, start: int, end: int) -> bool:
    q = art.doc.quote_before(end - 1)
    return q is not None and q.open >= start


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect.bisect_left(taken, (end, end))
    return any(s < end and e > start for s, e in taken[max(0, k - 8):k])


def _names_its_own_speaker(art: Article, state: AttributionState, start: int, end: int) -> bool:
    """The sentence holds a verb whose subject was found (someone else speaks, or is asked), or opens
    with a source of its own (据了解, 记者问)."""
    folded = art.doc.folded
    s = start
    while s < end and folded[s] in _LEAD:
        s += 1
    if _NARRATION_OPENS.match(folded, s):
        return True
    first_end = _first_clause_end(art, s, end)
    k = art.cues.first_from(start)
    for c in art.cues.cues[k:k + 20]:
        if c.start >= end:
            break
        res = state.resolutions.get(c.index)
        named = res is not None and res.speaker is not None and not res.implicit
        if c.start >= first_end and c.index not in state.valid:
            continue  # 多数居民不认同厂商…,谎称…: a verb inside the words, not the sentence's own attribution
        if c.kind == "ask" or c.index in state.valid or (c.kind == "say" and not c.rule.weak) or named:
            return True
    return False


def _first_clause_end(art: Article, s: int, end: int) -> int:
    """End of the sentence's first clause that is more than a connective (对此, / 不过,)."""
    folded = art.doc.folded
    pos = s
    for _ in range(4):
        m = _CLAUSE_PUNCTUATION.search(folded, pos, end)
        if m is None:
            return end
        if not lex.CONNECTIVES.fullmatch(folded[pos:m.start()].strip()):
            return m.start()
        pos = m.end()
    return pos


def _opens_with_someone_else(art: Article, st: Candidate, start: int, end: int) -> bool:
    """同日,川普又與…通話 / 蘇貞昌今天跟進: a sentence that opens with a time word, or with another
    person and a time word, tells what happened next; it is not the speaker's words."""
    folded = art.doc.folded
    m = lex.CONNECTIVES.match(folded[start:min(end, start + 24)])
    s = start + (m.end() if m else 0)
    if _TIME_OPENS.match(folded, s):
        return True
    for mention in art.mentions.within(s, min(end, s + 12)):
        if mention.start == s and mention.speaker.kind == "person" and mention.speaker.name != st.speaker.name:
            return _TIME_OPENS.match(folded, mention.end) is not None
    return False


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in _LEAD:
        start += 1
    while end > start and folded[end - 1] in _TRAIL:
        end -= 1
    return start, end
