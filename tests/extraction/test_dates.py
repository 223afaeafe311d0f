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
    # crawled news forms: a bare 今/昨 before what the subject does, (m/d), the previous month, a time of day
    ("市長今受訪時表示", dt.date(2025, 2, 13)),
    ("議員昨在議會質詢", dt.date(2025, 2, 12)),
    ("黨團昨(2/11)召開記者會", dt.date(2025, 2, 11)),
    ("工會上月28日表示", dt.date(2025, 1, 28)),
    ("總統上午在府內接見訪團", dt.date(2025, 2, 13)),
])
def test_day_forms(text, expected):
    assert [d for _, _, d in find_dates(text, REF)] == [expected]


@pytest.mark.parametrize("text", ["如今情勢不同", "至今沒有回應", "今年經濟成長", "今後不再參選", "12日上午抵達"])
def test_no_bare_today_inside_other_words(text):
    assert all(d != REF for _, _, d in find_dates(text, REF))


def test_chinese_date_in_the_verbs_sentence_not_in_the_words_said():
    text = "市長今(13)日表示,工程昨天已經完工。市長也說,明天開放通車。"
    got = [(s.text, s.said_on) for s in run(text).statements]
    assert got == [("工程昨天已經完工", REF), ("明天開放通車", REF)]


def test_continued_sentence_has_the_date_of_its_statement():
    text = "毛寧11日表示,中方反對單邊制裁。各國應回到談判桌。"
    assert [s.said_on for s in run(text).statements] == [dt.date(2025, 2, 11)] * 2


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


def test_a_date_in_what_someone_mentions_is_not_when_the_answer_was_given():
    text = "毛寧13日表示,中方反對制裁。至於川普提到昨日的通話,毛寧表示,雙方保持溝通。"
    assert [s.said_on for s in run(text).statements] == [dt.date(2025, 2, 13)] * 2
