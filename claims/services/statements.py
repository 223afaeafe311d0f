"""Claims services: statements under review (accept, reject, fix span or speaker, split, bulk, merge)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.extraction.claim_keys import claim_key_of
from claims.models import ChangeKind, Claim, PendingChange, ReviewState, Speaker, Stance, Statement
from claims.services.claims import _claim_by_key, claim_create, claim_reindex
from claims.services.editorial import (
    _changes_superseded,
    _claims_changed,
    _is_public,
    _needs_editor,
    _propose,
    user_can_publish,
)
from claims.services.flips import flips_find_after_review

ERROR_MOVE_PUBLIC = "This statement is public on a published claim; an editor must move it."

ERROR_SPLIT_PARTS = "A split needs at least two non-empty, non-overlapping parts inside the statement."

ERROR_SPLIT_STATE = "Only candidate statements can be split; reopen or reject it first."

ERROR_SPLIT_TAKEN = "Another statement already covers the span {start}-{end} in this article."

ERROR_MERGE_NEEDS_TWO = "Select at least two statements to merge into one claim."


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
        flips_find_after_review(statement.speaker_id, claim.pk)
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
