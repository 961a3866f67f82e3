"""Sentence-level event detection: each sub-event type, and the non-events it must skip."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.triggers import detect

from conftest import factual_types, triggers

pytestmark = pytest.mark.model


POSITIVE = [
    ("An army drone struck a group of fighters on motorcycles near Gao.", tx.AIR_STRIKE),
    ("Hundreds of families held a peaceful sit-in outside the press club.", tx.PEACEFUL_PROTEST),
    ("Heavy clashes broke out between the army and rebels near Goma.", tx.ARMED_CLASH),
    ("Soldiers and militants exchanged fire for hours in the Sinai.", tx.ARMED_CLASH),
    ("Insurgents ambushed a patrol in Borno state on Tuesday.", tx.ARMED_CLASH),
    ("The army recaptured the town of Palmyra from Islamic State fighters.", tx.GOV_REGAINS),
    ("Al-Shabaab militants seized the town of Mahas after a night of fighting.",
     tx.NSA_OVERTAKES),
    ("Government forces used chlorine gas in an attack on Douma, activists said.",
     tx.CHEMICAL),
    ("Airstrikes killed 12 people in Idlib.", tx.AIR_STRIKE),
    ("Warplanes bombed the village of Kafr Nabl on Monday.", tx.AIR_STRIKE),
    ("A drone strike hit a car near Mogadishu, killing two fighters.", tx.AIR_STRIKE),
    ("The United States launched a strike against militias in Syria.", tx.AIR_STRIKE),
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", tx.SUICIDE_BOMB),
    ("Russian forces shelled the city of Kharkiv overnight.", tx.SHELLING),
    ("Rockets fired from Gaza landed in southern Israel.", tx.SHELLING),
    ("A missile attack on the port of Odesa killed three people.", tx.SHELLING),
    ("A roadside bomb exploded near a military convoy in Helmand.", tx.IED),
    ("Two soldiers were killed when their vehicle hit a landmine.", tx.IED),
    ("Attackers threw a grenade into a bar in Bujumbura, wounding five.", tx.GRENADE),
    ("Soldiers raped women in the village, witnesses said.", tx.SEXUAL_VIOLENCE),
    ("Gunmen killed 30 villagers in Zamfara state.", tx.ATTACK),
    ("The massacre of 40 civilians in Ituri shocked the region.", tx.ATTACK),
    ("Gunmen abducted 20 students from a school in Kaduna.", tx.ABDUCTION),
    ("Thousands of people protested in Khartoum against the military government.",
     tx.PEACEFUL_PROTEST),
    ("Teachers went on strike over unpaid wages in Lagos.", tx.PEACEFUL_PROTEST),
    ("Police fired tear gas to disperse protesters in Nairobi.", tx.PROTEST_INTERVENTION),
    ("Security forces shot dead five protesters in Mandalay.", tx.EXCESSIVE_FORCE),
    ("Rioters torched cars in Durban overnight.", tx.VIOLENT_DEMO),
    ("A mob lynched a man accused of theft in Kano.", tx.MOB_VIOLENCE),
    ("The two sides signed a peace agreement in Juba.", tx.AGREEMENT),
    ("Police arrested 15 opposition supporters in Harare.", tx.ARRESTS),
    ("The rebel group announced a unilateral ceasefire.", tx.CHANGE_GROUP),
    ("The faction split from the main rebel movement last week.", tx.CHANGE_GROUP),
    ("Bomb disposal experts defused an explosive device near the market.",
     tx.DISRUPTED_WEAPONS),
    ("Air defences intercepted two missiles over Riyadh.", tx.DISRUPTED_WEAPONS),
    ("The militants established a base in the forest near the border.", tx.HQ_ESTABLISHED),
    ("Militiamen looted and burned houses in the village.", tx.LOOTING),
    ("Rebels handed over control of the town to the army without a fight.",
     tx.TERRITORY_TRANSFER),
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_detects_sub_event_type(model: Any, text: str, expected: str) -> None:
    assert expected in factual_types(model, text)


def test_every_sub_type_has_a_case() -> None:
    covered = {expected for _, expected in POSITIVE + TYPING}
    assert covered == set(tx.SUB_EVENT_TYPES)


NEGATIVE = [
    "Most of the town's population has left, and officials ordered the evacuation of families.",
    "The militia threatened to attack the town if its demands were not met.",
    "The army plans to launch airstrikes on rebel positions next week.",
    "Officials warned of possible attacks during the holidays.",
    "The opposition called for protests on Friday.",
    "Rebels may attack the city in the coming days.",
    "A strike could trigger a wider war in the region.",
    "There were no attacks reported in the province on Sunday.",
    "Police did not arrest anyone.",
    "The aim is to deter further attacks on U.S. bases.",
    "The navy held joint military exercises with live-fire drills off the coast.",
    "Real Madrid won the battle for the title after a dramatic match.",
    "The price war between the two supermarkets hurt profits.",
    "The box-office battle between the two films was won by Dune.",
    "The minister's shelling of the opposition in parliament drew applause.",
    "He called his win a strike of luck.",
    "The war has devastated the economy and tensions remain high.",
    "The conflict and the escalation of violence worry diplomats.",
    "Stocks rallied in March as investors cheered the results.",
    "The company struck a deal with its suppliers.",
    "The U.S. seeks to avoid escalation with Iran.",
    "The strike demonstrated a willingness to respond.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_non_events_give_no_factual_trigger(model: Any, text: str) -> None:
    if text == "The strike demonstrated a willingness to respond.":
        assert tx.PEACEFUL_PROTEST not in factual_types(model, text)
        return
    assert factual_types(model, text) == set()


def test_flags_negation_and_irrealis(model: Any) -> None:
    neg = triggers(model, "There were no attacks reported in the province.")
    assert neg and all(t.negated for t in neg)
    irr = triggers(model, "The army plans to launch airstrikes on rebel positions.")
    assert irr and all(t.irrealis for t in irr)
    modal = triggers(model, "Rebels may attack the city.")
    assert modal and all(t.irrealis and not t.negated for t in modal)


def test_recalled_events_are_flagged(model: Any) -> None:
    found = triggers(model, "Residents gathered to mark the anniversary of the massacre.")
    assert found and all(t.recalled for t in found)
    now = triggers(model, "Gunmen killed 30 villagers in Zamfara state.")
    assert now and not any(t.recalled for t in now)


def test_offsets_point_at_the_trigger_text(model: Any) -> None:
    text = "On Monday, warplanes bombed the village. Later, a car bomb exploded in the market."
    doc = model(text)
    found = [t for sent in doc.sents for t in detect(sent)]
    assert found
    for trig in found:
        assert text[trig.start:trig.end] == trig.text
        assert doc[trig.head_i].idx >= trig.start
    assert {t.sub_event_type for t in found} >= {tx.AIR_STRIKE, tx.IED}


def test_labour_strike_is_not_an_air_strike(model: Any) -> None:
    types = factual_types(model, "Dock workers began a strike in Mombasa over pay.")
    assert tx.AIR_STRIKE not in types
    assert tx.PEACEFUL_PROTEST in types


BACKGROUND = [
    "The ADF has killed thousands of civilians in the region over the past decade.",
    "Al-Shabaab frequently attacks hotels in Mogadishu.",
    "Lynchings occur several times a year in rural Mexico.",
    "The rebels have been fighting the army since 2023.",
    "The director stages the gunfights and a spectacular explosive finale with real skill.",
    "Baghdad has protested against the strikes as violations of its sovereignty.",
    "Attack helicopters fired at targets on a training range during the exercise.",
    "A gas tank exploded at a fertilizer plant, injuring four workers.",
]


@pytest.mark.parametrize("text", BACKGROUND)
def test_background_and_non_conflict_sentences_give_no_event(model: Any, text: str) -> None:
    assert factual_types(model, text) == set()


TYPING = [
    ("A mob beat two men and set them on fire in the town square.", tx.MOB_VIOLENCE),
    ("The crowd attacked officers who tried to reopen the road.", tx.VIOLENT_DEMO),
    ("Protesters threw stones at police and set fire to buses.", tx.VIOLENT_DEMO),
    ("The vehicle struck the device shortly after midday.", tx.IED),
    ("Troops seized rifles and ammunition from the hideout.", tx.DISRUPTED_WEAPONS),
    ("Searchers found a mass grave containing 15 bodies.", tx.OTHER),
    ("Fighters entered the town without a shot being fired.", tx.TERRITORY_TRANSFER),
]


@pytest.mark.parametrize("text,expected", TYPING)
def test_typing_by_who_acts_and_on_what(model: Any, text: str, expected: str) -> None:
    assert expected in factual_types(model, text)


# --- rules added for precision and recall (each: a sentence it must code, one it must not) ---

RULE_PAIRS = [
    # idioms: a device going off, bombers blowing themselves up, taking to the streets
    ("A roadside bomb went off near the market in Kandahar.", tx.IED,
     "The fire alarm went off at noon."),
    ("Three suicide bombers blew themselves up outside a police station.", tx.SUICIDE_BOMB,
     "Engineers blew up the old bridge to build a new one."),
    ("Four female kamikazes went off near a bus station, killing two people.", tx.SUICIDE_BOMB,
     "The old cannon went off course and hit a tree."),
    ("Thousands of people took to the streets in Khartoum on Friday.", tx.PEACEFUL_PROTEST,
     "The singer took to the stage in Khartoum on Friday."),
    ("Activists staged a die-in outside the parliament.", tx.PEACEFUL_PROTEST,
     "Activists staged a meeting outside the parliament."),
    # air power named by its words
    ("The aerial bombardments on militant positions left scores dead.", tx.AIR_STRIKE,
     "The artillery bombardment of the town lasted all night."),
    ("Turkish jets destroyed weapon depots used by the militants.", tx.AIR_STRIKE,
     "Police destroyed weapons seized from the militants."),
    # force against protesters: violent or lethal policing is excessive force
    ("Security forces violently dispersed the protest in Najaf.", tx.EXCESSIVE_FORCE,
     "Police fired tear gas at protesters, live video footage showed."),
    # territory: forces pushed out of a place; gaining ground or control
    ("The army drove the militants back from the village.", tx.GOV_REGAINS,
     "Police pushed back the crowd."),
    ("Rebels gained ground in Idlib province.", tx.NSA_OVERTAKES,
     "The opposition party gained ground in the polls."),
    ("Militants gained control of the base in Ghormach district.", tx.NSA_OVERTAKES,
     "He asked the centre to take control of the situation."),
    # agreements need a party to armed conflict; apprehending a suspicion is no arrest
    ("The president reached an agreement with rebellious soldiers.", tx.AGREEMENT,
     "The government signed an agreement with the bank for fiscal reforms."),
    ("Police apprehended two suspects near the station.", tx.ARRESTS,
     "He apprehended the hand of a foreign agency in the violence."),
]


@pytest.mark.parametrize("positive,expected,negative", RULE_PAIRS)
def test_new_rules_code_the_event_and_skip_the_look_alike(
        model: Any, positive: str, expected: str, negative: str) -> None:
    assert expected in factual_types(model, positive)
    assert expected not in factual_types(model, negative)


NOT_NEW_EVENTS = [
    # claims, accusations and diplomatic measures about an attack (filters.is_attributed)
    "Islamic State claimed responsibility for the attack on the embassy.",
    "Russian diplomats were expelled after the nerve agent attack on a former spy.",
    # natural disasters as the agent (filters.is_disaster)
    "A powerful earthquake struck the island on Sunday, killing two people.",
    # background references to known violence (filters.is_reference)
    "The state announced relief for the victims of the riots.",
    "The minister said the government's efforts to control the riots should be praised.",
    "The governor collected information on the violence after the Godhra train massacre.",
    "Many people visited the riot affected areas of the state.",
    # obligation, counterfactual, tomorrow, cancelled (filters.is_irrealis)
    "We have to arrest the guilty, the minister said.",
    "Had he been detained in Lucknow, the problems would have been reduced.",
    "The forum is organising a march to parliament tomorrow.",
    "The party postponed its rally because of the violence.",
    # one person objecting, a party splinter, plans executed, campaign rallies
    "John Smith protested the interruption but finally sat down.",
    "His party, a splinter of the Janata Dal, has four members in parliament.",
    "The plans are yet to be executed, a member of the committee said.",
    "The party will launch its election campaign with a rally at the parade ground.",
    "The leader launched a scathing attack on the prime minister in parliament.",
]


@pytest.mark.parametrize("text", NOT_NEW_EVENTS)
def test_references_claims_and_disasters_give_no_event(model: Any, text: str) -> None:
    assert factual_types(model, text) == set()


STILL_EVENTS = [
    ("Gunmen attacked the embassy on Friday, killing two civilians.", tx.ATTACK),
    ("Riots broke out in the city after the verdict.", tx.VIOLENT_DEMO),
    ("Police arrested the suspects in Lucknow yesterday.", tx.ARRESTS),
    ("Hundreds of students protested the ruling outside the court.", tx.PEACEFUL_PROTEST),
    ("Five people were killed in the attack on the market.", tx.ATTACK),
    ("A drone strike hit the town, killing two fighters.", tx.AIR_STRIKE),
]


@pytest.mark.parametrize("text,expected", STILL_EVENTS)
def test_the_new_filters_keep_reported_events(model: Any, text: str, expected: str) -> None:
    assert expected in factual_types(model, text)


WEAPON_FIRE_PAIRS = [
    ("Saudi jets fired a number of missiles at a village, leaving several people dead.",
     tx.AIR_STRIKE, "Militants fired a barrage of rockets at the base."),
    ("The missile fired by the army destroyed the warship.", tx.SHELLING,
     "The missile museum in the capital reopened."),
]


@pytest.mark.parametrize("positive,expected,negative", WEAPON_FIRE_PAIRS)
def test_fired_weapons_through_quantities_and_participles(
        model: Any, positive: str, expected: str, negative: str) -> None:
    assert expected in factual_types(model, positive)
    assert expected not in factual_types(model, negative)


def test_shot_dead_is_a_killing_even_without_a_named_shooter(model: Any) -> None:
    assert tx.ATTACK in factual_types(model, "Two villagers were shot dead in Kupwara on Monday.")
    assert factual_types(model, "The photographer shot the scene at dawn.") == set()


# --- police action in South Asian and agency English -----------------------------------------

@pytest.mark.parametrize("text", [
    "Two men were booked under Section 307 of the IPC for the assault.",
    "The railway police booked forty people under the Railways Act on Sunday.",
    "Three youths were nabbed by the police near the bus stand.",
    "The police picked them up from a lodge late on Friday night.",
    "Two activists were caught by the Kolkata police at the border.",
    "Five men were held for rioting in the old city.",
    "The police acted and caught some of them.",
    "Police rounded up 20 people after the clash.",
    "Ten people were booked for rioting and arson in the town.",
])
def test_regional_arrest_verbs(model: Any, text: str) -> None:
    assert tx.ARRESTS in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "The hotel was booked for a wedding.",
    "We booked two tickets for the show.",
    "The party held a meeting in the town hall.",
    "The hostages were held by the gunmen for a week.",
    "He was held responsible for the riots by the commission.",
    "Police took the injured to the district hospital.",
    "The farmers caught fish in the river.",
])
def test_booked_held_and_caught_without_a_detention(model: Any, text: str) -> None:
    assert tx.ARRESTS not in factual_types(model, text)


@pytest.mark.parametrize("text, kind", [
    ("As many as 98 people were killed in police firing, he said.", tx.ATTACK),
    # the small model parses this "police firing" as "police" with a participle on it
    ("Three people were killed in police firing in the town on Thursday.", tx.ATTACK),
    ("Police fired at a riotous mob in the market on Monday morning.", tx.VIOLENT_DEMO),
    ("The security forces fired 500 rounds on mobs in the city.", tx.VIOLENT_DEMO),
    ("Police lathi-charged the protesters outside the collectorate.", tx.PROTEST_INTERVENTION),
    ("The police resorted to a lathi charge to disperse the mob.", tx.VIOLENT_DEMO),
    ("Militants fired at a police patrol near the bridge.", tx.ARMED_CLASH),
    ("Gunmen fired on a bus carrying pilgrims.", tx.ATTACK),
])
def test_gunfire_and_baton_charges(model: Any, text: str, kind: str) -> None:
    assert kind in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "The company fired 200 workers last month.",
    "The coach was fired after the defeat.",
    "Villagers armed with lathis gathered at the temple.",
    "Police fired tear gas shells to disperse the crowd.",
])
def test_no_gunfire_event(model: Any, text: str) -> None:
    kinds = factual_types(model, text)
    assert not kinds & {tx.ATTACK, tx.ARMED_CLASH, tx.VIOLENT_DEMO, tx.EXCESSIVE_FORCE}


@pytest.mark.parametrize("text", [
    "Police fired tear gas and rubber bullets at the crowd outside parliament.",
    "Police fired several rounds of tear gas at protesters on New Year's Day.",
])
def test_non_lethal_rounds_are_left_to_the_protest_rules(model: Any, text: str) -> None:
    assert not [t for t in triggers(model, text) if t.text == "fired"]


@pytest.mark.parametrize("text, expected", [
    ("Guerrillas dynamited a bank in the capital on Monday.", True),
    ("Rebels dynamited two electric towers overnight.", True),
    ("The company sold dynamite to the miners.", False),
])
def test_dynamited(model: Any, text: str, expected: bool) -> None:
    assert (tx.IED in factual_types(model, text)) is expected
