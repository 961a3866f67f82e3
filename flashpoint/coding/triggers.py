"""Sentence-level event detection: rules over lemmas and the dependency parse.

`detect(sent)` returns one `Trigger` per event word it recognises, typed with an ACLED
sub-event type. Triggers that are negated ("no attacks") or irrealis (threats, plans,
warnings, hypotheticals, "to deter further attacks") are returned with their flag set so
the coder can skip them; non-events (drills, sports, business, film and political
metaphors, abstract nouns such as "war" or "tensions") are not returned at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from . import taxonomy as tx
from .taxonomy import (
    ACCIDENT_WORDS, AIR_WORDS, ARMED_AGENTS, ATTACK_CUES, ATTACK_HEADS, CHEM_WORDS,
    CIVILIAN_WORDS, DISRUPT_VERBS, DRILL_WORDS, HQ_WORDS, IED_WORDS, IRREALIS_GOVERNORS,
    LABOUR_WORDS, METAPHOR_COLLOCATIONS, MILITARY_TARGETS, MISSILES_THROWN, MODALS,
    NONSTATE_AGENTS, NON_ATTACK_HEADS, OFF_DOMAIN, POLITICAL_ARENA, PROPERTY_WORDS,
    PROTESTER_WORDS, RECALL_WORDS, REGAIN_VERBS, SHELL_WORDS, STATE_AGENTS,
    STRIKE_IDIOM_OBJECTS, TERRITORY_VERBS, TERRITORY_WORDS, VIOLENCE_ANCHORS, VIOLENT_ACTS,
    WEAPON_OBJECTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word in a sentence. Offsets are character offsets into the doc text."""

    start: int
    end: int
    text: str
    sub_event_type: str
    score: float
    head_i: int  # doc index of the trigger's head token (for dependency look-ups)
    negated: bool = False
    irrealis: bool = False
    recalled: bool = False  # the sentence recalls an earlier event or an anniversary

    @property
    def event_type(self) -> str:
        return tx.event_type_of(self.sub_event_type)

    @property
    def factual(self) -> bool:
        return not (self.negated or self.irrealis)


def _low(tok: Token) -> str:
    """Lower-case lemma; a capitalised plural tagged as a name ("Protesters" after a
    dateline) is reduced to its singular."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and not tok.ent_type_ and lemma == tok.lower_ and \
            len(lemma) > 4 and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def _sent_lemmas(sent: Span) -> frozenset[str]:
    return frozenset(_low(t) for t in sent) | frozenset(t.lower_ for t in sent)


def _near(tok: Token, window: int = 3) -> list[Token]:
    """The token's children plus a small window of neighbours inside its sentence."""
    sent = tok.sent
    lo = max(sent.start, tok.i - window)
    hi = min(sent.end, tok.i + window + 1)
    return list(tok.children) + [tok.doc[i] for i in range(lo, hi) if i != tok.i]


def _near_lemmas(tok: Token, window: int = 3) -> set[str]:
    out: set[str] = set()
    for t in _near(tok, window):
        out.add(_low(t))
        out.update(part for part in t.lower_.split("-") if part)
    return out


def _subject(tok: Token) -> Token | None:
    """The grammatical subject of a verb (or of the verb a noun hangs off), or the
    agent of a passive ("by X")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:  # the one nearest the verb: "PUEBLA, Mexico — A mob beat ..."
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "conj" and verb.head is not verb:  # "... was hurled and exploded"
        return _subject(verb.head)
    return None


def _phrase_lemmas(tok: Token | None) -> set[str]:
    if tok is None:
        return set()
    return {_low(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}


def _objects(tok: Token) -> set[str]:
    """Lemmas of the object phrases of a verb or the "on/against" phrases of a noun."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            out |= _phrase_lemmas(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "in", "targeting"):
            out |= _phrase_lemmas(child)
    return out


def _weapon_type(lemmas: set[str] | frozenset[str]) -> str | None:
    """The Explosions/Remote violence sub-type implied by weapon words, most specific first."""
    if "water" in lemmas and "cannon" in lemmas:
        lemmas = set(lemmas) - {"cannon"}
    if lemmas & {"teargas", "tear"}:
        lemmas = set(lemmas) - {"shell", "cannon", "canister"}
    if lemmas & CHEM_WORDS and lemmas & {"attack", "weapon", "gas", "agent", "strike"}:
        return tx.CHEMICAL
    if "suicide" in lemmas or lemmas & {"vest", "belt"} and lemmas & {"explosive", "bomb"}:
        return tx.SUICIDE_BOMB
    if "grenade" in lemmas:
        return tx.GRENADE
    if lemmas & AIR_WORDS:
        return tx.AIR_STRIKE
    if lemmas & SHELL_WORDS:
        return tx.SHELLING
    if lemmas & (IED_WORDS - {"car", "device", "motorcycle", "parcel", "improvised", "roadside"}):
        return tx.IED
    return None


# --- rules ---------------------------------------------------------------------------------

Hit = tuple[str, float, int, int]  # sub-event type, score, first token index, last token index


def _span_with_compounds(tok: Token) -> tuple[int, int]:
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod") and child.i == first - 1:
            first = child.i
    return first, tok.i


def _rule_chemical(tok: Token) -> Hit | None:
    """chlorine / sarin / mustard / nerve agent / poison or toxic gas / chemical attack."""
    lemma = _low(tok)
    near = _near_lemmas(tok, 2)
    if lemma in ("chlorine", "sarin", "vx", "phosgene") or (
            lemma in ("gas", "agent", "weapon", "attack", "munition", "bomb", "shell",
                      "projectile", "barrel") and near & CHEM_WORDS) or (
            lemma == "mustard" and near & {"gas", "sulfur", "sulphur", "agent"}):
        if "leak" in _sent_lemmas(tok.sent) or "leakage" in _sent_lemmas(tok.sent):
            return None
        if near & {"tear", "teargas", "pepper"} or _low(tok.head) in {"ban", "treaty",
                                                                   "convention", "stockpile"}:
            return None
        return tx.CHEMICAL, 0.85, tok.i, tok.i
    return None


def _rule_weapon_nouns(tok: Token) -> Hit | None:
    lemma = _low(tok)
    if lemma in ("airstrike", "air-strike", "airstrikes", "air-raid"):
        return tx.AIR_STRIKE, 0.95, tok.i, tok.i
    if lemma in ("ied", "landmine", "vbied"):
        return tx.IED, 0.9, tok.i, tok.i
    if lemma == "grenade" and _near_lemmas(tok, 4) & {"throw", "hurl", "lob", "explode",
                                                     "attack", "hit", "blast", "toss"}:
        return tx.GRENADE, 0.85, tok.i, tok.i
    if lemma in ("shelling", "bombardment", "barrage") or (lemma == "shell" and tok.pos_ == "VERB"):
        return tx.SHELLING, 0.85, tok.i, tok.i
    if lemma in ("bombard",):
        kind = _weapon_type(_near_lemmas(tok, 4) | _phrase_lemmas(_subject(tok)))
        return kind or tx.SHELLING, 0.8, tok.i, tok.i
    return None


def _rule_weapon_fire(tok: Token) -> Hit | None:
    """Rockets/missiles/mortars fired, landing or hitting; chemical gas used."""
    lemma = _low(tok)
    if lemma not in SHELL_WORDS | {"gas", "chlorine", "sarin"} or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma == "cannon" and "water" in _near_lemmas(tok, 1):
        return None
    if lemma == "shell" and _near_lemmas(tok, 2) & {"teargas", "tear", "gas", "smoke"}:
        return None
    head = _low(tok.head)
    fire_verbs = {"fire", "launch", "land", "hit", "strike", "fall", "slam", "rain", "explode",
                  "kill", "target", "use", "drop", "impact", "pound", "shoot"}
    if head in fire_verbs or (tok.dep_ == "compound" and head in {"fire", "attack", "strike",
                                                                 "barrage", "salvo"}):
        if _low(tok.head) == "shoot" and "down" in {_low(c) for c in tok.head.children}:
            return None
        if lemma in ("gas", "chlorine", "sarin"):
            if lemma == "gas" and not _near_lemmas(tok, 3) & CHEM_WORDS:
                return None
            return tx.CHEMICAL, 0.8, tok.i, tok.i
        if lemma == "tank" and head not in {"fire", "shoot"}:
            return None
        return tx.SHELLING, 0.8, tok.i, tok.head.i if tok.head.i > tok.i else tok.i
    return None


VEHICLE_WORDS: Final = frozenset({"vehicle", "car", "bus", "minibus", "truck", "lorry", "van",
                                  "convoy", "tractor", "motorcycle"})


def _rule_attack_like(tok: Token) -> Hit | None:
    """attack / strike / raid / bombing / blast: typed by weapon words around them."""
    lemma = _low(tok)
    if lemma not in ATTACK_HEADS:
        return None
    if lemma == "strike" and _is_labour_strike(tok):
        return None
    if _low(tok.head) in NON_ATTACK_HEADS or any(_low(c) in NON_ATTACK_HEADS
                                                 for c in tok.children):
        return None
    if tok.dep_ in ("compound", "amod") and _low(tok.head) in AIR_WORDS | {"dog", "boat",
                                                                         "submarine", "aircraft"}:
        return None  # "attack helicopters", "attack dogs"
    if lemma == "strike" and tok.pos_ == "VERB" and _objects(tok) & STRIKE_IDIOM_OBJECTS:
        return None
    if lemma == "raid" and _sent_lemmas(tok.sent) & {"police", "arrest", "seize", "search",
                                                     "warrant", "detain", "drug"}:
        return None
    near = _near_lemmas(tok, 3) | {lemma}
    if tok.pos_ == "VERB":
        near |= _phrase_lemmas(_subject(tok))
        if lemma in ("strike", "hit") and _phrase_lemmas(_subject(tok)) & VEHICLE_WORDS and \
                _direct_objects(tok) & (IED_WORDS | {"mine", "device"}) - VEHICLE_WORDS:
            return tx.IED, 0.8, tok.i, tok.i  # "the vehicle struck the device"
    first, last = _span_with_compounds(tok)
    kind = _weapon_type(near)
    if lemma == "bomber" and "suicide" not in near:
        kind = tx.AIR_STRIKE if near & {"jet", "plane", "b-52", "aircraft"} else None
        if kind is None:
            return None
    if kind:
        return kind, 0.9, first, last
    return _untyped_attack(tok, lemma, first, last)


def _untyped_attack(tok: Token, lemma: str, first: int, last: int) -> Hit | None:
    if lemma in ("blast", "explosion", "explode") and _accidental(tok):
        return None
    if lemma == "blast" and tok.pos_ == "VERB":
        return None  # "he blasted the decision"
    if lemma in ("bombing", "blast", "explosion", "explode", "detonate", "bomb"):
        if lemma == "bomb" and tok.pos_ == "VERB":
            agent = _phrase_lemmas(_subject(tok))
            return (tx.AIR_STRIKE if agent & AIR_WORDS | STATE_AGENTS else tx.IED), 0.7, first, last
        return tx.IED, 0.65, first, last
    if lemma == "strike":
        return _strike_by_context(tok, first, last)
    if lemma == "ambush":
        return tx.ARMED_CLASH, 0.8, first, last
    if lemma == "massacre":
        return tx.ATTACK, 0.85, first, last
    crowd = _crowd_agent(tok)
    if crowd is not None:
        return crowd, 0.75, first, last
    targets = _objects(tok) | _near_lemmas(tok, 4)
    if targets & {"protester", "demonstrator", "protest"}:
        return tx.EXCESSIVE_FORCE, 0.6, first, last
    if targets & MILITARY_TARGETS and not targets & CIVILIAN_WORDS:
        return tx.ARMED_CLASH, 0.6, first, last
    return tx.ATTACK, 0.55, first, last


def _accidental(tok: Token) -> bool:
    """An industrial or traffic explosion, not an attack."""
    sent = _sent_lemmas(tok.sent)
    return bool(sent & ACCIDENT_WORDS) and not sent & ATTACK_CUES


def _crowd_agent(tok: Token) -> str | None:
    """A crowd attacking: protesters -> Violent demonstration, a mob -> Mob violence."""
    if tok.pos_ != "VERB":
        return None
    agent = _phrase_lemmas(_subject(tok))
    if agent & {"mob", "vigilante", "villager", "resident"}:
        return tx.MOB_VIOLENCE
    if agent & {"crowd", "protester", "demonstrator", "rioter", "youth", "student"}:
        return tx.VIOLENT_DEMO
    return None


def _strike_by_context(tok: Token, first: int, last: int) -> Hit | None:
    """A bare "strike": an air/drone strike when launched by or aimed at armed actors."""
    sent = _sent_lemmas(tok.sent)
    military = sent & (STATE_AGENTS | NONSTATE_AGENTS | {"target", "kill", "retaliatory",
                                                         "militia", "base", "pentagon"})
    if tok.pos_ == "VERB" and not military:
        return None
    if not military and not _near_lemmas(tok, 3) & {
            "launch", "carry", "conduct", "target", "hit", "kill", "destroy", "damage",
            "wound", "injure", "pound", "level", "flatten"}:
        return None
    return tx.AIR_STRIKE, 0.6, first, last


def _is_labour_strike(tok: Token) -> bool:
    near = _near_lemmas(tok, 4) | _sent_lemmas(tok.sent)
    return bool(near & LABOUR_WORDS) or "go" in {_low(tok.head)} or "strikers" in near


def _rule_labour_strike(tok: Token) -> Hit | None:
    if _low(tok) == "strike" and tok.pos_ == "NOUN" and _is_labour_strike(tok):
        return tx.PEACEFUL_PROTEST, 0.7, tok.i, tok.i
    return None


def _rule_clash(tok: Token) -> Hit | None:
    lemma = _low(tok)
    words = {"clash", "gunfight", "firefight", "shootout", "skirmish", "fighting",
             "gunbattle", "crossfire"}
    if lemma == "shoot" and tok.i + 2 < tok.sent.end and tok.nbor(1).text == "-" \
            and tok.nbor(2).lower_ == "out":
        lemma = "shootout"
    if lemma == "fight" and tok.tag_ == "VBG" and tok.dep_ not in ("amod", "compound") \
            and tok.pos_ != "VERB":
        lemma = "fighting"
    if lemma in ("fire", "exchange") and {"exchange", "exchanged", "fire", "gunfire"} & (
            _near_lemmas(tok, 2) - {lemma}):
        lemma = "clash"  # "exchanged fire", "a fire exchange"
    if lemma == "battle" and (_near_lemmas(tok, 1) & {"gun", "fierce", "heavy"}
                              or _sent_lemmas(tok.sent) & VIOLENCE_ANCHORS):
        lemma = "clash"
    if lemma not in words and lemma != "fight":
        return None
    if lemma == "fight":
        if tok.pos_ != "VERB" or not _phrase_lemmas(_subject(tok)) & (ARMED_AGENTS | STATE_AGENTS):
            return None
    context = _sent_lemmas(tok.sent)
    if lemma == "clash" and context & {"protester", "demonstrator", "rioter", "youth", "mob"}:
        return tx.VIOLENT_DEMO, 0.75, tok.i, tok.i
    return tx.ARMED_CLASH, 0.85, tok.i, tok.i


def _rule_territory(tok: Token) -> Hit | None:
    lemma = _low(tok)
    if lemma not in TERRITORY_VERBS or tok.pos_ != "VERB":
        return None
    objs = _direct_objects(tok) | {_low(c) for c in tok.children if c.dep_ == "prep"
                                   and c.lower_ == "of"}
    if lemma == "take" and not ({"control"} & objs or "over" in {c.lower_ for c in tok.children}):
        return None
    if lemma == "control" or (lemma in ("establish", "recover") and "control" not in objs):
        return None
    places = objs & TERRITORY_WORDS or _has_place_object(tok)
    if not places:
        return None
    state = _agent_is_state(tok)
    if lemma in REGAIN_VERBS:
        kind = tx.NSA_OVERTAKES if state is False else tx.GOV_REGAINS
    else:
        kind = tx.GOV_REGAINS if state else tx.NSA_OVERTAKES
    if "without" in _sent_lemmas(tok.sent) and {"fight", "resistance"} & _sent_lemmas(tok.sent):
        kind = tx.TERRITORY_TRANSFER
    return kind, 0.85, tok.i, tok.i


def _agent_is_state(tok: Token) -> bool | None:
    """True for state forces as subject ("government forces", "the army and allied
    fighters"), False for a non-state group, None when the subject says neither."""
    subj = _subject(tok)
    if subj is None:
        return None
    head = {_low(subj)} | {_low(c) for c in subj.children if c.dep_ in ("compound", "amod")}
    if head & {"paramilitary", "rebel", "insurgent", "militia", "opposition"}:
        return False
    if head & (STATE_AGENTS | {"government", "security", "federal", "national"}):
        return True
    if head & NONSTATE_AGENTS:
        return False
    phrase = _phrase_lemmas(subj)
    if phrase & STATE_AGENTS:
        return True
    return False if phrase & NONSTATE_AGENTS else None


def _has_place_object(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False


def _rule_violence_verbs(tok: Token) -> Hit | None:
    """kill / shoot / abduct / rape / loot ... with who did it to whom deciding the type."""
    lemma = _low(tok)
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    if lemma == "hostage" and _low(tok.head) not in ("take", "hold", "seize", "keep"):
        return None
    if lemma in ("abduct", "kidnap", "abduction", "kidnapping", "hostage"):
        return tx.ABDUCTION, 0.9, tok.i, tok.i
    if lemma == "disappear" and "forcibly" in _near_lemmas(tok, 2):
        return tx.ABDUCTION, 0.85, tok.i, tok.i
    if lemma in ("rape", "gang-rape") or tok.lower_ in ("raped", "rapes", "raping") or (lemma in ("violence", "assault", "abuse")
                                          and "sexual" in _near_lemmas(tok, 2)):
        return tx.SEXUAL_VIOLENCE, 0.9, tok.i, tok.i
    if lemma == "assault" and "sexually" in _near_lemmas(tok, 2):
        return tx.SEXUAL_VIOLENCE, 0.9, tok.i, tok.i
    if lemma in ("loot", "plunder", "pillage", "ransack", "looting", "raze"):
        return tx.LOOTING, 0.8, tok.i, tok.i
    if _sets_fire(tok):
        lemma = "burn"
    if lemma in ("burn", "torch", "destroy", "vandalize", "vandalise", "demolish") and \
            tok.pos_ == "VERB" and (_direct_objects(tok) | _objects(tok)) & PROPERTY_WORDS and \
            not _protest_context(tok) and not _subject_is_weapon(tok):
        return tx.LOOTING, 0.7, tok.i, tok.i
    if lemma in ("lynch", "lynching") or (lemma in ("beat", "kill", "attack", "burn")
                                          and "mob" in _phrase_lemmas(_subject(tok))):
        return tx.MOB_VIOLENCE, 0.85, tok.i, tok.i
    if lemma in ("kill", "shoot", "murder", "behead", "execute", "slaughter", "hack", "stab",
                 "assassinate", "massacre", "gun") and tok.pos_ == "VERB":
        return _killing(tok, lemma)
    if lemma == "open" and tok.pos_ == "VERB" and "fire" in {_low(c) for c in tok.children
                                                             if c.dep_ == "dobj"}:
        return _open_fire(tok)
    return None


def _open_fire(tok: Token) -> Hit:
    """"opened fire (on X)": on protesters = excessive force, on armed men = clash."""
    targets = set()
    for t in [tok] + [c for c in tok.children if c.dep_ == "dobj"]:
        targets |= {w for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
                    for w in _phrase_lemmas(c)}
    if targets & {"protester", "demonstrator", "crowd", "marcher"}:
        return tx.EXCESSIVE_FORCE, 0.85, tok.i, tok.i
    if targets & MILITARY_TARGETS and not targets & CIVILIAN_WORDS:
        return tx.ARMED_CLASH, 0.75, tok.i, tok.i
    return tx.ATTACK, 0.75, tok.i, tok.i


def _subject_is_weapon(tok: Token) -> bool:
    subj = _phrase_lemmas(_subject(tok))
    return bool(subj & (AIR_WORDS | SHELL_WORDS | IED_WORDS | ATTACK_HEADS | {"fire", "blaze"}))


def _killing(tok: Token, lemma: str) -> Hit | None:
    agent = _phrase_lemmas(_subject(tok))
    victims = _objects(tok)
    for conj in tok.children:  # "killed and wounded scores of terrorists"
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            victims |= _objects(conj)
    if lemma == "shoot" and "down" in {c.lower_ for c in tok.children}:
        if victims & (WEAPON_OBJECTS | AIR_WORDS):
            return tx.DISRUPTED_WEAPONS, 0.75, tok.i, tok.i
    if lemma == "gun" and "down" in {c.lower_ for c in tok.children}:
        agent = agent | {"gunman"}
    return _killing_typed(tok, agent, victims, lemma)


def _killing_typed(tok: Token, agent: set[str], victims: set[str],
                   lemma: str = "kill") -> Hit | None:
    if victims & {"protester", "demonstrator", "marcher"} or (
            tok.dep_ in ("relcl", "acl") and _low(tok.head) in {"protester", "demonstrator"}):
        return tx.EXCESSIVE_FORCE, 0.85, tok.i, tok.i
    crowd = _crowd_agent(tok)
    if crowd is not None:
        return crowd, 0.75, tok.i, tok.i
    if not agent & (ARMED_AGENTS | STATE_AGENTS | {"unknown", "suspected", "assailant"}):
        if lemma in ("assassinate", "behead", "massacre", "execute"):
            return tx.ATTACK, 0.7, tok.i, tok.i
        return None
    if lemma == "execute" and victims & {"plan", "order", "strategy", "warrant", "contract"}:
        return None
    if victims & MILITARY_TARGETS and not victims & CIVILIAN_WORDS:
        return tx.ARMED_CLASH, 0.65, tok.i, tok.i
    return tx.ATTACK, 0.75, tok.i, tok.i


def _rule_protest(tok: Token) -> Hit | None:
    lemma = _low(tok)
    if lemma == "in" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "sit":
        lemma = "sit-in"  # the tokenizer splits "sit-in"
    if lemma in ("protest", "demonstration", "rally", "sit-in", "march", "demonstrate",
                 "protester", "demonstrator", "picket", "vigil", "walkout"):
        return _protest(tok, lemma)
    if lemma in ("riot", "rioter", "rioting"):
        if tok.i + 1 < tok.sent.end and tok.nbor(1).text == "-":
            return None  # "riot-hit areas", "riot-affected districts": no new incident
        if _near_lemmas(tok, 1) & {"police", "gear", "squad", "shield", "act", "control"}:
            return None  # "riot police", "riot gear"
        return tx.VIOLENT_DEMO, 0.85, tok.i, tok.i
    if _violent_protest_act(tok, lemma):
        return tx.VIOLENT_DEMO, 0.75, tok.i, tok.i
    if lemma in INTERVENTION_WORDS and _protest_context(tok):
        if lemma in ("tear", "cannon", "rubber", "pepper") and not _near_lemmas(tok, 2) & {
                "gas", "water", "bullet", "teargas", "spray", "sprayed"}:
            return None
        if lemma == "break" and "up" not in _near_lemmas(tok, 2):
            return None
        return tx.PROTEST_INTERVENTION, 0.8, tok.i, tok.i
    return None


def _sets_fire(tok: Token) -> bool:
    """"set fire to", "set ablaze", "set alight"."""
    if _low(tok) != "set":
        return False
    return any(c.lower_ in ("fire", "ablaze", "alight") or c.lower_ == "on" and any(
        g.lower_ == "fire" for g in c.children) for c in tok.children)


def _violent_protest_act(tok: Token, lemma: str) -> bool:
    """Protesters throwing stones, torching, smashing: a violent demonstration; a protest
    described as violent."""
    if not _sent_lemmas(tok.sent) & (PROTESTER_WORDS | {"rioter", "mob", "youth"}):
        return False
    if lemma == "violent" and _low(tok.head) in PROTESTER_WORDS | {"march", "unrest"}:
        return True
    if _sets_fire(tok):
        lemma = "torch"
    if tok.pos_ != "VERB" or lemma not in VIOLENT_ACTS:
        return False
    agent = _phrase_lemmas(_subject(tok))
    if agent & (STATE_AGENTS | {"police", "policeman"}):
        return False
    return lemma in ("torch", "stone", "pelt", "vandalize", "vandalise", "smash") or bool(
        _direct_objects(tok) & MISSILES_THROWN) or bool(agent & PROTESTER_WORDS)


INTERVENTION_WORDS: Final = frozenset({
    "disperse", "tear", "cannon", "baton", "rubber", "teargas", "pepper", "suppress",
    "crackdown", "break", "drag", "pepper-spray",
})


def _protest_context(tok: Token) -> bool:
    return bool(_sent_lemmas(tok.sent) & (PROTESTER_WORDS | {"crowd", "march", "gathering"}))


def _protest(tok: Token, lemma: str) -> Hit | None:
    if tok.pos_ == "PROPN" or (lemma == "march" and tok.text[:1].isupper() and tok.i != tok.sent.start):
        return None  # the month of March, or a name
    near = _near_lemmas(tok, 3)
    if tok.pos_ == "VERB" and _agent_is_state(tok) is not None:
        return None  # "troops marched into the town"
    subj = _subject(tok)
    if subj is not None and (subj.ent_type_ in ("GPE", "NORP") or _low(subj) in {
            "government", "ministry", "embassy", "country", "state", "president"}):
        return None  # "Baghdad has protested against the strikes": a diplomatic protest
    if lemma == "rally" and (near & {"stock", "market", "share", "price", "index", "dollar"}
                             or tok.pos_ == "VERB" and not _sent_lemmas(tok.sent) & {
                                 "supporter", "protester", "thousand", "hundred", "crowd"}):
        return None
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr")
                                      for c in tok.children):
        return None  # "demonstrating a willingness to respond"
    if lemma in ("demonstration", "demonstrate") and (
            "of" in {c.lower_ for c in tok.children} or _objects(tok) & {
                "capability", "power", "strength", "force", "resolve", "commitment"}):
        return None
    if lemma in ("protester", "demonstrator"):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return None
        return tx.PEACEFUL_PROTEST, 0.55, tok.i, tok.i
    if lemma == "march" and (not _sent_lemmas(tok.sent) & (PROTESTER_WORDS | {
            "thousand", "hundred", "street", "supporter"}) or near & {"flag", "route"}):
        return None
    return tx.PEACEFUL_PROTEST, 0.8, tok.i, tok.i


def _rule_strategic(tok: Token) -> Hit | None:
    lemma = _low(tok)
    near = _near_lemmas(tok, 3)
    if lemma in ("arrest", "detain", "apprehend", "detention", "custody", "round"):
        return _arrest(tok, lemma, near)
    if lemma in ("ceasefire", "truce", "agreement", "accord", "deal", "treaty", "armistice"):
        return _agreement(tok, lemma, near)
    if lemma in ("establish", "set", "build", "open", "create", "erect") and tok.pos_ == "VERB":
        objs = _direct_objects(tok)
        if objs & HQ_WORDS and not objs & {"refugee", "idp", "displacement", "training"}:
            return tx.HQ_ESTABLISHED, 0.7, tok.i, tok.i
    if lemma in ("surrender", "swap") or (lemma == "exchange" and near & {"prisoner", "captive",
                                                                         "detainee", "body"}):
        if lemma != "surrender" or _phrase_lemmas(_subject(tok)) & (ARMED_AGENTS | NONSTATE_AGENTS):
            return tx.AGREEMENT, 0.7, tok.i, tok.i
    if lemma == "agree" and _sent_lemmas(tok.sent) & {"ceasefire", "truce", "talks", "peace",
                                                      "cease-fire", "exchange", "withdrawal"}:
        return tx.AGREEMENT, 0.7, tok.i, tok.i
    if lemma in ("withdraw", "pull", "evacuate", "leave", "retreat") and _peaceful_handover(tok):
        return tx.TERRITORY_TRANSFER, 0.65, tok.i, tok.i
    if lemma in ("enter", "occupy") and tok.pos_ == "VERB" and _unopposed(tok) and (
            _direct_objects(tok) & TERRITORY_WORDS or _has_place_object(tok)):
        return tx.TERRITORY_TRANSFER, 0.75, tok.i, tok.i
    if lemma in ("hand", "handover", "transfer", "cede") and near & {"over", "control"}:
        objs = _direct_objects(tok) | {w for c in tok.children if c.dep_ == "prep"
                                       and c.lower_ == "of" for w in _phrase_lemmas(c)}
        if objs & (TERRITORY_WORDS - {"control"}) or "control" in objs and objs & TERRITORY_WORDS:
            return tx.TERRITORY_TRANSFER, 0.7, tok.i, tok.i
    return _change_to_group(tok, lemma, near)


def _unopposed(tok: Token) -> bool:
    """"without a shot being fired", "without a fight", "without resistance", "peacefully"."""
    sent = _sent_lemmas(tok.sent)
    return ("without" in sent and bool(sent & {"shot", "fight", "fighting", "resistance",
                                                 "clash", "bloodshed"})) or "peacefully" in sent


def _peaceful_handover(tok: Token) -> bool:
    """Forces leaving a place without a fight or under a deal (not a battlefield retreat)."""
    sent = _sent_lemmas(tok.sent)
    if not sent & ({"without", "deal", "agreement", "handover", "hand", "peacefully",
                    "evacuation", "negotiate", "negotiated"}):
        return False
    if not _phrase_lemmas(_subject(tok)) & (ARMED_AGENTS | STATE_AGENTS | NONSTATE_AGENTS):
        return False  # "most of the population has left": people leaving is no handover
    from_place = any(c.lower_ in ("from", "out") for c in tok.children)
    return from_place or bool(sent & TERRITORY_WORDS)


def _rule_other(tok: Token) -> Hit | None:
    """A mass or clandestine grave found: ACLED's "Other" strategic development."""
    if _low(tok) == "grave" and _near_lemmas(tok, 1) & {"mass", "clandestine", "secret",
                                                        "unmarked", "common"}:
        verb = _verb_of(tok)
        if verb is not None and _low(verb) in {"find", "discover", "uncover", "exhume",
                                               "unearth", "locate", "report", "identify"}:
            return tx.OTHER, 0.7, tok.i, tok.i
    return None


def _arrest(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    if tok.pos_ == "VERB" and _agent_is_state(tok) is False:
        return tx.ABDUCTION, 0.6, tok.i, tok.i  # "the attackers rounded up residents"
    if _objects(tok) & {"protester", "demonstrator", "marcher", "activist"} or (
            tok.dep_ != "ROOT" and "demonstration" in _sent_lemmas(tok.sent)):
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


def _agreement(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    sent = _sent_lemmas(tok.sent)
    if lemma == "deal" and not near & {"peace", "ceasefire", "truce", "prisoner", "swap"}:
        return None
    if lemma in ("agreement", "accord", "treaty") and not (near | sent) & {
            "peace", "ceasefire", "truce", "sign", "security", "power-sharing", "reach"}:
        return None
    if lemma in ("agreement", "accord", "treaty", "deal") and sent & {
            "trade", "tariff", "company", "merger", "contract"}:
        return None
    if lemma in ("ceasefire", "truce") and (near & {"unilateral", "unilaterally"}
                                            or sent & {"declare", "announce"}
                                            and not sent & {"agree", "sign", "reach", "broker"}):
        return tx.CHANGE_GROUP, 0.65, tok.i, tok.i
    if lemma in ("ceasefire", "truce") and not sent & {"agree", "sign", "reach", "broker",
                                                       "accept", "agreement", "deal"}:
        return None
    return tx.AGREEMENT, 0.75, tok.i, tok.i


def _change_to_group(tok: Token, lemma: str, near: set[str]) -> Hit | None:
    if lemma in ("reinforce", "reinforcement") and _sent_lemmas(tok.sent) & {
            "army", "troops", "military", "soldier", "militia", "fighter", "rebel"}:
        return tx.CHANGE_GROUP, 0.5, tok.i, tok.i
    heads = {_low(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if lemma in ("form", "found", "set") and heads & {
            "militia", "group", "brigade", "unit", "battalion", "organisation", "organization",
            "movement", "wing", "faction"}:
        return tx.CHANGE_GROUP, 0.55, tok.i, tok.i
    if lemma in ("split", "splinter", "merge", "disband", "dissolve", "defect", "allegiance",
                 "rebrand", "unite") and _sent_lemmas(tok.sent) & (
            NONSTATE_AGENTS | {"party", "movement", "coalition", "commander", "faction",
                               "gang", "federation", "alliance"}):
        if lemma == "split" and tok.pos_ == "NOUN" and "second" in near:
            return None
        return tx.CHANGE_GROUP, 0.65, tok.i, tok.i
    if lemma in ("appoint", "name", "elect") and near & {"leader", "commander", "chief", "emir"}:
        if _sent_lemmas(tok.sent) & NONSTATE_AGENTS:
            return tx.CHANGE_GROUP, 0.6, tok.i, tok.i
    return None


def _rule_target(tok: Token) -> Hit | None:
    """"X (had) targeted / hit <place or base>" by a state or armed actor: an attack whose
    weapon the sentence does not name (the coder may type it from the running event)."""
    if _low(tok) not in ("target", "hit", "attack", "strike") or tok.pos_ != "VERB":
        return None
    agent = _subject(tok)
    if agent is None:
        return None
    agent_lemmas = _phrase_lemmas(agent)
    armed = agent_lemmas & (ARMED_AGENTS | STATE_AGENTS) or agent.ent_type_ in ("GPE", "NORP")
    if agent_lemmas & ATTACK_HEADS:
        return None
    objs = _objects(tok)
    weapon = _weapon_type(agent_lemmas)
    if weapon is not None:
        return weapon, 0.8, tok.i, tok.i
    if not armed:
        return None
    if not (objs & (TERRITORY_WORDS | MILITARY_TARGETS | CIVILIAN_WORDS | {"location", "site",
                                                                            "facility", "target"})
            or _has_place_object(tok)):
        return None
    if objs & MILITARY_TARGETS and not objs & CIVILIAN_WORDS:
        return tx.ARMED_CLASH, 0.5, tok.i, tok.i
    return tx.ATTACK, 0.45, tok.i, tok.i


def _direct_objects(tok: Token) -> set[str]:
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            out |= {_low(t) for t in child.subtree if t.dep_ in ("compound", "conj", "dobj",
                                                                 "nsubjpass", "pobj", "appos")
                    or t is child}
    return out


def _rule_disrupted(tok: Token) -> Hit | None:
    """Weapons seized, found, destroyed, defused or intercepted; a drone or missile shot down."""
    lemma = _low(tok)
    if tok.pos_ != "VERB":
        return None
    shot_down = lemma == "shoot" and "down" in {c.lower_ for c in tok.children}
    if lemma not in DISRUPT_VERBS and not shot_down:
        return None
    objs = _direct_objects(tok)
    if not objs & WEAPON_OBJECTS:
        return None
    if lemma == "detonate" and not _sent_lemmas(tok.sent) & {"controlled", "safely", "expert",
                                                            "sapper", "disposal"}:
        return None
    return tx.DISRUPTED_WEAPONS, 0.8, tok.i, tok.i


def _disrupted_object(tok: Token) -> bool:
    """A weapon word that is the thing seized/defused/intercepted, not an attack."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("dobj", "obj", "nsubjpass", "conj", "compound", "pobj", "prep",
                          "appos", "nmod", "amod"):
            return False
        t = t.head
        if t.pos_ == "VERB":
            return _rule_disrupted(t) is not None
    return False


RULES: Final = (
    _rule_disrupted,
    _rule_chemical,
    _rule_weapon_nouns,
    _rule_weapon_fire,
    _rule_labour_strike,
    _rule_attack_like,
    _rule_clash,
    _rule_territory,
    _rule_violence_verbs,
    _rule_protest,
    _rule_strategic,
    _rule_other,
    _rule_target,
)

# sub-event types a weak, weapon-less rule produced; the coder may retype them from context
GENERIC_SCORE: Final = 0.5


# --- filters ------------------------------------------------------------------------------

def _is_negated(tok: Token) -> bool:
    for t in (tok, tok.head):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
        if t.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "xcomp", "conj"):
            break
    return any(c.lower_ in ("no", "without") and c.i == tok.i - 1 for c in tok.sent)


def _is_irrealis(tok: Token) -> bool:
    """Modal, conditional, future or governed by a threat/plan/warning/deterrence word."""
    t, steps = tok, 0
    while steps < 5:
        for child in t.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "lest"):
                return True
        if steps > 0 and (_low(t) in IRREALIS_GOVERNORS or
                          _low(t) == "agree" and tok.pos_ == "VERB"):
            return True  # "agreed to withdraw their fighters" is a promise
        if t.head is t:
            break
        t, steps = t.head, steps + 1
    return _future_modifier(tok)


def _future_modifier(tok: Token) -> bool:
    owners = [tok] + ([tok.head] if tok.dep_ == "compound" else [])
    mods = {c.lower_ for t in owners for c in t.children if c.dep_ in ("amod", "advmod", "det")}
    return bool(mods & {"further", "future", "possible", "potential", "planned", "any"})


FICTION_WORDS: Final = frozenset({"film", "movie", "fictional", "novel", "episode", "screenplay",
                                  "trailer", "box-office", "videogame", "premiere", "sequel",
                                  "director", "viewer", "audience", "cinema", "soundtrack"})
VIOLENT_SUBTYPES: Final = frozenset(
    tx.TAXONOMY[tx.BATTLES] + tx.TAXONOMY[tx.EXPLOSIONS] + tx.TAXONOMY[tx.VAC])


def _is_off_domain(tok: Token, kind: str) -> bool:
    """Sports, business, film and political metaphors and drills with no sign of violence."""
    sent = _sent_lemmas(tok.sent)
    anchored = bool((sent - {"fire", "shot"}) & VIOLENCE_ANCHORS)
    if kind in VIOLENT_SUBTYPES and sent & POLITICAL_ARENA and not anchored:
        return True
    near = _near_lemmas(tok, 4) | {_low(tok)}
    for a, b in METAPHOR_COLLOCATIONS:
        if a in near and b in near:
            return True
    if sent & (DRILL_WORDS | FICTION_WORDS):
        return True
    return bool(sent & OFF_DOMAIN) and not anchored


DURATION_CUES: Final = frozenset({"since", "decade", "decades", "years", "months", "past",
                                  "ongoing", "repeatedly", "regularly", "often", "frequently",
                                  "dozens", "hundreds", "thousands", "scores", "numerous",
                                  "several", "many", "multiple"})


HABITUAL_ADVERBS: Final = frozenset({"frequently", "often", "regularly", "repeatedly",
                                     "routinely", "usually", "typically", "sometimes"})


def _verb_of(tok: Token) -> Token | None:
    """The token itself when a verb, else its nearest verb ancestor."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _is_habitual(tok: Token) -> bool:
    """Background, not an incident: "has killed thousands over the past decade", "attacks
    have continued", "has been fighting the army since 2023", "has seen heavy fighting"."""
    verb = _verb_of(tok)
    if verb is None:
        return False
    if {c.lower_ for c in verb.children if c.dep_ == "advmod"} & HABITUAL_ADVERBS:
        return True  # "Al-Shabaab frequently attacks hotels"
    if tok.tag_ == "NNS" and _sent_lemmas(tok.sent) & (HABITUAL_ADVERBS | {"year"}) and \
            verb.tag_ in ("VBP", "VBZ"):
        return True  # "Lynchings ... occur several times a year"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes and verb.dep_ in ("relcl", "acl"):
        return True  # "officers who had detained them": background detail
    perfect = bool(auxes & {"has", "have", "'ve"})
    if not perfect:
        return False
    if _sent_lemmas(tok.sent) & DURATION_CUES or verb.tag_ == "VBG":
        return True
    bare_plural = tok.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss") for c in tok.children)
    return bare_plural and tok.dep_ in ("nsubj", "dobj")


def _is_recalled(sent: Span) -> bool:
    lemmas = _sent_lemmas(sent)
    return bool(lemmas & RECALL_WORDS) or ("similar" in lemmas and "last" in lemmas)


# --- public API ------------------------------------------------------------------------------

def _first_hit(tok: Token) -> Hit | None:
    for rule in RULES:
        hit = rule(tok)
        if hit is not None:
            return hit
    return None


def _announced(tok: Token) -> bool:
    """"announced that they would merge": the announcement itself is the change."""
    return any(_low(a) in ("announce", "declare", "decide") for a in tok.ancestors)


def _make(sent: Span, tok: Token, hit: Hit, recalled: bool) -> Trigger:
    kind, score, first, last = hit
    doc = sent.doc
    first, last = min(first, tok.i), max(last, tok.i)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    negated = _is_negated(tok)
    irrealis = _is_irrealis(tok) and not (kind == tx.CHANGE_GROUP and _announced(tok))
    return Trigger(start, end, doc.text[start:end], kind, score, tok.i, negated, irrealis,
                   recalled)


def detect(sent: Span) -> list[Trigger]:
    """Event triggers in one sentence (negated/irrealis ones flagged, non-events dropped)."""
    recalled = _is_recalled(sent)
    found: list[Trigger] = []
    covered: set[int] = set()
    for tok in sent:
        if tok.i in covered or tok.is_punct:
            continue
        hit = _first_hit(tok)
        if hit is None or _is_off_domain(tok, hit[0]):
            continue
        if hit[0] in VIOLENT_SUBTYPES and _disrupted_object(tok) or _is_habitual(tok):
            continue
        trig = _make(sent, tok, hit, recalled)
        covered.update(range(hit[2], hit[3] + 1))
        found.append(trig)
    return _dedupe(found)


def _dedupe(triggers: Iterable[Trigger]) -> list[Trigger]:
    out: list[Trigger] = []
    for trig in triggers:
        if any(o.start < trig.end and trig.start < o.end for o in out):
            continue
        out.append(trig)
    return out


def detect_all(sents: Iterable[Span]) -> list[Trigger]:
    """`detect` over several sentences, in text order."""
    return [t for sent in sents for t in detect(sent)]
