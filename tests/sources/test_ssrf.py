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
