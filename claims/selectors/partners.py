"""Claims selectors: the partner API's read shapes (rows, tombstones, filters) on the public rules.

Each list declares its queries: one for the page, one per related set, so the number of queries
does not grow with the page size. Timestamps are formatted by the database (IsoUtc)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import CharField, Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.models import Claim, ReviewState, Speaker, Statement, Verdict, VerdictStatus
from claims.selectors.public import claim_published_list, stance_public_list, statement_public_list
from claims.selectors.search import claim_search
from sources.models import Article


def public_claims() -> QuerySet[Claim]:
    """Published, unmerged claims with their current verdict and the sort keys the API offers."""
    return (
        claim_published_list()
        .select_related(None)
        .select_related("current_verdict")
        # Selected only where a caller asks for them (claim_rows, when sorting by them).
        .alias(
            first_seen_key=Coalesce("first_seen_at", "created_at"),
            published_key=Coalesce("published_at", "created_at"),
        )
    )


class IsoUtc(Func):
    """A timestamp formatted by the database as the API writes it (``2025-02-13T01:20:00Z``).

    Parsing timestamps into Python datetimes (psycopg plus Django's time-zone loader, ~7 us each)
    and formatting them back was most of the claims list's cost; the list selects them as text.
    """
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # %%%% -> %% after Django fills the template; the SQLite backend turns %% into % when it
        # binds parameters (and DEBUG's query logging formats it the same way).
        template = "strftime('%%%%Y-%%%%m-%%%%dT%%%%H:%%%%M:%%%%SZ', %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra)


# The claims list's row: plain values (no model instances), timestamps already formatted.
CLAIM_ROW_FIELDS = ("id", "text", "language", "claim_type", "status", "modified_at", "current_verdict_id",
                    "current_verdict__rating", "current_verdict__summary", "current_verdict__revision",
                    "current_verdict__status", "published", "merged_into_id")

CLAIM_ROW_EXPRESSIONS = {
    "first_seen_iso": IsoUtc(F("first_seen_at")),
    "published_iso": IsoUtc(F("published_at")),
    "updated_iso": IsoUtc(F("modified_at")),
    "withdrawn_iso": IsoUtc(Coalesce("withdrawn_at", "modified_at")),
    "verdict_published_iso": IsoUtc(F("current_verdict__published_at")),
}


def claims_with_tombstones() -> QuerySet[Claim]:
    """Public claims plus the tombstones of claims that were public once and are not now
    (withdrawn or merged): what an ``updated_since`` reader must see to stay in sync."""
    return (
        Claim.objects.filter(
            Q(published=True, merged_into__isnull=True) | Q(published=False, published_at__isnull=False)
        )
        .select_related("current_verdict")
        .alias(
            first_seen_key=Coalesce("first_seen_at", "created_at"),
            published_key=Coalesce("published_at", "created_at"),
        )
    )


def is_tombstone(claim) -> bool:
    """A claim (model or row) that left the public: partners get only its id and when it went."""
    if isinstance(claim, dict):
        return not claim["published"] or claim["merged_into_id"] is not None
    return not claim.published or claim.merged_into_id is not None


def claim_tombstone(claim_id: int) -> Claim | None:
    """A claim that was public once and is not now (withdrawn or merged), else None."""
    return claims_with_tombstones().filter(pk=claim_id).exclude(published=True, merged_into__isnull=True).first()


def claim_rows(queryset: QuerySet[Claim], sort_key: str = "updated_at") -> QuerySet:
    """``queryset`` as dict rows for the list; ``sort_key`` (the cursor's field) is selected too."""
    extra = {}
    if sort_key in {"first_seen_key", "published_key"}:
        extra[sort_key] = Coalesce(sort_key.replace("_key", "_at"), "created_at")
    return queryset.values(*CLAIM_ROW_FIELDS, **CLAIM_ROW_EXPRESSIONS, **extra)


def public_speakers() -> QuerySet[Speaker]:
    """Unmerged speakers with at least one public statement or stance (others are never shown)."""
    return Speaker.objects.filter(merged_into__isnull=True).filter(
        Exists(statement_public_list().filter(speaker_id=OuterRef("pk")))
        | Exists(stance_public_list().filter(speaker_id=OuterRef("pk")))
    )


def public_articles() -> QuerySet[Article]:
    """Articles with at least one public statement (their metadata only is shown)."""
    return Article.objects.filter(Exists(statement_public_list().filter(article_id=OuterRef("pk"))))


def public_verdict(claim: Claim) -> Verdict | None:
    """The claim's current verdict when it is published."""
    verdict = claim.current_verdict
    return verdict if verdict is not None and verdict.status == VerdictStatus.PUBLISHED else None


def attach_claim_people(claims: Iterable) -> None:
    """Give each claim (model or dict row) ``api_speakers`` [(id, name)] and ``api_languages``, in one query."""
    claims = list(claims)
    is_row = bool(claims) and isinstance(claims[0], dict)
    people: dict[int, tuple[list, list]] = {}
    for claim in claims:
        pair: tuple[list, list] = ([], [])
        if is_row:
            claim["api_speakers"], claim["api_languages"] = pair
            people[claim["id"]] = pair
        else:
            claim.api_speakers, claim.api_languages = pair
            people[claim.pk] = pair
    if not people:
        return
    rows = (
        Statement.objects.filter(claim_id__in=list(people), review_state=ReviewState.ACCEPTED)
        .values_list("claim_id", "speaker_id", "speaker__name", "language")
        .order_by("claim_id", "id")
    )
    seen: set = set()
    for claim_id, speaker_id, speaker_name, language in rows:
        speakers, languages = people[claim_id]
        if speaker_id is not None and (claim_id, "s", speaker_id) not in seen:
            seen.add((claim_id, "s", speaker_id))
            speakers.append((speaker_id, speaker_name))
        if language and (claim_id, "l", language) not in seen:
            seen.add((claim_id, "l", language))
            languages.append(language)
    for claim in claims:
        own = claim["language"] if is_row else claim.language
        languages = claim["api_languages"] if is_row else claim.api_languages
        if own and own not in languages:
            languages.insert(0, own)


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


def claims_matching(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """``queryset`` narrowed to the claims a full-text query finds (the caller keeps its ordering)."""
    return queryset.filter(pk__in=claim_search(query).order_by().values("pk"))


def verdict_history(claim: Claim) -> list[dict]:
    """Every public state of the claim's verdicts, newest first: each publication and each edit
    made while published (from the history table), one entry per verdict revision."""
    rows = (
        # By verdict, not by the history row's claim: verdicts moved here by a merge bring their past.
        Verdict.history.filter(id__in=Verdict.objects.filter(claim=claim).values("id"), status=VerdictStatus.PUBLISHED)
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


def factcheck_claims(
    query: str, *, languages: list[str] | None = None, newer_than: dt.datetime | None = None
) -> QuerySet[Claim]:
    """Claims with a published verdict, as the Google-compatible ``claims:search`` lists them.

    Searched through claims.selectors.search (best match first) when there is a query, newest change
    first otherwise. Each carries ``claim_said_on``: the earliest day one of its public statements
    was said (None when no date is known), the claim's date before its first sighting.
    ``newer_than`` keeps claims whose claim date or review date, whichever is newer, is not older.
    """
    found = claim_search(query) if query else public_claims().order_by("-modified_at", "-id")
    found = found.filter(current_verdict__status=VerdictStatus.PUBLISHED)
    if languages is not None:
        found = found.filter(language__in=languages)
    first_said = (
        statement_public_list().filter(claim=OuterRef("pk"), said_on__isnull=False).order_by("said_on").values("said_on")
    )
    found = found.annotate(claim_said_on=Subquery(first_said[:1]))
    if newer_than is not None:
        found = found.filter(
            Q(current_verdict__published_at__gte=newer_than)
            | Q(claim_said_on__gte=newer_than.date())
            | Q(claim_said_on__isnull=True, first_seen_at__gte=newer_than)
        )
    return found
