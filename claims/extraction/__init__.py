"""Attribution extraction for Chinese (Traditional and Simplified) and English news.

Pure Python, no Django: ``extract(text) -> Extraction`` finds who said what (direct quotes
and reported speech), when, through whom, which statements say the same thing, and who
supports or rejects what.
"""

from __future__ import annotations

import datetime as dt

from .gazetteer import Gazetteer
from .normalize import normalize_alias, to_simplified
from .pipeline import extract_article
from .serialize import to_json
from .types import Extraction, ProposedSpeaker, SpeakerEntry, Stance, Statement
from .version import EXTRACTOR_VERSION

__all__ = [
    "EXTRACTOR_VERSION", "Extraction", "Gazetteer", "ProposedSpeaker", "SpeakerEntry", "Stance",
    "Statement", "extract", "normalize_alias", "to_json", "to_simplified",
]


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Statements, stances and proposed new speakers in ``text`` (deterministic).

    ``gazetteer=None`` uses the bundled registry; ``published`` resolves relative dates
    (12日, "on Friday").
    """
    if not isinstance(text, str) or not text.strip():
        return Extraction(version=EXTRACTOR_VERSION)
    gaz = gazetteer if gazetteer is not None else Gazetteer.bundled()
    return extract_article(text, published, gaz)
