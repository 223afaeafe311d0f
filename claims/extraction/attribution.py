"""Extraction stage 5, attribution: one walk over the cues and the quotes in text order.

A cue gets its subject (subjects_zh / subjects_en) and, when it passes the filters (a speaker,
not hearsay, not a question, a person for a weak verb), licenses its content (content_zh /
content_en). A quote no verb took goes to quoted.py. What is decided is kept in an
AttributionState that the later steps of the walk read (the previous statement, the paragraph's
last subject, verbs already resolved, quotes already used).
"""

from __future__ import annotations

import re

from .article import Article, AttributionState
from .content_en import english_content
from .content_zh import chinese_content, modal_stance
from .lexicon.zh import ROLE_CLAUSE_CRITICISM
from .patterns import CJK
from .quoted import quote_statement
from .quotes import Quote
from .records import Antecedents, Candidate, Cue
from .subjects_en import resolve_english_subject
from .subjects_zh import resolve_chinese_subject

_CRITICISM_CONTENT = re.compile(r"[不没未无太过很只]|[,]")  # 批评政府配套不足，…: a judgement with a clause


def attribute(art: Article) -> AttributionState:
    """Walk the cues and quotes in text order (a quote before a cue at the same offset)."""
    state = AttributionState()
    events: list[tuple[int, int, Cue | Quote]] = [(c.start, 1, c) for c in art.cues.cues]
    events += [(q.open, 0, q) for q in art.doc.top_quotes]
    events.sort(key=lambda x: (x[0], x[1]))
    for _, is_cue, item in events:
        if is_cue:
            _on_cue(art, state, item)
        elif item.open not in state.used_quotes:
            st = quote_statement(art, state, item, state.last_statement)
            if st is not None:
                state.used_quotes.add(item.open)
                state.statements.append(st)
    return state


def content_of(art: Article, state: AttributionState, cue: Cue) -> Candidate | None:
    return english_content(art, state, cue) if cue.lang == "en" else chinese_content(art, state, cue)


def _on_cue(art: Article, state: AttributionState, cue: Cue) -> None:
    if cue.index in state.consumed:  # already the speaker tag of a quote before it
        if cue.lang == "zh" and art.doc.folded[cue.end:cue.end + 1] in ",:" and not cue.is_stance:
            st = content_of(art, state, cue)  # 「…」她并指出,…: the tag's verb says more after it
            if st is not None:
                state.statements.append(st)
        return
    prev = state.last_statement
    if cue.lang == "zh":
        if not CJK.search(art.doc.folded[max(0, cue.start - 2): cue.end + 2]):
            return
        before = Antecedents(prev if prev and prev.para == cue.para else None, state.last_subject.get(cue.para))
        res = resolve_chinese_subject(art, state, cue, before)
    else:
        res = resolve_english_subject(art, state, cue, prev if prev and prev.para >= cue.para - 1 else None)
    state.resolutions[cue.index] = res
    if res.speaker is not None and not res.implicit and not (cue.lang == "zh" and cue.weak and res.speaker.kind != "person"):
        state.last_subject[cue.para] = res.speaker  # (a weak verb's non-person subject is no speaker to go on with)
    if res.speaker is None or res.no_speaker or cue.kind in ("ask", "act"):
        return
    if cue.weak and not (res.speaker.kind == "person" or res.implicit):
        return
    state.valid.add(cue.index)
    if cue.is_stance:
        _criticism_with_clause(art, state, cue)
        return
    st = content_of(art, state, cue)
    if st is not None:
        state.statements.append(st)


def _criticism_with_clause(art: Article, state: AttributionState, cue: Cue) -> None:
    """有议员批评政府配套不足，…: a person's criticism followed by a judgement is also a statement, and so is
    a body's when it goes on from its own words (外交部强调,…,并批评外媒断章取义,十分遗憾: an implicit subject)."""
    if not cue.has_role(ROLE_CLAUSE_CRITICISM) or modal_stance(art, cue) \
            or state.speaker(cue).kind != "person" and not state.resolution(cue).implicit \
            or art.doc.folded[max(0, cue.start - 1):cue.start] in "不未":
        return
    st = content_of(art, state, cue)
    if st is not None and st.end - st.start >= 6 and _CRITICISM_CONTENT.search(art.doc.folded[st.start:st.end]):
        state.statements.append(st)


def dedupe(statements: list[Candidate]) -> list[Candidate]:
    """Overlapping statements: a nested one goes, a direct one replaces an indirect one it overlaps."""
    out: list[Candidate] = []
    for st in sorted(statements, key=lambda s: (s.start, -s.end)):
        if st.end <= st.start:
            continue
        if out and st.start < out[-1].end:
            o = out[-1]
            if not (st.start >= o.start and st.end <= o.end) and st.kind == "direct" and o.kind != "direct":
                out[-1] = st
            continue
        out.append(st)
    return out
