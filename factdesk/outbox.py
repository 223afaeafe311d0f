"""Background work by task name, low in the stack: services queue work without importing tasks.

A service that needs follow-up work (extract an article, fan out a webhook, deliver it) calls
``enqueue_on_commit("claims.tasks.x_task", *args)``: the message is sent by name once the
transaction commits, so a worker never sees a row that was rolled back, and the service layer
does not depend on the task layer above it (Zulip's queue_json_publish idea). A broker that is
down is logged, never raised: the database row is the outbox and the beat sweeps catch up.
"""

from __future__ import annotations

import logging

from django.db import transaction
from kombu.exceptions import KombuError
from kombu.exceptions import OperationalError as BrokerError

from factdesk.celery import app

logger = logging.getLogger(__name__)

# What a dead or unreachable broker raises from send_task: logged and left for the sweeps.
BROKER_ERRORS = (BrokerError, KombuError, OSError, TimeoutError)


def enqueue(task_name: str, *args) -> bool:
    """Send the task ``task_name`` with ``args`` now; False (logged) when the broker is unavailable.

    In eager mode (the embedded default: no broker) the task runs here, as ``delay()`` would.
    """
    try:
        if app.conf.task_always_eager:
            if task_name not in app.tasks:
                # Outside a worker nothing has imported the task modules yet: the loader does, once.
                app.loader.import_default_modules()
            app.tasks[task_name].apply(args=args)
        else:
            app.send_task(task_name, args=args)
    except BROKER_ERRORS as exc:
        logger.warning("broker unavailable, %s%s not sent (left for the sweep): %s", task_name, args, exc)
        return False
    return True


def enqueue_on_commit(task_name: str, *args) -> None:
    """Send ``task_name`` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: enqueue(task_name, *args))
