"""Hand-curated features and airports for the gazetteer build.

- `flashpoint/geo/data/features.tsv` (part of flashpoint, Apache-2.0): seas, rivers, straits,
  large named areas ("the Middle East", "the Sahel", "Donbas") and landmarks often named in
  conflict news ("the White House", "the Kremlin", "Mosul Dam", "Bagram Air Base"), with
  rounded representative points. The file's header explains its columns.
- PyPI `airportsdata` (MIT; includes data from github.com/mwgg/Airports, MIT): airports with
  an IATA code (about 7,900), read from its airports.csv without importing the package. An
  airport is found by its full name, by its name without the city in front ("London Heathrow
  Airport" is also "Heathrow Airport" and "Heathrow"), and keeps the source's first-level
  region. The package is optional at build time.

Landmarks and airports get the feature "spot": a site inside a town, coded with precision 1
like the town itself. Spots without a region take the region of the nearest town of their
country in the build.
"""

from __future__ import annotations

import csv
import logging
import math
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GazetteerError
from ..records import Place

if TYPE_CHECKING:
    from .build import BuildData

log = logging.getLogger(__name__)

FEATURES_FILE = Path(__file__).with_name("data") / "features.tsv"
ALIASES_FILE = Path(__file__).with_name("data") / "aliases.tsv"
ALIAS_FEATURES: frozenset[str] = frozenset({"country", "admin1", "admin2"})
AIRPORTS_PACKAGE = "airportsdata"
AIRPORTS_CREDIT = "airportsdata (MIT; data from mwgg/Airports, MIT)"
FEATURE_KINDS: frozenset[str] = frozenset({"region", "water", "landform", "spot"})
# Generic tails of airport names, longest first.
AIRPORT_TAILS: tuple[str, ...] = (
    "International Airport", "Regional Airport", "Airport", "Airfield", "Air Base", "Airbase",
)
# Towns this big may stand before an airport's own name ("Toronto Pearson").
BIG_CITY = 100_000
# A bare airport name ("Heathrow") needs at least this many letters.
MIN_BARE_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Feature:
    """One row of features.tsv."""

    name: str
    feature: str
    country_code: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()


def _feature_row(cells: list[str], where: str) -> Feature:
    if len(cells) < 5 or cells[1] not in FEATURE_KINDS:
        raise GazetteerError(f"{where}: expected name, feature, country, lat, lon[, aliases]")
    try:
        lat, lon = float(cells[3]), float(cells[4])
    except ValueError as exc:
        raise GazetteerError(f"{where}: latitude and longitude must be numbers") from exc
    aliases = tuple(a for a in cells[5].split("|") if a) if len(cells) > 5 else ()
    return Feature(cells[0], cells[1], cells[2], lat, lon, aliases)


def read_features(path: Path = FEATURES_FILE) -> list[Feature]:
    """The curated rows; comment lines start with '#'."""
    rows: list[Feature] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip() and not line.startswith("#"):
                rows.append(_feature_row(line.rstrip("\n").split("\t"), f"{path.name}:{n}"))
    return rows


def landmark_id(kind: int, key: str) -> int:
    """Stable negative id (kind 2: curated features; kind 6: airports)."""
    return -(kind * 2 ** 32 + int(zlib.crc32(key.encode())))


def airport_names(name: str, city: str, big_cities: frozenset[str] = frozenset()) -> list[str]:
    """The names an airport is written under: its full name, the name without the city in
    front (its own city, or one of `big_cities` of its country: "Toronto Pearson") and, when
    that core is one distinctive word ("Heathrow", not "Pierre Elliott Trudeau"), the core
    alone."""
    names = [name]
    tail = next((t for t in AIRPORT_TAILS if name.endswith(" " + t)), None)
    base = name[: -len(tail) - 1] if tail else name
    head = _city_prefix(base, city, big_cities)
    if not head:
        return names
    core = base[len(head) + 1:].strip()
    for word in ("Airport ", "International Airport "):  # "Amsterdam Airport Schiphol"
        core = core[len(word):] if core.startswith(word) else core
    if not core or core.lower() == "international":
        return names
    names += [f"{core} {t}" for t in {tail or "Airport", "Airport"}]
    if " " not in core and sum(ch.isalpha() for ch in core) >= MIN_BARE_LETTERS \
            and core[:1].isupper():
        names.append(core)
    return names


def _city_prefix(base: str, city: str, big_cities: frozenset[str]) -> str:
    if city and base.startswith(city + " "):
        return city
    words = base.split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]).lower() in big_cities:
            return " ".join(words[:n])
    return ""


def big_city_names(places: list[Place]) -> dict[str, frozenset[str]]:
    """Lower-case names of each country's towns of BIG_CITY people or more."""
    names: dict[str, set[str]] = defaultdict(set)
    for p in places:
        if p.feature == "city" and p.population >= BIG_CITY:
            names[p.country_code].add(p.name.lower())
    return {cc: frozenset(v) for cc, v in names.items()}


def airports_csv() -> Path | None:
    spec = find_spec(AIRPORTS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "airports.csv"
    return path if path.is_file() else None


def read_airports(path: Path, big_cities: dict[str, frozenset[str]] | None = None
                  ) -> Iterator[tuple[Place, list[str]]]:
    """Airports with an IATA code, as spot places with their names."""
    big_cities = big_cities or {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            place = _airport(row)
            if place is not None:
                yield place, airport_names(place.name, row.get("city") or "",
                                           big_cities.get(place.country_code, frozenset()))


def _airport(row: dict[str, Any]) -> Place | None:
    if not row.get("iata") or not row.get("name") or len(row.get("country") or "") != 2:
        return None
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        return None
    return Place(geonameid=landmark_id(6, row["icao"] or row["iata"]), name=row["name"],
                 country_code=row["country"], latitude=lat, longitude=lon, feature="spot",
                 admin1=row.get("subd") or None)


class TownGrid:
    """Towns of the build bucketed by whole degrees, to find a spot's nearest town."""

    def __init__(self, places: list[Place]):
        self.cells: dict[tuple[str, int, int], list[Place]] = defaultdict(list)
        for p in places:
            if p.feature == "city" and p.admin1:
                self.cells[(p.country_code, math.floor(p.latitude),
                            math.floor(p.longitude))].append(p)

    def nearest(self, cc: str, lat: float, lon: float) -> Place | None:
        i, j = math.floor(lat), math.floor(lon)
        near = [p for di in (-1, 0, 1) for dj in (-1, 0, 1)
                for p in self.cells.get((cc, i + di, j + dj), ())]
        return min(near, key=lambda p: (p.latitude - lat) ** 2 + (p.longitude - lon) ** 2,
                   default=None)


def _with_region(place: Place, grid: TownGrid, countries: dict[str, Any]) -> Place:
    info = countries.get(place.country_code, {})
    town = grid.nearest(place.country_code, place.latitude, place.longitude)
    return replace(place, iso3=info.get("iso3"), country=info.get("name"),
                   admin1=place.admin1 or (town.admin1 if town else None),
                   admin2=town.admin2 if town and place.feature == "spot" else None)


@dataclass(frozen=True, slots=True)
class Alias:
    """One row of aliases.tsv: other names of a place already in the build."""

    country_code: str
    feature: str
    name: str
    aliases: tuple[str, ...]


def read_aliases(path: Path = ALIASES_FILE) -> list[Alias]:
    """The curated other names; comment lines start with '#'."""
    rows: list[Alias] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            cells = line.rstrip("\n").split("\t")
            if not line.strip() or line.startswith("#"):
                continue
            if len(cells) != 4 or cells[1] not in ALIAS_FEATURES:
                raise GazetteerError(f"{path.name}:{n}: expected country, feature "
                                     f"(country|admin1|admin2), name, aliases")
            rows.append(Alias(cells[0], cells[1], cells[2],
                              tuple(a for a in cells[3].split("|") if a)))
    return rows


def add_aliases(data: BuildData, rows: list[Alias] | None = None) -> int:
    """Give the places that `rows` describe their other names (a country by its code, a
    region by country, feature and name); returns how many places gained names."""
    from .normalize import normalize_name

    wanted = {(a.country_code, a.feature, "" if a.feature == "country"
               else normalize_name(a.name)): a.aliases for a in (rows or read_aliases())}
    hits = 0
    for p in data.places:
        key = (p.country_code, p.feature, "" if p.feature == "country"
               else normalize_name(p.name))
        if key in wanted:
            data.names[p.geonameid].update(wanted[key])
            hits += 1
    return hits


def add_landmarks(data: BuildData, countries: dict[str, Any]) -> str | None:
    """Add the curated features and, when installed, the airports; returns the airports'
    credit line or None."""
    grid = TownGrid(data.places)
    for f in read_features():
        key = f"{f.country_code}.{f.name}" if f.country_code else f.name
        place = Place(geonameid=landmark_id(2, key), name=f.name,
                      country_code=f.country_code, latitude=f.latitude,
                      longitude=f.longitude, feature=f.feature)
        data.add(_with_region(place, grid, countries) if f.country_code else place, f.aliases)
    path = airports_csv()
    if path is None:
        log.info("%s is not installed; building without airports", AIRPORTS_PACKAGE)
        return None
    n = 0
    for place, names in read_airports(path, big_city_names(data.places)):
        data.add(_with_region(place, grid, countries), names)
        n += 1
    log.info("airports: %d added", n)
    return AIRPORTS_CREDIT
