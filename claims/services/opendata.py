"""Claims services: the open-data dumps (published claims, statements, stances, speakers, verdicts with
their public history) as CSV and JSONL, with a licence, a manifest and SHA-256 checksums.

Every row comes from claims.selectors.opendata, which is built on the public rule
(claims.selectors.public): nothing unpublished can reach a file. Files are written into a fresh
folder beside the target and moved in one rename each, so a reader of the served folder sees the
previous complete dump or the new one, never half a file. docs/DATA.md documents every column.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from claims.presentation import iso_utc, public_claim_url
from claims.selectors import (
    opendata_claims,
    opendata_claims_with_verdict,
    opendata_speakers,
    opendata_stances,
    opendata_statements,
    verdict_public_log,
)

# Column order of every table (the CSV header; the JSONL objects carry the same keys).
COLUMNS: dict[str, list[str]] = {
    "claims": ["id", "text", "language", "claim_type", "status", "url", "rating", "verdict_id", "published_at",
               "modified_at"],
    "statements": ["id", "claim_id", "speaker_id", "mention", "text", "kind", "language", "said_on", "venue", "via",
                   "article_url", "article_title", "outlet", "article_published_at"],
    "stances": ["id", "claim_id", "speaker_id", "polarity", "cue", "said_on", "article_url", "outlet"],
    "speakers": ["id", "name", "kind", "title", "country", "wikidata_id", "aliases"],
    "verdicts": ["claim_id", "verdict_id", "current", "rating", "summary", "explanation", "evidence_links",
                 "published_at", "recorded_at"],
}
CHECKSUMS = "SHA256SUMS"
LICENSE_FILE = "LICENSE.txt"
MANIFEST = "manifest.json"


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _claim_rows(since) -> Iterator[dict]:
    for claim in opendata_claims(since).iterator(chunk_size=500):
        verdict = claim.current_verdict if claim.current_verdict and claim.current_verdict.status == "published" else None
        yield {"id": claim.pk, "text": claim.text, "language": claim.language, "claim_type": claim.claim_type,
               "status": claim.status, "url": public_claim_url(claim), "rating": verdict.rating if verdict else None,
               "verdict_id": verdict.pk if verdict else None, "published_at": iso_utc(claim.published_at),
               "modified_at": iso_utc(claim.modified_at)}


def _statement_rows(since) -> Iterator[dict]:
    for s in opendata_statements(since).iterator(chunk_size=500):
        article = s.article
        yield {"id": s.pk, "claim_id": s.claim_id, "speaker_id": s.speaker_id, "mention": s.mention, "text": s.text,
               "kind": s.kind, "language": s.language, "said_on": _date(s.said_on), "venue": s.venue,
               "via": list(s.via or []), "article_url": article.url, "article_title": article.title,
               "outlet": article.outlet.name if article.outlet_id else None,
               "article_published_at": iso_utc(article.published_at)}


def _stance_rows(since) -> Iterator[dict]:
    for s in opendata_stances(since).iterator(chunk_size=500):
        article = s.article
        yield {"id": s.pk, "claim_id": s.claim_id, "speaker_id": s.speaker_id, "polarity": s.polarity, "cue": s.cue,
               "said_on": _date(s.said_on), "article_url": article.url if article else None,
               "outlet": article.outlet.name if article is not None and article.outlet_id else None}


def _speaker_rows(since) -> Iterator[dict]:
    for speaker in opendata_speakers(since):
        yield {"id": speaker.pk, "name": speaker.name, "kind": speaker.kind, "title": speaker.title,
               "country": speaker.country, "wikidata_id": speaker.wikidata_id,
               "aliases": [{"alias": a.alias, "script": a.script} for a in speaker.aliases.all()]}


def _verdict_rows(since) -> Iterator[dict]:
    """Each published claim's current verdict, then the earlier published states of its verdicts."""
    for claim in opendata_claims_with_verdict(since).iterator(chunk_size=200):
        verdict = claim.current_verdict
        yield {"claim_id": claim.pk, "verdict_id": verdict.pk, "current": True, "rating": verdict.rating,
               "summary": verdict.summary, "explanation": verdict.explanation,
               "evidence_links": list(verdict.evidence_links or []), "published_at": iso_utc(verdict.published_at),
               "recorded_at": iso_utc(verdict.updated_at)}
        for old in verdict_public_log(claim):
            yield {"claim_id": claim.pk, "verdict_id": old.id, "current": False, "rating": old.rating,
                   "summary": old.summary, "explanation": old.explanation, "evidence_links": None,
                   "published_at": iso_utc(old.published_at), "recorded_at": iso_utc(old.history_date)}


_TABLES = {"claims": _claim_rows, "statements": _statement_rows, "stances": _stance_rows,
           "speakers": _speaker_rows, "verdicts": _verdict_rows}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _write_table(folder: Path, name: str, rows: Iterable[dict]) -> int:
    count = 0
    columns = COLUMNS[name]
    with (open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as csv_file,
          open(folder / f"{name}.jsonl", "w", encoding="utf-8") as jsonl_file):
        writer = csv.writer(csv_file)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
            jsonl_file.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def open_data_export(out_dir: Path | str, *, since: dt.datetime | None = None) -> list[Path]:
    """Write every table as CSV and JSONL, the licence, a manifest and SHA256SUMS into ``out_dir``.

    Only published material (claims.selectors.opendata). Returns the paths written, checksums last.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        counts = {name: _write_table(staging, name, rows(since)) for name, rows in _TABLES.items()}
        (staging / LICENSE_FILE).write_text(
            f"{settings.FACTDESK_OPEN_DATA_LICENSE}\n{settings.FACTDESK_OPEN_DATA_LICENSE_URL}\n\n"
            f"Published by {settings.FACTDESK_PUBLISHER_NAME} ({settings.FACTDESK_SITE_URL}). "
            "Quotes are excerpts of articles that belong to their publishers.\n", encoding="utf-8")
        manifest = {
            "generated_at": iso_utc(timezone.now()), "since": iso_utc(since) if since else None,
            "license": settings.FACTDESK_OPEN_DATA_LICENSE, "license_url": settings.FACTDESK_OPEN_DATA_LICENSE_URL,
            "publisher": settings.FACTDESK_PUBLISHER_NAME, "site": settings.FACTDESK_SITE_URL,
            "schema": "docs/DATA.md", "rows": counts,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        names = sorted(p.name for p in staging.iterdir())
        (staging / CHECKSUMS).write_text("".join(f"{_sha256(staging / n)}  {n}\n" for n in names), encoding="utf-8")
        written = []
        for name in [*names, CHECKSUMS]:
            (staging / name).replace(out / name)  # one rename per file: never half a file in ``out``
            written.append(out / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)

