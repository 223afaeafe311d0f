"""Public pages (interface): home, search, claim, speaker and article pages, language switch.

Read-only: every read goes through claims.selectors, which return only public material
(published claims and verdicts, accepted statements and stances). Anything else is a 404,
whatever URL is guessed.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition, require_safe

from claims import selectors
from claims.jsonld import claim_review_jsonld, jsonld_script
from claims.models import Polarity, VerdictStatus
from claims.presentation import absolute_url, claim_path, speaker_display_name
from claims.public_cache import read_through
from claims.ratings import Rating
from claims.templatetags.public import rating_label
from factdesk.middleware import client_ip, rate_hit

PAGE_SIZE = 20
# Shown (translated when a translation exists) on the 429 page; tests reuse it.
ERROR_TOO_MANY_SEARCHES = gettext_noop("Too many searches from your address. Please wait a minute and try again.")
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


def _claim_list(request: HttpRequest, template: str) -> HttpResponse:
    # The same list for every reader of one language: served from the versioned public cache
    # (claims.public_cache), which every change to public data retires.
    computed: list[HttpResponse] = []

    def render() -> bytes | None:
        computed.append(_render_claim_list(request, template))
        return computed[0].content if computed[0].status_code == 200 else None

    body = read_through(f"page:{template}", request.build_absolute_uri(), get_language() or "", render)
    return computed[0] if computed else _vary(HttpResponse(body))


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
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
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


def _claim_stamp(request: HttpRequest, pk: int) -> tuple | None:
    """The claim page's change stamp, looked up once per request (ETag and Last-Modified share it)."""
    cache = request.__dict__.setdefault("_claim_stamps", {})
    if pk not in cache:
        cache[pk] = selectors.claim_page_stamp(pk)
    return cache[pk]


def claim_etag(request: HttpRequest, pk: int, slug: str = "") -> str | None:
    """Changes with the claim, its verdict, statements and stances, and with the interface language."""
    stamp = _claim_stamp(request, pk)
    if stamp is None:
        return None
    digest = hashlib.sha256(repr((stamp, get_language(), settings.FACTDESK_SITE_URL)).encode()).hexdigest()[:32]
    return f"claim-{pk}-{digest}"


def claim_last_modified(request: HttpRequest, pk: int, slug: str = ""):
    stamp = _claim_stamp(request, pk)
    if stamp is None:
        return None
    return stamp[0]


def _claim_canonical(claim) -> str:
    """The claim's page in the language being read (each language version is its own canonical)."""
    return claim_path(claim, get_language())


@require_safe
@condition(etag_func=claim_etag, last_modified_func=claim_last_modified)
def claim_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One claim: verdict with its history, every statement that makes it, and who supports or opposes it."""
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
    stances = list(selectors.claim_public_stances(claim)[:STANCE_LIMIT])
    verdict = claim.current_verdict
    if verdict is not None and verdict.status != VerdictStatus.PUBLISHED:
        verdict = None
    context = {
        "claim": claim,
        "verdict": verdict,
        "verdict_log": selectors.verdict_public_log(claim) if verdict else [],
        "statements": statements,
        "supporters": [s for s in stances if s.polarity == Polarity.SUPPORT],
        "opposers": [s for s in stances if s.polarity == Polarity.OPPOSE],
        "neutral": [s for s in stances if s.polarity == Polarity.NEUTRAL],
        "jsonld": jsonld_script(claim_review_jsonld(claim, request)),
        "canonical_url": absolute_url(_claim_canonical(claim)),
    }
    return _vary(render(request, "claims/claim_detail.html", context))


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
        "stances": list(selectors.speaker_public_stances(speaker)[:STANCE_LIMIT]),
        "rating_counts": [(r.value, counts[r.value]) for r in Rating if counts.get(r.value)],
        "checked_total": sum(counts.values()),
        "wikidata_url": f"https://www.wikidata.org/wiki/{speaker.wikidata_id}" if speaker.wikidata_id else "",
    }
    return _vary(render(request, "claims/speaker_detail.html", context))


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's outlet, date and link, and the statements taken from it (excerpts, never the body)."""
    article = selectors.article_public_get(pk)
    if article is None:
        raise Http404
    context = {
        "article": article,
        "statements": list(selectors.article_public_statements(article)),
        "stances": list(selectors.article_public_stances(article)[:STANCE_LIMIT]),
    }
    return _vary(render(request, "claims/article_detail.html", context))


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
