"""Extraction stage 5a, Chinese content: what a resolved Chinese verb licenses, the quote right after
it or the reported clause (to the end of the sentence; after a colon, of the paragraph), cut where
the next clause names its own speaker and cleared of what is not a claim (表示感谢, 证实美方说法).
"""

from __future__ import annotations

import re

from .article import Article, AttributionState
from .cues import opens_content
from .lexicon import names, zh_claims, zh_cues
from .lexicon import zh as lex
from .mentions import name_after
from .normalize import fold, normalize_alias
from .patterns import CHAIN, CHAIN_THEN_ONLY, CJK, PRONOUN, TITLE, alternation
from .quotes import Quote
from .records import Candidate, Cue, Speaker
from .subjects_zh import subject_end
from .subjects_zh_context import card_issuer, is_card

_SKIP_AFTER_VERB = " ,:\t"  # 表示, / 称： (and 道 right after the verb: 说道:)
_ANSWER_TIME = re.compile(r"[^,。;:!?]{0,8}?[时后]")  # 答询时表示, 回答相关提问时表示
_SENTENCE_PUNCTUATION = re.compile(r"[。!?;\n]")
_RELAYED = re.compile(r"据|引述|援引")
_SOURCE_NOUN = re.compile(r"(?:有)?[\u4e00-\u9fff]{2,12}")  # (有)政府消息人士
_NAME_THEN_MARKER = re.compile(r"[\u4e00-\u9fff・·]{2,6}(?:\(|\d|在|对|接受)")  # 卡特勒4日, 卡特勒对记者
_SOURCE_ENDS = names.INSTITUTION_ENDS + ("人士",)
_CONNECTIVE_BEFORE_QUOTE = re.compile(r"(?:但|但是|而|并|且|却|只说|说)$")  # 虽然…,但「…」
_STANCE_HEAD = re.compile("(?:" + alternation(r.verb for r in lex.ZH_VERBS if r.kind in ("support", "oppose"))
                          + ")(?:[,:;。]|$)")  # 表示同意, 承诺…: a stance, the next verb says what follows
_DEGREE = re.compile(r"(?:高度|深表|深感|十分|非常|强烈|严正|极度|深切|诚挚|由衷)")  # before an attitude word
_ATTITUDE_PHRASE = re.compile(r".{0,12}的(?:" + alternation(lex.ATTITUDE_NOUNS) + ")")  # 对台湾的关心
_OF_CLAIM_NOUN = re.compile(r".{1,8}的(?:" + alternation(lex.CLAIM_NOUNS) + ")")  # 美方的说法
_MODAL_BEFORE = ("不", "会", "将", "愿", "能", "要", "可", "再", "仍", "都", "没", "未")
_SPEECH_ACT_MAX = max(len(w) for w in lex.SPEECH_ACTS) + 3  # a longer body is no bare speech act
_LEAD_STRIP = " ,:\t"
_TRAIL_STRIP = " ,。.;:!?\t\n、"
_NEXT_CUES = 12  # cues looked at for the next attribution (bounded work)
_RESPONSE_TURN = re.compile(r"[,;](?=对此|对于此|针对此|对于这|针对这|" + alternation(zh_cues.WRITER_READINGS) + ")")
# …,对此,周某第一时间发声 (a reply), …,隐约透露… / …,言下之意… (the writer reading between the lines) and
# …,他今(27)日公布… (he/she and a day: what they did next) begin anew
# …,而PTT也在此时爆发删文潮 (something else happening at that moment: the writer's narration)
_VERDICT = re.compile(",(?:" + alternation(zh_cues.VERDICT_ADVERBS) + ")是$")
_NEW_EVENT = re.compile(r",(?=[他她](?:今天|昨天|今日|昨日|[今昨]\(\d{1,2}\)日|\d{1,2}日|日前|稍早|随后)"
                        r"|而[^,。;!?]{1,10}?(?:也|亦|则)?(?:在此时|就在此时|与此同时))")
_ADDRESSEE = re.compile("(?:" + alternation(lex.ADDRESSEES) + ")(?=[,:])")
_POSTED_REACH = 30  # a verb of saying after a post verb starts this close to it
_RELAY_REACH = 40  # a relayed speaker's verb stands this close to the start of the reported clause
_PERSONAL_PRONOUNS = ("他", "她")
_CONTRASTED_SUBJECT = re.compile(r"[\u4e00-\u9fff]{2,8}则")  # 北市府则 (反击): a new subject set against the last
_CONDITION_REACH = 40  # the clause before a quote is looked at this far back
_CONDITION_OPENERS = (*zh_claims.CLAIM_CONDITIONS, "如")  # 如…的话 too, not 如今 (NOT_CONDITIONS)
_CONDITION_ENDS = ("的话", "时", "后", "之前", "以前")
_CORRECTION = re.compile(r",(?:但|不过)?(?:其实|实际上|事实上)")  # …,但其实是…: the writer corrects a card
_SUBORDINATE_END = re.compile(r"(?:之后|以后|以来|之际|后|时)$")  # …说要究办某某后,…: a time clause


def modal_stance(art: Article, cue: Cue) -> bool:
    """不会支持, 将反对: a negated or modal stance verb is a predicate, not a cue of its own."""
    return cue.is_stance and art.doc.folded[max(0, cue.start - 2):cue.start].endswith(_MODAL_BEFORE)


_NAMING_BEFORE = re.compile("(?:" + alternation(lex.NAMING_VERBS) + r")(?:的|了)?\s*$")
_NAME_HEAD_AFTER = re.compile("(?:" + alternation(lex.NAME_HEADS) + ")")


def is_label(art: Article, q: Quote) -> bool:
    """举办「…」论坛 / 签署「…」协议 / 人称「霸告」 / 撰写的「…」白皮书: a quoted name of a thing, not words
    anyone said."""
    folded = art.doc.folded
    return bool(_NAMING_BEFORE.search(folded[max(0, q.open - 5):q.open])
                or q.closed and _NAME_HEAD_AFTER.match(folded, q.end + 1)
                or q.closed and folded[q.open - 1:q.open] == "的" and CJK.match(folded[q.end + 1:q.end + 2] or "a"))


def term_opens_clause(art: Article, q: Quote) -> bool:
    """强调,「台美倡议」在昨晚宣布后…: a quoted term that opens the reported clause, not a quote."""
    doc = art.doc
    after = doc.folded[q.end + 1:q.end + 2]
    return q.closed and doc.is_term(q) and not doc.is_sentence_quote(q) and after != "" and \
        after not in ",。!?;:\n」”的" and CJK.match(after) is not None


def direct_statement(art: Article, q: Quote, speaker: Speaker, cue_word: str, via: tuple[str, ...], *, anchor: int,
                     confidence: float, floating: bool = False) -> Candidate:
    """The words of a quote (outer spaces trimmed) as a direct statement."""
    s, e = q.start, q.end
    text = art.doc.text
    while s < e and text[s] in " \t\n":
        s += 1
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    return Candidate(speaker, s, e, "direct", cue_word, art.doc.para_of(q.open), via, anchor=anchor,
                     confidence=confidence, floating=floating)


def said_by_cue(art: Article, state: AttributionState, q: Quote, cue: Cue) -> Candidate:
    """A quote said by a verb's speaker (via the verb's venues)."""
    resolution = state.resolution(cue)
    return direct_statement(art, q, resolution.speaker, cue.verb, resolution.via, anchor=cue.start, confidence=0.9)


def quote_after_cue(art: Article, state: AttributionState, q: Quote, cue: Cue) -> Candidate:
    """A quote the verb opens (说：「…」): the verb's speaker said it."""
    state.used_quotes.add(q.open)
    return said_by_cue(art, state, q, cue)


def chinese_content(art: Article, state: AttributionState, cue: Cue) -> Candidate | None:
    """The statement a resolved Chinese verb licenses, or None."""
    doc = art.doc
    folded = doc.folded
    para_end = doc.paragraph_ends[cue.para]
    i, colon = cue.end, False
    addressee = _ADDRESSEE.match(folded, i) if cue.has_role(lex.ROLE_ADDRESSES) else None
    if addressee:  # 提醒大家,… / 呼吁民众,…: the words come after the ones addressed
        i = addressee.end()
    while i < para_end and (folded[i] in _SKIP_AFTER_VERB or folded[i] == "道" and i == cue.end):
        colon = colon or folded[i] == ":"
        i += 1
    if _next_verb_carries_content(art, cue, i):
        return None
    q = doc.quote_at.get(i)
    if q is not None and not term_opens_clause(art, q):
        if q.open in state.used_quotes or is_label(art, q):
            return None
        return quote_after_cue(art, state, q, cue)
    if i >= para_end:
        return None
    end = cut_at_quoted_sentence(art, i, para_end if colon else doc.sentence_bounds(i)[1])
    if _relayed(art, state, cue, i, end):
        return None
    end = cut_at_next_attribution(art, state, i, end, cue)
    end = _cut_at_narrated_speaker(art, state, cue, i, end)
    turns = [m.start() for m in (_RESPONSE_TURN.search(folded, i, end), _NEW_EVENT.search(folded, i, end),
                                 _card_corrected(art, state, cue, i, end)) if m]
    return _reported_clause(art, state, cue, i, min(turns, default=end))  # the first turn ends the words


def _card_corrected(art: Article, state: AttributionState, cue: Cue, start: int, end: int) -> re.Match | None:
    """该海报声称公园将改建为停车场,但其实是要增设游戏区: after a card's claim, 但其实 is the writer's correction."""
    if art.doc.folded.find("实", start, end) < 0:  # 其实 / 实际上 / 事实上: a substring test first
        return None
    speaker = state.resolution(cue).speaker
    if speaker is None or not is_card(fold(speaker.mention)):
        return None
    return _CORRECTION.search(art.doc.folded, start, end)


def _cut_at_narrated_speaker(art: Article, state: AttributionState, cue: Cue, start: int, end: int) -> int:
    """…,别让案件再度发生,李某也在文末加上…: a clause opening with the speaker's own name and a chain
    adverb is the writer narrating what the speaker did next, not more of the words."""
    speaker = state.resolution(cue).speaker
    if speaker is None or speaker.kind != "person":
        return end
    name = fold(speaker.name)
    if not CJK.match(name) or len(name) < 2:
        return end
    folded = art.doc.folded
    k = folded.find("," + name, start, end)
    while k >= 0:
        after = folded[k + 1 + len(name):k + 3 + len(name)]
        if CHAIN.match(after):
            return k
        k = folded.find("," + name, k + 1, end)
    return end


def _relayed(art: Article, state: AttributionState, cue: Cue, i: int, end: int) -> bool:
    """The verb only relays: another speaker's verb carries the words (a minister's, an outlet's source)."""
    if _relays_a_speaker(art, state, cue, i, end):
        return True
    speaker = state.speaker(cue)
    return cue.has_role(lex.ROLE_OUTLET_REPORT) and speaker.kind == "media" and _outlet_relays_source(art, state, cue, i)


def _next_verb_carries_content(art: Article, cue: Cue, i: int) -> bool:
    """回应指出, / 表示支持: the next verb carries the content (or the stance); and 答询时表示."""
    folded = art.doc.folded
    chain = CHAIN.match(folded, i)  # 出面澄清,并反控…: a chained verb right after the comma
    j = chain.end() if chain and i > cue.end else i
    nxt = art.cues.starting_at(j)
    if nxt is not None and nxt is not cue and nxt.lang == "zh" and (
            nxt.kind.startswith("say") or nxt.is_stance or nxt.kind == "ask" and cue.has_role(lex.ROLE_POSTS)) and (
            i - cue.end <= 1 or j > i):
        return True  # 回应指出 / 出面澄清,并反控 / 发文质问 (a question carries no words)
    k = art.cues.first_from(i)
    return any(0 <= c.start - i <= 10 and _ANSWER_TIME.fullmatch(folded[i:c.start])
               for c in art.cues.cues[k: k + 3]) or cue.has_role(lex.ROLE_POSTS) and _posted_then_said(art, i)


def _posted_then_said(art: Article, i: int) -> bool:
    """发文转述朋友的经历,称「…」: after a post, a verb of saying opening the next clause carries the words."""
    folded = art.doc.folded
    k = art.cues.first_from(i)
    for c in art.cues.cues[k:k + 3]:
        if c.start - i > _POSTED_REACH or _SENTENCE_PUNCTUATION.search(folded[i:c.start]):
            return False
        if c.kind.startswith("say") and folded[c.start - 1:c.start] == "," and opens_content(folded[c.end:c.end + 1]):
            return True
    return False


def cut_at_quoted_sentence(art: Article, start: int, end: int) -> int:
    """…,「跳票已经成了交通部的习惯」。: a quote that is a sentence (not a term) ends the clause."""
    for q in art.doc.quotes_from(start):
        if q.open >= end:
            break
        if (not art.doc.is_term(q) or (q.open > start and art.doc.is_sentence_quote(q))) and _ends_sentence(art, q):
            return q.open
        if q.open > start and _sentence_between_commas(art, q):
            return q.open
        verdict = verdict_before(art, q)
        if verdict > start:
            return verdict
    return end


def verdict_before(art: Article, q: Quote) -> int:
    """…,简直就是「种树的人最懂等待」。: where the verdict closing the sentence begins (its comma), or -1."""
    folded = art.doc.folded
    if folded[q.open - 1:q.open] != "是" or not _ends_sentence(art, q):
        return -1
    m = _VERDICT.search(folded, max(0, q.open - 5), q.open)
    return m.start() if m else -1


def _sentence_between_commas(art: Article, q: Quote) -> bool:
    """…一再批评,「但真正推动改革的是我们」,外界都看得到…: a quoted sentence set between commas inside the reported
    words is said in the speaker's own words (a direct statement), not a term (…,「一中政策」,…); after a
    condition (如果…的话,「…」,…) the quote is the main clause of the reported sentence."""
    folded = art.doc.folded
    if not (q.closed and folded[q.open - 1:q.open] == "," and folded[q.end + 1:q.end + 2] == ","):
        return False
    if art.doc.is_term(q) or "(" in folded[q.start:q.end]:
        return False
    before = folded[folded.rfind(",", max(0, q.open - 1 - _CONDITION_REACH), q.open - 1) + 1:q.open - 1]
    condition = before.startswith(_CONDITION_OPENERS) and not before.startswith(zh_claims.NOT_CONDITIONS)
    return not (condition or before.endswith(_CONDITION_ENDS))


def _ends_sentence(art: Article, q: Quote) -> bool:
    """A quote closing its sentence (」。, 。」 or the paragraph's end); one inside the clause (如同「…」,…)
    is part of the reported words (a nested quote)."""
    folded = art.doc.folded
    k = q.end + 1
    while k < len(folded) and folded[k] in " \t":
        k += 1
    return not q.closed or k >= len(folded) or folded[k] in "。!?;\n" or folded[q.end - 1:q.end] in ("。", "!", "?")


def _relays_a_speaker(art: Article, state: AttributionState, cue: Cue, i: int, end: int) -> bool:
    """外交部表示,部长某某在会中致词表示,…: an institution's plain report that opens with one of its
    people and a verb of their own; the first verb relays, the second one carries the words (a person
    recounting what another said, or an institution's criticism, keeps the words)."""
    speaker = state.speaker(cue)
    k = art.cues.first_from(i)
    for c in art.cues.cues[k:k + 4]:
        if c.start >= min(end, i + _RELAY_REACH):
            break
        if c.lang == "zh" and c.kind.startswith("say") and art.doc.clause_start(c.start) == i:
            named = art.mentions.within(i, c.start)
            if not named or not has_own_subject(art, c, i):
                return False
            between = art.doc.folded[named[-1].end:c.start]
            if named[0].start == i and (not between or CHAIN.fullmatch(between)) and \
                    art.doc.folded[c.end:c.end + 1] in ",:「" and (speaker is None or named[-1].speaker.name != speaker.name):
                return True  # …澄清,国民党团呼吁,… / …提出质疑,柯某则回应「…」: another name, its verb, its words
            return speaker is not None and speaker.kind != "person" and cue.kind == "say" and \
                named[0].speaker.kind == "person"
    return False


def _outlet_relays_source(art: Article, state: AttributionState, cue: Cue, i: int) -> bool:
    """据《明报》报道，(有)政府消息人士透露，…: the source speaks and the outlet relays (only with
    据/引述/援引: 路透社报导，…副代表卡特勒…表示 is the official's statement)."""
    folded = art.doc.folded
    relayed = _RELAYED.search(folded[art.doc.clause_start(cue.start):cue.start]) is not None
    k = art.cues.first_from(i)
    for c in art.cues.cues[k: k + 3]:
        if c.start - i > 60 or c.lang != "zh" or not c.kind.startswith("say"):
            break
        words = folded[i:c.start]
        if art.doc.clause_start(c.start) > i or _SENTENCE_PUNCTUATION.search(words):
            continue
        if _SOURCE_NOUN.fullmatch(words) and words.lstrip("有").endswith(_SOURCE_ENDS) or any(
                name_after(folded, i + m.end()) or _NAME_THEN_MARKER.match(words[m.end():m.end() + 10])
                for m in TITLE.finditer(words[:40])):
            state.relays[c.index] = (state.speaker(cue).name,) if relayed else ()
            return True
    return False


def _reported_clause(art: Article, state: AttributionState, cue: Cue, start: int, end: int) -> Candidate | None:
    """The reported clause start..end, trimmed, unless it is no claim."""
    folded = art.doc.folded
    s, e = start, end
    while s < e and folded[s] in _LEAD_STRIP:
        s += 1
    while e > s and folded[e - 1] in _TRAIL_STRIP:
        e -= 1
    body = folded[s:e]
    if _CONNECTIVE_BEFORE_QUOTE.search(body) and art.doc.quote_at.get(_next_nonspace(folded, end)):
        return None
    if len(body) < 4:
        return None
    if cue.has_role(lex.ROLE_DESCRIBES) and folded[e - 1:e] in "」”":
        q = art.doc.quote_before(e - 1)  # 形容，政府的安排「雷声大、雨点小」: the quoted words are the claim
        if q is not None and q.end == e - 1 and q.open > s and q.open not in state.used_quotes:
            return quote_after_cue(art, state, q, cue)
    if not is_claim(body):
        return None
    resolution = state.resolution(cue)
    return Candidate(resolution.speaker, s, e, "indirect", cue.verb, cue.para, resolution.via, anchor=cue.start,
                     confidence=0.7)


def is_claim(body: str) -> bool:
    """Reported words that say something: not a stance head (同意, 承诺…), not an attitude (感谢, 对台湾的
    关心, 强烈的参选意愿), not a reference to something said (证实美方说法)."""
    if _STANCE_HEAD.match(body) or _ATTITUDE_PHRASE.fullmatch(body):
        return False
    degree = _DEGREE.match(body)  # 高度遗憾, 深表感谢
    body = body[degree.end():] if degree else body
    if len(body) <= _SPEECH_ACT_MAX and any(
            body == w or body == "对此" + w or body.startswith(w) and len(body) <= len(w) + 3 for w in lex.SPEECH_ACTS):
        return False
    return not (body.endswith(lex.CLAIM_NOUNS) and "," not in body
                and (len(body) <= 6 or _OF_CLAIM_NOUN.fullmatch(body)))


def _next_nonspace(folded: str, pos: int) -> int:
    while pos < len(folded) and folded[pos] in " ,\t":
        pos += 1
    return pos


def cut_at_next_attribution(art: Article, state: AttributionState, start: int, end: int, cue: Cue) -> int:
    """End of a reported clause: the comma before the next clause that has its own speaker."""
    k = art.cues.first_from(start)
    for c in art.cues.cues[k: k + _NEXT_CUES]:
        if c.start >= end:
            break
        if c is cue or c.lang != "zh" or modal_stance(art, c) or c.is_stance and art.doc.folded[c.start - 1:c.start] == "的":
            continue  # 国民党团不会支持任何追加预算: a predicate inside the reported clause; 自己的支持群众: a noun
        clause_start = art.doc.clause_start(c.start)
        if clause_start <= start or _embedded(art, state, cue, c, clause_start):
            continue
        own = state.own_subject.get(c.index)
        if own is None:
            own = state.own_subject[c.index] = has_own_subject(art, c, clause_start)
        if own:
            return clause_start
    return end


def _embedded(art: Article, state: AttributionState, cue: Cue, c: Cue, clause_start: int) -> bool:
    """A verb inside the reported words, not a new attribution: a named subject running straight into an
    object (某某还特地告诉她要从…, 某某说是谣言), or he/she going on with a person's reasoning (…,但他认为…)."""
    folded = art.doc.folded
    words = folded[clause_start:c.start].strip()
    m = CHAIN.match(words)
    subject = words[m.end():] if m else words
    if not subject or c.kind != "say":
        return False  # 并强调 / ,呼吁: the speaker's next statement (decided by the verb's role); a stance
    if subject in _PERSONAL_PRONOUNS:
        speaker = state.speaker(cue)
        return c.verb in lex.BELIEF_VERBS and speaker is not None and speaker.kind == "person"
    if card_issuer(art, subject, c.start - len(subject)) is not None:
        return False  # …散布不实海报,该海报声称…: the card's words, not the reporter's
    return not opens_content(folded[c.end:c.end + 1]) and not c.has_role(lex.ROLE_OPENS_CLAUSE)


def _time_clause(art: Article, c: Cue) -> bool:
    """苏某说要究办某某后,…: the verb's clause is a time clause inside what is said."""
    folded = art.doc.folded
    stop = c.end
    while stop < min(len(folded), c.end + 30) and folded[stop] not in ",。!?;:\n":
        stop += 1
    return _SUBORDINATE_END.search(folded[c.end:stop]) is not None


def has_own_subject(art: Article, c: Cue, clause_start: int) -> bool:
    """The clause of cue c names its own speaker (a pronoun, a name, a title, a chain adverb)."""
    folded = art.doc.folded
    words = folded[clause_start:c.start].strip()
    if c.kind == "ask":
        return False
    if not words:  # …，批评民进党政府「…」: a new speech verb opening the clause: the speaker's next statement
        return c.has_role(lex.ROLE_OPENS_CLAUSE) and folded[clause_start - 1: clause_start] == ","
    if _time_clause(art, c):
        return False
    if CHAIN.fullmatch(words) or CHAIN_THEN_ONLY.fullmatch(words):
        return True
    lead = lex.CONNECTIVES.match(words)
    if lead and lead.end():
        clause_start, words = clause_start + lead.end(), words[lead.end():]
    phrase = words[:subject_end(art, clause_start, words)]
    # a content subject followed by a content verb (普京支持...) is no cut: only cues cut; nor is a
    # condition (若疾管署认定…发文): the subject opens the clause
    if not phrase or phrase.startswith(lex.CONDITIONS):
        return False
    named = art.mentions.within(clause_start, clause_start + len(phrase))
    # …,北市府则反击,…: a noun phrase and 则 before a rebuttal open another speaker's turn
    contrasted = c.kind != "say" and _CONTRASTED_SUBJECT.fullmatch(words[:len(phrase) + 1]) is not None
    return bool(contrasted or PRONOUN.fullmatch(phrase) or named and named[0].start - clause_start <= 2
                or TITLE.search(phrase) or art.gazetteer.lookup(phrase) or normalize_alias(phrase) in art.names.learned
                or card_issuer(art, phrase, clause_start))  # …散布不实海报,该海报声称…: the card's own words

