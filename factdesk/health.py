"""/healthz (interface): each dependency's state as JSON, non-200 when extraction cannot progress.

Checks, each cheap and bounded by a short timeout:

- ``database``: ``SELECT 1`` on the default connection (bounded by its connect_timeout).
- ``broker``: a Redis PING with a 1 s timeout; ``eager`` when tasks run inline (no broker).
- ``cache``: a Redis PING with a 1 s timeout; ``local`` for an in-process cache.
- ``workers``: the newest heartbeat of a worker that is alive and connected to the broker
  (factdesk.heartbeat), and whether articles are waiting for extraction.

503 when the database is down, when the broker is down (not in eager mode), or when articles wait
and no worker has beaten within FACTDESK_WORKER_STALE_SECONDS. A cache outage alone is
``degraded`` and still 200: pages are served uncached (factdesk.cache).
"""

from __future__ import annotations

import time
from typing import Any

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from factdesk.celery import app
from sources.models import Article, ExtractionStatus, WorkerHeartbeat

PROBE_TIMEOUT_SECONDS = 1


def _timed(check) -> dict[str, Any]:
    began = time.perf_counter()
    try:
        result = check()
    except Exception as exc:  # noqa: BLE001 - any failure is the answer, not a 500
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    result["ms"] = round((time.perf_counter() - began) * 1000, 1)
    return result


def _database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _eager() -> bool:
    return bool(app.conf.task_always_eager)


def _redis_ping(url: str) -> bool:
    # A fresh connection each probe (one TCP round trip): a pooled one could hide a dead server.
    client = redis.Redis.from_url(
        url, socket_connect_timeout=PROBE_TIMEOUT_SECONDS, socket_timeout=PROBE_TIMEOUT_SECONDS
    )
    try:
        return bool(client.ping())
    finally:
        client.connection_pool.disconnect()


def _broker() -> dict[str, Any]:
    if _eager():
        return {"ok": True, "mode": "eager"}
    url = app.conf.broker_write_url or app.conf.broker_url or ""
    if not url.startswith(("redis://", "rediss://")):
        return {"ok": True, "mode": url.split(":", 1)[0] or "none"}
    return {"ok": _redis_ping(url), "mode": "redis"}


def _cache() -> dict[str, Any]:
    backend = caches["default"]
    ping = getattr(backend, "ping", None)
    if ping is None:
        return {"ok": True, "mode": "local"}
    return {"ok": bool(ping()), "mode": "redis"}


def _workers(database_ok: bool) -> dict[str, Any]:
    if _eager():
        return {"ok": True, "mode": "eager"}
    if not database_ok:
        return {"ok": False, "error": "database unavailable"}
    stale = settings.FACTDESK_WORKER_STALE_SECONDS
    alive = WorkerHeartbeat.objects.alive(within_seconds=stale).filter(consuming=True)
    newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    waiting = Article.objects.filter(
        extraction_status__in=[ExtractionStatus.PENDING, ExtractionStatus.RUNNING]
    ).exists()
    consuming = alive.count()
    return {
        "ok": consuming > 0 or not waiting,
        "consuming": consuming,
        "last_heartbeat": newest.isoformat() if newest else None,
        "articles_waiting": waiting,
    }


def healthz(_request: HttpRequest) -> JsonResponse:
    """Dependency report for load balancers and operators (see the module docstring)."""
    checks = {"database": _timed(_database)}
    checks["broker"] = _timed(_broker)
    checks["cache"] = _timed(_cache)
    checks["workers"] = _timed(lambda: _workers(checks["database"]["ok"]))
    failing = not (checks["database"]["ok"] and checks["broker"]["ok"] and checks["workers"]["ok"])
    status = "failing" if failing else ("degraded" if not checks["cache"]["ok"] else "ok")
    return JsonResponse(
        {"ok": not failing, "status": status, "time": timezone.now().isoformat(), "checks": checks},
        status=503 if failing else 200,
    )
