"""Extraction stage 9a, statement confidence: how likely a statement's span and speaker are right.

Each statement is described by its evidence (how it was found, the cue's strength, how the speaker
was resolved, how far the naming words are, quote or reported clause, its length) and scored by a
logistic model over those features. The weights live in data/confidence.json, built by
``python -m claims.extraction.learn.confidence --fit`` from the real sets in ../shared/eval
(cross-validated by article; the same command prints precision per confidence band).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from .article import Article
from .lexicon.en import EN_VERBS
from .lexicon.zh import ZH_VERB
from .normalize import fold
from .patterns import PRONOUN
from .records import Candidate

MODEL_PATH = Path(__file__).with_name("data") / "confidence.json"
_EN_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them"))
_FOUND_BY = ("floating", "post", "答", "topic")  # statements found without a verb of their own
_EN_WEAK = frozenset(r.verb for r in EN_VERBS if r.weak)


def _load() -> dict[str, dict[str, float]]:
    try:
        return json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {}


WEIGHTS = _load()  # {"zh": {feature: weight}, "en": {...}}


def features(art: Article, st: Candidate) -> dict[str, float]:
    """The evidence a statement rests on, as named numbers (0/1 flags and scaled magnitudes)."""
    sp = st.speaker
    lang = _lang(art, st)
    text = art.doc.folded[sp.mention_start:sp.mention_end] if sp.mention_start is not None else ""
    mention = text.strip()
    f = {
        "bias": 1.0,
        "direct": float(st.kind == "direct"),
        "found_by_" + (st.cue if st.cue in _FOUND_BY else "verb"): 1.0,
        "producer": st.confidence,
        "weak_verb": float(_weak(st.cue, lang)),
        "stance_verb": float(_stance_verb(st.cue, lang)),
        "registry_speaker": float(sp.key is not None),
        "implicit_speaker": float(sp.mention_start is None),
        "pronoun_speaker": float(bool(mention) and _is_pronoun(mention, lang)),
        "person": float(sp.kind == "person"),
        "mention_len": min(len(mention), 30) / 10,
        "mention_after": float(sp.mention_start is not None and sp.mention_start > st.start),
        "distance": math.log1p(_distance(st)) / 5,
        "length": math.log1p(st.end - st.start) / 5,
        "relayed": float(bool(st.via)),
        "floating": float(st.floating),
        "headline_para": float(art.doc.headlines[st.para]),
    }
    return f


def statement_confidence(art: Article, st: Candidate) -> float:
    """The model's probability that the statement is right, rounded to two places (the producer's
    own score when no model is present)."""
    weights = WEIGHTS.get(_lang(art, st))
    if not weights:
        return st.confidence
    z = sum(weights.get(k, 0.0) * v for k, v in features(art, st).items())
    return round(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), 2)


def _lang(art: Article, st: Candidate) -> str:
    return "en" if art.doc.language_of(st.start, st.end, st.para) == "en" else "zh"


def _weak(cue: str, lang: str) -> bool:
    if lang == "en":
        return cue in _EN_WEAK
    row = ZH_VERB.get(fold(cue))
    return row is not None and row.weak


def _stance_verb(cue: str, lang: str) -> bool:
    if lang == "en":
        return False
    row = ZH_VERB.get(fold(cue))
    return row is not None and row.kind in ("support", "oppose")


def _is_pronoun(mention: str, lang: str) -> bool:
    if lang == "en":
        return mention.lower() in _EN_PRONOUNS
    return bool(PRONOUN.fullmatch(mention))


def _distance(st: Candidate) -> int:
    """Characters between the words naming the speaker and the statement."""
    sp = st.speaker
    if sp.mention_start is None or sp.mention_end is None:
        return abs(st.anchor - st.start)
    if sp.mention_end <= st.start:
        return st.start - sp.mention_end
    return max(0, sp.mention_start - st.end)
