"""Chinese attribution on sentences written for these tests (wire, party, legislature styles)."""

import datetime as dt

import pytest

from .helpers import GAZ, run, spans


@pytest.mark.parametrize("text, speaker, content, kind", [
    # speaker before a direct quote, with time/place adverbials, Traditional
    ("普京13日在克里姆林宮對記者說:「我們準備好談判。」", "Vladimir Putin", "我們準備好談判。", "direct"),
    # Simplified, full-width colon and curly quotes
    ("特朗普当天在白宫告诉记者：“关税将在下月生效。”", "Donald Trump", "关税将在下月生效。", "direct"),
    # reported speech after a comma, to the end of the sentence
    ("毛寧11日表示,中方堅決反對任何形式的干涉。其他內容。", "Mao Ning", "中方堅決反對任何形式的干涉", "indirect"),
    # reported speech without punctuation after the verb
    ("川普表示將在下週宣布新的關稅措施。", "Donald Trump", "將在下週宣布新的關稅措施", "indirect"),
    # title + name of a known speaker
    ("克宮發言人佩斯科夫表示,目前沒有會面計畫。", "Dmitry Peskov", "目前沒有會面計畫", "indirect"),
    # institution with 方面
    ("莫斯科方面強調,制裁不會改變俄方立場。", "Russia", "制裁不會改變俄方立場", "indirect"),
    # post-posed speaker tag
    ("「這是不可接受的。」佩斯科夫說。", "Dmitry Peskov", "這是不可接受的。", "direct"),
    # colon speech without quotes runs to the end of the paragraph
    ("川普說:我們會贏。我們一定會贏。\n下一段。", "Donald Trump", "我們會贏。我們一定會贏。", "direct"),
])
def test_single_statement(text, speaker, content, kind):
    got = spans(text)
    assert (speaker, content, kind) in [(s, t, k) for s, t, k in got] or \
        any(s == speaker and t.rstrip("。") == content.rstrip("。") for s, t, _ in got), got


def test_unknown_speaker_with_title_is_proposed_and_alias_learned():
    ex = run("白宮發言人李威特(Karoline Leavitt)12日表示,總統將在週五簽署命令。")
    (st,) = ex.statements
    assert st.speaker == "李威特" and st.speaker_key is None
    assert st.text == "總統將在週五簽署命令"
    assert st.said_on == dt.date(2025, 2, 12)
    (new,) = ex.new_speakers
    assert new.name == "李威特" and "Karoline Leavitt" in new.aliases and "發言人" in new.title


def test_relay_gives_via():
    ex = run("路透社引述白宮發言人李威特12日表示,談判仍在進行。")
    (st,) = ex.statements
    assert st.speaker == "李威特" and st.via == ("Reuters",)


def test_outlet_report_is_the_speaker():
    ex = run("根據英國BBC報導,雙方將於下週在日內瓦會面。")
    (st,) = ex.statements
    assert st.speaker == "BBC" and st.text == "雙方將於下週在日內瓦會面"


def test_venue_outlet_and_platform():
    ex = run("普京向《衛報》表示,俄方願意對話。")
    assert ex.statements[0].via == ("The Guardian",)
    ex = run("川普在社交媒體「真相社會」(Truth Social)上表示,他與普京通了電話。")
    (st,) = ex.statements  # the quoted platform name is not a statement
    assert st.via == ("Truth Social",) and st.text.startswith("他與普京")


def test_hearsay_and_questions_are_not_statements():
    assert spans("據悉,雙方將在下月會面。") == []
    assert spans("據了解,會議延期舉行。") == []
    assert spans("記者追問:「你會辭職嗎?」") == []


def test_pronoun_and_chained_clauses():
    text = "佩斯科夫表示,會談很有成果,並強調雙方仍有分歧。他說:「我們會繼續溝通。」"
    got = spans(text)
    assert ("Dmitry Peskov", "會談很有成果", "indirect") in got
    assert ("Dmitry Peskov", "雙方仍有分歧", "indirect") in got
    assert ("Dmitry Peskov", "我們會繼續溝通。", "direct") in got


def test_quote_split_by_speaker_tag():
    got = spans("「我們不會讓步，」毛寧說，「也不接受威脅。」")
    assert [t for _, t, _ in got] == ["我們不會讓步，", "也不接受威脅。"]
    assert {s for s, _, _ in got} == {"Mao Ning"}


def test_scare_quote_after_speech_verb_is_a_statement_but_a_term_is_not():
    got = spans("對此,莫斯科方面明確表示拒絕,並斥責提議「荒謬」。")
    assert ("Russia", "荒謬", "direct") in got
    assert spans("所謂的「一中政策」已經討論多年。") == []


def test_several_speakers_at_once():
    ex = run("英國、法國和德國12日表示,他們必須參與談判。")
    (st,) = ex.statements
    assert st.mention == "英國、法國和德國" and st.text == "他們必須參與談判"


def test_stances_linked_to_the_statement_they_answer():
    text = ("佩斯科夫12日表示,俄方不會撤軍。\n"
            "川普也同意他的說法。\n"
            "毛寧對此回應:「這是不可能的。」")
    ex = run(text)
    texts = [s.text for s in ex.statements]
    st = {(t.speaker, t.polarity, texts[t.target]) for t in ex.stances}
    assert ("Donald Trump", "support", "俄方不會撤軍") in st
    assert ("Mao Ning", "oppose", "俄方不會撤軍") in st


def test_negation_inside_content_is_not_a_stance():
    ex = run("毛寧表示,中方不同意這種做法。")
    assert ex.stances == ()


def test_language_per_statement():
    ex = run("川普說:「我們會贏。」\n特朗普说：“我们会赢。”")
    assert [s.language for s in ex.statements] == ["zh-Hant", "zh-Hans"]


def test_same_claim_across_scripts_and_truncation():
    ex = run("川普說:「我跟普京進行了非常好的電話溝通,我們會取得進展。」\n"
             "特朗普说：“我跟普京进行了非常好的电话沟通…")
    keys = {s.claim_key for s in ex.statements}
    assert len(ex.statements) == 2 and len(keys) == 1


def test_relative_dates():
    assert run("川普12日表示,會談很成功。").statements[0].said_on == dt.date(2025, 2, 12)
    # a day later than the publication day is last month
    assert run("川普20日表示,會談很成功。").statements[0].said_on == dt.date(2025, 1, 20)
    assert run("川普表示,會談很成功。").statements[0].said_on is None


def test_embedded_post_signature():
    text = ("We will keep talking.\n"
            "— Test Person (@testperson) February 12, 2025\n"
            "下一段。")
    ex = run(text)
    (st,) = ex.statements
    assert st.speaker == "Test Person" and st.via == ("X",) and st.said_on == dt.date(2025, 2, 12)
    assert st.language == "en"


def test_bundled_gazetteer_is_used_by_default():
    from claims.extraction import Gazetteer, extract

    assert isinstance(Gazetteer.bundled(), Gazetteer)
    extract("川普表示,會談很成功。")  # does not raise with the bundled registry


def test_gazetteer_lookup_title_stripping():
    assert GAZ.lookup("克宮發言人佩斯科夫").key == "peskov"
    assert GAZ.lookup("川普總統").key == "trump"
    assert GAZ.lookup("莫斯科方面").key == "russia"
    assert GAZ.lookup("無名氏") is None


def test_a_name_or_reputation_is_no_speech_and_the_half_after_a_semicolon_continues():
    """號稱/堪稱 (nominally, can be called) are no speech verbs: the half after ';' stays the speaker's."""
    ex = run("毛寧在記者會表示,一方面,中方呼籲各方保持克制;另一方面,某些國家雖號稱「自由」,卻一再干涉別國內政。")
    assert ("Mao Ning", "另一方面,某些國家雖號稱「自由」,卻一再干涉別國內政") in \
        [(s.speaker, s.text) for s in ex.statements], [(s.speaker, s.text) for s in ex.statements]


def test_an_approval_received_is_no_stance_and_no_speech():
    """受到高度肯定 / 獲得支持: something received; the clause after ';' is still the speaker's."""
    ex = run("毛寧表示,大使曾任五屆議員,參與許多重大法案,更努力推動國會外交,大使的專業能力受到高度肯定;"
             "希望借重他的專業與經驗。")
    assert ex.stances == ()
    assert [(s.speaker, s.text) for s in ex.statements] == [
        ("Mao Ning", "大使曾任五屆議員,參與許多重大法案,更努力推動國會外交,大使的專業能力受到高度肯定"),
        ("Mao Ning", "希望借重他的專業與經驗")]


def test_a_posting_verb_heading_a_noun_is_no_cue():
    from .helpers import spans
    text = "林大文指出,這些粉專發文或分享的數量在選前暴增,而且發文時間集中在凌晨。"
    assert [(s, kind) for s, _, kind in spans(text)] == [("林大文", "indirect")], spans(text)
    assert spans("議員王小明在臉書發文,批評市府防疫不力。")[0][1] == "市府防疫不力"


def test_a_verb_in_the_object_of_a_comparison_is_no_cue():
    from .helpers import spans
    text = "趙大明表示,蘇小華說這是誤會。不過,這些留言的出現時間都晚於李小美以及新聞報導,顯示是有人刻意安排的。"
    got = spans(text)  # the speaker goes on; 報導 there cut his words off
    assert ("趙大明", "不過,這些留言的出現時間都晚於李小美以及新聞報導,顯示是有人刻意安排的", "indirect") in got


def test_as_early_as_a_time_is_no_comparison():
    """早於上週表示 (as early as last week): a time before the verb, which stays a verb of saying."""
    from .helpers import spans
    assert spans("部長林大文早於上週表示,新制將延後上路。") == [("林大文", "新制將延後上路", "indirect")]
    assert spans("部長林大文早於5月底即表示,新制將延後上路。") == [("林大文", "新制將延後上路", "indirect")]
    got = spans("林大文指出,這些留言都早於官方以及新聞報導,顯示消息早已外流。")  # a comparison: 報導 a noun
    assert [s for s, _, _ in got] == ["林大文"], got
