"""Desk roles that work (issue 13 item 10): a role makes a user staff, losing both roles revokes it;
`manage.py adduser NAME --role editor`; quickstart's login line comes last and names its file."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.roles import EDITOR, FACT_CHECKER


def _log_in(client, username: str, password: str) -> None:
    """Through the admin's login form, as a person would (the admin refuses non-staff users)."""
    response = client.post(reverse("admin:login"), {"username": username, "password": password,
                                                    "next": reverse("admin:index")})
    assert response.status_code == 302 and response["Location"] == reverse("admin:index"), response.content[:500]


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


@pytest.mark.django_db
def test_adding_a_role_makes_staff_and_removing_both_revokes_it():
    user = User.objects.create_user("mei", password="pw-Factdesk-1")
    assert not user.is_staff
    checker, editor = Group.objects.get(name=FACT_CHECKER), Group.objects.get(name=EDITOR)

    user.groups.add(checker)
    assert _fresh(user).is_staff
    user.groups.add(editor)
    user.groups.remove(checker)
    assert _fresh(user).is_staff  # still an editor
    user.groups.remove(editor)
    assert not _fresh(user).is_staff

    editor.user_set.add(user)  # from the group's side
    assert _fresh(user).is_staff
    editor.user_set.clear()
    assert not _fresh(user).is_staff

    user.groups.add(checker)
    user.groups.clear()
    assert not _fresh(user).is_staff


@pytest.mark.django_db
def test_other_groups_and_superusers_keep_their_staff_flag():
    other = Group.objects.create(name="readers")
    boss = User.objects.create_superuser("boss", password="pw-Factdesk-1", email="")
    boss.groups.add(Group.objects.get(name=EDITOR))
    boss.groups.clear()
    assert _fresh(boss).is_staff  # a superuser is staff whatever their groups
    reader = User.objects.create_user("reader", password="pw-Factdesk-1")
    reader.groups.add(other)
    assert not _fresh(reader).is_staff


@pytest.mark.django_db
def test_the_admin_user_form_gives_and_takes_the_desk_login(client, admin_user):
    """The path a newsroom uses: tick the group on the user's admin page, save; untick it, save."""
    user = User.objects.create_user("lin", password="pw-Factdesk-1")
    client.force_login(admin_user)
    url = reverse("admin:auth_user_change", args=[user.pk])
    form = {"username": "lin", "is_active": "on", "date_joined_0": "2025-02-13", "date_joined_1": "10:00:00",
            "groups": [Group.objects.get(name=FACT_CHECKER).pk]}
    response = client.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    assert _fresh(user).is_staff
    form.pop("groups")
    response = client.post(url, form)
    assert response.status_code == 302
    assert not _fresh(user).is_staff
    # And the login itself: a fact-checker (staff by role alone) reaches the desk.
    user.groups.add(Group.objects.get(name=FACT_CHECKER))
    client.logout()
    _log_in(client, "lin", "pw-Factdesk-1")
    assert client.get(reverse("admin:claims_statement_changelist")).status_code == 200


@pytest.mark.django_db
def test_adduser_creates_an_editor_who_can_log_in(client, capsys):
    call_command("adduser", "chen", "--role", "editor")
    out = capsys.readouterr().out
    user = User.objects.get(username="chen")
    assert user.is_staff and list(user.groups.values_list("name", flat=True)) == [EDITOR]
    password = out.split("login: chen / ", 1)[1].split()[0]
    _log_in(client, "chen", password)
    assert client.get(reverse("admin:claims_verdict_changelist")).status_code == 200

    # Again, as a fact-checker too: the role is added, the password is not changed.
    call_command("adduser", "chen", "--role", "fact-checker")
    assert "login:" not in capsys.readouterr().out
    assert set(user.groups.values_list("name", flat=True)) == {EDITOR, FACT_CHECKER}
    assert User.objects.get(username="chen").check_password(password)


@pytest.mark.django_db
def test_adduser_refuses_an_unknown_role():
    with pytest.raises(CommandError):
        call_command("adduser", "wu", "--role", "superuser")
    assert not User.objects.filter(username="wu").exists()
