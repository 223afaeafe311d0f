"""Extraction core: a depth-counting quote scanner (no regex, linear time, bounded depth).

Handles 「」『』“”‘’«»"" with nesting, multi-paragraph quotes, back-to-back quotes and
unclosed quotes (which end at the end of their paragraph, or of the region given as a
hard limit, e.g. an embedded social post).
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CLOSE = {"「": "」", "『": "』", "“": "”", "‘": "’", "«": "»", "《": None}
CLOSERS = {"」": "「", "』": "『", "”": "“", "’": "‘", "»": "«"}
STRAIGHT = '"'
MAX_DEPTH = 32  # openers deeper than this are treated as plain text
MAX_SEARCH = 4  # a mismatched closer looks this far down the stack for its opener
MAX_SPAN = 6000  # a quote longer than this (characters) is taken as unclosed
MAX_PARAS = 12  # ... or one that spans more paragraphs than this


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


def scan_quotes(text: str, limits: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quotes in ``text`` in order of their opening mark.

    ``limits`` are (start, end) regions (embedded posts) that an unclosed quote opened inside
    them does not leave: it ends at the region's end instead of its paragraph's end.
    """
    n = len(text)
    stack: list[tuple[str, int, int]] = []  # (mark, offset, paragraph index)
    raw: list[tuple[int, int, bool, str]] = []
    para = 0
    reopen = -1  # offset of a paragraph-initial mark that continues the open quote
    for i, ch in enumerate(text):
        if ch == "\n":
            para += 1
            # a straight double quote never spans a paragraph
            while stack and stack[-1][0] == STRAIGHT:
                m, o, _ = stack.pop()
                raw.append((o, i, False, m))
            # multi-paragraph convention: each paragraph of a long quote reopens with the same
            # mark and only the last one closes; the reopening mark does not nest.
            if stack:
                j = i + 1
                while j < n and text[j] in " \t\u3000\n":
                    j += 1
                if j < n and text[j] == stack[-1][0] and text[j] != STRAIGHT:
                    reopen = j
            continue
        if ch in OPEN_CLOSE:
            if ch == "《" or i == reopen:
                continue
            if len(stack) < MAX_DEPTH:
                stack.append((ch, i, para))
            continue
        if ch == STRAIGHT:
            if stack and stack[-1][0] == STRAIGHT:
                m, o, _ = stack.pop()
                raw.append((o, i, True, m))
            elif len(stack) < MAX_DEPTH:
                stack.append((ch, i, para))
            continue
        opener = CLOSERS.get(ch)
        if opener is None:
            continue
        # find the matching opener near the top of the stack
        k = len(stack) - 1
        lo = max(-1, len(stack) - 1 - MAX_SEARCH)
        while k > lo and stack[k][0] != opener:
            k -= 1
        if k <= lo:
            continue  # stray closer (or an apostrophe ’)
        m, o, p = stack[k]
        # everything above k was never closed
        for m2, o2, _ in stack[k + 1:]:
            raw.append((o2, -1, False, m2))
        del stack[k:]
        if i - o > MAX_SPAN or para - p > MAX_PARAS:
            raw.append((o, -1, False, m))
            continue
        raw.append((o, i, True, m))
    for m, o, _ in stack:
        raw.append((o, -1, False, m))

    quotes = []
    for o, c, closed, m in raw:
        if closed:
            end = c
        else:
            if m == "‘":  # an unclosed single quote is an apostrophe or a typo
                continue
            end = _para_end(text, o + 1, n)
            if limits:
                for a, b in limits:
                    if a <= o < b:
                        end = min(b, n)
                        break
            if c >= 0:
                end = min(end, c)
        if end > o + 1:
            quotes.append((o, end, closed, m))
    quotes.sort()
    # nesting from the final spans: a quote inside another one is nested (linear, stack of ends)
    out: list[Quote] = []
    ends: list[int] = []
    for o, end, closed, m in quotes:
        while ends and ends[-1] <= o:
            ends.pop()
        nested = bool(ends) and end <= ends[-1]
        out.append(Quote(o, o + 1, end, closed, m, nested))
        if not nested:
            ends.append(end)
        elif end <= ends[-1]:
            ends.append(end)
    return out
