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


class GramsContain(Func):
    """``factdesk_bigrams(upper(<fields joined by a space>)) @> factdesk_bigrams(upper(<term>))``.

    The left side must be exactly an indexed expression: ``text`` for claim_text_grams_idx and
    request_group_text_grams_idx (migration 0013), ``text``, ``mention`` for the statements'
    statement_desk_grams_idx (migration 0010). The right side is a constant the planner folds once.
    """

    output_field = BooleanField()

    def __init__(self, *fields: str, term: str):
        super().__init__(*(F(f) for f in fields), Value(term))

    def as_sql(self, compiler, connection, **extra_context):
        *fields, (term, term_params) = (compiler.compile(e) for e in self.get_source_expressions())
        joined = " || ' ' || ".join(sql for sql, _ in fields)
        params = [p for _, ps in fields for p in ps]
        return f"factdesk_bigrams(upper({joined})) @> factdesk_bigrams(upper({term}))", (*params, *term_params)


def text_holds(field: str, term: str) -> Q:
    """Rows whose ``field`` contains ``term`` (case-insensitive), through the pair index where there is one."""
    q = Q(**{f"{field}__icontains": term})
    if connection.vendor == "postgresql" and len(term) >= 2:
        q &= Q(GramsContain(field, term=term))
    return q


def text_holds_any(field: str, terms: list[str]) -> Q:
    """Rows whose ``field`` contains at least one of ``terms`` (an OR of indexed probes: a bitmap OR)."""
    q = Q()
    for term in terms:
        q |= text_holds(field, term)
    return q
