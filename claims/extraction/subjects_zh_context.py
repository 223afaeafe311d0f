"""Extraction stage 4a, Chinese subjects from their context: a verb whose clause names no subject
takes the speaker opening an earlier clause of its sentence; the one asked (媒体问到某某…表示) is not
the subject; a named study (这项由某大学合作的研究指出) speaks, and 研究人员 / 研究报告 refer back to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .anaphora import LOOK_BACK
from .article import Article, AttributionState
from .lexicon import zh as lex
from .lexicon import zh_subjects
from .patterns import CHAIN, alternation
from .records import Cue, Speaker

# (art, state, cue, words, start) -> the speaker those words name (subjects_zh resolves noun phrases)
ClauseSpeaker = Callable[[Article, AttributionState, Cue, str, int], "Speaker | None"]

_OPENER_REACH = 12  # the speaker opening a clause starts this close to it
_OPENER_CLAUSES = 2  # clauses looked back at within the sentence (bounded work)
_CLAUSE_VERB = re.compile(r"[说称指表示批认为]|发文|宣布|表态")  # a clause holding one of these is no noun phrase
_NAME_MAX = 24  # a noun-phrase clause longer than this is no speaker's description
_NAMED_STUDY = re.compile(r"(?:这项|该项|一项|此项|这份|一份|由)[^,。;:!?「」]{2,40}?的(?:研究|研究报告|调查)")
_STUDY_LOOK_BACK = 12  # statements looked back at for the study a 研究人员 belongs to
_CARD_ISSUED = re.compile(r"(?:也|还|则|并|曾|又)?(?:" + alternation(zh_subjects.CARD_ISSUE_VERBS) + r")[^,。;!?\n]{0,14}?(?:"
                          + alternation(zh_subjects.CARD_HEADS) + ")")
_STUDY_HEADS = ("研究", "研究報告", "研究报告", "調查", "调查", "報告", "报告")


def asked_in_clause(art: Article, cue: Cue, clause_start: int) -> bool:
    """A question verb between the clause start and the verb (媒体问到某某…表示)."""
    k = art.cues.first_from(clause_start)
    return any(c.kind == "ask" and c.start < cue.start for c in art.cues.cues[k:k + 3])


def sentence_opener(art: Article, state: AttributionState, cue: Cue, clause_speaker: ClauseSpeaker) -> Speaker | None:
    """某某昨天还援引法条,指…: a verb without a subject after a clause of its sentence that opens with
    a speaker (the nearest such clause), and no verb with a subject between them: that speaker."""
    doc = art.doc
    sentence_start = max(doc.sentence_bounds(cue.start)[0], doc.paragraph_starts[cue.para])
    for c in art.cues.before(cue.start, limit=8):
        if c.start < sentence_start:
            break
        if state.speaker(c) is not None and c.kind != "ask":
            return None  # the verbs of the sentence already have a subject: it goes on
    end = doc.clause_start(cue.start)
    for _ in range(_OPENER_CLAUSES):
        if end - 1 <= sentence_start:
            return None
        start = max(doc.clause_start(end - 1), sentence_start)
        speaker = _clause_subject(art, state, cue, (start, end - 1), clause_speaker)
        if speaker is not None:
            return speaker
        end = start
    return None


def _clause_subject(art: Article, state: AttributionState, cue: Cue, span: tuple[int, int],
                    clause_speaker: ClauseSpeaker) -> Speaker | None:
    """The speaker the clause at span opens with (after connectives and time words), or None."""
    doc = art.doc
    start, end = span
    lead = lex.CONNECTIVES.match(doc.folded[start:end])
    s = start + (lead.end() if lead else 0)
    while s < end and doc.folded[s] in " ,\t":
        s += 1
    time = lex.LEAD_ADVERBIALS.match(doc.folded, s, end)
    while time and time.end() > s:  # 昨天, 会后: time words before the subject
        s = time.end()
        time = lex.LEAD_ADVERBIALS.match(doc.folded, s, end)
    words = doc.folded[s:end]
    if doc.in_quote.contains(s):
        return None
    named = art.mentions.within(s, end)
    if named and named[-1].end == end and len(words) <= _NAME_MAX and not _CLAUSE_VERB.search(words):
        m = named[-1]  # 有意参选某市长的某党议员张某, 就PO文表示: the clause is the speaker's noun phrase
        return m.speaker.named_by(art.text_at(s, end), s, end)
    if not any(m.start == s for m in named[:3]):
        return None
    return clause_speaker(art, state, cue, words, s)


def named_study(art: Article, words: str, start: int) -> Speaker | None:
    """这项由某大学与某大学合作的研究(还)指出: the study is the speaker."""
    study = _NAMED_STUDY.match(words)
    if not study or not (study.end() == len(words.rstrip()) or CHAIN.fullmatch(words[study.end():].rstrip())):
        return None
    mention = art.text_at(start, start + study.end())
    return Speaker(mention, None, mention, start, start + study.end(), "organisation")


def study_named_before(art: Article, state: AttributionState, words: str, start: int) -> Speaker | None:
    """研究人员发现 / 研究报告表示: the study named earlier (这项由某大学合作的研究指出…) speaks again."""
    for st in reversed(state.statements[-_STUDY_LOOK_BACK:]):
        sp = st.speaker
        if sp.mention and sp.mention.rstrip().endswith(_STUDY_HEADS) and start - st.end < 3 * LOOK_BACK:
            return sp.named_by(art.text_at(start, start + len(words)), start, start + len(words))
    return None


def is_card(words: str) -> bool:
    """该图卡, 文宣, 这张海报: a card, flyer or poster named as the one speaking."""
    return words in zh_subjects.CARD_NOUNS


def card_issuer(art: Article, words: str, start: int) -> Speaker | None:
    """该图卡声称 / 文宣写道: the card speaks for the one named just before a verb putting it out (某某散布
    不实海报); a card no one is named as putting out has no speaker."""
    if words not in zh_subjects.CARD_NOUNS:
        return None
    folded = art.doc.folded
    for m in reversed(art.mentions.within(max(0, start - LOOK_BACK), start)):
        if not art.doc.in_quote.contains(m.start) and _CARD_ISSUED.match(folded, m.end, start):
            return m.speaker.named_by(art.text_at(start, start + len(words)), start, start + len(words))
    return None
