"""Desk roles: the groups fact-checkers and editors belong to, and what each may do."""

from __future__ import annotations

FACT_CHECKER = "fact-checker"
EDITOR = "editor"

# Fact-checkers review candidates, draft verdicts and curate speakers; they cannot publish.
_FACT_CHECKER_PERMS = [
    ("sources", "article", ("add", "change", "view")),
    ("sources", "outlet", ("add", "change", "view")),
    ("sources", "feed", ("view",)),
    ("sources", "fetchlog", ("view",)),
    ("claims", "statement", ("add", "change", "view")),
    ("claims", "claim", ("add", "change", "view")),
    ("claims", "stance", ("add", "change", "view")),
    ("claims", "verdict", ("add", "change", "view")),
    ("claims", "speaker", ("add", "change", "view")),
    ("claims", "speakeralias", ("add", "change", "delete", "view")),
]
# Editors can do all of that, publish verdicts, and manage feeds, partners and webhooks.
_EDITOR_EXTRA = [
    ("sources", "feed", ("add", "change", "delete")),
    ("sources", "article", ("delete",)),
    ("claims", "verdict", ("publish",)),
    ("claims", "partnerkey", ("add", "change", "view")),
    ("claims", "webhooksubscription", ("add", "change", "delete", "view")),
    ("claims", "webhookdelivery", ("change", "view")),
]


def _codenames(spec):
    for app, model, actions in spec:
        for action in actions:
            yield app, ("publish_verdict" if action == "publish" else f"{action}_{model}")


def roles_sync(group_model, permission_model) -> None:
    """Create or update the two groups with exactly their permissions (idempotent)."""
    for name, spec in ((FACT_CHECKER, _FACT_CHECKER_PERMS), (EDITOR, _FACT_CHECKER_PERMS + _EDITOR_EXTRA)):
        group, _ = group_model.objects.get_or_create(name=name)
        perms = []
        for app, codename in _codenames(spec):
            perm = permission_model.objects.filter(content_type__app_label=app, codename=codename).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)
