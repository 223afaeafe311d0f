"""Sources network layer: the only module that touches the network (one polite, bounded HTTP GET).

Every fetch is checked before and during the connection: only http(s); the host must resolve to
public addresses (private, loopback, link-local, shared, reserved and multicast addresses are
refused unless ``FACTDESK_FETCH_ALLOW_PRIVATE`` or ``FACTDESK_FETCH_ALLOW_NETWORKS`` says
otherwise; an IPv6 address that carries an IPv4 one, such as NAT64's 64:ff9b::a.b.c.d, is judged by
the address it carries); the address actually connected to is checked again, so a DNS answer that changes
between the check and the connection (DNS rebinding) is refused too. Redirects are followed here,
one hop at a time, each hop re-checked, at most ``FACTDESK_FETCH_MAX_REDIRECTS``. The body is
streamed and cut off at ``FACTDESK_FETCH_MAX_BYTES`` (after decompression, so a small gzip bomb
cannot pass), and the whole fetch must finish within ``FACTDESK_FETCH_TIMEOUT`` seconds. One
request per host per ``FACTDESK_FETCH_HOST_DELAY_SECONDS`` (shared through the Django cache, so
across workers when the cache is Redis).
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import socket
import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ReadTimeoutError

from sources.cleaning import IngestError, decode_html
from sources.models import FetchOutcome

logger = logging.getLogger(__name__)

# User-facing error messages; tests reuse these constants.
ERROR_SCHEME = "Only http:// and https:// URLs can be fetched."
ERROR_NO_HOST = "The URL has no host name."
ERROR_UNRESOLVABLE = "The host {host} could not be resolved."
ERROR_PRIVATE_ADDRESS = (
    "Refused: {host} resolves to {address}, a private, loopback, link-local or reserved address;"
    " only public internet addresses are fetched."
)
ERROR_TOO_MANY_REDIRECTS = "Too many redirects (more than {limit})."
ERROR_TOO_LARGE = "The response is larger than the limit of {limit:,} bytes."
ERROR_TIMEOUT = "The server did not answer within {seconds:g} seconds."
ERROR_NETWORK = "The page could not be fetched: {reason}"
ERROR_HTTP = "The server answered HTTP {status}."

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
ACCEPT_FEED = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


class FetchError(IngestError):
    """A fetch that did not give a usable page: the outcome to record and a message for the submitter."""

    def __init__(
        self,
        message: str,
        *,
        outcome: str,
        url: str = "",
        status_code: int | None = None,
        bytes_received: int = 0,
        duration_ms: int = 0,
    ) -> None:
        super().__init__(message, field="url")
        self.outcome = outcome
        self.url = url
        self.status_code = status_code
        self.bytes_received = bytes_received
        self.duration_ms = duration_ms


@dataclass(frozen=True)
class FetchResult:
    """A completed GET: 2xx with its body, or 304 (not modified) with none."""

    url: str
    final_url: str
    status_code: int
    content: bytes
    content_type: str  # e.g. "text/html", lower case, without parameters
    charset: str | None  # from the Content-Type header, when declared
    etag: str
    last_modified: str
    duration_ms: int
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304

    def text(self) -> str:
        """The body as text: BOM, HTTP charset, the page's meta charset, then detection."""
        return decode_html(self.content, self.charset)


# --- address rules -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _allowed_networks(spec: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


# IPv6 forms that carry an IPv4 address. A connection to one of them can end at that IPv4 address
# (through a NAT64 gateway, a 6to4 relay, an ISATAP tunnel or the host's own IPv4 stack), so they
# are judged by the address they carry; forms where that address cannot be known for sure, or that
# are obsolete, are refused outright.
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: IPv4 in the last 32 bits
_REFUSED_IPV6 = (
    ipaddress.ip_network("64:ff9b:1::/48"),  # RFC 8215 local-use NAT64: the IPv4 may sit anywhere
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated by RFC 4291); also :: and ::1
    ipaddress.ip_network("::ffff:0:0:0/96"),  # SIIT IPv4-translated (RFC 2765)
    ipaddress.ip_network("fec0::/10"),  # site-local (deprecated, routed inside a site)
)
_ISATAP_IDS = {0x00005EFE, 0x02005EFE}  # RFC 5214 interface identifiers ::0:5efe:a.b.c.d, ::200:5efe:...


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (NAT64, mapped, 6to4, Teredo, ISATAP), if any."""
    if ip in _NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if (int(ip) >> 32) & 0xFFFFFFFF in _ISATAP_IDS:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_allowed(address: str) -> bool:
    """True when fetching from this IP address is allowed by the SSRF rules and settings."""
    if getattr(settings, "FACTDESK_FETCH_ALLOW_PRIVATE", False):
        return True
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if any(ip in net for net in _allowed_networks(tuple(getattr(settings, "FACTDESK_FETCH_ALLOW_NETWORKS", ())))):
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in _REFUSED_IPV6):
            return False
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not address_allowed(str(embedded)):
            return False
        if ip in _NAT64_WELL_KNOWN or ip.ipv4_mapped is not None:
            # Reached as the IPv4 address it carries (Python counts 64:ff9b::/96 as reserved).
            return True
    # is_global is False for private, loopback, link-local, shared (100.64/10) and unspecified
    # addresses; multicast and (in IPv6) reserved addresses can be "global" and are refused here.
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


def _resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def check_url(url: str) -> str:
    """Refuse a URL that must not be fetched (FetchError with a clear message); returns its host."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(ERROR_SCHEME, outcome=FetchOutcome.REFUSED, url=url)
    host = parts.hostname
    if not host:
        raise FetchError(ERROR_NO_HOST, outcome=FetchOutcome.REFUSED, url=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(ERROR_NO_HOST, outcome=FetchOutcome.REFUSED, url=url) from None
    if getattr(settings, "FACTDESK_FETCH_ALLOW_PRIVATE", False):
        return host
    try:
        addresses = _resolve(host, port)
    except (socket.gaierror, UnicodeError):
        raise FetchError(ERROR_UNRESOLVABLE.format(host=host), outcome=FetchOutcome.NETWORK_ERROR, url=url) from None
    # Every address must be allowed: the connection may use any of them.
    for address in addresses:
        if not address_allowed(address):
            raise FetchError(
                ERROR_PRIVATE_ADDRESS.format(host=host, address=address), outcome=FetchOutcome.REFUSED, url=url
            )
    return host


class _PeerCheckedMixin:
    """Checks the address a socket actually connected to (defeats DNS rebinding after check_url)."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        try:
            peer = sock.getpeername()[0]
        except OSError:
            sock.close()
            raise
        if not address_allowed(peer):
            sock.close()
            host = getattr(self, "host", "")
            raise FetchError(ERROR_PRIVATE_ADDRESS.format(host=host, address=peer), outcome=FetchOutcome.REFUSED)
        return sock


class _CheckedHTTPConnection(_PeerCheckedMixin, HTTPConnection):
    pass


class _CheckedHTTPSConnection(_PeerCheckedMixin, HTTPSConnection):
    pass


class _CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _CheckedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _CheckedHTTPConnectionPool,
            "https": _CheckedHTTPSConnectionPool,
        }


@functools.lru_cache(maxsize=1)
def checked_session() -> requests.Session:
    """One session per process (connection reuse) whose every new connection has its peer address
    checked; environment proxies and .netrc are ignored, so that the address checked is the address
    connected to. Callers run ``check_url`` first and send with ``allow_redirects=False``."""
    session = requests.Session()
    session.trust_env = False
    adapter = _CheckedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


# --- politeness ----------------------------------------------------------------------------------


def _wait_for_host(host: str) -> float:
    """At most one request per host per FACTDESK_FETCH_HOST_DELAY_SECONDS (a cache key as a slot).

    Returns the seconds spent waiting (not counted against the fetch's own time limit).
    """
    delay = int(getattr(settings, "FACTDESK_FETCH_HOST_DELAY_SECONDS", 0))
    if delay <= 0:
        return 0.0
    key = f"factdesk:fetch-host:{host.lower()}"
    started = time.monotonic()
    # Bounded: a host that is always busy (many feeds on one host) delays us, never blocks us.
    deadline = started + max(30, delay * 10)
    try:
        while not cache.add(key, 1, timeout=delay):
            if time.monotonic() > deadline:
                logger.warning("politeness slot for %s not obtained in time; fetching anyway", host)
                break
            time.sleep(0.1)
    except Exception as exc:  # a cache outage must not stop fetching; politeness is best effort
        logger.warning("politeness cache unavailable for %s: %s", host, exc)
    return time.monotonic() - started


# --- the fetch -----------------------------------------------------------------------------------


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header or "application/octet-stream"
    charset = message.get_param("charset")
    return message.get_content_type(), (str(charset).strip() if charset else None)


def user_agent() -> str:
    return settings.FACTDESK_FETCH_USER_AGENT


def fetch(url: str, *, etag: str = "", last_modified: str = "", accept: str = ACCEPT_HTML) -> FetchResult:
    """GET one URL under the safety rules; a FetchResult (2xx or 304) or FetchError.

    ``etag`` and ``last_modified`` (from an earlier fetch) make the request conditional: an
    unchanged resource comes back as 304 with no body.
    """
    timeout = float(settings.FACTDESK_FETCH_TIMEOUT)
    limit = int(settings.FACTDESK_FETCH_MAX_BYTES)
    max_redirects = int(settings.FACTDESK_FETCH_MAX_REDIRECTS)
    headers = {"User-Agent": user_agent(), "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = time.monotonic()
    deadline = started + timeout
    waited = 0.0  # politeness pauses: neither part of the time limit nor of the recorded duration

    def elapsed_ms() -> int:
        return int((time.monotonic() - started - waited) * 1000)

    def error(message: str, outcome: str, *, status: int | None = None, received: int = 0) -> FetchError:
        return FetchError(
            message, outcome=outcome, url=url, status_code=status, bytes_received=received, duration_ms=elapsed_ms()
        )

    current = url
    redirects: list[str] = []
    for _hop in range(max_redirects + 1):
        try:
            host = check_url(current)
        except FetchError as exc:
            raise error(exc.message, exc.outcome) from None
        pause = _wait_for_host(host)
        waited += pause
        deadline += pause
        remaining = max(0.1, deadline - time.monotonic())
        try:
            response = checked_session().get(
                current,
                headers=headers,
                timeout=(min(timeout, remaining), min(timeout, remaining)),
                allow_redirects=False,
                stream=True,
            )
        except FetchError as exc:  # the connected address was refused
            raise error(exc.message, exc.outcome) from None
        except requests.Timeout:
            raise error(ERROR_TIMEOUT.format(seconds=timeout), FetchOutcome.NETWORK_ERROR) from None
        except requests.RequestException as exc:
            raise error(ERROR_NETWORK.format(reason=network_error_reason(exc)), FetchOutcome.NETWORK_ERROR) from None
        with response:
            status = response.status_code
            if status in _REDIRECTS:
                location = response.headers.get("Location", "").strip()
                if not location:
                    raise error(ERROR_HTTP.format(status=status), FetchOutcome.HTTP_ERROR, status=status)
                current = urljoin(current, location)
                redirects.append(current)
                continue
            if status == 304:
                return FetchResult(
                    url=url,
                    final_url=current,
                    status_code=304,
                    content=b"",
                    content_type="",
                    charset=None,
                    etag=response.headers.get("ETag", etag),
                    last_modified=response.headers.get("Last-Modified", last_modified),
                    duration_ms=elapsed_ms(),
                    redirects=tuple(redirects),
                )
            if not 200 <= status < 300:
                raise error(ERROR_HTTP.format(status=status), FetchOutcome.HTTP_ERROR, status=status)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise error(ERROR_TOO_LARGE.format(limit=limit), FetchOutcome.TOO_LARGE, status=status)
            body = bytearray()
            try:
                for chunk in response.iter_content(_CHUNK):
                    body.extend(chunk)
                    if len(body) > limit:
                        raise error(
                            ERROR_TOO_LARGE.format(limit=limit), FetchOutcome.TOO_LARGE, status=status, received=len(body)
                        )
                    # The read timeout is per socket read; a server dripping bytes must still stop.
                    if time.monotonic() > deadline:
                        raise error(
                            ERROR_TIMEOUT.format(seconds=timeout),
                            FetchOutcome.NETWORK_ERROR,
                            status=status,
                            received=len(body),
                        )
            except (requests.RequestException, ReadTimeoutError) as exc:
                if _is_timeout(exc):
                    raise error(
                        ERROR_TIMEOUT.format(seconds=timeout), FetchOutcome.NETWORK_ERROR, status=status, received=len(body)
                    ) from None
                raise error(
                    ERROR_NETWORK.format(reason=network_error_reason(exc)), FetchOutcome.NETWORK_ERROR, status=status, received=len(body)
                ) from None
            content_type, charset = _content_type(response.headers.get("Content-Type", ""))
            return FetchResult(
                url=url,
                final_url=current,
                status_code=status,
                content=bytes(body),
                content_type=content_type,
                charset=charset,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                duration_ms=elapsed_ms(),
                redirects=tuple(redirects),
            )
    raise error(ERROR_TOO_MANY_REDIRECTS.format(limit=max_redirects), FetchOutcome.HTTP_ERROR)


def _is_timeout(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, requests.Timeout | ReadTimeoutError | TimeoutError | socket.timeout):
            return True
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__context__
    return False


def network_error_reason(exc: BaseException) -> str:
    """A short, human reason without urllib3's object reprs."""
    text = str(exc)
    for marker in ("Failed to establish a new connection: ", "Connection refused", "Connection reset"):
        if marker in text:
            tail = text.split(marker, 1)[1] if marker.endswith(": ") else marker
            return tail.rstrip(")'\"").split("'))")[0][:200] or marker
    return (text or type(exc).__name__)[:200]
