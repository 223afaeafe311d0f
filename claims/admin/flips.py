"""Claims admin (interface): flip alerts — candidate changes of position, side by side, confirmed or
dismissed by an editor (claims.services.flip_confirm / flip_dismiss hold the editorial rule)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html

from claims import services
from claims.admin.common import _admin_url
from claims.models import Flip, FlipState
from sources.admin_articles import DeskMedia


def _side_html(flip: Flip, which: str):
    stance = getattr(flip, f"{which}_stance")
    statement = getattr(flip, f"{which}_statement")
    item = stance or statement
    article = item.article if item is not None else None
    words = statement.text if statement is not None else f"{stance.get_polarity_display()}: {stance.cue or '—'}"
    source = "—"
    if article is not None:
        source = format_html('<a href="{}" rel="noopener">{}</a>', article.url or _admin_url(article),
                             article.outlet.name if article.outlet_id else (article.title or f"article {article.pk}"))
    return format_html('<td><strong>{}</strong><br>{}<br><span class="desk-muted">{}</span> · <a href="{}">desk</a></td>',
                       getattr(flip, f"{which}_on"), words, source, _admin_url(item))


@admin.register(Flip)
class FlipAdmin(DeskMedia, admin.ModelAdmin):
    list_display = ("speaker", "claim_col", "kind", "earlier_on", "later_on", "state", "found_at")
    list_filter = ("state", "kind")
    list_select_related = ("speaker", "claim")
    ordering = ("state", "-found_at")
    actions = ["confirm", "dismiss"]
    fields = ("speaker", "claim_col", "kind", "state", "side_by_side", "found_at", "decided_by", "decided_at")
    readonly_fields = fields
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "earlier_stance__article__outlet", "later_stance__article__outlet",
            "earlier_statement__article__outlet", "later_statement__article__outlet",
        ).defer("earlier_stance__article__body", "later_stance__article__body", "earlier_statement__article__body",
                "later_statement__article__body")

    @admin.display(description="claim")
    def claim_col(self, obj: Flip):
        return format_html('<a href="{}">{}</a>', _admin_url(obj.claim), obj.claim.text[:100])

    @admin.display(description="before and after")
    def side_by_side(self, obj: Flip):
        return format_html('<table class="desk-table"><thead><tr><th>earlier</th><th>later</th></tr></thead>'
                           "<tbody><tr>{}{}</tr></tbody></table>", _side_html(obj, "earlier"), _side_html(obj, "later"))

    def has_add_permission(self, request) -> bool:
        return False  # candidates are found by the machine after reviews

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _decide(self, request, queryset, decide, label: str):
        done = 0
        for flip in queryset:
            try:
                decide(flip, user=request.user)
                done += 1
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return
        self.message_user(request, f"{done} flip(s) {label}.", messages.SUCCESS)

    @admin.action(description="Confirm: show on the speaker's page (editors)")
    def confirm(self, request, queryset):
        self._decide(request, queryset.exclude(state=FlipState.CONFIRMED), services.flip_confirm, "confirmed")

    @admin.action(description="Dismiss: not a change of position")
    def dismiss(self, request, queryset):
        self._decide(request, queryset.exclude(state=FlipState.DISMISSED), services.flip_dismiss, "dismissed")
