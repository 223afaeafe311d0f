"""claims:search as a drop-in for Google Fact Check Tools v1alpha1 (issue 14, items 1-5).

Each repro of the issue is a test here, on the real PostgreSQL; the last test is the conformance
table: for a set of queries, every field of the answer against Google's documented shape
(developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search and .../claims).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims.api.views.factcheck import ERROR_PAGE_TOKEN, ERROR_PAGE_TOKEN_QUERY, ERROR_QUERY_REQUIRED
from claims.models import Verdict
from tests.api_errors import api_error, error_fields
from tests.factories import make_public_claim, make_speaker, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCH_PATHS = ["/v1alpha1/claims:search", "/api/v1/claims:search"]


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


@pytest.fixture(autouse=True)
def _site(settings):
    # A port in the site URL: publisher.site must still be the bare host, as Google's is.
    settings.FACTDESK_SITE_URL = "https://factdesk.example:8443"
    settings.FACTDESK_PUBLISHER_NAME = "factdesk"


def _ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _set_review_date(claim, when: dt.datetime) -> None:
    """Time travel for the verdict's publication (no service publishes in the past)."""
    Verdict.objects.filter(pk=claim.current_verdict_id).update(published_at=when)


# --- 1. the path -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEARCH_PATHS)
def test_google_path_and_current_path_answer_the_same(client, editor, path):
    claim = make_public_claim("國防預算超過GDP百分之三", user=editor)
    body = client.get(path, {"query": "國防預算"}).json()
    assert [item["text"] for item in body["claims"]] == [claim.text]


def test_google_path_speaks_cors_like_the_rest_of_the_api(client, editor):
    make_public_claim("國防預算超過GDP百分之三", user=editor)
    response = client.get("/v1alpha1/claims:search", {"query": "國防"}, HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"


# --- 2. {} when empty ------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEARCH_PATHS)
def test_no_result_is_an_empty_object(client, editor, path):
    make_public_claim("國防預算超過GDP百分之三", user=editor)
    response = client.get(path, {"query": "完全無關的詞語"})
    assert response.status_code == 200
    assert response.json() == {}


# --- 3. 400 without query or publisher filter -----------------------------------------------


@pytest.mark.parametrize("params", [{}, {"query": "   "}, {"languageCode": "en"}, {"reviewPublisherSiteFilter": " "}])
def test_no_query_and_no_publisher_filter_is_400(client, editor, params):
    make_public_claim("國防預算超過GDP百分之三", user=editor)
    response = client.get("/v1alpha1/claims:search", params)
    assert response.status_code == 400
    assert error_fields(response) == {"query": [ERROR_QUERY_REQUIRED]}


def test_publisher_filter_alone_lists_our_reviews(client, editor):
    claims = [make_public_claim(f"第{i}個說法需要查核", user=editor) for i in range(3)]
    body = client.get("/v1alpha1/claims:search", {"reviewPublisherSiteFilter": "factdesk.example"}).json()
    assert {item["text"] for item in body["claims"]} == {c.text for c in claims}


# --- 4. Google's error envelope, in English -----------------------------------------------------


def test_errors_are_googles_envelope_in_english_by_default(client):
    response = client.get("/v1alpha1/claims:search", {"query": "x", "pageSize": "abc"})
    assert response.status_code == 400
    error = api_error(response)
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == "pageSize: A valid integer is required."
    assert error_fields(response) == {"pageSize": ["A valid integer is required."]}
    assert response["Content-Language"] == "en"


def test_errors_follow_accept_language_when_asked(client):
    response = client.get("/v1alpha1/claims:search", {"query": "x", "pageSize": "abc"}, HTTP_ACCEPT_LANGUAGE="zh-TW")
    assert response.status_code == 400
    assert response["Content-Language"] == "zh-hant"
    [description] = error_fields(response)["pageSize"]
    assert description != "A valid integer is required." and re.search(r"[\u4e00-\u9fff]", description)


# --- 5. languages, pageSize, pageToken, publisher site, maxAgeDays, claimDate --------------------


@pytest.mark.parametrize(
    "tag,expected",
    [
        ("zh-Hant-TW", {"hant"}), ("zh-TW", {"hant"}), ("zh-HK", {"hant"}), ("zh-Hant", {"hant"}), ("zh-MO", {"hant"}),
        ("zh-Hans-CN", {"hans"}), ("zh-CN", {"hans"}), ("zh-Hans", {"hans"}), ("zh-SG", {"hans"}),
        ("zh", {"hant", "hans"}), ("en-US", {"en"}), ("en", {"en"}), ("EN-gb", {"en"}), ("fr-FR", set()),
    ],
)
def test_full_bcp47_tags_pick_the_script(client, editor, tag, expected):
    claims = {
        "hant": make_public_claim("國防預算的說法", language="zh-Hant", user=editor),
        "hans": make_public_claim("国防预算的说法", language="zh-Hans", user=editor),
        "en": make_public_claim("the defence budget claim", language="en", user=editor),
    }
    body = client.get("/v1alpha1/claims:search", {"reviewPublisherSiteFilter": "factdesk.example",
                                                  "languageCode": tag}).json()
    assert {item["text"] for item in body.get("claims", [])} == {claims[key].text for key in expected}


def test_a_malformed_language_tag_is_400(client):
    response = client.get("/v1alpha1/claims:search", {"query": "x", "languageCode": "zh Hant!"})
    assert response.status_code == 400 and "languageCode" in error_fields(response)


def test_page_size_defaults_to_ten(client, editor):
    for i in range(12):
        make_public_claim(f"預算說法第{i}則", user=editor)
    body = client.get("/v1alpha1/claims:search", {"query": "預算說法"}).json()
    assert len(body["claims"]) == 10 and body["nextPageToken"]


def test_page_tokens_walk_every_result_once_and_are_bound_to_their_query(client, editor):
    texts = {make_public_claim(f"預算說法第{i}則", user=editor).text for i in range(5)}
    params = {"query": "預算說法", "pageSize": 2}
    seen, token = [], None
    while True:
        body = client.get("/v1alpha1/claims:search", {**params, **({"pageToken": token} if token else {})}).json()
        seen += [item["text"] for item in body["claims"]]
        token = body.get("nextPageToken")
        if not token:
            break
        # Opaque: not a readable offset.
        assert not re.fullmatch(r"[A-Za-z0-9_-]{1,8}", token)
    assert sorted(seen) == sorted(texts)

    first = client.get("/v1alpha1/claims:search", params).json()["nextPageToken"]
    for other in ({"query": "其他", "pageSize": 2}, {"query": "預算說法", "pageSize": 3},
                  {"query": "預算說法", "pageSize": 2, "languageCode": "en"}):
        response = client.get("/v1alpha1/claims:search", {**other, "pageToken": first})
        assert response.status_code == 400
        assert error_fields(response) == {"pageToken": [ERROR_PAGE_TOKEN_QUERY]}
    # The repro: a hand-made base64 offset is no longer a token.
    for forged in ("bzEw", "%%%", first[:-2] + "xx"):
        response = client.get("/v1alpha1/claims:search", {**params, "pageToken": forged})
        assert response.status_code == 400
        assert error_fields(response) == {"pageToken": [ERROR_PAGE_TOKEN]}


def test_offset_starts_further_in_without_a_token(client, editor):
    for i in range(3):
        make_public_claim(f"預算說法第{i}則", user=editor)
    everything = [c["text"] for c in client.get("/v1alpha1/claims:search", {"query": "預算說法"}).json()["claims"]]
    rest = client.get("/v1alpha1/claims:search", {"query": "預算說法", "offset": 1}).json()["claims"]
    assert [c["text"] for c in rest] == everything[1:]


@pytest.mark.parametrize(
    "value,matches",
    [
        ("factdesk.example", True), ("FACTDESK.EXAMPLE", True), ("https://factdesk.example/", True),
        ("factdesk.example.", True),
        ("1", False), ("factdesk", False), ("example", False), ("desk.example", False),
        ("factdesk.example:8443", False), ("www.factdesk.example", False), ("nytimes.com", False),
    ],
)
def test_publisher_filter_is_an_exact_host_match(client, editor, value, matches):
    claim = make_public_claim("國防預算的說法", user=editor)
    body = client.get("/v1alpha1/claims:search", {"query": "國防預算", "reviewPublisherSiteFilter": value}).json()
    assert body == ({"claims": body["claims"]} if matches else {})
    if matches:
        assert [item["text"] for item in body["claims"]] == [claim.text]


def test_publisher_site_is_the_host_without_port(client, editor):
    make_public_claim("國防預算的說法", user=editor)
    [item] = client.get("/v1alpha1/claims:search", {"query": "國防預算"}).json()["claims"]
    assert item["claimReview"][0]["publisher"] == {"name": "factdesk", "site": "factdesk.example"}


def test_max_age_days_counts_from_the_newer_of_claim_and_review_dates(client, editor):
    said_lately_reviewed_long_ago = make_public_claim("最近說的舊查核", said_on=_ago(5).date(), user=editor)
    _set_review_date(said_lately_reviewed_long_ago, _ago(400))
    said_long_ago_reviewed_lately = make_public_claim("很久以前說的新查核", said_on=_ago(400).date(), user=editor)
    _set_review_date(said_long_ago_reviewed_lately, _ago(2))
    both_old = make_public_claim("都很舊的說法", said_on=_ago(400).date(), user=editor)
    _set_review_date(both_old, _ago(390))
    undated_seen_lately = make_public_claim("沒有日期但剛看到", published_at=_ago(3), user=editor)
    _set_review_date(undated_seen_lately, _ago(500))

    body = client.get("/v1alpha1/claims:search", {"reviewPublisherSiteFilter": "factdesk.example",
                                                  "maxAgeDays": 30}).json()
    assert {item["text"] for item in body["claims"]} == {
        said_lately_reviewed_long_ago.text, said_long_ago_reviewed_lately.text, undated_seen_lately.text}


def test_claim_date_is_when_the_words_were_said_when_known(client, editor):
    said = make_public_claim("二月十三日說的話", said_on=dt.date(2025, 2, 13),
                             published_at=dt.datetime(2025, 2, 20, 3, 0, tzinfo=dt.UTC), user=editor)
    undated = make_public_claim("沒有日期的說法", published_at=dt.datetime(2025, 2, 21, 3, 0, tzinfo=dt.UTC), user=editor)
    items = {item["text"]: item for item in client.get(
        "/v1alpha1/claims:search", {"reviewPublisherSiteFilter": "factdesk.example"}).json()["claims"]}
    assert items[said.text]["claimDate"] == "2025-02-13T00:00:00Z"
    assert items[undated.text]["claimDate"] == "2025-02-21T03:00:00Z"


def test_snake_case_parameter_names_are_accepted_as_google_accepts_them(client, editor):
    make_public_claim("國防預算的說法", language="zh-Hant", user=editor)
    body = client.get("/v1alpha1/claims:search", {"query": "國防預算", "language_code": "en"}).json()
    assert body == {}
    body = client.get("/v1alpha1/claims:search", {"query": "國防預算", "language_code": "zh-TW", "page_size": 1}).json()
    assert len(body["claims"]) == 1


# --- the conformance table ---------------------------------------------------------------------

# Google's documented shape, field by field: name -> (type, required). Timestamps are
# google.protobuf.Timestamp in JSON: RFC 3339, "Z", 0/3/6/9 fractional digits.
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6}|\.\d{9})?Z$")
RESPONSE_FIELDS = {"claims": (list, False), "nextPageToken": (str, False)}
CLAIM_FIELDS = {"text": (str, False), "claimant": (str, False), "claimDate": ("timestamp", False),
                "claimReview": (list, False)}
REVIEW_FIELDS = {"publisher": (dict, False), "url": (str, False), "title": (str, False),
                 "reviewDate": ("timestamp", False), "textualRating": (str, False), "languageCode": (str, False)}
PUBLISHER_FIELDS = {"name": (str, False), "site": (str, False)}


def _conforms(obj: dict, fields: dict, where: str) -> list[str]:
    problems = [f"{where}.{name}: not in Google's shape" for name in obj if name not in fields]
    for name, (kind, required) in fields.items():
        if name not in obj:
            if required:
                problems.append(f"{where}.{name}: missing")
            continue
        value = obj[name]
        if kind == "timestamp":
            if not (isinstance(value, str) and TIMESTAMP.match(value)):
                problems.append(f"{where}.{name}: {value!r} is not a Timestamp")
        elif not isinstance(value, kind):
            problems.append(f"{where}.{name}: {type(value).__name__}, not {kind.__name__}")
        elif value in ("", [], {}):
            problems.append(f"{where}.{name}: empty (Google leaves empty fields out)")
    return problems


def _google_shape_problems(body: dict) -> list[str]:
    problems = _conforms(body, RESPONSE_FIELDS, "response")
    for i, claim in enumerate(body.get("claims", [])):
        problems += _conforms(claim, CLAIM_FIELDS, f"claims[{i}]")
        for j, review in enumerate(claim.get("claimReview", [])):
            where = f"claims[{i}].claimReview[{j}]"
            problems += _conforms(review, REVIEW_FIELDS, where)
            problems += _conforms(review.get("publisher", {}), PUBLISHER_FIELDS, f"{where}.publisher")
            if not review["url"].startswith(("http://", "https://")):
                problems.append(f"{where}.url: not an absolute URL")
    return problems


CONFORMANCE_QUERIES = [
    {"query": "國防預算"},
    {"query": "国防预算", "languageCode": "zh-Hant-TW"},
    {"query": "budget", "languageCode": "en-US"},
    {"query": "預算", "pageSize": 1},
    {"reviewPublisherSiteFilter": "factdesk.example", "pageSize": 2},
    {"reviewPublisherSiteFilter": "factdesk.example", "maxAgeDays": 30},
    {"query": "沒有這個詞語"},
    {"query": "國防預算", "reviewPublisherSiteFilter": "nytimes.com"},
]


def test_conformance_table_every_field_matches_googles_documented_shape(client, editor):
    speaker = make_speaker("顧立雄")
    make_public_claim("國防預算超過GDP百分之三", speaker=speaker, said_on=dt.date(2025, 2, 13), rating="mostly_false",
                      summary="The 2025 budget is 2.45% of GDP.", user=editor)
    make_public_claim("国防预算翻倍了", language="zh-Hans", rating="misleading", user=editor)
    make_public_claim("The defence budget doubled", language="en", rating="true", user=editor)
    make_public_claim("無人說過的預算", rating="unproven", user=editor)
    seen_fields: set[str] = set()
    for params in CONFORMANCE_QUERIES:
        for path in SEARCH_PATHS:
            response = client.get(path, params)
            assert response.status_code == 200, (params, response.content)
            assert response["Content-Type"].startswith("application/json")
            body = response.json()
            assert _google_shape_problems(body) == [], (params, body)
            seen_fields |= set(body) | {f"claim.{k}" for c in body.get("claims", []) for k in c}
            seen_fields |= {f"review.{k}" for c in body.get("claims", []) for r in c["claimReview"] for k in r}
    # The table exercised every documented field at least once.
    assert seen_fields >= {"claims", "nextPageToken", "claim.text", "claim.claimant", "claim.claimDate",
                           "claim.claimReview", *(f"review.{k}" for k in REVIEW_FIELDS)}
