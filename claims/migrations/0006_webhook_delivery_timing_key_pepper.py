"""Webhook deliveries keep status and timing, never reply bodies; partner keys get their key-hash canary.

- ``response_excerpt`` is dropped (with what it held: up to 500 characters of whatever answered,
  which could be an internal service's reply) and ``duration_ms`` added.
- Databases that already hold partner keys get the canary (claims.api.auth) recorded under the
  pepper in use while migrating, which is the one their keys work under when the keys work at all.
  The hash rule is copied here, frozen. New databases get it with their first key.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone
from django.utils.crypto import salted_hmac

CANARY_PREFIX = "canary"
CANARY_SECRET = "factdesk-key-hash-canary"  # public on purpose: the canary is revoked and never authenticates
CANARY_NAME = "Key-hash canary (not a key: do not delete)"


def record_canary(apps, schema_editor):
    PartnerKey = apps.get_model("claims", "PartnerKey")
    if not PartnerKey.objects.exists() or PartnerKey.objects.filter(prefix=CANARY_PREFIX).exists():
        return
    pepper = getattr(settings, "FACTDESK_KEY_PEPPER", settings.SECRET_KEY)
    digest = salted_hmac("factdesk.partner-key", f"{CANARY_PREFIX}.{CANARY_SECRET}", secret=pepper,
                         algorithm="sha256").hexdigest()
    PartnerKey.objects.create(name=CANARY_NAME, prefix=CANARY_PREFIX, key_hash=digest, scopes=[], active=False,
                              revoked_at=timezone.now())


def drop_canary(apps, schema_editor):
    apps.get_model("claims", "PartnerKey").objects.filter(prefix=CANARY_PREFIX).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0005_editorial_control_and_public_modified_time"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="webhookdelivery",
            name="response_excerpt",
        ),
        migrations.AddField(
            model_name="webhookdelivery",
            name="duration_ms",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="duration (ms)"),
        ),
        migrations.RunPython(record_canary, drop_canary),
    ]
