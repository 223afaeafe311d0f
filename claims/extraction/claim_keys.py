"""Extraction core: claim keys shared by statements that say the same thing.

Canonical form: Simplified script, case-folded, punctuation and spaces removed (Quotebank's
approach). Statements join one group (union-find) when their canonical forms are equal, one
contains or prefixes the other, or their character bigrams overlap strongly; the same speaker's
statements also when one says again what the other does in other words, clause by clause
(claim_clauses.py: a quote and its reported form, a label said again, the lead summing up the body);
a translation (the same speaker, direct, other language, near by) joins the original. The key is a short
hash of the group's longest canonical form, so it is stable across articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from .claim_clauses import SaidAgain
from .lies import LIE_CUE
from .normalize import alnum_words, fold, letters_and_digits, to_simplified, to_simplified_each
from .subjects_zh_context import is_card

if TYPE_CHECKING:
    from .document import Document

MIN_CONTAIN = 8  # characters a contained canonical form needs to count
DICE = 0.5  # bigram Dice coefficient for near paraphrases
OVERLAP = 0.6  # bigram overlap coefficient (shorter side) for a paraphrase inside a longer claim
SAME_SPEAKER_OVERLAP = 0.45  # ... lower when the same speaker says it again
SAME_SPEAKER_RUN = 8  # ... or a run of this many characters recurs
RUN_OVERLAP = 0.25  # ... with this share of the shorter one's bigrams
MANY_SHARED = 10  # shared bigrams that make half-overlap enough between any two speakers
SAME_SPEAKER_SHORT = 4  # a short statement the same speaker says whole inside a longer one
FIGURE_RUN = 6  # ... or a run of this many characters with a quantity in it recurs
_QUANTITY = re.compile(r"\d(?:个|人|万|亿|元|剂|名|件|案|项|成|倍|次|所|家|座|架|艘|%)")
_LIE_RETOLD = 2  # a statement this many times longer than a claim called a lie only reports it
WINDOW = 40  # pairwise comparisons only among nearby distinct statements: bounded, linear work


def canonical(text: str) -> str:
    """Simplified, case-folded, without punctuation, symbols or whitespace."""
    return _canonical_of_simplified(_simplified(text))


def _simplified(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text))


def _canonical_of_simplified(simple: str) -> str:
    return letters_and_digits(simple.casefold())


def claim_key_of(text: str) -> str:
    """The claim key of one wording (script-folded canonical form, hashed); the desk and the
    extractor share it so that a claim worded by a reviewer matches the same words extracted later."""
    return _key_of_canonical(canonical(text))


def _key_of_canonical(form: str) -> str:
    return "c" + hashlib.blake2b(form.encode("utf-8"), digest_size=6).hexdigest()


def _bigrams(s: str) -> set[str]:
    return {s[i: i + 2] for i in range(len(s) - 1)}


def _word_grams(text: str) -> set[str]:
    """Word bigrams of Latin-script text (letter bigrams of English overlap whatever it says)."""
    words = [w for w in canonical_words(text) if w]
    return {words[i] + " " + words[i + 1] for i in range(len(words) - 1)}


def canonical_words(text: str) -> list[str]:
    return alnum_words(unicodedata.normalize("NFKC", text).casefold())


_CJK = re.compile("[\u3400-\u9fff]")


def _is_cjk(s: str) -> bool:
    return _CJK.search(s) is not None


def _similar(a: str, b: str, ga: set[str], gb: set[str], cjk: bool) -> bool:
    """Two canonical forms (Chinese when cjk) that say the same thing: equal, one containing (or
    prefixing) the other, or sharing enough bigrams."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_CONTAIN and (short in long_ or long_.startswith(short[: max(MIN_CONTAIN, len(short) - 2)])):
        return True
    return bool(ga) and bool(gb) and _bigrams_overlap(ga, gb, cjk)


def _bigrams_overlap(ga: set[str], gb: set[str], cjk: bool) -> bool:
    inter = len(ga & gb)
    if not cjk and inter < 5:
        return False  # a few English word pairs in common say nothing ("I'm interested in a ...")
    if 2 * inter / (len(ga) + len(gb)) >= DICE:
        return True
    small = min(len(ga), len(gb))
    if cjk and inter >= MANY_SHARED and inter / small >= 0.5:
        return True  # a long paraphrase: many shared bigrams, half of the shorter one's
    return small >= 6 and inter / small >= OVERLAP


def _restated(ga: set[str], gb: set[str], a: str = "", b: str = "") -> bool:
    """The same speaker saying it again in other words: most of the shorter one's bigrams recur,
    or a run of five characters (a name, a figure) recurs with a good part of them."""
    small = min(len(ga), len(gb))
    inter = len(ga & gb)
    if small >= 8 and inter >= 7 and inter / small >= SAME_SPEAKER_OVERLAP:
        return True
    if inter >= 6 and small and inter / small >= 0.4 and a and b:
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        return any(short[i:i + 5] in long_ for i in range(0, max(0, len(short) - 4)))
    if inter >= 6 and small and inter / small >= RUN_OVERLAP and a and b:
        return _shares_run(a, b, SAME_SPEAKER_RUN)  # a clause said again word for word inside a longer one
    return False


def _repeated(a: str, b: str) -> bool:
    """The same speaker's words again: a short statement (「重复确诊」) said whole inside a longer one,
    or a run of characters holding a quantity (通过96个议案; not a name such as 21世纪倡议) recurring,
    as when the lead sentence is repeated in the body."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= SAME_SPEAKER_SHORT and short in long_:
        return True
    n = FIGURE_RUN
    if _QUANTITY.search(short) is None:
        return False  # no run of it holds a quantity (most pairs: the runs are not built)
    runs = {long_[i:i + n] for i in range(len(long_) - n + 1)}
    return any(short[i:i + n] in runs and _QUANTITY.search(short[i:i + n])
               and sum(_is_cjk(ch) for ch in short[i:i + n]) >= 2 for i in range(len(short) - n + 1))


def _shares_run(a: str, b: str, n: int) -> bool:
    """a and b share n consecutive characters, at least n - 2 of them Chinese (not a phone number or a name
    in Latin letters)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    runs = {long_[i:i + n] for i in range(len(long_) - n + 1)}
    return any(short[i:i + n] in runs and sum(_is_cjk(ch) for ch in short[i:i + n]) >= n - 2
               for i in range(len(short) - n + 1))


TRANSLATION_RATIO = 0.2  # shortest Chinese rendering of an English text, per English character
_ANCHOR_RE = re.compile(r"\d+(?:[.,]\d+)?%?|[A-Za-z][A-Za-z0-9\-]{2,}")


def _anchors(text: str) -> set[str]:
    """Numbers and Latin-script names in a statement: what a translation keeps unchanged."""
    out = set()
    for m in _ANCHOR_RE.finditer(unicodedata.normalize("NFKC", text)):
        w = m.group(0).replace(",", "").casefold()
        if w[:1].isdigit() and (len(w) >= 2 or "%" in w):
            out.add(w)
        elif w[:1].isalpha() and m.group(0)[:1].isupper():
            out.add(w)
    return out


def _translation(x: Said, y: Said, px: int, py: int) -> bool:
    """A statement and its rendering in another language: the same speaker, near by (the post
    and its translation), or sharing figures and names wherever they are."""
    if x.speaker != y.speaker:
        return False
    dist = abs(px - py)
    en, zh = (x, y) if not _is_cjk(x.text) else (y, x)
    if "direct" in (x.kind, y.kind) and (dist <= 3 and set(x.via) & set(y.via) or dist <= 1) \
            and _translation_length(en.text, zh.text):
        return True
    shared = _anchors(en.text) & _anchors(zh.text)
    digits = [w for w in shared if w[:1].isdigit()]
    return len(shared) >= 2 or (len(digits) >= 1 and dist <= 4)


def _translation_length(en: str, zh: str) -> bool:
    """A Chinese rendering of English runs to roughly a fifth to a whole of its characters: the
    paragraph before a post also holds the reporter's short gist of it (指北京把稀土當作「勒索工具」
    beside the full rendering), which is no translation of the whole post."""
    return len(en) * TRANSLATION_RATIO <= len(zh) <= len(en)


class Said(NamedTuple):
    """What the claim keys read of a statement (the output stage makes each Statement once, with its key)."""

    text: str
    speaker: str
    kind: str
    via: tuple[str, ...]
    start: int  # where it is in the article, and its cue: a claim called a lie is kept apart (_reported_lie)
    end: int
    cue: str
    mention: str  # a card's claim (该图卡声称) is told of by others, like a claim called a lie


def claim_keys_of(stmts: list[Said], paras: list[int], doc: Document | None = None) -> list[str]:
    """The key of each statement's group (paras: each statement's paragraph, for translations; doc: the article
    the statements' offsets point into, whose Simplified text is read for them where it can be)."""
    if not stmts:
        return []
    simple = _simplified_all(stmts, doc)  # for the canonical forms and the clause tests
    canon = [_canonical_of_simplified(x) for x in simple]
    cjk = [_is_cjk(c) for c in canon]
    find = _group(stmts, paras, canon, cjk, SaidAgain(simple, paras))
    groups: dict[int, list[int]] = {}
    for i in range(len(stmts)):
        groups.setdefault(find(i), []).append(i)
    key_of = {}
    for root, members in groups.items():
        rep = max(members, key=lambda k: (len(canon[k]), canon[k]))
        key_of[root] = _key_of_canonical(canon[rep]) if canon[rep] else "c" + hashlib.blake2b(
            stmts[rep].text.encode("utf-8", "replace"), digest_size=6).hexdigest()
    return [key_of[find(i)] for i in range(len(stmts))]


# Characters no multi-character entry of OpenCC's t2s dictionaries holds (TSPhrases keys are all CJK ideographs):
# below U+2E80, CJK punctuation, full-width forms.
_NO_PHRASE = re.compile("[\x00-\u2e7f\u3000-\u303f\uff00-\uffef]")


def _simplified_all(stmts: list[Said], doc: Document | None) -> list[str]:
    """Each statement's text, NFKC and Simplified. A statement that is the article's text at its offsets, where
    the width-folded text (no space made a newline) is NFKC already, reads the article's Simplified text there (the article was converted
    whole already). Width folding maps a character to what NFKC maps it to, so that slice is the statement's NFKC
    text (NFKC itself costs ~25 us on a statement with full-width punctuation); t2s converts one character for
    one, and a phrase it converts as one can cross neither end of the statement when a character on either side
    of that end is no ideograph, so the slice converts as the whole does. The others are converted, in one call."""
    out: list[str | None] = [_simplified_slice(doc, s) if doc is not None else None for s in stmts]
    rest = [k for k, x in enumerate(out) if x is None]
    conv = to_simplified_each([unicodedata.normalize("NFKC", stmts[k].text) for k in rest])
    for k, x in zip(rest, conv, strict=True):
        out[k] = x
    return out  # type: ignore[return-value]


def _simplified_slice(doc: Document, s: Said) -> str | None:
    if s.text.isascii():
        return s.text  # NFKC and t2s leave ASCII as it is
    width = doc.width_text
    if not width or not _ends_apart(width, s.start) or not _ends_apart(width, s.end):
        return None
    w = width[s.start:s.end]  # the layout's: spaces that break paragraphs are newlines there
    if doc.text[s.start:s.end] != s.text or w.count("\n") != s.text.count("\n") or not unicodedata.is_normalized("NFKC", w):
        return None
    return doc.folded[s.start:s.end]


def _ends_apart(text: str, pos: int) -> bool:
    """No phrase of t2s holds both text[pos - 1] and text[pos] (or pos is an end of the text)."""
    return pos <= 0 or pos >= len(text) or bool(_NO_PHRASE.match(text, pos - 1) or _NO_PHRASE.match(text, pos))


def _cannot_match(a: str, b: str, ga: set[str], gb: set[str], cjk: bool) -> bool:
    """A cheap test that two distinct forms of one script fail every test of _group: between Chinese
    forms whose bigram sets are complete (up to 4000 characters) each test needs a shared bigram (a
    contained run of 4 or more characters has one); between other forms only a containment (or
    prefix, both holding the shorter one's first MIN_CONTAIN characters) or 5 shared word bigrams match.
    The clause tests of claim_clauses (SaidAgain) are asked only of Chinese pairs sharing a bigram."""
    if cjk:
        return len(a) <= 4000 and len(b) <= 4000 and ga.isdisjoint(gb)
    if len(ga & gb) >= 5:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) < MIN_CONTAIN or short[:MIN_CONTAIN] not in long_


def _group(stmts: list[Said], paras: list[int], canon: list[str], cjk: list[bool], again: SaidAgain):
    """Union-find over the statements: equal canonical forms first (linear), then pairs of distinct
    forms within a window (bounded, linear work). Returns the find function. The groups do not
    depend on the order pairs are tried in, so pairs _cannot_match rules out are skipped."""
    parent = list(range(len(stmts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    first: dict[str, int] = {}
    for i, c in enumerate(canon):
        if c in first:
            union(first[c], i)
        else:
            first[c] = i
    uniq = sorted(first.values())  # one representative per canonical form
    grams = {i: ((_bigrams(canon[i]) if cjk[i] else _word_grams(stmts[i].text)) if len(canon[i]) <= 4000 else set())
             for i in uniq}  # bigram sets of the representatives only (a group's forms are equal)
    for a in range(len(uniq)):
        i = uniq[a]
        ci, gi, zi = canon[i], grams[i], cjk[i]
        for b in range(a + 1, min(len(uniq), a + WINDOW)):
            j = uniq[b]
            if zi != cjk[j]:
                same = find(i) != find(j) and _translation(stmts[i], stmts[j], paras[i], paras[j])
            elif _cannot_match(ci, canon[j], gi, grams[j], zi) or find(i) == find(j):
                continue
            else:
                cj, gj = canon[j], grams[j]
                same = _similar(ci, cj, gi, gj, zi) or (
                    stmts[i].speaker == stmts[j].speaker and zi
                    and (_restated(gi, gj, ci, cj) or _repeated(ci, cj) or again(i, j, len(gi & gj), min(len(gi), len(gj)))))
            if same and not _reported_lie(stmts[i], stmts[j], ci, canon[j]):
                union(i, j)
    return find


def _reported_lie(x: Said, y: Said, cx: str, cy: str) -> bool:
    """A claim called a lie (lies.py) and words that report it: the statement around it, or a longer
    one elsewhere that tells of it (X揭露，Y散布图卡，称P…) say something else about it, not the same
    thing; only its retellings of about its length join it. So for a card's claim."""
    if (x.start <= y.start and y.end <= x.end) or (y.start <= x.start and x.end <= y.end):
        return True
    return (_told_claim(x) and len(cy) > _LIE_RETOLD * len(cx)) or (_told_claim(y) and len(cx) > _LIE_RETOLD * len(cy))


def _told_claim(s: Said) -> bool:
    """A claim called a lie, or a card's claim (该图卡声称…): others tell of it rather than say it again."""
    return s.cue == LIE_CUE or is_card(fold(s.mention))
