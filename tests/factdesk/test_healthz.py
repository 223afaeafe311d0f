"""/healthz reports each dependency and is 503 exactly when extraction cannot progress.

Real services only: the broker and the cache are private redis-servers the tests stop or freeze,
the database outage is a subprocess whose DATABASE_URL points at a port nobody listens on, and the
worker heartbeat comes from a real Celery worker that the test SIGKILLs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone

from sources.models import Article, ExtractionStatus, WorkerHeartbeat
from sources.services import article_ingest
from tests.conftest import WorkerProcess, purge_broker, wait_for
from tests.factdesk.test_cache_outage import caches_for
from tests.factories import make_article
from tests.private_redis import PrivateRedis, free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def not_eager(settings):
    """Tasks go to a broker, as in production (the test default is eager)."""
    from factdesk.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = previous
    app.conf.broker_write_url = None
    app._pool = None
    app.amqp._producer_pool = None


def beat(instance: str = "w1@test:abc", *, seconds_ago: float = 0, consuming: bool = True) -> WorkerHeartbeat:
    now = timezone.now()
    return WorkerHeartbeat.objects.create(
        instance=instance,
        hostname=instance.split(":", maxsplit=1)[0],
        pid=1,
        started_at=now - timezone.timedelta(hours=1),
        beat_at=now - timezone.timedelta(seconds=seconds_ago),
        consuming=consuming,
    )


@pytest.mark.django_db
def test_all_dependencies_up_in_eager_mode_is_200_with_every_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "cache", "workers"}
    assert body["checks"]["broker"]["mode"] == "eager"
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_cache_outage_alone_is_degraded_but_200(client, settings):
    server = PrivateRedis().start()
    try:
        settings.CACHES = caches_for(server.url(2))
        server.stop()
        response = client.get("/healthz")
    finally:
        server.cleanup()
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["ok"] is False and body["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_a_hung_cache_does_not_hang_the_probe(client, settings):
    server = PrivateRedis().start()
    try:
        settings.CACHES = caches_for(server.url(2))
        server.pause()
        began = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - began
    finally:
        server.cleanup()
    assert response.status_code == 200 and response.json()["checks"]["cache"]["ok"] is False
    assert elapsed < 5, elapsed  # 1 s probe timeout (one socket op), not the default of none


@pytest.mark.django_db
def test_broker_down_is_503(client, not_eager):
    not_eager.conf.broker_write_url = f"redis://127.0.0.1:{free_port()}/0"
    beat()  # a worker is alive: only the broker is missing
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing" and body["checks"]["broker"]["ok"] is False


@pytest.mark.django_db
def test_waiting_articles_without_a_live_worker_are_503(client, not_eager):
    assert client.get("/healthz").status_code == 200  # nothing waits: no worker needed
    make_article(body="一篇等待抽取的文章。")  # pending
    response = client.get("/healthz")
    assert response.status_code == 503
    workers = response.json()["checks"]["workers"]
    assert (workers["ok"], workers["consuming"], workers["articles_waiting"]) == (False, 0, True)
    beat("old@test:1", seconds_ago=600)  # a dead worker's last beat does not count
    assert client.get("/healthz").status_code == 503
    beat("busy@test:2", consuming=False)  # alive but disconnected from the broker
    assert client.get("/healthz").status_code == 503
    beat("ok@test:3")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["workers"]["consuming"] == 1


PROBE = r"""
import json, time, django
django.setup()
from django.test import Client
began = time.monotonic()
r = Client().get("/healthz")
print("PROBE" + json.dumps({"status": r.status_code, "body": r.json(), "seconds": time.monotonic() - began}))
"""


def test_database_down_is_503_and_answers_quickly():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTDESK_", "CELERY_", "DATABASE_"))}
    env.update(
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE="factdesk.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("PROBE"))[5:])
    assert probe["status"] == 503
    assert probe["body"]["checks"]["database"]["ok"] is False
    assert probe["seconds"] < 10


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_heartbeat_keeps_it_healthy_until_the_worker_is_killed(client, settings):
    settings.FACTDESK_WORKER_STALE_SECONDS = 3
    purge_broker()
    worker = WorkerProcess(extra_env={"FACTDESK_WORKER_HEARTBEAT_SECONDS": "1"}).start()
    try:
        row = wait_for(lambda: WorkerHeartbeat.objects.filter(consuming=True).first(), timeout=30)
        assert row.pid == worker.proc.pid
        # An article waits (its extraction cannot finish instantly), the worker is consuming: 200.
        Article.objects.filter(pk=make_article(body="等待中的文章。").pk).update(
            extraction_status=ExtractionStatus.RUNNING
        )
        response = client.get("/healthz")
        assert response.status_code == 200, response.json()
        assert response.json()["checks"]["workers"]["consuming"] >= 1
        worker.kill()
        wait_for(lambda: client.get("/healthz").status_code == 503, timeout=15, interval=0.5)
    finally:
        worker.stop()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_that_stops_cleanly_removes_its_heartbeat():
    purge_broker()
    worker = WorkerProcess(extra_env={"FACTDESK_WORKER_HEARTBEAT_SECONDS": "1"}).start()
    wait_for(WorkerHeartbeat.objects.exists, timeout=30)
    article = article_ingest(text="外交部表示：「我們會持續關注。」").article
    wait_for(lambda: Article.objects.get(pk=article.pk).extraction_status == ExtractionStatus.DONE, timeout=60)
    instance = Article.objects.get(pk=article.pk).extraction_worker
    assert instance and WorkerHeartbeat.objects.filter(instance=instance, pid=worker.proc.pid).exists()
    worker.stop()
    assert not WorkerHeartbeat.objects.filter(instance=instance).exists()
