"""Public read cache: one version number for everything the public may see.

Every service that changes public data calls ``public_data_changed()``; the bump happens after
commit, so a reader never caches a page built from data that was rolled back. Cached API pages
carry the version in their key, so a bump retires all of them at once without a scan.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "factdesk:public-data-version"
PAGE_TTL_SECONDS = 300


def public_data_version() -> int:
    """The current version (created on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set: any fresh value retires the old keys
        cache.set(VERSION_KEY, public_data_version() + 1, timeout=None)


def public_data_changed() -> None:
    """Retire every cached public page now and again once the current transaction commits.

    The second bump matters: a reader that cached the pre-commit state under the first new
    version is retired when the change becomes visible.
    """
    _bump()
    transaction.on_commit(_bump)


def page_key(namespace: str, full_url: str, language: str) -> str:
    """Cache key of one rendered page of ``namespace`` at the current version."""
    digest = hashlib.sha1(f"{full_url}|{language}".encode(), usedforsecurity=False).hexdigest()
    return f"factdesk:{namespace}:{public_data_version()}:{digest}"
