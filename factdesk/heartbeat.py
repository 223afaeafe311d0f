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
import threading
import uuid

from celery.bootsteps import RUN
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

logger = logging.getLogger(__name__)

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


def _store():
    """sources.heartbeat, which touches models: imported only once the worker has set Django up
    (this module is imported by factdesk.celery, before Django is configured)."""
    from sources import heartbeat as store  # after django.setup(): the worker's own import order

    return store


def _beat_loop(consumer, hostname: str, started_at: dt.datetime, interval: float) -> None:
    store = _store()
    while not _stop.is_set():
        try:
            close_old_connections()
            store.heartbeat_record(
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
            _store().heartbeat_remove(_instance)
        except Exception as exc:  # noqa: BLE001 - the row then goes stale, which is also correct
            logger.warning("worker heartbeat not removed: %s", exc)
