"""Search that knows every name: any alias, script or language of a speaker finds the same claims
(issue 13 item 4), in the selector, the public search page and both API searches."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from claims import search, selectors, services
from claims.extraction.normalize import normalize_alias
from claims.models import Claim, Speaker, SpeakerAlias
from tests.factories import make_public_claim, make_speaker, make_user

# Query groups that must return identical results: every written form of one speaker.
NAME_GROUPS = {
    "Vladimir Putin": ("普京", "普丁", "蒲亭", "Putin", "PUTIN", "Vladimir Putin"),
    "Donald Trump": ("川普", "特朗普", "Trump"),
    "Dmitry Peskov": ("佩斯科夫", "培斯科夫", "Peskov"),
    "NATO": ("北約", "北约", "NATO"),
}

# Our own sentences: (speaker who made it or None, language, claim wording). Each names its
# subject with one spelling only; one Putin claim names him not at all (he is its speaker).
CLAIMS = {
    "Vladimir Putin": [
        (None, "zh-Hant", "普丁宣稱俄羅斯從未轟炸民用設施"),
        (None, "zh-Hans", "普京说制裁对俄罗斯经济毫无影响"),
        (None, "zh-Hant", "蒲亭表示糧食協議一直被遵守"),
        (None, "en", "Putin claimed the grain corridor was never closed"),
        ("self", "zh-Hant", "俄軍只打擊軍事目標而已"),
    ],
    "Donald Trump": [
        (None, "zh-Hant", "川普說關稅全部由外國支付"),
        (None, "zh-Hans", "特朗普称美国经济是史上最好"),
        (None, "en", "Trump said the border wall was finished"),
    ],
    "Dmitry Peskov": [
        (None, "zh-Hant", "佩斯科夫表示克宮不評論傳言"),
        (None, "zh-Hans", "培斯科夫否认谈判已经破裂"),
        (None, "en", "Peskov denied that the talks had stalled"),
    ],
    "NATO": [
        (None, "zh-Hant", "北約曾承諾不再向東擴張"),
        (None, "zh-Hans", "北约军费总额创下新高"),
        (None, "en", "NATO troops are stationed inside Ukraine"),
    ],
}

# Claims no group may find: no names, and words that merely contain a name's letters.
DECOYS = [
    ("zh-Hant", "颱風明天將在花蓮登陸"),
    ("en", "The senator said the budget would balance"),
    ("en", "Computing prices rose in the first quarter"),
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _speaker_with(name: str, aliases: tuple[str, ...]) -> Speaker:
    """The speaker known by ``aliases`` (the registry may already hold it), with every one of them."""
    known = SpeakerAlias.objects.filter(normalized=normalize_alias(aliases[0]), speaker__merged_into=None).first()
    speaker = known.speaker if known else make_speaker(name, kind="organisation" if name == "NATO" else "person")
    for alias in (name, *aliases):
        services.speaker_alias_add(speaker, alias)
    return speaker


@pytest.fixture
def named_claims(db) -> dict[str, set[int]]:
    user = make_user(superuser=True)
    speakers = {name: _speaker_with(name, aliases) for name, aliases in NAME_GROUPS.items()}
    out: dict[str, set[int]] = {}
    for name, rows in CLAIMS.items():
        for who, language, text in rows:
            speaker = speakers[name] if who == "self" else None
            claim = make_public_claim(text, language=language, speaker=speaker, user=user)
            out.setdefault(name, set()).add(claim.pk)
    for language, text in DECOYS:
        make_public_claim(text, language=language, user=user)
    return out


def _page_ids(html: str) -> list[int]:
    """Claim ids in the order the search page lists them."""
    marker = reverse("claims:claim-detail", kwargs={"pk": 999999, "slug": "x"}).split("999999")[0]
    pattern = re.compile(re.escape(marker) + r"(\d+)-")
    return list(dict.fromkeys(int(m.group(1)) for m in pattern.finditer(html)))


def test_the_index_carries_the_speakers_a_claim_names(named_claims):
    putin = SpeakerAlias.objects.get(normalized=normalize_alias("普丁")).speaker_id
    token = search.speaker_token(putin)
    tagged = set(Claim.objects.filter(search_text__contains=token).values_list("pk", flat=True))
    assert tagged == named_claims["Vladimir Putin"]


def test_a_name_in_the_query_also_matches_its_speakers_token(db):
    speaker = _speaker_with("Dmitry Peskov", NAME_GROUPS["Dmitry Peskov"])
    parsed = selectors.claim_search_parse("培斯科夫 談判")
    assert parsed.clauses[0].names == (search.speaker_token(speaker.pk),)
    assert not parsed.clauses[1].names
    assert not parsed.only_names
    assert search.speaker_token(speaker.pk) in parsed.tsquery()
    # A lower-case short word is not the organisation spelled in capitals ("nato" vs NATO).
    _speaker_with("NATO", NAME_GROUPS["NATO"])
    assert not selectors.claim_search_parse("nato").only_names
    assert selectors.claim_search_parse("NATO").only_names


def test_every_alias_finds_the_same_claims_in_the_selector(named_claims):
    for group in NAME_GROUPS:
        _same_in_selector(named_claims, group)


def _same_in_selector(named_claims, group):
    results = {q: list(selectors.claim_search(q).values_list("pk", flat=True)) for q in NAME_GROUPS[group]}
    first = results[NAME_GROUPS[group][0]]
    assert set(first) == named_claims[group]
    for query, found in results.items():
        assert found == first, query


def test_every_alias_finds_the_same_claims_on_the_search_page(client, named_claims):
    for group in NAME_GROUPS:
        _same_on_page(client, named_claims, group)


def _same_on_page(client, named_claims, group):
    pages = {}
    for query in NAME_GROUPS[group]:
        response = client.get(reverse("claims:search"), {"q": query}, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200
        pages[query] = _page_ids(response.content.decode())
    first = pages[NAME_GROUPS[group][0]]
    assert set(first) == named_claims[group]
    assert all(ids == first for ids in pages.values()), pages


def test_every_alias_finds_the_same_claims_in_both_apis(named_claims):
    for group in NAME_GROUPS:
        _same_in_apis(named_claims, group)


def _same_in_apis(named_claims, group):
    api = APIClient()
    lists, searches = {}, {}
    for query in NAME_GROUPS[group]:
        body = api.get(reverse("v1:claim-list"), {"q": query}).json()
        lists[query] = [c["id"] for c in body["results"]]
        body = api.get(reverse("v1:claim-search"), {"query": query}).json()
        searches[query] = [c["claimReview"][0]["url"] for c in body["claims"]]
    first = lists[NAME_GROUPS[group][0]]
    assert set(first) == named_claims[group]
    assert all(ids == first for ids in lists.values()), lists
    first_urls = searches[NAME_GROUPS[group][0]]
    assert len(first_urls) == len(named_claims[group])
    assert all(urls == first_urls for urls in searches.values()), searches


def test_a_name_with_other_words_still_needs_the_other_words(named_claims):
    [claim] = named_claims["Donald Trump"] & set(selectors.claim_search("川普 關稅").values_list("pk", flat=True))
    assert list(selectors.claim_search("Trump 關稅").values_list("pk", flat=True)) == [claim]
    assert list(selectors.claim_search("特朗普关税").values_list("pk", flat=True)) == [claim]
    assert list(selectors.claim_search("Trump tariffs fell").values_list("pk", flat=True)) == []
