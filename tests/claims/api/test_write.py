"""Partner API writes: API keys (hashed, scoped, revocable), article submission, validation, status URL."""

from __future__ import annotations

import json

import pytest
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.test import APIClient
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from claims import services
from claims.api.auth import ERROR_KEY_INVALID, ERROR_KEY_REQUIRED
from claims.api.serializers import StrictCharField, SurrogateCharactersValidator
from claims.api.views.articles import ERROR_TEXT_ENCODING, ERROR_TEXT_REQUIRED
from claims.models import PartnerKey
from claims.partners.keys import partner_key_hash
from sources.cleaning import ERROR_BINARY, ERROR_TOO_LARGE
from sources.models import Article
from tests.api_errors import error_fields, error_message
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ARTICLE = "外交部發言人毛寧13日在例行記者會上表示：「中方在台灣問題上的立場是一貫的、明確的。」她並強調，外部勢力不應干涉。"


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


@pytest.fixture
def ingest_key(editor):
    return services.partner_key_create("News partner", ["read", "ingest"], editor)


@pytest.fixture
def client(ingest_key) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {ingest_key[1]}")
    return client


def test_key_is_stored_hashed_and_shown_once(editor):
    key, plaintext = services.partner_key_create("Partner", ["ingest"], editor)
    prefix, secret = plaintext.split(".", 1)
    assert key.prefix == prefix and len(secret) >= 40
    assert key.key_hash == partner_key_hash(plaintext)
    stored = PartnerKey.objects.filter(pk=key.pk).values().get()
    assert all(secret not in str(value) for value in stored.values())


def test_submitting_without_a_key_is_401():
    response = APIClient().post("/api/v1/articles/", {"text": ARTICLE}, format="json")
    assert response.status_code == 401
    assert error_message(response) == ERROR_KEY_REQUIRED
    assert response["WWW-Authenticate"] == "Api-Key"


@pytest.mark.parametrize("header", ["Api-Key nope", "Api-Key abcd1234.wrong-secret", "Api-Key ."])
def test_a_wrong_key_is_401(header, ingest_key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.post("/api/v1/articles/", {"text": ARTICLE}, format="json").status_code == 401
    assert client.get("/api/v1/claims/").status_code == 401  # a bad key is refused on reads too


def test_a_revoked_key_stops_working_at_once(client, ingest_key, editor):
    services.partner_key_revoke(ingest_key[0], user=editor)
    response = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json")
    assert response.status_code == 401
    assert error_message(response) == ERROR_KEY_INVALID


def test_a_read_only_key_cannot_submit(editor):
    _key, plaintext = services.partner_key_create("Reader", ["read"], editor)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plaintext}")
    response = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json")
    assert response.status_code == 403
    assert "ingest" in error_message(response)


def test_submit_returns_201_then_status_reports_statements(client, ingest_key, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/articles/", {
            "text": ARTICLE, "title": "外交部例行記者會", "url": "https://news.example/a/1", "outlet": "中央社",
            "published_at": "2025-02-13T09:20:00+08:00", "language": "zh-Hant",
        }, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["duplicate"] is False
    assert body["article"]["outlet"] == "中央社"
    assert body["article"]["published_at"] == "2025-02-13T01:20:00Z"
    assert response["Location"] == body["status_url"]
    article = Article.objects.get(pk=body["article"]["id"])
    assert article.channel == "api" and article.body == ARTICLE

    status = client.get(body["status_url"])
    assert status.status_code == 200
    data = status.json()
    assert data["status"] == "done"  # extraction ran (eagerly) after commit
    assert any("立場是一貫的" in s["text"] for s in data["statements"])
    assert all(s["review_state"] == "candidate" for s in data["statements"])
    ingest_key[0].refresh_from_db()
    assert ingest_key[0].last_used_at is not None


def test_status_url_is_private_to_the_submitting_key(client, editor):
    url = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json").json()["status_url"]
    _other, plaintext = services.partner_key_create("Other", ["ingest"], editor)
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Api-Key {plaintext}")
    assert other.get(url).status_code == 404
    assert client.get(url.replace("/status/", "/status/x")).status_code == 404
    assert APIClient().get(url).status_code == 401


def test_a_duplicate_returns_200_with_the_existing_article(client):
    first = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json").json()
    again = client.post("/api/v1/articles/", {"text": ARTICLE, "title": "same text"}, format="json")
    assert again.status_code == 200
    assert again.json()["article"]["id"] == first["article"]["id"]
    assert again.json()["duplicate"] is True and again.json()["duplicate_reason"] == "content"


def test_html_is_reduced_to_its_text(client):
    html = f"<html><head><title>記者會</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    response = client.post("/api/v1/articles/", {"text": html}, format="json")
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert "<p>" not in article.body and "立場是一貫的" in article.body
    assert article.raw_html == html


@pytest.mark.parametrize(
    "payload,field",
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": ARTICLE, "published_at": "13/02/2025"}, "published_at"),
        ({"text": ARTICLE, "published_at": "0001-01-01T00:00:00"}, "published_at"),
        ({"text": ARTICLE, "language": "klingon"}, "language"),
        ({"text": ARTICLE, "url": "x" * 2001}, "url"),
        ({"text": ["not", "a", "string"]}, "text"),
    ],
)
def test_bad_input_is_400_naming_the_field(client, payload, field):
    response = client.post("/api/v1/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in error_fields(response), response.json()


def test_missing_text_message(client):
    assert error_fields(client.post("/api/v1/articles/", {"title": "t"}, format="json")) == {"text": [ERROR_TEXT_REQUIRED]}


def test_oversize_text_is_400_with_the_documented_limit(client, settings):
    settings.FACTDESK_MAX_ARTICLE_CHARS = 1000
    response = client.post("/api/v1/articles/", {"text": "字" * 1001}, format="json")
    assert response.status_code == 400
    assert error_fields(response) == {"text": [ERROR_TOO_LARGE.format(limit=1000)]}


def test_oversize_request_body_is_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    response = client.post("/api/v1/articles/", {"text": "x" * 5000}, format="json")
    assert response.status_code == 413
    assert "2,048" in error_message(response)


def test_unpaired_surrogates_are_400_not_a_server_error(client):
    body = '{"text": "abc \\ud800 def", "title": "\\udfff"}'
    response = client.generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert error_fields(response)["text"] == [ERROR_TEXT_ENCODING]
    assert "title" in error_fields(response)


@pytest.mark.parametrize("value", ["abc \ud800 def", "\udfff", "前\udbff\udc00後 \ud800"])
def test_string_fields_refuse_surrogates_exactly_as_drf_does(value):
    """StrictCharField's regex check says what DRF's per-character loop says (the first one found)."""
    with pytest.raises(ValidationError) as ours:
        StrictCharField().run_validation(value)
    with pytest.raises(ValidationError) as drf:
        serializers.CharField().run_validation(value)
    assert ours.value.detail == drf.value.detail and ours.value.get_codes() == drf.value.get_codes()
    assert [type(v) for v in StrictCharField().validators].count(SurrogateCharactersValidator) == 1
    assert ProhibitSurrogateCharactersValidator not in [type(v) for v in StrictCharField().validators]
    assert StrictCharField().run_validation("前後 \U0001f600") == "前後 \U0001f600"


def test_json_that_is_not_utf8_is_400(client):
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("big5", "ignore")
    response = client.generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert "UTF-8" in error_message(response)


def test_an_uploaded_big5_file_is_decoded(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.txt", ARTICLE.encode("big5"), content_type="text/plain")
    response = client.post("/api/v1/articles/", {"file": upload, "outlet": "中央社"}, format="multipart")
    assert response.status_code == 201, response.content
    assert Article.objects.get(pk=response.json()["article"]["id"]).body == ARTICLE


def test_an_uploaded_binary_file_is_400_on_file(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.bin", b"\x00\x01\x02PNG" * 100, content_type="application/octet-stream")
    response = client.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert error_fields(response) == {"file": [ERROR_BINARY]}


def test_submissions_are_throttled_per_key_with_retry_after(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "100/min", "partner": "100/min", "ingest": "2/min"}}
    codes = [client.post("/api/v1/articles/", {"text": f"{ARTICLE} {i}"}, format="json").status_code
             for i in range(3)]
    assert codes == [201, 201, 429]
    response = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json")
    assert int(response["Retry-After"]) > 0


def test_admin_creates_a_key_and_shows_the_plaintext_once(editor):
    from django.test import Client

    web = Client()
    web.force_login(editor)
    response = web.post("/admin/claims/partnerkey/add/", {"name": "Newsroom", "contact_email": "",
                                                          "scopes": ["ingest"]}, follow=True)
    assert response.status_code == 200
    key = PartnerKey.objects.get(name="Newsroom")
    shown = [str(m) for m in response.context["messages"]]
    plaintext = next(m.split(": ", 1)[1].split(" ")[0] for m in shown if key.prefix in m)
    assert partner_key_hash(plaintext) == key.key_hash
    assert key.scopes == ["ingest"] and key.created_by == editor
    # Revoke through the admin action.
    web.post("/admin/claims/partnerkey/", {"action": "revoke_keys", "_selected_action": [key.pk]})
    key.refresh_from_db()
    assert key.revoked_at is not None and not key.active
