"""Search: folding and segmentation (no DB), claim_search across scripts and languages, filters, indexes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Q, Value
from django.urls import reverse

from claims import search, selectors, services
from claims.models import Claim, Verdict
from tests.factories import make_public_claim, make_speaker, make_statement, make_user, reverse_in


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def found(query: str, **filters) -> list[int]:
    return list(selectors.claim_search(query, **filters).values_list("pk", flat=True))


# --- text core ---------------------------------------------------------------------------------


def test_traditional_and_simplified_fold_to_the_same_search_text():
    assert search.search_text_for("臺灣對外貿易總額創新高") == search.search_text_for("台湾对外贸易总额创新高")


def test_search_text_holds_folded_text_tokens_bigrams_and_lowercase_latin():
    folded, tokens, grams = search.search_text_for("美國總統Trump說ＡＩ晶片關稅").split("\n")
    assert folded == "美国总统trump说ai晶片关税"
    assert {"美国", "总统", "trump", "ai", "晶片", "关税"} <= set(tokens.split())
    assert {"美国", "国总", "总统", "晶片", "片关", "关税"} <= set(grams.split())
    assert "trump" not in grams.split()


def test_query_matches_by_tokens_or_by_bigrams_and_latin_words_as_prefixes():
    parsed = search.parse_query("  臺灣總統 Vaccines ")
    assert parsed.folded == "台湾总统 vaccines"
    tsquery = parsed.tsquery()
    assert "'vaccines':*" in tsquery
    assert "'台湾' & '总统'" in tsquery and "'台湾' & '湾总' & '总统'" in tsquery
    assert not search.parse_query("!!! ，。")
    assert search.parse_query("!!! ，。").tsquery() == ""


@pytest.mark.django_db
def test_speaker_alias_stays_whole_in_the_segmenter():
    make_speaker("毛寧", aliases=("Mao Ning",))
    selectors.search_segmenter_sync()
    tokens = search.search_text_for("外交部發言人毛寧表示").split("\n")[1].split()
    assert "毛宁" in tokens


# --- claim_search ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_either_script_finds_both():
    hant = make_public_claim("臺灣的出口訂單連續成長十個月")
    hans = make_public_claim("国务院称经济运行总体平稳", language="zh-Hans")
    assert found("台湾出口订单") == [hant.pk]
    assert found("臺灣出口訂單") == [hant.pk]
    assert found("國務院 經濟運行") == [hans.pk]
    assert found("经济运行") == [hans.pk]


@pytest.mark.django_db
def test_english_search_ignores_case_and_finds_plural_forms():
    claim = make_public_claim("Vaccines cause autism in children", language="en")
    make_public_claim("Tariffs will lower grocery prices", language="en")
    assert found("VACCINES") == [claim.pk]
    assert found("vaccine autism") == [claim.pk]
    assert found("vaccines tariffs") == []


@pytest.mark.django_db
def test_substring_that_is_not_a_token_is_still_found():
    claim = make_public_claim("中華人民共和國外交部表示將採取反制措施")
    assert found("民共和") == [claim.pk]  # jieba never yields 民共和 as a token
    assert found("取反制") == [claim.pk]
    assert found("民共") == [claim.pk]  # two characters: a bigram, not a token


@pytest.mark.django_db
def test_search_covers_statement_words_and_speaker_aliases_in_other_languages():
    user = make_user(superuser=True)
    trump = make_speaker("Donald Trump", aliases=("川普", "特朗普", "Trump"))
    statement = make_statement(text="我們會讓墨西哥付錢蓋圍牆", speaker=trump)
    statement = services.statement_accept(statement, user=user, new_claim_text="墨西哥將支付邊境圍牆費用")
    verdict = services.verdict_draft(claim=statement.claim, user=user, rating="false", explanation="x")
    services.verdict_publish(verdict, user=user)
    pk = statement.claim_id
    assert found("付錢蓋圍牆") == [pk]  # only in the statement, not in the claim's wording
    assert found("特朗普") == [pk]
    assert found("川普 墨西哥") == [pk]
    assert found("trump") == [pk]


@pytest.mark.django_db
def test_unpublished_claims_and_draft_verdicts_are_never_found():
    user = make_user(superuser=True)
    statement = services.statement_accept(make_statement(text="只有內部看得到的說法"), user=user)
    services.verdict_draft(claim=statement.claim, user=user, rating="true", explanation="祕密草稿理由")
    public = make_public_claim("公開的說法", user=user)
    services.verdict_draft(claim=public, user=user, rating="true", explanation="另一個祕密草稿理由")
    assert found("內部看得到") == []
    assert found("祕密草稿") == []
    assert statement.claim_id not in found("")


@pytest.mark.django_db
def test_rejecting_a_statement_removes_its_words_from_the_claim():
    user = make_user(superuser=True)
    claim = make_public_claim("颱風明天登陸", user=user)
    extra = services.statement_accept(make_statement(text="颱風會帶來豪雨特報"), user=user, claim=claim)
    assert found("豪雨特報") == [claim.pk]
    services.statement_reject(extra, user=user)
    assert found("豪雨特報") == []


@pytest.mark.django_db
def test_filters_rating_language_speaker_and_dates():
    user = make_user(superuser=True)
    speaker = make_speaker("張三")
    a = make_public_claim("核電廠延役安全無虞", speaker=speaker, rating="true", user=user)
    b = make_public_claim("Nuclear plants are unsafe", language="en", rating="false", user=user)
    c = make_public_claim("核電廠已經全部關閉", language="zh-Hans", rating="false", user=user)
    assert set(found("", rating="false")) == {b.pk, c.pk}
    assert set(found("", language="zh")) == {a.pk, c.pk}
    assert found("", language="en") == [b.pk]
    assert found("核電廠", speaker=speaker) == [a.pk]
    assert found("", speaker=speaker.pk) == [a.pk]
    # Date filters read the verdict's publication date.
    Verdict.objects.filter(pk=a.current_verdict_id).update(published_at=dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC))
    assert found("核電廠", date_to=dt.date(2024, 12, 31)) == [a.pk]
    assert found("核電廠", date_from=dt.date(2025, 1, 1)) == [c.pk]


@pytest.mark.django_db
def test_exact_matches_come_first():
    exact = make_public_claim("台中的房價又漲了")
    loose = make_public_claim("台中的收入與台北的房價")
    results = found("台中的房價")
    assert results[0] == exact.pk  # although the other claim is newer
    if connection.vendor == "postgresql":
        assert loose.pk in results  # every bigram appears, not contiguously: still a match


@pytest.mark.django_db
def test_search_page_lists_matches_and_keeps_the_query(client):
    claim = make_public_claim("捷運票價明年調漲")
    make_public_claim("公車路線將全面改點")
    response = client.get(reverse_in("claims:search"), {"q": "捷运票价"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "捷運票價明年調漲" in html and "公車路線" not in html
    assert 'value="捷运票价"' in html
    assert "1 claim matches" in html
    assert reverse_in("claims:claim-detail", pk=claim.pk, slug=claim.slug) in html  # in the page's language


@pytest.mark.django_db
def test_search_page_with_an_invalid_filter_still_answers(client):
    make_public_claim("一則普通的說法")
    response = client.get(reverse("claims:search"), {"q": "說法", "rating": "nonsense", "date_from": "yesterday"})
    assert response.status_code == 200
    assert "一則普通的說法" in response.content.decode()


# --- PostgreSQL indexes ------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db
def test_search_indexes_exist_and_are_used():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename IN ('claims_claim', 'claims_statement')")
        names = {row[0] for row in cursor.fetchall()}
    assert {"claim_search_vector_idx", "statement_search_tsv_idx", "claim_search_trgm_idx"} <= names
    make_public_claim("索引測試用的說法")
    parsed = search.parse_query("索引測試")
    # The same expressions claim_search filters on; the planner may only pick the indexes if they match.
    qs = Claim.objects.filter(
        Q(search_text__contains=parsed.folded) | Q(selectors.search._VectorMatch("search_text", Value(parsed.tsquery())))
    ).only("id")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = qs.explain()
    assert "claim_search_vector_idx" in plan
    assert "claim_search_trgm_idx" in plan
    assert list(qs.values_list("text", flat=True)) == ["索引測試用的說法"]


@pytest.mark.django_db
def test_search_page_counts_at_most_the_cap_and_says_so(client, monkeypatch):
    monkeypatch.setattr(selectors.search, "SEARCH_COUNT_CAP", 2)
    user = make_user(superuser=True)
    claims = [make_public_claim(f"颱風第{i}次登陸東部", user=user) for i in range(4)]
    n, more = selectors.search_count(selectors.claim_search("颱風"), cap=2)
    assert (n, more) == (2, True)
    assert selectors.search_count(selectors.claim_search("颱風"), cap=10) == (4, False)
    html = client.get(reverse_in("claims:search"), {"q": "颱風"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2+ claims match" in html
    assert claims[-1].text in html  # the newest match is on the first page
