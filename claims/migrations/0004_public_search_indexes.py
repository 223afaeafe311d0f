"""Full-text and substring indexes for public search (PostgreSQL only; SQLite searches without them).

- GIN on to_tsvector('simple', search_text) for claims and statements: jieba tokens and Han
  bigrams are already separated by spaces in search_text, so the 'simple' parser keeps them whole.
- pg_trgm GIN on search_text (its first line is the folded text itself) for exact-substring
  matches that token and bigram search cannot express (single characters, punctuation, infixes).
  Created only when the extension can be created; without it the LIKE still works, unindexed.
"""

from django.db import migrations, transaction

TSV_INDEXES = [
    ("claims_claim", "claim_search_tsv_idx"),
    ("claims_statement", "statement_search_tsv_idx"),
]
TRGM_INDEXES = [
    ("claims_claim", "claim_search_trgm_idx"),
    ("claims_statement", "statement_search_trgm_idx"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in TSV_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (to_tsvector('simple'::regconfig, search_text))"
        )
    try:
        # A savepoint, so that a refused CREATE EXTENSION does not abort the migration's transaction.
        with transaction.atomic(using=schema_editor.connection.alias), schema_editor.connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - no privilege to create extensions: go without the trigram index
        return
    for table, name in TRGM_INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in TSV_INDEXES + TRGM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_desk_roles"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
