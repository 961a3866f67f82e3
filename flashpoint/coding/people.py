"""Who a toll counts: the person lexicon and the reading of single victims.

Shared by the sentence toll reader (`flashpoint.coding.tolls`) and the event toll combiner
(`flashpoint.coding.event_tolls`): which words name people, which name attackers by
definition, which side (security forces, armed men, civilians) a counted noun is on, and
when a noun phrase is exactly one person ("a soldier", "Hector Oqueli", "his driver").
Rules in docs/tolls.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import ORIGINAL_TEXT

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSON_NOUNS = frozenset(
    "people person civilian soldier troop policeman policemen officer fighter militant member "
    "child children woman women man men boy girl student worker farmer villager resident "
    "protester demonstrator worshipper passenger pilgrim journalist official guard personnel "
    "gunman gunmen attacker assailant insurgent rebel jihadist terrorist suspect other others "
    "bomber militiaman militiamen commander leader teacher doctor nurse patient refugee migrant "
    "family relative trader herder herdsman herdsmen miner captive individual youth adult "
    "infant baby pupil employee staff crew sailor marine paramilitary recruit cadet "
    "peacekeeper contractor kidnapper bandit extremist hunter fisherman driver motorist "
    "pedestrian shopper bystander inmate prisoner detainee those persons dozen force forces "
    "serviceman servicemen policewoman security bodyguard escort mayor minister priest "
    "nun judge lawyer attorney senator deputy governor councillor councilor president "
    "victim cook maid wife husband son daughter brother sister mother father citizen "
    "missionary colonel captain lieutenant sergeant corporal magistrate prosecutor "
    "ambassador diplomat editor director inspector agent bishop archbishop monsignor "
    "jesuit campesino legislator shepherd".split()
)
_PERSON_SUFFIXES = ("er", "ist", "ian", "man", "men", "ant", "ee")
_NOT_PERSON = frozenset(
    "helicopter container computer tanker trailer number order border center centre water "
    "quarter chapter letter meter metre kilometer kilometre liter litre dollar tower shelter "
    "plant restaurant tenant hour minute day week month year percent km mile".split()
)
PERPETRATOR_NOUNS = frozenset(
    "gunman gunmen attacker assailant bomber hijacker kidnapper raider abductor perpetrator "
    "shooter".split()
)
MILITANT_NOUNS = frozenset(
    "militant insurgent terrorist jihadist fighter rebel extremist bandit militiaman".split()
)
ATTACK_VERBS = frozenset("attack storm raid ambush assault infiltrate besiege overrun".split())


def is_person(tok: Token) -> bool:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma in PERSON_NOUNS or low in PERSON_NOUNS or tok.ent_type_ in ("NORP", "PERSON"):
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", ""):  # "30 Taliban", "5 BIFF"
        return True
    if lemma in _NOT_PERSON or low in _NOT_PERSON:
        return False
    return tok.pos_ == "NOUN" and lemma.endswith(_PERSON_SUFFIXES)


def side_of(noun: Token, sent: Span) -> str:
    lemma = noun.lemma_.lower()
    if lemma in PERPETRATOR_NOUNS or noun.lower_ in PERPETRATOR_NOUNS:
        return "perpetrator"
    if lemma not in MILITANT_NOUNS:
        return "victim"
    for tok in sent:
        if tok.lemma_.lower() not in ATTACK_VERBS or tok.pos_ != "VERB":
            continue
        if tok.head == noun and tok.dep_ in ("relcl", "acl"):
            return "perpetrator"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in MILITANT_NOUNS for c in tok.children):
            return "perpetrator"
    return "victim"


def listed_people(person: Token) -> list[Token]:
    """The person and everyone coordinated with them, each counted once: "killed Hector
    Oqueli and Gilda Flores" -> 2; "his bodyguard and driver were killed" -> 2."""
    people, todo = [person], [person]
    while todo:
        tok = todo.pop()
        for conj in (c for c in tok.children if c.dep_ == "conj" or _semicolon_item(c)):
            if conj.like_num or not (one_person(conj) or bare_person(conj)) or \
                    _title_of_next(conj) or _described_parent(conj):
                continue
            people.append(conj)
            todo.append(conj)
        kin = [k for k in kin_items(tok) if k not in people]
        people += kin
        todo += kin
    return people


def _described_parent(noun: Token) -> bool:
    """"Ana Ruiz, 27 and the mother of three, died": "the mother of three" describes the
    person named, it is no second victim ("her mother" would be)."""
    if not {noun.lemma_.lower(), noun.lower_} & KIN_NOUNS or any(
            c.dep_ == "poss" for c in noun.children):
        return False
    return any(p.lower_ == "of" and any(g.like_num for g in p.children) for p in noun.children)


def _title_of_next(noun: Token) -> bool:
    """"the death of leader Ana Ruiz and lawyer Luis Soto": the parser may hang "lawyer" and
    "Soto" as two conjuncts, but a common noun right before a name listed beside it is that
    name's title, not another person."""
    if noun.pos_ != "NOUN":
        return False
    after = [t for t in noun.doc[noun.i + 1 : noun.i + 3] if not t.is_space]
    if not after or after[0].pos_ != "PROPN":
        return False
    name = after[0] if after[0].dep_ == "conj" else after[0].head
    return name.dep_ == "conj" and name.head == noun.head and name.i > noun.i


KIN_NOUNS = frozenset("son daughter wife husband brother sister father mother nephew niece "
                      "cousin uncle aunt child".split())


def kin_items(person: Token) -> list[Token]:
    """"Pedro Gil, his son, and 15 others were killed": a relative with a possessive set off
    by commas and followed by "and" is the next item of the list, not an apposition of the
    name ("Pedro Gil, her husband, was killed" is one person)."""
    return [kin for kin in person.children if kin.dep_ == "appos" and kin.lemma_.lower()
            in KIN_NOUNS and any(p.dep_ == "poss" for p in kin.children) and _and_after(kin)]


def _and_after(tok: Token) -> bool:
    """Is the phrase of `tok` (without its own conjuncts) followed by ", and"?"""
    own = [c.right_edge.i for c in tok.children if c.dep_ not in ("conj", "cc", "punct")]
    end = max([tok.i, *own])
    after = [t for t in tok.doc[end + 1 : end + 4] if not t.is_space]
    return len(after) >= 2 and after[0].text == "," and after[1].lower_ == "and"


def _semicolon_item(tok: Token) -> bool:
    """"killing Ana Lopez, 35; Rosa Lopez, 12; a boy ...": the parser hangs an item after a
    semicolon as an apposition, but a semicolon separates list items, not restatements."""
    first = tok.left_edge.i
    return tok.dep_ == "appos" and first > 0 and tok.doc[first - 1].text == ";"


_NAME_ENTS = frozenset({"PERSON", "", "PRODUCT", "WORK_OF_ART"})


def bare_person(noun: Token) -> bool:
    """A singular person noun without a determiner, as a later item of a list."""
    if noun.pos_ == "PROPN":  # "Father Ellacuria and Father Segundo Montes" (tagged PRODUCT)
        return noun.ent_type_ in _NAME_ENTS and noun.head.ent_type_ == "PERSON"
    return noun.tag_ == "NN" and is_person(noun) and noun.lower_ not in ("security", "staff")


def untagged_name(noun: Token) -> bool:
    """"Pablo Pelaez was murdered": a two-word capitalised name the model left untagged, as
    the victim of a toll verb, is one person."""
    if noun.pos_ != "PROPN" or noun.ent_type_ or not noun.text[:1].isupper():
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_
               for c in noun.children)


_GROUP_WORDS = frozenset("family families clan household group gang brothers sisters".split())


def miscased_name(noun: Token) -> bool:
    """"Bernardo Jaramillo ossa": a name whose last word the truecaser left lower-case, so
    the model calls it a noun; its first words are still tagged PERSON (not "the Perez
    family")."""
    if noun.tag_ not in ("NN", "NNP") or noun.lower_ in _GROUP_WORDS or noun.ent_type_:
        return False
    return any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in noun.children)


_NAME_TAGS = frozenset({"", "PERSON", "ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART"})
_NAME_MARKS = frozenset({"det", "poss", "nummod"})


def named_victim(noun: Token) -> bool:
    """One person named by a single word as the victim of a killing ("Alvarado was killed",
    "Galan was murdered", "Pizarro's murder"): a place or a group cannot be killed, so a
    singular proper noun there is a person whatever entity the model guessed; in wire copy
    the truecaser may have left a surname lower-case ("galan"), which counts when the
    article wrote it in capitals and it stands bare (no article, possessive or figure)."""
    if noun.pos_ == "PROPN":
        return noun.tag_ == "NNP" and noun.ent_type_ in _NAME_TAGS
    generic = is_person(noun) and noun.ent_type_ != "PERSON"  # "police", "staff"
    return noun.tag_ == "NN" and recased(noun) and not generic and not any(
        c.dep_ in _NAME_MARKS for c in noun.children)


def recased(tok: Token) -> bool:
    """Was this lower-case word written in capitals (wire copy the truecaser re-cased)?"""
    original = tok.doc.user_data.get(ORIGINAL_TEXT)
    if not isinstance(original, str) or not tok.text.islower():
        return False
    return original[tok.idx : tok.idx + len(tok)].isupper()


def subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def one_person(noun: Token) -> bool:
    if noun.lower_ in ("he", "she", "him", "another"):
        return True
    if noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON":
        return True
    if noun.pos_ == "PROPN" and any(c.dep_ == "appos" and is_person(c) for c in noun.children):
        return True  # "Ricardo Castellar, mayor of Achi, was found dead" (tagged ORG)
    if noun.tag_ in ("NN", "NNP", "NNS") and any(
            c.dep_ == "appos" and c.tag_ == "NN" and one_person(c) for c in noun.children):
        return True  # "Danilo barillas, another party leader, was killed" (name lower-cased)
    if miscased_name(noun):
        return True
    if recased(noun) and any(c.dep_ == "appos" and c.tag_ == "NN" and is_person(c)
                             for c in noun.children):
        return True  # "barillas, ambassador to Spain, was gunned down" (surname lower-cased)
    if noun.tag_ != "NN" or not is_person(noun) or noun.lower_ in ("security", "staff", "crew"):
        return False
    marks = {"a", "an", "the", "one", "another", "this", "that"}
    return any(c.dep_ == "poss" or (c.dep_ in ("det", "nummod") and c.lower_ in marks)
               for c in noun.children)


SECURITY_NOUNS = frozenset(
    "soldier troop policeman policemen officer guard personnel serviceman servicemen marine "
    "police policewoman force forces sailor recruit cadet peacekeeper bodyguard escort "
    "paramilitary commander".split())
ANY_PEOPLE = frozenset("people person persons other others victim victims".split())


def victim_class(noun: Token) -> str:
    """Which side a counted noun is on: distinct groups are distinct sides ("two soldiers
    ... three civilians"), not two words for the same people ("six Jesuits ... six priests")."""
    words = {noun.lemma_.lower(), noun.lower_}
    sides = (("people", ANY_PEOPLE), ("security", SECURITY_NOUNS),
             ("armed", MILITANT_NOUNS | PERPETRATOR_NOUNS))
    return next((side for side, nouns in sides if words & nouns), "civilian")
