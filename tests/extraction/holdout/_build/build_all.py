"""Rebuild every holdout gold file, re-check them from the written JSON, print the README table.

    .venv/bin/python tests/extraction/holdout/_build/build_all.py

The checks mirror tests/extraction/test_corpus_gold.py but live here, outside pytest's
test_*.py pattern, so that the holdout is never collected or run by the team's test suite.
"""

import json
import re
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOLDOUT = HERE.parent
KEYS = {
    "id",
    "speaker",
    "speaker_key",
    "mention",
    "text",
    "start",
    "end",
    "kind",
    "language",
    "said_on",
    "via",
    "optional",
    "note",
}


def check(gpath):
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    text = (HOLDOUT / gold["article"]).read_text(encoding="utf-8")
    assert gold["article"] == gpath.name[: -len(".gold.json")] + ".txt"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"]) and gold["outlet"]
    ids = [s["id"] for s in gold["statements"]]
    assert len(ids) == len(set(ids))
    names = {}
    for s in gold["statements"]:
        assert KEYS <= set(s), s["id"]
        assert text[s["start"] : s["end"]] == s["text"], s["id"]
        assert s["text"] == s["text"].strip() and s["text"], s["id"]
        assert s["kind"] in ("direct", "indirect") and s["language"] in ("zh-Hant", "zh-Hans", "en")
        assert s["said_on"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["said_on"])
        assert s["said_on"] is None or s["said_on"] <= gold["published"], s["id"]
        assert isinstance(s["via"], list) and isinstance(s["optional"], bool)
        assert not s["mention"] or s["mention"] in text, s["id"]
        names.setdefault(s["speaker_key"], s["speaker"])
        assert names[s["speaker_key"]] == s["speaker"], s["id"]
    idset = set(ids)
    for t in gold["stances"]:
        assert t["polarity"] in ("support", "oppose") and t["targets"] and set(t["targets"]) <= idset
    for g in gold["same_claim"]:
        assert len(g["ids"]) >= 2 and set(g["ids"]) <= idset
    for n in gold["negatives"]:
        assert n in text
    # two required statements must not be one span twice (the scorer matches one-to-one)
    req = [s for s in gold["statements"] if not s["optional"]]
    for i, a in enumerate(req):
        for b in req[i + 1 :]:
            inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
            union = max(a["end"], b["end"]) - min(a["start"], b["start"])
            assert inter / union < 0.5, (a["id"], b["id"])
    return gold, text


def row(gold, text):
    st = gold["statements"]
    req = [s for s in st if not s["optional"]]
    opt = len(st) - len(req)
    d = sum(s["kind"] == "direct" for s in req)
    langs = sorted({s["language"] for s in st}, key=["zh-Hant", "zh-Hans", "en"].index)
    spk = len({s["speaker_key"] for s in req})
    opp = sum(t["polarity"] == "oppose" for t in gold["stances"])
    dated = sum(bool(s["said_on"]) for s in req)
    via = sum(bool(s["via"]) for s in req)
    return (
        f"| `{gold['article']}` | {len(text)} | {len(req)} (+{opt} opt) | {d}/{len(req) - d} | {spk} | "
        f"{len(gold['stances'])} ({opp} oppose) | {len(gold['same_claim'])} | {dated} | {via} | "
        f"{' + '.join(langs)} |"
    )


def main():
    specs = sorted(p for p in HERE.glob("*.py") if p.name not in ("common.py", "build_all.py"))
    for p in specs:
        runpy.run_path(str(p), run_name="__main__")
    print()
    print(
        "| file | chars | statements (required + optional) | direct/indirect (required) | speakers "
        "| stances | same_claim | dated | with via | languages |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    golds = sorted(HOLDOUT.glob("*.gold.json"))
    assert len(golds) == len(specs), "a gold file without a spec (or the reverse)"
    for g in golds:
        print(row(*check(g)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
