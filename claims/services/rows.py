"""Claims services: machine-made rows and their '+' history rows written in bulk (the extraction task).

django-simple-history's bulk_create_with_history builds a second model instance per row in Python
and sends every value twice; ``bulk_create`` then a copy in the database (``INSERT ... SELECT``)
sends them once but takes two statements. On PostgreSQL both go in one statement here, a
data-modifying CTE: the rows' INSERT ... RETURNING feeds the history INSERT, so the history rows
hold exactly what was stored. Its values are bound server-side (sent beside the SQL, not quoted
into it in Python: Django's psycopg cursors bind on the client, which cost the extraction task
about 1 ms an article in quoting alone). Other databases (SQLite, the embedded default) take
``bulk_create`` and the INSERT ... SELECT.

History rows are what bulk_create_with_history stores for a worker: every tracked field, now, type
'+', no user, no change reason. Nothing calls ``save()``: no signal is sent, as with bulk_create.
"""

from __future__ import annotations

import functools
import re
from enum import Enum

from django.conf import settings
from django.db import connection, models
from django.utils import timezone

_TYPE_MODIFIER = re.compile(r"\(\s*\d+\s*(?:,\s*\d+\s*)?\)")

# Values passed on as they are: psycopg adapts str, int, float, bool, date, datetime and None itself.
_PLAIN = (
    models.CharField, models.TextField, models.IntegerField, models.FloatField, models.BooleanField,
    models.DateField, models.ForeignKey,
)  # DateTimeField is a DateField; the positive and small integer fields are IntegerFields


def insert_with_history(model: type[models.Model], objs: list[models.Model], *, batch_size: int = 500) -> None:
    """Insert ``objs`` (new instances of ``model``) and their created-history rows; sets each
    object's primary key and its auto_now / auto_now_add times, as bulk_create does."""
    if not objs:
        return
    history = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs, batch_size=batch_size)
        for start in range(0, len(objs), batch_size) if history else ():
            ids = [obj.pk for obj in objs[start : start + batch_size]]
            with connection.cursor() as cursor:
                cursor.execute(_history_copy_sql(model) % ", ".join(["%s"] * len(ids)), [timezone.now(), *ids])
        return
    for start in range(0, len(objs), batch_size):
        _insert_batch(model, objs[start : start + batch_size], history)


def _insert_batch(model: type[models.Model], objs: list[models.Model], history: bool) -> None:
    fields = _fields(model)
    now = timezone.now()
    columns: list[list] = [[] for _ in fields]
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")  # as bulk_create: FK ids, or an error
        for column, (field, plain) in zip(columns, fields, strict=True):
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                setattr(obj, field.attname, now)
            value = getattr(obj, field.attname)
            if isinstance(value, Enum):  # a choices member: its plain value
                value = value.value
            column.append(value if plain or value is None else field.get_db_prep_save(value, connection))
    for index, (field, plain) in enumerate(fields):
        # One type per array (psycopg refuses [1, 0.5]): a column of mixed Python types goes through
        # the field's own preparation, as bulk_create would send it (float(1), str(7)).
        if plain and len({type(value) for value in columns[index] if value is not None}) > 1:
            columns[index] = [None if value is None else field.get_db_prep_save(value, connection)
                              for value in columns[index]]
    params: list = [*columns, now] if history else columns
    import psycopg  # PostgreSQL only, like the statement

    connection.ensure_connection()
    raw = psycopg.Cursor(connection.connection)  # binds on the server (see the module docstring)
    cursor = connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)
    with cursor:
        cursor.execute(_insert_sql(model, history), params)
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) != len(objs):  # pragma: no cover - PostgreSQL returns a row per inserted row
        raise RuntimeError(f"{model.__name__}: {len(objs)} rows inserted, {len(ids)} ids returned")
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias


@functools.cache
def _fields(model: type[models.Model]) -> tuple[tuple[models.Field, bool], ...]:
    return tuple(
        (f, isinstance(f, _PLAIN) and not isinstance(f, models.JSONField))
        for f in model._meta.concrete_fields
        if not f.primary_key
    )


@functools.cache
def _insert_sql(model: type[models.Model], history: bool) -> str:
    """INSERT ... SELECT FROM unnest(one array per column): one short statement for any number of
    rows (a VALUES list of rows x columns placeholders took PostgreSQL longer to parse and plan
    than to insert). The ids come back in the order of the arrays (a sequence numbers the rows as
    they are inserted, in that order); the history INSERT, a CTE, reads the inserted rows."""
    quote = connection.ops.quote_name
    fields = [f for f, _plain in _fields(model)]
    columns = ", ".join(quote(f.column) for f in fields)
    # Arrays of the base type (varchar, not varchar(40)): an explicit cast to varchar(n) would cut a
    # longer value silently, the column's own assignment refuses it as bulk_create's INSERT does.
    arrays = ", ".join(f"%s::{_TYPE_MODIFIER.sub('', f.cast_db_type(connection))}[]" for f in fields)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    insert = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays})"  # noqa: S608
    # table, column and type names come from the models, never from input
    if not history:
        return f"WITH new_rows AS ({insert} RETURNING {pk}) SELECT {pk} FROM new_rows ORDER BY {pk}"  # noqa: S608
    target, source = _history_columns(model)
    return (
        f"WITH new_rows AS ({insert} RETURNING *), history AS (INSERT INTO "  # noqa: S608
        f"{quote(model.history.model._meta.db_table)} ({', '.join(target)}) "
        f"SELECT {', '.join(source)}, %s, '+', NULL, NULL FROM new_rows) SELECT {pk} FROM new_rows ORDER BY {pk}"
    )


def _history_columns(model: type[models.Model]) -> tuple[list[str], list[str]]:
    history = model.history.model
    quote = connection.ops.quote_name
    tracked = history.tracked_fields
    target = [quote(f.column) for f in tracked] + [
        quote(history._meta.get_field(name).column)
        for name in ("history_date", "history_type", "history_change_reason", "history_user")
    ]
    return target, [quote(model._meta.get_field(f.name).column) for f in tracked]


@functools.cache
def _history_copy_sql(model: type[models.Model]) -> str:
    """The history rows of rows just created, copied by the database from the rows themselves (for
    databases other than PostgreSQL, which have no ``= ANY(array)``): built once per process (reading ``model.history`` makes django-simple-history build a new
    manager class every time)."""
    quote = connection.ops.quote_name
    target, source = _history_columns(model)
    return (
        f"INSERT INTO {quote(model.history.model._meta.db_table)} ({', '.join(target)}) "  # noqa: S608
        f"SELECT {', '.join(source)}, %%s, '+', NULL, NULL "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN (%s)"
    )  # table and column names come from the models, never from input; then one %s per id
