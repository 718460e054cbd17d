"""Hard-wrapped text read as its paragraphs: ``layout.unwrap``, and the extraction and the
temporal tagger on articles wrapped as e-mail and wire feeds wrap them."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction.conftest import seed_path
from tests.scripts import load_script
from timeline.extraction.articles import split_articles
from timeline.extraction.layout import unwrap
from timeline.extraction.pipeline import extract_from_text
from timeline.extraction.temporal import tag
from timeline.extraction.temporal.scoring import read_gold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
text_forms = load_script("benchmarks/text_forms.py")
# hard-wrapped as a mail client does it, each space that ends a line written as a line break
wrapped = text_forms.wrapped
# the candidate events as what a form must not change (type, date, place, actors, quote)
_events = text_forms.candidate_keys

PARAGRAPH = (
    "Iraqi forces backed by Shi'ite militias pushed into the southern outskirts of Falluja "
    "on Tuesday, a day after the army said it had cut the last road into the city, and "
    "commanders said the assault on the centre would begin within days."
)


def test_a_wrapped_paragraph_reads_as_one_line():
    text = f"{PARAGRAPH} {PARAGRAPH}"
    lines = textwrap.wrap(text, 60)
    assert len(lines) > 3
    assert unwrap("\n".join(lines)) == " ".join(lines)


@pytest.mark.parametrize("width", [40, 60, 72, 80])
def test_wrapping_at_any_width_is_undone(width):
    text = f"Falluja assault begins\n\n{PARAGRAPH}\n\n{PARAGRAPH} {PARAGRAPH}"
    assert unwrap(wrapped(text, width)) == text


def test_a_headline_and_a_dateline_keep_their_line_breaks():
    # each leaves room for the next line's first word: no wrapper broke there
    text = "Iraqi forces enter Falluja\nBAGHDAD (Reuters) -\n" + "\n".join(
        textwrap.wrap(f"{PARAGRAPH} {PARAGRAPH}", 72)
    )
    out = unwrap(text)
    assert out.startswith("Iraqi forces enter Falluja\nBAGHDAD (Reuters) -\nIraqi forces")
    assert out.count("\n") == 2


def test_a_paragraph_on_each_line_is_left_as_written():
    for path in [seed_path("002"), *sorted((FIXTURES / "unseen").glob("*/articles/*.txt"))]:
        text = path.read_text(encoding="utf-8")
        assert unwrap(text) == text, path


def test_a_list_going_on_in_capitals_is_left_as_written():
    text = (
        "Friday, February 28, 2014\n10:00 a.m.\nRayburn House Office Building\nRoom 2325\n"
        "David Applegate, U.S. Geological Survey\nPeter Haeussler, U.S. Geological Survey\n"
        "Tom Jordan, Seismological Society of America\n"
    )
    assert unwrap(text) == text


def test_windows_line_ends_of_a_wrap_become_two_spaces():
    lines = textwrap.wrap(f"{PARAGRAPH} {PARAGRAPH}", 60)
    out = unwrap("\r\n".join(lines))
    assert out == "  ".join(lines)
    assert len(out.splitlines()) == 1


def test_a_web_address_longer_than_the_width_does_not_hide_the_wrapping():
    url = "https://www.example.com/news/middle-east/iraq-forces-enter-falluja-outskirts-2016"
    text = "\n".join(textwrap.wrap(f"{PARAGRAPH} {url} {PARAGRAPH} {PARAGRAPH}", 70))
    assert "\n" not in unwrap(text)


def test_a_no_break_space_is_no_place_a_wrapper_could_break():
    # "Abu\u00a0Bakr" is one word to a wrapper: a line that had room for "Abu" alone but not
    # for "Abu\u00a0Bakr" was full, and its break is a wrap's
    name = "Abu\u00a0Bakr"
    body = f"{PARAGRAPH} Its leader, {name} al-Baghdadi, was killed. {PARAGRAPH}"
    lines = textwrap.wrap(body, 64)
    (before,) = [a for a, b in zip(lines, lines[1:], strict=False) if b.startswith(name)]
    assert len(before) + 1 + len("Abu") <= 64 < len(before) + 1 + len(name)
    assert unwrap("\n".join(lines)) == " ".join(lines)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab c.\n\r\t\u00a0-")), max_size=300).map(
        lambda t: t.replace("c", "Cairo")
    )
)
def test_unwrapping_only_writes_line_breaks_as_spaces(text):
    out = unwrap(text)
    assert len(out) == len(text)
    assert all(a == b or (a in "\r\n" and b == " ") for a, b in zip(text, out, strict=True))


@pytest.mark.parametrize(
    "path",
    [
        seed_path("000"),
        seed_path("004"),  # a page of nine articles
        FIXTURES / "unseen" / "dev" / "articles" / "01.txt",
        FIXTURES / "unseen" / "test" / "articles" / "08.txt",
    ],
    ids=lambda p: p.name,
)
def test_a_hard_wrapped_article_gives_the_events_of_the_article_as_written(path):
    # wrapped at 72 columns, these gave none of their events (476 in all seed and unseen
    # files, 2 the same) before the line breaks of a wrap were read as spaces
    text = path.read_text(encoding="utf-8")
    as_written = _events(text)
    assert as_written
    assert _events(wrapped(text, 72)) == as_written


@pytest.mark.parametrize("space", ["\u00a0", "\t"])
@pytest.mark.parametrize(
    "path",
    [seed_path("000"), FIXTURES / "unseen" / "dev2" / "articles" / "03.txt"],
    ids=lambda p: p.name,
)
def test_other_spaces_between_words_give_the_same_events(path, space):
    # the patterns are written with plain spaces ("backed by the Peshmerga" gives an ally's
    # role): with either between every word, 161 of the 476 candidates of the seed and unseen
    # files changed
    text = path.read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n") if text.startswith("Title:") else ("", "", text)
    respaced = (header + "\n\n" if header else "") + body.replace(" ", space)
    as_written = _events(text)
    assert as_written
    assert _events(respaced) == as_written


def test_a_wrapped_articles_quotes_are_its_own_words_with_their_line_breaks():
    text = wrapped(seed_path("000").read_text(encoding="utf-8"), 60)
    articles, candidates = extract_from_text(text)
    assert candidates
    assert any("\n" in c.evidence.quote for c in candidates)
    for c in candidates:
        assert c.article.body[c.evidence.start : c.evidence.end] == c.evidence.quote
        assert "\n" not in c.headline
    assert all(a.body in text for a in articles)  # the bodies as written, breaks and all


def test_a_wrapped_page_splits_into_the_same_articles():
    text = seed_path("004").read_text(encoding="utf-8")
    titles = [a.title for a in split_articles(text)]
    assert len(titles) == 9
    assert [a.title for a in split_articles(wrapped(text, 60))] == titles


@pytest.mark.parametrize(
    "doc",
    [
        "AC/BBC_ENG_20190324.0002.tml",
        "AE/AFP_ENG_20160227.0019.tml",
        "AE/NYT_ENG_20070620.0047.tml",
    ],
)
def test_a_wrapped_document_is_tagged_as_the_document_as_written(doc):
    # a quotation running on to the next line, a sentence's verb on the line before its
    # "Tuesday": read line by line, 200 of 19,385 values moved on the developed documents
    gold = read_gold(FIXTURES / "timex_blind" / doc)
    dct = date.fromisoformat(gold.dct[:10])
    as_written = [(t.start, t.end, t.value) for t in tag(gold.text, dct)]
    assert [(t.start, t.end, t.value) for t in tag(wrapped(gold.text, 72), dct)] == as_written
