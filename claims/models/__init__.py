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
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.ratings import Rating
from sources.models import Article, Language


class ReviewState(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    GOVERNMENT = "government", _("Government")
    PARTY = "party", _("Party")
    MEDIA = "media", _("Media outlet")
    GROUP = "group", _("Group")
    ANONYMOUS = "anonymous", _("Anonymous")


class Origin(models.TextChoices):
    CURATED = "curated", _("Curated registry")
    EXTRACTED = "extracted", _("Learned from text")
    REVIEWER = "reviewer", _("Reviewer")


class Speaker(models.Model):
    """A person, institution, government, party, outlet or group that makes statements."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    slug = models.SlugField(max_length=220, unique=True, allow_unicode=True, verbose_name=_("slug"))
    kind = models.CharField(max_length=15, choices=SpeakerKind.choices, default=SpeakerKind.PERSON, verbose_name=_("kind"))
    title = models.CharField(max_length=300, blank=True, help_text=_("Role, e.g. Kremlin spokesman"), verbose_name=_("title"))
    country = models.CharField(max_length=2, blank=True, verbose_name=_("country"))
    wikidata_id = models.CharField(max_length=20, null=True, blank=True, unique=True, verbose_name=_("wikidata id"))
    registry_key = models.CharField(
        max_length=80, null=True, blank=True, unique=True, help_text=_("Key in the curated registry, if from there"), verbose_name=_("registry key")
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED, verbose_name=_("origin"))
    confirmed = models.BooleanField(default=False, help_text=_("A reviewer confirmed this speaker exists as named."), verbose_name=_("confirmed"))
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from", verbose_name=_("merged into")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(wikidata_id__regex=r"^Q[0-9]+$") | Q(wikidata_id__isnull=True),
                                   name="speaker_wikidata_format"),
        ]
        indexes = [models.Index(fields=["confirmed", "origin"], name="speaker_confirmed_idx")]

    def __str__(self) -> str:
        return self.name


class Script(models.TextChoices):
    ZH_HANT = "zh-Hant", _("Traditional")
    ZH_HANS = "zh-Hans", _("Simplified")
    ZH = "zh", _("Chinese (same in both scripts)")
    EN = "en", _("Latin")
    OTHER = "other", _("Other")


class SpeakerAlias(models.Model):
    """One written form of a speaker's name; looked up by its normalised form."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("speaker"))
    alias = models.CharField(max_length=200, verbose_name=_("alias"))
    # NFKC, Traditional folded to Simplified, case-folded (claims.extraction.normalize.normalize_alias).
    normalized = models.CharField(max_length=200, db_index=True, verbose_name=_("normalized"))
    script = models.CharField(max_length=8, choices=Script.choices, default=Script.OTHER, verbose_name=_("script"))
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED, verbose_name=_("origin"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("speaker alias")
        verbose_name_plural = _("speaker aliases")
        ordering = ["speaker_id", "alias"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "alias"], name="alias_unique_per_speaker"),
            models.CheckConstraint(condition=~Q(normalized=""), name="alias_normalized_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias


class ClaimType(models.TextChoices):
    FACTUAL = "factual", _("Factual")
    OPINION = "opinion", _("Opinion")
    PREDICTION = "prediction", _("Prediction")
    PROMISE = "promise", _("Promise")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    IN_REVIEW = "in_review", _("Being checked")
    VERIFIED = "verified", _("Checked")
    NOT_CHECKABLE = "not_checkable", _("Not checkable")


class Claim(models.Model):
    """A proposition fact-checkers rate; linked to every statement that makes it."""

    text = models.TextField(help_text=_("The proposition, worded as it will be published."), verbose_name=_("text"))
    slug = models.SlugField(max_length=120, allow_unicode=True, verbose_name=_("slug"))
    language = models.CharField(max_length=8, choices=Language.choices, blank=True, verbose_name=_("language"))
    # Script- and punctuation-folded matching key shared with Statement.claim_key.
    key = models.CharField(max_length=64, blank=True, db_index=True, verbose_name=_("key"))
    claim_type = models.CharField(max_length=12, choices=ClaimType.choices, default=ClaimType.FACTUAL, verbose_name=_("claim type"))
    status = models.CharField(
        max_length=15, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED, db_index=True, verbose_name=_("status")
    )
    published = models.BooleanField(default=False, db_index=True, verbose_name=_("published"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published at"))
    # The verdict shown to the public: kept by claims.services.verdict_publish.
    current_verdict = models.ForeignKey(
        "Verdict", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("current verdict")
    )
    first_seen_at = models.DateTimeField(null=True, blank=True, verbose_name=_("first seen at"))
    # Segmented Simplified tokens plus character bigrams, for full-text search in both scripts.
    search_text = models.TextField(blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("merged into"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, db_index=True, verbose_name=_("updated at"))
    # The public modified time: moved by every change a reader or partner can see (verdict edits,
    # statements and stances accepted, rejected or moved, speaker renames and merges, claim merges,
    # withdrawal) and by nothing else. It drives updated_since, dateModified and page validators.
    modified_at = models.DateTimeField(default=timezone.now, db_default=Now(), verbose_name=_("modified at"))
    # When an editor withdrew the claim from the public (cleared if it is published again).
    withdrawn_at = models.DateTimeField(null=True, blank=True, verbose_name=_("withdrawn at"))
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["published", "-updated_at"], name="claim_published_updated_idx"),
            models.Index(fields=["published", "-modified_at"], name="claim_published_modified_idx"),
            models.Index(fields=["modified_at"], name="claim_modified_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StatementKind(models.TextChoices):
    DIRECT = "direct", _("Direct quote")
    INDIRECT = "indirect", _("Reported speech")


class Statement(models.Model):
    """One attribution in one article: who said what (exact span), when, where, via whom."""

    # No single-column indexes where a composite one starts with the column (the span constraint,
    # statement_speaker_idx, statement_claim_idx): each index is written for every extracted row.
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="statements", db_index=False, verbose_name=_("article"))
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="statements", db_index=False, verbose_name=_("speaker"))
    mention = models.CharField(max_length=200, blank=True, help_text=_("The speaker as written in the article."), verbose_name=_("mention"))
    mention_start = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("mention start"))
    mention_end = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("mention end"))
    text = models.TextField(verbose_name=_("text"))
    start = models.PositiveIntegerField(verbose_name=_("start"))
    end = models.PositiveIntegerField(verbose_name=_("end"))
    kind = models.CharField(max_length=10, choices=StatementKind.choices, verbose_name=_("kind"))
    language = models.CharField(max_length=8, choices=Language.choices, blank=True, verbose_name=_("language"))
    said_on = models.DateField(null=True, blank=True, verbose_name=_("said on"))
    venue = models.CharField(max_length=200, blank=True, verbose_name=_("venue"))
    via = models.JSONField(default=list, blank=True, help_text=_("Relay chain, outermost last."), verbose_name=_("via"))
    cue = models.CharField(max_length=100, blank=True, verbose_name=_("cue"))
    claim_key = models.CharField(max_length=64, blank=True, verbose_name=_("claim key"))  # statement_claim_key_idx
    confidence = models.FloatField(default=0.5, verbose_name=_("confidence"))
    extractor_version = models.CharField(max_length=40, blank=True, verbose_name=_("extractor version"))
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.CANDIDATE, verbose_name=_("review state"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    reject_reason = models.CharField(max_length=300, blank=True, verbose_name=_("reject reason"))
    # A person fixed this candidate's span or speaker: a re-run of extraction never replaces it.
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("edited by")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))
    claim = models.ForeignKey(Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements", db_index=False, verbose_name=_("claim"))
    # Accepted into a published claim by someone who cannot publish: hidden until an editor does.
    held = models.BooleanField(default=False, verbose_name=_("held"))
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    # The history is read by statement (its id index), never by article, speaker, claim or key.
    history = HistoricalRecords(
        excluded_fields=["search_text"],
        no_db_index=["article", "speaker", "claim", "claim_key", "reviewed_by", "edited_by"],
    )

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
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
            models.Index(fields=["claim_key"], name="statement_claim_key_idx"),  # equality only: no LIKE twin
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
    SUPPORT = "support", _("Supports")
    OPPOSE = "oppose", _("Opposes")
    NEUTRAL = "neutral", _("Neutral")


class Stance(models.Model):
    """Who supports or opposes a claim or a statement, with the evidence."""

    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="stances", verbose_name=_("speaker"))
    polarity = models.CharField(max_length=8, choices=Polarity.choices, verbose_name=_("polarity"))
    claim = models.ForeignKey(Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="stances", verbose_name=_("claim"))
    # PROTECT: a stance is review work; deleting the statement it answers must not delete it.
    target_statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="stances_on", verbose_name=_("target statement")
    )
    evidence_statement = models.ForeignKey(
        Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="stances_evidenced", verbose_name=_("evidence statement")
    )
    article = models.ForeignKey(Article, on_delete=models.PROTECT, null=True, blank=True, related_name="stances", verbose_name=_("article"))
    cue = models.CharField(max_length=300, blank=True, help_text=_("The words that show the stance."), verbose_name=_("cue"))
    cue_start = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("cue start"))
    cue_end = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("cue end"))
    said_on = models.DateField(null=True, blank=True, verbose_name=_("said on"))
    extractor_version = models.CharField(max_length=40, blank=True, verbose_name=_("extractor version"))
    # How likely the extractor's stance is right (holder, polarity and target), from its evidence;
    # the desk filters on it. ``evidence`` says what it rests on and how the target was linked.
    confidence = models.FloatField(default=0.5, verbose_name=_("confidence"))
    evidence = models.CharField(max_length=200, blank=True, verbose_name=_("evidence"))
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.CANDIDATE, verbose_name=_("review state"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    # Accepted on a published claim by someone who cannot publish: hidden until an editor does.
    held = models.BooleanField(default=False, verbose_name=_("held"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stance")
        verbose_name_plural = _("stances")
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
        return f"{self.speaker} {self.get_polarity_display()}"


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Verdict(models.Model):
    """A rating of a claim on the documented scale (claims.ratings), draft then published."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts", verbose_name=_("claim"))
    rating = models.CharField(max_length=15, choices=Rating.choices, verbose_name=_("rating"))
    summary = models.CharField(max_length=300, blank=True, help_text=_("One line shown next to the rating."), verbose_name=_("summary"))
    explanation = models.TextField(verbose_name=_("explanation"))
    evidence_links = models.JSONField(default=list, blank=True, help_text=_('[{"url": ..., "title": ...}]'), verbose_name=_("evidence links"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("author"))
    status = models.CharField(max_length=10, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT, verbose_name=_("status"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("published by")
    )
    # Optimistic lock: a writer must name the version it read; a stale write is refused.
    revision = models.PositiveIntegerField(default=1, verbose_name=_("revision"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-published_at"], name="verdict_status_published_idx")]
        permissions = [("publish_verdict", "Can publish verdicts")]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} ({self.get_status_display()})"


class ChangeKind(models.TextChoices):
    CLAIM_EDIT = "claim_edit", _("Claim wording or type")
    VERDICT_EDIT = "verdict_edit", _("Verdict edit")
    CLAIM_MERGE = "claim_merge", _("Claim merge")
    STATEMENT_EDIT = "statement_edit", _("Statement span or speaker")
    STATEMENT_REJECT = "statement_reject", _("Statement removed")
    STATEMENT_LINK = "statement_link", _("Statement added")
    STANCE_REVIEW = "stance_review", _("Stance accepted or rejected")
    SPEAKER_EDIT = "speaker_edit", _("Speaker name or details")
    SPEAKER_MERGE = "speaker_merge", _("Speaker merge")


class ChangeState(models.TextChoices):
    PENDING = "pending", _("Waiting for an editor")
    PUBLISHED = "published", _("Published")
    DISCARDED = "discarded", _("Discarded")


class PendingChange(models.Model):
    """A change to published material proposed by someone who cannot publish; an editor decides.

    ``changes`` holds the proposed values, ``before`` the published ones when it was proposed (the
    diff the editor reads). Publishing replays the change through the same service as an editor.
    """

    kind = models.CharField(max_length=20, choices=ChangeKind.choices, verbose_name=_("kind"))
    # The published claim concerned (empty for a speaker change, which may touch many claims).
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, null=True, blank=True, related_name="pending_changes", verbose_name=_("claim"))
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("speaker"))
    other_speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, null=True, blank=True, related_name="+", help_text=_("The speaker merged away."), verbose_name=_("other speaker")
    )
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("verdict"))
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("statement"))
    stance = models.ForeignKey(Stance, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("stance"))
    other_claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, null=True, blank=True, related_name="+", help_text=_("The claim merged away."), verbose_name=_("other claim")
    )
    changes = models.JSONField(default=dict, blank=True, verbose_name=_("changes"))
    before = models.JSONField(default=dict, blank=True, verbose_name=_("before"))
    note = models.CharField(max_length=300, blank=True, verbose_name=_("note"))
    state = models.CharField(max_length=10, choices=ChangeState.choices, default=ChangeState.PENDING, verbose_name=_("state"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by"))
    proposed_at = models.DateTimeField(auto_now_add=True, verbose_name=_("proposed at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["state", "-proposed_at"], name="pendingchange_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id} ({self.get_state_display()})"


class PartnerScope(models.TextChoices):
    READ = "read", _("Read")
    INGEST = "ingest", _("Ingest")


class PartnerKey(models.Model):
    """An API key of a partner site: stored as a hash, shown once, revocable, scoped."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    contact_email = models.EmailField(blank=True, verbose_name=_("contact email"))
    prefix = models.CharField(max_length=12, unique=True, help_text=_("Public part, shown to identify the key."), verbose_name=_("prefix"))
    key_hash = models.CharField(max_length=128)
    scopes = models.JSONField(default=list, verbose_name=_("scopes"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last used at"))

    class Meta:
        verbose_name = _("partner key")
        verbose_name_plural = _("partner keys")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"


class WebhookEvent(models.TextChoices):
    VERDICT_PUBLISHED = "verdict.published", _("Verdict published")
    VERDICT_CHANGED = "verdict.changed", _("Verdict changed")
    VERDICT_WITHDRAWN = "verdict.withdrawn", _("Verdict withdrawn (claim withdrawn or merged)")
    SPEAKER_FLIP = "speaker.flip", _("Speaker changed position (confirmed flip)")


class WebhookSubscription(models.Model):
    """A partner's subscription to verdict events, for all claims or chosen speakers/claims."""

    partner = models.ForeignKey(PartnerKey, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("partner"))
    url = models.URLField(max_length=1000, verbose_name=_("url"))
    secret = models.CharField(max_length=128, help_text=_("HMAC-SHA256 signing secret."), verbose_name=_("secret"))
    events = models.JSONField(default=list, verbose_name=_("events"))
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="+", verbose_name=_("speakers"))
    claims = models.ManyToManyField(Claim, blank=True, related_name="+", verbose_name=_("claims"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event sent to one subscription, with every attempt's outcome."""

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscription"))
    event = models.CharField(max_length=40, choices=WebhookEvent.choices, verbose_name=_("event"))
    payload = models.JSONField(verbose_name=_("payload"))
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, verbose_name=_("status"))
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("attempts"))
    response_code = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("response code"))
    # How long the last attempt took (connect, send, status line). Response bodies are never kept:
    # a receiver's reply is the receiver's business, and could be an internal service's.
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True, verbose_name=_("last error"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("created at"))
    delivered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("delivered at"))

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

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
