"""The resolution state: the DCT, the reference time the narrative is at and what it has
named so far; and the year of a month or the day of a weekday given without one, by its
distance from the DCT and the tense around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.extraction.temporal.cues import (
    _FUTURE_CUES,
    _HAD_AFTER,
    _ONLY_PARTICIPLES,
    _PAST_PERFECT,
    _PRESENT_AUX,
    _SAID_NEAR,
    _UNTIL_NEAR,
    _future_cues,
    _past_cues,
)
from timeline.extraction.temporal.lexicon import WEEKDAY_RE
from timeline.extraction.temporal.text import (
    _PARAGRAPH_BREAK,
    _clause_before,
    _prev_word,
    _sent_end_search,
    _sentence_before,
)


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
    named_days: list[tuple[int, int, date]] = field(default_factory=list)  # (start, end, day)
    # whether the document writes numeric dates day first ("23/10/2016"), month first, or
    # cannot be told (house_style.numeric_dates_day_first)
    numbers_day_first: bool | None = None

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
                if _PRESENT_AUX.search(seg_before, 0, f_end) or re.search(
                    r"\bnow\s+\w+$", seg_before[:f_end], re.I
                ):
                    # ("the caucuses, now expected in the middle of January")
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
    r"(?!(?:first|second|third|last|final|new|next|own|only|annual|latest)\b)(?-i:[a-z]+)\s+$"
    # ... or a pronoun after a noun, the subject of a relative clause ("should test the deal
    # they brokered on May 17")
    r"|(?<=[a-z]\s)(?-i:they|he|she|we|it)\s+$",
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
# ... a reporting period's: "the quarter ended Sept. 30", "the six months ending in June", "as
# of March 31" (a happening's end moves the story: "The spree ended on March 17, 2012. ...
# police found him that night")
_A_PERIOD_ENDED_NEAR = re.compile(
    r"(?:\b(?:quarters?|years?|half|period|months?|weeks?|days?|season|term|session|time)"
    r"(?:\s*,?\s+(?:that|which))?\s+(?:ended|ends)|\bending|\bas\s+of)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
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


# What a handler returns: (type, value), or None to drop the candidate
Result = tuple[str, str] | None


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
        or _told_in_the_present(st.text, pos)
    ):
        return None
    return year


def _told_in_the_present(text: str, pos: int) -> bool:
    """Whether pos's sentence is told in the present, with no past cue before pos: "Lopez was
    convicted of the October 2011 killing. He faces life in prison when he's sentenced May
    7" is back at the time of writing."""
    before = _sentence_before(text, pos)
    return bool(_PRESENT_SUBJECT_VERB.search(before)) and not _past_cues(before)


_PRESENT_SUBJECT_VERB = re.compile(
    r"\b(?:(?:he|she|it)\s+(?:is|has|(?!was\b|has\b|is\b|its\b|this\b)[a-z]{2,}[^s\W]s)"
    r"|(?:they|we|you)\s+(?:are|have))\b",
    re.IGNORECASE,
)


_SCENE_DAY_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:On|By|Early|Late)?\s*$")


def _story_point(st: _State) -> date | None:
    """Where the story is, to the nearest month: the last day it named, or the month or year
    named after it ("found in October 2016 and flown to a lab the following spring")."""
    if st.year_after_day and st.ref_year is not None:
        if st.ref_month is not None and st.ref_month.year == st.ref_year:
            return st.ref_month + timedelta(days=14)
        return date(st.ref_year, 7, 1)
    return st.ref


# "today's world", "today's young people": "today" meaning "nowadays", which TimeML
# annotators leave untagged, unlike "today's meeting".
_GENERIC_TODAYS = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:world|youth|society|generation|young|children|kids|families"
    r"|students|teenagers|culture|economy|standards|technology|computers|age|era|times"
    r"|consumers?|women|men|people|politics|politicians|media|market(?:place)?)\b",
    re.IGNORECASE,
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
