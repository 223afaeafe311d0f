"""Extraction core: the speaker gazetteer (aliases -> SpeakerEntry), no Django.

A Gazetteer is built from SpeakerEntry records: the bundled registry
(``data/speakers.json``) or rows the Django side turns into entries (key=str(pk)).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .lexicon.names import NAME_SUFFIXES, TITLE_WORDS
from .normalize import fold, lower_form, normalize_alias
from .patterns import alternation
from .types import SpeakerEntry

BUNDLED_PATH = Path(__file__).with_name("data") / "speakers.json"

_LATIN = re.compile(r"[a-z0-9]")
# First characters per scanning regex, at most. At each position the regex engine tries the alternatives of
# the trie's first level one after another (after the one that matched the first character fails
# deeper, all the others too), so one regex for 2,000 aliases tried ~800 alternatives at every
# letter of an English text (13 ms for 4,000 characters); regexes of a few dozen first characters
# each skip the positions they cannot match in C and try few alternatives where they can. A group is
# halved when it has more (_first_char_groups), so groups hold about 50 on average: for the bundled
# registry 1 Latin regex and 6 others of 33-72 first characters, about as many as fixed chunks of 48
# gave (1 and 7), and as fast to scan.
_FIRST_CHARS_PER_REGEX = 72
# Which regex a first character goes to is a function of the character alone (bits of this hash of
# it), not of its place among the others: a new first character then changes one regex, not every one
# after it in sorted order. Multiplying by an odd number is one-to-one on 32 bits (Fibonacci hashing:
# 2**32 / golden ratio), and its top bits spread runs of neighbouring code points.
_SPREAD = 0x9E3779B1


def _entry_from_json(obj: dict) -> SpeakerEntry | None:
    if not isinstance(obj, dict) or not obj.get("key") or not obj.get("name"):
        return None
    aliases = obj.get("aliases") or ()
    return SpeakerEntry(
        key=str(obj["key"]),
        name=str(obj["name"]),
        kind=str(obj.get("kind") or "person"),
        aliases=tuple(str(a) for a in aliases if isinstance(a, str)),
        title=str(obj.get("title") or ""),
        country=str(obj.get("country") or ""),
        wikidata=str(obj.get("wikidata") or ""),
    )


@lru_cache(maxsize=64)
def _chunk_regex(aliases: tuple[str, ...]) -> re.Pattern:
    """One scanning regex, remembered by its aliases: a worker rebuilds its database gazetteer after
    every new speaker (30-150 ms, mostly building and compiling these tries). A new alias changes the
    one chunk its first character belongs to (_first_char_groups) and the others are reused."""
    return re.compile(alternation(aliases))


def _first_char_groups(firsts: list[str], depth: int = 0) -> Iterator[list[str]]:
    """``firsts`` (sorted) in groups of at most _FIRST_CHARS_PER_REGEX, each group those whose hash
    (_SPREAD) begins with the same bits: halved on the next bit while a half is too big. A group
    depends only on the characters that share its bits, so a new first character changes its own
    group (or halves it) and leaves the others as they were."""
    if len(firsts) <= _FIRST_CHARS_PER_REGEX or depth == 32:
        if firsts:
            yield firsts
        return
    bit = 1 << (31 - depth)
    halves: tuple[list[str], list[str]] = ([], [])
    for f in firsts:
        halves[bool(ord(f) * _SPREAD & bit)].append(f)
    for half in halves:
        yield from _first_char_groups(half, depth + 1)


class Gazetteer:
    """Known speakers and their aliases: exact lookup, title stripping and scanning a text."""

    def __init__(self, entries: Iterable[SpeakerEntry] = ()):
        self.entries: tuple[SpeakerEntry, ...] = tuple(entries)
        self._by_key: dict[str, SpeakerEntry] = {}
        self._by_alias: dict[str, SpeakerEntry] = {}
        scan: dict[str, SpeakerEntry] = {}
        self._case: dict[str, str] = {}
        for e in self.entries:
            self._by_key.setdefault(e.key, e)
            for a in (e.name, *e.aliases):
                na = normalize_alias(a)
                if na:
                    self._by_alias.setdefault(na, e)
                fa = fold(a).strip()
                sa = lower_form(fa)
                if len(sa) < 2:
                    continue
                if _LATIN.match(sa) and len(sa) <= 4 and fa.isupper():
                    self._case.setdefault(sa, fa)  # "US", "EU", "BBC": case-sensitive
                scan.setdefault(sa, e)
        self._scan = scan
        self._regexes: list[re.Pattern] | None = None
        self._miss: set[str] = set()  # normalised mentions known not to resolve
        self._max_alias = max((len(a) for a in self._by_alias), default=0)

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_json(cls, path: Path | str) -> Gazetteer:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(())
        if isinstance(data, dict):  # tolerate {"speakers": [...]}
            data = data.get("speakers") or data.get("entries") or []
        if not isinstance(data, list):
            return cls(())
        return cls(e for e in map(_entry_from_json, data) if e is not None)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The registry shipped in data/speakers.json (empty when the file is missing)."""
        return _bundled()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> SpeakerEntry | None:
        return self._by_key.get(key)

    def aliases(self) -> Iterable[str]:
        """Every alias in Simplified script (for a segmenter's user dictionary)."""
        return self._scan.keys()

    # -- lookup -------------------------------------------------------------------------------
    def exact(self, mention: str) -> SpeakerEntry | None:
        return self._by_alias.get(normalize_alias(mention))

    def lookup(self, mention: str) -> SpeakerEntry | None:
        """Mention -> entry: exact alias, then with titles and institutional suffixes stripped."""
        m = normalize_alias(mention) if len(mention) <= 64 else ""
        if not m or len(m) > 40:  # no name is that long: bounded work on adversarial text
            return None
        hit = self._by_alias.get(m)
        if hit:
            return hit
        if m in self._miss:
            return None
        hit = self._lookup_stripped(m)
        if hit is None and len(self._miss) < 100_000:
            self._miss.add(m)
        return hit

    def _lookup_stripped(self, m: str) -> SpeakerEntry | None:
        # 莫斯科方面 / 美国政府 -> 莫斯科 / 美国
        for suf in NAME_SUFFIXES:
            if m.endswith(suf) and len(m) > len(suf) + 1:
                hit = self._by_alias.get(m[: -len(suf)])
                if hit:
                    return hit
        # 克宫发言人佩斯科夫 -> 佩斯科夫 (longest alias that ends the mention, after a title)
        n = len(m)
        for i in range(1, n - 1):
            tail = m[i:]
            if len(tail) > self._max_alias:
                continue
            hit = self._by_alias.get(tail)
            if hit and _title_or_place_before(m[:i]):
                return hit
        # 川普总统 -> 川普 (alias followed by a title)
        for j in range(n - 1, 1, -1):
            head = m[:j]
            if len(head) > self._max_alias:
                continue
            hit = self._by_alias.get(head)
            if hit and m[j:] in TITLE_WORDS:
                return hit
        return None

    # -- scanning -----------------------------------------------------------------------------
    def _patterns(self) -> list[re.Pattern]:
        """The aliases' trie regexes, each for the aliases of a few dozen first characters (built once)."""
        if self._regexes is None:
            by_first: dict[str, list[str]] = {}
            for alias in sorted(self._scan):
                by_first.setdefault(alias[0], []).append(alias)
            self._regexes = []
            for firsts in ([f for f in sorted(by_first) if f.isascii()], [f for f in sorted(by_first) if not f.isascii()]):
                for chunk in _first_char_groups(firsts):  # Latin and Chinese apart
                    self._regexes.append(_chunk_regex(tuple(a for f in chunk for a in by_first[f])))
        return self._regexes

    def find_all(
        self, low: str, folded: str | None = None, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, SpeakerEntry]]:
        """Leftmost-longest alias occurrences in ``low`` (lower_form(fold(text))).

        Latin aliases match whole words only; short upper-case ones ("US", "BBC") match
        case-sensitively against ``folded`` when it is given.
        """
        pats = self._patterns()
        end = len(low) if end is None else end
        out = []
        pos = start
        # The leftmost match of any regex is the one regex over every alias would find: aliases that
        # could start at one position share its first character, so they are all in one regex.
        ahead: list[re.Match | None] = [p.search(low, pos, end) for p in pats]
        firsts = [m.start() if m else end for m in ahead]  # where each regex's next match starts
        while pos < end:
            for i, first in enumerate(firsts):
                if first < pos:
                    m = ahead[i] = pats[i].search(low, pos, end)
                    firsts[i] = m.start() if m else end
            first = min(firsts, default=end)
            if first >= end:
                break
            s, e = ahead[firsts.index(first)].span()
            if e == s:
                pos = s + 1
                continue
            word = low[s:e]
            if _LATIN.match(word[-1]) and e < len(low) and _LATIN.match(low[e]):
                pos = s + 1  # ends inside a Latin word
                continue
            if _LATIN.match(word[0]) and s > 0 and _LATIN.match(low[s - 1]):
                pos = s + 1
                continue
            cased = self._case.get(word)
            if cased is not None and folded is not None and folded[s:e] != cased:
                pos = s + 1
                continue
            entry = self._scan.get(word)
            if entry is None:  # trie matched a prefix path only; try shorter forms
                pos = s + 1
                continue
            out.append((s, e, entry))
            pos = e
        return out


def _title_or_place_before(head: str) -> bool:
    """True when ``head`` ends with a title word (so what follows is a name)."""
    return any(head.endswith(t) for t in TITLE_WORDS) or head.endswith(("的", "前", "新任", "现任"))


@lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    return Gazetteer.from_json(BUNDLED_PATH)
