"""ORM lookups compiled once per process (wiring below both apps), for the hot paths of a request.

Turning a QuerySet into SQL (Django's query compiler: joins, ordering, expressions) costs far more
CPU than running the SQL: 0.25 ms for a lookup by one column, 0.7 ms for an ordering by a CASE
expression, against about 0.01 ms to send the statement and read its row. An article POST made three
such lookups (the partner key, the outlet, the duplicate check): a third of its Python time on a
2-CPU host where the POSTs compete with the extraction workers (issue 17).

A ``CompiledLookup`` is written as an ordinary QuerySet with named parameters; its SQL, its model
columns and their converters are computed on first use per database connection alias and vendor,
and every call binds new values to the same statement. Rows become model instances the way the ORM
makes them (``Model.from_db`` after the fields' converters), through the connection's cursor, so
query logging, execute wrappers and transactions see an ordinary query. Only plain lookups of one
model (no select_related, annotations or extra columns) are accepted: anything else fails at
compilation, loudly, rather than building wrong objects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet

# A value no caller sends (NUL cannot be stored in PostgreSQL text): stands for a parameter while
# the SQL is compiled, and is found again in the compiled parameters by identity of its text.
_MARK = "\x00factdesk-parameter-{}\x00"


@dataclass(frozen=True)
class _Compiled:
    sql: str
    slots: tuple[tuple[bool, Any], ...]  # (True, argument index) or (False, constant parameter)
    model: type[Model]
    attnames: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]


class CompiledLookup:
    """``first(*values)``: the first row of ``build(*values)`` as a model instance, or None.

    ``build`` receives one placeholder per value and returns the QuerySet; ``first`` orders it by
    primary key when it is not ordered, as ``QuerySet.first()`` does. Values are bound as they are
    given: pass what the ORM would send (a str for a CharField, not an object to be converted)."""

    def __init__(self, build: Callable[..., QuerySet], arity: int) -> None:
        self.build = build
        self.arity = arity
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def _compile(self, using: str) -> _Compiled:
        marks = [_MARK.format(i) for i in range(self.arity)]
        queryset = self.build(*marks)
        if not queryset.ordered:
            queryset = queryset.order_by("pk")
        query = queryset[:1].query
        if query.select_related or query.annotation_select or query.extra_select or query.values_select:
            raise ValueError("CompiledLookup takes plain lookups of one model only")
        compiler = query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots = []
        for param in params:
            if isinstance(param, str) and param in marks:
                slots.append((True, marks.index(param)))
            elif isinstance(param, str) and "\x00factdesk-parameter-" in param:
                raise ValueError(f"CompiledLookup: a parameter was transformed by the ORM: {param!r}")
            else:
                slots.append((False, param))
        if {index for bound, index in slots if bound} != set(range(self.arity)):
            raise ValueError("CompiledLookup: every value must reach the SQL as a parameter")
        klass_info = compiler.klass_info
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        if klass_info.get("related_klass_infos") or start != 0 or end != compiler.col_count:
            raise ValueError("CompiledLookup takes plain lookups of one model only")
        columns = [column for column, _sql, _alias in compiler.select[start:end]]
        converters = tuple((pos, tuple(convs), expression)
                           for pos, (convs, expression) in compiler.get_converters(columns).items())
        return _Compiled(sql, tuple(slots), klass_info["model"],
                         tuple(column.target.attname for column in columns), converters)

    def compiled(self, using: str = "default") -> _Compiled:
        connection = connections[using]
        key = (using, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._compile(using)
                self._compiled[key] = compiled
        return compiled

    def first(self, *values: Any, using: str = "default") -> Model | None:
        if len(values) != self.arity:
            raise TypeError(f"expected {self.arity} values, got {len(values)}")
        compiled = self.compiled(using)
        params = [values[item] if bound else item for bound, item in compiled.slots]
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        if compiled.converters:
            row = list(row)
            for pos, convs, expression in compiled.converters:
                value = row[pos]
                for converter in convs:
                    value = converter(value, expression, connection)
                row[pos] = value
        return compiled.model.from_db(using, compiled.attnames, row)
