"""evaluate_extraction --answers: scoring against an answer key on disk, without a database."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.extraction.types import ArticleText, CandidateEvent, DateRange, Evidence, PlaceInfo
from timeline.selectors_extraction import (
    AnswerKeyError,
    answer_key_agreement,
    answer_key_evaluate,
    answer_key_load,
)

ARTICLE = (
    "Title: Fighting near Baiji\n"
    "Publisher: Test Wire\n"
    "Published: 2015-09-04\n"
    "\n"
    "Militants attacked Baiji on Tuesday. Rockets hit Deir al-Zour on Wednesday.\n"
)
QUOTE_1 = "Militants attacked Baiji on Tuesday."
QUOTE_2 = "Rockets hit Deir al-Zour on Wednesday."


def answer(quote, day, place, event_type="battles"):
    return {
        "quote": quote,
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "place": place,
        "event_type": event_type,
        "actors": [],
        "fatalities": None,
    }


def write_key(tmp_path, events, text=ARTICLE):
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "articles" / "01.txt").write_text(text, encoding="utf-8")
    key = {"articles": [{"file": "01.txt", "events": events}]}
    (tmp_path / "answers.json").write_text(json.dumps(key), encoding="utf-8")
    return tmp_path


def fake_extract(*found):
    """An extractor that proposes exactly ``found``: (quote, start, end, place name[, the
    known town the place lies in])."""

    def extract(article: ArticleText) -> list[CandidateEvent]:
        out = []
        for quote, start, end, place, *within in found:
            i = article.body.index(quote)
            out.append(
                CandidateEvent(
                    article=article,
                    evidence=Evidence(i, i + len(quote), quote),
                    headline=quote,
                    event_type="battles",
                    date=DateRange(start, end, "day", quote),
                    place=PlaceInfo(place, "Iraq", within=within[0] if within else "")
                    if place
                    else None,
                    actors=[],
                    fatalities=None,
                )
            )
        return out

    return extract


def test_known_answer_is_scored_by_the_seed_rule(tmp_path):
    key = write_key(
        tmp_path,
        [
            answer(QUOTE_1, "2015-09-01", "Baiji"),
            # the key may name a place by an alias the gazetteer knows, and say where it is
            answer(QUOTE_2, "2015-09-02", "Deir al-Zour (Syria)", "explosions_remote_violence"),
        ],
    )
    ev = answer_key_evaluate(
        key,
        extract=fake_extract(
            (QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Baiji"),  # right
            (QUOTE_2, date(2015, 9, 2), date(2015, 9, 2), "Deir ez-Zor"),  # canonical name: right
            (QUOTE_2, date(2015, 8, 2), date(2015, 8, 2), "Tikrit"),  # wrong
        ),
    )
    assert (ev.articles, ev.extracted, ev.verified, ev.true_positives) == (1, 3, 2, 2)
    assert ev.precision == pytest.approx(2 / 3)
    assert ev.recall == 1.0
    assert ev.type_agree == 1  # the second was typed "battles", the key says remote violence
    assert [f["place"] for f in ev.false_positives] == ["Tikrit"]


def test_a_wrong_date_is_a_miss_and_a_false_positive(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    ev = answer_key_evaluate(
        key, extract=fake_extract((QUOTE_1, date(2015, 9, 8), date(2015, 9, 8), "Baiji"))
    )
    assert (ev.true_positives, len(ev.misses), len(ev.false_positives)) == (0, 1, 1)


def test_passed_over_figures_count_what_a_curator_would_find_there(tmp_path):
    # Only the first sentence is a candidate's. The second (dated, naming Deir al-Zour) is
    # listed for a curator, and holds the event no candidate quotes a word of.
    key = write_key(
        tmp_path,
        [
            answer(QUOTE_1, "2015-09-01", "Baiji"),
            answer(QUOTE_2, "2015-09-02", "Deir al-Zour", "explosions_remote_violence"),
        ],
    )
    ev = answer_key_evaluate(
        key, extract=fake_extract((QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Baiji"))
    )
    assert (ev.passed_over_listed, ev.passed_over_holding_event) == (1, 1)
    assert (ev.unquoted_events, ev.unquoted_events_listed) == (1, 1)
    # with both sentences quoted nothing is listed and no event goes unquoted
    ev = answer_key_evaluate(
        key,
        extract=fake_extract(
            (QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Baiji"),
            (QUOTE_2, date(2015, 9, 2), date(2015, 9, 2), "Deir ez-Zor"),
        ),
    )
    assert (ev.passed_over_listed, ev.unquoted_events) == (0, 0)
    # an event in a sentence with nothing to list it by (no date of its own) is unquoted and
    # not listed: the figure a curator's reading of the list would still miss
    key2 = write_key(
        tmp_path / "undated",
        [answer("Rockets hit Deir al-Zour again.", "2015-09-01", "Deir al-Zour")],
        text=ARTICLE.replace("on Wednesday.", "again."),
    )
    ev = answer_key_evaluate(
        key2, extract=fake_extract((QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Baiji"))
    )
    assert (ev.passed_over_listed, ev.unquoted_events, ev.unquoted_events_listed) == (0, 1, 0)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([answer("Not in the text.", "2015-09-01", "Baiji")], "quote is not in the article"),
        ([answer(QUOTE_1, "2015-13-01", "Baiji")], "not a YYYY-MM-DD date"),
        ([answer(QUOTE_1, "2015-09-01", "Baiji", "skirmish")], "unknown event type"),
        ([{**answer(QUOTE_1, "2015-09-02", "Baiji"), "date_end": "2015-09-01"}], "before"),
        ([{"quote": QUOTE_1}], "missing date_start"),
        (["a string, not an event"], "not an object"),
    ],
)
def test_a_bad_answer_key_is_refused_naming_the_event(tmp_path, events, message):
    key = write_key(tmp_path, events)
    with pytest.raises(AnswerKeyError, match=message):
        answer_key_evaluate(key, extract=fake_extract())


def test_the_command_scores_the_key_and_reports_a_bad_one(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    out = StringIO()
    call_command("evaluate_extraction", "--answers", str(key), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["verified"] == 1 and figures["articles"] == 1
    with pytest.raises(CommandError, match="no such file"):
        call_command("evaluate_extraction", "--answers", str(tmp_path / "nowhere"))


UNSEEN = Path(__file__).resolve().parents[2] / "fixtures" / "unseen"


@pytest.mark.parametrize(
    ("part", "articles"),
    [
        ("dev", 8),
        ("dev2", 10),
        ("dev3", 8),
        ("dev4", 8),
        ("test", 8),
        ("final", 8),
        ("final2", 8),
        ("final3", 8),
        ("final4", 8),
        ("final5", 8),
        ("dev5", 8),
        ("dev6", 8),
        ("final6", 8),
        ("final7", 8),
        ("dev7", 8),
        ("dev8", 8),
        ("final8", 8),
        ("final9", 8),
        ("final10", 8),
        ("final11", 8),
        ("final12", 8),
        ("final13", 8),
    ],
)
def test_the_committed_answer_keys_are_well_formed(part, articles):
    """Every quote is in its article, every date and type is valid (the loader checks)."""
    loaded = answer_key_load(UNSEEN / part)
    assert len(loaded) == articles and all(items for _, items in loaded)


SECOND = UNSEEN.parent / "unseen_second"


@pytest.mark.parametrize(
    ("part", "floor"),
    [
        ("dev7", 0.85),
        ("dev8", 0.85),
        ("final10", 0.85),
        ("final11", 0.85),
        # keys of the earlier prompt, which put a site at its city: 0.70, 0.80, 0.80 and 0.68
        ("test", 0.65),
        ("final", 0.75),
        ("final2", 0.75),
        ("final3", 0.6),
    ],
)
def test_the_committed_second_annotations_cover_their_keys_and_agree(part, floor):
    """A second annotator's key of the same articles (fixtures/unseen/ANNOTATE.md) is well
    formed, covers every article, and agrees with the first far above the extractor: at 0.68
    to 0.94 F1 when written (README), so a key edited into disagreement shows here."""
    ev = answer_key_agreement(UNSEEN / part, SECOND / part)
    assert ev.articles == 8 and ev.f1 >= floor


def test_the_extractor_stays_above_a_floor_on_the_unseen_dev_articles():
    # A regression guard on the part rules were developed against (see README: the test and
    # final parts are measured, never tuned on).
    ev = answer_key_evaluate(UNSEEN / "dev")
    assert ev.precision >= 0.55 and ev.recall >= 0.6


def test_the_extractor_places_events_at_villages_the_gazetteer_does_not_list():
    # dev3 and dev4 were written in the thirty-second session; before unlisted places (see
    # timeline/extraction/unlisted.py) the extractor found 24 and 31 of their events.
    assert answer_key_evaluate(UNSEEN / "dev3").true_positives >= 40
    assert answer_key_evaluate(UNSEEN / "dev4").true_positives >= 34


def test_matches_ignoring_the_place_are_counted_beside_the_measure(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    ev = answer_key_evaluate(
        key, extract=fake_extract((QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Tikrit"))
    )
    assert (ev.true_positives, ev.true_positives_any_place) == (0, 1)


def test_a_key_that_is_not_the_expected_shape_is_refused(tmp_path):
    (tmp_path / "answers.json").write_text('{"articles": [3]}', encoding="utf-8")
    with pytest.raises(AnswerKeyError, match="not an object"):
        answer_key_evaluate(tmp_path, extract=fake_extract())
    (tmp_path / "answers.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(AnswerKeyError, match="expected"):
        answer_key_evaluate(tmp_path, extract=fake_extract())


def test_a_key_place_with_its_town_in_brackets_is_matched_by_its_own_name(tmp_path):
    # "Kharzam crossing (Baiji)": the place is the crossing, the brackets say where it is; an
    # extractor that names the crossing (no gazetteer lists it) has the same place, and one
    # that names only the town does not.
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Kharzam crossing (Baiji)")])
    day = date(2015, 9, 1)
    named = answer_key_evaluate(key, extract=fake_extract((QUOTE_1, day, day, "Kharzam crossing")))
    town = answer_key_evaluate(key, extract=fake_extract((QUOTE_1, day, day, "Baiji")))
    assert (named.true_positives, town.true_positives) == (1, 0)


def test_an_extracted_place_with_its_town_in_brackets_matches_a_key_that_names_it_alone(
    tmp_path,
):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Kharzam crossing")])
    day = date(2015, 9, 1)
    found = ("Kharzam crossing (Baiji)", "Baiji")
    assert (
        answer_key_evaluate(key, extract=fake_extract((QUOTE_1, day, day, *found))).true_positives
        == 1
    )


@pytest.mark.parametrize(
    ("key_place", "found", "nested"),
    [
        ("Baiji", ("Kharzam crossing (Baiji)", "Baiji"), 1),  # a site for its town
        ("Kharzam crossing (Baiji)", ("Baiji",), 1),  # the town for a site in it
        ("Tikrit", ("Kharzam crossing (Baiji)", "Baiji"), 0),  # another town
    ],
)
def test_nested_places_are_counted_beside_the_measure_not_in_it(tmp_path, key_place, found, nested):
    # The keys' writers split on whether an event at a square is at the square or its city;
    # the measure keeps "same place", and says beside it how many differ by that alone.
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", key_place)])
    day = date(2015, 9, 1)
    ev = answer_key_evaluate(key, extract=fake_extract((QUOTE_1, day, day, *found)))
    assert (ev.true_positives, ev.true_positives_nested_place) == (0, nested)


def test_the_extractor_places_events_at_sites_inside_towns():
    # dev5 and dev6 (Beirut's and Ankara's squares, embassies, a university): before sites
    # inside known towns were places of their own the extractor found 45 and 39 of them.
    assert answer_key_evaluate(UNSEEN / "dev5").true_positives >= 47
    assert answer_key_evaluate(UNSEEN / "dev6").true_positives >= 46


@pytest.mark.parametrize(
    ("key_place", "found", "matches"),
    [
        ("Wadi Hmeid", "Wadi Hmeid valley", 1),  # a word for its kind of place, either side
        ("Wadi Hmeid valley", "Wadi Hmeid", 1),
        ("Idlib city", "Idlib", 1),
        ("Qalamoun", "Qalamoun mountains", 1),
        # a province is another place than its capital
        ("Hama", "Hama Province", 0),
        ("Hama Province", "Hama", 0),
    ],
)
def test_a_word_for_the_kind_of_place_does_not_make_it_another(tmp_path, key_place, found, matches):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", key_place)])
    day = date(2015, 9, 1)
    ev = answer_key_evaluate(key, extract=fake_extract((QUOTE_1, day, day, found)))
    assert ev.true_positives == matches


def test_first_actors_and_fatalities_of_the_matches_are_counted(tmp_path):
    one = answer(QUOTE_1, "2015-09-01", "Baiji")
    # "ISIL" is the gazetteer's Islamic State; "Gunmen" no actor it knows
    one.update(actors=[{"name": "ISIL", "role": "actor1"}], fatalities=4)
    two = answer(QUOTE_2, "2015-09-02", "Deir ez-Zor")
    two.update(actors=[{"name": "Gunmen", "role": "actor1"}], fatalities=None)
    key = write_key(tmp_path, [one, two])

    def extract(article):
        out = fake_extract(
            (QUOTE_1, date(2015, 9, 1), date(2015, 9, 1), "Baiji"),
            (QUOTE_2, date(2015, 9, 2), date(2015, 9, 2), "Deir ez-Zor"),
        )(article)
        out[0].actors = [("Islamic State", "actor1")]
        out[0].fatalities = 3
        return out

    ev = answer_key_evaluate(key, extract=extract)
    assert ev.true_positives == 2
    assert (ev.actor1_known, ev.actor1_right, ev.actor1_named) == (1, 1, 1)
    assert (ev.fatalities_given, ev.fatalities_right, ev.fatalities_missing) == (1, 0, 0)


# --- a second annotation of the same articles, scored in the extractor's place ------------


def write_second(tmp_path, events, file="01.txt"):
    second = tmp_path / "second"
    second.mkdir()
    key = {"articles": [{"file": file, "events": events}]}
    (second / "answers.json").write_text(json.dumps(key), encoding="utf-8")
    return second


def test_a_second_annotation_is_scored_against_the_key_by_the_same_rule(tmp_path):
    key = write_key(
        tmp_path,
        [answer(QUOTE_1, "2015-09-01", "Baiji"), answer(QUOTE_2, "2015-09-02", "Deir ez-Zor")],
    )
    # the same two events, one dated a week later: one agreement, one miss, one extra
    second = write_second(
        tmp_path,
        [answer(QUOTE_1, "2015-09-01", "Baiji"), answer(QUOTE_2, "2015-09-09", "Deir ez-Zor")],
    )
    ev = answer_key_agreement(key, second)
    assert (ev.true_positives, ev.extracted, ev.verified) == (1, 2, 2)
    assert (len(ev.misses), len(ev.false_positives)) == (1, 1)


def test_a_second_annotation_spelling_a_place_another_way_agrees(tmp_path):
    # "Bayji" and "Deir al-Zour" are the gazetteer's other names of Baiji and Deir ez-Zor,
    # as a candidate would name them; a place the gazetteer does not know must be the same
    key = write_key(
        tmp_path,
        [answer(QUOTE_1, "2015-09-01", "Baiji"), answer(QUOTE_2, "2015-09-02", "Deir ez-Zor")],
    )
    second = write_second(
        tmp_path,
        [answer(QUOTE_1, "2015-09-01", "Bayji"), answer(QUOTE_2, "2015-09-02", "Deir al-Zour")],
    )
    assert answer_key_agreement(key, second).true_positives == 2


def test_a_second_annotation_at_a_site_in_the_keys_town_is_a_nested_match(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    second = write_second(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji refinery (Baiji)")])
    ev = answer_key_agreement(key, second)
    assert (ev.true_positives, ev.true_positives_nested_place) == (0, 1)


def test_a_second_annotation_must_cover_the_keys_articles(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    second = write_second(tmp_path, [], file="02.txt")
    with pytest.raises(AnswerKeyError, match="02.txt: no such file"):
        answer_key_agreement(key, second)
    (second / "answers.json").write_text('{"articles": []}', encoding="utf-8")
    with pytest.raises(AnswerKeyError, match="no answers for 01.txt"):
        answer_key_agreement(key, second)


def test_the_command_scores_a_second_annotation_and_needs_the_key(tmp_path):
    key = write_key(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    second = write_second(tmp_path, [answer(QUOTE_1, "2015-09-01", "Baiji")])
    out = StringIO()
    call_command("evaluate_extraction", "--answers", str(key), "--against", str(second), stdout=out)
    assert out.getvalue().startswith(f"The annotation in {second} against the answer key")
    assert "F1               1.000" in out.getvalue()
    with pytest.raises(CommandError, match="--against needs --answers"):
        call_command("evaluate_extraction", "--against", str(second))
