"""Benchmark: concurrent load on loopback against the claims list, a claim page and the API's claims
list, side by side with a bare Django view, served by gunicorn.

    .venv/bin/python bench/api_load.py [--claims 5000] [--concurrency 16] [--seconds 10] [--rounds 2]

A dedicated PostgreSQL database (factdesk_bench_api_load, dropped at the end) is filled with
published claims, each with a published verdict and an accepted statement in an article. gunicorn
serves the real project (DEBUG off, every middleware) on 127.0.0.1 with 2 processes x 8 threads;
this module adds one extra URL, /bench/bare/, a view that returns a constant JSON body without
touching the database: the floor any request pays (WSGI, middleware, loopback TCP).

The load generator is this process: --concurrency threads, each with its own keep-alive
http.client connection, send requests back to back for --seconds per target (or until
--max-requests), interleaved over --rounds rounds so drift hits every target alike. It prints
p50/p95/p99 latency and requests per second for each target, and ratios against the bare view.
The generator shares the machine's CPUs with the server, so absolute figures are a lower bound.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# BENCH_DB_PREFIX keeps concurrent benchmark runs (other branches, other people) on their own databases.
DB_NAME = os.environ.get("BENCH_DB_PREFIX", "factdesk_bench") + "_api_load"
SERVE_FLAG = "FACTDESK_BENCH_API_LOAD_SERVE"
# The page and API cache: Redis (as in production) when BENCH_REDIS names a database, else each
# gunicorn process's own memory (every process then renders each page once for itself).
REDIS = os.environ.get("BENCH_REDIS", "")


# --- the WSGI application gunicorn loads (this module, imported with SERVE_FLAG set) -------------

def bare_view(_request):
    from django.http import HttpResponse

    return HttpResponse(b'{"ok":true,"bench":"bare"}', content_type="application/json")


if os.environ.get(SERVE_FLAG) == "1":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    import django

    django.setup()
    from django.conf import settings as _settings
    from django.core.wsgi import get_wsgi_application
    from django.urls import include, path

    # Production serves static URLs from the manifest `collectstatic` writes; the bench does not
    # build one in the shared tree, so pages name static files through the plain storage (a URL
    # join instead of a dict lookup: no measurable difference).
    _settings.STORAGES = {**_settings.STORAGES,
                          "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    application = get_wsgi_application()
    urlpatterns = [path("bench/bare/", bare_view), path("", include("factdesk.urls"))]
    _settings.ROOT_URLCONF = __name__


# --- database ----------------------------------------------------------------------------------


def admin_sql(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def service_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTDESK_", "CELERY_", "DATABASE_"))}
    env.update(
        DATABASE_URL=f"{PG}/{DB_NAME}",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        CELERY_TASK_ALWAYS_EAGER="1",
        # The read throttle would answer 429 to a load test from one address.
        FACTDESK_THROTTLE_ANON="100000000/min",
        FACTDESK_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if REDIS:  # the cache on Redis, shared by the gunicorn processes as in production
        env["FACTDESK_CACHE_URL"] = REDIS
    return env


POPULATE = r"""
import sys, django
django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone
from claims.models import Claim, ReviewState, Speaker, Statement, Verdict, VerdictStatus
from sources.models import Article, Outlet

n = int(sys.argv[1])
now = timezone.now()
editor = User.objects.create_superuser("bench", password="x", email="")
outlet = Outlet.objects.create(name="中央社")
speakers = Speaker.objects.bulk_create(
    [Speaker(name=f"發言人{i}", slug=f"bench-speaker-{i}", title="部長", confirmed=True) for i in range(200)])
topics = ["國防預算", "能源轉型", "半導體出口", "兩岸交流", "疫苗採購", "貿易協定", "失業率", "物價"]
for lo in range(0, n, 2000):
    hi = min(n, lo + 2000)
    quotes = [f"今年{topics[i % 8]}將增加百分之{i % 17 + 2},這是第{i}項承諾" for i in range(lo, hi)]
    bodies = [f"外交部{i % 28 + 1}日記者會上,發言人表示:「{q}」。他並強調,政府不會改變政策。"
              for i, q in zip(range(lo, hi), quotes)]
    articles = Article.objects.bulk_create([
        Article(outlet=outlet, title=f"記者會 {i}", body=b, content_hash=f"{i:064d}", language="zh-Hant",
                extraction_status="done", published_at=now, url=f"https://news.example/a/{i}")
        for i, b in zip(range(lo, hi), bodies)])
    claims = Claim.objects.bulk_create([
        Claim(text=q, slug=f"claim-{i}", language="zh-Hant", key=f"k{i}", status="verified", published=True,
              published_at=now, first_seen_at=now, search_text=q)
        for i, q in zip(range(lo, hi), quotes)])
    Verdict.objects.bulk_create([
        Verdict(claim=c, rating=("false", "true", "misleading", "half_true", "mostly_false")[c.pk % 5],
                summary="主計總處資料不符", explanation="Checked against the official record.", author=editor,
                status=VerdictStatus.PUBLISHED, published_at=now, revision=2) for c in claims])
    Statement.objects.bulk_create([
        Statement(article=a, speaker=speakers[i % 200], mention="發言人", text=q, start=a.body.index(q),
                  end=a.body.index(q) + len(q), kind="direct", language="zh-Hant", said_on=now.date(),
                  review_state=ReviewState.ACCEPTED, claim=c, search_text=q)
        for i, a, c, q in zip(range(lo, hi), articles, claims, quotes)])
with connection.cursor() as cursor:
    cursor.execute("UPDATE claims_claim c SET current_verdict_id = v.id FROM claims_verdict v WHERE v.claim_id = c.id")
    cursor.execute("VACUUM ANALYZE")
print("CLAIMS", ",".join(f"{pk}-{slug}" for pk, slug in Claim.objects.order_by("-id").values_list("id", "slug")[:50]))
"""


# --- server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log_path: Path) -> subprocess.Popen:
    env = {**service_env(), SERVE_FLAG: "1", "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    log = open(log_path, "w")  # noqa: SIM115 - the server's log for its lifetime
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "api_load:application", "--pythonpath", f"{ROOT / 'bench'},{ROOT}",
         "-b", f"127.0.0.1:{port}", "-w", "2", "-k", "gthread", "--threads", "8", "--keep-alive", "30",
         "--backlog", "512", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/bench/bare/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


# --- load generator ----------------------------------------------------------------------------


def load(port: int, paths: list[str], concurrency: int, seconds: float, max_requests: int,
         headers: dict[str, str]) -> tuple[list[float], int, float]:
    """Latencies (s) of successful requests, the error count, and the wall time of the burst."""
    latencies: list[float] = []
    errors = 0
    samples: list[str] = []
    lock = threading.Lock()
    budget = [max_requests]
    stop_at = time.perf_counter() + seconds

    def take() -> bool:
        with lock:
            if budget[0] <= 0:
                return False
            budget[0] -= 1
            return True

    def run(offset: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        failed = 0
        i = offset
        while time.perf_counter() < stop_at and take():
            path = paths[i % len(paths)]
            i += 1
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200
                if not ok and len(samples) < 3:
                    samples.append(f"{path} -> HTTP {response.status}: {body[:300]!r}")
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                if len(samples) < 3:
                    samples.append(f"{path} -> {type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            if ok:
                mine.append(time.perf_counter() - t)
            else:
                failed += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if samples:
        print(f"  {errors} failed requests, e.g. " + " | ".join(samples), flush=True)
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10, help="per target per round")
    parser.add_argument("--max-requests", type=int, default=50_000, help="per target per round")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME}")
    logdir = Path(tempfile.mkdtemp(prefix="factdesk-bench-api-load-"))
    server = None
    try:
        env = {**service_env(), "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                       check=True, timeout=600)
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", POPULATE, str(args.claims)], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True, timeout=1800).stdout
        claim_paths = [f"/claims/{item}/" for item in
                       next(line for line in out.splitlines() if line.startswith("CLAIMS ")).split()[1].split(",")]
        print(f"{args.claims:,} published claims in PostgreSQL ({time.perf_counter() - t0:.0f} s to load); "
              f"gunicorn 2 processes x 8 threads; {args.concurrency} concurrent clients; {args.seconds:g} s per "
              f"target x {args.rounds} rounds; machine: {os.cpu_count()} CPUs")
        if REDIS:  # nothing cached by an earlier run (same URLs, another database) may be served
            import redis

            client = redis.Redis.from_url(REDIS)
            for key in client.scan_iter(match="*factdesk:*", count=1000):  # the cache's keys only
                client.delete(key)
        port = free_port()
        server = start_server(port, logdir / "gunicorn.log")
        en = {"Accept-Language": "en"}
        targets = {
            "bare Django view": (["/bench/bare/"], en),
            "claims list page": (["/", "/?page=2", "/?page=3"], en),
            "claim page": (claim_paths, en),
            "API claims list": (["/api/v1/claims/"], {"Accept": "application/json"}),
        }
        # Warm every process and cache (templates, query plans) before measuring.
        for paths, headers in targets.values():
            # Every path once first (a cold claim page costs ~100 ms of CPU to render on this host),
            # so the rounds measure repeated reads, as a viral page gets; cold renders are what
            # bench/pages.py's claim_cold measures.
            load(port, paths, 1, 600, len(paths), headers)
            load(port, paths, args.concurrency, 2, 400, headers)
        results: dict[str, dict] = {name: {"lat": [], "errors": 0, "wall": 0.0, "count": 0} for name in targets}
        for _ in range(args.rounds):
            for name, (paths, headers) in targets.items():
                lat, errors, wall = load(port, paths, args.concurrency, args.seconds, args.max_requests, headers)
                results[name]["lat"] += lat
                results[name]["errors"] += errors
                results[name]["wall"] += wall
                results[name]["count"] += len(lat)
    finally:
        if server is not None:
            stop_server(server)
        admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")

    bare = results["bare Django view"]
    bare_rps = bare["count"] / bare["wall"]
    bare_p50 = statistics.median(bare["lat"])
    print()
    print(f"{'target':<20}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>9}"
          f"{'p50 / bare':>12}{'bare / req/s':>14}")
    for name, r in results.items():
        rps = r["count"] / r["wall"]
        p50 = statistics.median(r["lat"])
        print(f"{name:<20}{r['count']:>9}{r['errors']:>7}{p50 * 1000:>9.1f}{percentile(r['lat'], 95) * 1000:>9.1f}"
              f"{percentile(r['lat'], 99) * 1000:>9.1f}{rps:>9.0f}{p50 / bare_p50:>12.2f}{bare_rps / rps:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
