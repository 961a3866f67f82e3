"""Filling an event's fields and building the public record.

`EventCoder` (coder.py) groups triggers into events; this module fills what those groups
need beyond the place (location.py) and the roles (roles.py): claims of responsibility and
denials, and the one-sentence notes (`describe`); `mention_to_event` then turns an
`EventMention` into the public `Event` (ACLED field names). Merging the same real-world
event across articles happens later (flashpoint.merge); each mention's id is a content hash
of (article id, kind, sub-event type, trigger start), so re-running the pipeline on the same
article gives the same ids.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..records import (
    ActorMention,
    Article,
    Attribution,
    Event,
    EventMention,
    PlaceMention,
    Toll,
    content_hash,
)
from . import taxonomy as tx
from .roles import _is_modifier

if TYPE_CHECKING:
    from ..pipeline import Analysis
    from .coder import Group


def _country(place: PlaceMention | None) -> str | None:
    return place.place.country_code if place is not None and place.place is not None else None


def _claimant(analysis: Analysis, grp: Group) -> ActorMention | None:
    """A non-state group that claimed responsibility for the event (an attribution with
    certainty "claimed" naming an armed group, in a sentence that speaks of the event)."""
    assert analysis.doc is not None
    for att in analysis.attributions:
        if att.certainty != "claimed":
            continue
        sent = analysis.doc.char_span(att.start, att.end, alignment_mode="expand")
        if sent is None or "responsib" not in sent.sent.text.lower():
            continue
        armed = [a for a in analysis.actors if a.inter in (2, 3, 4)
                 and sent.sent.start_char <= a.start < sent.sent.end_char
                 and not _is_modifier(analysis.doc.text, a)]
        armed.sort(key=lambda a: not att.start <= a.start < att.end)
        if armed:
            return armed[0]
    return None


def _denied_by_actor(analysis: Analysis, actor1: ActorMention | None,
                     used: Attribution | None) -> bool:
    """The alleged perpetrator denies it ("Pakistan's military denied carrying out any
    strike") and nothing in the article confirms it."""
    if actor1 is None or (used is not None and used.certainty == "confirmed"):
        return False
    if any(a.certainty == "confirmed" for a in analysis.attributions):
        return False
    for att in analysis.attributions:
        if att.certainty != "denied":
            continue
        text = att.text.lower()
        same = [a for a in analysis.actors if a.name == actor1.name
                or (a.country_code and a.country_code == actor1.country_code
                    and a.inter == actor1.inter)]
        if any(att.start <= a.start < att.end for a in same) or actor1.text.lower() in text:
            return True
        if actor1.country_code and _country_named(text, actor1.country_code):
            return True
    return False


def _country_named(text: str, iso2: str) -> bool:
    from ..countries import iso2_from_demonym, iso2_from_name

    words = re.findall(r"[A-Za-z][\w.'-]*", text)
    return any(iso2_from_name(w) == iso2 or iso2_from_demonym(w) == iso2 for w in words)


# --- the public record --------------------------------------------------------------------


def event_id_for(mention: EventMention) -> str:
    """Stable over re-runs: the article, kind, type and trigger, and for the second and
    later towns of a split list (`coding.split`) their place in it, so that every town's
    event is stored (the first town keeps the id the unsplit event had)."""
    parts: tuple[object, ...] = ("event", mention.article_id, mention.kind,
                                 mention.sub_event_type, mention.trigger.start)
    return content_hash(*parts, f"part {mention.part}") if mention.part else content_hash(*parts)


def _names(actors: tuple[ActorMention, ...]) -> str | None:
    """ACLED joins associated actors with "; "."""
    names: list[str] = []
    for actor in actors:
        if actor.name not in names:
            names.append(actor.name)
    return "; ".join(names) if names else None


def _toll_fields(toll: Toll | None) -> tuple[int | None, int | None, int | None]:
    if toll is None:
        return None, None, None
    return toll.best, toll.low, toll.high


def _place_fields(mention: EventMention) -> dict[str, object]:
    if mention.place is None or mention.place.place is None:
        return {}
    p = mention.place.place
    location = p.country if p.feature == "country" and p.country else p.name
    return {
        "country": p.country, "iso3": p.iso3, "admin1": p.admin1, "admin2": p.admin2,
        "location": location, "latitude": p.latitude, "longitude": p.longitude,
        # regions built from the bundled data carry synthetic negative ids: not GeoNames ids
        "geonameid": p.geonameid if p.geonameid > 0 else None,
        "geo_precision": mention.geo_precision,
    }


def _source(mention: EventMention, article: Article) -> str | None:
    if mention.attribution is not None and mention.attribution.source:
        return mention.attribution.source
    return article.source_name


def mention_to_event(m: EventMention, article: Article) -> Event:
    """The public record for one mention of one article (see DESIGN.md for the fields).
    `evidence` lists the event's sentences (no "field" key), then its field-level spans
    (with "field"; `flashpoint.records.EVIDENCE_FIELDS`)."""
    fatalities, fat_low, fat_high = _toll_fields(m.fatalities)
    injuries, inj_low, inj_high = _toll_fields(m.injuries)
    source = _source(m, article)
    sources = [source] if source else []
    if article.source_name and article.source_name not in sources:
        sources.append(article.source_name)
    return Event(
        event_id=event_id_for(m), kind=m.kind, event_date=m.event_date.isoformat(),
        time_precision=m.time_precision, event_type=m.event_type,
        sub_event_type=m.sub_event_type,
        actor1=m.actor1.name if m.actor1 else None, inter1=m.inter1,
        assoc_actor_1=_names(m.assoc_actor_1),
        actor2=m.actor2.name if m.actor2 else None, inter2=m.inter2,
        assoc_actor_2=_names(m.assoc_actor_2),
        fatalities=fatalities, fatalities_low=fat_low, fatalities_high=fat_high,
        injuries=injuries, injuries_low=inj_low, injuries_high=inj_high,
        source=source, sources=sources, certainty=m.certainty, notes=m.notes,
        evidence=[e.to_dict() for e in (*m.evidence, *m.field_evidence)],
        plover=dict(m.plover) if m.plover else None, confidence=m.confidence,
        article_ids=[article.id],
        **_place_fields(m),  # type: ignore[arg-type]
    )


# --- notes: one generated sentence per event ---------------------------------------------------------------------------------

PHRASES: dict[str, tuple[str, str]] = {
    tx.ARMED_CLASH: ("clashed with", "was involved in an armed clash"),
    tx.GOV_REGAINS: ("regained territory from", "regained territory"),
    tx.NSA_OVERTAKES: ("took territory from", "took territory"),
    tx.CHEMICAL: ("used chemical weapons against", "used chemical weapons"),
    tx.AIR_STRIKE: ("carried out an air/drone strike against", "carried out an air/drone strike"),
    tx.SUICIDE_BOMB: ("carried out a suicide bombing against", "carried out a suicide bombing"),
    tx.SHELLING: ("shelled or fired missiles at", "carried out shelling or a missile attack"),
    tx.IED: ("attacked with an explosive device", "detonated an explosive device"),
    tx.GRENADE: ("threw a grenade at", "carried out a grenade attack"),
    tx.SEXUAL_VIOLENCE: ("committed sexual violence against", "committed sexual violence"),
    tx.ATTACK: ("attacked", "carried out an attack"),
    tx.ABDUCTION: ("abducted", "carried out an abduction"),
    tx.PEACEFUL_PROTEST: ("protested against", "held a peaceful protest"),
    tx.PROTEST_INTERVENTION: ("protested and faced intervention by", "protested and faced "
                              "intervention"),
    tx.EXCESSIVE_FORCE: ("used excessive force against", "used excessive force against "
                         "protesters"),
    tx.VIOLENT_DEMO: ("rioted against", "held a violent demonstration"),
    tx.MOB_VIOLENCE: ("carried out mob violence against", "carried out mob violence"),
    tx.AGREEMENT: ("reached an agreement with", "reached an agreement"),
    tx.ARRESTS: ("arrested", "made arrests"),
    tx.CHANGE_GROUP: ("changed its activity regarding", "changed its group or activity"),
    tx.DISRUPTED_WEAPONS: ("disrupted weapons use by", "disrupted weapons use"),
    tx.HQ_ESTABLISHED: ("established a base near", "established a headquarters or base"),
    tx.LOOTING: ("looted or destroyed property of", "looted or destroyed property"),
    tx.TERRITORY_TRANSFER: ("handed territory to", "transferred territory"),
    tx.OTHER: ("was involved in an incident with", "was involved in an incident"),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _when_phrase(day: date, precision: int, year_only: bool = False) -> str:
    if year_only:
        return f"In {day.year}"
    if precision >= 3:
        return f"In {MONTHS[day.month - 1]} {day.year}"
    if precision == 2:
        return f"Around {day.isoformat()}"
    return f"On {day.isoformat()}"


def _where_phrase(place: PlaceMention | None) -> str:
    if place is None or place.place is None:
        return ""
    p = place.place
    if p.feature == "country" or not p.country or p.country == p.name:
        return f" in {p.country or p.name}"
    return f" in {p.name}, {p.country}"


def _toll_phrase(mention: EventMention) -> str:
    parts = []
    if mention.fatalities is not None:
        n = mention.fatalities.best
        parts.append(f"{n} {'fatality' if n == 1 else 'fatalities'}")
    if mention.injuries is not None:
        n = mention.injuries.best
        parts.append(f"{n} {'injury' if n == 1 else 'injuries'}")
    return f"; {' and '.join(parts)} reported" if parts else ""


def describe(mention: EventMention, source: str | None, year_only: bool = False) -> str:
    """One sentence summarising the event, e.g. "On 2024-02-03, X carried out an air/drone
    strike against Y in Al Mayadin, Syria; 3 fatalities reported (source: Z)."."""
    with_target, alone = PHRASES[mention.sub_event_type]
    who = mention.actor1.name if mention.actor1 else "Unidentified actors"
    what = f"{with_target} {mention.actor2.name}" if mention.actor2 else alone
    text = (f"{_when_phrase(mention.event_date, mention.time_precision, year_only)}, {who} {what}"
            f"{_where_phrase(mention.place)}{_toll_phrase(mention)}")
    if mention.kind == "past_reference":
        text += " (recalled as an earlier event)"
    return f"{text} (source: {source})." if source else f"{text}."
