"""Claims selectors: PostgreSQL planner settings for one block of queries, and ANALYZE's statistics as
the searches that choose a plan by hand read them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.db import connection, transaction

T = TypeVar("T")


def statistics_kept(cache: dict[str, tuple[float, T]], ttl: float, read: Callable[[], T]) -> T:
    """What ``read`` gets from ANALYZE's statistics, kept ``ttl`` seconds per database in ``cache``: stale
    statistics can only make a search slower, never change its results."""
    key = connection.settings_dict["NAME"]
    now = time.monotonic()
    hit = cache.get(key)
    if hit is not None and now - hit[0] < ttl:
        return hit[1]
    value = read()
    cache[key] = (now, value)
    return value


def common_element_shares(elems, freqs) -> tuple[dict[str, float], float] | None:
    """``pg_stats``' most common elements as (share of rows holding each, the share assumed for any
    other), None without statistics. After the frequencies come the least and greatest of them and
    the frequency of null elements; an element not listed is rarer than the rarest listed: half of
    that, as the planner guesses."""
    if not elems or not freqs:
        return None
    return dict(zip(elems, freqs[: len(elems)], strict=True)), freqs[len(elems)] / 2


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
