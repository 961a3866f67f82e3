"""One event's toll from the tolls of its sentences (`event_toll`, used by the event coder).

Distinct victim groups add up, restatements and revisions do not, running totals never
count; the rules are in docs/tolls.md ("One event's toll"). The sentence-level reading is
`flashpoint.coding.tolls.extract_tolls`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ..records import Toll
from .people import is_person, named_victim, victim_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words that make a later figure add to the earlier ones ("three civilians also died").
_ADDED_CUES = frozenset("also another other more additional further too separately".split())
# Words that make a figure the event's whole toll from then on ("the toll rose to 12").
_REVISION_CUES = frozenset("toll total rose risen climbed increased reached now".split())
# Vague quantity words: a restatement with one never replaces an exact figure ("killed Ana
# Ruiz and Luis Soto ... the group has killed several people": 2, not 3).
_VAGUE_WORDS = frozenset(
    "several few many numerous handful couple dozens scores hundreds thousands some".split())
_DEFINITE = frozenset("the these those both all his her their its".split())
_PRONOUNS = frozenset("he she him her they them".split())


def event_toll(doc: Doc, tolls: Iterable[Toll], kind: str) -> Toll | None:
    """The toll of one event from the tolls its sentences report, in text order.

    Distinct victim groups add up ("two soldiers were killed ... three civilians also died"
    -> 5); a restatement does not ("killed three people ... the three victims", "he died",
    the same name again, "two children were among the dead"); a revised or overall figure
    replaces the running one ("eight were killed ... the toll rose to 12" -> 12). Running
    totals (`cumulative`) never count. Rules in docs/tolls.md.
    """
    parts = _distinct_spans([t for t in tolls if t.kind == kind and not t.cumulative])
    if not parts:
        return None
    total: list[Toll] = []
    seen: list[_Group] = []
    exact = False  # does the running total rest on an exact figure or named people?
    for toll in parts:
        group = _group_of(doc, toll)
        if group.role == "revision":
            total, exact = [toll], not group.vague
        elif group.role == "addition" and _adds(group, seen):
            total.append(toll)
            exact = exact or not group.vague
        elif not total or toll.best > sum(t.best for t in total) and not (
                group.vague and exact):
            total, exact = [toll], not group.vague  # a larger restatement: better informed
        seen.append(group)
    return _summed(doc, total)


class _Group(NamedTuple):
    """How a toll relates to the ones before it: its role, victim side and names."""

    role: str
    noun: str
    names: frozenset[str]
    added: bool
    vague: bool  # "several", "many": no exact figure
    persons: frozenset[str] = frozenset()  # person nouns counted ("policeman", "son")
    definite: frozenset[str] = frozenset()  # of them, those pointing back ("the agent's son")


def _distinct_spans(tolls: list[Toll]) -> list[Toll]:
    """Tolls in text order; of two overlapping spans (the same words found twice) the
    larger figure stays."""
    out: list[Toll] = []
    for toll in sorted(tolls, key=lambda t: (t.start, -t.best)):
        if not out or toll.start >= out[-1].end:
            out.append(toll)
        elif toll.best > out[-1].best:
            out[-1] = toll
    return out


def _group_of(doc: Doc, toll: Toll) -> _Group:
    span = doc.char_span(toll.start, toll.end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    words = {t.lower_ for t in toks}
    names = frozenset(t.lower_ for t in toks if toll.best == 1 and _named(t))
    noun = next((victim_class(t) for t in toks if t.pos_ == "NOUN" and is_person(t)), "")
    phrase = " ".join(doc.text[toll.start:toll.end].lower().split())  # wire line breaks
    added = bool(words & _ADDED_CUES) or "in addition" in phrase or any(
        c.lower_ in _ADDED_CUES for t in toks if t.pos_ == "VERB" for c in t.children)
    if words & _REVISION_CUES and ("toll" in words or "total" in words or _revised(toks)):
        role = "revision"
    else:
        role = "restatement" if _restates(toks, words, added) else "addition"
    vague = bool(words & _VAGUE_WORDS) and not any(
        t.like_num and t.lower_ not in _VAGUE_WORDS for t in toks)
    persons = [t for t in toks if t.pos_ == "NOUN" and is_person(t)]
    definite = [t for t in persons if toll.best == 1 and not words & {"other", "another"}
                and any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that")
                        for c in t.children)]
    return _Group(role, noun, names, added, vague, _lemmas(persons), _lemmas(definite))


def _lemmas(toks: list[Token]) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in toks)


_NOT_NAMES = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})
_VICTIM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "pobj"})


def _named(tok: Token) -> bool:
    """A name in a one-person toll: a person's proper noun, or a single name as the victim
    ("Alvarado was killed", a surname the truecaser left lower-case: "galan was murdered")."""
    if tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_NAMES:
        return True  # "Castillo" of "Ramiro Castillo love", whatever its tag
    return tok.dep_ in _VICTIM_DEPS and named_victim(tok)


def _revised(toks: list[Token]) -> bool:
    """"rose to 12", "has climbed to 12": a figure after a rising verb and "to"."""
    return any(t.lemma_.lower() in ("rise", "climb", "increase", "reach") and
               any(c.lower_ == "to" for c in t.children) for t in toks)


def _restates(toks: list[Token], words: set[str], added: bool) -> bool:
    """"he died later", "the three dead", "the other two", "both", "two children were among
    the dead", "one of our leaders": people already counted."""
    if words & {"among", "including"}:
        return True
    first = next((t for t in toks if t.like_num or t.lower_ in _PRONOUNS | {"both"}), None)
    if first is None:
        return False
    if first.lower_ in _PRONOUNS or _definite(first):
        return True
    return first.i + 1 < len(first.doc) and first.nbor(1).lower_ == "of" and not added


def _definite(first: Token) -> bool:
    before = [first.doc[i].lower_ for i in range(max(first.i - 2, 0), first.i)]
    return first.lower_ == "both" or bool(before) and (before[-1] in _DEFINITE
                                                        or before == ["the", "other"])


def _adds(group: _Group, seen: list[_Group]) -> bool:
    """A new victim group adds unless it names someone already counted, or repeats an
    earlier group's noun (or follows a generic figure) without "also"/"another"/"other"."""
    if any(group.names & g.names or group.definite & g.persons for g in seen):
        return False  # the same name, or "the agent's son" after "a policeman and his son"
    if group.added or not seen:
        return True
    if group.definite and not group.names:
        return False  # "the UP leader was murdered" after a named victim: the same one
    if not (group.noun or group.names):
        return False  # "killing two": a bare figure without "also" restates
    generic = any(g.noun == "people" or not (g.noun or g.names) for g in seen)
    same = any(g.noun and g.noun == group.noun for g in seen)
    return not (generic or same)


def _summed(doc: Doc, parts: list[Toll]) -> Toll:
    if len(parts) == 1:
        return parts[0]
    start, end = parts[0].start, max(t.end for t in parts)
    return Toll(start=start, end=end, text=doc.text[start:end], kind=parts[0].kind,
                low=sum(t.low for t in parts), best=sum(t.best for t in parts),
                high=sum(t.high for t in parts),
                side="perpetrator" if all(t.side == "perpetrator" for t in parts) else "victim")


# Verbs of finding the dead ("the body was found / recovered / dumped"), and of remains
# surfacing ("his body turned up", "appeared").
FINDING_VERBS = frozenset("find discover recover dump locate identify".split())
_FOUND_VERBS = FINDING_VERBS | {"appear", "turn"}
_REMAINS = frozenset("body bodies corpse corpses remains dead".split())


def killed_later(sent: Span) -> bool:
    """Does the sentence tell of captives killed after their abduction ("the body of the
    kidnapped mayor was found", "they were later found dead", "his body turned up")? ACLED
    codes a killing during an abduction as one Attack, but violence reported later in
    captivity as an additional event beside the Abduction (docs/tolls.md)."""
    words = {t.lower_ for t in sent}
    if "later" in words and any(t.lemma_.lower() in ("kill", "murder", "execute", "die")
                                for t in sent):
        return True
    return any(t.lemma_.lower() in _FOUND_VERBS and t.pos_ in ("VERB", "AUX")
               and _REMAINS & words for t in sent)
