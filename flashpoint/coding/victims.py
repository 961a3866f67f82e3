"""Who else a toll counts: single people beside a figure, and lists of named victims.

A toll word often carries a counted group and single people in different places of the
parse, and the figure alone undercounts them. Read here, for `flashpoint.coding.tolls`
(rules in docs/tolls.md, "Victims beside a figure and lists of names"):
- `slot_singles`: one person in another victim slot of the toll word than the figure ("the
  mayor was killed along with two of his guards" -> 3), or listed after the counted noun
  ("two policemen, a judge and his driver" -> 4);
- `along_with`: "X was shot to death along with his driver" -> 2;
- `plural_members`: "the massacre of the priests A, B and C" -> 3;
- `semicolon_items`: "killing A, 42; B, 19; a boy; and a policeman" -> 4;
- `before_item`: a line break inside a list is no separator;
- `dates_another_clause`: "killed ..., 8 days after taking office on 1 June" is not dated
  1 June (used by `EventCoder._attach_tolls`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .people import (
    is_person,
    kin_items,
    listed_people,
    named_victim,
    one_person,
    recased,
    untagged_name,
    victim_class,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..records import Toll

# Words that introduce a subset or a restatement of the counted group, never a new person.
_SUBSET_WORDS = frozenset("including among include includes like such".split())


def slot_singles(slots: Iterable[Token], counted: Sequence[Token],
                 known: Sequence[Token]) -> list[Token]:
    """People in the toll word's victim slots (`slots`) who are one person each and are
    neither a counted noun, inside a counted phrase, nor already listed (`known`): "Ana
    Ruiz, 65, was killed, along with two of her guards" -> Ana Ruiz (with 2: 3 dead)."""
    taken = {t.i for t in known} | {t.i for t in counted}
    found = [p for noun in counted for p in listed_after_count(noun) if p.i not in taken]
    taken |= {p.i for p in found}
    inside = {t.i for noun in counted for t in noun.subtree}
    for slot in slots:
        if slot.i in taken or slot.i in inside or _holds_count(slot, counted):
            continue
        if _single(slot) and not _subset_cue(slot):
            found += [slot, *kin_items(slot)]
            taken.add(slot.i)
    return found


_GENERIC = frozenset("people person persons civilian civilians other others victim victims "
                     "man men woman women".split())


def listed_after_count(noun: Token) -> list[Token]:
    """"A bomb killed two policemen, a judge and his driver": single people the parser hung
    as an apposition of a counted noun continue the list when they are other people than
    the counted ones (another noun) and no closing comma makes them a restatement ("two
    people, a judge and his driver, died" names the two)."""
    if noun.lemma_.lower() in _GENERIC or noun.lower_ in _GENERIC:
        return []
    found: list[Token] = []
    for item in (c for c in noun.children if c.dep_ == "appos" and _single(c)):
        listed = [p for p in listed_people(item) if _single(p)]
        last = max(p.right_edge.i for p in listed)
        after = [t for t in noun.doc[last + 1 : last + 3] if not t.is_space]
        closed = bool(after) and after[0].text == ","
        if not closed and not _restates(noun, listed):
            found += listed
    return found


def _restates(noun: Token, listed: list[Token]) -> bool:
    """"Two children, a boy and a girl": as many people as the figure, one of them on the
    counted noun's side (security forces, armed men, civilians), name the counted people."""
    figure = [c for c in noun.children if c.dep_ == "nummod" and c.like_num]
    same = any(victim_class(p) == victim_class(noun) or p.lemma_.lower() == noun.lemma_.lower()
               for p in listed)
    return same and bool(figure) and _figure(figure[0]) == len(listed)


def _figure(tok: Token) -> int | None:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    text = tok.lower_
    return int(text) if text.isdigit() else words.get(text)


def _holds_count(slot: Token, counted: Sequence[Token]) -> bool:
    """"The mayor and two of his guards": the count sits inside the slot's own phrase, where
    coordination (`_listed_singles`) already reads it. Not when the parser hung the count
    on an apposition of the slot ("Ana Ruiz, a judge, and two of her guards": the list goes
    on after the apposition, so Ana Ruiz is still to be counted)."""
    span = {t.i for t in slot.subtree}
    return any(noun.i in span and not _via_appos(noun, slot) for noun in counted)


def _via_appos(noun: Token, slot: Token) -> bool:
    tok = noun
    while tok != slot and tok.head != tok:
        if tok.dep_ == "appos":
            return True
        tok = tok.head
    return False


def _single(noun: Token) -> bool:
    """One person: a named or singular person noun ("the mayor", "Ana Ruiz"), or a singular
    proper noun in a victim's place whatever entity the model guessed ("Rodriguez Porth",
    tagged as a place, was killed); never a plural noun or a figure."""
    if noun.tag_ in ("NNS", "NNPS") or noun.like_num:
        return False
    if one_person(noun) or untagged_name(noun):
        return True
    return noun.pos_ == "PROPN" and named_victim(noun) and not is_person(noun)


def _subset_cue(noun: Token) -> bool:
    """"Three people, including the mayor, were killed": a subset, not an extra person."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in _SUBSET_WORDS


def before_item(tok: Token) -> Token | None:
    """The token before a list item, skipping line breaks: wire copy breaks lines inside
    lists ("Ana Ruiz and\\nLuis Soto were killed"), and the break is no separator."""
    i = tok.left_edge.i - 1
    while i >= 0 and tok.doc[i].is_space:
        i -= 1
    return tok.doc[i] if i >= 0 else None


_ALONG = frozenset("along together".split())


def along_with(tok: Token, listed: Sequence[Token]) -> list[Token]:
    """"Ana Ruiz was shot to death along with her driver": the people after "along with" /
    "together with" on the toll word (or on the verb a "to death" hangs from) died with the
    victim, so they are victims too (each one person; a figure goes through the group toll)."""
    heads = [tok, tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "to" else [tok]
    found: list[Token] = []
    for head in heads:
        for adv in (c for c in head.children if c.lower_ in _ALONG):
            for noun in (g for w in adv.children if w.lower_ == "with" for g in w.children
                         if g.dep_ == "pobj" and _single(g)):
                found += [p for p in listed_people(noun) if _single(p)]
    known = {t.i for t in listed}
    return [p for p in found if p.i not in known]


def plural_members(slots: Iterable[Token]) -> list[Token]:
    """"Gunmen murdered brothers Ana and Luis Ruiz", "the massacre of the priests Ana Ruiz,
    Luis Soto and Juan Vera": a plural person noun with no figure, followed by its members'
    names, counts the names (items of a list under a plural noun, appositions included)."""
    for noun in slots:
        if noun.tag_ != "NNS" or not is_person(noun) or any(c.like_num for c in noun.children):
            continue
        names = [c for c in noun.children if c.dep_ == "appos" and _name(c)]
        if names:
            return _chain(names[0])
    return []


def _chain(first: Token) -> list[Token]:
    """A list of names linked by "and" or commas, which the parser hangs as conj or appos."""
    found, todo = [first], [first]
    while todo:
        for item in (c for c in todo.pop().children if c.dep_ in ("conj", "appos")):
            if _name(item) or _single(item):
                found.append(item)
                todo.append(item)
    return found


def _name(tok: Token) -> bool:
    """A person's name: a proper noun, or in wire copy a surname the truecaser left lower-case
    ("Segundo montes") after a capitalised first name."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in ("PERSON", "", "ORG")
    return recased(tok) and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                for c in tok.children)


_CLAUSE_VERB_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis", "xcomp"})


def semicolon_items(first: Token, listed: list[Token]) -> list[Token]:
    """"Killing Ana Ruiz, 42; Luis Soto, 19; a boy; and a policeman": semicolons separate the
    items of a victim list whatever the parser made of them; each item (and each part joined
    by "and") with a person in it is one victim. The list ends at an item without a person
    or one that holds a clause of its own. The longer reading wins."""
    sent = first.sent
    region = sent.doc[first.i : sent.end]
    if not any(t.text == ";" for t in region):
        return listed
    items: list[Token] = []
    for segment in _split(list(region), ";"):
        parts = [p for p in _split(segment, "and") if _person_in(p)]
        if not parts or _has_clause(segment):
            break
        items += [p for p in map(_person_in, parts) if p is not None]
    return items if len(items) > len(listed) else listed


def _split(tokens: list[Token], mark: str) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.lower_ == mark:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if any(not t.is_punct and not t.is_space for t in p)]


def _person_in(tokens: list[Token]) -> Token | None:
    return next((t for t in tokens if t.pos_ in ("PROPN", "NOUN", "ADJ") and
                 (t.ent_type_ == "PERSON" or is_person(t) or _name(t))), None)


def _has_clause(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSE_VERB_DEPS for t in tokens)


_CLAUSE_DEPS = frozenset({"pcomp", "advcl", "relcl", "acl"})


def dates_another_clause(sent: Span, start: int, end: int, tolls: Sequence[Toll]) -> bool:
    """"X was killed along with two guards, 8 days after taking office on 1 June": a date
    inside a subordinate clause that holds none of the sentence's tolls dates that clause
    (the taking office), not the deaths, so it cannot make the tolls another incident's."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in [span.root, *span.root.ancestors]:
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            first, last = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            return not any(first <= t.start < last for t in tolls)
    return False


_NEAR_MISS = frozenset("almost nearly narrowly".split())


def near_miss(tok: Token) -> bool:
    """"She was almost killed", "nearly died": a toll word its adverb denies (no one died)."""
    return any(c.dep_ == "advmod" and c.lower_ in _NEAR_MISS for c in tok.children)


_PLACE_NOUNS = frozenset("port city town village capital province department district region "
                         "municipality".split())


def place_named(noun: Token) -> bool:
    """"Also today in Buenaventura, the Pacific port, Judge Ana Ruiz was shot": a place the
    parser made a second subject of the toll verb, known by its place apposition or by the
    preposition before it, is no victim."""
    if noun.ent_type_ not in ("GPE", "LOC") or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    before = before_item(noun)
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in noun.children) \
        or (before is not None and before.lower_ in ("in", "at", "near"))


_SPELLS = frozenset("day days week weeks month months year years".split())


def lasting_subject(trigger: Token) -> bool:
    """"Their month-long battle has left 3,000 dead", "the three-day siege killed 40": a toll
    told of a fight that lasted days or more sums many days' events, so it is a running
    total, not one event's (ACLED codes each day's fighting as its own event)."""
    verb = trigger.head if trigger.dep_ in ("oprd", "acomp", "dobj") else trigger
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        words = [t for t in subj.subtree if t.i < subj.i]
        for i, tok in enumerate(words):
            if tok.lower_ not in _SPELLS:
                continue
            before = words[i - 1].text if i > 0 else ""
            after = [t.lower_ for t in words[i + 1 : i + 3]]
            if "old" in after or "-old" in after:
                continue  # "a 25-year-old man": an age, not a duration
            if before == "-" or after[:1] in (["-"], ["-long"]):
                return True
    return False
