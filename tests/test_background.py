"""Background clauses: an act told only as the time or starting point of another act is a
past reference (flashpoint/coding/background.py). Sentences are invented."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flashpoint.coding.background import is_background, since_period, time_clause
from conftest import code_with_places

PUB = date(2024, 3, 14)  # a Thursday
LEAD = "Rebels attacked a police station in Cali on Tuesday, killing two officers. "


def _token(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


def _kinds(stages: list[Any], text: str) -> list[tuple[str, str]]:
    """(kind, trigger) of every event the coder builds from LEAD + text."""
    analysis = code_with_places(stages, LEAD + text, {}, PUB, focus="CO")
    return [(m.kind, m.trigger.text) for m in analysis.mentions]


@pytest.mark.parametrize("text, word", [
    ("Judges have been on strike since gunmen killed a magistrate in Pasto.", "killed"),
    ("Residents have fled since the bombing of the market in Tumaco.", "bombing"),
])
def test_since_holds_the_act(nlp: Any, text: str, word: str) -> None:
    assert since_period(_token(nlp, text, word)) is not None


def test_an_act_outside_since_is_not_held(nlp: Any) -> None:
    text = "It was the first bombing in the port since the ceasefire was signed."
    assert since_period(_token(nlp, text, "bombing")) is None


@pytest.mark.parametrize("text, word", [
    ("On that occasion, when gunmen shot dead the mayor, the president declared war on "
     "the cartels.", "shot"),
    ("The president had declared war on the cartels after gunmen shot dead the mayor.",
     "shot"),
])
def test_look_back_when_clause_is_background(nlp: Any, text: str, word: str) -> None:
    tok = _token(nlp, text, word)
    assert time_clause(tok) is not None
    assert is_background(tok)


@pytest.mark.parametrize("text, word", [
    # no look-back: the curfew and the killing are today's news
    ("The governor declared a curfew after gunmen shot dead the mayor.", "shot"),
    # a fresh time of its own
    ("On that occasion, when gunmen shot dead the mayor yesterday, the president declared "
     "war on the cartels.", "shot"),
    ("Judges have been on strike since gunmen killed a magistrate on Monday.", "killed"),
])
def test_fresh_or_plain_clauses_stay_news(nlp: Any, text: str, word: str) -> None:
    assert not is_background(_token(nlp, text, word))


def test_a_date_inside_the_clause_is_its_own_time(nlp: Any) -> None:
    text = "Judges have been on strike since gunmen killed a magistrate on 2 March."
    doc = nlp(text)
    tok = next(t for t in doc if t.text == "killed")
    assert not is_background(tok, dated_at=text.index("2 March"))
    assert is_background(tok)


def test_a_violent_main_act_makes_it_one_incident(nlp: Any) -> None:
    text = ("At the time, when rebels ambushed the convoy, three soldiers were killed in the "
            "crossfire.")
    assert not is_background(_token(nlp, text, "ambushed"))


@pytest.mark.model
def test_coder_codes_background_as_past_reference(stages: list[Any]) -> None:
    text = ("On that occasion, when gunmen shot dead the candidate Pedro Arias, the president "
            "declared war on the cartels.")
    kinds = _kinds(stages, text)
    assert kinds[0][0] == "new"
    assert ("past_reference", "shot") in kinds


@pytest.mark.model
def test_coder_keeps_a_fresh_since_clause_new(stages: list[Any]) -> None:
    text = "Judges have been on strike since gunmen killed a magistrate in Pasto yesterday."
    kinds = _kinds(stages, text)
    assert all(kind == "new" for kind, _ in kinds)


def test_a_clause_on_a_description_is_not_background(nlp: Any) -> None:
    text = "The office looked as if it had been burned after being ransacked by the gang."
    assert not is_background(_token(nlp, text, "ransacked"))
