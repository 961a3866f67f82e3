"""Country focus from datelines and nationality uses, and divisions named before
"department" (flashpoint.geo.resolve, flashpoint.geo.surface)."""

from __future__ import annotations

import pytest

from flashpoint.geo.gazetteer import InMemoryGazetteer
from flashpoint.geo.resolve import (
    W_FOCUS_COUNTRY,
    W_FOCUS_DATELINE,
    W_FOCUS_DEMONYM,
    W_FOCUS_PLACE,
    _mention_weight,
    dateline_place_end,
)
from flashpoint.geo.surface import division_spans
from flashpoint.geo.toponyms import qualifier
from flashpoint.records import Place

COUNTRY = Place(1, "Freedonia", "XF", 1.0, 1.0, feature="country")
TOWN = Place(2, "Porto Alto", "XF", 1.0, 1.0)


@pytest.mark.parametrize(("text", "place"), [
    ("PORTO ALTO, 3 JAN 90 (RADIO SUR) -- [TEXT] Rebels attacked.", "PORTO ALTO"),
    ("Porto Alto, 3 jan 90 (radio Sur) -- [text] rebels attacked.", "Porto Alto"),
    ("  LOS LLANOS \u2014 Gunmen shot two men.", "  LOS LLANOS"),
    ("BORDEAUX (AFP) - A bomb went off.", "BORDEAUX"),
    ("Rebels attacked the town of Porto Alto, killing 3 -- officials said.", ""),
    ("A quiet day in the capital.", ""),
])
def test_dateline_place_end(text: str, place: str) -> None:
    assert text[:dateline_place_end(text)] == place


def test_dateline_place_weighs_as_three_mentions() -> None:
    text = "Porto Alto, 3 jan 90 -- rebels attacked a post."
    assert _mention_weight(TOWN, text, 0, 10, dateline_place_end(text)) == pytest.approx(
        W_FOCUS_PLACE + W_FOCUS_DATELINE)
    assert W_FOCUS_PLACE + W_FOCUS_DATELINE >= 3 * W_FOCUS_COUNTRY


@pytest.mark.parametrize(("text", "weight"), [
    ("Two Freedonia advisers were hurt.", W_FOCUS_DEMONYM),  # qualifies a noun
    ("Troops from Freedonia crossed.", W_FOCUS_COUNTRY),
    ("Freedonia's army crossed.", W_FOCUS_COUNTRY),
])
def test_country_qualifying_a_word_counts_as_a_demonym(text: str, weight: float) -> None:
    start = text.index("Freedonia")
    assert _mention_weight(COUNTRY, text, start, start + 9, 0) == pytest.approx(weight)


ROWS = [
    (Place(10, "Verdosa", "XF", 1.0, 1.0, feature="admin1", population=90000), []),
    (Place(11, "Caldera", "XF", 1.0, 1.0, population=5000), []),
]


@pytest.fixture(scope="module")
def doc_of():
    import spacy

    nlp = spacy.blank("en")
    return nlp


def test_division_before_department(doc_of) -> None:
    gaz = InMemoryGazetteer.from_rows(ROWS)
    doc = doc_of("A clash near Caldera, Verdosa Department, and at the Police Department.")
    assert [doc[s:e].text for s, e in division_spans(doc, gaz)] == ["Verdosa"]
    doc = doc_of("Officials of the Verdosa Department of Roads met.")
    assert division_spans(doc, gaz) == []  # an agency
    doc = doc_of("A clash in Caldera Department.")  # a town, not a division
    assert division_spans(doc, gaz) == []
    doc = doc_of("Fighting in Verdosa\nDepartment went on.")
    assert [doc[s:e].text for s, e in division_spans(doc, gaz)] == ["Verdosa"]


def test_department_is_a_region_qualifier() -> None:
    text = "Fighting in Verdosa Department."
    start = text.index("Verdosa")
    assert qualifier(text, start, start + 7) == "department"
