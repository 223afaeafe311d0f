"""ClaimReview structured data (schema.org) for a published claim: used by the claim page and the API.

Follows Google's fact-check markup: claimReviewed, reviewRating (ratingValue, bestRating,
worstRating and alternateName from claims.ratings), url, author (the publisher), datePublished,
and itemReviewed as a Claim with its author (sameAs a Wikidata item when known), the date it was
first made, its appearances (the articles that reported it) and its first appearance.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim, SpeakerKind, VerdictStatus
from claims.presentation import absolute_url, claim_path, speaker_display_name, speaker_display_title
from claims.ratings import BEST_RATING, WORST_RATING, rating_info, rating_name
from claims.selectors import claim_public_statements

# What must not appear raw inside a <script> element: the same escapes as django's json_script.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_PERSON_KINDS = {SpeakerKind.PERSON, SpeakerKind.ANONYMOUS}


def _date(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "hour"):
        value = timezone.localdate(value)
    return value.isoformat()


def _appearance(statement) -> dict[str, Any]:
    article = statement.article
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url.startswith(("http://", "https://")):
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    published = _date(article.published_at) or _date(statement.said_on)
    if published:
        work["datePublished"] = published
    if article.outlet_id:
        work["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    return work


def _public_statements(claim: Claim) -> list:
    cached = getattr(claim, "public_statements", None)
    if cached is not None:
        return list(cached)
    return list(claim_public_statements(claim))


def claim_review_jsonld(claim: Claim, request=None) -> dict:
    """The ClaimReview of a claim's published current verdict as a dict; {} when it has none.

    ``request`` is accepted for callers that have one; URLs are always built on
    FACTDESK_SITE_URL so that the markup names the canonical page. Uses
    ``claim.public_statements`` when the caller already loaded them (saves a query).
    """
    verdict = claim.current_verdict
    if not claim.published or verdict is None or verdict.status != VerdictStatus.PUBLISHED:
        return {}
    info = rating_info(verdict.rating)
    # alternateName in the claim's language (what a reader of the review sees); ``name`` keeps the
    # scale's English name, stable for machines in every language (docs/API.md).
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating_name(verdict.rating, claim.language),
                              "name": info.alternate_name}
    if info.value is not None:
        rating.update(ratingValue=info.value, bestRating=BEST_RATING, worstRating=WORST_RATING)

    statements = _public_statements(claim)
    dated = sorted(
        statements,
        key=lambda s: (_date(s.said_on) or _date(s.article.published_at) or "9999", s.pk),
    )
    item: dict[str, Any] = {"@type": "Claim"}
    first = dated[0] if dated else None
    if first is not None and first.speaker is not None:
        speaker = first.speaker
        author: dict[str, Any] = {
            "@type": "Person" if speaker.kind in _PERSON_KINDS else "Organization",
            "name": speaker_display_name(speaker, claim.language),
        }
        title = speaker_display_title(speaker, claim.language, english_fallback=True)
        if title:
            author["jobTitle" if author["@type"] == "Person" else "description"] = title
        if speaker.wikidata_id:
            author["sameAs"] = f"https://www.wikidata.org/wiki/{speaker.wikidata_id}"
        item["author"] = author
    elif first is not None and first.mention:
        item["author"] = {"@type": "Person", "name": first.mention}
    if first is not None:
        first_date = _date(first.said_on) or _date(first.article.published_at)
    else:
        first_date = _date(claim.first_seen_at)
    if first_date:
        item["datePublished"] = first_date
    if dated:
        item["firstAppearance"] = _appearance(dated[0])
        item["appearance"] = [_appearance(s) for s in dated]

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(claim_path(claim)),
        "claimReviewed": claim.text,
        "datePublished": _date(verdict.published_at),
        # The claim's public modified time: any change a reader can see (verdict, statements, stances).
        # In the publisher's time zone, as datePublished is: a UTC stamp could fall on the day before.
        "dateModified": (
            timezone.localtime(claim.modified_at).isoformat() if claim.modified_at else _date(verdict.published_at)
        ),
        "author": {
            "@type": "Organization",
            "name": settings.FACTDESK_PUBLISHER_NAME,
            "url": absolute_url("/"),
        },
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if claim.language in {"zh-Hant", "zh-Hans", "en"}:
        data["inLanguage"] = claim.language
    if verdict.summary:
        data["description"] = verdict.summary
    return data


def jsonld_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` with ``data``; <, > and & are \\u-escaped, so no user
    text can close the element (the escaping django's json_script does)."""
    if not data:
        return mark_safe("")  # noqa: S308 - a constant empty string
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
