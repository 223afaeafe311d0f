"""Embedded posts in other styles: a Chinese-platform signature, a titled signature name, and the
translation of a post kept apart from the reporter's short gist of it (sentences written for the tests)."""

import datetime as dt

from tests.extraction.helpers import run


def test_weibo_signature_makes_the_paragraph_before_it_a_post():
    text = ("發布會結束後，公司執行長高志遠隨即在微博發文：\n"
            "新一代处理器今天正式量产！我们是全球第一家量产这款芯片的公司。\n"
            "——高志遠 微博 2025-02-12 21:18\n"
            "分析師則持保留態度。")
    ex = run(text)
    posts = [s for s in ex.statements if s.text.startswith("新一代处理器")]
    assert len(posts) == 1
    assert posts[0].speaker == "高志遠" and posts[0].said_on == dt.date(2025, 2, 12)


def test_a_dash_line_without_a_platform_is_no_signature():
    text = ("公司執行長高志遠表示：\n"
            "新一代處理器今天正式量產。\n"
            "——高志遠 2025-02-12\n")
    assert all(not s.via for s in run(text).statements)  # no post: the platform is what marks a signature


def test_titled_signature_names_the_speaker_the_article_names():
    text = ("Sen. Dana Whitfield backed the plan on Tuesday, sharing a post of her own:\n"
            "The state owns the bridge and the state must fix it.\n"
            "— Sen. Dana Whitfield (@SenWhitfield) February 12, 2025\n"
            "Whitfield said the hearing would be held next week.")
    ex = run(text)
    speakers = {s.speaker for s in ex.statements}
    assert "Dana Whitfield" in speakers and "Sen. Dana Whitfield" not in speakers


def test_a_one_word_signature_name_keeps_its_title():
    text = ("The mayor posted a reply.\n"
            "We will fix the bridge.\n"
            "— Mayor Delgado (@MayorDelgado) February 12, 2025\n")
    ex = run(text)
    assert [s.speaker for s in ex.statements if s.text.startswith("We will")] == ["Mayor Delgado"]


def test_translation_of_a_post_groups_but_the_gist_before_it_does_not():
    text = ("眾議員布倫南（Dana Brent）在X上發文，指北京一再把稀土當作「勒索工具」。"
            "她寫道：「北京承諾恢復稀土供應，最後只兌現了一小部分。這不是貿易，這是勒索。」\n"
            "Beijing promised to restore rare earth supplies, then delivered a fraction. "
            "That's not trade, that's extortion.\n"
            "— Rep. Dana Brent (@RepDanaBrent) February 12, 2025\n")
    ex = run(text)
    by_start = {s.text[:4]: s for s in ex.statements}
    gist, rendering, post = by_start["北京一再"], by_start["北京承諾"], by_start["Beij"]
    assert rendering.claim_key == post.claim_key
    assert gist.claim_key != post.claim_key
