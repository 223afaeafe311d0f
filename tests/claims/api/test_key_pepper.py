"""Partner keys are hashed under FACTDESK_KEY_PEPPER (falling back to DJANGO_SECRET_KEY, so keys made
before the setting keep working); a stored canary makes a pepper mismatch loud in `manage.py check`
and in the admin instead of every key silently failing."""

from __future__ import annotations

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.utils.crypto import salted_hmac
from rest_framework.test import APIClient

from claims import services
from claims.models import PartnerKey
from claims.partners import keys as auth
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _status(plaintext: str) -> int:
    return APIClient().get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {plaintext}").status_code


def _pepper_errors() -> list[checks.CheckMessage]:
    return [m for m in checks.run_checks() if m.id == auth.CHECK_PEPPER_ID]


def test_without_a_pepper_keys_hash_as_before_under_the_secret_key(settings):
    settings.FACTDESK_KEY_PEPPER = settings.SECRET_KEY  # what settings.py does when the variable is unset
    key, plaintext = services.partner_key_create("Old partner", ["read"])
    assert key.key_hash == salted_hmac("factdesk.partner-key", plaintext, algorithm="sha256").hexdigest()
    assert _status(plaintext) == 200


def test_a_separate_pepper_survives_a_secret_key_change(settings):
    settings.FACTDESK_KEY_PEPPER = "pepper-" + "p" * 40
    _, plaintext = services.partner_key_create("Partner", ["read"])
    settings.SECRET_KEY = "another-secret-" + "s" * 40
    assert _status(plaintext) == 200
    assert _pepper_errors() == []


def test_a_different_pepper_fails_every_key_and_the_check_says_so(settings):
    settings.FACTDESK_KEY_PEPPER = "pepper-A-" + "a" * 40
    _, plaintext = services.partner_key_create("Partner", ["read"])
    settings.FACTDESK_KEY_PEPPER = "pepper-B-" + "b" * 40
    assert _status(plaintext) == 401
    settings.FACTDESK_KEY_PEPPER = "pepper-A-" + "a" * 40
    assert _status(plaintext) == 200
    assert _pepper_errors() == []
    call_command("check", fail_level="WARNING")  # clean under the right pepper

    settings.FACTDESK_KEY_PEPPER = "pepper-B-" + "b" * 40
    [error] = _pepper_errors()
    assert error.level == checks.WARNING
    assert error.msg == auth.ERROR_PEPPER_MISMATCH.format(count=1)
    with pytest.raises(SystemCheckError, match=auth.CHECK_PEPPER_ID):
        call_command("check", fail_level="WARNING")


def test_the_admin_shows_the_mismatch_on_the_partner_keys_page(settings):
    settings.FACTDESK_KEY_PEPPER = "pepper-A-" + "a" * 40
    services.partner_key_create("Partner", ["read"])
    web = Client()
    web.force_login(make_user(superuser=True))
    assert auth.ERROR_PEPPER_MISMATCH.format(count=1) not in web.get("/admin/claims/partnerkey/").content.decode()
    settings.FACTDESK_KEY_PEPPER = "pepper-B-" + "b" * 40
    page = web.get("/admin/claims/partnerkey/").content.decode()
    assert auth.ERROR_PEPPER_MISMATCH.format(count=1) in page


def test_once_the_old_keys_are_revoked_new_keys_record_the_new_pepper(settings):
    settings.FACTDESK_KEY_PEPPER = "pepper-A-" + "a" * 40
    old, _ = services.partner_key_create("Partner", ["read"])
    settings.FACTDESK_KEY_PEPPER = "pepper-B-" + "b" * 40
    assert _pepper_errors()
    services.partner_key_revoke(old)
    assert _pepper_errors() == []  # no key left that could fail
    _, plaintext = services.partner_key_create("Partner again", ["read"])
    assert _status(plaintext) == 200 and _pepper_errors() == []


def test_the_canary_is_no_key_and_is_not_listed(settings):
    services.partner_key_create("Partner", ["read"])
    canary = PartnerKey.objects.get(prefix=auth.CANARY_PREFIX)
    assert not canary.active and canary.revoked_at is not None and canary.scopes == []
    assert _status(f"{auth.CANARY_PREFIX}.{auth.CANARY_SECRET}") == 401
    web = Client()
    web.force_login(make_user(superuser=True))
    listing = web.get("/admin/claims/partnerkey/").content.decode()
    assert "Partner" in listing and auth.CANARY_PREFIX not in listing
    assert web.get(f"/admin/claims/partnerkey/{canary.pk}/change/").status_code == 302  # not found: back to the list
    assert PartnerKey.objects.count() == 2  # one canary, however many keys


def test_the_pepper_check_is_quiet_without_keys_or_without_tables(settings):
    settings.FACTDESK_KEY_PEPPER = "pepper-B-" + "b" * 40
    assert _pepper_errors() == []
