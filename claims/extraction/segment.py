"""Extraction core: one private jieba Tokenizer per process, built lazily (or by warm_up()).

Never touches jieba's module-level tokenizer: aliases go into our own Tokenizer with explicit
frequencies (fast to load), jieba's logging is silenced, and only short windows are segmented
(subject noun phrases), never a whole article, never with posseg.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

_LOCK = threading.Lock()
_STATE: dict = {}  # "tok": the private Tokenizer, once built
_ALIASES_ADDED: set[str] = set()
ALIAS_FREQ = 200_000  # high enough that a registered name is never split


def _new_tokenizer():
    import jieba  # imported here: loading the dictionary costs ~0.5 s and ~100 MB

    jieba.setLogLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def tokenizer():
    """The process-wide private Tokenizer (built on first use)."""
    tok = _STATE.get("tok")
    if tok is None:
        with _LOCK:
            tok = _STATE.get("tok")
            if tok is None:
                tok = _STATE["tok"] = _new_tokenizer()
    return tok


def add_aliases(aliases: Iterable[str]) -> None:
    """Register names (Simplified script) so that the tokenizer keeps them whole."""
    tok = tokenizer()
    with _LOCK:
        for a in aliases:
            if a and a not in _ALIASES_ADDED and not a.isascii():
                tok.add_word(a, freq=ALIAS_FREQ)
                _ALIASES_ADDED.add(a)


def warm_up(gazetteer=None) -> None:
    """Build the tokenizer (and add the gazetteer's aliases) before Celery forks its workers."""
    from .gazetteer import Gazetteer

    add_aliases((gazetteer or Gazetteer.bundled()).aliases())


def default_segmenter() -> Callable[[str], list[str]]:
    tok = tokenizer()
    return lambda s: tok.lcut(s, HMM=False)
