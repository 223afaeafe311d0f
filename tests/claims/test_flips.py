"""Flip alerts on the real database: found after reviews, confirmed only by an editor, public on the
speaker page and in the API while both sides are public, and sent to partners as ``speaker.flip``."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from claims import services
from claims.models import Flip, FlipKind, FlipState, Polarity, Stance, WebhookDelivery, WebhookSubscription
from claims.roles import FACT_CHECKER
from tests.claims.api.test_webhooks import Receiver
from tests.factories import (
    make_article,
    make_outlet,
    make_public_claim,
    make_speaker,
    make_statement,
    make_user,
    reverse_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


def _stance(speaker, claim, polarity: str, day: int, cue: str) -> Stance:
    article = make_article(f"{cue}。其他內容。", outlet=make_outlet(), url=f"https://news.example/{day}-{polarity}")
    return Stance.objects.create(speaker=speaker, polarity=polarity, claim=claim, article=article, cue=cue,
                                 said_on=dt.date(2025, 3, day))


def _accept(stance, user, capture):
    with capture(execute=True):
        return services.stance_review(stance, user=user, accept=True)


def test_a_reversed_stance_becomes_a_candidate_that_an_editor_confirms(editor, django_capture_on_commit_callbacks):
    claim = make_public_claim("核四應該重啟以解決缺電問題", user=editor)
    speaker = make_speaker("某立委")
    _accept(_stance(speaker, claim, Polarity.SUPPORT, 1, "某立委表示支持核四重啟"), editor, django_capture_on_commit_callbacks)
    assert not Flip.objects.exists()  # one stance: nothing to compare
    _accept(_stance(speaker, claim, Polarity.OPPOSE, 20, "某立委改口反對核四重啟"), editor, django_capture_on_commit_callbacks)
    flip = Flip.objects.get()
    assert flip.kind == FlipKind.STANCE and flip.state == FlipState.CANDIDATE
    assert (flip.earlier_on, flip.later_on) == (dt.date(2025, 3, 1), dt.date(2025, 3, 20))
    # Not public until confirmed.
    speaker_page = reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug})
    assert "某立委改口反對核四重啟" in Client().get(speaker_page).content.decode()  # the stance itself is public
    assert Client().get(f"/api/v1/speakers/{speaker.pk}/flips/").json() == []

    checker = make_user(groups=(FACT_CHECKER,))
    with pytest.raises(PermissionDenied):
        services.flip_confirm(flip, user=checker)
    with django_capture_on_commit_callbacks(execute=True):
        services.flip_confirm(flip, user=editor)
    page = Client().get(reverse_in("claims:speaker-detail", pk=speaker.pk, slug=speaker.slug),
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Changed position on" in page and "2025-03-01" in page and "2025-03-20" in page
    [row] = Client().get(f"/api/v1/speakers/{speaker.pk}/flips/").json()
    assert row["claim"]["id"] == claim.pk
    assert row["earlier"]["polarity"] == "support" and row["later"]["polarity"] == "oppose"
    assert row["later"]["source"]["url"] == "https://news.example/20-oppose"

    # Finding again never recreates or reopens it; rejecting one side takes the flip off the public page.
    assert services.flips_find(speaker.pk, claim.pk) == []
    later = Stance.objects.get(pk=flip.later_stance_id)
    services.stance_review(later, user=editor, accept=False)
    assert Client().get(f"/api/v1/speakers/{speaker.pk}/flips/").json() == []


def test_the_same_day_or_the_same_side_is_not_a_flip(editor, django_capture_on_commit_callbacks):
    claim = make_public_claim("核四應該重啟以解決缺電問題", user=editor)
    speaker = make_speaker("另一位立委")
    for polarity, day, cue in [(Polarity.SUPPORT, 1, "支持重啟"), (Polarity.OPPOSE, 1, "但也有疑慮"),
                               (Polarity.OPPOSE, 3, "反對重啟"), (Polarity.NEUTRAL, 5, "沒有表態"),
                               (Polarity.OPPOSE, 9, "仍然反對")]:
        _accept(_stance(speaker, claim, polarity, day, cue), editor, django_capture_on_commit_callbacks)
    assert not Flip.objects.exists()


def test_a_statement_that_negates_an_earlier_one_is_a_candidate(editor, django_capture_on_commit_callbacks):
    speaker = make_speaker("經濟部長")
    first = make_public_claim("明年電價不會調漲", speaker=speaker, said_on=dt.date(2025, 1, 5), user=editor)
    later = make_statement(make_article("經濟部長表示:「明年電價會調漲」。", url="https://news.example/late"),
                           text="明年電價會調漲", speaker=speaker, said_on=dt.date(2025, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_accept(later, user=editor, claim=first)
    flip = Flip.objects.get()
    assert flip.kind == FlipKind.NEGATION and flip.later_statement_id == later.pk
    # A dismissed candidate stays dismissed.
    services.flip_dismiss(flip, user=editor)
    services.flips_find(speaker.pk, first.pk)
    assert Flip.objects.get().state == FlipState.DISMISSED


def test_a_confirmed_flip_is_sent_to_subscribed_partners(editor, settings, django_capture_on_commit_callbacks):
    settings.FACTDESK_FETCH_ALLOW_NETWORKS = ["127.0.0.1/32"]
    receiver = Receiver()
    try:
        claim = make_public_claim("核四應該重啟以解決缺電問題", user=editor)
        speaker = make_speaker("某市長")
        key, _ = services.partner_key_create("Partner", ["read"], editor)
        sub = services.webhook_subscription_save(WebhookSubscription(partner=key, url=receiver.url,
                                                                     events=["speaker.flip"]))
        sub.speakers.set([speaker])
        other = services.webhook_subscription_save(WebhookSubscription(partner=key, url=receiver.url + "/other",
                                                                       events=["verdict.published"]))
        _accept(_stance(speaker, claim, Polarity.OPPOSE, 2, "反對"), editor, django_capture_on_commit_callbacks)
        _accept(_stance(speaker, claim, Polarity.SUPPORT, 9, "轉為支持"), editor, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.flip_confirm(Flip.objects.get(), user=editor)
        [request] = receiver.requests
        payload = json.loads(request["body"])
        assert payload["event"] == "speaker.flip" and payload["speaker"]["id"] == speaker.pk
        assert payload["flip"]["earlier"]["polarity"] == "oppose" and payload["flip"]["later"]["date"] == "2025-03-09"
        assert not WebhookDelivery.objects.filter(subscription=other).exists()
    finally:
        receiver.close()


def test_the_desk_shows_both_sides_and_confirms(admin_client, editor, django_capture_on_commit_callbacks):
    claim = make_public_claim("核四應該重啟以解決缺電問題", user=editor)
    speaker = make_speaker("某議員")
    _accept(_stance(speaker, claim, Polarity.SUPPORT, 1, "表示支持"), editor, django_capture_on_commit_callbacks)
    _accept(_stance(speaker, claim, Polarity.OPPOSE, 4, "<b>改口</b>反對"), editor, django_capture_on_commit_callbacks)
    flip = Flip.objects.get()
    page = admin_client.get(reverse("admin:claims_flip_change", args=[flip.pk])).content.decode()
    assert "2025-03-01" in page and "2025-03-04" in page and "https://news.example/4-oppose" in page
    assert "&lt;b&gt;改口&lt;/b&gt;" in page
    admin_client.post(reverse("admin:claims_flip_changelist"), {"action": "confirm", "_selected_action": [flip.pk]})
    assert Flip.objects.get().state == FlipState.CONFIRMED
