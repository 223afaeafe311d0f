"""Partner API views (interface): fact-check search, a drop-in for Google Fact Check Tools' claims:search.

Served at ``/v1alpha1/claims:search`` (Google's path: a generated Google client changes only its
base URL) and at ``/api/v1/claims:search``. Parameters, defaults and the response follow Google's
v1alpha1 reference; errors are the API's one shape, which is Google's error envelope.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors
from claims.api.serializers import FactCheckSearchInputSerializer, FactCheckSearchOutputSerializer
from claims.api.views.base import ReadApiMixin
from claims.models import Speaker
from claims.presentation import iso_utc, public_claim_url, speaker_display_name
from claims.ratings import rating_name

# Messages shown to partners; tests reuse them.
ERROR_PAGE_TOKEN = "Invalid page token."  # noqa: S105  (a message, not a secret)
ERROR_PAGE_TOKEN_QUERY = "This page token belongs to another query; send the parameters it came with."  # noqa: S105
ERROR_QUERY_REQUIRED = "Either query or reviewPublisherSiteFilter must be set."
ERROR_LANGUAGE_CODE = "Enter a BCP-47 language tag, such as en-US, zh-TW or zh-Hant."

TOKEN_SALT = "factdesk.api.claims-search"  # noqa: S105
MAX_OFFSET = 10_000

# Google's REST surface accepts each parameter under its proto name too (language_code, ...).
_SNAKE_NAMES = {
    "language_code": "languageCode", "max_age_days": "maxAgeDays", "page_size": "pageSize",
    "page_token": "pageToken", "review_publisher_site_filter": "reviewPublisherSiteFilter",
}
_BCP47 = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_HANT_REGIONS = {"tw", "hk", "mo"}
_HANS_REGIONS = {"cn", "sg", "my"}


def languages_for(tag: str) -> list[str] | None:
    """Our claim languages for a BCP-47 tag (None: no filter). Chinese follows the script subtag,
    or the region's script (TW, HK, MO: Traditional; CN, SG, MY: Simplified), or takes both."""
    tag = tag.strip().replace("_", "-")
    if not tag:
        return None
    if not _BCP47.match(tag):
        raise exceptions.ValidationError({"languageCode": [ERROR_LANGUAGE_CODE]})
    primary, *subtags = tag.lower().split("-")
    if primary == "zh":
        if "hant" in subtags or _HANT_REGIONS.intersection(subtags):
            return ["zh-Hant"]
        if "hans" in subtags or _HANS_REGIONS.intersection(subtags):
            return ["zh-Hans"]
        return ["zh-Hant", "zh-Hans"]
    if primary == "en":
        return ["en"]
    return ["other"]


def site_host() -> str:
    """The publisher's site as Google names it: the host, without scheme or port."""
    return (urlsplit(settings.FACTDESK_SITE_URL).hostname or "").lower()


def _filter_host(value: str) -> str:
    value = value.strip().lower()
    if "://" in value:
        value = urlsplit(value).hostname or ""
    return value.rstrip(".")




def _query_digest(params: dict) -> str:
    """What a page token is bound to: every parameter but the token and the offset."""
    bound = [str(params.get(name) or "") for name in
             ("query", "languageCode", "maxAgeDays", "pageSize", "reviewPublisherSiteFilter")]
    return hashlib.sha256("\x1f".join(bound).encode()).hexdigest()[:16]


def encode_page_token(offset: int, params: dict) -> str:
    return signing.dumps({"o": offset, "q": _query_digest(params)}, salt=TOKEN_SALT)


def decode_page_token(token: str, params: dict) -> int:
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        offset, digest = int(data["o"]), str(data["q"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise exceptions.ValidationError({"pageToken": [ERROR_PAGE_TOKEN]}) from None
    if digest != _query_digest(params):
        raise exceptions.ValidationError({"pageToken": [ERROR_PAGE_TOKEN_QUERY]})
    if not 0 <= offset <= MAX_OFFSET:
        raise exceptions.ValidationError({"pageToken": [ERROR_PAGE_TOKEN]})
    return offset


def claim_date(claim) -> str | None:
    """When the words were said (the day, as midnight UTC) when known, else when first seen."""
    if claim.claim_said_on is not None:
        return f"{claim.claim_said_on.isoformat()}T00:00:00Z"
    return iso_utc(claim.first_seen_at)


def factcheck_item(claim, publisher: dict, claimants: dict | None = None) -> dict:
    """One claim in Google's Claim shape; empty fields are left out, as Google leaves them out."""
    verdict = claim.current_verdict
    item: dict = {"text": claim.text}
    if claim.api_speakers:
        speaker = (claimants or {}).get(claim.api_speakers[0][0])
        item["claimant"] = (speaker_display_name(speaker, claim.language) if speaker is not None
                            else claim.api_speakers[0][1])
    date = claim_date(claim)
    if date:
        item["claimDate"] = date
    review = {
        "publisher": publisher,
        "url": public_claim_url(claim),
        "title": verdict.summary or claim.text[:200],
        "reviewDate": iso_utc(verdict.published_at),
        "textualRating": rating_name(verdict.rating, claim.language),
        "languageCode": claim.language if claim.language and claim.language != "other" else "und",
    }
    item["claimReview"] = [{key: value for key, value in review.items() if value}]
    return item


_EXAMPLE = {"claims": [{
    "text": "台灣的國防預算已超過GDP的3%。", "claimant": "顧立雄", "claimDate": "2025-02-13T00:00:00Z",
    "claimReview": [{"publisher": {"name": "factdesk", "site": "factdesk.example"},
                     "url": "https://factdesk.example/claims/42/", "title": "The 2025 budget is 2.45% of GDP.",
                     "reviewDate": "2025-02-14T09:00:00Z", "textualRating": "大致錯誤", "languageCode": "zh-Hant"}]}],
    "nextPageToken": "eyJvIjoxMCwicSI6IjFhMmIzYzRkNWU2ZjcwODEifQ:1tjKxw:..."}


@extend_schema(
    tags=["search"],
    summary="Search fact checks (drop-in for Google Fact Check Tools claims:search)",
    description="The parameters, defaults and response of `GET /v1alpha1/claims:search` of Google's Fact Check "
    "Tools API, at the same path (`/v1alpha1/claims:search`) and at `/api/v1/claims:search`. `query` or "
    "`reviewPublisherSiteFilter` is required (400 otherwise). No result is `{}`. `pageToken` is opaque and "
    "only valid with the parameters of the request that returned it. Only claims with a published verdict. "
    "Each parameter is also accepted under its snake_case name (`language_code`, ...). With a `query`, the 200 "
    "newest matching claims are ranked (exact wording first, then newest) and paged; there is no total count "
    "(as in Google's API): refine the query to reach older matches.",
    parameters=[FactCheckSearchInputSerializer],
    responses=FactCheckSearchOutputSerializer,
    examples=[OpenApiExample("Result", response_only=True, value=_EXAMPLE),
              OpenApiExample("Nothing found", response_only=True, value={})],
)
class FactCheckSearchApi(ReadApiMixin, APIView):
    error_examples = {400: {"query": [ERROR_QUERY_REQUIRED]}}

    def get(self, request: Request) -> Response:
        raw = request.query_params.dict()
        for snake, camel in _SNAKE_NAMES.items():
            if snake in raw and camel not in raw:
                raw[camel] = raw[snake]
        params = FactCheckSearchInputSerializer(data=raw)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        query = (p.get("query") or "").strip()
        publisher_filter = _filter_host(p.get("reviewPublisherSiteFilter") or "")
        if not query and not publisher_filter:
            raise exceptions.ValidationError({"query": [ERROR_QUERY_REQUIRED]})
        languages = languages_for(p.get("languageCode") or "")
        offset = decode_page_token(p["pageToken"], p) if p.get("pageToken") else p.get("offset", 0)
        host = site_host()
        if publisher_filter and publisher_filter != host:
            return Response({})
        newer_than = timezone.now() - dt.timedelta(days=p["maxAgeDays"]) if p.get("maxAgeDays") else None
        found = selectors.factcheck_claims(query, languages=languages, newer_than=newer_than)
        size = p["pageSize"]
        page = list(found[offset: offset + size + 1])
        more = len(page) > size and offset + size <= MAX_OFFSET
        page = page[:size]
        if not page:
            return Response({})
        selectors.attach_claim_people(page)
        publisher = {"name": settings.FACTDESK_PUBLISHER_NAME, "site": host}
        # The claimant in the claim's own language (its registry form, else converted): one query a page.
        claimants = Speaker.objects.only("name", "registry_key").in_bulk(
            [claim.api_speakers[0][0] for claim in page if claim.api_speakers])
        body: dict = {"claims": [factcheck_item(claim, publisher, claimants) for claim in page]}
        if more:
            body["nextPageToken"] = encode_page_token(offset + size, p)
        return Response(body)


class GoogleFactCheckSearchApi(FactCheckSearchApi):
    """The same search at Google's own path, ``/v1alpha1/claims:search`` (outside /api/v1/'s version
    namespace, so unversioned; listed in the schema beside it)."""

    versioning_class = None
