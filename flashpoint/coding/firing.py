"""Rules for gunfire and charges by armed men or police: "police fired at the mob", "the
forces fired 500 rounds on mobs", "(killed) in police firing", "police lathi-charged the
crowd", "militants charged a camp".

Split from `triggers.py` (which calls `rule_firing` in its rule order); the rule takes a
token and returns a `Hit` or None, like the rules there. Tear gas, water cannon and rubber
bullets are left to the protest rules, missiles and shells to the weapon rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from . import taxonomy as tx
from .filters import direct_objects, low, near_lemmas, phrase_lemmas, sent_lemmas, subject
from .strategic import Hit
from .taxonomy import (
    AIR_WORDS, ARMED_AGENTS, CIVILIAN_WORDS, HQ_WORDS, IED_WORDS, MILITARY_TARGETS,
    NONSTATE_AGENTS, PROTESTER_WORDS, SHELL_WORDS, STATE_AGENTS, TERRITORY_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# who fires: security forces ("cops", "jawans" and "policemen" included) and armed men
STATE_SHOOTERS: Final = STATE_AGENTS | {"security", "policeman", "cop", "jawan", "constable",
                                        "crpf", "bsf", "rpf", "paramilitary"}
SHOOTERS: Final = ARMED_AGENTS | NONSTATE_AGENTS | STATE_SHOOTERS | {"guard", "sniper"}
# bullets and shots: what a gun fires (not tear gas, not missiles)
GUNFIRE_OBJECTS: Final = frozenset({"round", "bullet", "shot", "gunshot", "volley", "salvo",
                                    "burst", "ammunition"})
# non-lethal means and heavy weapons: other rules type those
OTHER_MEANS: Final = SHELL_WORDS | AIR_WORDS | IED_WORDS | {
    "teargas", "tear", "gas", "rubber", "pellet", "canister", "water", "grenade", "flare",
    "smoke", "blank", "warning"}
NON_LETHAL: Final = frozenset({"tear", "teargas", "gas", "rubber", "cannon", "water", "pellet",
                                "plastic", "smoke"})
RIOT_WORDS: Final = frozenset({"mob", "rioter", "riot", "rioting", "arsonist"})
LATHI_WORDS: Final = frozenset({"lathi", "lathicharge", "lathi-charge", "lathicharged",
                                "lathi-charged", "lathicharging"})


def rule_firing(tok: Token) -> Hit | None:
    lemma = low(tok)
    if lemma in LATHI_WORDS or lemma == "charge" and near_lemmas(tok, 2) & {"lathi", "baton"}:
        return _baton_charge(tok)
    if lemma == "charge" and tok.pos_ == "VERB":
        return _armed_charge(tok)
    if tok.lower_ == "firing" and (tok.dep_ in ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj",
                                               "conj") or _shooter_modified(tok)):
        return _police_firing(tok)
    if lemma == "fire" and tok.pos_ == "VERB":
        return _fired(tok)
    return None


def _shooter_modified(tok: Token) -> bool:
    """The small model's parse of "(killed in) police firing": "firing" as a participle on
    "police"."""
    return tok.dep_ == "acl" and tok.head.i == tok.i - 1 and low(tok.head) in STATE_SHOOTERS


def _baton_charge(tok: Token) -> Hit | None:
    """"lathi-charged the mob", "resorted to a lathi charge": force used on a crowd."""
    parts = [t for t in tok.sent if low(t) == "charge" and abs(t.i - tok.i) <= 2]
    if low(tok) == "lathi" and not parts:
        return None  # "armed with lathis" is a weapon, not a charge
    last = max([tok.i] + [t.i for t in parts])
    return _crowd_type(tok, tx.PROTEST_INTERVENTION), 0.8, tok.i, last


def _police_firing(tok: Token) -> Hit | None:
    """"(killed / injured) in police firing", "firing by the security forces"."""
    words = {low(c) for c in tok.children if c.dep_ in ("compound", "amod", "poss")}
    if _shooter_modified(tok):
        words.add(low(tok.head))
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            words |= phrase_lemmas(prep)
    verb = tok.head.head if tok.dep_ in ("pobj", "pcomp") else tok.head
    if low(verb) in ("resort", "open", "order"):  # "police resorted to firing"
        words |= phrase_lemmas(subject(verb))
    if not words & SHOOTERS:
        return None
    return _crowd_type(tok, tx.ATTACK), 0.7, tok.i, tok.i


def _fired(tok: Token) -> Hit | None:
    """"police fired at / on the mob", "forces fired 500 rounds": gunfire by armed men."""
    agent = phrase_lemmas(subject(tok))
    objs = direct_objects(tok)
    if not agent & SHOOTERS or agent & (SHELL_WORDS | AIR_WORDS):
        return None
    if objs & OTHER_MEANS and not objs & GUNFIRE_OBJECTS or objs & NON_LETHAL and not objs & {
            "ammunition", "live"}:
        return None  # "fired rockets", "fired tear gas and rubber bullets": other rules
    targets = {w for c in tok.children if c.dep_ == "prep" and c.lower_ in (
        "at", "on", "upon", "into", "towards") for w in phrase_lemmas(c)}
    if not targets and not objs & GUNFIRE_OBJECTS:
        return None  # "the officer was fired": a dismissal
    if targets & OTHER_MEANS - {"water"}:
        return None
    if _military(targets):
        return tx.ARMED_CLASH, 0.7, tok.i, tok.i
    if targets & (PROTESTER_WORDS | RIOT_WORDS) or not targets:
        state = bool(agent & STATE_SHOOTERS)
        return (_crowd_type(tok, tx.ATTACK) if state else tx.ATTACK), 0.7, tok.i, tok.i
    return tx.ATTACK, 0.7, tok.i, tok.i


def _armed_charge(tok: Token) -> Hit | None:
    """"Al-Shabab members charged a camp": an assault on a place or a force, not a legal
    charge ("charged with murder") nor a price."""
    subj = subject(tok)
    agent = phrase_lemmas(subj)
    named = subj is not None and any(t.ent_type_ in ("ORG", "NORP") or t.pos_ == "PROPN"
                                     for t in subj.subtree)
    if not (agent & (ARMED_AGENTS | NONSTATE_AGENTS) or named) or agent & {"police", "court"}:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("with", "for") for c in tok.children):
        return None
    objs = direct_objects(tok)
    if not objs & (MILITARY_TARGETS | TERRITORY_WORDS | HQ_WORDS | CIVILIAN_WORDS) - {
            "man", "people", "family"}:
        return None
    if _military(objs | (sent_lemmas(tok.sent) - agent)):  # "a camp hosting government forces"
        return tx.ARMED_CLASH, 0.75, tok.i, tok.i
    return tx.ATTACK, 0.7, tok.i, tok.i


def _military(words: set[str]) -> bool:
    return bool(words & MILITARY_TARGETS) and not words & (CIVILIAN_WORDS - {"camp"} | {
        "mob", "crowd", "protester"})


def _crowd_type(tok: Token, default: str) -> str:
    """Force used on protesters: intervention (excessive when deadly); on a rioting mob:
    a violent demonstration (the riot met by force)."""
    lemmas = sent_lemmas(tok.sent)
    if lemmas & RIOT_WORDS:
        return tx.VIOLENT_DEMO
    if lemmas & (PROTESTER_WORDS | {"crowd", "agitator", "agitation", "gathering"}):
        deadly = lemmas & {"kill", "dead", "die", "death"}
        return tx.EXCESSIVE_FORCE if deadly else tx.PROTEST_INTERVENTION
    return default
