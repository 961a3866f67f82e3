"""The event's place: `choose_place` picks among the place mentions of the event's sentences,
falling back (for past references) on the event they recall, then the lead, the dateline and
the focus country; `flashpoint.geo.location.event_location` ranks the candidates.

A place in a country that nothing else in the text supports (not the document's main
country, not named, no demonym, no second place there) is not used for an event: "San Ramon"
read as the Californian town in a report from El Salvador, or a Spanish "Campanario" in a
report from Colombia, is a wrong guess of the resolver more often than a foreign event. The
event then falls back on the next source of a place, down to the main country (precision 3).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import dateline_end
from ..records import EventMention, Evidence, PlaceMention
from .spans import in_sents as _in_sents
from .taxonomy import compatible

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..pipeline import Analysis
    from .coder import Group

LEAD_SENTENCES = 2  # the article's lead: where a fallback place or source is looked for
# Nouns that a country or region name before them makes a nationality, not a location
# ("a U.S. citizen", "Texas missionaries", "the U.S. embassy", "a U.S. convoy").
NATIONALITY_HEADS: frozenset[str] = frozenset(
    "citizen national resident native missionary tourist journalist reporter diplomat "
    "ambassador envoy official officer soldier troop serviceman servicewoman marine sailor "
    "pilot adviser advisor contractor worker volunteer businessman priest nun student "
    "hostage flag embassy consulate convoy aircraft plane jet drone warship ship vessel "
    "company firm president government delegation team man woman couple family".split()
)


def _locate(places: list[PlaceMention],
            trigger_start: int) -> tuple[PlaceMention | None, int | None]:
    from ..geo.location import event_location

    return event_location(places, trigger_start)


def supported_countries(analysis: Analysis) -> frozenset[str]:
    """Countries the text supports beyond a single place: the main country, countries named
    as such or by a demonym ("Syrian"), and countries with two or more distinct places."""
    from ..geo.resolve import demonym_countries

    named: set[str] = set(analysis.country_focus[:1])
    towns: dict[str, set[int]] = defaultdict(set)
    for m in analysis.places:
        if m.place is None or not m.place.country_code:
            continue
        if m.place.feature == "country":
            named.add(m.place.country_code)
        else:
            towns[m.place.country_code].add(m.place.geonameid)
    named.update(demonym_countries(analysis.article.text))
    return frozenset(named | {cc for cc, ids in towns.items() if len(ids) >= 2})


def _grounded(places: list[PlaceMention], supported: frozenset[str]) -> list[PlaceMention]:
    """The mentions whose country the text supports (see the module docstring)."""
    return [p for p in places if p.place is None or not p.place.country_code
            or p.place.country_code in supported]


def _not_actors(analysis: Analysis) -> list[PlaceMention]:
    """Places that are not the name of an actor ("the U.S. launched ..." names an actor,
    not where the event happened), nor a nationality ("a U.S. citizen"), nor the dateline
    ("ADEN, Yemen — ": where the report was filed)."""
    end = dateline_end(analysis.article.text)
    return [p for p in analysis.places if p.start >= end
            and not any(a.start < p.end and p.start < a.end for a in analysis.actors)
            and not _nationality(analysis, p)]


def _nationality(analysis: Analysis, mention: PlaceMention) -> bool:
    """A country or first-level region named before a person or thing it qualifies."""
    if analysis.doc is None or mention.place is None or \
            mention.place.feature not in ("country", "admin1"):
        return False
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head is not head \
            and head.head.i >= span.end and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = head.head
        if head.lemma_.lower() in NATIONALITY_HEADS:
            return True
    return False


def _recalled_event(analysis: Analysis, grp: Group,
                    earlier: list[EventMention]) -> EventMention | None:
    """The earlier event whose place a past reference shares: one whose sentences name the
    past sentence's subject noun ("the village had been attacked"), else the latest of the
    same type, else the latest compatible one."""
    assert analysis.doc is not None
    placed = [m for m in reversed(earlier) if m.place is not None]
    subj = _subject_noun(analysis.doc[grp.main.head_i])
    if subj:
        pattern = re.compile(rf"\b{re.escape(subj)}\b", re.IGNORECASE)
        for m in placed:
            if any(pattern.search(e.text) for e in m.evidence if _core_sentence(e, m)):
                return m
    for same in (True, False):
        for m in placed:
            if (m.sub_event_type == grp.sub_event_type) if same else \
                    compatible(m.sub_event_type, grp.sub_event_type):
                return m
    return None


def _core_sentence(e: Evidence, m: EventMention) -> bool:
    """The evidence sentence holds the event's trigger or its place (not only its source)."""
    starts = [m.trigger.start] + ([m.place.start] if m.place is not None else [])
    return any(e.start <= x < e.end for x in starts)


def _subject_noun(tok: Token) -> str | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
            return child.lower_
    return None


@dataclass(frozen=True, slots=True)
class PlaceCandidates:
    """An article's places an event may take, worked out once per article: `body` for its
    own and nearby sentences (no actor names, nationalities or dateline), `dateline` for the
    last resort; both only in countries the text supports."""

    body: list[PlaceMention]
    dateline: list[PlaceMention]


def place_candidates(analysis: Analysis) -> PlaceCandidates:
    supported = supported_countries(analysis)
    return PlaceCandidates(_grounded(_not_actors(analysis), supported),
                           _grounded(analysis.places, supported))


def choose_place(analysis: Analysis, own: list[Span], grp: Group, sents: list[Span],
                 earlier: list[EventMention], places: PlaceCandidates | None = None
                 ) -> tuple[PlaceMention | None, int | None]:
    """The event's place: its own sentences; for a past reference with none, the place of
    the latest earlier event of a compatible type ("the village had been attacked before"),
    else the sentences just before it; then the lead; then the focus country (precision 3).
    `places` are the article's `place_candidates` (computed here when not given)."""
    start = grp.main.start
    places = places or place_candidates(analysis)
    candidates = places.body
    place, precision = _locate(_in_sents(candidates, own), start)
    if place is None and grp.kind == "past_reference":
        prior = _recalled_event(analysis, grp, earlier)
        if prior is not None:
            return prior.place, prior.geo_precision
    if place is None and grp.kind == "past_reference" and grp.sents[0] > 0:
        first = grp.sents[0]
        place, precision = _locate(_in_sents(candidates, sents[max(0, first - 2):first]), start)
    if place is None:
        place, precision = _locate(_in_sents(candidates, sents[:LEAD_SENTENCES]), start)
    if place is None:  # only the dateline names a place
        place, precision = _locate(_in_sents(places.dateline, sents[:1]), start)
    if place is None and analysis.country_focus:
        focus = analysis.country_focus[0]
        countries = [p for p in analysis.places if p.place and p.place.feature == "country"
                     and p.place.country_code == focus]
        if countries:
            place, precision = countries[0], 3
    return place, precision
