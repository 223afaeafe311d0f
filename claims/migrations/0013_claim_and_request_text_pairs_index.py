"""Character-pair GIN indexes on claim text and request-group text (PostgreSQL only; a no-op on SQLite).

The desk's claim suggestions and a reader's check request probe claims and groups with a few
substrings (claims.selectors.grams). As LIKE scans those read every claim: about 0.3-0.6 s per
check request at 20,000 claims (bench/check_requests.py), on an endpoint open to anonymous readers.
With these indexes a probe reads only rows holding every character pair of the substring.
``factdesk_bigrams`` is migration 0010's function; the expressions must stay identical to the ones
claims.selectors.grams filters on.
"""

from django.db import migrations

INDEXES = {
    "claim_text_grams_idx": "claims_claim",
    "request_group_text_grams_idx": "claims_checkrequestgroup",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (factdesk_bigrams(upper(text)))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0012_webhook_event_labels"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
