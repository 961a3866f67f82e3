"""One event per location (`flashpoint.coding.split`): a sentence listing several towns for
one event gives one event per town, with the same type, actors and date; a toll stated for
the list is divided evenly, a toll tied to one town stays with it; a town named twice, a
town with its province, a town "near" another stay one event.

Uses the real spaCy model and the real date/toll/actor stages with hand-built places (no
gazetteer), like tests/test_incidents.py. Every sentence is invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.events import event_id_for
from flashpoint.coding.split import _glued, distinct_locations, divided, place_runs
from flashpoint.pipeline import Analysis
from flashpoint.records import Article, EventMention, Place, PlaceMention, Toll

from conftest import code_with_places, mentions_of

PUBLISHED = date(2024, 2, 3)


def _town(gid: int, name: str, admin1: str, feature: str = "city") -> Place:
    return Place(gid, name, "NG", 10.0, 7.0, feature, iso3="NGA", country="Nigeria",
                 admin1=admin1)


PLACES = {
    "Kaduna State": _town(9001, "Kaduna State", "Kaduna", "admin1"),
    "Kaduna": _town(9002, "Kaduna", "Kaduna"),
    "Zaria": _town(9003, "Zaria", "Kaduna"),
    "Lagos": _town(9004, "Lagos", "Lagos"),
    "Ikeja": _town(9006, "Ikeja", "Lagos"),
    "Nigeria": Place(9005, "Nigeria", "NG", 9.0, 8.0, "country", iso3="NGA",
                     country="Nigeria"),
}


def place_mentions(text: str) -> list[PlaceMention]:
    return mentions_of(text, PLACES)


def new_events(stages: list[Any], text: str) -> list[EventMention]:
    analysis = code_with_places(stages, text, PLACES, PUBLISHED)
    return [m for m in analysis.mentions if m.kind == "new"]


def first_sentence(stages: list[Any], text: str) -> Any:
    """The first sentence of `text` as parsed by the real model stage."""
    analysis = Analysis(article=Article(id="s", text=text, published=PUBLISHED))
    stages[0](analysis)
    assert analysis.doc is not None
    return next(iter(analysis.doc.sents))


def _towns(events: list[EventMention]) -> list[str]:
    return [e.place.text for e in events if e.place is not None]


def _deaths(events: list[EventMention]) -> list[int | None]:
    return [e.fatalities.best if e.fatalities else None for e in events]


# --- pure helpers (no model) ----------------------------------------------------------------

def test_list_glue_is_commas_and_conjunctions_only() -> None:
    assert _glued(", ") == "," and _glued(" and ") == "and"
    assert _glued(", and in the village of ") == ", and"
    assert _glued(" district and ") == "and"
    assert _glued(", in ") is None  # "Ikeja district, in Lagos": where Ikeja lies
    assert _glued(" near ") is None and _glued(", where ") is None


def test_divided_tolls_spread_the_remainder_over_the_last_shares() -> None:
    toll = Toll(0, 2, "25", "killed", 20, 25, 30)
    shares = [divided(toll, 3, i) for i in range(3)]
    assert [s.best for s in shares] == [8, 8, 9]
    assert [s.low for s in shares] == [6, 7, 7] and sum(s.high for s in shares) == 30
    assert [divided(toll, 1, 0).best] == [25]


def test_distinct_locations_drop_repeats_and_containing_places() -> None:
    text = "in Zaria, Kaduna State and Lagos and Zaria and Nigeria"
    kept = distinct_locations(place_mentions(text), text)
    assert [m.text for m in kept] == ["Zaria", "Lagos"]


# --- splitting in the coder -----------------------------------------------------------------




@pytest.mark.model
def test_a_list_of_towns_after_in_gives_one_event_per_town(stages: list[Any]) -> None:
    text = "Gunmen attacked police stations in Zaria, Kaduna and Lagos on Friday."
    events = new_events(stages, text)
    assert _towns(events) == ["Zaria", "Kaduna", "Lagos"]
    assert len({(e.sub_event_type, e.event_date, e.actor1) for e in events}) == 1
    assert all(e.geo_precision == 1 for e in events)
    locations = [[f.text for f in e.field_evidence if f.field == "location"] for e in events]
    assert locations == [["Zaria"], ["Kaduna"], ["Lagos"]]


@pytest.mark.model
def test_each_town_of_a_split_keeps_its_own_event_id(stages: list[Any]) -> None:
    """The store keys events by id: the copies must differ, the first keeping the id the
    event had before it was split (ids stay stable over re-runs)."""
    text = "Gunmen attacked police stations in Zaria, Kaduna and Lagos on Friday."
    events = new_events(stages, text)
    ids = [event_id_for(e) for e in events]
    assert len(set(ids)) == 3
    assert [e.part for e in events] == [0, 1, 2]
    assert event_id_for(replace(events[2], part=0)) == ids[0]  # the unsplit event's id
    assert ids == [event_id_for(e) for e in new_events(stages, text)]


@pytest.mark.model
def test_conjoined_objects_of_the_trigger_are_split(stages: list[Any]) -> None:
    text = "On Friday, bandits attacked Zaria and Ikeja with machetes."
    assert _towns(new_events(stages, text)) == ["Zaria", "Ikeja"]


@pytest.mark.model
def test_a_total_for_the_list_is_divided_and_said_in_the_notes(stages: list[Any]) -> None:
    text = "Bombs exploded in Zaria, Kaduna and Lagos on Friday, killing 25 people."
    events = new_events(stages, text)
    assert _towns(events) == ["Zaria", "Kaduna", "Lagos"]
    assert _deaths(events) == [8, 8, 9]
    assert all("divided evenly between 3 locations" in e.notes for e in events)
    assert "in Lagos" in events[2].notes and "9 fatalities" in events[2].notes


@pytest.mark.model
def test_a_toll_told_for_one_town_stays_with_it(stages: list[Any]) -> None:
    text = ("Gunmen attacked police posts in Zaria and Lagos on Friday. "
            "Three officers were killed in Lagos.")
    events = new_events(stages, text)
    assert _towns(events) == ["Zaria", "Lagos"]
    assert _deaths(events) == [None, 3]
    assert not any("divided" in e.notes for e in events)


@pytest.mark.model
def test_one_location_stays_one_event(stages: list[Any]) -> None:
    for text in ("Gunmen attacked a market in Zaria, Kaduna State on Friday.",
                 "Gunmen attacked a market near Zaria and Kaduna on Friday.",
                 "Gunmen attacked a market in Ikeja, in Lagos on Friday.",
                 "Gunmen attacked a market in Zaria on Friday; Zaria and Zaria mourned."):
        assert len(new_events(stages, text)) == 1, text


@pytest.mark.model
def test_towns_listed_in_another_role_are_not_split(stages: list[Any]) -> None:
    """Towns listed as where people came from, not where the event happened."""
    text = "Gunmen from Zaria and Kaduna attacked a market in Lagos on Friday."
    events = new_events(stages, text)
    assert len(events) == 1
    assert events[0].sub_event_type in (tx.ATTACK, tx.ARMED_CLASH)


@pytest.mark.model
def test_place_runs_are_found_in_the_sentence(stages: list[Any]) -> None:
    text = "Rebels shelled Zaria, Kaduna and Ikeja, in Lagos."
    sent = first_sentence(stages, text)
    runs = place_runs(sent, place_mentions(text))
    assert [[m.text for m in run] for run in runs] == [["Zaria", "Kaduna", "Ikeja"]]


@pytest.mark.model
def test_a_town_copy_yields_to_the_event_told_on_its_own(stages: list[Any]) -> None:
    text = ("Gunmen attacked villages in Zaria and Ikeja on Friday. "
            "In Zaria, they killed four farmers. "
            "Meanwhile, in Ikeja, gunmen attacked a village and killed two herders on Friday.")
    events = new_events(stages, text)
    assert sorted(_towns(events)) == ["Ikeja", "Zaria"]
    ikeja = next(e for e in events if e.place is not None and e.place.text == "Ikeja")
    assert ikeja.fatalities is not None and ikeja.fatalities.best == 2


@pytest.mark.model
def test_listed_villages_the_gazetteer_lacks_are_coded_to_the_area_named(
        stages: list[Any]) -> None:
    text = ("Bandits attacked farms in Gidan Tudu, Rafin Kwari and Zaria, in Kaduna State, "
            "on Friday.")
    events = new_events(stages, text)
    assert [e.place.text for e in events if e.place] == ["Gidan Tudu", "Rafin Kwari", "Zaria"]
    places = [e.place.place.name for e in events if e.place and e.place.place]
    assert places == ["Kaduna State", "Kaduna State", "Zaria"]
    assert [e.geo_precision for e in events] == [3, 3, 1]
    assert "Gidan Tudu is not in the gazetteer: coded to Kaduna State." in events[0].notes
    text = "Bandits attacked farms in Gidan Tudu and Rafin Kwari, Kaduna State, on Friday."
    events = new_events(stages, text)
    assert [e.place.text for e in events if e.place] == ["Gidan Tudu", "Rafin Kwari"]


@pytest.mark.model
def test_unknown_names_count_as_places_only_after_in_or_at(stages: list[Any]) -> None:
    text = "In Zaria on Friday, gunmen shot Musa Bello and Ade Okon."
    assert len(new_events(stages, text)) == 1


@pytest.mark.model
def test_name_spans_keep_joining_words_inside_a_name(stages: list[Any]) -> None:
    from flashpoint.coding.split import name_spans

    text = "Rebels burned huts in Santo Tomas de Pata and Rafin Kwari at dawn."
    sent = first_sentence(stages, text)
    assert [text[s:e] for s, e in name_spans(sent)] == ["Santo Tomas de Pata", "Rafin Kwari"]


@pytest.mark.model
def test_an_open_list_is_not_split(stages: list[Any]) -> None:
    text = "Bombs exploded in Zaria, Kaduna, Lagos and other towns on Friday."
    assert len(new_events(stages, text)) == 1
    text = "Bombs exploded in Zaria, Kaduna and Lagos on Friday."
    assert len(new_events(stages, text)) == 3


@pytest.mark.model
def test_days_nationalities_and_a_town_in_its_district_are_no_list(stages: list[Any]) -> None:
    """Each text names the country, so listed names could be coded to it."""
    for text in ("Fighting went on across Nigeria. Rebels fired mortars on Saturday and Sunday.",
                 "Gunmen attacked markets in Zaria, the Nigerian city, and in Kaduna on Friday. "
                 "Police in Nigeria confirmed the attacks.",
                 "The ambush took place in Gidan Tudu, Zaria district, on Friday. "
                 "Police in Nigeria confirmed it."):
        events = new_events(stages, text)
        towns = [e.place.text for e in events if e.place]
        assert "Saturday" not in towns and "Nigerian" not in towns and "Gidan Tudu" not in towns


@pytest.mark.model
def test_commas_alone_and_people_make_no_list(stages: list[Any]) -> None:
    """Each text names the country, so listed names could be coded to it."""
    for text in ("Two attacks hit the embassy in Zaria, Musa Bello told Nigeria radio.",
                 "Gunmen attacked a bank in Zaria, Ikeja on Friday, Nigeria police said."):
        assert len(new_events(stages, text)) == 1, text
