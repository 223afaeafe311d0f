"""Extraction, learned English attribution: the filter that keeps or drops a statement the tagger found.

A second, small model (a logistic classifier, trained with crfsuite on one-item sequences) reads what
the tagger decided and how the statement was built: the model's own confidence, the cue's words, how
the content starts and how long it is, where the cue and the source stand, how the speaker was
resolved. It is trained on the tagger's out-of-fold statements (train.py), so it learns the mistakes
the tagger makes on articles it has not seen; its probability is the statement's confidence.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from ..article import Article
from ..records import Candidate
from .tagger import Tagged, load_model

FILTER_PATH = Path(__file__).resolve().parent.parent / "data" / "en_attribution_filter.crfsuite"
KEEP = 0.5  # a tagged statement is kept when the filter gives it at least this probability

_WORD = re.compile(r"[a-z’']+")
_NEGATION = re.compile(r"\b(?:not|never|n[’']t|no longer|declined|refused)\b")
_AUX = frozenset("is are was were be been being has have had will would could should can may might must do does did "
                 "isn’t wasn’t won’t can’t don’t doesn’t didn’t".split())
_OPENERS = frozenset("that whether if how why what when where who to".split())
_PRONOUNS = frozenset("he she they it i we you".split())
_LOADED = {"filter": load_model(FILTER_PATH) if FILTER_PATH.exists() else None}


def use_filter(path: Path | None) -> None:
    """Swap the filter (cross-validation trains one per fold); None: every tagged statement is kept."""
    _LOADED["filter"] = load_model(path) if path is not None else None


def _h(prefix: str, word: str) -> str:
    return f"{prefix}{zlib.crc32(word.encode('utf-8')) & 0xFFFF:x}"


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return sum(1 for e in edges if n >= e)


def candidate_features(art: Article, t: Tagged, st: Candidate, via_source: bool) -> list[str]:
    """What the filter reads about one tagged statement."""
    low = art.doc.lowered
    words = _WORD.findall(low[st.start:st.end])
    cue_words = _WORD.findall(low[t.cue.start:t.cue.end]) if t.cue else []
    f = [f"m{int(t.confidence * 10)}", f"k{st.kind}", f"sp{st.speaker.kind}", f"len{_bucket(len(words), (4, 7, 13, 26))}",
         "res" + ("S" if via_source else "C"), f"cn{min(len(cue_words), 3)}"]
    f += [_h("cw", w) for w in cue_words]
    f += [_h("c0", words[0]) if words else "c0-", _h("c1", words[1]) if len(words) > 1 else "c1-"]
    if words and words[0] in _OPENERS:
        f.append("opener")
    if any(w in _AUX for w in words[:10]):
        f.append("aux")
    if any(m in low[st.start:st.end] for m in ('"', "“", "''")):
        f.append("quote")
    if t.cue is not None:
        f += _placement(t)
        if _NEGATION.search(low[max(0, t.cue.start - 20):t.cue.end]):
            f.append("neg")
    f += _source(low, t)
    return f


def _placement(t: Tagged) -> list[str]:
    cue, content = t.cue, t.content
    if cue.last < content.first:
        return ["after", f"gap{_bucket(content.first - cue.last - 1, (1, 2, 4, 8))}"]
    if content.last < cue.first:
        return ["before", f"gapb{_bucket(cue.first - content.last - 1, (1, 2, 4, 8))}"]
    return ["around"]


def _source(low: str, t: Tagged) -> list[str]:
    if t.source is None:
        return ["src-"]
    words = low[t.source.start:t.source.end].split()
    if len(words) == 1 and words[0] in _PRONOUNS:
        return ["srcP"]
    side = "L" if t.source.last < t.content.first else ("R" if t.source.first > t.content.last else "I")
    return [f"srcn{_bucket(len(words), (2, 3, 5, 9))}", "srcside" + side]


def keep_probability(features: list[str]) -> float:
    """The filter's probability that the statement is right (1.0 without a filter)."""
    model = _LOADED["filter"]
    if model is None:
        return 1.0
    model.set([features])
    model.tag()
    return model.marginal("Y", 0)
