"""A house's style in clock times and numeric dates: military clocks as armies and news agencies
write them, and the order of a numeric date's day and month.

"0600 hours" and "2000 hours" look alike: the first is six in the morning (no count is
written with a leading zero), the second may be a length of time ("2000 hours of community
service") or a clock ("at 2000 hours"). And "05/10/2016" is May 10 in a US paper and 5 October
in a Gulf or British one; a document that writes "23/10/2016" somewhere writes its days
first everywhere.
"""

from __future__ import annotations

import functools
import re

from timeline.extraction.temporal.lexicon import MONTH_RE, WEEKDAY_RE, ZONE_RE

# a word that expects a clock time before "NNNN hours": "at 1430 hours", "shortly after 1100
# hours", "by 1800 hours" ...
_CLOCK_EXPECTED_BEFORE = re.compile(
    r"\b(?:at|until|till|by|after|before|from|to|between|and|since|past|as\s+of"
    r"|(?:scheduled|set|planned|slated|due|called)\s+for)\s+"
    r"(?:about\s+|around\s+|approximately\s+|roughly\s+)?$"
    # ("2 p.m. in Washington (1900 hours in London)": the same time in another zone)
    r"|\(\s*$",
    re.IGNORECASE,
)
# ... unless what follows on its line makes it a length: "after 1500 hours of talks", "by
# 2000 hours a year", "cut by 1000 hours per pilot" (after "at" only "of": "at 0700 hours
# each day" is a clock, "at 1300 hours A spokeswoman" a sentence's end)
_LENGTH_AFTER = re.compile(r"[^\S\n]+(?:of|a|an|per|each|every|in\s+(?:the\s+)?air)\b")
_OF_AFTER = re.compile(r"[^\S\n]+of\b")
_AT_BEFORE = re.compile(
    r"\bat\s+(?:about\s+|around\s+|approximately\s+|roughly\s+)?$", re.IGNORECASE
)
# ... or it names when a happening is: "the 2000 hours curfew", "a 1600 hours news conference"
_AN_EVENTS_CLOCK_BEFORE = re.compile(r"\b(?:a|the|its|his|her|their|our)\s+$", re.IGNORECASE)
_AN_EVENT_AFTER = re.compile(
    r"\s+(?:curfew|close|deadline|kick-?off|start|meeting|session|(?:news|press)\s+conference"
    r"|briefing|screening|game|match|vote|flight|departure|launch|broadcast|bulletin|newscast"
    r"|prayers?|service|ceremony)\b",
    re.IGNORECASE,
)
# ... or what follows names a zone or a day: "1430 hrs GMT", "2100 hours (1800 GMT)", "1900
# hours on Monday", "2300 hours Tuesday"
_ZONE_OR_DAY_AFTER = re.compile(
    rf"\s*(?:\(|{ZONE_RE}\b|local\b|(?-i:Eastern|Central|Mountain|Pacific)\b"
    rf"|(?:,\s*|\s+on\s+)?(?:the\s+)?(?:{WEEKDAY_RE})\b"
    rf"|\s+on\s+(?:the\s+)?(?:\d|{MONTH_RE})|\s+(?:today|yesterday|tomorrow|tonight)\b)",
    re.IGNORECASE,
)
# ... or it is a line of its own, a schedule's ("Friday, February 28, 2014\n1000 hours\n")
_LINE_START = re.compile(r"(?:^|\n)[^\S\n]*$")
_LINE_END = re.compile(r"[^\S\n]*(?:\n|$)")


def military_clock(text: str, start: int, digits_end: int, end: int) -> bool:
    """Whether the "hours" or "hrs" after the digits at [start, digits_end), the words ending at
    ``end``, make a clock time rather than a length of time: by the words around it, or, with
    nothing around it that makes it a length, because the document writes its clock times so
    elsewhere ("at 0600 hours ... around 2300 hours the shelling stopped")."""
    if _military_clock_by_its_words(text, start, digits_end, end):
        return True
    return (
        _four_clock_digits(text[start:digits_end])
        and _writes_military_clocks(text)
        and not _LENGTH_AFTER.match(text, end)
        and not _A_COUNT_BEFORE.search(text, max(0, start - 24), start)
    )


# what makes "NNNN hours" a count, in a document that writes its clocks so: "for 1200 hours",
# "logged more than 1500 hours", "some 2000 hours"
_A_COUNT_BEFORE = re.compile(
    r"\b(?:for|over|during|within|logged|spent|flew|flown|worked|served|took|lasted|needs?"
    r"|needed|required|gave|clocked|accumulated|than|nearly|almost"
    r"|up\s+to|some|total(?:ling|ing)?|of|with|the|a|an|those|these|\d+)\s+$",
    re.IGNORECASE,
)
_MILITARY_CLOCK_WRITTEN = re.compile(r"\b(\d{4})\s+(?:hours|hrs)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _writes_military_clocks(text: str) -> bool:
    """Whether some "NNNN hours" or "NNNN hrs" of the text is a clock by its own words."""
    return any(
        _military_clock_by_its_words(text, m.start(1), m.end(1), m.end())
        for m in _MILITARY_CLOCK_WRITTEN.finditer(text)
    )


def _four_clock_digits(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and int(digits[:2]) <= 23 and int(digits[2:]) <= 59


def _military_clock_by_its_words(text: str, start: int, digits_end: int, end: int) -> bool:
    """``military_clock`` by the words of the expression and around it alone."""
    digits = text[start:digits_end]
    if re.fullmatch(r"\d{1,2}[:.][0-5]\d", digits):
        return True  # "09:10 hours", "14.30 hrs"
    if not digits.isdigit():
        return False  # "three hours", "33.7 hours"
    if not _four_clock_digits(digits):
        return False  # "600 hours", "4500 hours"
    if digits[0] == "0" or text[digits_end:end].strip().lower() == "hrs":
        return True  # "0600 hours", "1430 hrs": no count is written so
    before = max(0, start - 30)
    length_after = _OF_AFTER if _AT_BEFORE.search(text, before, start) else _LENGTH_AFTER
    return bool(
        _ZONE_OR_DAY_AFTER.match(text, end)
        or (
            _CLOCK_EXPECTED_BEFORE.search(text, before, start) and not length_after.match(text, end)
        )
        or (_LINE_START.search(text, before, start) and _LINE_END.match(text, end))
        or (
            _AN_EVENTS_CLOCK_BEFORE.search(text, max(0, start - 8), start)
            and _AN_EVENT_AFTER.match(text, end)
        )
        # "about 1510 hours", "around 1418 hours": a hedged length is a round one, and is one
        # of something ("logged about 1450 hours", "about 1250 hours of their time")
        or (
            not digits.endswith("00")
            and (hedge := _HEDGE_BEFORE.search(text, max(0, start - 16), start)) is not None
            and not _LENGTH_AFTER.match(text, end)
            and not _A_COUNT_BEFORE.search(text, max(0, hedge.start() - 24), hedge.start())
        )
    )


_HEDGE_BEFORE = re.compile(r"\b(?:about|around|approximately|roughly)\s+$", re.IGNORECASE)


# "23/10/2016", "10/23/2016", "23-10-2016", "23-10-16": a numeric date whose first or second
# number is past the 12th, so it can only be read one way
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/(?:\d{4}|\d\d)(?![\d/])"
    r"|-(?P<b2>\d{1,2})-(?:(?:19|20)\d\d|(?<=\d\d-\d\d-)\d\d(?![.:]\d))(?![\d-]))"
)


# a day named with its month, in the order the house writes them: "5 October", "the 5th of
# October"; "October 5", "Oct. 5th"
_DAY_THEN_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_RE})\b")
_MONTH_THEN_DAY = re.compile(rf"\b(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*%)")


def numeric_dates_day_first(text: str) -> bool | None:
    """Whether the text writes its numeric dates day first (True), month first (False), or
    cannot be told (None).

    A numeric date past the 12th decides ("23/10/2016", "10/23/2016"; both orders in one text
    decide nothing); failing that, the order the text names its days in words: a house that
    writes "5 October" writes "05/10" for it, one that writes "October 5" "10/05"."""
    seen = day_first = month_first = False
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b") or m.group("b2"))
        seen = True
        day_first |= a > 12 >= b >= 1
        month_first |= b > 12 >= a >= 1
    if day_first != month_first:
        return day_first
    if day_first or not seen:
        return None  # both orders, or no numeric date to read
    return days_in_words_day_first(text)


def days_in_words_day_first(text: str) -> bool | None:
    """Whether the text names more days day first ("5 October") than month first ("October
    5"): True, False, or None when as many."""
    lead = len(_DAY_THEN_MONTH.findall(text)) - len(_MONTH_THEN_DAY.findall(text))
    return None if lead == 0 else lead > 0


def month_and_day(first: int, second: int, *, day_first: bool | None) -> tuple[int, int]:
    """The month and the day of a numeric date whose numbers are written ``first``,
    ``second``: day first when the first is past the 12th ("16/10"), month first when the
    second is ("10/16" or "10.20"), and as ``day_first`` says otherwise."""
    if first > 12 or (second <= 12 and day_first):
        return second, first
    return first, second
