"""Extraction core: a depth-counting quote scanner (no regex, linear time, bounded depth).

Handles 「」『』“”‘’«»"" with nesting, multi-paragraph quotes, back-to-back quotes and
unclosed quotes (which end at the end of their paragraph, or of the region given as a
hard limit, e.g. an embedded social post).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_CLOSE = {"「": "」", "『": "』", "“": "”", "‘": "’", "«": "»", "《": None}
CLOSERS = {"」": "「", "』": "『", "”": "“", "’": "‘", "»": "«"}
STRAIGHT = '"'
MAX_DEPTH = 32  # openers deeper than this are treated as plain text
MAX_SEARCH = 4  # a mismatched closer looks this far down the stack for its opener
MAX_SPAN = 6000  # a quote longer than this (characters) is taken as unclosed
MAX_PARAS = 12  # ... or one that spans more paragraphs than this
DOUBLED_APOSTROPHE = "''"  # ''…'': two apostrophes as a double quote (archived US wire and newspaper copy)
_MARK = re.compile(DOUBLED_APOSTROPHE + "|[\n" + re.escape("".join(OPEN_CLOSE) + "".join(CLOSERS) + STRAIGHT) + "]")


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    start: int  # content start (open + 1)
    end: int  # content end (offset of the closing mark, or where an unclosed quote stops)
    closed: bool
    mark: str  # the opening mark
    nested: bool = False  # inside another quote


def _para_end(text: str, pos: int, limit: int) -> int:
    e = text.find("\n", pos, limit)
    return limit if e < 0 else e


class _Marks:
    """The depth-counting scan: a stack of open marks (mark, offset, paragraph) and the raw quotes
    found, (open, close or -1, closed, mark)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[tuple[str, int, int]] = []
        self.raw: list[tuple[int, int, bool, str]] = []
        self.para = 0
        self.reopen = -1  # offset of a paragraph-initial mark that continues the open quote
        self.blank_until = -1  # the first non-blank offset after the last run of blank characters scanned

    def newline(self, i: int) -> None:
        self.para += 1
        while self.stack and self.stack[-1][0] == STRAIGHT:  # a straight double quote never spans a paragraph
            m, o, _ = self.stack.pop()
            self.raw.append((o, i, False, m))
        if not self.stack:
            return
        # multi-paragraph convention: each paragraph of a long quote reopens with the same mark and
        # only the last one closes; the reopening mark does not nest.
        text = self.text
        j = self.blank_until
        if i >= j:  # scan a run of blanks once, not again from every newline inside it (linear time)
            j = i + 1
            while j < len(text) and text[j] in " \t\u3000\n":
                j += 1
            self.blank_until = j
        if j < len(text) and text[j] == self.stack[-1][0] and text[j] != STRAIGHT:
            self.reopen = j

    def opener(self, ch: str, i: int) -> None:
        if ch != "《" and i != self.reopen and len(self.stack) < MAX_DEPTH:
            self.stack.append((ch, i, self.para))

    def straight(self, i: int) -> None:
        top = self.stack[-1][0] if self.stack else ""
        if top == STRAIGHT or (top == "“" and self._closing_position(i)):  # “…" (mixed marks) closes too
            m, o, _ = self.stack.pop()
            self.raw.append((o, i, True, m))
        elif len(self.stack) < MAX_DEPTH:
            self.stack.append((STRAIGHT, i, self.para))

    def _closing_position(self, i: int) -> bool:
        """A mark right after a word or punctuation and not before a letter: where a quote closes."""
        text = self.text
        return i > 0 and not text[i - 1].isspace() and (i + 1 >= len(text) or not text[i + 1].isalnum())

    def closer(self, opener: str, i: int) -> None:
        """A closing mark: the matching opener near the top of the stack (else a stray closer or an
        apostrophe ’); whatever is above it was never closed."""
        stack = self.stack
        k = len(stack) - 1
        lo = max(-1, len(stack) - 1 - MAX_SEARCH)
        while k > lo and stack[k][0] != opener:
            k -= 1
        if k <= lo:
            if opener == "“" and stack and stack[-1][0] == STRAIGHT:  # "…” (mixed marks, as web copy has)
                m, o, _ = stack.pop()
                self.raw.append((o, i, True, m))
            return
        m, o, p = stack[k]
        for m2, o2, _ in stack[k + 1:]:
            self.raw.append((o2, -1, False, m2))
        del stack[k:]
        if i - o > MAX_SPAN or self.para - p > MAX_PARAS:
            self.raw.append((o, -1, False, m))
        else:
            self.raw.append((o, i, True, m))

    def finish(self) -> list[tuple[int, int, bool, str]]:
        for m, o, _ in self.stack:
            self.raw.append((o, -1, False, m))
        return self.raw


def _scan_marks(text: str) -> list[tuple[int, int, bool, str]]:
    marks = _Marks(text)
    for m in _MARK.finditer(text):  # every other character leaves the scan as it is
        i, ch = m.start(), m.group()
        if ch == "\n":
            marks.newline(i)
        elif ch in OPEN_CLOSE:
            marks.opener(ch, i)
        elif ch == STRAIGHT:
            marks.straight(i)
        elif ch == DOUBLED_APOSTROPHE:
            marks.straight(i)  # the content starts after both apostrophes (scan_quotes)
        elif ch in CLOSERS:
            if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                continue  # it’s, won’t, O’Malley: an apostrophe between letters closes nothing
            marks.closer(CLOSERS[ch], i)
    return marks.finish()


def _unclosed_end(text: str, o: int, c: int, limits: list[tuple[int, int]] | None) -> int:
    """Where an unclosed quote stops: its paragraph's end, or the end of the region (an embedded post)
    it opened in; never after the mark that ended it (c, or -1)."""
    n = len(text)
    end = _para_end(text, o + 1, n)
    for a, b in limits or ():
        if a <= o < b:
            end = min(b, n)
            break
    return min(end, c) if c >= 0 else end


def scan_quotes(text: str, limits: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quotes in ``text`` in order of their opening mark.

    ``limits`` are (start, end) regions (embedded posts) that an unclosed quote opened inside
    them does not leave: it ends at the region's end instead of its paragraph's end.
    """
    quotes = []
    for o, c, closed, m in _scan_marks(text):
        if not closed and m == "‘":
            continue  # an unclosed single quote is an apostrophe or a typo
        end = c if closed else _unclosed_end(text, o, c, limits)
        start = o + 2 if text.startswith(DOUBLED_APOSTROPHE, o) else o + 1
        if end > start:
            quotes.append((o, end, closed, m, start))
    quotes.sort()
    # nesting from the final spans: a quote inside another one is nested (linear, stack of ends)
    out: list[Quote] = []
    ends: list[int] = []
    for o, end, closed, m, start in quotes:
        while ends and ends[-1] <= o:
            ends.pop()
        nested = bool(ends) and end <= ends[-1]
        out.append(Quote(o, start, end, closed, m, nested))
        ends.append(end)  # a nested quote ends inside the one around it
    return out
