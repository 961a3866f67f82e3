"""The built-in export formats."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, ClassVar, TextIO

from ..records import Event

GEONAMES_ATTRIBUTION = (
    "Place names and coordinates from GeoNames (https://www.geonames.org/), licensed under "
    "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


class JsonlExporter:
    """One Event a line, with exactly the `Event` field names."""

    name: ClassVar[str] = "jsonl"
    suffix: ClassVar[str] = ".jsonl"

    def write(self, events: Iterable[Event], fp: TextIO) -> None:
        for event in events:
            fp.write(_json(event.to_dict()) + "\n")


def csv_columns() -> list[str]:
    """ACLED-compatible column order: the Event fields as DESIGN.md lists them."""
    return Event.field_names()


def csv_cell(name: str, value: Any) -> Any:
    """Lists of strings joined with "; "; evidence and other structures as JSON."""
    if value is None:
        return ""
    if name == "evidence" or isinstance(value, dict):
        return _json(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


class CsvExporter:
    """A header row then one row per event; no comment lines."""

    name: ClassVar[str] = "csv"
    suffix: ClassVar[str] = ".csv"

    def write(self, events: Iterable[Event], fp: TextIO) -> None:
        columns = csv_columns()
        writer = csv.writer(fp, lineterminator="\n")
        writer.writerow(columns)
        for event in events:
            data = event.to_dict()
            writer.writerow([csv_cell(c, data[c]) for c in columns])


class GeoJsonExporter:
    """A FeatureCollection of Points for events with coordinates, crediting GeoNames."""

    name: ClassVar[str] = "geojson"
    suffix: ClassVar[str] = ".geojson"

    def write(self, events: Iterable[Event], fp: TextIO) -> None:
        features = [self.feature(e) for e in events
                    if e.latitude is not None and e.longitude is not None]
        collection = {
            "type": "FeatureCollection",
            "attribution": GEONAMES_ATTRIBUTION,
            "features": features,
        }
        fp.write(_json(collection) + "\n")

    @staticmethod
    def feature(event: Event) -> dict[str, Any]:
        return {
            "type": "Feature",
            "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": event.to_dict(),
        }


TABLE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (Event field, heading, width)
    ("event_date", "date", 10),
    ("kind", "kind", 8),
    ("sub_event_type", "sub_event_type", 24),
    ("actor1", "actor1", 22),
    ("actor2", "actor2", 22),
    ("location", "location", 18),
    ("country", "country", 14),
    ("fatalities", "fatal", 5),
    ("certainty", "certainty", 9),
)


def _cell(value: Any, width: int) -> str:
    text = "-" if value is None or value == "" else str(value)
    text = "past" if text == "past_reference" else text
    return text if len(text) <= width else text[: width - 1] + "…"


class TableExporter:
    """A compact fixed-width text table for the terminal."""

    name: ClassVar[str] = "table"
    suffix: ClassVar[str] = ".txt"

    def write(self, events: Iterable[Event], fp: TextIO) -> None:
        fp.write(self.line({c: h for c, h, _ in TABLE_COLUMNS}) + "\n")
        fp.write(" ".join("-" * w for _, _, w in TABLE_COLUMNS) + "\n")
        count = 0
        for event in events:
            fp.write(self.line(event.to_dict()) + "\n")
            count += 1
        fp.write(f"({count} event{'s' if count != 1 else ''})\n")

    @staticmethod
    def line(values: dict[str, Any]) -> str:
        return " ".join(_cell(values.get(c), w).ljust(w) for c, _, w in TABLE_COLUMNS).rstrip()
