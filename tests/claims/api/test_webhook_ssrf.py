"""Webhook URLs follow the fetcher's address rules: refused at save (service and admin) and at every
delivery (resolved address and connected address); the admin shows status and timing, never bodies.

The receivers listen on 127.0.0.1, which the production rules refuse: these tests run with the
production rule (nothing private allowed) unless they say otherwise.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from claims import services
from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.partners import webhooks
from sources import fetching
from tests.claims.api.test_webhooks import Receiver
from tests.factories import make_published_claim, make_user

pytestmark = pytest.mark.django_db

LOOPBACK_REFUSED = fetching.ERROR_PRIVATE_ADDRESS.format(host="127.0.0.1", address="127.0.0.1")


@pytest.fixture
def strict(settings):
    """The production rule: nothing private is reachable, nothing allow-listed."""
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = False
    settings.FACTDESK_FETCH_ALLOW_NETWORKS = []
    settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS = 3
    return settings


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def editor(db):
    from claims.roles import EDITOR

    return make_user("webhook-editor", groups=(EDITOR,))


def _key(editor):
    key, _ = services.partner_key_create("Partner", ["read"], editor)
    return key


def test_an_editor_cannot_subscribe_a_loopback_url(strict, receiver, editor):
    with pytest.raises(ValidationError) as info:
        services.webhook_subscription_save(
            WebhookSubscription(partner=_key(editor), url=receiver.url, events=["verdict.published"])
        )
    assert info.value.message_dict == {"url": [webhooks.ERROR_WEBHOOK_URL.format(reason=LOOPBACK_REFUSED)]}
    assert WebhookSubscription.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.8/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://[64:ff9b::7f00:1]/hook",
        "http://[::ffff:192.168.0.1]/",
        "http://localhost:6379/",
        "http://0x7f000001/",
    ],
)
def test_private_and_embedded_private_addresses_are_refused_at_save(strict, editor, url):
    with pytest.raises(ValidationError) as info:
        services.webhook_subscription_save(
            WebhookSubscription(partner=_key(editor), url=url, events=["verdict.published"])
        )
    [message] = info.value.message_dict["url"]
    assert message.startswith(webhooks.ERROR_WEBHOOK_URL.format(reason="Refused: "))


def test_a_public_address_can_be_subscribed(strict, editor):
    sub = services.webhook_subscription_save(
        WebhookSubscription(partner=_key(editor), url="https://93.184.216.34/hooks", events=["verdict.published"])
    )
    assert sub.pk and sub.secret


def test_the_admin_form_shows_the_refusal_and_saves_nothing(strict, receiver, editor):
    key = _key(editor)
    web = Client(raise_request_exception=False)
    web.force_login(editor)
    response = web.post(
        "/admin/claims/webhooksubscription/add/",
        {
            "partner": key.pk,
            "url": receiver.url,
            "events": ["verdict.published"],
            "active": "on",
            "secret": "",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert webhooks.ERROR_WEBHOOK_URL.format(reason=LOOPBACK_REFUSED) in response.content.decode()
    assert WebhookSubscription.objects.count() == 0
    assert receiver.requests == []


def test_delivery_to_a_stored_loopback_url_is_refused_and_never_sent(strict, receiver, editor):
    """A subscription saved before the rule (or by a path that skipped it) is refused at delivery."""
    sub = WebhookSubscription.objects.create(
        partner=_key(editor), url=receiver.url, secret="s", events=["verdict.published"]
    )
    claim = make_published_claim(user=editor)
    delivery = WebhookDelivery.objects.create(subscription=sub, event="verdict.published", payload={"claim": claim.pk})

    outcome = webhooks.webhook_deliver(delivery.pk)

    delivery.refresh_from_db()
    assert receiver.requests == []
    assert outcome.status == DeliveryStatus.FAILED and outcome.retry_in is None  # a refusal is not retried
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1
    assert delivery.last_error == webhooks.ERROR_WEBHOOK_URL.format(reason=LOOPBACK_REFUSED)
    assert delivery.response_code is None


def test_dns_rebinding_at_delivery_is_caught_at_connect_time(strict, receiver, editor, monkeypatch):
    """The name resolves to a public address when checked, the connection lands on 127.0.0.1."""
    sub = services.webhook_subscription_save(
        WebhookSubscription(partner=_key(editor), url="http://93.184.216.34/x", events=["verdict.published"])
    )
    WebhookSubscription.objects.filter(pk=sub.pk).update(url=receiver.url)
    monkeypatch.setattr(fetching, "_resolve", lambda host, port: ["93.184.216.34"])
    delivery = WebhookDelivery.objects.create(subscription=sub, event="verdict.published", payload={"x": 1})

    outcome = webhooks.webhook_deliver(delivery.pk)

    delivery.refresh_from_db()
    assert receiver.requests == []  # refused after connect, before a byte of the request was sent
    assert outcome.status == DeliveryStatus.FAILED
    assert delivery.last_error == webhooks.ERROR_WEBHOOK_URL.format(reason=LOOPBACK_REFUSED)


def test_the_worker_path_does_not_post_to_loopback(strict, receiver, editor, django_capture_on_commit_callbacks):
    """The issue's repro: subscribe 127.0.0.1 (bypassing the form), publish, the task runs: nothing arrives."""
    WebhookSubscription.objects.create(partner=_key(editor), url=receiver.url, secret="s", events=["verdict.published"])
    with django_capture_on_commit_callbacks(execute=True):
        make_published_claim(user=editor)  # eager Celery: deliver_webhook_task runs here
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1


def test_an_allow_listed_network_is_reachable(strict, receiver, editor, django_capture_on_commit_callbacks):
    strict.FACTDESK_FETCH_ALLOW_NETWORKS = ["127.0.0.0/8"]
    services.webhook_subscription_save(
        WebhookSubscription(partner=_key(editor), url=receiver.url, events=["verdict.published"])
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_published_claim(user=editor)
    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.response_code == 200
    assert delivery.duration_ms is not None and 0 <= delivery.duration_ms < 10_000


def test_the_admin_shows_status_and_timing_never_the_response_body(strict, editor, django_capture_on_commit_callbacks):
    strict.FACTDESK_FETCH_ALLOW_NETWORKS = ["127.0.0.1/32"]
    secret_body = b"REDIS-SAYS-SECRET-INTERNAL-REPLY"
    receiver = Receiver(status=500)
    receiver.body = secret_body
    try:
        sub = services.webhook_subscription_save(
            WebhookSubscription(partner=_key(editor), url=receiver.url, events=["verdict.published"])
        )
        claim = make_published_claim(user=editor)
        delivery = WebhookDelivery.objects.create(
            subscription=sub, event="verdict.published", payload={"claim": claim.pk}
        )
        webhooks.webhook_deliver(delivery.pk)
    finally:
        receiver.close()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING and delivery.response_code == 500
    assert delivery.duration_ms is not None
    stored = WebhookDelivery.objects.filter(pk=delivery.pk).values().get()
    assert all(b"SECRET-INTERNAL" not in str(value).encode() for value in stored.values())
    web = Client(HTTP_ACCEPT_LANGUAGE="en")  # the desk's English wording is read below
    web.force_login(editor)
    page = web.get(f"/admin/claims/webhookdelivery/{delivery.pk}/change/").content.decode()
    listing = web.get("/admin/claims/webhookdelivery/").content.decode()
    for html in (page, listing):
        assert "SECRET-INTERNAL" not in html
        assert "Duration" in html
    assert "HTTP 500" in page
