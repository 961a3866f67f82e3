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

from .filters import fresh_time_in, low, reported_killing, sent_lemmas, verb_of
from .generic import REALIS_GOVERNORS, generic_talk
from .taxonomy import VIOLENCE_ANCHORS

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



# --- talk: violence spoken of, not reported ------------------------------------------------
# A careful coder codes what a report says happened, not what a speaker calls an attack,
# says a group does, plans to do, or recalls. `talked_about` drops such trigger words before
# they become events (docs/coding.md, "Relevance").

# Targets no weapon can hit: "an attack on the region's process of democratization".
ABSTRACT_TARGETS = frozenset(
    "process democratization democracy sovereignty freedom liberty peace dignity right "
    "rights constitution institution institutionality law nation homeland fatherland "
    "economy policy principle credibility integrity honor honour reputation image "
    "independence value unity stability progress development interest truth".split())
# Modifiers that make an attack a criticism: "harsh attacks on the government".
CRITICISM_MODIFIERS = frozenset(
    "harsh harshly verbal verbally scathing bitter bitterly sharp sharply virulent "
    "rhetorical personal propaganda ideological slanderous strong strongly".split())
# Words that turn an event noun into a figure of speech: "population explosion".
FIGURATIVE_MODIFIERS = frozenset(
    "population demographic birth baby price inflation freedom joy anger information "
    "creativity demand growth".split())
METAPHOR_NOUNS = frozenset({"attack", "assault", "aggression", "explosion", "bomb", "war"})
# Verbs that classify something as an act: "smuggling constitutes an attack".
CLASSIFYING_VERBS = frozenset(
    "constitute represent signify symbolize symbolise mean equal amount".split())


def talked_about(tok: Token) -> bool:
    """The event word speaks of violence without reporting an incident: a metaphor or
    classification ("smuggling constitutes an attack against our homeland"), a purpose or
    use ("missiles are used to attack a city"), a description of what someone does ("a
    government that bombs the people"), or a known incident that is the topic of talk ("he
    was referring to the massacre of six priests who were killed ...")."""
    return (_figurative(tok) or _classifying(tok) or _purpose_only(tok)
            or _characterising(tok) or _topic_of_talk(tok) or _held_weapon(tok)
            or _accident_toll(tok) or _victim_class(tok) or _against_a_people(tok)
            or generic_talk(tok))


# Nouns that name a whole people: "bombed the Salvadoran people", "the civilian population".
PEOPLE_NOUNS = frozenset({"people", "population", "nation", "populace", "citizenry"})
_WHOLE_DETS = frozenset({"the", "our", "their", "its", "his", "your", "this", "that"})


def _against_a_people(tok: Token) -> bool:
    """Violence aimed at a whole people, with no time and no number in the sentence, is an
    accusation, not a report: "they have bombed the Salvadoran people", "aid to continue
    murdering Salvadorans", "the people who are being attacked by the irrationality of
    terrorism" (not "soldiers shelled the population of Kasba on Monday, killing three")."""
    if fresh_time_in(tok.sent) or any(t.like_num or t.ent_type_ in ("DATE", "CARDINAL")
                               for t in tok.sent):
        return False
    return any(_whole_people(t) for t in _targets(tok))


def _targets(tok: Token) -> list[Token]:
    """Objects of an event verb (or the noun it is passive subject of) and of "against",
    "on" or "of" after an event noun."""
    kids = list(tok.children)
    found = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in kids):
        found.append(tok.head)  # "the people, who are being attacked"
    found += [g for c in kids if c.dep_ == "prep" and c.lower_ in ("against", "on", "of")
              for g in c.children if g.dep_ == "pobj"]
    return found


def _whole_people(noun: Token) -> bool:
    kids = list(noun.children)
    if any(c.dep_ in ("nummod", "prep") or c.like_num for c in kids):
        return False  # "12 people", "the people of the valley": some people, somewhere
    if low(noun) == "people":  # "the Salvadoran people", "our people"; not "the people"
        return any(c.dep_ == "poss" and c.lower_ in _WHOLE_DETS or c.ent_type_ == "NORP"
                   for c in kids)
    if low(noun) in PEOPLE_NOUNS:
        dets = [c.lower_ for c in kids if c.dep_ in ("det", "poss")]
        return bool(dets) and all(d in _WHOLE_DETS for d in dets)
    return noun.tag_ in ("NNPS", "NNS") and noun.ent_type_ == "NORP" and not any(
        c.dep_ in ("det", "amod") for c in kids)  # "murdering Salvadorans"


# Nouns that make a bare plural of violence a kind someone suffers: "victims of attacks".
SUFFERER_NOUNS = frozenset({"victim", "target", "object", "author", "perpetrator", "culprit",
                            "mastermind"})


def _victim_class(tok: Token) -> bool:
    """A bare plural after "victim(s) of", "the target of" or "the authors of" names a kind
    of violence suffered or done, not one incident: "civilians have been victims of terrorist
    attacks", "failed to pursue the authors of murders and of kidnappings" (not "farmers were
    victims of bombings on Monday", nor "the victim of an attack")."""
    noun = _first_conjunct(tok)
    if noun.tag_ != "NNS" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    if any(_specific(c) for c in noun.children) or fresh_time_in(tok.sent):
        return False
    prep = noun.head
    while prep.dep_ == "conj" and prep.head.lower_ == "of" and prep.head is not prep:
        prep = prep.head  # "of murders and of kidnappings"
    return low(prep.head) in SUFFERER_NOUNS


def _figurative(tok: Token) -> bool:
    """"harsh attacks on the government", "population explosion", "more dangerous than the
    atomic bomb", "an attack against our homeland" (with no death or wound said)."""
    if low(tok) not in METAPHOR_NOUNS:
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("amod", "advmod", "compound") and
           c.lower_ in CRITICISM_MODIFIERS | FIGURATIVE_MODIFIERS for c in kids):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "than":
        return True
    targets = [c for c in kids if c.dep_ == "dobj"] + [
        g for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "of")
        for g in c.children if g.dep_ == "pobj"]
    return any(low(t) in ABSTRACT_TARGETS for t in targets) and not _anchored(tok)


def _anchored(tok: Token) -> bool:
    """Another word of the sentence names violence ("an explosion of freedom" does not)."""
    return bool((sent_lemmas(tok.sent) - {"fire", "shot", low(tok)}) & VIOLENCE_ANCHORS)


_INCIDENT_SUBJECTS = frozenset("it this that incident event act case what which".split())


def _classifying(tok: Token) -> bool:
    """An event noun that names what something else is: "smuggling constitutes an attack",
    "this phrase is an attack against the militarist sector" (not "it was a bomb attack")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "dobj" and low(tok.head) in CLASSIFYING_VERBS:
        return True
    if tok.dep_ != "attr" or low(tok) not in METAPHOR_NOUNS or low(tok.head) != "be":
        return False
    subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].pos_ == "NOUN" and \
        low(subj[0]) not in _INCIDENT_SUBJECTS and not _anchored(tok)


# Verbs whose "to" complement reports the act done ("began to shoot", "managed to kidnap"):
# `generic.REALIS_GOVERNORS`.


def _purpose_only(tok: Token) -> bool:
    """An infinitive of purpose or use under a clause that narrates nothing: "missiles are
    used to attack a city", "who take up arms to attack the police" (not "police fired tear
    gas to disperse them", nor "began to shoot")."""
    verb = _verb_for(tok)
    if verb is None:
        return False
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        return True  # "maps for carrying out attacks"
    verb = _through_phase_verbs(verb)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if _counted_victim(verb):
        return False  # "the second reporter to be murdered this week" reports a killing
    gov = verb.head
    if gov is verb or low(gov) in INTENT_GOVERNORS:
        return True  # "to carry out bombings would be barbaric", "decided to use missiles"
    if low(gov) in MOTION_VERBS and not any(c.lower_ == "on" for c in gov.children):
        return True  # "they have come here to massacre the people" (not "went on to kill")
    if gov.pos_ not in ("VERB", "AUX"):
        gov = verb_of(gov) or gov  # "availed themselves of the opportunity to place bombs"
    return low(gov) not in REALIS_GOVERNORS and not _narrated(gov)


# Verbs of coming whose "to" complement is a purpose: "came here to massacre the people"
# (not "the army moved in to take control": a move told with its aim achieved).
MOTION_VERBS = frozenset("come arrive travel".split())


def _through_phase_verbs(verb: Token) -> Token:
    """"to continue murdering", "to begin to shoot": the infinitive whose purpose is asked
    is the phase verb's ("continue"), not the act under it."""
    while verb.dep_ == "xcomp" and low(verb.head) in REALIS_GOVERNORS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children):
        verb = verb.head
    return verb


# Words that rank a person among others who suffered the same act: "the third judge to be
# killed", "the only journalist to be kidnapped".
RANK_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "latest",
                        "only", "next"})


def _counted_victim(verb: Token) -> bool:
    """An infinitive that ranks its subject among victims ("the second newsman to be
    murdered") tells of an act done, not of a purpose."""
    nouns = [verb.head] + [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(m.dep_ == "amod" and (m.ent_type_ == "ORDINAL" or m.lower_ in RANK_WORDS)
               for n in nouns for m in n.children)


# Words whose "to" complement is only intended: "decided to use missiles".
INTENT_GOVERNORS = frozenset(
    "decide offer promise refuse prepared determined ready objective goal aim purpose "
    "intention mission task right".split())


def _verb_for(tok: Token) -> Token | None:
    """The verb itself, or the verb whose object the event noun is ("to use missiles")."""
    if tok.pos_ == "VERB":
        return _first_conjunct(tok)
    noun = _first_conjunct(tok)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _first_conjunct(noun.head)
    return None


def _first_conjunct(tok: Token) -> Token:
    """"kidnap, murder and cause": the first of a row of coordinated words."""
    while tok.dep_ == "conj" and tok.head.pos_ == tok.pos_ and tok.head is not tok:
        tok = tok.head
    return tok


_PAST_AUX = frozenset({"has", "have", "had", "was", "were", "been", "'ve"})


def _narrated(verb: Token) -> bool:
    """A verb told as done: a simple past, or a perfect or past passive/progressive."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBN", "VBG") and bool(auxes & _PAST_AUX)


# Antecedents that make a relative clause say what kind of person someone is.
GENERIC_ANTECEDENTS = frozenset("those anyone whoever everyone all one".split())


def _characterising(tok: Token) -> bool:
    """What someone does or has done as a kind of person, not one incident: "officers who
    kidnap and murder unionists", "a government that has bombed the population", "those
    who murdered the archbishop", "their attacks are selective"."""
    if any(a.dep_ in ("relcl", "acl") and a.head.lower_ in GENERIC_ANTECEDENTS
           for a in [tok, *tok.ancestors]):
        return not fresh_time_in(tok.sent)  # "those who murdered", "all those involved in"
    if tok.pos_ == "NOUN":
        return _generic_predicate(_first_conjunct(tok))
    verb = _first_conjunct(tok) if tok.pos_ == "VERB" else None
    if verb is None or verb.dep_ != "relcl":
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ in ("VBP", "VBZ") and not auxes:
        return True
    return _indefinite(verb.head) and bool(auxes & {"has", "have"})


def _indefinite(noun: Token) -> bool:
    """"a government", "cowards": no particular one."""
    kids = list(noun.children)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids):
        return True
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in kids)


def _generic_predicate(tok: Token) -> bool:
    """"their attacks are selective", "night bombings are carried out by foreign pilots",
    "torture and murder were methods of the government", "the kidnapping business"."""
    head, kids = tok.head, list(tok.head.children)
    if tok.dep_ == "compound" and low(head) in GENERIC_HEADS:
        return True
    if tok.dep_ == "nsubj" and low(head) == "be" and any(
            c.dep_ == "attr" and low(c) in CLASS_NOUNS for c in kids):
        return True
    if tok.tag_ != "NNS" or head.tag_ not in ("VBP", "VBZ", "VBN"):
        return False
    if tok.dep_ == "nsubj" and low(head) == "be":
        return head.tag_ != "VBN" and any(c.dep_ == "acomp" for c in kids)
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    present = {c.lower_ for c in kids if c.dep_ == "auxpass"} & {"are", "is"}
    return tok.dep_ == "nsubjpass" and bare and bool(present) and \
        not any(c.dep_ == "aux" for c in kids)


# Nouns that make an event noun a kind of act: "methods", "the kidnapping business".
CLASS_NOUNS = frozenset("method tactic weapon tool practice instrument means strategy "
                        "way".split())
GENERIC_HEADS = frozenset("business industry trade problem rate phenomenon statistic "
                          "epidemic culture".split())


# Words whose object or topic is a known incident talked about: "recalled the explosion of
# the airliner", "the controversy regarding the kidnapping of ...".
TALK_GOVERNORS = frozenset(
    "recall remember refer discuss evoke forget commemorate honor honour mourn remind "
    "controversy debate memory touch protest characterize characterise".split())
TOPIC_PREPS = frozenset({"regarding", "concerning", "about"})


def _topic_of_talk(tok: Token) -> bool:
    """The event word, or a noun it belongs to, is what a speaker recalls, discusses or
    protests, in a sentence that gives no fresh time: "he was referring to the massacre of
    six priests who were killed by soldiers", "protesting the killing of the priests"."""
    if fresh_time_in(tok.sent) or reported_killing(tok):
        return False  # "ARENA condemned the murder of Minister X": news, not a recollection
    nodes = [n for n in [tok, *list(tok.ancestors)[:6]] if n.pos_ in ("NOUN", "PROPN")]
    return _under_talk_root(tok) or any(
        _talked_topic(n) or n is not tok and low(n) in CHARGE_NOUNS
        for n in nodes)  # "a lathi charge" itself is the use of force


def _under_talk_root(tok: Token) -> bool:
    """An event noun in a sentence that opens by recalling ("Let us recall the explosion of
    the airliner; the bomb at the police headquarters; and the murder of journalists",
    "Remember the massacre of ..."): the whole list is recalled, wherever the parser hangs
    its items; also a relative clause on a recalled name ("Let us not forget the senator
    who was murdered")."""
    if tok.pos_ != "NOUN" and not (tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN")):
        return False
    verbs = [t for t in tok.sent if t.pos_ == "VERB" and t.i < tok.i]
    if verbs and low(verbs[0]) == "let":
        verbs = verbs[1:]
    return bool(verbs) and low(verbs[0]) in TALK_GOVERNORS


# Nouns whose complement is what someone is accused of: "on charges of murder".
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "suspicion", "indictment"})


def _talked_topic(noun: Token) -> bool:
    if noun.dep_ == "dobj":
        return low(noun.head) in TALK_GOVERNORS
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in TOPIC_PREPS or low(prep.head) in TALK_GOVERNORS


# Weapons as things held or traded, not used: "confiscated grenades", "a shipment of bombs".
WEAPON_NOUNS = frozenset("bomb grenade mine landmine missile rocket mortar explosive dynamite "
                         "tnt device weapon rifle ammunition".split())
HOLD_VERBS = frozenset("confiscate seize recover capture possess store hide stockpile smuggle "
                       "ship buy sell supply deliver transport produce manufacture "
                       "have".split())
STOCK_NOUNS = frozenset("shipment cache arsenal stock stockpile supply consignment load batch "
                        "quantity".split())


def _held_weapon(tok: Token) -> bool:
    """A weapon noun that is the object of holding or trade, not of use."""
    noun = _first_conjunct(tok)
    if low(noun) not in WEAPON_NOUNS:
        return False
    if noun.dep_ in ("dobj", "npadvmod", "appos") and low(noun.head) in HOLD_VERBS:
        return True
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and low(prep.head) in STOCK_NOUNS


ACCIDENTS = frozenset({"accident", "crash", "collision", "derailment"})
# Things a court or law-maker strikes down: "the law was struck down by the court".
LEGAL_OBJECTS = frozenset("law decree ruling measure ban rule provision bill legislation "
                          "policy order amendment".split())


def _accident_toll(tok: Token) -> bool:
    """Death or damage an accident brought ("four plane accidents have brought destruction"),
    or a law struck down."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if low(tok) == "strike" and any(low(a) in LEGAL_OBJECTS for a in args):
        return True
    return tok.pos_ == "NOUN" and any(a.dep_ == "nsubj" and low(a) in ACCIDENTS
                                       for a in args)
