"""Drill: a real Celery worker keeps running through broker (Redis) outages and drains its backlog.

The broker is a private, persistent redis-server that the test stops (SIGTERM, as `docker stop`
does) and restarts. Each outage starts while the worker is busy with one long extraction and
waiting (BRPOP) for a second one: the state in which kombu 5.7's Redis transport used to kill the
worker with ``AttributeError: 'NoneType' object has no attribute 'hostname'`` while restoring the
unacknowledged message (see factdesk/broker.py).
"""

from __future__ import annotations

import time

import pytest

from claims.models import Statement
from factdesk import outbox
from sources.models import Article, ExtractionStatus, WorkerHeartbeat
from sources.services import article_ingest
from tests.claims.test_pipeline_worker import PARAGRAPH, big_article
from tests.conftest import WorkerProcess, wait_for
from tests.private_redis import PrivateRedis

OUTAGE_SECONDS = 20
ROUNDS = 2


def status(article_id: int) -> str:
    return Article.objects.filter(pk=article_id).values_list("extraction_status", flat=True).get()


@pytest.fixture
def broker_redis():
    server = PrivateRedis(persistent=True).start()
    from factdesk.celery import app

    def use(url: str | None) -> None:
        app.conf.broker_write_url = url
        app._pool = None  # drop cached connections and producers bound to the old broker
        app.amqp._producer_pool = None

    use(server.url())
    yield server
    use(None)
    server.cleanup()


@pytest.mark.worker
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_worker_survives_broker_outages_and_drains_the_backlog(broker_redis):
    worker = WorkerProcess(
        concurrency=2,
        extra_env={
            "CELERY_BROKER_URL": broker_redis.url(),
            "FACTDESK_STALE_SECONDS": "0",
            "FACTDESK_WORKER_HEARTBEAT_SECONDS": "1",
        },
    ).start()
    pid = worker.proc.pid
    articles: list[int] = []
    try:
        for round_ in range(ROUNDS):
            long = article_ingest(text=big_article(1500, f"outage-{round_}")).article
            articles.append(long.pk)
            wait_for(lambda pk=long.pk: status(pk) == ExtractionStatus.RUNNING, timeout=90, interval=0.02)
            time.sleep(0.5)  # the consumer is back in BRPOP, waiting for work for its second process
            connected_before = worker.output().count("Connected to redis")

            broker_redis.stop()
            went_down = time.monotonic()
            # Articles arriving during the outage are stored pending (the outbox) and swept later.
            for i in range(3):
                articles.append(article_ingest(text=PARAGRAPH.format(n=i + 1) + f"(停機 {round_}-{i})").article.pk)
            # The worker's heartbeat goes on (it is alive) but says it is not consuming.
            wait_for(lambda: WorkerHeartbeat.objects.filter(pid=pid, consuming=False).exists(), timeout=10)
            time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - went_down)))
            assert worker.proc.poll() is None, f"worker died during outage {round_}:\n{worker.output()[-4000:]}"

            broker_redis.start()
            wait_for(lambda n=connected_before: worker.output().count("Connected to redis") > n, timeout=60)
            assert worker.proc.poll() is None, f"worker died after outage {round_}:\n{worker.output()[-4000:]}"
            wait_for(lambda: WorkerHeartbeat.objects.filter(pid=pid, consuming=True).exists(), timeout=10)

        # The backlog: whatever was queued or running before the outages, and what arrived during them.
        assert outbox.enqueue("claims.tasks.sweep_pending_articles_task")
        wait_for(
            lambda: (
                not Article.objects.filter(pk__in=articles).exclude(extraction_status=ExtractionStatus.DONE).exists()
            ),
            timeout=240,
            interval=0.5,
        )
        assert worker.proc.poll() is None and worker.proc.pid == pid
        assert "Unrecoverable error" not in worker.output()
    finally:
        worker.stop()
    for article_id in articles:
        spans = list(Statement.objects.filter(article_id=article_id).values_list("start", "end"))
        assert spans and len(spans) == len(set(spans))  # extracted, and only once
