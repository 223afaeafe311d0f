"""Sources feed parsing: fetched RSS or Atom bytes to entries, with feedparser (no network, no ORM)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser

ERROR_NOT_A_FEED = "The response is not an RSS or Atom feed: {reason}"


class FeedParseError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""
    author: str = ""
    published_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None  # the entry's own "changed" time (Atom <updated>)
    guid: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[FeedEntry, ...]
    warning: str = ""  # feedparser's complaint about a feed it could still read


def _aware(struct) -> dt.datetime | None:
    """feedparser's UTC struct_time as an aware datetime."""
    if not struct:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(struct), tz=dt.UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def parse_feed(data: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """Entries of an RSS or Atom document, in feed order, links made absolute, one per URL.

    Always given bytes: feedparser given a string that looks like a URL would fetch it, and the
    network belongs to sources.fetching alone. The encoding is feedparser's to work out from the
    XML declaration and the HTTP header.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(bytes(data), response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom elements found")
        raise FeedParseError(ERROR_NOT_A_FEED.format(reason=reason[:200]))
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link:
            # RSS items sometimes carry their URL only as a permalink guid.
            guid = (item.get("id") or "").strip()
            link = guid if guid.startswith(("http://", "https://")) else ""
        if not link:
            continue
        link = urljoin(url, link)
        if urlsplit(link).scheme not in {"http", "https"} or link in seen:
            continue
        seen.add(link)
        published_at = _aware(item.get("published_parsed"))
        # dict.get skips feedparser's deprecated updated->published alias; the fallback is ours:
        # an RSS item has only pubDate, which some publishers move forward when they edit.
        updated_at = _aware(dict.get(item, "updated_parsed")) or published_at
        entries.append(
            FeedEntry(
                url=link,
                title=(item.get("title") or "").strip()[:500],
                author=(item.get("author") or "").strip()[:300],
                published_at=published_at,
                updated_at=updated_at,
                guid=(item.get("id") or "").strip()[:500],
            )
        )
    warning = str(parsed.get("bozo_exception") or "") if parsed.get("bozo") else ""
    return ParsedFeed(title=(parsed.feed.get("title") or "").strip()[:300], entries=tuple(entries), warning=warning)
