"""The desk search judges a term rare or common by ANALYZE's pair and triple statistics (issue 17)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import selectors
from claims.models import Statement
from claims.selectors import desk_stats as stats_module
from claims.selectors.desk_stats import DeskStats, GramCounts, desk_stats, term_share
from tests.claims.test_desk_queue_paging import _queue_search, _statement_reads
from tests.factories import make_article, make_speaker


def _stats(pairs: dict[str, float], triples: dict[str, float] | None = None, other: float = 0.001) -> DeskStats:
    return DeskStats(GramCounts(pairs, other), None if triples is None else GramCounts(triples, other), 1e6, 1e5)


def test_a_latin_word_is_as_rare_as_its_rarest_triple_though_every_pair_is_common():
    pairs = {"TA": 0.3, "AR": 0.3, "RI": 0.3, "IF": 0.2, "FF": 0.1}
    assert term_share(["tariff"], _stats(pairs)) == 0.1  # the pairs alone: the rarest pair
    assert term_share(["tariff"], _stats(pairs, {"TAR": 0.05, "ARI": 0.01})) == 0.001  # RIF, IFF: not common


def test_a_phrase_is_as_rare_as_its_rarest_gram_not_their_product():
    stats = _stats({"國防": 0.02, "防預": 0.01, "預算": 0.03}, {"國防預": 0.009, "防預算": 0.012})
    assert term_share(["國防預算"], stats) == 0.009


def test_the_spellings_of_a_term_add_up_and_a_term_without_pairs_has_no_estimate():
    stats = _stats({"關稅": 0.002, "关税": 0.001})
    assert term_share(["關稅", "关税"], stats) == pytest.approx(0.003)
    assert term_share(["關"], stats) is None
    assert term_share([], stats) is None
    assert term_share(["關稅"], DeskStats(None, None, 1e6, 1e5)) is None


def test_case_is_folded_as_postgresql_folds_it():
    # PostgreSQL's upper() keeps ß (one character); Python's would make it SS and miss the pair.
    assert term_share(["straße"], _stats({"SS": 0.5, "ST": 0.5, "TR": 0.5, "RA": 0.5, "AS": 0.5, "ßE": 0.2,
                                          "Aß": 0.2})) == 0.2


def _latin_queue(common: int, rare: int) -> None:
    """Articles of 10 statements holding every pair of "tariff" but not the word; ``rare`` with it."""
    rows = []
    for a in range((common + rare) // 10):
        article = make_article(f"Article {a} on trade.", title=f"Trade {a}")
        for i in range(10):
            k = a * 10 + i
            text = f"A tariff on steel, said {k}." if k < rare else f"We start a river trip if it is off, said {k}."
            rows.append(Statement(article=article, text=text, start=100 * i, end=100 * i + len(text), kind="direct",
                                  language="en", review_state="candidate"))
    Statement.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_statement")
        cursor.execute("ANALYZE sources_article")


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_rare_latin_word_goes_straight_to_the_bitmap_though_its_pairs_are_common(monkeypatch):
    monkeypatch.setattr(stats_module, "_stats_cache", {})
    monkeypatch.setattr(selectors.desk, "_QUEUE_SEARCH_ARTICLES", 2)
    _latin_queue(common=297, rare=3)  # 30 articles: the walk of 2 expects a sixth of 90 matches
    stats = desk_stats()
    assert stats is not None and stats.triples is not None  # migration 0014's statistics, filled by ANALYZE
    assert selectors.desk._term_is_rare("tariff", 6)
    assert not selectors.desk._term_is_rare("river trip", 6)
    # By its pairs alone (before migration 0014) tariff was as common as the text around it.
    monkeypatch.setattr(stats_module, "_stats_cache", {connection.settings_dict["NAME"]: (
        float("inf"), DeskStats(stats.pairs, None, stats.statements, stats.articles))})
    assert not selectors.desk._term_is_rare("tariff", 6)
    monkeypatch.setattr(stats_module, "_stats_cache", {})

    expected = list(_queue_search("tariff").values_list("pk", flat=True))
    assert len(expected) == 3
    with CaptureQueriesContext(connection) as ctx:
        page = selectors.statement_queue_search_page(_queue_search("tariff"), 6, term="tariff")
    assert [s.pk for s in page] == expected
    reads = [sql for sql in _statement_reads(ctx) if "pg_stats" not in sql]
    assert len(reads) == 2  # the matches' ids by the bitmap, then those rows: no walk


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_named_speakers_statements_count_toward_the_estimate(monkeypatch):
    monkeypatch.setattr(stats_module, "_stats_cache", {})
    monkeypatch.setattr(selectors.desk, "_QUEUE_SEARCH_ARTICLES", 2)
    _latin_queue(common=300, rare=0)
    speaker = make_speaker("Tariffson Quill")
    Statement.objects.filter(pk__in=Statement.objects.order_by("pk").values("pk")[:40]).update(speaker=speaker)
    # No statement text holds "tariffson" (an estimate of a few rows): the speaker's 40 decide.
    assert selectors.desk._term_is_rare("tariffson", 3)  # fewer than the 45 a walk of 2 articles expects
    assert not selectors.desk._term_is_rare("tariffson", 2)  # more than 30
    for n in (2, 3, 50):
        page = selectors.statement_queue_search_page(_queue_search("tariffson"), n, term="tariffson")
        assert [s.pk for s in page] == list(_queue_search("tariffson").values_list("pk", flat=True)[:n])


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_pairs_and_triples_keep_four_thousand_common_elements():
    # 1,000 (the default) guessed every pair or triple missing from the list at 1,550 of a million.
    with connection.cursor() as cursor:
        cursor.execute("SELECT a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                       "WHERE c.relname = 'statement_desk_grams_idx'")
        assert cursor.fetchall() == [(400,)]
        cursor.execute("SELECT stxstattarget FROM pg_statistic_ext WHERE stxname = 'statement_desk_trigrams_stat'")
        assert cursor.fetchall() == [(400,)]
