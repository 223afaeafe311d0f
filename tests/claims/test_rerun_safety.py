"""Re-running extraction never undoes review work (issue 11, item 3).

Only untouched machine candidates are replaced: a person's span or speaker fix, an accepted or
rejected statement or stance, and the statements reviewed stances point at all stay; candidate
stances on kept statements are made again; the desk shows what a re-run will replace and asks.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims import services
from claims.models import ReviewState, Stance, Statement
from claims.roles import FACT_CHECKER
from sources.services import article_ingest
from tests.factories import make_speaker, make_user

pytestmark = pytest.mark.django_db

# Our own article: a minister's statements and a spokesman who rejects one of them.
ARTICLE = (
    "外交部長林佳龍3日在立法院受訪時表示:「台灣會持續與理念相近的國家深化合作。」"
    "他並強調,政府不會因為外部壓力而改變既定政策。\n"
    "國台辦發言人陳斌華4日回應稱,民進黨當局的說法「毫無根據」,並表示大陸方面堅決反對任何形式的官方往來。\n"
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def checker(db):
    return make_user("checker", groups=(FACT_CHECKER,))


@pytest.fixture
def article():
    article = article_ingest(
        text=ARTICLE, published_at=timezone.make_aware(timezone.datetime(2025, 3, 5, 9, 0))
    ).article
    services.article_extract(article.pk, force=True)
    return article


def _stance(article) -> Stance:
    stance = Stance.objects.filter(article=article).select_related("target_statement").first()
    assert stance is not None, "the extractor found no stance in a plain rejection"
    return stance


def test_a_span_fix_on_a_candidate_survives_a_rerun(article, checker):
    statement = Statement.objects.filter(article=article, text__contains="理念相近").get()
    services.statement_update(statement, user=checker, start=statement.start, end=statement.end - 1)
    services.article_extract(article.pk, force=True)
    fixed = Statement.objects.get(pk=statement.pk)
    assert fixed.end == statement.end - 1 and fixed.edited_by == checker
    assert not Statement.objects.filter(article=article, start=statement.start, end=statement.end).exists()


def test_a_speaker_fix_on_a_candidate_survives_a_rerun(article, checker):
    statement = Statement.objects.filter(article=article, text__contains="理念相近").get()
    other = make_speaker("另一位發言人")
    services.statement_update(statement, user=checker, speaker=other)
    services.article_extract(article.pk, force=True)
    assert Statement.objects.get(pk=statement.pk).speaker_id == other.pk


def test_an_accepted_stance_on_a_candidate_target_survives_a_rerun(article, checker):
    stance = _stance(article)
    services.stance_review(stance, user=checker, accept=True)
    services.article_extract(article.pk, force=True)
    kept = Stance.objects.get(pk=stance.pk)
    assert kept.review_state == ReviewState.ACCEPTED
    assert kept.target_statement_id == stance.target_statement_id
    assert Statement.objects.filter(pk=stance.target_statement_id).exists()


def test_candidate_stances_on_an_accepted_statement_are_made_again(article, checker):
    stance = _stance(article)
    services.statement_accept(stance.target_statement, user=checker)
    services.article_extract(article.pk, force=True)
    again = Stance.objects.filter(article=article, target_statement=stance.target_statement_id,
                                  polarity=stance.polarity, speaker=stance.speaker_id)
    assert again.count() == 1 and again.get().review_state == ReviewState.CANDIDATE


def test_a_rejected_stance_is_not_made_again(article, checker):
    stance = _stance(article)
    services.stance_review(stance, user=checker, accept=False)
    services.article_extract(article.pk, force=True)
    same = Stance.objects.filter(article=article, target_statement=stance.target_statement_id,
                                 polarity=stance.polarity, speaker=stance.speaker_id)
    assert list(same.values_list("pk", "review_state")) == [(stance.pk, ReviewState.REJECTED)]


def test_a_statement_with_stances_cannot_be_deleted_from_under_them(article):
    from django.db.models import ProtectedError

    stance = _stance(article)
    with pytest.raises(ProtectedError):
        Statement.objects.filter(pk=stance.target_statement_id).delete()


def test_rerun_asks_first_and_says_what_it_replaces(client, article, checker, django_capture_on_commit_callbacks):
    statement = Statement.objects.filter(article=article, text__contains="理念相近").get()
    services.statement_update(statement, user=checker, end=statement.end - 1)
    client.force_login(checker)
    url = f"/admin/claims/statement/article/{article.pk}/rerun/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    preview = services.article_rerun_preview(article.pk)
    assert preview.replaced_statements == Statement.objects.filter(article=article).count() - 1
    assert preview.kept_statements == 1
    assert f">{preview.replaced_statements}<" in html and 'name="confirm"' in html
    # A GET changes nothing; the POST with the confirmation does.
    article.refresh_from_db()
    assert article.extraction_status == "done"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"confirm": "yes"})
    article.refresh_from_db()
    assert article.extraction_status == "done" and Statement.objects.filter(pk=statement.pk).exists()
