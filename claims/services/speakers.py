"""Claims services: speakers and their aliases (create, find, update, merge, confirm)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from claims.extraction.normalize import normalize_alias
from claims.models import ChangeKind, Origin, PendingChange, Speaker, SpeakerAlias, Stance, Statement
from claims.registry import alias_script
from claims.services.editorial import (
    _claims_changed,
    _propose,
    _speaker_claim_ids,
    _speaker_is_public,
    user_can_publish,
)


def _unique_slug(model, base: str, fallback: str) -> str:
    return _unique_slugs(model, [base], fallback)[0]


def _unique_slugs(model, bases: Sequence[str], fallback: str) -> list[str]:
    """A free slug for each base (``name``, ``name-2``, ...), all found with one query."""
    slugs = [slugify(base, allow_unicode=True)[:100] or fallback for base in bases]
    taken_q = Q()
    for slug in dict.fromkeys(slugs):
        taken_q |= Q(slug=slug) | Q(slug__startswith=f"{slug}-")
    taken = set(model.objects.filter(taken_q).values_list("slug", flat=True)) if slugs else set()
    out = []
    for slug in slugs:
        candidate, n = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{n}"
            n += 1
        taken.add(candidate)
        out.append(candidate)
    return out


def _alias_row(speaker: Speaker, alias: str, origin: str) -> SpeakerAlias | None:
    """The alias row ``speaker_alias_add`` would store for ``alias`` (None when it has no lookup form)."""
    alias = (alias or "").strip()[:200]
    normalized = normalize_alias(alias)[:200]
    if not normalized:
        return None
    return SpeakerAlias(speaker=speaker, alias=alias, normalized=normalized, script=alias_script(alias), origin=origin)


@transaction.atomic
def speaker_create(
    *, name: str, kind: str = "person", title: str = "", aliases: tuple[str, ...] = (), origin: str = Origin.EXTRACTED,
    confirmed: bool = False,
) -> Speaker:
    """A new speaker with its name and aliases recorded as lookup forms."""
    speaker = Speaker.objects.create(
        name=name.strip()[:200],
        slug=_unique_slug(Speaker, name, "speaker"),
        kind=kind,
        title=title[:300],
        origin=origin,
        confirmed=confirmed,
    )
    for alias in dict.fromkeys([name, *aliases]):
        speaker_alias_add(speaker, alias, origin=origin)
    return speaker


@dataclass(frozen=True)
class NewSpeaker:
    """A speaker to create in bulk (``speakers_create``): what ``speaker_create`` takes for one."""

    name: str
    kind: str = "person"
    title: str = ""
    aliases: tuple[str, ...] = ()


def speakers_create(new: Sequence[NewSpeaker], *, origin: str = Origin.EXTRACTED) -> list[Speaker]:
    """Unconfirmed speakers (the extractor's proposals) with their aliases, as ``speaker_create``
    makes them one by one, in four statements whatever their number: free slugs, the speakers,
    their history rows, the aliases. The caller serialises creation per name (workers' advisory
    locks): this only writes. Saved without a request, so the history rows name no user."""
    if not new:
        return []
    with transaction.atomic(savepoint=False):
        slugs = _unique_slugs(Speaker, [n.name for n in new], "speaker")
        speakers = [
            Speaker(name=n.name.strip()[:200], slug=slug, kind=n.kind, title=n.title[:300], origin=origin)
            for n, slug in zip(new, slugs, strict=True)
        ]
        bulk_create_with_history(speakers, Speaker, batch_size=500)
        aliases = [
            row
            for n, speaker in zip(new, speakers, strict=True)
            for alias in dict.fromkeys([n.name, *n.aliases])
            if (row := _alias_row(speaker, alias, origin)) is not None
        ]
        SpeakerAlias.objects.bulk_create(aliases, batch_size=500, ignore_conflicts=True)
    return speakers


def speaker_alias_add(speaker: Speaker, alias: str, *, origin: str = Origin.REVIEWER) -> SpeakerAlias | None:
    """Record one more written form of a speaker's name (no-op when already there or empty)."""
    row = _alias_row(speaker, alias, origin)
    if row is None:
        return None
    obj, _ = SpeakerAlias.objects.get_or_create(
        speaker=speaker,
        alias=row.alias,
        defaults={"normalized": row.normalized, "script": row.script, "origin": origin},
    )
    return obj


def speaker_find(name: str) -> Speaker | None:
    """The speaker one of whose aliases normalises like ``name`` (merged speakers followed)."""
    normalized = normalize_alias(name)
    if not normalized:
        return None
    alias = SpeakerAlias.objects.select_related("speaker").filter(normalized=normalized).order_by(
        "-speaker__confirmed", "speaker_id"
    ).first()
    if alias is None:
        return None
    speaker = alias.speaker
    while speaker.merged_into_id:
        speaker = speaker.merged_into
    return speaker


@transaction.atomic
def speaker_merge(*, source: Speaker, target: Speaker, user=None) -> Speaker | PendingChange:
    """Move every statement, stance and alias of ``source`` to ``target``; source stays as a redirect.

    Merging a speaker whose words are public is a change to published material: for anyone but an
    editor it becomes a pending change.
    """
    if source.pk == target.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    if user is not None and not user_can_publish(user) and (_speaker_is_public(source) or _speaker_is_public(target)):
        return _propose(ChangeKind.SPEAKER_MERGE, user=user, claim=None, speaker=target, other_speaker=source,
                        changes={"merge_into": target.pk}, before={"name": source.name},
                        note=f"{source.name} → {target.name}")
    touched = _speaker_claim_ids(source.pk)
    Statement.objects.filter(speaker=source).update(speaker=target)
    Stance.objects.filter(speaker=source).update(speaker=target)
    for alias in SpeakerAlias.objects.filter(speaker=source):
        speaker_alias_add(target, alias.alias, origin=alias.origin)
    speaker_alias_add(target, source.name, origin=Origin.REVIEWER)
    if source.wikidata_id and not target.wikidata_id:
        wikidata, source.wikidata_id = source.wikidata_id, None
        source.save(update_fields=["wikidata_id"])
        target.wikidata_id = wikidata
        target.save(update_fields=["wikidata_id"])
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    _claims_changed(*touched)
    return target


_SPEAKER_PUBLIC_FIELDS = {"name", "kind", "title", "country", "wikidata_id"}


@transaction.atomic
def speaker_update(speaker: Speaker, *, user, **changes) -> Speaker | PendingChange:
    """Change a speaker's details; a new name is also recorded as an alias.

    What shows on public pages (name, kind, title, country, Wikidata id) of a speaker with public
    statements is changed by an editor only; anyone else records a pending change.
    """
    allowed = {"name", "kind", "title", "country", "wikidata_id", "confirmed"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
    if changes.get("wikidata_id") == "":
        changes["wikidata_id"] = None
    changes = {f: v for f, v in changes.items() if getattr(speaker, f) != v}
    visible = set(changes) & _SPEAKER_PUBLIC_FIELDS
    if visible and not user_can_publish(user) and _speaker_is_public(speaker):
        return _propose(ChangeKind.SPEAKER_EDIT, user=user, claim=None, speaker=speaker,
                        changes={f: changes[f] for f in visible},
                        before={f: getattr(speaker, f) for f in visible}, note=speaker.name)
    for field, value in changes.items():
        setattr(speaker, field, value)
    speaker.full_clean(exclude=["merged_into", "slug"])
    speaker.save()
    if "name" in changes:
        speaker_alias_add(speaker, speaker.name, origin=Origin.REVIEWER)
    if visible:
        _claims_changed(*_speaker_claim_ids(speaker.pk))
    return speaker


@transaction.atomic
def speaker_confirm(speaker: Speaker, *, user) -> Speaker:
    """A reviewer confirms that a speaker proposed by the extractor exists as named."""
    return speaker_update(speaker, user=user, confirmed=True)


@transaction.atomic
def speaker_alias_remove(alias: SpeakerAlias, *, user) -> None:
    """Remove one written form of a speaker's name (the speaker's own name is kept as an alias)."""
    alias = SpeakerAlias.objects.select_related("speaker").get(pk=alias.pk)
    if alias.alias == alias.speaker.name:
        return
    alias.delete()


def speaker_directory_compact() -> int:
    """Keep the speaker directory's change log short (PostgreSQL; migration claims/0015): delete its
    committed rows and append one, in one transaction, so the newest id moves and the stamp (newest
    id, row count) cannot repeat. A change still uncommitted keeps its row (the DELETE cannot see it)
    and moves the count when it commits. Returns the rows deleted; nothing to do on SQLite."""
    if connection.vendor != "postgresql":
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "WITH gone AS (DELETE FROM factdesk_speaker_directory_change RETURNING 1), "
            "added AS (INSERT INTO factdesk_speaker_directory_change DEFAULT VALUES) SELECT count(*) FROM gone"
        )
        return cursor.fetchone()[0]
