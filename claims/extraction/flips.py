"""Extraction core: does a later statement negate an earlier one, and where do stances reverse (flip alerts).

Precision first: a pair is a flip only when the two wordings say the same thing once the negation
words are taken out, and one of them carries an odd number of negations more than the other
("我們會調漲電價" / "我們不會調漲電價"; "We will raise taxes" / "We will not raise taxes"). Different
wording, a different figure or a double negation is not a flip: the editor sees few candidates and
most of them are real. Plain functions over strings and tuples; no Django.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from .claim_keys import canonical, canonical_words

# How alike the two wordings must be once their negations are removed (difflib ratio, 0..1):
# high, so that "不會漲價" vs "會漲價" qualifies and "不會漲價" vs "會降價" does not.
SAME_REMAINDER = 0.9
# Shortest remainder worth comparing: below it, almost any two short sentences look alike.
MIN_REMAINDER_CHARS = 4  # Chinese characters
MIN_REMAINDER_WORDS = 3  # English words

# Chinese negation words, longest first (matched on the Simplified, punctuation-free form).
# 否认 (deny) is not here: "他否认会加税" reports a denial, it is not the speaker's own "不会加税".
_ZH_NEGATIONS = ("从来没有", "从没有", "并没有", "从未", "并非", "并不", "绝不", "决不", "没有", "不", "没", "未", "别")
# Words that contain a negation character but do not negate (不过 = but, 不断 = constantly, 不少 =
# many, 不仅/不但 = not only, 不管/不论 = whatever, 不久 = soon, 不同 = different, 未来 = future,
# 差不多 = almost, 不得不 = must, 了不起 = remarkable, 没想到 = unexpectedly, 别人 = others, 特别
# = especially, 分别/区别/告别/类别/级别/性别 = separately/difference/farewell/kind/level/sex,
# 未必 = not necessarily (a hedge, not a reversal)). Masked before counting.
_ZH_NOT_NEGATING = (
    "不得不", "差不多", "了不起", "不过", "不断", "不少", "不仅", "不但", "不管", "不论", "不久", "不同", "不如",
    "不错", "未来", "未必", "没想到", "别人", "特别", "分别", "区别", "告别", "类别", "级别", "性别", "别的",
)
# Adverbs of time and emphasis that a denial drops or adds without changing what is denied
# ("我們已經收到" / "我們並沒有收到"; "I really support" / "I do not support"): left out of the comparison.
_ZH_FILLERS = re.compile("已经|曾经|确实|真的|根本|完全|一定|从来|已|曾|也|都|还|就")
_EN_FILLERS = frozenset({"already", "ever", "really", "actually", "certainly", "definitely", "do", "does", "did"})
_ZH_NEG_RE = re.compile("|".join(map(re.escape, _ZH_NEGATIONS)))
_ZH_MASK_RE = re.compile("|".join(map(re.escape, sorted(_ZH_NOT_NEGATING, key=len, reverse=True))))

# English negation words, after "n't" is split off ("won't" -> "wo not", "can't" -> "ca not").
_EN_NEGATIONS = frozenset({"not", "no", "never", "cannot", "nobody", "nothing", "neither", "nor", "none"})
# "not only ... but also" does not negate; "no longer" does (it is kept as a negation).
_EN_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.IGNORECASE)
_EN_NT = re.compile(r"n['’]t\b", re.IGNORECASE)
# Modal forms that "n't" leaves changed: put back so that "won't raise" and "will raise" compare equal.
_EN_FIX = {"wo": "will", "ca": "can", "sha": "shall"}


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


@dataclass(frozen=True)
class NegationForm:
    """A wording with its negations counted and removed (``rest``), and whether it is Chinese."""

    negations: int
    rest: str
    cjk: bool


def negation_form(text: str) -> NegationForm:
    """Count the negation words of ``text`` and return what remains without them (folded form)."""
    if _is_cjk(text):
        form = canonical(text)
        masked = _ZH_MASK_RE.sub(lambda m: "\x00" * len(m.group(0)), form)
        negations = len(_ZH_NEG_RE.findall(masked))
        rest = _ZH_FILLERS.sub("", _restore_masked(form, masked))
        return NegationForm(negations, rest, True)
    text = unicodedata.normalize("NFKC", text)
    text = _EN_NOT_ONLY.sub(" ", text)
    text = _EN_NT.sub(" not", text)
    words = [_EN_FIX.get(w, w) for w in canonical_words(text)]
    negations = sum(1 for w in words if w in _EN_NEGATIONS)
    rest = " ".join(w for w in words if w not in _EN_NEGATIONS and w not in _EN_FILLERS)
    return NegationForm(negations, rest, False)


def _restore_masked(form: str, masked: str) -> str:
    """``form`` without its negation words, keeping the masked look-alikes (不过, 未来 ...) as written."""
    out, i = [], 0
    while i < len(masked):
        match = _ZH_NEG_RE.match(masked, i)
        if match:
            i = match.end()
            continue
        out.append(form[i])
        i += 1
    return "".join(out)


def negates(earlier: str, later: str) -> bool:
    """Whether ``later`` says the opposite of ``earlier``: the same words but for an odd number of
    negations (same language family only; a translation is never compared)."""
    a, b = negation_form(earlier), negation_form(later)
    if a.cjk != b.cjk or (a.negations - b.negations) % 2 == 0:
        return False
    if a.cjk:
        if min(len(a.rest), len(b.rest)) < MIN_REMAINDER_CHARS:
            return False
        ratio = SequenceMatcher(None, a.rest, b.rest, autojunk=False).ratio()
    else:
        wa, wb = a.rest.split(), b.rest.split()
        if min(len(wa), len(wb)) < MIN_REMAINDER_WORDS:
            return False
        ratio = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    return ratio >= SAME_REMAINDER


@dataclass(frozen=True)
class Dated:
    """One item of a speaker on a claim: its id, polarity (stances) or text (statements), and date."""

    id: int
    value: str
    on: dt.date


def stance_reversals(stances: Iterable[Dated]) -> list[tuple[Dated, Dated]]:
    """Consecutive support/oppose stances (by date) whose polarity reverses, on different days.

    Neutral stances are ignored; two stances of the same day are never a flip (the order within a
    day is unknown, and one report often carries both sides of an answer).
    """
    polar = sorted((s for s in stances if s.value in ("support", "oppose")), key=lambda s: (s.on, s.id))
    out = []
    for before, after in zip(polar, polar[1:], strict=False):
        if before.value != after.value and after.on > before.on:
            out.append((before, after))
    return out


def statement_negations(statements: Iterable[Dated]) -> list[tuple[Dated, Dated]]:
    """Pairs (earlier, later) of statements on different days where the later negates the earlier.

    Each later statement is paired with its most recent earlier statement it negates (one candidate
    per reversal, not one per pair of the whole history).
    """
    ordered = sorted(statements, key=lambda s: (s.on, s.id))
    out = []
    for j, later in enumerate(ordered):
        for earlier in reversed(ordered[:j]):
            if earlier.on < later.on and negates(earlier.value, later.value):
                out.append((earlier, later))
                break
    return out
