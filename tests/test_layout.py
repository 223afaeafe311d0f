"""Project layout rules: dependency direction and the extraction core's independence from Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _imports(package: str) -> set[str]:
    names: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def test_extraction_core_does_not_import_django():
    code = "import sys, claims.extraction; print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_claims_package_init_is_empty():
    assert (ROOT / "claims" / "__init__.py").read_text().strip() == ""


def test_sources_never_imports_claims():
    offenders = sorted(name for name in _imports("sources") if name == "claims" or name.startswith("claims."))
    assert offenders == []


def test_docker_compose_commands_point_at_real_modules():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    assert "healthcheck" in services["postgres"]
    commands = {name: " ".join(svc["command"]) if isinstance(svc.get("command"), list) else svc.get("command", "")
                for name, svc in services.items()}
    assert "gunicorn factdesk.wsgi:application" in commands["web"]
    assert "celery -A factdesk worker" in commands["worker"]
    assert "celery -A factdesk beat" in commands["beat"]
    import importlib

    assert importlib.import_module("factdesk.wsgi").application is not None
    assert importlib.import_module("factdesk.celery").app.main == "factdesk"
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://")


def _run_healthcheck(code: str, port: int) -> int:
    code = code.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30).returncode


def test_docker_compose_restarts_every_service_and_checks_that_web_answers():
    import http.server
    import threading

    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert services[name].get("restart") in {"unless-stopped", "always", "on-failure"}, name
    for name in ("postgres", "redis", "web"):
        assert "healthcheck" in services[name], name
    test = services["web"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]

    # The web check passes while gunicorn answers (200, or 503 when a dependency is down) and fails
    # when nothing answers: a worker outage must not get the web container restarted.
    answer = {"status": 200}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(answer["status"] if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        assert _run_healthcheck(test[3], port) == 0
        answer["status"] = 503
        assert _run_healthcheck(test[3], port) == 0
    finally:
        server.shutdown()
        server.server_close()
    assert _run_healthcheck(test[3], port) != 0
