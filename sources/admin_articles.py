"""Sources admin (interface): outlets and articles — ingest by paste or upload, status, re-run extraction.

Writes go through ``sources.services`` (the same ingest door the API and the command use). Articles
are never edited after ingest, so their change page is read-only apart from the re-run button.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from sources import services
from sources.cleaning import IngestError, decode_bytes
from sources.models import Article, ExtractionStatus, IngestChannel, Language, Outlet

ERROR_TEXT_OR_FILE = gettext_lazy("Paste the article text or upload a file (one of the two).")
# After an ingest, what happened to extraction by the time the page answers (with no worker,
# extraction ran inline and is already done or failed).
MESSAGE_STORED = {
    ExtractionStatus.PENDING: pgettext_lazy("desk review", "Stored “{title}”; extraction has been queued."),
    ExtractionStatus.RUNNING: pgettext_lazy("desk review", "Stored “{title}”; extraction is running."),
    ExtractionStatus.DONE: pgettext_lazy("desk review", "Stored “{title}”; extraction is done: {count} candidate statements to review."),
    ExtractionStatus.FAILED: pgettext_lazy("desk review", "Stored “{title}”; extraction failed (see the error below)."),
}

MESSAGE_DUPLICATE = {
    "content": gettext_lazy("This text is already stored: {link}. Nothing new was saved."),
    "url": gettext_lazy("An article with this URL is already stored: {link}. Nothing new was saved."),
}
UPLOAD_MAX_BYTES = 10 * 1024 * 1024


class CappedPaginator(Paginator):
    """A paginator that never counts a whole table: it counts at most ``cap`` + 1 rows.

    COUNT over a LIMITed subquery stops after ``cap`` + 1 index entries, so a changelist of
    100,000 statements costs the same as one of 10,000. Pages beyond the cap are not offered.
    """

    cap = 10_000

    @cached_property
    def count(self) -> int:
        return min(self.object_list.order_by().values("pk")[: self.cap + 1].count(), self.cap)


class DeskMedia:
    """The desk's own stylesheet and script (plain files under static/desk, no build step)."""

    class Media:
        css = {"all": ("desk/desk.css",)}
        js = ("desk/desk.js",)


# --- outlets --------------------------------------------------------------------------------------


@admin.register(Outlet)
class OutletAdmin(DeskMedia, admin.ModelAdmin):
    list_display = ("name", "language", "country", "home_url")
    search_fields = ("name",)
    list_filter = ("language",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        # Outlets are created through the ingest service; their details are not edited here.
        return ("name", "home_url", "language", "country") if obj else ()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.outlet_get_or_create(
            name=form.cleaned_data["name"], home_url=form.cleaned_data.get("home_url", ""),
            language=form.cleaned_data.get("language", ""), country=form.cleaned_data.get("country", ""),
        )
        obj.pk = created.pk
        obj._state.adding = False


# --- ingest ---------------------------------------------------------------------------------------


class IngestForm(forms.Form):
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField"}),
        label=gettext_lazy("Article text or HTML"),
        help_text=gettext_lazy("Paste the article as text or as the page's HTML."),
    )
    upload = forms.FileField(required=False, label=gettext_lazy("…or upload a file"),
                             help_text=gettext_lazy("Text or HTML, any encoding."))
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False, label=gettext_lazy("Outlet"))
    new_outlet = forms.CharField(required=False, max_length=200, label=gettext_lazy("…or a new outlet"))
    url = forms.CharField(required=False, max_length=2000, label=gettext_lazy("URL"))
    title = forms.CharField(required=False, max_length=500, label=gettext_lazy("Title"))
    published_at = forms.DateTimeField(
        required=False, label=gettext_lazy("Published"),
        help_text=gettext_lazy("YYYY-MM-DD or YYYY-MM-DD HH:MM (local time)."),
        input_formats=["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"],
    )
    language = forms.ChoiceField(choices=[("", gettext_lazy("Recognise automatically")), *Language.choices],
                                 required=False, label=gettext_lazy("Language"))

    def clean(self):
        data = super().clean()
        text, upload = (data.get("text") or ""), data.get("upload")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError(ERROR_TEXT_OR_FILE)
        if upload:
            if upload.size > UPLOAD_MAX_BYTES:
                raise forms.ValidationError({"upload": _("The file is larger than %(max)s bytes.") % {"max": f"{UPLOAD_MAX_BYTES:,}"}})
            try:
                data["text"] = decode_bytes(upload.read(), getattr(upload, "charset", None))
            except IngestError as exc:
                raise forms.ValidationError({"upload": exc.message}) from None
        return data


def _published(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


# --- articles -------------------------------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(DeskMedia, admin.ModelAdmin):
    list_display = ("title_col", "outlet", "published_at", "language", "status_col", "channel", "created_at")
    list_filter = ("extraction_status", "language", "channel", ("outlet", admin.RelatedFieldListFilter))
    search_fields = ("title", "url")
    list_select_related = ("outlet",)
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER  # facet counts would scan the whole table
    paginator = CappedPaginator
    list_per_page = 50
    readonly_fields = (
        "status_block", "outlet", "title", "url", "version", "previous_version", "byline", "published_at",
        "language", "channel", "submitted_by", "created_at", "extraction_error", "extractor_version",
        "extraction_attempts", "extraction_ms", "extraction_started_at", "extraction_finished_at", "body_block",
    )
    fieldsets = (
        (gettext_lazy("Extraction"), {"fields": ("status_block", "extraction_error", "extractor_version", "extraction_attempts",
                                   "extraction_ms", "extraction_started_at", "extraction_finished_at")}),
        (gettext_lazy("Article"), {"fields": ("outlet", "title", "url", "version", "previous_version", "byline", "published_at",
                                "language", "channel", "submitted_by", "created_at")}),
        (gettext_lazy("Text as received"), {"fields": ("body_block",)}),
    )

    @admin.display(description=gettext_lazy("article"), ordering="title")
    def title_col(self, obj: Article) -> str:
        return obj.title or obj.body[:60]

    @admin.display(description=gettext_lazy("extraction"), ordering="extraction_status")
    def status_col(self, obj: Article):
        return format_html('<span class="desk-status desk-status-{}">{}</span>', obj.extraction_status,
                           obj.get_extraction_status_display())

    @admin.display(description=gettext_lazy("status"))
    def status_block(self, obj: Article):
        waiting = obj.extraction_status in {ExtractionStatus.PENDING, ExtractionStatus.RUNNING}
        # The queue link names the admin URL by path: sources does not import claims.
        queue = f"/admin/claims/statement/?article={obj.pk}"
        return format_html(
            '<span class="desk-status desk-status-{}" id="desk-extraction-status"{}>{}</span> '
            '<a class="desk-queue-link" href="{}">{}</a>',
            obj.extraction_status, mark_safe(' data-desk-refresh="3"') if waiting else "",
            obj.get_extraction_status_display(), queue, _("Review this article's statements"),
        )

    @admin.display(description=gettext_lazy("text"))
    def body_block(self, obj: Article):
        return format_html('<div class="desk-body" lang="{}">{}</div>', obj.language, obj.body)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting goes through claims.services.article_delete (it protects reviewed statements).
        return False

    def save_model(self, request, obj, form, change):
        return  # the stored text is never edited

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {
            "show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False,
            "show_delete": False, "desk_can_rerun": self.has_change_permission(request),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra)

    def add_view(self, request: HttpRequest, form_url="", extra_context=None):
        """Ingest by paste or upload; a duplicate is shown (with a link), not stored twice."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            outlet = data.get("outlet")
            if outlet is None and (data.get("new_outlet") or "").strip():
                outlet = services.outlet_get_or_create(name=data["new_outlet"], language=data.get("language") or "")
            try:
                result = services.article_ingest(
                    text=data["text"], outlet=outlet, url=data.get("url") or "", title=data.get("title") or "",
                    published_at=_published(data.get("published_at")), language=data.get("language") or "",
                    channel=IngestChannel.ADMIN, user=request.user,
                )
            except IngestError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                article = result.article
                url = reverse("admin:sources_article_change", args=[quote(article.pk)])
                if result.created:
                    article.refresh_from_db(fields=["extraction_status"])
                    status = article.extraction_status
                    count = article.statements.count() if status == ExtractionStatus.DONE else 0
                    level = messages.ERROR if status == ExtractionStatus.FAILED else messages.SUCCESS
                    messages.add_message(request, level, format_html(
                        str(MESSAGE_STORED[status]), title=article.title or _("article %(id)s") % {"id": article.pk}, count=count))
                else:
                    link = format_html('<a href="{}">{}</a>', url, article.title or _("article %(id)s") % {"id": article.pk})
                    reason = result.duplicate_reason or "content"
                    messages.warning(request, format_html(MESSAGE_DUPLICATE[reason], link=link))
                return HttpResponseRedirect(url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Ingest an article"),
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/sources/article/ingest.html", context)
