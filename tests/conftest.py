"""Shared test fixtures: factories, service gates, a real Celery worker, a real browser.

Tests that need PostgreSQL, Redis or Chromium are marked; on a laptop without them they skip,
and in CI (FACTDESK_REQUIRE_SERVICES=1) a missing service fails the run instead of hiding it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = ROOT / "test-output"
REQUIRE_SERVICES = os.environ.get("FACTDESK_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def _missing(reason: str):
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    """Order: fast tests first, then worker and browser journeys (a failure shows up early)."""
    weight = {"worker": 2, "browser": 3}

    def rank(item):
        return max([weight.get(m.name, 0) for m in item.iter_markers()] or [0])

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _service_gates(request):
    """Skip (locally) or fail (in CI) marked tests whose service is not configured."""
    from django.conf import settings

    if request.node.get_closest_marker("postgres") and not settings.IS_POSTGRES:
        _missing("PostgreSQL not configured (set DATABASE_URL)")
    if request.node.get_closest_marker("worker") and not settings.CELERY_BROKER_URL.startswith("redis"):
        _missing("Redis broker not configured (set CELERY_BROKER_URL)")
    if request.node.get_closest_marker("browser") and not Path(CHROMIUM).exists():
        _missing("chromium not installed (apt-get install chromium)")


@pytest.fixture(autouse=True)
def _celery_eager(request, settings):
    """Tasks run inline unless the test drives a real worker."""
    from factdesk.celery import app

    eager = request.node.get_closest_marker("worker") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Restore what data migrations load (roles, speaker registry) after a transactional test's flush.

    Transactional tests end by truncating every table, data-migration rows included; the tests
    after them must still see the database as `migrate` leaves it.
    """
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("_django_db_helper")
    from django.contrib.auth.models import Group, Permission

    from claims.models import Speaker, SpeakerAlias
    from claims.registry import load_registry, registry_sync
    from claims.roles import EDITOR, roles_sync

    if not Group.objects.filter(name=EDITOR).exists():
        roles_sync(Group, Permission)
    if not Speaker.objects.filter(registry_key__isnull=False).exists() and load_registry():
        registry_sync(Speaker, SpeakerAlias)


def _reset_language(**kwargs) -> None:
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _language_per_request():
    """Each test-client request ends with no active language, as each server request starts afresh.

    LocaleMiddleware activates the request's language in the thread and never resets it; without
    this a test's reverse() after a request to /en/... would build /en/ URLs.
    """
    from django.core.signals import request_finished

    request_finished.connect(_reset_language, dispatch_uid="tests-reset-language")
    yield
    request_finished.disconnect(dispatch_uid="tests-reset-language")
    _reset_language()


@pytest.fixture(autouse=True)
def _fresh_caches():
    from django.core.cache import cache

    cache.clear()
    yield


from tests.factories import make_user  # noqa: E402  (fixtures below use it)


@pytest.fixture
def admin_user(db):
    return make_user("admin-test", superuser=True)


@pytest.fixture
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


# --- a real Celery worker ----------------------------------------------------------------------


_counter = iter(range(1, 10**9))


def _database_url() -> str:
    """URL of the database the tests are using right now (the test database)."""
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class WorkerProcess:
    """A `celery worker` subprocess on the real broker and the test database."""

    def __init__(self, concurrency: int = 1, extra_env: dict | None = None):
        self.concurrency = concurrency
        self.extra_env = extra_env or {}
        self.proc: subprocess.Popen | None = None
        OUTPUT_DIR.mkdir(exist_ok=True)
        self.log_path = OUTPUT_DIR / f"worker-{os.getpid()}-{next(_counter)}.log"

    def start(self, timeout: float = 60) -> WorkerProcess:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=_database_url(),
            CELERY_TASK_ALWAYS_EAGER="0",
            PYTHONUNBUFFERED="1",
            **self.extra_env,
        )
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factdesk", "worker", "-l", "INFO", "-P", "prefork",
             "-c", str(self.concurrency), "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"test{next(_counter)}@%h"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_path.read_text()[-3000:]}")
            if " ready." in self.log_path.read_text(errors="replace"):
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole worker (parent and children), as a crashed machine would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "log", None):
            self.log.close()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")


def purge_broker() -> None:
    """Drop queued messages left by earlier tests so each worker test starts clean."""
    from factdesk.celery import app

    with app.connection_for_write() as conn:
        conn.default_channel.client.flushdb()


@pytest.fixture
def celery_worker(transactional_db):
    """A running worker subprocess; stopped after the test. Use with transactional tests."""
    purge_broker()
    worker = WorkerProcess().start()
    yield worker
    worker.stop()


def wait_for(predicate, timeout: float = 60, interval: float = 0.2):
    """Poll ``predicate`` until it returns a truthy value or ``timeout`` passes; returns the value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


# --- a real browser ----------------------------------------------------------------------------


@pytest.fixture
def browser_page(live_server):
    """A Playwright page in Debian's headless Chromium (no browser download)."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop lives in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                  "--no-first-run", "--disable-component-update", "--disable-sync"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        context.close()
        browser.close()
