"""Partner webhooks: fan-out by event/speaker/claim, HMAC signatures, retries with backoff, the record,
re-sending from the admin; deliveries go to a real HTTP server on 127.0.0.1 (allow-listed here: the
address rules themselves are tested in test_webhook_ssrf.py)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims import services
from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.partners import webhooks
from tests.factories import make_published_claim, make_speaker, make_statement, make_user


class Receiver:
    """A partner's endpoint: records every request; answers ``fail_first`` times with 500 first."""

    def __init__(self, fail_first: int = 0, status: int = 200):
        self.requests: list[dict] = []
        self.fail_first = fail_first
        self.status = status
        self.body: bytes | None = None  # what to answer with (default: "ok" or "boom")
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body, "at": time.monotonic()})
                code = 500 if len(receiver.requests) <= receiver.fail_first else receiver.status
                self.send_response(code)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(receiver.body or (b"ok" if code < 300 else b"boom"))

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/factdesk"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


LOOPBACK_ALLOWED = "127.0.0.1/32"


@pytest.fixture(autouse=True)
def _loopback_receivers_allowed(settings):
    """The receivers listen on 127.0.0.1, which the production address rules refuse."""
    settings.FACTDESK_FETCH_ALLOW_NETWORKS = [LOOPBACK_ALLOWED]


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


def _subscribe(url: str, editor, *, events=("verdict.published", "verdict.changed"), speakers=(), claims=()):
    key, _ = services.partner_key_create("Partner", ["read"], editor)
    sub = services.webhook_subscription_save(WebhookSubscription(partner=key, url=url, events=list(events)))
    sub.speakers.set(speakers)
    sub.claims.set(claims)
    return sub


def _verified(sub: WebhookSubscription, request: dict) -> dict:
    header = request["headers"][webhooks.SIGNATURE_HEADER]
    assert webhooks.verify_signature(sub.secret, request["body"], header)
    assert not webhooks.verify_signature(sub.secret, request["body"] + b" ", header)
    assert not webhooks.verify_signature("wrong-secret", request["body"], header)
    return json.loads(request["body"])


@pytest.mark.django_db
def test_publishing_a_verdict_sends_a_signed_webhook(receiver, editor, django_capture_on_commit_callbacks):
    sub = _subscribe(receiver.url, editor)

    with django_capture_on_commit_callbacks(execute=True):
        claim = make_published_claim("這個說法被查核了", user=editor, rating="false")

    [request] = receiver.requests
    payload = _verified(sub, request)
    assert payload["event"] == "verdict.published"
    assert payload["claim"]["id"] == claim.pk
    assert payload["verdict"]["rating"] == "false"
    assert request["headers"][webhooks.EVENT_HEADER] == "verdict.published"
    t, v1 = request["headers"][webhooks.SIGNATURE_HEADER].split(",")
    assert t.startswith("t=") and v1.startswith("v1=") and len(v1) == 3 + 64
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 1
    assert delivery.response_code == 200 and delivery.duration_ms is not None
    assert delivery.payload["id"] == payload["id"]


@pytest.mark.django_db
def test_a_verdict_edit_sends_verdict_changed(receiver, editor, django_capture_on_commit_callbacks):
    sub = _subscribe(receiver.url, editor, events=["verdict.changed"])
    claim = make_published_claim(user=editor)  # published before capture: not sent (event not chosen anyway)
    verdict = claim.current_verdict

    with django_capture_on_commit_callbacks(execute=True):
        services.verdict_update(verdict, user=editor, expected_revision=verdict.revision, rating="misleading")

    [request] = receiver.requests
    payload = _verified(sub, request)
    assert payload["event"] == "verdict.changed"
    assert payload["verdict"]["rating"] == "misleading"


@pytest.mark.django_db
def test_subscriptions_for_chosen_speakers_or_claims_only_get_theirs(receiver, editor,
                                                                     django_capture_on_commit_callbacks):
    other_speaker = make_speaker("無關的人")
    speaker = make_speaker("毛寧")
    statement = make_statement(speaker=speaker, text="毛寧說的話")
    _subscribe(receiver.url, editor, speakers=[other_speaker])
    mine = _subscribe(receiver.url + "?mine", editor, speakers=[speaker])

    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_accept(statement, user=editor)
        verdict = services.verdict_draft(claim=statement.claim, user=editor, rating="true", explanation="ok")
        services.verdict_publish(verdict, user=editor)

    assert [r["headers"].get(webhooks.DELIVERY_HEADER) for r in receiver.requests] == [
        str(WebhookDelivery.objects.get(subscription=mine).pk)
    ]
    by_claim = _subscribe(receiver.url + "?claim", editor, claims=[statement.claim])
    assert webhooks.dispatch_verdict_event("verdict.changed", verdict.pk, statement.claim_id) == 2  # mine and by_claim
    assert WebhookDelivery.objects.filter(subscription=by_claim).count() == 1


@pytest.mark.django_db
def test_revoked_partners_and_inactive_subscriptions_get_nothing(receiver, editor):
    sub = _subscribe(receiver.url, editor)
    claim = make_published_claim(user=editor)
    services.partner_key_revoke(sub.partner, user=editor)
    assert webhooks.dispatch_verdict_event("verdict.published", claim.current_verdict_id, claim.pk) == 0


@pytest.mark.django_db
def test_unpublished_claims_send_nothing(receiver, editor):
    _subscribe(receiver.url, editor)
    claim = make_published_claim(user=editor)
    services.claim_unpublish(claim, user=editor)
    assert webhooks.dispatch_verdict_event("verdict.published", claim.current_verdict_id, claim.pk) == 0


@pytest.mark.django_db
def test_failed_attempts_are_retried_then_recorded(editor, settings, django_capture_on_commit_callbacks):
    settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS = 4
    flaky = Receiver(fail_first=2)
    down = Receiver(status=503)
    try:
        _subscribe(flaky.url, editor)
        _subscribe(down.url, editor)
        with django_capture_on_commit_callbacks(execute=True):
            make_published_claim(user=editor)  # eager Celery: retries run at once
    finally:
        flaky.close()
        down.close()

    ok = WebhookDelivery.objects.get(subscription__url=flaky.url)
    assert (ok.status, ok.attempts, ok.response_code) == (DeliveryStatus.DELIVERED, 3, 200)
    assert len(flaky.requests) == 3
    failed = WebhookDelivery.objects.get(subscription__url=down.url)
    assert (failed.status, failed.attempts, failed.response_code) == (DeliveryStatus.FAILED, 4, 503)
    assert failed.last_error == "HTTP 503"
    # The same event id on every attempt, so receivers can de-duplicate.
    assert len({json.loads(r["body"])["id"] for r in flaky.requests}) == 1


@pytest.mark.django_db
def test_an_unreachable_endpoint_is_a_recorded_failure(editor, settings):
    settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS = 1
    gone = Receiver()
    gone.close()  # nothing listens on that port any more
    sub = _subscribe(gone.url, editor)
    claim = make_published_claim(user=editor)
    delivery = WebhookDelivery.objects.create(subscription=sub, event="verdict.published", payload={"claim": claim.pk})
    outcome = webhooks.webhook_deliver(delivery.pk)
    delivery.refresh_from_db()
    assert outcome.status == DeliveryStatus.FAILED
    assert delivery.status == DeliveryStatus.FAILED and "ConnectionError" in delivery.last_error


def test_backoff_doubles_and_is_capped(settings):
    settings.FACTDESK_WEBHOOK_BACKOFF_SECONDS = 30
    assert [webhooks.retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert webhooks.retry_delay(20) == webhooks.MAX_BACKOFF_SECONDS


def test_stale_signatures_are_refused():
    header = webhooks.sign("s3cret", b"{}", 1_000_000)
    assert webhooks.verify_signature("s3cret", b"{}", header, now=1_000_100)
    assert not webhooks.verify_signature("s3cret", b"{}", header, now=1_000_000 + 301)
    assert not webhooks.verify_signature("s3cret", b"{}", "garbage")


@pytest.mark.django_db
def test_admin_shows_deliveries_and_resends_them(receiver, editor, django_capture_on_commit_callbacks):
    from django.test import Client

    sub = _subscribe(receiver.url, editor)
    claim = make_published_claim(user=editor)
    original = WebhookDelivery.objects.create(subscription=sub, event="verdict.published",
                                              payload={"id": "evt1", "claim": {"id": claim.pk}},
                                              status=DeliveryStatus.FAILED, attempts=8, last_error="HTTP 500")
    web = Client()
    web.force_login(editor)
    assert web.get(f"/admin/claims/webhookdelivery/{original.pk}/change/").status_code == 200
    listing = web.get("/admin/claims/webhookdelivery/")
    assert listing.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        web.post("/admin/claims/webhookdelivery/", {"action": "resend", "_selected_action": [original.pk]})

    again = WebhookDelivery.objects.exclude(pk=original.pk).get()
    assert again.status == DeliveryStatus.DELIVERED and again.payload == original.payload
    original.refresh_from_db()
    assert original.status == DeliveryStatus.FAILED  # the record of the failure is kept
    assert json.loads(receiver.requests[-1]["body"])["id"] == "evt1"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_real_worker_delivers_and_retries_with_backoff(editor):
    from tests.conftest import WorkerProcess, purge_broker, wait_for

    flaky = Receiver(fail_first=1)
    purge_broker()
    worker = WorkerProcess(extra_env={"FACTDESK_WEBHOOK_BACKOFF_SECONDS": "1",
                                       "FACTDESK_FETCH_ALLOW_NETWORKS": LOOPBACK_ALLOWED}).start()
    try:
        sub = _subscribe(flaky.url, editor)
        claim = make_published_claim("工人送出的通知", user=editor)  # commits: the hook enqueues for real
        delivered = wait_for(lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).first(),
                             timeout=60)
    finally:
        worker.stop()
        flaky.close()
    assert delivered.attempts == 2 and delivered.subscription_id == sub.pk
    assert len(flaky.requests) == 2
    assert flaky.requests[1]["at"] - flaky.requests[0]["at"] >= 0.9  # waited the backoff before retrying
    payload = _verified(sub, flaky.requests[1])
    assert payload["claim"]["id"] == claim.pk
