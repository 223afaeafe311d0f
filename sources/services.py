"""Sources services: every write to outlets and articles (ingest is the one door in)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, IntegerField, Max, Q, Value, When
from django.utils import timezone
from django.utils.module_loading import import_string

from factdesk.queries import CompiledLookup
from sources import fetching
from sources.cleaning import (
    ERROR_ENCODING,
    SURROGATES,
    IngestError,
    PageMetadata,
    check_text,
    content_hash,
    guess_language,
    html_to_article,
    looks_like_html,
    page_metadata,
    title_from_text,
)
from sources.feeds import FeedEntry, FeedParseError, parse_feed
from sources.fetching import FetchError
from sources.models import Article, ExtractionStatus, Feed, FetchLog, FetchOutcome, IngestChannel, Language, Outlet

logger = logging.getLogger(__name__)

ERROR_BAD_LANGUAGE = "Unknown language code {value!r}; use zh-Hant, zh-Hans, en or other."


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    duplicate_reason: str = ""  # "content" or "url" when an existing article was returned


# The lookups of every ingest, compiled once per process (factdesk.queries: the ORM's compilation
# of these cost more CPU than the queries themselves).
_OUTLET_BY_NAME = CompiledLookup(lambda name: Outlet.objects.filter(name=name), 1)


def outlet_get_or_create(*, name: str, home_url: str = "", language: str = "", country: str = "") -> Outlet:
    """The outlet with this name, created with the given details when new."""
    name = name.strip()[:200]
    outlet = _OUTLET_BY_NAME.first(name)  # names are unique: the get of get_or_create
    if outlet is not None:
        return outlet
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


def article_ingest(
    *,
    text: str,
    outlet: Outlet | None = None,
    outlet_name: str = "",
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
    ``outlet_name`` names the outlet (created when new, in the same transaction) when ``outlet``
    is not given. Extraction is enqueued after commit; if the broker is down the pending row
    waits for the sweep.

    Called outside a transaction (the API), it is one transaction of three statements (outlet,
    duplicate check, insert); a concurrent identical submission that wins the race is found after
    the rollback. Inside a caller's transaction (a feed poll with its fetch log), the insert runs
    in a savepoint so that losing the race leaves the caller's transaction usable.
    """
    if text is None:
        raise IngestError("No article text was given.")
    if SURROGATES.search(text):  # before HTML parsing too: lxml cannot take lone surrogates
        raise IngestError(ERROR_ENCODING)
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
            published_at = timezone.make_aware(published_at)
    digest = content_hash(text)
    article = Article(
        outlet=outlet,
        url=url,
        # An untitled article is named by its first sentence, not "Article 7" on the desk.
        title=(title.strip() or title_from_text(text))[:500],
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
    if connection.in_atomic_block:
        return _article_store(article, outlet_name, allow_new_version, savepoint=True)
    try:
        with transaction.atomic():
            return _article_store(article, outlet_name, allow_new_version, savepoint=False)
    except IntegrityError:
        # A concurrent submission of the same text (or URL and version) committed first: its row
        # is visible now that ours is rolled back.
        winner = _stored_duplicate(digest, url)
        if winner is None:
            raise
        return IngestResult(winner, created=False, duplicate_reason="content" if winner.content_hash == digest else "url")


def _duplicate_query(digest: str, url: str | None = None):
    match = Q(content_hash=digest) | Q(url=url) if url is not None else Q(content_hash=digest)
    same_text_first = Case(When(content_hash=digest, then=Value(0)), default=Value(1), output_field=IntegerField())
    return Article.objects.filter(match).order_by(same_text_first, "-version")


_DUPLICATE_BY_TEXT = CompiledLookup(_duplicate_query, 1)
_DUPLICATE_BY_TEXT_OR_URL = CompiledLookup(_duplicate_query, 2)


def _stored_duplicate(digest: str, url: str) -> Article | None:
    """The stored article with this text, else the newest version at this URL: one query."""
    return _DUPLICATE_BY_TEXT_OR_URL.first(digest, url) if url else _DUPLICATE_BY_TEXT.first(digest)


def _article_store(article: Article, outlet_name: str, allow_new_version: bool, *, savepoint: bool) -> IngestResult:
    """The duplicate check and the insert of ``article_ingest`` (inside its transaction)."""
    digest, url = article.content_hash, article.url
    named = None
    if article.outlet_id is None and outlet_name.strip():
        article.outlet = named = outlet_get_or_create(name=outlet_name)
    previous = _stored_duplicate(digest, url)
    if previous is not None and named is not None and previous.outlet_id == named.pk:
        previous.outlet = named  # the row just read in this transaction: the answer names it without a query
    if previous is not None and previous.content_hash == digest:
        return IngestResult(previous, created=False, duplicate_reason="content")
    if previous is not None and not allow_new_version:
        return IngestResult(previous, created=False, duplicate_reason="url")
    article.version = previous.version + 1 if previous else 1
    article.previous_version = previous
    if not savepoint:
        article.save()
    else:
        try:
            # A savepoint, so that losing a race to a concurrent identical submission leaves the
            # caller's transaction usable and we can return the winner.
            with transaction.atomic():
                article.save()
        except IntegrityError:
            winner = _stored_duplicate(digest, url)
            if winner is None:
                raise
            return IngestResult(
                winner, created=False, duplicate_reason="content" if winner.content_hash == digest else "url"
            )
    transaction.on_commit(lambda: _notify_ingested(article.pk))
    logger.info("ingested article %s (%s chars) via %s", article.pk, len(article.body), article.channel)
    return IngestResult(article, created=True)


# --- Feeds and URL fetching ----------------------------------------------------------------------
# Network I/O happens outside any database transaction (a slow server must not hold a row lock or
# a connection in a transaction); each fetch's record and its ingest are then written atomically.

ERROR_FEED_FLAGGED = "This feed is flagged after repeated failures; reset the flag before polling it again."
ERROR_FEED_INACTIVE = "This feed is inactive."
ERROR_NOT_AN_ARTICLE = "The URL gives {content_type}, not an HTML page or text."
# A feed lists its latest entries; a first poll of a long feed takes at most this many.
FEED_MAX_ENTRIES_PER_POLL = 50
# The longest pause between polls of a failing feed, as a multiple of its interval.
FEED_MAX_BACKOFF = 16
_TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", ""}
_HTML_START = re.compile(r"<!doctype html|<html", re.IGNORECASE)


@dataclass(frozen=True)
class FeedPollResult:
    feed_id: int
    outcome: str  # a FetchOutcome value, or "skipped"
    new_articles: int = 0
    new_versions: int = 0
    failed_entries: int = 0
    detail: str = ""


def _fetch_log_record(
    *,
    url: str,
    started_at: dt.datetime,
    outcome: str,
    outlet: Outlet | None = None,
    feed: Feed | None = None,
    article: Article | None = None,
    status_code: int | None = None,
    bytes_received: int = 0,
    duration_ms: int = 0,
    detail: str = "",
    new_entries: int = 0,
) -> FetchLog:
    return FetchLog.objects.create(
        url=url[:2000],
        started_at=started_at,
        outcome=outcome,
        outlet=outlet,
        feed=feed,
        article=article,
        status_code=status_code,
        bytes_received=bytes_received,
        duration_ms=duration_ms,
        detail=detail,
        new_entries=new_entries,
    )


def _describe(result: IngestResult) -> str:
    article = result.article
    if result.created and article.version > 1:
        return f"New version {article.version} of the article at this URL (article {article.pk})."
    if result.created:
        return f"New article {article.pk}."
    return f"Duplicate of article {article.pk} (same {result.duplicate_reason})."


def _fetch_and_ingest(
    url: str,
    *,
    outlet: Outlet | None,
    feed: Feed | None,
    user,
    channel: str,
    allow_new_version: bool,
    entry: FeedEntry | None = None,
) -> IngestResult:
    """Fetch one page, ingest its main text, record the fetch; FetchError (recorded) when refused."""
    started_at = timezone.now()
    try:
        response = fetching.fetch(url)
        if response.content_type not in _TEXT_TYPES and not response.content_type.startswith("text/"):
            raise FetchError(
                ERROR_NOT_AN_ARTICLE.format(content_type=response.content_type),
                outcome=FetchOutcome.PARSE_ERROR,
                url=url,
                status_code=response.status_code,
                bytes_received=len(response.content),
                duration_ms=response.duration_ms,
            )
        text = response.text()
    except IngestError as exc:
        error = exc if isinstance(exc, FetchError) else FetchError(exc.message, outcome=FetchOutcome.PARSE_ERROR, url=url)
        _fetch_log_record(
            url=url,
            started_at=started_at,
            outcome=error.outcome,
            outlet=outlet,
            feed=feed,
            status_code=error.status_code,
            bytes_received=error.bytes_received,
            duration_ms=error.duration_ms,
            detail=error.message,
        )
        raise error from None
    is_html = response.content_type != "text/plain"
    if is_html and not looks_like_html(text) and (start := _HTML_START.search(text[:20_000])):
        text = text[start.start() :]  # a leading comment or XML declaration hides the HTML
    # The page's own metadata wins for date and byline; the feed entry fills what the page lacks.
    page = page_metadata(text) if is_html else PageMetadata(published="", author="")
    published_at = dt.datetime.fromisoformat(page.published) if page.published else None
    if published_at is None and entry is not None:
        published_at = entry.published_at or entry.updated_at
    base = {
        "url": url,
        "started_at": started_at,
        "outlet": outlet,
        "feed": feed,
        "status_code": response.status_code,
        "bytes_received": len(response.content),
        "duration_ms": response.duration_ms,
    }
    redirected = f" Redirected to {response.final_url}." if response.final_url != url else ""
    try:
        with transaction.atomic():
            result = article_ingest(
                text=text,
                outlet=outlet,
                url=response.final_url,
                title=entry.title if entry is not None else "",
                byline=page.author or (entry.author if entry is not None else ""),
                published_at=published_at,
                channel=channel,
                user=user,
                allow_new_version=allow_new_version,
            )
            _fetch_log_record(**base, outcome=FetchOutcome.OK, article=result.article, detail=_describe(result) + redirected)
    except IngestError as exc:
        _fetch_log_record(**base, outcome=FetchOutcome.PARSE_ERROR, detail=exc.message + redirected)
        raise FetchError(
            exc.message,
            outcome=FetchOutcome.PARSE_ERROR,
            url=url,
            status_code=response.status_code,
            bytes_received=len(response.content),
            duration_ms=response.duration_ms,
        ) from None
    return result


def article_ingest_url(
    url: str,
    *,
    user=None,
    outlet: Outlet | None = None,
    channel: str = IngestChannel.URL,
    feed: Feed | None = None,
    allow_new_version: bool = False,
) -> IngestResult:
    """Fetch a page and ingest its main text like any article; every fetch is recorded in FetchLog.

    A URL already stored is returned without fetching (unless ``allow_new_version``). Refusals
    (private address, too large, HTTP error, no text) raise FetchError, an IngestError whose
    message is fit to show the submitter.
    """
    url = (url or "").strip()
    if not url:
        raise FetchError(fetching.ERROR_SCHEME, outcome=FetchOutcome.REFUSED)
    if len(url) > 2000:
        raise IngestError("The URL is longer than 2,000 characters.", field="url")
    if not allow_new_version:
        existing = Article.objects.filter(url=url).order_by("-version").first()
        if existing is not None:
            return IngestResult(existing, created=False, duplicate_reason="url")
    if outlet is None and feed is not None:
        outlet = feed.outlet
    return _fetch_and_ingest(
        url, outlet=outlet, feed=feed, user=user, channel=channel, allow_new_version=allow_new_version
    )


def feed_save(feed: Feed) -> Feed:
    """Create or update a feed (admin); a new or re-activated feed is due for polling at once."""
    with transaction.atomic():
        if feed.pk is None or (feed.active and feed.next_poll_at is None):
            feed.next_poll_at = timezone.now()
        feed.full_clean()
        feed.save()
    return feed


def feed_reset(feed: Feed) -> Feed:
    """Clear a feed's failure flag and counter and make it due now (a person has looked at it)."""
    Feed.objects.filter(pk=feed.pk).update(flagged=False, consecutive_failures=0, next_poll_at=timezone.now())
    feed.refresh_from_db()
    return feed


def feeds_due(*, now: dt.datetime | None = None, limit: int = 500) -> list[int]:
    """Ids of active, unflagged feeds whose poll time has come, each leased for one interval.

    The lease (next_poll_at moved forward in the same transaction, rows locked with SKIP LOCKED on
    PostgreSQL) means two beat ticks or two dispatchers never hand out the same feed twice; the
    poll itself then sets the real next time.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            Feed.objects.select_for_update(skip_locked=True)
            .filter(active=True, flagged=False)
            .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
            .order_by(F("next_poll_at").asc(nulls_first=True), "pk")
            .values_list("pk", "poll_interval_minutes")[:limit]
        )
        for pk, minutes in rows:
            Feed.objects.filter(pk=pk).update(next_poll_at=now + dt.timedelta(minutes=max(1, minutes)))
    return [pk for pk, _ in rows]


def _feed_failed(feed: Feed, started_at: dt.datetime, error: FetchError) -> FeedPollResult:
    """Count a failed poll; at FACTDESK_FEED_MAX_FAILURES in a row the feed is flagged and stops."""
    now = timezone.now()
    with transaction.atomic():
        locked = Feed.objects.select_for_update().get(pk=feed.pk)
        failures = locked.consecutive_failures + 1
        flagged = failures >= settings.FACTDESK_FEED_MAX_FAILURES
        backoff = min(2 ** (failures - 1), FEED_MAX_BACKOFF)
        detail = error.message
        if flagged:
            detail += f" Flagged after {failures} failures in a row; polling stops until the flag is reset."
        Feed.objects.filter(pk=feed.pk).update(
            consecutive_failures=failures,
            flagged=flagged,
            last_polled_at=now,
            next_poll_at=None if flagged else now + dt.timedelta(minutes=max(1, locked.poll_interval_minutes) * backoff),
        )
        _fetch_log_record(
            url=feed.url,
            started_at=started_at,
            outcome=error.outcome,
            outlet=feed.outlet,
            feed=feed,
            status_code=error.status_code,
            bytes_received=error.bytes_received,
            duration_ms=error.duration_ms,
            detail=detail,
        )
    if flagged:
        logger.warning("feed %s flagged after %s failures: %s", feed.pk, failures, error.message)
    return FeedPollResult(feed.pk, error.outcome, detail=detail)


def _entries_to_fetch(feed: Feed, entries: tuple[FeedEntry, ...]) -> list[tuple[FeedEntry, bool]]:
    """The entries that are new (never fetched into an article) or updated since we last fetched them.

    Two queries for the whole feed: articles at these URLs (indexed) and this feed's earlier
    successful fetches of them (a redirected link is stored under its final URL, so the fetch
    log is what remembers the link itself).
    """
    urls = [entry.url for entry in entries]
    last_seen: dict[str, dt.datetime] = dict(
        Article.objects.filter(url__in=urls).values("url").annotate(last=Max("created_at")).values_list("url", "last")
    )
    fetched = (
        FetchLog.objects.filter(feed=feed, url__in=urls, article__isnull=False)
        .values("url")
        .annotate(last=Max("started_at"))
        .values_list("url", "last")
    )
    for url, last in fetched:
        last_seen[url] = max(last, last_seen.get(url, last))
    wanted: list[tuple[FeedEntry, bool]] = []
    for entry in entries:
        seen_at = last_seen.get(entry.url)
        if seen_at is None:
            wanted.append((entry, False))
        elif entry.updated_at is not None and entry.updated_at > seen_at:
            wanted.append((entry, True))  # the publisher says it changed after we fetched it
    return wanted


def feed_poll(feed_id: int, *, force: bool = False) -> FeedPollResult:
    """Poll one feed: conditional GET, then fetch and ingest each new or updated entry once.

    A changed article at a known URL becomes a new version (the reviewed one is never
    overwritten); an unchanged one is a duplicate and adds nothing. Feed failures are counted and
    flag the feed; a failing entry is recorded and does not fail the feed. ``force`` polls an
    inactive feed (admin "poll now"); a flagged feed is never polled until reset.
    """
    feed = Feed.objects.select_related("outlet").filter(pk=feed_id).first()
    if feed is None:
        return FeedPollResult(feed_id, "skipped", detail="The feed no longer exists.")
    if feed.flagged:
        return FeedPollResult(feed_id, "skipped", detail=ERROR_FEED_FLAGGED)
    if not feed.active and not force:
        return FeedPollResult(feed_id, "skipped", detail=ERROR_FEED_INACTIVE)
    started_at = timezone.now()
    try:
        response = fetching.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=fetching.ACCEPT_FEED
        )
        parsed = (
            None
            if response.not_modified
            else parse_feed(response.content, url=response.final_url, content_type=response.content_type)
        )
    except FetchError as exc:
        return _feed_failed(feed, started_at, exc)
    except FeedParseError as exc:
        error = FetchError(
            exc.message,
            outcome=FetchOutcome.PARSE_ERROR,
            url=feed.url,
            status_code=response.status_code,
            bytes_received=len(response.content),
            duration_ms=response.duration_ms,
        )
        return _feed_failed(feed, started_at, error)

    new_articles = new_versions = failed = 0
    if parsed is not None:
        for entry, updated in _entries_to_fetch(feed, parsed.entries[:FEED_MAX_ENTRIES_PER_POLL]):
            try:
                result = _fetch_and_ingest(
                    entry.url,
                    outlet=feed.outlet,
                    feed=feed,
                    user=None,
                    channel=IngestChannel.FEED,
                    allow_new_version=True,
                    entry=entry,
                )
            except IngestError:
                failed += 1  # recorded in the fetch log by _fetch_and_ingest
                continue
            if result.created and result.article.version > 1:
                new_versions += 1
            elif result.created:
                new_articles += 1
            elif updated:
                logger.info("feed %s: entry %s marked updated but its text is unchanged", feed.pk, entry.url)
    outcome = FetchOutcome.NOT_MODIFIED if parsed is None else FetchOutcome.OK
    if parsed is None:
        detail = "Not modified since the last poll."
    else:
        detail = (
            f"{len(parsed.entries)} entries: {new_articles} new articles, {new_versions} new versions,"
            f" {failed} failed."
        )
        if parsed.warning:
            detail += f" Feed warning: {parsed.warning[:300]}"
    now = timezone.now()
    with transaction.atomic():
        changes = {
            "consecutive_failures": 0,
            "last_polled_at": now,
            "next_poll_at": now + dt.timedelta(minutes=max(1, feed.poll_interval_minutes)),
            "etag": (response.etag or "")[:300],
            "last_modified": (response.last_modified or "")[:100],
        }
        if parsed is not None and parsed.title and not feed.title:
            changes["title"] = parsed.title
        Feed.objects.filter(pk=feed.pk).update(**changes)
        _fetch_log_record(
            url=feed.url,
            started_at=started_at,
            outcome=outcome,
            outlet=feed.outlet,
            feed=feed,
            status_code=response.status_code,
            bytes_received=len(response.content),
            duration_ms=response.duration_ms,
            detail=detail,
            new_entries=new_articles + new_versions,
        )
    return FeedPollResult(feed.pk, outcome, new_articles, new_versions, failed, detail)
