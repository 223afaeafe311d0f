"""Drill: the cache Redis goes down (stopped, or hung) and the site degrades instead of failing.

The cache is configured exactly as factdesk/settings.py does for FACTDESK_CACHE_URL, pointed at a
private redis-server that the test stops, freezes (SIGSTOP) and restarts. Pages and API reads are
served uncached, ingest stores the article pending and answers 201, throttles fall back to a
per-process limit, and a public-data change made during the outage is not hidden by pages cached
before it.
"""

from __future__ import annotations

import os
import runpy
import time
from pathlib import Path
from unittest import mock

import pytest
from rest_framework.test import APIClient

from claims import public_cache, services
from factdesk import cache as factdesk_cache
from sources.models import Article, ExtractionStatus
from tests.factories import make_published_claim, make_user
from tests.private_redis import PrivateRedis

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "行政院發言人李慧芝今日表示：「政府會持續關注物價走勢。」她並說，相關措施將在下週公布。"


def caches_for(url: str) -> dict:
    """CACHES as factdesk/settings.py builds it when FACTDESK_CACHE_URL is ``url``."""
    with mock.patch.dict(os.environ, {"FACTDESK_CACHE_URL": url}):
        return runpy.run_path(str(ROOT / "factdesk" / "settings.py"))["CACHES"]


@pytest.fixture
def cache_redis(settings):
    server = PrivateRedis().start()
    settings.CACHES = caches_for(server.url(3))
    settings.FACTDESK_CACHE_RETRY_SECONDS = 1
    yield server
    server.cleanup()
    for breaker in factdesk_cache._breakers.values():
        breaker.reset()
    factdesk_cache.throttle_cache.local.clear()
    public_cache._bump_pending.clear()


@pytest.fixture
def dead_broker(cache_redis):
    """The broker on the same (stopped) Redis, as in the compose stack, and no eager fallback."""
    from factdesk.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    app.conf.broker_write_url = cache_redis.url(0)
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.task_always_eager = previous
    app.conf.broker_write_url = None
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def editor(db):
    return make_user(superuser=True)


def test_settings_select_the_degrading_backend(cache_redis):
    from django.core.cache import caches

    assert isinstance(caches["default"], factdesk_cache.ResilientRedisCache)
    caches["default"].set("probe", 1)
    assert caches["default"].get("probe") == 1


def test_pages_api_reads_and_ingest_answer_while_redis_is_down(
    cache_redis, dead_broker, editor, django_capture_on_commit_callbacks
):
    claim = make_published_claim("台灣的失業率創下二十年新低", user=editor)
    client = APIClient()
    assert client.get("/api/v1/claims/").status_code == 200  # Redis up: this page is now cached

    cache_redis.stop()
    home = client.get("/zh-hant/")
    assert home.status_code == 200
    assert claim.text[:6] in home.content.decode()
    assert client.get("/zh-hant/search/", {"q": "失業率"}).status_code == 200
    reads = client.get("/api/v1/claims/")
    assert reads.status_code == 200
    assert [c["id"] for c in reads.json()["results"]] == [claim.pk]

    _key, plaintext = services.partner_key_create("Wire", ["read", "ingest"], editor)
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plaintext}")
    began = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/articles/", {"text": ARTICLE}, format="json")
    assert response.status_code == 201, response.content
    # Not a benchmark: the dead broker and cache must fail fast, not hang the request.
    assert time.monotonic() - began < 10
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert article.extraction_status == ExtractionStatus.PENDING  # the outbox; the sweep enqueues it later


def test_a_hung_redis_costs_one_timeout_per_retry_interval_not_one_per_request(cache_redis, editor, settings):
    settings.FACTDESK_CACHE_RETRY_SECONDS = 30
    make_published_claim("國防預算將連續第三年成長", user=editor)
    client = APIClient()
    assert client.get("/api/v1/claims/").status_code == 200
    cache_redis.pause()  # accepts connections, answers nothing
    try:
        began = time.monotonic()
        statuses = [client.get("/api/v1/claims/").status_code for _ in range(6)]
        elapsed = time.monotonic() - began
    finally:
        cache_redis.resume()
    assert statuses == [200] * 6
    # Each request makes at least three cache calls; with a 1 s socket timeout and no breaker six
    # requests would take over 18 s. With the breaker only the first call waits.
    assert elapsed < 6, elapsed


def test_throttling_falls_back_to_a_local_limit_while_redis_is_down(cache_redis, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "partner": "5/min", "ingest": "1/min"},
    }
    cache_redis.stop()
    client = APIClient()
    assert [client.get("/api/v1/claims/").status_code for _ in range(4)] == [200, 200, 200, 429]

    cache_redis.start()  # back (empty): after the retry interval the shared count is used again
    time.sleep(1.2)
    assert [client.get("/api/v1/claims/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_a_change_made_during_the_outage_is_not_hidden_by_pages_cached_before_it(
    cache_redis, editor, django_capture_on_commit_callbacks
):
    first = make_published_claim("核電廠延役不影響供電安全", user=editor)
    client = APIClient()
    assert [c["id"] for c in client.get("/api/v1/claims/").json()["results"]] == [first.pk]  # cached

    cache_redis.pause()  # the cache keeps its data but cannot be reached
    try:
        with django_capture_on_commit_callbacks(execute=True):
            second = make_published_claim("再生能源占比已達百分之二十", user=editor)
    finally:
        cache_redis.resume()
    time.sleep(1.2)  # FACTDESK_CACHE_RETRY_SECONDS: the breaker lets the next call through

    ids = {c["id"] for c in client.get("/api/v1/claims/").json()["results"]}
    assert ids == {first.pk, second.pk}
    assert not public_cache._bump_pending.is_set()
