"""The fact-checkers' desk journey in headless Chromium, against a real Celery worker.

Log in, ingest an article, wait for extraction, accept a candidate into a new claim, draft a
verdict as a fact-checker, publish it as an editor, and see it on the public claim page. Then the
fact-checker edits the published verdict: the edit waits for an editor and the public page keeps
the old verdict until an editor publishes the change. A screenshot of the review queue is kept
in test-output/desk-review-queue.png.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

ARTICLE = (
    "行政院長蘇測試今天在立法院表示:「明年基本工資將調漲百分之五。」"
    "他並強調,政府會持續照顧弱勢勞工。在野黨立委對此表示懷疑。"
)
SUMMARY = "調幅與勞動部公告不符"
CHANGED_SUMMARY = "調幅其實與公告相符"
SCREENSHOT = "desk-review-queue.png"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 at full strength costs ~0.5 s per test user; these tests do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-Factdesk-1")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def _logout(page, base: str) -> None:
    page.goto(f"{base}/admin/")
    page.click("#logout-form button")


@pytest.mark.browser
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_fact_checker_journey_from_ingest_to_published_verdict(browser_page, live_server, celery_worker, output_dir):
    from django.contrib.auth.models import Group, Permission
    from playwright.sync_api import expect

    from claims.models import Claim, ReviewState, Statement, Verdict, VerdictStatus
    from claims.roles import EDITOR, FACT_CHECKER, roles_sync
    from sources.models import Article
    from tests.factories import make_user

    roles_sync(Group, Permission)  # a transactional test starts from flushed tables
    make_user("checker", groups=(FACT_CHECKER,))
    make_user("editor", groups=(EDITOR,))
    page, base = browser_page, live_server.url

    # 1. Log in and ingest an article by pasting it.
    _login(page, base, "checker")
    page.goto(f"{base}/admin/sources/article/add/")
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=new_outlet]", "中央社")
    page.fill("input[name=url]", "https://news.example/wage")
    page.fill("input[name=published_at]", "2025-02-13")
    page.select_option("select[name=language]", "zh-Hant")
    page.click("input[name=_ingest]")
    article = Article.objects.get()
    page.wait_for_url(re.compile(rf"/admin/sources/article/{article.pk}/change/"))

    # 2. The page refreshes itself until the worker has extracted the article.
    expect(page.locator("#desk-extraction-status")).to_have_text("Done", timeout=60_000)

    # 3. The review queue for this article, kept as a screenshot.
    page.click("a.desk-queue-link")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() == Statement.objects.filter(article=article, review_state=ReviewState.CANDIDATE).count() >= 1
    page.screenshot(path=str(output_dir / SCREENSHOT), full_page=True)

    # 4. Open the candidate with the wage quote and accept it into a new claim.
    page.locator("#result_list tbody tr", has_text="基本工資").first.locator("th a").click()
    expect(page.locator(".desk-context mark.desk-span")).to_contain_text("基本工資")
    page.check("#desk-new-claim")
    page.fill("#desk-accept textarea[name=new_claim_text]", "明年基本工資將調漲百分之五")
    page.click("#desk-accept button[type=submit]")
    expect(page.locator(".messagelist")).to_contain_text("Accepted")
    claim = Claim.objects.get(text="明年基本工資將調漲百分之五")
    assert claim.statements.get().review_state == ReviewState.ACCEPTED

    # 5. Draft a verdict from the claim page.
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    expect(page.locator(".desk-table")).to_contain_text("中央社")  # the statement, with its outlet
    page.click("text=Draft a verdict")
    page.select_option("#id_rating", "mostly_false")
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_explanation", "勞動部公告的調幅為百分之三,而非百分之五。")
    page.fill("#id_evidence", "https://mol.example/wage 勞動部公告")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.status == VerdictStatus.DRAFT

    # A fact-checker is not offered the publish button.
    page.goto(f"{base}/admin/claims/verdict/{verdict.pk}/change/")
    expect(page.locator("#desk-publish")).to_have_count(0)

    # 6. An editor publishes it.
    page.click("#logout-form button")
    _login(page, base, "editor")
    page.goto(f"{base}/admin/claims/verdict/{verdict.pk}/change/")
    page.click("#desk-publish button")
    expect(page.locator("#desk-verdict-status")).to_have_text("Published")
    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == VerdictStatus.PUBLISHED and claim.published

    # 7. The public claim page shows it.
    public = reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})
    page.goto(f"{base}{public}")
    expect(page.locator("body")).to_contain_text(SUMMARY)

    # 8. The fact-checker edits the published verdict: the edit waits for an editor.
    _logout(page, base)
    _login(page, base, "checker")
    page.goto(f"{base}/admin/claims/verdict/{verdict.pk}/change/")
    page.select_option("#id_rating", "true")
    page.fill("#id_summary", CHANGED_SUMMARY)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("waits for an editor")
    verdict.refresh_from_db()
    assert verdict.summary == SUMMARY and verdict.rating == "mostly_false"
    page.goto(f"{base}{public}")
    expect(page.locator("body")).to_contain_text(SUMMARY)
    expect(page.locator("body")).not_to_contain_text(CHANGED_SUMMARY)

    # 9. The editor finds it atop the review queue, publishes it, and the public page follows.
    _logout(page, base)
    _login(page, base, "editor")
    page.goto(f"{base}/admin/claims/statement/")
    page.click("#desk-pending-changes a")
    page.locator("#result_list tbody tr").first.locator("th a").click()
    expect(page.locator("#desk-change-panel")).to_contain_text("checker")
    page.click("#desk-change-publish button")
    expect(page.locator(".messagelist")).to_contain_text("Published")
    verdict.refresh_from_db()
    assert verdict.summary == CHANGED_SUMMARY
    page.goto(f"{base}{public}")
    expect(page.locator("body")).to_contain_text(CHANGED_SUMMARY)
