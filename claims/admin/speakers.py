"""Claims admin (interface): speakers — confirm proposed ones, aliases in every script, merge."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from claims import services
from claims.admin.common import AwaitingConfirmationFilter, DeskHistoryAdmin, _admin_url
from claims.extraction.normalize import normalize_alias
from claims.models import Origin, PendingChange, Speaker, SpeakerAlias


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
    search_help_text = gettext_lazy("A name or any alias, in either Chinese script or English.")
    list_select_related = ("merged_into",)
    inlines = [AliasInline]
    actions = ["confirm_selected", "merge_selected"]
    readonly_fields = ("slug", "registry_key", "origin", "merged_into", "created_at")

    @admin.display(description=gettext_lazy("statements"))
    def statements_link(self, obj: Speaker):
        url = reverse("admin:claims_statement_changelist") + f"?state=all&speaker={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("statements"))

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

    @admin.action(description=gettext_lazy("Confirm selected speakers"), permissions=["change"])
    def confirm_selected(self, request, queryset):
        rows = list(queryset.filter(confirmed=False))
        for speaker in rows:
            services.speaker_confirm(speaker, user=request.user)
        self.message_user(request, ngettext("Confirmed %(n)d speaker.", "Confirmed %(n)d speakers.", len(rows))
                          % {"n": len(rows)}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Merge selected speakers…"), permissions=["change"])
    def merge_selected(self, request, queryset):
        rows = list(queryset.filter(merged_into__isnull=True).order_by("-confirmed", "id"))
        if len(rows) < 2:
            self.message_user(request, _("Select at least two speakers to merge."), messages.WARNING)
            return None
        form = MergeSpeakersForm(request.POST if "post" in request.POST else None)
        form.fields["target"].queryset = Speaker.objects.filter(pk__in=[s.pk for s in rows])
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            results = [services.speaker_merge(source=source, target=target, user=request.user)
                       for source in rows if source.pk != target.pk]
            if any(isinstance(r, PendingChange) for r in results):
                messages.warning(request, _(services.MESSAGE_PENDING))
                return None
            self.message_user(request, format_html('Merged {} speakers into <a href="{}">{}</a>; every statement kept.',
                                                   len(rows) - 1, _admin_url(target), target.name), messages.SUCCESS)
            return None
        form.fields["target"].initial = rows[0].pk
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge speakers"),
            "opts": self.opts,
            "speakers": rows,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_selected",
        }
        return TemplateResponse(request, "admin/claims/speaker/merge_speakers.html", context)
