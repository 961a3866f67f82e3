"""The event's place: `choose_place` picks among the place mentions of the event's sentences,
falling back (for past references) on the event they recall, then the lead, the dateline and
the focus country; `flashpoint.geo.location.event_location` ranks the candidates.

A place in a country that nothing else in the text supports (not the document's main country,
not named as a place, no demonym, no first-level region of it named) is not used for an event:
"San Ramon" read as the Californian town in a report from El Salvador, or a Spanish
"Campanario" in a report from Colombia, is a wrong guess of the resolver more often than a
foreign event. The event then falls back on the next source of a place, down to the main
country (precision 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..geo.resolve import dateline_place_end
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
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset(
    "in at near inside across throughout within into outside around".split())
# Nouns that a country name before them leaves a location ("the Syria border").
LOCATIONAL_NOUNS: frozenset[str] = frozenset(
    "border frontier side coast capital territory soil region area countryside city province "
    "mainland interior highland lowland village town desert mountain".split()
)


def _locate(places: list[PlaceMention],
            trigger_start: int) -> tuple[PlaceMention | None, int | None]:
    from ..geo.location import event_location

    return event_location(places, trigger_start)


def supported_countries(analysis: Analysis) -> frozenset[str]:
    """Countries the text supports beyond a single place: the main country, countries named
    as such (not as a nationality: "a U.S. student" says nothing of where things happen),
    by a demonym ("Syrian") or by one of their first-level regions ("Usulutan department").
    Towns alone do not: two same-named guesses in one foreign country ("San Ramon" and "San
    Benito" read as Californian in a Salvadoran report) support each other by nearness."""
    from ..geo.resolve import demonym_countries

    named: set[str] = set(analysis.country_focus[:1])
    for m in analysis.places:
        if m.place is None or not m.place.country_code:
            continue
        if m.place.feature == "admin1" or m.place.feature == "country" \
                and not _nationality(analysis, m):
            named.add(m.place.country_code)
    named.update(demonym_countries(analysis.article.text))
    return frozenset(named)


def _grounded(places: list[PlaceMention], supported: frozenset[str]) -> list[PlaceMention]:
    """The mentions whose country the text supports (see the module docstring)."""
    return [p for p in places if p.place is None or not p.place.country_code
            or p.place.country_code in supported]


def _not_actors(analysis: Analysis) -> list[PlaceMention]:
    """Places that are not the name of an actor ("the U.S. launched ..." names an actor,
    not where the event happened), nor a nationality ("a U.S. citizen"), nor the dateline
    ("ADEN, Yemen — ", "SAN SALVADOR, 3 JAN 90 --": where the report was filed)."""
    text = analysis.article.text
    end = max(dateline_end(text), dateline_place_end(text, whole=True))
    return [p for p in analysis.places if p.start >= end
            and not any(a.start < p.end and p.start < a.end for a in analysis.actors)
            and not _nationality(analysis, p)]


def _nationality(analysis: Analysis, mention: PlaceMention) -> bool:
    """A country or first-level region named before a person or thing it qualifies ("a U.S.
    student", "Texas missionaries"; for a country any such noun: "U.S. intervention"), or a
    country a person comes from ("Juan Perez, 40, from Spain")."""
    if analysis.doc is None or mention.place is None or \
            mention.place.feature not in ("country", "admin1"):
        return False
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    country = mention.place.feature == "country"
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head is not head \
            and head.head.i >= span.end and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = head.head
        if head.lemma_.lower() in NATIONALITY_HEADS or country and _qualified_noun(head):
            return True
    return country and (_origin(span) or _posting(span) or _before_common_word(span))


DIPLOMATS: frozenset[str] = frozenset("ambassador envoy consul diplomat attache".split())


def _posting(span: Span) -> bool:
    """"ambassador to Spain", "envoy to Peru": the country a diplomat is posted to, not
    where something happened to them."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ == "to" and prep.head is not prep \
        and prep.head.lemma_.lower() in DIPLOMATS


def _before_common_word(span: Span) -> bool:
    """A country name right before a lower-case noun or adjective and after no locative
    preposition ("the Chilean-U.S.  cultural institute", "U.S. citizen Scott Heyndal"):
    the parse may miss the link when the copy's spacing or a name follows."""
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    before = span.start - 1 - int(span.start > 1 and doc[span.start - 1].lower_ == "the")
    if i >= len(doc) or before >= 0 and doc[before].lower_ in LOCATIVE_PREPOSITIONS:
        return False  # "in the United States last year"
    tok = doc[i]
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ") \
        and tok.lemma_ not in LOCATIONAL_NOUNS and tok.ent_type_ not in ("DATE", "TIME")


def _qualified_noun(tok: Token) -> bool:
    """A lower-case common noun a country name qualifies, other than one that places
    something in it ("the Syria border", "Iraq oil fields" stay locations)."""
    return tok.pos_ == "NOUN" and tok.is_lower and tok.lemma_ not in LOCATIONAL_NOUNS \
        and tok.ent_type_ not in ("DATE", "TIME")


def _origin(span: Span) -> bool:
    """"from <country>" attached to a person (a named person, one given an age, or a
    person noun): where someone comes from, not where something happened."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "from" or prep.head is prep:
        return False
    owner = prep.head
    aged = owner.pos_ == "PROPN" and any(c.dep_ == "appos" and c.like_num
                                         for c in owner.children)  # "Ana Ruiz, 33,"
    return aged or owner.ent_type_ == "PERSON" or owner.lemma_.lower() in NATIONALITY_HEADS


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
    else the sentences just before it; then the lead; then the dateline when it lies in the
    main country; then the focus country (precision 3).
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
        place, precision = _dateline_place(analysis, places, sents, start)
    if place is None and analysis.country_focus:
        return _in_focus_country(analysis, analysis.country_focus[0])
    return place, precision


def _dateline_place(analysis: Analysis, places: PlaceCandidates, sents: list[Span],
                    start: int) -> tuple[PlaceMention | None, int | None]:
    """The dateline's place, unless it lies outside the document's main country: a report
    filed in Washington or Madrid about killings in El Salvador is coded to El Salvador
    (the focus country, precision 3), never to the city it was filed from."""
    place, precision = _locate(_in_sents(places.dateline, sents[:1]), start)
    focus = analysis.country_focus[:1]
    if place is not None and place.place is not None and focus \
            and place.place.country_code != focus[0]:
        return None, None
    return place, precision


def _in_focus_country(analysis: Analysis, focus: str) -> tuple[PlaceMention | None, int | None]:
    """The main country at precision 3: its own mention, else (a report that never names
    it, "SAN SALVADOR, 3 JAN 90 --") the first place named in it, coded as ACLED codes an
    event known only by country."""
    inside = [p for p in analysis.places if p.place and p.place.country_code == focus]
    countries = [p for p in inside if p.place and p.place.feature == "country"]
    chosen = countries or inside
    return (chosen[0], 3) if chosen else (None, None)
