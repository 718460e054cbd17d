"""Report or mention? Tense, aspect, modality and clause rules of news English.

Every sentence here is invented for the test; none comes from the seed articles. Each case
pins one rule of ``events.is_reported`` / ``events.tense_of`` / ``find_trigger``.
"""

from __future__ import annotations

import pytest

from timeline.extraction.events import backdrop_start, find_trigger, is_reported, tense_of


def _reported(sentence: str, word: str, timex: tuple[str, ...] = ()) -> bool:
    start = sentence.index(word)
    spans = [(sentence.index(t), sentence.index(t) + len(t)) for t in timex]
    return is_reported(sentence, start, start + len(word), spans)


@pytest.mark.parametrize(
    ("sentence", "word", "timex", "expected"),
    [
        # An event noun needs a verb that makes it happen …
        ("Rebels launched an offensive on the northern districts.", "offensive", (), True),
        ("Two villagers were killed in a bombing at the market.", "bombing", (), True),
        ("Fierce fighting raged around the airport.", "fighting", (), True),
        # … or its own finite verb after it …
        ("The offensive began at dawn with heavy shelling.", "offensive", (), True),
        ("The battle for the port is intensifying.", "battle", (), True),
        # … or its own date ("the withdrawal in 2012", "Monday's attack").
        ("Since the army's withdrawal from the town in 2012, crime rose.", "withdrawal",
         ("2012",), True),
        ("Monday's attack shocked the town.", "attack", ("Monday",), True),
        # Otherwise it only names the event in passing.
        ("Analysts wrote a book about the battle for the port.", "battle", (), False),
        ("The rebel offensive in the north and its failure dominate the news.", "offensive",
         (), False),
        ("That ambush marked the third attack on the convoy route.", "attack", (), False),
    ],
)  # fmt: skip
def test_event_nouns_need_a_verb_or_a_date(sentence, word, timex, expected):
    assert _reported(sentence, word, timex) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militiamen fighting to hold the bridge waved flags.", False),  # reduced relative
        ("Volunteers fighting in the south asked for food.", False),
        ("Government troops are fighting rebels in the hills.", True),  # progressive
        ("The rebels were fighting for control of the dam when night fell.", True),
    ],
)
def test_participles_describe_progressives_report(sentence, expected):
    assert _reported(sentence, "fighting") is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials predicted that retaking the valley would take months of fighting.",
        "Residents fear the militia attacked the wrong village.",
        "If the talks fail, rebels attacked before and may do so again.",
        "A spokesman said the brigade was set to attack the town.",
        "The army could never really defeat the insurgents in the marshes.",
        "The convoy wasn't attacked, officials insisted.",
        "With the rebels driven out of the valley, farmers returned.",
        "Few believe the “liberated” districts are safe.",
        "Troops were pinned down, recalling a previous ambush in the same pass.",
    ],
)
def test_opinion_condition_modal_absolute_scare_quote_and_backdrop_are_not_reports(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "word", "expected", "timex"),
    [
        # An adjective that puts the happening in doubt or in the future …
        ("The envoy spoke of a possible massacre on Monday.", "massacre", False, ("Monday",)),
        ("Aid groups braced for the looming offensive in March.", "offensive", False, ("March",)),
        ("Officers described the planned heavy shelling of the ridge.", "shelling", False, ()),
        # … and a verb of another clause, after "if" or "before", do not license the noun.
        ("Residents spoke of a massacre if the town fell.", "massacre", False, ()),
        ("Elders recalled the ambush before the convoy arrived.", "ambush", False, ()),
        # Without them the same nouns still report.
        ("The envoy spoke of a massacre on Monday.", "massacre", True, ("Monday",)),
        ("Residents spoke of a massacre that killed 30 farmers.", "massacre", True, ()),
        ("Officers described the heavy shelling of the ridge.", "shelling", True, ()),
        ("The ambush on the ridge left 12 soldiers wounded.", "ambush", True, ()),
    ],
)  # fmt: skip
def test_a_possible_or_conditional_happening_is_not_reported(sentence, word, expected, timex):
    assert _reported(sentence, word, timex) is expected


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("Army units are attacking the old town.", "attacking", "present"),
        ("Rebels have captured two villages.", "captured", "present"),
        ("The battle for the port is intensifying.", "battle", "present"),
        ("Rebels captured two villages on Monday.", "captured", "past"),
        ("The rebels had captured the village before the truce.", "captured", "past perfect"),
    ],
)
def test_tense_of_the_reporting_clause(sentence, word, tense):
    start = sentence.index(word)
    assert tense_of(sentence, start, start + len(word)) == tense


def test_backdrop_clause_starts_at_its_marker():
    s = "The brigade retreated on Monday, recalling a previous defeat in May 2014."
    assert backdrop_start(s) == s.index("recalling")
    assert backdrop_start("The brigade retreated on Monday.") is None


def test_free_adjunct_participle_reports_with_its_clause():
    s = "The government made a show of strength, dispatching two warships to the gulf."
    trigger = find_trigger(s)
    assert trigger is not None and trigger.event_type == "strategic_developments"


@pytest.mark.parametrize(
    "sentence",
    [
        "The foreign minister visited the capital last week.",
        "During his visit to the capital on Monday, the minister met with the president.",
        "The general was appointed as commander of the northern front.",
        "Engineers set up a new command center outside the city.",
        "The ministry sent 500 troops to the border town.",
        "The cleric formed a new party with his followers.",
        "The headquarters they established in the port now coordinates the campaign.",
        "The ambassador resigned on Friday.",
    ],
)
def test_strategic_developments_without_fighting(sentence):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == "strategic_developments"


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Warplanes are pounding rebel positions in the hills.", "explosions_remote_violence"),
        ("The army's invasion of the enclave began on Sunday.", "battles"),
    ],
)
def test_more_violent_triggers(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == etype


@pytest.mark.parametrize(
    ("sentence", "word", "timex", "expected"),
    [
        ("Troops tried in vain to retake the bridge.", "retake", (), False),  # infinitive
        ("The towns lay open to militant assaults last week.", "assaults", ("last week",), True),
        ("A shell landed next to the station and militants stormed it.", "stormed", (), True),
    ],
)
def test_to_is_irrealis_only_as_an_infinitive(sentence, word, timex, expected):
    assert _reported(sentence, word, timex) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The defence minister was in Kabul on Tuesday to meet commanders.", True),
        ("Their presence was in breach of the accord.", False),
        ("The general is in Kabul.", False),
    ],
)
def test_presence_in_a_named_place_is_a_development(sentence, expected):
    trigger = find_trigger(sentence)
    found = trigger is not None and trigger.event_type == "strategic_developments"
    assert found is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The threat was also said to include rockets deployed near the border.",
        "The convoy belonged to militias, which were fighting for the government.",
    ],
)
def test_hearsay_and_background_relatives_are_not_reports(sentence):
    assert find_trigger(sentence) is None


def test_a_continuative_relative_still_reports():
    trigger = find_trigger("Rebels fired a rocket, which exploded near the station.")
    assert trigger is not None and trigger.event_type == "explosions_remote_violence"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Food ran short in the besieged city.", None),  # adjective
        ("Few people returned to the liberated towns.", None),
        ("Militias that captured the town looted it.", "battles"),  # relative "that": a verb
        ("The general was spotted near the front line on Sunday.", "strategic_developments"),
    ],
)
def test_participle_after_a_determiner_is_an_adjective(sentence, expected):
    trigger = find_trigger(sentence)
    assert (trigger.event_type if trigger else None) == expected


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # ACLED's non-violent developments, one per sub-event type the lexicon lacked
        ("Peace talks between the two sides got under way in the capital on Thursday.", None),
        ("The government resumed negotiations with the rebels on Monday.", None),
        ("The tribe's leaders pledged allegiance to the group last week.", None),
        ("The brigade was disbanded on Sunday.", None),
        ("Police defused two bombs near the market on Friday.", None),
        ("Air defences intercepted three rockets over the city on Tuesday.", None),
        ("Militants demolished the shrine on Saturday.", None),
        ("Washington designated the militia as a terrorist organisation in July.", None),
        ("The ministry closed its airspace to civilian flights on Monday.", None),
        ("The airline suspended flights to the city last week.", None),
        ("The rebels released 20 prisoners on Wednesday.", None),
        ("The two sides exchanged prisoners at the crossing on Friday.", None),
        ("Ankara recalled its ambassador on Monday.", None),
        ("The cleric extended the freeze for six more months on Friday.", None),
        ("The council postponed the vote on Sunday.", None),
        ("About 100 Marines were flown in from the base on Tuesday.", None),
        ("The new prime minister was sworn in on Saturday.", None),
        # a front moving up to a place is a battle
        ("Troops reached the outskirts of the town on Monday.", "battles"),
        ("The column pushed on toward the village on Tuesday.", "battles"),
        ("The relief force linked up with the defenders on Wednesday.", "battles"),
        ("Troops broke the nearly three-month siege of the town on Sunday.", "battles"),
        # a truce ended, an agreement dated between its verb and its matter
        ("Violence resumed in July, ending a two-year ceasefire.", None),
        ("The two governments agreed on August 7 to set up a joint operations centre.", None),
    ],
)
def test_the_kinds_of_non_violent_development_and_a_front_moving_up(sentence, etype):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == (etype or "strategic_developments")


@pytest.mark.parametrize(
    "sentence",
    [
        "The company released a statement on Monday.",
        "Stocks closed higher on Friday.",
        "The budget talks convened by the White House are in limbo.",
        "He was flown by helicopter.",
    ],
)
def test_the_same_words_used_otherwise_report_no_development(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Monitors say at least 124 civilians have been killed in airstrikes and shelling on "
        "the town since December, a figure the army disputes.",
        "The group said more than 460 people had been killed in nine days of fighting around "
        "the city, including at least 70 civilians.",
        "The United Nations says more than 1,100 people were killed in acts of violence in "
        "September alone.",
        "More than 430 civilians have been killed in and around the town since the offensive "
        "began, most of them in coalition air strikes.",
        "Officials say there have been 11 such attacks since the end of October.",
        "More than 1,000 people have been killed in the capital over the past two weeks.",
    ],
)
def test_an_aggregate_tally_reports_no_happening(sentence):
    assert find_trigger(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # one day's dead are an event, whatever the clause after the comma counts
        "At least 50 people were killed in the city on Tuesday, most of them in a district "
        "under siege since February.",
        "It said 40 fighters and 18 defenders had been killed in the past 24 hours.",
        # a record's comparison point is no span of a tally
        "A car bomb killed 12 people in the market on Sunday, the deadliest attack since January.",
    ],
)
def test_a_count_of_one_happening_is_no_tally(sentence):
    assert find_trigger(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry has denied newspaper reports that the pullout was agreed in secret talks.",
        "The government denied that its troops had shelled the village on Monday.",
        "The army rejected claims that its jets bombed the market.",
    ],
)
def test_what_is_denied_is_not_reported(sentence):
    assert find_trigger(sentence) is None


def test_an_event_noun_whose_impact_follows_its_place_reports_it():
    # "The bombing …, about 8 km northwest of the town, hit a building": the noun is the
    # subject of what it struck, beyond the commas of where it was
    sentence = (
        "The bombing in the village of Sousian, about 8 kilometers northwest of the town, hit "
        "a building where civilians had gathered."
    )
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.event_type == "explosions_remote_violence"
