"""The desk journey in the zh-Hant UI in headless Chromium against a real Celery worker (issue 13):
desk users made with `manage.py adduser` log in by their role alone; an article is pasted and
extracted by the worker; the review queue fits 1280 px with no horizontal scroll and stays usable at
390 px; a span is fixed by selecting its words; a stance is reviewed beside the statement it answers
and on the claim page. Screenshots of the queue, a candidate, a claim and the stance review at both
widths land in test-output/desk13-<page>-<width>.png.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

# Our own sentences. The line break is sent as CR LF by the browser's form and stored so: the span
# picker must still count offsets right after it.
ARTICLE = (
    "立法院今日院會\n"
    "行政院長蘇測試今天在立法院表示:「明年基本工資將調漲百分之五。」他並強調,政府會持續照顧弱勢勞工。"
    "對此,國民黨立委王測試駁斥說,這個說法根本不實,勞工團體也不相信。"
)
NARROWER = "基本工資將調漲百分之五"
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}
ZH_HANT = {"Accept-Language": "zh-TW,zh-Hant;q=0.9"}

# Text nodes of the context view: find `needle`, select it as a person would with the mouse.
SELECT_JS = """(needle) => {
  const root = document.querySelector('.desk-context');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + needle.length);
      const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
      return true;
    }
  }
  return false;
}"""

# Horizontal fit: the queue's scrolling box and the whole document.
FIT_JS = """() => {
  const results = document.querySelector('#changelist-form .results');
  return {resultsScroll: results.scrollWidth, resultsClient: results.clientWidth,
          docScroll: document.documentElement.scrollWidth, docClient: document.documentElement.clientWidth};
}"""


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _adduser(name: str, role: str, capsys) -> str:
    call_command("adduser", name, "--role", role)
    return capsys.readouterr().out.split(f"login: {name} / ", 1)[1].split()[0]


def _login(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}{reverse('admin:login')}?next={reverse('admin:index')}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}{reverse('admin:index')}")


def _both_widths(page, output_dir, name: str, check=None, prepare=None) -> None:
    """Screenshot the page at 1280 and at 390 px (after ``prepare()``, running ``check(width)``), back to 1280."""
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.reload()
        if prepare is not None:
            prepare()
        if check is not None:
            check(width)
        page.screenshot(path=str(output_dir / f"desk13-{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()


@pytest.mark.browser
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_desk_review_in_zh_hant_at_1280_and_390(browser_page, live_server, celery_worker, output_dir, capsys):
    from playwright.sync_api import expect

    from claims.models import ReviewState, Stance, Statement
    from claims.roles import EDITOR, FACT_CHECKER
    from sources.models import Article

    checker_password = _adduser("checker", FACT_CHECKER, capsys)
    _adduser("editor", EDITOR, capsys)
    page, base = browser_page, live_server.url
    page.set_extra_http_headers(ZH_HANT)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    # 1. A fact-checker made by `adduser` logs in (staff by role alone); the desk speaks zh-Hant.
    _login(page, base, "checker", checker_password)
    assert page.evaluate("document.documentElement.lang").lower() == "zh-hant"

    # 2. Paste the article; the worker extracts it.
    page.goto(f"{base}{reverse('admin:sources_article_add')}")
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=new_outlet]", "測試社")
    page.fill("input[name=published_at]", "2025-02-13")
    page.select_option("select[name=language]", "zh-Hant")
    page.click("input[name=_ingest]")
    article = Article.objects.get()
    assert article.title == "立法院今日院會"  # untitled: named by its first sentence
    assert "\r\n" in article.body  # the browser sent CR LF, stored as received
    expect(page.locator("#desk-extraction-status.desk-status-done")).to_have_count(1, timeout=90_000)

    # 3. The queue: no horizontal scroll at 1280, every column on screen; cards at 390.
    page.click("a.desk-queue-link")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() == Statement.objects.filter(article=article, review_state=ReviewState.CANDIDATE).count() >= 3

    def queue_fits(width: int) -> None:
        fit = page.evaluate(FIT_JS)
        assert fit["docScroll"] <= fit["docClient"], fit  # the page never scrolls sideways
        if width == 1280:
            assert fit["resultsScroll"] <= fit["resultsClient"], fit  # nor does the table
            for column in ("excerpt", "speaker_col", "source_col", "details_col", "state_col"):
                box = page.locator(f"#result_list thead th.column-{column}").bounding_box()
                assert box and box["x"] + box["width"] <= width, (column, box)
            expect(page.locator("#result_list tbody tr").first.locator("td.field-source_col")).to_contain_text("2025-02-13")
        else:
            first = page.locator("#result_list tbody tr").first
            for cell in ("th.field-excerpt", "td.field-speaker_col", "td.field-source_col", "td.field-details_col",
                         "td.field-state_col"):
                box = first.locator(cell).bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (cell, box)

    _both_widths(page, output_dir, "queue", queue_fits)

    # 4. The candidate with the wage quote: fix its span by selecting words in the context view.
    page.locator("#result_list tbody tr", has_text="基本工資").first.locator("th a").click()
    expect(page.locator(".desk-context mark.desk-span")).to_contain_text("基本工資")
    wage = Statement.objects.get(article=article, text__contains="基本工資")
    assert page.evaluate(SELECT_JS, NARROWER)
    expect(page.locator("#desk-span-picker")).to_be_visible()
    expect(page.locator("#desk-span-picker q")).to_have_text(NARROWER)
    page.click("#desk-span-picker button")
    start = article.body.index(NARROWER)

    def offsets_filled(width: int) -> None:
        assert page.input_value("#id_start") == str(start), width
        assert page.input_value("#id_end") == str(start + len(NARROWER)), width

    def pick() -> None:
        assert page.evaluate(SELECT_JS, NARROWER)
        page.click("#desk-span-picker button")

    offsets_filled(1280)
    _both_widths(page, output_dir, "candidate", offsets_filled, prepare=pick)
    pick()
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_be_visible()
    wage.refresh_from_db()
    assert (wage.start, wage.end, wage.text) == (start, start + len(NARROWER), NARROWER)

    # 5. The statement the stance answers: the stance is listed beside it with the holder's words.
    stance = Stance.objects.select_related("target_statement", "speaker").get(article=article)
    target = stance.target_statement
    page.goto(f"{base}{reverse('admin:claims_statement_change', args=[target.pk])}")
    row = page.locator(f"#desk-stance-{stance.pk}")
    expect(row).to_contain_text(stance.speaker.name)
    expect(row).to_contain_text("這個說法根本不實")  # their words, not only the cue 駁斥
    _both_widths(page, output_dir, "stance-review")

    # 6. Accept the statement into a claim; on the claim page accept the stance.
    page.check("#desk-new-claim")
    page.fill("#desk-accept textarea[name=new_claim_text]", "政府會持續照顧弱勢勞工")
    page.click("#desk-accept button[type=submit]")
    target.refresh_from_db()
    assert target.review_state == ReviewState.ACCEPTED and target.claim_id
    page.goto(f"{base}{reverse('admin:claims_claim_change', args=[target.claim_id])}")
    row = page.locator(f"#desk-stance-{stance.pk}")
    expect(row).to_contain_text(target.speaker.name if target.speaker_id else target.mention)
    row.locator("button[value=accept]").click()
    expect(page.locator(".messagelist")).to_contain_text(stance.speaker.name)
    stance.refresh_from_db()
    assert stance.review_state == ReviewState.ACCEPTED and stance.reviewed_by.username == "checker"
    expect(page.locator(f"#desk-stance-{stance.pk} button[value=accept]")).to_have_count(0)
    _both_widths(page, output_dir, "claim")

    # 7. The stance list, filtered to this claim, names whose words the stance answers.
    page.goto(f"{base}{reverse('admin:claims_stance_changelist')}?claim={target.claim_id}")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator(".desk-target-speaker")).to_have_text(re.compile(r"\S"))

    for label in WIDTHS:
        for name in ("queue", "candidate", "stance-review", "claim"):
            assert (output_dir / f"desk13-{name}-{label}.png").stat().st_size > 10_000
    assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e], errors
