"""Sources data: outlets, feeds, articles exactly as received, and the record of every fetch."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ZH_HANT = "zh-Hant", _("繁體中文")
    ZH_HANS = "zh-Hans", _("简体中文")
    EN = "en", _("English")
    OTHER = "other", _("Other")


class Outlet(models.Model):
    """A publisher whose articles we ingest."""
    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    home_url = models.URLField(max_length=500, blank=True, verbose_name=_("home url"))
    language = models.CharField(max_length=8, choices=Language.choices, blank=True, verbose_name=_("language"))
    country = models.CharField(max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2"), verbose_name=_("country"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed of an outlet, polled by Celery beat."""
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds", verbose_name=_("outlet"))
    url = models.URLField(max_length=1000, unique=True, verbose_name=_("url"))
    title = models.CharField(max_length=300, blank=True, verbose_name=_("title"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    poll_interval_minutes = models.PositiveIntegerField(default=30, verbose_name=_("poll interval minutes"))
    # Conditional-request validators from the last successful fetch.
    etag = models.CharField(max_length=300, blank=True, verbose_name=_("etag"))
    last_modified = models.CharField(max_length=100, blank=True, verbose_name=_("last modified"))
    last_polled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last polled at"))
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True, verbose_name=_("next poll at"))
    consecutive_failures = models.PositiveIntegerField(default=0, verbose_name=_("consecutive failures"))
    flagged = models.BooleanField(default=False, help_text=_("Failing repeatedly; polling paused until a person looks."), verbose_name=_("flagged"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["outlet__name", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class IngestChannel(models.TextChoices):
    ADMIN = "admin", _("Admin")
    API = "api", _("API")
    COMMAND = "command", _("Command")
    FEED = "feed", _("Feed")
    URL = "url", _("URL")
    SAMPLE = "sample", _("Sample")


class Article(models.Model):
    """One article, its body exactly as received (never edited after ingest).

    The row in state ``pending`` is the durable outbox for extraction: the Celery task is only a
    wake-up call, and the beat sweep re-enqueues whatever is left pending.
    """
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("outlet"))
    url = models.CharField(max_length=2000, blank=True, default="", verbose_name=_("url"))
    # A changed text at a known URL is stored as a new version; earlier versions are kept.
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    previous_version = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version", verbose_name=_("previous version")
    )
    title = models.CharField(max_length=500, blank=True, verbose_name=_("title"))
    byline = models.CharField(max_length=300, blank=True, verbose_name=_("byline"))
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, verbose_name=_("published at"))
    language = models.CharField(max_length=8, choices=Language.choices, blank=True, verbose_name=_("language"))
    body = models.TextField(verbose_name=_("body"))
    raw_html = models.TextField(blank=True, help_text=_("The HTML as received, when the article came as HTML."), verbose_name=_("raw html"))
    content_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=10, choices=IngestChannel.choices, default=IngestChannel.COMMAND, verbose_name=_("channel"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("submitted by")
    )
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING, db_index=True, verbose_name=_("extraction status")
    )
    extraction_error = models.TextField(blank=True, verbose_name=_("extraction error"))
    extractor_version = models.CharField(max_length=40, blank=True, verbose_name=_("extractor version"))
    extraction_attempts = models.PositiveIntegerField(default=0, verbose_name=_("extraction attempts"))
    extraction_ms = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("extraction ms"))
    extraction_started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("extraction started at"))
    extraction_finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("extraction finished at"))
    # The worker instance (WorkerHeartbeat.instance) that last marked it running: when that worker's
    # heartbeat goes stale the sweep re-queues the article instead of waiting for the hard limit.
    extraction_worker = models.CharField(max_length=100, blank=True, verbose_name=_("extraction worker"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url", "version"], condition=~Q(url=""), name="article_url_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="article_version_positive"),
        ]
        indexes = [
            models.Index(fields=["extraction_status", "updated_at"], name="article_status_updated_idx"),
            models.Index(fields=["url"], name="article_url_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def clean(self) -> None:
        if "\x00" in (self.body or ""):
            raise ValidationError({"body": "The text contains NUL bytes."})


class FetchOutcome(models.TextChoices):
    OK = "ok", _("Fetched")
    NOT_MODIFIED = "not_modified", _("Not modified")
    HTTP_ERROR = "http_error", _("HTTP error")
    NETWORK_ERROR = "network_error", _("Network error")
    REFUSED = "refused", _("Refused")
    TOO_LARGE = "too_large", _("Too large")
    PARSE_ERROR = "parse_error", _("Parse error")


class FetchLog(models.Model):
    """One HTTP fetch of a feed or an article page: when, status, size, time and outcome."""
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, null=True, blank=True, related_name="fetches", verbose_name=_("outlet"))
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, null=True, blank=True, related_name="fetches", verbose_name=_("feed"))
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="fetches", verbose_name=_("article"))
    url = models.CharField(max_length=2000, verbose_name=_("url"))
    started_at = models.DateTimeField(db_index=True, verbose_name=_("started at"))
    status_code = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("status code"))
    bytes_received = models.PositiveIntegerField(default=0, verbose_name=_("bytes received"))
    duration_ms = models.PositiveIntegerField(default=0, verbose_name=_("duration ms"))
    outcome = models.CharField(max_length=20, choices=FetchOutcome.choices, verbose_name=_("outcome"))
    detail = models.TextField(blank=True, verbose_name=_("detail"))
    new_entries = models.PositiveIntegerField(default=0, verbose_name=_("new entries"))

    class Meta:
        verbose_name = _("fetch log")
        verbose_name_plural = _("fetch logs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.url} {self.outcome}"


class WorkerHeartbeatQuerySet(models.QuerySet):
    def alive(self, *, within_seconds: int, now=None) -> WorkerHeartbeatQuerySet:
        """Workers whose last beat is at most ``within_seconds`` old."""
        now = now or timezone.now()
        return self.filter(beat_at__gte=now - timezone.timedelta(seconds=within_seconds))


class WorkerHeartbeat(models.Model):
    """Proof of life of one Celery worker process, written every few seconds by the worker itself.

    One row per worker start (``instance`` is the node name plus a random id, so a restarted worker
    with the same host name and pid is a new instance). ``consuming`` says whether its consumer was
    connected to the broker at the last beat: alive and consuming means extraction can progress.
    """
    instance = models.CharField(max_length=100, unique=True, verbose_name=_("instance"))
    hostname = models.CharField(max_length=255, verbose_name=_("hostname"))
    pid = models.PositiveIntegerField(verbose_name=_("pid"))
    started_at = models.DateTimeField(verbose_name=_("started at"))
    beat_at = models.DateTimeField(db_index=True, verbose_name=_("beat at"))
    consuming = models.BooleanField(default=False, verbose_name=_("consuming"))

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"{self.instance} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
