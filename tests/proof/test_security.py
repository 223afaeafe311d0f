"""Security proof: nothing unpublished leaks, user text is escaped everywhere, forms need CSRF
tokens, production responses carry the security headers, and writes need a valid API key.

The leak sweep discovers the public URL patterns from Django's resolver, so a page or endpoint
added later is swept too (by every object id when it takes a ``pk``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from claims import services
from claims.models import Claim, PartnerKey, ReviewState, Speaker, Stance, Statement, Verdict
from sources.models import Article
from tests.api_errors import tombstone
from tests.factories import make_article, make_outlet, make_speaker, make_statement, make_user

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db

# Every hidden text carries one of these (ASCII, so no escaping or script folding can hide it)
# next to a word the public claim also uses, so that searches for that word reach it.
SHARED_ZH = "潛艇預算"
SHARED_EN = "submarine budget"
MARK = {
    "draft_verdict": "LEAKMARKDRAFTVERDICT",
    "draft_summary": "LEAKMARKDRAFTSUMMARY",
    "unpublished_claim": "LEAKMARKUNPUBCLAIM",
    "unpublished_statement": "LEAKMARKUNPUBSTATEMENT",
    "unpublished_verdict": "LEAKMARKUNPUBVERDICT",
    "unpublished_speaker": "LEAKMARKUNPUBSPEAKER",
    "unpublished_article_title": "LEAKMARKUNPUBARTICLE",
    "rejected_statement": "LEAKMARKREJECTED",
    "rejected_speaker": "LEAKMARKREJSPEAKER",
    "candidate_statement": "LEAKMARKCANDIDATE",
    "candidate_speaker": "LEAKMARKCANDSPEAKER",
    "candidate_stance_cue": "LEAKMARKSTANCECUE",
    "candidate_stance_speaker": "LEAKMARKSTANCESPEAKER",
    "article_body": "LEAKMARKBODY",
    "draft_only_claim": "LEAKMARKDRAFTONLYCLAIM",
}


@dataclass
class World:
    public_claim: Claim
    public_speaker: Speaker
    public_article: Article
    hidden_claims: list[Claim]
    hidden_speakers: list[Speaker]
    hidden_articles: list[Article]
    statements: list[Statement]
    verdicts: list[Verdict]


def _quote_article(quotes: list[str], *, title: str = "", extra: str = "", outlet=None, language="zh-Hant") -> Article:
    body = extra + "".join(f"某官員表示:「{q}」。\n" for q in quotes) + extra
    return make_article(body, title=title, outlet=outlet, language=language, url="")


def _statement(article: Article, text: str, speaker: Speaker) -> Statement:
    return make_statement(article, text=text, speaker=speaker)


@pytest.fixture
def world(db) -> World:
    """Public material beside every kind of unpublished material, each marked."""
    editor = make_user(superuser=True)
    outlet = make_outlet("中央社")
    public_speaker = make_speaker("顧立雄", title="國防部長")
    public_text = f"今年{SHARED_ZH}將增加百分之十 {SHARED_EN}"
    rejected_text = f"{SHARED_ZH}是假的 {MARK['rejected_statement']}"
    candidate_text = f"{SHARED_ZH}沒有問題 {MARK['candidate_statement']}"
    article = _quote_article(
        [public_text, rejected_text, candidate_text],
        title="國防預算記者會",
        extra=f"這段文字只在內文 {MARK['article_body']} {SHARED_ZH}。\n",
        outlet=outlet,
    )
    public_stmt = services.statement_accept(_statement(article, public_text, public_speaker), user=editor)
    claim = public_stmt.claim
    first = services.verdict_draft(claim=claim, user=editor, rating="false", summary="國防部資料不符",
                                   explanation="Checked against the budget.")
    services.verdict_publish(first, user=editor)
    # A newer draft verdict on the public claim: never shown until published.
    draft = services.verdict_draft(claim=claim, user=editor, rating="true", summary=MARK["draft_summary"],
                                   explanation=f"{SHARED_ZH} {MARK['draft_verdict']}")
    # A rejected statement that was first accepted into the public claim, by its own speaker.
    rejected = _statement(article, rejected_text, make_speaker(MARK["rejected_speaker"]))
    services.statement_accept(rejected, user=editor, claim=claim)
    rejected = services.statement_reject(rejected, user=editor, reason="wrong speaker")
    # A candidate statement by a speaker with nothing public.
    candidate = _statement(article, candidate_text, make_speaker(MARK["candidate_speaker"]))
    # A candidate stance on the public claim.
    Stance.objects.create(
        speaker=make_speaker(MARK["candidate_stance_speaker"]), polarity="oppose", claim=claim,
        target_statement=public_stmt, article=article, cue=MARK["candidate_stance_cue"],
    )
    # A claim that had a published verdict and was then unpublished, in its own article.
    unpub_text = f"{SHARED_ZH}已經用完 {MARK['unpublished_statement']}"
    unpub_article = _quote_article([unpub_text], title=MARK["unpublished_article_title"])
    unpub_speaker = make_speaker(MARK["unpublished_speaker"])
    unpub_stmt = services.statement_accept(
        _statement(unpub_article, unpub_text, unpub_speaker), user=editor,
        new_claim_text=f"{SHARED_ZH} {SHARED_EN} {MARK['unpublished_claim']}",
    )
    unpub_claim = unpub_stmt.claim
    unpub_verdict = services.verdict_draft(claim=unpub_claim, user=editor, rating="false",
                                           summary=MARK["unpublished_verdict"], explanation=MARK["unpublished_verdict"])
    services.verdict_publish(unpub_verdict, user=editor)
    services.claim_unpublish(Claim.objects.get(pk=unpub_claim.pk), user=editor)
    # A claim that only has a draft verdict (never published).
    draft_only = services.claim_create(text=f"{SHARED_ZH} {SHARED_EN} {MARK['draft_only_claim']}", language="zh-Hant")
    services.verdict_draft(claim=draft_only, user=editor, rating="false", explanation=MARK["draft_only_claim"])
    return World(
        public_claim=Claim.objects.get(pk=claim.pk),
        public_speaker=public_speaker,
        public_article=article,
        hidden_claims=[Claim.objects.get(pk=unpub_claim.pk), draft_only],
        hidden_speakers=list(Speaker.objects.filter(name__startswith="LEAKMARK")),
        hidden_articles=[unpub_article],
        statements=[public_stmt, rejected, candidate, unpub_stmt],
        verdicts=[first, draft, unpub_verdict],
    )


# --- URL discovery -----------------------------------------------------------------------------

# Routes that are not public reads, with the reason they are left out of the leak sweep.
EXCLUDED_NAMESPACES = {"admin": "login required (covered by the admin tests below)"}
EXCLUDED_NAMES = {
    "v1:article-submit": "a write (POST); covered by the API key tests below",
    "v1:article-status": "readable only by the partner key that submitted the article (by design)",
    "claims:set-language": "sets a cookie and redirects; shows no data",
    "v1:check-request-create": "a write (POST) open to readers; returns only a count and a public claim (tests below)",
    "set_language": "Django's language POST view; shows no data",
}


def public_route_names() -> list[tuple[str, list[str]]]:
    """(qualified name, converter keyword names) of every named route outside the admin."""
    found: list[tuple[str, list[str]]] = []

    def walk(patterns, namespace: str, params: list[str]) -> None:
        for entry in patterns:
            keys = list(entry.pattern.converters) if hasattr(entry.pattern, "converters") else []
            if isinstance(entry, URLResolver):
                ns = entry.namespace
                if ns in EXCLUDED_NAMESPACES:
                    continue
                walk(entry.url_patterns, f"{namespace}{ns}:" if ns else namespace, params + keys)
            elif isinstance(entry, URLPattern) and entry.name:
                found.append((f"{namespace}{entry.name}", params + keys))

    walk(get_resolver().url_patterns, "", [])
    return found


def sweep_paths(w: World) -> Iterator[str]:
    """Every public URL with every relevant object and query, including hidden objects' ids."""
    claims = [w.public_claim, *w.hidden_claims]
    speakers = [w.public_speaker, *w.hidden_speakers]
    articles = [w.public_article, *w.hidden_articles]
    all_ids = sorted({o.pk for o in [*claims, *speakers, *articles, *w.statements, *w.verdicts]})
    specific = {
        "claims:claim-detail": [{"pk": c.pk, "slug": c.slug} for c in claims],
        "claims:speaker-detail": [{"pk": s.pk, "slug": s.slug} for s in speakers],
        "v1:claim-detail": [{"pk": c.pk} for c in claims],
        "v1:speaker-detail": [{"pk": s.pk} for s in speakers],
        "v1:article-detail": [{"pk": a.pk} for a in articles],
        "claims:claim-short": [{"pk": c.pk} for c in claims],
        "claims:article-detail": [{"pk": a.pk} for a in articles],
        "v1:speaker-flips": [{"pk": s.pk} for s in speakers],
        "open-data-file": [{"name": name} for name in OPEN_DATA_NAMES],
        "claims:open-data-file-moved": [{"name": name} for name in OPEN_DATA_NAMES],
    }
    queries = {
        "claims:home": ["", f"?q={SHARED_ZH}", f"?speaker={w.hidden_speakers[0].pk}", "?language=zh-Hant"],
        "claims:search": ["", f"?q={SHARED_ZH}", f"?q={SHARED_EN}", "?q=潜艇预算", "?q=預算"]
        + [f"?speaker={s.pk}" for s in speakers],
        "v1:claim-list": ["", f"?q={SHARED_ZH}", f"?q={SHARED_EN}", "?language=zh",
                          "?updated_since=2000-01-01T00:00:00Z"]  # tombstones of withdrawn claims included
        + [f"?speaker={s.pk}" for s in speakers],
        "v1:claim-search": [f"?query={SHARED_ZH}", f"?query={SHARED_EN}", "?languageCode=zh", ""],
        "v1:speaker-list": ["", f"?q={SHARED_ZH}"],
        "v1:claimreview-feed": ["", "?language=zh-Hant", "?updated_since=2000-01-01T00:00:00Z"],
    }
    for name, params in public_route_names():
        if name in EXCLUDED_NAMES:
            continue
        kwargs_list = specific.get(name)
        if kwargs_list is None:
            if not params:
                kwargs_list = [{}]
            elif params == ["pk"]:
                kwargs_list = [{"pk": pk} for pk in all_ids]
            else:
                continue  # unknown parameters: cannot be generated (none today)
        for kwargs in kwargs_list:
            try:
                path = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue  # not built yet
            for query in queries.get(name, [""]):
                yield path + query
    # Error pages: an unknown page, an unknown API object, a malformed API filter.
    yield "/no-such-page/"
    yield "/api/v1/claims/999999999/"
    yield "/api/v1/claims/?cursor=garbage"
    yield "/api/v1/claims:search?pageToken=garbage"


@pytest.fixture(autouse=True)
def _open_data_of_the_world(request, settings, tmp_path):
    """The served open-data folder holds a dump of the world, so the sweep reads /data/ and every file."""
    settings.FACTDESK_OPEN_DATA_DIR = tmp_path / "opendata"
    if "world" in request.fixturenames:
        request.getfixturevalue("world")
        services.open_data_export(settings.FACTDESK_OPEN_DATA_DIR)


OPEN_DATA_NAMES = [f"{table}.{ext}" for table in ("claims", "statements", "stances", "speakers", "verdicts")
                   for ext in ("csv", "jsonl")] + ["manifest.json", "LICENSE.txt", "SHA256SUMS"]


def test_open_data_dumps_contain_no_unpublished_material(world: World, tmp_path):
    out = tmp_path / "dump"
    written = services.open_data_export(out)
    assert len(written) == 13
    for path in written:
        body = path.read_text(encoding="utf-8")
        leaked = [key for key, marker in MARK.items() if marker in body]
        assert not leaked, f"{path.name} leaks {leaked}"
    # The dump reached the public material (so it would have seen the hidden material beside it).
    assert SHARED_ZH in (out / "claims.jsonl").read_text(encoding="utf-8")
    assert world.public_speaker.name in (out / "speakers.csv").read_text(encoding="utf-8")
    assert "國防部資料不符" in (out / "verdicts.jsonl").read_text(encoding="utf-8")


def test_check_requests_return_no_unpublished_claim_and_no_contact(client, world: World):
    for hidden in world.hidden_claims:
        answer = client.post("/api/v1/check-requests/", {"text": hidden.text, "contact": "reader@example.org"},
                             content_type="application/json")
        assert answer.status_code == 201
        body = answer.content.decode()
        assert answer.json()["claim"] is None
        assert not [m for m in MARK.values() if m in body] and "reader@example.org" not in body
    public = client.post("/api/v1/check-requests/", {"text": world.public_claim.text}, content_type="application/json")
    assert public.json()["claim"]["id"] == world.public_claim.pk


def test_sweep_covers_the_public_pages_and_endpoints_that_exist():
    names = {name for name, _ in public_route_names()}
    expected = {"claims:home", "claims:search", "claims:claim-detail", "claims:speaker-detail", "claims:article-detail",
                "v1:claim-list", "v1:claim-detail", "v1:claimreview-feed", "v1:claim-search", "healthz",
                "claims:ask", "claims:open-data", "open-data-file", "claims:open-data-file-moved", "v1:speaker-flips"}
    assert expected <= names, expected - names


def test_no_unpublished_material_appears_in_any_public_response(client, world: World):
    checked = 0
    for path in sweep_paths(world):
        # API paths also as the browsable API's HTML page.
        variants = [{}, {"HTTP_ACCEPT": "text/html"}] if path.startswith("/api/") else [{}]
        for headers in variants:
            response = client.get(path, follow=True, **headers)
            assert response.status_code < 500, (path, response.status_code)
            raw = b"".join(response.streaming_content) if response.streaming else response.content  # /data/ files
            body = raw.decode("utf-8", errors="replace")
            leaked = [key for key, marker in MARK.items() if marker in body]
            assert not leaked, f"{path} ({response.status_code}) leaks {leaked}"
            checked += 1
    assert checked > 40
    # The sweep reached the public material (so it would have seen the hidden material next to it).
    assert client.get(reverse("claims:claim-detail", kwargs={"pk": world.public_claim.pk,
                                                             "slug": world.public_claim.slug})).status_code == 200
    assert SHARED_ZH in client.get(f"/zh-hant/search/?q={SHARED_ZH}").content.decode()


def test_hidden_objects_are_not_found_by_id(client, world: World):
    for claim in world.hidden_claims:
        assert client.get(reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})).status_code == 404
        api = client.get(f"/api/v1/claims/{claim.pk}/")
        if claim.published_at is None:
            assert api.status_code == 404
        else:  # withdrawn after being public: a tombstone with nothing but the id and when
            assert api.status_code == 410 and set(tombstone(api)) == {"id", "url", "withdrawn", "withdrawn_at",
                                                                      "merged_into"}
    for speaker in world.hidden_speakers:
        assert client.get(reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug})).status_code == 404
        assert client.get(f"/api/v1/speakers/{speaker.pk}/").status_code == 404
    for article in world.hidden_articles:
        assert client.get(reverse("claims:article-detail", kwargs={"pk": article.pk})).status_code == 404
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404


def test_anonymous_admin_requests_show_no_data(client, world: World):
    for path in ["/admin/", "/admin/claims/claim/", "/admin/claims/statement/", f"/admin/claims/claim/{world.hidden_claims[0].pk}/change/"]:
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert not [m for m in MARK.values() if m in response.content.decode()]


# --- XSS ---------------------------------------------------------------------------------------

XSS_SCRIPT = '<script>alert("x")</script>'
XSS_ATTR = '"><img src=x onerror=alert(1)>'
RAW_FORMS = ("<script>alert(", "<img src=x onerror")


@pytest.fixture
def xss(db):
    """A published claim where every user-written field carries markup."""
    editor = make_user("xss-editor", superuser=True)
    outlet = make_outlet(f"Outlet {XSS_SCRIPT}{XSS_ATTR}")
    speaker = make_speaker(f"Speaker {XSS_SCRIPT}{XSS_ATTR}", title=f"Title {XSS_ATTR}")
    quote = f"quote {XSS_SCRIPT} and {XSS_ATTR} end"
    article = make_article(f'The minister said: "{quote}".', language="en", outlet=outlet,
                           title=f"Article {XSS_SCRIPT}{XSS_ATTR}", url="https://news.example/a/1")
    statement = services.statement_accept(make_statement(article, text=quote, speaker=speaker, language="en"),
                                          user=editor, new_claim_text=f"Claim {XSS_SCRIPT} {XSS_ATTR}")
    verdict = services.verdict_draft(
        claim=statement.claim, user=editor, rating="false", summary=f"Summary {XSS_ATTR}",
        explanation=f"Explanation {XSS_SCRIPT}",
        evidence_links=[{"url": "javascript:alert(1)", "title": f"Link {XSS_SCRIPT}"},
                        {"url": "https://evidence.example/", "title": f"Link {XSS_ATTR}"}],
    )
    services.verdict_publish(verdict, user=editor)
    Stance.objects.create(speaker=speaker, polarity="support", claim=statement.claim, cue=f"cue {XSS_SCRIPT}",
                          review_state=ReviewState.ACCEPTED, article=article)
    candidate = make_statement(make_article(f'He said: "cand {XSS_ATTR} {XSS_SCRIPT}".', language="en"),
                               text=f"cand {XSS_ATTR} {XSS_SCRIPT}", speaker=speaker, language="en")
    claim = Claim.objects.get(pk=statement.claim_id)
    return {"editor": editor, "claim": claim, "speaker": speaker, "article": article, "statement": statement,
            "candidate": candidate, "verdict": verdict, "outlet": outlet}


def assert_escaped(path: str, response, expect_text: bool = True) -> None:
    assert response.status_code == 200, (path, response.status_code)
    html = response.content.decode()
    for raw in RAW_FORMS:
        assert raw not in html, f"{path}: unescaped {raw!r}"
    assert "javascript:alert" not in html or 'href="javascript:' not in html, f"{path}: javascript: link"
    if expect_text:
        assert "&lt;script&gt;" in html or "\\u003cscript\\u003e" in html, f"{path}: the text was not shown at all"


def test_markup_in_user_text_is_escaped_on_every_public_page(client, xss):
    claim, speaker, article = xss["claim"], xss["speaker"], xss["article"]
    pages = [
        "/zh-hant/",
        "/zh-hant/search/?q=quote",
        "/zh-hant/search/?q=Claim",
        reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug}),
        reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug}),
        reverse("claims:article-detail", kwargs={"pk": article.pk}),
    ]
    for path in pages:
        assert_escaped(path, client.get(path, HTTP_ACCEPT_LANGUAGE="en"))
    # The browsable API renders JSON inside HTML.
    for path in ["/api/v1/claims/", f"/api/v1/claims/{claim.pk}/", f"/api/v1/speakers/{speaker.pk}/",
                 f"/api/v1/articles/{article.pk}/", "/api/v1/claimreview/"]:
        assert_escaped(path, client.get(path, HTTP_ACCEPT="text/html"))
    # A search query with markup is echoed escaped.
    response = client.get("/zh-hant/search/", {"q": XSS_SCRIPT + XSS_ATTR})
    assert_escaped("/zh-hant/search/?q=<markup>", response)


def test_markup_in_user_text_is_escaped_in_the_admin(client, xss):
    client.force_login(xss["editor"])
    objects = {
        "claims/claim": xss["claim"], "claims/statement": xss["statement"], "claims/speaker": xss["speaker"],
        "claims/verdict": xss["verdict"], "sources/article": xss["article"], "sources/outlet": xss["outlet"],
    }
    for model, obj in objects.items():
        # The speaker registry (hundreds of rows) would push ours off the first page: search for it.
        query = "?q=Speaker" if model == "claims/speaker" else ""
        assert_escaped(f"/admin/{model}/{query}", client.get(f"/admin/{model}/{query}"))
        path = f"/admin/{model}/{obj.pk}/change/"
        assert_escaped(path, client.get(path))
    path = f"/admin/claims/statement/{xss['candidate'].pk}/change/"
    assert_escaped(path, client.get(path))
    for path in ["/admin/claims/stance/", f"/admin/claims/claim/{xss['claim'].pk}/history/",
                 f"/admin/claims/speaker/{xss['speaker'].pk}/history/", "/admin/claims/statement/?q=quote"]:
        assert_escaped(path, client.get(path), expect_text=False)


# --- CSRF --------------------------------------------------------------------------------------


def test_admin_login_without_csrf_token_is_refused(world: World):
    make_user("csrf-admin", superuser=True, password="pw-Factdesk-1")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "csrf-admin", "password": "pw-Factdesk-1"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    # With the token from the form it works (the refusal above is the token, not the credentials).
    page = client.get("/admin/login/")
    token = page.cookies["csrftoken"].value
    response = client.post("/admin/login/", {"username": "csrf-admin", "password": "pw-Factdesk-1",
                                             "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_every_admin_and_language_form_refuses_a_post_without_csrf_token(world: World):
    user = make_user("csrf-editor", superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    candidate = next(s for s in world.statements if s.review_state == ReviewState.CANDIDATE)
    draft = next(v for v in world.verdicts if v.status == "draft")
    posts = [
        ("admin:claims_statement_accept", [candidate.pk], {}),
        ("admin:claims_statement_reject", [candidate.pk], {"reason": "x"}),
        ("admin:claims_statement_split", [candidate.pk], {}),
        ("admin:claims_verdict_publish", [draft.pk], {}),
        ("admin:claims_statement_rerun", [world.public_article.pk], {"confirm": "yes"}),
        ("admin:sources_article_add", [], {"text": "外交部表示:「測試。」"}),
        ("admin:claims_claim_add", [], {"text": "new claim"}),
        ("admin:claims_claim_change", [world.public_claim.pk], {"text": "changed"}),
        ("admin:claims_speaker_add", [], {"name": "new speaker"}),
        ("admin:claims_partnerkey_add", [], {"name": "p", "scopes": ["read"]}),
        ("admin:sources_feed_submit_url", [], {"url": "https://news.example/a"}),
        ("admin:claims_claim_changelist", [], {"action": "delete_selected", "_selected_action": [world.public_claim.pk]}),
        ("admin:logout", [], {}),
        ("claims:ask", [], {"text": "外交部表示這是一個需要查核的說法"}),
        ("set_language", [], {"language": "en"}),
    ]
    before = (Claim.objects.count(), Statement.objects.filter(review_state=ReviewState.CANDIDATE).count(),
              Verdict.objects.filter(status="published").count(), Article.objects.count(), Speaker.objects.count(),
              PartnerKey.objects.count())
    tried = 0
    for name, args, data in posts:
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            continue  # that form does not exist in this build
        response = client.post(path, data)
        assert response.status_code == 403, (name, response.status_code)
        tried += 1
    assert tried >= 8
    after = (Claim.objects.count(), Statement.objects.filter(review_state=ReviewState.CANDIDATE).count(),
             Verdict.objects.filter(status="published").count(), Article.objects.count(), Speaker.objects.count(),
             PartnerKey.objects.count())
    assert after == before
    assert Claim.objects.get(pk=world.public_claim.pk).text == world.public_claim.text


def test_public_pages_accept_no_posts_and_a_session_cannot_write_through_the_api(world: World):
    """Public forms are GET forms; the API writes with keys only, so a logged-in browser is no lever."""
    client = Client(enforce_csrf_checks=False)
    client.force_login(make_user("session-user", superuser=True))
    for path in ["/zh-hant/", "/zh-hant/search/", reverse("claims:claim-detail", kwargs={"pk": world.public_claim.pk,
                                                                       "slug": world.public_claim.slug})]:
        assert client.post(path, {"q": "x"}).status_code == 405
    before = Article.objects.count()
    response = client.post("/api/v1/articles/", {"text": "外交部表示:「測試。」"}, content_type="application/json")
    assert response.status_code == 401
    assert Article.objects.count() == before


# --- production headers ------------------------------------------------------------------------

PROD_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-prod-secret-" + "y" * 40,
    "DJANGO_ALLOWED_HOSTS": "factdesk.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
}
# Runs in a subprocess with production settings. Static file URLs come from the plain storage
# (the manifest storage needs `collectstatic`, which has nothing to do with headers).
PROD_PROBE = r"""
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
c = Client(HTTP_HOST="factdesk.example.org")
out = {}
for name, path, secure in [("health", "/healthz", True), ("missing", "/no-such-page/", True),
                           ("login", "/admin/login/", True), ("schema", "/api/schema/", True),
                           ("plain", "/healthz", False)]:
    r = c.get(path, secure=secure)
    out[name] = {"status": r.status_code, "headers": dict(r.headers), "location": r.get("Location", ""),
                 "cookies": {k: {"secure": bool(v["secure"]), "httponly": bool(v["httponly"])} for k, v in r.cookies.items()}}
print("PROBE" + json.dumps(out))
"""


@pytest.fixture(scope="module")
def production_responses() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTDESK_", "CELERY_", "DATABASE_"))}
    env.update(PROD_ENV, DJANGO_SETTINGS_MODULE="factdesk.settings")
    result = subprocess.run([sys.executable, "-c", PROD_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE"))
    return json.loads(line[len("PROBE"):])


def _headers(entry: dict) -> dict:
    return {k.lower(): v for k, v in entry["headers"].items()}


def test_production_responses_carry_the_security_headers(production_responses):
    for name in ("health", "missing", "login"):
        entry = production_responses[name]
        headers = _headers(entry)
        assert headers.get("x-frame-options") == "DENY", name
        assert headers.get("x-content-type-options") == "nosniff", name
        assert headers.get("referrer-policy") == "same-origin", name
        hsts = headers.get("strict-transport-security", "")
        assert "max-age=31536000" in hsts and "includeSubDomains" in hsts, (name, hsts)
    for name in ("health", "missing"):
        csp = _headers(production_responses[name]).get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp, (name, csp)
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp, csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp


def test_production_redirects_plain_http_and_sets_secure_cookies(production_responses):
    plain = production_responses["plain"]
    assert plain["status"] == 301
    assert plain["location"].startswith("https://factdesk.example.org/")
    assert "strict-transport-security" not in _headers(plain)  # HSTS only over HTTPS
    login = production_responses["login"]
    assert login["status"] == 200
    assert login["cookies"]["csrftoken"]["secure"]


# --- API keys ----------------------------------------------------------------------------------

ARTICLE = {"text": "外交部發言人表示:「我們將持續與理念相近國家合作。」"}


def test_writes_without_a_valid_key_fail_and_nothing_is_stored():
    editor = make_user(superuser=True)
    _, good = services.partner_key_create("writer", ["ingest"], user=editor)
    _, read_only = services.partner_key_create("reader", ["read"], user=editor)
    revoked_key, revoked = services.partner_key_create("gone", ["ingest"], user=editor)
    services.partner_key_revoke(revoked_key, user=editor)
    prefix = good.split(".")[0]
    client = APIClient()
    attempts = {
        "anonymous": ({}, 401),
        "malformed": ({"HTTP_AUTHORIZATION": "Api-Key nodot"}, 401),
        "wrong secret": ({"HTTP_AUTHORIZATION": f"Api-Key {prefix}.wrong-secret"}, 401),
        "unknown prefix": ({"HTTP_AUTHORIZATION": "Api-Key ffffffff.whatever"}, 401),
        "revoked": ({"HTTP_AUTHORIZATION": f"Api-Key {revoked}"}, 401),
        "read scope only": ({"HTTP_AUTHORIZATION": f"Api-Key {read_only}"}, 403),
        "bearer scheme": ({"HTTP_AUTHORIZATION": f"Bearer {good}"}, 401),
    }
    for label, (headers, expected) in attempts.items():
        response = client.post("/api/v1/articles/", ARTICLE, format="json", **headers)
        assert response.status_code == expected, (label, response.status_code, response.content[:300])
        assert good.split(".", 1)[1] not in response.content.decode()
    assert Article.objects.count() == 0
    response = client.post("/api/v1/articles/", ARTICLE, format="json", HTTP_AUTHORIZATION=f"Api-Key {good}")
    assert response.status_code == 201
    assert Article.objects.count() == 1


def test_partner_keys_are_stored_hashed_and_never_shown_again(client):
    editor = make_user("keys-admin", superuser=True)
    key, plaintext = services.partner_key_create("hashed partner", ["read", "ingest"], user=editor)
    secret = plaintext.split(".", 1)[1]
    row = PartnerKey.objects.filter(pk=key.pk).values().get()
    assert not [field for field, value in row.items() if isinstance(value, str) and secret in value]
    assert row["key_hash"] != plaintext and len(row["key_hash"]) == 64
    client.force_login(editor)
    for path in ["/admin/claims/partnerkey/", f"/admin/claims/partnerkey/{key.pk}/change/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert secret not in response.content.decode()


def test_ingest_throttle_answers_429_after_the_rate(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                                                          "ingest": "2/min"}}
    _, plaintext = services.partner_key_create("throttled", ["ingest"])
    client = APIClient()
    codes = [
        client.post("/api/v1/articles/", {"text": f"外交部表示:「第{i}次測試。」"}, format="json",
                    HTTP_AUTHORIZATION=f"Api-Key {plaintext}").status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]
    assert Article.objects.count() == 2
