"""Management command (interface): ingest text or HTML files, or folders of them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources.cleaning import IngestError, decode_bytes
from sources.models import IngestChannel
from sources.services import article_ingest, outlet_get_or_create

SUFFIXES = {".txt", ".html", ".htm"}


def parse_published(value: str) -> dt.datetime | None:
    """An ISO date or date-time; a bare date means midnight (aware in the current zone later)."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be an ISO date like 2025-02-13; got {value!r}") from None


class Command(BaseCommand):
    help = (
        "Ingest articles from text or HTML files or folders. A NAME.meta.json beside a file supplies"
        " title, outlet, url, published, language and byline; flags apply to files without one."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders (.txt, .html)")
        parser.add_argument("--outlet", default="", help="outlet name")
        parser.add_argument("--url", default="", help="original URL (single file only)")
        parser.add_argument("--title", default="")
        parser.add_argument("--byline", default="")
        parser.add_argument("--published", default="", help="ISO date or date-time")
        parser.add_argument("--language", default="", help="zh-Hant, zh-Hans, en or other")
        parser.add_argument("--channel", default=IngestChannel.COMMAND, choices=IngestChannel.values)
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **opts):
        files: list[Path] = []
        for raw in opts["paths"]:
            path = Path(raw)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"No such file or folder: {raw}")
        if opts["url"] and len(files) > 1:
            raise CommandError("--url applies to a single file")
        default_published = parse_published(opts["published"])
        created = duplicates = failed = 0
        bar = tqdm(files, unit="article", disable=opts["no_progress"] or not files, file=self.stderr._out)
        for path in bar:
            meta_path = path.with_name(path.stem + ".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            outlet_meta = meta.get("outlet") or ({"name": opts["outlet"]} if opts["outlet"] else None)
            if isinstance(outlet_meta, str):
                outlet_meta = {"name": outlet_meta}
            try:
                text = decode_bytes(path.read_bytes())
                outlet = outlet_get_or_create(**outlet_meta) if outlet_meta and outlet_meta.get("name") else None
                result = article_ingest(
                    text=text,
                    outlet=outlet,
                    url=meta.get("url", opts["url"]),
                    title=meta.get("title", opts["title"]),
                    byline=meta.get("byline", opts["byline"]),
                    published_at=parse_published(meta["published"]) if meta.get("published") else default_published,
                    language=meta.get("language", opts["language"]),
                    channel=opts["channel"],
                )
            except IngestError as exc:
                failed += 1
                self.stderr.write(f"{path}: refused: {exc.message}")
                continue
            if result.created:
                created += 1
            else:
                duplicates += 1
                self.stdout.write(
                    f"{path}: duplicate of article {result.article.pk} (same {result.duplicate_reason})"
                )
        self.stdout.write(self.style.SUCCESS(f"{created} ingested, {duplicates} duplicates, {failed} refused"))
        if failed and not created and not duplicates:
            raise CommandError("nothing was ingested")
