"""Same-claim keys on sentences written for these tests: a speaker's words said again."""

import sys
import unicodedata

from claims.extraction.claim_clauses import clauses_of, comparison_form, restated
from claims.extraction.claim_keys import Said, _repeated, _simplified_all, canonical
from claims.extraction.document import build_document
from claims.extraction.normalize import alnum_words, letters_and_digits, to_simplified

from .helpers import run


def _keys(text):
    ex = run(text)
    return {s.text: s.claim_key for s in ex.statements}


def test_short_quote_said_whole_inside_a_longer_statement_of_the_same_speaker():
    keys = _keys("毛寧表示,昨天測了兩次都是陽性,是「二度感染」。\n"
                 "記者問他何時痊癒。\n毛寧再次強調:「二度感染。」")
    assert keys["昨天測了兩次都是陽性,是「二度感染」"] == keys["二度感染。"], keys


def test_lead_repeated_in_the_body_with_the_same_quantity():
    keys = _keys("毛寧表示,本會期共通過52個議案,包含公民權修憲案、延長特別條例與國營事業改制條例等,"
                 "並感謝所有立委與職員的辛勞。\n記者問下會期的重點。\n"
                 "毛寧指出,今天是第三會期最後一次院會,這個會期從二月開議到現在,在朝野各黨團共同努力下,"
                 "一共通過52個議案,其中包括修憲案一案與法律案三十案。")
    assert len(set(keys.values())) == 1, keys


def test_another_speakers_quantity_or_a_name_with_a_figure_are_no_repetition():
    keys = _keys("毛寧表示,今年共有52個議案送進議會。\n佩斯科夫指出,外界批評送出52個議案卻沒有配套。")
    assert len(set(keys.values())) == 2, keys  # another speaker's words holding the quantity
    # a name holding a figure (21世紀倡議) recurring is not the same claim
    assert not _repeated(canonical("台美21世紀貿易倡議將在月底談判"), canonical("台美21世紀貿易倡議被在野黨唱衰"))
    # under four characters is too little to say the same thing
    assert not _repeated(canonical("同意"), canonical("我同意延長會期"))


# Clause-level restatements (claim_clauses.py): the same speaker's claim told again in other words.

def _groups(text):
    ex = run(text)
    assert len({s.speaker for s in ex.statements}) == 1, [(s.speaker, s.text) for s in ex.statements]
    return [s.claim_key for s in ex.statements]


def test_reported_form_of_a_quote_groups_with_the_quote():
    # 他不會… reported, 我不會… quoted: the persons differ, the claim does not
    keys = _groups("林佑誠表示,他不會離開自己的團隊,嘲諷意味濃厚。\n\n記者追問細節。\n\n"
                   "林佑誠說:「我的原則是我不會離開,一路帶我的團隊。」")
    assert len(keys) == 2 and keys[0] == keys[1]


def test_the_opposite_claim_by_the_same_speaker_stays_apart():
    keys = _groups("林佑誠表示,他會離開自己的團隊。\n\n記者追問細節。\n\n"
                   "林佑誠說:「我的原則是我不會離開,一路帶我的團隊。」")
    assert len(keys) == 2 and keys[0] != keys[1]
    keys = _groups("林佑誠表示,美方不會派兵。\n\n記者追問細節。\n\n林佑誠指出,美方會派兵協助撤僑。")
    assert len(keys) == 2 and keys[0] != keys[1]


def test_negation_said_another_way_is_the_same_claim():
    keys = _groups("林佑誠表示,北登機廊廳的工程並非外包。\n\n記者追問細節。\n\n"
                   "林佑誠說:「工程部分,廊廳的工程不是外包,是我們自己做。」")
    assert len(keys) == 2 and keys[0] == keys[1]


def test_a_label_said_again_as_a_clause_groups_but_not_a_word_inside_another_claim():
    keys = _groups("林佑誠說,王大同是「外行」。\n\n記者追問細節。\n\n林佑誠轉而搖頭說:「外行的,交通他不是專家。」")
    assert len(keys) == 2 and keys[0] == keys[1]
    keys = _groups("林佑誠說,王大同是「外行」。\n\n記者追問細節。\n\n林佑誠說:「外行人常說機場不必擴建,這是錯的。」")
    assert len(keys) == 2 and keys[0] != keys[1]


def test_the_leads_clauses_group_with_the_body_statements_they_sum_up():
    keys = _groups("交通部長林佑誠今天說,北登機廊廳年底啟用,在這位子壓力很大,會全力趕工。\n\n"
                   "記者會上林佑誠指出,北登機廊廳的工程進度順利,年底前可望啟用。\n\n"
                   "林佑誠最後說:「接下來該做的我們一定全力趕工。」")
    assert len(keys) == 3 and len(set(keys)) == 1


def test_a_conditional_is_one_claim_its_consequence_alone_is_not_it():
    keys = _groups("交通部長林佑誠今天說,如果立法院通過預算,他將全力趕工。\n\n"
                   "記者會上林佑誠指出,工程進度順利。\n\n"
                   "林佑誠最後說:「即使預算被刪,我們仍會全力趕工。」")
    assert len(keys) == 3 and len(set(keys)) == 3


def test_comparison_form_drops_persons_and_folds_negation_but_keeps_questions_apart():
    assert comparison_form("他並非專家") == comparison_form("我不是專家") == "不是专家"
    assert comparison_form("是不是超過了?") == "是否超过了"
    c = clauses_of("未來會更好,非常好")
    assert [x.negated for x in c.clauses] == [False, False]  # 未來, 非常 negate nothing
    assert [x.negated for x in clauses_of("並未規定,沒有必要").clauses] == [True, True]


def test_clause_work_is_bounded_for_long_statements():
    unit = "美方應停止對台軍售,"
    assert restated(clauses_of(unit * 3), clauses_of(unit * 3 + "中方將採取必要措施"))
    # the same words, but beyond MAX_SHORT characters or MAX_CLAUSES clauses: not compared clause by clause
    assert not restated(clauses_of(unit * 50), clauses_of(unit * 50 + "中方將採取必要措施"))
    assert not restated(clauses_of("停止軍售," * 45), clauses_of("停止軍售," * 45 + "中方將採取必要措施"))


def test_a_cards_claim_does_not_join_a_longer_statement_telling_of_it():
    ex = run("民進黨指出議員助理王小明散布不實海報,該海報聲稱北區的公園將改建為停車場。"
             "林大文表示,王小明散布海報聲稱北區的公園將改建為停車場,這是刻意誤導居民,必須要道歉。")
    card = next(s for s in ex.statements if s.mention == "該海報")
    told = next(s for s in ex.statements if s.text.startswith("王小明散布海報"))
    assert card.claim_key != told.claim_key


def test_statements_read_the_articles_simplified_text_only_where_it_converts_as_they_do():
    text = "部長說：「憑藉實力，我們會贏。」 院長則說，這是深沈的思考…"
    doc = build_document(text, None)
    spans = [(text.index("憑"), text.index("」")),  # read off the article (Simplified as a whole: 凭借)
             (text.index("藉"), text.index("」")),  # starts inside the phrase 憑藉: converted alone, 藉 stays
             (text.index("我"), text.index("院長") + 2),  # a space the layout made a newline
             (text.index("這"), len(text))]  # NFKC changes the length (…)
    stmts = [Said(text[a:b], "部長", "direct", (), a, b, "說", "部長") for a, b in spans]
    want = [to_simplified(unicodedata.normalize("NFKC", s.text)) for s in stmts]
    assert _simplified_all(stmts, doc) == want
    assert want[0] == "凭借实力,我们会赢。" and want[1].startswith("藉")


def test_letters_and_digits_are_the_unicode_categories_l_and_n_for_every_code_point():
    text = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    keep = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    assert letters_and_digits(text) == keep
    ascii_ = "".join(map(chr, range(128)))
    assert letters_and_digits(ascii_) == "".join(ch for ch in ascii_ if unicodedata.category(ch)[0] in "LN")
    assert alnum_words("It's 40% (not 4.0)!") == ["It", "s", "40", "not", "4", "0"]
    assert alnum_words("台积电（TSMC）说：2nm 已量产…") == ["台积电", "TSMC", "说", "2nm", "已量产"]
