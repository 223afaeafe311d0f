"""Settings parsing: strict environment values, embedded default, production check --deploy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands import run_django

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-prod-secret-" + "y" * 40,
    "DJANGO_ALLOWED_HOSTS": "factdesk.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be one of"),
        ("FACTDESK_MAX_ARTICLE_CHARS", "lots", "FACTDESK_MAX_ARTICLE_CHARS must be a whole number"),
        ("FACTDESK_MAX_ARTICLE_CHARS", "10", "must be at least"),
        ("DJANGO_ALLOWED_HOSTS", "a.example,,b.example", "has an empty item"),
        ("DATABASE_URL", "mysql://x@y/z", "DATABASE_URL must be a URL with scheme"),
        ("CELERY_BROKER_URL", "amqp://guest@localhost//", "CELERY_BROKER_URL must be a URL with scheme"),
    ],
)
def test_malformed_setting_stops_startup_with_clear_message(name, value, message):
    env = {name: value}
    if name != "DJANGO_DEBUG":
        env["DJANGO_DEBUG"] = "1"
    result = run_django(["check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_without_secret_key_refuses_to_start():
    env = dict(PROD_ENV)
    env.pop("DJANGO_SECRET_KEY")
    result = run_django(["check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_embedded_default_is_sqlite_and_eager():
    result = run_django(
        ["shell", "-c", "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG)"],
        {"FACTDESK_VAR_DIR": str(ROOT / "var" / "settings-test")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["django.db.backends.sqlite3", "True", "True"]


def test_database_url_selects_postgres_with_psycopg3():
    result = run_django(
        ["shell", "-c", "from django.conf import settings as s; from django.db import connection as c; print(s.DATABASES['default']['ENGINE'], c.Database.__name__)"],
        {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres", "DJANGO_DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["django.db.backends.postgresql", "psycopg"]


def test_migrations_are_in_sync_with_models():
    result = run_django(["makemigrations", "--check", "--dry-run"], {"FACTDESK_VAR_DIR": str(ROOT / "var" / "settings-test")})
    assert result.returncode == 0, result.stdout + result.stderr
