"""Feed parsing and polling (service level, against the local site): new entries once, versions, flags."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from sources import services
from sources.feeds import FeedParseError, parse_feed
from sources.models import Article, Feed, FetchLog, FetchOutcome, IngestChannel
from tests.factories import make_outlet
from tests.sources.site_server import SITE

pytestmark = pytest.mark.usefixtures("fetch_settings")


def make_feed(site, path: str, **kwargs) -> Feed:
    outlet = kwargs.pop("outlet", None) or make_outlet()
    return services.feed_save(Feed(outlet=outlet, url=site.url(path), **kwargs))


def test_rss_entries_in_order_with_dates_and_authors():
    data = (SITE / "feeds" / "rss.xml").read_bytes().replace(b"{{BASE}}", b"https://news.example")
    feed = parse_feed(data, url="https://news.example/feeds/rss.xml", content_type="application/rss+xml")
    assert feed.title == "海峽日報 即時新聞"
    assert [e.url for e in feed.entries] == [
        "https://news.example/articles/tw-big5.html",
        "https://news.example/articles/cn-gb18030.html",
        "https://news.example/redirect/en",
        "https://news.example/missing/withdrawn.html",
    ]
    assert feed.entries[0].author == "王小明"
    assert feed.entries[0].published_at == dt.datetime(2025, 5, 15, 6, 30, tzinfo=dt.UTC)


def test_atom_relative_links_are_made_absolute():
    data = (SITE / "feeds" / "atom.xml").read_bytes().replace(b"{{BASE}}", b"https://news.example")
    feed = parse_feed(data.replace(b"{{TW_UPDATED}}", b"2025-10-21T00:00:00Z"), url="https://news.example/feeds/atom.xml")
    assert feed.entries[1].url == "https://news.example/articles/cn-utf8.html"
    assert feed.entries[0].updated_at == dt.datetime(2025, 10, 21, tzinfo=dt.UTC)


def test_an_html_page_is_not_a_feed():
    with pytest.raises(FeedParseError) as info:
        parse_feed((SITE / "articles" / "en-utf8.html").read_bytes(), url="https://news.example/")
    assert info.value.message.startswith("The response is not an RSS or Atom feed")


@pytest.mark.django_db
def test_first_poll_ingests_each_new_entry_once_and_the_second_poll_nothing(site):
    feed = make_feed(site, "/feeds/rss.xml")
    first = services.feed_poll(feed.pk)
    assert (first.outcome, first.new_articles, first.new_versions, first.failed_entries) == ("ok", 3, 0, 1)
    articles = Article.objects.order_by("pk")
    assert [a.url for a in articles] == [
        site.url("/articles/tw-big5.html"),
        site.url("/articles/cn-gb18030.html"),
        site.url("/articles/en-utf8.html"),  # the entry's redirect, stored under its final URL
    ]
    assert {a.channel for a in articles} == {IngestChannel.FEED}
    assert {a.outlet_id for a in articles} == {feed.outlet_id}
    assert [a.language for a in articles] == ["zh-Hant", "zh-Hans", "en"]
    # The page's own metadata beats the feed's (the feed's dc:creator is "王小明").
    assert articles[0].byline == "記者王小明"
    assert articles[0].title == "陸委會:兩岸交流應在對等尊嚴基礎上進行"
    feed.refresh_from_db()
    assert feed.etag and feed.title == "海峽日報 即時新聞" and feed.consecutive_failures == 0
    assert feed.next_poll_at > timezone.now()
    feed_log = FetchLog.objects.get(feed=feed, url=feed.url)
    assert (feed_log.outcome, feed_log.new_entries, feed_log.status_code) == (FetchOutcome.OK, 3, 200)
    missing = FetchLog.objects.get(url=site.url("/missing/withdrawn.html"))
    assert (missing.outcome, missing.status_code, missing.feed) == (FetchOutcome.HTTP_ERROR, 404, feed)

    second = services.feed_poll(feed.pk)
    assert (second.outcome, second.new_articles) == (FetchOutcome.NOT_MODIFIED, 0)
    assert Article.objects.count() == 3
    assert site.hits("/articles/tw-big5.html") == 1


@pytest.mark.django_db
def test_a_changed_feed_fetches_only_its_new_entries(site):
    feed = make_feed(site, "/feeds/rss.xml")
    services.feed_poll(feed.pk)
    rss = site.body("/feeds/rss.xml").replace(
        b"<item>", b"<item><title>Party statements</title><link>" + site.url("/articles/tw-utf8.html").encode()
        + b"</link></item><item>", 1
    )
    site.overrides["/feeds/rss.xml"] = rss
    result = services.feed_poll(feed.pk)
    assert (result.new_articles, result.new_versions) == (1, 0)
    assert site.hits("/articles/tw-big5.html") == 1 and site.hits("/articles/en-utf8.html") == 1
    assert site.hits("/missing/withdrawn.html") == 2  # never fetched into an article: tried again
    assert Article.objects.count() == 4


@pytest.mark.django_db
def test_an_updated_entry_with_changed_text_becomes_a_new_version_and_the_old_one_is_kept(site):
    rss = make_feed(site, "/feeds/rss.xml")
    feed = make_feed(site, "/feeds/atom.xml", outlet=rss.outlet)
    services.feed_poll(rss.pk)
    assert services.feed_poll(feed.pk).new_articles == 2  # tw-big5 came through the RSS feed already
    assert site.hits("/articles/tw-big5.html") == 1
    original = Article.objects.get(url=site.url("/articles/tw-utf8.html"))
    original_body = original.body

    page = (SITE / "articles" / "tw-utf8.html").read_text(encoding="utf-8")
    site.overrides["/articles/tw-utf8.html"] = page.replace(
        "盡可能減少對旅客的影響。", "盡可能減少對旅客的影響。交通部晚間更正,北登機廊廳啟用時間延至後年。"
    ).encode()
    site.variables["TW_UPDATED"] = (timezone.now() + dt.timedelta(seconds=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = services.feed_poll(feed.pk)
    assert (result.new_articles, result.new_versions) == (0, 1)
    versions = list(Article.objects.filter(url=original.url).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].previous_version_id == original.pk
    assert "延至後年" in versions[1].body
    original.refresh_from_db()
    assert original.body == original_body  # what was reviewed is never overwritten

    # The same "updated" stamp again, same text: nothing new.
    site.overrides["/feeds/atom.xml"] = site.body("/feeds/atom.xml") + b"\n"
    assert services.feed_poll(feed.pk).new_versions == 0
    assert Article.objects.filter(url=original.url).count() == 2


@pytest.mark.django_db
def test_a_feed_that_keeps_failing_is_flagged_and_no_longer_polled_until_reset(site, settings):
    feed = make_feed(site, "/missing/feed.xml")
    for attempt in range(1, settings.FACTDESK_FEED_MAX_FAILURES + 1):
        result = services.feed_poll(feed.pk)
        assert result.outcome == FetchOutcome.HTTP_ERROR
        feed.refresh_from_db()
        assert feed.consecutive_failures == attempt
    assert feed.flagged and feed.next_poll_at is None
    assert "Flagged after 3 failures" in FetchLog.objects.filter(feed=feed).first().detail

    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() - dt.timedelta(hours=1))
    assert feed.pk not in services.feeds_due()
    skipped = services.feed_poll(feed.pk, force=True)
    assert skipped.outcome == "skipped" and skipped.detail == services.ERROR_FEED_FLAGGED
    assert site.hits("/missing/feed.xml") == settings.FACTDESK_FEED_MAX_FAILURES

    services.feed_reset(feed)
    assert (feed.flagged, feed.consecutive_failures) == (False, 0)
    assert services.feeds_due() == [feed.pk]


@pytest.mark.django_db
def test_a_failing_poll_backs_off_and_a_success_resets_the_count(site):
    feed = make_feed(site, "/feeds/rss.xml", poll_interval_minutes=10)
    site.overrides["/feeds/rss.xml"] = (SITE / "articles" / "en-utf8.html").read_bytes()
    result = services.feed_poll(feed.pk)
    assert result.outcome == FetchOutcome.PARSE_ERROR
    services.feed_poll(feed.pk)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 2 and not feed.flagged
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(minutes=20)
    del site.overrides["/feeds/rss.xml"]
    services.feed_poll(feed.pk)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0


@pytest.mark.django_db
def test_due_feeds_are_handed_out_once_per_interval(site):
    due = make_feed(site, "/feeds/rss.xml")
    later = make_feed(site, "/feeds/atom.xml")
    Feed.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + dt.timedelta(minutes=5))
    inactive = make_feed(site, "/missing/old.xml", active=False)
    assert services.feeds_due() == [due.pk]
    assert services.feeds_due() == []  # leased: a second beat tick does not hand it out again
    assert inactive.pk not in services.feeds_due(now=timezone.now() + dt.timedelta(days=1))


@pytest.mark.django_db
def test_poll_feeds_command_polls_due_feeds(site, capsys):
    feed = make_feed(site, "/feeds/atom.xml")
    call_command("poll_feeds")
    out = capsys.readouterr().out
    assert f"feed {feed.pk}: ok: 3 entries: 3 new articles" in out
    call_command("poll_feeds", str(feed.pk))
    assert f"feed {feed.pk}: not_modified" in capsys.readouterr().out
