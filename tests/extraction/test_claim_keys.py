"""Same-claim keys on sentences written for these tests: a speaker's words said again."""

from claims.extraction.claim_keys import _repeated, canonical

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
