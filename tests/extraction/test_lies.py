"""Claims called lies inside someone's words (lies.py, issue 16): X表示，Y造謠稱P makes P a statement of
Y's that X opposes. Sentences written for these tests."""

from .helpers import run, stance_triples


def said(ex):
    return [(s.speaker, s.text) for s in ex.statements]


def test_a_claim_called_a_lie_is_the_liars_statement_and_the_speaker_opposes_it():
    ex = run("議員李大同表示,局長的助理王小明四處散播傳單造謠稱新建的大橋下個月就要封閉,存心製造恐慌。")
    assert ("王小明", "新建的大橋下個月就要封閉") in said(ex), said(ex)
    assert ("李大同", "oppose", "新建的大橋下個月就要封閉") in stance_triples(ex), stance_triples(ex)


def test_an_aide_named_by_whose_aide_he_is_tells_the_lie():
    """局長陳大明的特助: the aide lied, not the director; a number with a comma stays one claim."""
    ex = run("議員李大同表示,局長陳大明的特助謊稱全市只有3,500盞路燈。")
    assert ("陳大明的特助", "全市只有3,500盞路燈") in said(ex), said(ex)
    assert ("李大同", "oppose", "全市只有3,500盞路燈") in stance_triples(ex), stance_triples(ex)


def test_a_lie_told_by_no_one_named_adds_nothing():
    ex = run("議員李大同表示,有人在網路上造謠稱新建的大橋下個月就要封閉。")
    assert stance_triples(ex) == set(), stance_triples(ex)
    assert [t for _, t in said(ex) if t == "新建的大橋下個月就要封閉"] == [], said(ex)


def test_a_lie_in_narration_is_no_ones_stance():
    ex = run("局長的助理王小明昨天造謠稱新建的大橋下個月就要封閉。")
    assert stance_triples(ex) == set(), stance_triples(ex)


def test_a_stance_verb_before_the_lie_holds_the_stance_instead():
    """李大同表示,多數民眾不認同王小明謊稱…: the public rejects the claim, not the one reporting the poll."""
    ex = run("議員李大同表示,多數民眾不認同王小明謊稱全市路燈充足的說法。")
    assert not any(holder == "李大同" for holder, _, _ in stance_triples(ex)), stance_triples(ex)


def test_a_claim_called_a_lie_does_not_share_the_key_of_the_words_around_it():
    """The claim sits inside the words that call it a lie: the two say different things."""
    ex = run("議員李大同表示,局長的助理王小明四處散播傳單造謠稱新建的大橋下個月就要封閉,存心製造恐慌。")
    keys = {s.text: s.claim_key for s in ex.statements}
    claim = keys.pop("新建的大橋下個月就要封閉")
    assert claim not in keys.values(), ex.statements


def test_a_body_named_as_rebutting_the_lie_right_after_it_opposes_it_too():
    ex = run("議員李大同表示,局長陳大明的特助謊稱全市只有3,500盞路燈,隨即被市府工務局駁斥,說明實際有兩萬盞。")
    got = stance_triples(ex)
    assert ("李大同", "oppose", "全市只有3,500盞路燈") in got, got
    assert ("市府工務局", "oppose", "全市只有3,500盞路燈") in got, got


def test_a_claim_called_a_lie_with_no_rebuttal_after_it_has_one_holder():
    ex = run("議員李大同表示,局長陳大明的特助謊稱全市只有3,500盞路燈,工務局今天也出席記者會。")
    assert {holder for holder, _, _ in stance_triples(ex)} == {"李大同"}, stance_triples(ex)


def test_a_claim_called_a_lie_does_not_share_the_key_of_a_longer_report_of_it():
    """某黨 tells of the flyer (…傳單,稱P…) in its own words elsewhere: that report says something else."""
    ex = run("某黨揭露,局長陳大明的特助散布不實傳單,稱全市只有3,500盞路燈,但其實有兩萬盞,根本是刻意誤導。"
             "議員李大同表示,局長陳大明的特助謊稱全市只有3,500盞路燈。")
    lie = next(s for s in ex.statements if s.text == "全市只有3,500盞路燈")
    longer = [s for s in ex.statements if len(s.text) > 2 * len(lie.text)]
    assert longer and all(s.claim_key != lie.claim_key for s in longer), ex.statements


def test_a_thing_made_up_is_no_claim_unless_a_verb_of_saying_follows():
    """捏造了帳目 (made up accounts): an object, not a claim; 捏造說P is a claim called a lie."""
    ex = run("議員李大同表示,局長的助理王小明捏造了大量的不實帳目,必須道歉。")
    assert stance_triples(ex) == set(), stance_triples(ex)
    assert not any(s.speaker == "王小明" for s in ex.statements), said(ex)
    ex = run("議員李大同表示,局長的助理王小明捏造說新建的大橋下個月就要封閉。")
    assert ("李大同", "oppose", "新建的大橋下個月就要封閉") in stance_triples(ex), stance_triples(ex)


def test_many_lie_verbs_in_one_statement_are_read_in_linear_time():
    """Each lie verb reads a bounded stretch for its claim's end (it read to the statement's end: 3,200
    verbs in one quote took 1.5 s, 30,000 would take minutes)."""
    from .test_robustness import guard

    text = "議員李大同表示:「" + "王小明造謠稱全市只打了" * 30_000 + "」"
    with guard(30):
        ex = run(text)
    assert ex.statements and ex.statements[0].speaker == "李大同"
