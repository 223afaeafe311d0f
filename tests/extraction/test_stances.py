"""Stance linking on sentences written for these tests: who agrees with or rejects which statement."""

import pytest

from .helpers import run, stances


@pytest.mark.parametrize("text, expected", [
    # a bare rejection answers the last thing another speaker said
    ("佩斯科夫週一表示,和談將在春天重啟。\n毛寧隨即反駁,俄方從未提出具體時間表。",
     ("Mao Ning", "oppose", "和談將在春天重啟")),
    # 表示同意 with nothing after it
    ("毛寧說,雙方應該盡快恢復直航。\n賴清德則表示同意,並承諾在月底前提出方案。",
     ("Lai Ching-te", "support", "雙方應該盡快恢復直航")),
    # 持不同看法 (no object): the previous speaker's statement
    ("川普表示,關稅會讓工廠回流。\n普京則持不同看法。",
     ("Vladimir Putin", "oppose", "關稅會讓工廠回流")),
    # the object names whose words are meant (X的說法), skipping a nearer statement of someone else
    ("佩斯科夫表示,制裁沒有效果。\n毛寧表示,各方應保持克制。\n川普不認同佩斯科夫的說法。",
     ("Donald Trump", "oppose", "制裁沒有效果")),
    # a topic clause names the claim answered (對於X稱..., Y駁斥說)
    ("對於毛寧稱邊境局勢已經緩和,賴清德駁斥說,這個說法並不符合事實。",
     ("Lai Ching-te", "oppose", "邊境局勢已經緩和")),
    # agreeing with a person is agreeing with what that person said
    ("佩斯科夫指出,談判需要時間。\n普京力挺佩斯科夫。",
     ("Vladimir Putin", "support", "談判需要時間")),
    # a quoted claim as the object of the rejection is the target itself
    ("普京批評白宮「破壞談判」。川普拒絕接受普京「破壞談判」的指控。",
     ("Donald Trump", "oppose", "破壞談判")),
    # Simplified, answer with a strong negative after a topic clause
    ("普京表示,西方的制裁完全无效。\n对于普京所谓制裁无效的说法,毛宁回应称,这种说法完全不符合事实。",
     ("Mao Ning", "oppose", "西方的制裁完全无效")),
])
def test_zh_stance_targets(text, expected):
    got, ex = stances(text)
    assert expected in got, (got, [(s.speaker, s.text) for s in ex.statements])


def test_zh_answer_to_a_claim_nobody_made_here_is_no_stance():
    """A stance points at a statement: a claim only named in the topic clause (所谓…的说法) gives none,
    and the answer is still the answerer's statement."""
    got, ex = stances("对于普京所谓制裁无效的说法,毛宁回应称,这种说法完全不符合事实。")
    assert got == set()
    assert [(s.speaker, s.text) for s in ex.statements] == [("Mao Ning", "这种说法完全不符合事实")]


@pytest.mark.parametrize("text", [
    # a negated answer is not agreement
    "對於普京的立場,毛寧回應說,中方不會支持任何單邊制裁。",
    # supporting a country is not a stance on a statement
    "川普表示,美國將增加軍援。\n普京支持俄羅斯軍隊。",
    # a stance verb inside reported content belongs to the content
    "毛寧表示,中方反對任何形式的單邊制裁。",
])
def test_zh_no_stance(text):
    got, _ = stances(text)
    assert not any(p == "support" for _, p, _ in got) if "不會支持" in text else got == set(), got


def test_three_character_name_with_verb_like_character():
    ex = run("立委李承翰表示,預算必須重新檢討。")
    assert [s.speaker for s in ex.statements] == ["李承翰"]


def test_agreement_is_not_content():
    ex = run("毛寧說,雙方應該盡快恢復直航。\n賴清德表示同意,承諾在月底前提出方案。")
    assert "同意" not in [s.text[:2] for s in ex.statements]


# --- speaker resolution rules added with the stance work -----------------------------------

@pytest.mark.parametrize("text, expected", [
    # 她 skips a man named as the object of the previous verb and goes to the subject
    ("議員陳淑芬批評,部長張大偉「一再跳票」。她說,政府必須道歉。",
     ("陳淑芬", "政府必須道歉")),
    # a mention inside reported content is not the antecedent of a sentence-initial pronoun
    ("毛寧表示,王毅將於下週出訪。她說,具體行程將適時發布。",
     ("Mao Ning", "具體行程將適時發布")),
    # the statement of a party, referred to as 聲明 afterwards
    ("民進黨今天發布聲明。聲明指出,公投應該與選舉分開舉行。",
     ("民進黨", "公投應該與選舉分開舉行")),
    # a wire dateline before the subject
    ("新华社北京3月2日电 发言人毛宁2日表示,中方愿意提供协助。",
     ("Mao Ning", "中方愿意提供协助")),
])
def test_zh_speaker_resolution(text, expected):
    got = [(s.speaker, s.mention, s.text) for s in run(text).statements]
    assert any(expected[0] in (sp, m) and t == expected[1] for sp, m, t in got), got


def test_question_only_quote_is_not_a_statement():
    ex = run("立委林美玲質問部長:「你能不能給大家一個日期?還是又要延期?」")
    assert [s.text for s in ex.statements] == []


def test_english_she_goes_to_a_woman():
    text = ("Councilwoman Dana Ortiz met Mr. Paul Grant on Monday.\n"
            'Grant spoke first. "We need the money now," she said.')
    ex = run(text)
    assert [(s.speaker, s.text) for s in ex.statements] == [("Dana Ortiz", "We need the money now,")]


def test_english_sentences_do_not_share_a_claim_by_letters():
    text = ('"The budget will pass this week," Senator Ann Cole said.\n'
            '"Nobody in this building trusts the agency anymore," Mayor Tom Reed said.')
    ex = run(text)
    assert len({s.claim_key for s in ex.statements}) == 2


def test_same_speaker_restating_a_claim_shares_its_key():
    ex = run("毛寧表示,新航站大樓可望在今年年底前正式啟用。\n"
             "記者會後毛寧再度重申,新航站大樓年底前正式啟用的時程不會改變。\n"
             "佩斯科夫表示,俄方將在今年年底前公布新的能源政策。")
    keys = [s.claim_key for s in ex.statements]
    assert len(keys) == 3 and keys[0] == keys[1] != keys[2]


def test_short_english_halves_of_a_quote_are_not_one_claim():
    ex = run('"I am not interested in a fight," Peskov said on Monday. Peskov later said: "I am interested in a deal."')
    assert len({s.claim_key for s in ex.statements}) == len(ex.statements) == 2


def test_same_speaker_repeating_a_clause_inside_a_longer_statement_shares_its_key():
    """A clause said again word for word (eight characters and more) inside a longer statement by the
    same speaker is the same claim; a phone number or a name in common is not enough."""
    ex = run("市長表示,過去三年市府投入大量經費改善交通,捷運延伸線必須在明年底前通車,否則市民將繼續忍受塞車之苦。\n"
             "市長也在臉書重申,身為市長,我向大家保證,捷運延伸線必須在明年底前通車,這是我對選民的承諾,也請中央政府全力配合。\n"
             "市長還說,市民如有意見可撥打服務專線0800-123-456反映。\n")
    keys = [s.claim_key for s in ex.statements]
    assert len(keys) == 3 and keys[0] == keys[1] != keys[2], [(s.text, s.claim_key) for s in ex.statements]


def test_topic_clause_with_a_posted_accusation_is_the_claim_rejected():
    """針對X今日於臉書發文,質疑…, Y駁斥: the accusation in the topic clause is X's statement, and the
    rebuttal answers it (the name may run into the venue words)."""
    text = "針對議員陳小明今日於臉書發文,質疑市府採購案有人圖利,市長王大同駁斥,所有程序都依法辦理。"
    got, ex = stances(text)
    assert ("陳小明", "市府採購案有人圖利") in [(s.speaker, s.text) for s in ex.statements]
    assert ("王大同", "oppose", "市府採購案有人圖利") in got, got


@pytest.mark.parametrize("text, expected", [
    # a rebuttal (回擊) whose words name the opponent answers the opponent, not an ally's last words
    ("毛寧表示,邊境貿易應該盡快恢復。\n佩斯科夫也說,雙方正在研議具體步驟。\n賴清德隨即回擊,希望毛寧不要再搞政治操作。",
     ("Lai Ching-te", "oppose", "邊境貿易應該盡快恢復")),
    # 反擊 with no one named: the last thing someone else said
    ("毛寧表示,台灣的選舉制度並不公平。\n賴清德反擊,台灣的選舉完全公開透明。",
     ("Lai Ching-te", "oppose", "台灣的選舉制度並不公平")),
    # an answer to a criticism named as the topic (面對X質疑) rejects X's statement, even after a closing quote
    ("毛寧批評,台灣的防疫物資分配不均。\n記者問:「你怎麼看?」面對毛寧質疑,賴清德回應,物資都已經按人口比例發放。",
     ("Lai Ching-te", "oppose", "台灣的防疫物資分配不均")),
    # a reply in the sentence of someone else's criticism (X提出質疑, Y則回應「…」) rejects that critic's words,
    # even when the article reports them after the reply
    ("毛寧日前對川普的關稅政策提出質疑,川普則回應「這是必要的」。\n毛寧指出,關稅只會傷害兩國的消費者。",
     ("Donald Trump", "oppose", "關稅只會傷害兩國的消費者")),
])
def test_zh_rebuttal_classes(text, expected):
    got, ex = stances(text)
    assert expected in got, (got, [(s.speaker, s.text) for s in ex.statements])


@pytest.mark.parametrize("text, expected", [
    # siding with speakers named in the words (與英、德立場一致), one-character country names spelled out
    ("英國表示,聯合國調查團應能自由訪問當地。\n毛寧表示,中方與英、德立場一致,呼籲各方保持克制。",
     ("Mao Ning", "support", "聯合國調查團應能自由訪問當地")),
    # the position sided with may be reported after the words
    ("毛寧表示,中方跟法國看法一致,希望盡快停火。\n法國指出,停火是談判的前提。",
     ("Mao Ning", "support", "停火是談判的前提")),
])
def test_zh_alignment_with_a_speaker(text, expected):
    got, ex = stances(text)
    assert expected in got, (got, [(s.speaker, s.text) for s in ex.statements])


@pytest.mark.parametrize("text", [
    # alignment with someone who says nothing in the article is no stance on a statement
    "川普表示,關稅會讓工廠回流。\n毛寧表示,中方與德國立場一致,呼籲各方保持克制。",
    # 一致 about something else than a position
    "英國表示,調查團應能自由訪問。\n毛寧表示,中方與英國的貿易數字一致成長。",
])
def test_zh_alignment_counterexamples(text):
    got, _ = stances(text)
    assert got == set(), got


@pytest.mark.parametrize("text", [
    # a rebuttal naming nobody who spoke here, and the only earlier words are the holder's ally's: no guess
    # beyond the last statement, which is the holder's own
    "賴清德表示,物資都已經發放。\n賴清德隨即回擊,希望在野黨不要再搞政治操作。",
    # a criticism topic whose critic is not named (面對外界質疑): the answer is no stance
    "毛寧表示,邊境貿易應該恢復。\n面對外界質疑,賴清德回應,物資都已經按人口比例發放。",
    # 對此 + a criticism whose words name a person who says nothing here: aimed at that person, not at
    # the last statement (which the holder may well share)
    "毛寧表示,這份圖卡的數字與事實差距很大。\n對此,賴清德抨擊,普京的助理散播假訊息證據確鑿。",
    # a reply with no criticism before it in its sentence is no rejection
    "毛寧日前邀請川普訪問北京,川普則回應「我很期待」。\n毛寧指出,兩國關係正在改善。",
    # 質疑 (no rebuttal verb) naming a speaker is a criticism of its own, not an answer to that speaker
    "毛寧宣布,明年起開放觀光。\n賴清德質疑,毛寧的政策只是口號。",
])
def test_zh_rebuttal_counterexamples(text):
    got, _ = stances(text)
    assert got == set(), got


@pytest.mark.parametrize("text, expected", [
    # a verdict on someone's words in the words reported (X說的是事實): agreement with X
    ("川普表示,工廠正在回流美國。\n毛寧表示,川普說的是事實,中方也看到了。",
     ("Mao Ning", "support", "工廠正在回流美國")),
    # ... or a rejection (X講的是假的)
    ("川普表示,中國正在操縱匯率。\n毛寧表示,川普講的都是假的,人民幣匯率由市場決定。",
     ("Mao Ning", "oppose", "中國正在操縱匯率")),
    # denying a label another speaker used (這不是謠言 after 這是不實謠言)
    ("毛寧表示,這是不實謠言,會追究責任。\n川普表示,因為關稅,很多工廠都關門了,這不是謠言。",
     ("Donald Trump", "oppose", "這是不實謠言,會追究責任")),
    # 並非如X所說: the words reject what X said
    ("川普表示,中國的經濟正在衰退。\n毛寧表示,中國經濟穩定成長,並非如川普所說的那樣。",
     ("Mao Ning", "oppose", "中國的經濟正在衰退")),
    # denying the very words someone just said (「…,不是被拉走」 after 「…就被拉走了」)
    ("毛寧表示,「那些漁船可能在公海就被扣押了」。川普認為,「那些漁船在港口就被擊沉,不是被扣押」。",
     ("Donald Trump", "oppose", "那些漁船可能在公海就被扣押了")),
])
def test_zh_verdict_on_other_words(text, expected):
    got, ex = stances(text)
    assert expected in got, (got, [(s.speaker, s.text) for s in ex.statements])


@pytest.mark.parametrize("text", [
    # under a condition the verdict is no stance
    "川普表示,工廠正在回流美國。\n毛寧表示,如果川普說的是真的,中方會歡迎。",
    # a denied phrase nobody here said: nothing answered
    "毛寧表示,「漁船都已經返港」。川普認為,「這次不是天氣因素」。",
    # a label nobody here used: nothing answered
    "川普表示,工廠正在回流美國。\n毛寧表示,這不是謠言,大家可以自己查證。",
])
def test_zh_verdict_counterexamples(text):
    got, _ = stances(text)
    assert got == set(), got


def test_zh_accused_by_someone_rejects_what_was_just_said():
    """被X指控 (passive): X rejects the words the accused just said; an accusation in the active voice
    is a claim of its own, not a stance on the last statement."""
    got, ex = stances("毛寧說,台灣的疫苗只打了三千劑;被川普指控散播不實訊息。")
    assert ("Donald Trump", "oppose", "台灣的疫苗只打了三千劑") in got, (got, [(s.speaker, s.text) for s in ex.statements])
    got, _ = stances("毛寧表示,台灣的疫苗只打了三千劑。\n川普指控,中方散播不實訊息。")
    assert got == set(), got
