"""Claims services: speakers and their aliases (create, find, update, merge, confirm)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

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
    slug = slugify(base, allow_unicode=True)[:100] or fallback
    candidate, n = slug, 2
    while model.objects.filter(slug=candidate).exists():
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


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


def speaker_alias_add(speaker: Speaker, alias: str, *, origin: str = Origin.REVIEWER) -> SpeakerAlias | None:
    """Record one more written form of a speaker's name (no-op when already there or empty)."""
    alias = (alias or "").strip()[:200]
    normalized = normalize_alias(alias)[:200]
    if not normalized:
        return None
    obj, _ = SpeakerAlias.objects.get_or_create(
        speaker=speaker,
        alias=alias,
        defaults={"normalized": normalized, "script": alias_script(alias), "origin": origin},
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
