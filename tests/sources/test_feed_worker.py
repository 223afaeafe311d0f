"""Feed polling through Celery with a real worker on Redis: new entries once, then nothing, then versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Count
from django.utils import timezone

from sources import services, tasks
from sources.models import Article, ExtractionStatus, Feed, FetchLog, FetchOutcome, IngestChannel
from tests.conftest import WorkerProcess, purge_broker, wait_for
from tests.factories import make_outlet
from tests.sources.site_server import SITE

ARTICLE_PATHS = ["tw-big5.html", "cn-gb18030.html", "en-utf8.html", "tw-utf8.html", "cn-utf8.html"]


def feed_logs(*feeds: Feed) -> list[str]:
    """Outcomes of the feed fetches themselves (not of their entries), oldest first."""
    return list(
        FetchLog.objects.filter(feed__in=feeds, url__in=[f.url for f in feeds]).order_by("pk").values_list("outcome", flat=True)
    )


def make_due(*feeds: Feed) -> None:
    Feed.objects.filter(pk__in=[f.pk for f in feeds]).update(next_poll_at=timezone.now() - dt.timedelta(seconds=1))


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_polling_cycles_ingest_new_entries_exactly_once_and_changed_text_as_a_new_version(site):
    purge_broker()
    # Two worker processes, so the two feeds (which share an entry) are polled at the same time.
    worker = WorkerProcess(
        concurrency=2,
        extra_env={"FACTDESK_FETCH_ALLOW_PRIVATE": "1", "FACTDESK_FETCH_HOST_DELAY_SECONDS": "0",
                   "FACTDESK_FETCH_TIMEOUT": "5"},
    ).start()
    try:
        outlet = make_outlet("海峽日報")
        rss = services.feed_save(Feed(outlet=outlet, url=site.url("/feeds/rss.xml")))
        atom = services.feed_save(Feed(outlet=outlet, url=site.url("/feeds/atom.xml")))

        # Cycle 1: what beat sends every minute.
        tasks.poll_due_feeds_task.delay()
        wait_for(lambda: len(feed_logs(rss, atom)) == 2, timeout=90)
        assert feed_logs(rss, atom) == [FetchOutcome.OK, FetchOutcome.OK]
        urls = sorted(Article.objects.values_list("url", flat=True))
        assert urls == sorted(site.url(f"/articles/{p}") for p in ARTICLE_PATHS)
        assert not Article.objects.values("content_hash").annotate(n=Count("id")).filter(n__gt=1).exists()
        assert set(Article.objects.values_list("channel", flat=True)) == {IngestChannel.FEED}
        assert FetchLog.objects.get(url=site.url("/missing/withdrawn.html")).outcome == FetchOutcome.HTTP_ERROR
        # Ingest enqueued claim extraction: the same worker extracts every article.
        wait_for(lambda: not Article.objects.exclude(extraction_status=ExtractionStatus.DONE).exists(), timeout=120)
        hits_after_first = {p: site.hits(f"/articles/{p}") for p in ARTICLE_PATHS}

        # Cycle 2: nothing changed, so both feeds answer 304 and no article page is fetched.
        make_due(rss, atom)
        tasks.poll_due_feeds_task.delay()
        wait_for(lambda: len(feed_logs(rss, atom)) == 4, timeout=60)
        assert feed_logs(rss, atom)[2:] == [FetchOutcome.NOT_MODIFIED, FetchOutcome.NOT_MODIFIED]
        assert Article.objects.count() == len(ARTICLE_PATHS)
        assert {p: site.hits(f"/articles/{p}") for p in ARTICLE_PATHS} == hits_after_first

        # Cycle 3: the publisher corrects an article it has already sent us.
        original = Article.objects.get(url=site.url("/articles/tw-utf8.html"))
        page = (SITE / "articles" / "tw-utf8.html").read_text(encoding="utf-8")
        site.overrides["/articles/tw-utf8.html"] = page.replace(
            "盡可能減少對旅客的影響。", "盡可能減少對旅客的影響。交通部晚間更正,北登機廊廳啟用時間延至後年。"
        ).encode()
        site.variables["TW_UPDATED"] = (timezone.now() + dt.timedelta(seconds=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        make_due(rss, atom)
        tasks.poll_due_feeds_task.delay()
        wait_for(lambda: len(feed_logs(rss, atom)) == 6, timeout=60)
        versions = list(Article.objects.filter(url=original.url).order_by("version"))
        assert [(v.version, v.previous_version_id) for v in versions] == [(1, None), (2, original.pk)]
        assert "延至後年" in versions[1].body and "延至後年" not in Article.objects.get(pk=original.pk).body
        assert Article.objects.count() == len(ARTICLE_PATHS) + 1
        assert "poll_feed_task" in worker.output()
    finally:
        worker.stop()
