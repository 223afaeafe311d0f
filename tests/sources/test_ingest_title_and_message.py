"""Untitled articles are named by their first sentence; the ingest message says what really
happened to extraction (issue 13 item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.roles import FACT_CHECKER
from sources.admin_articles import MESSAGE_STORED
from sources.cleaning import TITLE_MAX_CHARS, title_from_text
from sources.models import Article, ExtractionStatus
from sources.services import article_ingest
from tests.factories import make_user

BODY = "（測試社記者台北13日電）行政院長蘇測試今天表示,明年基本工資將調漲。他並強調,政府會照顧勞工。"


@pytest.mark.parametrize(("text", "title"), [
    (BODY, "行政院長蘇測試今天表示,明年基本工資將調漲。"),
    ("部長表示:「票價不漲。」他說。", "部長表示:「票價不漲。」"),
    ("\n\n(Wire) - The minister said on Tuesday that fares rise. Then more.", "The minister said on Tuesday that fares rise."),
    ("沒有句號的一行文字\n第二行。", "沒有句號的一行文字"),
    ("   \n  ", ""),
])
def test_title_from_text_is_the_first_sentence(text, title):
    assert title_from_text(text) == title


def test_a_long_first_sentence_is_cut_with_an_ellipsis():
    title = title_from_text("測" * 200 + "。")
    assert len(title) == TITLE_MAX_CHARS and title.endswith("…")


@pytest.mark.django_db
def test_an_untitled_article_is_named_by_its_first_sentence_and_a_given_title_wins():
    untitled = article_ingest(text=BODY).article
    assert untitled.title == "行政院長蘇測試今天表示,明年基本工資將調漲。"
    assert str(untitled) == untitled.title
    titled = article_ingest(text=BODY + "另一段。", title="我的標題").article
    assert titled.title == "我的標題"
    assert untitled.body == BODY  # the body is never edited


@pytest.mark.django_db(transaction=True)
def test_the_ingest_message_says_extraction_is_done_when_it_already_ran(client):
    """With no worker (eager Celery) extraction runs at commit, before the page answers: say so, not 'queued'."""
    client.force_login(make_user("checker", groups=(FACT_CHECKER,)))
    response = client.post(reverse("admin:sources_article_add"), {
        "text": "外交部發言人林佳龍表示:「我們將持續與理念相近國家合作。」", "language": "zh-Hant"})
    page = client.get(response["Location"])
    article = Article.objects.get()
    assert article.extraction_status == ExtractionStatus.DONE
    shown = [str(m) for m in page.context["messages"]]
    count = article.statements.count()
    assert count >= 1
    assert shown == [MESSAGE_STORED[ExtractionStatus.DONE].format(title=article.title, count=count)]
    assert "queued" not in shown[0]


@pytest.mark.django_db
def test_the_ingest_message_says_queued_while_extraction_waits(client, settings):
    """Nothing has run yet (on_commit callbacks not executed, as with a busy worker): 'queued'."""
    client.force_login(make_user("checker", groups=(FACT_CHECKER,)))
    response = client.post(reverse("admin:sources_article_add"), {"text": BODY, "language": "zh-Hant"}, follow=True)
    article = Article.objects.get()
    assert article.extraction_status == ExtractionStatus.PENDING
    assert [str(m) for m in response.context["messages"]] == [
        MESSAGE_STORED[ExtractionStatus.PENDING].format(title=article.title, count=0)]
