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
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    p, r, f = scorer.prf(totals["attr_tp"], totals["attr_fp"], totals["attr_fn"])
    sp, sr, sf = scorer.prf(totals["st_tp"], totals["st_fp"], totals["st_fn"])
    return {
        "attribution_p": p, "attribution_r": r, "attribution_f1": f,
        "stance_p": sp, "stance_r": sr, "stance_f1": sf,
        "same_claim_recall": totals["same_hit"] / totals["same_n"] if totals.get("same_n") else None,
        "date_accuracy": totals["date_ok"] / totals["date_n"] if totals.get("date_n") else None,
    }


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
