"""Claims admin (interface): readers' check requests — groups by demand and recency, turned into claims.

The list is the desk's demand signal: most readers first, then the most recently asked. A group
becomes an unpublished claim with one action (claims.services.check_request_group_to_claim); the
readers it counts then show as "N readers asked" on the claim and in the queue. Contacts are shown
to the desk only, on the group's page.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from claims import services
from claims.admin.common import _admin_url
from claims.models import CheckRequest, CheckRequestGroup
from sources.admin_articles import DeskMedia

REQUESTS_SHOWN = 100


@admin.register(CheckRequestGroup)
class CheckRequestGroupAdmin(DeskMedia, admin.ModelAdmin):
    list_display = ("text_col", "request_count", "last_asked_at", "first_asked_at", "status", "claim_col")
    list_filter = ("status", "language")
    search_fields = ("text",)
    list_select_related = ("claim",)
    ordering = ("-request_count", "-last_asked_at", "-id")
    show_full_result_count = False
    actions = ["to_claim", "dismiss"]
    fields = ("text", "request_count", "status", "language", "first_asked_at", "last_asked_at", "claim_col",
              "requests_block")
    readonly_fields = fields

    @admin.display(description="request", ordering="text")
    def text_col(self, obj: CheckRequestGroup) -> str:
        return obj.text[:140]

    @admin.display(description="claim")
    def claim_col(self, obj: CheckRequestGroup):
        if not obj.claim_id:
            return "—"
        return format_html('<a href="{}">{}</a>{}', _admin_url(obj.claim), obj.claim.text[:80],
                           " (published)" if obj.claim.published else "")

    @admin.display(description="requests (newest first)")
    def requests_block(self, obj: CheckRequestGroup):
        rows = list(CheckRequest.objects.filter(group=obj).select_related("partner").order_by("-id")[:REQUESTS_SHOWN])
        body = format_html_join(
            "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((r.created_at.strftime("%Y-%m-%d %H:%M"), r.text[:300], r.url or "—", r.contact or "—",
              r.partner.name if r.partner_id else "reader", r.notified_at.strftime("%Y-%m-%d") if r.notified_at else "—")
             for r in rows),
        )
        return format_html('<table class="desk-table"><thead><tr><th>when</th><th>text</th><th>seen at</th>'
                           "<th>contact</th><th>via</th><th>told</th></tr></thead><tbody>{}</tbody></table>", body)

    def has_add_permission(self, request) -> bool:
        return False  # requests come from readers (the /ask/ page and the API)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # dismissed, never deleted: the count is a record of demand

    @admin.action(description="Turn into a claim to check", permissions=["change"])
    def to_claim(self, request, queryset):
        made = []
        for group in queryset:
            try:
                made.append(services.check_request_group_to_claim(group, user=request.user))
            except ValidationError as exc:
                messages.warning(request, f"{group.text[:40]}: {' '.join(exc.messages)}")
        for claim in made:
            self.message_user(request, format_html('Claim made: <a href="{}">{}</a>', _admin_url(claim), claim.text[:80]),
                              messages.SUCCESS)

    @admin.action(description="Dismiss (not checkable, spam)", permissions=["change"])
    def dismiss(self, request, queryset):
        for group in queryset:
            services.check_request_group_dismiss(group, user=request.user)
        self.message_user(request, f"{queryset.count()} group(s) dismissed.", messages.SUCCESS)
