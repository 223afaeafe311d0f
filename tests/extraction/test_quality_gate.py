"""Regression gate: the extractor scored in one process on the real-news sets, against floors.

The sets live outside the repository (../shared/eval: the dev article, real-zh and real-en); the
scorer is theirs (../shared/eval/score.py), imported, not copied. Each figure must stay at or above
its floor in quality_floors.json; raise the floors as quality rises, never lower them to pass.
All three sets (898 articles) take about ten seconds.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
from pathlib import Path

import pytest

from claims.extraction import extract, to_json

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))
REQUIRE = os.environ.get("FACTDESK_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def _scorer():
    spec = importlib.util.spec_from_file_location("factdesk_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(folder: Path) -> dict[str, float | None]:
    """Every figure the scorer reports for one set, computed in this process."""
    scorer = _scorer()
    totals: dict[str, int] = {}
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        pred = to_json(extract(text, published=published))
        counts, _ = scorer.score_article(gold, pred, text, False)
        counts.update(same_claim_pairs(scorer, gold, pred, text))
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    p, r, f = scorer.prf(totals["attr_tp"], totals["attr_fp"], totals["attr_fn"])
    sp, sr, sf = scorer.prf(totals["st_tp"], totals["st_fp"], totals["st_fn"])
    return {
        "attribution_p": p, "attribution_r": r, "attribution_f1": f,
        "stance_p": sp, "stance_r": sr, "stance_f1": sf,
        "same_claim_recall": totals["same_hit"] / totals["same_n"] if totals.get("same_n") else None,
        "date_accuracy": totals["date_ok"] / totals["date_n"] if totals.get("date_n") else None,
        "same_claim_pair_precision": totals["pair_ok"] / totals["pair_n"] if totals.get("pair_n") else None,
    }


def same_claim_pairs(scorer, gold: dict, pred: dict, text: str) -> dict[str, int]:
    """The precision side of same-claim grouping, which the scorer leaves out (it counts recall): of
    the pairs of predicted statements sharing a claim key whose both sides match a gold statement,
    how many the gold puts in one same_claim group. The desk merges on these keys, so a key that
    joins everything would have perfect recall and no use."""
    golds, preds = gold["statements"], pred.get("statements", [])
    gold_id = {i: golds[j]["id"] for i, j in scorer.match(golds, preds, text).items()}
    groups: dict[str, set[int]] = {}
    for k, grp in enumerate(gold.get("same_claim", [])):
        for sid in grp["ids"]:
            groups.setdefault(sid, set()).add(k)
    by_key: dict[str, list[str]] = {}
    for i, p in enumerate(preds):
        if i in gold_id:
            by_key.setdefault(p.get("claim"), []).append(gold_id[i])
    n = ok = 0
    for ids in by_key.values():
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                n += 1
                ok += bool(groups.get(ids[x], set()) & groups.get(ids[y], set()))
    return {"pair_n": n, "pair_ok": ok}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_quality_stays_above_its_floors(name):
    folder = EVAL / name
    if not folder.is_dir():
        if REQUIRE:
            pytest.fail(f"the evaluation set {folder} is missing")
        pytest.skip(f"{folder} not present")
    figures = score_set(folder)
    below = {
        key: (round(figures[key], 4), floor)
        for key, floor in FLOORS[name].items()
        if figures.get(key) is None or figures[key] < floor
    }
    assert not below, f"{name}: figures below their floors (figure, floor): {below}"
