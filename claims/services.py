"""Claims services: every write to statements, claims, stances, verdicts and speakers.

The admin, the API, the public site and the Celery tasks all call these functions; each is atomic
and leaves history (django-simple-history records who changed what and when).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from claims.extraction.claim_keys import claim_key_of
from claims.extraction.normalize import normalize_alias
from claims.models import (
    ChangeKind,
    ChangeState,
    Claim,
    Origin,
    PendingChange,
    ReviewState,
    Speaker,
    SpeakerAlias,
    Stance,
    Statement,
    Verdict,
    VerdictStatus,
    VerificationStatus,
)
from claims.public_cache import public_data_changed
from claims.registry import alias_script
from factdesk.heartbeat import stranded_running_q
from sources.models import Article, ExtractionStatus

logger = logging.getLogger(__name__)

# Messages shown to users; tests reuse them.
ERROR_STALE_VERDICT = "This verdict was changed by someone else since you opened it; reload and try again."
ERROR_PUBLISH_PERMISSION = "Only editors can publish verdicts."
ERROR_REVIEWED_ARTICLE = "This article has reviewed statements; reject or unlink them before deleting it."
ERROR_EMPTY_CLAIM = "A claim needs some text."
ERROR_NOT_YOUR_DRAFT = "This draft verdict belongs to {author}; only its author or an editor can change it."
ERROR_EDITORS_WITHDRAW = "Only editors can publish or withdraw a claim."
ERROR_CHECKED_STATUS = "A claim with a published verdict stays 'checked'; withdraw it first to change that."
ERROR_CHANGE_DECIDED = "This change was already decided ({state})."
ERROR_CHANGE_PUBLISH = "Only editors can publish a pending change."
ERROR_CHANGE_DISCARD = "Only the person who proposed this change or an editor can discard it."
ERROR_MOVE_PUBLIC = "This statement is public on a published claim; an editor must move it."
MESSAGE_PENDING = "Your change to published material waits for an editor; the public sees the old version until then."


# --- the editorial rule --------------------------------------------------------------------------
# One rule, here only: published material changes only by an editor. Every service that changes
# what the public sees asks ``_needs_editor``; for anyone else it records a PendingChange (a draft
# against the published state) instead, and ``change_publish`` replays it through the same
# service as the editor who publishes it.


def user_can_publish(user) -> bool:
    """Whether ``user`` is an editor: may publish verdicts and change published material."""
    return bool(user and (user.is_superuser or user.has_perm("claims.publish_verdict")))


def _is_public(claim: Claim | None) -> bool:
    return bool(claim is not None and claim.published and not claim.merged_into_id)


def _needs_editor(user, claim: Claim | None) -> bool:
    return _is_public(claim) and not user_can_publish(user)


def _propose(kind: str, *, user, claim: Claim | None, changes: dict, before: dict, note: str = "",
             **targets) -> PendingChange:
    """Record a proposed change to published material; nothing public moves."""
    change = PendingChange.objects.create(
        kind=kind, claim=claim, changes=changes, before=before, note=note[:300], proposed_by=user, **targets
    )
    logger.info("pending change %s (%s) proposed by %s", change.pk, kind, getattr(user, "username", user))
    return change


def _claims_changed(*claim_ids: int | None) -> None:
    """Move the public modified time of these claims and retire every cached public read.

    An UPDATE, so in-memory claim rows are not saved over it; call it after the change is written.
    """
    ids = {pk for pk in claim_ids if pk}
    if ids:
        Claim.objects.filter(pk__in=ids).update(modified_at=timezone.now())
    public_data_changed()


def _speaker_claim_ids(speaker_id: int) -> set[int]:
    """Claims on which a speaker's accepted statements or stances appear."""
    ids = set(Statement.objects.filter(speaker_id=speaker_id, review_state=ReviewState.ACCEPTED,
                                       claim__isnull=False).values_list("claim_id", flat=True))
    ids |= set(Stance.objects.filter(speaker_id=speaker_id, review_state=ReviewState.ACCEPTED,
                                     claim__isnull=False).values_list("claim_id", flat=True))
    return ids


def _speaker_is_public(speaker: Speaker) -> bool:
    return Claim.objects.filter(pk__in=_speaker_claim_ids(speaker.pk), published=True,
                                merged_into__isnull=True).exists()


# --- speakers ----------------------------------------------------------------------------------


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


# --- claims ------------------------------------------------------------------------------------


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
        slug=slugify(text[:60], allow_unicode=True)[:100] or "claim",
        language=language,
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
    names and aliases (so 川普 finds a claim Trump made). Written with UPDATE, so updated_at (the
    public page's cache validator) does not move for a change nobody can see.
    """
    from claims import search
    from claims.selectors import search_segmenter_sync

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
    for statement in statements:
        names = [statement.mention, *(aliases.get(statement.speaker_id, []))]
        if statement.speaker is not None:
            names.append(statement.speaker.name)
        words = "\n".join([statement.text, *dict.fromkeys(n for n in names if n)])
        Statement.objects.filter(pk=statement.pk).update(search_text=search.search_text_for(words))
        parts.append(words)
    Claim.objects.filter(pk=claim_id).update(search_text=search.search_text_for("\n".join(parts)))


# --- statements --------------------------------------------------------------------------------


def _statement_is_public(statement: Statement) -> bool:
    return statement.review_state == ReviewState.ACCEPTED and not statement.held and _is_public(statement.claim)


@transaction.atomic
def statement_accept(
    statement: Statement, *, user, claim: Claim | None = None, new_claim_text: str = "", claim_type: str = "factual"
) -> Statement:
    """Accept a candidate and link it to ``claim`` or to a new claim worded ``new_claim_text``.

    With neither, a new claim is made from the statement's own words. Accepted into a published
    claim by someone who cannot publish, the statement is held (not public) and a pending change
    asks an editor to publish it.
    """
    statement = Statement.objects.select_for_update(of=("self",)).select_related("article", "claim").get(pk=statement.pk)
    previous_claim_id = statement.claim_id
    if _statement_is_public(statement) and not user_can_publish(user) and (
        claim is None or claim.pk != previous_claim_id
    ):
        raise PermissionDenied(ERROR_MOVE_PUBLIC)
    if claim is None:
        claim = claim_create(
            text=new_claim_text or statement.text,
            language=statement.language,
            claim_type=claim_type,
            key=statement.claim_key if not new_claim_text else "",
            user=user,
            first_seen_at=statement.article.published_at or statement.article.created_at,
        )
    held = _needs_editor(user, claim)
    statement.claim = claim
    statement.review_state = ReviewState.ACCEPTED
    statement.reviewed_by = user
    statement.reviewed_at = timezone.now()
    statement.reject_reason = ""
    statement.held = held
    statement.save()
    seen = statement.article.published_at or statement.article.created_at
    if claim.first_seen_at is None or (seen and seen < claim.first_seen_at):
        claim.first_seen_at = seen
        claim.save(update_fields=["first_seen_at", "updated_at"])
    # Stances aimed at this statement now also point at its claim.
    Stance.objects.filter(target_statement=statement, claim__isnull=True).update(claim=claim)
    claim_reindex(claim)
    if held:
        _propose(ChangeKind.STATEMENT_LINK, user=user, claim=claim, statement=statement,
                 changes={"claim": claim.pk}, before={"claim": previous_claim_id}, note=statement.text[:120])
    else:
        _claims_changed(claim.pk, previous_claim_id)
    return statement


@transaction.atomic
def statement_reject(statement: Statement, *, user, reason: str = "") -> Statement | PendingChange:
    """Reject a candidate (kept, with who, when and why; never shown publicly).

    Removing a statement that is public on a published claim needs an editor: for anyone else it
    becomes a pending change and the statement stays.
    """
    statement = Statement.objects.select_for_update(of=("self",)).select_related("claim").get(pk=statement.pk)
    if _statement_is_public(statement) and not user_can_publish(user):
        return _propose(ChangeKind.STATEMENT_REJECT, user=user, claim=statement.claim, statement=statement,
                        changes={"review_state": ReviewState.REJECTED, "reason": reason[:300]},
                        before={"review_state": statement.review_state}, note=reason)
    statement.review_state = ReviewState.REJECTED
    statement.reviewed_by = user
    statement.reviewed_at = timezone.now()
    statement.reject_reason = reason[:300]
    previous_claim_id = statement.claim_id
    statement.claim = None
    statement.held = False
    statement.save()
    _changes_superseded(statement=statement)
    if previous_claim_id:
        claim_reindex(previous_claim_id)
        _claims_changed(previous_claim_id)
    return statement


@transaction.atomic
def statement_update(statement: Statement, *, user, start: int | None = None, end: int | None = None,
                     speaker: Speaker | None = None) -> Statement | PendingChange:
    """Fix a statement's span (text follows the article body) or its speaker; validated.

    The fix is marked as a person's (a re-run of extraction never replaces it). On a statement
    that is public, anyone but an editor records a pending change instead.
    """
    statement = Statement.objects.select_for_update(of=("self",)).select_related("article", "claim").get(pk=statement.pk)
    new_start = statement.start if start is None else start
    new_end = statement.end if end is None else end
    changes = {}
    if (new_start, new_end) != (statement.start, statement.end):
        changes.update(start=new_start, end=new_end)
    if speaker is not None and speaker.pk != statement.speaker_id:
        changes["speaker"] = speaker.pk
    if not changes:
        return statement
    if _statement_is_public(statement) and not user_can_publish(user):
        if not (0 <= new_start < new_end <= len(statement.article.body)):
            raise ValidationError("Offsets must satisfy 0 <= start < end <= the article length.")
        return _propose(ChangeKind.STATEMENT_EDIT, user=user, claim=statement.claim, statement=statement,
                        changes=changes, note=statement.article.body[new_start:new_end][:120],
                        before={"start": statement.start, "end": statement.end, "speaker": statement.speaker_id})
    statement.start, statement.end = new_start, new_end
    statement.text = statement.article.body[statement.start : statement.end]
    if speaker is not None:
        statement.speaker = speaker
    statement.edited_by = user if getattr(user, "is_authenticated", False) else None
    statement.edited_at = timezone.now()
    statement.full_clean(exclude=["article", "speaker", "claim", "reviewed_by", "edited_by"])
    statement.save()
    if statement.claim_id and statement.review_state == ReviewState.ACCEPTED:
        claim_reindex(statement.claim_id)
        _claims_changed(statement.claim_id)
    return statement


# --- stances -----------------------------------------------------------------------------------


@transaction.atomic
def stance_review(stance: Stance, *, user, accept: bool) -> Stance | PendingChange:
    """Accept or reject an extracted stance.

    On a published claim, anyone but an editor who accepts a stance leaves it held (not public)
    with a pending change; rejecting a public stance becomes a pending change.
    """
    stance = Stance.objects.select_for_update(of=("self",)).select_related("claim", "target_statement__claim").get(pk=stance.pk)
    claim = stance.claim or (stance.target_statement.claim if stance.target_statement_id else None)
    public_now = stance.review_state == ReviewState.ACCEPTED and not stance.held and _is_public(claim)
    if not accept and public_now and not user_can_publish(user):
        return _propose(ChangeKind.STANCE_REVIEW, user=user, claim=claim, stance=stance,
                        changes={"accept": False}, before={"review_state": stance.review_state})
    stance.review_state = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
    stance.reviewed_by = user
    stance.reviewed_at = timezone.now()
    if accept and stance.claim_id is None and claim is not None:
        stance.claim = claim
    stance.held = bool(accept and _needs_editor(user, claim))
    stance.save()
    if stance.held:
        _propose(ChangeKind.STANCE_REVIEW, user=user, claim=claim, stance=stance, changes={"accept": True},
                 before={"review_state": ReviewState.CANDIDATE}, note=f"{stance.speaker} {stance.polarity}")
    else:
        if not accept:
            _changes_superseded(stance=stance)
        _claims_changed(claim.pk if claim else None)
    return stance


# --- verdicts ----------------------------------------------------------------------------------


@transaction.atomic
def verdict_draft(
    *, claim: Claim, user, rating: str, explanation: str, summary: str = "", evidence_links: list | None = None
) -> Verdict:
    """A new draft verdict on a claim (the claim moves to 'being checked')."""
    verdict = Verdict(
        claim=claim, author=user, rating=rating, summary=summary, explanation=explanation,
        evidence_links=evidence_links or [],
    )
    verdict.full_clean(exclude=["claim", "author"])
    verdict.save()
    if claim.status == VerificationStatus.UNVERIFIED:
        claim.status = VerificationStatus.IN_REVIEW
        claim.save(update_fields=["status", "updated_at"])
    return verdict


_VERDICT_FIELDS = {"rating", "summary", "explanation", "evidence_links"}


def verdict_check_editable(verdict: Verdict, user) -> None:
    """Raise PermissionDenied when ``user`` may not touch this verdict: a draft is its author's
    (or an editor's). Published verdicts are open to proposals (see verdict_update)."""
    if verdict.status == VerdictStatus.DRAFT and not user_can_publish(user) and verdict.author_id != getattr(
        user, "pk", None
    ):
        raise PermissionDenied(ERROR_NOT_YOUR_DRAFT.format(author=verdict.author.get_username()))


@transaction.atomic
def verdict_update(verdict: Verdict, *, user, expected_revision: int, **changes) -> Verdict | PendingChange:
    """Change a verdict if nobody else changed it since ``expected_revision`` (else ValidationError).

    A draft is changed by its author or an editor only. A published verdict on a public claim is
    changed by an editor only: anyone else records a pending change (returned instead of the
    verdict); the public page, the API and partners keep the published version until an editor
    publishes the change.
    """
    unknown = set(changes) - _VERDICT_FIELDS
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    current = Verdict.objects.select_related("claim", "author").get(pk=verdict.pk)
    verdict_check_editable(current, user)
    if current.revision != expected_revision:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    public = current.status == VerdictStatus.PUBLISHED and _is_public(current.claim)
    if public and not user_can_publish(user):
        changes = {f: v for f, v in changes.items() if getattr(current, f) != v}
        return _propose(ChangeKind.VERDICT_EDIT, user=user, claim=current.claim, verdict=current, changes=changes,
                        before={**{f: getattr(current, f) for f in changes}, "revision": current.revision})
    # The conditional UPDATE is the lock: two editors who read revision N cannot both win.
    updated = Verdict.objects.filter(pk=verdict.pk, revision=expected_revision).update(
        revision=expected_revision + 1, updated_at=timezone.now(), **changes
    )
    if not updated:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    verdict = Verdict.objects.get(pk=verdict.pk)
    # The UPDATE above bypasses save(); record the history row explicitly.
    verdict._change_reason = f"edited by {getattr(user, 'username', user)}"
    verdict.save(update_fields=["updated_at"])
    if verdict.status == VerdictStatus.PUBLISHED:
        _claims_changed(verdict.claim_id)
        if public:
            _after_verdict_event(verdict, "verdict.changed")
    return verdict


@transaction.atomic
def verdict_publish(verdict: Verdict, *, user, expected_revision: int | None = None) -> Verdict:
    """Publish a verdict (editors only): it becomes the claim's current verdict; the claim goes public."""
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_PUBLISH_PERMISSION)
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if expected_revision is not None and verdict.revision != expected_revision:
        raise ValidationError(ERROR_STALE_VERDICT, code="stale")
    claim = Claim.objects.select_for_update().get(pk=verdict.claim_id)
    event = "verdict.changed" if claim.current_verdict_id and _is_public(claim) else "verdict.published"
    now = timezone.now()
    verdict.status = VerdictStatus.PUBLISHED
    verdict.published_at = now
    verdict.published_by = user
    verdict.revision += 1
    verdict.save()
    claim.current_verdict = verdict
    claim.status = VerificationStatus.VERIFIED
    claim.published = True
    claim.published_at = claim.published_at or now
    claim.withdrawn_at = None
    claim.save(update_fields=["current_verdict", "status", "published", "published_at", "withdrawn_at", "updated_at"])
    claim_reindex(claim)
    _claims_changed(claim.pk)
    _after_verdict_event(verdict, event)
    return verdict


def _after_verdict_event(verdict: Verdict, event: str) -> None:
    """Queue partner webhooks for this verdict event once the transaction commits."""
    from claims import tasks

    claim_id, verdict_id = verdict.claim_id, verdict.pk
    transaction.on_commit(lambda: tasks.enqueue_safely(tasks.dispatch_verdict_event_task, event, verdict_id, claim_id))


def _after_claim_withdrawn(claim_id: int) -> None:
    """Queue the ``verdict.withdrawn`` webhooks of a claim that left the public once the transaction commits."""
    from claims import tasks

    transaction.on_commit(lambda: tasks.enqueue_safely(tasks.dispatch_claim_withdrawn_task, claim_id))


# --- pending changes to published material -------------------------------------------------------


def _change_apply(change: PendingChange, editor) -> None:
    """Replay a pending change through the service that owns it, as ``editor``."""
    values = change.changes
    if change.kind == ChangeKind.VERDICT_EDIT:
        verdict = Verdict.objects.get(pk=change.verdict_id)
        result = verdict_update(verdict, user=editor, expected_revision=verdict.revision, **values)
    elif change.kind == ChangeKind.CLAIM_EDIT:
        result = claim_update(change.claim, user=editor, **values)
    elif change.kind == ChangeKind.CLAIM_MERGE:
        result = claim_merge(source=change.other_claim, target=change.claim, user=editor)
    elif change.kind == ChangeKind.STATEMENT_EDIT:
        speaker = Speaker.objects.get(pk=values["speaker"]) if values.get("speaker") else None
        result = statement_update(change.statement, user=editor, start=values.get("start"), end=values.get("end"),
                                  speaker=speaker)
    elif change.kind == ChangeKind.STATEMENT_REJECT:
        result = statement_reject(change.statement, user=editor, reason=values.get("reason", ""))
    elif change.kind == ChangeKind.STATEMENT_LINK:
        Statement.objects.filter(pk=change.statement_id).update(held=False)
        result = None
        _claims_changed(change.claim_id)
    elif change.kind == ChangeKind.STANCE_REVIEW:
        if values.get("accept"):
            Stance.objects.filter(pk=change.stance_id).update(held=False)
            result = None
            _claims_changed(change.claim_id)
        else:
            result = stance_review(change.stance, user=editor, accept=False)
    elif change.kind == ChangeKind.SPEAKER_EDIT:
        result = speaker_update(change.speaker, user=editor, **values)
    elif change.kind == ChangeKind.SPEAKER_MERGE:
        result = speaker_merge(source=change.other_speaker, target=change.speaker, user=editor)
    else:  # pragma: no cover - every kind is handled above
        raise ValueError(f"unknown change kind {change.kind!r}")
    if isinstance(result, PendingChange):  # the editor lost the right meanwhile; never apply half
        raise PermissionDenied(ERROR_CHANGE_PUBLISH)


@transaction.atomic
def change_publish(change: PendingChange, *, user) -> PendingChange:
    """Publish a pending change (editors only): it is applied through its own service, then recorded."""
    if not user_can_publish(user):
        raise PermissionDenied(ERROR_CHANGE_PUBLISH)
    change = PendingChange.objects.select_for_update(of=("self",)).select_related(
        "claim", "verdict", "statement", "stance", "other_claim", "speaker", "other_speaker"
    ).get(pk=change.pk)
    if change.state != ChangeState.PENDING:
        raise ValidationError(ERROR_CHANGE_DECIDED.format(state=change.get_state_display()))
    _change_apply(change, user)
    change.state = ChangeState.PUBLISHED
    change.decided_by = user
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return change


@transaction.atomic
def change_discard(change: PendingChange, *, user) -> PendingChange:
    """Discard a pending change (its author or an editor); held statements and stances go back to review."""
    change = PendingChange.objects.select_for_update().get(pk=change.pk)
    if not (user_can_publish(user) or change.proposed_by_id == getattr(user, "pk", None)):
        raise PermissionDenied(ERROR_CHANGE_DISCARD)
    if change.state != ChangeState.PENDING:
        raise ValidationError(ERROR_CHANGE_DECIDED.format(state=change.get_state_display()))
    if change.kind == ChangeKind.STATEMENT_LINK and change.statement_id:
        statement = Statement.objects.select_for_update().get(pk=change.statement_id)
        if statement.held:
            statement.held = False
            statement.review_state = ReviewState.CANDIDATE
            statement.claim_id = change.before.get("claim")
            statement._change_reason = "held link discarded"
            statement.save()
    if change.kind == ChangeKind.STANCE_REVIEW and change.changes.get("accept") and change.stance_id:
        Stance.objects.filter(pk=change.stance_id, held=True).update(held=False, review_state=ReviewState.CANDIDATE)
    change.state = ChangeState.DISCARDED
    change.decided_by = user
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return change


def _changes_superseded(*, statement: Statement | None = None, stance: Stance | None = None) -> None:
    """Pending changes about a statement or stance that was just rejected by an editor are moot."""
    qs = PendingChange.objects.filter(state=ChangeState.PENDING)
    qs = qs.filter(statement=statement) if statement is not None else qs.filter(stance=stance)
    qs.update(state=ChangeState.DISCARDED, decided_at=timezone.now())


# --- extraction --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractionOutcome:
    article_id: int
    status: str
    statements: int = 0
    stances: int = 0
    skipped: bool = False
    error: str = ""


def _lock_speaker_name(normalized: str) -> None:
    """Transaction-scoped lock on one normalised name (PostgreSQL; SQLite serialises writers anyway)."""
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(hashlib.blake2b(normalized.encode(), digest_size=8).digest(), "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _speaker_for(stmt_key: str | None, name: str, mention: str, cache: dict, proposals: dict) -> Speaker | None:
    """Resolve an extracted speaker to a row: by gazetteer key, then by alias, else a proposed speaker."""
    cache_key = (stmt_key, name)
    if cache_key in cache:
        return cache[cache_key]
    speaker = None
    if stmt_key:
        if stmt_key.isdigit():
            speaker = Speaker.objects.filter(pk=int(stmt_key)).first()
        else:
            speaker = Speaker.objects.filter(registry_key=stmt_key).first()
    if speaker is None and name:
        speaker = speaker_find(name)
    if speaker is None and mention and mention != name:
        speaker = speaker_find(mention)
    if speaker is None and name and normalize_alias(name):
        # Two workers may meet the same new person at once: serialise creation per name, then
        # look again, so the second one uses the first one's row instead of a duplicate.
        _lock_speaker_name(normalize_alias(name))
        speaker = speaker_find(name)
    if speaker is None and name and normalize_alias(name):
        proposal = proposals.get(normalize_alias(name))
        speaker = speaker_create(
            name=name,
            title=proposal.title if proposal else "",
            kind=proposal.kind if proposal else "person",
            aliases=tuple(proposal.aliases) if proposal else (),
            origin=Origin.EXTRACTED,
        )
    while speaker is not None and speaker.merged_into_id:
        speaker = speaker.merged_into
    cache[cache_key] = speaker
    return speaker


def article_extract(article_id: int, *, force: bool = False, gazetteer=None, worker: str = "") -> ExtractionOutcome:
    """Run extraction on one article and store its candidates; idempotent and safe to repeat.

    Re-running replaces the article's unreviewed candidates and never touches reviewed statements
    (new candidates overlapping a reviewed span are dropped). The article row is locked while
    candidates are written, so concurrent runs cannot duplicate them. A deleted article is a no-op.
    """
    from claims import extraction
    from claims.selectors import speaker_gazetteer

    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return ExtractionOutcome(article_id, "missing", skipped=True)
        if (
            not force
            and article.extraction_status == ExtractionStatus.DONE
            and article.extractor_version == extraction.EXTRACTOR_VERSION
        ):
            return ExtractionOutcome(article_id, article.extraction_status, skipped=True)
        article.extraction_status = ExtractionStatus.RUNNING
        article.extraction_attempts += 1
        article.extraction_started_at = timezone.now()
        article.extraction_error = ""
        article.extraction_worker = worker  # the sweep re-queues it when this worker's heartbeat stops
        article.save(update_fields=[
            "extraction_status", "extraction_attempts", "extraction_started_at", "extraction_error",
            "extraction_worker", "updated_at",
        ])
        body = article.body
        published = (article.published_at or article.created_at)
        published_date = timezone.localdate(published) if published else None

    began = time.perf_counter()
    result = extraction.extract(body, published=published_date, gazetteer=gazetteer or speaker_gazetteer())
    elapsed_ms = int((time.perf_counter() - began) * 1000)
    return _store_extraction(article_id, result, elapsed_ms)


class _KeptSpans:
    """Spans of the statements a re-run keeps, sorted and never overlapping, with their rows.

    An overlap test needs only the neighbours on either side: O(log n) per statement even for
    articles with thousands of quotes.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.rows: list[Statement | None] = []

    def add(self, start: int, end: int, row: Statement | None = None) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.rows.insert(i, row)

    def overlapping(self, start: int, end: int) -> tuple[bool, Statement | None]:
        """Whether the span overlaps a kept one, and that kept statement when it is the same span
        (overlap at least half of the union), so stances found on it can point at the kept row."""
        i = bisect.bisect_left(self.starts, start)
        for j in (i - 1, i):
            if 0 <= j < len(self.starts) and self.starts[j] < end and self.ends[j] > start:
                inter = min(end, self.ends[j]) - max(start, self.starts[j])
                union = max(end, self.ends[j]) - min(start, self.starts[j])
                return True, (self.rows[j] if 2 * inter >= union else None)
        return False, None


def _replaceable_statements(article_id: int):
    """Candidates a re-run may replace: untouched by a person and not answered by reviewed stances."""
    answered = Stance.objects.filter(target_statement__article_id=article_id).exclude(
        review_state=ReviewState.CANDIDATE
    ).values("target_statement_id")
    return Statement.objects.filter(
        article_id=article_id, review_state=ReviewState.CANDIDATE, edited_at__isnull=True
    ).exclude(pk__in=answered)


def _replaceable_stances(article_id: int):
    return Stance.objects.filter(article_id=article_id, review_state=ReviewState.CANDIDATE, held=False)


@dataclass(frozen=True)
class RerunPreview:
    """What re-running extraction on an article will replace and what it keeps."""

    article_id: int
    replaced_statements: int
    replaced_stances: int
    kept_statements: int
    kept_stances: int


def article_rerun_preview(article_id: int) -> RerunPreview:
    """Counts for the desk's confirmation page: machine candidates replaced, review work kept."""
    statements = Statement.objects.filter(article_id=article_id).count()
    stances = Stance.objects.filter(article_id=article_id).count()
    replaced = _replaceable_statements(article_id).count()
    replaced_stances = _replaceable_stances(article_id).count()
    return RerunPreview(article_id, replaced, replaced_stances, statements - replaced, stances - replaced_stances)


@transaction.atomic
def _store_extraction(article_id: int, result, elapsed_ms: int) -> ExtractionOutcome:
    """Replace the article's untouched machine candidates with ``result``; never undo review work.

    Kept: every reviewed statement, every candidate a person fixed (span, speaker, split), every
    statement a reviewed stance answers, and every reviewed stance. New candidates overlapping a
    kept span are dropped, but stances found on them point at the kept statement, unless a stance
    of that speaker and polarity on it already exists (a rejected one is not made again).
    """
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:  # deleted while we were extracting
        return ExtractionOutcome(article_id, "missing", skipped=True)
    _replaceable_stances(article_id).delete()
    _replaceable_statements(article_id).delete()
    kept = _KeptSpans()
    for row in Statement.objects.filter(article=article).order_by("start").only(
        "id", "start", "end", "claim_id", "review_state"
    ):
        kept.add(row.start, row.end, row)

    proposals = {normalize_alias(p.name): p for p in result.new_speakers}
    cache: dict = {}
    rows: dict[int, Statement] = {}
    targets: dict[int, Statement] = {}
    body_len = len(article.body)
    for index, item in enumerate(result.statements):
        if not (0 <= item.start < item.end <= body_len) or article.body[item.start : item.end] != item.text:
            logger.warning("article %s: dropping statement with invalid span %s-%s", article_id, item.start, item.end)
            continue
        overlaps, same = kept.overlapping(item.start, item.end)
        if overlaps:
            if same is not None:
                targets[index] = same
            continue
        row = Statement(
            article=article,
            speaker=_speaker_for(item.speaker_key, item.speaker, item.mention, cache, proposals),
            mention=(item.mention or "")[:200],
            mention_start=item.mention_start,
            mention_end=item.mention_end,
            text=item.text,
            start=item.start,
            end=item.end,
            kind=item.kind,
            language=item.language if item.language in {"zh-Hant", "zh-Hans", "en", "other"} else "other",
            said_on=item.said_on,
            venue=(item.venue or "")[:200],
            via=list(item.via),
            cue=(item.cue or "")[:100],
            claim_key=(item.claim_key or "")[:64],
            confidence=min(1.0, max(0.0, float(item.confidence))),
            extractor_version=result.version,
        )
        kept.add(item.start, item.end, row)
        rows[index] = targets[index] = row
    # One INSERT per batch for the statements and one for their history rows, instead of two
    # INSERTs per statement (the bulk of the task's time on PostgreSQL).
    bulk_create_with_history(list(rows.values()), Statement, batch_size=500)
    existing = set(
        Stance.objects.filter(target_statement__article_id=article_id)
        .values_list("speaker_id", "polarity", "target_statement_id")
    )
    stance_rows = []
    for item in result.stances:
        target = targets.get(item.target)
        if target is None or target.pk is None:
            continue
        speaker = _speaker_for(item.speaker_key, item.speaker, item.speaker, cache, proposals)
        if speaker is None or (speaker.pk, item.polarity, target.pk) in existing:
            continue
        existing.add((speaker.pk, item.polarity, target.pk))
        stance_rows.append(Stance(
            speaker=speaker,
            polarity=item.polarity,
            target_statement=target,
            claim_id=target.claim_id if target.review_state == ReviewState.ACCEPTED else None,
            article=article,
            cue=(item.cue or "")[:300],
            cue_start=item.cue_start,
            cue_end=item.cue_end,
            said_on=item.said_on,
            extractor_version=result.version,
        ))
    bulk_create_with_history(stance_rows, Stance, batch_size=500)
    article.extraction_status = ExtractionStatus.DONE
    article.extractor_version = result.version
    article.extraction_ms = elapsed_ms
    article.extraction_finished_at = timezone.now()
    article.save(update_fields=[
        "extraction_status", "extractor_version", "extraction_ms", "extraction_finished_at", "updated_at"
    ])
    return ExtractionOutcome(article_id, ExtractionStatus.DONE, statements=len(rows), stances=len(stance_rows))


def article_extraction_failed(article_id: int, error: str) -> None:
    """Record a failed extraction with its reason (shown in the desk and the status URL)."""
    Article.objects.filter(pk=article_id).update(
        extraction_status=ExtractionStatus.FAILED,
        extraction_error=error[:2000],
        extraction_finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def articles_needing_extraction(
    *, pending_seconds: int, running_seconds: int, worker_stale_seconds: int | None = None, limit: int = 1000
) -> list[int]:
    """Ids of articles left pending for ``pending_seconds`` (the broker missed them), or running
    for ``running_seconds`` (the worker died mid-task), or running on a worker whose heartbeat is
    ``worker_stale_seconds`` old (it died: factdesk.heartbeat), oldest first."""
    now = timezone.now()
    stranded = Q(extraction_status=ExtractionStatus.RUNNING, updated_at__lt=now - dt.timedelta(seconds=running_seconds))
    if worker_stale_seconds is not None:
        stranded |= stranded_running_q(now=now, stale_seconds=worker_stale_seconds)
    return list(
        Article.objects.filter(
            Q(extraction_status=ExtractionStatus.PENDING, updated_at__lt=now - dt.timedelta(seconds=pending_seconds))
            | stranded
        ).order_by("id").values_list("id", flat=True)[:limit]
    )


@transaction.atomic
def article_delete(article: Article) -> None:
    """Delete an article and its candidates; refused when any statement was reviewed."""
    if Statement.objects.filter(article=article).exclude(review_state=ReviewState.CANDIDATE).exists():
        raise ValidationError(ERROR_REVIEWED_ARTICLE)
    Stance.objects.filter(article=article).delete()
    Statement.objects.filter(article=article).delete()
    article.delete()


# --- the fact-checkers' desk (review queue actions) ----------------------------------------------

ERROR_SPLIT_PARTS = "A split needs at least two non-empty, non-overlapping parts inside the statement."
ERROR_SPLIT_STATE = "Only candidate statements can be split; reopen or reject it first."
ERROR_SPLIT_TAKEN = "Another statement already covers the span {start}-{end} in this article."
ERROR_MERGE_SELF = "A claim cannot be merged into itself."
ERROR_MERGE_NEEDS_TWO = "Select at least two statements to merge into one claim."


def _claim_live(claim: Claim) -> Claim:
    """The claim a merged claim now lives in (merged claims are followed to their target)."""
    seen = set()
    while claim.merged_into_id and claim.pk not in seen:
        seen.add(claim.pk)
        claim = Claim.objects.get(pk=claim.merged_into_id)
    return claim


@transaction.atomic
def statement_split(statement: Statement, *, user, parts: list[tuple[int, int]]) -> list[Statement]:
    """Split a candidate into several candidates, one per part (article offsets inside its span).

    The statement keeps its row (and history) as the first part; each further part becomes a new
    candidate with the same speaker, venue, relay chain and date, and its own matching key, so that
    each can be accepted into a claim of its own.
    """

    statement = Statement.objects.select_for_update().select_related("article").get(pk=statement.pk)
    if statement.review_state != ReviewState.CANDIDATE:
        raise ValidationError(ERROR_SPLIT_STATE)
    spans = sorted((int(s), int(e)) for s, e in parts)
    if len(spans) < 2 or any(not (statement.start <= s < e <= statement.end) for s, e in spans):
        raise ValidationError(ERROR_SPLIT_PARTS)
    if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
        raise ValidationError(ERROR_SPLIT_PARTS)
    body = statement.article.body
    for s, e in spans[1:]:
        if Statement.objects.filter(article_id=statement.article_id, start=s, end=e).exclude(pk=statement.pk).exists():
            raise ValidationError(ERROR_SPLIT_TAKEN.format(start=s, end=e))
    first_start, first_end = spans[0]
    if (
        (first_start, first_end) != (statement.start, statement.end)
        and Statement.objects.filter(article_id=statement.article_id, start=first_start, end=first_end)
        .exclude(pk=statement.pk)
        .exists()
    ):
        raise ValidationError(ERROR_SPLIT_TAKEN.format(start=first_start, end=first_end))
    result = []
    for s, e in spans[1:]:
        text = body[s:e]
        result.append(
            Statement.objects.create(
                article_id=statement.article_id,
                speaker_id=statement.speaker_id,
                mention=statement.mention,
                mention_start=statement.mention_start,
                mention_end=statement.mention_end,
                text=text,
                start=s,
                end=e,
                kind=statement.kind,
                language=statement.language,
                said_on=statement.said_on,
                venue=statement.venue,
                via=list(statement.via or []),
                cue=statement.cue,
                claim_key=claim_key_of(text),
                confidence=statement.confidence,
                extractor_version=statement.extractor_version,
                edited_by=user if getattr(user, "is_authenticated", False) else None,
                edited_at=timezone.now(),
            )
        )
    statement.start, statement.end = first_start, first_end
    statement.text = body[first_start:first_end]
    statement.claim_key = claim_key_of(statement.text)
    statement.edited_by = user if getattr(user, "is_authenticated", False) else None
    statement.edited_at = timezone.now()
    statement._change_reason = f"split into {len(spans)} parts"
    statement.save()
    return [statement, *result]


def _claim_by_key(key: str) -> Claim | None:
    """The oldest live claim with this matching key, if any."""
    if not key:
        return None
    return Claim.objects.filter(key=key, merged_into__isnull=True).order_by("id").first()


@transaction.atomic
def statements_bulk_accept(statements, *, user) -> list[Statement]:
    """Accept candidates in bulk: each joins the live claim with its matching key, else a new claim."""
    accepted = []
    for statement in statements:
        accepted.append(statement_accept(statement, user=user, claim=_claim_by_key(statement.claim_key)))
    return accepted


@transaction.atomic
def statements_bulk_reject(statements, *, user, reason: str = "") -> list[Statement]:
    """Reject candidates in bulk with one reason."""
    return [statement_reject(statement, user=user, reason=reason) for statement in statements]


@transaction.atomic
def statements_merge(statements, *, user, claim: Claim | None = None, new_claim_text: str = "") -> Claim:
    """Accept duplicate statements into one claim: ``claim``, else a new claim from the first one."""
    statements = list(statements)
    if len(statements) < 2 and claim is None:
        raise ValidationError(ERROR_MERGE_NEEDS_TWO)
    first = statement_accept(statements[0], user=user, claim=claim, new_claim_text=new_claim_text)
    target = first.claim
    for statement in statements[1:]:
        statement_accept(statement, user=user, claim=target)
    return target


def _claim_has_public_verdict(claim: Claim) -> bool:
    return bool(claim.current_verdict_id) and Verdict.objects.filter(
        pk=claim.current_verdict_id, status=VerdictStatus.PUBLISHED
    ).exists()


@transaction.atomic
def claim_update(claim: Claim, *, user, **changes) -> Claim | PendingChange:
    """Change a claim's wording, type, language or checking status (slug and key stay stable).

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


# --- partner API keys and webhook subscriptions ------------------------------------------------

ERROR_PARTNER_NAME = "A partner key needs a name."
ERROR_PARTNER_SCOPES = "Choose at least one scope among: read, ingest."
ERROR_WEBHOOK_EVENTS = "Choose at least one event among: verdict.published, verdict.changed, verdict.withdrawn."


def _partner_scopes(scopes) -> list[str]:
    from claims.models import PartnerScope

    cleaned = [s for s in PartnerScope.values if s in set(scopes or [])]
    if not cleaned or len(cleaned) != len(set(scopes or [])):
        raise ValidationError(ERROR_PARTNER_SCOPES)
    return cleaned


@transaction.atomic
def partner_key_create(name: str, scopes, user=None, *, contact_email: str = ""):
    """A new active partner key; returns (key, plaintext). Only the hash is stored: the plaintext
    ``<prefix>.<secret>`` exists here once and must be shown to the person creating the key."""
    import secrets

    from claims.api.auth import CANARY_NAME, CANARY_PREFIX, canary_hash, partner_key_hash
    from claims.models import PartnerKey

    name = (name or "").strip()[:200]
    if not name:
        raise ValidationError(ERROR_PARTNER_NAME)
    # The key-hash canary (claims.api.auth): recorded with the first key, and again under a new
    # pepper once no active key hashed under the old one is left (a stale canary with live keys
    # stays, so the check keeps saying those keys fail).
    canary, made = PartnerKey.objects.get_or_create(
        prefix=CANARY_PREFIX,
        defaults={"name": CANARY_NAME, "key_hash": canary_hash(), "scopes": [], "active": False,
                  "revoked_at": timezone.now()},
    )
    if not made and canary.key_hash != canary_hash() and not PartnerKey.objects.filter(
        active=True, revoked_at__isnull=True
    ).exclude(prefix=CANARY_PREFIX).exists():
        PartnerKey.objects.filter(pk=canary.pk).update(key_hash=canary_hash())
    prefix = secrets.token_hex(4)
    while PartnerKey.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    plaintext = f"{prefix}.{secrets.token_urlsafe(32)}"
    key = PartnerKey.objects.create(
        name=name,
        contact_email=contact_email,
        prefix=prefix,
        key_hash=partner_key_hash(plaintext),
        scopes=_partner_scopes(scopes),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return key, plaintext


@transaction.atomic
def partner_key_update(key, *, name: str, scopes, contact_email: str = "", user=None):
    """Rename a key or change its scopes (the secret never changes; revoke and create instead)."""
    name = (name or "").strip()[:200]
    if not name:
        raise ValidationError(ERROR_PARTNER_NAME)
    key.name, key.scopes, key.contact_email = name, _partner_scopes(scopes), contact_email
    key.save(update_fields=["name", "scopes", "contact_email"])
    return key


@transaction.atomic
def partner_key_revoke(key, user=None):
    """Revoke a key for good: it stops authenticating at once and its webhooks stop."""
    from claims.models import PartnerKey

    now = timezone.now()
    PartnerKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(active=False, revoked_at=now)
    key.refresh_from_db()
    logger.info("partner key %s revoked by %s", key.prefix, getattr(user, "username", user))
    return key


def partner_key_mark_used(key) -> None:
    """Record that a key was used; written at most once a minute per key (not on every request)."""
    from claims.models import PartnerKey

    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > dt.timedelta(seconds=60):
        PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now


@transaction.atomic
def webhook_subscription_save(subscription):
    """Validate and save a subscription (a signing secret is generated when none was given).

    The URL must pass the fetcher's address rules (claims.webhooks.webhook_url_check): an editor
    cannot point the worker at loopback, the private network or a cloud metadata address."""
    import secrets

    from claims.models import WebhookEvent
    from claims.webhooks import ERROR_WEBHOOK_URL, webhook_url_check
    from sources.fetching import FetchError

    events = list(dict.fromkeys(subscription.events or []))
    if not events or any(e not in WebhookEvent.values for e in events):
        raise ValidationError(ERROR_WEBHOOK_EVENTS)
    try:
        webhook_url_check(subscription.url)
    except FetchError as exc:
        raise ValidationError({"url": ERROR_WEBHOOK_URL.format(reason=exc.message)}) from None
    subscription.events = events
    if not subscription.secret:
        subscription.secret = secrets.token_hex(32)
    subscription.full_clean(exclude=["partner"])
    subscription.save()
    return subscription
