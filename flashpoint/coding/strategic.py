"""Rules for ACLED strategic developments: arrests, agreements, bases, territory handed over,
changes to a group's activity, and the "Other" type (mass graves found).

Split from `triggers.py` (which calls `rule_strategic` and `rule_other` in its rule order);
each rule takes a token and returns a `Hit` or None, like the rules there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import taxonomy as tx
from .filters import (
    agent_is_state, direct_objects, has_place_object, low, near_lemmas, objects, phrase_lemmas,
    sent_lemmas, subject, verb_of,
)
from .taxonomy import (
    ARMED_AGENTS, ARREST_VERBS, CAPTURED_PERSONS, CONFLICT_WORDS, DETAINED_PERSONS, FIGHT_WORDS,
    FIND_VERBS, GROUP_NOUNS, HANDOVER_WORDS, HQ_WORDS, LEGAL_WORDS, MIGRANT_WORDS, MILITARY_UNITS,
    NONSTATE_AGENTS, STATE_AGENTS, TAKEOVER_VERBS, TERRITORY_WORDS, WITHDRAW_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Hit = tuple[str, float, int, int]  # sub-event type, score, first token index, last token index


def rule_strategic(tok: Token) -> Hit | None:
    lemma = low(tok)
    near = near_lemmas(tok, 3)
    if lemma in ("arrest", "detain", "apprehend", "detention", "custody", "round") or (
            lemma == "capture" and captured_person(tok) and agent_is_state(tok)):
        return _arrest(tok, lemma, near)
    if lemma in ARREST_VERBS and tok.pos_ == "VERB" and _held_person(tok, lemma):
        return _arrest(tok, lemma, near)
    if lemma in ("ceasefire", "truce", "agreement", "accord", "deal", "treaty", "armistice"):
        return _agreement(tok, lemma, near)
    if lemma in ("establish", "set", "build", "open", "create", "erect") and tok.pos_ == "VERB":
        objs = direct_objects(tok)
        if objs & HQ_WORDS and not objs & {"refugee", "idp", "displacement", "training"}:
            return tx.HQ_ESTABLISHED, 0.7, tok.i, tok.i
    if lemma in ("surrender", "swap") or (lemma == "exchange" and near & {"prisoner", "captive",
                                                                         "detainee", "body"}):
        if lemma != "surrender" or phrase_lemmas(subject(tok)) & (ARMED_AGENTS | NONSTATE_AGENTS):
            return tx.AGREEMENT, 0.7, tok.i, tok.i
    if lemma == "agree" and sent_lemmas(tok.sent) & {"ceasefire", "truce", "talks", "peace",
                                                      "cease-fire", "exchange", "withdrawal"}:
        return tx.AGREEMENT, 0.7, tok.i, tok.i
    if lemma in ("withdraw", "pull", "evacuate", "leave", "retreat") and _peaceful_handover(tok):
        return tx.TERRITORY_TRANSFER, 0.65, tok.i, tok.i
    if lemma in ("withdraw", "pull", "retreat") and _withdrawal(tok, lemma):
        return tx.CHANGE_GROUP, 0.5, tok.i, tok.i
    if lemma in ("enter", "occupy") and tok.pos_ == "VERB" and _unopposed(tok) and (
            direct_objects(tok) & TERRITORY_WORDS or has_place_object(tok)):
        return tx.TERRITORY_TRANSFER, 0.75, tok.i, tok.i
    if lemma in ("hand", "handover", "transfer", "cede") and near & {"over", "control"}:
        objs = direct_objects(tok) | {w for c in tok.children if c.dep_ == "prep"
                                       and c.lower_ == "of" for w in phrase_lemmas(c)}
        if objs & (TERRITORY_WORDS - {"control"}) or "control" in objs and objs & TERRITORY_WORDS:
            return tx.TERRITORY_TRANSFER, 0.7, tok.i, tok.i
    return _change_to_group(tok, lemma, near)


def _unopposed(tok: Token) -> bool:
    """"without a shot being fired", "without a fight", "without resistance", "peacefully"."""
    sent = sent_lemmas(tok.sent)
    return ("without" in sent and bool(sent & {"shot", "fight", "fighting", "resistance",
                                                 "clash", "bloodshed"})) or "peacefully" in sent


def _peaceful_handover(tok: Token) -> bool:
    """Forces leaving a place without a fight or under a deal (not a battlefield retreat)."""
    sent = sent_lemmas(tok.sent)
    if not sent & ({"without", "deal", "agreement", "handover", "hand", "peacefully",
                    "evacuation", "negotiate", "negotiated"}) and not left_unopposed(tok.sent):
        return False
    if not phrase_lemmas(_actor(tok)) & (ARMED_AGENTS | STATE_AGENTS | NONSTATE_AGENTS):
        return False  # "most of the population has left": people leaving is no handover
    from_place = any(c.lower_ in ("from", "out") for c in tok.children)
    return from_place or bool(sent & TERRITORY_WORDS)


def _actor(tok: Token) -> Token | None:
    """The subject, also of a verb governed by another ("fighters began leaving")."""
    subj = subject(tok)
    if subj is None and tok.dep_ == "xcomp":
        return subject(tok.head)
    return subj


def _withdrawal(tok: Token, lemma: str) -> bool:
    """"Hezbollah forces pull back from areas in Daraa": armed men leave a place (no handover
    said): a change in the group's activity."""
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if lemma == "pull" and not parts & {"back", "out"} or tok.pos_ != "VERB":
        return False
    if not phrase_lemmas(_actor(tok)) & (ARMED_AGENTS | STATE_AGENTS | NONSTATE_AGENTS) - {
            "group", "government"}:
        return False
    heads = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod")]
    froms = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
    return any(phrase_lemmas(c) & TERRITORY_WORDS or any(
        t.ent_type_ in ("GPE", "LOC") for t in c.subtree) for c in froms)


def handed_over(sent: Span) -> bool:
    """"when a UN mission handed authority over to the government": no fighting, a handover."""
    lemmas = sent_lemmas(sent)
    return bool(lemmas & HANDOVER_WORDS) and "over" in {t.lower_ for t in sent} | lemmas and \
        not lemmas & FIGHT_WORDS


def left_unopposed(sent: Span) -> bool:
    """The other side withdrew or pulled out and no fighting is reported: a handover."""
    lemmas = sent_lemmas(sent)
    taken = any(t.pos_ == "VERB" and t.dep_ != "amod" and low(t) in TAKEOVER_VERBS for t in sent)
    return taken and bool(lemmas & WITHDRAW_VERBS) and not lemmas & FIGHT_WORDS


def rule_other(tok: Token) -> Hit | None:
    """A mass or clandestine grave found: ACLED's "Other" strategic development."""
    if low(tok) == "grave" and near_lemmas(tok, 1) & {"mass", "clandestine", "secret",
                                                        "unmarked", "common"}:
        verb = verb_of(tok)
        if verb is not None and low(verb) in FIND_VERBS:
            return tx.OTHER, 0.7, tok.i, tok.i
    return None


def _arrest(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    if lemma == "apprehend" and objects(tok) & {"hand", "role", "link", "involvement", "danger",
                                                "trouble", "violence", "threat", "conspiracy"}:
        return None  # "apprehended the hand of a foreign agency": suspected, not arrested
    if tok.pos_ == "VERB" and agent_is_state(tok) is False:
        return tx.ABDUCTION, 0.6, tok.i, tok.i  # "the attackers rounded up residents"
    if _immigration(tok):
        return None  # "border guards detained 34 migrants": no political arrest
    if objects(tok) & {"protester", "demonstrator", "marcher"} or _at_protest(tok) or (
            tok.dep_ != "ROOT" and "demonstration" in sent_lemmas(tok.sent)):
        return tx.PROTEST_INTERVENTION, 0.8, tok.i, tok.i  # "detained thousands of protesters"
    if lemma == "arrest" and near & {"cardiac", "heart"}:
        return None
    if lemma == "custody" and not near & {"take", "taken", "into"}:
        return None
    if lemma == "round" and "up" not in near:
        return None
    if lemma in ("detention",) and not near & {"take", "place", "arbitrary", "mass"}:
        return None
    return tx.ARRESTS, 0.8, tok.i, tok.i


def _held_person(tok: Token, lemma: str) -> bool:
    """"police nabbed / picked up / rounded up / held two youths", "were booked under
    section 302", "were held for rioting": a person taken by the state or under a law."""
    if not _person_taken(tok) or near_lemmas(tok, 2) & {"hostage", "captive", "responsible",
                                                       "accountable", "liable", "gunpoint"}:
        return False
    state = agent_is_state(tok)
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    preps = {c.lower_: phrase_lemmas(c) for c in tok.children if c.dep_ == "prep"}
    legal = any(words & LEGAL_WORDS for p, words in preps.items() if p in ("under", "for"))
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    if lemma == "pick":
        return "up" in parts and state is True
    if lemma == "take":
        return state is True and not preps.keys() & {"to", "into", "as"} and not parts
    if lemma == "book":  # "were booked for rioting": charged with an offence
        return legal or state is True or passive and "for" in preps and state is None
    if lemma == "hold":
        return state is True or (passive and state is None and (
            legal or bool(preps.keys() & {"for", "on", "under"})))
    if lemma == "nab":
        return state is not False
    return state is True  # "caught by the police"


def _person_taken(tok: Token) -> bool:
    """The verb's object (or passive subject) is a person or people."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if low(c) in DETAINED_PERSONS or c.ent_type_ in ("PERSON", "NORP") or c.lower_ in (
                "him", "her", "them", "he", "she", "they"):
            return True
        if c.lower_ in ("some", "many", "several", "all", "most", "two", "three") and any(
                p.lower_ == "of" and any(g.lower_ in ("them", "us") for g in p.children)
                for p in c.children):
            return True  # "caught some of them"
    return False


def _at_protest(tok: Token) -> bool:
    """"detained activists at / during the rally": an arrest made at a protest."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "during") and phrase_lemmas(c) & {
        "protest", "demonstration", "rally", "march", "sit-in", "vigil"} for c in tok.children)


def _immigration(tok: Token) -> bool:
    """Border or coast guards, or migrants and people fleeing, in an arrest."""
    agent = subject(tok)
    words = objects(tok) | phrase_lemmas(agent)
    guards = agent is not None and low(agent) == "guard" and words & {"border", "coast"}
    return bool(guards or words & MIGRANT_WORDS)


def _agreement(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    sent = sent_lemmas(tok.sent)
    if lemma == "accord" and tok.pos_ != "NOUN":
        return None  # "according to the army"
    if lemma == "deal" and not near & {"peace", "ceasefire", "truce", "prisoner", "swap"}:
        return None
    if lemma in ("agreement", "accord", "treaty") and not (near | sent) & {
            "peace", "ceasefire", "truce", "sign", "security", "power-sharing", "reach"}:
        return None
    if lemma in ("agreement", "accord", "treaty", "deal") and sent & {
            "trade", "tariff", "company", "merger", "contract"}:
        return None
    if lemma in ("agreement", "accord") and not (near | sent) & (CONFLICT_WORDS | {
            "peace", "ceasefire", "truce", "security", "power-sharing", "prisoner"}):
        return None  # "signed an agreement with the bank for fiscal reforms"
    if lemma in ("ceasefire", "truce") and (near & {"unilateral", "unilaterally"}
                                            or sent & {"declare", "announce"}
                                            and not sent & {"agree", "sign", "reach", "broker"}):
        return (tx.CHANGE_GROUP, 0.65, tok.i, tok.i) if _declared(tok) else None
    if lemma in ("ceasefire", "truce") and not sent & {"agree", "sign", "reach", "broker",
                                                       "accept", "agreement", "deal"}:
        return None
    return tx.AGREEMENT, 0.75, tok.i, tok.i


def _change_to_group(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    if lemma in ("reinforce", "reinforcement") and _reinforced(tok):
        return tx.CHANGE_GROUP, 0.5, tok.i, tok.i
    if lemma in ("deploy", "dispatch", "send", "rush") and _deployment(tok, lemma):
        return tx.CHANGE_GROUP, 0.5, tok.i, tok.i  # "the army dispatched a convoy"
    heads = {low(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if lemma in ("form", "found", "set", "create") and (heads & GROUP_NOUNS or heads & {
            "entity", "body", "chapter", "force"} and direct_objects(tok) & GROUP_NOUNS) and (
            lemma != "set" or "up" in near) and _told_as_done(tok) and not _unarmed(tok):
        return tx.CHANGE_GROUP, 0.55, tok.i, tok.i  # "an entity of the militia was set up"
    if lemma in ("split", "splinter", "merge", "disband", "dissolve", "defect", "allegiance",
                 "rebrand", "unite") and sent_lemmas(tok.sent) & (
            NONSTATE_AGENTS | {"party", "movement", "coalition", "commander", "faction",
                               "gang", "federation", "alliance"}):
        if lemma == "split" and tok.pos_ == "NOUN" and "second" in near or (
                lemma == "splinter" and tok.pos_ == "NOUN"):
            return None  # "a split second"; "his party, a splinter of the Janata Dal"
        return tx.CHANGE_GROUP, 0.65, tok.i, tok.i
    if lemma in ("appoint", "name", "elect") and near & {"leader", "commander", "chief", "emir"}:
        if sent_lemmas(tok.sent) & NONSTATE_AGENTS:
            return tx.CHANGE_GROUP, 0.6, tok.i, tok.i
    return None


def _deployment(tok: Token, lemma: str) -> bool:
    """Troops deployed, dispatched or sent somewhere, not by the police nor in answer to
    violence, and told as done ("will be deployed", "the idea of sending troops" are not)."""
    if tok.pos_ != "VERB" or lemma in ("send", "rush") and not _sent_somewhere(tok):
        return False
    if not _told_as_done(tok):
        return False
    units = (direct_objects(tok) | phrase_lemmas(subject(tok))) & MILITARY_UNITS
    return bool(units) and "police" not in sent_lemmas(tok.sent) and not _responding(tok)


def _responding(tok: Token) -> bool:
    """"deployed troops to the area and was pursuing the attackers", "after the clashes",
    "sent to search for the kidnapped soldiers": a force sent in answer to violence is part of
    that event's story, not a change of its own."""
    return bool(sent_lemmas(tok.sent) & {
        "attacker", "assailant", "pursue", "hunt", "chase", "attack", "clash", "violence",
        "unrest", "riot", "restore", "calm", "order", "control", "killing", "curfew",
        "search", "rescue", "locate", "track", "kidnap", "abduct", "hostage", "missing"})


def _sent_somewhere(tok: Token) -> bool:
    """"sent troops to the district", "rushed reinforcements into the town"."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "towards") for c in tok.children)


def captured_person(tok: Token) -> bool:
    """"captured a senior commander (who heads the explosives unit)": a person is taken."""
    return any(c.dep_ in ("dobj", "nsubjpass") and low(c) in CAPTURED_PERSONS
               for c in tok.children)


ARMED_WORDS = frozenset({"army", "troops", "military", "soldier", "militia", "fighter", "rebel"})
# Words of a fight going on: reinforcements sent into it are part of that battle.
COMBAT_WORDS = frozenset({"fight", "fought", "ambush", "ambushed", "enemy", "combat", "battle",
                          "under", "pursue"})


def _reinforced(tok: Token) -> bool:
    """Armed men reinforced (a post, a region) as a change of their own, told as done: not
    reinforcements in a fight ("the ambushed troops were reinforced by other units, with whom
    we fought", "the enemy troops were reinforced"), asked for ("to ask for military
    reinforcements"), meant ("on their way to reinforce"), or naming a unit ("reinforcement
    patrols pursued the column")."""
    sent = sent_lemmas(tok.sent)
    if not sent & ARMED_WORDS or sent & COMBAT_WORDS:
        return False
    if tok.pos_ != "VERB":
        return tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.pos_ == "VERB" and \
            low(tok.head) not in ("ask", "request", "call", "need", "demand", "seek") and \
            _told_as_done(tok.head)
    return _told_as_done(tok)


_BACKGROUND_MARKS = frozenset({"when", "after", "since", "before", "as", "while", "once"})
_NOT_DONE_AUX = frozenset({"will", "would", "shall", "should", "could", "might", "may", "must",
                           "can", "to", "be", "'ll"})


def _told_as_done(verb: Token) -> bool:
    """A change told as done in its own clause: not future, modal, an infinitive or a
    subjunctive ("troops will be deployed", "suggest that a group be formed"), a gerund
    after a noun or preposition ("the idea of sending troops", "by declaring a truce"), nor
    background in a relative or time clause ("the FARC, which declared a truce", "when the
    group declared a truce")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _NOT_DONE_AUX or verb.tag_ == "VB":
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "pobj", "acl", "advcl", "xcomp"):
        return False
    if verb.dep_ in ("relcl", "acl"):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return not (verb.dep_ == "advcl" and marks & _BACKGROUND_MARKS)


DECLARING_VERBS = frozenset({"declare", "announce", "decree", "proclaim", "order", "call"})


def _declared(tok: Token) -> bool:
    """A truce or ceasefire that a verb of its own declares, told as done ("the rebels
    declared a unilateral truce"); not one only named ("amid the unilateral truce decreed
    on 13 September", "asking the guerrillas for unilateral truces")."""
    verb = tok.head
    if tok.dep_ == "conj":
        verb = tok.head.head
    return verb.pos_ == "VERB" and low(verb) in DECLARING_VERBS and \
        tok.dep_ in ("dobj", "nsubjpass", "conj") and _told_as_done(verb)


# A group formed for talks, study or work is no armed group: "formed an organization for
# political dialogue", "a work group".
UNARMED_PURPOSES = frozenset({"dialogue", "study", "work", "talks", "negotiation", "peace",
                              "election", "campaign", "research", "aid", "relief"})


def _unarmed(tok: Token) -> bool:
    """The group formed is named for an unarmed purpose ("a work group", "an organization
    for political dialogue")."""
    groups = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(low(t) in UNARMED_PURPOSES for g in groups for t in g.subtree)
