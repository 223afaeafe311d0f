"""The public page cache: claim, speaker, article and home pages kept as rendered bytes under the
public-data version (claims.public_cache), retired by every public change, per language, never for
staff and never holding anything of one reader (issue 17)."""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from claims import services, views
from claims.public_cache import page_key
from tests.factories import (
    make_article,
    make_outlet,
    make_public_claim,
    make_speaker,
    make_statement,
    make_user,
    reverse_in,
)

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def claim_url(claim) -> str:
    return reverse_in("claims:claim-detail", pk=claim.pk, slug=claim.slug)


def speaker_url(speaker) -> str:
    return reverse_in("claims:speaker-detail", pk=speaker.pk, slug=speaker.slug)


def article_url(article_id: int) -> str:
    return reverse_in("claims:article-detail", pk=article_id)


def kept(namespace: str, path: str, language: str):
    """What the page cache holds for this URL and language at the current version."""
    return cache.get(page_key(f"html:{namespace}", f"http://testserver{path}", language))


def test_claim_page_is_served_from_the_cache_with_its_validators(client, django_assert_num_queries):
    claim = make_public_claim("離岸風電明年全部完工")
    url = claim_url(claim)
    first = client.get(url, **EN)
    assert first.status_code == 200
    assert kept("claim", url, "en") is not None
    with django_assert_num_queries(0):
        again = client.get(url, **EN)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"] and again["Last-Modified"] == first["Last-Modified"]
    assert "must-revalidate" in again["Cache-Control"]
    with django_assert_num_queries(0):
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], **EN)
    assert revalidated.status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"], **EN).status_code == 304


def test_a_published_verdict_shows_at_once_on_the_cached_claim_page(client):
    user = make_user(superuser=True)
    claim = make_public_claim("電價今年不會調漲", rating="false", user=user)
    url = claim_url(claim)
    before = client.get(url, **EN)
    assert "False" in before.content.decode() and kept("claim", url, "en") is not None
    draft = services.verdict_draft(claim=claim, user=user, rating="true", summary="新的證據顯示屬實", explanation="x")
    assert "新的證據顯示屬實" not in client.get(url, **EN).content.decode()  # a draft is not public
    services.verdict_publish(draft, user=user)
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"], **EN)
    assert after.status_code == 200
    assert "新的證據顯示屬實" in after.content.decode()


def test_a_rejected_statement_leaves_the_cached_claim_speaker_and_article_pages_at_once(client):
    user = make_user(superuser=True)
    speaker = make_speaker("林測試")
    claim = make_public_claim("第一句公開的話", speaker=speaker, user=user)
    article = make_article("林測試又說:「第二句公開的話」。")
    second = make_statement(article, text="第二句公開的話", speaker=speaker)
    services.statement_accept(second, user=user, claim=claim)
    pages = [claim_url(claim), speaker_url(speaker), article_url(article.pk)]
    for url in pages:
        assert "第二句公開的話" in client.get(url).content.decode()
        assert "第二句公開的話" in client.get(url).content.decode()  # now from the cache
    services.statement_reject(second, user=user, reason="not a claim")
    assert "第二句公開的話" not in client.get(pages[0]).content.decode()
    assert "第二句公開的話" not in client.get(pages[1]).content.decode()
    assert client.get(pages[2]).status_code == 404  # nothing public is left on that article


def test_a_renamed_speaker_shows_at_once_on_the_cached_pages(client):
    user = make_user(superuser=True)
    speaker = make_speaker("舊名字先生")
    claim = make_public_claim("核四應該重啟", speaker=speaker, user=user)
    article_id = claim.statements.get().article_id
    pages = [claim_url(claim), speaker_url(speaker), article_url(article_id), reverse_in("claims:home")]
    for url in pages:
        assert "舊名字先生" in client.get(url).content.decode()
    services.speaker_update(speaker, user=user, name="新名字先生")
    for url in pages:
        html = client.get(url).content.decode()
        assert "新名字先生" in html and "舊名字先生" not in html, url


def test_an_unpublished_claim_is_never_cached_and_leaves_the_cache_at_once(client):
    user = make_user(superuser=True)
    draft = make_statement(text="還沒發布的說法")
    draft = services.statement_accept(draft, user=user)
    url = claim_url(draft.claim)
    assert client.get(url, **EN).status_code == 404
    assert kept("claim", url, "en") is None
    assert "還沒發布的說法" not in client.get(reverse_in("claims:home"), **EN).content.decode()

    claim = make_public_claim("已經發布的說法", user=user)
    candidate = make_statement(make_article("某人說:「尚未審查的一句」。"), text="尚未審查的一句", speaker=make_speaker())
    url = claim_url(claim)
    assert client.get(url, **EN).status_code == 200
    body, _etag, _modified = kept("claim", url, "en")
    assert "尚未審查的一句".encode() not in body and candidate.pk
    services.claim_unpublish(claim, user=user, reason="checking again")
    response = client.get(url, **EN)
    assert response.status_code == 404
    assert "已經發布的說法" not in client.get(reverse_in("claims:home"), **EN).content.decode()
    assert kept("claim", url, "en") is None


def test_language_variants_do_not_leak_into_each_other(client):
    claim = make_public_claim("臺灣的失業率創新低", rating="false")
    urls = {lang: reverse_in("claims:claim-detail", lang, pk=claim.pk, slug=claim.slug)
            for lang in ("en", "zh-hans", "zh-hant")}
    assert len(set(urls.values())) == 3  # the language is in the address
    # Whatever the browser asks for, the address decides the language.
    english = client.get(urls["en"], HTTP_ACCEPT_LANGUAGE="zh-hant")
    simplified = client.get(urls["zh-hans"], **EN)
    traditional = client.get(urls["zh-hant"], **EN)
    assert "Who said it" in english.content.decode()
    assert "谁说的" in simplified.content.decode() and "Who said it" not in simplified.content.decode()
    assert "誰說的" in traditional.content.decode() and "谁说的" not in traditional.content.decode()
    assert "台湾的失业率创新低" in simplified.content.decode()  # simplified readers get converted text
    assert "臺灣的失業率創新低" in traditional.content.decode()
    for lang, url in urls.items():
        assert kept("claim", url, lang) is not None
    # Second reads come from the cache, each from its own entry.
    assert client.get(urls["zh-hans"], HTTP_ACCEPT_LANGUAGE="zh-hant").content == simplified.content
    assert client.get(urls["en"], **EN).content == english.content
    assert client.get(urls["zh-hant"], **EN).content == traditional.content
    assert len({english["ETag"], simplified["ETag"], traditional["ETag"]}) == 3
    # The language cookie does not override the address either.
    client.cookies["django_language"] = "en"
    assert client.get(urls["zh-hans"]).content == simplified.content


def test_signed_in_staff_get_fresh_pages_and_nothing_is_kept_for_them(client, django_assert_max_num_queries):
    editor = make_user(superuser=True)
    claim = make_public_claim("員工看到的頁面", user=editor)
    url = claim_url(claim)
    client.force_login(editor)
    for _ in range(2):
        with django_assert_max_num_queries(30) as queries:
            assert client.get(url, **EN).status_code == 200
        assert len(queries.captured_queries) > 0  # rendered for them every time
    assert kept("claim", url, "en") is None
    assert client.get(reverse_in("claims:home"), **EN).status_code == 200
    assert kept("claims/home.html", reverse_in("claims:home"), "en") is None
    client.logout()
    assert client.get(url, **EN).status_code == 200
    assert kept("claim", url, "en") is not None  # an anonymous reading is kept


def _request_through_middleware(path: str):
    request = RequestFactory().get(path)
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    MessageMiddleware(lambda r: HttpResponse()).process_request(request)
    return request


@pytest.mark.parametrize(
    "template",
    ["<form>{% csrf_token %}</form>", "{% for m in messages %}{{ m }}{% endfor %}"],
    ids=["csrf-token", "messages"],
)
def test_a_page_holding_something_of_its_reader_is_served_but_never_kept(template):
    request = _request_through_middleware("/a-page-for-one-reader/")
    messages.info(request, "saved")
    engine = engines["django"]
    with translation.override("en"):
        response = views._public_page(
            request, "test", lambda: HttpResponse(engine.from_string(template).render(request=request))
        )
        assert response.status_code == 200 and response.content
        key = page_key("html:test", request.build_absolute_uri(), "en")
    assert cache.get(key) is None


def test_a_page_of_public_data_only_is_kept():
    request = _request_through_middleware("/a-public-page/")
    with translation.override("en"):
        views._public_page(request, "test", lambda: HttpResponse("public words"))
        key = page_key("html:test", request.build_absolute_uri(), "en")
    assert cache.get(key)[0] == b"public words"


def test_an_outlet_renamed_or_an_article_retitled_shows_at_once_on_the_cached_pages(client):
    outlet = make_outlet("舊報社")
    claim = make_public_claim("捷運明年通車", outlet=outlet)
    article = claim.statements.get().article
    pages = [claim_url(claim), article_url(article.pk)]
    for url in pages:
        assert "舊報社" in client.get(url).content.decode()
    outlet.name = "新報社"
    outlet.save()
    for url in pages:
        html = client.get(url).content.decode()
        assert "新報社" in html and "舊報社" not in html, url
    article.title = "改過的標題"
    article.save(update_fields=["title"])
    assert "改過的標題" in client.get(article_url(article.pk)).content.decode()


def test_a_worker_marking_an_article_done_does_not_retire_the_cache(client, django_assert_num_queries):
    claim = make_public_claim("垃圾分類今年上路")
    article = claim.statements.get().article
    url = claim_url(claim)
    client.get(url)
    article.extraction_ms = 12
    article.save(update_fields=["extraction_ms", "updated_at"])
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
