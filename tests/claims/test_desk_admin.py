"""The fact-checkers' desk in the admin, end to end through the HTTP client.

Ingest (paste, upload, duplicates), extraction status and re-run, the review queue (filters, search
in both scripts, context, accept/reject/fix/split/merge, bulk actions), speakers, claims, verdicts
(draft, publish by editors only, stale edits refused), history and revert, roles.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Claim, ReviewState, Speaker, Statement, Verdict, VerdictStatus
from claims.roles import EDITOR, FACT_CHECKER
from sources import admin_articles
from sources.models import Article, ExtractionStatus
from tests.factories import make_article, make_outlet, make_speaker, make_statement, make_user

ARTICLE = "外交部發言人林佳龍表示:「我們將持續與理念相近國家合作。」他並強調,台灣不會挑釁。"
QUEUE = "/admin/claims/statement/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 at full strength costs ~0.5 s per test user; these tests do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_desk(settings):
    """These tests read the desk's English wording; the Chinese desk has its own test
    (tests/i18n/test_translations.py)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def checker(db):
    return make_user("checker", groups=(FACT_CHECKER,))


@pytest.fixture
def editor(db):
    return make_user("editor", groups=(EDITOR,))


@pytest.fixture
def desk(client, checker):
    client.force_login(checker)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def _ids(response) -> set[int]:
    return {row.pk for row in response.context["cl"].result_list}


# --- roles -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_roles_exist_and_only_editors_may_publish():
    checker_perms = set(Group.objects.get(name=FACT_CHECKER).permissions.values_list("codename", flat=True))
    editor_perms = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    assert {"change_statement", "add_verdict", "change_verdict", "change_speaker", "add_article"} <= checker_perms
    assert "publish_verdict" not in checker_perms
    assert "publish_verdict" in editor_perms and checker_perms <= editor_perms
    assert not make_user(groups=(FACT_CHECKER,)).has_perm("claims.publish_verdict")
    assert make_user(groups=(EDITOR,)).has_perm("claims.publish_verdict")


# --- ingest ------------------------------------------------------------------------------------


def test_paste_ingest_stores_extracts_and_shows_status(desk, django_capture_on_commit_callbacks):
    outlet = make_outlet("中央社")
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post("/admin/sources/article/add/", {
            "text": ARTICLE, "outlet": outlet.pk, "url": "https://news.example/1", "published_at": "2025-02-13",
            "language": "zh-Hant", "title": "合作",
        })
    response = desk.get(response["Location"])
    article = Article.objects.get()
    assert article.outlet == outlet and article.url == "https://news.example/1" and article.channel == "admin"
    assert timezone.localdate(article.published_at).isoformat() == "2025-02-13"
    assert article.extraction_status == ExtractionStatus.DONE  # eager Celery in tests
    assert response.request["PATH_INFO"] == f"/admin/sources/article/{article.pk}/change/"
    html = response.content.decode()
    assert 'id="desk-extraction-status"' in html and "Done" in html
    assert 'id="desk-rerun"' in html
    assert Statement.objects.filter(article=article, review_state=ReviewState.CANDIDATE).count() >= 1


def test_duplicate_text_or_url_is_shown_with_a_link_and_not_stored(desk):
    first = desk.post("/admin/sources/article/add/", {"text": ARTICLE, "url": "https://news.example/1"}, follow=True)
    article = Article.objects.get()
    again = desk.post("/admin/sources/article/add/", {"text": ARTICLE + "\n"}, follow=True)
    by_url = desk.post("/admin/sources/article/add/", {"text": ARTICLE + "更新。", "url": "https://news.example/1"},
                       follow=True)
    assert Article.objects.count() == 1
    assert first.status_code == 200
    link = f'href="/admin/sources/article/{article.pk}/change/"'
    assert any("already stored" in m and link in m for m in _messages(again))
    assert any("with this URL is already stored" in m and link in m for m in _messages(by_url))


def test_upload_in_big5_is_decoded(desk):
    upload = SimpleUploadedFile("a.txt", ARTICLE.encode("big5"), content_type="text/plain")
    desk.post("/admin/sources/article/add/", {"upload": upload, "new_outlet": "自由時報"})
    article = Article.objects.get()
    assert article.body == ARTICLE and article.outlet.name == "自由時報"


def test_ingest_refuses_empty_input_and_both_inputs(desk):
    response = desk.post("/admin/sources/article/add/", {"text": "   "})
    assert str(admin_articles.ERROR_TEXT_OR_FILE) in response.content.decode()
    upload = SimpleUploadedFile("a.txt", b"x", content_type="text/plain")
    response = desk.post("/admin/sources/article/add/", {"text": ARTICLE, "upload": upload})
    assert str(admin_articles.ERROR_TEXT_OR_FILE) in response.content.decode()
    assert Article.objects.count() == 0


def test_rerun_extraction_asks_then_runs_extraction_again(desk, django_capture_on_commit_callbacks):
    from claims.admin import changes as admin_changes

    article = make_article(ARTICLE)
    url = f"/admin/claims/statement/article/{article.pk}/rerun/"
    assert url in desk.get(f"/admin/sources/article/{article.pk}/change/").content.decode()
    assert 'id="desk-rerun-confirm"' in desk.get(url).content.decode()
    article.refresh_from_db()
    assert article.extraction_attempts == 0  # asking changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(url, {"confirm": "yes"}, follow=True)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE and article.extraction_attempts == 1
    assert admin_changes.MESSAGE_RERUN in _messages(response)


def test_a_pending_article_page_asks_to_refresh_itself(desk):
    article = make_article(ARTICLE)
    html = desk.get(f"/admin/sources/article/{article.pk}/change/").content.decode()
    assert 'data-desk-refresh="3"' in html and "Pending" in html


# --- review queue ------------------------------------------------------------------------------


def test_queue_lists_candidates_by_default_and_filters(desk, checker):
    cna, ltn = make_outlet("中央社"), make_outlet("自由時報")
    lin = make_speaker("林測龍", aliases=("Lin Test-lung",))
    a = make_statement(make_article("官員表示:「甲乙丙丁戊」。", outlet=cna), speaker=lin, confidence=0.9)
    b = make_statement(make_article("官員表示:「己庚辛壬癸」。", outlet=ltn), confidence=0.3, kind="indirect")
    c = make_statement(make_article('He said: "All good here."', outlet=ltn, language="en"), text="All good here.",
                       language="en")
    done = services.statement_accept(make_statement(), user=checker)

    assert _ids(desk.get(QUEUE)) == {a.pk, b.pk, c.pk}
    assert done.pk in _ids(desk.get(QUEUE, {"state": "all"}))
    assert _ids(desk.get(QUEUE, {"article__outlet__id__exact": cna.pk})) == {a.pk}
    assert _ids(desk.get(QUEUE, {"language__exact": "en"})) == {c.pk}
    assert _ids(desk.get(QUEUE, {"kind__exact": "indirect"})) == {b.pk}
    assert _ids(desk.get(QUEUE, {"confidence": "low"})) == {b.pk}
    assert _ids(desk.get(QUEUE, {"confidence": "high"})) == {a.pk}
    assert _ids(desk.get(QUEUE, {"speaker": "林测龙"})) == {a.pk}  # typed in Simplified
    assert _ids(desk.get(QUEUE, {"speaker": "lin test-lung"})) == {a.pk}
    assert _ids(desk.get(QUEUE, {"article": a.article_id})) == {a.pk}


def test_queue_is_newest_article_first(desk):
    old = make_statement()
    new = make_statement()
    rows = list(desk.get(QUEUE).context["cl"].result_list)
    assert [r.pk for r in rows] == [new.pk, old.pk]


def test_queue_search_matches_both_scripts_and_english(desk):
    trad = make_statement(text="我們將持續與理念相近國家合作")
    simp = make_statement(text="我们将继续与理念相近国家合作")
    eng = make_statement(make_article('The minister said: "Wages will rise."'), text="Wages will rise.", language="en")
    assert _ids(desk.get(QUEUE, {"q": "國家合作"})) == {trad.pk, simp.pk}
    assert _ids(desk.get(QUEUE, {"q": "国家合作"})) == {trad.pk, simp.pk}
    assert _ids(desk.get(QUEUE, {"q": "wages"})) == {eng.pk}


def test_candidate_page_shows_context_marks_and_escapes_article_text(desk):
    body = "前一句<b>粗體</b>。再前一句。部長表示:「<script>alert(1)</script>要加薪」。後一句。再後一句。第三句。"
    article = make_article(body, outlet=make_outlet("<i>Outlet</i>"))
    text = "<script>alert(1)</script>要加薪"
    start = body.index(text)
    mention_start = body.index("部長")
    statement = Statement.objects.create(
        article=article, speaker=make_speaker("部長測試"), text=text, start=start, end=start + len(text),
        mention="部長", mention_start=mention_start, mention_end=mention_start + 2, kind="direct",
        venue="立法院", via=["中央社", "路透社"],
    )
    html = desk.get(f"{QUEUE}{statement.pk}/change/").content.decode()
    panel = html[html.index('id="desk-panel"'):]
    assert '<mark class="desk-span">&lt;script&gt;alert(1)&lt;/script&gt;要加薪</mark>' in panel
    assert '<mark class="desk-mention">部長</mark>' in panel
    assert "<script>alert(1)" not in html and "<b>粗體" not in html and "<i>Outlet" not in html
    assert "再前一句" in panel and "再後一句" in panel and "第三句" not in panel.split("desk-legend")[0]
    assert "中央社 → 路透社" in panel and "立法院" in panel


def test_accept_into_a_new_claim_with_own_wording(desk, checker):
    statement = make_statement()
    response = desk.post(f"{QUEUE}{statement.pk}/accept/",
                         {"claim": "new", "new_claim_text": "一個改寫過的主張", "claim_type": "promise"}, follow=True)
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.ACCEPTED and statement.reviewed_by == checker
    assert statement.claim.text == "一個改寫過的主張" and statement.claim.claim_type == "promise"
    assert any("Accepted" in m for m in _messages(response))


def test_accept_offers_existing_claims_and_links_to_the_chosen_one(desk):
    statement = make_statement(text="政府將提高基本工資", claim_key="kwage")
    existing = services.claim_create(text="政府将提高基本工资")
    html = desk.get(f"{QUEUE}{statement.pk}/change/").content.decode()
    assert f'name="claim" value="{existing.pk}" checked' in html
    assert "same text in the other script" in html
    desk.post(f"{QUEUE}{statement.pk}/accept/", {"claim": existing.pk})
    statement.refresh_from_db()
    assert statement.claim_id == existing.pk and Claim.objects.count() == 1


def test_after_a_review_the_next_candidate_of_the_article_opens(desk):
    body = "甲說:「第一句話很長」。乙說:「第二句話很長」。"
    article = make_article(body)
    first = make_statement(article, text="第一句話很長")
    second = make_statement(article, text="第二句話很長")
    response = desk.post(f"{QUEUE}{first.pk}/reject/", {"reason": "Not checkable", "reason_text": ""})
    assert response["Location"] == f"{QUEUE}{second.pk}/change/"
    first.refresh_from_db()
    assert first.review_state == ReviewState.REJECTED and first.reject_reason == "Not checkable"


def test_reject_prefers_a_typed_reason(desk):
    statement = make_statement()
    desk.post(f"{QUEUE}{statement.pk}/reject/", {"reason": "Wrong span", "reason_text": "誤植的標題"})
    statement.refresh_from_db()
    assert statement.reject_reason == "誤植的標題"


def test_fix_span_and_speaker_through_the_change_form(desk):
    statement = make_statement(make_article("部長表示:「要加薪了」。"), text="要加薪了")
    other = make_speaker("勞動部測試")
    start = statement.article.body.index("要加薪")
    response = desk.post(f"{QUEUE}{statement.pk}/change/",
                         {"speaker": other.pk, "start": start, "end": start + 3, "_continue": "1"})
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "要加薪" and statement.speaker == other
    assert statement.history.first().history_user.username == "checker"
    bad = desk.post(f"{QUEUE}{statement.pk}/change/", {"speaker": other.pk, "start": 5, "end": 999})
    assert bad.status_code == 200 and "article length" in bad.content.decode()


def test_speaker_autocomplete_matches_aliases_in_either_script(desk):
    lin = make_speaker("林測龍", aliases=("Lin Test-lung", "林部長測"))
    merged = make_speaker("林測龍舊")
    services.speaker_merge(source=merged, target=lin)
    url = reverse("admin:autocomplete")
    params = {"app_label": "claims", "model_name": "statement", "field_name": "speaker"}
    for term in ("林部长测", "lin test", "林測龍"):
        results = desk.get(url, {**params, "term": term}).json()["results"]
        assert str(lin.pk) in [r["id"] for r in results], term
        assert str(merged.pk) not in [r["id"] for r in results]


def test_split_through_the_desk(desk):
    statement = make_statement(make_article("部長表示:「政府將提高基本工資,並且延長育嬰假」。"),
                               text="政府將提高基本工資,並且延長育嬰假")
    response = desk.post(f"{QUEUE}{statement.pk}/split/", {"parts": "政府將提高基本工資\n延長育嬰假"}, follow=True)
    texts = set(Statement.objects.filter(article=statement.article).values_list("text", flat=True))
    assert texts == {"政府將提高基本工資", "延長育嬰假"}
    assert any("Split into 2" in m for m in _messages(response))
    bad = desk.post(f"{QUEUE}{statement.pk}/split/", {"parts": "不在裡面的字\n延長"}, follow=True)
    assert any("each part on its own line" in m for m in _messages(bad))


def test_bulk_accept_reject_and_merge(desk):
    a, b, c, d, e = (make_statement() for _ in range(5))
    desk.post(QUEUE, {"action": "accept_selected", "_selected_action": [a.pk, b.pk], "reason": ""})
    desk.post(QUEUE, {"action": "reject_selected", "_selected_action": [c.pk], "reason": "Duplicate"})
    desk.post(QUEUE, {"action": "merge_selected", "_selected_action": [d.pk, e.pk], "reason": ""})
    for row in (a, b, c, d, e):
        row.refresh_from_db()
    assert a.review_state == b.review_state == ReviewState.ACCEPTED and a.claim_id != b.claim_id
    assert c.review_state == ReviewState.REJECTED and c.reject_reason == "Duplicate"
    assert d.claim_id == e.claim_id is not None


def test_review_needs_permission(client, db):
    statement = make_statement()
    client.force_login(make_user("visitor"))  # staff without any group
    assert client.post(f"{QUEUE}{statement.pk}/accept/", {"claim": "new"}).status_code == 403
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.CANDIDATE


# --- speakers ----------------------------------------------------------------------------------


def test_new_speakers_wait_for_confirmation_and_can_be_confirmed(desk):
    proposed = make_speaker("新來的發言人")
    curated = make_speaker("老牌發言人", confirmed=True, origin="curated")
    page = desk.get("/admin/claims/speaker/", {"awaiting": "yes"})
    ids = _ids(page)
    assert proposed.pk in ids and curated.pk not in ids
    desk.post("/admin/claims/speaker/", {"action": "confirm_selected", "_selected_action": [proposed.pk]})
    proposed.refresh_from_db()
    assert proposed.confirmed


def test_alias_added_in_the_inline_goes_through_the_service(desk):
    speaker = make_speaker("測試者")
    aliases = list(speaker.aliases.all())
    data = {
        "name": speaker.name, "kind": "person", "title": "", "country": "", "wikidata_id": "",
        "aliases-TOTAL_FORMS": str(len(aliases) + 1), "aliases-INITIAL_FORMS": str(len(aliases)),
        "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000",
    }
    for i, alias in enumerate(aliases):
        data[f"aliases-{i}-id"] = alias.pk
        data[f"aliases-{i}-speaker"] = speaker.pk
    data[f"aliases-{len(aliases)}-alias"] = "測試先生"
    data[f"aliases-{len(aliases)}-speaker"] = speaker.pk
    response = desk.post(f"/admin/claims/speaker/{speaker.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    alias = speaker.aliases.get(alias="測試先生")
    assert alias.normalized == "测试先生" and alias.origin == "reviewer"


def test_merging_two_speakers_keeps_every_statement(desk):
    keep, dup = make_speaker("合併甲"), make_speaker("合併乙")
    s1, s2 = make_statement(speaker=keep), make_statement(speaker=dup)
    confirm = desk.post("/admin/claims/speaker/", {"action": "merge_selected", "_selected_action": [keep.pk, dup.pk]})
    assert confirm.status_code == 200 and "Choose the speaker to keep" in confirm.content.decode()
    desk.post("/admin/claims/speaker/", {"action": "merge_selected", "_selected_action": [keep.pk, dup.pk],
                                         "post": "yes", "target": keep.pk})
    dup.refresh_from_db()
    assert dup.merged_into_id == keep.pk
    assert set(Statement.objects.filter(speaker=keep).values_list("pk", flat=True)) == {s1.pk, s2.pk}
    assert services.speaker_find("合併乙") == keep


# --- claims and verdicts -----------------------------------------------------------------------


def _claim_with_statement(user) -> Claim:
    return services.statement_accept(make_statement(), user=user).claim


def test_claim_page_shows_statements_stances_and_verdict_history(desk, checker):
    claim = _claim_with_statement(checker)
    services.verdict_draft(claim=claim, user=checker, rating="false", explanation="查核說明")
    from claims.models import Stance

    Stance.objects.create(speaker=make_speaker("反對者測"), polarity="oppose", claim=claim, cue="這不是真的")
    html = desk.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    statement = claim.statements.get()
    assert statement.text in html and statement.speaker.name in html
    assert "Against (1)" in html and "反對者測" in html
    assert "False" in html and "Draft" in html and "checker" in html
    assert f"/admin/claims/verdict/add/?claim={claim.pk}" in html


def test_fact_checker_drafts_but_cannot_publish_and_editor_publishes(client, checker, editor):
    claim = _claim_with_statement(checker)
    client.force_login(checker)
    client.post("/admin/claims/verdict/add/", {
        "claim": claim.pk, "rating": "mostly_false", "summary": "大致錯誤", "explanation": "數字不符。",
        "evidence": "https://stats.example/table 主計總處\nhttps://law.example/x",
    })
    verdict = Verdict.objects.get()
    assert verdict.status == VerdictStatus.DRAFT and verdict.author == checker
    assert verdict.evidence_links == [{"url": "https://stats.example/table", "title": "主計總處"},
                                      {"url": "https://law.example/x", "title": "law.example"}]
    page = client.get(f"/admin/claims/verdict/{verdict.pk}/change/").content.decode()
    assert 'id="desk-publish"' not in page and "Only editors publish" in page

    refused = client.post(f"/admin/claims/verdict/{verdict.pk}/publish/", {"revision": verdict.revision}, follow=True)
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.DRAFT
    assert services.ERROR_PUBLISH_PERMISSION in _messages(refused)

    client.force_login(editor)
    assert 'id="desk-publish"' in client.get(f"/admin/claims/verdict/{verdict.pk}/change/").content.decode()
    client.post(f"/admin/claims/verdict/{verdict.pk}/publish/", {"revision": verdict.revision})
    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == VerdictStatus.PUBLISHED and verdict.published_by == editor
    assert claim.published and claim.current_verdict_id == verdict.pk


def test_a_stale_verdict_edit_is_refused(desk, checker):
    claim = _claim_with_statement(checker)
    verdict = services.verdict_draft(claim=claim, user=checker, rating="false", explanation="第一版")
    form = {"rating": "false", "summary": "", "explanation": "我的修改", "evidence": "", "revision": verdict.revision}
    services.verdict_update(verdict, user=checker, expected_revision=verdict.revision, explanation="別人的修改")
    response = desk.post(f"/admin/claims/verdict/{verdict.pk}/change/", form)
    assert response.status_code == 200
    assert services.ERROR_STALE_VERDICT in response.content.decode()
    verdict.refresh_from_db()
    assert verdict.explanation == "別人的修改"
    # With the current revision the same edit goes through.
    ok = desk.post(f"/admin/claims/verdict/{verdict.pk}/change/", {**form, "revision": verdict.revision})
    assert ok.status_code == 302
    verdict.refresh_from_db()
    assert verdict.explanation == "我的修改" and verdict.revision == 3


def test_bad_evidence_link_is_a_form_error(desk, checker):
    claim = _claim_with_statement(checker)
    response = desk.post("/admin/claims/verdict/add/", {"claim": claim.pk, "rating": "false", "explanation": "x",
                                                        "evidence": "javascript:alert(1)"})
    assert response.status_code == 200 and "Not a web address" in response.content.decode()
    assert not Verdict.objects.exists()


def test_claim_history_shows_who_and_can_revert(desk, checker):
    claim = services.claim_create(text="最初的說法", user=checker)
    desk.post(f"/admin/claims/claim/{claim.pk}/change/",
              {"text": "改過的說法", "claim_type": "factual", "language": "", "status": "unverified"})
    claim.refresh_from_db()
    assert claim.text == "改過的說法"
    history = desk.get(f"/admin/claims/claim/{claim.pk}/history/").content.decode()
    assert "checker" in history
    first = claim.history.order_by("history_date").first()
    page = desk.get(f"/admin/claims/claim/{claim.pk}/history/{first.history_id}/")
    assert page.status_code == 200 and "最初的說法" in page.content.decode()
    desk.post(f"/admin/claims/claim/{claim.pk}/history/{first.history_id}/",
              {"text": "最初的說法", "claim_type": "factual", "language": "", "status": "unverified"})
    claim.refresh_from_db()
    assert claim.text == "最初的說法"
    assert claim.history.count() == 3


def test_verdict_revert_applies_to_the_current_revision(desk, checker):
    claim = _claim_with_statement(checker)
    verdict = services.verdict_draft(claim=claim, user=checker, rating="false", explanation="第一版")
    services.verdict_update(verdict, user=checker, expected_revision=1, explanation="第二版", rating="true")
    first = verdict.history.order_by("history_date").first()
    desk.post(f"/admin/claims/verdict/{verdict.pk}/history/{first.history_id}/",
              {"rating": "false", "summary": "", "explanation": "第一版", "evidence": "", "revision": 1})
    verdict.refresh_from_db()
    assert verdict.explanation == "第一版" and verdict.rating == "false" and verdict.revision == 3


def test_claim_merge_action(desk, checker):
    keep = _claim_with_statement(checker)
    dup = _claim_with_statement(checker)
    desk.post("/admin/claims/claim/", {"action": "merge_selected", "_selected_action": [keep.pk, dup.pk]})
    dup.refresh_from_db()
    assert dup.merged_into_id == keep.pk
    assert keep.statements.count() == 2


def test_desk_pages_render_for_a_fact_checker(desk, checker):
    claim = _claim_with_statement(checker)
    verdict = services.verdict_draft(claim=claim, user=checker, rating="false", explanation="x")
    speaker = Speaker.objects.filter(statements__isnull=False).first()
    for url in ("/admin/", QUEUE, "/admin/claims/claim/", "/admin/claims/verdict/", "/admin/claims/speaker/",
                "/admin/claims/stance/", "/admin/sources/article/", "/admin/sources/article/add/",
                f"/admin/claims/verdict/{verdict.pk}/change/", f"/admin/claims/speaker/{speaker.pk}/change/",
                f"/admin/claims/verdict/{verdict.pk}/history/", "/admin/claims/verdict/add/"):
        response = desk.get(url)
        assert response.status_code == 200, url
        assert not re.search(r"Traceback|TemplateSyntaxError", response.content.decode()), url
