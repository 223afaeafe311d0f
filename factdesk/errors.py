"""The partner API's one error shape (shared low layer: used by the DRF exception handler in
claims.api.errors and by the request middleware in factdesk.middleware, which runs before DRF).

It is Google's JSON error envelope (google.rpc.Status as Google's REST APIs render it), so a client
of Google's Fact Check Tools API reads our errors the way it reads Google's::

    {"error": {"code": 400, "message": "pageSize: Ensure this value is ...", "status": "INVALID_ARGUMENT",
               "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                            "fieldViolations": [{"field": "pageSize", "description": "Ensure ..."}]}]}}

``code`` is the HTTP status, ``status`` its name below, ``message`` English unless the request's
Accept-Language asks for another language, ``details`` present only when it has something to say.
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import JsonResponse

# Google's canonical names (google.rpc.Code) where HTTP maps to one; the HTTP reason otherwise.
STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    409: "ABORTED",
    410: "GONE",
    411: "LENGTH_REQUIRED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest"
RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo"
TOMBSTONE_TYPE = "factdesk/Tombstone"

# Paths answered by the partner API (its error shape, its language rule, its body rules).
API_PATH_PREFIXES = ("/api/", "/v1alpha1/")


def is_api_path(path: str) -> bool:
    return path.startswith(API_PATH_PREFIXES)


def status_name(code: int) -> str:
    if code in STATUS_NAMES:
        return STATUS_NAMES[code]
    try:
        return HTTPStatus(code).name
    except ValueError:
        return "UNKNOWN"


def error_body(code: int, message: str, details: list[dict] | None = None) -> dict:
    """``{"error": {"code", "message", "status"[, "details"]}}``."""
    error: dict = {"code": code, "message": message, "status": status_name(code)}
    if details:
        error["details"] = details
    return {"error": error}


def field_violations(errors: dict[str, list[str]]) -> list[dict]:
    """google.rpc.BadRequest details naming each field (or parameter) and what is wrong with it."""
    return [{
        "@type": BAD_REQUEST_TYPE,
        "fieldViolations": [
            {"field": field, "description": description}
            for field, descriptions in errors.items()
            for description in descriptions
        ],
    }]


def field_error_body(errors: dict[str, list[str]], code: int = 400) -> dict:
    """A 400 naming fields: the message lists ``field: description`` pairs, details has them typed."""
    message = "; ".join(f"{field}: {d}" for field, descriptions in errors.items() for d in descriptions)
    return error_body(code, message, field_violations(errors))


def error_response(code: int, message: str, details: list[dict] | None = None, **headers: str) -> JsonResponse:
    response = JsonResponse(error_body(code, message, details), status=code, json_dumps_params={"ensure_ascii": False})
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response
