"""Non-event filters for trigger detection, and the token helpers they share with the rules.

A trigger found by a rule in `triggers.py` is checked here: negated ("no attacks",
"non-violent") and irrealis (threats, plans, warnings, obligations, counterfactuals,
hypotheticals) triggers are flagged, but a relative or adverbial clause told in the simple
past is a fact whatever governs it ("vowed revenge after soldiers attacked the camp"); so
are acts someone is licensed or instructed to do ("directed to detain them"). Off-domain
(sports, business, film, political metaphor, criticism called an "attack", idioms, drills,
vigils kept as a watch, page navigation), habitual or recurring ("frequent attacks", "rape
is common", "attacks have continued", "has killed thousands since 2011"; not "shops have
been looted"), supporting roles ("a civilian helping the army fight them"), accidental,
attributed (claims, accusations, sanctions), natural-disaster and background reference ones
("after the riots", "the riots changed everything", "riot victims", "these riots are an
assault on humanity") are dropped. Sentences recalling an earlier event are marked, unless
the cue sits in a relative or participle clause ("an offensive that had previously involved
shelling"). A killing named by its victim and met by a fresh time or a reaction ("today
condemned the murder of Minister X") is a report, not background (`reported_killing`).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from . import taxonomy as tx
from .taxonomy import (
    ACCIDENT_WORDS, AIR_WORDS, ATTACK_CUES, ATTRIBUTION_GOVERNORS, CHEM_WORDS, DISASTER_WORDS,
    DRILL_WORDS, IED_WORDS, IRREALIS_GOVERNORS, METAPHOR_COLLOCATIONS, MODALS, NARRATIVE_VERBS,
    NONSTATE_AGENTS, OFF_DOMAIN, POLITICAL_ARENA, PROTESTER_WORDS, REACTION_VERBS,
    RECALL_WORDS, REFERENCE_NOUNS, REFERENCE_PREPS, SHELL_WORDS, STATE_AGENTS,
    VIOLENCE_ANCHORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# --- token helpers ---------------------------------------------------------------------------

def low(tok: Token) -> str:
    """Lower-case lemma; a capitalised plural tagged as a name ("Protesters" after a
    dateline) is reduced to its singular."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and not tok.ent_type_ and lemma == tok.lower_ and \
            len(lemma) > 4 and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def sent_lemmas(sent: Span) -> frozenset[str]:
    """Lemmas and lower-case forms of a sentence; every rule asks, so it is cached."""
    return _sent_lemmas(sent.doc, sent.start, sent.end)


@lru_cache(maxsize=64)  # rules re-ask about the same few sentences; keep few docs alive
def _sent_lemmas(doc: Doc, start: int, end: int) -> frozenset[str]:
    toks = doc[start:end]
    return frozenset(low(t) for t in toks) | frozenset(t.lower_ for t in toks)


def near(tok: Token, window: int = 3) -> list[Token]:
    """The token's children plus a small window of neighbours inside its sentence."""
    starts, ends = _sentence_bounds(tok.doc)
    k = bisect_right(starts, tok.i) - 1
    lo = max(starts[k], tok.i - window)
    hi = min(ends[k], tok.i + window + 1)
    return list(tok.children) + [tok.doc[i] for i in range(lo, hi) if i != tok.i]


@lru_cache(maxsize=4)
def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Token start and end of every sentence (`Token.sent` rescans the doc on each call)."""
    sents = list(doc.sents)
    return [s.start for s in sents], [s.end for s in sents]


def near_lemmas(tok: Token, window: int = 3) -> set[str]:
    out: set[str] = set()
    for t in near(tok, window):
        out.add(low(t))
        out.update(part for part in t.lower_.split("-") if part)
    return out


def subject(tok: Token) -> Token | None:
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
        return subject(verb.head)
    return None


def phrase_lemmas(tok: Token | None) -> set[str]:
    if tok is None:
        return set()
    return {low(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}


def objects(tok: Token) -> set[str]:
    """Lemmas of the object phrases of a verb or the "on/against" phrases of a noun."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            out |= phrase_lemmas(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "in", "targeting"):
            out |= phrase_lemmas(child)
    return out


def direct_objects(tok: Token) -> set[str]:
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            out |= {low(t) for t in child.subtree if t.dep_ in ("compound", "conj", "dobj",
                                                                 "nsubjpass", "pobj", "appos")
                    or t is child}
    return out


def agent_is_state(tok: Token) -> bool | None:
    """True for state forces as subject ("government forces", "the army and allied
    fighters"), False for a non-state group, None when the subject says neither."""
    subj = subject(tok)
    if subj is None:
        return None
    head = {low(subj)} | {low(c) for c in subj.children if c.dep_ in ("compound", "amod")}
    if head & {"paramilitary", "rebel", "insurgent", "militia", "opposition"}:
        return False
    if head & (STATE_AGENTS | {"government", "security", "federal", "national"}):
        return True
    if head & NONSTATE_AGENTS:
        return False
    phrase = phrase_lemmas(subj)
    if phrase & STATE_AGENTS:
        return True
    return False if phrase & NONSTATE_AGENTS else None


def has_place_object(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False


def live_rounds(sent: Span) -> bool:
    """"live bullets", "live ammunition", "live fire" (not "live video footage")."""
    return any(t.lower_ == "live" and t.i + 1 < sent.end and low(t.nbor(1)) in {
        "ammunition", "bullet", "round", "fire", "ammo"} for t in sent)
def protest_context(tok: Token) -> bool:
    return bool(sent_lemmas(tok.sent) & (PROTESTER_WORDS | {"crowd", "march", "gathering"}))


def sets_fire(tok: Token) -> bool:
    """"set fire to", "set ablaze", "set alight"."""
    if low(tok) != "set":
        return False
    return any(c.lower_ in ("fire", "ablaze", "alight") or c.lower_ == "on" and any(
        g.lower_ == "fire" for g in c.children) for c in tok.children)


def weapon_type(lemmas: set[str] | frozenset[str]) -> str | None:
    """The Explosions/Remote violence sub-type implied by weapon words, most specific first."""
    if "water" in lemmas and "cannon" in lemmas:
        lemmas = set(lemmas) - {"cannon"}
    if lemmas & {"teargas", "tear"}:
        lemmas = set(lemmas) - {"shell", "cannon", "canister"}
    if lemmas & CHEM_WORDS and lemmas & {"attack", "weapon", "gas", "agent", "strike"}:
        return tx.CHEMICAL
    if lemmas & {"suicide", "kamikaze"} or lemmas & {"vest", "belt"} and lemmas & {"explosive",
                                                                                "bomb"}:
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



# --- filters ------------------------------------------------------------------------------

def is_accidental(tok: Token) -> bool:
    """An industrial or traffic explosion, not an attack."""
    sent = sent_lemmas(tok.sent)
    return bool(sent & ACCIDENT_WORDS) and not sent & ATTACK_CUES


def is_negated(tok: Token) -> bool:
    if _prefixed_non(tok):
        return True  # "a non-violent demonstration"
    for t in (tok, tok.head):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
        if t.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "xcomp", "conj"):
            break
    return any(c.lower_ in ("no", "without") and c.i == tok.i - 1 for c in tok.sent)


def _prefixed_non(tok: Token) -> bool:
    """"non-violent", "non violent": the word is negated by its prefix."""
    before = [tok.doc[i].lower_ for i in range(max(tok.sent.start, tok.i - 2), tok.i)]
    return before[-1:] == ["non"] or before[-2:] == ["non", "-"]


def is_irrealis(tok: Token) -> bool:
    """Modal, conditional, future or governed by a threat/plan/warning/deterrence word."""
    if _told_as_past(tok) or reported_killing(tok):
        return False  # "will investigate the attack that killed 10 union members"
    t, steps = tok, 0
    while steps < 5:
        for child in t.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "lest"):
                return True
        if steps > 0 and (low(t) in IRREALIS_GOVERNORS | RENOUNCING | DREADED or
                          low(t) == "agree" and tok.pos_ == "VERB") and not _was_able(t):
            return True  # "agreed to withdraw their fighters" is a promise
        if steps > 0 and t.tag_ == "MD" and t.lower_ in MODALS:
            return True  # "we will court arrest", a modal parsed as the verb
        if t.head is t or _narrated_clause(t):
            break
        t, steps = t.head, steps + 1
    return _future_modifier(tok) or _obligation_or_counterfactual(tok) or _licensed(tok) or \
        _imperative(tok) or _slogan(tok) or _not_done(tok)


def _not_done(tok: Token) -> bool:
    """"police failed to arrest the culprits", "were unable to attack the convoy": an act
    tried or wanted and not done (not "the attack failed to kill anyone")."""
    return tok.dep_ == "xcomp" and low(tok.head) in ("fail", "unable")


# What a slogan is carried on or shouted as: its words demand an act, they report none.
SLOGAN_WORDS: Final = frozenset({"slogan", "chant", "placard", "banner", "poster", "graffiti"})


def _slogan(tok: Token) -> bool:
    """The words of a slogan: "shouted slogans like 'arrest the minister'"."""
    return any(low(a) in SLOGAN_WORDS for a in list(tok.ancestors)[:6])


def _imperative(tok: Token) -> bool:
    """A command, as in a demand quoted: "Arrest the killers, the crowd shouted": a
    base-form verb with no subject, auxiliary or marker of its own."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB":
        return False
    if tok.dep_ not in ("ROOT", "pcomp", "ccomp", "advcl", "parataxis", "dep", "appos"):
        return False  # "to arrest", "helped arrest", "and then fire teargas"
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl")
                   for c in tok.children)


def _was_able(word: Token) -> bool:
    """"police were able to arrest 31 people": an ability told in the past tense reports
    the act done, unlike "are able to strike" or "would be able to" in a plan."""
    if low(word) != "able" or word.head is word:
        return False
    verb = word.head
    kids = list(verb.children) + list(word.children)
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "neg") for c in kids)


def _told_as_past(tok: Token) -> bool:
    """An event noun whose own clause or possessor tells it happened: "the attack that
    killed 10 people", "last Thursday's murder"."""
    if tok.pos_ != "NOUN":
        return False
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and _narrated_clause(c):
            return True
        if c.dep_ == "poss" and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            return True
    return False


def _narrated_clause(verb: Token) -> bool:
    """A relative or adverbial clause told in the simple past reports a fact, whatever governs
    it: "condemned the incident where police used force to disperse them", "demanded that he
    resign as police fired tear gas", "vowed revenge after soldiers attacked the camp"."""
    if verb.dep_ not in ("relcl", "advcl", "acl"):
        return False
    if verb.tag_ != "VBD" and not any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                      for c in verb.children):
        return False  # "after seven people were murdered" is a simple past too
    if _time_frame(verb):
        return False
    return verb.dep_ != "acl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _time_frame(verb: Token) -> bool:
    """"when the massacre took place": a clause that only dates what governs it, so it
    narrates nothing of its own."""
    if low(verb) in ("occur", "happen"):
        return True
    return low(verb) == "take" and any(c.lower_ == "place" for c in verb.children)


def _licensed(tok: Token) -> bool:
    """The act is the "to" complement of a licence or instruction: "directed to restrain
    them and detain them", "they are free to arrest us" (not "freed the hostages")."""
    t = tok
    for _ in range(4):
        if t.head is t:
            return False
        if t.dep_ == "xcomp" and low(t.head) in LICENSING and \
                (low(t.head) != "free" or t.head.pos_ == "ADJ"):
            return True
        t = t.head
    return False


# Nouns of dread: "the spectre of rioting across the country" names no riot that happened.
DREADED: Final = frozenset({"spectre", "specter", "apprehension", "bogey", "bogeyman"})
# Verbs that promise not to do the act: "to abstain from any form of attack".
RENOUNCING: Final = frozenset({"abstain", "renounce", "forswear", "cease", "desist"})
# Words that license or instruct an act not yet done: "directed to detain them", "free to
# arrest us", "empowered to shoot".
LICENSING: Final = frozenset({"direct", "instruct", "ask", "request", "free", "empower",
                              "authorise", "authorize", "entitle"})


def _obligation_or_counterfactual(tok: Token) -> bool:
    """"we have to arrest the guilty", "had he been detained", "a march to parliament
    tomorrow" (a sentence set tomorrow and not told in the past tense)."""
    verb = verb_of(tok)
    if verb is None:
        return False
    kids = list(verb.children)
    if low(verb.head) == "have" and verb.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        return True
    subj = [c.i for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" and c.i < subj[-1]
                    for c in kids):
        return True
    return "tomorrow" in sent_lemmas(tok.sent) and verb.tag_ != "VBD"


def _future_modifier(tok: Token) -> bool:
    owners = [tok] + ([tok.head] if tok.dep_ == "compound" else [])
    mods = {c.lower_ for t in owners for c in t.children if c.dep_ in ("amod", "advmod", "det")}
    return bool(mods & {"further", "future", "possible", "potential", "planned", "any"})


FICTION_WORDS: Final = frozenset({"film", "movie", "fictional", "novel", "screenplay",
                                  "box-office", "videogame", "premiere", "sequel", "cinema",
                                  "soundtrack"})
# words that speak of fiction only beside another fiction word ("another episode of
# violence", "a truck's trailer"); "director" unless an official's title (`_official`)
FICTION_HINTS: Final = frozenset({"viewer", "audience", "episode", "trailer"})
# a web page's navigation: share buttons and lists of other stories' headlines
BOILERPLATE: Final = ("related stories", "facebook twitter", "twitter linkedin")
# words of a speech or press statement: "attack" there is criticism unless violence is named
SPEECH_WORDS: Final = frozenset({"media", "press", "newsperson", "newspersons", "reporter",
                                 "journalist", "statement", "remark", "speak", "criticise",
                                 "criticize", "slam", "flay", "lash", "term"})
VIOLENT_SUBTYPES: Final = frozenset(
    tx.TAXONOMY[tx.BATTLES] + tx.TAXONOMY[tx.EXPLOSIONS] + tx.TAXONOMY[tx.VAC])


def is_off_domain(tok: Token, kind: str) -> bool:
    """Sports, business, film and political metaphors and drills with no sign of violence."""
    sent = sent_lemmas(tok.sent)
    anchored = bool((sent - {"fire", "shot"}) & VIOLENCE_ANCHORS)
    if kind in VIOLENT_SUBTYPES and sent & POLITICAL_ARENA and not anchored:
        return True
    near = near_lemmas(tok, 4) | {low(tok)}
    for a, b in METAPHOR_COLLOCATIONS + IDIOMS:
        if a in near and b in near:
            return True
    if sent & (DRILL_WORDS | FICTION_WORDS) or _fiction_hint(tok.sent):
        return True
    if is_boilerplate(tok.sent) or kind in VIOLENT_SUBTYPES and _verbal(tok, anchored):
        return True
    if kind == tx.PEACEFUL_PROTEST and _watch(tok):
        return True
    return bool(sent & OFF_DOMAIN) and not anchored


def _fiction_hint(sent: Span) -> bool:
    """Two fiction hints, or a director who is not an official ("director general of
    police", "the director of the hospital")."""
    if len(sent_lemmas(sent) & FICTION_HINTS) > 1:
        return True
    return any(t.lower_ == "director" and not _official(t) for t in sent)


def _official(tok: Token) -> bool:
    after = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    before = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return after in ("general", "of", "-") or before in ("managing", "executive", "regional",
                                                         "deputy", "additional", "joint")


# idioms that use an event word for something else: "groping in the dark"
IDIOMS: Final = (("grope", "dark"), ("groping", "dark"))


# Verbs of keeping watch: "troops are maintaining a vigil", "a round-the-clock vigil is kept".
WATCH_VERBS: Final = frozenset({"keep", "maintain", "mount", "intensify", "tighten", "step"})


def _watch(tok: Token) -> bool:
    """A vigil kept as a watch (by security forces), not a commemoration or protest."""
    verb = verb_of(tok)
    return low(tok) == "vigil" and verb is not None and low(verb) in WATCH_VERBS


def is_boilerplate(sent: Span) -> bool:
    """Page navigation, not the story: share buttons, "related stories" headline lists."""
    text = " ".join(sent.text.lower().split())
    return any(cue in text for cue in BOILERPLATE)


def _verbal(tok: Token, anchored: bool) -> bool:
    """Criticism, not violence: "attacked the party as anti-people", "made a direct attack
    on the prime minister", said to the media with no violence named."""
    if low(tok) not in ("attack", "assault"):
        return False
    verb = tok if tok.pos_ == "VERB" else tok.head
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return True
    return not anchored and bool(sent_lemmas(tok.sent) & SPEECH_WORDS)


# A perfect tense with one of these is background: "has killed thousands since 2011".
DURATION_CUES: Final = frozenset({"since", "decade", "decades", "years", "months", "past",
                                  "ongoing", "repeatedly", "regularly", "often", "frequently",
                                  "hundreds", "thousands", "numerous", "multiple",
                                  "countless", "innumerable"})
# Verbs of a trend: a bare plural subject of them speaks of many acts ("attacks have
# continued", "kidnappings have increased"), not of one ("air strikes have hit the town").
TREND_VERBS: Final = frozenset({"continue", "increase", "rise", "grow", "persist", "surge",
                                "decline", "decrease", "fall", "drop", "become", "escalate",
                                "intensify", "multiply", "soar", "spread"})


HABITUAL_ADVERBS: Final = frozenset({"frequently", "often", "regularly", "repeatedly",
                                     "routinely", "usually", "typically", "sometimes",
                                     "periodically", "constantly", "continually",
                                     "systematically"})


def verb_of(tok: Token) -> Token | None:
    """The token itself when a verb, else its nearest verb ancestor."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def is_habitual(tok: Token) -> bool:
    """Background, not an incident: "has killed thousands over the past decade", "attacks
    have continued", "has been fighting the army since 2023", "has seen heavy fighting"."""
    verb = verb_of(tok)
    if verb is None:
        return False
    if _role_description(verb):
        return True  # "a civilian helping the military fight the group"
    if {c.lower_ for c in verb.children if c.dep_ == "advmod"} & HABITUAL_ADVERBS:
        return True  # "Al-Shabaab frequently attacks hotels"
    if tok.tag_ == "NNS" and sent_lemmas(tok.sent) & (HABITUAL_ADVERBS | {"year"}) and \
            verb.tag_ in ("VBP", "VBZ"):
        return True  # "Lynchings ... occur several times a year"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if _generic_plural(tok) or _generic_adjective(tok, verb):
        return True
    if "had" in auxes and verb.dep_ in ("relcl", "acl"):
        return True  # "officers who had detained them": background detail
    perfect = bool(auxes & {"has", "have", "'ve"})
    if not perfect:
        return False
    if sent_lemmas(tok.sent) & DURATION_CUES or verb.tag_ == "VBG" or _year_span(tok.sent):
        return True
    bare_plural = tok.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss") for c in tok.children)
    return bare_plural and tok.dep_ == "nsubj" and low(verb) in TREND_VERBS


# Verbs of a supporting role: "a civilian helping the military fight the group".
SUPPORT_VERBS: Final = frozenset({"help", "assist", "aid", "support", "train"})


def _role_description(verb: Token) -> bool:
    """The act is what someone's role is, in a participle describing a person ("a vigilante
    assisting troops to fight the insurgents"), not an incident."""
    helper = verb.head
    return verb.dep_ in ("xcomp", "ccomp") and low(helper) in SUPPORT_VERBS and \
        helper.dep_ == "acl" and helper.tag_ == "VBG"


def _year_span(sent: Span) -> bool:
    """"in 2022", "during 2019": a perfect tense over a year tells a running total ("launched
    an offensive in 2022 and has retaken dozens of towns")."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() and
               1900 <= int(t.text) <= 2100 and t.head.lower_ in ("in", "during", "since")
               for t in sent)


# "a wave of kidnappings", "any form of attack": nouns that make an event noun a kind of act.
GENERIC_HEADS: Final = frozenset({"wave", "spate", "rash", "campaign", "form", "kind", "type",
                                  "escalation", "rise", "increase", "upsurge", "climate"})


# adjectives that make an event noun a recurring kind of act ("frequent attacks on monks",
# "rape is common")
HABITUAL_ADJECTIVES: Final = frozenset({"frequent", "routine", "regular", "recurrent",
                                        "recurring", "constant", "habitual", "common",
                                        "rampant", "widespread", "endemic", "commonplace"})


def _generic_adjective(tok: Token, verb: Token) -> bool:
    """"frequent attack on religious heads", "sexual abuse and rape are common"."""
    if any(c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES for c in tok.children):
        return True
    if tok.dep_ not in ("nsubj", "conj") or verb.tag_ not in ("VBP", "VBZ"):
        return False
    return any(c.dep_ == "acomp" and c.lower_ in HABITUAL_ADJECTIVES for c in verb.children)


def _generic_plural(tok: Token) -> bool:
    """An event noun spoken of in general, not an incident: a bare noun under "a wave of",
    "any form of" ("the wave of kidnappings rocking the country"), or a bare plural in a
    question ("What do you think about kidnappings?")."""
    if tok.pos_ != "NOUN" or any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return False
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and low(prep.head) in GENERIC_HEADS:
        return True
    return tok.tag_ == "NNS" and tok.sent.text.rstrip().endswith("?")


def is_recalled(sent: Span) -> bool:
    """The sentence recalls an earlier event: "two years ago", "previously", "a similar
    attack last year". A cue inside a relative or participial clause recalls only that
    clause's background ("an offensive that had previously involved air strikes")."""
    lemmas = sent_lemmas(sent)
    if "similar" in lemmas and "last" in lemmas:
        return True
    return any((low(t) in RECALL_WORDS or t.lower_ in RECALL_WORDS) and
               not _in_modifier_clause(t) for t in sent)


def _in_modifier_clause(tok: Token) -> bool:
    """Inside a relative clause, or a participle phrase ("infuriated by the embassy opening
    on the anniversary of ...")."""
    for a in tok.ancestors:
        if a.pos_ not in ("VERB", "AUX"):
            continue
        if a.dep_ in ("relcl", "acl") or a.dep_ == "advcl" and a.tag_ in ("VBG", "VBN") and \
                not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in a.children):
            return True
    return False


def is_attributed(tok: Token) -> bool:
    """The event word is what a claim, accusation or diplomatic measure is about, not a
    report of it: "claimed responsibility for the attack", "accused Iran of bombing",
    "sanctions over the nerve agent attack", "expelled diplomats for taking part in protests"."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if low(t) in ATTRIBUTION_GOVERNORS:
            return True
    return False


def is_disaster(tok: Token) -> bool:
    """A natural disaster as the agent: "an earthquake struck", "hit by floods"."""
    agent = phrase_lemmas(subject(tok)) if tok.pos_ == "VERB" else near_lemmas(tok, 2)
    return bool(agent & DISASTER_WORDS)


def is_reference(tok: Token) -> bool:
    """A definite, possessed or bare plural event noun inside a prepositional or object phrase
    of a sentence that narrates nothing new: "relief for the victims of the riots", "the
    violence that rocked Gujarat after the Godhra attack", "a resolution on the riots"; a
    modifier of another noun ("riot victims", "the riot situation"); or the subject or object
    of a verb that discusses rather than narrates, in a sentence with no toll and no fresh
    time ("the riots changed everything", "to link the Gujarat riots to social causes")."""
    if tok.pos_ not in ("NOUN", "PROPN") or reported_killing(tok):
        return False  # "today condemned the murder of Minister X" reports a killing
    if _predicate(tok):
        return True  # "these riots are an assault on humanity"
    if low(tok) not in REFERENCE_NOUNS | MORE_REFERENCES:
        return False
    if tok.dep_ == "compound" and low(tok.head) in MODIFIED_HEADS and tok.head.i > tok.i:
        return True  # "riot victims", "riot situation", "riot police"
    if not _referential(tok) or _detailed(tok):
        return False
    verb = verb_of(tok)
    if tok.dep_ == "dobj" and verb is not None and tok.head.i == verb.i and \
            low(verb) in REACTION_VERBS:
        return True  # "efforts to control the riots", "justifying the Gujarat riots"
    if tok.dep_ in DISCUSSED_ROLES:
        return _discussed(tok, verb)
    if tok.dep_ != "pobj" or low(tok.head) not in REFERENCE_PREPS | EXTRA_PREPS:
        return False
    return verb is None or low(verb) not in NARRATIVE_VERBS or _descriptive(verb)


# More nouns of violence that news names as background ("in the wake of the torching").
MORE_REFERENCES: Final = frozenset({"torching", "arson", "rampage", "bloodshed", "lynching",
                                    "burning", "murder", "assassination", "slaying"})
# Nouns that an event word modifies without reporting it: "riot victims", "massacre site".
MODIFIED_HEADS: Final = frozenset({
    "victim", "survivor", "situation", "area", "zone", "camp", "relief", "case", "accused",
    "police", "squad", "gear", "refugee", "widow", "orphan", "compensation", "probe",
    "inquiry", "site", "scene", "aftermath", "hit", "affected", "prone", "control"})
# Verbs that narrate how an attack went: "the rebels' attack was fended off".
REPELLED: Final = frozenset({"fend", "repel", "repulse", "foil", "thwart", "beat", "push",
                             "stop", "block", "halt"})
# Subjects that a predicate noun classifies: "the incident was not a riot", "all that
# happened was nothing but riots" (not "it was a suicide attack", which may be the report).
CLASSIFIED: Final = frozenset({"incident", "act", "event", "all", "what"})
# Roles in which a known event is talked about: "the riots changed everything".
DISCUSSED_ROLES: Final = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos"})
EXTRA_PREPS: Final = frozenset({"with", "like", "unlike", "than", "as", "including"})
# Verbs that report an outbreak or its toll: "riots spread to the old city", "the violence
# left five dead"; a known event as their subject is still news.
OUTBREAK_VERBS: Final = frozenset({
    "spread", "rage", "continue", "start", "begin", "erupt", "leave", "claim", "engulf",
    "rock", "take", "flare", "resume", "escalate", "intensify", "spill", "grip", "occur",
    "happen", "break", "follow", "shake", "hit", "sweep", "kill", "injure", "wound"})
# Words that tie an incident to the days of the report: "today", "on Monday", "overnight".
FRESH_TIME: Final = frozenset(
    "today yesterday tonight overnight monday tuesday wednesday thursday friday saturday "
    "sunday morning afternoon evening night".split())


def fresh_time_in(sent: Span) -> bool:
    """A fresh time word (`FRESH_TIME`) in the sentence: today, last night, on Monday."""
    return bool(sent_lemmas(sent) & FRESH_TIME)


# Words of a fresh report: the toll or the time of the incident.
FRESH_WORDS: Final = FRESH_TIME | frozenset(
    "kill dead die death injure injured wound hurt toll body".split())


def _discussed(tok: Token, verb: Token | None) -> bool:
    if verb is None or any(t.like_num for t in tok.subtree):
        return False  # "the massacre of 40 civilians shocked the region" counts its victims
    if any(c.dep_ == "poss" for c in tok.children) and tok.dep_ in ("nsubj", "nsubjpass"):
        return False  # "the ISIL fighters' attack ... was fended off": a named attacker
    if low(verb) in NARRATIVE_VERBS | OUTBREAK_VERBS | REPELLED:
        return False
    return not sent_lemmas(tok.sent) & FRESH_WORDS


def _descriptive(verb: Token) -> bool:
    """A clause that describes a noun or tells background: "the people killed in the train
    attack", "the 58 who died in the Sabarmati Express massacre", "had died in the riots"."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ == "relcl":
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _predicate(tok: Token) -> bool:
    """A predicate noun that classifies a known event or act: "these riots are an assault
    on humanity", "the incident was not a communal riot"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "but":
        tok = tok.head.head  # "was nothing but communal riots"
    if tok.dep_ != "attr" or low(tok.head) != "be":
        return False
    subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(subj) and low(subj[0]) in REFERENCE_NOUNS | MORE_REFERENCES | CLASSIFIED


def _detailed(tok: Token) -> bool:
    """A reference that itself reports facts is a report: a date ("last Thursday's murder",
    "the attack on 31 October") or a toll in its clause ("the attack that killed 10 trade
    union members"). Only a single event: "the riots in which 200 died" sums up a wave."""
    if tok.tag_ != "NN":
        return False
    for c in tok.children:
        if c.dep_ in ("poss", "prep", "npadvmod") and any(
                t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            return True
        if c.dep_ in ("relcl", "acl") and _narrated_clause(c) and any(
                t.like_num for t in c.subtree):
            return True
    return False


def _referential(tok: Token) -> bool:
    kids = list(tok.children)
    if any(c.dep_ == "nummod" or c.lower_ in ("a", "an", "no") for c in kids):
        return False
    definite = any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these", "those")
                   for c in kids)
    named = any(c.dep_ == "compound" for c in kids)  # "the Godhra train massacre"
    return definite or named or tok.tag_ == "NNS" and low(tok) in ("riot", "rioting")


# --- killings named by their victim ------------------------------------------------------
# A follow-up report often tells a killing only as a noun: "the government today condemned
# the murder of Minister X", "alarmed over the assassination of X". A definite killing noun
# that names its victim is one incident; with a fresh time or a reaction in the sentence it
# is news of a recent killing, not background (docs/coding.md, "Relevance").
VICTIM_NOUNS: Final = frozenset({"murder", "assassination", "killing", "slaying", "massacre",
                                 "kidnapping", "abduction"})
# Reactions that follow a killing within days: "condemned", "deplored", "alarmed over".
REACTION_WORDS: Final = frozenset(
    "condemn deplore repudiate reject denounce lament regret alarm alarmed shock shocked "
    "outrage outraged indignation indignant consternation".split())
# Words of memory or of a long time: "we must not forget the murder of X", "in ten years".
MEMORY_WORDS: Final = frozenset(
    "forget remember recall mention refer commemorate honor honour memory year years ago "
    "anniversary decade still".split())
# What makes a named killing not yet done: "plotted the assassination of the minister".
PLANNED: Final = frozenset(
    "threaten threat plan plot prevent avoid fear intend aim seek prepare want wish hope try "
    "risk danger possibility prospect order attempt".split())
# Fresh times for a killing named as a noun (`reported_killing`), as the rule was written
# and measured: FRESH_TIME without "overnight" and "night", plus "recent(ly)".
FRESH_WORDS_NOW: Final = (FRESH_TIME - {"overnight", "night"}) | {"recent", "recently"}


def names_victim(tok: Token) -> bool:
    """A definite killing noun that names or counts its victims (`nominal.names_victim`)."""
    from .nominal import names_victim as named  # nominal builds on this module's helpers
    return named(tok)


def reported_killing(tok: Token) -> bool:
    """A named killing told as news of now, not memory (`nominal.reported_killing`)."""
    from .nominal import reported_killing as reported
    return reported(tok)


# Words that tell a killing or an abduction: once told, a later "the murder of X" repeats it.
KILLING_WORDS: Final = VICTIM_NOUNS | frozenset(
    "kill murder assassinate massacre slay execute kidnap abduct".split())
