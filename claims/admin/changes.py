"""Claims admin (interface): pending changes to published material, and the confirmed extraction re-run.

Fact-checkers' changes to what the public sees wait here for an editor (claims.services owns the
rule and the replay); editors publish or discard them. Re-running extraction first shows what it
replaces and what it keeps, and runs only when confirmed.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import services
from claims.models import ChangeState, PendingChange
from sources.admin_articles import DeskMedia
from sources.models import Article

MESSAGE_CHANGE_PUBLISHED = gettext_lazy("Published: the change is now public and partners are told.")
MESSAGE_CHANGE_DISCARDED = gettext_lazy("Discarded: the published version stays as it was.")
MESSAGE_RERUN = gettext_lazy("Extraction will run again shortly; reviewed and edited statements are kept.")


class ChangeStateFilter(admin.SimpleListFilter):
    """Pending changes by default: the list is the editors' queue."""

    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(ChangeState.PENDING, _("Waiting for an editor")), (ChangeState.PUBLISHED, _("Published")),
                (ChangeState.DISCARDED, _("Discarded")), ("all", _("All"))]

    def queryset(self, request, queryset):
        value = self.value() or ChangeState.PENDING
        return queryset if value == "all" else queryset.filter(state=value)

    def choices(self, changelist):
        value = self.value() or ChangeState.PENDING
        for lookup, title in self.lookup_choices:
            yield {"selected": value == lookup, "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                   "display": title}


def _value(value) -> str:
    if isinstance(value, list):
        return "; ".join(str(item.get("url", item)) if isinstance(item, dict) else str(item) for item in value)
    return "—" if value in (None, "") else str(value)


@admin.register(PendingChange)
class PendingChangeAdmin(DeskMedia, admin.ModelAdmin):
    list_display = ("kind", "about", "proposed_by", "proposed_at", "state", "decided_by")
    list_filter = (ChangeStateFilter, "kind")
    list_select_related = ("claim", "speaker", "proposed_by", "decided_by")
    readonly_fields = ("kind", "about", "diff", "note", "state", "proposed_by", "proposed_at", "decided_by",
                       "decided_at")
    fields = readonly_fields
    show_facets = admin.ShowFacets.NEVER

    @admin.display(description=gettext_lazy("about"))
    def about(self, obj: PendingChange):
        if obj.claim_id:
            url = reverse("admin:claims_claim_change", args=[quote(obj.claim_id)])
            return format_html('<a href="{}">{}</a>', url, obj.claim.text[:100])
        if obj.speaker_id:
            url = reverse("admin:claims_speaker_change", args=[quote(obj.speaker_id)])
            return format_html('<a href="{}">{}</a>', url, obj.speaker.name)
        return "—"

    @admin.display(description=gettext_lazy("change (published → proposed)"))
    def diff(self, obj: PendingChange):
        rows = format_html_join(
            "", "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            ((field, _value(obj.before.get(field)), _value(value)) for field, value in obj.changes.items()),
        )
        return format_html('<table class="desk-table"><thead><tr><th>field</th><th>published</th><th>proposed</th>'
                           "</tr></thead><tbody>{}</tbody></table>", rows)

    def has_add_permission(self, request) -> bool:
        return False  # proposed by the services when someone without the right changes public material

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # decided through publish/discard below, never edited

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # the record of who proposed and who decided is kept

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff and (
            request.user.has_perm("claims.view_pendingchange") or request.user.has_perm("claims.change_claim")
        )

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path("<path:object_id>/publish/", self.admin_site.admin_view(self.publish_view),
                 name=f"{info[0]}_{info[1]}_publish"),
            path("<path:object_id>/discard/", self.admin_site.admin_view(self.discard_view),
                 name=f"{info[0]}_{info[1]}_discard"),
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if change is not None:
            extra.update(
                desk_change=change,
                desk_can_publish=services.user_can_publish(request.user) and change.state == ChangeState.PENDING,
                desk_can_discard=change.state == ChangeState.PENDING and (
                    services.user_can_publish(request.user) or change.proposed_by_id == request.user.pk),
            )
        return super().change_view(request, object_id, form_url, extra)

    def _decide(self, request: HttpRequest, object_id: str, action, done: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        change = get_object_or_404(PendingChange, pk=object_id)
        try:
            action(change, user=request.user)
        except PermissionDenied as exc:
            messages.error(request, str(exc) or services.ERROR_CHANGE_PUBLISH)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(reverse("admin:claims_pendingchange_change", args=[quote(change.pk)]))

    def publish_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._decide(request, object_id, services.change_publish, MESSAGE_CHANGE_PUBLISHED)

    def discard_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._decide(request, object_id, services.change_discard, MESSAGE_CHANGE_DISCARDED)


def pending_changes_count() -> int:
    """How many changes to published material wait for an editor (shown atop the review queue)."""
    # Capped like the queue's own count: the number shown is exact up to 1,000.
    return PendingChange.objects.filter(state=ChangeState.PENDING).values("pk")[:1000].count()


def rerun_view(model_admin, request: HttpRequest, article_id: int) -> HttpResponse:
    """GET: what a re-run replaces and keeps, and a confirm button; POST with confirm: run it."""
    article = get_object_or_404(Article.objects.only("id", "title", "extraction_status"), pk=article_id)
    if not request.user.has_perm("sources.change_article"):
        raise PermissionDenied
    article_url = reverse("admin:sources_article_change", args=[quote(article.pk)])
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return HttpResponseRedirect(request.path)
        services.article_extraction_requeue(article)
        messages.success(request, MESSAGE_RERUN)
        return HttpResponseRedirect(article_url)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Re-run extraction?"),
        "opts": model_admin.opts,
        "article": article,
        "article_url": article_url,
        "preview": services.article_rerun_preview(article.pk),
    }
    return TemplateResponse(request, "admin/claims/statement/rerun_confirm.html", context)
