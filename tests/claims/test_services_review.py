"""Desk services and selectors: split, bulk review, merges, speaker curation, claim suggestions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from claims import selectors, services
from claims.models import Claim, ReviewState, Speaker, SpeakerAlias, Stance, Statement
from tests.factories import make_article, make_speaker, make_statement, make_user

BODY = "部長表示:「政府將提高基本工資,並且延長育嬰假。」他說完就離開了。"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 at full strength costs ~0.5 s per test user; these tests do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def checker(db):
    return make_user("checker", groups=("fact-checker",))


def _statement(body: str = BODY, **kwargs) -> Statement:
    return make_statement(make_article(body), **kwargs)


def test_split_makes_one_candidate_per_part_and_keeps_the_original_row(checker):
    statement = _statement(speaker=make_speaker("部長"), venue="立法院", via=["中央社"])
    first_part, second_part = "政府將提高基本工資", "延長育嬰假"
    body = statement.article.body
    parts = [(body.index(first_part), body.index(first_part) + len(first_part)),
             (body.index(second_part), body.index(second_part) + len(second_part))]

    pieces = services.statement_split(statement, user=checker, parts=parts)

    assert [p.text for p in pieces] == [first_part, second_part]
    assert pieces[0].pk == statement.pk
    assert pieces[1].speaker_id == statement.speaker_id
    assert pieces[1].venue == "立法院" and pieces[1].via == ["中央社"]
    assert pieces[0].claim_key != pieces[1].claim_key
    assert all(p.review_state == ReviewState.CANDIDATE for p in pieces)
    assert Statement.objects.filter(article=statement.article).count() == 2
    # The original row's history shows it was split.
    assert statement.history.first().history_change_reason.startswith("split")


def test_split_refuses_parts_outside_the_statement_or_a_single_part(checker):
    statement = _statement()
    with pytest.raises(ValidationError) as exc:
        services.statement_split(statement, user=checker, parts=[(statement.start, statement.end)])
    assert services.ERROR_SPLIT_PARTS in exc.value.messages
    with pytest.raises(ValidationError):
        services.statement_split(statement, user=checker, parts=[(0, 2), (statement.start, statement.start + 2)])


def test_split_refuses_reviewed_statements(checker):
    statement = services.statement_accept(_statement(), user=checker)
    with pytest.raises(ValidationError) as exc:
        services.statement_split(
            statement, user=checker, parts=[(statement.start, statement.start + 2), (statement.start + 3, statement.end)]
        )
    assert services.ERROR_SPLIT_STATE in exc.value.messages


def test_bulk_accept_joins_the_claim_with_the_same_key_else_creates_one(checker):
    existing = services.claim_create(text="Existing claim", key="ckey1")
    same_key = _statement(claim_key="ckey1")
    new_key = make_statement(claim_key="ckey2")

    services.statements_bulk_accept([same_key, new_key], user=checker)

    same_key.refresh_from_db()
    new_key.refresh_from_db()
    assert same_key.claim_id == existing.pk
    assert new_key.claim_id not in (None, existing.pk)
    assert new_key.review_state == ReviewState.ACCEPTED and new_key.reviewed_by == checker


def test_bulk_reject_records_the_reason_and_who(checker):
    rows = [make_statement(), make_statement()]
    services.statements_bulk_reject(rows, user=checker, reason="Not checkable")
    for row in rows:
        row.refresh_from_db()
        assert row.review_state == ReviewState.REJECTED
        assert row.reject_reason == "Not checkable" and row.reviewed_by == checker


def test_merging_duplicate_statements_accepts_them_into_one_claim(checker):
    a, b = make_statement(text="同一句話重複出現"), make_statement(text="同一句話重複出現了")
    claim = services.statements_merge([a, b], user=checker)
    assert set(claim.statements.values_list("pk", flat=True)) == {a.pk, b.pk}
    with pytest.raises(ValidationError):
        services.statements_merge([make_statement()], user=checker)


def test_claim_merge_moves_statements_and_stances_and_leaves_a_redirect(checker):
    keep = services.statement_accept(make_statement(), user=checker).claim
    dup_statement = services.statement_accept(make_statement(), user=checker)
    dup = dup_statement.claim
    stance = Stance.objects.create(speaker=make_speaker(), polarity="support", claim=dup)

    target = services.claim_merge(source=dup, target=keep, user=checker)

    dup.refresh_from_db()
    stance.refresh_from_db()
    dup_statement.refresh_from_db()
    assert target.pk == keep.pk
    assert dup.merged_into_id == keep.pk and not dup.published
    assert dup_statement.claim_id == keep.pk and stance.claim_id == keep.pk
    with pytest.raises(ValidationError):
        services.claim_merge(source=keep, target=dup, user=checker)  # dup now lives in keep: itself


def test_claim_update_moves_the_slug_with_the_wording_keeps_the_key_and_records_history(checker):
    claim = services.claim_create(text="Budget doubled in a year", key="k1")
    updated = services.claim_update(claim, user=checker, text="Budget tripled in two years", status="in_review")
    # The slug follows the wording (old slugs redirect to the canonical one: tests/i18n); the key stays.
    assert updated.text == "Budget tripled in two years" and updated.key == "k1"
    assert updated.slug != claim.slug and "tripled" in updated.slug
    assert updated.history.count() == 2
    with pytest.raises(ValidationError):
        services.claim_update(claim, user=checker, text="  ")


def test_speaker_confirm_and_alias_add_remove(checker):
    speaker = make_speaker("蘇測試")
    assert not speaker.confirmed
    services.speaker_confirm(speaker, user=checker)
    speaker.refresh_from_db()
    assert speaker.confirmed
    alias = services.speaker_alias_add(speaker, "蘇測揆")
    assert services.speaker_find("蘇測揆") == speaker
    services.speaker_alias_remove(alias, user=checker)
    assert services.speaker_find("蘇測揆") is None
    own = SpeakerAlias.objects.get(speaker=speaker, alias="蘇測試")
    services.speaker_alias_remove(own, user=checker)  # the speaker's own name stays findable
    assert services.speaker_find("苏测试") == speaker


def test_speaker_update_records_a_new_name_as_alias(checker):
    speaker = make_speaker("Laitest")
    services.speaker_update(speaker, user=checker, name="Laitest Ching-te", title="President")
    assert services.speaker_find("Laitest Ching-te") == speaker
    assert services.speaker_find("Laitest") == speaker
    assert Speaker.objects.get(pk=speaker.pk).title == "President"


# --- claim suggestions -------------------------------------------------------------------------


def test_suggestions_put_the_same_key_first_then_other_script_then_similar(checker):
    statement = make_statement(text="政府將提高基本工資", claim_key="kwage")
    similar = services.claim_create(text="政府會提高基本工資嗎")
    other_script = services.claim_create(text="政府将提高基本工资")
    by_key = services.claim_create(text="Wages will rise", key="kwage")
    services.claim_create(text="Completely unrelated weather report")

    suggestions = selectors.claim_suggestions(statement)

    assert [s.claim.pk for s in suggestions] == [by_key.pk, other_script.pk, similar.pk]
    assert [s.reason for s in suggestions] == ["same key", "same text in the other script", "similar wording"]


def test_suggestions_find_claims_reached_through_accepted_statements_by_key(checker):
    earlier = services.statement_accept(make_statement(text="第一次說的話", claim_key="kshared"), user=checker)
    later = make_statement(text="第一次說的話啊", claim_key="kshared")
    assert selectors.claim_suggestions(later)[0].claim.pk == earlier.claim_id


def test_suggestions_skip_merged_claims_and_are_bounded_in_queries(checker, django_assert_max_num_queries):
    statement = make_statement(text="外交部表示將持續合作", claim_key="kcoop")
    merged = services.claim_create(text="外交部表示將持續合作", key="kcoop")
    live = services.claim_create(text="外交部說會持續合作")
    services.claim_merge(source=merged, target=live, user=checker)
    for i in range(30):
        services.claim_create(text=f"外交部第{i}次表示別的事情")
    with django_assert_max_num_queries(4):
        suggestions = selectors.claim_suggestions(statement)
    assert merged.pk not in [s.claim.pk for s in suggestions]
    assert suggestions and suggestions[0].claim.pk == live.pk


def test_english_suggestions_use_words(checker):
    statement = make_statement(
        make_article('The minister said: "Inflation will fall below two percent next year."'),
        text="Inflation will fall below two percent next year.", language="en",
    )
    near = services.claim_create(text="Inflation will fall below two percent by next year")
    services.claim_create(text="The weather will be sunny")
    assert [s.claim.pk for s in selectors.claim_suggestions(statement)] == [near.pk]


def test_statement_search_matches_either_script_and_aliases(checker):
    trad = make_statement(text="我們將持續與理念相近國家合作")
    simp = make_statement(text="我们将继续与理念相近国家合作")
    speaker = make_speaker("林測龍", aliases=("Lin Test-lung",))
    by_speaker = make_statement(text="別的內容", speaker=speaker)
    found = set(Statement.objects.filter(selectors.statement_search_q("國家合作")).values_list("pk", flat=True))
    assert {trad.pk, simp.pk} <= found
    found = set(Statement.objects.filter(selectors.statement_search_q("国家合作")).values_list("pk", flat=True))
    assert {trad.pk, simp.pk} <= found
    assert by_speaker.pk in Statement.objects.filter(selectors.statement_search_q("林测龙")).values_list("pk", flat=True)
    assert by_speaker.pk in Statement.objects.filter(selectors.statement_search_q("lin test-lung")).values_list(
        "pk", flat=True
    )
    assert Claim.objects.count() == 0
