"""Claims selectors: public claim search (PostgreSQL full-text and trigram indexes; SQLite fallback).

Database-vendor branches live here and only here (house style)."""

from __future__ import annotations

import json
import re

from django.db import connection
from django.db.models import BooleanField, Case, Exists, Func, Max, Min, OuterRef, Q, QuerySet, Value, When

from claims import search
from claims.extraction.normalize import normalize_alias
from claims.models import Claim, Language, ReviewState, Speaker, SpeakerAlias, Statement, VerdictStatus
from claims.selectors.gazetteer import speaker_directory_stamp
from claims.selectors.planner import common_element_shares, planner_settings, statistics_kept
from claims.selectors.public import claim_published_list

# The public search ranks and counts at most this many matches, the newest ("200+" beyond, ten
# pages of 20): for a common word the cost grows with this window, not with the table's size.
SEARCH_COUNT_CAP = 200
# The newest matches are looked for in slices of recency, newest first, in one query that stops
# once the window is full. The first slice is the span of time expected to hold
# ``_SLICE_MARGIN`` times the window, by an estimate of how many claims match (from the statistics
# of the GIN lexemes: ``_match_estimate``); each further slice spans ``_SLICE_WIDEN`` times the one
# before, then everything older. Inside a slice the planner intersects the GIN bitmap with the
# recency index's range before reading the table, so a common word reads a few times the window's
# rows of the table wherever its matches lie, not all of them. A query expected to match at most
# ``_SLICE_FROM`` claims is one query over all its matches, as before: every slice repeats the
# GIN index scan, which costs more than reading that many rows.
_SLICE_MARGIN = 3
_SLICE_WIDEN = 8
_SLICE_FROM = 1_000
# Latin aliases this short ("US", "EU", "NATO") name someone only when typed in capitals, as the
# gazetteer scans them ("us" is a word).
_SHORT_LATIN = 4


class _TsMatch(Func):
    """``to_tsvector('simple', col) @@ to_tsquery('simple', query)``: the statements' expression GIN index."""
    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()


class _VectorMatch(Func):
    """``search_vector @@ to_tsquery('simple', query)`` on a claim: the stored vector of its search text.

    ``search_vector`` is a generated column of claims_claim (migration 0011) that the model does
    not declare, so it is named here beside the table alias Django gave ``search_text``.
    """

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        (column, p1), (query, p2) = (compiler.compile(e) for e in self.get_source_expressions())
        quoted = connection.ops.quote_name("search_text")
        if not column.endswith(quoted):
            raise ValueError("_VectorMatch takes the search_text column")
        vector = column[: -len(quoted)] + connection.ops.quote_name("search_vector")
        return f"{vector} @@ to_tsquery('simple'::regconfig, {query})", (*p1, *p2)


def _tree_q(tree) -> Q:
    """A ``search.ParsedQuery.match_tree`` as substring conditions on the search text."""
    if isinstance(tree, str):
        return Q(search_text__contains=tree)
    if tree[0] == "prefix":
        # A Latin word matches at the start of a word, as PostgreSQL's 'putin':* does (Putin,
        # not compPUTINg): after a space or a line break of the stored text, or at its start.
        word = tree[1]
        return (Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
                | Q(search_text__contains=f"\n{word}"))
    op, children = tree
    out = Q()
    for child in children:
        out = (out & _tree_q(child)) if op == "and" else (out | _tree_q(child))
    return out


def search_segmenter_sync() -> None:
    """Give the search segmenter every speaker alias so names stay whole (one small query when unchanged)."""
    stamp = speaker_directory_stamp()
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


def search_count(qs: QuerySet, cap: int | None = None) -> tuple[int, bool]:
    """(matches counted, True when there are more than ``cap``): COUNT over a LIMITed subquery stops early."""
    cap = SEARCH_COUNT_CAP if cap is None else cap
    n = qs.order_by().values("pk")[: cap + 1].count()
    return min(n, cap), n > cap


# ANALYZE's statistics of the stored vectors, per database, kept this many seconds in a process.
_STATS_TTL = 600.0
_stats_cache: dict[str, tuple[float, tuple[dict[str, float], float, float] | None]] = {}
_TSQUERY_TOKEN = re.compile(r"'[^']*'(?::\*)?|[()&|]")


def _lexeme_stats() -> tuple[dict[str, float], float, float] | None:
    """(share of claims holding each common lexeme, the share assumed for any other, claims in the table).

    From ``pg_stats`` (the most common elements of ``search_vector`` that ANALYZE keeps, as the
    planner uses them); None before the table was ever analyzed. Cached ``_STATS_TTL`` seconds:
    stale statistics can only make a search slower, never change its results.
    """
    return statistics_kept(_stats_cache, _STATS_TTL, _read_lexeme_stats)


def _read_lexeme_stats() -> tuple[dict[str, float], float, float] | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples FROM pg_class c "
            "LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = c.relname "
            "AND s.attname = 'search_vector' WHERE c.oid = %s::regclass",
            [Claim._meta.db_table],
        )
        row = cursor.fetchone()
    # A lexeme not among the common ones counts half the rarest of them (common_element_shares). A
    # smaller guess made ceasefire, in 5,185 of 1,000,000 claims, one query over all of them; a larger
    # one splits rare words into slices that each scan the GIN index.
    shares = common_element_shares(row[0], row[1]) if row else None
    if shares is None or not row[2] or row[2] <= 0:
        return None
    return (*shares, float(row[2]))


def _tsquery_share(tsquery: str, common: dict[str, float], other: float) -> float:
    """About the share of claims that a ``search.ParsedQuery.tsquery`` matches, from lexeme statistics.

    Like the planner's estimate but with AND as the rarest of its terms rather than their
    product: the terms of a phrase (its bigrams, its jieba tokens) go together, and the product
    made 外交部發言人 fourteen times rarer than it is. OR is the commonest of its alternatives (the
    same words as tokens or as bigrams, a name or its speaker). A prefix counts every common
    lexeme it begins.
    """
    tokens = _TSQUERY_TOKEN.findall(tsquery)
    pos = 0

    def peek() -> str:
        return tokens[pos] if pos < len(tokens) else ""

    def atom() -> float:
        nonlocal pos
        item = peek()
        pos += 1
        if item == "(":
            value = any_of()
            pos += 1  # ")"
            return value
        if item.endswith(":*"):
            word = item[1:-3]
            return min(1.0, max(other, sum(f for lexeme, f in common.items() if lexeme.startswith(word))))
        return common.get(item[1:-1], other) if item.startswith("'") else other

    def all_of() -> float:
        nonlocal pos
        value = atom()
        while peek() == "&":
            pos += 1
            value = min(value, atom())
        return value

    def any_of() -> float:
        nonlocal pos
        value = all_of()
        while peek() == "|":
            pos += 1
            value = max(value, all_of())
        return value

    return any_of() if tokens else 0.0


def _match_estimate(qs: QuerySet[Claim], parsed: search.ParsedQuery) -> float:
    """About how many published claims match (not counted: from statistics), for sizing the slices.

    The planner's own estimate (EXPLAIN, planned and not run) where the statistics are missing.
    """
    stats = _lexeme_stats()
    if stats is not None:
        common, other, rows = stats
        return _tsquery_share(parsed.tsquery(), common, other) * rows
    data = json.loads(qs.order_by().values("pk").explain(format="json"))
    return float((data[0] if isinstance(data, list) else data)["Plan"]["Plan Rows"])


def _recency_slices(expected: float, cap: int) -> list[tuple[object, object]]:
    """(lower, upper) bounds of ``modified_at`` for each slice, newest first: ``lower <= modified_at < upper``.

    ``None`` is open; one slice (everything) when ``expected`` is at most ``_SLICE_FROM`` or the
    margin of the window. The first slice is the newest fraction ``_SLICE_MARGIN * cap / expected`` of the
    time from the oldest change to the newest (the two ends of the ``modified_at`` index).
    """
    if expected <= max(_SLICE_FROM, _SLICE_MARGIN * cap):
        return [(None, None)]
    ends = Claim.objects.aggregate(newest=Max("modified_at"), oldest=Min("modified_at"))
    newest, oldest = ends["newest"], ends["oldest"]
    if newest is None:
        return [(None, None)]
    span = (newest - oldest) * (_SLICE_MARGIN * cap / expected)
    slices: list[tuple[object, object]] = []
    upper = None
    while span and newest - span > oldest:
        lower = newest - span
        slices.append((lower, upper))
        upper = lower
        span *= _SLICE_WIDEN
    slices.append((None, upper))
    return slices


def _newest_matches(qs: QuerySet[Claim], match: Q, cap: int, parsed: search.ParsedQuery) -> list[int]:
    """Ids of the ``cap`` newest claims of ``qs`` matching ``match`` (newest change first), slice by slice.

    Exactly the ``cap`` first of ``qs.filter(match)`` in (-modified_at, -id) order: every claim of
    a slice changed after every claim of the slices after it, so the slices are read in order
    until the window is full. One query: a UNION ALL of the slices under the window's LIMIT, which
    PostgreSQL runs child by child (an Append; parallel plans are off so that the order holds),
    stopping once the LIMIT is met, so the later slices cost nothing for a common word. Index
    scans are off too: with a LIMIT the planner would otherwise walk the recency index testing
    every row, betting on its guess of how common the words are; for a rare name it guessed wrong
    and read all 1,000,000 claims (20 s). Bitmaps of the GIN indexes and of the recency index's
    range are what it may use.
    """
    parts = []
    for slice_no, (lower, upper) in enumerate(_recency_slices(_match_estimate(qs.filter(match), parsed), cap)):
        part = qs.filter(match)
        if lower is not None:
            part = part.filter(modified_at__gte=lower)
        if upper is not None:
            part = part.filter(modified_at__lt=upper)
        parts.append(part.order_by("-modified_at", "-id").annotate(slice_no=Value(slice_no))
                     .values_list("slice_no", "modified_at", "pk")[:cap])
    window = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    with planner_settings(enable_indexscan="off", max_parallel_workers_per_gather="0"):
        rows = list(window[:cap]) if len(parts) > 1 else list(window)
    # The Append's order is the slices' order; sorting again costs nothing and depends on nothing.
    rows.sort(key=lambda row: (row[0], -row[1].timestamp(), -row[2]))
    return [pk for _slice, _when, pk in rows]


def claim_search(
    query: str,
    *,
    language: str | None = None,
    rating: str | None = None,
    speaker: Speaker | int | None = None,
    date_from=None,
    date_to=None,
    cap: int | None = SEARCH_COUNT_CAP + 1,
) -> QuerySet[Claim]:
    """Published claims matching ``query`` (claim text, its statements' words, the speakers they name) and filters.

    Either Chinese script finds both, and any alias of a speaker finds every claim naming that
    speaker. On PostgreSQL: jieba tokens or, failing those, every character bigram, through the
    GIN index of the stored tsvector, or the exact folded query as a substring (pg_trgm index);
    exact-substring matches first, then newest change. With a query, only the ``cap`` newest
    matches are ranked and returned (the page shows "200+"; ``cap=None`` returns every match,
    for API filters that keep their own order); the window is read when this is called. On SQLite: substring matching on the same stored text. An
    empty query lists every published claim (filters still apply). ``language`` "zh" means either
    Chinese script; dates bound the verdict's publication.
    """
    qs = claim_published_list()
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
    order = ["-modified_at", "-id"]
    parsed = claim_search_parse(query) if (query or "").strip() else None
    if parsed:
        exact = Q(search_text__contains=parsed.folded)
        # A query that is only a name (普京, Putin) ranks no spelling first: every alias of the
        # speaker must list the same claims in the same order.
        rank_exact = not parsed.only_names
        if connection.vendor == "postgresql":
            # pg_trgm can only narrow a LIKE whose pattern holds a whole trigram; a shorter one
            # makes GIN read its entire index. Two Han characters are a bigram lexeme anyway.
            # Both indexes answer one OR (a BitmapOr); rechecking a row reads the stored vector.
            match = Q(_VectorMatch("search_text", Value(parsed.tsquery())))
            if rank_exact and len(parsed.folded) >= 3:
                match |= exact
            exact_first = (
                Case(When(exact, then=Value(True)), default=Value(False), output_field=BooleanField())
                if rank_exact else Value(False, output_field=BooleanField())
            )
            if cap:
                # The window: the ``cap`` newest matches, fetched once (``_newest_matches``: by
                # slices of recency, so a common word reads only the newest slice's matches). The
                # page, its exact-first order and the capped count then cost a lookup of at most
                # ``cap`` ids.
                qs = qs.filter(pk__in=_newest_matches(qs, match, cap, parsed))
            else:
                qs = qs.filter(match)
            qs = qs.annotate(exact_match=exact_first).select_related(None).prefetch_related("current_verdict")
        else:
            condition = _tree_q(parsed.match_tree())
            if rank_exact:
                condition |= exact
                exact_first = Case(When(exact, then=Value(True)), default=Value(False), output_field=BooleanField())
            else:
                exact_first = Value(False, output_field=BooleanField())
            qs = qs.filter(condition).annotate(exact_match=exact_first)
        order = ["-exact_match", *order]
    # search_text is several times the claim's size and never shown.
    return qs.defer("search_text").order_by(*order)
