"""Public pages end to end through the HTTP client: content, leaks, escaping, caching, query counts, i18n."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse, translate_url
from django.utils import timezone, translation

from claims import services
from claims.models import Polarity, ReviewState, Speaker, Stance
from tests.factories import (
    make_article,
    make_outlet,
    make_public_claim,
    make_speaker,
    make_statement,
    make_user,
    reverse_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Each published claim makes an editor; the default hasher costs ~0.5 s a user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]



def en(url: str) -> str:
    """The same public page in the English interface (the language is in the path)."""
    with translation.override(translation.get_language_from_path(url)):
        return translate_url(url, "en")


def hans(url: str) -> str:
    with translation.override(translation.get_language_from_path(url)):
        return translate_url(url, "zh-hans")


def claim_url(claim) -> str:
    """The claim's page in the default interface language (zh-hant), whatever the last request activated."""
    with translation.override("zh-hant"):
        return reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})


def speaker_url(speaker) -> str:
    with translation.override("zh-hant"):
        return reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug})


def test_claim_page_shows_who_said_it_when_where_and_the_verdict(client):
    outlet = make_outlet("中央社", home_url="https://www.cna.com.tw/")
    speaker = make_speaker("卓榮泰", title="行政院長")
    claim = make_public_claim(
        "今年經濟成長率將超過百分之三",
        speaker=speaker,
        outlet=outlet,
        url="https://www.cna.com.tw/news/1.aspx",
        said_on=dt.date(2025, 3, 4),
        rating="mostly_false",
        summary="主計總處預估為百分之二點九",
    )
    statement = claim.statements.get()
    services.statement_update(statement, user=make_user(superuser=True))  # no-op edit keeps it valid
    response = client.get(en(claim_url(claim)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "今年經濟成長率將超過百分之三" in html
    assert "Mostly false" in html
    assert "主計總處預估為百分之二點九" in html
    assert "卓榮泰" in html and "行政院長" in html
    assert "2025-03-04" in html
    assert 'href="https://www.cna.com.tw/news/1.aspx"' in html
    assert "中央社" in html
    assert "Chinese (Traditional)" in html
    assert en(speaker_url(speaker)) in html
    assert en(reverse("claims:article-detail", kwargs={"pk": statement.article_id})) in html


def test_wrong_or_missing_slug_redirects_to_the_canonical_address(client):
    claim = make_public_claim("臺灣的失業率創下新低")
    assert claim.slug != "wrong"
    response = client.get(reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": "wrong"}))
    assert response.status_code == 301
    assert response["Location"] == claim_url(claim)
    response = client.get(reverse("claims:claim-short", kwargs={"pk": claim.pk}))
    assert response.status_code == 301
    assert response["Location"] == claim_url(claim)
    assert client.get(response["Location"]).status_code == 200


def test_unpublished_claim_is_404_by_any_url_and_absent_from_lists(client):
    user = make_user(superuser=True)
    statement = services.statement_accept(make_statement(text="尚未查核的秘密說法"), user=user)
    claim = statement.claim
    services.verdict_draft(claim=claim, user=user, rating="false", explanation="DRAFT-ONLY-EXPLANATION")
    assert client.get(claim_url(claim)).status_code == 404
    assert client.get(reverse("claims:claim-short", kwargs={"pk": claim.pk})).status_code == 404
    assert client.get(reverse("claims:article-detail", kwargs={"pk": statement.article_id})).status_code == 404
    assert client.get(speaker_url(statement.speaker)).status_code == 404
    for url in (reverse("claims:home"), reverse("claims:search") + "?q=秘密說法"):
        html = client.get(url).content.decode()
        assert "尚未查核的秘密說法" not in html
        assert "DRAFT-ONLY-EXPLANATION" not in html


def test_draft_verdict_never_shows_on_a_published_claim(client):
    user = make_user(superuser=True)
    claim = make_public_claim("核四重啟只需要兩年", rating="false", explanation="PUBLISHED-EXPLANATION", user=user)
    services.verdict_draft(claim=claim, user=user, rating="true", summary="DRAFT-SUMMARY", explanation="DRAFT-TEXT")
    for response in (client.get(en(claim_url(claim))), client.get(en(reverse("claims:home")))):
        html = response.content.decode()
        assert "DRAFT-SUMMARY" not in html and "DRAFT-TEXT" not in html
    html = client.get(en(claim_url(claim))).content.decode()
    assert "PUBLISHED-EXPLANATION" in html
    assert '"alternateName": "錯誤"' in html and '"name": "False"' in html


def test_verdict_change_log_lists_the_earlier_published_verdict(client):
    user = make_user(superuser=True)
    claim = make_public_claim("電價明年不會調漲", rating="true", summary="FIRST-SUMMARY", user=user)
    second = services.verdict_draft(claim=claim, user=user, rating="false", summary="SECOND-SUMMARY", explanation="x")
    services.verdict_publish(second, user=user)
    html = client.get(en(claim_url(claim))).content.decode()
    assert "SECOND-SUMMARY" in html
    assert "Changed once before" in html
    assert "FIRST-SUMMARY" in html


def test_rejected_and_candidate_statements_never_appear_on_speaker_or_article_pages(client):
    user = make_user(superuser=True)
    speaker = make_speaker("王小明")
    article = make_article('王小明說:「公開的一句話」。他又說:「被拒絕的一句話」。還說:「待審的一句話」。')
    public = make_statement(article, text="公開的一句話", speaker=speaker)
    rejected = make_statement(article, text="被拒絕的一句話", speaker=speaker)
    make_statement(article, text="待審的一句話", speaker=speaker)
    services.statement_accept(public, user=user)
    services.statement_accept(rejected, user=user)
    services.statement_reject(rejected, user=user, reason="not a claim")
    public.refresh_from_db()
    verdict = services.verdict_draft(claim=public.claim, user=user, rating="true", explanation="ok")
    services.verdict_publish(verdict, user=user)
    for url in (speaker_url(speaker), reverse("claims:article-detail", kwargs={"pk": article.pk})):
        html = client.get(url).content.decode()
        assert "公開的一句話" in html
        assert "被拒絕的一句話" not in html
        assert "待審的一句話" not in html


def test_speaker_with_only_rejected_statements_has_no_page(client):
    user = make_user(superuser=True)
    speaker = make_speaker("只被拒絕的人")
    statement = make_statement(text="沒有人會看到這句", speaker=speaker)
    services.statement_accept(statement, user=user)
    services.statement_reject(statement, user=user)
    assert client.get(speaker_url(speaker)).status_code == 404


def test_article_page_quotes_excerpts_never_the_full_text(client):
    outlet = make_outlet("Example Daily")
    claim = make_public_claim(
        "Unemployment fell to 3 percent",
        language="en",
        outlet=outlet,
        url="https://example.com/a",
        context="FULL-ARTICLE-BODY-SENTENCE that only the publisher may show. ",
    )
    statement = claim.statements.get()
    html = client.get(en(reverse("claims:article-detail", kwargs={"pk": statement.article_id}))).content.decode()
    assert "Unemployment fell to 3 percent" in html
    assert "FULL-ARTICLE-BODY-SENTENCE" not in html
    assert 'href="https://example.com/a"' in html
    assert "Example Daily" in html


def test_script_in_a_quote_renders_as_text(client):
    claim = make_public_claim('<script>alert(1)</script> & "quotes"', language="en")
    speaker = claim.statements.get().speaker
    urls = [
        claim_url(claim),
        reverse("claims:home"),
        reverse("claims:search") + "?q=alert",
        speaker_url(speaker),
        reverse("claims:article-detail", kwargs={"pk": claim.statements.get().article_id}),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_search_query_is_escaped(client):
    html = client.get(reverse("claims:search"), {"q": '"><img src=x onerror=alert(1)>'}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_javascript_links_are_not_rendered_as_links(client):
    user = make_user(superuser=True)
    claim = make_public_claim("一個有證據的說法", url="javascript:alert(1)", user=user)
    verdict = services.verdict_draft(
        claim=claim, user=user, rating="true", explanation="e",
        evidence_links=[{"url": "javascript:alert(2)", "title": "bad"}, {"url": "https://data.gov.tw/x", "title": "ok"}],
    )
    services.verdict_publish(verdict, user=user)
    html = client.get(claim_url(claim)).content.decode()
    assert "javascript:" not in html
    assert 'href="https://data.gov.tw/x"' in html


def _busy_claim(tag: str, n_statements: int, n_stances: int):
    user = make_user(superuser=True)
    claim = make_public_claim(f"兩岸貿易額去年創下新高{tag}", user=user)
    for i in range(n_statements):
        outlet = make_outlet(f"報社{tag}{i}")
        quote = f"兩岸貿易額去年創下新高{tag}{i}"
        article = make_article(f"第{i}篇報導。官員{i}表示:「{quote}」。", outlet=outlet, url=f"https://n.example/{tag}{i}")
        statement = make_statement(article, text=quote, speaker=make_speaker(f"官員{tag}{i}"))
        services.statement_accept(statement, user=user, claim=claim)
    for i in range(n_stances):
        article = make_article(f"評論{tag}{i}:學者{i}認為這個說法不對。")
        stance = Stance.objects.create(
            speaker=make_speaker(f"學者{tag}{i}"), polarity=Polarity.OPPOSE if i % 2 else Polarity.SUPPORT,
            claim=claim, article=article, cue=f"學者{i}認為", said_on=dt.date(2025, 1, 1 + i % 28),
        )
        services.stance_review(stance, user=user, accept=True)
    return claim


def test_claim_page_query_count_does_not_grow_with_statements_and_stances(client, django_assert_max_num_queries):
    small = _busy_claim("甲", 1, 1)
    with django_assert_max_num_queries(8) as small_queries:
        assert client.get(claim_url(small)).status_code == 200
    big = _busy_claim("乙", 30, 20)
    with django_assert_max_num_queries(8) as big_queries:
        response = client.get(claim_url(big))
    assert response.status_code == 200
    assert len(big_queries.captured_queries) == len(small_queries.captured_queries)
    html = response.content.decode()
    assert html.count('class="statement"') == 31
    assert html.count('class="stance"') == 20


def test_claim_page_is_cacheable_and_a_new_verdict_changes_the_validator(client):
    user = make_user(superuser=True)
    claim = make_public_claim("油價下個月會下跌", user=user)
    url = claim_url(claim)
    first = client.get(url)
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    assert "Accept-Language" in first["Vary"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304

    verdict = services.verdict_draft(claim=claim, user=user, rating="true", explanation="new evidence")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # a draft changes nothing public
    services.verdict_publish(verdict, user=user)
    after = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag


def test_accepting_another_statement_changes_the_validator(client):
    user = make_user(superuser=True)
    claim = make_public_claim("新冠疫苗含有晶片", user=user)
    etag = client.get(claim_url(claim))["ETag"]
    statement = make_statement(text="新冠疫苗含有晶片啊")
    services.statement_accept(statement, user=user, claim=claim)
    response = client.get(claim_url(claim), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "新冠疫苗含有晶片啊" in response.content.decode()


def test_validator_differs_by_interface_language(client):
    claim = make_public_claim("這是一個測試說法")
    assert client.get(en(claim_url(claim)))["ETag"] != client.get(hans(claim_url(claim)))["ETag"]


def test_interface_follows_the_browser_and_simplified_readers_get_converted_claims(client):
    claim = make_public_claim("臺灣經濟發展與對外貿易")
    html_en = client.get(en(claim_url(claim))).content.decode()
    assert "Who said it" in html_en
    html_hant = client.get(claim_url(claim)).content.decode()
    assert "誰說的" in html_hant
    assert "<h1" in html_hant and "臺灣經濟發展與對外貿易</h1>" in html_hant
    html_hans = client.get(hans(claim_url(claim))).content.decode()
    assert "谁说的" in html_hans
    assert "台湾经济发展与对外贸易</h1>" in html_hans
    assert "「臺灣經濟發展與對外貿易」" not in html_hans  # sanity: quote form not used
    assert "臺灣經濟發展與對外貿易" in html_hans  # the quote itself stays as it was said


def test_language_switch_sets_the_cookie_and_stays_on_this_site(client):
    claim = make_public_claim("語言切換測試說法")
    response = client.get(reverse("claims:set-language", kwargs={"code": "en"}), {"next": claim_url(claim)})
    assert response.status_code == 302
    assert response["Location"] == en(claim_url(claim))  # the same page, in the chosen language
    assert response.cookies["django_language"].value == "en"
    assert "Who said it" in client.get(response["Location"]).content.decode()
    # The cookie picks the language of an old unprefixed address.
    old = client.get(claim_url(claim).removeprefix("/zh-hant"))
    assert old.status_code == 302 and old["Location"] == en(claim_url(claim))
    evil = client.get(reverse("claims:set-language", kwargs={"code": "zh-hans"}), {"next": "https://evil.example/"})
    assert evil["Location"] == "/zh-hans/"
    assert client.get(reverse("claims:set-language", kwargs={"code": "xx"})).status_code == 404


def test_home_lists_latest_published_verdicts_with_filters(client):
    old = make_public_claim("舊的說法", rating="true")
    new = make_public_claim("Newer English claim", language="en", rating="false")
    html = client.get(en(reverse("claims:home"))).content.decode()
    assert html.index("Newer English claim") < html.index("舊的說法")
    assert 'name="rating"' in html and 'name="speaker"' in html and 'name="language"' in html
    assert 'name="date_from"' in html
    filtered = client.get(en(reverse("claims:search")), {"rating": "true"}).content.decode()
    assert "舊的說法" in filtered and "Newer English claim" not in filtered
    by_language = client.get(en(reverse("claims:search")), {"language": "en"}).content.decode()
    assert "Newer English claim" in by_language and "舊的說法" not in by_language
    assert old.pk != new.pk


def test_speaker_page_lists_statements_and_rating_counts_with_a_note(client):
    speaker = make_speaker("李四", title="立法委員")
    make_public_claim("第一個說法是假的", speaker=speaker, rating="false", said_on=dt.date(2025, 1, 2))
    make_public_claim("第二個說法也是假的", speaker=speaker, rating="false", said_on=dt.date(2025, 2, 3))
    make_public_claim("第三個說法是真的", speaker=speaker, rating="true", said_on=dt.date(2025, 3, 4))
    response = client.get(en(speaker_url(speaker)))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("第三個說法是真的") < html.index("第一個說法是假的")  # newest first
    assert "cover only the 3 claims we checked" in html
    assert "<strong>2</strong>" in html and "<strong>1</strong>" in html


def test_registry_speaker_page_shows_name_and_title_in_each_regions_usage(client):
    """A registry speaker's page uses the registry's Taiwan forms on /zh-hant/ and its mainland forms
    on /zh-hans/ (display and title_zh in speakers.json), not an OpenCC conversion of one into the
    other: the Simplified page says 澳大利亚总理, never 澳洲总理."""
    speaker = Speaker.objects.get(registry_key="albanese")
    make_public_claim("澳洲不會在關稅問題上讓步", speaker=speaker)
    pages = {
        language: client.get(reverse_in("claims:speaker-detail", language, pk=speaker.pk, slug=speaker.slug))
        for language in ("zh-hant", "zh-hans", "en")
    }
    assert {language: response.status_code for language, response in pages.items()} == dict.fromkeys(pages, 200)
    hant, hans, english = (pages[language].content.decode() for language in ("zh-hant", "zh-hans", "en"))
    assert "<h1>艾班尼斯</h1>" in hant and '<p class="muted">澳洲總理</p>' in hant
    assert "澳大利亞總理" not in hant and "Prime Minister of Australia" not in hant
    assert "<h1>阿尔巴尼斯</h1>" in hans and '<p class="muted">澳大利亚总理</p>' in hans
    assert "澳洲总理" not in hans and "艾班尼斯" not in hans
    assert "<h1>Anthony Albanese</h1>" in english and "Prime Minister of Australia" in english


def test_merged_claim_redirects_to_its_target(client):
    user = make_user(superuser=True)
    target = make_public_claim("合併後留下的說法", user=user)
    source = make_public_claim("被合併的重複說法", user=user)
    services.claim_merge(source=source, target=target, user=user)
    response = client.get(claim_url(source))
    assert response.status_code == 301
    assert response["Location"] == claim_url(target)


def test_stance_map_shows_supporters_and_opposers_with_their_words(client):
    user = make_user(superuser=True)
    claim = make_public_claim("核廢料可以安全存放", user=user)
    article = make_article("甲說這沒錯;乙說這是錯的;丙的意見還沒審。", published_at=timezone.now())
    for name, polarity, cue, accept in [
        ("支持者甲", Polarity.SUPPORT, "甲說這沒錯", True),
        ("反對者乙", Polarity.OPPOSE, "乙說這是錯的", True),
        ("未審者丙", Polarity.SUPPORT, "丙的意見還沒審", None),
    ]:
        stance = Stance.objects.create(speaker=make_speaker(name), polarity=polarity, claim=claim, article=article, cue=cue)
        if accept:
            services.stance_review(stance, user=user, accept=True)
    html = client.get(en(claim_url(claim))).content.decode()
    support_col = html[html.index("stance-map__col--support"):html.index("stance-map__col--oppose")]
    assert "支持者甲" in support_col and "甲說這沒錯" in support_col
    assert "反對者乙" in html[html.index("stance-map__col--oppose"):]
    assert "未審者丙" not in html and ReviewState.CANDIDATE


@pytest.mark.django_db
def test_home_is_served_from_the_public_cache_until_a_verdict_is_published(client, django_assert_num_queries):
    from tests.factories import make_published_claim

    first = make_published_claim("第一個公開的說法")
    home = reverse("claims:home")
    assert "第一個公開的說法" in client.get(home).content.decode()
    with django_assert_num_queries(0):
        assert "第一個公開的說法" in client.get(home).content.decode()
    make_published_claim("第二個公開的說法")  # publishing retires every cached public page
    body = client.get(home).content.decode()
    assert "第一個公開的說法" in body and "第二個公開的說法" in body
    services.claim_unpublish(first, user=make_user(superuser=True))
    assert "第一個公開的說法" not in client.get(home).content.decode()
