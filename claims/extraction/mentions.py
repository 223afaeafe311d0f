"""Extraction stage 2, mentions: the words that name speakers, and the names learned in the article.

Registry aliases come first; then unknown people after a Chinese title (交通部长林佑诚, and every
later 林佑诚), English titled names ("Mayor Rosa Delgado", then "Delgado") and the authors of
embedded posts. Names learned here, and later while subjects are resolved, live in a NameMemory
the later stages read and add to (a name is learned once, in text order).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Document, Intervals
from .gazetteer import Gazetteer
from .lexicon import names
from .names_zh import Recurrence, full_name, recurring_names
from .normalize import fold, normalize_alias
from .patterns import CJK, TITLE, alternation, first_chars
from .records import Mention, Post, Speaker
from .types import ProposedSpeaker, SpeakerEntry

MAX_LEARNED_OCCURRENCES = 2000  # later mentions of one learned Chinese name (bounded work)
MAX_ENGLISH_FORMS = 400  # learned English names searched for again
MAX_ENGLISH_MENTIONS = 5000

_EN_TITLED = re.compile(
    first_chars(names.EN_NAME_TITLES) + r"\b(" + "|".join(re.escape(t) for t in names.EN_NAME_TITLES) + r")\s+"
    r"([A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})\b"
)
_ALIAS_IN_PARENTHESES = re.compile(r"\s*[((]([A-Za-z][A-Za-z .'\-·]{1,50})[))]")
_FEMALE_BEFORE = re.compile(r"女[^儿]?$|女士|小姐|太太|夫人|\bMs\.?\s*$|\bMrs\.?\s*$|Miss\s*$")
_FEMALE_AFTER = re.compile(r"\|(?:" + "|".join(names.FEMALE_AFTER) + ")")
_MALE_BEFORE = re.compile(r"\bMr\.?\s*$")


def speaker_of(entry: SpeakerEntry | None, mention: str, start: int | None, end: int | None) -> Speaker:
    """The speaker a registry entry names (or the mention itself, as a person, without one)."""
    if entry is None:
        return Speaker(mention, None, mention, start, end, "person")
    return Speaker(entry.name, entry.key, mention, start, end, entry.kind)


class NameMemory:
    """Speakers learned from the article (normalised name -> speaker) and the unknown ones it proposes."""

    def __init__(self) -> None:
        self.learned: dict[str, Speaker] = {}
        self.proposed: dict[str, ProposedSpeaker] = {}
        self._surnames: tuple[int, dict[str, Speaker]] = (-1, {})

    def get(self, name: str) -> Speaker | None:
        return self.learned.get(normalize_alias(name))

    def remember(self, name: str, speaker: Speaker) -> None:
        """Learn a name (the first speaker learned under a name stays)."""
        self.learned.setdefault(normalize_alias(name), speaker)

    def remember_titled(self, speaker: Speaker, text: str, end: int, gazetteer: Gazetteer) -> None:
        """An unknown title+name speaker, with an English alias in parentheses after it (林佑诚(Lin))."""
        m = _ALIAS_IN_PARENTHESES.match(text[end: end + 60])
        alias = m.group(1).strip() if m else ""
        key = normalize_alias(speaker.mention)
        self.learned.setdefault(key, speaker)
        if speaker.key is not None or gazetteer.lookup(speaker.mention) is not None:
            return
        old = self.proposed.get(key)
        if old is None:
            self.proposed[key] = ProposedSpeaker(speaker.mention, (alias,) if alias else (), speaker.title.strip(),
                                                 "person")
        elif alias and alias not in old.aliases:
            self.proposed[key] = ProposedSpeaker(old.name, old.aliases + (alias,), old.title or speaker.title.strip(),
                                                 old.kind)

    def propose(self, name: str, title: str) -> None:
        self.proposed.setdefault(normalize_alias(name), ProposedSpeaker(name, (), title, "person"))

    def by_surname(self) -> dict[str, Speaker]:
        """Learned names of two or more words by their last word ("Delgado"); a later name wins."""
        size, table = self._surnames
        if size != len(self.learned):  # names are only ever added: the size says when to rebuild
            table = {}
            for sp in self.learned.values():
                parts = sp.name.split()
                if len(parts) >= 2:
                    table[normalize_alias(parts[-1])] = sp
            self._surnames = (len(self.learned), table)
        return table

    def proposed_speakers(self) -> tuple[ProposedSpeaker, ...]:
        return tuple(v for _, v in sorted(self.proposed.items(), key=lambda kv: kv[1].name))


class MentionIndex:
    """Mentions in text order (by start, longest first), searchable by range."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


@dataclass(frozen=True)
class MentionsFound:
    """What the mention stage returns: the index, and 'f' / 'm' by speaker name where the text says."""

    index: MentionIndex
    genders: dict[str, str]


def find_mentions(doc: Document, gazetteer: Gazetteer, posts: tuple[Post, ...], memory: NameMemory,
                  cue_starts: Sequence[int] = ()) -> MentionsFound:
    """Every mention of a speaker; learns titled names and post authors into ``memory``. ``cue_starts``
    (where Chinese reporting verbs start) lets names the registry does not know be found before them."""
    mentions = [Mention(s, e, speaker_of(entry, doc.text[s:e], s, e))
                for s, e, entry in gazetteer.find_all(doc.lowered, doc.folded)]
    rec = Recurrence(doc.folded)
    mentions = _by_position(mentions + _titled_chinese_names(doc, gazetteer, mentions, memory, rec))
    if cue_starts:
        mentions = _by_position(mentions + recurring_names(doc, mentions, cue_starts, rec))
    titled_genders = _learn_english_titled_names(doc, gazetteer, memory)
    for post in posts:  # the author of an embedded post
        if post.poster.key is None and len(post.poster.name.split()) >= 2:
            memory.remember(post.poster.name, post.poster)
    english = _learned_english_mentions(doc, mentions, memory)
    every = _by_position(mentions + english) if english else mentions
    # The gender scan sees the English mentions only when no title gave a gender (kept as in 0.4.12).
    genders = _genders_around(doc, every if not titled_genders else mentions)
    for name, gender in titled_genders:
        genders.setdefault(name, gender)
    return MentionsFound(MentionIndex(every), genders)


def _by_position(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _titled_chinese_names(doc: Document, gazetteer: Gazetteer, known: list[Mention],
                          memory: NameMemory, rec: Recurrence) -> list[Mention]:
    """Unknown people after a title (交通部长林佑诚, 发言人陈斌华14日) and every later mention of them."""
    taken = Intervals([(m.start, m.end) for m in known])
    found: dict[str, Speaker] = {}
    for m in TITLE.finditer(doc.folded):
        e0 = m.end()
        if taken.contains(e0) or taken.contains(m.start()):
            continue
        name = full_name(rec, e0, name_after(doc.folded, e0))
        if not name:
            continue
        end = e0 + len(name)
        speaker = Speaker(doc.text[e0:end], None, doc.text[e0:end], e0, end, "person",
                          title=doc.text[max(0, m.start() - 8):m.end()].split(",")[-1])
        key = normalize_alias(name)
        if key not in found:
            found[key] = speaker
            memory.remember_titled(speaker, doc.text, end, gazetteer)
    out = []
    for speaker in found.values():
        name = fold(speaker.name)
        pos, count = doc.folded.find(name), 0
        while pos >= 0 and count < MAX_LEARNED_OCCURRENCES:
            if not taken.contains(pos):
                end = pos + len(name)
                out.append(Mention(pos, end, Speaker(speaker.name, None, doc.text[pos:end], pos, end, "person",
                                                     title=speaker.title)))
            pos = doc.folded.find(name, pos + len(name))
            count += 1
    return out


def name_after(folded: str, pos: int) -> str:
    """A person's name right after a title word (a surname and one or two characters, or a
    transliterated run), or ''."""
    win = folded[pos:pos + 8]
    if not win or not CJK.match(win[0]):
        return ""
    if win[0] in names.SURNAME_SET:
        # a three-character name whose given name uses a character that may also begin a verb
        # (李承翰, 王建民): accepted when a clear boundary follows it
        if len(win) >= 3 and all(CJK.match(ch) and ch not in names.NAME_HARD_STOP for ch in win[1:3]) and (
                len(win) == 3 or not CJK.match(win[3]) or win[3] in names.NAME_HARD_STOP):
            return win[:3]
        n = 1
        while n < 3 and n < len(win) and CJK.match(win[n]) and win[n] not in names.NAME_STOP:
            n += 1
        if n >= 2 and (n == len(win) or not CJK.match(win[n]) or win[n] in names.NAME_STOP or n == 3):
            return win[:n]
        return ""
    n = 0
    while n < len(win) and win[n] in names.TRANSLIT_CHARS:
        n += 1
    if n >= 2 and (n == len(win) or win[n] in names.NAME_STOP or not CJK.match(win[n])):
        return win[:n]
    return ""


def _learn_english_titled_names(doc: Document, gazetteer: Gazetteer, memory: NameMemory) -> list[tuple[str, str]]:
    """English title + name anywhere ("Mayor Rosa Delgado"): later "Delgado" and she resolve.
    Returns (name, 'f' | 'm') for the titles that tell a person's gender."""
    genders = []
    for m in _EN_TITLED.finditer(doc.folded):
        name = m.group(2)
        if name.split()[-1].lower() in names.EN_NOT_NAMES or doc.in_quote.contains(m.start(2)):
            continue
        entry = gazetteer.lookup(name)
        if entry:
            speaker = Speaker(entry.name, entry.key, name, m.start(2), m.end(2), entry.kind)
        else:
            speaker = Speaker(name, None, name, m.start(2), m.end(2), "person", title=m.group(1))
        memory.remember(name, speaker)
        title = m.group(1).lower().rstrip(".")
        gender = "f" if title in names.EN_FEMALE_TITLES else "m" if title in names.EN_MALE_TITLES else None
        if gender and speaker.kind == "person":
            genders.append((speaker.name, gender))
    return genders


def _learned_english_mentions(doc: Document, mentions: list[Mention], memory: NameMemory) -> list[Mention]:
    """Every later mention of a learned English name, in full or by surname, for pronouns."""
    forms: dict[str, Speaker] = {}
    for sp in memory.learned.values():
        if sp.key is None and sp.name.isascii() and len(sp.name.split()) >= 2 and len(forms) < MAX_ENGLISH_FORMS:
            forms.setdefault(sp.name, sp)
            forms.setdefault(sp.name.split()[-1], sp)  # a surname shared by two people: the first
    if not forms:
        return []
    taken = Intervals([(m.start, m.end) for m in mentions])
    out: list[Mention] = []
    for m in re.finditer(r"\b(?:" + alternation(forms) + r")\b", doc.folded):  # one pass for every name
        if len(out) > MAX_ENGLISH_MENTIONS:
            break
        if not taken.contains(m.start()):
            out.append(Mention(m.start(), m.end(), Speaker(forms[m.group(0)].name, None, m.group(0), m.start(),
                                                           m.end(), "person")))
    return out


def _genders_around(doc: Document, mentions: list[Mention]) -> dict[str, str]:
    """'f' or 'm' for a person whose mention has 女士, 小姐, Ms, Mrs (or 先生, Mr) around it."""
    out: dict[str, str] = {}
    folded = doc.folded
    for m in mentions:
        if m.speaker.kind != "person":
            continue
        around = folded[max(0, m.start - 6): m.start] + "|" + folded[m.end: m.end + 3]
        head = around.split("|")[0]
        if _FEMALE_BEFORE.search(head) or _FEMALE_AFTER.match(around[around.index("|"):]):
            out.setdefault(m.speaker.name, "f")
        elif _MALE_BEFORE.search(head) or around.endswith(names.MALE_AFTER) or folded[m.end:m.end + 2] == "先生":
            out.setdefault(m.speaker.name, "m")
    return out
