"""Benchmark: the public pages (claim, home, speaker, article) against the cached API claims list.

Creates a dedicated PostgreSQL database (BENCH_DB_PREFIX + "_pages", dropped at the end) filled by
bench/api.py's generator (published claims with a published verdict and an accepted statement each,
500 speakers), then times, in this one process and interleaved (rotated every round):

  bare        a plain Django view returning a constant body (the floor: WSGI + every middleware)
  api         GET /api/v1/claims/?page_size=50, repeated reads (served from the versioned cache)
  claim       a claim page, repeated reads of 50 different claims (the public page cache)
  claim_304   the same with If-None-Match: the revalidation a browser makes
  claim_cold  a claim page with its cache entry dropped before every request (every read rendered:
              what every read cost before the page cache)
  home        the home page (latest verdicts), repeated reads
  speaker     a speaker page, repeated reads of 20 speakers
  article     an article page, repeated reads of 20 articles

Every request goes through the full WSGI handler and middleware stack (no test client, no network),
DEBUG off, the cache on Redis (BENCH_REDIS, as in production) in English. Prints medians and the
ratios page/api (issue 17's target: claim and home <= 2).

    .venv/bin/python bench/pages.py [--claims 20000] [--rounds 300]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import api as api_bench  # noqa: E402 - bench/api.py: the database, its generator and its bare view

api_bench.DB_NAME = os.environ.get("BENCH_DB_PREFIX", "factdesk_bench") + "_pages"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/9")


def setup_django() -> None:
    os.environ["FACTDESK_CACHE_URL"] = REDIS
    api_bench.setup_django()
    from django.conf import settings

    settings.ROOT_URLCONF = __name__
    # As bench/api_load.py: no collectstatic manifest in the shared tree, so the plain storage.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


def _urlpatterns():
    from django.urls import include, path

    return [path("bench/bare/", api_bench.bare_view), path("", include("factdesk.urls"))]


def call(handler, path: str, query: str = "", **headers: str) -> tuple[int, bytes, dict]:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "HTTP_HOST": "testserver", "HTTP_ACCEPT": "text/html,application/json",
        "HTTP_ACCEPT_LANGUAGE": "en", "REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": False, "wsgi.run_once": False, "SERVER_PROTOCOL": "HTTP/1.1", **headers,
    }
    answer: list = []
    body = b"".join(handler(environ, lambda status, headers, exc_info=None: answer.append((status, headers))))
    return int(answer[0][0].split()[0]), body, dict(answer[0][1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h"], capture_output=True,
                            text=True).stdout.strip()
    print(f"commit {commit}; {os.cpu_count()} CPUs; database {api_bench.DB_NAME}; cache {REDIS}")
    api_bench.recreate_database()
    setup_django()
    urlpatterns[:] = _urlpatterns()
    try:
        api_bench.populate(args.claims)
        from django.core.cache import cache
        from django.core.handlers.wsgi import WSGIHandler
        from django.urls import reverse

        from claims.models import Article, Claim, Speaker
        from claims.public_cache import VERSION_KEY, page_key

        cache.delete(VERSION_KEY)
        handler = WSGIHandler()
        api_bench.PRECOMPUTED["body"] = b"x" * 2000
        claims = [reverse("claims:claim-detail", kwargs={"pk": pk, "slug": slug})
                  for pk, slug in Claim.objects.order_by("-pk").values_list("pk", "slug")[:50]]
        speakers = [reverse("claims:speaker-detail", kwargs={"pk": pk, "slug": slug})
                    for pk, slug in Speaker.objects.filter(statements__isnull=False).distinct()
                    .order_by("pk").values_list("pk", "slug")[:20]]
        articles = [reverse("claims:article-detail", kwargs={"pk": pk})
                    for pk in Article.objects.order_by("pk").values_list("pk", flat=True)[:20]]
        etags: dict[str, str] = {}
        for url in claims:  # each claim page's validator, as a browser keeps it
            status, body, headers = call(handler, url)
            assert status == 200, (url, body[:300])
            etags[url] = headers["ETag"]

        counter = {"claim": 0, "claim_304": 0, "claim_cold": 0, "speaker": 0, "article": 0}

        def next_of(name: str, urls: list[str]) -> str:
            counter[name] += 1
            return urls[counter[name] % len(urls)]

        def cold_claim():
            # Only this page's entry is dropped (a version bump would retire every target's entries).
            url = next_of("claim_cold", claims)
            cache.delete(page_key("html:claim", f"http://testserver{url}", "en"))
            return call(handler, url)

        def revalidate():
            url = next_of("claim_304", claims)
            return call(handler, url, HTTP_IF_NONE_MATCH=etags[url])

        targets = {
            "bare": lambda: call(handler, "/bench/bare/"),
            "api": lambda: call(handler, "/api/v1/claims/", "page_size=50", HTTP_ACCEPT="application/json"),
            "claim": lambda: call(handler, next_of("claim", claims)),
            "claim_304": revalidate,
            "claim_cold": cold_claim,
            "home": lambda: call(handler, "/"),
            "speaker": lambda: call(handler, next_of("speaker", speakers)),
            "article": lambda: call(handler, next_of("article", articles)),
        }
        expected = {"claim_304": 304}
        for name, target in targets.items():  # warm up (and fill the cache)
            for _ in range(60):
                status, body, _headers = target()
                assert status == expected.get(name, 200), (name, status, body[:300])
        times: dict[str, list[float]] = {name: [] for name in targets}
        order = list(targets)
        for i in range(args.rounds):
            for name in order[i % len(order):] + order[: i % len(order)]:  # rotate to spread drift evenly
                began = time.perf_counter()
                targets[name]()
                times[name].append(time.perf_counter() - began)
        med = {name: statistics.median(v) * 1000 for name, v in times.items()}
        print(f"{args.claims:,} claims; {args.rounds} rounds; medians, single thread, in-process WSGI")
        for name in targets:
            print(f"{name:>11}: {med[name]:8.3f} ms   x{med[name] / med['bare']:.2f} bare   "
                  f"x{med[name] / med['api']:.2f} api")
        print(f"ratio claim/api: {med['claim'] / med['api']:.2f}  (target <= 2; cold {med['claim_cold'] / med['api']:.1f})")
        print(f"ratio home/api:  {med['home'] / med['api']:.2f}  (target <= 2)")
    finally:
        api_bench.drop_database()


urlpatterns: list = []

if __name__ == "__main__":
    main()
