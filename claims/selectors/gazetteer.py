"""Claims selectors: the speaker gazetteer the extractor resolves names with, built from the database."""

from __future__ import annotations

from django.db import connection

from claims.extraction import Gazetteer
from claims.extraction.normalize import fold, lower_form
from claims.extraction.types import SpeakerEntry
from claims.models import Speaker, SpeakerAlias

_GAZETTEER_CACHE: dict = {}


def speaker_directory_stamp_sql() -> str:
    """The stamp as one SQL expression, for a statement that reads it together with something else
    (the extraction task's claim and lock): one round trip instead of two.

    PostgreSQL: the newest id and the row count of the change log its triggers append to for every
    statement that changes speakers or aliases (migration claims/0015; kept short by
    ``speaker_directory_compact``): a few rows, whatever the size of the directory. SQLite (the
    embedded default, one writer at a time): newest alias id, alias count and newest speaker change.
    """
    if connection.vendor == "postgresql":
        return "(SELECT max(id) || '/' || count(*) FROM factdesk_speaker_directory_change)"
    quote = connection.ops.quote_name
    aliases, speakers = quote(SpeakerAlias._meta.db_table), quote(Speaker._meta.db_table)
    # Table names come from the models, never from input.
    return (
        f"(COALESCE((SELECT MAX(id) FROM {aliases}), 0) || '/' || (SELECT COUNT(*) FROM {aliases}) "  # noqa: S608
        f"|| '/' || COALESCE((SELECT MAX(updated_at) FROM {speakers}), ''))"
    )


def speaker_directory_stamp() -> tuple:
    """A 1-tuple that moves with every new speaker or alias, a removed one, a rename and a merge,
    and for other connections only once the change is committed (speaker_directory_stamp_sql)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {speaker_directory_stamp_sql()}")  # noqa: S608 - model table names only
        return tuple(cursor.fetchone())


def speaker_gazetteer(stamp: tuple | None = None):
    """A Gazetteer of every live speaker and alias in the database, rebuilt only when they change.

    Keys are speaker ids as strings. The cache is per process and keyed by the directory stamp, so
    a reviewer's new alias is used by the next extraction without a restart.
    """
    stamp = stamp if stamp is not None else speaker_directory_stamp()
    cached = _GAZETTEER_CACHE.get("gazetteer")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in SpeakerAlias.objects.values_list("speaker_id", "alias"):
        aliases.setdefault(speaker_id, []).append(alias)
    entries = [
        SpeakerEntry(
            key=str(s.pk),
            name=s.name,
            kind=s.kind,
            aliases=tuple(aliases.get(s.pk, ())),
            title=s.title,
            country=s.country,
            wikidata=s.wikidata_id or "",
        )
        for s in Speaker.objects.filter(merged_into__isnull=True).only(
            "id", "name", "kind", "title", "country", "wikidata_id"
        )
    ]
    gazetteer = Gazetteer(entries)
    _GAZETTEER_CACHE["gazetteer"] = (stamp, gazetteer)
    return gazetteer


def speakers_named_in(text: str) -> set[int]:
    """Ids of the live speakers any of whose aliases occurs in ``text`` (the extractor's own scan:
    leftmost-longest, Latin names as whole words, short capitals such as NATO case-sensitive)."""
    folded = fold(text or "")
    return {int(entry.key) for _s, _e, entry in speaker_gazetteer().find_all(lower_form(folded), folded)}
