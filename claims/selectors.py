"""Claims selectors: reads shared by several callers, with their query shape declared."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet

from claims.extraction.types import SpeakerEntry
from claims.models import Claim, ReviewState, Speaker, SpeakerAlias, Stance, Statement

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
        .order_by("-modified_at", "-id")
    )


def statement_public_list() -> QuerySet[Statement]:
    """Accepted statements of published, unmerged claims: the only statements the public may see.

    The one statement of the visibility rule; pages and the API add their own query shape. A
    statement held for an editor (accepted into a public claim by a fact-checker) is not public.
    """
    return Statement.objects.filter(
        review_state=ReviewState.ACCEPTED, held=False, claim__published=True, claim__merged_into__isnull=True
    )


def stance_public_list() -> QuerySet[Stance]:
    """Accepted stances on published, unmerged claims, not held for an editor (the rule for stances)."""
    return Stance.objects.filter(
        review_state=ReviewState.ACCEPTED, held=False, claim__published=True, claim__merged_into__isnull=True
    )


def statement_review_queue() -> QuerySet[Statement]:
    """Candidate statements, newest article first, with what the queue shows of each."""
    return (
        Statement.objects.filter(review_state=ReviewState.CANDIDATE)
        .select_related("speaker", "article", "article__outlet")
        .order_by("-article__created_at", "article_id", "start")
    )


# --- the fact-checkers' desk -------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimSuggestion:
    claim: Claim
    reason: str  # "same key", "same text in the other script", "similar wording"
    score: float  # 1.0 best


# How many rows each bounded probe may read; the desk never scans the claim table in Python.
_SUGGEST_PROBE_LIMIT = 200
_SUGGEST_MIN_DICE = 0.3
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _canonical(text: str) -> str:
    from claims.extraction.claim_keys import canonical

    return canonical(text)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _probes(text: str, count: int = 6) -> list[str]:
    """A few substrings to find similar wordings with LIKE: spread Han bigrams, or the longest words."""
    from claims.extraction.normalize import to_simplified, to_traditional

    if _HAN.search(text):
        han = "".join(_HAN.findall(to_simplified(text)))
        grams = [han[i : i + 2] for i in range(len(han) - 1)]
        if not grams:
            return []
        step = max(1, len(grams) // count)
        picked = list(dict.fromkeys(grams[::step]))[:count]
        # Claim text is stored as written: probe both scripts.
        return list(dict.fromkeys([*picked, *(to_traditional(g) for g in picked)]))
    words = sorted(set(w.casefold() for w in _WORD.findall(text)), key=len, reverse=True)
    return words[:count]


def claim_suggestions(statement: Statement, *, limit: int = 5) -> list[ClaimSuggestion]:
    """Live claims that may say what ``statement`` says, best first; at most ``limit``.

    Same matching key first (on the claim or on a statement accepted into it), then the same
    wording in the other script, then character-bigram similarity. Every probe is a bounded
    query (indexed key lookups and LIKE probes capped at a few hundred rows).
    """
    from claims.extraction.normalize import to_simplified, to_traditional

    found: dict[int, ClaimSuggestion] = {}
    live = Claim.objects.filter(merged_into__isnull=True).only("id", "text", "key", "published", "status", "language")

    def add(claim: Claim, reason: str, score: float) -> None:
        current = found.get(claim.pk)
        if current is None or current.score < score:
            found[claim.pk] = ClaimSuggestion(claim, reason, score)

    key = statement.claim_key
    if key:
        by_key = live.filter(Q(key=key) | Q(pk__in=Statement.objects.filter(
            claim_key=key, review_state=ReviewState.ACCEPTED, claim__isnull=False
        ).values("claim_id")[:_SUGGEST_PROBE_LIMIT]))
        for claim in by_key.order_by("-updated_at")[:limit]:
            add(claim, "same key", 1.0)

    canon = _canonical(statement.text)
    if canon:
        text = statement.text.strip()
        variants = {v for v in (text, to_simplified(text), to_traditional(text)) if v}
        q = Q()
        for variant in variants:
            q |= Q(text__icontains=variant[:200])
        for claim in live.filter(q).exclude(pk__in=list(found))[:_SUGGEST_PROBE_LIMIT]:
            if _canonical(claim.text) == canon:
                add(claim, "same text" if claim.text.strip() == text else "same text in the other script", 0.95)

    if len(found) < limit and canon:
        probes = _probes(statement.text)
        if probes:
            q = Q()
            for probe in probes:
                q |= Q(text__icontains=probe)
            grams = _bigrams(canon)
            rows = live.filter(q).exclude(pk__in=list(found)).order_by("-updated_at")[:_SUGGEST_PROBE_LIMIT]
            for claim in rows:
                score = _dice(grams, _bigrams(_canonical(claim.text)))
                if score >= _SUGGEST_MIN_DICE:
                    add(claim, "similar wording", round(0.9 * score, 3))

    return sorted(found.values(), key=lambda s: (-s.score, -s.claim.pk))[:limit]


def text_search_variants(term: str) -> list[str]:
    """The query as typed and in both Chinese scripts (statement text is stored as written)."""
    from claims.extraction.normalize import to_simplified, to_traditional

    term = (term or "").strip()
    if not term:
        return []
    return list(dict.fromkeys([term, to_simplified(term), to_traditional(term)]))


def statement_search_q(term: str) -> Q:
    """Statements whose text, mention or speaker (any alias, either script) matches ``term``."""
    from claims.extraction.normalize import normalize_alias

    q = Q()
    for variant in text_search_variants(term):
        q |= Q(text__icontains=variant) | Q(mention__icontains=variant)
    normalized = normalize_alias(term)
    if normalized:
        # A subquery, not a join: no duplicate rows, so the changelist needs no DISTINCT.
        q |= Q(speaker_id__in=SpeakerAlias.objects.filter(normalized__startswith=normalized).values("speaker_id"))
    return q


def speaker_ids_matching(term: str, *, limit: int = 200) -> list[int]:
    """Ids of speakers whose name or any alias matches ``term`` (either script), bounded."""
    from claims.extraction.normalize import normalize_alias

    term = (term or "").strip()
    if not term:
        return []
    if term.isdigit():
        return [int(term)]
    normalized = normalize_alias(term)
    ids = list(
        SpeakerAlias.objects.filter(normalized__startswith=normalized).values_list("speaker_id", flat=True)[:limit]
    ) if normalized else []
    ids += list(Speaker.objects.filter(name__icontains=term).values_list("id", flat=True)[:limit])
    return list(dict.fromkeys(ids))


def claim_desk_statements(claim: Claim, *, limit: int = 200) -> QuerySet[Statement]:
    """Every statement linked to a claim (any review state) with what the desk shows, bounded."""
    return (
        Statement.objects.filter(claim=claim)
        .select_related("speaker", "article", "article__outlet")
        .order_by("said_on", "article__published_at", "id")[:limit]
    )


def claim_desk_stances(claim: Claim, *, limit: int = 200) -> QuerySet[Stance]:
    """Stances on a claim (or on its statements), supporters first, bounded."""
    return (
        Stance.objects.filter(Q(claim=claim) | Q(target_statement__claim=claim))
        .select_related("speaker", "article", "article__outlet")
        .order_by("polarity", "-created_at")[:limit]
    )


# --- public pages and search -------------------------------------------------------------------
# Everything below returns only public material: published, unmerged claims; their published
# verdicts; accepted statements and stances. Article bodies are never loaded (pages show excerpts).

from django.db.models import BooleanField, Func  # noqa: E402  (kept with the public-page section)

_ARTICLE_HEAVY = ("article__body", "article__raw_html")


def _public_statements() -> QuerySet[Statement]:
    return (
        statement_public_list()
        .select_related("speaker", "article", "article__outlet")
        .defer(*_ARTICLE_HEAVY)
    )


def _public_stances() -> QuerySet[Stance]:
    return (
        stance_public_list()
        .select_related("speaker", "article", "article__outlet")
        .defer(*_ARTICLE_HEAVY)
    )


class _TsMatch(Func):
    """``to_tsvector('simple', col) @@ to_tsquery('simple', query)``: the expression the GIN index is on."""

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()


def search_segmenter_sync() -> None:
    """Give the search segmenter every speaker alias so names stay whole (one small query when unchanged)."""
    from django.db.models import Count

    from claims import search

    stamp = tuple(SpeakerAlias.objects.aggregate(n=Max("id"), c=Count("id")).values())
    if stamp != search.alias_stamp():
        search.add_names(SpeakerAlias.objects.values_list("alias", flat=True).iterator(chunk_size=2000))
        search.set_alias_stamp(stamp)


def claim_search(
    query: str,
    *,
    language: str | None = None,
    rating: str | None = None,
    speaker: Speaker | int | None = None,
    date_from=None,
    date_to=None,
) -> QuerySet[Claim]:
    """Published claims matching ``query`` (claim text, its statements' words, speaker names) and filters.

    Either Chinese script finds both. On PostgreSQL: jieba tokens or, failing those, every
    character bigram, through the GIN full-text index, or the exact folded query as a substring
    (pg_trgm index); exact-substring matches first, then newest change. On SQLite: substring
    matching on the same stored text. An empty query lists every published claim (filters still
    apply). ``language`` "zh" means either Chinese script; dates bound the verdict's publication.
    """
    from django.db import connection
    from django.db.models import BooleanField, Case, Exists, OuterRef, Value, When

    from claims import search
    from claims.models import Language, VerdictStatus

    qs = claim_published_list()
    order = ["-modified_at", "-id"]
    if (query or "").strip():
        search_segmenter_sync()
        parsed = search.parse_query(query)
        if parsed:
            exact = Q(search_text__contains=parsed.folded)
            if connection.vendor == "postgresql":
                # pg_trgm can only narrow a LIKE whose pattern holds a whole trigram; a shorter one
                # makes GIN read its entire index (seconds on 100,000 claims). Two Han characters
                # are a bigram lexeme anyway; a single character matches where it is a token.
                # Each index answers its own subquery, unioned: with a plain OR, PostgreSQL rechecks
                # every candidate row against both conditions, recomputing to_tsvector per row. The
                # exact-first flag is a hashed lookup in the LIKE subquery, not a LIKE per row.
                ids = Claim.objects.filter(_TsMatch("search_text", Value(parsed.tsquery()))).order_by().values("pk")
                if len(parsed.folded) >= 3:
                    like_ids = Claim.objects.filter(exact).order_by().values("pk")
                    ids = ids.union(like_ids)
                    exact_first = Case(When(pk__in=like_ids, then=Value(True)), default=Value(False))
                else:
                    # A UNION is never flattened into the outer query; a bare IN (...) was turned into
                    # a walk down the recency index with to_tsvector per row (1.2 s on 100,000 claims).
                    ids = ids.union(ids)
                    exact_first = Value(False)
                qs = qs.filter(pk__in=ids).annotate(exact_match=exact_first)
                # Sort and cut the page before fetching verdicts (a join first would touch every match).
                qs = qs.select_related(None).prefetch_related("current_verdict")
            else:
                condition = Q()
                for alternatives in parsed.substrings():
                    either = Q()
                    for pieces in alternatives:
                        either |= Q(*[Q(search_text__contains=piece) for piece in pieces])
                    condition &= either
                condition |= exact
                qs = qs.filter(condition).annotate(
                    exact_match=Case(When(exact, then=Value(True)), default=Value(False), output_field=BooleanField())
                )
            order = ["-exact_match", *order]
    if language == "zh":
        qs = qs.filter(language__in=[Language.ZH_HANT, Language.ZH_HANS])
    elif language:
        qs = qs.filter(language=language)
    if rating:
        qs = qs.filter(current_verdict__rating=rating, current_verdict__status=VerdictStatus.PUBLISHED)
    if speaker:
        speaker_id = speaker.pk if isinstance(speaker, Speaker) else int(speaker)
        qs = qs.filter(Exists(Statement.objects.filter(
            claim=OuterRef("pk"), speaker_id=speaker_id, review_state=ReviewState.ACCEPTED
        )))
    if date_from:
        qs = qs.filter(current_verdict__published_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(current_verdict__published_at__date__lte=date_to)
    # search_text is several times the claim's size and never shown.
    return qs.defer("search_text").order_by(*order)


def claim_list_with_statements(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` with ``public_statements`` (accepted, with speaker, earliest first) prefetched: one query a page."""
    from django.db.models import Prefetch

    return claims.prefetch_related(Prefetch(
        "statements",
        queryset=Statement.objects.filter(review_state=ReviewState.ACCEPTED)
        .select_related("speaker")
        .only("id", "claim_id", "said_on", "mention", "speaker__id", "speaker__name", "speaker__slug")
        .order_by("said_on", "id"),
        to_attr="public_statements",
    ))


def speaker_public_choices() -> QuerySet[Speaker]:
    """Speakers with at least one public statement, by name (the search form's speaker filter)."""
    from django.db.models import Exists, OuterRef

    return (
        Speaker.objects.filter(merged_into__isnull=True)
        .filter(Exists(_public_statements().filter(speaker=OuterRef("pk"))))
        .only("id", "name", "slug")
        .order_by("name")
    )


def claim_public_get(pk: int) -> Claim | None:
    """A published claim with its current verdict, or None (merged claims included: the page redirects)."""
    return Claim.objects.filter(pk=pk, published=True).select_related("current_verdict").first()


def claim_merged_target(pk: int) -> Claim | None:
    """The public claim that claim ``pk`` was merged into (followed through chains), or None."""
    seen: set[int] = set()
    row = Claim.objects.filter(pk=pk).values_list("merged_into_id", flat=True).first()
    while row and row not in seen:
        seen.add(row)
        target = Claim.objects.filter(pk=row).only("id", "slug", "published", "merged_into_id").first()
        if target is None:
            return None
        if not target.merged_into_id:
            return target if target.published else None
        row = target.merged_into_id
    return None


def speaker_public_get(pk: int) -> Speaker | None:
    """A speaker row with its merge target (the page decides whether it has anything public)."""
    return Speaker.objects.filter(pk=pk).select_related("merged_into").first()


def claim_public_statements(claim: Claim) -> QuerySet[Statement]:
    """The accepted statements that make a public claim, earliest first, with speaker, article and outlet."""
    return _public_statements().filter(claim=claim).order_by("said_on", "article__published_at", "id")


def claim_public_stances(claim: Claim) -> QuerySet[Stance]:
    """Accepted stances on a public claim, earliest first, with speaker, article and outlet."""
    return _public_stances().filter(claim=claim).order_by("said_on", "created_at", "id")


def verdict_public_log(claim: Claim) -> list:
    """Earlier published states of the claim's verdicts, newest first (drafts never appear).

    Built from the verdict history: every saved state with status published, consecutive
    duplicates dropped, the current verdict's present state left out.
    """
    from claims.models import Verdict, VerdictStatus

    # By verdict, not by the history row's claim: verdicts moved here by a merge bring their past.
    rows = list(
        Verdict.history.filter(id__in=Verdict.objects.filter(claim=claim).values("id"), status=VerdictStatus.PUBLISHED)
        .only("id", "rating", "summary", "explanation", "published_at", "history_date", "updated_at")
        .order_by("history_date", "history_id")
    )
    log, last = [], None
    for row in rows:
        state = (row.id, row.rating, row.summary, row.explanation)
        if state != last:
            log.append(row)
            last = state
    current = claim.current_verdict
    if log and current is not None and (log[-1].id, log[-1].rating, log[-1].summary, log[-1].explanation) == (
        current.pk, current.rating, current.summary, current.explanation
    ):
        log.pop()
    return list(reversed(log))


def claim_page_stamp(pk: int) -> tuple | None:
    """When anything shown on a claim's public page last changed (one query), or None if not public.

    The claim's public modified time moves with every visible change (verdict, statements, stances,
    speakers, merges: see claims.services); the verdict id tells a newly published verdict apart.
    """
    return (
        Claim.objects.filter(pk=pk, published=True)
        .values_list("modified_at", "current_verdict_id")
        .first()
    )


def speaker_has_public_material(speaker: Speaker) -> bool:
    """Whether a speaker has any public statement or stance (otherwise their page does not exist)."""
    return _public_statements().filter(speaker=speaker).exists() or _public_stances().filter(speaker=speaker).exists()


def speaker_public_statements(speaker: Speaker) -> QuerySet[Statement]:
    """A speaker's public statements with their claim and its verdict, newest first."""
    return (
        _public_statements().filter(speaker=speaker)
        .select_related("claim", "claim__current_verdict")
        .order_by("-said_on", "-article__published_at", "-id")
    )


def speaker_public_stances(speaker: Speaker) -> QuerySet[Stance]:
    """A speaker's accepted stances on public claims, with the claim and its verdict, newest first."""
    return (
        _public_stances().filter(speaker=speaker)
        .select_related("claim", "claim__current_verdict")
        .order_by("-said_on", "-created_at", "-id")
    )


def speaker_rating_counts(speaker: Speaker) -> dict[str, int]:
    """How many of the speaker's published claims carry each published rating ({rating: count})."""
    from django.db.models import Count, Exists, OuterRef

    from claims.models import VerdictStatus

    rows = (
        claim_published_list()
        .filter(current_verdict__status=VerdictStatus.PUBLISHED)
        .filter(Exists(Statement.objects.filter(
            claim=OuterRef("pk"), speaker=speaker, review_state=ReviewState.ACCEPTED
        )))
        .order_by()
        .values("current_verdict__rating")
        .annotate(n=Count("id"))
    )
    return {row["current_verdict__rating"]: row["n"] for row in rows}


def article_public_get(pk: int):
    """An article with its outlet (body not loaded) if it has public statements or stances, else None."""
    from django.db.models import Exists, OuterRef

    from sources.models import Article

    return (
        Article.objects.filter(pk=pk)
        .filter(
            Exists(_public_statements().filter(article=OuterRef("pk")))
            | Exists(_public_stances().filter(article=OuterRef("pk")))
        )
        .select_related("outlet")
        .defer("body", "raw_html")
        .first()
    )


def article_public_statements(article) -> QuerySet[Statement]:
    """The public statements taken from an article, in text order, with speaker and claim."""
    return (
        _public_statements().filter(article=article)
        .select_related("claim", "claim__current_verdict")
        .order_by("start")
    )


def article_public_stances(article) -> QuerySet[Stance]:
    """The accepted stances on public claims taken from an article, with speaker and claim."""
    return _public_stances().filter(article=article).select_related("claim").order_by("cue_start", "id")
