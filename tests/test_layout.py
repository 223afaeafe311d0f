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
