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
- ``ApiRequestMiddleware`` (partner API paths): the request body's byte limit before anything reads
  it (413), chunked bodies read when the server has de-chunked them (411 when it has not), and every
  error the API answers outside DRF (unknown URL, NUL refusal, server error) in the API's one error
  shape (factdesk.errors).
- ``ApiLanguageMiddleware`` (partner API paths): English unless Accept-Language asks for another
  supported language; the site's default (zh-Hant), language cookie and URL prefix do not apply.
"""

from __future__ import annotations

import io
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.throttling import BaseThrottle

from factdesk.cache import throttle_cache
from factdesk.errors import error_response, is_api_path

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


# --- the partner API: body limits, chunked bodies, one error shape, its language ---------------

ERROR_BODY_TOO_LARGE = "The request body is larger than the limit of {limit:,} bytes."
ERROR_LENGTH_REQUIRED = (
    "This server cannot read a chunked request body here; send the body with a Content-Length header."
)
API_DEFAULT_LANGUAGE = "en"
_READ_CHUNK = 64 * 1024
# After refusing a body, read (and drop) this much more of it at most, so that the client, still
# sending, receives the 413 instead of a connection reset; past it the connection is simply closed.
_DRAIN_FACTOR = 4


def _read_at_most(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``stream`` (fewer at its end), read in bounded pieces."""
    pieces, total = [], 0
    while total < limit:
        piece = stream.read(min(_READ_CHUNK, limit - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)


def _drain(stream, limit: int) -> None:
    total = 0
    while total < limit:
        piece = stream.read(_READ_CHUNK)
        if not piece:
            return
        total += len(piece)


def _api_body_refusal(request: HttpRequest) -> HttpResponse | None:
    """413 for a body over the limit (declared or chunked), 411 for a chunked body the server left
    chunked; a de-chunked body (gunicorn and most WSGI servers) becomes an ordinary sized one."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    meta = request.META
    too_large = error_response(413, ERROR_BODY_TOO_LARGE.format(limit=limit))
    if "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower():
        # PEP 3333 servers that de-chunk the body say so with wsgi.input_terminated (gunicorn,
        # uWSGI, mod_wsgi); Django's development server does not, and reading its raw socket to the
        # end would wait for a client that is itself waiting for the answer.
        if not meta.get("wsgi.input_terminated"):
            return error_response(411, ERROR_LENGTH_REQUIRED)
        stream = meta["wsgi.input"]
        body = _read_at_most(stream, limit + 1)
        if len(body) > limit:
            _drain(stream, _DRAIN_FACTOR * limit)
            return too_large
        request._stream = LimitedStream(io.BytesIO(body), len(body))  # what WSGIRequest reads the body from
        meta["CONTENT_LENGTH"] = str(len(body))
        return None
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        if length <= _DRAIN_FACTOR * limit:
            _drain(request, length)
        return too_large
    return None


def _api_error_reshaped(response: HttpResponse) -> HttpResponse:
    """An error answered outside DRF (URL not found, NUL refusal, server error page) in the API's shape."""
    if response.status_code < 400 or getattr(response, "streaming", False) or hasattr(response, "data"):
        return response
    if response.get("Content-Type", "").startswith("application/json"):
        return response
    code = response.status_code
    message = HTTPStatus(code).phrase + "." if code in HTTPStatus._value2member_map_ else "Error."
    if response.get("Content-Type", "").startswith("text/plain"):
        message = response.content.decode("utf-8", "replace").strip() or message
    reshaped = error_response(code, message)
    for header in ("Allow", "Retry-After", "WWW-Authenticate"):
        if header in response:
            reshaped[header] = response[header]
    return reshaped


class ApiRequestMiddleware:
    """Body limits and the one error shape on partner API paths (before anything reads the body)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_path(request.path_info):
            return self.get_response(request)
        refused = _api_body_refusal(request)
        if refused is not None:
            return refused
        return _api_error_reshaped(self.get_response(request))


def _accepted_language(header: str) -> str | None:
    """The first supported language the Accept-Language header names, by its q order; None for none."""
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


class ApiLanguageMiddleware:
    """After LocaleMiddleware: API paths speak English unless Accept-Language asks otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_api_path(request.path_info):
            language = _accepted_language(request.META.get("HTTP_ACCEPT_LANGUAGE", "")) or API_DEFAULT_LANGUAGE
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
