"""Claims selectors: what the open-data dumps contain, every one built on the public rule (claims.selectors.public).

Only published material: published, unmerged claims; their published verdicts and the public
history of those; accepted, not held statements and stances on them; speakers with public
material. ``since`` keeps the claims whose public modified time is at or after it, and what
belongs to them. Article bodies are never read.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet

from claims.models import Claim, Speaker, SpeakerAlias, Stance, Statement, VerdictStatus
from claims.selectors.partners import public_speakers
from claims.selectors.public import claim_published_list, stance_public_list, statement_public_list

_ARTICLE_HEAVY = ("article__body", "article__raw_html")


def _since(since: dt.datetime | None) -> dict:
    return {"modified_at__gte": since} if since else {}


def opendata_claims(since: dt.datetime | None = None) -> QuerySet[Claim]:
    """Published claims (with the current verdict), oldest id first."""
    return claim_published_list().filter(**_since(since)).order_by("id")


def opendata_claims_with_verdict(since: dt.datetime | None = None) -> QuerySet[Claim]:
    """Published claims whose current verdict is published (the verdicts dump walks their history)."""
    return opendata_claims(since).filter(current_verdict__status=VerdictStatus.PUBLISHED)


def opendata_statements(since: dt.datetime | None = None) -> QuerySet[Statement]:
    """Public statements with their article's metadata and outlet (never the body), by id."""
    qs = statement_public_list().select_related("article", "article__outlet").defer(*_ARTICLE_HEAVY)
    if since:
        qs = qs.filter(claim__modified_at__gte=since)
    return qs.order_by("id")


def opendata_stances(since: dt.datetime | None = None) -> QuerySet[Stance]:
    """Public stances with their article's metadata and outlet (never the body), by id."""
    qs = stance_public_list().select_related("article", "article__outlet").defer(*_ARTICLE_HEAVY)
    if since:
        qs = qs.filter(claim__modified_at__gte=since)
    return qs.order_by("id")


def opendata_speakers(since: dt.datetime | None = None) -> QuerySet[Speaker]:
    """Speakers with public material (of the claims in the dump, when ``since`` is given), with aliases."""
    qs = public_speakers()
    if since:
        ids = set(opendata_statements(since).values_list("speaker_id", flat=True))
        ids |= set(opendata_stances(since).values_list("speaker_id", flat=True))
        qs = qs.filter(pk__in=ids)
    return qs.prefetch_related(
        Prefetch("aliases", queryset=SpeakerAlias.objects.only("id", "speaker_id", "alias", "script").order_by("alias"))
    ).order_by("id")
