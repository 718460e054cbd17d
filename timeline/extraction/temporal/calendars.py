"""Days written in the region's other calendars: the Islamic (Hijri) lunar calendar and
Iran's solar (Persian, Solar Hijri) calendar, turned into Gregorian days.

Wires from the region date by them ("1 Muharram 1438", "on the 10th of Muharram"), and Iran's
media name anniversaries by the solar calendar ("22 Bahman", the revolution's; "13 Aban",
the embassy's seizure). The arithmetic is the libraries': hijridate for the Umm al-Qura
calendar (Saudi Arabia's, computed in advance), jdatetime for the solar one.

A Hijri month begins when its new moon is sighted, so its days can fall a day apart from
country to country. Where the feast tables (feasts.py, the observed days of Iraq, Iran and
their neighbours) hold a day of the month, the month starts from it, so "the 10th of Muharram"
is the day the tagger gives "Ashura"; other months follow Umm al-Qura.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

import jdatetime
from hijridate import Hijri

from timeline.extraction.temporal.feasts import FEAST_DAYS

# The months by the spellings English-language wires give them, each word capitalised but
# the article ("Rabi' al-Awwal", "Dhu al-Hijjah"; a headline in capitals gives "Al"). "Safar",
# "Rajab", "Mehr" and "Azar" are also names, and are read as months only beside a day.
# _THE is what stands between a Hijri month's two words: "Rabi' al-Awwal", "Rabi ul Thani",
# "Jumada al-Akhirah", "Jumada Thani".
_THE = r"['’]?[\s-]*(?:[AaUuEe]l|[Aa][st]h?|[Uu][st]h?)?[\s-]*"
_HIJRI_MONTHS = (
    (1, r"Muharram|Moharram|Muharrem"),
    (2, r"Safar|Saffar"),
    (3, rf"Rabi{_THE}(?:Awwal|Awal|Avval|Aval|Ula|Oula)|Rabi['’]?[\s-]*I(?!I)"),
    (4, rf"Rabi{_THE}(?:Thani|Thaani|Sani|Akhir|Akhar|Akher)|Rabi['’]?[\s-]*II"),
    (5, rf"Jumad[ao]{_THE}(?:Awwal|Awal|Ula|Oula|Ola|Avval)|Jumad[ao][\s-]*I(?!I)"),
    (6, rf"Jumad[ao]{_THE}(?:Thani|Thaani|Sani|Akhirah?|Akhira|Ukhra)|Jumad[ao][\s-]*II"),
    (7, r"Rajab"),
    (8, r"Sha['’]?aban|Sha['’]?ban"),
    (9, r"Ramadan|Ramadhan|Ramazan|Ramzan"),
    (10, r"Shawwal|Shawal|Shavval"),
    (
        11,
        r"(?:Dhu|Dhul|Zu|Zul|Thul)['’]?[\s-]*(?:[AaEe]l|l)?[\s-]*"
        r"Q[ai]['’]?(?:adah|ada|idah|ida|dah|da|deh|de)",
    ),
    (12, r"(?:Dhu|Dhul|Zu|Zul|Thul)['’]?[\s-]*(?:[AaEe]l|l)?[\s-]*Hij+(?:ah|a|eh|e)"),
)

_PERSIAN_MONTHS = (
    (1, r"Farvardin"),
    (2, r"Ordibehesht"),
    (3, r"Khordad"),
    (4, r"Tir"),
    (5, r"Mordad|Amordad"),
    (6, r"Shahrivar|Sharivar"),
    (7, r"Mehr"),
    (8, r"Aban|Abaan"),
    (9, r"Azar"),
    (10, r"Dey|Dei"),
    (11, r"Bahman"),
    (12, r"Esfand|Espand|Isfand"),
)


def _alternation(months: tuple[tuple[int, str], ...]) -> str:
    return "(?:" + "|".join(f"(?:{names})" for _, names in months) + ")"


HIJRI_MONTH_RE = _alternation(_HIJRI_MONTHS)
PERSIAN_MONTH_RE = _alternation(_PERSIAN_MONTHS)
# (a date line in capitals names its month so too)
_HIJRI_MONTH_NUMBER = [(n, re.compile(rf"(?:{names})$", re.I)) for n, names in _HIJRI_MONTHS]
_PERSIAN_MONTH_NUMBER = [(n, re.compile(rf"(?:{names})$", re.I)) for n, names in _PERSIAN_MONTHS]

# A year after a day of these calendars: 1000-1499 (AH 1000 is AD 1591, SH 1000 AD 1621).
# A Hijri one outside Umm al-Qura's tables (1343-1500) reads as no day at all rather than
# as the day without its year.
CALENDAR_YEAR_RE = r"1[0-4]\d\d"


# What every spelling above begins with: a text with none of them names no month of these
# calendars, and the tagger skips their pattern (it costs a twentieth of its time otherwise)
_MONTH_NAME_STARTS = (
    *("Muh", "Moh", "Saf", "Rabi", "Jumad", "Rajab", "Sha", "Ram", "Dhu", "Zu", "Thul"),
    *("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Amordad", "Mehr", "Aba"),
    *("Azar", "Dey", "Dei", "Bahman", "Esfand", "Espand", "Isfand"),
)


def may_name_a_month(text: str) -> bool:
    """False when ``text`` surely names no Hijri or solar month (a cheap test first)."""
    return any(start in text for start in _MONTH_NAME_STARTS)


def hijri_month_number(name: str) -> int:
    return next(n for n, rx in _HIJRI_MONTH_NUMBER if rx.match(name))


def persian_month_number(name: str) -> int:
    return next(n for n, rx in _PERSIAN_MONTH_NUMBER if rx.match(name))


# A Hijri month whose start the feast tables tell: (feast, its day of the month)
_OBSERVED = {
    1: ("ashura", 10),
    2: ("arbaeen", 20),
    3: ("prophet's birthday", 12),
    9: ("first day of ramadan", 1),
    10: ("eid al-fitr", 1),
    12: ("eid al-adha", 10),
}


@functools.cache
def _observed_days(feast: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in FEAST_DAYS[feast])


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date, or None if there is no such day (a 30th of a
    29-day month, a year outside 1343-1500)."""
    found = _hijri_month(year, month)
    if found is None or not 1 <= day <= found[1]:
        return None
    return found[0] + timedelta(days=day - 1)


@functools.cache
def _hijri_month(year: int, month: int) -> tuple[date, int] | None:
    """The month's first day, as observed where a feast table tells it, else Umm al-Qura's;
    and its length, Umm al-Qura's (tables of different countries can put the start of one
    month and of the next 28 or 31 days apart)."""
    try:
        hijri = Hijri(year, month, 1)
        g = hijri.to_gregorian()
    except (ValueError, OverflowError):
        return None
    length = hijri.month_length()
    computed = date(g.year, g.month, g.day)  # (a plain date, not the library's subclass)
    if month in _OBSERVED:
        feast, nth = _OBSERVED[month]
        expected = computed + timedelta(days=nth - 1)
        observed = [d for d in _observed_days(feast) if abs((d - expected).days) <= 2]
        if observed:
            return observed[0] - timedelta(days=nth - 1), length
    return computed, length


def persian_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a solar Hijri date, or None if there is no such day."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None


@functools.cache
def hijri_days(month: int, day: int) -> tuple[date, ...]:
    """Every Gregorian day that is this day of this Hijri month, 1950-2050, in order."""
    found = (hijri_to_gregorian(y, month, day) for y in range(1369, 1473))
    return tuple(d for d in found if d is not None and 1950 <= d.year <= 2050)


@functools.cache
def persian_days(month: int, day: int) -> tuple[date, ...]:
    """Every Gregorian day that is this day of this solar month, 1950-2050, in order."""
    found = (persian_to_gregorian(y, month, day) for y in range(1328, 1430))
    return tuple(d for d in found if d is not None and 1950 <= d.year <= 2050)
