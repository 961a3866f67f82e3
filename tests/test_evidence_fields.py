"""Field-level evidence: every filled field of an event points at the exact characters of
the article it came from; the store and exports keep the "field" key; the MUC-4 and
WikiEvents role scorers accept the words we took an actor from."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.coding.coder import EventCoder
from flashpoint.coding.events import mention_to_event
from flashpoint.eval import muc4, wikievents
from flashpoint.export.formats import CsvExporter, GeoJsonExporter, JsonlExporter
from flashpoint.pipeline import Analysis
from flashpoint.records import EVIDENCE_FIELDS, Article, Event, EventMention, Evidence, Place
from flashpoint.records import PlaceMention
from flashpoint.store import Store

from conftest import make_event

PUBLISHED = date(2024, 2, 3)
PLACES = {
    "Idlib": Place(2313, "Idlib", "SY", 35.93, 36.63, "city", iso3="SYR", country="Syria",
                   admin1="Idlib"),
    "Kaduna": Place(2315, "Kaduna", "NG", 10.52, 7.44, "city", iso3="NGA", country="Nigeria",
                    admin1="Kaduna"),
}
# The reference article's shape: who struck whom, where, when, the toll, and who said so.
REFERENCE = ("Title: US drone strike hits militia in Syria\nA US drone strike hit a convoy of "
             "an Iran-backed militia in Idlib on Friday, killing three fighters and wounding "
             "five others, Syrian state media reported.")
FRAGMENTS = [
    "Gunmen attacked a police station in Kaduna on Monday, killing two officers, police said.",
    "Airstrikes hit the town of Idlib on Friday.",
    "Five civilians were killed and 12 wounded.",
    "Protesters marched in Kaduna against fuel prices on Tuesday.",
    "The army said it had repelled the assault.",
    "Rebels clashed with soldiers near Idlib, a monitor said.",
]


def _places(text: str) -> list[PlaceMention]:
    found = [PlaceMention(m.start(), m.end(), m.group(0), place, 1.0)
             for name, place in PLACES.items()
             for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
    return sorted(found, key=lambda p: p.start)


def _analyse(stages: list[Any], text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t1", text=text, published=PUBLISHED,
                                        source_name="Test Wire"))
    stages[0](analysis)
    analysis.places = _places(text)
    analysis.country_focus = sorted({p.place.country_code for p in analysis.places if p.place})
    for stage in stages[1:]:
        stage(analysis)
    EventCoder(role_model="off")(analysis)
    return analysis


def _filled(m: EventMention) -> dict[str, tuple[int, int]]:
    """field -> the span of the record that filled it, for every filled field."""
    items: dict[str, Any] = {"actor1": m.actor1, "actor2": m.actor2, "location": m.place,
                             "fatalities": m.fatalities, "injuries": m.injuries,
                             "source": m.attribution if m.attribution and
                             m.attribution.source else None}
    return {k: (v.start, v.end) for k, v in items.items() if v is not None}


def _assert_offsets_hold(text: str, items: list[dict[str, Any]]) -> None:
    for item in items:
        assert 0 <= item["start"] <= item["end"] <= len(text)
        assert item["text"] == text[item["start"]:item["end"]]
        assert item.get("field") in (None, *EVIDENCE_FIELDS)


@pytest.mark.model
def test_every_filled_field_points_at_its_words(stages: list[Any]) -> None:
    analysis = _analyse(stages, REFERENCE)
    new = [m for m in analysis.mentions if m.kind == "new"]
    assert new
    mention = new[0]
    by_field = {(e.field, e.start, e.end) for e in mention.field_evidence}
    filled = _filled(mention)
    # the constructed article states these; their evidence must be there
    assert {"location", "fatalities", "injuries", "source"} <= set(filled)
    for name, (start, end) in filled.items():
        assert (name, start, end) in by_field, name
    assert ("event", mention.trigger.start, mention.trigger.end) in by_field
    dates = [e for e in mention.field_evidence if e.field == "event_date"]
    assert [REFERENCE[e.start:e.end] for e in dates] == ["on Friday"]
    event = mention_to_event(mention, analysis.article)
    _assert_offsets_hold(REFERENCE, event.evidence)
    sentences = [e for e in event.evidence if "field" not in e]
    assert sentences and [e.to_dict() for e in mention.evidence] == sentences
    assert event.evidence[:len(sentences)] == sentences  # sentences first, as before


@pytest.mark.model
def test_date_from_publication_has_no_date_evidence(stages: list[Any]) -> None:
    text = "Gunmen attacked a police station in Kaduna, killing two officers, police said."
    for mention in _analyse(stages, text).mentions:
        assert not [e for e in mention.field_evidence if e.field == "event_date"]


@pytest.mark.model
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4),
       shout=st.booleans(), pad=st.sampled_from(["", "  ", "\n", "BAGHDAD — "]))
def test_all_evidence_offsets_hold(stages: list[Any], parts: list[str], shout: bool,
                                   pad: str) -> None:
    text = pad + " ".join(parts)
    text = text.upper() if shout else text  # truecased parse: evidence still from the text
    analysis = _analyse(stages, text)
    for mention in analysis.mentions:
        event = mention_to_event(mention, analysis.article)
        _assert_offsets_hold(text, event.evidence)
        names = {e.field for e in mention.field_evidence}
        assert set(_filled(mention)) <= names


FIELD_ITEMS = [{"article_id": "a1", "start": 0, "end": 6, "text": "strike"},
               {"article_id": "a1", "start": 0, "end": 6, "text": "strike", "field": "event"},
               {"article_id": "a1", "start": 10, "end": 22, "text": "US forces", "field": "actor1"}]


def test_store_round_trips_field_key() -> None:
    store = Store("sqlite://")
    event = make_event(evidence=FIELD_ITEMS)
    store.upsert_events([event])
    assert store.events() == [event]
    assert store.events()[0].evidence[2]["field"] == "actor1"


def test_exports_keep_field_key() -> None:
    event = make_event(evidence=FIELD_ITEMS)
    out = io.StringIO()
    JsonlExporter().write([event], out)
    assert Event.from_dict(json.loads(out.getvalue())) == event
    out = io.StringIO()
    GeoJsonExporter().write([event], out)
    props = json.loads(out.getvalue())["features"][0]["properties"]
    assert props["evidence"] == FIELD_ITEMS
    out = io.StringIO()
    CsvExporter().write([event], out)
    assert '"field"' in out.getvalue() and "actor1" in out.getvalue()


def test_evidence_to_dict_omits_field_for_sentences() -> None:
    assert "field" not in Evidence("a", 0, 1, "x").to_dict()
    assert Evidence("a", 0, 1, "x", "location").to_dict()["field"] == "location"


def _scored(actor1: str, words: str, field: str = "actor1") -> Event:
    items = [{"article_id": "a", "start": 0, "end": 80, "text": "sentence"},
             {"article_id": "a", "start": 3, "end": 3 + len(words), "text": words,
              "field": field}]
    return make_event(actor1=actor1, actor2="Civilians (El Salvador)", evidence=items)


def test_muc_role_match_accepts_the_actor_words() -> None:
    event = _scored("Unidentified Armed Group (El Salvador)", "urban guerrillas")
    gold = ("URBAN GUERRILLAS",)
    assert not muc4.loose_match(event.actor1, gold)
    assert muc4.role_match(event, "actor1", gold)
    assert not muc4.role_match(event, "actor2", gold)  # actor1's words are not actor2's
    assert not muc4.role_match(event, "actor1", ("SOLDIERS",))


def test_role_match_ignores_long_spans_and_other_fields() -> None:
    clause = "a group of men believed to be urban guerrillas from the capital"
    assert not muc4.role_match(_scored("Unidentified Armed Group", clause), "actor1",
                               ("URBAN GUERRILLAS",))
    located = _scored("Unidentified Armed Group", "urban guerrillas", field="location")
    assert not muc4.role_match(located, "actor1", ("URBAN GUERRILLAS",))


def test_muc_tally_keeps_the_name_figure() -> None:
    template = muc4.Template("M1", False, ("ATTACK",), ("ACCOMPLISHED",), (), "EL SALVADOR",
                             (), ("URBAN GUERRILLAS",), (), ("PEASANTS",), None)
    tally = muc4.Tally()
    muc4._slots(_scored("Unidentified Armed Group", "urban guerrillas"), template, tally)
    assert (tally.get("perp_hit"), tally.get("perp_n")) == (1, 1)
    assert (tally.get("perp_name_hit"), tally.get("perp_name_n")) == (0, 1)
    assert (tally.get("target_hit"), tally.get("target_name_hit")) == (0, 0)
    metrics = muc4.metrics(tally)
    assert metrics["perp_accuracy"] == 1.0 and metrics["perp_name_accuracy"] == 0.0


def test_wikievents_role_hit_and_name_figure() -> None:
    event = _scored("Unidentified Armed Group", "the gunmen")
    assert wikievents.role_hit("attacker", event, ["gunmen"])
    assert not wikievents.name_hit("attacker", event, ["gunmen"])
    gold = wikievents.GoldEvent("g", "attack", 10, 14, "shot", {"attacker": ("gunmen",)})
    tally = wikievents.Tally()
    wikievents.tally_doc(wikievents.WikiDoc("d", "x" * 90, (gold,)), [event], tally, [])
    metrics = wikievents.metrics_of(tally)
    assert metrics["attacker_match"] == 1.0 and metrics["attacker_name_match"] == 0.0


def test_wikievents_detection_uses_sentences_only() -> None:
    event = make_event(evidence=[{"article_id": "a", "start": 0, "end": 20, "text": "x",
                                  "field": "actor2"}])
    gold = wikievents.GoldEvent("g", "attack", 5, 9, "shot", {})
    assert not wikievents.covers(event, gold)
