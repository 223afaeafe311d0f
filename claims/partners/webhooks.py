"""Partner webhooks (service layer, below the API): subscriptions, payloads, fan-out, signed delivery, re-send.

A delivery row is written (pending) before anything is sent: it is the outbox and the record.
Each attempt is one HTTP POST with timeouts, its outcome stored on the row; the Celery task
(claims.tasks.deliver_webhook_task, queued by name through factdesk.outbox) retries with exponential backoff until the attempt limit.
Delivery is at least once: receivers de-duplicate on the payload's ``id``.

Addresses: a subscription's URL must pass the fetcher's address rules (sources.fetching: http(s)
only, public addresses only unless FACTDESK_FETCH_ALLOW_PRIVATE / FACTDESK_FETCH_ALLOW_NETWORKS say
otherwise) when it is saved and again at every delivery, and each POST goes through the fetcher's
peer-checked session, so a name that re-resolves to a private address (DNS rebinding) is refused
after connect, before a byte is sent. Only the status code and timing of a reply are recorded.

Signature: header ``X-Factdesk-Signature: t=<unix seconds>,v1=<hex>`` where
``hex = HMAC-SHA256(secret, f"{t}.{body}")`` over the exact bytes of the body. Receivers
recompute it and refuse a timestamp older than a few minutes (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import (
    Claim,
    DeliveryStatus,
    Flip,
    ReviewState,
    Statement,
    Verdict,
    VerdictStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from claims.presentation import api_claim_url, public_claim_url, verdict_summary
from claims.selectors import claim_published_list, flip_public_list
from factdesk.outbox import enqueue_on_commit
from sources import fetching
from sources.models import FetchOutcome

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Factdesk-Signature"
EVENT_HEADER = "X-Factdesk-Event"
DELIVERY_HEADER = "X-Factdesk-Delivery"
USER_AGENT = "factdesk-webhooks/1"
MAX_BACKOFF_SECONDS = 3600
SIGNATURE_TOLERANCE_SECONDS = 300

DELIVER_TASK = "claims.tasks.deliver_webhook_task"

ERROR_INACTIVE = "The subscription or its partner key is no longer active."
ERROR_WEBHOOK_EVENTS = ("Choose at least one event among: verdict.published, verdict.changed, verdict.withdrawn, "
                        "speaker.flip.")
ERROR_WEBHOOK_URL = "Webhooks are only sent over http(s) to public internet addresses. {reason}"


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: str, body: bytes, header: str, *, now: float | None = None,
                     tolerance: int = SIGNATURE_TOLERANCE_SECONDS) -> bool:
    """What a receiver does: recompute the HMAC in constant time and check the timestamp is fresh."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, given)


def encode_body(payload: dict) -> bytes:
    """The exact bytes sent (and signed): compact UTF-8 JSON with sorted keys."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def retry_delay(attempts: int) -> int:
    """Seconds before the next attempt after ``attempts`` failed ones: base, 2x, 4x ... capped at an hour."""
    base = settings.FACTDESK_WEBHOOK_BACKOFF_SECONDS
    return min(MAX_BACKOFF_SECONDS, base * 2 ** max(0, attempts - 1))


def verdict_event_payload(event: str, verdict: Verdict, claim: Claim) -> dict:
    """What partners receive: the event, the claim and its verdict (public fields only)."""
    return {
        "id": uuid.uuid4().hex,
        "event": event,
        "created_at": timezone.now().isoformat(),
        "claim": {
            "id": claim.pk,
            "text": claim.text,
            "language": claim.language,
            "url": public_claim_url(claim),
            "api_url": api_claim_url(claim.pk),
        },
        "verdict": verdict_summary(verdict),
    }


def claim_withdrawn_payload(claim: Claim) -> dict:
    """What partners receive when a claim leaves the public: its id, when, and where it went if merged."""
    target = None
    if claim.merged_into_id:
        merged = Claim.objects.filter(pk=claim.merged_into_id).first()
        if merged is not None:
            target = {"id": merged.pk, "url": public_claim_url(merged), "api_url": api_claim_url(merged.pk)}
    last = Verdict.objects.filter(claim_id=claim.merged_into_id or claim.pk, status=VerdictStatus.PUBLISHED)
    return {
        "id": uuid.uuid4().hex,
        "event": WebhookEvent.VERDICT_WITHDRAWN,
        "created_at": timezone.now().isoformat(),
        "claim": {
            "id": claim.pk,
            "withdrawn_at": (claim.withdrawn_at or claim.modified_at).isoformat(),
            "reason": "merged" if claim.merged_into_id else "withdrawn",
            "merged_into": target,
        },
        "verdict": verdict_summary(last.order_by("-published_at").first()) if target else None,
    }


def _matches(subscription: WebhookSubscription, event: str, claim_ids: set[int], speaker_ids: set[int]) -> bool:
    if event not in (subscription.events or []):
        return False
    chosen_claims = {c.pk for c in subscription.claims.all()}
    chosen_speakers = {s.pk for s in subscription.speakers.all()}
    if not chosen_claims and not chosen_speakers:
        return True  # subscribed to every claim
    return bool(chosen_claims & claim_ids) or bool(chosen_speakers & speaker_ids)


@transaction.atomic
def dispatch_verdict_event(event: str, verdict_id: int, claim_id: int) -> int:
    """Create one pending delivery per matching active subscription and enqueue each after commit.

    Nothing is sent for a verdict or claim that is not public (any more); returns the number of
    deliveries created.
    """
    verdict = Verdict.objects.filter(pk=verdict_id, claim_id=claim_id).first()
    claim = claim_published_list().filter(pk=claim_id).first()
    if verdict is None or claim is None or verdict.status != VerdictStatus.PUBLISHED:
        return 0
    return _deliveries_create(event, {claim_id}, verdict_event_payload(event, verdict, claim))


def _deliveries_create(event: str, claim_ids: set[int], payload: dict) -> int:
    """One pending delivery per subscription matching these claims (or their speakers), enqueued after commit."""
    speaker_ids = set(
        Statement.objects.filter(claim_id__in=claim_ids, review_state=ReviewState.ACCEPTED, speaker__isnull=False)
        .values_list("speaker_id", flat=True)
    )
    subscriptions = (
        WebhookSubscription.objects.filter(active=True, partner__active=True, partner__revoked_at__isnull=True)
        .prefetch_related("claims", "speakers")
        .order_by("id")
    )
    created = [
        WebhookDelivery.objects.create(subscription=subscription, event=event, payload=payload)
        for subscription in subscriptions
        if _matches(subscription, event, claim_ids, speaker_ids)
    ]
    for delivery in created:
        enqueue_on_commit(DELIVER_TASK, delivery.pk)
    return len(created)


@transaction.atomic
def dispatch_claim_withdrawn(claim_id: int) -> int:
    """``verdict.withdrawn`` to every partner subscribed to this claim (or its speakers), when it was
    public once and is not now; returns the number of deliveries created."""
    claim = Claim.objects.filter(pk=claim_id, published_at__isnull=False).first()
    if claim is None or (claim.published and not claim.merged_into_id):
        return 0
    # A merged claim's statements now sit on its target: match subscribers of either and their speakers.
    claim_ids = {claim.pk, claim.merged_into_id} - {None}
    return _deliveries_create(WebhookEvent.VERDICT_WITHDRAWN, claim_ids, claim_withdrawn_payload(claim))


def _flip_side(flip: Flip, which: str) -> dict:
    stance = getattr(flip, f"{which}_stance")
    statement = getattr(flip, f"{which}_statement")
    item = stance or statement
    article = item.article if item is not None else None
    return {
        "date": getattr(flip, f"{which}_on").isoformat(),
        "polarity": stance.polarity if stance is not None else None,
        "text": statement.text if statement is not None else (stance.cue if stance is not None else ""),
        "source_url": article.url if article is not None else None,
    }


def speaker_flip_payload(flip: Flip) -> dict:
    """What partners receive when an editor confirms a flip: the speaker, the claim, both sides dated."""
    return {
        "id": uuid.uuid4().hex,
        "event": WebhookEvent.SPEAKER_FLIP,
        "created_at": timezone.now().isoformat(),
        "speaker": {"id": flip.speaker_id, "name": flip.speaker.name, "wikidata_id": flip.speaker.wikidata_id},
        "claim": {"id": flip.claim_id, "text": flip.claim.text, "url": public_claim_url(flip.claim),
                  "api_url": api_claim_url(flip.claim_id)},
        "flip": {"id": flip.pk, "kind": flip.kind, "earlier": _flip_side(flip, "earlier"),
                 "later": _flip_side(flip, "later")},
    }


@transaction.atomic
def dispatch_speaker_flip(flip_id: int) -> int:
    """``speaker.flip`` to every partner subscribed to the speaker or the claim (or to everything), when
    the flip is public (confirmed, both items public); returns the number of deliveries created."""
    flip = (flip_public_list().filter(pk=flip_id)
            .select_related("speaker", "claim", "earlier_stance__article", "later_stance__article",
                            "earlier_statement__article", "later_statement__article").first())
    if flip is None:
        return 0
    subscriptions = (
        WebhookSubscription.objects.filter(active=True, partner__active=True, partner__revoked_at__isnull=True)
        .prefetch_related("claims", "speakers").order_by("id")
    )
    payload = speaker_flip_payload(flip)
    created = [
        WebhookDelivery.objects.create(subscription=subscription, event=WebhookEvent.SPEAKER_FLIP, payload=payload)
        for subscription in subscriptions
        if _matches(subscription, WebhookEvent.SPEAKER_FLIP, {flip.claim_id}, {flip.speaker_id})
    ]
    for delivery in created:
        enqueue_on_commit(DELIVER_TASK, delivery.pk)
    return len(created)


@dataclass(frozen=True)
class DeliveryOutcome:
    status: str  # delivered, failed, pending (will retry) or skipped
    retry_in: int | None = None


def webhook_url_check(url: str) -> None:
    """Refuse a webhook URL the fetcher would refuse to fetch (FetchError; REFUSED for an address
    rule, NETWORK_ERROR for a host that does not resolve)."""
    fetching.check_url(url)


def webhook_deliver(delivery_id: int) -> DeliveryOutcome:
    """Make one attempt at a pending delivery and record its outcome.

    The row is claimed and counted in a short transaction; the HTTP call happens outside any
    transaction (a slow receiver must not hold a database lock). 2xx is success; anything else,
    a timeout or a connection error is a failed attempt, retried until the attempt limit. A URL
    refused by the address rules fails at once (retrying would only knock on the same door).
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("subscription", "subscription__partner")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return DeliveryOutcome("skipped")
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
    subscription = delivery.subscription
    partner = subscription.partner
    if not subscription.active or not partner.active or partner.revoked_at is not None:
        _record(delivery.pk, status=DeliveryStatus.FAILED, code=None, duration_ms=None, error=ERROR_INACTIVE)
        return DeliveryOutcome(DeliveryStatus.FAILED)

    body = encode_body(delivery.payload)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.pk),
        SIGNATURE_HEADER: sign(subscription.secret, body, int(time.time())),
    }
    timeout = settings.FACTDESK_WEBHOOK_TIMEOUT
    code, error, refused = None, "", False
    started = time.monotonic()
    try:
        webhook_url_check(subscription.url)
        # The body of the reply is never read: only its status line matters.
        with fetching.checked_session().post(subscription.url, data=body, headers=headers,
                                             timeout=(min(5, timeout), timeout), allow_redirects=False,
                                             stream=True) as response:
            code = response.status_code
    except fetching.FetchError as exc:  # refused by the address rules, before or after connecting
        refused = exc.outcome == FetchOutcome.REFUSED
        error = ERROR_WEBHOOK_URL.format(reason=exc.message) if refused else exc.message
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {fetching.network_error_reason(exc)}"
    except Exception as exc:  # a bad URL or an unexpected transport failure is still just a failed attempt
        error = f"{type(exc).__name__}: {fetching.network_error_reason(exc)}"
    duration_ms = int((time.monotonic() - started) * 1000)

    if code is not None and 200 <= code < 300:
        _record(delivery.pk, status=DeliveryStatus.DELIVERED, code=code, duration_ms=duration_ms, error="")
        return DeliveryOutcome(DeliveryStatus.DELIVERED)
    if code is not None:
        error = f"HTTP {code}"
    if refused or delivery.attempts >= settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS:
        _record(delivery.pk, status=DeliveryStatus.FAILED, code=code, duration_ms=duration_ms, error=error)
        logger.warning("webhook delivery %s failed after %s attempts: %s", delivery.pk, delivery.attempts, error)
        return DeliveryOutcome(DeliveryStatus.FAILED)
    _record(delivery.pk, status=DeliveryStatus.PENDING, code=code, duration_ms=duration_ms, error=error)
    return DeliveryOutcome(DeliveryStatus.PENDING, retry_in=retry_delay(delivery.attempts))


def _record(delivery_id: int, *, status: str, code: int | None, duration_ms: int | None, error: str) -> None:
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=status,
        response_code=code,
        duration_ms=duration_ms,
        last_error=error[:500],
        delivered_at=timezone.now() if status == DeliveryStatus.DELIVERED else None,
    )


@transaction.atomic
def webhook_delivery_resend(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery's payload again as a new delivery (same event id, fresh attempts); the
    original row stays as the record of what happened."""
    again = WebhookDelivery.objects.create(
        subscription_id=delivery.subscription_id, event=delivery.event, payload=delivery.payload
    )
    enqueue_on_commit(DELIVER_TASK, again.pk)
    return again


@transaction.atomic
def webhook_subscription_save(subscription):
    """Validate and save a subscription (a signing secret is generated when none was given).

    The URL must pass the fetcher's address rules (webhook_url_check): an editor
    cannot point the worker at loopback, the private network or a cloud metadata address."""
    events = list(dict.fromkeys(subscription.events or []))
    if not events or any(e not in WebhookEvent.values for e in events):
        raise ValidationError(ERROR_WEBHOOK_EVENTS)
    try:
        webhook_url_check(subscription.url)
    except fetching.FetchError as exc:
        raise ValidationError({"url": ERROR_WEBHOOK_URL.format(reason=exc.message)}) from None
    subscription.events = events
    if not subscription.secret:
        subscription.secret = secrets.token_hex(32)
    subscription.full_clean(exclude=["partner"])
    subscription.save()
    return subscription
