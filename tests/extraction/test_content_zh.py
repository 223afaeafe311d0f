"""Chinese reported content: quoted labels and terms (sentences written for these tests)."""

import pytest

from .helpers import spans


@pytest.mark.parametrize("text", [
    "外交部表示,雙方將簽署「海關互助協定」。",  # the name of an agreement
    "毛寧指出,中方今天舉辦「全球治理」論壇。",  # an event's name after 举办
    "毛寧表示,外界人稱他「鐵娘子」。",  # a nickname
    "川普說,這就是「美國優先」政策的成果。",  # a quoted name heading a noun
])
def test_quoted_names_are_no_statements(text):
    assert all(kind == "indirect" for _, _, kind in spans(text)), spans(text)


def test_a_quoted_term_opening_the_reported_clause_is_part_of_it():
    got = spans("毛寧強調,「一帶一路」倡議已經帶動沿線國家發展。")
    assert got == [("Mao Ning", "「一帶一路」倡議已經帶動沿線國家發展", "indirect")]


def test_a_short_quote_that_is_the_whole_answer_is_direct():
    got = spans("川普說「不可能」。")
    assert ("Donald Trump", "不可能", "direct") in got


def test_a_quote_after_thanks_is_the_thankers_words():
    got = spans("普京訪問北京,川普表示感謝,「但美國還是要靠自己」。")
    assert ("Donald Trump", "但美國還是要靠自己", "direct") in got


def test_zhi_opening_a_word_after_a_comma_is_no_verb():
    got = spans("對此,指揮中心發言人莊大明表示,目前沒有新病例。")
    assert [t for _, t, _ in got] == ["目前沒有新病例"]


def test_an_institution_relaying_its_minister_gives_the_ministers_words():
    got = spans("外交部表示,部長林大同在渥太華致詞表示,民主國家應團結一致。")
    assert [(s, t) for s, t, _ in got] == [("林大同", "民主國家應團結一致")]


def test_a_time_clause_with_a_verb_stays_in_the_reported_words():
    got = spans("毛寧批評,川普說要加徵關稅後,美國企業馬上跟進漲價,受害的是消費者。")
    assert got == [("Mao Ning", "川普說要加徵關稅後,美國企業馬上跟進漲價,受害的是消費者", "indirect")]


def test_a_named_verb_running_into_its_object_stays_in_the_reported_words():
    got = spans("毛寧回憶,當年兩國關係緊張,川普還特地告訴她要保持耐心,讓她印象深刻。")
    assert got == [("Mao Ning", "當年兩國關係緊張,川普還特地告訴她要保持耐心,讓她印象深刻", "indirect")]


def test_he_goes_on_with_the_same_persons_reasoning():
    got = spans("川普表示,很多人說這是失敗,但他認為這是成功的開始。")
    assert got == [("Donald Trump", "很多人說這是失敗,但他認為這是成功的開始", "indirect")]


def test_a_new_attribution_after_a_comma_still_ends_the_clause():
    got = spans("毛寧表示,中方反對干涉,川普則說,美方不會讓步。")
    assert [(s, t) for s, t, _ in got] == [("Mao Ning", "中方反對干涉"), ("Donald Trump", "美方不會讓步")]


def test_each_said_in_a_chain_is_its_own_statement():
    got = spans("川普還說,關稅將在下月生效,說美國企業早已做好準備。")
    assert [t for _, t, _ in got] == ["關稅將在下月生效", "美國企業早已做好準備"]


def test_a_chained_verb_after_a_comma_carries_the_words():
    got = spans("川普今天出面澄清,並反控媒體造謠。")
    assert got == [("Donald Trump", "媒體造謠", "indirect")]


def test_a_post_then_a_verb_of_saying_gives_the_quote():
    got = spans("川普在社群發文轉述友人說法,稱「美國經濟非常強勁」。")
    assert got == [("Donald Trump", "美國經濟非常強勁", "direct")]


def test_an_attitude_is_no_claim():
    assert spans("川普對此表達高度遺憾。") == []
    assert spans("川普表達對台灣的關心。") == []


def test_a_reply_begins_a_new_turn():
    got = spans("川普指控媒體造謠,對此,毛寧第一時間回應。")
    assert got[0] == ("Donald Trump", "媒體造謠", "indirect")


def test_an_appeal_after_a_comma_stays_in_the_speakers_words():
    got = spans("毛寧表示,各方應保持克制,呼籲美方停止挑釁。")
    assert got == [("Mao Ning", "各方應保持克制,呼籲美方停止挑釁", "indirect")]


def test_he_and_a_day_begin_what_the_speaker_did_next():
    got = spans("川普已表態將爭取連任,他今(13)日公布了競選團隊名單。")
    assert got == [("Donald Trump", "將爭取連任", "indirect")]


def test_a_post_that_asks_carries_no_words():
    assert spans("川普在社群發文質問毛寧,中方為何不回應?") == []


def test_whether_one_knows_is_no_denial():
    from claims.extraction.cues import find_cues
    from claims.extraction.document import build_document
    doc = build_document("記者問他是否認識對方。", None)
    assert [c.verb for c in find_cues(doc) if c.verb == "否认"] == []


def test_a_quoted_name_after_de_heading_a_noun_is_a_label():
    assert all(k == "indirect" for _, _, k in spans("川普表示,他撰寫的「美國優先」白皮書將在下月出版。"))


def test_the_ones_addressed_are_not_part_of_the_words():
    got = spans("毛寧提醒大家,出國前應接種疫苗。")
    assert got == [("Mao Ning", "出國前應接種疫苗", "indirect")]


def test_a_modal_opens_no_bare_name():
    assert all(s != "應聚焦" for s, _, _ in spans("毛寧強調,共用帳號不等於有組織,應聚焦於網路發文,是否涉及不實。"))


def test_another_name_and_its_verb_opening_the_clause_take_the_words():
    got = spans("毛寧對此提出質疑,川普則回應「這是誤會」。")
    assert ("Donald Trump", "這是誤會", "direct") in got
    assert not any(s == "Mao Ning" and "這是誤會" in t for s, t, _ in got)


def test_a_quoted_sentence_between_commas_is_split_off_as_direct():
    got = spans("毛寧表示,美方的做法並不妥當,「但真正需要負起責任的其實是那些挑起衝突的國家」,各方應該冷靜。")
    assert ("Mao Ning", "美方的做法並不妥當", "indirect") in got
    assert ("Mao Ning", "但真正需要負起責任的其實是那些挑起衝突的國家", "direct") in got


def test_a_quote_after_a_condition_stays_inside_the_reported_words():
    got = spans("毛寧表示,如果美方真的不願意對話的話,「中方也會採取一切必要的措施來維護自身權益」,請各方理解。")
    assert [kind for _, _, kind in got] == ["indirect"], got


def test_a_clause_opening_with_now_is_no_condition_before_a_quote():
    """如今 (now) opens with the character of 如 (if): the quote after it is still said in the speaker's
    own words; after 如果 it is the main clause of a condition."""
    from .helpers import spans
    got = spans("林大文表示,如今民進黨總是貼標籤,「但真正守護這座城市的一直是我們」,大家都看得到。")
    assert ("林大文", "但真正守護這座城市的一直是我們", "direct") in got, got
    got = spans("林大文表示,如果民進黨繼續貼標籤,「我們就會提出罷免」,大家都看得到。")
    assert not any(kind == "direct" for _, _, kind in got), got

@pytest.mark.parametrize("text", [
    "王小明今天明確表態,兩個方案都能討論,隱約透露自己偏好第二案。",  # the writer reads a hint into the words
    "王小明表示,市府應該加強防疫,言下之意是對中央不滿。",
    "王小明表示,市府應該加強防疫,暗諷中央只會喊口號。",
])
def test_the_writer_reading_between_the_lines_ends_the_words(text):
    assert [body for _, body, _ in spans(text)] == [text.split(",")[1]], spans(text)


@pytest.mark.parametrize("text", [
    "王小明表示,對方的回應隱約透露出不安。",  # the marker inside the words, after their own subject
    "王小明表示,隱約感覺中央還有所保留。",  # 隐约 alone is the speaker's own feeling
])
def test_a_reading_word_inside_the_words_stays(text):
    assert [body for _, body, _ in spans(text)] == [text.split(",")[1].rstrip("。")], spans(text)


def test_each_quote_in_a_list_after_a_speakers_quote_is_theirs():
    got = spans("市議員王小明批評政府「推卸責任」、「浪費公帑」。")
    assert [(body, kind) for _, body, kind in got] == [("推卸責任", "direct"), ("浪費公帑", "direct")], got


@pytest.mark.parametrize("text", [
    "市議員王小明表示,活動名稱是「守護家園」、「愛護鄉土」。",  # names inside the reported words
    "市府推出「早鳥票」、「回饋金」兩項方案。",  # names with no speaker
])
def test_a_list_of_quoted_names_gives_no_direct_words(text):
    assert all(kind == "indirect" for _, _, kind in spans(text)), spans(text)


def test_a_verdict_quote_closing_the_sentence_is_the_speakers_own_words():
    got = spans("毛寧指出,各方應該多聽少說而不是急著下結論,簡直就是「種樹的人最懂等待」。")
    assert got == [("Mao Ning", "各方應該多聽少說而不是急著下結論", "indirect"),
                   ("Mao Ning", "種樹的人最懂等待", "direct")], got


@pytest.mark.parametrize("text", [
    "毛寧指出,這次活動的名稱是「守護家園行動」。",  # a name after 是, no verdict adverb
    "毛寧指出,這真的是「亞洲之光」。",  # the verdict has its own subject: part of the reported words
    "毛寧指出,各方多聽少說,簡直就是「雙贏」,大家都很滿意。",  # not closing the sentence
])
def test_a_quote_after_shi_inside_the_words_stays_in_them(text):
    assert [kind for _, _, kind in spans(text)] == ["indirect"], spans(text)


@pytest.mark.parametrize("text, body", [
    ("國民黨昨天在臉書披露,某議員的助理王大明散播謠言,質疑政府不處理民進黨的造謠。", "政府不處理民進黨的造謠"),
    ("外交部強調,兩國邦誼穩固,並批評外媒刻意誇大,令人不齒。", "外媒刻意誇大,令人不齒"),
])
def test_a_body_going_on_to_criticise_with_a_clause_says_it(text, body):
    assert body in [b for _, b, _ in spans(text)], spans(text)


def test_a_bodys_own_criticism_is_only_a_stance():
    assert spans("國民黨批評政府防疫不力。") == []
