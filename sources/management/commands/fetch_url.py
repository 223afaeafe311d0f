"""Management command (interface): fetch one or more URLs and ingest them like any article."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sources.cleaning import IngestError
from sources.models import IngestChannel
from sources.services import article_ingest_url, outlet_get_or_create


class Command(BaseCommand):
    help = "Fetch URLs and ingest their main text (each fetch is recorded in the fetch log)."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", help="http(s) URLs of article pages")
        parser.add_argument("--outlet", default="", help="outlet name (created when new)")
        parser.add_argument("--user", default="", help="username recorded as the submitter")

    def handle(self, *args, **opts):
        user = None
        if opts["user"]:
            user = get_user_model().objects.filter(username=opts["user"]).first()
            if user is None:
                raise CommandError(f"No such user: {opts['user']}")
        outlet = outlet_get_or_create(name=opts["outlet"]) if opts["outlet"] else None
        refused = 0
        for url in opts["urls"]:
            try:
                result = article_ingest_url(url, user=user, outlet=outlet, channel=IngestChannel.URL)
            except IngestError as exc:
                refused += 1
                self.stderr.write(f"{url}: refused: {exc.message}")
                continue
            if result.created:
                self.stdout.write(f"{url}: ingested as article {result.article.pk} (version {result.article.version})")
            else:
                self.stdout.write(f"{url}: duplicate of article {result.article.pk} (same {result.duplicate_reason})")
        if refused == len(opts["urls"]):
            raise CommandError(f"nothing was ingested ({refused} refused)")
