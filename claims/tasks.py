"""Claims Celery tasks: ids in, one service call, retry policy; the article row is the outbox."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init
from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection

from claims import services
from claims.partners import webhooks
from factdesk import heartbeat, outbox

logger = logging.getLogger(__name__)

ERROR_TIME_LIMIT = "Extraction took longer than the time limit and was stopped."


def _warm_up(**_kwargs) -> None:
    """Each pool process loads the extractor as it starts, not during its first article (about half
    a second on 2 CPUs). Never fatal: the first task would do it anyway."""
    try:
        services.extraction_warm_up()
    except Exception as exc:  # noqa: BLE001 - a warm-up must not stop the worker
        logger.warning("extraction warm-up skipped: %s", exc)


worker_process_init.connect(_warm_up, weak=False)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    # IntegrityError: a concurrent run won a race on a unique row; the re-run finds that row.
    autoretry_for=(OperationalError, InterfaceError, IntegrityError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def extract_article_task(self, article_id: int, force: bool = False) -> dict:
    """Extract one article's statements, speakers and stances (idempotent; a deleted article is a no-op)."""
    try:
        outcome = services.article_extract(article_id, force=force, worker=heartbeat.worker_instance())
    except SoftTimeLimitExceeded:
        services.article_extraction_failed(article_id, ERROR_TIME_LIMIT)
        return {"article": article_id, "status": "failed"}
    except IntegrityError:
        raise
    except (OperationalError, InterfaceError):
        # Transient database trouble: drop the broken connection so the retry opens a new one.
        connection.close()
        raise
    except Exception as exc:  # bad input: a clear failed status, not an endless retry
        logger.exception("extraction of article %s failed", article_id)
        services.article_extraction_failed(article_id, f"{type(exc).__name__}: {exc}")
        return {"article": article_id, "status": "failed"}
    return {"article": outcome.article_id, "status": outcome.status, "statements": outcome.statements}


@shared_task(acks_late=True, ignore_result=True)
def speaker_directory_compact_task() -> int:
    """Keep the speaker directory's change log (what workers' gazetteer stamps read) short."""
    return services.speaker_directory_compact()


@shared_task(acks_late=True, ignore_result=True)
def sweep_pending_articles_task() -> int:
    """Re-enqueue articles left pending (broker was down) or stuck running (worker died).

    A killed worker's article is re-queued once its heartbeat is FACTDESK_WORKER_STALE_SECONDS old,
    i.e. within that plus one sweep interval; the hard-limit rule covers rows with no known worker.
    """
    ids = services.articles_needing_extraction(
        pending_seconds=settings.FACTDESK_STALE_SECONDS,
        running_seconds=settings.FACTDESK_RUNNING_STALE_SECONDS,
        worker_stale_seconds=settings.FACTDESK_WORKER_STALE_SECONDS,
    )
    sent = sum(outbox.enqueue("claims.tasks.extract_article_task", article_id) for article_id in ids)
    if ids:
        logger.info("sweep re-enqueued %s of %s articles", sent, len(ids))
    return sent


@shared_task(bind=True, acks_late=True, max_retries=0)
def dispatch_verdict_event_task(self, event: str, verdict_id: int, claim_id: int) -> int:
    """Fan a verdict event out to matching webhook subscriptions (deliveries are separate tasks)."""
    return webhooks.dispatch_verdict_event(event, verdict_id, claim_id)


@shared_task(acks_late=True, max_retries=0, ignore_result=True)
def dispatch_claim_withdrawn_task(claim_id: int) -> int:
    """Tell subscribed partners that a claim left the public (withdrawn, or merged into another)."""
    return webhooks.dispatch_claim_withdrawn(claim_id)


@shared_task(acks_late=True, max_retries=0, ignore_result=True)
def dispatch_speaker_flip_task(flip_id: int) -> int:
    """Tell subscribed partners that an editor confirmed a speaker's change of position."""
    return webhooks.dispatch_speaker_flip(flip_id)


@shared_task(acks_late=True, ignore_result=True, autoretry_for=(OperationalError, InterfaceError),
             retry_backoff=2, max_retries=5)
def find_flips_task(speaker_id: int, claim_id: int) -> int:
    """Record candidate flips of one speaker on one claim after a review (idempotent)."""
    return len(services.flips_find(speaker_id, claim_id))


@shared_task(acks_late=True, ignore_result=True, autoretry_for=(OSError, OperationalError, InterfaceError),
             retry_backoff=30, retry_backoff_max=3600, max_retries=8)
def notify_check_requesters_task(claim_id: int) -> int:
    """E-mail the readers who asked about a claim now checked (each at most once; a failed mail retries)."""
    return services.check_requests_notify(claim_id)


@shared_task(acks_late=True, ignore_result=True)
def export_open_data_task() -> int:
    """The nightly open-data dump into the served folder (FACTDESK_OPEN_DATA_DIR); returns files written."""
    return len(services.open_data_export(settings.FACTDESK_OPEN_DATA_DIR))


@shared_task(acks_late=True, ignore_result=True)
def forget_reader_contacts_task() -> int:
    """Nightly: readers' contact addresses older than FACTDESK_READER_CONTACT_DAYS are cleared."""
    return services.check_request_contacts_forget()


@shared_task(bind=True, acks_late=True, max_retries=None, ignore_result=True)
def deliver_webhook_task(self, delivery_id: int) -> str:
    """One attempt at a webhook delivery; retried with exponential backoff until the attempt limit
    (the count lives on the delivery row, so a redelivered message cannot exceed it)."""
    outcome = webhooks.webhook_deliver(delivery_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status
