"""Chinese continued speech and paragraph layout, on sentences written for these tests."""

from claims.extraction.document import build_document, spaced_breaks_as_newlines

from .helpers import PUB, spans


def test_space_after_a_chinese_sentence_end_is_a_paragraph_break():
    text = "市長表示,預算已送出。 議長說,會盡快審查。「我們不會拖延。」 他補充。"
    layout = spaced_breaks_as_newlines(text)
    assert len(layout) == len(text)
    assert layout == "市長表示,預算已送出。\n議長說,會盡快審查。「我們不會拖延。」\n他補充。"
    doc = build_document(text, PUB)
    assert len(doc.paragraph_starts) == 3
    assert doc.text == text  # offsets and output text stay the original's


def test_spaces_inside_english_or_before_punctuation_are_no_break():
    text = "他說 Taiwan is ready. Really? Yes 。 ,還有 (「附註」) 10項"
    assert spaced_breaks_as_newlines(text) == text


def test_spaced_paragraph_ends_a_speaker_tag_search():
    # the quote ends a paragraph: the next paragraph's verb opens its own statement, not a tag
    got = spans("毛寧說:「我們反對干涉。」 川普指出,關稅將在下月生效。")
    assert ("Donald Trump", "關稅將在下月生效", "indirect") in got


def test_sentence_after_a_statement_continues_its_speaker():
    got = spans("毛寧表示,中方反對任何干涉。相關國家應停止挑釁行為。\n下一段另有報導。")
    assert ("Mao Ning", "中方反對任何干涉", "indirect") in got
    assert ("Mao Ning", "相關國家應停止挑釁行為", "indirect") in got


def test_semicolon_ends_a_statement_and_the_rest_continues():
    got = spans("毛寧表示,中方反對任何干涉;相關國家應停止挑釁行為。")
    assert [(s, t) for s, t, _ in got] == [("Mao Ning", "中方反對任何干涉"), ("Mao Ning", "相關國家應停止挑釁行為")]


def test_rest_of_a_sentence_after_a_quote_continues_its_speaker():
    got = spans("川普說「關稅將在下月生效」,美國企業必須及早準備。")
    assert ("Donald Trump", "美國企業必須及早準備", "indirect") in got


def test_continuation_stops_at_another_speaker_a_question_or_narration():
    text = ("毛寧表示,中方反對任何干涉。川普則說,美方不會讓步。"
            "記者問到關稅何時生效,雙方都沒有回應。據了解,談判下週恢復。同日,川普前往佛州。")
    got = spans(text)
    assert [s for s, _, _ in got].count("Mao Ning") == 1
    assert ("Donald Trump", "美方不會讓步", "indirect") in got
    assert not any("談判下週恢復" in t or "佛州" in t or "雙方都沒有回應" in t for _, t, _ in got)


def test_continuation_skips_questions_and_editor_notes():
    got = spans("毛寧表示,中方反對任何干涉。難道這樣也有錯嗎?(編輯:王小明)")
    assert [t for _, t, _ in got] == ["中方反對任何干涉"]


def test_a_new_paragraph_is_not_continued():
    got = spans("毛寧表示,中方反對任何干涉。\n相關國家應停止挑釁行為。")
    assert [t for _, t, _ in got] == ["中方反對任何干涉"]


def test_quote_inside_a_reported_clause_stays_in_it():
    got = spans("川普回應,歐洲的做法如同「把球踢回給美國」,美國不會買單。")
    assert ("Donald Trump", "歐洲的做法如同「把球踢回給美國」,美國不會買單", "indirect") in got


def test_quote_closing_a_reported_sentence_is_split_off():
    got = spans("川普表示,談判已經破裂,「這是對方的責任」。")
    assert ("Donald Trump", "談判已經破裂", "indirect") in got
    assert ("Donald Trump", "這是對方的責任", "direct") in got


def test_a_condition_naming_someone_does_not_end_the_reported_clause():
    got = spans("毛寧表示,相關調查仍在進行,若川普發文證實此事,中方將立即回應。")
    assert ("Mao Ning", "相關調查仍在進行,若川普發文證實此事,中方將立即回應", "indirect") in got


def test_a_verb_before_de_modifies_a_noun():
    got = spans("毛寧指出,川普宣布的關稅措施違反世貿規則。")
    assert [(s, t) for s, t, _ in got] == [("Mao Ning", "川普宣布的關稅措施違反世貿規則")]


def test_quote_closing_a_continued_sentence_is_split_off_as_direct():
    got = spans("毛寧表示,中方反對任何干涉。各國政府都很清楚,「這是不變的立場。」")
    assert ("Mao Ning", "各國政府都很清楚", "indirect") in got
    assert ("Mao Ning", "這是不變的立場。", "direct") in got


def test_rhetorical_question_quote_of_a_speaker_is_a_statement():
    got = spans("毛寧批評,美方一再挑釁,「難道這是負責任的做法嗎?」")
    assert ("Mao Ning", "難道這是負責任的做法嗎?", "direct") in got


def test_a_verb_after_a_quote_that_says_more_is_not_only_a_tag():
    got = spans("毛寧表示,美方應停止挑釁,「這是底線。」她並指出,中方已提出嚴正交涉。")
    assert ("Mao Ning", "中方已提出嚴正交涉", "indirect") in got


def test_a_verb_inside_a_continued_sentence_does_not_stop_it():
    got = spans("毛寧表示,多數國家反對制裁;此外各國不認同美方近期作法,誆稱在規則前提下已作出安排。")
    assert ("Mao Ning", "此外各國不認同美方近期作法,誆稱在規則前提下已作出安排", "indirect") in got
