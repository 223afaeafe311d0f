"""Claims admin (interface): the review queue — candidates in context; accept, reject, fix, split, bulk."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from claims import selectors, services
from claims.admin.changes import pending_changes_count, rerun_view
from claims.admin.common import (
    ArticleFilter,
    ConfidenceFilter,
    DeskHistoryAdmin,
    ReviewStateFilter,
    SpeakerInputFilter,
    _admin_url,
    statement_context_html,
)
from claims.admin.keyset import KeysetChangeList
from claims.admin.stances import stance_review_context
from claims.models import Claim, ClaimType, ReviewState, Statement

# Reasons offered when rejecting a candidate (a free-text reason can be typed instead).
REJECT_REASONS = [
    gettext_lazy("Not a statement (headline, byline, caption)"),
    gettext_lazy("Wrong speaker"),
    gettext_lazy("Wrong span"),
    gettext_lazy("Duplicate of another candidate"),
    gettext_lazy("Not checkable"),
    gettext_lazy("Not newsworthy"),
]

ERROR_SPLIT_LINES = gettext_lazy(
    "Put each part on its own line; every line must be a piece of the statement, in order.")

ERROR_NO_CLAIM = gettext_lazy("Choose a claim or create a new one.")


class ReviewActionForm(helpers.ActionForm):
    reason = forms.CharField(required=False, label=gettext_lazy("Reason (for reject)"), max_length=300)


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
                raise ValidationError(_("The span must satisfy 0 ≤ start < end ≤ %(length)d (the article length).")
                                      % {"length": body_len})
            # The text follows the span (the service does the same); model validation compares them.
            self.instance.text = self.instance.article.body[start:end]
        return data


@admin.register(Statement)
class StatementAdmin(DeskHistoryAdmin):
    form = StatementFixForm
    # Five columns so the queue fits 1280 px beside the filters: outlet and date share a cell, and
    # kind, language and confidence another (static/desk/desk.css lays them out, and stacks each row
    # as a card on a phone).
    list_display = ("excerpt", "speaker_col", "source_col", "details_col", "state_col")
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
    search_help_text = gettext_lazy("Words of the statement or the speaker (either Chinese script, or English).")
    list_select_related = ("speaker", "article", "article__outlet")
    ordering = ("-article__created_at", "article_id", "start")
    list_per_page = 50
    action_form = ReviewActionForm
    actions = ["accept_selected", "reject_selected", "merge_selected"]
    autocomplete_fields = ("speaker",)
    fieldsets = (
        (gettext_lazy("Fix the span or the speaker"), {"fields": ("speaker", "start", "end")}),
        (gettext_lazy("Record"), {"fields": ("review_state", "claim_link", "reviewed_by", "reviewed_at", "reject_reason",
                               "claim_key", "cue", "extractor_version")}),
    )
    readonly_fields = ("review_state", "claim_link", "reviewed_by", "reviewed_at", "reject_reason", "claim_key",
                       "cue", "extractor_version")

    # -- list columns (all from the select_related rows: no query per row) --

    @admin.display(description=gettext_lazy("statement"))
    def excerpt(self, obj: Statement) -> str:
        text = obj.text if len(obj.text) <= 140 else obj.text[:139] + "…"
        return text

    @admin.display(description=gettext_lazy("speaker"))
    def speaker_col(self, obj: Statement):
        if obj.speaker is None:
            return format_html('<span class="desk-muted">{} ({})</span>', obj.mention or "—", _("unresolved"))
        badge = "" if obj.speaker.confirmed else format_html(' <span class="desk-badge">{}</span>', _("new"))
        return format_html('<a href="?speaker={}">{}</a>{}', obj.speaker_id, obj.speaker.name, badge)

    @admin.display(description=gettext_lazy("outlet"))
    def outlet_col(self, obj: Statement) -> str:
        return obj.article.outlet.name if obj.article.outlet_id else "—"

    @admin.display(description=gettext_lazy("article date"), ordering="article__published_at")
    def article_date(self, obj: Statement):
        # The newsroom's calendar day (TIME_ZONE), not UTC's: 08:00 in Taipei is the day before in UTC.
        when = obj.said_on or (timezone.localdate(obj.article.published_at) if obj.article.published_at else None)
        return when or "—"

    @admin.display(description=gettext_lazy("conf."), ordering="confidence")
    def confidence_col(self, obj: Statement) -> str:
        return f"{obj.confidence:.2f}"

    @admin.display(description=pgettext_lazy("desk review", "source"), ordering="article__published_at")
    def source_col(self, obj: Statement):
        return format_html('<span class="desk-outlet">{}</span> <span class="desk-date">{}</span>',
                           self.outlet_col(obj), self.article_date(obj))

    @admin.display(description=pgettext_lazy("desk review", "kind · language · conf."), ordering="confidence")
    def details_col(self, obj: Statement):
        asked = getattr(obj, "readers_asked", 0)
        return format_html('<span class="desk-kind">{}</span> <span class="desk-lang">{}</span> '
                           '<span class="desk-conf">{}</span>{}', obj.get_kind_display(), obj.get_language_display() if obj.language else "—",
                           self.confidence_col(obj),
                           format_html(' <span class="desk-asked">{}</span>', _("%(n)d readers asked") % {"n": asked}) if asked else "")

    @admin.display(description=gettext_lazy("state"))
    def state_col(self, obj: Statement) -> str:
        return obj.get_review_state_display()

    @admin.display(description=gettext_lazy("claim"))
    def claim_link(self, obj: Statement):
        if not obj.claim_id:
            return "—"
        return format_html('<a href="{}">{}</a>', _admin_url(obj.claim), obj.claim)

    # -- queryset, search, permissions --

    def get_queryset(self, request):
        # Readers' demand first: statements of claims readers asked about (or with their claim key).
        # (Annotated before the admin's ordering is applied, which names the annotation.)
        qs = Statement.objects.annotate(
            readers_asked=selectors.readers_asked_expression("claim_id") + selectors.readers_asked_by_key_expression()
        ).order_by(*self.get_ordering(request))
        return qs.select_related("speaker", "article", "article__outlet", "claim")

    def get_ordering(self, request):
        # Readers' demand first in the queue only (other screens order statements without the annotation).
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "claims_statement_changelist":
            return ("-readers_asked", *self.ordering)
        return super().get_ordering(request)

    @admin.display(description=gettext_lazy("readers asked"), ordering="readers_asked")
    def asked_col(self, obj: Statement) -> int | str:
        return getattr(obj, "readers_asked", 0) or ""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(selectors.statement_search_q(search_term)), False

    def get_changelist(self, request, **kwargs):
        return KeysetChangeList  # the queue pages by key: no count, no offset, no 10,000-row cap

    def has_add_permission(self, request) -> bool:
        return False  # statements come from extraction (or a split), never typed in

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # rejected statements are kept, with who, when and why

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Review queue"), "desk_pending_changes": pending_changes_count(),
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

    @property
    def media(self):
        # The span picker: a selection in the context view fills the start and end fields.
        return super().media + forms.Media(js=("desk/span_select.js",))

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path("<path:object_id>/accept/", self.admin_site.admin_view(self.accept_view), name=f"{info[0]}_{info[1]}_accept"),
            path("<path:object_id>/reject/", self.admin_site.admin_view(self.reject_view), name=f"{info[0]}_{info[1]}_reject"),
            path("<path:object_id>/split/", self.admin_site.admin_view(self.split_view), name=f"{info[0]}_{info[1]}_split"),
            path("article/<int:article_id>/rerun/",
                 self.admin_site.admin_view(lambda request, article_id: rerun_view(self, request, article_id)),
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
                **stance_review_context(request, selectors.statement_desk_stances(statement),
                                        list_query=f"statement={statement.pk}", show_target=False),
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
        # ``action`` is the translated "Accepted" or "Rejected".
        if claim is None:
            return format_html(_("{} statement “{}”."), action, statement.text[:60])
        return format_html(_('{} statement “{}” into claim <a href="{}">{}</a>.'), action, statement.text[:60],
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
            messages.warning(request, _(services.MESSAGE_PENDING))
        else:
            messages.success(request, self._changed_message(_("Accepted"), statement, statement.claim))
        return self._after_review(request, statement)

    def reject_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        statement = self._statement_or_403(request, object_id)
        reason = (request.POST.get("reason_text") or "").strip() or (request.POST.get("reason") or "").strip()
        result = services.statement_reject(statement, user=request.user, reason=reason)
        if not self.report(request, result):
            messages.success(request, self._changed_message(_("Rejected"), statement))
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
        messages.success(request, _("Split into %(n)d candidates; accept each into its own claim.") % {"n": len(pieces)})
        return HttpResponseRedirect(_admin_url(pieces[0]))

    # -- bulk actions --

    @admin.action(description=gettext_lazy("Accept selected (join the claim with the same key, else a new claim)"),
                  permissions=["change"])
    def accept_selected(self, request, queryset):
        rows = list(queryset.filter(review_state=ReviewState.CANDIDATE).order_by("article_id", "start"))
        accepted = services.statements_bulk_accept(rows, user=request.user)
        held = sum(1 for s in accepted if s.held)
        self.message_user(request, ngettext("Accepted %(n)d statement.", "Accepted %(n)d statements.", len(rows))
                          % {"n": len(rows)}, messages.SUCCESS)
        if held:
            messages.warning(request, _("%(n)d joined published claims and wait for an editor to publish them.")
                             % {"n": held})

    @admin.action(description=gettext_lazy("Reject selected (with the reason typed beside the action)"), permissions=["change"])
    def reject_selected(self, request, queryset):
        reason = (request.POST.get("reason") or "").strip()
        rows = list(queryset.filter(review_state=ReviewState.CANDIDATE))
        services.statements_bulk_reject(rows, user=request.user, reason=reason)
        self.message_user(request, ngettext("Rejected %(n)d statement.", "Rejected %(n)d statements.", len(rows))
                          % {"n": len(rows)}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Merge duplicates: accept selected into one claim"), permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = list(queryset.order_by("article_id", "start"))
        existing = next((s.claim for s in rows if s.claim_id), None)
        try:
            claim = services.statements_merge(rows, user=request.user, claim=existing)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        self.message_user(request, format_html(_('Accepted {} statements into claim <a href="{}">{}</a>.'), len(rows),
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
