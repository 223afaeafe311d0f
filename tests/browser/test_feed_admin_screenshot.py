"""The admin view of a polled feed in headless Chromium, kept as test-output/screenshots/admin-feed.png.

The feed is a real RSS feed on a local HTTP server, polled twice through the service (a first poll
that ingests its entries, a second that gets 304), so the page shows real fetch records.
"""

from __future__ import annotations

import pytest

SCREENSHOT = "admin-feed.png"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_view_of_a_polled_feed(browser_page, live_server, output_dir, settings):
    from playwright.sync_api import expect

    from sources import services
    from sources.models import Feed, FetchLog
    from tests.factories import make_outlet, make_user
    from tests.sources.site_server import SiteServer

    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    settings.FACTDESK_FETCH_HOST_DELAY_SECONDS = 0
    settings.FACTDESK_FETCH_TIMEOUT = 5
    site = SiteServer().start()
    try:
        feed = services.feed_save(Feed(outlet=make_outlet("海峽日報"), url=site.url("/feeds/rss.xml"),
                                       poll_interval_minutes=15))
        assert services.feed_poll(feed.pk).new_articles == 3
        assert services.feed_poll(feed.pk).outcome == "not_modified"
    finally:
        site.stop()
    make_user("feed-admin", superuser=True)
    page, base = browser_page, live_server.url
    page.set_viewport_size({"width": 1600, "height": 1000})  # room for the fetch table's detail column

    page.goto(f"{base}/admin/login/?next=/admin/sources/feed/{feed.pk}/change/")
    page.fill("#id_username", "feed-admin")
    page.fill("#id_password", "pw-Factdesk-1")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/sources/feed/{feed.pk}/change/")

    table = page.locator("#feed-fetches")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    assert rows.count() == FetchLog.objects.filter(feed=feed).count() == 6
    expect(rows.first).to_contain_text("Not modified")
    expect(table).to_contain_text("4 entries: 3 new articles, 0 new versions, 1 failed.")
    expect(table).to_contain_text("HTTP error")
    expect(page.locator("input[name=title]")).to_have_value("海峽日報 即時新聞")

    if page.locator("#toggle-nav-sidebar").is_visible():
        page.click("#toggle-nav-sidebar")  # the app list is not what this picture is about
    shots = output_dir / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / SCREENSHOT), full_page=True)
    assert (shots / SCREENSHOT).stat().st_size > 10_000

    page.goto(f"{base}/admin/sources/feed/")
    expect(page.locator("#result_list")).to_contain_text("Not modified")
    page.screenshot(path=str(shots / "admin-feed-list.png"), full_page=True)
