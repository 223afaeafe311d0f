"""Open data: the export command on the quickstart database (only published material, checksums that
verify), --since, the served folder at /data/, and the nightly beat task."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from claims import services
from claims.models import Claim, ReviewState, Stance, Statement, Verdict, VerdictStatus
from claims.services.opendata import COLUMNS
from claims.tasks import export_open_data_task
from tests.factories import make_public_claim, make_user, reverse_in

pytestmark = pytest.mark.postgres


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _checksums_verify(folder: Path) -> list[str]:
    names = []
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
        names.append(name)
    return names


@pytest.mark.django_db(transaction=True)
def test_export_of_the_quickstart_database_holds_only_published_material(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("quickstart", "--noinput")
    # Unpublished material beside the published: a withdrawn claim, a draft verdict, candidates.
    editor = make_user(superuser=True)
    published = list(Claim.objects.filter(published=True, merged_into__isnull=True))
    assert len(published) >= 2
    withdrawn = published[-1]
    services.claim_unpublish(withdrawn, user=editor)
    services.verdict_draft(claim=published[0], user=editor, rating="true", summary="DRAFTSUMMARYMARK",
                           explanation="DRAFTEXPLANATIONMARK")
    out = tmp_path / "dump"
    call_command("export", "--out", str(out))

    files = sorted(p.name for p in out.iterdir())
    assert len([f for f in files if f.endswith((".csv", ".jsonl"))]) == 10
    assert set(_checksums_verify(out)) == set(files) - {"SHA256SUMS"}
    assert django_settings.FACTDESK_OPEN_DATA_LICENSE in (out / "LICENSE.txt").read_text()

    public_ids = set(Claim.objects.filter(published=True, merged_into__isnull=True).values_list("id", flat=True))
    claims = _jsonl(out / "claims.jsonl")
    assert claims and {c["id"] for c in claims} == public_ids
    assert withdrawn.pk not in {c["id"] for c in claims}
    statements = _jsonl(out / "statements.jsonl")
    accepted_public = set(Statement.objects.filter(review_state=ReviewState.ACCEPTED, held=False,
                                                   claim_id__in=public_ids).values_list("id", flat=True))
    assert {s["id"] for s in statements} == accepted_public and statements
    stances = _jsonl(out / "stances.jsonl")
    assert {s["id"] for s in stances} == set(Stance.objects.filter(
        review_state=ReviewState.ACCEPTED, held=False, claim_id__in=public_ids).values_list("id", flat=True))
    verdicts = _jsonl(out / "verdicts.jsonl")
    assert {v["claim_id"] for v in verdicts} <= public_ids
    assert {v["verdict_id"] for v in verdicts} <= set(Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
                                                      .values_list("id", flat=True))
    speakers = _jsonl(out / "speakers.jsonl")
    assert {s["id"] for s in speakers} >= {s["speaker_id"] for s in statements if s["speaker_id"]}

    # Nothing unpublished in any file: texts of candidates, rejected statements, the withdrawn claim, drafts.
    hidden = [withdrawn.text, "DRAFTSUMMARYMARK", "DRAFTEXPLANATIONMARK"]
    hidden += [s.text for s in Statement.objects.exclude(id__in=accepted_public)
               if not Statement.objects.filter(id__in=accepted_public, text=s.text).exists() and len(s.text) > 6]
    assert len(hidden) > 5
    for name in files:
        content = (out / name).read_text(encoding="utf-8")
        leaked = [text[:30] for text in hidden if text in content]
        assert not leaked, f"{name} leaks {leaked}"
    # CSV and JSONL carry the same rows and columns.
    for table, columns in COLUMNS.items():
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == columns and len(rows) - 1 == len(_jsonl(out / f"{table}.jsonl"))


@pytest.mark.django_db
def test_since_keeps_only_claims_changed_on_or_after_it(tmp_path):
    old = make_public_claim("去年說過的一句話，已經查核過了")
    Claim.objects.filter(pk=old.pk).update(modified_at=timezone.now() - dt.timedelta(days=30))
    new = make_public_claim("今天說的一句話，剛剛查核完畢")
    since = (timezone.now() - dt.timedelta(days=1)).date().isoformat()
    call_command("export", "--out", str(tmp_path), "--since", since)
    assert [c["id"] for c in _jsonl(tmp_path / "claims.jsonl")] == [new.pk]
    assert {s["claim_id"] for s in _jsonl(tmp_path / "statements.jsonl")} == {new.pk}
    assert json.loads((tmp_path / "manifest.json").read_text())["since"].startswith(since)
    with pytest.raises(CommandError):
        call_command("export", "--out", str(tmp_path), "--since", "last tuesday")


@pytest.mark.django_db
def test_the_nightly_task_writes_the_served_folder_listed_at_data(settings, tmp_path):
    settings.FACTDESK_OPEN_DATA_DIR = tmp_path / "served"
    schedule = settings.CELERY_BEAT_SCHEDULE["export-open-data"]
    assert schedule["task"] == "claims.tasks.export_open_data_task"
    claim = make_public_claim("一句查核過的話，放進公開資料")
    empty = Client().get(reverse_in("claims:open-data"), HTTP_ACCEPT_LANGUAGE="en")
    assert empty.status_code == 200 and "No dump has been written yet." in empty.content.decode()
    assert export_open_data_task.apply().get() == 13
    page = Client().get(reverse_in("claims:open-data"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for name in ("claims.csv", "claims.jsonl", "verdicts.jsonl", "SHA256SUMS", "LICENSE.txt"):
        assert f'href="/data/{name}"' in page  # one address in every language
    size = (tmp_path / "served" / "claims.csv").stat().st_size
    assert f"{size}\xa0bytes" in page
    served = Client().get("/data/claims.jsonl")
    assert served.status_code == 200 and served["Content-Type"].startswith("application/x-ndjson")
    assert json.loads(b"".join(served.streaming_content))["id"] == claim.pk
    for name in ("nope.csv", "..%2Fmanifest.json", ".hidden"):
        assert Client().get(f"/data/{name}", follow=True).status_code == 404
    assert Client().get("/data/../settings.py", follow=True).status_code == 404
    # The listing is per language; the files are not: an old per-language address redirects.
    for language in ("en", "zh-hant", "zh-hans"):
        old = Client().get(f"/{language}/data/claims.jsonl")
        assert old.status_code == 301 and old["Location"] == "/data/claims.jsonl"
