"""Scene changes between incidents (`flashpoint.coding.incidents`) and how the event coder's
grouping uses them: a fronted place phrase, an addition opener naming another town, an
added incident on another day start another event; elaborations at the same place do not.

Uses the real spaCy model and the real date/toll/actor stages with hand-built places (no
gazetteer), like tests/test_coder.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.incidents import (
    also_reported,
    fronted_place,
    same_area,
    scene_opener,
    scene_places,
    scene_span,
)
from flashpoint.pipeline import Analysis
from flashpoint.records import Article, EventMention, Place, PlaceMention

from conftest import code_with_places, mentions_of

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 2, 3)  # a Saturday
PLACES = {
    "Kaduna State": Place(9001, "Kaduna State", "NG", 10.3, 7.7, "admin1", iso3="NGA",
                          country="Nigeria", admin1="Kaduna"),
    "Kaduna": Place(9002, "Kaduna", "NG", 10.52, 7.44, "city", iso3="NGA",
                    country="Nigeria", admin1="Kaduna"),
    "Zaria": Place(9003, "Zaria", "NG", 11.11, 7.72, "city", iso3="NGA", country="Nigeria",
                   admin1="Kaduna"),
    "Lagos": Place(9004, "Lagos", "NG", 6.45, 3.39, "city", iso3="NGA", country="Nigeria",
                   admin1="Lagos"),
    "Nigeria": Place(9005, "Nigeria", "NG", 9.0, 8.0, "country", iso3="NGA",
                     country="Nigeria"),
}


def place_mentions(text: str) -> list[PlaceMention]:
    return mentions_of(text, PLACES)


def analyse(stages: list[Any], text: str) -> Analysis:
    return code_with_places(stages, text, PLACES, PUBLISHED)


def new_events(stages: list[Any], text: str) -> list[EventMention]:
    return [m for m in analyse(stages, text).mentions if m.kind == "new"]


def first_sentence(stages: list[Any], text: str) -> Any:
    analysis = Analysis(article=Article(id="s", text=text, published=PUBLISHED))
    stages[0](analysis)
    assert analysis.doc is not None
    return next(iter(analysis.doc.sents))


# --- the wording checks ---------------------------------------------------------------------

def test_scene_span_covers_an_opening_place_phrase(stages: list[Any]) -> None:
    text = "In Zaria, armed men seized a pastor from his church."
    span = scene_span(first_sentence(stages, text))
    assert span is not None and text[span[0]:span[1]] == "In Zaria"
    text = "[Report] In addition, in the town of Zaria the armed men burned a school."
    span = scene_span(first_sentence(stages, text))
    assert span is not None and "Zaria" in text[span[0]:span[1]]
    assert scene_span(first_sentence(stages, "Armed men seized a pastor in Zaria.")) is None
    assert scene_span(first_sentence(stages, "Inside the church, men prayed.")) is None


def test_scene_places_need_a_resolved_place_in_the_phrase(stages: list[Any]) -> None:
    text = "Yesterday in Zaria, armed men seized a pastor from Kaduna."
    sent = first_sentence(stages, text)
    assert scene_places(sent, place_mentions(text)) == {9003}
    assert fronted_place(sent, place_mentions(text))
    unresolved = [PlaceMention(13, 18, "Zaria", None)]
    assert not fronted_place(sent, unresolved)
    text = "In the village, the men burned twelve huts near Zaria."
    assert scene_places(first_sentence(stages, text), place_mentions(text)) == set()


def test_addition_openers_and_also_on_the_main_verb(stages: list[Any]) -> None:
    assert scene_opener(first_sentence(stages, "At the same time, a bomb went off in Lagos."))
    assert scene_opener(first_sentence(stages, "Furthermore, bandits looted a shop."))
    assert not scene_opener(first_sentence(stages, "The bomb went off at noon."))
    assert also_reported(first_sentence(stages, "Police also said that bandits burned a bus."))
    assert not also_reported(first_sentence(stages, "Police said that bandits burned a bus."))


def test_same_area_is_containment_not_a_shared_province() -> None:
    kaduna, zaria, state, country = (PLACES[n] for n in
                                     ("Kaduna", "Zaria", "Kaduna State", "Nigeria"))
    assert same_area([zaria], [country]) and same_area([country], [zaria])
    assert same_area([state], [zaria])
    assert not same_area([kaduna], [zaria])
    assert not same_area([PLACES["Lagos"]], [state])


# --- grouping -------------------------------------------------------------------------------

def test_a_fronted_place_after_an_event_elsewhere_is_another_incident(
        stages: list[Any]) -> None:
    text = ("Gunmen abducted 20 students from a school in Kaduna on Friday. "
            "In Zaria, gunmen abducted a pastor and his wife.")
    events = new_events(stages, text)
    assert [e.sub_event_type for e in events] == [tx.ABDUCTION, tx.ABDUCTION]
    assert [e.place.text for e in events if e.place] == ["Kaduna", "Zaria"]


def test_a_fronted_phrase_at_the_same_place_continues_the_event(stages: list[Any]) -> None:
    text = ("Gunmen abducted 20 students from a school in Zaria on Friday. "
            "In Zaria, the gunmen also burned two classrooms.")
    assert len(new_events(stages, text)) == 1
    text = ("Gunmen attacked a village in Kaduna on Friday, killing four farmers. "
            "In the village, the attackers burned 30 houses.")
    assert len(new_events(stages, text)) == 1


def test_a_lead_naming_two_towns_does_not_fold_their_bombings(stages: list[Any]) -> None:
    text = ("Bombs exploded in Kaduna and Lagos on Friday. "
            "Two bombs went off at a market in Kaduna, wounding six traders. "
            "At the same time, a bomb exploded at a bus station in Lagos.")
    events = new_events(stages, text)
    assert [e.place.text for e in events if e.place] == ["Kaduna", "Lagos"]
    assert all(e.sub_event_type == tx.IED for e in events)


def test_an_undated_next_sentence_elsewhere_still_joins_without_a_marker(
        stages: list[Any]) -> None:
    """The rule the new checks narrow: a follow-up sentence naming a nearby place that the
    gazetteer put elsewhere keeps continuing the event."""
    text = ("Bombs exploded at a market in Kaduna on Friday. "
            "The blasts were heard as far as Zaria, where a bomb exploded near a bank.")
    assert len(new_events(stages, text)) == 1


def test_an_added_incident_on_another_day_is_another_event(stages: list[Any]) -> None:
    text = ("Bandits killed five farmers in a village in Kaduna. "
            "In addition, two police officers were wounded in an attack on a checkpoint "
            "on Sunday.")
    events = new_events(stages, text)
    assert len(events) == 2
    assert events[1].event_date == date(2024, 1, 28)
    text = ("Bandits killed five farmers in a village in Kaduna. "
            "Two police officers were wounded in the attack on Sunday.")
    assert len(new_events(stages, text)) == 1


def test_an_added_incident_naming_only_the_province_is_another_event(
        stages: list[Any]) -> None:
    """After an event placed in a town, "also" with only the wider province (a list of
    villages the gazetteer could not place) tells of other incidents in the area."""
    text = ("Rebels shot dead three traders in Zaria on Friday. "
            "The rebels also set fire to two schools in several villages of Kaduna State.")
    events = new_events(stages, text)
    assert len(events) == 2
    assert events[0].place is not None and events[0].place.text == "Zaria"
    text = ("Rebels shot dead three traders in Zaria on Friday. "
            "The rebels also set fire to two shops in Zaria.")
    assert len(new_events(stages, text)) == 1
