"""Claims services: extraction of an article into candidates, and the article's extraction status.

This module is the one writer of ``sources.Article``'s extraction status (pending on a re-run,
running, done, failed); sources only creates the article pending and calls the after-ingest hook
named in settings (``article_ingested`` here), so sources never imports claims. Re-running never
undoes review work: only untouched machine candidates are replaced."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import logging
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from claims import extraction
from claims.extraction.normalize import normalize_alias, to_simplified, to_traditional
from claims.models import Origin, ReviewState, Speaker, SpeakerAlias, Stance, Statement
from claims.selectors import speaker_directory_stamp_sql, speaker_gazetteer
from claims.services.rows import insert_with_history
from claims.services.speakers import NewSpeaker, speakers_create
from factdesk.outbox import enqueue, enqueue_on_commit
from sources.heartbeat import stranded_running_q
from sources.models import Article, ExtractionStatus

logger = logging.getLogger(__name__)


ERROR_REVIEWED_ARTICLE = "This article has reviewed statements; reject or unlink them before deleting it."


@dataclass(frozen=True)
class ExtractionOutcome:
    article_id: int
    status: str
    statements: int = 0
    stances: int = 0
    skipped: bool = False
    error: str = ""


def _lock_speaker_names(normalized: list[str]) -> None:
    """Transaction-scoped locks on normalised names, in one statement (PostgreSQL; SQLite serialises
    writers anyway). Taken in key order, so two workers locking overlapping sets cannot deadlock."""
    if connection.vendor != "postgresql" or not normalized:
        return
    keys = sorted(
        {int.from_bytes(hashlib.blake2b(n.encode(), digest_size=8).digest(), "big", signed=True) for n in normalized}
    )
    with connection.cursor() as cursor:
        # unnest() yields the sorted array in order; the aggregate takes each lock in that order.
        cursor.execute("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) AS k", [keys])


class _SpeakerDirectory:
    """Per process: the live speaker a gazetteer key or a normalised name stands for.

    Kept until the directory stamp moves (any new speaker or alias, a rename, a merge), so an
    article whose speakers are all known costs no speaker query at all; misses are looked up for
    the whole article in two queries.
    """

    def __init__(self) -> None:
        self.stamp: tuple | None = None
        self.by_key: dict[str, int] = {}
        self.by_name: dict[str, int] = {}

    def sync(self, stamp: tuple) -> None:
        if stamp != self.stamp:
            self.stamp, self.by_key, self.by_name = stamp, {}, {}


_DIRECTORY = _SpeakerDirectory()


def _follow_merges(found: dict, merged: dict[int, int | None]) -> dict:
    """Each found speaker replaced by the speaker it was merged into, chains followed (a query a hop,
    only for merged speakers, which are rare)."""
    live = {}
    for thing, first in found.items():
        pk, hops = first, 0
        while merged.get(pk) and hops < 20:
            target = merged[pk]
            if target not in merged:
                merged[target] = Speaker.objects.filter(pk=target).values_list("merged_into_id", flat=True).first()
            pk, hops = target, hops + 1
        live[thing] = pk
    return live


def _lookup_misses(keys: set[str], names: set[str]) -> None:
    """Two queries for an article's unknown keys and names; the answers join the directory."""
    if keys:
        ids = {int(k) for k in keys if k.isdigit()}
        found: dict[object, int] = {}
        merged: dict[int, int | None] = {}
        rows = Speaker.objects.filter(Q(pk__in=ids) | Q(registry_key__in=[k for k in keys if not k.isdigit()]))
        for pk, registry_key, target in rows.values_list("id", "registry_key", "merged_into_id"):
            merged[pk] = target
            found[str(pk) if str(pk) in keys else registry_key] = pk
        _DIRECTORY.by_key.update(_follow_merges(found, merged))
    if names:
        found, merged = {}, {}
        rows = SpeakerAlias.objects.filter(normalized__in=names).order_by("-speaker__confirmed", "speaker_id")
        for normalized, pk, target in rows.values_list("normalized", "speaker_id", "speaker__merged_into_id"):
            merged[pk] = target
            found.setdefault(normalized, pk)  # the first is speaker_find's choice: confirmed, then oldest
        _DIRECTORY.by_name.update(_follow_merges(found, merged))


def _new_speakers(missing: dict[str, str], proposals: dict) -> dict[str, int]:
    """Speakers the extractor proposes (unconfirmed) for ``missing`` (normalised name -> name as
    written), created once even by two workers at once; normalised name -> speaker id. A fixed
    number of statements however many names: lock, look again, create the rest in bulk."""
    # Two workers may meet the same new person at once: serialise creation per name, then look
    # again, so the second one uses the first one's row instead of a duplicate.
    _lock_speaker_names(list(missing))
    _lookup_misses(set(), set(missing))
    found = {n: _DIRECTORY.by_name[n] for n in missing if n in _DIRECTORY.by_name}
    new = [(n, name) for n, name in missing.items() if n not in found]
    rows = []
    for normalized, name in new:
        proposal = proposals.get(normalized)
        rows.append(
            NewSpeaker(name=name, title=proposal.title, kind=proposal.kind, aliases=tuple(proposal.aliases))
            if proposal
            else NewSpeaker(name=name)
        )
    for (normalized, _name), speaker in zip(new, speakers_create(rows, origin=Origin.EXTRACTED), strict=True):
        found[normalized] = speaker.pk
    return found


def _speaker_ids(
    people: list[tuple[str | None, str, str]], proposals: dict, stamp: tuple, *, keys_are_ids: bool = False
) -> dict[tuple, int | None]:
    """Speaker ids for (gazetteer key, name, mention): by key, else by the name's or the mention's
    alias, else a new proposed speaker; the directory first, then queries for what it lacks (none
    when every speaker is known, a fixed number otherwise, whatever the article's size).

    ``keys_are_ids``: the keys come from the database gazetteer of this very ``stamp``, which lists
    live (unmerged) speakers by id, so a numeric key is the speaker's id without a lookup.
    """
    _DIRECTORY.sync(stamp)
    if keys_are_ids:
        for key, _name, _mention in people:
            if key and key.isdigit():
                _DIRECTORY.by_key.setdefault(key, int(key))
    keys = {k for k, _, _ in people if k and k not in _DIRECTORY.by_key}
    names = {
        n
        for key, name, mention in people
        if not key or key not in _DIRECTORY.by_key
        for n in (normalize_alias(name), normalize_alias(mention))
        if n
    }
    _lookup_misses(keys, names - set(_DIRECTORY.by_name))
    resolved: dict[tuple, int | None] = {}
    missing: dict[str, str] = {}
    for person in dict.fromkeys(people):
        key, name, mention = person
        pk = _DIRECTORY.by_key.get(key) if key else None
        pk = pk or _DIRECTORY.by_name.get(normalize_alias(name)) or _DIRECTORY.by_name.get(normalize_alias(mention))
        if pk is None and normalize_alias(name):
            missing.setdefault(normalize_alias(name), name)
        resolved[person] = pk
    if missing:
        created = _new_speakers(missing, proposals)
        for person, pk in resolved.items():
            if pk is None:
                resolved[person] = created.get(normalize_alias(person[1]))
        # Not remembered across articles: this transaction may still roll back. The stamp moves
        # with the new aliases anyway, so the next article starts from a fresh directory.
        _DIRECTORY.stamp = None
    return resolved


# The extraction task's two commits (the claim, the stored candidates) do not wait for the WAL to
# reach the disk (synchronous_commit off for that transaction only; ~2 ms a commit on this host,
# two per article). What they write is derived from the article, which the POST committed
# durably: a database crash within a fraction of a second of such a commit (wal_writer_delay)
# can lose it, and then the article is pending or running again and the sweep extracts it again
# (idempotent). Nobody can build on lost rows: any later durable commit (a reviewer's) flushes the
# WAL before it, these rows included. Set inside the statement it applies to (set_config(...,
# true) is SET LOCAL), so it costs no round trip; never for the POST, whose 201 promises storage.
# PostgreSQL only: SQLite (the embedded default) has no such function and no such wait to skip.


def _async_commit() -> str:
    """The column that turns the disk wait off, to add to a statement's select list ('' on SQLite)."""
    return ", set_config('synchronous_commit', 'off', true)" if connection.vendor == "postgresql" else ""


def _col(model, name: str) -> str:
    """A model field's column, quoted, for the task's hand-written statements (names come from the
    models, never from input)."""
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _claim(article_id: int, *, force: bool, worker: str) -> tuple | None:
    """Mark the article running and read what extraction needs, in one statement (its own
    transaction): (body, published_at, created_at, speaker directory stamp), or None when the
    article is missing or already done by this extractor version (unless ``force``)."""
    col = functools.partial(_col, Article)
    status = col("extraction_status")
    now = timezone.now()
    params: list = [ExtractionStatus.RUNNING, now, worker, now, article_id]
    not_done = ""
    if not force:
        not_done = f" AND NOT ({status} = %s AND {col('extractor_version')} = %s)"
        params += [ExtractionStatus.DONE, extraction.EXTRACTOR_VERSION]
    attempts = col("extraction_attempts")
    # Column and table names come from the model, never from input; values are parameters.
    sql = (
        f"UPDATE {_table(Article)} SET {status} = %s, {attempts} = {attempts} + 1, "  # noqa: S608
        f"{col('extraction_started_at')} = %s, {col('extraction_error')} = '', {col('extraction_worker')} = %s, "
        f"{col('updated_at')} = %s WHERE {col('id')} = %s{not_done} "
        f"RETURNING {col('body')}, {col('published_at')}, {col('created_at')}, {speaker_directory_stamp_sql()}"
        f"{_async_commit()}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1], row[2], (row[3],))


def article_extract(article_id: int, *, force: bool = False, gazetteer=None, worker: str = "") -> ExtractionOutcome:
    """Run extraction on one article and store its candidates; idempotent and safe to repeat.

    Re-running replaces the article's unreviewed candidates and never touches reviewed statements
    (new candidates overlapping a reviewed span are dropped). The article row is locked while
    candidates are written, so concurrent runs cannot duplicate them. A deleted article is a no-op.
    """
    # Marked running and read in one UPDATE ... RETURNING (its own transaction, one round trip
    # instead of four): the sweep sees it running; done articles of this extractor version are
    # left alone unless forced; the speaker directory's stamp comes along for the gazetteer.
    claimed = _claim(article_id, force=force, worker=worker)
    if claimed is None:
        status = Article.objects.filter(pk=article_id).values_list("extraction_status", flat=True).first()
        if status is None:
            return ExtractionOutcome(article_id, "missing", skipped=True)
        return ExtractionOutcome(article_id, status, skipped=True)
    body, published, created, stamp = claimed
    published = published or created
    if published is not None and timezone.is_naive(published):  # SQLite's raw rows: UTC, without a zone
        published = timezone.make_aware(published, dt.UTC)
    published_date = timezone.localdate(published) if published else None

    began = time.perf_counter()
    result = extraction.extract(body, published=published_date, gazetteer=gazetteer or speaker_gazetteer(stamp))
    elapsed_ms = int((time.perf_counter() - began) * 1000)
    return _store_extraction(article_id, body, result, elapsed_ms, stamp if gazetteer is None else None)


# Our own sentences, one per script the extractor reads, for extraction_warm_up.
WARM_UP_TEXTS = (
    "本報記者報導,發言人王測試表示:「這是一句暖身的話。」他說,明天還會再說明。",
    "本报记者报道,发言人王测试表示:“这是一句热身的话。”他说,明天还会再说明。",
    'The spokesman said: "This is a warm-up sentence." He added that more would follow.',
)


def extraction_warm_up() -> None:
    """Do once what a worker process's first extraction would otherwise pay for: the extractor's
    lazily built tables. No database: it runs as a pool process starts, before Celery has closed
    the connections inherited from the parent (using one would break the parent's)."""
    gazetteer = extraction.Gazetteer([])
    for text in WARM_UP_TEXTS:
        extraction.extract(text, gazetteer=gazetteer)


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


def _clear_replaceable(article: Article, *, has_statements: bool) -> _KeptSpans:
    """Delete the untouched machine candidates of a re-run; return the spans kept (none the first time)."""
    kept = _KeptSpans()
    if article.extraction_attempts <= 1 and not has_statements:
        return kept  # a first extraction: nothing to replace, nothing kept
    _replaceable_stances(article.pk).delete()
    _replaceable_statements(article.pk).delete()
    for row in Statement.objects.filter(article=article).order_by("start").only(
        "id", "start", "end", "claim_id", "review_state"
    ):
        kept.add(row.start, row.end, row)
    return kept


def _lock_article(article_id: int) -> tuple[Article, bool, tuple] | None:
    """Lock the article row for this transaction and read, in the same statement, whether it has
    statements yet and the speaker directory's stamp now (what the speakers are resolved against);
    the transaction's commit does not wait for the disk (_async_commit)."""
    pk = _col(Article, "id")
    sql = (
        f"SELECT a.{pk}, a.{_col(Article, 'language')}, a.{_col(Article, 'extraction_attempts')}, "  # noqa: S608
        f"EXISTS (SELECT 1 FROM {_table(Statement)} s WHERE s.{_col(Statement, 'article')} = a.{pk}), "
        f"{speaker_directory_stamp_sql()}{_async_commit()} "
        f"FROM {_table(Article)} a WHERE a.{pk} = %s"
        f"{' FOR UPDATE OF a' if connection.features.has_select_for_update_of else ''}"
    )  # table and column names come from the models, never from input; SQLite has no row lock
    # (a second run of the same article there fails "database is locked" and is retried)
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_id])
        row = cursor.fetchone()
    if row is None:
        return None
    article = Article(pk=row[0], language=row[1], extraction_attempts=row[2])
    return article, bool(row[3]), (row[4],)


def _statement_row(article: Article, item, speaker_id: int | None, version: str) -> Statement:
    return Statement(
        article=article,
        speaker_id=speaker_id,
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
        cue=_cue_in_script(item.cue, article.language or item.language)[:100],
        claim_key=(item.claim_key or "")[:64],
        confidence=min(1.0, max(0.0, float(item.confidence))),
        extractor_version=version,
    )


def _cue_in_script(cue: str | None, language: str) -> str:
    """A cue word as the article writes it: the lexicon's entries are Simplified (斥责), a
    Traditional article shows 斥責 (OpenCC; the cue is a verb or phrase, not a name)."""
    cue = cue or ""
    if language == "zh-Hant":
        return to_traditional(cue)
    if language == "zh-Hans":
        return to_simplified(cue)
    return cue


def _stance_row(article: Article, item, speaker_id: int, target: Statement, version: str) -> Stance:
    return Stance(
        speaker_id=speaker_id,
        polarity=item.polarity,
        target_statement=target,
        claim_id=target.claim_id if target.review_state == ReviewState.ACCEPTED else None,
        article=article,
        cue=_cue_in_script(item.cue, article.language)[:300],
        cue_start=item.cue_start,
        cue_end=item.cue_end,
        said_on=item.said_on,
        confidence=min(1.0, max(0.0, float(getattr(item, "confidence", 0.5)))),
        evidence=(getattr(item, "evidence", "") or "")[:200],
        extractor_version=version,
    )


@functools.cache
def _done_sql() -> str:
    """The article's status UPDATE at the end of _store_extraction, built once per process (the
    QuerySet.update it replaces compiled the same statement for every article)."""
    columns = ("extraction_status", "extractor_version", "extraction_ms", "extraction_finished_at", "updated_at")
    assignments = ", ".join(f"{_col(Article, name)} = %s" for name in columns)
    return f"UPDATE {_table(Article)} SET {assignments} WHERE {_col(Article, 'id')} = %s"  # noqa: S608


@transaction.atomic
def _store_extraction(
    article_id: int, body: str, result, elapsed_ms: int, gazetteer_stamp: tuple | None = None
) -> ExtractionOutcome:
    """Replace the article's untouched machine candidates with ``result``; never undo review work.

    Kept: every reviewed statement, every candidate a person fixed (span, speaker, split), every
    statement a reviewed stance answers, and every reviewed stance. New candidates overlapping a
    kept span are dropped, but stances found on them point at the kept statement, unless a stance
    of that speaker and polarity on it already exists (a rejected one is not made again).

    A handful of statements whatever the article's size, in one transaction: the article locked
    (with its statement check and the speaker stamp), speakers resolved for the whole article at
    once (and remembered per process; new ones created in bulk), statements, stances and their
    history rows in bulk, the status. ``gazetteer_stamp``: the stamp of the database gazetteer the
    extractor used (None for another gazetteer), whose keys are speaker ids while it still holds.
    """
    locked = _lock_article(article_id)
    if locked is None:  # deleted while we were extracting
        return ExtractionOutcome(article_id, "missing", skipped=True)
    article, has_statements, stamp = locked
    kept = _clear_replaceable(article, has_statements=has_statements)
    proposals = {normalize_alias(p.name): p for p in result.new_speakers}
    people = [(i.speaker_key, i.speaker or "", i.mention or "") for i in result.statements]
    people += [(i.speaker_key, i.speaker or "", i.speaker or "") for i in result.stances]
    speaker_ids = _speaker_ids(people, proposals, stamp, keys_are_ids=gazetteer_stamp == stamp)
    rows: dict[int, Statement] = {}
    targets: dict[int, Statement] = {}
    for index, item in enumerate(result.statements):
        if not (0 <= item.start < item.end <= len(body)) or body[item.start : item.end] != item.text:
            logger.warning("article %s: dropping statement with invalid span %s-%s", article_id, item.start, item.end)
            continue
        overlaps, same = kept.overlapping(item.start, item.end)
        if overlaps:
            if same is not None:
                targets[index] = same
            continue
        speaker_id = speaker_ids[(item.speaker_key, item.speaker or "", item.mention or "")]
        rows[index] = targets[index] = _statement_row(article, item, speaker_id, result.version)
        kept.add(item.start, item.end, rows[index])
    # The rows and their history rows (django-simple-history's) in one statement per 500.
    insert_with_history(Statement, list(rows.values()))
    existing = set()
    if kept.rows and len(rows) < len(kept.rows):  # a re-run: stances already on kept statements
        existing = set(Stance.objects.filter(target_statement__article_id=article_id)
                       .values_list("speaker_id", "polarity", "target_statement_id"))
    stance_rows = []
    for item in result.stances:
        target = targets.get(item.target)
        speaker_id = speaker_ids.get((item.speaker_key, item.speaker or "", item.speaker or ""))
        if target is None or target.pk is None or speaker_id is None or (
            (speaker_id, item.polarity, target.pk) in existing
        ):
            continue
        existing.add((speaker_id, item.polarity, target.pk))
        stance_rows.append(_stance_row(article, item, speaker_id, target, result.version))
    insert_with_history(Stance, stance_rows)
    # No post_save here: the status is not public, so nothing listens for it (claims.public_cache).
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_done_sql(), [ExtractionStatus.DONE.value, result.version, elapsed_ms, now, now, article_id])
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


EXTRACT_TASK = "claims.tasks.extract_article_task"


def article_ingested(article_id: int) -> None:
    """After-ingest hook (named in settings; sources calls it after commit): wake a worker for it."""
    enqueue(EXTRACT_TASK, article_id)


@transaction.atomic
def article_extraction_requeue(article: Article) -> Article:
    """Put an article back in the extraction outbox (a re-run a person asked for, after seeing
    what it replaces: article_rerun_preview); a worker is woken after commit."""
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.PENDING, extraction_error="", updated_at=timezone.now()
    )
    enqueue_on_commit(EXTRACT_TASK, article.pk)
    article.refresh_from_db()
    return article
