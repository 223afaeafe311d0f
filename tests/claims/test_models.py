"""Model invariants: offsets, spans, aliases, stances, and what deleting an article may not do."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from claims import services
from claims.models import Speaker, SpeakerAlias, Stance, Statement
from tests.factories import make_article, make_speaker, make_statement, make_user


@pytest.mark.django_db
def test_statement_clean_checks_offsets_against_the_body():
    article = make_article("甲說:「乙丙丁。」")
    statement = Statement(article=article, text="乙丙丁", start=4, end=7, kind="direct")
    statement.full_clean(exclude=["speaker"])
    for start, end, text in [(4, 99, "乙丙丁"), (5, 8, "乙丙丁")]:
        bad = Statement(article=article, text=text, start=start, end=end, kind="direct")
        with pytest.raises(ValidationError):
            bad.full_clean(exclude=["speaker"])


@pytest.mark.django_db
def test_database_refuses_empty_or_reversed_span():
    article = make_article("甲說:「乙丙丁。」")
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, text="", start=5, end=5, kind="direct")


@pytest.mark.django_db
def test_database_refuses_two_statements_on_one_span():
    statement = make_statement()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(
            article=statement.article, text=statement.text, start=statement.start, end=statement.end, kind="direct"
        )


@pytest.mark.django_db
def test_stance_needs_a_claim_or_a_target_statement():
    speaker = make_speaker("某部長")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stance.objects.create(speaker=speaker, polarity="support")


@pytest.mark.django_db
def test_deleting_an_article_with_reviewed_statements_is_refused():
    statement = make_statement()
    services.statement_accept(statement, user=make_user())
    with pytest.raises(ValidationError):
        services.article_delete(statement.article)
    with pytest.raises(ProtectedError):
        statement.article.delete()
    assert Statement.objects.filter(pk=statement.pk).exists()


@pytest.mark.django_db
def test_deleting_an_article_with_only_candidates_removes_them():
    statement = make_statement()
    services.article_delete(statement.article)
    assert not Statement.objects.filter(pk=statement.pk).exists()


@pytest.mark.django_db
def test_aliases_are_looked_up_by_normalised_form_across_scripts():
    speaker = make_speaker("Dmitry Testov", aliases=("德米特羅夫", "德米特洛夫"))
    assert services.speaker_find("德米特罗夫") == speaker  # Simplified finds Traditional
    assert services.speaker_find("DMITRY  TESTOV") == speaker
    assert SpeakerAlias.objects.filter(speaker=speaker, normalized="德米特罗夫").exists()


@pytest.mark.django_db
def test_wikidata_id_is_unique_and_well_formed():
    Speaker.objects.create(name="A", slug="a", wikidata_id="Q1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Speaker.objects.create(name="B", slug="b", wikidata_id="Q1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Speaker.objects.create(name="C", slug="c", wikidata_id="not-a-qid")


@pytest.mark.django_db
def test_registry_migration_loaded_speakers_with_aliases_in_both_scripts():
    from claims.registry import load_registry

    entries = load_registry()
    if not entries:
        pytest.skip("registry file not present yet")
    assert Speaker.objects.filter(registry_key__isnull=False).count() == len(entries)
    trump = Speaker.objects.get(registry_key="trump")
    names = set(trump.aliases.values_list("alias", flat=True))
    assert {"川普", "特朗普", "Trump"} <= names
    assert services.speaker_find("特朗普") == trump


@pytest.mark.django_db
def test_roles_exist_and_only_editors_may_publish():
    from django.contrib.auth.models import Group

    from claims.roles import EDITOR, FACT_CHECKER

    checker = make_user(groups=(FACT_CHECKER,))
    editor = make_user(groups=(EDITOR,))
    assert Group.objects.filter(name__in=[EDITOR, FACT_CHECKER]).count() == 2
    assert not checker.has_perm("claims.publish_verdict")
    assert checker.has_perm("claims.add_verdict")
    assert editor.has_perm("claims.publish_verdict")
