"""Data migration: load the curated speaker registry so every database has it."""

from django.db import migrations


def load(apps, schema_editor):
    from claims.registry import registry_sync

    registry_sync(apps.get_model("claims", "Speaker"), apps.get_model("claims", "SpeakerAlias"))


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
