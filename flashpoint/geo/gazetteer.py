"""The gazetteer: a narrow lookup interface with an SQLite and an in-memory implementation.

Keys are produced by `flashpoint.geo.normalize.name_keys`; the index holds every key of every
name (official name, ASCII name, Latin-script alternate names) of every place. Consumers use
`candidates(gazetteer, text)`, which unions the lookups of all keys of `text`.

SQLite layout (FORMAT_VERSION in the `meta` table; a file with another version is rebuilt):
  meta(key PRIMARY KEY, value)
  places(geonameid PRIMARY KEY, name, country_code, latitude, longitude, feature, population,
         iso3, country, admin1, admin2, admin1_code)
  names(key, geonameid) PRIMARY KEY (key, geonameid), WITHOUT ROWID (clustered by key)
"""

from __future__ import annotations

import csv
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Protocol

from ..errors import GazetteerError
from ..records import Place
from .normalize import name_keys

log = logging.getLogger(__name__)

FORMAT_VERSION = "5"
PLACE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Place))
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country_code TEXT NOT NULL,
    latitude REAL NOT NULL, longitude REAL NOT NULL, feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, iso3 TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
    admin1_code TEXT
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
"""
DEFAULT_MAX_NAME_TOKENS = 6

PlaceRow = tuple[Place, Iterable[str]]


class Gazetteer(Protocol):
    """What the geocoder needs from a gazetteer."""

    max_name_tokens: int

    def lookup(self, key: str) -> list[Place]:
        """Places having a name with this key (one key from `name_keys`), deduplicated."""
        ...

    def get(self, geonameid: int) -> Place | None: ...

    def contains_key(self, key: str) -> bool: ...


def candidates(gazetteer: Gazetteer, text: str) -> list[Place]:
    """All places any key of `text` leads to, deduplicated, in a stable order."""
    seen: dict[int, Place] = {}
    for key in sorted(name_keys(text)):
        for place in gazetteer.lookup(key):
            seen.setdefault(place.geonameid, place)
    return list(seen.values())


def has_name(gazetteer: Gazetteer, text: str) -> bool:
    return any(gazetteer.contains_key(k) for k in name_keys(text))


class InMemoryGazetteer:
    """A dict-backed gazetteer for tests and small custom place lists."""

    def __init__(self, places: dict[int, Place], index: dict[str, list[int]], max_tokens: int):
        self._places = places
        self._index = index
        self.max_name_tokens = max_tokens

    @classmethod
    def from_rows(cls, rows: Iterable[PlaceRow]) -> InMemoryGazetteer:
        places: dict[int, Place] = {}
        index: dict[str, list[int]] = {}
        max_tokens = 1
        for place, alternates in rows:
            places[place.geonameid] = place
            for name in {place.name, *alternates}:
                for key in name_keys(name):
                    ids = index.setdefault(key, [])
                    if place.geonameid not in ids:
                        ids.append(place.geonameid)
                    max_tokens = max(max_tokens, len(key.split()))
        return cls(places, index, min(max_tokens, DEFAULT_MAX_NAME_TOKENS))

    def lookup(self, key: str) -> list[Place]:
        return [self._places[i] for i in self._index.get(key, [])]

    def get(self, geonameid: int) -> Place | None:
        return self._places.get(geonameid)

    def contains_key(self, key: str) -> bool:
        return key in self._index

    def __len__(self) -> int:
        return len(self._places)


def _place_from_row(row: tuple[object, ...]) -> Place:
    return Place(*row)  # type: ignore[arg-type]


class SQLiteGazetteer:
    """A read-only view of a gazetteer file built by `build_gazetteer`.

    One connection, shared by threads behind a lock; lookups are cached per key."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            uri = f"file:{self.path.resolve()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"gazetteer {self.path} cannot be read ({exc}); delete the file and run again "
                f"to rebuild it from the bundled GeoNames data"
            ) from exc
        self.meta: dict[str, str] = meta
        self._lock = threading.Lock()
        self.max_name_tokens = int(meta.get("max_name_tokens", DEFAULT_MAX_NAME_TOKENS))
        self._cache: dict[str, list[Place]] = {}
        self._select = f"SELECT {', '.join('p.' + c for c in PLACE_COLUMNS)} FROM places p"

    @property
    def format_version(self) -> str | None:
        return self.meta.get("format_version")

    def lookup(self, key: str) -> list[Place]:
        hit = self._cache.get(key)
        if hit is None:
            sql = f"{self._select} JOIN names n ON n.geonameid = p.geonameid WHERE n.key = ?"
            hit = [_place_from_row(r) for r in self._query(sql, (key,))]
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def get(self, geonameid: int) -> Place | None:
        rows = self._query(f"{self._select} WHERE p.geonameid = ?", (geonameid,))
        return _place_from_row(rows[0]) if rows else None

    def contains_key(self, key: str) -> bool:
        if key in self._cache:
            return bool(self._cache[key])
        rows = self._query("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,))
        return bool(rows)

    def count(self) -> int:
        count = self._query("SELECT COUNT(*) FROM places", ())[0][0]
        assert isinstance(count, int)
        return count

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"gazetteer {self.path} is corrupt ({exc}); delete it and run again to rebuild"
            ) from exc


def _stored_version(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def open_gazetteer(path: Path, build_if_missing: bool = True) -> SQLiteGazetteer:
    """Open the gazetteer at `path`, building it first when missing or of another version.

    The build writes a temporary file next to `path` and renames it into place, so a crash
    never leaves a half-written gazetteer. A file that is corrupt or of another format version
    is rebuilt when `build_if_missing` is true. Raises GazetteerError when the file is missing,
    corrupt or outdated and building is off, or when the build fails.
    """
    path = Path(path)
    if path.exists() and _stored_version(path) == FORMAT_VERSION:
        return SQLiteGazetteer(path)
    if not build_if_missing:
        state = "is missing" if not path.exists() else "is unreadable or of another version"
        raise GazetteerError(
            f"gazetteer {path} {state}; build it with flashpoint.geo.build.build_gazetteer "
            f"or open it with build_if_missing=True"
        )
    from .build import build_gazetteer

    if path.exists():
        log.info("gazetteer %s is of another format version; rebuilding", path)
    build_gazetteer(path)
    return SQLiteGazetteer(path)


def read_tsv_rows(path: Path | str) -> list[PlaceRow]:
    """Rows of a small gazetteer TSV (tests/fixtures/gazetteer_small.tsv format).

    Columns: geonameid, name, country_code, latitude, longitude, feature, population, iso3,
    country, admin1, admin2, alternatenames (comma-separated). Lines starting with # are
    comments.
    """
    rows: list[PlaceRow] = []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for rec in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append((_tsv_place(rec, path), [a for a in rec[11].split(",") if a]))
    return rows


def _tsv_place(rec: list[str], path: Path | str) -> Place:
    if len(rec) != 12:
        raise GazetteerError(f"{path}: expected 12 tab-separated columns, got {len(rec)}: {rec}")
    return Place(
        geonameid=int(rec[0]), name=rec[1], country_code=rec[2], latitude=float(rec[3]),
        longitude=float(rec[4]), feature=rec[5], population=int(rec[6] or 0),
        iso3=rec[7] or None, country=rec[8] or None, admin1=rec[9] or None,
        admin2=rec[10] or None,
    )


def remove_file(path: Path) -> None:
    """Delete `path` if it exists (used to clean up temporary build files)."""
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
