"""Readers and flips with a real Celery worker on Redis: the notice mail leaves through Django's
e-mail backend (file-based here) after the verdict's commit, once; flip candidates are found after reviews."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import CheckRequest, CheckRequestGroup, Flip, Polarity, Stance
from tests.conftest import WorkerProcess, purge_broker, wait_for
from tests.factories import make_article, make_public_claim, make_speaker, make_user


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_mails_the_requesters_once_and_finds_flips(tmp_path):
    mail_dir = tmp_path / "mail"
    purge_broker()
    worker = WorkerProcess(extra_env={"DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                                      "DJANGO_EMAIL_FILE_PATH": str(mail_dir)}).start()
    try:
        client = APIClient()
        question = "網傳明年起電價要調漲百分之三十，是真的嗎"
        for contact in ("first@example.org", "second@example.org", ""):
            assert client.post("/api/v1/check-requests/", {"text": question, "contact": contact},
                               format="json").status_code == 201
        editor = make_user(superuser=True)
        claim = services.check_request_group_to_claim(CheckRequestGroup.objects.get(), user=editor)
        verdict = services.verdict_draft(claim=claim, user=editor, rating="false", explanation="經濟部說明不調漲。")
        services.verdict_publish(verdict, user=editor)

        def sent() -> list[str]:
            return [p.read_text(errors="replace") for p in mail_dir.glob("*.log")] if mail_dir.exists() else []

        try:
            messages = wait_for(lambda: len(sent()) >= 2 and sent(), timeout=120)
        except AssertionError as exc:  # say what the worker did, not only that nothing came
            raise AssertionError(f"{exc}; mails {len(sent())}; worker log:\n{worker.output()[-4000:]}") from None
        text = "\n".join(messages)
        assert "first@example.org" in text and "second@example.org" in text
        assert wait_for(lambda: CheckRequest.objects.filter(notified_at__isnull=False).count() == 2)
        # A second verdict: nobody is mailed again.
        second = services.verdict_draft(claim=claim, user=editor, rating="mostly_false", explanation="更新。")
        services.verdict_publish(second, user=editor)

        # Meanwhile, a stance reversal reviewed at the desk becomes a candidate flip.
        public = make_public_claim("核四應該重啟以解決缺電問題", user=editor)
        speaker = make_speaker("某立委")
        for polarity, day in ((Polarity.SUPPORT, 1), (Polarity.OPPOSE, 15)):
            stance = Stance.objects.create(speaker=speaker, polarity=polarity, claim=public,
                                           article=make_article(f"某立委第{day}天表態。"), cue=f"第{day}天",
                                           said_on=dt.date(2025, 4, day))
            services.stance_review(stance, user=editor, accept=True)
        flip = wait_for(lambda: Flip.objects.filter(speaker=speaker).first(), timeout=60)
        assert flip.earlier_on == dt.date(2025, 4, 1) and flip.later_on == dt.date(2025, 4, 15)
        wait_for(lambda: "notify_check_requesters_task" in worker.output() and worker.output().count(
            "notify_check_requesters_task") >= 4)  # received and succeeded, twice
        assert len(sent()) == 2
    finally:
        worker.stop()
