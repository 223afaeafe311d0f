"""said_on: relative day forms, same-speaker carry-over and same-day reports (sentences written here)."""

import datetime as dt

import pytest

from claims.extraction.dates import find_dates

from .helpers import run

REF = dt.date(2025, 2, 13)


@pytest.mark.parametrize("text, expected", [
    ("賴清德今（13）日出席活動", dt.date(2025, 2, 13)),
    ("毛宁昨(12)日表示", dt.date(2025, 2, 12)),
    ("川普今天表示", dt.date(2025, 2, 13)),
    ("普京20日表示", dt.date(2025, 1, 20)),
])
def test_day_forms(text, expected):
    assert [d for _, _, d in find_dates(text, REF)] == [expected]


def test_same_speaker_keeps_the_occasion_date():
    text = ("毛寧11日在記者會上表示,中方反對單邊制裁。\n"
            "毛寧還說,各方應該回到談判桌。")
    got = [(s.text, s.said_on) for s in run(text).statements]
    assert got == [("中方反對單邊制裁", dt.date(2025, 2, 11)), ("各方應該回到談判桌", dt.date(2025, 2, 11))]


def test_same_day_report_dates_undated_statements():
    text = ("（本報記者台北13日電）立法院今天審查預算。\n"
            "佩斯科夫表示,俄方不會出席。\n"
            "賴清德說,政府會持續溝通。")
    assert {s.said_on for s in run(text).statements} == {dt.date(2025, 2, 13)}


def test_round_up_of_earlier_events_leaves_undated_statements_undated():
    text = ("【本報2025年2月13日訊】川普12日與普京通話。\n"
            "佩斯科夫12日表示,會談富有成效。\n"
            "\n"
            "\n"
            "\n"
            "賴清德說,政府會持續關注。")
    got = {s.text: s.said_on for s in run(text).statements}
    assert got["會談富有成效"] == dt.date(2025, 2, 12)
    assert got["政府會持續關注"] is None
