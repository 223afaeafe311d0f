"""Claims selectors: readers' check requests (the desk's demand list, groups a new request may join,
how many readers asked about a claim)."""

from __future__ import annotations

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from claims.extraction.claim_keys import canonical
from claims.models import CheckRequest, CheckRequestGroup, RequestGroupStatus
from claims.selectors.desk import _bigrams, _dice, _probes
from claims.selectors.grams import text_holds_any

# How many open groups one similarity probe may read (LIKE probes, newest first): bounded work per request.
_GROUP_PROBE_LIMIT = 200

# Bigram Dice two requests' normalised wordings need to share a group. Much stricter than the desk's
# suggestions (0.3, read by a person): a wrong join hides a request inside another's count.
GROUP_MIN_DICE = 0.75


def request_group_queue() -> QuerySet[CheckRequestGroup]:
    """Groups for the desk: most requests first, then the most recently asked (with the claim)."""
    return (
        CheckRequestGroup.objects.select_related("claim", "claim__current_verdict")
        .order_by("-request_count", "-last_asked_at", "-id")
    )


def request_group_by_key(key: str) -> CheckRequestGroup | None:
    """The group of requests whose normalised text has this key."""
    return CheckRequestGroup.objects.filter(key=key).first()


def request_group_for_claim(claim_id: int) -> CheckRequestGroup | None:
    """The oldest group answered by (or turned into) this claim."""
    return CheckRequestGroup.objects.filter(claim_id=claim_id).order_by("id").first()


def request_group_similar(text: str) -> CheckRequestGroup | None:
    """The open or checking group whose first wording is closest to ``text`` (Dice >= GROUP_MIN_DICE), or None.

    Bounded: pair-indexed LIKE probes on a few substrings (the desk's probes), newest groups first."""
    canon = canonical(text)
    probes = _probes(text)
    if not canon or not probes:
        return None
    q = text_holds_any("text", probes)
    grams = _bigrams(canon)
    best, best_score = None, GROUP_MIN_DICE
    rows = (CheckRequestGroup.objects.filter(q).exclude(status=RequestGroupStatus.DISMISSED)
            .order_by("-last_asked_at")[:_GROUP_PROBE_LIMIT])
    for group in rows:
        score = _dice(grams, _bigrams(canonical(group.text)))
        if score >= best_score:
            best, best_score = group, score
    return best


def readers_asked_expression(claim_ref: str = "pk"):
    """An annotation: how many readers asked about the claim at ``claim_ref`` (0 when none)."""
    total = (
        CheckRequestGroup.objects.filter(claim_id=OuterRef(claim_ref)).order_by()
        .values("claim_id").annotate(n=Sum("request_count")).values("n")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


def readers_asked_by_key_expression(key_ref: str = "claim_key"):
    """An annotation for statements: readers whose request has the statement's claim key (0 when none)."""
    total = (
        CheckRequestGroup.objects.filter(key=OuterRef(key_ref)).order_by().values("key")
        .annotate(n=Sum("request_count")).values("n")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


def claim_readers_asked(claim_id: int) -> int:
    """How many readers asked about this claim (requests in every group it answers)."""
    return CheckRequestGroup.objects.filter(claim_id=claim_id).aggregate(n=Sum("request_count"))["n"] or 0


def check_requests_to_notify(claim_id: int) -> QuerySet[CheckRequest]:
    """Requests answered by this claim whose reader left a contact and was not told yet."""
    return (
        CheckRequest.objects.filter(group__claim_id=claim_id, notified_at__isnull=True)
        .exclude(contact="")
        .only("id", "contact", "language", "group_id")
        .order_by("id")
    )
