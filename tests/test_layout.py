"""Project layout rules: layers that only point down, no import cycles, few and explained lazy imports,
rooms a newcomer can hold in their head, and the extraction core's independence from Django.

The layer contract itself is in pyproject.toml ([tool.importlinter]); docs/ARCHITECTURE.md explains it.
"""

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


# --- the layer contract (issue 15) ---------------------------------------------------------------

PROJECT_PACKAGES = ("claims", "sources", "factdesk")
MAX_FUNCTION_IMPORTS = 5
MAX_MODULE_LINES = 600


def _project_files():
    for package in PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_layer_contracts_hold(capsys):
    """import-linter (a well-kept tool) checks every contract in pyproject.toml: imports point down."""
    from importlinter.cli import lint_imports

    exit_code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report[-4000:]
    assert "0 broken" in report


def test_no_import_cycles_among_project_modules():
    """grimp's graph counts imports inside functions too: a lazy import cannot hide a cycle."""
    import grimp

    graph = grimp.build_graph(*PROJECT_PACKAGES, include_external_packages=False)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                cycles.append((module, imported))
    assert cycles == []


def test_imports_inside_functions_are_few_and_explained():
    found = []
    for path in _project_files():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        found.append((str(path.relative_to(ROOT)), inner.lineno, lines[inner.lineno - 1]))
    assert len(found) <= MAX_FUNCTION_IMPORTS, found
    unexplained = [row for row in found if "#" not in row[2]]
    assert unexplained == [], "each import inside a function says why on its line"


def test_no_room_too_big_to_hold_in_ones_head():
    """No file in claims/ or sources/ over 600 lines (the extractor's own limit, 500, is in its tests)."""
    big = [
        (str(path.relative_to(ROOT)), n)
        for package in ("claims", "sources")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert big == []


def test_ruff_passes_with_the_extraction_size_limits():
    """`make lint` in CI: ruff over the repository, including claims/extraction/ruff.toml, which
    selects C901 (complexity <= 15) and the PLR size rules for the extraction core. Without this
    test a too-long stage would pass CI and only fail a developer's `make lint`."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "All checks passed" in result.stdout
