"""Claims selectors: how many statements a desk search term may match, from ANALYZE's statistics.

The desk's search page (``claims.selectors.desk.statement_queue_search_page``) reads a rare term's
matches by the pair index at once and walks the newest articles first for a common one. Which is
which comes from two sets of most common elements that ANALYZE keeps (PostgreSQL only):
the character pairs of ``statement_desk_grams_idx`` (migration 0010) and the character triples of
the ``statement_desk_trigrams_stat`` statistics (migration 0014). A statement holding a term holds
every pair and triple of it, so the term is at most as common as its rarest one; the planner
instead multiplies them, as if they were independent, and calls a common phrase rare. Triples
are what make a Latin word rare: every pair of "tariff" is common, RIF and IFF are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from claims.models import Statement
from claims.selectors.planner import common_element_shares, statistics_kept
from sources.models import Article


@dataclass(frozen=True)
class GramCounts:
    """Most common elements (gram -> share of statements) and the share assumed for any other."""

    common: dict[str, float]
    other: float

    def share(self, grams: list[str]) -> float | None:
        """The share of the rarest of ``grams`` (None for no grams)."""
        return min((self.common.get(g, self.other) for g in grams), default=None)


@dataclass(frozen=True)
class DeskStats:
    pairs: GramCounts | None
    triples: GramCounts | None
    statements: float  # rows as ANALYZE last counted them
    articles: float


# Kept this many seconds per database in a process: stale statistics can only make a search
# slower, never change its results (the statistics query returns 2,000 elements: 1-3 ms a search).
_STATS_TTL = 600.0
_stats_cache: dict[str, tuple[float, DeskStats | None]] = {}


def _counts(elems, freqs) -> GramCounts | None:
    shares = common_element_shares(elems, freqs)
    return GramCounts(*shares) if shares else None


def desk_stats() -> DeskStats | None:
    """The statements' pair and triple statistics and the table sizes; None before any ANALYZE."""
    return statistics_kept(_stats_cache, _STATS_TTL, _read_desk_stats)


def _read_desk_stats() -> DeskStats | None:
    with connection.cursor() as cursor:
        # pg_stats (for the index) and pg_stats_ext_exprs show these statistics only to the table's owner:
        # a role that does not own it gets None, and every search walks the newest articles first.
        cursor.execute(
            "SELECT p.most_common_elems::text::text[], p.most_common_elem_freqs, "
            "t.most_common_elems::text::text[], t.most_common_elem_freqs, "
            "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass), "
            "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass) "
            "FROM (SELECT 1) one "
            "LEFT JOIN pg_stats p ON p.schemaname = current_schema() AND p.tablename = 'statement_desk_grams_idx' "
            "LEFT JOIN pg_stats_ext_exprs t ON t.schemaname = current_schema() "
            "AND t.statistics_name = 'statement_desk_trigrams_stat'",
            [Statement._meta.db_table, Article._meta.db_table],
        )
        pair_elems, pair_freqs, triple_elems, triple_freqs, statements, articles = cursor.fetchone()
    if not (statements and articles and statements > 0 and articles > 0):
        return None
    return DeskStats(_counts(pair_elems, pair_freqs), _counts(triple_elems, triple_freqs),
                     float(statements), float(articles))


def _upper(text: str) -> str:
    """PostgreSQL's ``upper()``: character by character (Python's turns ß into two letters)."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in text)


def _windows(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(len(text) - size + 1)]


def term_share(variants: list[str], stats: DeskStats) -> float | None:
    """About the share of statements holding one of ``variants`` (spellings of one term), at most.

    Each spelling as its rarest pair or triple, the spellings added (a statement is written in one
    script); None when a spelling has no pair or there are no statistics to judge it by.
    """
    total = 0.0
    for variant in variants:
        text = _upper(variant)
        shares = [s for counts, size in ((stats.pairs, 2), (stats.triples, 3)) if counts is not None
                  and (s := counts.share(_windows(text, size))) is not None]
        if len(text) < 2 or not shares:
            return None
        total += min(shares)
    return min(1.0, total) if variants else None
