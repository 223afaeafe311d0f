"""Management command (interface): rebuild every claim's search text, e.g. after an upgrade that
changed what the index holds (speaker identity tokens, new aliases), with ``manage.py search_reindex``.

Each claim is reindexed through ``services.claim_reindex`` (its own short transaction), in id order,
so the command can be stopped and resumed with ``--from-id``; readers keep searching meanwhile.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from claims import services
from claims.models import Claim


class Command(BaseCommand):
    help = "Rebuild the search text of every claim (or of claims from --from-id on), in id order."

    def add_arguments(self, parser):
        parser.add_argument("--from-id", type=int, default=0, help="start at this claim id (resume a stopped run)")
        parser.add_argument("--batch", type=int, default=500, help="claim ids read per query")

    def handle(self, *args, **opts):
        last, done = opts["from_id"] - 1, 0
        while True:
            ids = list(Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[: opts["batch"]])
            if not ids:
                break
            for claim_id in ids:
                services.claim_reindex(claim_id)
            done += len(ids)
            last = ids[-1]
            self.stdout.write(f"reindexed {done} claims (last id {last})")
        self.stdout.write(self.style.SUCCESS(f"done: {done} claims reindexed"))
