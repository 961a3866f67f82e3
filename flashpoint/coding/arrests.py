"""Police-report wording the general rules leave out: arrests told in the passive, and
people hurt by hand or blade with no attacker named.

Police reports, above all South Asian ones, tell most arrests in the passive and without
naming who made them: "50 persons were held", "681 activists have been booked", "two men,
who were caught by the police", "the two held in police custody", "was remanded in police
custody". The general rule wants a state agent or a law named beside such verbs, because
"held", "caught" and "booked" have everyday senses ("talks were held", "caught fire",
"booked a ticket"). Here the missing agent is made up for by what the sentence says of the
people taken: a group of people counted, a person held in custody or "in connection with"
a crime, a relative clause whose noun is a person.

`rule_arrest(tok)` runs after the general rules in `triggers.RULES` (so arrests at a
protest stay typed by `strategic`), and returns a `Hit` or None like them.

The same reports tell assaults without naming who struck: "two persons were stabbed",
"a cook was hacked to death", "he was beaten up", "hit him with his gun butt".
`hurt_on_purpose(tok, lemma)` recognises them; `triggers` types them like a killing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from . import taxonomy as tx
from .filters import agent_is_state, is_accidental, low, near_lemmas, phrase_lemmas
from .strategic import Hit
from .taxonomy import DETAINED_PERSONS, LEGAL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose passive tells an arrest when people are taken ("were held / booked / caught").
PASSIVE_ARREST_VERBS: Final = frozenset({"hold", "book", "catch", "nab", "pick", "lock"})
# Nouns for people taken that the shared list lacks: party cadres, pilgrims, accused.
MORE_PEOPLE: Final = frozenset({
    "sevak", "karsevak", "ramsevak", "cadre", "volunteer", "mla", "corporator", "devotee",
    "pilgrim", "seer", "sadhu", "priest", "farmer", "labourer", "vendor", "hawker",
    "passenger", "agitator", "agitationist", "goon", "hooligan", "offender", "brother",
    "son", "husband", "employee", "teacher", "doctor", "lawyer", "politician", "mp",
    "minister", "councillor", "workers", "persons", "peoples",
})
# Pronouns and quantifiers that stand for the people taken ("both were caught", "the four
# held in custody", "who were picked up").
STAND_INS: Final = frozenset({"he", "she", "they", "him", "her", "them", "who", "whom",
                              "both", "all", "some", "several", "many", "few", "those",
                              "others", "two", "three", "four", "five", "six"})
# Senses of the verbs that are not arrests: "held hostage", "held responsible", "caught
# fire", "caught unawares", "booked a flight", "held in high esteem".
NOT_ARRESTS: Final = frozenset({
    "hostage", "captive", "responsible", "accountable", "liable", "gunpoint", "ransom",
    "fire", "unawares", "unaware", "camera", "crossfire", "traffic", "esteem", "regard",
    "flight", "ticket", "hotel", "seat", "berth", "trip", "tour", "show", "talk", "meeting",
})
# Where the people are put: "held in police custody", "remanded to judicial custody".
CUSTODY_WORDS: Final = frozenset({"custody", "jail", "lock-up", "lockup", "prison", "remand"})


def rule_arrest(tok: Token) -> Hit | None:
    """"50 persons were held", "who were caught by the police", "was remanded in police
    custody": an arrest told in the passive (see the module docstring)."""
    lemma = low(tok)
    if tok.pos_ != "VERB":
        return None
    if lemma == "remand" and _custody_phrase(tok):
        return tx.ARRESTS, 0.75, tok.i, tok.i
    if lemma in PASSIVE_ARREST_VERBS and _passive_arrest(tok, lemma):
        return tx.ARRESTS, 0.7, tok.i, tok.i
    return None


def _passive_arrest(tok: Token, lemma: str) -> bool:
    """A passive arrest verb whose taken are people and whose agent, if named, is the
    state; without an agent the sentence must say more (`_told_as_arrest`)."""
    taken = _taken(tok)
    on = {w for c in tok.children if c.lower_ == "on" for w in phrase_lemmas(c)}
    if taken is None or not _people(taken) or (near_lemmas(tok, 3) | on) & NOT_ARRESTS:
        return False  # "held hostage", "booked on the morning flight"
    parts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if parts - {"up"} or (lemma in ("pick", "lock")) != ("up" in parts):
        return False  # "held back", "held up"; but "picked up", "locked up"
    state = agent_is_state(tok)
    if state is not None:
        return state
    return _told_as_arrest(tok, lemma, taken)


def _taken(tok: Token) -> Token | None:
    """Who was taken: the passive subject, or the noun a participle or relative clause
    hangs on ("the two held in custody", "activists, who were caught")."""
    if not _passive(tok):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ in ("who", "whom", "that") and tok.dep_ == "relcl":
        return tok.head
    if subj is None and tok.dep_ in ("acl", "relcl"):
        return tok.head
    return subj


def _passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl")


def _people(noun: Token) -> bool:
    """A person or people: a word for them, a name, a pronoun or a counted group."""
    lemma = low(noun)
    if lemma in DETAINED_PERSONS | MORE_PEOPLE or noun.lower_ in STAND_INS:
        return True
    if noun.ent_type_ in ("PERSON", "NORP") and noun.pos_ == "PROPN":
        return True
    if noun.pos_ == "NUM" and noun.dep_ in ("nsubjpass", "nsubj"):
        return True  # "four were held in connection with the burning"
    return any(c.dep_ == "compound" and low(c) in DETAINED_PERSONS | MORE_PEOPLE
               for c in noun.children)


def _told_as_arrest(tok: Token, lemma: str, taken: Token) -> bool:
    """No agent named: held or booked people counted ("50 persons were held"), or any
    taken person put in custody, booked under a law or taken "in connection with" a
    crime ("both were caught in connection with the carnage")."""
    if _legal_phrase(tok) or _custody_phrase(tok):
        return True
    counted = taken.pos_ == "NUM" or any(c.dep_ == "nummod" for c in taken.children)
    return lemma in ("hold", "book", "nab") and counted


def _legal_phrase(tok: Token) -> bool:
    """"in connection with", "in cases of arson", "under section 144", "for rioting",
    "on charges of", "red-handed"."""
    for child in tok.children:
        words = phrase_lemmas(child) if child.dep_ == "prep" else set()
        if child.lower_ == "in" and words & {"connection", "case", "cases"}:
            return True
        if child.lower_ in ("under", "for") and (child.lower_ == "for" or words & LEGAL_WORDS):
            return True
        if child.lower_ == "on" and words & {"charge", "charges", "suspicion"}:
            return True
        if child.lower_ in ("red-handed", "redhanded"):
            return True
    return False


def _custody_phrase(tok: Token) -> bool:
    """"in police custody", "to judicial custody", "in jail" beside the verb."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "to", "into") and
               phrase_lemmas(c) & CUSTODY_WORDS for c in tok.children)


# hurting by hand or blade: an attack whoever did it ("was stabbed", "hacked to death")
HARM_VERBS: Final = frozenset({"stab", "hack", "beat", "thrash", "club", "bludgeon", "burn",
                               "torch", "hit"})
HAND_WEAPONS: Final = frozenset({"lathi", "lathis", "stick", "rod", "butt", "sword", "knife",
                                 "axe", "pipe", "bat", "baton", "cane", "hammer", "chain"})


def hurt_on_purpose(tok: Token, lemma: str) -> bool:
    """"two men were stabbed", "burnt / hacked to death", "was beaten up", "hit him with
    a gun butt" (not "England beat them", "the budget hit farmers", "burnt to death when
    a fire broke out in the factory", "five people burned to death in the bus")."""
    if lemma not in HARM_VERBS or tok.pos_ != "VERB" or is_accidental(tok):
        return False
    kids = list(tok.children)
    to_death = any(c.lower_ == "to" and any(low(g) == "death" for g in c.children) for c in kids)
    if lemma in ("burn", "torch"):
        return to_death and _passive(tok)  # "the men burned to death in the bus" may be a fire
    armed = any(c.lower_ == "with" and phrase_lemmas(c) & HAND_WEAPONS for c in kids)
    beaten_up = lemma in ("beat", "thrash") and any(c.lower_ == "up" for c in kids)
    return to_death or armed or beaten_up or lemma == "stab" and _passive(tok)
