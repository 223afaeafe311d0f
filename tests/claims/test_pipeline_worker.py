"""Extraction with a real Celery worker on Redis: normal runs and injected faults.

Faults are real: the worker is SIGKILLed, a Redis server is stopped, PostgreSQL connections are
terminated by the server. Each test waits on database state, never on a fixed sleep.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
from django.db import connection
from django.utils import timezone

from claims import tasks
from claims.models import Statement
from factdesk import outbox
from sources.models import Article, ExtractionStatus
from sources.services import article_ingest
from tests.conftest import WorkerProcess, purge_broker, wait_for

PARAGRAPH = (
    "外交部長林佳龍{n}日在立法院受訪時表示:「台灣會持續與理念相近的國家深化合作,第{n}次重申。」"
    "他並強調,政府不會因為外部壓力而改變既定政策。國台辦發言人陳斌華回應稱,這種說法「毫無根據」。\n"
)


def big_article(paragraphs: int, seed: str) -> str:
    """A long article of distinct paragraphs (so extraction takes a while)."""
    return f"【{seed}】\n" + "".join(PARAGRAPH.format(n=i % 28 + 1) + f"({seed}-{i})\n" for i in range(paragraphs))


def status(article_id: int) -> str:
    return Article.objects.filter(pk=article_id).values_list("extraction_status", flat=True).get()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_extracts_an_ingested_article(celery_worker):
    article = article_ingest(text=PARAGRAPH.format(n=3) * 2 + "美國國務院發言人說:「我們支持和平。」").article
    wait_for(lambda: status(article.pk) == ExtractionStatus.DONE, timeout=90)
    assert Statement.objects.filter(article=article).exists()
    assert "extract_article_task" in celery_worker.output()


# Test heartbeat settings: beat every second, presumed dead after 4 s of silence (production: 10 s, 30 s).
WORKER_STALE_SECONDS = 4


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_killed_worker_mid_extraction_loses_nothing_and_duplicates_nothing(settings):
    settings.FACTDESK_WORKER_STALE_SECONDS = WORKER_STALE_SECONDS
    heartbeat_env = {"FACTDESK_WORKER_HEARTBEAT_SECONDS": "1"}
    purge_broker()
    worker = WorkerProcess(extra_env=heartbeat_env).start()
    try:
        article = article_ingest(text=big_article(2500, "kill")).article
        wait_for(lambda: status(article.pk) == ExtractionStatus.RUNNING, timeout=60, interval=0.02)
        worker.kill()
        killed_at = time.monotonic()
        assert status(article.pk) == ExtractionStatus.RUNNING  # killed before it could finish
        assert not Statement.objects.filter(article=article).exists()
    finally:
        worker.stop()
    assert Article.objects.get(pk=article.pk).extraction_worker  # the sweep knows whose article it was

    # The beat sweep re-queues the stranded article as soon as the dead worker's heartbeat is stale
    # (plus, in production, up to one FACTDESK_SWEEP_SECONDS), not after the task's hard limit
    # (FACTDESK_RUNNING_STALE_SECONDS, 660 s by default).
    wait_for(lambda: tasks.sweep_pending_articles_task() >= 1, timeout=WORKER_STALE_SECONDS + 15, interval=0.5)
    requeued_after = time.monotonic() - killed_at
    assert requeued_after <= WORKER_STALE_SECONDS + 2, requeued_after

    worker = WorkerProcess(extra_env=heartbeat_env).start()  # a worker comes back and takes the message
    try:
        wait_for(lambda: status(article.pk) == ExtractionStatus.DONE, timeout=240, interval=0.5)
    finally:
        worker.stop()
    article.refresh_from_db()
    assert article.extraction_attempts >= 2
    spans = list(Statement.objects.filter(article=article).values_list("start", "end"))
    assert spans and len(spans) == len(set(spans))  # extracted once: no duplicate statements


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateRedis:
    """A redis-server of this test's own, so stopping it disturbs nobody else."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(self._ping, timeout=20, interval=0.1)

    def _ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server not installed")
    server = PrivateRedis()
    server.start()
    from factdesk.celery import app

    def use(url: str | None) -> None:
        # broker_url is read through the CELERY_ namespace; the write URL overrides it directly.
        app.conf.broker_write_url = url
        app._pool = None  # drop cached connections and producers bound to the old broker
        app.amqp._producer_pool = None

    use(server.url)
    yield server
    server.stop()
    use(None)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_ingest_succeeds_while_redis_is_down_and_the_sweep_extracts_later(private_redis):
    private_redis.stop()  # the broker is down
    began = time.monotonic()
    article = article_ingest(text=PARAGRAPH.format(n=7) + "(Redis 停機時收到的稿件)").article
    # Not a performance assertion: the broker timeouts must keep a dead Redis from hanging ingest.
    assert time.monotonic() - began < 30
    assert Article.objects.filter(pk=article.pk, extraction_status=ExtractionStatus.PENDING).exists()

    private_redis.start()  # Redis is back (empty: the wake-up call was lost)
    worker = WorkerProcess(extra_env={"CELERY_BROKER_URL": private_redis.url, "FACTDESK_STALE_SECONDS": "0"}).start()
    try:
        Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timezone.timedelta(minutes=5))
        assert outbox.enqueue("claims.tasks.sweep_pending_articles_task")
        wait_for(lambda: status(article.pk) == ExtractionStatus.DONE, timeout=90)
    finally:
        worker.stop()
    assert Statement.objects.filter(article=article).exists()


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_task_retries_and_succeeds_when_postgres_drops_its_connection():
    purge_broker()
    worker = WorkerProcess().start()
    try:
        article = article_ingest(text=big_article(600, "pgdrop")).article
        wait_for(lambda: status(article.pk) == ExtractionStatus.RUNNING, timeout=60, interval=0.02)
        # The server ends every other session on this database: the worker's connection dies mid-task.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone()[0] >= 1
        wait_for(lambda: status(article.pk) == ExtractionStatus.DONE, timeout=240, interval=0.5)
        assert "Retry" in worker.output() or "retry" in worker.output()
    finally:
        worker.stop()
    spans = list(Statement.objects.filter(article=article).values_list("start", "end"))
    assert spans and len(spans) == len(set(spans))
