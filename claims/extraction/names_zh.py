"""Extraction stage 2b, Chinese names the registry does not know: a surname and two characters before
a reporting verb, that the article names again or puts after a role noun, are a person.

    議員參選人曾琮愷質疑, … 曾琮愷說, …   -> 曾琮愷 (曾 also means "once", 琮愷 no title word)
    副市長劉和然聲稱, … 劉和然表示, …     -> 劉和然, not 劉 (和 is also "and")
    藝人郭彥均日前發文, … 郭彥均25日提到 -> 郭彥均, not 郭彥 (均 is also "all")

Recurrence is the evidence: a name is written the same way each time, while the words around it
change. Counting is bounded (a window around the verb, a cap on the names tried).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .document import Document, Intervals
from .lexicon import names
from .lexicon import zh as lex
from .patterns import TITLE
from .records import Mention, Speaker

_WINDOW = 20000  # recurrence is counted this far around the name (bounded work)
_MAX_TRIED = 300  # distinct candidate names counted per article
_MAX_OCCURRENCES = 2000  # mentions made per name
_SUBJECT_REACH = 14  # the name ends at most this far before its verb
_HAN3 = re.compile(r"[\u3400-\u9fff]{3}")
_CLAUSE_END = frozenset(",。!?;:\n ")


class Recurrence:
    """How often a string occurs around a position, memoised per string (bounded)."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.memo: dict[str, int] = {}

    def count(self, word: str, pos: int) -> int:
        n = self.memo.get(word)
        if n is None:
            if len(self.memo) >= _MAX_TRIED:
                return 0
            lo = max(0, pos - _WINDOW)
            n = self.memo[word] = self.folded.count(word, lo, pos + _WINDOW)
        return n


def full_name(rec: Recurrence, start: int, name: str) -> str:
    """A name cut before a character that is also a function word (郭彦 in 郭彦均日前, 刘 in 刘和然):
    the longer form when it recurs and the shorter one never stands without it."""
    folded = rec.folded
    if len(name) >= 3:
        return name
    longer = folded[start:start + 3]
    if len(longer) < 3 or not _may_be_name(longer):
        return name
    if rec.count(longer, start) >= 2 and (not name or rec.count(name, start) == rec.count(longer, start)):
        return longer
    return name


def recurring_names(doc: Document, known: list[Mention], cue_starts: Sequence[int], rec: Recurrence) -> list[Mention]:
    """Mentions of the people named before reporting verbs who are not in the registry."""
    taken = Intervals([(m.start, m.end) for m in known])
    found: dict[str, int] = {}
    for cue_start in cue_starts:
        start = _name_before(doc, cue_start, taken)
        if start is None:
            continue
        name = doc.folded[start:start + 3]
        if name not in found and (rec.count(name, start) >= 2 or _after_role(doc.folded, start)
                                  or _opens_clause_before_adverbial(doc, start, cue_start)):
            found[name] = start
    out = []
    for name in found:
        pos, n = doc.folded.find(name), 0
        while pos >= 0 and n < _MAX_OCCURRENCES:
            if not taken.contains(pos) and not taken.contains(pos + 2):
                text = doc.text[pos:pos + 3]
                out.append(Mention(pos, pos + 3, Speaker(text, None, text, pos, pos + 3, "person")))
            pos = doc.folded.find(name, pos + 3)
            n += 1
    return out


def _name_before(doc: Document, cue_start: int, taken: Intervals) -> int | None:
    """Where a surname + two characters ends the subject of a verb (before adverbs and times)."""
    folded = doc.folded
    if cue_start == 0 or taken.contains(cue_start - 1) or folded[cue_start - 1] in _CLAUSE_END:
        return None  # a known name right before the verb, or no subject words at all
    lo = max(doc.clause_start(cue_start), cue_start - _SUBJECT_REACH)
    for i in range(cue_start - 3, lo - 1, -1):
        if folded[i] not in names.SURNAME_SET:
            continue
        name = folded[i:i + 3]
        if not _may_be_name(name) or taken.contains(i) or taken.contains(i + 2):
            continue
        rest = folded[i + 3:cue_start]
        if not rest or lex.SUBJECT_END.match(rest):
            return i
    return None


def name_through_plural_adverb(words: str, pos: int) -> bool:
    """李大同表示, 林志均说: the subject words are a surname and two characters, the last of which is also an
    adverb that needs a plural subject (同 together, 均/皆 all): after a one-character given name it cannot
    be that adverb, so it is the name's third character (两人均表示 has no surname; 李大亦表示 is "also")."""
    return pos == 2 and len(words) == 3 and words[2] in names.PLURAL_ADVERBS and _may_be_name(words)


def name_chars(words: str) -> str:
    """The characters of bare subject words to test as a name's: 林志均 without its 均 (the name's own)."""
    return words[:2] if name_through_plural_adverb(words, 2) else words


def _may_be_name(word: str) -> bool:
    return word[:1] in names.SURNAME_SET and word[-1] not in _INSTITUTION_ENDS and word[-1] not in _ROLE_ONLY and \
        _HAN3.fullmatch(word) is not None and not any(ch in _NOT_IN_NAME for ch in word[1:])


def _opens_clause_before_adverbial(doc: Document, start: int, cue_start: int) -> bool:
    """陈某某今在记者会上强调: a name opening its clause, then a time or a place, then the verb."""
    rest = doc.folded[start + 3:cue_start]
    return doc.clause_start(start) == start and rest[:1] in _ADVERBIAL_OPENS and len(rest) >= 2


def _after_role(folded: str, start: int) -> bool:
    """议员参选人曾琮恺, 艺人郭彦均, 警察局蔡某: a role noun, an office or a title right before the name."""
    before = folded[max(0, start - 8):start]
    if before[-1:] in _ROLE_ENDS or before[-1:] in _OFFICE_ENDS and len(before) >= 2:
        return True
    return any(m.end() == len(before) for m in TITLE.finditer(before))


# Characters never in a person's name (particles, numerals, pronouns, verbs of saying).
_NOT_IN_NAME = frozenset("的了们是说表称指在于对向或这那此其该他她我你也还并则又再已将就都仍却年月日今昨之所被把让给从到"
                         "为以而但吗呢吧啊")
# Last characters of institution and place words (高市府, 林务局): not a name.
_INSTITUTION_ENDS = frozenset("部院署局省会办处委厅府宫军党社台报网团方市县区校队所司组界馆站国州镇乡村街路阁统席事理相")
# Characters ending a role noun right before a name (参选人, 书记长, 媒体人, 评论员, 艺人).
_ROLE_ENDS = frozenset("长员人师家者官士生手")
# Last characters of an office a person is named after (台中市警察局蔡某, 国民党团万某).
_OFFICE_ENDS = frozenset("局部署院会团处厅府")
# ... of which these never end a name (方议员, 高局长 are a surname and a role).
_ROLE_ONLY = frozenset("员长官者师家")
# What a time or place adverbial between a subject and its verb opens with (今在, 昨天, 28日, 在场, 于会中).
_ADVERBIAL_OPENS = frozenset("今昨在于日前稍0123456789")
