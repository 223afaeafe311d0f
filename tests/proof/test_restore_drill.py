"""Restore drill (docs/OPERATIONS.md): pg_dump -Fc the database, pg_restore it into a fresh one,
and check from a separate process that the data is there, a partner key still authenticates
under the same pepper, and `manage.py check` flags a restore under another pepper."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from claims import services
from claims.models import Claim, Statement, Verdict
from claims.partners import keys as auth
from sources.models import Article
from tests.conftest import ROOT, _database_url
from tests.factories import make_published_claim, make_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.timeout(300)]

PEPPER = "drill-pepper-" + "q" * 40

# Run in the restored database: counts of the main tables and what the API says to the key.
PROBE = """
import json, os
from django.test import Client
from claims.models import Claim, Statement, Verdict
from sources.models import Article
key = os.environ["DRILL_KEY"]
status = Client().get("/api/v1/claims/", HTTP_AUTHORIZATION="Api-Key " + key).status_code
print(json.dumps({"claims": Claim.objects.count(), "statements": Statement.objects.count(),
                  "verdicts": Verdict.objects.count(), "articles": Article.objects.count(), "status": status}))
"""


def _run(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def restored_name():
    name = connection.settings_dict["NAME"] + "_restore"
    base = ["-h", connection.settings_dict["HOST"] or "127.0.0.1", "-U", connection.settings_dict["USER"]]
    subprocess.run(["dropdb", *base, "--if-exists", name], check=True, timeout=60)
    yield name, base
    subprocess.run(["dropdb", *base, "--if-exists", "--force", name], check=True, timeout=60)


def test_dump_restore_keeps_data_and_keys_and_a_wrong_pepper_is_loud(settings, restored_name, tmp_path: Path):
    for tool in ("pg_dump", "pg_restore", "createdb", "dropdb"):
        assert shutil.which(tool), f"{tool} (PostgreSQL client) is needed for the restore drill"
    settings.FACTDESK_KEY_PEPPER = PEPPER
    editor = make_user(superuser=True)
    make_published_claim("演練用的說法一", user=editor)
    make_published_claim("演練用的說法二", user=editor, rating="true")
    _, plaintext = services.partner_key_create("Drill partner", ["read"], editor)
    counts = {
        "claims": Claim.objects.count(),
        "statements": Statement.objects.count(),
        "verdicts": Verdict.objects.count(),
        "articles": Article.objects.count(),
    }

    name, base = restored_name
    dump = tmp_path / "factdesk.dump"
    _run(
        ["pg_dump", *base, "-Fc", "-f", str(dump), connection.settings_dict["NAME"]], dict(os.environ)
    ).check_returncode()
    _run(["createdb", *base, name], dict(os.environ)).check_returncode()
    restore = _run(["pg_restore", *base, "--no-owner", "--exit-on-error", "-d", name, str(dump)], dict(os.environ))
    assert restore.returncode == 0, restore.stderr

    url = _database_url().rsplit("/", 1)[0] + "/" + name
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTDESK_", "CELERY_"))}
    env.update(DATABASE_URL=url, DJANGO_DEBUG="1")

    def probe(**extra: str) -> dict:
        result = _run([sys.executable, "manage.py", "shell", "-c", PROBE], {**env, "DRILL_KEY": plaintext, **extra})
        assert result.returncode == 0, result.stderr[-2000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    def check(**extra: str) -> subprocess.CompletedProcess:
        return _run([sys.executable, "manage.py", "check", "--fail-level", "WARNING"], {**env, **extra})

    # Same pepper (and a different secret key: the pepper is what matters): data and key intact.
    same = probe(FACTDESK_KEY_PEPPER=PEPPER, DJANGO_SECRET_KEY="rotated-secret-" + "r" * 40)
    assert same == {**counts, "status": 200}
    ok = check(FACTDESK_KEY_PEPPER=PEPPER)
    assert ok.returncode == 0, ok.stderr
    assert auth.CHECK_PEPPER_ID not in ok.stdout + ok.stderr

    # Restored under another pepper (here: none, so the secret key is used): every key fails, and
    # `check` says why instead of leaving it to partners to find out.
    wrong = probe()
    assert wrong == {**counts, "status": 401}
    loud = check()
    assert loud.returncode != 0
    assert auth.CHECK_PEPPER_ID in loud.stderr
    assert auth.ERROR_PEPPER_MISMATCH.format(count=1) in loud.stderr
    # The restore procedure's next step (migrate) shows it too, without refusing to run.
    migrate = _run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    assert migrate.returncode == 0, migrate.stderr
    assert auth.CHECK_PEPPER_ID in migrate.stderr
