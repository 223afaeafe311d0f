"""Claims selectors: public claim search (PostgreSQL full-text and trigram indexes; SQLite fallback).

Database-vendor branches live here and only here (house style)."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Case, Count, Exists, Func, Max, OuterRef, Q, QuerySet, Value, When

from claims import search
from claims.models import Claim, Language, ReviewState, Speaker, SpeakerAlias, Statement, VerdictStatus
from claims.selectors.public import claim_published_list


class _TsMatch(Func):
    """``to_tsvector('simple', col) @@ to_tsquery('simple', query)``: the expression the GIN index is on."""
    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()


def search_segmenter_sync() -> None:
    """Give the search segmenter every speaker alias so names stay whole (one small query when unchanged)."""
    stamp = tuple(SpeakerAlias.objects.aggregate(n=Max("id"), c=Count("id")).values())
    if stamp != search.alias_stamp():
        search.add_names(SpeakerAlias.objects.values_list("alias", flat=True).iterator(chunk_size=2000))
        search.set_alias_stamp(stamp)


def claim_search(
    query: str,
    *,
    language: str | None = None,
    rating: str | None = None,
    speaker: Speaker | int | None = None,
    date_from=None,
    date_to=None,
) -> QuerySet[Claim]:
    """Published claims matching ``query`` (claim text, its statements' words, speaker names) and filters.

    Either Chinese script finds both. On PostgreSQL: jieba tokens or, failing those, every
    character bigram, through the GIN full-text index, or the exact folded query as a substring
    (pg_trgm index); exact-substring matches first, then newest change. On SQLite: substring
    matching on the same stored text. An empty query lists every published claim (filters still
    apply). ``language`` "zh" means either Chinese script; dates bound the verdict's publication.
    """
    qs = claim_published_list()
    order = ["-modified_at", "-id"]
    if (query or "").strip():
        search_segmenter_sync()
        parsed = search.parse_query(query)
        if parsed:
            exact = Q(search_text__contains=parsed.folded)
            if connection.vendor == "postgresql":
                # pg_trgm can only narrow a LIKE whose pattern holds a whole trigram; a shorter one
                # makes GIN read its entire index (seconds on 100,000 claims). Two Han characters
                # are a bigram lexeme anyway; a single character matches where it is a token.
                # Each index answers its own subquery, unioned: with a plain OR, PostgreSQL rechecks
                # every candidate row against both conditions, recomputing to_tsvector per row. The
                # exact-first flag is a hashed lookup in the LIKE subquery, not a LIKE per row.
                ids = Claim.objects.filter(_TsMatch("search_text", Value(parsed.tsquery()))).order_by().values("pk")
                if len(parsed.folded) >= 3:
                    like_ids = Claim.objects.filter(exact).order_by().values("pk")
                    ids = ids.union(like_ids)
                    exact_first = Case(When(pk__in=like_ids, then=Value(True)), default=Value(False))
                else:
                    # A UNION is never flattened into the outer query; a bare IN (...) was turned into
                    # a walk down the recency index with to_tsvector per row (1.2 s on 100,000 claims).
                    ids = ids.union(ids)
                    exact_first = Value(False)
                qs = qs.filter(pk__in=ids).annotate(exact_match=exact_first)
                # Sort and cut the page before fetching verdicts (a join first would touch every match).
                qs = qs.select_related(None).prefetch_related("current_verdict")
            else:
                condition = Q()
                for alternatives in parsed.substrings():
                    either = Q()
                    for pieces in alternatives:
                        either |= Q(*[Q(search_text__contains=piece) for piece in pieces])
                    condition &= either
                condition |= exact
                qs = qs.filter(condition).annotate(
                    exact_match=Case(When(exact, then=Value(True)), default=Value(False), output_field=BooleanField())
                )
            order = ["-exact_match", *order]
    if language == "zh":
        qs = qs.filter(language__in=[Language.ZH_HANT, Language.ZH_HANS])
    elif language:
        qs = qs.filter(language=language)
    if rating:
        qs = qs.filter(current_verdict__rating=rating, current_verdict__status=VerdictStatus.PUBLISHED)
    if speaker:
        speaker_id = speaker.pk if isinstance(speaker, Speaker) else int(speaker)
        qs = qs.filter(Exists(Statement.objects.filter(
            claim=OuterRef("pk"), speaker_id=speaker_id, review_state=ReviewState.ACCEPTED
        )))
    if date_from:
        qs = qs.filter(current_verdict__published_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(current_verdict__published_at__date__lte=date_to)
    # search_text is several times the claim's size and never shown.
    return qs.defer("search_text").order_by(*order)
