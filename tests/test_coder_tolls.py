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


def new_events(stages: list[Any], text: str,
               towns: tuple[Place, ...] = (IDLIB,)) -> list[EventMention]:
    """The new events of `text`, with every occurrence of a town's name resolved to it."""
    article = Article(id="t1", text=text, published=date(2024, 2, 3),
                      published_basis="metadata", source_name="Test Wire")
    analysis = Analysis(article=article)
    stages[0](analysis)
    by_name = {t.name: t for t in towns}
    analysis.places = [PlaceMention(m.start(), m.end(), m.group(0), by_name[m.group(0)], 1.0)
                       for m in re.finditer("|".join(by_name), text)]
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


def test_toll_sentence_dated_to_another_day_is_not_this_events(stages: list[Any]) -> None:
    event = new_events(stages, "Gunmen attacked a bus in Idlib on Friday, killing two people. "
                               "Police say the same group is responsible for the murder of 12 "
                               "farmers on 20 January.")[0]
    assert event.fatalities is not None and event.fatalities.best == 2


def test_toll_sentence_opening_another_incident_stays_out(stages: list[Any]) -> None:
    event = only_event(stages, "Gunmen attacked a bus in Idlib on Friday, killing two people. "
                               "Meanwhile, the bodies of five men were found on a road.")
    assert event.fatalities is not None and event.fatalities.best == 2


def test_meanwhile_starts_a_second_event(stages: list[Any]) -> None:
    events = new_events(stages, "A bomb exploded at a union office in Idlib on Friday, killing "
                                "eight people. Meanwhile, gunmen shot dead a watchman in a "
                                "northern neighbourhood of Idlib.")
    assert [e.fatalities.best if e.fatalities else None for e in events] == [8, 1]


def test_attack_by_another_group_is_its_own_event(stages: list[Any]) -> None:
    events = new_events(stages, "Rebels ambushed a patrol in Idlib on Friday, killing three "
                                "soldiers. A mayor was killed by another rebel column in "
                                "Idlib.")
    assert len(events) == 2 and events[1].fatalities is not None
    assert events[1].fatalities.best == 1


ALEPPO = Place(170063, "Aleppo", "SY", 36.2, 37.16, "city", iso3="SYR", country="Syria",
               admin1="Aleppo")


def events_in_two_towns(stages: list[Any], text: str) -> list[EventMention]:
    return new_events(stages, text, (IDLIB, ALEPPO))


def test_next_sentence_adding_an_attack_elsewhere_is_its_own_event(stages: list[Any]) -> None:
    events = events_in_two_towns(stages, "Gunmen attacked a bus in Idlib, killing two people. "
                                         "Gunmen also attacked a checkpoint in Aleppo, killing "
                                         "three soldiers.")
    assert [e.fatalities.best if e.fatalities else None for e in events] == [2, 3]


def test_next_sentence_continuing_the_attack_joins_it(stages: list[Any]) -> None:
    events = events_in_two_towns(stages, "Gunmen attacked a bus in Idlib, killing two people. "
                                         "The gunmen fled towards Aleppo after the attack.")
    assert len(events) == 1



# --- a civil war's running total told in a relative clause ------------------------------


def test_war_total_in_a_relative_clause_never_joins_the_event(stages: list[Any]) -> None:
    event = only_event(stages, "Gunmen killed three shepherds near Idlib on Monday, in a "
                               "province scarred by a civil war in which 90,000 people died.")
    assert event.fatalities is not None and event.fatalities.best == 3


def test_war_total_sentence_after_the_event_stays_out(stages: list[Any]) -> None:
    event = only_event(stages, "Gunmen attacked a checkpoint in Idlib on Monday, killing two "
                               "guards. The attack revived fears of an insurgency that has "
                               "killed 20,000 people.")
    assert event.fatalities is not None and event.fatalities.best == 2


# --- captives found dead after an abduction (ACLED: an additional Attack event) ----------


def test_captive_found_dead_later_is_a_second_event(stages: list[Any]) -> None:
    events = new_events(stages, "Armed men abducted two nurses from a clinic in Idlib on "
                                "Monday. The two nurses were later found dead near a canal.")
    found = [(e.sub_event_type, e.fatalities.best if e.fatalities else None) for e in events]
    assert found == [("Abduction/forced disappearance", None), ("Attack", 2)]


def test_body_found_after_abduction_is_a_second_event(stages: list[Any]) -> None:
    events = new_events(stages, "Gunmen kidnapped a village chief in Idlib on Sunday. His "
                                "body was found on Tuesday beside a road.")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance", "Attack"]
    assert events[1].fatalities is not None and events[1].fatalities.best == 1


def test_death_without_discovery_cue_joins_the_running_attack(stages: list[Any]) -> None:
    event = only_event(stages, "Gunmen attacked a bus in Idlib on Monday. Two passengers "
                               "were found dead inside.")
    assert event.sub_event_type == "Attack"
    assert event.fatalities is not None and event.fatalities.best == 2


def test_abduction_without_deaths_stays_one_abduction(stages: list[Any]) -> None:
    event = only_event(stages, "Armed men abducted four traders near Idlib on Monday. The "
                               "traders were later released unharmed.")
    assert event.sub_event_type == "Abduction/forced disappearance"
