"""Fewer indexes written for every extracted statement (issue 17): the extraction task inserts a
dozen statements and their history rows per article, and every index is one more write per row.

Dropped: single-column indexes where a composite index starts with the column (article: the span
constraint (article, start, end); speaker: statement_speaker_idx; claim: statement_claim_idx); the
claim key's LIKE twin (it is only ever compared for equality; its plain index is renamed
statement_claim_key_idx, the name Meta.indexes gives it);
and on the history table, the indexes on article, speaker, claim, claim key, reviewer and editor (the
history is read by statement, through its id index). Nothing reads by them alone.

The database side is plain DROP INDEX: Django's AlterField would also drop and re-add each foreign
key, re-checking every row of the table under a lock that stops writes (seconds at a million rows).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DROPPED = {
    # index: (table, column, LIKE twin)
    "claims_historicalstatement_article_id_5f4bef68": ("claims_historicalstatement", "article_id", False),
    "claims_historicalstatement_claim_id_787efdb1": ("claims_historicalstatement", "claim_id", False),
    "claims_historicalstatement_claim_key_6ba60435": ("claims_historicalstatement", "claim_key", False),
    "claims_historicalstatement_claim_key_6ba60435_like": ("claims_historicalstatement", "claim_key", True),
    "claims_historicalstatement_edited_by_id_454d5233": ("claims_historicalstatement", "edited_by_id", False),
    "claims_historicalstatement_reviewed_by_id_88ceb2d2": ("claims_historicalstatement", "reviewed_by_id", False),
    "claims_historicalstatement_speaker_id_2d1216f3": ("claims_historicalstatement", "speaker_id", False),
    "claims_statement_article_id_8c2c8816": ("claims_statement", "article_id", False),
    "claims_statement_claim_id_74508464": ("claims_statement", "claim_id", False),
    "claims_statement_claim_key_1e023da8_like": ("claims_statement", "claim_key", True),
    "claims_statement_speaker_id_8de2da16": ("claims_statement", "speaker_id", False),
}


# The claim key's plain index stays, under the name Meta.indexes gives it: renamed on PostgreSQL (no
# rebuild, no lock held over a table scan); SQLite cannot rename an index, so it builds the new one.
CLAIM_KEY_OLD, CLAIM_KEY_NEW = "claims_statement_claim_key_1e023da8", "statement_claim_key_idx"


def _swap_claim_key_index(schema_editor, old: str, new: str) -> None:
    quote = schema_editor.quote_name
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {quote(old)} RENAME TO {quote(new)}")
    else:
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote(old)}")
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS {quote(new)} ON "claims_statement" ("claim_key")')


def drop_indexes(apps, schema_editor):
    for name in DROPPED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")
    _swap_claim_key_index(schema_editor, CLAIM_KEY_OLD, CLAIM_KEY_NEW)


def create_indexes(apps, schema_editor):
    _swap_claim_key_index(schema_editor, CLAIM_KEY_NEW, CLAIM_KEY_OLD)
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, (table, column, like) in DROPPED.items():
        if like and not postgres:
            continue
        ops = " varchar_pattern_ops" if like else ""
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {schema_editor.quote_name(name)} ON {schema_editor.quote_name(table)} "
            f"({schema_editor.quote_name(column)}{ops})"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0015_speaker_directory_version"),
        ("sources", "0004_translatable_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="article",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sources.article",
                        verbose_name="article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="claim",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="claims.claim",
                        verbose_name="claim",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="claim_key",
                    field=models.CharField(blank=True, max_length=64, verbose_name="claim key"),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="edited_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="edited by",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="reviewed_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="speaker",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="claims.speaker",
                        verbose_name="speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="sources.article",
                        verbose_name="article",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="claim",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="statements",
                        to="claims.claim",
                        verbose_name="claim",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="claim_key",
                    field=models.CharField(blank=True, max_length=64, verbose_name="claim key"),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="speaker",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="claims.speaker",
                        verbose_name="speaker",
                    ),
                ),
                migrations.AddIndex(
                    model_name="statement",
                    index=models.Index(fields=["claim_key"], name="statement_claim_key_idx"),
                ),
            ],
            database_operations=[migrations.RunPython(drop_indexes, create_indexes, elidable=False)],
        ),
    ]
