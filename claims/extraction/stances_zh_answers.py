"""Extraction stage 8a, Chinese stances (continued): answers whose target is named indirectly: a
rhetorical question repeating the claim of the topic clause, an answer to a question about a quoted
criticism, a claim fronted by 对 before the stance verb, a yes to a yes/no question."""

from __future__ import annotations

import bisect
import re

from .lexicon import zh as lex
from .lexicon import zh_stances
from .stance_hints import (
    ANSWERED_CRITICISM,
    QUOTED_CLAIM,
    RHETORICAL,
    THIS_ANSWER,
    StanceContext,
    StanceCue,
    StanceFinding,
    StanceSite,
    said_before,
    statement_at,
)
from .subjects_zh_context import asked_in_clause

_RHETORICAL = re.compile(r"难道[^。!?]{2,120}?吗\?")  # 难道…吗?: a question that asserts the opposite
_RHETORICAL_REACH = 300  # characters of the reply's paragraph read for one
_ECHO_RUN = 4  # characters of the claim a rhetorical question must repeat
_CRITICISM_IN = re.compile("|".join(lex.CRITICISM_NOUNS))  # 问到X批评「…」: a criticism put to the one asked
_FRONTED_GAP = 4  # characters between a fronted quoted claim and the verb (提出, 表示, 表达了)
_QUOTED_BACK = 60  # statements looked at for the one holding quoted words (bounded work)
_ECHO_MIN = 3  # characters of quoted words that must recur in the statement answered
_YES_NO = re.compile(r"(?:是否|是不是|能否|可否|会不会|有没有|吗)[^。!?;]{0,30}\?$")  # …这样说对吗?
_QUESTION_GAP = 3  # characters between the question's statement and its question mark (解读?)
_PARTICLES = "啦啊呀吧喔哦嘛了啰!。,~ "


def rhetorical_echo(ctx: StanceContext, site: StanceSite) -> StanceFinding | None:
    """针对X指「民进党贴标签」, Y回应…。难道…这些都是民进党贴标签吗?: a rhetorical question in the reply's
    paragraph that repeats words of the claim named in the topic clause rejects that claim."""
    if site.topic is None:
        return None
    target = statement_at(ctx, *site.topic)
    if target is None:
        return None
    doc = ctx.art.doc
    cue = site.holder.cue
    claim = doc.folded[ctx.statements[target].start:ctx.statements[target].end]
    end = min(doc.paragraph_ends[cue.para], cue.end + _RHETORICAL_REACH)
    for m in _RHETORICAL.finditer(doc.folded, cue.end, end):
        question = m.group(0)
        if any(question[k:k + _ECHO_RUN] in claim for k in range(len(question) - _ECHO_RUN + 1)):
            return StanceFinding("oppose", target=target, evidence=RHETORICAL)
    return None


def asked_about_criticism(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    """媒体问到X批评台湾堕入「不自由的民主」, Y表示…: asked about a criticism that quotes X's words, the
    one asked answers (rejects) the statement of X's that holds them, the nearest before."""
    doc = ctx.art.doc
    cue = holder.cue
    clause_start = doc.clause_start(cue.start)
    if not asked_in_clause(ctx.art, cue, clause_start):
        return None
    words = doc.folded[clause_start:cue.start]
    criticism = _CRITICISM_IN.search(words)
    if criticism is None:
        return None
    for k in range(clause_start + criticism.end(), cue.start):
        q = doc.quote_at.get(k)
        if q is None or q.end > cue.start:
            continue
        quoted = doc.folded[q.start:q.end]
        if len(quoted) < _ECHO_MIN:
            continue
        last = bisect.bisect_left(ctx.starts, clause_start) - 1
        for i in range(last, max(-1, last - _QUOTED_BACK), -1):
            st = ctx.statements[i]
            if st.speaker.name != holder.speaker.name and st.end <= clause_start and \
                    quoted in doc.folded[st.start:st.end]:
                return StanceFinding("oppose", target=i, evidence=ANSWERED_CRITICISM)
        return None
    return None


def fronted_claim(ctx: StanceContext, site: StanceSite, polarity: str) -> StanceFinding | None:
    """毛某對川普提議的「…」提出質疑 / 對X的「…」表示反對: the claim is fronted by 对 before the verb; a quote
    in it that is a statement, closing just before the verb (提出, 表示, 表达 between), is the target."""
    doc = ctx.art.doc
    cue = site.holder.cue
    words = doc.folded[site.clause_start:cue.start]
    k = words.find("对")
    if k < 0:
        return None
    for pos in range(site.clause_start + k + 1, cue.start):
        q = doc.quote_at.get(pos)
        if q is None or cue.start - q.end - 1 > _FRONTED_GAP:
            continue
        target = statement_at(ctx, q.start, q.end)
        if target is not None:
            return StanceFinding(polarity, target=said_before(ctx, target, site.holder), evidence=QUOTED_CLAIM)
    return None


def answered_yes(ctx: StanceContext, holder: StanceCue) -> StanceFinding | None:
    """王某…这样说对吗?李某则回应「没错啊」: a reply that only says yes (lexicon zh_stances
    AFFIRMING_ANSWERS, quoted right after the verb) to a yes/no question closing the statement just
    before the reply's sentence supports that statement (someone else's)."""
    doc = ctx.art.doc
    cue = holder.cue
    q = next((doc.quote_at[k] for k in range(cue.end, cue.end + 2) if k in doc.quote_at), None)
    if q is None or doc.folded[q.start:q.end].strip(_PARTICLES) not in zh_stances.AFFIRMING_ANSWERS:
        return None
    sentence_start, _ = doc.sentence_bounds(cue.start)
    if not _YES_NO.search(doc.folded, max(0, sentence_start - 40), sentence_start):
        return None
    i = bisect.bisect_left(ctx.starts, sentence_start) - 1
    if i < 0:
        return None
    st = ctx.statements[i]
    if st.speaker.name == holder.speaker.name or not 0 <= sentence_start - st.end <= _QUESTION_GAP:
        return None
    return StanceFinding("support", target=i, evidence=THIS_ANSWER)
