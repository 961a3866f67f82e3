"""MUC-4 relevance mapping (which coded events MUC would count) and the per-message error
output, on the tiny hand-written MUC fixture with a fake extractor (no model needed)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.eval import muc4
from flashpoint.records import Article, Event

FIX = Path(__file__).parent / "fixtures" / "eval" / "events" / "muc4"


def ev(sub: str, **kw: Any) -> Event:
    fields: dict[str, Any] = {"event_id": f"e{sub}{sorted(kw.items())}", "kind": "new",
                              "event_date": "1990-02-02", "time_precision": 1,
                              "event_type": tx.event_type_of(sub), "sub_event_type": sub,
                              "evidence": [{"article_id": "a", "start": 0, "end": 4,
                                            "text": "BOMB"}]}
    fields.update(kw)
    return Event(**fields)


class Fake:
    def __init__(self, events: list[Event]):
        self.events = events

    def extract_article(self, article: Article) -> list[Event]:
        return self.events if article.origin == "TINY-MUC3-0001" else [ev(tx.ARRESTS)]


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (ev(tx.IED, country="Peru"), None),
        (ev(tx.ATTACK, country=None), None),
        (ev(tx.ABDUCTION, country="Colombia"), None),
        (ev(tx.ARRESTS, country="Peru"), "not_muc_type"),
        (ev(tx.AGREEMENT, country="Peru"), "not_muc_type"),
        (ev(tx.PEACEFUL_PROTEST, country="Chile"), "not_muc_type"),
        (ev(tx.IED, country="Panama"), "outside_muc_countries"),
        (ev(tx.ATTACK, country="United States"), "outside_muc_countries"),
        (ev(tx.ARMED_CLASH, country="El Salvador", actor1="Rebel Forces (El Salvador)",
            inter1=2, actor2="Military Forces of El Salvador", inter2=1), "military_combat"),
        (ev(tx.ARMED_CLASH, country="Peru", actor1="Shining Path", inter1=2,
            actor2="Police Forces of Peru", inter2=1), None),
        (ev(tx.ARMED_CLASH, country="Peru", actor1="Shining Path", inter1=2),
         "military_combat"),
        (ev(tx.ARMED_CLASH, country="Peru"), "military_combat"),
        (ev(tx.ARMED_CLASH, country="Peru", actor1="Shining Path", inter1=2,
            actor2="Civilians (Peru)", inter2=7), None),
        (ev(tx.ATTACK, country="Peru", actor1="Military Forces of Peru", inter1=1,
            actor2="Civilians (Peru)", inter2=7), None),
        (ev(tx.IED, country="Colombia", actor1="ELN", inter1=2,
            actor2="Military Forces of Colombia", inter2=1), "military_combat"),
        (ev(tx.AIR_STRIKE, country="El Salvador", actor1="Military Forces of El Salvador",
            inter1=1, actor2="FMLN", inter2=2), "military_combat"),
        (ev(tx.IED, country="Peru", actor2="Military Forces of Peru", inter2=1), None),
        (ev(tx.IED, country="Peru", actor1="Shining Path", inter1=2,
            actor2="Government of Peru", inter2=1), None),
        (ev(tx.IED, country="Peru", actor1="Shining Path", inter1=2), None),
        (ev(tx.GRENADE, country="Peru", actor1="Shining Path", inter1=2,
            actor2="Police Forces of Peru", inter2=1), None),
    ],
)
def test_muc_exclusion(event: Event, reason: str | None) -> None:
    assert muc4.muc_exclusion(event) == reason


def test_muc_incidents_counts_reasons() -> None:
    tally = muc4.Tally()
    kept = muc4.muc_incidents([ev(tx.IED, country="Peru"), ev(tx.ARRESTS),
                               ev(tx.IED, country="Mexico")], tally)
    assert [e.sub_event_type for e in kept] == [tx.IED]
    assert tally.get("excluded_not_muc_type") == 1
    assert tally.get("excluded_outside_muc_countries") == 1


def test_irrelevant_message_with_only_an_arrest_counts_as_rejected() -> None:
    bomb = ev(tx.IED, country="Peru", location="Urubamba", fatalities=2)
    result = muc4.score(FIX, Fake([bomb]))  # type: ignore[arg-type]
    assert result.metrics["irrelevant_accuracy"] == 1.0
    assert result.counts["excluded_not_muc_type"] == 1
    assert result.metrics["deaths_accuracy"] == 1.0


def test_error_lines_name_the_misses_and_set_aside_events() -> None:
    wrong = ev(tx.IED, country="Peru", location="Urubamba", fatalities=5)
    outside = ev(tx.ATTACK, country="Panama", location="Colon")
    out = io.StringIO()
    written = muc4.write_errors(FIX, Fake([wrong, outside]), out)  # type: ignore[arg-type]
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == len(lines) == 1
    first = lines[0]
    assert first["id"] == "TINY-MUC3-0001" and first["relevant"]
    assert first["misses"]["deaths"] == ["TINY-MUC3-0001: ours 5 vs gold 2"]
    assert [e["reason"] for e in first["set_aside"]] == ["outside_muc_countries"]
    assert [e["fatalities"] for e in first["kept"]] == [5]
    assert first["gold"][0]["deaths"] == 2


def test_main_writes_the_error_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("flashpoint.api.default_extractor",
                        lambda settings=None: Fake([ev(tx.IED, country="Chile")]))
    target = tmp_path / "errors.jsonl"
    assert muc4.main([str(FIX), "--errors", str(target)]) == 0
    assert json.loads(target.read_text().splitlines()[0])["id"] == "TINY-MUC3-0001"
