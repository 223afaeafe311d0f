"""Claims admin (interface): claims — their statements, stances for and against, verdicts and history, merges."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from claims import selectors, services
from claims.admin.common import DeskHistoryAdmin, _admin_url, _user_label
from claims.admin.stances import stance_review_context
from claims.models import Claim, PendingChange, Polarity, Verdict, VerdictStatus


class ClaimForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["text", "claim_type", "language", "status"]


@admin.register(Claim)
class ClaimAdmin(DeskHistoryAdmin):
    form = ClaimForm
    list_display = ("text_col", "status", "published", "verdict_col", "asked_col", "language", "updated_at")
    list_filter = ("status", "published", "claim_type", "language")
    search_fields = ("text",)
    list_select_related = ("current_verdict",)
    list_per_page = 50
    actions = ["merge_selected"]
    readonly_fields = ("key", "slug", "published", "published_at", "first_seen_at", "merged_into", "created_by", "asked_col",
                       "statements_block", "stances_block", "verdicts_block")
    fieldsets = (
        (None, {"fields": ("text", "claim_type", "language", "status")}),
        (gettext_lazy("Publication"), {"fields": ("published", "published_at", "first_seen_at", "key", "slug", "merged_into",
                                    "created_by", "asked_col")}),
        (gettext_lazy("Statements that make this claim"), {"fields": ("statements_block",)}),
        (gettext_lazy("Stances for and against"), {"fields": ("stances_block",)}),
        (gettext_lazy("Verdicts and their history"), {"fields": ("verdicts_block",)}),
    )

    @admin.display(description=gettext_lazy("claim"), ordering="text")
    def text_col(self, obj: Claim) -> str:
        return obj.text[:120]

    def get_queryset(self, request):
        # "N readers asked": the demand of every request group this claim answers.
        # (Annotated before the admin's ordering is applied, which names the annotation.)
        return Claim.objects.annotate(readers_asked=selectors.readers_asked_expression()).order_by(
            *self.get_ordering(request))

    def get_ordering(self, request):
        # Demand first in this list only: other screens order claims (choices, autocomplete) without the annotation.
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "claims_claim_changelist":
            return ("-readers_asked", "-updated_at")
        return super().get_ordering(request)

    @admin.display(description=gettext_lazy("readers asked"), ordering="readers_asked")
    def asked_col(self, obj: Claim) -> int | str:
        return getattr(obj, "readers_asked", 0) or ""

    @admin.display(description=gettext_lazy("verdict"))
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Stances on the claim (or its statements) for review here, below the form (forms cannot nest).
        claim = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if claim is not None:
            extra.update(stance_review_context(request, selectors.claim_desk_stances_for_review(claim),
                                               list_query=f"claim={claim.pk}", show_target=True))
        return super().change_view(request, object_id, form_url, extra)

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

    @admin.display(description=gettext_lazy("statements"))
    def statements_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        rows = list(selectors.claim_desk_statements(obj))
        if not rows:
            return _("No statements yet.")
        body = format_html_join(
            "", '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    _admin_url(s), s.text[:120], s.speaker.name if s.speaker_id else s.mention or "—",
                    s.said_on or (timezone.localdate(s.article.published_at) if s.article.published_at else "—"),
                    s.article.outlet.name if s.article.outlet_id else "—", s.get_language_display(),
                    s.get_review_state_display(),
                )
                for s in rows
            ),
        )
        return format_html(
            '<table class="desk-table"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>'
            "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("statement"), _("speaker"), _("date"), _("outlet"), _("language"), _("state"), body,
        )

    @admin.display(description=gettext_lazy("stances"))
    def stances_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        rows = list(selectors.claim_desk_stances(obj))
        if not rows:
            return _("No stances recorded.")
        groups = []
        for polarity, label in ((Polarity.SUPPORT, _("For")), (Polarity.OPPOSE, _("Against")),
                                (Polarity.NEUTRAL, _("Neutral"))):
            items = [s for s in rows if s.polarity == polarity]
            if not items:
                continue
            lis = format_html_join(
                "", "<li>{} — “{}” ({}, {}, {})</li>",
                ((s.speaker.name, s.cue or "—", s.said_on or "—", s.article.outlet.name
                  if s.article_id and s.article.outlet_id else "—", s.get_review_state_display()) for s in items),
            )
            groups.append(format_html('<h4 class="desk-{}">{} ({})</h4><ul>{}</ul>', polarity, label, len(items), lis))
        groups.append(format_html('<p><a href="#desk-stance-review">{}</a></p>',
                                  pgettext("desk review", "Review them below (accept or reject each)")))
        return format_html_join("", "{}", ((g,) for g in groups))

    @admin.display(description=gettext_lazy("verdicts"))
    def verdicts_block(self, obj: Claim):
        if not obj.pk:
            return "—"
        add_url = reverse("admin:claims_verdict_add") + f"?claim={obj.pk}"
        verdicts = list(Verdict.objects.filter(claim=obj).select_related("author", "published_by")[:50])
        history = list(
            Verdict.history.filter(claim_id=obj.pk).select_related("history_user").order_by("-history_date")[:50]
        )
        current = format_html_join(
            "", '<li><a href="{}">{}</a> — {} — {} · <a href="{}">{}</a>{}</li>',
            (
                (_admin_url(v), v.get_rating_display(), v.get_status_display(),
                 _("by %(user)s (revision %(revision)s)") % {"user": _user_label(v.author), "revision": v.revision},
                 _admin_url(v, "history"), _("history"), " · " + _("current") if v.pk == obj.current_verdict_id else "")
                for v in verdicts
            ),
        )
        log = format_html_join(
            "", "<li>{} · {} · {} · {} ({})</li>",
            (
                (timezone.localtime(h.history_date).strftime("%Y-%m-%d %H:%M"), _user_label(h.history_user),
                 {"+": _("created"), "~": _("changed"), "-": _("deleted")}.get(h.history_type, h.history_type),
                 h.get_rating_display(), h.get_status_display())
                for h in history
            ),
        )
        return format_html(
            '<p><a class="button" href="{}">{}</a></p><ul>{}</ul><h4>{}</h4><ul class="desk-log">{}</ul>',
            add_url, _("Draft a verdict"), current or format_html("<li>{}</li>", _("No verdict yet.")), _("History"),
            log or mark_safe("<li>—</li>"),  # noqa: S308 - constant markup
        )

    @admin.action(description=gettext_lazy("Merge selected claims into the published (else oldest) one"), permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = sorted(queryset.filter(merged_into__isnull=True), key=lambda c: (not c.published, c.pk))
        if len(rows) < 2:
            self.message_user(request, _("Select at least two claims to merge."), messages.WARNING)
            return
        target = rows[0]
        results = [services.claim_merge(source=source, target=target, user=request.user) for source in rows[1:]]
        pending = [r for r in results if isinstance(r, PendingChange)]
        if pending:
            messages.warning(request, _("%(n)d merge(s) of published claims wait for an editor.") % {"n": len(pending)})
        if len(pending) < len(results):
            self.message_user(request, format_html(_('Merged {} claims into <a href="{}">{}</a>.'),
                                                   len(results) - len(pending), _admin_url(target), target),
                              messages.SUCCESS)
