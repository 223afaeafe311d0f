"""Benchmark: the desk's statement search (the review queue's search box) at 1,000,000 statements.

    .venv/bin/python bench/desk_search.py [--db factdesk_bench_desk] [--statements 1000000] [--repeat 9] [--keep|--reuse]

Fills a dedicated database (``--db`` or BENCH_DB_NAME, on BENCH_DATABASE_URL's server) with
``bench/datagen.py`` (100,000 articles of 10 statements, text from the repository's corpus), then
times what the queue runs for a search: ``claims.selectors.statement_search_q`` on the queue's
queryset and its first page of 50 in queue order (the keyset page: no count, read by
``statement_queue_search_page``, the newest articles first). Side by side in the
same run, the same search as the LIKE scan it replaces (``icontains`` over text and mention, the
speaker subquery), so the ratio is measured on the same data and load. Prints medians and p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import datagen  # noqa: E402 - after the path is set

# Two-character Chinese words and names (no trigram), longer phrases, Latin words, a miss.
TERMS = ["普京", "台灣", "台湾", "關稅", "外交部發言人", "国防预算", "陸委會", "tariff", "ceasefire",
         "security guarantees", "no such words here", "民共和"]


percentile = datagen.percentile


def time_terms(args) -> None:
    from django.db.models import Q

    from claims import selectors
    from claims.extraction.normalize import normalize_alias
    from claims.models import SpeakerAlias, Statement

    queue = Statement.objects.filter(review_state="candidate").select_related("speaker", "article", "article__outlet")
    order = ("-article__created_at", "article_id", "start", "pk")

    def indexed(term: str) -> int:
        # As the queue's keyset page runs a search (claims.admin.keyset): bounded, newest articles first.
        return len(selectors.statement_queue_search_page(queue.filter(selectors.statement_search_q(term))
                                                         .order_by(*order), 51, term=term))

    def like_scan(term: str) -> int:
        q = Q()
        for variant in selectors.text_search_variants(term):
            q |= Q(text__icontains=variant) | Q(mention__icontains=variant)
        q |= Q(speaker_id__in=SpeakerAlias.objects.filter(normalized__startswith=normalize_alias(term))
               .values("speaker_id"))
        return len(list(queue.filter(q).order_by(*order)[:51]))

    for term in TERMS:  # warm plans and caches
        indexed(term)
    rows = {"indexed": [], "like scan": []}
    print(f"\n{'term':22} {'page':>5} {'indexed median':>15} {'p95':>7} {'LIKE median':>12} {'ratio':>6}")
    for term in TERMS:
        a, b = [], []
        n = 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            n = indexed(term)
            a.append((time.perf_counter() - t0) * 1000)
            if not args.no_baseline:
                t0 = time.perf_counter()
                like_scan(term)
                b.append((time.perf_counter() - t0) * 1000)
        rows["indexed"] += a
        rows["like scan"] += b
        base = statistics.median(b) if b else float("nan")
        print(f"{term:22} {n:>5} {statistics.median(a):>15.1f} {percentile(a, 95):>7.1f} {base:>12.1f} "
              f"{base / statistics.median(a):>6.1f}")
    for name, samples in rows.items():
        if samples:
            print(f"{name:10} median {statistics.median(samples):.1f} ms, p95 {percentile(samples, 95):.1f} ms "
                  f"({args.repeat} runs per term, first page of 50 in queue order)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "factdesk_bench_desk"))
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-baseline", action="store_true", help="skip the LIKE scan (slow at a million rows)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    with datagen.bench_database(args.db, reuse=args.reuse, keep=args.keep):
        if not args.reuse:
            datagen.generate(statements=args.statements)
        time_terms(args)

if __name__ == "__main__":
    main()
