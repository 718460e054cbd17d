"""Handlers of days and times: "today" and its kin, parts of days, weekdays, clock times,
sets, reference words, ordinal weeks and weekdays, holidays and feasts. Each takes (state,
match) and returns (type, value), or None to drop the candidate."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.extraction.temporal.calendars import (
    hijri_days,
    hijri_month_number,
    hijri_to_gregorian,
    persian_days,
    persian_month_number,
    persian_to_gregorian,
)
from timeline.extraction.temporal.cues import (
    _BY_NEAR,
    _FUTURE_CUES,
    _HAD_AFTER,
    _PAST_PERFECT,
    _PRESENT_PERFECT,
    _future_cues,
    _past_cues,
)
from timeline.extraction.temporal.handlers_dates import _fmt_at, _shift
from timeline.extraction.temporal.holidays import (
    _feast_days,
    _holiday_date,
    _nth_weekday,
)
from timeline.extraction.temporal.house_style import military_clock
from timeline.extraction.temporal.lexicon import (
    CARDINAL_WORD_RE,
    MONTH_RE,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY_RE,
)
from timeline.extraction.temporal.patterns import _HOLIDAY_RX
from timeline.extraction.temporal.ranges import _month_end
from timeline.extraction.temporal.speech import (
    _COUNT_BEFORE,
    _ORDINAL_COUNT,
    _attributed_day,
    _quoted_speech_date,
    _speech_day,
)
from timeline.extraction.temporal.state import (
    _APPOSITION,
    _APPOSITIVE_WEEKDAY,
    _FOR_NEAR,
    _GENERIC_TODAYS,
    _RIGHT_AFTER_A_DAY,
    _SINCE_NEAR,
    _TARGET_NEAR,
    _WEEKDAY_OF_THE_CLOCK,
    _YEAR_WRITTEN,
    Result,
    _last_weeks,
    _narrative_year,
    _nearest_year,
    _next_weeks,
    _resolve_weekday,
    _State,
    _story_point,
    _toward_the_nearer,
)
from timeline.extraction.temporal.text import (
    _IN_A_YEAR_AFTER,
    _WEEKDAY_APPOSITIVE_AFTER,
    _at_sentence_start,
    _in_quotation,
    _next_word,
    _prev_word,
    _quoted_words,
    _sent_end_search,
    _sentence_after,
    _sentence_before,
)
from timeline.extraction.temporal.values import (
    _fmt_day,
    _fmt_duration,
    _fmt_week,
    _month_of,
    _number,
    _ordinal,
    _weekday_of,
)


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


# The words a paper's or a programme's title ends in, after "Sunday" or "Daily"
_TITLE_WORDS = r"Times|Telegraph|Mirror|Express|Herald|Post|Mail|Star|Sport|Journal|Show"
# "the Sunday Courier first reported", "Monday Night Football": a title, not a day
_TITLE_AFTER_A_WEEKDAY = re.compile(
    rf"\s+(?-i:{_TITLE_WORDS}|Courier|Tribune|Independent|Observer|Globe|Gazette"
    r"|Night\s+Football|Night\s+Live|Bloody|Politics)\b"
    # "protests under the slogan 'Friday of Free Women'", "the Friday of Rage": a day's name
    rf"|\s+of\s+(?!(?-i:{MONTH_RE})\b)(?-i:[A-Z][a-z]+)\b"
)


_ITS_DATE_AFTER = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,2}}on\s+(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})"
    # "on Wednesday (Oct. 5)", "Wednesday (5 October 2016)": its date in brackets
    rf"|\s*\(\s*(?:(?P<mon2>{MONTH_RE})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon3>{MONTH_RE})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?\s*\)",
    re.I,
)


def _its_date_after(st: _State, end: int, wd: int) -> date | None:
    """The date a weekday names just after it, when it falls on that weekday ("a Monday night
    game on Oct. 22", "Wednesday (Oct. 5)"), the occurrence nearest the DCT."""
    after = _ITS_DATE_AFTER.match(st.text, end)
    if after is None or st.dct is None:
        return None
    k = next(k for k in ("", "2", "3") if after.group("mon" + k))
    mon, day = _month_of(after.group("mon" + k)), int(after.group("day" + k))
    years = (
        (int(after.group("year")),)
        if after.group("year")
        else (st.dct.year - 1, st.dct.year, st.dct.year + 1)
    )
    days = []
    for y in years:
        try:
            days.append(date(y, mon, day))
        except ValueError:
            continue
    near = min(days, key=lambda d: abs((d - st.dct).days), default=None)
    return near if near is not None and near.isoweekday() == wd else None


def _weekday_that_is_a(near: date, wd: int, day: int) -> date | None:
    """The day numbered ``day`` of a month that falls on ISO weekday ``wd``, nearest ``near``
    (within a year either way)."""
    found = []
    for step in range(-12, 13):
        y, m = divmod(near.year * 12 + near.month - 1 + step, 12)
        try:
            d = date(y, m + 1, day)
        except ValueError:
            continue
        if d.isoweekday() == wd:
            found.append(d)
    return min(found, key=lambda d: abs((d - near).days), default=None)


def _named_on(st: _State, wd: int, pos: int) -> date | None:
    """The last day named in the 600 characters before ``pos`` that fell on ISO weekday
    ``wd``: the day "that Wednesday" points back to."""
    for _start, end, day in reversed(st.named_days):
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
    elif m.group("wdday"):
        # "on Wednesday the 5th": the Wednesday that is a 5th, nearest the day the story is at
        d = _weekday_that_is_a(st.ref or st.dct, wd, int(m.group("wdday")))
        if d is None:
            return None
        v = _fmt_day(d)
    elif m.group("weekafter"):
        if rel not in ("", "on"):
            return None
        # (in a quotation, from the day it was written: "On 3 October 2011 he wrote:
        # 'Minister is free Thursday week.'")
        said_on = _speech_day(st, m.start()) if _in_quotation(st.text, m.start()) else st.dct
        v = _fmt_day(_resolve_weekday(said_on, wd, 1) + timedelta(days=7))
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
            elif tense <= 0 and _IS_ON_A_DAY.search(st.text, max(0, m.start() - 18), m.start()):
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
                    # (in its own clause: "The session had been scheduled to adjourn Saturday,
                    # but leaders said they expected to finish by Friday afternoon")
                    _PAST_PERFECT.search(
                        _NEW_CLAUSE.split(_sentence_before(st.text, m.start()))[-1]
                    )
                    or _HAD_AFTER.match(st.text, m.end())  # "and by Monday had retaken 90%"
                )
            ):
                # a past perfect tells of a deadline already passed, whatever noun looks
                # like a verb after it ("had filed compliance reports by Wednesday")
                tense = -1
            elif (
                tense <= 0
                and _SETS_A_DAY_FOR.search(st.text, max(0, m.start() - 80), m.start())
                and not _PAST_PERFECT.search(_sentence_before(st.text, m.start()))
            ):
                # "leaders scheduled a vote for Friday", "has called a referendum on a new
                # constitution for Sunday": a day set for something still to come
                tense = 1
            elif tense <= 0 and (
                _PLANNED_FOR_NEAR.search(st.text, max(0, m.start() - 24), m.start())
                # "the session had been scheduled to adjourn Saturday"
                or _PLANNED_TO_NEAR.search(st.text, max(0, m.start() - 60), m.start())
            ):
                # "cancelled a visit planned for Wednesday", "a vigil planned for Saturday
                # was canceled": whether a plan for a day was kept or not, the nearer one ("a
                # visitation is planned for Friday" looks ahead)
                tense = _toward_the_nearer(st.dct, wd)
            elif (
                by_near
                and tense <= 0
                and not st.text.startswith("'s", m.end())
                # ("By Sunday night, mortar rounds were crashing": a past sentence opening on
                # it tells how far the story had come, the last one)
                and not (tense < 0 and not _sentence_before(st.text, by_near.start()).strip())
            ):
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


# "the vote is on Tuesday", "markets there are shut on Tuesday for the holiday": a schedule
_IS_ON_A_DAY = re.compile(r"\b(?:is|are)\s+(?:(?:closed|shut|open)\s+)?(?:on\s+)?$", re.IGNORECASE)
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
# where a clause of its own begins: "...Saturday, but leaders said", "...; the Senate"
_NEW_CLAUSE = re.compile(r";|,\s+(?:but|while|although|though|whereas)\s", re.IGNORECASE)
_SETS_A_DAY_FOR = re.compile(
    r"\b(?:called|scheduled|set|fixed)\s+(?:an?|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,6}?"
    r"for\s+$",
    re.IGNORECASE,
)
_PLANNED_TO_NEAR = re.compile(
    r"\b(?:scheduled|set|due|planned|slated)\s+to\s+[a-z]+\s+(?:[\w'’-]+\s+){0,3}?(?:on\s+)?$",
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
        ampm = "".join(m.group("ampm").lower().split())
        if not 1 <= h <= 12 or (mi is not None and mi > 59):
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
    elif any(m.group(g) is not None for g in ("h2", "h4", "h5", "h6")):
        # "0600 GMT", "10:30 local time", "1430 hrs"; a 24-hour clock after "at" ("at 08:30")
        # or beside its date ("17/10/2016 14:30")
        if m.group("h2") is not None:
            hh, mm = m.group("h2"), m.group("mi2")
            if m.group("hrs") and not military_clock(
                st.text, m.start("h2"), m.end("mi2"), m.end("hrs")
            ):
                return None  # "2000 hours of community service": a length of time
        elif m.group("h6") is not None:
            hh, mm = m.group("h6"), m.group("mi6")
        else:
            hh, mm = m.group("h4") or m.group("h5"), m.group("mi4")
        h, mi = int(hh), int(mm)
        if h > 24 or mi > 59:
            return None
        wdpod = (m.group("wdpod") or "").lower()
        if (wdpod in ("afternoon", "evening") or (wdpod == "night" and h >= 6)) and h < 12:
            h += 12  # "at 10:30 Friday night"
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
    if seconds := m.groupdict().get("se") or m.groupdict().get("se6"):
        hm += f":{int(seconds):02d}"  # "6:59:57 p.m.", "2019-06-21 18:00:00"
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
    if m.group("smallhours"):
        return ("TIME", f"{day}TMO")
    if m.group("trading"):
        return ("TIME", f"{day}T{PARTS_OF_DAY[m.group('trading').split()[-1].lower()]}")
    pod = m.group("pod") or m.group("mid")[3:].lstrip("-\n ")
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
    "half-hourly": "PT30M",
    "weekends": "XXXX-WXX-WE",
}


_A_TITLES_WORD_AFTER = re.compile(
    rf"\s+(?-i:{_TITLE_WORDS}|News|Beast|Record|Caller|Planet|Wire|Standard|Nation|Briefing)\b"
)
_A_PAPER_AFTER = re.compile(
    r"\s+(?:(?:news)?papers?|magazines?|tabloids?|newsletters?)\b", re.IGNORECASE
)
# "for the daily Publico", "with the regional daily Nice-Matin"
_THE_PAPER_NAMED = re.compile(r"\bthe\s+(?:[a-z]+\s+)?$")
# "the Israeli daily Haaretz", "the French daily Le Monde", "the Communist Party daily Granma"
_THE_NAMED_KIND_OF_PAPER = re.compile(r"\b[Tt]he\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}$")
_A_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-Z])")
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
    if w[0].isupper() and (
        not _at_sentence_start(st.text, m.start()) or _A_TITLES_WORD_AFTER.match(st.text, m.end())
    ):
        # "The Daily Beast", "Business Weekly", and after an abbreviation's full stop "the N.Y.
        # Daily News": part of a name
        return None
    if (
        _A_PAPER_AFTER.match(st.text, m.end())
        or _A_PAPERS_KIND_BEFORE.search(st.text, max(0, m.start() - 16), m.start())
        or (
            _A_NAME_AFTER.match(st.text, m.end())
            and _THE_PAPER_NAMED.search(st.text, max(0, m.start() - 20), m.start())
        )
        or (
            _A_CAPITAL_AFTER.match(st.text, m.end())
            and _THE_NAMED_KIND_OF_PAPER.search(st.text, max(0, m.start() - 40), m.start())
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
    if m.group("what").lower() == "hours" and military_clock(
        st.text, m.start("num"), m.end("num"), m.end("what")
    ):
        return None  # "at 0700 hours each day": a clock time, and then a set of days
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
    if adj == "full" or w == "full-year":
        # "earnings for the full year": the reporting year, whatever year was named last
        return ("DATE", "XXXX" if dct is None else str(dct.year))
    unit = (m.group("u") or m.group("u3") or "").lower()
    # (the period's part: "end" of "the end of the day", "middle" of "the middle of the week")
    part = m.group(0).split()[1].lower() if unit else ""
    if unit == "day":
        if part == "end" and _prev_word(st.text, m.start()) == "at":
            return None  # "At the end of the day, the documents spoke": "in the end"
        # "fell sharply at the start of the day": the day the story reports (a market's
        # trading day, a storm's); what is expected "by the end of the day" is today's
        at = dct if st.tense(m.start(), m.end()) > 0 else (st.story_day or st.ref or dct)
        return ("DATE", "XXXX-XX-XX" if at is None else _fmt_day(at))
    if m.group("u2"):
        # "earlier in the year/day": within the period the narrative is at
        unit = m.group("u2").lower()
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
        if (
            part == "middle"
            and st.tense(m.start(), m.end()) > 0
            and (dct.day > 15 if unit == "month" else dct.weekday() > 2)
        ):
            # "expect a clearer picture by the middle of the month", written on 26 February:
            # this month's middle is past, so the next's
            letter = "M" if unit == "month" else "W"
            return ("DATE", _fmt_at(_shift(dct, 1, letter, 1), letter, 1))
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


_STEP = {"the": 0, "this": 0, "last": -1, "next": 1}


def _h_endof(st: _State, m: re.Match[str]) -> Result:
    first = m.group("n").lower() in ("first", "opening")
    unit = m.group("unit").lower()
    dct = st.dct
    if m.group("mon"):
        if unit != "day":
            return None  # (a week of a month is nthweek's; "the first month of June" no phrase)
        month, y, _ = _nth_of_month(st, m)
        if y is None:
            return ("DATE", f"XXXX-{month:02d}-XX")
    elif m.group("yr"):
        y, month = int(m.group("yr")), None
    else:
        rel, period = m.group("rel").lower(), m.group("period").lower()
        if dct is None:
            return ("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}[unit])
        ahead = st.tense(m.start(), m.end()) > 0
        if period == "year":
            # "the year" is the one the story is in, as for "the end of the year"; one still
            # ahead is this year's
            story_year = rel == "the" and st.ref_year is not None and not ahead
            y, month = (st.ref_year if story_year else dct.year + _STEP[rel]), None
        elif unit == "month":
            return None  # ("the first month of the month" is no phrase)
        else:
            at = (st.ref_month or dct) if rel == "the" and not ahead else dct
            at = _shift(at.replace(day=1), _STEP[rel], "M", 1)
            y, month = at.year, at.month
    if month is None:
        if unit == "month":
            return ("DATE", f"{y}-{1 if first else 12:02d}")
        month = 1 if first else 12  # (a year's first or last day or week is its month's)
    if unit == "day":
        return ("DATE", _fmt_day(date(y, month, 1) if first else _month_end(y, month)))
    # a week two months or years share is the one holding its Thursday (ISO's rule)
    return ("DATE", _fmt_week(_nth_weekday(y, month, 4, 1 if first else -1)))


# "the operation, dubbed 'Ashura'", "a campaign code-named Easter": an operation's name, not
# the day (a day may be dubbed one: "the Monday after, which retailers dubbed Cyber Monday")
_NAMED_AS_BEFORE = re.compile(
    r"\b(?:operation|offensive|campaign|assault|attack|battle|mission|exercise|plan)s?\b"
    r"[^.;]{0,25}?\b(?:dubbed|code-?named|called|named|known\s+as)"
    r"\s*[\"“'‘]?\s*$|\b(?:operation|code-?named)\s*[\"“'‘]?\s*$",
    re.IGNORECASE,
)


def _h_holiday(st: _State, m: re.Match[str]) -> Result:
    if not m.group("rel") and _NAMED_AS_BEFORE.search(st.text, max(0, m.start() - 30), m.start()):
        return None
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
    # its year, written after it ("Christmas 2012") or told ("at Christmas in 2012")
    written = m.group("year") or (
        (in_year := _IN_A_YEAR_AFTER.match(st.text, m.end())) and not rel and in_year.group(1)
    )
    if feast_days and not written:
        return _h_feast(st, m, feast_days, rel)
    if written:
        y = int(written)
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
            # nor one the writer looks ahead to ("cost $100 million in 2012, and retailers
            # expect more attacks before Christmas": the next one; a quotation's future is
            # its speaker's: 'told reporters, "We'll be shipping again by Easter."')
            and (_in_quotation(st.text, m.start()) or st.tense(m.start(), m.end()) <= 0)
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
        elif (
            not rel
            and st.year_after_day
            and st.ref_month is not None
            and st.ref_month.year < st.dct.year
            and (_holiday_date(name, st.ref_month.year) or d0).month == st.ref_month.month
            and "\n" not in st.text[st.year_end : m.start()]
        ):
            # "The film unfolds over five days in December 1989. It ends on Christmas Day":
            # the holiday of the month the story has just gone to
            y = st.ref_month.year
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
    elif m.group("hwd"):
        step = 1 if m.group("hwddir").lower() == "after" else -1
        d = _resolve_weekday(d + timedelta(days=step), _weekday_of(m.group("hwd")), step)
    if pod := m.group("hpod"):
        return ("TIME", f"{_fmt_day(d)}T{PARTS_OF_DAY[pod.lower()]}")
    return ("DATE", _fmt_day(d))


def _h_feast(st: _State, m: re.Match[str], days: tuple[date, ...], rel: str) -> Result:
    """A lunar or Hebrew feast without a year: it moves through the Gregorian year, so the
    occurrence is picked among its dates rather than by the month and day of one."""
    if st.dct is None:
        return ("DATE", "XXXX-XX-XX")
    found = _occurrence(st, m, days, rel)
    if found is None:
        return None
    if m.group("week"):
        return ("DATE", _fmt_week(found))
    return _holiday_result(m, found)


def _occurrence(st: _State, m: re.Match[str], days: tuple[date, ...], rel: str) -> date | None:
    """Which of a day's occurrences (in order) the text means, by the DCT, the words before
    it ("last", "the following") and the tense of its sentence."""
    assert st.dct is not None
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
        if (
            st.reports
            and found == nxt
            and prev is not None
            and tense <= 0
            and not _TARGET_NEAR.search(st.text, max(0, m.start() - 14), m.start())
        ):
            # as a month's day: a reported happening with no word putting it ahead is past
            found = prev
    return found


def sighted_day_unpinned(text: str, m: re.Match[str]) -> bool:
    """Whether othercal's match is a Hijri day no weekday pins down: its month begins when
    the new moon is seen, a day apart from country to country, so the day read may be the
    one before or after."""
    return bool(m.group("hijri") or m.group("hijri2")) and _weekday_written(text, m) is None


def _weekday_written(text: str, m: re.Match[str]) -> str | None:
    """The weekday written with othercal's day: before it, or in apposition ("7 Safar 1424,
    a Friday")."""
    weekday = m.group("wd") or m.group("wd2")
    if weekday is None and (appos := _WEEKDAY_APPOSITIVE_AFTER.match(text, m.end())):
        weekday = appos.group(1)
    return weekday


def _h_othercal(st: _State, m: re.Match[str]) -> Result:
    """A day of the Hijri or the Iranian solar calendar, as its Gregorian day. With its own
    year it is that day; with a Gregorian year ("Ramadan 20, 2014"), the one in that year;
    with none, the occurrence nearest the DCT in the sentence's direction, as a feast's."""
    day = _ordinal(m.group("day") or m.group("day2"))
    solar = m.group("solar") or m.group("solar2")
    hijri = m.group("hijri") or m.group("hijri2")
    year = m.group("year") or m.group("year2")
    if not year and (in_year := _IN_A_YEAR_AFTER.match(st.text, m.end())):
        year = in_year.group(1)  # "on the 10th of Muharram in 2012"
    if day is None:
        return None
    if solar:
        month = persian_month_number(solar)
        to_gregorian, days = persian_to_gregorian, persian_days(month, day)
    else:
        month = hijri_month_number(hijri)
        to_gregorian, days = hijri_to_gregorian, hijri_days(month, day)
    if year and not year.startswith(("19", "20")):
        found = to_gregorian(int(year), month, day)  # its own calendar's year
    elif year:
        # (a lunar day can come twice in one Gregorian year: the first)
        found = next((d for d in days if d.year == int(year)), None)
    elif not days:
        return None
    elif st.dct is None:
        return ("DATE", "XXXX-XX-XX")
    else:
        found = _occurrence(st, m, days, "")
    if found is None:
        return None
    weekday = _weekday_written(st.text, m)
    if hijri and weekday is not None:
        # A Hijri month begins a day apart from country to country, by when the new moon is
        # seen: the weekday written with the day says which (two days off, it says nothing)
        sightings = (found, found - timedelta(days=1), found + timedelta(days=1))
        found = next((d for d in sightings if d.isoweekday() == _weekday_of(weekday)), found)
    return ("DATE", _fmt_day(found))


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
