"""Public stances show the holder's own words with cue, date and outlet (issue 13 item 5).

Seen on main: Peskov shown saying 「回應」 (the cue verb, as if it were his words) with a dangling
"· 看中國" and no date. Our own sentences below.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from claims import selectors, services
from claims.models import Polarity, Stance
from tests.factories import make_article, make_outlet, make_public_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-Hant"}
SENTENCE = "對此,克宮發言人佩測夫回應說,俄方絕不接受這項停火提議。"
BODY = "停火提議昨天公布。" + SENTENCE + "他還說會再研究。"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _claim_url(claim) -> str:
    return reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug})


def _stance(claim, *, body=BODY, cue="回應", outlet=None, published_at=None, said_on=None, with_offsets=True,
            holder_words: str | None = None, user):
    article = make_article(body, outlet=outlet, published_at=published_at)
    speaker = make_speaker("佩測夫")
    if holder_words is not None:
        make_statement(article, text=holder_words, speaker=speaker)
    at = body.index(cue)
    stance = Stance.objects.create(
        speaker=speaker, polarity=Polarity.OPPOSE, claim=claim, article=article, cue=cue, said_on=said_on,
        cue_start=at if with_offsets else None, cue_end=at + len(cue) if with_offsets else None,
    )
    services.stance_review(stance, user=user, accept=True)
    return stance


def _stance_items(html: str) -> list[str]:
    return re.findall(r'<li class="stance">(.*?)</li>', html, re.S)


def _meta_texts(item: str) -> list[str]:
    """The visible pieces of the meta line (cue, date, outlet), in order."""
    meta = item[item.index('class="muted stance-meta"'):]
    return [re.sub(r"<[^>]+>", "", piece).strip() for piece in
            re.findall(r"<(?:span class=\"stance-cue\"|time[^>]*|a[^>]*|span)>(.*?)</(?:span|time|a)>", meta)]


def test_the_sentence_holding_the_cue_is_shown_with_cue_date_and_outlet(client):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    _stance(claim, outlet=make_outlet("看測國"), published_at=dt.datetime(2025, 2, 13, 3, 0, tzinfo=dt.UTC), user=user)
    html = client.get(_claim_url(claim), **ZH).content.decode()
    [item] = _stance_items(html)
    quoted = re.search(r'<q class="stance-words"[^>]*>(.*?)</q>', item).group(1)
    assert quoted == SENTENCE  # his words, not 「回應」
    assert "回應" in _meta_texts(item)[0]  # the cue, labelled as the cue
    assert "2025-02-13" in item and "看測國" in item
    assert "·" not in item  # separators come from CSS between present items only: none can dangle


def test_the_holders_statement_span_wins_over_the_sentence(client):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    _stance(claim, holder_words="俄方絕不接受這項停火提議", user=user, said_on=dt.date(2025, 2, 14))
    html = client.get(_claim_url(claim), **ZH).content.decode()
    [item] = _stance_items(html)
    assert re.search(r'<q class="stance-words"[^>]*>(.*?)</q>', item).group(1) == "俄方絕不接受這項停火提議"
    assert "2025-02-14" in item


def test_without_offsets_or_outlet_the_cue_is_never_shown_as_words_and_nothing_dangles(client):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    _stance(claim, with_offsets=False, user=user)
    html = client.get(_claim_url(claim), **ZH).content.decode()
    [item] = _stance_items(html)
    assert '<q class="stance-words"' not in item  # no words found: no quote, rather than the cue as a quote
    assert "回應" in item and "·" not in item


def test_speaker_and_article_pages_show_the_words_too(client):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    stance = _stance(claim, outlet=make_outlet("看測國"), user=user)
    for url in (reverse("claims:speaker-detail", kwargs={"pk": stance.speaker.pk, "slug": stance.speaker.slug}),
                reverse("claims:article-detail", kwargs={"pk": stance.article_id})):
        html = client.get(url, **ZH).content.decode()
        assert f'<q class="stance-words" lang="zh-Hant">{SENTENCE}</q>' in html, url


def test_words_for_a_list_take_two_queries_whatever_its_length(django_assert_max_num_queries):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    for i in range(6):
        _stance(claim, body=f"第{i}段。" + BODY, user=user, holder_words="俄方絕不接受這項停火提議" if i % 2 else None)
    stances = list(selectors.claim_public_stances(claim))
    with django_assert_max_num_queries(2):
        rows = selectors.stance_words_attach(stances)
    assert [s.words for s in rows].count(SENTENCE) == 3
    assert [s.words for s in rows].count("俄方絕不接受這項停火提議") == 3


def test_a_rejected_statement_of_the_holder_is_not_taken_as_their_words(client):
    user = make_user(superuser=True)
    claim = make_public_claim("俄方接受停火提議", user=user)
    stance = _stance(claim, holder_words="俄方絕不接受這項停火提議", user=user)
    statement = stance.article.statements.get()
    services.statement_reject(statement, user=user, reason="Wrong speaker")
    [row] = selectors.stance_words_attach(selectors.claim_public_stances(claim))
    assert row.words == SENTENCE
