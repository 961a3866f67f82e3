"""Curated features and airports in the gazetteer build (flashpoint.geo.landmarks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo import landmarks
from flashpoint.geo.build import BuildData, write_database
from flashpoint.geo.gazetteer import SQLiteGazetteer, candidates
from flashpoint.geo.landmarks import (
    FEATURE_KINDS, TownGrid, add_landmarks, airport_names, read_airports, read_features,
)
from flashpoint.geo.location import geo_precision
from flashpoint.records import Place, PlaceMention

AIRPORTS_HEADER = ('"icao","iata","name","city","subd","country","elevation","lat","lon",'
                   '"tz","lid"\n')


def _town(gid: int, name: str, lat: float, lon: float, admin1: str, pop: int = 5000) -> Place:
    return Place(gid, name, "XA", lat, lon, "city", pop, admin1=admin1, admin2=f"{admin1} West")


def test_shipped_features_are_valid() -> None:
    rows = read_features()
    assert len(rows) > 100
    keys = [(r.country_code, r.name) for r in rows]
    assert len(keys) == len(set(keys))
    for r in rows:
        assert r.feature in FEATURE_KINDS
        assert -90 <= r.latitude <= 90 and -180 <= r.longitude <= 180
        assert r.country_code == "" or len(r.country_code) == 2


def test_bad_feature_row_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "features.tsv"
    path.write_text("# comment\nLake Nowhere\twater\t\tnorth\t10.0\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="features.tsv:2"):
        read_features(path)
    path.write_text("Somewhere\tvolcano\t\t1.0\t2.0\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="expected name"):
        read_features(path)


@pytest.mark.parametrize(("name", "city", "big", "expected"), [
    ("Avalon Heathrow Airport", "Avalon", frozenset(),
     ["Avalon Heathrow Airport", "Heathrow Airport", "Heathrow"]),
    ("Lakeview Pearsall International Airport", "Smalltown", frozenset({"lakeview"}),
     ["Lakeview Pearsall International Airport", "Pearsall Airport",
      "Pearsall International Airport", "Pearsall"]),
    # a core of several words (often a person's name) is kept only with "Airport"
    ("Avalon Mary Ann Smith International Airport", "Avalon", frozenset(),
     ["Avalon Mary Ann Smith International Airport", "Mary Ann Smith Airport",
      "Mary Ann Smith International Airport"]),
    # no town in front: only the full name
    ("John Q Public International Airport", "Avalon", frozenset(),
     ["John Q Public International Airport"]),
    ("Avalon International Airport", "Avalon", frozenset(), ["Avalon International Airport"]),
    ("Avalon Oak Airport", "Avalon", frozenset(), ["Avalon Oak Airport", "Oak Airport"]),
])
def test_airport_names(name: str, city: str, big: frozenset[str], expected: list[str]) -> None:
    assert sorted(airport_names(name, city, big)) == sorted(expected)


def test_read_airports_keeps_iata_rows_with_points(tmp_path: Path) -> None:
    path = tmp_path / "airports.csv"
    path.write_text(
        AIRPORTS_HEADER
        + '"XAAA","AAA","Avalon Heathrow Airport","Avalon","North","XA",10,10.5,20.5,"UTC",""\n'
        + '"XAAB","","Avalon Strip","Avalon","North","XA",10,10.6,20.6,"UTC",""\n'
        + '"XAAC","AAC","Broken Airport","Avalon","North","XA",10,north,20.6,"UTC",""\n',
        encoding="utf-8")
    rows = list(read_airports(path))
    assert [p.name for p, _ in rows] == ["Avalon Heathrow Airport"]
    place, names = rows[0]
    assert place.feature == "spot" and place.admin1 == "North" and "Heathrow" in names


def test_town_grid_finds_the_nearest_town_of_the_country() -> None:
    grid = TownGrid([_town(1, "Avalon", 10.0, 20.0, "North"),
                     _town(2, "Bree", 10.9, 20.9, "South")])
    near = grid.nearest("XA", 10.8, 20.7)
    assert near is not None and near.name == "Bree"
    assert grid.nearest("XB", 10.8, 20.7) is None
    assert grid.nearest("XA", 40.0, 20.0) is None


def test_add_landmarks_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    features = tmp_path / "features.tsv"
    features.write_text("Avalon Dam\tspot\tXA\t10.1\t20.1\tGreat Dam\n"
                        "Wide River\twater\t\t0.0\t0.0\tRiver Wide\n", encoding="utf-8")
    airports = tmp_path / "airports.csv"
    airports.write_text(AIRPORTS_HEADER + '"XAAA","AAA","Avalon Heathrow Airport","Avalon",'
                        '"North","XA",10,10.2,20.2,"UTC",""\n', encoding="utf-8")
    monkeypatch.setattr(landmarks, "read_features", lambda: read_features(features))
    monkeypatch.setattr(landmarks, "airports_csv", lambda: airports)
    data = BuildData()
    data.add(_town(1, "Avalon", 10.0, 20.0, "North", 150_000), [])
    assert add_landmarks(data, {"XA": {"name": "Xanadu", "iso3": "XAN"}}) == \
        landmarks.AIRPORTS_CREDIT
    write_database(tmp_path / "g.sqlite", data, {"format_version": "test", "max_name_tokens": "6"})
    gaz = SQLiteGazetteer(tmp_path / "g.sqlite")
    dam = candidates(gaz, "Great Dam")
    assert [p.name for p in dam] == ["Avalon Dam"]
    assert dam[0].admin1 == "North" and dam[0].admin2 == "North West"
    assert dam[0].country == "Xanadu"
    assert [p.feature for p in candidates(gaz, "River Wide")] == ["water"]
    assert [p.name for p in candidates(gaz, "Heathrow")] == ["Avalon Heathrow Airport"]


def test_add_landmarks_without_airports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(landmarks, "airports_csv", lambda: None)
    data = BuildData()
    assert add_landmarks(data, {}) is None
    assert any(p.feature == "water" for p in data.places)


def test_a_site_is_coded_like_its_town() -> None:
    site = Place(-1, "Avalon Dam", "XA", 10.1, 20.1, "spot")
    assert geo_precision(PlaceMention(0, 10, "Avalon Dam", site)) == 1
    assert geo_precision(PlaceMention(0, 10, "Avalon Dam", site, qualifier="near")) == 2
