"""Partner API views (interface): the ClaimReview JSON-LD feed for aggregators, with tombstones."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors
from claims.api.fields import DateTimeSinceFilter, StrictFilterSet
from claims.api.pagination import FeedCursorPagination
from claims.api.views.base import ReadApiMixin
from claims.jsonld import claim_review_jsonld
from claims.models import Claim, ReviewState, Statement, VerdictStatus
from claims.presentation import absolute_url, claim_path, iso_utc


class FeedFilter(StrictFilterSet):
    updated_since = DateTimeSinceFilter(
        field_name="modified_at", lookup_expr="gte",
        help_text="Only claims publicly changed at or after this ISO 8601 date-time; claims withdrawn or merged "
        "since then come as DataFeedItem tombstones with dateDeleted.")

    class Meta:
        model = Claim
        fields: list[str] = []


@extend_schema(
    tags=["claims"],
    summary="ClaimReview JSON-LD feed of published verdicts (for aggregators)",
    description="A schema.org DataFeed of ClaimReview items, oldest change first. Store the last item's "
    "dateModified, or follow `next`, and ask again with `updated_since` to receive only what changed.",
    parameters=[
        OpenApiParameter("updated_since", str, description=FeedFilter.base_filters["updated_since"].extra["help_text"]),
        OpenApiParameter("cursor", str, description="The position of a page: follow `next` rather than building it."),
        OpenApiParameter("page_size", int, description=f"Items per page, 1 to {FeedCursorPagination.max_page_size} "
                         f"(default {FeedCursorPagination.page_size})."),
    ],
    responses=inline_serializer("ClaimReviewFeed", fields={
        "@context": serializers.CharField(), "@type": serializers.CharField(),
        "dataFeedElement": serializers.ListField(child=serializers.DictField()),
        "next": serializers.URLField(allow_null=True), "previous": serializers.URLField(allow_null=True)}),
    examples=[OpenApiExample("Feed", response_only=True, value={
        "@context": "https://schema.org", "@type": "DataFeed", "next": None, "previous": None,
        "dataFeedElement": [{"@context": "https://schema.org", "@type": "ClaimReview",
                             "url": "https://factdesk.example/claims/42/", "claimReviewed": "台灣的國防預算已超過GDP的3%。",
                             "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                              "alternateName": "Mostly false"}}]})],
)
class ClaimReviewFeedApi(ReadApiMixin, generics.GenericAPIView):
    pagination_class = FeedCursorPagination
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = FeedFilter

    def get_queryset(self):
        # claim_review_jsonld reads ``public_statements`` (speaker, article, outlet) when loaded:
        # one prefetch query per page instead of several per claim.
        statements = Prefetch(
            "statements",
            queryset=Statement.objects.filter(review_state=ReviewState.ACCEPTED)
            .select_related("speaker", "article", "article__outlet").order_by("said_on", "id"),
            to_attr="public_statements",
        )
        claims = selectors.public_claims().filter(current_verdict__status=VerdictStatus.PUBLISHED)
        if "updated_since" in self.request.query_params:
            claims = selectors.claims_with_tombstones().filter(
                Q(current_verdict__status=VerdictStatus.PUBLISHED) | Q(published=False)
            )
        return claims.prefetch_related(statements)

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        selectors.attach_claim_people(page)
        items = []
        for claim in page:
            if selectors.is_tombstone(claim):
                # schema.org DataFeedItem: the item is gone; aggregators remove their copy.
                items.append({
                    "@type": "DataFeedItem",
                    "identifier": claim.pk,
                    "url": absolute_url(claim_path(claim)),
                    "dateDeleted": iso_utc(claim.withdrawn_at or claim.modified_at),
                    "dateModified": iso_utc(claim.modified_at),
                })
            else:
                items.append(claim_review_jsonld(claim, request=request))
        return Response({
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": items,
            "next": self.paginator.get_next_link(),
            "previous": self.paginator.get_previous_link(),
        })
