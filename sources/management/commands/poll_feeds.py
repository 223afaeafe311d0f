"""Management command (interface): poll feeds now, in this process (what beat does through workers)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sources.models import Feed
from sources.services import feed_poll, feeds_due


class Command(BaseCommand):
    help = "Poll the feeds that are due (default), or the given feed ids, and print what each poll found."

    def add_arguments(self, parser):
        parser.add_argument("feed_ids", nargs="*", type=int, help="poll these feeds even if not due")

    def handle(self, *args, **opts):
        ids = opts["feed_ids"]
        if ids:
            missing = sorted(set(ids) - set(Feed.objects.filter(pk__in=ids).values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"No such feed: {', '.join(map(str, missing))}")
        else:
            ids = feeds_due()
        for feed_id in ids:
            result = feed_poll(feed_id, force=bool(opts["feed_ids"]))
            self.stdout.write(f"feed {feed_id}: {result.outcome}: {result.detail}")
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} feeds polled"))
