"""A pattern's first characters (``first_chars``), put before it as a lookahead, must never turn
away a match: the tagger's patterns find the same matches with the lookahead as without it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.temporal.first_chars import first_chars_class, with_first_chars
from timeline.extraction.temporal.patterns import _B, _COMPILED, _FLAGS, _PATTERNS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc", "Aa"),
        # an optional opening adds its own first characters to what follows it
        (r"(?:about\s+)?\d+\s+days", r"Aa\d"),
        ("(?:the|a) day", "ATat"),
        # zero-width assertions consume nothing: what follows them opens the match
        (r"(?<!\w)\bin\s+2016", "Ii"),
        (r"(?=\d)(?:1|2)\d", "12"),
        ("[0-9x]y", "Xx0-9"),
        ("(?-i:May)", "Mm"),
    ],
)
def test_first_characters_of_a_pattern(pattern, expected):
    assert first_chars_class(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "a?",  # can match nothing
        r"(?:x|)y?",  # nor can this
        r"[^a]b",  # a negated class: nearly anything
        ".x",  # any character
        r"(a)?(?(1)b|c)",  # a conditional group
    ],
)
def test_no_class_where_it_cannot_be_told(pattern):
    assert first_chars_class(pattern) is None


def test_a_pattern_without_a_class_is_compiled_as_it_is():
    assert with_first_chars("a?", re.I).pattern == "a?"
    assert with_first_chars("abc", re.I).pattern == "(?=(?i:[Aa]))(?:abc)"
    # (a part matched without regard to case is found with its case-folded kin: the Kelvin sign)
    assert with_first_chars("(?i:k)m").search("\u212am") is not None


UNGUARDED = {
    name: re.compile(_B + pat if not pat.startswith(r"\b") else pat, _FLAGS)
    for name, pat in _PATTERNS
}


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_every_pattern_has_its_first_characters():
    # (a pattern that loses its class, after a change to it, loses its speed: this says so)
    assert [name for name, rx in _COMPILED if not rx.pattern.startswith("(?=(?i:[")] == []


def test_the_patterns_find_the_same_matches_in_the_articles_and_annotated_texts():
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    texts += [
        p.read_text("utf-8")
        for p in sorted((ROOT / "fixtures" / "timex_real" / "read").glob("*.tml"))
    ]
    for name, rx in _COMPILED:
        for text in texts:
            assert _spans(rx, text) == _spans(UNGUARDED[name], text), name


_PIECES = (
    "the",
    "this",
    "last",
    "next",
    "early",
    "mid-",
    "late",
    "in",
    "at",
    "on",
    "during",
    "by",
    "of",
    "about",
    "around",
    "some",
    "20th",
    "1990",
    "1990s",
    "'80s",
    "5",
    "05",
    "10:30",
    "0600",
    "14.30",
    "2016-10-05",
    "10/5/2016",
    "5-Oct-2016",
    "3Q17",
    "FY2017",
    "a.m.",
    "p.m.",
    "GMT",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "year-old",
    "ago",
    "earlier",
    "later",
    "Monday",
    "MONDAY",
    "Mon.",
    "Sept.",
    "October",
    "OCT",
    "May",
    "March",
    "quarter",
    "half",
    "century",
    "decade",
    "morning",
    "tonight",
    "overnight",
    "dawn",
    "Christmas",
    "Easter",
    "Ramadan",
    "Nowruz",
    "22",
    "Bahman",
    "1357",
    "Muharram",
    "1438",
    "AH",
    "spring",
    "summer",
    "each",
    "every",
    "twice",
    "daily",
    "annual",
    "recent",
    "now",
    "currently",
    "nineteen",
    "ninety-nine",
    "two",
    "thousand",
    "ſummer",
    "mornİng",
    "K",
    ",",
    ".",
    ";",
    "(",
    ")",
    "'",
    '"',
    "-",
    "–",
    "\n",
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16), st.sampled_from(["", " "]))
def test_the_patterns_find_the_same_matches_in_generated_texts(words, glue):
    text = glue.join(words) if glue else " ".join(words).replace(" - ", "-")
    for name, rx in _COMPILED:
        assert _spans(rx, text) == _spans(UNGUARDED[name], text), name


def test_without_the_engines_parser_the_pattern_is_left_as_it_is(monkeypatch):
    from timeline.extraction.temporal import first_chars

    monkeypatch.setattr(first_chars, "_parser", None)
    assert first_chars.first_chars_class("abc", re.I) is None
    assert with_first_chars("abc", re.I).pattern == "abc"
