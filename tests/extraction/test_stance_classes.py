"""Stance classes added for real news (issue 16), each on sentences written for these tests: an
example that gives the stance and a counterexample that must not."""

import pytest

from .helpers import run, stances


def said(text):
    return [(s.speaker, s.text) for s in run(text).statements]


# --- a relative clause with 曾 before the speaker's name (曾擔任X的Y表示) -------------------------

def test_relative_clause_with_zeng_keeps_the_named_subject():
    """曾 opening 曾擔任…的張某 is part of the subject, not an adverb that leaves the verb without one (which
    made the clause continue the previous speaker)."""
    got = said("市府發言人張大同表示,預算不足。\n曾擔任市府發言人的張大同昨天並直指,預算早已超支。")
    assert ("張大同", "預算早已超支") in got, got


def test_relative_clause_with_zeng_does_not_continue_the_previous_speaker():
    got = said("王小明表示,預算不足。曾擔任市府發言人的張大同昨天並直指,預算早已超支。")
    assert ("王小明", "預算早已超支") not in got, got


# --- groups named as the ones answered (lexicon GROUP_NAMES) ------------------------------------

@pytest.mark.parametrize("row", __import__("claims.extraction.lexicon.zh", fromlist=["x"]).GROUP_NAMES,
                         ids=lambda r: r.word)
def test_group_example_gives_a_stance_on_a_members_statement(row):
    got, ex = stances(row.example)
    first = ex.statements[0]
    assert any(target == first.text and speaker != first.speaker for speaker, _, target in got), got


@pytest.mark.parametrize("row", __import__("claims.extraction.lexicon.zh", fromlist=["x"]).GROUP_NAMES,
                         ids=lambda r: r.word)
def test_group_counterexample_gives_none(row):
    got, ex = stances(row.counterexample)
    assert got == set(), (got, [(s.speaker, s.mention, s.text) for s in ex.statements])


# --- a rebuttal in the accuser's sentence (X爆料,…,Y則反擊,…) -----------------------------------

def test_contrasted_subject_before_a_rebuttal_opens_its_own_statement():
    """北市府則反擊 inside the sentence of an accusation: a noun phrase with 則 before a rebuttal verb
    is another speaker's turn; the rebuttal answers the accusation (爆料 is its verb, not a report
    that the rebuttal answers instead)."""
    got, ex = stances("議員王小明爆料,市府有11個帳號帶風向,北市府則反擊,其中7組與北市府無關。")
    assert ("北市府", "其中7組與北市府無關") in [(s.speaker, s.text) for s in ex.statements]
    assert ("北市府", "oppose", "市府有11個帳號帶風向") in got, got


def test_contrasted_subject_needs_a_rebuttal_verb():
    """…則表示 inside reported words is left to the subject rules (一般說法 may go on); a condition
    (如果…則反對) is part of the words."""
    assert [s.text for s in run("議員王小明表示,如果預算不足則反對興建。").statements] == ["如果預算不足則反對興建"]


def test_a_report_before_a_denial_is_still_what_is_denied():
    """消息傳出後,X隨即否認: the report (no statement here) is denied, not the last statement made."""
    got, _ = stances("先前有消息傳出,黨內屬意王小明。議員李大同說,王小明很適合。不過消息傳出後,王小明隨即否認。")
    assert got == set(), got


# --- a rhetorical question in a reply that repeats the claim named in the topic clause ----------

def test_rhetorical_question_repeating_the_topic_claim_rejects_it():
    got, _ = stances("針對毛寧今日指「台灣的選舉制度並不公平」,賴清德回應表示,毛寧應該先看看自己。"
                     "難道台灣每次換黨執政,都是選舉制度並不公平嗎?")
    assert ("Lai Ching-te", "oppose", "台灣的選舉制度並不公平") in got, got


def test_rhetorical_question_about_something_else_is_no_stance():
    got, _ = stances("針對毛寧今日指「台灣的選舉制度並不公平」,賴清德回應表示,毛寧應該先看看自己。難道大家都不想要和平嗎?")
    assert got == set(), got


# --- 對方 after 與X的對話: the one talked with --------------------------------------------------

def test_the_other_party_of_a_reported_talk_is_the_one_talked_with():
    """與醫護朋友的對話,對方稱「…」: 對方 is the friend, not the one who posted the talk; a rejection of
    the words (這種不實謠言) answers the friend's statement."""
    got, ex = stances("藝人王小明日前在臉書貼文分享與醫護朋友的對話,對方稱「看到這麼多孩子就這樣走了」,引發爭論。"
                      "行政院長蘇大同表示,這種不實謠言,引起社會恐慌大可不必。")
    assert ("醫護朋友", "看到這麼多孩子就這樣走了") in [(s.speaker, s.text) for s in ex.statements]
    assert ("蘇大同", "oppose", "看到這麼多孩子就這樣走了") in got, got


def test_the_other_party_without_a_talk_in_its_sentence_is_resolved_as_before():
    got = said("毛寧表示,雙方應恢復對話。對方稱「這不可能」。")
    assert ("醫護朋友", "這不可能") not in got and ("雙方應恢復", "這不可能") not in got, got


# --- unsourced reports that a denial answers (reports.py) ---------------------------------------

def test_a_denied_report_is_a_statement_and_the_denial_targets_it():
    got, ex = stances("先前有消息傳出,黨內高層屬意王小明出征。不過消息傳出後,王小明就已否認,「我無意參選。」")
    assert ("消息", "黨內高層屬意王小明出征") in [(s.speaker, s.text) for s in ex.statements]
    assert ("王小明", "oppose", "黨內高層屬意王小明出征") in got, got


def test_a_quoted_media_report_denied_is_the_target():
    got, _ = stances("日前有媒體指出「市長將接任部長」,市長隨即否認。")
    assert any(p == "oppose" and t == "市長將接任部長" for _, p, t in got), got


def test_an_unanswered_report_is_no_statement():
    assert run("先前有消息傳出,黨內高層屬意王小明出征。王小明今天出席活動。").statements == ()


# --- the agent of a passive stance verb, and several holders joined by 及/和 ---------------------

def test_the_agent_of_a_passive_rebuttal_holds_the_stance():
    """不料卻慘遭X打臉: X rejects what was just said (before, the clause had no subject and became the
    previous speaker's continued speech)."""
    got, ex = stances("毛寧表示,台灣將加入聯盟。不料卻慘遭川普打臉。")
    assert ("Donald Trump", "oppose", "台灣將加入聯盟") in got, got
    assert [s.text for s in ex.statements] == ["台灣將加入聯盟"]


def test_each_of_two_named_agents_holds_the_stance():
    got, _ = stances("毛寧表示,台灣將加入聯盟。不料卻慘遭川普及立委黃世杰打臉。")
    assert {("Donald Trump", "oppose", "台灣將加入聯盟"), ("黃世杰", "oppose", "台灣將加入聯盟")} <= got, got


def test_a_name_inside_a_holders_description_is_not_a_second_holder():
    """「川普的顧問黃世杰」 is one person: only names joined by a coordinator are several holders."""
    got, _ = stances("毛寧表示,台灣將加入聯盟。不料卻慘遭川普的顧問黃世杰打臉。")
    assert ("Donald Trump", "oppose", "台灣將加入聯盟") not in got, got


def test_a_report_of_several_quotes_and_a_clause_up_to_the_writers_turn():
    """日前媒體傳出X,甚至有媒體指出「Q1」、「Q2」,不料…打臉: the clause stops at the writer's turn (甚至),
    each quote in the row is a statement, and the denial answers the last one."""
    got, ex = stances("日前特定媒體傳出市長要轉戰議會,甚至有媒體指出「市長已經點頭」、「黨部正式徵召」,不料卻慘遭川普打臉。")
    texts = [s.text for s in ex.statements]
    assert texts == ["市長要轉戰議會", "市長已經點頭", "黨部正式徵召"], texts
    assert ("Donald Trump", "oppose", "黨部正式徵召") in got, got


# --- the writer narrating what the speaker did next ends the words ------------------------------

def test_the_speakers_own_name_with_a_chain_adverb_ends_the_reported_clause():
    """…,別讓悲劇再度發生,李雅靜也在文末加上標籤,全力聲援王小明: the writer narrates again; the support
    (全力 is an adverb, the subject carries over) is a stance on what 王小明 said."""
    text = ("藝人王小明發文說,很多孩子都走了。\n"
            "議員李雅靜呼籲,政府應該加強兒童防疫,別讓悲劇再度發生,李雅靜也在文末加上標籤,全力聲援王小明。")
    got, ex = stances(text)
    assert ("李雅靜", "政府應該加強兒童防疫,別讓悲劇再度發生") in [(s.speaker, s.text) for s in ex.statements]
    assert ("李雅靜", "support", "很多孩子都走了") in got, got


def test_another_name_in_the_words_does_not_end_them():
    got = said("議員李雅靜呼籲,政府應該加強兒童防疫,王小明也應該道歉。")
    assert ("李雅靜", "政府應該加強兒童防疫,王小明也應該道歉") in got, got


# --- asked about a criticism that quotes someone's words ----------------------------------------

def test_an_answer_to_a_question_about_a_quoted_criticism_rejects_it():
    """媒體問到X批評…「…」表示,…: 批評 belongs to the question (no statement of its own), 表示 carries the
    answer, and the answer rejects X's statement that holds the quoted words."""
    got, ex = stances("毛寧批評,台灣正在墮入「不自由的民主」。\n"
                      "賴清德上午參觀書展,媒體問到毛寧批評台灣墮入「不自由的民主」表示,台灣的自由民主全世界公認。")
    assert [(s.speaker, s.text) for s in ex.statements][-1] == ("Lai Ching-te", "台灣的自由民主全世界公認")
    assert ("Lai Ching-te", "oppose", "台灣正在墮入「不自由的民主」") in got, got


def test_an_answer_to_a_question_about_something_else_is_no_stance():
    got, _ = stances("毛寧表示,台灣正在墮入「不自由的民主」。\n賴清德上午參觀書展,媒體問到颱風動態表示,會持續關注。")
    assert got == set(), got


# --- a proposal quoted as a noun, fronted by 對 before the stance verb ---------------------------

def test_a_fronted_quoted_proposal_is_the_proposers_statement_and_the_target():
    """毛寧對川普提議的「…」提出質疑: the quoted proposal is 川普's words, and the doubt rejects them."""
    got, ex = stances("衛福部長毛寧日前曾對台北市長川普提議的「快篩陽就給藥」提出質疑。")
    assert ("Donald Trump", "快篩陽就給藥") in [(s.speaker, s.text) for s in ex.statements]
    assert ("Mao Ning", "oppose", "快篩陽就給藥") in got, got


def test_a_quoted_term_of_someone_without_a_proposal_verb_is_no_statement():
    """川普的「…」一詞: a term, not words he is reported to have proposed."""
    got, ex = stances("毛寧日前對川普的「全面開放邊境」一詞提出質疑。")
    assert got == set() and ex.statements == (), (got, ex.statements)


def test_a_bare_rebuttal_of_relayed_words_answers_who_said_them():
    """王某提到川普曾提議「…」一事,遭毛寧反駁: the rebuttal answers 川普's proposal (said before), not the
    councillor who relays it."""
    text = ("川普提議的「快篩陽就給藥」引發討論。\n"
            "議員王大同質詢時提到,川普曾在5月提議「快篩陽就給藥」一事,遭毛寧反駁,認為誰負醫療責任?")
    got, _ = stances(text)
    assert ("Mao Ning", "oppose", "快篩陽就給藥") in got, got
    assert not any(t.startswith("川普曾在5月") for _, _, t in got), got


def test_something_else_happening_at_that_moment_ends_the_words():
    """…,其中7組與北市府無關,而PTT也在此時爆發刪文潮,對此…: the first turn (here narration of another event)
    ends the rebuttal's words, even when a reply (對此) comes later in the sentence."""
    got = said("議員王小明爆料,市府有11個帳號帶風向,北市府則反擊,其中7組與北市府無關,而PTT也在此時爆發刪文潮,"
               "對此,學者李大同解釋,各政黨都有網路社群。")
    assert ("北市府", "其中7組與北市府無關") in got, got


def test_a_longer_list_of_names_stays_one_holder():
    """甲、乙、丙及丁 rebutting together read as one group (the gold names a caucus), not four stances."""
    got, _ = stances("毛寧表示,台灣將加入聯盟。不料卻慘遭川普、普京、佩斯科夫及立委黃世杰打臉。")
    assert len([1 for _, p, _ in got if p == "oppose"]) <= 1, got


# --- a reply that only says yes to a yes/no question closing someone's statement ------------------

def test_a_yes_to_a_yes_no_question_supports_the_statement_asking_it():
    ex = run("議員王小明指出,若增加班次,通勤時間可以縮短一半,這樣說對嗎?局長李大同則回應「沒錯啊」,班次確實會增加。")
    got = [(t.speaker, t.polarity, ex.statements[t.target].speaker) for t in ex.stances]
    assert ("李大同", "support", "王小明") in got, got


def test_a_reply_that_is_not_a_yes_is_no_stance():
    ex = run("議員王小明指出,若增加班次,通勤時間可以縮短一半,這樣說對嗎?局長李大同則回應「還要再研究」,班次確實會增加。")
    assert not any(t.speaker == "李大同" for t in ex.stances), ex.stances


def test_a_yes_after_no_question_is_no_stance():
    ex = run("議員王小明指出,若增加班次,通勤時間可以縮短一半。局長李大同則回應「沒錯啊」,班次確實會增加。")
    assert not any(t.speaker == "李大同" for t in ex.stances), ex.stances


# --- plain denials and agreement said in a word (lexicon zh_stances DENIAL_WORDS, 嗤之以鼻, 呼應) ----

@pytest.mark.parametrize(("reply", "polarity"), [
    ("議員李文華回應,並無此事。", "oppose"),
    ("議員李文華回應稱,相關報導純屬捏造。", "oppose"),
    ("議員李文華回應,此說法是錯誤訊息。", "oppose"),
    ("議員李文華對此嗤之以鼻。", "oppose"),
    ("議員李文華呼應王小明的看法。", "support"),
    ("議員李文華則說,這個說法並不正確。", "oppose"),
    ("議員李文華表示,王小明所言屬實。", "support"),
    ("議員李文華說,王小明講的沒錯。", "support"),
    ("議員李文華直言,王小明的說法「根本不可能」。", "oppose"),
])
def test_a_plain_reply_word_gives_the_stance(reply, polarity):
    got, _ = stances("市長王小明表示,市府將在明年調漲水費。" + reply)
    assert ("李文華", polarity, "市府將在明年調漲水費") in got, got


def test_a_denial_word_in_words_that_answer_nothing_is_no_stance():
    got, _ = stances("市長王小明表示,市府將在明年調漲水費。議員李文華表示,學校應該教學生辨識假消息。")
    assert got == set(), got


# --- a claim as the subject of a passive stance verb (X的說法遭Y駁斥) ------------------------------

@pytest.mark.parametrize("sentence", ["王小明的說法隨即遭議員李文華駁斥。", "王小明的說法隨即被議員李文華否認。"])
def test_the_agent_of_a_passive_stance_verb_holds_it_against_the_subjects_claim(sentence):
    got, _ = stances("市長王小明表示,市府將在明年調漲水費。" + sentence)
    assert ("李文華", "oppose", "市府將在明年調漲水費") in got, got
    assert not any(holder == "王小明" for holder, _, _ in got), got


def test_a_bare_verdict_under_a_condition_is_no_stance():
    got, _ = stances("市長王小明表示,市府將在明年調漲水費。議員李文華表示,如果王小明所言屬實,市府應該說明。")
    assert got == set(), got


@pytest.mark.parametrize("reply", ["議員李文華直言,王小明的說法很有意思。", "議員李文華直言,陳大明的說法根本不可能。"])
def test_a_named_claim_without_a_denial_or_of_someone_silent_is_no_stance(reply):
    got, _ = stances("市長王小明表示,市府將在明年調漲水費。" + reply)
    assert got == set(), got
