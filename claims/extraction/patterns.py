"""Extraction core: compiled patterns that several stages share, built once from the lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import names, zh

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words where the longest word wins, shaped as a trie: the words
    that can match at one position lie on one path, tried longest first as in a longest-first list, but
    the engine tries a few dozen first characters at each position instead of every word."""
    trie: dict = {}
    for w in sorted(set(words)):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def first_chars(words: Iterable[str]) -> str:
    """A lookahead on the first characters of the words: put before an alternation that opens with \\b (or
    anything else the engine cannot scan for), the engine tests one character class at each position
    and tries the words only where one may begin. Same matches."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


# A Chinese title word (交通部长, 发言人): what stands before a name.
TITLE = re.compile(alternation(names.TITLE_WORDS))
# A Chinese pronoun or anaphor (他, 后者, 该官员).
PRONOUN = re.compile(alternation(zh.PRONOUNS))
# A run of chain adverbs (并, 也, 还, 不断 ...): a clause that continues the previous speaker.
CHAIN = re.compile("(?:" + alternation(zh.CHAIN_ADVERBS) + ")+")
CHAIN_THEN_ONLY = re.compile(r"(?:" + alternation(zh.CHAIN_ADVERBS) + r")*只")
# Characters of a name after a title (Chinese, a middle dot, Latin letters, spaces).
NAME_CHARS = re.compile(r"[\u3400-\u9fff・·•‧.A-Za-z\- ]+")
# A surname and a short title for a person named before (卓院长, 赖总统, 卓揆).
SURNAME_TITLE = re.compile(r"([\u4e00-\u9fff])(?:" + "|".join(names.SURNAME_TITLES) + ")")
# Nouns that refer back to something said (说法, 观点 ...), as an alternation.
CLAIM_NOUN_ALT = alternation(zh.CLAIM_NOUNS)
