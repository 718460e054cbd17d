"""Extents and the passes over the tagged expressions: what TimeML leaves outside a TIMEX3
(possessives, prepositions, hedges), its mod attribute, and the joins and splits done after
resolution (day ranges with one year, a day and its clock time, compound durations)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline.extraction.temporal.lexicon import (
    CARDINAL_WORD_RE,
    MONTH_RE,
    OFFSET_RE,
    ORDINAL_WORD_RE,
    WEEKDAY_RE,
    ZONE_RE,
)
from timeline.extraction.temporal.text import _prev_word
from timeline.extraction.temporal.values import (
    _DAY_RE,
    _day_value,
    _fmt_day,
    _weekday_of,
)
from timeline.extraction.types import Timex

# Words a pattern may match (they help decide the value) that TimeML leaves outside the
# TIMEX3 extent: possessives, focus adverbs, prepositions, "earlier"/"later" before "this week".
_LEAD_DROP = re.compile(
    r"(?:on|its|their|his|her|our|my|your|right|just|only|barely|fully)\s+", re.I
)
_LEAD_DROP_RELUNIT = re.compile(r"(?:earlier|later)\s+in\s+(?=this|next|last)", re.I)
_LEAD_DROP_ADJ = re.compile(r"(?:the|a|an|that)\s+(?=\S+[\s-](?:\S+-)?[a-z]+\b)", re.I)
_ADJECTIVAL = re.compile(
    r"(?:\d+|[a-z]+)[\s-](?:second|minute|hour|day|week|month|year|decade)(?:-long|-old)?$", re.I
)
_ADJECTIVAL_QUARTER = re.compile(r"(?:first|second|third|fourth)-quarter$", re.I)


def _trim(text: str, s: int, e: int, kind: str = "") -> tuple[int, int]:
    """Fit a match to TimeML's extent conventions (see the _LEAD_DROP* patterns)."""
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    while s < e and text[s] in " \t\n":
        s += 1
    # ("at 10 p.m. He said": the full stop of "p.m." stays in the extent at a sentence's
    # end too, as TBAQ's annotators and the blind writers keep it, 167 times in 167)
    m = _LEAD_DROP.match(text, s)
    if m and m.end() < e and not re.match(r"right\s+now\b", text[s:e], re.I):
        s = m.end()  # ("right now" is one expression: TimeML keeps the intensifier there)
    if kind == "relunit":
        m = _LEAD_DROP_RELUNIT.match(text, s)
        if m and m.end() < e:
            s = m.end()
    if (
        kind == "duration"
        and text[s : s + 5].lower() == "over "
        and _prev_word(text, s) not in _OVER_AS_MORE_THAN_AFTER
    ):
        s += 5  # "spread over three days": "over" says during, not "more than"
    adjectival = _ADJECTIVAL if kind == "duration" else _ADJECTIVAL_QUARTER
    if kind in ("duration", "quarter") and adjectival.search(text, s, e):
        m = _LEAD_DROP_ADJ.match(text, s)
        if (
            m
            and m.end() < e
            and not re.match(
                r"(?:a|an)\s+(?:single\s+)?(?:second|minute|hour|day|week|month|year|decade)\b"
                r"|the\s+better\s+part\b",  # "the better part of a decade" is one phrase
                text[s:e],
                re.I,
            )
        ):
            s = m.end()
    if (
        kind == "daymonth"
        and text[s : s + 4].lower() == "the "
        and text[s + 4 : s + 5].isdigit()
        and _NOUN_AFTER.match(text, e)
    ):
        s += 4  # "the 7 May election": the article is the election's
    return s, e


# after these, "over" is "more than": "for over three years", "lasted over a week"
_OVER_AS_MORE_THAN_AFTER = frozenset(
    [
        "for",
        "of",
        "than",
        "just",
        "well",
        "to",
        "by",
        "and",
        "last",
        "lasts",
        "lasted",
        "lasting",
        "take",
        "takes",
        "took",
        "taking",
        "spent",
        "spend",
        "spends",
        "wait",
        "waited",
        "run",
        "ran",
        "runs",
    ]
)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|in|at|on|when|as|until|through)\b)[a-z]{3,}")
_HEDGE = r"(?:about|around|approximately|roughly|circa|nearly|almost|some)"
_HEDGE_IN = re.compile(_HEDGE + r"\s", re.IGNORECASE)
_NUMBER_RANGE_IN = re.compile(rf"(?:{CARDINAL_WORD_RE}|\d+)\s+(?:or|to)\s+\w", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(r"\b" + _HEDGE + r"\s+$", re.IGNORECASE)
_HEDGE_TO_THE_DAY = re.compile(r",?\s+(?:almost|nearly|about|roughly)\s+to\s+the\s+day", re.I)


# TimeML's mod for the part of a period: "early 2015", "the beginning of March" (START),
# "mid-2014", "the middle of May" (MID), "late October", "the end of the year" (END)
_PART_MODS = (
    (re.compile(r"(?:the\s+)?(?:early|beginning\s+of|start\s+of)\b", re.I), "START"),
    (re.compile(r"(?:the\s+)?(?:mid\b|middle\s+of\b)", re.I), "MID"),
    (re.compile(r"(?:the\s+)?(?:late|end\s+of)\b", re.I), "END"),
)
# ... and for a bounded amount: "more than two years", "less than a day", "at least a week"
_AMOUNT_WORDS = (
    (r"more\s+than|over", "MORE_THAN"),
    (r"less\s+than|under|fewer\s+than", "LESS_THAN"),
    (r"at\s+least", "EQUAL_OR_MORE"),
    (r"at\s+most|no\s+more\s+than|up\s+to", "EQUAL_OR_LESS"),
)
_AMOUNT_MODS = tuple(
    (re.compile(rf"(?:{words})\s", re.I), re.compile(rf"\b(?:{words})\s+$", re.I), mod)
    for words, mod in _AMOUNT_WORDS
)


def _mod(text: str, s: int, e: int, typ: str) -> str:
    """TimeML's ``mod``: "APPROX" for a hedged expression ("about two years ago", "around
    March 5", "two years ago, almost to the day"); "START" / "MID" / "END" for the early,
    middle or late part of a period; "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE",
    "EQUAL_OR_LESS" for a bounded length of time (in the expression or just before it); ""
    otherwise."""
    if _HEDGE_IN.match(text, s, e) or _HEDGE_TO_THE_DAY.match(text, e):
        return "APPROX"
    if _NUMBER_RANGE_IN.match(text, s, e):
        return "APPROX"  # "two or three months ago"
    if _HEDGE_BEFORE.search(text, max(0, s - 16), s):
        return "APPROX"
    for rx, mod in _PART_MODS:
        if rx.match(text, s, e):
            return mod
    if typ != "DURATION":
        return ""  # "over the weekend" is no amount
    for inside, before, mod in _AMOUNT_MODS:
        if inside.match(text, s, e) or before.search(text, max(0, s - 16), s):
            return mod
    return ""


_RANGE_JOINER = re.compile(r"\s*(?:-|–|and|to|through)\s*", re.IGNORECASE)
_YEAR_AFTER_DAY = re.compile(r",\s*")


def _day_ranges_with_a_year(text: str, out: list[Timex]) -> list[Timex]:
    """ "Oct. 22-30, 2005", "June 3 and 4, 2012": the year written after the second day is
    both days' year, and goes with the second day into one expression ("30, 2005"), as the
    first day keeps its month ("Oct. 22")."""
    joined: list[Timex] = []
    i = 0
    while i < len(out):
        if i + 2 < len(out) and _a_day_range_then_its_year(text, *out[i : i + 3]):
            first, day, year = out[i : i + 3]
            y = year.value
            joined.append(replace(first, value=y + first.value[4:]))
            joined.append(
                replace(day, end=year.end, text=text[day.start : year.end], value=y + day.value[4:])
            )
            i += 3
            continue
        joined.append(out[i])
        i += 1
    return joined


def _a_day_range_then_its_year(text: str, first: Timex, day: Timex, year: Timex) -> bool:
    """ "Oct. 22" "-" "30" ", " "2005": two days of one month, the second a bare number, then a
    year written alone after a comma."""
    return (
        first.type == day.type == year.type == "DATE"
        and _DAY_RE.fullmatch(first.value) is not None
        and _DAY_RE.fullmatch(day.value) is not None
        and day.text.isdigit()
        and day.value[:7] == first.value[:7]
        and re.fullmatch(r"\d{4}", year.text) is not None
        and year.value == year.text
        and _RANGE_JOINER.fullmatch(text, first.end, day.start) is not None
        and _YEAR_AFTER_DAY.fullmatch(text, day.end, year.start) is not None
    )


# "Tuesday 6:45 AM PDT", "Tuesday Aug. 26, 4 PM PDT": a day with its clock time right after
# it, no "at" between, is one time (as TBAQ joins "9 a.m. Tuesday" the other way round)
_DAY_THEN_CLOCK = re.compile(r"[ \t]+")
_DATE_THEN_CLOCK = re.compile(r",?[ \t]+")


def _join_days_and_clocks(text: str, out: list[Timex]) -> list[Timex]:
    joined: list[Timex] = []
    for t in out:
        day = joined[-1] if joined else None
        if (
            day is not None
            and day.type == "DATE"
            and t.type == "TIME"
            and _DAY_RE.fullmatch(day.value)
            # (a weekday's date, or one written in numbers: a date line's "Jul 07, 2012 8:44
            # PM ET", "as of 4 November 02:00 GMT"; not "today 5 p.m.")
            and (_WEEKDAY_ONLY.search(day.text) or any(c.isdigit() for c in day.text))
            and t.text[:1].isdigit()
            # (a comma only after a date: "Tuesday Aug. 26, 4 PM", not "on Tuesday, 4 p.m.")
            and (_DATE_THEN_CLOCK if day.text[-1].isdigit() else _DAY_THEN_CLOCK).fullmatch(
                text, day.end, t.start
            )
        ):
            clock = t.value[t.value.index("T") :]
            joined[-1] = replace(
                t, start=day.start, text=text[day.start : t.end], value=day.value + clock
            )
            continue
        joined.append(t)
    return joined


_WEEKDAY_ONLY = re.compile(rf"(?:{WEEKDAY_RE})", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"\s*(?:through|thru|to|until|till|-|–|—)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _weekday_ranges(text: str, dct: date | None, out: list[Timex]) -> None:
    """End a span of weekdays after its start: "Wednesday through Sunday" said on a Tuesday
    is the coming Sunday, whichever way each weekday alone would have been read. Where the
    start was read after the end, the span is the one of the two that lies nearer the DCT:
    "39 million would drive between Wednesday and Sunday", written on the Friday, is the
    Wednesday before it and the Sunday after."""
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        between_and = (
            _BETWEEN_BEFORE.search(text, max(0, first.start - 10), first.start) is not None
            and re.fullmatch(r"\s+and\s+", text[first.end : last.start]) is not None
        )
        if not (
            first.type == last.type == "DATE"
            and _WEEKDAY_ONLY.fullmatch(first.text)
            and _WEEKDAY_ONLY.fullmatch(last.text)
            and _DAY_RE.match(first.value)
            and _DAY_RE.match(last.value)
            and (_RANGE_BETWEEN.fullmatch(text, first.end, last.start) or between_and)
        ):
            continue
        start, end = date.fromisoformat(first.value), date.fromisoformat(last.value)
        if dct is not None and start > end:
            span = timedelta(days=(end.isoweekday() - start.isoweekday()) % 7)
            if _days_off(dct, end - span, end) < _days_off(dct, start, start + span):
                out[i] = replace(first, value=_fmt_day(end - span))
                continue
        elif between_and:
            continue  # read the right way round already
        days = (_weekday_of(last.text) - start.isoweekday()) % 7 or 7
        out[i + 1] = replace(last, value=_fmt_day(start + timedelta(days=days)))


def _days_off(dct: date, start: date, end: date) -> int:
    """How many days a span of days lies from the DCT (0 when it holds it)."""
    return max((start - dct).days, (dct - end).days, 0)


_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d)(?::(\d\d))?")
_UNIVERSAL_ZONE = re.compile(r"\b(?:GMT|UTC)\b|\d\d?:?\d\dZ\b")
# a zone named with its clock time: "11.30 p.m. ET", "0200 GMT"
_A_ZONE = re.compile(r"\b(?:GMT|UTC|(?-i:[ECMP][SD]?T)|BST|CEST|CET)\b|\d\d?:?\d\dZ\b")
_NAMES_A_DAY = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE}|today|yesterday|tomorrow)\b", re.IGNORECASE
)


def _military_clocks_before_their_twins(text: str, out: list[Timex]) -> list[Timex]:
    """A four-digit local clock time just before its GMT twin in brackets, which the patterns
    leave alone as a bare number: "the quake, which struck at 1353 (1023 GMT)". Put on the
    twin's day; _date_zone_twins then settles which day each is on."""
    found = []
    for twin in out:
        if twin.type != "TIME" or not _UNIVERSAL_ZONE.search(twin.text):
            continue
        local = _MILITARY_CLOCK_BEFORE.search(text, max(0, twin.start - 12), twin.start)
        if local is None or not _CLOCK_VALUE.match(twin.value):
            continue
        if any(t.start < local.end("hhmm") and local.start("hhmm") < t.end for t in out):
            continue
        value = f"{twin.value[:10]}T{local['hh']}:{local['mm']}"
        found.append(Timex(local.start("hhmm"), local.end("hhmm"), local["hhmm"], "TIME", value))
    return found


_MILITARY_CLOCK_BEFORE = re.compile(
    r"(?<![\d,.])(?P<hhmm>(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d))\s*\(\s*$"
)


def _date_zone_twins(text: str, out: list[Timex]) -> None:
    """Put a clock time and its twin in another zone, in brackets, on days that agree: "10
    a.m. Tuesday (0200 GMT)" in Beijing is Tuesday's 02:00 GMT, "21:30 Washington time (01:30
    GMT on Friday)" is Thursday's 21:30, "4:30 a.m. local time (11.30 p.m. ET)" in Paris is
    the evening before in New York. The zones' offset is what the two clocks differ by, which
    must be a real one (UTC-12 to UTC+14 from GMT, at most 14 hours between two others); the
    side that names its day moves the other."""
    for i in range(len(out) - 1):
        local, twin = out[i], out[i + 1]
        if not (
            local.type == twin.type == "TIME"
            and text[local.end : twin.start].strip() == "("
            and (
                (_UNIVERSAL_ZONE.search(twin.text) and not _UNIVERSAL_ZONE.search(local.text))
                or (_A_ZONE.search(twin.text) and not _A_ZONE.search(local.text))
            )
        ):
            continue
        lv, tv = _CLOCK_VALUE.match(local.value), _CLOCK_VALUE.match(twin.value)
        if lv is None or tv is None:
            continue
        local_h = int(lv.group(2)) + int(lv.group(3) or 0) / 60
        twin_h = int(tv.group(2)) + int(tv.group(3) or 0) / 60
        # the GMT day is the local one plus `shift`, with offset = local - GMT hours
        lowest = -12 if _UNIVERSAL_ZONE.search(twin.text) else -14
        shifts = [d for d in (0, 1, -1) if lowest <= local_h - (twin_h + 24 * d) <= 14]
        if not shifts:
            continue
        shift = shifts[0]
        local_day = date.fromisoformat(lv.group(1))
        twin_day = date.fromisoformat(tv.group(1))
        after = out[i + 2] if i + 2 < len(out) else None
        twin_names_day = _NAMES_A_DAY.search(twin.text) or (
            # "(01:30 GMT on Friday)": the day inside the bracket is the twin's
            after is not None
            and after.type == "DATE"
            and _DAY_RE.match(after.value)
            and _TIME_THEN_DATE.fullmatch(text, twin.end, after.start)
            and text[after.end : after.end + 1] == ")"
        )
        if twin_names_day and not _NAMES_A_DAY.search(local.text):
            out[i] = _on_day(local, _fmt_day(twin_day - timedelta(days=shift)))
        else:
            out[i + 1] = _on_day(twin, _fmt_day(local_day + timedelta(days=shift)))


# "open at 6:30 a.m. and close at 7:30 p.m. next Tuesday", "from 9 a.m. to 5 p.m. Friday"
_CLOCK_PAIR_BETWEEN = re.compile(
    r"\s+and\s+(?:[a-z]+\s+){0,2}(?:at|by|until)\s+|\s*(?:to|until|till|-|–)\s*", re.IGNORECASE
)
# (with its zone, or its "hours": "09:00 local time", "1430 hrs", "16:00 (GMT+3)")
_BARE_CLOCK = re.compile(
    r"[\d:.\s]*(?:a\.?\s?m\.?|p\.?\s?m\.?|noon|midnight)?"
    rf"(?:\s*(?:{ZONE_RE}\b|local(?:\s+time)?|hours|hrs|\(\s*{OFFSET_RE}\s*\)|{OFFSET_RE}))*",
    re.IGNORECASE,
)


def _clock_pairs_on_one_day(text: str, out: list[Timex]) -> None:
    """A clock time paired with a later one that names its day is on that day too."""
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if (
            t.type == "TIME"
            and nxt.type == "TIME"
            and _DAY_RE.match(nxt.value)
            and "T" in t.value
            and _BARE_CLOCK.fullmatch(t.text)
            and (not _BARE_CLOCK.fullmatch(nxt.text) or _dated_by_what_follows(text, out, i + 1))
            and (
                _CLOCK_PAIR_BETWEEN.fullmatch(text, t.end, nxt.start)
                # "fell between noon and midnight on Monday"
                or (
                    _BETWEEN_BEFORE.search(text, max(0, t.start - 10), t.start) is not None
                    and re.fullmatch(r"\s+and\s+", text[t.end : nxt.start]) is not None
                )
            )
        ):
            out[i] = _on_day(t, nxt.value[:10])


def _clock_then_its_weekday(text: str, out: list[Timex]) -> None:
    """A clock time with no day of its own, followed a few words on in its clause by a weekday,
    is on that weekday: "dropped four bombs at 3:20 p.m. in the region Thursday"."""
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if (
            t.type == "TIME"
            and "T" in t.value
            and _BARE_CLOCK.fullmatch(t.text)
            and nxt.type == "DATE"
            and _DAY_RE.fullmatch(nxt.value)
            and _WEEKDAY_ONLY.fullmatch(nxt.text)
            and _CLAUSE_BEFORE_ITS_WEEKDAY.fullmatch(text, t.end, nxt.start)
            and t.value[:10] != nxt.value
        ):
            out[i] = _on_day(t, nxt.value)


# a few words of one clause, none of them a report's verb ("at 3 p.m., officials said
# Thursday" dates the report, not the clock time)
_CLAUSE_BEFORE_ITS_WEEKDAY = re.compile(
    r"(?:\s+(?!(?:said|says|told|announced|reported|added|on)\b)[\w'-]+){1,5}\s+", re.IGNORECASE
)


def _dated_by_what_follows(text: str, out: list[Timex], i: int) -> bool:
    """Whether the clock time ``out[i]`` took its day from the date right after it ("close
    at 7:30 p.m. on Nov. 7")."""
    if i + 1 >= len(out):
        return False
    after = out[i + 1]
    return (
        after.type == "DATE"
        and after.value == out[i].value[:10]
        and _TIME_THEN_DATE.fullmatch(text, out[i].end, after.start) is not None
    )


def _on_day(t: Timex, day: str) -> Timex:
    """A clock time moved to ``day`` (a YYYY-MM-DD value), its time of day kept."""
    return replace(t, value=day + t.value[t.value.index("T") :])


_FREQUENCY_BEFORE = re.compile(
    # ("once or twice a month", "two or three times a week", "two to three times a year")
    rf"\b(?:once\s+or\s+twice|(?:once|twice|thrice)"
    rf"|(?:(?:{CARDINAL_WORD_RE}|\d+)\s+(?:or|to)\s+)?(?:{CARDINAL_WORD_RE}|\d+)\s+times)\s+$",
    re.IGNORECASE,
)
_TIME_THEN_DATE = re.compile(r",?\s+(?:on\s+)?(?:the\s+)?")

# One length in several units: "three hours and 24 minutes", "two years, three months"
_DURATION_JOINER = re.compile(r"(?:\s*,)?\s+(?:and\s+)?")
_DURATION_PARTS = re.compile(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?")
_DURATION_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _join_compound_durations(text: str, out: list[Timex]) -> list[Timex]:
    """Merge a duration with the smaller-unit duration right after it into one TIMEX3
    ("PT3H24M"), as TimeML annotates a length given in two units."""
    joined: list[Timex] = []
    for t in out:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.type == t.type == "DURATION"
            and _DURATION_JOINER.fullmatch(text, prev.end, t.start)
        ):
            value = _joined_duration(prev.value, t.value)
            if value is not None:
                joined[-1] = replace(prev, end=t.end, text=text[prev.start : t.end], value=value)
                continue
        joined.append(t)
    return joined


def _joined_duration(first: str, second: str) -> str | None:
    """ "PT3H" + "PT24M" -> "PT3H24M", "PT2H3M" + "PT23S" -> "PT2H3M23S"; None unless every
    amount is exact and the second's unit is smaller than the first's last one."""
    parts = []
    for value in (first, second):
        found = _DURATION_PARTS.fullmatch(value)
        if found is None:
            return None
        date_part, time_part = found.group(1), found.group(2) or ""
        parts += [(u, n) for n, u in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", date_part)]
        parts += [("T" + u, n) for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", time_part)]
    ranks = [_DURATION_ORDER.index(u) for u, _ in parts]
    if ranks != sorted(set(ranks)):
        return None
    date_part = "".join(n + u for u, n in parts if not u.startswith("T"))
    time_part = "".join(n + u[1] for u, n in parts if u.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


_DAY_BEFORE = re.compile(r"(?<![\d,.$])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*$")
_DAY_AFTER = re.compile(
    rf"\s*(?:-|–|and|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|{MONTH_RE})|[:./]\d)",
    re.IGNORECASE,
)


def _range_other_day(text: str, s: int, e: int, value: str, used: bytearray) -> Timex | None:
    """The other day of a day range around a tagged date: "14" in "14 and 15 October", "15" in
    "October 14-15". It gets its own DATE in the same month; None when there is no such day."""
    y, mo, d = int(value[0:4]), int(value[5:7]), int(value[8:10])
    if text[s].isdigit() or text[s : s + 4].lower() == "the ":
        r = _DAY_BEFORE.search(text, max(0, s - 12), s)
        if r is None or not int(r.group(1)) < d:
            return None
        a, b = r.start(1), r.end(1)
    else:
        if re.search(r"\d{4}$", text[s:e]):
            return None  # "June 1, 2013-03-18": what follows a year is no day of the range
        r = _DAY_AFTER.match(text, e)
        if r is None or not d < int(r.group(1)):
            return None
        a, b = r.start(1), r.end(1)
    if used.find(1, a, b) != -1:
        return None
    used[a:b] = b"\x01" * (b - a)  # (so that no other date claims the same day)
    try:
        day = date(y, mo, int(text[a:b]))
    except ValueError:
        return None
    return Timex(start=a, end=b, text=text[a:b], type="DATE", value=_fmt_day(day))


# "on Saturday, the first day of the truce", "Sept. 28 to Sept. 30, the final weekend of the
# regular season", "by 2020, the final year of the plan": a day, week or year of something
# under way, said to be the one just named (the happening stays outside, as TimeML writes
# "the first day" of an event)
_APPOSITIVE_PART = re.compile(
    rf",[ \t]+(?P<x>the[ \t]+(?:{ORDINAL_WORD_RE}|\d+(?:st|nd|rd|th)|last|final|opening|closing)"
    r"[ \t]+(?P<unit>day|night|weekend|week|month|year))"
    r"(?=[ \t]+of[ \t]+(?:(?:the|an?|his|her|its|their|our)[ \t]|(?-i:[A-Z])))",
    re.IGNORECASE,
)


def _appositive_parts(text: str, out: list[Timex]) -> list[Timex]:
    """Add the day, night, week, weekend, month or year of a happening put just after an
    expression that names it ("on Saturday, the first day of the truce"), with that one's
    value in the unit the apposition counts in."""
    added = []
    for i, t in enumerate(out):
        m = _APPOSITIVE_PART.match(text, t.end)
        if m is None or (i + 1 < len(out) and out[i + 1].start < m.end("x")):
            continue
        unit = m.group("unit").lower()
        value = _in_unit(t.value, unit)
        if value is not None:
            s, e = m.span("x")
            typ = "TIME" if unit == "night" else "DATE"  # (TimeML's night is a part of a day)
            added.append(Timex(start=s, end=e, text=text[s:e], type=typ, value=value))
    return sorted(out + added, key=lambda t: t.start) if added else out


def _in_unit(value: str, unit: str) -> str | None:
    """A DATE or TIME value as the day, night, (ISO) week, weekend, month or year it falls
    in; None when the value is less precise than the unit."""
    d = _day_value(value)
    if d is not None:
        year, week, _ = d.isocalendar()
        return {
            "day": d.isoformat(),
            "night": d.isoformat() + "TNI",
            "week": f"{year}-W{week:02d}",
            "weekend": f"{year}-W{week:02d}-WE",
            "month": value[:7],
            "year": value[:4],
        }[unit]
    if unit == "month" and re.fullmatch(r"\d{4}-\d\d", value):
        return value
    if unit == "year" and re.fullmatch(r"\d{4}(?:-\d\d)?", value):
        return value[:4]
    return None
