"""Attribution: who a sentence's claim comes from, and how certain its wording is.

`attribute(sent)` finds the source phrase ("according to reports from Syrian state media" ->
"Syrian state media"; "Nigeria's defence ministry said" -> "Nigeria's defence ministry";
"witnesses told Reuters" -> "witnesses") through the dependency parse and pairs it with
`sentence_certainty(sent)`: denied > claimed > alleged > confirmed > reported (the default).
Hedges on the act itself make it `alleged`: "reportedly", "likely used chlorine", "are
suspected of killing", "is believed to have shelled" (not "suspected militants", which
hedges who did it, nor "initial reports suggest").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..records import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..pipeline import Analysis

SPEECH_LEMMAS = frozenset(
    "say report tell confirm claim announce state deny allege accuse add quote cite insist "
    "acknowledge admit warn write post tweet reject dismiss verify tell".split()
)
# Nouns that stand for "a report" rather than a source: "according to reports from X" -> X.
REPORT_NOUNS = frozenset(
    "report reports statement statements sources account accounts footage".split()
)
PRONOUNS = frozenset("he she it they we i you this that which who".split())
DENY_LEMMAS = frozenset({"deny", "refute"})
DENY_OBJECTS = frozenset({"claim", "report", "allegation", "account", "accusation"})
CLAIM_LEMMAS = frozenset({"claim"})
ALLEGE_WORDS = frozenset({"allegedly", "alleged", "allege", "accuse", "accused", "purportedly"})
CONFIRM_LEMMAS = frozenset({"confirm", "verify"})
# Adverbs that hedge the act: "reportedly seized", "likely used".
HEDGE_ADVERBS = frozenset({"reportedly", "likely", "probably", "apparently", "presumably",
                           "supposedly", "seemingly"})
# Passive verbs of belief that hedge the act they govern: "suspected of killing", "believed
# to have shelled", "thought to be behind".
HEDGE_VERBS = frozenset({"suspect", "believe", "think", "presume", "fear"})
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def _phrase(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `head`, without clauses."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _CUT_DEPS:
            break
        end = child.right_edge.i + 1
    ent_end = next((e.end for e in head.doc.ents if e.start <= head.i < e.end), end)
    end = max(end, ent_end)
    while end - 1 > start and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            continue
        if pobj.lower_ in REPORT_NOUNS:
            inner = [g for p in pobj.children if p.lower_ in ("from", "by", "of", "in")
                     for g in p.children if g.dep_ == "pobj"]
            if inner:
                return inner[0]
        return pobj
    return None


def _speaker(sent: Span) -> Token | None:
    """Subject of a speech verb ("police said", "witnesses told Reuters")."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        described = any(c.dep_ in ("oprd", "acomp") for c in tok.children)
        if described or tok.dep_ in ("pcomp", "acl", "amod"):
            continue  # "three members reported dead": a description, not a source speaking
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubjpass":
            subj = _agent(tok)
        if subj is not None and _can_be_source(subj):
            return subj
    return None


def _agent(verb: Token) -> Token | None:
    """"... was reported by X" -> X."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _can_be_source(tok: Token) -> bool:
    if not any(ch.isalpha() for ch in tok.text) or tok.lower_ in PRONOUNS:
        return False
    return tok.lemma_.lower() not in ("report", "statement")


def _is_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ not in ("xcomp", "auxpass"):
        return False
    return any(c.dep_ == "neg" for c in tok.head.children)


def sentence_certainty(sent: Span) -> str:
    """reported | claimed | confirmed | alleged | denied, from the sentence's wording."""
    found: set[str] = set()
    for tok in sent:
        lemma, low = tok.lemma_.lower(), tok.lower_
        rejects = lemma in ("reject", "dismiss") and _has_object(tok, DENY_OBJECTS)
        if lemma in DENY_LEMMAS or rejects:
            found.add("denied")
        elif _is_claim(tok) or _claims_own_act(tok):
            found.add("claimed")
        elif low in ALLEGE_WORDS or lemma in ALLEGE_WORDS or _hedges(tok):
            found.add("alleged")
        elif lemma in CONFIRM_LEMMAS and tok.pos_ == "VERB" and not _is_negated(tok):
            found.add("confirmed")
    for level in ("denied", "claimed", "alleged", "confirmed"):
        if level in found:
            return level
    return "reported"


def _hedges(tok: Token) -> bool:
    """"reportedly", "likely used", "are suspected of killing", "is believed to have
    shelled", "it is likely that" -- not "suspected militants" or "likely to attack"."""
    if tok.lower_ in HEDGE_ADVERBS:
        return tok.dep_ == "advmod" or tok.dep_ == "acomp" and not _governs_to(tok)
    if tok.lemma_.lower() not in HEDGE_VERBS or tok.tag_ != "VBN":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    return passive and any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and
                           c.lower_ in ("of", "to") for c in tok.children)


def _governs_to(tok: Token) -> bool:
    """"likely to attack": a forecast, not a hedge on a report."""
    return any(c.dep_ == "xcomp" for c in tok.children)


def _is_claim(tok: Token) -> bool:
    """"claimed responsibility", "claims it killed" -- not "claimed the lives of"."""
    if tok.lemma_.lower() not in CLAIM_LEMMAS or tok.pos_ != "VERB":
        return False
    return not any(c.lower_ in ("lives", "life") for c in tok.children)


def _has_object(tok: Token, lemmas: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in lemmas for t in tok.subtree if t != tok)


def _claims_own_act(tok: Token) -> bool:
    """"said it had ...", "said its forces ...": a party speaking of its own acts."""
    if tok.lemma_.lower() != "say":
        return False
    for comp in (c for c in tok.children if c.dep_ == "ccomp"):
        subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        own = any(c.lower_ in ("its", "our") for c in subj[0].children)
        if own or subj[0].lower_ in ("it", "we"):
            return True
    return False


def attribute(sent: Span) -> Attribution | None:
    """The source and certainty of one sentence; None when neither is present."""
    doc = sent.doc
    certainty = sentence_certainty(sent)
    head = _according_to(sent) or _speaker(sent)
    if head is None:
        if certainty == "reported":
            return None
        cue = _certainty_cue(sent) or sent[0]
        return Attribution(cue.idx, cue.idx + len(cue), cue.text, None, certainty)
    start_tok, end_tok = _phrase(head)
    start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
    text = doc.text[start:end]
    return Attribution(start, end, text, text, certainty)


def _certainty_cue(sent: Span) -> Token | None:
    cues = DENY_LEMMAS | CLAIM_LEMMAS | ALLEGE_WORDS | CONFIRM_LEMMAS | {"reject", "dismiss", "say"}
    return next((t for t in sent if t.lemma_.lower() in cues or t.lower_ in cues or
                 _hedges(t)), None)


class AttributionStage:
    """One Attribution per sentence that has a source or a non-default certainty."""

    name: ClassVar[str] = "attribution.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("attributions",)

    def __call__(self, analysis: Analysis) -> None:
        if analysis.doc is None:
            return
        found = [attribute(sent) for sent in analysis.doc.sents]
        analysis.attributions = [a for a in found if a is not None]
