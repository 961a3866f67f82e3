"""One incident told twice (`flashpoint.coding.merge` and `EventCoder._merge_retold`): a
summary in the lead ("the murder of two aid workers today prompted ...") and its retelling
("A and B were shot dead on Thursday"), or a mention in passing ("the men who killed B"),
are one event with the toll and the better date; other victims or another day stay apart.

Uses the real spaCy model and the real date/toll/actor stages with hand-built places (no
gazetteer), like tests/test_incidents.py. All sentences are invented.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.merge import (
    Victims,
    borrowed_date,
    in_passing,
    is_summary,
    retold,
    same_victims,
    tolls_agree,
    victims,
)
from flashpoint.coding.triggers import Trigger, detect
from flashpoint.records import DateMention, EventMention, Place

from conftest import code_with_places

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 2, 3)  # a Saturday
THURSDAY = date(2024, 2, 1)
PLACES = {
    "Zaria": Place(9003, "Zaria", "NG", 11.11, 7.72, "city", iso3="NGA", country="Nigeria",
                   admin1="Kaduna"),
    "Kaduna": Place(9002, "Kaduna", "NG", 10.52, 7.44, "city", iso3="NGA",
                    country="Nigeria", admin1="Kaduna"),
}


def new_events(stages: list[Any], text: str) -> list[EventMention]:
    analysis = code_with_places(stages, text, PLACES, PUBLISHED)
    return [m for m in analysis.mentions if m.kind == "new"]


def attacks(stages: list[Any], text: str) -> list[EventMention]:
    return [e for e in new_events(stages, text) if e.sub_event_type == tx.ATTACK]


def trigs(doc: Any) -> list[Trigger]:
    return [t for sent in doc.sents for t in detect(sent)]


def date_of(text: str, words: str, value: date) -> DateMention:
    start = text.index(words)
    return DateMention(start, start + len(words), words, value, 1)


# --- the wording checks ---------------------------------------------------------------------

def test_a_summary_names_the_incident_and_a_retelling_tells_it(nlp: Any) -> None:
    doc = nlp("The murder of two aid workers today prompted an emergency meeting.")
    assert is_summary(doc, trigs(doc))
    doc = nlp("Gunmen murdered two aid workers in the town on Thursday.")
    assert not is_summary(doc, trigs(doc)) and not in_passing(doc, trigs(doc))
    doc = nlp("Police are hunting the gunmen who murdered the two aid workers.")
    assert in_passing(doc, trigs(doc))
    doc = nlp("Incendiary bombs were hurled at a church in the town this morning.")
    assert trigs(doc) and not is_summary(doc, trigs(doc))  # a weapon noun, a told event
    doc = nlp("The president left after a car bomb explosion in the capital.")
    assert is_summary(doc, trigs(doc))


def test_two_death_tolls_must_share_a_figure() -> None:
    assert tolls_agree({9}, {9, 50}) and tolls_agree(set(), {17}) and tolls_agree(set(), set())
    assert not tolls_agree({9}, {17})


def test_a_date_of_another_clause_is_borrowed(nlp: Any) -> None:
    text = "The murder of two aid workers today prompted an emergency meeting."
    doc = nlp(text)
    assert borrowed_date(doc, trigs(doc), date_of(text, "today", PUBLISHED))
    text = "Gunmen murdered two aid workers in the town on Thursday."
    doc = nlp(text)
    assert not borrowed_date(doc, trigs(doc), date_of(text, "Thursday", THURSDAY))


def test_victims_are_counted_named_and_kinded(nlp: Any) -> None:
    doc = nlp("The murder of two aid workers shocked the town.")
    assert victims(doc, trigs(doc)).count == 2
    doc = nlp("Musa Bello and Ada Okafor were shot dead by gunmen.")
    found = victims(doc, trigs(doc))
    assert found.count == 2 and found.names == {"bello", "okafor"}
    doc = nlp("The killing of a judge in Zaria today prompted a strike by lawyers.")
    found = victims(doc, trigs(doc))
    assert found.count == 1 and found.kinds == {"judge"}


def test_victims_agree_by_name_or_count_and_differ_by_kind() -> None:
    none: frozenset[str] = frozenset()
    bello = Victims(frozenset({"bello"}), 1)
    assert same_victims(bello, Victims(frozenset({"bello"}), 1))
    assert same_victims(bello, Victims(frozenset({"okafor"}), 1)) is False
    assert same_victims(bello, Victims(none, None, none, frozenset({"bello", "zaria"})))
    assert same_victims(Victims(none, 2), Victims(frozenset({"a", "b"}), 2))
    assert same_victims(Victims(none, 2), Victims(none, 3)) is False
    judge = Victims(none, 1, frozenset({"judge"}))
    assert same_victims(judge, Victims(none, 1, frozenset({"trader"}))) is False
    assert same_victims(judge, Victims(none, 1, frozenset({"man"})))
    assert same_victims(Victims(none, None), Victims(none, 1)) is None


def test_another_day_is_another_incident_unless_a_date_is_borrowed(nlp: Any) -> None:
    text = ("The murder of two aid workers on Friday shocked the town. "
            "Gunmen murdered two aid workers in the town on Thursday.")
    doc = nlp(text)
    first, later = (detect(s) for s in doc.sents)
    friday = date_of(text, "Friday", date(2024, 2, 2))
    assert not retold(doc, first, friday, later, date_of(text, "Thursday", THURSDAY))
    assert retold(doc, first, None, later, date_of(text, "Thursday", THURSDAY))


# --- grouping -------------------------------------------------------------------------------

def test_a_lead_summary_and_its_retelling_are_one_event(stages: list[Any]) -> None:
    text = ("The murder of two aid workers today prompted an emergency meeting of the state "
            "government. The governor cut short a visit to the capital. "
            "The two aid workers were shot dead by gunmen near their office in Zaria "
            "on Thursday.")
    events = new_events(stages, text)
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == tx.ATTACK and event.event_date == THURSDAY
    assert event.fatalities is not None and event.fatalities.best == 2


def test_a_summarised_bombing_and_its_account_are_one_event(stages: list[Any]) -> None:
    text = ("The president left the summit on Friday following a car bomb explosion in "
            "Kaduna. A car packed with explosives blew up outside a police station in "
            "Kaduna on Thursday, killing 12 people.")
    events = new_events(stages, text)
    assert len(events) == 1
    assert events[0].event_date == THURSDAY
    assert events[0].fatalities is not None and events[0].fatalities.best == 12


def test_a_mention_in_passing_joins_the_killing_it_names(stages: list[Any]) -> None:
    text = ("Gunmen shot dead Musa Bello, a village chief, in Zaria on Thursday. "
            "The state governor visited the family on Saturday. "
            "Police said they were hunting the men who murdered Bello.")
    events = new_events(stages, text)
    assert len(events) == 1 and events[0].event_date == THURSDAY


def test_other_victims_are_another_incident(stages: list[Any]) -> None:
    text = ("The assassination of Musa Bello today prompted protests across the state. "
            "The governor cut short a visit to the capital. "
            "Gunmen killed Ada Okafor in Zaria on Thursday.")
    assert len(attacks(stages, text)) == 2
    text = ("The killing of a judge today prompted a strike by lawyers. "
            "The governor cut short a visit to the capital. "
            "Gunmen shot dead a trader in Zaria on Thursday.")
    assert len(attacks(stages, text)) == 2


def test_a_toll_told_first_goes_to_the_violent_event_not_the_arrest(
        stages: list[Any]) -> None:
    text = ("Four passers-by were killed in Zaria on Thursday. Police arrested two men on "
            "Thursday after gunmen opened fire on a crowded bus in Zaria.")
    events = {e.sub_event_type: e for e in new_events(stages, text)}
    assert events[tx.ARRESTS].fatalities is None
    attack = events[tx.ATTACK].fatalities
    assert attack is not None and attack.best == 4
