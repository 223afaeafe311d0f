"""Ingest service: one article per text, duplicates by text and URL, bad input refused at the door."""

from __future__ import annotations

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from sources import cleaning
from sources.cleaning import IngestError, decode_bytes
from sources.models import Article, ExtractionStatus
from sources.services import article_ingest
from tests.factories import make_outlet

TEXT = "外交部發言人林佳龍表示:「我們將持續與理念相近國家合作。」他並強調,台灣不會挑釁。"


@pytest.mark.django_db
def test_same_text_twice_is_one_article():
    first = article_ingest(text=TEXT)
    second = article_ingest(text=TEXT + "\n")  # trailing newline: same article
    assert first.created and not second.created
    assert second.duplicate_reason == "content"
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_same_url_twice_is_one_article_unless_a_new_version_is_asked_for():
    first = article_ingest(text=TEXT, url="https://news.example/a/1")
    second = article_ingest(text=TEXT + "更新。", url="https://news.example/a/1")
    assert not second.created and second.duplicate_reason == "url"
    third = article_ingest(text=TEXT + "更新。", url="https://news.example/a/1", allow_new_version=True)
    assert third.created
    assert third.article.version == 2
    assert third.article.previous_version_id == first.article.pk
    assert Article.objects.get(pk=first.article.pk).body == TEXT  # the reviewed version is untouched


@pytest.mark.django_db
def test_body_is_stored_exactly_as_received_and_language_guessed():
    text = "  川普總統說:「很好。」\r\n第二段。  "
    article = article_ingest(text=text).article
    article.refresh_from_db()
    assert article.body == text
    assert article.language == "zh-Hant"
    assert article.extraction_status in {ExtractionStatus.PENDING, ExtractionStatus.DONE, ExtractionStatus.FAILED}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", cleaning.ERROR_EMPTY),
        ("   \n\t ", cleaning.ERROR_EMPTY),
        ("abc\x00def", cleaning.ERROR_NUL),
        ("\x01\x02\x03\x04" * 100, cleaning.ERROR_BINARY),
    ],
)
def test_bad_text_is_refused_with_a_clear_message_and_nothing_stored(text, message):
    with pytest.raises(IngestError) as info:
        article_ingest(text=text)
    assert info.value.message == message
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_oversize_article_is_refused(settings):
    settings.FACTDESK_MAX_ARTICLE_CHARS = 1000
    with pytest.raises(IngestError) as info:
        article_ingest(text="長" * 1001)
    assert "1,000" in info.value.message


@pytest.mark.django_db
def test_unknown_language_is_refused_naming_the_field():
    with pytest.raises(IngestError) as info:
        article_ingest(text=TEXT, language="klingon")
    assert info.value.field == "language"


@pytest.mark.django_db
def test_html_is_reduced_to_its_main_text_and_kept_beside_it():
    html = (
        "<html><head><title>測試標題</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><nav>首頁 | 國際</nav><article>"
        + "".join(f"<p>{TEXT}第{i}段。</p>" for i in range(6))
        + "</article><footer>版權所有</footer></body></html>"
    )
    article = article_ingest(text=html).article
    assert "alert" not in article.body and "color:red" not in article.body
    assert "林佳龍" in article.body
    assert article.raw_html == html
    assert article.title == "測試標題"


def test_decode_bytes_handles_bom_big5_gb18030_and_refuses_binary():
    assert decode_bytes("\ufeff中文".encode()) == "中文"
    big5 = ("陸委會今天表示,兩岸交流應該在對等尊嚴的基礎上進行。" * 5).encode("big5")
    assert "陸委會" in decode_bytes(big5)
    gb = ("国台办发言人表示,两岸同胞是一家人。" * 5).encode("gb18030")
    assert "国台办" in decode_bytes(gb)
    with pytest.raises(IngestError) as info:
        decode_bytes(b"\x00\x01\x02binary\x00" * 50)
    assert info.value.message == cleaning.ERROR_BINARY


@pytest.mark.django_db
def test_outlet_is_linked():
    outlet = make_outlet("中央社")
    article = article_ingest(text=TEXT, outlet=outlet).article
    assert article.outlet == outlet


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_of_one_text_store_one_article():
    results, errors = [], []

    def submit():
        try:
            results.append(article_ingest(text=TEXT + "並行。"))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Article.objects.count() == 1
    assert sum(r.created for r in results) == 1
    assert {r.article.pk for r in results} == {Article.objects.get().pk}


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_refuses_a_second_row_with_the_same_content_hash():
    article_ingest(text=TEXT)
    existing = Article.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(body="other", content_hash=existing.content_hash)


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_refuses_two_articles_at_one_url_and_version():
    article_ingest(text=TEXT, url="https://news.example/x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(body="b", content_hash="f" * 64, url="https://news.example/x", version=1)


@pytest.mark.django_db
def test_ingest_command_reads_folder_with_metadata_and_reports_duplicates(tmp_path, capsys):
    from django.core.management import call_command

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        '{"title": "標題", "outlet": {"name": "中央社"}, "url": "https://cna.example/1", "published": "2025-02-13T10:00:00+08:00"}',
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")  # same text: duplicate
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00" * 10)
    call_command("ingest", str(tmp_path), "--no-progress")
    out = capsys.readouterr()
    assert "1 ingested, 1 duplicates, 1 refused" in out.out
    assert "duplicate of article" in out.out
    article = Article.objects.get()
    assert article.title == "標題" and article.outlet.name == "中央社"
    assert article.published_at.year == 2025
