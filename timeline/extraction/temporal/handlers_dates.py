"""Handlers of dates: days of months, numeric and ISO dates, years, decades, centuries,
quarters, seasons, counts back and forth ("three years ago", "the next day"), durations and
vague references. Each takes (state, match) and returns (type, value), or None to drop the
candidate."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.extraction.temporal.cues import (
    _BY_NEAR,
    _PAST_PERFECT,
)
from timeline.extraction.temporal.holidays import _holiday_date
from timeline.extraction.temporal.house_style import military_clock, month_and_day
from timeline.extraction.temporal.lexicon import (
    MONTH_RE,
    NUMBER_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
)
from timeline.extraction.temporal.patterns import (
    _COMPILED,
    _HOLIDAY_RX,
    _ORD_SUFFIX,
    _POD_OF_RX,
    _YEAR4,
)
from timeline.extraction.temporal.speech import (
    _quoted_speech_date,
    _retold_day_near,
)
from timeline.extraction.temporal.state import (
    _COMPARED_WITH_BEFORE,
    _DEADLINE_NEAR,
    _SEASON_AHEAD_NEAR,
    _SEASON_AIMED_AT,
    _TENSE_SLACK_DAYS,
    _THIS_YEAR_SO_FAR,
    Result,
    _anaphor_year,
    _is_lead_month,
    _narrative_year,
    _nearest_year,
    _resolve_weekday,
    _State,
    _story_point,
)
from timeline.extraction.temporal.text import (
    _IN_A_YEAR_AFTER,
    _WEEKDAY_APPOSITIVE_AFTER,
    _at_sentence_start,
    _in_quotation,
    _next_word,
    _prev_word,
    _sent_end_search,
    _sentence_after,
    _sentence_before,
)
from timeline.extraction.temporal.values import (
    _day_value,
    _fmt_day,
    _fmt_duration,
    _fmt_week,
    _fmt_year,
    _month_of,
    _number,
    _ordinal,
    _quarter,
    _spoken_year,
    _unit_letter,
    _weekday_of,
)

_WHEN_AFTER_NO_COMMA = re.compile(r"\s+when\b", re.IGNORECASE)


def _year_for_weekday(st: _State, mon: int, day: int, wd: int, y: int, start: int, end: int) -> int:
    """The year in which ``mon``/``day`` falls on ISO weekday ``wd`` ("Friday, Oct. 28").

    Tried in order: the year already chosen, the year the narrative is at (the last explicit
    year), then earlier years back from the DCT (news reports the past), then later ones only
    if the sentence is future. When the chosen date lies within a couple of months of the DCT
    and the sentence is not future, a weekday that does not fit it is taken for a typo: a
    report on "Tuesday Oct. 17" two days after Oct. 17 is about that Oct. 17, not one ten
    years back or one next year. A stated weekday that fits no nearby year leaves ``y``.
    """
    assert st.dct is not None
    future = st.tense(start, end) > 0
    try:
        near = abs((date(y, mon, day) - st.dct).days) <= _TENSE_SLACK_DAYS
    except ValueError:
        near = False
    if near and not future:
        # (unless the year the narrative is at fits: "June 10, 2014 ... On July 4, a
        # Friday," is 2014's July 4, not a misnamed weekday of this July)
        if st.ref_year is not None and st.ref_year != y and _falls_on(st.ref_year, mon, day, wd):
            return st.ref_year
        return y
    back = [st.dct.year - k for k in range(0, 12)]
    ahead = [st.dct.year + k for k in range(1, 3)]
    order = [y] + ([st.ref_year] if st.ref_year is not None else [])
    order += (ahead + back) if future else back
    return next((cand for cand in order if _falls_on(cand, mon, day, wd)), y)


def _falls_on(y: int, mon: int, day: int, wd: int) -> bool:
    """Whether ``mon``/``day`` of year ``y`` is ISO weekday ``wd`` (False if no such day)."""
    try:
        return date(y, mon, day).isoweekday() == wd
    except ValueError:
        return False


_RANGE_TAIL = re.compile(
    rf"\s*(?:-|–|—|to|and|or|through|until|till)\s+(?:(?:the\s+)?\d{{1,2}}{_ORD_SUFFIX}\s+(?:of\s+)?)?"
    rf"(?P<mon>{MONTH_RE})(?:\s*\d{{1,2}}{_ORD_SUFFIX})?,?\s*(?P<year>{_YEAR4})\b"
    rf"|\s*(?:-|–|—)\s*(?P<mon2>{MONTH_RE})(?:\s*\d{{1,2}}{_ORD_SUFFIX})?,?\s*(?P<year2>{_YEAR4})\b"
    rf"|\s*(?:-|–|—|to|and|through|until|till)\s+\d{{1,2}}{_ORD_SUFFIX},?\s*(?P<year3>{_YEAR4})\b",
    re.IGNORECASE,
)


def _range_year(st: _State, end: int, mon: int) -> int | None:
    """The year a range's end gives its start: "January-March 2016", "from Jan. 5 to Feb. 2,
    2015", "between 1 and 3 October 2016" (a December start before a January end is the year
    before). None when no such range follows."""
    r = _RANGE_TAIL.match(st.text, end)
    if r is None:
        return None
    if r.group("year3"):
        return int(r.group("year3"))
    mon_end = _month_of(r.group("mon") or r.group("mon2"))
    y = int(r.group("year") or r.group("year2"))
    return y - 1 if mon > mon_end else y


_A_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b(?!\s*(?:%|percent|per\s+cent))")


def _year_written_since_the_story_moved(st: _State, pos: int) -> int | None:
    """The last year written between where the story last moved and ``pos`` (within 300
    characters), such as one after "since" that did not move it."""
    since = max(st.ref_end, st.year_end, pos - 300, 0)
    written = [int(y.group()) for y in _A_YEAR_WRITTEN.finditer(st.text, since, pos)]
    return written[-1] if written else None


def _rel_year(st: _State, phrase: str, pos: int) -> int | None:
    """The year "this year" / "last year" / "next year" names, from the DCT."""
    if st.dct is None:
        return None
    words = phrase.lower().split()
    word = words[-2]  # "last year", "of last year"
    if "the" in words:
        # "January of the following year": counted from the year the story is at
        at = st.ref_year if st.ref_year is not None else st.dct.year
        return at - 1 if word == "previous" else at + 1
    if word == "that":
        # "September of that year": the year the story is at, or the one written since it
        # got there ("under siege since 2013. In August of that year")
        written = _year_written_since_the_story_moved(st, pos)
        if written is not None:
            return written
        return st.ref_year if st.ref_year is not None else st.dct.year
    return st.dct.year + {"this": 0, "last": -1, "next": 1}[word]


def _onward_year(st: _State, year: int, mon: int, day: int) -> int:
    """A retold story moves forward: a day months before the one it is at is next year's
    ("The offensive began on 17 October 2016 ... declared liberated on 24 January"), if that
    is still before the DCT; a few weeks back is the same year ("On Dec. 21 ... killed on
    Nov. 24")."""
    # (the story may be at a month: "prices rose in December, Statistics Canada said Jan. 17")
    at = st.ref_month if st.year_after_day else st.ref
    if at is None or at.year != year or st.dct is None:
        return year
    try:
        here, onward = date(year, mon, day), date(year + 1, mon, day)
    except ValueError:
        return year
    if (at - here).days > 120 and onward <= st.dct:
        return year + 1
    return year


# A year that sets the scene: "In 2003, ...", "in April 2003", not one named in passing ("a
# program approved in 1987", "from 2001 to 2007", "the 1987 level", "since the September
# 2012 reshuffle").
_SCENE_YEAR_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)In\s+$")
_IN_BEFORE = re.compile(r"\bin\s+$")
# "After the election of February 1974, Wilson made her a whip on 4 March": a sentence that
# opens after (or before) an event of a past month or year is set then
_SCENE_EVENT_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:After|Before|Following)\s+the\s+[a-z]+\s+(?:of|in)\s+$"
)
_CAME_A_YEAR_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:Then\s+)?came\s+$", re.I)


def _a_year_of_its_own(text: str, kind: str, s: int, e: int) -> bool:
    """Whether the year at [s, e) is a sentence of its own ("Then came 2014."): the story is
    in it, months and all, until its paragraph ends."""
    return (
        kind == "year"
        and _CAME_A_YEAR_BEFORE.search(text, max(0, s - 16), s) is not None
        and _PERIOD_AFTER.match(text, e) is not None
    )


_PERIOD_AFTER = re.compile(r"\.(?:\s|$)")
# "The scheme unraveled on April 9, 2003, when ...": a past day given with its year, as the
# day something happened on, sets the scene too
_ON_A_FULL_DATE = re.compile(r"\bon\s+$")
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
_SCENE_MONTH_BEFORE = re.compile(r"\b[Ii]n\s+(?:(?:early|late|mid-?)\s*|the\s+\w+\s+\w+\s+of\s+)?$")


def _h_monthday(st: _State, m: re.Match[str]) -> Result:
    mon = _month_of(m.group("mon"))
    day = _ordinal(m.group("day"))
    if day is None or not 1 <= day <= 31:
        return None
    wd = _weekday_of(m.group("wd")) if m.group("wd") else None
    if wd is None and (appos := _WEEKDAY_APPOSITIVE_AFTER.match(st.text, m.end())):
        wd = _weekday_of(appos.group(1))  # "reopened on May 1, a Thursday": its year's
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    # the date's own start: what comes before "the night of" is what comes before the date
    at = m.start() if not m.group("podof") else _POD_OF_RX.match(st.text, m.start()).end()
    if m.group("year"):
        y = int(m.group("year"))
    elif in_year := _IN_A_YEAR_AFTER.match(st.text, m.end()):
        y = int(in_year.group(1))  # "against April 11 in 2004"
    elif m.groupdict().get("ry"):
        y = _rel_year(st, m.group("ry"), m.start())  # type: ignore[assignment]
    elif (ry := _range_year(st, m.end(), mon)) is not None:
        y = ry
    elif (ago := _years_ago_before(st, at)) is not None:
        y = ago
    elif rel and st.dct is not None:
        # "last Oct. 23": the latest one before the DCT; "next May 5": the first one after
        y = st.dct.year
        if rel in ("last", "this past") and (mon, day) >= (st.dct.month, st.dct.day):
            y -= 1
        elif rel in ("next", "this coming") and (mon, day) <= (st.dct.month, st.dct.day):
            y += 1
    elif (oy := _year_its_sentence_opens_with(st, at)) is not None:
        y = oy
    elif (ny := _narrative_year(st, at, m.end())) is not None:
        y = _onward_year(st, ny, mon, day)
    else:
        y = _nearest_year(st, mon, day, at, m.end())
        if y is not None and wd is not None and st.dct is not None:
            y = _year_for_weekday(st, mon, day, wd, y, at, m.end())
    if y is None:
        return ("DATE", f"XXXX-{mon:02d}-{day:02d}")
    try:
        d = date(y, mon, day)
    except ValueError:
        return None
    if m.group("podof"):
        return ("TIME", f"{_fmt_day(d)}T{PARTS_OF_DAY[m.group('podof').lower()]}")
    return ("DATE", _fmt_day(d))


_YEARS_AGO_BEFORE = re.compile(
    rf"\b(?P<num>{NUMBER_RE})\s+years?\s+ago,?\s+(?:on|in)\s+(?:the\s+)?$", re.IGNORECASE
)


def _years_ago_before(st: _State, pos: int) -> int | None:
    """The year "17 years ago on September 11" and "a year ago in June" name: the DCT's year
    less the count, whatever the tense would pick."""
    found = _YEARS_AGO_BEFORE.search(st.text, max(0, pos - 40), pos)
    if found is None or st.dct is None:
        return None
    n = _number(found.group("num"))
    return st.dct.year - int(n) if n is not None and n == int(n) else None


_YEARS_OWN_OPENING = re.compile(r"\s*[\"“]?(Last|Next|This)\s+year['’]s\s")


def _year_its_sentence_opens_with(st: _State, pos: int) -> int | None:
    """The year of a sentence about a year's own thing: "Next year's fringe will run from 2
    August", "Last year's peak came on Nov. 30"."""
    if st.dct is None:
        return None
    sentence = _sentence_before(st.text, pos)
    opening = _YEARS_OWN_OPENING.match(sentence)
    if opening is None or len(sentence) >= 200:
        return None
    return st.dct.year + {"last": -1, "next": 1, "this": 0}[opening.group(1).lower()]


_MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "of",
        "through",
        "from",
        "to",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "and",
        "or",
        "last",
        "next",
        "this",
        "the",
        # "as recently as March", "until at least March", "bond-buying beyond March"
        "as",
        "least",
        "beyond",
        # "estimates for March and April", "scheduled for May", "between March and May"
        "for",
        "between",
    ]
)
_NAME_BEFORE = re.compile(r"(?:(?-i:[A-Z][a-z]+)|\b(?-i:Mr|Mrs|Ms|Dr)\.)\s+$")
# "May to July", "March and April", "March's figure": a month by what follows it
_MONTH_BY_WHAT_FOLLOWS = re.compile(
    rf"['’]s\b|\s*(?:-|–|to|through|and|or)\s*(?:{MONTH_RE})", re.IGNORECASE
)


_OF_THE_NAME = re.compile(r"\s+of\s+the\s+[A-Z]")
_PAST_HAPPENING_AFTER = re.compile(
    r"\s+(?:earthquakes?|quakes?|tsunami|floods?|flooding|landslides?|attacks?|bombings?"
    r"|massacres?|coup|killings?|shootings?|explosions?|blasts?|crash(?:es)?|disaster)\b",
    re.I,
)


def _h_month(st: _State, m: re.Match[str]) -> Result:
    raw = m.group("mon")
    mon = _month_of(raw)
    rel = (m.group("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if m.group("sy") and _spoken_year(m.group("sy")):
        return ("DATE", f"{_spoken_year(m.group('sy'))}-{mon:02d}")
    if m.group("year"):
        return ("DATE", f"{int(m.group('year'))}-{mon:02d}")
    if m.group("ry"):
        y = _rel_year(st, m.group("ry"), m.start())
        return ("DATE", f"{'XXXX' if y is None else y}-{mon:02d}")
    if not rel and (ry := _range_year(st, m.end(), mon)) is not None:
        return ("DATE", f"{ry}-{mon:02d}")
    if not rel and (ago := _years_ago_before(st, m.start())) is not None:
        return ("DATE", f"{ago}-{mon:02d}")
    bare = not rel and not m.group("mod") and not m.group("modof")
    if (
        bare
        and raw.lower() in ("may", "march")
        and _prev_word(st.text, m.start()) not in _MONTH_PREPS
        and not (
            raw[0].isupper()
            and _MONTH_BY_WHAT_FOLLOWS.match(st.text, m.end())
            # ("Theresa May's government": a name)
            and not _NAME_BEFORE.search(st.text, max(0, m.start() - 24), m.start())
        )
    ):
        return None  # "May" the modal verb, "March" the noun: a month only after a preposition
    if bare and _OF_THE_NAME.match(st.text, m.end()):
        return None  # "the March of the Combatant Mothers": a name ("in March of the next year")
    if (
        bare
        and st.dct is not None
        and _PAST_HAPPENING_AFTER.match(st.text, m.end())
        and st.tense(m.start(), m.end()) <= 0
    ):
        # "survivors of the February earthquake", written in October: a disaster or an attack
        # named by its month has happened, so it is the last such month
        y = st.dct.year if mon <= st.dct.month else st.dct.year - 1
        return ("DATE", f"{y}-{mon:02d}")
    if st.dct is None:
        return ("DATE", f"XXXX-{mon:02d}")
    d = st.dct
    if rel == "last" and mon == d.month - 1:
        # Writers call the month just gone "last month": "last February" in March is the
        # February of the year before.
        y = d.year - 1
    elif rel in ("last", "past", "this past"):
        y = d.year if mon < d.month else d.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = d.year if mon > d.month else d.year + 1
    elif rel == "this":
        y = d.year
    elif rel == "that":
        # "he was indicted that October": the October of the year the story is at
        y = st.ref_year if st.ref_year is not None else d.year
    elif rel.startswith("the "):
        # "resigned in November 2010 and was arrested the following February": the first
        # such month after (or before) the one the story is at
        at = st.ref_month or (st.ref.replace(day=1) if st.ref else d.replace(day=1))
        if rel in ("the previous", "the preceding"):
            y = at.year if mon < at.month else at.year - 1
        else:
            y = at.year if mon > at.month else at.year + 1
    else:
        if _HABITUAL_BEFORE.search(_sentence_before(st.text, m.start())) or (
            _FISCAL_YEAR_ENDS_IN.search(st.text, max(0, m.start() - 40), m.start())
        ):
            # "the rainy season usually runs from May", "whose fiscal year ends in June"
            return ("DATE", f"XXXX-{mon:02d}")
        if (
            st.came_year_end >= 0
            and st.ref_year is not None
            and st.ref_year < d.year
            and "\n" not in st.text[st.came_year_end : m.start()]
            and st.tense(m.start(), m.end()) <= 0
        ):
            return (
                "DATE",
                f"{st.ref_year}-{mon:02d}",
            )  # "Then came 2014. Falluja fell in January."
        if (
            (to := _A_MONTH_IT_RUNS_TO.match(st.text, m.end())) is not None
            and _RANGE_OPENS_BEFORE.search(st.text, max(0, m.start() - 9), m.start())
            and mon < (mon_end := _month_of(to.group("mon")))
            and (y_end := _nearest_year(st, mon_end, None, to.start("mon"), to.end()))
        ):
            # "passengers handled between January and October", written in December: the
            # range's start is in its end's year
            return ("DATE", f"{y_end}-{mon:02d}")
        y = (st.anaphor_that and _anaphor_year(st, m.start(), m.end())) or _nearest_year(
            st, mon, None, m.start(), m.end()
        )
        y = y or d.year
    return ("DATE", f"{y}-{mon:02d}")


_A_MONTH_IT_RUNS_TO = re.compile(
    rf"\s*(?:and|to|through|until|till|-|–)\s*(?P<mon>{MONTH_RE})\b(?!\.?\s*\d)", re.I
)
_RANGE_OPENS_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.I)


_HABITUAL_AFTER = re.compile(
    r"\s+(?:is|are)\s+(?:usually|always|typically|traditionally|normally|generally|often)\b", re.I
)
_HABITUAL_BEFORE = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|tends?\s+to)\b", re.I
)
# "Calderon, whose fiscal year ends in June": any year's June
_FISCAL_YEAR_ENDS_IN = re.compile(
    r"\b(?:fiscal|financial)\s+year\s+(?:ends|begins|starts|runs)\s+(?:in\s+)?$", re.I
)


def _h_numdate(st: _State, m: re.Match[str]) -> Result:
    if m.group("d3"):
        # "15.10.1999": the dotted form is day first (the US writes slashes)
        mo, dd = month_and_day(int(m.group("d3")), int(m.group("m3")), day_first=True)
        yy = m.group("y3")
    elif m.group("d4"):
        mo, dd, yy = _month_of(m.group("mon4")), int(m.group("d4")), m.group("y4")
    elif m.group("m5"):
        # "on 10/5": the year as a month's day without one gets it
        mo, dd = month_and_day(
            int(m.group("m5")), int(m.group("d5")), day_first=st.numbers_day_first
        )
        date(2000, mo, dd)  # (ValueError for no such day: the candidate is dropped)
        y = _nearest_year(st, mo, dd, m.start(), m.end())
        return ("DATE", f"XXXX-{mo:02d}-{dd:02d}" if y is None else date(y, mo, dd).isoformat())
    else:
        # "16/10/2016" day first, as outside the US; "05/10/2016" too where the document
        # writes its numeric dates so
        k = "" if m.group("m") else "2"
        first, second = int(m.group("m" + k)), int(m.group("d" + k))
        mo, dd = month_and_day(first, second, day_first=st.numbers_day_first)
        yy = m.group("y" + k)
    y = int(yy)
    if len(yy) == 2:
        y += 1900 if y > 30 else 2000
    try:
        return ("DATE", date(y, mo, dd).isoformat())
    except ValueError:
        return None


def _h_isodate(st: _State, m: re.Match[str]) -> Result:
    k = "" if m.group("y") else "2"
    y, mo, dd = (int(m.group(g + k)) for g in ("y", "m", "d"))
    try:
        day = date(y, mo, dd).isoformat()
    except ValueError:
        return None
    if m.group("ih") is None:
        return ("DATE", day)
    # a time stamp: "2016-10-05T14:30Z" (its zone, like a spoken one, is not in the value)
    clock = f"{m.group('ih')}:{m.group('imi')}" + (f":{m.group('ise')}" if m.group("ise") else "")
    return ("TIME", f"{day}T{clock}")


_YEAR_NOUN_AFTER = re.compile(
    r"\s+(?:shares|people|troops|soldiers|workers|cars|units|jobs|tons|barrels|members|votes"
    r"|employees|points|miles|feet|meters|kilometers|acres|delegates|students|homes|deaths"
    r"|killed|dead|civilians|refugees|prisoners|yards|pounds|dollars|euros|yen|hp|cc)\b",
    re.IGNORECASE,
)


_COUNT_HEDGE_BEFORE = re.compile(
    r"\b(?:(?:more|fewer|less)\s+than|at\s+least|nearly|almost|roughly|some)\s+$", re.I
)
_YEAR_NAMED_BODY = re.compile(r"\s+(?-i:Committee|Club|Group|Society|Street|Avenue|Road|Square)\b")


def _h_shortyear(st: _State, m: re.Match[str]) -> Result:
    yy = int(m.group("yy"))
    if st.dct is None:
        return ("DATE", f"XX{yy:02d}")
    y = st.dct.year // 100 * 100 + yy
    return ("DATE", str(y - 100 if y > st.dct.year else y))  # the latest such year by then


def _h_fyear(st: _State, m: re.Match[str]) -> Result:
    fy = m.group("fy")
    if m.group("fy2") is not None and int(m.group("fy2")) != (int(fy) + 1) % 100:
        return None  # "FY2013-15" is no one fiscal year
    if len(fy) == 4:
        return ("DATE", fy)
    if st.dct is None:
        return ("DATE", f"XX{fy}")
    # "FY13" in 2012 is the coming fiscal year: the one of the two-digit year nearest the DCT
    y = st.dct.year // 100 * 100 + int(fy)
    return ("DATE", str(min((y - 100, y, y + 100), key=lambda c: abs(c - st.dct.year))))


def _h_year(st: _State, m: re.Match[str]) -> Result:
    if _YEAR_NAMED_BODY.match(st.text, m.end()):
        return None  # "the 1922 Committee", "the 1900 Club": names, not years
    y = int(m.group("year"))
    if m.group("yy2") is not None and int(m.group("yy2")) != (y + 1) % 100:
        return None  # "the 1980-88 war" is two years, not one that runs into the next
    if _YEAR_NOUN_AFTER.match(st.text, m.end()):
        return None
    span_from = re.search(r"\b((?:19|20)\d\d)[-–]$", st.text[max(0, m.start() - 5) : m.start()])
    span_to = re.match(r"[-–]((?:19|20)\d\d)\b", st.text[m.end() : m.end() + 5])
    if (span_from and not 0 < y - int(span_from.group(1)) <= 50) or (
        span_to and not 0 < int(span_to.group(1)) - y <= 50
    ):
        return None  # "1600-1800": no span of years
    if not m.group("fy") and not m.group("mod") and not m.group("modof"):
        before = st.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(
            r"(?:no\.|number|nos\.|#|rule|article|section|flight|route|page|resolution"
            r"|highway|room|chapter|form|bill|law|decree|order)\s*$",
            before,
        ):
            # ("Security Council Resolution 1929", "Decree 2014": numbers of documents)
            return None
        if y < 1900 and _prev_word(st.text, m.start()) not in (
            "in",
            "since",
            "of",
            "from",
            "by",
            "between",  # "built between 1896 and 1901"
        ):
            return None
        if (hedge := _COUNT_HEDGE_BEFORE.search(st.text, max(0, m.start() - 40), m.start())) and (
            _prev_word(st.text, hedge.start()) not in ("in", "since", "of", "from", "by", "until")
        ):
            return None  # "More than 2000 Army Reserve Soldiers": a count, not a year
    modof = re.sub(r"\s+", " ", (m.group("modof") or "").lower())
    if modof in ("first half", "second half"):
        return ("DATE", f"{y}-H{1 if modof == 'first half' else 2}")  # the first half of 2016
    return ("DATE", str(y))


_YEAR_AS_SUBJECT = re.compile(r"\s+(?:was|is|will\s+be|has\s+been|saw|brought|marked)\b", re.I)


def _h_spokenyear(st: _State, m: re.Match[str]) -> Result:
    y = _spoken_year(m.group("sy"))
    if y is None:
        return None
    if (
        m.group("sy").lower().startswith(("two thousand", "twenty"))
        and not re.match(r"the\s+year", m.group(0), re.IGNORECASE)
        and _prev_word(st.text, m.start()) not in ("in", "since", "of", "by", "until", "year")
        # "agreed on two thousand thirteen as the end date" (a year with its units only)
        and not (
            _prev_word(st.text, m.start()) == "on"
            and re.search(r"thousand(?:\s+and)?[\s-]+\w+$", m.group("sy"), re.I)
        )
        # "Two thousand five was a year with several developments"
        and not (
            _at_sentence_start(st.text, m.start()) and _YEAR_AS_SUBJECT.match(st.text, m.end())
        )
    ):
        return None  # "two thousand troops", "twenty-twenty vision"
    return ("DATE", str(y))


def _h_decade(st: _State, m: re.Match[str]) -> Result:
    if m.group("d5"):
        # the century of the decade it is paired with ("the 1960s and 70s")
        paired = re.search(
            r"(\d\d)\d0s\s(?:and|to)\s$", st.text[max(0, m.start() - 12) : m.start()]
        )
        return ("DATE", f"{paired.group(1)}{m.group('d5')}") if paired else None
    short = m.group("d2") or m.group("d3") or m.group("d4") or m.group("d6")
    if short is not None:
        century = "19"
        d = short
        if st.dct is not None and st.dct.year >= 2000 and int(d) <= (st.dct.year % 100) // 10:
            century = "20"
        return ("DATE", f"{century}{d}")
    return ("DATE", f"{m.group('cd')}{m.group('d')}")


_DECADE_WORDS = {
    "twenties": "2",
    "thirties": "3",
    "forties": "4",
    "fifties": "5",
    "sixties": "6",
    "seventies": "7",
    "eighties": "8",
    "nineties": "9",
}


def _h_decadeword(st: _State, m: re.Match[str]) -> Result:
    return ("DATE", "19" + _DECADE_WORDS[m.group("w").lower()])


def _h_century(st: _State, m: re.Match[str]) -> Result:
    n = _ordinal(m.group("ord"))
    if n is None or not 1 <= n <= 22:
        return None
    return ("DATE", f"{n - 1:02d}")


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


_QUARTER_ENDED = re.compile(
    rf"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?P<mon>{MONTH_RE})\s*(?P<day>\d{{1,2}})"
    rf"(?:,?\s*(?P<year>{_YEAR4}))?",
    re.IGNORECASE,
)


def _set_ref_quarter(st: _State, y: int, q: int) -> None:
    """Make (y, q) the quarter "the year-ago period" / "a year earlier" compare with.

    Only a quarter already over at the DCT can be a reported one: "losses through the third
    quarter of 1990" or "the impact on fourth-quarter results" (a forecast) do not move it.
    Of the finished ones, the latest mentioned is the report's subject: "after a flat second
    quarter" in a third-quarter report is background.
    """
    if st.dct is not None and (y, q) >= (st.dct.year, _quarter(st.dct)):
        return
    if st.ref_quarter is None or (y, q) > st.ref_quarter:
        st.ref_quarter = (y, q)


# a match's quarters and halves are not the year's
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field\s+goal|quarterback|half-?time|scored|penalty|innings?"
    r"|kick(?:ed|off)?|intercept(?:ed|ions?)|yards?|injury|injured|the\s+(?:match|game)|coach|striker"
    r"|midfielder|defender|goalkeeper|referee|whistle|rebounds|free\s+throws?|substituted"
    r"|limped\s+off|sent\s+off|equali[sz]er)\b",
    re.IGNORECASE,
)


_DETERMINER_AND_ADJECTIVE = re.compile(r"\b(?:the|its|their|our|a)\s+(?-i:[a-z]+)\s+$", re.I)


def _h_monthquarter(st: _State, m: re.Match[str]) -> Result:
    last = _month_of(m.group("last"))
    if not m.group("first") and not (
        m.group("unit")
        and (
            m.group(0).lower().startswith("the")
            # "the strongest March quarter in our history"
            or (
                m.group("unit").lower() == "quarter"
                and _DETERMINER_AND_ADJECTIVE.search(st.text, max(0, m.start() - 30), m.start())
            )
        )
    ):
        return None  # a month alone; "the September quarter" is the one ending in it
    first = _month_of(m.group("first")) if m.group("first") else last - 2
    if last != first + 2:
        return None  # "July-December" is a half, not a quarter
    if not m.group("unit") and not m.group(0).lower().startswith("the"):
        return None  # "covers January-March 2015" is tagged as the two months of its range
    q = (first + 2) // 3
    if m.group("year"):
        y: int | None = int(m.group("year"))
    else:
        y = _nearest_year(st, last, 28, m.start(), m.end())
    if y is None:
        return ("DATE", f"XXXX-Q{q}")
    _set_ref_quarter(st, y, q)
    return ("DATE", f"{y}-Q{q}")


_SO_FAR_BEFORE = re.compile(r"\bso\s+far\s+$", re.IGNORECASE)


# what a company or a statistics office reports for a quarter: "fourth-quarter results",
# "GDP figures for the fourth quarter"
_REPORT_NOUNS = (
    r"(?:results?|earnings|profits?|loss(?:es)?|sales|revenues?|figures|numbers|data|report"
    r"|gross\s+domestic\s+product|GDP|growth|reading|estimate)"
)
_REPORT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _REPORT_NOUNS + r"\b", re.I)
_REPORT_BEFORE = re.compile(_REPORT_NOUNS + r"\s+(?:for|on|in)\s+(?:the\s+)?$", re.I)


def _reported_quarter(text: str, start: int, end: int) -> bool:
    """Whether the quarter is named as the one whose results are (to be) reported."""
    return bool(
        _REPORT_AFTER.match(text, end) or _REPORT_BEFORE.search(text, max(0, start - 60), start)
    )


def _h_quarter(st: _State, m: re.Match[str]) -> Result:
    unit = m.group("unit").lower()
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").lower()).strip()
    the = (m.group("the") or "").lower()
    ordw = (m.group("ord") or "").lower()
    tail = re.sub(r"\s+", " ", (m.group("tail") or "").lower()).strip()
    year_m = re.search(r"(?:19|20)\d\d", f"{the} {adj}")
    year = int(m.group("yr2")) if m.group("yr2") else (int(year_m.group(0)) if year_m else None)
    yearago = any(k in adj for k in ("year-earlier", "year-ago", "year earlier", "year ago"))
    yearago = yearago or tail in ("a year ago", "a year earlier") or "last year" in the
    yearago = yearago or "last year" in tail
    nextyear = "next year" in the or "next year" in tail
    period_adj = ("comparable", "corresponding", "latest", "recent")
    if unit == "period" and not (yearago or year or any(k in adj for k in period_adj)):
        return None
    if (
        unit == "half"
        and ordw not in ("first", "second", "1st", "2nd", "last", "final", "latter")
        and not adj.startswith(("first", "second", "last", "final"))
    ):
        return None
    if not (the or adj or ordw or year):
        return None
    if ordw == "latter" and unit != "half":
        return None  # ("the latter half" is the second; a quarter has no latter one)
    if unit == "quarter" and not ordw and not adj and the in ("its", "their"):
        return None
    if (
        not year
        and not yearago
        and not nextyear
        and _GAME_WORDS.search(st.text, max(0, m.start() - 200), m.end() + 200)
        and _GAME_WORDS.search(
            _sentence_before(st.text, m.start()) + _sentence_after(st.text, m.end())
        )
    ):
        return None  # "intercepted twice in the fourth quarter", "left in the first half"
    st.fin_quarter = True
    dct = st.dct
    # which quarter / half
    if unit == "half":
        h = 1 if ordw in ("first", "1st") or adj.startswith("first") else 2
        if year is None and not (yearago or nextyear):
            year = _year_of_the_period_just_named(st, m.start(), "H")
        if year is None:
            if dct is None:
                return ("DATE", f"XXXX-H{h}")
            year = dct.year - (1 if yearago else 0) + (1 if nextyear else 0)
            named_year = re.search(r"\b(?:this|last|next)\s+year", f"{the} {tail}")
            if h == 2 and dct.month <= 6 and st.tense(m.start(), m.end()) < 0 and not named_year:
                year -= 1  # "the second half" reported in the spring is last year's
        return ("DATE", f"{year}-H{h}")
    q: int | None = _ORD_Q.get(ordw)
    if (
        q is None
        and unit == "quarter"
        and year is not None
        and re.search(r"\b(?:last|final)\b", f"{ordw} {adj}")
    ):
        q = 4  # "the last quarter of 2011": its fourth, not the one before the reported one
    if q is None and unit in ("quarter", "period"):
        # "the quarter", "the latest quarter", "the year-ago period": the one being discussed
        if "next" in adj or "coming" in adj:
            if dct is None:
                return ("DATE", "XXXX-QX")
            base = (dct.year, _quarter(dct))
            y, qq = base[0], base[1] + 1
            if qq > 4:
                y, qq = y + 1, 1
            return ("DATE", f"{y}-Q{qq}")
        ended = _QUARTER_ENDED.match(st.text, m.end())
        if ended is not None and unit == "quarter":
            # "the quarter ended Sept. 30": the (calendar) quarter holding that day
            mon = _month_of(ended.group("mon"))
            y = int(ended.group("year")) if ended.group("year") else None
            if y is None:
                y = _nearest_year(st, mon, int(ended.group("day")), m.start(), m.end())
            if y is None:
                return ("DATE", f"XXXX-Q{(mon - 1) // 3 + 1}")
            y -= 1 if yearago else 0
            if not yearago:
                _set_ref_quarter(st, y, (mon - 1) // 3 + 1)
            return ("DATE", f"{y}-Q{(mon - 1) // 3 + 1}")
        if "current" in adj or _SO_FAR_BEFORE.search(st.text, max(0, m.start() - 10), m.start()):
            # "the current quarter" is the one the report is written in, whatever quarter the
            # story has been reporting on; so is "so far this quarter"
            if dct is None:
                return ("DATE", "XXXX-QX")
            return ("DATE", f"{dct.year}-Q{_quarter(dct)}")
        if (
            unit == "period"
            and yearago
            and st.period
            and st.period[5:6] in ("H", *"01")
            and 0 <= m.start() - st.period_end < 150
            and not _sent_end_search(st.text, st.period_end, m.start())
        ):
            # "profits of £38m in the first half, up from £26m in the same period last year":
            # the half (or month) just named, a year before
            return ("DATE", f"{int(st.period[:4]) - 1}{st.period[4:]}")
        if st.ref_quarter is not None:
            y, qq = st.ref_quarter
            if re.search(r"\b(?:previous|prior)\b", adj) and not yearago:
                # "up 4 percent from the previous quarter": the one before the reported one
                y, qq = (y, qq - 1) if qq > 1 else (y - 1, 4)
        elif (
            unit == "period"
            and yearago
            and dct is not None
            and _THIS_YEAR_SO_FAR.search(_sentence_before(st.text, m.start()))
        ):
            # "in the first 10 months of this year, up 20 percent from the same period last
            # year": no quarter is being discussed, so as precise as the year
            return ("DATE", str(dct.year - 1))
        elif dct is not None:
            y, qq = dct.year, _quarter(dct) - 1
            if qq == 0:
                y, qq = y - 1, 4
        else:
            return ("DATE", "XXXX-QX")
        if yearago:
            y -= 1
        if year is not None:
            if unit == "period" and st.ref_quarter is None:
                return ("DATE", str(year))  # "the 2006 period": no quarter is being discussed
            y = year
        return ("DATE", f"{y}-Q{qq}")
    if q is None:
        return None
    if year is None and _HABITUAL_AFTER.match(st.text, m.end()):
        return ("DATE", f"XXXX-Q{q}")  # "the fourth quarter is usually softer": any year's
    if year is None and not (yearago or nextyear or "year" in the):
        year = _year_of_the_period_just_named(st, m.start(), "Q")
    if year is None:
        if dct is None:
            return ("DATE", f"XXXX-Q{q}")
        year = dct.year
        cur = _quarter(dct)
        past = st.tense(m.start(), m.end()) <= 0 and not nextyear
        named_year = re.search(r"\b(?:this|last|next)\s+year", f"{the} {tail}")
        reported = q == 4 and cur == 1 and _reported_quarter(st.text, m.start(), m.end())
        if q > cur and (past or reported) and (q - cur >= 2 or cur == 1) and not named_year:
            # a finished quarter later in the year than the DCT: Q4 reported in Feb, also when
            # its results are still to come ("will report fourth-quarter results on Thursday")
            year -= 1
        elif q < cur - 1 and st.tense(m.start(), m.end()) > 0 and not named_year and not yearago:
            # "could run into the second quarter", said in October: next year's (the quarter
            # just ended is still talked of in the present: "reserves for the third quarter")
            year += 1
        if yearago:
            year -= 1
        if nextyear:
            year += 1
        if "last" in the and "year" in the:
            year = dct.year - 1
    if not yearago:
        _set_ref_quarter(st, year, q)
    return ("DATE", f"{year}-Q{q}")


def _year_of_the_period_just_named(st: _State, start: int, unit: str) -> int | None:
    """The year of a quarter or half ("Q" or "H") named with its year earlier in the sentence:
    "rose in the first quarter of 2015 and fell in the second quarter", "H1 2016 ... the
    second half" are 2015's and 2016's, not the DCT's."""
    period = re.fullmatch(rf"(\d{{4}})-{unit}[1-4]", st.period or "")
    if period is None or not 0 <= start - st.period_end < 150:
        return None
    if _sent_end_search(st.text, st.period_end, start):
        return None
    # (its year written, "of 2015", "of next year": "the quarter" or "the year-earlier
    # quarter" is the one being reported on, whose neighbours are not its year's)
    if not _ENDS_WITH_ITS_YEAR.search(st.text, max(0, st.period_end - 12), st.period_end):
        return None
    return int(period.group(1))


_ENDS_WITH_ITS_YEAR = re.compile(r"(?:\b(?:19|20)\d\d|\byear)$")


def _h_partyear(st: _State, m: re.Match[str]) -> Result:
    n = {"three": 3, "3": 3, "six": 6, "6": 6, "two": 2, "2": 2}[m.group("n").lower()]
    months = n * 3 if m.group("unit").lower() == "quarters" else n
    first = m.group("which").lower() in ("first", "opening")
    if months == 3:
        part = "Q1" if first else "Q4"
    elif months == 6:
        part = "H1" if first else "H2"
    else:
        return None  # "the last two months of 2008": a stretch with no calendar name
    return ("DATE", f"{m.group('yr')}-{part}")


def _h_sametime(st: _State, m: re.Match[str]) -> Result:
    if st.dct is None:
        return ("DATE", "XXXX-XX")
    y = st.dct.year + (-1 if m.group("rel").lower() == "last" else 1)
    return ("DATE", f"{y}-{st.dct.month:02d}")


def _h_nthday(st: _State, m: re.Match[str]) -> Result:
    anchor = st.ref or st.dct
    return ("DATE", "XXXX-XX-XX" if anchor is None else _fmt_day(anchor))


def _h_qnum(st: _State, m: re.Match[str]) -> Result:
    y = m.group("yr") or m.group("yr2")
    if m.group("yy"):
        yy = int(m.group("yy"))  # "3Q17", "Q3'98"
        y = str(yy + (1900 if yy > 30 else 2000))
    if m.group("q"):
        part = "Q" + m.group("q")  # "Q3", "Q3 2017", "2017 Q3"
    elif y is None or m.group("yr"):
        return None  # "3Q" or "H1" alone (a rating, a visa), "2017 3Q" (no one's)
    else:
        part = "Q" + m.group("q2") if m.group("q2") else "H" + (m.group("h") or m.group("h2"))
    if y is None:  # "Q3" alone: the DCT's year's
        return ("DATE", f"XXXX-{part}" if st.dct is None else f"{st.dct.year}-{part}")
    return ("DATE", f"{y}-{part}")


# a season named without a preposition is one all the same after a possessive or a
# superlative ("parliament's summer recess", "the wettest winter") and before the nouns of a
# season's events ("a summer rate hike", "traders take summer vacations")
_SEASON_AS_TIME_BEFORE = re.compile(r"(?:['’]s|\bits|\btheir|\b\w\w\w+est)\s+$", re.I)
# ... but "fall" after them is mostly a decline ("its biggest fall since 2001", "the market's
# fall"); as a season it needs the weather's superlatives ("the wettest fall on record")
_FALL_AS_SEASON_BEFORE = re.compile(
    r"\b(?:hott|warm|cold|cool|mild|wett|dri|raini|snowi|sunni|stormi|windi|dark)est\s+$", re.I
)


def _season_after_possessive_or_superlative(st: _State, m: re.Match[str]) -> bool:
    start = max(0, m.start() - 24)
    if not _SEASON_AS_TIME_BEFORE.search(st.text, start, m.start()):
        return False
    if m.group("season").lower() != "fall":
        return True
    return _FALL_AS_SEASON_BEFORE.search(st.text, start, m.start()) is not None


# "during the coming autumn and winter", "in the summer or autumn": the second of two seasons
# what "the fall" and "the spring" follow as seasons ("in the fall", "much of the fall",
# "at least until the fall")
_SEASON_PREPOSITIONS = frozenset(
    [
        "in",
        "into",
        "through",
        "throughout",
        "until",
        "till",
        "by",
        "during",
        "for",
        "of",
        "since",
        "over",
        "from",
        "to",
        "before",
        "after",
        "around",
    ]
)
_PHRASE_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but)\b", re.I)
_SEASON_AND_BEFORE = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+(?:and|or)\s+$", re.I)
_PRE_SEASON_AFTER = re.compile(r"\s+(?:training|camps?)\b", re.IGNORECASE)
# "a difficult spring too", "an unusually harsh winter.", "a long summer of escalation",
# "waiting all summer for this", "drags on into winter": the season itself (of the DCT's
# year), not a season's kind of thing ("a winter coat", "Chinese winter athletes")
_SEASON_AS_A_STRETCH_BEFORE = re.compile(
    r"(?:\b(?:an?)\s+(?:(?-i:[a-z]+),?\s+){1,3}|\b(?:all|into)\s+)"
    r"(?<!\bone\s)(?<!\bsome\s)(?<!\beach\s)(?<!\bevery\s)$",
    re.IGNORECASE,
)
_SEASON_AS_A_STRETCH = re.compile(
    r"\s*(?:[.,;:!?\"”’)]|$)|\s+(?:of|for|too|in|and|or|could|would|will|may|might|has|had"
    r"|have|was|is|that|when|as|to|on|at|ahead|approaching)\b",
    re.IGNORECASE,
)
_SEASON_ARRIVING_AFTER = re.compile(
    r"\s+(?:(?:is|was)\s+)?(?:fast\s+)?(?:approach(?:ing|es)|coming|looming|nearing|nears"
    r"|sets?\s+in|setting\s+in|arriv(?:es|ing)|closing\s+in)\b",
    re.IGNORECASE,
)
# a verb of saying or thinking before "that": the conjunction ("warn that winter is coming")
_CONJUNCTION_THAT_BEFORE = re.compile(
    r"\b(?:warn(?:s|ed)?|say(?:s)?|said|fear(?:s|ed)?|believe(?:s|d)?|know(?:s)?|knew|hope(?:s|d)?"
    r"|expect(?:s|ed)?|think(?:s)?|thought|predict(?:s|ed)?|note(?:s|d)?|insist(?:s|ed)?"
    r"|argue(?:s|d)?|worr(?:y|ies|ied)|suggest(?:s|ed)?|show(?:s|ed)?|mean(?:s|t)?)\s+$",
    re.IGNORECASE,
)
_SEASON_NOUN_AFTER = re.compile(
    r"\s+(?:recess|holidays?|vacations?|break|schedules?|timetables?|programmes?|programs?"
    r"|(?:rate\s+)?hikes?|offensive|campaign|session|term|sales|capacity|storms?|floods?"
    r"|monsoon|harvest|months|solstice|transfer\s+window"
    r"|flu\s+season|chill|capital|olympics|games|collection|catalogue|catalog"
    r"|vomiting\s+bug|bug|virus|flu|illness|sickness|outbreaks?)\b",
    re.I,
)


_SEASON_PAIR_TAIL = re.compile(
    rf"\s*(?:and|or|to|through|into|-|–)\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?"
    rf"(?P<season>{SEASON_RE})\s+(?:of\s+)?(?P<year>{_YEAR4})\b",
    re.IGNORECASE,
)


def _h_season(st: _State, m: re.Match[str]) -> Result:
    if (
        m.group("season")[0].isupper()
        and not m.group("season").isupper()  # (a headline in capitals: "2002 SUMMER HOT")
        and re.match(r"\s+(?!I\b)[A-Z]", st.text[m.end() : m.end() + 3])
    ):
        return None  # a name: "the Winter Olympics", "the Mid-Autumn Festival"
    if m.group("pyear"):
        return ("DATE", f"{m.group('pyear')}-{SEASONS[m.group('season').lower()]}")
    if (
        m.group("season")[0].isupper()
        and not m.group("rel")
        and not m.group("mod")
        and not _at_sentence_start(st.text, m.start("season"))
    ):
        return None  # "Beech Grove in Autumn": a title's word (news writes seasons small)
    s = SEASONS[m.group("season").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel in ("the coming", "the past"):
        rel = rel[4:]
    if rel == "that same":
        rel = "that"
    if rel == "that" and _CONJUNCTION_THAT_BEFORE.search(
        st.text, max(0, m.start() - 30), m.start()
    ):
        return None  # "aid groups warn that winter is coming": the conjunction, not "that winter"
    if rel == "all":
        # "waiting all summer for this" (TimeML takes "all" in), not "all winter coats"
        if not _SEASON_AS_A_STRETCH.match(st.text, m.end()):
            return None
        rel = "whole"
    if m.group("sy") and _spoken_year(m.group("sy")):
        return ("DATE", f"{_spoken_year(m.group('sy'))}-{s}")
    if m.group("year"):
        return ("DATE", f"{m.group('year')}-{s}")
    pair = _SEASON_PAIR_TAIL.match(st.text, m.end())
    if pair and rel in ("the", "", "early", "late", "mid"):
        # "in the spring and summer of 2013": the year is both seasons' (a winter before a
        # later season is the one that began the year before)
        y = int(pair.group("year"))
        if s == "WI" and SEASONS[pair.group("season").lower()] != "WI":
            y -= 1
        return ("DATE", f"{y}-{s}")
    if m.group("ry") and rel in ("the", "", "early", "late", "mid"):
        # "fall" and "spring" need to read as seasons: "the fall of last year", "in spring
        # next year" (not "a fall last year", "prices saw a spring last year")
        as_season = (
            m.group("season").lower() not in ("fall", "spring")
            or (rel == "the" and m.group("ry").split()[0].lower() == "of")
            or _prev_word(st.text, m.start()) in ("in", "during", "by", "until", "since", "of")
        )
        if as_season:
            y = _rel_year(st, m.group("ry"), m.start())
            return ("DATE", f"{y}-{s}" if y is not None else f"XXXX-{s}")
    if (
        not rel
        and not m.group("mod")
        and not _season_after_possessive_or_superlative(st, m)
        and not _SEASON_NOUN_AFTER.match(st.text, m.end())
    ):
        stretch = _SEASON_AS_A_STRETCH_BEFORE.search(
            st.text, max(0, m.start() - 40), m.start()
        ) and _SEASON_AS_A_STRETCH.match(st.text, m.end())
        if (
            not _SEASON_AND_BEFORE.search(st.text, max(0, m.start() - 20), m.start())
            and not stretch
            # "with winter approaching", "as winter sets in": the season coming on
            and not _SEASON_ARRIVING_AFTER.match(st.text, m.end())
        ) and _prev_word(st.text, m.start()) not in (
            "in",
            "during",
            "since",
            "by",
            "until",
            "through",
            "over",
            "this",
            "last",
            "next",
            "of",
            "before",
            "after",
        ):
            return None
        # "fall" and "spring" are mostly other words; as seasons they follow a preposition
        if (
            m.group("season").lower() in ("fall", "spring")
            and _prev_word(st.text, m.start()) not in ("in", "during", "by", "until", "since")
            and not (stretch and m.group("season").lower() == "spring")
            and not _SEASON_AND_BEFORE.search(st.text, max(0, m.start() - 20), m.start())
        ):
            return None
    if rel == "the" and _SEASON_NOUN_AFTER.match(st.text, m.end()):
        return None  # "the winter transfer window", "the summer capital": a kind of thing
    if not rel and not m.group("year") and _PRE_SEASON_AFTER.match(st.text, m.end()):
        return None  # "in spring training", "at winter camp": a sport's pre-season
    if rel == "the" and m.group("season").lower() in ("fall", "spring"):
        nxt = re.match(r"\s+(of|in)\b", st.text[m.end() : m.end() + 8], re.IGNORECASE)
        if nxt and not re.match(r"\s+of\s+\d", st.text[m.end() : m.end() + 8]):
            return None  # "the fall of the Berlin Wall", "the spring in the mattress"
        if (
            not m.group("year")
            and _prev_word(st.text, m.start()) not in _SEASON_PREPOSITIONS
            and _PHRASE_ENDS.match(st.text, m.end())
        ):
            return None  # "his brother witnessed the fall and", "survived the fall.": no season
    if st.dct is None or (
        rel in ("the", "", "whole")
        and _HABITUAL_BEFORE.search(_sentence_before(st.text, m.start())[-60:])
    ):
        return ("DATE", f"XXXX-{s}")  # "IPO activity typically slows in the summer"
    d = st.dct
    if rel in ("next", "last", "this") and (dated := _quoted_speech_date(st, m.start())):
        # "In a 1961 letter she promised to come home 'next summer'": from when it was written
        d = dated[0] if dated[1] != "Y" else date(dated[0].year, 7, 1)
    order = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
    y = d.year
    # winter is named by the year it begins in (December): February 2014 is in 2013-WI
    this_winter = d.year if d.month == 12 else d.year - 1 if d.month <= 2 else None
    if rel in ("last", "past", "this past"):
        # the most recent one that is over: "last summer" written in July is last year's,
        # "last spring" written in December this year's (annotators split on the autumn:
        # "a strike that began last spring", written in October, was given the year before)
        ended = {"SP": 5, "SU": 8, "FA": 11}.get(s)
        if s == "WI":
            y = this_winter - 1 if this_winter is not None else d.year - 1
        else:
            y = d.year if d.month > ended else d.year - 1
    elif rel == "this" and s == "WI" and this_winter is not None:
        y = this_winter
    elif rel in ("next", "coming", "this coming"):
        # written on Sept. 21, "the coming autumn" is the one beginning now
        y = d.year if order >= d.month else d.year + 1
    elif rel == "that":
        # "That spring, conservators moved...": the season of the year the narrative is at
        y = st.ref_year if st.ref_year is not None else d.year
    elif rel in ("the previous", "the preceding", "the following", "the next"):
        # "handed over the previous summer", "flown to a lab the following spring": the one
        # before or after the day the story is at
        at = _story_point(st) or d
        ahead = rel in ("the following", "the next")
        if s == "WI":
            # a winter is named by the year it begins in: the one under way in February 2003
            # began in 2002
            current = at.year if at.month == 12 else at.year - 1 if at.month <= 2 else None
            if current is not None:
                y = current + (1 if ahead else -1)
            else:
                y = at.year if ahead else at.year - 1
        elif ahead:
            y = at.year if date(at.year, order, 21) > at else at.year + 1
        else:
            y = at.year if date(at.year, order + 2, 28) < at else at.year - 1
    elif rel in ("the", "early", "late", "mid", "", "whole"):
        tense = st.tense(m.start(), m.end())
        if rel == "the" and s == "WI" and this_winter is not None and d.month <= 2 and tense <= 0:
            # written in January, "fighting has continued through the winter" is the one
            # under way, begun last December
            y = this_winter
        elif (
            tense < 0
            and order > d.month + 1
            and not (
                _DEADLINE_NEAR.search(st.text, max(0, m.start() - 12), m.start())
                and not _PAST_PERFECT.search(_sentence_before(st.text, m.start()))
            )
            # "bookings for the summer had picked up", "flotations planned for the autumn",
            # "want a deal done before the summer": a season aimed at, still to come
            and not _SEASON_AIMED_AT.search(st.text, max(0, m.start() - 10), m.start())
        ):
            # a past sentence's season is last year's, but not one aimed at ("hoped to begin
            # tests by the summer", written in February)
            y -= 1
        elif (
            tense > 0
            and order + 2 <= d.month
            and _SEASON_AHEAD_NEAR.search(st.text, max(0, m.start() - 12), m.start())
        ):
            # "delay it until the spring", "stops in Los Angeles in the summer", written in
            # the autumn (not "look like the summer": a comparison with one gone by)
            y += 1
    return ("DATE", f"{y}-{s}")


def _shift(d: date, n: int, letter: str, mult: int) -> date:
    if letter == "D":
        return d + timedelta(days=n)
    if letter == "W":
        return d + timedelta(weeks=n * mult)
    if letter == "M":
        return d + relativedelta(months=n)
    if letter == "Q":
        return d + relativedelta(months=3 * n)
    return d + relativedelta(years=n * mult)


def _fmt_at(d: date, letter: str, mult: int) -> str:
    if letter == "D":
        return _fmt_day(d)
    if letter == "W":
        return _fmt_week(d)
    if letter == "M":
        return f"{d.year}-{d.month:02d}"
    if letter == "Q":
        return f"{d.year}-Q{_quarter(d)}"
    if mult == 10:
        return _fmt_year(d.year)[:3]
    if mult == 100:
        return _fmt_year(d.year)[:2]
    return _fmt_year(d.year)


_COUNTED_FROM = frozenset(("after", "before", "since", "until", "till", "by", "from", "to"))


def _h_quartercentury(st: _State, m: re.Match[str]) -> Result:
    return ("DURATION", "P25Y")


def _h_ortwo(st: _State, m: re.Match[str]) -> Result:
    if m.group("dir"):
        return ("DATE", "PAST_REF")  # "A week or two earlier" (the blind writers and TBAQ)
    # (and "in a year or two" a length, as "in a few years" is: the blind writers have it so,
    # where TBAQ's one is FUTURE_REF)
    return ("DURATION", f"PX{m.group('unit')[0].upper()}")


def _h_ago(st: _State, m: re.Match[str]) -> Result:
    direction = m.group("dir").lower()
    unit = m.group("unit")
    num = _ago_amount(m)
    letter, mult, is_time = _unit_letter(unit)
    if unit.lower() == "second" and m.group("num").lower() in ("a", "an"):
        return None
    if direction in ("before", "after") or (
        m.group("fromwd") and (is_time or _prev_word(st.text, m.start()) in _SPAN_BEFORE)
    ):
        # "two days before the vote": TimeML marks the duration; the signal stays outside
        # ("a strike for 48 hours from Wednesday" too)
        return None
    if num is None:
        if direction in ("ago", "earlier", "previously", "back"):
            return ("DATE", "PAST_REF")
        return ("DATE", "FUTURE_REF")
    if is_time:
        return ("DURATION", _fmt_duration(num, unit))
    n = int(num)
    direction = re.sub(r"\s+", " ", direction)
    sign = 1 if direction.startswith(("later", "from", "hence")) else -1
    from_dct = direction in ("ago", "hence", "back") or direction.startswith("from")
    anchor = st.dct if from_dct else (st.ref or st.dct)
    if anchor is None:
        return ("DATE", "XXXX" if letter == "Y" else "XXXX-XX")
    if letter == "Y" and sign < 0 and anchor.year - n * mult < 1:
        # "a city founded 3,000 years ago": a year before the calendar's first
        return ("DATE", _fmt_year(anchor.year - n * mult))
    if letter == "Y" and mult == 1 and num != n and direction in ("ago", "earlier", "later"):
        # "a year and a half ago": eighteen months, as precise as a month
        d = _shift(anchor, sign * round(num * 12), "M", 1)
        return ("DATE", f"{d.year}-{d.month:02d}")
    if m.group("half"):
        # "half a century ago": fifty years, as precise as a year
        return ("DATE", str(anchor.year + sign * n * mult // 2))
    if m.group("fromwd"):
        # "we're going to win it a week from Tuesday": counted from the coming Tuesday (not
        # "schools close for two weeks from Friday", a length and its start)
        wd_day = _resolve_weekday(anchor, _weekday_of(m.group("fromwd")), 1)
        return ("DATE", _fmt_day(_shift(wd_day, n, letter, mult)))
    if direction in ("from today", "from tonight", "from tomorrow") or m.group("today"):
        # "a week from today", "a year ago today": a day, counted from the DCT's
        start = anchor + timedelta(days=1 if direction == "from tomorrow" else 0)
        day = _fmt_day(_shift(start, sign * n, letter, mult))
        return ("TIME", f"{day}TNI") if direction == "from tonight" else ("DATE", day)
    if m.group("thismonth") and letter == "Y" and direction == "ago":
        return ("DATE", f"{anchor.year - n * mult}-{anchor.month:02d}")
    if (
        letter == "Y"
        and mult == 1
        and n == 1
        and direction in ("earlier", "ago")
        and st.deictic_year is not None
        and st.deictic_year_end > st.period_end
        and 0 <= m.start() - st.deictic_year_end < 150
        and not _sent_end_search(st.text, st.deictic_year_end, m.start())
    ):
        # "112 companies had priced IPOs this year, up from 71 a year earlier": the year
        # before the one just named, even in a story of quarters
        return ("DATE", str(st.deictic_year - 1))
    if (
        letter == "Y"
        and mult == 1
        and n == 1
        and direction in ("earlier", "ago")
        and st.ref_kind == "holiday"
        and st.ref is not None
        and 0 <= m.start() - st.ref_end < 150
        and not _sent_end_search(st.text, st.ref_end, m.start())
    ):
        # "spent $6.3 billion online on Black Friday, up 24 percent from a year earlier": that
        # holiday the year before
        named = list(_HOLIDAY_RX.finditer(st.text, max(0, st.ref_end - 60), st.ref_end))
        # (a holiday a time is counted from is not the one compared: "cut prices after
        # Christmas, a smaller drop than a year earlier")
        if named and _prev_word(st.text, named[-1].start()) not in _COUNTED_FROM:
            before = _holiday_date(named[-1].group("h"), st.ref.year - 1)
            if before is not None:
                return ("DATE", _fmt_day(before))
    if (
        letter == "Y"
        and mult == 1
        and n == 1
        and direction in ("earlier", "ago")
        and st.period
        and 0 <= m.start() - st.period_end < 150
        and not _sent_end_search(st.text, st.period_end, m.start())
        # a month named in the sentence comes before the quarter the report is about
        # ("ridership in June was up 3% from a year earlier"); a quarter does not ("up from
        # the second quarter, though still below the level of a year ago"); nor does a half
        # ("profitable in the fourth quarter of 2013 ..., in the first half, compared with a
        # loss a year earlier")
        and (
            st.period[5:6].isdigit()
            or st.period[5:6] == "H"
            or not (st.fin_quarter and st.ref_quarter is not None)
        )
    ):
        # "68 troops died in November, compared with 84 a year earlier", "the second half of
        # 2009 compared with a year earlier": the same month, quarter or half a year before
        return ("DATE", f"{int(st.period[:4]) - 1}{st.period[4:]}")
    if (
        letter == "Y"
        and mult == 1
        and n == 1
        and st.fin_quarter
        and st.ref_quarter is not None
        and not m.group("totheday")
    ):
        y, q = st.ref_quarter
        return ("DATE", f"{y - 1}-Q{q}")
    if (
        letter == "Y"
        and mult == 1
        and n == 1
        and direction in ("earlier", "ago")
        and st.lead_month
        and _is_lead_month(st.dct, st.lead_month)
        and st.ref_quarter is None
        and not st.fin_quarter
        and not m.group("totheday")
        and _COMPARED_WITH_BEFORE.search(st.text, max(0, m.start() - 14), m.start())
        and not _YEAR_IN.search(_sentence_before(st.text, m.start()))
        and not _in_quotation(st.text, m.start())
    ):
        # "Average hourly earnings rose 3 cents ... up 2.6% from a year earlier", in a report
        # that leads with March: March a year before (not "from $143 million a year earlier"
        # after "in 2016", nor a speaker's "A year ago we were losing 700,000 jobs a month")
        return ("DATE", f"{int(st.lead_month[:4]) - 1}{st.lead_month[4:]}")
    if (
        letter == "Y"
        and direction in ("later", "earlier")
        and st.year_after_day
        and st.ref_year is not None
        # (not from a year named in a paragraph before: "the lowest since May 2001, when the
        # economy was cooling.\n\nEarnings rose 2.5% from a year earlier")
        and "\n" not in st.text[st.year_end : m.start()]
    ):
        # "In 2005 ... a year later": counted from the year the narrative is at
        return ("DATE", _fmt_year(st.ref_year + sign * n * mult))
    d = _shift(anchor, sign * n, letter, mult)
    if m.group("totheday"):
        return ("DATE", _fmt_day(d))
    if letter == "Y" and mult == 10:
        return ("DATE", _fmt_year(d.year)[:3])  # "a decade ago": the decade, as precise as said
    if letter == "Y" and mult == 100:
        return ("DATE", f"{d.year // 100:02d}")  # "a century ago": the century
    if letter == "Y":
        return ("DATE", _fmt_year(d.year))
    if letter == "W" and direction in ("later", "earlier"):
        # "two weeks later, ... and the next day": the story is at that very day, though the
        # expression is only as precise as its week
        st.day_counted_to = d
    return ("DATE", _fmt_at(d, letter, mult))


def _ago_amount(m: re.Match[str]) -> float | None:
    """How many units "N units ago/later" counts ("a minute and a half later": 1.5)."""
    num = _number(m.group("num"))
    return num + 0.5 if num is not None and m.group("and") else num


_UNIT_G = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D"}


_WEEK_ENDED_AFTER = re.compile(
    rf"\s+(?:(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?|to\s+)"
    rf"(?:(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})\b|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH_RE})\b"
    # (or a numeric date, read as the tagger reads one: "05/07/2010", "2010-05-07", "7-May-2010")
    r"|(?=\d))",
    re.I,
)
_NUMERIC_DATE_RXS = {name: rx for name, rx in _COMPILED if name in ("numdate", "isodate")}


def _numeric_day_at(st: _State, pos: int) -> date | None:
    """The day of the numeric date that starts at ``pos``, read as the tagger reads one."""
    for name, handler in (("numdate", _h_numdate), ("isodate", _h_isodate)):
        found = _NUMERIC_DATE_RXS[name].match(st.text, pos)
        try:
            result = handler(st, found) if found is not None else None
        except ValueError:
            result = None  # ("on 2/30": no such day)
        if result is not None:
            return _day_value(result[1])
    return None


def _counted_from_the_last_named(st: _State, g: str, step: int, pos: int) -> str | None:
    """The year or month ``step`` from the "last year" / "last month" named close before
    ``pos`` in its sentence: "last year, up 18% on the year before", "next year and the year
    after", "rose 0.5% last month after a 0.7% gain the month before"."""
    year, month = st.deictic_year, st.deictic_month
    if g == "Y" and year is not None and _named_just_before(st, st.deictic_year_end, pos):
        return str(year + step)
    if g == "M" and month is not None and _named_just_before(st, st.deictic_month_end, pos):
        return _fmt_at(_shift(month, step, "M", 1), "M", 1)
    return None


def _named_just_before(st: _State, end: int, pos: int) -> bool:
    """Whether an expression ending at ``end`` (-1: none yet) was named in ``pos``'s
    sentence, close before it."""
    return end >= 0 and 0 <= pos - end < 80 and not _sent_end_search(st.text, end, pos)


def _h_anaphor(st: _State, m: re.Match[str]) -> Result:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel in ("the", "a", "one") and _WHEN_AFTER_NO_COMMA.match(st.text, m.end()):
        return None  # "the day when ..." is the clause's, not a time of its own; "the
        # following day when shelling resumed" is one ("over the weekend, when advocates
        # rallied" is the weekend, told more of)
    if _CLOCK_JUST_BEFORE.search(st.text, max(0, m.start() - 12), m.start()):
        return None  # "at noon that day": the clock time's day, one expression
    unit = m.group("unit").lower()
    direction = (m.group("dir") or "").lower()
    if direction in ("before", "after", "prior") and re.match(r"\s+[\w$]", st.text[m.end() :]):
        # "the day before authorities issued a warrant", "the day after the attack": relative
        # to an event we cannot date, so not a date of its own (TimeML leaves it untagged)
        return None
    if rel in ("the", "a", "one"):
        if (
            rel == "the"
            and unit == "weekend"
            and not direction
            and _prev_word(st.text, m.start()) in ("over", "during", "through")
        ):
            # "said over the weekend that ...": the "that" opens what was said
            return _weekend(st, m, 0)
        if _next_word(st.text, m.end()) == "that":
            return None  # "the day that he died": a day the clause names, not the narrative's
        if rel == "the" and unit == "weekend" and not direction:
            return _weekend(st, m, 0)
        if (
            rel == "the"
            and unit == "week"
            and not direction
            and (ended := _WEEK_ENDED_AFTER.match(st.text, m.end())) is not None
        ):
            # "claims rose to 248,000 in the week ended May 27", "in the week to 30 January",
            # "the Week Ending 05/07/2010": the week holding that day (its day is tagged on its
            # own, as TBAQ does "the quarter ended Sept. 30")
            if named_month := ended.group("mon") or ended.group("mon2"):
                mon = _month_of(named_month)
                day = int(ended.group("day") or ended.group("day2"))
                y = _nearest_year(st, mon, day, ended.start() + 1, ended.end())
                # ("the week ended Feb. 30": no such day, a ValueError, and no expression)
                return ("DATE", _fmt_week(date(y, mon, day))) if y else ("DATE", "XXXX-WXX")
            if (day_written := _numeric_day_at(st, ended.end())) is not None:
                return ("DATE", _fmt_week(day_written))
        if (
            rel == "the"
            and unit in ("week", "day")
            and not direction
            and _THE_STORYS_PERIOD_BEFORE.search(st.text, max(0, m.start() - 16), m.start())
        ):
            # market wrap-ups: "For the week, the index dropped 3.8%", "up 2% on the week",
            # "runways stayed open throughout the day": the week or day being reported
            at = st.story_day or st.ref or st.dct
            if at is None:
                return ("DATE", "XXXX-WXX" if unit == "week" else "XXXX-XX-XX")
            return ("DATE", _fmt_week(at) if unit == "week" else _fmt_day(at))
        if (
            rel == "the"
            and unit == "night"
            and not direction
            and st.dct is not None
            and _THROUGH_THE_NIGHT_BEFORE.search(st.text, max(0, m.start() - 12), m.start())
        ):
            # "residents were moved to higher ground during the night", "slept through the
            # night": the night the story is at, or, in a report of the day, the one before it
            at = st.ref or st.dct
            if at == st.dct and st.tense(m.start(), m.end()) <= 0:
                at -= timedelta(days=1)
            return ("TIME", f"{_fmt_day(at)}TNI")
        if rel in ("a", "one") and unit == "day" and not direction:
            return (
                ("DATE", "FUTURE_REF")
                if rel == "one" and st.tense(m.start(), m.end()) > 0
                else None
            )
        if not direction:
            return None
        if rel in ("a", "one") and direction in ("before", "after", "prior"):
            return None  # "a day before the vote": duration + signal
    anchor = st.ref or st.dct
    if rel.endswith(("next", "following")) or direction in ("after", "later"):
        step = 1
    elif rel.endswith(("previous", "preceding", "prior")) or direction in (
        "before",
        "earlier",
        "prior",
    ):
        step = -1
    else:
        step = 0  # that day / the same week
    if unit == "weekend" and rel == "that" and st.ref is not None and st.ref != st.dct:
        # "She vanished on March 14, 2003 ... he had spent that weekend fishing": the weekend
        # of the week the story is at
        return ("DATE", _fmt_week(st.ref) + "-WE")
    if unit == "weekend":
        return _weekend(st, m, step)
    g = {"week": "W", "month": "M", "year": "Y"}.get(unit, "D")
    if step and direction and (counted := _counted_from_the_last_named(st, g, step, m.start())):
        return ("DATE", counted)
    if g == "Y" and step == 0 and m.group(0).lower().startswith("that"):
        # "under siege since 2013. That year, ...": the year written last, even where it did
        # not move the story
        written = _year_written_since_the_story_moved(st, m.start())
        if written is not None:
            return ("DATE", str(written))
    if g == "Y" and st.ref_year is not None:
        # "that year", "the following year": the year the narrative last named, which a bare
        # year ("In 2011 ...") sets without setting a day
        return ("DATE", str(st.ref_year + step))
    if g == "M" and st.ref_month is not None:
        anchor = st.ref_month
    pod = PARTS_OF_DAY.get(unit)
    if anchor is None:
        if pod and g == "D":
            return ("TIME", f"XXXX-XX-XXT{pod}")
        return ("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[g])
    d = _shift(anchor, step, g, 1)
    if m.group("yago"):
        if g == "W":
            # the week of the same number (a date a year back can fall in the week before)
            year, week, _ = d.isocalendar()
            return ("DATE", f"{year - 1}-W{min(week, 52):02d}")
        d = _shift(d, -1, "Y", 1)
    val = _fmt_at(d, g, 1)
    if pod and g == "D":
        return ("TIME", f"{val}T{pod}")
    return ("DATE", val)


_THROUGH_THE_NIGHT_BEFORE = re.compile(r"\b(?:during|throughout|through|out)\s+$", re.I)
_THE_STORYS_PERIOD_BEFORE = re.compile(
    r"(?:(?:^|[.!?]\s+|,\s+|\n\s*)[Ff]or|\bon|\bthroughout"
    r"|\b(?:start(?:ed|s|ing)?|end(?:ed|s|ing)?|began|begins|finish(?:ed|es|ing)?"
    r"|clos(?:e|ed|es|ing)))\s+$"
)


# a past perfect, irregular participles too ("had kept", "had held")
_HAD_DONE = re.compile(r"\bhad\s+(?:not\s+|already\s+|been\s+)?(?!to\b)[a-z]+", re.IGNORECASE)


def _weekend(
    st: _State, m: re.Match[str], step: int, this: bool = False, deictic: bool = False
) -> Result:
    # "the weekend" and "next weekend" are deictic (counted from the DCT); "the following
    # weekend" anaphoric
    base = (st.dct or st.ref) if step == 0 or deictic else (st.ref or st.dct)
    if base is None:
        return ("DATE", "XXXX-WXX-WE")
    if step == 0:
        tense = st.tense(m.start(), m.end())
        # the weekend just gone in past-tense news, the coming one otherwise; "this weekend"
        # from Wednesday on is the week's own, a past sentence notwithstanding
        if _BY_NEAR.search(st.text, max(0, m.start() - 9), m.start()):
            # "through the weekend": the nearer one, as for a weekday ("worked through the
            # weekend" on a Monday, "vowed to keep senators in Washington through the weekend"
            # on a Thursday); one still ahead in its sentence is the coming one ("skies should
            # clear by the weekend", written on a Tuesday)
            if (base.isoweekday() <= 3 and tense <= 0) or (
                # "a standoff that had kept negotiators at the Capitol through the weekend":
                # a past perfect's is the one gone by
                tense < 0 and _HAD_DONE.search(_sentence_before(st.text, m.start()))
            ):
                base = base - timedelta(days=7)
        elif tense < 0 and base.isoweekday() < (3 if this else 6):
            base = base - timedelta(days=7)
        elif tense == 0 and base.isoweekday() == 1 and not this:
            # on a Monday, a weekend told with no word for the future is the one just gone
            # ("Second climber to die in national park at the weekend", a headline)
            base = base - timedelta(days=7)
    else:
        base = base + timedelta(weeks=step)
    return ("DATE", _fmt_week(base) + "-WE")


_SPAN_BEFORE = frozenset(("for", "over", "in", "during", "within", "throughout"))


def _in_a_title_case_line(text: str, pos: int) -> bool:
    """Whether pos is in a headline written in title case ("Senate to Reconsider Immigration
    Reform Next Week"), where a capital says nothing of a name."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else None])
    long = [w for w in words if len(w) > 3]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


# "the last week of the campaign", "the last day of its session", "the last year of his
# term": the end of what is named, not the week or year before this one
_OF_WHAT_IT_ENDS = re.compile(
    r"\s+of\s+(?:(?:the|an?|his|her|its|their|our|my|your|this|that|these|those)\s|(?-i:[A-Z]))",
    re.I,
)


def _h_relunit(st: _State, m: re.Match[str]) -> Result:
    if re.search(r"\bthe\s+last\s+\w+$", m.group(0), re.I) and _OF_WHAT_IT_ENDS.match(
        st.text, m.end()
    ):
        return None
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    rel = rel.removeprefix("the ")
    unit = m.group("unit").lower()
    dct = st.dct
    if rel == "new" and unit != "year":
        return None
    if st.text[m.start("rel") : m.end()].istitle() and not _in_a_title_case_line(
        st.text, m.start()
    ):
        return None  # ABC's "This Week": a capital on the unit makes it a title, not a week
    if unit == "day":
        if rel in ("past", "last"):
            return ("DURATION", "P1D")
        return None
    if unit == "fortnight":
        # no calendar unit to point at: "the past fortnight" is the two weeks' length
        return ("DURATION", "P2W") if rel != "new" else None
    if unit == "quarter":
        if dct is None:
            return ("DATE", "XXXX-QX")
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        d = _shift(dct, step, "Q", 1)
        _set_ref_quarter(st, d.year, _quarter(d))
        st.fin_quarter = True
        return ("DATE", f"{d.year}-Q{_quarter(d)}")
    if rel in ("this", "current", "this coming", "this past", "new"):
        step = 0
    elif rel in ("last", "past", "previous"):
        step = -1
    else:
        step = 1
    if re.match(r"the\s+last", m.group(0), re.IGNORECASE) and unit in ("week", "month"):
        step = -1
    if unit == "weekend":
        return _weekend(st, m, step, this=rel == "this", deictic=True)
    if dct is None:
        return (
            "DATE",
            {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX"}.get(
                unit, "XXXX"
            ),
        )
    if rel == "new" and unit == "year":
        step = 0 if dct.month <= 6 else 1
    dated = _quoted_speech_date(st, m.start())
    if dated is not None and (
        unit == "year"
        or (unit == "month" and dated[1] != "Y")
        or (unit == "week" and dated[1] == "D")
    ):
        # "In a letter in 1978 she wrote: 'Next year ...'": counted from when it was written
        dct = dated[0]
    elif (
        unit in ("week", "month", "year")
        and _in_quotation(st.text, m.start())
        and _retold_day_near(st, m.start())
    ):
        dct = st.ref  # '"He said he'd call me next week," DeLuca testified' of a 2002 day
    if unit == "week":
        if step == 0 and dct.isoweekday() == 7 and st.tense(m.start(), m.end()) > 0:
            return ("DATE", _fmt_week(dct + timedelta(days=1)))  # said on a Sunday: the coming one
        return ("DATE", _fmt_week(dct + timedelta(weeks=step)))
    if unit == "month":
        d = dct + relativedelta(months=step)
        return ("DATE", f"{d.year}-{d.month:02d}")
    if unit == "year":
        modof = re.sub(r"\s+", " ", (m.group("modof") or "").lower())
        if modof in ("first half", "second half"):
            # "the second half of this year": a half of the year, not the year
            return ("DATE", f"{dct.year + step}-H{1 if modof == 'first half' else 2}")
        return ("DATE", str(dct.year + step))
    if unit == "decade":
        if rel in ("past", "last") and m.group(0).lower().startswith(("the", "past", "last")):
            return ("DURATION", "P10Y")
        if rel in ("next", "coming") and _prev_word(st.text, m.start()) in _SPAN_BEFORE:
            return ("DURATION", "P10Y")  # "building for the next decade": ten years ahead
        return ("DATE", str(dct.year // 10 + step))
    if unit == "century":
        if rel in ("past", "last"):
            return ("DURATION", "P100Y")
        return ("DATE", f"{dct.year // 100 + step:02d}")
    return None


def _h_twoback(st: _State, m: re.Match[str]) -> Result:
    unit = m.group("unit").lower()
    if st.dct is None:
        return ("DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit])
    step = -2 if m.group("dir").lower().startswith("before") else 2
    if unit == "week":
        return ("DATE", _fmt_week(st.dct + timedelta(weeks=step)))
    if unit == "month":
        d = st.dct + relativedelta(months=step)
        return ("DATE", f"{d.year}-{d.month:02d}")
    return ("DATE", str(st.dct.year + step))


_ASIDE_END = re.compile(r"\s*\([^()]*\)\s*$")
# "begins a week of hearings": a length of something, no rate ("two litres a day of the
# contaminated milk" is one)
_LENGTH_OF_AFTER = re.compile(
    r"\s+of\s+(?!(?:the|its|their|his|her|this|that|these|those|a|an)\b)[a-z]", re.I
)
_SET_PREV = re.compile(
    r"(?:once|twice|thrice|times|\d|percent|%|cents?|dollars?|per|rate\s+of|million|billion"
    r"|\b\w\w\w+(?<!was)(?<!has)(?<!this)(?<!less)(?<!ss)s)\s*$",
    re.IGNORECASE,
)


# "quarters of" a determined thing is a fraction ("three-quarters of its food", "of the
# vote"); "three quarters of an hour", "of the year" and "several quarters of losses" stay
# lengths of time.
_FRACTION_OF = re.compile(
    r"\s+of\s+(?:its|their|his|her|our|your|the|all|a|an|this|that|these|those)\s+"
    rf"(?!(?:\w+\s+)?(?:{UNIT_RE})\b)",
    re.IGNORECASE,
)


# "a night shift", "a night watchman", "a night like this", "a day of mourning", "This is a
# day of huge relief": a kind of day or night (the blind writers leave all 6 untagged; "after
# a day of fierce fighting" is a length, 1 tagged)
_A_KIND_OF_DAY_AFTER = re.compile(
    r"(?<=day|ght)\s+(?:(?:shift|watch(?:man|men)|porter|nurse|guard|bus|train|flight|club)s?\b"
    r"|like\s+(?:this|that)\b"
    r"|of\s+(?:(?:national|huge|great|enormous|immense|mixed)\s+)?(?:mourning|relief|rage"
    r"|action|protest|prayer|celebration|reflection|remembrance|joy|sorrow|anger|solidarity"
    r"|fasting|silence|emotions?)\b)",
    re.I,
)


_BE_BEFORE = re.compile(r"\b(?:is|was|be|been|['’]s)\s+(?:also\s+)?$", re.I)
_KIND_OF_TIME_AFTER = re.compile(r"\s+(?:of|with|for|when|in\s+which|to\s+remember)\b", re.I)


def _h_duration(st: _State, m: re.Match[str]) -> Result:
    unit = m.group("unit")
    numtxt = m.group("num")
    det = (m.group("det") or "").lower()
    rel = (m.group("rel") or "").lower()
    num = _number(numtxt)
    tail = (m.group("tail") or "").lower()
    if num is not None and "half" in tail:
        num += 0.5
    if m.group("halfa") and num is not None:
        num = num / 2  # "half an hour": PT30M
    if numtxt.lower() in ("a", "an") and rel:
        return None  # "in the final a year ago": the adjective is the noun's, not the length's
    if st.text[m.start() - 1 : m.start()] == "-":
        return None  # "85-mile-an-hour winds": a speed
    if unit.lower() == "hours" and military_clock(
        st.text, m.start("num"), m.end("num"), m.end("unit")
    ):
        return None  # "at 0600 hours": a clock time
    if re.fullmatch(r"(?:19|20)\d\d", numtxt) and unit.lower().startswith(("quarter", "month")):
        return None  # "the April - June 2019 quarters": a year before its noun, no 2019 quarters
    if (
        numtxt.lower() in ("a", "an")
        and _BE_BEFORE.search(st.text, max(0, m.start() - 16), m.start())
        and _KIND_OF_TIME_AFTER.match(st.text, m.end())
    ):
        return None  # "2005 was a year with several developments", "Today is a day of relief"
    if numtxt.lower() in ("a", "an") and (
        unit.lower() in ("second", "seconds") or unit.lower().endswith("s")
    ):
        return None  # "a second look"; "a decades-long feud" is the vague "decades-long"
    if unit[0].isupper() and not unit.isupper() and not numtxt[0].isupper():
        return None  # "60 Minutes", "48 Hours": a title, not a length of time
    if numtxt.lower() in ("a", "an", "one") and unit.lower().startswith("quarter") and not rel:
        return None  # "a quarter of the vote"
    if unit.lower().startswith("quarter") and (
        _FRACTION_OF.match(st.text, m.end())
        or re.match(r"-?\s?point\b", st.text[m.end() : m.end() + 7], re.IGNORECASE)
        or (unit.lower() == "quarters" and st.text[m.start("unit") - 1] == "-")
    ):
        # "three-quarters of its food", "orders fell by three-quarters": a fraction of a
        # thing, not of a year; "four quarter-point increases" are steps of a rate
        return None
    if numtxt.lower() in ("some", "many") and not rel and unit.lower()[-1:] != "s":
        return None  # "some day", "many a year"
    if numtxt.lower() in ("a", "one") and _A_KIND_OF_DAY_AFTER.match(st.text, m.end()):
        return None  # "a night watchman", "a day of mourning": a kind of day, not a length
    if m.group("num2"):
        n2 = _number(m.group("num2"))
        if num is not None and n2 is not None and n2 < num:
            return None  # "10 to 1 day"? nonsense range
        num = None if n2 is not None and n2 != num else num
    if numtxt.lower() in ("a", "an") and not rel and not det and not m.group("approx"):
        before = st.text[max(0, m.start() - 40) : m.start()]
        # "235 kilometres (147 miles) an hour": the rate's unit is before the aside
        before = _ASIDE_END.sub("", before)[-20:]
        # (a length of something is no rate: "begins a week of hearings")
        if _SET_PREV.search(before) and not _LENGTH_OF_AFTER.match(st.text, m.end()):
            # "twice a week" is a SET; "$1.76 a year", "700 seats a week" are rates, whose
            # "a year" TimeML annotators mostly leave untagged
            if re.search(r"(?:once|twice|thrice|times)\s*$", before, re.IGNORECASE):
                return ("SET", _fmt_duration(1, unit))
            return None
    # "-old" gives an age ("a 6-year-old"), or how long something has lasted ("the IRA's
    # 8-month-old truce", "a week-old siege")
    is_old = (m.group("adj") or "").lower() == "-old" or re.match(
        r"[\s-]+old\b", st.text[m.end() : m.end() + 6]
    )
    if is_old and unit.lower().startswith(("year", "decade", "centur")):
        return None  # ages ("a 6-year-old") are not temporal expressions in TimeML
    if is_old and numtxt.lower() in ("a", "an"):
        return None  # "a week-old siege": the article is the siege's ("longadj" tags the rest)
    if unit.lower() in ("night", "nights") and num is not None:
        return ("DURATION", f"P{int(num)}D")
    if num is not None and numtxt and re.fullmatch(r"\d+\.\d+", numtxt):
        # "33.7 hours": the amount as written (PT33.7H), not turned into minutes
        letter, mult, is_time = _unit_letter(unit)
        if mult == 1:
            return ("DURATION", f"P{'T' if is_time else ''}{numtxt}{letter}")
    return ("DURATION", _fmt_duration(num, unit))


_CLOCK_JUST_BEFORE = re.compile(r"(?:\bnoon|\bmidnight|\d\s*(?:[ap]\.?m\.?|o'clock))\s+$", re.I)
_AFTER_ANOTHER_LENGTH = re.compile(
    r"\b(?:hours|days|weeks|months|years|decades),?\s+(?:if\s+not|or\s+even|or\s+possibly"
    r"|and\s+possibly|or\s+perhaps|even|not|maybe|perhaps|possibly|or)\s+$",
    re.I,
)
_VAGUE_OK_BEFORE = (
    "for",
    "in",
    "within",
    "over",
    "after",
    "took",
    "take",
    "takes",
    "lasted",
    "last",
    "spent",
    "spend",
    "waited",
    "wait",
    "lasting",
    "than",
)


_DETERMINED_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|my|your|those|these|of|in|within|for|many|some"
    r"|several|few)\s+(?:(?![\w'’-]*(?:ed|s)\s)[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _h_vague(st: _State, m: re.Match[str]) -> Result:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    unit = m.group("unit")
    if m.group("ago"):
        # "years ago", "months ago": some unstated time back, like "several years ago"
        return ("DATE", "PAST_REF") if rel in ("", "recent") else None
    # "followed weeks of talks", "broke months of silence", "ending years of speculation": a
    # stretch of something (not "the busiest travel days of the season")
    stretch_of = (
        not rel
        # ("Minutes of the Fed's meeting" are a record, "three quarters of the vote" a share)
        and unit.lower() not in ("minutes", "quarters")
        and _next_word(st.text, m.end()) == "of"
        and not _DETERMINED_BEFORE.search(st.text, max(0, m.start() - 30), m.start())
    )
    if stretch_of:
        return ("DURATION", _fmt_duration(None, unit))
    if not rel:
        if m.group("adj"):
            return ("DURATION", _fmt_duration(None, unit).replace("PXE", "PXY"))
        prev = _prev_word(st.text, m.start())
        if (
            prev not in _VAGUE_OK_BEFORE
            and not (
                # "bombed Gori hours after the announcement": an unstated length between two
                # happenings ("in the weeks before" is a stretch of dates, left alone)
                _next_word(st.text, m.end()) in ("after", "before", "later", "earlier")
                and prev not in ("the", "those", "these", "of")
            )
            # "could last weeks, if not months", "will take months, maybe years": the
            # second of two lengths weighed against each other
            and not _AFTER_ANOTHER_LENGTH.search(st.text, max(0, m.start() - 30), m.start())
        ):
            return None
        if _next_word(st.text, m.end()) in ("old", "ago"):
            return None
    if rel in ("the early", "the first") and unit.lower() in ("years", "hours"):
        return None  # "the early years of", "the early hours of Monday"
    if (
        _next_word(st.text, m.end()) == "of"
        and rel in ("", "the first")
        and _prev_word(st.text, m.start()) not in ("within", "after", "for")
    ):
        return None  # "days of swelling sales"; "within hours of the ruling" is a length
    if (
        rel in ("recent", "the recent")
        and unit.lower() in ("weeks", "months", "quarters")
        and not re.match(r"\s+(?:and|or)\s+(?:months|years)\b", st.text[m.end() : m.end() + 14])
    ):
        # "in recent weeks / months": annotated as a length reaching back to now (PXW, PXM)
        return ("DURATION", _fmt_duration(None, unit))
    if rel in ("recent", "the recent", "past"):
        return ("DATE", "PAST_REF")  # "in recent years": a vague past time, not a length
    return ("DURATION", _fmt_duration(None, unit))
