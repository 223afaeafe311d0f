"""The readers' /ask/ page in headless Chromium, in Traditional Chinese: the form, the count after two
readers ask the same thing, the match to a published claim, no script errors (CSP), screenshots."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import CheckRequest
from tests.factories import make_public_claim

QUESTION = "網傳明年起電價要調漲百分之三十，是真的嗎？"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ask_page_in_traditional_chinese(browser_page, live_server, output_dir):
    claim = make_public_claim("台灣今年的國防預算已經達到國內生產毛額的百分之三", rating="mostly_false")
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_extra_http_headers({"Accept-Language": "zh-TW,zh;q=0.9"})
    shots = output_dir / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    url = live_server.url + reverse("claims:ask")

    response = page.goto(url)
    assert response is not None and response.status == 200
    assert page.get_attribute("html", "lang") == "zh-hant"
    assert page.inner_text("h1") == "請我們查核"
    assert "您希望我們查核什麼？" in page.inner_text("form.ask__form")
    # The honeypot is in the form but not visible to a person.
    assert page.locator("input[name=website]").count() == 1
    assert not page.locator("input[name=website]").is_visible()
    page.screenshot(path=str(shots / "ask-zh-hant-form.png"), full_page=True)

    for _ in range(2):  # two readers ask the same thing
        page.goto(url)
        page.fill("textarea[name=text]", QUESTION)
        with page.expect_navigation():
            page.click("form.ask__form button[type=submit]")
    assert "已有 2 位讀者詢問這件事。" in page.inner_text(".ask__result")
    page.screenshot(path=str(shots / "ask-zh-hant-counted.png"), full_page=True)

    # A request that restates a published claim links to it, with its rating.
    page.goto(url)
    page.fill("textarea[name=text]", "台湾今年的国防预算已经达到国内生产毛额的百分之三")
    page.fill("input[name=contact]", "reader@example.org")
    with page.expect_navigation():
        page.click("form.ask__form button[type=submit]")
    answer = page.locator(".ask__answer a")
    assert answer.get_attribute("href") == reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})
    assert "大部分錯誤" in page.inner_text(".ask__answer") or page.locator(".ask__answer .badge").count() == 1
    page.screenshot(path=str(shots / "ask-zh-hant-answered.png"), full_page=True)

    assert errors == [], errors  # no script error, no CSP violation so far

    # Too short: a clear error in the reader's language (the form comes back with status 400), nothing stored.
    page.goto(url)
    page.fill("textarea[name=text]", "？")
    with page.expect_navigation():
        page.click("form.ask__form button[type=submit]")
    assert "請至少寫幾個字" in page.inner_text("form.ask__form")
    assert CheckRequest.objects.count() == 3
    page.screenshot(path=str(shots / "ask-zh-hant-error.png"), full_page=True)
    assert page.locator("script").count() == 0
    assert all("status of 400" in e for e in errors), errors
