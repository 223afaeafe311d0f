"""Claims admin (interface): verdicts — draft on the documented scale, edit with an optimistic lock, publish."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from claims import services
from claims.admin.common import DeskHistoryAdmin, _admin_url
from claims.models import Verdict, VerdictStatus
from claims.ratings import RATING_INFO, Rating


def _links_to_text(links: list) -> str:
    return "\n".join(f"{item.get('url', '')} {item.get('title', '')}".strip() for item in links or [] if
                     isinstance(item, dict))


def _text_to_links(raw: str) -> list[dict]:
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for raw_line in (raw or "").splitlines():
        line = raw_line.strip()
        if not line:
            continue
        url, _sep, title = line.partition(" ")
        try:
            validate(url)
        except ValidationError:
            raise ValidationError(_("Not a web address: %(url)r. One link per line: URL, then an optional title.")
                                  % {"url": url}) from None
        links.append({"url": url, "title": title.strip() or urlsplit(url).netloc})
    return links


def _scale_help() -> str:
    """The scale in the desk's language: every rating's name, with its ClaimReview value when it has one."""
    return "; ".join(
        f"{Rating(r).label}" + (f" = {info.value}/5" if info.value else "") for r, info in RATING_INFO.items()
    )


class VerdictForm(forms.ModelForm):
    evidence = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label=gettext_lazy("Evidence"),
        help_text=gettext_lazy("Evidence links, one per line: the URL, then an optional title."),
    )
    # When set, the form skips the optimistic-lock check (a revert applies to the current revision).
    reverting = False
    user = None  # the requesting user, set by VerdictAdmin.get_form

    class Meta:
        model = Verdict
        fields = ["claim", "rating", "summary", "explanation", "revision"]
        widgets = {"revision": forms.HiddenInput()}
        help_texts = {"rating": lazy(lambda: _("The documented scale: %(scale)s.") % {"scale": _scale_help()}, str)()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["evidence"].initial = _links_to_text(self.instance.evidence_links)
        if "revision" in self.fields:
            self.fields["revision"].required = False

    def clean_evidence(self):
        return _text_to_links(self.cleaned_data.get("evidence", ""))

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            current = Verdict.objects.select_related("author").get(pk=self.instance.pk)
            try:
                services.verdict_check_editable(current, self.user)
            except PermissionDenied as exc:
                raise ValidationError(str(exc), code="permission") from None
            if not self.reverting and data.get("revision") != current.revision:
                raise ValidationError(services.ERROR_STALE_VERDICT, code="stale")
        return data


@admin.register(Verdict)
class VerdictAdmin(DeskHistoryAdmin):
    form = VerdictForm
    list_display = ("claim_col", "rating", "status", "author", "revision", "updated_at")
    list_filter = ("status", "rating")
    list_select_related = ("claim", "author")
    search_fields = ("claim__text",)
    autocomplete_fields = ("claim",)
    actions = ["publish_selected"]

    @admin.display(description=gettext_lazy("claim"))
    def claim_col(self, obj: Verdict) -> str:
        return obj.claim.text[:100]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["claim", "rating", "summary", "explanation", "evidence"]
        return ["claim", "rating", "summary", "explanation", "evidence", "revision", "status", "author",
                "published_at", "published_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["claim", "status", "author", "published_at", "published_by"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type("DeskVerdictForm", (form,), {"reverting": self.is_revert(request), "user": request.user})

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # verdicts are withdrawn or superseded, never deleted

    def has_publish_permission(self, request, obj=None) -> bool:
        return services.user_can_publish(request.user)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {"rating": data["rating"], "summary": data.get("summary", ""), "explanation": data["explanation"],
                  "evidence_links": data.get("evidence", [])}
        if not change:
            created = services.verdict_draft(claim=data["claim"], user=request.user, **fields)
            obj.pk, obj.revision, obj.status = created.pk, created.revision, created.status
            obj._state.adding = False
            return
        expected = data.get("revision")
        if form.reverting:
            expected = Verdict.objects.values_list("revision", flat=True).get(pk=obj.pk)
        try:
            self.report(request, services.verdict_update(obj, user=request.user, expected_revision=expected, **fields))
        except (ValidationError, PermissionDenied) as exc:  # lost a race after the form's own check
            request._desk_pending = exc
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [path("<path:object_id>/publish/", self.admin_site.admin_view(self.publish_view),
                    name=f"{info[0]}_{info[1]}_publish")]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {"desk_can_publish": self.has_publish_permission(request), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra)

    def publish_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        verdict = get_object_or_404(Verdict, pk=object_id)
        revision = request.POST.get("revision")
        try:
            services.verdict_publish(
                verdict, user=request.user, expected_revision=int(revision) if (revision or "").isdigit() else None
            )
        except PermissionDenied:
            messages.error(request, services.ERROR_PUBLISH_PERMISSION)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Published: the verdict and its claim are now public."))
        return HttpResponseRedirect(_admin_url(verdict))

    @admin.action(description=gettext_lazy("Publish selected verdicts (editors)"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = 0
        for verdict in queryset.exclude(status=VerdictStatus.PUBLISHED):
            services.verdict_publish(verdict, user=request.user)
            count += 1
        self.message_user(request, ngettext("Published %(n)d verdict.", "Published %(n)d verdicts.", count)
                          % {"n": count}, messages.SUCCESS)
