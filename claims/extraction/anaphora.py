"""Extraction core: pronouns and anaphors (他, 她, 后者, 该官员, he, she, they) to the speaker they
stand for: the nearest compatible mention, else the previous statement's speaker."""

from __future__ import annotations

import re

from .article import Article, AttributionState
from .lexicon.zh import FEMALE_PRONOUNS, GENDERED_PRONOUNS, OBJECT_VERBS, PRONOUNS
from .records import Antecedents, Speaker

LOOK_BACK = 1500  # how far back a pronoun or a document noun looks for its antecedent (bounded work)
PREVIOUS_STATEMENT_REACH = 600  # the previous statement is an antecedent within this distance
# 与医护朋友的对话,对方称…: the one talked with, named before 对方 in its sentence
_PARTNER = re.compile(r"(?:与|跟|和)([\u4e00-\u9fff]{2,8}?)的?(?:对话|通话|聊天|谈话|交谈|对谈)")
_PARTNER_BACK = 40  # characters before 对方 read for the one talked with


def gender_ok(art: Article, word: str, speaker: Speaker) -> bool:
    """她 is not a man and 他 not a woman, where the text says which (女士, 先生, Ms, Mr)."""
    gender = art.genders.get(speaker.name)
    if gender is None or word not in (*GENDERED_PRONOUNS, "he", "she"):
        return True
    return gender == ("f" if word in (*FEMALE_PRONOUNS, "she") else "m")


def is_object(art: Article, start: int) -> bool:
    """A mention that is the object of a verb (批评叶庭萱, 质问林佑诚), not a subject."""
    return art.doc.folded[max(0, start - 3):start].endswith(OBJECT_VERBS)


def after_cue_in_sentence(art: Article, state: AttributionState, pos: int) -> bool:
    """A mention after a resolved reporting verb of its own sentence is content or an object."""
    sentence_start, _ = art.doc.sentence_bounds(pos)
    for cue in art.cues.before(pos, limit=len(art.cues.cues)):
        if cue.start < sentence_start:
            break
        if cue.end <= pos and state.speaker(cue) is not None and cue.kind != "ask":
            return True
    return False


def chinese_anaphor(art: Article, state: AttributionState, word: str, start: int,
                    before: Antecedents) -> Speaker | None:
    """The speaker a Chinese pronoun or anaphor (the words at start) stands for, named by the pronoun."""
    kind = PRONOUNS.get(word, "he")
    prev = before.previous
    if kind in ("latter", "former"):
        found = _latter_or_former(art, start, kind)
    elif kind in ("he", "she", "official"):
        found = _person_before(art, state, word, start, before)
    elif kind == "other" and (partner := _partner_before(art, start)) is not None:
        return partner
    elif kind in ("they", "org", "other"):
        near = prev is not None and start - prev.end < PREVIOUS_STATEMENT_REACH
        found = prev.speaker if near else before.last_subject
    else:
        found = None
    end = start + len(word)
    return found.named_by(art.text_at(start, end), start, end) if found is not None else None


def _latter_or_former(art: Article, start: int, kind: str) -> Speaker | None:
    """后者 / 前者: the last / second-to-last distinct speaker mentioned in the 300 characters before."""
    people: list[Speaker] = []
    for m in reversed(art.mentions.within(max(0, start - 300), start)):
        if art.doc.in_quote.contains(m.start):
            continue
        if not people or people[-1].name != m.speaker.name:
            people.append(m.speaker)
    idx = 0 if kind == "latter" else 1
    return people[idx] if len(people) > idx else None


def _person_before(art: Article, state: AttributionState, word: str, start: int, before: Antecedents) -> Speaker | None:
    """他 / 她 / 该官员: a person named before in the paragraph (not an object, not inside content),
    else the previous statement's or the paragraph's last speaker, else any person named before."""
    doc = art.doc
    prev, last_subject = before.previous, before.last_subject
    for m in reversed(art.mentions.within(max(doc.paragraph_starts[doc.para_of(start)], start - LOOK_BACK), start)):
        sp = m.speaker
        if sp.kind == "person" and not doc.in_quote.contains(m.start) and not is_object(art, m.start) \
                and not after_cue_in_sentence(art, state, m.start) and gender_ok(art, word, sp):
            return sp
    if prev is not None and prev.speaker.kind == "person" and start - prev.end < PREVIOUS_STATEMENT_REACH and \
            gender_ok(art, word, prev.speaker):
        return prev.speaker
    if last_subject is not None and last_subject.kind == "person" and gender_ok(art, word, last_subject):
        return last_subject
    for m in reversed(art.mentions.within(max(0, start - 400), start)):
        if m.speaker.kind == "person" and not doc.in_quote.contains(m.start):
            return m.speaker
    return None


def _partner_before(art: Article, start: int) -> Speaker | None:
    """对方 after 与X(的)对话 in the same sentence is X, the one talked with (not the last speaker, who is
    the one that reported the talk): 某某贴文分享与医护朋友的对话,对方称「…」."""
    sentence_start, _ = art.doc.sentence_bounds(start)
    lo = max(sentence_start, start - _PARTNER_BACK)
    found = None
    for m in _PARTNER.finditer(art.doc.folded, lo, start):
        found = m
    if found is None:
        return None
    name = art.text_at(found.start(1), found.end(1))
    return Speaker(name, None, art.text_at(start, start + 2), start, start + 2, "person")
