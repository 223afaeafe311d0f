"""Gazetteer scanning: the regexes a rebuild reuses after a new speaker, and find_all's leftmost-longest matches."""

from __future__ import annotations

import re

import pytest

from claims.extraction import Gazetteer, SpeakerEntry
from claims.extraction.normalize import fold, lower_form

_WORD = re.compile(r"[a-z0-9]")

# Each name's first character is a first character no registry alias has: '一' sorts before every other
# Chinese one, 'ł' and 'ø' sort before the Cyrillic and Chinese ones, so fixed chunks in sorted order
# would all move. Every alias of a new speaker begins with that character (a Latin surname alone
# would change the a-z regex too). 'ø' falls in a full group, which is halved: two regexes for the one.
NEW_SPEAKERS = [
    SpeakerEntry("yixin", "一心会", "organisation", ("一心会理事长",)),
    SpeakerEntry("nowak", "Łukasz Nowak", "person"),
    SpeakerEntry("vik", "Øystein Vik", "person", ("Øystein Vik Jr",)),
]

SENTENCES = [
    "美国政府周三表示，普京总统与泽连斯基将在欧盟峰会前会面；中国外交部回应称美国防部的说法不实。",
    "一心会理事长说，欧盟委员会与北约的立场不同，美国国务院则未回应。",
    "The US government and NATO said Putin had met EU officials; the usual critics told us the U.S. Commerce "
    "Department disagreed, and Trump said the Putins of this world never change.",
    "Łukasz Nowak and Øystein Vik, two diplomats, said the European Commission and the nato summit had asked Vik's team for a "
    "statement, while BBC and bbc reporters waited outside the White House.",
]


def _identity_set(patterns: list[re.Pattern]) -> set[int]:
    return {id(p) for p in patterns}


@pytest.mark.parametrize("new", NEW_SPEAKERS, ids=lambda e: e.key)
def test_a_new_first_character_compiles_only_the_regex_it_falls_in(new):
    entries = list(Gazetteer.bundled().entries)
    before = Gazetteer(entries)._patterns()
    first = lower_form(fold(new.name))[0]
    assert all(first not in lower_form(fold(alias))[:1] for e in entries for alias in (e.name, *e.aliases))

    after = Gazetteer([*entries, new])._patterns()

    kept = [p for p in after if id(p) in _identity_set(before)]
    compiled = [p for p in after if id(p) not in _identity_set(before)]
    assert len(kept) == len(before) - 1  # the very objects of the cache: not compiled again
    halved = len(after) - len(before)
    assert halved == (new.key == "vik")
    assert len(compiled) == 1 + halved
    assert any(p.match(lower_form(fold(new.name))) for p in compiled)


def _naive_find_all(gaz: Gazetteer, low: str, folded: str) -> list[tuple[int, int, SpeakerEntry]]:
    """At each position the longest alias that starts there; taken when it is a whole Latin word and,
    for a short capitalised one, written in capitals; otherwise the next position. No regexes."""
    aliases = sorted(gaz._scan, key=len, reverse=True)
    out, i = [], 0
    while i < len(low):
        alias = next((a for a in aliases if low.startswith(a, i)), None)
        if alias is None:
            i += 1
            continue
        j = i + len(alias)
        cut_word = (_WORD.match(alias[-1]) and j < len(low) and _WORD.match(low[j])) or (
            _WORD.match(alias[0]) and i > 0 and _WORD.match(low[i - 1])
        )
        wrong_case = alias in gaz._case and folded[i:j] != gaz._case[alias]
        if cut_word or wrong_case:
            i += 1
            continue
        out.append((i, j, gaz._scan[alias]))
        i = j
    return out


def test_find_all_is_the_naive_leftmost_longest_scan():
    gaz = Gazetteer([*Gazetteer.bundled().entries, *NEW_SPEAKERS])
    keys = set()
    for text in SENTENCES:
        folded = fold(text)
        low = lower_form(folded)
        found = gaz.find_all(low, folded)
        assert found == _naive_find_all(gaz, low, folded)
        keys |= {entry.key for _s, _e, entry in found}
    # the sentences exercise the new speakers, Chinese and Latin names, and overlapping aliases
    assert {"yixin", "nowak", "vik", "putin", "trump", "nato"} <= keys
    assert len(gaz._patterns()) > 2
