"""Desk lists stay bounded: queries per page do not grow with rows, and no full-table COUNT runs."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Stance, Statement
from sources.admin_articles import CappedPaginator
from tests.factories import make_article, make_outlet, make_speaker, make_user

QUEUE = "/admin/claims/statement/"
# Session, user, permissions, the capped count, the page, outlets for the filter, and little else.
MAX_QUEUE_QUERIES = 12
MAX_CLAIM_PAGE_QUERIES = 16


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 at full strength costs ~0.5 s per test user; these tests do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


_batch = iter(range(1, 10**6))


def _bulk_statements(count: int, *, per_article: int = 20, claim=None) -> list[Statement]:
    """``count`` candidate statements across articles of two outlets, created in bulk."""
    batch = next(_batch)
    outlets = [make_outlet(), make_outlet()]
    speakers = [make_speaker(f"量測發言人{i}") for i in range(3)]
    rows = []
    for a in range((count + per_article - 1) // per_article):
        body = f"第{batch}批。" + "".join(f"官員{i}表示:「第{a}篇第{i}句話。」" for i in range(per_article))
        article = make_article(body, outlet=outlets[a % 2], title=f"文章{a}")
        for i in range(min(per_article, count - len(rows))):
            text = f"第{a}篇第{i}句話。"
            start = body.index(text)
            rows.append(Statement(
                article=article, speaker=speakers[i % 3], text=text, start=start, end=start + len(text),
                kind="direct", language="zh-Hant", confidence=0.5 + (i % 5) / 10, claim=claim,
                review_state="accepted" if claim else "candidate",
            ))
    return Statement.objects.bulk_create(rows)


def _count_queries(client, url: str, params: dict | None = None) -> tuple[int, list[str]]:
    client.get(url, params or {})  # warm the per-process caches (content types) first
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


@pytest.mark.django_db
def test_queue_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    client.force_login(make_user(groups=("fact-checker",)))
    _bulk_statements(40)
    small, _ = _count_queries(client, QUEUE)
    _bulk_statements(160)
    with django_assert_max_num_queries(MAX_QUEUE_QUERIES):
        response = client.get(QUEUE)
    assert len(response.context["cl"].result_list) == 50
    large, sql = _count_queries(client, QUEUE)
    assert large == small
    # The queue pages by key: no COUNT at all (a capped one, over a LIMITed subquery, at most).
    counts = [q for q in sql if "COUNT(" in q.upper()]
    assert all("LIMIT" in q.upper() for q in counts), counts


@pytest.mark.django_db
def test_filtered_and_searched_queue_is_bounded_too(client, django_assert_max_num_queries):
    client.force_login(make_user(groups=("fact-checker",)))
    _bulk_statements(120)
    # + the speaker lookup of the filter, + the search's bounded page (claims.selectors.desk.
    # statement_queue_search_page: the newest-articles edge, then ids by bitmap and those rows,
    # each with its planner settings in a transaction, put back at its end inside the test's own
    # transaction): a constant, whatever the queue's size.
    with django_assert_max_num_queries(MAX_QUEUE_QUERIES + 6):
        client.get(QUEUE, {"q": "第1篇", "speaker": "量測發言人1", "confidence": "high", "language__exact": "zh-Hant"})


@pytest.mark.django_db
def test_claim_page_is_bounded_whatever_the_number_of_statements(client, django_assert_max_num_queries):
    user = make_user(groups=("fact-checker",))
    client.force_login(user)
    claim = services.claim_create(text="量測主張")
    _bulk_statements(20, claim=claim)
    speaker = make_speaker("量測立場者")
    for polarity in ("support", "oppose"):
        Stance.objects.create(speaker=speaker, polarity=polarity, claim=claim)
    verdict = services.verdict_draft(claim=claim, user=user, rating="false", explanation="x")
    services.verdict_update(verdict, user=user, expected_revision=1, explanation="y")
    small, _ = _count_queries(client, f"/admin/claims/claim/{claim.pk}/change/")
    _bulk_statements(100, claim=claim)
    with django_assert_max_num_queries(MAX_CLAIM_PAGE_QUERIES):
        html = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert "量測立場者" in html and "第0篇第0句話" in html
    large, _ = _count_queries(client, f"/admin/claims/claim/{claim.pk}/change/")
    assert large == small


@pytest.mark.django_db
def test_article_and_speaker_lists_are_bounded(client, django_assert_max_num_queries):
    client.force_login(make_user(groups=("fact-checker",)))
    _bulk_statements(100, per_article=5)
    with django_assert_max_num_queries(MAX_QUEUE_QUERIES):
        client.get("/admin/sources/article/")
    with django_assert_max_num_queries(MAX_QUEUE_QUERIES):
        client.get("/admin/claims/speaker/")


@pytest.mark.django_db
def test_capped_paginator_counts_at_most_the_cap():
    _bulk_statements(30)
    paginator = CappedPaginator(Statement.objects.order_by("pk"), 10)
    paginator.cap = 25
    assert paginator.count == 25
    assert paginator.num_pages == 3
    assert len(paginator.page(3).object_list) == 5
