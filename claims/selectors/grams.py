"""Claims selectors: substring probes narrowed by a character-pair GIN index (PostgreSQL).

``text ILIKE '%term%'`` cannot use a B-tree, and pg_trgm cannot narrow a two-character Chinese
term. Migration 0010 defines ``factdesk_bigrams`` (every character pair of a text) and indexes the
statements' text with it; migration 0013 indexes claims' and request groups' text the same way. A
probe becomes "the row's pairs hold every pair of the term" (GIN ``@>``) AND the LIKE recheck, so
the index finds the few candidate rows and the LIKE keeps the answer exact. On SQLite (the embedded
default) only the LIKE remains.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value


class _GramsContain(Func):
    """``factdesk_bigrams(upper(<field>)) @> factdesk_bigrams(upper(<term>))``: the left side is
    exactly the indexed expression (claim_text_grams_idx, request_group_text_grams_idx)."""

    output_field = BooleanField()

    def __init__(self, field: str, term: str):
        super().__init__(F(field), Value(term))

    def as_sql(self, compiler, connection, **extra_context):
        (field, p1), (term, p2) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"factdesk_bigrams(upper({field})) @> factdesk_bigrams(upper({term}))", (*p1, *p2)


def text_holds(field: str, term: str) -> Q:
    """Rows whose ``field`` contains ``term`` (case-insensitive), through the pair index where there is one."""
    q = Q(**{f"{field}__icontains": term})
    if connection.vendor == "postgresql" and len(term) >= 2:
        q &= Q(_GramsContain(field, term))
    return q


def text_holds_any(field: str, terms: list[str]) -> Q:
    """Rows whose ``field`` contains at least one of ``terms`` (an OR of indexed probes: a bitmap OR)."""
    q = Q()
    for term in terms:
        q |= text_holds(field, term)
    return q
