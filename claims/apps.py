"""Claims app: speakers, statements, claims, stances, verdicts, partners."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from claims.public_cache import source_changed


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Article and outlet edits are public changes of claims' pages (sources never imports claims).
        for model in ("sources.Article", "sources.Outlet"):
            post_save.connect(source_changed, sender=model, weak=False, dispatch_uid=f"public-save-{model}")
            post_delete.connect(source_changed, sender=model, weak=False, dispatch_uid=f"public-delete-{model}")
