"""Partner API views (interface): readers' check requests (open to anonymous readers and partners' bots)
and a speaker's confirmed flips.

A request is stored by claims.services.check_request_create, the same door as the /ask/ page. The
answer tells how many requests share its group and which published claim answers it (the contact is
never returned). Throttled per client address (per key for partners) at
FACTDESK_THROTTLE_CHECK_REQUESTS, shared with the page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from claims import selectors, services
from claims.api.auth import ApiKeyAuthentication, request_partner
from claims.api.serializers import ERROR_UNKNOWN_FIELD, StrictInputSerializer
from claims.api.views.base import ReadApiMixin, Utf8JSONParser, _pk
from claims.models import CheckRequestGroup, Flip
from claims.models.readers import REQUEST_TEXT_MAX, REQUEST_URL_MAX
from claims.presentation import absolute_url, api_claim_url, public_claim_url
from factdesk.middleware import client_ip

# Shown to whoever fills the honeypot field (people never see it: it is hidden by the stylesheet).
ERROR_HONEYPOT = "This request was refused."
ERROR_TOO_MANY_REQUESTS = "Too many check requests from your address. Please try again later."
HONEYPOT_FIELD = "website"


class CheckRequestThrottle(BaseThrottle):
    """Per client address (per key for partners), shared with the /ask/ page through factdesk.middleware."""

    def allow_request(self, request, view) -> bool:
        if request.method != "POST":
            return True
        key = request_partner(request)
        self._wait = services.check_request_throttle(f"key{key.pk}" if key is not None else client_ip(request))
        return self._wait is None

    def wait(self) -> float | None:
        return self._wait


def group_status(group: CheckRequestGroup, claim) -> str:
    """What a reader may know of a group: answered (a published claim), checking, or received."""
    if claim is not None:
        return "answered"
    return "checking" if group.claim_id else "received"


def claim_answer(claim) -> dict | None:
    """The published claim that answers a request: id, public and API URLs, current published rating."""
    if claim is None:
        return None
    verdict = selectors.public_verdict(claim)
    return {"id": claim.pk, "url": public_claim_url(claim), "api_url": api_claim_url(claim.pk),
            "rating": verdict.rating if verdict is not None else None}


class CheckRequestInputSerializer(StrictInputSerializer):
    text = serializers.CharField(max_length=REQUEST_TEXT_MAX, help_text="What to check (required).")
    url = serializers.URLField(max_length=REQUEST_URL_MAX, required=False, allow_blank=True,
                               help_text="Where it was seen (optional).")
    contact = serializers.EmailField(required=False, allow_blank=True,
                                     help_text="An e-mail address for the answer (optional; never shown).")
    website = serializers.CharField(required=False, allow_blank=True, write_only=True,
                                    help_text="Leave empty (a field only robots fill).")

    def validate_website(self, value: str) -> str:
        if value:
            raise serializers.ValidationError(ERROR_HONEYPOT)
        return value

    def validate_text(self, value: str) -> str:
        try:
            return services.check_request_clean_text(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None


class CheckRequestOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    count = serializers.IntegerField(help_text="How many requests now share this one's group.")
    claim = serializers.DictField(allow_null=True, help_text="The published claim that answers it (or null).")
    status = serializers.ChoiceField(choices=["received", "checking", "answered"])


@extend_schema(tags=["check requests"], summary="Ask for a check (readers and partners' bots; no key needed)",
               request=CheckRequestInputSerializer, responses={201: CheckRequestOutputSerializer},
               examples=[OpenApiExample("A request", request_only=True, value={
                   "text": "聽說明年電價要調漲百分之三十？", "url": "https://line.example/post/1"}),
                         OpenApiExample("Answered", response_only=True, value={
                   "id": 31, "count": 2, "status": "answered", "claim": {
                       "id": 7, "url": "https://factdesk.example/claims/7-x/",
                       "api_url": "https://factdesk.example/api/v1/claims/7/", "rating": "false"}})])
class CheckRequestCreateApi(APIView):
    # The 400 documented in the schema (claims.api.schema builds the example in the live error shape).
    error_examples = {400: {"titel": [ERROR_UNKNOWN_FIELD.format(fields=", ".join(CheckRequestInputSerializer().fields))]},
                      429: exceptions.Throttled(wait=60, detail=ERROR_TOO_MANY_REQUESTS)}
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [CheckRequestThrottle]
    parser_classes = [Utf8JSONParser]

    def throttled(self, request, wait):
        raise exceptions.Throttled(wait=wait, detail=ERROR_TOO_MANY_REQUESTS)

    def post(self, request: Request) -> Response:
        data = CheckRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        outcome = services.check_request_create(
            text=data.validated_data["text"], url=data.validated_data.get("url", ""),
            contact=data.validated_data.get("contact", ""), language=get_language() or "",
            client=client_ip(request), partner=request_partner(request),
        )
        body = {"id": outcome.request.pk, "count": outcome.count, "claim": claim_answer(outcome.claim),
                "status": group_status(outcome.group, outcome.claim)}
        return Response(CheckRequestOutputSerializer(body).data, status=status.HTTP_201_CREATED)


def _side(flip: Flip, which: str) -> dict:
    stance = getattr(flip, f"{which}_stance")
    statement = getattr(flip, f"{which}_statement")
    item = stance or statement
    article = item.article if item is not None else None
    return {
        "date": getattr(flip, f"{which}_on").isoformat(),
        "polarity": stance.polarity if stance is not None else None,
        "text": statement.text if statement is not None else stance.cue,
        "source": {"url": article.url, "outlet": article.outlet.name if article.outlet_id else None,
                   "page": absolute_url(reverse("claims:article-detail", kwargs={"pk": article.pk}))}
        if article is not None else None,
    }


class SpeakerFlipOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    claim = serializers.DictField()
    earlier = serializers.DictField()
    later = serializers.DictField()

    def to_representation(self, flip: Flip) -> dict:
        return {"id": flip.pk, "kind": flip.kind,
                "claim": {"id": flip.claim_id, "text": flip.claim.text, "url": public_claim_url(flip.claim),
                          "api_url": api_claim_url(flip.claim_id)},
                "earlier": _side(flip, "earlier"), "later": _side(flip, "later")}


@extend_schema(tags=["speakers"], summary="A speaker's confirmed changes of position (flips), newest first",
               examples=[OpenApiExample("Flips", response_only=True, value=[{
                   "id": 3, "kind": "stance",
                   "claim": {"id": 7, "text": "核四應該重啟", "url": "https://factdesk.example/claims/7-x/",
                             "api_url": "https://factdesk.example/api/v1/claims/7/"},
                   "earlier": {"date": "2025-03-01", "polarity": "support", "text": "表示支持核四重啟",
                               "source": {"url": "https://news.example/a", "outlet": "中央社",
                                          "page": "https://factdesk.example/articles/5/"}},
                   "later": {"date": "2025-03-20", "polarity": "oppose", "text": "改口反對核四重啟",
                             "source": {"url": "https://news.example/b", "outlet": "中央社",
                                        "page": "https://factdesk.example/articles/9/"}}}])])
class SpeakerFlipListApi(ReadApiMixin, generics.ListAPIView):
    serializer_class = SpeakerFlipOutputSerializer
    pagination_class = None

    def get_queryset(self):
        speaker = selectors.public_speakers().filter(pk=_pk(self.kwargs)).first()
        if speaker is None:
            raise Http404
        return selectors.speaker_public_flips(speaker)[:200]
