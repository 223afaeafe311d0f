"""Issue 14's repros, one test each, written against the API as a partner sees it (nothing but
HTTP, no constants of the code under test), so that they ran unchanged on the main branch before
the fix: every one of them failed there (see the report of helper api14).

The detailed tests live in test_factcheck_google.py, test_contract.py and test_chunked_live.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims import services
from claims.models import Verdict
from sources.models import Article
from tests.factories import make_public_claim, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ARTICLE = "外交部發言人毛寧13日在例行記者會上表示：「中方在台灣問題上的立場是一貫的、明確的。」"


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def partner(editor) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {services.partner_key_create('P', ['read', 'ingest'], editor)[1]}")
    return client


@pytest.fixture(autouse=True)
def _site(settings):
    settings.FACTDESK_SITE_URL = "http://factdesk.example:8000"


def _is_google_error(response, code: int) -> bool:
    body = response.json()
    return (response.status_code == code and set(body) == {"error"}
            and {"code", "message", "status"} <= set(body["error"]) and body["error"]["code"] == code)


# 1
def test_1_google_path_exists(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    assert client.get("/v1alpha1/claims:search", {"query": "國防預算"}).status_code == 200


# 2
def test_2_no_result_is_an_empty_object(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    assert client.get("/api/v1/claims:search", {"query": "毫無關係"}).json() == {}


# 3
def test_3_no_query_and_no_publisher_filter_is_400(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    assert client.get("/api/v1/claims:search").status_code == 400


# 4
def test_4_errors_are_googles_envelope_in_english(client):
    response = client.get("/api/v1/claims:search", {"query": "x", "pageSize": "abc"})
    assert _is_google_error(response, 400)
    assert "valid integer" in response.json()["error"]["message"]


# 5
def test_5_full_language_tags(client, editor):
    hant = make_public_claim("國防預算的說法", language="zh-Hant", user=editor)
    make_public_claim("国防预算的说法", language="zh-Hans", user=editor)
    body = client.get("/api/v1/claims:search", {"query": "國防預算", "languageCode": "zh-Hant-TW"}).json()
    assert [c["text"] for c in body["claims"]] == [hant.text]


def test_5_page_size_defaults_to_ten(client, editor):
    for i in range(11):
        make_public_claim(f"預算說法第{i}則", user=editor)
    assert len(client.get("/api/v1/claims:search", {"query": "預算說法"}).json()["claims"]) == 10


def test_5_page_token_is_bound_to_its_query(client, editor):
    for i in range(3):
        make_public_claim(f"預算說法第{i}則", user=editor)
    forged = base64.urlsafe_b64encode(b"o1").decode().rstrip("=")
    assert client.get("/api/v1/claims:search", {"query": "預算說法", "pageToken": forged}).status_code == 400
    token = client.get("/api/v1/claims:search", {"query": "預算說法", "pageSize": 1}).json()["nextPageToken"]
    assert client.get("/api/v1/claims:search", {"query": "其他", "pageSize": 1, "pageToken": token}).status_code == 400


def test_5_publisher_filter_is_exact_and_site_has_no_port(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    assert client.get("/api/v1/claims:search", {"query": "國防預算", "reviewPublisherSiteFilter": "1"}).json() == {}
    [item] = client.get("/api/v1/claims:search", {"query": "國防預算"}).json()["claims"]
    assert item["claimReview"][0]["publisher"]["site"] == "factdesk.example"


def test_5_max_age_days_counts_from_the_newer_date(client, editor):
    claim = make_public_claim("最近說的舊查核", said_on=timezone.now().date() - dt.timedelta(days=3), user=editor)
    Verdict.objects.filter(pk=claim.current_verdict_id).update(published_at=timezone.now() - dt.timedelta(days=300))
    body = client.get("/api/v1/claims:search", {"query": "舊查核", "maxAgeDays": 30}).json()
    assert [c["text"] for c in body.get("claims", [])] == [claim.text]


def test_5_claim_date_is_when_it_was_said(client, editor):
    make_public_claim("二月十三日說的話", said_on=dt.date(2025, 2, 13),
                      published_at=dt.datetime(2025, 2, 20, 3, tzinfo=dt.UTC), user=editor)
    [item] = client.get("/api/v1/claims:search", {"query": "說的話"}).json()["claims"]
    assert item["claimDate"].startswith("2025-02-13")


# 6
def test_6_schema_documents_errors_parameters_and_a_true_status_example(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    claims_list = schema["paths"]["/api/v1/claims/"]["get"]
    assert {"400", "401", "404", "429"} <= set(claims_list["responses"])
    feed = {p["name"] for p in schema["paths"]["/api/v1/claimreview/"]["get"].get("parameters", [])}
    assert {"updated_since", "cursor", "page_size"} <= feed
    status = json.dumps(schema["paths"]["/api/v1/articles/status/{token}/"]["get"]["responses"]["200"],
                        ensure_ascii=False)
    assert "Mao Ning" in status and '"said_on": null' in status


# 7
@pytest.mark.parametrize("value", ["0", "101", "abc"])
def test_7_bad_page_size_is_400_naming_it(client, value):
    response = client.get("/api/v1/claims/", {"page_size": value})
    assert response.status_code == 400 and "page_size" in response.content.decode()


def test_7_unknown_body_fields_are_400_naming_them(partner):
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, "titel": "t", "publishedAt": "2025-02-13"},
                            format="json")
    assert response.status_code == 400
    assert "titel" in response.content.decode() and "publishedAt" in response.content.decode()
    assert Article.objects.count() == 0


def test_7_text_must_be_a_string(partner):
    assert partner.post("/api/v1/articles/", {"text": 12345}, format="json").status_code == 400


def test_7_url_must_be_http_or_https(partner):
    response = partner.post("/api/v1/articles/", {"text": ARTICLE, "url": "javascript:alert(1)//"}, format="json")
    assert response.status_code == 400 and Article.objects.count() == 0


# 8
def _chunked(partner, body: bytes):
    return partner.generic("POST", "/api/v1/articles/", b"", content_type="application/json", CONTENT_LENGTH="",
                           HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": io.BytesIO(body),
                                                                "wsgi.input_terminated": True})


def test_8_a_chunked_body_is_read(partner):
    response = _chunked(partner, json.dumps({"text": ARTICLE}).encode())
    assert response.status_code == 201, response.content


def test_8_a_13_mb_chunked_body_is_413(partner):
    assert _chunked(partner, json.dumps({"text": "x" * (13 * 1024 * 1024)}).encode()).status_code == 413


# 9
def test_9_built_in_messages_are_english_by_default(client):
    response = client.get("/api/v1/claims/", {"rating": "sort-of"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
