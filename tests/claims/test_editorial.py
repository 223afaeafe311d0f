"""Editorial control: nothing published changes without an editor (issue 11, items 1 and 2).

A fact-checker's change to published material becomes a pending change that an editor publishes
or discards; the public page, the API and partners see the old state until then. Tested through
the admin as both roles and through the services directly.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import (
    ChangeState,
    Claim,
    PendingChange,
    Statement,
    Verdict,
    VerdictStatus,
    VerificationStatus,
    WebhookDelivery,
)
from claims.roles import EDITOR, FACT_CHECKER
from tests.factories import make_public_claim, make_statement, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def checker(db):
    return make_user("checker", groups=(FACT_CHECKER,))


@pytest.fixture
def editor(db):
    return make_user("editor", groups=(EDITOR,))


@pytest.fixture
def published(editor):
    return make_public_claim("國防預算已經超過百分之三", rating="false", summary="數字不符", user=editor)


@pytest.fixture
def subscription(db):
    """A partner subscribed to every verdict event (deliveries are counted, never sent here)."""
    from claims.models import WebhookSubscription

    key, _ = services.partner_key_create("partner", ["read"])
    return WebhookSubscription.objects.create(
        partner=key, url="https://partner.example/hook", secret="s", events=["verdict.published", "verdict.changed",
                                                                              "verdict.withdrawn"]
    )


def _public_html(client, claim: Claim) -> str:
    client.logout()
    response = client.get(f"/claims/{claim.pk}-{claim.slug}/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def _verdict_form(verdict: Verdict, **changes) -> dict:
    form = {"rating": verdict.rating, "summary": verdict.summary, "explanation": verdict.explanation,
            "evidence": "", "revision": verdict.revision}
    form.update(changes)
    return form


# --- item 1: a published verdict ----------------------------------------------------------------


def test_fact_checker_edit_of_a_published_verdict_waits_for_an_editor(client, checker, editor, published,
                                                                       subscription,
                                                                       django_capture_on_commit_callbacks):
    verdict = published.current_verdict
    client.force_login(checker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/claims/verdict/{verdict.pk}/change/",
                               _verdict_form(verdict, rating="true", summary="其實正確"), follow=True)
    assert response.status_code == 200
    verdict.refresh_from_db()
    assert (verdict.rating, verdict.summary) == ("false", "數字不符")
    change = PendingChange.objects.get()
    assert change.state == ChangeState.PENDING and change.proposed_by == checker
    assert change.changes["rating"] == "true"
    assert WebhookDelivery.objects.count() == 0
    html = _public_html(client, published)
    assert "數字不符" in html and "其實正確" not in html
    api = client.get(f"/api/v1/claims/{published.pk}/").json()
    assert api["verdict"]["rating"] == "false"

    # The editor sees it in the queue and publishes it: now it is live and partners hear of it.
    client.force_login(editor)
    queue = client.get("/admin/claims/statement/").content.decode()
    assert "/admin/claims/pendingchange/" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/claims/pendingchange/{change.pk}/publish/")
    verdict.refresh_from_db()
    change.refresh_from_db()
    assert (verdict.rating, verdict.summary) == ("true", "其實正確")
    assert change.state == ChangeState.PUBLISHED and change.decided_by == editor
    assert WebhookDelivery.objects.filter(event="verdict.changed").count() == 1
    assert "其實正確" in _public_html(client, published)


def test_verdict_update_service_turns_a_fact_checkers_edit_into_a_pending_change(checker, published, subscription,
                                                                                django_capture_on_commit_callbacks):
    verdict = published.current_verdict
    with django_capture_on_commit_callbacks(execute=True):
        result = services.verdict_update(verdict, user=checker, expected_revision=verdict.revision, rating="true")
    assert isinstance(result, PendingChange)
    verdict.refresh_from_db()
    assert verdict.rating == "false"
    assert WebhookDelivery.objects.count() == 0


def test_editor_edits_a_published_verdict_directly(editor, published):
    verdict = published.current_verdict
    services.verdict_update(verdict, user=editor, expected_revision=verdict.revision, summary="更正摘要")
    verdict.refresh_from_db()
    assert verdict.summary == "更正摘要"
    assert not PendingChange.objects.exists()


def test_a_discarded_change_leaves_the_published_verdict(client, checker, editor, published):
    verdict = published.current_verdict
    change = services.verdict_update(verdict, user=checker, expected_revision=verdict.revision, rating="true")
    assert isinstance(change, PendingChange)
    client.force_login(checker)
    client.post(f"/admin/claims/pendingchange/{change.pk}/publish/")
    change.refresh_from_db()
    assert change.state == ChangeState.PENDING  # a fact-checker cannot publish it
    client.force_login(editor)
    client.post(f"/admin/claims/pendingchange/{change.pk}/discard/")
    change.refresh_from_db()
    verdict.refresh_from_db()
    assert change.state == ChangeState.DISCARDED and verdict.rating == "false"


# --- item 2: claims, merges, drafts, reverts ----------------------------------------------------


def test_fact_checker_rewrite_of_a_published_claim_is_not_live(client, checker, published):
    client.force_login(checker)
    client.post(f"/admin/claims/claim/{published.pk}/change/",
                {"text": "改寫後的說法", "claim_type": "factual", "language": "zh-Hant", "status": "verified"})
    published.refresh_from_db()
    assert published.text == "國防預算已經超過百分之三"
    assert PendingChange.objects.get().changes == {"text": "改寫後的說法"}
    assert "改寫後的說法" not in _public_html(client, published)
    assert isinstance(services.claim_update(published, user=checker, text="改寫"), PendingChange)
    published.refresh_from_db()
    assert published.text == "國防預算已經超過百分之三"


def test_fact_checker_cannot_merge_published_claims_away(client, checker, editor, published):
    other = make_public_claim("國防預算超過了百分之三", user=editor)
    client.force_login(checker)
    client.post("/admin/claims/claim/", {"action": "merge_selected", "_selected_action": [published.pk, other.pk]})
    other.refresh_from_db()
    assert other.merged_into_id is None and other.published
    assert client.get(f"/api/v1/claims/{other.pk}/").status_code == 200
    change = PendingChange.objects.get()
    assert change.kind == "claim_merge"
    verdicts = {published.current_verdict_id, other.current_verdict_id}

    # Published by an editor, the merge carries the verdicts along: nothing becomes a dead end.
    services.change_publish(change, user=editor)
    other.refresh_from_db()
    published.refresh_from_db()
    assert other.merged_into_id in {published.pk, other.pk} or published.merged_into_id
    live = published if published.merged_into_id is None else other
    gone = other if live is published else published
    assert live.published and live.current_verdict.status == VerdictStatus.PUBLISHED
    assert set(Verdict.objects.filter(claim=live).values_list("pk", flat=True)) >= verdicts
    assert gone.merged_into_id == live.pk and client.get(f"/api/v1/claims/{gone.pk}/").status_code == 410
    assert client.get(f"/api/v1/claims/{live.pk}/").status_code == 200


def test_merge_carries_a_published_verdict_to_an_unrated_target(editor, published):
    statement = services.statement_accept(make_statement(text="預算超過三成"), user=editor)
    target = statement.claim
    services.claim_merge(source=published, target=target, user=editor)
    target.refresh_from_db()
    assert target.current_verdict_id == published.current_verdict_id
    assert target.published and target.status == VerificationStatus.VERIFIED


def test_fact_checker_cannot_overwrite_another_users_draft(client, checker, published):
    author = make_user("other-checker", groups=(FACT_CHECKER,))
    draft = services.verdict_draft(claim=published, user=author, rating="true", explanation="作者的說明")
    client.force_login(checker)
    response = client.post(f"/admin/claims/verdict/{draft.pk}/change/",
                           _verdict_form(draft, explanation="被覆寫"), follow=True)
    draft.refresh_from_db()
    assert draft.explanation == "作者的說明"
    assert services.ERROR_NOT_YOUR_DRAFT.format(author="other-checker") in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.verdict_update(draft, user=checker, expected_revision=draft.revision, explanation="x")
    # The author keeps editing their own draft.
    services.verdict_update(draft, user=author, expected_revision=draft.revision, explanation="作者再改")


def test_revert_of_a_published_claim_by_a_fact_checker_is_pending(client, checker, editor, published):
    services.claim_update(published, user=editor, text="編輯改過的說法")
    first = published.history.order_by("history_date", "history_id").first()
    client.force_login(checker)
    client.post(f"/admin/claims/claim/{published.pk}/history/{first.history_id}/",
                {"text": first.text, "claim_type": "factual", "language": "zh-Hant", "status": first.status})
    published.refresh_from_db()
    assert published.text == "編輯改過的說法"
    assert published.status == VerificationStatus.VERIFIED and published.published
    assert PendingChange.objects.filter(state=ChangeState.PENDING).count() == 1


def test_a_published_claim_keeps_its_checked_status(editor, published):
    with pytest.raises(ValidationError):
        services.claim_update(published, user=editor, status=VerificationStatus.UNVERIFIED)
    published.refresh_from_db()
    assert published.status == VerificationStatus.VERIFIED


def test_withdrawal_and_publication_are_for_editors(checker, editor, published):
    with pytest.raises(PermissionDenied):
        services.claim_unpublish(published, user=checker)
    services.claim_unpublish(published, user=editor)
    published.refresh_from_db()
    assert not published.published and published.withdrawn_at is not None


def test_statement_fix_on_a_published_claim_waits_for_an_editor(client, checker, editor, published):
    statement = published.statements.get()
    client.force_login(checker)
    client.post(f"/admin/claims/statement/{statement.pk}/change/",
                {"speaker": statement.speaker_id, "start": statement.start + 1, "end": statement.end})
    statement.refresh_from_db()
    assert statement.text == "國防預算已經超過百分之三"
    change = PendingChange.objects.get()
    assert change.kind == "statement_edit"
    services.change_publish(change, user=editor)
    statement.refresh_from_db()
    assert statement.text == "防預算已經超過百分之三"


def test_accepting_a_statement_into_a_published_claim_is_held_until_an_editor_publishes(client, checker, editor,
                                                                                       published):
    candidate = make_statement(text="國防預算早就超過百分之三")
    services.statement_accept(candidate, user=checker, claim=published)
    candidate.refresh_from_db()
    assert candidate.held and candidate.claim_id == published.pk
    assert "國防預算早就超過百分之三" not in _public_html(client, published)
    change = PendingChange.objects.get(kind="statement_link")
    services.change_publish(change, user=editor)
    candidate.refresh_from_db()
    assert not candidate.held
    assert "國防預算早就超過百分之三" in _public_html(client, published)


def test_rejecting_a_public_statement_needs_an_editor(checker, editor, published):
    statement = published.statements.get()
    result = services.statement_reject(statement, user=checker, reason="錯誤")
    assert isinstance(result, PendingChange)
    statement.refresh_from_db()
    assert statement.review_state == "accepted"
    services.change_publish(result, user=editor)
    assert Statement.objects.get(pk=statement.pk).review_state == "rejected"
