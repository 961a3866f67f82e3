"""Exporters: CSV columns and cells, GeoJSON validity and credit, JSONL round trip, table."""

from __future__ import annotations

import csv
import io
import json

import pytest

from flashpoint.errors import ExportError
from flashpoint.export import EXPORTERS, get_exporter, register_exporter, write_events
from flashpoint.records import Event

from conftest import make_event


def render(events: list[Event], fmt: str) -> str:
    buf = io.StringIO()
    write_events(events, buf, fmt)
    return buf.getvalue()


def test_jsonl_round_trip_uses_event_field_names() -> None:
    events = [make_event(), make_event(event_id="ev2", latitude=None, plover=None, sources=[])]
    lines = render(events, "jsonl").splitlines()
    assert len(lines) == 2
    assert list(json.loads(lines[0])) == Event.field_names()
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_csv_columns_and_cells() -> None:
    text = render([make_event(), make_event(event_id="x", injuries=None, evidence=[])], "csv")
    assert not text.startswith("#")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == Event.field_names()
    assert list(rows[0])[:6] == ["event_id", "kind", "event_date", "time_precision",
                                 "event_type", "sub_event_type"]
    first = rows[0]
    assert first["sources"] == "Syrian state media; Example Wire"
    assert json.loads(first["evidence"])[0]["text"] == "strike"
    assert json.loads(first["plover"]) == {"event": "ATTACK", "mode": "air"}
    assert first["fatalities"] == "3" and first["geonameid"] == "173480"
    assert rows[1]["injuries"] == "" and json.loads(rows[1]["evidence"]) == []


def test_geojson_is_a_valid_feature_collection_with_credit() -> None:
    events = [make_event(), make_event(event_id="nowhere", latitude=None, longitude=None)]
    data = json.loads(render(events, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert "GeoNames" in data["attribution"] and "CC BY 4.0" in data["attribution"]
    [feature] = data["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.45, 35.02]}
    assert Event.from_dict(feature["properties"]) == events[0]


def test_table_is_compact_and_fixed_width() -> None:
    text = render([make_event(), make_event(event_id="p", kind="past_reference",
                                            fatalities=None)], "table")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["date", "kind", "sub_event_type"]
    assert "Al Mayadin" in lines[2] and "Air/drone strike" in lines[2]
    assert lines[3].split()[1] == "past"
    assert lines[-1] == "(2 events)"
    assert all(len(line) <= 150 for line in lines)


def test_unknown_format_lists_known_ones() -> None:
    with pytest.raises(ExportError, match="known formats: csv, geojson, jsonl, table"):
        get_exporter("parquet")


def test_a_plugin_registers_like_the_builtins() -> None:
    class IdsExporter:
        name = "ids"
        suffix = ".txt"

        def write(self, events, fp):  # type: ignore[no-untyped-def]
            fp.write(",".join(e.event_id for e in events))

    register_exporter(IdsExporter())
    try:
        assert render([make_event(), make_event(event_id="b")], "ids") == "ev1,b"
    finally:
        EXPORTERS.pop("ids")
