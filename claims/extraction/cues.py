"""Extraction stage 3, cues: every reporting, question and stance verb, found by one loop over the
verb tables (lexicon.zh.ZH_VERBS, lexicon.en.EN_VERBS). A row says where its verb does not count
(words before or after it, the end of the text, named guards); nothing here names a verb.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from .document import CLAUSE_CHARS, Document
from .lexicon.en import EN_VERBS
from .lexicon.rows import OPPOSE, REPORTS_ALWAYS, REPORTS_BEFORE_PUNCTUATION, SUPPORT, ReportingVerb
from .lexicon.zh import ROLE_POSTS, ZH_VERB, ZHI_AFTER
from .lexicon.zh_cues import COMPARISON_WORDS, POST_NOUN_AFTER, TIME_AFTER_COMPARISON
from .patterns import CJK, alternation, first_chars
from .records import Cue

OPENS_CONTENT = ",:「“"  # what may follow a verb that introduces content: , : 「 “

_ZH_VERB_RE = re.compile(alternation(ZH_VERB))
_EN_VERB = {row.verb: row for row in EN_VERBS if not row.ignore_case}
_EN_VERB_RE = re.compile(first_chars(_EN_VERB) + r"\b(" + alternation(_EN_VERB) + r")\b")
_EN_PHRASE = {row.verb.lower(): row for row in EN_VERBS if row.ignore_case}
_EN_PHRASE_RE = re.compile(first_chars(_EN_PHRASE) + r"\b(?:" + alternation(_EN_PHRASE) + r")\b", re.I)
_BYLINE = re.compile(r"记者|综合|/|编译")  # (记者王明/台北报导), 综合报导, 编译
_DATA_RELEASE = re.compile(r"发布(?:的)?(?:[^,。]{0,6})?数据$")  # 国家统计局…发布的数据显示
_MODAL = re.compile(r"\b(?:to|not|would|could|will|should|might|may|can|did|does|do)\s+$")


def opens_content(after: str) -> bool:
    """, : 「 “ right after a verb, or nothing at all (the verb ends the text)."""
    return after[:1] in OPENS_CONTENT


# --- guards: context checks a word list cannot express (named by the rows) -------------------
def _chain_or_punctuation(doc: Document, start: int, end: int) -> bool:
    """他并指, / 指：: 指 is a speech verb after a chain adverb or before punctuation."""
    return doc.folded[max(0, start - 4):start].endswith(ZHI_AFTER) or opens_content(doc.folded[end:end + 4])


def _not_clause_initial(doc: Document, start: int, end: int) -> bool:
    """声明最后呼吁…: 声明 opening a clause is the statement itself, the subject of the next verb."""
    prev = doc.folded[start - 1] if start > 0 else ""
    return not (start == doc.paragraph_starts[doc.para_of(start)] or prev in CLAUSE_CHARS or prev in " \t")


def _punctuation_after(doc: Document, start: int, end: int) -> bool:
    """回, / 批「 / 写：: a one-character verb of Taiwanese news counts only before , : 「 “."""
    return opens_content(doc.folded[end:end + 1])


def _not_a_byline(doc: Document, start: int, end: int) -> bool:
    return _BYLINE.search(doc.folded[max(0, start - 12):start]) is None


def _cantonese(doc: Document, start: int, end: int) -> bool:
    return doc.cantonese


def _words_follow(doc: Document, start: int, end: int) -> bool:
    """Cantonese 话 is followed by punctuation or by the words said (佢话佢唔知)."""
    after = doc.folded[end:end + 1]
    return opens_content(after) or CJK.match(after or "a") is not None


def _data_release(doc: Document, start: int, end: int) -> bool:
    return _DATA_RELEASE.search(doc.folded[max(0, start - 14):start]) is not None


def _not_after_a_modal(doc: Document, start: int, end: int) -> bool:
    return _MODAL.search(doc.folded[max(0, start - 8):start]) is None


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|these|those|his|her|their|its|our|my|your|some|many|several|other|both|all|such|any|no|"
    r"two|three|four|five|news|media|press|early|recent|earlier|later|new|initial|official|local|southern|"
    r"northern|eastern|western)\s+$", re.I)
_CLAUSE_AFTER = re.compile(
    r"\s*(?:that\b|,|:|\"|“|''|(?:the|a|an|it|he|she|they|we|there|this|his|her|their|its|our|i)\s|[A-Z])")


def _verb_not_noun(doc: Document, start: int, end: int) -> bool:
    """states / claims / reports / notes are plural nouns too: a verb has no determiner before it and a
    clause, a quote or punctuation after it ("notes that", "claims the product")."""
    folded = doc.folded
    return _DETERMINER_BEFORE.search(folded[max(0, start - 12):start]) is None \
        and _CLAUSE_AFTER.match(folded, end) is not None


GUARDS: dict[str, Callable[[Document, int, int], bool]] = {
    "chain or punctuation": _chain_or_punctuation,
    "punctuation after": _punctuation_after,
    "not clause-initial": _not_clause_initial,
    "not a byline": _not_a_byline,
    "cantonese": _cantonese,
    "words follow": _words_follow,
    "data release": _data_release,
    "not after a modal": _not_after_a_modal,
    "a verb, not a plural noun": _verb_not_noun,
}


_COMPARISON_REACH = 16  # a comparison word this close before the verb, in its clause
_COMPARISON = re.compile("(?:" + alternation(COMPARISON_WORDS) + ")(?![0-9" + "".join(TIME_AFTER_COMPARISON) + "])")


def _in_comparison(doc: Document, start: int) -> bool:
    """…时间都晚于某某以及新闻报导,…: the verb is in the object of a comparison, a noun (a substring test
    first, so the regex runs only near 于); 早于上周表示 (as early as) is a time, not a comparison."""
    if doc.folded.find("于", max(0, start - _COMPARISON_REACH), start) < 0:
        return False
    before = doc.folded[max(0, start - _COMPARISON_REACH):start]
    clause = before[max(before.rfind(ch) for ch in ",。;:!?\n") + 1:]
    return _COMPARISON.search(clause) is not None


def verb_counts(row: ReportingVerb, doc: Document, start: int, end: int, after: str) -> bool:
    """The row's own conditions: the words around the verb (after: the four characters after it), the
    end of the text, its guards."""
    if after.startswith(row.not_after) or doc.folded[max(0, start - 4):start].endswith(row.not_before):
        return False
    if ROLE_POSTS in row.roles and after.startswith(POST_NOUN_AFTER):
        return False  # 发文时间都晚于…, 发文或分享的数量: a noun, not a post
    if row.lang == "zh" and _in_comparison(doc, start):
        return False
    if not after and not row.at_text_end:
        return False
    for guard in row.guards:
        if not GUARDS[guard](doc, start, end):
            return False
    return True


def cue_kind(row: ReportingVerb, after: str) -> str:
    """say, ask, act (an attitude: 表示感谢), support/oppose, or say+support/say+oppose when a stance
    verb also reports what follows it."""
    if row.attitude_objects and after.startswith(row.attitude_objects):
        return "act"
    if row.kind in (SUPPORT, OPPOSE):
        if row.reports == REPORTS_ALWAYS or (row.reports == REPORTS_BEFORE_PUNCTUATION and opens_content(after)):
            return "say+" + row.kind
    return row.kind


# --- the loop ---------------------------------------------------------------------------------
def find_cues(doc: Document) -> tuple[Cue, ...]:
    """Every verb that counts, in text order (never inside a quote or in a headline)."""
    found = [*_chinese_cues(doc), *_english_cues(doc)]
    found.sort(key=lambda c: c[0])
    return tuple(Cue(i, s, e, row.verb, para, kind, row.lang, weak, row)
                 for i, (s, e, para, row, kind, weak) in enumerate(found))


def _chinese_cues(doc: Document) -> Iterator[tuple[int, int, int, ReportingVerb, str, bool]]:
    folded = doc.folded
    for m in _ZH_VERB_RE.finditer(folded):
        s, e = m.span()
        if not CJK.search(folded[max(0, s - 8): e + 8]) or doc.in_quote.contains(s):
            continue
        para = doc.para_of(s)
        if doc.headlines[para]:
            continue
        row = ZH_VERB[m.group(0)]
        after = folded[e:e + 4]
        if not verb_counts(row, doc, s, e, after):
            continue
        yield s, e, para, row, cue_kind(row, after), row.weak and not opens_content(after)


def _english_cues(doc: Document) -> Iterator[tuple[int, int, int, ReportingVerb, str, bool]]:
    for m in _EN_VERB_RE.finditer(doc.folded):
        s, e = m.span()
        row = _EN_VERB[m.group(1)]
        if not doc.in_quote.contains(s) and verb_counts(row, doc, s, e, doc.folded[e:e + 4]):
            yield s, e, doc.para_of(s), row, row.kind, False
    for m in _EN_PHRASE_RE.finditer(doc.folded):
        s, e = m.span()
        if not doc.in_quote.contains(s):
            row = _EN_PHRASE[m.group(0).lower()]
            yield s, e, doc.para_of(s), row, row.kind, False


class CueIndex:
    """The article's cues in text order, searchable by position."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.starts = [c.start for c in cues]

    def first_from(self, pos: int) -> int:
        """Index of the first cue starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def starting_at(self, pos: int) -> Cue | None:
        k = bisect.bisect_left(self.starts, pos)
        return self.cues[k] if k < len(self.cues) and self.cues[k].start == pos else None

    def ending_at(self, pos: int) -> Cue | None:
        """The cue right before pos, when it ends exactly there (驳斥指: 驳斥 ends where 指 starts)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        return self.cues[k] if k >= 0 and self.cues[k].end == pos else None

    def before(self, pos: int, limit: int = 50) -> Iterator[Cue]:
        """Cues starting before pos, nearest first (at most ``limit``: bounded work)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        stop = max(-1, k - limit)
        while k > stop:
            yield self.cues[k]
            k -= 1
