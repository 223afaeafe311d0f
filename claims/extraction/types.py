"""Extraction core: the frozen value types that extraction returns (no Django)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpeakerEntry:
    """One speaker known to the gazetteer: a stable key, a display name and its aliases."""

    key: str  # registry key ("trump") or a database id as a string
    name: str  # canonical display name, English where one exists ("Donald Trump")
    kind: str = "person"  # person|organisation|government|party|media|group|anonymous
    aliases: tuple[str, ...] = ()  # every written form: Traditional, Simplified, English
    title: str = ""  # role, e.g. "President of the United States"
    country: str = ""  # ISO 3166-1 alpha-2 where it applies
    wikidata: str = ""  # Q-id where known


@dataclass(frozen=True)
class Statement:
    """One attributed statement: who said what, where in the text, when and via whom."""

    speaker: str  # canonical name the system resolved (or the mention when unknown)
    speaker_key: str | None  # gazetteer key; None for a speaker not in the gazetteer
    mention: str  # the words in the text that name the speaker ("川普總統", "他")
    mention_start: int | None  # offsets of the mention in the text, None when implicit
    mention_end: int | None
    text: str  # the statement content, exactly text[start:end]
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    language: str  # "zh-Hant" | "zh-Hans" | "en" | ...
    said_on: dt.date | None
    via: tuple[str, ...] = ()  # venue / relaying outlets, outermost last
    venue: str = ""  # where it was said ("press conference", "Truth Social")
    claim_key: str = ""  # shared by statements that say the same thing
    cue: str = ""  # the reporting verb or pattern that licensed the attribution
    confidence: float = 0.5


@dataclass(frozen=True)
class Stance:
    """Who supports or opposes which statement (by index into Extraction.statements)."""

    speaker: str
    speaker_key: str | None
    polarity: str  # "support" | "oppose" | "neutral"
    target: int  # index into Extraction.statements
    cue: str = ""  # the words that show the stance ("明確表示拒絕")
    cue_start: int | None = None
    cue_end: int | None = None
    said_on: dt.date | None = None
    confidence: float = 0.5  # how likely the stance is right (holder, polarity and target), from its evidence
    evidence: str = ""  # what it rests on: the finding and how the target was linked ("named claim/speaker")
    mention: str = ""  # the words that name the holder


@dataclass(frozen=True)
class ProposedSpeaker:
    """A speaker found in the text but not in the gazetteer (title + name, parentheses)."""

    name: str
    aliases: tuple[str, ...] = ()
    title: str = ""
    kind: str = "person"


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    statements: tuple[Statement, ...] = ()
    stances: tuple[Stance, ...] = ()
    new_speakers: tuple[ProposedSpeaker, ...] = field(default_factory=tuple)
    version: str = ""
