"""Search text core: folding, segmentation into index tokens, and the parsed form of a query.

Both sides of a search go through the same functions: ``search_text_for`` builds what is stored
in ``Claim.search_text`` / ``Statement.search_text``, ``parse_query`` turns what a reader typed
into terms. Traditional is folded to Simplified (OpenCC t2s) and Latin is case-folded, so either
script finds both.

The stored text is three parts, separated by newlines:

1. the folded text itself (for exact-substring matching: pg_trgm ``LIKE`` on PostgreSQL, plain
   ``LIKE`` on SQLite);
2. jieba tokens (``cut_for_search``, so 中华人民共和国外交部 also yields 外交部, 共和国 ...) and
   lower-cased Latin words;
3. character bigrams of every Han run. Token search alone misses matches whenever the query is
   segmented differently from the sentence it occurs in (台湾总统 alone vs 台湾 / 总统 in
   context); requiring every bigram of the query recovers them.

The jieba ``Tokenizer`` is private to this module (never jieba's global one) and knows every
speaker alias with a high explicit frequency so that names stay whole (毛宁, not 毛 / 宁). The
extractor's tokenizer is not shared: adding words to it would change extraction results.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from claims.extraction.normalize import to_simplified

# Han ideographs (CJK unified, extension A, compatibility, extensions B+).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run of letters/digits, split further into Han and non-Han parts.
_ALNUM_RUN = re.compile(r"[^\W_]+")
_SCRIPT_PART = re.compile(rf"(?P<han>[{_HAN}]+)|(?P<other>[^{_HAN}]+)")
_HAN_CHAR = re.compile(rf"[{_HAN}]")

ALIAS_FREQ = 200_000  # high enough that a registered name is never split by the segmenter
MAX_QUERY_CHARS = 200  # longer queries are cut: each extra bigram is one more index probe

_LOCK = threading.Lock()
# "tok": the private Tokenizer; "words": names given to it; "stamp": the alias table state they came from
_STATE: dict = {"stamp": None}


def _new_tokenizer():
    import jieba  # loading the dictionary costs ~1 s; only done when search text is first needed

    jieba.setLogLevel(logging.ERROR)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def _tokenizer():
    tok = _STATE.get("tok")
    if tok is None:
        with _LOCK:
            tok = _STATE.get("tok")
            if tok is None:
                tok = _STATE["tok"] = _new_tokenizer()
                _STATE["words"] = set()
    return tok


def add_names(names: Iterable[str]) -> int:
    """Teach the segmenter these names (folded to Simplified) so it keeps them whole; returns how many were new.

    Words are only ever added with an explicit frequency, never removed (jieba's del_word would
    touch a set shared by every tokenizer).
    """
    tok = _tokenizer()
    added = 0
    with _LOCK:
        words: set[str] = _STATE["words"]
        for name in names:
            word = fold(name or "").replace(" ", "")
            if len(word) >= 2 and word not in words and _HAN_CHAR.search(word):
                tok.add_word(word, freq=ALIAS_FREQ)
                words.add(word)
                added += 1
    return added


def fold(text: str) -> str:
    """NFKC (full-width to ASCII), Traditional to Simplified, case-folded."""
    return to_simplified(unicodedata.normalize("NFKC", text or "")).casefold()


def _parts(folded: str) -> Iterable[tuple[str, str]]:
    """("han", run) and ("other", word) pieces of folded text, in order; punctuation dropped."""
    for run in _ALNUM_RUN.finditer(folded):
        for part in _SCRIPT_PART.finditer(run.group()):
            yield part.lastgroup or "other", part.group()


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a Han run (the run itself when it is one character)."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def search_text_for(text: str) -> str:
    """The stored search form of ``text``: folded text, then tokens, then Han bigrams (deterministic)."""
    folded = fold(text)
    tok = _tokenizer()
    tokens: dict[str, None] = {}
    grams: dict[str, None] = {}
    for kind, part in _parts(folded):
        if kind == "han":
            for word in tok.lcut_for_search(part, HMM=False):
                tokens[word] = None
            for gram in bigrams(part):
                grams[gram] = None
        else:
            tokens[part] = None
    flat = " ".join(folded.split())
    return "\n".join([flat, " ".join(tokens), " ".join(grams)])


@dataclass(frozen=True)
class Segment:
    """One piece of a query: a Latin word, or a Han run with its tokens and bigrams."""

    kind: str  # "han" or "other"
    text: str
    tokens: tuple[str, ...]
    bigrams: tuple[str, ...]


@dataclass(frozen=True)
class ParsedQuery:
    """A query folded like the index: its segments (all must match) and its exact-substring form."""

    folded: str  # whitespace-collapsed folded query, for substring matching
    segments: tuple[Segment, ...]

    def __bool__(self) -> bool:
        return bool(self.segments)

    def tsquery(self) -> str:
        """A PostgreSQL to_tsquery('simple', ...) string: every segment, each by tokens or by bigrams.

        Latin words match as prefixes (vaccine finds vaccines: the 'simple' configuration does
        not stem). Empty when the query has no letters or digits.
        """
        clauses = []
        for seg in self.segments:
            if seg.kind == "other":
                clauses.append(f"{_lexeme(seg.text)}:*")
                continue
            by_tokens = " & ".join(_lexeme(t) for t in seg.tokens)
            by_grams = " & ".join(_lexeme(g) for g in seg.bigrams)
            clauses.append(f"(({by_tokens}) | ({by_grams}))" if by_tokens != by_grams else f"({by_grams})")
        return " & ".join(clauses)

    def substrings(self) -> list[list[tuple[str, ...]]]:
        """Fallback without a full-text index: per segment, alternatives, each a tuple of substrings that must all occur."""
        out = []
        for seg in self.segments:
            out.append([(seg.text,)] if seg.kind == "other" else list(dict.fromkeys([seg.tokens, seg.bigrams])))
        return out


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "").replace("'", "") + "'"


def parse_query(query: str) -> ParsedQuery:
    """The reader's query, folded and segmented exactly as stored text is."""
    folded = " ".join(fold((query or "")[:MAX_QUERY_CHARS]).split())
    tok = _tokenizer()
    segments = []
    for kind, part in _parts(folded):
        if kind == "han":
            words = tuple(dict.fromkeys(w for w in tok.lcut(part, HMM=False) if w.strip()))
            segments.append(Segment("han", part, words, tuple(dict.fromkeys(bigrams(part)))))
        else:
            segments.append(Segment("other", part, (part,), ()))
    return ParsedQuery(folded=folded, segments=tuple(segments))



def alias_stamp() -> object:
    """The alias-table state (for example newest id and count) last given to ``add_names``."""
    return _STATE["stamp"]


def set_alias_stamp(stamp: object) -> None:
    """Record the alias-table state whose names the segmenter now knows."""
    _STATE["stamp"] = stamp
