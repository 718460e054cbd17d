"""benchmarks/date_styles.py: how it writes a day and a clock time, and what it counts."""

from datetime import date

import pytest

from tests.scripts import load_script
from timeline.extraction.temporal import tag
from timeline.extraction.temporal.scoring import GoldDoc

date_styles = load_script("benchmarks/date_styles.py")

DAY = date_styles.Written(0, 0, "2016-10-05", date(2016, 10, 5))
CLOCK = date_styles.Written(0, 0, "2016-10-05T14:30", (14, 30), "about ")


@pytest.mark.parametrize(
    ("name", "written", "expected"),
    [
        ("day month year (5 October 2016)", DAY, "5 October 2016"),
        ("month day, year (October 5, 2016)", DAY, "October 5, 2016"),
        ("ISO (2016-10-05)", DAY, "2016-10-05"),
        ("hyphens (5-Oct-2016)", DAY, "5-Oct-2016"),
        ("US numbers (10/05/2016)", DAY, "10/05/2016"),
        ("US numbers, dashes, two-digit year (10-05-16)", DAY, "10-05-16"),
        ("day first numbers (05/10/2016)", DAY, "05/10/2016"),
        ("dotted (05.10.2016)", DAY, "05.10.2016"),
        # 5 October 2016 was 14 Mehr 1395, and 4 Muharram 1438 by Umm al-Qura's reckoning
        ("Iranian solar (28 Mehr 1395)", DAY, "14 Mehr 1395"),
        ("Hijri (18 Muharram 1438 AH)", DAY, "4 Muharram 1438 AH"),
        ("24-hour, local time (14:30 local time)", CLOCK, "about 14:30 local time"),
        ("military, hrs (1430 hrs)", CLOCK, "about 1430 hrs"),
        ("with an offset (14:30 (GMT+3))", CLOCK, "about 14:30 (GMT+3)"),
    ],
)
def test_each_style_writes_the_same_day_or_time(name, written, expected):
    assert date_styles.styles()[name].write(written) == expected


def _doc(text: str) -> tuple[GoldDoc, list]:
    doc = GoldDoc("x.tml", "2016-10-20", text, [])
    return doc, tag(doc.text, date(2016, 10, 20))


TEXT = (
    "Troops entered the town at 2:30 p.m. on October 5, 2016, officials said on Monday. "
    "A second unit followed on October 23, 2016."
)


def test_what_is_rewritten_and_what_is_left_is_counted():
    style = date_styles.styles()["military, hours (1430 hours)"]
    n, same, _, others, others_same, differed = date_styles.compare([_doc(TEXT)], style)
    # the clock time is rewritten; the two days and Monday are the document's others
    assert (n, same, others, others_same, differed) == (1, 1, 3, 3, {})


def test_a_day_first_document_needs_a_day_past_the_12th():
    day_first = date_styles.styles()["day first numbers (05/10/2016)"]
    us = date_styles.styles()["US numbers (10/05/2016)"]
    assert date_styles.compare([_doc(TEXT)], day_first)[:2] == (2, 2)
    assert date_styles.compare([_doc(TEXT)], us)[:2] == (0, 0)
    one_day = "The town fell on October 5, 2016."
    assert date_styles.compare([_doc(one_day)], day_first)[:2] == (0, 0)
    assert date_styles.compare([_doc(one_day)], us)[:2] == (1, 1)
    # a document that names its days day first in words is not one the US style is read in
    british = "The town fell on October 5, 2016, days after the 2 October talks and 3 October."
    assert date_styles.compare([_doc(british)], us)[:2] == (0, 0)


def test_a_difference_is_listed_with_its_words_and_reading():
    style = date_styles.Style("day", lambda w: "xyz")
    n, same, _, _, _, differed = date_styles.compare([_doc(TEXT)], style)
    assert (n, same) == (2, 0)
    assert differed == {("xyz", "2016-10-05", "lost"): 1, ("xyz", "2016-10-23", "lost"): 1}


def test_a_run_prints_a_line_per_style(capsys, tmp_path):
    (tmp_path / "a.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
        'value="2016-10-20" functionInDocument="CREATION_TIME">2016-10-20</TIMEX3></DCT>'
        f"<TEXT>{TEXT}</TEXT></TimeML>",
        encoding="utf-8",
    )
    assert date_styles.main([str(tmp_path), "--styles", "military"]) == 0
    out = capsys.readouterr().out
    assert "military, hrs (1430 hrs)" in out and "read the same     1 of     1" in out


def test_the_extraction_finds_the_same_events_in_a_page_written_day_first():
    (path,) = (date_styles.FIXTURES / "articles").glob("004_*.txt")
    text = path.read_text(encoding="utf-8")
    style = date_styles.styles()["day first numbers (05/10/2016)"]
    files, total, same, held = date_styles.compare_extraction([(text, tag(text, None))], style)
    assert files == 1 and total > 20 and same == held == total


def test_a_hijri_days_events_are_dated_over_ranges_that_hold_the_day_as_written():
    path = date_styles.FIXTURES / "unseen" / "dev" / "articles" / "01.txt"
    text = path.read_text(encoding="utf-8")
    style = date_styles.styles()["Hijri (18 Muharram 1438 AH)"]
    files, total, same, held = date_styles.compare_extraction([(text, tag(text, None))], style)
    # every day rewritten is read as itself and the days either side: not the same range, but
    # one that holds the day as written
    assert files == 1 and same < held == total


def test_the_other_calendars_days_are_read_back():
    solar = date_styles.styles()["Iranian solar (28 Mehr 1395)"]
    assert date_styles.compare([_doc(TEXT)], solar)[:3] == (2, 2, 2)
    # Umm al-Qura began Muharram 1438 on 2 October 2016, Iraq and Iran (by the Ashura they
    # kept) on the 3rd: "4 Muharram" is read a day later, which the style's slack allows
    hijri = date_styles.styles()["Hijri (18 Muharram 1438 AH)"]
    assert hijri.slack_days == 1
    assert date_styles.compare([_doc(TEXT)], hijri)[:3] == (2, 2, 0)
