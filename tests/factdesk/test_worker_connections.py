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


@pytest.mark.django_db(transaction=True)
def test_back_to_back_requests_skip_the_check_and_an_idle_one_does_not(monkeypatch):
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
