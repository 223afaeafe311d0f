"""Claims admin (interface): partner API keys, webhook subscriptions and deliveries.

Keys are created through ``services.partner_key_create``: the plaintext is shown once, in a message
on the next page, and never stored. Revoking is an action; webhook deliveries are a read-only
record with a "re-send" action (``claims.partners.webhooks.webhook_delivery_resend``).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import services
from claims.models import (
    PartnerKey,
    PartnerScope,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from claims.partners import webhooks

# Importing claims.api.auth here also registers its system check (claims.W001) at start-up: the
# admin is loaded by django.setup(), before `manage.py check` collects the registered checks.
from claims.partners.keys import CANARY_PREFIX, ERROR_PEPPER_MISMATCH, key_pepper_mismatch
from sources.fetching import FetchError

MESSAGE_KEY_CREATED = (
    "API key for {name}: {plaintext} — copy it now and send it to the partner securely; it will not be shown again."
)


class PartnerKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(choices=PartnerScope.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = PartnerKey
        fields = ["name", "contact_email", "scopes"]


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    form = PartnerKeyForm
    list_display = ["name", "prefix", "scope_list", "active", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["active"]
    search_fields = ["name", "prefix", "contact_email"]
    readonly_fields = ["prefix", "active", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke_keys"]

    @admin.display(description=gettext_lazy("Scopes"))
    def scope_list(self, obj: PartnerKey) -> str:
        return ", ".join(obj.scopes or [])

    def get_queryset(self, request: HttpRequest) -> QuerySet[PartnerKey]:
        return super().get_queryset(request).exclude(prefix=CANARY_PREFIX)  # the key-hash canary is no key

    def changelist_view(self, request: HttpRequest, extra_context=None):
        count = key_pepper_mismatch()
        if count:
            messages.error(request, ERROR_PEPPER_MISMATCH.format(count=count))
        return super().changelist_view(request, extra_context)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # revoke instead: deliveries and history keep pointing at the key

    def save_model(self, request: HttpRequest, obj: PartnerKey, form, change: bool) -> None:
        data = form.cleaned_data
        if change:
            services.partner_key_update(obj, name=data["name"], scopes=data["scopes"],
                                        contact_email=data.get("contact_email", ""), user=request.user)
            return
        key, plaintext = services.partner_key_create(
            data["name"], data["scopes"], request.user, contact_email=data.get("contact_email", "")
        )
        obj.pk = key.pk
        obj.prefix = key.prefix
        # The only time the plaintext exists outside the partner's hands.
        messages.warning(request, MESSAGE_KEY_CREATED.format(name=key.name, plaintext=plaintext))

    @admin.action(description=gettext_lazy("Revoke selected keys (they stop working at once)"))
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[PartnerKey]) -> None:
        count = 0
        for key in queryset.filter(revoked_at__isnull=True):
            services.partner_key_revoke(key, user=request.user)
            count += 1
        messages.success(request, _("Revoked %(n)d key(s).") % {"n": count})


class WebhookSubscriptionForm(forms.ModelForm):
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple)
    secret = forms.CharField(required=False, max_length=128,
                             help_text=gettext_lazy(
                                 "Leave empty to generate one. Give it to the partner to verify signatures."))

    class Meta:
        model = WebhookSubscription
        fields = ["partner", "url", "events", "speakers", "claims", "active", "secret"]

    def clean_url(self) -> str:
        """The service's address rule, shown on the form rather than as an error page."""
        url = self.cleaned_data["url"]
        try:
            webhooks.webhook_url_check(url)
        except FetchError as exc:
            raise forms.ValidationError(webhooks.ERROR_WEBHOOK_URL.format(reason=exc.message)) from None
        return url


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookSubscriptionForm
    list_display = ["url", "partner", "event_list", "active", "created_at"]
    list_filter = ["active"]
    list_select_related = ["partner"]
    search_fields = ["url", "partner__name"]
    autocomplete_fields = ["speakers", "claims"]
    readonly_fields = ["created_at"]

    @admin.display(description=gettext_lazy("Events"))
    def event_list(self, obj: WebhookSubscription) -> str:
        return ", ".join(obj.events or [])

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "partner":
            kwargs["queryset"] = PartnerKey.objects.exclude(prefix=CANARY_PREFIX)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: WebhookSubscription, form, change: bool) -> None:
        services.webhook_subscription_save(obj)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    # Status and timing only: a receiver's reply body is never stored or shown.
    list_display = ["id", "event", "subscription", "status", "attempts", "response_code", "duration_ms",
                    "created_at", "delivered_at"]
    list_filter = ["status", "event"]
    list_select_related = ["subscription"]
    search_fields = ["subscription__url", "last_error"]
    readonly_fields = ["subscription", "event", "status", "attempts", "response_code", "duration_ms",
                       "last_error", "created_at", "delivered_at", "payload_pretty"]
    exclude = ["payload"]
    actions = ["resend"]

    @admin.display(description=gettext_lazy("Payload"))
    def payload_pretty(self, obj: WebhookDelivery) -> str:
        return format_html("<pre>{}</pre>", webhooks.encode_body(obj.payload).decode("utf-8"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Re-send selected deliveries"), permissions=["change"])
    def resend(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        count = 0
        for delivery in queryset:
            webhooks.webhook_delivery_resend(delivery)
            count += 1
        messages.success(request, _("Queued %(n)d delivery(ies) again.") % {"n": count})

