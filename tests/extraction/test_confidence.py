"""Confidence from evidence: statements scored by the model in data/confidence.json, stances by
what they rest on (stance_confidence.py); on sentences written for these tests."""

from claims.extraction.confidence import WEIGHTS
from claims.extraction.serialize import to_json

from .helpers import run


def test_model_is_bundled_for_both_languages():
    assert set(WEIGHTS) == {"zh", "en"}
    assert all("bias" in w for w in WEIGHTS.values())


def test_scores_vary_with_the_evidence():
    text = ("交通部長李明哲今天在記者會上表示,高鐵票價明年起將調漲一成,以反映營運成本。\n"
            "他說,調漲是為了維持行車安全。\n")
    ex = run(text)
    assert len(ex.statements) == 2
    assert all(0.0 <= s.confidence <= 1.0 for s in ex.statements)
    named, pronoun = ex.statements
    assert named.confidence > pronoun.confidence  # a name at the verb beats a pronoun


def test_english_reported_speech_scored():
    ex = run('Mayor Karen Bass said on Monday that the city would hire 500 more officers.\n'
             '"We will not wait," she said.\n')
    assert ex.statements and all(0.0 < s.confidence < 1.0 for s in ex.statements)


def test_stance_carries_confidence_and_holder_mention():
    text = "普京批評白宮「破壞談判」。川普拒絕接受普京「破壞談判」的指控。"
    out = to_json(run(text))
    assert out["stances"], out
    st = out["stances"][0]
    assert st["confidence"] >= 0.8  # the rejected words are quoted: the strongest evidence
    assert st["mention"] == "川普"


def test_bare_criticism_is_not_published():
    """批评, followed by the critic's own words, names no statement: the last thing someone else said
    is only a guess, kept below the publishing floor."""
    text = "交通部表示,票價將調漲一成。\n\n消費者團體批評,政府從未公開成本資料。\n"
    ex = run(text)
    assert not ex.stances, ex.stances


def test_this_claim_answers_the_quoted_words_just_before_not_an_older_statement():
    """這種不實謠言 points at the sentence before it: when that sentence quotes words nobody is named for,
    the older statement of someone else is not what is answered (kept unpublished)."""
    text = ("議員王小明表示,市府的防疫政策非常混亂。\n\n"
            "網路上有貼文稱「醫院已經沒有病床了」,引發討論。市長李大華表示,這種不實謠言引起恐慌,會依法究辦。\n")
    ex = run(text)
    texts = [s.text for s in ex.statements]
    assert not any(texts[t.target] == "市府的防疫政策非常混亂" for t in ex.stances), ex.stances
