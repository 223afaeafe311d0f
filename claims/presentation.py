"""Public representations shared by pages, the API, ClaimReview and partner webhooks (low layer).

The canonical public URLs (always on FACTDESK_SITE_URL, never on whatever host was asked), the
API's one timestamp format, and the public summary of a verdict: one home each, so the API, the
JSON-LD builder and the webhook payloads cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from claims.ratings import rating_info


def iso_utc(value: dt.datetime | None) -> str | None:
    """A datetime as RFC 3339 in UTC to the second with a trailing Z (the API's one timestamp format;
    claims.selectors.IsoUtc produces the same string in SQL)."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def absolute_url(path: str) -> str:
    """``path`` on the canonical public site (FACTDESK_SITE_URL), not on whatever host was asked."""
    return settings.FACTDESK_SITE_URL.rstrip("/") + path


def claim_path(claim) -> str:
    """The canonical path of a claim's public page."""
    return reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})


def public_claim_url(claim) -> str:
    """The claim's page on the public site (absolute URL)."""
    return absolute_url(claim_path(claim))


def api_claim_url(claim_id: int) -> str:
    """The claim in the partner API (absolute URL on the public site)."""
    return absolute_url(reverse("v1:claim-detail", kwargs={"pk": claim_id}))


def verdict_summary(verdict) -> dict | None:
    """The public summary of a verdict: rating, English label and 1-5 value, summary, publication."""
    if verdict is None:
        return None
    info = rating_info(verdict.rating)
    return {
        "id": verdict.pk,
        "rating": verdict.rating,
        "label": info.alternate_name,
        "rating_value": info.value,
        "summary": verdict.summary,
        "published_at": iso_utc(verdict.published_at),
        "revision": verdict.revision,
    }
