"""Fixtures for the sources tests: a real local HTTP site and fetch settings that allow it."""

from __future__ import annotations

import pytest

from tests.sources.site_server import SiteServer


@pytest.fixture
def site():
    """The test site on 127.0.0.1 (a fresh server per test, so changes never leak between tests)."""
    server = SiteServer().start()
    yield server
    server.stop()


@pytest.fixture
def fetch_settings(settings):
    """Fetching allowed to reach the local server, with small limits so failures come fast."""
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    settings.FACTDESK_FETCH_ALLOW_NETWORKS = []
    settings.FACTDESK_FETCH_TIMEOUT = 1
    settings.FACTDESK_FETCH_MAX_BYTES = 500_000
    settings.FACTDESK_FETCH_MAX_REDIRECTS = 3
    settings.FACTDESK_FETCH_HOST_DELAY_SECONDS = 0
    settings.FACTDESK_FEED_MAX_FAILURES = 3
    settings.FACTDESK_FETCH_USER_AGENT = "factdesk-test/1.0 (+http://localhost:8000)"
    return settings
