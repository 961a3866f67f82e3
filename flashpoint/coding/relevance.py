"""Which words belong to which incident, and which candidate events a report supports.

Two kinds of checks the event coder (`flashpoint.coding.coder.EventCoder`) runs while it
groups and fills events (docs/coding.md, "Grouping" and "Relevance"):

- Incident boundaries: a sentence that opens a separate incident ("Meanwhile, ...", "In
  another attack, ...", "Elsewhere, ...") or whose trigger is marked as another one
  ("a separate attack", "killed by another guerrilla column") starts its own event
  instead of joining the running one, and its tolls are not the running event's.
  A sentence that adds an incident ("Rebels also bombed a bridge in B") and names another
  area does not continue the event of the sentence before it.
- Support: a new event must rest on the report's own words about one incident. One whose
  every trigger talks of violence in general ("terrorists who attack students", "there
  are only some bombings and shootings", "honoured the assassinated senator") and that has
  no date and no toll of its own is not coded; a toll inside a background reference ("was
  investigating the massacre of 43 people") is not the running event's toll.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..records import Toll
    from .triggers import Trigger

# A sentence opening with one of these reports another incident than the one before it.
SEPARATE_OPENERS = re.compile(
    r"^\W*(?:\[[^\]]*\]\s*)*(?:meanwhile|separately|elsewhere|in (?:another|a separate|an "
    r"unrelated|a second|a similar|other) (?:incident|attack|action|case|event|operation|"
    r"development)s?|in other (?:incidents|attacks|news))\b",
    re.IGNORECASE,
)
# A trigger marked "separate" is another incident; so is one done by "another" group. A
# "second device" or "another bomb" at the same place and day stays one event (ACLED).
TRIGGER_MARKS = frozenset({"separate", "unrelated"})
AGENT_MARKS = frozenset({"another", "different", "separate", "other"})


def opens_separate_incident(sent: Span) -> bool:
    """"Meanwhile, gunmen shot a watchman", "In another attack, ...": a new incident."""
    return bool(SEPARATE_OPENERS.match(sent.text))


def marked_as_other(trigs: list[Trigger], sent: Span) -> bool:
    """"a separate attack", "killed by another guerrilla column": a trigger, or the agent of
    a trigger verb, marked as another incident than the last."""
    doc = sent.doc
    for trig in trigs:
        tok = doc[trig.head_i]
        if _marked(tok, TRIGGER_MARKS) or any(_marked(a, AGENT_MARKS) for a in _agents(tok)):
            return True
    return False


def adds_another(trigs: list[Trigger], doc: Doc) -> bool:
    """"Rebels also bombed a bridge in B", "In addition, guerrillas burned a bus": the
    sentence adds an incident (used when it names another area than the running event)."""
    for trig in trigs:
        tok = doc[trig.head_i]
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children):
            return True
    return bool(_ADDITION_OPENERS.match(doc[trigs[0].head_i].sent.text)) if trigs else False


_ADDITION_OPENERS = re.compile(r"^\W*(?:also|in addition|additionally|moreover)\b", re.I)


def _marked(tok: Token, marks: frozenset[str]) -> bool:
    return any(c.dep_ in ("det", "amod") and c.lower_ in marks for c in tok.children)


def _agents(verb: Token) -> list[Token]:
    """The subject of an active verb, or the object of "by" after a passive one."""
    out = [c for c in verb.children if c.dep_ == "nsubj"]
    for prep in (c for c in verb.children if c.dep_ == "agent" or c.lower_ == "by"):
        out.extend(g for g in prep.children if g.dep_ == "pobj")
    return out


# --- support: is there one incident behind the words? -------------------------------------

_HABITUAL_TAGS = frozenset({"VBP", "VBZ"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def generic_trigger(tok: Token) -> bool:
    """The event word speaks of violence in general, not of one incident: a habit in the
    present tense ("terrorists who attack students"), a participle naming a person or thing
    ("honoured the assassinated senator"), or a bare plural noun talked about ("there are
    only bombings and shootings", "condemned kidnappings")."""
    if tok.dep_ == "amod" and tok.tag_ == "VBN":
        return True
    if tok.pos_ in ("VERB", "AUX"):
        return tok.tag_ in _HABITUAL_TAGS and tok.dep_ in _CLAUSE_DEPS
    if tok.tag_ != "NNS" or any(_specific(c) for c in tok.children):
        return False
    return _talked_about(tok)


# Verbs whose object is violence talked about or traded, not done ("condemned bombings",
# "a factory that produces cluster bombs"); prepositions that place an incident in time or
# give its means ("during clashes with police", "destroyed by bombs"); nouns that count
# incidents ("a series of raids").
_TALK_VERBS = frozenset("condemn denounce reject justify oppose fear prevent avoid ban "
                        "eliminate produce manufacture export import sell buy possess have "
                        "own support promote advocate tolerate".split())
_WHEN_PREPS = frozenset("during amid in after following since before by with".split())
_COUNTING_NOUNS = frozenset("series string wave spate spree number round campaign "
                            "succession chain".split())


def _talked_about(tok: Token) -> bool:
    """A bare plural that is talked about, not reported: "there are only bombings", "a
    factory that produces cluster bombs", "justified the use of kidnappings"."""
    if tok.dep_ == "conj":
        return _talked_about(tok.head) if tok.head.tag_ == "NNS" else False
    if tok.dep_ == "attr":
        return True
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in _TALK_VERBS
    if tok.dep_ != "pobj" or tok.head.lower_ in _WHEN_PREPS:
        return False
    return tok.head.head.lemma_.lower() not in _COUNTING_NOUNS


_VAGUE_DETS = frozenset({"some", "any", "such", "all", "many", "no"})


def _specific(child: Token) -> bool:
    """"the attacks", "two bombings", "their raids" point at incidents; "some bombings"
    does not."""
    if child.dep_ == "det":
        return child.lower_ not in _VAGUE_DETS
    return child.dep_ in ("poss", "nummod") or child.like_num


def unsupported(doc: Doc, trigs: list[Trigger], dated: bool, tolled: bool) -> bool:
    """A new event with no date and no toll of its own whose every trigger speaks of
    violence in general (`generic_trigger`) is not an incident to code."""
    if dated or tolled or not trigs:
        return False
    return all(generic_trigger(doc[t.head_i]) for t in trigs)


_KILLING_NOUNS = frozenset(
    "murder massacre killing assassination execution slaying death deaths".split())


def referenced_toll(doc: Doc, toll: Toll) -> bool:
    """A toll inside a background reference to a killing, not a report of it: "the judge
    was investigating the massacre of 43 people", "blamed the group for the murder of two
    missionaries"."""
    from .filters import is_attributed, is_reference

    span = doc.char_span(toll.start, toll.end, alignment_mode="expand")
    if span is None:
        return False
    nouns = [t for t in span if t.pos_ == "NOUN" and t.lemma_.lower() in _KILLING_NOUNS]
    return any(is_reference(t) or is_attributed(t) for t in nouns)

