"""Extraction core: the frozen records the stages hand to each other (the public output types are
in ``types.py``). Offsets always refer to the original text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .lexicon.rows import ReportingVerb


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: display name, registry key, the words that name it and where."""

    name: str
    key: str | None
    mention: str
    mention_start: int | None
    mention_end: int | None
    kind: str = "person"  # person | organisation | government | party | media | group | ...
    title: str = ""  # the title it was named with (交通部长), for proposed speakers
    aliases: tuple[str, ...] = ()  # a coordinated group (英国、法国和德国): its members' names

    def named_by(self, mention: str, start: int | None, end: int | None) -> Speaker:
        """The same speaker named by other words (a pronoun, a title, a longer noun phrase)."""
        return Speaker(self.name, self.key, mention, start, end, self.kind)


@dataclass(frozen=True)
class Mention:
    """Words in the text that name a speaker (a registry alias, a titled or learned name)."""

    start: int
    end: int
    speaker: Speaker


@dataclass(frozen=True)
class Cue:
    """A reporting, question or stance verb found in the text (before its subject is resolved)."""

    index: int  # position in the article's cue list (cues are in text order)
    start: int
    end: int
    verb: str  # the row's verb ("according to" whatever its case in the text)
    para: int
    kind: str  # say | ask | support | oppose | say+support | say+oppose | act
    lang: str  # zh | en
    weak: bool  # a weak verb without punctuation after it: needs a person (or chained) subject
    rule: ReportingVerb

    def has_role(self, role: str) -> bool:
        return role in self.rule.roles

    @property
    def is_stance(self) -> bool:
        return self.kind in ("support", "oppose")


@dataclass(frozen=True)
class Resolution:
    """Who a cue's verb belongs to, and through whom it was relayed."""

    speaker: Speaker | None = None
    via: tuple[str, ...] = ()  # platforms and outlets, in the order they were found
    implicit: bool = False  # the subject was carried over (并强调, an empty clause, a chained verb)
    no_speaker: bool = False  # hearsay (据悉, 据说): nobody is named
    post_posed: bool = False  # English "…, X said": the content is the clause before
    post_start: int = 0  # ... and where that clause is
    post_end: int = 0


NO_RESOLUTION = Resolution()


@dataclass(frozen=True)
class Candidate:
    """A statement before the output stage: speaker, span, how it was found."""

    speaker: Speaker
    start: int
    end: int
    kind: str  # direct | indirect
    cue: str  # the verb, or how it was found ("floating", "post", "答", "topic")
    para: int
    via: tuple[str, ...] = ()
    anchor: int = 0  # where the attribution was made (dates are looked for around it)
    said_on: dt.date | None = None
    floating: bool = False  # a quote that took the previous statement's speaker
    confidence: float = 0.8


@dataclass(frozen=True)
class Antecedents:
    """What a Chinese subject may continue and a pronoun refer to: the statement before the verb in
    its paragraph and the paragraph's last explicit subject."""

    previous: Candidate | None = None
    last_subject: Speaker | None = None


@dataclass(frozen=True)
class Post:
    """An embedded social post: its text, signature line and author ("— Name (@handle) date")."""

    region_start: int  # the post's text, from its body paragraph to the picture link
    region_end: int
    signature_start: int
    signature_end: int
    body_start: int  # the paragraph before the signature
    body_end: int
    poster: Speaker
    said_on: dt.date | None

    def holds(self, pos: int) -> bool:
        return self.region_start <= pos < self.region_end
