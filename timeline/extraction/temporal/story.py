"""Where the story is: how each resolved expression moves the reference time (the day, month
or year the narrative is at) that "the next day", "that year" and bare weekdays resolve
against, and the asides that leave it where it was."""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.temporal.cues import _SAID_NEAR
from timeline.extraction.temporal.handlers_dates import (
    _IN_BEFORE,
    _ON_A_FULL_DATE,
    _PERIOD_AFTER,
    _SCENE_EVENT_BEFORE,
    _SCENE_MONTH_BEFORE,
    _SCENE_YEAR_BEFORE,
    _YEAR_IN,
    _a_year_of_its_own,
)
from timeline.extraction.temporal.state import (
    _MONTH_VALUE,
    _SCENE_DAY_BEFORE,
    _State,
)
from timeline.extraction.temporal.text import _sent_end_search
from timeline.extraction.temporal.values import (
    _DAY_RE,
    _day_value,
)

# values that move the story to a year without naming a day, and the patterns giving them
_YEAR_SETTING = re.compile(r"^(\d{4})(?:-(\d\d)|-(?:SP|SU|FA|WI))?$")
_YEAR_KINDS = frozenset(["year", "month", "monthday", "daymonth", "spokenyear", "season"])


def _update_refs(st: _State, kind: str, typ: str, value: str) -> None:
    """Move the narrative's reference time after an explicit (or DCT-relative) date."""
    if typ not in ("DATE", "TIME"):
        return
    if _DAY_RE.match(value):
        if (day := _day_value(value)) is None:
            return
        st.ref = day
        st.ref_year = st.ref.year
        st.ref_month = st.ref.replace(day=1)
        st.year_after_day = False
        return
    m2 = _YEAR_SETTING.match(value)
    if kind == "relunit" and st.dct is not None and value == str(st.dct.year):
        # "tested in Thailand in 2012 ... filed for approval earlier this year and expected
        # decisions by the end of the year": "this year" brings the story back to the
        # writer's year (taken for "last year" too, it cost TBAQ's tuning part one
        # expression, net)
        st.ref_year = int(value)
        st.year_after_day = True
        return
    if m2 and kind in _YEAR_KINDS:
        st.ref_year = int(m2.group(1))
        st.year_after_day = True
        if m2.group(2) and kind == "month":
            # "In March, ... The following month": month anaphora count from March
            st.ref_month = date(int(m2.group(1)), int(m2.group(2)), 1)


def _writes_its_year(st: _State, kind: str, s: int, e: int) -> bool:
    """Whether the day at [s, e) writes its year ("on 10 June 2014"; a Hijri or solar day its
    own: "on 22 Bahman 1357")."""
    if kind == "numdate" and _TWO_DIGIT_YEAR_IN.search(st.text, s, e):
        return True  # "on 06/12/04", "on 03-22-05"
    year = _CALENDAR_YEAR_IN if kind == "othercal" else _YEAR_IN
    return year.search(st.text, s, e) is not None


_CALENDAR_YEAR_IN = re.compile(r"\b(?:1[0-4]|19|20)\d\d\b")
_TWO_DIGIT_YEAR_IN = re.compile(r"\d[-/]\d{1,2}[-/]\d\d\b")


def _scene_year(st: _State) -> int | None:
    """The year a scene was set in (the one ``_narrative_year`` would carry), if any."""
    if st.year_after_day and st.year_set_as_setting:
        return st.ref_year
    if not st.year_after_day and st.ref is not None and st.ref_set_as_setting:
        return st.ref.year
    return None


_HAD_IN_THE_CLAUSE = re.compile(r"\bhad\s+(?:not\s+|already\s+|been\s+)?\w+\s", re.I)


def _said_on_after_a_day(st: _State, kind: str, start: int) -> bool:
    """Whether the weekday at ``start`` only dates the telling ("officials said Friday") of
    what its sentence dated to another day just before it ("on Thursday")."""
    return (
        kind == "weekday"
        and st.ref is not None
        and st.ref != st.dct
        and _SAID_NEAR.search(st.text, max(0, start - 12), start) is not None
        and 0 < start - st.ref_moved_end < 200
        and _sent_end_search(st.text, st.ref_moved_end, start) is None
    )


def _move_story(st: _State, kind: str, typ: str, value: str, s: int, e: int) -> None:
    """Move the story to the date at [s, e) and note where, and whether it set the scene
    (``_narrative_year`` carries a scene's year to the dates that follow without one)."""
    ref_before = st.ref
    scene_year = _scene_year(st)
    _update_refs(st, kind, typ, value)
    text = st.text
    if not st.named_first and typ in ("DATE", "TIME"):
        # the story's own day is the first it names, not the dateline's ("BAGHDAD, July 1
        # (AFP) - Iraqis celebrated on Tuesday")
        dateline = s < 60 and st.ref == st.dct
        if not dateline:
            st.named_first = True
            st.story_day = st.ref if _DAY_RE.match(value) else None
    if st.lead_month is None and _MONTH_VALUE.match(value):
        st.lead_month = value
    if st.ref is not None and st.ref == ref_before and _DAY_RE.match(value):
        st.ref_end = e  # the same day again ("on Saturday from 10:00"): named just now
    if st.ref != ref_before:
        st.ref_end = st.ref_moved_end = e
        st.ref_kind = kind
        # "On 10 June they overran Mosul": a day that opens its sentence sets the scene; one
        # in passing ("a call, from April 17, 2008, which was played") does not
        st.ref_set_as_setting = bool(
            _SCENE_DAY_BEFORE.search(text, max(0, s - 8), s)
            or (_ON_A_FULL_DATE.search(text, max(0, s - 4), s) and _writes_its_year(st, kind, s, e))
        ) or (
            # "In February 2003 the banks refused ..., and on the morning of February 14 the
            # board met": a day in the past year the scene is set in keeps the scene there
            st.ref is not None
            and scene_year is not None
            and st.ref.year == scene_year
            and st.dct is not None
            and scene_year < st.dct.year
        )
    if re.fullmatch(r"\d{4}-(?:\d\d|Q[1-4]|H[12])", value) and kind != "ago":
        st.period, st.period_end = value, e
    if typ == "DATE" and re.fullmatch(r"\d{3}", value):
        st.decade = value
    if (
        kind == "anaphor"
        and re.fullmatch(r"\d{4}(?:-\d\d)?", value)
        # "That summer Isis massacred ..., and in August the US began airstrikes", "That
        # August, Marines fought ... until a truce on Aug. 26"
        or kind in ("season", "month")
        and re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI|\d\d)", value)
        and text[s : s + 5].lower() == "that "
    ):
        st.anaphor_year, st.anaphor_end = int(value[:4]), e
        st.anaphor_that = text[s : s + 5].lower() == "that "
    if kind == "relunit" and re.fullmatch(r"\d{4}", value):
        st.deictic_year, st.deictic_year_end = int(value), e
    if kind == "relunit" and re.fullmatch(r"\d{4}-\d\d", value):
        st.deictic_month = date(int(value[:4]), int(value[5:7]), 1)
        st.deictic_month_end = e
    if st.year_after_day and _YEAR_SETTING.match(value) and kind in _YEAR_KINDS:
        st.year_end = e
        year_of_its_own = _a_year_of_its_own(text, kind, s, e)
        if year_of_its_own:
            st.came_year_end = e
        st.year_set_as_setting = bool(
            _SCENE_YEAR_BEFORE.search(text, max(0, s - 6), s)
            # "The worst night came in 2003.": a sentence that ends on its year sets the scene
            or (
                kind == "year"
                and _IN_BEFORE.search(text, max(0, s - 4), s)
                and _PERIOD_AFTER.match(text, e)
            )
            # "Then came 2014. Falluja fell in January.": a sentence that only names its year
            or year_of_its_own
            or _SCENE_EVENT_BEFORE.search(text, max(0, s - 40), s)
            if kind != "month"
            else (
                _SCENE_MONTH_BEFORE.search(text, max(0, s - 30), s)
                or _SCENE_EVENT_BEFORE.search(text, max(0, s - 40), s)
            )
        )
