"""The speaker directory's stamp (issue 17): one primary-key read on PostgreSQL, moved by every change
of a speaker or an alias, and seen by other connections only together with the rows that moved it.

A worker caches its gazetteer and speaker lookups under the stamp: a stamp that moved before the rows
were visible would leave it with a directory lacking them for good; one that did not move would never
show it a reviewer's new alias.
"""

from __future__ import annotations

import psycopg
import pytest
from django.db import connection, transaction

from claims import services
from claims.models import Speaker, SpeakerAlias
from claims.selectors import speaker_directory_stamp, speaker_gazetteer
from claims.services.speakers import speaker_alias_add
from sources.services import article_ingest
from tests.factories import make_speaker

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
def test_the_stamp_is_one_primary_key_read():
    from claims.selectors import speaker_directory_stamp_sql

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT {speaker_directory_stamp_sql()}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in plan and "Aggregate" not in plan, plan


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
def test_emptying_the_tables_moves_the_stamp():
    make_speaker("周測試")
    stamp = speaker_directory_stamp()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE claims_speakeralias, claims_speaker CASCADE")
    assert speaker_directory_stamp() != stamp
