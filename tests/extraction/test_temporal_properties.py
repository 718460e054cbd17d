"""Properties of the temporal tagger on any text and any DCT (Hypothesis).

The tagger reads articles nobody has checked: whatever words and numbers they hold, and
whatever date a header gives, it must return well-formed expressions and never fail the
document. The texts are built from the words its patterns turn on, so most examples reach
its handlers' date arithmetic rather than stopping at "no match".
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction.strategies import document_dates
from timeline.extraction.temporal import tag, to_date_range

_VOCABULARY = (
    "Monday Friday Sunday last next this that ago later earlier before after since until the "
    "a an of in on at by from to and or week weeks month months year years decade decades "
    "century centuries quarter fiscal weekend day days today tomorrow yesterday tonight "
    "morning night noon midnight spring summer winter Easter Christmas Ramadan Eid January "
    "Feb. March May Sept. December early late mid- first second fourth final half two three "
    "1,000 3,000 10,000 9,999 2014 1999 0 1 12 29 31 99 2/29 12/31/99 2014-02-29 05.06.2014 "
    "1990s '80s Q4 H1 a.m. p.m. 11:59 23:61 GMT every daily now recently , . ; \" \n\n "
    "Jul Apr Sep 07 02:00 fall he's faces sentenced hours "
)
_WORDS = _VOCABULARY.split(" ")

_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)
_VALUE_CHARS = set("0123456789-WTQHXBCSUFAIPRENODMYVL_:+.")


# Expressions written as more than one word, of the kinds whose words the handlers look up or
# compare ("January of the following year", "in mid afternoon", "a couple of days"), among
# single words; each space between them drawn from what else stands between words in text
# from the web, e-mail and word processors (where a text was wrapped, a line break).
_PHRASES = (
    "in January of the following year",
    "in January of the previous year",
    "in mid afternoon",
    "a couple of days",
    "two and a half weeks",
    "at 6:45 a. m.",
    "in the last week",
    "the year two thousand",
    "the following Christmas",
    "in the early years",
    "three days from today",
    "this time last year",
    *_WORDS,
)
_SPACES = st.sampled_from([" ", " ", "\n", "\t", "\u00a0", "\u2009", "\r\n", "\u2028"])


@st.composite
def _spaced_texts(draw):
    words = " ".join(draw(st.lists(st.sampled_from(_PHRASES), max_size=20))).split(" ")
    return "".join(word + draw(_SPACES) for word in words)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=_TEXTS, dct=document_dates)
def test_any_text_and_dct_give_well_formed_expressions(text, dct):
    _assert_well_formed(text, tag(text, dct))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=_spaced_texts(), dct=document_dates)
def test_any_white_space_between_the_words_gives_well_formed_expressions(text, dct):
    # (a line break inside "mid\nafternoon" or "the\nfollowing year", where a text was
    # wrapped, once raised KeyError: the handlers looked words up with the space in them)
    _assert_well_formed(text, tag(text, dct))


def _assert_well_formed(text, found):
    ends = [0]
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= ends[-1]  # sorted and not overlapping
        ends.append(t.end)
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value and set(t.value) <= _VALUE_CHARS, t.value
        to_date_range(t)  # whatever the value, reading it as days does not fail


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        # a span of weekdays read the wrong way round, settled against a DCT in year 1: the
        # day it would move the start to is before the calendar's first (found by fuzzing)
        ("It will run Tuesday – Monday", date(1, 1, 1)),
        ("will Tuesday – Monday", date(1, 1, 1)),
        ("open Friday through Monday", date(9999, 12, 31)),
    ],
)
def test_settling_neighbours_at_the_calendars_edge_keeps_the_document(text, dct):
    assert all(text[t.start : t.end] == t.text for t in tag(text, dct))


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # a headline in capitals (found by fuzzing: with no DCT, "DAY" raised KeyError)
        ("EARLIER IN THE DAY, TROOPS LEFT.", None, "XXXX-XX-XX"),
        ("LATER IN THE WEEK, TROOPS LEFT.", None, "XXXX-WXX"),
        ("LATER IN THE DAY, TROOPS LEFT.", date(2013, 3, 22), "2013-03-22"),
    ],
)
def test_a_unit_in_capitals_reads_as_in_small_letters(text, dct, value):
    assert [t.value for t in tag(text, dct)] == [value]
