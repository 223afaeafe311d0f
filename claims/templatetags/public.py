"""Template filters for the public pages: reader's script, rating labels, safe links, language names."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from claims.extraction.normalize import to_simplified
from claims.presentation import language_alternates as _language_alternates
from claims.presentation import speaker_display_name, speaker_display_title
from claims.ratings import RATING_INFO, Rating

register = template.Library()

# CSS class per rating: where it sits on the scale, not what colour it is.
_RATING_TONE = {
    Rating.TRUE: "true",
    Rating.MOSTLY_TRUE: "true",
    Rating.HALF_TRUE: "mixed",
    Rating.MOSTLY_FALSE: "false",
    Rating.FALSE: "false",
    Rating.MISLEADING: "false",
    Rating.UNPROVEN: "open",
    Rating.OPINION: "open",
}


@register.filter
def reader_script(text: str) -> str:
    """Our own text (claims, verdicts) in the reader's script: Simplified readers get OpenCC t2s.

    Quotes are not passed through this: they are shown as they were said.
    """
    if text and (get_language() or "").lower() == "zh-hans":
        return to_simplified(text)
    return text


@register.filter
def rating_label(rating: str) -> str:
    """The rating's name in the interface language (the zh labels are the documented scale's)."""
    try:
        info = RATING_INFO[Rating(rating)]
    except (KeyError, ValueError):
        return ""
    lang = (get_language() or "").lower()
    if lang == "zh-hans":
        return info.label_hans
    if lang.startswith("zh"):
        return info.label_hant
    return str(Rating(rating).label)


@register.filter
def rating_tone(rating: str) -> str:
    """A CSS modifier for the rating badge: true, mixed, false or open."""
    try:
        return _RATING_TONE[Rating(rating)]
    except (KeyError, ValueError):
        return "open"


@register.filter
def safe_url(url: str) -> str:
    """The URL if it is http(s), else empty: a stored javascript: link must never become an href."""
    url = (url or "").strip()
    return url if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc else ""


@register.filter
def language_name(code: str) -> str:
    """The name of a statement's language, in the interface language."""
    names = {
        "zh-Hant": _("Chinese (Traditional)"),
        "zh-Hans": _("Chinese (Simplified)"),
        "en": _("English"),
    }
    return names.get(code, _("other language"))


@register.filter
def lang_attr(code: str) -> str:
    """The HTML lang attribute for a stored language code (so fonts and screen readers fit)."""
    return {"zh-Hant": "zh-Hant", "zh-Hans": "zh-Hans", "en": "en"}.get(code, "")


@register.filter
def relay(via) -> str:
    """The relay chain (outermost last) as one readable line."""
    if not via:
        return ""
    names = [str(v.get("name") or v.get("outlet") or "") if isinstance(v, dict) else str(v) for v in via]
    return " → ".join(n for n in names if n)


@register.simple_tag
def language_alternates(path: str) -> list[tuple[str, str]]:
    """The page at ``path`` in every interface language plus x-default, for hreflang links."""
    return _language_alternates(path)


@register.filter
def display_name(speaker) -> str:
    """The speaker's name in the page's script (registry forms, else OpenCC)."""
    return speaker_display_name(speaker, get_language())


@register.filter
def display_title(speaker) -> str:
    """The speaker's title in the page's script (empty on Chinese pages when only English is known)."""
    return speaker_display_title(speaker, get_language())
