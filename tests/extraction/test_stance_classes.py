"""Stance classes added for real news (issue 16), each on sentences written for these tests: an
example that gives the stance and a counterexample that must not."""

import pytest

from .helpers import run


def stances(text):
    ex = run(text)
    texts = [s.text for s in ex.statements]
    return {(t.speaker, t.polarity, texts[t.target]) for t in ex.stances}, ex


def said(text):
    return [(s.speaker, s.text) for s in run(text).statements]


# --- a relative clause with 曾 before the speaker's name (曾擔任X的Y表示) -------------------------

def test_relative_clause_with_zeng_keeps_the_named_subject():
    """曾 opening 曾擔任…的張某 is part of the subject, not an adverb that leaves the verb without one (which
    made the clause continue the previous speaker)."""
    got = said("市府發言人張大同表示,預算不足。\n曾擔任市府發言人的張大同昨天並直指,預算早已超支。")
    assert ("張大同", "預算早已超支") in got, got


def test_relative_clause_with_zeng_does_not_continue_the_previous_speaker():
    got = said("王小明表示,預算不足。曾擔任市府發言人的張大同昨天並直指,預算早已超支。")
    assert ("王小明", "預算早已超支") not in got, got


# --- groups named as the ones answered (lexicon GROUP_NAMES) ------------------------------------

@pytest.mark.parametrize("row", __import__("claims.extraction.lexicon.zh", fromlist=["x"]).GROUP_NAMES,
                         ids=lambda r: r.word)
def test_group_example_gives_a_stance_on_a_members_statement(row):
    got, ex = stances(row.example)
    first = ex.statements[0]
    assert any(target == first.text and speaker != first.speaker for speaker, _, target in got), got


@pytest.mark.parametrize("row", __import__("claims.extraction.lexicon.zh", fromlist=["x"]).GROUP_NAMES,
                         ids=lambda r: r.word)
def test_group_counterexample_gives_none(row):
    got, ex = stances(row.counterexample)
    assert got == set(), (got, [(s.speaker, s.mention, s.text) for s in ex.statements])
