"""Partners learn of every public change (issue 11, items 4 and 5).

One public modified time per claim, bumped by every change a reader or partner can see; it drives
``updated_since`` in both feeds and ``dateModified`` in ClaimReview. Withdrawn and merged claims
appear in both feeds as tombstones and send a ``verdict.withdrawn`` webhook.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from claims import services
from claims.models import Claim, Stance, WebhookDelivery, WebhookSubscription
from tests.factories import make_public_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


@pytest.fixture
def claim(editor):
    return make_public_claim("The deficit doubled in a year", language="en", rating="false", user=editor)


@pytest.fixture
def subscription(db):
    key, _ = services.partner_key_create("partner", ["read"])
    return WebhookSubscription.objects.create(
        partner=key, url="https://partner.example/hook", secret="s",
        events=["verdict.published", "verdict.changed", "verdict.withdrawn"],
    )


def _mark(claim) -> str:
    """Move the claim's last public change an hour back; return a time between then and now."""
    past = timezone.now() - dt.timedelta(hours=1)
    Claim.objects.filter(pk=claim.pk).update(modified_at=past)
    return (past + dt.timedelta(minutes=30)).isoformat()


def _claims_since(client, since: str) -> dict:
    return {item["id"]: item for item in client.get("/api/v1/claims/", {"updated_since": since}).json()["results"]}


def _feed_since(client, since: str) -> list:
    return client.get("/api/v1/claimreview/", {"updated_since": since}).json()["dataFeedElement"]


def _in_feed(items: list, claim) -> bool:
    return any(str(claim.pk) == str(i.get("identifier")) or f"/claims/{claim.pk}-" in (i.get("url") or "")
               for i in items)


def test_editing_a_published_verdict_shows_in_both_updated_since_feeds(client, editor, claim):
    since = _mark(claim)
    assert claim.pk not in _claims_since(client, since)
    verdict = claim.current_verdict
    services.verdict_update(verdict, user=editor, expected_revision=verdict.revision, summary="Corrected figures")
    assert claim.pk in _claims_since(client, since)
    items = _feed_since(client, since)
    assert _in_feed(items, claim)
    review = next(i for i in items if f"/claims/{claim.pk}-" in i.get("url", ""))
    modified = dt.datetime.fromisoformat(review["dateModified"])
    assert modified.date() >= dt.date.fromisoformat(review["datePublished"])


@pytest.mark.parametrize("change", ["statement_rejected", "stance_accepted", "speaker_renamed", "speaker_merged",
                                    "statement_accepted"])
def test_every_visible_change_moves_the_public_modified_time(client, editor, claim, change):
    since = _mark(claim)
    statement = claim.statements.get()
    if change == "statement_rejected":
        services.statement_reject(statement, user=editor, reason="wrong speaker")
    elif change == "stance_accepted":
        stance = Stance.objects.create(speaker=make_speaker("Critic"), polarity="oppose", target_statement=statement)
        services.stance_review(stance, user=editor, accept=True)
    elif change == "speaker_renamed":
        services.speaker_update(statement.speaker, user=editor, name="A new name")
    elif change == "speaker_merged":
        services.speaker_merge(source=statement.speaker, target=make_speaker("Kept speaker"), user=editor)
    elif change == "statement_accepted":
        services.statement_accept(make_statement(text="赤字一年翻倍"), user=editor, claim=claim)
    assert claim.pk in _claims_since(client, since), change


def test_withdrawal_is_a_tombstone_in_both_feeds_and_a_webhook(client, editor, claim, subscription,
                                                                django_capture_on_commit_callbacks):
    since = _mark(claim)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_unpublish(claim, user=editor)
    assert client.get(f"/api/v1/claims/{claim.pk}/").status_code in {404, 410}
    tombstone = _claims_since(client, since)[claim.pk]
    assert tombstone["withdrawn_at"] and tombstone.get("verdict") is None and "text" not in tombstone
    feed = _feed_since(client, since)
    deleted = [i for i in feed if str(i.get("identifier")) == str(claim.pk)]
    assert deleted and deleted[0]["dateDeleted"]
    delivery = WebhookDelivery.objects.get(event="verdict.withdrawn")
    assert delivery.payload["claim"]["id"] == claim.pk and delivery.payload["claim"]["withdrawn_at"]
    # Without updated_since the lists show only live claims.
    assert claim.pk not in {c["id"] for c in client.get("/api/v1/claims/").json()["results"]}


def test_a_merged_claim_is_a_tombstone_pointing_at_its_target(client, editor, claim, subscription,
                                                               django_capture_on_commit_callbacks):
    other = make_public_claim("The deficit has doubled in one year", language="en", user=editor)
    since = _mark(other)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_merge(source=other, target=claim, user=editor)
    tombstone = _claims_since(client, since)[other.pk]
    assert tombstone["merged_into"] == claim.pk
    assert WebhookDelivery.objects.filter(event="verdict.withdrawn").count() == 1


def test_never_published_claims_never_appear_as_tombstones(client, editor):
    statement = services.statement_accept(make_statement(text="從未公開的說法"), user=editor)
    since = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    assert statement.claim_id not in _claims_since(client, since)
    assert not _in_feed(_feed_since(client, since), statement.claim)
