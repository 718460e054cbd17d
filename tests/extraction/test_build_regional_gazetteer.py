"""The generator of places_regional.json, on a small made-up city table (no word lists or
GeoNames needed: ``build`` takes them as arguments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripts import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_regional_gazetteer.py"
brg = load_script("scripts/build_regional_gazetteer.py")

LEXICON = brg.Lexicon(
    common=frozenset({"hit", "salt", "man", "old", "city", "philadelphia", "kong"}),
    phrase=frozenset({"old", "city"}),
    names=frozenset({"hasan", "ana", "mina"}),
    elements=frozenset({"kafr"}),
)


def city(gid, name, alt=(), pop=1000, cc="SY", lat=35.0, lon=38.0, admin1="01"):
    return {
        "geonameid": gid, "name": name, "alternatenames": list(alt), "population": pop,
        "countrycode": cc, "latitude": lat, "longitude": lon, "admin1code": admin1,
    }  # fmt: skip


def run(cities, curated=(), actors=frozenset()):
    table = {str(c["geonameid"]): c for c in cities}
    places, stats = brg.build(table, list(curated), LEXICON, set(actors), "test")
    return {p["name"]: p for p in places}, stats


def test_names_are_latin_capitalised_spellings_and_feminine_endings_get_their_a_form():
    out, _ = run([city(1, "‘Afrīn", ["Afrin", "عفرين", "afryn", "MPQ", "Afrine"])])
    assert out["Afrin"]["aliases"] == ["Afrine"]  # no Arabic script, lowercase, code
    out, _ = run([city(2, "Al Ḩawījah", ["Al Hawijah"])])
    assert "Al Hawija" in out["Al Hawijah"]["aliases"]


def test_curated_geonameid_name_and_nearby_manual_town_win():
    curated = [
        {"name": "Mosul", "aliases": ["Mosel"], "kind": "city", "geonameid": 10,
         "latitude": 36.3, "longitude": 43.1},
        {"name": "Al-Houd", "aliases": [], "kind": "town", "latitude": 36.03,
         "longitude": 43.27},
    ]  # fmt: skip
    out, stats = run(
        [
            city(10, "Al Mawşil", ["Mosul"], lat=36.3, lon=43.1),
            city(11, "Mosel", lat=30.0, lon=40.0),  # a namesake village: the name is curated
            city(12, "Al Ḩūd", ["Hud"], lat=36.031, lon=43.271),  # the same town, other spelling
            city(13, "Qayyarah Village", ["Mosul"], lat=31.0, lon=41.0),
        ],
        curated,
    )
    assert set(out) == {"Qayyarah Village"}
    assert "Mosul" not in out["Qayyarah Village"]["aliases"]
    assert stats["same geonameid as a curated place"] == 1
    assert stats["within 3 km of a curated town"] == 1


def test_shared_name_goes_to_a_much_larger_town_or_to_neighbours_else_to_none():
    out, _ = run(
        [
            city(1, "Big", ["Zarqa"], pop=500_000, lat=32.0, lon=36.0),
            city(2, "Small", ["Zarqa"], pop=20_000, lat=34.0, lon=38.0),
            city(3, "Twin One", ["Halfaya"], pop=10_000, lat=35.0, lon=38.0),
            city(4, "Twin Two", ["Halfaya"], pop=9_000, lat=33.0, lon=36.0),
            city(5, "Old Anah", ["Anah"], pop=19_000, lat=34.47, lon=41.94),
            city(6, "New Anah", ["Anah"], pop=27_000, lat=34.37, lon=41.98),
        ]
    )
    assert "Zarqa" in out["Big"]["aliases"] and "Zarqa" not in out["Small"]["aliases"]
    assert "Halfaya" not in out["Twin One"]["aliases"] + out["Twin Two"]["aliases"]
    assert "Anah" in out["New Anah"]["aliases"] and "Anah" not in out["Old Anah"]["aliases"]


def test_actor_and_outlet_names_and_english_alternates_are_dropped():
    actors = {("maghawir", "thawra"), ("badr", "organization")}
    out, _ = run(
        [
            city(1, "Al-Tabqa", ["Al-Thawra", "Philadelphia"]),
            city(2, "Badr", ["Badr City"], lat=20.0),
            city(3, "Jazira", ["Al Jazeera"], lat=25.0),
            city(4, "Bandar-e Kong", ["Kong"], lat=26.0),
        ],
        actors=actors,
    )
    assert out["Al-Tabqa"]["aliases"] == []
    assert out["Badr"].get("match_name") is False  # shown by its name, matched by others
    assert out["Jazira"]["aliases"] == []
    assert "Kong" in out["Bandar-e Kong"]["cue_only"]  # shares a word with the town's name


@pytest.mark.parametrize(
    ("name", "cue_only"),
    [
        ("Hit", True),  # three letters
        ("Salt", True),  # common English word
        ("Ma'an", True),  # its key "man"
        ("Mina", True),  # given name
        ("Kafr", True),  # begins many place names
        ("Old City", True),  # an English phrase
        ("Hasan Ana", True),  # a person's name
        ("Abu Hasan", True),  # kinship word + given name
        ("Afrin", False),
        ("Tall Abyad", False),
        ("Ras al Ain", False),  # not an English phrase, however common "ras" and "ain" are
    ],
)
def test_risky_names_are_cue_only(name, cue_only):
    assert LEXICON.cue_only(brg.keys_of(name)) is cue_only


def test_selection_policy_by_country_population_and_border_province():
    assert brg.selected(city(1, "A", pop=0, cc="SY"))  # a seat of unknown size in Syria
    assert not brg.selected(city(1, "A", pop=14_000, cc="TR", admin1="34"))
    assert brg.selected(city(1, "A", pop=1_500, cc="TR", admin1="63"))  # Sanliurfa province
    assert brg.selected(city(1, "A", pop=16_000, cc="IR", admin1="23"))
    assert not brg.selected(city(1, "A", pop=100_000, cc="EG"))  # outside the region
