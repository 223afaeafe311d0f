"""Benchmark: the partner API's claims list against a bare Django view returning the same JSON.

Creates a dedicated PostgreSQL database (factdesk_bench_api, dropped and re-created), fills it with
100,000 published claims (each with a published verdict and an accepted statement by one of 500
speakers), then times, in one run and interleaved:

  bare   a plain Django view returning the API's own response bytes, precomputed
  api    GET /api/v1/claims/?page_size=50 (the real endpoint: cursor page, 2 queries, orjson)
  plain  for reference, a textbook DRF ListAPIView with nested ModelSerializers and prefetching

Every request goes through the full WSGI handler and middleware stack (no test client, no network),
with DEBUG off, so the ratio is the cost of the API's work over the cost of serving any response.
Prints medians and the ratio api/bare (target <= 1.5).

    .venv/bin/python bench/api.py [--claims 100000] [--rounds 400] [--keep]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# BENCH_DB_PREFIX keeps concurrent benchmark runs (other branches, other people) on their own databases.
DB_NAME = os.environ.get("BENCH_DB_PREFIX", "factdesk_bench") + "_api"


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def drop_database() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def setup_django() -> None:
    os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
    os.environ["DJANGO_DEBUG"] = "0"  # DEBUG on would record every query and slow the API side only
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "factdesk.settings"
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = __name__
    # No throttling in the measurement: it would be the same cache round trip on every request.
    settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": None, "partner": None, "ingest": None}


def populate(n: int) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from claims.models import Claim, ReviewState, Speaker, Statement, Verdict, VerdictStatus
    from sources.models import Article, Outlet

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    editor = User.objects.create_superuser("bench", password="x", email="")
    outlet = Outlet.objects.create(name="Bench News")
    speakers = Speaker.objects.bulk_create(
        [Speaker(name=f"發言人{i}", slug=f"bench-speaker-{i}", confirmed=True) for i in range(500)]
    )
    n_articles = max(1, n // 50)
    articles = Article.objects.bulk_create(
        [Article(outlet=outlet, title=f"Article {i}", body="某官員表示:「" + "測試" * 600 + f"」{i}",
                 content_hash=f"{i:064d}", language="zh-Hant", extraction_status="done",
                 published_at=timezone.now()) for i in range(n_articles)],
        batch_size=2000,
    )
    now = timezone.now()
    batch = 5000
    for lo in range(0, n, batch):
        hi = min(n, lo + batch)
        claims = Claim.objects.bulk_create([
            Claim(text=f"第{i}號說法：某地的失業率在去年下降了百分之{i % 10}。", slug=f"claim-{i}", language="zh-Hant",
                  key=f"k{i}", status="verified", published=True, published_at=now, first_seen_at=now)
            for i in range(lo, hi)
        ])
        Verdict.objects.bulk_create([
            Verdict(claim=c, rating=("false", "true", "misleading", "half_true")[c.pk % 4], summary="Checked.",
                    explanation="Checked against the official record.", author=editor,
                    status=VerdictStatus.PUBLISHED, published_at=now, revision=2)
            for c in claims
        ])
        Statement.objects.bulk_create([
            Statement(article=articles[i % n_articles], speaker=speakers[i % len(speakers)], text="測試" * 5,
                      start=(i // n_articles) * 12, end=(i // n_articles) * 12 + 10, kind="direct",
                      language="zh-Hant", review_state=ReviewState.ACCEPTED, claim=c)
            for i, c in zip(range(lo, hi), claims, strict=True)
        ])
    with connection.cursor() as cursor:
        # One UPDATE ... FROM instead of bulk_update's CASE over every row (minutes at this size).
        cursor.execute("UPDATE claims_claim c SET current_verdict_id = v.id FROM claims_verdict v WHERE v.claim_id = c.id")
        cursor.execute("VACUUM ANALYZE")
    print(f"populated {Claim.objects.count():,} claims in {time.perf_counter() - t0:.1f} s")


# --- the compared views ------------------------------------------------------------------------

PRECOMPUTED: dict[str, bytes] = {}


def bare_view(request):
    from django.http import HttpResponse

    return HttpResponse(PRECOMPUTED["body"], content_type="application/json")


def _plain_view():
    """A textbook DRF list: ModelSerializers nested for verdict and speakers, prefetching, cursor pages."""
    from django.db.models import Prefetch
    from rest_framework import generics, serializers
    from rest_framework.pagination import CursorPagination

    from claims.models import Claim, ReviewState, Statement, Verdict

    class VerdictSer(serializers.ModelSerializer):
        class Meta:
            model = Verdict
            fields = ["id", "rating", "summary", "published_at", "revision"]

    class StatementSer(serializers.ModelSerializer):
        speaker = serializers.StringRelatedField()

        class Meta:
            model = Statement
            fields = ["speaker_id", "speaker", "language"]

    class ClaimSer(serializers.ModelSerializer):
        url = serializers.HyperlinkedIdentityField(view_name="v1:claim-detail")
        verdict = VerdictSer(source="current_verdict")
        statements = StatementSer(many=True, source="accepted")

        class Meta:
            model = Claim
            fields = ["id", "url", "text", "language", "claim_type", "status", "first_seen_at", "published_at",
                      "updated_at", "verdict", "statements"]

    class Paging(CursorPagination):
        ordering = ("-updated_at", "-id")
        page_size_query_param = "page_size"

    class PlainList(generics.ListAPIView):
        serializer_class = ClaimSer
        pagination_class = Paging
        authentication_classes: list = []
        throttle_classes: list = []

        def get_queryset(self):
            return Claim.objects.filter(published=True, merged_into__isnull=True).select_related(
                "current_verdict"
            ).prefetch_related(Prefetch(
                "statements", queryset=Statement.objects.filter(review_state=ReviewState.ACCEPTED)
                .select_related("speaker"), to_attr="accepted"))

    return PlainList.as_view()


def _urlpatterns():
    from django.urls import include, path

    return [
        path("bench/bare/", bare_view),
        path("bench/plain/", _plain_view()),
        path("api/", include("claims.api.urls")),
    ]


# --- timing ------------------------------------------------------------------------------------


def call(handler, path: str, query: str) -> tuple[int, bytes]:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "HTTP_HOST": "testserver", "HTTP_ACCEPT": "application/json",
        "REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": False, "wsgi.run_once": False, "SERVER_PROTOCOL": "HTTP/1.1",
    }
    status_holder = []
    body = b"".join(handler(environ, lambda status, headers, exc_info=None: status_holder.append(status)))
    return int(status_holder[0].split()[0]), body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse the database a --keep run left")
    args = parser.parse_args()

    if not args.reuse:
        recreate_database()
    setup_django()

    urlpatterns[:] = _urlpatterns()
    try:
        if not args.reuse:
            populate(args.claims)
        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        handler = WSGIHandler()
        api = ("/api/v1/claims/", "page_size=50")
        status, body = call(handler, *api)
        assert status == 200, body[:500]
        import orjson

        data = orjson.loads(body)
        assert len(data["results"]) == 50
        PRECOMPUTED["body"] = body
        with CaptureQueriesContext(connection) as queries:
            call(handler, *api)
        print(f"api page: 50 claims, {len(body):,} bytes, {len(queries)} queries")

        from claims.public_cache import _bump

        # api: repeated reads (served from the versioned cache after the first);
        # api_cold: the cache retired before every request (the cost of a page nobody read yet).
        targets = {"bare": ("/bench/bare/", ""), "api": api, "api_cold": api, "plain": ("/bench/plain/", "page_size=50")}
        for name, target in targets.items():  # warm up
            for _ in range(30):
                assert call(handler, *target)[0] == 200, name
        times: dict[str, list[float]] = {name: [] for name in targets}
        order = list(targets)
        for i in range(args.rounds):
            for name in order[i % len(order):] + order[: i % len(order)]:  # rotate to spread drift evenly
                if name == "api_cold":
                    _bump()
                t = time.perf_counter()
                call(handler, *targets[name])
                times[name].append(time.perf_counter() - t)
        med = {name: statistics.median(v) * 1000 for name, v in times.items()}
        for name in targets:
            print(f"{name:>8}: median {med[name]:.3f} ms  ({1000 / med[name]:.0f} req/s single thread)")
        print(f"ratio api/bare:   {med['api'] / med['bare']:.2f}  (target <= 1.5; repeated reads, versioned cache)")
        print(f"ratio api_cold/bare: {med['api_cold'] / med['bare']:.2f}  (every request computed: 2 queries + serialisation)")
        print(f"ratio plain/bare: {med['plain'] / med['bare']:.2f}  (textbook DRF nested serializers, reference)")
    finally:
        if not args.keep:
            drop_database()


urlpatterns: list = []

if __name__ == "__main__":
    main()
