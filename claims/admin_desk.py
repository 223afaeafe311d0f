"""Claims admin (interface): the fact-checkers' desk — review queue, claims, verdicts, speakers, stances.

Every save path calls ``claims.services`` (the same functions the API and the tasks use); reads that
other callers share come from ``claims.selectors``. Lists are built for 100,000 statements: joins
declared up front, no full-table COUNT on page load (a capped paginator), bounded blocks on pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from simple_history.admin import SimpleHistoryAdmin

from claims import admin_changes, selectors, services
from claims.extraction.normalize import normalize_alias
from claims.models import (
    Claim,
    ClaimType,
    Origin,
    PendingChange,
    Polarity,
    ReviewState,
    Speaker,
    SpeakerAlias,
    Stance,
    Statement,
    Verdict,
    VerdictStatus,
)
from claims.ratings import RATING_INFO, Rating
from sources.admin_articles import CappedPaginator, DeskMedia

# Reasons offered when rejecting a candidate (a free-text reason can be typed instead).
REJECT_REASONS = [
    "Not a statement (headline, byline, caption)",
    "Wrong speaker",
    "Wrong span",
    "Duplicate of another candidate",
    "Not checkable",
    "Not newsworthy",
]
ERROR_SPLIT_LINES = "Put each part on its own line; every line must be a piece of the statement, in order."
ERROR_NO_CLAIM = "Choose a claim or create a new one."


def _user_label(user) -> str:
    return getattr(user, "username", "") or "—"


def _admin_url(obj, action: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[quote(obj.pk)])


# --- context rendering ----------------------------------------------------------------------------

# Sentence ends in Chinese and English text: full stops, question and exclamation marks, newlines.
_SENTENCE_END = re.compile(r"[。！？!?；\n]|\.(?=\s)")
_CONTEXT_MAX = 600  # characters shown at most on either side of the statement


def _window(body: str, start: int, end: int, sentences: int) -> tuple[int, int]:
    """Offsets ``sentences`` sentence ends before ``start`` and after ``end``, capped in length."""
    lo_limit = max(0, start - _CONTEXT_MAX)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(body, lo_limit, start)]
    # The sentence holding the span starts after the last end before it; go back further by `sentences`.
    lo = ends_before[-(sentences + 1)] if len(ends_before) > sentences else lo_limit
    hi_limit = min(len(body), end + _CONTEXT_MAX)
    ends_after = [m.end() for m in _SENTENCE_END.finditer(body, end, hi_limit)]
    hi = ends_after[sentences] if len(ends_after) > sentences else hi_limit
    return lo, hi


def statement_context_html(statement: Statement, *, sentences: int = 2) -> SafeString:
    """The statement in its article: ~``sentences`` around it, quoted span and speaker mention marked.

    All article text is escaped; only our own <mark> tags are markup.
    """
    body = statement.article.body
    marks = [(statement.start, statement.end, "desk-span")]
    ms, me = statement.mention_start, statement.mention_end
    if ms is not None and me is not None and 0 <= ms < me <= len(body):
        if me <= statement.start or ms >= statement.end:
            marks.append((ms, me, "desk-mention"))
    lo, hi = _window(body, min(s for s, _, _ in marks), max(e for _, e, _ in marks), sentences)
    parts: list[str] = ["…" if lo > 0 else ""]
    cursor = lo
    for s, e, css in sorted(marks):
        parts.append(escape(body[cursor:s]))
        parts.append(format_html('<mark class="{}">{}</mark>', css, body[s:e]))
        cursor = e
    parts.append(escape(body[cursor:hi]))
    parts.append("…" if hi < len(body) else "")
    return format_html('<div class="desk-context" lang="{}">{}</div>', statement.language or "", mark_safe("".join(parts)))  # noqa: S308 (every piece escaped above)


# --- list filters ---------------------------------------------------------------------------------


class ReviewStateFilter(admin.SimpleListFilter):
    """Candidates by default: the changelist is the review queue."""

    title = "review state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("candidate", "Candidates (queue)"), ("accepted", "Accepted"), ("rejected", "Rejected"), ("all", "All")]

    def queryset(self, request, queryset):
        value = self.value() or "candidate"
        return queryset if value == "all" else queryset.filter(review_state=value)

    def choices(self, changelist):
        value = self.value() or "candidate"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"
    _BANDS = {"high": (0.8, None), "medium": (0.5, 0.8), "low": (None, 0.5)}

    def lookups(self, request, model_admin):
        return [("high", "High (≥ 0.8)"), ("medium", "Medium (0.5–0.8)"), ("low", "Low (< 0.5)")]

    def queryset(self, request, queryset):
        band = self._BANDS.get(self.value() or "")
        if band is None:
            return queryset
        lo, hi = band
        if lo is not None:
            queryset = queryset.filter(confidence__gte=lo)
        if hi is not None:
            queryset = queryset.filter(confidence__lt=hi)
        return queryset


class SpeakerInputFilter(admin.SimpleListFilter):
    """A text box: a speaker's name or any alias, in either script (or an id from a link)."""

    title = "speaker"
    parameter_name = "speaker"
    template = "admin/desk/input_filter.html"

    def lookups(self, request, model_admin):
        return []

    def has_output(self) -> bool:
        return True

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(speaker_id__in=selectors.speaker_ids_matching(self.value()))
        return queryset

    def choices(self, changelist):
        hidden = [(k, v) for k, v in changelist.params.items() if k != self.parameter_name]
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "All",
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "hidden": hidden,
        }


class ArticleFilter(admin.SimpleListFilter):
    """One article's statements (linked from the article page); shown only while active."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = request.GET.get(self.parameter_name, "")
        return [(value, f"Article {value}")] if value.isdigit() else []

    def has_output(self) -> bool:
        return bool(self.value())

    def queryset(self, request, queryset):
        value = self.value() or ""
        return queryset.filter(article_id=int(value)) if value.isdigit() else queryset


class AwaitingConfirmationFilter(admin.SimpleListFilter):
    title = "confirmation"
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        return [("yes", "Proposed by the extractor, awaiting confirmation"), ("merged", "Merged away")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed=False, merged_into__isnull=True, origin=Origin.EXTRACTED)
        if self.value() == "merged":
            return queryset.filter(merged_into__isnull=False)
        return queryset


# --- history admin base ---------------------------------------------------------------------------


class DeskHistoryAdmin(DeskMedia, SimpleHistoryAdmin):
    """History view and revert for desk models; reverting saves through ``save_model`` (services)."""

    show_full_result_count = False
    # Facet counts would COUNT every filter value over the whole table on each page load.
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedPaginator

    @staticmethod
    def is_revert(request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        return bool(match and (match.url_name or "").endswith("_simple_history"))

    @staticmethod
    def report(request: HttpRequest, result) -> bool:
        """Tell the user when a save became a pending change; True if it did (nothing public moved)."""
        if isinstance(result, PendingChange):
            request._desk_pending = result
            url = reverse("admin:claims_pendingchange_change", args=[quote(result.pk)])
            messages.warning(request, format_html('{} <a href="{}">See the pending change.</a>',
                                                  services.MESSAGE_PENDING, url))
            return True
        return False

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # The admin's own "changed successfully" would be untrue when the save became a proposal.
        if getattr(request, "_desk_pending", None) is not None and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)


# --- statements: the review queue ------------------------------------------------------------------


class ReviewActionForm(helpers.ActionForm):
    reason = forms.CharField(required=False, label="Reason (for reject)", max_length=300)


class StatementFixForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["speaker", "start", "end"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        body_len = len(self.instance.article.body) if self.instance.article_id else 0
        if start is not None and end is not None:
            if not (0 <= start < end <= body_len):
                raise ValidationError(f"The span must satisfy 0 ≤ start < end ≤ {body_len} (the article length).")
            # The text follows the span (the service does the same); model validation compares them.
            self.instance.text = self.instance.article.body[start:end]
        return data


@admin.register(Statement)
class StatementAdmin(DeskHistoryAdmin):
    form = StatementFixForm
    list_display = ("excerpt", "speaker_col", "outlet_col", "article_date", "kind", "language", "confidence_col",
                    "state_col")
    list_display_links = ("excerpt",)
    list_filter = (
        ReviewStateFilter,
        ("article__outlet", admin.RelatedFieldListFilter),
        "language",
        SpeakerInputFilter,
        "kind",
        ConfidenceFilter,
        ("article__published_at", admin.DateFieldListFilter),
        ArticleFilter,
    )
    # The search box; get_search_results does the real matching (both scripts, aliases).
    search_fields = ("text",)
    search_help_text = "Words of the statement or the speaker (either Chinese script, or English)."
    list_select_related = ("speaker", "article", "article__outlet")
    ordering = ("-article__created_at", "article_id", "start")
    list_per_page = 50
    action_form = ReviewActionForm
    actions = ["accept_selected", "reject_selected", "merge_selected"]
    autocomplete_fields = ("speaker",)
    fieldsets = (
        ("Fix the span or the speaker", {"fields": ("speaker", "start", "end")}),
        ("Record", {"fields": ("review_state", "claim_link", "reviewed_by", "reviewed_at", "reject_reason",
                               "claim_key", "cue", "extractor_version")}),
    )
    readonly_fields = ("review_state", "claim_link", "reviewed_by", "reviewed_at", "reject_reason", "claim_key",
                       "cue", "extractor_version")

    # -- list columns (all from the select_related rows: no query per row) --

    @admin.display(description="statement")
    def excerpt(self, obj: Statement) -> str:
        text = obj.text if len(obj.text) <= 140 else obj.text[:139] + "…"
        return text

    @admin.display(description="speaker")
    def speaker_col(self, obj: Statement):
        if obj.speaker is None:
            return format_html('<span class="desk-muted">{} (unresolved)</span>', obj.mention or "—")
        badge = "" if obj.speaker.confirmed else format_html(' <span class="desk-badge">new</span>')
        return format_html('<a href="?speaker={}">{}</a>{}', obj.speaker_id, obj.speaker.name, badge)

    @admin.display(description="outlet")
    def outlet_col(self, obj: Statement) -> str:
        return obj.article.outlet.name if obj.article.outlet_id else "—"

    @admin.display(description="article date", ordering="article__published_at")
    def article_date(self, obj: Statement):
        when = obj.said_on or (obj.article.published_at.date() if obj.article.published_at else None)
        return when or "—"

    @admin.display(description="conf.", ordering="confidence")
    def confidence_col(self, obj: Statement) -> str:
        return f"{obj.confidence:.2f}"

    @admin.display(description="state")
    def state_col(self, obj: Statement) -> str:
        return obj.get_review_state_display()

    @admin.display(description="claim")
    def claim_link(self, obj: Statement):
        if not obj.claim_id:
            return "—"
        return format_html('<a href="{}">{}</a>', _admin_url(obj.claim), obj.claim)

    # -- queryset, search, permissions --

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "article", "article__outlet", "claim")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(selectors.statement_search_q(search_term)), False

    def has_add_permission(self, request) -> bool:
        return False  # statements come from extraction (or a split), never typed in

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # rejected statements are kept, with who, when and why

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": "Review queue", "desk_pending_changes": admin_changes.pending_changes_count(),
                         **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    # -- saving the fix form --

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            updated = services.statement_update(
                obj, user=request.user, start=data.get("start"), end=data.get("end"), speaker=data.get("speaker")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return
        if not self.report(request, updated):
            obj.text = updated.text

    # -- the desk panel on the change page --

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path("<path:object_id>/accept/", self.admin_site.admin_view(self.accept_view), name=f"{info[0]}_{info[1]}_accept"),
            path("<path:object_id>/reject/", self.admin_site.admin_view(self.reject_view), name=f"{info[0]}_{info[1]}_reject"),
            path("<path:object_id>/split/", self.admin_site.admin_view(self.split_view), name=f"{info[0]}_{info[1]}_split"),
            path("article/<int:article_id>/rerun/",
                 self.admin_site.admin_view(lambda request, article_id: admin_changes.rerun_view(self, request, article_id)),
                 name=f"{info[0]}_{info[1]}_rerun"),
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if statement is not None:
            extra.update(
                desk_context=statement_context_html(statement),
                desk_statement=statement,
                desk_suggestions=selectors.claim_suggestions(statement),
                desk_reject_reasons=REJECT_REASONS,
                desk_claim_types=ClaimType.choices,
                desk_can_review=self.has_change_permission(request, statement),
                desk_is_candidate=statement.review_state == ReviewState.CANDIDATE,
                desk_next=self._next_candidate(statement),
            )
        return super().change_view(request, object_id, form_url, extra)

    @staticmethod
    def _next_candidate(statement: Statement) -> Statement | None:
        """The next candidate in the same article, else the newest candidate elsewhere."""
        same = Statement.objects.filter(
            article_id=statement.article_id, review_state=ReviewState.CANDIDATE, start__gt=statement.start
        ).order_by("start").only("id").first()
        if same is not None:
            return same
        return (
            selectors.statement_review_queue().exclude(pk=statement.pk).exclude(article_id=statement.article_id)
            .select_related(None).only("id").first()
        )

    def _statement_or_403(self, request, object_id) -> Statement:
        statement = get_object_or_404(Statement.objects.select_related("article"), pk=object_id)
        if not self.has_change_permission(request, statement):
            raise PermissionDenied
        return statement

    def _after_review(self, request, statement: Statement) -> HttpResponseRedirect:
        following = self._next_candidate(statement)
        if following is not None and request.POST.get("then") != "stay":
            return HttpResponseRedirect(_admin_url(following))
        return HttpResponseRedirect(reverse("admin:claims_statement_changelist"))

    @staticmethod
    def _changed_message(action: str, statement: Statement, claim: Claim | None = None):
        if claim is None:
            return format_html("{} statement “{}”.", action, statement.text[:60])
        return format_html('{} statement “{}” into claim <a href="{}">{}</a>.', action, statement.text[:60],
                           _admin_url(claim), claim)

    def accept_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        statement = self._statement_or_403(request, object_id)
        choice = request.POST.get("claim", "new")
        claim = None
        if choice != "new":
            claim = Claim.objects.filter(pk=choice if str(choice).isdigit() else 0).first()
            if claim is None:
                messages.error(request, ERROR_NO_CLAIM)
                return HttpResponseRedirect(_admin_url(statement))
        claim_type = request.POST.get("claim_type") or ClaimType.FACTUAL
        if claim_type not in ClaimType.values:
            claim_type = ClaimType.FACTUAL
        try:
            statement = services.statement_accept(
                statement, user=request.user, claim=claim,
                new_claim_text=(request.POST.get("new_claim_text") or "").strip() if claim is None else "",
                claim_type=claim_type,
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return HttpResponseRedirect(_admin_url(statement))
        if statement.held:
            messages.warning(request, services.MESSAGE_PENDING)
        else:
            messages.success(request, self._changed_message("Accepted", statement, statement.claim))
        return self._after_review(request, statement)

    def reject_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        statement = self._statement_or_403(request, object_id)
        reason = (request.POST.get("reason_text") or "").strip() or (request.POST.get("reason") or "").strip()
        result = services.statement_reject(statement, user=request.user, reason=reason)
        if not self.report(request, result):
            messages.success(request, self._changed_message("Rejected", statement))
        return self._after_review(request, statement)

    def split_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        statement = self._statement_or_403(request, object_id)
        try:
            parts = split_parts(statement, request.POST.get("parts", ""))
            pieces = services.statement_split(statement, user=request.user, parts=parts)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(_admin_url(statement))
        messages.success(request, f"Split into {len(pieces)} candidates; accept each into its own claim.")
        return HttpResponseRedirect(_admin_url(pieces[0]))

    # -- bulk actions --

    @admin.action(description="Accept selected (join the claim with the same key, else a new claim)",
                  permissions=["change"])
    def accept_selected(self, request, queryset):
        rows = list(queryset.filter(review_state=ReviewState.CANDIDATE).order_by("article_id", "start"))
        accepted = services.statements_bulk_accept(rows, user=request.user)
        held = sum(1 for s in accepted if s.held)
        self.message_user(request, f"Accepted {len(rows)} statements.", messages.SUCCESS)
        if held:
            messages.warning(request, f"{held} joined published claims and wait for an editor to publish them.")

    @admin.action(description="Reject selected (with the reason typed beside the action)", permissions=["change"])
    def reject_selected(self, request, queryset):
        reason = (request.POST.get("reason") or "").strip()
        rows = list(queryset.filter(review_state=ReviewState.CANDIDATE))
        services.statements_bulk_reject(rows, user=request.user, reason=reason)
        self.message_user(request, f"Rejected {len(rows)} statements.", messages.SUCCESS)

    @admin.action(description="Merge duplicates: accept selected into one claim", permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = list(queryset.order_by("article_id", "start"))
        existing = next((s.claim for s in rows if s.claim_id), None)
        try:
            claim = services.statements_merge(rows, user=request.user, claim=existing)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        self.message_user(request, format_html('Accepted {} statements into claim <a href="{}">{}</a>.', len(rows),
                                               _admin_url(claim), claim), messages.SUCCESS)


def split_parts(statement: Statement, raw: str) -> list[tuple[int, int]]:
    """Article offsets of the parts typed one per line (each a piece of the statement, in order)."""
    lines = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    if len(lines) < 2:
        raise ValidationError(ERROR_SPLIT_LINES)
    parts, cursor = [], 0
    for line in lines:
        at = statement.text.find(line, cursor)
        if at < 0:
            raise ValidationError(ERROR_SPLIT_LINES)
        parts.append((statement.start + at, statement.start + at + len(line)))
        cursor = at + len(line)
    return parts


# --- claims ---------------------------------------------------------------------------------------


class ClaimForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["text", "claim_type", "language", "status"]


@admin.register(Claim)
class ClaimAdmin(DeskHistoryAdmin):
    form = ClaimForm
    list_display = ("text_col", "status", "published", "verdict_col", "language", "updated_at")
    list_filter = ("status", "published", "claim_type", "language")
    search_fields = ("text",)
    list_select_related = ("current_verdict",)
    list_per_page = 50
    actions = ["merge_selected"]
    readonly_fields = ("key", "slug", "published", "published_at", "first_seen_at", "merged_into", "created_by",
                       "statements_block", "stances_block", "verdicts_block")
    fieldsets = (
        (None, {"fields": ("text", "claim_type", "language", "status")}),
        ("Publication", {"fields": ("published", "published_at", "first_seen_at", "key", "slug", "merged_into",
                                    "created_by")}),
        ("Statements that make this claim", {"fields": ("statements_block",)}),
        ("Stances for and against", {"fields": ("stances_block",)}),
        ("Verdicts and their history", {"fields": ("verdicts_block",)}),
    )

    @admin.display(description="claim", ordering="text")
    def text_col(self, obj: Claim) -> str:
        return obj.text[:120]

    @admin.display(description="verdict")
    def verdict_col(self, obj: Claim) -> str:
        return obj.current_verdict.get_rating_display() if obj.current_verdict_id else "—"

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        q = Q()
        for variant in selectors.text_search_variants(search_term):
            q |= Q(text__icontains=variant)
        if search_term.strip().isdigit():
            q |= Q(pk=int(search_term))
        queryset = queryset.filter(q)
        if "autocomplete" in request.path:
            queryset = queryset.filter(merged_into__isnull=True)
        return queryset, False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # duplicates are merged, not deleted

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in ClaimForm.Meta.fields if field in form.cleaned_data}
        if not change:
            created = services.claim_create(
                text=data["text"], language=data.get("language", ""), claim_type=data.get("claim_type", "factual"),
                user=request.user,
            )
            obj.pk, obj.slug, obj.key = created.pk, created.slug, created.key
            obj._state.adding = False
            return
        current = Claim.objects.select_related("current_verdict").get(pk=obj.pk)
        changed = {f: data[f] for f in ClaimForm.Meta.fields if f in data and getattr(current, f) != data[f]}
        if "status" in self.get_readonly_fields(request, current):
            changed.pop("status", None)  # a revert must not take a checked claim back to 'unverified'
        if changed:
            try:
                self.report(request, services.claim_update(current, user=request.user, **changed))
            except ValidationError as exc:
                request._desk_pending = exc  # no success message for a refused save
                messages.error(request, " ".join(exc.messages))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # A claim with a published verdict is 'checked' until it is withdrawn (services enforce it).
        if obj is not None and obj.current_verdict_id and obj.current_verdict.status == VerdictStatus.PUBLISHED:
            fields.append("status")
        return fields

    # -- read-only blocks: one bounded query each --

    @admin.display(description="statements")
    def statements_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        rows = list(selectors.claim_desk_statements(obj))
        if not rows:
            return "No statements yet."
        body = format_html_join(
            "", '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    _admin_url(s), s.text[:120], s.speaker.name if s.speaker_id else s.mention or "—",
                    s.said_on or (s.article.published_at.date() if s.article.published_at else "—"),
                    s.article.outlet.name if s.article.outlet_id else "—", s.language, s.get_review_state_display(),
                )
                for s in rows
            ),
        )
        return format_html(
            '<table class="desk-table"><thead><tr><th>statement</th><th>speaker</th><th>date</th><th>outlet</th>'
            "<th>language</th><th>state</th></tr></thead><tbody>{}</tbody></table>", body
        )

    @admin.display(description="stances")
    def stances_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        rows = list(selectors.claim_desk_stances(obj))
        if not rows:
            return "No stances recorded."
        groups = []
        for polarity, label in ((Polarity.SUPPORT, "For"), (Polarity.OPPOSE, "Against"), (Polarity.NEUTRAL, "Neutral")):
            items = [s for s in rows if s.polarity == polarity]
            if not items:
                continue
            lis = format_html_join(
                "", "<li>{} — “{}” ({}, {}, {})</li>",
                ((s.speaker.name, s.cue or "—", s.said_on or "—", s.article.outlet.name
                  if s.article_id and s.article.outlet_id else "—", s.get_review_state_display()) for s in items),
            )
            groups.append(format_html('<h4 class="desk-{}">{} ({})</h4><ul>{}</ul>', polarity, label, len(items), lis))
        return format_html_join("", "{}", ((g,) for g in groups))

    @admin.display(description="verdicts")
    def verdicts_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        add_url = reverse("admin:claims_verdict_add") + f"?claim={obj.pk}"
        verdicts = list(Verdict.objects.filter(claim=obj).select_related("author", "published_by")[:50])
        history = list(
            Verdict.history.filter(claim_id=obj.pk).select_related("history_user").order_by("-history_date")[:50]
        )
        current = format_html_join(
            "", '<li><a href="{}">{}</a> — {} — by {} (revision {}) · <a href="{}">history</a>{}</li>',
            (
                (_admin_url(v), v.get_rating_display(), v.get_status_display(), _user_label(v.author), v.revision,
                 _admin_url(v, "history"), " · current" if v.pk == obj.current_verdict_id else "")
                for v in verdicts
            ),
        )
        log = format_html_join(
            "", "<li>{} · {} · {} · {} ({})</li>",
            (
                (h.history_date.strftime("%Y-%m-%d %H:%M"), _user_label(h.history_user),
                 {"+": "created", "~": "changed", "-": "deleted"}.get(h.history_type, h.history_type),
                 h.get_rating_display(), h.status)
                for h in history
            ),
        )
        return format_html(
            '<p><a class="button" href="{}">Draft a verdict</a></p><ul>{}</ul><h4>History</h4><ul class="desk-log">{}</ul>',
            add_url, current or mark_safe("<li>No verdict yet.</li>"), log or mark_safe("<li>—</li>"),
        )

    @admin.action(description="Merge selected claims into the published (else oldest) one", permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = sorted(queryset.filter(merged_into__isnull=True), key=lambda c: (not c.published, c.pk))
        if len(rows) < 2:
            self.message_user(request, "Select at least two claims to merge.", messages.WARNING)
            return
        target = rows[0]
        results = [services.claim_merge(source=source, target=target, user=request.user) for source in rows[1:]]
        pending = [r for r in results if isinstance(r, PendingChange)]
        if pending:
            messages.warning(request, f"{len(pending)} merge(s) of published claims wait for an editor.")
        if len(pending) < len(results):
            self.message_user(request, format_html('Merged {} claims into <a href="{}">{}</a>.',
                                                   len(results) - len(pending), _admin_url(target), target),
                              messages.SUCCESS)


# --- verdicts -------------------------------------------------------------------------------------


def _links_to_text(links: list) -> str:
    return "\n".join(f"{item.get('url', '')} {item.get('title', '')}".strip() for item in links or [] if
                     isinstance(item, dict))


def _text_to_links(raw: str) -> list[dict]:
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for raw_line in (raw or "").splitlines():
        line = raw_line.strip()
        if not line:
            continue
        url, _, title = line.partition(" ")
        try:
            validate(url)
        except ValidationError:
            raise ValidationError(f"Not a web address: {url!r}. One link per line: URL, then an optional title.") \
                from None
        links.append({"url": url, "title": title.strip() or urlsplit(url).netloc})
    return links


_SCALE_HELP = "; ".join(
    f"{Rating(r).label}" + (f" = {info.value}/5" if info.value else "") for r, info in RATING_INFO.items()
)


class VerdictForm(forms.ModelForm):
    evidence = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Evidence links, one per line: the URL, then an optional title.",
    )
    # When set, the form skips the optimistic-lock check (a revert applies to the current revision).
    reverting = False
    user = None  # the requesting user, set by VerdictAdmin.get_form

    class Meta:
        model = Verdict
        fields = ["claim", "rating", "summary", "explanation", "revision"]
        widgets = {"revision": forms.HiddenInput()}
        help_texts = {"rating": f"The documented scale: {_SCALE_HELP}."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["evidence"].initial = _links_to_text(self.instance.evidence_links)
        if "revision" in self.fields:
            self.fields["revision"].required = False

    def clean_evidence(self):
        return _text_to_links(self.cleaned_data.get("evidence", ""))

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            current = Verdict.objects.select_related("author").get(pk=self.instance.pk)
            try:
                services.verdict_check_editable(current, self.user)
            except PermissionDenied as exc:
                raise ValidationError(str(exc), code="permission") from None
            if not self.reverting and data.get("revision") != current.revision:
                raise ValidationError(services.ERROR_STALE_VERDICT, code="stale")
        return data


@admin.register(Verdict)
class VerdictAdmin(DeskHistoryAdmin):
    form = VerdictForm
    list_display = ("claim_col", "rating", "status", "author", "revision", "updated_at")
    list_filter = ("status", "rating")
    list_select_related = ("claim", "author")
    search_fields = ("claim__text",)
    autocomplete_fields = ("claim",)
    actions = ["publish_selected"]

    @admin.display(description="claim")
    def claim_col(self, obj: Verdict) -> str:
        return obj.claim.text[:100]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["claim", "rating", "summary", "explanation", "evidence"]
        return ["claim", "rating", "summary", "explanation", "evidence", "revision", "status", "author",
                "published_at", "published_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["claim", "status", "author", "published_at", "published_by"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type("DeskVerdictForm", (form,), {"reverting": self.is_revert(request), "user": request.user})

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # verdicts are withdrawn or superseded, never deleted

    def has_publish_permission(self, request, obj=None) -> bool:
        return services.user_can_publish(request.user)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {"rating": data["rating"], "summary": data.get("summary", ""), "explanation": data["explanation"],
                  "evidence_links": data.get("evidence", [])}
        if not change:
            created = services.verdict_draft(claim=data["claim"], user=request.user, **fields)
            obj.pk, obj.revision, obj.status = created.pk, created.revision, created.status
            obj._state.adding = False
            return
        expected = data.get("revision")
        if form.reverting:
            expected = Verdict.objects.values_list("revision", flat=True).get(pk=obj.pk)
        try:
            self.report(request, services.verdict_update(obj, user=request.user, expected_revision=expected, **fields))
        except (ValidationError, PermissionDenied) as exc:  # lost a race after the form's own check
            request._desk_pending = exc
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [path("<path:object_id>/publish/", self.admin_site.admin_view(self.publish_view),
                    name=f"{info[0]}_{info[1]}_publish")]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {"desk_can_publish": self.has_publish_permission(request), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra)

    def publish_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        verdict = get_object_or_404(Verdict, pk=object_id)
        revision = request.POST.get("revision")
        try:
            services.verdict_publish(
                verdict, user=request.user, expected_revision=int(revision) if (revision or "").isdigit() else None
            )
        except PermissionDenied:
            messages.error(request, services.ERROR_PUBLISH_PERMISSION)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Published: the verdict and its claim are now public.")
        return HttpResponseRedirect(_admin_url(verdict))

    @admin.action(description="Publish selected verdicts (editors)", permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = 0
        for verdict in queryset.exclude(status=VerdictStatus.PUBLISHED):
            services.verdict_publish(verdict, user=request.user)
            count += 1
        self.message_user(request, f"Published {count} verdicts.", messages.SUCCESS)


# --- speakers -------------------------------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1
    fields = ("alias", "normalized", "script", "origin")
    readonly_fields = ("normalized", "script", "origin")

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # an alias is added or removed, not edited in place


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "kind", "title", "country", "wikidata_id", "confirmed"]


class MergeSpeakersForm(forms.Form):
    target = forms.ModelChoiceField(queryset=Speaker.objects.none(), widget=forms.RadioSelect, empty_label=None)


@admin.register(Speaker)
class SpeakerAdmin(DeskHistoryAdmin):
    form = SpeakerForm
    list_display = ("name", "kind", "title", "origin", "confirmed", "merged_into", "statements_link")
    list_filter = (AwaitingConfirmationFilter, "confirmed", "origin", "kind")
    search_fields = ("name", "aliases__normalized")
    search_help_text = "A name or any alias, in either Chinese script or English."
    list_select_related = ("merged_into",)
    inlines = [AliasInline]
    actions = ["confirm_selected", "merge_selected"]
    readonly_fields = ("slug", "registry_key", "origin", "merged_into", "created_at")

    @admin.display(description="statements")
    def statements_link(self, obj: Speaker):
        url = reverse("admin:claims_statement_changelist") + f"?state=all&speaker={obj.pk}"
        return format_html('<a href="{}">statements</a>', url)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        normalized = normalize_alias(term)
        q = Q(name__icontains=term)
        if normalized:
            q |= Q(pk__in=SpeakerAlias.objects.filter(normalized__startswith=normalized).values("speaker_id"))
        queryset = queryset.filter(q)
        if "autocomplete" in request.path:
            queryset = queryset.filter(merged_into__isnull=True)
        return queryset, False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # speakers are merged, not deleted

    def save_model(self, request, obj, form, change):
        data = {f: form.cleaned_data.get(f) for f in SpeakerForm.Meta.fields if f in form.cleaned_data}
        if not change:
            created = services.speaker_create(
                name=data["name"], kind=data.get("kind") or "person", title=data.get("title") or "",
                origin=Origin.REVIEWER, confirmed=True,
            )
            extra = {f: data[f] for f in ("country", "wikidata_id") if data.get(f)}
            if extra:
                created = services.speaker_update(created, user=request.user, **extra)
            obj.pk, obj.slug, obj.origin = created.pk, created.slug, created.origin
            obj._state.adding = False
            return
        changed = {f: data[f] for f in SpeakerForm.Meta.fields if f in form.changed_data or self.is_revert(request)}
        if changed:
            self.report(request, services.speaker_update(obj, user=request.user, **changed))

    def save_formset(self, request, form, formset, change):
        if formset.model is not SpeakerAlias:
            return super().save_formset(request, form, formset, change)
        speaker = form.instance
        for alias_form in formset.forms:
            if not alias_form.has_changed() and not alias_form.instance.pk:
                continue
            if alias_form.instance.pk and alias_form.cleaned_data.get("DELETE"):
                services.speaker_alias_remove(alias_form.instance, user=request.user)
            elif not alias_form.instance.pk and alias_form.cleaned_data.get("alias"):
                services.speaker_alias_add(speaker, alias_form.cleaned_data["alias"], origin=Origin.REVIEWER)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    @admin.action(description="Confirm selected speakers", permissions=["change"])
    def confirm_selected(self, request, queryset):
        rows = list(queryset.filter(confirmed=False))
        for speaker in rows:
            services.speaker_confirm(speaker, user=request.user)
        self.message_user(request, f"Confirmed {len(rows)} speakers.", messages.SUCCESS)

    @admin.action(description="Merge selected speakers…", permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = list(queryset.filter(merged_into__isnull=True).order_by("-confirmed", "id"))
        if len(rows) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        form = MergeSpeakersForm(request.POST if "post" in request.POST else None)
        form.fields["target"].queryset = Speaker.objects.filter(pk__in=[s.pk for s in rows])
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            results = [services.speaker_merge(source=source, target=target, user=request.user)
                       for source in rows if source.pk != target.pk]
            if any(isinstance(r, PendingChange) for r in results):
                messages.warning(request, services.MESSAGE_PENDING)
                return None
            self.message_user(request, format_html('Merged {} speakers into <a href="{}">{}</a>; every statement kept.',
                                                   len(rows) - 1, _admin_url(target), target.name), messages.SUCCESS)
            return None
        form.fields["target"].initial = rows[0].pk
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.opts,
            "speakers": rows,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_selected",
        }
        return TemplateResponse(request, "admin/claims/speaker/merge_speakers.html", context)


# --- stances --------------------------------------------------------------------------------------


@admin.register(Stance)
class StanceAdmin(DeskHistoryAdmin):
    list_display = ("speaker", "polarity", "target_col", "review_state", "said_on")
    list_filter = ("review_state", "polarity")
    list_select_related = ("speaker", "claim", "target_statement")
    search_fields = ("speaker__name", "cue")
    actions = ["accept_selected", "reject_selected"]
    readonly_fields = ("speaker", "polarity", "claim", "target_statement", "evidence_statement", "article", "cue",
                       "said_on", "review_state", "reviewed_by", "reviewed_at", "extractor_version")
    fields = readonly_fields

    @admin.display(description="on")
    def target_col(self, obj: Stance) -> str:
        if obj.claim_id:
            return f"claim: {obj.claim.text[:80]}"
        return f"statement: {obj.target_statement.text[:80]}" if obj.target_statement_id else "—"

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Accept selected stances", permissions=["change"])
    def accept_selected(self, request, queryset):
        rows = list(queryset.select_related("target_statement"))
        results = [services.stance_review(stance, user=request.user, accept=True) for stance in rows]
        self.message_user(request, f"Accepted {len(rows)} stances.", messages.SUCCESS)
        held = sum(1 for r in results if getattr(r, "held", False))
        if held:
            messages.warning(request, f"{held} are on published claims and wait for an editor to publish them.")

    @admin.action(description="Reject selected stances", permissions=["change"])
    def reject_selected(self, request, queryset):
        rows = list(queryset)
        results = [services.stance_review(stance, user=request.user, accept=False) for stance in rows]
        pending = sum(1 for r in results if isinstance(r, PendingChange))
        self.message_user(request, f"Rejected {len(rows) - pending} stances.", messages.SUCCESS)
        if pending:
            messages.warning(request, f"{pending} are public and wait for an editor to remove them.")
