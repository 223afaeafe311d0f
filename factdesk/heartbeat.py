"""Worker heartbeat: each Celery worker proves it is alive and consuming, in the database.

A thread in the worker's main process writes its ``sources.WorkerHeartbeat`` row every
``FACTDESK_WORKER_HEARTBEAT_SECONDS``, with ``consuming`` = its consumer is connected to the broker
and running. The row lives in the database rather than in Redis so that /healthz and the sweep can
judge the workers even while Redis is down. Tasks record the worker instance that marked an article
running (``Article.extraction_worker``); when that instance's beat is older than
``FACTDESK_WORKER_STALE_SECONDS`` the worker is presumed dead (SIGKILL, OOM, lost machine) and the
sweep re-queues the article at once instead of waiting for the task's hard limit.

Signals are connected by factdesk.celery; nothing here runs in web processes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import uuid

from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)

# Rows of workers that never said goodbye (killed) are dropped after this long.
_PRUNE_AFTER = dt.timedelta(days=1)

# Set in the worker's main process before the pool forks, so its task processes inherit it.
_instance = ""
_stop = threading.Event()
_thread: threading.Thread | None = None


def worker_instance() -> str:
    """This worker's instance name (node name + random id), or "" outside a worker (eager mode)."""
    return _instance


def _consuming(consumer) -> bool:
    """Whether the consumer is running and connected (read from this thread without locking: a
    momentary wrong answer during a reconnect is corrected by the next beat)."""
    from celery.bootsteps import RUN

    try:
        blueprint = getattr(consumer, "blueprint", None)
        connection = getattr(consumer, "connection", None)
        return bool(
            blueprint is not None
            and blueprint.state == RUN
            and connection is not None
            and connection.connected
            and getattr(consumer, "task_consumer", None) is not None
        )
    except Exception:  # noqa: BLE001 - the consumer is mid-reconnect
        return False


def heartbeat_record(*, instance: str, hostname: str, started_at: dt.datetime, consuming: bool) -> None:
    """Write this worker's beat (one upsert) and drop rows of workers gone for a day."""
    from sources.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        instance=instance,
        defaults={
            "hostname": hostname,
            "pid": os.getpid(),
            "started_at": started_at,
            "beat_at": now,
            "consuming": consuming,
        },
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=now - _PRUNE_AFTER).delete()


def heartbeat_remove(instance: str) -> None:
    """A worker that stops cleanly removes its row (it finished its tasks: nothing is stranded)."""
    from sources.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(instance=instance).delete()


def _beat_loop(consumer, hostname: str, started_at: dt.datetime, interval: float) -> None:
    from django.db import close_old_connections, connection

    while not _stop.is_set():
        try:
            close_old_connections()
            heartbeat_record(
                instance=_instance, hostname=hostname, started_at=started_at, consuming=_consuming(consumer)
            )
        except Exception as exc:  # noqa: BLE001 - a database blip must not end the heartbeat
            logger.warning("worker heartbeat not written: %s", exc)
            connection.close()
        _stop.wait(interval)
    connection.close()


def on_worker_init(sender=None, **_kwargs) -> None:
    """celery ``worker_init``: name this worker instance before the pool forks."""
    global _instance  # noqa: PLW0603 - one value per worker process, inherited by its pool
    hostname = getattr(sender, "hostname", None) or "worker"
    _instance = f"{hostname}:{uuid.uuid4().hex[:12]}"[:100]


def on_worker_ready(sender=None, **_kwargs) -> None:
    """celery ``worker_ready`` (sender: the consumer): start beating."""
    global _thread  # noqa: PLW0603
    from django.conf import settings

    if not _instance or _thread is not None:
        return
    hostname = getattr(sender, "hostname", "") or _instance.split(":", 1)[0]
    _stop.clear()
    _thread = threading.Thread(
        target=_beat_loop,
        args=(sender, hostname, timezone.now(), float(settings.FACTDESK_WORKER_HEARTBEAT_SECONDS)),
        name="factdesk-heartbeat",
        daemon=True,
    )
    _thread.start()


def on_worker_shutdown(**_kwargs) -> None:
    """celery ``worker_shutdown``: stop beating and remove the row."""
    _stop.set()
    if _thread is not None:
        _thread.join(timeout=5)
    if _instance:
        try:
            heartbeat_remove(_instance)
        except Exception as exc:  # noqa: BLE001 - the row then goes stale, which is also correct
            logger.warning("worker heartbeat not removed: %s", exc)


def stranded_running_q(*, now: dt.datetime, stale_seconds: int) -> Q:
    """Articles running on a worker instance whose heartbeat is stale or gone (that worker died).

    Only rows that name their worker qualify, and only once they have been running for the stale
    interval themselves, so a worker that has just started a task is never second-guessed.
    """
    from sources.models import ExtractionStatus, WorkerHeartbeat

    alive = WorkerHeartbeat.objects.alive(within_seconds=stale_seconds, now=now).values("instance")
    return (
        Q(extraction_status=ExtractionStatus.RUNNING, updated_at__lt=now - dt.timedelta(seconds=stale_seconds))
        & ~Q(extraction_worker="")
        & ~Q(extraction_worker__in=alive)
    )
