"""Load an official GeoNames dump (allCountries.txt, XX.txt, or their .zip) into a gazetteer.

Download from https://download.geonames.org/export/dump/ (GeoNames, CC BY 4.0). The format is
tab-separated, no header, 19 columns: geonameid, name, asciiname, alternatenames (comma-
separated), latitude, longitude, feature class, feature code, country code, cc2, admin1 code,
admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, modification date.

Rows are upserted into an existing SQLite gazetteer (places and their name keys are replaced).
Feature mapping: class P -> city; A/ADM1 -> admin1; A/ADM2 -> admin2; A/PCL* -> country;
other A -> region; H -> water; T -> landform; L -> region. Other classes (spots, roads, ...)
are skipped. A real ADM1 row replaces the synthetic admin1 region the bundled build made
for the same (country, admin1 code); a real ADM2 row the synthetic admin2 unit of the same
(country, admin1 code, name). Admin1/admin2 names come from ADM1/ADM2 rows of the same
dump, else from the gazetteer already there.
"""

from __future__ import annotations

import io
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import GazetteerError
from .gazetteer import FORMAT_VERSION
from .normalize import is_latin_name, name_keys

log = logging.getLogger(__name__)

N_COLUMNS = 19
CLASS_FEATURES: dict[str, str] = {"P": "city", "H": "water", "T": "landform", "L": "region"}
ADMIN_FEATURES: dict[str, str] = {"ADM1": "admin1", "ADM2": "admin2"}
BATCH = 5000


@dataclass(frozen=True, slots=True)
class DumpRow:
    geonameid: int
    name: str
    names: tuple[str, ...]
    latitude: float
    longitude: float
    feature: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


def map_feature(feature_class: str, feature_code: str) -> str | None:
    """Our `Place.feature` for a GeoNames class/code, or None to skip the row."""
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        return ADMIN_FEATURES.get(feature_code, "region")
    return CLASS_FEATURES.get(feature_class)


def parse_line(line: str, where: str) -> DumpRow | None:
    """One dump line as a DumpRow; None for rows whose feature class we skip."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != N_COLUMNS:
        raise GazetteerError(f"{where}: expected {N_COLUMNS} tab-separated columns, got "
                             f"{len(cols)}; is this a GeoNames dump file (allCountries.txt)?")
    feature = map_feature(cols[6], cols[7])
    if feature is None:
        return None
    try:
        alternates = tuple(a for a in cols[3].split(",") if a and is_latin_name(a))
        return DumpRow(
            geonameid=int(cols[0]), name=cols[1], names=(cols[1], cols[2], *alternates),
            latitude=float(cols[4]), longitude=float(cols[5]), feature=feature,
            country_code=cols[8], admin1_code=cols[10], admin2_code=cols[11],
            population=int(cols[14] or 0),
        )
    except ValueError as exc:
        raise GazetteerError(f"{where}: malformed row ({exc})") from exc


@contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n]
            if not members:
                raise GazetteerError(f"{path}: no .txt dump inside the zip")
            with zf.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            yield fh


def iter_dump(path: Path) -> Iterator[DumpRow]:
    """Stream the rows we keep from a dump file (one pass, constant memory)."""
    with _open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            if line.strip() and not line.startswith("#"):
                row = parse_line(line, f"{path}:{number}")
                if row is not None:
                    yield row


def _admin_names(path: Path, conn: sqlite3.Connection) -> dict[tuple[str, ...], str]:
    """Admin1/admin2 names by code: from the gazetteer, then from the dump's ADM1/ADM2 rows."""
    names: dict[tuple[str, ...], str] = {}
    for cc, code, admin1 in conn.execute(
        "SELECT country_code, admin1_code, admin1 FROM places WHERE feature = 'admin1' "
        "AND admin1_code IS NOT NULL"
    ):
        names[(cc, code)] = admin1
    for row in iter_dump(path):
        if row.feature == "admin1":
            names[(row.country_code, row.admin1_code)] = row.name
        elif row.feature == "admin2":
            names[(row.country_code, row.admin1_code, row.admin2_code)] = row.name
    return names


def _batches(rows: Iterator[DumpRow], size: int) -> Iterator[list[DumpRow]]:
    batch: list[DumpRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _place_values(row: DumpRow, admin: dict[tuple[str, ...], str]) -> tuple[object, ...]:
    from ..countries import country

    info = country(row.country_code)
    admin1 = admin.get((row.country_code, row.admin1_code))
    admin2 = admin.get((row.country_code, row.admin1_code, row.admin2_code))
    return (row.geonameid, row.name, row.country_code, row.latitude, row.longitude, row.feature,
            row.population, info.iso3 if info else None, info.name if info else None,
            admin1, admin2 if row.feature not in ("admin1", "country") else None,
            row.admin1_code or None)


def _upsert(conn: sqlite3.Connection, rows: list[DumpRow],
            admin: dict[tuple[str, ...], str]) -> None:
    for row in rows:
        stale = _synthetic_twins(conn, row)
        conn.executemany("DELETE FROM places WHERE geonameid = ?", [(g,) for g in stale])
        conn.executemany("DELETE FROM names WHERE geonameid = ?", [(g,) for g in stale])
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     [_place_values(r, admin) for r in rows])
    conn.executemany("DELETE FROM names WHERE geonameid = ?", [(r.geonameid,) for r in rows])
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)",
                     [(k, r.geonameid) for r in rows for k in _keys(r.names)])


def _synthetic_twins(conn: sqlite3.Connection, row: DumpRow) -> list[int]:
    """Ids of the synthetic admin1 (same code) or admin2 (same admin1 code and name) rows
    of the bundled build that a real ADM1/ADM2 row replaces."""
    if row.feature == "admin1":
        sql = ("SELECT geonameid FROM places WHERE geonameid < 0 AND feature = 'admin1' AND "
               "country_code = ? AND admin1_code = ?")
        return [r[0] for r in conn.execute(sql, (row.country_code, row.admin1_code))]
    if row.feature == "admin2":
        sql = ("SELECT geonameid FROM places WHERE geonameid < 0 AND feature = 'admin2' AND "
               "country_code = ? AND admin1_code = ? AND name = ?")
        return [r[0] for r in conn.execute(sql, (row.country_code, row.admin1_code, row.name))]
    return []


def _keys(names: tuple[str, ...]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        keys.update(name_keys(name))
    return keys


def _check(conn: sqlite3.Connection, gazetteer_path: Path) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
    except sqlite3.Error as exc:
        raise GazetteerError(f"{gazetteer_path} is not a flashpoint gazetteer ({exc}); build "
                             f"it first with open_gazetteer(path)") from exc
    if not row or row[0] != FORMAT_VERSION:
        raise GazetteerError(f"{gazetteer_path} has gazetteer format {row and row[0]!r}, not "
                             f"{FORMAT_VERSION}; rebuild it with open_gazetteer(path) first")


def load_geonames_dump(path: Path | str, gazetteer_path: Path | str) -> int:
    """Upsert the places of a GeoNames dump into an existing gazetteer; returns rows loaded."""
    path, gazetteer_path = Path(path), Path(gazetteer_path)
    if not gazetteer_path.exists():
        raise GazetteerError(f"{gazetteer_path} does not exist; build it first with "
                             f"open_gazetteer(path)")
    conn = sqlite3.connect(gazetteer_path)
    loaded = 0
    try:
        _check(conn, gazetteer_path)
        admin = _admin_names(path, conn)
        with conn:
            for batch in _batches(iter_dump(path), BATCH):
                _upsert(conn, batch, admin)
                loaded += len(batch)
                log.info("%s: %d places loaded", path, loaded)
    except sqlite3.Error as exc:
        raise GazetteerError(f"loading {path} into {gazetteer_path} failed ({exc})") from exc
    except OSError as exc:
        raise GazetteerError(f"cannot read GeoNames dump {path} ({exc})") from exc
    finally:
        conn.close()
    log.info("loaded %d places from %s into %s", loaded, path, gazetteer_path)
    return loaded
