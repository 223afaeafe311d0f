"""Stance review in context (issue 13 item 7): the candidate page and the claim page list the stances
aimed at them with accept/reject (through stance_review, so the editorial rule holds); the stance
list filters by article, claim and statement and shows whose words each stance answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from claims import services
from claims.admin.stances import MESSAGE_STANCE_ACCEPTED, MESSAGE_STANCE_HELD
from claims.models import ChangeState, PendingChange, Polarity, ReviewState, Stance
from claims.roles import EDITOR, FACT_CHECKER
from tests.factories import make_article, make_public_claim, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db

BODY = "交通部長林測試表示:「明年高鐵票價不會調漲。」對此,消基會董事長王測試回應說,票價其實早就該降。"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def checker():
    return make_user("checker", groups=(FACT_CHECKER,))


def _candidate_with_stance(polarity=Polarity.OPPOSE):
    article = make_article(BODY, title="高鐵票價")
    minister = make_speaker("林測試")
    statement = make_statement(article, text="明年高鐵票價不會調漲", speaker=minister)
    at = BODY.index("回應")
    stance = Stance.objects.create(speaker=make_speaker("王測試"), polarity=polarity, target_statement=statement,
                                   article=article, cue="回應", cue_start=at, cue_end=at + 2)
    return statement, stance


def _rows(html: str) -> dict[int, str]:
    return {int(pk): row for pk, row in re.findall(r'<tr class="desk-stance[^"]*" id="desk-stance-(\d+)">(.*?)</tr>', html, re.S)}


def test_the_candidate_page_lists_its_stances_with_the_holders_words_and_accepts_one(client, checker):
    statement, stance = _candidate_with_stance()
    client.force_login(checker)
    page = reverse("admin:claims_statement_change", args=[statement.pk])
    html = client.get(page).content.decode()
    row = _rows(html)[stance.pk]
    assert "王測試" in row and "對此,消基會董事長王測試回應說,票價其實早就該降。" in row  # words, not only 「回應」
    assert reverse("admin:claims_stance_review", args=[stance.pk]) in row
    assert 'value="accept"' in row and 'value="reject"' in row

    response = client.post(reverse("admin:claims_stance_review", args=[stance.pk]),
                           {"decision": "accept", "next": page}, follow=True)
    assert response.redirect_chain[-1][0] == page
    stance.refresh_from_db()
    assert stance.review_state == ReviewState.ACCEPTED and stance.reviewed_by == checker
    assert [str(m) for m in response.context["messages"]] == [
        MESSAGE_STANCE_ACCEPTED.format(speaker="王測試", polarity=stance.get_polarity_display())]
    assert 'value="accept"' not in _rows(response.content.decode())[stance.pk]  # accepted: only reject is left


def test_the_claim_page_reviews_stances_under_the_editorial_rule(client, checker):
    """On a published claim a fact-checker's accept is held for an editor and a reject is a proposal."""
    editor = make_user("editor", groups=(EDITOR,))
    claim = make_public_claim("明年高鐵票價不會調漲", user=editor)
    target = claim.statements.get()
    first = Stance.objects.create(speaker=make_speaker("支持測"), polarity=Polarity.SUPPORT, target_statement=target,
                                  article=target.article, cue="同意")
    second = Stance.objects.create(speaker=make_speaker("反對測"), polarity=Polarity.OPPOSE, claim=claim, cue="反對")
    client.force_login(checker)
    page = reverse("admin:claims_claim_change", args=[claim.pk])
    html = client.get(page).content.decode()
    rows = _rows(html)
    assert set(rows) == {first.pk, second.pk}
    assert target.speaker.name in rows[first.pk]  # whose statement the stance answers
    assert 'href="#desk-stance-review"' in html

    review = reverse("admin:claims_stance_review", args=[first.pk])
    response = client.post(review, {"decision": "accept", "next": page}, follow=True)
    first.refresh_from_db()
    assert first.review_state == ReviewState.ACCEPTED and first.held  # not public until an editor publishes
    assert [str(m) for m in response.context["messages"]] == [str(MESSAGE_STANCE_HELD)]

    client.force_login(editor)
    client.post(reverse("admin:claims_stance_review", args=[second.pk]), {"decision": "accept", "next": page})
    second.refresh_from_db()
    assert second.review_state == ReviewState.ACCEPTED and not second.held

    client.force_login(checker)  # rejecting a public stance: a proposal, the stance stays public
    client.post(reverse("admin:claims_stance_review", args=[second.pk]), {"decision": "reject", "next": page})
    second.refresh_from_db()
    assert second.review_state == ReviewState.ACCEPTED
    assert PendingChange.objects.filter(stance=second, state=ChangeState.PENDING).exists()


def test_review_needs_post_permission_and_a_safe_next(client, checker):
    _, stance = _candidate_with_stance()
    url = reverse("admin:claims_stance_review", args=[stance.pk])
    reader = make_user("reader")  # staff, no role
    client.force_login(reader)
    assert client.post(url, {"decision": "accept"}).status_code == 403
    client.force_login(checker)
    assert client.get(url).status_code == 405
    response = client.post(url, {"decision": "reject", "next": "https://evil.example/"})
    assert response["Location"] == reverse("admin:claims_stance_changelist")
    stance.refresh_from_db()
    assert stance.review_state == ReviewState.REJECTED
    response = client.post(url, {"decision": "maybe"}, follow=True)
    assert Stance.objects.get(pk=stance.pk).review_state == ReviewState.REJECTED


def test_the_stance_list_filters_by_article_claim_and_statement_and_names_the_target_speaker(client, checker):
    statement, on_statement = _candidate_with_stance()
    claim = make_public_claim("油價下個月會下跌", user=make_user(superuser=True))
    on_claim = Stance.objects.create(speaker=make_speaker("學者測"), polarity=Polarity.SUPPORT, claim=claim, cue="認同")
    client.force_login(checker)
    changelist = reverse("admin:claims_stance_changelist")

    def ids(query: str) -> set[int]:
        return {s.pk for s in client.get(changelist + query).context["cl"].result_list}

    assert ids("") == {on_statement.pk, on_claim.pk}
    assert ids(f"?article={statement.article_id}") == {on_statement.pk}
    assert ids("?article=高鐵") == {on_statement.pk}  # words of the title
    assert ids(f"?claim={claim.pk}") == {on_claim.pk}
    assert ids("?claim=油價") == {on_claim.pk}
    assert ids(f"?statement={statement.pk}") == {on_statement.pk}
    accepted = services.statement_accept(statement, user=checker)  # its new claim now holds the stance too
    assert accepted.claim_id and ids(f"?claim={accepted.claim_id}") == {on_statement.pk}

    html = client.get(changelist).content.decode()
    claim_speaker = claim.statements.get().speaker.name
    assert re.search(r'desk-target-speaker">林測試</span>: <a [^>]*>“明年高鐵票價不會調漲”', html)
    assert re.search(rf'desk-target-speaker">{re.escape(claim_speaker)}</span>: <a [^>]*>“油價下個月會下跌”', html)


def test_the_new_desk_strings_read_in_traditional_and_simplified(client, checker):
    """Each msgid of the appended catalogue block translates (compiled), and the desk shows them."""
    root = Path(__file__).resolve().parents[2]
    entry = re.compile(r'^msgctxt ("(?:desk review|public stance)")\nmsgid (".*")\nmsgstr (".*")$', re.M)
    for code, folder in (("zh-hant", "zh_Hant"), ("zh-hans", "zh_Hans")):
        po = (root / "locale" / folder / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
        entries = [tuple(json.loads(part) for part in m.groups()) for m in entry.finditer(po)]
        assert len(entries) >= 30
        with translation.override(code):
            for context, msgid, msgstr in entries:
                assert translation.pgettext(context, msgid) == msgstr != msgid, msgid
    statement, _ = _candidate_with_stance()
    client.force_login(checker)
    html = client.get(reverse("admin:claims_statement_change", args=[statement.pk]),
                      HTTP_ACCEPT_LANGUAGE="zh-Hant").content.decode()
    assert "針對此處的立場" in html and "設為引述範圍" in html and "表態詞：回應" in html
