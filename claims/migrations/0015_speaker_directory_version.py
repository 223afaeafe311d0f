"""The speaker directory's version, kept by PostgreSQL (a no-op on SQLite).

Every extraction task read the directory's stamp twice (when it claims the article and when it locks
it to store the candidates) as (newest alias id, alias count, newest speaker change): a COUNT and a
MAX over whole tables, about 0.4 ms of PostgreSQL's CPU each read with 3,000 aliases, growing with
every alias a newsroom adds. Here one row holds a number that every change of a speaker or an alias
moves, in the same transaction (row triggers; a TRUNCATE by a statement trigger), so the stamp is
one primary-key read. It is transactional: a reader sees the new number together with the rows
that moved it, never before them (a sequence would not be: it moves before the commit, and a worker
could cache a directory without the rows under the new number for good).

Writers of speakers and aliases queue on that row until they commit (the extraction tasks' new
speakers, reviewers' edits): a few milliseconds each, and rare next to articles.
"""

from django.db import migrations

TABLES = ("claims_speaker", "claims_speakeralias")

FORWARDS = [
    "CREATE TABLE IF NOT EXISTS factdesk_speaker_directory "
    "(id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)",
    "INSERT INTO factdesk_speaker_directory (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING",
    """
CREATE OR REPLACE FUNCTION factdesk_speaker_directory_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE factdesk_speaker_directory SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$
""",
]
for table in TABLES:
    FORWARDS += [
        f"CREATE TRIGGER {table}_directory_moved AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION factdesk_speaker_directory_moved()",
        f"CREATE TRIGGER {table}_directory_truncated AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION factdesk_speaker_directory_moved()",
    ]

BACKWARDS = [
    sql
    for table in TABLES
    for sql in (
        f"DROP TRIGGER IF EXISTS {table}_directory_moved ON {table}",
        f"DROP TRIGGER IF EXISTS {table}_directory_truncated ON {table}",
    )
] + ["DROP FUNCTION IF EXISTS factdesk_speaker_directory_moved()", "DROP TABLE IF EXISTS factdesk_speaker_directory"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARDS:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARDS:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_statement_text_triples_statistics")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
