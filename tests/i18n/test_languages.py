"""Languages in URLs, names in the page's script, the newsroom's time zone, and the smaller items of
issue 13 (items 2, 3, 9 and 11), end to end through the HTTP client and the services."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone, translation

from claims import services
from claims.admin.statements import StatementAdmin
from claims.jsonld import claim_review_jsonld
from claims.models import Speaker, Statement
from claims.presentation import claim_path, public_claim_url
from claims.services.extraction import _cue_in_script
from tests.factories import make_article, make_public_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db
SITE = settings.FACTDESK_SITE_URL.rstrip("/")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def page(claim, language: str) -> str:
    return claim_path(claim, language)


def putin() -> Speaker:
    return Speaker.objects.get(registry_key="putin")


# --- item 3: the language in the URL ------------------------------------------------------------


def test_a_shared_link_opens_in_simplified_with_hreflang_alternates(client):
    claim = make_public_claim("臺灣的國防預算已超過國內生產毛額的百分之三")
    html = client.get(page(claim, "zh-hans")).content.decode()
    assert '<html lang="zh-hans">' in html and "谁说的" in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "zh-hant": SITE + page(claim, "zh-hant"),
        "zh-hans": SITE + page(claim, "zh-hans"),
        "en": SITE + page(claim, "en"),
        "x-default": SITE + page(claim, "zh-hant").removeprefix("/zh-hant"),
    }
    for name in ("claims:home", "claims:search"):
        with translation.override("en"):
            home = client.get(reverse(name)).content.decode()
        assert 'hreflang="zh-hans"' in home and 'hreflang="x-default"' in home


def test_old_unprefixed_addresses_redirect_to_the_readers_language(client):
    claim = make_public_claim("舊網址也要能打開")
    old = page(claim, "zh-hant").removeprefix("/zh-hant")
    assert old.startswith("/claims/")
    response = client.get(old, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert response.status_code in (301, 302) and response["Location"] == page(claim, "zh-hans")
    response = client.get("/search/", {"q": "預算"})
    assert response.status_code in (301, 302) and response["Location"] == "/zh-hant/search/?q=%E9%A0%90%E7%AE%97"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    # The API, the admin, the health check and static files keep their addresses.
    assert client.get("/api/v1/claims/").status_code == 200
    assert client.get("/healthz").status_code in (200, 503)
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/zh-hant/api/v1/claims/").status_code == 404


def test_machines_get_the_page_in_the_claims_own_language_whatever_they_ask_in(client):
    claim = make_public_claim("这是简体中文写的说法", language="zh-Hans")
    assert claim.language == "zh-Hans"
    expected = SITE + page(claim, "zh-hans")
    for language in ("en", "zh-hant", "zh-hans"):
        with translation.override(language):
            assert public_claim_url(claim) == expected
            assert claim_review_jsonld(claim)["url"] == expected
    api = client.get(reverse("v1:claim-detail", kwargs={"pk": claim.pk}), HTTP_ACCEPT_LANGUAGE="en").json()
    assert api["site_url"] == expected
    feed = client.get(reverse("v1:claimreview-feed")).json()
    assert [item["url"] for item in feed["dataFeedElement"]] == [expected]
    found = client.get(reverse("v1:claim-search"), {"query": "简体中文"}).json()
    assert found["claims"][0]["claimReview"][0]["url"] == expected


def test_favicon_ico_is_a_static_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("factdesk/favicon.ico")
    path = finders.find("factdesk/favicon.ico")
    assert path and Path(path).read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header


# --- item 2: names in the page's script, the claim's language for machines ----------------------


def test_speaker_name_and_title_follow_the_pages_script(client):
    claim = make_public_claim("烏克蘭必須先接受領土現實", speaker=putin(), rating="false")
    hant = client.get(page(claim, "zh-hant")).content.decode()
    hans = client.get(page(claim, "zh-hans")).content.decode()
    en = client.get(page(claim, "en")).content.decode()
    assert "普丁" in hant and "俄羅斯總統" in hant and "Vladimir Putin" not in hant and "President of" not in hant
    assert "普京" in hans and "俄罗斯总统" in hans and "Vladimir Putin" not in hans
    assert "Vladimir Putin" in en and "President of Russia" in en
    speaker = putin()
    with translation.override("zh-hans"):
        people = client.get(reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug}))
    assert "<h1>普京</h1>" in people.content.decode()


def test_a_name_outside_the_registry_is_converted(client):
    claim = make_public_claim("國防預算已經足夠", speaker=make_speaker("賴清德", title="中華民國總統"))
    hans = client.get(page(claim, "zh-hans")).content.decode()
    assert "赖清德" in hans and "中华民国总统" in hans


def test_claimant_author_and_rating_name_are_in_the_claims_language(client):
    hant = make_public_claim("烏克蘭必須先接受領土現實", speaker=putin(), rating="mostly_false")
    hans = make_public_claim("乌克兰必须先接受领土现实", speaker=putin(), rating="mostly_false", language="zh-Hans")
    found = {c["text"]: c for c in client.get(reverse("v1:claim-search"), {"query": "烏克蘭 領土"}).json()["claims"]}
    assert found[hant.text]["claimant"] == "普丁"
    assert found[hant.text]["claimReview"][0]["textualRating"] == "大致錯誤"
    assert found[hans.text]["claimant"] == "普京"
    for claim, name, label in ((hant, "普丁", "大致錯誤"), (hans, "普京", "大致错误")):
        with translation.override("en"):  # whatever the caller's language
            data = claim_review_jsonld(claim)
        assert data["itemReviewed"]["author"]["name"] == name
        assert data["reviewRating"]["alternateName"] == label
        assert data["reviewRating"]["name"] == "Mostly false"  # the English scale name, for machines


def test_a_claims_language_comes_from_its_own_wording():
    user = make_user(superuser=True)
    # Demo claim 1's case: a Simplified statement accepted into a Traditional wording.
    article = make_article("某官员表示:「台湾的国防预算已经足够」。", language="zh-Hans")
    statement = make_statement(article, text="台湾的国防预算已经足够", language="zh-Hans")
    accepted = services.statement_accept(statement, user=user, new_claim_text="台灣的國防預算已經足夠")
    assert accepted.claim.language == "zh-Hant"
    assert services.claim_create(text="Taiwan's defence budget is enough", language="zh-Hant").language == "en"
    # No character tells the scripts apart: the statement's language stands.
    assert services.claim_create(text="中国人民", language="zh-Hans").language == "zh-Hans"


# --- item 9: one newsroom time zone -------------------------------------------------------------


def test_dates_and_times_are_the_newsrooms(client, settings):
    assert settings.TIME_ZONE == "Asia/Taipei"
    user = make_user(superuser=True)
    # 2025-02-12 16:30 UTC is 2025-02-13 00:30 in Taipei: the article's day is the 13th.
    published = dt.datetime(2025, 2, 12, 16, 30, tzinfo=dt.UTC)
    article = make_article("某官員表示:「測試時區的說法」。", published_at=published)
    statement = make_statement(article, text="測試時區的說法")
    assert StatementAdmin.article_date(None, Statement.objects.select_related("article").get(pk=statement.pk)) == (
        dt.date(2025, 2, 13))
    claim = services.statement_accept(statement, user=user).claim
    verdict = services.verdict_draft(claim=claim, user=user, rating="false", explanation="依紀錄核對。")
    services.verdict_publish(verdict, user=user)
    client.force_login(user)
    desk = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    local = timezone.localtime(verdict.history.latest("history_date").history_date).strftime("%Y-%m-%d %H:%M")
    utc = verdict.history.latest("history_date").history_date.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    assert local in desk and local != utc
    # The speaker page shows the article's date when the statement's own date is unknown.
    speaker = statement.speaker
    html = client.get(claim_path(claim, "zh-hant").replace(
        f"/claims/{claim.pk}-{claim.slug}/", f"/speakers/{speaker.pk}-{speaker.slug}/")).content.decode()
    assert "2025-02-13" in html and "日期不詳" not in html


# --- item 11: the smaller ones ------------------------------------------------------------------


def test_a_claims_address_follows_its_wording_and_the_old_one_redirects(client):
    user = make_user(superuser=True)
    claim = make_public_claim("舊的說法寫法", user=user)
    old = page(claim, "zh-hant")
    services.claim_update(claim, user=user, text="新的說法寫法")
    claim.refresh_from_db()
    assert claim.slug == "新的說法寫法"
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == page(claim, "zh-hant")


def test_cues_are_shown_in_the_articles_script():
    assert _cue_in_script("斥责", "zh-Hant") == "斥責"
    assert _cue_in_script("斥責", "zh-Hans") == "斥责"
    assert _cue_in_script("rejected", "en") == "rejected"


def test_history_never_shows_a_verdict_that_never_existed(client):
    user = make_user(superuser=True)
    claim = make_public_claim("歷程裡不該有幽靈查核", user=user)
    client.force_login(user)
    html = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "pk=None" not in html
    assert "current verdict" in html or "目前的查核結論" in html
