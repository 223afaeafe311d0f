"""Claims selectors: PostgreSQL planner settings for one block of queries (used where a plan is chosen by hand)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def planner_settings(**settings: str) -> Iterator[Callable[..., None]]:
    """PostgreSQL planner settings (``enable_indexscan="off"``) for the queries of the block only.

    ``SET LOCAL`` in a transaction of its own; yields a function to change settings within the
    block. Inside an outer transaction a ``SET LOCAL`` would outlive the block (releasing a
    savepoint keeps it), so every setting touched is put back to its default at the end.
    """
    outer = connection.in_atomic_block
    touched: list[str] = []
    with transaction.atomic(), connection.cursor() as cursor:

        def change(**more: str) -> None:
            touched.extend(name for name in more if name not in touched)
            cursor.execute("; ".join(f"SET LOCAL {name} = {value}" for name, value in more.items()))

        change(**settings)
        yield change
        if outer:
            cursor.execute("; ".join(f"SET LOCAL {name} TO DEFAULT" for name in touched))
