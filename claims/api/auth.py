"""Partner API (interface): API-key authentication, scope permissions and throttles.

A partner sends ``Authorization: Api-Key <prefix>.<secret>``; the key's hashing, the pepper and
its canary live below the API in claims.partners.keys. Failed keys are limited per client address
here, before DRF's throttles (which run after authentication).
"""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from rest_framework import exceptions, permissions, throttling
from rest_framework.request import Request

from claims.models import PartnerKey, PartnerScope
from claims.partners.keys import CANARY_PREFIX, partner_key_hash, partner_key_mark_used
from factdesk.cache import throttle_cache
from factdesk.middleware import client_ip, rate_exceeded, rate_hit
from factdesk.queries import CompiledLookup

KEYWORD = "Api-Key"

# Messages shown to partners; tests reuse them.
ERROR_KEY_MALFORMED = "Malformed API key; send 'Authorization: Api-Key <prefix>.<secret>'."
ERROR_KEY_INVALID = "Invalid or revoked API key."
ERROR_KEY_REQUIRED = "An API key is required: send 'Authorization: Api-Key <prefix>.<secret>'."
ERROR_SCOPE = "This API key does not have the '{scope}' scope."
ERROR_KEY_THROTTLED = "Too many failed API-key attempts from this address."
_FAILURE_SCOPE = "api-key-failures"
# The key of every authenticated request, by its prefix; compiled once per process (factdesk.queries).
_KEY_BY_PREFIX = CompiledLookup(lambda prefix: PartnerKey.objects.filter(prefix=prefix), 1)


class ApiKeyAuthentication:
    """DRF authentication by partner API key; anonymous when no Api-Key header is sent.

    Authenticated requests carry ``request.auth`` = the PartnerKey and an anonymous user: a
    partner is not a desk user and can never reach the admin or write as one.
    """

    def authenticate(self, request: Request) -> tuple[Any, PartnerKey] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        keyword, _, value = header.partition(" ")
        if keyword.lower() != KEYWORD.lower():
            return None
        # Authentication runs before DRF's throttles, so failed keys are limited here, per client
        # address: past the limit every key attempt from that address waits (429 + Retry-After).
        client, rate = client_ip(request), settings.FACTDESK_THROTTLE_KEY_FAILURES
        wait = rate_exceeded(_FAILURE_SCOPE, client, rate)
        if wait is not None:
            raise exceptions.Throttled(wait=wait, detail=ERROR_KEY_THROTTLED)
        try:
            return self._check_key(value)
        except exceptions.AuthenticationFailed:
            rate_hit(_FAILURE_SCOPE, client, rate)
            raise

    def _check_key(self, value: str) -> tuple[Any, PartnerKey]:
        prefix, dot, secret = value.strip().partition(".")
        if not dot or not prefix or not secret or len(prefix) > 12:
            raise exceptions.AuthenticationFailed(ERROR_KEY_MALFORMED)
        if prefix == CANARY_PREFIX:  # never a key, whatever its flags say
            raise exceptions.AuthenticationFailed(ERROR_KEY_INVALID)
        key = _KEY_BY_PREFIX.first(prefix)
        # Compare even when the prefix is unknown, so timing does not tell prefixes apart.
        stored = key.key_hash if key is not None else partner_key_hash("-")
        if not hmac.compare_digest(stored, partner_key_hash(value.strip())) or key is None:
            raise exceptions.AuthenticationFailed(ERROR_KEY_INVALID)
        if not key.active or key.revoked_at is not None:
            raise exceptions.AuthenticationFailed(ERROR_KEY_INVALID)
        partner_key_mark_used(key)
        return AnonymousUser(), key

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 for missing or bad keys.
        return KEYWORD


def request_partner(request: Request) -> PartnerKey | None:
    """The partner key that authenticated this request, if any."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, PartnerKey) else None


class _HasScope(permissions.BasePermission):
    scope = ""

    def has_permission(self, request: Request, view) -> bool:
        key = request_partner(request)
        if key is None:
            raise exceptions.NotAuthenticated(ERROR_KEY_REQUIRED)
        if self.scope not in (key.scopes or []):
            raise exceptions.PermissionDenied(ERROR_SCOPE.format(scope=self.scope))
        return True


class HasIngestScope(_HasScope):
    """Write endpoints: a valid key with the 'ingest' scope (401 without a key, 403 without the scope)."""

    scope = PartnerScope.INGEST


class _SettingsRateThrottle(throttling.SimpleRateThrottle):
    """Reads its rate from settings at request time (DRF binds rates at import), so tests and
    deployments can change REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'] without a restart."""

    # Shared Redis while it answers, a per-process limit while it does not (never no limit).
    cache = throttle_cache

    def get_rate(self) -> str | None:
        return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class ReadRateThrottle(_SettingsRateThrottle):
    """Read endpoints: anonymous callers by client IP at the 'anon' rate, partners by key at 'partner'."""

    scope = "anon"

    def get_cache_key(self, request: Request, view) -> str:
        key = request_partner(request)
        if key is not None:
            self.scope = "partner"
            self.rate = self.get_rate()
            self.num_requests, self.duration = self.parse_rate(self.rate)
            return self.cache_format % {"scope": "partner", "ident": key.pk}
        self.scope = "anon"
        return self.cache_format % {"scope": "anon", "ident": self.get_ident(request)}


class IngestRateThrottle(_SettingsRateThrottle):
    """Article submissions, per partner key, at the 'ingest' rate."""

    scope = "ingest"

    def get_cache_key(self, request: Request, view) -> str | None:
        key = request_partner(request)
        ident = f"key{key.pk}" if key is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
