"""Event typing, fatalities and actor roles on single sentences."""

from __future__ import annotations

import pytest

from timeline.extraction import events
from timeline.extraction.events import assign_roles, fatalities, find_trigger, parse_number
from timeline.extraction.gazetteer import find_actors


def test_event_type_values_match_the_model():
    from timeline.models import EventType

    assert set(events.EVENT_TYPES) == set(EventType.values)


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("ISIS launched attacks that killed 12 Iraqi soldiers near Haditha.", 12),
        ("At least 28 people were killed in two bombings at a mosque.", 28),
        ("They shot dead at least 232 people on Wednesday, including 190 former troops.", 232),
        ("15 civilians and 35 militia fighters were also killed.", 50),
        ("The counterattack left 20 soldiers dead, officials said.", 20),
        ("Gunmen killed twenty-five villagers in the night.", 25),
        ("Three soldiers were killed when their patrol was ambushed.", 3),
        ("A dozen people were killed.", 12),
        ("The war cost 603 dead Americans.", 603),
        ("The death toll rose to 41 on Monday.", 41),
        ("Gunmen shot dead a local council member in the city.", 1),
        ("A soldier was killed when the patrol came under fire.", 1),
        ("A roadside bomb killed a police officer and two civilians.", 3),
        ("A member of parliament was wounded.", None),
        ("Gunmen fired on the bus, killing all 23 people on board.", 23),
        ("Dozens of people were killed.", None),
        ("Many people were killed in the fighting.", None),
        ("Troops captured four villages.", None),
        # the thirty-fourth session
        ("A suicide bombing killed 33 young activists in the town.", 33),
        ("The strike killed at least 40 people, 12 of them children.", 40),
        ("The bombers killed 120 soldiers and 30 policemen.", 150),
        ("At least 20 civilians, including four children, were killed on Monday.", 20),
        ("Militants massacred as many as 800 cadets.", 800),
        ("A bomb killed former Interior Minister Adnan Kareem and three others.", 4),
        ("Gunmen shot dead television reporter Sara Haddad in the street.", 1),
        ("Ahmed Salim was killed by a roadside bomb.", 1),
        ("He was killed by a roadside bomb.", None),
        ("ISIS killed Iraqi soldiers near the town.", None),
        ("Airstrikes killed Islamic State fighters.", None),
    ],
)
def test_fatalities(sentence, count):
    assert fatalities(sentence) == count


@pytest.mark.parametrize(
    ("words", "n"),
    [("12", 12), ("1,500", 1500), ("twenty-five", 25), ("a dozen", 12), ("two hundred", 200)],
)
def test_parse_number(words, n):
    assert parse_number(words) == n


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Warplanes carried out airstrikes on the town.", "explosions_remote_violence"),
        ("A suicide bomber blew himself up at a checkpoint.", "explosions_remote_violence"),
        ("Militants shelled the village overnight.", "explosions_remote_violence"),
        ("ISIS fighters overran the district in a surprise attack.", "battles"),
        ("Government troops clashed with rebels outside the city.", "battles"),
        ("Kurdish forces recaptured four villages.", "battles"),
        ("Gunmen executed 15 prisoners.", "violence_against_civilians"),
        ("Militiamen killed ten civilians in the market.", "violence_against_civilians"),
        ("Thousands protested in the capital on Friday.", "protests"),
        ("Demonstrators rallied outside the embassy.", "protests"),
        ("Supporters of the cleric stormed the parliament building.", "riots"),
        ("Rioters torched shops in the city centre.", "riots"),
        (
            "Masked gunmen stormed two television stations, beating staff.",
            "violence_against_civilians",
        ),
        (
            "Police arrested a commander accused of ordering snipers to fire on demonstrators.",
            "strategic_developments",
        ),
        ("Police arrested the governor on Monday.", "strategic_developments"),
        ("The army withdrew from the town.", "strategic_developments"),
        # the weapon as the subject: ACLED codes these as remote violence, not battles
        ("A roadside bomb killed four soldiers near the town.", "explosions_remote_violence"),
        ("Three rockets struck the air base on Tuesday.", "explosions_remote_violence"),
        ("Two mortar shells fell on the market.", "explosions_remote_violence"),
        ("Two rockets fired from Syria hit the town on Thursday.", "explosions_remote_violence"),
        (
            "Iran fired more than a dozen ballistic missiles at two bases.",
            "explosions_remote_violence",
        ),
        ("Militants threw a grenade at a police patrol.", "explosions_remote_violence"),
        ("A shepherd stepped on a landmine near the border.", "explosions_remote_violence"),
        # a commander's presence somewhere is a development the timeline follows
        ("The Quds Force commander arrived in Baghdad on Thursday.", "strategic_developments"),
        ("The general appeared at the front near the city.", "strategic_developments"),
        (
            "A drone strike near the airport early Friday killed the commander.",
            "explosions_remote_violence",
        ),
    ],
)
def test_event_types(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("U.S. F-15E jets on Sunday struck five facilities.", "explosions_remote_violence"),
        ("Warplanes overnight pounded the town.", "explosions_remote_violence"),
        (
            "A delegation travelled on Saturday to the Iranian city of Qom.",
            "strategic_developments",
        ),
        ("The commander toured Amerli on Sunday.", "strategic_developments"),
        ("About 3,000 fighters arrived at the Habbaniyah base.", "strategic_developments"),
    ],
)
def test_journeys_and_strikes_with_a_day_between(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


@pytest.mark.parametrize(
    "sentence",
    [
        "The capture of the town would cut off supply lines.",
        "Officials said the militia will attack soon.",
        "Yet war with Iran didn't break out.",
        "Analysts discussed the economy.",
        "The minister struck a deal with the militia.",
        "A stampede at the funeral killed 56 people.",
        "Three pilgrims were killed in a bus crash near the shrine.",
        # a habit, not a happening
        "Rockets fired from Syria have also repeatedly hit the town of Hermel.",
        "Militias regularly attacked convoys on the road.",
    ],
)
def test_no_event_in_hypothetical_or_plain_sentences(sentence):
    trigger = find_trigger(sentence)
    assert trigger is None


def _roles(sentence: str) -> dict[str, str]:
    trigger = find_trigger(sentence)
    assert trigger is not None
    return dict(assign_roles(sentence, trigger, find_actors(sentence)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ISIS fighters attacked Iraqi soldiers near Haditha.",
            {"Islamic State": "actor1", "Iraqi Security Forces": "actor2"},
        ),
        (
            "Ramadi was captured by ISIS in May.",
            {"Islamic State": "actor1"},
        ),
        (
            "The Iraqi Army, supported by Kurdish Peshmerga forces, captured four villages "
            "from ISIS.",
            {"Iraqi Army": "actor1", "Peshmerga": "associated", "Islamic State": "actor2"},
        ),
        (
            "According to the Pentagon, Hezbollah fighters attacked the SDF.",
            {
                "US Department of Defense": "mentioned",
                "Hezbollah": "actor1",
                "Syrian Democratic Forces": "actor2",
            },
        ),
    ],
)
def test_roles_by_position(sentence, expected):
    assert _roles(sentence) == expected


def test_a_clause_about_an_earlier_happening_does_not_type_the_sentence():
    sentence = (
        "Turkey launched a ground offensive on Sunday, a day after its jets pounded dozens of"
        " targets in the enclave."
    )
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == "battles"
    assert trigger.text == "offensive"


def test_support_named_in_a_backed_by_phrase_does_not_type_the_sentence():
    sentence = "Special forces backed by coalition airstrikes pushed into the Old City on Sunday."
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == "battles"


@pytest.mark.parametrize(
    "sentence",
    [
        # a witness's or an official's words are often the only report of a happening
        "“They attacked us at dawn,” a villager said.",
        "“We have information that ISIS use civilians as human shields,” an officer said.",
    ],
)
def test_quoted_words_can_report_a_happening(sentence):
    assert find_trigger(sentence) is not None


def test_weapons_carried_do_not_type_the_fight():
    trigger = find_trigger("Gunmen armed with grenades and mortars fought the army for six days.")
    assert trigger is not None and trigger.event_type == "battles"


def test_a_crowd_breaking_in_is_a_riot_with_no_other_event_word():
    trigger = find_trigger("Supporters of a militia broke into the embassy compound on Tuesday.")
    assert trigger is not None and trigger.event_type == "riots"


def test_taking_a_named_place_is_a_battle():
    trigger = find_trigger("Counter-terrorism forces took the K-1 military base on Monday.")
    assert trigger is not None and trigger.event_type == "battles"
    assert find_trigger("He took part in the talks.") is None
    trigger = find_trigger("The coalition went on to take the strategic town of Jisr al-Shughour.")
    assert trigger is not None and trigger.event_type == "battles"
    assert find_trigger("It will take the government years to rebuild.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "On Feb. 4, Russia and China vetoed a U.N. Security Council resolution.",
        "The Iraqi parliament voted to dismiss Kirkuk's governor on September 14.",
        "The Security Council adopted a resolution on March 6 condemning the attack.",
        "On Feb. 26, Assad held a referendum on a new constitution.",
        "Western and Arab foreign ministers met in Tunis on Feb. 24.",
    ],
)
def test_votes_vetoes_referendums_and_meetings_somewhere_are_developments(sentence):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == "strategic_developments"


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        (
            "Russian warplanes carried out heavy strikes on militant positions.",
            "explosions_remote_violence",
        ),
        ("Warplanes also hit PKK positions on Sunday.", "explosions_remote_violence"),
        ("Jets conducted raids on the outskirts of the town.", "explosions_remote_violence"),
        ("YPG fighters and Turkish troops exchanged artillery and machine-gun fire.", "battles"),
        ("Kurdish fighters drove the jihadists out of Kobane in January.", "battles"),
        # the weapon, where it came from, then where it came down
        (
            "Two rockets fired from the hills east of Beirut struck the southern suburbs.",
            "explosions_remote_violence",
        ),
    ],
)
def test_strikes_carried_out_fire_exchanged_and_a_side_driven_out(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


def test_meeting_someone_is_not_meeting_somewhere():
    # "met" alone names no happening at a place ("met the demand", "met resistance")
    assert find_trigger("The plan met stiff resistance from the council.") is None


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("On Nov. 18, the column broke through to the refinery.", "battles"),
        ("Troops lifted the five-month siege of the town.", "battles"),
        ("The agreement, reached on Saturday, allows troops in.", "strategic_developments"),
    ],
)
def test_sieges_broken_and_agreements_reached(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        (
            "Kurdish forces took full control of Kirkuk after Iraqi army units abandoned "
            "their posts.",
            "strategic_developments",
        ),
        ("Rebels entered the town without a fight on Monday.", "strategic_developments"),
        ("Kurdish forces took full control of Kirkuk after heavy clashes.", "battles"),
    ],
)
def test_territory_taken_without_fighting_is_a_strategic_development(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


def test_shooting_down_an_aircraft_is_remote_violence():
    trigger = find_trigger("A U.S. fighter jet shot down an Iranian-made drone on Thursday.")
    assert trigger is not None and trigger.event_type == "explosions_remote_violence"


def test_a_sentences_cues_are_read_within_reach_of_the_trigger():
    # an opinion word in the clause before the trigger makes it no report ...
    near = "Officials hope that militants killed the commander."
    start = near.index("killed")
    assert not events.is_reported(near, start, start + len("killed"))
    # ... but one more than 400 characters back in a run-on "sentence" without stops (a
    # scraped list) is not this trigger's clause: each trigger reads only its reach, so such a
    # text is read in linear time (benchmarks/extraction_worst_case.py)
    far = "Officials hope " + "and the list went on " * 25 + "militants killed the commander."
    start = far.index("killed")
    assert events.is_reported(far, start, start + len("killed"))


@pytest.mark.parametrize(
    "text",
    [
        "On May 26, two rockets slammed into a building in Beirut.",
        "On 26 May, two rockets slammed into a building in Beirut.",
    ],
)
def test_the_month_may_is_not_the_modal(text):
    trigger = find_trigger(text)
    assert trigger is not None and trigger.text == "rockets slammed into"


def test_the_modal_may_still_makes_a_trigger_hypothetical():
    assert find_trigger("Officials said rockets may strike the base.") is None
