"""A topic clause that names the claim answered by its words, not by its speaker (對於鋼構重做的說法,
Y駁斥): the earlier statement of another speaker that holds those words is the target; an institution's
judgement (認同國家統計局的判斷) is its spokesperson's (sentences written for these tests)."""

from claims.extraction import Gazetteer, SpeakerEntry, extract

from .helpers import PUB, stances


def _stances(text):
    return stances(text)[0]


def test_topic_words_name_the_earlier_statement_not_the_last_one():
    text = ("川普指出,據他掌握的資料,主航廈的鋼構曾因焊接不合格而全面重做。\n"
            "川普並說:「如果一開始就規劃清楚,根本不需要變更那麼多次。」\n"
            "對於鋼構重做的說法,普京駁斥指,當時只有少數接頭需要局部補強。")
    found = _stances(text)
    assert ("Vladimir Putin", "oppose", "據他掌握的資料,主航廈的鋼構曾因焊接不合格而全面重做") in found
    assert not any(t.startswith("如果一開始") for _, _, t in found)


def test_topic_words_only_the_holder_said_name_no_target_of_theirs():
    text = ("普京表示,主航廈的鋼構曾經全面重做,但已完成補強。\n"
            "川普說,工程一再延宕,交通部必須負責。\n"
            "對於鋼構重做的說法,普京駁斥指,當時只有少數接頭需要局部補強。")
    found = _stances(text)
    assert all(speaker != "Vladimir Putin" or not t.startswith("主航廈") for speaker, _, t in found)


def test_topic_words_matching_no_statement_keep_the_last_statement():
    text = ("川普表示,關稅會讓工廠回流。\n"
            "對於電價上漲的說法,普京駁斥指,今年電價不會調整。")
    assert _stances(text) == {("Vladimir Putin", "oppose", "關稅會讓工廠回流")}


_BUREAU = ("國家統計局新聞發言人嚴書平表示，5月份國民經濟運行總體平穩，穩中有進。\n"
           "國家統計局工業司首席統計師彭立新表示，5月份裝備製造業增加值同比增長9.2%。\n")


def test_an_institutions_judgement_is_its_spokespersons():
    found = _stances(_BUREAU + "經濟學家邵一平認為，消費仍在回暖。他認同國家統計局的判斷。")
    assert ("邵一平", "support", "5月份國民經濟運行總體平穩，穩中有進") in found


def test_an_official_named_is_that_official_not_the_spokesperson():
    found = _stances(_BUREAU + "經濟學家邵一平認為，消費仍在回暖。他認同彭立新的判斷。")
    assert ("邵一平", "support", "5月份裝備製造業增加值同比增長9.2%") in found


_LEADER = ("特首李家明表示，政府不會延長過渡期。\n"
           "他又批評部分業主「以拖待變」，並說政府已預留足夠資源。\n")


def test_words_quoted_back_name_which_of_the_speakers_statements_is_answered():
    found = _stances(_LEADER + "業主聯會主席鄧明輝反駁李家明的說法，稱業主並非「以拖待變」，而是找不到承建商。")
    assert ("鄧明輝", "oppose", "以拖待變") in found


def test_without_words_quoted_back_the_speakers_first_statement_is_answered():
    found = _stances(_LEADER + "業主聯會主席鄧明輝反駁李家明的說法，稱業主已盡力，只是找不到承建商。")
    assert ("鄧明輝", "oppose", "政府不會延長過渡期") in found


_MAYOR = "市長陳某某今天表示，凍漲不是不用付錢，是把帳單留給下一代。\n"


def test_a_stance_clause_made_reported_words_by_its_quote_is_still_the_speakers_stance():
    found = _stances(_MAYOR + "議員黃某某也回應，她不認同陳市長「把帳單留給下一代」的說法。")
    assert ("黃某某", "oppose", "凍漲不是不用付錢，是把帳單留給下一代") in found


def test_a_stance_verb_deeper_in_the_reported_words_is_not_the_speakers():
    found = _stances(_MAYOR + "議員黃某某也回應，很多店家都不認同陳市長「把帳單留給下一代」的說法。")
    assert not any(speaker == "黃某某" for speaker, _, _ in found)



_CABINET = Gazetteer([SpeakerEntry("cabinet", "Cabinet", "government", ("行政院",)),
                      SpeakerEntry("premier_wang", "Wang Da-tung", "person", ("行政院長王大同", "王大同"))])


def _registry_stances(text):
    ex = extract(text, published=PUB, gazetteer=_CABINET)
    return {(t.speaker, t.polarity, ex.statements[t.target].text) for t in ex.stances}


def test_backing_a_body_that_says_nothing_backs_its_head():
    found = _registry_stances("行政院長王大同表示，電價明年不會調漲。\n議員張某某力挺行政院。")
    assert ("張某某", "support", "電價明年不會調漲") in found


def test_backing_a_body_whose_head_says_nothing_here_gives_no_target():
    assert not _registry_stances("議員王小明表示，電價明年不會調漲。\n議員張某某力挺行政院。")


_CAUCUS = "國民黨團總召蘇某某表示，黨團將提出修法，讓公投與大選合併舉行。\n"


def _bundled_stances(text):
    ex = extract(text, published=PUB)  # the bundled registry knows the parties
    return {(t.speaker, t.polarity, ex.statements[t.target].text) for t in ex.stances}


def test_a_speaker_voicing_the_stance_of_the_body_their_title_names_holds_it():
    found = _bundled_stances(_CAUCUS + "民眾黨團總召張某某表示，民眾黨支持國民黨提出的修法方向，可以節省經費。")
    assert ("張某某", "support", "黨團將提出修法，讓公投與大選合併舉行") in found


def test_a_speaker_reporting_another_bodys_stance_holds_none():
    found = _bundled_stances(_CAUCUS + "民眾黨團總召張某某表示，時代力量支持國民黨提出的修法方向，可以節省經費。")
    assert not any(speaker == "張某某" for speaker, _, _ in found)


def test_backing_a_body_is_not_backing_any_member_of_it():
    gazetteer = Gazetteer([SpeakerEntry("cabinet", "Cabinet", "government", ("行政院",)),
                           SpeakerEntry("clerk_wang", "Wang Da-tung", "person", ("行政院職員王大同", "王大同"))])
    ex = extract("行政院職員王大同表示，電價明年不會調漲。\n議員張某某力挺行政院。", published=PUB, gazetteer=gazetteer)
    assert not ex.stances
