"""Claims app (wiring): speakers, statements, claims, stances, verdicts, partners; connects the role
signal and the public-cache retirement on sources' edits."""

from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from claims.public_cache import source_changed
from claims.roles import on_groups_changed


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Claims")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A desk role (fact-checker, editor) is what lets a person log in: keep is_staff in step.
        m2m_changed.connect(on_groups_changed, sender=get_user_model().groups.through,
                            dispatch_uid="claims.roles.staff")
        # Article and outlet edits are public changes of claims' pages (sources never imports claims).
        for model in ("sources.Article", "sources.Outlet"):
            post_save.connect(source_changed, sender=model, weak=False, dispatch_uid=f"public-save-{model}")
            post_delete.connect(source_changed, sender=model, weak=False, dispatch_uid=f"public-delete-{model}")
