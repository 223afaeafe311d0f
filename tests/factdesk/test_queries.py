"""factdesk.queries.CompiledLookup: the same model instances as the ORM's ``first()``, from SQL
compiled once, one statement per call; lookups it cannot reproduce are refused at compilation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import PartnerKey
from factdesk.queries import CompiledLookup
from sources.models import Article, Outlet
from tests.factories import make_article, make_outlet

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_rows_are_the_instances_the_orm_builds_with_converted_fields():
    key = PartnerKey.objects.create(name="Partner A", prefix="ab12cd34", key_hash="h" * 64,
                                    scopes=["ingest", "read"], last_used_at=timezone.now())
    PartnerKey.objects.create(name="Partner B", prefix="ef56ab78", key_hash="g" * 64, scopes=["read"])
    lookup = CompiledLookup(lambda prefix: PartnerKey.objects.filter(prefix=prefix), 1)
    for _ in range(2):  # the second call runs the SQL compiled by the first
        found = lookup.first("ab12cd34")
        assert type(found) is PartnerKey and not found._state.adding and found._state.db == "default"
        assert _fields(found) == _fields(PartnerKey.objects.get(pk=key.pk))
        assert found.scopes == ["ingest", "read"]  # the JSONField's converter ran: a list, not text
        assert found.last_used_at.tzinfo is not None
    assert lookup.first("ef56ab78").name == "Partner B"
    assert lookup.first("00000000") is None


def test_ordering_and_repeated_values_follow_the_queryset():
    old = make_article("第一版。", url="https://news.example/a", version=1)
    new = make_article("第二版。", url="https://news.example/a", version=2, previous_version=old)
    other = make_article("另一篇。")

    def build(text_hash, url):
        return Article.objects.filter(Q(content_hash=text_hash) | Q(url=url)).order_by("-version")

    lookup = CompiledLookup(build, 2)
    assert lookup.first(other.content_hash, "https://news.example/a").pk == new.pk
    assert lookup.first(other.content_hash, "https://news.example/none").pk == other.pk
    assert lookup.first("0" * 64, "https://news.example/none") is None
    # Unordered querysets are ordered by primary key, as QuerySet.first() does.
    first_by_pk = CompiledLookup(lambda url: Article.objects.filter(url=url).order_by(), 1)
    assert first_by_pk.first("https://news.example/a").pk == old.pk


def test_one_statement_per_call():
    make_outlet("中央社")
    lookup = CompiledLookup(lambda name: Outlet.objects.filter(name=name), 1)
    lookup.first("中央社")
    with CaptureQueriesContext(connection) as captured:
        assert lookup.first("中央社").name == "中央社"
    assert len(captured.captured_queries) == 1


@pytest.mark.parametrize("build", [
    lambda name: Article.objects.select_related("outlet").filter(title=name),
    lambda name: Outlet.objects.filter(name=name).values("name"),
    lambda name: Outlet.objects.filter(name__icontains=name),  # the value is sent as %name%
    lambda name: Outlet.objects.filter(created_at__gte=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)),  # name unused
])
def test_lookups_it_cannot_reproduce_are_refused(build):
    with pytest.raises(ValueError, match="CompiledLookup"):
        CompiledLookup(build, 1).first("x")
