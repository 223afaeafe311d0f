"""Title + name subjects: an institution that only qualifies a title is not the speaker."""

from __future__ import annotations

import pytest

from claims.extraction import extract


@pytest.mark.parametrize(
    ("text", "speaker", "not_speaker"),
    [
        ("行政院長王小明今天表示，明年基本工資將調漲百分之五。", "王小明", "Executive Yuan"),
        ("外交部次長陳大同說:「我們不會在主權問題上退讓。」", "陳大同", ""),
        ("国务院总理李某某在会上指出，今年经济增长目标是百分之五左右。", "李某某", ""),
        ("立法院長林某某受訪時強調，議事規則必須遵守。", "林某某", "Legislative Yuan"),
    ],
)
def test_person_after_institution_title_is_the_speaker(text, speaker, not_speaker):
    statements = extract(text).statements
    assert statements, text
    assert statements[0].speaker == speaker
    assert statements[0].speaker != not_speaker


def test_institution_alone_still_speaks():
    statements = extract("行政院今天表示，明年基本工資將調漲百分之五。").statements
    assert statements and statements[0].speaker == "Executive Yuan"


def test_unresolved_next_speaker_does_not_inherit_the_previous_one():
    text = "行政院長王小明今天表示，明年基本工資將調漲百分之五。\n外交部次長陳大同說:「我們不會退讓。」"
    speakers = [s.speaker for s in extract(text).statements]
    assert speakers[-1] == "陳大同"


def test_stance_on_a_person_named_by_surname_and_title_targets_that_persons_statement():
    text = (
        "市長陳某某今天表示，明年公車票價將調漲兩成。\n"
        "議員林某某則說，市府應該先改善服務品質。\n"
        "另一名議員黃某某表示，她不認同陳市長的說法。"
    )
    result = extract(text)
    stances = [s for s in result.stances if s.speaker == "黃某某"]
    assert stances and stances[0].polarity == "oppose"
    assert result.statements[stances[0].target].speaker == "陳某某"
