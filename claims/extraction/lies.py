"""Extraction stage 8b, claims called lies: inside X's reported words, Y造谣称P / Y谎称P / Y诓称P
reports P as Y's claim and calls it false, so P is a (nested) statement of Y's and X opposes it
(议员李大同表示，局长的助理王小明散播传单造谣称新建的大桥下个月就要封闭: 李大同 rejects
「新建的大桥下个月就要封闭」, a statement of 王小明's).

Run after the stances of the verbs (stances.py), so that a nested claim never becomes "the last thing
said" another answer takes; the stances found so far are re-indexed onto the longer list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .article import Article
from .lexicon import zh_stances
from .records import Candidate, Speaker
from .types import Stance

LIE_CUE = "lie"  # the cue of a claim called a lie (a nested statement)
LIE_CONFIDENCE = 0.6  # the writer's verb names the claim and the holder's words call it false
_LIE = re.compile("(?:(?:" + "|".join(zh_stances.LIE_VERBS) + r")(?:称|说|指)?|(?:"
                  + "|".join(zh_stances.LIE_VERBS_BEFORE_SAYING) + r")(?:称|说|指))[,:]?")
_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9])|[。;!?\n「“]")  # 3,000 is a number
_MIN_CLAIM = 4  # characters of a claim called a lie
_MAX_CLAIM = 200  # characters read for its end (linear time however many lie verbs a statement holds)
_SPEAKER_GAP = 12  # characters between the liar's name and the verb (的助理, 散播图卡)
_REBUTTED = re.compile(r",?(?:立刻|随即|马上|旋即|随后|却|也)?(?:" + "|".join(zh_stances.PASSIVE_MARKERS) + r")([\u4e00-\u9fff]{2,10}?)(?:"
                       + "|".join(zh_stances.REBUTTAL_VERBS) + ")")
_REBUTTER_REACH = 20  # characters after a claim in which its passive rebuttal is read
_OWNER = re.compile(r"的[\u4e00-\u9fff]{1,4}$")  # 陈某的特助: the liar is someone of the named person's


def with_lied_claims(art: Article, statements: list[Candidate], stances: list[Stance]) -> tuple[list[Candidate], list[Stance]]:
    """The statements with the claims called lies inside Chinese statements added (in text order), and
    the stances re-indexed, with the enclosing speaker's rejection of each claim added."""
    found = _lies(art, statements)
    rebutted = [_rebutter(art, claim) for _, claim in found]
    if not found:
        return statements, stances
    merged = sorted([(st.start, 0, k) for k, st in enumerate(statements)] +
                    [(c.start, 1, n) for n, (_, c) in enumerate(found)])
    new_index = {}
    out: list[Candidate] = []
    for _, added, k in merged:
        new_index[(added, k)] = len(out)
        out.append(found[k][1] if added else statements[k])
    moved = [replace(s, target=new_index[(0, s.target)]) for s in stances]
    for n, (i, claim) in enumerate(found):
        holder = statements[i].speaker
        moved.append(Stance(holder.name, holder.key, "oppose", new_index[(1, n)], art.text_at(claim.anchor, claim.start),
                            claim.anchor, claim.start, statements[i].said_on, confidence=LIE_CONFIDENCE,
                            evidence=f"{LIE_CUE}/given", mention=holder.mention))
        if (by := rebutted[n]) is not None and by[0].name not in (holder.name, claim.speaker.name):
            moved.append(Stance(by[0].name, by[0].key, "oppose", new_index[(1, n)], art.text_at(*by[1]), *by[1],
                                statements[i].said_on, confidence=LIE_CONFIDENCE, evidence=f"{LIE_CUE} rebutted/given",
                                mention=by[0].mention))
    return out, moved


def _rebutter(art: Article, claim: Candidate) -> tuple[Speaker, tuple[int, int]] | None:
    """…谎称P，随即被工务局驳斥: the one named as rebutting the claim right after it (passive), and the
    words of the rebuttal."""
    m = _REBUTTED.match(art.doc.folded, claim.end, claim.end + _REBUTTER_REACH)
    if m is None:
        return None
    named = art.mentions.within(m.start(1), m.end(1))
    if named and named[0].start == m.start(1) and named[-1].end == m.end(1):
        sp = named[0].speaker.named_by(art.text_at(m.start(1), m.end(1)), m.start(1), m.end(1))
    else:
        words = art.text_at(m.start(1), m.end(1))
        sp = Speaker(words, None, words, m.start(1), m.end(1), "organisation")
    return sp, (m.start(1), m.end())


def _lies(art: Article, statements: list[Candidate]) -> list[tuple[int, Candidate]]:
    """(index of the enclosing Chinese statement, the claim) for each lie verb inside a statement, each
    claim with its liar. One scan of the text for the verbs (most articles have none), then bisection."""
    doc = art.doc
    folded = doc.folded
    starts = [st.start for st in statements]
    out = []
    for m in _LIE.finditer(folded):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or statements[i].end <= m.end():
            continue  # in narration, or at the very end of the words
        st = statements[i]
        last = min(st.end, m.end() + _MAX_CLAIM)
        end = _CLAUSE_END.search(folded, m.end(), last)
        end = end.start() if end else last
        if end - m.end() < _MIN_CLAIM or _stance_verb_before(art, st, m.start()):
            continue
        liar = _liar(art, st, m.start())
        if liar is not None and liar.name != st.speaker.name:
            out.append((i, Candidate(liar, m.end(), end, "indirect", LIE_CUE, doc.para_of(m.end()), anchor=m.start(),
                                     said_on=st.said_on, confidence=0.5)))
    return out


def _stance_verb_before(art: Article, st: Candidate, pos: int) -> bool:
    """多数居民不认同厂商…，谎称…: a stance verb earlier in the sentence holds the stance (its subject, not
    the statement's speaker, rejects the claim)."""
    sentence_start, _ = art.doc.sentence_bounds(pos)
    return any(c.start >= max(st.start, sentence_start) and c.kind in ("support", "oppose")
               for c in art.cues.before(pos, limit=6))


def _liar(art: Article, st: Candidate, verb: int) -> Speaker | None:
    """The one who lied: the last person named shortly before the verb in its sentence (陈某的特助: the
    named person's aide, by those words), not the statement's speaker."""
    sentence_start, _ = art.doc.sentence_bounds(verb)
    start = max(st.start, sentence_start, verb - _SPEAKER_GAP - 8)
    mentions = [m for m in art.mentions.within(start, verb) if m.speaker.kind == "person"]
    if not mentions or verb - mentions[-1].end > _SPEAKER_GAP:
        return None
    m = mentions[-1]
    owner = _OWNER.search(art.doc.folded, m.end, verb)
    if owner is not None and owner.start() == m.end:
        words = art.text_at(m.start, owner.end())
        return Speaker(words, None, words, m.start, owner.end(), "anonymous")
    return m.speaker.named_by(art.text_at(m.start, m.end), m.start, m.end)
