"""Benchmark: public claim search at 100,000 (or 1,000,000) published claims in PostgreSQL.

    .venv/bin/python bench/search.py [--db factdesk_bench_search] [--claims 100000] [--repeat 15] [--keep|--reuse]

Creates a dedicated database (``--db``, or BENCH_DB_NAME; default factdesk_bench_search, on the
server of BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432), migrates it (so the GIN
full-text and pg_trgm indexes are the real ones) and fills it with ``bench/datagen.py`` (COPY),
then times ``claims.selectors.claim_search`` the way the search page uses it: the capped count
(``search_count``: at most 200, shown as "200+") and the first page of 20 claims (with their
statements prefetched), for Traditional, Simplified and English queries. Prints median and p95 per
query group and overall, then drops the database (unless --keep; --reuse times a kept one).
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

# (group, query): Traditional and Simplified forms of the same topics, English, and the awkward
# cases (a substring that is not a jieba token, a single character, a rare phrase).
QUERIES = [
    ("zh-Hant", "國防預算"), ("zh-Hant", "陸委會"), ("zh-Hant", "外交部發言人"), ("zh-Hant", "兩岸交流"),
    ("zh-Hant", "安全保證"), ("zh-Hans", "国防预算"), ("zh-Hans", "陆委会"), ("zh-Hans", "外交部发言人"),
    ("zh-Hans", "两岸交流"), ("zh-Hans", "安全保证"), ("en", "security guarantees"), ("en", "tariff"),
    ("en", "Putin Alaska"), ("en", "lithium royalty"), ("en", "ceasefire"),
    ("edge", "民共和"), ("edge", "台"), ("edge", "劏房"), ("edge", "no such words here"),
    ("names", "普丁"), ("names", "特朗普"), ("names", "Trump"), ("names", "北約"),
]


percentile = datagen.percentile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "factdesk_bench_search"))
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="leave the database for inspection")
    parser.add_argument("--reuse", action="store_true", help="time queries on a database left by --keep")
    args = parser.parse_args()

    with datagen.bench_database(args.db, reuse=args.reuse, keep=args.keep):
        from claims import selectors

        if not args.reuse:
            datagen.generate(claims=args.claims)
        time_queries(args, selectors)


def server_ms(page, query: str) -> float:
    """PostgreSQL's own execution time of every query one search runs (EXPLAIN ANALYZE, summed).

    Wall-clock time on a shared host is mostly waiting for a CPU; this is the work the plans do.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        page(query)
    from django.db import transaction

    total = 0.0
    for captured in ctx.captured_queries:
        sql = captured["sql"].lstrip()
        if not sql.lstrip("( ").upper().startswith("SELECT"):  # "(SELECT ...) UNION ALL ...": the window
            continue
        # Replay a SET LOCAL the search ran right before this query (same planner settings).
        with transaction.atomic(), connection.cursor() as cursor:
            before = ctx.captured_queries[ctx.captured_queries.index(captured) - 1]["sql"]
            if before.upper().startswith("SET LOCAL"):
                cursor.execute(before)
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            total += cursor.fetchone()[0][0]["Execution Time"]
    return total


def time_queries(args, selectors) -> None:
    def page(query: str) -> tuple[str, int]:
        qs = selectors.claim_list_with_statements(selectors.claim_search(query))
        n, more = selectors.search_count(qs)
        return (f"{n:,}+" if more else f"{n:,}"), len(list(qs[:20]))

    for query in dict.fromkeys(q for _g, q in QUERIES):  # warm caches, segmenter and plans
        page(query)
    timings: dict[str, list[float]] = {}
    servers: dict[str, list[float]] = {}
    print(f"\n{'group':8} {'query':22} {'matches':>8} {'median ms':>10} {'p95 ms':>8} {'server ms':>10}")
    for group, query in QUERIES:
        samples, server = [], []
        matches = ""
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            matches, _shown = page(query)
            samples.append((time.perf_counter() - t0) * 1000)
        for _ in range(3):
            server.append(server_ms(page, query))
        for key in (group, "all"):
            timings.setdefault(key, []).extend(samples)
            servers.setdefault(key, []).extend(server)
        print(f"{group:8} {query:22} {matches:>8} {statistics.median(samples):>10.1f} {percentile(samples, 95):>8.1f} "
              f"{statistics.median(server):>10.2f}")
    print(f"\n{'group':8} {'median ms':>10} {'p95 ms':>8} {'server median':>14} {'server max':>11}"
          f"   (capped count + first page of 20, {args.repeat} runs per query; server: EXPLAIN ANALYZE, 3 runs)")
    for group, samples in timings.items():
        print(f"{group:8} {statistics.median(samples):>10.1f} {percentile(samples, 95):>8.1f} "
              f"{statistics.median(servers[group]):>14.2f} {max(servers[group]):>11.2f}")


if __name__ == "__main__":
    main()
