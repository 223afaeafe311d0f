"""Extraction, learned English attribution: the tokens of an English paragraph and their features.

Shared by the training script (train.py) and the tagger (tagger.py), so that a model sees at run time
exactly the features it was trained on. Word identities are hashed (crc32 into 2**18 buckets) and
capitalised words mid-sentence carry no identity at all, only their shape: the model learns where a
name stands ("…,'' said Xx Xx."), never which names stand there, and holds no article text.
"""

from __future__ import annotations

import bisect
import re
import zlib
from functools import lru_cache
from typing import NamedTuple

from ..document import Document
from ..lexicon.en import EN_VERBS, SPEECH_STEMS
from ..lexicon.names import EN_TITLE_WORDS
from ..mentions import MentionIndex
from ..patterns import alternation, first_chars

FEATURES_VERSION = 2  # bump when a feature changes: the model must be rebuilt

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’\-]\w+)*|''|[^\w\s]")
_HASH_BUCKETS = 0x3FFFF
_CUE_WORDS = {row.verb.split()[0].lower(): row.kind for row in EN_VERBS}
_SPEECH = tuple(s for s in SPEECH_STEMS if s.isalpha())
# A word opening with a speech stem, any case: a trie behind a test of its first letter, so the engine tries the
# stems only at the few word starts where one may begin (a longest-first list tried every stem at every word).
_SPEECH_WORD = re.compile(r"\b(?i:" + first_chars(_SPEECH) + alternation(_SPEECH) + ")")
_TITLES = frozenset(w.lower().rstrip(".") for w in EN_TITLE_WORDS if " " not in w)
_PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "him", "them"))
_QUOTE_MARKS = frozenset(('"', "“", "”", "''", "‘", "’"))
_SENTENCE_END = frozenset((".", "!", "?"))
_NEAR, _FAR = 3, 8  # windows for "a cue / a quote mark is this close"


class Token(NamedTuple):
    start: int
    end: int
    word: str


def tokenize(folded: str, start: int, end: int) -> list[Token]:
    """Words, abbreviations (U.S.), '' and single punctuation marks of folded[start:end]."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded, start, end)]


def _h(prefix: str, word: str) -> str:
    return f"{prefix}{zlib.crc32(word.encode('utf-8')) & _HASH_BUCKETS:x}"


def _shape(word: str) -> str:
    if word in _QUOTE_MARKS:
        return "Q"
    c = word[0]
    if not (c.isalnum() or c == "_"):
        return "P" + word
    if word.isdigit():
        return "d"
    if c.isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    return "x"


def _identity(word: str, sentence_initial: bool) -> str:
    """A word's hashed identity; a capitalised word inside a sentence (a name) has none."""
    if word[0].isupper() and not sentence_initial and word.lower() not in _TITLES:
        return "NAME"
    return _h("", word.lower())


class _Parts(NamedTuple):
    """What a word contributes to its own features and to its neighbours' (memoised per word, sentence
    start and quote: news repeats its words)."""

    own: tuple[str, ...]  # b, w<ident>, s<shape>, q<quote>, sf<suffix>, then cue<kind>, title, pron when they hold
    context: tuple[tuple[str, ...], ...]  # what it tells the tokens 2 and 1 after it, 1 and 2 before it
    cue: bool  # a cue word (the lexicon's, or a speech stem)
    mark: bool  # a quote mark


_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=65536)
def _word(word: str, initial: bool) -> tuple[str, str, str]:
    """identity, shape and lexicon kind of a word (memoised: news repeats its words)."""
    shape = _shape(word)
    low = word.lower()
    cue = _CUE_WORDS.get(low, "") or ("speech" if shape == "x" and low.startswith(_SPEECH) else "")
    return _identity(word, initial), shape, cue


@lru_cache(maxsize=8192)  # ~20 strings an entry: about 15 MB full, in a long-lived worker too
def _parts(word: str, initial: bool, inside: bool) -> _Parts:
    """The _Parts of a word; quote is I (inside a quote), O (outside) or M (the word is a quote mark)."""
    ident, shape, cue = _word(word, initial)
    quote = "M" if shape == "Q" else ("I" if inside else "O")
    low = word.lower()
    own = ["b", "w" + ident, "s" + shape, "q" + quote, "sf" + _h("", low[-3:]) if shape == "x" else "sf-"]
    if cue:
        own.append("cue" + cue)
    if low in _TITLES:
        own.append("title")
    if low in _PRONOUNS:
        own.append("pron")
    context = []
    for k in _OFFSETS:
        told = (f"{k}w{ident}", f"{k}s{shape}", f"{k}q{quote}")
        context.append((*told, f"{k}cue{cue}") if cue else told)
    return _Parts(tuple(own), tuple(context), bool(cue), quote == "M")


def _token_parts(doc: Document, tokens: list[Token]) -> list[_Parts]:
    out = []
    prev = "."
    quotes = doc.in_quote
    k = bisect.bisect_right(quotes.starts, tokens[0].start)
    quoted = (k > 0 and quotes.spans[k - 1][1] > tokens[0].start) or (
        k < len(quotes.starts) and quotes.starts[k] <= tokens[-1].start)  # a quote holds some token
    for t in tokens:
        w = t.word
        inside = quoted and w not in _QUOTE_MARKS and quotes.contains(t.start)  # (a mark's quote is M)
        out.append(_parts(w, prev in _SENTENCE_END or prev in _QUOTE_MARKS or prev == ":", inside))
        prev = w
    return out


def speech_words(folded: str, start: int, end: int) -> bool:
    """Whether a paragraph holds a word a statement's cue needs (said, told, according ...)."""
    return _SPEECH_WORD.search(folded, start, end) is not None


def paragraph_features(doc: Document, mentions: MentionIndex, tokens: list[Token]) -> list[list[str]]:
    """The feature strings of each token of one paragraph (one pass; each word's own and neighbour
    strings are made once per word, sentence start and quote)."""
    if not tokens:
        return []
    parts = _token_parts(doc, tokens)
    mid: list[tuple[str, ...]] = [("mention",) if m else () for m in _mention_flags(mentions, tokens)]
    mid[0] += ("first",)
    mid[-1] += ("last",)
    edges = [(f"{k}edge",) for k in _OFFSETS]
    n = len(parts)
    before2 = [edges[0], edges[0], *(p.context[0] for p in parts[:-2])][:n]  # token i - 2, told at offset -2
    before1 = [edges[1], *(p.context[1] for p in parts[:-1])]
    after1 = [*(p.context[2] for p in parts[1:]), edges[2]]
    after2 = [*(p.context[3] for p in parts[2:]), edges[3], edges[3]][-n:]
    return [[*p.own, *m, *a, *b, *c, *d, *near, *pos] for p, m, a, b, c, d, near, pos
            in zip(parts, mid, before2, before1, after1, after2, _near_flags(parts), _sentence_positions(tokens),
                   strict=True)]


# Per token: whether the sentence ends within 3 tokens after it (end1..end3, the nearest) and whether it
# began within 3 tokens before it (begin1..begin3); index 4 * end + begin, 0 for none.
_POSITIONS = [tuple(f for f in (f"end{e}" if e else "", f"begin{b}" if b else "") if f)
              for e in range(4) for b in range(4)]


def _sentence_positions(tokens: list[Token]) -> list[tuple[str, ...]]:
    """Whether the sentence ends within 3 tokens (a post-posed tag's place) or began within 3."""
    n = len(tokens)
    end, begin = [0] * n, [0] * n
    for e in (i for i, t in enumerate(tokens) if t.word in _SENTENCE_END):
        for k in (3, 2, 1):  # the nearest sentence end wins
            if e - k >= 0 and (not end[e - k] or end[e - k] > k):
                end[e - k] = k
            if e + k < n and (not begin[e + k] or begin[e + k] > k):
                begin[e + k] = k
    return [_POSITIONS[4 * e + b] for e, b in zip(end, begin, strict=True)]


# A cue (c) or a quote mark (m) other than the token itself within _NEAR / _FAR tokens to the left (L) and
# the right (R); index 27 * cue left + 9 * cue right + 3 * mark left + mark right, each 0 (none), 1 (near)
# or 2 (far).
_NEAR_FLAGS = [tuple(f"{name}{side}{(None, _NEAR, _FAR)[d]}" for name, side, d in
                     (("c", "L", cl), ("c", "R", cr), ("m", "L", ml), ("m", "R", mr)) if d)
               for cl in range(3) for cr in range(3) for ml in range(3) for mr in range(3)]


def _near_flags(parts: list[_Parts]) -> list[tuple[str, ...]]:
    """Per token: whether a cue or a quote mark other than itself is near on either side (work per mark)."""
    n = len(parts)
    cl, cr = _distances([i for i, p in enumerate(parts) if p.cue], n)
    ml, mr = _distances([i for i, p in enumerate(parts) if p.mark], n)
    return [_NEAR_FLAGS[27 * a + 9 * b + 3 * c + d] for a, b, c, d in zip(cl, cr, ml, mr, strict=True)]


def _distances(marked: list[int], n: int) -> tuple[list[int], list[int]]:
    """Per token, the nearest marked token before it and after it (not itself): 1 within _NEAR, 2 within
    _FAR, else 0."""
    left, right = [0] * n, [0] * n
    for m in marked:  # in order: a later mark is nearer to the tokens after it
        for i in range(m + 1, min(n, m + _FAR + 1)):
            left[i] = 1 if i - m <= _NEAR else 2
    for m in reversed(marked):
        for i in range(max(0, m - _FAR), m):
            right[i] = 1 if m - i <= _NEAR else 2
    return left, right


def _mention_flags(mentions: MentionIndex, tokens: list[Token]) -> list[bool]:
    if not tokens:
        return []
    flags = [False] * len(tokens)
    spans = mentions.within(tokens[0].start, tokens[-1].end)
    k = 0
    for m in spans:
        while k < len(tokens) and tokens[k].end <= m.start:
            k += 1
        j = k
        while j < len(tokens) and tokens[j].start < m.end:
            flags[j] = True
            j += 1
    return flags
