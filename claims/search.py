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

Speakers named in a text are indexed by identity as well: ``search_text_for`` takes their ids and
adds one token per speaker (``speaker_token``) to part 2, and ``parse_query`` takes a resolver
that maps a name in the query to speaker ids, so a query word that is any alias of a speaker also
matches that speaker's token. 普京, 普丁, 蒲亭 and Putin then find the same claims, whichever
spelling or script the claim used (the gazetteer over the claim text added the token).

The jieba ``Tokenizer`` is private to this module (never jieba's global one) and knows every
speaker alias with a high explicit frequency so that names stay whole (毛宁, not 毛 / 宁). The
extractor's tokenizer is not shared: adding words to it would change extraction results.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
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
# Longest run of query segments looked up as one name ("donald j trump" is three segments).
MAX_NAME_SEGMENTS = 4
# The token a speaker's identity is indexed under: letters, digits, letters, so the 'simple'
# parser keeps it one lexeme and a substring test for speaker 1 never matches speaker 12.
_SPEAKER_TAG = "fdspk{}x"

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


def speaker_token(speaker_id: int | str) -> str:
    """The index token standing for one speaker, whatever name the text used."""
    return _SPEAKER_TAG.format(int(speaker_id))


def search_text_for(text: str, speaker_ids: Iterable[int] = ()) -> str:
    """The stored search form of ``text``: folded text, then tokens (and speaker tokens), then Han bigrams (deterministic)."""
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
    for speaker_id in sorted(set(speaker_ids)):
        tokens[speaker_token(speaker_id)] = None
    flat = " ".join(folded.split())
    return "\n".join([flat, " ".join(tokens), " ".join(grams)])


@dataclass(frozen=True)
class Segment:
    """One piece of a query: a Latin word, or a Han run with its tokens and bigrams.

    ``token_names`` gives, for a jieba token that is a speaker's name, the speaker tokens that
    also satisfy it (普京 inside 普京访问 matches 'fdspk7x' too).
    """

    kind: str  # "han" or "other"
    text: str
    tokens: tuple[str, ...]
    bigrams: tuple[str, ...]
    token_names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def names_for(self, token: str) -> tuple[str, ...]:
        return dict(self.token_names).get(token, ())


@dataclass(frozen=True)
class Clause:
    """Consecutive segments that must all match, or any speaker token they name as a whole."""

    segments: tuple[Segment, ...]
    names: tuple[str, ...] = ()


# A match tree: ("and" | "or", children); ("prefix", word) for a word the text must hold a word
# starting with; any other leaf a substring the search text must hold.
Tree = tuple


@dataclass(frozen=True)
class ParsedQuery:
    """A query folded like the index: its clauses (all must match) and its exact-substring form."""

    folded: str  # whitespace-collapsed folded query, for substring matching
    clauses: tuple[Clause, ...]

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(seg for clause in self.clauses for seg in clause.segments)

    @property
    def only_names(self) -> bool:
        """True when every word of the query is part of a speaker's name (so no spelling ranks first)."""
        return bool(self.clauses) and all(clause.names for clause in self.clauses)

    def tsquery(self) -> str:
        """A PostgreSQL tsquery string for the 'simple' configuration: every clause, each by tokens or by bigrams.

        Latin words match as prefixes (vaccine finds vaccines: the 'simple' configuration does
        not stem). A name also matches its speakers' tokens. Empty when the query has no letters
        or digits.
        """
        out = []
        for clause in self.clauses:
            body = " & ".join(_segment_tsquery(seg) for seg in clause.segments)
            if clause.names:
                body = "(" + " | ".join([f"({body})", *(_lexeme(n) for n in clause.names)]) + ")"
            out.append(body)
        return " & ".join(out)

    def match_tree(self) -> Tree:
        """Without a full-text index: the same logic as ``tsquery`` over substrings of the search text."""
        clauses = []
        for clause in self.clauses:
            body: Tree = ("and", [_segment_tree(seg) for seg in clause.segments])
            clauses.append(("or", [body, *clause.names]) if clause.names else body)
        return ("and", clauses)


def _segment_tsquery(seg: Segment) -> str:
    if seg.kind == "other":
        return f"{_lexeme(seg.text)}:*"
    by_tokens = " & ".join(_alternatives(t, seg.names_for(t)) for t in seg.tokens)
    by_grams = " & ".join(_lexeme(g) for g in seg.bigrams)
    return f"(({by_tokens}) | ({by_grams}))" if by_tokens != by_grams else f"({by_grams})"


def _alternatives(token: str, names: tuple[str, ...]) -> str:
    if not names:
        return _lexeme(token)
    return "(" + " | ".join(_lexeme(w) for w in (token, *names)) + ")"


def _segment_tree(seg: Segment) -> Tree:
    if seg.kind == "other":
        return ("prefix", seg.text)
    by_tokens = ("and", [("or", [t, *seg.names_for(t)]) if seg.names_for(t) else t for t in seg.tokens])
    by_grams = ("and", list(seg.bigrams))
    return ("or", [by_tokens, by_grams])


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "").replace("'", "") + "'"


# Maps folded candidate names to the speaker ids they name (only the names that are known).
NameResolver = Callable[[list[str]], dict[str, tuple[int, ...]]]


def _name_candidates(segments: list[Segment]) -> dict[tuple[int, int], list[str]]:
    """Runs of up to MAX_NAME_SEGMENTS consecutive segments, each as the names it could be written as."""
    out: dict[tuple[int, int], list[str]] = {}
    for i in range(len(segments)):
        for j in range(i + 1, min(len(segments), i + MAX_NAME_SEGMENTS) + 1):
            texts = [s.text for s in segments[i:j]]
            out[(i, j)] = list(dict.fromkeys([" ".join(texts), "".join(texts)]))
    return out


def parse_query(query: str, names: NameResolver | None = None) -> ParsedQuery:
    """The reader's query, folded and segmented exactly as stored text is; names expanded by ``names``.

    ``names`` receives every candidate name (runs of whole segments, and jieba tokens of Han
    runs) in one call; the longest run that names someone, leftmost first, becomes one clause.
    """
    folded = " ".join(fold((query or "")[:MAX_QUERY_CHARS]).split())
    tok = _tokenizer()
    segments = []
    for kind, part in _parts(folded):
        if kind == "han":
            words = tuple(dict.fromkeys(w for w in tok.lcut(part, HMM=False) if w.strip()))
            segments.append(Segment("han", part, words, tuple(dict.fromkeys(bigrams(part)))))
        else:
            segments.append(Segment("other", part, (part,), ()))
    if names is None or not segments:
        return ParsedQuery(folded=folded, clauses=tuple(Clause((seg,)) for seg in segments))
    runs = _name_candidates(segments)
    inner = [t for seg in segments if seg.kind == "han" for t in seg.tokens if len(t) >= 2]
    known = names(list(dict.fromkeys([*(c for cs in runs.values() for c in cs), *inner])))

    def tokens_of(ids) -> tuple[str, ...]:
        return tuple(speaker_token(i) for i in sorted(set(ids)))

    clauses = []
    i = 0
    while i < len(segments):
        for j in range(min(len(segments), i + MAX_NAME_SEGMENTS), i, -1):
            ids = [sid for c in runs[(i, j)] for sid in known.get(c, ())]
            if ids:
                clauses.append(Clause(tuple(segments[i:j]), tokens_of(ids)))
                i = j
                break
        else:
            seg = segments[i]
            if seg.kind == "han":
                found = tuple((t, tokens_of(known[t])) for t in seg.tokens if known.get(t))
                if found:
                    seg = Segment(seg.kind, seg.text, seg.tokens, seg.bigrams, found)
            clauses.append(Clause((seg,)))
            i += 1
    return ParsedQuery(folded=folded, clauses=tuple(clauses))


def alias_stamp() -> object:
    """The speaker directory stamp (claims.selectors.speaker_directory_stamp) last given to ``add_names``."""
    return _STATE["stamp"]


def set_alias_stamp(stamp: object) -> None:
    """Record the alias-table state whose names the segmenter now knows."""
    _STATE["stamp"] = stamp
