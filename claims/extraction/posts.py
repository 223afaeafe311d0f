"""Extraction stage 1b, embedded posts: who wrote each post the Document found (its signature's
name or handle, looked up in the registry) and on which day."""

from __future__ import annotations

from .dates import find_dates
from .document import Document
from .gazetteer import Gazetteer
from .lexicon.names import EN_NAME_TITLES
from .mentions import speaker_of
from .records import Post


def resolve_posts(doc: Document, gazetteer: Gazetteer) -> tuple[Post, ...]:
    """One Post per signature line, with its author (a registry entry when the name or handle is known)."""
    out = []
    for layout in doc.posts:
        name = _untitled(layout.name)
        entry = (gazetteer.lookup(layout.name) or gazetteer.lookup(name)
                 or (gazetteer.lookup("@" + layout.handle) or gazetteer.lookup(layout.handle) if layout.handle else None))
        poster = speaker_of(entry, name, layout.name_start, layout.name_start + len(layout.name))
        dates = find_dates(doc.text, doc.reference_day, layout.date_start, layout.date_end)
        out.append(Post(
            region_start=layout.region_start, region_end=layout.region_end,
            signature_start=layout.signature_start, signature_end=layout.signature_end,
            body_start=layout.body_start, body_end=layout.body_end, poster=poster,
            said_on=dates[0][2] if dates else None,
        ))
    return tuple(out)


def _untitled(name: str) -> str:
    """A signature's full name without the title before it ("Sen. Greg Lindqvist" -> "Greg Lindqvist"),
    so the post and the article's "Lindqvist said" name one speaker; a name of one word keeps its title."""
    words = name.split()
    k = 0
    while k < len(words) - 2 and words[k] in _TITLES:
        k += 1
    return " ".join(words[k:]) if k else name


_TITLES = frozenset(w for w in EN_NAME_TITLES if " " not in w and w[:1].isupper())


def post_holding(posts: tuple[Post, ...], pos: int) -> Post | None:
    for post in posts:
        if post.holds(pos):
            return post
    return None
