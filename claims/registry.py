"""Curated speaker registry: loads claims/extraction/data/speakers.json into the database.

Called by data migrations (with historical models) so that every database has the registry;
updates to the registry ship as later migrations that call ``registry_sync`` again. The sync is
idempotent: it creates missing speakers and aliases and never deletes or renames what a reviewer
may have changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.utils.text import slugify

from claims.extraction.normalize import normalize_alias, to_simplified, to_traditional

REGISTRY_PATH = Path(__file__).resolve().parent / "extraction" / "data" / "speakers.json"
_HAN = re.compile(r"[\u3400-\u9fff]")


def load_registry(path: Path = REGISTRY_PATH) -> list[dict]:
    """The registry entries, or an empty list when the file is absent."""
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def alias_script(alias: str) -> str:
    """zh-Hant, zh-Hans, zh (same in both scripts), en or other, for one written name."""
    if _HAN.search(alias):
        simplified = to_simplified(alias)
        if simplified != alias:
            return "zh-Hant"
        return "zh-Hans" if to_traditional(alias) != alias else "zh"
    if alias.isascii():
        return "en"
    return "other"


def registry_sync(speaker_model, alias_model, entries: list[dict] | None = None) -> tuple[int, int]:
    """Create registry speakers and aliases missing from the database; returns (speakers, aliases) added."""
    entries = load_registry() if entries is None else entries
    added_speakers = added_aliases = 0
    used_wikidata = set(speaker_model.objects.exclude(wikidata_id=None).values_list("wikidata_id", flat=True))
    for entry in entries:
        speaker = speaker_model.objects.filter(registry_key=entry["key"]).first()
        if speaker is None:
            wikidata = entry.get("wikidata") or None
            if wikidata in used_wikidata:
                wikidata = None
            slug = slugify(entry["name"], allow_unicode=True)[:200] or entry["key"]
            if speaker_model.objects.filter(slug=slug).exists():
                slug = f"{slug}-{entry['key']}"[:220]
            speaker = speaker_model.objects.create(
                name=entry["name"],
                slug=slug,
                kind=entry.get("kind", "person"),
                title=entry.get("title", "")[:300],
                country=(entry.get("country") or "")[:2],
                wikidata_id=wikidata,
                registry_key=entry["key"],
                origin="curated",
                confirmed=True,
            )
            if wikidata:
                used_wikidata.add(wikidata)
            added_speakers += 1
        existing = set(alias_model.objects.filter(speaker=speaker).values_list("alias", flat=True))
        new_aliases = []
        for raw_alias in dict.fromkeys([entry["name"], *entry.get("aliases", [])]):
            alias = raw_alias.strip()[:200]
            normalized = normalize_alias(alias)
            if not alias or not normalized or alias in existing:
                continue
            existing.add(alias)
            new_aliases.append(
                alias_model(
                    speaker=speaker, alias=alias, normalized=normalized[:200], script=alias_script(alias), origin="curated"
                )
            )
        alias_model.objects.bulk_create(new_aliases)
        added_aliases += len(new_aliases)
    return added_speakers, added_aliases
