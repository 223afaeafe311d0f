"""Extraction core: explicit and relative dates in news text, resolved against a reference day."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS_EN = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}

_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

# Every date form, in the order they are tried, by the kind of character it starts with (a digit, a
# Chinese day word, a Latin letter); the named group says which one matched.
_TOD_NEXT = "在于到赴出受表说指强称接召与和对向率再也又还则更亲将就发回透呼提批宣举主直参公针视首正坦开召举"
_DIGIT_FORMS = (
    r"(?P<ymd>(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号])",
    r"(?P<md>(?<!\d)(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号])",
    r"(?P<d>(?<![\d月])(?P<d3>\d{1,2})\s*[日号](?![本元币圆]))",
    r"(?P<iso>(?<!\d)(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})(?!\d))",
    r"(?P<en2>(?i:\b(?P<d6>\d{1,2})\s+" + _MON.replace("(jan", "(?P<mon6>jan", 1) + r"(?:\s+(?P<y6>\d{4}))?\b))",
)
_CHINESE_FORMS = (
    r"(?P<par>[今昨本前]\s*[(\uff08]\s*(?P<d7>\d{1,2})\s*[)\uff09]\s*[日号])",
    r"(?P<wk>(?:上|本|这|下)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末]))",
    r"(?P<rel>今天|今日|昨天|昨日|前天|昨晚|今晨|昨晨)",
    r"(?P<lastm>上个?月\s*(?P<d9>\d{1,2})\s*[日号])",  # 上月31日: a day of the previous month
    # 早上/上午/下午/晚间 with no day before it: today (总统早上在总统府接见…)
    r"(?P<tod>(?<![日号天晚)\d一二三四五六末])(?:早上|上午|下午|晚间)(?=[" + _TOD_NEXT + "]))",
    # 昨(5/31), 今(6/1): month/day in parentheses after 今/昨
    r"(?P<slash>[今昨前]\s*[(\uff08]\s*(?P<m8>\d{1,2})\s*/\s*(?P<d8>\d{1,2})\s*[)\uff09])",
    # a bare 今 / 昨 before what the subject does (陈某今受访时表示, 某某昨在议会指出): today, yesterday
    r"(?P<bare>(?<![至如迄而现古当于从自即])[今昨](?=[在于到赴出受表说指强称接召与和对向率再也又还则更亲将就上下早午晚"
    r"发回透呼提批宣举主直参公针视首正坦开]))",
)
_LATIN_FORMS = (
    r"(?P<en>(?i:\b" + _MON + r"\s+(?P<d5>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y5>\d{4}))?\b))",
    r"(?P<wken>(?i:\b(?:on\s+|last\s+)?(?P<wde>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))",
    r"(?P<rel>(?i:\byesterday\b|\btoday\b))",
)
_DIGIT_FORM = re.compile("|".join(_DIGIT_FORMS))  # at a digit (\d: str.isdecimal)
_CHINESE_FIRST = frozenset("今昨前本上这下周星礼早晚")
_CHINESE_FORM = re.compile("|".join(_CHINESE_FORMS))  # at one of _CHINESE_FIRST
_LATIN_FORM = re.compile("|".join(_LATIN_FORMS))  # at a Latin letter (A-Z, a-z)
# Where a date may start: a digit, a Chinese day word, the first letter of a Latin word that may open
# a Latin form (a month, a weekday, on, last, yesterday, today: no other word is tried).
_LATIN_FIRST = "adfjlmnostwy"
_DATE_START = re.compile(r"[\d今昨前本上这下周星礼早晚]|(?<![A-Za-z])[" + _LATIN_FIRST + _LATIN_FIRST.upper() + "]")
_MON_ONLY = re.compile(_MON, re.I)


def _month_of(s: str) -> int:
    m = _MON_ONLY.match(s.strip().lower())
    return _MONTHS.get(m.group(1)[:3], 0) if m else 0


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day_only(ref: dt.date, d: int) -> dt.date | None:
    """The 12th: this month if not after the reference day, else the previous month."""
    if d < 1 or d > 31:
        return None
    if d <= ref.day:
        return _safe(ref.year, ref.month, d)
    y, m = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
    return _safe(y, m, d)


def _month_day(ref: dt.date, m: int, d: int) -> dt.date | None:
    x = _safe(ref.year, m, d)
    if x and x > ref + dt.timedelta(days=2):
        x = _safe(ref.year - 1, m, d)
    return x


def _weekday(ref: dt.date, wd: int) -> dt.date:
    """The most recent such weekday on or before the reference day."""
    return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)


def resolve(m: re.Match, ref: dt.date | None) -> dt.date | None:
    """The calendar date a DATE_RE match names (relative forms need ``ref``)."""
    g = m.groupdict()
    if g.get("ymd"):
        return _safe(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g.get("iso"):
        return _safe(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    if ref is None:  # only an English date with its year needs no reference day
        return _safe(int(g["y5"]), _month_of(g["en"]), int(g["d5"])) if g.get("en") and g["y5"] else None
    for form, resolver in _RELATIVE_FORMS:
        if g.get(form):
            return resolver(g, ref, m)
    return None


def _english_month_day(g: dict, ref: dt.date, m: re.Match) -> dt.date | None:
    mon = _month_of(g["en"])
    if not mon:
        return None
    return _safe(int(g["y5"]), mon, int(g["d5"])) if g["y5"] else _month_day(ref, mon, int(g["d5"]))


def _english_day_month(g: dict, ref: dt.date, m: re.Match) -> dt.date | None:
    mon = _month_of(g["mon6"] or "")
    if not mon:
        return None
    return _safe(int(g["y6"]), mon, int(g["d6"])) if g["y6"] else _month_day(ref, mon, int(g["d6"]))


def _chinese_weekday(g: dict, ref: dt.date, m: re.Match) -> dt.date | None:
    prefix = g["wk"][0] if g["wk"][0] in "上本这下" else ""
    if prefix == "下":
        return None
    wd = _WEEKDAYS_ZH[g["wd"]]
    if prefix == "上":
        monday = ref - dt.timedelta(days=ref.weekday())
        return monday - dt.timedelta(days=7) + dt.timedelta(days=wd)
    return _weekday(ref, wd)


def _english_weekday(g: dict, ref: dt.date, m: re.Match) -> dt.date:
    x = _weekday(ref, _WEEKDAYS_EN[g["wde"].lower()])
    if m.group(0).lower().startswith("last"):
        x -= dt.timedelta(days=7) if x == ref else dt.timedelta(0)
    return x


def _bare_day(g: dict, ref: dt.date, m: re.Match) -> dt.date:
    return ref if g["bare"] == "今" else ref - dt.timedelta(days=1)


def _relative_day(g: dict, ref: dt.date, m: re.Match) -> dt.date:
    r = g["rel"].lower()
    if r in ("今天", "今日", "today", "今晨"):
        return ref
    if r in ("前天",):
        return ref - dt.timedelta(days=2)
    return ref - dt.timedelta(days=1)


# The forms that need a reference day, in the order they are tried.
_RELATIVE_FORMS = (
    ("md", lambda g, ref, m: _month_day(ref, int(g["m2"]), int(g["d2"]))),
    ("d", lambda g, ref, m: _day_only(ref, int(g["d3"]))),
    ("par", lambda g, ref, m: _day_only(ref, int(g["d7"]))),  # 今(5)日, 昨(14)日: the day of the month
    ("en", _english_month_day),
    ("en2", _english_day_month),
    ("wk", _chinese_weekday),
    ("wken", _english_weekday),
    ("rel", _relative_day),
    ("slash", lambda g, ref, m: _month_day(ref, int(g["m8"]), int(g["d8"]))),
    ("lastm", lambda g, ref, m: _safe(*((ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)),
                                      int(g["d9"]))),
    ("tod", lambda g, ref, m: ref),
    ("bare", _bare_day),
)


def find_dates(text: str, ref: dt.date | None, start: int = 0, end: int | None = None):
    """(start, end, date) for every resolvable date in text[start:end] (leftmost first, not overlapping)."""
    end = len(text) if end is None else end
    out = []
    pos = start
    while True:
        c = _DATE_START.search(text, pos, end)
        if c is None:
            break
        p = c.start()
        m = _form_at(text, p, end)
        if m is None:
            pos = p + 1
            continue
        d = resolve(m, ref)
        if d is not None:
            out.append((m.start(), m.end(), d))
        pos = m.end()
    return out


def _form_at(text: str, p: int, end: int) -> re.Match | None:
    """The date form at p, by the kind of character there (str tests: one regex call per candidate)."""
    ch = text[p]
    if ch.isdecimal():
        return _DIGIT_FORM.match(text, p, end)
    if ch in _CHINESE_FIRST:
        return _CHINESE_FORM.match(text, p, end)
    if ch.isascii() and ch.isalpha():
        return _LATIN_FORM.match(text, p, end)
    return None


_DATELINE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})")


def dateline(text: str) -> dt.date | None:
    """A full date near the top of the article (the dateline), used when no published date."""
    m = _DATELINE.search(text, 0, min(len(text), 400))
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return _safe(int(y), int(mo), int(d))
