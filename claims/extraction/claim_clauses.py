"""Extraction core: same-claim tests over clauses, for claim_keys — one speaker's claim told again
in other words (a lead restated in the body, the reported form of a quote, a short label said again).

Each statement is cut into clauses (at , ; 。 ! ? : 、) in a comparison form: Simplified, case-folded,
letters and digits only, the persons of the words dropped (「我不會背棄」 / 他不會背棄) and negation
said another way folded to one form (並非專家 / 不是專家). A clause of the shorter statement recurs
in the longer one when most of its character bigrams are found in one clause of it or two
consecutive ones, negated alike; a conditional (若…, 如果…) only as a whole. Work per pair is bounded
(MAX_SHORT, MAX_LONG, MAX_CLAUSES), each statement's clauses are built once, and only for pairs of one
speaker that share some bigrams and that the cheaper tests of claim_keys did not already join.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .lexicon import zh_claims
from .normalize import letters_and_digits, to_simplified

CLAUSE_SHARE = 0.5  # share of a clause's bigrams found in the other statement for the clause to recur
CLAUSE_MIN_SHARED = 2  # ... and at least this many of them
COVER = 0.5  # share of the shorter statement's clause characters that must recur
MIN_CLAUSE = 3  # characters a clause needs to count (喔, 对: no content)
MAX_SHORT = 400  # a shorter statement beyond this is no restatement of a clause or two (bounds the work)
MAX_LONG = 2000  # ... nor is a clause or two of a longer one beyond this
MAX_CLAUSES = (40, 160)  # ... nor beyond these many clauses (short, long): at most 6,400 clause pairs per pair
LEAD_SHARE = 0.75  # share of a lead clause's bigrams a body statement must hold (one short clause: most of it)
LEAD_MIN_GRAMS = 4  # bigrams a lead clause needs (会全力以赴) to be looked for in the body
PREFILTER_SHARED = 2  # canonical bigrams two statements must share for the clause tests (a recurring clause has 2)
PREFILTER_SHARE = 0.2  # ... and this share of the shorter one's (COVER of it in clauses sharing half of theirs)
LABEL_MAX = 14  # characters of a statement that is only a label put on something (王必勝是「小咖」)
LABEL_SHARE = 0.5  # share of the other statement's clause the label must make up

_CLAUSE_END = re.compile(r"[,，;；。!！?？:：、\n]+")
_A_NOT_A = re.compile(r"([是会有能要可好对])[不没]\1")  # 是不是 -> 是否: a question, not a negation
_FOLD_WORDS = {w: "" for w in zh_claims.CLAIM_PERSON_WORDS}
_FOLD_WORDS.update(zh_claims.CLAIM_NEGATION_FORMS)
_FOLD_WORDS.update({w: w for w in zh_claims.CLAIM_NOT_NEGATIONS})


def _alternation(words) -> re.Pattern[str]:
    """One pattern for a word list, longest first, behind a lookahead on the first characters (the
    engine then tries the alternatives only where one may start: a few positions of a text)."""
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(f"(?=[{firsts}])(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")")


_FOLD = _alternation(_FOLD_WORDS)
_NOT_NEGATION = _alternation(zh_claims.CLAIM_NOT_NEGATIONS)
_NEGATOR = re.compile(f"[{zh_claims.CLAIM_NEGATORS}]")
_QUOTE_END = re.compile(r"[」”』\"]\W*$")
_CONDITION = _alternation(zh_claims.CLAIM_CONDITIONS)
_LABEL = re.compile(r"[「“『\"]([^「」“”『』\"]{2,8})[」”』\"]\W*$")


class Clause(NamedTuple):
    form: str  # comparison form
    grams: frozenset[str]
    negated: bool


class Clauses(NamedTuple):
    """A statement's clauses in comparison form and its label if any."""

    clauses: list[Clause]
    size: int  # characters in clauses that count
    label: str  # the quoted label a short statement ends in (「小咖」), comparison form, or ""
    conditional: bool  # says something under a condition (若…, 如果…)


def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i: i + 2] for i in range(len(s) - 1))


def _negated(folded: str) -> bool:
    if _NEGATOR.search(folded) is None:
        return False  # most clauses: no negating character at all
    return _NEGATOR.search(_NOT_NEGATION.sub("", folded)) is not None


def _folded(text: str, simplified: bool = False) -> str:
    """Simplified, case-folded, A-not-A questions as 是否, persons dropped, negation folded (punctuation kept).
    simplified: the text is already NFKC and Simplified (as claim_keys converts every statement once)."""
    s = text if simplified else to_simplified(unicodedata.normalize("NFKC", text))
    return _FOLD.sub(lambda m: _FOLD_WORDS[m.group(0)], _A_NOT_A.sub(r"\1否", s.casefold()))


def comparison_form(text: str) -> str:
    """Simplified, case-folded, persons dropped, negation folded, letters and digits only."""
    return letters_and_digits(_folded(text))


def clauses_of(text: str, simplified: bool = False) -> Clauses:
    """The clauses of one statement (text as extracted, any script, or NFKC and Simplified already when
    simplified); one conversion of the whole text (no fold word holds a clause end)."""
    folded = _folded(text, simplified)
    out = []
    for part in _CLAUSE_END.split(folded):
        form = letters_and_digits(part)
        if len(form) >= MIN_CLAUSE:
            out.append(Clause(form, _bigrams(form), _negated(part)))
    size = sum(len(c.form) for c in out)
    m = _LABEL.search(folded) if size <= LABEL_MAX else None
    label = letters_and_digits(m.group(1)) if m else ""
    return Clauses(out, size, label, _CONDITION.search(folded) is not None)


def _recurs(c: Clause, other: Clauses, share: float = CLAUSE_SHARE) -> bool:
    """Most of clause c's bigrams are in one clause of other or in two consecutive ones, and the
    clauses they are found in are negated as c is (可能被拉走了 is not 不是被拉走)."""
    hits = [c.grams & w.grams for w in other.clauses]
    need = max(CLAUSE_MIN_SHARED, share * len(c.grams))
    for k, got in enumerate(hits):
        if not got:
            continue
        if len(got) >= need and other.clauses[k].negated == c.negated:
            return True
        after = hits[k + 1] if k + 1 < len(hits) else set()
        if len(got | after) >= need and (other.clauses[k].negated or bool(after) and other.clauses[k + 1].negated) == c.negated:
            return True  # the window of clauses k and k + 1
    return False


def _too_long(short: Clauses, long_: Clauses) -> bool:
    return (short.size > MAX_SHORT or long_.size > MAX_LONG
            or len(short.clauses) > MAX_CLAUSES[0] or len(long_.clauses) > MAX_CLAUSES[1])


def restated(a: Clauses, b: Clauses) -> bool:
    """The shorter statement's clauses (COVER of its characters) recur in the longer one."""
    short, long_ = (a, b) if a.size <= b.size else (b, a)
    if not short.size or _too_long(short, long_):
        return False
    got = sum(len(c.form) for c in short.clauses if _recurs(c, long_))
    return got >= (1.0 if short.conditional else COVER) * short.size  # a condition holds with all it governs


def summarised(lead: Clauses, body: Clauses) -> bool:
    """A clause of the lead's statement (the lead sums up what the body reports) recurs in a body statement;
    not a clause of a conditional (its clauses hold only together)."""
    if lead.conditional or body.conditional or _too_long(lead, body):
        return False
    return any(len(c.grams) >= LEAD_MIN_GRAMS and _recurs(c, body, LEAD_SHARE) for c in lead.clauses)


def labelled_again(a: Clauses, b: Clauses) -> bool:
    """A short statement that puts a quoted label on something (王必勝是「小咖」) and another one whose
    clause says that label (小咖的, …): the label is the claim."""
    for x, y in ((a, b), (b, a)):
        if x.label and any(x.label in c.form and len(x.label) >= LABEL_SHARE * len(c.form) for c in y.clauses):
            return True
    return False


class SaidAgain:
    """One speaker's statement said again (restated, labelled again, summed up by the lead), for the
    statements of one article; each statement's clauses are built the first time a pair needs them."""

    def __init__(self, texts: list[str], paras: list[int]) -> None:
        """texts: the statements' texts, NFKC and Simplified."""
        self.texts, self.paras = texts, paras
        self.lead = min(paras) if paras else 0  # the first paragraph that holds a statement
        self.clauses: dict[int, Clauses] = {}

    def _of(self, k: int) -> Clauses:
        if k not in self.clauses:
            self.clauses[k] = clauses_of(self.texts[k], simplified=True)
        return self.clauses[k]

    def __call__(self, i: int, j: int, shared: int, small: int) -> bool:
        """shared: the bigrams the two canonical forms share, small: the shorter one's bigram count (a
        pair sharing too few is tried only for a label, which needs a short statement with a quote)."""
        if shared < PREFILTER_SHARED or shared < PREFILTER_SHARE * small:
            if not any(len(self.texts[k]) <= LABEL_MAX + 4 and _QUOTE_END.search(self.texts[k]) for k in (i, j)):
                return False
        a, b = self._of(i), self._of(j)
        if restated(a, b) or labelled_again(a, b):
            return True
        in_lead = (self.paras[i] == self.lead, self.paras[j] == self.lead)
        if in_lead[0] != in_lead[1]:  # one in the lead, one in the body
            return summarised(a, b) if in_lead[0] else summarised(b, a)
        return False
