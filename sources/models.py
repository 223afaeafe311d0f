"""Sources data: outlets, feeds, articles exactly as received, and the record of every fetch."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Language(models.TextChoices):
    ZH_HANT = "zh-Hant", "繁體中文"
    ZH_HANS = "zh-Hans", "简体中文"
    EN = "en", "English"
    OTHER = "other", "Other"


class Outlet(models.Model):
    """A publisher whose articles we ingest."""
    name = models.CharField(max_length=200, unique=True)
    home_url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=8, choices=Language.choices, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed of an outlet, polled by Celery beat."""
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    poll_interval_minutes = models.PositiveIntegerField(default=30)
    # Conditional-request validators from the last successful fetch.
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    flagged = models.BooleanField(default=False, help_text="Failing repeatedly; polling paused until a person looks.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet__name", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class IngestChannel(models.TextChoices):
    ADMIN = "admin", "Admin"
    API = "api", "API"
    COMMAND = "command", "Command"
    FEED = "feed", "Feed"
    URL = "url", "URL"
    SAMPLE = "sample", "Sample"


class Article(models.Model):
    """One article, its body exactly as received (never edited after ingest).

    The row in state ``pending`` is the durable outbox for extraction: the Celery task is only a
    wake-up call, and the beat sweep re-enqueues whatever is left pending.
    """
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles")
    url = models.CharField(max_length=2000, blank=True, default="")
    # A changed text at a known URL is stored as a new version; earlier versions are kept.
    version = models.PositiveIntegerField(default=1)
    previous_version = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version"
    )
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    language = models.CharField(max_length=8, choices=Language.choices, blank=True)
    body = models.TextField()
    raw_html = models.TextField(blank=True, help_text="The HTML as received, when the article came as HTML.")
    content_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=10, choices=IngestChannel.choices, default=IngestChannel.COMMAND)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING, db_index=True
    )
    extraction_error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    extraction_attempts = models.PositiveIntegerField(default=0)
    extraction_ms = models.PositiveIntegerField(null=True, blank=True)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extraction_finished_at = models.DateTimeField(null=True, blank=True)
    # The worker instance (WorkerHeartbeat.instance) that last marked it running: when that worker's
    # heartbeat goes stale the sweep re-queues the article instead of waiting for the hard limit.
    extraction_worker = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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
    OK = "ok", "Fetched"
    NOT_MODIFIED = "not_modified", "Not modified"
    HTTP_ERROR = "http_error", "HTTP error"
    NETWORK_ERROR = "network_error", "Network error"
    REFUSED = "refused", "Refused"
    TOO_LARGE = "too_large", "Too large"
    PARSE_ERROR = "parse_error", "Parse error"


class FetchLog(models.Model):
    """One HTTP fetch of a feed or an article page: when, status, size, time and outcome."""
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, null=True, blank=True, related_name="fetches")
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, null=True, blank=True, related_name="fetches")
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="fetches")
    url = models.CharField(max_length=2000)
    started_at = models.DateTimeField(db_index=True)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    bytes_received = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, choices=FetchOutcome.choices)
    detail = models.TextField(blank=True)
    new_entries = models.PositiveIntegerField(default=0)

    class Meta:
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
    instance = models.CharField(max_length=100, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    consuming = models.BooleanField(default=False)

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"{self.instance} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
