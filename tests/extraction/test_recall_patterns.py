"""Recall patterns from agency copy, relays, briefings and Hong Kong / Taiwan reporting.

Sentences written for these tests (not taken from any article), in varied styles.
"""

import datetime as dt

import pytest

from claims.extraction import Gazetteer, SpeakerEntry, extract

GAZ = Gazetteer([
    SpeakerEntry("reuters", "Reuters", "media", ("Reuters", "路透社")),
    SpeakerEntry("eu", "European Union", "government", ("EU", "歐盟", "欧盟")),
])
PUB = dt.date(2025, 9, 3)


def spans(text):
    return [(s.speaker, s.text, s.kind) for s in extract(text, published=PUB, gazetteer=GAZ).statements]


def speakers(text):
    return [s[0] for s in spans(text)]


@pytest.mark.parametrize("text, speaker, content", [
    ('Commerce Minister Anna Lindqvist accused Beijing on Tuesday of "holding the entire supply chain hostage".',
     "Anna Lindqvist", "holding the entire supply chain hostage"),
    ("Finance Minister Paolo Ferrante said the caps, which from Oct. 1 will apply to all imports, were needed "
     "to protect local producers.", "Paolo Ferrante",
     "the caps, which from Oct. 1 will apply to all imports, were needed to protect local producers"),
    ("In a written statement, Governor Maria Kessler said the region would challenge the ruling in court.",
     "Maria Kessler", "the region would challenge the ruling in court"),
    ("Prime Minister Jonas Berg told reporters the talks had stalled over fishing rights.", "Jonas Berg",
     "the talks had stalled over fishing rights"),
    ("A senior EU official said Brussels had privately urged both sides to accept a compromise.",
     "A senior EU official", "Brussels had privately urged both sides to accept a compromise"),
    ("An advocate general said some of the measures could be justified on health grounds.",
     "An advocate general", "some of the measures could be justified on health grounds"),
    ("The Alpine Farmers Union said its members were already losing money on every litre.",
     "Alpine Farmers Union", "its members were already losing money on every litre"),
])
def test_agency_copy(text, speaker, content):
    got = spans(text)
    assert any(sp == speaker and c == content for sp, c, _ in got), got


def test_the_statement_is_its_issuer():
    text = ("The Northern Dairy Federation issued a statement on Monday. The statement said the new quotas "
            "would ruin hundreds of family farms.")
    assert ("Northern Dairy Federation", "the new quotas would ruin hundreds of family farms", "indirect") in spans(text)


def test_subject_of_said_not_a_name_in_the_content():
    text = ("Regional governor Anton Greiderer defended the plan.\n\n"
            "Greiderer, the governor, said on Wednesday that Ferlini had blocked the money for months.")
    got = spans(text)
    assert ("Anton Greiderer", "Ferlini had blocked the money for months", "indirect") in got, got


def test_narration_is_not_a_statement():
    assert spans("The ministers met in Geneva on Tuesday. Prices rose by 4 percent in August.") == []


def test_source_relayed_by_a_paper_speaks_via_it():
    text = "據《明報》報道，有政府消息人士透露，當局正研究在明年初推出第二階段規管。"
    st = extract(text, published=PUB, gazetteer=GAZ).statements
    assert [(s.speaker, s.text, tuple(s.via)) for s in st] == [
        ("政府消息人士", "當局正研究在明年初推出第二階段規管", ("Ming Pao",))], st


def test_cantonese_hua_and_latin_company():
    text = ("陳小姐話：「啲租金貴到交唔起，佢哋都冇理過我哋。」\n\n"
            "Uber表示，平台司機已超過一萬人。\n\n"
            "佢講完電話之後就走咗。")
    got = spans(text)
    assert ("陳小姐", "啲租金貴到交唔起，佢哋都冇理過我哋。", "direct") in got, got
    assert ("Uber", "平台司機已超過一萬人", "indirect") in got, got
    assert len(got) == 2, got


def test_hua_is_not_a_verb_outside_cantonese():
    assert spans("兩人通電話後，會議氣氛緩和。雙方談話內容未公開。") == []


def test_lawmaker_rebuttal_then_quoted_sentence():
    text = ("國民黨立委許淑芬質詢時指出，第三航廈延宕超過六年。\n"
            "許淑芬隨即反駁，去年交通部也做過相同承諾，「跳票已經成了交通部的習慣」。"
            "她說，在檢討報告出爐之前，國民黨團不會支持任何追加預算。")
    got = spans(text)
    assert ("許淑芬", "去年交通部也做過相同承諾", "indirect") in got, got
    assert ("許淑芬", "跳票已經成了交通部的習慣", "direct") in got, got
    assert ("許淑芬", "在檢討報告出爐之前，國民黨團不會支持任何追加預算", "indirect") in got, got


def test_press_conference_answers_are_the_spokespersons():
    text = ("外交部发言人林剑在例行记者会上答记者问。\n\n"
            "问：有报道称，美方将对华加征新关税，中方对此有何回应？\n\n"
            "答：这种说法是不符合事实的。中方一贯主张通过对话协商解决分歧。\n\n"
            "中方将采取必要措施，坚决维护自身正当权益。\n")
    got = spans(text)
    assert ("林剑", "这种说法是不符合事实的。中方一贯主张通过对话协商解决分歧。", "direct") in got, got
    assert ("林剑", "中方将采取必要措施，坚决维护自身正当权益。", "direct") in got, got


def test_no_answers_without_a_press_conference():
    text = "外交部发言人林剑出席活动。\n\n中方将采取必要措施，坚决维护自身正当权益。\n"
    assert spans(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("国家统计局15日发布数据显示，8月份全国居民消费价格同比上涨0.4%。", "国家统计局", "8月份全国居民消费价格同比上涨0.4%"),
    ("国务院常务会议16日指出，要加大宏观政策调节力度，持续扩大内需。", "国务院常务会议", "要加大宏观政策调节力度，持续扩大内需"),
    ("比亚迪公司发布声明指出，网传公司裁员的消息不实。", "比亚迪公司", "网传公司裁员的消息不实"),
    ("小鹏汽车宣布，新款车型已于本月正式开始交付。", "小鹏汽车", "新款车型已于本月正式开始交付"),
    ("何小鹏在微博发文：“今天是我们团队最激动的一天，感谢每一位用户的支持。”", "何小鹏",
     "今天是我们团队最激动的一天，感谢每一位用户的支持。"),
])
def test_institutions_and_companies(text, speaker, content):
    got = spans(text)
    assert any(sp == speaker and c == content for sp, c, _ in got), got


def test_survey_shows_is_not_a_speaker():
    assert spans("调查显示，多数受访者支持延长假期。屏幕显示的时间有误。") == []


def test_premier_chain_and_closing_quote():
    text = ("行政院長卓榮泰今天在立法院答詢時表示，政府會全力穩定物價。他並說，電價凍漲將延續到年底。\n"
            "選委會強調，投票日期依現行法律辦理，「選委會沒有任何裁量空間」。\n"
            "店家無奈地說，「客人少了一半，房租卻照漲」。")
    got = spans(text)
    assert ("卓榮泰", "政府會全力穩定物價", "indirect") in got, got
    assert ("卓榮泰", "電價凍漲將延續到年底", "indirect") in got, got
    assert ("選委會", "投票日期依現行法律辦理", "indirect") in got, got
    assert ("選委會", "選委會沒有任何裁量空間", "direct") in got, got
    assert ("店家", "客人少了一半，房租卻照漲", "direct") in got, got


def test_quoted_term_mid_sentence_stays_a_term():
    got = spans("市長表示，這項「城市更新計畫」會在明年啟動。")
    assert [c for _, c, _ in got] == ["這項「城市更新計畫」會在明年啟動"], got


def test_party_statement_across_paragraphs():
    text = ("綠黨今日發布聲明，要求選委會公布審查時程，批評執政黨「用程序拖延民意」。執政黨隨即發布新聞稿回應。\n"
            "聲明並批評，執政黨以程序為由反對合併投票，實際上是擔心選情。"
            "聲明最後呼籲選委會「依法行政，勿淪為執政黨的工具」。")
    got = spans(text)
    assert ("綠黨", "選委會公布審查時程", "indirect") in got, got
    assert ("綠黨", "用程序拖延民意", "direct") in got, got
    assert ("綠黨", "執政黨以程序為由反對合併投票，實際上是擔心選情", "indirect") in got, got
    assert ("綠黨", "依法行政，勿淪為執政黨的工具", "direct") in got, got


def test_named_official_after_an_outlet_report_is_the_speaker():
    text = "路透社報導，美國貿易代表辦公室副代表卡特勒（Wayne Cutler）4日在華盛頓對記者表示，雙方仍有重大分歧。"
    st = extract(text, published=PUB, gazetteer=GAZ).statements
    assert [(s.speaker, s.text, tuple(s.via)) for s in st] == [("卡特勒", "雙方仍有重大分歧", ())], st


def test_quote_after_a_negated_stance_stays_with_the_speaker():
    text = ("國民黨立委許淑芬質詢時指出，預算一再追加。"
            "她說，在報告出爐之前，黨團不會支持任何追加預算，「先把帳算清楚再說」。")
    got = spans(text)
    assert ("許淑芬", "先把帳算清楚再說", "direct") in got, got


def test_anonymous_official_after_a_clause_speaks_forward():
    text = ("President Elena Ruiz has made water rights a central plank of her agenda, and a government official, "
            "speaking on condition of anonymity, said the cabinet had approved the plan last week.")
    got = spans(text)
    assert got == [("a government official", "the cabinet had approved the plan last week", "indirect")], got


def test_answering_a_question_then_saying():
    text = "外交部发言人郭嘉昆在例行记者会上回答相关提问时表示，中方一贯主张通过政治外交手段解决问题。"
    assert [c for _, c, _ in spans(text)] == ["中方一贯主张通过政治外交手段解决问题"], spans(text)


def test_bare_noun_clause_after_said_and_anonymous_diplomat():
    got = spans("A Finance Ministry spokesman said projections showed the new levy would raise $200 million a year.")
    assert ("A Finance Ministry spokesman", "projections showed the new levy would raise $200 million a year",
            "indirect") in got, got
    got = spans("一名了解會談內容的歐洲外交官對記者說，歐方不會無限期等待。")
    assert ("一名了解會談內容的歐洲外交官", "歐方不會無限期等待", "indirect") in got, got


def test_said_before_a_prepositional_object_is_not_a_clause():
    assert spans("The minister said in Parliament on Monday.") == []


def test_anonymous_lawmaker_criticises_and_described_quote():
    text = ("特首今日表示，政府不會延長過渡期。有議員批評政府配套不足，擔心租戶無處容身。\n"
            "關注組發言人陳小姐則形容，政府的執法安排「雷聲大、雨點小」。")
    got = spans(text)
    assert any(sp.endswith("議員") and c.startswith("政府配套不足") for sp, c, _ in got), got
    assert ("陳小姐", "雷聲大、雨點小", "direct") in got, got
    assert not any(c.startswith("政府的執法安排") for _, c, _ in got), got


def test_answer_after_an_outlet_reporters_question():
    text = ("国防部新闻发言人张晓刚在例行记者会上答记者问。\n"
            "中新社记者：据报道，美方将举行新一轮军演，请问对此有何评论？\n"
            "这种说法是不符合事实的。我们坚决反对任何挑衅行为。\n")
    assert spans(text) == [("张晓刚", "这种说法是不符合事实的。我们坚决反对任何挑衅行为。", "direct")], spans(text)
