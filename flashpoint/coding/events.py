"""Filling an event's fields and building the public record.

`EventCoder` (coder.py) groups triggers into events; this module fills what those groups
need from the other stages' mentions: the place (`choose_place`), the actors and their inter
codes (`assign_roles`), claims of responsibility and denials, and the one-sentence notes
(`describe`); `mention_to_event` then turns an `EventMention` into the public `Event`
(ACLED field names). Merging the same real-world event across articles happens later
(flashpoint.merge); each mention's id is a content hash of (article id, kind, sub-event
type, trigger start), so re-running the pipeline on the same article gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as _replace
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..nlp import dateline_end
from ..records import (
    ActorMention,
    Article,
    Attribution,
    Event,
    EventMention,
    Evidence,
    PlaceMention,
    Toll,
    content_hash,
)
from . import taxonomy as tx
from .taxonomy import PROTEST_FAMILY, compatible

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..pipeline import Analysis
    from .coder import Group

LEAD_SENTENCES = 2  # the article's lead: where a fallback place or source is looked for

def _inside(start: int, sent: Span) -> bool:
    return sent.start_char <= start < sent.end_char


class _HasStart(Protocol):
    @property
    def start(self) -> int: ...


M = TypeVar("M", bound=_HasStart)


def _in_sents(items: list[M], sents: list[Span]) -> list[M]:
    """The mentions that start inside one of the given sentences."""
    return [m for m in items if any(_inside(m.start, s) for s in sents)]


# Events that are themselves announcements: their statement date is the event date.


@dataclass(frozen=True)
class Roles:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    inter1: int | None = None
    inter2: int | None = None
    assoc1: tuple[ActorMention, ...] = ()
    assoc2: tuple[ActorMention, ...] = ()


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


def _is_modifier(text: str, actor: ActorMention) -> bool:
    """"al-Qaeda-linked", "Iran-backed": the named group only qualifies another."""
    return bool(re.match(r"-(linked|backed|affiliated|allied|aligned|inspired)", text[actor.end:]))


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


# --- place ---------------------------------------------------------------------------------

def _locate(places: list[PlaceMention], trigger_start: int) -> tuple[PlaceMention | None, int | None]:
    from ..geo.location import event_location

    return event_location(places, trigger_start)


def _not_actors(analysis: Analysis) -> list[PlaceMention]:
    """Places that are not the name of an actor ("the U.S. launched ..." names an actor,
    not where the event happened) nor the dateline ("ADEN, Yemen — ": where the report was
    filed)."""
    end = dateline_end(analysis.article.text)
    return [p for p in analysis.places if p.start >= end
            and not any(a.start < p.end and p.start < a.end for a in analysis.actors)]


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


def choose_place(analysis: Analysis, own: list[Span], grp: Group, sents: list[Span],
                 earlier: list[EventMention]) -> tuple[PlaceMention | None, int | None]:
    """The event's place: its own sentences; for a past reference with none, the place of
    the latest earlier event of a compatible type ("the village had been attacked before"),
    else the sentences just before it; then the lead; then the focus country (precision 3)."""
    start = grp.main.start
    candidates = _not_actors(analysis)
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
        place, precision = _locate(_in_sents(analysis.places, sents[:1]), start)
    if place is None and analysis.country_focus:
        focus = analysis.country_focus[0]
        countries = [p for p in analysis.places if p.place and p.place.feature == "country"
                     and p.place.country_code == focus]
        if countries:
            place, precision = countries[0], 3
    return place, precision


# --- actors --------------------------------------------------------------------------------

AGENT_PREPS = frozenset({"by"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "upon", "into", "from"})
TARGET_VERBS = frozenset({"target", "hit", "kill", "strike", "attack", "wound", "injure",
                          "pound", "bomb", "destroy", "abduct", "kidnap"})


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _verb_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    targets: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            agents.append(c)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in AGENT_PREPS):
            agents.extend(_pobjs(c))
        elif c.dep_ in ("dobj", "nsubjpass", "obj"):
            targets.append(c)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(_pobjs(c))
    return agents, targets


def _noun_roles(tok: Token) -> tuple[list[Token], list[Token]]:
    """Roles of a noun trigger: "U.S. strike" / "Israel's strike", "by X", "against X", and
    the verb it hangs off ("X launched a strike against Y", "the strikes targeted Y")."""
    agents = [c for c in tok.children if c.dep_ in ("poss", "compound", "nmod", "amod")
              and c.pos_ in ("PROPN", "NOUN", "ADJ")]
    targets: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
            agents.extend(_pobjs(c))
        elif c.dep_ in ("acl", "relcl"):  # "shells fired by the RSF"
            agents.extend(a for a in _verb_roles(c)[0] if a.lower_ not in ("which", "that"))
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(_pobjs(c))
    verb = tok.head
    if verb is not tok and verb.pos_ in ("VERB", "AUX"):
        v_agents, v_targets = _verb_roles(verb)
        if tok.dep_ in ("dobj", "obj", "attr"):
            agents += [a for a in v_agents if a is not tok]
            targets += [t for t in v_targets if t is not tok]
        elif tok.dep_ in ("nsubj",) and _low_lemma(verb) in TARGET_VERBS:
            targets += [t for t in v_targets if t is not tok]
    return agents, targets


def _low_lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def role_tokens(tok: Token) -> tuple[list[Token], list[Token]]:
    if tok.pos_ in ("VERB", "AUX"):
        return _verb_roles(tok)
    return _noun_roles(tok)


def _actors_in(actors: list[ActorMention], phrase: Token) -> list[ActorMention]:
    """The actor mentions inside a role phrase, the one covering its head first
    ("Fighters of the Allied Democratic Forces": the fighters, then the ADF)."""
    lo = phrase.left_edge.idx
    hi = phrase.right_edge.idx + len(phrase.right_edge.text)
    inside = [a for a in actors if lo <= a.start < hi]
    return sorted(inside, key=lambda a: (not a.start <= phrase.idx < a.end, a.start))


def _actor_in(actors: list[ActorMention], phrase: Token) -> ActorMention | None:
    found = _actors_in(actors, phrase)
    return found[0] if found else None


def _first_actor(actors: list[ActorMention], tokens: list[Token]) -> ActorMention | None:
    for tok in tokens:
        found = _actor_in(actors, tok)
        if found is not None:
            return found
    return None


def assign_roles(analysis: Analysis, own: list[Span], grp: Group,
                 country: str | None) -> Roles:
    """actor1 = agent, actor2 = target, from the parse around the group's triggers, with
    sentence-order fallbacks; inter via `actor_inter_for_event` (state forces abroad = 8)."""
    assert analysis.doc is not None
    sources = analysis.attributions
    actors = [a for a in _in_sents(analysis.actors, own)
              if not any(s.start <= a.start < s.end for s in sources)  # "police said"
              and not _speaks(analysis.doc, a)]
    actor1, actor2 = _parse_roles(analysis, actors, grp)
    main_sent = analysis.doc[grp.main.head_i].sent
    nearby = [a for a in actors if main_sent.start_char <= a.start < main_sent.end_char]
    actor1, actor2 = _fallback_roles(nearby, grp, actor1, actor2)
    if actor2 is None and grp.sub_event_type in TERRITORY_CHANGE:
        actor2 = _opposing_force(actors, actor1)
    if actor1 is None or _is_generic(actor1):
        actor1 = _named_perpetrator(analysis, grp, own) or actor1
    if actor1 is None:
        actor1 = _demonym_forces(analysis, grp)
    if actor2 is None and grp.sub_event_type in CIVILIAN_TARGETED:
        actor2 = _civilian_victims(analysis, own, grp, country)
    if actor2 is None and actor1 is not None and grp.sub_event_type in TWO_SIDED and \
            _same_kind_both_sides(analysis, grp):
        actor2 = actor1  # "two rival clan militias signed", "clashes between the two clans"
    if grp.sub_event_type in PROTEST_FAMILY - {tx.ARRESTS}:
        actor1, actor2 = _protest_roles(actors, grp, actor1, actor2, country)
    assoc1 = _associates(actors, actor1, actor2, grp)
    return Roles(actor1, actor2, _inter(actor1, country), _inter(actor2, country), assoc1)


SPEECH_VERBS = frozenset({"say", "tell", "report", "confirm", "add", "state", "announce",
                          "claim", "deny", "allege", "accuse", "describe"})


def _speaks(doc: Doc, actor: ActorMention) -> bool:
    """"a community leader and police said": the actor is a source speaking, not a party."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _parse_roles(analysis: Analysis, actors: list[ActorMention],
                 grp: Group) -> tuple[ActorMention | None, ActorMention | None]:
    """Agents and targets of every trigger of the group (main trigger first); a named group
    ("JNIM attacked the base") wins over a generic one ("militants attacked")."""
    assert analysis.doc is not None
    agents: list[ActorMention] = []
    targets: list[ActorMention] = []
    ordered = [grp.main] + [t for t in grp.triggers if t is not grp.main]
    for trig in ordered:
        agent_toks, target_toks = role_tokens(analysis.doc[trig.head_i])
        agents += [a for t in agent_toks for a in _actors_in(actors, t)]
        targets += [a for t in target_toks for a in _actors_in(actors, t)]
    actor1 = _most_specific(agents)
    others = [a for a in targets if a.name != _name(actor1)]
    if actor1 is not None:  # the other side first: a clash is between different actors
        others.sort(key=lambda a: a.inter == actor1.inter)
    actor2 = _most_specific(others)
    return actor1, actor2


CIVILIAN_TARGETED = frozenset(tx.TAXONOMY[tx.EXPLOSIONS] + tx.TAXONOMY[tx.VAC]
                              + (tx.MOB_VIOLENCE,))
CIVILIAN_OBJECTS = frozenset({
    "apartment", "building", "residential", "bus", "minibus", "vendor", "shop", "home", "house",
    "market", "village", "school", "hospital", "church", "mosque", "neighbourhood",
    "neighborhood", "civilian", "people", "resident", "villager", "woman", "child", "man",
    "passenger", "worker", "farmer", "student", "worshipper", "family", "camp", "tent",
    "town", "city", "restaurant", "hotel", "cafe", "diner", "shopper", "pedestrian",
})


TWO_SIDED = frozenset({tx.AGREEMENT, tx.ARMED_CLASH, tx.MOB_VIOLENCE})


def _same_kind_both_sides(analysis: Analysis, grp: Group) -> bool:
    assert analysis.doc is not None
    sent = analysis.doc[grp.main.head_i].sent.text.lower()
    return bool(re.search(r"\b(rival|between the two|both sides|two sides|each other)\b", sent))


ARMED_WORDS = frozenset({"soldier", "troop", "fighter", "militant", "police", "policemen",
                         "officer", "member", "army", "militiamen", "gunmen", "rebel"})


def _without_sources(analysis: Analysis) -> str:
    """The text with attributions blanked ("police said" names no victim)."""
    text = analysis.article.text
    for att in analysis.attributions:
        text = text[:att.start] + " " * (att.end - att.start) + text[att.end:]
    return text


def _words(text: str) -> set[str]:
    """Lower-case words and naive singulars; "rebel-held" describes a place, not victims."""
    text = re.sub(r"\w+-(held|controlled|occupied|run)\b", " ", text.lower())
    words = set(re.findall(r"[a-z]+", text))
    return words | {w[:-1] for w in words if w.endswith("s")}


BLAME_VERBS = frozenset({"blame", "accuse", "suspect", "attribute"})


def _named_perpetrator(analysis: Analysis, grp: Group, own: list[Span]) -> ActorMention | None:
    """A named armed group the report ties to unnamed attackers: "the spokesman blamed
    Boko Haram militants", "the gang members, part of the Viv Ansanm coalition"."""
    assert analysis.doc is not None
    sents = list(analysis.doc.sents)
    first = analysis.doc[grp.main.head_i].sent.start
    last = max(s.end for s in own)
    nearby = [s for s in sents if s.start >= first and s.start <= last + 60][:6]
    armed = [a for a in _in_sents(analysis.actors, nearby)
             if a.inter in (2, 3, 4) and a.known and not _is_generic(a)
             and not _is_modifier(analysis.doc.text, a)]
    for actor in armed:
        span = analysis.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        heads = [span.root] + list(span.root.ancestors)[:3]
        if any(h.lemma_.lower() in BLAME_VERBS for h in heads) or any(
                h.lower_ == "of" and h.head.lower_ in ("part", "members", "member", "fighters")
                for h in heads):
            return actor
    return None


def _demonym_forces(analysis: Analysis, grp: Group) -> ActorMention | None:
    """"A Russian missile", "Israeli jets struck": the forces of that country."""
    assert analysis.doc is not None
    from ..countries import iso2_from_demonym
    from .actors import default_dictionary

    tok = analysis.doc[grp.main.head_i]
    holders = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for holder in holders:
        for mod in holder.children:
            iso2 = iso2_from_demonym(mod.text) if mod.dep_ in ("amod", "compound") else None
            if iso2:
                name = default_dictionary().state_name("military", iso2)
                return ActorMention(mod.idx, mod.idx + len(mod.text), mod.text, name, 1, iso2,
                                    known=False)
    return None


def _civilian_victims(analysis: Analysis, own: list[Span], grp: Group,
                      country: str | None) -> ActorMention | None:
    """Civilians (Country) when the event hit people or civilian places and no armed
    target is named."""
    assert analysis.doc is not None
    from ..countries import country_display_name

    tok = analysis.doc[grp.main.head_i]
    holders = [tok] + [a for a in tok.ancestors if a.pos_ == "VERB"][:1]
    target_toks = [t for h in holders for t in role_tokens(h)[1]]
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in target_toks]
    main_sent = analysis.doc[grp.main.head_i].sent
    for t in _in_sents(analysis.tolls, own):
        if t.side == "victim" and t.kind in ("killed", "injured", "kidnapped"):
            # "killing at least nine" names no one: the sentence says who was hit
            spans.append((t.start, t.end) if _words(t.text) & CIVILIAN_OBJECTS
                         else (main_sent.start_char, main_sent.end_char))
    text = _without_sources(analysis)
    for start, end in spans:
        words = _words(text[start:end])
        if words & CIVILIAN_OBJECTS and not words & ARMED_WORDS:
            where = country_display_name(country)
            name = f"Civilians ({where.removeprefix('the ')})" if where else "Civilians"
            return ActorMention(start, end, analysis.doc.text[start:end], name, 7, country,
                                known=False)
    return None


def _is_generic(actor: ActorMention) -> bool:
    return actor.name.startswith("Unidentified") or not actor.known or (
        actor.country_code is None and actor.inter in (1, 7))


def _most_specific(found: list[ActorMention]) -> ActorMention | None:
    """The first named actor, else the first one; a named actor of another side (other
    inter code) does not replace a generic one."""
    if not found:
        return None
    first = found[0]
    for actor in found:
        if not _is_generic(actor) and (actor.inter == first.inter or not _is_generic(first)
                                       or actor.inter in (2, 3) and first.inter in (2, 3)):
            return actor
    return first


def _name(actor: ActorMention | None) -> str | None:
    return actor.name if actor is not None else None


ONE_SIDED = frozenset({tx.PEACEFUL_PROTEST, tx.AGREEMENT, tx.CHANGE_GROUP, tx.HQ_ESTABLISHED})


def _fallback_roles(actors: list[ActorMention], grp: Group, actor1: ActorMention | None,
                    actor2: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """Without a parse role: protesters start a protest; otherwise the first armed actor
    before the trigger is the agent and the first other actor after it the target."""
    trig = grp.main
    if actor1 is None and grp.sub_event_type in PROTEST_FAMILY:
        actor1 = next((a for a in actors if a.inter in (5, 6)), None)
    if actor1 is None:
        before = [a for a in actors if a.end <= trig.start and a.inter != 7
                  and a.name != _name(actor2)]
        actor1 = before[-1] if before else None
    if actor2 is None and grp.sub_event_type not in ONE_SIDED:
        after = [a for a in actors if a.start >= trig.end and a.name != _name(actor1)]
        actor2 = after[0] if after else None
    return actor1, actor2


TERRITORY_CHANGE = frozenset({tx.GOV_REGAINS, tx.NSA_OVERTAKES})


def _opposing_force(actors: list[ActorMention],
                    actor1: ActorMention | None) -> ActorMention | None:
    """Territory changes hands between two armed sides: the side that lost it is often named
    in another sentence of the event ("pushed Russian units out of the town")."""
    for actor in actors:
        if actor.inter in (5, 6, 7) or actor1 is None or actor.name == actor1.name:
            continue
        if actor.inter == actor1.inter and actor.country_code == actor1.country_code:
            continue
        return actor
    return None


def _protest_roles(actors: list[ActorMention], grp: Group, actor1: ActorMention | None,
                   actor2: ActorMention | None, country: str | None
                   ) -> tuple[ActorMention | None, ActorMention | None]:
    """ACLED codes the crowd as Protesters (inter 6) or Rioters (inter 5) of the event's
    country, and the police or army that intervened as actor2."""
    rioting = grp.sub_event_type == tx.VIOLENT_DEMO
    if actor1 is not None and actor1.inter in (1, 2, 3, 8):
        if actor2 is not None and actor2.inter in (5, 6, 7):
            actor1, actor2 = actor2, actor1  # "police shot protesters"
        else:
            actor1, actor2 = None, actor2 or actor1
    crowd = actor1 or next((a for a in actors if a.inter in (5, 6, 7)), None)
    if crowd is not None:
        actor1 = _as_crowd(crowd, rioting, country)
    if actor2 is not None and actor2.inter in (5, 6, 7):
        actor2 = None
    if actor2 is None and grp.sub_event_type != tx.PEACEFUL_PROTEST:
        actor2 = next((a for a in actors if a.inter == 1), None)
    return actor1, actor2


def _as_crowd(actor: ActorMention, rioting: bool, country: str | None) -> ActorMention:
    from ..countries import country_display_name

    label = "Rioters" if rioting else "Protesters"
    where = country_display_name(country or actor.country_code)
    name = f"{label} ({where.removeprefix('the ')})" if where else label
    return _replace(actor, name=name, inter=5 if rioting else 6)


def _associates(actors: list[ActorMention], actor1: ActorMention | None,
                actor2: ActorMention | None, grp: Group) -> tuple[ActorMention, ...]:
    """Actors joined to actor1 by "and" ("Soldiers and militias ...") are associates."""
    if actor1 is None:
        return ()
    named = {_name(actor1), _name(actor2)}
    out: list[ActorMention] = []
    for a in actors:
        if a.name in named or a.start <= actor1.start:
            continue
        if 0 < a.start - actor1.end <= 6 and a.inter == actor1.inter:
            out.append(a)
            named.add(a.name)
    return tuple(out)


def _inter(actor: ActorMention | None, country: str | None) -> int | None:
    if actor is None:
        return None
    from .actors import actor_inter_for_event

    return actor_inter_for_event(actor, country)


# --- the public record --------------------------------------------------------------------


def event_id_for(mention: EventMention) -> str:
    return content_hash("event", mention.article_id, mention.kind, mention.sub_event_type,
                        mention.trigger.start)


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
    """The public record for one mention of one article (see DESIGN.md for the fields)."""
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
        evidence=[{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text}
                  for e in m.evidence],
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
