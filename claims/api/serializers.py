"""Partner API (interface): output shapes (documented serializers) and article-submission input.

Output serializers declare every field for the OpenAPI schema, and build their dicts directly in
``to_representation`` from rows the view has already fetched: no per-field DRF machinery and no
query per item, so a 50-claim page costs two queries and little Python. schemathesis checks in
CI that what is sent matches what is declared.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from claims.api.fields import BoundedDateTimeField
from claims.models import ClaimType, Polarity, StatementKind, VerdictStatus, VerificationStatus
from claims.presentation import iso_utc, public_claim_url, verdict_summary
from claims.ratings import Rating, rating_info
from claims.selectors import public_verdict
from sources.cleaning import SURROGATES
from sources.models import ExtractionStatus, Language

LANGUAGE_CHOICES = Language.choices


def _base(context: dict, name: str) -> str:
    """Absolute URL prefix for ``name`` detail links, computed once per response."""
    cache = context.setdefault("_bases", {})
    if name not in cache:
        request = context.get("request")
        path = reverse(f"v1:{name}", kwargs={"pk": 0})[: -len("0/")]
        cache[name] = request.build_absolute_uri(path) if request is not None else path
    return cache[name]


# --- small building blocks ---------------------------------------------------------------------


class SpeakerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class VerdictSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rating = serializers.ChoiceField(choices=Rating.choices)
    label = serializers.CharField(help_text="English textual rating, as in ClaimReview's alternateName.")
    rating_value = serializers.IntegerField(
        allow_null=True, help_text="1 (false) .. 5 (true); null for ratings off that scale."
    )
    summary = serializers.CharField(allow_blank=True)
    published_at = serializers.DateTimeField(allow_null=True)
    revision = serializers.IntegerField()


# --- claims --------------------------------------------------------------------------------------


class ClaimListOutputSerializer(serializers.Serializer):
    """One published claim in a list."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text="This claim in the API.")
    text = serializers.CharField()
    language = serializers.CharField(allow_blank=True, help_text="zh-Hant, zh-Hans, en, other, or empty.")
    claim_type = serializers.ChoiceField(choices=ClaimType.choices)
    status = serializers.ChoiceField(choices=VerificationStatus.choices)
    first_seen_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    verdict = VerdictSummarySerializer(allow_null=True)
    speakers = SpeakerRefSerializer(many=True)
    languages = serializers.ListField(child=serializers.CharField(), help_text="Languages it was said in.")

    def to_representation(self, row: dict) -> dict:
        """From a claims.selectors.claim_rows row with people attached (no further queries).

        A claim withdrawn or merged (listed only to ``updated_since`` readers) is a tombstone.
        """
        if not row["published"] or row["merged_into_id"] is not None:
            return {
                "id": row["id"],
                "url": f"{_base(self.context, 'claim-detail')}{row['id']}/",
                "withdrawn": True,
                "withdrawn_at": row["withdrawn_iso"],
                "merged_into": row["merged_into_id"],
                "updated_at": row["updated_iso"],
            }
        verdict = None
        if row["current_verdict_id"] is not None and row["current_verdict__status"] == VerdictStatus.PUBLISHED:
            info = rating_info(row["current_verdict__rating"])
            verdict = {
                "id": row["current_verdict_id"],
                "rating": row["current_verdict__rating"],
                "label": info.alternate_name,
                "rating_value": info.value,
                "summary": row["current_verdict__summary"],
                "published_at": row["verdict_published_iso"],
                "revision": row["current_verdict__revision"],
            }
        return {
            "id": row["id"],
            "url": f"{_base(self.context, 'claim-detail')}{row['id']}/",
            "text": row["text"],
            "language": row["language"],
            "claim_type": row["claim_type"],
            "status": row["status"],
            "first_seen_at": row["first_seen_iso"],
            "published_at": row["published_iso"],
            "updated_at": row["updated_iso"],
            "verdict": verdict,
            "speakers": [{"id": sid, "name": name} for sid, name in row["api_speakers"]],
            "languages": row["api_languages"],
        }


class ArticleRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True, help_text="Where the outlet published it.")
    outlet = serializers.CharField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    language = serializers.CharField(allow_blank=True)


def article_ref(article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet.name if article.outlet_id else None,
        "published_at": iso_utc(article.published_at),
        "language": article.language,
    }


class StatementOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField(help_text="The exact words as they appear in the article.")
    kind = serializers.ChoiceField(choices=StatementKind.choices)
    language = serializers.CharField(allow_blank=True)
    speaker = SpeakerRefSerializer(allow_null=True)
    mention = serializers.CharField(allow_blank=True, help_text="The speaker as written in the article.")
    said_on = serializers.DateField(allow_null=True)
    venue = serializers.CharField(allow_blank=True)
    via = serializers.ListField(child=serializers.CharField(), help_text="Relay chain, outermost last.")
    start = serializers.IntegerField(help_text="Character offset in the article body.")
    end = serializers.IntegerField()
    claim = serializers.IntegerField(allow_null=True)
    article = ArticleRefSerializer()

    def to_representation(self, st) -> dict:
        return statement_dict(st)


def statement_dict(st, *, with_article: bool = True) -> dict:
    data = {
        "id": st.pk,
        "text": st.text,
        "kind": st.kind,
        "language": st.language,
        "speaker": {"id": st.speaker_id, "name": st.speaker.name} if st.speaker_id else None,
        "mention": st.mention,
        "said_on": st.said_on.isoformat() if st.said_on else None,
        "venue": st.venue,
        "via": [str(v) for v in (st.via or [])],
        "start": st.start,
        "end": st.end,
        "claim": st.claim_id,
    }
    if with_article:
        data["article"] = article_ref(st.article)
    return data


class StanceOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    speaker = SpeakerRefSerializer()
    polarity = serializers.ChoiceField(choices=Polarity.choices)
    cue = serializers.CharField(allow_blank=True, help_text="The words that show the stance.")
    said_on = serializers.DateField(allow_null=True)
    claim = serializers.IntegerField(allow_null=True)
    article = serializers.IntegerField(allow_null=True)

    def to_representation(self, stance) -> dict:
        return stance_dict(stance)


def stance_dict(stance) -> dict:
    return {
        "id": stance.pk,
        "speaker": {"id": stance.speaker_id, "name": stance.speaker.name},
        "polarity": stance.polarity,
        "cue": stance.cue,
        "said_on": stance.said_on.isoformat() if stance.said_on else None,
        "claim": stance.claim_id,
        "article": stance.article_id,
    }


class VerdictDetailSerializer(VerdictSummarySerializer):
    explanation = serializers.CharField()
    evidence_links = serializers.ListField(child=serializers.DictField(), help_text='[{"url": ..., "title": ...}]')


class VerdictHistorySerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The verdict (one verdict may appear once per revision).")
    rating = serializers.ChoiceField(choices=Rating.choices)
    label = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    revision = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    changed_at = serializers.DateTimeField()


class ClaimDetailOutputSerializer(ClaimListOutputSerializer):
    """A published claim with its public statements, stances, verdict and verdict history."""

    site_url = serializers.URLField(help_text="The claim's page on the public site.")
    verdict = VerdictDetailSerializer(allow_null=True)
    verdict_history = VerdictHistorySerializer(many=True)
    statements = StatementOutputSerializer(many=True)
    stances = StanceOutputSerializer(many=True)

    def to_representation(self, claim) -> dict:

        verdict = public_verdict(claim)
        data = {
            "id": claim.pk,
            "url": f"{_base(self.context, 'claim-detail')}{claim.pk}/",
            "text": claim.text,
            "language": claim.language,
            "claim_type": claim.claim_type,
            "status": claim.status,
            "first_seen_at": iso_utc(claim.first_seen_at),
            "published_at": iso_utc(claim.published_at),
            "updated_at": iso_utc(claim.modified_at),
            "verdict": verdict_summary(verdict),
            "speakers": [{"id": sid, "name": name} for sid, name in claim.api_speakers],
            "languages": claim.api_languages,
        }
        if verdict is not None:
            data["verdict"].update(explanation=verdict.explanation, evidence_links=list(verdict.evidence_links or []))
        data["site_url"] = public_claim_url(claim)
        data["verdict_history"] = [
            {
                "id": row["id"],
                "rating": row["rating"],
                "label": rating_info(row["rating"]).alternate_name,
                "summary": row["summary"],
                "revision": row["revision"],
                "published_at": iso_utc(row["published_at"]),
                "changed_at": iso_utc(row["history_date"]),
            }
            for row in claim.api_verdict_history
        ]
        data["statements"] = [statement_dict(st) for st in claim.api_statements]
        data["stances"] = [stance_dict(s) for s in claim.api_stances]
        return data


# --- speakers ------------------------------------------------------------------------------------


class AliasSerializer(serializers.Serializer):
    alias = serializers.CharField()
    script = serializers.CharField()


class SpeakerListOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    name = serializers.CharField()
    kind = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    wikidata_id = serializers.CharField(allow_null=True)
    aliases = AliasSerializer(many=True)

    def to_representation(self, sp) -> dict:
        return {
            "id": sp.pk,
            "url": f"{_base(self.context, 'speaker-detail')}{sp.pk}/",
            "name": sp.name,
            "kind": sp.kind,
            "title": sp.title,
            "country": sp.country,
            "wikidata_id": sp.wikidata_id,
            "aliases": [{"alias": a.alias, "script": a.script} for a in sp.aliases.all()],
        }


class SpeakerDetailOutputSerializer(SpeakerListOutputSerializer):
    statements = StatementOutputSerializer(many=True, help_text="Newest first, at most 200.")
    stances = StanceOutputSerializer(many=True, help_text="Newest first, at most 200.")

    def to_representation(self, sp) -> dict:
        data = super().to_representation(sp)
        data["statements"] = [statement_dict(st) for st in sp.api_statements]
        data["stances"] = [stance_dict(s) for s in sp.api_stances]
        return data


# --- articles ------------------------------------------------------------------------------------


class ArticleOutputSerializer(ArticleRefSerializer):
    statements = StatementOutputSerializer(many=True, help_text="Public statements only.")

    def to_representation(self, article) -> dict:
        data = article_ref(article)
        data["statements"] = [statement_dict(st) for st in article.api_statements]
        return data


class StatusStatementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=StatementKind.choices)
    language = serializers.CharField(allow_blank=True)
    speaker = SpeakerRefSerializer(allow_null=True)
    mention = serializers.CharField(allow_blank=True)
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    said_on = serializers.DateField(allow_null=True)
    confidence = serializers.FloatField()
    review_state = serializers.CharField(help_text="candidate (machine output) or accepted (reviewed).")


class ArticleStatusSerializer(serializers.Serializer):
    """What a submitting partner sees of its own article: extraction state and its statements."""

    article = ArticleRefSerializer()
    status = serializers.ChoiceField(choices=ExtractionStatus.choices)
    error = serializers.CharField(allow_blank=True)
    extractor_version = serializers.CharField(allow_blank=True)
    statements = StatusStatementSerializer(many=True)

    def to_representation(self, article) -> dict:
        return {
            "article": article_ref(article),
            "status": article.extraction_status,
            "error": article.extraction_error if article.extraction_status == ExtractionStatus.FAILED else "",
            "extractor_version": article.extractor_version,
            "statements": [
                {
                    "id": st.pk,
                    "text": st.text,
                    "kind": st.kind,
                    "language": st.language,
                    "speaker": {"id": st.speaker_id, "name": st.speaker.name} if st.speaker_id else None,
                    "mention": st.mention,
                    "start": st.start,
                    "end": st.end,
                    "said_on": st.said_on.isoformat() if st.said_on else None,
                    "confidence": st.confidence,
                    "review_state": st.review_state,
                }
                for st in article.api_statements
            ],
        }


ERROR_UNKNOWN_FIELD = "Unknown field; the fields are: {fields}."
ERROR_URL_SCHEME = "Enter an http:// or https:// URL."


class SurrogateCharactersValidator(ProhibitSurrogateCharactersValidator):
    """DRF's check, same message and code, by one regex search: DRF's loops over every character
    in Python (0.17 ms for 5,000 characters, 70 ms for the largest article accepted)."""

    def __call__(self, value):
        found = SURROGATES.search(str(value))
        if found:
            raise serializers.ValidationError(self.message.format(code_point=ord(found.group())), code=self.code)


class StrictCharField(serializers.CharField):
    """A JSON string and only a string: DRF's CharField would store 12345 or true as text."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [SurrogateCharactersValidator() if type(v) is ProhibitSurrogateCharactersValidator else v
                           for v in self.validators]

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class HttpUrlField(StrictCharField):
    """An absolute http(s) URL: other schemes (javascript:, data:, file:) are refused."""

    default_error_messages = {"url_scheme": ERROR_URL_SCHEME}
    _validator = URLValidator(schemes=["http", "https"])

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value:
            try:
                self._validator(value)
            except DjangoValidationError:
                self.fail("url_scheme")
        return value


class StrictInputSerializer(serializers.Serializer):
    """Request bodies: a field this serializer does not declare is a 400 naming it; a misspelt
    field would otherwise be dropped and the rest stored without it."""

    extra_fields: tuple[str, ...] = ()  # accepted beside the declared ones (e.g. a multipart upload)

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            known = [*self.fields, *self.extra_fields]
            unknown = [str(key) for key in data.keys() if key not in known]
            if unknown:
                message = ERROR_UNKNOWN_FIELD.format(fields=", ".join(known))
                raise serializers.ValidationError({key: [message] for key in unknown})
        return super().to_internal_value(data)


class ArticleSubmitInputSerializer(StrictInputSerializer):
    """An article sent by a partner: plain text or HTML, with optional metadata."""

    extra_fields = ("file",)  # multipart: the article as an uploaded file (read by the view)

    text = StrictCharField(
        required=False, trim_whitespace=False, allow_blank=True,
        help_text="The article: plain text, or an HTML page/fragment (reduced to its main text). "
        "At most FACTDESK_MAX_ARTICLE_CHARS characters (2,000,000 by default).",
    )
    url = HttpUrlField(required=False, allow_blank=True, max_length=2000,
                       help_text="Where the outlet published it: an http:// or https:// URL.")
    title = StrictCharField(required=False, allow_blank=True, max_length=500)
    outlet = StrictCharField(required=False, allow_blank=True, max_length=200, help_text="Publisher name.")
    published_at = BoundedDateTimeField(
        required=False, allow_null=True, help_text="ISO 8601 date-time, or a date (midnight, Asia/Taipei)."
    )
    language = serializers.ChoiceField(
        choices=LANGUAGE_CHOICES, required=False, allow_blank=True, help_text="Guessed from the text when absent."
    )


class ArticleSubmitOutputSerializer(serializers.Serializer):
    article = ArticleRefSerializer()
    status = serializers.ChoiceField(choices=ExtractionStatus.choices)
    status_url = serializers.URLField(help_text="Poll this (with the same key) for extraction status and statements.")
    duplicate = serializers.BooleanField()
    duplicate_reason = serializers.CharField(allow_blank=True, help_text="'content' or 'url' when duplicate.")


# --- Google Fact Check Tools compatible search -------------------------------------------------


class FactCheckPublisherSerializer(serializers.Serializer):
    name = serializers.CharField()
    site = serializers.CharField()


class FactCheckReviewSerializer(serializers.Serializer):
    publisher = FactCheckPublisherSerializer()
    url = serializers.URLField()
    title = serializers.CharField()
    reviewDate = serializers.DateTimeField(allow_null=True)  # noqa: N815  (Google's field names)
    textualRating = serializers.CharField()  # noqa: N815
    languageCode = serializers.CharField()  # noqa: N815


class FactCheckClaimSerializer(serializers.Serializer):
    text = serializers.CharField()
    claimant = serializers.CharField(required=False, help_text="Left out when no speaker is known.")
    claimDate = serializers.DateTimeField(  # noqa: N815
        required=False, help_text="The day the words were said (midnight UTC) when known, else when first seen.")
    claimReview = FactCheckReviewSerializer(many=True)  # noqa: N815


class FactCheckSearchOutputSerializer(serializers.Serializer):
    claims = FactCheckClaimSerializer(many=True, required=False, help_text="Left out when nothing matched ({}).")
    nextPageToken = serializers.CharField(required=False, help_text="Present when there are more results.")  # noqa: N815


class FactCheckSearchInputSerializer(serializers.Serializer):
    query = serializers.CharField(required=False, allow_blank=True, max_length=200,
                                  help_text="Text to search for (Chinese in either script, or English). Required "
                                  "unless reviewPublisherSiteFilter is set.")
    languageCode = serializers.CharField(required=False, allow_blank=True, max_length=35,  # noqa: N815
                                         help_text="BCP-47 tag: zh, zh-Hant, zh-Hant-TW, zh-TW, zh-HK, zh-Hans, "
                                         "zh-Hans-CN, zh-CN, en, en-US ... Chinese follows the script (or the "
                                         "region's script); other regions are ignored.")
    maxAgeDays = serializers.IntegerField(  # noqa: N815
        required=False, min_value=1, max_value=36500,
        help_text="Only claims whose claim date or review date, whichever is newer, is at most this many days old.")
    pageSize = serializers.IntegerField(required=False, min_value=1, max_value=100, default=10,  # noqa: N815
                                        help_text="Results per page (default 10).")
    pageToken = serializers.CharField(  # noqa: N815
        required=False, allow_blank=True, max_length=300,
        help_text="nextPageToken of the previous page; the other parameters must be those of that request.")
    offset = serializers.IntegerField(required=False, min_value=0, max_value=10_000,
                                      help_text="Start at this result (0 = the first); used only without pageToken.")
    reviewPublisherSiteFilter = serializers.CharField(  # noqa: N815
        required=False, allow_blank=True, max_length=200,
        help_text="Only reviews published by this site (an exact host, e.g. factdesk.example).")
