"""Public pages (interface): home, search, claim, speaker and article pages, language switch, the
readers' /ask/ form and the open-data folder at /data/.

Every read goes through claims.selectors, which return only public material (published claims and
verdicts, accepted statements and stances). Anything else is a 404, whatever URL is guessed. The one
write is a reader's check request (/ask/, a CSRF-protected form) through the same service as the API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from pathlib import Path
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.functional import cached_property
from django.utils.http import http_date, parse_http_date_safe, url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from claims import selectors, services
from claims.jsonld import claim_review_jsonld, jsonld_script
from claims.models import Polarity, VerdictStatus
from claims.models.readers import REQUEST_TEXT_MAX, REQUEST_URL_MAX
from claims.presentation import absolute_url, claim_path, speaker_display_name
from claims.public_cache import read_through
from claims.ratings import Rating
from claims.templatetags.public import rating_label
from factdesk.middleware import client_ip, rate_hit

PAGE_SIZE = 20
# Shown (translated when a translation exists) on the 429 page; tests reuse it.
ERROR_TOO_MANY_SEARCHES = gettext_noop("Too many searches from your address. Please wait a minute and try again.")
ERROR_TOO_MANY_ASKS = gettext_noop("Too many check requests from your address. Please try again later.")
ERROR_HONEYPOT = gettext_noop("This request was refused.")
# Query parameters that make the home page a search (its form submits to itself).
SEARCH_PARAMETERS = ("q", "rating", "speaker", "language", "date_from", "date_to")
SPEAKER_PAGE_SIZE = 30
STANCE_LIMIT = 200

LANGUAGE_FILTERS = [
    ("", _("Any language")),
    ("zh", _("Chinese (either script)")),
    ("zh-Hant", _("Chinese (Traditional)")),
    ("zh-Hans", _("Chinese (Simplified)")),
    ("en", _("English")),
]


class SearchForm(forms.Form):
    """The search box and filters of the home and search pages (all optional, all GET)."""
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    rating = forms.ChoiceField(label=_("Rating"), required=False)
    speaker = forms.TypedChoiceField(label=_("Speaker"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGE_FILTERS)
    date_from = forms.DateField(label=_("Checked from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Checked until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [("", _("Any rating"))] + [(r.value, rating_label(r.value)) for r in Rating]
        self.fields["speaker"].choices = [("", _("Any speaker"))] + [
            (s.pk, speaker_display_name(s, get_language())) for s in selectors.speaker_public_choices()
        ]


def _vary(response: HttpResponse) -> HttpResponse:
    # The language comes from the cookie or Accept-Language: caches must key on both. A cache may
    # keep a page but must revalidate it (cheap: ETag / Last-Modified), so a new verdict shows at once.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, max_age=0, must_revalidate=True)
    return response


# --- the public page cache -------------------------------------------------------------------------


def _reader_is_staff(request: HttpRequest) -> bool:
    """A signed-in reader (desk staff): their pages are rendered for them and never cached. Without a
    session cookie nobody is signed in, and the session is not even looked up."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def _varies_by_reader(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether this rendering holds anything of its reader's: a cookie, a CSRF token, a message,
    the session, or a private/no-store answer. Such a page is served but never kept."""
    session = getattr(request, "session", None)
    storage = messages.get_messages(request) if hasattr(request, "_messages") else None
    cache_control = response.get("Cache-Control", "")
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.accessed)
        or (storage is not None and storage.used)
        or "private" in cache_control
        or "no-store" in cache_control
    )


def _public_page(request: HttpRequest, namespace: str, build) -> HttpResponse:
    """A public page served like the API's public reads: its rendered bytes and validators kept in
    the versioned public cache (claims.public_cache), which every public change retires at once.

    Keyed on the full URL and the interface language, so every language variant (and every
    language prefix of the URL) is its own entry. Only a 200 built for an anonymous reader that
    holds nothing of that reader is kept; redirects, 404s and staff renderings are built per request.
    The ETag and Last-Modified are kept with the bytes, so a revalidation costs no query either.
    """
    if _reader_is_staff(request):
        return build()
    computed: list[HttpResponse] = []

    def render() -> tuple[bytes, str, str] | None:
        response = build()
        computed.append(response)
        if response.status_code != 200 or response.streaming or _varies_by_reader(request, response):
            return None
        if not response.has_header("ETag"):
            set_response_etag(response)  # once per rendering, not per hit (as ConditionalGetMiddleware would)
        return response.content, response.get("ETag", ""), response.get("Last-Modified", "")

    # "html:", not the "page:" of the list pages' bare bytes before: a process of the previous
    # release sharing the cache during a deploy never hands this code an entry of the old shape.
    kept = read_through(f"html:{namespace}", request.build_absolute_uri(), get_language() or "", render)
    if computed:
        response = computed[0]
    else:
        body, etag, last_modified = kept
        response = _vary(HttpResponse(body))
        if etag:
            response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = last_modified
    return get_conditional_response(
        request,
        etag=response.get("ETag") or None,
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _claim_list(request: HttpRequest, template: str) -> HttpResponse:
    # The same list for every reader of one language: served from the versioned public cache.
    return _public_page(request, template, lambda: _render_claim_list(request, template))


class SearchPaginator(Paginator):
    """Counts at most ``selectors.SEARCH_COUNT_CAP`` matches; ``more`` says there are others (shown "200+").

    Ranking the first page of a common word is cheap; counting its every match at a million
    claims is not, and no reader pages past the fiftieth page of a search."""

    more = False

    @cached_property
    def count(self) -> int:
        n, self.more = selectors.search_count(self.object_list)
        return n


def _render_claim_list(request: HttpRequest, template: str) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters: dict = {}
    query = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = data["q"]
        filters = {
            "language": data["language"] or None,
            "rating": data["rating"] or None,
            "speaker": data["speaker"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }
    elif form.is_bound:
        query = ""  # invalid filters: show the form with its errors and the plain list
    claims = selectors.claim_list_with_statements(selectors.claim_search(query, **filters))
    page = SearchPaginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "query": query,
        "page": page,
        "filtered": bool(query or any(filters.values())),
        "query_string": urlencode([(k, v) for k, v in params.items() if v]),
    }
    return _vary(render(request, template, context))


def _search_limited(request: HttpRequest) -> HttpResponse | None:
    """A 429 page once this client has searched FACTDESK_THROTTLE_SEARCH times in the window.

    Each search is a full-text query, and varying the words defeats the page cache: counted per
    client address (the throttles' rule for X-Forwarded-For), cached answers included."""
    wait = rate_hit("search", client_ip(request), settings.FACTDESK_THROTTLE_SEARCH)
    if wait is None:
        return None
    response = render(request, "claims/too_many_requests.html", {"message": gettext(ERROR_TOO_MANY_SEARCHES)},
                      status=429)
    response["Retry-After"] = str(wait)
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Latest published verdicts with the search box and filters."""
    if any(request.GET.get(name) for name in SEARCH_PARAMETERS):
        limited = _search_limited(request)
        if limited is not None:
            return limited
    return _claim_list(request, "claims/home.html")


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Claims and statements matching the query (either Chinese script, or English) and filters."""
    return _search_limited(request) or _claim_list(request, "claims/search.html")


# --- claim page: cacheable -----------------------------------------------------------------------


def claim_etag(stamp: tuple, pk: int) -> str:
    """Changes with the claim, its verdict, statements and stances, and with the interface language."""
    digest = hashlib.sha256(repr((stamp, get_language(), settings.FACTDESK_SITE_URL)).encode()).hexdigest()[:32]
    return f'"claim-{pk}-{digest}"'


def _claim_canonical(claim) -> str:
    """The claim's page in the language being read (each language version is its own canonical)."""
    return claim_path(claim, get_language())


@require_safe
def claim_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One claim: verdict with its history, every statement that makes it, and who supports or opposes it.

    Served from the public page cache; a miss renders it with its validators (claim_page_stamp)."""
    return _public_page(request, "claim", lambda: _render_claim_detail(request, pk, slug))


def _render_claim_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    # The stamp first: a change committed while the page renders gives an older validator, never a newer one.
    stamp = selectors.claim_page_stamp(pk)
    claim = selectors.claim_public_get(pk)
    if claim is None or claim.merged_into_id:
        target = selectors.claim_merged_target(pk)
        if target is None:
            raise Http404
        return redirect(_claim_canonical(target), permanent=True)
    if slug != claim.slug:
        return redirect(_claim_canonical(claim), permanent=True)
    statements = list(selectors.claim_public_statements(claim))
    claim.public_statements = statements  # reused by the JSON-LD builder
    stances = selectors.stance_words_attach(selectors.claim_public_stances(claim)[:STANCE_LIMIT])
    verdict = claim.current_verdict
    if verdict is not None and verdict.status != VerdictStatus.PUBLISHED:
        verdict = None
    context = {
        "claim": claim,
        "readers_asked": stamp[2] if stamp else 0,
        "verdict": verdict,
        "verdict_log": selectors.verdict_public_log(claim) if verdict else [],
        "statements": statements,
        "supporters": [s for s in stances if s.polarity == Polarity.SUPPORT],
        "opposers": [s for s in stances if s.polarity == Polarity.OPPOSE],
        "neutral": [s for s in stances if s.polarity == Polarity.NEUTRAL],
        "jsonld": jsonld_script(claim_review_jsonld(claim, request)),
        "canonical_url": absolute_url(_claim_canonical(claim)),
    }
    response = _vary(render(request, "claims/claim_detail.html", context))
    if stamp is not None:
        response["ETag"] = claim_etag(stamp, pk)
        response["Last-Modified"] = http_date(stamp[0].timestamp())
    return response


@require_safe
def claim_short(request: HttpRequest, pk: int) -> HttpResponse:
    """``/claims/<pk>/`` without a slug: to the canonical address."""
    claim = selectors.claim_public_get(pk) or selectors.claim_merged_target(pk)
    if claim is None:
        raise Http404
    return redirect(_claim_canonical(claim), permanent=True)


# --- speaker and article pages -------------------------------------------------------------------


@require_safe
def speaker_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """A speaker's public statements and stances over time, with rating counts of what was checked."""
    return _public_page(request, "speaker", lambda: _render_speaker_detail(request, pk, slug))


def _render_speaker_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    speaker = selectors.speaker_public_get(pk)
    if speaker is None:
        raise Http404
    if speaker.merged_into_id or slug != speaker.slug:
        target = speaker.merged_into if speaker.merged_into_id else speaker
        if target is None or not selectors.speaker_has_public_material(target):
            raise Http404
        return redirect("claims:speaker-detail", pk=target.pk, slug=target.slug, permanent=True)
    if not selectors.speaker_has_public_material(speaker):
        raise Http404
    page = Paginator(selectors.speaker_public_statements(speaker), SPEAKER_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.speaker_rating_counts(speaker)
    context = {
        "speaker": speaker,
        "page": page,
        "stances": selectors.stance_words_attach(selectors.speaker_public_stances(speaker)[:STANCE_LIMIT]),
        "rating_counts": [(r.value, counts[r.value]) for r in Rating if counts.get(r.value)],
        "checked_total": sum(counts.values()),
        "flips": list(selectors.speaker_public_flips(speaker)[:STANCE_LIMIT]),
        "wikidata_url": f"https://www.wikidata.org/wiki/{speaker.wikidata_id}" if speaker.wikidata_id else "",
    }
    return _vary(render(request, "claims/speaker_detail.html", context))


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's outlet, date and link, and the statements taken from it (excerpts, never the body)."""
    return _public_page(request, "article", lambda: _render_article_detail(request, pk))


def _render_article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_public_get(pk)
    if article is None:
        raise Http404
    context = {
        "article": article,
        "statements": list(selectors.article_public_statements(article)),
        "stances": selectors.stance_words_attach(selectors.article_public_stances(article)[:STANCE_LIMIT]),
    }
    return _vary(render(request, "claims/article_detail.html", context))


# --- readers ask: /ask/ ----------------------------------------------------------------------------


class AskForm(forms.Form):
    """A reader's check request; ``website`` is a honeypot the stylesheet hides from people."""
    text = forms.CharField(label=_("What would you like us to check?"), max_length=REQUEST_TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 5}))
    url = forms.URLField(label=_("Where did you see it? (optional)"), required=False, max_length=REQUEST_URL_MAX,
                         assume_scheme="https")
    contact = forms.EmailField(label=_("Your e-mail, if you want to hear when we publish a verdict (optional; never shown)"),
                               required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_text(self) -> str:
        return services.check_request_clean_text(self.cleaned_data["text"])

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            raise ValidationError(gettext(ERROR_HONEYPOT))
        return ""


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """The readers' form: send what to check; the answer says how many asked and links a published check."""
    outcome = None
    if request.method == "POST":
        form = AskForm(request.POST)
        if form.is_valid():
            wait = services.check_request_throttle(client_ip(request))
            if wait is not None:
                response = render(request, "claims/too_many_requests.html", {"message": gettext(ERROR_TOO_MANY_ASKS)},
                                  status=429)
                response["Retry-After"] = str(wait)
                patch_cache_control(response, no_store=True)
                return response
            data = form.cleaned_data
            outcome = services.check_request_create(text=data["text"], url=data["url"], contact=data["contact"],
                                                    language=get_language() or "", client=client_ip(request))
            form = AskForm()
    else:
        form = AskForm()
    answer = None
    if outcome is not None and outcome.claim is not None:
        answer = outcome.claim
        verdict = selectors.public_verdict(answer)
        answer.public_verdict = verdict
    response = render(request, "claims/ask.html", {"form": form, "outcome": outcome, "answer": answer},
                      status=400 if request.method == "POST" and outcome is None else 200)
    patch_cache_control(response, no_store=True, private=True)
    return response


# --- open data: /data/ ------------------------------------------------------------------------------


def _open_data_files() -> list[dict]:
    """The files of the served open-data folder (no hidden or staging entries), by name."""
    folder = Path(settings.FACTDESK_OPEN_DATA_DIR)
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        stat = path.stat()
        files.append({"name": path.name, "size": stat.st_size, "path": path,
                      "modified": dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC)})
    return files


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    """The open-data folder: every file of the latest dump with its size and date, the licence and schema."""
    context = {"files": _open_data_files(), "license": settings.FACTDESK_OPEN_DATA_LICENSE,
               "license_url": settings.FACTDESK_OPEN_DATA_LICENSE_URL}
    return _vary(render(request, "claims/open_data.html", context))


_DATA_TYPES = {".csv": "text/csv; charset=utf-8", ".jsonl": "application/x-ndjson; charset=utf-8",
               ".json": "application/json", ".txt": "text/plain; charset=utf-8"}


@require_safe
def open_data_file(request: HttpRequest, name: str) -> FileResponse:
    """One file of the dump, by its exact name in the listing (no other path can be reached)."""
    entry = next((f for f in _open_data_files() if f["name"] == name), None)
    if entry is None:
        raise Http404
    content_type = _DATA_TYPES.get(entry["path"].suffix) or mimetypes.guess_type(name)[0] or "text/plain"
    if name == "SHA256SUMS":
        content_type = "text/plain; charset=utf-8"
    return FileResponse(open(entry["path"], "rb"), content_type=content_type)  # noqa: SIM115 - FileResponse closes it


@require_safe
def open_data_file_moved(request: HttpRequest, name: str) -> HttpResponsePermanentRedirect:
    """/<language>/data/<name>, the files' address before they had one for every language.

    Only a file that exists is redirected: for a missing one Django's LocaleMiddleware sends
    /data/<name>'s 404 here, and a redirect back would loop."""
    if not any(f["name"] == name for f in _open_data_files()):
        raise Http404
    return HttpResponsePermanentRedirect(reverse("open-data-file", kwargs={"name": name}))


@require_safe
def set_language(request: HttpRequest, code: str) -> HttpResponseRedirect:
    """Remember the reader's interface language in a cookie and go to the same page in that language
    (a plain link: no script, no form). The cookie also picks the language of unprefixed addresses
    and of the desk.

    Only a preference cookie is written, so a GET is acceptable here; ``next`` must be on this site.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        # translate_url resolves in the active language's prefix: activate the target's own.
        with translation.override(translation.get_language_from_path(target) or get_language()):
            target = translate_url(target, code)
    else:
        with translation.override(code):
            target = reverse("claims:home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
