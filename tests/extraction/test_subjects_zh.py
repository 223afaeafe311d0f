"""Chinese subject resolution: each sieve on its own sentences (it names the speaker, and it leaves
alone what is not its case), then the clause before the verb. Plain pytest, no Django."""

from claims.extraction import Gazetteer, SpeakerEntry
from claims.extraction.article import AttributionState
from claims.extraction.records import Antecedents
from claims.extraction.subjects_zh import (
    bare_name,
    company_around_mention,
    coordinated_speakers,
    institution,
    latin_organisation,
    learned_name,
    named_mention,
    outlet_reporting,
    outlet_speaking,
    registry_name,
    resolve_chinese_subject,
    skip_lead_adverbials,
    subject_clause,
    subject_end,
    subject_phrase,
    titled_name,
)

from .helpers import GAZ, article, cue_of


def phrase(text, words, verb, gazetteer=GAZ):
    """The article, and the subject phrase ``words`` (Traditional as written) before ``verb``."""
    art = article(text, gazetteer)
    return art, subject_phrase(art, cue_of(art, verb), art.doc.folded[text.index(words):][: len(words)],
                               text.index(words))


def test_coordinated_speakers_make_a_group():
    art, p = phrase("英國、法國和德國表示,將重啟談判。", "英國、法國和德國", "表示")
    sp = coordinated_speakers(art, p)
    assert (sp.kind, sp.aliases) == ("group", ("United Kingdom", "France", "Germany"))
    art, p = phrase("英國政府表示,將重啟談判。", "英國政府", "表示")
    assert coordinated_speakers(art, p) is None


def test_outlet_reporting_is_the_outlet():
    art, p = phrase("英國BBC報導,雙方已經停火。", "英國BBC", "报导")
    assert (outlet_reporting(art, p).name, outlet_reporting(art, p).kind) == ("BBC", "media")
    art, p = phrase("英國BBC表示,雙方已經停火。", "英國BBC", "表示")
    assert outlet_reporting(art, p) is None  # only an outlet's own verb


def test_company_named_around_a_mention_is_the_company():
    gaz = Gazetteer([SpeakerEntry("tsmc", "TSMC", "organisation", ("台積電",))])
    art, p = phrase("台積電美國子公司表示,工廠將如期投產。", "台積電美國子公司", "表示", gaz)
    assert (company_around_mention(art, p).name, company_around_mention(art, p).kind) == ("台積電美國子公司",
                                                                                          "organisation")
    art, p = phrase("台積電表示,工廠將如期投產。", "台積電", "表示", gaz)
    assert company_around_mention(art, p) is None


def test_named_mention_is_the_last_mention_with_its_title():
    art, p = phrase("美國總統川普表示,談判很順利。", "美國總統川普", "表示")
    sp = named_mention(art, p)
    assert (sp.name, sp.mention) == ("Donald Trump", "美國總統川普")


def test_named_mention_leaves_a_title_and_name_after_an_institution():
    art, p = phrase("克宮發言人Ann Lee表示,談判很順利。", "克宮發言人Ann Lee", "表示")
    assert named_mention(art, p) is None  # Ann Lee speaks, not the Kremlin
    assert titled_name(art, p).name == "Ann Lee"


def test_outlet_speaking_with_an_outlet_verb():
    art, p = phrase("彭博社指出,油價將上漲。", "彭博社", "指出")
    assert (outlet_speaking(art, p).name, outlet_speaking(art, p).kind) == ("Bloomberg", "media")
    art, p = phrase("彭博社透露,油價將上漲。", "彭博社", "透露")
    assert outlet_speaking(art, p) is None


def test_titled_name_is_learned_and_proposed():
    art, p = phrase("交通部長林佑誠表示,票價不會調漲。", "交通部長林佑誠", "表示")
    sp = titled_name(art, p)
    assert (sp.name, sp.mention, sp.kind) == ("林佑誠", "林佑誠", "person")
    assert art.names.get("林佑誠") is not None
    assert [s.name for s in art.names.proposed_speakers()] == ["林佑誠"]
    art, p = phrase("王小明表示,票價不會調漲。", "王小明", "表示")
    assert titled_name(art, p) is None


def test_titled_name_of_a_role_alone():
    art, p = phrase("法務部發言人表示,案件仍在調查。", "法務部發言人", "表示")
    sp = titled_name(art, p)
    assert (sp.name, sp.kind) == ("法務部發言人", "person")


def test_learned_name_after_its_title():
    art, p = phrase("發言人李威特表示,會談順利。李威特強調,雙方將再見面。", "李威特", "强调")
    p = subject_phrase(art, cue_of(art, "强调"), "李威特", art.doc.text.rindex("李威特"))
    assert learned_name(art, p).name == "李威特"
    art, p = phrase("張三豐強調,雙方將再見面。", "張三豐", "强调")
    assert learned_name(art, p) is None


def test_registry_name_with_a_title_stripped():
    art, p = phrase("川普總統表示,會談順利。", "川普總統", "表示")
    assert registry_name(art, p).name == "Donald Trump"
    art, p = phrase("某官員表示,會談順利。", "某官員", "表示")
    assert registry_name(art, p) is None


def test_institution_and_anonymous_people():
    art, p = phrase("國家統計局表示,物價平穩。", "國家統計局", "表示")
    assert (institution(art, p).name, institution(art, p).kind) == ("國家統計局", "organisation")
    art, p = phrase("一名歐洲外交官表示,制裁將延長。", "一名歐洲外交官", "表示")
    assert institution(art, p).kind == "person"
    art, p = phrase("這件事表示,制裁將延長。", "這件事", "表示")
    assert institution(art, p) is None


def test_latin_organisation_before_an_organisation_verb():
    art, p = phrase("Uber表示,將調整費率。", "Uber", "表示")
    assert (latin_organisation(art, p).name, latin_organisation(art, p).kind) == ("Uber", "organisation")
    art, p = phrase("Uber透露,將調整費率。", "Uber", "透露")
    assert latin_organisation(art, p) is None


def test_bare_name_needs_a_common_surname_or_three_characters():
    art, p = phrase("陳明表示,將調整費率。", "陳明", "表示")
    assert bare_name(art, p).name == "陳明"
    art, p = phrase("施明表示,將調整費率。", "施明", "表示")
    assert bare_name(art, p) is None  # 施 is a surname only after a title (欧方 must not become a person)
    art, p = phrase("施明德表示,將調整費率。", "施明德", "表示")
    assert bare_name(art, p).name == "施明德"
    art, p = phrase("多位縣市首長,相繼出面表示會全力配合。", "相繼出面", "表示")
    assert bare_name(art, p) is None  # a verb phrase (came forward one after another), no name
    art, p = phrase("林出面表示,將調整費率。", "林出面", "表示")
    assert bare_name(art, p) is None


def test_subject_clause_drops_relays_datelines_and_hearsay():
    art = article("據悉雙方已經同意停火。")
    assert subject_clause(art, cue_of(art, "同意")).no_speaker
    art = article("路透社引述消息人士表示,雙方已經停火。")
    clause = subject_clause(art, cue_of(art, "表示"))
    assert (clause.via, clause.words) == (("Reuters",), "消息人士")
    art = article("新华社北京3月2日电 发言人毛宁2日表示,中方愿意提供协助。")
    assert subject_clause(art, cue_of(art, "表示")).words.startswith("发言人毛宁")


def test_lead_adverbials_and_subject_end():
    assert skip_lead_adverbials("会后毛宁", 10) == ("毛宁", 12)
    art = article("毛寧12日在記者會上表示,中方願意提供協助。")
    assert subject_end(art, 0, art.doc.folded[:9]) == 2  # 毛宁 | 12日在记者会上



def test_subject_end_joins_two_units_of_one_title_before_a_name():
    art = article("臺灣大學政治學系與公共事務研究所教授王小明則表示,物價會上漲。")
    words = art.doc.folded[:art.doc.folded.index("表示")]
    assert words[:subject_end(art, 0, words)] == "台湾大学政治学系与公共事务研究所教授王小明"
    art = article("海洋科學與工程研究所長林大文指出,物價會上漲。")
    words = art.doc.folded[:art.doc.folded.index("指出")]
    assert words[:subject_end(art, 0, words)] == "海洋科学与工程研究所长林大文"  # the title's own unit (所长)


def test_subject_end_keeps_a_body_and_a_person_apart():
    for text, head in (("外交部與立委王小明都表示,物價會上漲。", "外交部"),  # a body, then a titled person
                       ("立委王大明與林小華則表示,物價會上漲。", "立委王大明")):  # two people
        art = article(text)
        words = art.doc.folded[:art.doc.folded.index("表示")]
        assert words[:subject_end(art, 0, words)] == head

def test_empty_subject_continues_the_paragraph_speaker():
    art = article("毛寧表示,中方願意提供協助,並強調,和談必須重啟。")
    state = AttributionState()
    first = resolve_chinese_subject(art, state, cue_of(art, "表示"), Antecedents())
    chained = resolve_chinese_subject(art, state, cue_of(art, "强调"), Antecedents(last_subject=first.speaker))
    assert (chained.speaker.name, chained.implicit) == ("Mao Ning", True)


def test_pronoun_subject_goes_to_the_person_before():
    art = article("毛寧表示,中方願意提供協助。她說,具體行程將適時發布。")
    res = resolve_chinese_subject(art, AttributionState(), cue_of(art, "说"), Antecedents())
    assert (res.speaker.name, res.speaker.mention) == ("Mao Ning", "她")


def test_verb_without_subject_takes_the_speaker_opening_its_sentence():
    from .helpers import spans
    got = spans("川普當選後不久,毛寧昨天還翻出舊協議,指美方應停止挑釁。")
    assert ("Mao Ning", "美方應停止挑釁", "indirect") in got


def test_the_one_asked_is_not_the_subject_of_the_answer():
    from .helpers import spans
    got = spans("毛寧今天在記者會上,被記者問到川普的說法時表示,中方反對任何干涉。")
    assert ("Mao Ning", "中方反對任何干涉", "indirect") in got


def test_a_surname_alone_names_the_person_just_mentioned():
    from .helpers import spans
    got = spans("議員黃大明表示,預算太少。黃質疑,政府根本沒有規劃。")
    assert ("黃大明", "政府根本沒有規劃", "indirect") in got


def test_the_one_made_to_think_is_no_speaker_unless_named():
    from .helpers import spans
    assert spans("此舉讓選民認為,政府只想選舉。") == []
    assert ("Mao Ning", "政府只想選舉", "indirect") in spans("此舉讓毛寧質疑,政府只想選舉。")


def test_a_clause_that_is_the_speakers_noun_phrase_gives_the_subject():
    from .helpers import spans
    got = spans("有意參選市長的國民黨議員陳文清,就在臉書表示,將發放防疫包。陳文清也說,經費自籌。")
    assert ("陳文清", "將發放防疫包", "indirect") in got


def test_researchers_and_the_report_refer_back_to_the_study_named():
    from .helpers import run
    text = ("這項由東京大學與首爾大學合作的研究指出,每天散步能降低失智風險。\n"
            "研究人員表示,散步半小時的效果最明顯。")
    got = [(s.speaker, s.text) for s in run(text).statements]
    assert got[0][0] == "這項由東京大學與首爾大學合作的研究"
    assert got[1] == ("這項由東京大學與首爾大學合作的研究", "散步半小時的效果最明顯")


def test_a_long_joined_title_names_the_person_who_speaks():
    from .helpers import spans
    got = spans("臺灣大學政治學系與公共事務研究所教授王小明則表示,這項政策會讓物價上漲。")
    assert got == [("王小明", "這項政策會讓物價上漲", "indirect")]


def test_a_card_speaks_for_the_one_named_as_putting_it_out():
    from .helpers import spans
    got = spans("民進黨踢爆議員助理王小明散布不實海報,該海報聲稱北區公園將改建為停車場,但其實是要增設遊戲區。")
    assert ("王小明", "北區公園將改建為停車場", "indirect") in got  # the writer's correction (但其實) cut off
    assert ("民進黨", "議員助理王小明散布不實海報", "indirect") in got


def test_a_card_no_one_is_named_as_putting_out_has_no_speaker():
    from .helpers import spans
    assert spans("某黨昨天公布一張海報,該海報聲稱北區公園將改建為停車場。") == []


def test_a_bare_name_ending_in_an_adverb_that_needs_a_plural_subject_is_whole():
    """林志均說 / 李大同表示: 均 (all) and 同 (together) cannot follow one person's two-character name, so they
    are the name's third character; 亦 (also) can, and two people or a counted group keep the adverb."""
    from claims.extraction import extract

    from .helpers import spans
    assert spans("林志均說,物價會上漲。") == [("林志均", "物價會上漲", "indirect")]
    assert spans("李大同表示,物價會上漲。") == [("李大同", "物價會上漲", "indirect")]
    assert spans("陳文皆指出,物價會上漲。") == [("陳文皆", "物價會上漲", "indirect")]
    assert spans("李大亦表示,物價會上漲。") == [("李大", "物價會上漲", "indirect")]
    assert spans("兩人均表示,物價會上漲。") == []
    assert [s.speaker for s in extract("王毅同表示,中方願意提供協助。").statements] == ["Wang Yi"]  # a known name
