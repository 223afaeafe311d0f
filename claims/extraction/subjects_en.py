"""Extraction stage 4b, English subjects: who an English verb belongs to.

In order: "according to X"; ", adding/saying" continues the paragraph's last English speaker; the
subject before the verb (a pronoun, else the comma-separated pieces from the verb backwards:
"…, Mining Minister Camila Rojas said"), which may make the verb post-posed; "said X" after it.
A noun phrase becomes a speaker through NOUN_PHRASE_SIEVES.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .anaphora import gender_ok
from .article import Article, AttributionState
from .lexicon import names
from .lexicon.en import ROLE_ACCORDING_TO, ROLE_CONTINUES, STOP_WORDS
from .normalize import normalize_alias
from .records import Candidate, Cue, Resolution, Speaker
from .venues import is_platform, outlet_name

_ACCORDING_SOURCE = re.compile(r"\s+((?:the\s+)?[^,.;\n]{1,80}?)(?=,|\.|;|\n|$)")
_OPENING_CONJUNCTION = re.compile(r"[\s,]*(?:(?:but|and|however|meanwhile|separately|also|yet|still)\b[\s,]*)?", re.I)
_TRAILING_ADVERBS = re.compile(
    r"^(.*?)(?:\s+(?:also|later|then|had|has|have|previously|earlier|separately|again|further|"
    r"once|recently|repeatedly|publicly|privately|flatly|quickly|immediately))*\s*$", re.S)
_FINAL_PRONOUN = re.compile(r"\b(he|she|they)\s*$", re.I)
_PIECE_LEAD = re.compile(r"\s*(?:(?:and|but|while|as|who|which)\s+)?")
_SAID_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.\-]*\s*){1,4}|he|she|they)")  # ', said Dmitry Peskov'
_NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s*,")
_AND_OR_BUT = re.compile(r"\s*(?:and|but)\s")
# a leading phrase before the subject, not a clause: "In a written statement, X said ..."
_LEAD_PHRASE = re.compile(
    r"(?:In|At|On|During|After|Before|Speaking|Asked|Earlier|Later|Separately|Meanwhile|However|Responding|Writing|"
    r"Addressing|Commenting|Reacting|Last|This|Yesterday|Today|On)\b[^,;\"“”]{0,60},$")
NOUNISH = re.compile(
    r"(?:the|a|an|another|one|two|three|several|some|many|other)\s+(?:[\w\-]+\s+){0,4}"
    r"(?:spokes(?:man|woman|person)|official|officials|minister|ministry|statement|"
    r"source|sources|diplomat|diplomats|analyst|analysts|expert|experts|adviser|aide|aides|"
    r"lawmaker|lawmakers|government|embassy|report|police|military|army|company|spokes\w+|"
    r"advocate general|judge|prosecutors?|negotiators?|economists?|executives?|insiders?|envoys?)",
    re.I,
)
_INDEFINITE = re.compile(r"(?:a|an|one|two|three|several|some|another)\s", re.I)
_ANONYMOUS_PERSON = re.compile(r"(?:official|officials|source|sources|diplomat|diplomats|adviser|aide|aides|"
                               r"advocate general|judge|negotiators?|executives?|insiders?|envoys?|spokes\w+)$", re.I)
_THE_STATEMENT = re.compile(r"(?:the|this|that)\s+(?:\w+\s+)?statement", re.I)
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’.\-]*)(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’.\-]*)*")
_APPOSITION_AFTER = re.compile(r"\s*(?:,|\(|of\b|at\b|from\b|for\b|in\b)")
_ISSUER_BEFORE = re.compile(r"(?:[A-Z][\w'’.\-]*)(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?[A-Z][\w'’.\-]*)+"
                            r"(?=\s+(?:issued|released|published|put out|said)\b)")
# what follows a name to describe it: "a pollster", "the mayor's aide", "who ran", "52", "director of …"
_APPOSITION = re.compile(r"\s*(?:(?:a|an|the|who|whose|which)\s|\d{1,3}\b|(?!(?:and|but|or|yet|so|while|as)\b)[a-z]"
                         r"|(?:Republican|Democrat|Independent|Labour|Conservative)\s+(?:of|from)\s)")
# a name, perhaps after a lower-case title ('the economist Ann Roe'), perhaps with a party label
_BARE_NAME = re.compile(r"(?:(?:and|but)\s+)?(?:the\s+)?(?:[a-z]+(?:ist|er|or|ian|ant|man|woman|host|anchor)\s+){0,2}"
                        r"(?:[A-Z][\w'’.\-]*\s+){0,5}[A-Z][\w'’.\-]*(?:\s*\([^()]{1,30}\))?"
                        r"(?:\s+(?:of|from)\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})?")  # Ann Roe of Ohio
_NO_SPEAKER_WORDS = ("i", "we", "you", "there", "this", "that", "which", "who", "it")
_MAX_PIECES = 4  # comma-separated pieces looked at before a verb
_POST_POSED_TAIL = 3  # words after a post-posed verb that may be anything ("told reporters Tuesday.")
# ... and words that may start a longer tail ("said in a telephone interview on Tuesday.")
_TAIL_WORDS = frozenset(("on", "in", "at", "during", "after", "before", "last", "this", "late", "early", "earlier",
                         "later", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "when", "while", "as", "of", "to", "from", "via", "through",
                         "with", "about", "recently", "again", "also", "then", "afterward", "shortly", "told"))
_PRONOUN_REACH = 800  # he/she/they: the previous statement within this distance
_ISSUER_REACH = 400


def resolve_english_subject(art: Article, state: AttributionState, cue: Cue, prev: Candidate | None) -> Resolution:
    """The speaker of an English verb (prev: the statement before, in this or the previous paragraph)."""
    if cue.has_role(ROLE_ACCORDING_TO):
        m = _ACCORDING_SOURCE.match(art.doc.folded[cue.end: cue.end + 120])
        if not m:
            return Resolution()
        return Resolution(noun_phrase_speaker(art, m.group(1), cue.end + m.start(1), prev))
    if cue.has_role(ROLE_CONTINUES):  # ", adding that" / ", saying": the subject of the verb before
        for c in art.cues.before(cue.start):
            if c.para != cue.para:
                break
            if c.lang == "en" and state.speaker(c) is not None:
                return Resolution(state.speaker(c), implicit=True)
        return Resolution(_sentence_subject(art, cue, prev), implicit=True)
    return _subject_before(art, state, cue, prev) or _speaker_after(art, cue, prev) or Resolution()


# the capitalised words (and lower-case titles among them) that open a sentence: 'Likely nominee Ann Roe'
_LEADING_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|[a-z]+(?:ist|er|or|ian|ant|man|woman|ee)))*"
                           r"(?<=[\w.])(?<![a-z]ist)(?<![a-z]er)(?<![a-z]or)(?<![a-z]ian)(?<![a-z]ant)(?<![a-z]man)(?<![a-z]ee)")


def _sentence_subject(art: Article, cue: Cue, prev: Candidate | None) -> Speaker | None:
    """'Senator Ray Ostrow voted no, noting that …': the name that opens the sentence (no verb before)."""
    s, _ = art.doc.english_sentence(cue.start)
    m = _LEADING_NAME.match(art.doc.folded, s, cue.start)
    if m is None or len(m.group(0).split()) < 2 and not art.mentions.within(s, m.end()):
        return None
    return noun_phrase_speaker(art, m.group(0), s, prev)


def _subject_before(art: Article, state: AttributionState, cue: Cue, prev: Candidate | None) -> Resolution | None:
    """'X said': the subject at the start of the clause (after a closing quote or 'But')."""
    folded = art.doc.folded
    sentence_start, _ = art.doc.english_sentence(cue.start)
    doubled = folded.rfind("''", sentence_start, cue.start)
    q = art.doc.quote_before(cue.start)  # a closed quote of any kind (‘…’ too) before the verb in the sentence
    k = max(folded.rfind('"', sentence_start, cue.start), folded.rfind("”", sentence_start, cue.start),
            doubled + 1 if doubled >= 0 else -1, q.end if q is not None and sentence_start <= q.open and q.closed
            and q.end < cue.start else -1)
    clause_start = k + 1 if k >= 0 else sentence_start
    base = clause_start + _OPENING_CONJUNCTION.match(folded[clause_start: cue.start]).end()
    left = folded[base: cue.start]
    trimmed = _TRAILING_ADVERBS.match(left)  # "also", "later", "had" between subject and verb
    subject = trimmed.group(1) if trimmed else left
    pm = _FINAL_PRONOUN.search(subject)
    if pm:
        return Resolution(english_pronoun(art, state, pm.group(1), base + pm.start(1), cue, prev=prev))
    pieces = _name_before_appositions([(m.start(), m.end()) for m in re.finditer(r"[^,]+", subject)], subject)
    for n, (ps, pe) in enumerate(reversed(pieces[-_MAX_PIECES:])):
        piece = subject[ps:pe]
        off = _PIECE_LEAD.match(piece).end()
        sp = clause_subject(art, piece[off:].rstrip(), base + ps + off, prev)
        if sp is not None:
            if n == 0 and _post_posed(folded, sentence_start, base + ps, piece, len(pieces)) \
                    and not _clause_follows(art, cue):
                return Resolution(sp, post_posed=True, post_start=sentence_start, post_end=base + ps)
            return Resolution(sp)
    return None


def _name_before_appositions(pieces: list[tuple[int, int]], subject: str) -> list[tuple[int, int]]:
    """'Jane Roe, a pollster who worked for Mr. Doe, said': the pieces after a bare name that describe it
    (a/an/the …, who …, an age) are dropped, so the name is the subject, not a name inside them."""
    k = len(pieces)
    while k >= 2 and _APPOSITION.match(subject, pieces[k - 1][0]):
        k -= 1
        if _BARE_NAME.fullmatch(subject[pieces[k - 1][0]:pieces[k - 1][1]].strip()):
            return pieces[:k]
    return pieces


def _post_posed(folded: str, sentence_start: int, subject_start: int, piece: str, pieces: int) -> bool:
    """'…, Mining Minister Camila Rojas said on Tuesday.': the subject follows a clause and a comma."""
    before = folded[sentence_start: subject_start].strip()
    return bool(before) and before[-1] == "," and before[0] not in '"“‘\'' and pieces >= 2 \
        and not _LEAD_PHRASE.match(before) and not _AND_OR_BUT.match(piece) \
        and not _NAME_THEN_COMMA.match(folded[sentence_start: subject_start])


def _clause_follows(art: Article, cue: Cue) -> bool:
    """'Pressed by Mr. Doe, Mr. Roe said there was no evidence': a reported clause follows the verb, so
    what stands before the subject is a lead, not the content. A post-posed verb is followed by little
    ('said on Tuesday.', 'said in a statement.') or by a comma (', adding that …')."""
    folded = art.doc.folded
    _, end = art.doc.english_sentence(cue.start)
    rest = folded[cue.end:end].strip()
    words = rest.split()
    if len(words) <= _POST_POSED_TAIL or rest.startswith((",", ";", "(", "—", "-")):
        return False
    return words[0].lower() not in _TAIL_WORDS or "that" in words[:10] or any(m in rest for m in '"“')


def _speaker_after(art: Article, cue: Cue, prev: Candidate | None) -> Resolution | None:
    """'said X' (post-posed): ', said Dmitry Peskov, the Kremlin spokesman.'"""
    folded = art.doc.folded
    m = _SAID_AFTER.match(folded[cue.end: cue.end + 80])
    if not m or folded[cue.start - 2: cue.start].strip() not in (",", "", '"', "”", "'", "’", "»"):
        return None
    if m.group(1) in ("he", "she", "they") and folded[cue.end + m.end(): cue.end + m.end() + 1] not in (",", ".", ""):
        return None  # 'said he fully supports it': the pronoun opens the reported clause
    sp = noun_phrase_speaker(art, m.group(1).strip(), cue.end + m.start(1), prev)
    return Resolution(sp, post_posed=True) if sp is not None else None


def english_pronoun(art: Article, state: AttributionState, word: str, start: int, cue: Cue, *,
                    prev: Candidate | None) -> Speaker | None:
    """he/she/they: the subject of the last English verb in this paragraph, else an antecedent before."""
    for c in art.cues.before(cue.start):
        if c.para != cue.para or c.lang != "en":
            break
        sp = state.speaker(c)
        if sp is not None and (sp.kind in ("person", "group") and gender_ok(art, word.lower(), sp)
                               or word.lower() == "they"):
            return sp.named_by(word, start, start + len(word))
    return noun_phrase_speaker(art, word, start, prev)


def clause_subject(art: Article, subject: str, start: int, prev: Candidate | None) -> Speaker | None:
    """The speaker in a clause-initial English subject (names, 'a spokesman', known aliases)."""
    if not subject.strip() or len(subject) > 160:
        return None
    nm = NOUNISH.match(subject)
    if nm and len(subject) - nm.end() <= 1:
        return _described_subject(art, subject[: nm.end()], start, prev)
    if _PERSONS_ORGANISATION.fullmatch(subject):
        return persons_organisation(art, NounPhrase(subject, start, prev))
    for m in _CAPITALISED_RUN.finditer(subject):  # the first capitalised run that is a name
        run_start = start + m.start()
        if len(m.group(0).split()) >= 2 or art.mentions.within(run_start, run_start + len(m.group(0))) or \
                normalize_alias(m.group(0)) in art.names.by_surname() or m.start() > 0 or len(subject) == m.end():
            tail = subject[m.end():]  # it must reach the verb or be followed by an apposition / "of ..."
            if tail.strip() and not _APPOSITION_AFTER.match(tail):
                continue
            sp = noun_phrase_speaker(art, m.group(0), run_start, prev)
            if sp is not None:
                return sp
    return None


def _described_subject(art: Article, head: str, start: int, prev: Candidate | None) -> Speaker | None:
    """'a senior EU official' (an anonymous person), 'the statement' (its issuer), 'the Kremlin spokesman'."""
    end = start + len(head)
    if _INDEFINITE.match(head) and _ANONYMOUS_PERSON.search(head):
        return Speaker(head, None, head, start, end, "group")  # not the institution named inside
    if _THE_STATEMENT.fullmatch(head):
        sp = statement_issuer(art, start, prev)
        if sp is not None:
            return sp.named_by(head, start, end)
    mentions = art.mentions.within(start, end)
    if mentions:
        return mentions[-1].speaker.named_by(head, start, end)
    return noun_phrase_speaker(art, head, start, prev)


def statement_issuer(art: Article, pos: int, prev: Candidate | None) -> Speaker | None:
    """'The statement said': who issued it, named in the sentences just before (this or the previous
    paragraph), else the previous statement's speaker."""
    doc = art.doc
    lo = max(doc.paragraph_starts[max(0, doc.para_of(pos) - 1)], pos - 500)
    for m in reversed(art.mentions.within(lo, pos)):
        if not doc.in_quote.contains(m.start) and not is_platform(doc.lowered[m.start:m.end]):
            return m.speaker
    for m in reversed(list(_ISSUER_BEFORE.finditer(doc.folded[lo:pos]))):
        sp = noun_phrase_speaker(art, m.group(0), lo + m.start(), prev)
        if sp is not None:
            return sp
    if prev is not None and pos - prev.end < _ISSUER_REACH:
        return prev.speaker
    return None


# --- noun phrase -> speaker ----------------------------------------------------------------------
@dataclass(frozen=True)
class NounPhrase:
    words: str  # stripped, without a final comma
    start: int  # where the unstripped phrase starts (offsets are start .. start + len(words))
    prev: Candidate | None

    @property
    def end(self) -> int:
        return self.start + len(self.words)

    def named(self, sp: Speaker) -> Speaker:
        return sp.named_by(self.words, self.start, self.end)


_PARTY_LABEL = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_LEADING_NOT_NAME = re.compile(r"(?:On|In|At|While|When|After|Before|As|If|Since|Though|Although|Because|During|For|"
                               r"From|With|Without|Unlike|Like|Until|Both|Even|Only|Also|Yet|But|And|So|Then|Now|"
                               r"Still|Likely|Presumptive|Fellow|Former|Later|Earlier|Meanwhile|However|Separately|"
                               r"Today|Yesterday)\s+(?=[A-Z])")


def noun_phrase_speaker(art: Article, words: str, start: int, prev: Candidate | None) -> Speaker | None:
    """The speaker an English noun phrase names: the first sieve that decides."""
    words = _PARTY_LABEL.sub("", words.strip().rstrip(","))  # 'Dick Durbin (D-Ill.)'
    lead = _LEADING_NOT_NAME.match(words)  # 'On Friday', 'While Sanders': no name starts with these
    if lead:
        start, words = start + lead.end(), words[lead.end():]
    phrase = NounPhrase(words, start, prev)
    if not phrase.words:
        return None
    low = phrase.words.lower()
    if low in ("he", "she", "they", "it"):
        return _pronoun_antecedent(art, phrase, low)
    if low in _NO_SPEAKER_WORDS:
        return None
    for sieve in NOUN_PHRASE_SIEVES:
        sp = sieve(art, phrase)
        if sp is not None:
            return sp
    return None


def _pronoun_antecedent(art: Article, phrase: NounPhrase, low: str) -> Speaker | None:
    """he/she: the previous statement's speaker nearby when a person of that gender, else the last
    such person mentioned; they/it: the previous statement's speaker, else the last mention."""
    person = low in ("he", "she")
    prev = phrase.prev
    if prev is not None and phrase.start - prev.end < _PRONOUN_REACH and (
            not person or (prev.speaker.kind == "person" and gender_ok(art, low, prev.speaker))):
        return phrase.named(prev.speaker)
    for m in reversed(art.mentions.within(max(0, phrase.start - 500), phrase.start)):
        if not person or (m.speaker.kind == "person" and gender_ok(art, low, m.speaker)):
            return phrase.named(m.speaker)
    return None


# after a mention: lower-case words (a title, a relation) and a full name to the end of the phrase
_NAME_AFTER_MENTION = re.compile(
    r"(?:['’]s)?(?:\s+(?:[a-z][\w\-]*|" + "|".join(re.escape(w) for w in names.EN_TITLE_WORDS if " " not in w)
    + r")){1,4}\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)+")


def mention_in_phrase(art: Article, phrase: NounPhrase) -> Speaker | None:
    """'Kremlin spokesman Dmitry Peskov': the last registry or learned mention inside."""
    mentions = [m for m in art.mentions.within(phrase.start, phrase.end)
                if not is_platform(art.doc.lowered[m.start:m.end])]
    if not mentions:
        return None
    after = art.doc.folded[mentions[-1].end:phrase.end]
    if _NAME_AFTER_MENTION.fullmatch(after):
        return None  # 'Lee campaign manager Ann Roe', 'Lee ally Ann Roe': the name at the end speaks
    return phrase.named(mentions[-1].speaker)


def outlet(art: Article, phrase: NounPhrase) -> Speaker | None:
    name = outlet_name(art.gazetteer, phrase.words)
    return Speaker(name, None, phrase.words, phrase.start, phrase.end, "media") if name else None


def anonymous_group(art: Article, phrase: NounPhrase) -> Speaker | None:
    """'a government spokesman', 'two senior officials': an unnamed source."""
    if NOUNISH.fullmatch(phrase.words):
        return Speaker(phrase.words, None, phrase.words, phrase.start, phrase.end, "group")
    return None


def capitalised_name(art: Article, phrase: NounPhrase) -> Speaker | None:
    """A capitalised name, titles stripped ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"): the
    registry's, a surname seen before in full, or a new person (learned and proposed)."""
    words = phrase.words.split()
    if not any(w[:1].isupper() for w in words) or not words[-1][:1].isupper() or len(words) > 7:
        return None
    name_words: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() or w in names.EN_TITLE_WORDS or w.lower() in names.EN_TITLE_LOWER \
                or w.lower() in ("the", "a", "an"):
            break
        name_words.insert(0, w)
    name = " ".join(name_words) or phrase.words
    if name.lower() in names.EN_NOT_NAMES:
        return None
    entry = art.gazetteer.lookup(name)
    if entry:
        return Speaker(entry.name, entry.key, phrase.words, phrase.start, phrase.end, entry.kind)
    if len(name_words) == 1:  # a single capitalised word is a name only when seen before in full
        sp = _surname_seen(art, phrase, name, len(words))
        if sp is not None or len(words) == 1:
            return sp
    speaker = Speaker(name, None, phrase.words, phrase.start, phrase.end, "person")
    if len(name_words) >= 2:
        art.names.remember(name, speaker)
        title = " ".join(words[: len(words) - len(name_words)])
        if title:
            art.names.propose(name, title)
    return speaker


def _surname_seen(art: Article, phrase: NounPhrase, name: str, words: int) -> Speaker | None:
    """A surname alone: a learned name, else (after a title: 'Mrs Vance') the full name written before."""
    sp = art.names.by_surname().get(normalize_alias(name))
    if sp is None and words > 1:
        sp = full_name_before(art, NounPhrase(name, phrase.start + phrase.words.rindex(name), phrase.prev))
    return phrase.named(sp) if sp is not None else None


_FULL_NAME_REACH = 6000  # a surname alone is looked up in full this far back
_NOT_FIRST_NAMES = frozenset(("when", "after", "while", "if", "as", "since", "because", "said", "says", "told", "asked",
                              "then", "so", "yet", "still", "also", "though", "although", "before", "until", "where"))
# "the Lee campaign", "Lee's campaign", "the Lee administration": a person's organisation speaks.
_PERSONS_ORGANISATION = re.compile(
    r"(?:[Tt]he\s+)?(?P<owner>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*?)(?:['’]s?)?\s+"
    r"(?P<head>campaign|administration|transition team|team|camp|government|White House|aides|advisers|allies|"
    r"lawyers|attorneys|staff)")


_PEOPLE_HEADS = frozenset(("aides", "advisers", "allies", "lawyers", "attorneys", "staff"))


def persons_organisation(art: Article, phrase: NounPhrase) -> Speaker | None:
    """'The Lee campaign said': the campaign (an organisation) speaks, named with its owner."""
    m = _PERSONS_ORGANISATION.fullmatch(phrase.words)
    if m is None or m.group("owner").lower() in names.EN_NOT_NAMES:
        return None
    head = m.group("head")
    owner = m.group("owner")
    if head == "government" and " " not in owner and "'" in phrase.words.replace("’", "'"):
        entry = art.gazetteer.lookup(owner)  # "Austria's government": the country speaks, as "Austria" would
        known = art.names.get(owner) or art.names.by_surname().get(normalize_alias(owner))
        if entry is None and known is None or entry is not None and entry.kind == "government":
            return Speaker(entry.name if entry else owner, entry.key if entry else None, phrase.words, phrase.start,
                           phrase.end, "government")
    name = f"{owner} {head if head[0].isupper() else head.lower()}"
    kind = "group" if head in _PEOPLE_HEADS else "organisation"
    return Speaker(name, None, phrase.words, phrase.start, phrase.end, kind)


def full_name_before(art: Article, phrase: NounPhrase) -> Speaker | None:
    """'Sam Jacobs, the editor, ... Jacobs said': a surname alone is the full name written before it
    (two to four capitalised words ending in it, titles left out), which is then learned."""
    word = phrase.words
    if " " in word or not word[:1].isupper() or word.lower() in names.EN_NOT_NAMES or len(word) < 3:
        return None
    lo = max(0, phrase.start - _FULL_NAME_REACH)
    found = None
    for m in re.finditer(r"((?:[A-Z][\w'’.\-]*\s+){1,3})" + re.escape(word) + r"\b", art.doc.folded[lo:phrase.start]):
        found = m
    if found is None:
        return None
    first = [w for w in found.group(1).split() if w not in names.EN_TITLE_WORDS
             and w.lower() not in names.EN_TITLE_LOWER and w.lower() not in names.EN_NOT_NAMES
             and w.lower() not in STOP_WORDS and w.lower() not in _NOT_FIRST_NAMES]
    if not first:
        return None
    name = " ".join([*first, word])
    speaker = Speaker(name, None, word, phrase.start, phrase.end, "person")
    art.names.remember(name, speaker)
    return speaker


NOUN_PHRASE_SIEVES: tuple[Callable[[Article, NounPhrase], Speaker | None], ...] = (
    persons_organisation,
    mention_in_phrase,
    outlet,
    anonymous_group,
    capitalised_name,
    full_name_before,
)
