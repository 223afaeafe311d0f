"""claims.services.rows.insert_with_history (issue 17): the extraction task's rows and their '+'
history rows in one statement per batch, bound on the server, each object given its id in order."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DataError, connection, transaction
from django.test.utils import CaptureQueriesContext

from claims.models import Polarity, Stance, Statement, StatementKind
from claims.services.rows import insert_with_history
from tests.factories import make_article, make_speaker, make_statement

BODY = "".join(f"第{n}位里長說:「第{n}座公園下個月開放。」" for n in range(1, 6))


def _statements(article, speaker) -> list[Statement]:
    rows = []
    for n in range(1, 6):
        text = f"第{n}座公園下個月開放。"
        start = BODY.index(text)
        rows.append(Statement(
            article=article, speaker=speaker if n % 2 else None, mention=f"第{n}位里長", mention_start=None,
            text=text, start=start, end=start + len(text), kind=StatementKind.DIRECT if n % 2 else "indirect",
            language="zh-Hant", said_on=dt.date(2026, 5, n) if n < 4 else None, via=["某電台", f"台{n}"] if n == 2 else [],
            cue="說", claim_key=f"k{n}", confidence=n / 10, extractor_version="test",
        ))
    return rows


@pytest.mark.django_db
def test_rows_get_their_ids_in_order_and_the_database_holds_every_value():
    article, speaker = make_article(BODY), make_speaker("公園處")
    rows = _statements(article, speaker)
    insert_with_history(Statement, rows, batch_size=2)
    assert all(row.pk and not row._state.adding for row in rows) and len({row.pk for row in rows}) == 5
    fields = [f.attname for f in Statement._meta.concrete_fields]
    for row in rows:
        stored = Statement.objects.get(pk=row.pk)
        assert {f: getattr(stored, f) for f in fields} == {f: getattr(row, f) for f in fields}
    stored = Statement.objects.get(pk=rows[0].pk)
    assert stored.kind == "direct" and stored.review_state == "candidate" and stored.created_at is not None
    assert Statement.objects.get(pk=rows[1].pk).via == ["某電台", "台2"]


@pytest.mark.django_db
def test_each_row_has_the_history_row_simple_history_would_store():
    article, speaker = make_article(BODY), make_speaker("公園處")
    rows = _statements(article, speaker)
    insert_with_history(Statement, rows)
    tracked = [f.attname for f in Statement.history.model.tracked_fields]
    for row in rows:
        (history,) = Statement.objects.get(pk=row.pk).history.all()
        assert history.history_type == "+" and history.history_user_id is None and not history.history_change_reason
        assert {f: getattr(history, f) for f in tracked} == {f: getattr(row, f) for f in tracked}


@pytest.mark.django_db
def test_one_statement_a_batch_and_none_for_no_rows():
    article, speaker = make_article(BODY), make_speaker("公園處")
    with CaptureQueriesContext(connection) as captured:
        insert_with_history(Statement, [])
    assert not captured.captured_queries
    with CaptureQueriesContext(connection) as captured:
        insert_with_history(Statement, _statements(article, speaker), batch_size=2)
    expected = 3 if connection.vendor == "postgresql" else 6  # elsewhere bulk_create, then the copy
    assert len(captured.captured_queries) == expected
    assert Statement.history.model.objects.filter(article_id=article.pk).count() == 5


@pytest.mark.django_db
def test_stances_too():
    target = make_statement()
    holder = make_speaker("反對者")
    stance = Stance(speaker=holder, polarity=Polarity.OPPOSE,
                    target_statement=target, article=target.article, cue="反對", confidence=0.7)
    insert_with_history(Stance, [stance])
    stored = Stance.objects.get(pk=stance.pk)
    assert stored.speaker == holder and stored.target_statement == target and stored.polarity == "oppose"
    assert stored.history.get().history_type == "+"


@pytest.mark.postgres  # SQLite keeps any length, with bulk_create too
@pytest.mark.django_db
def test_a_value_too_long_is_refused_as_bulk_create_refuses_it():
    article, speaker = make_article(BODY), make_speaker("公園處")
    row = _statements(article, speaker)[0]
    row.extractor_version = "v" * 41  # the column holds 40
    with pytest.raises(DataError), transaction.atomic():
        insert_with_history(Statement, [row])
    assert not Statement.objects.filter(article=article).exists()


@pytest.mark.django_db
def test_mixed_python_types_in_one_column_are_stored_as_bulk_create_stores_them():
    article, speaker = make_article(BODY), make_speaker("公園處")
    rows = _statements(article, speaker)[:2]
    rows[0].confidence, rows[1].confidence = 1, 0.5  # an int and a float
    rows[0].claim_key = 7  # not a str
    insert_with_history(Statement, rows)
    stored = {s.pk: s for s in Statement.objects.filter(article=article)}
    assert stored[rows[0].pk].confidence == 1.0 and stored[rows[1].pk].confidence == 0.5
    assert stored[rows[0].pk].claim_key == "7"


@pytest.mark.django_db
def test_a_foreign_key_set_before_its_target_was_saved_takes_the_target_id():
    article, holder = make_article(BODY), make_speaker("反對者")
    target = _statements(article, None)[0]
    stance = Stance(speaker=holder, polarity=Polarity.OPPOSE, target_statement=target, article=article, cue="反對")
    insert_with_history(Statement, [target])  # saved after the stance was given it
    insert_with_history(Stance, [stance])
    assert Stance.objects.get(pk=stance.pk).target_statement_id == target.pk
