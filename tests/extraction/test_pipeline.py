"""The pipeline end to end: candidates with evidence, dates, places, actors; merging."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.extraction.conftest import seed_path
from timeline.extraction.pipeline import (
    candidate_to_dict,
    extract_candidates,
    extract_file,
    extract_from_text,
    merge_candidates,
)
from timeline.extraction.types import ArticleText

DICT_KEYS = {
    "date_start", "date_end", "date_precision", "date_basis", "place", "country", "latitude",
    "longitude", "actors", "event_type", "fatalities", "excerpt", "article",
}  # fmt: skip


def _find(candidates, words):
    found = [c for c in candidates if words in c.evidence.quote]
    assert found, words
    return found[0]


def test_every_seed_quote_equals_its_body_slice(seed_results):
    total = 0
    for articles, candidates in seed_results.values():
        bodies = {id(a) for a in articles}
        for c in candidates:
            assert id(c.article) in bodies
            assert c.article.body[c.evidence.start : c.evidence.end] == c.evidence.quote
            total += 1
    assert total > 20


def test_every_seed_candidate_serialises(seed_results):
    from timeline.models import EventType

    for _, candidates in seed_results.values():
        for c in candidates:
            d = candidate_to_dict(c)
            assert set(d) == DICT_KEYS
            assert set(d["article"]) == {"title", "publisher", "published"}
            assert d["event_type"] in EventType.values
            json.dumps(d)
            if d["date_start"]:
                assert d["date_start"] <= d["date_end"]


def test_000_haditha_attack(seed_results):
    _, candidates = seed_results["000"]
    c = _find(candidates, "killed 12 Iraqi soldiers")
    assert c.date.earliest == c.date.latest == date(2015, 9, 1)
    assert c.date.precision == "day"
    assert c.date_basis == "stated in sentence"
    assert c.event_type == "explosions_remote_violence"
    assert c.fatalities == 12
    assert c.place.name == "Haditha" and c.place_precision == "near"
    roles = dict(c.actors)
    assert roles["Islamic State"] == "actor1"
    assert roles["Iraqi Security Forces"] == "actor2"


def test_000_next_day_follows_the_narrative(seed_results):
    _, candidates = seed_results["000"]
    c = _find(candidates, "regained territory in the contested city of Baiji")
    assert c.date.earliest == date(2015, 9, 2)
    assert c.place.name == "Baiji"
    assert c.event_type == "battles"


def test_000_qadam_is_more_specific_than_damascus(seed_results):
    _, candidates = seed_results["000"]
    c = _find(candidates, "overran sections of the Qadam district")
    assert c.place.name == "Qadam"
    assert c.date.earliest == date(2015, 8, 31)


def test_004_riot_and_mass_killing(seed_results):
    _, candidates = seed_results["004"]
    riot = _find(candidates, "stormed Baghdad’s Green Zone")
    assert riot.event_type == "riots" and riot.place.name == "Green Zone"
    assert riot.date.earliest == date(2016, 4, 30)  # "on Saturday" before 2016-05-05
    killing = _find(candidates, "shot dead at least 232 people")
    assert killing.event_type == "violence_against_civilians"
    assert killing.fatalities == 232


def test_extract_file_accepts_a_path_and_text():
    path = seed_path("002")
    from_path = extract_file(path)
    from_text = extract_file(path.read_text(encoding="utf-8"), filename=path.name)
    assert from_path == from_text
    assert from_path[0].origin_file == path.name


# --- unseen, synthetic articles ------------------------------------------------------
UNSEEN = """Title: Clashes near Kirkuk
Publisher: Example Wire
Published: 2017-10-20

Iraqi forces seize oil fields as Kurds pull back

Iraqi forces clashed with Peshmerga fighters outside Kirkuk on Friday, killing three Kurdish fighters, officials said.
The next day, hundreds of residents protested in Erbil against the government in Baghdad.
A roadside bomb exploded near a convoy south of Tikrit on Wednesday, and two policemen were killed.
Analysts say the crisis could deepen.
"""  # noqa: E501


def test_unseen_article_is_typed_dated_and_placed():
    articles, candidates = extract_from_text(UNSEEN, origin_file="unseen.txt")
    (art,) = articles
    assert art.title == "Clashes near Kirkuk" and art.published == date(2017, 10, 20)
    by_type = {c.event_type: c for c in candidates}
    battle = by_type["battles"]
    assert battle.date.earliest == date(2017, 10, 20)
    assert battle.place.name == "Kirkuk" and battle.place_precision == "near"
    assert battle.fatalities == 3
    assert dict(battle.actors)["Iraqi Security Forces"] == "actor1"
    assert dict(battle.actors)["Peshmerga"] == "actor2"
    protest = by_type["protests"]
    assert protest.date.earliest == date(2017, 10, 21)
    assert protest.place.name == "Erbil"
    bomb = by_type["explosions_remote_violence"]
    assert bomb.place.name == "Tikrit" and bomb.fatalities == 2
    assert bomb.date.earliest == date(2017, 10, 18)
    assert not any("could deepen" in c.evidence.quote for c in candidates)
    for c in candidates:
        assert art.body[c.evidence.start : c.evidence.end] == c.evidence.quote


def test_unseen_page_of_two_articles():
    page = (
        "Militants attack Syrian army post\n\nMarch 3, 2014\n\n"
        "Militants attack Syrian army post, Example Daily, Jane Roe, March 3, 2014\n\n"
        "Nusra Front fighters attacked a Syrian army post near Idlib on Sunday.\n\n"
        "Share this\n\n"
        "Airstrike hits market in Raqqa\n\nMarch 5, 2014\n\n"
        "Airstrike hits market in Raqqa, Other News, March 5, 2014\n\n"
        "An airstrike hit a market in Raqqa on Tuesday, killing 14 civilians.\n"
    )
    articles, candidates = extract_from_text(page)
    assert [(a.title, a.publisher, a.author, a.published) for a in articles] == [
        ("Militants attack Syrian army post", "Example Daily", "Jane Roe", date(2014, 3, 3)),
        ("Airstrike hits market in Raqqa", "Other News", "", date(2014, 3, 5)),
    ]
    assert "Share this" not in articles[0].body
    first, second = candidates
    assert first.event_type == "battles" and first.date.earliest == date(2014, 3, 2)
    assert dict(first.actors)["Nusra Front"] == "actor1"
    assert dict(first.actors)["Syrian Arab Army"] == "actor2"
    assert second.event_type == "explosions_remote_violence"
    assert second.fatalities == 14 and second.date.earliest == date(2014, 3, 4)


def _article(body: str, published: date) -> ArticleText:
    return ArticleText(title="t", body=body, published=published, published_basis="stated")


def test_merge_groups_one_happening_from_two_articles():
    a = _article("ISIS fighters attacked Iraqi soldiers in Baiji on Tuesday.", date(2015, 9, 3))
    b = _article("On Tuesday, Islamic State militants attacked Baiji.", date(2015, 9, 4))
    c = _article("Protesters rallied in Basra on Tuesday.", date(2015, 9, 3))
    cands = [x for art in (a, b, c) for x in extract_candidates(art)]
    assert len(cands) == 3
    groups = merge_candidates(cands)
    assert sorted(len(g) for g in groups) == [1, 2]
    pair = next(g for g in groups if len(g) == 2)
    assert {g.article.body for g in pair} == {a.body, b.body}


def test_merge_keeps_different_places_apart():
    a = _article("ISIS fighters attacked Iraqi soldiers in Baiji on Tuesday.", date(2015, 9, 3))
    b = _article("ISIS fighters attacked Iraqi soldiers in Ramadi on Tuesday.", date(2015, 9, 3))
    cands = extract_candidates(a) + extract_candidates(b)
    assert len(merge_candidates(cands)) == 2


@pytest.mark.parametrize("text", ["", "   \n\n", "Share this\nPrint\n"])
def test_no_article_text_gives_nothing(text):
    assert extract_from_text(text) == ([], [])


def test_place_named_in_the_sentence_before_is_used_and_quoted():
    body = (
        "Hit, a town on the Euphrates, fell to the militants last year. "
        "On Monday the army launched an offensive to retake it.\n"
    )
    fell, offensive = extract_candidates(_article(body, date(2016, 4, 13)))
    assert fell.date.precision == "year" and fell.date.earliest == date(2015, 1, 1)
    c = offensive
    assert c.place.name == "Hit"
    assert c.evidence.quote.startswith("Hit, a town")
    assert body[c.evidence.start : c.evidence.end] == c.evidence.quote
    assert c.date.earliest == date(2016, 4, 11)


def test_commentary_without_date_or_place_is_not_a_candidate():
    body = "The offensive was a failure of planning, analysts said of the militias.\n"
    assert extract_candidates(_article(body, date(2016, 4, 13))) == []


def test_dict_lists_principal_actors_first():
    body = "According to the Pentagon, Hezbollah fighters attacked the SDF near Raqqa on Monday.\n"
    (c,) = extract_candidates(_article(body, date(2017, 6, 7)))
    d = candidate_to_dict(c)
    assert d["actors"] == ["Hezbollah", "Syrian Democratic Forces", "US Department of Defense"]
    assert d["place"] == "Raqqa" and d["country"] == "Syria"
    assert (d["date_start"], d["date_end"], d["date_precision"]) == (
        "2017-06-05",
        "2017-06-05",
        "day",
    )
    assert d["excerpt"] == body.strip()


CLAIMED = (
    "Title: Bomb near Tikrit\nPublisher: Example Wire\nPublished: 2018-01-10\n\n"
    "BAGHDAD — Three rockets struck an air base in Anbar province on Tuesday night, officials"
    " said.\n\n"
    "A day earlier, a roadside bomb killed four Iraqi soldiers near Tikrit, according to police."
    " The Islamic State claimed responsibility for the attack in a statement.\n"
)


def test_a_dateline_yields_to_the_place_the_text_names():
    _, candidates = extract_from_text(CLAIMED, origin_file="claimed.txt")
    rockets = next(c for c in candidates if "rockets" in c.evidence.quote)
    assert rockets.place.name == "Anbar"
    assert rockets.event_type == "explosions_remote_violence"
    assert rockets.date.earliest == date(2018, 1, 9)


def test_a_claim_of_responsibility_names_the_perpetrator_of_the_event_before():
    _, candidates = extract_from_text(CLAIMED, origin_file="claimed.txt")
    near_tikrit = [c for c in candidates if c.place is not None and c.place.name == "Tikrit"]
    (bomb,) = near_tikrit  # one happening, not a second "attack"
    assert bomb.event_type == "explosions_remote_violence"
    assert bomb.date.earliest == date(2018, 1, 8)
    assert bomb.fatalities == 4
    assert dict(bomb.actors)["Islamic State"] == "actor1"
    assert "claimed responsibility" in bomb.evidence.quote


STRIKES = (
    "Title: Strikes in Syria\nPublisher: Example Times\nPublished: 2018-05-11\n\n"
    "DAMASCUS, Syria (AP) — Israeli warplanes struck dozens of Iranian military sites in Syria"
    " early Thursday, hours after Iranian forces fired 20 rockets at army positions in the Golan"
    " Heights, the military said.\n\n"
    "The monitoring group said at least 23 fighters were killed in the strikes, including five"
    " soldiers.\n"
)


def test_a_clause_dating_the_event_by_another_happening_does_not_give_its_place():
    _, candidates = extract_from_text(STRIKES, origin_file="strikes.txt")
    strikes = candidates[0]
    assert strikes.place.name == "Syria"  # not the Golan Heights of the rockets fired before
    assert strikes.date.earliest == date(2018, 5, 10)


def test_a_sentence_pointing_back_to_the_strikes_details_them():
    _, candidates = extract_from_text(STRIKES, origin_file="strikes.txt")
    (strikes,) = candidates  # "killed in the strikes" is no second event
    assert strikes.event_type == "explosions_remote_violence"
    assert strikes.fatalities == 23
    assert "killed in the strikes" in strikes.evidence.quote


def test_a_country_named_as_the_scene_is_not_an_actor():
    text = (
        "Title: Protests\nPublisher: Example\nPublished: 2018-01-21\n\n"
        "In Iran, protests that began in Mashhad on Dec. 28 spread to dozens of cities.\n"
    )
    _, (protest,) = extract_from_text(text, origin_file="protests.txt")
    assert protest.event_type == "protests" and protest.place.name == "Mashhad"
    assert protest.date.earliest == date(2017, 12, 28)
    assert "Government of Iran" not in dict(protest.actors)


def test_a_dateline_never_places_the_event():
    text = (
        "Title: Qusayr\nPublisher: Example\nPublished: 2013-06-06\n\n"
        "BEIRUT (Reuters) - Syrian government troops and Hezbollah guerrillas captured a border"
        " town on Wednesday after a 17-day offensive.\n"
    )
    _, (capture,) = extract_from_text(text, origin_file="qusayr.txt")
    assert capture.place is None  # filed from Beirut; the town is not in the gazetteer
    assert capture.date.earliest == date(2013, 6, 5)


def test_in_recent_weeks_dates_the_event_up_to_the_report_but_moves_no_narrative():
    text = (
        "Title: Mosul\nPublisher: Example\nPublished: 2017-06-19\n\n"
        "ISIS also attacked Tal Afar and Sinjar in recent weeks, according to local officials."
        " Militants attacked western districts of Mosul.\n"
    )
    _, candidates = extract_from_text(text, origin_file="recent.txt")
    by_place = {c.place.name: c for c in candidates}
    tal_afar = by_place["Tal Afar"]
    assert (tal_afar.date.earliest, tal_afar.date.latest) == (date(2017, 5, 22), date(2017, 6, 19))
    assert tal_afar.date_basis == "looking back from the report"
    # the next sentence is not dated by "in recent weeks"
    assert by_place["Mosul"].date_basis != "narrative of paragraph"


def test_a_capital_acting_as_its_government_is_not_the_scene():
    text = (
        "Title: Moscow\nPublisher: Example\nPublished: 2018-05-11\n\n"
        "Moscow sent warplanes to Latakia on Monday.\n"
    )
    _, (deployment,) = extract_from_text(text, origin_file="moscow.txt")
    assert deployment.place.name == "Latakia"


def test_people_killed_by_name_are_counted_but_not_those_of_another_happening():
    text = (
        "Title: Strike\nPublisher: Example\nPublished: 2020-01-08\n\n"
        "A drone strike near Baghdad early Friday killed Gen. Qassem Soleimani and Abu Mahdi"
        " al-Muhandis, Iraqi officials said.\n\n"
        "Iran fired missiles at a base in Anbar on Wednesday, in retaliation for the killing of"
        " Qassem Soleimani.\n"
    )
    _, (strike, missiles) = extract_from_text(text, origin_file="strike.txt")
    assert strike.fatalities == 2
    assert missiles.fatalities is None


def test_a_dateline_of_two_cities_places_nothing():
    text = (
        "Title: Strike\nPublisher: Example\nPublished: 2017-04-07\n\n"
        "WASHINGTON/BEIRUT (Reuters) - U.S. warships fired 59 missiles at a Syrian air base "
        "early on Friday.\n"
    )
    _, candidates = extract_from_text(text, origin_file="strike.txt")
    assert candidates and all(c.place is None for c in candidates)


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31)])
def test_a_publication_date_at_the_calendars_edge_still_extracts(published):
    # (a header may say anything: the week before a publication on 3 January of year 1 stops
    # at the calendar's start; the late part of 9999 is the whole year)
    body = (
        "Militants killed 12 people in a bombing in Mosul on Monday, police said. In late "
        "9999 the offensive went on, and fighters seized Tikrit."
    )
    found = extract_candidates(ArticleText(title="Bombing", body=body, published=published))
    assert any(c.place is not None and c.place.name == "Mosul" for c in found)
