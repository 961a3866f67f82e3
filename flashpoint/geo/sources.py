"""Extra gazetteer sources beyond the bundled GeoNames extract.

countrystatecity-countries (PyPI `countrystatecity-countries`, data from the
dr5hn/countries-states-cities-database project, Open Database License ODbL-1.0,
https://opendatacommons.org/licenses/odbl/1-0/; attribution: "countries-states-cities-database
by dr5hn, ODbL-1.0"). Its `data/` folder holds, per country, `by-country/CC/states.json`
(first-level units, and in some countries second-level ones, each with a centre point, ISO
3166-2 code and a `type` such as province or district) and `by-country/CC/states/XX/cities.json`
(towns with points, mostly GeoNames-derived). What the build takes from it:
- states: each is matched by country and name to an admin1 region built from GeoNames; a match
  gets the mean of the two centre estimates (the box midpoint of the region's towns and the
  published point; on the dev corpora the mean is closer to GeoNames' own ADM1 points than
  either) and the state's name as another name; an unmatched state becomes a new area row
  (admin1, or admin2 for second-level types) with a synthetic id.
- cities: a town that GeoNames cities500 lacks (no place of the same name key within
  CITY_DEDUP_KM in the same country) becomes a city row with population 0, so the resolver
  still prefers the populous places.
The package is optional at build time: without it the build logs a note and goes on.
Nothing here imports the package itself (it imports pydantic); the JSON is read directly.
"""

from __future__ import annotations

import json
import logging
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GazetteerError
from ..records import Place
from .normalize import normalize_name

if TYPE_CHECKING:
    from .build import BuildData

log = logging.getLogger(__name__)

CSC_PACKAGE = "countrystatecity_countries"
CSC_CREDIT = "countries-states-cities-database by dr5hn (ODbL-1.0) via countrystatecity-countries"
# A CSC town within this distance of a GeoNames place with the same name key is the same town.
CITY_DEDUP_KM = 10.0
# State types that name second-level units (below a first-level region).
SECOND_LEVEL_TYPES: frozenset[str] = frozenset({
    "district", "municipality", "county", "parish", "unitary authority", "local council",
    "rural municipality", "district municipality", "metropolitan district", "village", "city",
    "london borough", "commune", "urban municipality", "two-tier county", "metropolitan borough",
    "borough", "town", "city municipality",
})
# Generic words that official names put first in other languages ("Muhafazat al Hudaydah",
# "Provincia de Buenos Aires").
AREA_PREFIXES: tuple[str, ...] = (
    "muhafazat", "muhafazah", "wilayat", "wilayah", "provincia de", "provincia del",
    "departamento de", "departamento del", "estado de", "estado do",
)
# Generic words that official names add ("Kano State", "Tripoli District").
AREA_SUFFIXES: tuple[str, ...] = (
    "governorate", "province", "region", "state", "oblast", "district", "county",
    "department", "prefecture", "municipality", "territory", "canton", "voivodeship", "krai",
)


@dataclass(frozen=True, slots=True)
class AreaRecord:
    """A first- or second-level unit from an extra source."""

    name: str
    country_code: str
    latitude: float
    longitude: float
    kind: str  # the source's own type word ("province", "district", ...)
    code: str = ""  # ISO 3166-2 code
    state: str = ""  # the source's own state code, which its towns refer to


@dataclass(frozen=True, slots=True)
class TownRecord:
    name: str
    country_code: str
    latitude: float
    longitude: float
    state: str = ""  # the source's state code


def csc_root() -> Path | None:
    """The data folder of the installed countrystatecity-countries package, or None."""
    spec = find_spec(CSC_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country"
    return root if root.is_dir() else None


def read_json(path: Path, package: str = CSC_PACKAGE) -> Any:
    """A bundled JSON data file; `GazetteerError` naming the package to reinstall if unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"cannot read {path} ({exc}); reinstall {package}") from exc


def _point(rec: dict[str, Any]) -> tuple[float, float] | None:
    try:
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lat, lon


def read_csc_states(root: Path) -> list[AreaRecord]:
    """Every state of `root`/CC/states.json that has a usable point."""
    out: list[AreaRecord] = []
    for path in sorted(root.glob("*/states.json")):
        for rec in read_json(path):
            point = _point(rec)
            if point and rec.get("name") and rec.get("country_code"):
                out.append(AreaRecord(
                    rec["name"], rec["country_code"], *point,
                    str(rec.get("type") or "").lower(), str(rec.get("iso3166_2") or ""),
                    str(rec.get("state_code") or ""),
                ))
    return out


def read_csc_towns(root: Path) -> Iterator[TownRecord]:
    """Every town of `root`/CC/states/XX/cities.json that has a usable point."""
    for path in sorted(root.glob("*/states/*/cities.json")):
        for rec in read_json(path):
            point = _point(rec)
            if point and rec.get("name") and rec.get("country_code"):
                yield TownRecord(rec["name"], rec["country_code"], *point,
                                 str(rec.get("state_code") or ""))


def area_key(name: str) -> str:
    """'Kano State' and 'Kano' -> 'kano', 'Muhafazat al Hudaydah' and 'Al Hudaydah' ->
    'al hudaydah'; the key that matches units across sources."""
    key = normalize_name(name)
    for prefix in AREA_PREFIXES:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 3:
            return key[len(prefix) + 1:]
    for suffix in AREA_SUFFIXES:
        tail, head = f" {suffix}", f"{suffix} of "
        if key.endswith(tail) and len(key) > len(tail) + 2:
            return key[: -len(tail)]
        if key.startswith(head) and len(key) > len(head) + 2:
            return key[len(head):]
    return key


def synthetic_source_id(kind: int, key: str) -> int:
    """Stable negative id for rows of extra sources (kinds 3 and up; 1 and 2 are build.py's)."""
    return -(kind * 2 ** 32 + int(zlib.crc32(key.encode())))


StateLinks = dict[tuple[str, str], tuple[str, str | None]]


def merge_areas(data: BuildData, areas: Iterable[AreaRecord],
                countries: dict[str, Any]) -> StateLinks:
    """Merge units into `data`: matched admin1 rows get the mean point and the extra name,
    the rest become new rows. Returns (country, state code) -> (admin1 name, GeoNames admin1
    code or None) for the first-level units, so towns can name their region."""
    index = _admin1_index(data)
    links: StateLinks = {}
    for area in areas:
        row = index.get((area.country_code, area_key(area.name)))
        if row is not None:
            place = _refine(data, row, area)
            links[(area.country_code, area.state)] = (
                place.name, data.admin1_codes.get(place.geonameid))
        elif _add_area(data, area, countries) and area.kind not in SECOND_LEVEL_TYPES:
            links[(area.country_code, area.state)] = (area.name, None)
    return links


def _admin1_index(data: BuildData) -> dict[tuple[str, str], int]:
    """(country, area key) -> position in data.places of the first-level regions."""
    index: dict[tuple[str, str], int] = {}
    for row, p in enumerate(data.places):
        if p.feature == "admin1":
            index.setdefault((p.country_code, area_key(p.name)), row)
    return index


def _refine(data: BuildData, row: int, area: AreaRecord) -> Place:
    """Move region `row` to the mean of both centre points; add the area's spelling."""
    old = data.places[row]
    lat = round((old.latitude + area.latitude) / 2, 5)
    lon = round((old.longitude + area.longitude) / 2, 5)
    data.places[row] = replace(old, latitude=lat, longitude=lon)
    data.names[old.geonameid].add(area.name)
    return data.places[row]


def _add_area(data: BuildData, area: AreaRecord, countries: dict[str, Any]) -> bool:
    info = countries.get(area.country_code)
    if info is None:
        return False
    second = area.kind in SECOND_LEVEL_TYPES
    place = Place(
        geonameid=synthetic_source_id(3, f"{area.country_code}.{area.code}.{area.name}"),
        name=area.name, country_code=area.country_code, latitude=area.latitude,
        longitude=area.longitude, feature="admin2" if second else "admin1", population=0,
        iso3=info.get("iso3"), country=info.get("name"),
        admin1=None if second else area.name, admin2=area.name if second else None,
    )
    stripped = area_key(area.name)
    data.add(place, [stripped.title()] if stripped != normalize_name(area.name) else [])
    return True


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def merge_towns(data: BuildData, towns: Iterable[TownRecord], countries: dict[str, Any],
                links: StateLinks | None = None) -> int:
    """Add the towns that `data` lacks as population-0 cities, naming their region through
    `links` (from `merge_areas`); returns how many were added."""
    known = _known_towns(data)
    added = 0
    for town in towns:
        info = countries.get(town.country_code)
        points = known[(town.country_code, normalize_name(town.name))]
        if info is None or any(km(town.latitude, town.longitude, *pt) <= CITY_DEDUP_KM
                               for pt in points):
            continue
        points.append((town.latitude, town.longitude))
        region, code = (links or {}).get((town.country_code, town.state), (None, None))
        data.add(replace(_town_place(town, info), admin1=region), [], code)
        added += 1
    return added


def _known_towns(data: BuildData) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country, normalised name or alternate name) -> points of the cities in `data`."""
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for p in data.places:
        if p.feature == "city":
            for name in data.names.get(p.geonameid, {p.name}):
                known[(p.country_code, normalize_name(name))].append((p.latitude, p.longitude))
    return known


def _town_place(town: TownRecord, info: dict[str, Any]) -> Place:
    return Place(
        geonameid=synthetic_source_id(4, f"{town.country_code}.{town.state}.{town.name}."
                                         f"{town.latitude:.3f}.{town.longitude:.3f}"),
        name=town.name, country_code=town.country_code, latitude=town.latitude,
        longitude=town.longitude, feature="city", population=0, iso3=info.get("iso3"),
        country=info.get("name"),
    )


def add_csc(data: BuildData, countries: dict[str, Any], root: Path | None = None,
            towns: bool = True) -> str | None:
    """Merge countrystatecity-countries into `data`; returns a credit line, or None when the
    package is not installed."""
    root = root or csc_root()
    if root is None:
        log.info("%s is not installed; building without its states and towns", CSC_PACKAGE)
        return None
    links = merge_areas(data, read_csc_states(root), countries)
    new_towns = merge_towns(data, read_csc_towns(root), countries, links) if towns else 0
    log.info("countrystatecity: %d places, %d of them new towns", len(data.places), new_towns)
    return CSC_CREDIT
