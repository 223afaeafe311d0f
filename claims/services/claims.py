"""Claims services: claims (create, publish and withdraw, reword, merge, reindex for search)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims import search
from claims.extraction.claim_keys import claim_key_of
from claims.extraction.normalize import to_simplified, to_traditional
from claims.models import (
    ChangeKind,
    ChangeState,
    CheckRequestGroup,
    Claim,
    Flip,
    PendingChange,
    ReviewState,
    SpeakerAlias,
    Stance,
    Statement,
    Verdict,
    VerdictStatus,
    VerificationStatus,
)
from claims.public_cache import public_data_changed
from claims.selectors import search_segmenter_sync, speakers_named_in
from claims.services.editorial import (
    _after_claim_withdrawn,
    _after_verdict_event,
    _claims_changed,
    _is_public,
    _needs_editor,
    _propose,
    user_can_publish,
)
from sources.cleaning import guess_language

ERROR_EMPTY_CLAIM = "A claim needs some text."

ERROR_EDITORS_WITHDRAW = "Only editors can publish or withdraw a claim."

ERROR_CHECKED_STATUS = "A claim with a published verdict stays 'checked'; withdraw it first to change that."

ERROR_MERGE_SELF = "A claim cannot be merged into itself."


def claim_slug_of(text: str) -> str:
    """The readable part of a claim's address, from its wording."""
    return slugify(text[:60], allow_unicode=True)[:100] or "claim"


def claim_language_of(text: str, fallback: str = "") -> str:
    """A claim's language from its own wording (a Traditional wording is zh-Hant whatever the
    statement was); ``fallback`` when no character tells the Chinese scripts apart (e.g. 中国人民)."""
    guessed = guess_language(text)
    if guessed in {"zh-Hant", "zh-Hans"} and to_simplified(text) == text and to_traditional(text) == text:
        return fallback if fallback in {"zh-Hant", "zh-Hans"} else guessed
    if guessed == "other" and fallback:
        return fallback
    return guessed


@transaction.atomic
def claim_create(
    *, text: str, language: str = "", claim_type: str = "factual", key: str = "", user=None,
    first_seen_at: dt.datetime | None = None,
) -> Claim:
    """A new unpublished claim with its matching key and a readable slug."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(ERROR_EMPTY_CLAIM)
    claim = Claim.objects.create(
        text=text,
        slug=claim_slug_of(text),
        language=claim_language_of(text, language),
        key=key or claim_key_of(text),
        claim_type=claim_type,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        first_seen_at=first_seen_at or timezone.now(),
    )
    claim_reindex(claim)
    return claim


@transaction.atomic
def claim_publish(claim: Claim, *, user=None) -> Claim:
    """Make a claim public (editors only; its published verdict, if any, shows with it)."""
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_EDITORS_WITHDRAW)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    claim.published = True
    claim.published_at = claim.published_at or timezone.now()
    claim.withdrawn_at = None
    claim.save(update_fields=["published", "published_at", "withdrawn_at", "updated_at"])
    _claims_changed(claim.pk)
    claim.refresh_from_db(fields=["modified_at"])
    return claim


@transaction.atomic
def claim_unpublish(claim: Claim, *, user=None, reason: str = "") -> Claim:
    """Withdraw a claim from the public site and API (editors only).

    Partners learn of it: the claim becomes a tombstone in both ``updated_since`` feeds and a
    ``verdict.withdrawn`` webhook is sent after commit.
    """
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_EDITORS_WITHDRAW)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    was_public = _is_public(claim)
    claim.published = False
    claim.withdrawn_at = timezone.now()
    claim._change_reason = f"withdrawn: {reason}"[:100] if reason else "withdrawn"
    claim.save(update_fields=["published", "withdrawn_at", "updated_at"])
    _claims_changed(claim.pk)
    if was_public:
        _after_claim_withdrawn(claim.pk)
    claim.refresh_from_db(fields=["modified_at"])
    return claim


def claim_reindex(claim: Claim | int) -> None:
    """Rebuild the search text of a claim and of its accepted statements (a no-op for a deleted claim).

    The claim's text covers its own words, its accepted statements' words and their speakers'
    names and aliases (so 川普 finds a claim Trump made), and the identity token of every speaker
    who made it or is named in those words (so Putin finds a claim that says 普丁). Written with UPDATE, so updated_at (the
    public page's cache validator) does not move for a change nobody can see.
    """
    claim_id = claim if isinstance(claim, int) else claim.pk
    public_data_changed()
    text = Claim.objects.filter(pk=claim_id).values_list("text", flat=True).first()
    if text is None:
        return
    search_segmenter_sync()
    statements = list(
        Statement.objects.filter(claim_id=claim_id, review_state=ReviewState.ACCEPTED)
        .select_related("speaker").only("id", "text", "mention", "speaker__name")
    )
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in SpeakerAlias.objects.filter(
        speaker_id__in={s.speaker_id for s in statements if s.speaker_id}
    ).values_list("speaker_id", "alias"):
        aliases.setdefault(speaker_id, []).append(alias)
    parts = [text]
    speaker_ids = {s.speaker_id for s in statements if s.speaker_id}
    for statement in statements:
        names = [statement.mention, *(aliases.get(statement.speaker_id, []))]
        if statement.speaker is not None:
            names.append(statement.speaker.name)
        words = "\n".join([statement.text, *dict.fromkeys(n for n in names if n)])
        Statement.objects.filter(pk=statement.pk).update(search_text=search.search_text_for(words))
        parts.append(words)
    words = "\n".join(parts)
    speaker_ids |= speakers_named_in(words)
    Claim.objects.filter(pk=claim_id).update(search_text=search.search_text_for(words, speaker_ids))


def _claim_live(claim: Claim) -> Claim:
    """The claim a merged claim now lives in (merged claims are followed to their target)."""
    seen = set()
    while claim.merged_into_id and claim.pk not in seen:
        seen.add(claim.pk)
        claim = Claim.objects.get(pk=claim.merged_into_id)
    return claim


def _claim_by_key(key: str) -> Claim | None:
    """The oldest live claim with this matching key, if any."""
    if not key:
        return None
    return Claim.objects.filter(key=key, merged_into__isnull=True).order_by("id").first()


def _claim_has_public_verdict(claim: Claim) -> bool:
    return bool(claim.current_verdict_id) and Verdict.objects.filter(
        pk=claim.current_verdict_id, status=VerdictStatus.PUBLISHED
    ).exists()


@transaction.atomic
def claim_update(claim: Claim, *, user, **changes) -> Claim | PendingChange:
    """Change a claim's wording, type, language or checking status (the key stays; the slug follows the wording).

    A public claim is changed by an editor only (anyone else records a pending change); a claim
    with a published verdict stays 'checked'.
    """
    allowed = {"text", "claim_type", "language", "status"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    if "text" in changes:
        changes["text"] = (changes["text"] or "").strip()
        if not changes["text"]:
            raise ValidationError(ERROR_EMPTY_CLAIM)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    changes = {f: v for f, v in changes.items() if getattr(claim, f) != v}
    if not changes:
        return claim
    if changes.get("status", VerificationStatus.VERIFIED) != VerificationStatus.VERIFIED and (
        _claim_has_public_verdict(claim)
    ):
        raise ValidationError(ERROR_CHECKED_STATUS)
    if _needs_editor(user, claim):
        return _propose(ChangeKind.CLAIM_EDIT, user=user, claim=claim, changes=changes,
                        before={f: getattr(claim, f) for f in changes})
    if "text" in changes:
        # The address follows the wording (the old slug redirects to the new), and so does the
        # language unless the editor set it.
        changes["slug"] = claim_slug_of(changes["text"])
        changes.setdefault("language", claim_language_of(changes["text"], claim.language))
    for field, value in changes.items():
        setattr(claim, field, value)
    claim.save()
    if "text" in changes:
        claim_reindex(claim)
    if _is_public(claim):
        _claims_changed(claim.pk)
    return claim


@transaction.atomic
def claim_merge(*, source: Claim, target: Claim, user=None) -> Claim | PendingChange:
    """Fold a duplicate claim into ``target``: statements, stances and verdicts move; it stays as a redirect.

    The verdicts come along: a target without a published verdict takes the source's (and goes
    public when the source was); a target with one keeps it, and the source's verdicts join its
    history. Merging public claims needs an editor (anyone else records a pending change). The
    source, when it was public, becomes a tombstone pointing at the target and partners receive
    ``verdict.withdrawn``.
    """
    target = _claim_live(target)
    if source.pk == target.pk:
        raise ValidationError(ERROR_MERGE_SELF)
    source = Claim.objects.select_for_update().get(pk=source.pk)
    target = Claim.objects.select_for_update().get(pk=target.pk)
    if (_needs_editor(user, source) or _needs_editor(user, target)):
        return _propose(ChangeKind.CLAIM_MERGE, user=user, claim=target, other_claim=source,
                        changes={"merge_into": target.pk}, before={"text": source.text},
                        note=f"{source.text[:60]} → {target.text[:60]}")
    source_public, target_public = _is_public(source), _is_public(target)
    for statement in Statement.objects.filter(claim=source):
        statement.claim = target
        statement._change_reason = f"claim {source.pk} merged into {target.pk}"
        statement.save(update_fields=["claim", "updated_at"])
    Stance.objects.filter(claim=source).update(claim=target)
    # Readers who asked about the source asked about the target.
    CheckRequestGroup.objects.filter(claim=source).update(claim=target)
    Flip.objects.filter(claim=source).update(claim=target)
    PendingChange.objects.filter(claim=source, state=ChangeState.PENDING).update(claim=target)
    for verdict in Verdict.objects.filter(claim=source):
        verdict.claim = target
        verdict._change_reason = f"claim {source.pk} merged into {target.pk}"
        verdict.save(update_fields=["claim", "updated_at"])
    fields = ["updated_at"]
    taken = None
    if source.current_verdict_id and not _claim_has_public_verdict(target) and _claim_has_public_verdict(source):
        taken = source.current_verdict_id
        target.current_verdict_id = taken
        target.status = VerificationStatus.VERIFIED
        fields += ["current_verdict", "status"]
        if source.published:
            target.published = True
            target.published_at = target.published_at or source.published_at or timezone.now()
            target.withdrawn_at = None
            fields += ["published", "published_at", "withdrawn_at"]
    if source.first_seen_at and (target.first_seen_at is None or source.first_seen_at < target.first_seen_at):
        target.first_seen_at = source.first_seen_at
        fields.append("first_seen_at")
    target._change_reason = f"claim {source.pk} merged in"
    target.save(update_fields=fields)
    source.merged_into = target
    source.published = False
    source.current_verdict = None
    source.withdrawn_at = timezone.now() if source_public else source.withdrawn_at
    source._change_reason = f"merged into {target.pk}"
    source.save(update_fields=["merged_into", "published", "current_verdict", "withdrawn_at", "updated_at"])
    claim_reindex(target)
    _claims_changed(source.pk, target.pk)
    if source_public:
        _after_claim_withdrawn(source.pk)
    if taken and _is_public(target):
        _after_verdict_event(Verdict.objects.get(pk=taken), "verdict.changed" if target_public else "verdict.published")
    return target
