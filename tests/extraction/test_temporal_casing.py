"""Lines written in capitals read as in small letters (temporal/casing.py), and what the tagger
finds in them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.temporal import tag
from timeline.extraction.temporal.casing import in_small_letters
from timeline.extraction.temporal.scoring import read_gold

BLIND = Path(__file__).resolve().parents[2] / "fixtures" / "timex_blind"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "IRAQI FORCES RETAKE RAMADI ON TUESDAY, SEPT. 30. TALKS MAY RESUME MAY 5.",
            "Iraqi forces retake ramadi on Tuesday, Sept. 30. Talks may resume May 5.",
        ),
        # "march" and "may" are months beside a number or after a word that leads a month
        ("TROOPS MARCH ON IN EARLY MARCH", "Troops march on in early March"),
        ("SIEGE ENDS IN MID-MAY; TALKS MAY FOLLOW", "Siege ends in mid-May; talks may follow"),
        # holidays, zones and the fiscal year's abbreviation as they are written
        (
            "CHRISTMAS EVE BLAST AT 1200 GMT; NEW YEAR'S DAY VOTE",
            "Christmas Eve blast at 1200 GMT; New Year's Day vote",
        ),
        ("FY2014 BUDGET PASSED AT 5 P.M. EDT", "FY2014 budget passed at 5 p.m. EDT"),
        # the zones of other regions are kept after a clock time only
        (
            "JULY 2, 2013 15:01 IST: CHILDREN EAT AT 1400 AST",
            "July 2, 2013 15:01 IST: children eat at 1400 AST",
        ),
        # a line with small letters, or with too few capitals to be shouting, is left alone
        ("Talks resume on Tuesday\nU.S.\nISIS:", "Talks resume on Tuesday\nU.S.\nISIS:"),
        (
            "Story so far\nRAMADI FALLS ON SUNDAY\nmore",
            "Story so far\nRamadi falls on Sunday\nmore",
        ),
    ],
)
def test_a_line_in_capitals_is_written_as_a_typist_would(text, expected):
    assert in_small_letters(text) == expected


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=st.text(alphabet=st.sampled_from(list("AMYBCDE may.'\n5-İ")), max_size=200))
def test_only_the_case_of_letters_changes(text):
    out = in_small_letters(text)
    assert len(out) == len(text)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(text, out, strict=True))


@pytest.mark.parametrize(
    ("text", "dct", "found"),
    [
        (
            "MILITANTS STRIKE ON CHRISTMAS EVE\n\nThe attack came overnight.",
            date(2013, 12, 26),
            ("CHRISTMAS EVE", "2013-12-24"),
        ),
        ("TALKS TO RESUME SEPT. 30, ENVOY SAYS", date(2014, 9, 2), ("SEPT. 30", "2014-09-30")),
        ("CEASEFIRE COLLAPSES IN EARLY MARCH", date(2016, 4, 2), ("EARLY MARCH", "2016-03")),
        ("OIL OUTPUT TO RISE DAILY", date(2016, 4, 2), ("DAILY", "P1D")),
    ],
)
def test_expressions_in_a_headline_in_capitals_are_found(text, dct, found):
    # each was lost: the month abbreviation, the holiday and "march" need their capitals, and
    # in capitals "DAILY" looked like a name ("Daily Telegraph")
    assert found in [(t.text, t.value) for t in tag(text, dct)]


def test_may_the_verb_in_capitals_is_no_month():
    assert tag("TALKS MAY RESUME, ENVOY SAYS", date(2014, 9, 2)) == []


@pytest.mark.parametrize(
    "doc",
    ["A/AFP_ENG_20131109.0231.tml", "A/BBC_ENG_20120708.0390.tml", "A/NYT_ENG_20051216.0021.tml"],
)
def test_a_document_in_capitals_is_tagged_as_the_document_as_written(doc):
    # over the developed documents in capitals, 2,631 expressions were lost, new or read
    # otherwise (of 19,385); now 175
    gold = read_gold(BLIND / doc)
    dct = date.fromisoformat(gold.dct[:10])
    shouted = "".join(c.upper() if len(c.upper()) == 1 else c for c in gold.text)
    as_written = [(t.start, t.end, t.value) for t in tag(gold.text, dct)]
    assert [(t.start, t.end, t.value) for t in tag(shouted, dct)] == as_written
