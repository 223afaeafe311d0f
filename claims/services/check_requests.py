"""Claims services: readers' check requests (receive and group, turn a group into a claim, tell the
requesters when a verdict is published).

A request joins a group when its normalised text has the group's key (script, case, spacing and
punctuation folded: claims.extraction.claim_keys), when it restates the published claim a group
answers (the desk's suggestion rule), or when its wording is close to a group's (bigram Dice at
least GROUP_MIN_DICE). Nothing here is public but the count and the matched published claim; the
contact is read only by ``check_requests_notify``, which the verdict's publication queues after
commit (factdesk.outbox) so that no mail leaves for a verdict that was rolled back; it is forgotten
once that mail is sent, or after FACTDESK_READER_CONTACT_DAYS (``check_request_contacts_forget``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from claims.extraction.claim_keys import canonical, claim_key_of
from claims.models import CheckRequest, CheckRequestGroup, Claim, RequestGroupStatus, VerdictStatus
from claims.models.readers import REQUEST_TEXT_MAX, REQUEST_TEXT_MIN
from claims.presentation import public_claim_url
from claims.public_cache import public_data_changed
from claims.ratings import RATING_INFO, Rating
from claims.selectors import (
    check_requests_to_notify,
    claim_published_list,
    claim_suggestions_for_text,
    request_group_by_key,
    request_group_for_claim,
    request_group_similar,
)
from claims.services.claims import claim_create
from factdesk.middleware import rate_hit

logger = logging.getLogger(__name__)

# Messages shown to readers (translated where shown); tests reuse them.
ERROR_REQUEST_SHORT = gettext_noop("Please write at least a few words of what you want checked.")
ERROR_REQUEST_LONG = gettext_noop("Please keep your request under 2000 characters.")
ERROR_GROUP_HAS_CLAIM = "This group already has a claim."
NOTICE_SUBJECT = gettext_noop("factdesk checked the claim you asked about")
NOTICE_BODY = gettext_noop(
    "You asked us to check:\n\n{request}\n\nOur verdict: {rating}.\n{summary}\n\nRead the check: {url}\n\n"
    "You receive this message once, because you left this address with your request."
)

# A published claim answers a request when it has the same key or the same text in either script
# (scores 1.0 and 0.95), or similar wording scoring at least this (0.9 x bigram Dice >= 0.6).
MATCH_MIN_SCORE = 0.54


@dataclass(frozen=True)
class CheckRequestOutcome:
    request: CheckRequest
    group: CheckRequestGroup
    count: int
    claim: Claim | None  # the published claim that answers it, if any


def check_request_throttle(ident: str) -> int | None:
    """Count one request from this client (address, or ``key<id>`` for a partner) against
    FACTDESK_THROTTLE_CHECK_REQUESTS, shared by the page and the API; seconds to wait when over it."""
    return rate_hit("check-requests", ident, settings.FACTDESK_THROTTLE_CHECK_REQUESTS)


def client_fingerprint(address: str) -> str:
    """A keyed hash of a client address: lets the desk see one source of many requests, stores no address."""
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _published_match(text: str, key: str) -> Claim | None:
    """The published claim that this wording restates (the desk's suggestion rule, one bounded call), or None:
    the best suggestion scoring at least MATCH_MIN_SCORE, else one whose whole wording the request
    contains ("Is it true that <claim>?")."""
    suggestions = claim_suggestions_for_text(text, key=key, limit=5, claims=claim_published_list())
    best = next((s for s in suggestions if s.score >= MATCH_MIN_SCORE), None)
    if best is not None:
        return best.claim
    canon = canonical(text)
    for suggestion in suggestions:
        form = canonical(suggestion.claim.text)
        if len(form) >= 8 and form in canon:
            return suggestion.claim
    return None


def _group_for(text: str, key: str, language: str) -> tuple[CheckRequestGroup, Claim | None]:
    group = request_group_by_key(key)
    if group is not None:
        # Asked before: its public answer if it has one, else a published claim it may restate now.
        return group, _public_answer(group) or _published_match(text, key)
    claim = _published_match(text, key)
    if claim is not None:
        group = request_group_for_claim(claim.pk)
        if group is not None:
            return group, claim
    else:
        group = request_group_similar(text)
        if group is not None:
            return group, _public_answer(group)
    try:
        with transaction.atomic():
            group = CheckRequestGroup.objects.create(
                text=text, key=key, language=language, claim=claim,
                status=RequestGroupStatus.ANSWERED if claim is not None else RequestGroupStatus.OPEN,
            )
    except IntegrityError:  # the same words arrived at the same moment: join the group that won
        group = CheckRequestGroup.objects.get(key=key)
    return group, claim


def _public_answer(group: CheckRequestGroup) -> Claim | None:
    if not group.claim_id:
        return None
    return claim_published_list().filter(pk=group.claim_id).first()


def check_request_clean_text(text: str) -> str:
    """The request's text stripped, or ValidationError with a reader's message for too short or too long."""
    text = (text or "").strip()
    if len(text) > REQUEST_TEXT_MAX:
        raise ValidationError(gettext(ERROR_REQUEST_LONG), code="too_long")
    if len(canonical(text)) < REQUEST_TEXT_MIN:
        raise ValidationError(gettext(ERROR_REQUEST_SHORT), code="too_short")
    return text


@transaction.atomic
def check_request_create(*, text: str, url: str = "", contact: str = "", language: str = "", client: str = "",
                         partner=None) -> CheckRequestOutcome:
    """Store a reader's request in its group (found or new) and count it; return the group's count and
    the published claim that answers it, if any. Text is stored as written and only ever shown escaped."""
    text = check_request_clean_text(text)
    key = claim_key_of(text)
    group, claim = _group_for(text, key, language)
    request = CheckRequest.objects.create(group=group, text=text, url=url or "", contact=contact or "",
                                          language=language, client=client_fingerprint(client), partner=partner)
    fields = {"request_count": F("request_count") + 1, "last_asked_at": timezone.now()}
    if claim is not None and group.claim_id is None:
        fields.update(claim=claim, status=RequestGroupStatus.ANSWERED)
    CheckRequestGroup.objects.filter(pk=group.pk).update(**fields)
    group.refresh_from_db()
    if claim is not None:  # the published claim answering it shows "asked by N readers": a public change
        public_data_changed()
    return CheckRequestOutcome(request=request, group=group, count=group.request_count, claim=claim)


@transaction.atomic
def check_request_group_to_claim(group: CheckRequestGroup, *, user, text: str = "") -> Claim:
    """Make an unpublished claim from a group (worded ``text``, else the group's first request) for the
    desk to check; the group then counts as that claim's readers."""
    group = CheckRequestGroup.objects.select_for_update().get(pk=group.pk)
    if group.claim_id:
        raise ValidationError(ERROR_GROUP_HAS_CLAIM)
    claim = claim_create(text=text or group.text, language=group.language, user=user)
    group.claim = claim
    group.status = RequestGroupStatus.CHECKING
    group.save(update_fields=["claim", "status"])
    return claim


@transaction.atomic
def check_request_group_dismiss(group: CheckRequestGroup, *, user) -> CheckRequestGroup:
    """Set a group aside (not checkable, spam): it leaves the desk's open list; nothing is deleted."""
    CheckRequestGroup.objects.filter(pk=group.pk).update(status=RequestGroupStatus.DISMISSED)
    group.refresh_from_db()
    logger.info("request group %s dismissed by %s", group.pk, getattr(user, "username", user))
    return group


def _rating_label(rating: str, language: str) -> str:
    info = RATING_INFO[Rating(rating)]
    return {"zh-hant": info.label_hant, "zh-hans": info.label_hans}.get(language.lower(), str(Rating(rating).label))


def check_requests_notify(claim_id: int) -> int:
    """E-mail every requester of this claim who left a contact and was not told yet, once the claim is
    public with a published verdict (Django's e-mail backend). Each request is marked before its mail
    is sent, in one transaction per request: a mail that fails leaves its request unmarked for the next
    run, a retry never mails anyone twice. Returns the number sent."""
    claim = claim_published_list().filter(pk=claim_id, current_verdict__status=VerdictStatus.PUBLISHED).first()
    if claim is None:
        return 0
    CheckRequestGroup.objects.filter(claim_id=claim_id).exclude(status=RequestGroupStatus.DISMISSED).update(
        status=RequestGroupStatus.ANSWERED)
    verdict = claim.current_verdict
    sent = 0
    for pending in check_requests_to_notify(claim_id):
        with transaction.atomic():
            request = CheckRequest.objects.select_for_update(skip_locked=True).filter(
                pk=pending.pk, notified_at__isnull=True).first()
            if request is None:
                continue
            # The address has served its one purpose: it is forgotten in the same transaction
            # (a mail that fails rolls both back, and the next run tries again).
            address = request.contact
            request.notified_at = timezone.now()
            request.contact = ""
            request.save(update_fields=["notified_at", "contact"])
            with translation.override(request.language or settings.LANGUAGE_CODE):
                body = gettext(NOTICE_BODY).format(
                    request=request.text, rating=_rating_label(verdict.rating, request.language),
                    summary=verdict.summary, url=public_claim_url(claim),
                )
                send_mail(gettext(NOTICE_SUBJECT), body, None, [address])
            sent += 1
    return sent


def check_request_contacts_forget(*, now=None) -> int:
    """Forget readers' contact addresses kept longer than FACTDESK_READER_CONTACT_DAYS (a request
    whose claim never got a verdict keeps no address for ever); the beat runs it nightly. An address
    is also forgotten the moment its one notice is sent (``check_requests_notify``). Returns how many
    were cleared."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.FACTDESK_READER_CONTACT_DAYS)
    return CheckRequest.objects.exclude(contact="").filter(created_at__lt=cutoff).update(contact="")
