"""Benchmark: full extract() against one jieba.lcut pass over the same raw text, per article.

    .venv/bin/python bench/extraction.py [--repeat N]

Articles: ../shared/eval/dev/*.txt, tests/extraction/corpus/*.txt, sources/samples/*.txt (when
present). Both sides are warmed up first (jieba's dictionary, our gazetteer and regexes), then
timed N times each in this one process, in turns (extract, lcut, extract, lcut, ...: on a shared
machine whose speed drifts, both sides see the same drift); the per-article ratio is
median(extract) / median(lcut), and the overall figure is the median of those ratios. Target: <= 1.0.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles() -> list[Path]:
    dirs = [ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "extraction" / "corpus", ROOT / "sources" / "samples"]
    out: list[Path] = []
    for d in dirs:
        if d.is_dir():
            out += sorted(p for p in d.glob("*.txt") if p.is_file())
    return out


def timed_in_turns(a, b, repeat: int) -> tuple[float, float]:
    """Median seconds of a() and of b(), each run ``repeat`` times, a and b in turns."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((a, times[0]), (b, times[1])):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    a = ap.parse_args()

    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
    from claims.extraction import Gazetteer, extract

    gaz = Gazetteer.bundled()
    paths = articles()
    if not paths:
        print("no articles found")
        return 1
    ratios = []
    print(f"{'article':55} {'chars':>7} {'extract ms':>10} {'lcut ms':>9} {'ratio':>6}")
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace")
        extract(text, gazetteer=gaz)  # warm caches for this text's code paths
        jieba.lcut(text)
        te, tj = timed_in_turns(lambda t=text: extract(t, gazetteer=gaz), lambda t=text: jieba.lcut(t), a.repeat)
        r = te / tj if tj else float("inf")
        ratios.append(r)
        print(f"{p.name[:55]:55} {len(text):7d} {te * 1000:10.2f} {tj * 1000:9.2f} {r:6.2f}")
    print(f"overall median ratio (extract / lcut): {statistics.median(ratios):.2f} over {len(ratios)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
