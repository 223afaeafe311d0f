"""The stages before attribution on their own: the read-only Document, cues, mentions and the
code-shape limits of the extraction package. Plain pytest, no Django."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from claims.extraction.attribution import dedupe
from claims.extraction.cues import find_cues
from claims.extraction.document import build_document
from claims.extraction.records import Candidate, Speaker

from .helpers import article

PACKAGE = Path(__file__).resolve().parents[2] / "claims" / "extraction"


def test_document_paragraphs_headlines_and_quotes():
    text = "川普普京通話\n川普表示,「我們會贏。」\n他說:美國將繼續談判。"
    doc = build_document(text, dt.date(2025, 2, 13))
    assert doc.paragraph_starts == (0, 7, 20) and doc.headlines == (True, False, False)
    assert [(q.open, doc.quote_body(q)) for q in doc.top_quotes] == [(12, "我们会赢。")]
    assert doc.in_quote.contains(14) and not doc.in_quote.contains(11)
    assert doc.folded[doc.sentence_bounds(22)[0]:doc.sentence_bounds(22)[1]] == "他说:美国将继续谈判"


def test_document_clause_start_skips_a_quoted_term():
    text = "外交部對「一中政策」表示,立場不變。"
    doc = build_document(text, None)
    assert doc.clause_start(text.index("表示")) == 0  # the term belongs to the clause
    assert doc.is_term(doc.top_quotes[0])


def test_document_language_of_a_span():
    doc = build_document("總統表示,會談很好。He said it was fine.", None)
    assert doc.language_of(5, 9, 0) == "zh-Hant"
    assert doc.language_of(10, 30, 0) == "en"


def test_document_finds_an_embedded_post():
    text = "Intro.\nWe will win.\n— Jane Doe (@janedoe) February 12, 2025\nMore text."
    doc = build_document(text, None)
    (post,) = doc.posts
    assert (text[post.body_start:post.body_end], post.name, post.handle) == ("We will win.", "Jane Doe", "janedoe")


@pytest.mark.parametrize("text, verb, kind, weak", [
    ("外交部表示感謝各方協助。", "表示", "act", False),  # an attitude, not a claim
    ("外交部駁斥,相關報導不實。", "驳斥", "say+oppose", False),  # a stance verb that also reports
    ("外交部駁斥相關報導。", "驳斥", "oppose", False),
    ("委員提出增加補助的方案。", "提出", "say", True),  # weak without punctuation after it
    ("委員提出,應增加補助。", "提出", "say", False),
    ("The reporter asked whether prices would rise.", "asked", "ask", False),
])
def test_cue_kind_and_weakness(text, verb, kind, weak):
    (cue,) = [c for c in find_cues(build_document(text, None)) if c.verb == verb]
    assert (cue.kind, cue.weak) == (kind, weak)


def test_no_cue_in_a_headline_or_a_quote():
    doc = build_document("毛寧表示會談順利\n他說:「普京表示同意。」", None)
    assert [c.verb for c in find_cues(doc)] == ["说"]


def test_mentions_learn_a_titled_name_and_find_it_again():
    art = article("交通部長林佑誠今天表示,票價不變。林佑誠也說,年底前會檢討。")
    names = [(m.speaker.name, m.start) for m in art.mentions.mentions]
    assert names == [("林佑誠", 4), ("林佑誠", 17)]
    assert art.names.get("林佑誠").title == "交通部長"


def test_mentions_note_a_gender_from_the_title():
    art = article("Councilwoman Dana Ortiz met Mr. Paul Grant on Monday.")
    assert art.genders == {"Dana Ortiz": "f", "Paul Grant": "m"}


def test_dedupe_keeps_the_direct_statement():
    sp = Speaker("A", None, "A", 0, 1)
    reported = Candidate(sp, 5, 20, "indirect", "说", 0)
    quoted = Candidate(sp, 8, 15, "direct", "说", 0)
    inside = Candidate(sp, 6, 10, "indirect", "说", 0)
    assert dedupe([reported, inside]) == [reported]
    assert dedupe([reported, Candidate(sp, 10, 25, "direct", "说", 0)]) == [Candidate(sp, 10, 25, "direct", "说", 0)]
    assert dedupe([quoted]) == [quoted]


# --- the shape of the package (issue 12): small modules and functions -------------------------------
def _python_files():
    return sorted(p for p in PACKAGE.rglob("*.py") if "lexicon" not in p.parts)  # the lexicon is data


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_extraction_code_stays_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 500, "a module over 500 lines"
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno - node.lineno + 1 <= 60, f"{node.name} is over 60 lines"
        if isinstance(node, ast.ClassDef):
            methods = [b for b in node.body if isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))]
            assert len(methods) <= 25, f"{node.name} has more than 25 methods"
