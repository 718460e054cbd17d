"""evaluate_extraction: figures on a small database whose answer is known."""

from __future__ import annotations

import itertools
import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.types import (
    ArticleText,
    CandidateEvent,
    DateRange,
    Evidence,
    PlaceInfo,
)
from timeline.models import Place
from timeline.selectors_extraction import (
    ExtractedItem,
    VerifiedItem,
    _best_matching,
    _max_matching,
    _pair_preference,
    extraction_evaluate,
    items_match,
)

from .conftest import make_article, make_event, make_place

BODY_A = "Report A\n\nFighters attacked Baiji on Sept. 1. Haditha was shelled in March. Noise."
BODY_B = "Report B\n\nMore on Baiji in early September."


def cand(body, words, start, end, precision, place, event_type="battles"):
    i = body.index(words)
    art = ArticleText(title="x", body=body)
    return CandidateEvent(
        article=art,
        evidence=Evidence(i, i + len(words), words),
        headline=words,
        event_type=event_type,
        date=DateRange(start, end, precision, words) if start else None,
        place=PlaceInfo(place) if place else None,
    )


@pytest.fixture
def known_db(monkeypatch):
    """Article A cites two verified events; the extractor finds one, misses one, adds one."""
    a = make_article(BODY_A, title="Report A", published=date(2015, 9, 3))
    make_article(BODY_B, title="Report B", published=date(2015, 9, 10))
    baiji, haditha = make_place("Baiji", ["Bayji"]), make_place("Haditha")
    make_event(
        article=a, quote="Fighters attacked Baiji on Sept. 1.", start=date(2015, 9, 1), place=baiji
    )
    make_event(
        article=a,
        quote="Haditha was shelled in March.",
        start=date(2015, 3, 1),
        end=date(2015, 3, 31),
        precision="month",
        place=haditha,
        event_type="explosions_remote_violence",
    )
    # Not verified: must not count on either side.
    make_event(article=a, quote="Noise.", start=date(2015, 9, 2), place=baiji, status="rejected")
    make_event(article=a, quote="Noise.", start=date(2015, 9, 2), place=baiji, status="candidate")

    def fake_extract(article):
        if article.title == "Report A":
            return [
                # matches the Baiji event: overlapping week, place by alias, other type
                cand(
                    BODY_A,
                    "Fighters attacked Baiji on Sept. 1.",
                    date(2015, 8, 31),
                    date(2015, 9, 6),
                    "week",
                    "Bayji",
                    "violence_against_civilians",
                ),
                # spurious: right article and date, wrong place
                cand(BODY_A, "Noise.", date(2015, 9, 1), date(2015, 9, 1), "day", "Mosul"),
            ]
        return []

    monkeypatch.setattr("timeline.selectors_extraction._extract_article", fake_extract)


@pytest.mark.django_db
def test_one_matched_one_missed_one_spurious(known_db):
    ev = extraction_evaluate()
    assert (ev.articles, ev.extracted, ev.verified, ev.true_positives) == (2, 2, 2, 1)
    assert (ev.precision, ev.recall, ev.f1) == (0.5, 0.5, 0.5)
    assert ev.date_exact == 0 and ev.type_agree == 0
    assert ev.verified_events == 2 and ev.verified_events_found == 1
    assert [m["place"] for m in ev.misses] == ["Haditha"]
    assert [f["place"] for f in ev.false_positives] == ["Mosul"]
    assert ev.by_type["battles"] == {"verified": 1, "found": 1, "typed_right": 0}


@pytest.mark.django_db
def test_command_prints_figures_and_json(known_db):
    out = StringIO()
    call_command("evaluate_extraction", stdout=out)
    text = out.getvalue()
    assert "precision        0.500  (1 / 2 extracted)" in text
    assert "recall           0.500  (1 / 2 verified)" in text
    assert "F1               0.500" in text
    assert "Misses" not in text

    out = StringIO()
    call_command("evaluate_extraction", "--json", "--details", stdout=out)
    data = json.loads(out.getvalue())
    assert data["precision"] == data["recall"] == data["f1"] == 0.5
    assert (data["true_positives"], data["extracted"], data["verified"]) == (1, 2, 2)
    assert data["date_overlap_only"] == 1 and data["type_differs"] == 1
    assert len(data["misses"]) == 1 and len(data["false_positives"]) == 1
    assert [(t["verified_type"], t["extracted_type"]) for t in data["typed_differently"]] == [
        ("battles", "violence_against_civilians")
    ]

    out = StringIO()
    call_command("evaluate_extraction", "--details", stdout=out)
    assert "Misses (1)" in out.getvalue() and "Mosul" in out.getvalue()
    # the match typed otherwise, with the words it was typed from
    assert "Typed differently (1): matched, with another type\n  event " in out.getvalue()
    assert "verified [battles], extracted [violence_against_civilians]" in out.getvalue()

    out = StringIO()
    call_command("evaluate_extraction", "--json", stdout=out)
    assert "typed_differently" not in json.loads(out.getvalue())


@pytest.mark.django_db
def test_empty_database_gives_no_figures_not_an_error():
    out = StringIO()
    call_command("evaluate_extraction", stdout=out)
    assert "precision        n/a  (0 / 0 extracted)" in out.getvalue()


def v(**kw) -> VerifiedItem:
    base = dict(
        event_id=1,
        article_id=1,
        headline="h",
        date_start=date(2015, 9, 1),
        date_end=date(2015, 9, 1),
        date_precision="day",
        event_type="battles",
        place="Baiji",
        place_names=frozenset({"baiji", "bayji"}),
    )
    return VerifiedItem(**{**base, **kw})


def e(**kw) -> ExtractedItem:
    base = dict(
        article_id=1,
        date_start=date(2015, 9, 1),
        date_end=date(2015, 9, 1),
        date_precision="day",
        event_type="battles",
        place="Baiji",
        excerpt="x",
    )
    return ExtractedItem(**{**base, **kw})


@pytest.mark.parametrize(
    ("extracted", "verified", "expected"),
    [
        (e(), v(), True),
        (e(article_id=2), v(), False),  # another article
        (e(place="BAYJI"), v(), True),  # alias, any case
        (e(place="Mosul"), v(), False),
        (e(place=None), v(), False),
        (e(place=None), v(place=None, place_names=frozenset()), True),  # both without place
        (e(date_start=date(2015, 8, 1), date_end=date(2015, 8, 31)), v(), False),
        (e(date_start=date(2015, 9, 1), date_end=date(2015, 9, 30)), v(), True),  # overlap
        (e(date_start=None, date_end=None), v(), False),
        (e(date_start=None, date_end=None), v(date_start=None, date_end=None), True),
    ],
)
def test_match_rule(extracted, verified, expected):
    assert items_match(extracted, verified) is expected


@pytest.mark.django_db
def test_matching_is_one_to_one_and_maximal(monkeypatch):
    """Candidate 1 fits both events, candidate 2 only the first: both must be matched."""
    body = "Report\n\nOne. Two."
    a = make_article(body, published=date(2015, 9, 30))
    place = make_place("Baiji")
    make_event(article=a, quote="One.", start=date(2015, 9, 1), place=place)
    make_event(article=a, quote="Two.", start=date(2015, 9, 20), place=place)
    wide = cand(body, "One.", date(2015, 9, 1), date(2015, 9, 30), "month", "Baiji")
    narrow = cand(body, "Two.", date(2015, 9, 1), date(2015, 9, 1), "day", "Baiji")
    ev = extraction_evaluate(extract=lambda article: [wide, narrow])
    assert ev.true_positives == 2 and ev.date_exact == 1
    assert ev.precision == ev.recall == 1.0


@pytest.mark.django_db
def test_a_curated_place_inside_a_town_counts_as_a_nested_match_for_the_town():
    # A curator placed the event at the square (which lies in Baiji); the extractor says
    # Baiji: no match by the measure, one with nested places.
    body = "Report\n\nOne."
    a = make_article(body, published=date(2015, 9, 30))
    baiji = make_place("Baiji")
    square = Place.objects.create(name="Mazroub Square (Baiji)", slug="mazroub", within=baiji)
    make_event(article=a, quote="One.", start=date(2015, 9, 1), place=square)
    found = cand(body, "One.", date(2015, 9, 1), date(2015, 9, 1), "day", "Baiji")
    ev = extraction_evaluate(extract=lambda article: [found])
    assert (ev.true_positives, ev.true_positives_nested_place) == (0, 1)


# --- which pairs are matched ------------------------------------------------------------


def _item(n: int, excerpt: str, event_type: str = "battles") -> ExtractedItem:
    return ExtractedItem(
        article_id=1,
        date_start=date(2015, 9, 1),
        date_end=date(2015, 9, 1),
        date_precision="day",
        event_type=event_type,
        place="Amerli",
        excerpt=excerpt,
    )


def test_two_candidates_of_one_day_and_town_are_paired_with_their_own_words():
    # both match both; paired crosswise, the two right types would count as wrong
    toured = "The commander toured Amerli on Sunday."
    entered = "Fighters entered Amerli on Sunday."
    extracted = [_item(0, entered, "battles"), _item(1, toured, "strategic_developments")]
    expected = [
        v(event_id=1, headline=toured, place="Amerli", place_names=frozenset({"amerli"}),
          event_type="strategic_developments", quotes=(toured,)),
        v(event_id=2, headline=entered, place="Amerli", place_names=frozenset({"amerli"}),
          event_type="battles", quotes=(entered,)),
    ]  # fmt: skip
    pairs = _best_matching(extracted, expected, items_match, _pair_preference)
    assert pairs == {0: 1, 1: 0}


@settings(max_examples=300, deadline=None)
@given(
    edges=st.lists(st.lists(st.booleans(), min_size=4, max_size=4), min_size=1, max_size=4),
    weights=st.lists(st.integers(0, 7), min_size=16, max_size=16),
)
def test_best_matching_is_maximum_and_then_most_preferred(edges, weights):
    """Against every matching of a small graph: as many pairs as the most, and of those the
    largest total preference."""
    n, m = len(edges), 4
    left = [_item(i, str(i)) for i in range(n)]
    right = [v(event_id=j) for j in range(m)]

    def match(e, r):
        return edges[int(e.excerpt)][r.event_id]

    def preference(e, r):
        return weights[int(e.excerpt) * 4 + r.event_id]

    pairs = _best_matching(left, right, match, preference)
    assert all(match(left[i], right[j]) for i, j in pairs.items())
    assert len(set(pairs.values())) == len(pairs)
    best = (0, 0)
    for cols in itertools.product([None, *range(m)], repeat=n):
        chosen = [(i, j) for i, j in enumerate(cols) if j is not None]
        if len({j for _, j in chosen}) != len(chosen):
            continue
        if not all(edges[i][j] for i, j in chosen):
            continue
        best = max(best, (len(chosen), sum(weights[i * 4 + j] for i, j in chosen)))
    got = (len(pairs), sum(weights[i * 4 + j] for i, j in pairs.items()))
    assert got == best
    assert len(pairs) == len(_max_matching(left, right, match))
