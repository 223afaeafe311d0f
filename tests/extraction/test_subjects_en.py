"""English subject resolution: each noun-phrase sieve and each step of the clause before (or after)
the verb, on sentences written for these tests. Plain pytest, no Django."""

from claims.extraction.article import AttributionState
from claims.extraction.subjects_en import (
    NounPhrase,
    anonymous_group,
    capitalised_name,
    clause_subject,
    full_name_before,
    mention_in_phrase,
    noun_phrase_speaker,
    outlet,
    persons_organisation,
    resolve_english_subject,
    statement_issuer,
)

from .helpers import article, cue_of


def np(text, words):
    art = article(text)
    return art, NounPhrase(words, text.index(words), None)


def test_mention_in_phrase_is_the_last_mention():
    art, p = np("Kremlin spokesman Dmitry Peskov said the talks would go on.", "Kremlin spokesman Dmitry Peskov")
    assert mention_in_phrase(art, p).name == "Dmitry Peskov"
    art, p = np("A spokesman said the talks would go on.", "A spokesman")
    assert mention_in_phrase(art, p) is None


def test_outlet_by_its_english_name():
    art, p = np("Bloomberg reported that prices rose.", "Bloomberg")
    assert (outlet(art, p).name, outlet(art, p).kind) == ("Bloomberg", "media")
    art, p = np("Mayor Ann Lee said prices rose.", "Mayor Ann Lee")
    assert outlet(art, p) is None


def test_anonymous_group():
    art, p = np("Two senior officials said the deal was close.", "Two senior officials")
    assert (anonymous_group(art, p).name, anonymous_group(art, p).kind) == ("Two senior officials", "group")
    art, p = np("Officials said the deal was close.", "Officials")
    assert anonymous_group(art, p) is None


def test_capitalised_name_strips_titles_and_is_learned():
    art, p = np("Mining Minister Camila Rojas said royalties would rise.", "Mining Minister Camila Rojas")
    sp = capitalised_name(art, p)
    assert (sp.name, sp.mention) == ("Camila Rojas", "Mining Minister Camila Rojas")
    assert art.names.get("Camila Rojas") is not None
    assert [(s.name, s.title) for s in art.names.proposed_speakers()] == [("Camila Rojas", "Mining Minister")]


def test_capitalised_name_alone_only_when_seen_in_full():
    art, p = np("Mayor Rosa Delgado spoke first. Delgado said the budget was tight.", "Delgado")
    p = NounPhrase("Delgado", art.doc.text.rindex("Delgado"), None)
    assert capitalised_name(art, p).name == "Rosa Delgado"
    art, p = np("Delgado said the budget was tight.", "Delgado")
    assert capitalised_name(art, p) is None
    art, p = np("Monday said the budget was tight.", "Monday")
    assert capitalised_name(art, p) is None


def test_noun_phrase_he_goes_to_a_man_before():
    art = article("Councilwoman Dana Ortiz met Mr. Paul Grant. He said the money was late.")
    sp = noun_phrase_speaker(art, "He", art.doc.text.index("He said"), None)
    assert sp.name == "Paul Grant"
    assert noun_phrase_speaker(art, "we", 0, None) is None


def test_clause_subject_anonymous_person_is_not_the_institution():
    art = article("A senior EU official said the sanctions would stay.")
    sp = clause_subject(art, "A senior EU official", 0, None)
    assert (sp.name, sp.kind) == ("A senior EU official", "group")


def test_statement_issuer_named_before():
    art = article("The Port Authority issued a statement on Monday. The statement said the bridge would reopen.")
    pos = art.doc.text.index("The statement")
    assert statement_issuer(art, pos, None).name == "Port Authority"


def test_post_posed_subject_after_a_clause():
    art = article("Royalties will rise next year, Mining Minister Camila Rojas said on Tuesday.")
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "said"), None)
    assert (res.speaker.name, res.post_posed, res.post_start) == ("Camila Rojas", True, 0)


def test_said_then_the_speaker():
    art = article('"The talks are over," said Dmitry Peskov, the Kremlin spokesman.')
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "said"), None)
    assert (res.speaker.name, res.post_posed) == ("Dmitry Peskov", True)


def test_according_to_names_the_source():
    art = article("According to the Kremlin, the talks will resume in May.")
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "according to"), None)
    assert res.speaker.name == "Kremlin"


def test_adding_continues_the_previous_english_speaker():
    art = article("Peskov praised the envoy, adding that the talks would resume.")
    state = AttributionState()
    state.resolutions[cue_of(art, "praised").index] = resolve_english_subject(art, state, cue_of(art, "praised"), None)
    res = resolve_english_subject(art, state, cue_of(art, "adding"), None)
    assert (res.speaker.name, res.implicit) == ("Dmitry Peskov", True)


def test_full_name_before_resolves_a_surname_alone():
    art = article("Nora Vance, the harbour master, opened the meeting. Later Vance said the pier was unsafe.")
    p = NounPhrase("Vance", art.doc.text.rindex("Vance"), None)
    assert full_name_before(art, p).name == "Nora Vance"
    art = article("When Vance arrived, the pier was closed. Vance said it was unsafe.")
    p = NounPhrase("Vance", art.doc.text.rindex("Vance"), None)
    assert full_name_before(art, p) is None  # "When Vance" is no full name


def test_persons_organisation_is_the_organisation():
    art, p = np("The Vance campaign said the ad was false.", "The Vance campaign")
    sp = persons_organisation(art, p)
    assert (sp.name, sp.kind, sp.mention) == ("Vance campaign", "organisation", "The Vance campaign")
    art, p = np("Vance's campaign said the ad was false.", "Vance's campaign")
    assert persons_organisation(art, p).name == "Vance campaign"
    art, p = np("The campaign said the ad was false.", "The campaign")
    assert persons_organisation(art, p) is None


def test_name_before_an_apposition_is_the_subject():
    art = article("Tomas Ek, a pollster who once advised Mr. Dale Brant, said the lead would hold.")
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "said"), None)
    assert (res.speaker.name, res.post_posed) == ("Tomas Ek", False)
    art = article("The lead will hold through the summer, Tomas Ek, a pollster at the institute, said.")
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "said"), None)
    assert (res.speaker.name, res.post_posed) == ("Tomas Ek", True)
    art = article("The lead will hold through the summer, the ministry said.")
    res = resolve_english_subject(art, AttributionState(), cue_of(art, "said"), None)
    assert (res.speaker.name, res.post_posed) == ("the ministry", True)


def test_a_name_after_a_mention_and_a_title_is_the_speaker():
    art, p = np("Peskov ally Anna Berg said the talks would go on.", "Peskov ally Anna Berg")
    assert mention_in_phrase(art, p) is None
    assert noun_phrase_speaker(art, p.words, p.start, None).name == "Anna Berg"
    art, p = np("Kremlin spokesman Dmitry Peskov said the talks would go on.", "Kremlin spokesman Dmitry Peskov")
    assert mention_in_phrase(art, p).name == "Dmitry Peskov"


def test_party_label_and_leading_preposition_are_not_the_name():
    art = article("Senator Anna Berg (D-Ore.) said the bill would pass.")
    assert noun_phrase_speaker(art, "Senator Anna Berg (D-Ore.)", 0, None).name == "Anna Berg"
    art = article("On Friday the Labor Department announced that hiring slowed.")
    assert noun_phrase_speaker(art, "On Friday", 0, None) is None


def test_british_titles_without_a_full_stop():
    art = article("Councillor Nora Vance opened the session. Later Mrs Vance said the pier was unsafe.")
    sp = noun_phrase_speaker(art, "Later Mrs Vance", art.doc.text.index("Later"), None)
    assert (sp.name, sp.mention) == ("Nora Vance", "Mrs Vance")
