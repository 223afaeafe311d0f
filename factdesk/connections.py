"""Database connection reuse between requests and tasks (wiring, no models).

Django checks a reused connection (CONN_HEALTH_CHECKS) with a SELECT 1 round trip before the first
query of every request and, through factdesk.celery, of every task. A connection this thread used
less than RECENT_SECONDS ago is trusted without it: under load, requests and tasks come back to
back and the check was one round trip in seven of an article's POST. A connection that failed is
still closed (Django's errors_occurred check, claims.tasks' close on OperationalError), and an
idle one is still checked.
"""

from __future__ import annotations

import threading
import time

from django.core.signals import request_finished, request_started
from django.db import connections

RECENT_SECONDS = 1.0
_local = threading.local()


def released(**_kwargs) -> None:
    """A request or task of this thread ended: its connections were just used."""
    _local.ended = time.monotonic()


def trust_recent(**_kwargs) -> None:
    """After close_old_connections(): skip the health check of a connection used a moment ago."""
    if time.monotonic() - getattr(_local, "ended", float("-inf")) >= RECENT_SECONDS:
        return
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None:
            conn.health_check_done = True


# Connected after django.db's own close_old_connections receivers (imported first), so this runs
# once Django has decided whether the connection is kept.
request_started.connect(trust_recent, dispatch_uid="factdesk.connections.trust_recent")
request_finished.connect(released, dispatch_uid="factdesk.connections.released")
