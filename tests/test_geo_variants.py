"""Other written forms of place names (flashpoint.geo.variants), the lookup fallback that uses
them (resolve.lookup_span), and the curated other names of aliases.tsv (landmarks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo.build import BuildData
from flashpoint.geo.gazetteer import InMemoryGazetteer
from flashpoint.geo.landmarks import (
    ALIAS_FEATURES, Alias, add_aliases, airport_names, read_aliases,
)
from flashpoint.geo.resolve import lookup_span, resolve_toponyms
from flashpoint.geo.variants import DEMONYM_MIN_POPULATION, demonym_bases, name_variants
from flashpoint.records import Place


@pytest.mark.parametrize(("text", "expected"), [
    ("Harlow Township", ["Harlow"]),
    ("Oakmere Twp.", ["Oakmere"]),
    ("Town of Brisco", ["Brisco"]),
    ("Kuru LGA", ["Kuru"]),
    ("Kuru Local Government Area", ["Kuru"]),
    ("Bellow Municipal District", ["Bellow"]),
    ("Republic of Zandia", ["Zandia"]),
    ("the Islamic Republic of Zandia", ["Zandia"]),
    ("Zandia Republic", ["Zandia"]),
    ("Delmont Co.", ["Delmont County"]),
    ("Barangay San Pablo", ["San Pablo"]),
    ("Port of Delmont", ["Delmont"]),
    ("Greater Delmont Area", ["Delmont"]),
    ("Greater Delmont", ["Delmont"]),
    # a position word in front: a part of the place
    ("South Delmont", ["Delmont"]),
    ("Western Zandia", ["Zandia"]),
    ("W. Delmont", ["Delmont"]),
    ("Upper Delmont", ["Delmont"]),
    # both: wrapper first, then the position word of the bare name
    ("North Harlow Township", ["North Harlow", "Harlow Township", "Harlow"]),
    # nothing to strip
    ("Southampton", []),
    ("Westminster", []),
    ("North", []),
    ("Delmont", []),
    ("Co.", []),
])
def test_name_variants(text: str, expected: list[str]) -> None:
    assert name_variants(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Albertans", "Alberta"),
    ("Bavarian", "Bavaria"),
    ("Ontarians", "Ontario"),
    ("Sicilian", "Sicily"),
    ("Ohioan", "Ohio"),
    ("Texan", "Texas"),
    ("Yemeni", "Yemen"),
    ("Vermonters", "Vermont"),
    ("Kurdish", "Kurdistan"),
    ("Abkhaz", "Abkhazia"),
    ("North Zandian", "North Zandia"),
])
def test_demonym_bases_contain_the_place(text: str, expected: str) -> None:
    assert expected in demonym_bases(text)


@pytest.mark.parametrize("text", ["Smith", "bavarian", "Io", "Delmont Township"])
def test_demonym_bases_leave_other_words(text: str) -> None:
    assert demonym_bases(text) == []


def _place(gid: int, name: str, feature: str, pop: int, lat: float = 10.0,
           lon: float = 10.0, cc: str = "XA") -> Place:
    return Place(gid, name, cc, lat, lon, feature, pop, admin1="Bavaria")


@pytest.fixture(scope="module")
def gaz() -> InMemoryGazetteer:
    rows = [
        (_place(1, "Delmont", "city", 40_000), []),
        (_place(2, "North Delmont", "city", 3_000, 10.2), []),
        (_place(3, "Bavaria", "admin1", 900_000, 11.0), []),
        (_place(4, "Bavari", "city", 200, 30.0), []),  # a hamlet a suffix rule could hit
        (_place(5, "Zandia", "country", 5_000_000, 12.0), ["Zandian Republic"]),
        (_place(6, "Harlow", "city", 8_000, 13.0), []),
        (_place(7, "Kestrel", "city", DEMONYM_MIN_POPULATION - 1, 14.0), []),
    ]
    return InMemoryGazetteer.from_rows(rows)


def _names(places: list[Place]) -> list[str]:
    return sorted(p.name for p in places)


def test_lookup_tries_other_forms_only_when_the_name_has_no_candidate(gaz) -> None:
    assert _names(lookup_span(gaz, "Harlow Township")) == ["Harlow"]
    assert _names(lookup_span(gaz, "Republic of Zandia")) == ["Zandia"]
    assert _names(lookup_span(gaz, "Southern Bavaria")) == ["Bavaria"]
    # "North Delmont" is a town of its own: never widened to Delmont
    assert _names(lookup_span(gaz, "North Delmont")) == ["North Delmont"]


def test_demonym_lookup_takes_areas_and_large_towns_only(gaz) -> None:
    assert _names(lookup_span(gaz, "Bavarians")) == ["Bavaria"]
    assert _names(lookup_span(gaz, "Delmonters")) == ["Delmont"]
    assert lookup_span(gaz, "Kestrelers") == []  # too small a town to be a demonym's base
    assert lookup_span(gaz, "bavarians") == []


def test_resolved_in_a_sentence(gaz) -> None:
    text = "Flooding hit Harlow Township and worried Bavarians."
    spans = [(text.index(n), text.index(n) + len(n), n) for n in ("Harlow Township",
                                                                   "Bavarians")]
    mentions, _focus = resolve_toponyms(spans, text, gaz)
    assert [m.place.name if m.place else None for m in mentions] == ["Harlow", "Bavaria"]


# --- aliases.tsv ------------------------------------------------------------------------


def test_shipped_aliases_are_valid() -> None:
    rows = read_aliases()
    assert len(rows) >= 20
    for r in rows:
        assert len(r.country_code) == 2 and r.feature in ALIAS_FEATURES and r.aliases
        assert r.feature == "country" or r.name


def test_bad_alias_row_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text("# comment\nXA\tvolcano\tBig One\tBiggie\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="aliases.tsv:2"):
        read_aliases(path)


def test_add_aliases_names_countries_by_code_and_regions_by_name() -> None:
    data = BuildData()
    data.add(_place(5, "Zandia", "country", 5_000_000), [])
    data.add(_place(8, "Greater Wexham", "admin2", 90_000), [])
    data.add(_place(9, "Greater Wexham", "city", 9_000), [])
    rows = [Alias("XA", "country", "", ("Old Zandia", "OZ")),
            Alias("XA", "admin2", "greater wexham", ("Wex.",))]
    assert add_aliases(data, rows) == 2
    assert {"Old Zandia", "OZ"} <= data.names[5]
    assert "Wex." in data.names[8] and "Wex." not in data.names[9]


def test_airport_named_after_its_city_and_the_word_airport() -> None:
    names = airport_names("Avalon Airport Kestrelmoor", "Avalon")
    assert "Kestrelmoor" in names and "Kestrelmoor Airport" in names
