"""Feed admin end to end through the test client: lists, fetch log, poll now, reset flag, submit a URL."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sources import fetching, services
from sources.models import Article, Feed, FetchLog, FetchOutcome, IngestChannel
from tests.factories import make_outlet, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fetch_settings")]


@pytest.fixture(autouse=True)
def _english_desk(settings):
    """These tests read the desk's English wording (the Chinese desk: tests/i18n/test_translations.py)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def polled_feed(site):
    feed = services.feed_save(Feed(outlet=make_outlet("海峽日報"), url=site.url("/feeds/rss.xml")))
    services.feed_poll(feed.pk)
    return feed


def test_feed_list_shows_health_and_last_outcome_in_a_bounded_number_of_queries(
    client, site, polled_feed, django_assert_max_num_queries
):
    for i in range(5):
        services.feed_save(Feed(outlet=polled_feed.outlet, url=site.url(f"/missing/{i}.xml")))
    client.force_login(make_user(superuser=True))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:sources_feed_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "海峽日報 即時新聞" in html and 'data-outcome="ok"' in html
    assert "Submit a URL" in html


def test_feed_page_shows_each_fetch_with_status_bytes_time_and_outcome(client, site, polled_feed):
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("admin:sources_feed_change", args=[polled_feed.pk]))
    html = response.content.decode()
    assert 'id="feed-fetches"' in html
    assert html.count("<tr><td title=") == FetchLog.objects.filter(feed=polled_feed).count() == 5
    assert site.url("/missing/withdrawn.html") in html and 'data-outcome="http_error"' in html
    assert "4 entries: 3 new articles, 0 new versions, 1 failed." in html


def test_fetch_log_filters_per_outlet_and_per_feed(client, site, polled_feed):
    other = make_outlet("Ledger Wire")
    services.article_ingest_url(site.url("/articles/tw-utf8.html"), outlet=other)
    client.force_login(make_user(superuser=True))
    url = reverse("admin:sources_fetchlog_changelist")
    by_outlet = client.get(url, {"outlet__id__exact": other.pk}).content.decode()
    assert site.url("/articles/tw-utf8.html") in by_outlet and site.url("/feeds/rss.xml") not in by_outlet
    by_feed = client.get(url, {"feed__id__exact": polled_feed.pk}).content.decode()
    assert site.url("/feeds/rss.xml") in by_feed


def test_poll_now_and_reset_flag_actions(client, site, settings, django_capture_on_commit_callbacks):
    feed = services.feed_save(Feed(outlet=make_outlet(), url=site.url("/feeds/atom.xml")))
    client.force_login(make_user(superuser=True))
    url = reverse("admin:sources_feed_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "poll_now", "_selected_action": [feed.pk]})
    assert Article.objects.filter(channel=IngestChannel.FEED).count() == 3

    Feed.objects.filter(pk=feed.pk).update(flagged=True, consecutive_failures=settings.FACTDESK_FEED_MAX_FAILURES)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True)
    assert "not polled: reset the flag first" in response.content.decode()
    client.post(url, {"action": "reset_flag", "_selected_action": [feed.pk]})
    feed.refresh_from_db()
    assert (feed.flagged, feed.consecutive_failures) == (False, 0)


def test_submit_url_as_a_fact_checker_ingests_the_page(client, site):
    user = make_user(groups=("fact-checker",))
    client.force_login(user)
    url = reverse("admin:sources_feed_submit_url")
    assert client.get(url).status_code == 200
    response = client.post(url, {"url": site.url("/articles/cn-gb18030.html")})
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.channel, article.submitted_by, article.byline) == (IngestChannel.URL, user, "记者张喆")
    assert FetchLog.objects.get().outcome == FetchOutcome.OK


def test_submit_url_refuses_a_private_address_with_the_message_shown(client, site, settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = False
    client.force_login(make_user(superuser=True))
    response = client.post(reverse("admin:sources_feed_submit_url"), {"url": site.url("/articles/en-utf8.html")})
    assert response.status_code == 200
    message = fetching.ERROR_PRIVATE_ADDRESS.format(host="127.0.0.1", address="127.0.0.1")
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert Article.objects.count() == 0 and FetchLog.objects.get().outcome == FetchOutcome.REFUSED


def test_submit_url_needs_the_add_article_permission(client):
    client.force_login(make_user())  # staff, no permissions
    assert client.get(reverse("admin:sources_feed_submit_url")).status_code == 403
