"""Celery application: configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_init, worker_ready, worker_shutdown
from django.db import close_old_connections

from factdesk import connections as db_connections
from factdesk import heartbeat
from factdesk.broker import patch_kombu_redis_channel

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
patch_kombu_redis_channel()  # a Redis outage must not end the worker (see factdesk/broker.py)

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Each worker proves in the database that it is alive and consuming (factdesk/heartbeat.py).
worker_init.connect(heartbeat.on_worker_init, weak=False)
worker_ready.connect(heartbeat.on_worker_ready, weak=False)
worker_shutdown.connect(heartbeat.on_worker_shutdown, weak=False)


def _is_eager(sender) -> bool:
    return bool(getattr(getattr(sender, "request", None), "is_eager", False))


def _fresh_connections(sender=None, **_kwargs) -> None:
    """Before each task in a worker, what Django does before each request: drop a database
    connection that is broken (CONN_HEALTH_CHECKS) or older than CONN_MAX_AGE, and check a reused
    one unless the previous task used it a moment ago (factdesk.connections). Celery's own per-task
    close is kept off by CELERY_DB_REUSE_MAX (settings), so a task does not open a new connection
    every time. Not for eager tasks: they run inside the caller's transaction."""
    if _is_eager(sender):
        return
    close_old_connections()
    db_connections.trust_recent()


def _task_ended(sender=None, **_kwargs) -> None:
    if not _is_eager(sender):
        db_connections.released()


task_prerun.connect(_fresh_connections, weak=False)
task_postrun.connect(_task_ended, weak=False)
