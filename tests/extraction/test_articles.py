"""Article splitting, boilerplate removal, metadata and publication-date inference."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.conftest import seed_path
from timeline.extraction.articles import (
    infer_published,
    is_boilerplate,
    parse_credit,
    parse_date_line,
    parse_header,
    split_articles,
)
from timeline.extraction.types import ArticleText

# (title starts with, publisher, author, stated date) of the nine articles of seed 004.
PAGE_004 = [
    ("Tehran’s New Scheme for Iraq", "Gatestone Institute", "Amir Taheri", date(2017, 7, 31)),
    ("Get to Know Iran’s Terrorist", "Clarion Project", "Shahriar Kia", date(2017, 1, 25)),
    ("Pro-Iranian Shiites ready to lead Mosul", "DEBKAfile", "", date(2016, 10, 28)),
    ("MOSUL: Iraqi Military Displays", "Counter Jihad", "", date(2016, 10, 24)),
    ("The big Mosul offensive is stuck", "DebkaFile", "", date(2016, 10, 19)),
    ("How US gave Fallujah’s Sunnis", "DEBKAfile", "", date(2016, 6, 20)),
    ("Iraq’s Al-Sadr reportedly summoned", "Middle East Monitor", "", date(2016, 5, 5)),
    ("Mosul Campaign Hampered", "Washington Free Beacon", "", date(2016, 4, 7)),
    ("US-Iranian-Russian-Iraqi offensive", "DEBKAfile", "", date(2015, 12, 22)),
]


def _split(prefix: str) -> list[ArticleText]:
    path = seed_path(prefix)
    return split_articles(path.read_text(encoding="utf-8"), origin_file=path.name)


def test_page_004_splits_into_nine_articles_with_metadata():
    articles = _split("004")
    assert len(articles) == 9
    for art, (title, publisher, author, when) in zip(articles, PAGE_004, strict=True):
        assert art.title.startswith(title)
        assert art.publisher == publisher
        assert art.author == author
        assert art.published == when
        assert art.published_basis == "stated"
    assert [a.origin_index for a in articles] == list(range(9))


@pytest.mark.parametrize(
    "write",
    [
        lambda d: f"{d:%d/%m/%Y}",  # as a Gulf or British site writes it
        lambda d: f"{d.day} {d:%B %Y}",
        lambda d: d.isoformat(),
        lambda d: f"{d.day}-{d:%b-%Y}",
    ],
)
def test_page_004_splits_the_same_with_its_dates_written_another_way(write):
    text = seed_path("004").read_text(encoding="utf-8")
    for *_, when in PAGE_004:
        text = text.replace(f"{when:%B} {when.day}, {when.year}", write(when))
    articles = split_articles(text, origin_file="004.txt")
    assert [(a.title[:20], a.publisher, a.published) for a in articles] == [
        (title[:20], publisher, when) for title, publisher, _, when in PAGE_004
    ]


def test_each_004_article_body_excludes_its_metadata_lines_and_the_next_article():
    articles = _split("004")
    for art, nxt in zip(articles, articles[1:], strict=False):
        assert nxt.title not in art.body
        assert not art.body.startswith(art.title)


@pytest.mark.parametrize(
    ("prefix", "must_be_gone"),
    [
        ("000", ["Print Friendly, PDF & Email"]),
        (
            "001",
            [
                "Read the original story",
                "Comments (0)",
                "Post Your Comments",
                "confirmation code",
                "Latest News",
                "Turkish minister in Libya",
                "Established by",
                "Daily Beast- Michael Weiss",
                "Analysis | 2019",
            ],
        ),
        ("003", ["Sipa via AP Images", "issues with commenting"]),
        ("004", ["Posted tagged", "(AP Photo", "Image source", "ATTA KENARE", "sadrMuqtada"]),
    ],
)
def test_boilerplate_is_removed(prefix, must_be_gone):
    bodies = "\n".join(a.body for a in _split(prefix))
    for words in must_be_gone:
        assert words not in bodies


def test_bodies_are_made_of_the_files_own_lines():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_path(prefix).read_text(encoding="utf-8")
        for art in _split(prefix):
            for line in art.body.splitlines():
                assert line in text


def test_001_metadata_from_dateline_and_original_credit():
    (art,) = _split("001")
    assert art.title.startswith("Iran’s Qasem Soleimani is the Mastermind")
    assert art.published == date(2019, 6, 21)
    assert art.published_basis == "stated"
    assert (art.publisher, art.author, art.republished_from) == (
        "Daily Beast",
        "Michael Weiss",
        "Daily Beast",
    )
    assert art.body.startswith("Two years ago, almost to the day")


def test_000_date_is_inferred_from_weekday_and_day_of_month():
    (art,) = _split("000")
    assert art.published == date(2015, 9, 1)
    assert art.published_basis == "inferred"
    assert "Tuesday, September 1" in art.published_reason
    assert "2015" in art.published_reason


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_undatable_articles_stay_undated_with_a_reason(prefix):
    # Neither text states a date, a weekday with a day of the month, or a year: nothing in the
    # text itself fixes a day, so the date is left for a curator, with the window that fits.
    (art,) = _split(prefix)
    assert art.published is None
    assert art.published_basis == "unknown"
    assert "no date stated" in art.published_reason
    assert "2013-04-08" in art.published_reason


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("July 31, 2017", date(2017, 7, 31)),
        ("Analysis | 2019-06-21 18:00:00", date(2019, 6, 21)),
        ("31 July 2017", date(2017, 7, 31)),
        ("Posted on Sept. 3, 2014", date(2014, 9, 3)),
        ("Friday, Oct. 28, 2016", date(2016, 10, 28)),
        ("The war began on July 31, 2017.", None),
        ("February 30, 2017", None),
        # dates as other houses write them, with their clock time
        ("Posted: 17/10/2016 14:30", date(2016, 10, 17)),
        ("05.10.2016", date(2016, 10, 5)),
        ("10/23/2016", date(2016, 10, 23)),
        ("5-Oct-2016", date(2016, 10, 5)),
        ("Updated 2016-10-05T14:30Z", date(2016, 10, 5)),
        ("October 5, 2016, 2:30 p.m. EDT", date(2016, 10, 5)),
        ("Wednesday 5 October 2016 14.30 AST", date(2016, 10, 5)),
        ("17/13/2016", None),
        ("The vote is on 17/10/2016.", None),
        # the Iranian solar and the Hijri calendars' days
        ("29 Mehr 1395", date(2016, 10, 20)),
        ("Tuesday, 9 Mordad 1396", date(2017, 7, 31)),
        ("Posted: 30 Esfand 1395", date(2017, 3, 20)),
        ("21 Muharram 1438 AH", date(2016, 10, 23)),
        ("31 Mehr 1395", None),
    ],
)
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("day_first", "expected"), [(None, date(2016, 5, 10)), (True, date(2016, 10, 5))]
)
def test_a_date_line_in_numbers_is_read_in_the_files_order(day_first, expected):
    assert parse_date_line("05/10/2016", day_first=day_first) == expected


def test_a_file_that_writes_its_dates_day_first_has_its_date_line_read_so():
    text = (
        "Iraqi forces retake Ramadi\n05/10/2016 14:30\n\n"
        "Iraqi forces retook the city on Tuesday. The offensive had begun on 23/09/2016.\n"
    )
    (art,) = split_articles(text, origin_file="a.txt")
    assert (art.title, art.published) == ("Iraqi forces retake Ramadi", date(2016, 10, 5))
    assert art.body.startswith("Iraqi forces retook")


def test_an_article_dated_by_the_solar_calendar():
    text = (
        "Iran marks the anniversary of the embassy seizure\n13 Aban 1395\n\n"
        "Crowds gathered outside the former US embassy in Tehran on Thursday.\n"
    )
    (art,) = split_articles(text, origin_file="a.txt")
    assert (art.title, art.published) == (
        "Iran marks the anniversary of the embassy seizure",
        date(2016, 11, 3),
    )
    assert art.body.startswith("Crowds gathered")


@pytest.mark.parametrize(
    ("credit", "title", "expected"),
    [
        (
            "Tehran’s New Scheme for Iraq, Gatestone InstituteAmir Taheri, July 31, 2017",
            "Tehran’s New Scheme for Iraq",
            ("Gatestone Institute", "Amir Taheri"),
        ),
        ("A Title, With Comma, Reuters, Jane Doe, May 1, 2016", "A Title, With Comma",
         ("Reuters", "Jane Doe")),
        ("Short headline, DebkaFile, October 19, 2016", "Short headline", ("DebkaFile", "")),
    ],
)  # fmt: skip
def test_parse_credit(credit, title, expected):
    assert parse_credit(credit, title) == expected


@pytest.mark.parametrize(
    ("line", "boiler"),
    [
        ("Print Friendly, PDF & Email", True),
        ("Share this", True),
        ("Read the original story", True),
        ("Comments (0)", True),
        ("Sipa via AP Images", True),
        ("Photo: Reuters", True),
        ("A man walks past a market in Mosul. (AP Photo/John Smith)", True),
        ("Displaced_Sunni__Iraqis_from_Fallujah_6.16Sunni refugees", True),
        ("A    B headline    C headline    D headline    E headline", True),
        ("Iraqi forces retook the town of Hit on Friday.", False),
        ("ISIS makes gains in Damascus and Baiji", False),
        ("The state-of-the-art weapons arrived in Baghdad.", False),
    ],
)
def test_is_boilerplate(line, boiler):
    assert is_boilerplate(line) is boiler


def test_header_block_supplies_metadata_and_is_not_body():
    text = (
        "Title: Militants attack checkpoint\nPublisher: Example Wire\nAuthor: A. Writer\n"
        "Published: 2016-05-01\nURL: https://example.test/a\n\n"
        "Gunmen attacked a checkpoint near Tikrit on Saturday, killing three policemen.\n"
    )
    (art,) = split_articles(text, origin_file="x.txt")
    assert (art.title, art.publisher, art.author, art.url) == (
        "Militants attack checkpoint",
        "Example Wire",
        "A. Writer",
        "https://example.test/a",
    )
    assert art.published == date(2016, 5, 1) and art.published_basis == "stated"
    assert art.body.startswith("Gunmen attacked")
    assert parse_header("Not: a header\n\nText") == ({}, 0)


def test_malformed_header_date_is_one_clear_error():
    with pytest.raises(ValueError, match="Published: 2016-13-01"):
        split_articles("Published: 2016-13-01\n\nSome text here.\n")


def test_caller_date_fills_an_undated_article():
    (art,) = split_articles("A headline here\nSomething happened.\n", published=date(2020, 2, 2))
    assert art.published == date(2020, 2, 2) and art.published_basis == "stated"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Wednesday, March 4 fits 2009, 2015 and 2020; the year the text mentions settles it.
        ("Talks resumed on Wednesday, March 4, said officials who met in 2015.", date(2015, 3, 4)),
        ("On Wednesday, March 4, officials met.", None),  # three fitting years: no guess
        ("No weekday-date here at all.", None),
    ],
)
def test_infer_published_on_unseen_text(body, expected):
    art = infer_published(ArticleText(title="", body=body))
    assert art.published == expected
    assert art.published_basis == ("inferred" if expected else "unknown")
    assert art.published_reason
