"""Sources text core: decoding bytes at the door and turning HTML into article text (no ORM)."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

import opencc
from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

# User-facing error messages; tests and the API reuse these constants.
ERROR_EMPTY = "The article text is empty."
ERROR_BINARY = "The upload looks like binary data, not text."
ERROR_ENCODING = "The text is not valid UTF-8 and its encoding could not be recognised."
ERROR_NUL = "The text contains NUL bytes; send plain text or HTML."
ERROR_TOO_LARGE = "The article is larger than the limit of {limit:,} characters."

# Control characters other than tab, newline and carriage return mark binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SURROGATES = re.compile("[\ud800-\udfff]")
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
    candidates = [*charset_codecs(declared_charset), "utf-8"]
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
    # Lone surrogates (from JSON "\ud800" or surrogateescape decoding) cannot be stored as UTF-8.
    if SURROGATES.search(text):
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

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
            tag.decompose()
        root = soup.find("article") or soup.body or soup
        text = "\n".join(line.strip() for line in root.get_text("\n").splitlines() if line.strip())
    # The page's own metadata (meta tags, JSON-LD) gives a full timestamp and the author as the
    # publisher states them; trafilatura's guess (a bare day, a byline line) is the fallback.
    page = page_metadata(html)
    return CleanedHtml(
        text=text or "",
        title=(meta.title if meta and meta.title else "") or "",
        byline=page.author or (meta.author if meta and meta.author else "") or "",
        date=page.published or (meta.date if meta and meta.date else "") or "",
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
    t2s = sum(a != b for a, b in zip(sample, _converter("t2s").convert(sample), strict=False))
    s2t = sum(a != b for a, b in zip(sample, _converter("s2t").convert(sample), strict=False))
    return "zh-Hant" if t2s >= s2t else "zh-Hans"


# A title made from the text: the first sentence of the first non-empty line, after a leading
# dateline in brackets ("（中央社記者王小明台北13日電）", "(Reuters) -"), cut at this many characters.
TITLE_MAX_CHARS = 60
_DATELINE = re.compile(r"^\s*[（(【\[][^）)】\]\n]{1,40}[）)】\]]\s*[-–—:：]?\s*")
_FIRST_SENTENCE = re.compile(r"^.+?(?:[。！？!?][」』”\"]?|\.(?=\s)|$)", re.DOTALL)  # a closing quote goes with its stop


def title_from_text(text: str) -> str:
    """A title for an untitled article: its first sentence (dateline dropped), at most TITLE_MAX_CHARS.

    "（中央社記者台北13日電）行政院長今天表示，明年基本工資將調漲。他說…" -> "行政院長今天表示，明年基本工資將調漲。"
    """
    for raw in (text or "").splitlines():
        line = _DATELINE.sub("", raw.strip(), count=1).strip()
        if not line:
            continue
        sentence = _FIRST_SENTENCE.match(line).group(0).strip()
        if len(sentence) > TITLE_MAX_CHARS:
            sentence = sentence[: TITLE_MAX_CHARS - 1].rstrip() + "…"
        return sentence
    return ""


_CONVERTERS: dict = {}


def _converter(config: str):

    if config not in _CONVERTERS:
        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


# Characters that render as nothing, removed before hashing only (the stored body keeps them): a
# copy-paste, a CMS or a tracker inserting them must not make the same article look new. Zero-width
# space, non-joiner and joiner, word joiner, BOM / zero-width no-break space, and the soft hyphen
# (an optional break point, invisible unless a line breaks there).
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, line endings, outer whitespace and invisible characters
    normalised.

    The same article re-sent with CRLF line endings, a trailing newline or zero-width characters
    sprinkled in is the same article. (A change here changes stored hashes: add a data migration,
    as sources/migrations/0002_content_hash_ignores_invisible.py does.)
    """
    text = text.translate(_DROP_INVISIBLE)
    canonical = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    canonical = "\n".join(line.rstrip() for line in canonical.strip().split("\n"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- Fetched pages: charset labels and page metadata ---------------------------------------------

# What a declared charset label means in practice (the WHATWG Encoding Standard's reading): pages
# labelled Big5 use Microsoft's cp950 extensions (碁, 銹, €) or Hong Kong's HKSCS; pages labelled
# GB2312 or GBK routinely contain GBK and GB18030 characters (喆, 𠮷), and GB18030 is their superset;
# a Latin-1 label means windows-1252.
_CHARSET_ALIASES: dict[str, tuple[str, ...]] = {
    "big5": ("cp950", "big5hkscs"),
    "x-big5": ("cp950", "big5hkscs"),
    "big5-hkscs": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "gb_2312-80": ("gb18030",),
    "cp936": ("gb18030",),
    "gb18030": ("gb18030",),
    "iso-8859-1": ("cp1252",),
    "latin1": ("cp1252",),
    "latin-1": ("cp1252",),
    "us-ascii": ("cp1252",),
    "ascii": ("cp1252",),
}
# <meta charset="big5"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">,
# searched in the first 4 KB as bytes (the HTML standard's prescan; every label is ASCII).
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)["']""", re.IGNORECASE)


def charset_codecs(label: str | None) -> list[str]:
    """Python codecs to try, in order, for a declared charset label; [] for an unknown label."""
    if not label:
        return []
    label = label.strip().strip("\"'").lower()
    if label in _CHARSET_ALIASES:
        return list(_CHARSET_ALIASES[label])

    try:
        return [codecs.lookup(label).name]
    except LookupError:
        return []


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its own first 4 KB, or None."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, declared_charset: str | None = None) -> str:
    """Decode a fetched page: BOM, the HTTP charset, the page's own meta charset, then decode_bytes.

    A wrong label is not trusted blindly: a label whose codec cannot decode the bytes is skipped
    and the next source is tried, ending with UTF-8 and detection.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return decode_bytes(data)
    if b"\x00" not in data[:8192]:
        for label in (declared_charset, sniff_html_charset(data)):
            for codec in charset_codecs(label):
                if codec in {"utf-16", "utf-32"}:  # a meta tag cannot honestly declare these
                    continue
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    continue
    return decode_bytes(data)


@dataclass(frozen=True)
class PageMetadata:
    published: str  # ISO 8601 date-time or date as the page states it, or ""
    author: str


_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")


def _iso_or_empty(value: str) -> str:
    """The value as an ISO date-time that datetime.fromisoformat accepts, or ""."""
    value = (value or "").strip()
    if not value:
        return ""
    candidate = value.replace("Z", "+00:00") if value.endswith("Z") else value
    candidate = candidate.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", candidate) else candidate
    try:
        return dt.datetime.fromisoformat(candidate).isoformat()
    except ValueError:
        return ""


def page_metadata(html: str) -> PageMetadata:
    """Publication time and author from the page's meta tags and JSON-LD (empty when absent).

    Author URLs (article:author is often a profile link) are ignored; the first usable value wins.
    """
    soup = BeautifulSoup(html[:300_000], "lxml")
    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    published = next((iso for key in _DATE_META if (iso := _iso_or_empty(metas.get(key, "")))), "")
    author = next(
        (metas[key] for key in _AUTHOR_META if metas.get(key) and not metas[key].startswith(("http://", "https://"))),
        "",
    )
    if not published or not author:
        for script in soup.find_all("script", type="application/ld+json"):
            try:
                data = json.loads(script.string or "")
            except ValueError:
                continue
            for item in data if isinstance(data, list) else [data]:
                if not isinstance(item, dict):
                    continue
                published = published or _iso_or_empty(str(item.get("datePublished") or ""))
                if not author:
                    people = item.get("author")
                    people = people if isinstance(people, list) else [people]
                    names = [p.get("name", "") if isinstance(p, dict) else str(p or "") for p in people]
                    author = ", ".join(n.strip() for n in names if n and n.strip())
    return PageMetadata(published=published, author=author[:300])
