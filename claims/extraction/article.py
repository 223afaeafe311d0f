"""Extraction core: what the stages after the cues share. ``Article`` is read-only (the document,
the registry and what the first stages found); ``AttributionState`` is the one record the
attribution walk fills in text order, passed explicitly to every function that reads or adds to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import CueIndex
from .document import Document
from .gazetteer import Gazetteer
from .mentions import MentionIndex, NameMemory
from .records import NO_RESOLUTION, Candidate, Cue, Post, Resolution, Speaker


@dataclass(frozen=True)
class Article:
    """One article as the first stages left it."""

    doc: Document
    gazetteer: Gazetteer
    posts: tuple[Post, ...]
    mentions: MentionIndex
    genders: dict[str, str]  # speaker name -> "f" | "m" where the text says
    cues: CueIndex
    names: NameMemory  # names learned so far (grows while subjects are resolved)

    def text_at(self, start: int, end: int) -> str:
        return self.doc.text[start:end]


@dataclass
class AttributionState:
    """What the walk over quotes and cues has decided so far."""

    resolutions: dict[int, Resolution] = field(default_factory=dict)  # cue index -> its latest resolution
    valid: set[int] = field(default_factory=set)  # cues that licensed a statement (or a stance)
    consumed: set[int] = field(default_factory=set)  # cues used as the speaker tag of a quote before them
    relays: dict[int, tuple[str, ...]] = field(default_factory=dict)  # cue -> the outlet that relayed its source
    used_quotes: set[int] = field(default_factory=set)  # opening offsets of quotes already attributed
    statements: list[Candidate] = field(default_factory=list)
    last_subject: dict[int, Speaker] = field(default_factory=dict)  # paragraph -> last explicit subject
    own_subject: dict[int, bool] = field(default_factory=dict)  # memo: cue -> its clause names its speaker

    def resolution(self, cue: Cue) -> Resolution:
        return self.resolutions.get(cue.index, NO_RESOLUTION)

    def speaker(self, cue: Cue) -> Speaker | None:
        return self.resolutions.get(cue.index, NO_RESOLUTION).speaker

    @property
    def last_statement(self) -> Candidate | None:
        return self.statements[-1] if self.statements else None
