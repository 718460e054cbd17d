"""Quotations and days of speaking: the date a quotation's sentence says it was spoken or
written at, and the retold day a quotation in a retold story belongs to."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.extraction.temporal.lexicon import (
    MONTH_RE,
    WEEKDAY_RE,
)
from timeline.extraction.temporal.patterns import _YEAR4
from timeline.extraction.temporal.state import _State
from timeline.extraction.temporal.text import (
    _PARAGRAPH_BREAK,
    _QUOTE_MARK,
    _SENT_END,
    _in_quotation,
    _last_quote_mark,
    _quoted_words,
    _sentence_before,
)
from timeline.extraction.temporal.values import (
    _month_of,
    _weekday_of,
)

# a past date a quotation's own sentence says it was written or spoken at: "In a letter to
# her sister in 1978 she wrote: '...'", "an email dated Dec. 3, 2009, in which Okafor wrote:",
# "In a radio interview in October 2005, he said he would run again '...'"
_SAYING_AFTER = (
    r"[^\"“”]{0,80}?\b(?:said|says|told|wrote|writes|urged|added|promised|pledged|vowed"
    r"|insisted|warned|predicted|declared)\b"
)
_DATED_SPEECH = re.compile(
    rf"(?:(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{_YEAR4})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH_RE})\s+(?P<year2>{_YEAR4})"
    rf"|(?P<mon3>{MONTH_RE})\s+(?:of\s+)?(?P<year3>{_YEAR4})"
    rf"|\b(?:in|a|an)\s+(?P<year4>{_YEAR4}))\b"
    rf"(?={_SAYING_AFTER})",
    re.IGNORECASE,
)
_SAYING_AFTER_RX = re.compile(_SAYING_AFTER, re.IGNORECASE)


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
    quote = _last_quote_mark(text, pos).start()  # type: ignore[union-attr]
    lead = _sentence_before(text, quote)
    dated = _date_of_the_saying(st, lead, quote - len(lead))
    if dated is None:
        return None
    spoken, precision = dated
    if precision == "Y" and spoken.year >= dct.year:
        return None
    if precision != "Y" and (dct - spoken).days < 31:
        return None
    return spoken, precision


def _date_of_the_saying(st: _State, lead: str, lead_start: int) -> tuple[date, str] | None:
    """The last date a quotation's lead (``lead``, at ``lead_start``) names before its verb of
    saying, where the lead says it is the saying's ("In a letter in 1978", "an email dated
    ..."): a day the tagger read there, in any style ("Dec. 3, 2009", "2009-12-03",
    "03/12/2009"), or a month or a year; with its precision."""
    found = None
    for found in _DATED_SPEECH.finditer(lead):  # noqa: B007 - we want the last one
        pass
    quote = lead_start + len(lead)
    named = next(
        (
            (start, end, day)
            for start, end, day in reversed(st.named_days)
            if lead_start <= start and end <= quote and _SAYING_AFTER_RX.match(st.text, end)
        ),
        None,
    )
    if named is not None:
        start, end, day = named
        if found is None or end - lead_start >= found.end():
            return (day, "D") if _SETS_THE_SPEECH.search(lead, 0, start - lead_start) else None
    if found is None or not (
        _SETS_THE_SPEECH.search(lead, 0, found.start())
        # "In 1987, Hollister recalls, his father sat him down and said": the year opens it
        or (found.group("year4") and _SETS_THE_SPEECH.search(lead, 0, found.end()))
    ):
        return None  # "X, who joined the company in 1998, said": the date is not the saying's
    g = found.groupdict()
    if g["year"] or g["year2"]:
        # (a day the tagger joined with its clock time: "dated Dec. 3, 2009, 5 p.m.")
        try:
            return date(
                int(g["year"] or g["year2"]),
                _month_of(g["mon"] or g["mon2"]),
                int(g["day"] or g["day2"]),
            ), "D"
        except ValueError:
            return None
    if g["year3"]:
        return date(int(g["year3"]), _month_of(g["mon3"]), 1), "M"
    return date(int(g["year4"]), 1, 1), "Y"


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
