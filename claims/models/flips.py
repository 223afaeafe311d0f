"""Claims data: flip alerts, a speaker's change of position on one claim, found by the machine, decided by an editor.

A candidate pairs two accepted items of the same speaker on the same claim: two stances of opposite
polarity, or two statements where the later negates the earlier. Only an editor confirms; a
confirmed flip is public while both items stay public (claims.selectors.public.flip_public_list).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class FlipKind(models.TextChoices):
    STANCE = "stance", "Stance reversed"
    NEGATION = "negation", "Statement negates an earlier one"


class FlipState(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class Flip(models.Model):
    """A candidate (or confirmed) change of position: ``earlier`` then ``later``, with their dates."""

    speaker = models.ForeignKey("claims.Speaker", on_delete=models.CASCADE, related_name="flips")
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="flips")
    kind = models.CharField(max_length=10, choices=FlipKind.choices)
    earlier_stance = models.ForeignKey("claims.Stance", on_delete=models.CASCADE, null=True, blank=True,
                                       related_name="+")
    later_stance = models.ForeignKey("claims.Stance", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+")
    earlier_statement = models.ForeignKey("claims.Statement", on_delete=models.CASCADE, null=True, blank=True,
                                          related_name="+")
    later_statement = models.ForeignKey("claims.Statement", on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="+")
    earlier_on = models.DateField()
    later_on = models.DateField()
    state = models.CharField(max_length=10, choices=FlipState.choices, default=FlipState.CANDIDATE)
    found_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-later_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(later_on__gt=models.F("earlier_on")), name="flip_dates_ordered"),
            models.CheckConstraint(
                condition=(Q(kind="stance", earlier_stance__isnull=False, later_stance__isnull=False)
                           | Q(kind="negation", earlier_statement__isnull=False, later_statement__isnull=False)),
                name="flip_items_of_its_kind",
            ),
            models.UniqueConstraint(fields=["earlier_stance", "later_stance"], condition=Q(kind="stance"),
                                    name="flip_stance_pair_unique"),
            models.UniqueConstraint(fields=["earlier_statement", "later_statement"], condition=Q(kind="negation"),
                                    name="flip_statement_pair_unique"),
        ]
        indexes = [models.Index(fields=["state", "-found_at"], name="flip_state_idx"),
                   models.Index(fields=["speaker", "state"], name="flip_speaker_idx")]

    def __str__(self) -> str:
        return f"{self.speaker_id} on claim {self.claim_id}: {self.earlier_on} → {self.later_on} ({self.state})"
