"""Claims selectors: stances for review in context on the desk (beside a statement, on a claim page)."""

from __future__ import annotations

from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from claims.models import Claim, ReviewState, Stance, Statement

# Candidates first: they are what the reviewer came for.
_CANDIDATES_FIRST = Case(When(review_state=ReviewState.CANDIDATE, then=0), default=1)


def _stances_for_review() -> QuerySet[Stance]:
    return Stance.objects.select_related(
        "speaker", "article", "article__outlet", "target_statement", "target_statement__speaker", "claim"
    ).defer("article__body", "article__raw_html")


def statement_desk_stances(statement: Statement, *, limit: int = 200) -> QuerySet[Stance]:
    """Stances aimed at a statement (for review beside it): candidates first, then by position, bounded."""
    return _stances_for_review().filter(target_statement=statement).order_by(_CANDIDATES_FIRST, "cue_start", "id")[:limit]


def claim_desk_stances_for_review(claim: Claim, *, limit: int = 200) -> QuerySet[Stance]:
    """Stances on a claim or on any of its statements, candidates first, bounded."""
    return (
        _stances_for_review().filter(Q(claim=claim) | Q(target_statement__claim=claim))
        .order_by(_CANDIDATES_FIRST, "polarity", "-created_at")[:limit]
    )


def stance_target_speaker_name() -> Coalesce:
    """The name of whoever made what a stance answers: the target statement's speaker, else the
    speaker of the claim's first accepted statement (one subquery, for list columns)."""
    first = (
        Statement.objects.filter(claim=OuterRef("claim"), review_state=ReviewState.ACCEPTED)
        .order_by("said_on", "id").values("speaker__name")[:1]
    )
    return Coalesce(F("target_statement__speaker__name"), Subquery(first), output_field=CharField())
