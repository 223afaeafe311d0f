"""Extraction, learned English attribution: the tokens of an English paragraph and their features.

Shared by the training script (train.py) and the tagger (tagger.py), so that a model sees at run time
exactly the features it was trained on. Word identities are hashed (crc32 into 2**18 buckets) and
capitalised words mid-sentence carry no identity at all, only their shape: the model learns where a
name stands ("…,'' said Xx Xx."), never which names stand there, and holds no article text.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..lexicon.en import EN_VERBS, SPEECH_STEMS
from ..lexicon.names import EN_TITLE_WORDS
from ..mentions import MentionIndex

FEATURES_VERSION = 2  # bump when a feature changes: the model must be rebuilt

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’\-]\w+)*|''|[^\w\s]")
_HASH_BUCKETS = 0x3FFFF
_CUE_WORDS = {row.verb.split()[0].lower(): row.kind for row in EN_VERBS}
_SPEECH = tuple(s for s in SPEECH_STEMS if s.isalpha())
_SPEECH_WORD = re.compile(r"\b(?i:" + "|".join(sorted(_SPEECH, key=len, reverse=True)) + ")")
_TITLES = frozenset(w.lower().rstrip(".") for w in EN_TITLE_WORDS if " " not in w)
_PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "him", "them"))
_QUOTE_MARKS = frozenset(('"', "“", "”", "''", "‘", "’"))
_SENTENCE_END = frozenset((".", "!", "?"))
_NEAR, _FAR = 3, 8  # windows for "a cue / a quote mark is this close"


@dataclass(frozen=True)
class Token:
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


@dataclass(frozen=True)
class _Base:
    """What each token contributes to its own and its neighbours' features."""

    ident: str
    shape: str
    cue: str  # the lexicon kind of the word (say, ask, support, oppose) or ""
    quote: str  # I (inside a quote), O (outside), M (a quote mark)


@lru_cache(maxsize=65536)
def _word(word: str, initial: bool) -> tuple[str, str, str]:
    """identity, shape and lexicon kind of a word (memoised: news repeats its words)."""
    shape = _shape(word)
    low = word.lower()
    cue = _CUE_WORDS.get(low, "") or ("speech" if shape == "x" and low.startswith(_SPEECH) else "")
    return _identity(word, initial), shape, cue


def _bases(doc: Document, tokens: list[Token]) -> list[_Base]:
    out = []
    prev = "."
    for t in tokens:
        w = t.word
        ident, shape, cue = _word(w, prev in _SENTENCE_END or prev in _QUOTE_MARKS or prev == ":")
        quote = "M" if shape == "Q" else ("I" if doc.in_quote.contains(t.start) else "O")
        out.append(_Base(ident, shape, cue, quote))
        prev = w
    return out


def speech_words(folded: str, start: int, end: int) -> bool:
    """Whether a paragraph holds a word a statement's cue needs (said, told, according ...)."""
    return _SPEECH_WORD.search(folded, start, end) is not None


def paragraph_features(doc: Document, mentions: MentionIndex, tokens: list[Token]) -> list[list[str]]:
    """The feature strings of each token of one paragraph (one pass; the neighbours' strings are made
    once per token and offset)."""
    bases = _bases(doc, tokens)
    n = len(tokens)
    named = _mention_flags(mentions, tokens)
    near = [c + m for c, m in zip(_near_flags([bool(b.cue) for b in bases], "c"),
                                  _near_flags([b.quote == "M" for b in bases], "m"), strict=True)]
    ends = [t.word in _SENTENCE_END for t in tokens]
    context = {k: [_neighbour(k, b) for b in bases] for k in (-2, -1, 1, 2)}
    out = []
    for i, (t, b) in enumerate(zip(tokens, bases, strict=True)):
        low = t.word.lower()
        f = ["b", "w" + b.ident, "s" + b.shape, "q" + b.quote, "sf" + _h("", low[-3:]) if b.shape == "x" else "sf-"]
        if b.cue:
            f.append("cue" + b.cue)
        if low in _TITLES:
            f.append("title")
        if low in _PRONOUNS:
            f.append("pron")
        if named[i]:
            f.append("mention")
        if i == 0:
            f.append("first")
        if i == n - 1:
            f.append("last")
        for k in (-2, -1, 1, 2):
            j = i + k
            f += context[k][j] if 0 <= j < n else (f"{k}edge",)
        f += near[i]
        f += _sentence_position(i, ends)
        out.append(f)
    return out


def _neighbour(k: int, o: _Base) -> tuple[str, ...]:
    """What a token tells the token k places from it."""
    parts = (f"{k}w{o.ident}", f"{k}s{o.shape}", f"{k}q{o.quote}")
    return (*parts, f"{k}cue{o.cue}") if o.cue else parts


def _sentence_position(i: int, ends: list[bool]) -> list[str]:
    """Whether the sentence ends within 3 tokens (a post-posed tag's place) or began within 3."""
    out = []
    n = len(ends)
    for k in (1, 2, 3):
        if i + k < n and ends[i + k]:
            out.append(f"end{k}")
            break
    for k in (1, 2, 3):
        if i - k >= 0 and ends[i - k]:
            out.append(f"begin{k}")
            break
    return out


def _near_flags(marked: list[bool], name: str) -> list[list[str]]:
    """Per token: whether a marked token (a cue, a quote mark) other than itself is within _NEAR / _FAR
    tokens to the left and to the right (two linear passes)."""
    n = len(marked)
    left, right = [99] * n, [99] * n
    last = None
    for i in range(n):
        if last is not None:
            left[i] = i - last
        if marked[i]:
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        if last is not None:
            right[i] = last - i
        if marked[i]:
            last = i
    out = []
    for i in range(n):
        f = []
        for d, side in ((left[i], "L"), (right[i], "R")):
            if d <= _NEAR:
                f.append(f"{name}{side}{_NEAR}")
            elif d <= _FAR:
                f.append(f"{name}{side}{_FAR}")
        out.append(f)
    return out


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
