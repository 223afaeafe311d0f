"""Worker connection reuse (factdesk.celery): Django's per-use health check (a SELECT 1 round trip)
is skipped for a connection that served a task a moment ago, and kept after an idle spell."""

from __future__ import annotations

import pytest
from django.db import connection

from factdesk import celery as worker_signals


class _Task:
    class request:  # noqa: N801 - the shape of a Celery task's request
        is_eager = False


@pytest.mark.django_db(transaction=True)
def test_health_check_runs_after_idle_and_not_between_back_to_back_tasks(monkeypatch):
    connection.ensure_connection()
    monkeypatch.setattr(worker_signals, "_last_task_ended", [float("-inf")])
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is False  # idle (or first task): Django checks before use

    worker_signals._task_ended(sender=_Task)
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is True  # the previous task just used it

    monkeypatch.setattr(worker_signals, "_last_task_ended", [worker_signals._last_task_ended[0] - 60])
    worker_signals._fresh_connections(sender=_Task)
    assert connection.health_check_done is False
