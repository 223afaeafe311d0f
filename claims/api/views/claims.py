"""Partner API views (interface): published claims, one claim with its statements, stances and verdicts."""

from __future__ import annotations

from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors
from claims.api.fields import BoundedDateFilter, DateTimeSinceFilter, IdFilter, StrictFilterSet
from claims.api.pagination import ClaimCursorPagination
from claims.api.serializers import LANGUAGE_CHOICES, ClaimDetailOutputSerializer, ClaimListOutputSerializer
from claims.api.views.base import ClaimGone, ReadApiMixin, _pk, tombstone_data
from claims.models import Claim
from claims.ratings import Rating

DETAIL_LIMIT = 200  # statements or stances listed on one detail page


class ClaimFilter(StrictFilterSet):
    speaker = IdFilter(method="filter_speaker", help_text="Speaker id: claims this speaker made.")
    rating = filters.ChoiceFilter(
        choices=Rating.choices, field_name="current_verdict__rating", help_text="Current published verdict."
    )
    language = filters.ChoiceFilter(choices=LANGUAGE_CHOICES, method="filter_language",
                                    help_text="The claim's language or the language of any of its statements.")
    date_from = BoundedDateFilter(field_name="first_seen_key", lookup_expr="date__gte",
                                  help_text="First seen on or after this date (YYYY-MM-DD).")
    date_to = BoundedDateFilter(field_name="first_seen_key", lookup_expr="date__lte",
                                help_text="First seen on or before this date (YYYY-MM-DD).")
    outlet = IdFilter(method="filter_outlet", help_text="Outlet id: claims reported by this outlet.")
    updated_since = DateTimeSinceFilter(
        field_name="modified_at", lookup_expr="gte",
        help_text="Publicly changed at or after this ISO 8601 date-time. Claims withdrawn or merged since "
        "then are included as tombstones: {id, url, withdrawn: true, withdrawn_at, merged_into}.")
    q = filters.CharFilter(method="filter_q", max_length=200,
                           help_text="Full-text query: Chinese (Traditional or Simplified) or English.")

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_speaker(self, queryset, name, value):
        return selectors.claims_by_speaker(queryset, value)

    def filter_outlet(self, queryset, name, value):
        return selectors.claims_by_outlet(queryset, value)

    def filter_language(self, queryset, name, value):
        return selectors.claims_by_language(queryset, value)

    def filter_q(self, queryset, name, value):
        return selectors.claims_matching(queryset, value) if value.strip() else queryset


_CLAIM_EXAMPLE = {
    "id": 42,
    "url": "https://factdesk.example/api/v1/claims/42/",
    "text": "台灣的國防預算已超過GDP的3%。",
    "language": "zh-Hant",
    "claim_type": "factual",
    "status": "verified",
    "first_seen_at": "2025-02-13T01:20:00Z",
    "published_at": "2025-02-14T09:00:00Z",
    "updated_at": "2025-02-14T09:00:00Z",
    "verdict": {"id": 7, "rating": "mostly_false", "label": "Mostly false", "rating_value": 2,
                "summary": "The 2025 budget is 2.45% of GDP.", "published_at": "2025-02-14T09:00:00Z", "revision": 2},
    "speakers": [{"id": 12, "name": "顧立雄"}],
    "languages": ["zh-Hant"],
}


@extend_schema(
    tags=["claims"],
    summary="Published claims",
    parameters=[
        OpenApiParameter("ordering", str, enum=list(ClaimCursorPagination.ORDERINGS),
                         description="Sort order (default -updated_at)."),
    ],
    examples=[OpenApiExample("A page of claims", value={"next": None, "previous": None, "results": [_CLAIM_EXAMPLE]},
                             response_only=True)],
)
class ClaimListApi(ReadApiMixin, generics.ListAPIView):
    """Published claims with verdict, speakers and languages; filters, full-text query, cursor pages."""

    serializer_class = ClaimListOutputSerializer
    pagination_class = ClaimCursorPagination
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = ClaimFilter

    def get_queryset(self):
        # A reader syncing by updated_since must also learn what left the public since.
        if "updated_since" in self.request.query_params:
            return selectors.claims_with_tombstones()
        return selectors.public_claims()

    def filter_queryset(self, queryset):
        # Building a FilterSet deep-copies every declared filter (~1 ms); most requests send none.
        if not any(name in self.request.query_params for name in ClaimFilter.base_filters):
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request: Request, *args, **kwargs) -> Response:
        sort_key = self.paginator.get_ordering(request, None, self)[0].lstrip("-")
        rows = selectors.claim_rows(self.filter_queryset(self.get_queryset()), sort_key)
        page = self.paginate_queryset(rows)
        selectors.attach_claim_people(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(
    tags=["claims"],
    summary="One published claim with statements, stances, verdict and verdict history",
    examples=[OpenApiExample("A claim", response_only=True, value={
        **_CLAIM_EXAMPLE, "site_url": "https://factdesk.example/claims/42/",
        "verdict": {**_CLAIM_EXAMPLE["verdict"], "explanation": "...", "evidence_links": []},
        "verdict_history": [], "statements": [], "stances": []})],
)
class ClaimDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = ClaimDetailOutputSerializer
    error_examples = {410: ClaimGone({"id": 42, "url": "https://factdesk.example/api/v1/claims/42/", "withdrawn": True,
                                      "withdrawn_at": "2025-03-01T08:00:00Z", "merged_into": None})}

    def get_object(self) -> Claim:
        claim = selectors.public_claims().filter(pk=_pk(self.kwargs)).first()
        if claim is None:
            tombstone = selectors.claim_tombstone(_pk(self.kwargs))
            if tombstone is not None:
                raise ClaimGone(tombstone_data(tombstone, self.request))
            raise Http404
        selectors.attach_claim_people([claim])
        claim.api_statements = list(
            selectors.statement_public_list().filter(claim=claim)
            .select_related("speaker", "article", "article__outlet")
            .order_by("said_on", "id")[:DETAIL_LIMIT]
        )
        claim.api_stances = list(
            selectors.stance_public_list().filter(claim=claim).select_related("speaker").order_by("-created_at")[:DETAIL_LIMIT]
        )
        claim.api_verdict_history = selectors.verdict_history(claim)
        return claim
