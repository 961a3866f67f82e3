"""Which figures in a sentence are not counts of people: ages, clock times, labels
("zone 10"), dates ("24 May"), measures and the attackers' own numbers.

Helpers of the sentence toll reader (`flashpoint.coding.tolls._skip_quantity`); the rules are
in docs/tolls.md ("Ignored" and "Wire-copy rules").
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from .numbers import Quantity
from .people import recased

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CALENDAR = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [m.lower() for m in calendar.month_abbr[1:]]
    + [d.lower() for d in calendar.day_name]
)


def words_before(sent: Span, i: int, n: int) -> list[str]:
    """The `n` words before sentence index `i`, skipping the whitespace tokens that wire
    copy's line breaks leave ("murdered at\\n1620": "at" is still the word before)."""
    words = [t.lower_ for t in sent[:i] if not t.is_space]
    return words[-n:]


def words_after(sent: Span, i: int, n: int) -> list[str]:
    """The `n` words from sentence index `i` on, skipping whitespace tokens."""
    return [t.lower_ for t in sent[i:] if not t.is_space][:n]


def next_to_date(sent: Span, q: Quantity) -> bool:
    """A month or weekday touches the figure; "24 May two citizens": the day is given, so the
    figure after the month is a count."""
    if q.end < len(sent) and is_calendar_word(sent[q.end]):
        return True
    if q.start == 0 or not is_calendar_word(sent[q.start - 1]):
        return False
    return not (q.start > 1 and sent[q.start - 2].like_num)


def is_age(sent: Span, q: Quantity) -> bool:
    """"Rodriguez Porth, 65, was killed": a figure between commas after a name is an age."""
    if q.start < 2 or q.end >= len(sent) or q.end - q.start != 1:
        return False
    name, comma, after = sent[q.start - 2], sent[q.start - 1], sent[q.end]
    named = name.pos_ == "PROPN" or name.ent_type_ == "PERSON" or recased(name)
    return comma.text == "," and after.text in (",", ";") and named  # "Jeffrey brent ball, 21,"


_AGE_WORDS = frozenset("aged age ages".split())
_AGE_LIST = frozenset("and or , to".split())


def listed_age(sent: Span, q: Quantity) -> bool:
    """"two missionaries, aged 19 and 21, were shot": every figure of a list after "aged"
    is an age, not only the first one."""
    for word in reversed(words_before(sent, q.start, 6)):
        if word in _AGE_WORDS:
            return True
        if word not in _AGE_LIST and not word.isdigit():
            return False
    return False


def is_label(sent: Span, q: Quantity) -> bool:
    """"Boeing 727", "Route 5": digits right after a proper noun name a thing."""
    words = [t for t in sent[: q.start] if not t.is_space]  # "in zone\n10"
    if not words or not sent[q.start].text.isdigit():
        return False
    before = words[-1]
    if before.lower_ in _LABEL_NOUNS:
        return True  # "in zone 10", "on route 5", "at km 40"
    return before.pos_ == "PROPN" and before.i > sent.start and before.ent_type_ != "DATE"


# Nouns that a number after them labels rather than counts.
_LABEL_NOUNS = frozenset(
    "zone route highway km kilometer kilometre street avenue road sector block flight room "
    "floor gate lane platform terminal exit ward district precinct".split()
)


# Words before "at N" that make N a toll figure ("the toll stood at 10").
_AT_FIGURE = frozenset("toll total figure number stood stands stand rose risen climbed".split())


def names_perpetrators(sent: Span, q: Quantity) -> bool:
    """"killed by some 30 men", "a group of 30 to 40", "at 10": the figure counts the
    attackers or tells the time, not the victims."""
    before = words_before(sent, q.start, 4)
    if before[-1:] == ["by"] or before[-2:] in (["group", "of"], ["band", "of"], ["gang", "of"]):
        return True
    return before[-1:] == ["at"] and not _AT_FIGURE.intersection(before)


def described_one(sent: Span, q: Quantity) -> bool:
    """"Ramiro Castillo, the president of the bank and one of the most prominent
    businessmen, was shot": "one of the most ..." describes the person it is listed with."""
    one = sent[q.start]
    if one.lower_ != "one" or one.dep_ not in ("conj", "appos"):
        return False
    after = [t for t in sent[q.end :] if not t.is_space][:3]
    words = [t.lower_ for t in after]
    return words[:2] == ["of", "the"] and len(after) == 3 and (
        words[2] in ("most", "best", "least") or after[2].tag_ == "JJS")


def is_clock_time(sent: Span, q: Quantity) -> bool:
    """"exploded at approximately 1100": a four-digit 24-hour clock time after "at"."""
    text = sent[q.end - 1].text
    if not re.fullmatch(r"[0-2]\d[0-5]\d", text) or int(text) > 2359:
        return False
    before = words_before(sent, q.end - 1, 2)
    return before[-1:] == ["at"] or (before[:1] == ["at"] and before[-1] in _CLOCK_HEDGES)


_CLOCK_HEDGES = frozenset("approximately about around roughly".split())


def is_calendar_word(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    if word != "may":
        return word in _CALENDAR
    if tok.text[0].isupper():
        return True
    # "on 24 may two citizens were killed" (truecased wire copy): the month, not the verb
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.i > 0 and doc[tok.i - 1].like_num and (after is None or after.tag_ != "VB")
