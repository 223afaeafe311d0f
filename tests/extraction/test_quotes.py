"""The depth-counting quote scanner on quote styles written for these tests."""

import pytest

from claims.extraction.quotes import scan_quotes


def bodies(text):
    return [(text[q.start:q.end], q.nested, q.closed) for q in scan_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("他說:「好。」", [("好。", False, True)]),
    ("她说：“我们会来。”", [("我们会来。", False, True)]),
    ('He said: "We will come."', [("We will come.", False, True)]),
    # nesting
    ("「外層『內層』外層」", [("外層『內層』外層", False, True), ("內層", True, True)]),
    ("“outer ‘inner’ outer”", [("outer ‘inner’ outer", False, True), ("inner", True, True)]),
    # back-to-back
    ("「甲」「乙」", [("甲", False, True), ("乙", False, True)]),
    # unclosed: ends at the end of its paragraph
    ("「沒有結束\n下一段", [("沒有結束", False, False)]),
    # stray closers and apostrophes are ignored
    ("it’s fine」", []),
])
def test_scanner_shapes(text, expected):
    assert bodies(text) == expected


def test_multi_paragraph_quote_reopened_each_paragraph():
    text = "他說：「第一段。\n「第二段。\n「第三段。」之後"
    (q,) = scan_quotes(text)
    assert text[q.start:q.end] == "第一段。\n「第二段。\n「第三段。"


def test_multi_paragraph_quote_without_reopening():
    text = "寫道:「第一段。\n第二段。」"
    (q,) = scan_quotes(text)
    assert text[q.start:q.end] == "第一段。\n第二段。"


def test_straight_quote_never_spans_a_paragraph():
    text = 'a "b\nc" d'
    assert [(text[q.start:q.end], q.closed) for q in scan_quotes(text)] == [("b", False), ('c" d', False)] or all(
        "\n" not in text[q.start:q.end] for q in scan_quotes(text))


def test_unclosed_quote_in_a_limited_region_ends_at_the_region():
    text = "“一\n二\n三 pic"
    (q,) = scan_quotes(text, limits=[(0, len(text) - 4)])
    assert text[q.start:q.end] == "一\n二\n三"


def test_doubled_apostrophes_are_a_double_quote():
    text = "''The pier is unsafe,'' said Nora Vance. Rock 'n' roll is not a quote."
    quotes = scan_quotes(text)
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [("The pier is unsafe,", True)]


def test_mixed_straight_and_curly_marks_close_each_other():
    text = '"The pier is unsafe,” Vance said. “We will close it." She left.'
    quotes = scan_quotes(text)
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [("The pier is unsafe,", True),
                                                                  ("We will close it.", True)]


def test_an_apostrophe_between_letters_closes_no_single_quote():
    text = "‘It’s a disgrace,’ said Ed Vance. ‘People won’t forget.’"
    assert [text[q.start:q.end] for q in scan_quotes(text)] == ["It’s a disgrace,", "People won’t forget."]
