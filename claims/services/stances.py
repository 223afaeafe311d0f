"""Claims services: stances (accept or reject what the extractor found; held for an editor on public claims)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from claims.models import ChangeKind, PendingChange, ReviewState, Stance
from claims.services.editorial import (
    _changes_superseded,
    _claims_changed,
    _is_public,
    _needs_editor,
    _propose,
    user_can_publish,
)
from claims.services.flips import flips_find_after_review


@transaction.atomic
def stance_review(stance: Stance, *, user, accept: bool) -> Stance | PendingChange:
    """Accept or reject an extracted stance.

    On a published claim, anyone but an editor who accepts a stance leaves it held (not public)
    with a pending change; rejecting a public stance becomes a pending change.
    """
    stance = Stance.objects.select_for_update(of=("self",)).select_related("claim", "target_statement__claim").get(pk=stance.pk)
    claim = stance.claim or (stance.target_statement.claim if stance.target_statement_id else None)
    public_now = stance.review_state == ReviewState.ACCEPTED and not stance.held and _is_public(claim)
    if not accept and public_now and not user_can_publish(user):
        return _propose(ChangeKind.STANCE_REVIEW, user=user, claim=claim, stance=stance,
                        changes={"accept": False}, before={"review_state": stance.review_state})
    stance.review_state = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
    stance.reviewed_by = user
    stance.reviewed_at = timezone.now()
    if accept and stance.claim_id is None and claim is not None:
        stance.claim = claim
    stance.held = bool(accept and _needs_editor(user, claim))
    stance.save()
    if stance.held:
        _propose(ChangeKind.STANCE_REVIEW, user=user, claim=claim, stance=stance, changes={"accept": True},
                 before={"review_state": ReviewState.CANDIDATE}, note=f"{stance.speaker} {stance.polarity}")
    else:
        if not accept:
            _changes_superseded(stance=stance)
        _claims_changed(claim.pk if claim else None)
        if accept:
            flips_find_after_review(stance.speaker_id, stance.claim_id)
    return stance
