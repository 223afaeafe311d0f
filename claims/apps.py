"""Claims app (wiring): speakers, statements, claims, stances, verdicts, partners; connects the role signal."""

from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from claims.roles import on_groups_changed


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A desk role (fact-checker, editor) is what lets a person log in: keep is_staff in step.
        m2m_changed.connect(on_groups_changed, sender=get_user_model().groups.through,
                            dispatch_uid="claims.roles.staff")
