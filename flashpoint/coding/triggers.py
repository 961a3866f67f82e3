"""Sentence-level event detection: rules over lemmas and the dependency parse.

`detect(sent)` returns one `Trigger` per event word it recognises, typed with an ACLED
sub-event type. Triggers that are negated ("no attacks") or irrealis (threats, plans,
warnings, hypotheticals, "to deter further attacks") are returned with their flag set so
the coder can skip them; non-events (drills, sports, business, film and political
metaphors, abstract nouns such as "war" or "tensions") are not returned at all. The
filters themselves live in `filters.py`; arrests told in the passive and people hurt with
no attacker named ("were held", "was stabbed") are read in `arrests.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from . import taxonomy as tx
from .arrests import hurt_on_purpose, rule_arrest
from .filters import (
    VIOLENT_SUBTYPES, agent_is_state, direct_objects, has_place_object, is_accidental,
    is_disaster, is_habitual, is_irrealis, is_negated, is_off_domain,
    is_recalled, is_reference, live_rounds, low, near_lemmas, objects, phrase_lemmas,
    protest_context, sent_lemmas, sets_fire, subject, weapon_type,
)
from .firing import rule_firing
from .nominal import attributed_only, talk_only
from .relevance import talked_about
from .strategic import (
    Hit, captured_person, handed_over, left_unopposed, rule_other, rule_strategic,
)
from .taxonomy import (
    AIR_WORDS, ARMED_AGENTS, ARSON_NOUNS, ATTACK_HEADS, CHEM_WORDS, CIVILIAN_WORDS, CLASH_WORDS,
    COMMUNAL_PARTIES, DISRUPT_VERBS, FIRE_VERBS, IED_WORDS, INTERVENTION_WORDS, LABOUR_WORDS,
    LETHAL_FORCE, MILITARY_TARGETS, MISSILES_THROWN, NON_ATTACK_HEADS, NONSTATE_AGENTS,
    NOT_TERRITORY, PLAN_WORDS, PROPERTY_WORDS, PROTESTER_WORDS, PUSHBACK_VERBS, REGAIN_VERBS,
    SEXUAL_QUALIFIED, SEXUAL_VIOLENCE_WORDS, SHELL_WORDS, STATE_AGENTS, STRIKE_IDIOM_OBJECTS,
    TERRITORY_VERBS, TERRITORY_WORDS, TURN_VERBS, VEHICLE_WORDS, VIOLENCE_ANCHORS, VIOLENT_ACTS,
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



# --- rules ---------------------------------------------------------------------------------



def _span_with_compounds(tok: Token) -> tuple[int, int]:
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod") and child.i == first - 1:
            first = child.i
    return first, tok.i


def _rule_chemical(tok: Token) -> Hit | None:
    """chlorine / sarin / mustard / nerve agent / poison or toxic gas / chemical attack."""
    lemma = low(tok)
    near = near_lemmas(tok, 2)
    if lemma in ("chlorine", "sarin", "vx", "phosgene") or (
            lemma in ("gas", "agent", "weapon", "attack", "munition", "bomb", "shell",
                      "projectile", "barrel") and near & CHEM_WORDS) or (
            lemma == "mustard" and near & {"gas", "sulfur", "sulphur", "agent"}):
        if "leak" in sent_lemmas(tok.sent) or "leakage" in sent_lemmas(tok.sent):
            return None
        if near & {"tear", "teargas", "pepper"} or low(tok.head) in {"ban", "treaty",
                                                                   "convention", "stockpile"}:
            return None
        return tx.CHEMICAL, 0.85, tok.i, tok.i
    return None


def _rule_weapon_nouns(tok: Token) -> Hit | None:
    lemma = low(tok)
    if lemma in ("airstrike", "air-strike", "airstrikes", "air-raid"):
        return tx.AIR_STRIKE, 0.95, tok.i, tok.i
    if lemma in ("ied", "landmine", "vbied"):
        return tx.IED, 0.9, tok.i, tok.i
    if lemma == "grenade" and near_lemmas(tok, 4) & {"throw", "hurl", "lob", "explode",
                                                     "attack", "hit", "blast", "toss"}:
        return tx.GRENADE, 0.85, tok.i, tok.i
    if lemma in ("shelling", "bombardment", "barrage") or (lemma == "shell" and tok.pos_ == "VERB"):
        if lemma == "bombardment" and near_lemmas(tok, 2) & AIR_WORDS:
            return tx.AIR_STRIKE, 0.85, tok.i, tok.i  # "aerial bombardments"
        return tx.SHELLING, 0.85, tok.i, tok.i
    if lemma in ("bombard",):
        kind = weapon_type(near_lemmas(tok, 4) | phrase_lemmas(subject(tok)))
        return kind or tx.SHELLING, 0.8, tok.i, tok.i
    return None


def _rule_weapon_fire(tok: Token) -> Hit | None:
    """Rockets/missiles/mortars fired, landing or hitting; chemical gas used."""
    lemma = low(tok)
    if lemma not in SHELL_WORDS | {"gas", "chlorine", "sarin"} or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma == "cannon" and "water" in near_lemmas(tok, 1):
        return None
    if lemma == "shell" and near_lemmas(tok, 2) & {"teargas", "tear", "gas", "smoke"}:
        return None
    verb = _quantity_head(tok).head
    head = low(verb)
    fired = any(c.dep_ == "acl" and low(c) in ("fire", "launch") for c in tok.children)
    # a missile "launch" or "fire" as a noun is no attack ("a rocket launch" is a test)
    fired_by = head in FIRE_VERBS and (verb.pos_ == "VERB" or head not in ("launch", "fire"))
    if fired_by or fired or (tok.dep_ == "compound" and head in {
            "fire", "attack", "strike", "barrage", "salvo"}):
        if head == "shoot" and "down" in {low(c) for c in verb.children}:
            return None
        if head in ("fire", "launch", "drop") and phrase_lemmas(subject(verb)) & AIR_WORDS:
            return tx.AIR_STRIKE, 0.8, tok.i, tok.i  # "jets fired a number of missiles"
        if lemma in ("gas", "chlorine", "sarin"):
            if lemma == "gas" and not near_lemmas(tok, 3) & CHEM_WORDS:
                return None
            return tx.CHEMICAL, 0.8, tok.i, tok.i
        if lemma == "tank" and head not in {"fire", "shoot"}:
            return None
        last = tok.head.i if tok.head.i > tok.i and not fired else tok.i
        return tx.SHELLING, 0.8, tok.i, last
    return None


def _quantity_head(tok: Token) -> Token:
    """"a number of missiles", "a barrage of rockets": the quantity noun stands in for them."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and low(tok.head.head) in {
            "number", "dozen", "volley", "salvo", "barrage", "series", "hail", "wave", "couple"}:
        return tok.head.head
    return tok


def _rule_attack_like(tok: Token) -> Hit | None:
    """attack / strike / raid / bombing / blast: typed by weapon words around them;
    "dynamited a bank" is a planted explosive."""
    lemma = low(tok)
    if lemma == "dynamite" and tok.pos_ == "VERB":
        return tx.IED, 0.8, tok.i, tok.i
    if lemma not in ATTACK_HEADS:
        return None
    if lemma == "strike" and _is_labour_strike(tok):
        return None
    if low(tok.head) in NON_ATTACK_HEADS or any(low(c) in NON_ATTACK_HEADS
                                                 for c in tok.children):
        return None
    if tok.dep_ in ("compound", "amod") and low(tok.head) in AIR_WORDS | {"dog", "boat",
                                                                         "submarine", "aircraft"}:
        return None  # "attack helicopters", "attack dogs"
    if lemma == "strike" and tok.pos_ == "VERB" and objects(tok) & STRIKE_IDIOM_OBJECTS:
        return None
    if lemma == "raid" and sent_lemmas(tok.sent) & {"police", "arrest", "seize", "search",
                                                     "warrant", "detain", "drug"}:
        return None
    near = near_lemmas(tok, 3) | {lemma} | _instrument_lemmas(tok)
    if tok.pos_ == "VERB":
        near |= phrase_lemmas(subject(tok))
        if lemma in ("strike", "hit") and phrase_lemmas(subject(tok)) & VEHICLE_WORDS and \
                direct_objects(tok) & (IED_WORDS | {"mine", "device"}) - VEHICLE_WORDS:
            return tx.IED, 0.8, tok.i, tok.i  # "the vehicle struck the device"
    first, last = _span_with_compounds(tok)
    kind = weapon_type(near)
    if lemma == "bomber" and "suicide" not in near:
        kind = tx.AIR_STRIKE if near & {"jet", "plane", "b-52", "aircraft"} else None
        if kind is None:
            return None
    if kind:
        return kind, 0.9, first, last
    return _untyped_attack(tok, lemma, first, last)


def _instrument_lemmas(tok: Token) -> set[str]:
    """Words of the phrases naming the means or the agent of an attack: "with hand grenades",
    "using mortars", "(raids) by army helicopters"."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "by", "using"):
            out |= phrase_lemmas(child)
    for verb in tok.sent:  # "they used mortars" anywhere in the sentence
        if verb.pos_ == "VERB" and low(verb) in ("use", "employ"):
            out |= direct_objects(verb)
    return out


def _untyped_attack(tok: Token, lemma: str, first: int, last: int) -> Hit | None:
    if lemma in ("blast", "explosion", "explode") and is_accidental(tok):
        return None
    if lemma == "blast" and tok.pos_ == "VERB":
        return None  # "he blasted the decision"
    if lemma in ("bombing", "blast", "explosion", "explode", "detonate", "bomb"):
        if lemma == "bomb" and tok.pos_ == "VERB":
            agent = phrase_lemmas(subject(tok))
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
    targets = objects(tok) or _after_lemmas(tok, 6) - phrase_lemmas(subject(tok))
    if not targets & (MILITARY_TARGETS | CIVILIAN_WORDS):  # no target named after it
        targets = near_lemmas(tok, 4) - phrase_lemmas(subject(tok)) - _attacker_words(tok)
    if targets & {"protester", "demonstrator", "protest", "rally", "marcher"}:
        by_state = tok.pos_ != "VERB" or agent_is_state(tok) is not False
        return (tx.EXCESSIVE_FORCE if by_state else tx.MOB_VIOLENCE), 0.6, first, last
    if _military_only(targets):
        return tx.ARMED_CLASH, 0.6, first, last
    return tx.ATTACK, 0.55, first, last



def _attacker_words(tok: Token) -> set[str]:
    """The words in front of an attack noun name who attacked, not the target: "a terrorist
    attack", "a rebel ambush", "a guerrilla raid"."""
    return {low(c) for c in tok.children if c.i < tok.i
            and c.dep_ in ("amod", "compound", "nmod", "poss")}


def _after_lemmas(tok: Token, window: int) -> set[str]:
    """Lemmas of the words just after a trigger: in English what was attacked follows it."""
    return {low(t) for t in tok.doc[tok.i + 1:min(tok.i + 1 + window, tok.sent.end)]}


def _crowd_agent(tok: Token) -> str | None:
    """A crowd attacking: protesters -> Violent demonstration, a mob -> Mob violence."""
    if tok.pos_ != "VERB":
        return None
    agent = phrase_lemmas(subject(tok))
    if agent & {"mob", "vigilante", "villager", "resident"}:
        return tx.MOB_VIOLENCE
    if agent & {"crowd", "protester", "demonstrator", "rioter", "youth", "student"}:
        return tx.VIOLENT_DEMO
    return None


def _strike_by_context(tok: Token, first: int, last: int) -> Hit | None:
    """A bare "strike": an air/drone strike when launched by or aimed at armed actors."""
    sent = sent_lemmas(tok.sent)
    military = sent & (STATE_AGENTS | NONSTATE_AGENTS | {"target", "kill", "retaliatory",
                                                         "militia", "base", "pentagon"})
    if tok.pos_ == "VERB" and not military:
        return None
    if not military and not near_lemmas(tok, 3) & {
            "launch", "carry", "conduct", "target", "hit", "kill", "destroy", "damage",
            "wound", "injure", "pound", "level", "flatten"}:
        return None
    return tx.AIR_STRIKE, 0.6, first, last


def _is_labour_strike(tok: Token) -> bool:
    near = near_lemmas(tok, 4) | sent_lemmas(tok.sent)
    return bool(near & LABOUR_WORDS) or "go" in {low(tok.head)} or "strikers" in near


def _rule_labour_strike(tok: Token) -> Hit | None:
    if low(tok) == "strike" and tok.pos_ == "NOUN" and _is_labour_strike(tok):
        return tx.PEACEFUL_PROTEST, 0.7, tok.i, tok.i
    return None


def _rule_clash(tok: Token) -> Hit | None:
    lemma = low(tok)
    if lemma == "shoot" and tok.i + 2 < tok.sent.end and tok.nbor(1).text == "-" \
            and tok.nbor(2).lower_ == "out":
        lemma = "shootout"
    if lemma == "fight" and tok.tag_ == "VBG" and tok.dep_ not in ("amod", "compound") \
            and tok.pos_ != "VERB":
        lemma = "fighting"
    if lemma in ("fire", "exchange") and {"exchange", "exchanged", "fire", "gunfire"} & (
            near_lemmas(tok, 2) - {lemma}):
        lemma = "clash"  # "exchanged fire", "a fire exchange"
    if lemma == "battle" and (near_lemmas(tok, 1) & {"gun", "fierce", "heavy"}
                              or sent_lemmas(tok.sent) & VIOLENCE_ANCHORS):
        lemma = "clash"
    if lemma not in CLASH_WORDS and lemma != "fight":
        return None
    if lemma == "fight":
        if tok.pos_ != "VERB" or not phrase_lemmas(subject(tok)) & (ARMED_AGENTS | STATE_AGENTS):
            return None
    context = sent_lemmas(tok.sent)
    if lemma == "clash" and context & {"protester", "demonstrator", "rioter", "youth", "protest",
                                       "demonstration"}:
        return tx.VIOLENT_DEMO, 0.75, tok.i, tok.i
    if lemma == "clash" and context & COMMUNAL_PARTIES and not context & (
            ARMED_AGENTS | STATE_AGENTS | NONSTATE_AGENTS | {"police", "gun"}) - {"group"}:
        return tx.MOB_VIOLENCE, 0.75, tok.i, tok.i  # "villagers clashed with sticks"
    return tx.ARMED_CLASH, 0.85, tok.i, tok.i


def _rule_territory(tok: Token) -> Hit | None:
    lemma = low(tok)
    if tok.pos_ == "VERB" and lemma in PUSHBACK_VERBS:
        return _pushed_out(tok, lemma)
    if lemma not in TERRITORY_VERBS or tok.pos_ != "VERB":
        return None
    objs = direct_objects(tok) | {w for c in tok.children if c.dep_ == "prep"
                                  and c.lower_ == "of" for w in phrase_lemmas(c)}
    if lemma == "take" and not ({"control"} & objs or "over" in {c.lower_ for c in tok.children}):
        return None
    if lemma == "gain" and not objs & {"control", "ground"}:
        return None
    if lemma == "gain" and "ground" in objs and phrase_lemmas(subject(tok)) & (
            ARMED_AGENTS | STATE_AGENTS | NONSTATE_AGENTS) - {"group", "force"}:
        objs = objs | {"area"}  # "rebels gained ground", not "the party gained ground"
    if lemma == "control" or (lemma in ("establish", "recover") and "control" not in objs):
        return None
    if lemma in REGAIN_VERBS and "ground" in objs:
        objs = objs | {"area"}  # "significant ground was regained"
    places = objs & (TERRITORY_WORDS - {"control"}) or has_place_object(tok) or (
        "control" in objs and not objs & NOT_TERRITORY)
    if not places:
        return None
    state = agent_is_state(tok)
    if lemma in REGAIN_VERBS:
        kind = tx.NSA_OVERTAKES if state is False else tx.GOV_REGAINS
    else:
        kind = tx.GOV_REGAINS if state else tx.NSA_OVERTAKES
    if "without" in sent_lemmas(tok.sent) and {"fight", "resistance"} & sent_lemmas(tok.sent) \
            or left_unopposed(tok.sent) or handed_over(tok.sent):
        kind = tx.TERRITORY_TRANSFER
    return kind, 0.85, tok.i, tok.i


def _pushed_out(tok: Token, lemma: str) -> Hit | None:
    """"troops drove the militants back from the village", "militants were pushed out of
    their strongholds": territory changing hands, typed by who was expelled."""
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if lemma in ("drive", "push", "flush") and not parts & {"back", "out"}:
        return None
    heads = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod")]
    froms = [c for h in heads for c in h.children
             if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    place = set().union(*(phrase_lemmas(c) for c in froms)) if froms else set()
    if not (place & TERRITORY_WORDS or any(t.ent_type_ in ("GPE", "LOC", "FAC")
                                           for c in froms for t in c.subtree)):
        return None
    expelled = set().union(*(phrase_lemmas(c) for c in tok.children
                             if c.dep_ in ("dobj", "nsubjpass")), set())
    if expelled & (NONSTATE_AGENTS | {"terrorist", "isil", "isis"}):
        return tx.GOV_REGAINS, 0.75, tok.i, tok.i
    if expelled & STATE_AGENTS:
        return tx.NSA_OVERTAKES, 0.75, tok.i, tok.i
    return None


def _rule_violence_verbs(tok: Token) -> Hit | None:
    """kill / shoot / abduct / rape / loot ... with who did it to whom deciding the type."""
    lemma = low(tok)
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    if lemma == "hostage" and low(tok.head) not in ("take", "hold", "seize", "keep"):
        return None
    if lemma in ("abduct", "kidnap", "abduction", "kidnapping", "hostage"):
        return tx.ABDUCTION, 0.9, tok.i, tok.i
    if lemma == "disappear" and "forcibly" in near_lemmas(tok, 2):
        return tx.ABDUCTION, 0.85, tok.i, tok.i
    if lemma in SEXUAL_VIOLENCE_WORDS or tok.lower_ in ("raped", "rapes", "raping") or (
            lemma in SEXUAL_QUALIFIED and near_lemmas(tok, 2) & {"sexual", "sexually"}):
        return tx.SEXUAL_VIOLENCE, 0.9, tok.i, tok.i
    if lemma in ("loot", "plunder", "pillage", "ransack", "looting", "raze"):
        return tx.LOOTING, 0.8, tok.i, tok.i
    if lemma in ARSON_NOUNS and tok.pos_ == "NOUN":
        return (tx.VIOLENT_DEMO if protest_context(tok) else tx.LOOTING), 0.7, tok.i, tok.i
    if sets_fire(tok):
        lemma = "burn"
    if lemma in ("burn", "torch", "destroy", "vandalize", "vandalise", "demolish") and \
            tok.pos_ == "VERB" and (direct_objects(tok) | objects(tok)) & PROPERTY_WORDS and \
            not protest_context(tok) and not _subject_is_weapon(tok):
        return tx.LOOTING, 0.7, tok.i, tok.i
    if hurt_on_purpose(tok, lemma):
        return _harmed(tok)
    if lemma in ("lynch", "lynching") or (lemma in ("beat", "kill", "attack", "burn")
                                          and "mob" in phrase_lemmas(subject(tok))):
        return tx.MOB_VIOLENCE, 0.85, tok.i, tok.i
    if lemma in ("kill", "shoot", "murder", "behead", "execute", "slaughter", "hack", "stab",
                 "assassinate", "massacre", "gun") and tok.pos_ == "VERB":
        return _killing(tok, lemma)
    if lemma == "open" and tok.pos_ == "VERB" and "fire" in {low(c) for c in tok.children
                                                             if c.dep_ == "dobj"}:
        return _open_fire(tok)
    return None


def _harmed(tok: Token) -> Hit:
    """Someone hurt on purpose (`arrests.hurt_on_purpose`): by the state at a protest, an
    intervention; else typed like a killing whose attacker may be unnamed."""
    if protest_context(tok) and agent_is_state(tok):
        return tx.PROTEST_INTERVENTION, 0.7, tok.i, tok.i  # "beat the marchers with sticks"
    return _killing_typed(tok, phrase_lemmas(subject(tok)) | {"unknown"}, direct_objects(tok)) \
        or (tx.ATTACK, 0.7, tok.i, tok.i)


def _open_fire(tok: Token) -> Hit:
    """"opened fire (on X)": on protesters = excessive force, on armed men = clash."""
    targets = set()
    for t in [tok] + [c for c in tok.children if c.dep_ == "dobj"]:
        targets |= {w for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "at")
                    for w in phrase_lemmas(c)}
    if targets & {"protester", "demonstrator", "crowd", "marcher"}:
        return tx.EXCESSIVE_FORCE, 0.85, tok.i, tok.i
    if _military_only(targets):
        return tx.ARMED_CLASH, 0.75, tok.i, tok.i
    return tx.ATTACK, 0.75, tok.i, tok.i


def _subject_is_weapon(tok: Token) -> bool:
    subj = phrase_lemmas(subject(tok))
    return bool(subj & (AIR_WORDS | SHELL_WORDS | IED_WORDS | ATTACK_HEADS | {"fire", "blaze"}))


def _killing(tok: Token, lemma: str) -> Hit | None:
    agent = phrase_lemmas(subject(tok))
    victims = objects(tok)
    for conj in tok.children:  # "killed and wounded scores of terrorists"
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            victims |= objects(conj)
    if tok.dep_ == "xcomp" and tok.tag_ == "VBN":  # "the plans are yet to be executed"
        victims |= phrase_lemmas(subject(tok.head))
    if lemma == "shoot" and "down" in {c.lower_ for c in tok.children}:
        if victims & (WEAPON_OBJECTS | AIR_WORDS):
            return tx.DISRUPTED_WEAPONS, 0.75, tok.i, tok.i
    if lemma == "gun" and "down" in {c.lower_ for c in tok.children}:
        agent = agent | {"gunman"}
    if lemma == "shoot" and "dead" in {c.lower_ for c in tok.children}:
        agent = agent | {"unknown"}  # "two men were shot dead": a killing whoever shot
        if tok.dep_ == "relcl":  # "terrorists who were shot dead"
            victims = victims | phrase_lemmas(tok.head)
    if agent & UNKNOWN_ATTACKERS or lemma == "shoot" and _passive(tok) and not agent:
        agent = agent | {"unknown"}  # "shot by unidentified men", "he was shot at"
    return _killing_typed(tok, agent, victims, lemma)


# what marks an attacker nobody has named: "several unidentified men", "masked men"
UNKNOWN_ATTACKERS: Final = frozenset({"unidentified", "unknown", "armed", "masked", "hooded"})


def _passive(tok: Token) -> bool:
    """"he was shot", "the nun who was shot", "a man shot at a checkpoint"."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("relcl", "acl")


# nouns that name a deliberate killing: "the assassination of the candidate", "last
# Thursday's murder of eight people" (not "murder charges" or "an assassination attempt")
KILLING_NOUNS: Final = frozenset({"murder", "assassination", "killing", "slaying"})


def _rule_killing_noun(tok: Token) -> Hit | None:
    if tok.tag_ != "NN" or low(tok) not in KILLING_NOUNS or tok.dep_ == "compound":
        return None  # plural "the Godhra killings" names a wave, not one incident
    if not any(c.dep_ in ("det", "poss", "nummod", "prep") for c in tok.children):
        return None  # bare "convicted of murder", "murder and extortion": the crime
    if _military_only(objects(tok)):
        return tx.ARMED_CLASH, 0.55, tok.i, tok.i  # "the killing of two soldiers"
    return tx.ATTACK, 0.6, tok.i, tok.i


def _killing_typed(tok: Token, agent: set[str], victims: set[str],
                   lemma: str = "kill") -> Hit | None:
    if victims & {"protester", "demonstrator", "marcher"} or (
            tok.dep_ in ("relcl", "acl") and low(tok.head) in {"protester", "demonstrator"}):
        return tx.EXCESSIVE_FORCE, 0.85, tok.i, tok.i
    crowd = _crowd_agent(tok)
    if crowd is not None:
        return crowd, 0.75, tok.i, tok.i
    if lemma == "execute" and victims & PLAN_WORDS:
        return None  # "the plans are yet to be executed"
    if not agent & (ARMED_AGENTS | STATE_AGENTS | {"unknown", "suspected", "assailant"}):
        if lemma in ("assassinate", "behead", "massacre", "execute", "murder"):
            return tx.ATTACK, 0.7, tok.i, tok.i
        return None
    if _military_only(victims):
        return tx.ARMED_CLASH, 0.65, tok.i, tok.i
    return tx.ATTACK, 0.75, tok.i, tok.i


def _rule_protest(tok: Token) -> Hit | None:
    lemma = low(tok)
    if lemma == "in" and tok.i >= 2 and tok.nbor(-1).text == "-" and \
            tok.nbor(-2).lower_ in ("sit", "die", "lie", "kneel"):
        lemma = "sit-in"  # the tokenizer splits "sit-in", "die-in"
    if lemma in ("protest", "demonstration", "rally", "sit-in", "march", "demonstrate",
                 "protester", "demonstrator", "picket", "vigil", "walkout"):
        return _protest(tok, lemma)
    if lemma in ("riot", "rioter", "rioting"):
        if tok.i + 1 < tok.sent.end and (tok.nbor(1).text == "-" or low(tok.nbor(1)) in {
                "affect", "affected", "hit", "torn", "prone", "stricken", "ravaged"}):
            return None  # "riot-hit areas", "riot affected districts": no new incident
        if near_lemmas(tok, 1) & {"police", "gear", "squad", "shield", "act", "control"}:
            return None  # "riot police", "riot gear"
        return tx.VIOLENT_DEMO, 0.85, tok.i, tok.i
    if _violent_protest_act(tok, lemma):
        return tx.VIOLENT_DEMO, 0.75, tok.i, tok.i
    if lemma in INTERVENTION_WORDS and protest_context(tok):
        if lemma in ("tear", "cannon", "rubber", "pepper") and not near_lemmas(tok, 2) & {
                "gas", "water", "bullet", "teargas", "spray", "sprayed"}:
            return None
        if lemma == "break" and "up" not in near_lemmas(tok, 2):
            return None
        if sent_lemmas(tok.sent) & LETHAL_FORCE or live_rounds(tok.sent):
            return tx.EXCESSIVE_FORCE, 0.8, tok.i, tok.i  # "violently dispersed", "live rounds"
        return tx.PROTEST_INTERVENTION, 0.8, tok.i, tok.i
    return None


def _violent_protest_act(tok: Token, lemma: str) -> bool:
    """Protesters throwing stones, torching, smashing: a violent demonstration; a protest
    described as violent."""
    if not sent_lemmas(tok.sent) & (PROTESTER_WORDS | {"rioter", "mob", "youth"}):
        return False
    if lemma in ("violent", "aggressive") and low(tok.head) in PROTESTER_WORDS | {"march",
                                                                              "unrest"}:
        return True
    if lemma in ("violence", "scuffle", "brawl", "melee") and (lemma != "violence" or any(
            low(a) in TURN_VERBS for a in list(tok.ancestors)[:6])):
        return True  # "the protest descended into violence", "scuffles with police"
    if sets_fire(tok):
        lemma = "torch"
    if tok.pos_ != "VERB" or lemma not in VIOLENT_ACTS:
        return False
    agent = phrase_lemmas(subject(tok))
    if agent & (STATE_AGENTS | {"police", "policeman"}) and not agent & PROTESTER_WORDS:
        return False  # police acting; an "anti-government protester" is no state agent
    return lemma in ("torch", "stone", "pelt", "vandalize", "vandalise", "smash") or bool(
        direct_objects(tok) & MISSILES_THROWN) or bool(agent & PROTESTER_WORDS)


def _protest(tok: Token, lemma: str) -> Hit | None:
    if tok.pos_ == "PROPN" or (lemma == "march" and tok.text[:1].isupper()
                               and tok.i != tok.sent.start):
        return None  # the month of March, or a name
    near = near_lemmas(tok, 3)
    if tok.pos_ == "VERB" and agent_is_state(tok) is not None:
        return None  # "troops marched into the town"
    subj = subject(tok)
    if subj is not None and (subj.ent_type_ in ("GPE", "NORP") or low(subj) in {
            "government", "ministry", "embassy", "country", "state", "president"}):
        return None  # "Baghdad has protested against the strikes": a diplomatic protest
    if tok.pos_ == "VERB" and subj is not None and subj.ent_type_ == "PERSON":
        return None  # "Owaisi protested the interruption": one person objecting
    if lemma == "rally" and sent_lemmas(tok.sent) & {"campaign", "election", "poll", "candidate"}:
        return None  # an election campaign rally
    if lemma == "rally" and (near & {"stock", "market", "share", "price", "index", "dollar"}
                             or tok.pos_ == "VERB" and not sent_lemmas(tok.sent) & {
                                 "supporter", "protester", "thousand", "hundred", "crowd"}):
        return None
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr")
                                      for c in tok.children):
        return None  # "demonstrating a willingness to respond"
    if lemma in ("demonstration", "demonstrate") and (
            "of" in {c.lower_ for c in tok.children} or objects(tok) & {
                "capability", "power", "strength", "force", "resolve", "commitment"}):
        return None
    if lemma in ("protester", "demonstrator"):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return None
        return tx.PEACEFUL_PROTEST, 0.55, tok.i, tok.i
    if lemma == "march" and (not sent_lemmas(tok.sent) & (PROTESTER_WORDS | {
            "thousand", "hundred", "street", "supporter"}) or near & {"flag", "route"}):
        return None
    return tx.PEACEFUL_PROTEST, 0.8, tok.i, tok.i


def _rule_target(tok: Token) -> Hit | None:
    """"X (had) targeted / hit <place or base>" by a state or armed actor: an attack whose
    weapon the sentence does not name (the coder may type it from the running event)."""
    if low(tok) not in ("target", "hit", "attack", "strike") or tok.pos_ != "VERB":
        return None
    agent = subject(tok)
    if agent is None:
        return None
    agent_lemmas = phrase_lemmas(agent)
    armed = agent_lemmas & (ARMED_AGENTS | STATE_AGENTS) or agent.ent_type_ in ("GPE", "NORP")
    if agent_lemmas & ATTACK_HEADS:
        return None
    objs = objects(tok)
    weapon = weapon_type(agent_lemmas)
    if weapon is not None:
        return weapon, 0.8, tok.i, tok.i
    if not armed:
        return None
    if not (objs & (TERRITORY_WORDS | MILITARY_TARGETS | CIVILIAN_WORDS | {"location", "site",
                                                                            "facility", "target"})
            or has_place_object(tok)):
        return None
    if _military_only(objs):
        return tx.ARMED_CLASH, 0.5, tok.i, tok.i
    return tx.ATTACK, 0.45, tok.i, tok.i


def _rule_disrupted(tok: Token) -> Hit | None:
    """Weapons seized, found, destroyed, defused or intercepted; a drone or missile shot down."""
    lemma = low(tok)
    if tok.pos_ != "VERB":
        return None
    shot_down = lemma == "shoot" and "down" in {c.lower_ for c in tok.children}
    if lemma not in DISRUPT_VERBS and not shot_down:
        return None
    objs = direct_objects(tok)
    if not objs & WEAPON_OBJECTS or captured_person(tok):
        return None
    if lemma in ("destroy", "target") and phrase_lemmas(subject(tok)) & AIR_WORDS:
        return tx.AIR_STRIKE, 0.8, tok.i, tok.i  # "jets destroyed weapon depots"
    if lemma == "detonate" and not sent_lemmas(tok.sent) & {"controlled", "safely", "expert",
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


def _rule_idioms(tok: Token) -> Hit | None:
    """"a mine went off", "bombers blew themselves up", "thousands took to the streets"."""
    lemma, parts = low(tok), {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if tok.pos_ != "VERB":
        return None
    if lemma == "blow" and "up" in parts and any(
            c.lower_ in ("themselves", "himself", "herself") for c in tok.children):
        return tx.SUICIDE_BOMB, 0.85, tok.i, tok.i
    if (lemma == "go" and "off" in parts) or (lemma == "blow" and "up" in parts):
        agent = phrase_lemmas(subject(tok)) | objects(tok)
        weapon = agent & (IED_WORDS | SHELL_WORDS | {"grenade", "kamikaze", "bomber", "shell"})
        return (weapon_type(agent) or tx.IED, 0.8, tok.i, tok.i) if weapon else None
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            low(g) == "street" for g in c.children) for c in tok.children):
        if agent_is_state(tok) is None:
            return tx.PEACEFUL_PROTEST, 0.7, tok.i, tok.i
    return None


RULES: Final = (
    _rule_disrupted,
    _rule_chemical,
    _rule_weapon_nouns,
    _rule_weapon_fire,
    _rule_labour_strike,
    _rule_idioms,
    _rule_attack_like,
    _rule_clash,
    _rule_territory,
    _rule_violence_verbs,
    _rule_killing_noun,
    rule_firing,
    _rule_protest,
    rule_strategic,
    rule_other,
    _rule_target,
    rule_arrest,
)

# sub-event types a weak, weapon-less rule produced; the coder may retype them from context
GENERIC_SCORE: Final = 0.5



# --- public API ------------------------------------------------------------------------------

def _military_only(targets: set[str] | frozenset[str]) -> bool:
    """Targets that are soldiers or military sites and no civilians: a clash, not an attack."""
    civilian = targets & CIVILIAN_WORDS
    if targets & {"military", "army"}:
        civilian = civilian - {"camp"}  # "a military camp" is no refugee camp
    return bool(targets & MILITARY_TARGETS) and not civilian


def _first_hit(tok: Token) -> Hit | None:
    for rule in RULES:
        hit = rule(tok)
        if hit is not None:
            return hit
    return None


def _announced(tok: Token) -> bool:
    """"announced that they would merge": the announcement itself is the change."""
    return any(low(a) in ("announce", "declare", "decide") for a in tok.ancestors)


def _modifier_only(tok: Token) -> bool:
    """A word that only modifies another noun: a weapon naming no act ("rocket launchers",
    "bomb squad", "bomb telephone lines"), or a modifier of an event noun that is itself
    background or talk ("a wave of bomb attacks")."""
    head = tok.head
    if tok.dep_ != "compound" or head.i <= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if is_habitual(head) or talked_about(head):
        return True  # "a wave of bomb attacks": the modifier shares its head's status
    return low(tok) in WEAPON_MODIFIERS and _first_hit(head) is None


# Weapon nouns that name an act only as the head of their phrase ("a bomb exploded").
WEAPON_MODIFIERS: Final = frozenset({"bomb", "grenade", "rocket", "missile", "mortar",
                                     "mine", "landmine", "dynamite", "explosive"})


def _make(sent: Span, tok: Token, hit: Hit, recalled: bool) -> Trigger:
    kind, score, first, last = hit
    doc = sent.doc
    first, last = min(first, tok.i), max(last, tok.i)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    negated = is_negated(tok)
    irrealis = is_irrealis(tok) and not (kind == tx.CHANGE_GROUP and _announced(tok))
    return Trigger(start, end, doc.text[start:end], kind, score, tok.i, negated, irrealis,
                   recalled)


def detect(sent: Span) -> list[Trigger]:
    """Event triggers in one sentence (negated/irrealis ones flagged, non-events dropped)."""
    recalled = is_recalled(sent)
    found: list[Trigger] = []
    covered: set[int] = set()
    for tok in sent:
        if tok.i in covered or tok.is_punct:
            continue
        hit = _first_hit(tok)
        if hit is None or is_off_domain(tok, hit[0]):
            continue
        if hit[0] in VIOLENT_SUBTYPES and _disrupted_object(tok) or is_habitual(tok):
            continue
        if attributed_only(tok) or is_disaster(tok) or not recalled and is_reference(tok):
            continue
        if _modifier_only(tok):
            continue
        trig = _make(sent, tok, hit, recalled)
        if not trig.irrealis and talk_only(tok):
            continue  # an irrealis word stays, flagged: "should direct the state to detain"
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
