"""Benchmark: what storing one article's extraction costs, in queries and time, next to extract().

    .venv/bin/python bench/store.py [--n 200]

N generated articles (bench/ingest.py's generator: Traditional, Simplified and English by thirds,
registry speakers and new names) are ingested into a fresh PostgreSQL database
(factdesk_bench_store, dropped at the end) without extraction; then, in this one process, each is
extracted with ``claims.services.article_extract`` (the Celery task's whole body) while its
queries are counted, and the same text is extracted with ``claims.extraction.extract`` alone.

Prints per article: median queries, median article_extract ms, median extract() ms, and the
overhead ratio (article_extract / extract: everything the pipeline adds around the extractor).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# BENCH_DB_PREFIX keeps concurrent benchmark runs (other branches, other people) on their own databases.
DB_NAME = os.environ.get("BENCH_DB_PREFIX", "factdesk_bench") + "_store"


def _psql(sql: str) -> None:
    subprocess.run(["psql", f"{PG}/postgres", "-q", "-c", sql], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--show-queries", action="store_true", help="print the queries of the last article")
    parser.add_argument("--profile", action="store_true", help="cProfile the article_extract calls (top 25)")
    args = parser.parse_args()

    _psql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    _psql(f"CREATE DATABASE {DB_NAME}")
    os.environ.update(DATABASE_URL=f"{PG}/{DB_NAME}", DJANGO_DEBUG="0", DJANGO_SECRET_KEY="bench-" + "x" * 50,
                      CELERY_TASK_ALWAYS_EAGER="1", FACTDESK_ARTICLE_HOOKS_OFF="1")
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from ingest import make_articles

        from claims import services
        from claims.extraction import extract
        from claims.selectors import speaker_gazetteer
        from sources.services import article_ingest

        call_command("migrate", verbosity=0)
        settings.FACTDESK_ARTICLE_INGESTED_HOOKS = []  # store the articles without extracting them
        articles = make_articles(args.n)
        ids = [article_ingest(text=a["text"], title=a["title"], channel="api").article.pk for a in articles]
        gazetteer = speaker_gazetteer()
        for text in (a["text"] for a in articles[:5]):  # warm both paths
            extract(text, gazetteer=gazetteer)

        import cProfile
        import pstats

        profiler = cProfile.Profile() if args.profile else None
        queries, pipeline_ms, extract_ms = [], [], []
        rebuilds = creations = 0
        for article_id, article in zip(ids, articles, strict=True):
            began = time.perf_counter()
            extract(article["text"], gazetteer=speaker_gazetteer())
            extract_ms.append((time.perf_counter() - began) * 1000)
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                if profiler:
                    profiler.enable()
                outcome = services.article_extract(article_id)
                if profiler:
                    profiler.disable()
                pipeline_ms.append((time.perf_counter() - began) * 1000)
            assert outcome.status == "done", outcome
            queries.append(len(captured.captured_queries))
            sqls = [q["sql"] for q in captured.captured_queries]
            rebuilds += any(sql.startswith('SELECT "claims_speakeralias"."speaker_id"') for sql in sqls)
            creations += any(sql.startswith('INSERT INTO "claims_speaker"') for sql in sqls)
        if args.show_queries:
            for query in captured.captured_queries:
                print(f"{float(query['time']) * 1000:6.2f} ms  {query['sql'][:150]}")
        if profiler:
            pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(int(os.environ.get("BENCH_PROFILE_TOP", "25")))
        med = statistics.median
        print(f"articles: {len(ids)} (median {med(len(a['text']) for a in articles):.0f} chars)")
        print(f"queries per article: median {med(queries):.0f}, mean {statistics.mean(queries):.1f}, max {max(queries)}")
        print(f"articles creating new speakers: {creations}; gazetteer rebuilt from the database before {rebuilds}")
        print(f"article_extract: median {med(pipeline_ms):.2f} ms; extract(): median {med(extract_ms):.2f} ms")
        print(f"overhead ratio article_extract / extract: {med(p / e for p, e in zip(pipeline_ms, extract_ms, strict=True)):.2f}")
        connection.close()
    finally:
        _psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
