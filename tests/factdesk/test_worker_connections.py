"""Connection reuse (factdesk.connections, wired in factdesk.celery for tasks and on Django's request
signals): the health check of a reused connection (a SELECT 1 round trip) is skipped for one that
this thread used a moment ago, and kept after an idle spell."""

from __future__ import annotations

import pytest
from django.db import connection

from factdesk import celery as worker_signals
from factdesk import connections


class _Task:
    class request:  # noqa: N801 - the shape of a Celery task's request
        is_eager = False


@pytest.mark.django_db(transaction=True)
def test_health_check_runs_after_idle_and_not_between_back_to_back_tasks(monkeypatch):
    connection.ensure_connection()
    monkeypatch.setattr(connections._local, "ended", float("-inf"), raising=False)
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is False  # idle (or the first task): Django checks before use

    worker_signals._task_ended(sender=_Task)
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is True  # the previous task just used it

    monkeypatch.setattr(connections._local, "ended", connections._local.ended - 60)
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is False


@pytest.fixture
def production_receiver_order():
    """Django's test client disconnects and reconnects close_old_connections around each request,
    which appends it after factdesk.connections' receiver; a server process keeps the import order
    (Django's first). Put that order back for the test, and the tests' own order afterwards."""
    from django.core.signals import request_started
    from django.db import close_old_connections

    saved = list(request_started.receivers)
    request_started.disconnect(close_old_connections)
    request_started.disconnect(dispatch_uid="factdesk.connections.trust_recent")
    request_started.connect(close_old_connections)
    request_started.connect(connections.trust_recent, dispatch_uid="factdesk.connections.trust_recent")
    yield
    with request_started.lock:
        request_started.receivers[:] = saved
        request_started.sender_receivers_cache.clear()


def test_a_server_process_runs_djangos_connection_check_before_the_trust():
    """The order the behaviour below depends on, as a fresh process (no test client) has it."""
    import json
    import os
    import subprocess
    import sys

    code = ("import json, django; django.setup(); import factdesk.connections; "
            "from django.core.signals import request_started as s; "
            "print(json.dumps([getattr(r(), '__name__', '') for _, r, *_ in s.receivers]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "DJANGO_SETTINGS_MODULE": "factdesk.settings"})
    names = json.loads(out.stdout.strip().splitlines()[-1])
    assert names.index("close_old_connections") < names.index("trust_recent"), out.stdout + out.stderr


@pytest.mark.django_db(transaction=True)
def test_back_to_back_requests_skip_the_check_and_an_idle_one_does_not(monkeypatch, production_receiver_order):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    connection.ensure_connection()
    request_finished.send(sender=None)
    close_old_connections()
    request_started.send(sender=None)
    assert connection.health_check_done is True
    monkeypatch.setattr(connections._local, "ended", connections._local.ended - 60)
    close_old_connections()
    request_started.send(sender=None)
    assert connection.health_check_done is False
