"""Statistics of the character triples of statement text (PostgreSQL only; a no-op on SQLite).

The desk's statement search decides from ANALYZE's statistics whether a term is rare (read its
matches by the pair index at once) or common (walk the newest articles first). The pair index's
statistics cannot call a Latin word rare: each of its pairs (TA, AR, RI, IF, FF) is common, only
together are they rare. Triples are nearly as telling as words (RIF, IFF are rare) and need no
word splitting, so Chinese phrases of three or more characters are judged by them too.

Both keep 4,000 most common elements instead of the default 1,000 (statistics target 400): with
1,000, any pair or triple missing from the list was guessed at 1,550 statements of a million, so
關稅 (909) and 北約 (892) looked three times as common as they are; with 4,000 the guess is 490 and
estimates came within 10-25 % of the counts. ANALYZE of the statements then samples 120,000 rows
instead of 30,000 (about 10 s instead of 2.5 s at a million statements on a loaded 2-CPU host).

No index for the triples: only ``CREATE STATISTICS`` on the expression, which the next ANALYZE
fills with its most common elements (``pg_stats_ext_exprs``), as it does for an expression index.
Creating it reads no row; the ANALYZE below reads a sample (no lock that blocks reads or writes),
so an existing database has the statistics at once (an empty one gets them from autovacuum once it
has rows). ``factdesk_trigrams`` must stay what ``claims.selectors.desk_stats`` expects: every
3-character window of the upper-cased text, a space, the mention. (bench/datagen.py drops and
rebuilds the indexes: it keeps their statistics targets.)
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION factdesk_trigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 3)), '{}') FROM generate_series(1, char_length(t) - 2) AS i $$
"""
STATISTICS = (
    "CREATE STATISTICS IF NOT EXISTS statement_desk_trigrams_stat "
    "ON (factdesk_trigrams(upper(text || ' ' || mention))) FROM claims_statement"
)

STATISTICS_TARGET = 400
TARGETS = (
    "ALTER INDEX statement_desk_grams_idx ALTER COLUMN 1 SET STATISTICS %d",
    "ALTER STATISTICS statement_desk_trigrams_stat SET STATISTICS %d",
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(STATISTICS)
    for sql in TARGETS:
        schema_editor.execute(sql % STATISTICS_TARGET)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM claims_statement)")
        (rows,) = cursor.fetchone()
    if rows:  # an empty table is left unanalyzed: the planner keeps its guess for a new table
        schema_editor.execute("ANALYZE claims_statement")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TARGETS[0] % -1)  # the default again
    schema_editor.execute("DROP STATISTICS IF EXISTS statement_desk_trigrams_stat")
    schema_editor.execute("DROP FUNCTION IF EXISTS factdesk_trigrams(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0013_claim_and_request_text_pairs_index"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
