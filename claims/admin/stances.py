"""Claims admin (interface): stances — who supports or opposes what, accepted or rejected in bulk."""

from __future__ import annotations

from django.contrib import admin, messages

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

    @admin.display(description="conf.", ordering="confidence")
    def confidence_col(self, obj: Stance) -> str:
        return f"{obj.confidence:.2f}"

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
