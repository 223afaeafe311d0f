"""Claims admin (interface): stances — who supports or opposes what, accepted or rejected in bulk."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from claims import services
from claims.admin.common import ConfidenceFilter, DeskHistoryAdmin
from claims.models import PendingChange, Stance


@admin.register(Stance)
class StanceAdmin(DeskHistoryAdmin):
    list_display = ("speaker", "polarity", "target_col", "confidence_col", "review_state", "said_on")
    list_filter = ("review_state", "polarity", ConfidenceFilter)
    list_select_related = ("speaker", "claim", "target_statement")
    search_fields = ("speaker__name", "cue")
    actions = ["accept_selected", "reject_selected"]
    readonly_fields = ("speaker", "polarity", "claim", "target_statement", "evidence_statement", "article", "cue",
                       "said_on", "confidence", "evidence", "review_state", "reviewed_by", "reviewed_at",
                       "extractor_version")
    fields = readonly_fields

    @admin.display(description=gettext_lazy("conf."), ordering="confidence")
    def confidence_col(self, obj: Stance) -> str:
        return f"{obj.confidence:.2f}"

    @admin.display(description=gettext_lazy("on"))
    def target_col(self, obj: Stance) -> str:
        if obj.claim_id:
            return _("claim: %(text)s") % {"text": obj.claim.text[:80]}
        if obj.target_statement_id:
            return _("statement: %(text)s") % {"text": obj.target_statement.text[:80]}
        return "—"

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Accept selected stances"), permissions=["change"])
    def accept_selected(self, request, queryset):
        rows = list(queryset.select_related("target_statement"))
        results = [services.stance_review(stance, user=request.user, accept=True) for stance in rows]
        self.message_user(request, ngettext("Accepted %(n)d stance.", "Accepted %(n)d stances.", len(rows))
                          % {"n": len(rows)}, messages.SUCCESS)
        held = sum(1 for r in results if getattr(r, "held", False))
        if held:
            messages.warning(request, _("%(n)d are on published claims and wait for an editor to publish them.")
                             % {"n": held})

    @admin.action(description=gettext_lazy("Reject selected stances"), permissions=["change"])
    def reject_selected(self, request, queryset):
        rows = list(queryset)
        results = [services.stance_review(stance, user=request.user, accept=False) for stance in rows]
        pending = sum(1 for r in results if isinstance(r, PendingChange))
        self.message_user(request, ngettext("Rejected %(n)d stance.", "Rejected %(n)d stances.", len(rows) - pending)
                          % {"n": len(rows) - pending}, messages.SUCCESS)
        if pending:
            messages.warning(request, _("%(n)d are public and wait for an editor to remove them.") % {"n": pending})
