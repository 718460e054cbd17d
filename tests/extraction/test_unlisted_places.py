"""Places the gazetteer does not list, named where the text says what they are ("the village
of Tokhar"). Sentences written for these tests; the invented names ("Kharzam", "Umm Jirwa"
...) are in no gazetteer, so each test also checks that stays true."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import gazetteer
from timeline.extraction.pipeline import extract_candidates
from timeline.extraction.types import ArticleText, UnlistedPlaceHit
from timeline.extraction.unlisted import find_unlisted_places


def _unlisted(text: str) -> list[UnlistedPlaceHit]:
    known = gazetteer.find_places(text)
    return find_unlisted_places(text, known, gazetteer.find_actors(text))


def _names(text: str) -> list[str]:
    return [h.canonical for h in _unlisted(text)]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Air strikes hit the village of Kharzam on Tuesday.", "Kharzam", "town"),
        ("Militants seized the Turkmen village of Umm Jirwa, residents said.", "Umm Jirwa", "town"),
        ("Rebels shelled the town of Tal Barazi overnight.", "Tal Barazi", "town"),
        ("Soldiers searched Kharzam village for weapons.", "Kharzam", "town"),
        ("Fighting raged in Kharzam, a farming village on the Euphrates.", "Kharzam", "town"),
        ("A car bomb exploded in Kharzam, north of Manbij, on Monday.", "Kharzam", "town"),
        (
            "Drones struck a convoy near Kharzam, 20 km (12 miles) south of Raqqa.",
            "Kharzam",
            "town",
        ),
        ("Jets bombed al-Jadida airbase before dawn.", "al-Jadida airbase", "site"),
        ("Rockets fell on the Mazroub air base on Friday.", "Mazroub air base", "site"),
        ("Traffic resumed at the Umm Jirwa border crossing.", "Umm Jirwa border crossing", "site"),
        ("Engineers inspected the Kharzam Dam after the strike.", "Kharzam Dam", "site"),
        ("Protesters gathered outside Camp Mazroub on Sunday.", "Camp Mazroub", "site"),
        ("Drones hit Imam Kharzam Base near Nassiriya.", "Imam Kharzam Base", "site"),
        # a name may begin with a word that is also a people's: "Arab Jabour"
        ("In Arab Mazroub, south of Baghdad, troops launched a raid.", "Arab Mazroub", "town"),
        ("Jets pounded the outskirts of Kharzam overnight.", "Kharzam", "town"),
        # a date after the name is not part of it
        ("Troops took up positions around the town of Kharzam Thursday.", "Kharzam", "town"),
        # "the Bekaa Valley village of X": the region describes the village named after it
        ("A car exploded in the Bekaa Valley village of Kharzam.", "Kharzam", "town"),
        ("Fighters overran the Kharzam military airport.", "Kharzam military airport", "site"),
        ("Troops fought for days for Kharzam, a border village on a ridge.", "Kharzam", "town"),
        (
            "Artillery shelled the Wadi Mazroub valley east of the town.",
            "Wadi Mazroub valley",
            "site",
        ),
        (
            "Hezbollah attacked in the Kharzam mountains north of Zabadani.",
            "Kharzam mountains",
            "site",
        ),
        ("A car bomb hit the Kharzam district of the southern suburbs.", "Kharzam", "district"),
        # a quarter is a place of its own
        ("Gunmen fought troops in the Kharzam district on Monday.", "Kharzam", "district"),
        ("Fighting reached the neighbourhood of Umm Jirwa.", "Umm Jirwa", "district"),
        ("A bomb hit the mostly Shiite district of Kharzam.", "Kharzam", "district"),
        # ... named with the known town it lies in, as curators write it
        ("Shells fell on the Kharzam district of Homs.", "Kharzam (Homs)", "district"),
        (
            "A blast hit the Kafr Mazroub neighbourhood of western Damascus.",
            "Kafr Mazroub (Damascus)",
            "district",
        ),
        # a quarter named after a date keeps its day number
        (
            "Troops searching houses in the 17 Kharzam neighborhood of western Mosul came "
            "under fire.",
            "17 Kharzam (Mosul)",
            "district",
        ),
        ("A car bomb exploded in Baghdad's 9 Kharzam district.", "9 Kharzam (Baghdad)", "district"),
        # a name in Turkish or Kurdish spelling ("Çukurca", "Şırnak")
        ("Militants attacked outposts in the village of Çukurköy.", "Çukurköy", "town"),
        # a named area where the text puts it in a known place
        ("Jets pounded positions in the Kharzam area of northern Iraq.", "Kharzam", "other"),
    ],
)
def test_a_place_named_with_what_it_is(text: str, name: str, kind: str) -> None:
    assert not any(h.text == name for h in gazetteer.find_places(text))  # really unlisted
    hits = _unlisted(text)
    assert [(h.canonical, h.info.kind) for h in hits] == [(name, kind)]
    assert text[hits[0].start : hits[0].end] == hits[0].text
    assert hits[0].info.latitude is None and hits[0].info.longitude is None
    # a quarter inside a known town lies within it (and is shown at its point)
    assert hits[0].info.within == (name.split("(")[1].rstrip(")") if "(" in name else "")


@pytest.mark.parametrize(
    "text",
    [
        # no cue: "in" before a capitalised word names institutions as often as places
        "The bill stalled in Kharzam on Tuesday.",
        "Officials in Congress said the vote was delayed.",
        # whose or which place, not its name
        "Jets struck a Syrian army base overnight.",
        "A Syrian base was hit by rockets.",
        "The raid on a Texas prison ended quietly.",
        "According to Ohio prison records, he was released in 2013.",
        "Kurdish-run camps hold thousands of families.",
        # a landmark with no town: "Tahrir Square" is in Cairo as well as Baghdad
        "Thousands rallied in Mazroub Square on Friday.",
        "Protesters gathered outside the Turkish embassy on Tuesday.",
        "Commuters crowded the main railway station.",
        # a landmark's noun that names an institution or qualifies another noun
        "said a professor at the Beirut School of Economics.",
        "The paintings went on view at the Museum of the City of Beirut.",
        "A bomb went off near a Baghdad market on Sunday.",
        "Officials of the Mazroub Mosque council in Baghdad resigned.",
        # a quarter's noun that names something else
        "Revenue fell in the July-September quarter.",
        "Nearly a quarter of Kharzam voters stayed home.",
        "Ahmed, a village elder, said the road was closed.",
        "The Kharzam district attorney filed charges.",
        "The former mayor of a Kharzam suburb was sentenced.",
        # after "district of", the city: "a suburb of X", "the Y district of X", "neighborhoods
        # of X" (one name after a plural)
        "He lives in a suburb of Kharzam.",
        "Militants swept through Sunni neighborhoods of Kharzam.",
        # an area with nothing to put it in
        "Jets struck the Kharzam area on Monday.",
        # a number before a quarter's name is its own only after "the" or a possessive
        "Shells hit 3 Kharzam districts on Monday.",
        # dates and known names are not unlisted places
        "The town of Mosul fell in June.",
        "The village fell on Monday.",
    ],
)
def test_no_place_where_the_text_does_not_say_one(text: str) -> None:
    assert _names(text) == []


def test_later_mentions_of_a_named_village_are_places_too() -> None:
    text = "Troops advanced from the village of Kharzam. By Wednesday they held Kharzam."
    hits = _unlisted(text)
    assert [(h.canonical, h.start) for h in hits] == [
        ("Kharzam", text.index("Kharzam")),
        ("Kharzam", text.rindex("Kharzam")),
    ]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Israel struck near Damascus international airport.", "Damascus international airport"),
        ("A bomber drove toward the Kobani border gate.", "Kobani border gate"),
        ("Militants stormed Abu Ghraib prison in July.", "Abu Ghraib prison"),
    ],
)
def test_a_site_named_after_a_known_town_is_a_place_of_its_own(text: str, site: str) -> None:
    (town,) = [h for h in gazetteer.find_places(text) if gazetteer.hit_place(h).kind != "country"]
    (hit,) = _unlisted(text)
    assert (hit.canonical, hit.info.kind) == (site, "site")
    assert hit.info.country == gazetteer.hit_place(town).country != ""


@pytest.mark.parametrize(
    "text",
    [
        "An Aleppo airport official said flights resumed.",  # whose official
        "He was held in a Kirkuk prison for a year.",  # some prison in Kirkuk
        "Fighters arrived at the Habbaniyah base on Monday.",  # a base is at its town
        "Damascus airport officials said flights resumed.",  # whose officials
        "DAMASCUS AIRPORT OFFICIALS SAID FLIGHTS RESUMED.",  # the same, in capitals
    ],
)
def test_no_site_where_the_town_only_qualifies_a_noun(text: str) -> None:
    assert _names(text) == []


def test_the_known_place_that_situates_it_gives_country_and_province() -> None:
    (hit,) = _unlisted("A car bomb exploded in Kharzam, north of Manbij, on Monday.")
    manbij = gazetteer.place_info(gazetteer.find_places("in Manbij")[0].canonical)
    assert (hit.info.country, hit.info.admin1) == (manbij.country, manbij.admin1) != ("", "")
    (hit,) = _unlisted("Drones struck Kharzam, a village in northwestern Syria, overnight.")
    assert hit.info.country == "Syria"
    (hit,) = _unlisted("Jets bombed the eastern Syrian village of Kharzam.")
    assert hit.info.country == "Syria"


def test_a_quarter_is_in_the_city_that_owns_it_or_that_it_is_of() -> None:
    (hit,) = _unlisted("Gunmen stormed a mosque in Baghdad's Kharzam neighbourhood.")
    assert hit.info.country == "Iraq"
    (hit,) = _unlisted("Shells fell on the Kharzam district of Homs on Friday.")
    assert hit.info.country == "Syria"


def test_no_country_where_nothing_attaches_it() -> None:
    # Russia is in the sentence, but as an actor; the village is in Georgia
    (hit,) = _unlisted("Russian jets bombed the village of Kharzam on Saturday.")
    assert hit.info.country == ""
    # "near the Pakistan border": the border's other side
    (hit,) = _unlisted("Fighters held the town of Kharzam near the Pakistan border.")
    assert hit.info.country == ""


def _article(body: str) -> ArticleText:
    return ArticleText(title="Test", body=body, published=date(2016, 7, 21))


def test_an_event_in_an_unlisted_village_is_placed_there() -> None:
    body = (
        "On July 19, air strikes on the village of Kharzam, north of Manbij, killed at least "
        "20 civilians, a monitoring group said.\n"
    )
    (cand,) = extract_candidates(_article(body))
    assert cand.place is not None
    assert (cand.place.name, cand.place.kind, cand.place_precision) == ("Kharzam", "town", "exact")
    assert cand.place.country == "Syria" and cand.place.latitude is None


def test_an_event_near_an_unlisted_base_is_near_it() -> None:
    body = "On Tuesday, rockets landed near Mazroub air base, north of Baghdad, officials said.\n"
    (cand,) = extract_candidates(_article(body))
    assert cand.place is not None
    assert (cand.place.name, cand.place_precision) == ("Mazroub air base", "near")


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ("Thousands rallied in Baghdad's Mazroub Square.", "Mazroub Square (Baghdad)", None),
        (
            "Troops fought gunmen on Mazroub Street in central Baghdad.",
            "Mazroub Street (Baghdad)",
            "Mazroub Street in central Baghdad",
        ),
        (
            "A bomber struck near the Imam Kharzam shrine in Karbala.",
            "Imam Kharzam shrine (Karbala)",
            None,
        ),
        (
            "Rockets struck Camp Mazroub in eastern Baghdad, killing five soldiers.",
            "Camp Mazroub (Baghdad)",
            None,
        ),
        (
            "An explosion hit Camp al Mazroub in southern Baghdad.",
            "Camp al Mazroub (Baghdad)",
            None,
        ),
        # what and whose, not a name: only with its town
        (
            "Hundreds protested outside the Turkish embassy in Baghdad on Tuesday.",
            "Turkish embassy (Baghdad)",
            "Turkish embassy in Baghdad",
        ),
        ("A truck bomb hit the U.S. Embassy in Beirut.", "US embassy (Beirut)", None),
        (
            "Gunmen stormed the parliament building in central Tehran.",
            "parliament building (Tehran)",
            None,
        ),
        ("The blasts hit Ankara's main railway station.", "main railway station (Ankara)", None),
        (
            "A gunman fired at the mausoleum of Sheikh Mazroub in southern Tehran.",
            "mausoleum of Sheikh Mazroub (Tehran)",
            None,
        ),
        # a town's airport is the one named after it
        ("Jets cratered Beirut's international airport.", "Beirut international airport", None),
        (
            "Flights resumed at Beirut's International airport.",
            "Beirut International airport",
            None,
        ),
    ],
)
def test_a_site_inside_a_known_town_is_a_place_within_it(
    text: str, name: str, mention: str | None
) -> None:
    (hit,) = _unlisted(text)
    town = name[name.index("(") + 1 : -1] if "(" in name else name.split()[0]
    assert (hit.canonical, hit.info.kind, hit.info.within) == (name, "site", town)
    assert hit.info.country == gazetteer.place_info(town).country != ""
    assert hit.info.latitude is None  # shown at the town's point, not given its coordinates
    if mention is not None:  # the whole mention, town included: one place, not two
        assert hit.text == mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A bomber struck on Mazroub Avenue, Istanbul's main shopping street.",
            "Mazroub Avenue (Istanbul)",
        ),
        ("They met at Mazroub Square, Baghdad, on Monday.", "Mazroub Square (Baghdad)"),
        # the next place of a list is no apposition
        ("Rallies were held at Mazroub Square, Kirkuk, Mosul and Basra.", None),
        ("Protests spread from Mazroub Square, Baghdad, and Basra to other cities.", None),
    ],
)
def test_a_landmark_s_town_may_stand_in_an_apposition(text: str, name: str | None) -> None:
    assert _names(text) == ([name] if name else [])


def test_the_city_s_landmark_is_in_the_city_the_paragraph_named() -> None:
    text = (
        "In the capital, Ankara, a car bombing killed 29 people. Another bomb, near the "
        "city's main Mazroub square, killed 37."
    )
    (hit,) = _unlisted(text)
    assert (hit.canonical, hit.info.within) == ("Mazroub square (Ankara)", "Ankara")
    # no city named before it in the paragraph: no town to put it in, so no landmark
    assert _names("Ankara was quiet.\n\nA bomb hit near the city's main Mazroub square.") == []


def test_a_site_the_gazetteer_lists_under_another_name_is_its_record() -> None:
    # "Baghdad's international airport" is the curated Baghdad International Airport, with
    # its coordinates ("Baghdad's airport" is one of its aliases, which the gazetteer finds)
    (hit,) = _unlisted("His company was fighting for Baghdad's international airport.")
    assert hit.canonical == "Baghdad International Airport"
    assert hit.info.latitude is not None and hit.info.within == "Baghdad"


def test_a_site_in_a_province_named_after_its_town_is_not_in_the_town() -> None:
    (hit,) = _unlisted("A bomb hit a minibus near the Mazroub border crossing in Igdir province.")
    assert (hit.canonical, hit.info.within) == ("Mazroub border crossing", "")


def test_a_quarter_named_once_with_its_town_is_that_place_where_named_alone() -> None:
    text = (
        "Shells fell on the Kharzam district of Homs on Friday. "
        "On Saturday troops entered the Kharzam district."
    )
    assert _names(text) == ["Kharzam (Homs)", "Kharzam (Homs)"]


def test_an_event_at_a_site_inside_a_known_town_is_placed_at_the_site() -> None:
    body = "On July 19, rockets struck Camp Mazroub in eastern Baghdad, killing five soldiers.\n"
    (cand,) = extract_candidates(_article(body))
    assert cand.place is not None
    assert (cand.place.name, cand.place.within) == ("Camp Mazroub (Baghdad)", "Baghdad")
    assert cand.place_precision == "exact"


def test_a_clause_after_a_site_is_no_second_scene() -> None:
    # "… in Baghdad's Tahrir Square and demanded that Ankara …": Ankara is what they demanded
    # of, not a second place of a list
    body = (
        "On July 19, thousands rallied in Baghdad's Mazroub Square and demanded that Ankara "
        "pull out its troops.\n"
    )
    (cand,) = extract_candidates(_article(body))
    assert cand.place is not None and cand.place.name == "Mazroub Square (Baghdad)"


def test_a_site_that_informs_is_the_speaker_not_the_scene() -> None:
    body = (
        "On July 19, the Iranian embassy in Baghdad informed the cleric that he was summoned "
        "to Tehran.\n"
    )
    places = [c.place.name for c in extract_candidates(_article(body)) if c.place]
    assert "Iranian embassy (Baghdad)" not in places


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a rural district named after its town, in a province
        ("Jets hit positions around the Lice district of Diyarbakir province.", "Lice", "town"),
        # a named part of a country, finer than the country's part it is in
        ("Jets struck shelters in the Metina region of northern Iraq.", "Metina", "other"),
        ("Fighting spread in the Jabal al-Zawiya region on Monday.", "Jabal al-Zawiya", "other"),
    ],
)
def test_districts_of_provinces_and_named_regions(text: str, name: str, kind: str) -> None:
    hits = {h.canonical: h.info.kind for h in _unlisted(text)}
    assert hits.get(name) == kind


def test_a_district_of_a_province_is_no_quarter_of_the_provinces_city() -> None:
    # a province named after its capital: the district lies in the province, not in the city
    (hit,) = _unlisted("Jets hit positions in the Kharzam district of Mazroub province.")
    assert (hit.canonical, hit.info.kind, hit.info.within) == ("Kharzam", "town", "")


@pytest.mark.parametrize(
    "text",
    [
        "The storm brought destruction to the Gulf Coast region on Friday.",
        "It was the worst tornado in the St. Louis region since 1967.",
    ],
)
def test_no_region_from_the_end_of_a_longer_name(text: str) -> None:
    assert _names(text) == []


def test_a_landmark_named_alone_is_in_the_town_the_story_is_in() -> None:
    # the paragraph is about Karbala; Baghdad is only its reference point
    text = (
        "Karbala, about 50 miles south of Baghdad, has been calm. In January, a suicide bomber "
        "blew himself up near the Mazroub shrine, killing 63 people."
    )
    assert _names(text) == ["Mazroub shrine (Karbala)"]
    # a quarter the sentence names first is where it happened; descriptions are no names
    text = (
        "Istanbul was tense. A car bomb hit a police bus in Istanbul's Kharzam district, near "
        "the Mazroub Bazaar."
    )
    assert _names(text) == ["Kharzam (Istanbul)"]
    assert _names("Baghdad was tense. Crowds filled the Catholic streets.") == []
    # the town must be near: a story's last city far back, or in another paragraph, is not it
    assert _names("Baghdad was tense.\n\nA bomb went off near the Mazroub shrine.") == []
    assert (
        _names(
            "Baghdad was tense. " + "Nothing else happened there. " * 20 + "A bomb hit "
            "the Mazroub shrine."
        )
        == []
    )


def test_every_name_of_a_list_after_a_plural_noun_is_a_place() -> None:
    text = "Rebels said the nearby towns of Kharzam and Umm Jirwa were captured the same day."
    assert _names(text) == ["Kharzam", "Umm Jirwa"]
    text = "Troops took the villages of Kharzam, Umm Jirwa and Tal Mazroub on Monday."
    assert _names(text) == ["Kharzam", "Umm Jirwa", "Tal Mazroub"]


def test_a_landmark_the_text_puts_in_the_city_is_in_the_city_it_told_of() -> None:
    text = (
        "A car bomb killed 37 people in the centre of the capital, Ankara.\n\n"
        "The army said jets had struck 18 targets in the mountains.\n\n"
        "The bomb struck near bus stops in Mazroub Square, one of the city's busiest hubs."
    )
    assert "Mazroub Square (Ankara)" in _names(text)


def test_a_landmark_is_put_in_the_story_s_town_only_where_it_is_the_scene() -> None:
    # no preposition of place or verb of attack before it: a mention, not the scene
    text = "He set the record in Berlin in 2013. He surged past the Mazroub Bridge at noon."
    assert _names(text) == []
    # the town two sentences back: the story has moved on
    text = "Gunmen attacked Najaf. The army sent troops. A bomb went off near the Mazroub shrine."
    assert _names(text) == []
    # a distance from a town makes it a reference point
    text = "Troops swept to within 60 miles of Baghdad. The leader spoke at the Mazroub mosque."
    assert _names(text) == []
