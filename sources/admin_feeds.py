"""Sources admin (interface): feeds (poll now, reset flag), the fetch log, and "submit a URL".

Every write goes through ``sources.services`` (feed_save, feed_reset, article_ingest_url) or a
task that calls it (poll now); the fetch log is read-only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from factdesk import outbox
from sources import services
from sources.cleaning import IngestError
from sources.models import Feed, FetchLog, FetchOutcome, IngestChannel, Outlet

RECENT_FETCHES = 25
MESSAGE_POLL_QUEUED = gettext_lazy("Polling {count} feed(s) now; the fetch log shows the result.")
MESSAGE_POLL_SKIPPED_FLAGGED = gettext_lazy("{count} flagged feed(s) not polled: reset the flag first.")
MESSAGE_RESET = gettext_lazy("Flag and failure count cleared for {count} feed(s); they are due now.")
_FAILED = {FetchOutcome.HTTP_ERROR, FetchOutcome.NETWORK_ERROR, FetchOutcome.REFUSED, FetchOutcome.TOO_LARGE,
           FetchOutcome.PARSE_ERROR}


class _CappedPaginator(Paginator):
    """Never counts the whole (ever-growing) fetch log: at most ``cap`` rows are counted."""
    cap = 10_000

    @cached_property
    def count(self) -> int:
        return min(self.object_list.order_by().values("pk")[: self.cap + 1].count(), self.cap)


def _outcome_badge(outcome: str, label: str):
    kind = "failed" if outcome in _FAILED else "done"
    return format_html('<span class="desk-status desk-status-{}" data-outcome="{}">{}</span>', kind, outcome, label)


def _short_url(url: str, host: str) -> str:
    """The path alone when the URL is on the feed's own host (the full URL is in the title)."""
    parts = urlsplit(url)
    short = (parts.path + (f"?{parts.query}" if parts.query else "")) if parts.netloc == host else url
    return short if len(short) <= 60 else short[:57] + "…"


def _article_link(article_id: int | None):
    if not article_id:
        return "—"
    try:
        url = reverse("admin:sources_article_change", args=[quote(article_id)])
    except NoReverseMatch:
        return f"article {article_id}"
    return format_html('<a href="{}">article {}</a>', url, article_id)


# --- feeds ----------------------------------------------------------------------------------------


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("feed_col", "outlet", "active", "health_col", "last_outcome_col", "last_polled_at", "next_poll_at",
                    "poll_interval_minutes")
    list_filter = ("flagged", "active", ("outlet", admin.RelatedFieldListFilter))
    search_fields = ("url", "title", "outlet__name")
    list_select_related = ("outlet",)
    actions = ("poll_now", "reset_flag")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ("health_col", "last_polled_at", "next_poll_at", "etag", "last_modified", "recent_fetches")
    fieldsets = (
        (None, {"fields": ("outlet", "url", "title", "active", "poll_interval_minutes")}),
        (gettext_lazy("Polling"), {"fields": ("health_col", "last_polled_at", "next_poll_at", "etag", "last_modified")}),
        (gettext_lazy("Recent fetches"), {"fields": ("recent_fetches",)}),
    )
    change_list_template = "admin/sources/feed/change_list.html"

    def get_queryset(self, request):
        # The outcome of the feed's own latest fetch, in the same query as the list.
        latest = FetchLog.objects.filter(feed=OuterRef("pk"), url=OuterRef("url")).order_by("-started_at", "-pk")
        return super().get_queryset(request).annotate(last_outcome=Subquery(latest.values("outcome")[:1]))

    @admin.display(description=gettext_lazy("feed"), ordering="url")
    def feed_col(self, obj: Feed):
        return format_html('{}<br><span class="quiet">{}</span>', obj.title or "(untitled)", obj.url)

    @admin.display(description=gettext_lazy("health"), ordering="consecutive_failures")
    def health_col(self, obj: Feed):
        if obj.flagged:
            return format_html('<strong class="desk-flagged" style="color:#ba2121">Flagged</strong> after {} failures'
                               " in a row; polling paused until reset.", obj.consecutive_failures)
        if obj.consecutive_failures:
            return format_html("{} failure(s) in a row", obj.consecutive_failures)
        return "OK"

    @admin.display(description=gettext_lazy("last poll"))
    def last_outcome_col(self, obj: Feed):
        outcome = getattr(obj, "last_outcome", None)
        if not outcome:
            return "—"
        return _outcome_badge(outcome, FetchOutcome(outcome).label)

    @admin.display(description=gettext_lazy("recent fetches (feed and its articles)"))
    def recent_fetches(self, obj: Feed):
        if obj.pk is None:
            return "—"
        logs = list(obj.fetches.order_by("-started_at", "-pk")[:RECENT_FETCHES])
        if not logs:
            return _("Not polled yet.")
        feed_host = urlsplit(obj.url).netloc
        rows = format_html_join(
            "",
            '<tr><td title="{}">{}</td><td>{}</td><td title="{}">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
            "<td>{}</td><td>{}</td></tr>",
            (
                (localtime(log.started_at).isoformat(), localtime(log.started_at).strftime("%m-%d %H:%M:%S"),
                 "feed" if log.url == obj.url else "article", log.url, _short_url(log.url, feed_host),
                 log.status_code or "—", f"{log.bytes_received:,}", f"{log.duration_ms:,} ms",
                 _outcome_badge(log.outcome, log.get_outcome_display()), log.new_entries or "",
                 format_html('<span style="white-space:normal;display:inline-block;min-width:18em">{} {}</span>', log.detail, _article_link(log.article_id) if log.article_id else ""))
                for log in logs
            ),
        )
        all_url = reverse("admin:sources_fetchlog_changelist") + f"?feed__id__exact={obj.pk}"
        return format_html(
            '<table class="desk-fetches" id="feed-fetches" style="white-space:nowrap"><thead><tr><th>started</th>'
            "<th>what</th><th>URL</th><th>HTTP</th><th>bytes</th><th>time</th><th>outcome</th><th>new</th>"
            '<th style="white-space:normal">detail</th></tr></thead><tbody>{}</tbody></table>'
            '<p><a href="{}">All fetches of this feed</a></p>',
            rows, all_url,
        )

    def save_model(self, request, obj, form, change):
        services.feed_save(obj)

    @admin.action(description=gettext_lazy("Poll now"), permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset) -> None:
        flagged = 0
        queued = 0
        for pk, is_flagged in queryset.values_list("pk", "flagged"):
            if is_flagged:
                flagged += 1
                continue
            outbox.enqueue_on_commit("sources.tasks.poll_feed_task", pk, True)
            queued += 1
        if queued:
            messages.success(request, MESSAGE_POLL_QUEUED.format(count=queued))
        if flagged:
            messages.warning(request, MESSAGE_POLL_SKIPPED_FLAGGED.format(count=flagged))

    @admin.action(description=gettext_lazy("Reset failure flag"), permissions=["change"])
    def reset_flag(self, request: HttpRequest, queryset) -> None:
        feeds = list(queryset)
        for feed in feeds:
            services.feed_reset(feed)
        messages.success(request, MESSAGE_RESET.format(count=len(feeds)))

    # --- submit a URL ---------------------------------------------------------------------------

    def get_urls(self):
        own = [path("submit-url/", self.admin_site.admin_view(self.submit_url_view), name="sources_feed_submit_url")]
        return own + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra = {"can_submit_url": request.user.has_perm("sources.add_article"), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def submit_url_view(self, request: HttpRequest) -> HttpResponse:
        """Fetch one URL now and ingest it like any article (needs the add-article permission)."""
        if not request.user.has_perm("sources.add_article"):
            raise PermissionDenied
        form = SubmitUrlForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = services.article_ingest_url(
                    form.cleaned_data["url"], user=request.user, outlet=form.cleaned_data.get("outlet"),
                    channel=IngestChannel.URL,
                )
            except IngestError as exc:
                form.add_error("url", exc.message)
            else:
                article = result.article
                label = article.title or _("article %(id)s") % {"id": article.pk}
                if result.created:
                    messages.success(request, format_html(_("Fetched and stored “{}”; extraction has been queued."), label))
                else:
                    messages.warning(request, format_html(
                        _("Already stored as “{}” (same {}); nothing new was saved."), label, result.duplicate_reason))
                try:
                    return HttpResponseRedirect(reverse("admin:sources_article_change", args=[quote(article.pk)]))
                except NoReverseMatch:
                    return HttpResponseRedirect(reverse("admin:sources_feed_submit_url"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Submit a URL"),
            "opts": self.opts,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/sources/feed/submit_url.html", context)


class SubmitUrlForm(forms.Form):
    url = forms.URLField(max_length=2000, assume_scheme="https", label=gettext_lazy("Article URL"),
                         help_text=gettext_lazy("The page is fetched now, its main text extracted and ingested."))
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False, label=gettext_lazy("Outlet"))


# --- fetch log ------------------------------------------------------------------------------------


@admin.register(FetchLog)
class FetchLogAdmin(admin.ModelAdmin):
    list_display = ("started_at", "outcome_col", "status_code", "url_col", "outlet", "feed", "bytes_received",
                    "duration_ms", "new_entries", "article_col")
    list_filter = ("outcome", ("outlet", admin.RelatedFieldListFilter), ("feed", admin.RelatedFieldListFilter))
    list_select_related = ("outlet", "feed")
    search_fields = ("url",)
    date_hierarchy = "started_at"
    paginator = _CappedPaginator
    show_full_result_count = False
    list_per_page = 100

    @admin.display(description=gettext_lazy("outcome"), ordering="outcome")
    def outcome_col(self, obj: FetchLog):
        return _outcome_badge(obj.outcome, obj.get_outcome_display())

    @admin.display(description=gettext_lazy("URL"), ordering="url")
    def url_col(self, obj: FetchLog):
        return format_html('<span title="{}">{}</span>', obj.url, obj.url if len(obj.url) <= 80 else obj.url[:77] + "…")

    @admin.display(description=gettext_lazy("article"))
    def article_col(self, obj: FetchLog):
        return _article_link(obj.article_id)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
