"""Named days: the date of a holiday or feast in a year (fixed days, nth weekdays, movable
feasts from feasts.py, US primaries)."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from timeline.extraction.temporal.calendars import hijri_days, persian_days
from timeline.extraction.temporal.feasts import FEAST_DAYS


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th ISO weekday ``wd`` of a month (n = -1: the last one)."""
    if n > 0:
        d = date(y, month, 1)
        d += timedelta(days=(wd - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    d = date(y, month, 28) + timedelta(days=4)
    d = d - timedelta(days=d.day)  # last day of month
    return d - timedelta(days=(d.isoweekday() - wd) % 7)


def _holiday_date(name: str, y: int) -> date | None:
    from dateutil.easter import easter

    n = re.sub(r"\s+", " ", name.lower()).replace("new years", "new year's")
    if n.startswith("christmas eve"):
        return date(y, 12, 24)
    if n.startswith("christmas"):
        return date(y, 12, 25)
    if n == "new year's eve":
        return date(y, 12, 31)
    if n.startswith("new year's"):
        return date(y, 1, 1)
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 4, 4)
    if n == "black friday":
        return _nth_weekday(y, 11, 4, 4) + timedelta(days=1)
    if n == "small business saturday":
        return _nth_weekday(y, 11, 4, 4) + timedelta(days=2)
    if n == "cyber monday":
        return _nth_weekday(y, 11, 4, 4) + timedelta(days=4)
    if n.startswith("easter"):
        e = easter(y)
        return e + timedelta(days=1) if n.endswith("monday") else e
    if n == "good friday":
        return easter(y) - timedelta(days=2)
    if n == "father's day":
        return _nth_weekday(y, 6, 7, 3)  # the third Sunday of June (US, UK)
    if n == "mother's day":
        return _nth_weekday(y, 5, 7, 2)  # the second Sunday of May (US)
    if n == "mardi gras":
        return easter(y) - timedelta(days=47)
    if n == "ash wednesday":
        return easter(y) - timedelta(days=46)
    if n == "election day":
        return _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    if n in ("independence day", "fourth of july"):
        return date(y, 7, 4)
    if n == "memorial day":
        return _nth_weekday(y, 5, 1, -1)
    if n == "labor day":
        return _nth_weekday(y, 9, 1, 1)
    if n == "veterans day":
        return date(y, 11, 11)
    if n == "halloween":
        return date(y, 10, 31)
    if n == "valentine's day":
        return date(y, 2, 14)
    if n == "boxing day":
        return date(y, 12, 26)
    fixed = _FIXED_DAY_HOLIDAYS.get(n.replace(".", ""))
    if fixed is not None:
        return date(y, *fixed)
    if n in ("palm sunday", "maundy thursday", "shrove tuesday", "pancake day", "pentecost"):
        shift = {"palm sunday": -7, "maundy thursday": -3, "pentecost": 49}.get(n, -47)
        return easter(y) + timedelta(days=shift)
    if n.startswith("whit "):
        return easter(y) + timedelta(days=49 if n.endswith("sunday") else 50)
    if n == "remembrance sunday":
        return _nth_weekday(y, 11, 7, 2)
    if n.startswith("martin luther king"):
        return _nth_weekday(y, 1, 1, 3)
    if n.startswith("presidents"):
        return _nth_weekday(y, 2, 1, 3)
    if n == "columbus day":
        return _nth_weekday(y, 10, 1, 2)
    days = _feast_days(n)
    if days:
        return next((d for d in days if d.year == y), None)
    return None


_FIXED_DAY_HOLIDAYS = {
    "hogmanay": (12, 31),
    "st patrick's day": (3, 17),
    "bastille day": (7, 14),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
    "canada day": (7, 1),
    "australia day": (1, 26),
    "guy fawkes night": (11, 5),
    "bonfire night": (11, 5),
    "april fools' day": (4, 1),
    "april fools day": (4, 1),
    "groundhog day": (2, 2),
    "pearl harbor day": (12, 7),
    "pearl harbor remembrance day": (12, 7),
    "juneteenth": (6, 19),
    "flag day": (6, 14),
    "earth day": (4, 22),
    "world aids day": (12, 1),
    # Kurdish Newroz and the Iranian New Year, kept on March 21 (the equinox can make
    # Iran's a day earlier)
    "nowruz": (3, 21),
    "newroz": (3, 21),
    "norooz": (3, 21),
    "nowrouz": (3, 21),
    "navruz": (3, 21),
    "nauroz": (3, 21),
}

_FEAST_KEYS = (
    (re.compile(r"eid\W+(?:al|ul|el)\W*fitr"), "eid al-fitr"),
    (re.compile(r"eid\W+(?:al|ul|el)\W*adha"), "eid al-adha"),
    (re.compile(r"ashura"), "ashura"),
    (re.compile(r"(?:islamic|muslim|hijri) new year"), "islamic new year"),
    (re.compile(r"spring festival|(?:chinese|lunar) new year"), "spring festival"),
    (re.compile(r"rosh hashanah?"), "rosh hashanah"),
    (re.compile(r"yom kippur"), "yom kippur"),
    (re.compile(r"passover"), "passover"),
    (re.compile(r"ramadan"), "first day of ramadan"),
    (re.compile(r"prophet.*birthday|mawlid|mouloud|milad"), "prophet's birthday"),
    (re.compile(r"arba\W?e?e?i?n"), "arbaeen"),
    (re.compile(r"mid-autumn|moon festival|chuseok"), "mid-autumn festival"),
    (re.compile(r"dragon boat"), "dragon boat festival"),
    (re.compile(r"qingming|tomb.sweeping"), "qingming festival"),
    (re.compile(r"diwali|deepavali"), "diwali"),
    (re.compile(r"vesak"), "vesak"),
)


# The days of the United States' largest presidential primary, set by the states' laws of
# each election year rather than by a calendar rule
_SUPER_TUESDAYS = (
    "1988-03-08",
    "1992-03-10",
    "1996-03-12",
    "2000-03-07",
    "2004-03-02",
    "2008-02-05",
    "2012-03-06",
    "2016-03-01",
    "2020-03-03",
    "2024-03-05",
)


@functools.cache
def _feast_days(name: str) -> tuple[date, ...]:
    """The first days of a lunar, lunisolar or Hebrew feast, or of a day set year by year
    (Super Tuesday), in order (empty for others)."""
    if name == "super tuesday":
        return tuple(date.fromisoformat(d) for d in _SUPER_TUESDAYS)
    if "quds" in name:
        # (International) Quds Day, Iran's, marched in Tehran and Baghdad: the last Friday of
        # Ramadan, the Friday before Eid al-Fitr
        eids = (date.fromisoformat(d) for d in FEAST_DAYS["eid al-fitr"])
        return tuple(e - timedelta(days=(e.weekday() - 4) % 7 or 7) for e in eids)
    if "ghad" in name:
        # Eid al-Ghadir, Shia Islam's: the 18th of Dhu al-Hijjah
        return hijri_days(12, 18)
    if name.startswith("sizd"):
        # Sizdah Bedar, the 13th of Farvardin
        return persian_days(1, 13)
    if "yalda" in name:
        # Yalda night, the last of Azar
        return persian_days(9, 30)
    if name.startswith("tasu"):
        # Tasua, the eve of Ashura
        return tuple(date.fromisoformat(d) - timedelta(days=1) for d in FEAST_DAYS["ashura"])
    if "ramadan" in name and re.search(r"\b(?:last|final)\s+day\b|\bend\b", name):
        # Ramadan's last day: the eve of Eid al-Fitr, as the tables observe it
        eids = FEAST_DAYS["eid al-fitr"]
        return tuple(date.fromisoformat(d) - timedelta(days=1) for d in eids)
    for rx, key in _FEAST_KEYS:
        if rx.search(name):
            return tuple(date.fromisoformat(d) for d in FEAST_DAYS[key])
    return ()
