"""Who acted and who was targeted: `assign_roles` reads actor1 (agent) and actor2 (target)
off the dependency parse around an event's triggers, with sentence-order fallbacks and the
rules for protests, territory changes, civilian victims and named perpetrators; inter codes
come from `actors.actor_inter_for_event`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as _replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..records import ActorMention
from . import speaker
from . import taxonomy as tx
from .role_model import RoleModel, role_features, role_model_for
from .spans import in_sents as _in_sents
from .taxonomy import PROTEST_FAMILY

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..pipeline import Analysis
    from .coder import Group


@dataclass(frozen=True)
class Roles:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    inter1: int | None = None
    inter2: int | None = None
    assoc1: tuple[ActorMention, ...] = ()
    assoc2: tuple[ActorMention, ...] = ()



def _is_modifier(text: str, actor: ActorMention) -> bool:
    """"al-Qaeda-linked", "Iran-backed": the named group only qualifies another."""
    return bool(re.match(r"-(linked|backed|affiliated|allied|aligned|inspired)", text[actor.end:]))



AGENT_PREPS = frozenset({"by"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "upon", "into", "from"})
TARGET_VERBS = frozenset({"target", "hit", "kill", "strike", "attack", "wound", "injure",
                          "pound", "bomb", "destroy", "abduct", "kidnap"})


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


# "attacked by land and air", "by surprise": "by" names the means, not the agent.
MEANS_WORDS = frozenset({"land", "air", "sea", "surprise", "night", "day", "mistake",
                         "accident", "force", "hand", "road", "helicopter", "plane", "car"})
# The subject of these verbs was attacked: "the guards repelled an attack".
REPEL_VERBS = frozenset({"repel", "repulse", "fend", "resist", "withstand"})
# The subject of these verbs stopped an attack and is neither side of it ("police foiled
# an attack on the market").
PREVENT_VERBS = frozenset({"thwart", "foil", "frustrate", "prevent", "avert"})


def _antecedent(subject: Token) -> Token:
    """"persons who threw a grenade": "who" stands for the noun it follows ("that" and
    "which" too often stand for a thing or an event)."""
    verb = subject.head
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head
    return subject


def _agent_pobjs(prep: Token) -> list[Token]:
    return [t for t in _pobjs(prep) if not _is_means(t)]


def _is_means(tok: Token) -> bool:
    """"by air", "by car"; not "by helicopters" or "by the army"."""
    bare = tok.tag_ != "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children)
    return bare and _low_lemma(tok) in MEANS_WORDS


def _verb_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    targets: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            agents.append(_antecedent(c))
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in AGENT_PREPS):
            agents.extend(_agent_pobjs(c))
        elif c.dep_ in ("dobj", "nsubjpass", "obj"):
            targets.append(c)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(_pobjs(c))
    return agents, targets


def _repelled(tok: Token) -> bool:
    """An attack noun that its target fended off ("X repelled an attack", "the attack was
    repulsed by X"): the verb's subject or "by" phrase was attacked, not the attacker."""
    verb = tok.head
    return tok.dep_ in ("dobj", "obj", "nsubjpass") and verb is not tok and \
        _low_lemma(verb) in REPEL_VERBS | PREVENT_VERBS and verb.pos_ in ("VERB", "AUX")


def _repelled_roles(tok: Token, agents: list[Token]) -> tuple[list[Token], list[Token]]:
    targets: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS | {"from"}:
            agents.extend(_agent_pobjs(c))
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(_pobjs(c))
    if _low_lemma(tok.head) in REPEL_VERBS:
        targets += [a for a in _verb_roles(tok.head)[0] if a is not tok]
    return agents, targets


# Nouns of violence whose "of" phrase names who suffered it ("the assassination of the
# mayor"; unlike "an attack of the rebels").
VICTIM_OF_NOUNS = frozenset({"murder", "killing", "assassination", "kidnapping", "abduction",
                             "massacre", "execution", "slaying", "torture", "disappearance",
                             "lynching", "beheading"})


def _noun_roles(tok: Token) -> tuple[list[Token], list[Token]]:
    """Roles of a noun trigger: "U.S. strike" / "Israel's strike", "by X", "against X", and
    the verb it hangs off ("X launched a strike against Y", "the strikes targeted Y")."""
    agents = [c for c in tok.children if c.dep_ in ("poss", "compound", "nmod", "amod")
              and c.pos_ in ("PROPN", "NOUN", "ADJ")]
    targets: list[Token] = []
    if _under_attack(tok):
        return _under_attack_roles(tok, agents)
    if _repelled(tok):
        return _repelled_roles(tok, agents)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
            agents.extend(_agent_pobjs(c))
        elif c.dep_ == "prep" and c.lower_ == "of" and _low_lemma(tok) in VICTIM_OF_NOUNS:
            targets.extend(_pobjs(c))  # "the murder of the priests"
        elif c.dep_ in ("acl", "relcl"):  # "shells fired by the RSF"
            agents.extend(a for a in _verb_roles(c)[0] if a.lower_ not in ("which", "that"))
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            targets.extend(_pobjs(c))
    verb = tok.head
    if verb is not tok and verb.pos_ in ("VERB", "AUX"):
        v_agents, v_targets = _verb_roles(verb)
        if tok.dep_ in ("dobj", "obj", "attr"):
            agents += [a for a in v_agents if a is not tok]
            targets += [t for t in v_targets if t is not tok]
        elif tok.dep_ in ("nsubj",) and _low_lemma(verb) in TARGET_VERBS:
            targets += [t for t in v_targets if t is not tok]
    return agents, targets


def _under_attack(tok: Token) -> bool:
    """"The patrol came under attack/fire from X": the subject was hit, X acted."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


def _under_attack_roles(tok: Token, agents: list[Token]) -> tuple[list[Token], list[Token]]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS | {"from"}:
            agents.extend(_pobjs(c))
    verb = tok.head.head
    targets = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return agents, targets


def _low_lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def role_tokens(tok: Token) -> tuple[list[Token], list[Token]]:
    if tok.pos_ in ("VERB", "AUX"):
        return _through_attack_nouns(*_verb_roles(tok))
    return _noun_roles(tok)


def _through_attack_nouns(agents: list[Token], targets: list[Token]
                          ) -> tuple[list[Token], list[Token]]:
    """An attack as the subject ("a rebel attack on an army base killed four soldiers")
    names its own attacker and target: its modifiers and "by" phrase act, its "on" phrase
    was hit."""
    out: list[Token] = []
    for agent in agents:
        if agent.pos_ == "NOUN" and _low_lemma(agent) in tx.ATTACK_HEADS:
            inner_agents, inner_targets = _noun_roles(agent)
            out.extend(inner_agents)
            targets = targets + inner_targets
        else:
            out.append(agent)
    return out, targets


def _actors_in(actors: list[ActorMention], phrase: Token,
               agent: bool = False) -> list[ActorMention]:
    """The actor mentions inside a role phrase, the one covering its head first
    ("Fighters of the Allied Democratic Forces": the fighters, then the ADF). An agent
    phrase ends before its relative clause ("the men who shot two soldiers": the men);
    a target's keeps it ("the devices that wounded two students")."""
    lo = phrase.left_edge.idx
    hi = phrase.right_edge.idx + len(phrase.right_edge.text)
    if agent:
        hi = min([hi, *(c.left_edge.idx for c in phrase.rights if c.dep_ == "relcl")])
    inside = [a for a in actors if lo <= a.start < hi]
    return sorted(inside, key=lambda a: (not a.start <= phrase.idx < a.end, a.start))


def _actor_in(actors: list[ActorMention], phrase: Token) -> ActorMention | None:
    found = _actors_in(actors, phrase)
    return found[0] if found else None


def _first_actor(actors: list[ActorMention], tokens: list[Token]) -> ActorMention | None:
    for tok in tokens:
        found = _actor_in(actors, tok)
        if found is not None:
            return found
    return None


def assign_roles(analysis: Analysis, own: list[Span], grp: Group,
                 country: str | None, role_model: str = "on") -> Roles:
    """actor1 = agent, actor2 = target, from the parse around the group's triggers; where the
    parse names neither, the role model (setting `coding.role_model`: on, off or a model file)
    ranks the sentence's actors, then sentence-order fallbacks; inter via
    `actor_inter_for_event` (state forces abroad = 8)."""
    assert analysis.doc is not None
    sources = analysis.attributions
    actors = [a for a in _in_sents(analysis.actors, own)
              if not any(s.start <= a.start < s.end for s in sources)  # "police said"
              and not _speaks(analysis.doc, a)]
    actor1, actor2, agents = _parse_roles(analysis, actors, grp)
    main_sent = analysis.doc[grp.main.head_i].sent
    nearby = [a for a in actors if main_sent.start_char <= a.start < main_sent.end_char]
    model = role_model_for(role_model)
    if model is not None:
        actor1, actor2 = _model_roles(analysis, model, nearby, grp, actor1, actor2)
    actor1, actor2 = _fallback_roles(nearby, grp, actor1, actor2)
    if actor2 is not None and any(a.start == actor2.start for a in agents):
        actor2 = None  # part of the agent's phrase: "terrorists of the FMLN" are one party
    if actor2 is None and grp.sub_event_type in TERRITORY_CHANGE:
        actor2 = _opposing_force(actors, actor1)
    if actor1 is None or _is_generic(actor1):
        actor1 = _named_perpetrator(analysis, grp, own) or actor1
    if actor1 is None:
        actor1 = _demonym_forces(analysis, grp)
    actor1 = actor1 or speaker.stated_attacker(analysis, grp, actor1, actor2)
    if actor2 is None and grp.sub_event_type in CIVILIAN_TARGETED:
        actor2 = _civilian_victims(analysis, own, grp, country)
    if actor2 is None and actor1 is not None and grp.sub_event_type in TWO_SIDED and \
            _same_kind_both_sides(analysis, grp):
        actor2 = actor1  # "two rival clan militias signed", "clashes between the two clans"
    if grp.sub_event_type in PROTEST_FAMILY - {tx.ARRESTS}:
        actor1, actor2 = _protest_roles(actors, grp, actor1, actor2, country)
    assoc1 = _associates(actors, actor1, actor2, grp)
    return Roles(actor1, actor2, _inter(actor1, country), _inter(actor2, country), assoc1)


_NP_START = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "auxpass"})


def _subject_by_position(doc: Doc, actors: list[ActorMention],
                         verb_i: int) -> ActorMention | None:
    """English puts the agent right before an active verb: when the parse gives a verb
    trigger no subject ("helicopters and an airplane bombed rebel positions" read as a noun
    phrase), the actor that ends just before it acts, if the verb takes an object after it
    (only "by land and air"-like means between): a bare participle ("soldiers killed in an
    ambush") is passive."""
    verb = doc[verb_i]
    if verb.pos_ != "VERB" or any(c.dep_ in _SUBJECT_DEPS and not _means_agent(c)
                                  for c in verb.children):
        return None
    if not _object_follows(doc, verb_i):
        return None
    before = [t for t in doc[verb.sent.start : verb_i] if not t.is_space]
    while before and (before[-1].pos_ in ("ADV", "AUX") or before[-1].lower_ == "also"):
        before.pop()
    if not before:
        return None
    last = before[-1]
    found = [a for a in actors if a.start <= last.idx < a.end and a.inter != 7]
    return found[0] if found else None


def _means_agent(child: Token) -> bool:
    """"by land and air": an agent phrase that names only the means."""
    objs = _pobjs(child)
    return child.dep_ == "agent" and bool(objs) and not _agent_pobjs(child)


def _object_follows(doc: Doc, verb_i: int) -> bool:
    i = verb_i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].pos_ == "ADV"):
        i += 1
    if i < len(doc) and doc[i].lower_ == "by":  # skip "by land and air"
        i += 1
        while i < len(doc) and (_is_means(doc[i]) or doc[i].lower_ in ("and", "or", ",")):
            i += 1
        if i == verb_i + 2:
            return False
    nxt = doc[i] if i < len(doc) else None
    return nxt is not None and (nxt.pos_ in _NP_START or nxt.dep_ == "amod") and \
        nxt.lower_ not in ("that", "this")


ROLE_MIN = 0.5  # the role model fills a role only at this probability (and above "neither")


def _model_roles(analysis: Analysis, model: RoleModel, actors: list[ActorMention], grp: Group,
                 actor1: ActorMention | None, actor2: ActorMention | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """Roles the parse left empty, from the role model over the trigger sentence's actors
    (protests keep their own rules; one-sided events get no target)."""
    assert analysis.doc is not None
    if grp.sub_event_type in PROTEST_FAMILY or (actor1 is not None and actor2 is not None):
        return actor1, actor2
    trigger = analysis.doc[grp.main.head_i]
    family = tx.event_type_of(grp.sub_event_type)
    scored: list[tuple[ActorMention, dict[str, float]]] = []
    for actor in actors:
        span = analysis.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None:
            feats = role_features(trigger, span, actor.inter, family)
            scored.append((actor, model.probabilities(feats)))
    if actor1 is None:
        actor1 = _named_within(analysis.doc, actors, _most_probable(scored, "actor1", actor2))
    if actor2 is None and grp.sub_event_type not in ONE_SIDED:
        actor2 = _named_within(analysis.doc, actors, _most_probable(scored, "actor2", actor1))
    return actor1, actor2


def _named_within(doc: Doc, actors: list[ActorMention],
                  actor: ActorMention | None) -> ActorMention | None:
    """The most specific actor of the chosen one's phrase, as for parse roles ("the
    attackers, believed to be Fulani herdsmen": the herdsmen)."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor else None
    if span is None:
        return actor
    return _most_specific(_actors_in(actors, span.root)) or actor


def _most_probable(scored: list[tuple[ActorMention, dict[str, float]]], role: str,
                   other: ActorMention | None) -> ActorMention | None:
    fit = [(probs[role], actor) for actor, probs in scored
           if actor.name != _name(other) and probs[role] >= max(ROLE_MIN, probs["neither"])]
    return max(fit, key=lambda pair: pair[0])[1] if fit else None


SPEECH_VERBS = frozenset({"say", "tell", "report", "confirm", "add", "state", "announce",
                          "claim", "deny", "allege", "accuse", "describe"})


def _speaks(doc: Doc, actor: ActorMention) -> bool:
    """"a community leader and police said": the actor is a source speaking, not a party."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _parse_roles(analysis: Analysis, actors: list[ActorMention], grp: Group
                 ) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
    """Agents and targets of every trigger of the group (main trigger first); a named group
    ("JNIM attacked the base") wins over a generic one ("militants attacked"). Also returns
    the actors of the agent phrase actor1 came from (not those of another trigger's agent:
    helicopters fired "at the guerrilla columns that attacked the town")."""
    assert analysis.doc is not None
    phrases: list[list[ActorMention]] = []
    targets: list[ActorMention] = []
    ordered = [grp.main] + [t for t in grp.triggers if t is not grp.main]
    for trig in ordered:
        agent_toks, target_toks = role_tokens(analysis.doc[trig.head_i])
        phrases += [_actors_in(actors, t, agent=True) for t in agent_toks]
        targets += [a for t in target_toks for a in _actors_in(actors, t)]
        if trig is grp.main and not any(phrases):  # the main verb's subject by position
            found = _subject_by_position(analysis.doc, actors, trig.head_i)
            phrases += [[found]] if found is not None else []
    agents = [a for phrase in phrases for a in phrase]
    actor1 = _most_specific(agents)
    others = [a for a in targets if a.name != _name(actor1)]
    if actor1 is not None:  # the other side first: a clash is between different actors
        others.sort(key=lambda a: a.inter == actor1.inter)
    actor2 = _most_specific(others)
    own = next((p for p in phrases if actor1 is not None and actor1 in p), [])
    return actor1, actor2, own


CIVILIAN_TARGETED = frozenset(tx.TAXONOMY[tx.EXPLOSIONS] + tx.TAXONOMY[tx.VAC]
                              + (tx.MOB_VIOLENCE,))
CIVILIAN_OBJECTS = frozenset({
    "apartment", "building", "residential", "bus", "minibus", "vendor", "shop", "home", "house",
    "market", "village", "school", "hospital", "church", "mosque", "neighbourhood",
    "neighborhood", "civilian", "people", "resident", "villager", "woman", "child", "man",
    "passenger", "worker", "farmer", "peasant", "student", "worshipper", "family", "camp",
    "tent", "town", "city", "restaurant", "hotel", "cafe", "diner", "shopper", "pedestrian",
    # people by an unarmed calling ("the Jesuit priests", "a union leader", "a journalist")
    "priest", "jesuit", "nun", "bishop", "archbishop", "journalist", "reporter",
    "photographer", "teacher", "professor", "lawyer", "doctor", "nurse", "businessman",
    "merchant", "trader", "driver", "watchman", "beggar", "unionist", "activist",
    "politician", "candidate", "leader", "monsignor", "missionary", "cattleman", "rancher",
})


TWO_SIDED = frozenset({tx.AGREEMENT, tx.ARMED_CLASH, tx.MOB_VIOLENCE})


def _same_kind_both_sides(analysis: Analysis, grp: Group) -> bool:
    assert analysis.doc is not None
    sent = analysis.doc[grp.main.head_i].sent.text.lower()
    return bool(re.search(r"\b(rival|between the two|both sides|two sides|each other)\b", sent))


ARMED_WORDS = frozenset({"soldier", "troop", "fighter", "militant", "police", "policemen",
                         "officer", "member", "army", "militiamen", "gunmen", "rebel"})


def _without_sources(analysis: Analysis) -> str:
    """The text with attributions blanked ("police said" names no victim)."""
    text = analysis.article.text
    for att in analysis.attributions:
        text = text[:att.start] + " " * (att.end - att.start) + text[att.end:]
    return text


def _words(text: str) -> set[str]:
    """Lower-case words and naive singulars; "rebel-held" describes a place, not victims."""
    text = re.sub(r"\w+-(held|controlled|occupied|run)\b", " ", text.lower())
    words = set(re.findall(r"[a-z]+", text))
    return words | {w[:-1] for w in words if w.endswith("s")}


BLAME_VERBS = frozenset({"blame", "accuse", "suspect", "attribute"})


def _named_perpetrator(analysis: Analysis, grp: Group, own: list[Span]) -> ActorMention | None:
    """A named armed group the report ties to unnamed attackers: "the spokesman blamed
    Boko Haram militants", "the gang members, part of the Viv Ansanm coalition"."""
    assert analysis.doc is not None
    sents = list(analysis.doc.sents)
    first = analysis.doc[grp.main.head_i].sent.start
    last = max(s.end for s in own)
    nearby = [s for s in sents if s.start >= first and s.start <= last + 60][:6]
    armed = [a for a in _in_sents(analysis.actors, nearby)
             if a.inter in (2, 3, 4) and a.known and not _is_generic(a)
             and not _is_modifier(analysis.doc.text, a)]
    for actor in armed:
        span = analysis.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        heads = [span.root] + list(span.root.ancestors)[:3]
        if any(h.lemma_.lower() in BLAME_VERBS for h in heads) or any(
                h.lower_ == "of" and h.head.lower_ in ("part", "members", "member", "fighters")
                for h in heads):
            return actor
    return None


def _demonym_forces(analysis: Analysis, grp: Group) -> ActorMention | None:
    """"A Russian missile", "Israeli jets struck": the forces of that country."""
    assert analysis.doc is not None
    from ..countries import iso2_from_demonym
    from .actors import default_dictionary

    tok = analysis.doc[grp.main.head_i]
    holders = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for holder in holders:
        for mod in holder.children:
            iso2 = iso2_from_demonym(mod.text) if mod.dep_ in ("amod", "compound") else None
            if iso2:
                name = default_dictionary().state_name("military", iso2)
                return ActorMention(mod.idx, mod.idx + len(mod.text), mod.text, name, 1, iso2,
                                    known=False)
    return None


def _civilian_victims(analysis: Analysis, own: list[Span], grp: Group,
                      country: str | None) -> ActorMention | None:
    """Civilians (Country) when the event hit people or civilian places and no armed
    target is named."""
    assert analysis.doc is not None
    from ..countries import country_display_name

    tok = analysis.doc[grp.main.head_i]
    holders = [tok] + [a for a in tok.ancestors if a.pos_ == "VERB"][:1]
    target_toks = [t for h in holders for t in role_tokens(h)[1]]
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in target_toks]
    main_sent = analysis.doc[grp.main.head_i].sent
    for t in _in_sents(analysis.tolls, own):
        if t.side == "victim" and t.kind in ("killed", "injured", "kidnapped"):
            # "killing at least nine" names no one: the sentence says who was hit
            spans.append((t.start, t.end) if _words(t.text) & CIVILIAN_OBJECTS
                         else (main_sent.start_char, main_sent.end_char))
    text = _without_sources(analysis)
    for start, end in spans:
        words = _words(text[start:end])
        if words & CIVILIAN_OBJECTS and not words & ARMED_WORDS:
            where = country_display_name(country)
            name = f"Civilians ({where.removeprefix('the ')})" if where else "Civilians"
            return ActorMention(start, end, analysis.doc.text[start:end], name, 7, country,
                                known=False)
    return None


def _is_generic(actor: ActorMention) -> bool:
    return _specificity(actor) < 2


def _specificity(actor: ActorMention) -> int:
    """0: an "Unidentified ..." group; 1: a category of the actor dictionary ("Rebel Forces
    (Peru)"), a name not in the dictionary, or state forces / civilians of no known country;
    2: a known, specific actor."""
    if actor.name.startswith("Unidentified"):
        return 0
    if not actor.known or (actor.country_code is None and actor.inter in (1, 7)) or \
            actor.name.split(" (")[0] in _category_names():
        return 1
    return 2


@lru_cache(maxsize=1)
def _category_names() -> frozenset[str]:
    """Names of the dictionary's categories (generic actors such as "Rebel Forces")."""
    from .actors import default_dictionary

    return frozenset(c["name"] for c in default_dictionary().data.get("categories", []))


def _most_specific(found: list[ActorMention]) -> ActorMention | None:
    """The most specific actor (see `_specificity`), the first of its level; one of another
    side (other inter code) does not replace the first found, except between rebels and
    militias ("terrorists of the Farabundo Marti National Liberation Front": the Front)."""
    if not found:
        return None
    first = best = found[0]
    for actor in found:
        if _specificity(actor) > _specificity(best) and (
                actor.inter == first.inter or actor.inter in (2, 3) and first.inter in (2, 3)):
            best = actor
    return best


def _name(actor: ActorMention | None) -> str | None:
    return actor.name if actor is not None else None


ONE_SIDED = frozenset({tx.PEACEFUL_PROTEST, tx.AGREEMENT, tx.CHANGE_GROUP, tx.HQ_ESTABLISHED})


def _fallback_roles(actors: list[ActorMention], grp: Group, actor1: ActorMention | None,
                    actor2: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """Without a parse role: protesters start a protest; otherwise the first armed actor
    before the trigger is the agent and the first other actor after it the target."""
    trig = grp.main
    if actor1 is None and grp.sub_event_type in PROTEST_FAMILY:
        actor1 = next((a for a in actors if a.inter in (5, 6)), None)
    if actor1 is None:
        before = [a for a in actors if a.end <= trig.start and a.inter != 7
                  and a.name != _name(actor2)]
        actor1 = before[-1] if before else None
    if actor2 is None and grp.sub_event_type not in ONE_SIDED:
        after = [a for a in actors if a.start >= trig.end and a.name != _name(actor1)]
        actor2 = after[0] if after else None
    return actor1, actor2


TERRITORY_CHANGE = frozenset({tx.GOV_REGAINS, tx.NSA_OVERTAKES})


def _opposing_force(actors: list[ActorMention],
                    actor1: ActorMention | None) -> ActorMention | None:
    """Territory changes hands between two armed sides: the side that lost it is often named
    in another sentence of the event ("pushed Russian units out of the town")."""
    for actor in actors:
        if actor.inter in (5, 6, 7) or actor1 is None or actor.name == actor1.name:
            continue
        if actor.inter == actor1.inter and actor.country_code == actor1.country_code:
            continue
        return actor
    return None


def _protest_roles(actors: list[ActorMention], grp: Group, actor1: ActorMention | None,
                   actor2: ActorMention | None, country: str | None
                   ) -> tuple[ActorMention | None, ActorMention | None]:
    """ACLED codes the crowd as Protesters (inter 6) or Rioters (inter 5) of the event's
    country, and the police or army that intervened as actor2."""
    rioting = grp.sub_event_type == tx.VIOLENT_DEMO
    if actor1 is not None and actor1.inter in (1, 2, 3, 8):
        if actor2 is not None and actor2.inter in (5, 6, 7):
            actor1, actor2 = actor2, actor1  # "police shot protesters"
        else:
            actor1, actor2 = None, actor2 or actor1
    crowd = actor1 or next((a for a in actors if a.inter in (5, 6, 7)), None)
    if crowd is not None:
        actor1 = _as_crowd(crowd, rioting, country)
    if actor2 is not None and actor2.inter in (5, 6, 7):
        actor2 = None
    if actor2 is None and grp.sub_event_type != tx.PEACEFUL_PROTEST:
        actor2 = next((a for a in actors if a.inter == 1), None)
    return actor1, actor2


def _as_crowd(actor: ActorMention, rioting: bool, country: str | None) -> ActorMention:
    from ..countries import country_display_name

    label = "Rioters" if rioting else "Protesters"
    where = country_display_name(country or actor.country_code)
    name = f"{label} ({where.removeprefix('the ')})" if where else label
    return _replace(actor, name=name, inter=5 if rioting else 6)


def _associates(actors: list[ActorMention], actor1: ActorMention | None,
                actor2: ActorMention | None, grp: Group) -> tuple[ActorMention, ...]:
    """Actors joined to actor1 by "and" ("Soldiers and militias ...") are associates."""
    if actor1 is None:
        return ()
    named = {_name(actor1), _name(actor2)}
    out: list[ActorMention] = []
    for a in actors:
        if a.name in named or a.start <= actor1.start:
            continue
        if 0 < a.start - actor1.end <= 6 and a.inter == actor1.inter:
            out.append(a)
            named.add(a.name)
    return tuple(out)


def _inter(actor: ActorMention | None, country: str | None) -> int | None:
    if actor is None:
        return None
    from .actors import actor_inter_for_event

    return actor_inter_for_event(actor, country)
