"""Chinese names the registry does not know, found by recurrence (sentences written for these tests)."""

import pytest

from .helpers import article, spans


def _people(text):
    art = article(text)
    return {m.speaker.name for m in art.mentions.mentions if m.speaker.kind == "person" and m.speaker.key is None}


@pytest.mark.parametrize("text, name", [
    # a given name with a character that is also "and" (和): named twice, kept whole
    ("里長陳和平表示,道路下月完工。陳和平也說,經費已經到位。", "陳和平"),
    # ... with "all" (均) after a role noun, named again later
    ("歌手林志均日前發文,感謝歌迷。林志均強調,演唱會不會取消。", "林志均"),
    # a surname that is also an adverb (曾, "once") after a role noun that is no title word
    ("議員參選人曾文清質疑,補助標準不公。曾文清說,他會提出質詢。", "曾文清"),
])
def test_recurring_name_is_a_person(text, name):
    assert name in _people(text)


def test_name_with_a_function_word_is_the_speaker_of_each_verb():
    got = spans("里長陳和平表示,道路下月完工。陳和平也說,經費已經到位。")
    assert [(s, t) for s, t, _ in got] == [("陳和平", "道路下月完工"), ("陳和平", "經費已經到位")]


@pytest.mark.parametrize("text, not_a_name", [
    ("高市府表示,將加派人力。高市府也說,經費充足。", "高市府"),  # an institution
    ("方議員表示,將提案修法。方議員也說,會持續監督。", "方議員"),  # a surname and a role
])
def test_institutions_and_roles_are_no_names(text, not_a_name):
    assert not_a_name not in _people(text)


def test_a_name_said_once_without_a_role_noun_is_not_learned():
    assert "陳和平" not in _people("陳和平表示,道路下月完工。")


def test_name_opening_its_clause_before_a_time_and_place_is_a_person_even_once():
    got = spans("對此,陳文清今在記者會上強調,政府不會延後開放。")
    assert ("陳文清", "政府不會延後開放", "indirect") in got


def test_name_after_an_office_is_the_person():
    got = spans("台中市警察局林志明今在議會指出,相關訊息與事實不符。")
    assert ("林志明", "相關訊息與事實不符", "indirect") in got


def test_a_surname_and_a_title_is_no_name():
    assert "蔡總統" not in _people("蔡總統今在府內表示,國防預算將增加。")
