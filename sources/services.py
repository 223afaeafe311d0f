"""Sources services: every write to outlets and articles (ingest is the one door in)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from sources.cleaning import (
    IngestError,
    check_text,
    content_hash,
    guess_language,
    html_to_article,
    looks_like_html,
)
from sources.models import Article, ExtractionStatus, IngestChannel, Language, Outlet

logger = logging.getLogger(__name__)

ERROR_BAD_LANGUAGE = "Unknown language code {value!r}; use zh-Hant, zh-Hans, en or other."


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    duplicate_reason: str = ""  # "content" or "url" when an existing article was returned


def outlet_get_or_create(*, name: str, home_url: str = "", language: str = "", country: str = "") -> Outlet:
    """The outlet with this name, created with the given details when new."""
    name = name.strip()[:200]
    outlet, _ = Outlet.objects.get_or_create(
        name=name, defaults={"home_url": home_url, "language": language, "country": country.upper()[:2]}
    )
    return outlet


def _notify_ingested(article_id: int) -> None:
    """Run the configured after-ingest hooks (claims enqueues extraction) once the row is committed.

    sources does not import claims: the hook is named in settings (FACTDESK_ARTICLE_INGESTED_HOOKS).
    """
    for path in getattr(settings, "FACTDESK_ARTICLE_INGESTED_HOOKS", []):
        hook = import_string(path)
        hook(article_id)


@transaction.atomic
def article_ingest(
    *,
    text: str,
    outlet: Outlet | None = None,
    url: str = "",
    title: str = "",
    byline: str = "",
    published_at: dt.datetime | None = None,
    language: str = "",
    channel: str = IngestChannel.COMMAND,
    user=None,
    allow_new_version: bool = False,
) -> IngestResult:
    """Store one article once; a duplicate (same text, or same URL) returns the stored one.

    HTML is reduced to its main text (the HTML is kept beside it). The body is stored exactly as
    received and never edited. A known URL with a different text returns the stored article,
    unless ``allow_new_version`` (feed polling) asks to keep the changed text as a new version.
    Extraction is enqueued after commit; if the broker is down the pending row waits for the sweep.
    """
    if text is None:
        raise IngestError("No article text was given.")
    raw_html = ""
    if looks_like_html(text):
        raw_html = text
        cleaned = html_to_article(text)
        text = cleaned.text
        title = title or cleaned.title
        byline = byline or cleaned.byline
        if published_at is None and cleaned.date:
            try:
                published_at = dt.datetime.fromisoformat(cleaned.date)
            except ValueError:
                published_at = None
    text = check_text(text, limit=settings.FACTDESK_MAX_ARTICLE_CHARS)
    if language and language not in Language.values:
        raise IngestError(ERROR_BAD_LANGUAGE.format(value=language), field="language")
    url = (url or "").strip()
    if len(url) > 2000:
        raise IngestError("The URL is longer than 2,000 characters.", field="url")
    if published_at is not None and published_at.tzinfo is None:
        from django.utils import timezone

        published_at = timezone.make_aware(published_at)
    digest = content_hash(text)

    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(existing, created=False, duplicate_reason="content")
    previous = None
    if url:
        previous = Article.objects.filter(url=url).order_by("-version").first()
        if previous is not None and not allow_new_version:
            return IngestResult(previous, created=False, duplicate_reason="url")

    article = Article(
        outlet=outlet,
        url=url,
        version=previous.version + 1 if previous else 1,
        previous_version=previous,
        title=title.strip()[:500],
        byline=byline.strip()[:300],
        published_at=published_at,
        language=language or guess_language(text),
        body=text,
        raw_html=raw_html,
        content_hash=digest,
        channel=channel,
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
        extraction_status=ExtractionStatus.PENDING,
    )
    try:
        # A savepoint, so that losing a race to a concurrent identical submission leaves the
        # outer transaction usable and we can return the winner.
        with transaction.atomic():
            article.save()
    except IntegrityError:
        winner = Article.objects.filter(content_hash=digest).first()
        if winner is None and url:
            winner = Article.objects.filter(url=url).order_by("-version").first()
        if winner is None:
            raise
        return IngestResult(winner, created=False, duplicate_reason="content" if winner.content_hash == digest else "url")
    transaction.on_commit(lambda: _notify_ingested(article.pk))
    logger.info("ingested article %s (%s chars) via %s", article.pk, len(text), channel)
    return IngestResult(article, created=True)


def article_mark_pending(article: Article) -> Article:
    """Put an article back in the extraction outbox (re-run requested)."""
    Article.objects.filter(pk=article.pk).update(extraction_status=ExtractionStatus.PENDING, extraction_error="")
    transaction.on_commit(lambda: _notify_ingested(article.pk))
    article.refresh_from_db()
    return article
