"""Partner API v1 (interface): read endpoints, article submission, fact-check search, ClaimReview feed.

Views only parse, check and shape: reads come from claims.api.queries (on claims.selectors),
the one write (article submission) goes through sources.services.article_ingest.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django_filters import rest_framework as filters
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api import queries
from claims.api.auth import (
    ApiKeyAuthentication,
    HasIngestScope,
    IngestRateThrottle,
    ReadRateThrottle,
    request_partner,
)
from claims.api.fields import MAX_ID, BoundedDateFilter, DateTimeSinceFilter, IdFilter, iso_utc
from claims.api.pagination import ClaimCursorPagination, FeedCursorPagination, IdCursorPagination
from claims.api.serializers import (
    LANGUAGE_CHOICES,
    ArticleOutputSerializer,
    ArticleStatusSerializer,
    ArticleSubmitInputSerializer,
    ArticleSubmitOutputSerializer,
    ClaimDetailOutputSerializer,
    ClaimListOutputSerializer,
    FactCheckSearchInputSerializer,
    FactCheckSearchOutputSerializer,
    SpeakerDetailOutputSerializer,
    SpeakerListOutputSerializer,
    article_ref,
    public_claim_url,
)
from claims.jsonld import absolute_url, claim_path, claim_review_jsonld
from claims.models import Claim, ReviewState, SpeakerAlias, Statement, VerdictStatus
from claims.public_cache import PAGE_TTL_SECONDS, page_key
from claims.ratings import Rating, rating_info
from sources.models import Article

# Messages shown to partners; tests reuse them.
ERROR_TEXT_REQUIRED = "Send the article as 'text' (plain text or HTML) or upload it as 'file'."
ERROR_TEXT_ENCODING = "The text is not valid Unicode (it contains unpaired surrogates)."
ERROR_FIELD_ENCODING = "This field is not valid Unicode (it contains unpaired surrogates)."
ERROR_BODY_TOO_LARGE = "The request body is larger than the limit of {limit:,} bytes."
ERROR_JSON = "The request body is not valid JSON in UTF-8: {error}"
ERROR_PAGE_TOKEN = "Invalid page token."  # noqa: S105  (a message, not a secret)
STATUS_SALT = "factdesk.api.article-status"
DETAIL_LIMIT = 200  # statements or stances listed on one detail page


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """Documents the API-key header in the OpenAPI schema."""

    target_class = "claims.api.auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Authorization: Api-Key <prefix>.<secret>` (keys are issued by the factdesk editors).",
        }


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"


# No request of this API nests deeper than a few levels; deeper JSON is refused with a clear 400
# (past about a thousand levels the decoder itself raises RecursionError, which was a 500).
MAX_JSON_DEPTH = 32
ERROR_JSON_DEPTH = "The JSON body is nested too deeply (more than {limit} levels of arrays or objects)."


def _json_too_deep(value: object, limit: int) -> bool:
    """True when arrays/objects nest deeper than ``limit`` (an explicit stack: no recursion here)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))  # type: ignore[union-attr]
    return False


class Utf8JSONParser(JSONParser):
    """JSON, with a clear message when the body is not UTF-8, not JSON, or nested too deeply."""

    def parse(self, stream, media_type=None, parser_context=None):
        depth_error = ERROR_JSON_DEPTH.format(limit=MAX_JSON_DEPTH)
        try:
            data = super().parse(stream, media_type, parser_context)
        except exceptions.ParseError as exc:
            raise exceptions.ParseError(ERROR_JSON.format(error=str(exc.detail).split(" - ", 1)[-1])) from None
        except RecursionError:
            raise exceptions.ParseError(depth_error) from None
        if isinstance(data, dict | list) and _json_too_deep(data, MAX_JSON_DEPTH):
            raise exceptions.ParseError(depth_error)
        return data


class ReadApiMixin:
    """Anonymous reads allowed; a key only raises the throttle rate.

    Successful reads are cached under the public data version (claims.public_cache): every
    service that changes public data bumps it, so a cached page is never stale after a commit.
    Authentication and throttling still run on every request (they happen before ``get``).
    """

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [ReadRateThrottle]

    def get(self, request: Request, *args, **kwargs):
        renderer = request.accepted_renderer
        key = page_key(f"api:{renderer.format}", request.build_absolute_uri(), get_language() or "")
        cached = cache.get(key)
        if cached is not None:
            if renderer.format == "json":  # the rendered bytes: no serialisation at all
                return HttpResponse(cached, content_type=request.accepted_media_type)
            return Response(cached)
        response = super().get(request, *args, **kwargs)
        if response.status_code != status.HTTP_200_OK:
            return response
        if renderer.format != "json":
            cache.set(key, response.data, PAGE_TTL_SECONDS)
            return response
        response.accepted_renderer = renderer
        response.accepted_media_type = request.accepted_media_type
        response.renderer_context = self.get_renderer_context()
        body = response.rendered_content
        cache.set(key, body, PAGE_TTL_SECONDS)
        return HttpResponse(body, content_type=request.accepted_media_type)


class ClaimGone(exceptions.APIException):
    """410 for a claim that was public once and was withdrawn or merged (its tombstone is the body)."""

    status_code = status.HTTP_410_GONE
    default_code = "gone"

    def __init__(self, body: dict):
        super().__init__()
        self.detail = body


def tombstone_data(claim: Claim, request) -> dict:
    """What remains public of a withdrawn or merged claim: its id, when it went, and where to."""
    return {
        "id": claim.pk,
        "url": request.build_absolute_uri(reverse("v1:claim-detail", kwargs={"pk": claim.pk})),
        "withdrawn": True,
        "withdrawn_at": iso_utc(claim.withdrawn_at or claim.modified_at),
        "merged_into": claim.merged_into_id,
    }


def _pk(kwargs: dict) -> int:
    pk = int(kwargs["pk"])
    if pk > MAX_ID:
        raise Http404
    return pk


# --- claims --------------------------------------------------------------------------------------


class ClaimFilter(filters.FilterSet):
    speaker = IdFilter(method="filter_speaker", help_text="Speaker id: claims this speaker made.")
    rating = filters.ChoiceFilter(
        choices=Rating.choices, field_name="current_verdict__rating", help_text="Current published verdict."
    )
    language = filters.ChoiceFilter(choices=LANGUAGE_CHOICES, method="filter_language",
                                    help_text="The claim's language or the language of any of its statements.")
    date_from = BoundedDateFilter(field_name="first_seen_key", lookup_expr="date__gte",
                                  help_text="First seen on or after this date (YYYY-MM-DD).")
    date_to = BoundedDateFilter(field_name="first_seen_key", lookup_expr="date__lte",
                                help_text="First seen on or before this date (YYYY-MM-DD).")
    outlet = IdFilter(method="filter_outlet", help_text="Outlet id: claims reported by this outlet.")
    updated_since = DateTimeSinceFilter(
        field_name="modified_at", lookup_expr="gte",
        help_text="Publicly changed at or after this ISO 8601 date-time. Claims withdrawn or merged since "
        "then are included as tombstones: {id, url, withdrawn: true, withdrawn_at, merged_into}.")
    q = filters.CharFilter(method="filter_q", max_length=200,
                           help_text="Full-text query: Chinese (Traditional or Simplified) or English.")

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_speaker(self, queryset, name, value):
        return queries.claims_by_speaker(queryset, value)

    def filter_outlet(self, queryset, name, value):
        return queries.claims_by_outlet(queryset, value)

    def filter_language(self, queryset, name, value):
        return queries.claims_by_language(queryset, value)

    def filter_q(self, queryset, name, value):
        return queries.claims_matching(queryset, value) if value.strip() else queryset


_CLAIM_EXAMPLE = {
    "id": 42,
    "url": "https://factdesk.example/api/v1/claims/42/",
    "text": "台灣的國防預算已超過GDP的3%。",
    "language": "zh-Hant",
    "claim_type": "factual",
    "status": "verified",
    "first_seen_at": "2025-02-13T01:20:00Z",
    "published_at": "2025-02-14T09:00:00Z",
    "updated_at": "2025-02-14T09:00:00Z",
    "verdict": {"id": 7, "rating": "mostly_false", "label": "Mostly false", "rating_value": 2,
                "summary": "The 2025 budget is 2.45% of GDP.", "published_at": "2025-02-14T09:00:00Z", "revision": 2},
    "speakers": [{"id": 12, "name": "顧立雄"}],
    "languages": ["zh-Hant"],
}


@extend_schema(
    tags=["claims"],
    summary="Published claims",
    parameters=[
        OpenApiParameter("ordering", str, enum=list(ClaimCursorPagination.ORDERINGS),
                         description="Sort order (default -updated_at)."),
    ],
    examples=[OpenApiExample("A page of claims", value={"next": None, "previous": None, "results": [_CLAIM_EXAMPLE]},
                             response_only=True)],
)
class ClaimListApi(ReadApiMixin, generics.ListAPIView):
    """Published claims with verdict, speakers and languages; filters, full-text query, cursor pages."""

    serializer_class = ClaimListOutputSerializer
    pagination_class = ClaimCursorPagination
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = ClaimFilter

    def get_queryset(self):
        # A reader syncing by updated_since must also learn what left the public since.
        if "updated_since" in self.request.query_params:
            return queries.claims_with_tombstones()
        return queries.public_claims()

    def filter_queryset(self, queryset):
        # Building a FilterSet deep-copies every declared filter (~1 ms); most requests send none.
        if not any(name in self.request.query_params for name in ClaimFilter.base_filters):
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request: Request, *args, **kwargs) -> Response:
        sort_key = self.paginator.get_ordering(request, None, self)[0].lstrip("-")
        rows = queries.claim_rows(self.filter_queryset(self.get_queryset()), sort_key)
        page = self.paginate_queryset(rows)
        queries.attach_claim_people(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(
    tags=["claims"],
    summary="One published claim with statements, stances, verdict and verdict history",
    examples=[OpenApiExample("A claim", response_only=True, value={
        **_CLAIM_EXAMPLE, "site_url": "https://factdesk.example/claims/42/",
        "verdict": {**_CLAIM_EXAMPLE["verdict"], "explanation": "...", "evidence_links": []},
        "verdict_history": [], "statements": [], "stances": []})],
)
class ClaimDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = ClaimDetailOutputSerializer

    def get_object(self) -> Claim:
        claim = queries.public_claims().filter(pk=_pk(self.kwargs)).first()
        if claim is None:
            tombstone = queries.claim_tombstone(_pk(self.kwargs))
            if tombstone is not None:
                raise ClaimGone(tombstone_data(tombstone, self.request))
            raise Http404
        queries.attach_claim_people([claim])
        claim.api_statements = list(
            queries.public_statements().filter(claim=claim)
            .select_related("speaker", "article", "article__outlet")
            .order_by("said_on", "id")[:DETAIL_LIMIT]
        )
        claim.api_stances = list(
            queries.public_stances().filter(claim=claim).select_related("speaker").order_by("-created_at")[:DETAIL_LIMIT]
        )
        claim.api_verdict_history = queries.verdict_history(claim)
        return claim


# --- speakers ------------------------------------------------------------------------------------

_ALIASES = Prefetch("aliases", queryset=SpeakerAlias.objects.only("id", "speaker_id", "alias", "script"))


@extend_schema(tags=["speakers"], summary="Speakers with public statements or stances",
               examples=[OpenApiExample("Speakers", response_only=True, value={"next": None, "previous": None, "results": [
                   {"id": 12, "url": "https://factdesk.example/api/v1/speakers/12/", "name": "毛寧", "kind": "person",
                    "title": "外交部發言人", "country": "CN", "wikidata_id": "Q65543035",
                    "aliases": [{"alias": "毛宁", "script": "zh-Hans"}, {"alias": "Mao Ning", "script": "en"}]}]})])
class SpeakerListApi(ReadApiMixin, generics.ListAPIView):
    serializer_class = SpeakerListOutputSerializer
    pagination_class = IdCursorPagination

    def get_queryset(self):
        return queries.public_speakers().prefetch_related(_ALIASES)


@extend_schema(tags=["speakers"], summary="One speaker: aliases, Wikidata id, public statements and stances",
               examples=[OpenApiExample("A speaker", response_only=True, value={
                   "id": 12, "url": "https://factdesk.example/api/v1/speakers/12/", "name": "毛寧", "kind": "person",
                   "title": "外交部發言人", "country": "CN", "wikidata_id": "Q65543035", "aliases": [],
                   "statements": [], "stances": []})])
class SpeakerDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = SpeakerDetailOutputSerializer

    def get_object(self):
        speaker = queries.public_speakers().prefetch_related(_ALIASES).filter(pk=_pk(self.kwargs)).first()
        if speaker is None:
            raise Http404
        speaker.api_statements = list(
            queries.public_statements().filter(speaker=speaker)
            .select_related("speaker", "article", "article__outlet").order_by("-id")[:DETAIL_LIMIT]
        )
        speaker.api_stances = list(
            queries.public_stances().filter(speaker=speaker).select_related("speaker").order_by("-id")[:DETAIL_LIMIT]
        )
        return speaker


# --- articles ------------------------------------------------------------------------------------


@extend_schema(tags=["articles"], summary="An article's metadata and its public statements (never its text)",
               examples=[OpenApiExample("An article", response_only=True, value={
                   "id": 5, "title": "外交部例行記者會", "url": "https://news.example/a/5", "outlet": "中央社",
                   "published_at": "2025-02-13T01:20:00Z", "language": "zh-Hant", "statements": []})])
class ArticleDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = ArticleOutputSerializer

    def get_object(self):
        article = queries.public_articles().select_related("outlet").filter(pk=_pk(self.kwargs)).first()
        if article is None:
            raise Http404
        article.api_statements = list(
            queries.public_statements().filter(article=article)
            .select_related("speaker", "article", "article__outlet").order_by("start")[:DETAIL_LIMIT]
        )
        return article


def _status_token(article_id: int, key_id: int) -> str:
    return signing.dumps({"a": article_id, "k": key_id}, salt=STATUS_SALT, compress=False)


def _check_strings(data: dict) -> None:
    """Unpaired surrogates (possible in JSON) cannot be stored; refuse them naming the field."""
    errors = {}
    for name, value in data.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                errors[name] = [ERROR_TEXT_ENCODING if name == "text" else ERROR_FIELD_ENCODING]
    if errors:
        raise exceptions.ValidationError(errors)


_SUBMIT_EXAMPLE = {
    "article": {"id": 5, "title": "外交部例行記者會", "url": "https://news.example/a/5", "outlet": "中央社",
                "published_at": "2025-02-13T01:20:00Z", "language": "zh-Hant"},
    "status": "pending",
    "status_url": "https://factdesk.example/api/v1/articles/status/eyJhIjo1LCJrIjoyfQ:1tj.../",
    "duplicate": False,
    "duplicate_reason": "",
}


class ArticleSubmitApi(APIView):
    """Partners with an 'ingest' key send articles; extraction runs in the background."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasIngestScope]
    throttle_classes = [IngestRateThrottle]
    parser_classes = [Utf8JSONParser, MultiPartParser]

    @extend_schema(
        tags=["articles"],
        summary="Submit an article (API key with the 'ingest' scope)",
        description=(
            "Send plain text or HTML as `text` (JSON), or upload a file as `file` (multipart; any common "
            "Chinese encoding is detected). 201 with the new article and a status URL; 200 with the stored "
            "article when the same text (or URL) was already received. Limits: "
            f"{settings.FACTDESK_MAX_ARTICLE_CHARS:,} characters of text, "
            f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes of request body (413 above)."
        ),
        request={
            "application/json": ArticleSubmitInputSerializer,
            "multipart/form-data": inline_serializer("ArticleUpload", fields={
                "file": serializers.FileField(), "url": serializers.CharField(required=False),
                "title": serializers.CharField(required=False), "outlet": serializers.CharField(required=False),
                "published_at": serializers.CharField(required=False),
                "language": serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)}),
        },
        responses={201: ArticleSubmitOutputSerializer, 200: ArticleSubmitOutputSerializer},
        examples=[
            OpenApiExample("Submit", request_only=True, value={
                "text": "外交部發言人毛寧表示：「中方立場是一貫的。」", "title": "外交部例行記者會",
                "url": "https://news.example/a/5", "outlet": "中央社", "published_at": "2025-02-13T09:20:00+08:00",
                "language": "zh-Hant"}),
            OpenApiExample("Accepted", response_only=True, status_codes=["201"], value=_SUBMIT_EXAMPLE),
        ],
    )
    def post(self, request: Request) -> Response:
        from sources.cleaning import IngestError, decode_bytes
        from sources.services import article_ingest, outlet_get_or_create

        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            raise PayloadTooLarge(ERROR_BODY_TOO_LARGE.format(limit=limit))

        data = request.data
        upload = data.get("file") if hasattr(data, "get") else None
        if not hasattr(data, "get"):
            raise exceptions.ValidationError({"non_field_errors": ["Send a JSON object."]})
        fields = {k: data.get(k) for k in ("text", "url", "title", "outlet", "published_at", "language") if k in data}
        _check_strings(fields)
        serializer = ArticleSubmitInputSerializer(data=fields)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        text_field = "text"
        text = values.get("text") or ""
        if upload is not None and not text:
            text_field = "file"
            if not hasattr(upload, "read"):
                raise exceptions.ValidationError({"file": ["Upload the article as a file."]})
            charset = getattr(upload, "charset", None)
            try:
                text = decode_bytes(upload.read(), charset)
            except IngestError as exc:
                raise exceptions.ValidationError({"file": [exc.message]}) from None
        if not text.strip():
            raise exceptions.ValidationError({"text": [ERROR_TEXT_REQUIRED]})
        key = request_partner(request)
        try:
            with transaction.atomic():
                outlet = outlet_get_or_create(name=values["outlet"]) if values.get("outlet", "").strip() else None
                result = article_ingest(
                    text=text,
                    outlet=outlet,
                    url=values.get("url", ""),
                    title=values.get("title", ""),
                    published_at=values.get("published_at"),
                    language=values.get("language", ""),
                    channel="api",
                    user=None,
                )
        except IngestError as exc:
            field = text_field if exc.field in {"body", "text"} else exc.field
            raise exceptions.ValidationError({field: [exc.message]}) from None
        article = result.article
        status_url = request.build_absolute_uri(
            reverse("v1:article-status", kwargs={"token": _status_token(article.pk, key.pk)})
        )
        body = {
            "article": article_ref(article),
            "status": article.extraction_status,
            "status_url": status_url,
            "duplicate": not result.created,
            "duplicate_reason": result.duplicate_reason,
        }
        if result.created:
            return Response(body, status=status.HTTP_201_CREATED, headers={"Location": status_url})
        return Response(body, status=status.HTTP_200_OK)


@extend_schema(tags=["articles"], summary="Extraction status of an article you submitted (same API key)",
               examples=[OpenApiExample("Done", response_only=True, value={
                   "article": _SUBMIT_EXAMPLE["article"], "status": "done", "error": "", "extractor_version": "1.4",
                   "statements": [{"id": 91, "text": "中方立場是一貫的。", "kind": "direct", "language": "zh-Hant",
                                   "speaker": {"id": 12, "name": "毛寧"}, "mention": "毛寧", "start": 12,
                                   "end": 21, "said_on": "2025-02-13", "confidence": 0.92,
                                   "review_state": "candidate"}]})])
class ArticleStatusApi(generics.RetrieveAPIView):
    """Only the key that submitted (or re-submitted) the article can read this."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasIngestScope]
    throttle_classes = [ReadRateThrottle]
    serializer_class = ArticleStatusSerializer

    def get_object(self):
        try:
            token = signing.loads(self.kwargs["token"], salt=STATUS_SALT)
            article_id, key_id = int(token["a"]), int(token["k"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise Http404 from None
        if key_id != request_partner(self.request).pk:
            raise Http404
        article = Article.objects.select_related("outlet").filter(pk=article_id).first()
        if article is None:
            raise Http404
        article.api_statements = list(
            Statement.objects.filter(article=article)
            .exclude(review_state=ReviewState.REJECTED)
            .select_related("speaker").order_by("start")[:500]
        )
        return article


# --- Google Fact Check Tools compatible search ---------------------------------------------------

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


def _textual_rating(rating: str, language: str) -> str:
    info = rating_info(rating)
    if language == "zh-Hant":
        return info.label_hant
    if language == "zh-Hans":
        return info.label_hans
    return info.alternate_name


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
        found = queries.claim_search_results(query) if query else queries.public_claims()
        languages = _languages_for(p.get("languageCode", ""))
        cutoff = timezone.now() - dt.timedelta(days=p["maxAgeDays"]) if p.get("maxAgeDays") else None
        if hasattr(found, "filter"):
            found = found.filter(current_verdict__status=VerdictStatus.PUBLISHED, published=True,
                                 merged_into__isnull=True)
            if languages is not None:
                found = found.filter(language__in=languages)
            if cutoff is not None:
                found = found.filter(current_verdict__published_at__gte=cutoff)
            if not query:
                found = found.order_by("-modified_at", "-id")
            page = list(found.select_related("current_verdict")[offset : offset + size + 1])
        else:  # a list from the search selector
            page = [
                c for c in found
                if queries.public_verdict(c) is not None and c.published and not c.merged_into_id
                and (languages is None or c.language in languages)
                and (cutoff is None or c.current_verdict.published_at >= cutoff)
            ][offset : offset + size + 1]
        more = len(page) > size
        page = page[:size]
        queries.attach_claim_people(page)
        publisher = {"name": settings.FACTDESK_PUBLISHER_NAME, "site": site}
        items = []
        for claim in page:
            verdict = claim.current_verdict
            item = {"text": claim.text}
            if claim.api_speakers:
                item["claimant"] = claim.api_speakers[0][1]
            if claim.first_seen_at:
                item["claimDate"] = iso_utc(claim.first_seen_at)
            item["claimReview"] = [{
                "publisher": publisher,
                "url": public_claim_url(claim),
                "title": verdict.summary or claim.text[:200],
                "reviewDate": iso_utc(verdict.published_at),
                "textualRating": _textual_rating(verdict.rating, claim.language),
                "languageCode": claim.language or "und",
            }]
            items.append(item)
        body: dict = {"claims": items}
        if more:
            body["nextPageToken"] = _encode_token(offset + size)
        return Response(body)


# --- ClaimReview feed ----------------------------------------------------------------------------


class FeedFilter(filters.FilterSet):
    updated_since = DateTimeSinceFilter(
        field_name="modified_at", lookup_expr="gte",
        help_text="Only claims publicly changed at or after this ISO 8601 date-time; claims withdrawn or merged "
        "since then come as DataFeedItem tombstones with dateDeleted.")

    class Meta:
        model = Claim
        fields: list[str] = []


@extend_schema(
    tags=["claims"],
    summary="ClaimReview JSON-LD feed of published verdicts (for aggregators)",
    description="A schema.org DataFeed of ClaimReview items, oldest change first. Store the last item's "
    "dateModified, or follow `next`, and ask again with `updated_since` to receive only what changed.",
    responses=inline_serializer("ClaimReviewFeed", fields={
        "@context": serializers.CharField(), "@type": serializers.CharField(),
        "dataFeedElement": serializers.ListField(child=serializers.DictField()),
        "next": serializers.URLField(allow_null=True), "previous": serializers.URLField(allow_null=True)}),
    examples=[OpenApiExample("Feed", response_only=True, value={
        "@context": "https://schema.org", "@type": "DataFeed", "next": None, "previous": None,
        "dataFeedElement": [{"@context": "https://schema.org", "@type": "ClaimReview",
                             "url": "https://factdesk.example/claims/42/", "claimReviewed": "台灣的國防預算已超過GDP的3%。",
                             "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                              "alternateName": "Mostly false"}}]})],
)
class ClaimReviewFeedApi(ReadApiMixin, generics.GenericAPIView):
    pagination_class = FeedCursorPagination
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = FeedFilter

    def get_queryset(self):
        # claim_review_jsonld reads ``public_statements`` (speaker, article, outlet) when loaded:
        # one prefetch query per page instead of several per claim.
        statements = Prefetch(
            "statements",
            queryset=Statement.objects.filter(review_state=ReviewState.ACCEPTED)
            .select_related("speaker", "article", "article__outlet").order_by("said_on", "id"),
            to_attr="public_statements",
        )
        claims = queries.public_claims().filter(current_verdict__status=VerdictStatus.PUBLISHED)
        if "updated_since" in self.request.query_params:
            claims = queries.claims_with_tombstones().filter(
                Q(current_verdict__status=VerdictStatus.PUBLISHED) | Q(published=False)
            )
        return claims.prefetch_related(statements)

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        queries.attach_claim_people(page)
        items = []
        for claim in page:
            if queries.is_tombstone(claim):
                # schema.org DataFeedItem: the item is gone; aggregators remove their copy.
                items.append({
                    "@type": "DataFeedItem",
                    "identifier": claim.pk,
                    "url": absolute_url(claim_path(claim)),
                    "dateDeleted": iso_utc(claim.withdrawn_at or claim.modified_at),
                    "dateModified": iso_utc(claim.modified_at),
                })
            else:
                items.append(claim_review_jsonld(claim, request=request))
        return Response({
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": items,
            "next": self.paginator.get_next_link(),
            "previous": self.paginator.get_previous_link(),
        })
