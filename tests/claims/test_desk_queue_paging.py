"""The review queue pages by key past the old 10,000-row cap, and the desk search uses its GIN index (issue 17)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import selectors
from claims.admin.statements import StatementAdmin
from claims.models import Statement
from sources.admin_articles import CappedPaginator
from tests.claims.test_desk_queries import QUEUE, _bulk_statements
from tests.factories import make_article, make_speaker, make_statement, make_user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _walk(client, params: dict | None = None) -> list[int]:
    """Every row of the queue, following "next page" links from the first page."""
    seen: list[int] = []
    response = client.get(QUEUE, params or {})
    for _ in range(100):
        assert response.status_code == 200
        cl = response.context["cl"]
        assert cl.keyset
        seen += [row.pk for row in cl.result_list]
        if not cl.keyset_next_url:
            return seen
        assert cl.keyset_next_url in response.content.decode().replace("&amp;", "&")
        response = client.get(QUEUE + cl.keyset_next_url)
    raise AssertionError("the queue did not end")


@pytest.mark.django_db
def test_every_candidate_is_reachable_past_the_old_cap(client, monkeypatch):
    client.force_login(make_user(groups=("fact-checker",)))
    monkeypatch.setattr(StatementAdmin, "list_per_page", 7)
    monkeypatch.setattr(CappedPaginator, "cap", 20)  # the old pages stopped here
    _bulk_statements(45, per_article=6)
    expected = list(
        Statement.objects.filter(review_state="candidate")
        .order_by("-article__created_at", "article_id", "start", "pk").values_list("pk", flat=True)
    )
    assert len(expected) == 45
    assert _walk(client) == expected


@pytest.mark.django_db
def test_keyset_pages_keep_the_search_and_filters_and_never_count(client, monkeypatch):
    client.force_login(make_user(groups=("fact-checker",)))
    monkeypatch.setattr(StatementAdmin, "list_per_page", 4)
    _bulk_statements(30, per_article=5)
    wanted = set(Statement.objects.filter(text__contains="第1篇").values_list("pk", flat=True))
    assert len(wanted) == 5
    assert set(_walk(client, {"q": "第1篇"})) == wanted
    with CaptureQueriesContext(connection) as ctx:
        client.get(QUEUE, {"q": "第1篇"})
    # No count of statements at all (the pending-changes badge counts its own small table).
    assert not [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"].upper() and "claims_statement" in q["sql"]]


@pytest.mark.django_db
def test_a_malformed_cursor_shows_the_first_page(client):
    client.force_login(make_user(groups=("fact-checker",)))
    _bulk_statements(3)
    first = [row.pk for row in client.get(QUEUE).context["cl"].result_list]
    for junk in ("nonsense", "2025-13-01~1~2~3", "~~~", "x" * 5000):
        response = client.get(QUEUE, {"after": junk})
        assert response.status_code == 200
        assert [row.pk for row in response.context["cl"].result_list] == first


@pytest.mark.django_db
def test_sorting_by_a_column_keeps_numbered_pages(client):
    client.force_login(make_user(groups=("fact-checker",)))
    _bulk_statements(3)
    response = client.get(QUEUE, {"o": "4"})
    assert response.status_code == 200
    assert not response.context["cl"].keyset
    assert len(response.context["cl"].result_list) == 3


@pytest.mark.django_db
def test_desk_search_finds_two_character_words_mentions_and_aliases():
    putin = make_speaker("普京測試", aliases=("Putin Test",))
    by_text = make_statement(text="俄方認為普京的提議合理")
    by_alias = make_statement(text="我們不接受這個條件", speaker=putin)
    article = make_article("克宮稱:「談判仍在進行」。")
    by_mention = make_statement(article, text="談判仍在進行", mention="克宮")
    make_statement(text="完全無關的一句話")

    def found(term: str) -> set[int]:
        return set(Statement.objects.filter(selectors.statement_search_q(term)).values_list("pk", flat=True))

    assert found("普京") == {by_text.pk, by_alias.pk}  # two characters, and the speaker's alias prefix
    assert found("putin test") == {by_alias.pk}
    assert found("克宮") == {by_mention.pk}
    assert found("克宫") == {by_mention.pk}  # Simplified finds Traditional
    assert found("提") == {by_text.pk}  # one character: no pair to look up, still a substring match


@pytest.mark.postgres
@pytest.mark.django_db
def test_desk_search_uses_the_character_pair_index():
    make_statement(text="俄方認為普京的提議合理")
    qs = Statement.objects.filter(selectors.statement_search_q("普京的提議")).order_by().only("id")
    # On a tiny table any plan is cheap: leave the planner only the bitmap scans an index can give.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = qs.explain()
    assert "statement_desk_grams_idx" in plan
    assert qs.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("window", [1, 2, 5, 1000])
@pytest.mark.parametrize("rare", [False, True])
def test_desk_search_pages_are_the_queue_order_however_the_newest_articles_are_cut(client, monkeypatch, window, rare):
    """The search page is read from the newest articles first, then the rest (or, for a word the
    statistics call rare, by the index at once): same rows, same order."""
    client.force_login(make_user(groups=("fact-checker",)))
    monkeypatch.setattr(StatementAdmin, "list_per_page", 4)
    monkeypatch.setattr(selectors.desk, "_QUEUE_SEARCH_ARTICLES", window)
    monkeypatch.setattr(selectors.desk, "_term_is_rare", lambda term, n: rare)
    _bulk_statements(30, per_article=5)  # six articles
    order = ("-article__created_at", "article_id", "start", "pk")
    queue = Statement.objects.filter(review_state="candidate")
    # Every row; the oldest article; one row; none; a speaker's (rare ones may name a speaker now).
    for term in ("句話", "第0篇", "第3篇第4句", "沒有這句", "量測發言人1"):
        expected = list(queue.filter(selectors.statement_search_q(term)).order_by(*order).values_list("pk", flat=True))
        assert _walk(client, {"q": term}) == expected, term
        page = selectors.statement_queue_search_page(
            queue.filter(selectors.statement_search_q(term)).order_by(*order), 3, term=term)
        assert [s.pk for s in page] == expected[:3]


def _queue_search(term: str):
    """The queue, searched, in queue order (what the admin hands statement_queue_search_page)."""
    return Statement.objects.filter(selectors.statement_search_q(term)).order_by(
        "-article__created_at", "article_id", "start", "pk")


def _statement_reads(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT") and "claims_statement" in q["sql"]]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_common_desk_word_is_found_among_the_newest_articles_only(monkeypatch):
    monkeypatch.setattr(selectors.desk, "_QUEUE_SEARCH_ARTICLES", 2)
    _bulk_statements(30, per_article=5)
    with CaptureQueriesContext(connection) as ctx:
        page = selectors.statement_queue_search_page(_queue_search("句話"), 6)
    assert len(page) == 6
    reads = _statement_reads(ctx)
    assert len(reads) == 1  # the newest two articles held the page: the older ones were never read
    with CaptureQueriesContext(connection) as ctx:
        rare = selectors.statement_queue_search_page(_queue_search("第0篇"), 6)
    assert [s.text for s in rare] == [f"第0篇第{i}句話。" for i in range(5)]  # the oldest article
    reads = _statement_reads(ctx)
    assert len(reads) == 3  # the newest two articles, then the older matches' ids, then those rows


@pytest.mark.postgres
@pytest.mark.django_db
def test_desk_search_page_leaves_the_planner_as_it_found_it(monkeypatch):
    monkeypatch.setattr(selectors.desk, "_QUEUE_SEARCH_ARTICLES", 2)
    _bulk_statements(30, per_article=5)
    assert len(selectors.statement_queue_search_page(_queue_search("第0篇"), 6)) == 5  # the walk, then the bitmap
    with connection.cursor() as cursor:
        for name in ("enable_bitmapscan", "enable_seqscan", "enable_sort", "enable_indexscan"):
            cursor.execute(f"SHOW {name}")
            assert cursor.fetchone()[0] == "on", name
