"""Claims selectors: the fact-checkers' desk (review queue, claim suggestions, desk search)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from claims.extraction.claim_keys import canonical
from claims.extraction.normalize import normalize_alias, to_simplified, to_traditional
from claims.models import Claim, ReviewState, Speaker, SpeakerAlias, Stance, Statement
from claims.selectors.desk_stats import desk_stats, term_share
from claims.selectors.grams import GramsContain, text_holds_any
from claims.selectors.planner import planner_settings
from sources.models import Article


def statement_review_queue() -> QuerySet[Statement]:
    """Candidate statements, newest article first, with what the queue shows of each."""
    return (
        Statement.objects.filter(review_state=ReviewState.CANDIDATE)
        .select_related("speaker", "article", "article__outlet")
        .order_by("-article__created_at", "article_id", "start")
    )


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


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _probes(text: str, count: int = 6) -> list[str]:
    """A few substrings to find similar wordings with LIKE: spread Han bigrams, or the longest words."""
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
    query (indexed key lookups and pair-indexed LIKE probes capped at a few hundred rows).
    """
    return claim_suggestions_for_text(statement.text, key=statement.claim_key, limit=limit)


def claim_suggestions_for_text(
    text: str, *, key: str = "", limit: int = 5, claims: QuerySet[Claim] | None = None,
    min_dice: float = _SUGGEST_MIN_DICE,
) -> list[ClaimSuggestion]:
    """The desk's suggestion rule for any wording (a statement's, a reader's request): among
    ``claims`` (default: every live claim), those with the same key, the same text in either
    script, or bigram similarity of at least ``min_dice``; best first, at most ``limit``."""
    found: dict[int, ClaimSuggestion] = {}
    base = claims if claims is not None else Claim.objects.filter(merged_into__isnull=True)
    live = base.only("id", "text", "key", "published", "status", "language", "slug", "current_verdict")

    def add(claim: Claim, reason: str, score: float) -> None:
        current = found.get(claim.pk)
        if current is None or current.score < score:
            found[claim.pk] = ClaimSuggestion(claim, reason, score)

    if key:
        by_key = live.filter(Q(key=key) | Q(pk__in=Statement.objects.filter(
            claim_key=key, review_state=ReviewState.ACCEPTED, claim__isnull=False
        ).values("claim_id")[:_SUGGEST_PROBE_LIMIT]))
        for claim in by_key.order_by("-updated_at")[:limit]:
            add(claim, "same key", 1.0)

    canon = canonical(text)
    if canon:
        text = text.strip()
        variants = {v for v in (text, to_simplified(text), to_traditional(text)) if v}
        q = text_holds_any("text", [variant[:200] for variant in variants])
        for claim in live.filter(q).exclude(pk__in=list(found))[:_SUGGEST_PROBE_LIMIT]:
            if canonical(claim.text) == canon:
                add(claim, "same text" if claim.text.strip() == text else "same text in the other script", 0.95)

    if len(found) < limit and canon:
        probes = _probes(text)
        if probes:
            q = text_holds_any("text", probes)
            grams = _bigrams(canon)
            rows = live.filter(q).exclude(pk__in=list(found)).order_by("-updated_at")[:_SUGGEST_PROBE_LIMIT]
            for claim in rows:
                score = _dice(grams, _bigrams(canonical(claim.text)))
                if score >= min_dice:
                    add(claim, "similar wording", round(0.9 * score, 3))

    return sorted(found.values(), key=lambda s: (-s.score, -s.claim.pk))[:limit]


def text_search_variants(term: str) -> list[str]:
    """The query as typed and in both Chinese scripts (statement text is stored as written)."""
    term = (term or "").strip()
    if not term:
        return []
    return list(dict.fromkeys([term, to_simplified(term), to_traditional(term)]))


# How many speakers a desk search term may name (their statements are one indexed IN list).
_SEARCH_SPEAKERS_LIMIT = 200


def _search_speaker_ids(term: str) -> list[int]:
    """Speakers a desk search term names (an alias begins with it, either script), bounded."""
    normalized = normalize_alias(term)
    if not normalized:
        return []
    return list(
        SpeakerAlias.objects.filter(normalized__startswith=normalized)
        .order_by().values_list("speaker_id", flat=True).distinct()[:_SEARCH_SPEAKERS_LIMIT]
    )


def statement_search_q(term: str) -> Q:
    """Statements whose text, mention or speaker (any alias, either script) matches ``term``.

    On PostgreSQL each spelling is first narrowed by the character-pair GIN index, then checked as
    a substring; the speakers are looked up first (bounded) so that the speaker condition is an
    indexed IN list, not a subquery PostgreSQL could only evaluate row by row under the OR.
    A one-character term has no pair: it is a plain substring scan.
    """
    variants = text_search_variants(term)
    substring = Q()
    for variant in variants:
        substring |= Q(text__icontains=variant) | Q(mention__icontains=variant)
    # Every pair of a spelling is in the text of a row whose text (or mention) holds that spelling.
    grams = Q()
    if connection.vendor == "postgresql" and variants and all(len(v) >= 2 for v in variants):
        for variant in variants:
            grams |= Q(GramsContain("text", "mention", term=variant))  # statement_desk_grams_idx
    speaker_ids = _search_speaker_ids(term)
    if speaker_ids:
        # A plain IN list, not a join: no duplicate rows, so the changelist needs no DISTINCT.
        speaker = Q(speaker_id__in=speaker_ids)
        substring |= speaker
        if grams:
            grams |= speaker
    if not grams:
        return substring
    # (pairs of any spelling, or the speaker) AND (any spelling as a substring, or the speaker):
    # the same rows as "(pairs AND substring) per spelling, or the speaker", since a substring
    # implies its pairs. Written so, the first clause is exactly the indexes' BitmapOr, which
    # PostgreSQL then does not evaluate again row by row (recomputing the pairs of every matching
    # row's text was most of the cost of a common word); the filter left is the LIKE.
    return grams & substring


# A desk search reads the queue's newest articles first: this many (about 10,000 statements), walked in
# queue order (500 made medium-common words read all their older matches; 2,000 made rare words walk
# 20,000 statements for nothing)...
_QUEUE_SEARCH_ARTICLES = 1_000
# ...unless the statistics expect fewer matching statements than that walk needs to fill the page
# (claims.selectors.desk_stats): then the walk would read about 10,000 statements for a few rows and
# the bitmap would still read nearly every match after it, so the bitmap reads them all at once.
# A statement read by the bitmap (heap page, join to its article) costs about this many walked ones
# (measured at 1,000,000: about 11 us against 2-3 us).
_BITMAP_ROW_COST = 4


def _term_is_rare(term: str, n: int) -> bool:
    """True when the statistics expect fewer statements to match ``term`` than the walk of the
    ``_QUEUE_SEARCH_ARTICLES`` newest articles needs to find ``n`` of them (matches spread evenly).

    The text as its rarest character pair or triple; the statements of the speakers it names
    counted (bounded: an indexed count that stops at the limit). False without statistics.
    """
    stats = desk_stats()
    share = term_share(text_search_variants(term), stats) if stats is not None else None
    if share is None:
        return False
    limit = n * stats.articles / _QUEUE_SEARCH_ARTICLES
    expected = share * stats.statements
    speaker_ids = _search_speaker_ids(term) if expected < limit else []
    if speaker_ids:
        expected += Statement.objects.filter(speaker_id__in=speaker_ids).order_by()[: math.ceil(limit - expected)].count()
    return expected < limit


def statement_queue_search_page(qs: QuerySet[Statement], n: int, *, term: str = "", before=None) -> list[Statement]:
    """The first ``n`` rows of ``qs``, a queue filtered by ``statement_search_q(term)`` and in queue order.

    Bounded for any word (PostgreSQL). A term the statistics call rare (``_term_is_rare``): its
    matches by the indexes' bitmaps, as ids, then those rows. Otherwise first the statements of
    the ``_QUEUE_SEARCH_ARTICLES`` newest articles (created at or before ``before``, the page's
    cursor, when given), walked in queue order down the article date index with bitmap scans off:
    a common word fills the page there, after reading at most about ten thousand statements
    whatever its count; only when that falls short, the older articles' matches by the bitmap.
    (The planner, left alone, misjudges how common a word is and either walks the whole queue for
    a rare one, 7-12 s, or reads every match of a common one.) Same rows, same order as ``qs[:n]``.
    """
    if connection.vendor != "postgresql":
        return list(qs[:n])
    if term and _term_is_rare(term, n):
        return _by_bitmap(qs, n)
    articles = Article.objects.order_by("-created_at")
    if before is not None:
        articles = articles.filter(created_at__lte=before)
    edge = list(articles.values_list("created_at", flat=True)[_QUEUE_SEARCH_ARTICLES : _QUEUE_SEARCH_ARTICLES + 1])
    if not edge:
        return _by_bitmap(qs, n)
    rows = _by_walk(qs.filter(article__created_at__gte=edge[0]), n)
    older = qs.filter(article__created_at__lt=edge[0])
    stats = desk_stats() if 0 < len(rows) < n else None
    if stats is not None:
        # What the first walk found says how common the word is: walk on (twice the articles
        # expected to fill the page) when that reads fewer rows than the bitmap would read of
        # its older matches, a bitmap row costing about _BITMAP_ROW_COST walked ones.
        per_article = stats.statements / stats.articles
        more = math.ceil(2 * (n - len(rows)) * _QUEUE_SEARCH_ARTICLES / len(rows))
        bitmap_rows = len(rows) * stats.articles / _QUEUE_SEARCH_ARTICLES
        if more * per_article < _BITMAP_ROW_COST * bitmap_rows:
            start = _QUEUE_SEARCH_ARTICLES + more
            edge2 = list(articles.values_list("created_at", flat=True)[start : start + 1])
            if edge2:
                rows += _by_walk(older.filter(article__created_at__gte=edge2[0]), n - len(rows))
                older = qs.filter(article__created_at__lt=edge2[0])
            else:
                return rows + _by_walk(older, n - len(rows))
    if len(rows) < n:
        rows += _by_bitmap(older, n - len(rows))
    return rows


def _by_walk(qs: QuerySet[Statement], n: int) -> list[Statement]:
    """The first ``n`` rows of ``qs`` (bounded by article date), walked in queue order.

    Down the article date index in order, stopping at the page's last row: no bitmap, no scan of
    the whole table, no sort of every row first (the planner, thinking a common word rare, would).
    """
    with planner_settings(enable_bitmapscan="off", enable_seqscan="off", enable_sort="off",
                          max_parallel_workers_per_gather="0"):
        return list(qs[:n])


def _by_bitmap(qs: QuerySet[Statement], n: int) -> list[Statement]:
    """The first ``n`` rows of ``qs`` found by the indexes' bitmaps (index scans off: no walk of the queue).

    Ids first, without the speaker and outlet joins (planned for the few rows the planner
    expects, a join per match made a speaker's 1,700 statements cost 30 ms), then those rows.
    """
    with planner_settings(enable_indexscan="off") as change:
        ids = list(qs.values_list("pk", flat=True)[:n])
        if not ids:
            return []
        # The rows by primary key: left alone, the planner read the pair index's bitmap again (16 ms).
        change(enable_indexscan="on", enable_bitmapscan="off")
        found = {row.pk: row for row in qs.filter(pk__in=ids)}
    return [found[pk] for pk in ids]


def speaker_ids_matching(term: str, *, limit: int = 200) -> list[int]:
    """Ids of speakers whose name or any alias matches ``term`` (either script), bounded."""
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
