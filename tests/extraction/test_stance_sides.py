"""Stance holders and targets named by a side or by quoted words (issue 16), on sentences written for
these tests: an example that gives the stance and a counterexample that must not."""

from claims.extraction import Gazetteer, SpeakerEntry, extract

from .helpers import PUB, stance_triples

# Countries matter here: 中方 opening 毛寧's words is his own side, 美方 is not.
SIDES = Gazetteer([
    SpeakerEntry("maoning", "Mao Ning", "person", ("毛寧", "毛宁"), country="CN"),
    SpeakerEntry("china", "China", "government", ("中國", "中方"), country="CN"),
    SpeakerEntry("peskov", "Dmitry Peskov", "person", ("佩斯科夫",), country="RU"),
    SpeakerEntry("russia", "Russia", "government", ("俄羅斯", "俄方"), country="RU"),
    SpeakerEntry("usa", "United States", "government", ("美國", "美方"), country="US"),
])


def stances(text):
    return stance_triples(extract(text, published=PUB, gazetteer=SIDES))


# --- the speaker's own side opening their words (毛某表示，中方讚賞…) ----------------------------

def test_own_government_opening_the_words_is_the_speakers_stance():
    got = stances("俄羅斯總統發言人佩斯科夫表示,俄方願意恢復談判。毛寧表示,中方讚賞俄方的積極表態。")
    assert ("Mao Ning", "support", "俄方願意恢復談判") in got, got


def test_another_countrys_government_opening_the_words_is_not_the_speakers_stance():
    got = stances("俄羅斯總統發言人佩斯科夫表示,俄方願意恢復談判。毛寧表示,美方讚賞俄方的積極表態。")
    assert not any(holder == "Mao Ning" for holder, _, _ in got), got


def test_government_said_by_a_government_official_is_the_officials_stance():
    got = stances("王大同表示,核電廠應該全部延役。經濟部能源署副署長陳志明表示,政府並不同意這種說法。")
    assert ("陳志明", "oppose", "核電廠應該全部延役") in got, got


def test_government_said_by_a_legislator_is_not_the_legislators_stance():
    got = stances("王大同表示,核電廠應該全部延役。立委陳志明表示,政府並不同意這種說法。")
    assert not any(holder == "陳志明" for holder, _, _ in got), got


# --- quoted words named as the claim rejected (不同意「…」的說法) ------------------------------

def test_quoted_words_of_a_longer_statement_name_it_as_the_target():
    """The words quoted back are part of 王大同's longer quote: his statement is the one rejected, not
    the last one said (張小明's)."""
    got = stances("王大同說:「電網比電廠更重要,我們必須投資。」張小明說:「核電應該延役。」"
                  "李小華表示,她不同意「電網比電廠更重要」的說法。")
    assert ("李小華", "oppose", "電網比電廠更重要,我們必須投資。") in got, got
    assert not any(target == "核電應該延役。" for _, _, target in got), got


# --- the speaker's own government in the sentence that carries on their words ---------------------

def test_own_government_after_the_speakers_words_is_still_the_speaker():
    """中方對此堅決反對 right after 毛寧's reported words is 毛寧 talking: China does not answer its own
    spokesperson; the stance is his, on what the other side said."""
    got = stances("美方表示,將對台出售武器。毛寧表示,美方的決定嚴重違反國際法,中方對此堅決反對。")
    assert ("China", "oppose", "美方的決定嚴重違反國際法") not in got, got
    assert ("Mao Ning", "oppose", "將對台出售武器") in got, got


def test_another_government_after_the_speakers_words_answers_them():
    got = stances("毛寧表示,美方的決定嚴重違反國際法。俄羅斯總統發言人佩斯科夫表示,俄方對此表示反對。")
    assert not any(holder == "Mao Ning" for holder, _, _ in got), got


def test_first_person_side_opening_reported_words_is_the_speakers_stance():
    got = stances("俄羅斯總統發言人佩斯科夫表示,俄方願意恢復談判。毛寧表示,我們讚賞俄方的積極表態。")
    assert ("Mao Ning", "support", "俄方願意恢復談判") in got, got


# --- a quoted phrase denied (並非「…」) names the statement that said it, a few statements back -----

def test_quoted_phrase_denied_names_the_statement_that_said_it():
    got = stances("王大同表示,他曾向市府建議興建新館,但未獲採納。李小華表示,館方經費充足。"
                  "李小華說,新館已完成規劃。李小華強調,人力也已到位。"
                  "李小華並說,市府仍在評估,並非「未獲採納」。")
    assert ("李小華", "oppose", "他曾向市府建議興建新館,但未獲採納") in got, got


def test_unquoted_phrase_denied_far_back_is_no_stance():
    got = stances("王大同表示,他曾向市府建議興建新館,但未獲採納。李小華表示,館方經費充足。"
                  "李小華說,新館已完成規劃。李小華強調,人力也已到位。"
                  "李小華並說,市府仍在評估,並非未獲採納。")
    assert got == set(), got
