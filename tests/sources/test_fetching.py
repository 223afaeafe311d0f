"""Fetching and URL ingest against a real local HTTP server: encodings, limits, redirects, records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from sources import fetching
from sources.cleaning import decode_html, html_to_article, sniff_html_charset
from sources.fetching import FetchError
from sources.models import Article, FetchLog, FetchOutcome, IngestChannel
from sources.services import article_ingest_url
from tests.factories import make_outlet, make_user
from tests.sources.site_server import SITE

pytestmark = pytest.mark.usefixtures("fetch_settings")

BOILERPLATE = ("版權所有", "相關新聞", "Cookie", "登入會員", "热点推荐", "京ICP备", "Subscribe", "Copper", "廣告")


def test_big5_page_declared_only_in_a_meta_tag_is_decoded(site):
    result = fetching.fetch(site.url("/articles/tw-big5.html"))
    assert result.charset is None  # the HTTP header says nothing
    text = result.text()
    assert "陸委會副主委梁文傑表示" in text
    assert "台北碁院" in text  # 碁 is a cp950 extension: plain Big5 cannot decode this page


def test_gb2312_label_with_gb18030_characters_is_decoded_as_gb18030(site):
    result = fetching.fetch(site.url("/articles/cn-gb18030.html"))
    assert result.charset == "GB2312"
    with pytest.raises(UnicodeDecodeError):
        result.content.decode("gb2312")
    assert "记者张喆" in result.text()


def test_charset_sources_in_order_header_then_meta_then_detection():
    page = (SITE / "articles" / "tw-big5.html").read_bytes()
    assert sniff_html_charset(page) == "big5"
    # A wrong header label that cannot decode the bytes is skipped for the page's own declaration.
    assert "梁文傑" in decode_html(page, "utf-8")
    undeclared = page.replace(b"charset=big5", b"")
    assert sniff_html_charset(undeclared) is None
    assert "梁文傑" in decode_html(undeclared)  # detection


@pytest.mark.parametrize(
    ("path", "title", "byline", "published", "must_have"),
    [
        ("tw-big5.html", "陸委會:兩岸交流應在對等尊嚴基礎上進行", "記者王小明", "2025-05-15T14:30:00+08:00", "這完全不符合事實"),
        ("cn-gb18030.html", "外交部:中方坚决反对美国对台军售", "记者张喆", "2025-06-12T16:05:00+08:00", "严正交涉"),
        ("en-utf8.html", "Chile raises lithium royalty as producers warn of delays", "Maria Gonzalez",
         "2025-03-11T09:15:00+00:00", "Finance Minister Mario Marcel"),
    ],
)
def test_main_text_and_page_metadata_without_boilerplate(path, title, byline, published, must_have):
    html = decode_html((SITE / "articles" / path).read_bytes())
    cleaned = html_to_article(html)
    assert cleaned.title == title
    assert cleaned.byline == byline
    assert cleaned.date == published
    assert must_have in cleaned.text
    assert not [word for word in BOILERPLATE if word in cleaned.text]


def test_user_agent_is_sent_and_conditional_request_gives_304(site):
    first = fetching.fetch(site.url("/feeds/rss.xml"), accept=fetching.ACCEPT_FEED)
    assert first.status_code == 200 and first.etag and first.last_modified
    second = fetching.fetch(site.url("/feeds/rss.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.content == b""
    path, headers = site.requests[-1]
    assert headers["If-None-Match"] == first.etag
    assert headers["If-Modified-Since"] == first.last_modified
    assert headers["User-Agent"] == "factdesk-test/1.0 (+http://localhost:8000)"


def test_redirect_is_followed_and_the_final_url_reported(site):
    result = fetching.fetch(site.url("/redirect/en"))
    assert result.final_url == site.url("/articles/en-utf8.html")
    assert result.redirects == (site.url("/articles/en-utf8.html"),)


def test_redirects_are_capped(site, settings):
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url("/redirect/loop"))
    assert info.value.message == fetching.ERROR_TOO_MANY_REDIRECTS.format(limit=settings.FACTDESK_FETCH_MAX_REDIRECTS)
    assert site.hits("/redirect/loop") == settings.FACTDESK_FETCH_MAX_REDIRECTS + 1


def test_404_is_an_http_error(site):
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url("/missing/page.html"))
    assert info.value.outcome == FetchOutcome.HTTP_ERROR
    assert info.value.status_code == 404
    assert info.value.message == fetching.ERROR_HTTP.format(status=404)


def test_slow_response_times_out(site):
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url("/slow"))  # the server sleeps 3 s; the timeout is 1 s
    assert info.value.outcome == FetchOutcome.NETWORK_ERROR
    assert info.value.message == fetching.ERROR_TIMEOUT.format(seconds=1)


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_oversized_response_is_cut_off(site, path):
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url(path))
    assert info.value.outcome == FetchOutcome.TOO_LARGE
    assert info.value.message == fetching.ERROR_TOO_LARGE.format(limit=500_000)
    # Announced size: refused before reading; unannounced: reading stops just past the cap.
    assert info.value.bytes_received <= 500_000 + 64 * 1024


def test_one_request_per_host_per_delay(site, settings):
    settings.FACTDESK_FETCH_HOST_DELAY_SECONDS = 1
    fetching.fetch(site.url("/articles/en-utf8.html"))
    # The host's slot is taken until the delay has passed: another fetcher (any worker sharing the
    # cache) cannot claim it now.
    assert cache.add("factdesk:fetch-host:127.0.0.1", 1, timeout=1) is False
    assert fetching.fetch(site.url("/articles/tw-utf8.html")).status_code == 200  # waits its turn


@pytest.mark.django_db
def test_url_ingest_stores_the_main_text_with_page_metadata_and_records_the_fetch(site):
    user = make_user()
    outlet = make_outlet("海峽日報")
    url = site.url("/articles/tw-big5.html")
    result = article_ingest_url(url, user=user, outlet=outlet)
    article = result.article
    assert result.created
    assert article.channel == IngestChannel.URL and article.submitted_by == user and article.outlet == outlet
    assert article.url == url
    assert article.title == "陸委會:兩岸交流應在對等尊嚴基礎上進行"
    assert article.byline == "記者王小明"
    assert article.published_at == dt.datetime(2025, 5, 15, 6, 30, tzinfo=dt.UTC)
    assert article.language == "zh-Hant"
    assert "梁文傑" in article.body and not [w for w in BOILERPLATE if w in article.body]
    assert "charset=big5" in article.raw_html
    log = FetchLog.objects.get()
    assert (log.url, log.outcome, log.status_code, log.article) == (url, FetchOutcome.OK, 200, article)
    assert log.bytes_received == len((SITE / "articles" / "tw-big5.html").read_bytes())
    assert log.outlet == outlet and log.feed is None

    again = article_ingest_url(url, user=user)
    assert not again.created and again.duplicate_reason == "url" and again.article == article
    assert site.hits("/articles/tw-big5.html") == 1  # a stored URL is not fetched again


@pytest.mark.django_db
def test_url_ingest_through_a_redirect_stores_the_final_url_and_dedupes_by_content(site):
    result = article_ingest_url(site.url("/redirect/en"))
    assert result.article.url == site.url("/articles/en-utf8.html")
    assert result.article.byline == "Maria Gonzalez" and result.article.language == "en"
    assert "Redirected to" in FetchLog.objects.get().detail
    same = article_ingest_url(site.url("/articles/en-utf8.html"))
    assert not same.created and same.article == result.article


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "outcome", "message"),
    [
        ("/missing/x.html", FetchOutcome.HTTP_ERROR, fetching.ERROR_HTTP.format(status=404)),
        ("/huge", FetchOutcome.TOO_LARGE, fetching.ERROR_TOO_LARGE.format(limit=500_000)),
        ("/file.pdf", FetchOutcome.PARSE_ERROR, "The URL gives application/pdf, not an HTML page or text."),
    ],
)
def test_url_ingest_failures_are_recorded_and_raised_with_a_clear_message(site, path, outcome, message):
    with pytest.raises(FetchError) as info:
        article_ingest_url(site.url(path))
    assert info.value.message == message and info.value.field == "url"
    log = FetchLog.objects.get()
    assert (log.outcome, log.detail, log.article) == (outcome, message, None)
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_fetch_url_command(site, capsys):
    call_command("fetch_url", site.url("/articles/cn-gb18030.html"), "--outlet", "新华社")
    article = Article.objects.get()
    assert article.outlet.name == "新华社" and article.language == "zh-Hans"
    assert f"article {article.pk}" in capsys.readouterr().out
    with pytest.raises(CommandError, match="nothing was ingested"):
        call_command("fetch_url", site.url("/missing/y.html"))
    assert "refused: The server answered HTTP 404." in capsys.readouterr().err


@pytest.mark.django_db
def test_fetch_url_task_ingests_and_reports_a_refusal(site):
    from sources.tasks import fetch_url_task

    user = make_user()
    outcome = fetch_url_task.delay(site.url("/articles/cn-utf8.html"), user.pk).get()
    article = Article.objects.get()
    assert outcome == {"url": site.url("/articles/cn-utf8.html"), "article": article.pk, "created": True}
    assert article.submitted_by == user and article.language == "zh-Hans"
    refused = fetch_url_task.delay(site.url("/missing/z.html")).get()
    assert refused["error"] == fetching.ERROR_HTTP.format(status=404)
