"""Extra gazetteer sources (flashpoint.geo.sources) on tiny fixtures in the source formats."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo import sources
from flashpoint.geo.build import BuildData, _admin2_aliases, write_database
from flashpoint.geo.gazetteer import (
    FORMAT_VERSION,
    InMemoryGazetteer,
    SQLiteGazetteer,
    candidates,
)
from flashpoint.geo.sources import (
    AreaRecord,
    TownRecord,
    add_csc,
    area_key,
    merge_areas,
    merge_towns,
    read_csc_states,
    read_csc_towns,
)
from flashpoint.records import Place

COUNTRIES: dict[str, Any] = {"SY": {"name": "Syria", "iso3": "SYR"},
                             "GB": {"name": "United Kingdom", "iso3": "GBR"}}
SY_STATES = [
    {"id": 1, "name": "Deir ez-Zor", "country_code": "SY", "state_code": "DY",
     "type": "Governorate", "latitude": "35.00", "longitude": "40.00", "iso3166_2": "SY-DY"},
    {"id": 2, "name": "Quneitra Governorate", "country_code": "SY", "state_code": "QU",
     "type": "governorate", "latitude": "33.07", "longitude": "35.84", "iso3166_2": "SY-QU"},
    {"id": 3, "name": "Nowhere", "country_code": "SY", "state_code": "NO",
     "type": "province", "latitude": None, "longitude": None},
]
GB_STATES = [
    {"id": 4, "name": "Kirklees", "country_code": "GB", "state_code": "KIR",
     "type": "metropolitan district", "latitude": "53.59", "longitude": "-1.80",
     "iso3166_2": "GB-KIR"},
]
DY_TOWNS = [
    {"id": 10, "name": "Al Mayadin", "state_code": "DY", "country_code": "SY",
     "latitude": "35.02", "longitude": "40.45"},  # a GeoNames town 1-2 km away: a duplicate
    {"id": 11, "name": "Hajin", "state_code": "DY", "country_code": "SY",
     "latitude": "34.69", "longitude": "40.83"},
    {"id": 12, "name": "Al Mayadin", "state_code": "DY", "country_code": "SY",
     "latitude": "34.20", "longitude": "41.50"},  # same name, far away: another town
    {"id": 13, "name": "Broken", "state_code": "DY", "country_code": "SY",
     "latitude": "x", "longitude": "40.0"},
]


def _write(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj), encoding="utf-8")


@pytest.fixture()
def csc(tmp_path: Path) -> Path:
    """A by-country folder laid out as countrystatecity-countries ships it."""
    root = tmp_path / "by-country"
    _write(root / "SY" / "states.json", SY_STATES)
    _write(root / "GB" / "states.json", GB_STATES)
    _write(root / "SY" / "states" / "DY" / "cities.json", DY_TOWNS)
    _write(root / "SY" / "states" / "QU" / "cities.json", [])
    return root


def _geonames_data() -> BuildData:
    data = BuildData()
    data.add(Place(-7, "Deir ez-Zor Governorate", "SY", 35.4, 40.2, "admin1", 900_000,
                   "SYR", "Syria", "Deir ez-Zor Governorate"), [], "07")
    data.add(Place(173480, "Al Mayadin", "SY", 35.0206, 40.4531, "city", 44_000, "SYR",
                   "Syria", "Deir ez-Zor Governorate"), ["Al-Mayadeen", "Mayadin"], "07")
    return data


def test_read_states_keeps_usable_points(csc: Path) -> None:
    states = read_csc_states(csc)
    assert {s.name for s in states} == {"Deir ez-Zor", "Quneitra Governorate", "Kirklees"}
    dz = next(s for s in states if s.name == "Deir ez-Zor")
    assert (dz.kind, dz.code, dz.state, dz.latitude) == ("governorate", "SY-DY", "DY", 35.0)


def test_read_towns_skips_bad_points(csc: Path) -> None:
    towns = list(read_csc_towns(csc))
    assert [t.name for t in towns] == ["Al Mayadin", "Hajin", "Al Mayadin"]
    assert all(t.state == "DY" and t.country_code == "SY" for t in towns)


def test_unreadable_file_raises(tmp_path: Path) -> None:
    bad = tmp_path / "by-country" / "SY" / "states.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError, match="reinstall"):
        read_csc_states(tmp_path / "by-country")


@pytest.mark.parametrize(("name", "key"), [
    ("Kano State", "kano"), ("Deir ez-Zor Governorate", "deir ez zor"),
    ("Province of Bergamo", "bergamo"), ("State", "state"), ("Borno", "borno"),
    ("Muhafazat al Hudaydah", "al hudaydah"), ("Provincia de Buenos Aires", "buenos aires"),
    ("Muhafazat", "muhafazat"),
])
def test_area_key(name: str, key: str) -> None:
    assert area_key(name) == key


def test_merge_areas_refines_matches_and_adds_the_rest(csc: Path) -> None:
    data = _geonames_data()
    links = merge_areas(data, read_csc_states(csc), COUNTRIES)
    region = data.places[0]
    assert (region.latitude, region.longitude) == (35.2, 40.1)  # mean of the two estimates
    assert region.geonameid == -7 and region.population == 900_000
    assert "Deir ez-Zor" in data.names[-7]
    quneitra = next(p for p in data.places if p.name == "Quneitra Governorate")
    assert quneitra.feature == "admin1" and quneitra.geonameid < -3 * 2 ** 32
    assert "Quneitra" in data.names[quneitra.geonameid]
    kirklees = next(p for p in data.places if p.name == "Kirklees")
    assert kirklees.feature == "admin2" and kirklees.admin2 == "Kirklees"
    assert links[("SY", "DY")] == ("Deir ez-Zor Governorate", "07")
    assert links[("SY", "QU")] == ("Quneitra Governorate", None)
    assert ("GB", "KIR") not in links  # second-level units name no region


def test_merge_areas_skips_unknown_countries() -> None:
    data = BuildData()
    merge_areas(data, [AreaRecord("Atlantis", "XX", 1.0, 2.0, "province")], COUNTRIES)
    assert data.places == []


def test_merge_towns_adds_only_missing_towns(csc: Path) -> None:
    data = _geonames_data()
    links = merge_areas(data, read_csc_states(csc), COUNTRIES)
    before = len(data.places)
    assert merge_towns(data, read_csc_towns(csc), COUNTRIES, links) == 2
    new = data.places[before:]
    assert {(p.name, p.latitude) for p in new} == {("Hajin", 34.69), ("Al Mayadin", 34.2)}
    assert all(p.population == 0 and p.feature == "city" for p in new)
    assert all(p.admin1 == "Deir ez-Zor Governorate" for p in new)
    assert all(data.admin1_codes[p.geonameid] == "07" for p in new)


def test_merge_towns_dedups_on_alternate_names() -> None:
    data = _geonames_data()
    town = TownRecord("Al-Mayadeen", "SY", 35.03, 40.46, "DY")
    assert merge_towns(data, [town, town], COUNTRIES) == 0


def test_merge_towns_keeps_same_named_towns_apart() -> None:
    data = BuildData()
    towns = [TownRecord("Hajin", "SY", 34.69, 40.83), TownRecord("Hajin", "SY", 34.70, 40.84),
             TownRecord("Hajin", "SY", 36.0, 37.0)]
    assert merge_towns(data, towns, COUNTRIES) == 2
    assert len({p.geonameid for p in data.places}) == 2


def test_add_csc_without_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "csc_root", lambda: None)
    data = _geonames_data()
    assert add_csc(data, COUNTRIES) is None
    assert len(data.places) == 2


def test_add_csc_end_to_end_lookup(csc: Path, tmp_path: Path) -> None:
    data = _geonames_data()
    assert add_csc(data, COUNTRIES, root=csc) == sources.CSC_CREDIT
    path = tmp_path / "g.sqlite"
    write_database(path, data, {"format_version": FORMAT_VERSION, "max_name_tokens": "6"})
    gaz = SQLiteGazetteer(path)
    assert [p.name for p in candidates(gaz, "Hajin")] == ["Hajin"]
    assert {p.geonameid for p in candidates(gaz, "Deir ez-Zor")} == {-7}
    assert len(candidates(gaz, "Al Mayadin")) == 2  # the GeoNames town and the far namesake


def test_csc_root_finds_the_installed_package() -> None:
    root = sources.csc_root()
    if importlib.util.find_spec(sources.CSC_PACKAGE) is None:
        assert root is None
    else:
        assert root is not None and (root / "SY" / "states.json").is_file()


@pytest.mark.parametrize(("name", "aliases"), [
    ("DeKalb County", ["DeKalb"]), ("Orleans Parish", ["Orleans"]), ("Kirklees", []),
    ("County", []),
])
def test_admin2_aliases(name: str, aliases: list[str]) -> None:
    assert _admin2_aliases(name) == aliases


def test_km() -> None:
    assert sources.km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)


def _misses_module() -> Any:
    path = Path(__file__).parents[1] / "bench" / "geo_misses.py"
    spec = importlib.util.spec_from_file_location("geo_misses", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_geo_misses_reports_absent_and_far(tmp_path: Path) -> None:
    text = "Shelling hit Hajin and Atlantis near Paris."
    tops = [{"start": 13, "end": 18, "surface": "Hajin", "lat": 34.69, "lon": 40.83,
             "type": "P.PPL"},
            {"start": 23, "end": 31, "surface": "Atlantis", "lat": 1.0, "lon": 1.0,
             "type": "P.PPL"},
            {"start": 37, "end": 42, "surface": "Paris", "lat": 33.66, "lon": -95.56,
             "type": "P.PPL"}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "d1", "text": text, "toponyms": tops}) + "\n",
                    encoding="utf-8")
    gaz = InMemoryGazetteer.from_rows([
        (Place(1, "Hajin", "SY", 34.69, 40.83, "city"), []),
        (Place(2, "Paris", "FR", 48.85, 2.35, "city", 2_000_000), []),
    ])
    total, missed = _misses_module().misses(gold, gaz)
    assert total == 3
    assert sorted(missed) == [("P.PPL", "Atlantis", "absent"), ("P.PPL", "Paris", "far")]
