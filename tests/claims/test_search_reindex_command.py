"""manage.py search_reindex: an index written before the speaker tokens existed finds names after it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from claims import selectors
from claims.models import Claim
from tests.factories import make_public_claim

pytestmark = pytest.mark.django_db


def test_reindex_rebuilds_a_stale_index_and_resumes_from_an_id():
    claim = make_public_claim("Budget figures were doubled last spring", rating="false")
    other = make_public_claim("Harbour tolls fell by half in a year", rating="true")
    Claim.objects.filter(pk__in=[claim.pk, other.pk]).update(search_text="")
    assert claim.pk not in {c.pk for c in selectors.claim_search("budget")}
    out = StringIO()
    call_command("search_reindex", "--from-id", str(max(claim.pk, other.pk)), stdout=out)
    assert "done: 1 claims reindexed" in out.getvalue()
    call_command("search_reindex", stdout=out)
    assert claim.pk in {c.pk for c in selectors.claim_search("budget")}
    assert other.pk in {c.pk for c in selectors.claim_search("tolls")}
