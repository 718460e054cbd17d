"""The cheap tests that spare the tagger a pattern's scan (``patterns.may_match``) must never
turn away a text the pattern would match: a gate is a necessary condition, and the tagger's
output with gates is the output without them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.temporal.patterns import _COMPILED, _WORDS_NEEDED, folded, may_match

GATED = sorted({*_WORDS_NEEDED, "othercal"})
PATTERNS = dict(_COMPILED)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("timepod", "They attacked at dawn."),
        ("timepod", "Shares fell in morning trading."),
        ("timepod", "Rain fell overnight and stopped."),
        ("podref", "He left late this evening."),
        ("podref", "They met yesterday night."),
        ("century", "the 20th century"),
        ("decade", "in the 1990s"),
        ("decade", "the '80s"),
        ("season", "last summer"),
        ("season", "in the fall of 2014"),
        ("othercal", "on 22 Bahman 1357"),
        # the letters the patterns' case-insensitive matching takes for "i", "s" and "k"
        ("timepod", "THEY ATTACKED AT DAWN AND IN THE MORNİNG"),
        ("timepod", "in the mornıng"),
        ("season", "laſt ſummer"),
        ("podref", "this afternoon"),
    ],
)
def test_a_text_the_pattern_matches_passes_its_gate(name, text):
    assert PATTERNS[name].search(text) is not None
    assert may_match(name, text, folded(text))


@pytest.mark.parametrize("name", sorted(_WORDS_NEEDED))
def test_a_text_without_the_words_is_turned_away(name):
    text = "Troops entered the town on Tuesday, officials said."
    assert not may_match(name, text, folded(text))


_VOCABULARY = (
    "the this last yesterday early mid- late in at during by of 20th 1990 199 0 0s '80s 's "
    "morning MORNING Morning mornİng mornıng afternoon evening night midday overnight dawn "
    "sunset century Century spring summer ſummer fall autumn winter trading hours 22 Bahman "
    "1357 Muharram Rabi' al-Awwal 10th"
)
_PIECES = _VOCABULARY.split(" ")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), st.sampled_from(GATED))
def test_no_gate_turns_away_a_match(words, name):
    text = " ".join(words)
    if PATTERNS[name].search(text) is not None:
        assert may_match(name, text, folded(text))
