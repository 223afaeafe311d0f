"""Benchmark: a reader's check request (grouping + published-claim match) against a bare insert, on a
large desk, to show the grouping's probes stay bounded as groups and claims grow.

Creates a dedicated PostgreSQL database (BENCH_DB, default factdesk_bench_requests, dropped and
re-created), fills it with CLAIMS published claims and GROUPS request groups (Chinese wordings), then
times, interleaved in one run:

  bare    CheckRequest.objects.create in an existing group (the least any request costs)
  repeat  check_request_create with a wording already asked (joins its group by key)
  new     check_request_create with a wording nobody asked (probes the claims and the groups)

Prints medians (ms) and the ratios repeat/bare and new/bare.

    .venv/bin/python bench/check_requests.py [--claims 20000] [--groups 20000] [--rounds 300] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "factdesk_bench_requests")
HAN = "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長"


def _database(action: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        if action == "create":
            conn.execute(f"CREATE DATABASE {DB_NAME}")


def _wording(rng: random.Random, n: int = 24) -> str:
    return "".join(rng.choice(HAN) for _ in range(n))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--groups", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    _database("create")
    os.environ.update(DATABASE_URL=f"{PG}/{DB_NAME}", DJANGO_DEBUG="0", CELERY_TASK_ALWAYS_EAGER="1",
                      DJANGO_SETTINGS_MODULE="factdesk.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from claims.extraction.claim_keys import claim_key_of
    from claims.models import CheckRequest, CheckRequestGroup, Claim
    from claims.services import check_request_create

    call_command("migrate", verbosity=0)
    rng = random.Random(18)
    now = timezone.now()
    texts = [_wording(rng) for _ in range(args.claims)]
    Claim.objects.bulk_create([Claim(text=t, slug=f"c{i}", key=claim_key_of(t), published=True, published_at=now,
                                     language="zh-Hant") for i, t in enumerate(texts)], batch_size=5000)
    asked = [_wording(rng) for _ in range(args.groups)]
    groups = CheckRequestGroup.objects.bulk_create(
        [CheckRequestGroup(text=t, key=claim_key_of(t), request_count=1) for t in asked], batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"{Claim.objects.count():,} published claims, {CheckRequestGroup.objects.count():,} request groups")

    timings: dict[str, list[float]] = {"bare": [], "repeat": [], "new": []}
    for i in range(args.rounds):
        for name in ("bare", "repeat", "new"):
            start = time.perf_counter()
            if name == "bare":
                CheckRequest.objects.create(group=groups[i % len(groups)], text=asked[i % len(asked)])
            elif name == "repeat":
                check_request_create(text=asked[(i * 7) % len(asked)])
            else:
                check_request_create(text=_wording(rng))
            timings[name].append((time.perf_counter() - start) * 1000)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, value in medians.items():
        print(f"{name:>7}: median {value:7.2f} ms over {args.rounds} rounds")
    print(f"ratio repeat/bare: {medians['repeat'] / medians['bare']:.1f}")
    print(f"ratio new/bare:    {medians['new'] / medians['bare']:.1f}")
    connection.close()
    if not args.keep:
        _database("drop")


if __name__ == "__main__":
    main()
