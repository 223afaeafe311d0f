"""Claims admin (interface): keyset pages for the review queue — no COUNT, no OFFSET, no 10,000-row cap.

The queue's order (newest article first, then the article's statements in reading order) is a key:
the next page is "rows after the last one shown" (``?after=<cursor>``), which PostgreSQL answers by
walking the article date index from that point, so page 5,000 costs what page 1 costs. Sorting by
a column (``?o=``) keeps Django's numbered pages (capped count) for that order.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.db.models import Q

from claims import selectors

AFTER_VAR = "after"


def _cursor_of(row) -> str:
    return f"{row.article.created_at.isoformat()}~{row.article_id}~{row.start}~{row.pk}"


def _parse_cursor(value: str) -> tuple[dt.datetime, int, int, int] | None:
    """The position in a cursor, or None for anything malformed (then the first page is shown)."""
    try:
        created, article_id, start, pk = (value or "").split("~")
        return dt.datetime.fromisoformat(created), int(article_id), int(start), int(pk)
    except (ValueError, TypeError):
        return None


def _after_q(created: dt.datetime, article_id: int, start: int, pk: int) -> Q:
    """Rows after the cursor in (article created desc, article id, start, id) order."""
    return Q(article__created_at__lt=created) | Q(article__created_at=created) & (
        Q(article_id__gt=article_id)
        | Q(article_id=article_id) & (Q(start__gt=start) | Q(start=start, pk__gt=pk))
    )


class KeysetChangeList(ChangeList):
    """A ChangeList whose default order pages by key: a first page, a next page, no total."""

    keyset = False
    keyset_next_url = ""
    keyset_first_url = ""

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        lookup_params.pop(AFTER_VAR, None)
        return lookup_params

    def get_query_string(self, new_params=None, remove=None):
        # Any other link (a filter, a search, a sort) starts again from the first page.
        if not (new_params and AFTER_VAR in new_params):
            remove = [*(remove or []), AFTER_VAR]
        return super().get_query_string(new_params, remove)

    def get_results(self, request):
        if ORDER_VAR in self.params:
            return super().get_results(request)
        self.keyset = True
        qs = self.queryset.order_by("-article__created_at", "article_id", "start", "pk")
        position = _parse_cursor(request.GET.get(AFTER_VAR, ""))
        if position is not None:
            qs = qs.filter(_after_q(*position))
            self.keyset_first_url = self.get_query_string()
        if self.query.strip():
            # A search: the newest articles first, then the older ones by index (bounded).
            rows = selectors.statement_queue_search_page(
                qs, self.list_per_page + 1, term=self.query, before=position[0] if position is not None else None
            )
        else:
            rows = list(qs[: self.list_per_page + 1])
        page = rows[: self.list_per_page]
        if len(rows) > self.list_per_page:
            self.keyset_next_url = self.get_query_string({AFTER_VAR: _cursor_of(page[-1])})
        self.result_count = len(page)
        self.full_result_count = None
        self.show_full_result_count = False
        self.show_admin_actions = True
        self.result_list = page
        self.can_show_all = False
        self.multi_page = False
        self.paginator = self.model_admin.get_paginator(request, page, self.list_per_page)
