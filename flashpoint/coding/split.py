"""One event per location: an event told in one sentence that lists several towns.

ACLED codes one event per type, day and location: "guerrillas dynamited pylons in A, B and
C" is three events, each with the same type, actors and date. The coder groups a sentence's
triggers into one candidate; `split_by_place` then gives the event one copy per town when
the place it was given is a member of such a list in one of its own sentences:

- a list is a run of place names joined only by commas, "and", "or", "as well as" (and
  "the towns of", "in"), with at least one "and" / "or" / "as well as", led by a locative
  preposition ("in", "at", "inside", "on": "attacks were reported in A, B and C", "in the
  towns of A and B") or standing as the object of one of the event's trigger verbs
  ("guerrillas attacked A and B");
- one location is one event: a town named twice, a town and the province or country that
  holds it ("in A, B department", "in Lima, Peru"), a division named right after a town
  with only a comma ("in A, B department" where B is not resolved as holding A) count once;
  "near A and B" or "between A and B" is one place between two towns and is not split;
- names in a list after "in" / "at" that the gazetteer could not place ("in Gidan Tudu,
  Rafin Kwari and Zaria, in Kaduna State") are towns too: each is coded to the division
  named after the list (else the country, when the text names it) at that area's precision
  (2 or 3), with its own name as the location's evidence and a note, as ACLED codes a
  village it cannot find to the area around it. This also splits an event whose place was
  not found in the list's sentence (the lead's or the dateline's place stood in);
- an open list ("in A, B and other towns") sums up a situation and is not split;
- a town copy yields to an event of another group told on its own at the same town, day
  and event type ("Bombs exploded in A and B. ... At the same time, a bomb exploded in
  B": one event in B, `drop_restated`).

Tolls: a toll told in a sentence that names exactly one of the towns (and is not the list's
sentence) belongs to that town alone ("Three guards died in A"); any other toll is stated
for the whole list and is divided evenly between the towns, remainders going to the last
ones (ACLED's practice: 25 rebels killed in three locations -> 8, 8, 9), which the event's
notes say.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.location import geo_precision
from ..records import Article, EventMention, Evidence, PlaceMention, Toll
from .events import describe
from .incidents import same_area
from .location import _in_focus_country
from .spans import in_sents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..pipeline import Analysis
    from .triggers import Trigger

_UNITS = (r"(?:towns?|villages?|cit(?:y|ies)|municipalit(?:y|ies)|departments?|provinces?|"
          r"hamlets?|cantons?|neighbou?rhoods?|districts?|states?|regions?|communities|"
          r"localities|locality|settlements?|jurisdictions?|counties|county|parish(?:es)?)")
# What may stand between two listed names: "A, B", "A and B", "A, and in B", "A department
# and B", "A, as well as the town of B".
# A bare comma never takes "in": "Nunoa district, in Santiago" says where Nunoa lies.
_GLUE = re.compile(
    rf"\s*(?:{_UNITS}\s*)?(?:(?P<comma>,)|(?P<sep>,?\s*\b(?:and|or|as well as)\b)\s*"
    rf"(?:(?:in|at)\s+)?)\s*(?:the\s+)?(?:{_UNITS}\s+of\s+)?", re.IGNORECASE)
# What leads a list of places where the event happened: "in", "at", "in the towns of".
_LEAD = re.compile(rf"\b(?:in|at|inside|on)\s+(?:the\s+)?(?:{_UNITS}\s+of\s+)?$",
                   re.IGNORECASE)
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
MAX_TOWNS = 8  # a longer run of names is more likely a route or an inventory than a list
DIVIDED_NOTE = "{what} divided evenly between {n} locations named together."
UNPLACED_NOTE = "{name} is not in the gazetteer: coded to {area}."


def _glued(text: str) -> str | None:
    """The separator joining two listed names ("," or "and"), None when `text` is not list
    glue."""
    match = _GLUE.fullmatch(text)
    if match is None:
        return None
    return "," if match.group("comma") else match.group("sep").strip().lower()


def place_runs(sent: Span, places: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Runs of two or more place mentions of `sent` (see `list_items`) joined only by list
    glue, in text order."""
    doc_text = sent.doc.text
    inside = sorted((p for p in places if sent.start_char <= p.start < sent.end_char),
                    key=lambda p: p.start)
    runs: list[list[PlaceMention]] = []
    for mention in inside:
        last = runs[-1][-1] if runs else None
        if last is not None and last.end <= mention.start and \
                _glued(doc_text[last.end:mention.start]) is not None:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return [run for run in runs if 1 < len(run) <= MAX_TOWNS and _conjoined(run, doc_text)]


def _conjoined(run: list[PlaceMention], doc_text: str) -> bool:
    """A list ends with "and" / "or": names joined by commas alone are a place and where
    it lies, or a place and the next clause ("in Tegucigalpa, Borge said")."""
    return any(_glued(doc_text[a.end:b.start]) not in (None, ",") for a, b in zip(run, run[1:]))


_JOINERS = frozenset("de del la las los el y da do das dos di du van von".split())
_AREA_WORDS = re.compile(rf"\b{_UNITS}$", re.IGNORECASE)
_AFTER = re.compile(r"\s*,?\s*(?:(?:in|of)\s+)?(?:the\s+)?")


# Not dates, groups or nationalities. People stay: the small model often reads a village
# as a person ("Gidan Tudu"); a list of people after "in" / "at" is rare.
_NAME_ENTS = frozenset({"", "GPE", "LOC", "FAC", "PERSON"})


def _capital(tok: Token) -> bool:
    """A capitalised word inside a sentence that may be part of a place name."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start \
        and not tok.is_stop and tok.ent_type_ in _NAME_ENTS


def name_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans of the sentence's proper-name runs ("Santo Tomas de Pata")."""
    doc, spans, i = sent.doc, list[tuple[int, int]](), sent.start
    while i < sent.end:
        j = i
        while j < sent.end and (_capital(doc[j]) or j > i and doc[j].lower_ in _JOINERS
                                and j + 1 < sent.end and _capital(doc[j + 1])):
            j += 1
        if j > i:
            spans.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])))
        i = max(j, i + 1)
    return spans


def list_items(sent: Span, places: list[PlaceMention]) -> list[PlaceMention]:
    """The sentence's place mentions plus, as unresolved mentions, the names no mention
    covers whole (a village the recogniser missed, or read as a shorter name)."""
    text = sent.doc.text
    items = list(places)
    for start, end in name_spans(sent):
        inside = [p for p in items if p.start < end and start < p.end]
        if any(p.start <= start and end <= p.end for p in inside):
            continue
        if all(p.place is None or start <= p.start and p.end <= end for p in inside):
            items = [p for p in items if p not in inside]
            items.append(PlaceMention(start, end, text[start:end], None))
    return sorted(items, key=lambda p: p.start)


def _area_after(sent: Span, run: list[PlaceMention],
                candidates: list[PlaceMention]) -> PlaceMention | None:
    """The division named right after a list ("..., in Huanuco department")."""
    text = sent.doc.text
    at = _AFTER.match(text, run[-1].end)
    start = at.end() if at else run[-1].end
    return next((c for c in candidates if c.start == start and c.place is not None
                 and c.place.feature in ("admin1", "admin2", "region")), None)


_UNIT_NEXT = re.compile(rf"\s*{_UNITS}\b", re.IGNORECASE)


def _without_areas(run: list[PlaceMention], doc_text: str) -> list[PlaceMention]:
    """The run without names that say where the name before them lies: one after a bare
    comma and followed by a division word ("Casitas, Texistepeque jurisdiction")."""
    return [m for i, m in enumerate(run) if not (
        i > 0 and _glued(doc_text[run[i - 1].end:m.start]) == ","
        and _UNIT_NEXT.match(doc_text, m.end))]


def _trailing_area(run: list[PlaceMention], usable: set[tuple[int, int]],
                   doc_text: str) -> bool:
    """Does the run end with a division after a bare comma ("A and B, Kaduna State")?"""
    last = run[-1]
    return len(run) > 2 and (last.start, last.end) in usable and last.place is not None \
        and last.place.feature in ("admin1", "admin2", "region") \
        and _glued(doc_text[run[-2].end:last.start]) == ","


def _country_of(analysis: Analysis, place: PlaceMention) -> PlaceMention | None:
    """A mention of the country holding the event's place, if the text names it."""
    assert place.place is not None
    found, _ = _in_focus_country(analysis, place.place.country_code)
    return found if found is not None and found.place is not None \
        and found.place.feature == "country" else None


def _unplaced(run: list[PlaceMention], usable: set[tuple[int, int]], doc_text: str,
              area: PlaceMention | None) -> list[PlaceMention]:
    """Listed names the gazetteer could not place, each coded to `area` (the division
    named after the list, else the country) with the name's own span: one event per
    named town, as ACLED codes a village it cannot find to the area around it. Names of
    divisions ("X department") and repeats are left out."""
    if area is None or area.place is None:
        return []
    out: list[PlaceMention] = []
    seen: set[str] = set()
    for m in run:
        name = m.text.strip().lower()
        if (m.start, m.end) in usable or (m.place is not None and m.place.geonameid
                                          == area.place.geonameid) or name in seen \
                or _AREA_WORDS.search(name) or (m.place is not None and
                                                m.place.feature != "city"):
            continue
        seen.add(name)
        out.append(PlaceMention(m.start, m.end, doc_text[m.start:m.end], area.place,
                                area.score, "area"))
    return out


_OPEN = re.compile(r"\s*,?\s*(?:and|or)\s+(?:in\s+|at\s+)?(?:many\s+|several\s+|various\s+|"
                   r"some\s+|the\s+)?other\b|\s*,?\s*(?:among others|etc\b)", re.IGNORECASE)


def _open_ended(sent: Span, run: list[PlaceMention]) -> bool:
    """"In A, B, C and other towns ...": an open list sums up a situation ("shots are
    heard"), it does not tell one incident per town."""
    return _OPEN.match(sent.doc.text, run[-1].end) is not None


def _led(sent: Span, run: list[PlaceMention], trigs: list[Trigger]) -> bool:
    """Is the run where the event happened: after "in"/"at", or the object of a trigger
    verb ("attacked A and B", "A and B were attacked")?"""
    doc = sent.doc
    if _LEAD.search(doc.text[sent.start_char:run[0].start]):
        return True
    if any(m.place is None for m in run):
        return False  # names nothing resolved: only after "in" / "at" are they places
    span = doc.char_span(run[0].start, run[0].end, alignment_mode="expand")
    if span is None:
        return False
    heads = {t.head_i for t in trigs}
    return span.root.dep_ in _OBJECT_DEPS and span.root.head.i in heads


def distinct_locations(run: list[PlaceMention], doc_text: str) -> list[PlaceMention]:
    """One mention per location of a run: resolved, first naming of a place, a division
    named after a town with a bare comma ("A, B department": where A lies) dropped, and
    no place that holds another member ("A, Peru")."""
    kept: list[PlaceMention] = []
    for i, mention in enumerate(run):
        if mention.place is None:
            continue
        before = run[i - 1].place if i > 0 else None
        if before is not None and before.feature == "city" and \
                mention.place.feature not in ("city", "spot") and \
                _glued(doc_text[run[i - 1].end:mention.start]) == ",":
            continue  # "Ilobasco, Cabanas department": where the town lies
        if any(k.place is not None and k.place.geonameid == mention.place.geonameid
               for k in kept):
            continue
        kept.append(mention)
    return [m for m in kept if not any(
        o is not m and o.place is not None and m.place is not None
        and o.place.geonameid != m.place.geonameid and _holds(m, o) for o in kept)]


def _holds(outer: PlaceMention, inner: PlaceMention) -> bool:
    """Does `outer` contain `inner` (a country or first-level division holding a town)?"""
    assert outer.place is not None and inner.place is not None
    return outer.place.feature in ("country", "admin1") and \
        same_area([outer.place], [inner.place]) and inner.place.feature != outer.place.feature


def listed_towns(analysis: Analysis, own: list[Span], trigs: list[Trigger],
                 place: PlaceMention | None, candidates: list[PlaceMention]
                 ) -> tuple[list[PlaceMention], Span | None]:
    """The locations of the list in the event's own sentences that holds the event's place
    (`place`), or whose area (named right after it) is that place, or any list when that
    place was found elsewhere; ([], None) when there is no such list. Listed names the
    gazetteer could not place are coded to the list's area (`_unplaced`)."""
    if place is None or place.place is None:
        return [], None
    usable = {(c.start, c.end) for c in candidates}
    for sent in own:
        for run in place_runs(sent, list_items(sent, in_sents(analysis.places, [sent]))):
            if not _led(sent, run, trigs) or _open_ended(sent, run):
                continue
            towns = _run_towns(analysis, sent, run, candidates, usable, place)
            if len(towns) > 1:
                return towns, sent
    return [], None


def _run_towns(analysis: Analysis, sent: Span, run: list[PlaceMention],
               candidates: list[PlaceMention], usable: set[tuple[int, int]],
               place: PlaceMention) -> list[PlaceMention]:
    """The run's locations when the event's place is one of them or their area, or was
    not found in the list's sentence (the lead's or dateline's place standing in)."""
    assert place.place is not None
    area = _area_after(sent, run, candidates)
    if area is None and _trailing_area(run, usable, sent.doc.text):
        run, area = run[:-1], run[-1]  # "in A and B, Kaduna State": where they lie
    run = _without_areas(run, sent.doc.text)
    placed = [t for t in distinct_locations(run, sent.doc.text) if (t.start, t.end) in usable]
    ids = {t.place.geonameid for t in placed if t.place is not None}
    named_area = area is not None and area.place is not None and \
        area.place.geonameid == place.place.geonameid
    told_elsewhere = not sent.start_char <= place.start < sent.end_char  # a fallback place
    if place.place.geonameid not in ids and not named_area and not told_elsewhere:
        return []
    fallback = area or _country_of(analysis, place)
    unplaced = _unplaced(run, usable, sent.doc.text, fallback)
    return sorted(placed + unplaced, key=lambda m: m.start)


def divided(toll: Toll, parts: int, index: int) -> Toll:
    """The `index`-th of `parts` even shares of a toll; remainders go to the last shares
    (25 in three -> 8, 8, 9)."""
    def share(value: int) -> int:
        return value // parts + (1 if index >= parts - value % parts else 0)

    return replace(toll, low=share(toll.low), best=share(toll.best), high=share(toll.high))


def _tied_town(analysis: Analysis, toll: Toll, towns: list[PlaceMention],
               list_sent: Span) -> int | None:
    """The town a toll's own sentence names alone (not the list's sentence), as an index
    into `towns`; None when the toll is stated for the whole list."""
    if list_sent.start_char <= toll.start < list_sent.end_char:
        return None
    assert analysis.doc is not None
    sent = analysis.doc.char_span(toll.start, toll.end, alignment_mode="expand")
    if sent is None:
        return None
    named = {p.place.geonameid for p in in_sents(analysis.places, [sent.sent]) if p.place}
    hits = [i for i, t in enumerate(towns) if t.place is not None and t.place.geonameid in named]
    return hits[0] if len(hits) == 1 else None


def town_toll(analysis: Analysis, toll: Toll | None, towns: list[PlaceMention],
              index: int, list_sent: Span) -> tuple[Toll | None, bool]:
    """The share of `toll` for `towns[index]`, and whether it was divided."""
    if toll is None:
        return None, False
    tied = _tied_town(analysis, toll, towns, list_sent)
    if tied is not None:
        return (toll if tied == index else None), False
    return divided(toll, len(towns), index), True


def split_by_place(analysis: Analysis, mention: EventMention, own: list[Span],
                   trigs: list[Trigger], candidates: list[PlaceMention]) -> list[EventMention]:
    """`mention` once per location of the list its place belongs to (module docstring);
    `[mention]` when its sentences list no such towns."""
    towns, list_sent = listed_towns(analysis, own, trigs, mention.place, candidates)
    if list_sent is None:
        return [mention]
    return [_for_town(analysis, mention, towns, i, list_sent) for i in range(len(towns))]


def _for_town(analysis: Analysis, mention: EventMention, towns: list[PlaceMention],
              index: int, list_sent: Span) -> EventMention:
    town = towns[index]
    dead, split_dead = town_toll(analysis, mention.fatalities, towns, index, list_sent)
    hurt, split_hurt = town_toll(analysis, mention.injuries, towns, index, list_sent)
    out = replace(mention, place=town, geo_precision=geo_precision(town), fatalities=dead,
                  injuries=hurt, part=index)
    out = replace(out, field_evidence=_field_evidence(mention, out, analysis.article),
                  notes=_renoted(mention, out, analysis.article))
    if town.qualifier == "area" and town.place is not None and \
            town.place.name.lower() not in town.text.lower():
        note = UNPLACED_NOTE.format(name=town.text, area=town.place.name)
        out = replace(out, notes=f"{out.notes} {note}".strip())
    what = [w for w, split in (("Fatalities", split_dead), ("Injuries", split_hurt)) if split]
    if what:
        note = DIVIDED_NOTE.format(what=" and ".join(what), n=len(towns))
        out = replace(out, notes=f"{out.notes} {note}".strip())
    return out


def _field_evidence(old: EventMention, new: EventMention,
                    article: Article) -> tuple[Evidence, ...]:
    """The old field evidence, in its order, with the location pointing at the town and
    the tolls kept only where this town has one."""
    items: list[Evidence] = []
    for ev in old.field_evidence:
        if ev.field == "location" and new.place is not None:
            place = new.place
            ev = Evidence(article.id, place.start, place.end,
                          article.text[place.start:place.end], "location")
        elif ev.field == "fatalities" and new.fatalities is None or \
                ev.field == "injuries" and new.injuries is None:
            continue
        items.append(ev)
    return tuple(items)


def _renoted(old: EventMention, new: EventMention, article: Article) -> str:
    """The notes' summary sentence rewritten for the town and its toll; the rest kept."""
    source = old.attribution.source if old.attribution is not None and \
        old.attribution.source else article.source_name
    for year_only in (False, True):
        summary = describe(old, source, year_only=year_only)
        if old.notes.startswith(summary):
            return describe(new, source, year_only=year_only) + old.notes[len(summary):]
    return old.notes


def drop_restated(told: list[tuple[int, EventMention, bool]]) -> list[EventMention]:
    """The mentions of an article without the town copies that another event tells on its
    own: "Bombs exploded in A and B. ... At the same time, a bomb exploded at a bus station
    in B" is one event in B, the one with its own sentences. `told` holds (group index,
    mention, split from a list) in text order; a copy yields to an event of another group
    of the same kind, event type and town on the same day, or with no date of its own (an
    earlier group's copy when two lists name the town)."""
    def beaten(group: int, copy: EventMention) -> bool:
        return any(g != group and (not listed or g < group) and _restates(other, copy)
                   for g, other, listed in told)

    return [mention for group, mention, listed in told
            if not (listed and beaten(group, mention))]


def _restates(a: EventMention, b: EventMention) -> bool:
    """Same kind, event type and resolved town, and a day that does not differ."""
    if a.place is None or a.place.place is None or b.place is None or b.place.place is None:
        return False
    same_day = a.event_date == b.event_date or not (_dated(a) and _dated(b))
    return (a.kind, a.event_type, a.place.place.geonameid) == \
        (b.kind, b.event_type, b.place.place.geonameid) and same_day


def _dated(m: EventMention) -> bool:
    """Does the text give the event's date (not the publication date standing in)?"""
    return any(e.field == "event_date" for e in m.field_evidence)
