"""Reading the partner API's one error shape in tests (factdesk.errors):
``{"error": {"code", "message", "status"[, "details"]}}``."""

from __future__ import annotations

from factdesk.errors import BAD_REQUEST_TYPE, TOMBSTONE_TYPE, status_name


def api_error(response) -> dict:
    """The error object, after checking the envelope: nothing beside "error", code = HTTP status."""
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) <= {"code", "message", "status", "details"}, error
    assert error["code"] == response.status_code, error
    assert error["status"] == status_name(response.status_code), error
    assert isinstance(error["message"], str) and error["message"], error
    return error


def error_fields(response) -> dict[str, list[str]]:
    """{field: [descriptions]} from the google.rpc.BadRequest details (empty when none)."""
    fields: dict[str, list[str]] = {}
    for detail in api_error(response).get("details", []):
        if detail["@type"] == BAD_REQUEST_TYPE:
            for violation in detail["fieldViolations"]:
                fields.setdefault(violation["field"], []).append(violation["description"])
    return fields


def error_message(response) -> str:
    return api_error(response)["message"]


def tombstone(response) -> dict:
    """The factdesk/Tombstone detail of a 410, without its @type."""
    [detail] = [d for d in api_error(response).get("details", []) if d["@type"] == TOMBSTONE_TYPE]
    return {key: value for key, value in detail.items() if key != "@type"}
