"""The desk's statement search through a GIN index (PostgreSQL only; a no-op on SQLite).

pg_trgm cannot narrow ``LIKE '%普京%'``: a trigram index needs three characters, and most Chinese
names and words are two. So the index holds every character pair of the upper-cased statement text
and speaker mention (``factdesk_bigrams``, an IMMUTABLE SQL function), and a term is looked up as
"holds every pair of the term" (GIN ``@>``) before the LIKE recheck: 2-character Han terms and
Latin words alike. The extension is created here too (as 0004 does) for databases that lack it.
The expression must stay identical to the one ``claims.selectors.desk`` filters on.
"""

from django.db import migrations, transaction

FUNCTION = """
CREATE OR REPLACE FUNCTION factdesk_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i $$
"""
INDEX = (
    "CREATE INDEX IF NOT EXISTS statement_desk_grams_idx ON claims_statement "
    "USING gin (factdesk_bigrams(upper(text || ' ' || mention)))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        # A savepoint, so that a refused CREATE EXTENSION does not abort the migration's transaction.
        with transaction.atomic(using=schema_editor.connection.alias), schema_editor.connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001,S110 - no privilege to create extensions: the bigram index needs none
        pass
    schema_editor.execute(FUNCTION)
    schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS statement_desk_grams_idx")
    schema_editor.execute("DROP FUNCTION IF EXISTS factdesk_bigrams(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_check_requests_and_flips"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
