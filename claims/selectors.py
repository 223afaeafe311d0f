"""Claims selectors: reads shared by several callers, with their query shape declared."""

from __future__ import annotations

from django.db.models import Max, QuerySet

from claims.extraction.types import SpeakerEntry
from claims.models import Claim, ReviewState, Speaker, SpeakerAlias, Statement

_GAZETTEER_CACHE: dict = {}


def speaker_gazetteer():
    """A Gazetteer of every live speaker and alias in the database, rebuilt only when they change.

    Keys are speaker ids as strings. The cache is per process and keyed by the newest alias and
    speaker change, so a reviewer's new alias is used by the next extraction without a restart.
    """
    from claims.extraction import Gazetteer

    stamp = (
        SpeakerAlias.objects.aggregate(n=Max("id"))["n"],
        SpeakerAlias.objects.count(),
        Speaker.objects.aggregate(t=Max("updated_at"))["t"],
    )
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


def claim_published_list() -> QuerySet[Claim]:
    """Published claims with their current verdict, newest change first (public pages and API)."""
    return (
        Claim.objects.filter(published=True, merged_into__isnull=True)
        .select_related("current_verdict")
        .order_by("-updated_at", "-id")
    )


def statement_public_list() -> QuerySet[Statement]:
    """Accepted statements of published claims: the only statements the public may see."""
    return Statement.objects.filter(review_state=ReviewState.ACCEPTED, claim__published=True).select_related(
        "speaker", "article", "article__outlet"
    )


def statement_review_queue() -> QuerySet[Statement]:
    """Candidate statements, newest article first, with what the queue shows of each."""
    return (
        Statement.objects.filter(review_state=ReviewState.CANDIDATE)
        .select_related("speaker", "article", "article__outlet")
        .order_by("-article__created_at", "article_id", "start")
    )
