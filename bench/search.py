"""Benchmark: public claim search on 100,000 published claims in PostgreSQL.

    .venv/bin/python bench/search.py [--claims 100000] [--repeat 15] [--keep]

Creates a dedicated database (factdesk_bench on the server of BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432), migrates it (so the GIN full-text and pg_trgm indexes are
the real ones), inserts the claims with COPY and one published verdict each, then times
``claims.selectors.claim_search`` the way the search page uses it: the count and the first page of
20 claims (with their statements prefetched), for Traditional, Simplified and English queries.
Prints median and p95 per query group and overall, then drops the database (unless --keep).

Claim texts are 2-3 clauses drawn at random from the team's article corpus (Traditional,
Simplified via OpenCC and English), each with an accompanying "statement" clause in its search
text, so common words match thousands of claims and rare ones a few.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = "factdesk_bench"
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")

# (group, query): Traditional and Simplified forms of the same topics, English, and the awkward
# cases (a substring that is not a jieba token, a single character, a rare phrase).
QUERIES = [
    ("zh-Hant", "國防預算"), ("zh-Hant", "陸委會"), ("zh-Hant", "外交部發言人"), ("zh-Hant", "兩岸交流"),
    ("zh-Hant", "安全保證"), ("zh-Hans", "国防预算"), ("zh-Hans", "陆委会"), ("zh-Hans", "外交部发言人"),
    ("zh-Hans", "两岸交流"), ("zh-Hans", "安全保证"), ("en", "security guarantees"), ("en", "tariff"),
    ("en", "Putin Alaska"), ("en", "lithium royalty"), ("en", "ceasefire"),
    ("edge", "民共和"), ("edge", "台"), ("edge", "劏房"), ("edge", "no such words here"),
]


def corpus_clauses() -> dict[str, list[str]]:
    from claims.extraction.normalize import to_simplified

    texts = []
    for folder in (ROOT / "tests" / "extraction" / "corpus", ROOT / "sources" / "samples"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    han, latin = [], []
    for text in texts:
        for raw in re.split(r"[，。！？；：,.;!?\n「」“”\"]+", text):
            clause = raw.strip()
            if len(clause) < 4:
                continue
            if re.search(r"[\u4e00-\u9fff]", clause):
                han.append(clause)
            elif len(clause.split()) >= 3:
                latin.append(clause)
    return {"zh-Hant": han, "zh-Hans": [to_simplified(c) for c in han], "en": latin}


def make_texts(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(language, claim text, statement text) triples."""
    rng = random.Random(seed)
    clauses = corpus_clauses()
    out = []
    for i in range(n):
        lang = rng.choices(["zh-Hant", "zh-Hans", "en"], weights=[45, 25, 30])[0]
        pool = clauses[lang]
        sep = "，" if lang != "en" else ", "
        claim = sep.join(rng.sample(pool, rng.choice([2, 3]))) + (f" #{i}" if lang == "en" else f"（{i}）")
        statement = rng.choice(pool)
        out.append((lang, claim, statement))
    return out


def _index_chunk(chunk: list[tuple[str, str, str]]) -> list[str]:
    from claims.search import search_text_for

    return [search_text_for(f"{claim}\n{statement}") for _lang, claim, statement in chunk]


def database_url(name: str) -> str:
    parts = urlsplit(SERVER)
    return urlunsplit(parts._replace(path="/" + name))


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(sql)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="leave the database for inspection")
    parser.add_argument("--reuse", action="store_true", help="time queries on a database left by --keep")
    args = parser.parse_args()

    if not args.reuse:
        admin(f"DROP DATABASE IF EXISTS {DB_NAME}")
        admin(f"CREATE DATABASE {DB_NAME}")
    os.environ["DATABASE_URL"] = database_url(DB_NAME)
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "factdesk.settings"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin(f"DROP DATABASE IF EXISTS {DB_NAME}")


def run(args) -> None:
    from claims import selectors

    if not args.reuse:
        load(args)
    time_queries(args, selectors)


def load(args) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from claims import selectors

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - began:.1f} s")

    began = time.perf_counter()
    selectors.search_segmenter_sync()  # jieba and the speaker aliases, loaded once, inherited by the forks
    rows = make_texts(args.claims)
    chunks = [rows[i : i + 2000] for i in range(0, len(rows), 2000)]
    with multiprocessing.get_context("fork").Pool(min(8, os.cpu_count() or 2)) as pool:
        search_texts = [t for part in pool.map(_index_chunk, chunks) for t in part]
    print(f"segmented {len(rows):,} claims in {time.perf_counter() - began:.1f} s")

    began = time.perf_counter()
    user = get_user_model().objects.create_user("bench", password=None)
    with connection.cursor() as cursor:
        copy_cols = "text, slug, language, key, claim_type, status, published, published_at, first_seen_at, search_text, created_at, updated_at"
        with cursor.copy(f"COPY claims_claim ({copy_cols}) FROM STDIN") as copy:
            for i, ((lang, claim, _statement), search_text) in enumerate(zip(rows, search_texts, strict=True)):
                stamp = "2025-01-01 00:00:00+00"
                copy.write_row((claim, f"claim-{i}", lang, f"k{i}", "factual", "verified", True, stamp, stamp,
                                search_text, stamp, stamp))
        cursor.execute(
            """
            INSERT INTO claims_verdict (claim_id, rating, summary, explanation, evidence_links, author_id, status,
                                        published_at, revision, created_at, updated_at)
            SELECT id, (ARRAY['true','mostly_true','half_true','mostly_false','false','misleading'])[1 + id %% 6],
                   '', 'bench', '[]'::jsonb, %s, 'published', now() - (id %% 700) * interval '1 day', 1, now(), now()
            FROM claims_claim
            """,
            [user.pk],
        )
        cursor.execute(
            "UPDATE claims_claim c SET current_verdict_id = v.id, updated_at = v.published_at "
            "FROM claims_verdict v WHERE v.claim_id = c.id"
        )
        # Visibility map and statistics as on a settled production table.
        cursor.execute("VACUUM ANALYZE claims_claim")
        cursor.execute("VACUUM ANALYZE claims_verdict")
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('claims_claim'))")
        size = cursor.fetchone()[0]
    print(f"inserted {args.claims:,} claims and verdicts in {time.perf_counter() - began:.1f} s (claims table {size})")


def time_queries(args, selectors) -> None:
    def page(query: str) -> tuple[int, int]:
        qs = selectors.claim_list_with_statements(selectors.claim_search(query))
        return qs.count(), len(list(qs[:20]))

    for query in dict.fromkeys(q for _g, q in QUERIES):  # warm caches, segmenter and plans
        page(query)
    timings: dict[str, list[float]] = {}
    print(f"\n{'group':8} {'query':22} {'matches':>8} {'median ms':>10} {'p95 ms':>8}")
    for group, query in QUERIES:
        samples = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            matches, _shown = page(query)
            samples.append((time.perf_counter() - t0) * 1000)
        timings.setdefault(group, []).extend(samples)
        timings.setdefault("all", []).extend(samples)
        print(f"{group:8} {query:22} {matches:>8,} {statistics.median(samples):>10.1f} {percentile(samples, 95):>8.1f}")
    print(f"\n{'group':8} {'median ms':>10} {'p95 ms':>8}   (count + first page of 20, {args.repeat} runs per query)")
    for group, samples in timings.items():
        print(f"{group:8} {statistics.median(samples):>10.1f} {percentile(samples, 95):>8.1f}")


if __name__ == "__main__":
    main()
