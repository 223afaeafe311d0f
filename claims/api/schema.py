"""Partner API (interface): every error status each operation can answer, in the OpenAPI schema.

A drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]) adds to each
operation the error responses its view can give, worked out from the view itself (authentication,
permissions, throttles, pagination, method), so endpoints added later are documented too. Each has
the one error schema (factdesk.errors) and an example built by the same code that answers live
(claims.api.errors.error_data), in English; tests/claims/api/test_contract.py compares the
examples with live answers.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils import translation
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import AllowAny

from claims.api.auth import ERROR_KEY_MALFORMED, ERROR_KEY_REQUIRED, ERROR_SCOPE
from claims.api.errors import error_data
from claims.api.pagination import ERROR_PAGE_SIZE
from factdesk.errors import error_body
from factdesk.middleware import ERROR_BODY_TOO_LARGE, ERROR_LENGTH_REQUIRED

ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error shape of this API (Google's JSON error envelope).",
    "required": ["error"],
    "properties": {"error": {
        "type": "object",
        "required": ["code", "message", "status"],
        "properties": {
            "code": {"type": "integer", "description": "The HTTP status."},
            "message": {"type": "string", "description": "What went wrong (English unless Accept-Language asks "
                        "otherwise); for a bad field or parameter it begins with its name."},
            "status": {"type": "string", "description": "The status name: INVALID_ARGUMENT, UNAUTHENTICATED, "
                       "PERMISSION_DENIED, NOT_FOUND, NOT_ACCEPTABLE, GONE, LENGTH_REQUIRED, PAYLOAD_TOO_LARGE, "
                       "UNSUPPORTED_MEDIA_TYPE, RESOURCE_EXHAUSTED, INTERNAL ..."},
            "details": {"type": "array", "description": "Typed details, by @type: google.rpc.BadRequest "
                        "(fieldViolations: [{field, description}]), google.rpc.RetryInfo (retryDelay), "
                        "factdesk/Tombstone (id, url, withdrawn, withdrawn_at, merged_into).",
                        "items": {"type": "object", "required": ["@type"], "properties": {"@type": {"type": "string"}},
                                  "additionalProperties": True}},
        },
    }},
}

_DESCRIPTIONS = {
    400: "A parameter or field is invalid (each one named in details).",
    401: "The API key is missing (where one is required), malformed, unknown or revoked.",
    403: "The API key lacks the scope this operation needs.",
    404: "Not found (or an invalid cursor).",
    406: "The Accept header asks for a format this API cannot give.",
    410: "Public once, withdrawn or merged since (the tombstone is in details).",
    411: "A chunked body the server could not de-chunk; send Content-Length.",
    413: "The request body is over the byte limit.",
    415: "The Content-Type is not one this operation reads.",
    429: "Over the rate limit; see Retry-After.",
}

_BODY_METHODS = {"post", "put", "patch"}
_PARAM = re.compile(r"\{[^}]*\}")  # {pk} in the URL patterns is {id} in the schema


def _errors_for(view, path: str, method: str, operation: dict) -> dict[int, dict]:
    """Status -> example body, for what this view can answer."""
    examples: dict[int, dict] = {}
    own = getattr(view, "error_examples", {})
    query = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
    paginator = getattr(view, "pagination_class", None)
    if 400 in own:
        examples[400] = error_data(exceptions.ValidationError(own[400]), 400)
    elif paginator is not None and "page_size" in query:
        message = ERROR_PAGE_SIZE.format(max=paginator.max_page_size)
        examples[400] = error_data(exceptions.ValidationError({"page_size": [message]}), 400)
    permissions = [p for p in view.permission_classes if p is not AllowAny]
    if view.authentication_classes:
        message = ERROR_KEY_REQUIRED if permissions else ERROR_KEY_MALFORMED
        examples[401] = error_data(exceptions.NotAuthenticated(message), 401)
    for permission in permissions:
        if getattr(permission, "scope", ""):
            examples[403] = error_data(exceptions.PermissionDenied(ERROR_SCOPE.format(scope=permission.scope)), 403)
    if "{" in path:
        examples[404] = error_data(exceptions.NotFound(), 404)
    elif paginator is not None and issubclass(paginator, CursorPagination):
        examples[404] = error_data(exceptions.NotFound(CursorPagination.invalid_cursor_message), 404)
    examples[406] = error_data(exceptions.NotAcceptable(), 406)
    if 410 in own:
        examples[410] = error_data(own[410], 410)
    if method in _BODY_METHODS:
        examples[411] = error_body(411, ERROR_LENGTH_REQUIRED)
        examples[413] = error_body(413, ERROR_BODY_TOO_LARGE.format(limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
        examples[415] = error_data(exceptions.UnsupportedMediaType("text/csv"), 415)
    if 429 in own:  # a view with a limit of its own says so in its own words
        examples[429] = error_data(own[429], 429)
    elif view.throttle_classes:
        examples[429] = error_data(exceptions.Throttled(wait=60), 429)
    return examples


def error_responses_hook(result, generator, request, public):
    """Adds the Error component and each operation's error responses (with live-shaped examples)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    views = {(_PARAM.sub("{}", path), method.lower()): callback.cls
             for path, _regex, method, callback in generator.endpoints}
    with translation.override("en"):
        for path, operations in result["paths"].items():
            for method, operation in operations.items():
                view = views.get((_PARAM.sub("{}", path), method))
                if view is None:
                    continue
                for code, example in _errors_for(view, path, method, operation).items():
                    operation["responses"].setdefault(str(code), {
                        "description": _DESCRIPTIONS.get(code, "Error."),
                        "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/Error"},
                            "examples": {example["error"]["status"].title().replace("_", ""): {"value": example}},
                        }},
                    })
    return result
