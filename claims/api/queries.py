"""Partner API (interface): the API's read shapes on top of claims.selectors.

Public rules are the site's: a claim only when published and not merged, a verdict only when
published, statements only when accepted and their claim public, stances only when accepted and
their claim public. Each list declares its queries: one for the page, one per related set, so
the number of queries does not grow with the page size.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from claims import selectors
from claims.models import Claim, ReviewState, Speaker, Stance, Statement, Verdict, VerdictStatus
from sources.models import Article


def public_claims() -> QuerySet[Claim]:
    """Published, unmerged claims with their current verdict and the sort keys the API offers."""
    return (
        selectors.claim_published_list()
        .select_related(None)
        .select_related("current_verdict")
        .annotate(
            first_seen_key=Coalesce("first_seen_at", "created_at"),
            published_key=Coalesce("published_at", "created_at"),
        )
    )


def public_statements() -> QuerySet[Statement]:
    """Accepted statements whose claim is public."""
    return Statement.objects.filter(
        review_state=ReviewState.ACCEPTED, claim__published=True, claim__merged_into__isnull=True
    )


def public_stances() -> QuerySet[Stance]:
    """Accepted stances on a public claim."""
    return Stance.objects.filter(
        review_state=ReviewState.ACCEPTED, claim__published=True, claim__merged_into__isnull=True
    )


def public_speakers() -> QuerySet[Speaker]:
    """Unmerged speakers with at least one public statement or stance (others are never shown)."""
    return Speaker.objects.filter(merged_into__isnull=True).filter(
        Exists(public_statements().filter(speaker_id=OuterRef("pk")))
        | Exists(public_stances().filter(speaker_id=OuterRef("pk")))
    )


def public_articles() -> QuerySet[Article]:
    """Articles with at least one public statement (their metadata only is shown)."""
    return Article.objects.filter(Exists(public_statements().filter(article_id=OuterRef("pk"))))


def public_verdict(claim: Claim) -> Verdict | None:
    """The claim's current verdict when it is published."""
    verdict = claim.current_verdict
    return verdict if verdict is not None and verdict.status == VerdictStatus.PUBLISHED else None


def attach_claim_people(claims: Iterable[Claim]) -> None:
    """Set ``api_speakers`` [(id, name)] and ``api_languages`` on each claim, in one query."""
    claims = list(claims)
    by_id = {c.pk: c for c in claims}
    for claim in claims:
        claim.api_speakers, claim.api_languages = [], []
    if not by_id:
        return
    rows = (
        Statement.objects.filter(claim_id__in=list(by_id), review_state=ReviewState.ACCEPTED)
        .values_list("claim_id", "speaker_id", "speaker__name", "language")
        .order_by("claim_id", "id")
    )
    seen: set = set()
    for claim_id, speaker_id, speaker_name, language in rows:
        claim = by_id[claim_id]
        if speaker_id is not None and (claim_id, "s", speaker_id) not in seen:
            seen.add((claim_id, "s", speaker_id))
            claim.api_speakers.append((speaker_id, speaker_name))
        if language and (claim_id, "l", language) not in seen:
            seen.add((claim_id, "l", language))
            claim.api_languages.append(language)
    for claim in claims:
        if claim.language and claim.language not in claim.api_languages:
            claim.api_languages.insert(0, claim.language)


def claims_by_speaker(queryset: QuerySet[Claim], speaker_id: int) -> QuerySet[Claim]:
    return queryset.filter(
        Exists(Statement.objects.filter(claim_id=OuterRef("pk"), review_state=ReviewState.ACCEPTED,
                                        speaker_id=speaker_id))
    )


def claims_by_outlet(queryset: QuerySet[Claim], outlet_id: int) -> QuerySet[Claim]:
    return queryset.filter(
        Exists(Statement.objects.filter(claim_id=OuterRef("pk"), review_state=ReviewState.ACCEPTED,
                                        article__outlet_id=outlet_id))
    )


def claims_by_language(queryset: QuerySet[Claim], language: str) -> QuerySet[Claim]:
    return queryset.filter(
        Q(language=language)
        | Exists(Statement.objects.filter(claim_id=OuterRef("pk"), review_state=ReviewState.ACCEPTED,
                                          language=language))
    )


def claim_search_results(query: str, **filters):
    """Claims matching a full-text query, best first, through the site's ``claim_search`` when it
    exists (a QuerySet or a list of claims).

    Fallback (until the search selector lands): substring match on the claim text and its
    accepted statements, with the query in both Chinese scripts, newest change first.
    """
    search = getattr(selectors, "claim_search", None)
    if search is not None:
        return search(query, **filters)
    from claims.extraction.normalize import to_simplified, to_traditional

    query = query.strip()
    q = Q(pk__in=[])
    for variant in dict.fromkeys([query, to_simplified(query), to_traditional(query)]):
        q |= Q(text__icontains=variant) | Exists(
            Statement.objects.filter(claim_id=OuterRef("pk"), review_state=ReviewState.ACCEPTED,
                                     text__icontains=variant)
        )
    return public_claims().filter(q)


def claims_matching(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """``queryset`` narrowed to the claims a full-text query finds (the caller keeps its ordering)."""
    found = claim_search_results(query)
    if isinstance(found, QuerySet):
        return queryset.filter(pk__in=found.order_by().values("pk"))
    return queryset.filter(pk__in=[c.pk for c in found])


def verdict_history(claim: Claim) -> list[dict]:
    """Every public state of the claim's verdicts, newest first: each publication and each edit
    made while published (from the history table), one entry per verdict revision."""
    rows = (
        Verdict.history.filter(claim_id=claim.pk, status=VerdictStatus.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .values("id", "rating", "summary", "revision", "published_at", "history_date")
    )
    seen: set = set()
    result = []
    for row in rows:
        key = (row["id"], row["revision"])
        if key in seen:
            continue
        seen.add(key)
        result.append(row)
    return result
