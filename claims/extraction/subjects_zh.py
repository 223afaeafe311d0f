"""Extraction stage 4a, Chinese subjects: who a Chinese verb belongs to.

The clause before the verb is cut down to its subject words (hearsay 据悉 ends the search; a
relaying outlet 引述, a dateline, connectives, 据 and time adverbials are dropped). Then, in order:
a verb right after another verb takes its subject (驳斥指); an empty subject continues the
paragraph's speaker (并强调); a document noun (声明指出) speaks for its issuer; otherwise the noun
phrase goes through SUBJECT_SIEVES, small functions tried in order, precision first.

To add a sieve: write ``def sieve(art, phrase) -> Speaker | None`` and put it in SUBJECT_SIEVES.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .anaphora import LOOK_BACK, chinese_anaphor
from .article import Article, AttributionState
from .lexicon import names
from .lexicon import zh as lex
from .lexicon.outlets import OWNED_VENUES
from .names_zh import name_chars, name_through_plural_adverb
from .patterns import CJK, HAN_RUN, NAME_CHARS, PRONOUN, TITLE, alternation
from .records import Antecedents, Cue, Mention, Resolution, Speaker
from .subjects_zh_context import asked_in_clause, card_issuer, is_card, named_study, sentence_opener, study_named_before
from .venues import is_platform, outlet_name, venues_in

_RELAYED = re.compile(r"引述|援引|引用|转引")  # X引述Y表示: X relays, Y speaks
_NO_SPEAKER = re.compile(alternation(lex.NO_SPEAKER))  # 据悉, 据说 anywhere in the clause: hearsay
# 不料却惨遭 / 随即遭到 before the agent of a stance verb (遭到议员批评, 惨遭某某打脸)
_PASSIVE_AGENT = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:惨遭|遭到|遭受|遭)(?=[\u4e00-\u9fff]{2})")
_STANCE_KINDS = ("support", "oppose", "say+support", "say+oppose")
_CLAUSE_ENDS = ",。!?;:\n"
_DATELINE = re.compile(r"[^,。:\n]{0,16}?(?:\d{1,2}月)?\d{1,2}日[电讯]\)?\s*")  # 新华社北京3月2日电
_MASK = re.compile(alternation(lex.SUBJECT_MASK_WORDS + tuple(names.TITLE_WORDS)))
_STARTS_PREPOSITION = ("在", "于", "对", "向", "跟", "和", "与", "同")
_ADVERB_DI = re.compile(r"(.{2,12}?)[\u4e00-\u9fff]{1,3}地\s*")  # 店家无奈地说
_ISSUED = re.compile(r"(?:发表|发出|发布)?(?:书面|联合)?声明")  # X发表声明: X speaks
_ISSUED_DOCUMENT = {word: re.compile(r"[^,。;\n]{0,12}?(?:发布|发表|发出)(?:书面|联合)?" + word)
                    for word in ("新闻稿", "公告", "声明")}
_COORDINATION = re.compile(r"[、]|(?<=.)[和与及](?=.)")  # 英国、法国和德国
_COUNTED_PEOPLE = re.compile(r"(?:一|两|多|数|几)[名位个]|有")  # 一名议员, 有议员
_LATIN_ORGANISATION = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,19}")  # Uber, OpenAI
_DEMONSTRATIVES = "这那此其该"
_ONE_CHARACTER_ENDS = frozenset(e for e in names.INSTITUTION_ENDS if len(e) == 1)
_NOT_NAME_START = frozenset("应会要能可不没须需得请让使被把该否若")  # modals and particles open no name
_VERB_OR_PREPOSITION = frozenset("来去在到回出进上下对向与和从被把将返离访赴抵")
_NAME_MAX_IN_MENTION = 24  # a longer subject phrase is named by its mention alone


@dataclass(frozen=True)
class SubjectClause:
    """The words before a Chinese verb that may hold its subject."""

    no_speaker: bool  # hearsay (据悉, 据说): nobody is named
    via: tuple[str, ...]  # the outlet before 引述/援引
    words: str  # what is left once relays, datelines, connectives and 据 are dropped
    start: int  # where those words start in the text


@dataclass(frozen=True)
class SubjectPhrase:
    """The subject noun phrase of a verb, with the mentions inside it (platforms left out)."""

    words: str
    start: int
    cue: Cue
    mentions: tuple[Mention, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.words)


@dataclass(frozen=True)
class SubjectSite:
    """A Chinese verb, the subject words before it, the venues found so far and what it may continue."""

    cue: Cue
    words: str
    start: int
    via: tuple[str, ...]
    before: Antecedents


def resolve_chinese_subject(art: Article, state: AttributionState, cue: Cue, before: Antecedents) -> Resolution:
    """The speaker of a Chinese verb."""
    clause = subject_clause(art, cue)
    if clause.no_speaker:
        return Resolution(no_speaker=True)
    via = clause.via + tuple(x for x in state.relays.get(cue.index, ()) if x not in clause.via)
    if cue.has_role(lex.ROLE_OUTLET_REPORT) and not clause.words:
        return Resolution(via=via)
    chained = art.cues.ending_at(cue.start)  # 驳斥指, 回应说: the second verb takes the first one's subject
    if chained is not None and state.speaker(chained) is not None:
        earlier = state.resolution(chained)
        return Resolution(earlier.speaker, earlier.via, earlier.implicit)
    words, start = skip_lead_adverbials(clause.words, clause.start)
    if asked_in_clause(art, cue, clause.start):
        if _answer_verb_after(art, cue):
            return Resolution(no_speaker=True)  # 问到某某批评…表示: 批评 is the question's, 表示 the answer's
        words = ""  # 媒体问到某某批评…表示: the one asked answers, the subject is before
    study = named_study(art, words, start)
    if study is not None:
        return Resolution(study, via)
    return _subject_of_site(art, state, SubjectSite(cue, words[:subject_end(art, start, words)], start, via, before))


def _subject_of_site(art: Article, state: AttributionState, site: SubjectSite) -> Resolution:
    """No subject words (the speaker goes on), a study referred back to, a document, or a noun phrase."""
    before, via, words = site.before, site.via, site.words.strip()
    if not words:  # 并强调, 也指出: the same speaker goes on
        carried = sentence_opener(art, state, site.cue, _clause_speaker) or before.last_subject or (
            before.previous.speaker if before.previous else None)
        return Resolution(carried, via, implicit=carried is not None)
    study = study_named_before(art, state, words, site.start) if words in lex.STUDY_REFERENCES else None
    if study is not None:
        return Resolution(study, via, implicit=True)
    card = card_issuer(art, words, site.start)  # 该图卡声称: the one who put the card out
    if card is not None or words in lex.DOCUMENT_NOUNS or is_card(words):  # a card no one put out: as a document
        return Resolution(card, via, implicit=True) if card else _document_speaks(art, state, site)
    return _named_subject(art, state, site)


def _clause_speaker(art: Article, state: AttributionState, cue: Cue, words: str, start: int) -> Speaker | None:
    """The speaker a clause's words name (after time words), for a sentence opener."""
    words, start = skip_lead_adverbials(words, start)
    phrase = words[:subject_end(art, start, words)]
    return phrase_speaker(art, state, cue, phrase, start, before=Antecedents())[0] if phrase else None


def subject_clause(art: Article, cue: Cue) -> SubjectClause:
    """The clause before the verb, without hearsay, relays, datelines, connectives and 据."""
    folded = art.doc.folded
    clause_start = art.doc.clause_start(cue.start)
    words = folded[clause_start:cue.start]
    start = clause_start + len(words) - len(words.lstrip())
    words = words.strip()
    if _NO_SPEAKER.search(words):
        return SubjectClause(True, (), words, start)
    via: tuple[str, ...] = ()
    m = _RELAYED.search(words)
    if m:
        relay = outlet_name(art.gazetteer, words[: m.start()])
        via = (relay,) if relay else ()
        start, words = start + m.end(), words[m.end():]
    for pattern in (_DATELINE, lex.CONNECTIVES):
        m = pattern.match(words)
        if m and m.end():
            start, words = start + m.end(), words[m.end():]
    if words.startswith(("据", "根据")):
        k = 2 if words.startswith("根据") else 1
        start, words = start + k, words[k:]
    m = _PASSIVE_AGENT.match(words) if cue.kind in _STANCE_KINDS else None
    if m:  # 不料却惨遭郑某打脸: the agent of a passive stance verb holds the stance
        start, words = start + m.end(), words[m.end():]
    return SubjectClause(False, via, words, start)


def skip_lead_adverbials(words: str, start: int) -> tuple[str, int]:
    """Drop time adverbials before a subject (会后, 当地时间2月12日中午, 今(20)日) and 有 (有议员批评)."""
    while True:
        m = lex.LEAD_ADVERBIALS.match(words)
        if not m or not m.end():
            return words, start
        start, words = start + m.end(), words[m.end():]


def subject_end(art: Article, start: int, words: str) -> int:
    """End of the subject noun phrase: the first time, place or adverb marker outside masked words
    (title words, 联合国, mentions) and outside parentheses; a list of speakers (英国、法国和德国) goes on."""
    if lex.SUBJECT_END.search(words) is None:
        return len(words)  # no marker at all (masking only ever removes one)
    masked = list(words)
    for m in _MASK.finditer(words):
        masked[m.start():m.end()] = "X" * (m.end() - m.start())
    for m in art.mentions.within(start, start + len(words)):
        for i in range(max(0, m.start - start), min(len(masked), m.end - start)):
            masked[i] = "X"
    mstr = "".join(masked)
    pos = 0
    while True:
        m = lex.SUBJECT_END.search(mstr, pos)
        if not m:
            return len(words)
        if m.group(0) == "(":
            close = mstr.find(")", m.end())
            if close < 0:
                return m.start()
            pos = close + 1
            continue
        if m.start() == 0 and m.group(0) in _STARTS_PREPOSITION:
            return 0
        if (m.group(0) in ("和", "与") and ("、" in mstr[: m.start()] or _joined_title(words, mstr, m))) \
                or (name_through_plural_adverb(words, m.start()) and not art.gazetteer.lookup(words[:2])):  # 李大同
            pos = m.end()
            continue
        return m.start()


def _joined_title(words: str, mstr: str, m: re.Match) -> bool:
    """某大学化学系与材料研究所教授王某, 海洋科学与工程研究所长某某: 与 inside one title, not two speakers."""
    nxt = lex.SUBJECT_END.search(mstr, m.end())
    rest = words[m.end():nxt.start() if nxt else len(words)]
    title = _last_title(rest)
    if title is None or title.start() < 2 or _COORDINATION.search(rest):
        return False  # 外交部与立委王某: a body and a person, two speakers
    if not (words[:m.start()].endswith(names.DEPARTMENT_ENDS) or rest[title.start():].startswith(names.DEPARTMENT_ENDS)):
        return False  # 资源研究所长: the title's own unit (所长, 院长) closes the joined name
    return 2 <= len(rest) - title.end() <= 4 and HAN_RUN.fullmatch(rest, title.end()) is not None and "的" not in rest


def _document_speaks(art: Article, state: AttributionState, site: SubjectSite) -> Resolution:
    """声明指出 / 新闻稿说: the document speaks for the organisation that issued it."""
    noun, start, before = site.words.strip(), site.start, site.before
    issuer = before.last_subject or (before.previous.speaker if before.previous else None)
    if issuer is None:
        issuer = _organisation_before(art, site.cue, start) or _issuer_named_before(art, state, site.cue, noun, start)
    if issuer is None or issuer.kind == "person":
        return Resolution(via=site.via)
    return Resolution(issuer.named_by(art.text_at(start, start + len(noun)), start, start + len(noun)), site.via,
                      implicit=True)


def _organisation_before(art: Article, cue: Cue, start: int) -> Speaker | None:
    para_start = art.doc.paragraph_starts[cue.para]
    for m in reversed(art.mentions.within(max(para_start, start - LOOK_BACK), start)):
        if m.speaker.kind != "person" and not art.doc.in_quote.contains(m.start):
            return m.speaker
    return None


def _issuer_named_before(art: Article, state: AttributionState, cue: Cue, noun: str, start: int) -> Speaker | None:
    """The issuer named in an earlier paragraph: 国民党今日发布声明 … (new paragraph) 声明并批评."""
    issued = _ISSUED_DOCUMENT["新闻稿" if "新闻稿" in noun else "公告" if "公告" in noun else "声明"]
    para_start = art.doc.paragraph_starts[cue.para]
    candidates = []
    for c in art.cues.before(para_start):
        sp = state.speaker(c)
        if sp is not None and sp.mention_end and c.start > start - LOOK_BACK:
            candidates.append((sp.mention_start, sp.mention_end, sp))
    candidates += [(m.start, m.end, m.speaker) for m in art.mentions.within(max(0, start - LOOK_BACK), para_start)]
    for mention_start, mention_end, sp in sorted(candidates, key=lambda x: -x[0]):
        if sp.kind != "person" and not art.doc.in_quote.contains(mention_start) and \
                issued.match(art.doc.folded, mention_end, mention_end + 30):
            return sp
    return None


def _named_subject(art: Article, state: AttributionState, site: SubjectSite) -> Resolution:
    """A noun phrase before the verb: the sieves, then the phrase before an adverb (无奈地), then an
    organisation that issues a statement; platforms and outlets between subject and verb are via."""
    cue, phrase, start = site.cue, site.words, site.start
    speaker, owned = phrase_speaker(art, state, cue, phrase, start, before=site.before)
    via = site.via + owned
    adverb = _ADVERB_DI.fullmatch(phrase) if speaker is None else None
    if adverb:  # an adverb before the verb: 店家无奈地说
        speaker, owned = phrase_speaker(art, state, cue, adverb.group(1), start, before=site.before)
        via += owned
    between = art.doc.folded[start + len(phrase): cue.start]
    if speaker is None:
        speaker = _issuing_organisation(art, phrase.strip(), start, between)
    return Resolution(speaker, via + tuple(v for v in venues_in(art.gazetteer, between) if v not in via))


def _issuing_organisation(art: Article, words: str, start: int, between: str) -> Speaker | None:
    """Whoever issues a statement (X发表声明) is a speaker, an organisation the registry may not know."""
    if _ISSUED.match(between) and 2 <= len(words) <= 10 and HAN_RUN.fullmatch(words) and not PRONOUN.match(words) \
            and not any(ch in _DEMONSTRATIVES for ch in words[:1]):
        mention = art.text_at(start, start + len(words))
        return Speaker(mention, None, mention, start, start + len(words), "organisation")
    return None


def phrase_speaker(art: Article, state: AttributionState, cue: Cue, words: str, start: int, *,
                   before: Antecedents) -> tuple[Speaker | None, tuple[str, ...]]:
    """The speaker a subject phrase names, and the venues it owns (川普Truth Social的长文 -> 川普, via)."""
    words = words.rstrip()
    owned: tuple[str, ...] = ()
    k = words.find("的")
    if k > 0 and words[k + 1:].endswith(OWNED_VENUES):
        owned = tuple(venues_in(art.gazetteer, words[:k]))
        words = words[:k]
    if PRONOUN.fullmatch(words):
        return chinese_anaphor(art, state, words, start, before), owned
    if words.startswith(lex.CAUSATIVES):  # 让选民认为…: the one made to think is no speaker, unless named
        k = next(len(c) for c in lex.CAUSATIVES if words.startswith(c))
        named = [m for m in art.mentions.within(start + k, start + len(words)) if m.speaker.kind == "person"]
        if not named or named[-1].end != start + len(words):
            return None, owned
    phrase = subject_phrase(art, cue, words, start)
    for sieve in SUBJECT_SIEVES:
        speaker = sieve(art, phrase)
        if speaker is not None:
            return speaker, owned
    return None, owned


def subject_phrase(art: Article, cue: Cue, words: str, start: int) -> SubjectPhrase:
    """The phrase with the mentions inside it (a platform's name is no speaker)."""
    mentions = tuple(m for m in art.mentions.within(start, start + len(words))
                     if not is_platform(art.doc.lowered[m.start:m.end]))
    return SubjectPhrase(words, start, cue, mentions)


# --- the sieves, in order ------------------------------------------------------------------------
def _whole_phrase(art: Article, phrase: SubjectPhrase, name: str | None = None, key: str | None = None,
                  kind: str = "person") -> Speaker:
    """A speaker named by the whole phrase (its own words as the name unless one is given)."""
    mention = art.text_at(phrase.start, phrase.end)
    return Speaker(name if name is not None else mention, key, mention, phrase.start, phrase.end, kind)


def coordinated_speakers(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """英国、法国和德国表示: a group of short names (two known, or all of at most four characters)."""
    parts = _split_outside_mentions(phrase)
    if len(parts) < 2 or not all(1 <= len(p) <= 8 for p in parts):
        return None
    entries = [art.gazetteer.lookup(p) for p in parts]
    if sum(1 for e in entries if e) >= 2 or all(len(p) <= 4 for p in parts):
        mention = art.text_at(phrase.start, phrase.end)
        return Speaker(mention, None, mention, phrase.start, phrase.end, "group",
                       aliases=tuple(e.name if e else p for e, p in zip(entries, parts, strict=True)))
    return None


def _split_outside_mentions(phrase: SubjectPhrase) -> list[str]:
    """The phrase split at 、和与及, except inside a name (陈和平 is one person)."""
    if not _COORDINATION.search(phrase.words):
        return [phrase.words]
    inside = {i for m in phrase.mentions for i in range(m.start - phrase.start, m.end - phrase.start)}
    parts, last = [], 0
    for m in _COORDINATION.finditer(phrase.words):
        if m.start() not in inside:
            parts.append(phrase.words[last:m.start()])
            last = m.end()
    return parts + [phrase.words[last:]]


def outlet_reporting(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """英国BBC报导: an outlet's report (unless the last mention in the phrase is a known outlet)."""
    if not phrase.cue.has_role(lex.ROLE_OUTLET_REPORT):
        return None
    if phrase.mentions and phrase.mentions[-1].speaker.kind == "media":
        return None
    name = outlet_name(art.gazetteer, phrase.words)
    return _whole_phrase(art, phrase, name, kind="media") if name else None


def company_around_mention(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """台积电美国子公司表示: a company named around a mention is the company, not the mention."""
    words = phrase.words
    if not phrase.mentions or phrase.end - phrase.mentions[-1].end < 2 or not words.endswith(names.COMPANY_ENDS) \
            or not CJK.search(words[-1]):
        return None
    entry = art.gazetteer.lookup(words)
    if entry:
        return _whole_phrase(art, phrase, entry.name, entry.key, entry.kind)
    return _whole_phrase(art, phrase, kind="organisation")


def named_mention(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """美国总统川普: the last mention in the phrase is its head (the phrase with its title is the mention);
    an institution only qualifying a title before a name is not the speaker (行政院长苏某某: the premier)."""
    if not phrase.mentions or _title_and_name_after(phrase):
        return None
    last = phrase.mentions[-1]
    mention = art.text_at(phrase.start, phrase.end)
    if len(mention) > _NAME_MAX_IN_MENTION:
        mention = art.text_at(last.start, last.end)
    return Speaker(last.speaker.name, last.speaker.key, mention, phrase.start, phrase.end, last.speaker.kind)


def _title_and_name_after(phrase: SubjectPhrase) -> bool:
    title = _last_title(phrase.words)
    last = phrase.mentions[-1]
    if title is None or phrase.start + title.end() <= last.end or phrase.start + title.start() < last.start:
        return False
    rest = phrase.words[title.end():].split("(")[0]
    return 2 <= len(rest) <= 8 and NAME_CHARS.fullmatch(rest) is not None and "的" not in rest


def _last_title(words: str) -> re.Match | None:
    last = None
    for m in TITLE.finditer(words):
        last = m
    return last


def outlet_speaking(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """路透社指出: an outlet named as the subject of a verb outlets use."""
    if not phrase.cue.has_role(lex.ROLE_OUTLET_SPEAKS):
        return None
    name = outlet_name(art.gazetteer, phrase.words)
    return _whole_phrase(art, phrase, name, kind="media") if name else None


def titled_name(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """美国白宫发言人李威特: title + name (learned for later mentions); or a role alone (外交部发言人)."""
    title = _last_title(phrase.words)
    if title is None:
        return None
    name = phrase.words[title.end():].split("(")[0]
    if 2 <= len(name) <= 8 and NAME_CHARS.fullmatch(name) and "的" not in name:
        start = phrase.start + title.end()
        mention = art.text_at(start, start + len(name))
        speaker = Speaker(mention, None, mention, start, start + len(name), "person",
                          title=art.text_at(phrase.start, phrase.start + title.end()))
        art.names.remember_titled(speaker, art.doc.text, phrase.end, art.gazetteer)
        entry = art.gazetteer.lookup(name)
        return Speaker(entry.name, entry.key, mention, speaker.mention_start, speaker.mention_end,
                       entry.kind) if entry else speaker
    if not name and len(phrase.words) <= 14:
        entry = art.gazetteer.lookup(phrase.words)
        return _whole_phrase(art, phrase, entry.name, entry.key, entry.kind) if entry else _whole_phrase(art, phrase)
    return None


def learned_name(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """李威特 alone, after 发言人李威特 earlier in the article."""
    sp = art.names.get(phrase.words)
    return _whole_phrase(art, phrase, sp.name, sp.key, sp.kind) if sp else None


def registry_name(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """A registry alias, with a title or an institutional suffix stripped (川普总统, 莫斯科方面)."""
    entry = art.gazetteer.lookup(phrase.words)
    return _whole_phrase(art, phrase, entry.name, entry.key, entry.kind) if entry else None


def institution(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """外交部, 分析人士, 一名欧洲外交官: institutions and anonymous people the registry does not know."""
    words = phrase.words
    if not ((2 <= len(words) <= 12 or len(words) <= 22 and _COUNTED_PEOPLE.match(words))
            and words.endswith(names.INSTITUTION_ENDS) and CJK.search(words)):
        return None
    if len(words) == 2 and words[-1] in _ONE_CHARACTER_ENDS and words[0] in _VERB_OR_PREPOSITION:
        return None  # 来台, 回台: a verb and a one-character ending, no institution (蓝委, 绿委 are)
    return _whole_phrase(art, phrase, kind="person" if words.endswith(names.ANONYMOUS_PEOPLE) else "organisation")


def latin_organisation(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """Uber表示, OpenAI指出: a Latin-script company or group name before a verb organisations use."""
    if phrase.cue.has_role(lex.ROLE_ORGANISATION_SPEAKS) and _LATIN_ORGANISATION.fullmatch(phrase.words) \
            and phrase.words.lower() not in names.EN_NOT_NAMES:
        return _whole_phrase(art, phrase, kind="organisation")
    return None


def surname_alone(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """黄质疑, 张仅说: a surname alone names the person of that surname mentioned just before."""
    words = phrase.words
    if len(words) != 1 or words not in names.SURNAME_SET:
        return None
    for m in reversed(art.mentions.within(max(0, phrase.start - LOOK_BACK), phrase.start)):
        if m.speaker.kind == "person" and art.doc.folded[m.start:m.start + 1] == words:
            return m.speaker.named_by(art.text_at(phrase.start, phrase.end), phrase.start, phrase.end)
    return None


def bare_name(art: Article, phrase: SubjectPhrase) -> Speaker | None:
    """王小明表示: a bare 2-4 character name (a common surname, or three characters or more)."""
    words = phrase.words
    if not (2 <= len(words) <= 4 and phrase.cue.has_role(lex.ROLE_BARE_NAME) and HAN_RUN.fullmatch(words)):
        return None
    if any(ch in names.NAME_HARD_STOP or ch in names.NOT_IN_BARE_NAME for ch in name_chars(words)) \
            or words[0] in _NOT_NAME_START or words.endswith(names.NOT_BARE_NAME_ENDS):  # (…相继出面: no name)
        return None
    if words[0] in names.BARE_NAME_SURNAMES or len(words) >= 3:
        return _whole_phrase(art, phrase)
    return None


SUBJECT_SIEVES: tuple[Callable[[Article, SubjectPhrase], Speaker | None], ...] = (
    coordinated_speakers,
    outlet_reporting,
    company_around_mention,
    named_mention,
    outlet_speaking,
    titled_name,
    learned_name,
    registry_name,
    institution,
    latin_organisation,
    bare_name,
    surname_alone,
)


def _answer_verb_after(art: Article, cue: Cue) -> bool:
    """A later verb of saying in a question's clause (媒体问到某某批评「…」表示,…): the first tells its topic."""
    folded = art.doc.folded
    k = art.cues.first_from(cue.end)
    for c in art.cues.cues[k:k + 3]:
        if any(ch in folded[cue.end:c.start] for ch in _CLAUSE_ENDS):
            return False
        if c.kind == "say":
            return True
    return False
