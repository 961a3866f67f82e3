"""Toponyms found by their written form rather than by the entity tagger: street names,
wire-copy datelines, postal-style state and province abbreviations, and a legislator's
home state ("D-S.C.", "R-Marshall").

Each finder takes a spaCy Doc and returns token spans (start, end); `find_toponyms` merges
them with its other sources.
- `street_spans`: capitalised words ending in a street word ("Royal Street", "Augusta St.",
  "Eglinton Avenue West"); a house number before it is left out ("420 Augusta St." ->
  "Augusta St."); a street word followed by a number is a numbered road ("County Road 43"),
  and one followed by another capitalised word names something else ("Pleasant Lane
  School"): neither is taken.
- `dateline_spans`: an ALL-CAPS place name opening a line, a sentence or following the year
  of a date ("March 24, 2009 NEWARK --") and followed by a dash, a bracket or a comma
  ("TORRINGTON —", "BEIRUT (AP)", "COLUMBUS, Ohio"), when its title-cased form is in the
  gazetteer; or by a colon ("BEIRUT: ...") when it names a town of
  COLON_DATELINE_POPULATION people or more.
- `division_spans`: a region named before "department" ("Usulutan Department").
- `affiliation_spans`: the place after a party letter and a hyphen ("Rep. Nick Rahall,
  D-W. Va.", "R-Marshall").
- `abbreviation_end`: the character end of a span, moved past the full stop of an
  abbreviation such as "Man.", "Que." or "U.S." that the tokenizer split off.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, candidates, has_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STREET_WORDS: frozenset[str] = frozenset(
    {"street", "st.", "road", "rd.", "drive", "lane", "avenue", "ave.", "boulevard", "blvd.",
     "parkway", "circle", "highway", "pkwy."})
COMPASS: frozenset[str] = frozenset({"north", "south", "east", "west", "n.", "s.", "e.", "w.",
                                     "northwest", "northeast", "southwest", "southeast"})
# Words that stop a street name on its left: an article, a title, a month.
NOT_NAME: frozenset[str] = frozenset(
    {"the", "a", "an", "and", "or", "of", "on", "in", "at", "to", "from", "by", "near", "mr.",
     "mrs.", "ms.", "dr.", "the", "this", "that"})
MAX_NAME_WORDS = 3
DATELINE_NEXT: frozenset[str] = frozenset({"\u2014", "\u2013", "--", "---", "-", "(", ","})
MAX_DATELINE_WORDS = 3
# A dateline closed by a colon ("BEIRUT: ...") looks like a heading ("UPDATE:", "PHOTOS:"):
# taken only for a place of this many people.
COLON_DATELINE_POPULATION = 50_000
PARTY_LETTERS: frozenset[str] = frozenset({"D", "R", "I"})
# Postal-style abbreviations of US states and Canadian provinces that wire copy writes with
# a full stop ("Churchill, Man.", "Gatineau, Que."); the corpora's spans keep the stop.
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo Alta Man Ont Que Sask Nfld".split())


def _name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a street's name ("Governors'", "McEver")."""
    text = tok.text
    if not text[:1].isupper() or tok.lower_ in NOT_NAME:
        return False
    if len(text) == 2 and text.endswith("."):
        return False  # an initial: "Virginia L. Lane" is a person
    return tok.is_alpha or all(ch.isalpha() or ch in "'\u2019." for ch in text)


def _capitalised(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha


def _street_end(doc: Doc, i: int) -> int | None:
    """End of a street name whose street word is doc[i]; None when it names something else."""
    end = i + 1
    if _capitalised(doc, end) and doc[end].lower_ in COMPASS and not _capitalised(doc, end + 1):
        end += 1  # "Eglinton Avenue West"
    if end < len(doc) and (doc[end].like_num or _capitalised(doc, end)):
        return None  # "County Road 43", "Pleasant Lane School"
    return end


def street_spans(doc: Doc) -> list[tuple[int, int]]:
    """Street names: up to three capitalised words and a street word ("Memphis Street")."""
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in STREET_WORDS or not tok.text[:1].isupper() or i == 0:
            continue
        start = i
        while start > 0 and i - start < MAX_NAME_WORDS and _name_word(doc[start - 1]):
            start -= 1
        if start > 0 and len(doc[start - 1].text) == 2 and doc[start - 1].text.endswith("."):
            continue  # "Marvin F. Lane"
        end = _street_end(doc, i)
        if start < i and end is not None and doc[start].lower_ != "county":
            spans.append((start, end))
    return spans


def _opens_line(doc: Doc, i: int) -> bool:
    """First word of the text, of a line, after a full stop ("... in lake. HUDSON --") or
    after the year of a date line ("March 24, 2009 MANSFIELD --")."""
    if i == 0:
        return True
    prev = doc[i - 1]
    year = len(prev.text) == 4 and prev.text.isdigit() and prev.text[:2] in ("19", "20")
    return "\n" in prev.text_with_ws or prev.is_space or prev.text in (".", "!", "?") or year


def _caps_word(tok: Token) -> bool:
    if not tok.is_upper:
        return False
    letters = [ch for ch in tok.text if ch.isalpha()]
    return len(letters) >= 2 and tok.text.isupper() and all(
        ch.isalpha() or ch == "." for ch in tok.text)


def _dateline_follows(doc: Doc, end: int) -> bool:
    if end < len(doc) and doc[end].text == ":":  # "BEIRUT: The body of ..."
        return end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
    if end >= len(doc) or doc[end].text not in DATELINE_NEXT:
        return False
    if doc[end].text != ",":
        return True
    return end + 1 < len(doc) and doc[end + 1].text[:1].isupper()  # "COLUMBUS, Ohio"


def dateline_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ALL-CAPS place names that open a dateline ("MANSFIELD —", "BOSTON (Reuters)")."""
    spans: list[tuple[int, int]] = []
    for i in range(len(doc)):
        if not (_caps_word(doc[i]) and _opens_line(doc, i)):
            continue
        end = i + 1
        while end < len(doc) and end - i < MAX_DATELINE_WORDS and _caps_word(doc[end]):
            end += 1
        if not _dateline_follows(doc, end):
            continue
        name = doc[i:end].text.title()
        colon = doc[end].text == ":"  # "UPDATE:", "WATCH:" also open lines: towns only
        if (colon and any(p.population >= COLON_DATELINE_POPULATION
                          for p in candidates(gazetteer, name))) or (
                not colon and has_name(gazetteer, name)):
            spans.append((i, end))
    return spans


def affiliation_spans(doc: Doc) -> list[tuple[int, int]]:
    """A legislator's home state or town: "D-S.C.", "R-Marshall", "D-W. Va."."""
    spans: list[tuple[int, int]] = []
    for i in range(2, len(doc)):
        if doc[i - 1].text != "-" or doc[i - 2].text not in PARTY_LETTERS:
            continue
        if i < 3 or doc[i - 3].text != "," or not doc[i].text[:1].isupper():
            continue
        end = i + 1
        if doc[i].text.endswith(".") and end < len(doc) and doc[end].text.endswith("."):
            end += 1  # "W. Va."
        spans.append((i, end))
    return spans


def abbreviation_end(doc: Doc, end: int) -> int:
    """Character end of a span ending at token `end` - 1, past the split-off full stop of a
    state or province abbreviation ("Man" "." -> "Man.")."""
    last = doc[end - 1]
    abbreviated = last.text in STATE_ABBREVIATIONS or _OPEN_INITIALS.fullmatch(last.text)
    if abbreviated and not last.whitespace_ and end < len(doc) and doc[end].text == ".":
        return doc[end].idx + 1
    return last.idx + len(last.text)


# Dotted initials whose last full stop the tokenizer split off: "U.S", "D.C", "W.Va".
_OPEN_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z][a-z]?")


# Plural place nouns after a list of names: "Becker, Clay and Wilkin counties".
PLURAL_PLACE_NOUNS: frozenset[str] = frozenset(
    {"counties", "parishes", "townships", "provinces", "governorates", "districts",
     "prefectures", "oblasts", "municipalities", "boroughs", "departments"})
# Words after the name of an administrative division in Latin American and French usage
# ("Usulutan Department", "Antioquia department"); the entity tagger takes such a phrase
# for an organisation.
DIVISION_WORDS: frozenset[str] = frozenset({"department", "departamento", "departement"})
DIVISION_FEATURES: frozenset[str] = frozenset({"admin1", "admin2"})
LIST_JOINERS: frozenset[str] = frozenset({",", "and", "or", "&"})


def _name_before(doc: Doc, end: int) -> int | None:
    """Start of the run of capitalised words (at most three) that ends at `end`."""
    start = end
    while start > 0 and end - start < MAX_NAME_WORDS and _capitalised(doc, start - 1):
        start -= 1
    return start if start < end else None


def listed_place_spans(doc: Doc) -> list[tuple[int, int]]:
    """Names listed before a plural place noun: "Jackson and Barrow counties", "Becker,
    Clay, Douglas and Wilkin counties" (each name is a place of that kind)."""
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(t.text for t in doc):
        if word not in PLURAL_PLACE_NOUNS:  # lower case only: "Counties" opens a name
            continue
        end = i
        while (start := _name_before(doc, end)) is not None:
            spans.append((start, end))
            end = start
            if end == 0 or doc[end - 1].lower_ not in LIST_JOINERS:
                break
            end -= 1  # the joiner; ", and" counts as one
            if end > 0 and doc[end].lower_ in ("and", "or") and doc[end - 1].text == ",":
                end -= 1
    return spans


def division_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A first- or second-level division named before "department" ("Usulutan Department",
    "in Cauca department"); not an agency ("the Kansas Department of Transportation", "the
    Police Department": the name must be such a division in the gazetteer)."""
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in DIVISION_WORDS or i == 0:
            continue
        if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            continue
        end = i - 1 if doc[i - 1].is_space else i  # "Usulutan\nDepartment"
        start = _name_before(doc, end)
        if start is not None and any(p.feature in DIVISION_FEATURES
                                     for p in candidates(gazetteer, doc[start:end].text)):
            spans.append((start, end))
    return spans
