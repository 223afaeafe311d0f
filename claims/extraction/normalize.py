"""Extraction core: alias normalisation shared by the gazetteer and the SpeakerAlias model."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

# One converter per process: OpenCC objects are cheap to call and costly to build.
_T2S = opencc.OpenCC("t2s")

# Characters that carry no identity in a name: spaces, middle dots, quote and title marks.
_DROP = set(" \t\n\u3000《》「」『』\"'“”‘’@.-・·•‧")


# A character OpenCC may convert: t2s and s2t leave every character below U+2E80 (Latin, Greek,
# Cyrillic, punctuation, symbols) as it is, alone or in any phrase, so a text without one of these
# needs no call (each call costs ~10 us before the first character; English text never needs one).
_CONVERTIBLE = re.compile(r"[^\x00-\u2e7f]")
_SHORT = 16  # fold() results of words this short are kept (cue verbs, names: the same few recur)


def to_simplified(text: str) -> str:
    """Traditional to Simplified with OpenCC t2s (character-level, length-preserving in practice)."""
    if _CONVERTIBLE.search(text) is None:
        return text
    return _T2S.convert(text)


def to_simplified_each(texts: list[str]) -> list[str]:
    """to_simplified of each text, in one OpenCC call: no entry of the t2s dictionaries holds a newline, so a
    newline is never inside a converted phrase and texts joined by newlines convert as they do one by one.
    Each call costs a few microseconds before its first character (the statements of an article: ~30)."""
    if len(texts) < 2 or any("\n" in t for t in texts):
        return [to_simplified(t) for t in texts]
    out = to_simplified("\n".join(texts)).split("\n")
    return out if len(out) == len(texts) else [to_simplified(t) for t in texts]


# The characters that are no letter or digit (Unicode categories other than L*, N*): \w is exactly the letters,
# the digits and "_" (tests/extraction/test_claim_keys.py checks every code point), so dropping them is one regex
# scan, where str.translate looks every character up in a table (about twice as slow on Chinese text). ASCII text
# is the other way round (str.translate has a fast path for it, the regex is four times slower there).
_NOT_ALNUM = re.compile(r"[\W_]+")
_ASCII_DROP = {cp: None for cp in range(128) if not chr(cp).isalnum()}
_ASCII_SPACE = {cp: " " for cp in _ASCII_DROP}


def letters_and_digits(text: str) -> str:
    """The text without its punctuation, symbols, spaces and other characters that are no letter or digit."""
    return text.translate(_ASCII_DROP) if text.isascii() else _NOT_ALNUM.sub("", text)


def alnum_words(text: str) -> list[str]:
    """The runs of letters and digits of a text."""
    return (text.translate(_ASCII_SPACE) if text.isascii() else _NOT_ALNUM.sub(" ", text)).split()


@lru_cache(maxsize=65536)
def normalize_alias(alias: str) -> str:
    """NFKC, Traditional folded to Simplified, case-folded, name punctuation removed."""
    s = unicodedata.normalize("NFKC", alias or "")
    s = to_simplified(s).casefold()
    return "".join(ch for ch in s if ch not in _DROP)


# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space folded to ASCII, one character for
# one character, so that every offset in the folded text is an offset in the original.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH[0xFE50] = ord(",")  # small comma
_WIDTH[0xFE52] = ord(".")
_WIDTH[0x00A0] = 0x20  # no-break space
_WIDE_CHARS = {chr(k): chr(v) for k, v in _WIDTH.items()}
_WIDE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_WIDE_CHARS)) + "]")


def _t2s_same_length(text: str) -> str:
    """t2s that is guaranteed length-preserving (falls back to one character at a time)."""
    out = to_simplified(text)
    if len(out) == len(text):
        return out
    parts = []
    for ch in text:  # rare path: a multi-character mapping somewhere in the text
        c = _T2S.convert(ch)
        parts.append(c if len(c) == 1 else ch)
    return "".join(parts)


def _lower_same_length(text: str) -> str:
    out = text.lower()
    if len(out) == len(text):
        return out
    return "".join(c if len(c := ch.lower()) == 1 else ch for ch in text)


def width_folded(text: str) -> str:
    """Full-width ASCII and ideographic spaces folded, nothing else (same length)."""
    # Each distinct wide character the text holds (a Chinese text: a dozen punctuation marks) is replaced in one
    # scan: str.translate looks every character of the text up in the table, several times slower. The
    # replacements are ASCII, none of them wide, so the order they are made in does not matter.
    for ch in set(_WIDE.findall(text)):
        text = text.replace(ch, _WIDE_CHARS[ch])
    return text


def fold(text: str) -> str:
    """Width-folded and Simplified (case kept), exactly as long as ``text``.

    Offsets found in the folded text are offsets in ``text``.
    """
    if len(text) <= _SHORT:
        return _fold_short(text)
    return simplified(width_folded(text))


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return simplified(width_folded(text))


def simplified(width: str) -> str:
    """fold() of a text already width-folded (same length)."""
    out = _t2s_same_length(width)
    assert len(out) == len(width)
    return out


def lower_form(text: str) -> str:
    """Lower-cased, exactly as long as ``text``."""
    return _lower_same_length(text)


_S2T = opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified to Traditional with OpenCC s2t (used to tell the script of a statement)."""
    if _CONVERTIBLE.search(text) is None:
        return text
    return _S2T.convert(text)
