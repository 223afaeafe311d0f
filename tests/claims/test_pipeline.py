"""Extraction pipeline: ingest enqueues after commit, the service stores candidates idempotently,
reviewed statements survive re-runs, failures are recorded, and the sweep finds what was left."""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims import services, tasks
from claims.extraction import EXTRACTOR_VERSION
from claims.models import ReviewState, Speaker, Stance, Statement
from sources.models import Article, ExtractionStatus
from sources.services import article_ingest
from tests.factories import make_user

# Our own test article: wire copy with a direct quote, reported speech and a rejection.
ARTICLE = (
    "【本報訊】外交部長林佳龍3日在立法院受訪時表示:「台灣會持續與理念相近的國家深化合作。」"
    "他並強調,政府不會因為外部壓力而改變既定政策。\n"
    "國台辦發言人陳斌華4日回應稱,民進黨當局的說法「毫無根據」,並表示大陸方面堅決反對任何形式的官方往來。\n"
    "美國國務院發言人則說:「我們支持兩岸和平解決分歧。」\n"
)


def ingest(text: str = ARTICLE, **kwargs):
    kwargs.setdefault("published_at", timezone.make_aware(timezone.datetime(2025, 3, 5, 9, 0)))
    return article_ingest(text=text, **kwargs).article


@pytest.mark.django_db(transaction=True)
def test_ingest_runs_extraction_after_commit_and_stores_candidates():
    article = ingest()
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE, article.extraction_error
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.extraction_ms is not None
    statements = list(Statement.objects.filter(article=article))
    assert statements, "the extractor found nothing in an article full of quotes"
    for s in statements:
        assert article.body[s.start : s.end] == s.text
        assert s.review_state == ReviewState.CANDIDATE
    assert any("理念相近" in s.text for s in statements)


@pytest.mark.django_db
def test_rerun_is_idempotent_and_keeps_reviewed_statements():
    article = ingest()
    services.article_extract(article.pk, force=True)
    first = sorted(Statement.objects.filter(article=article).values_list("start", "end", "text"))
    assert first
    reviewed = Statement.objects.filter(article=article).order_by("start").first()
    services.statement_accept(reviewed, user=make_user())

    services.article_extract(article.pk, force=True)
    services.article_extract(article.pk, force=True)
    again = sorted(Statement.objects.filter(article=article).values_list("start", "end", "text"))
    assert again == first  # same candidates, no duplicates
    reviewed.refresh_from_db()
    assert reviewed.review_state == ReviewState.ACCEPTED and reviewed.claim_id


@pytest.mark.django_db
def test_done_article_of_current_version_is_not_extracted_again():
    article = ingest()
    services.article_extract(article.pk, force=True)
    outcome = services.article_extract(article.pk)
    assert outcome.skipped


@pytest.mark.django_db
def test_extraction_of_a_deleted_article_is_a_no_op():
    outcome = services.article_extract(987654)
    assert outcome.skipped and outcome.status == "missing"


@pytest.mark.django_db
def test_unknown_speakers_are_proposed_for_confirmation():
    article = ingest("新任衛生部長王大明(Wang Da-ming)5日表示:「疫苗供應充足,民眾不必擔心。」")
    services.article_extract(article.pk, force=True)
    statement = Statement.objects.filter(article=article).select_related("speaker").first()
    assert statement is not None and statement.speaker is not None
    assert "王大明" in statement.speaker.name or "Wang" in statement.speaker.name
    assert statement.speaker.confirmed is False


@pytest.mark.django_db
def test_registry_speaker_is_resolved_not_duplicated():
    article = ingest("美國總統川普12日在白宮對記者說:「關稅會讓美國再次富強。」")
    services.article_extract(article.pk, force=True)
    statement = Statement.objects.filter(article=article).select_related("speaker").get()
    assert statement.speaker.registry_key == "trump"
    assert Speaker.objects.filter(registry_key="trump").count() == 1


@pytest.mark.django_db
def test_stances_link_to_statements_of_the_same_article():
    article = ingest()
    services.article_extract(article.pk, force=True)
    for stance in Stance.objects.filter(article=article):
        assert stance.target_statement.article_id == article.pk
        assert stance.polarity in {"support", "oppose", "neutral"}


@pytest.mark.django_db
def test_extractor_crash_marks_the_article_failed_with_the_reason(monkeypatch):
    from claims import extraction

    article = ingest()

    def explode(*_args, **_kwargs):
        raise ValueError("segmenter exploded")

    monkeypatch.setattr(extraction, "extract", explode)
    result = tasks.extract_article_task.apply(args=[article.pk], kwargs={"force": True}).get()
    assert result["status"] == "failed"
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert "segmenter exploded" in article.extraction_error


@pytest.mark.django_db
def test_sweep_finds_pending_and_stuck_running_articles_but_not_fresh_ones():
    pending = ingest("某部長表示:「第一篇。」")
    running = ingest("某部長表示:「第二篇。」")
    done = ingest("某部長表示:「第三篇。」")
    old = timezone.now() - timezone.timedelta(hours=1)
    Article.objects.filter(pk=pending.pk).update(extraction_status=ExtractionStatus.PENDING, updated_at=old)
    Article.objects.filter(pk=running.pk).update(extraction_status=ExtractionStatus.RUNNING, updated_at=old)
    Article.objects.filter(pk=done.pk).update(extraction_status=ExtractionStatus.DONE, updated_at=old)
    found = services.articles_needing_extraction(pending_seconds=60, running_seconds=600)
    assert found == sorted([pending.pk, running.pk])
    assert services.articles_needing_extraction(pending_seconds=7200, running_seconds=7200) == []


@pytest.mark.django_db
def test_sweep_task_extracts_what_the_broker_missed(settings):
    settings.FACTDESK_STALE_SECONDS = 0
    article = ingest()
    Article.objects.filter(pk=article.pk).update(extraction_status=ExtractionStatus.PENDING)
    assert tasks.sweep_pending_articles_task.apply().get() >= 1
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
