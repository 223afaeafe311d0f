"""Request hygiene (interface layer): who the client is, per-client limits, and NUL refusal.

- ``client_ip``: the client's address exactly as DRF's throttles see it (``REMOTE_ADDR``, or the
  entry ``FACTDESK_NUM_PROXIES`` trusted proxies from the right of ``X-Forwarded-For``), so admin
  login lockout, API-key failure limits, search limits and the API throttles agree on one client.
- ``rate_hit`` / ``rate_exceeded``: a fixed-window counter per scope and client in the throttles'
  cache (``factdesk.cache.throttle_cache``: Redis in production, shared by every process, and a
  per-process cache while Redis is down, so an outage narrows a limit's reach instead of lifting it).
- ``NulRefusalMiddleware``: PostgreSQL cannot store or compare text containing NUL, so a NUL in a
  query string or form field used to reach the database and fail there with a 500. It is refused
  at the door with a 400 and one constant message.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from rest_framework.throttling import BaseThrottle

from factdesk.cache import throttle_cache

logger = logging.getLogger(__name__)

ERROR_NUL_IN_REQUEST = "Bad request: the address or a form field contains a NUL character (%00), which is never valid."
API_PREFIX = "/api/"
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


# --- the client --------------------------------------------------------------------------------


def client_ip(request: HttpRequest) -> str:
    """The client's address as DRF's throttles identify it (X-Forwarded-For only from trusted proxies)."""
    return BaseThrottle().get_ident(request)


# --- per-client limits -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(value: str) -> Rate:
    """``"30/min"`` -> Rate(30, 60): DRF's notation (s, sec, m, min, h, hour, d, day)."""
    count, _, period = value.strip().partition("/")
    if not count.isdigit() or int(count) < 1 or not period or period[0] not in _PERIODS:
        raise ValueError(f"not a rate like 30/min: {value!r}")
    return Rate(int(count), _PERIODS[period[0]])


def _window(scope: str, ident: str, rate: Rate) -> tuple[str, int]:
    """The cache key of the current window and the seconds until it ends (at least 1)."""
    now = time.time()
    index = int(now // rate.seconds)
    retry_after = max(1, math.ceil((index + 1) * rate.seconds - now))
    return f"factdesk:rate:{scope}:{ident}:{index}", retry_after


def rate_exceeded(scope: str, ident: str, rate: str) -> int | None:
    """Seconds to wait when ``ident`` has used up ``rate`` in ``scope``; None otherwise (counts nothing)."""
    limit = parse_rate(rate)
    key, retry_after = _window(scope, ident, limit)
    count = int(throttle_cache.get(key) or 0)
    return retry_after if count >= limit.count else None


def rate_hit(scope: str, ident: str, rate: str) -> int | None:
    """Count one hit for ``ident`` in ``scope``; seconds to wait when this hit is over ``rate``, else None."""
    limit = parse_rate(rate)
    key, retry_after = _window(scope, ident, limit)
    throttle_cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = throttle_cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new window
        count = 1 if throttle_cache.add(key, 1, timeout=limit.seconds + 1) else int(throttle_cache.incr(key))
    return retry_after if count > limit.count else None


# --- NUL refusal -------------------------------------------------------------------------------


def _has_nul(request: HttpRequest) -> bool:
    if b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
        return True
    # Form bodies outside the API (the admin, the site): the API parses its own bodies through
    # DRF's parsers and serializers, which refuse NUL in their fields.
    if request.method == "POST" and not request.path.startswith(API_PREFIX):
        content_type = request.content_type or ""
        if content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            return any(
                "\x00" in key or any("\x00" in value for value in values) for key, values in request.POST.lists()
            )
    return False


class NulRefusalMiddleware:
    """Answers 400 (one constant message) to a request with NUL in its query string or form fields."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return HttpResponseBadRequest(ERROR_NUL_IN_REQUEST, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
