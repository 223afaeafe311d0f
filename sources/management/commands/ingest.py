"""Management command (interface): ingest text or HTML files, or folders of them.

A folder is walked without following linked folders. Anything that cannot be ingested as a file of
that folder is skipped with its reason and the run goes on: a FIFO, socket or device (opened
without blocking, so a FIFO never hangs the run), a folder whose name ends in .txt, a symbolic
link that loops or points nowhere or leads outside the folder, and a file whose NAME.meta.json is
unreadable, not a JSON object or has a bad value. The summary counts ingested, duplicate, refused
(the text itself was refused) and skipped files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources.cleaning import IngestError, decode_bytes
from sources.models import IngestChannel
from sources.services import article_ingest, outlet_get_or_create

SUFFIXES = {".txt", ".html", ".htm"}
META_SUFFIX = ".meta.json"

# Why a path was skipped (printed as "PATH: skipped: REASON"); tests reuse these.
SKIP_NOT_REGULAR = "not a regular file"
SKIP_BROKEN_LINK = "a symbolic link that cannot be followed (a loop, or its target is missing)"
SKIP_OUTSIDE = "a symbolic link to a file outside the folder {root}"
SKIP_UNREADABLE = "cannot be read: {error}"
SKIP_META = "{name} cannot be used: {error}"
META_NOT_OBJECT = "it must hold one JSON object"
META_BAD_VALUE = "{field} must be a string without NUL characters"
META_BAD_OUTLET = "outlet must be a name or an object with a name"

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}
_OUTLET_FIELDS = {"name", "home_url", "language", "country"}
_TEXT_FIELDS = ("url", "title", "byline", "language", "published")


class Skip(Exception):
    """This path is skipped, for the reason given; the run goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_published(value: str) -> dt.datetime | None:
    """An ISO date or date-time; a bare date means midnight (aware in the current zone later)."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be an ISO date like 2025-02-13; got {value!r}") from None


def walk(folder: Path, errors: list[tuple[Path, str]]) -> Iterator[Path]:
    """Every entry under ``folder`` with a text or HTML suffix (files, and anything else so named, to
    be skipped with a reason); linked folders are not entered, so a link loop cannot recurse."""

    def unreadable(exc: OSError) -> None:
        errors.append((Path(exc.filename or folder), SKIP_UNREADABLE.format(error=exc.strerror or exc)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in dirnames + filenames:
            if Path(name).suffix.lower() in SUFFIXES:
                yield Path(dirpath) / name


def read_regular_file(path: Path, root: Path | None) -> bytes:
    """The bytes of a regular file, or Skip: links must resolve (inside ``root`` when walking a
    folder), and the file is opened without blocking and checked again once open (a FIFO that
    appears between the check and the open still cannot block)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # ELOOP, a missing target (RuntimeError: older Pythons' loops)
            raise Skip(SKIP_BROKEN_LINK) from None
        if root is not None and not target.is_relative_to(root):
            raise Skip(SKIP_OUTSIDE.format(root=root))
    try:
        _require_regular(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Skip(SKIP_UNREADABLE.format(error=exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as handle:
        _require_regular(os.fstat(handle.fileno()).st_mode)
        try:
            return handle.read()
        except OSError as exc:
            raise Skip(SKIP_UNREADABLE.format(error=exc.strerror or exc)) from None


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Skip(f"{SKIP_NOT_REGULAR} ({_KINDS.get(stat.S_IFMT(mode), 'a special file')})")


def read_meta(path: Path, root: Path | None) -> dict:
    """The NAME.meta.json beside ``path`` (empty when there is none), checked; Skip when unusable."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not os.path.lexists(meta_path):
        return {}
    try:
        meta = json.loads(read_regular_file(meta_path, root).decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError(META_NOT_OBJECT)
        for field in _TEXT_FIELDS:
            value = meta.get(field)
            if value is not None and (not isinstance(value, str) or "\x00" in value):
                raise ValueError(META_BAD_VALUE.format(field=field))
        outlet = meta.get("outlet")
        if isinstance(outlet, str):
            outlet = {"name": outlet}
        if outlet is not None and not (
            isinstance(outlet, dict)
            and set(outlet) <= _OUTLET_FIELDS
            and isinstance(outlet.get("name"), str)
            and all(isinstance(v, str) and "\x00" not in v for v in outlet.values())
        ):
            raise ValueError(META_BAD_OUTLET)
        meta["outlet"] = outlet
        if meta.get("published"):
            meta["published"] = dt.datetime.fromisoformat(meta["published"])
    except Skip as exc:
        raise Skip(SKIP_META.format(name=meta_path.name, error=exc.reason)) from None
    except (ValueError, UnicodeDecodeError) as exc:  # json.JSONDecodeError is a ValueError
        raise Skip(SKIP_META.format(name=meta_path.name, error=exc)) from None
    return meta


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
        # (path, the resolved folder it was found in, or None for a file named on the command line)
        files: list[tuple[Path, Path | None]] = []
        unreadable: list[tuple[Path, str]] = []
        for raw in opts["paths"]:
            path = Path(raw)
            if path.is_dir():
                root = path.resolve()
                files.extend((found, root) for found in sorted(walk(path, unreadable)))
            elif os.path.lexists(path):
                files.append((path, None))  # a file, or something to skip with its reason
            else:
                raise CommandError(f"No such file or folder: {raw}")
        if opts["url"] and len(files) > 1:
            raise CommandError("--url applies to a single file")
        default_published = parse_published(opts["published"])
        created = duplicates = failed = 0
        for path, reason in unreadable:
            self.stderr.write(f"{path}: skipped: {reason}")
        skipped = len(unreadable)
        bar = tqdm(files, unit="article", disable=opts["no_progress"] or not files, file=self.stderr._out)
        for path, root in bar:
            try:
                data = read_regular_file(path, root)
                meta = read_meta(path, root)
            except Skip as exc:
                skipped += 1
                self.stderr.write(f"{path}: skipped: {exc.reason}")
                continue
            outlet_meta = meta.get("outlet") or ({"name": opts["outlet"]} if opts["outlet"] else None)
            try:
                text = decode_bytes(data)
                outlet = outlet_get_or_create(**outlet_meta) if outlet_meta and outlet_meta.get("name") else None
                result = article_ingest(
                    text=text,
                    outlet=outlet,
                    url=meta.get("url", opts["url"]),
                    title=meta.get("title", opts["title"]),
                    byline=meta.get("byline", opts["byline"]),
                    published_at=meta.get("published") or default_published,
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
                self.stdout.write(f"{path}: duplicate of article {result.article.pk} (same {result.duplicate_reason})")
        self.stdout.write(
            self.style.SUCCESS(f"{created} ingested, {duplicates} duplicates, {failed} refused, {skipped} skipped")
        )
        if (failed or skipped) and not created and not duplicates:
            raise CommandError("nothing was ingested")
