"""Claims services: pending changes to published material, published or discarded by an editor."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ChangeKind, ChangeState, PendingChange, ReviewState, Speaker, Stance, Statement, Verdict
from claims.services.claims import claim_merge, claim_update
from claims.services.editorial import _claims_changed, user_can_publish
from claims.services.speakers import speaker_merge, speaker_update
from claims.services.stances import stance_review
from claims.services.statements import statement_reject, statement_update
from claims.services.verdicts import verdict_update

ERROR_CHANGE_DECIDED = "This change was already decided ({state})."

ERROR_CHANGE_PUBLISH = "Only editors can publish a pending change."

ERROR_CHANGE_DISCARD = "Only the person who proposed this change or an editor can discard it."


def _change_apply(change: PendingChange, editor) -> None:
    """Replay a pending change through the service that owns it, as ``editor``."""
    values = change.changes
    if change.kind == ChangeKind.VERDICT_EDIT:
        verdict = Verdict.objects.get(pk=change.verdict_id)
        result = verdict_update(verdict, user=editor, expected_revision=verdict.revision, **values)
    elif change.kind == ChangeKind.CLAIM_EDIT:
        result = claim_update(change.claim, user=editor, **values)
    elif change.kind == ChangeKind.CLAIM_MERGE:
        result = claim_merge(source=change.other_claim, target=change.claim, user=editor)
    elif change.kind == ChangeKind.STATEMENT_EDIT:
        speaker = Speaker.objects.get(pk=values["speaker"]) if values.get("speaker") else None
        result = statement_update(change.statement, user=editor, start=values.get("start"), end=values.get("end"),
                                  speaker=speaker)
    elif change.kind == ChangeKind.STATEMENT_REJECT:
        result = statement_reject(change.statement, user=editor, reason=values.get("reason", ""))
    elif change.kind == ChangeKind.STATEMENT_LINK:
        Statement.objects.filter(pk=change.statement_id).update(held=False)
        result = None
        _claims_changed(change.claim_id)
    elif change.kind == ChangeKind.STANCE_REVIEW:
        if values.get("accept"):
            Stance.objects.filter(pk=change.stance_id).update(held=False)
            result = None
            _claims_changed(change.claim_id)
        else:
            result = stance_review(change.stance, user=editor, accept=False)
    elif change.kind == ChangeKind.SPEAKER_EDIT:
        result = speaker_update(change.speaker, user=editor, **values)
    elif change.kind == ChangeKind.SPEAKER_MERGE:
        result = speaker_merge(source=change.other_speaker, target=change.speaker, user=editor)
    else:  # pragma: no cover - every kind is handled above
        raise ValueError(f"unknown change kind {change.kind!r}")
    if isinstance(result, PendingChange):  # the editor lost the right meanwhile; never apply half
        raise PermissionDenied(ERROR_CHANGE_PUBLISH)


@transaction.atomic
def change_publish(change: PendingChange, *, user) -> PendingChange:
    """Publish a pending change (editors only): it is applied through its own service, then recorded."""
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_CHANGE_PUBLISH)
    change = PendingChange.objects.select_for_update(of=("self",)).select_related(
        "claim", "verdict", "statement", "stance", "other_claim", "speaker", "other_speaker"
    ).get(pk=change.pk)
    if change.state != ChangeState.PENDING:
        raise ValidationError(ERROR_CHANGE_DECIDED.format(state=change.get_state_display()))
    _change_apply(change, user)
    change.state = ChangeState.PUBLISHED
    change.decided_by = user
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return change


@transaction.atomic
def change_discard(change: PendingChange, *, user) -> PendingChange:
    """Discard a pending change (its author or an editor); held statements and stances go back to review."""
    change = PendingChange.objects.select_for_update().get(pk=change.pk)
    if not (user_can_publish(user) or change.proposed_by_id == getattr(user, "pk", None)):
        raise PermissionDenied(ERROR_CHANGE_DISCARD)
    if change.state != ChangeState.PENDING:
        raise ValidationError(ERROR_CHANGE_DECIDED.format(state=change.get_state_display()))
    if change.kind == ChangeKind.STATEMENT_LINK and change.statement_id:
        statement = Statement.objects.select_for_update().get(pk=change.statement_id)
        if statement.held:
            statement.held = False
            statement.review_state = ReviewState.CANDIDATE
            statement.claim_id = change.before.get("claim")
            statement._change_reason = "held link discarded"
            statement.save()
    if change.kind == ChangeKind.STANCE_REVIEW and change.changes.get("accept") and change.stance_id:
        Stance.objects.filter(pk=change.stance_id, held=True).update(held=False, review_state=ReviewState.CANDIDATE)
    change.state = ChangeState.DISCARDED
    change.decided_by = user
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return change
