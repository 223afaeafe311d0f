"""Chunked request bodies through a real gunicorn, sent as Python `requests` sends a generator
(issue 14, item 8): the body is read, and the 12 MiB limit holds for it as for a sized body (413).

Before, Django saw no Content-Length, read the body as empty and answered 400 "send the article as
text" (a 13 MB chunked body got that 400 too, not 413).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import requests

from claims import services
from factdesk.middleware import ERROR_BODY_TOO_LARGE
from sources.models import Article
from tests.conftest import OUTPUT_DIR, ROOT, _database_url
from tests.factories import make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

ARTICLE = "外交部發言人毛寧13日在例行記者會上表示：「中方在台灣問題上的立場是一貫的、明確的。」"
LIMIT = 12 * 1024 * 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def gunicorn_url():
    """gunicorn (as in docker-compose) on the test database, one sync worker."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_TASK_ALWAYS_EAGER": "1", "PYTHONUNBUFFERED": "1",
           "FACTDESK_MAX_REQUEST_BYTES": str(LIMIT)}
    OUTPUT_DIR.mkdir(exist_ok=True)
    log_path = OUTPUT_DIR / f"gunicorn-{os.getpid()}-{port}.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "factdesk.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--timeout", "60"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    requests.get(f"{url}/api/v1/speakers/", timeout=30)
                    break
                except requests.ConnectionError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(log_path.read_text()[-3000:]) from None
                    time.sleep(0.3)
            yield url
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


@pytest.fixture
def ingest_key(db) -> str:
    return services.partner_key_create("Chunked partner", ["read", "ingest"], make_user(superuser=True))[1]


def _pieces(data: bytes, size: int = 64 * 1024):
    for start in range(0, len(data), size):
        yield data[start:start + size]


def test_a_chunked_article_is_read_and_stored(gunicorn_url, ingest_key):
    body = json.dumps({"text": ARTICLE, "title": "記者會", "url": "https://news.example/a/9"}, ensure_ascii=False)
    response = requests.post(f"{gunicorn_url}/api/v1/articles/", data=_pieces(body.encode(), 16),
                             headers={"Authorization": f"Api-Key {ingest_key}", "Content-Type": "application/json"},
                             timeout=60)
    assert response.request.headers.get("Transfer-Encoding") == "chunked"
    assert response.status_code == 201, response.text
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert (article.body, article.title, article.url) == (ARTICLE, "記者會", "https://news.example/a/9")


def test_a_13_mb_chunked_body_is_413_and_nothing_is_stored(gunicorn_url, ingest_key):
    text = "字" * (13 * 1024 * 1024 // 3)
    body = json.dumps({"text": text}, ensure_ascii=False).encode()
    assert len(body) > LIMIT
    response = requests.post(f"{gunicorn_url}/api/v1/articles/", data=_pieces(body),
                             headers={"Authorization": f"Api-Key {ingest_key}", "Content-Type": "application/json"},
                             timeout=120)
    assert response.request.headers.get("Transfer-Encoding") == "chunked"
    assert response.status_code == 413, response.text[:300]
    assert response.json()["error"]["message"] == ERROR_BODY_TOO_LARGE.format(limit=LIMIT)
    assert Article.objects.count() == 0
    # The server is still answering.
    assert requests.get(f"{gunicorn_url}/api/v1/claims/", timeout=30).status_code == 200
