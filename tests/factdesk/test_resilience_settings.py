"""Settings for degradation and worker liveness: parsed strictly, like every other setting."""

from __future__ import annotations

import pytest

from tests.factdesk.test_settings import run_django


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"FACTDESK_CACHE_RETRY_SECONDS": "0"}, "FACTDESK_CACHE_RETRY_SECONDS must be at least 1"),
        ({"FACTDESK_WORKER_HEARTBEAT_SECONDS": "often"}, "FACTDESK_WORKER_HEARTBEAT_SECONDS must be a whole number"),
        (
            {"FACTDESK_WORKER_HEARTBEAT_SECONDS": "20", "FACTDESK_WORKER_STALE_SECONDS": "30"},
            "FACTDESK_WORKER_STALE_SECONDS must be at least twice FACTDESK_WORKER_HEARTBEAT_SECONDS",
        ),
    ],
)
def test_bad_liveness_settings_stop_startup(env, message):
    result = run_django(["check"], {"DJANGO_DEBUG": "1", **env})
    assert result.returncode != 0
    assert message in result.stderr


def test_a_cache_url_selects_the_degrading_backend():
    result = run_django(
        ["shell", "-v", "0", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"],
        {"DJANGO_DEBUG": "1", "FACTDESK_CACHE_URL": "redis://127.0.0.1:6379/5"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "factdesk.cache.ResilientRedisCache"
