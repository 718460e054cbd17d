"""Find TimeML TIMEX3 expressions in English news text and normalise their values.

How it works, in three passes over one document:

1. *Candidates.* A fixed set of regular expressions (one per kind of expression: explicit dates,
   weekdays, durations, "N units ago", quarters, seasons, times, sets, reference words...) is run
   over the text, but for those a cheap test shows cannot match (``patterns.may_match``: a
   pattern for seasons needs a season's name). Every match is a candidate span.
2. *Spans.* Overlapping candidates are resolved longest-first (then leftmost), so "the past two
   months" beats "two months" and "Friday, Oct. 28" beats "Friday".
3. *Values.* The surviving spans are normalised left to right. Deictic expressions ("yesterday",
   "last week", "Friday") are resolved against the document creation time (DCT); anaphoric ones
   ("the next day", "two days earlier", "that year") against the *reference time*: the last
   explicitly dated day / year / quarter the narrative moved to, as TimeML annotators do. When the
   DCT is unknown, values that depend on it keep X's ("XXXX-09-01") instead of guessing.

Tense decides the direction of bare weekdays and months ("Friday" is the last Friday in a
past-tense sentence and the coming one after "will").

Before the passes the text is read as the patterns are written, one character for one
(``extraction.layout.plain``: plain apostrophes and spaces, a hard-wrapped text's line breaks
as spaces; ``casing``: a line in capitals in small letters), so every offset is one into the
text as given.

This module runs the three passes (``tag``) and maps each pattern to its handler. The rest
of the package, from the bottom up:

- ``lexicon``, ``patterns``: word lists and the candidate patterns;
- ``text``, ``cues``, ``values``: reading sentences and quotations, tense cues, TimeML
  notation;
- ``state``: the DCT, the reference time and what the text has named so far, and the year of
  a month or weekday given without one;
- ``speech``, ``holidays``: days of speaking and quotations; named days;
- ``house_style``: a military clock ("0600 hours") told from a length of time, and whether a
  document writes its numeric dates day first;
- ``calendars``: days of the Hijri and Iranian solar calendars as Gregorian days;
- ``handlers_dates``, ``handlers_days``: one handler per pattern, (state, match) -> (type,
  value) or None;
- ``story``: how each resolved expression moves the reference time;
- ``spans``: extents, ``mod`` and the passes that join or split expressions afterwards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from itertools import groupby

from timeline.extraction.layout import plain
from timeline.extraction.temporal.casing import in_small_letters
from timeline.extraction.temporal.cues import _SAID_NEAR
from timeline.extraction.temporal.handlers_dates import (
    _ago_amount,
    _h_ago,
    _h_anaphor,
    _h_century,
    _h_decade,
    _h_decadeword,
    _h_duration,
    _h_fyear,
    _h_isodate,
    _h_month,
    _h_monthday,
    _h_monthquarter,
    _h_nthday,
    _h_numdate,
    _h_ortwo,
    _h_partyear,
    _h_qnum,
    _h_quarter,
    _h_quartercentury,
    _h_relunit,
    _h_sametime,
    _h_season,
    _h_shortyear,
    _h_spokenyear,
    _h_twoback,
    _h_vague,
    _h_year,
)
from timeline.extraction.temporal.handlers_days import (
    _h_ahead,
    _h_asmany,
    _h_dayofmonth,
    _h_dayref,
    _h_edgehours,
    _h_endof,
    _h_freqset,
    _h_holiday,
    _h_longadj,
    _h_misc,
    _h_namedday,
    _h_nthweek,
    _h_nthweekday,
    _h_othercal,
    _h_playseason,
    _h_podref,
    _h_ref,
    _h_set,
    _h_setword,
    _h_theyear,
    _h_time,
    _h_timepod,
    _h_weekday,
    _h_weekof,
    _h_yearago,
    sighted_day_unpinned,
)
from timeline.extraction.temporal.house_style import numeric_dates_day_first
from timeline.extraction.temporal.patterns import _COMPILED, folded, may_match
from timeline.extraction.temporal.spans import (
    _FREQUENCY_BEFORE,
    _NAMES_A_DAY,
    _TIME_THEN_DATE,
    _appositive_parts,
    _clock_pairs_on_one_day,
    _clock_then_its_weekday,
    _date_zone_twins,
    _day_ranges_with_a_year,
    _join_compound_durations,
    _join_days_and_clocks,
    _military_clocks_before_their_twins,
    _mod,
    _on_day,
    _range_other_day,
    _trim,
    _weekday_ranges,
)
from timeline.extraction.temporal.speech import _retold_day_near
from timeline.extraction.temporal.state import (
    _A_PERIOD_ENDED_NEAR,
    _SINCE_NEAR,
    _SINCE_THE_NEAR,
    _WHEN_AFTER,
    Result,
    _State,
)
from timeline.extraction.temporal.story import (
    _HAD_IN_THE_CLAUSE,
    _move_story,
    _said_on_after_a_day,
)
from timeline.extraction.temporal.text import _clause_before, _in_quotation
from timeline.extraction.temporal.values import (
    _DAY_RE,
    PART_OF_A_DAY,
    _day_value,
    _fmt_day,
    _fmt_duration,
)
from timeline.extraction.types import Timex

_HANDLERS: dict[str, Callable[[_State, re.Match[str]], Result]] = {
    "misc": _h_misc,
    "weekof": _h_weekof,
    "nthweek": _h_nthweek,
    "endof": _h_endof,
    "yearago": _h_yearago,
    "ahead": _h_ahead,
    "longadj": _h_longadj,
    "namedday": _h_namedday,
    "theyear": _h_theyear,
    "holiday": _h_holiday,
    "othercal": _h_othercal,
    "nthweekday": _h_nthweekday,
    "shortyear": _h_shortyear,
    "fyear": _h_fyear,
    "freqset": _h_freqset,
    "playseason": _h_playseason,
    "monthday": _h_monthday,
    "daymonth": _h_monthday,
    "month": _h_month,
    "numdate": _h_numdate,
    "isodate": _h_isodate,
    "year": _h_year,
    "spokenyear": _h_spokenyear,
    "decade": _h_decade,
    "decadeword": _h_decadeword,
    "century": _h_century,
    "quarter": _h_quarter,
    "partyear": _h_partyear,
    "nthday": _h_nthday,
    "sametime": _h_sametime,
    "qnum": _h_qnum,
    "monthquarter": _h_monthquarter,
    "dayofmonth": _h_dayofmonth,
    "season": _h_season,
    "ago": _h_ago,
    "ortwo": _h_ortwo,
    "quartercentury": _h_quartercentury,
    "anaphor": _h_anaphor,
    "twoback": _h_twoback,
    "relunit": _h_relunit,
    "duration": _h_duration,
    "vague": _h_vague,
    "asmany": _h_asmany,
    "edgehours": _h_edgehours,
    "dayref": _h_dayref,
    "podref": _h_podref,
    "weekday": _h_weekday,
    "time": _h_time,
    "timepod": _h_timepod,
    "setword": _h_setword,
    "set": _h_set,
    "ref": _h_ref,
}


def tag(text: str, dct: date | None, *, reports: bool = False) -> list[Timex]:
    """Find the temporal expressions in ``text`` and normalise them (TimeML TIMEX3).

    ``dct`` is the document creation (publication) date that deictic expressions resolve
    against; with ``None`` their values stay underspecified ("XXXX-09-01"). Returns Timex
    objects sorted by start offset, non-overlapping, with ``text[start:end] == timex.text``.

    ``reports=True`` dates reported happenings rather than annotating TimeML: a month or day
    without a year that would fall after the publication, in a sentence with no word putting it
    ahead, is the previous year's. TimeML annotators take the nearest occurrence to the DCT
    within two months ("extended its offer to Nov. 20", "results in mid-November"), and
    scoring against them keeps that convention; an event extractor cannot date a past
    happening after its report.
    """
    as_patterns_read = in_small_letters(plain(text))
    found = _tag(as_patterns_read, dct, reports=reports)
    if as_patterns_read == text:
        return found
    return [replace(t, text=text[t.start : t.end]) for t in found]


def _resolve(st: _State, name: str, m: re.Match[str]) -> Result:
    """The handler's reading of a candidate, or None when its date arithmetic leaves the
    calendar (a count of years back past year 1, or on past 9999; a DCT of year 1): that
    candidate is dropped, not the whole document."""
    try:
        return _HANDLERS[name](st, m)
    except (ValueError, OverflowError):
        return None


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Where no expression runs on: a blank line, or a line break before a capital. (A hard-wrapped
# text's breaks are spaces by now, see layout.unwrap; a line that is left and goes on with a
# capital is a headline, a dateline or a list's item before the next.)
_LINE_END = re.compile(_BLANK_LINE.pattern + r"|\n(?=[^\S\n]*[A-Z])")


def _matches_within_paragraphs(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, except that no match runs across a blank line, or a line break
    before a capital: where one would ("on Tuesday\nLast week": a headline's last word and the
    next line's first), the match is tried again up to the break, and the search goes on
    after it."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        stop = _LINE_END.search(text, m.start(), m.end())
        if stop is None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
            continue
        if (
            short := rx.match(text, m.start(), stop.start())
        ) is not None and short.end() > short.start():
            yield short
        pos = stop.start() + 1  # (the next line starts after the break)


def _tag(text: str, dct: date | None, *, reports: bool) -> list[Timex]:
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    text_folded = folded(text)
    for prio, (name, rx) in enumerate(_COMPILED):
        if not may_match(name, text, text_folded):
            continue
        for m in _matches_within_paragraphs(rx, text):
            s, e = _trim(text, m.start(), m.end(), name)
            if e > s:
                cands.append((s, e, prio, name, m))
    # Longest first, then leftmost, then pattern order. A candidate its handler rejects (on a
    # scratch state) gives way, so the shorter expressions inside it can still be found.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    day_first = numeric_dates_day_first(text)

    def start_state() -> _State:
        """The state at the document's start: at the DCT, nothing named yet."""
        return _State(
            text=text,
            dct=dct,
            ref=dct,
            ref_year=dct.year if dct else None,
            reports=reports,
            numbers_day_first=day_first,
        )

    scratch = start_state()
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    used = bytearray(len(text) + 1)
    for s, e, _prio, name, m in cands:
        if used.find(1, s, e) != -1:
            continue
        if _resolve(scratch, name, m) is None:
            continue
        used[s:e] = b"\x01" * (e - s)
        taken.append((s, e, name, m))
    taken.sort(key=lambda c: c[0])
    st = start_state()
    out: list[Timex] = []
    unpinned_days: set[str] = set()  # the values of Hijri days no weekday pins down
    for s, e, name, m in taken:
        res = _resolve(st, name, m)
        if res is None:
            continue
        typ, value = res
        if not value:
            continue
        # (a clock time's day may come from the weekday after it: "at 7 a.m. that Wednesday")
        if typ == "DATE" and (day := _day_value(value)) is not None:
            st.named_days.append((s, e, day))
        if (
            name == "weekday"
            and st.dct is not None
            and value == _fmt_day(st.dct)
            and _SAID_NEAR.search(text, max(0, s - 12), s)
        ):
            st.told_on_dct = True
        if (
            not (
                _SINCE_NEAR.search(text, max(0, s - 12), s)
                # ("the worst since December 2010, when snow closed Gatwick": the clause
                # that follows tells of that time)
                and not _WHEN_AFTER.match(text, e)
            )
            and not _SINCE_THE_NEAR.search(text, max(0, s - 12), s)
            # "pulled 27 bodies from the river overnight": an aside; the story stays on its day
            and not (name == "timepod" and m.group("overnight"))
            # "kidnapped four Americans on Thursday, officials said Friday": the day of the
            # telling; the story stays on the day of what was told
            and not _said_on_after_a_day(st, name, s)
            # '"I told her we'd be back Tuesday," he says': what a quotation in a retold
            # story names is not where the story goes next
            and not (_in_quotation(text, s) and _retold_day_near(st, s))
            # "the battle for Hue, which had begun two weeks earlier": a past perfect's aside
            and not (name == "ago" and _HAD_IN_THE_CLAUSE.search(_clause_before(text, s)))
            and not _A_PERIOD_ENDED_NEAR.search(text, max(0, s - 60), s)
        ):
            # "striking targets since March 19" names where a stretch began, "the quarter
            # ended Sept. 30" where a reporting period closed; the story stays where it was
            _move_story(st, name, typ, value, s, e)
            if name == "ago" and st.day_counted_to is not None:
                st.ref = st.day_counted_to
        st.day_counted_to = None
        anchored = ""
        if name == "ago" and m.group("dir").lower() == "later":
            # TimeML tags "three days later" as the duration "three days" ("later" is a
            # signal); the day it points to stays with it for event dating
            e = _trim(text, s, m.start("dir"))[1]
            anchored = value if value[:1].isdigit() else ""
            typ, value = "DURATION", _fmt_duration(_ago_amount(m), m.group("unit"))
        if typ == "SET":
            # "twice a day": TimeML's extent takes the frequency in (freq="2X")
            f = _FREQUENCY_BEFORE.search(text, max(0, s - 24), s)
            if f is not None and not (out and f.start() < out[-1].end):
                s = f.start()  # (not over the expression before: "from June 27 to 3 times")
            # (a hedge stays outside: "almost daily", "almost every day" in TBAQ, 3 to 0,
            # though the blind writers take it in)
        spread = int(name == "othercal" and sighted_day_unpinned(text, m))
        if spread:
            unpinned_days.add(value)
        elif typ == "TIME" and value[:10] in unpinned_days and not _NAMES_A_DAY.search(text, s, e):
            # "12 Ramadan 1437 ... at 10:00": a clock time on a Hijri day is as unsure of its
            # day as the day it is on
            spread = 1
        out.append(
            Timex(
                start=s,
                end=e,
                text=text[s:e],
                type=typ,
                value=value,
                mod=_mod(text, s, e, typ),
                anchored=anchored,
                spread=spread,
            )  # type: ignore[arg-type]
        )
        if name in ("monthday", "daymonth") and _DAY_RE.match(value):
            extra = _range_other_day(text, s, e, value, used)
            if extra is not None:
                out.append(extra)
    out.sort(key=lambda t: t.start)
    # neighbours settle each other's days and join only within a paragraph: "at 10:30" ending
    # one and "Tuesday" opening the next are not one day's
    blank_lines = [b.end() for b in _BLANK_LINE.finditer(text)]
    settled: list[Timex] = []
    for _, paragraph in groupby(out, key=lambda t: bisect_right(blank_lines, t.start)):
        found = list(paragraph)
        try:
            settled += _settle_neighbours(text, dct, found)
        except (ValueError, OverflowError):
            # a neighbour's day moved off the calendar (a DCT in year 1 or 9999): the
            # paragraph keeps its expressions as each was read alone
            settled += found
    return settled


def _settle_neighbours(text: str, dct: date | None, out: list[Timex]) -> list[Timex]:
    """The expressions of one paragraph, with what their neighbours say: a clock time on the
    day that follows it, a range's end and its year, one length in two units joined."""
    out = out + _military_clocks_before_their_twins(text, out)
    out.sort(key=lambda t: t.start)
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if t.type != "TIME" or "T" not in t.value:
            continue
        if (
            (nxt.type == "DATE" or PART_OF_A_DAY.fullmatch(nxt.value))
            and _DAY_RE.match(nxt.value)
            and _TIME_THEN_DATE.fullmatch(text, t.end, nxt.start)
        ):
            # "at 08:30 on 16/10/2016", "about 6am on Sunday morning": the clock time is on
            # the day that follows it
            out[i] = _on_day(t, nxt.value[:10])
        elif (
            i + 2 < len(out)
            and nxt.type == "TIME"
            and "T" in nxt.value
            and text[t.end : nxt.start].strip() == "("
            and text[nxt.end : nxt.end + 1] == ")"
            and out[i + 2].type == "DATE"
            and _DAY_RE.match(out[i + 2].value)
            and _TIME_THEN_DATE.fullmatch(text, nxt.end + 1, out[i + 2].start)
        ):
            # "at 6:00 am (0400 GMT) on Saturday": both clock times are on that day
            out[i], out[i + 1] = _on_day(t, out[i + 2].value), _on_day(nxt, out[i + 2].value)
    _clock_pairs_on_one_day(text, out)
    _clock_then_its_weekday(text, out)
    _date_zone_twins(text, out)
    _weekday_ranges(text, dct, out)
    out = _day_ranges_with_a_year(text, out)
    return _appositive_parts(text, _join_compound_durations(text, _join_days_and_clocks(text, out)))
