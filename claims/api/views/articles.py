"""Partner API views (interface): article submission (ingest key), its private status URL, public metadata.

The one write goes through sources.services.article_ingest, the same door as the admin and the
ingest command."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors
from claims.api.auth import ApiKeyAuthentication, HasIngestScope, IngestRateThrottle, ReadRateThrottle, request_partner
from claims.api.serializers import (
    ERROR_UNKNOWN_FIELD,
    LANGUAGE_CHOICES,
    ArticleOutputSerializer,
    ArticleStatusSerializer,
    ArticleSubmitInputSerializer,
    ArticleSubmitOutputSerializer,
    article_ref,
)
from claims.api.views.base import ReadApiMixin, Utf8JSONParser, _pk
from claims.api.views.claims import DETAIL_LIMIT
from claims.models import ReviewState, Statement
from sources.cleaning import IngestError, decode_bytes
from sources.models import Article
from sources.services import article_ingest

# Messages shown to partners; tests reuse them.
ERROR_TEXT_REQUIRED = "Send the article as 'text' (plain text or HTML) or upload it as 'file'."

ERROR_TEXT_ENCODING = "The text is not valid Unicode (it contains unpaired surrogates)."

ERROR_FIELD_ENCODING = "This field is not valid Unicode (it contains unpaired surrogates)."

STATUS_SALT = "factdesk.api.article-status"


@extend_schema(tags=["articles"], summary="An article's metadata and its public statements (never its text)",
               examples=[OpenApiExample("An article", response_only=True, value={
                   "id": 5, "title": "外交部例行記者會", "url": "https://news.example/a/5", "outlet": "中央社",
                   "published_at": "2025-02-13T01:20:00Z", "language": "zh-Hant", "statements": []})])
class ArticleDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = ArticleOutputSerializer

    def get_object(self):
        article = selectors.public_articles().select_related("outlet").filter(pk=_pk(self.kwargs)).first()
        if article is None:
            raise Http404
        article.api_statements = list(
            selectors.statement_public_list().filter(article=article)
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
    error_examples = {400: {"titel": [ERROR_UNKNOWN_FIELD.format(fields=", ".join(
        [*ArticleSubmitInputSerializer().fields, *ArticleSubmitInputSerializer.extra_fields]))]}}

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
        # The body's byte limit (413, chunked bodies too) is enforced before this by
        # factdesk.middleware.ApiRequestMiddleware, for every API path.
        data = request.data
        upload = data.get("file") if hasattr(data, "get") else None
        if not hasattr(data, "get"):
            raise exceptions.ValidationError({"non_field_errors": ["Send a JSON object."]})
        fields = {key: data.get(key) for key in data if key != "file"}
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
            # One transaction inside the service (outlet, duplicate check, insert): no savepoints.
            result = article_ingest(
                text=text,
                outlet_name=values.get("outlet", ""),
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
                                   "speaker": {"id": 12, "name": "Mao Ning"}, "mention": "外交部發言人毛寧",
                                   "start": 12, "end": 21, "said_on": None, "confidence": 0.92,
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
