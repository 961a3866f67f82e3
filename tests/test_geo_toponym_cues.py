"""A place the small model tags as a person or organisation is still a toponym when the
wording says it is a place ("the town of X", "on the outskirts of X", "near X")."""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import InMemoryGazetteer
from flashpoint.geo.toponyms import find_toponyms
from flashpoint.records import Place

ROWS = [
    (Place(2361177, "Djibo", "BF", 14.09864, -1.62665, population=61462), []),
    (Place(205413, "Rutshuru", "CD", -1.18666, 29.44669, population=82680), []),
    (Place(3533462, "Acatlán de Osorio", "MX", 18.2025, -98.04864, population=19341),
     ["Acatlan de Osorio"]),
]


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(ROWS)


def _names(nlp, gazetteer, text: str) -> list[str]:
    return [t[2] for t in find_toponyms(nlp(text), gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, name",
    [
        ("Militants attacked an army base in the northern town of Djibo on Monday.", "Djibo"),
        ("Armed men raped five women near the town of Rutshuru on Saturday.", "Rutshuru"),
        ("A mob beat two men in the town of Acatlan de Osorio on Sunday.", "Acatlan de Osorio"),
    ],
)
def test_place_cue_overrides_a_wrong_entity_label(nlp, gazetteer, text: str, name: str) -> None:
    assert name in _names(nlp, gazetteer, text)


@pytest.mark.model
def test_without_a_place_cue_an_organisation_stays_an_organisation(nlp, gazetteer) -> None:
    doc = nlp("Djibo Holdings said its profits rose.")
    assert [e.label_ for e in doc.ents if e.text.startswith("Djibo")] != ["GPE"]
    assert "Djibo" not in _names(nlp, gazetteer, "Djibo Holdings said its profits rose.")


@pytest.mark.model
def test_place_inside_an_islamic_state_province_name_is_not_a_toponym(nlp) -> None:
    gaz = InMemoryGazetteer.from_rows(
        [(Place(2361082, "Sahel", "BF", 14.0, -0.5, feature="admin1", population=1_000_000),
          ["Sahel Province"])]
    )
    text = "The army said the fighters belonged to the Islamic State Sahel Province."
    assert _names(nlp, gaz, text) == []
    assert _names(nlp, gaz, "Drought hit the Sahel Province last year.") == ["Sahel Province"]


@pytest.mark.model
def test_month_in_a_dateline_is_not_a_toponym(nlp) -> None:
    gaz = InMemoryGazetteer.from_rows(
        [(Place(1221801, "Nov", "TJ", 40.15, 69.37, population=8000), []),
         (Place(3688689, "Bogota", "CO", 4.61, -74.08, population=7_674_366), [])]
    )
    assert _names(nlp, gaz, "Bogota, 3 Nov 89 (EFE) -- Gunmen killed a judge.") == ["Bogota"]
    assert _names(nlp, gaz, "Gunmen attacked a convoy near Nov on Friday.") == ["Nov"]


@pytest.mark.model
def test_all_caps_dateline_and_street(nlp) -> None:
    gaz = InMemoryGazetteer.from_rows(
        [(Place(4842898, "Torrington", "US", 41.80, -73.12, population=35000), [])])
    text = "TORRINGTON — Police closed Water Street after a shooting on Friday."
    assert _names(nlp, gaz, text) == ["TORRINGTON", "Water Street"]


@pytest.mark.model
def test_compass_word_and_plural_place_noun_are_place_cues(nlp, gazetteer) -> None:
    text = "Militants shelled eastern Rutshuru and the Djibo and Acatlan counties."
    found = _names(nlp, gazetteer, text)
    assert "Rutshuru" in found and "Djibo" in found


@pytest.mark.model
def test_dateline_after_a_date_or_before_a_colon(nlp) -> None:
    gaz = InMemoryGazetteer.from_rows(
        [(Place(4842898, "Torrington", "US", 41.80, -73.12, population=35000), []),
         (Place(276781, "Beirut", "LB", 33.89, 35.49, population=1_916_100), []),
         (Place(9999001, "Update", "US", 40.0, -80.0, population=300), [])])
    text = "Daily Ledger, May 4, 2011 TORRINGTON -- The council met on Monday."
    assert _names(nlp, gaz, text) == ["TORRINGTON"]
    assert _names(nlp, gaz, "BEIRUT: Talks resumed on Monday.") == ["BEIRUT"]
    assert "UPDATE" not in _names(nlp, gaz, "UPDATE: Talks resumed on Monday.")
