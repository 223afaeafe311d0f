"""Consistency checks for the annotated extraction corpus (tests/extraction/corpus).

Plain pytest, no Django:
    python -m pytest tests/extraction/test_corpus_gold.py -q -p no:django -p no:cacheprovider
"""
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLDS = sorted(CORPUS.glob("*.gold.json"))
KINDS = {"direct", "indirect"}
LANGS = {"zh-Hant", "zh-Hans", "en"}
POLARITIES = {"support", "oppose"}
STATEMENT_KEYS = {"id", "speaker", "speaker_key", "mention", "text", "start", "end", "kind",
                  "language", "said_on", "via", "optional", "note"}


def load(gpath):
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    text = (CORPUS / gold["article"]).read_text(encoding="utf-8")
    return gold, text


def test_corpus_not_empty():
    assert len(GOLDS) >= 10


@pytest.mark.parametrize("gpath", GOLDS, ids=lambda p: p.name)
def test_article_and_header(gpath):
    gold, text = load(gpath)
    assert gold["article"] == gpath.name[: -len(".gold.json")] + ".txt"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"])
    assert gold["outlet"]
    assert "author" in gold
    assert not text.startswith("\ufeff")
    for key in ("statements", "stances", "same_claim"):
        assert isinstance(gold[key], list)


@pytest.mark.parametrize("gpath", GOLDS, ids=lambda p: p.name)
def test_statements(gpath):
    gold, text = load(gpath)
    ids = [s["id"] for s in gold["statements"]]
    assert len(ids) == len(set(ids)), "duplicate statement ids"
    assert 15 <= sum(not s["optional"] for s in gold["statements"]) <= 35
    for s in gold["statements"]:
        assert STATEMENT_KEYS <= set(s), (s["id"], STATEMENT_KEYS - set(s))
        assert isinstance(s["start"], int) and isinstance(s["end"], int)
        assert 0 <= s["start"] < s["end"] <= len(text), s["id"]
        assert text[s["start"]:s["end"]] == s["text"], s["id"]
        assert s["text"] == s["text"].strip(), f"{s['id']}: span has outer whitespace"
        assert s["kind"] in KINDS, s["id"]
        assert s["language"] in LANGS, s["id"]
        assert isinstance(s["speaker"], list) and s["speaker"] and all(isinstance(n, str) and n for n in s["speaker"])
        assert s["speaker_key"]
        assert s["said_on"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["said_on"]), s["id"]
        assert isinstance(s["via"], list) and all(isinstance(v, str) and v for v in s["via"])
        assert isinstance(s["optional"], bool)
        if s["mention"]:
            assert s["mention"] in text, f"{s['id']}: mention not in text"


@pytest.mark.parametrize("gpath", GOLDS, ids=lambda p: p.name)
def test_speaker_keys_consistent(gpath):
    gold, _ = load(gpath)
    names = {}
    for s in gold["statements"]:
        names.setdefault(s["speaker_key"], s["speaker"])
        assert names[s["speaker_key"]] == s["speaker"], f"{s['id']}: speaker list differs for {s['speaker_key']}"


@pytest.mark.parametrize("gpath", GOLDS, ids=lambda p: p.name)
def test_stances_and_same_claim(gpath):
    gold, text = load(gpath)
    ids = {s["id"] for s in gold["statements"]}
    st_ids = [t["id"] for t in gold["stances"]]
    assert len(st_ids) == len(set(st_ids)), "duplicate stance ids"
    assert not ids & set(st_ids), "stance id reuses a statement id"
    for t in gold["stances"]:
        assert t["polarity"] in POLARITIES, t["id"]
        assert t["targets"] and set(t["targets"]) <= ids, t["id"]
        assert isinstance(t["speaker"], list) and t["speaker"]
        assert t.get("cue")
    for grp in gold["same_claim"]:
        assert len(grp["ids"]) >= 2 and len(set(grp["ids"])) == len(grp["ids"])
        assert set(grp["ids"]) <= ids, grp
    for neg in gold.get("negatives", []):
        assert neg in text, neg
