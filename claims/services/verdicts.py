"""Claims services: verdicts (draft, edit with an optimistic lock, publish by editors)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ChangeKind, Claim, PendingChange, Verdict, VerdictStatus, VerificationStatus
from claims.services.claims import claim_reindex
from claims.services.editorial import _after_verdict_event, _claims_changed, _is_public, _propose, user_can_publish
from factdesk.outbox import enqueue_on_commit

# Messages shown to users; tests reuse them.
ERROR_STALE_VERDICT = "This verdict was changed by someone else since you opened it; reload and try again."

ERROR_PUBLISH_PERMISSION = "Only editors can publish verdicts."

ERROR_NOT_YOUR_DRAFT = "This draft verdict belongs to {author}; only its author or an editor can change it."


@transaction.atomic
def verdict_draft(
    *, claim: Claim, user, rating: str, explanation: str, summary: str = "", evidence_links: list | None = None
) -> Verdict:
    """A new draft verdict on a claim (the claim moves to 'being checked')."""
    verdict = Verdict(
        claim=claim, author=user, rating=rating, summary=summary, explanation=explanation,
        evidence_links=evidence_links or [],
    )
    verdict.full_clean(exclude=["claim", "author"])
    verdict.save()
    if claim.status == VerificationStatus.UNVERIFIED:
        claim.status = VerificationStatus.IN_REVIEW
        claim.save(update_fields=["status", "updated_at"])
    return verdict


_VERDICT_FIELDS = {"rating", "summary", "explanation", "evidence_links"}


def verdict_check_editable(verdict: Verdict, user) -> None:
    """Raise PermissionDenied when ``user`` may not touch this verdict: a draft is its author's
    (or an editor's). Published verdicts are open to proposals (see verdict_update)."""
    if verdict.status == VerdictStatus.DRAFT and not user_can_publish(user) and verdict.author_id != getattr(
        user, "pk", None
    ):
        raise PermissionDenied(ERROR_NOT_YOUR_DRAFT.format(author=verdict.author.get_username()))


@transaction.atomic
def verdict_update(verdict: Verdict, *, user, expected_revision: int, **changes) -> Verdict | PendingChange:
    """Change a verdict if nobody else changed it since ``expected_revision`` (else ValidationError).

    A draft is changed by its author or an editor only. A published verdict on a public claim is
    changed by an editor only: anyone else records a pending change (returned instead of the
    verdict); the public page, the API and partners keep the published version until an editor
    publishes the change.
    """
    unknown = set(changes) - _VERDICT_FIELDS
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    current = Verdict.objects.select_related("claim", "author").get(pk=verdict.pk)
    verdict_check_editable(current, user)
    if current.revision != expected_revision:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    public = current.status == VerdictStatus.PUBLISHED and _is_public(current.claim)
    if public and not user_can_publish(user):
        changes = {f: v for f, v in changes.items() if getattr(current, f) != v}
        return _propose(ChangeKind.VERDICT_EDIT, user=user, claim=current.claim, verdict=current, changes=changes,
                        before={**{f: getattr(current, f) for f in changes}, "revision": current.revision})
    # The conditional UPDATE is the lock: two editors who read revision N cannot both win.
    updated = Verdict.objects.filter(pk=verdict.pk, revision=expected_revision).update(
        revision=expected_revision + 1, updated_at=timezone.now(), **changes
    )
    if not updated:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    verdict = Verdict.objects.get(pk=verdict.pk)
    # The UPDATE above bypasses save(); record the history row explicitly.
    verdict._change_reason = f"edited by {getattr(user, 'username', user)}"
    verdict.save(update_fields=["updated_at"])
    if verdict.status == VerdictStatus.PUBLISHED:
        _claims_changed(verdict.claim_id)
        if public:
            _after_verdict_event(verdict, "verdict.changed")
    return verdict


@transaction.atomic
def verdict_publish(verdict: Verdict, *, user, expected_revision: int | None = None) -> Verdict:
    """Publish a verdict (editors only): it becomes the claim's current verdict; the claim goes public."""
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_PUBLISH_PERMISSION)
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if expected_revision is not None and verdict.revision != expected_revision:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    claim = Claim.objects.select_for_update().get(pk=verdict.claim_id)
    event = "verdict.changed" if claim.current_verdict_id and _is_public(claim) else "verdict.published"
    now = timezone.now()
    verdict.status = VerdictStatus.PUBLISHED
    verdict.published_at = now
    verdict.published_by = user
    verdict.revision += 1
    verdict.save()
    claim.current_verdict = verdict
    claim.status = VerificationStatus.VERIFIED
    claim.published = True
    claim.published_at = claim.published_at or now
    claim.withdrawn_at = None
    claim.save(update_fields=["current_verdict", "status", "published", "published_at", "withdrawn_at", "updated_at"])
    claim_reindex(claim)
    _claims_changed(claim.pk)
    _after_verdict_event(verdict, event)
    # Readers who asked about this claim and left a contact are told, once, after commit.
    enqueue_on_commit("claims.tasks.notify_check_requesters_task", claim.pk)
    return verdict
