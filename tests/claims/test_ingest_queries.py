"""Round trips of the ingest pipeline on PostgreSQL (issue 17): one article's POST and one article's
extraction task cost a fixed number of database statements, whatever the number of statements in
the article and of speakers, known or new, it names.

Counted with CaptureQueriesContext. Inside a test's transaction the service's own transaction shows
as SAVEPOINT / RELEASE, which stand where BEGIN / COMMIT stand in production: the counts are the
round trips a worker or a web process makes.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from claims import services
from claims.models import Origin, Speaker, SpeakerAlias, Statement
from claims.selectors import speaker_gazetteer
from sources.models import Article, ExtractionStatus, Outlet
from sources.services import article_ingest
from tests.factories import make_outlet, make_user

pytestmark = pytest.mark.postgres

# People in the curated registry (claims/extraction/data/speakers.json), each with a gazetteer key.
KNOWN = ["拜登", "布林肯", "陳斌華", "鄭麗文", "江啟臣", "蔣萬安", "邱垂正", "卓榮泰", "魏哲家", "貝森特", "丁薛祥", "董軍"]
# Invented names no registry holds: the extractor proposes each as a new speaker.
NEW = ["張大明", "李小華", "陳美玲", "黃志強", "吳建國", "周文華", "鄭秀英", "許家豪", "何志明", "呂淑芬", "曾國輝", "蕭雅婷"]

# UPDATE (claim + read + stamp), BEGIN, lock (+ statement check + stamp), INSERT statements with
# their history rows (one statement), UPDATE status, COMMIT.
MAX_EXTRACT_QUERIES = 6
# ... plus one name lookup, the advisory locks, the lookup again under them, free slugs, INSERT
# speakers, INSERT their history rows, INSERT aliases.
MAX_EXTRACT_NEW_SPEAKERS_QUERIES = MAX_EXTRACT_QUERIES + 7
# Key lookup, BEGIN, outlet, duplicate check, INSERT, COMMIT.
MAX_POST_QUERIES = 6


def _article_text(names: list[str], plan: int = 1) -> str:
    """One direct quote per name, each on its own line (our own sentences)."""
    return "\n".join(
        f"{name}{day}日表示:「第{plan}號方案會在今年完成,我們不會改變立場。」" for day, name in enumerate(names, 1)
    )


def _extract_counting(names: list[str], plan: int = 1) -> tuple[int, Article]:
    article = article_ingest(text=_article_text(names, plan), language="zh-Hant").article
    speaker_gazetteer()  # built once per process and per directory change, not per article
    with CaptureQueriesContext(connection) as captured:
        outcome = services.article_extract(article.pk)
    assert outcome.status == ExtractionStatus.DONE and outcome.statements == len(names), outcome
    return len(captured.captured_queries), article


@pytest.fixture
def no_extraction_on_ingest(settings):
    settings.FACTDESK_ARTICLE_INGESTED_HOOKS = []


@pytest.mark.django_db
def test_extraction_of_known_speakers_takes_the_same_few_statements_for_2_or_12(no_extraction_on_ingest):
    few, first = _extract_counting(KNOWN[:2])
    many, second = _extract_counting(KNOWN)
    assert many == few, f"{few} statements for 2 quotes, {many} for 12: the count grows with the article"
    assert many <= MAX_EXTRACT_QUERIES
    statements = Statement.objects.filter(article__in=[first, second]).select_related("speaker")
    assert len(statements) == 14
    assert all(s.speaker is not None and s.speaker.registry_key for s in statements)


@pytest.mark.django_db
def test_extraction_creating_new_speakers_takes_the_same_few_statements_for_2_or_12(no_extraction_on_ingest):
    before = Speaker.objects.count()
    few, _ = _extract_counting(NEW[:2])
    many, article = _extract_counting(NEW[2:])  # ten more new people
    assert many == few, f"{few} statements for 2 new speakers, {many} for 10: creation is per speaker"
    assert many <= MAX_EXTRACT_NEW_SPEAKERS_QUERIES
    created = Speaker.objects.filter(name__in=NEW)
    assert Speaker.objects.count() == before + len(NEW) == before + created.count()
    assert {s.origin for s in created} == {Origin.EXTRACTED} and not any(s.confirmed for s in created)
    assert len({s.slug for s in created}) == len(NEW)
    assert set(SpeakerAlias.objects.filter(speaker__in=created).values_list("alias", flat=True)) >= set(NEW)
    assert all(s.history.filter(history_type="+").exists() for s in created)
    by_speaker = dict(Statement.objects.filter(article=article).values_list("mention", "speaker__name"))
    assert by_speaker == {name: name for name in NEW[2:]}


@pytest.mark.django_db
def test_history_rows_of_extracted_statements_are_what_simple_history_would_store(no_extraction_on_ingest):
    _queries, article = _extract_counting(KNOWN[:3])
    statements = list(Statement.objects.filter(article=article))
    tracked = [f.attname for f in Statement.history.model.tracked_fields]
    assert "text" in tracked and "speaker_id" in tracked and "search_text" not in tracked
    for statement in statements:
        (row,) = statement.history.all()
        assert row.history_type == "+" and row.history_user_id is None and not row.history_change_reason
        assert {name: getattr(row, name) for name in tracked} == {name: getattr(statement, name) for name in tracked}
        assert abs((row.history_date - statement.created_at).total_seconds()) < 60


@pytest.mark.django_db
def test_an_article_naming_a_known_new_speaker_again_creates_nothing(no_extraction_on_ingest):
    _extract_counting(NEW[:3])
    count = Speaker.objects.count()
    queries, _ = _extract_counting(NEW[:3], plan=2)
    assert Speaker.objects.count() == count
    assert queries <= MAX_EXTRACT_QUERIES + 1  # the names are looked up once (the directory moved)


@pytest.fixture
def partner_client(db) -> APIClient:
    _key, plaintext = services.partner_key_create("Partner", ["ingest"], make_user(superuser=True))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plaintext}")
    return client


@pytest.mark.django_db(transaction=True)
def test_an_article_post_is_one_transaction_of_a_few_statements(partner_client, no_extraction_on_ingest):
    make_outlet("中央社")
    partner_client.post("/api/v1/articles/", {"text": _article_text(KNOWN[:1])}, format="json")  # key used once
    body = {"text": _article_text(KNOWN[:3]), "outlet": "中央社", "url": "https://news.example/a/1", "title": "t"}
    with CaptureQueriesContext(connection) as captured:
        response = partner_client.post("/api/v1/articles/", body, format="json")
    assert response.status_code == 201, response.content
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [s for s in sql if "SAVEPOINT" in s], sql
    assert len(sql) <= MAX_POST_QUERIES, sql
    article = Article.objects.get(url=body["url"])
    assert article.outlet.name == "中央社" and article.extraction_status == ExtractionStatus.PENDING

    # The same text again, and another text at the same URL: the stored article, nothing written.
    with CaptureQueriesContext(connection) as captured:
        again = partner_client.post("/api/v1/articles/", body, format="json")
        same_url = partner_client.post("/api/v1/articles/", {**body, "text": _article_text(KNOWN[3:5])}, format="json")
    assert again.status_code == same_url.status_code == 200
    assert again.json()["duplicate_reason"] == "content" and same_url.json()["duplicate_reason"] == "url"
    assert again.json()["article"]["id"] == same_url.json()["article"]["id"] == article.pk
    assert not [q for q in captured.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "SAVEPOINT"))]
    assert Article.objects.count() == 2
    # A duplicate naming the stored article's outlet: the outlet read by name is the one answered.
    assert again.json()["article"]["outlet"] == same_url.json()["article"]["outlet"] == "中央社"
    assert len(captured.captured_queries) <= 2 * (MAX_POST_QUERIES - 1), [q["sql"] for q in captured.captured_queries]
    elsewhere = partner_client.post("/api/v1/articles/", {**body, "outlet": "聯合報"}, format="json")
    assert elsewhere.status_code == 200 and elsewhere.json()["article"]["outlet"] == "中央社"


@pytest.mark.django_db(transaction=True)
def test_a_new_outlet_is_created_with_the_article_and_not_without_it(partner_client, no_extraction_on_ingest, settings):
    settings.FACTDESK_MAX_ARTICLE_CHARS = 60
    too_long = partner_client.post("/api/v1/articles/", {"text": _article_text(KNOWN), "outlet": "新報"}, format="json")
    assert too_long.status_code == 400  # refused by the service, after the serializer let it through
    assert not Outlet.objects.filter(name="新報").exists()
    stored = partner_client.post("/api/v1/articles/", {"text": _article_text(KNOWN[:1]), "outlet": "新報"}, format="json")
    assert stored.status_code == 201, stored.content
    assert Article.objects.get().outlet == Outlet.objects.get(name="新報")


@pytest.mark.django_db(transaction=True)
def test_only_the_extraction_commits_skip_the_disk_wait(no_extraction_on_ingest):
    """synchronous_commit is off for the extraction task's own transactions (derived rows, redone by
    the sweep after a crash) and stays on for everything else on the same connection."""
    article = article_ingest(text=_article_text(KNOWN[:2]), language="zh-Hant").article
    with CaptureQueriesContext(connection) as captured:
        outcome = services.article_extract(article.pk)
    assert outcome.statements == 2
    with_async = [q["sql"] for q in captured.captured_queries if "synchronous_commit" in q["sql"]]
    assert len(with_async) == 2 and with_async[0].startswith("UPDATE") and "FOR UPDATE" in with_async[1]
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"  # SET LOCAL: gone with each transaction
