"""Public read cache: one version number for everything the public may see.

Every service that changes public data calls ``public_data_changed()``; the bump happens after
commit, so a reader never caches a page built from data that was rolled back. Cached API pages
carry the version in their key, so a bump retires all of them at once without a scan.

When the cache Redis is unreachable (factdesk.cache), pages are served uncached and a bump that
could not reach Redis is remembered in this process and retried as soon as Redis answers again
(the next page read, the next change, or the worker heartbeat), so pages cached before the change
are not served after the outage. Staleness is otherwise bounded by ``PAGE_TTL_SECONDS``: a process
that dies holding a pending bump leaves at most one page TTL of stale pages.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction

from factdesk.cache import cache_available

VERSION_KEY = "factdesk:public-data-version"
PAGE_TTL_SECONDS = 300

# Set when a bump could not reach the cache; process-local on purpose (see the module docstring).
_bump_pending = threading.Event()


def public_data_version() -> int:
    """The current version (created on first use); first retries a bump that failed earlier."""
    retry_pending_bump()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def _bump() -> None:
    if not cache_available():
        _bump_pending.set()
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set: any fresh value retires the old keys
        cache.set(VERSION_KEY, (cache.get(VERSION_KEY) or 1) + 1, timeout=None)
    if not cache_available():  # the call above failed: Redis went away meanwhile
        _bump_pending.set()


def retry_pending_bump() -> bool:
    """Bump now if an earlier bump failed and the cache answers again; True when it did."""
    if not _bump_pending.is_set() or not cache_available():
        return False
    _bump_pending.clear()
    _bump()
    return not _bump_pending.is_set()


def public_data_changed() -> None:
    """Retire every cached public page now and again once the current transaction commits.

    The second bump matters: a reader that cached the pre-commit state under the first new
    version is retired when the change becomes visible.
    """
    _bump()
    transaction.on_commit(_bump)


# What the public pages show of a source article (its body never): a change to one of these, or to
# its outlet, is a public change. Connected in claims.apps: sources never imports claims.
ARTICLE_PUBLIC_FIELDS = frozenset({"title", "url", "published_at", "outlet", "outlet_id", "language"})


def source_changed(sender, instance, created: bool = False, update_fields=None, **_kwargs) -> None:
    """post_save/post_delete of sources.Article and sources.Outlet: retire the cached pages when
    what they show may have changed (a new article shows nothing yet; a save of only the
    extraction status, as workers make, changes nothing public)."""
    if created:
        return
    if update_fields is not None and sender._meta.model_name == "article" and not (
        set(update_fields) & ARTICLE_PUBLIC_FIELDS
    ):
        return
    public_data_changed()


def page_key(namespace: str, full_url: str, language: str) -> str:
    """Cache key of one rendered page of ``namespace`` at the current version."""
    digest = hashlib.sha1(f"{full_url}|{language}".encode(), usedforsecurity=False).hexdigest()
    return f"factdesk:{namespace}:{public_data_version()}:{digest}"


def read_through(namespace: str, full_url: str, language: str, render: Callable[[], Any]) -> Any:
    """The value cached for this URL and language at the current version, else ``render()``'s.

    The one cache helper for rendered public reads (pages and API): ``render`` returns what to keep
    (rendered bytes, or data) or None for an answer not worth keeping (an error); it runs at most
    once. Keys carry the public-data version, so any public change retires every entry at once.
    """
    key = page_key(namespace, full_url, language)
    cached = cache.get(key)
    if cached is not None:
        return cached
    value = render()
    if value is not None:
        cache.set(key, value, PAGE_TTL_SECONDS)
    return value
