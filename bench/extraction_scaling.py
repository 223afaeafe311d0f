"""Benchmark: extract() on the long-line guards of tests/extraction/test_robustness.py at two sizes.

    .venv/bin/python bench/extraction_scaling.py [--size N] [--repeat R]

Each adversarial input (one long line, unbalanced or stray quote marks, deep nesting, a run of
verbs, a long article) is built at N and at 2N units and extracted R times at each size in this one
process, in turns (CPU time of this process); the figure per input is median(time at 2N) / median(time at N): about 2.0 when
the work is linear, about 4.0 when it is quadratic. Also checks that extract() returned (it never
raises) and that every statement's offsets hold. Target: every ratio well under 3.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402  (the checkout's own package, after the path)

SENT = "川普12日表示,「我們會贏。」他說:美國將繼續談判。佩斯科夫說,這是不可能的。"
NARRATION = "這是一段敘述文字,沒有任何引語,只是背景資料與數字12345。"

# name -> the input at n units (the same shapes as the robustness test's guards)
INPUTS = {
    "long article": lambda n: (SENT + NARRATION * 6 + "\n") * (n // 50),
    "unbalanced quotes": lambda n: "「" * n + "」" * (n // 2) + "“" * (n // 2),
    "stray closers": lambda n: "他說」" * n,
    "deep nesting": lambda n: "他說:" + "「『“‘" * (n // 4) + "內容" + "’”』」" * (n // 4),
    "rare characters": lambda n: "他表示," + "".join(chr(0x20000 + i % 40_000) for i in range(n)) + "。",
    "one English line": lambda n: "He said the plan \"would work\" and she added that it would not. " * (n // 10),
    "many verbs": lambda n: "他說表示指出強調" * (n // 4),
    "straight quotes": lambda n: '"' * n,
    "blank lines in a quote": lambda n: "他說:「" + "\n" * n + "好」",
}


def timed(text: str) -> float:
    t = time.process_time()  # CPU seconds of this process: other work on a shared machine does not count
    ex = extract(text)
    elapsed = time.process_time() - t
    for s in ex.statements:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=20_000, help="units of the smaller input")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    timed("他說,好。")  # warm up: the registry and the regexes
    print(f"{'input':24} {'chars at N':>10} {'ms at N':>9} {'ms at 2N':>9} {'2N/N':>6}")
    worst = 0.0
    for name, make in INPUTS.items():
        small, large = make(a.size), make(2 * a.size)
        ts, tl = [], []
        for _ in range(a.repeat):
            ts.append(timed(small))
            tl.append(timed(large))
        s, big = statistics.median(ts), statistics.median(tl)
        ratio = big / s if s else float("inf")
        worst = max(worst, ratio)
        print(f"{name:24} {len(small):10d} {s * 1000:9.1f} {big * 1000:9.1f} {ratio:6.2f}")
    print(f"largest ratio (time at 2N / time at N): {worst:.2f} (linear: about 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
