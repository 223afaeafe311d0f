"""Claims services: the editorial rule, in one place.

Published material changes only by an editor. Every service that changes what the public sees asks
``_needs_editor``; for anyone else it records a PendingChange (a draft against the published state)
instead, and ``claims.services.changes.change_publish`` replays it through the same service as the
editor who publishes it. Every visible change moves its claims' public modified time
(``_claims_changed``) and retires the cached public reads; partner events go out by task name after
commit (factdesk.outbox), so services never import tasks."""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.translation import gettext_noop

from claims.models import ChangeState, Claim, PendingChange, ReviewState, Speaker, Stance, Statement, Verdict
from claims.public_cache import public_data_changed
from claims.selectors import claim_published_list
from factdesk.outbox import enqueue_on_commit

logger = logging.getLogger(__name__)


MESSAGE_PENDING = gettext_noop("Your change to published material waits for an editor; the public sees the old version until then.")


def user_can_publish(user) -> bool:
    """Whether ``user`` is an editor: may publish verdicts and change published material."""
    return bool(user and (user.is_superuser or user.has_perm("claims.publish_verdict")))


def _is_public(claim: Claim | None) -> bool:
    return bool(claim is not None and claim.published and not claim.merged_into_id)


def _needs_editor(user, claim: Claim | None) -> bool:
    return _is_public(claim) and not user_can_publish(user)


def _propose(kind: str, *, user, claim: Claim | None, changes: dict, before: dict, note: str = "",
             **targets) -> PendingChange:
    """Record a proposed change to published material; nothing public moves."""
    change = PendingChange.objects.create(
        kind=kind, claim=claim, changes=changes, before=before, note=note[:300], proposed_by=user, **targets
    )
    logger.info("pending change %s (%s) proposed by %s", change.pk, kind, getattr(user, "username", user))
    return change


def _claims_changed(*claim_ids: int | None) -> None:
    """Move the public modified time of these claims and retire every cached public read.

    An UPDATE, so in-memory claim rows are not saved over it; call it after the change is written.
    """
    ids = {pk for pk in claim_ids if pk}
    if ids:
        Claim.objects.filter(pk__in=ids).update(modified_at=timezone.now())
    public_data_changed()


def _speaker_claim_ids(speaker_id: int) -> set[int]:
    """Claims on which a speaker's accepted statements or stances appear."""
    ids = set(Statement.objects.filter(speaker_id=speaker_id, review_state=ReviewState.ACCEPTED,
                                       claim__isnull=False).values_list("claim_id", flat=True))
    ids |= set(Stance.objects.filter(speaker_id=speaker_id, review_state=ReviewState.ACCEPTED,
                                     claim__isnull=False).values_list("claim_id", flat=True))
    return ids


def _speaker_is_public(speaker: Speaker) -> bool:
    return claim_published_list().filter(pk__in=_speaker_claim_ids(speaker.pk)).exists()


def _changes_superseded(*, statement: Statement | None = None, stance: Stance | None = None) -> None:
    """Pending changes about a statement or stance that was just rejected by an editor are moot."""
    qs = PendingChange.objects.filter(state=ChangeState.PENDING)
    qs = qs.filter(statement=statement) if statement is not None else qs.filter(stance=stance)
    qs.update(state=ChangeState.DISCARDED, decided_at=timezone.now())


def _after_verdict_event(verdict: Verdict, event: str) -> None:
    """Queue partner webhooks for this verdict event once the transaction commits."""
    enqueue_on_commit("claims.tasks.dispatch_verdict_event_task", event, verdict.pk, verdict.claim_id)


def _after_claim_withdrawn(claim_id: int) -> None:
    """Queue the ``verdict.withdrawn`` webhooks of a claim that left the public once the transaction commits."""
    enqueue_on_commit("claims.tasks.dispatch_claim_withdrawn_task", claim_id)
