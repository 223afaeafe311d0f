"""Partner API contract: schemathesis generates requests for every operation in /api/schema/ and
runs them against the WSGI app; no input may cause a 5xx, and documented responses must match."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from claims import services
from tests.factories import make_published_claim, make_user

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 25


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Requests go straight to the WSGI app (not Django's test client), so do what the test client
    does: keep request signals from closing the connection that holds the test transaction."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


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


def _load_schema():
    """The schema /api/schema/ serves, built at collection time (no request, no database) and
    pointed at the WSGI app, so each operation becomes its own test."""
    import json

    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    from factdesk.wsgi import application

    raw = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(raw)))
    loaded.app = application
    return loaded


schema = _load_schema()


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_no_generated_request_causes_a_server_error(case, api_key):
    headers = {"Authorization": f"Api-Key {api_key}"} if case.method == "POST" or "status" in case.path else {}
    response = case.call(headers=headers)
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


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
