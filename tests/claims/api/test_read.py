"""Partner API reads: only public data, filters, search, cursor paging, constant queries, CORS, throttling."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import ReviewState
from tests.api_errors import error_fields, tombstone
from tests.factories import make_article, make_outlet, make_published_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


def _publish(statement, editor, rating="false"):
    statement = services.statement_accept(statement, user=editor)
    verdict = services.verdict_draft(claim=statement.claim, user=editor, rating=rating, explanation="Checked.")
    services.verdict_publish(verdict, user=editor)
    statement.claim.refresh_from_db()
    return statement.claim


def test_claim_list_shows_only_published_claims(client, editor):
    public = make_published_claim("外交部表示台灣問題是內政", user=editor)
    hidden_statement = services.statement_accept(make_statement(text="這是未發布的說法"), user=editor)
    services.verdict_draft(claim=hidden_statement.claim, user=editor, rating="true", explanation="Draft only.")

    response = client.get("/api/v1/claims/")

    assert response.status_code == 200
    ids = [c["id"] for c in response.json()["results"]]
    assert ids == [public.pk]
    item = response.json()["results"][0]
    assert item["verdict"]["rating"] == "false"
    assert item["verdict"]["label"] == "False"
    assert item["verdict"]["rating_value"] == 1
    assert item["speakers"][0]["id"] == public.statements.get().speaker_id
    assert item["languages"] == ["zh-Hant"]
    assert item["url"].endswith(f"/api/v1/claims/{public.pk}/")


def test_unpublished_and_merged_claims_are_not_found(client, editor):
    claim = make_published_claim(user=editor)
    assert client.get(f"/api/v1/claims/{claim.pk}/").status_code == 200
    services.claim_unpublish(claim, user=editor)
    # Withdrawn after being public: 410 with a tombstone that tells nothing but the id and when.
    gone = client.get(f"/api/v1/claims/{claim.pk}/")
    assert gone.status_code == 410 and set(tombstone(gone)) == {"id", "url", "withdrawn", "withdrawn_at", "merged_into"}
    assert client.get("/api/v1/claims/").json()["results"] == []
    never = services.statement_accept(make_statement(text="從未公開"), user=editor).claim
    assert client.get(f"/api/v1/claims/{never.pk}/").status_code == 404
    assert client.get("/api/v1/claims/99999999999999999999999/").status_code == 404


def test_claim_detail_has_public_statements_stances_and_verdict_history(client, editor):
    claim = make_published_claim("這個說法需要查核", user=editor)
    article = claim.statements.get().article
    # A rejected statement on the same claim must not show.
    rejected = make_statement(make_article("某官員表示:「另一個說法」。"), text="另一個說法")
    services.statement_accept(rejected, user=editor, claim=claim)
    services.statement_reject(rejected, user=editor, reason="Wrong speaker")
    supporter = make_speaker("支持者甲")
    from claims.models import Stance

    accepted_stance = Stance.objects.create(speaker=supporter, polarity="support", claim=claim, cue="支持",
                                            review_state=ReviewState.ACCEPTED)
    Stance.objects.create(speaker=make_speaker("候選者乙"), polarity="oppose", claim=claim, cue="反對")
    verdict = claim.current_verdict
    services.verdict_update(verdict, user=editor, expected_revision=verdict.revision, rating="mostly_false")

    data = client.get(f"/api/v1/claims/{claim.pk}/").json()

    assert [s["article"]["id"] for s in data["statements"]] == [article.pk]
    assert [s["id"] for s in data["stances"]] == [accepted_stance.pk]
    assert data["verdict"]["rating"] == "mostly_false"
    assert data["verdict"]["explanation"] == "Checked against the record."
    assert [h["rating"] for h in data["verdict_history"]] == ["mostly_false", "false"]


def test_draft_verdict_history_is_never_public(client, editor):
    claim = make_published_claim(user=editor)
    services.verdict_draft(claim=claim, user=editor, rating="true", explanation="Still a draft.")

    data = client.get(f"/api/v1/claims/{claim.pk}/").json()

    assert [h["rating"] for h in data["verdict_history"]] == ["false"]
    assert data["verdict"]["rating"] == "false"


def test_filters_by_speaker_rating_language_outlet_and_dates(client, editor):
    outlet = make_outlet("中央社")
    speaker = make_speaker("毛寧")
    article = make_article("毛寧表示:「中方立場一貫」。", outlet=outlet)
    a = _publish(make_statement(article, text="中方立場一貫", speaker=speaker), editor, rating="false")
    b = _publish(make_statement(make_article("Officials said: \u201cThe budget doubled\u201d.", language="en"),
                                text="The budget doubled", language="en"), editor, rating="true")

    def ids(**params):
        response = client.get("/api/v1/claims/", params)
        assert response.status_code == 200, response.content
        return {c["id"] for c in response.json()["results"]}

    assert ids(speaker=speaker.pk) == {a.pk}
    assert ids(rating="true") == {b.pk}
    assert ids(language="en") == {b.pk}
    assert ids(outlet=outlet.pk) == {a.pk}
    today = a.first_seen_at.date().isoformat()
    assert ids(date_from=today) == {a.pk, b.pk}
    assert ids(date_to="2000-01-01") == set()
    assert ids(updated_since="2199-01-01T00:00:00Z") == set()


@pytest.mark.parametrize(
    "params,field",
    [
        ({"rating": "sort-of"}, "rating"),
        ({"speaker": "abc"}, "speaker"),
        ({"date_from": "13/02/2025"}, "date_from"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "9999-12-31T23:59:59-12:00"}, "updated_since"),
        ({"ordering": "text"}, "ordering"),
        ({"ordering": ""}, "ordering"),
    ],
)
def test_bad_filters_are_400_naming_the_field(client, params, field):
    response = client.get("/api/v1/claims/", params)
    assert response.status_code == 400
    assert field in error_fields(response)


def test_full_text_query_finds_either_chinese_script_and_english(client, editor):
    zh = make_published_claim("台灣的國防預算已超過GDP百分之三", user=editor)
    en = _publish(make_statement(make_article("He said: \u201cInflation fell to two percent\u201d.", language="en"),
                                 text="Inflation fell to two percent", language="en"), editor)

    def ids(q):
        return {c["id"] for c in client.get("/api/v1/claims/", {"q": q}).json()["results"]}

    assert zh.pk in ids("國防預算")
    assert zh.pk in ids("国防预算")  # Simplified finds Traditional
    assert ids("inflation") == {en.pk}


def test_cursor_paging_walks_every_claim_once(client, editor):
    claims = [make_published_claim(user=editor) for _ in range(7)]
    seen, url = [], "/api/v1/claims/?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [c["id"] for c in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(c.pk for c in claims)
    assert len(seen) == len(set(seen))
    oldest_first = client.get("/api/v1/claims/", {"ordering": "first_seen_at", "page_size": 100}).json()["results"]
    assert [c["id"] for c in oldest_first] == sorted(c.pk for c in claims)


def test_garbage_cursor_is_404_not_500(client):
    import base64

    for cursor in ["\u00e9t\u00e9", base64.b64encode(b"p=not-a-date").decode(), base64.b64encode(b"o=5&p=2025-13-45").decode()]:
        assert client.get("/api/v1/claims/", {"cursor": cursor}).status_code == 404


def test_claim_list_query_count_does_not_grow_with_page_size(client, editor, django_assert_num_queries):
    for _ in range(12):
        make_published_claim(user=editor)
    client.get("/api/v1/claims/?page_size=7")  # warm caches (content types etc.), not this page's
    with django_assert_num_queries(2):
        small = client.get("/api/v1/claims/?page_size=5")
    with django_assert_num_queries(2):
        large = client.get("/api/v1/claims/?page_size=50")
    assert len(small.json()["results"]) == 5
    assert len(large.json()["results"]) == 12


def test_repeated_read_is_served_from_cache_until_public_data_changes(client, editor, django_assert_num_queries):
    first = make_published_claim("第一個被查核的說法", user=editor)
    assert [c["id"] for c in client.get("/api/v1/claims/").json()["results"]] == [first.pk]
    with django_assert_num_queries(0):
        again = client.get("/api/v1/claims/")
    assert [c["id"] for c in again.json()["results"]] == [first.pk]
    second = make_published_claim("第二個被查核的說法", user=editor)  # publishing retires the cached page
    ids = {c["id"] for c in client.get("/api/v1/claims/").json()["results"]}
    assert ids == {first.pk, second.pk}
    services.claim_unpublish(first, user=editor)
    assert {c["id"] for c in client.get("/api/v1/claims/").json()["results"]} == {second.pk}


def test_speaker_list_query_count_does_not_grow_with_page_size(client, editor, django_assert_num_queries):
    for _ in range(8):
        make_published_claim(user=editor)
    with django_assert_num_queries(2):
        small = client.get("/api/v1/speakers/?page_size=2")
    with django_assert_num_queries(2):
        large = client.get("/api/v1/speakers/?page_size=50")
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) == 8


def test_speakers_without_public_material_are_hidden(client, editor):
    claim = make_published_claim(user=editor)
    public_speaker = claim.statements.get().speaker
    services.speaker_alias_add(public_speaker, "Public Speaker")
    hidden = make_statement().speaker  # only a candidate statement

    listed = {s["id"] for s in client.get("/api/v1/speakers/").json()["results"]}
    assert listed == {public_speaker.pk}
    assert client.get(f"/api/v1/speakers/{hidden.pk}/").status_code == 404
    detail = client.get(f"/api/v1/speakers/{public_speaker.pk}/").json()
    assert "Public Speaker" in {a["alias"] for a in detail["aliases"]}
    assert [s["claim"] for s in detail["statements"]] == [claim.pk]


def test_article_detail_has_metadata_and_public_statements_only(client, editor):
    claim = make_published_claim(user=editor)
    article = claim.statements.get().article
    candidate_article = make_statement().article

    data = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert "body" not in data and "raw_html" not in data
    assert [s["claim"] for s in data["statements"]] == [claim.pk]
    assert client.get(f"/api/v1/articles/{candidate_article.pk}/").status_code == 404


def test_fact_check_search_has_google_shape(client, editor):
    claim = make_published_claim("台灣的國防預算已超過GDP百分之三", user=editor, rating="mostly_false")

    response = client.get("/api/v1/claims:search", {"query": "国防预算", "languageCode": "zh-TW"})

    assert response.status_code == 200
    body = response.json()
    assert "nextPageToken" not in body
    [item] = body["claims"]
    assert item["text"] == claim.text
    assert item["claimant"] == claim.statements.get().speaker.name
    review = item["claimReview"][0]
    assert set(review) == {"publisher", "url", "title", "reviewDate", "textualRating", "languageCode"}
    assert review["textualRating"] == "大致錯誤"
    assert review["languageCode"] == "zh-Hant"
    assert client.get("/api/v1/claims:search", {"query": "国防预算", "languageCode": "en"}).json() == {}


def test_fact_check_search_pages_with_tokens(client, editor):
    for _ in range(3):
        make_published_claim(user=editor)
    site = {"reviewPublisherSiteFilter": "localhost"}  # the site of FACTDESK_SITE_URL's default
    first = client.get("/api/v1/claims:search", {**site, "pageSize": 2}).json()
    second = client.get("/api/v1/claims:search", {**site, "pageSize": 2, "pageToken": first["nextPageToken"]}).json()
    assert len(first["claims"]) == 2 and len(second["claims"]) == 1
    assert "nextPageToken" not in second
    assert client.get("/api/v1/claims:search", {"pageToken": "%%%"}).status_code == 400


def test_claimreview_feed_lists_published_verdicts_since(client, editor):
    claim = make_published_claim(user=editor, rating="true")
    body = client.get("/api/v1/claimreview/").json()
    assert body["@type"] == "DataFeed"
    [item] = body["dataFeedElement"]
    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == claim.text
    assert item["reviewRating"]["ratingValue"] == 5
    assert client.get("/api/v1/claimreview/", {"updated_since": "2199-01-01"}).json()["dataFeedElement"] == []


def test_cors_allows_any_origin_on_reads(client, editor):
    make_published_claim(user=editor)
    response = client.get("/api/v1/claims/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/articles/", HTTP_ORIGIN="https://partner.example",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")


def test_anonymous_reads_are_throttled_with_retry_after(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "partner": "5/min", "ingest": "1/min"}}
    assert client.get("/api/v1/claims/").status_code == 200
    assert client.get("/api/v1/claims/").status_code == 200
    response = client.get("/api/v1/claims/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_a_read_key_gets_the_partner_rate(client, settings, editor):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "1/min", "partner": "3/min", "ingest": "1/min"}}
    _key, plaintext = services.partner_key_create("Reader", ["read"], editor)
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plaintext}")
    assert [client.get("/api/v1/claims/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    text = schema.content.decode()
    for path in ("/api/v1/claims/", "/api/v1/claims:search", "/api/v1/claimreview/", "/api/v1/articles/"):
        assert path in text
    assert client.get("/api/docs/").status_code == 200
    assert client.get("/api/docs/redoc/").status_code == 200


def test_claimreview_feed_query_count_does_not_grow_with_page_size(client, editor, django_assert_num_queries):
    for _ in range(6):
        make_published_claim(user=editor)
    client.get("/api/v1/claimreview/?page_size=2")
    with django_assert_num_queries(3):
        small = client.get("/api/v1/claimreview/?page_size=2")
    with django_assert_num_queries(3):
        large = client.get("/api/v1/claimreview/?page_size=50")
    assert len(small.json()["dataFeedElement"]) == 2
    assert len(large.json()["dataFeedElement"]) == 6
    assert all(item["itemReviewed"]["author"]["name"] for item in large.json()["dataFeedElement"])


def test_list_timestamps_match_the_detail_and_survive_debug_query_logging(client, editor, settings):
    settings.DEBUG = True  # DEBUG formats every SQL statement with its parameters for the log
    claim = make_published_claim("國防預算的說法", user=editor)
    [row] = client.get("/api/v1/claims/", {"q": "國防預算"}).json()["results"]
    detail = client.get(f"/api/v1/claims/{claim.pk}/").json()
    for field in ("first_seen_at", "published_at", "updated_at"):
        assert row[field] == detail[field]
        assert row[field].endswith("Z") and len(row[field]) == 20
    assert row["verdict"]["published_at"] == detail["verdict"]["published_at"]
