"""Extraction core: the JSON shape printed by ``python -m claims.extraction`` (see eval README)."""

from __future__ import annotations

from .types import Extraction


def to_json(extraction: Extraction) -> dict:
    return {
        "version": extraction.version,
        "statements": [
            {
                "speaker": s.speaker,
                "speaker_key": s.speaker_key,
                "mention": s.mention,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "kind": s.kind,
                "language": s.language,
                "said_on": s.said_on.isoformat() if s.said_on else None,
                "via": list(s.via),
                "claim": s.claim_key,
                "cue": s.cue,
                "confidence": s.confidence,
            }
            for s in extraction.statements
        ],
        "stances": [
            {"speaker": t.speaker, "speaker_key": t.speaker_key, "polarity": t.polarity, "target": t.target,
             "cue": t.cue, "mention": t.mention, "confidence": t.confidence}
            for t in extraction.stances
        ],
        "new_speakers": [
            {"name": p.name, "aliases": list(p.aliases), "title": p.title, "kind": p.kind}
            for p in extraction.new_speakers
        ],
    }
