"""The sweep's rule for stranded extractions: re-queue what a dead worker was running, soon.

A running article names the worker instance that took it; that worker's heartbeat row says
whether it lives (factdesk.heartbeat). Rows without a worker fall back to the hard-limit rule.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims import services
from sources.models import Article, ExtractionStatus, WorkerHeartbeat
from tests.factories import make_article

pytestmark = pytest.mark.django_db

STALE = 30
HARD_LIMIT = 660


def running(worker: str, *, for_seconds: float) -> int:
    article = make_article(body=f"一篇正在抽取的文章（{worker}，{for_seconds}）。")
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.RUNNING,
        extraction_worker=worker,
        updated_at=timezone.now() - timezone.timedelta(seconds=for_seconds),
    )
    return article.pk


def beat(instance: str, *, seconds_ago: float) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        instance=instance,
        hostname="w@test",
        pid=1,
        started_at=now,
        beat_at=now - timezone.timedelta(seconds=seconds_ago),
        consuming=True,
    )


def swept() -> set[int]:
    return set(
        services.articles_needing_extraction(
            pending_seconds=120, running_seconds=HARD_LIMIT, worker_stale_seconds=STALE
        )
    )


def test_a_live_workers_long_extraction_is_left_alone():
    beat("alive:1", seconds_ago=3)
    assert running("alive:1", for_seconds=300) not in swept()


def test_a_dead_workers_article_is_requeued_once_its_heartbeat_is_stale():
    beat("dead:1", seconds_ago=STALE + 5)
    assert running("dead:1", for_seconds=STALE + 5) in swept()


def test_a_worker_without_any_heartbeat_row_counts_as_dead():
    assert running("vanished:1", for_seconds=STALE + 5) in swept()


def test_a_just_started_extraction_is_never_second_guessed():
    beat("dead:2", seconds_ago=STALE + 5)
    assert running("dead:2", for_seconds=2) not in swept()


def test_rows_without_a_worker_wait_for_the_hard_limit():
    assert running("", for_seconds=STALE + 5) not in swept()
    assert running("", for_seconds=HARD_LIMIT + 5) in swept()


def test_a_restarted_worker_with_the_same_host_name_does_not_adopt_the_dead_ones_articles():
    beat("celery@box:new", seconds_ago=1)  # same node name, new instance id
    assert running("celery@box:old", for_seconds=STALE + 5) in swept()
