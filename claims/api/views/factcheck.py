"""Partner API views (interface): fact-check search shaped like Google Fact Check Tools' claims:search."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors
from claims.api.serializers import FactCheckSearchInputSerializer, FactCheckSearchOutputSerializer
from claims.api.views.base import ReadApiMixin
from claims.models import Speaker, VerdictStatus
from claims.presentation import iso_utc, public_claim_url, speaker_display_name
from claims.ratings import rating_name

ERROR_PAGE_TOKEN = "Invalid page token."  # noqa: S105  (a message, not a secret)

_GOOGLE_LANGUAGES = {
    "zh": ["zh-Hant", "zh-Hans"], "zh-hant": ["zh-Hant"], "zh-tw": ["zh-Hant"], "zh-hk": ["zh-Hant"],
    "zh-mo": ["zh-Hant"], "zh-hans": ["zh-Hans"], "zh-cn": ["zh-Hans"], "zh-sg": ["zh-Hans"], "en": ["en"],
}


def _languages_for(code: str) -> list[str] | None:
    code = (code or "").strip().lower()
    if not code:
        return None
    if code in _GOOGLE_LANGUAGES:
        return _GOOGLE_LANGUAGES[code]
    primary = code.split("-")[0]
    return _GOOGLE_LANGUAGES.get(primary, ["other"] if primary not in {"zh", "en"} else [])




def _encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def _decode_token(token: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        if not raw.startswith("o") or not raw[1:].isdigit():
            raise ValueError(token)
        offset = int(raw[1:])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise exceptions.ValidationError({"pageToken": [ERROR_PAGE_TOKEN]}) from None
    if offset > 10_000:
        raise exceptions.ValidationError({"pageToken": [ERROR_PAGE_TOKEN]})
    return offset


@extend_schema(
    tags=["search"],
    summary="Search fact checks (shaped like Google Fact Check Tools claims:search)",
    description="Same parameters and response shape as `GET /v1alpha1/claims:search` of the Google Fact Check "
    "Tools API, so an existing client only changes its base URL. Only claims with a published verdict.",
    parameters=[FactCheckSearchInputSerializer],
    responses=FactCheckSearchOutputSerializer,
    examples=[OpenApiExample("Result", response_only=True, value={"claims": [{
        "text": "台灣的國防預算已超過GDP的3%。", "claimant": "顧立雄", "claimDate": "2025-02-13T01:20:00Z",
        "claimReview": [{"publisher": {"name": "factdesk", "site": "factdesk.example"},
                         "url": "https://factdesk.example/claims/42/", "title": "台灣的國防預算已超過GDP的3%。",
                         "reviewDate": "2025-02-14T09:00:00Z", "textualRating": "大致錯誤", "languageCode": "zh-Hant"}]}],
        "nextPageToken": "bzEw"})],
)
class FactCheckSearchApi(ReadApiMixin, APIView):
    def get(self, request: Request) -> Response:
        params = FactCheckSearchInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        site = urlsplit(settings.FACTDESK_SITE_URL).netloc
        publisher_filter = (p.get("reviewPublisherSiteFilter") or "").strip().lower()
        if publisher_filter and publisher_filter not in site.lower():
            return Response({"claims": []})
        offset = _decode_token(p["pageToken"]) if p.get("pageToken") else p.get("offset", 0)
        size = p["pageSize"]
        query = (p.get("query") or "").strip()
        found = selectors.claim_search(query) if query else selectors.public_claims().order_by("-modified_at", "-id")
        found = found.filter(current_verdict__status=VerdictStatus.PUBLISHED)
        languages = _languages_for(p.get("languageCode", ""))
        if languages is not None:
            found = found.filter(language__in=languages)
        if p.get("maxAgeDays"):
            found = found.filter(current_verdict__published_at__gte=timezone.now() - dt.timedelta(days=p["maxAgeDays"]))
        page = list(found[offset : offset + size + 1])
        more = len(page) > size
        page = page[:size]
        selectors.attach_claim_people(page)
        publisher = {"name": settings.FACTDESK_PUBLISHER_NAME, "site": site}
        # The claimant in the claim's own language (its registry form, else converted): one query a page.
        claimants = Speaker.objects.only("name", "registry_key").in_bulk(
            [claim.api_speakers[0][0] for claim in page if claim.api_speakers])
        items = []
        for claim in page:
            verdict = claim.current_verdict
            item = {"text": claim.text}
            if claim.api_speakers:
                speaker = claimants.get(claim.api_speakers[0][0])
                item["claimant"] = (speaker_display_name(speaker, claim.language) if speaker is not None
                                    else claim.api_speakers[0][1])
            if claim.first_seen_at:
                item["claimDate"] = iso_utc(claim.first_seen_at)
            item["claimReview"] = [{
                "publisher": publisher,
                "url": public_claim_url(claim),
                "title": verdict.summary or claim.text[:200],
                "reviewDate": iso_utc(verdict.published_at),
                "textualRating": rating_name(verdict.rating, claim.language),
                "languageCode": claim.language or "und",
            }]
            items.append(item)
        body: dict = {"claims": items}
        if more:
            body["nextPageToken"] = _encode_token(offset + size)
        return Response(body)
