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


ROLES = (FACT_CHECKER, EDITOR)


def user_staff_sync(user) -> bool:
    """Make a user staff while they hold a desk role, and not once they hold none; True if it changed.

    A role is what lets someone log in to the desk, so ticking "Staff status" by hand is no longer
    needed. Superusers keep their staff flag whatever their groups.
    """
    has_role = user.groups.filter(name__in=ROLES).exists()
    wanted = has_role or user.is_superuser
    if user.is_staff == wanted:
        return False
    user.is_staff = wanted
    type(user).objects.filter(pk=user.pk).update(is_staff=wanted)
    return True


def on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:  # noqa: PLR0917 - the signal's own signature
    """``m2m_changed`` receiver on User.groups: keep ``is_staff`` in step with the desk roles.

    Forward (``user.groups.add``, the admin's user form) the instance is a user; reverse
    (``group.user_set.add``) it is a group and ``pk_set`` names the users.
    """
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if not reverse:
        if action == "pre_clear":
            return
        user_staff_sync(instance)
        return
    if instance.name not in ROLES:
        return
    if action == "pre_clear":  # the users are gone by post_clear: remember them now
        instance._desk_cleared = list(instance.user_set.all())
        return
    users = getattr(instance, "_desk_cleared", []) if action == "post_clear" else model.objects.filter(pk__in=pk_set)
    for user in users:
        user_staff_sync(user)
