"""Extraction stage 5c, quotes no verb opened: in order, a speaker tag after the quote (」他说 /
," said Peskov), a verb earlier in the sentence (a scare quote after 斥责提议, or a quote the
reported clause runs into), the person named before it in an embedded post, and a floating quote
that continues the previous statement's speaker. Labels (所谓「…」) and questions are no statements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .anaphora import LOOK_BACK
from .article import Article, AttributionState
from .content_zh import direct_statement, is_label, modal_stance, said_by_cue, verdict_before
from .normalize import lower_form
from .patterns import CJK, CLAIM_NOUN_ALT, TITLE
from .posts import post_holding
from .quotes import Quote
from .records import Antecedents, Candidate, Cue, Post
from .subjects_en import resolve_english_subject
from .subjects_zh import resolve_chinese_subject
from .venues import is_platform, x_platform

_QUESTIONS_ONLY = re.compile(r"(?:[^。!?.]*\?)+\s*")  # 你能不能…？还是…？
_AFTER_QUESTION_VERB = re.compile(r"(?:问|问道|追问|质问|asked|asks)\s*[,:]?\s*$")
_CLAIM_NOUN_AFTER = re.compile("(?:的|之)?(?:" + CLAIM_NOUN_ALT + ")")  # 「…」的指控
_SENTENCE_PUNCTUATION = re.compile(r"[。!?;\n]")
_COMMA_OR_COLON = re.compile(r"[,:]")
_ENGLISH_TAG_BETWEEN = re.compile(r"\s*,?\s*(?:[\w.'’\- ]{1,60}(?:,[\w.'’\- ]{1,40}){0,2},?)?\s*")  # ,’ the minister, Ann Roe, said
_ENGLISH_MARKS = ('"', "“", "”", "''")
_FLOATING_LEAD = re.compile(r'[\s,。.」”"]')
_LABELS = ("所谓", "所谓的", "所称的")
_ZH_TAG_REACH, _EN_TAG_REACH = 30, 80  # a speaker tag starts this close after the quote
_FLOATING_REACH = 400


def quote_statement(art: Article, state: AttributionState, q: Quote, prev: Candidate | None) -> Candidate | None:
    """The statement a quote is, when no verb before it took it, or None."""
    doc = art.doc
    para = doc.para_of(q.open)
    term = doc.is_term(q) and not doc.is_sentence_quote(q)
    if doc.headlines[para] or not doc.quote_body(q).strip() or not _may_be_said(art, state, q, para, term):
        return None
    tag = None if term else _tag_after(art, state, q, prev)
    if tag is not None:
        return _clause_holding(art, state, q, tag) or said_by_cue(art, state, q, tag)
    return _next_in_list(art, q, prev) or _untagged(art, state, q, para, term=term, prev=prev)


def _next_in_list(art: Article, q: Quote, prev: Candidate | None) -> Candidate | None:
    """批评政府「推卸责任」、「浪费公帑」: a quote listed right after a speaker's quoted words is theirs too."""
    if prev is not None and prev.kind == "direct" and q.open == prev.end + 2 and art.doc.folded[prev.end + 1] == "、":
        return replace(prev, start=q.start, end=q.end, anchor=q.open)
    return None


def _untagged(art: Article, state: AttributionState, q: Quote, para: int, *, term: bool,
              prev: Candidate | None) -> Candidate | None:
    """A quote with no speaker tag after it: a verb earlier in its sentence, a post holding it, or a floating quote."""
    cue = cue_before_in_sentence(art, state, q)
    if term:
        return _term_quote(art, state, q, cue)
    if cue is not None and state.speaker(cue) is not None and cue.kind != "ask":  # 表示感谢,「…」: the thanker's
        return said_by_cue(art, state, q, cue)
    post = post_holding(art.posts, q.open)
    if post is not None:
        return post_quote(art, q, post)
    return _floating(art, q, para, prev)


def _may_be_said(art: Article, state: AttributionState, q: Quote, para: int, term: bool) -> bool:
    """Not a label (所谓「公投绑大选」, 举办「…」论坛), not questions only (unless a speaker's verb earlier in
    the sentence asks them: 他质疑,…,「难道…吗?」), not a quote right after a question verb."""
    folded = art.doc.folded
    body = art.doc.quote_body(q).strip()
    if term and folded[max(0, q.open - 3):q.open].endswith(_LABELS) or is_label(art, q):
        return False
    if not term and _QUESTIONS_ONLY.fullmatch(body) and len(body) <= 200 and not _asked_by_a_speaker(art, state, q):
        return False
    return not _AFTER_QUESTION_VERB.search(folded[max(art.doc.paragraph_starts[para], q.open - 6): q.open])


def _asked_by_a_speaker(art: Article, state: AttributionState, q: Quote) -> bool:
    """A rhetorical question closing a sentence whose speech verb has a speaker (…表示,…,「…吗?」)."""
    cue = cue_before_in_sentence(art, state, q)
    return cue is not None and cue.kind != "ask" and CJK.search(art.doc.quote_body(q)) is not None


def _tag_after(art: Article, state: AttributionState, q: Quote, prev: Candidate | None) -> Cue | None:
    """The verb of a speaker tag right after a closed quote (」他说 / ," Peskov said / ," said Peskov),
    resolved and marked as used; None when there is none (or it asks)."""
    if not q.closed:
        return None
    folded = art.doc.folded
    a = q.end + 1
    k = art.cues.first_from(a)
    for c in art.cues.cues[k: k + 3]:
        if c.start - a > (_ZH_TAG_REACH if c.lang == "zh" else _EN_TAG_REACH):
            break
        between = folded[a: c.start]
        if _SENTENCE_PUNCTUATION.search(between) or art.doc.in_quote.contains(c.start):
            break
        if c.lang == "en" and art.doc.english_sentence(c.start)[0] > a + 1:
            break  # '"…" any bank that fails. Lee says …': the verb is in the next sentence
        if c.lang == "zh" and (_COMMA_OR_COLON.search(between.lstrip(" ,")) or len(between) > 16):
            break  # only a speaker may stand between the quote and its verb
        if c.kind == "ask":
            return None
        return _resolved_tag(art, state, c, prev, between)
    return None


def _resolved_tag(art: Article, state: AttributionState, c: Cue, prev: Candidate | None, between: str) -> Cue | None:
    folded = art.doc.folded
    if c.lang == "zh":
        after = folded[c.end: c.end + 2]
        if not (after[:1] in "。,: \n「“" or after == "" or c.end == art.doc.paragraph_ends[c.para]):
            return None
        resolution = state.resolutions[c.index] = resolve_chinese_subject(art, state, c, Antecedents(prev))
        ok = resolution.speaker is not None and not resolution.no_speaker
    else:
        if not _ENGLISH_TAG_BETWEEN.fullmatch(between):
            return None
        resolution = state.resolutions[c.index] = resolve_english_subject(art, state, c, prev)
        ok = resolution.speaker is not None
    if not ok:
        return None
    state.consumed.add(c.index)
    state.valid.add(c.index)
    return c


def _clause_holding(art: Article, state: AttributionState, q: Quote, tag: Cue) -> Candidate | None:
    """'The mayor is "not a backslapper," Lee said.': a clause that runs into the quote before an English
    tag is what was said (indirect, quote marks included), not the quoted words alone."""
    if tag.lang != "en":
        return None
    folded = art.doc.folded
    s, _ = art.doc.english_sentence(q.open)
    lead = folded[s:q.open]
    if len(lead.split()) < 2 or lead.rstrip().endswith((":", ",", "-", "—", "–")) \
            or any(m in lead for m in _ENGLISH_MARKS):
        return None
    e = q.end + (2 if folded.startswith("''", q.end) else 1)
    resolution = state.resolution(tag)
    return Candidate(resolution.speaker, s, e, "indirect", tag.verb, art.doc.para_of(s), resolution.via,
                     anchor=tag.start, confidence=0.8)


def cue_before_in_sentence(art: Article, state: AttributionState, q: Quote) -> Cue | None:
    """The last verb before the quote in its sentence that has a speaker (or asks), in the quote's language."""
    folded = art.doc.folded
    sentence_start, _ = art.doc.sentence_bounds(q.open)
    lang = "zh" if CJK.search(folded[q.start:q.end]) or folded[q.open] in "「『" else None
    for c in art.cues.before(q.open, limit=len(art.cues.cues)):
        if c.start < sentence_start:
            break
        if c.end > q.open or modal_stance(art, c) or c.lang != (lang or c.lang):
            continue
        resolution = state.resolution(c)
        if resolution.speaker is not None and not resolution.no_speaker and (
                c.index in state.valid or c.is_stance or c.kind == "act"):
            return c
        if c.kind == "ask":
            return c
    return None


def _term_quote(art: Article, state: AttributionState, q: Quote, cue: Cue | None) -> Candidate | None:
    """A short quoted term after a verb: the words of the verb's object (「…」的指控), or a scare quote."""
    if cue is None:
        return None
    if verdict_before(art, q) >= 0 and state.speaker(cue) is not None and cue.kind != "ask":
        return said_by_cue(art, state, q, cue)  # …,真的是「…」。: the speaker's verdict in their own words
    folded = art.doc.folded
    if q.open - cue.end <= 8 and not folded[max(0, q.open - 2):q.open].endswith("所谓") \
            and _CLAIM_NOUN_AFTER.match(folded[q.end + 1:q.end + 6]):
        return _object_quote(art, state, q, cue)
    return _scare_quote(art, state, q, cue)


def _object_quote(art: Article, state: AttributionState, q: Quote, cue: Cue) -> Candidate | None:
    """拒绝接受X「…」的指控: the quoted words are X's, the object of the verb (not the verb's speaker's)."""
    named = [m for m in art.mentions.within(cue.end, q.open) if m.speaker.kind != "media"]
    speaker = state.speaker(cue)
    if not named or speaker is None or named[-1].speaker.name == speaker.name:
        return None
    m = named[-1]
    return direct_statement(art, q, m.speaker.named_by(art.text_at(m.start, m.end), m.start, m.end), "object-quote",
                            (), anchor=q.open, confidence=0.6)


def _scare_quote(art: Article, state: AttributionState, q: Quote, cue: Cue) -> Candidate | None:
    """斥责提议「荒谬」: a short quote right after a verb with a speaker is that speaker's word."""
    folded = art.doc.folded
    body = art.doc.quote_body(q)
    speaker = state.speaker(cue)
    if speaker is not None and q.open - cue.end <= 6 and cue.kind != "ask" and not is_platform(lower_form(body)) \
            and CJK.search(body) and not re.search(r"[((]", folded[q.end + 1:q.end + 2]):
        return said_by_cue(art, state, q, cue)
    return None


def post_quote(art: Article, q: Quote, post: Post) -> Candidate | None:
    """A quote inside an embedded post: the person named before it in the post (with a title after
    the name: 川普总统), via the platform and the poster."""
    region_start = post.signature_end if q.open > post.signature_end else post.region_start
    people = [m for m in art.mentions.within(max(region_start, q.open - LOOK_BACK), q.open)
              if m.speaker.kind == "person"]
    if not people:
        return None
    m = people[-1]
    title = TITLE.match(art.doc.folded, m.end)
    end = title.end() if title else m.end
    speaker = m.speaker.named_by(art.text_at(m.start, end), m.start, end)
    st = direct_statement(art, q, speaker, "post-quote", (x_platform(art.gazetteer), post.poster.name), anchor=q.open,
                          confidence=0.6)
    return replace(st, said_on=post.said_on)


def _floating(art: Article, q: Quote, para: int, prev: Candidate | None) -> Candidate | None:
    """A quote in the paragraph of the previous statement (or the next one) with little before it."""
    if prev is None or para - prev.para > 1 or q.open - prev.end >= _FLOATING_REACH:
        return None
    folded = art.doc.folded
    lead = folded[art.doc.paragraph_starts[para]: q.open].strip() if para != prev.para else folded[prev.end: q.open]
    if len(_FLOATING_LEAD.sub("", lead)) > 30:
        return None
    return direct_statement(art, q, prev.speaker, "floating", prev.via, anchor=q.open, confidence=0.6, floating=True)

