"""Cache backends that degrade instead of failing when the cache Redis is down.

The cache is an optimisation, never a dependency: a page or an API read that cannot reach Redis
is served uncached, and ingest (which writes the pending article, the outbox) never touches it.
``ResilientRedisCache`` is Django's RedisCache whose operations never raise on connection or
timeout errors: reads miss, writes are skipped. After a failure a circuit breaker keeps the
process off Redis for ``FACTDESK_CACHE_RETRY_SECONDS``, so a hung Redis costs one socket timeout
per process per interval instead of one per request. ``LocalFallbackCache`` is what throttles use:
the shared cache while it answers, a per-process LocMemCache while it does not (a local limit,
not no limit at all).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

_MISSING = object()


class _Breaker:
    """Process-wide open/closed state for one Redis location (Django builds a backend per thread)."""
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open_until = 0.0

    def allows(self) -> bool:
        return time.monotonic() >= self.open_until

    def trip(self, seconds: float) -> bool:
        """Open the breaker; True when it was closed (the caller logs once per outage window)."""
        with self.lock:
            was_closed = self.allows()
            self.open_until = time.monotonic() + seconds
            return was_closed

    def reset(self) -> None:
        self.open_until = 0.0


_breakers: dict[str, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker_for(location: str) -> _Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, _Breaker())


class ResilientRedisCache(RedisCache):
    """RedisCache that misses on reads and skips writes while Redis is unreachable (never raises)."""
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._breaker = _breaker_for(self._servers[0])

    @property
    def retry_seconds(self) -> float:
        return float(getattr(settings, "FACTDESK_CACHE_RETRY_SECONDS", 5))

    @property
    def available(self) -> bool:
        """False while the breaker is open (Redis failed within the last few seconds)."""
        return self._breaker.allows()

    def reset_breaker(self) -> None:
        """Try Redis again on the next call (tests, and an operator who knows it is back)."""
        self._breaker.reset()

    def _guard(self, call: Callable[[], Any], fallback: Any) -> Any:
        if not self._breaker.allows():
            return fallback
        try:
            return call()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            if self._breaker.trip(self.retry_seconds):
                logger.warning("cache Redis unreachable, serving uncached for %ss: %s", self.retry_seconds, exc)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None) -> Any:
        return self._guard(lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None) -> dict:
        return self._guard(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None) -> bool:
        return self._guard(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None) -> int:
        # A missing key still raises ValueError (Django's contract); an unreachable Redis counts from 0.
        return self._guard(lambda: super(ResilientRedisCache, self).incr(key, delta, version), 0)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._guard(lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self) -> None:
        self._guard(lambda: super(ResilientRedisCache, self).clear(), None)

    def ping(self) -> bool:
        """One round trip to Redis, ignoring the breaker (the health check's probe)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
            return False


def cache_available(cache=None) -> bool:
    """Whether ``cache`` (default: the default cache) is answering; always True for local caches."""
    backend = cache if cache is not None else caches["default"]
    return bool(getattr(backend, "available", True))


class LocalFallbackCache:
    """The default cache while it answers, a per-process LocMemCache while it does not.

    Throttles use it so that a Redis outage lowers the limit's reach (each process counts on its
    own) instead of lifting it. A call that fails on Redis is repeated on the local cache.
    """
    def __init__(self, alias: str = "default") -> None:
        self.alias = alias
        self.local = LocMemCache(f"factdesk-fallback-{alias}", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

    def _call(self, name: str, *args, **kwargs) -> Any:
        backend = caches[self.alias]
        if cache_available(backend):
            result = getattr(backend, name)(*args, **kwargs)
            if cache_available(backend):
                return result
        return getattr(self.local, name)(*args, **kwargs)

    def get(self, key, default=None, version=None) -> Any:
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._call("set", key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call("add", key, value, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._call("delete", key, version)

    def incr(self, key, delta=1, version=None) -> int:
        return self._call("incr", key, delta, version)


throttle_cache = LocalFallbackCache()
