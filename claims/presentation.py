"""Public representations shared by pages, the API, ClaimReview and partner webhooks (low layer).

The canonical public URLs (always on FACTDESK_SITE_URL, never on whatever host was asked), the
API's one timestamp format, and the public summary of a verdict: one home each, so the API, the
JSON-LD builder and the webhook payloads cannot drift apart.

Public pages carry their interface language in the path (/zh-hant/, /zh-hans/, /en/). A claim's
canonical URL for machines (ClaimReview, feeds, webhooks, the API) is its page in the claim's own
language, whatever language the caller happens to run in; a page's hreflang alternates name the
same page in every interface language.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from claims.extraction.normalize import to_simplified, to_traditional
from claims.ratings import rating_info
from claims.registry import load_registry


def iso_utc(value: dt.datetime | None) -> str | None:
    """A datetime as RFC 3339 in UTC to the second with a trailing Z (the API's one timestamp format;
    claims.selectors.IsoUtc produces the same string in SQL)."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def absolute_url(path: str) -> str:
    """``path`` on the canonical public site (FACTDESK_SITE_URL), not on whatever host was asked."""
    return settings.FACTDESK_SITE_URL.rstrip("/") + path


# Content language (stored on claims, statements, articles) -> interface language of its pages.
_URL_LANGUAGE = {"zh-Hant": "zh-hant", "zh-Hans": "zh-hans", "en": "en"}


def url_language(content_language: str | None) -> str:
    """The interface language (URL prefix) whose pages are canonical for content in ``content_language``;
    the site's default language for anything else (other, unknown)."""
    return _URL_LANGUAGE.get(content_language or "", settings.LANGUAGE_CODE)


def claim_path(claim, language: str | None = None) -> str:
    """The path of a claim's public page in interface ``language``; by default the canonical one,
    in the claim's own language (so every caller, in any active language, names the same URL)."""
    with translation.override(language or url_language(claim.language)):
        return reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})


def language_alternates(path: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of the page at ``path`` in every interface language, then
    ``x-default``: the unprefixed address, which redirects by the reader's language preference."""
    # translate_url resolves the path in the active language's prefix: activate the path's own.
    with translation.override(translation.get_language_from_path(path) or translation.get_language()):
        translated = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    alternates = [(code, absolute_url(url)) for code, url in translated.items()]
    default = translated[settings.LANGUAGE_CODE]
    prefix = f"/{settings.LANGUAGE_CODE}/"
    alternates.append(("x-default", absolute_url("/" + default[len(prefix):] if default.startswith(prefix) else default)))
    return alternates


def public_claim_url(claim) -> str:
    """The claim's page on the public site (absolute URL)."""
    return absolute_url(claim_path(claim))


def api_claim_url(claim_id: int) -> str:
    """The claim in the partner API (absolute URL on the public site)."""
    return absolute_url(reverse("v1:claim-detail", kwargs={"pk": claim_id}))


def verdict_summary(verdict) -> dict | None:
    """The public summary of a verdict: rating, English label and 1-5 value, summary, publication."""
    if verdict is None:
        return None
    info = rating_info(verdict.rating)
    return {
        "id": verdict.pk,
        "rating": verdict.rating,
        "label": info.alternate_name,
        "rating_value": info.value,
        "summary": verdict.summary,
        "published_at": iso_utc(verdict.published_at),
        "revision": verdict.revision,
    }


# --- speakers' names and titles in the reader's script ------------------------------------------

_HAN = re.compile(r"[\u3400-\u9fff]")


@functools.cache
def _registry_forms() -> dict[str, dict]:
    """Registry key -> {"names": {script: name}, "titles": {script: title}}, read once per process.

    Explicit ``display``/``title_zh`` rows of speakers.json win (Taiwan and mainland forms differ:
    普丁/普京, 川普/特朗普); otherwise the first alias written in that script, in registry order.
    """
    forms: dict[str, dict] = {}
    for entry in load_registry():
        names = dict(entry.get("display") or {})
        for alias in entry.get("aliases", []):
            if not _HAN.search(alias):
                continue
            hant, hans = to_traditional(alias), to_simplified(alias)
            if alias == hant:
                names.setdefault("zh-Hant", alias)
            if alias == hans:
                names.setdefault("zh-Hans", alias)
        names["en"] = entry["name"]
        forms[entry["key"]] = {"names": names, "titles": {**(entry.get("title_zh") or {}), "en": entry.get("title", "")}}
    return forms


def _script(language: str | None) -> str:
    """The content script (zh-Hant, zh-Hans, en) of an interface or content language code."""
    code = (language or "").lower()
    if code in {"zh-hans", "zh-cn", "zh-sg"}:
        return "zh-Hans"
    if code.startswith("zh"):
        return "zh-Hant"
    return "en"


def _in_script(text: str, script: str) -> str:
    if script == "zh-Hans":
        return to_simplified(text)
    if script == "zh-Hant":
        return to_traditional(text)
    return text


def speaker_display_name(speaker, language: str | None) -> str:
    """The speaker's name for a reader of ``language`` (an interface or content language code).

    A registry speaker whose name a reviewer kept gets the registry's form for that script (the
    Taiwan form for zh-Hant, the mainland form for zh-Hans, English for en); any other Chinese
    name is converted with OpenCC. A name a reviewer changed is theirs and only converted.
    """
    if speaker is None:
        return ""
    script = _script(language)
    forms = _registry_forms().get(speaker.registry_key or "")
    if forms is not None and speaker.name == forms["names"].get("en"):
        name = forms["names"].get(script)
        if name:
            return name
    return _in_script(speaker.name, script) if _HAN.search(speaker.name) else speaker.name


def speaker_display_title(speaker, language: str | None, *, english_fallback: bool = False) -> str:
    """The speaker's title in ``language``'s script; a registry title known only in English is left
    out on Chinese pages (a mixed-language line reads worse than none) unless ``english_fallback``."""
    if speaker is None or not speaker.title:
        return ""
    script = _script(language)
    forms = _registry_forms().get(speaker.registry_key or "")
    if forms is not None and speaker.title == forms["titles"].get("en"):
        title = forms["titles"].get(script)
        if title:
            return title
        return speaker.title if english_fallback or script == "en" else ""
    if _HAN.search(speaker.title):
        return _in_script(speaker.title, script)
    return speaker.title if english_fallback or script == "en" else ""
