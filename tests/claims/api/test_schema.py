"""Partner API contract: schemathesis generates requests for every operation in /api/schema/ and
runs them against the WSGI app, valid ones (positive) and invalid ones (negative: wrong types, values
out of range, unknown enum values, malformed bodies). No input may cause a 5xx; every answer's
status must be one the schema documents for that operation, and its body must match the documented
schema; an invalid request must be refused (4xx)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from claims import services
from tests.factories import make_published_claim, make_user

pytestmark = pytest.mark.django_db

# CI runs 25 per operation; FACTDESK_SCHEMATHESIS_EXAMPLES=500 is a deeper hunt before a release.
MAX_EXAMPLES = int(os.environ.get("FACTDESK_SCHEMATHESIS_EXAMPLES", "25"))


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Requests go straight to the WSGI app (not Django's test client), so do what the test client
    does: keep request signals from closing the connection that holds the test transaction."""
    from django.core import signals
    from django.db import close_old_connections

    # Restored in their original order afterwards (reconnecting would append Django's receiver after
    # factdesk.connections' own, which must run after it).
    saved = {signal: list(signal.receivers) for signal in (signals.request_started, signals.request_finished)}
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    for signal, receivers in saved.items():
        with signal.lock:
            signal.receivers[:] = receivers
            signal.sender_receivers_cache.clear()


@pytest.fixture
def api_key(db, settings):
    # Throttling would turn most generated requests into 429s and hide what they would reach.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "partner": "100000/min",
                                                          "ingest": "100000/min"}}
    editor = make_user(superuser=True)
    for rating in ("false", "true", "misleading"):
        make_published_claim(user=editor, rating=rating)
    _key, plaintext = services.partner_key_create("schemathesis", ["read", "ingest"], editor)
    return plaintext


def _load_schema(mode: str):
    """The schema /api/schema/ serves, built at collection time (no request, no database) and
    pointed at the WSGI app, generating ``mode`` data only, so each operation becomes its own test."""
    import json

    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    from factdesk.wsgi import application

    raw = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    config = SchemathesisConfig.from_dict({"generation": {"mode": mode}})
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(raw)), config=config)
    loaded.app = application
    return loaded


positive = _load_schema("positive")
negative = _load_schema("negative")
_HYPOTHESIS = settings(max_examples=MAX_EXAMPLES, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                              HealthCheck.filter_too_much, HealthCheck.data_too_large])


def _headers(case, api_key: str) -> dict:
    return {"Authorization": f"Api-Key {api_key}"} if case.method == "POST" or "status" in case.path else {}


@positive.parametrize()
@_HYPOTHESIS
def test_valid_generated_requests_get_documented_answers(case, api_key):
    response = case.call(headers=_headers(case, api_key))
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                             content_type_conformance, response_schema_conformance])


@negative.parametrize()
@_HYPOTHESIS
def test_invalid_generated_requests_are_refused_with_a_documented_status(case, api_key):
    response = case.call(headers=_headers(case, api_key))
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                             negative_data_rejection, response_schema_conformance])


def test_schema_documents_every_endpoint_with_examples(client):
    import yaml

    doc = yaml.safe_load(client.get("/api/schema/").content)
    assert doc["openapi"].startswith("3.")
    assert "ApiKey" in doc["components"]["securitySchemes"]
    for path, operations in doc["paths"].items():
        assert path.startswith("/api/v1/") or path == "/v1alpha1/claims:search"
        for method, operation in operations.items():
            contents = [c for r in operation["responses"].values() for c in r.get("content", {}).values()]
            assert any("examples" in c for c in contents), f"{method.upper()} {path} has no response example"
