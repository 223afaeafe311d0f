"""Partner API (interface): input fields shared by filters and serializers, safe on any input.

Every value a partner can send must end in a 400, never a 500: dates are bounded so that time-zone
conversion cannot overflow, and ids are bounded so that the database never sees an out-of-range integer.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.presentation import iso_utc

MIN_YEAR = 1800
MAX_YEAR = 2200
MAX_ID = 2**62

ERROR_DATE_RANGE = f"Dates must fall between the years {MIN_YEAR} and {MAX_YEAR}."
ERROR_EMPTY_PARAMETER = "Enter a value, or leave the parameter out."
ERROR_TIMESTAMP = "Enter a date-time in ISO 8601 (e.g. 2025-02-13T08:30:00+08:00) or a date (2025-02-13)."


def checked_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    """An aware datetime within the accepted years; a bare date means its local midnight."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise forms.ValidationError(ERROR_DATE_RANGE)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


class BoundedDateTimeFormField(forms.Field):
    """ISO 8601 date-time or date, bounded years."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime | dt.date):
            return checked_datetime(value)
        text = str(value).strip()
        try:
            parsed: dt.datetime | dt.date = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = dt.date.fromisoformat(text)
            except ValueError:
                raise forms.ValidationError(ERROR_TIMESTAMP) from None
        return checked_datetime(parsed)


class BoundedDateFormField(forms.DateField):
    def to_python(self, value):
        value = super().to_python(value)
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise forms.ValidationError(ERROR_DATE_RANGE)
        return value


class StrictFilterSet(filters.FilterSet):
    """Filters where an empty value (``?updated_since=``) is a 400 naming the parameter rather than
    silently no filter, as for any other invalid value; free-text filters may still be empty."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name, declared in self.filters.items():
            if isinstance(declared, filters.CharFilter) or name not in self.data:
                continue
            if str(self.data.get(name, "")).strip() == "":
                self.form.add_error(name, ERROR_EMPTY_PARAMETER)
                valid = False
        return valid


class DateTimeSinceFilter(filters.Filter):
    """``field >= value`` for an ISO 8601 date-time or date."""

    field_class = BoundedDateTimeFormField


class BoundedDateFilter(filters.DateFilter):
    field_class = BoundedDateFormField


class IdFilter(filters.NumberFilter):
    """A row id: a positive whole number within the database's range."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class BoundedDateTimeField(serializers.Field):
    """Serializer input: ISO 8601 date-time or date (local midnight), bounded years; UTC 'Z' output."""

    default_error_messages = {"invalid": ERROR_TIMESTAMP}

    def to_internal_value(self, data) -> dt.datetime:
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            return BoundedDateTimeFormField().to_python(data)
        except forms.ValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None

    def to_representation(self, value) -> str | None:
        return iso_utc(value)
