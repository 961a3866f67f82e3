"""One incident told twice: a summary in the lead and its retelling later in the report.

News reports often name an incident first as a noun phrase ("the murder of two missionaries
today prompted an emergency meeting", "following a truck-bomb explosion in the capital")
and tell it in full later ("Jane Roe and John Doe were murdered by gunmen on Wednesday
night"). The event coder (`flashpoint.coding.coder.EventCoder.group`) groups sentence by
sentence, so the two tellings become two events when the lead's date belongs to another
clause (the meeting "today"), and the toll ends up on only one of them. A careful coder
records one event, with the toll and the better-specified date.

`retold` decides whether a later group retells an earlier one:

- every trigger of the earlier telling is a noun (a summary names the incident; a verb
  tells one), or every trigger of the later one is a noun or in a relative clause;
- the earlier telling's date, if any, is the later one's, or is a *borrowed* date: one
  that does not depend on a trigger noun ("the murder ... today prompted a meeting" dates
  the meeting), which says nothing about the incident's day;
- the victims agree: both name the same person (by surname), or both count the same
  number of victims ("two missionaries" and "A and B"); victims named or counted
  differently are different incidents. When neither telling names a victim, the two must
  be of the same sub-event type ("a bomb explosion" and "a bomb exploded").

Place and separate-incident wording ("In another attack", "also ... in B") are checked by
the coder's own rules (`EventCoder._joins`) before merging. A later mention in passing
("the men who murdered B": all nouns or relative clauses) is a retelling too.

`early_to_violence` gives killed/injured tolls told before any event to the first violent
event rather than to an arrest told first in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .spans import in_sents
from .taxonomy import WEAPON_OBJECTS, family

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis
    from ..records import DateMention
    from .coder import Group
    from .triggers import Trigger

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "both": 2, "a": 1, "an": 1}
_NOMINAL = frozenset({"NOUN", "PROPN"})
_VICTIM_DEPS = frozenset({"nsubjpass", "dobj"})
_SINGULAR = frozenset({"NN", "NNP"})
_ANYONE = frozenset({"person", "people", "man", "woman", "victim", "individual",
                     "civilian", "resident"})


@dataclass(frozen=True, slots=True)
class Victims:
    """Who a telling says was hit: surnames of the persons named and the number counted
    (None when the wording does not say: "the victims", "several peasants")."""

    names: frozenset[str]
    count: int | None
    kinds: frozenset[str] = frozenset()  # common nouns naming them ("judge", "missionary")
    named: frozenset[str] = frozenset()  # every name in the telling's sentences

    @property
    def told(self) -> bool:
        return bool(self.names or self.kinds) or self.count is not None


NO_VICTIMS = Victims(frozenset(), None)


def _names_event(tok: Token) -> bool:
    """A noun naming an event ("murder", "explosion"), not a weapon ("bombs were hurled"
    tells an event through its verb); a weapon compound names the noun it modifies ("a
    truck-bomb explosion")."""
    while tok.dep_ == "compound" and tok.head.pos_ in _NOMINAL and tok.head != tok:
        tok = tok.head
    return tok.pos_ in _NOMINAL and tok.lemma_.lower() not in WEAPON_OBJECTS


def is_summary(doc: Doc, trigs: list[Trigger]) -> bool:
    """Are all the triggers event nouns ("the murder", "a truck-bomb explosion")?"""
    return bool(trigs) and all(_names_event(doc[t.head_i]) for t in trigs)


def borrowed_date(doc: Doc, trigs: list[Trigger], when: DateMention) -> bool:
    """Does the date depend on none of the trigger nouns? "The murder of two men today
    prompted a meeting": "today" dates the meeting, not the murder."""
    span = doc.char_span(when.start, when.end, alignment_mode="expand")
    if span is None:
        return False
    heads = {t.head_i for t in trigs}
    return not any(a.i in heads for a in span.root.ancestors)


def _victim_heads(tok: Token) -> list[Token]:
    """The victims of a trigger: "the murder (by gunfire) of X" (a noun: the first "of"
    phrase inside it), "X and Y were murdered" / "killed X" (a verb: its passive subjects or
    objects, more than one when the parser splits a list)."""
    if tok.pos_ in _NOMINAL:
        for prep in tok.subtree:
            if prep.dep_ == "prep" and prep.lower_ == "of" and _of_trigger(prep, tok):
                return [c for c in prep.children if c.dep_ == "pobj"][:1]
        return []
    return [c for c in tok.children if c.dep_ in _VICTIM_DEPS]


def _of_trigger(prep: Token, tok: Token) -> bool:
    """Is this "of" the trigger's own ("the murder of X", "the murder by gunfire of X"),
    not a place's ("clashes on the outskirts of B")?"""
    if prep.head == tok:
        return True
    by = prep.head.head
    return prep.head.dep_ == "pobj" and by.lower_ == "by" and by.head == tok


def _conjuncts(heads: list[Token]) -> list[Token]:
    return [p for head in heads for p in (head, *head.conjuncts)]


def _surname(tok: Token) -> str | None:
    """The head word of a name ("Carlos Valencia Garcia" -> garcia, its flat head)."""
    return tok.lower_ if tok.pos_ == "PROPN" and len(tok.text) > 2 else None


def _count(heads: list[Token]) -> int | None:
    """How many victims the noun phrases count: a number ("two missionaries", "both
    leaders"), or one per conjoined name or singular noun ("A and B")."""
    if len(heads) == 1:
        for child in heads[0].children:
            word = child.lower_
            if child.dep_ == "nummod" and child.text.isdigit():
                return int(child.text)
            if word in _NUMBERS and (child.dep_ == "nummod" or word == "both"
                                     or heads[0].tag_ in _SINGULAR):
                return _NUMBERS[word]
    people = _conjuncts(heads)
    if all(p.tag_ in _SINGULAR for p in people):
        return len(people)
    return None


def victims(doc: Doc, trigs: list[Trigger]) -> Victims:
    """The victims of the first trigger that names any (`Victims`)."""
    named = frozenset(t.lower_ for t in _sentences(doc, trigs) if t.pos_ == "PROPN")
    for trig in trigs:
        heads = [h for h in _victim_heads(doc[trig.head_i]) if h.pos_ != "PRON"]
        if not heads:
            continue
        people = _conjuncts(heads)
        names = frozenset(n for n in map(_surname, people) if n)
        kinds = frozenset(p.lemma_.lower() for p in people if p.pos_ == "NOUN" and any(
            c.dep_ in ("det", "nummod") for c in p.children))  # "a judge", not "Ball"
        return Victims(names, _count(heads), kinds, named)
    return Victims(frozenset(), None, frozenset(), named)


def _sentences(doc: Doc, trigs: list[Trigger]) -> list[Token]:
    starts = sorted({doc[t.head_i].sent.start for t in trigs})
    return [tok for i in starts for tok in doc[i].sent]


def same_victims(a: Victims, b: Victims) -> bool | None:
    """True when the victims agree by name (one telling names a person the other's
    sentences name too) or count, False when they differ (other names, other counts,
    other kinds of person: "a judge" and "a lawyer"), None when the wording cannot say."""
    if a.names and b.names:
        return bool(a.names & b.names)
    if a.names & b.named or b.names & a.named:
        return True
    if a.kinds and b.kinds and not (a.kinds & b.kinds or (a.kinds | b.kinds) & _ANYONE):
        return False
    if a.count is not None and b.count is not None:
        return a.count == b.count
    return None


def in_passing(doc: Doc, trigs: list[Trigger]) -> bool:
    """Is every trigger a noun or inside a relative clause ("the assassin who murdered X"),
    a mention in passing of an incident told already?"""
    return bool(trigs) and all(_names_event(doc[t.head_i])
                               or doc[t.head_i].dep_ in ("relcl", "acl") for t in trigs)


def _dates_agree(doc: Doc, first: list[Trigger], first_date: DateMention | None,
                 later: list[Trigger], later_date: DateMention | None) -> bool:
    """Same day, a telling with no date, or a summary's date borrowed from another clause
    ("confirmation of the kidnapping was received yesterday")."""
    if first_date is None or later_date is None or first_date.value == later_date.value:
        return True
    return any(is_summary(doc, trigs) and borrowed_date(doc, trigs, when)
               for trigs, when in ((first, first_date), (later, later_date)))


def better_date(doc: Doc, first: list[Trigger], first_date: DateMention | None,
                later: list[Trigger], later_date: DateMention | None) -> DateMention | None:
    """The merged event's date: the more precise of the tellings' own dates (not borrowed
    from another clause), the first's on a tie; a later day-precise date replaces a first
    telling's borrowed one or none ("the murder ... today prompted" / "were murdered on
    Wednesday"); otherwise the first telling's stays (the coder dates it from its
    sentences)."""
    own_first = first_date is not None and not borrowed_date(doc, first, first_date)
    own_later = later_date is not None and not borrowed_date(doc, later, later_date)
    if own_first and own_later:
        assert first_date is not None and later_date is not None
        return later_date if later_date.precision < first_date.precision else first_date
    if not own_first and own_later and later_date is not None and later_date.precision == 1:
        return later_date
    return first_date


def killed_figures(analysis: Analysis, sent_ids: list[int]) -> set[int]:
    """The killed figures told in these sentences (not running totals)."""
    assert analysis.doc is not None
    sents = list(analysis.doc.sents)
    return {t.best for t in in_sents(analysis.tolls, [sents[i] for i in sent_ids])
            if t.kind == "killed" and not t.cumulative}


def tolls_agree(first: set[int], later: set[int]) -> bool:
    """Two tellings that each give a death toll must share a figure: "nine died" and
    "17 were killed" are two incidents."""
    return not (first and later and not first & later)


def retold(doc: Doc, first: list[Trigger], first_date: DateMention | None,
           later: list[Trigger], later_date: DateMention | None) -> bool:
    """Does `later` (a later group's triggers and date) retell the incident of `first`
    (see module docstring)? Types and place are the caller's to check."""
    if not (is_summary(doc, first) or in_passing(doc, later)):
        return False
    if not _dates_agree(doc, first, first_date, later, later_date):
        return False
    a, b = victims(doc, first), victims(doc, later)
    agree = same_victims(a, b)
    if agree is not None:
        return agree
    return not a.told and not b.told and \
        {t.sub_event_type for t in first} == {t.sub_event_type for t in later}


def absorb(grp: Group, later: Group, sub: str, when: DateMention | None) -> None:
    """Merge `later` (a retelling of `grp`'s incident) into `grp`: its triggers, sentences,
    places and tolls; `when` is the better of the two dates (`better_date`)."""
    grp.triggers.extend(later.triggers)
    grp.sents = sorted(set(grp.sents + later.sents))
    grp.toll_sents = sorted(set(grp.toll_sents + later.toll_sents))
    grp.place_ids |= later.place_ids
    grp.sub_event_type = sub
    grp.date = when


def early_to_violence(groups: list[Group], early: list[int]) -> list[int]:
    """Killed/injured toll sentences told before the first new event ("Four passers-by were
    killed. Police arrested two men after gunmen fired on a bus") belong to the first
    violent event within three sentences, not to an arrest or protest told first: they
    join its toll sentences; returns the early sentences left for the coder's own rule
    (`EventCoder._early_tolls`)."""
    news = [g for g in groups if g.kind == "new"]
    if not news or family(news[0].sub_event_type) == "violence":
        return early
    target = next((g for g in news if family(g.sub_event_type) == "violence"), None)
    if target is None:
        return early
    moved = [i for i in early if 0 < target.sents[0] - i <= 3]
    target.toll_sents.extend(moved)
    return [i for i in early if i not in moved]
