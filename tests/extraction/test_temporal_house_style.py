"""Dates and clock times as other houses write them (temporal/house_style.py and the patterns):
military clocks, 24-hour clocks beside their date, time stamps, zones with their offset,
"5-Oct-2016", and a document's numeric dates read day first when it writes one so."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.extraction.temporal import tag
from timeline.extraction.temporal.house_style import military_clock, numeric_dates_day_first

DCT = date(2016, 10, 20)  # a Thursday


def read(text: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a military clock: its "hours" is in the extent, and it is on the day that follows
        (
            "The raid began at 0600 hours on Monday.",
            [("0600 hours", "TIME", "2016-10-17T06:00"), ("Monday", "DATE", "2016-10-17")],
        ),
        ("Troops moved in at 1430 hrs.", [("1430 hrs", "TIME", "2016-10-20T14:30")]),
        (
            "The vote was taken shortly after 1100 hours, stunning senators.",
            [("1100 hours", "TIME", "2016-10-20T11:00")],
        ),
        (
            "The quake struck at 09:10 hours (0440 GMT) on Monday.",
            [
                ("09:10 hours", "TIME", "2016-10-17T09:10"),
                ("0440 GMT", "TIME", "2016-10-17T04:40"),
                ("Monday", "DATE", "2016-10-17"),
            ],
        ),
        # a schedule's line of its own
        (
            "Friday, February 28, 2014\n1000 hours\n\nRayburn House Office Building",
            [
                ("Friday, February 28, 2014", "DATE", "2014-02-28"),
                ("1000 hours", "TIME", "2014-02-28T10:00"),
            ],
        ),
        # a local clock that is no year, before its GMT twin
        (
            "Fighting resumed at 1900 local (1600 GMT) on Monday.",
            [
                ("1900 local", "TIME", "2016-10-17T19:00"),
                ("1600 GMT", "TIME", "2016-10-17T16:00"),
                ("Monday", "DATE", "2016-10-17"),
            ],
        ),
        ("Curfew starts at 1900 hrs.", [("1900 hrs", "TIME", "2016-10-20T19:00")]),
        # "at 0600": the leading zero makes it a clock
        (
            "It was launched on Oct. 5 at 0600.",
            [("Oct. 5", "DATE", "2016-10-05"), ("0600", "TIME", "2016-10-05T06:00")],
        ),
        (
            "The raid began at approximately 14:56 on Monday.",
            [
                ("approximately 14:56", "TIME", "2016-10-17T14:56"),
                ("Monday", "DATE", "2016-10-17"),
            ],
        ),
    ],
)
def test_military_clocks(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He did 2000 hours of community service.", [("2000 hours", "DURATION", "PT2000H")]),
        (
            "The talks ended after 1500 hours of negotiation.",
            [("1500 hours", "DURATION", "PT1500H")],
        ),
        (
            "The pilot has logged 1500 hours and 600 hours in the simulator.",
            [("1500 hours", "DURATION", "PT1500H"), ("600 hours", "DURATION", "PT600H")],
        ),
        ("It took about three hours.", [("about three hours", "DURATION", "PT3H")]),
        (
            "She arrived at the courthouse at 0700 hours each day. Pilots fly 2000 hours a year.",
            [
                ("0700 hours", "TIME", "XXXX-XX-XXT07:00"),
                ("each day", "SET", "P1D"),
                ("2000 hours a year", "SET", "P1Y"),
            ],
        ),
        ("The 2014 local elections were close.", [("2014", "DATE", "2014")]),
        ("Shares rose 14.30 points and 2.30 percent.", []),
        ("Rates were cut to 0.5 percent at 0.25 points.", []),
    ],
)
def test_lengths_years_and_numbers_stay_what_they_were(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a zone's offset after it or in brackets is part of the clock time
        (
            "The raid began at 14:30 (GMT+3) on Monday.",
            [("14:30 (GMT+3)", "TIME", "2016-10-17T14:30"), ("Monday", "DATE", "2016-10-17")],
        ),
        (
            "The raid began at 14:30 UTC+3 on Monday.",
            [("14:30 UTC+3", "TIME", "2016-10-17T14:30"), ("Monday", "DATE", "2016-10-17")],
        ),
        (
            "It landed at 6:40 p.m. (GMT +8) after a 12-hour flight.",
            [("6:40 p.m. (GMT +8)", "TIME", "2016-10-20T18:40"), ("12-hour", "DURATION", "PT12H")],
        ),
        (
            "At a news conference at 18:00 EET (UTC+2), police said.",
            [("18:00 EET (UTC+2)", "TIME", "2016-10-20T18:00")],
        ),
        # the zones of the region, and a dotted 24-hour clock with its zone
        (
            "The strike came at 16:00 AST on Monday.",
            [("16:00 AST", "TIME", "2016-10-17T16:00"), ("Monday", "DATE", "2016-10-17")],
        ),
        ("Polls closed at 18:00 IRST.", [("18:00 IRST", "TIME", "2016-10-20T18:00")]),
        (
            "The raid began at 14.30 GMT on Monday.",
            [("14.30 GMT", "TIME", "2016-10-17T14:30"), ("Monday", "DATE", "2016-10-17")],
        ),
        # a clock time with its zone, a few words before its weekday, is on that weekday
        (
            "Jets struck at 09:00 local time in the region Monday.",
            [("09:00 local time", "TIME", "2016-10-17T09:00"), ("Monday", "DATE", "2016-10-17")],
        ),
        # a clock time after "by", and the noun after a clock time that is no verb
        (
            "Sterling fell to $1.2630 by 16:00 in London.",
            [("16:00", "TIME", "2016-10-20T16:00")],
        ),
        (
            "Stocks ended with a 1300 GMT close on Friday.",
            [("1300 GMT", "TIME", "2016-10-14T13:00"), ("Friday", "DATE", "2016-10-14")],
        ),
        (
            "Stocks ended with a 13:00 AST close on Friday.",
            [("13:00 AST", "TIME", "2016-10-14T13:00"), ("Friday", "DATE", "2016-10-14")],
        ),
        # (an offset is at most 14 hours: this is a range)
        (
            "Open 10.00 GMT-18.00 GMT on Friday.",
            [
                ("10.00 GMT", "TIME", "2016-10-14T10:00"),
                ("18.00 GMT", "TIME", "2016-10-14T18:00"),
                ("Friday", "DATE", "2016-10-14"),
            ],
        ),
        # a US zone by its word, which ends no sentence (the verb before it still counts)
        (
            "The vote closes at 2 p.m. Eastern on Tuesday.",
            [("2 p.m. Eastern", "TIME", "2016-10-25T14:00"), ("Tuesday", "DATE", "2016-10-25")],
        ),
        (
            "The vote closes at 2 p.m. AST on Tuesday.",
            [("2 p.m. AST", "TIME", "2016-10-25T14:00"), ("Tuesday", "DATE", "2016-10-25")],
        ),
        ("He flew home at 2 p.m. Eastern Airlines said.", [("2 p.m.", "TIME", "2016-10-20T14:00")]),
        # the zone's offset does not hide the verb that puts the day ahead
        (
            "Tickets go on sale at 10:00 (GMT+3) on Saturday.",
            [("10:00 (GMT+3)", "TIME", "2016-10-22T10:00"), ("Saturday", "DATE", "2016-10-22")],
        ),
    ],
)
def test_zones_and_offsets(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted: 17/10/2016 14:30", [("17/10/2016 14:30", "TIME", "2016-10-17T14:30")]),
        (
            "Analysis | 2019-06-21 18:00:00 Iran's Qasem Soleimani",
            [("2019-06-21 18:00:00", "TIME", "2019-06-21T18:00:00")],
        ),
        (
            "The deadline is 23:59 on 31/12/2016.",
            [("23:59", "TIME", "2016-12-31T23:59"), ("31/12/2016", "DATE", "2016-12-31")],
        ),
        (
            "Filed 2016-10-05T14:30Z by Reuters.",
            [("2016-10-05T14:30Z", "TIME", "2016-10-05T14:30")],
        ),
        (
            "Updated 2019-06-21T18:00:00+03:00",
            [("2019-06-21T18:00:00+03:00", "TIME", "2019-06-21T18:00:00")],
        ),
        # a day and a month by its name, with hyphens
        (
            "The attack happened on 5-Oct-2016 and 05-OCT-16.",
            [("5-Oct-2016", "DATE", "2016-10-05"), ("05-OCT-16", "DATE", "2016-10-05")],
        ),
        ("Report date: 29-May-2007", [("29-May-2007", "DATE", "2007-05-29")]),
        # a form's or a police log's dashes with a two-digit year, each number of two digits
        ("The report dated 03-22-05 was filed.", [("03-22-05", "DATE", "2005-03-22")]),
        ("Posted 22-03-05 by the desk.", [("22-03-05", "DATE", "2005-03-22")]),
        # (not part of a longer code, a number with decimals, nor a day that is none)
        ("Code 1-03-22-05 was used.", []),
        ("The figure was 03-22-05.5 in all.", []),
        ("Filed 31-02-05.", []),
        # (not a race's time, nor a count after a number)
        ("The winner finished in 2:08:44.", []),
    ],
)
def test_time_stamps_and_other_date_notations(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document that writes one day past the 12th first writes them all so
        (
            "He spoke on 13/10/2016 and again on 5/10/2016 and on 1/10/2016.",
            ["2016-10-13", "2016-10-05", "2016-10-01"],
        ),
        (
            "Talks began on 05/10/2016. A second round followed on 23-10-2016.",
            ["2016-10-05", "2016-10-23"],
        ),
        # ... and one that writes one month first, or none past the 12th, is read the US way
        ("He spoke on 10/13/2016 and again on 5/10/2016.", ["2016-10-13", "2016-05-10"]),
        ("He spoke on 5/10/2016.", ["2016-05-10"]),
        # both orders in one document: each date as it can be read
        ("On 13/10/2016, 10/14/2016 and 5/10/2016.", ["2016-10-13", "2016-10-14", "2016-05-10"]),
        # ... or, with none past the 12th, one that names its days "5 October" in words
        (
            "Talks began on 5 October in Geneva. The second round was set for 05/11/2016.",
            ["2016-10-05", "2016-11-05"],
        ),
        (
            "Talks began on October 5 in Geneva. The second round was set for 05/11/2016.",
            ["2016-10-05", "2016-05-11"],
        ),
        # the dotted form is day first anyway
        ("The vote was on 05.10.2016.", ["2016-10-05"]),
    ],
)
def test_a_documents_numeric_dates_read_in_its_own_order(text, expected):
    assert [t.value for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 23/10/2016", True),
        ("on 10/23/2016", False),
        ("on 5/10/2016 and 10/5/16", None),
        ("on 23/10/2016 and 10/23/2016", None),
        ("on 23-10-2016", True),
        ("on 23-10-16", True),
        ("on 10-23-16", False),
        # none past the 12th: the order the text names its days in words
        ("talks on 5 October; the vote on 05/11/2016", True),
        ("talks on October 5; the vote on 05/11/2016", False),
        ("talks on 5 October", None),
        # (not a fraction, a score or a web address's path)
        ("won 31/12 and http://a.com/2016/06/24/08/01/vote", None),
    ],
)
def test_numeric_dates_day_first(text, expected):
    assert numeric_dates_day_first(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 0600 hours", True),
        ("1430 hrs", True),
        ("09:10 hours", True),
        ("until 2200 hours", True),
        ("2100 hours (1800 GMT)", True),
        ("2300 hours Tuesday", True),
        ("as of 1525 hours in Frankfurt", True),
        ("the hearing is scheduled for 1000 hours at Blair House", True),
        ("the meeting is at 1300 hours A spokeswoman said", True),
        ("at the courthouse at 0700 hours each day", True),
        ("pilots fly by 2000 hours a year", False),
        ("paid for 1000 hours of work", False),
        ("due at 2pm in Washington (1900 hours in London)", True),
        ("long before the 2000 hours curfew", True),
        ("10 p.m. local time (1500 hours Eastern)", True),
        ("spent the 2000 hours of his service", False),
        ("after 1500 hours of talks", False),
        ("logged 1500 hours", False),
        ("600 hours", False),
        ("2500 hours", False),
        ("three hours", False),
        ("33.7 hours", False),
    ],
)
def test_military_clock(text, expected):
    m = re.search(r"(?P<num>[\d:.]+|three)\s*(?P<unit>hours|hrs)", text)
    assert military_clock(text, m.start("num"), m.end("num"), m.end("unit")) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter or a half as business news abbreviates it; a half only with its year
        ("Revenue rose in 3Q 2017 and 3Q17.", [("3Q 2017", "2017-Q3"), ("3Q17", "2017-Q3")]),
        ("Profit fell in Q3'17 as in Q3'98.", [("Q3'17", "2017-Q3"), ("Q3'98", "1998-Q3")]),
        ("Revenue rose in H1 2017 and 2H 2016.", [("H1 2017", "2017-H1"), ("2H 2016", "2016-H2")]),
        ("Sales doubled in 1H17.", [("1H17", "2017-H1")]),
        ("The H1N1 virus spread; he holds an H1 visa and a 3Q rating.", []),
        # "Thursday week": a week after the coming Thursday (British English)
        ("The vote is on Thursday week.", [("Thursday week", "2016-10-27")]),
        ("The ceasefire ends on Monday week.", [("Monday week", "2016-10-31")]),
        (
            "He said on Monday week-long talks would begin.",
            [("Monday", "2016-10-17"), ("week-long", "P1W")],
        ),
        ("Protests continued on Sunday, week after week.", [("Sunday", "2016-10-16")]),
    ],
)
def test_quarters_halves_and_a_weekday_week(text, expected):
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday with its date in brackets, or with the day of its month after it
        (
            "The attack happened on Wednesday (Oct 5).",
            [("Wednesday", "2016-10-05"), ("Oct 5", "2016-10-05")],
        ),
        (
            "The attack happened on Wednesday (5 October 2016).",
            [("Wednesday", "2016-10-05"), ("5 October 2016", "2016-10-05")],
        ),
        ("The attack happened Wednesday 5th.", [("Wednesday 5th", "2016-10-05")]),
        (
            "The attack happened on Wednesday the 5th, officials said.",
            [("Wednesday the 5th", "2016-10-05")],
        ),
        ("The vote is on Tuesday the 1st.", [("Tuesday the 1st", "2016-11-01")]),
        # (a date in brackets that is no such weekday leaves the weekday as it was)
        (
            "The attack happened on Tuesday (Oct 5).",
            [("Tuesday", "2016-10-18"), ("Oct 5", "2016-10-05")],
        ),
    ],
)
def test_a_weekday_with_its_date(text, expected):
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    "dated",
    ["Dec. 3, 2009", "2009-12-03", "3-Dec-2009", "03.12.2009", "3 December 2009"],
)
def test_a_quotation_is_dated_by_its_writing_in_any_style(dated):
    # the day the email was written, however the paper writes it, is the quotation's today
    text = (
        f'Jurors saw an email dated {dated}, in which Okafor wrote: "Bring the envelope tomorrow."'
    )
    assert [(t.text, t.value) for t in tag(text, date(2016, 10, 5))][-1] == (
        "tomorrow",
        "2009-12-04",
    )


def test_a_quotation_is_dated_by_a_day_named_without_its_year():
    text = (
        'In a speech on Dec. 12, the Treasury secretary warned lenders that "next year is '
        'going to be tougher than this year," officials said.'
    )
    assert [(t.text, t.value) for t in tag(text, date(2008, 2, 26))] == [
        ("Dec. 12", "2007-12-12"),
        ("next year", "2008"),
        ("this year", "2007"),
    ]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # Quds Day, the last Friday of Ramadan, and Tasua, the eve of Ashura: this region's days
        (
            "Thousands marched on Quds Day in Tehran.",
            date(2017, 6, 25),
            [("Quds Day", "2017-06-23")],
        ),
        (
            "Rallies were held on International Quds Day.",
            date(2019, 6, 1),
            [("International Quds Day", "2019-05-31")],
        ),
        (
            "Militias rallied on al-Quds Day 2018.",
            date(2019, 1, 1),
            [("al-Quds Day 2018", "2018-06-08")],
        ),
        (
            "Mourners observed Tasua and Ashura.",
            DCT,
            [("Tasua", "2016-10-11"), ("Ashura", "2016-10-12")],
        ),
        ("Quds Force commanders met in Baghdad.", DCT, []),
    ],
)
def test_the_regions_named_days(text, dct, expected):
    assert [(t.text, t.value) for t in tag(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter or half after one named with its year, in one sentence: that year's
        (
            "Profit rose in the first quarter of 2015 and fell in the second quarter.",
            ("the second quarter", "2015-Q2"),
        ),
        (
            "Profit rose in Q1 2015 and fell in the second quarter.",
            ("the second quarter", "2015-Q2"),
        ),
        (
            "He expects the first half of next year to be flat, with growth in the second half.",
            ("the second half", "2018-H2"),
        ),
        # in the next sentence, or after the quarter being reported on, as before
        (
            "Profit rose in Q1 2015. It fell in the second quarter.",
            ("the second quarter", "2016-Q2"),
        ),
        (
            "Sales rose after a 5 percent gain in the year-earlier quarter and a decline in the "
            "first quarter.",
            ("the first quarter", "2017-Q1"),
        ),
    ],
)
def test_a_quarter_after_one_with_its_year(text, expected):
    words, _, value = read(text, date(2017, 3, 10))[-1]
    assert (words, value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document that writes a military clock by its words has its bare ones read so
        (
            "The raid began at 0600 hours. Around 2300 hours the shelling stopped.",
            ("Around 2300 hours", "TIME", "2016-10-20T23:00"),
        ),
        # ... but a count stays a count there too
        (
            "The raid began at 0600 hours. The pilots had logged 1500 hours on the type.",
            ("1500 hours", "DURATION", "PT1500H"),
        ),
        (
            "The raid began at 0600 hours. He was given 2000 hours of community service.",
            ("2000 hours", "DURATION", "PT2000H"),
        ),
        # with no such clock elsewhere, a round hedged one is a length, as before
        ("Around 2300 hours the shelling stopped.", ("Around 2300 hours", "DURATION", "PT2300H")),
        # a hedged length is a round one
        (
            "The shooting occurred about 1510 hours in the 12200 block.",
            ("about 1510 hours", "TIME", "2016-10-20T15:10"),
        ),
        ("Around 1418 hours, two men arrived.", ("Around 1418 hours", "TIME", "2016-10-20T14:18")),
        ("The pilot has logged about 1450 hours.", ("about 1450 hours", "DURATION", "PT1450H")),
        ("The job took about 1250 hours.", ("about 1250 hours", "DURATION", "PT1250H")),
    ],
)
def test_a_bare_military_clock_by_the_documents_style_or_its_minutes(text, expected):
    assert read(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numeric day and month without their year, after a word that takes a day: the year
        # as for "October 25"
        ("The council will vote on 10/25, officials said.", [("10/25", "DATE", "2016-10-25")]),
        ("The suspect was arrested on 10/5 in Dallas.", [("10/5", "DATE", "2016-10-05")]),
        ("The note was dated 3/14.", [("3/14", "DATE", "2016-03-14")]),
        # day first where the document writes its numeric dates so
        (
            "The rally is on 13/10 in Baghdad. Police said on 23/09/2016 it was approved.",
            [("13/10", "DATE", "2016-10-13"), ("23/09/2016", "DATE", "2016-09-23")],
        ),
        # not the attacks, nor all the time, nor a fraction, nor no day
        ("Troops have been on alert since 9/11.", [("9/11", "DATE", "2001-09-11")]),
        ("Staff work on 24/7 shifts.", []),
        ("He won on 3/4 of the ballots.", []),
        ("The bill passed on 2/3 majority.", []),
        ("He was arrested on 2/30.", []),
        # nor a number after any other word
        ("The score was 10/5 at half time.", []),
    ],
)
def test_a_numeric_day_without_its_year(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "day", ["May 7, 2010", "7 May 2010", "05/07/2010", "2010-05-07", "7-May-2010"]
)
def test_the_week_ending_a_day_in_any_style(day):
    text = f"Top Ten News Stories for the Week Ending {day}"
    assert read(text, date(2010, 5, 7))[0] == ("the Week", "DATE", "2010-W18")


@pytest.mark.parametrize("day", ["06/12/04", "06-12-04", "06/12/2004", "06-12-2004"])
def test_a_numeric_day_with_a_two_digit_year_sets_the_scene(day):
    text = f"She was last seen leaving on {day}. Her car was found in a lot on June 15."
    found = {t.text: t.value for t in tag(text, date(2005, 11, 16))}
    assert found == {day: "2004-06-12", "June 15": "2004-06-15"}
