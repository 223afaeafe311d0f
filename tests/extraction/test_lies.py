"""Claims called lies inside someone's words (lies.py, issue 16): X表示，Y造謠稱P makes P a statement of
Y's that X opposes. Sentences written for these tests."""

from .helpers import run, stance_triples


def said(ex):
    return [(s.speaker, s.text) for s in ex.statements]


def test_a_claim_called_a_lie_is_the_liars_statement_and_the_speaker_opposes_it():
    ex = run("議員李大同表示,市長的助理王小明散播圖卡造謠稱全市只施打了3000劑疫苗,惡意抹黑醫護人員。")
    assert ("王小明", "全市只施打了3000劑疫苗") in said(ex), said(ex)
    assert ("李大同", "oppose", "全市只施打了3000劑疫苗") in stance_triples(ex), stance_triples(ex)


def test_an_aide_named_by_whose_aide_he_is_tells_the_lie():
    """市長陳大明的特助: the aide lied, not the mayor; a number with a comma stays one claim."""
    ex = run("議員李大同表示,市長陳大明的特助謊稱全市只打了7,000劑疫苗。")
    assert ("陳大明的特助", "全市只打了7,000劑疫苗") in said(ex), said(ex)
    assert ("李大同", "oppose", "全市只打了7,000劑疫苗") in stance_triples(ex), stance_triples(ex)


def test_a_lie_told_by_no_one_named_adds_nothing():
    ex = run("議員李大同表示,有人在網路上造謠稱全市只施打了3000劑疫苗。")
    assert stance_triples(ex) == set(), stance_triples(ex)
    assert [t for _, t in said(ex) if t == "全市只施打了3000劑疫苗"] == [], said(ex)


def test_a_lie_in_narration_is_no_ones_stance():
    ex = run("市長的助理王小明昨天造謠稱全市只施打了3000劑疫苗。")
    assert stance_triples(ex) == set(), stance_triples(ex)


def test_a_stance_verb_before_the_lie_holds_the_stance_instead():
    """李大同表示,多數民眾不認同王小明謊稱…: the public rejects the claim, not the one reporting the poll."""
    ex = run("議員李大同表示,多數民眾不認同王小明謊稱全市疫苗充足的說法。")
    assert not any(holder == "李大同" for holder, _, _ in stance_triples(ex)), stance_triples(ex)


def test_a_claim_called_a_lie_does_not_share_the_key_of_the_words_around_it():
    """The claim sits inside the words that call it a lie: the two say different things."""
    ex = run("議員李大同表示,市長的助理王小明散播圖卡造謠稱全市只施打了3000劑疫苗,惡意抹黑醫護人員。")
    keys = {s.text: s.claim_key for s in ex.statements}
    claim = keys.pop("全市只施打了3000劑疫苗")
    assert claim not in keys.values(), ex.statements


def test_a_body_named_as_rebutting_the_lie_right_after_it_opposes_it_too():
    ex = run("議員李大同表示,市長陳大明的特助謊稱全市只打了7,000劑疫苗,隨即被市府衛生局打臉,澄清已打了七萬劑。")
    got = stance_triples(ex)
    assert ("李大同", "oppose", "全市只打了7,000劑疫苗") in got, got
    assert ("市府衛生局", "oppose", "全市只打了7,000劑疫苗") in got, got


def test_a_claim_called_a_lie_with_no_rebuttal_after_it_has_one_holder():
    ex = run("議員李大同表示,市長陳大明的特助謊稱全市只打了7,000劑疫苗,衛生局今天也出席記者會。")
    assert {holder for holder, _, _ in stance_triples(ex)} == {"李大同"}, stance_triples(ex)


def test_a_claim_called_a_lie_does_not_share_the_key_of_a_longer_report_of_it():
    """國民黨 tells of the card (…圖卡稱P…) in its own words elsewhere: that report says something else."""
    ex = run("國民黨揭露,市長陳大明的特助散布假訊息圖卡,稱全市只打了7,000劑疫苗,但其實已經打了七萬劑,根本是惡意抹黑。"
             "議員李大同表示,市長陳大明的特助謊稱全市只打了7,000劑疫苗。")
    lie = next(s for s in ex.statements if s.text == "全市只打了7,000劑疫苗")
    longer = [s for s in ex.statements if len(s.text) > 2 * len(lie.text)]
    assert longer and all(s.claim_key != lie.claim_key for s in longer), ex.statements
