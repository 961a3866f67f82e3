"""Exporters in a registry: jsonl, csv (ACLED-compatible columns), geojson, table.

Built-in exporters register through `register_exporter`, the same call a plugin makes.
An exporter has a `name`, a file `suffix` and `write(events, fp)` onto a text stream.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol, TextIO

from ..errors import ExportError
from ..records import Event
from .formats import CsvExporter, GeoJsonExporter, JsonlExporter, TableExporter


class Exporter(Protocol):
    name: ClassVar[str]
    suffix: ClassVar[str]

    def write(self, events: Iterable[Event], fp: TextIO) -> None: ...


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> None:
    """Make `exporter` available under `exporter.name` (replacing one of the same name)."""
    EXPORTERS[exporter.name] = exporter


for _builtin in (JsonlExporter(), CsvExporter(), GeoJsonExporter(), TableExporter()):
    register_exporter(_builtin)


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise ExportError(f"unknown export format {name!r}; known formats: {known}") from None


def write_events(events: Iterable[Event], fp: TextIO, format: str) -> None:
    """Write `events` to `fp` in the named format."""
    get_exporter(format).write(events, fp)


__all__ = ["EXPORTERS", "Exporter", "get_exporter", "register_exporter", "write_events"]
