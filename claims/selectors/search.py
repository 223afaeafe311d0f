"""Claims selectors: public claim search (PostgreSQL full-text and trigram indexes; SQLite fallback).

Database-vendor branches live here and only here (house style)."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Case, Count, Exists, Func, Max, OuterRef, Q, QuerySet, Value, When

from claims import search
from claims.extraction.normalize import normalize_alias
from claims.models import Claim, Language, ReviewState, Speaker, SpeakerAlias, Statement, VerdictStatus
from claims.selectors.public import claim_published_list

# The public search counts at most this many matches ("1,000+" beyond): counting every match of a
# common word at a million claims costs more than ranking the first page.
SEARCH_COUNT_CAP = 1000
# Latin aliases this short ("US", "EU", "NATO") name someone only when typed in capitals, as the
# gazetteer scans them ("us" is a word).
_SHORT_LATIN = 4


class _TsMatch(Func):
    """``to_tsvector('simple', col) @@ to_tsquery('simple', query)``: the expression the GIN index is on."""
    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()


def _tree_q(tree) -> Q:
    """A ``search.ParsedQuery.match_tree`` as substring conditions on the search text."""
    if isinstance(tree, str):
        return Q(search_text__contains=tree)
    op, children = tree
    out = Q()
    for child in children:
        out = (out & _tree_q(child)) if op == "and" else (out | _tree_q(child))
    return out


def search_segmenter_sync() -> None:
    """Give the search segmenter every speaker alias so names stay whole (one small query when unchanged)."""
    stamp = tuple(SpeakerAlias.objects.aggregate(n=Max("id"), c=Count("id")).values())
    if stamp != search.alias_stamp():
        search.add_names(SpeakerAlias.objects.values_list("alias", flat=True).iterator(chunk_size=2000))
        search.set_alias_stamp(stamp)


def speaker_name_resolver(raw_query: str) -> search.NameResolver:
    """A resolver for ``search.parse_query``: folded candidate names -> ids of live speakers with that alias.

    One indexed query (``SpeakerAlias.normalized``) for every candidate of the query at once.
    """
    typed = normalize_alias(raw_query)
    upper = "".join((raw_query or "").split())

    def resolve(candidates: list[str]) -> dict[str, tuple[int, ...]]:
        wanted: dict[str, list[str]] = {}
        for candidate in candidates:
            key = normalize_alias(candidate)
            if len(key) < 2 or key not in typed:
                continue
            if key.isascii() and len(key) <= _SHORT_LATIN and key.upper() not in upper:
                continue
            wanted.setdefault(key, []).append(candidate)
        if not wanted:
            return {}
        found: dict[str, set[int]] = {}
        rows = SpeakerAlias.objects.filter(normalized__in=list(wanted), speaker__merged_into__isnull=True)
        for key, speaker_id in rows.values_list("normalized", "speaker_id")[:500]:
            for candidate in wanted[key]:
                found.setdefault(candidate, set()).add(speaker_id)
        return {c: tuple(sorted(ids)) for c, ids in found.items()}

    return resolve


def claim_search_parse(query: str) -> search.ParsedQuery:
    """The query as claim_search reads it: segmented, with every speaker name it holds expanded."""
    search_segmenter_sync()
    return search.parse_query(query, speaker_name_resolver(query))


def search_count(qs: QuerySet, cap: int = SEARCH_COUNT_CAP) -> tuple[int, bool]:
    """(matches counted, True when there are more than ``cap``): COUNT over a LIMITed subquery stops early."""
    n = qs.order_by().values("pk")[: cap + 1].count()
    return min(n, cap), n > cap


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
        parsed = claim_search_parse(query)
        if parsed:
            exact = Q(search_text__contains=parsed.folded)
            # A query that is only a name (普京, Putin) ranks no spelling first: every alias of
            # the speaker must list the same claims in the same order.
            rank_exact = not parsed.only_names
            if connection.vendor == "postgresql":
                # pg_trgm can only narrow a LIKE whose pattern holds a whole trigram; a shorter one
                # makes GIN read its entire index (seconds on 100,000 claims). Two Han characters
                # are a bigram lexeme anyway; a single character matches where it is a token.
                # Each index answers its own subquery, unioned: with a plain OR, PostgreSQL rechecks
                # every candidate row against both conditions, recomputing to_tsvector per row. The
                # exact-first flag is a hashed lookup in the LIKE subquery, not a LIKE per row.
                ids = Claim.objects.filter(_TsMatch("search_text", Value(parsed.tsquery()))).order_by().values("pk")
                if rank_exact and len(parsed.folded) >= 3:
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
                condition = _tree_q(parsed.match_tree())
                if rank_exact:
                    condition |= exact
                    exact_first = Case(When(exact, then=Value(True)), default=Value(False), output_field=BooleanField())
                else:
                    exact_first = Value(False, output_field=BooleanField())
                qs = qs.filter(condition).annotate(exact_match=exact_first)
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
