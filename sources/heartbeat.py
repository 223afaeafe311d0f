"""Worker heartbeat rows (sources service layer): written by the workers, read by /healthz and the sweep.

factdesk.heartbeat runs the beat in each worker; this module is what touches the database.
"""

from __future__ import annotations

import datetime as dt
import os

from django.db.models import Q
from django.utils import timezone

from sources.models import ExtractionStatus, WorkerHeartbeat

# Rows of workers that never said goodbye (killed) are dropped after this long.
_PRUNE_AFTER = dt.timedelta(days=1)


def heartbeat_record(*, instance: str, hostname: str, started_at: dt.datetime, consuming: bool) -> None:
    """Write this worker's beat (one upsert) and drop rows of workers gone for a day."""
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
    WorkerHeartbeat.objects.filter(instance=instance).delete()


def stranded_running_q(*, now: dt.datetime, stale_seconds: int) -> Q:
    """Articles running on a worker instance whose heartbeat is stale or gone (that worker died).

    Only rows that name their worker qualify, and only once they have been running for the stale
    interval themselves, so a worker that has just started a task is never second-guessed.
    """
    alive = WorkerHeartbeat.objects.alive(within_seconds=stale_seconds, now=now).values("instance")
    return (
        Q(extraction_status=ExtractionStatus.RUNNING, updated_at__lt=now - dt.timedelta(seconds=stale_seconds))
        & ~Q(extraction_worker="")
        & ~Q(extraction_worker__in=alive)
    )
