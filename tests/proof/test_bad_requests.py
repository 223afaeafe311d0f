"""Bad requests answer a clear 400, never a 500: deeply nested JSON to the partner API, and NUL
bytes in query strings and form fields (PostgreSQL refuses NUL in text, so they used to reach
the database and fail there)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from claims import services
from claims.api.views import base as api_views
from claims.roles import FACT_CHECKER
from sources.models import Article
from tests.api_errors import error_message
from tests.factories import make_statement, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingest_key() -> str:
    _, plaintext = services.partner_key_create("nesting partner", ["ingest", "read"])
    return plaintext


def _nested_array(depth: int) -> str:
    return "[" * depth + "]" * depth


def _nested_object(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


NESTED_BODIES = {
    "array-100k": lambda: _nested_array(100_000),
    "object-50k": lambda: _nested_object(50_000),
    "nested-field-5k": lambda: '{"text": "外交部表示:「合作。」", "title": ' + _nested_array(5_000) + "}",
    "one-past-the-bound": lambda: '{"text": ' + _nested_array(api_views.MAX_JSON_DEPTH) + "}",
}


def _nul_message() -> str:
    from factdesk.middleware import ERROR_NUL_IN_REQUEST

    return ERROR_NUL_IN_REQUEST


@pytest.mark.parametrize("name", list(NESTED_BODIES))
def test_deeply_nested_json_is_a_clear_400(name: str, ingest_key: str):
    body = NESTED_BODIES[name]()
    client = Client(raise_request_exception=False)
    response = client.post(
        "/api/v1/articles/",
        data=body.encode(),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Api-Key {ingest_key}",
    )
    assert response.status_code == 400, response.content[:300]
    assert error_message(response) == api_views.ERROR_JSON_DEPTH.format(limit=api_views.MAX_JSON_DEPTH)
    assert Article.objects.count() == 0


def test_ordinary_json_within_the_bound_is_still_accepted(ingest_key: str):
    client = Client()
    body = {"text": "外交部發言人表示:「我們將持續合作。」", "title": "記者會"}
    response = client.post(
        "/api/v1/articles/",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Api-Key {ingest_key}",
    )
    assert response.status_code == 201


@pytest.fixture
def checker_client() -> Client:
    make_statement()
    client = Client(raise_request_exception=False)
    client.force_login(make_user("nul-checker", groups=(FACT_CHECKER,)))
    return client


# Each of these answered 500 on PostgreSQL before (DataError: text fields cannot contain NUL).
NUL_ADMIN_URLS = [
    "/admin/claims/statement/?speaker=%00",
    "/admin/claims/statement/?language__exact=%00",
    "/admin/claims/statement/?kind__exact=%00",
    "/admin/claims/statement/?review_state=%00",
    "/admin/claims/statement/?speaker=%E6%AF%9B%00%E5%AF%A7",
    "/admin/claims/claim/?status__exact=%00",
]


@pytest.mark.postgres
@pytest.mark.parametrize("url", NUL_ADMIN_URLS)
def test_a_nul_byte_in_admin_filters_is_a_clear_400(checker_client: Client, url: str):
    response = checker_client.get(url)
    assert response.status_code == 400
    assert _nul_message() in response.content.decode()


@pytest.mark.postgres
def test_a_nul_byte_in_an_admin_form_field_is_a_clear_400(checker_client: Client):
    response = checker_client.post(
        "/admin/claims/statement/", {"action": "accept_selected", "_selected_action": ["\x00"]}
    )
    assert response.status_code == 400
    assert _nul_message() in response.content.decode()


@pytest.mark.postgres
@pytest.mark.parametrize("url", ["/zh-hant/search/?q=%00", "/zh-hant/?speaker=%00", "/api/v1/claims/?q=a%00b", "/zh-hant/search/?%00=1"])
def test_a_nul_byte_anywhere_in_a_query_string_is_a_clear_400(url: str):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 400
    assert _nul_message() in response.content.decode()


@pytest.mark.postgres
def test_the_same_filters_without_nul_still_work(checker_client: Client):
    for url in NUL_ADMIN_URLS:
        clean = url.replace("%00", "")
        assert checker_client.get(clean).status_code in {200, 302}, clean
