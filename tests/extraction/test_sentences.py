"""Sentence splitting with offsets."""

from __future__ import annotations

import pytest

from timeline.extraction.sentences import paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Qassem Soleimani met U.S. officials. Capt. Jeff Davis said so.",
            ["Gen. Qassem Soleimani met U.S. officials.", "Capt. Jeff Davis said so."],
        ),
        (
            "The U.S. Army left. He said “no.” Then he left.",
            ["The U.S. Army left.", "He said “no.”", "Then he left."],
        ),
        (
            "The offensive began on Oct. 17 near Mosul. Troops advanced 10 km.",
            ["The offensive began on Oct. 17 near Mosul.", "Troops advanced 10 km."],
        ),
        ("Is it over? Nobody knows! Fighting went on.", ["Is it over?", "Nobody knows!",
                                                          "Fighting went on."]),
        ("One line\nAnother line", ["One line", "Another line"]),
    ],
)  # fmt: skip
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_and_paragraphs():
    body = "  First para. Still first.\n\nSecond para here.\n"
    sents = split_sentences(body)
    for s in sents:
        assert body[s.start : s.end] == s.text
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert [body[a:b] for a, b in paragraphs(body)] == [
        "First para. Still first.",
        "Second para here.",
    ]


def test_seed_sentences_slice_exactly(seed_results):
    for articles, _ in seed_results.values():
        for art in articles:
            for s in split_sentences(art.body):
                assert art.body[s.start : s.end] == s.text
                assert s.text == s.text.strip() and s.text


def test_an_abbreviation_is_read_whole_however_long_the_line():
    # the word before a full stop is looked for near it, and read whole when it goes on
    run = "A." * 60  # initials longer than the window looked at
    text = f"Troops of the {run}B. Forces reached Mosul. Then they left."
    assert [s.text for s in split_sentences(text)] == [
        f"Troops of the {run}B. Forces reached Mosul.",
        "Then they left.",
    ]
    long_line = " ".join(["Gen. Ali met U.S. officials in Baghdad."] * 300)
    sents = split_sentences(long_line)
    assert len(sents) == 300
    assert {s.text for s in sents} == {"Gen. Ali met U.S. officials in Baghdad."}
