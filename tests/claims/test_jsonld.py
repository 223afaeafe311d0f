"""ClaimReview JSON-LD: read back from the rendered claim page with a real structured-data extractor (extruct)."""

from __future__ import annotations

import datetime as dt

import extruct
import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.jsonld import claim_review_jsonld
from claims.models import Speaker
from tests.factories import make_outlet, make_public_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db

SITE = "https://factdesk.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.FACTDESK_SITE_URL = SITE
    settings.FACTDESK_PUBLISHER_NAME = "factdesk test desk"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def claim_reviews(client, claim) -> tuple[list[dict], str]:
    url = reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})
    html = client.get(url).content.decode()
    data = extruct.extract(html, base_url=SITE + url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in data if item.get("@type") == "ClaimReview"], html


def test_claim_page_carries_one_claimreview_with_googles_properties(client):
    speaker = make_speaker("賴清德", title="總統")
    Speaker.objects.filter(pk=speaker.pk).update(wikidata_id="Q10870655")
    outlet = make_outlet("中央社")
    claim = make_public_claim(
        "台灣的國防預算已經達到GDP的百分之三",
        speaker=speaker,
        outlet=outlet,
        url="https://www.cna.com.tw/news/2025.aspx",
        said_on=dt.date(2025, 2, 14),
        rating="mostly_false",
        summary="Official figures put it at 2.45 percent.",
    )
    reviews, html = claim_reviews(client, claim)
    assert len(reviews) == 1
    assert html.count("application/ld+json") == 1
    review = reviews[0]
    assert review["@context"].rstrip("/").endswith("schema.org")
    assert review["claimReviewed"] == "台灣的國防預算已經達到GDP的百分之三"
    assert review["url"] == SITE + reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})
    assert review["datePublished"] == timezone.localdate(claim.current_verdict.published_at).isoformat()
    assert review["author"] == {"@type": "Organization", "name": "factdesk test desk", "url": SITE + "/"}
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (2, 5, 1)
    # In the claim's language for readers, the scale's English name kept for machines (docs/API.md).
    assert rating["alternateName"] == "大致錯誤" and rating["name"] == "Mostly false"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "賴清德"
    assert item["author"]["@type"] == "Person"
    assert item["author"]["sameAs"] == "https://www.wikidata.org/wiki/Q10870655"
    assert item["datePublished"] == "2025-02-14"
    assert item["firstAppearance"]["url"] == "https://www.cna.com.tw/news/2025.aspx"
    assert item["firstAppearance"]["publisher"]["name"] == "中央社"
    assert [a["url"] for a in item["appearance"]] == ["https://www.cna.com.tw/news/2025.aspx"]


def test_first_appearance_is_the_earliest_statement_and_every_appearance_is_listed(client):
    user = make_user(superuser=True)
    claim = make_public_claim("雞蛋價格下個月會回落", said_on=dt.date(2025, 3, 10), url="https://b.example/later", user=user)
    earlier = make_statement(text="雞蛋價格下個月會回落喔", said_on=dt.date(2025, 3, 1))
    earlier.article.url = "https://a.example/earlier"
    earlier.article.save()
    services.statement_accept(earlier, user=user, claim=claim)
    review = claim_reviews(client, claim)[0][0]
    assert review["itemReviewed"]["firstAppearance"]["url"] == "https://a.example/earlier"
    assert {a["url"] for a in review["itemReviewed"]["appearance"]} == {"https://a.example/earlier", "https://b.example/later"}
    assert review["itemReviewed"]["datePublished"] == "2025-03-01"


def test_non_numeric_rating_has_only_its_name(client):
    claim = make_public_claim("這個政策是史上最好的", rating="opinion")
    rating = claim_reviews(client, claim)[0][0]["reviewRating"]
    assert rating["alternateName"] == "意見，無法查證" and rating["name"] == "Opinion"
    assert "ratingValue" not in rating and "bestRating" not in rating


def test_user_text_cannot_break_out_of_the_jsonld_block(client):
    text = 'He said "</script><script>alert(1)</script>" & left'
    claim = make_public_claim(text, language="en")
    reviews, html = claim_reviews(client, claim)
    assert reviews[0]["claimReviewed"] == text
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_claim_without_a_published_verdict_has_no_claimreview(client):
    user = make_user(superuser=True)
    statement = services.statement_accept(make_statement(text="還沒有結論的說法"), user=user)
    services.claim_publish(statement.claim, user=user)
    claim = statement.claim
    claim.refresh_from_db()
    assert claim_review_jsonld(claim) == {}
    reviews, html = claim_reviews(client, claim)
    assert reviews == [] and "application/ld+json" not in html


def test_builder_works_without_a_request_for_the_api():
    claim = make_public_claim("API 也能用的說法")
    data = claim_review_jsonld(claim)
    assert data["@type"] == "ClaimReview"
    assert data["url"].startswith(SITE + "/zh-hant/claims/")  # the page in the claim's own language
    assert data["itemReviewed"]["appearance"]


@pytest.mark.parametrize("utc_hour", [0, 12, 16, 23])
def test_date_modified_is_in_the_publishers_time_zone_like_date_published(settings, utc_hour):
    # A verdict published and changed late in the UTC day falls on the next day in Taipei: both dates
    # must name the same local day, or dateModified reads as earlier than datePublished.
    settings.TIME_ZONE = "Asia/Taipei"
    claim = make_public_claim("A claim reviewed around midnight", rating="false")
    moment = dt.datetime(2026, 3, 1, utc_hour, 30, tzinfo=dt.UTC)
    claim.current_verdict.__class__.objects.filter(pk=claim.current_verdict.pk).update(published_at=moment)
    type(claim).objects.filter(pk=claim.pk).update(modified_at=moment)
    claim.refresh_from_db()
    review = claim_review_jsonld(claim)
    modified = dt.datetime.fromisoformat(review["dateModified"])
    assert modified == moment
    assert modified.date().isoformat() == review["datePublished"]
