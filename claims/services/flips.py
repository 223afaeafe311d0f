"""Claims services: flip alerts (find candidates after a review, confirm or dismiss by the editorial rule).

Candidates come from a speaker's accepted, not held items on one claim: stances whose polarity
reverses on a later day, statements whose later wording negates an earlier one
(claims.extraction.flips: the rule and its table of pairs). Finding never changes anything public
and never reopens a decision: a pair an editor dismissed stays dismissed. Confirming makes a flip
public, so it needs an editor (claims.services.editorial.user_can_publish); partners learn of it
through the ``speaker.flip`` webhook, queued after commit.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.extraction.flips import Dated, stance_reversals, statement_negations
from claims.models import Flip, FlipKind, FlipState, Polarity, ReviewState, Stance, Statement
from claims.services.editorial import _claims_changed, user_can_publish
from factdesk.outbox import enqueue_on_commit

ERROR_FLIP_EDITORS = "Only editors can confirm a flip or take a confirmed one down."

# The most items of one speaker on one claim the finder reads (newest): bounded work per review.
FLIP_ITEMS_LIMIT = 200


def _day(said_on: dt.date | None, article) -> dt.date | None:
    if said_on:
        return said_on
    published = getattr(article, "published_at", None) if article is not None else None
    return published.date() if published else None


def flips_find(speaker_id: int | None, claim_id: int | None) -> list[Flip]:
    """Record new candidate flips of one speaker on one claim; returns those created (idempotent)."""
    if not speaker_id or not claim_id:
        return []
    stances = (Stance.objects.filter(speaker_id=speaker_id, claim_id=claim_id, review_state=ReviewState.ACCEPTED,
                                     held=False, polarity__in=[Polarity.SUPPORT, Polarity.OPPOSE])
               .select_related("article").only("id", "polarity", "said_on", "article__published_at")
               .order_by("-id")[:FLIP_ITEMS_LIMIT])
    statements = (Statement.objects.filter(speaker_id=speaker_id, claim_id=claim_id,
                                           review_state=ReviewState.ACCEPTED, held=False)
                  .select_related("article").only("id", "text", "said_on", "article__published_at")
                  .order_by("-id")[:FLIP_ITEMS_LIMIT])
    dated_stances = [Dated(s.pk, s.polarity, day) for s in stances if (day := _day(s.said_on, s.article))]
    dated_statements = [Dated(s.pk, s.text, day) for s in statements if (day := _day(s.said_on, s.article))]
    created: list[Flip] = []
    common = {"speaker_id": speaker_id, "claim_id": claim_id}
    for earlier, later in stance_reversals(dated_stances):
        created += _flip_record(kind=FlipKind.STANCE, earlier_stance_id=earlier.id, later_stance_id=later.id,
                                earlier_on=earlier.on, later_on=later.on, **common)
    for earlier, later in statement_negations(dated_statements):
        created += _flip_record(kind=FlipKind.NEGATION, earlier_statement_id=earlier.id,
                                later_statement_id=later.id, earlier_on=earlier.on, later_on=later.on, **common)
    return created


def _flip_record(**fields) -> list[Flip]:
    lookup = {k: v for k, v in fields.items() if k.endswith("_id") and ("stance" in k or "statement" in k)}
    if Flip.objects.filter(kind=fields["kind"], **lookup).exists():
        return []  # found before (and maybe decided): never recreated or reopened
    try:
        with transaction.atomic():
            return [Flip.objects.create(**fields)]
    except IntegrityError:  # a concurrent finder recorded the same pair
        return []


def _decide(flip: Flip, *, user, state: str) -> Flip:
    flip = Flip.objects.select_for_update().get(pk=flip.pk)
    was_public = flip.state == FlipState.CONFIRMED
    if (state == FlipState.CONFIRMED or was_public) and not user_can_publish(user):
        raise PermissionDenied(ERROR_FLIP_EDITORS)
    if flip.state == state:
        return flip
    flip.state = state
    flip.decided_by = user
    flip.decided_at = timezone.now()
    flip.save(update_fields=["state", "decided_by", "decided_at"])
    if state == FlipState.CONFIRMED or was_public:
        _claims_changed()  # the speaker page and the flips API change: retire cached public reads
    if state == FlipState.CONFIRMED:
        enqueue_on_commit("claims.tasks.dispatch_speaker_flip_task", flip.pk)
    return flip


@transaction.atomic
def flip_confirm(flip: Flip, *, user) -> Flip:
    """An editor confirms a candidate: it shows on the speaker page and in the API; partners are told."""
    return _decide(flip, user=user, state=FlipState.CONFIRMED)


@transaction.atomic
def flip_dismiss(flip: Flip, *, user) -> Flip:
    """Dismiss a candidate (anyone at the desk) or take a confirmed flip down (editors only)."""
    return _decide(flip, user=user, state=FlipState.DISMISSED)


def flips_find_after_review(speaker_id: int | None, claim_id: int | None) -> None:
    """Queue the flip finder for this speaker and claim once the review commits (by task name)."""
    if speaker_id and claim_id:
        enqueue_on_commit("claims.tasks.find_flips_task", speaker_id, claim_id)
