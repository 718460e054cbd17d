"""Number words and TimeML value notation: days, weeks, years, quarters and durations."""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.temporal.lexicon import (
    MONTHS,
    ONES,
    ORDINALS,
    TEENS,
    TENS,
    UNITS,
    WEEKDAYS,
)


def _number(s: str) -> float | None:
    """Parse a cardinal ("3", "1,000", "twenty-four", "a", "2 1/2") or None when vague."""
    s = re.sub(r"[\s-]+and[\s-]+a[\s-]+half$", " and a half", " ".join(s.lower().split()))
    half = 0.0
    if s.endswith("and a half"):
        half, s = 0.5, s[: -len("and a half")].strip()
    if s.endswith("1/2") and s != "1/2":
        half, s = 0.5, s[:-3].strip()
    if s.endswith("½"):
        half, s = 0.5, s[:-1].strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", "")) + half
    if s in ("a", "an", "one", "another"):
        return 1.0 + half
    if s in ("a couple of", "a couple", "couple of"):
        return 2.0
    if s in ("a dozen",):
        return 12.0
    if s in ("a hundred",):
        return 100.0
    mult = 1
    if s.endswith(" hundred"):
        mult, s = 100, s[: -len(" hundred")]
    elif s.endswith(" thousand"):
        mult, s = 1000, s[: -len(" thousand")]
    parts = re.split(r"[\s-]+", s)
    total = 0
    for p in parts:
        if p in ONES:
            total += ONES[p]
        elif p in TEENS:
            total += TEENS[p]
        elif p in TENS:
            total += TENS[p]
        else:
            return None
    return float(total * mult) + half


def _ordinal(s: str) -> int | None:
    s = s.strip().lower()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", s)
    if m:
        return int(m.group(1))
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(s)


def _spoken_year(s: str) -> int | None:
    s = re.sub(r"\s+", " ", s.lower().replace("-", " "))
    s = s.replace(" hundred", "").replace(" and", "")
    if s.startswith("nineteen "):
        n = _number(s[len("nineteen ") :])
        return 1900 + int(n) if n is not None and n < 100 else None
    if s.startswith("twenty "):
        n = _number(s[len("twenty ") :])
        return 2000 + int(n) if n is not None and 10 <= n < 100 else None
    if s.startswith("two thousand"):
        rest = s[len("two thousand") :].strip()
        if not rest:
            return 2000
        n = _number(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


def _month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _weekday_of(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def _fmt_day(d: date) -> str:
    return d.isoformat()


def _fmt_year(y: int) -> str:
    """A year as TimeML writes it: four digits ("0618"); before AD 1 as TIMEX2 does, by
    its number before Christ ("BC0987": 1 BC is the year before AD 1)."""
    return f"{y:04d}" if y >= 1 else f"BC{1 - y:04d}"


def _fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _unit_letter(unit: str) -> tuple[str, int, bool]:
    u = unit.lower()
    if u == "centuries":
        u = "century"
    u = u[:-1] if u.endswith("s") and u[:-1] in UNITS else u
    return UNITS[u]


def _fmt_duration(n: float | None, unit: str) -> str:
    """P2Y, PT5H, P2Y6M, PXY: a TimeML duration for n units (n None = unknown amount)."""
    letter, mult, is_time = _unit_letter(unit)
    t = "T" if is_time else ""
    if n is None:
        if mult == 10:
            return "PXE"
        if mult == 100:
            return "PXC"
        return f"P{t}X{letter}"
    if letter == "Q":
        # "two consecutive quarters": P6M (ISO 8601 has no quarter unit; the blind writers
        # 11 to 3, TBAQ 2 to 2)
        n, letter = n * 3, "M"
    if mult > 1:
        n, mult = n * mult, 1  # "half a century": P50Y, "a decade and a half": P15Y
    whole = int(n)
    frac = n - whole
    if frac and letter == "W":
        return f"P{n:g}W"  # "a week and a half": P1.5W
    if frac and letter in ("Y", "H", "M", "D"):
        # 2 1/2 years -> P2Y6M ; 5 1/2 hours -> PT5H30M ; 1 1/2 days -> P1D12H
        sub = {"Y": (12, "M", ""), "H": (60, "M", ""), "D": (24, "H", "T")}.get(letter)
        if letter == "M" and is_time:
            sub = (60, "S", "")
        if letter == "M" and not is_time:
            sub = (30, "D", "")
        if sub is not None:
            k, sl, st = sub
            head = f"{whole * mult}{letter}" if whole else ""  # half an hour: PT30M, not PT0H30M
            return f"P{t}{head}{st}{int(round(frac * k))}{sl}"
    return f"P{t}{whole * mult}{letter}"


_DAY_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
# a day's part: "2013-07-21TMO" ("Sunday morning"), the day its group
PART_OF_A_DAY = re.compile(r"(\d{4}-\d\d-\d\d)T(?:MO|MI|AF|EV|NI|DT)")


def _day_value(value: str) -> date | None:
    """The day a value names ("2014-06-10", "2014-06-10TNI"), or None (none, or no such day)."""
    m = _DAY_RE.match(value)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
