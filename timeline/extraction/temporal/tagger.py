"""Find TimeML TIMEX3 expressions in English news text and normalise their values.

How it works, in three passes over one document:

1. *Candidates.* A fixed set of regular expressions (one per kind of expression: explicit dates,
   weekdays, durations, "N units ago", quarters, seasons, times, sets, reference words...) is run
   over the text. Every match is a candidate span.
2. *Spans.* Overlapping candidates are resolved longest-first (then leftmost), so "the past two
   months" beats "two months" and "Friday, Oct. 28" beats "Friday".
3. *Values.* The surviving spans are normalised left to right. Deictic expressions ("yesterday",
   "last week", "Friday") are resolved against the document creation time (DCT); anaphoric ones
   ("the next day", "two days earlier", "that year") against the *reference time*: the last
   explicitly dated day / year / quarter the narrative moved to, as TimeML annotators do. When the
   DCT is unknown, values that depend on it keep X's ("XXXX-09-01") instead of guessing.

Tense decides the direction of bare weekdays and months ("Friday" is the last Friday in a
past-tense sentence and the coming one after "will").

This module holds the resolution state, the handlers (one per pattern) and ``tag``. Beside it:
``patterns`` (the candidates), ``cues`` (tense and aspect), ``text`` (words, sentences and
quotations), ``values`` (TimeML notation) and ``spans`` (extents, ``mod`` and the passes that
join or split expressions after resolution).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.extraction.temporal.cues import (
    _BY_NEAR,
    _FUTURE_CUES,
    _HAD_AFTER,
    _ONLY_PARTICIPLES,
    _PAST_PERFECT,
    _PRESENT_AUX,
    _PRESENT_PERFECT,
    _SAID_NEAR,
    _UNTIL_NEAR,
    _future_cues,
    _past_cues,
)
from timeline.extraction.temporal.feasts import FEAST_DAYS
from timeline.extraction.temporal.lexicon import (
    CARDINAL_WORD_RE,
    MONTH_RE,
    NUMBER_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    WEEKDAY_RE,
)
from timeline.extraction.temporal.patterns import (
    _COMPILED,
    _HOLIDAY_RX,
    _ORD_SUFFIX,
    _POD_OF_RX,
    _YEAR4,
)
from timeline.extraction.temporal.spans import (
    _FREQUENCY_BEFORE,
    _TIME_THEN_DATE,
    _clock_pairs_on_one_day,
    _date_zone_twins,
    _day_ranges_with_a_year,
    _join_compound_durations,
    _join_days_and_clocks,
    _mod,
    _on_day,
    _range_other_day,
    _trim,
    _weekday_ranges,
)
from timeline.extraction.temporal.text import (
    _PARAGRAPH_BREAK,
    _QUOTE_MARK,
    _SENT_END,
    _at_sentence_start,
    _clause_before,
    _in_quotation,
    _last_quote_mark,
    _next_word,
    _plain,
    _prev_word,
    _quoted_words,
    _sent_end_search,
    _sentence_after,
    _sentence_before,
)
from timeline.extraction.temporal.values import (
    _DAY_RE,
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
from timeline.extraction.types import Timex

# --------------------------------------------------------------------------------------------
# Resolution state
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    text: str
    dct: date | None
    ref: date | None  # the day the narrative is at
    ref_year: int | None
    ref_quarter: tuple[int, int] | None = None  # last (year, quarter) talked about
    ref_month: date | None = None  # first day of the last month the narrative moved to
    # the last month, quarter or half named ("in November", "the July-September quarter"),
    # and where it ends
    period: str = ""
    period_end: int = -1
    fin_quarter: bool = False  # the document talks about fiscal quarters
    year_after_day: bool = False  # the narrative named a year alone since its last day
    reports: bool = False  # dating reported happenings, not annotating TimeML (see ``tag``)
    story_day: date | None = None  # the first day the story names, if it names one first
    ref_end: int = 0  # where the expression that set ``ref`` ends
    ref_moved_end: int = 0  # ... where the one that last changed it ends
    ref_kind: str = ""  # ... and its pattern's name
    decade: str = ""  # the last decade named ("in the 1930s"), for "that decade"
    year_end: int = 0  # where the expression that last set ``ref_year`` alone ends
    year_set_as_setting: bool = False  # ... and whether it set the scene (_narrative_year)
    ref_set_as_setting: bool = False  # whether ``ref`` was set by a day opening its sentence
    named_first: bool = False  # the story has named its first date (or time)
    # the first month the story names ("U.S. employers added 110,000 jobs in March"), None
    # before it names one: when it is the DCT's month or the one before, the report is about
    # that month, and what it compares "a year earlier" is that month
    lead_month: str | None = None
    # a past year an anaphor took the story back to ("That month the company cut 4,000
    # jobs"), and where it ends: the dates after it in its sentence are of that year
    anaphor_year: int | None = None
    anaphor_end: int = -1
    # ... and whether it was a "that" ("That summer", not "the year before")
    anaphor_that: bool = False
    came_year_end: int = -1  # where a sentence that only names a year ends ("Then came 2014.")
    # the story said it was told on the DCT ("officials said Friday", written Friday): its
    # quotations were spoken then, not on the day before it tells of
    told_on_dct: bool = False
    # the year "last year" / "next year" last named, and where: "up 18% on the year before"
    # after "last year" in its sentence is the year before that one
    deictic_year: int | None = None
    deictic_year_end: int = -1
    # ... and the month "last month" / "this month" named: "rose 0.5% last month after a
    # 0.7% gain the month before"
    deictic_month: date | None = None
    deictic_month_end: int = -1
    # the day a count of weeks reached ("two weeks later"), for the anaphors after it
    day_counted_to: date | None = None
    # every day named so far, where its expression ends and the day, whether or not it moved
    # the story ("Since the Feb. 22 attack ... at 7 a.m. that Wednesday": that one)
    named_days: list[tuple[int, date]] = field(default_factory=list)

    def tense(self, start: int, end: int) -> int:
        """+1 future, -1 past, 0 unknown, from cue words in the sentence around [start, end).

        Future needs a clear marker ("will", "is to", "scheduled", "next") before the
        expression in its sentence or just after it; "said Friday" is past whatever follows.
        """
        text = self.text
        # (a semicolon joins sentences of their own: "are expected to show growth slowing;
        # heavy snow before Christmas kept shoppers at home")
        seg_before = _sentence_before(text, start).rsplit(";", 1)[-1]
        if _SAID_NEAR.search(seg_before[-20:]):
            return -1
        seg_after = text[end : end + 150]
        m2 = _sent_end_search(seg_after)
        if m2 is not None:
            seg_after = seg_after[: m2.start()]
        if _UNTIL_NEAR.search(seg_before[-25:]):
            # "until Friday" looks ahead, unless a past perfect follows ("Until Thursday,
            # they had not called him")
            clause = re.split(r",|;|\bthat\b", seg_before)[-1]
            if (
                re.match(r"\s*,\s*(?:\w+\s+){0,3}had\b", seg_after)
                or _PAST_PERFECT.search(clause)
                or _NEGATED_PAST.search(clause)
                or _PAST_PROGRESSIVE.search(clause)  # "was reading the paper until Saturday"
            ):
                return -1  # "had lobbied by telephone until late Wednesday night"
            return 1
        if re.match(r"[^\w\"'`’”,]*(?:said|says|told)\b", seg_after):
            # "said Friday"; not the end of a quotation ("... into June," said X) nor of a
            # clause ("when the new Congress convenes in January, said Democrats would")
            return -1
        if re.match(r"\s+(?:is\s+|are\s+)?(?:coming|approaching|looming|nearing)\b", seg_after):
            return 1  # "with Christmas coming"
        # A subordinate clause the expression opens has its own tense: "will freeze the tax,
        # after councillors on Friday night approved the cuts"
        sub = _SUBORDINATE_OPENING.search(seg_before)
        if sub is not None:
            f3 = next(iter(_future_cues(seg_after)), None)
            p3 = next(iter(_past_cues(seg_after)), None)
            if f3 or p3:
                return 1 if (f3.start() if f3 else 999) < (p3.start() if p3 else 999) else -1
        # the cue nearest before the expression decides; failing that, the first one after
        fut = [m.end() for m in _future_cues(seg_before)]
        past_cues = _past_cues(seg_before)
        past = [m.end() for m in past_cues]
        if (
            fut
            and past
            and past[-1] > fut[-1]
            and _ONLY_PARTICIPLES.fullmatch(seg_before, fut[-1])
            # (not a relative clause's own past: "will scale back the increases its board
            # approved in December", "to implement the consensus reached by the two heads of
            # state during their meeting in May")
            and not _SUBJECT_BEFORE.search(seg_before, 0, past_cues[-1].start())
            and not _AGENT_AFTER.match(seg_before, past_cues[-1].end())
            # (nor a reduced relative's: "will keep operating under an order issued late
            # Monday", "will honour the truce signed on Friday"; a list "published on May 1"
            # may still be to come)
            and not _ISSUED_JUST_BEFORE.fullmatch(seg_before, past_cues[-1].start())
        ):
            # "will stay closed on Monday", "will publish updated figures on Monday": an -ed
            # word after "will" in its clause is a participle, not a past tense
            return 1
        if fut or past:
            f_end, p_end = (fut[-1] if fut else -1), (past[-1] if past else -1)
            if f_end == p_end:
                # one word read both ways ("scheduled"): "has scheduled a news conference
                # Thursday" and "protesters planned a march on Saturday" look ahead, "a vigil
                # planned for Saturday was canceled" back
                if _PRESENT_AUX.search(seg_before, 0, f_end):
                    return 1
                # ... and "planned a demonstration on Saturday and were planning to drive"
                # too: a past auxiliary of a plan is no past
                after = [
                    p
                    for p in _past_cues(seg_after)
                    if not _FUTURE_CUES.match(seg_after, p.end() + 1)
                ]
                return -1 if after else 1
            return 1 if f_end > p_end else -1
        if _OPENS_ITS_SENTENCE.fullmatch(seg_before) and _SCHEDULE_AFTER.match(seg_after):
            return 1  # "On Tuesday, polls close at 7 p.m.", "On Wednesday he travels to Leeds"
        f2 = next(iter(_future_cues(seg_after)), None)
        p2 = next(iter(_past_cues(seg_after)), None)
        if f2 or p2:
            return 1 if (f2.start() if f2 else 999) < (p2.start() if p2 else 999) else -1
        return 0


# A document issued, or a body created, on the day or in the month named: its participle just
# before the expression ("a plan the board adopted in August", "a court created in December")
_ISSUED_JUST_BEFORE = re.compile(
    r"(?-i:issued|signed|passed|approved|adopted|imposed|reached|struck|enacted|brokered"
    r"|declared|handed\s+down|created|established|formed|founded)"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+|in\s+)?",
)
# "its board approved": a possessive's noun, the subject of a clause of its own
_SUBJECT_BEFORE = re.compile(
    r"\b(?:its|their|his|her)\s+"
    r"(?!(?:first|second|third|last|final|new|next|own|only|annual|latest)\b)(?-i:[a-z]+)\s+$",
    re.I,
)
_AGENT_AFTER = re.compile(r"\s+by\s+(?:the|a|an|its|their|his|her)\b", re.I)


# A day that opens its sentence, then a subject and a verb of a schedule in the present
_OPENS_ITS_SENTENCE = re.compile(r"\W*(?:(?:On|By|Early|Late|And|But|Then)\s+)?", re.I)
_SCHEDULE_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+(?:[\w.'’-]+\s+){0,3}?"
    r"(?-i:travels|flies|heads|meets|opens|closes|close|open|begins|starts|resumes|visits"
    r"|hosts|host|plays|faces|returns|leaves|arrives|brings|kicks\s+off|wraps\s+up)\b",
    re.IGNORECASE,
)
# "after councillors on": a clause opener, then its subject, then the expression (its verb
# comes after)
_SUBORDINATE_OPENING = re.compile(
    r"\b(?:after|before|when|because|while|although|though|whereas)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[a-z]+"
    # "though a round in Vienna in January ended": the subject may name its place
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'’-]+)\s+(?:on|in)\s+|\s+(?:(?:on|late|early)\s+)?)$",
    re.IGNORECASE,
)
# "She did not see the building again until Oct. 6": what did not happen until then is past
_PAST_PROGRESSIVE = re.compile(r"\b(?:was|were)\s+(?!going\b)[a-z]+ing\b", re.I)
# "was not breached until January" too: a negated past passive ("was not expected until
# January" still looks ahead)
_NEGATED_PAST = re.compile(
    r"\b(?:did\s+not|didn't|never"
    r"|(?:was|were)(?:\s+not|n't)\s+(?!expected|due|scheduled|set|likely|supposed)[a-z]+(?:ed|en)"
    r")\b",
    re.I,
)
_SINCE_NEAR = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_THIS_YEAR_SO_FAR = re.compile(r"\b(?:this\s+year|year\s+to\s+date|year-to-date)\b", re.I)
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d$")
# ", when snow closed Gatwick", ", the day Hurricane Isabel came ashore": what follows tells
# of that time
_WHEN_AFTER = re.compile(
    r",?\s+when\b|,\s+the\s+(?:day|night|morning|afternoon|evening)\s+(?!after\b|before\b|of\b)",
    re.I,
)
# "language it had not used since the Sept. 11, 2001, attacks": a comparison, not a scene
_SINCE_THE_NEAR = re.compile(r"\bsince\s+the\s+$", re.IGNORECASE)
_PERIOD_END_NEAR = re.compile(r"\b(?:ended|ending|ends|as\s+of)\s+(?:on\s+)?$", re.IGNORECASE)
# "extended to Nov. 20", "postponed until", "set for": a date aimed at, not a happening's.
_DEADLINE_WORDS = r"by|through|until|till"
_DEADLINE_NEAR = re.compile(rf"\b(?:{_DEADLINE_WORDS})\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_FOR_NEAR = re.compile(r"\b(?:for|before)\s+$", re.I)
_ENDING_NEAR = re.compile(r"\bending\s+(?:on\s+)?$", re.IGNORECASE)
_TARGET_NEAR = re.compile(
    rf"\b(?:to|for|before|{_DEADLINE_WORDS})\s+(?:early\s+|late\s+|mid-?)?$", re.I
)


_PLAN_MADE_BEFORE = re.compile(
    r"\bhad\s+been\s+(?:due|scheduled|set|slated|planned|expected)\s+to\s+\w+\s+(?:\w+\s+){0,3}$",
    re.I,
)


def _nearest_year(st: _State, month: int, day: int | None, start: int, end: int) -> int | None:
    """The year of a month (and day) given without one.

    The occurrence nearest the DCT, unless the sentence's tense clearly points the other way
    and the date is well away from the DCT (a past-tense "in November" written in March).
    """
    if st.dct is None:
        return None
    d = st.dct
    dd = min(day or 15, 28)

    def dist(y: int) -> int:
        return (date(y, month, dd) - d).days

    best = min((d.year - 1, d.year, d.year + 1), key=lambda y: abs(dist(y)))
    if _SINCE_NEAR.search(st.text, max(0, start - 12), start):
        # "since Jan. 1": a start already passed, whatever the rest of the sentence says
        # ("since early April", written on April 10, is this April)
        return best - 1 if date(best, month, min(day or 1, 28)) > d else best
    if _ENDING_NEAR.search(st.text, max(0, start - 10), start):
        # "for the fiscal year ending Feb. 3", written in November: a period's end is the
        # nearest such day, whatever tense the sentence has
        return best
    if _FOR_NEAR.search(st.text, max(0, start - 8), start) and 0 < dist(best) <= 120:
        # "bookings for Christmas", written in October: what something is for lies ahead
        return best
    if _DEADLINE_NEAR.search(st.text, max(0, start - 12), start):
        clause = _clause_before(st.text, start)
        if _HAD_AFTER.match(st.text, end) or (
            _PAST_PERFECT.search(clause) and not _future_cues(clause)  # ("had said it would")
        ):
            # "by January, CDC had advised pregnant women", written in December: a past
            # perfect tells of a deadline already passed
            return best - 1 if dist(best) > 0 else best
        if dist(best) > 0:
            # "by February", "through January": a deadline ahead, whatever tense the sentence has
            return best
        if dist(best) < -31 and st.tense(start, end) >= 0:
            # "futures price in a rise by August", written in January: the next August
            return best + 1
    if day is None and _prev_word(st.text, start) == "in":
        # "The Asian Para Games will follow in December", written in January: a month wholly
        # gone by is no future's (a past sentence's month ahead may be what someone "said
        # last week" was to come, so that way round it stays)
        last = date(best + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        if last < d and st.tense(start, end) > 0:
            return best + 1
    slack = _TENSE_SLACK_DAYS
    if slack >= 0:
        delta = dist(best)
        # (a day well gone by is no future's: "the season will kick off on March 2 and end on
        # Nov. 11", written in January; a month may be the one a report to come is about:
        # "will report February consumer prices Wednesday", written in March)
        behind = _FUTURE_SLACK_DAYS if day is not None else slack
        if delta > slack or delta < -behind:
            tense = st.tense(start, end)
            if (
                tense < 0
                and delta > slack
                # "The libraries had been due to close in September and will stay open",
                # written in July: a plan made in the past for a month still ahead
                and not _PLAN_MADE_BEFORE.search(_clause_before(st.text, start))
            ):
                best -= 1
            elif tense > 0 and delta < -behind:
                best += 1
    if (
        st.reports
        and date(best, month, day or 1) > d
        and not _TARGET_NEAR.search(st.text, max(0, start - 14), start)
        and st.tense(start, end) <= 0
    ):
        # A reported happening without a word that puts it ahead is past: "recaptured the
        # town in December", "Tikrit, retaken in April", written in October, are last year's.
        best -= 1
    return best


_SEASON_AIMED_AT = re.compile(r"\b(?:for|before)\s+$", re.I)
_SEASON_AHEAD_NEAR = re.compile(r"\b(?:by|through|until|till|in|during|before)\s+$", re.I)
_TENSE_SLACK_DAYS = 60  # days ahead/behind the DCT before tense may move a year
_FUTURE_SLACK_DAYS = 21  # ... behind it, in a sentence that looks ahead


# "on April 5 at 7 p.m.", "Friday, at about 9 p.m.": a clock time right after its day
_WEEKDAY_OF_THE_CLOCK = re.compile(
    r"\s+(?!(?:and|but|or|then|until|till|before|after|when|while|since|from|to|through"
    r"|local|time|on|at|in|of|for|by|with)\b)(?-i:[a-z]+)(?:\s+(?-i:close|deadline|start"
    r"|kickoff|opening|session|meeting|vote|ceremony|briefing|address|speech|trading))?"
    rf"\s+(?:on\s+)?(?P<wd>{WEEKDAY_RE})\b(?!['’]s)"
)
_RIGHT_AFTER_A_DAY = re.compile(
    r",?\s*(?:at\s+|from\s+|by\s+|to\s+|until\s+|till\s+|and\s+|[-–]\s*)?(?:about\s+|around\s+)?",
    re.I,
)
# "April 11, 2003, a Friday": a weekday set beside the date it names
_APPOSITIVE_WEEKDAY = re.compile(r"(?:\d|(?-i:[A-Z][a-z]+)\.?),\s+an?\s+$")
_APPOSITION = re.compile(r",\s+an?\s+")  # "The following day, a Saturday, she flew"


def _next_weeks(dct: date, wd: int) -> date:
    """ "next Wednesday": the coming one, unless that is still this week and within three days
    (written on a Tuesday, a week from tomorrow), as annotators read it; "next Sunday" written
    on a Monday is six days on."""
    coming = _resolve_weekday(dct + timedelta(days=1), wd, 1)
    if coming.isocalendar()[:2] == dct.isocalendar()[:2] and (coming - dct).days <= 3:
        return coming + timedelta(days=7)
    return coming


def _last_weeks(dct: date, wd: int) -> date:
    """ "last Tuesday": the latest one before the DCT, but not yesterday (written on a
    Wednesday, "last Tuesday" is the week before's; yesterday would be "yesterday")."""
    latest = _resolve_weekday(dct - timedelta(days=1), wd, -1)
    return latest - timedelta(days=7) if (dct - latest).days == 1 else latest


def _toward_the_nearer(dct: date, wd: int) -> int:
    """+1 if the coming ISO weekday ``wd`` is nearer the DCT than the last one, else -1."""
    back = _resolve_weekday(dct, wd, -1)
    ahead = _resolve_weekday(dct, wd, 1)
    return 1 if (ahead - dct) < (dct - back) else -1


def _resolve_weekday(anchor: date, wd: int, direction: int) -> date:
    """The date of ISO weekday ``wd`` near ``anchor``: direction -1 past, +1 future, 0 this week."""
    delta = wd - anchor.isoweekday()
    if direction < 0:
        if delta > 0:
            delta -= 7
    elif direction > 0 and delta < 0:
        delta += 7
    return anchor + timedelta(days=delta)


# --------------------------------------------------------------------------------------------
# Handlers: (state, match) -> (type, value) or None to drop the candidate
# --------------------------------------------------------------------------------------------

Result = tuple[str, str] | None


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
    word = phrase.split()[-2].lower()  # "last year", "of last year"
    if " the " in f" {phrase.lower()} ":
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


def _anaphor_year(st: _State, pos: int, end: int) -> int | None:
    """The past year an anaphor just took the story to ("That month the company cut jobs,
    and on March 21 it sold"; "That summer Isis massacred ..., and in August"), for a date
    close after it in its paragraph, in a sentence told in the past."""
    if (
        st.dct is not None
        and st.anaphor_year is not None
        and st.anaphor_year < st.dct.year
        and 0 <= pos - st.anaphor_end < 200
        and (
            "\n" not in st.text[st.anaphor_end : pos]
            # ("That month, she cut the product line in half.\n\nOn April 28, the board
            # voted": a day opening the next paragraph goes on with the story)
            or (
                len(_PARAGRAPH_BREAK.findall(st.text, st.anaphor_end, pos)) == 1
                and _SCENE_DAY_BEFORE.search(st.text, max(0, pos - 8), pos) is not None
                and _sent_end_search(st.text, st.text.rfind("\n", 0, pos) + 1, pos) is None
            )
        )
        and st.tense(pos, end) <= 0
    ):
        return st.anaphor_year
    return None


def _narrative_year(st: _State, pos: int, end: int) -> int | None:
    """The past year a story has just moved to, for a date given without one: "US forces
    rolled into the capital in April 2003. The statue came down on April 9", "On 10 June
    they overran Mosul. On 29 June the group declared a caliphate". Only in a sentence told in
    the past, in the paragraph that named the year (or a day of it) and close after it:
    further on, or after a year named in passing ("up from $2 million in 1988", "since the
    September 2012 reshuffle"), the story is back at its own time."""
    if st.dct is None or _TARGET_NEAR.search(st.text, max(0, pos - 14), pos):
        return None
    if _PERIOD_END_NEAR.search(st.text, max(0, pos - 16), pos):
        return None
    year: int | None = None
    if st.year_after_day and st.year_set_as_setting and st.ref_year is not None:
        year, since = st.ref_year, st.year_end
    elif not st.year_after_day and st.ref is not None and st.ref_set_as_setting:
        year, since = st.ref.year, st.ref_end
    if (anaphor_year := _anaphor_year(st, pos, end)) is not None:
        return anaphor_year  # "That month the company cut jobs, and on March 21 it sold"
    if (
        year is None
        or year >= st.dct.year
        or pos - since >= 250
        or "\n" in st.text[since:pos]
        or st.tense(pos, end) > 0
    ):
        return None
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
_SCENE_DAY_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:On|By|Early|Late)?\s*$")
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


_IN_A_YEAR_AFTER = re.compile(r"\s+in\s+((?:1[89]|20)\d\d)\b(?!\s*(?:%|percent))")
_WEEKDAY_APPOSITIVE_AFTER = re.compile(rf",\s+an?\s+({WEEKDAY_RE})\b", re.IGNORECASE)

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
        mo, dd, yy = int(m.group("m3")), int(m.group("d3")), m.group("y3")
    else:
        k = "" if m.group("m") else "2"
        mo, dd, yy = int(m.group("m" + k)), int(m.group("d" + k)), m.group("y" + k)
    if mo > 12 >= dd:
        mo, dd = dd, mo  # "16/10/2016": day first, as outside the US
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
        return ("DATE", date(y, mo, dd).isoformat())
    except ValueError:
        return None


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
        if re.search(r"(?:no\.|number|nos\.|#|rule|article|section|flight|route|page)\s*$", before):
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
        and not m.group(0).lower().startswith("the year")
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
        if "current" in adj:
            # "the current quarter" is the one the report is written in, whatever quarter the
            # story has been reporting on
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
    q = int(m.group("q"))
    y = m.group("yr") or m.group("yr2")
    if y is None:
        if st.dct is None:
            return ("DATE", f"XXXX-Q{q}")
        y = str(st.dct.year)
    return ("DATE", f"{y}-Q{q}")


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


def _story_point(st: _State) -> date | None:
    """Where the story is, to the nearest month: the last day it named, or the month or year
    named after it ("found in October 2016 and flown to a lab the following spring")."""
    if st.year_after_day and st.ref_year is not None:
        if st.ref_month is not None and st.ref_month.year == st.ref_year:
            return st.ref_month + timedelta(days=14)
        return date(st.ref_year, 7, 1)
    return st.ref


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
    rf"(?:(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})\b|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH_RE})\b)",
    re.I,
)


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
            # "claims rose to 248,000 in the week ended May 27", "in the week to 30 January":
            # the week holding that day (its day is tagged on its own, as TBAQ does "the
            # quarter ended Sept. 30")
            mon = _month_of(ended.group("mon") or ended.group("mon2"))
            day = int(ended.group("day") or ended.group("day2"))
            y = _nearest_year(st, mon, day, ended.start() + 1, ended.end())
            try:
                return ("DATE", _fmt_week(date(y, mon, day))) if y else ("DATE", "XXXX-WXX")
            except ValueError:
                return None  # "the week ended Feb. 30": no such day
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
    r"|\b(?:start(?:ed|s)?|end(?:ed|s)?|began|begins|finish(?:ed|es)?|clos(?:ed|es)))\s+$"
)


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
            if base.isoweekday() <= 3 and tense <= 0:
                base = base - timedelta(days=7)
        elif tense < 0 and base.isoweekday() < (3 if this else 6):
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


def _h_relunit(st: _State, m: re.Match[str]) -> Result:
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
    if m.group(0).lower().startswith("the last") and unit in ("week", "month"):
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


# "today's world", "today's young people": "today" meaning "nowadays", which TimeML
# annotators leave untagged, unlike "today's meeting".
_GENERIC_TODAYS = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:world|youth|society|generation|young|children|kids|families"
    r"|students|teenagers|culture|economy|standards|technology|computers|age|era|times"
    r"|consumers?|women|men|people|politics|politicians|media|market(?:place)?)\b",
    re.IGNORECASE,
)


# a past date a quotation's own sentence says it was written or spoken at: "In a letter to
# her sister in 1978 she wrote: '...'", "an email dated Dec. 3, 2009, in which Okafor wrote:",
# "In a radio interview in October 2005, he said he would run again '...'"
_DATED_SPEECH = re.compile(
    rf"(?:(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{_YEAR4})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH_RE})\s+(?P<year2>{_YEAR4})"
    rf"|(?P<mon3>{MONTH_RE})\s+(?:of\s+)?(?P<year3>{_YEAR4})"
    rf"|\b(?:in|a|an)\s+(?P<year4>{_YEAR4}))\b"
    r"(?=[^\"“”]{0,80}?\b(?:said|says|told|wrote|writes|urged|added|promised|pledged|vowed"
    r"|insisted|warned|predicted|declared)\b)",
    re.IGNORECASE,
)


# ... in the sentence's opening phrase ("In a radio interview in October 2005,") or as the
# date of a writing ("an email dated Dec. 3, 2009", "sent at 11.47pm on Sunday 8 November")
_SETS_THE_SPEECH = re.compile(
    r"^\W*(?:In|On|During|At)\b[^,\"“”]*$|\b(?:dated|sent|written|posted)\b[^,\"“”]*$"
)


def _quoted_speech_date(st: _State, pos: int) -> tuple[date, str] | None:
    """The past date a quotation around ``pos`` was spoken or written at, as its sentence
    names it before the verb of saying, with its precision ("D", "M" or "Y"); None when it
    names none, or one within a month of the DCT (then the DCT rules hold)."""
    text, dct = st.text, st.dct
    if dct is None or not _in_quotation(text, pos):
        return None
    lead = _sentence_before(text, _last_quote_mark(text, pos).start())  # type: ignore[union-attr]
    found = None
    for found in _DATED_SPEECH.finditer(lead):  # noqa: B007 - we want the last one
        pass
    if found is None or not _SETS_THE_SPEECH.search(lead, 0, found.start()):
        return None  # "X, who joined the company in 1998, said": the date is not the saying's
    g = found.groupdict()
    if g["year"] or g["year2"]:
        mon = _month_of(g["mon"] or g["mon2"])
        day = int(g["day"] or g["day2"])
        try:
            spoken, precision = date(int(g["year"] or g["year2"]), mon, day), "D"
        except ValueError:
            return None
    elif g["year3"]:
        spoken, precision = date(int(g["year3"]), _month_of(g["mon3"]), 1), "M"
    else:
        spoken, precision = date(int(g["year4"]), 1, 1), "Y"
    if precision == "Y" and spoken.year >= dct.year:
        return None
    if precision != "Y" and (dct - spoken).days < 31:
        return None
    return spoken, precision


def _speech_day(st: _State, pos: int, *, retold: bool = True) -> date:
    """The day "today" means at ``pos``: the DCT, except inside a quotation in a story told
    the day after it happened ("I played well enough today," said Woods, in Monday's report
    of Sunday's round), where it is the day the words were spoken."""
    assert st.dct is not None
    eve = st.dct - timedelta(days=1)
    if not _in_quotation(st.text, pos):
        return st.dct
    attributed = _attributed_day(st, pos)
    if attributed is not None:
        return attributed  # "'Yesterday the council failed,' a diplomat said Friday morning"
    dated = _quoted_speech_date(st, pos)
    if dated is not None and dated[1] == "D":
        return dated[0]  # "an email dated Dec. 3, 2009, in which he wrote: 'Bring it tomorrow'"
    if retold and _retold_day_near(st, pos):
        # 'On March 14 2003, a Friday, she told them the bank had pulled the overdraft. "We
        # have until Monday to find £6m," she said': spoken on the day the story is at
        return st.ref  # type: ignore[return-value]
    if (
        st.story_day == eve
        and st.ref == eve
        and not st.told_on_dct
        and not _moved_inside_the_quotation(st, pos)
    ):
        return eve
    return st.dct


def _retold_day_near(st: _State, pos: int) -> bool:
    """Whether a story retelling a past day (a month or more before the DCT, the scene set
    by a day opening its sentence) moved to it just before the quotation at ``pos``: in its
    paragraph or the one before."""
    if st.ref is None or st.dct is None or (st.dct - st.ref).days <= 31:
        return False
    if not st.ref_set_as_setting or not 0 < pos - st.ref_moved_end < 400:
        return False
    breaks = len(_PARAGRAPH_BREAK.findall(st.text, st.ref_moved_end, pos))
    if breaks == 1 and _NOW_IN_THE_QUOTATION.search(_quoted_words(st.text, pos)):
        # 'Forecaster Helen Willetts said: "The cold air is firmly established now ... heavy
        # falls on Thursday"', after a paragraph on the winter of 1991: a speaker's "now" in a
        # paragraph of its own is the time of writing, not the day retold before it
        return False
    return breaks <= 1 and not _moved_inside_the_quotation(st, pos)


_NOW_IN_THE_QUOTATION = re.compile(r"\b(?:now|currently|at\s+present|these\s+days)\b", re.I)


def _moved_inside_the_quotation(st: _State, pos: int) -> bool:
    """Whether the story's day was last moved by words of the quotation ``pos`` is in ('"We
    slept in the open last night and will do the same tonight"': its own "last night" does
    not make the speaker's "tonight" the night before)."""
    mark = _last_quote_mark(st.text, pos)
    return mark is not None and st.ref_moved_end > mark.start()


_SAID_ON_A_DAY = re.compile(
    rf"\b(?:said|says|told|added|wrote)\b[^.\"“”]{{0,40}}?\b(?P<wd>{WEEKDAY_RE})\b"
    rf"|\b(?P<wd2>{WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?\b[^.\"“”]{{0,50}}?"
    r"\b(?:said|says|told)\b",
    re.IGNORECASE,
)


# '," Mr. Trump said.': the attribution after a quotation
_SAID_AFTER_QUOTE = re.compile(
    r"\W{0,3}(?:[^.]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.|(?<=Sen)\.|(?<=Gov)\.|(?<=Gen)\.)"
    r"{0,60}?\b(?:said|says|told|wrote|added)\b"
)
_SAID_YESTERDAY = re.compile(
    r"\b(?:[Ss]peaking|said|told|added|wrote)\b[^.\"“”]{0,30}?\byesterday\b"
    r"|\byesterday\b[^.\"“”]{0,40}?\b(?:said|told)\b"
)
_THAT_DAY = re.compile(r"\bthat\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)\b", re.I)


def _attributed_day(st: _State, pos: int) -> date | None:
    """The day a quotation around ``pos`` was spoken, when its attribution names a weekday
    ("... on the ground," a Western diplomat said Friday morning; Speaking on Monday evening,
    he said: "Tonight ..."): the latest such weekday up to the DCT; or the story's day, when
    it says "that afternoon" ("'Today Portugal comes home,' he told reporters that afternoon")."""
    text, dct = st.text, st.dct
    assert dct is not None
    para_start = text.rfind("\n", 0, pos) + 1
    mark = _last_quote_mark(text, pos)
    if mark is None:
        return None
    opening = mark.start()
    closing = _QUOTE_MARK.search(text, pos, pos + 400)
    # the attribution right after the quotation, up to its sentence's end ...
    segments = []
    said_after = False
    if closing is not None:
        after = _SENT_END.split(text[closing.end() : closing.end() + 100])[0]
        if _SAID_AFTER_QUOTE.match(after):
            segments.append(after)
            said_after = True
    # ... or the one that opens it ('Speaking on Monday evening, he said: "Tonight ...')
    before = re.split(r"[.!?]\s|\n", text[max(para_start, opening - 150) : opening])[-1]
    if re.search(r"\b(?:said|says|told\b[^.]{0,30}?|added|wrote)[:,]?\s*$", before):
        segments.append(before)
    for seg in segments:
        if st.ref is not None and _THAT_DAY.search(seg):
            return st.ref
        if _SAID_YESTERDAY.search(seg):
            return dct - timedelta(days=1)  # 'Speaking yesterday, a spokesman said: "...tonight"'
        found = _SAID_ON_A_DAY.search(seg)
        if found is not None:
            return _named_weekday_up_to(dct, found)
    # 'In a statement that afternoon, she ... said the treasurer would answer questions
    # "tomorrow."': a quotation inside a sentence set on the story's day
    sentence = _sentence_before(text, opening)
    if st.ref is not None and _THAT_DAY.search(sentence) and _SPEAKING.search(sentence):
        return st.ref
    # 'In a televised address Sunday night, he said the curfew "will end at 6 a.m. tomorrow"'
    found = _SPOKE_ON_A_DAY.search(sentence)
    if found is not None:
        return _named_weekday_up_to(dct, found)
    if not before.strip():
        return _day_of_speaking_before(st, opening, across_paragraphs=said_after)
    return None


def _named_weekday_up_to(dct: date, found: re.Match[str]) -> date:
    """The latest day up to the DCT on the weekday an attribution names (group wd or wd2)."""
    wd = _weekday_of(found.group("wd") or found.group("wd2"))
    return dct - timedelta(days=(dct.isoweekday() - wd) % 7)


# a day named as the one someone spoke: 'a doctor told Al Jazeera on Tuesday evening', 'he
# said Wednesday', 'in a speech on state television at 1:50 a.m. on Monday' (not 'said the
# assault began at 6:00 am on Saturday', nor 'who flew in Friday night, said')
_SPOKE_ON_A_DAY = re.compile(
    rf"\b(?:said|says|told|added|wrote)\b[^.\"“”]{{0,30}}?\b(?P<wd>{WEEKDAY_RE})\b"
    r"|\b(?:speech|interview|statement|address|briefing|(?:news|press)\s+conference"
    rf"|speaking)\b[^\"“”]{{0,45}}?\b(?P<wd2>{WEEKDAY_RE})\b",
    re.IGNORECASE,
)
_SPEAKING = re.compile(r"\b(?:said|says|told|added|wrote)\b", re.IGNORECASE)


def _day_of_speaking_before(
    st: _State, opening: int, *, across_paragraphs: bool = False
) -> date | None:
    """The day a quotation that opens a sentence was spoken, when the sentences right before
    it in its paragraph are its speaker's: '... a doctor told Al Jazeera on Tuesday evening.
    "... Tonight we have ..."', or 'in a speech on Monday. "The hour has come," he said.
    "Today I declare"'. A sentence that is only a quotation and its 'he said' is passed
    over; any other sentence ends the search."""
    text, dct = st.text, st.dct
    assert dct is not None
    para_start = text.rfind("\n", 0, opening) + 1
    pos = opening
    for _ in range(2):
        head = text[para_start:pos].rstrip()
        if not head and pos == opening and para_start > 0 and across_paragraphs:
            # 'Trump said in a televised address at 9 a.m. Sunday.\n\n"Last night, ...," Mr.
            # Trump said.': a quotation someone said, opening its paragraph after its
            # speaker's attributed sentence (not one read "from a letter")
            pos = text[:para_start].rstrip().__len__()
            para_start = text.rfind("\n", 0, pos) + 1
            head = text[para_start:pos].rstrip()
        if not head or head[-1] not in '.!?"”':
            return None  # the quotation opens its paragraph, or is not a sentence of its own
        pos = para_start + len(head) - 1
        sentence = text[para_start:pos][-200:]
        last = None
        for last in _SENT_END.finditer(sentence):  # noqa: B007 - we want the last one
            pass
        if last is not None:
            sentence = sentence[last.end() :]
        found = _SPOKE_ON_A_DAY.search(sentence)
        if found is not None:
            return _named_weekday_up_to(dct, found)
        outside = re.sub(r"[\"“][^\"“”]*[\"”]", " ", sentence)
        if not _SPEAKING.search(outside) or len(outside.split()) > 6:
            return None  # a sentence of its own, not a quotation and its 'he said'
        pos -= len(sentence)
    return None


_COUNT_BEFORE = re.compile(
    r"\b(?P<n>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|two|three|four|five"
    r"|six|seven|eight|nine|ten|\d+)(?:th|nd|rd|st)?\s+(?:[\w-]+\s+){0,3}?in\s+$",
    re.IGNORECASE,
)
_ORDINAL_COUNT = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip


def _h_edgehours(st: _State, m: re.Match[str]) -> Result:
    unit = (m.group("unit") or m.group("unit2")).lower()  # (not "its opening hours")
    return ("DURATION", "PT1H" if unit == "hour" else _fmt_duration(None, unit))


def _h_asmany(st: _State, m: re.Match[str]) -> Result:
    count = _COUNT_BEFORE.search(st.text, max(0, m.start() - 50), m.start())
    if count is None:
        return None
    word = count.group("n").lower()
    n = _ORDINAL_COUNT.get(word) or _number(word)
    if not n:
        return None
    return ("DURATION", _fmt_duration(n, m.group("unit")))


def _h_dayref(st: _State, m: re.Match[str]) -> Result:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    pod = m.group("pod")
    if (
        w == "today"
        and _next_word(st.text, m.end()) in ("show", "programme", "program")
        # (the programme's name: "the Today show"; not a verb: "the data released today show")
        and (m.group("w")[0].isupper() or _prev_word(st.text, m.start()) in ("the", "nbc's"))
    ):
        return None
    if w == "today" and _GENERIC_TODAYS.match(st.text, m.end()):
        return None  # "today's youth": the present age in general, not the day of the story
    if w == "today" and not pod and _today_as_nowadays(st, m.start(), m.end()):
        return ("DATE", "PRESENT_REF")
    off = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    if st.dct is None:
        base = "XXXX-XX-XX"
    else:
        # (a quoted "today" in a retold story is mostly the speaker's present: '"I'm not
        # sure we would be here today," Crane wrote', after his 2003 rescue)
        said_on = _speech_day(st, m.start(), retold=w != "today")
        if (
            w == "tonight"
            and said_on == st.dct
            and _in_quotation(st.text, m.start())
            and _attributed_day(st, m.start()) is None
            and _told_in_the_past(_quoted_words(st.text, m.start()))
        ):
            # '"Tonight we finally listened to them," said the sponsor': a night already
            # over when the story was written, the one before it
            said_on = st.dct - timedelta(days=1)
        base = _fmt_day(said_on + timedelta(days=off))
    if pod:
        return ("TIME", f"{base}T{PARTS_OF_DAY[pod.lower()]}")
    if w == "tonight":
        return ("TIME", f"{base}TNI")
    return ("DATE", base)


# A time long gone that a "Today" opening the next sentence is set against ("Two years ago,
# many of these places were rice fields. Today you can see tunnels and bridges"), and a state
# still holding "today" ("a rule, still in force today"): "today" as "nowadays", which TimeML
# writes PRESENT_REF (the blind writers 55 times; TBAQ has no such contrast)
_LONG_AGO = re.compile(
    r"\b(?:years?|decades?|centuries|generations?)\s+ago\b|\bback\s+then\b|\bused\s+to\b"
    r"|\b(?:in|since|by)\s+the\s+(?:19|20)?\d0s\b|\b(?:in|since|until)\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_THE_DAY_AS_SUBJECT = re.compile(r"\s*(?:is|was|marks|will\s+be)\b", re.IGNORECASE)
_STILL_BEFORE = re.compile(r"\bstill\b[^.;:!?\"“”]{0,60}$", re.IGNORECASE)
_QUOTE_OR_SPACE = " \t\n\"“‘'"


def _today_as_nowadays(st: _State, pos: int, end: int) -> bool:
    """Whether the "today" at [pos, end) means "nowadays": it opens a sentence in the present set
    against a time long gone in the sentences just before it (this paragraph or the one
    before), or it follows "still" in its clause."""
    if _STILL_BEFORE.search(st.text, max(0, pos - 80), pos):
        return True
    before = _sentence_before(st.text, pos)
    if before.strip(_QUOTE_OR_SPACE) or st.dct is None:
        return False
    # (its own words, up to a closing quotation mark: not the "he said" after it)
    words = re.split(r"[\"”]", _sentence_after(st.text, end)[:60], maxsplit=1)[0]
    if any(not c.group().lower().startswith("ha") for c in _past_cues(words)):
        return False  # "Two years ago I was racing amateurs. Today I won a stage": that day
    if _THE_DAY_AS_SUBJECT.match(words):
        return False  # "Today is a reminder of ...": the day itself
    opening = pos - len(before)
    earlier = st.text[max(0, opening - 250) : opening]
    earlier = "\n".join(re.split(r"\n[ \t]*\n", earlier)[-2:])  # this paragraph, the one before
    for found in _LONG_AGO.finditer(earlier):
        if found.group("year") is None or int(found.group("year")) < st.dct.year:
            return True
    return False


_PRESENT_WORDS = re.compile(
    r"\b(?:is|are|am|isn['’]t|aren['’]t|matters?|feel|feels)\b|['’](?:s|re|m)\b", re.I
)


def _told_in_the_past(words: str) -> bool:
    """Whether words tell of a past, with no present or future in them ("Tonight we finally
    listened to them", not "What matters is what happens tonight")."""
    return bool(_past_cues(words)) and not _future_cues(words) and not _PRESENT_WORDS.search(words)


def _h_podref(st: _State, m: re.Match[str]) -> Result:
    rel = (m.group("rel") or m.group("rel2")).lower()
    pod = (m.group("pod") or m.group("pod2")).lower()
    off = {"this": 0, "today": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and pod != "night":
        off = -1
    if st.dct is None:
        return ("TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[pod]}")
    # '"Last night was the first time I heard the name," she told KTVN on Wednesday': from the
    # day the words were spoken
    base = _fmt_day(_speech_day(st, m.start()) + timedelta(days=off))
    return ("TIME", f"{base}T{PARTS_OF_DAY[pod]}")


_EXPECTED_AFTER = re.compile(
    r"'s\s+(?:[\w-]+\s+){1,3}(?:(?:is|are|will\s+be)\s+(?:forecast|expected|due|scheduled|set"
    r"|likely)\b(?!\s+to\s+have\b)"
    # "Monday's time trial will be the real test", "the winner of Tuesday's game opens a
    # series"
    r"|will\b|opens\b)",
    re.I,
)
# "tickets for Monday's game", "the winner advancing to Wednesday's wild-card game"
_TOWARD_A_DAYS = re.compile(r"\b(?:tickets\s+(?:for|to)|advanc(?:e|es|ing)\s+to)\s+$", re.I)


# "the Sunday Courier first reported", "Monday Night Football": a title, not a day
_TITLE_AFTER_A_WEEKDAY = re.compile(
    r"\s+(?-i:Times|Telegraph|Mirror|Express|Herald|Courier|Post|Mail|Tribune|Independent"
    r"|Observer|Star|Sport|Journal|Globe|Gazette|Night\s+Football|Night\s+Live|Bloody"
    r"|Politics|Show)\b"
    # "protests under the slogan 'Friday of Free Women'", "the Friday of Rage": a day's name
    rf"|\s+of\s+(?!(?-i:{MONTH_RE})\b)(?-i:[A-Z][a-z]+)\b"
)


_ITS_DATE_AFTER = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,2}}on\s+(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})",
    re.I,
)


def _its_date_after(st: _State, end: int, wd: int) -> date | None:
    """The date a weekday names just after it, when it falls on that weekday ("a Monday night
    game on Oct. 22"), the occurrence nearest the DCT."""
    after = _ITS_DATE_AFTER.match(st.text, end)
    if after is None or st.dct is None:
        return None
    mon, day = _month_of(after.group("mon")), int(after.group("day"))
    days = []
    for y in (st.dct.year - 1, st.dct.year, st.dct.year + 1):
        try:
            days.append(date(y, mon, day))
        except ValueError:
            continue
    near = min(days, key=lambda d: abs((d - st.dct).days), default=None)
    return near if near is not None and near.isoweekday() == wd else None


def _named_on(st: _State, wd: int, pos: int) -> date | None:
    """The last day named in the 600 characters before ``pos`` that fell on ISO weekday
    ``wd``: the day "that Wednesday" points back to."""
    for end, day in reversed(st.named_days):
        if pos - end > 600:
            break
        if day.isoweekday() == wd and end <= pos:
            return day
    return None


def _h_weekday(st: _State, m: re.Match[str]) -> Result:
    if _TITLE_AFTER_A_WEEKDAY.match(st.text, m.end("wd")):
        return None
    if re.search(r"(?-i:News)\s+$", st.text[max(0, m.start("wd") - 6) : m.start("wd")]):
        return None  # "Fox News Sunday": a programme's name, its channel before it
    wd = _weekday_of(m.group("wd"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()).removesuffix(" on")
    pod = m.group("pod") or m.group("pod2")
    if m.group("plural") or m.group("plural2"):
        if rel in ("last", "next", "this", "coming", "past"):
            return None
        v = f"XXXX-WXX-{wd}"
        if pod:
            v += "T" + PARTS_OF_DAY[pod.lower()]
        return ("SET", v)
    at = m.start("wd") if m.group("appos") else m.start()
    if (
        st.ref is not None
        and st.ref.isoweekday() == wd
        and (
            _APPOSITIVE_WEEKDAY.search(st.text, max(0, at - 30), at)
            or _APPOSITION.fullmatch(st.text, st.ref_end, at)
        )
    ):
        v = _fmt_day(st.ref)  # "On April 11, 2003, a Friday, its bank froze": that very day
    elif st.dct is None or re.search(
        r"\bon\s+(?:an?|any)\s+$", st.text[max(0, m.start() - 8) : m.start()]
    ):
        v = f"XXXX-WXX-{wd}"  # "flying out on a Friday": some Friday, not a dated one
    elif (dated := _its_date_after(st, m.end(), wd)) is not None:
        v = _fmt_day(dated)  # "visits the Colts for a Monday night game on Oct. 22": that day
    elif m.group("wkrel") and rel in ("", "on"):
        step = {"last": -1, "this": 0, "next": 1}[m.group("wkrel").lower()]
        monday = st.dct - timedelta(days=st.dct.weekday() - 7 * step)
        v = _fmt_day(monday + timedelta(days=wd - 1))
    else:
        if (
            rel == "that"
            # (not the conjunction: "telling voters that Tuesday's primary would")
            and not st.text.startswith(("'s", "’s"), m.end())
            and (named := _named_on(st, wd, m.start())) is not None
        ):
            d = named  # "Since the Feb. 22 attack ... The dome collapsed that Wednesday"
        elif rel == "that" and st.ref is not None:
            # "In a memo that Monday": the Monday nearest the day the story is at
            back = _resolve_weekday(st.ref, wd, -1)
            ahead = _resolve_weekday(st.ref, wd, 1)
            d = ahead if (ahead - st.ref) < (st.ref - back) else back
        elif rel in ("the following", "the previous", "the preceding"):
            # "The following Monday, the Post reported": the Monday after the story's day
            at = st.ref or st.dct
            step = 1 if rel == "the following" else -1
            d = _resolve_weekday(at + timedelta(days=step), wd, step)
        elif rel in ("last", "this past", "past"):
            d = _last_weeks(st.dct, wd)
        elif rel in ("next", "this coming", "coming"):
            d = (
                _next_weeks(st.dct, wd)
                if rel == "next"
                else _resolve_weekday(st.dct + timedelta(days=1), wd, 1)
            )
        elif rel == "this":
            # "protests called for this Friday", written on a Monday: a day still ahead in the
            # DCT's week is that one, whatever the tense ("this past Friday" says otherwise)
            tense = 1 if wd > st.dct.isoweekday() else st.tense(m.start(), m.end())
            d = _resolve_weekday(st.dct, wd, tense if tense else 1)
        else:
            tense = st.tense(m.start(), m.end())
            if tense == 0 and _FOR_NEAR.search(st.text, max(0, m.start() - 8), m.start()):
                tense = 1  # "People want their pies for Thursday": what it is for lies ahead
            elif tense <= 0 and _IS_ON_A_DAY.search(st.text, max(0, m.start() - 8), m.start()):
                tense = 1  # "Visitation is Thursday evening", "the vote is on Tuesday": a schedule
            if tense <= 0 and _WHEN_AHEAD_AFTER.match(st.text, m.end()):
                tense = 1  # "disruption on Sunday, when more snow is expected": to come
            elif _CLOSING_PRICE_BEFORE.search(st.text, max(0, m.start() - 24), m.start()):
                tense = -1  # "a 41% premium to the closing price Friday": a price already set
            elif (
                tense <= 0
                and _FROM_JUST_BEFORE.search(st.text, max(0, m.start() - 11), m.start())
                and _STRETCH_FROM.search(_sentence_before(st.text, m.start()))
            ):
                tense = 1  # "declared three days of national mourning from Sunday": to come
            if beside := _BESIDE_A_DAYREF.search(st.text, max(0, m.start() - 24), m.start()):
                # "maybe tomorrow, maybe Thursday", "yesterday or Monday": the same way
                tense = 1 if beside.group(1).lower() == "tomorrow" else -1
            by_near = _BY_NEAR.search(st.text, max(0, m.start() - 9), m.start())
            if (
                by_near
                and not st.text.startswith("'s", m.end())
                and (
                    _PAST_PERFECT.search(_sentence_before(st.text, m.start()))
                    or _HAD_AFTER.match(st.text, m.end())  # "and by Monday had retaken 90%"
                )
            ):
                # a past perfect tells of a deadline already passed, whatever noun looks
                # like a verb after it ("had filed compliance reports by Wednesday")
                tense = -1
            elif tense <= 0 and _PLANNED_FOR_NEAR.search(
                st.text, max(0, m.start() - 24), m.start()
            ):
                # "cancelled a visit planned for Wednesday", "a vigil planned for Saturday
                # was canceled": whether a plan for a day was kept or not, the nearer one ("a
                # visitation is planned for Friday" looks ahead)
                tense = _toward_the_nearer(st.dct, wd)
            elif by_near and tense <= 0 and not st.text.startswith("'s", m.end()):
                # a deadline or an end: the nearer of the two ("cancelled flights through
                # Monday" on a Saturday, "shelled their positions through Saturday night" on a
                # Sunday, "wrap up the hearings by Thursday" on a Monday); a sentence looking
                # ahead keeps its future ("flags will fly at half-staff through Friday", on a
                # Saturday)
                tense = _toward_the_nearer(st.dct, wd)
            if st.text.startswith("'s", m.end()) and _TOWARD_A_DAYS.search(
                st.text, max(0, m.start() - 20), m.start()
            ):
                tense = 1
            elif tense >= 0 and st.text.startswith("'s", m.end()):
                # "Wednesday's ruling": an event named by its day has mostly happened; only
                # a future word right before it ("will follow Friday's vote") looks ahead
                # or one its noun phrase takes ("Friday's jobs report is forecast to show")
                near = st.text[max(0, m.start() - 25) : m.start()]
                ahead = _EXPECTED_AFTER.match(st.text, m.end())
                tense = 1 if _FUTURE_CUES.search(near) or ahead else -1
            # (in a quotation, from the day it was spoken: "We have until Monday," she said
            # on a Friday in 2003)
            said_on = _speech_day(st, m.start()) if _in_quotation(st.text, m.start()) else st.dct
            d = _resolve_weekday(said_on, wd, 1 if tense > 0 else -1)
            if tense <= 0 and _in_a_run_of_days_ahead(st, m.start()):
                # "CSX reports on Wednesday, and Union Pacific on Thursday", "the sale
                # tonight, and Phillips follows on Thursday": the next in a run of days that
                # starts today or ahead
                d = _resolve_weekday(st.ref + timedelta(days=1), wd, 1)  # type: ignore[operator]
            if (
                tense >= 0
                # (a cheap look at the 200 characters first; the sentence's start costs more)
                and _NEXT_WEEK_BEFORE.search(st.text, max(0, m.start() - 200), m.start())
                and _NEXT_WEEK_BEFORE.search(_sentence_before(st.text, m.start()))
            ):
                # "Next week brings the jobs report on Friday": that week's Friday
                d = _next_weeks(said_on, 1) + timedelta(days=wd - 1)
            holiday = _holiday_for(st, m.end(), wd)
            if holiday is not None:
                d = holiday  # "markets closed Monday for Memorial Day": that Monday
        v = _fmt_day(d)
    if pod:
        return ("TIME", f"{v}T{PARTS_OF_DAY[pod.lower()]}")
    if sun := m.group("sun"):
        # "launched at dawn Friday": that day's morning (the blind writers 2 of 2)
        evening = sun.lower() in ("dusk", "sunset", "nightfall")
        return ("TIME", f"{v}T{'EV' if evening else 'MO'}")
    return ("DATE", v)


# What may stand between two days of one run: a conjunction and a subject, with no verb
# of its own in the past ("and Union Pacific Corp on", "followed by chemistry on")
_RUN_OF_DAYS_BETWEEN = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+(?:and|or|then|followed\s+by|before)\s+"
    r"(?:[\w&.'’<>-]+\s+){0,6}?(?:(?:follows?|comes?)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


def _in_a_run_of_days_ahead(st: _State, start: int) -> bool:
    """Whether the day the story last named, today or within the coming week, opens a run
    of days in this sentence that the weekday at ``start`` continues."""
    if st.ref is None or st.dct is None or not 0 <= (st.ref - st.dct).days <= 14:
        return False
    between = st.text[st.ref_end : start]
    if st.ref == st.dct and _past_cues(_sentence_before(st.text, st.ref_end)):
        return False  # "statements made Friday and Thursday": a run told in the past
    return (
        0 < len(between) <= 80
        and _RUN_OF_DAYS_BETWEEN.fullmatch(between) is not None
        and not _past_cues(re.sub(r"followed\s+by", "", between, flags=re.IGNORECASE))
    )


_IS_ON_A_DAY = re.compile(r"\b(?:is|are)\s+(?:on\s+)?$", re.IGNORECASE)
_NEXT_WEEK_BEFORE = re.compile(r"\bnext\s+week\b(?!['’]s\b|\s+or\b)", re.I)
_WHEN_AHEAD_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,\s+when\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:will|(?:is|are)\s+(?:expected|due|forecast|scheduled|set)\s+to)\b",
    re.IGNORECASE,
)
_CLOSING_PRICE_BEFORE = re.compile(r"\bclosing\s+(?:price|level|value)\s+(?:on\s+)?$", re.I)
_FROM_JUST_BEFORE = re.compile(r"\b(?:from|starting|beginning)\s+$", re.IGNORECASE)
_STRETCH_FROM = re.compile(
    r"\b(?:days|weeks|months|hours)\s+of\s+(?:[\w-]+\s+){0,3}?(?:from|starting|beginning)\s+$",
    re.IGNORECASE,
)
_PLANNED_FOR_NEAR = re.compile(r"\b(?:planned|scheduled|slated|booked)\s+for\s+$", re.IGNORECASE)
_BESIDE_A_DAYREF = re.compile(
    r"\b(tomorrow|yesterday)\s*(?:,|or|and)\s*(?:(?:maybe|perhaps|possibly|or|on)\s+)?$", re.I
)
# "closed Monday for Memorial Day", "funerals on Tuesday, New Year's Eve"
_FOR_A_HOLIDAY = re.compile(r"\s+(?:for|in\s+observance\s+of)\s+(?:the\s+)?|,\s+", re.I)


def _holiday_for(st: _State, pos: int, wd: int) -> date | None:
    """The day of a holiday a weekday is named for ("closed Monday for Memorial Day") or is
    ("on Tuesday, New Year's Eve"), when it falls on that weekday within a week of the DCT."""
    if st.dct is None:
        return None
    lead = _FOR_A_HOLIDAY.match(st.text, pos)
    found = _HOLIDAY_RX.match(st.text, lead.end()) if lead is not None else None
    if found is None:
        # "planned to celebrate Nowruz, the Kurdish new year, on Wednesday": a holiday the
        # clause before the day names
        if not _HOLIDAY_RX.search(st.text, max(0, pos - 90), pos):
            return None
        clause = re.split(r"[.;!?]\s", _sentence_before(st.text, pos)[-90:])[-1]
        named = list(_HOLIDAY_RX.finditer(clause))
        if not named:
            return None
        found = named[-1]
    for y in (st.dct.year - 1, st.dct.year, st.dct.year + 1):
        day = _holiday_date(found.group("h"), y)
        if day is not None and day.isoweekday() == wd and abs((day - st.dct).days) <= 7:
            return day
    return None


_HABITUAL_CLOCK = re.compile(
    # "daily" as an adverb ("open daily until"), not the adjective of "daily trading"
    r"\b(?:(?:daily|nightly)(?!\s+(?!until|through|from|at|to|and|except|between|before|after)"
    r"[a-z])|(?:every|each)\s+(?:day|night|morning|evening|afternoon)"
    # ... but the adjective of a pause kept each day ("a daily five-hour humanitarian pause,
    # from 9 a.m.") and days in the plural ("played on Saturdays and Sundays, kicking off at")
    r"|(?:daily|nightly)\s+(?:[\w\"“”-]+\s+){0,3}?[\"“]?(?:pause|curfew|truce|window|lull"
    r"|ceasefire|cease-fire|blackout|closure)"
    rf"|(?-i:(?:{WEEKDAY_RE})s)|weekdays|weekends|(?:every|each)\s+(?P<wd>{WEEKDAY_RE})"
    # "7 a.m. to 10 p.m., seven days a week"
    r"|(?:seven|six|five|7|6|5)\s+days\s+(?:a|per)\s+week)\b",
    re.I,
)


def _h_time(st: _State, m: re.Match[str]) -> Result:
    h: int
    mi: int | None = None
    if m.group("noon"):
        w = m.group("noon").lower()
        if w == "noon" and _prev_word(st.text, m.start()) == "high":
            return None  # "High Noon", "high noon comes today": the idiom, not a clock time
        # midnight ends its day: T24:00, as the guidelines write it and the blind writers
        # did 17 times in 23 (TBAQ's one midnight has "T24")
        h, mi = (24, 0) if w == "midnight" else (12, 0)
    elif m.group("h") is not None:
        h = int(m.group("h"))
        mi = int(m.group("mi")) if m.group("mi") else 0
        ampm = m.group("ampm").lower().replace(" ", "")
        if not 1 <= h <= 12 or (mi is not None and mi > 59):
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
    elif m.group("h2") is not None or (m.group("h4") or m.group("h5")) is not None:
        # "0600 GMT", "10:30 local time"; a 24-hour clock after "at" ("at 08:30")
        hh, mm = (
            (m.group("h2"), m.group("mi2"))
            if m.group("h2")
            else (m.group("h4") or m.group("h5"), m.group("mi4"))
        )
        h, mi = int(hh), int(mm)
        if h > 24 or mi > 59:
            return None
    else:
        raw = m.group("h3").lower()
        n = _number(raw)
        if n is None:
            return None
        h = int(n)
        pod = (m.group("pod3") or m.group("pod4") or m.group("pod5") or "").lower()
        if (pod in ("afternoon", "evening") or (pod == "night" and h >= 6)) and h < 12:
            h += 12  # "9 o'clock at night" (but "2 o'clock at night" is the small hours)
        elif not pod and h < 12 and _after_noon_in_its_paragraph(st.text, m.start()):
            h += 12  # "The wind started to howl around noon. By 3 o'clock, ...": the afternoon
        mi = int(m.group("mi3")) if m.group("mi3") else 0
    # which day
    day: str
    if m.group("mon2"):
        # "6 p.m. on Friday, Oct 30": the date says which Friday
        mon, dd = _month_of(m.group("mon2")), int(m.group("day2"))
        y = (
            int(m.group("tyear2"))
            if m.group("tyear2")
            else _nearest_year(st, mon, dd, m.start(), m.end())
        )
        day = f"XXXX-{mon:02d}-{dd:02d}" if y is None else f"{y}-{mon:02d}-{dd:02d}"
    elif m.group("wd"):
        wd = _weekday_of(m.group("wd"))
        trel = (m.group("trel") or "").lower()
        if st.dct is None:
            day = f"XXXX-WXX-{wd}"
        elif trel == "last":  # "9:00 a.m. last Wednesday"
            day = _fmt_day(_last_weeks(st.dct, wd))
        elif trel == "next":
            day = _fmt_day(_next_weeks(st.dct, wd))
        else:
            tense = st.tense(m.start(), m.end())
            day = _fmt_day(_resolve_weekday(st.dct, wd, 1 if tense > 0 else -1))
    elif m.group("rw"):
        word = m.group("rw").split()[0].lower()
        off = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}[word]
        # ('the curfew "will end at 6 a.m. tomorrow"', said Sunday night: from that day)
        day = (
            "XXXX-XX-XX"
            if st.dct is None
            else _fmt_day(_speech_day(st, m.start()) + timedelta(days=off))
        )
    elif m.group("mon"):
        mon = _month_of(m.group("mon"))
        dd = int(m.group("day"))
        if m.group("tyear"):
            y = int(m.group("tyear"))  # "6:15 a.m. on December 14, 2011"
        else:
            y = _nearest_year(st, mon, dd, m.start(), m.end())
        day = f"XXXX-{mon:02d}-{dd:02d}" if y is None else f"{y}-{mon:02d}-{dd:02d}"
    elif habit := (
        _HABITUAL_CLOCK.search(_sentence_before(st.text, m.start())[-60:])
        or _HABITUAL_CLOCK.search(_sentence_after(st.text, m.end())[:60])
    ):
        # "open daily until 6 p.m.", "at 7 a.m. each day": any day's; "from 11 a.m. to
        # 3 p.m. every Friday": any Friday's
        every = habit.group("wd")
        day = f"XXXX-WXX-{_weekday_of(every)}" if every else "XXXX-XX-XX"
    elif st.dct is not None and (later := _WEEKDAY_OF_THE_CLOCK.match(st.text, m.end())):
        # "a 1 p.m. close on Friday", "the 5 p.m. deadline Tuesday": the clock time names
        # an event whose day follows it
        wd = _weekday_of(later.group("wd"))
        tense = st.tense(later.start("wd"), later.end("wd"))
        day = _fmt_day(_resolve_weekday(st.dct, wd, 1 if tense > 0 else -1))
    else:
        anchor = _day_of_a_time_of_day(st, m.start(), m.end())
        day = "XXXX-XX-XX" if anchor is None else _fmt_day(anchor)
    if (
        h == 24
        and (m.group("noon") or "").lower() == "midnight"
        and _prev_word(st.text, m.start()) in ("after", "between", "from", "since")
    ):
        h = 0  # "shortly after midnight", "between midnight and noon": the day's start
    hm = f"{h:02d}" if mi is None else f"{h:02d}:{mi:02d}"
    if m.groupdict().get("se"):
        hm += f":{int(m.group('se')):02d}"  # "6:59:57 p.m."
    return ("TIME", f"{day}T{hm}")


# (a clock's "am" and "pm" after its digits, not the verb of "I am")
_HALF_OF_THE_DAY = re.compile(
    r"(?P<pm>\b(?:noon|afternoon|evening)\b|\d\s*p\.?\s?m\b)|\b(?:morning|dawn)\b|\d\s*a\.?\s?m\b",
    re.I,
)


def _after_noon_in_its_paragraph(text: str, pos: int) -> bool:
    """Whether the last half of the day its paragraph named before ``pos`` is the afternoon
    ("around noon", "at 2 p.m.", "that afternoon"), so a bare "3 o'clock" is 15:00."""
    para = text.rfind("\n", 0, pos) + 1
    halves = list(_HALF_OF_THE_DAY.finditer(text, max(para, pos - 300), pos))
    return bool(halves) and halves[-1].group("pm") is not None


_MID_POD_AFTER = frozenset(["by", "at", "in", "until", "before", "after", "through"])


def _day_of_a_time_of_day(st: _State, start: int, end: int) -> date | None:
    """The day a clock time or part of the day at [start, end) is on, when it names none: the
    day the story is at, or the DCT's when the story only looked ahead to that day or is
    plainly back at its own."""
    anchor = st.ref or st.dct
    if st.ref is not None and _RIGHT_AFTER_A_DAY.fullmatch(st.text, st.ref_end, start):
        return anchor  # "the first debate on April 5 at 7 p.m.": the day just named
    if _only_looked_ahead_to(st, anchor, start, end):
        # a clock time in a sentence not looking ahead tells of what happened: a day the
        # story looked ahead to ("rain forecast for Tuesday") is not where it is
        return st.dct
    if (
        st.dct is not None
        and anchor is not None
        and (
            abs((anchor - st.dct).days) > 1
            or st.ref_kind == "ago"
            # ... or, in a story of today, the day of an aside ("told Obama in a letter
            # Sunday"; a paragraph on, "trading opened at 9:30 a.m." is today's)
            or (st.story_day == st.dct and anchor != st.dct and not _in_quotation(st.text, start))
        )
        and "\n" in st.text[st.ref_end : start]
    ):
        # a day well away from the story's named a paragraph or more ago, or one it
        # compared with ("A day earlier, the blue chips tumbled"): the clock time is the
        # story's own day ("the verdict was read shortly after noon", paragraphs after the
        # background's "on Feb. 21")
        return st.dct
    return anchor


def _only_looked_ahead_to(st: _State, anchor: date | None, start: int, end: int) -> bool:
    """Whether ``anchor`` is a day after the DCT that the story only looked ahead to, while the
    sentence at [start, end) tells in the past of what happened (so its time of day is the
    DCT's); one in the present reads out the schedule ("liftoff on Saturday, May 19 ... There
    is a single launch opportunity at 4:55 a.m.")."""
    return (
        st.dct is not None and anchor is not None and anchor > st.dct and st.tense(start, end) < 0
    )


_NOT_DONE_QUICKLY = re.compile(
    r"(?:n['’]t|\bnot|\bnever)\s+(?:\w+\s+)?(?:happen|change|come|disappear|go\s+away"
    r"|be\s+\w+)\s+$",
    re.I,
)


def _h_timepod(st: _State, m: re.Match[str]) -> Result:
    # as for a clock time: what happened "in afternoon trading" is not on a day the story
    # looked ahead to ("on inflation Friday", "which includes Christmas")
    anchor = _day_of_a_time_of_day(st, m.start(), m.end())
    if m.group("overnight"):
        if _NOT_DONE_QUICKLY.search(st.text, max(0, m.start() - 40), m.start()):
            return None  # "This won't happen overnight": quickly, not in a night
        # the night just gone, or the coming one, as the report tells it
        if st.dct is None:
            return ("TIME", "XXXX-XX-XXTNI")
        night = st.dct - timedelta(days=1) if st.tense(m.start(), m.end()) <= 0 else st.dct
        return ("TIME", f"{_fmt_day(night)}TNI")
    if m.group("mid") and _prev_word(st.text, m.start()) not in _MID_POD_AFTER:
        return None  # "mid-morning trading" is tagged with its day, if at all
    if m.group("sun"):
        if _prev_word(st.text, m.start()) not in _MID_POD_AFTER | {"from", "since", "till"}:
            return None
        if m.group("sun")[0].isupper() and not _at_sentence_start(st.text, m.start()):
            return None  # "Harbour at Dusk", a painting's name
        if _next_word(st.text, m.end()) in _A_DAWN_KIND:
            return None  # "arrested in dawn raids": a kind of raid, not a time of the story
        day = "XXXX-XX-XX" if anchor is None else _fmt_day(anchor)
        evening = m.group("sun").lower() in ("dusk", "sunset", "nightfall")
        return ("TIME", f"{day}T{'EV' if evening else 'MO'}")
    day = "XXXX-XX-XX" if anchor is None else _fmt_day(anchor)
    if m.group("trading"):
        return ("TIME", f"{day}T{PARTS_OF_DAY[m.group('trading').split()[-1].lower()]}")
    pod = m.group("pod") or m.group("mid")[3:].lstrip("- ")
    return ("TIME", f"{day}T{PARTS_OF_DAY[pod.lower()]}")


_A_DAWN_KIND = frozenset(
    ("raid", "raids", "attack", "attacks", "assault", "strike", "strikes", "patrol", "patrols")
)

_SETWORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "hourly": "PT1H",
}


_A_PAPER_AFTER = re.compile(
    r"\s+(?:(?:news)?papers?|magazines?|tabloids?|newsletters?)\b", re.IGNORECASE
)
# "for the daily Publico", "with the regional daily Nice-Matin"
_THE_PAPER_NAMED = re.compile(r"\bthe\s+(?:[a-z]+\s+)?$")
_A_PAPERS_KIND_BEFORE = re.compile(
    r"\bthe\s+(?:local|regional|national|provincial|state-run|official|financial|business"
    r"|evening|morning|sunday|party)\s+$",
    re.IGNORECASE,
)
_A_CHANGE_AFTER = re.compile(
    r"\s+(?:increases?|gains?|declines?|drops?|rises?|loss(?:es)?|advances?|falls?|jumps?)\b",
    re.IGNORECASE,
)
_A_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?!\s+(?-i:[A-Z]))")


def _h_setword(st: _State, m: re.Match[str]) -> Result:
    w = m.group("w")
    if w[0].isupper() and not _at_sentence_start(st.text, m.start()):
        return None  # "The Daily Beast", "Business Weekly": part of a name
    if (
        _A_PAPER_AFTER.match(st.text, m.end())
        or _A_PAPERS_KIND_BEFORE.search(st.text, max(0, m.start() - 16), m.start())
        or (
            _A_NAME_AFTER.match(st.text, m.end())
            and _THE_PAPER_NAMED.search(st.text, max(0, m.start() - 20), m.start())
        )
    ):
        # "a column for the daily Publico", "the weekly magazine", "a reporter from the local
        # weekly": a paper
        return None
    if _A_CHANGE_AFTER.match(st.text, m.end()):
        return None  # "its fourth straight weekly decline", "the biggest monthly gain": a measure
    if _prev_word(st.text, m.start()) == "average" or _next_word(st.text, m.end()) == "average":
        # "average daily volume", "the daily average": a measure's unit, mostly left
        # untagged (TBAQ 2 to 1, the blind writers 5 to 3)
        return None
    return ("SET", _SETWORDS[m.group("w").lower()])


def _h_playseason(st: _State, m: re.Match[str]) -> Result:
    """A playing season named from the DCT, valued as the year it is in (a season has no
    TIMEX3 unit of its own; news dates "this season" by the year it is written in)."""
    if st.dct is None:
        return ("DATE", "XXXX")
    step = {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    return ("DATE", str(st.dct.year + step))


def _h_freqset(st: _State, m: re.Match[str]) -> Result:
    return ("SET", _fmt_duration(1, m.group("unit")))  # "five nights a week": P1W, freq 5X


# "3.4 million barrels per day", "15 km per hour", "$2 a share per year": a rate's unit
_RATE_BEFORE = re.compile(
    r"(?:\d|percent|%|cents?|dollars?|million|billion|barrels|tonnes|tons|miles|km|kilometres"
    r"|kilometers|meters|metres|feet|litres|liters|gallons|euros|pounds|yuan|rupees)\)?\s*$",
    re.IGNORECASE,
)


def _h_set(st: _State, m: re.Match[str]) -> Result:
    if m.group(0)[:3].lower() == "per" and _RATE_BEFORE.search(
        st.text, max(0, m.start() - 20), m.start()
    ):
        return None  # as with "$1.76 a year", annotators leave a rate's unit of time untagged
    if m.group("podset") and not m.group("num") and not m.group("other"):
        # "every night": each night, at no particular date
        return ("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('podset').lower()]}")
    if m.group("podset"):
        return ("SET", _fmt_duration(2 if m.group("other") == "other" else 1, "day"))
    if m.group("wd"):
        pod = m.group("pod")  # "every Thursday evening"
        pod = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
        return ("SET", f"XXXX-WXX-{_weekday_of(m.group('wd'))}{pod}")
    if m.group("mon"):
        day = int(m.group("day")) if m.group("day") else 0
        if 1 <= day <= 31:
            return ("SET", f"XXXX-{_month_of(m.group('mon')):02d}-{day:02d}")  # every Sept. 11
        return ("SET", f"XXXX-{_month_of(m.group('mon')):02d}")
    if m.group("season"):
        return ("SET", f"XXXX-{SEASONS[m.group('season').lower()]}")
    unit = m.group("unit").lower()
    if unit == "weekend":
        return ("SET", "XXXX-WXX-WE")
    n: float | None = 1.0
    if m.group("num"):
        n = _number(m.group("num"))
    if m.group("other"):
        n = 2.0 if m.group("other").lower() == "other" else 1.0
    return ("SET", _fmt_duration(n, unit))


_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "then current": "PAST_REF",  # "the then current price": current at a past time
    "then-current": "PAST_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "this time": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "once": "PAST_REF",
    "recent": "PAST_REF",
    "former": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the longer term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
    "the long run": "FUTURE_REF",
    "the short run": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "someday": "FUTURE_REF",
}
# reference words we recognise (so that they win overlaps) but do not emit: too often not
# temporal in news ("once" = "as soon as", "former president", "the moment he").
_REF_SILENT = {
    "once",
    "former",
    "formerly",
    "previously",
    "future",
    "time to time",
    "this time",
    "the moment",
    "the present",
}


def _h_ref(st: _State, m: re.Match[str]) -> Result:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w in _REF_SILENT:
        return None
    if w == "soon" and (
        re.search(r"\bas\s+$", st.text[max(0, m.start() - 4) : m.start()])
        or _next_word(st.text, m.end()) in ("after", "afterward", "afterwards", "as", "thereafter")
        or _past_cues(st.text[max(0, m.start() - 12) : m.start()])
        or _past_cues(re.split(r"[,.;:!?\"”]", st.text[m.end() : m.end() + 12])[0])
    ):
        # "will soon publish", "it has to change soon" look ahead; "as soon as", "soon after
        # the vote" are signals, and "was soon released", "soon became" tell of the past
        return None
    if w == "recent":
        return None
    if w == "recently" and (
        re.search(r"\b(?:as|most)\s+$", st.text[max(0, m.start() - 6) : m.start()], re.I)
    ):
        return None  # "as recently as Friday", "most recently last October": the date says when
    if w == "current":
        nxt = _next_word(st.text, m.end())
        if nxt in ("account", "accounts", "affairs", "events", "liabilities", "assets"):
            return None
    if w == "future" and _next_word(st.text, m.end()) in ("contract", "contracts", "of"):
        return None
    return ("DATE", _REFS[w])


_TITLE_OF_THE_YEAR = re.compile(
    r"\b(?:player|person|man|woman|coach|manager|team|album|song|record|book|car|word|athlete"
    r"|rookie|footballer|sportsman|sportswoman|entertainer|artist|event|story|game|goal)s?\s+of\s+$",
    re.I,
)
_YEAR_LENGTH_AFTER = re.compile(
    rf"\s+(?:that\s+)?(?:ended|ending|ends|through|to\s+(?:the\s+)?(?:end|\w+\.?\s+\d|{MONTH_RE}))",
    re.I,
)
_YEAR_LENGTH_BEFORE = re.compile(r"\b(?:throughout|over|all)\s+$", re.I)


def _h_theyear(st: _State, m: re.Match[str]) -> Result:
    if m.group("dec"):
        return _decade_anaphor(st, m)
    w = re.sub(r"\s+", " ", m.group("w").lower())
    dct = st.dct
    adj = (m.group("adj") or "").lower()
    if w == "the year" and _TITLE_OF_THE_YEAR.search(st.text, max(0, m.start() - 24), m.start()):
        return None  # "player of the year", "album of the year": a title, not a time
    if m.group("half"):
        # "until the second half of the year": a half of the year the narrative is in (a year
        # named a paragraph back, or in passing, is not: "downgraded the debt in July 2014 ...
        # added 28,000 jobs in the first half of the year", written in 2015)
        y = _narrative_year(st, m.start(), m.end()) or (dct.year if dct else st.ref_year)
        if dct is not None and st.tense(m.start(), m.end()) > 0:
            y = dct.year  # what is expected "until the second half of the year" is this year's
        h = 1 if m.group("half").lower() == "first" else 2
        return ("DATE", f"{'XXXX' if y is None else y}-H{h}")
    if w == "the year" or adj in ("fiscal", "calendar", "whole", "entire"):
        # "revenue for the year ended March 31", "throughout the fiscal year" measure a
        # length; "earnings for the year", "the first nine months of the year" name the
        # year the narrative is in
        if (
            adj in ("whole", "entire")
            or _YEAR_LENGTH_AFTER.match(st.text, m.end())
            or _YEAR_LENGTH_BEFORE.search(st.text, max(0, m.start() - 12), m.start())
        ):
            return ("DURATION", "P1Y")
        # the year of writing: "capital spending for the year", even after a story of 1999
        return ("DATE", "XXXX" if dct is None else str(dct.year))
    y = st.ref_year if st.ref_year is not None else (dct.year if dct else None)
    if m.group("adj") == "full" or w == "full-year":
        # "earnings for the full year": the reporting year, whatever year was named last
        return ("DATE", "XXXX" if dct is None else str(dct.year))
    unit = m.group("u")
    if m.group("u2"):
        # "earlier in the year/day": within the period the narrative is at
        unit = m.group("u2")
        if unit == "year":
            return ("DATE", "XXXX" if y is None else str(y))
        ref = st.ref or dct
        if ref is None:
            return ("DATE", {"month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX"}[unit])
        if unit == "day":
            return ("DATE", _fmt_day(ref))
        return ("DATE", f"{ref.year}-{ref.month:02d}" if unit == "month" else _fmt_week(ref))
    if unit == "decade":
        # "by the end of the decade his successors had been driven out": the decade the story
        # is in; what is hoped for "before the end of the decade" is in the writer's, as is
        # one after a year still ahead ("double trade by 2020 ... by the end of the decade",
        # written in 2013: no story is set in 2020)
        if dct is not None and (st.tense(m.start(), m.end()) > 0 or (y or 0) > dct.year):
            y = dct.year
        return ("DATE", "XXX" if y is None else str(y)[:3])
    if unit in ("month", "week"):
        if dct is None:
            return ("DATE", "XXXX-XX" if unit == "month" else "XXXX-WXX")
        return ("DATE", f"{dct.year}-{dct.month:02d}" if unit == "month" else _fmt_week(dct))
    if dct is not None and _SINCE_NEAR.search(st.text, max(0, m.start() - 8), m.start()):
        return ("DATE", str(dct.year))  # "have met every few weeks since the start of the year"
    if (
        dct is not None
        and y is not None
        and y < dct.year
        and st.tense(m.start(), m.end()) > 0
        # (a future in the past stays in the story's year: "The offensive began on 17 October
        # 2016. Commanders promised it would be over by the end of the year.")
        and not _WOULD_NOT_WILL.fullmatch(_sentence_before(st.text, m.start()))
    ):
        y = dct.year  # "a curfew will remain in force until the end of the year": this one
    return ("DATE", "XXXX" if y is None else str(y))


_WOULD_NOT_WILL = re.compile(r"(?:(?!\b(?:will|won't)\b|'ll\b).)*\bwould\b.*", re.I | re.S)


def _decade_anaphor(st: _State, m: re.Match[str]) -> Result:
    """A decade named by reference: "that decade" and "the following decade" count from the
    decade (or year) the story is at; "the decade", from the writer's, unless a past
    sentence is set in another."""
    rel = re.sub(r"\s+", " ", m.group("decrel").lower())
    if st.dct is None:
        return ("DATE", "XXX")
    at = st.decade or (str(st.ref_year)[:3] if st.ref_year is not None else "")
    if rel == "the":
        past = st.tense(m.start(), m.end()) < 0
        at = str(st.ref_year)[:3] if past and st.ref_year is not None else str(st.dct.year)[:3]
    if not at:
        return None
    step = {"the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    return ("DATE", str(int(at) + step))


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _nth_of_month(st: _State, m: re.Match[str]) -> tuple[int, int | None, int]:
    """The month, its year (None without a DCT) and the place in it (-1: the last) that "the
    second Monday in October" or "the final week of September 2006" names."""
    month = _month_of(m.group("mon"))
    if m.group("year"):
        y: int | None = int(m.group("year"))
    else:
        y = _nearest_year(st, month, None, m.start(), m.end())
    return month, y, _NTH[m.group("n").lower()]


def _h_nthweekday(st: _State, m: re.Match[str]) -> Result:
    month, y, n = _nth_of_month(st, m)
    if y is None:
        return ("DATE", f"XXXX-{month:02d}-XX")
    return ("DATE", _fmt_day(_nth_weekday(y, month, _weekday_of(m.group("wd")), n)))


def _h_nthweek(st: _State, m: re.Match[str]) -> Result:
    month, y, n = _nth_of_month(st, m)
    weekend = m.group("end") is not None
    if y is None:
        return ("DATE", "XXXX-WXX-WE" if weekend else "XXXX-WXX")
    # A week two months share is the month's that holds its Thursday (ISO's own rule for a
    # week two years share); a weekend is the month's that holds its Saturday.
    day = _nth_weekday(y, month, 6 if weekend else 4, n)
    return ("DATE", _fmt_week(day) + ("-WE" if weekend else ""))


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
    for rx, key in _FEAST_KEYS:
        if rx.search(name):
            return tuple(date.fromisoformat(d) for d in FEAST_DAYS[key])
    return ()


def _h_holiday(st: _State, m: re.Match[str]) -> Result:
    name = m.group("h")
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if m.group("every"):
        if rel:
            return None  # "each last Christmas" is no phrase of ours
        # a fixed day keeps its month and day ("every Christmas": XXXX-12-25), a day that
        # moves within a month its month ("every Thanksgiving": XXXX-11); Easter keeps neither
        days = {_holiday_date(name, y) for y in range(2001, 2029)}
        if None in days:
            return ("SET", "XXXX-XX-XX")
        if len({(d.month, d.day) for d in days}) == 1:
            d = days.pop()
            return ("SET", f"XXXX-{d.month:02d}-{d.day:02d}")
        months = {d.month for d in days}
        return ("SET", f"XXXX-{months.pop():02d}" if len(months) == 1 else "XXXX-XX-XX")
    if ys := m.group("ys") or m.group("ty"):
        # "this year's Spring Festival", "last year's Thanksgiving", "Christmas last year"
        if st.dct is None:
            return ("DATE", "XXXX-XX-XX")
        y = st.dct.year + {"this": 0, "last": -1, "next": 1}[ys.lower()]
        day = _holiday_date(name, y)
        return None if day is None else _holiday_result(m, day)
    feast_days = _feast_days(re.sub(r"\s+", " ", name.lower()))
    if feast_days and not m.group("year"):
        return _h_feast(st, m, feast_days, rel)
    if m.group("year"):
        y = int(m.group("year"))
    elif rel.startswith("the ") and (st.ref or st.dct) is not None:
        # "another envelope the following Christmas": the first one after the story's day
        at = st.ref or st.dct
        assert at is not None
        step = -1 if rel == "the previous" else 1
        y = at.year
        d0 = _holiday_date(name, y)
        if d0 is None:
            return None
        if step > 0 and d0 <= at:
            y += 1
        elif step < 0 and d0 >= at:
            y -= 1
    elif st.dct is None:
        a, b = _holiday_date(name, 2001), _holiday_date(name, 2002)
        if a is None or b is None:
            return None
        same = (a.month, a.day) == (b.month, b.day)  # fixed-date holidays keep month and day
        return ("DATE", f"XXXX-{a.month:02d}-{a.day:02d}" if same else "XXXX-XX-XX")
    else:
        # "a letter dated 2 May 1985: 'I'll be home by next Christmas'": from when it was written
        written = _quoted_speech_date(st, m.start()) if rel in ("last", "next") else None
        at = written[0] if written and written[1] == "D" else st.dct
        y = at.year
        d0 = _holiday_date(name, y)
        if d0 is None:
            return None
        if rel == "last" and d0 >= at:
            y -= 1
        elif rel == "next" and d0 <= at:
            y += 1
        elif not rel and (dated := _quoted_speech_date(st, m.start())) is not None:
            # "sent on Sunday 8 November 2009, he urged an officer to 'get this over the line
            # before Christmas'": the first one from the day it was written
            y = dated[0].year
            first = _holiday_date(name, y)
            if first is not None and first < dated[0] and dated[1] != "Y":
                y += 1
        elif (
            not rel
            and (point := _story_point(st)) is not None
            and abs((point - st.dct).days) > 60
            and (point_end := st.year_end if st.year_after_day else st.ref_end) <= m.start()
            and not _sent_end_search(st.text, point_end, m.start())
            # (a month or season counts when its year is written: "since December 2010")
            and (not st.year_after_day or _YEAR_WRITTEN.search(st.text, point_end - 6, point_end))
            # a day the story is at, not one counted back from the DCT ("kidnapped a year
            # ago today have appealed to free him in time for Christmas": this Christmas)
            and st.ref_kind != "ago"
            # nor a present perfect's "since" ("first elected in 1978, has not campaigned
            # with him since Labor Day": the last one before the DCT)
            and not (
                _SINCE_NEAR.search(st.text, max(0, m.start() - 12), m.start())
                and _PRESENT_PERFECT.search(_sentence_before(st.text, m.start()))
            )
        ):
            # "moved in on Dec. 23, 2005, just in time for Christmas", "since December 2010,
            # when snow left travellers sleeping in the days before Christmas": the one next
            # to the day or month its sentence is at
            y = min(
                (point.year - 1, point.year, point.year + 1),
                key=lambda yy: abs(((_holiday_date(name, yy) or d0) - point).days),
            )
        elif not rel:
            y = _nearest_year(st, d0.month, d0.day, m.start(), m.end()) or y
    d = _holiday_date(name, y)
    if d is None:
        return None
    if m.group("weekend"):
        # "the Fourth of July weekend", "the Labor Day weekend": the weekend next to the day
        if d.isoweekday() <= 3:
            d -= timedelta(days=d.isoweekday())
        return ("DATE", _fmt_week(d) + "-WE")
    if m.group("week"):
        return ("DATE", _fmt_week(d))  # "Easter week", "Christmas week": the week holding it
    return _holiday_result(m, d)


def _holiday_result(m: re.Match[str], d: date) -> Result:
    """The holiday's day, or the part of it named ("Thanksgiving night")."""
    if m.group("eve"):
        d -= timedelta(days=1)
    elif m.group("dayafter"):
        d += timedelta(days=1)
    if pod := m.group("hpod"):
        return ("TIME", f"{_fmt_day(d)}T{PARTS_OF_DAY[pod.lower()]}")
    return ("DATE", _fmt_day(d))


def _h_feast(st: _State, m: re.Match[str], days: tuple[date, ...], rel: str) -> Result:
    """A lunar or Hebrew feast without a year: it moves through the Gregorian year, so the
    occurrence is picked among its dates rather than by the month and day of one."""
    if st.dct is None:
        return ("DATE", "XXXX-XX-XX")
    dct = st.dct
    # "the following Eid" counts from the story's day, "last Eid" from the DCT
    pivot = (st.ref or dct) if rel.startswith("the ") else dct
    before = [d for d in days if d < pivot]
    after = [d for d in days if d > pivot]
    if rel in ("last", "the previous"):
        found = before[-1] if before else None
    elif rel in ("next", "the following", "the next"):
        found = after[0] if after else None
    elif dct in days:
        found = dct
    else:
        prev, nxt = (before[-1] if before else None), (after[0] if after else None)
        options = [d for d in (prev, nxt) if d is not None]
        if not options:
            return None
        found = min(options, key=lambda d: abs((d - dct).days))
        tense = st.tense(m.start(), m.end())
        if _SINCE_NEAR.search(st.text, max(0, m.start() - 12), m.start()) and prev is not None:
            found = prev  # "stockpiled food since Eid al-Adha"
        elif tense < 0 and found == nxt and prev is not None and (dct - prev).days < 300:
            found = prev
        elif tense > 0 and found == prev and nxt is not None and (nxt - dct).days < 300:
            found = nxt
    if found is None:
        return None
    if m.group("week"):
        return ("DATE", _fmt_week(found))
    return _holiday_result(m, found)


def _h_yearago(st: _State, m: re.Match[str]) -> Result:
    if st.ref_quarter is not None:
        y, q = st.ref_quarter
        return ("DATE", f"{y - 1}-Q{q}")
    if st.dct is None:
        return ("DATE", "XXXX")
    return ("DATE", str(st.dct.year - 1))


def _h_namedday(st: _State, m: re.Match[str]) -> Result:
    if m.group("crash"):
        return None if st.dct is not None and st.dct.year < 1988 else ("DATE", "1987-10-19")
    if st.dct is not None and st.dct.year < 2002:
        return None  # before 2001 "Sept. 11 attacks" is any year's; "9/11" a fraction
    return ("DATE", "2001-09-11")


def _h_longadj(st: _State, m: re.Match[str]) -> Result:
    if m.group("halfhour"):
        if _prev_word(st.text, m.start()) in ("every", "each"):
            return None  # a frequency, not a length
        return ("DURATION", "PT30M")
    return ("DURATION", _fmt_duration(1, m.group("unit") or m.group("ou")))


def _h_ahead(st: _State, m: re.Match[str]) -> Result:
    if m.group("wk"):
        # "the week ahead" in a Sunday's preview is the coming week; on a weekday, this one
        return ("DATE", "XXXX-WXX" if st.dct is None else _fmt_week(st.dct + timedelta(days=1)))
    if _COUNT_JUST_BEFORE.search(st.text, max(0, m.start() - 16), m.start()):
        return None  # "six months ahead": the length said ("six months") is the expression
    return ("DURATION", _fmt_duration(None, m.group("unit")))


_COUNT_JUST_BEFORE = re.compile(rf"(?:\d|\b(?:{CARDINAL_WORD_RE}))\s+$", re.IGNORECASE)


_DAY_OF_MONTH_AFTER = frozenset(
    ["on", "from", "about", "until", "by", "since", "before", "after", "through", "till"]
)


def _h_dayofmonth(st: _State, m: re.Match[str]) -> Result:
    if _prev_word(st.text, m.start()) not in _DAY_OF_MONTH_AFTER:
        return None
    at = st.ref or st.dct
    if at is None:
        return ("DATE", f"XXXX-XX-{int(m.group('day')):02d}")
    try:
        return ("DATE", _fmt_day(at.replace(day=int(m.group("day")))))
    except ValueError:
        return None


def _h_weekof(st: _State, m: re.Match[str]) -> Result:
    mon, day = _month_of(m.group("mon")), int(m.group("day"))
    y = int(m.group("year")) if m.group("year") else _nearest_year(st, mon, day, m.start(), m.end())
    weekend = "-WE" if m.group("end") else ""  # "the weekend of Oct. 14": that week's weekend
    if y is None:
        return ("DATE", f"XXXX-WXX{weekend}")
    try:
        return ("DATE", _fmt_week(date(y, mon, day)) + weekend)
    except ValueError:
        return None


def _h_misc(st: _State, m: re.Match[str]) -> Result:
    if m.group("w"):
        return ("DURATION", "PXX")
    return ("DATE", "FUTURE_REF")


_HANDLERS: dict[str, Callable[[_State, re.Match[str]], Result]] = {
    "misc": _h_misc,
    "weekof": _h_weekof,
    "nthweek": _h_nthweek,
    "yearago": _h_yearago,
    "ahead": _h_ahead,
    "longadj": _h_longadj,
    "namedday": _h_namedday,
    "theyear": _h_theyear,
    "holiday": _h_holiday,
    "nthweekday": _h_nthweekday,
    "shortyear": _h_shortyear,
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
    if m2 and kind in _YEAR_KINDS:
        st.ref_year = int(m2.group(1))
        st.year_after_day = True
        if m2.group(2) and kind == "month":
            # "In March, ... The following month": month anaphora count from March
            st.ref_month = date(int(m2.group(1)), int(m2.group(2)), 1)


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


_COMPARED_WITH_BEFORE = re.compile(r"\b(?:from|than|with|over|versus|vs\.)\s+$", re.I)
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)$")


def _is_lead_month(dct: date | None, value: str) -> bool:
    """Whether ``value`` is a month and the DCT's or the one before it."""
    m = _MONTH_VALUE.match(value)
    if dct is None or m is None:
        return False
    months_back = (dct.year - int(m[1])) * 12 + dct.month - int(m[2])
    return months_back in (0, 1)


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
            or (_ON_A_FULL_DATE.search(text, max(0, s - 4), s) and _YEAR_IN.search(text, s, e))
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
    plain = _plain(text)
    found = _tag(plain, dct, reports=reports)
    if plain == text:
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


def _tag(text: str, dct: date | None, *, reports: bool) -> list[Timex]:
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    for prio, (name, rx) in enumerate(_COMPILED):
        for m in rx.finditer(text):
            s, e = _trim(text, m.start(), m.end(), name)
            if e > s:
                cands.append((s, e, prio, name, m))
    # Longest first, then leftmost, then pattern order. A candidate its handler rejects (on a
    # scratch state) gives way, so the shorter expressions inside it can still be found.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    scratch = _State(
        text=text, dct=dct, ref=dct, ref_year=dct.year if dct else None, reports=reports
    )
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
    st = _State(text=text, dct=dct, ref=dct, ref_year=dct.year if dct else None, reports=reports)
    out: list[Timex] = []
    for s, e, name, m in taken:
        res = _resolve(st, name, m)
        if res is None:
            continue
        typ, value = res
        if not value:
            continue
        # (a clock time's day may come from the weekday after it: "at 7 a.m. that Wednesday")
        if typ == "DATE" and (day := _day_value(value)) is not None:
            st.named_days.append((e, day))
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
            and not _PERIOD_END_NEAR.search(text, max(0, s - 16), s)
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
            if f is not None:
                s = f.start()
            # (a hedge stays outside: "almost daily", "almost every day" in TBAQ, 3 to 0,
            # though the blind writers take it in)
        out.append(
            Timex(
                start=s,
                end=e,
                text=text[s:e],
                type=typ,
                value=value,
                mod=_mod(text, s, e, typ),
                anchored=anchored,
            )  # type: ignore[arg-type]
        )
        if name in ("monthday", "daymonth") and _DAY_RE.match(value):
            extra = _range_other_day(text, s, e, value, used)
            if extra is not None:
                out.append(extra)
    out.sort(key=lambda t: t.start)
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if t.type != "TIME" or "T" not in t.value:
            continue
        if (
            nxt.type == "DATE"
            and _DAY_RE.match(nxt.value)
            and _TIME_THEN_DATE.fullmatch(text, t.end, nxt.start)
        ):
            # "at 08:30 on 16/10/2016": the clock time is on the date that follows it
            out[i] = _on_day(t, nxt.value)
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
    _date_zone_twins(text, out)
    _weekday_ranges(text, dct, out)
    out = _day_ranges_with_a_year(text, out)
    return _join_compound_durations(text, _join_days_and_clocks(text, out))
