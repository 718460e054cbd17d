"""Word lists and regex fragments for the temporal tagger.

Pure data: no Django, no I/O. Fragments are written for ``re.IGNORECASE`` patterns; names of
months and weekdays are wrapped in ``(?-i:...)`` because a lower-case "may", "march" or "sun"
is almost never a date in news text.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO numbering, Monday = 1
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tues": 2,
    "tue": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thurs": 4,
    "thu": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}

# Full names, and the abbreviations only with their full stop (to avoid "Mar" the name, "Sun"
# the newspaper, "Sat" the verb).
MONTH_RE = (
    # a whole word: "Maycomb" and "Marchese" are no months
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
    r"|DECEMBER)(?![A-Za-z])|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+\d)"
    # (the shorter names only before a day of a month: "Apr 12, 2013", "Jul 07, 2012" in a
    # web page's date line; not "Jun 35" or a name's "Jun 2.5")
    r"|(?:Mar|Apr|Jun|Jul|Sep)(?=\s+(?:0?[1-9]|[12]\d|3[01])\b(?![.,]\d)))"
)
WEEKDAY_RE = (
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
    r"|Mon\.|Tues?\.|Wed\.|Thurs?\.|Fri\.|Sat\.|Sun\.)"
)

ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}

_ONES = "|".join(ONES)
_TEENS = "|".join(TEENS)
_TENS = "|".join(TENS)
# A spelled-out cardinal up to 99, e.g. "three", "twenty-four", "twenty four".
CARDINAL_WORD_RE = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES})"
ORDINAL_WORD_RE = (
    r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
)

# How many: digits, words, and the vague quantities TimeML writes as X.
VAGUE_RE = (
    r"(?:a\s+few|few|several|a\s+couple\s+of|a\s+couple|couple\s+of|some|many|a\s+number\s+of"
    r"|a\s+dozen|dozens\s+of|a\s+hundred|hundreds\s+of|thousands\s+of)"
)
NUMBER_RE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|{CARDINAL_WORD_RE}"
    rf"(?:\s+(?:hundred|thousand))?(?:[\s-]+and[\s-]+a[\s-]+half)?|{VAGUE_RE}|an?)"
)

# Units of time, singular stem -> (TimeML letter, multiplier, is-time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries)"
)

SEASONS = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

# A zone's abbreviation after a clock time: the US and European ones, and those of the region
# this product's news comes from ("1400 AST" in Baghdad or Riyadh, "EET" in Damascus and
# Beirut, "IRST" in Tehran, "MSK" in Moscow, "TRT" in Ankara)
ZONE_RE = (
    r"(?-i:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|AST|ADT|IRST|IRDT|MSK|TRT|GST|IST|IDT|PKT"
    r"|AFT|EAT|WAT|SAST|JST|KST|HKT|SGT|AEST|AEDT)"
)
# a US zone by its word, after a clock time: "2 p.m. Eastern" (not "Eastern Airlines")
US_ZONE_WORD_RE = r"(?-i:Eastern|Central|Mountain|Pacific)\b(?!\s+(?-i:[A-Z]))"
# an offset from GMT: "UTC+3", "GMT +8", "GMT-05:00" (at most 14 hours: "10.00 GMT-18.00 GMT"
# is a range)
OFFSET_RE = r"(?:GMT|UTC)\s?[+\-−]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?\b(?![.,]\d)"
