"""Police-report wording: arrests told in the passive without a named agent, people hurt by
hand or blade with no attacker named, and demands that report no act (slogans, commands).
Sentences are invented; the lower-case ones mimic wire copy that arrives without capitals."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx

from conftest import factual_types

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "In the search operation, 40 villagers were held and some swords were seized.",
    "about 120 party cadres have already been booked in the district.",
    "Two students, who were caught by the railway police near the border, live in Agra.",
    "three were held in connection with the burning of a jeep at the crossing.",
    "It is not clear whether both were caught in connection with the bus fire.",
    "Nine persons were picked up in cases of rioting after the shops were looted.",
    "The trader is currently held by the city police, his lawyer said.",
    "the accused was remanded in police custody till april 3 by the magistrate.",
    "The two held in judicial custody were produced in court on Monday.",
])
def test_passive_arrests_without_a_named_agent(model: Any, text: str) -> None:
    assert tx.ARRESTS in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "Talks were held with the traders on Sunday.",
    "Two rounds of elections were held in the state.",
    "The pupils were picked up from school by their parents.",
    "The warehouse caught fire late at night.",
    "The thief was caught on camera near the gate.",
    "The hostages were held for a week in a forest camp.",
    "He was held responsible for the losses by the inquiry.",
    "Five passengers were booked on the morning flight.",
    "The convoy was held up by a landslide for six hours.",
])
def test_passive_look_alikes_are_no_arrest(model: Any, text: str) -> None:
    assert tx.ARRESTS not in factual_types(model, text)


@pytest.mark.parametrize("text, kind", [
    ("two persons were stabbed near the bus depot on friday.", tx.ATTACK),
    ("A shopkeeper was hacked to death in the market on Tuesday.", tx.ATTACK),
    ("four people were burnt to death in the lane after the clash.", tx.ATTACK),
    ("The reporter was beaten up by a group of men at the station.", tx.ATTACK),
    ("A guard hit the clerk with his rifle butt during the meeting.", tx.ATTACK),
    ("A man was beaten to death by a mob near the temple.", tx.MOB_VIOLENCE),
    ("The police beat the marchers with sticks outside the office.", tx.PROTEST_INTERVENTION),
])
def test_people_hurt_by_hand_or_blade(model: Any, text: str, kind: str) -> None:
    assert kind in factual_types(model, text)


@pytest.mark.parametrize("text", [
    "Brazil beat them 2-1 in the final on Sunday.",
    "The new tax hit the small traders hard.",
    "Six workers were burnt to death when a boiler exploded in the factory.",
    "He stabbed the plan in the back at the party meeting.",
    "Hackers hacked the website of the ministry.",
])
def test_look_alikes_of_assault_are_no_event(model: Any, text: str) -> None:
    assert not factual_types(model, text) & {tx.ATTACK, tx.MOB_VIOLENCE}


@pytest.mark.parametrize("text", [
    'Members shouted slogans like "arrest the home minister" in the house.',
    "Arrest the killers, the crowd shouted outside the court.",
    'They carried placards that read "stop the killings" through the town.',
])
def test_slogans_and_commands_report_no_act(model: Any, text: str) -> None:
    assert not factual_types(model, text) - {tx.PEACEFUL_PROTEST}


@pytest.mark.parametrize("text", [
    "The crowd shouted slogans as the police arrested ten activists.",
    "Police arrest five men after the clash in the town.",
])
def test_reported_arrests_beside_slogans_stay(model: Any, text: str) -> None:
    assert tx.ARRESTS in factual_types(model, text)


def test_burned_to_death_untold_as_an_act_is_no_attack(model: Any) -> None:
    text = "Five passengers burned to death inside the bus near the toll plaza."
    assert tx.ATTACK not in factual_types(model, text)
