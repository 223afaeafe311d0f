"""Partner API views (interface): speakers with public statements or stances."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics

from claims import selectors
from claims.api.pagination import IdCursorPagination
from claims.api.serializers import SpeakerDetailOutputSerializer, SpeakerListOutputSerializer
from claims.api.views.base import ReadApiMixin, _pk
from claims.api.views.claims import DETAIL_LIMIT
from claims.models import SpeakerAlias

_ALIASES = Prefetch("aliases", queryset=SpeakerAlias.objects.only("id", "speaker_id", "alias", "script"))


@extend_schema(tags=["speakers"], summary="Speakers with public statements or stances",
               examples=[OpenApiExample("Speakers", response_only=True, value={"next": None, "previous": None, "results": [
                   {"id": 12, "url": "https://factdesk.example/api/v1/speakers/12/", "name": "毛寧", "kind": "person",
                    "title": "外交部發言人", "country": "CN", "wikidata_id": "Q65543035",
                    "aliases": [{"alias": "毛宁", "script": "zh-Hans"}, {"alias": "Mao Ning", "script": "en"}]}]})])
class SpeakerListApi(ReadApiMixin, generics.ListAPIView):
    serializer_class = SpeakerListOutputSerializer
    pagination_class = IdCursorPagination

    def get_queryset(self):
        return selectors.public_speakers().prefetch_related(_ALIASES)


@extend_schema(tags=["speakers"], summary="One speaker: aliases, Wikidata id, public statements and stances",
               examples=[OpenApiExample("A speaker", response_only=True, value={
                   "id": 12, "url": "https://factdesk.example/api/v1/speakers/12/", "name": "毛寧", "kind": "person",
                   "title": "外交部發言人", "country": "CN", "wikidata_id": "Q65543035", "aliases": [],
                   "statements": [], "stances": []})])
class SpeakerDetailApi(ReadApiMixin, generics.RetrieveAPIView):
    serializer_class = SpeakerDetailOutputSerializer

    def get_object(self):
        speaker = selectors.public_speakers().prefetch_related(_ALIASES).filter(pk=_pk(self.kwargs)).first()
        if speaker is None:
            raise Http404
        speaker.api_statements = list(
            selectors.statement_public_list().filter(speaker=speaker)
            .select_related("speaker", "article", "article__outlet").order_by("-id")[:DETAIL_LIMIT]
        )
        speaker.api_stances = list(
            selectors.stance_public_list().filter(speaker=speaker).select_related("speaker").order_by("-id")[:DETAIL_LIMIT]
        )
        return speaker
