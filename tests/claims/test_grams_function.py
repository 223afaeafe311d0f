"""factdesk_bigrams (migrations 0010, 0017): every character pair of a text, repeats allowed; the
pair indexes and their queries depend only on the set of pairs."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres


def _pairs(text: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT factdesk_bigrams(%s)", [text])
        return cursor.fetchone()[0]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "橋", "新橋", "新橋新橋明年通車", "AAAA", "SEA ROAD 海堤"])
def test_every_pair_in_order_and_nothing_else(text):
    expected = [text[i : i + 2] for i in range(len(text) - 1)]
    assert _pairs(text) == expected
    assert set(_pairs(text)) == {text[i : i + 2] for i in range(len(text) - 1)}


@pytest.mark.django_db
def test_repeated_pairs_still_match_through_the_pair_index():
    from tests.factories import make_statement

    statement = make_statement(text="新橋新橋新橋明年通車")
    make_statement(text="舊路明年拓寬")
    query = (
        "SELECT id FROM claims_statement "
        "WHERE factdesk_bigrams(upper(text || ' ' || mention)) @> factdesk_bigrams(upper(%s))"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + query, ["新橋新橋"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "statement_desk_grams_idx" in plan, plan
        cursor.execute(query, ["新橋新橋"])
        assert [row[0] for row in cursor.fetchall()] == [statement.pk]
