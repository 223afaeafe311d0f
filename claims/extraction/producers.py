"""Extraction stage 6, producers: statements no verb introduces. The text of an embedded post is
its author's; the answers of a press-conference transcript (问：… 答：…) are the spokesperson's; a
topic clause that restates someone's claim (对于X所称「…」, Y反驳) is X's statement.
"""

from __future__ import annotations

import re

from .article import Article, AttributionState
from .document import Intervals
from .lexicon.zh import PRESS_CONFERENCE
from .normalize import fold, normalize_alias
from .records import Candidate, Speaker
from .venues import is_platform, x_platform

_QUESTION_LINE = re.compile(r"\s*(?:问|有记者问|提问|[^\s:,。]{0,10}记者(?:问|提问)?)\s*[:]")  # 问：, 中新社记者：
_ANSWER_LINE = re.compile(r"\s*答\s*[:]\s*")
_PRESS_CONFERENCE = re.compile("|".join(PRESS_CONFERENCE))
_ANSWER_PARAGRAPHS = 3  # an answer without 答： runs at most this many paragraphs
_SPOKESPERSON_REACH = 5000
# 对于X所称「…」, / 针对X指…的说法, : a topic clause restating X's claim before the answer
_TOPIC_CLAIM = re.compile(
    r"(?:^|(?<=[。!?;\n]))[ \t]*(?:而|但|另外|此外)?(?:对于|针对|对)(?P<np>[^,。!?;\n「“”」]{2,30}?)"
    r"(?P<venue>[^,。!?;\n「“”」]{0,12}(?:发文|受访|直播|记者会上|脸书上)[,]?)?"  # 针对X今日于脸书发文,质疑…
    r"(?:所称|所说|所指|所言|声称|宣称|指控|指称|质疑|抨击|批评|爆料|直指|称|指)(?:的)?[ \t]*"
    r"(?P<c>「[^」\n]{2,200}」|“[^”\n]{2,200}”|[^,。!?;\n「“]{4,80}?)"
    r"(?:的(?:说法|指控|批评|言论|观点|论点|质疑|讲法)|一事|一说|等说法)?(?=[,])"
)


# 川普提议的「…」 / 某某主张的「…」: a proposal quoted as a noun is the proposer's words
_PROPOSED = re.compile(r"(?:所)?(?:提议|主张|倡议|提出|所说)的[「“]")


def _overlaps(statements: list[Candidate], start: int, end: int) -> bool:
    return any(st.start < end and st.end > start for st in statements)


def post_statements(art: Article, statements: list[Candidate]) -> list[Candidate]:
    """The body paragraph of each embedded post, unless a statement already covers part of it."""
    out = []
    text = art.doc.text
    for post in art.posts:
        if _overlaps(statements, post.body_start, post.body_end):
            continue
        s, e = post.body_start, post.body_end
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        if e - s >= 2:
            out.append(Candidate(post.poster, s, e, "direct", "post", art.doc.para_of(s), (x_platform(art.gazetteer),),
                                 anchor=post.signature_start, said_on=post.said_on, confidence=0.8))
    return out


def answer_statements(art: Article, state: AttributionState, statements: list[Candidate]) -> list[Candidate]:
    """Press-conference transcripts: 问：… then the spokesperson's answer paragraphs (答：…)."""
    doc = art.doc
    if not _PRESS_CONFERENCE.search(doc.folded[:5000]):
        return []
    out: list[Candidate] = []
    in_answer = 0  # paragraphs of the current answer so far (0: not in an answer, -1: the next one answers)
    speaker = None
    for para in range(len(doc.paragraph_starts)):
        ps, pe = doc.paragraph(para)
        line = doc.folded[ps:pe]
        if not line.strip():
            continue
        if _QUESTION_LINE.match(line) or (line.rstrip().endswith("?") and "记者" in line):
            in_answer = -1
            continue
        answer = _ANSWER_LINE.match(line)
        if not answer and (in_answer == 0 or in_answer >= _ANSWER_PARAGRAPHS or doc.headlines[para]):
            in_answer = 0
            continue
        if _overlaps(statements, ps, pe) or (not answer and _opens_with_valid_cue(art, state, ps, pe)):
            in_answer = 0
            continue
        speaker = speaker or _spokesperson(art, ps)
        if speaker is None:
            return out
        s, e = ps + (answer.end() if answer else 0), pe
        while s < pe and doc.folded[s] in " \t":
            s += 1
        while e > s and doc.folded[e - 1] in " \t":
            e -= 1
        if e - s >= 6:
            out.append(Candidate(speaker, s, e, "direct", "答", para, (), anchor=s, confidence=0.6))
        in_answer = max(in_answer, 0) + 1
    return out


def _opens_with_valid_cue(art: Article, state: AttributionState, ps: int, pe: int) -> bool:
    k = art.cues.first_from(ps)
    return k < len(art.cues.cues) and art.cues.cues[k].start < pe and k in state.valid


def _spokesperson(art: Article, pos: int) -> Speaker | None:
    """The spokesperson of a press conference: a 发言人 named before pos."""
    for m in reversed(art.mentions.within(max(0, pos - _SPOKESPERSON_REACH), pos)):
        sp = m.speaker
        if sp.kind == "person" and ("发言人" in art.doc.folded[max(0, m.start - 8):m.start] or "发言人" in (sp.title or "")):
            return sp.named_by(art.text_at(m.start, m.end), m.start, m.end)
    return None


def topic_statements(art: Article, statements: list[Candidate]) -> list[Candidate]:
    """對於X所稱「…」, Y反駁 / 針對X指…的說法: the topic clause restates X's claim (X's statement)."""
    out = []
    doc = art.doc
    taken = Intervals([(st.start, st.end) for st in statements])
    for m in _TOPIC_CLAIM.finditer(doc.folded):
        claim_start, claim_end = m.span("c")
        if doc.in_quote.contains(m.start("np")) or taken.contains(claim_start) or taken.contains(claim_end - 1):
            continue
        if doc.folded[claim_start:claim_start + 1] in ("「", "“"):
            claim_start, claim_end = claim_start + 1, claim_end - 1
        if claim_end - claim_start < 4:
            continue
        name_start, name_end = m.span("np")
        if m.group("venue"):  # the name may run into the venue words (发言人张禹宣今日于脸书发文)
            name_end = m.end("venue")
        speaker = _topic_speaker(art, statements, name_start, name_end)
        if speaker is not None:
            named = speaker.named_by(art.text_at(name_start, name_end), name_start, name_end)
            out.append(Candidate(named, claim_start, claim_end, "indirect", "topic", doc.para_of(claim_start), (),
                                 anchor=m.start(), confidence=0.6))
    return out


def _topic_speaker(art: Article, statements: list[Candidate], name_start: int, name_end: int) -> Speaker | None:
    """Who X is in 对于X所称: a mention, a learned name, or the speaker of an earlier statement so named."""
    doc = art.doc
    mentions = [m for m in art.mentions.within(name_start, name_end) if not is_platform(doc.lowered[m.start:m.end])]
    if mentions:
        return mentions[-1].speaker
    words = doc.folded[name_start:name_end]
    if normalize_alias(words) in art.names.learned:
        return art.names.learned[normalize_alias(words)]
    found = None
    for st in statements:
        sp = st.speaker
        if st.start < name_start and (fold(sp.name) == words or sp.mention_start is not None and
                              doc.folded[sp.mention_start:sp.mention_end].endswith(words) and len(words) >= 2):
            found = sp  # the last one so named
    return found


def proposal_statements(art: Article, statements: list[Candidate]) -> list[Candidate]:
    """毛某對川普提議的「快篩陽就給藥」提出質疑: the quoted proposal is the proposer's (a person or body
    named right before the verb), unless a statement already covers it."""
    out = []
    doc = art.doc
    taken = Intervals([(st.start, st.end) for st in statements])
    for m in _PROPOSED.finditer(doc.folded):
        q = doc.quote_at.get(m.end() - 1)  # keyed by the opening mark
        if q is None or not q.closed or q.end - q.start < 4 or taken.contains(q.start) or doc.in_quote.contains(m.start()):
            continue
        named = [mn for mn in art.mentions.within(max(0, m.start() - 12), m.start()) if mn.end == m.start()]
        if not named:
            continue
        speaker = named[-1].speaker.named_by(art.text_at(named[-1].start, named[-1].end), named[-1].start, named[-1].end)
        out.append(Candidate(speaker, q.start, q.end, "direct", "proposal", doc.para_of(q.start), (), anchor=m.start(),
                             confidence=0.6))
    return out
