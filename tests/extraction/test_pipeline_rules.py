"""Pipeline rules of news English: how undated reports are dated, where events are placed.

All articles here are invented for the test; none comes from the seed articles.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.pipeline import extract_candidates
from timeline.extraction.types import ArticleText

PUB = date(2018, 3, 16)  # a Friday


def _cands(body: str, published: date | None = PUB):
    art = ArticleText(title="t", body=body, published=published, published_basis="stated")
    out = extract_candidates(art)
    for c in out:
        assert body[c.evidence.start : c.evidence.end] == c.evidence.quote
    return out


def test_a_placeless_happening_is_proposed_with_its_place_unknown():
    (c,) = _cands("ISIS fighters ambushed the convoy of a senior envoy on Monday.\n")
    assert c.place is None and c.place_precision == "unknown"


def test_present_tense_report_is_dated_to_the_week_up_to_publication():
    (c,) = _cands("Army units are attacking rebel positions in Kirkuk.\n")
    assert (c.date.earliest, c.date.latest, c.date.precision) == (date(2018, 3, 10), PUB, "week")
    assert c.date_basis.startswith("present tense")


def test_undated_past_report_gets_the_publication_week_as_a_bound():
    (c,) = _cands("Rebels overran two checkpoints in Kirkuk.\n")
    assert (c.date.earliest, c.date.latest) == (date(2018, 3, 10), PUB)
    assert "bound" in c.date_basis


def test_past_perfect_report_gets_no_publication_bound():
    (c,) = _cands("Rebels had overrun two checkpoints in Kirkuk.\n")
    assert c.date is None and c.date_basis == "none"


def test_no_publication_date_means_no_bound():
    (c,) = _cands("Rebels overran two checkpoints in Kirkuk.\n", published=None)
    assert c.date is None


def test_section_narrative_dates_a_later_undated_paragraph():
    body = (
        "Militants stormed a police station in Tikrit on Tuesday.\n\n"
        "Officials gave no figures.\n\n"
        "Local people praised the police.\n\n"
        "Rebels overran two checkpoints in Kirkuk.\n"
    )
    c = next(c for c in _cands(body) if "Kirkuk" in c.evidence.quote)
    assert c.date.earliest == date(2018, 3, 13) and c.date_basis == "narrative of section"


def test_a_sub_heading_starts_a_new_section():
    body = (
        "Militants stormed a police station in Tikrit on Tuesday.\n\n"
        "Officials gave no figures.\n\n"
        "Trouble in the north\n\n"
        "Rebels overran two checkpoints in Kirkuk.\n"
    )
    c = next(c for c in _cands(body) if "Kirkuk" in c.evidence.quote)
    assert c.date_basis.startswith("not stated")


def test_a_recalled_date_does_not_date_the_news_or_move_the_narrative():
    body = (
        "The brigade was thrown back near Kirkuk on Tuesday.\n\n"
        "Its tanks were stopped at Baiji and retreated, recalling a previous rout in May 2014.\n\n"
        "The police withdrew from Tikrit.\n"
    )
    cands = _cands(body)
    baiji = next(c for c in cands if "Baiji" in c.evidence.quote)
    tikrit = next(c for c in cands if "Tikrit" in c.evidence.quote)
    assert baiji.date.earliest == date(2018, 3, 13)
    assert tikrit.date.earliest == date(2018, 3, 13)


def test_joined_sentences_keep_the_finer_place():
    body = (
        "At least 9 people were killed in two bombings in Baghdad on Monday. "
        "The first explosion struck a market in Sadr City.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Sadr City"


def test_pronoun_opening_takes_the_place_of_the_paragraph_before():
    body = (
        "Militants seized villages around Kirkuk on Monday.\n\n"
        "They executed 20 prisoners on Tuesday.\n"
    )
    cands = _cands(body)
    vac = next(c for c in cands if c.event_type == "violence_against_civilians")
    assert vac.place.name == "Kirkuk"
    assert vac.evidence.quote.startswith("Militants seized")


def test_place_in_the_attribution_is_not_the_scene():
    body = "ISIS fighters killed four soldiers on Monday, said a police officer in Kirkuk.\n"
    (c,) = _cands(body)
    assert c.place is None and c.date.earliest == date(2018, 3, 12)


def test_possessive_place_names_an_owner_not_the_scene():
    body = "ISIS fighters ambushed Syria's most senior envoy on Monday.\n"
    (c,) = _cands(body)
    assert c.place is None
    (d,) = _cands("ISIS fighters ambushed a patrol in Kirkuk's old market on Monday.\n")
    assert d.place.name == "Kirkuk"


def test_placeless_report_needs_a_date_from_its_own_text():
    assert _cands("ISIS fighters ambushed the convoy of a senior envoy.\n") == []
    (c,) = _cands("ISIS fighters ambushed the convoy of a senior envoy on Monday.\n")
    assert c.date.earliest == date(2018, 3, 12)


def test_commentary_sentences_give_no_candidates():
    body = (
        "Analysts expect the battle for Kirkuk to be long.\n\n"
        "If the militias attack Kirkuk, the Kurds will respond.\n\n"
        "The militia's offensive in Kirkuk and its failures dominate the debate.\n\n"
        "Volunteers fighting in Kirkuk asked for food.\n\n"
        "With the rebels driven out of Kirkuk, farmers returned.\n"
    )
    assert _cands(body) == []


def test_headline_is_the_reporting_clause_without_framing():
    body = (
        "Meanwhile, in Kirkuk, on Monday, March 12, ISIS fighters ambushed a police patrol, "
        "killing four officers, a police spokesman said.\n"
    )
    (c,) = _cands(body)
    assert c.headline == "ISIS fighters ambushed a police patrol, killing four officers"


def test_headline_is_cut_at_a_word_boundary():
    body = (
        "ISIS fighters ambushed a police patrol near Kirkuk on Monday with rifles, rockets, "
        "grenades, mortars and a car packed with explosives that had been parked by the road.\n"
    )
    (c,) = _cands(body)
    assert len(c.headline) <= 111 and c.headline.endswith("…")
    assert body.startswith(c.headline[:-1])


def test_a_lede_retold_in_the_next_paragraph_is_one_candidate():
    body = (
        "The governor was summoned to Baghdad on Monday, an aide said.\n\n"
        "The aide said the minister's office told the governor he was summoned to Baghdad "
        "because of the protests.\n\n"
        "Police arrested a journalist in Basra.\n"
    )
    first, second = _cands(body)
    assert first.evidence.quote.startswith("The governor") and "because" in first.evidence.quote
    assert second.place.name == "Basra"


def test_country_only_place_is_refined_by_a_place_inside_it_just_before():
    body = (
        "ISIS fighters stormed a police post in Tikrit on Monday.\n\n"
        "ISIS fighters also shelled a school in Iraq.\n\n"
        "Rebels overran a checkpoint in Idlib on Monday.\n\n"
        "Rebels also shelled a school in Iraq.\n"
    )
    cands = _cands(body)
    shelled = [c for c in cands if c.event_type == "explosions_remote_violence"]
    assert [c.place.name for c in shelled] == ["Tikrit", "Iraq"]  # Idlib is not in Iraq
    assert shelled[0].evidence.quote.startswith("ISIS fighters stormed")


def test_one_trigger_with_a_list_of_places_gives_one_event_per_place():
    body = (
        "ISIS fighters attacked the oil city of Kirkuk, the Kurdish town of Sinjar and Tikrit "
        "on Monday, killing 30 people.\n"
    )
    cands = _cands(body)
    assert [c.place.name for c in cands] == ["Kirkuk", "Sinjar", "Tikrit"]
    assert all(c.date.earliest == date(2018, 3, 12) for c in cands)
    assert all(c.fatalities is None for c in cands)


def test_places_not_in_a_list_give_one_event():
    body = "ISIS fighters attacked Kirkuk on Monday after leaving their bases near Tikrit.\n"
    (c,) = _cands(body)
    assert c.place.name in ("Kirkuk", "Tikrit")


@pytest.mark.parametrize(
    "body",
    [
        "A suicide bomber targeted a checkpoint in the town of Hit, west of Ramadi, on Monday, "
        "killing three soldiers.\n",
        "Late on Saturday, jets struck a site in Madaya, southeast of Damascus, killing two "
        "fighters.\n",
    ],
)
def test_a_place_located_by_a_bearing_is_one_scene_not_a_list(body):
    (c,) = _cands(body)
    assert c.place.name in ("Hit", "Madaya")


def test_since_a_date_runs_until_the_report():
    body = (
        "The UN said on Friday that, since the offensive began on March 1, ISIS fighters have "
        "abducted hundreds of villagers around Kirkuk.\n"
    )
    (c,) = _cands(body)
    assert (c.date.earliest, c.date.latest) == (date(2018, 3, 1), date(2018, 3, 16))
    assert c.date.precision == "month" and c.date_basis.startswith("since")


def test_an_event_noun_inside_its_since_phrase_keeps_its_own_date():
    body = "Since the army's withdrawal from Kirkuk in 2012, crime has risen.\n"
    (c,) = _cands(body)
    assert (c.date.earliest, c.date.latest) == (date(2012, 1, 1), date(2012, 12, 31))


def test_opponent_and_relative_clause_places_are_not_the_scene():
    (c,) = _cands("ISIS fighters fought against Syria on Monday.\n")
    assert c.place is None
    body = (
        "ISIS fighters ambushed a convoy of Iraqi troops on Monday, who take their orders "
        "from Baghdad.\n"
    )
    (d,) = _cands(body)
    assert d.place is None
    (e,) = _cands("ISIS fighters, who attacked Kirkuk on Monday, lost 20 men.\n")
    assert e.place.name == "Kirkuk"


def test_possessive_after_of_is_an_owner_even_after_a_preposition():
    (c,) = _cands("ISIS fighters killed the commander of Syria's air force on Monday.\n")
    assert c.place is None
    (d,) = _cands("ISIS fighters shelled an area next to Syria's TV building on Monday.\n")
    assert d.place.name == "Syria"


def test_placeless_report_dated_only_to_a_decade_is_not_a_candidate():
    assert _cands("ISIS fighters fought the army during the 1980s.\n") == []


def test_a_partitive_opening_details_the_happening_before():
    body = (
        "ISIS fighters attacked an army post near Kirkuk on Monday, killing 11 soldiers.\n\n"
        "Of these casualties, four Peshmerga fighters were killed by a suicide bomber, "
        "an officer said.\n"
    )
    (c,) = _cands(body)
    assert c.event_type == "battles" and c.place.name == "Kirkuk"
    assert c.evidence.quote.endswith("an officer said.") and c.fatalities == 11


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("ISIS fighters attacked a village outside Kirkuk on Monday.", "near"),
        ("ISIS fighters attacked a village north of Kirkuk on Monday.", "near"),
        ("ISIS fighters attacked a village 30 km south of Kirkuk on Monday.", "near"),
        ("ISIS fighters attacked a village on the outskirts of Kirkuk on Monday.", "near"),
        ("ISIS fighters attacked a police station in Kirkuk on Monday.", "exact"),
    ],
)
def test_place_precision_near_for_places_given_relative_to_a_town(sentence, precision):
    (c,) = _cands(sentence + "\n")
    assert c.place.name == "Kirkuk" and c.place_precision == precision


def test_a_count_of_the_dead_after_a_comment_details_the_happening_before():
    body = (
        "Militants attacked an army checkpoint near Baiji on Tuesday, officials said. "
        "The attack came as troops were preparing a new push on the refinery. "
        "Five soldiers and two militiamen were killed, a police officer said.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Baiji" and c.fatalities == 7
    assert c.evidence.quote == body.strip()


def test_a_sentence_opening_on_the_happening_details_it():
    body = (
        "A coalition air strike near Ramadi destroyed a truck on Thursday. "
        "Officials have long complained about the pace of the campaign. "
        "The strike killed three militants, the statement said.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Ramadi" and c.fatalities == 3


def test_a_count_of_the_dead_does_not_reach_across_two_sentences_or_two_paragraphs():
    two_between = (
        "Militants attacked a checkpoint near Baiji on Tuesday. "
        "Troops were preparing a push. Officials gave no details. "
        "Five soldiers were killed, a police officer said.\n"
    )
    (c,) = _cands(two_between)
    assert c.fatalities is None and "Five soldiers" not in c.evidence.quote
    two_paragraphs_on = (
        "Militants attacked a checkpoint near Baiji on Tuesday.\n\n"
        "Officials gave no details.\n\n"
        "Five soldiers were killed, a police officer said.\n"
    )
    (c,) = _cands(two_paragraphs_on)
    assert c.fatalities is None


def test_a_detail_may_follow_one_sentence_across_a_paragraph_break():
    body = (
        "Supporters of a militia broke into the U.S. Embassy compound in Baghdad on Tuesday.\n\n"
        "Officials gave no details. Troops inside the compound fired tear gas, and "
        "several people were wounded, witnesses said.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "US embassy (Baghdad)" and "tear gas" in c.evidence.quote


def test_n_days_later_dates_the_event_from_the_narrative():
    body = (
        "On May 15, the State Department ordered staff to leave the embassy in Baghdad. "
        "Four days later, a Katyusha rocket crashed into the Green Zone.\n"
    )
    rocket = next(c for c in _cands(body, date(2019, 12, 31)) if "Katyusha" in c.evidence.quote)
    assert (rocket.date.earliest, rocket.date.precision) == (date(2019, 5, 19), "day")


@pytest.mark.parametrize(
    ("body", "seat"),
    [
        ("The Iranian government summoned the British ambassador on Monday.\n", "Tehran"),
        ("Haider al-Abadi ordered the militias on Sunday to prepare.\n", "Baghdad"),
    ],
)
def test_a_government_decision_with_no_place_is_located_at_its_seat(body, seat):
    decisions = [c for c in _cands(body) if c.event_type == "strategic_developments"]
    assert [(c.place.name, c.place_precision) for c in decisions] == [(seat, "country")]


def test_a_state_force_commander_is_not_placed_at_the_capital():
    body = "Qassem Soleimani instructed the militias on Sunday to prepare for war.\n"
    assert all(c.place is None for c in _cands(body))


def test_the_dead_of_the_happening_a_protest_is_about_are_not_the_protests():
    body = (
        "Supporters of a militia broke into the embassy compound in Baghdad on Tuesday to "
        "protest U.S. airstrikes that killed 25 fighters.\n"
    )
    (c,) = _cands(body)
    assert c.event_type == "riots" and c.fatalities is None


def test_people_of_the_happening_and_quoted_places_point_back_to_it():
    body = (
        "Supporters of a militia broke into the embassy compound in Baghdad on Tuesday.\n\n"
        'The protesters, wearing the uniforms of Iraq\'s militias, chanted "Death to America". '
        "Troops inside the compound fired tear gas, and several people were wounded.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Baghdad" and c.evidence.quote.endswith("people were wounded.")


@pytest.mark.parametrize(
    ("body", "not_scene"),
    [
        (
            "Barack Obama announced on Friday that all forces would leave, after talks with "
            "Baghdad.\n",
            "Baghdad",
        ),
        ("Drones struck vehicles of the Iran-aligned militias on Sunday.\n", "Iran"),
        ("Iraqi troops pulled out on Sunday, leaving US-supplied weapons.\n", "Washington"),
    ],
)
def test_a_capital_dealt_with_or_a_name_made_adjective_is_not_the_scene(body, not_scene):
    reports = _cands(body)
    assert reports and all(c.place is None or c.place.name != not_scene for c in reports)


def test_a_river_gives_way_to_the_town_just_named():
    body = (
        "Militias retook Jurf al-Sakhar on Saturday after a two-day assault.\n\n"
        "The operation was launched on Friday, with helicopters pounding positions along the "
        "Euphrates.\n"
    )
    launch = next(c for c in _cands(body) if "Friday" in c.evidence.quote)
    assert launch.place.name == "Jurf al-Sakhar"


def test_a_definite_place_noun_refers_back_to_the_place_of_that_kind():
    body = (
        "A truce took hold in Sadr City on Sunday.\n\n"
        "Officials said talks would continue.\n\n"
        "But a roadside bomb struck an Iraqi army patrol on the edge of the district on Sunday.\n"
    )
    bomb = next(c for c in _cands(body) if "roadside" in c.evidence.quote)
    assert bomb.place.name == "Sadr City"
    # a noun of another kind does not: no base was named before
    (strike,) = _cands("Rockets struck the base of the Iraqi army on Monday.\n")
    assert strike.place is None


def test_an_event_noun_with_its_verb_after_a_phrase_and_a_place_holding_an_actors_name():
    body = (
        "A truce between the Iraqi government and Muqtada al-Sadr's Mahdi Army took hold in "
        "Baghdad's Sadr City on Sunday.\n"
    )
    (c,) = _cands(body)
    assert c.event_type == "strategic_developments" and c.place.name == "Sadr City"


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a bearing's town is the reference point, the village before it the scene
        (
            "On July 19, air strikes on the village of Tokhar, north of Manbij, killed at least "
            "56 civilians.\n",
            "Tokhar",
        ),
        # where a road leads is not the scene
        (
            "On June 10, SDF fighters attacked Manbij, cutting the main road to Aleppo.\n",
            "Manbij",
        ),
        # where the source sits is not the scene when the report follows its verb
        (
            "An army officer in Salahuddin said that 14 soldiers were killed on Wednesday when "
            "IS fighters attacked the Baiji refinery.\n",
            "Baiji refinery",
        ),
        ("Bush announced on January 10 at the White House a troop surge.\n", "Washington"),
    ],
)
def test_the_scene_among_several_places(body, place):
    assert [c.place.name for c in _cands(body)] == [place]


def test_a_place_noun_does_not_refer_back_to_a_place_the_text_called_otherwise():
    body = (
        "Militants shelled the town of Amerli on Sunday.\n\n"
        "On Monday, they seized the Turkmen village of Bashir, south of Kirkuk.\n\n"
        "Aid workers said on Tuesday the town was shelled again.\n"
    )
    again = next(c for c in _cands(body) if "again" in c.evidence.quote)
    assert again.place.name == "Amerli"  # not the village named just before
    # "the village" goes back to the village, and a place named bare takes either noun
    village = body.replace("the town was", "the village was")
    bare = body.replace("the Turkmen village of Bashir", "Bashir")
    for text in (village, bare):
        assert next(c for c in _cands(text) if "again" in c.evidence.quote).place.name == "Bashir"


def test_a_place_noun_with_an_adjective_or_plural_refers_back_too():
    body = (
        "Iraqi troops attacked Basra on Tuesday.\n\n"
        "Officials gave no details.\n\n"
        "Mahdi Army gunmen fought back in the Shiite districts on Wednesday, police said.\n"
    )
    fight = next(c for c in _cands(body) if "gunmen" in c.evidence.quote)
    assert fight.place.name == "Basra"


def test_a_reply_naming_the_happening_already_told_is_no_event_of_its_own():
    body = (
        "Islamic State fighters attacked Tal Abyad on Tuesday, killing four guards.\n\n"
        "Turkish officials said the border crossing stayed open.\n\n"
        "The Syrian Democratic Forces said they had repelled the attack.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Tall Abyad"  # GeoNames spells it so
    # told in its own words, with its own place, it is another event
    other = body.replace("repelled the attack.", "repelled an attack on Kobani on Wednesday.")
    assert len(_cands(other)) == 2


def test_a_dated_relative_clause_does_not_type_the_sentence():
    body = "Rebels signed a deal in Daraa on Thursday, where fighting erupted in 2011.\n"
    (c,) = _cands(body)
    assert c.event_type == "strategic_developments"


def test_a_dated_report_with_only_a_place_noun_is_placed_by_it():
    body = (
        "Militants stormed the Baiji refinery on June 18.\n\n"
        "Officials gave no figures.\n\n"
        "On Nov. 18, the column broke through to the refinery.\n"
    )
    relief = next(c for c in _cands(body, date(2015, 10, 17)) if "column" in c.evidence.quote)
    assert relief.place.name == "Baiji refinery" and relief.date.earliest == date(2014, 11, 18)


def test_two_places_after_between_are_two_sides_not_two_scenes():
    body = (
        "Hundreds of Iraqis protested outside the Turkish embassy in Baghdad on Tuesday, as a "
        "bitter row between Baghdad and Ankara escalated.\n"
    )
    assert [c.place.name for c in _cands(body)] == ["Turkish embassy (Baghdad)"]


def test_a_clock_time_after_shortly_after_is_no_other_happening():
    # "shortly after 10:00" dates the blast; it names no earlier happening whose place the
    # station would be
    body = (
        "The explosions went off shortly after 10:00 local time on Saturday outside Ankara's "
        "main railway station.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "main railway station (Ankara)"


def test_a_detail_keeps_the_site_it_names_inside_the_town_of_the_happening():
    body = (
        "Twin bomb blasts at a peace rally in Mosul killed at least 97 people on Saturday. "
        "Of the dead, 40 were killed outside the Turkish consulate in Mosul.\n"
    )
    (c,) = _cands(body)
    assert c.place.name == "Turkish consulate (Mosul)" and "consulate" in c.evidence.quote


def test_a_site_lies_in_its_town_even_when_the_province_has_another_name():
    from timeline.extraction.happening import same_place
    from timeline.extraction.types import PlaceInfo

    consulate = PlaceInfo("Turkish consulate (Mosul)", "Iraq", "Nineveh", within="Mosul")
    mosul = PlaceInfo("Mosul", "Iraq", "Nineveh", kind="city")
    assert same_place(consulate, mosul) and same_place(mosul, consulate)
    assert not same_place(consulate, PlaceInfo("Baiji", "Iraq", "Salahuddin", kind="town"))


def test_the_camp_is_the_camp_last_named_not_another_kind_of_site():
    body = (
        "On Tuesday, hundreds of Iraqis protested outside the Turkish embassy in Baghdad.\n\n"
        "The dispute centres on the Mazroub camp, northeast of Mosul, where Turkish soldiers "
        "train local fighters.\n\n"
        "Turkey first deployed 150 soldiers to the camp on December 4 last year.\n"
    )
    places = [c.place.name for c in _cands(body) if c.place is not None]
    assert places == ["Turkish embassy (Baghdad)", "Mazroub camp"]


def test_where_a_strike_hit_is_its_place_though_a_relative_clause_says_it():
    (c,) = _cands(
        "The strike, which hit a house in Tikrit shortly after 1 a.m. on Tuesday, killed at "
        "least 12 people.\n"
    )
    assert c.event_type == "explosions_remote_violence"
    assert c.place is not None and c.place.name == "Tikrit"


def test_a_relative_clause_about_a_participant_still_places_nothing():
    (c,) = _cands("ISIS fighters on Tuesday ambushed the governor, who was born in Tikrit.\n")
    assert c.place is None


def test_of_two_settlements_the_nearer_to_the_happening_is_its_scene():
    # the gazetteer calls Suruc a city and Kobani a town (by their size); neither is the more
    # precise scene, so the one the happening is told at wins
    (c,) = _cands(
        "A suicide bombing killed 33 activists in the border town of Suruc on Monday, as they "
        "prepared to travel to the Syrian town of Kobane.\n"
    )
    assert c.place is not None and c.place.name == "Suruc"


def test_a_town_a_place_is_outside_of_is_its_reference_point():
    (c,) = _cands("Iraqi troops retreated from al-Hamdaniyah outside Mosul on Tuesday.\n")
    assert c.place is not None and c.place.name == "Al-Hamdaniyah"


def test_a_place_in_a_phrase_put_first_is_the_earlier_happenings():
    cands = _cands(
        "After Baghdad complained to the UN, Turkish troops withdrew from the town on Tuesday.\n"
    )
    assert all(c.place is None or c.place.name != "Baghdad" for c in cands)


def test_a_region_inside_an_actors_name_is_no_scene():
    (c,) = _cands(
        "Hours after the bombing, the Union of Communities in Kurdistan announced on Saturday "
        "that its fighters would halt attacks in Turkey.\n"
    )
    assert c.event_type == "strategic_developments"
    assert c.place is not None and c.place.name == "Turkey"


def test_a_deadline_does_not_date_the_happening():
    (c,) = _cands(
        "The PKK announced a halt to its attacks in Kirkuk ahead of the 1 April election.\n"
    )
    # not 1 April: the week up to publication, as for any undated report
    assert c.date is not None and c.date.latest == PUB
    # and what is halted is no attack the sentence reports
    assert c.event_type == "strategic_developments"


def test_a_bearing_from_an_unnamed_town_does_not_break_a_list_of_scenes():
    cands = _cands(
        "ISIS fighters took the K-1 military base northwest of the city, the nearby Baba Gurgur "
        "oilfield and Kirkuk airport on Monday.\n"
    )
    assert {c.place.name for c in cands} == {"K-1 Air Base", "Baba Gurgur", "Kirkuk airport"}


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # where a weapon was fired from is not where it struck
        (
            "On Sunday the guards fired six missiles from western Iran at ISIS targets in "
            "Syria's Deir ez-Zor province.",
            "Deir ez-Zor Province",
        ),
        # ... nor where a force set out from, where the text says where it got to
        (
            "Troops advancing from the town of Tal Afar reached the outskirts of Mosul on Monday.",
            "Mosul",
        ),
        # what a place is in, named right after it, contains it
        ("On Tuesday, troops captured the town of Qara in the Qalamoun mountains.", "Qarah"),
        # a town a bearing is taken from is the reference point, even for a range
        (
            "In May, Hezbollah launched an offensive in the Qalamoun mountains north of Zabadani.",
            "Qalamoun mountains",
        ),
    ],
)
def test_which_of_the_places_named_is_the_scene(body, place):
    (c,) = _cands(body + "\n")
    assert c.place is not None and c.place.name == place


def _actor1(body: str) -> set[str]:
    (c,) = _cands(body + "\n")
    return {n for n, role in c.actors if role == "actor1"}


@pytest.mark.parametrize(
    ("body", "actor1"),
    [
        # a state's violence is done by its military, as ACLED codes it
        ("U.S. warplanes hit a convoy near Tikrit on Tuesday.", {"US Armed Forces"}),
        ("On Tuesday, Israel shot down a warplane over Quneitra.", {"Israel Defense Forces"}),
        (
            "Turkey deployed 150 soldiers to the camp near Mosul on Tuesday.",
            {"Turkish Armed Forces"},
        ),
        # named only by the demonym and the arms
        (
            "Israeli aircraft struck three positions in Quneitra on Thursday.",
            {"Israel Defense Forces"},
        ),
        (
            "Russian and Syrian warplanes pounded districts of Aleppo on Friday.",
            {"Russian Armed Forces", "Syrian Arab Army"},
        ),
        # the army of the country the event is in
        ("On Tuesday, government forces captured the town of Hit.", {"Iraqi Security Forces"}),
        # not a state's: Kurdish security forces
        ("On Tuesday, Kurdish security forces captured the town of Hit.", set()),
    ],
)
def test_who_did_it_as_event_datasets_code_it(body, actor1):
    assert _actor1(body) == actor1


def test_civilians_are_never_the_first_actor_of_violence():
    (c,) = _cands("On Tuesday, gunmen killed 26 civilians in Tikrit.\n")
    assert ("Civilians", "actor1") not in c.actors


def test_the_militants_are_the_armed_group_the_article_named_most():
    body = (
        "The Islamic State, once an al-Qaeda affiliate, holds the north. Islamic State fighters "
        "seized Mosul in June.\n\n"
        "On Wednesday, the militants stormed Tikrit.\n"
    )
    c = next(c for c in _cands(body) if "Tikrit" in c.evidence.quote)
    assert ("Islamic State", "actor1") in c.actors


def test_the_source_of_a_report_is_not_its_object():
    (c,) = _cands("Counter-terrorism units took the K-1 base on Monday, the Iraqi military said.\n")
    assert ("Iraqi Security Forces", "actor2") not in c.actors


def test_a_state_in_a_persons_title_does_not_act_for_the_person():
    assert _actor1("US Defense Secretary Ashton Carter was in Baghdad on Tuesday.") == {
        "Ashton Carter"
    }


# -- the thirty-fifth session's rules ---------------------------------------------------------


def _place(body: str) -> str | None:
    (c,) = _cands(body)
    return c.place.name if c.place else None


def test_a_place_made_a_side_is_no_scene():
    # "pro-Ankara forces": a capital as the side someone is on
    assert _place("Pro-Ankara forces captured the village of Kharzam on Tuesday.\n") == "Kharzam"
    # "tension between Washington and Tehran": capitals as the parties of a relation
    body = (
        "ISIS fighters attacked a convoy on Tuesday amid tension between Washington and Tehran.\n"
    )
    assert _place(body) is None


def test_where_aircraft_took_off_from_is_not_where_they_struck():
    body = (
        "Jets took off from the Incirlik air base on Friday and struck targets near the "
        "village of Kharzam, officials said.\n"
    )
    (c,) = _cands(body)
    assert (c.event_type, c.place.name) == ("explosions_remote_violence", "Kharzam")


def test_the_lead_is_placed_at_its_dateline_when_it_names_only_that_country():
    body = (
        "BASRA, Iraq (AFP) - Thousands of soldiers launched an offensive before dawn on "
        "Tuesday to wrest control of Iraq's second city from militias.\n"
    )
    assert _place(body) == "Basra"
    # not when the sentence names its scene, if only a country, nor from two cities
    body = "DAMASCUS, Syria (AP) — Israeli warplanes struck sites in Syria early Thursday.\n"
    assert _place(body) == "Syria"
    body = "WASHINGTON/BEIRUT (Reuters) - US warships fired missiles at an air base on Friday.\n"
    assert _place(body) is None
    # nor any sentence after the lead
    body = (
        "BASRA, Iraq (AFP) - Troops launched an offensive in the city on Tuesday.\n\n"
        "ISIS fighters attacked a convoy on Wednesday to show Iraq's government their "
        "strength.\n"
    )
    assert [c.place.name if c.place else None for c in _cands(body)] == ["Basra", None]


def test_a_leader_of_no_force_decides_in_his_country():
    (c,) = _cands("Sadr ordered his militia on Wednesday to freeze its activities.\n")
    assert (c.place.name, c.place_precision) == ("Iraq", "country")


def test_a_province_of_turkey_is_the_province_not_its_capital():
    body = "A helicopter was shot down near the border in Hatay province on Saturday.\n"
    (c,) = _cands(body)
    assert (c.place.name, c.place_precision) == ("Hatay Province", "region")


def test_a_quarter_named_before_district_of_leaves_the_city_after_it():
    body = "Fighting went on in the historic Sur district of Diyarbakir on Monday.\n"
    (c,) = _cands(body)
    assert c.place.name == "Sur (Diyarbakir)"


def test_a_record_s_comparison_point_does_not_date_the_event():
    body = (
        "The overnight air strikes on militant bases in the Kandil mountains were the first "
        "since a truce took hold in 2013.\n"
    )
    (c,) = _cands(body)
    assert c.date.earliest.year == 2018  # around the report, not 2013
    # ... unless the trigger is in the comparison itself: then it runs from that date
    body = (
        "The attack was the deadliest in Iran since June 2017, when gunmen and suicide bombers "
        "attacked the parliament in Tehran, killing 18 people.\n"
    )
    (c,) = _cands(body)
    assert (c.date.earliest, c.place.name) == (date(2017, 6, 1), "Tehran")


def test_a_span_s_start_is_no_narrative_date():
    body = (
        "The PKK has waged an insurgency inside Turkey since 1984.\n\n"
        "Turkish forces advanced slowly through the mountainous countryside of Afrin.\n"
    )
    (c,) = [c for c in _cands(body) if "advanced" in c.evidence.quote]
    assert c.date.earliest.year == 2018


def test_a_place_owning_what_was_struck_is_the_scene():
    (c,) = _cands(
        "On Friday, a Turkish air strike hit Afrin's main hospital, killing 16 civilians.\n"
    )
    assert c.place.name == "Afrin"
    assert ("Turkish Armed Forces", "actor1") in c.actors


def test_a_state_s_initials_before_what_is_its_are_no_scene():
    body = (
        "The prime minister declared three days of mourning on Monday for the victims of the "
        "US strikes.\n"
    )
    (c,) = _cands(body)
    assert c.place is None or c.place.name != "United States"


def test_places_after_a_quote_s_attribution_are_the_speaker_s():
    body = '"Our forces advanced from the north on Saturday," said commander Kamal Hama Rash.\n'
    assert all(c.place is None or c.place.name != "Hamah" for c in _cands(body))


def test_a_capital_a_truce_is_with_or_that_disputes_is_its_government():
    body = "The PKK said on Saturday that its ceasefire with Ankara had ended after air strikes.\n"
    assert all(c.place is None or c.place.name != "Ankara" for c in _cands(body))
    body = (
        "At least 124 civilians have been killed in airstrikes on al-Bab since December, a "
        "figure Ankara disputes.\n"
    )
    assert all(c.place is None or c.place.name != "Ankara" for c in _cands(body))


def test_a_window_up_to_the_report_stays_one_beside_a_recalled_happening():
    # (a clause recalling an earlier happening elsewhere in the article once reset the flag)
    body = (
        "Militants attacked Kirkuk on Monday, in a raid reminiscent of the 2014 assault.\n\n"
        "ISIS also attacked Tal Afar in recent weeks, according to local officials.\n"
    )
    (c,) = [c for c in _cands(body) if c.place and c.place.name == "Tal Afar"]
    assert c.date_basis == "looking back from the report"


def test_where_a_road_leads_is_no_scene_however_it_is_said():
    body = (
        "Pro-Ankara forces captured the town of Kharzam on March 8, cutting all routes except "
        "a road leading south towards the government-held towns of Nubl and Zahraa.\n"
    )
    assert [c.place.name for c in _cands(body)] == ["Kharzam"]


def test_people_sent_out_of_a_country_are_no_battle():
    body = (
        "Two of the detainees, who carried diplomatic passports, were later handed over to "
        "Iraqi authorities in Baghdad on Friday and expelled.\n"
    )
    assert {c.event_type for c in _cands(body)} == {"strategic_developments"}


def test_places_listed_as_the_subject_are_each_a_scene():
    body = "Kirkuk and Tikrit, home to some 60,000 people, have been besieged for three months.\n"
    assert sorted(c.place.name for c in _cands(body)) == ["Kirkuk", "Tikrit"]
    # not a place and the source of a report, nor a dateline
    body = "In Kirkuk, officials said Tikrit had asked last month for air strikes on ISIS.\n"
    assert len(_cands(body)) <= 1


def test_a_named_area_holds_no_town_of_another_country():
    body = (
        "On Oct. 19, militants attacked outposts in the Cukurca district of Hakkari province.\n"
        "The next day, jets pounded positions in the Kharzam area of northern Iraq.\n"
    )
    places = [c.place.name for c in _cands(body) if "next day" in c.evidence.quote]
    assert places == ["Kharzam"]


def test_a_finer_place_before_refines_a_country_only_if_it_lies_in_it():
    body = (
        "On Oct. 19, militants attacked outposts in Kirkuk, killing 24 soldiers. The next day, "
        "jets pounded positions in northern Syria.\n"
    )
    jets = [c for c in _cands(body) if "jets" in c.evidence.quote]
    assert [c.place.name for c in jets] == ["Northern Syria"]
    body = (
        "On Oct. 19, militants attacked outposts in Kirkuk, killing 24 soldiers. The next day, "
        "jets pounded positions in northern Iraq.\n"
    )
    jets = [c for c in _cands(body) if "jets" in c.evidence.quote]
    assert [c.place.name for c in jets] == ["Kirkuk"]


def test_a_town_referred_to_where_the_scene_stands_refines_the_country_named():
    cands = _cands(
        "Rebels captured the town of al-Bab on Thursday after weeks of fighting.\n\n"
        "The rebels said they had lost many men, and commanders complained of slow supplies.\n\n"
        "On Dec. 21, 16 soldiers were killed in attacks around the town, the army's deadliest "
        "day in Syria.\n\n"
        # (not a noun naming whose: "the town's mayor" is no scene)
        "On Dec. 22, the town's mayor was arrested in Syria.\n"
    )
    places = {c.date.earliest.day: c.place.name for c in cands if c.place is not None}
    assert places[21] == "Al Bab" and places[22] == "Syria"


def test_hours_after_a_happening_told_is_its_day_whatever_the_narrative_moved_to():
    cands = _cands(
        "A suicide bomber killed 32 people in the border town of Suruc on July 20.\n\n"
        "More than 100 people were wounded, and 29 remained in intensive care on Tuesday, July "
        "21, officials said.\n\n"
        "Hours after the Suruc blast, a suicide car bomber struck a checkpoint south of Kobani, "
        "killing two fighters.\n",
        published=date(2015, 7, 22),
    )
    (kobani,) = [c for c in cands if c.place is not None and c.place.name == "Kobani"]
    assert (kobani.date.earliest, kobani.date.latest) == (date(2015, 7, 20), date(2015, 7, 20))


def test_days_after_a_named_happening_count_from_its_day():
    cands = _cands(
        "Militants overran Mosul on June 10.\n\n"
        "The army collapsed across the north on Wednesday, June 11.\n\n"
        "Three days after the fall of Mosul, the cleric issued a fatwa in Karbala calling on "
        "Iraqis to take up arms.\n\n"
        # a happening the text has not told gives no day to count from
        "A day after the Suruc attack, police arrested five men in Ankara.\n",
        published=date(2014, 6, 20),
    )
    by_place = {c.place.name: c for c in cands if c.place is not None}
    assert by_place["Karbala"].date.earliest == date(2014, 6, 13)
    assert by_place["Ankara"].date_basis != "counted from the happening it follows"
