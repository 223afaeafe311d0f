"""The partner API's documented contract (issue 14, items 6-9), on the real PostgreSQL:
one error shape for every error, English unless Accept-Language asks, every error status in the
OpenAPI schema with examples equal to the live answers, every parameter documented, strict
page_size and bodies, chunked bodies read (or 411) with the byte limit enforced either way (413).
"""

from __future__ import annotations

import io
import json
import re

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from claims import services
from claims.api.fields import ERROR_EMPTY_PARAMETER
from claims.api.pagination import ERROR_PAGE_SIZE
from claims.api.serializers import ERROR_URL_SCHEME
from factdesk.middleware import ERROR_BODY_TOO_LARGE, ERROR_LENGTH_REQUIRED
from sources.models import Article
from tests.api_errors import api_error, error_fields, error_message, tombstone
from tests.factories import make_public_claim, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ARTICLE = "外交部發言人毛寧13日在例行記者會上表示：「中方在台灣問題上的立場是一貫的、明確的。」"
LISTS = ["/api/v1/claims/", "/api/v1/speakers/", "/api/v1/claimreview/"]


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


@pytest.fixture
def ingest_key(editor) -> str:
    return services.partner_key_create("News partner", ["read", "ingest"], editor)[1]


@pytest.fixture
def read_key(editor) -> str:
    return services.partner_key_create("Reader", ["read"], editor)[1]


@pytest.fixture
def partner(ingest_key) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {ingest_key}")
    return client


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def _articles() -> set[int]:
    return set(Article.objects.values_list("pk", flat=True))


# --- English unless asked; one shape -------------------------------------------------------------


def test_errors_are_english_without_accept_language_even_with_the_sites_language_cookie(client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    response = client.get("/api/v1/claims/", {"rating": "sort-of"})
    assert response.status_code == 400
    assert error_fields(response)["rating"] == ["Select a valid choice. sort-of is not one of the available choices."]
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("header,expected", [("zh-Hant", "zh-hant"), ("zh-CN,zh;q=0.9", "zh-hans"),
                                              ("en-US,en;q=0.8", "en"), ("fr-FR", "en"), ("*", "en")])
def test_accept_language_picks_the_language_of_built_in_messages(client, header, expected):
    response = client.get("/api/v1/claims/", {"rating": "sort-of"}, HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 400
    assert response["Content-Language"] == expected
    [message] = error_fields(response)["rating"]
    assert bool(re.search(r"[\u4e00-\u9fff]", message)) == expected.startswith("zh")


def test_the_public_site_keeps_its_default_language(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    # An unprefixed address goes to the site's default language when the reader asks for none.
    assert client.get("/", follow=True).headers["Content-Language"] == "zh-hant"


@pytest.mark.parametrize("path", [*LISTS, "/api/v1/claims/999999999/", "/api/v1/no-such-endpoint/", "/api/nothing",
                                  "/api/v1/claims/?cursor=garbage", "/api/v1/claims/?q=a%00b"])
def test_every_error_outside_and_inside_drf_has_the_one_shape(client, path):
    response = client.get(path + ("&" if "?" in path else "?") + "page_size=0" if path in LISTS else path)
    assert response.status_code in {400, 404}
    assert response["Content-Type"].startswith("application/json")
    api_error(response)


def test_wrong_method_and_unacceptable_format_have_the_one_shape(client):
    response = client.delete("/api/v1/claims/")
    assert response.status_code == 405 and api_error(response)["status"] == "METHOD_NOT_ALLOWED"
    response = client.get("/api/v1/claims/", HTTP_ACCEPT="text/csv")
    assert response.status_code == 406 and api_error(response)["status"] == "NOT_ACCEPTABLE"


# --- page_size ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("value", ["0", "101", "abc", "-1", "1.5", "", "9" * 5000])
def test_bad_page_size_is_400_naming_it(client, path, value):
    limit = 500 if "claimreview" in path else 100
    if value == "101" and limit == 500:
        value = "501"
    response = client.get(path, {"page_size": value})
    assert response.status_code == 400, response.content
    assert error_fields(response) == {"page_size": [ERROR_PAGE_SIZE.format(max=limit)]}
    assert error_message(response).startswith("page_size: ")


@pytest.mark.parametrize("path", LISTS)
def test_good_page_size_still_pages(client, editor, path):
    for i in range(3):
        make_public_claim(f"第{i}個說法", user=editor)
    body = client.get(path, {"page_size": "2"}).json()
    assert len(body.get("results", body.get("dataFeedElement", []))) == 2 and body["next"]


@pytest.mark.parametrize("path,name", [("/api/v1/claims/", "updated_since"), ("/api/v1/claims/", "rating"),
                                       ("/api/v1/claims/", "speaker"), ("/api/v1/claimreview/", "updated_since")])
def test_an_empty_filter_value_is_400_naming_it(client, path, name):
    response = client.get(path, {name: ""})
    assert response.status_code == 400
    assert error_fields(response) == {name: [ERROR_EMPTY_PARAMETER]}


# --- request bodies ----------------------------------------------------------------------------


def test_unknown_body_fields_are_400_naming_them_and_nothing_is_stored(partner):
    before = _articles()
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, "titel": "外交部例行記者會",
                                                  "publishedAt": "2025-02-13"}, format="json")
    assert response.status_code == 400
    fields = error_fields(response)
    assert set(fields) == {"titel", "publishedAt"}
    assert "title" in fields["titel"][0] and "published_at" in fields["titel"][0]
    assert _articles() == before


def test_unknown_multipart_fields_are_400_too(partner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.txt", ARTICLE.encode(), content_type="text/plain")
    response = partner.post("/api/v1/articles/", {"file": upload, "titel": "x"}, format="multipart")
    assert response.status_code == 400 and set(error_fields(response)) == {"titel"}


@pytest.mark.parametrize("field,value", [("text", 12345), ("text", True), ("text", {"a": 1}), ("title", 5),
                                         ("outlet", ["中央社"]), ("url", 7)])
def test_string_fields_must_be_strings(partner, field, value):
    before = _articles()
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, field: value}, format="json")
    assert response.status_code == 400
    assert set(error_fields(response)) == {field}
    assert _articles() == before


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "data:text/html,<script>alert(1)</script>",
                                 "ftp://news.example/a", "file:///etc/passwd", "//news.example/a", "news.example/a"])
def test_url_must_be_http_or_https(partner, url):
    before = _articles()
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, "url": url}, format="json")
    assert response.status_code == 400
    assert error_fields(response) == {"url": [ERROR_URL_SCHEME]}
    assert _articles() == before


def test_an_https_url_is_stored(partner):
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, "url": "https://news.example/a/1?x=1"},
                            format="json")
    assert response.status_code == 201
    assert Article.objects.get(pk=response.json()["article"]["id"]).url == "https://news.example/a/1?x=1"


def _chunked(partner, body: bytes, *, terminated: bool = True):
    """A body sent with Transfer-Encoding: chunked, as a de-chunking WSGI server (gunicorn) hands it
    on: no Content-Length, wsgi.input reads to the end, wsgi.input_terminated set. The live version
    of this, through gunicorn and `requests`, is tests/claims/api/test_chunked_live.py."""
    extra = {"CONTENT_LENGTH": "", "HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input": io.BytesIO(body)}
    if terminated:
        extra["wsgi.input_terminated"] = True
    return partner.generic("POST", "/api/v1/articles/", b"", content_type="application/json", **extra)


def test_a_chunked_body_is_read(partner):
    response = _chunked(partner, json.dumps({"text": ARTICLE, "title": "記者會"}, ensure_ascii=False).encode())
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert (article.body, article.title) == (ARTICLE, "記者會")


def test_a_chunked_body_over_the_limit_is_413(partner, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    before = _articles()
    response = _chunked(partner, json.dumps({"text": "字" * 5000}).encode())
    assert response.status_code == 413
    assert error_message(response) == ERROR_BODY_TOO_LARGE.format(limit=4096)
    assert _articles() == before


def test_a_chunked_body_the_server_left_chunked_is_411(partner):
    response = _chunked(partner, b'{"text": "x"}', terminated=False)
    assert response.status_code == 411
    assert error_message(response) == ERROR_LENGTH_REQUIRED


def test_a_declared_body_over_the_limit_is_413_before_authentication(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    response = client.generic("POST", "/api/v1/articles/", b"x" * 3000, content_type="application/json")
    assert response.status_code == 413 and api_error(response)["status"] == "PAYLOAD_TOO_LARGE"


# --- the schema: every parameter, every error status, examples equal to live answers --------------


@pytest.fixture
def schema(client) -> dict:
    return client.get("/api/schema/", {"format": "json"}).json()


def test_every_parameter_is_documented(schema):
    def names(path):
        return {p["name"] for p in schema["paths"][path]["get"].get("parameters", [])}

    assert {"updated_since", "cursor", "page_size"} <= names("/api/v1/claimreview/")
    assert {"speaker", "rating", "language", "date_from", "date_to", "outlet", "updated_since", "q", "ordering",
            "cursor", "page_size"} <= names("/api/v1/claims/")
    assert {"cursor", "page_size"} <= names("/api/v1/speakers/")
    for path in ("/api/v1/claims:search", "/v1alpha1/claims:search"):
        assert names(path) == {"query", "languageCode", "reviewPublisherSiteFilter", "maxAgeDays", "pageSize",
                               "pageToken", "offset"}


def test_every_operation_documents_its_error_statuses_in_the_one_schema(schema):
    assert "Error" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {int(code) for code in operation["responses"] if int(code) >= 400}
            assert {401, 406, 429} <= errors, (method, path, errors)
            if method == "post":
                # Readers' check requests are open to anonymous readers (issue 18): no scope, no 403.
                assert {400, 411, 413, 415} | ({403} if "check-requests" not in path else set()) <= errors
            if "{" in path or any(p["name"] == "cursor" for p in operation.get("parameters", [])):
                assert 404 in errors, (method, path)
            if any(p["in"] == "query" for p in operation.get("parameters", [])):
                assert 400 in errors, (method, path)
            for code in errors:
                content = operation["responses"][str(code)]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}
                assert content["examples"], (method, path, code)


def _mask(value):
    """Ids, times and hosts differ between the example and a live answer; the rest must not."""
    if isinstance(value, dict):
        return {k: _mask(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"\d+", "0", re.sub(r"https?://[^/]+", "HOST", value))
    if isinstance(value, int) and not isinstance(value, bool):
        return 0
    return value


def test_every_documented_error_example_is_what_the_api_answers(schema, editor, ingest_key, read_key, settings):
    withdrawn = make_public_claim("後來撤回的說法", user=editor)
    services.claim_unpublish(withdrawn, user=editor)

    def trigger(path: str, method: str, code: int, example: dict):
        client = APIClient()
        url = path.replace("{id}", "999999999").replace("{token}", "not-a-token")
        if code == 410:
            url = path.replace("{id}", str(withdrawn.pk))
        headers, params, body = {}, {}, None
        needs_key = method == "post" or "{token}" in path
        if needs_key and code not in {401}:
            headers["HTTP_AUTHORIZATION"] = f"Api-Key {read_key if code == 403 else ingest_key}"
        if code == 400:
            if "search" in path:
                params = {}
            elif method == "post":
                body = {"text": ARTICLE, "titel": "x"}
            else:
                params = {"page_size": "0"}
        elif code == 401:
            if not needs_key or "check-requests" in path:  # open to anonymous readers: a bad key is the 401
                headers["HTTP_AUTHORIZATION"] = "Api-Key nope"
        elif code == 404 and "{" not in path:
            params = {"cursor": "garbage"}
        elif code == 406:
            headers["HTTP_ACCEPT"] = "text/csv"
        elif code == 411:
            return _chunked(client_with(headers), b"{}", terminated=False)
        elif code == 413:
            return client_with(headers).generic("POST", url, b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
                                                content_type="application/json")
        elif code == 415:
            return client_with(headers).generic("POST", url, b"a,b", content_type="text/csv")
        elif code == 429:
            settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
                "anon": "1/min", "partner": "1/min", "ingest": "1/min"}}
            settings.FACTDESK_THROTTLE_CHECK_REQUESTS = "1/min"  # readers' requests have their own limit
            from django.core.cache import cache

            cache.clear()
            first = client.generic(method.upper(), url, **headers) if method != "post" else \
                client.post(url, {"text": ARTICLE}, format="json", **headers)
            assert first.status_code != 429
            response = client.generic(method.upper(), url, **headers) if method != "post" else \
                client.post(url, {"text": ARTICLE + "2"}, format="json", **headers)
            settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
                "anon": "100000/min", "partner": "100000/min", "ingest": "100000/min"}}
            settings.FACTDESK_THROTTLE_CHECK_REQUESTS = "100000/min"
            return response
        if method == "post":
            return client.post(url, body or {"text": ARTICLE}, format="json", **headers)
        return client.get(url, params, **headers)

    def client_with(headers):
        c = APIClient()
        if "HTTP_AUTHORIZATION" in headers:
            c.credentials(HTTP_AUTHORIZATION=headers["HTTP_AUTHORIZATION"])
        return c

    checked = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code_text, response_doc in operation["responses"].items():
                code = int(code_text)
                if code < 400:
                    continue
                [example] = [e["value"] for e in response_doc["content"]["application/json"]["examples"].values()]
                live = trigger(path, method, code, example)
                assert live.status_code == code, (method, path, code, live.content[:300])
                exact = code not in {410, 429}
                expected, got = (example, live.json()) if exact else (_mask(example), _mask(live.json()))
                assert got == expected, (method, path, code)
                if code == 410:
                    assert tombstone(live)["id"] == withdrawn.pk
                checked += 1
    assert checked >= 45  # every documented (operation, error status) pair was triggered live


def test_the_status_example_is_what_the_documented_submission_gives(schema, partner, django_capture_on_commit_callbacks):
    submit = schema["paths"]["/api/v1/articles/"]["post"]
    request_example = submit["requestBody"]["content"]["application/json"]["examples"]["Submit"]["value"]
    status_doc = schema["paths"]["/api/v1/articles/status/{token}/"]["get"]["responses"]["200"]
    [status_example] = [e["value"] for e in status_doc["content"]["application/json"]["examples"].values()]

    with django_capture_on_commit_callbacks(execute=True):
        response = partner.post("/api/v1/articles/", request_example, format="json")
    assert response.status_code == 201, response.content
    live = partner.get(response.json()["status_url"]).json()

    def shape(statement):
        return {**{k: v for k, v in statement.items() if k not in {"id", "confidence"}},
                "speaker": statement["speaker"] and statement["speaker"]["name"]}

    assert [shape(s) for s in live["statements"]] == [shape(s) for s in status_example["statements"]]
    assert {k: v for k, v in live["article"].items() if k != "id"} == \
        {k: v for k, v in status_example["article"].items() if k != "id"}
    assert (live["status"], live["error"]) == (status_example["status"], status_example["error"])
