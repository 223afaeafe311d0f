"""The speaker directory's stamp, kept by PostgreSQL (a no-op on SQLite).

Every extraction task reads the directory's stamp twice (when it claims the article and when it locks
it to store the candidates). It was (newest alias id, alias count, newest speaker change): a COUNT and
a MAX over whole tables, about 0.4 ms of PostgreSQL's CPU each read with 3,000 aliases, growing with
every alias a newsroom adds.

Here every statement that changes speakers or aliases (insert, update or delete of at least one row,
or a TRUNCATE) appends a row to a small change log, in its own transaction; the stamp is the log's
newest id and its row count. Why this shape:

- No lock is held: an insert into the log waits for nobody (a version row updated by every writer
  made writers queue on it until commit, and deadlocked a worker creating a speaker against a
  reviewer confirming one, who had locked the speaker row first).
- A rolled-back change leaves nothing and takes its id with it (ids come from a sequence), so a stamp
  never comes back with other contents (a counter in a row would: rollbacks return its number).
- Visible only on commit, like the rows: a reader never sees a new stamp before the change. A change
  committed late with an id below the newest still moves the count.
- The log is kept short by ``claims.services.speaker_directory_compact`` (a periodic task): it deletes
  the committed rows and appends one, in one transaction, so the newest id moves and the stamp cannot
  repeat. Counting a few hundred rows costs microseconds.
"""

from django.db import migrations

TABLES = ("claims_speaker", "claims_speakeralias")
LOG = "factdesk_speaker_directory_change"

FORWARDS = [
    f"CREATE TABLE IF NOT EXISTS {LOG} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)",
    f"INSERT INTO {LOG} DEFAULT VALUES",
    # Statement triggers with a transition table: once per statement, and only when it touched a row.
    """
CREATE OR REPLACE FUNCTION factdesk_speaker_directory_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        INSERT INTO factdesk_speaker_directory_change DEFAULT VALUES;
    END IF;
    RETURN NULL;
END
$$
""",
    """
CREATE OR REPLACE FUNCTION factdesk_speaker_directory_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO factdesk_speaker_directory_change DEFAULT VALUES;
    RETURN NULL;
END
$$
""",
]
for table in TABLES:
    for event, transition in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        FORWARDS.append(
            f"CREATE TRIGGER {table}_directory_{event.lower()} AFTER {event} ON {table} "
            f"REFERENCING {transition} TABLE AS changed_rows "
            "FOR EACH STATEMENT EXECUTE FUNCTION factdesk_speaker_directory_changed()"
        )
    FORWARDS.append(
        f"CREATE TRIGGER {table}_directory_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION factdesk_speaker_directory_truncated()"
    )

BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {table}_directory_{event} ON {table}"
    for table in TABLES
    for event in ("insert", "update", "delete", "truncate")
] + [
    "DROP FUNCTION IF EXISTS factdesk_speaker_directory_changed()",
    "DROP FUNCTION IF EXISTS factdesk_speaker_directory_truncated()",
    f"DROP TABLE IF EXISTS {LOG}",
]


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
