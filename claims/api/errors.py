"""Partner API (interface): DRF's exceptions in the API's one error shape (factdesk.errors).

Installed as REST_FRAMEWORK["EXCEPTION_HANDLER"], so it covers every API view, present and future;
errors raised outside DRF (unknown URLs, body limits, server errors) are shaped by
factdesk.middleware.ApiRequestMiddleware the same way.
"""

from __future__ import annotations

from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from factdesk.errors import RETRY_INFO_TYPE, TOMBSTONE_TYPE, error_body, field_error_body

NON_FIELD = "non_field_errors"


class Gone(exceptions.APIException):
    """410 for something that was public once and left (its tombstone goes in the error's details)."""

    status_code = status.HTTP_410_GONE
    default_code = "gone"
    default_detail = "This resource was public and has been withdrawn."

    def __init__(self, message: str, tombstone: dict):
        super().__init__(message)
        self.tombstone = tombstone


def _flatten(detail, prefix: str = "") -> tuple[dict[str, list[str]], list[str]]:
    """DRF's nested error detail -> ({"field.sub": [messages]}, [messages without a field])."""
    fields: dict[str, list[str]] = {}
    general: list[str] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key == NON_FIELD and not prefix:
                general.extend(_flatten(value)[1] or [str(value)])
                continue
            sub_fields, sub_general = _flatten(value, name)
            fields.update(sub_fields)
            if sub_general:
                fields.setdefault(name, []).extend(sub_general)
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                sub_fields, sub_general = _flatten(value, f"{prefix}.{index}" if prefix else str(index))
                fields.update(sub_fields)
                general.extend(sub_general)
            else:
                general.append(str(value))
    else:
        general.append(str(detail))
    return fields, general


def error_data(exc: exceptions.APIException, code: int) -> dict:
    """The error body for a DRF exception (also used by the schema's examples)."""
    if isinstance(exc, exceptions.ValidationError):
        fields, general = _flatten(exc.detail)
        if fields:
            body = field_error_body(fields, code)
            if general:
                body["error"]["message"] = "; ".join([*general, body["error"]["message"]])
            return body
        return error_body(code, "; ".join(general) or "Invalid input.")
    message = str(exc.detail) if not isinstance(exc.detail, dict | list) else "; ".join(_flatten(exc.detail)[1])
    details = None
    if isinstance(exc, Gone):
        details = [{"@type": TOMBSTONE_TYPE, **exc.tombstone}]
    elif isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        details = [{"@type": RETRY_INFO_TYPE, "retryDelay": f"{int(exc.wait)}s"}]
    return error_body(code, message, details)


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django answers it, ApiRequestMiddleware shapes it
    if not isinstance(exc, exceptions.APIException):  # Http404 / PermissionDenied as DRF maps them
        kind = exceptions.NotFound if response.status_code == 404 else exceptions.PermissionDenied
        exc = kind(response.data.get("detail") if isinstance(response.data, dict) else None)
    response.data = error_data(exc, response.status_code)
    return response
