"""Partner API views (interface): what every endpoint shares — the key scheme in the schema, the JSON
parser with clear errors, cached public reads, the tombstone answer, id bounds."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.auth import ApiKeyAuthentication, ReadRateThrottle
from claims.api.errors import Gone
from claims.api.fields import MAX_ID
from claims.models import Claim
from claims.presentation import iso_utc
from claims.public_cache import read_through

ERROR_JSON = "The request body is not valid JSON in UTF-8: {error}"


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
        computed: list = []

        def render():
            response = super(ReadApiMixin, self).get(request, *args, **kwargs)
            computed.append(response)
            if response.status_code != status.HTTP_200_OK:
                return None
            if renderer.format != "json":  # the browsable API: keep the data, render per request
                return response.data
            response.accepted_renderer = renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            return response.rendered_content  # the rendered bytes: a hit costs no serialisation

        value = read_through(f"api:{renderer.format}", request.build_absolute_uri(), get_language() or "", render)
        if value is None:
            return computed[0]
        if renderer.format == "json":
            return HttpResponse(value, content_type=request.accepted_media_type)
        return Response(value)


ERROR_CLAIM_WITHDRAWN = "Claim {id} was withdrawn from publication."
ERROR_CLAIM_MERGED = "Claim {id} was merged into claim {merged_into}."


class ClaimGone(Gone):
    """410 for a claim that was public once and was withdrawn or merged (its tombstone in the details)."""

    def __init__(self, tombstone: dict):
        template = ERROR_CLAIM_MERGED if tombstone["merged_into"] is not None else ERROR_CLAIM_WITHDRAWN
        super().__init__(template.format(**tombstone), tombstone)


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
