"""Sources Celery tasks (interfaces): ids in, one service call each; feed polling and URL fetching."""

from __future__ import annotations

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import InterfaceError, OperationalError

from factdesk import outbox
from sources import services
from sources.cleaning import IngestError
from sources.models import Outlet

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=3,
)
def poll_feed_task(feed_id: int, force: bool = False) -> dict:
    """Poll one feed (a deleted, flagged or inactive feed is a no-op); failures are recorded, not retried."""
    result = services.feed_poll(feed_id, force=force)
    return {
        "feed": result.feed_id,
        "outcome": result.outcome,
        "new_articles": result.new_articles,
        "new_versions": result.new_versions,
        "failed_entries": result.failed_entries,
    }


@shared_task(acks_late=True, ignore_result=True)
def poll_due_feeds_task() -> int:
    """Beat: hand every due feed to a worker (each feed is leased, so a second tick skips it)."""
    ids = services.feeds_due()
    sent = sum(outbox.enqueue("sources.tasks.poll_feed_task", feed_id) for feed_id in ids)
    if ids:
        logger.info("enqueued %s of %s due feeds", sent, len(ids))
    return sent


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    max_retries=3,
)
def fetch_url_task(url: str, user_id: int | None = None, outlet_id: int | None = None) -> dict:
    """Fetch and ingest one submitted URL; a refusal is recorded in the fetch log and returned."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    outlet = Outlet.objects.filter(pk=outlet_id).first() if outlet_id else None
    try:
        result = services.article_ingest_url(url, user=user, outlet=outlet)
    except IngestError as exc:
        return {"url": url, "error": exc.message}
    return {"url": url, "article": result.article.pk, "created": result.created}
