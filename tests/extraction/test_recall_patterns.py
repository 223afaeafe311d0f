"""Recall patterns from agency copy, relays, briefings and Hong Kong / Taiwan reporting.

Sentences written for these tests (not taken from any article), in varied styles.
"""

import datetime as dt

import pytest

from claims.extraction import Gazetteer, SpeakerEntry, extract

GAZ = Gazetteer([
    SpeakerEntry("reuters", "Reuters", "media", ("Reuters", "路透社")),
    SpeakerEntry("eu", "European Union", "government", ("EU", "歐盟", "欧盟")),
])
PUB = dt.date(2025, 9, 3)


def spans(text):
    return [(s.speaker, s.text, s.kind) for s in extract(text, published=PUB, gazetteer=GAZ).statements]


def speakers(text):
    return [s[0] for s in spans(text)]


@pytest.mark.parametrize("text, speaker, content", [
    ('Commerce Minister Anna Lindqvist accused Beijing on Tuesday of "holding the entire supply chain hostage".',
     "Anna Lindqvist", "holding the entire supply chain hostage"),
    ("Finance Minister Paolo Ferrante said the caps, which from Oct. 1 will apply to all imports, were needed "
     "to protect local producers.", "Paolo Ferrante",
     "the caps, which from Oct. 1 will apply to all imports, were needed to protect local producers"),
    ("In a written statement, Governor Maria Kessler said the region would challenge the ruling in court.",
     "Maria Kessler", "the region would challenge the ruling in court"),
    ("Prime Minister Jonas Berg told reporters the talks had stalled over fishing rights.", "Jonas Berg",
     "the talks had stalled over fishing rights"),
    ("A senior EU official said Brussels had privately urged both sides to accept a compromise.",
     "A senior EU official", "Brussels had privately urged both sides to accept a compromise"),
    ("An advocate general said some of the measures could be justified on health grounds.",
     "An advocate general", "some of the measures could be justified on health grounds"),
    ("The Alpine Farmers Union said its members were already losing money on every litre.",
     "Alpine Farmers Union", "its members were already losing money on every litre"),
])
def test_agency_copy(text, speaker, content):
    got = spans(text)
    assert any(sp == speaker and c == content for sp, c, _ in got), got


def test_the_statement_is_its_issuer():
    text = ("The Northern Dairy Federation issued a statement on Monday. The statement said the new quotas "
            "would ruin hundreds of family farms.")
    assert ("Northern Dairy Federation", "the new quotas would ruin hundreds of family farms", "indirect") in spans(text)


def test_subject_of_said_not_a_name_in_the_content():
    text = ("Regional governor Anton Greiderer defended the plan.\n\n"
            "Greiderer, the governor, said on Wednesday that Ferlini had blocked the money for months.")
    got = spans(text)
    assert ("Anton Greiderer", "Ferlini had blocked the money for months", "indirect") in got, got


def test_narration_is_not_a_statement():
    assert spans("The ministers met in Geneva on Tuesday. Prices rose by 4 percent in August.") == []
