"""Partner API keys (service layer, below the API): hashing under the key pepper, create, revoke.

A partner sends ``Authorization: Api-Key <prefix>.<secret>``. The prefix finds the row (one indexed
query); the whole key is compared by its HMAC-SHA256 under the key pepper (FACTDESK_KEY_PEPPER, or
DJANGO_SECRET_KEY when it is unset, which is how keys made before the setting were hashed) in
constant time. Keys are 256-bit random strings, so a fast keyed hash is enough: slow password
hashing protects guessable secrets, and these are not guessable.

A database restored under another pepper would fail every key in silence, so a canary is stored
with the keys: a revoked pseudo-key (prefix ``canary``) whose plaintext the code knows. When its
stored hash is not the hash under the current pepper, the system check ``claims.W001`` (shown by
``manage.py check``, ``migrate`` and ``runserver``; ``check --fail-level WARNING`` fails on it) and
the partner keys page say so. A warning, not an error: rotating DJANGO_SECRET_KEY after a leak is
routine, and refusing to migrate or start would take down the site and the desk, which do not
depend on the pepper, on top of the partner keys, which fail either way."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from claims.models import PartnerKey, PartnerScope

logger = logging.getLogger(__name__)

_HASH_SALT = "factdesk.partner-key"


# The key-hash canary (see the module docstring). Its prefix is not hex, so no real key can take it;
# its secret is public on purpose: the canary is revoked, has no scopes and never authenticates.
CANARY_PREFIX = "canary"

CANARY_SECRET = "factdesk-key-hash-canary"  # noqa: S105 (public on purpose)

CANARY_NAME = "Key-hash canary (not a key: do not delete)"

CHECK_PEPPER_ID = "claims.W001"

ERROR_PEPPER_MISMATCH = (
    "Partner API keys were hashed under a different FACTDESK_KEY_PEPPER (or DJANGO_SECRET_KEY when no pepper"
    " is set): all {count} active key(s) will be refused."
)

HINT_PEPPER_MISMATCH = (
    "Set FACTDESK_KEY_PEPPER (or DJANGO_SECRET_KEY) to the value in use when the keys were created"
    " (docs/OPERATIONS.md), or revoke those keys and issue new ones."
)

ERROR_PARTNER_NAME = "A partner key needs a name."

ERROR_PARTNER_SCOPES = "Choose at least one scope among: read, ingest."


def partner_key_hash(plaintext: str) -> str:
    """The stored form of a key: hex HMAC-SHA256 of the whole key under the salted key pepper."""
    return salted_hmac(_HASH_SALT, plaintext, secret=settings.FACTDESK_KEY_PEPPER, algorithm="sha256").hexdigest()


def canary_hash() -> str:
    """What the canary's stored hash is under the current pepper."""
    return partner_key_hash(f"{CANARY_PREFIX}.{CANARY_SECRET}")


def key_pepper_mismatch() -> int:
    """How many active keys cannot authenticate because the canary was hashed under another pepper
    (0 when the pepper matches, or when there is no canary yet)."""
    stored = PartnerKey.objects.filter(prefix=CANARY_PREFIX).values_list("key_hash", flat=True).first()
    if stored is None or hmac.compare_digest(stored, canary_hash()):
        return 0
    return PartnerKey.objects.filter(active=True, revoked_at__isnull=True).exclude(prefix=CANARY_PREFIX).count()


@checks.register()
def key_pepper_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """claims.W001 when the stored partner keys were hashed under another pepper (a restore under
    the wrong secret): loud at `manage.py check` instead of every partner getting 401 in silence."""
    try:
        count = key_pepper_mismatch()
    except DatabaseError:  # no database, or not migrated yet: nothing to verify
        return []
    if not count:
        return []
    return [checks.Warning(ERROR_PEPPER_MISMATCH.format(count=count), hint=HINT_PEPPER_MISMATCH, id=CHECK_PEPPER_ID)]


def _partner_scopes(scopes) -> list[str]:

    cleaned = [s for s in PartnerScope.values if s in set(scopes or [])]
    if not cleaned or len(cleaned) != len(set(scopes or [])):
        raise ValidationError(ERROR_PARTNER_SCOPES)
    return cleaned


@transaction.atomic
def partner_key_create(name: str, scopes, user=None, *, contact_email: str = ""):
    """A new active partner key; returns (key, plaintext). Only the hash is stored: the plaintext
    ``<prefix>.<secret>`` exists here once and must be shown to the person creating the key."""
    name = (name or "").strip()[:200]
    if not name:
        raise ValidationError(ERROR_PARTNER_NAME)
    # The key-hash canary (see the module docstring): recorded with the first key, and again under a new
    # pepper once no active key hashed under the old one is left (a stale canary with live keys
    # stays, so the check keeps saying those keys fail).
    canary, made = PartnerKey.objects.get_or_create(
        prefix=CANARY_PREFIX,
        defaults={"name": CANARY_NAME, "key_hash": canary_hash(), "scopes": [], "active": False,
                  "revoked_at": timezone.now()},
    )
    if not made and canary.key_hash != canary_hash() and not PartnerKey.objects.filter(
        active=True, revoked_at__isnull=True
    ).exclude(prefix=CANARY_PREFIX).exists():
        PartnerKey.objects.filter(pk=canary.pk).update(key_hash=canary_hash())
    prefix = secrets.token_hex(4)
    while PartnerKey.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    plaintext = f"{prefix}.{secrets.token_urlsafe(32)}"
    key = PartnerKey.objects.create(
        name=name,
        contact_email=contact_email,
        prefix=prefix,
        key_hash=partner_key_hash(plaintext),
        scopes=_partner_scopes(scopes),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return key, plaintext


@transaction.atomic
def partner_key_update(key, *, name: str, scopes, contact_email: str = "", user=None):
    """Rename a key or change its scopes (the secret never changes; revoke and create instead)."""
    name = (name or "").strip()[:200]
    if not name:
        raise ValidationError(ERROR_PARTNER_NAME)
    key.name, key.scopes, key.contact_email = name, _partner_scopes(scopes), contact_email
    key.save(update_fields=["name", "scopes", "contact_email"])
    return key


@transaction.atomic
def partner_key_revoke(key, user=None):
    """Revoke a key for good: it stops authenticating at once and its webhooks stop."""
    now = timezone.now()
    PartnerKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(active=False, revoked_at=now)
    key.refresh_from_db()
    logger.info("partner key %s revoked by %s", key.prefix, getattr(user, "username", user))
    return key


def partner_key_mark_used(key) -> None:
    """Record that a key was used; written at most once a minute per key (not on every request)."""
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > dt.timedelta(seconds=60):
        PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
