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


# --- last checks against the support of the rest of the text (_reconsider) ---------------

LIMA_PE = Place(3936456, "Lima", "PE", -12.04, -77.03, population=7_700_000)
LIMA_US = Place(4517009, "Lima", "US", 40.74, -84.11, population=38_000)
QUITO = Place(3652462, "Quito", "EC", -0.23, -78.52, population=1_400_000)
ELMWOOD_US = Place(501, "Elmwood Hollow", "US", 38.0, -121.0, population=7_000)
FERNBROOK_US = Place(502, "Fernbrook", "US", 38.3, -121.2, population=9_000)


def _tiny(*places: Place):
    from flashpoint.geo.gazetteer import InMemoryGazetteer

    return InMemoryGazetteer.from_rows([(p, []) for p in places])


def _resolve(text: str, *names: str):
    from flashpoint.geo.resolve import resolve_toponyms

    spans, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        spans.append((start, start + len(name), name))
        pos = start + len(name)
    gaz = _tiny(LIMA_PE, LIMA_US, QUITO, ELMWOOD_US, FERNBROOK_US)
    return [m.place for m in resolve_toponyms(spans, text, gaz)[0]]


def test_supported_capital_beats_a_small_namesake() -> None:
    from flashpoint.geo.resolve import _supported_capital

    assert _supported_capital(LIMA_US, [LIMA_PE, LIMA_US], {"PE": 0.5}) == LIMA_PE
    assert _supported_capital(LIMA_US, [LIMA_PE, LIMA_US], {"US": 3.0}) is None
    text = "Quito, 4 may 90 -- Peruvian exiles said police beat marchers in Lima."
    assert _resolve(text, "Quito", "Lima") == [QUITO, LIMA_PE]


def test_stray_small_town_abroad_is_left_unresolved() -> None:
    text = "Quito, 4 may 90 -- Ecuadorean troops cleared Elmwood Hollow, a district."
    assert _resolve(text, "Quito", "Elmwood Hollow") == [QUITO, None]


@pytest.mark.parametrize(("text", "names"), [
    ("Quito, 4 may 90 -- Ecuadoreans fled to the American town of Elmwood Hollow.",
     ("Quito", "Elmwood Hollow")),
    ("Quito, 4 may 90 -- Ecuadoreans moved from Fernbrook to Elmwood Hollow.",
     ("Quito", "Fernbrook", "Elmwood Hollow")),
])
def test_town_abroad_kept_when_its_country_is_supported(text: str,
                                                        names: tuple[str, ...]) -> None:
    assert _resolve(text, *names)[-1] == ELMWOOD_US


def test_town_kept_without_a_firm_main_country() -> None:
    from flashpoint.geo.resolve import _stray

    assert _stray(ELMWOOD_US, {"EC": 3.0})
    assert not _stray(ELMWOOD_US, {"EC": 1.0})  # one plain mention: no firm focus
    assert not _stray(LIMA_PE, {"EC": 3.0})  # not a small town


def test_dateline_names_a_town_not_a_same_named_state() -> None:
    from flashpoint.geo.gazetteer import InMemoryGazetteer
    from flashpoint.geo.resolve import resolve_toponyms

    state = Place(601, "Marisol", "VE", 10.4, -63.5, "admin1", 900_000, admin1="Marisol")
    town = Place(602, "Marisol", "BO", -19.0, -65.3, population=40_000)
    gaz = InMemoryGazetteer.from_rows([(state, []), (town, [])])
    text = "Marisol, 3 sep 89 (Radio) -- [text] a bomb went off."
    assert resolve_toponyms([(0, 7, "Marisol")], text, gaz)[0][0].place == town
    later = "A bomb went off in Marisol."
    start = later.index("Marisol")
    assert resolve_toponyms([(start, start + 7, "Marisol")], later, gaz)[0][0].place == state
