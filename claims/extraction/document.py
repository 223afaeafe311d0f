"""Extraction core: the read-only Document every stage reads, built once per article.

It holds the text, its folded form (width-folded, OpenCC t2s; same length, so offsets found in it
are offsets in the text) and lower-cased form, the paragraphs and which of them are headlines,
the layout of embedded social posts, the quotes (depth scanner), and lazily built indexes:
sentence and clause boundaries, English sentences, the script of a span.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .dates import dateline
from .lexicon.zh import CANTONESE_CHARS
from .normalize import lower_form, simplified, to_simplified, to_traditional, width_folded
from .quotes import Quote, scan_quotes

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SENTENCE_BREAK = re.compile(r"[。!?;\n]")
CLAUSE_CHARS = frozenset("。!?;,:\n")
_HEADLINE_END = frozenset("。!?.」”\"…:)")
_HEADLINE_PUNCTUATION = re.compile(r"[。!?;,]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_QUOTE_CLOSERS = "」』”\""
_CJK_TERM_MAX = 12  # a quoted Chinese term is at most this long (「一中政策」)
# A paragraph break stored as spaces (news crawlers keep "。 下一段" on one line): spaces after a
# Chinese sentence end (。 ! ? and a closing mark) and before a Chinese character or an opening mark.
_SPACED_BREAK = re.compile(r"(?<=[。！？!?」』”’)）])[ \u3000]+(?=[\u3400-\u9fff「『“《(（])")  # checked further below
_SENTENCE_END = frozenset("。！？")
_CLOSERS_AFTER_END = frozenset("」』”’)）")

# English sentences: .!? before a space, a newline, a quote or the end; not after an abbreviation.
_EN_PUNCT = re.compile(r'[.!?](?=[ \n"”]|$)')
_EN_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|U\.S|U\.N|[A-Z]|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|"
                        r"Nos|approx|vs)$")
# An English dateline at the start of a paragraph: "SANTIAGO, March 11 (Meridian Wire) - "
_EN_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]{1,40},?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?[-–—]{1,2}\s+")

# Embedded posts: a body paragraph, then "— Name (@handle) February 12, 2025", then (optionally)
# continuation paragraphs up to a picture link.
_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n(@]{1,100}?)[ \t]*\(@(?P<handle>\w{1,40})\)[ \t]*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$",
    re.M,
)
# A Chinese-platform signature names the platform instead of a handle and dates the post in ISO form:
# "——方振宇 微博 2026-10-20 21:18" (Weibo, WeChat, Facebook reposted in Chinese articles).
_SIGNATURE_ZH = re.compile(
    r"^[ \t]*[—–]{1,2}[ \t]*(?P<name>[^\s(@—–]{1,30})[ \t]+(?:微博|微信|臉書|脸书|Facebook|X|Threads|抖音)[ \t]+"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+\d{1,2}:\d{2})?[ \t]*$",
    re.M,
)
_POST_END = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)")
_POST_LINK_PARAS = 10  # a picture link ends the post within this many paragraphs after the signature

SENTENCE_REACH = 3000  # a sentence is taken at most this far each way (bounded work)
CLAUSE_REACH = 60  # a clause start is looked for at most this far back
EN_SENTENCE_BACK = 600
EN_SENTENCE_ON = 2000


class Intervals:
    """Sorted, merged intervals with a containment test by bisection."""
    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def contains(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


@dataclass(frozen=True)
class PostLayout:
    """Where an embedded post lies, read from its signature line (who wrote it is resolved later)."""
    region_start: int
    region_end: int
    signature_start: int
    signature_end: int
    name: str  # the signature's name, before " / "
    name_start: int
    handle: str
    date_start: int
    date_end: int
    body_start: int
    body_end: int


@dataclass(frozen=True, eq=False)
class Document:
    """One article, read-only: text, folded forms, paragraphs, posts, quotes and their indexes."""
    text: str
    folded: str  # width-folded, Simplified, same length as text
    lowered: str  # folded, lower-cased, same length
    reference_day: dt.date | None  # the publication day (or the dateline's), for relative dates
    paragraph_starts: tuple[int, ...]
    paragraph_ends: tuple[int, ...]
    headlines: tuple[bool, ...]
    posts: tuple[PostLayout, ...]
    top_quotes: tuple[Quote, ...]  # quotes not inside another one, in text order
    quote_opens: tuple[int, ...]  # their opening offsets
    quote_at: dict[int, Quote]  # opening offset -> quote
    in_quote: Intervals  # the content of every top-level quote
    _clause_starts: dict[int, int] = field(default_factory=dict, repr=False)  # memo of clause_start
    _sentences: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)  # memo of sentence_bounds
    _paragraph_scripts: dict[int, str] = field(default_factory=dict, repr=False)  # memo of _paragraph_script
    _span_languages: dict[tuple[int, int, int], str] = field(default_factory=dict, repr=False)  # memo of language_of
    width_text: str = field(default="", repr=False)  # the text width-folded (folded before t2s)

    @property
    def length(self) -> int:
        return len(self.text)

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def paragraph(self, para: int) -> tuple[int, int]:
        return self.paragraph_starts[para], self.paragraph_ends[para]

    def is_blank(self, para: int) -> bool:
        return not self.folded[self.paragraph_starts[para]:self.paragraph_ends[para]].strip()

    # --- sentences and clauses ---------------------------------------------------------------
    @cached_property
    def _sentence_breaks(self) -> list[int]:
        return [m.start() for m in SENTENCE_BREAK.finditer(self.folded)]

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos (it ends at 。!?; or a newline), at most SENTENCE_REACH each way."""
        r = self._sentences.get(pos)  # asked of one verb by its subject, its content, its stance ...
        if r is None:
            r = self._sentences[pos] = self._find_sentence(pos)
        return r

    def _find_sentence(self, pos: int) -> tuple[int, int]:
        breaks = self._sentence_breaks
        k = bisect.bisect_left(breaks, pos)
        s = breaks[k - 1] + 1 if k > 0 else 0
        e = breaks[k] if k < len(breaks) else self.length
        return max(s, pos - SENTENCE_REACH), min(e, pos + SENTENCE_REACH)

    def clause_start(self, pos: int) -> int:
        """Start of the clause ending at pos: after the last clause punctuation, skipping quoted terms."""
        r = self._clause_starts.get(pos)
        if r is None:
            r = self._clause_starts[pos] = self._find_clause_start(pos)
        return r

    def _find_clause_start(self, pos: int) -> int:
        lo = max(self.paragraph_starts[self.para_of(pos)], pos - CLAUSE_REACH)
        i = pos
        while i > lo:
            ch = self.folded[i - 1]
            if ch in CLAUSE_CHARS:
                break
            if ch in _QUOTE_CLOSERS:
                q = self.quote_ending_at(i - 1)
                if q is None or not self.is_term(q):
                    break
                i = q.open
                continue
            i -= 1
        return i

    @cached_property
    def _english_breaks(self) -> tuple[list[int], list[int]]:
        starts: list[int] = []  # sentence-final .!? followed by a space
        ends: list[int] = []  # ... followed by a space, newline, closing quote or the end
        folded = self.folded
        for m in _EN_PUNCT.finditer(folded):
            k = m.start()
            abbrev = _EN_ABBREV.search(folded[max(self.paragraph_starts[self.para_of(k)], k - 4):k]) is not None
            if not abbrev:
                ends.append(k)
            if folded[k + 1: k + 2] == " " and not (abbrev and folded[k] == "."):
                starts.append(k)
        return starts, ends

    def english_sentence(self, pos: int) -> tuple[int, int]:
        """English sentence around pos (at most EN_SENTENCE_BACK back, EN_SENTENCE_ON on), without a dateline."""
        starts, ends = self._english_breaks
        ps, pe = self.paragraph(self.para_of(pos))
        lo = max(ps, pos - EN_SENTENCE_BACK)
        i = bisect.bisect_right(starts, pos - 1) - 1
        s = starts[i] + 1 if i >= 0 and starts[i] >= lo else (lo if pos > lo else pos)
        while s < pos and self.folded[s] == " ":
            s += 1
        if s == ps:
            m = _EN_DATELINE.match(self.folded, s, pe)
            if m and m.end() <= pos:
                s = m.end()  # a dateline is not part of the first sentence
        hi = min(pe, pos + EN_SENTENCE_ON)
        j = bisect.bisect_left(ends, pos)
        e = ends[j] + 1 if j < len(ends) and ends[j] < hi else max(hi, pos)
        return s, e

    # --- quotes ------------------------------------------------------------------------------
    def quote_ending_at(self, pos: int) -> Quote | None:
        """The top-level quote whose content ends at pos (its closing mark is at pos)."""
        opens = self.quote_opens
        top = bisect.bisect_right(opens, pos) - 1
        k = top
        while k >= 0 and k >= len(opens) - 10_000:
            q = self.top_quotes[k]
            if q.end == pos:
                return q
            if q.end < pos - 5000:
                break
            k -= 1
            if k < top - 5:
                break
        return None

    def quote_before(self, pos: int) -> Quote | None:
        """The last top-level quote opening at or before pos."""
        k = bisect.bisect_right(self.quote_opens, pos) - 1
        return self.top_quotes[k] if k >= 0 else None

    def quotes_from(self, pos: int) -> Iterator[Quote]:
        """Top-level quotes opening at or after pos, in order (lazily: callers stop early)."""
        for k in range(bisect.bisect_left(self.quote_opens, pos), len(self.top_quotes)):
            yield self.top_quotes[k]

    def quote_body(self, q: Quote) -> str:
        return self.folded[q.start:q.end]

    def is_term(self, q: Quote) -> bool:
        """A quoted name or term (「一中政策」): short, no sentence punctuation."""
        body = self.folded[q.start:q.end].strip()
        if not body:
            return True
        if len(body) > _CJK_TERM_MAX and CJK.search(body):
            return False
        if CJK.search(body) is None:
            return len(body.split()) <= 3 and not re.search(r"[.!?,;]", body)
        return not re.search(r"[。!?,;]", body)

    def is_sentence_quote(self, q: Quote) -> bool:
        """…,「中选会没有裁量空间」。: a quoted clause closing a sentence after a comma, not a term."""
        folded = self.folded
        body = folded[q.start:q.end]
        return (q.closed and q.open > 0 and folded[q.open - 1] in ",:" and len(body) >= 6
                and CJK.search(body) is not None and folded[q.end + 1: q.end + 2] in ("。", "!", "?", ";", "\n", "")
                and not re.search(r"[((]", body))

    # --- paragraphs and scripts --------------------------------------------------------------
    @cached_property
    def _nonblank_index(self) -> list[int]:
        out, n = [], 0
        for para in range(len(self.paragraph_starts)):
            if not self.is_blank(para):
                n += 1
            out.append(n)
        return out

    def nonblank_index(self, para: int) -> int:
        """Index of paragraph para among the non-blank paragraphs (blank lines do not count)."""
        return self._nonblank_index[para]

    @cached_property
    def cantonese(self) -> bool:
        return len(CANTONESE_CHARS.findall(self.folded[:20000])) >= 3

    @cached_property
    def script(self) -> str:
        """zh-Hant when the start of the text has Traditional characters, else zh-Hans."""
        head = self.text[:5000]
        return "zh-Hant" if to_simplified(head) != head else "zh-Hans"

    def language_of(self, start: int, end: int, para: int) -> str:
        """zh-Hant / zh-Hans (by the span, else its paragraph, else the article), ru or en."""
        key = (start, end, para)  # asked of each statement three times (its record, its confidence)
        r = self._span_languages.get(key)
        if r is None:
            r = self._span_languages[key] = self._language_of(start, end, para)
        return r

    def _language_of(self, start: int, end: int, para: int) -> str:
        t = self.text[start:end]
        if CJK.search(t):
            return self._span_script(t, start, end) or self._paragraph_script(para)
        if _CYRILLIC.search(t):
            return "ru"
        return "en"

    def _span_script(self, t: str, start: int, end: int) -> str:
        """_script_of(t), reading the Traditional test off the folded text (it is t2s already)."""
        width = self.width_text or width_folded(self.text)
        if self.folded[start:end] != width[start:end]:
            return "zh-Hant"
        return "zh-Hans" if to_traditional(t) != t else ""

    def _paragraph_script(self, para: int) -> str:
        """A span without script-specific characters takes its paragraph's script, else the article's."""
        r = self._paragraph_scripts.get(para)
        if r is None:
            r = self._paragraph_scripts[para] = _script_of(
                self.text[self.paragraph_starts[para]:self.paragraph_ends[para]]) or self.script
        return r


def build_document(text: str, published: dt.date | None) -> Document:
    """The Document of one article (``published`` or the dateline is the reference day)."""
    layout = spaced_breaks_as_newlines(text)
    width = width_folded(layout)
    folded = simplified(width)
    starts = [0] + [m.end() for m in re.finditer("\n", layout)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    headlines = [_is_headline(folded[s:e]) for s, e in zip(starts, ends, strict=True)]
    posts = find_post_layouts(text, starts, ends)
    for post in posts:  # lines of an embedded post are not headlines
        first = bisect.bisect_right(starts, post.region_start) - 1
        last = bisect.bisect_right(starts, max(post.region_start, post.region_end - 1)) - 1
        for para in range(first, last + 1):
            headlines[para] = False
    top = tuple(q for q in scan_quotes(layout, [(p.region_start, p.region_end) for p in posts]) if not q.nested)
    return Document(
        text=text, folded=folded, lowered=lower_form(folded), reference_day=published or dateline(folded),
        paragraph_starts=tuple(starts), paragraph_ends=tuple(ends), headlines=tuple(headlines), posts=posts,
        top_quotes=top, quote_opens=tuple(q.open for q in top), quote_at={q.open: q for q in top},
        in_quote=Intervals([(q.start, q.end) for q in top]), width_text=width,
    )


def spaced_breaks_as_newlines(text: str) -> str:
    """The text with paragraph breaks stored as spaces turned into newlines (same length): "…。 X表示"
    is two paragraphs whether the crawler kept a newline or a space."""
    if " " not in text and "\u3000" not in text:
        return text
    chars = None
    for m in _SPACED_BREAK.finditer(text):
        if not _ends_sentence_at(text, m.start()):
            continue
        if chars is None:
            chars = list(text)
        chars[m.start():m.end()] = "\n" * (m.end() - m.start())
    return text if chars is None else "".join(chars)


def _ends_sentence_at(text: str, pos: int) -> bool:
    """。 ! ? (after a Chinese character or closing mark), then at most one closing mark, end at pos."""
    k = pos - 1
    if text[k] in _CLOSERS_AFTER_END:
        k -= 1
    if k < 0:
        return False
    ch = text[k]
    if ch in _SENTENCE_END:
        return True
    return ch in "!?" and k > 0 and (CJK.match(text[k - 1]) is not None or text[k - 1] in "」』")


def _script_of(text: str) -> str:
    """zh-Hant when t2s changes the text, zh-Hans when s2t does, else ''."""
    if to_simplified(text) != text:
        return "zh-Hant"
    if to_traditional(text) != text:
        return "zh-Hans"
    return ""


def _is_headline(line: str) -> bool:
    """A short Chinese line without sentence punctuation (a title), not a quote or a dateline."""
    line = line.strip()
    if not line or CJK.search(line) is None:
        return False  # English paragraphs: headline detection is not needed
    if len(line) > 80 or line[-1] in _HEADLINE_END or line[0] in "「“\"『":
        return False
    return not _HEADLINE_PUNCTUATION.search(line)


def find_post_layouts(text: str, starts: list[int], ends: list[int]) -> tuple[PostLayout, ...]:
    """Embedded posts: the paragraph before a signature line, up to a picture link that follows it."""
    out = []
    signatures = sorted([*_SIGNATURE.finditer(text), *_SIGNATURE_ZH.finditer(text)], key=lambda m: m.start())
    for m in signatures:
        p = bisect.bisect_right(starts, m.start()) - 1
        if p == 0:
            continue
        end = ends[p]
        for q in range(p + 1, min(len(starts), p + _POST_LINK_PARAS + 1)):
            link = _POST_END.search(text, starts[q], ends[q])
            if link:
                end = link.start()
                break
        out.append(PostLayout(
            region_start=starts[p - 1], region_end=end, signature_start=m.start(), signature_end=m.end(),
            name=m.group("name").split(" / ")[0].strip(), name_start=m.start("name"),
            handle=m.groupdict().get("handle") or "",
            date_start=m.start("date"), date_end=m.end("date"), body_start=starts[p - 1], body_end=ends[p - 1],
        ))
    return tuple(out)
