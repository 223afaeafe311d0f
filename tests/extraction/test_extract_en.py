"""English attribution on agency-style sentences written for these tests."""

import datetime as dt

import pytest

from claims.extraction import Gazetteer, SpeakerEntry, extract

GAZ = Gazetteer([SpeakerEntry("peskov", "Dmitry Peskov", "person", ("Peskov", "Dmitry Peskov"))])
PUB = dt.date(2025, 3, 14)  # a Friday


def spans(text):
    return [(s.speaker, s.text, s.kind) for s in extract(text, published=PUB, gazetteer=GAZ).statements]


@pytest.mark.parametrize("text, speaker, content, kind", [
    ('"We are not leaving," Kremlin spokesman Dmitry Peskov told reporters.', "Dmitry Peskov",
     "We are not leaving,", "direct"),
    ('"The talks will continue," said Anna Berg, a senior analyst at Nordic Bank.', "Anna Berg",
     "The talks will continue,", "direct"),
    ("Peskov said on Friday that the meeting had been postponed.", "Dmitry Peskov",
     "the meeting had been postponed", "indirect"),
    ("The company will cut 300 jobs, Chief Executive Laura Stein said on Tuesday.", "Laura Stein",
     "The company will cut 300 jobs", "indirect"),
    ("A Finance Ministry spokesman said the plan would raise taxes.", "A Finance Ministry spokesman",
     "the plan would raise taxes", "indirect"),
    # a clause that runs into a quote before the tag is the statement, marks included
    ("The harbour master is ''not a details person,'' Councilman Ray Ostrow said.", "Ray Ostrow",
     "The harbour master is ''not a details person,''", "indirect"),
    ('Councilman Ray Ostrow said the fund had been "raided for years."', "Ray Ostrow", 'the fund had been "raided for years."',
     "indirect"),
    # a participle lead before the subject is no content: the clause after the verb is
    ("Pressed by the host, Councilman Ray Ostrow said there was no evidence of fraud.", "Ray Ostrow",
     "there was no evidence of fraud", "indirect"),
    # a candidate's aides or campaign speak as a group
    ("Ostrow's aides say their campaign has no desire to answer the ads.", "Ostrow aides",
     "their campaign has no desire to answer the ads", "indirect"),
    ("The Ostrow campaign said the report was misleading.", "Ostrow campaign", "the report was misleading",
     "indirect"),
    # British single quotes, the tag after the quote naming a title and then the name
    ("‘We will not back down on this,’ the Home Secretary, Ray Ostrow, said.", "Ray Ostrow",
     "We will not back down on this,", "direct"),
    ("‘It’s a disgrace,’ said Ray Ostrow, the party leader.", "Ray Ostrow", "It’s a disgrace,", "direct"),
    # told X … that: the addressee is short; a longer run is the reported clause itself
    ("Councilman Ray Ostrow told the BBC the plan was ‘a fantasy’ that would cost billions.", "Ray Ostrow",
     "the plan was ‘a fantasy’ that would cost billions", "indirect"),
])
def test_english_patterns(text, speaker, content, kind):
    assert (speaker, content, kind) in spans(text), spans(text)


def test_pronoun_follows_the_previous_speaker():
    text = 'Senator Maria Lopez rejected the proposal. "It is a tax on work," she said.'
    ex = extract(text, published=PUB, gazetteer=GAZ)
    assert [(s.speaker, s.text) for s in ex.statements] == [("Maria Lopez", "It is a tax on work,")]


def test_questions_are_not_statements():
    assert spans('"Will you resign?" a reporter asked.') == []


def test_said_on_weekday_relative_to_published():
    ex = extract("Peskov said on Wednesday that talks had stalled.", published=PUB, gazetteer=GAZ)
    assert ex.statements[0].said_on == dt.date(2025, 3, 12)


def test_english_tag_after_a_quote_stays_in_its_sentence():
    text = ('Councilman Ray Ostrow says he wants inspectors who are "tough enough" for any bridge. '
            "Ostrow says he wants to extend the rule to tunnels.")
    assert ("Ray Ostrow", "he wants to extend the rule to tunnels", "indirect") in spans(text)
