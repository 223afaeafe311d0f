"""Extraction tests are pure Python: the project's autouse fixtures (Django settings, Celery,
caches) are replaced here by no-ops so that `pytest tests/extraction -p no:django` runs."""

import pytest


@pytest.fixture(autouse=True)
def _service_gates():
    yield


@pytest.fixture(autouse=True)
def _celery_eager():
    yield


@pytest.fixture(autouse=True)
def _fresh_caches():
    yield
