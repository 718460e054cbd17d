"""Gazetteer data and matching: aliases, spelling variants, diacritics, prefixes, acronyms."""

from __future__ import annotations

import pytest

from timeline.extraction import gazetteer
from timeline.extraction.gazetteer import find_actors, find_places

ACTOR_KINDS = {
    "state_force", "militia", "jihadist_group", "rebel_group", "person", "government", "party",
    "coalition", "civilians", "organisation", "other",
}  # fmt: skip
PLACE_KINDS = {"country", "region", "city", "town", "district", "site", "other"}


def _actors(text: str) -> list[str]:
    return [h.canonical for h in find_actors(text)]


def _places(text: str) -> list[str]:
    return [h.canonical for h in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Qassem Soleimani arrived.", "Qassem Soleimani"),
        ("Qasem Suleimani arrived.", "Qassem Soleimani"),
        ("Soleimani’s men arrived.", "Qassem Soleimani"),
        ("Hizballah fighters", "Hezbollah"),
        ("Hizbollah said", "Hezbollah"),
        ("Hizbullah said", "Hezbollah"),
        ("the PMF said", "Popular Mobilization Forces"),
        ("the PMU said", "Popular Mobilization Forces"),
        ("the Popular Mobilization Units", "Popular Mobilization Forces"),
        ("Hashd al Shabi", "Popular Mobilization Forces"),
        ("al-Hashd al-Shaabi", "Popular Mobilization Forces"),
        ("ISIL fighters", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("fighting against IS in the city", "Islamic State"),
        ("the Bader Brigades", "Badr Organization"),
        ("Badr", "Badr Organization"),
        ("Kata’ib Hezbollah", "Kataib Hezbollah"),
        ("Kataib Hezbollah", "Kataib Hezbollah"),
        ("the Iraqi Hizballah Brigades", "Kataib Hezbollah"),
        ("Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq"),
        ("the al-Qods Brigades", "Quds Force"),
        ("the IRGC", "Islamic Revolutionary Guard Corps"),
        ("Iraqi security forces", "Iraqi Security Forces"),
        ("the Kurdish Peshmerga", "Peshmerga"),
        ("the Pershmerga", "Peshmerga"),
        ("the KRG", "Kurdistan Regional Government"),
        ("the SDF", "Syrian Democratic Forces"),
        ("Syrian Kurdish YPG", "YPG"),
        ("U.S. forces", "US Armed Forces"),
        ("American forces", "US Armed Forces"),
        ("the U.S.-led coalition", "US-led coalition"),
        ("Assad forces", "Syrian Arab Army"),
        ("the Syrian regime", "Government of Syria"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("airstrikes killed 25 Kataib Hezbollah fighters", "Kataib Hezbollah"),
        # Lebanon's, Syria's opposition's and Iran's insurgents', added in the 33rd session
        ("the Lebanese army said", "Lebanese Armed Forces"),
        ("Hizbullah and Amal Movement gunmen", "Amal Movement"),
        ("Jaish al-Fatah fighters fired rockets", "Jaish al-Fatah"),
        ("factions including Ahrar al-Sham", "Ahrar al-Sham"),
        ("Jaysh al-Islam shelled the capital", "Jaysh al-Islam"),
        ("Jaish al-Adl claimed the attack", "Jaish al-Adl"),
        ("the pro-Kurdish HDP", "Peoples' Democratic Party"),
        ("the Arab League plan", "Arab League"),
    ],
)
def test_actor_aliases(text, expected):
    assert expected in _actors(text)


@pytest.mark.parametrize(
    "text",
    [
        "This IS NOT A DRILL",  # capitals in a shouted line are English
        "what is happening",  # lower-case "is"
        "tell US ABOUT IT",
        "The USS Harry S. Truman sailed.",
        "a market in Baghdad",  # the city, not Abu Bakr al-Baghdadi (one letter off)
    ],
)
def test_no_false_acronyms_or_demonyms(text):
    names = _actors(text)
    assert "Islamic State" not in names
    assert "Government of the United States" not in names
    assert "Abu Bakr al-Baghdadi" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at al-Tanf", "Al-Tanf"),
        ("in Tanf", "Al-Tanf"),
        ("the Qadam district", "Qadam"),
        ("Habbaniyeh", "Habbaniyah"),
        ("al-Hamdaniyah", "Al-Hamdaniyah"),
        ("the village of al-Houd", "Al-Houd"),
        ("Makhmour", "Makhmour"),
        ("Tal Afar", "Tal Afar"),
        ("Tel Afar", "Tal Afar"),
        ("Sinjar", "Sinjar"),
        ("Rutba", "Rutba"),
        ("Jalawla", "Jalawla"),
        ("Tuz Khurmatu", "Tuz Khurmatu"),
        ("Mehran", "Mehran"),
        ("Karbala", "Karbala"),
        ("Fallujah’s residents", "Fallujah"),
        ("Fallijah", "Fallujah"),
        ("Falljuah", "Fallujah"),
        ("Tikirit", "Tikrit"),
        ("Bayji", "Baiji"),
        ("Irbil", "Erbil"),
        ("Nineweh", "Nineveh"),
    ],
)
def test_place_aliases_and_variants(text, expected):
    assert expected in _places(text)


def test_hits_slice_the_text_and_longest_wins():
    text = "The Iraqi Hizballah Brigades and Hezbollah met in Baghdad’s Green Zone."
    for hit in find_actors(text) + find_places(text):
        assert text[hit.start : hit.end] == hit.text
    assert _actors(text) == ["Kataib Hezbollah", "Hezbollah"]
    assert _places(text) == ["Baghdad", "Green Zone"]


def test_actor_data_is_consistent():
    entries = gazetteer.actors().entries
    for name, e in entries.items():
        assert e["kind"] in ACTOR_KINDS, name
        assert e["parent"] is None or e["parent"] in entries, name
        assert name not in gazetteer.actor_ancestors(name)
    assert gazetteer.actor_ancestors("Kataib Hezbollah")[0] == "Popular Mobilization Forces"
    assert gazetteer.actor_ancestors("Quds Force")[0] == "Islamic Revolutionary Guard Corps"
    assert gazetteer.actor_ancestors("Qassem Soleimani")[:2] == [
        "Quds Force",
        "Islamic Revolutionary Guard Corps",
    ]


def test_every_place_has_coordinates_and_a_source():
    for name, p in gazetteer.places().entries.items():
        assert p["kind"] in PLACE_KINDS, name
        assert -90 <= p["latitude"] <= 90 and -180 <= p["longitude"] <= 180, name
        assert p["coord_source"], name


def test_a_place_the_gazetteer_puts_inside_another_names_a_listed_city():
    entries = gazetteer.places().entries
    inside = {name: e["within"] for name, e in entries.items() if e.get("within")}
    assert {"Green Zone", "Sadr City", "Baghdad International Airport"} <= set(inside)
    for name, town in inside.items():
        assert (
            entries[town]["kind"] == "city" and entries[town]["country"] == entries[name]["country"]
        )
    assert gazetteer.place_info("Sadr City").within == "Baghdad"


def test_place_coordinates_are_where_they_should_be():
    mosul = gazetteer.place_info("Mosul")
    assert (round(mosul.latitude), round(mosul.longitude)) == (36, 43)
    assert mosul.country == "Iraq"
    tanf = gazetteer.place_info("Al-Tanf")
    assert tanf.country == "Syria" and 33 < tanf.latitude < 34


@pytest.mark.parametrize(
    ("prefix", "places"),
    [
        ("000", {"Qadam", "Damascus", "Haditha", "Baiji", "Habbaniyah", "Ramadi", "Sanaa"}),
        ("001", {"Al-Tanf", "Mehran", "Karbala", "Tehran", "Aleppo", "Mosul"}),
        ("002", {"Fallujah", "Baghdad", "Ramadi", "Tikrit", "Mosul"}),
        ("004", {"Tal Afar", "Sinjar", "Rutba", "Al-Hamdaniyah", "Al-Houd", "Makhmour",
                 "Jalawla", "Tuz Khurmatu", "Kirkuk", "Qandil Mountains", "Green Zone"}),
    ],
)  # fmt: skip
def test_seed_places_are_found(seed_results, prefix, places):
    articles, _ = seed_results[prefix]
    found = {h.canonical for a in articles for h in find_places(a.body)}
    assert places <= found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Rockets struck the Ain al-Asad air base.", "Bashar al-Assad"),  # a place's name
        ("Maher al-Assad commands the 4th Division.", "Bashar al-Assad"),  # his brother
        ("Bill Clinton visited the region.", "Hillary Clinton"),
        ("Nechirvan Barzani met the envoy.", "Masoud Barzani"),
    ],
)
def test_a_surname_after_another_given_name_is_someone_else(text, absent):
    assert absent not in _actors(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Assad spoke on Sunday.", "Bashar al-Assad"),
        ("Syrian President Assad spoke.", "Bashar al-Assad"),
        ("Syria's Assad spoke.", "Bashar al-Assad"),
        ("The Iranian-backed Assad government held on.", "Bashar al-Assad"),
        ("Gen. Soleimani arrived in Baghdad.", "Qassem Soleimani"),
        ("Iran Backs Assad In Talks", "Bashar al-Assad"),  # a Title Case headline
        ("Hady al-Amiri spoke.", "Hadi al-Amiri"),  # his own name, spelt otherwise
    ],
)
def test_a_surname_after_a_title_or_plain_word_is_still_the_person(text, present):
    assert present in _actors(text)


def test_a_place_name_in_small_letters_is_an_ordinary_word():
    assert [h.canonical for h in find_places("Rockets hit the base near Baghdad.")] == ["Baghdad"]
    assert [h.canonical for h in find_places("ISIS seized Hit in 2014.")] == ["Hit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peace talks resumed in Geneva on Monday.", ["Geneva"]),
        ("The three met in Astana and later in Sochi.", ["Astana", "Sochi"]),
        ("The Security Council in New York voted on Friday.", ["New York"]),
        # a place's name inside a treaty's or a newspaper's is not the place
        ("They were protected persons under the Fourth Geneva Convention.", []),
        ("The New York Times reported the strike.", []),
        ("the Washington Post said, citing officials in Baghdad", ["Baghdad"]),
    ],
)
def test_diplomacy_s_cities_are_places_but_not_inside_other_names(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops retook Ana on Monday.", ["Anah"]),  # what is done to a place cues it
        ("the fall of Hit to ISIS", ["Hit"]),
        ("Special forces pushed into the Old City of Mosul.", ["Mosul"]),  # part of Mosul
    ],
)
def test_risky_names_need_a_cue_and_a_part_of_a_place_is_not_a_town(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one letter apart, but not as transliterations differ: another place
        ("Fighting raged in the districts of Hayaniya and al-Tamimiya.", []),
        # vowels, q/k and an added h are how one name is spelled in several ways
        ("Troops entered Qusayr on Wednesday.", ["Al Qusayr"]),
        ("The siege of Kobane ended.", ["Kobani"]),
        ("He fled to Sulaimaniyah.", ["Sulaymaniyah"]),
    ],
)
def test_a_place_name_one_letter_off_must_be_a_transliteration(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops entered Amerli on Sunday.", ["Amerli"]),
        ("Rockets hit the K-1 military base near Kirkuk.", ["K-1 Air Base", "Kirkuk"]),
        ("Fighters clashed near Taza, south of Kirkuk.", ["Taza Khurmatu", "Kirkuk"]),
        ("Taza said the talks had failed.", []),
        ("They seized the village of Bashir.", ["Bashir"]),
        ("Bashir said he would stay.", []),
        ("Cadets were captured at Camp Speicher.", ["Camp Speicher"]),
        ("Rockets landed near Baghdad International Airport.", ["Baghdad International Airport"]),
    ],
)
def test_places_of_the_iraqi_war_news_names(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


def test_a_quarter_of_a_city_is_not_a_generated_town_of_that_name():
    assert [h.canonical for h in find_places("Police fought in Qadisiya.")] == ["Qadsayya"]
    assert find_places("Police fought in the Qadisiya neighbourhood.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Amriyat al-Khalidiya" is a town of its own, not al-Khalidiya
        ("Militants attacked Amriyat al-Khalidiya on Monday.", []),
        ("Near al-Qaim, fighters regrouped.", ["Al-Qaim"]),
        ("Troops fought in al-Qaim.", ["Al-Qaim"]),
        ("Shells fell on Deir al-Zour.", ["Deir ez-Zor"]),
    ],
)
def test_an_al_name_after_a_capitalised_word_ends_a_longer_name(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck positions in Quneitra province.", ["Quneitra Province"]),
        ("Fighting spread across the province of Idlib.", ["Idlib Province"]),
        ("The Basra governorate declared a holiday.", ["Basra Province"]),
        ("Shells hit Quneitra on Monday.", ["Quneitra"]),
    ],
)
def test_a_province_is_named_as_a_province(text, expected):
    assert [h.canonical for h in find_places(text)] == expected


def test_who_made_or_gave_a_thing_is_not_an_actor_of_the_sentence():
    assert find_actors("Troops left US-supplied weapons and Iranian-made drones.") == []
    assert find_actors("a Lebanon-based cleric said") == []
    led = find_actors("The US-led coalition struck.")
    assert [h.canonical for h in led] == ["US-led coalition"]


def test_the_districts_of_a_city_are_not_generated_towns():
    text = "Troops advanced into the districts of al-Hoz and al-Aziziya."
    assert find_places(text) == []


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # the part of a country the news names by a compass point is a region of it
        ("Rockets fell in northern Israel on Sunday.", "Northern Israel"),
        ("Airstrikes across southern Lebanon stopped.", "Southern Lebanon"),
        ("Riots spread in southeast Turkey.", "Southeastern Turkey"),
        ("Fighting in north-east Syria went on.", "Northeastern Syria"),
        # spellings of the news
        ("Targets in Syria's Deir Az Zor province were hit.", "Deir ez-Zor Province"),
        ("A jet struck a position on Mount Shingal.", "Sinjar Mountains"),
        ("Maysan was handed to Iraqi control in April.", "Maysan Province"),
        # Beirut's halves and its southern suburbs, quarters of the city as the news names them
        ("Gunmen seized control of most of West Beirut on Friday.", "West Beirut"),
        ("Jets struck Dahieh overnight.", "Dahiyeh"),
    ],
)
def test_regions_and_spellings(text, canonical):
    assert canonical in [h.canonical for h in find_places(text)]


def test_beirut_s_quarters_lie_within_it():
    for name in ("West Beirut", "East Beirut", "Dahiyeh"):
        info = gazetteer.place_info(name)
        assert (info.kind, info.within, info.country) == ("district", "Beirut", "Lebanon")


@pytest.mark.parametrize(
    ("text", "canonical", "written"),
    [
        # a state's institutions act for its government
        ("Iraq's parliament voted on Monday.", "Iraqi Parliament", "Iraq's parliament"),
        (
            "The Iraqi foreign ministry summoned him.",
            "Government of Iraq",
            "Iraqi foreign ministry",
        ),
        ("Turkey’s foreign ministry said so.", "Government of Turkey", "Turkey’s foreign ministry"),
        (
            "The Turkish parliament voted to authorise it.",
            "Government of Turkey",
            "Turkish parliament",
        ),
        # an alias written with a possessive matches the text's possessive (it never did)
        ("Fighters of the People's Protection Units advanced.", "YPG", "People's Protection Units"),
        (
            "Iran's Revolutionary Guard said so.",
            "Islamic Revolutionary Guard Corps",
            "Iran's Revolutionary Guard",
        ),
    ],
)
def test_institutions_and_possessive_aliases(text, canonical, written):
    assert (canonical, written) in [(h.canonical, h.text) for h in find_actors(text)]


@pytest.mark.parametrize(
    ("text", "canonical", "written"),
    [
        ("Fighting in Syria's north went on.", "Northern Syria", "Syria's north"),
        (
            "Flights to Baghdad's airport stopped.",
            "Baghdad International Airport",
            "Baghdad's airport",
        ),
        ("Flights to Baghdad airport stopped.", "Baghdad International Airport", "Baghdad airport"),
    ],
)
def test_possessive_place_aliases(text, canonical, written):
    assert (canonical, written) in [(h.canonical, h.text) for h in find_places(text)]


def test_a_possessive_does_not_join_other_names():
    # "Iraq's army" is an alias; "Iraq's" before another noun is still the country alone
    hits = [(h.canonical, h.text) for h in find_places("Iraq's Kurdistan region voted.")]
    assert ("Iraq", "Iraq") in hits


def test_what_a_quarter_is_before_district_of_is_not_its_name():
    # "Ras" (a town of Saudi Arabia) begins the quarter's name after "district of"
    text = "Fighting raged in the mixed Sunni-Shiite district of Ras al-Nabaa overnight."
    assert find_places(text) == []
    # a quarter's own name before "district of": the city follows, and is found
    text = "Fighting went on in the historic Sur district of Diyarbakir on Monday."
    assert "Diyarbakir" in [h.canonical for h in find_places(text)]


def test_a_risky_name_shown_to_be_the_place_or_written_whole_is_the_place():
    # "Al Bab" needs a cue ("Bab" is a gate of many names); written with its article joined
    # ("al-Bab"), or named again after a cue, it is the town
    text = "The minister said Thursday that al-Bab had been cleared."
    assert [h.canonical for h in find_places(text)] == ["Al Bab"]
    text = "Rebels took the town of Hit on Monday. Later, Hit was quiet."
    assert [h.canonical for h in find_places(text)] == ["Hit", "Hit"]
    # a name that goes on is another place's; a site named after the town is the site's
    assert find_places("Trucks waited at the Bab al-Hawa crossing.") == []
    assert find_places("The town of al-Bab fell. Later, Bab al-Hawa was shut.")[1:] == []
    assert find_places("Officials visited the al-Hol camp twice a year.") == []
