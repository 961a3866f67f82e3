"""Killings told only as nouns: "the murder of Minister X", "Galan's assassination".

A follow-up report often never narrates the killing with a verb: the government "condemned
the murder of the mayor", police "blamed the Extraditables for the killing of Judge X", the
army "denied any part in the assassination of X", guerrillas "left after the massacre of 12
peasants on 16 November". A careful coder codes such a noun as one incident when it names or
counts its victims and the sentence ties it to now: a fresh time or a day and month (the
coder's 30-day window then decides whether it is recent), a reaction, or a word of news (a
claim, blame, a denial, a report). A definite attack noun naming its target ("this
morning's attack on the embassy") counts only with a fresh time of its own. A word of memory
or of years ("we must not forget", "unsolved in ten years", "in 1985"), a plan ("plotted the
assassination") or an earlier sentence that already told the killing keeps it out:
background stays a past reference, and a repeat is not a second event.
`filters.reported_killing` and `filters.names_victim` delegate here; `attributed_only` and
`talk_only` are the hooks `triggers.detect` uses so that a claim or an inquiry about such a
killing does not hide it (docs/coding.md, "Detection").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from .filters import (
    FRESH_WORDS_NOW, KILLING_WORDS, MEMORY_WORDS, PLANNED, REACTION_WORDS, VICTIM_NOUNS,
    is_attributed, low, sent_lemmas,
)
from .relevance import talked_about

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that tell a killing as news, not as a memory: somebody blames, claims or denies it, or
# has just learnt of it ("police blamed the cartel for the killing of Judge X", "denied any
# part in the murder of X"). Not an investigation with no time: inquiries run for years
# ("the judge was investigating the massacre of 43 people").
NEWS_WORDS: Final = frozenset(
    "blame responsibility responsible claim deny learn report".split())
# Words of an inquiry: they govern a killing without planning it ("ordered a judge to
# investigate the murder of X" orders the inquiry, not the killing).
INQUIRY_WORDS: Final = frozenset("investigate investigation probe inquiry clarify".split())
# A day and month ("on 18 August", "the 16 November massacre", "August 18") dates a killing:
# the coder's window then keeps it only when it is recent. A year is handled as memory.
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december)")
DAY_MONTH: Final = re.compile(
    rf"\b(?:(?:[12]\d|3[01]|0?[1-9])\s+{_MONTH}|{_MONTH}\s+(?:[12]\d|3[01]|0?[1-9]))\b",
    re.IGNORECASE)
DETERMINERS: Final = frozenset({"the", "this", "that", "these", "those"})


# Attack nouns that tell one incident when they name their target: "the bomb attack on the
# embassy", "last night's attack against the union offices", "the bombing of the bridge".
ATTACK_NOUNS: Final = frozenset({"attack", "bombing", "assault", "ambush"})
# Words that tell an attack: an earlier one makes a later "the attack on X" a repeat.
ATTACK_WORDS: Final = KILLING_WORDS | ATTACK_NOUNS | frozenset(
    "bomb explode explosion blast dynamite ambush".split())


def names_incident(tok: Token) -> bool:
    """A killing noun that names its victims (`names_victim`) or a definite singular attack
    noun that names its target: "the dynamite attack on the union headquarters"."""
    return names_victim(tok) or _names_target(tok)


def _names_target(tok: Token) -> bool:
    if tok.tag_ != "NN" or low(tok) not in ATTACK_NOUNS or tok.dep_ == "compound":
        return False
    kids = list(tok.children)
    if not any(c.lower_ in DETERMINERS or c.dep_ in ("poss", "compound") for c in kids):
        return False  # "an attack on a town" may be any attack; "the attack on X" is one
    preps = {"on", "against"} | ({"of"} if low(tok) == "bombing" else set())
    return any(p.dep_ == "prep" and p.lower_ in preps and
               any(c.dep_ == "pobj" for c in p.children) for p in kids)


def names_victim(tok: Token) -> bool:
    """"the murder of Minister X", "Galan's murder", "the six priests' slaying", "the massacre
    in Y of 12 peasants", "the murders of X and Y", "the murder committed by the rebels": a
    definite killing noun that names or counts whom it killed, or that a participle marks as
    one deed, tells one incident (a plural only with named victims, one incident per name)."""
    if tok.tag_ not in ("NN", "NNS") or low(tok) not in VICTIM_NOUNS or tok.dep_ == "compound":
        return False
    kids = list(tok.children)
    if tok.tag_ == "NN" and any(c.dep_ == "poss" and _named_or_counted(c) for c in kids):
        return True
    if not any(c.lower_ in DETERMINERS or c.dep_ == "poss" for c in kids):
        return False
    victims = _victims(tok)
    if tok.tag_ == "NNS":
        return any(c.pos_ == "PROPN" for c in victims)
    return any(_named_or_counted(c) for c in victims) or _one_deed(tok)


def _victims(tok: Token) -> list[Token]:
    """Objects of "of" after the noun, or after a place or date that splits them from it:
    "the murder in Guatemala of X", "the assassination on 22 March of X"."""
    heads = [tok] + [c for p in tok.children if p.dep_ == "prep" and p.lower_ != "of"
                     for c in p.children if c.dep_ == "pobj"]
    return [c for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
            and p.i > tok.i for c in p.children if c.dep_ == "pobj"]


# Participles that make a definite killing noun one deed: "the murder committed by the FMLN".
DEED_VERBS: Final = frozenset({"commit", "perpetrate", "carry"})


def _one_deed(tok: Token) -> bool:
    """"the murder committed by X", or parsed as a clause: "the murder X committed"."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and low(tok.head) in DEED_VERBS:
        return True
    return any(c.dep_ == "acl" and low(c) in DEED_VERBS for c in tok.children)


def _named_or_counted(noun: Token) -> bool:
    return noun.pos_ == "PROPN" or any(
        t.pos_ == "PROPN" or t.dep_ == "nummod" and t.head.i == noun.i for t in noun.subtree)


def reported_killing(tok: Token) -> bool:
    """A named killing the sentence ties to now, by a fresh time, a date or a word of news
    ("ARENA today condemned the murder of Minister X", "police blamed the cartel for the
    killing of Judge X"), with no word of memory or of years ("we must not forget the murder
    of X", "unsolved in ten years") and no plan ("plotted the assassination of X"), that no
    earlier sentence told: a careful coder codes it as a recent killing."""
    if not names_incident(tok) or _told_before(tok):
        return False
    return _fresh(tok)


def _fresh(tok: Token) -> bool:
    """The sentence ties the named incident to now and not to memory or to a plan."""
    lemmas = sent_lemmas(tok.sent) | {t.lower_ for t in tok.sent}
    if lemmas & MEMORY_WORDS or any(_year(t) for t in tok.sent) or _planned(tok):
        return False
    if low(tok) in ATTACK_NOUNS:
        return _own_time(tok)
    return bool(lemmas & (FRESH_WORDS_NOW | REACTION_WORDS | NEWS_WORDS)) or \
        DAY_MONTH.search(tok.sent.text) is not None


def _own_time(tok: Token) -> bool:
    """An attack noun that names its target is often a known attack that speakers condemn,
    blame or recall for weeks ("condemned the attack on the train", "the planner of the 27
    February attack on the train"): it is news only with a fresh time of its own, "today's
    attack on X", "last night's dynamite attack against X"."""
    words = {low(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    return bool(words & FRESH_WORDS_NOW)


def _planned(tok: Token) -> bool:
    """A plan governs the killing ("plotted the assassination of X"), unless a word of news
    stands between them: "ordered a judge to investigate the murder of X" orders the
    inquiry, not the killing."""
    for head in tok.ancestors:
        if low(head) in NEWS_WORDS | REACTION_WORDS | INQUIRY_WORDS:
            return False
        if low(head) in PLANNED:
            return True
    return False


def _told_before(tok: Token) -> bool:
    """An earlier sentence has told a killing the coder's usual rules code: a killing verb
    ("Vargas was murdered yesterday ... the minister condemned the murder of Vargas") or an
    earlier named killing noun reported as news. This noun then repeats a known incident,
    which is not a second event. A killing noun only recalled earlier ("regarding the
    assassination of X, ...") leaves the first reported mention to tell it."""
    return _told_by(tok.doc, tok.sent.start, low(tok) in ATTACK_NOUNS)


@lru_cache(maxsize=64)  # each killing noun asks about the sentences before it
def _told_by(doc: Doc, end: int, attack: bool) -> bool:
    words = ATTACK_WORDS if attack else KILLING_WORDS
    for t in doc[:end]:
        if low(t) not in words:
            continue
        if t.pos_ == "VERB" or t.pos_ == "NOUN" and reported_killing(t):
            return True
    return False


def _year(tok: Token) -> bool:
    """"1975", "'80": a year names a time long enough ago to be background, or dates it."""
    text = tok.text.lstrip("'")
    return text.isdigit() and (len(text) == 4 and text[:2] in ("18", "19", "20")
                               or len(text) == 2 and tok.text.startswith("'"))


def attributed_only(tok: Token) -> bool:
    """The event word is only what a claim or blame is about ("accused Iran of bombing"),
    unless it is a named killing reported as news: "police blamed the cartel for the killing
    of Judge X on Tuesday" tells the killing, and the claim is its attribution."""
    return is_attributed(tok) and not reported_killing(tok)


def talk_only(tok: Token) -> bool:
    """The event word is talk about violence (`relevance.talked_about`), unless it is a named
    killing reported as news: "ready to carry out an inquiry to clarify Thursday's murder of
    eight people" reports the murder, though the inquiry is its purpose."""
    return talked_about(tok) and not reported_killing(tok)
