"""Public pages in headless Chromium at desktop (1280) and phone (390) widths, with screenshots.

Screenshots land in test-output/screenshots/public-<page>-<width>.png. The journey also checks
what a reader would notice: the stylesheet applies, nothing overflows sideways on a phone, no
console errors (a CSP violation shows up there), and the language links switch the interface.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from claims import services
from claims.models import Polarity, Speaker, Stance
from claims.presentation import claim_path
from tests.factories import make_article, make_outlet, make_public_claim, make_speaker, make_statement, make_user

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def _demo_data():
    user = make_user(superuser=True)
    cna = make_outlet("中央社", home_url="https://www.cna.com.tw/")
    reuters = make_outlet("Reuters")
    lai = make_speaker("賴清德", title="中華民國總統")
    Speaker.objects.filter(pk=lai.pk).update(wikidata_id="Q10870655")
    lai.refresh_from_db()
    claim = make_public_claim(
        "台灣今年的國防預算已經達到國內生產毛額的百分之三",
        speaker=lai, outlet=cna, url="https://www.cna.com.tw/news/aipl/202502140001.aspx",
        said_on=dt.date(2025, 2, 14), rating="mostly_false", user=user,
        summary="主計總處的數字是百分之二點四五；百分之三是包含特別預算後的目標。",
        explanation="行政院提出的總預算中，國防支出占GDP約2.45%。\n加上特別預算與海巡經費後，政府說明的目標才是3%。",
        published_at=timezone.now() - dt.timedelta(days=3),
    )
    verdict = services.verdict_draft(
        claim=claim, user=user, rating="half_true", explanation="更新：加入特別預算後的數字接近百分之三。",
        summary="加入特別預算後接近，但一般預算仍未達到。",
        evidence_links=[{"url": "https://www.dgbas.gov.tw/", "title": "主計總處 預算書"}],
    )
    services.verdict_publish(verdict, user=user)
    second = make_statement(
        make_article("Reuters report. Lai said: \"Taiwan's defence spending has reached 3 percent of GDP\". More text.",
                     outlet=reuters, url="https://www.reuters.com/world/asia-pacific/x", language="en",
                     published_at=timezone.now() - dt.timedelta(days=2)),
        text="Taiwan's defence spending has reached 3 percent of GDP", speaker=lai, language="en",
        said_on=dt.date(2025, 2, 15), venue="Presidential Office press conference", via=["Reuters"],
    )
    services.statement_accept(second, user=user, claim=claim)
    for name, polarity, cue in [
        ("國民黨團", Polarity.OPPOSE, "國民黨團質疑，這個數字把特別預算也算進去了"),
        ("國防部", Polarity.SUPPORT, "國防部表示，依北約算法確實達到百分之三"),
        ("Taiwan People's Party", Polarity.OPPOSE, "the figure counts the coast guard as defence"),
    ]:
        article = make_article(f"{cue}。其他內容。", outlet=cna)
        stance = Stance.objects.create(speaker=make_speaker(name), polarity=polarity, claim=claim, article=article,
                                       cue=cue, said_on=dt.date(2025, 2, 16))
        services.stance_review(stance, user=user, accept=True)
    make_public_claim("Tariffs on Taiwanese chips will be paid by Taiwan, not by American buyers", language="en",
                      rating="false", speaker=make_speaker("Donald Trump", aliases=("川普", "特朗普")), user=user,
                      said_on=dt.date(2025, 3, 2), url="https://example.com/trump")
    make_public_claim("大陸遊客來台人數已恢復到疫情前水準", rating="unproven", user=user, language="zh-Hant")
    return claim, lai


def _check_page(page, url: str, name: str, output_dir, errors: list[str]) -> None:
    shots = output_dir / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        header_bg = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
        assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent"), "stylesheet not applied"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} overflows sideways by {overflow}px at {width}px"
        page.screenshot(path=str(shots / f"public-{name}-{label}.png"), full_page=True)
    assert errors == [], errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_render_on_desktop_and_phone(browser_page, live_server, output_dir):
    claim, speaker = _demo_data()
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_extra_http_headers({"Accept-Language": "zh-TW,zh;q=0.9"})
    base = live_server.url
    claim_url = base + reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})
    pages = {
        "home": base + reverse("claims:home"),
        "claim": claim_url,
        "speaker": base + reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug}),
        "search": base + reverse("claims:search") + "?q=国防预算",
        "article": base + reverse("claims:article-detail", kwargs={"pk": claim.statements.order_by("id").first().article_id}),
    }
    for name, url in pages.items():
        _check_page(page, url, name, output_dir, errors)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(claim_url)
    assert "誰說的" in page.inner_text("main")
    assert page.locator(".stance-map__col--oppose .stance").count() == 2
    page.click(".changelog summary")  # the change log opens without any script of ours
    assert page.locator(".changelog li").first.is_visible()
    # The language switch goes to the same page under the chosen language's prefix.
    claim_url_en, claim_url_hans = base + claim_path(claim, "en"), base + claim_path(claim, "zh-hans")
    with page.expect_navigation(url=claim_url_en):
        page.click(".lang-switch a[lang=en]")
    assert "Who said it" in page.inner_text("main")
    _check_page(page, claim_url_en, "claim-en", output_dir, errors)
    with page.expect_navigation(url=claim_url_hans):
        page.click(".lang-switch a[lang=zh-hans]")
    assert "台湾今年的国防预算" in page.inner_text("h1")
    _check_page(page, claim_url_hans, "claim-zh-hans", output_dir, errors)
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert page.locator("script:not([type='application/ld+json'])").count() == 0


def _no_overlap(page) -> list[str]:
    """Cards whose rating badge runs into the claim title beside it (issue 13, item 11)."""
    return page.evaluate("""() => [...document.querySelectorAll('.card')].flatMap(card => {
        const badge = card.querySelector('.card__rating .badge'), title = card.querySelector('.card__claim');
        if (!badge || !title) return [];
        const a = badge.getBoundingClientRect(), b = title.getBoundingClientRect();
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        return apart ? [] : [badge.innerText + ' / ' + title.innerText];
    })""")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_open_in_simplified_by_url(browser_page, live_server, output_dir):
    """A shared /zh-hans/ link opens in Simplified whatever the browser asks for (issue 13, item 3)."""
    claim, speaker = _demo_data()
    putin = Speaker.objects.get(registry_key="putin")
    make_public_claim("烏克蘭必須先接受領土現實", speaker=putin, rating="opinion", said_on=dt.date(2025, 8, 16))
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})  # the URL wins over the browser
    base = live_server.url
    with translation.override("zh-hans"):
        pages = {
            "home": base + reverse("claims:home"),
            "claim": base + reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug}),
            "speaker": base + reverse("claims:speaker-detail", kwargs={"pk": putin.pk, "slug": putin.slug}),
            "search": base + reverse("claims:search") + "?q=国防预算",
            "article": base + reverse("claims:article-detail",
                                      kwargs={"pk": claim.statements.order_by("id").first().article_id}),
        }
    for name, url in pages.items():
        _check_page(page, url, f"zh-hans-{name}", output_dir, errors)
        assert page.get_attribute("html", "lang") == "zh-hans"
        assert page.locator('link[rel=alternate][hreflang="x-default"]').count() == 1
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(pages["speaker"])
    assert page.inner_text("h1") == "普京" and "俄罗斯总统" in page.inner_text("main")
    page.goto(pages["claim"])
    assert "台湾今年的国防预算" in page.inner_text("h1") and "谁说的" in page.inner_text("main")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(pages["home"].replace("/zh-hans/", "/en/"))
        assert _no_overlap(page) == [], width
