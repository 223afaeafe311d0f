"""Running manage.py as a fresh process does: only the environment a test gives it (no DJANGO_*,
FACTDESK_*, CELERY_* or DATABASE_* of the suite's own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_django(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTDESK_", "CELERY_", "DATABASE_"))}
    base.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True,
                          timeout=timeout)
