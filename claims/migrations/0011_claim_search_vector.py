"""Claims keep their tsvector stored (PostgreSQL only; a no-op on SQLite).

The GIN index of 0004 was on the expression to_tsvector('simple', search_text): every row the
planner must check again (the other arm of an OR with the trigram index, a walk down the recency
index with a filter) recomputed to_tsvector over about a kilobyte of text, which made an OR of the
two indexes slower than two separate queries, and ranking by recency slower than it needs to be.
A generated column holds the vector (PostgreSQL keeps it in step with search_text; Django never
writes it and the model does not declare it), its GIN index replaces the expression index, and
``claims.selectors.search`` matches on it.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
    )
    schema_editor.execute("CREATE INDEX IF NOT EXISTS claim_search_vector_idx ON claims_claim USING gin (search_vector)")
    schema_editor.execute("DROP INDEX IF EXISTS claim_search_tsv_idx")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS claim_search_tsv_idx ON claims_claim "
        "USING gin (to_tsvector('simple'::regconfig, search_text))"
    )
    schema_editor.execute("DROP INDEX IF EXISTS claim_search_vector_idx")
    schema_editor.execute("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_desk_statement_search_index"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
