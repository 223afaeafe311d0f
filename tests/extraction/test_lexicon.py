"""Every row of the lexicon tables, on its own sentences: the example fires, the counterexample
(which holds the same word) does not. Plain pytest, no Django."""

import re

import pytest

from claims.extraction.cues import GUARDS, find_cues
from claims.extraction.document import build_document
from claims.extraction.lexicon import en, names, zh
from claims.extraction.lexicon.rows import ASK, OPPOSE, SAY, SUPPORT
from claims.extraction.normalize import fold

from .helpers import run

VERB_ROWS = zh.ZH_VERBS + en.EN_VERBS
ROLES = {v for mod in (zh, en) for k, v in vars(mod).items() if k.startswith("ROLE_")}


def _cues(text):
    doc = build_document(text, None)
    return doc, find_cues(doc)


def _occurrences(doc, row):
    """Where the row's word stands in the folded text (whole words for English)."""
    if row.lang == "en":
        pattern = re.compile(r"\b" + re.escape(row.verb) + r"\b", re.I if row.ignore_case else 0)
    else:
        pattern = re.compile(re.escape(row.verb))
    return [m.span() for m in pattern.finditer(doc.folded)]


@pytest.mark.parametrize("row", VERB_ROWS, ids=lambda r: f"{r.lang}-{r.verb}")
def test_verb_example_fires(row):
    _, cues = _cues(row.example)
    assert any(c.rule is row for c in cues), (row.verb, [c.verb for c in cues])


@pytest.mark.parametrize("row", VERB_ROWS, ids=lambda r: f"{r.lang}-{r.verb}")
def test_verb_counterexample_does_not_fire(row):
    doc, cues = _cues(row.counterexample)
    spans = _occurrences(doc, row)
    assert spans, f"the counterexample must hold {row.verb!r}"
    for s, e in spans:  # nothing fires there: neither the verb nor a longer one around it
        assert not any(c.start < e and s < c.end for c in cues), (row.verb, [(c.verb, c.start) for c in cues])


@pytest.mark.parametrize("row", zh.STANCE_WORDS, ids=lambda r: r.word)
def test_stance_word_example_gives_a_stance(row):
    assert fold(row.word) in fold(row.example)
    ex = run(row.example)
    assert any(t.polarity == row.polarity for t in ex.stances), [(s.speaker, s.text) for s in ex.statements]


@pytest.mark.parametrize("row", zh.STANCE_WORDS, ids=lambda r: r.word)
def test_stance_word_counterexample_gives_none(row):
    assert fold(row.word) in fold(row.counterexample)
    assert run(row.counterexample).stances == ()


def test_verb_rows_are_consistent():
    for table in (zh.ZH_VERBS, en.EN_VERBS):
        verbs = [r.verb for r in table]
        assert len(verbs) == len(set(verbs)), "a verb has two rows"
    for row in VERB_ROWS:
        assert row.kind in (SAY, ASK, SUPPORT, OPPOSE), row.verb
        assert set(row.guards) <= set(GUARDS), row.verb
        assert row.roles <= ROLES, row.verb
        assert row.example and row.counterexample, row.verb
        if row.lang == "zh":
            assert fold(row.verb) == row.verb, "Chinese verbs are written in Simplified script"
        if row.reports:
            assert row.kind in (SUPPORT, OPPOSE), "only stance verbs also report content"


def test_one_surname_table():
    assert len(names.SURNAMES) == len(names.SURNAME_SET) == 125
    assert names.BARE_NAME_SURNAMES < names.SURNAME_SET and len(names.BARE_NAME_SURNAMES) == 110


def test_lexicon_words_are_folded():
    """The stages match against folded (Simplified) text: a Traditional entry would never match."""
    for words in (zh.SPEECH_ACTS, zh.NO_SPEAKER, zh.CHAIN_ADVERBS, zh.CLAIM_NOUNS, zh.DECISION_WORDS,
                  zh.REJECTING_WORDS, zh.COUNTER_WORDS, tuple(zh.PRONOUNS), tuple(names.TITLE_WORDS),
                  names.INSTITUTION_ENDS, names.SURNAMES):
        for w in words:
            assert fold(w) == w, w
