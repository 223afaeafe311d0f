"""Extraction lexicon: the row types of the rule tables (a rule is one row, with its own example).

A test walks every row (tests/extraction/test_lexicon.py): the example must fire, the
counterexample must not. Sentences in the tables are written for the project, never copied
from articles.
"""

from __future__ import annotations

from dataclasses import dataclass

# Cue kinds: what a reporting verb introduces.
SAY = "say"  # speech: a quote or a reported clause follows
ASK = "ask"  # a question (记者问, asked): never a statement
SUPPORT = "support"  # a stance verb: agreement (同意, welcomed)
OPPOSE = "oppose"  # a stance verb: rejection (否认, rejected)

# Stance verbs that also report what was said (驳斥指, 否认…): when they do, the cue's kind is
# "say+" + its polarity ("say+oppose").
REPORTS_ALWAYS = "always"
REPORTS_BEFORE_PUNCTUATION = "before punctuation"  # only when , : 「 “ (or the end of the text) follows


@dataclass(frozen=True)
class ReportingVerb:
    """One reporting, question or stance verb and where it counts as one.

    ``not_before`` / ``not_after``: words that, ending right before the verb or starting right
    after it, make the characters something else (据说 is hearsay, 说法 a noun). ``guards`` name
    context checks kept in ``cues.py`` (GUARDS) for what a word list cannot say. ``roles`` name
    the places where a later stage treats the verb specially (see ROLE_* in zh.py and en.py).
    """

    verb: str  # Simplified script (Chinese) or the exact word form (English)
    kind: str = SAY  # SAY | ASK | SUPPORT | OPPOSE
    example: str = ""  # a sentence in which the verb must fire
    counterexample: str = ""  # a sentence holding the verb in which it must not fire
    lang: str = "zh"
    weak: bool = False  # common in narration: needs , : 「 “ after it, or a person (or chained) subject
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    at_text_end: bool = True  # False: the verb does not count as the last characters of the text
    guards: tuple[str, ...] = ()
    reports: str = ""  # stance verbs only: REPORTS_ALWAYS | REPORTS_BEFORE_PUNCTUATION | ""
    attitude_objects: tuple[str, ...] = ()  # 表示感谢: an attitude follows, not a claim (kind "act")
    stance: str = ""  # English: the polarity a stance on another statement takes ("" for none)
    roles: frozenset[str] = frozenset()
    ignore_case: bool = False  # English phrases matched in any case ("According to")


@dataclass(frozen=True)
class StanceWord:
    """A word in an answer that shows a stance on another statement (not a verb: the verbs are
    rows of the reporting-verb tables with kind SUPPORT or OPPOSE)."""

    word: str
    polarity: str  # SUPPORT | OPPOSE
    cue_class: str  # "rejecting answer" (回应…不实) | "counter-measure" (扬言将采取反制措施)
    example: str  # a text in which the word gives a stance
    counterexample: str  # a text holding the word in which no stance follows


@dataclass(frozen=True)
class GroupName:
    """A camp or a kind of speaker named as a group (綠營, 中媒) where a stance names whose words it
    answers (面對綠營質疑, 批評中媒誇大): the group's speakers in the article are the ones meant.

    A speaker belongs when its registry key is one of ``keys`` or the words that name it hold one of
    ``members`` (民進黨議員曾某, 中國官媒《環球時報》)."""

    word: str  # Simplified script
    members: tuple[str, ...]  # words in a member's mention (民进党, 官媒)
    keys: tuple[str, ...]  # registry keys of members (dpp, global_times)
    example: str  # a text in which the group names a member's statement as the one answered
    counterexample: str  # a text naming the group where no member speaks: no stance
