"""The learned English attribution (claims/extraction/learn): the shipped models, the features they read,
how tagged spans become statements, and that a failing model never breaks extraction. The spans are
stubbed here (a fake tagger returns fixed labels), so the tests say what the code does with a tagging,
not what the model happens to predict. Plain pytest, no Django."""

from __future__ import annotations

import pytest

from claims.extraction.attribution import attribute
from claims.extraction.learn import filter as learned_filter
from claims.extraction.learn import tagger
from claims.extraction.learn.features import paragraph_features, tokenize
from claims.extraction.learn.producer import tagged_candidates, tagged_statements
from claims.extraction.pipeline import rule_statements

from .helpers import article, run

MAX_BYTES = 20 * 1024 * 1024


def test_models_ship_in_the_package_are_small_and_load():
    pytest.importorskip("pycrfsuite")
    assert tagger.MODEL_PATH.is_file() and tagger.MODEL_PATH.stat().st_size <= MAX_BYTES
    assert learned_filter.FILTER_PATH.is_file() and learned_filter.FILTER_PATH.stat().st_size <= MAX_BYTES
    assert tagger.load_model(tagger.MODEL_PATH) is not None
    assert tagger.load_model(learned_filter.FILTER_PATH) is not None


def test_features_name_no_name():
    art = article("Councilwoman Nora Vance told reporters that the pier would close.")
    tokens = tokenize(art.doc.folded, 0, len(art.doc.text))
    feats = [f for fs in paragraph_features(art.doc, art.mentions, tokens) for f in fs]
    assert not any("vance" in f.lower() or "nora" in f.lower() or "pier" in f for f in feats)
    assert any(f == "wNAME" for f in feats)  # a capitalised word inside a sentence is only a name


class _FixedTagger:
    """Stands in for the CRF: the labels of the one paragraph, and a marginal of 0.9."""

    def __init__(self, labels):
        self.labels = labels

    def tag(self, features):
        assert len(features) == len(self.labels)
        return list(self.labels)

    def marginal(self, label, i):
        return 0.9


class _BrokenTagger:
    def tag(self, features):
        raise RuntimeError("model file damaged")


@pytest.fixture
def fixed_model(monkeypatch):
    def use(labels):
        monkeypatch.setitem(tagger._LOADED, "tagger", _FixedTagger(labels))
        monkeypatch.setitem(learned_filter._LOADED, "filter", None)
    return use


TEXT = "Nora Vance, the harbour master, heaped scorn on the plan, warning it would ruin the pier."


def _labels(text, spans):
    """BIO labels for TEXT's tokens from {label: words}."""
    art = article(text)
    tokens = tokenize(art.doc.folded, 0, len(text))
    out = ["O"] * len(tokens)
    for label, words in spans.items():
        start = text.index(words)
        inside = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= start + len(words)]
        for n, i in enumerate(inside):
            out[i] = ("B-" if n == 0 else "I-") + label
    return out


def test_a_tagged_content_takes_the_source_linked_to_its_cue(fixed_model):
    fixed_model(_labels(TEXT, {"S": "Nora Vance, the harbour master,", "C": "warning",
                               "T": "it would ruin the pier"}))
    art = article(TEXT)
    state = attribute(art)
    found = tagged_statements(art, state, [])
    assert [(st.speaker.name, TEXT[st.start:st.end], st.kind) for st in found] == [
        ("Nora Vance", "it would ruin the pier", "indirect")]


def test_a_tagged_cue_must_be_a_speech_act(fixed_model):
    text = "Nora Vance, the harbour master, voted for the plan to rebuild the pier."
    fixed_model(_labels(text, {"S": "Nora Vance", "C": "voted for", "T": "the plan to rebuild the pier"}))
    art = article(text)
    assert tagged_candidates(art, attribute(art), []) == []


def test_a_tagged_statement_never_overlaps_a_rule_statement(fixed_model):
    text = "Nora Vance said the pier would close next week."
    fixed_model(_labels(text, {"S": "Nora Vance", "C": "said", "T": "the pier would close next week"}))
    art = article(text)
    state = attribute(art)
    rules = rule_statements(art, state)
    assert rules and tagged_statements(art, state, rules) == []


def test_a_broken_model_leaves_the_rules_alone(monkeypatch):
    text = "Councilwoman Nora Vance said the pier would close next week."
    before = run(text).statements
    monkeypatch.setitem(tagger._LOADED, "tagger", _BrokenTagger())
    assert run(text).statements == before


def test_without_a_model_the_tagger_finds_nothing(monkeypatch):
    monkeypatch.setitem(tagger._LOADED, "tagger", None)
    art = article(TEXT)
    assert tagger.tag_article(art) == []
