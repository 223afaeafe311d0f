"""Claims data: speakers and aliases, statements, claims, stances, verdicts, partner keys and webhooks.

Models hold data and invariants only; every state change goes through ``claims.services``. Readers'
check requests live in ``claims.models.readers``, flip alerts in ``claims.models.flips`` (imported
at the end, so ``from claims.models import X`` works for every model).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone
from simple_history.models import HistoricalRecords

from claims.ratings import Rating
from sources.models import Article, Language


class ReviewState(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    GOVERNMENT = "government", "Government"
    PARTY = "party", "Party"
    MEDIA = "media", "Media outlet"
    GROUP = "group", "Group"
    ANONYMOUS = "anonymous", "Anonymous"


class Origin(models.TextChoices):
    CURATED = "curated", "Curated registry"
    EXTRACTED = "extracted", "Learned from text"
    REVIEWER = "reviewer", "Reviewer"


class Speaker(models.Model):
    """A person, institution, government, party, outlet or group that makes statements."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=15, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    title = models.CharField(max_length=300, blank=True, help_text="Role, e.g. Kremlin spokesman")
    country = models.CharField(max_length=2, blank=True)
    wikidata_id = models.CharField(max_length=20, null=True, blank=True, unique=True)
    registry_key = models.CharField(
        max_length=80, null=True, blank=True, unique=True, help_text="Key in the curated registry, if from there"
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    confirmed = models.BooleanField(default=False, help_text="A reviewer confirmed this speaker exists as named.")
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(wikidata_id__regex=r"^Q[0-9]+$") | Q(wikidata_id__isnull=True),
                                   name="speaker_wikidata_format"),
        ]
        indexes = [models.Index(fields=["confirmed", "origin"], name="speaker_confirmed_idx")]

    def __str__(self) -> str:
        return self.name


class Script(models.TextChoices):
    ZH_HANT = "zh-Hant", "Traditional"
    ZH_HANS = "zh-Hans", "Simplified"
    ZH = "zh", "Chinese (same in both scripts)"
    EN = "en", "Latin"
    OTHER = "other", "Other"


class SpeakerAlias(models.Model):
    """One written form of a speaker's name; looked up by its normalised form."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    # NFKC, Traditional folded to Simplified, case-folded (claims.extraction.normalize.normalize_alias).
    normalized = models.CharField(max_length=200, db_index=True)
    script = models.CharField(max_length=8, choices=Script.choices, default=Script.OTHER)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["speaker_id", "alias"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "alias"], name="alias_unique_per_speaker"),
            models.CheckConstraint(condition=~Q(normalized=""), name="alias_normalized_not_empty"),
        ]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.alias


class ClaimType(models.TextChoices):
    FACTUAL = "factual", "Factual"
    OPINION = "opinion", "Opinion"
    PREDICTION = "prediction", "Prediction"
    PROMISE = "promise", "Promise"


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    IN_REVIEW = "in_review", "Being checked"
    VERIFIED = "verified", "Checked"
    NOT_CHECKABLE = "not_checkable", "Not checkable"


class Claim(models.Model):
    """A proposition fact-checkers rate; linked to every statement that makes it."""

    text = models.TextField(help_text="The proposition, worded as it will be published.")
    slug = models.SlugField(max_length=120, allow_unicode=True)
    language = models.CharField(max_length=8, choices=Language.choices, blank=True)
    # Script- and punctuation-folded matching key shared with Statement.claim_key.
    key = models.CharField(max_length=64, blank=True, db_index=True)
    claim_type = models.CharField(max_length=12, choices=ClaimType.choices, default=ClaimType.FACTUAL)
    status = models.CharField(
        max_length=15, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED, db_index=True
    )
    published = models.BooleanField(default=False, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The verdict shown to the public: kept by claims.services.verdict_publish.
    current_verdict = models.ForeignKey(
        "Verdict", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_seen_at = models.DateTimeField(null=True, blank=True)
    # Segmented Simplified tokens plus character bigrams, for full-text search in both scripts.
    search_text = models.TextField(blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # The public modified time: moved by every change a reader or partner can see (verdict edits,
    # statements and stances accepted, rejected or moved, speaker renames and merges, claim merges,
    # withdrawal) and by nothing else. It drives updated_since, dateModified and page validators.
    modified_at = models.DateTimeField(default=timezone.now, db_default=Now())
    # When an editor withdrew the claim from the public (cleared if it is published again).
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["published", "-updated_at"], name="claim_published_updated_idx"),
            models.Index(fields=["published", "-modified_at"], name="claim_published_modified_idx"),
            models.Index(fields=["modified_at"], name="claim_modified_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    INDIRECT = "indirect", "Reported speech"


class Statement(models.Model):
    """One attribution in one article: who said what (exact span), when, where, via whom."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="statements")
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="statements")
    mention = models.CharField(max_length=200, blank=True, help_text="The speaker as written in the article.")
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=StatementKind.choices)
    language = models.CharField(max_length=8, choices=Language.choices, blank=True)
    said_on = models.DateField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    via = models.JSONField(default=list, blank=True, help_text="Relay chain, outermost last.")
    cue = models.CharField(max_length=100, blank=True)
    claim_key = models.CharField(max_length=64, blank=True, db_index=True)
    confidence = models.FloatField(default=0.5)
    extractor_version = models.CharField(max_length=40, blank=True)
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.CANDIDATE)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.CharField(max_length=300, blank=True)
    # A person fixed this candidate's span or speaker: a re-run of extraction never replaces it.
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    claim = models.ForeignKey(Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements")
    # Accepted into a published claim by someone who cannot publish: hidden until an editor does.
    held = models.BooleanField(default=False)
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="statement_span_nonempty"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="statement_span_unique_per_article"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="statement_confidence_range"
            ),
        ]
        indexes = [
            models.Index(fields=["review_state", "-created_at"], name="statement_queue_idx"),
            models.Index(fields=["claim", "review_state"], name="statement_claim_idx"),
            models.Index(fields=["speaker", "review_state"], name="statement_speaker_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.mention or self.speaker}: {self.text[:60]}"

    def clean(self) -> None:
        body = self.article.body if self.article_id else None
        if self.start is not None and self.end is not None:
            if not 0 <= self.start < self.end:
                raise ValidationError("Offsets must satisfy 0 <= start < end.")
            if body is not None:
                if self.end > len(body):
                    raise ValidationError("The span ends beyond the article body.")
                if self.text != body[self.start : self.end]:
                    raise ValidationError("The text must equal the article body between start and end.")


class Polarity(models.TextChoices):
    SUPPORT = "support", "Supports"
    OPPOSE = "oppose", "Opposes"
    NEUTRAL = "neutral", "Neutral"


class Stance(models.Model):
    """Who supports or opposes a claim or a statement, with the evidence."""

    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="stances")
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    claim = models.ForeignKey(Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="stances")
    # PROTECT: a stance is review work; deleting the statement it answers must not delete it.
    target_statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="stances_on"
    )
    evidence_statement = models.ForeignKey(
        Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="stances_evidenced"
    )
    article = models.ForeignKey(Article, on_delete=models.PROTECT, null=True, blank=True, related_name="stances")
    cue = models.CharField(max_length=300, blank=True, help_text="The words that show the stance.")
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    said_on = models.DateField(null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    # How likely the extractor's stance is right (holder, polarity and target), from its evidence;
    # the desk filters on it. ``evidence`` says what it rests on and how the target was linked.
    confidence = models.FloatField(default=0.5)
    evidence = models.CharField(max_length=200, blank=True)
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.CANDIDATE)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Accepted on a published claim by someone who cannot publish: hidden until an editor does.
    held = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(claim__isnull=False) | Q(target_statement__isnull=False), name="stance_has_target"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="stance_confidence_range"
            ),
        ]
        indexes = [models.Index(fields=["claim", "review_state"], name="stance_claim_idx")]

    def __str__(self) -> str:
        return f"{self.speaker} {self.polarity}"


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Verdict(models.Model):
    """A rating of a claim on the documented scale (claims.ratings), draft then published."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.CharField(max_length=15, choices=Rating.choices)
    summary = models.CharField(max_length=300, blank=True, help_text="One line shown next to the rating.")
    explanation = models.TextField()
    evidence_links = models.JSONField(default=list, blank=True, help_text='[{"url": ..., "title": ...}]')
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts")
    status = models.CharField(max_length=10, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic lock: a writer must name the version it read; a stale write is refused.
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-published_at"], name="verdict_status_published_idx")]
        permissions = [("publish_verdict", "Can publish verdicts")]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} ({self.status})"


class ChangeKind(models.TextChoices):
    CLAIM_EDIT = "claim_edit", "Claim wording or type"
    VERDICT_EDIT = "verdict_edit", "Verdict edit"
    CLAIM_MERGE = "claim_merge", "Claim merge"
    STATEMENT_EDIT = "statement_edit", "Statement span or speaker"
    STATEMENT_REJECT = "statement_reject", "Statement removed"
    STATEMENT_LINK = "statement_link", "Statement added"
    STANCE_REVIEW = "stance_review", "Stance accepted or rejected"
    SPEAKER_EDIT = "speaker_edit", "Speaker name or details"
    SPEAKER_MERGE = "speaker_merge", "Speaker merge"


class ChangeState(models.TextChoices):
    PENDING = "pending", "Waiting for an editor"
    PUBLISHED = "published", "Published"
    DISCARDED = "discarded", "Discarded"


class PendingChange(models.Model):
    """A change to published material proposed by someone who cannot publish; an editor decides.

    ``changes`` holds the proposed values, ``before`` the published ones when it was proposed (the
    diff the editor reads). Publishing replays the change through the same service as an editor.
    """

    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    # The published claim concerned (empty for a speaker change, which may touch many claims).
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, null=True, blank=True, related_name="pending_changes")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    other_speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, null=True, blank=True, related_name="+", help_text="The speaker merged away."
    )
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    stance = models.ForeignKey(Stance, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    other_claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, null=True, blank=True, related_name="+", help_text="The claim merged away."
    )
    changes = models.JSONField(default=dict, blank=True)
    before = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=ChangeState.choices, default=ChangeState.PENDING)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["state", "-proposed_at"], name="pendingchange_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id} ({self.get_state_display()})"


class PartnerScope(models.TextChoices):
    READ = "read", "Read"
    INGEST = "ingest", "Ingest"


class PartnerKey(models.Model):
    """An API key of a partner site: stored as a hash, shown once, revocable, scoped."""

    name = models.CharField(max_length=200)
    contact_email = models.EmailField(blank=True)
    prefix = models.CharField(max_length=12, unique=True, help_text="Public part, shown to identify the key.")
    key_hash = models.CharField(max_length=128)
    scopes = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"


class WebhookEvent(models.TextChoices):
    VERDICT_PUBLISHED = "verdict.published", "Verdict published"
    VERDICT_CHANGED = "verdict.changed", "Verdict changed"
    VERDICT_WITHDRAWN = "verdict.withdrawn", "Verdict withdrawn (claim withdrawn or merged)"
    SPEAKER_FLIP = "speaker.flip", "Speaker changed position (confirmed flip)"


class WebhookSubscription(models.Model):
    """A partner's subscription to verdict events, for all claims or chosen speakers/claims."""

    partner = models.ForeignKey(PartnerKey, on_delete=models.CASCADE, related_name="subscriptions")
    url = models.URLField(max_length=1000)
    secret = models.CharField(max_length=128, help_text="HMAC-SHA256 signing secret.")
    events = models.JSONField(default=list)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="+")
    claims = models.ManyToManyField(Claim, blank=True, related_name="+")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One event sent to one subscription, with every attempt's outcome."""

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    # How long the last attempt took (connect, send, status line). Response bodies are never kept:
    # a receiver's reply is the receiver's business, and could be an internal service's.
    duration_ms = models.PositiveIntegerField("duration (ms)", null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event} -> {self.subscription_id} ({self.status})"


from claims.models.flips import Flip, FlipKind, FlipState  # noqa: E402  (models of this package, defined above first)
from claims.models.readers import CheckRequest, CheckRequestGroup, RequestGroupStatus  # noqa: E402

__all__ = [
    "ChangeKind", "ChangeState", "CheckRequest", "CheckRequestGroup", "Claim", "ClaimType", "DeliveryStatus",
    "Flip", "FlipKind", "FlipState", "Origin", "PartnerKey", "PartnerScope", "PendingChange", "Polarity",
    "RequestGroupStatus", "ReviewState", "Script", "Speaker", "SpeakerAlias", "SpeakerKind", "Stance", "Statement",
    "StatementKind", "Verdict", "VerdictStatus", "VerificationStatus", "WebhookDelivery", "WebhookEvent",
    "WebhookSubscription",
]
