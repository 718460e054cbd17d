"""The regional gazetteer: generated towns found in unseen news, risky names only with a cue,
the curated places still winning. Sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from timeline.extraction import gazetteer
from timeline.extraction.gazetteer import DATA_DIR, find_places, place_info
from timeline.extraction.pipeline import extract_candidates
from timeline.extraction.types import ArticleText

REGIONAL = json.loads((DATA_DIR / "places_regional.json").read_text(encoding="utf-8"))
CURATED = json.loads((DATA_DIR / "places.json").read_text(encoding="utf-8"))


def _places(text: str) -> list[tuple[str, str]]:
    return [(h.canonical, h.text) for h in find_places(text)]


# --- towns the curated list lacks ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "country", "lat", "lon"),
    [
        ("Turkish warplanes bombed YPG positions around Afrin on Wednesday.", "Afrin", "Syria",
         36.51, 36.87),
        ("Kurdish fighters retook Tal Abyad from the jihadists.", "Tall Abyad", "Syria",
         36.70, 38.95),
        ("Turkish troops and their allies entered Ras al-Ain at dawn.", "Ras al Ayn", "Syria",
         36.85, 40.07),
        ("Iraqi forces launched the assault on Hawija before sunrise.", "Al Hawijah", "Iraq",
         35.33, 43.77),
        ("Coalition jets struck the dam near Tabqa overnight.", "Al-Tabqa", "Syria",
         35.84, 38.55),
        ("Saudi-led aircraft pounded Hodeidah port for a third day.", "Al Hudaydah", "Yemen",
         14.80, 42.95),
        ("A suicide bomber killed 32 young activists in Suruc.", "Suruc", "Turkey",
         36.98, 38.42),
        ("Mortar rounds landed in Akcakale, across the border.", "Akcakale", "Turkey",
         36.71, 38.95),
        ("Militants ambushed a patrol outside Muqdadiyah.", "Al Miqdadiyah", "Iraq",
         33.98, 44.94),
    ],
)  # fmt: skip
def test_unseen_town_is_found_with_its_country_and_coordinates(text, name, country, lat, lon):
    hits = [h for h in find_places(text) if h.canonical == name]
    assert hits, _places(text)
    info = place_info(name)
    assert info.country == country
    assert info.kind in ("city", "town")
    assert info.latitude == pytest.approx(lat, abs=0.05)
    assert info.longitude == pytest.approx(lon, abs=0.05)


def test_town_is_found_in_an_extracted_event_with_its_precision():
    body = (
        "Border clashes\n\nTurkish warplanes bombed Kurdish YPG positions around Afrin on "
        "Wednesday, killing 12 fighters.\n\nIslamic State fighters shelled an army base in Hit "
        "on Thursday, killing four soldiers.\n"
    )
    art = ArticleText(title="Border clashes", body=body, published=date(2018, 1, 26),
                      published_basis="stated")  # fmt: skip
    places = {(c.place.name, c.place_precision) for c in extract_candidates(art) if c.place}
    assert ("Afrin", "near") in places  # "around Afrin"
    assert ("Hit", "exact") in places


# --- risky names: only written with a capital after a place cue -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three rockets struck a base in Hit.", [("Hit", "Hit")]),
        ("Gunmen attacked a checkpoint near the town of Ana.", [("Anah", "Ana")]),
        ("A car bomb exploded in Al-Salt.", [("As Salt", "Al-Salt")]),
        ("Two died in clashes in Ma'an.", [("Maan", "Ma'an")]),
        ("Hit, a town on the river, fell.", [("Hit", "Hit")]),
        ("Ana, the ancient town of Anbar, was retaken.", [("Anah", "Ana"), ("Anbar", "Anbar")]),
        ("Fighters advanced on Rawa, Ana and Hit.",
         [("Rawah", "Rawa"), ("Anah", "Ana"), ("Hit", "Hit")]),
    ],
)  # fmt: skip
def test_risky_name_after_a_place_cue_is_a_place(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the attack hit the convoy",
        "Hit by mortar fire, the convoy turned back.",
        "Ana said the militia had withdrawn.",
        "Mina Hassan told reporters the road was open.",
        "A letter to Ana arrived.",
        "Ana, a city official, said the road was open.",
        "The man said salt prices had doubled.",
        "Salt prices doubled.",
        "Batman and Robin were on the screen.",
        "He flew to Hong Kong.",
        "A spokesman for Maghawir al-Thawra said so.",
        "They met in Al Jazeera's studio.",
    ],
)
def test_words_and_names_are_not_places(text):
    assert _places(text) == []


def test_a_given_name_a_village_also_goes_by_is_no_place_in_a_full_name():
    # Mollasani (Khuzestan) is also "Ramin"; "Yida" is a slip away from Jeddah's "Jidda"
    text = "Iran executed Zanyar Moradi and Ramin Hossein Panahi in Karaj."
    assert _places(text) == [("Iran", "Iran"), ("Karaj", "Karaj")]
    assert _places("Aircraft bombed the Yida Refugee Camp.") == []
    # alone, or before a place's or an institution's word, it stays a place
    assert _places("Shells fell on Ramin on Monday.") == [("Mollasani", "Ramin")]
    assert _places("Shells fell on Ramin Police Station.") == [("Mollasani", "Ramin")]


def test_generated_names_need_a_capital_and_match_exactly():
    assert _places("Fighting near Afrin.") == [("Afrin", "Afrin")]
    assert _places("fighting near afrin.") == []
    # A one-letter slip is forgiven in a curated name, not in a generated one.
    assert _places("Fallijah fell.") == [("Fallujah", "Fallijah")]
    assert _places("Jarablusx fell.") == []
    assert _places("Jarabulus fell.") == [("Jarabulus", "Jarabulus")]


# --- curated places win ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iraqi forces entered Mosul.", "Mosul"),
        ("Fighting in Qaim.", "Al-Qaim"),
        ("Clashes in Yarmouk camp.", "Yarmouk"),
        ("ISIS attacked Tall Afar.", "Tal Afar"),
        ("Air strikes hit Deir ez-Zor.", "Deir ez-Zor"),
    ],
)
def test_curated_place_wins_over_generated_towns(text, name):
    (hit,) = find_places(text)
    assert hit.canonical == name
    curated = next(p for p in CURATED if p["name"] == name)
    info = place_info(name)
    assert (info.latitude, info.longitude, info.kind) == (
        curated["latitude"],
        curated["longitude"],
        curated["kind"],
    )


def test_no_generated_town_duplicates_a_curated_place():
    curated_ids = {p["geonameid"] for p in CURATED if p.get("geonameid")}
    curated_keys = {
        tuple(t.key for t in gazetteer.tokenize(s) if not t.article)
        for p in CURATED
        for s in [p["name"], *p.get("aliases", [])]
    }
    curated_names = {p["name"] for p in CURATED}
    for p in REGIONAL:
        assert p["geonameid"] not in curated_ids, p["name"]
        assert p["name"] not in curated_names
        names = p["aliases"] + ([p["name"]] if p.get("match_name", True) else [])
        for s in names:
            keys = tuple(t.key for t in gazetteer.tokenize(s) if not t.article)
            assert keys not in curated_keys, (p["name"], s)


def test_generated_data_is_complete_and_unique():
    region = {"Iraq", "Syria", "Iran", "Lebanon", "Jordan", "Yemen", "Turkey", "Israel",
              "Palestine", "Kuwait", "Saudi Arabia", "Bahrain", "Afghanistan"}  # fmt: skip
    names = [p["name"] for p in REGIONAL]
    assert len(names) == len(set(names))
    for p in REGIONAL:
        assert p["generated"] is True
        assert p["kind"] in ("city", "town")
        assert p["country"] in region
        assert -90 <= p["latitude"] <= 90 and -180 <= p["longitude"] <= 180
        assert set(p.get("cue_only", [])) <= {p["name"], *p["aliases"]}
    # The combined gazetteer holds both files, curated entries untouched.
    entries = gazetteer.places().entries
    assert len(entries) == len(CURATED) + len(REGIONAL)
    assert entries["Mosul"] == next(p for p in CURATED if p["name"] == "Mosul")
