"""Killings told only as nouns (coding/nominal.py): a definite killing noun naming or counting
its victims, tied to now by a time, a date, a reaction or a word of news, is one incident;
memory, plans, judicial follow-ups and repeats are not."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.nominal import (
    attributed_only, names_victim, reported_killing, talk_only,
)
from conftest import triggers

pytestmark = pytest.mark.model


def factual(model: Any, text: str) -> set[str]:
    """Factual triggers that are not recalled (the session `model` fixture is conftest's)."""
    return {t.sub_event_type for t in triggers(model, text) if t.factual and not t.recalled}


def nouns(model: Any, text: str, word: str) -> list[Any]:
    return [t for t in model(text) if t.lower_ == word]


@pytest.mark.parametrize("text", [
    "Police blamed the cartel for the killing of Judge Rosa Medina.",
    "The Red Hand group claimed responsibility for the murder of Mayor Tomas Ilario.",
    "The army denied any part in the assassination of Councillor Berta Quiroga.",
    "The local radio reported the murder of Alberto Sotelo, a union organiser.",
    "The court today ordered a judge to investigate the murder of Councillor Pablo Anaya.",
])
def test_a_named_killing_told_as_news_is_an_event(model: Any, text: str) -> None:
    assert tx.ATTACK in factual(model, text)


@pytest.mark.parametrize(("text", "word"), [
    ("The rebels left the valley after the assassination of Senator Ruben Ortega on 4 March.",
     "assassination"),
    ("The bishop today condemned the four nurses' slaying.", "slaying"),
    ("The council condemned the murder in Quetzaltenango of teachers Ana Ruiz and Luis Mora.",
     "murder"),
    ("The ministry condemns the cowardly murder committed this morning by the rebels.",
     "murder"),
    ("Unions condemned the murders of Carla Ibarra and Dario Funes.", "murders"),
])
def test_dates_possessors_split_phrases_and_deeds_name_the_incident(
        model: Any, text: str, word: str) -> None:
    noun = nouns(model, text, word)[0]
    assert names_victim(noun) and reported_killing(noun)


def test_an_inquiry_into_a_named_killing_reports_it(model: Any) -> None:
    text = ("The government is ready to open the inquiry asked for by the church to clarify "
            "last Friday's murder of five farmers.")
    noun = nouns(model, text, "murder")[0]
    assert reported_killing(noun) and not talk_only(noun)
    assert tx.ATTACK in factual(model, text)


def test_a_claim_about_a_bombing_in_general_stays_a_claim(model: Any) -> None:
    doc = model("The minister accused the rebels of bombing the embassy.")
    verb = next(t for t in doc if t.lower_ == "bombing")
    assert attributed_only(verb)


@pytest.mark.parametrize("text", [
    "The judge charged both men with the murder of Senator Ines Vallejo.",
    "Police arrested two men suspected of the murder of Senator Ines Vallejo.",
    "Unions still condemn the murder of Senator Ines Vallejo, unsolved since 1985.",
    "The party denied any link with the murder of Senator Ines Vallejo eight days ago.",
    "Rebels today plotted the assassination of Governor Irene Salcedo.",
    "Detectives are still investigating the murder of two Canadian engineers.",
    "The judge was investigating the murder of two Canadian engineers in the town.",
])
def test_judicial_follow_ups_memory_and_plans_are_not_reported(model: Any, text: str) -> None:
    noun = next(t for t in model(text) if t.lower_ in ("murder", "assassination"))
    assert names_victim(noun)
    assert not reported_killing(noun)


def test_only_a_reported_earlier_mention_makes_a_repeat(model: Any) -> None:
    recalled_first = model("Regarding the assassination of Senator Lidia Paez, the party met. "
                           "The party today condemned the assassination of Senator Lidia Paez.")
    first, second = [t for t in recalled_first if t.lower_ == "assassination"]
    assert not reported_killing(first) and reported_killing(second)
    reported_first = model("The party today condemned the murder of Senator Lidia Paez. "
                           "Unions also condemned the murder of Senator Lidia Paez today.")
    first, second = [t for t in reported_first if t.lower_ == "murder"]
    assert reported_killing(first) and not reported_killing(second)


def test_a_plural_needs_named_victims(model: Any) -> None:
    noun = nouns(model, "Unions today condemned the murders of peasants.", "murders")[0]
    assert not names_victim(noun)


@pytest.mark.parametrize("text", [
    "The Black Hand claimed responsibility for Tuesday's bomb attack against the Radio Sur "
    "station.",
    "The mayor condemned this morning's dynamite attack on the offices of the teachers' union.",
])
def test_a_named_attack_with_its_own_time_is_an_event(model: Any, text: str) -> None:
    assert factual(model, text) & {tx.ATTACK, tx.IED}


@pytest.mark.parametrize("text", [
    "The regime tried to blame us for actions such as the attack on a clinic.",
    "The senator today condemned the attack on the pilgrims' train.",
    "The mayor today condemned an attack on a bus and the attack in the city.",
    "The minister today named the planner of the 27 February attack on the pilgrims' train.",
])
def test_an_attack_noun_without_its_own_time_is_not_reported(model: Any, text: str) -> None:
    """A known attack is condemned, blamed and recalled for weeks: only a time of its own
    ("today's attack on X") makes the noun news; "an attack on a bus" may be any attack."""
    assert not any(reported_killing(t) for t in model(text) if t.lower_ == "attack")
