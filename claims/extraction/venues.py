"""Extraction core: outlets and platforms named in a phrase (英国BBC, 《卫报》, 在社交媒体X上), by their
English names, for ``via`` (registry entries of kind media first, then the lexicon)."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .lexicon.outlets import OUTLETS, PLATFORMS
from .normalize import lower_form
from .patterns import alternation

_OUTLET_END = re.compile("(?:" + alternation([k for k in OUTLETS if len(k) >= 2]) + ")$")
_PLATFORM = re.compile(
    r"(?<![a-z])(" + alternation([p for p in PLATFORMS if len(p) > 1]) + r")(?![a-z])"
    r"|(?:社交媒体|平台|社群媒体|在)\s*(" + alternation([p for p in PLATFORMS if len(p) == 1]) + r")(?![a-z])"
)
_TITLE_MARKS = re.compile(r"《([^》]{1,20})》")
_LATIN_IN_PARENTHESES = re.compile(r"[((]([a-z][a-z .]{0,20})[))]")
_SHORT_QUOTE = re.compile(r"「([^」]{1,12})」")


def is_platform(lowered: str) -> bool:
    """A platform's name alone ("x", "脸书"): a mention of it is no speaker."""
    return lowered.strip() in PLATFORMS


def platform_name(gazetteer: Gazetteer, lowered: str) -> str | None:
    """The English name of a platform written in ``lowered`` (推特 -> X), or None."""
    low = lowered.strip().strip('《》「」"“”')
    if low in PLATFORMS:
        entry = gazetteer.exact(low)
        return entry.name if entry and entry.kind in ("media", "organisation") else PLATFORMS[low]
    return None


def x_platform(gazetteer: Gazetteer) -> str:
    """The name the registry gives the platform X (where embedded posts come from)."""
    return platform_name(gazetteer, "x") or "X"


def outlet_name(gazetteer: Gazetteer, words: str) -> str | None:
    """English name of an outlet written in words (英国BBC, 《卫报》, 路透社), or None."""
    low = lower_form(words).strip()
    marked = _TITLE_MARKS.search(low)
    candidates = [marked.group(1)] if marked else []
    candidates.append(low.strip("《》 "))
    for c in candidates:
        entry = gazetteer.lookup(c)
        if entry and entry.kind == "media":
            return entry.name
        if c in OUTLETS:
            return OUTLETS[c]
        m = _OUTLET_END.search(c)  # 英国BBC: a country before the outlet
        if m and m.start() <= 4:
            return OUTLETS[m.group(0)]
    return marked.group(1) if marked else None


def venues_in(gazetteer: Gazetteer, words: str) -> list[str]:
    """Outlets and platforms named between a subject and its verb (向《卫报》表示, 在社交媒体X上)."""
    if not words:
        return []
    out = []
    low = lower_form(words)
    for m in _TITLE_MARKS.finditer(low):
        name = outlet_name(gazetteer, m.group(0))
        if name:
            out.append(name)
    # 在社交媒体「真相社会」(truth social)上 / 在x上 / 在社交媒体x表示
    for pattern in (_LATIN_IN_PARENTHESES, _SHORT_QUOTE):
        for m in pattern.finditer(low):
            name = platform_name(gazetteer, m.group(1))
            if name:
                out.append(name)
                return out
    m = _PLATFORM.search(low)
    if m:
        name = m.group(1) or m.group(2)
        out.append(platform_name(gazetteer, name) or PLATFORMS[name])
    return out
