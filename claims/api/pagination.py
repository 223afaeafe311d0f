"""Partner API (interface): cursor pagination (stable deep paging, no full-table COUNT).

Offset pagination counts the whole table on every page; at a million claims that alone took the
list down to 37 requests/s. A cursor is a position in a fixed order, so page 1,000 costs what
page 1 costs, and rows inserted meanwhile neither repeat nor vanish.
"""

from __future__ import annotations

import datetime as dt

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

ERROR_ORDERING = "Unknown ordering {value!r}; use one of: {choices}."
ERROR_PAGE_SIZE = "Enter a whole number from 1 to {max}."


class StrictPageSizeMixin:
    """A page_size that is not a whole number from 1 to the maximum is a 400 naming it (DRF would
    silently fall back to the default)."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 6 and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError({self.page_size_query_param: [ERROR_PAGE_SIZE.format(max=self.max_page_size)]})
        return int(raw)


class _DateTimeCursorPagination(StrictPageSizeMixin, CursorPagination):
    """Cursor pagination over a timestamp; a malformed cursor is a 404, never a server error."""

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                dt.datetime.fromisoformat(cursor.position)
            except ValueError:
                raise NotFound(self.invalid_cursor_message) from None
        return cursor


class ClaimCursorPagination(_DateTimeCursorPagination):
    """Claims: newest change first by default; ``ordering`` picks another timestamp."""

    ordering_param = "ordering"
    # What partners write -> the (non-null) annotation the cursor is built on, id as tie-breaker.
    ORDERINGS = {
        # updated_at is the claim's public modified time (Claim.modified_at).
        "-updated_at": ("-modified_at", "-id"),
        "updated_at": ("modified_at", "id"),
        "-first_seen_at": ("-first_seen_key", "-id"),
        "first_seen_at": ("first_seen_key", "id"),
        "-published_at": ("-published_key", "-id"),
        "published_at": ("published_key", "id"),
    }
    ordering = ORDERINGS["-updated_at"]

    def get_ordering(self, request, queryset, view):
        # Absent means the default; present but empty is an unknown value like any other (the
        # schema's enum, and page_size= is refused the same way).
        value = request.query_params.get(self.ordering_param, "-updated_at")
        if value not in self.ORDERINGS:
            raise ValidationError(
                {self.ordering_param: [ERROR_ORDERING.format(value=value, choices=", ".join(self.ORDERINGS))]}
            )
        return self.ORDERINGS[value]


class FeedCursorPagination(_DateTimeCursorPagination):
    """The ClaimReview feed: oldest change first, so an aggregator can resume from its last page."""

    ordering = ("modified_at", "id")
    page_size = 100
    max_page_size = 500


class IdCursorPagination(StrictPageSizeMixin, CursorPagination):
    ordering = ("id",)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None and not (
            cursor.position.isascii() and cursor.position.isdigit() and len(cursor.position) <= 18
        ):
            raise NotFound(self.invalid_cursor_message)
        return cursor
