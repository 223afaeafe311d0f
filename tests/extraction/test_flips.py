"""Flip alerts, text core: a table of statement pairs that are and are not flips, and stance reversals."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction.flips import Dated, negates, stance_reversals, statement_negations

# (earlier, later): the later says the opposite of the earlier.
FLIPS = [
    ("我們會調漲電價", "我們不會調漲電價"),
    ("我们不会调涨电价", "我们会调涨电价"),
    ("政府今年會調漲電價", "政府今年不會調漲電價。"),  # punctuation does not matter
    ("核四應該重啟", "核四不應該重啟"),
    ("台灣有能力自己製造潛艇", "台灣沒有能力自己製造潛艇"),
    ("我們已經收到這批疫苗", "我們並沒有收到這批疫苗"),
    ("這項政策是違憲的", "這項政策並非違憲的"),
    ("我们支持这项法案", "我们从来没有支持这项法案"),
    ("我們會調漲電價", "我们不会调涨电价"),  # across the two scripts
    ("We will raise taxes on the middle class", "We will not raise taxes on the middle class"),
    ("We won't raise taxes on the middle class", "We will raise taxes on the middle class"),
    ("The tariffs are paid by foreign countries", "The tariffs are not paid by foreign countries"),
    ("I have never supported this trade deal", "I have supported this trade deal"),
    ("The border wall can be finished this year", "The border wall can't be finished this year"),
]

# (earlier, later): not a flip, though they look alike.
NOT_FLIPS = [
    ("我們會調漲電價", "我們會調漲電價"),  # the same
    ("我們不會調漲電價", "我們絕不會調漲電價"),  # both negative
    ("我們會調漲電價", "我們會調降電價"),  # different words, no negation
    ("我們不會調漲電價", "我們會調降電價"),  # a negation, but the rest differs too
    ("政府會調漲電價", "政府不斷調漲電價"),  # 不斷 (constantly) is not a negation
    ("經濟成長不少", "經濟成長"),  # 不少 (a lot) is not a negation
    ("未來會調漲電價", "會調漲電價"),  # 未來 (future) is not a negation
    ("我們不會調漲電價", "We will raise electricity prices"),  # a translation is never compared
    ("不是", "是"),  # too short to tell
    ("今年國防預算達到百分之三", "今年國防預算沒有達到百分之二點五"),  # a different figure
    ("We will raise taxes", "We will not cut taxes"),  # a different verb
    ("Not only will we raise wages but also pensions", "We will raise wages and also pensions"),
    ("We will not raise taxes", "We will never raise taxes"),  # both negative
    ("No", "Yes"),  # too short
]


@pytest.mark.parametrize(("earlier", "later"), FLIPS)
def test_pairs_that_are_flips(earlier, later):
    assert negates(earlier, later)


@pytest.mark.parametrize(("earlier", "later"), NOT_FLIPS)
def test_pairs_that_are_not_flips(earlier, later):
    assert not negates(earlier, later)


def _d(pk: int, value: str, day: int) -> Dated:
    return Dated(pk, value, dt.date(2025, 1, day))


def test_stance_reversal_needs_opposite_polarity_on_a_later_day():
    stances = [_d(1, "support", 1), _d(2, "neutral", 2), _d(3, "support", 3), _d(4, "oppose", 5), _d(5, "oppose", 6)]
    pairs = stance_reversals(stances)
    assert [(a.id, b.id) for a, b in pairs] == [(3, 4)]
    # The same day: order unknown, never a flip.
    assert stance_reversals([_d(1, "support", 1), _d(2, "oppose", 1)]) == []
    # Back and forth: two reversals.
    assert [(a.id, b.id) for a, b in stance_reversals([_d(1, "oppose", 1), _d(2, "support", 2), _d(3, "oppose", 3)])] \
        == [(1, 2), (2, 3)]


def test_statement_negation_pairs_each_later_statement_with_its_latest_negated_one():
    items = [_d(1, "我們會調漲電價", 1), _d(2, "我們會調漲電價", 2), _d(3, "我們不會調漲電價", 4),
             _d(4, "我們不會調漲電價", 4)]
    assert [(a.id, b.id) for a, b in statement_negations(items)] == [(2, 3), (2, 4)]
    assert statement_negations([_d(1, "我們會調漲電價", 1), _d(2, "我們不會調漲電價", 1)]) == []
