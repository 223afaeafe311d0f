"""Sources text core: decoding bytes at the door and turning HTML into article text (no ORM)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

# User-facing error messages; tests and the API reuse these constants.
ERROR_EMPTY = "The article text is empty."
ERROR_BINARY = "The upload looks like binary data, not text."
ERROR_ENCODING = "The text is not valid UTF-8 and its encoding could not be recognised."
ERROR_NUL = "The text contains NUL bytes; send plain text or HTML."
ERROR_TOO_LARGE = "The article is larger than the limit of {limit:,} characters."

# Control characters other than tab, newline and carriage return mark binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The HTML we accept as HTML starts with a tag or doctype; anything else is text.
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)


class IngestError(ValueError):
    """Input refused at the door, with a message fit to show the submitter."""

    def __init__(self, message: str, field: str = "body") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def decode_bytes(data: bytes, declared_charset: str | None = None) -> str:
    """Decode an upload: BOM, declared charset, UTF-8, then detection (Big5, GB18030 ...)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(ERROR_BINARY)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    candidates = [c for c in (declared_charset, "utf-8") if c]
    for charset in candidates:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise IngestError(ERROR_ENCODING)
    encoding = best.encoding
    # GB2312 and GBK are subsets of GB18030; decoding with the superset loses nothing.
    if encoding.lower() in {"gb2312", "gbk"}:
        encoding = "gb18030"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise IngestError(ERROR_ENCODING) from None


def check_text(text: str, *, limit: int) -> str:
    """The text as it will be stored, or IngestError: not empty, no NUL, no binary, not too long."""
    if not text or not text.strip():
        raise IngestError(ERROR_EMPTY)
    if "\x00" in text:
        raise IngestError(ERROR_NUL)
    if len(text) > limit:
        raise IngestError(ERROR_TOO_LARGE.format(limit=limit))
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(10, len(text[:100_000]) // 100):
        raise IngestError(ERROR_BINARY)
    if "\ufffd" in text and text.count("\ufffd") > max(10, len(text) // 50):
        raise IngestError(ERROR_ENCODING)
    return text


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document or fragment."""
    return bool(_LOOKS_HTML.match(text[:2000]))


@dataclass(frozen=True)
class CleanedHtml:
    text: str
    title: str
    byline: str
    date: str  # ISO date from the page metadata, or ""


def html_to_article(html: str) -> CleanedHtml:
    """Main text and metadata of an HTML page (scripts, styles and navigation dropped)."""
    import trafilatura  # heavy import, only on the HTML path

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    meta = trafilatura.extract_metadata(html)
    if not text:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
            tag.decompose()
        root = soup.find("article") or soup.body or soup
        text = "\n".join(line.strip() for line in root.get_text("\n").splitlines() if line.strip())
    return CleanedHtml(
        text=text or "",
        title=(meta.title if meta and meta.title else "") or "",
        byline=(meta.author if meta and meta.author else "") or "",
        date=(meta.date if meta and meta.date else "") or "",
    )


def guess_language(text: str) -> str:
    """zh-Hant, zh-Hans, en or other, from the characters of the first 5,000 characters.

    Chinese is split by script: text that OpenCC's t2s conversion changes is Traditional; text
    that s2t changes but t2s does not is Simplified (characters common to both count for neither).
    """
    sample = text[:5000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if han == 0:
        return "en" if latin else "other"
    if latin > han * 3:
        return "en"
    t2s = sum(a != b for a, b in zip(sample, _converter("t2s").convert(sample)))
    s2t = sum(a != b for a, b in zip(sample, _converter("s2t").convert(sample)))
    return "zh-Hant" if t2s >= s2t else "zh-Hans"


_CONVERTERS: dict = {}


def _converter(config: str):
    import opencc

    if config not in _CONVERTERS:
        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, line endings and outer whitespace normalised.

    The same article re-sent with CRLF line endings or a trailing newline is the same article.
    """
    canonical = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    canonical = "\n".join(line.rstrip() for line in canonical.strip().split("\n"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
