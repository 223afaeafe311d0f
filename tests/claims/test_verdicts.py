"""Verdict services: drafts, editor-only publishing, optimistic locking, history."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from claims import services
from claims.models import Verdict, VerificationStatus
from claims.roles import EDITOR, FACT_CHECKER
from tests.factories import make_statement, make_user


def make_claim():
    statement = make_statement(text="去年失業率降到百分之三以下")
    return services.statement_accept(statement, user=make_user()).claim


@pytest.mark.django_db
def test_fact_checker_drafts_but_cannot_publish():
    claim = make_claim()
    checker = make_user(groups=(FACT_CHECKER,))
    verdict = services.verdict_draft(claim=claim, user=checker, rating="mostly_false", explanation="主計總處數據為3.4%。")
    claim.refresh_from_db()
    assert claim.status == VerificationStatus.IN_REVIEW and not claim.published
    with pytest.raises(PermissionDenied) as info:
        services.verdict_publish(verdict, user=checker)
    assert str(info.value) == services.ERROR_PUBLISH_PERMISSION
    claim.refresh_from_db()
    assert claim.current_verdict is None and not claim.published


@pytest.mark.django_db
def test_editor_publishes_and_the_claim_shows_the_current_verdict():
    claim = make_claim()
    editor = make_user(groups=(EDITOR,))
    first = services.verdict_draft(claim=claim, user=editor, rating="false", explanation="v1")
    services.verdict_publish(first, user=editor)
    second = services.verdict_draft(claim=claim, user=editor, rating="mostly_false", explanation="v2")
    services.verdict_publish(second, user=editor)
    claim.refresh_from_db()
    assert claim.published and claim.status == VerificationStatus.VERIFIED
    assert claim.current_verdict_id == second.pk


@pytest.mark.django_db
def test_stale_edit_is_refused_not_silently_overwritten():
    claim = make_claim()
    editor = make_user(groups=(EDITOR,))
    verdict = services.verdict_draft(claim=claim, user=editor, rating="false", explanation="original")
    read_by_both = verdict.revision
    services.verdict_update(verdict, user=editor, expected_revision=read_by_both, explanation="first editor")
    with pytest.raises(ValidationError) as info:
        services.verdict_update(verdict, user=editor, expected_revision=read_by_both, explanation="second editor")
    assert services.ERROR_STALE_VERDICT in info.value.messages
    verdict.refresh_from_db()
    assert verdict.explanation == "first editor"
    assert verdict.history.count() >= 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_at_once_one_wins_one_is_told():
    claim = make_claim()
    editor = make_user(groups=(EDITOR,))
    verdict = services.verdict_draft(claim=claim, user=editor, rating="false", explanation="original")
    revision = verdict.revision
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def save(text: str) -> None:
        try:
            barrier.wait()
            services.verdict_update(verdict, user=editor, expected_revision=revision, explanation=text)
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(f"editor {i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert Verdict.objects.get(pk=verdict.pk).revision == revision + 1
