"""Management command (interface): write the open-data dump (published material only) into a folder.

    python manage.py export --out DIR [--since YYYY-MM-DD]

CSV and JSON Lines per table, LICENSE.txt, manifest.json and SHA256SUMS; docs/DATA.md is the schema.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from claims import services

ERROR_SINCE = "--since takes a date (YYYY-MM-DD) or an ISO 8601 time, e.g. 2025-01-31."


def parse_since(value: str | None) -> dt.datetime | None:
    """A date (midnight UTC) or an ISO time (UTC when no zone is given), or None."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(ERROR_SINCE) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class Command(BaseCommand):
    help = "Write published claims, statements, stances, speakers and verdicts as CSV and JSONL with checksums."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="folder to write into (created if missing)")
        parser.add_argument("--since", help="only claims whose public record changed on or after this date")

    def handle(self, *args, **opts):
        written = services.open_data_export(opts["out"], since=parse_since(opts.get("since")))
        for path in written:
            self.stdout.write(f"{path.stat().st_size:>12,}  {path}")
        self.stdout.write(self.style.SUCCESS(f"{len(written)} files written to {opts['out']}"))
