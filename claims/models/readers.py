"""Claims data: readers' check requests, grouped by what they ask (Cofacts' and Meedan Check's demand signal).

A group gathers the requests that ask the same thing (same normalised text, or a restatement of the
same published claim, or close wording); its ``request_count`` is the demand the desk sorts by. A
request's contact is never public: only the desk and the notification task read it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

# Length limits of a request: long enough for a paragraph of a forwarded message, short enough that
# a request is read by a person (and a flood of text costs little to store and compare).
REQUEST_TEXT_MIN = 4  # letters or digits, punctuation and spaces not counted
REQUEST_TEXT_MAX = 2000
REQUEST_URL_MAX = 1000


class RequestGroupStatus(models.TextChoices):
    OPEN = "open", "Waiting for the desk"
    CHECKING = "checking", "A claim is being checked"
    ANSWERED = "answered", "Answered by a published claim"
    DISMISSED = "dismissed", "Dismissed (not checkable, spam)"


class CheckRequestGroup(models.Model):
    """Requests that ask the same thing; the desk turns a group into a claim (or finds it answered)."""

    # The first request's wording, as written (shown escaped to the desk).
    text = models.TextField()
    # claims.extraction.claim_keys.claim_key_of of the first request: script, case, spacing and
    # punctuation folded. One group per key (a second request with the same key joins this one).
    key = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=8, blank=True)
    request_count = models.PositiveIntegerField(default=0)
    first_asked_at = models.DateTimeField(auto_now_add=True)
    last_asked_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The claim that answers the group: matched to a published one, or made from the group by the desk.
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.SET_NULL, null=True, blank=True, related_name="request_groups"
    )
    status = models.CharField(max_length=10, choices=RequestGroupStatus.choices, default=RequestGroupStatus.OPEN)

    class Meta:
        ordering = ["-request_count", "-last_asked_at"]
        indexes = [
            models.Index(fields=["status", "-request_count", "-last_asked_at"], name="requestgroup_demand_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class CheckRequest(models.Model):
    """One reader's (or partner bot's) request to check something."""

    group = models.ForeignKey(CheckRequestGroup, on_delete=models.CASCADE, related_name="requests")
    text = models.TextField()
    url = models.URLField(max_length=REQUEST_URL_MAX, blank=True)
    # An e-mail address for the notice when a verdict is published; never shown publicly.
    contact = models.EmailField(blank=True)
    # The interface language the reader used: the notice is written in it.
    language = models.CharField(max_length=8, blank=True)
    # A keyed hash of the client address (abuse review without storing addresses).
    client = models.CharField(max_length=64, blank=True)
    partner = models.ForeignKey(
        "claims.PartnerKey", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["group", "notified_at"], name="checkrequest_notify_idx",
                         condition=~Q(contact="")),
        ]

    def __str__(self) -> str:
        return self.text[:80]
