"""The speaker directory's stamp (issue 17): on PostgreSQL a read of a short change log, moved by every
statement that changes a speaker or an alias, seen by other connections only together with the rows
that moved it, never the same after a rollback, and taking no lock a reviewer could wait on.

A worker caches its gazetteer and speaker lookups under the stamp: a stamp that moved before the rows
were visible, or that came back with other contents, would leave it with a stale directory for good;
one that did not move would never show it a reviewer's new alias.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from django.db import connection, transaction

from claims import services
from claims.models import Speaker, SpeakerAlias, Statement
from claims.selectors import speaker_directory_stamp, speaker_gazetteer
from claims.services.speakers import NewSpeaker, speaker_alias_add, speakers_create
from sources.services import article_ingest
from tests.factories import make_article, make_speaker, make_user

pytestmark = pytest.mark.postgres


def _other_connection() -> psycopg.Connection:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=True)


def _stamp_from(conn: psycopg.Connection) -> tuple:
    from claims.selectors import speaker_directory_stamp_sql

    return tuple(conn.execute(f"SELECT {speaker_directory_stamp_sql()}").fetchone())


@pytest.mark.django_db
def test_every_kind_of_directory_change_moves_the_stamp_and_an_article_does_not():
    speaker = make_speaker("林測試")
    stamps = [speaker_directory_stamp()]

    def moved() -> bool:
        stamps.append(speaker_directory_stamp())
        return stamps[-1] != stamps[-2]

    speaker_alias_add(speaker, "林測")
    assert moved(), "a new alias"
    Speaker.objects.filter(pk=speaker.pk).update(name="林測試員")
    assert moved(), "a rename"
    SpeakerAlias.objects.filter(speaker=speaker, alias="林測").delete()
    assert moved(), "a removed alias"
    other = make_speaker("王測試")
    assert moved(), "a new speaker"
    services.speaker_merge(source=other, target=speaker)
    assert moved(), "a merge"
    article_ingest(text="林測試員說:「這座橋明年通車。」", language="zh-Hant")
    assert not moved(), "an article, which changes no speaker"
    Speaker.objects.filter(pk=speaker.pk).update(name="林測試員")  # a row updated, even to the same value
    assert moved()


@pytest.mark.django_db
def test_the_stamp_reads_neither_speakers_nor_aliases():
    from claims.selectors import speaker_directory_stamp_sql

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT {speaker_directory_stamp_sql()}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claims_speaker" not in plan, plan  # its cost does not grow with the directory


@pytest.mark.django_db
def test_a_bulk_write_is_one_log_row_and_a_write_of_no_row_is_none():
    speaker = make_speaker("吳測試")

    def log_rows() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM factdesk_speaker_directory_change")
            return cursor.fetchone()[0]

    before = log_rows()
    SpeakerAlias.objects.bulk_create(
        [SpeakerAlias(speaker=speaker, alias=f"吳{n}號", normalized=f"吳{n}號") for n in range(200)]
    )
    assert log_rows() == before + 1
    Speaker.objects.filter(pk=-1).update(name="nobody")
    SpeakerAlias.objects.filter(pk=-1).delete()
    assert log_rows() == before + 1


@pytest.mark.django_db
def test_compaction_empties_the_log_and_the_stamp_never_comes_back():
    make_speaker("鄭測試")
    seen = {speaker_directory_stamp()}
    assert services.speaker_directory_compact() >= 1
    after = speaker_directory_stamp()
    assert after not in seen
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM factdesk_speaker_directory_change")
        assert cursor.fetchone()[0] == 1
    make_speaker("鄭測試二")
    assert speaker_directory_stamp() not in seen | {after}


@pytest.mark.django_db(transaction=True)
def test_another_connection_sees_the_new_stamp_only_with_the_new_alias():
    speaker = make_speaker("陳測試")
    other = _other_connection()
    try:
        before = _stamp_from(other)
        with transaction.atomic():
            speaker_alias_add(speaker, "陳測")
            assert speaker_directory_stamp() != before  # this transaction sees its own change
            assert _stamp_from(other) == before  # nobody else does before the commit
            assert not other.execute("SELECT 1 FROM claims_speakeralias WHERE alias = '陳測'").fetchone()
        after = _stamp_from(other)
        assert after != before
        assert other.execute("SELECT 1 FROM claims_speakeralias WHERE alias = '陳測'").fetchone()
    finally:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_the_stamp_and_the_gazetteer_as_they_were():
    speaker = make_speaker("張測試")
    stamp = speaker_directory_stamp()
    gazetteer = speaker_gazetteer()
    with pytest.raises(RuntimeError), transaction.atomic():
        speaker_alias_add(speaker, "張測")
        raise RuntimeError("rolled back")
    assert speaker_directory_stamp() == stamp
    assert speaker_gazetteer() is gazetteer  # the cached one, still right
    speaker_alias_add(speaker, "張測")
    assert speaker_gazetteer().exact("張測") is not None


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_never_lends_its_stamp_to_another():
    """A directory cached inside a transaction that rolled back is never served for a later change."""
    speaker = make_speaker("何測試")
    with pytest.raises(RuntimeError), transaction.atomic():
        speaker_alias_add(speaker, "何甲")
        assert speaker_gazetteer().exact("何甲") is not None  # cached under the stamp of this change
        raise RuntimeError("rolled back")
    speaker_alias_add(speaker, "何乙")
    gazetteer = speaker_gazetteer()
    assert gazetteer.exact("何乙") is not None and gazetteer.exact("何甲") is None


@pytest.mark.django_db
def test_one_test_caches_a_directory_with_its_speaker():
    make_speaker("甲一號測試員")
    assert speaker_gazetteer().exact("甲一號測試員") is not None


@pytest.mark.django_db
def test_the_next_test_after_the_rollback_sees_its_own_speaker():
    make_speaker("乙二號測試員")
    gazetteer = speaker_gazetteer()
    assert gazetteer.exact("乙二號測試員") is not None and gazetteer.exact("甲一號測試員") is None


@pytest.mark.django_db(transaction=True)
def test_a_reviewer_confirming_a_speaker_does_not_deadlock_with_a_worker_creating_one():
    """A worker that made a new speaker and points a statement at an existing one commits while a
    reviewer confirms that existing speaker (locking its row first): both finish."""
    proposed = make_speaker("王確認員")
    editor = make_user(superuser=True)
    body = "王確認員說:「這座橋明年通車。」"
    article = make_article(body)
    text = "這座橋明年通車。"
    inserted, errors = threading.Event(), {}

    def worker():
        try:
            with transaction.atomic():
                speakers_create([NewSpeaker(name="新來的測試員")])
                start = body.index(text)
                Statement.objects.create(article=article, speaker=proposed, text=text, start=start,
                                         end=start + len(text), kind="direct", language="zh-Hant")
                inserted.set()
                time.sleep(1.0)  # the reviewer locks the speaker row meanwhile
        except Exception as exc:  # noqa: BLE001 - reported below
            errors["worker"] = exc
        finally:
            inserted.set()
            connection.close()

    def reviewer():
        inserted.wait(10)
        try:
            services.speaker_confirm(proposed, user=editor)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors["reviewer"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker), threading.Thread(target=reviewer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert Speaker.objects.get(pk=proposed.pk).confirmed
    assert Statement.objects.filter(article=article, speaker=proposed).exists()


@pytest.mark.django_db(transaction=True)
def test_emptying_the_tables_moves_the_stamp():
    make_speaker("周測試")
    stamp = speaker_directory_stamp()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE claims_speakeralias, claims_speaker CASCADE")
    assert speaker_directory_stamp() != stamp


@pytest.mark.django_db
def test_the_compaction_runs_on_a_schedule(settings):
    from claims.tasks import speaker_directory_compact_task
    from factdesk.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["compact-speaker-directory"]
    assert entry["task"] == speaker_directory_compact_task.name and entry["task"] in app.tasks
    make_speaker("馮測試")
    make_speaker("馮測試二")
    assert speaker_directory_compact_task.apply().get() >= 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM factdesk_speaker_directory_change")
        assert cursor.fetchone()[0] == 1
