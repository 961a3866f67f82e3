"""General sub-event typing rules added from the CASE 2021 error analysis (own sentences).

Each case states an ACLED coding rule: the weapon named in the means phrase decides the
Explosions sub-type, an arrest of an activist is an arrest unless made at a protest, the
target of an attack (not the words before it) decides attack vs armed clash, and so on.
"""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx

from conftest import factual_types, triggers

pytestmark = pytest.mark.model


def type_of(model: Any, text: str, word: str) -> str | None:
    """The sub-event type of the trigger whose text contains `word`."""
    for trig in triggers(model, text):
        if word in trig.text:
            return trig.sub_event_type
    return None


# --- the weapon in the means phrase or the agent phrase decides the Explosions sub-type -----

@pytest.mark.parametrize("text, word, expected", [
    ("Gunmen attacked the police station with hand grenades on Friday, wounding two officers.",
     "attacked", tx.GRENADE),
    ("Rebels attacked the army positions near the bridge using mortars.",
     "attacked", tx.SHELLING),
    ("The village was hit by raids by the regime's attack helicopters overnight.", "raids",
     tx.AIR_STRIKE),
])
def test_weapon_in_means_or_agent_phrase(model: Any, text: str, word: str,
                                         expected: str) -> None:
    assert type_of(model, text, word) == expected


# --- attack on civilians vs armed clash: the target after the verb decides ------------------

def test_attack_on_community_reported_by_police_is_an_attack(model: Any) -> None:
    text = ("Six people were found dead by the police after armed men attacked a farming "
            "community near the river on Sunday.")
    assert type_of(model, text, "attacked") == tx.ATTACK


def test_attack_on_military_camp_is_an_armed_clash(model: Any) -> None:
    text = "Insurgents attacked a military camp outside the town, the army said."
    assert type_of(model, text, "attacked") == tx.ARMED_CLASH


def test_attack_on_refugee_camp_stays_an_attack(model: Any) -> None:
    text = "Gunmen attacked a refugee camp outside the town, killing four residents."
    assert type_of(model, text, "attacked") == tx.ATTACK


# --- arrests ----------------------------------------------------------------------------------

def test_arrest_of_an_activist_is_an_arrest(model: Any) -> None:
    text = "Police arrested a prominent opposition activist at his home in the capital."
    assert tx.ARRESTS in factual_types(model, text)
    assert tx.PROTEST_INTERVENTION not in factual_types(model, text)


def test_activists_detained_at_a_rally_is_an_intervention(model: Any) -> None:
    text = "Police detained twelve activists at a rally outside the parliament on Monday."
    assert type_of(model, text, "detained") == tx.PROTEST_INTERVENTION


def test_according_to_is_no_agreement(model: Any) -> None:
    text = "According to security officials, a militant threw a grenade at a police patrol."
    assert tx.AGREEMENT not in factual_types(model, text)
    assert tx.GRENADE in factual_types(model, text)


# --- sexual violence, arson, mob violence -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Soldiers molested several women at a checkpoint near the market, witnesses said.",
    "Two girls were sexually abused by members of the militia in the camp last week.",
])
def test_sexual_violence_words(model: Any, text: str) -> None:
    assert tx.SEXUAL_VIOLENCE in factual_types(model, text)


def test_arson_is_property_destruction(model: Any) -> None:
    text = "An arson attack destroyed the offices of the local council on Tuesday night."
    assert tx.LOOTING in factual_types(model, text)


def test_unarmed_villagers_clashing_is_mob_violence(model: Any) -> None:
    text = "Villagers clashed with sticks and iron rods over a grazing dispute, leaving one dead."
    assert type_of(model, text, "clashed") == tx.MOB_VIOLENCE


def test_villagers_clashing_with_soldiers_is_no_mob_violence(model: Any) -> None:
    text = "Villagers clashed with soldiers near the border post on Friday."
    assert type_of(model, text, "clashed") != tx.MOB_VIOLENCE


# --- strategic developments ------------------------------------------------------------------

def test_troops_dispatched_is_a_change_to_group_activity(model: Any) -> None:
    text = "The army dispatched hundreds of troops and dozens of tanks to the northern front."
    assert tx.CHANGE_GROUP in factual_types(model, text)


def test_police_deployed_is_no_change_to_group_activity(model: Any) -> None:
    text = "A large police force was deployed in the town after the festival."
    assert tx.CHANGE_GROUP not in factual_types(model, text)


def test_town_taken_after_withdrawal_is_a_transfer(model: Any) -> None:
    text = "Rebel fighters took control of the town after government troops withdrew from it."
    assert tx.TERRITORY_TRANSFER in factual_types(model, text)


def test_town_taken_in_fighting_is_no_transfer(model: Any) -> None:
    text = ("Rebel fighters took control of the town after heavy fighting, and government "
            "troops withdrew from it.")
    assert tx.TERRITORY_TRANSFER not in factual_types(model, text)


def test_missile_launch_noun_is_no_attack(model: Any) -> None:
    text = "Tokyo imposes new sanctions on the North over nuclear test, rocket launch"
    assert tx.SHELLING not in factual_types(model, text)


def test_missiles_launched_at_a_city_is_shelling(model: Any) -> None:
    text = "Militants launched three missiles at the city on Sunday, the army said."
    assert tx.SHELLING in factual_types(model, text)


# --- protests: violent demonstrators, and attacks on protests by non-state groups ------------

def test_anti_government_protester_throwing_is_violent(model: Any) -> None:
    text = "An anti-government protester throws a petrol bomb during a demonstration downtown."
    assert type_of(model, text, "throws") == tx.VIOLENT_DEMO


@pytest.mark.parametrize("text, word", [
    ("Police fired tear gas at marchers as the protest descended into violence.", "violence"),
    ("There were scuffles between demonstrators and police outside the ministry.", "scuffles"),
    ("Clashes broke out at the protest when marchers tried to reach the palace.", "Clashes"),
])
def test_protest_turning_violent(model: Any, text: str, word: str) -> None:
    assert type_of(model, text, word) == tx.VIOLENT_DEMO


def test_violence_outside_a_protest_is_no_demonstration(model: Any) -> None:
    text = "Violence in the province has killed thirty people this year, officials said."
    assert tx.VIOLENT_DEMO not in factual_types(model, text)


def test_group_attacking_a_rally_is_mob_violence(model: Any) -> None:
    text = "A group of nationalists attacked a peaceful rally in the square, injuring twelve."
    assert type_of(model, text, "attacked") == tx.MOB_VIOLENCE


def test_police_attacking_a_rally_is_excessive_force(model: Any) -> None:
    text = "Police attacked a peaceful rally in the square on Wednesday, injuring twelve."
    assert type_of(model, text, "attacked") == tx.EXCESSIVE_FORCE


def test_aggressive_demonstrations_are_violent(model: Any) -> None:
    text = "Hundreds of rival marchers confronted each other in aggressive demonstrations downtown."
    assert type_of(model, text, "aggressive") == tx.VIOLENT_DEMO


# --- arrests: people captured, immigration detentions ------------------------------------------

def test_commander_captured_by_the_army_is_an_arrest(model: Any) -> None:
    text = "The army captured a rebel commander who runs the group's explosives workshop."
    assert type_of(model, text, "captured") == tx.ARRESTS


def test_explosives_captured_are_disrupted_weapons(model: Any) -> None:
    text = "The army captured a large cache of explosives in the forest on Monday."
    assert type_of(model, text, "captured") == tx.DISRUPTED_WEAPONS


@pytest.mark.parametrize("text", [
    "Border guards detained 34 people travelling in the trailer of a lorry on Saturday.",
    "Police detained twenty migrants who tried to cross the river by boat.",
])
def test_immigration_detentions_are_no_political_arrests(model: Any, text: str) -> None:
    assert tx.ARRESTS not in factual_types(model, text)


def test_withdrawal_alone_is_no_transfer(model: Any) -> None:
    text = "The militia's fighters pulled back from several villages in the province on Sunday."
    assert tx.TERRITORY_TRANSFER not in factual_types(model, text)


def test_weapon_used_elsewhere_in_the_sentence_types_the_attack(model: Any) -> None:
    text = "Rebels mounted 22 attacks on army positions on Monday; they used heavy mortars."
    assert type_of(model, text, "attacks") == tx.SHELLING


# --- territory ---------------------------------------------------------------------------------

def test_ground_regained_is_government_regains(model: Any) -> None:
    text = "The army counterattacked on Friday and significant ground was regained in the east."
    assert type_of(model, text, "regained") == tx.GOV_REGAINS


def test_control_regained_by_a_handover_is_a_transfer(model: Any) -> None:
    text = "The government regained control of the region when the mission handed authority over."
    assert type_of(model, text, "regained") == tx.TERRITORY_TRANSFER


def test_control_regained_in_fighting_is_no_transfer(model: Any) -> None:
    text = "The army regained control of the town after heavy fighting with the rebels."
    assert type_of(model, text, "regained") == tx.GOV_REGAINS


# --- assaults, deployments and new units -------------------------------------------------------

def test_armed_men_charging_a_camp_with_troops_is_a_clash(model: Any) -> None:
    text = "Rebel fighters charged a camp near the river that hosts government troops."
    assert type_of(model, text, "charged") == tx.ARMED_CLASH


@pytest.mark.parametrize("text", [
    "The court charged him with murder on Monday.",
    "The hotel charged guests twice the usual rate.",
])
def test_legal_and_price_charges_are_no_attack(model: Any, text: str) -> None:
    assert type_of(model, text, "charged") is None


@pytest.mark.parametrize("text", [
    "Troops were deployed to the border region on Monday.",
    "The government sent troops to the district on Friday.",
    "A new militia network has been set up in the province.",
])
def test_deployments_and_new_units_change_a_group(model: Any, text: str) -> None:
    assert tx.CHANGE_GROUP in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "She sent a letter to the minister.",
    "They set up a stall at the fair.",
    "The army said it had deployed troops to the area and was pursuing the attackers.",
    "Troops were deployed to the town to restore order after the clashes.",
    "The minister said troops had been sent to the area to search for the two hostages.",
])
def test_sending_and_setting_up_other_things(model: Any, text: str) -> None:
    assert tx.CHANGE_GROUP not in factual_types(model, text)


def test_armed_men_pulling_back_from_a_place_change_their_activity(model: Any) -> None:
    text = "The militia's fighters pulled back from several villages in the province on Sunday."
    assert tx.CHANGE_GROUP in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "The company withdrew from the market last year.",
    "Several residents pulled out of the race for mayor.",
])
def test_other_withdrawals_are_no_event(model: Any, text: str) -> None:
    assert factual_types(model, text) == set()


def test_fighters_beginning_to_leave_under_a_deal_is_a_transfer(model: Any) -> None:
    text = ("Rebel fighters began leaving their last stronghold in the city on Tuesday under an "
            "evacuation deal with the government.")
    assert tx.TERRITORY_TRANSFER in factual_types(model, text)
