"""IndiaPoliceEvents scorer: event types the set cannot label are set aside on both sides."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flashpoint.coding import taxonomy as tx
from flashpoint.eval import indiapolice

FIX = Path(__file__).parent / "fixtures" / "eval" / "events" / "indiapoliceevents.tiny.jsonl"


@dataclass(frozen=True)
class Ev:
    sub_event_type: str
    fatalities: int | None = None
    inter1: int | None = None


def test_no_police_action_types_are_acled_types() -> None:
    assert indiapolice.NO_POLICE_ACTION <= set(tx.SUB_EVENT_TYPES)
    assert not indiapolice.NO_POLICE_ACTION & indiapolice.POLICE_ACTION_TYPES
    for types in indiapolice.LABEL_TYPES.values():
        assert not types & indiapolice.NO_POLICE_ACTION


def test_peaceful_protest_is_neither_false_event_nor_hit() -> None:
    docs = indiapolice.read_docs(FIX)  # 1, 2 labelled; 3, 4 unlabelled
    predicted = [[Ev(tx.PEACEFUL_PROTEST)], [Ev(tx.ARRESTS)], [Ev(tx.PEACEFUL_PROTEST)],
                 [Ev(tx.AGREEMENT), Ev(tx.MOB_VIOLENCE)]]
    out = indiapolice.metrics(docs, predicted)
    assert out["recall_kill_arrest_force"] == 0.5
    assert out["recall_any_event"] == 1.0
    assert out["false_event_rate_unlabelled"] == 0.5
    assert out["false_event_rate_any_type"] == 1.0
    assert out["recall_arrest_typed"] == 1.0


def test_police_action_rate_counts_state_actors_and_police_types() -> None:
    docs = indiapolice.read_docs(FIX)
    predicted = [[], [], [Ev(tx.ATTACK, inter1=1)], [Ev(tx.VIOLENT_DEMO, inter1=5)]]
    out = indiapolice.metrics(docs, predicted)
    assert out["false_police_event_rate_unlabelled"] == 0.5
    assert out["false_event_rate_unlabelled"] == 1.0
    predicted = [[], [], [Ev(tx.PEACEFUL_PROTEST, inter1=1)], [Ev(tx.PROTEST_INTERVENTION)]]
    assert indiapolice.metrics(docs, predicted)["false_police_event_rate_unlabelled"] == 0.5
