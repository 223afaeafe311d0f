"""Build the English attribution tagger from the PolNeAR-converted gold, with k-fold cross-validation.

    .venv/bin/python -m claims.extraction.learn.train [--gold ../shared/eval/real-en] [--folds 5] [--cv]

Deterministic (L-BFGS, articles in name order, fold = index mod k) and single-threaded: about a
minute per model on one CPU. With --cv each fold's model is trained on the other folds, the full
extractor predicts the fold's articles with it, and ../shared/eval/score.py scores the predictions
of all folds together (the cross-validated figure), then the final model (all folds) is scored on
its own training articles (the train figure). The final model is written to --out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..gazetteer import Gazetteer
from . import tagger
from .gold import Sequence, article_sequences, gold_articles

ROOT = Path(__file__).resolve().parents[3]
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}


def train(sequences: list[Sequence], out: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for seq in sequences:
        trainer.append(seq.features, seq.labels)
    trainer.set_params(PARAMS)
    trainer.train(str(out))


def predict(articles: list, model: Path, out: Path) -> None:
    """The full extractor's predictions (score.py's format) with this model, one file per article."""
    from .. import extract, to_json

    tagger.use_model(model)
    gaz = Gazetteer.bundled()
    for name, text, published, _ in articles:
        pred = to_json(extract(text, published=published, gazetteer=gaz))
        (out / f"{name}.pred.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")


def score(gold: Path, preds: Path, names: list[str]) -> str:
    """score.py's headline line for the named articles (copied into a folder of their own)."""
    with tempfile.TemporaryDirectory() as d:
        for name in names:
            for suffix in (".gold.json", ".txt"):
                (Path(d) / f"{name}{suffix}").write_bytes((gold / f"{name}{suffix}").read_bytes())
        run = subprocess.run([sys.executable, str(gold.parent / "score.py"), "--pred-dir", str(preds), d],
                             capture_output=True, text=True, check=True)
    return run.stdout.strip().splitlines()[-1]


def cross_validate(articles: list, sequences: list[Sequence], folds: int, gold: Path, work: Path) -> None:
    fold_of = {name: i % folds for i, (name, *_rest) in enumerate(articles)}
    preds = work / "cv"
    preds.mkdir()
    for k in range(folds):
        t = time.perf_counter()
        model = work / f"fold{k}.crfsuite"
        train([s for s in sequences if fold_of[s.article] != k], model)
        held = [a for a in articles if fold_of[a[0]] == k]
        predict(held, model, preds)
        print(f"fold {k}: {score(gold, preds, [a[0] for a in held])} ({time.perf_counter() - t:.0f} s)", flush=True)
    print(f"cross-validated ({folds} folds): {score(gold, preds, [a[0] for a in articles])}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "real-en")
    ap.add_argument("--out", type=Path, default=tagger.MODEL_PATH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cv", action="store_true", help="cross-validate before building the final model")
    a = ap.parse_args()
    t = time.perf_counter()
    gaz = Gazetteer.bundled()
    articles = gold_articles(a.gold)
    sequences = [s for art in articles for s in article_sequences(*art, gaz)]
    print(f"{len(articles)} articles, {len(sequences)} paragraphs, {sum(len(s.labels) for s in sequences)} tokens "
          f"({time.perf_counter() - t:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        if a.cv:
            cross_validate(articles, sequences, a.folds, a.gold, work)
        train(sequences, a.out)
        if a.cv:
            preds = work / "train"
            preds.mkdir()
            predict(articles, a.out, preds)
            print(f"train (final model on its own articles): {score(a.gold, preds, [x[0] for x in articles])}")
    print(f"model: {a.out} ({a.out.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
