"""Extraction, learned English attribution: training sequences from gold files (training time only).

Each gold statement converted from PolNeAR names its content span, its source (``mention``) and its
cue (in ``note``: "cue 'said'"); the source and the cue are found as the occurrences nearest the
content. Every PolNeAR attribution is used, optional or not (a pronoun source is still a source);
quotations nested in another statement were added by the conversion and are left out. Outer
attributions win where they overlap (the tagger is flat).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..gazetteer import Gazetteer
from ..pipeline import read_article
from .features import Token, paragraph_features, tokenize
from .tagger import english_paragraphs

_CUE_NOTE = re.compile(r"cue '(.*?)'(?: \||$)")
_REACH = 400  # characters: a cue or a source is looked for this far from its content


@dataclass(frozen=True)
class GoldSpan:
    label: str  # S | C | T
    start: int
    end: int


@dataclass(frozen=True)
class Sequence:
    article: str
    features: list[list[str]]
    labels: list[str]


def gold_articles(folder: Path) -> list[tuple[str, str, dt.date | None, dict]]:
    """(name, text, published, gold) of every article in folder, sorted by name."""
    out = []
    for g in sorted(folder.glob("*.gold.json")):
        stem = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text(encoding="utf-8"))
        pub = gold.get("published")
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        out.append((stem, text, dt.date.fromisoformat(pub) if pub else None, gold))
    return out


def _nearest(text: str, needle: str, start: int, end: int, *, outside: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of needle nearest [start, end), not overlapping outside, within _REACH."""
    if not needle.strip():
        return None
    best = None
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    for m in re.finditer(re.escape(needle), text[lo:hi], re.I):
        s, e = lo + m.start(), lo + m.end()
        if s < outside[1] and e > outside[0]:
            continue
        d = s - end if s >= end else (start - e if e <= start else 0)
        if best is None or d < best[0]:
            best = (d, s, e)
    return (best[1], best[2]) if best else None


def statement_spans(text: str, st: dict) -> list[GoldSpan]:
    """The content, cue and source spans of one gold statement (cue and source when found)."""
    content = (st["start"], st["end"])
    out = [GoldSpan("T", *content)]
    m = _CUE_NOTE.search(st.get("note", ""))
    cue = _nearest(text, m.group(1), *content, outside=content) if m else None
    if cue is not None:
        out.append(GoldSpan("C", *cue))
    if "(Source -," not in st.get("note", ""):
        anchor = cue or content
        source = _nearest(text, st.get("mention") or "", *anchor, outside=content)
        if source is not None:
            out.append(GoldSpan("S", *source))
    return out


def article_spans(text: str, gold: dict) -> list[list[GoldSpan]]:
    """The spans of every PolNeAR attribution, outer (longest content) first."""
    groups = [statement_spans(text, st) for st in gold["statements"] if not st["note"].startswith("quotation inside")]
    return sorted(groups, key=lambda g: g[0].start - g[0].end)


def token_labels(tokens: list[Token], groups: list[list[GoldSpan]]) -> list[str]:
    """BIO labels: a token takes a span's label when more than half of it lies inside; first come
    (outer) first served."""
    kinds = [""] * len(tokens)
    owner = [-1] * len(tokens)
    for g, spans in enumerate(groups):
        for sp in spans:
            for i, t in enumerate(tokens):
                if t.start >= sp.end:
                    break
                inside = min(t.end, sp.end) - max(t.start, sp.start)
                if kinds[i] == "" and inside * 2 > t.end - t.start:
                    kinds[i], owner[i] = sp.label, g
    out = []
    for i, k in enumerate(kinds):
        if not k:
            out.append("O")
        else:
            same = i > 0 and kinds[i - 1] == k and owner[i - 1] == owner[i]
            out.append(("I-" if same else "B-") + k)
    return out


def article_sequences(name: str, text: str, published: dt.date | None, gold: dict,
                      gazetteer: Gazetteer) -> list[Sequence]:
    """One training sequence per English paragraph of the article."""
    art = read_article(text, published, gazetteer)
    doc = art.doc
    groups = article_spans(doc.text, gold)
    out = []
    for para in english_paragraphs(doc):
        ps, pe = doc.paragraph(para)
        tokens = tokenize(doc.folded, ps, pe)
        if len(tokens) < 4:
            continue
        here = [[sp for sp in g if sp.start < pe and sp.end > ps] for g in groups]
        labels = token_labels(tokens, [g for g in here if g])
        out.append(Sequence(name, paragraph_features(doc, art.mentions, tokens), labels))
    return out
