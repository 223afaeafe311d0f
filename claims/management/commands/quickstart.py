"""Management command (interface): one step from a fresh clone to a product with data to show.

Idempotent: migrates, makes an admin login (printed), ingests the team's sample articles,
extracts them, and publishes a few reviewed claims with verdicts. Never prompts with --noinput.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.urls import reverse

from claims import services
from claims.models import Claim, ReviewState, Statement, Verdict
from claims.roles import EDITOR
from sources.models import Article, ExtractionStatus

SAMPLES = Path(settings.BASE_DIR) / "sources" / "samples"
DEMO_VERDICTS = SAMPLES / "demo_verdicts.json"


class Command(BaseCommand):
    help = "Migrate, create an admin login, ingest and extract the sample articles, publish demo verdicts."

    def add_arguments(self, parser):
        parser.add_argument("--noinput", "--no-input", action="store_true", help="never prompt")
        parser.add_argument("--username", default="admin")

    def handle(self, *args, **opts):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("database migrated")
        user, password = self._admin(opts["username"])
        call_command("ingest", str(SAMPLES), channel="sample", no_progress=True, stdout=self.stdout)
        extracted = self._extract_pending()
        published = self._publish_demo(user)
        self.stdout.write(self.style.SUCCESS(
            f"quickstart done: {Article.objects.count()} articles ({extracted} extracted now), "
            f"{Statement.objects.count()} statements, {published} demo verdicts published now, "
            f"{Claim.objects.filter(published=True).count()} published claims"
        ))
        # Last, after everything else, so it is the line left on screen above the server's banner.
        self.stdout.flush()
        self.stderr.flush()
        self.stdout.write(
            f"admin login: {user.username} / {password}  (http://127.0.0.1:8000{reverse('admin:index')}; "
            f"the password is kept in {self._shown(self._secret_file())})"
        )

    @staticmethod
    def _secret_file() -> Path:
        return Path(settings.VAR_DIR) / "admin-password.txt"

    @staticmethod
    def _shown(path: Path) -> str:
        """``var/admin-password.txt`` inside the checkout, else the absolute path."""
        try:
            return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
        except ValueError:
            return str(path)

    def _admin(self, username: str):
        """The admin user, created with a random password kept in var/ (never committed)."""
        secret_file = self._secret_file()
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_superuser(username=username, email="", password=password)
            secret_file.parent.mkdir(parents=True, exist_ok=True)
            secret_file.write_text(password + "\n", encoding="utf-8")
            self.stdout.write(f"created admin user {username!r}")
        else:
            password = secret_file.read_text(encoding="utf-8").strip() if secret_file.exists() else "(unchanged)"
        editors = Group.objects.filter(name=EDITOR).first()
        if editors:
            user.groups.add(editors)
        return user, password

    def _extract_pending(self) -> int:
        """Extract every article not yet done, in this process (works without a worker)."""
        count = 0
        for article_id in Article.objects.exclude(extraction_status=ExtractionStatus.DONE).values_list("id", flat=True):
            try:
                outcome = services.article_extract(article_id)
            except ImportError as exc:  # extractor not installed: articles stay pending
                self.stderr.write(f"extraction unavailable ({exc}); articles left pending")
                return count
            except Exception as exc:  # noqa: BLE001 - a bad sample must not stop the demo
                services.article_extraction_failed(article_id, f"{type(exc).__name__}: {exc}")
                continue
            count += int(not outcome.skipped)
        return count

    def _publish_demo(self, user) -> int:
        """Accept the statements named in demo_verdicts.json and publish their verdicts (once)."""
        if not DEMO_VERDICTS.exists():
            return 0
        published = 0
        for item in json.loads(DEMO_VERDICTS.read_text(encoding="utf-8")):
            statements = Statement.objects.filter(text__contains=item["match"]).order_by("id")
            first = statements.first()
            if first is None:
                continue
            if first.claim_id and Verdict.objects.filter(claim_id=first.claim_id).exists():
                continue  # already done on an earlier run
            statement = services.statement_accept(
                first, user=user, new_claim_text=item.get("claim", ""), claim_type=item.get("type", "factual")
            )
            for other in statements.exclude(pk=first.pk).filter(review_state=ReviewState.CANDIDATE):
                services.statement_accept(other, user=user, claim=statement.claim)
            same_key = Statement.objects.filter(
                claim_key=first.claim_key, review_state=ReviewState.CANDIDATE
            ).exclude(claim_key="")
            for other in same_key:
                services.statement_accept(other, user=user, claim=statement.claim)
            verdict = services.verdict_draft(
                claim=statement.claim,
                user=user,
                rating=item["rating"],
                summary=item.get("summary", ""),
                explanation=item["explanation"],
                evidence_links=item.get("evidence", []),
            )
            services.verdict_publish(verdict, user=user)
            published += 1
        return published
