"""English stances whose holder or object is named by a role (sentences written for these tests):
'Austria's government rejected ...' is held by the country, 'sided with the mayor' names the speaker the
text introduced as "Mayor X"."""

from .helpers import stances


def _stances(text):
    return stances(text)[0]


def test_a_countrys_government_holds_the_stance_as_the_country():
    text = ("Transport minister Marco Ferlini said the caps were protectionism with a green label.\n\n"
            "Norway's government rejected the accusation.")
    found = _stances(text)
    assert {speaker for speaker, _, _ in found} == {"Norway"}


def test_a_known_persons_government_is_no_country():
    text = ('Mayor Ana Ruiz said the budget was balanced.\n\n'
            "Transport minister Marco Ferlini said the budget was a fiction.\n\n"
            "Ruiz's government rejected the accusation.")
    assert all(speaker != "Ruiz" for speaker, _, _ in _stances(text))


def test_the_mayor_is_the_speaker_introduced_as_mayor():
    text = ('Mayor Ana Ruiz opened the bridge in 2019.\n\n'
            'Ruiz said the state had ignored years of warnings about the bridge.\n\n'
            'Commissioner Tom Hale said the city had never spent the money.\n\n'
            'State Sen. Greg Lind sided with the mayor on Wednesday.')
    assert ("Greg Lind", "support", "the state had ignored years of warnings about the bridge") in _stances(text)


def test_the_mayor_who_said_nothing_is_no_target():
    text = ('Mayor Ana Ruiz opened the bridge in 2019.\n\n'
            'Commissioner Tom Hale said the city had never spent the money.\n\n'
            'State Sen. Greg Lind sided with the mayor on Wednesday.')
    assert not any(t.startswith("the city had never") for _, _, t in _stances(text))
