"""Build the English attribution tagger and its filter from the PolNeAR-converted gold, cross-validated.

    .venv/bin/python -m claims.extraction.learn.train [--gold ../shared/eval/real-en] [--folds 5]

Deterministic (L-BFGS, articles in name order, fold = index mod k); the fold models train two at a
time (about five minutes on 2 CPUs). Steps:
1. a tagger per fold, trained on the other folds, and the final tagger on all articles;
2. each fold's tagger finds the statements of its own (unseen) articles: labelled against the gold,
   they are the filter's training records (the filter learns the tagger's out-of-fold mistakes);
3. cross-validation: fold k's articles are predicted by the full extractor with fold k's tagger and a
   filter trained on the other folds' records, and ../shared/eval/score.py scores all folds together;
4. the final filter (all records) is written beside the final tagger, and the final pair is scored on
   its own training articles (the train figure, for comparison only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from .. import extract, to_json
from ..attribution import attribute
from ..gazetteer import Gazetteer
from ..pipeline import read_article, rule_statements
from . import filter as learned_filter
from . import tagger
from .gold import Sequence, article_sequences, gold_articles
from .producer import tagged_candidates

ROOT = Path(__file__).resolve().parents[3]
TAGGER_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
FILTER_PARAMS = {"c1": 0.0, "c2": 1.0, "max_iterations": 200}
Article = tuple[str, str, "dt.date | None", dict]


def train_tagger(sequences: list[Sequence], out: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for seq in sequences:
        trainer.append(seq.features, seq.labels)
    trainer.set_params(TAGGER_PARAMS)
    trainer.train(str(out))


def train_filter(records: list[tuple[list[str], str]], out: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, label in records:
        trainer.append([features], [label])
    trainer.set_params(FILTER_PARAMS)
    trainer.train(str(out))


def _score_module(gold: Path):
    spec = importlib.util.spec_from_file_location("eval_score", gold.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def filter_records(articles: list[Article], gold: Path) -> list[tuple[list[str], str]]:
    """The tagger's statements on these articles (with the current model), labelled Y when one matches a
    required gold statement with its speaker, N when it matches nothing or names the wrong speaker
    (a match with an optional statement teaches nothing and is left out)."""
    score = _score_module(gold)
    gaz = Gazetteer.bundled()
    records = []
    for _, text, published, g in articles:
        art = read_article(text, published, gaz)
        state = attribute(art)
        golds = g["statements"]
        roster = [x["speaker"] for x in golds]
        for st, features in tagged_candidates(art, state, rule_statements(art, state)):
            best = max(golds, key=lambda x: score.iou((st.start, st.end), (x["start"], x["end"])), default=None)
            if best is None or score.iou((st.start, st.end), (best["start"], best["end"])) < 0.5:
                records.append((features, "N"))
            elif not best["optional"]:
                named = {"speaker": st.speaker.name, "mention": st.speaker.mention}
                records.append((features, "Y" if score.speaker_ok(named, best["speaker"], roster) else "N"))
    return records


def predict(articles: list[Article], model: Path, filter_model: Path | None, out: Path) -> None:
    """The full extractor's predictions (score.py's format) with these models, one file per article."""
    tagger.use_model(model)
    learned_filter.use_filter(filter_model)
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


def _train_job(job: tuple[list[Sequence], Path]) -> None:
    train_tagger(*job)


def build(articles: list[Article], sequences: list[Sequence], work: Path, a: argparse.Namespace) -> None:
    """Fold taggers, filter records, cross-validation, the final pair (see the module docstring)."""
    folds, gold, out, filter_out = a.folds, a.gold, a.out, a.filter_out
    fold_of = {a[0]: i % folds for i, a in enumerate(articles)}
    jobs = [([s for s in sequences if fold_of[s.article] != k], work / f"fold{k}.crfsuite") for k in range(folds)]
    jobs.append((sequences, out))
    t = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_train_job, jobs, chunksize=1)
    print(f"{folds} fold taggers and the final tagger trained ({time.perf_counter() - t:.0f} s)", flush=True)
    held = [[a for a in articles if fold_of[a[0]] == k] for k in range(folds)]
    records = []
    for k in range(folds):
        tagger.use_model(work / f"fold{k}.crfsuite")
        records.append(filter_records(held[k], gold))
    print(f"filter records: {sum(map(len, records))} ({sum(r[1] == 'Y' for rs in records for r in rs)} right)")
    preds = work / "cv"
    preds.mkdir()
    for k in range(folds):
        train_filter([r for j, rs in enumerate(records) if j != k for r in rs], work / f"filter{k}.crfsuite")
        predict(held[k], work / f"fold{k}.crfsuite", work / f"filter{k}.crfsuite", preds)
        print(f"fold {k}: {score(gold, preds, [a[0] for a in held[k]])}", flush=True)
    print(f"cross-validated ({folds} folds): {score(gold, preds, [a[0] for a in articles])}", flush=True)
    if a.keep_cv is not None:  # the out-of-fold predictions, for error analysis
        a.keep_cv.mkdir(parents=True, exist_ok=True)
        for p in preds.iterdir():
            (a.keep_cv / p.name).write_bytes(p.read_bytes())
    train_filter([r for rs in records for r in rs], filter_out)
    train = work / "train"
    train.mkdir()
    predict(articles, out, filter_out, train)
    print(f"train (final models on their own articles): {score(gold, train, [a[0] for a in articles])}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "real-en")
    ap.add_argument("--out", type=Path, default=tagger.MODEL_PATH)
    ap.add_argument("--filter-out", type=Path, default=learned_filter.FILTER_PATH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--keep-cv", type=Path, help="copy the out-of-fold predictions into this folder")
    a = ap.parse_args()
    t = time.perf_counter()
    gaz = Gazetteer.bundled()
    articles = gold_articles(a.gold)
    sequences = [s for art in articles for s in article_sequences(*art, gaz)]
    print(f"{len(articles)} articles, {len(sequences)} paragraphs, {sum(len(s.labels) for s in sequences)} tokens "
          f"({time.perf_counter() - t:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory() as d:
        build(articles, sequences, Path(d), a)
    print(f"models: {a.out} ({a.out.stat().st_size / 1e6:.1f} MB), {a.filter_out} "
          f"({a.filter_out.stat().st_size / 1e3:.0f} kB); {time.perf_counter() - t:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
