"""Brute force: admin logins lock out per username and client address, failed API keys are
throttled per client address, X-Forwarded-For is trusted only from configured proxies, and the
public search is throttled per client. Counters live in the real Redis cache."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.utils import timezone, translation
from rest_framework.test import APIClient

from claims import services, views
from claims.api import auth
from tests.api_errors import error_message
from tests.conftest import _missing
from tests.factories import make_published_claim, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "right-Password-41"


@pytest.fixture
def redis_cache(settings):
    """The default cache on the real Redis (db from CELERY_BROKER_URL), under a prefix of its own."""
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        _missing("Redis not configured (set CELERY_BROKER_URL)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.CELERY_BROKER_URL,
            "KEY_PREFIX": f"bf-{uuid.uuid4().hex[:8]}",
        }
    }
    from django.core.cache import cache

    cache.set("probe", 1)
    assert cache.get("probe") == 1
    yield settings
    cache.clear()


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


def _login(client: Client, username: str, password: str, **extra):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, **extra)


# --- admin login -------------------------------------------------------------------------------


def test_forty_wrong_admin_passwords_then_the_right_one_is_locked_out(fast_hasher):
    make_user("desk-chief", superuser=True, password=PASSWORD)
    web = Client()
    codes = [_login(web, "desk-chief", f"guess-{i}").status_code for i in range(40)]
    right = _login(web, "desk-chief", PASSWORD)

    assert right.status_code == 429
    assert "_auth_user_id" not in web.session
    assert web.get("/admin/").status_code == 302  # still the login page
    limit = fast_hasher.AXES_FAILURE_LIMIT
    assert 3 <= limit <= 10
    assert codes[: limit - 1] == [200] * (limit - 1)  # the login form again, with its error
    assert set(codes[limit - 1 :]) == {429}
    # Another X-Forwarded-For does not make another client (no trusted proxy by default).
    spoofed = _login(Client(), "desk-chief", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.77")
    assert spoofed.status_code == 429


def test_the_lockout_is_per_username_and_client_address_and_ends_after_the_cool_off(fast_hasher):
    from axes.models import AccessAttempt

    make_user("night-editor", superuser=True, password=PASSWORD)
    make_user("day-editor", superuser=True, password=PASSWORD)
    for i in range(fast_hasher.AXES_FAILURE_LIMIT):
        _login(Client(), "night-editor", f"guess-{i}")
    assert _login(Client(), "night-editor", PASSWORD).status_code == 429
    # The same person from another address, and another user from the same address, still sign in.
    assert _login(Client(REMOTE_ADDR="198.51.100.20"), "night-editor", PASSWORD).status_code == 302
    assert _login(Client(), "day-editor", PASSWORD).status_code == 302
    # After the cool-off period the locked pair signs in again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - fast_hasher.AXES_COOLOFF_TIME - dt.timedelta(seconds=5))
    assert _login(Client(), "night-editor", PASSWORD).status_code == 302


# --- API keys ----------------------------------------------------------------------------------


def test_wrong_api_keys_beyond_the_limit_get_429_with_retry_after(redis_cache):
    redis_cache.FACTDESK_THROTTLE_KEY_FAILURES = "5/min"
    _, good = services.partner_key_create("Real partner", ["read"])
    client = APIClient()
    responses = [
        client.get(
            "/api/v1/claims/",
            HTTP_AUTHORIZATION=f"Api-Key {i:08x}.not-the-secret",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )  # a new forwarded address each time does not help
        for i in range(8)
    ]
    assert [r.status_code for r in responses] == [401] * 5 + [429] * 3
    assert error_message(responses[-1]).startswith(auth.ERROR_KEY_THROTTLED)
    assert 0 < int(responses[-1]["Retry-After"]) <= 60
    # While the address is throttled even a right key waits (the guesser cannot tell a hit).
    assert client.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {good}").status_code == 429
    # Another client address is not affected, and anonymous reads from the throttled one still work.
    other = APIClient(REMOTE_ADDR="198.51.100.9")
    assert other.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {good}").status_code == 200
    assert client.get("/api/v1/claims/").status_code == 200


def test_malformed_keys_count_as_failures_too(redis_cache):
    redis_cache.FACTDESK_THROTTLE_KEY_FAILURES = "3/min"
    client = APIClient()
    codes = [
        client.post("/api/v1/articles/", {"text": "x"}, format="json", HTTP_AUTHORIZATION="Api-Key garbage").status_code
        for _ in range(5)
    ]
    assert codes == [401, 401, 401, 429, 429]


# --- X-Forwarded-For and the anonymous read throttle ---------------------------------------------


def test_rotating_x_forwarded_for_does_not_escape_the_anonymous_limit(redis_cache):
    redis_cache.REST_FRAMEWORK = {
        **redis_cache.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "partner": "10/min", "ingest": "1/min"},
    }
    client = APIClient()
    codes = [client.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code for i in range(6)]
    assert codes == [200, 200, 200, 429, 429, 429]


def test_behind_one_trusted_proxy_the_address_it_appends_identifies_the_client(redis_cache):
    redis_cache.REST_FRAMEWORK = {
        **redis_cache.REST_FRAMEWORK,
        "NUM_PROXIES": 1,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "partner": "10/min", "ingest": "1/min"},
    }
    client = APIClient(REMOTE_ADDR="10.0.0.2")  # the proxy
    first = [client.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code for _ in range(3)]
    assert first == [200, 200, 429]
    # The client may prepend anything; the proxy's own entry (the last one) still names it.
    assert client.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1").status_code == 429
    assert client.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_num_proxies_defaults_to_zero_and_is_read_from_the_environment():
    from tests.factdesk.test_settings import run_django

    show = "from django.conf import settings as s; print(s.REST_FRAMEWORK['NUM_PROXIES'])"
    assert run_django(["shell", "-c", show], {"DJANGO_DEBUG": "1"}).stdout.split()[-1] == "0"
    assert (
        run_django(["shell", "-c", show], {"DJANGO_DEBUG": "1", "FACTDESK_NUM_PROXIES": "2"}).stdout.split()[-1] == "2"
    )
    bad = run_django(["check"], {"DJANGO_DEBUG": "1", "FACTDESK_NUM_PROXIES": "one"})
    assert bad.returncode != 0 and "FACTDESK_NUM_PROXIES must be a whole number" in bad.stderr
    for name in ("FACTDESK_THROTTLE_SEARCH", "FACTDESK_THROTTLE_KEY_FAILURES"):
        bad = run_django(["check"], {"DJANGO_DEBUG": "1", name: "30 per minute"})
        assert bad.returncode != 0 and f"{name} must be a rate like 30/min" in bad.stderr


# --- public search -----------------------------------------------------------------------------


def test_public_search_beyond_its_limit_is_429_per_client(redis_cache):
    redis_cache.FACTDESK_THROTTLE_SEARCH = "4/min"
    make_published_claim("潛艇預算今年增加", user=make_user(superuser=True))
    client = Client()
    responses = [client.get("/zh-hant/search/", {"q": f"預算 {i}"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{i}") for i in range(6)]
    assert [r.status_code for r in responses] == [200] * 4 + [429] * 2
    blocked = responses[-1]
    assert 0 < int(blocked["Retry-After"]) <= 60
    with translation.override("zh-hant"):  # the page's language: the message is translated
        assert translation.gettext(views.ERROR_TOO_MANY_SEARCHES) in blocked.content.decode()
    # The same query again (a cached page) is still counted; another client is not affected.
    assert client.get("/zh-hant/search/", {"q": "預算 0"}).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.30").get("/zh-hant/search/", {"q": "預算"}).status_code == 200
    # A search through the home page's form counts against the same limit.
    assert client.get("/zh-hant/", {"q": "預算"}).status_code == 429
    assert client.get("/zh-hant/").status_code == 200  # the front page itself is not a search


def test_limits_still_count_in_process_when_the_cache_is_down(settings):
    from factdesk.middleware import rate_exceeded, rate_hit

    settings.CACHES = {
        "default": {
            "BACKEND": "factdesk.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ident = f"dead-cache-{uuid.uuid4().hex}"
    assert [rate_hit("probe", ident, "3/min") for _ in range(3)] == [None, None, None]
    assert 0 < rate_hit("probe", ident, "3/min") <= 60
    assert rate_exceeded("probe", ident, "3/min") is not None
    assert rate_exceeded("probe", "someone-else", "3/min") is None
