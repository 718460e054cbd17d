"""Event types as ACLED's codebook and the curators' policy give them (the thirty-fourth
session's rules): the weapon decides remote violence, the launch of an operation and an
arrest are strategic developments, a crowd's fight is a riot, an armed group's arson is not."""

from __future__ import annotations

import pytest

from timeline.extraction.events import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VAC,
    find_trigger,
)


def _type(sentence: str) -> str | None:
    trigger = find_trigger(sentence)
    return trigger.event_type if trigger else None


@pytest.mark.parametrize(
    "sentence",
    [
        # the weapon is the subject of the harm, however far its place stretches it
        "A car bomb near the central bus station in Kirkuk killed nine people on Friday.",
        "Two truck bombs outside a police headquarters in the southern city of Nasiriyah "
        "killed 23 people.",
        "An air strike on a crowded market in Douma, a town east of Damascus, killed 15 civilians.",
        "Another suicide car bomb, at a checkpoint on the edge of the city, killed six "
        "soldiers on Monday.",
        # ... or the harm names it
        "The commander was killed by a roadside bomb on the road to the airport.",
        "The group killed 40 worshippers in a suicide bombing at a mosque in Zahedan.",
        "Four soldiers were killed and seven wounded when a Turkish jet struck their post.",
        # aircraft as the subject of an attack
        "Israeli jets attacked a weapons convoy near the border on Wednesday.",
        "Army helicopters dropped at least a dozen barrel bombs on the town.",
        "Government aircraft carried out at least 30 air raids on the province.",
        "Insurgents blew up a bridge on the main highway.",
        # ACLED counts a chemical weapon's use as remote violence
        "A chlorine gas attack on the district killed 12 people.",
    ],
)
def test_the_weapon_makes_remote_violence(sentence):
    assert _type(sentence) == EXPLOSIONS


def test_a_weapon_someone_attacked_with_does_not_take_another_clauses_harm():
    sentence = (
        "Militants attacked the outpost with rockets and mortar rounds, and the army said its "
        "troops killed 12 of them."
    )
    assert _type(sentence) == BATTLES


@pytest.mark.parametrize(
    "sentence",
    [
        "The army launched an offensive on the town on Sunday.",
        "The operation, dubbed Northern Shield, was launched on Friday from two directions.",
        "The push into the old city began on Tuesday, when troops crossed the river.",
        "Government forces launched the assault on 4 May, backed by warplanes pounding rebel "
        "positions.",
        "In May, the militia launched an offensive in the mountains to push rebels back from "
        "the border.",
        "The 1st Division launched Operation Iron Gate on Saturday, moving into the farmland "
        "south of the capital.",
    ],
)
def test_the_launch_of_an_operation_is_a_strategic_development(sentence):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == STRATEGIC
    # the verb is the trigger, not the operation's name between (which may read as a date)
    assert trigger.text.lower() in {"launched", "began"}


@pytest.mark.parametrize(
    "sentence",
    [
        # the fighting it brought is reported with it: a battle
        "The militants launched their offensive on Monday, overrunning a dozen villages.",
        "Troops launched a counterattack on Sunday and pushed the militants back.",
        "The army's campaign began in March, when troops captured the town of Qaryatain.",
        "The fighters launched an assault on the base, breaking into its northern section.",
        # plural: the attacks themselves
        "The militants launched counterattacks in three provinces and seized two towns.",
    ],
)
def test_a_launch_with_fighting_reported_is_a_battle(sentence):
    assert _type(sentence) == BATTLES


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the offensive will be launched within days.",
        "Analysts expect the army to launch an offensive on the city.",
        "Preparations for the offensive began after the bombing.",
    ],
)
def test_no_launch_in_a_plan_or_in_anothers_matter(sentence):
    assert _type(sentence) != STRATEGIC or "launch" not in (find_trigger(sentence).text or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Special forces captured Abu Omar al-Baghdadi, a senior commander of the group, in Mosul.",
        "U.S. troops seized three Iranians in Erbil on Thursday.",
        "Soldiers stormed a house in the village and detained four of its occupants' sons.",
        "Police raided the office and arrested five of its staff.",
    ],
)
def test_an_arrest_is_a_strategic_development(sentence):
    assert _type(sentence) == STRATEGIC


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops captured the town of Hit after fierce clashes.",
        "Rebels stormed the prison, killed two guards and seized 40 prisoners.",
    ],
)
def test_a_capture_in_a_fight_stays_a_battle(sentence):
    assert _type(sentence) == BATTLES


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Clashes between rival students spilled into the streets on Tuesday.", RIOTS),
        ("Three people were killed in clashes between police and protesters.", RIOTS),
        ("Hundreds of looters stripped the abandoned base of its wiring.", RIOTS),
        ("Supporters of the two parties hurled stones at each other.", RIOTS),
        # an armed group's arson is the destruction of property, not a riot
        ("Gunmen set fire to the offices of the party in the capital.", STRATEGIC),
        ("Militiamen torched the headquarters of the rival faction.", STRATEGIC),
        ("Rioters torched shops in the city centre.", RIOTS),
    ],
)
def test_a_riot_needs_a_crowd(sentence, expected):
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed a television correspondent and her cameraman in the city.", VAC),
        ("Three gunmen opened fire on a crowd of onlookers at the parade.", VAC),
        ("Gunmen seized 12 detainees from the jail and shot them by the roadside.", VAC),
        # deaths of a fight are a battle's, whoever died
        ("The order followed clashes in the city that killed more than 50 people.", BATTLES),
    ],
)
def test_violence_against_civilians(sentence, expected):
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the phrase put first is the other happening; the news follows its comma
        ("Minutes after the blasts, police fired tear gas at crowds near the station.", PROTESTS),
        ("Hours after the bombing, the group announced a halt to its attacks.", STRATEGIC),
        # a spell of earlier violence explains the taking
        ("Government forces captured the town on Tuesday after days of heavy shelling.", BATTLES),
        ("Troops retook the district after a series of car bomb attacks.", BATTLES),
        # what is halted is the matter of an agreement
        ("The government agreed on Saturday to halt airstrikes for 48 hours.", STRATEGIC),
        ("The two sides agreed to a truce to end weeks of fighting in the district.", STRATEGIC),
        ("Later, the country agreed to let U.S. warplanes use the air base.", STRATEGIC),
        ("Soldiers raised the national flag over the governor's office.", STRATEGIC),
        ("U.S. forces disarmed the fighters at the camp in 2003.", STRATEGIC),
        # what someone is said to have done is the allegation, not the news
        ("Agents arrested the man for allegedly driving a car bomb into the square.", STRATEGIC),
        ("The two diplomats were expelled to Iran on Monday.", None),
        ("Troops began storming the district on Wednesday.", BATTLES),
        # a past perfect in a relative clause describes the thing by an earlier happening
        (
            "Army units began deploying across the district as the militias handed over "
            "positions they had captured.",
            STRATEGIC,
        ),
        ("The army deployed to areas which the rebels had overrun.", STRATEGIC),
        # ... not where it is what the sentence says happened
        ("Officials said they had captured the town.", BATTLES),
        ("Last week they had captured the town and deployed troops there.", BATTLES),
    ],
)
def test_what_the_sentence_reports(sentence, expected):
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "They agreed to support the government in return for fair treatment.",
        "Gunmen pulled out 20 people from their cars at a fake checkpoint.",
        # passives that say how things were, not what someone did
        "The video shows a woman falling to the ground, surrounded by children.",
        "Hosted by the Pacific Fleet, the exercise was led by an admiral.",
        "Reports said the explosives were transferred by sea via the islands.",
    ],
)
def test_no_development_in_a_pledge_or_in_pulling_people_out(sentence):
    assert _type(sentence) is None


def test_may_is_the_month_after_in():
    assert _type("In May, rockets struck the base near the airport.") == EXPLOSIONS
    assert _type("Officials said rockets may strike the base.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Suicide truck bombers struck the barracks, killing 40 soldiers.", EXPLOSIONS),
        ("Shells struck two camps housing refugees on Saturday night.", EXPLOSIONS),
        ("Another strike on Sunday hit an arms depot near the border.", EXPLOSIONS),
        ("The military said its jets had struck shelters in the mountains.", EXPLOSIONS),
        ("Coalition aircraft destroyed three armed trucks near the base.", EXPLOSIONS),
        ("The guards responded by firing four missiles at the camp.", EXPLOSIONS),
        ("Militia fighters helped the army retake the town in June.", BATTLES),
        ("The militia spearheaded the capture of the border town.", BATTLES),
        ("Kurdish fighters drove the last Islamic State (IS) militants out of the town.", BATTLES),
        ("The rebels completed the encirclement of the city on Friday.", BATTLES),
        ("On Sunday, thousands more gathered in the main square for a memorial.", PROTESTS),
        ("A general strike shut down the capital on Wednesday.", PROTESTS),
        ("The general took command of the forces in Baghdad on February 10.", STRATEGIC),
        ("The president hosted the prime minister at the White House.", STRATEGIC),
        ("The two leaders held their first formal talks in a year.", STRATEGIC),
        ("Russia brokered a deal in Geneva under which the stockpile was destroyed.", STRATEGIC),
        ("The cleric's office issued a nine-point statement on Sunday.", STRATEGIC),
        ("The ministry said it had foiled a plot to bomb the capital.", STRATEGIC),
        ("Gunmen had surrounded the leader's residence by midday.", STRATEGIC),
        ("The province was handed to Iraqi control in April.", STRATEGIC),
        ("The council held an emergency meeting in Baghdad on Monday.", STRATEGIC),
        ("The council voted the same day to ask for their help.", STRATEGIC),
        ("Parliament accepted his resignation on December 1.", STRATEGIC),
        ("Fighters bulldozed the ruins of the ancient city.", STRATEGIC),
        # the police named for the riots they are equipped for are no riot
        ("Riot police blocked a group of mourners from the station.", None),
        ("Planes dropped food, water and medical supplies to the besieged town.", STRATEGIC),
        ("The prime minister walked through the centre of the town on Wednesday.", STRATEGIC),
        ("Agencies published photographs showing General Suleimani at the front.", STRATEGIC),
        ("The secretary formally ended the military mission at a ceremony.", STRATEGIC),
        ("The secretary met his Russian counterpart on the sidelines of the summit.", STRATEGIC),
        ("The last convoy of soldiers rolled across the border at dawn.", STRATEGIC),
        ("The group declared three days of mourning.", STRATEGIC),
        # what a video shows is not itself a happening
        ("Video posted online showed rescuers pulling bodies from the rubble.", None),
    ],
)
def test_more_ways_of_reporting(sentence, expected):
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # decisions of a state or a leader (the thirty-fifth session's triggers)
        ("The president authorized airstrikes against the militants on Thursday.", STRATEGIC),
        ("The prime minister flew into Basra on Monday with his ministers.", STRATEGIC),
        (
            "On Wednesday, the governor gave the gunmen 72 hours to hand over their weapons.",
            STRATEGIC,
        ),
        ("The cleric issued a fatwa on Friday calling on Iraqis to take up arms.", STRATEGIC),
        ("The prime minister issued a decree in February on the force's status.", STRATEGIC),
        ("Parliament on Saturday passed a law making the force a state body.", STRATEGIC),
        (
            'On Jan. 26, the commander declared the province "liberated" from the militants.',
            STRATEGIC,
        ),
        ("Parliament approved Mohammed Kharzam as interior minister on Saturday.", STRATEGIC),
        ("Authorities imposed round-the-clock curfews on two towns on Sunday.", STRATEGIC),
        (
            "British troops handed security control of the province to Iraqi forces in December.",
            STRATEGIC,
        ),
        ("Some 785 relatives of fighters escaped from a displacement camp on Sunday.", STRATEGIC),
        # the strikes, begun or suffered, are the strikes
        ("Coalition warplanes began striking militant positions on September 27.", EXPLOSIONS),
        (
            "Special forces near the town came under artillery fire from Turkish positions.",
            EXPLOSIONS,
        ),
        ("A patrol came under fire near the checkpoint on Monday.", BATTLES),
        (
            "Jets took off from the air base and struck targets near the border on Friday.",
            EXPLOSIONS,
        ),
        # a launch reported with the territory it took is the fighting
        (
            "The militants launched their offensive in mid-September, sweeping through dozens "
            "of villages.",
            BATTLES,
        ),
        (
            "The operation began on Aug. 24 when tanks crossed the border and took the town of "
            "Jarablus.",
            BATTLES,
        ),
        # a crowd's stones, and an angry crowd forcing its way in
        ("Police fired tear gas at hundreds of stone-throwing youths on Thursday.", RIOTS),
        ("Thousands of angry Iraqis stormed the embassy compound on Tuesday.", RIOTS),
        # what a place had served for describes it
        (
            "Troops recaptured the town on Saturday, driving the militants from an area that had "
            "been used to launch attacks on pilgrims.",
            BATTLES,
        ),
    ],
)
def test_the_thirty_fifth_sessions_triggers(sentence, expected):
    assert _type(sentence) == expected


def test_an_attack_only_authorised_is_no_attack():
    # the strikes a decision allows are its matter, not the news (and "authorized" alone, with
    # no strike, remains what it was)
    assert _type("The president authorized airstrikes on Aug. 7.") == STRATEGIC
    assert _type("The jets carried out airstrikes on Aug. 7.") == EXPLOSIONS


@pytest.mark.parametrize(
    "sentence",
    [
        # forces arriving as allies are a deployment, not a fight
        "A group of 50 rebel fighters entered the town through the same crossing on Wednesday.",
        "On February 20, militiamen entered the Afrin region at the invitation of the Kurdish "
        "forces.",
        "Government troops entered the town on Monday, hours after the Kurds announced a deal "
        "with Damascus.",
        "A contingent of 150 fighters crossed into the besieged town on Friday, bringing "
        "artillery to help its defenders hold out.",
    ],
)
def test_allies_arriving_are_a_deployment(sentence):
    assert _type(sentence) == STRATEGIC


def test_troops_entering_with_no_ally_s_welcome_still_fight():
    assert _type("Government troops entered the town on Monday after heavy fighting.") == BATTLES


def test_the_time_of_day_licenses_an_event_noun():
    assert (
        _type("The overnight air strikes on the bases were the first in two years.") == EXPLOSIONS
    )


def test_a_capture_named_as_a_noun_is_reported_with_a_verb_that_makes_it_happen():
    assert _type("The militias played a key role in the recapture of the city.") == BATTLES
    # not commentary on a role, nor a capture that would follow
    assert _type("The Kurds' role in the battle of the city has run into trouble.") is None
    assert _type("The capture of the town would cut off the city.") is None


def test_a_resignation_submitted_is_a_development():
    assert _type("The prime minister submitted his resignation after weeks of protests.") == (
        STRATEGIC
    )
