"""Scene changes: wording that starts another incident in the next sentence of a report.

The event coder (`flashpoint.coding.coder.EventCoder._joins`) lets an undated sentence of
the same family that follows an event continue it even when it names another place, because
a village near the first town is often geocoded elsewhere. Reports that list several
incidents break that assumption: "In Zaria, gunmen abducted a pastor. In Kaduna, members
of another gang abducted a landowner." A careful coder (ACLED: one
event per type, day and location) splits such a list. This module recognises the wording
that marks a new scene, so that a sentence naming another area with it does not continue
the running event:

- a fronted place phrase: the sentence opens with "In <place>," / "At <place>," (the place
  sets the scene of what follows, it does not elaborate the last sentence);
- an addition or simultaneity opener: "Furthermore, ...", "Likewise, ...", "At the same
  time, ...", "Simultaneously, ..." (`relevance.adds_another` covers "also" and "In
  addition");
- "also" on the sentence's main verb ("He also reported that guerrillas burned a bus").

These checks apply only when the sentence names a place outside the running event's area;
an elaboration at the same place ("In the town, the rebels burned the mayor's office")
still joins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..records import Place, PlaceMention

_SCENE_OPENERS = re.compile(
    r"^\W*(?:\[[^\]]*\]\s*)*(?:furthermore|likewise|similarly|besides|at the same time|"
    r"simultaneously|at about the same time|on the same day|that same day)\b",
    re.IGNORECASE,
)


_LEAD_WORDS = frozenset("also later earlier yesterday today tonight then meanwhile finally "
                        "this last morning afternoon evening night".split())
_LOCATIVE = frozenset({"in", "at", "near", "outside"})


def scene_span(sent: Span) -> tuple[int, int] | None:
    """The character span of a sentence-opening place phrase ("In the town of X", "Yesterday
    in X,"): from a locative preposition after any bracketed tag, time word or "In
    addition," up to the first comma or verb; None when the sentence opens otherwise."""
    toks = [t for t in sent if not t.is_space]
    i, depth = 0, 0
    while i < len(toks):
        tok = toks[i]
        depth += (tok.text == "[") - (tok.text == "]")
        low = tok.lower_
        if low == "in" and i + 1 < len(toks) and toks[i + 1].lower_ == "addition":
            i += 2
            continue
        if depth == 0 and tok.text != "]" and not tok.is_punct and low not in _LEAD_WORDS:
            break
        i += 1
    if i >= len(toks) or toks[i].lower_ not in _LOCATIVE:
        return None
    end = i + 1
    while end < min(len(toks), i + 16) and toks[end].text not in (",", ";", ".") \
            and toks[end].pos_ not in ("VERB", "AUX"):
        end += 1
    return toks[i].idx, toks[end - 1].idx + len(toks[end - 1])


def scene_places(sent: Span, places: Iterable[PlaceMention]) -> set[int]:
    """GeoNames ids of the resolved places in the sentence's opening place phrase: "In Zaria,
    members of the gang abducted a landowner" sets the scene in Zaria."""
    span = scene_span(sent)
    if span is None:
        return set()
    return {p.place.geonameid for p in places
            if p.place is not None and span[0] <= p.start < span[1]}


def fronted_place(sent: Span, places: list[PlaceMention]) -> bool:
    """Does the sentence open with a place phrase holding one of `places`?"""
    return bool(scene_places(sent, places))


def scene_opener(sent: Span) -> bool:
    """"Furthermore, ...", "At the same time, a bomb exploded ...": the sentence adds an
    incident to the one before it."""
    return bool(_SCENE_OPENERS.match(sent.text))


def also_reported(sent: Span) -> bool:
    """"He also reported that guerrillas killed a peasant": "also" on the sentence's main
    verb, which adds to the report rather than elaborating its last incident."""
    return any(tok.dep_ == "advmod" and tok.lower_ in ("also", "further")
               and tok.head.dep_ == "ROOT" for tok in sent)


def new_scene(sent: Span, places: list[PlaceMention]) -> bool:
    """Does `sent` open another incident's scene (see module docstring)? Used only when it
    names a place outside the running event's area."""
    return fronted_place(sent, places) or scene_opener(sent) or also_reported(sent)


def same_area(a: Iterable[Place], b: Iterable[Place]) -> bool:
    """Is one place of `a` inside (or equal to) one of `b`, or the reverse? A country holds
    its places, a first-level division the places in it; two towns of one province are
    different areas (ACLED codes one event per location)."""
    pb = list(b)
    return any(_contains(x, y) or _contains(y, x) for x in a for y in pb)


def _contains(outer: Place, inner: Place) -> bool:
    if outer.country_code != inner.country_code:
        return False
    if outer.feature == "country":
        return True
    return outer.feature == "admin1" and outer.admin1 is not None and \
        outer.admin1 == inner.admin1
