"""Turn a TIMEX3 value into the earliest/latest dates an event can have (UCDP style)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.extraction.types import DateRange, Timex

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d?)(?:-(WE|[1-7]))?(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _thirds(first: date, last: date) -> tuple[tuple[date, date], ...]:
    """A period cut into early / middle / late parts along the calendar: a year into January
    to April, May to August and September to December; a month into the 1st–10th, 11th–20th
    and 21st–end; a decade into its first four, middle three and last three years."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    whole_months = first.day == 1 and last == _month_end(last.year, last.month)
    if whole_months and months % 12 == 0 and months >= 36:  # decades, centuries
        years = months // 12
        a, b = first.year + (years + 2) // 3, first.year + (years + 2) // 3 + years // 3
        return (
            (first, date(a - 1, 12, 31)),
            (date(a, 1, 1), date(b - 1, 12, 31)),
            (date(b, 1, 1), last),
        )
    if whole_months and months % 3 == 0:  # years, halves, quarters, seasons
        k = months // 3
        starts = [first + relativedelta(months=j * k) for j in range(3)]
        return tuple(
            (start, start + relativedelta(months=k) - timedelta(days=1)) for start in starts
        )
    if whole_months and months == 1:
        return (
            (first, first.replace(day=10)),
            (first.replace(day=11), first.replace(day=20)),
            (first.replace(day=21), last),
        )
    days = (last - first).days + 1  # weeks and anything else: by days
    a, b = (days + 2) // 3, (days + 2) // 3 + days // 3
    return (
        (first, first + timedelta(days=a - 1)),
        (first + timedelta(days=a), first + timedelta(days=b - 1)),
        (first + timedelta(days=b), last),
    )


def _part(rng: DateRange, mod: str) -> DateRange:
    """The early / middle / late part of a period ("early 2015": January to April; "late
    October": the 21st to the 31st). Precision keeps the period's label: the source still
    names the period, and the range only says which part of it."""
    index = {"START": 0, "MID": 1, "END": 2}.get(mod)
    if index is None or rng.precision == "day":
        return rng
    first, last = _thirds(rng.earliest, rng.latest)[index]
    return DateRange(first, last, rng.precision, rng.words)


def to_date_range(timex: Timex) -> DateRange | None:
    """The range of days a DATE/TIME value covers (see ``_period``), narrowed to its early,
    middle or late third when TimeML's ``mod`` says START, MID or END ("early 2015")."""
    rng = _period(timex)
    if rng is None:
        return None
    try:
        return _part(rng, timex.mod)
    except (ValueError, OverflowError):
        return rng  # "late 9999": its parts are counted past the calendar's end


def _period(timex: Timex) -> DateRange | None:
    """The range of days a DATE/TIME value covers, with its precision; None when it has none.

    "2015-09-01" (and "2015-09-01T10:00") -> that day, precision "day"; "2015-W36" -> Monday to
    Sunday, "week"; "2015-W36-WE" -> Saturday and Sunday, "week"; "2015-09" -> the month;
    "2015" -> the year; a day with ``mod="APPROX"`` ("about", "around", "almost to the day")
    -> the week around it, precision "week"; quarters, halves and seasons -> their months,
    precision "year" (no finer label is honest); decades and centuries -> precision "unknown".
    SET timexes, DURATIONs without an anchored day, PRESENT_REF/PAST_REF/FUTURE_REF and values
    with X's give None.
    """
    if timex.type == "DURATION" and timex.anchored:
        v = timex.anchored  # "three days later": the day the duration points to
    elif timex.type not in ("DATE", "TIME"):
        return None
    else:
        v = timex.value.strip()
    if "X" in v or not v or not v[0].isdigit():
        return None
    w = timex.text
    try:
        if m := _DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            if timex.mod == "APPROX" and "T" not in v:
                # "two years ago, almost to the day": a week around the day, not the day
                # ("around 3 p.m." hedges the hour, not the day)
                return DateRange(d - timedelta(days=3), d + timedelta(days=3), "week", w)
            if timex.spread:
                # a Hijri day no weekday pins down (or a time of day on it): the day before
                # or after it as well
                spread = timedelta(days=timex.spread)
                return DateRange(d - spread, d + spread, "day", w)
            return DateRange(d, d, "day", w)
        if m := _WEEK.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3] == "WE":
                return DateRange(monday + timedelta(days=5), monday + timedelta(days=6), "week", w)
            if m[3]:
                d = monday + timedelta(days=int(m[3]) - 1)
                return DateRange(d, d, "day", w)
            return DateRange(monday, monday + timedelta(days=6), "week", w)
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return DateRange(date(y, mo, 1), _month_end(y, mo), "month", w)
        if m := _YEAR.match(v):
            y = int(m[1])
            return DateRange(date(y, 1, 1), date(y, 12, 31), "year", w)
        if m := _QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            return DateRange(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "year", w)
        if m := _HALF.match(v):
            y, h = int(m[1]), int(m[2])
            return DateRange(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "year", w)
        if m := _SEASON.match(v):
            y, s = int(m[1]), m[2]
            if s == "WI":  # meteorological winter: December to February
                return DateRange(date(y, 12, 1), _month_end(y + 1, 2), "year", w)
            first = {"SP": 3, "SU": 6, "FA": 9}[s]
            return DateRange(date(y, first, 1), _month_end(y, first + 2), "year", w)
        if m := _DECADE.match(v):
            y = int(m[1]) * 10
            return DateRange(date(y, 1, 1), date(y + 9, 12, 31), "unknown", w)
        if m := _CENTURY.match(v):
            y = int(m[1]) * 100
            return DateRange(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "unknown", w)
    except (ValueError, OverflowError):
        return None  # no such day, or days past the calendar's ends ("9999-W52-WE")
    return None


# "in recent weeks", "over the past two months", "the last few days": a length of time that
# ends at the time of writing.
_LOOKING_BACK = re.compile(r"\b(?:recent|past|last|previous)\b", re.IGNORECASE)
_LENGTH = re.compile(r"^P(\d+|X)([DWMY])$")
# How far back a vague "recent days/weeks/months/years" reaches, in days.
_VAGUE_REACH = {"D": 7, "W": 28, "M": 183, "Y": 730}


def recent_window(timex: Timex, dct: date | None) -> DateRange | None:
    """The days a looking-back DURATION covers, from its start to the DCT, or None.

    "in recent weeks" (PXW) said on 19 June 2017 -> 22 May to 19 June, precision "month";
    "the past two days" (P2D) -> the two days before and the day itself, "week". The label is
    the smallest calendar unit the window fits in; a window over a year is "unknown".
    """
    if timex.type != "DURATION" or dct is None or not _LOOKING_BACK.search(timex.text):
        return None
    m = _LENGTH.match(timex.value.strip())
    if m is None:
        return None
    amount, unit = m.groups()
    try:
        if amount == "X":
            start = dct - timedelta(days=_VAGUE_REACH[unit])
        else:
            n = int(amount)
            step = {"D": relativedelta(days=n), "W": relativedelta(weeks=n)}.get(unit)
            step = step or (relativedelta(months=n) if unit == "M" else relativedelta(years=n))
            start = dct - step
    except (ValueError, OverflowError):
        return None  # "the past 3,000 years": a window reaching back past year 1
    days = (dct - start).days
    precision = (
        "week" if days <= 7 else "month" if days <= 31 else "year" if days <= 366 else "unknown"
    )
    return DateRange(start, dct, precision, timex.text)
