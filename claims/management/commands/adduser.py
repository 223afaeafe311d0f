"""Management command (interface): add a desk user with a role, e.g. ``manage.py adduser mei --role editor``.

The role (a group) makes the user staff (claims.roles keeps ``is_staff`` in step with the roles), so
they can log in at once. A new user gets a random password, printed once; an existing user gets the
role added and keeps their password unless ``--reset-password`` is given.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from claims.roles import EDITOR, FACT_CHECKER, ROLES

ERROR_NO_GROUP = "The group {role!r} does not exist yet: run `manage.py migrate` first."


class Command(BaseCommand):
    help = "Add a desk user (or give an existing one a role): --role fact-checker or --role editor."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, default=FACT_CHECKER,
                            help=f"{FACT_CHECKER} (review, draft) or {EDITOR} (also publish); default {FACT_CHECKER}")
        parser.add_argument("--email", default="")
        parser.add_argument("--reset-password", action="store_true", help="give an existing user a new password")

    @transaction.atomic
    def handle(self, *args, **opts):
        username = opts["username"].strip()
        if not username:
            raise CommandError("A user name is required.")
        group = Group.objects.filter(name=opts["role"]).first()
        if group is None:
            raise CommandError(ERROR_NO_GROUP.format(role=opts["role"]))
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username=username, email=opts["email"], password=password)
        elif opts["reset_password"]:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(group)  # the role signal makes them staff
        user.refresh_from_db(fields=["is_staff"])
        self.stdout.write(self.style.SUCCESS(f"{username}: role {opts['role']}, staff {'yes' if user.is_staff else 'no'}"))
        if password is not None:
            change = reverse("admin:password_change")
            self.stdout.write(f"login: {username} / {password}  (shown once; change it at {change})")
