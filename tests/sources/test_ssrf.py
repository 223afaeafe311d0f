"""SSRF: private, loopback, link-local and reserved addresses are refused, at every hop and at connect."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sources import fetching
from sources.fetching import FetchError
from sources.models import Article, FetchLog, FetchOutcome
from sources.services import article_ingest_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def strict(fetch_settings):
    """The production rule: nothing private is reachable."""
    fetch_settings.FACTDESK_FETCH_ALLOW_PRIVATE = False
    return fetch_settings


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
     "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:a00:1::",
     "::"],
)
def test_non_public_addresses_are_not_allowed(strict, address):
    assert not fetching.address_allowed(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "203.74.205.1", "2001:4860:4860::8888"])
def test_public_addresses_are_allowed(strict, address):
    assert fetching.address_allowed(address)


def test_setting_and_allow_list_open_exactly_what_they_name(strict):
    strict.FACTDESK_FETCH_ALLOW_NETWORKS = ["10.20.0.0/16"]
    assert fetching.address_allowed("10.20.5.5") and not fetching.address_allowed("10.21.0.1")
    strict.FACTDESK_FETCH_ALLOW_PRIVATE = True
    assert fetching.address_allowed("127.0.0.1")


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]/x", "http://10.1.2.3/",
                                 "http://169.254.169.254/latest/meta-data/", "http://0x7f000001/", "http://2130706433/"])
def test_urls_resolving_to_private_addresses_are_refused_with_a_clear_message(strict, url):
    with pytest.raises(FetchError) as info:
        fetching.fetch(url)
    assert info.value.outcome == FetchOutcome.REFUSED
    assert info.value.message.startswith("Refused: ")
    assert "private, loopback, link-local or reserved address" in info.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1:6379/_FLUSHALL",
                                 "javascript:alert(1)"])
def test_other_schemes_are_refused(strict, url):
    with pytest.raises(FetchError) as info:
        fetching.fetch(url)
    assert info.value.message == fetching.ERROR_SCHEME


def test_the_local_server_is_refused_without_the_setting_and_never_contacted(site, strict):
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url("/articles/en-utf8.html"))
    assert info.value.message == fetching.ERROR_PRIVATE_ADDRESS.format(host="127.0.0.1", address="127.0.0.1")
    assert site.requests == []


@pytest.mark.parametrize(
    ("path", "address"), [("/redirect/private", "10.1.2.3"), ("/redirect/metadata", "169.254.169.254")]
)
def test_every_redirect_hop_is_checked_again(site, strict, path, address):
    strict.FACTDESK_FETCH_ALLOW_NETWORKS = ["127.0.0.1/32"]  # the first hop (our server) is allowed
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url(path))
    assert info.value.outcome == FetchOutcome.REFUSED
    assert f"resolves to {address}" in info.value.message
    assert site.hits(path) == 1


def test_dns_rebinding_is_caught_at_connect_time(site, strict, monkeypatch):
    # The check sees a public answer; the connection then lands on 127.0.0.1 (a rebinding DNS).
    monkeypatch.setattr(fetching, "_resolve", lambda host, port: ["93.184.216.34"])
    with pytest.raises(FetchError) as info:
        fetching.fetch(site.url("/articles/en-utf8.html"))
    assert info.value.outcome == FetchOutcome.REFUSED
    assert "resolves to 127.0.0.1" in info.value.message
    assert site.requests == []  # refused after connect, before a byte of the request was sent


@pytest.mark.django_db
def test_url_ingest_of_a_private_address_is_refused_and_recorded(site, strict):
    url = site.url("/articles/tw-big5.html")
    with pytest.raises(FetchError) as info:
        article_ingest_url(url)
    assert info.value.field == "url"
    log = FetchLog.objects.get()
    assert (log.url, log.outcome, log.detail) == (url, FetchOutcome.REFUSED, info.value.message)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(("value", "ok"), [("1", True), ("off", True), ("maybe", False)])
def test_allow_private_setting_is_parsed_strictly(value, ok):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_FETCH")}
    env.update(FACTDESK_FETCH_ALLOW_PRIVATE=value, DJANGO_SETTINGS_MODULE="factdesk.settings")
    code = "from django.conf import settings; print(settings.FACTDESK_FETCH_ALLOW_PRIVATE)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    if ok:
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ("True" if value == "1" else "False")
    else:
        assert result.returncode != 0
        assert "FACTDESK_FETCH_ALLOW_PRIVATE must be one of" in result.stderr


def test_an_allow_list_entry_that_is_not_a_network_stops_start_up():
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_FETCH")}
    env.update(FACTDESK_FETCH_ALLOW_NETWORKS="10.20.0.0/16,intranet", DJANGO_SETTINGS_MODULE="factdesk.settings")
    code = "from django.conf import settings; print(settings.FACTDESK_FETCH_ALLOW_NETWORKS)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "FACTDESK_FETCH_ALLOW_NETWORKS: 'intranet' is not an IP network" in result.stderr


# IPv6 forms that carry an IPv4 address: judged by the address they carry (NAT64 well-known prefix,
# IPv4-mapped, 6to4, ISATAP) or refused outright where the carried address cannot be known or the
# form is obsolete (NAT64 local-use prefix, IPv4-compatible, SIIT-translated, site-local).
EMBEDDED_IPV4_TABLE = [
    ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
    ("64:ff9b::127.0.0.1", False),
    ("64:ff9b::a00:5", False),  # NAT64 of 10.0.0.5
    ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254 (cloud metadata)
    ("64:ff9b::c0a8:101", False),  # NAT64 of 192.168.1.1
    ("64:ff9b::6440:1", False),  # NAT64 of 100.64.0.1 (shared address space)
    ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8: a public IPv4 host seen from an IPv6-only network
    ("64:ff9b:1::7f00:1", False),  # local-use NAT64 prefix (RFC 8215): refused whatever it carries
    ("64:ff9b:1::808:808", False),
    ("64:ff9b:1:ffff::1", False),
    ("::7f00:1", False),  # IPv4-compatible (deprecated) 127.0.0.1
    ("::808:808", False),  # IPv4-compatible: refused outright
    ("::ffff:0:7f00:1", False),  # SIIT IPv4-translated 127.0.0.1
    ("::ffff:0:808:808", False),
    ("::ffff:127.0.0.1", False),  # IPv4-mapped
    ("::ffff:169.254.169.254", False),
    ("::ffff:8.8.8.8", True),
    ("2002:7f00:1::1", False),  # 6to4 of 127.0.0.1
    ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
    ("2607:f8b0:4005::5efe:7f00:1", False),  # ISATAP interface id carrying 127.0.0.1
    ("2607:f8b0:4005::200:5efe:a00:1", False),  # ISATAP (global bit) carrying 10.0.0.1
    ("fec0::1", False),  # site-local (deprecated, routed internally)
    ("100::1", False),  # discard-only
    ("2001:db8::1", False),  # documentation
    ("ff0e::1", False),  # global-scope multicast
    ("2001:4860:4860::8888", True),
    ("2606:4700:4700::1111", True),
]


@pytest.mark.parametrize(("address", "allowed"), EMBEDDED_IPV4_TABLE, ids=[a for a, _ in EMBEDDED_IPV4_TABLE])
def test_ipv4_embedding_ipv6_forms_are_judged_by_what_they_carry(strict, address, allowed):
    assert fetching.address_allowed(address) is allowed


def test_allow_list_applies_to_the_ipv4_a_nat64_address_carries(strict):
    strict.FACTDESK_FETCH_ALLOW_NETWORKS = ["10.20.0.0/16"]
    assert fetching.address_allowed("64:ff9b::a14:505")  # 10.20.5.5
    assert not fetching.address_allowed("64:ff9b::a15:1")  # 10.21.0.1


def test_a_url_naming_a_nat64_loopback_is_refused_and_never_contacted(strict):
    with pytest.raises(FetchError) as info:
        fetching.fetch("http://[64:ff9b::7f00:1]:9/x")
    assert info.value.outcome == FetchOutcome.REFUSED
    assert info.value.message == fetching.ERROR_PRIVATE_ADDRESS.format(host="64:ff9b::7f00:1", address="64:ff9b::7f00:1")
