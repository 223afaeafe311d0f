"""Claims selectors: what the public may see, in one place, and the reads of the public pages.

The visibility rule: a claim is public when published and not merged (``claim_public_list``); its
verdict when published; statements and stances when accepted, not held for an editor, and on a
public claim. Pages, the API, feeds, search and webhooks all build on these QuerySets. Article
bodies are never loaded for public reads (pages show excerpts)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from claims.models import Claim, Flip, FlipState, ReviewState, Speaker, Stance, Statement, Verdict, VerdictStatus
from claims.selectors.readers import readers_asked_expression
from sources.models import Article


def claim_published_list() -> QuerySet[Claim]:
    """Published claims with their current verdict, newest change first (public pages and API)."""
    return (
        Claim.objects.filter(published=True, merged_into__isnull=True)
        .select_related("current_verdict")
        .order_by("-modified_at", "-id")
    )


def statement_public_list() -> QuerySet[Statement]:
    """Accepted statements of published, unmerged claims: the only statements the public may see.

    The one statement of the visibility rule; pages and the API add their own query shape. A
    statement held for an editor (accepted into a public claim by a fact-checker) is not public.
    """
    return Statement.objects.filter(
        review_state=ReviewState.ACCEPTED, held=False, claim__published=True, claim__merged_into__isnull=True
    )


def stance_public_list() -> QuerySet[Stance]:
    """Accepted stances on published, unmerged claims, not held for an editor (the rule for stances)."""
    return Stance.objects.filter(
        review_state=ReviewState.ACCEPTED, held=False, claim__published=True, claim__merged_into__isnull=True
    )


_ARTICLE_HEAVY = ("article__body", "article__raw_html")


def _public_statements() -> QuerySet[Statement]:
    return (
        statement_public_list()
        .select_related("speaker", "article", "article__outlet")
        .defer(*_ARTICLE_HEAVY)
    )


def _public_stances() -> QuerySet[Stance]:
    return (
        stance_public_list()
        .select_related("speaker", "article", "article__outlet")
        .defer(*_ARTICLE_HEAVY)
    )


def claim_list_with_statements(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` with ``public_statements`` (accepted, with speaker, earliest first) prefetched: one query a page."""
    return claims.prefetch_related(Prefetch(
        "statements",
        queryset=Statement.objects.filter(review_state=ReviewState.ACCEPTED)
        .select_related("speaker")
        .only("id", "claim_id", "said_on", "mention", "speaker__id", "speaker__name", "speaker__slug")
        .order_by("said_on", "id"),
        to_attr="public_statements",
    ))


def speaker_public_choices() -> QuerySet[Speaker]:
    """Speakers with at least one public statement, by name (the search form's speaker filter)."""
    return (
        Speaker.objects.filter(merged_into__isnull=True)
        .filter(Exists(_public_statements().filter(speaker=OuterRef("pk"))))
        .only("id", "name", "slug", "registry_key")
        .order_by("name")
    )


def claim_public_get(pk: int) -> Claim | None:
    """A published claim with its current verdict, or None (merged claims included: the page redirects)."""
    return Claim.objects.filter(pk=pk, published=True).select_related("current_verdict").first()


def claim_merged_target(pk: int) -> Claim | None:
    """The public claim that claim ``pk`` was merged into (followed through chains), or None."""
    seen: set[int] = set()
    row = Claim.objects.filter(pk=pk).values_list("merged_into_id", flat=True).first()
    while row and row not in seen:
        seen.add(row)
        target = Claim.objects.filter(pk=row).only("id", "slug", "published", "merged_into_id").first()
        if target is None:
            return None
        if not target.merged_into_id:
            return target if target.published else None
        row = target.merged_into_id
    return None


def speaker_public_get(pk: int) -> Speaker | None:
    """A speaker row with its merge target (the page decides whether it has anything public)."""
    return Speaker.objects.filter(pk=pk).select_related("merged_into").first()


def claim_public_statements(claim: Claim) -> QuerySet[Statement]:
    """The accepted statements that make a public claim, earliest first, with speaker, article and outlet."""
    return _public_statements().filter(claim=claim).order_by("said_on", "article__published_at", "id")


def claim_public_stances(claim: Claim) -> QuerySet[Stance]:
    """Accepted stances on a public claim, earliest first, with speaker, article and outlet."""
    return _public_stances().filter(claim=claim).order_by("said_on", "created_at", "id")


def verdict_public_log(claim: Claim) -> list:
    """Earlier published states of the claim's verdicts, newest first (drafts never appear).

    Built from the verdict history: every saved state with status published, consecutive
    duplicates dropped, the current verdict's present state left out.
    """
    # By verdict, not by the history row's claim: verdicts moved here by a merge bring their past.
    rows = list(
        Verdict.history.filter(id__in=Verdict.objects.filter(claim=claim).values("id"), status=VerdictStatus.PUBLISHED)
        .only("id", "rating", "summary", "explanation", "published_at", "history_date", "updated_at")
        .order_by("history_date", "history_id")
    )
    log, last = [], None
    for row in rows:
        state = (row.id, row.rating, row.summary, row.explanation)
        if state != last:
            log.append(row)
            last = state
    current = claim.current_verdict
    if log and current is not None and (log[-1].id, log[-1].rating, log[-1].summary, log[-1].explanation) == (
        current.pk, current.rating, current.summary, current.explanation
    ):
        log.pop()
    return list(reversed(log))


def claim_page_stamp(pk: int) -> tuple | None:
    """When anything shown on a claim's public page last changed (one query), or None if not public.

    The claim's public modified time moves with every visible change (verdict, statements, stances,
    speakers, merges: see claims.services); the verdict id tells a newly published verdict apart, and
    the number of readers who asked ("asked by N readers") changes the page without changing the claim.
    """
    return (
        Claim.objects.filter(pk=pk, published=True)
        .annotate(asked=readers_asked_expression())
        .values_list("modified_at", "current_verdict_id", "asked")
        .first()
    )


def speaker_has_public_material(speaker: Speaker) -> bool:
    """Whether a speaker has any public statement or stance (otherwise their page does not exist)."""
    return _public_statements().filter(speaker=speaker).exists() or _public_stances().filter(speaker=speaker).exists()


def speaker_public_statements(speaker: Speaker) -> QuerySet[Statement]:
    """A speaker's public statements with their claim and its verdict, newest first."""
    return (
        _public_statements().filter(speaker=speaker)
        .select_related("claim", "claim__current_verdict")
        .order_by("-said_on", "-article__published_at", "-id")
    )


def speaker_public_stances(speaker: Speaker) -> QuerySet[Stance]:
    """A speaker's accepted stances on public claims, with the claim and its verdict, newest first."""
    return (
        _public_stances().filter(speaker=speaker)
        .select_related("claim", "claim__current_verdict")
        .order_by("-said_on", "-created_at", "-id")
    )


def speaker_rating_counts(speaker: Speaker) -> dict[str, int]:
    """How many of the speaker's published claims carry each published rating ({rating: count})."""
    rows = (
        claim_published_list()
        .filter(current_verdict__status=VerdictStatus.PUBLISHED)
        .filter(Exists(Statement.objects.filter(
            claim=OuterRef("pk"), speaker=speaker, review_state=ReviewState.ACCEPTED
        )))
        .order_by()
        .values("current_verdict__rating")
        .annotate(n=Count("id"))
    )
    return {row["current_verdict__rating"]: row["n"] for row in rows}


def article_public_get(pk: int):
    """An article with its outlet (body not loaded) if it has public statements or stances, else None."""
    return (
        Article.objects.filter(pk=pk)
        .filter(
            Exists(_public_statements().filter(article=OuterRef("pk")))
            | Exists(_public_stances().filter(article=OuterRef("pk")))
        )
        .select_related("outlet")
        .defer("body", "raw_html")
        .first()
    )


def article_public_statements(article) -> QuerySet[Statement]:
    """The public statements taken from an article, in text order, with speaker and claim."""
    return (
        _public_statements().filter(article=article)
        .select_related("claim", "claim__current_verdict")
        .order_by("start")
    )


def article_public_stances(article) -> QuerySet[Stance]:
    """The accepted stances on public claims taken from an article, with speaker and claim."""
    return _public_stances().filter(article=article).select_related("claim").order_by("cue_start", "id")


def flip_public_list() -> QuerySet[Flip]:
    """Confirmed flips whose two items are both public (the visibility rule for flips).

    A flip stays public only while its claim is public and both stances (or both statements) are
    accepted and not held: rejecting either item takes the flip down with it.
    """
    stances, statements = stance_public_list(), statement_public_list()
    return Flip.objects.filter(state=FlipState.CONFIRMED, claim__published=True, claim__merged_into__isnull=True).filter(
        (Exists(stances.filter(pk=OuterRef("earlier_stance_id"))) & Exists(stances.filter(pk=OuterRef("later_stance_id"))))
        | (Exists(statements.filter(pk=OuterRef("earlier_statement_id")))
           & Exists(statements.filter(pk=OuterRef("later_statement_id"))))
    )


def speaker_public_flips(speaker: Speaker) -> QuerySet[Flip]:
    """A speaker's public flips, newest first, with both items, their articles and the claim."""
    return (
        flip_public_list().filter(speaker=speaker)
        .select_related("claim", "claim__current_verdict", "earlier_stance__article__outlet",
                        "later_stance__article__outlet", "earlier_statement__article__outlet",
                        "later_statement__article__outlet")
        .defer("earlier_stance__article__body", "earlier_stance__article__raw_html",
               "later_stance__article__body", "later_stance__article__raw_html",
               "earlier_statement__article__body", "earlier_statement__article__raw_html",
               "later_statement__article__body", "later_statement__article__raw_html")
        .order_by("-later_on", "-id")
    )
