"""Public search at scale: the window of the newest matches is read in slices of recency.

``claims.selectors.search._newest_matches`` must return exactly what one query over every match
would (the ``cap`` newest, newest change first), however the matches fall across the slices, and
a common word must not make PostgreSQL read the older slices at all. The slices are sized by the
planner's estimate of the matches; the tests set that estimate (``_match_estimate``) so that a
few dozen claims span several slices, whatever the test database's statistics say.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import search, selectors
from claims.models import Claim

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _slice_small_tables(monkeypatch):
    """Slices from the first expected match on (the real threshold is for a million claims)."""
    monkeypatch.setattr(selectors.search, "_SLICE_FROM", 0)

NOW = timezone.now().replace(microsecond=0)


def _claim(i: int, text: str, days_ago: float, *, published: bool = True) -> Claim:
    claim = Claim.objects.create(text=text, slug=f"c-{i}", language="zh-Hant", key=f"window-{i}",
                                 published=published, search_text=search.search_text_for(text))
    # modified_at is the search's recency; set after the save, which would stamp it now.
    Claim.objects.filter(pk=claim.pk).update(modified_at=NOW - dt.timedelta(days=days_ago))
    return claim


@pytest.fixture
def newsroom():
    """60 claims over 300 days: 颱風 in every third (common), 地熱 once, in the oldest (rare)."""
    made = {}
    for i in range(60):
        days = i * 5 + (i % 4) * 0.25  # newest first by i
        text = f"颱風第{i}次登陸東部沿海" if i % 3 == 0 else f"市議會第{i}次會議審查預算"
        if i == 59:
            text = "地熱發電廠的裝置容量"
        made[i] = _claim(i, text, days)
    _claim(100, "颱風消息尚未公開", 0, published=False)  # newest of all, never found
    return made


def _estimate(monkeypatch, rows: float) -> None:
    monkeypatch.setattr(selectors.search, "_match_estimate", lambda qs, parsed: rows)


def _newest(term_ids, cap):
    order = Claim.objects.filter(pk__in=term_ids).order_by("-modified_at", "-id").values_list("pk", flat=True)
    return list(order[:cap])


def _window(query: str, cap: int) -> list[int]:
    return list(selectors.claim_search(query, cap=cap).order_by("-modified_at", "-id").values_list("pk", flat=True))


def test_slices_cover_every_claim_newest_first(newsroom):
    slices = selectors.search._recency_slices(1000, 5)
    assert len(slices) >= 3  # the tests below mean something only if the claims span several slices
    assert slices[0][1] is None and slices[-1][0] is None
    assert slices[0][0] > Claim.objects.get(pk=newsroom[1].pk).modified_at  # 3 x 5 / 1000 of 300 days: 4.5 days
    for (lower, _upper), (_lower2, upper2) in zip(slices, slices[1:], strict=False):
        assert lower == upper2  # adjacent, no gap and no overlap (lower <= t < upper)


def test_few_expected_matches_are_one_query_over_all_of_them(monkeypatch, newsroom):
    assert selectors.search._recency_slices(15, 5) == [(None, None)]  # 3 x 5: the window's margin
    monkeypatch.setattr(selectors.search, "_SLICE_FROM", 1000)
    assert selectors.search._recency_slices(999, 5) == [(None, None)]
    assert len(selectors.search._recency_slices(1001, 5)) > 1


@pytest.mark.parametrize("estimate", [1, 30, 300, 100_000])  # right, 10x too few or too many
@pytest.mark.parametrize("cap", [1, 4, 15, 100])
def test_common_word_window_is_the_newest_matches_whatever_the_slices(monkeypatch, newsroom, estimate, cap):
    _estimate(monkeypatch, estimate)
    matching = [c.pk for i, c in newsroom.items() if i % 3 == 0 and i != 59]
    assert _window("颱風", cap) == _newest(matching, cap)


def test_rare_old_claim_is_still_found(monkeypatch, newsroom):
    _estimate(monkeypatch, 5000)  # the planner badly wrong: many slices, the claim in the last
    assert _window("地熱", 201) == [newsroom[59].pk]
    # In the page's own order and count too.
    qs = selectors.claim_search("地熱")
    assert list(qs.values_list("pk", flat=True)) == [newsroom[59].pk]
    assert selectors.search_count(qs) == (1, False)


def test_search_page_shows_the_newest_common_matches_first(monkeypatch, newsroom):
    _estimate(monkeypatch, 1000)
    found = list(selectors.claim_search("颱風", cap=5).values_list("pk", flat=True))
    assert found == [newsroom[i].pk for i in (0, 3, 6, 9, 12)]
    assert selectors.search_count(selectors.claim_search("颱風", cap=5), cap=4) == (4, True)


def test_ties_on_the_slice_edge_are_neither_lost_nor_repeated(monkeypatch):
    # Changes 10 to 44 days ago; the first slice is 3 x cap / estimate = 0.4 of those 34 days, so
    # its lower edge falls exactly on the six claims changed 23.6 days ago.
    newest = [_claim(i, f"颱風警報第{i}報", 10) for i in range(5)]
    on_edge = [_claim(10 + i, f"颱風警報邊第{i}報", 23.6) for i in range(6)]
    older = [_claim(20 + i, f"颱風警報舊第{i}報", 30 + i) for i in range(5)] + [_claim(30, "颱風警報最舊", 44)]
    edge = Claim.objects.get(pk=on_edge[0].pk).modified_at
    everything = [c.pk for c in newest + on_edge + older]
    for cap in (3, 8, 13, 17, 30):
        _estimate(monkeypatch, cap * 7.5)
        slices = selectors.search._recency_slices(cap * 7.5, cap)
        assert slices[0][0] == edge
        window = _window("颱風", cap)
        assert len(window) == len(set(window)) == min(cap, 17)
        assert window == _newest(everything, cap)


def test_a_common_word_never_reads_the_older_slices(monkeypatch, newsroom):
    """The later slices are in the same query, but PostgreSQL stops before running them."""
    _estimate(monkeypatch, 40)  # about right (20): the first slice is the newest 3 x 1 / 40 of 300 days
    with CaptureQueriesContext(connection) as ctx:
        selectors.claim_search("颱風", cap=1)
    sqls = [q["sql"] for q in ctx.captured_queries]
    at = next(i for i, sql in enumerate(sqls) if sql.startswith("SET LOCAL"))
    window_sql = sqls[at + 1]
    assert window_sql.count("UNION ALL") >= 2
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sqls[at])
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + window_sql)
        plan = cursor.fetchone()[0][0]["Plan"]

    def appends(node):
        if node["Node Type"] == "Append":
            yield node
        for child in node.get("Plans", []):
            yield from appends(child)

    (append,) = appends(plan)
    loops = [child.get("Actual Loops", 0) for child in append["Plans"]]
    assert loops[0] == 1 and set(loops[1:]) == {0}, loops


@pytest.mark.django_db(False)
def test_estimate_takes_a_phrase_as_its_rarest_term_not_the_product():
    common = {"外交": 0.05, "交部": 0.02, "发言": 0.06, "外交部": 0.024, "发言人": 0.05, "not": 0.03, "now": 0.02}
    share = selectors.search._tsquery_share
    # The planner multiplies (0.05 x 0.02 x 0.06 = 0.00006); the words go together: 0.02.
    assert share("('外交' & '交部' & '发言')", common, 0.001) == 0.02
    assert share("(('外交部' & '发言人') | ('外交' & '交部'))", common, 0.001) == 0.024
    assert share("'no':* & 'such':*", common, 0.001) == 0.001  # 'such' is not common: the guess
    assert share("'no':*", common, 0.001) == pytest.approx(0.05)  # not + now
    assert share("'劏房'", common, 0.001) == 0.001
    assert share("", common, 0.001) == 0.0


def test_planner_settings_do_not_outlive_the_search_in_a_transaction(monkeypatch, newsroom):
    """Under an outer transaction (a test's, ATOMIC_REQUESTS) SET LOCAL would last to its end."""
    _estimate(monkeypatch, 1000)

    def shown(name: str) -> str:
        with connection.cursor() as cursor:
            cursor.execute(f"SHOW {name}")
            return cursor.fetchone()[0]

    with transaction.atomic():
        assert _window("颱風", 5)
        assert shown("enable_indexscan") == "on"
        assert shown("max_parallel_workers_per_gather") != "0"
        with selectors.planner.planner_settings(enable_bitmapscan="off") as change:
            assert shown("enable_bitmapscan") == "off"
            change(enable_seqscan="off")
            assert shown("enable_seqscan") == "off"
        assert shown("enable_bitmapscan") == shown("enable_seqscan") == "on"
