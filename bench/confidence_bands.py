"""Quality check: is a higher stance confidence more often right? Precision per confidence band.

    .venv/bin/python bench/confidence_bands.py [SET ...]   (default: ../shared/eval/real-zh and dev)

Runs the extractor in this process on each set's articles, matches statements to the gold with
the shared scorer (../shared/eval/score.py: span IoU >= 0.5) and counts, per band of stance
confidence, the stances whose holder, polarity and target match a gold stance. Stances below
MIN_STANCE_CONFIDENCE are never published; the script scores them too (by calling the stance
stage with the threshold at zero), so the lowest bands show what the threshold keeps out.
Prints one row per band: stances, right, precision.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = Path("/work/shared/eval") if Path("/work/shared/eval").is_dir() else ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))

import score  # noqa: E402  (the shared scorer, outside the repository)

from claims.extraction import Gazetteer, extract, stances, to_json  # noqa: E402

BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01))


def _gold_hits(gold: dict, pred: dict, text: str) -> list[tuple[float, bool]]:
    golds = gold["statements"]
    m = score.match(golds, pred["statements"], text)
    gid = {i: golds[j]["id"] for i, j in m.items()}
    roster = [g["speaker"] for g in golds] + [t["speaker"] for t in gold.get("stances", [])]
    used: set[int] = set()
    out = []
    for s in pred["stances"]:
        tg = gid.get(s["target"])
        ok = None
        for k, gs in enumerate(gold.get("stances", [])):
            if k not in used and gs["polarity"] == s["polarity"] and tg in gs["targets"] and \
                    score.speaker_ok(s, gs["speaker"], roster):
                ok = k
                break
        if ok is not None:
            used.add(ok)
        out.append((float(s.get("confidence") or 0.0), ok is not None))
    return out


def main(sets: list[str]) -> None:
    stances.MIN_STANCE_CONFIDENCE = 0.0  # score every stance, published or not (the stage reads this name)
    gaz = Gazetteer.bundled()
    rows: list[tuple[float, bool]] = []
    for name in sets:
        d = Path(name) if Path(name).is_dir() else EVAL / name
        for gp in sorted(d.glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            text = (d / gold["article"]).read_text(encoding="utf-8")
            pub = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
            pred = to_json(extract(text, published=pub, gazetteer=gaz))
            rows += _gold_hits(gold, pred, text)
    print(f"{'band':>11} {'stances':>8} {'right':>6} {'precision':>9}")
    for lo, hi in BANDS:
        band = [ok for c, ok in rows if lo <= c < hi]
        prec = f"{sum(band) / len(band):.3f}" if band else "-"
        print(f"{lo:.2f}-{min(hi, 1.0):.2f} {len(band):>8} {sum(band):>6} {prec:>9}")
    pub = [ok for c, ok in rows if c >= 0.5]
    print(f"published (>= 0.50): {len(pub)} stances, {sum(pub)} right")


if __name__ == "__main__":
    main(sys.argv[1:] or ["real-zh", "dev"])
