"""quickstart: one idempotent step from a fresh database to a product with data to show."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from claims.models import Claim, Statement, Verdict
from sources.models import Article, ExtractionStatus
from tests.commands import run_django


@pytest.mark.django_db(transaction=True)
def test_quickstart_ingests_extracts_and_publishes_and_is_idempotent(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("quickstart", "--noinput")
    out = capsys.readouterr().out
    # The login is the very last line (it must not scroll away above later output) and names its file.
    last = [line for line in out.splitlines() if line.strip()][-1]
    password = (tmp_path / "admin-password.txt").read_text(encoding="utf-8").strip()
    assert last.startswith(f"admin login: admin / {password} ")
    assert str(tmp_path / "admin-password.txt") in last
    articles = Article.objects.count()
    assert articles >= 6
    assert not Article.objects.exclude(extraction_status=ExtractionStatus.DONE).exists()
    statements = Statement.objects.count()
    assert statements > 20
    assert Claim.objects.filter(published=True, current_verdict__isnull=False).count() >= 2
    verdicts = Verdict.objects.count()

    call_command("quickstart", "--noinput")
    assert Article.objects.count() == articles
    assert Statement.objects.count() == statements
    assert Verdict.objects.count() == verdicts


def test_the_readme_run_command_extracts_on_the_embedded_default(tmp_path):
    """`make run`'s quickstart on SQLite with Celery eager, as a fresh clone runs it: the suite's own
    database is PostgreSQL in CI, so without this the embedded default's extraction went untested
    (PostgreSQL-only SQL in the extraction task once left it at 0 statements)."""
    done = run_django(["quickstart", "--noinput"], {"FACTDESK_VAR_DIR": str(tmp_path)}, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert (tmp_path / "factdesk.sqlite3").exists()
    assert "Traceback" not in output and "raised unexpected" not in output, output[-3000:]
    summary = re.search(r"quickstart done: (\d+) articles .*?, (\d+) statements", output)
    assert summary, output[-3000:]
    assert int(summary.group(1)) >= 6 and int(summary.group(2)) > 20, summary.group(0)
