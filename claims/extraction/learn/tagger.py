"""Extraction, learned English attribution: the CRF tagger (source / cue / content over the tokens of an
English paragraph) and the spans it finds, linked into attributions.

The model (data/en_attribution.crfsuite, built by ``python -m claims.extraction.learn.train``) is
loaded once at import; without it, or without python-crfsuite, the tagger finds nothing and the
rules stand alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..article import Article
from ..document import CJK, Document
from .features import Token, paragraph_features, speech_words, tokenize

try:
    import pycrfsuite
except ImportError:  # without the library the tagger finds nothing and the rules stand alone
    pycrfsuite = None

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "en_attribution.crfsuite"
MAX_PARAGRAPH = 4000  # characters: longer lines (tables, dumps) are not tagged (bounded work)
LABELS = ("S", "C", "T")  # source, cue, content (BIO: B-S, I-S, ...)
_SENTENCE_END = frozenset((".", "!", "?"))


def load_model(path: Path):
    """A crfsuite model, or None (no library, no file, a broken file: the rules stand alone)."""
    if pycrfsuite is None:
        return None
    try:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return tagger
    except Exception:  # no library, no model, a broken file: the rules stand alone
        return None


_LOADED = {"tagger": load_model(MODEL_PATH) if MODEL_PATH.exists() else None}  # one model per process


def use_model(path: Path | None) -> None:
    """Swap the model (cross-validation trains one per fold); None: no tagger."""
    _LOADED["tagger"] = load_model(path) if path is not None else None


def available() -> bool:
    return _LOADED["tagger"] is not None


@dataclass(frozen=True)
class Span:
    label: str  # S | C | T
    first: int  # token indexes, inclusive
    last: int
    start: int  # character offsets
    end: int


@dataclass(frozen=True)
class Tagged:
    """One attribution the tagger found: its content, and the cue and source linked to it."""

    content: Span
    cue: Span | None
    source: Span | None
    para: int
    confidence: float = 0.0  # the model's mean marginal probability of the content's labels


def english_paragraphs(doc: Document) -> list[int]:
    """Paragraphs the tagger reads: English (no Chinese characters), not blank, not over-long."""
    out = []
    for para, (s, e) in enumerate(zip(doc.paragraph_starts, doc.paragraph_ends, strict=True)):
        if 20 <= e - s <= MAX_PARAGRAPH and not CJK.search(doc.folded, s, e) and not doc.headlines[para] \
                and not english_headline(doc.folded[s:e]):
            out.append(para)
    return out


def english_headline(line: str) -> bool:
    """A title-case line without a sentence end ('Clinton Says Trump's Plan Won't Work'): a headline."""
    words = line.split()
    if not words or len(words) > 25 or line.rstrip()[-1:] in '.!?"”’\'':
        return False
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def tag_article(art: Article) -> list[Tagged]:
    """Every attribution the tagger finds in the article's English paragraphs."""
    model = _LOADED["tagger"]
    if model is None:
        return []
    doc = art.doc
    out: list[Tagged] = []
    for para in english_paragraphs(doc):
        start, end = doc.paragraph(para)
        if not speech_words(doc.folded, start, end):
            continue  # no cue a statement needs (producer._speech_cue): nothing to tag
        tokens = tokenize(doc.folded, start, end)
        if len(tokens) < 4:
            continue
        labels = model.tag(paragraph_features(doc, art.mentions, tokens))
        out += [_with_confidence(model, labels, t) for t in link(tokens, spans_of(tokens, labels), para)]
    return out


def _with_confidence(model, labels: list[str], t: Tagged) -> Tagged:
    """The content span's mean marginal (of the labels it was given), from the tagged sequence."""
    span = range(t.content.first, t.content.last + 1)
    p = sum(model.marginal(labels[i], i) for i in span) / len(span)
    return Tagged(t.content, t.cue, t.source, t.para, round(p, 3))


def spans_of(tokens: list[Token], labels: list[str]) -> list[Span]:
    """Contiguous runs of one label (a B- starts a new run)."""
    spans: list[Span] = []
    cur: list[int] | None = None  # [label index, first, last]
    for i, lab in enumerate([*labels, "O"]):
        kind = lab[2:] if lab != "O" else ""
        if cur is not None and (lab == "O" or lab.startswith("B-") or LABELS[cur[0]] != kind):
            spans.append(Span(LABELS[cur[0]], cur[1], cur[2], tokens[cur[1]].start, tokens[cur[2]].end))
            cur = None
        if kind:
            if cur is None:
                cur = [LABELS.index(kind), i, i]
            else:
                cur[2] = i
    return spans


def _distance(tokens: list[Token], a: Span, b: Span) -> int:
    """Tokens between two spans, plus 30 for each sentence end between them (outside quotes)."""
    lo, hi = (a.last, b.first) if a.last < b.first else (b.last, a.first)
    ends = sum(1 for t in tokens[lo + 1: hi] if t.word in _SENTENCE_END)
    return max(0, hi - lo - 1) + 30 * ends


def link(tokens: list[Token], spans: list[Span], para: int) -> list[Tagged]:
    """Each content span with its nearest cue, and the source nearest that cue (or the content)."""
    cues = [s for s in spans if s.label == "C"]
    sources = [s for s in spans if s.label == "S"]
    out = []
    for content in (s for s in spans if s.label == "T"):
        cue = min(cues, key=lambda c: _distance(tokens, c, content), default=None)
        anchor = cue or content
        source = min(sources, key=lambda s: _distance(tokens, s, anchor), default=None)
        if source is not None and _distance(tokens, source, anchor) > 60:
            source = None
        out.append(Tagged(content, cue, source, para))
    return out
