"""Violence told in general, as a figure of speech or as an accident: no incident to code.

A careful ACLED coder codes one incident: a particular act with a time, a place, a count or
a named victim. Speeches, editorials and background paragraphs talk of violence in other
ways, and `generic_talk` drops such trigger words before they become events (called from
`relevance.talked_about`; docs/coding.md, "Relevance"):

- a list of kinds of violence ("the arrests, the bombings and the harassment of the press",
  "a wave of explosions, abductions and murders");
- an act done to a class of people ("the murder and kidnapping of students and peasants");
- a clause in the present or present perfect whose victims are a class ("guerrillas kidnap
  people to finance their activities", "journalists have been murdered", "grenades and
  bombs have been exploded in public places"), or a past clause whose victims are counted
  in hundreds or thousands ("hundreds of Colombians were murdered after the treaty");
- a kind denounced ("constantly denouncing attacks"), or an act named with neither doer
  nor victim ("no objective other than to continue to destroy, to assassinate");
- a figure of speech ("the fascist explosion scattered Chileans", "this explosion of
  freedom", "clashes between the administration and General X", "plundering our natural
  resources", "the commission is an attack on the army"), or a symbol burned at a protest
  ("burned a coffin symbolizing the burial of the IMF");
- an accident ("the plane crashed into houses, killing 17", "explosions of gas from spilled
  fuel"), unless an armed actor or a weapon is named in the same sentence.

- rhetoric: a present progressive charge against a whole people ("the government is
  attacking the people"), a war's toll in thousands ("massacred 70,000 Salvadorans"), an
  act conceded under "despite" ("despite the air force bombing residential areas"), an
  infinitive of harm aimed at "those who ..." ("to murder those who laid down their
  arms"), and a question ("was it because they were communists that they were murdered?").

Each rule gives way to a fresh time (today, Monday, this morning), a number and, for the
clause rules, a named place: those make one incident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .filters import fresh_time_in, low, sent_lemmas

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Nouns that name a kind of violence or repression, as items of a list.
EVENT_NOUNS: Final = frozenset(
    "murder killing assassination kidnapping abduction bombing attack explosion massacre "
    "arrest disappearance raid shooting ambush arson robbery looting torture execution "
    "violation harassment threat extortion sabotage crime slaying persecution "
    "repression detention seizure occupation takeover riot destruction burning "
    "terrorism atrocity abuse outrage".split())
# Entity labels that anchor a noun phrase to one incident: a place, a day, an hour, a count.
ANCHOR_ENTS: Final = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"})
PLACE_ENTS: Final = frozenset({"GPE", "LOC", "FAC"})
# Heads that count victims only roughly: "hundreds of Colombians were murdered".
ROUGH_COUNTS: Final = frozenset({"hundred", "hundreds", "thousand", "thousands", "million",
                                 "millions", "scores"})
# Bare nouns that name anyone: "guerrillas kidnap people".
ANYONE: Final = frozenset({"people", "persons", "person", "civilians", "citizens"})


def generic_talk(tok: Token) -> bool:
    """The event word tells of violence in general, as a figure or as an accident."""
    return (_listed_kind(tok) or _class_victims(tok) or _denounced_kind(tok)
            or _generic_clause(tok) or _act_as_such(tok) or _figurative(tok)
            or _accident(tok) or _charge(tok) or _conceded(tok) or _purpose_against_all(tok)
            or _asked(tok))


# --- helpers -----------------------------------------------------------------------------


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _conjuncts(first: Token) -> list[Token]:
    """The first word and every word coordinated under it, at any depth."""
    out: list[Token] = []
    todo = [first]
    while todo:
        cur = todo.pop()
        out.append(cur)
        todo.extend(c for c in cur.children if c.dep_ == "conj")
    return out


def _counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children)


def _bare(noun: Token) -> bool:
    """A bare plural or "people": no article, possessive or number makes it particular."""
    if noun.tag_ not in ("NNS", "NNPS") and low(noun) not in ANYONE:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or c.like_num for c in noun.children)


def _placed(sent: Span) -> bool:
    """A named place, or a name after "in", "at" or "near" (a new town may be untagged)."""
    return any(t.ent_type_ in PLACE_ENTS or t.pos_ == "PROPN" and t.dep_ == "pobj"
               and t.head.lower_ in ("in", "at", "near") for t in sent)


def _anchored(sent: Span) -> bool:
    """A fresh time, a number, a dated expression or a named place in the sentence ("his
    days are numbered" is no date)."""
    if fresh_time_in(sent):
        return True
    return any(t.like_num or t.ent_type_ in PLACE_ENTS or t.ent_type_ in ("DATE", "TIME")
               and low(t) in DATE_WORDS for t in sent)


DATE_WORDS: Final = frozenset(
    "january february march april may june july august september october november december "
    "week weekend dawn noon midnight".split())


# --- lists of kinds and classes of victims -------------------------------------------------

# Nouns under which an event noun is a trend or a kind: "the wave of crimes and attacks",
# "the industry of kidnapping", "the main tactics".
KIND_HEADS: Final = frozenset(
    "wave spate rash campaign form kind type escalation rise increase upsurge climate "
    "industry business trade problem phenomenon epidemic culture method tactic "
    "practice number rate level decrease reduction frequency statistic".split())


def _np_anchored(noun: Token) -> bool:
    """A fresh time in the sentence, or a number, date or place inside the noun phrase."""
    if fresh_time_in(noun.sent):
        return True
    doc = noun.doc
    return any(t.ent_type_ in ANCHOR_ENTS or t.like_num
               for t in doc[noun.left_edge.i: noun.right_edge.i + 1])


def _uncounted(noun: Token) -> bool:
    return not any(c.dep_ in ("nummod", "poss") or c.like_num for c in noun.children)


def _listed_kind(tok: Token) -> bool:
    """An event noun in a list that names kinds of violence: "the arrests, the bombings, the
    war parades and the harassment of the press", "kidnappings and extortion", "the wave of
    crimes and attacks" (not "two bombings and a shooting", nor "bombings and shootings
    today")."""
    if tok.pos_ != "NOUN":
        return False
    first = _first_conjunct(tok)
    items = [t for t in _conjuncts(first) if t.pos_ in ("NOUN", "PROPN")]
    if _under_kind_head(first) and (len(items) >= 2 or _plain(first)
                                    and low(first) in EVENT_NOUNS):
        return True  # "the wave of crimes and attacks", "to reduce the number of attacks"
    kinds = [t for t in items if low(t) in EVENT_NOUNS]
    if len(kinds) >= 2 and any(_other_kinds(t) for t in items):
        return not fresh_time_in(tok.sent)  # "their bombings and other atrocities"
    if len(kinds) < 2 or not all(_uncounted(t) for t in items):
        return False
    if len(items) > 2:
        return not any(_np_anchored(t) for t in items)
    if not all(t.tag_ == "NNS" or not any(c.dep_ == "det" for c in t.children)
               for t in items):
        return False  # "the kidnapping and murder of the mayor": one incident
    return not _anchored(tok.sent)


def _plain(noun: Token) -> bool:
    """"kidnapping", "attacks": no article, possessive or number."""
    return not any(c.dep_ in ("det", "poss", "nummod") or c.like_num for c in noun.children)


def _other_kinds(noun: Token) -> bool:
    """"and other atrocities": the list closes on a class, not on one more incident."""
    return noun.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ == "other"
                                      for c in noun.children) and not _counted(noun)


def _under_kind_head(noun: Token) -> bool:
    """"a wave of ...", "the number of ..." (not "a number of missiles": a quantity)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or low(prep.head) not in KIND_HEADS:
        return False
    return low(prep.head) != "number" or not any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in prep.head.children)


def _class_victims(tok: Token) -> bool:
    """An event noun whose victims are a class of people: "the murder and kidnapping of
    students, peasants and workers", "the killing of priests" (not "the killing of two
    priests", nor "the murder of peasants in Cali"). A participle on a class names a kind
    of victim too: "their murdered mayors and officials"."""
    if tok.tag_ == "VBN" and tok.dep_ == "amod" and all(
            c.dep_ in ("advmod", "npadvmod", "punct") for c in tok.children):
        noun = tok.head  # a true modifier ("murdered mayors"), not a misparsed verb
        return noun.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod") or c.like_num for c in noun.children) and \
            not _np_anchored(noun)
    if tok.pos_ != "NOUN":
        return False
    victims = _of_victims(tok) or _of_victims(_first_conjunct(tok))
    if not victims or not all(_huge(v) or low(v) in NATIONS or _bare(v) and (
            low(v) in CLASS_PEOPLE or v.ent_type_ == "NORP") for v in victims):
        return False
    if any(_huge(v) for v in victims):  # "the massacre of 70,000 Ruritanians"
        return not fresh_time_in(tok.sent) and not _placed(tok.sent)
    return not _np_anchored(_first_conjunct(tok))


# People named as a class: "the murder of students, peasants and workers" (and any people
# named by nationality or creed: "the killing of Ruritanians").
CLASS_PEOPLE: Final = frozenset(
    "student peasant worker farmer journalist newsman reporter priest nun missionary leader "
    "official civilian people person judge magistrate mayor politician teacher unionist "
    "activist child woman man citizen member personnel opponent villager labourer "
    "laborer".split())


# A whole people as victims even with an article: "the bombing of the Ruritanian people".
NATIONS: Final = frozenset({"people", "population", "nation"})


def _of_victims(noun: Token) -> list[Token]:
    """The "of" phrase of an event noun of harm, or the "against" phrase of a plural one
    ("attacks against the civilian population"); arrests keep their own rules."""
    if low(noun) not in EVENT_NOUNS or low(noun) in ("arrest", "detention"):
        return []
    preps = ("of", "against") if noun.tag_ == "NNS" else ("of",)
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


# --- clauses that tell a habit or a running summary ---------------------------------------


def _clause_verb(tok: Token) -> Token | None:
    """The verb itself, or the verb an event noun is the subject or object of."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    noun = _first_conjunct(tok)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def _auxes(verb: Token) -> set[str]:
    """The verb's auxiliaries, or those of the verb it is coordinated with ("are beaten and
    murdered")."""
    own = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return own
    return {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}


def _present_or_perfect(verb: Token) -> bool:
    """"kidnap", "are kidnapped", "have murdered", "have been exploded" (not "killed", "had
    killed", "are attacking", "will attack")."""
    auxes = _auxes(verb)
    if verb.tag_ in ("VBP", "VBZ"):
        return not auxes
    if verb.tag_ != "VBN":
        return False
    return bool(auxes & {"has", "have"}) or (bool(auxes) and auxes <= {"is", "are"})


def _victims(verb: Token) -> list[Token]:
    kids = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        kids += [c for c in verb.head.children if c.dep_ in ("nsubjpass",)]
    found = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    return [_first_conjunct(v) for v in found]


# Verbs of harm the clause rule reads; arrests, seizures of arms and deployments are coded
# by their own rules ("arms have been seized", "the army dispatched hundreds of troops").
HARM_VERBS: Final = frozenset(
    "kill murder massacre assassinate slay execute kidnap abduct torture attack bomb "
    "explode detonate shoot shell burn loot destroy raid ambush harass beat wound injure "
    "rape threaten dynamite machinegun strafe rob plunder behead lynch".split())


def _generic_clause(tok: Token) -> bool:
    """A present or perfect clause whose victims are a class, with no time, number or place
    ("guerrillas kidnap people", "journalists have been murdered", "they have murdered
    judges"); or any clause whose victims are counted only in hundreds or thousands
    ("hundreds of Colombians were murdered")."""
    verb = _clause_verb(tok)
    if verb is None or low(verb) not in HARM_VERBS:
        return False  # arrests, seizures and deployments keep their own rules
    victims = _victims(verb)
    if not victims:
        return False
    rough = [v for v in victims if low(v) in ROUGH_COUNTS and not _counted(v) or _huge(v)]
    if rough:
        return not fresh_time_in(tok.sent) and not _placed(tok.sent)
    if not _present_or_perfect(verb):
        return False
    perfect = bool(_auxes(verb) & {"has", "have"})
    if not all(_class_victim(v, perfect) for v in victims):
        return False
    return not _anchored(tok.sent)


def _class_victim(noun: Token, perfect: bool) -> bool:
    """"people", "judges"; "they" in the present ("they are murdered" is a habit; "they
    have been murdered" may tell of the people just named)."""
    if _pronoun(noun):
        return not perfect
    if perfect and _many(noun):
        return True  # "many brave Ruritanians have been murdered": a running summary
    return _bare(noun) and not (perfect and _named(noun))


ROUGH_QUANTIFIERS: Final = frozenset({"many", "countless", "numerous", "innumerable"})


def _many(noun: Token) -> bool:
    """People counted only as "many": "many brave Ruritanians", "countless peasants"."""
    return (low(noun) in CLASS_PEOPLE or noun.ent_type_ == "NORP") and _bare(noun) and any(
        c.dep_ in ("amod", "det") and c.lower_ in ROUGH_QUANTIFIERS for c in noun.children)


def _named(noun: Token) -> bool:
    """"Syrian government forces", "Jesuit priests": a modifier makes a perfect clause's
    victims a known group, as in a news lead ("Militants have attacked government forces")."""
    return any(c.dep_ in ("amod", "compound") for c in noun.children) or bool(noun.ent_type_)


def _pronoun(noun: Token) -> bool:
    return noun.lower_ in ("they", "them")


# Verbs whose bare plural object is violence spoken of: "constantly denouncing attacks".
TALK_VERBS: Final = frozenset(
    "denounce condemn reject repudiate deplore protest fear prevent avoid oppose justify "
    "tolerate stop end combat fight".split())


def _denounced_kind(tok: Token) -> bool:
    """A bare plural event noun that is the object of talk or of a fight against it ("who is
    constantly denouncing condemnations and attacks", "to stop kidnappings"): a kind."""
    noun = _first_conjunct(tok)
    if tok.pos_ != "NOUN" or noun.dep_ != "dobj" or low(noun.head) not in TALK_VERBS:
        return False
    return tok.tag_ == "NNS" and _bare(tok) and not _np_anchored(noun)


# Verbs whose "to" complement is an act done: "began to shoot", "continued to fire".
REALIS_GOVERNORS: Final = frozenset(
    "begin start continue resume proceed manage go try attempt keep".split())


def _act_as_such(tok: Token) -> bool:
    """An infinitive with no subject and no object names an act, not an incident: "no
    objective other than to continue to destroy, to assassinate" (not "began to shoot",
    nor "to kill the mayor")."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "auxpass")
                                 for c in tok.children):
        return False  # "the second newsman to be murdered this week" tells of a killing
    verb = tok
    while verb.dep_ == "xcomp" and low(verb.head) in REALIS_GOVERNORS and _to(verb.head):
        verb = verb.head  # "to continue to destroy"
    if not _to(verb) or verb.dep_ in ("acl", "relcl") or \
            verb.dep_ == "xcomp" and low(verb.head) in REALIS_GOVERNORS:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# --- figures of speech and accidents ------------------------------------------------------

# Adjectives that make an explosion or a clash a political figure: "the fascist explosion".
POLITICAL_MODIFIERS: Final = frozenset(
    "fascist communist social popular democratic revolutionary political economic cultural "
    "nationalist ideological institutional verbal diplomatic legal unpublicized".split())
# Abstract nouns an explosion can be "of": "this explosion of freedom".
ABSTRACT_NOUNS: Final = frozenset(
    "freedom liberty joy anger rage hope democracy creativity enthusiasm violence crime "
    "protest discontent demand price population".split())
# Parties that clash only in politics: "clashes between the administration and General X".
POLITICAL_PARTIES: Final = frozenset(
    "administration government cabinet congress parliament senate assembly ministry "
    "minister president party opposition court judiciary presidency church".split())
FIGURE_NOUNS: Final = frozenset({"explosion", "clash", "confrontation", "attack"})


def _figurative(tok: Token) -> bool:
    """"the fascist explosion", "this explosion of freedom", "clashes between the
    administration and General X", "verbal clashes", "plundering the country's natural
    resources", "the commission was an attack on the army", "the coffin they burned"."""
    if _wealth_plundered(tok) or _classified(tok) or _symbol_burned(tok):
        return True
    if tok.pos_ != "NOUN" or low(tok) not in FIGURE_NOUNS:
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in POLITICAL_MODIFIERS
           for c in tok.children):
        return True
    preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
    if low(tok) == "explosion" and "of" in preps:
        return any(low(t) in ABSTRACT_NOUNS for t in preps["of"].subtree)
    if "between" not in preps:
        return False
    sides = [t for g in preps["between"].children if g.dep_ == "pobj" for t in _conjuncts(g)]
    return bool(sides) and all(low(s) in POLITICAL_PARTIES or s.ent_type_ == "PERSON"
                               for s in sides)


# Goods taken only in a figure: "foreigners who are plundering our natural resources".
WEALTH_NOUNS: Final = frozenset(
    "resource wealth treasury fund coffer economy riches money budget heritage "
    "patrimony".split())
PLUNDER_VERBS: Final = frozenset({"plunder", "loot", "pillage", "sack", "rob", "ransack"})


def _wealth_plundered(tok: Token) -> bool:
    verb = tok if tok.pos_ == "VERB" else None
    if verb is None or low(verb) not in PLUNDER_VERBS:
        return False
    return any(c.dep_ == "dobj" and low(c) in WEALTH_NOUNS for c in verb.children)


# Things a speaker calls an attack: "the commission he created is an attack on the army".
CLASSIFIED_SUBJECTS: Final = frozenset(
    "commission law decision measure report statement speech phrase proposal plan policy "
    "decree ruling bill investigation article book film remark comment campaign "
    "accusation initiative reform".split())


def _classified(tok: Token) -> bool:
    if tok.pos_ != "NOUN" or tok.dep_ != "attr" or low(tok.head) != "be":
        return False
    subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(subj) and low(subj[0]) in CLASSIFIED_SUBJECTS


# Things burned as a symbol at a protest: "burned a coffin symbolizing the burial of X".
SYMBOLS: Final = frozenset(
    "effigy coffin flag portrait picture photo photograph poster banner image copy "
    "symbol puppet".split())


def _symbol_burned(tok: Token) -> bool:
    verb = tok if tok.pos_ == "VERB" else None
    if verb is None or low(verb) not in ("burn", "torch"):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and low(c) in SYMBOLS for c in verb.children)


# Words of an accident, and words that make it an attack after all.
ACCIDENT_CUES: Final = frozenset(
    "crash accident collision derail derailment leak spill boiler firework "
    "fireworks short-circuit".split())
# Crowds that act on an accident are events of their own: "residents rioted after a crash".
CROWD_WORDS: Final = frozenset(
    "protest protester demonstrate demonstration demonstrator rally march riot rioter mob "
    "lynch lynching clash".split())
ARMED_CUES: Final = frozenset(
    "bomb explosive dynamite grenade device attack attacker shoot shot gunman gunmen "
    "terrorist guerrilla rebel insurgent militant sabotage missile rocket plant planted "
    "claim responsibility assassin".split())


def _accident(tok: Token) -> bool:
    """Harm an accident did: "the cargo plane crashed into a residential area, destroying
    homes and killing 17 people", "explosions of the gases from the spilled fuel" (not "the
    plane crashed after guerrillas fired a missile at it", nor a bomb planted on a plane,
    nor a crowd's own acts: "residents rioted after the bus crash")."""
    if low(tok) in CROWD_WORDS:
        return False
    lemmas = sent_lemmas(tok.sent) | {t.lower_ for t in tok.sent}
    return bool(lemmas & ACCIDENT_CUES) and not lemmas & ARMED_CUES


# --- rhetoric: charges in progress, concessions and purposes ------------------------------

# A toll this large, told with no place and no fresh time, sums up a war: "massacred
# 70,000 Salvadorans".
HUGE_TOLL: Final = 1000


def _huge(noun: Token) -> bool:
    """"70,000 Ruritanians": victims counted in thousands, as a whole war's toll."""
    for c in noun.children:
        digits = c.text.replace(",", "")
        if c.dep_ == "nummod" and digits.isdigit() and int(digits) >= HUGE_TOLL:
            return True
    return False


# Victims that are a whole people, not one target: "the people", "our children".
WHOLE_PEOPLE: Final = CLASS_PEOPLE | frozenset(
    "people population nation masses child civilian citizen family poor youth".split())
# Words that make a present progressive a live report: "helicopters are now bombing".
LIVE_WORDS: Final = frozenset({"now", "moment", "currently", "presently", "minute"})
RELATIVE_PRONOUNS: Final = frozenset({"who", "that", "which", "whom"})
# Pronouns that name anyone at all: "to murder those who laid down their arms".
ANY_PRONOUNS: Final = frozenset({"those", "anyone", "everyone", "whoever"})


def _charge(tok: Token) -> bool:
    """A present progressive charge against a whole people, with no place, number or time:
    "the government is attacking the people", "the regime is killing our children", "the
    people, who are being attacked by terrorism" (not "helicopters are now bombing the
    northern neighbourhoods of X", nor "troops are shelling Tarvo")."""
    verb = _clause_verb(tok)
    if verb is None or low(verb) not in HARM_VERBS or not _progressive(verb):
        return False
    victims = [_antecedent(v) for v in _victims(verb)]
    if not victims or not all(_whole_people(v) for v in victims):
        return False
    return not _anchored(tok.sent) and not _live(tok.sent) and not _incident_named(tok.sent)


def _incident_named(sent: Span) -> bool:
    """"condemning the incident, he said the police is killing pilgrims": the charge is
    about one incident, told elsewhere or here."""
    return any(low(t) == "incident" for t in sent)


def _progressive(verb: Token) -> bool:
    """"is attacking", "are bombing", "are being attacked"."""
    auxes = _auxes(verb)
    if verb.tag_ == "VBG":
        return bool(auxes & {"is", "are", "am"})
    being = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)
    return verb.tag_ == "VBN" and being and bool(auxes & {"is", "are", "am"})


def _antecedent(noun: Token) -> Token:
    """"who" in "the people, who are being attacked" stands for "people"."""
    verb = noun.head
    if noun.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return noun


def _whole_people(noun: Token) -> bool:
    """A bare plural, or a whole people with at most an article or a possessive ("the
    people", "our children", "the civilian population"), uncounted and placeless."""
    if _counted(noun) or _np_anchored(noun):
        return False
    if _bare(noun) or noun.lower_ in ANY_PRONOUNS:
        return True
    if low(noun) in NATIONS:
        return True  # "the people", "the civilian population"
    return noun.tag_ in ("NNS", "NNPS") and (low(noun) in WHOLE_PEOPLE
                                             or noun.ent_type_ == "NORP")  # not "the leader"


def _people(noun: Token) -> bool:
    """Whole people only, not things: "those who ...", "Ruritanians" (not "burn injuries")."""
    kinds = WHOLE_PEOPLE | ANYONE
    return _whole_people(noun) and (low(noun) in kinds or noun.ent_type_ == "NORP"
                                    or noun.lower_ in ANY_PRONOUNS)


def _live(sent: Span) -> bool:
    return any(t.lower_ in LIVE_WORDS for t in sent)


def _conceded(tok: Token) -> bool:
    """An act granted in a "despite" phrase with no place, number or time of its own:
    "they support the rebels despite the air force bombing residential areas" (not
    "despite the bombing of Tarvo on Monday")."""
    prep = _despite(tok)
    if prep is None or fresh_time_in(tok.sent) or not _against_all(tok):
        return False
    return not any(t.ent_type_ in ANCHOR_ENTS or t.like_num for t in prep.subtree)


def _against_all(tok: Token) -> bool:
    """A bare plural act ("despite the riots"), or an act whose victims are a whole people
    or places in general ("bombing residential areas"); not "despite being mobbed"."""
    if tok.pos_ == "NOUN":
        return tok.tag_ == "NNS" and not _counted(tok)
    victims = [_antecedent(v) for v in _victims(tok)]
    return bool(victims) and all(_whole_people(v) for v in victims)


def _despite(tok: Token) -> Token | None:
    """The "despite" or "in spite of" above the word, within a few steps."""
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.lower_ == "despite" or cur.lower_ == "of" and cur.head.lower_ == "spite":
            return cur
        if cur.pos_ == "VERB" and cur.dep_ not in ("acl", "pcomp"):
            return None  # a clause of its own: "despite this, troops bombed Tarvo"
    return None


def _purpose_against_all(tok: Token) -> bool:
    """An infinitive of harm aimed at a whole people or at "those who ...": "doing all he
    can to murder those who laid down their arms" (a purpose or a charge, not an act done;
    not "began to shoot", nor "the second reporter to be murdered")."""
    verb = tok if tok.pos_ == "VERB" else None
    if verb is None or low(verb) not in HARM_VERBS:
        return False
    head = verb if _to(verb) else _first_conjunct(verb)  # "to boycott ... and to murder"
    if head.dep_ == "xcomp" and low(head.head) in REALIS_GOVERNORS and _to(head.head):
        head = head.head  # "aid to continue murdering Ruritanians"
    if not _to(head) or head.dep_ in ("acl", "relcl"):
        return False
    if head.dep_ == "xcomp" and low(head.head) in REALIS_GOVERNORS:
        return False
    victims = [_antecedent(v) for v in _victims(verb)]
    return bool(victims) and all(_people(v) for v in victims)


def _asked(tok: Token) -> bool:
    """A question asks, it reports nothing: "was it because the priests were communists
    that they were murdered?" (not one with a fresh time: "did troops shell X on Monday?")."""
    sent = tok.sent
    if not sent.text.rstrip(' "\'').endswith("?"):
        return False
    return not fresh_time_in(sent) and not any(t.like_num for t in sent)
