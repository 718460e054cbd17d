"""Days of the region's other calendars (temporal/calendars.py): Hijri dates ("1 Muharram
1438", "the 10th of Muharram"), Iranian solar dates ("22 Bahman 1357"), the feasts that follow
them (Eid al-Ghadir, Sizdah Bedar, Yalda night), and a feast's year told after it ("at
Christmas in 2012"). The Gregorian days asserted are historical record, not the libraries'
output read back: the revolution's victory on 22 Bahman 1357 was 11 February 1979."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from timeline.extraction.pipeline import extract_candidates
from timeline.extraction.temporal import tag, to_date_range
from timeline.extraction.temporal.calendars import (
    hijri_days,
    hijri_to_gregorian,
    may_name_a_month,
    persian_days,
    persian_to_gregorian,
)
from timeline.extraction.types import ArticleText

DCT = date(2016, 10, 20)  # a Thursday; 28 Mehr 1395, 18 Muharram 1438


def read(text: str, dct: date | None = DCT, **kw) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, **kw)]


def value_of(text: str, dct: date | None = DCT) -> str:
    (found,) = tag(text, dct)
    return found.value


@pytest.mark.parametrize(
    ("solar", "gregorian"),
    [
        ((1357, 11, 22), date(1979, 2, 11)),  # the revolution's victory
        ((1358, 8, 13), date(1979, 11, 4)),  # the US embassy seized
        ((1395, 1, 1), date(2016, 3, 20)),  # Nowruz 2016
        ((1368, 3, 14), date(1989, 6, 4)),  # the day after Khomeini's death, 3 June 1989
        ((1388, 3, 22), date(2009, 6, 12)),  # the disputed presidential election
    ],
)
def test_solar_dates_are_the_days_of_record(solar, gregorian):
    assert persian_to_gregorian(*solar) == gregorian


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1435, 9, 1), date(2014, 6, 29)),  # the "caliphate" declared on 1 Ramadan 1435
        ((1438, 3, 12), date(2016, 12, 12)),  # the Prophet's birthday, 2016
        ((1437, 10, 1), date(2016, 7, 5)),  # Eid al-Fitr 2016 in Turkey and Iraq
        ((1436, 1, 10), date(2014, 11, 3)),  # Ashura 2014
    ],
)
def test_hijri_dates_are_the_days_observed_in_the_region(hijri, gregorian):
    assert hijri_to_gregorian(*hijri) == gregorian


def test_days_that_do_not_exist_have_no_gregorian_day():
    assert persian_to_gregorian(1395, 12, 31) is None  # Esfand has 29 or 30 days
    assert persian_to_gregorian(1395, 13, 1) is None
    assert hijri_to_gregorian(1438, 1, 31) is None
    assert hijri_to_gregorian(1200, 1, 1) is None  # before Umm al-Qura's tables


def test_a_day_of_a_month_comes_once_a_year_in_order():
    bahman_22 = persian_days(11, 22)
    assert all((d.month, d.day) in ((2, 10), (2, 11)) for d in bahman_22 if 2006 <= d.year <= 2019)
    assert list(bahman_22) == sorted(bahman_22)
    assert date(1979, 2, 11) in bahman_22
    muharram_10 = hijri_days(1, 10)
    # a lunar year is 11 days shorter than a Gregorian one: 2009 had Ashura twice, the
    # second the day of the protests in Tehran, 27 December
    assert [d for d in muharram_10 if d.year == 2009] == [date(2009, 1, 7), date(2009, 12, 27)]
    assert all(330 < (b - a).days < 360 for a, b in itertools.pairwise(muharram_10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was born on 29 Mehr 1395.", [("29 Mehr 1395", "DATE", "2016-10-20")]),
        # Iraq invaded on 31 Shahrivar 1359, 22 September 1980
        ("Iraq invaded on 31 Shahrivar 1359.", [("31 Shahrivar 1359", "DATE", "1980-09-22")]),
        (
            "The revolution triumphed on 22 Bahman 1357 (11 February 1979).",
            [
                ("22 Bahman 1357", "DATE", "1979-02-11"),
                ("11 February 1979", "DATE", "1979-02-11"),
            ],
        ),
        ("The fatwa was issued on 1 Muharram 1438.", [("1 Muharram 1438", "DATE", "2016-10-03")]),
        (
            "The statement was dated Rabi' al-Awwal 12, 1438 AH, and read out.",
            [("Rabi' al-Awwal 12, 1438 AH", "DATE", "2016-12-12")],
        ),
        (
            "It was signed on 5 Jumada al-Akhirah 1437 A.H. in Mosul.",
            [("5 Jumada al-Akhirah 1437 A.H.", "DATE", "2016-03-14")],
        ),
        ("The decree of 3 Safar 1438H was read.", [("3 Safar 1438H", "DATE", "2016-11-03")]),
        ("The law of 12 Esfand 1394 SH.", [("12 Esfand 1394 SH", "DATE", "2016-03-02")]),
        ("They met on Dhul-Hijjah 9, 1437.", [("Dhul-Hijjah 9, 1437", "DATE", "2016-09-11")]),
        (
            "It fell on the tenth of Muharram 1436.",
            [("the tenth of Muharram 1436", "DATE", "2014-11-03")],
        ),
        # a Gregorian year after the day: the one in that year
        (
            "On Ramadan 1, 2014 the group declared its caliphate.",
            [("Ramadan 1, 2014", "DATE", "2014-06-29")],
        ),
        (
            "They fought on the 10th of Muharram in 2012.",
            [("the 10th of Muharram", "DATE", "2012-11-24"), ("2012", "DATE", "2012")],
        ),
    ],
)
def test_dates_of_the_other_calendars_are_read_as_gregorian_days(text, expected):
    assert read(text) == expected


def test_a_hijri_day_is_the_day_its_feast_is():
    text = "The procession on Ashura, the 10th of Muharram, was attacked."
    (ashura, tenth) = read(text)
    assert ashura[2] == tenth[2] == "2016-10-12"
    assert value_of("Eid al-Fitr 2016 ended the fast.") == value_of("It was 1 Shawwal 1437.")


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # no year: the nearest one, in the sentence's direction
        ("Iran will mark the 22nd of Bahman with rallies.", DCT, "2017-02-10"),
        ("Crowds marked 13 Aban outside the old embassy.", date(2016, 11, 20), "2016-11-03"),
        ("The ceasefire began on 27 Rajab.", DCT, "2016-05-04"),
        ("The truce is to hold until 1 Shawwal.", date(2017, 6, 1), "2017-06-25"),
        ("The vote is set for 14 Khordad.", DCT, "2017-06-04"),
    ],
)
def test_a_day_without_its_year_is_the_nearest_one(text, dct, value):
    assert value_of(text, dct) == value


def test_a_reported_day_ahead_of_the_report_is_last_years():
    text = "Students stormed the compound on 13 Aban, witnesses said."
    # TimeML takes the nearest 13 Aban (two weeks after the DCT); a report tells of the past
    assert read(text)[0][2] == "2016-11-03"
    assert read(text, reports=True)[0][2] == "2015-11-04"
    ahead = "Students plan a march for 13 Aban, organisers said."
    assert read(ahead, reports=True)[0][2] == "2016-11-03"


@pytest.mark.parametrize(
    "text",
    [
        "Mehr news agency said 12 people were killed.",
        "The Imam Ali Brigades and Rajab Tayyib said 5 people died.",
        "Yalda Hakim reported from Kabul.",
        "The Tir 5 meeting was delayed.",
        "Safar 3 was the code name.",
        "Mehr 13 ceremonies were held.",
        "The 2 Muharram Brigades attacked.",
    ],
)
def test_names_that_are_months_are_not_read_as_days(text):
    assert read(text) == []


def test_an_old_solar_year_is_its_year_not_the_dcts():
    # (before 1925 Iran's official calendar was another: the day is the solar calendar's,
    # counted back, a day from what histories give for the constitution's 5 August 1906)
    ((words, _, value),) = read("The constitution was decreed on 14 Mordad 1285.")
    assert words == "14 Mordad 1285" and value.startswith("1906-08-0")


def test_a_day_that_does_not_exist_is_not_read():
    # (a Hijri year before Umm al-Qura's tables is no day at all, not the day without it)
    assert read("He left Najaf on 1 Muharram 1300.") == []
    assert read("He was born on 31 Esfand 1395.") == []
    assert read("The letter of 30 Rajab 1438 was found.") == []  # Rajab 1438 had 29 days
    # a month starts as observed in the region (Ramadan 1437 on 7 June 2016 in Iran and
    # Afghanistan) and is as long as Umm al-Qura's (30 days)
    assert read("The letter of 30 Ramadan 1437 was found.")[0][2] == "2016-07-06"
    assert read("The letter of 31 Ramadan 1437 was found.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Families went out for Sizdah Bedar in 2017.", ("Sizdah Bedar", "2017-04-02")),
        ("They stayed up on Shab-e Yalda with pomegranates.", ("Shab-e Yalda", "2016-12-20")),
        ("On Yalda night the power failed.", ("Yalda night", "2016-12-20")),
        ("Pilgrims marked Eid al-Ghadir 2016 in Najaf.", ("Eid al-Ghadir 2016", "2016-09-20")),
    ],
)
def test_feasts_of_the_other_calendars(text, expected):
    assert read(text)[0][0::2] == expected


def test_eid_al_ghadir_is_eight_days_after_eid_al_adha():
    adha = date.fromisoformat(value_of("Eid al-Adha 2015 began."))
    assert value_of("Eid al-Ghadir 2015 began.") == (adha + timedelta(days=8)).isoformat()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Families gathered at Christmas in 2012.", "2012-12-25"),
        ("Families gathered for Eid al-Fitr in 2012.", "2012-08-19"),
        ("Sales rose over Easter in 2009 by 4 percent.", "2009-04-12"),
    ],
)
def test_a_feasts_year_told_after_it(text, value):
    assert read(text)[0][2] == value


def test_an_event_dated_by_the_solar_calendar():
    body = (
        "Iranian artillery shelled Kurdish rebel positions near Sardasht on 29 Mehr 1395, "
        "the Kurdistan Democratic Party of Iran said.\n"
    )
    art = ArticleText(title="t", body=body, published=date(2016, 10, 22), published_basis="stated")
    (c,) = extract_candidates(art)
    assert (c.date.earliest, c.date.latest, c.date.precision) == (
        date(2016, 10, 20),
        date(2016, 10, 20),
        "day",
    )
    assert c.date.words == "29 Mehr 1395"


def test_a_solar_day_with_its_year_sets_the_scene_as_a_gregorian_one():
    text = (
        "The student was last seen leaving a friend's flat at about 11 p.m. on 23 Khordad "
        "1383. Her roommate reported her missing the next afternoon, and her car was found in "
        "a car park in Qom on June 15, with her bag still on the seat."
    )
    # June 15 is the scene's year's (2004), as after "on June 12, 2004", not the DCT's
    assert read(text, date(2005, 11, 16))[-1] == ("June 15", "DATE", "2004-06-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Umm al-Qura began Ramadan 1438 on Saturday 27 May 2017, Iran on the Sunday
        ("Fasting began on Sunday, 1 Ramadan 1438.", ("Sunday, 1 Ramadan 1438", "2017-05-28")),
        ("Fasting began on 1 Ramadan 1438, a Saturday.", ("1 Ramadan 1438", "2017-05-27")),
        ("Fasting began on 1 Ramadan 1438, a Sunday.", ("1 Ramadan 1438", "2017-05-28")),
        # a weekday two days off says nothing of the sighting: the day stays
        ("Fasting began on Thursday, 1 Ramadan 1438.", ("Thursday, 1 Ramadan 1438", "2017-05-27")),
        # the solar calendar is computed, not sighted: its day stays whatever the weekday
        ("It was Wednesday, 29 Mehr 1395.", ("Wednesday, 29 Mehr 1395", "2016-10-20")),
    ],
)
def test_the_weekday_written_with_a_hijri_day_says_which_sighting(text, expected):
    assert read(text)[0][0::2] == expected


def test_a_name_inside_a_date_places_no_event():
    # "Mehr" is a town of Iran as well as a month of its calendar
    body = "Iraqi forces shelled the town on 17 Mehr 1395, the ministry said.\n"
    art = ArticleText(title="t", body=body, published=date(2016, 10, 10), published_basis="stated")
    (c,) = extract_candidates(art)
    assert c.place is None


@pytest.mark.parametrize(
    "name",
    [
        *("Muharram", "Moharram", "Safar", "Rabi' al-Awwal", "Rabi II", "Jumada al-Ula"),
        *("Jumado al-Thani", "Rajab", "Sha'ban", "Shaaban", "Ramadan", "Ramazan", "Shawwal"),
        *("Shavval", "Dhu al-Qa'dah", "Dhul-Qidah", "Zul Hijja", "Thul-Hijjah"),
        *("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Amordad", "Shahrivar"),
        *("Mehr", "Aban", "Abaan", "Azar", "Dey", "Dei", "Bahman", "Esfand", "Espand", "Isfand"),
    ],
)
def test_the_cheap_test_lets_every_month_through(name):
    # (the tagger skips the calendars' pattern on a text that fails it)
    assert may_name_a_month(f"on 5 {name} 1438")
    assert read(f"It was signed on 5 {name} 1438.") != []


def test_the_cheap_test_stops_a_text_naming_no_such_month():
    assert not may_name_a_month("Troops entered the town on 5 October 2016, officials said.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IRAN MARKS 22 BAHMAN 1357 IN TEHRAN", [("22 BAHMAN 1357", "DATE", "1979-02-11")]),
        (
            "THE STATEMENT OF RABI' AL-AWWAL 12, 1438 AH WAS READ OUT",
            [("RABI' AL-AWWAL 12, 1438 AH", "DATE", "2016-12-12")],
        ),
        (
            "PILGRIMS MARCH ON 17 DHU AL-HIJJAH 1437",
            [("17 DHU AL-HIJJAH 1437", "DATE", "2016-09-19")],
        ),
        # (beside no number the words are words: an agency, a name)
        ("MEHR NEWS AGENCY REPORTS TWELVE DEAD IN RAJAB CAMP", []),
    ],
)
def test_a_line_in_capitals_names_its_months(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        # no weekday: the month may have begun a day earlier or later where it was written
        ("Militants attacked the town on 12 Ramadan 1437.", date(2016, 6, 17), date(2016, 6, 19)),
        # a weekday that agrees pins it to the day
        (
            "Militants attacked the town on Saturday, 12 Ramadan 1437.",
            date(2016, 6, 18),
            date(2016, 6, 18),
        ),
        # the solar calendar is computed, not sighted
        ("Militants attacked the town on 28 Khordad 1395.", date(2016, 6, 17), date(2016, 6, 17)),
    ],
)
def test_a_hijri_day_no_weekday_pins_is_a_day_either_side(text, earliest, latest):
    (t,) = tag(text, DCT)
    rng = to_date_range(t)
    assert (rng.earliest, rng.latest, rng.precision) == (earliest, latest, "day")


@pytest.mark.parametrize(
    ("text", "clock", "earliest", "latest"),
    [
        # a clock time or part of the day on an unpinned Hijri day is as unsure of the day
        ("Militants struck on 12 Ramadan 1437 at 10:00.", "10:00", date(2016, 6, 17),
         date(2016, 6, 19)),
        ("Militants struck on 12 Ramadan 1437. That night they struck again.", "That night",
         date(2016, 6, 17), date(2016, 6, 19)),
        # pinned by its weekday, or on a day of its own, it is not
        ("Militants struck on Saturday, 12 Ramadan 1437, at 10:00.", "10:00",
         date(2016, 6, 18), date(2016, 6, 18)),
        ("Militants struck on 12 Ramadan 1437. On 19 June at 9 a.m. they struck again.",
         "9 a.m.", date(2016, 6, 19), date(2016, 6, 19)),
    ],
)  # fmt: skip
def test_a_time_of_day_on_an_unpinned_hijri_day_keeps_its_doubt(text, clock, earliest, latest):
    (t,) = [t for t in tag(text, DCT) if t.text == clock]
    rng = to_date_range(t)
    assert (rng.earliest, rng.latest, rng.precision) == (earliest, latest, "day")


def test_an_events_hijri_day_carries_its_sighting_in_its_range():
    body = "Islamic State fighters attacked Ramadi on 12 Ramadan 1437, the ministry said.\n"
    art = ArticleText(title="t", body=body, published=date(2016, 6, 25), published_basis="stated")
    (c,) = extract_candidates(art)
    assert (c.date.earliest, c.date.latest) == (date(2016, 6, 17), date(2016, 6, 19))
