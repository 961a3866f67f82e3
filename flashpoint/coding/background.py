"""Background clauses: a violent act told only as the time or the starting point of another
act is recalled, not reported (docs/tolls.md, "Dates").

A careful coder does not code a new event from

- "since the assassination of X", "since rebels seized the town": the act opens a period
  that the sentence is about, so it lies before the report;
- "On that occasion, when X was assassinated, the president declared war", "the president
  had declared war after X was killed": the act dates another act that is itself told as
  past (a look-back phrase such as "on that occasion", "at the time", or a pluperfect).

Such a clause keeps a fresh time of its own ("since Monday's attack", "after the bombing
this morning") and then stays a new event. When the other act is itself violent ("soldiers
were killed when rebels ambushed the convoy") the clause is the same incident, so only a
non-violent main act makes it background; the coder checks that (`coder._is_past`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..records import DateMention

# words that date the clause to the days of the report, so it is news, not background
FRESH = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this (?:morning|afternoon|evening|week)|"
    r"last (?:night|evening)|hours? ago|earlier today|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b",
    re.IGNORECASE,
)
# a look-back phrase: the main act is told as a past moment, not as today's news
LOOK_BACK = re.compile(
    r"\b(?:on that occasion|at that time|at the time|back then|in those days|on that day|"
    r"that same day|in the past)\b",
    re.IGNORECASE,
)
WHEN_MARKS = frozenset({"when", "after", "once"})
AFTER_PREPS = frozenset({"after", "following"})


def _text(tok: Token) -> str:
    doc = tok.doc
    return doc[tok.left_edge.i : tok.right_edge.i + 1].text


def since_period(tok: Token) -> Token | None:
    """The "since" phrase or clause that holds the event word, or None: "since the
    assassination of X", "since rebels seized the town"."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "prep" and node.lower_ == "since":
            return node
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                        for c in node.children):
            return node
        if node.dep_ == "ROOT":
            break
    return None


def time_clause(tok: Token) -> Token | None:
    """The "when"/"after" clause or "after the ..." phrase that holds the event word and
    hangs on a verb, or None."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS
                                        for c in node.children):
            return node
        if node.dep_ == "prep" and node.lower_ in AFTER_PREPS and node.head.pos_ in (
                "VERB", "AUX"):
            return node
        if node.dep_ in ("ROOT", "relcl", "ccomp"):
            break
    return None


def looks_back(clause: Token) -> bool:
    """Is the act the clause hangs on the sentence's main act, told as past: a look-back
    phrase in the sentence outside the clause, or a pluperfect main verb ("had declared")?
    ("It looked as if it had been burned after being ransacked": the clause hangs on a
    description, not on the sentence's act.)"""
    main = clause.head
    sent = clause.sent
    if main.dep_ != "ROOT":
        return False
    outside = sent.text.replace(_text(clause), " ")
    if LOOK_BACK.search(outside):
        return True
    return main.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                      for c in main.children)


def background_clause(tok: Token) -> Token | None:
    """The clause that makes the event word background, or None (module docstring); the
    caller still checks that the act it hangs on is not itself violent for "when"/"after"."""
    since = since_period(tok)
    if since is not None:
        return None if FRESH.search(_text(since)) else since
    clause = time_clause(tok)  # a fresh word anywhere makes the look-back doubtful
    if clause is None or FRESH.search(tok.sent.text) or not looks_back(clause):
        return None
    return clause


def _inside(clause: Token, i: int) -> bool:
    return clause.left_edge.i <= i <= clause.right_edge.i


def is_background(tok: Token, dated_at: int | None = None) -> bool:
    """Is the event word `tok` told only as background (module docstring)? `dated_at` is the
    character offset of the date the coder chose for it: a date inside the clause is a time
    of its own, so the act is then coded by that date instead."""
    clause = background_clause(tok)
    if clause is None:
        return False
    if dated_at is not None and clause.left_edge.idx <= dated_at <= clause.right_edge.idx:
        return False
    if clause.lower_ == "since" or since_period(tok) is not None:
        return True
    from .triggers import detect  # only for the rare sentence that has such a clause

    return not any(t.factual and not t.irrealis and not _inside(clause, t.head_i)
                   for t in detect(tok.sent))


OCCUR_VERBS = frozenset({"happen", "occur"})
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})


def _date_verb(doc: Doc, when: DateMention) -> Token | None:
    """The word a date expression hangs on, through "on"/"at" ("happened on 5 July")."""
    span = doc.char_span(when.start, when.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    return tok.head.head if tok.head.dep_ == "prep" else tok.head


def dates_an_occurrence(doc: Doc, when: DateMention) -> bool:
    """Does the date hang on "it happened / the incident occurred / the blast took place"?
    Such a sentence names no act of its own: it dates the event just told ("A bomb hurt 30
    sailors. 'It happened on 5 July,' an official said")."""
    verb = _date_verb(doc, when)
    if verb is None:
        return False
    occurs = verb.lemma_.lower() in OCCUR_VERBS or verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if not occurs:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in ("it", "this", "that") or any(
        c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in s.children) for s in subjects)


# verbs of stating, accusing and meeting: a lead's date on one of them dates a statement or a
# meeting ("charged yesterday that there is a plan to ..."), not the story's incident
STATEMENT_LEMMAS = frozenset(
    "say tell announce report confirm add state claim deny write post publish update charge "
    "accuse denounce condemn demand urge ask call declare warn reveal disclose admit explain "
    "allege threaten reject protest learn meet hold sign agree".split()
)


def dates_a_statement(doc: Doc, when: DateMention) -> bool:
    """Does the date hang on a verb of stating, accusing or meeting?"""
    verb = _date_verb(doc, when)
    return verb is not None and verb.lemma_.lower() in STATEMENT_LEMMAS
