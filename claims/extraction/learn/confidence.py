"""Statement and stance confidence, measured: precision per confidence band on the real sets, and
the build of the statement model (claims/extraction/data/confidence.json).

    python -m claims.extraction.learn.confidence          # band tables (statements and stances)
    python -m claims.extraction.learn.confidence --fit    # refit the model, print cross-validated bands

A statement is right when the scorer (../shared/eval/score.py) matches it to a required gold
statement with the right speaker, wrong when it matches nothing or names the wrong speaker;
statements matched to optional gold count as neither. The model is a logistic regression over
confidence.features, one per language (zh: real-zh and dev; en: real-en), fitted by Newton's
method with an L2 penalty: deterministic, pure Python, seconds. Cross-validation: five folds by
article (every fifth article in name order), each scored by a model fitted on the other four.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

from claims.extraction import pipeline, stances
from claims.extraction.confidence import MODEL_PATH, features
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.serialize import to_json

ROOT = Path(__file__).resolve().parents[3]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"zh": ("dev", "real-zh"), "en": ("real-en",)}
STANCE_SETS = (EVAL / "dev", EVAL / "real-zh", ROOT / "tests/extraction/corpus", ROOT / "tests/extraction/holdout")
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
L2 = 1.0
FOLDS = 5


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(text: str, published: dt.date | None):
    """extract() that also hands back each output statement's Candidate and the Article."""
    seen = {}
    original = pipeline.build_extraction

    def keep(art, statements, found):
        seen["art"], seen["statements"] = art, statements
        return original(art, statements, found)

    pipeline.build_extraction = keep  # this script only: read what the output stage was given
    try:
        ex = pipeline.extract_article(text, published, Gazetteer.bundled())
    finally:
        pipeline.build_extraction = original
    return ex, seen["art"], seen["statements"]


def _articles(folder: Path):
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / (stem + ".txt")).read_text(encoding="utf-8")
        pub = gold.get("published")
        yield stem, gold, text, (dt.date.fromisoformat(pub) if pub else None)


def statement_rows(score, folders) -> list[dict]:
    """One row per predicted statement that the scorer can judge: article, features, label, confidence."""
    rows = []
    for folder in folders:
        for stem, gold, text, pub in _articles(folder):
            ex, art, cands = _run(text, pub)
            pred = to_json(ex)
            golds = gold["statements"]
            roster = [g["speaker"] for g in golds] + [t["speaker"] for t in gold.get("stances", [])]
            matched = score.match(golds, pred["statements"], text)
            for i, (p, cand) in enumerate(zip(pred["statements"], cands, strict=True)):
                j = matched.get(i)
                if j is not None and golds[j]["optional"]:
                    continue
                ok = j is not None and score.speaker_ok(p, golds[j]["speaker"], roster)
                rows.append({"article": f"{folder.name}/{stem}", "x": features(art, cand), "y": int(ok),
                             "confidence": p["confidence"]})
    return rows


def fit(rows: list[dict]) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised)."""
    names = sorted({k for r in rows for k in r["x"]})
    w = [0.0] * len(names)
    xs = [[r["x"].get(k, 0.0) for k in names] for r in rows]
    ys = [r["y"] for r in rows]
    n = len(names)
    for _ in range(25):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys, strict=True):
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x, strict=True))))))
            g, h = p - y, p * (1 - p)
            for a in range(n):
                if x[a]:
                    grad[a] += g * x[a]
                    for b in range(n):
                        hess[a][b] += h * x[a] * x[b]
        for a in range(n):
            if names[a] != "bias":
                grad[a] += L2 * w[a]
                hess[a][a] += L2
            hess[a][a] += 1e-9
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return {k: round(v, 6) for k, v in zip(names, w, strict=True)}


def _solve(m: list[list[float]], v: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (m is small and positive definite)."""
    n = len(v)
    a = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[piv] = a[piv], a[c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for k in range(c, n + 1):
                a[r][k] -= f * a[c][k]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (a[r][n] - sum(a[r][k] * out[k] for k in range(r + 1, n))) / a[r][r]
    return out


def predict(w: dict[str, float], x: dict[str, float]) -> float:
    z = sum(w.get(k, 0.0) * v for k, v in x.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validated(rows: list[dict]) -> list[float]:
    arts = sorted({r["article"] for r in rows})
    fold_of = {a: i % FOLDS for i, a in enumerate(arts)}
    out = [0.0] * len(rows)
    for k in range(FOLDS):
        w = fit([r for r in rows if fold_of[r["article"]] != k])
        for i, r in enumerate(rows):
            if fold_of[r["article"]] == k:
                out[i] = round(predict(w, r["x"]), 2)
    return out


def band_table(title: str, scored: list[tuple[float, int]]) -> str:
    lines = [f"{title}: n={len(scored)}", "  band        n   right  precision"]
    for lo, hi in BANDS:
        b = [y for c, y in scored if lo <= c < hi]
        prec = f"{sum(b) / len(b):.3f}" if b else "  -  "
        lines.append(f"  {lo:.2f}-{min(hi, 1.0):.2f} {len(b):5d} {sum(b):6d}   {prec}")
    return "\n".join(lines)


def _half(article: str) -> str:
    """real-zh articles by number (zh-hant-real-07-…): odd or even."""
    m = re.search(r"-real-(\d+)-", article)
    return ("odd" if int(m.group(1)) % 2 else "even") if m else "-"


def stance_rows(score) -> list[tuple[str, float, int]]:
    """Every stance found (published or not: the floor is lifted here) with its confidence and
    whether the scorer counts it right."""
    floor = stances.MIN_STANCE_CONFIDENCE
    stances.MIN_STANCE_CONFIDENCE = 0.0
    rows = []
    try:
        for folder in STANCE_SETS:
            for stem, gold, text, pub in _articles(folder):
                pred = to_json(_run(text, pub)[0])
                golds = gold["statements"]
                roster = [g["speaker"] for g in golds] + [t["speaker"] for t in gold.get("stances", [])]
                gid = {i: golds[j]["id"] for i, j in score.match(golds, pred["statements"], text).items()}
                for s in pred["stances"]:
                    ok = any(g["polarity"] == s["polarity"] and gid.get(s["target"]) in g["targets"]
                             and score.speaker_ok(s, g["speaker"], roster) for g in gold.get("stances", []))
                    rows.append((f"{folder.name}/{stem}", s["confidence"], int(ok)))
    finally:
        stances.MIN_STANCE_CONFIDENCE = floor
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fit", action="store_true", help="refit data/confidence.json first")
    a = ap.parse_args(argv)
    score = _scorer()
    if a.fit:
        model = {"about": "statement confidence: logistic weights per language (learn/confidence.py --fit)",
                 "weights": {}}
        for lang, sets in SETS.items():
            rows = statement_rows(score, [EVAL / s for s in sets])
            cv = cross_validated(rows)
            print(band_table(f"{lang} statements, cross-validated ({FOLDS} folds by article)",
                             list(zip(cv, (r["y"] for r in rows), strict=True))))
            model["weights"][lang] = fit(rows)
        MODEL_PATH.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
        return
    for name in ("real-zh", "real-en"):
        rows = statement_rows(score, [EVAL / name])
        print(band_table(f"{name} statements", [(r["confidence"], r["y"]) for r in rows]))
        if name == "real-zh":
            for half in ("odd", "even"):
                print(band_table(f"real-zh statements, {half} articles",
                                 [(r["confidence"], r["y"]) for r in rows if _half(r["article"]) == half]))
    srows = stance_rows(score)
    print(band_table("stances (dev, real-zh, corpus, holdout; below 0.50 unpublished)", [(c, y) for _, c, y in srows]))
    zh = [(a, c, y) for a, c, y in srows if a.startswith("real-zh/")]
    for half in ("odd", "even"):
        print(band_table(f"real-zh stances, {half} articles", [(c, y) for a, c, y in zh if _half(a) == half]))


if __name__ == "__main__":
    sys.exit(main())
