"""The context view the span picker reads (issue 13 item 6): its text, ellipses skipped, is exactly the
article's characters from its data-desk-offset, even with CR LF line ends, markup-like text and
characters outside the BMP (the script counts code points, as Python does)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from claims.admin.common import statement_context_html
from tests.factories import make_article, make_speaker, make_statement

ROOT = Path(__file__).resolve().parents[2]


class _Text(HTMLParser):
    """Text of the context view as the browser's DOM holds it, without [data-desk-skip] elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.first = None  # not "offset": HTMLParser uses that name itself
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-desk-offset" in attrs:
            self.first = int(attrs["data-desk-offset"])
        if self.skipping or "data-desk-skip" in attrs:
            self.skipping += 1

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


@pytest.mark.django_db
def test_the_context_text_from_its_offset_is_the_article_text():
    before = "第一段𠀀<b>不是標記</b> & 其他。\r\n" * 3
    body = before + "部長表示:「明年票價不會調漲。」\r\n他說完就走了。\r\n" + "後記。\r\n" * 5
    article = make_article(body)
    statement = make_statement(article, text="明年票價不會調漲", speaker=make_speaker("部長測"))
    html = str(statement_context_html(statement))
    parsed = _Text()
    parsed.feed(html)
    text = "".join(parsed.parts)
    assert parsed.first is not None and parsed.first > 0  # a window, not the whole article
    assert text == body[parsed.first:parsed.first + len(text)]
    assert "明年票價不會調漲" in text and "\r\n" in text
    assert "&#13;" in html and "<b>" not in html  # CR kept through HTML parsing; article text escaped


def test_the_span_picker_is_a_static_file_and_the_page_has_no_inline_script():
    script = (ROOT / "static" / "desk" / "span_select.js").read_text(encoding="utf-8")
    assert "data-desk-offset" in script and "Array.from" in script  # code points, not UTF-16 units
    template = (ROOT / "claims" / "templates" / "admin" / "claims" / "statement" / "change_form.html").read_text()
    assert "<script" not in template and " on" + "click" not in template
