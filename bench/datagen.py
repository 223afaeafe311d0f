"""Benchmark data generator: millions of published claims, articles and statements in PostgreSQL by COPY.

    .venv/bin/python bench/datagen.py --db factdesk_bench_gen --claims 1000000 --statements 1000000 --keep

Used by bench/search.py and bench/desk_search.py (import it, or run it alone to leave a database
for inspection). The database name is the caller's (``--db`` or BENCH_DB_NAME) so that two
benchmarks on one server never drop each other's data; the server is BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432).

Text: clauses of the repository's own corpus (tests/extraction/corpus, sources/samples) in
Traditional, Simplified (OpenCC) and English, 2-3 per claim or statement, so common words match
many rows and rare ones a few. Search text is what ``claims.search.search_text_for`` makes of the
claim and its statement; it is segmented once per distinct clause and joined per row (the clauses
are separated by punctuation, which ends every token and bigram run), so a million rows take
seconds of Python instead of an hour of jieba. Rows are written with psycopg 3 ``COPY ... FROM
STDIN`` (``write_row``), the indexes of the big tables dropped during the load and rebuilt after
(one sort per index instead of a million GIN insertions), then VACUUM ANALYZE.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
STAMP = "2025-01-01 00:00:00+00"
LANGUAGES = (("zh-Hant", 45), ("zh-Hans", 25), ("en", 30))


def database_url(name: str) -> str:
    return urlunsplit(urlsplit(SERVER)._replace(path="/" + name))


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(sql)


def _check_name(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit(f"not a plain database name: {name!r}")
    return name


def create_database(name: str) -> None:
    """Drop and create ``name`` (only a name this script was given; never the project's own DB)."""
    _admin(f"DROP DATABASE IF EXISTS {_check_name(name)}")
    _admin(f"CREATE DATABASE {name}")


def drop_database(name: str) -> None:
    _admin(f"DROP DATABASE IF EXISTS {_check_name(name)}")


def setup_django(name: str) -> None:
    """Point Django at the benchmark database (no broker: nothing is enqueued) and set it up."""
    os.environ["DATABASE_URL"] = database_url(name)
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "factdesk.settings"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.pop("FACTDESK_REQUIRE_SERVICES", None)
    import django

    django.setup()


@contextmanager
def bench_database(name: str, *, reuse: bool, keep: bool) -> Iterator[None]:
    """A benchmark database for the ``with`` block: created (unless ``reuse``), Django set up on it,
    and dropped afterwards (unless ``keep``, or ``reuse``: a database kept for timing is not this
    run's to drop)."""
    if not reuse:
        create_database(name)
    setup_django(name)
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        if not (keep or reuse):
            drop_database(name)


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile (NaN for no values)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def corpus_clauses() -> dict[str, list[str]]:
    """Clauses of the team's corpus per language (Simplified made from Traditional with OpenCC)."""
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
    han = list(dict.fromkeys(han))
    return {"zh-Hant": han, "zh-Hans": [to_simplified(c) for c in han], "en": list(dict.fromkeys(latin))}


class ClauseIndex:
    """search_text_for, one clause at a time: the three parts of each distinct clause, cached."""

    def __init__(self):
        from claims import search

        self.search = search
        self.cache: dict[str, tuple[str, list[str], list[str]]] = {}

    def parts(self, clause: str) -> tuple[str, list[str], list[str]]:
        hit = self.cache.get(clause)
        if hit is None:
            flat, tokens, grams = self.search.search_text_for(clause).split("\n")
            hit = self.cache[clause] = (flat, tokens.split(), grams.split())
        return hit

    def search_text(self, clauses: list[str], extra_tokens: tuple[str, ...] = ()) -> str:
        flats, tokens, grams = [], {}, {}
        for clause in clauses:
            flat, t, g = self.parts(clause)
            flats.append(flat)
            tokens.update(dict.fromkeys(t))
            grams.update(dict.fromkeys(g))
        tokens.update(dict.fromkeys(extra_tokens))
        return "\n".join([" ".join(f for f in flats if f), " ".join(tokens), " ".join(grams)])


def _pick(rng: random.Random, pools: dict[str, list[str]]) -> tuple[str, list[str]]:
    lang = rng.choices([lang for lang, _ in LANGUAGES], weights=[w for _, w in LANGUAGES])[0]
    return lang, rng.sample(pools[lang], rng.choice([2, 3]))


def _copy(cursor, model, rows: Iterator[dict]) -> int:
    """COPY ``rows`` (attname -> value) into ``model``'s table; other columns get their default."""
    from django.db.models import JSONField

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {}
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = STAMP
        elif f.has_default():
            defaults[f.attname] = f.get_default()
        elif f.null:
            defaults[f.attname] = None
        else:
            defaults[f.attname] = ""
    json_fields = {f.attname for f in fields if isinstance(f, JSONField)}
    columns = ", ".join(connection_quote(f.column) for f in fields)
    n = 0
    with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            values = []
            for f in fields:
                value = row.get(f.attname, defaults[f.attname])
                if f.attname in json_fields:
                    value = json.dumps(value)
                values.append(value)
            copy.write_row(values)
            n += 1
    return n


def connection_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _indexes_of(cursor, table: str) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
        "JOIN pg_index x ON x.indexrelid = c.oid WHERE i.tablename = %s AND NOT x.indisprimary "
        "AND NOT x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)",
        [table],
    )
    return list(cursor.fetchall())


def _index_statistics_targets(cursor, names: list[str]) -> list[str]:
    """``ALTER INDEX ... SET STATISTICS`` for index columns given a target (not in ``indexdef``)."""
    cursor.execute(
        "SELECT c.relname, a.attnum, a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relname = ANY(%s) AND a.attnum > 0 AND a.attstattarget >= 0",
        [names],
    )
    return [f"ALTER INDEX {connection_quote(name)} ALTER COLUMN {attnum} SET STATISTICS {target}"
            for name, attnum, target in cursor.fetchall()]


def generate(*, claims: int = 0, statements: int = 0, seed: int = 7, log=print) -> dict:
    """Migrate the configured database and fill it; returns what was made (counts and seconds)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from claims import selectors
    from claims.models import Claim, Statement, Verdict
    from sources.models import Article, Outlet

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"migrated in {time.perf_counter() - began:.1f} s")
    selectors.search_segmenter_sync()
    rng = random.Random(seed)
    pools = corpus_clauses()
    index = ClauseIndex()
    user = get_user_model().objects.create_user("bench", password=None)
    outlets = [Outlet.objects.create(name=f"Bench outlet {i}", language=lang) for i, (lang, _) in
               enumerate(LANGUAGES * 4)]
    speaker_ids = list(selectors.speaker_gazetteer().entries)
    speaker_ids = [int(e.key) for e in speaker_ids][:500] or [None]
    made: dict = {}
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        tables = [Claim._meta.db_table, Verdict._meta.db_table, Statement._meta.db_table, Article._meta.db_table]
        dropped = {t: _indexes_of(cursor, t) for t in tables}
        targets = _index_statistics_targets(cursor, [name for items in dropped.values() for name, _ in items])
        for items in dropped.values():
            for name, _definition in items:
                cursor.execute(f"DROP INDEX {connection_quote(name)}")

        if claims:
            t0 = time.perf_counter()

            def claim_rows() -> Iterator[dict]:
                for i in range(claims):
                    lang, clauses = _pick(rng, pools)
                    sep = "，" if lang != "en" else ", "
                    suffix = f" #{i}" if lang == "en" else f"（{i}）"
                    statement = rng.choice(pools[lang])
                    text = sep.join(clauses) + suffix
                    yield {
                        "text": text, "slug": f"claim-{i}", "language": lang, "key": f"k{i}", "claim_type": "factual",
                        "status": "verified", "published": True, "published_at": STAMP, "first_seen_at": STAMP,
                        "search_text": index.search_text([*clauses, str(i), statement]), "modified_at": STAMP,
                    }

            made["claims"] = _copy(cursor, Claim, claim_rows())
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
                "UPDATE claims_claim c SET current_verdict_id = v.id, updated_at = v.published_at, "
                "modified_at = v.published_at FROM claims_verdict v WHERE v.claim_id = c.id"
            )
            made["claims_s"] = round(time.perf_counter() - t0, 1)
            log(f"copied {claims:,} claims and their verdicts in {made['claims_s']} s")

        if statements:
            t0 = time.perf_counter()
            per_article = 10
            n_articles = (statements + per_article - 1) // per_article
            article_statements: list[list[tuple[str, str]]] = []

            def article_rows() -> Iterator[dict]:
                for a in range(n_articles):
                    lang = rng.choices([lang for lang, _ in LANGUAGES], weights=[w for _, w in LANGUAGES])[0]
                    count = min(per_article, statements - a * per_article)
                    quotes = [("，" if lang != "en" else ", ").join(rng.sample(pools[lang], rng.choice([1, 2])))
                              for _ in range(count)]
                    article_statements.append([(lang, q) for q in quotes])
                    yield {
                        "outlet_id": outlets[a % len(outlets)].pk, "title": quotes[0][:80], "language": lang,
                        "body": "\n".join(quotes), "content_hash": f"bench-{a}", "extraction_status": "done",
                        "published_at": STAMP, "created_at": STAMP,
                    }

            made["articles"] = _copy(cursor, Article, article_rows())
            # created_at spread over 700 days so the queue's order is by a real key.
            cursor.execute(f"UPDATE {Article._meta.db_table} SET created_at = created_at + (id % 700) * interval '1 day' "
                           f"+ (id % 86400) * interval '1 second', published_at = published_at + (id % 700) * interval '1 day'")
            cursor.execute(f"SELECT id FROM {Article._meta.db_table} ORDER BY id")
            article_ids = [row[0] for row in cursor.fetchall()]

            def statement_rows() -> Iterator[dict]:
                states = ["candidate"] * 6 + ["accepted"] * 2 + ["rejected"] * 2
                for article_id, quotes in zip(article_ids, article_statements, strict=True):
                    pos = 0
                    for k, (lang, quote) in enumerate(quotes):
                        yield {
                            "article_id": article_id, "speaker_id": rng.choice(speaker_ids), "mention": "",
                            "text": quote, "start": pos, "end": pos + len(quote), "kind": "direct",
                            "language": lang, "confidence": round(rng.random(), 3), "review_state": states[k % 10],
                            "via": [], "created_at": STAMP, "updated_at": STAMP,
                        }
                        pos += len(quote) + 1

            made["statements"] = _copy(cursor, Statement, statement_rows())
            made["statements_s"] = round(time.perf_counter() - t0, 1)
            log(f"copied {made['articles']:,} articles and {made['statements']:,} statements in {made['statements_s']} s")

        t0 = time.perf_counter()
        for items in dropped.values():
            for _name, definition in items:
                cursor.execute(definition)
        for statement in targets:  # e.g. the desk's pair index (migration 0014)
            cursor.execute(statement)
        made["index_s"] = round(time.perf_counter() - t0, 1)
        log(f"rebuilt {sum(map(len, dropped.values()))} indexes in {made['index_s']} s")
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        made["size"] = cursor.fetchone()[0]
    log(f"database {made['size']}, whole generation {time.perf_counter() - began:.1f} s")
    return made


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "factdesk_bench_gen"))
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--statements", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="leave the database (else it is dropped at the end)")
    args = parser.parse_args()
    create_database(args.db)
    setup_django(args.db)
    try:
        generate(claims=args.claims, statements=args.statements)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.db)


if __name__ == "__main__":
    main()
