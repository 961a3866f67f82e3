"""Toponym recognition: spaCy place entities plus a gazetteer matcher for names it misses.

`find_toponyms(doc, gazetteer)` returns (start, end, text) character spans. Sources:
- spaCy GPE/LOC/FAC entities (a leading "the" and a trailing "region"/"province"... are
  trimmed off, so the qualifier can be read after the span);
- a gazetteer matcher over capitalised token sequences (1..max_name_tokens words, joined by
  hyphens or lowercase connectors such as "al-", "ez-", "de"), for names the model misses
  ("al-Mayadeen", "Deir ez-Zor").
Rejected: demonyms and adjectives ("Syrian", "Iranian-backed", "pro-Iranian"; a NORP entity
that is a place name, such as the small model's "Aleppo", is kept), names inside ORG/PERSON
entities or followed by an organisation head ("Kabul University", "Syrian
state media", "the Damascus government"), names after a personal title ("Mr. Paris"),
common English words that happen to be places ("However", "Police"), and names of two
letters or fewer unless they are an upper-case country code ("US", "UK").

Also found: street names, ALL-CAPS datelines, a legislator's home state and names listed
before "counties" (flashpoint/geo/surface.py), and other mentions of a name the model tags
as a place elsewhere in the document (one sense per discourse). Also rejected: one-word
place entities and non-landmark facilities the gazetteer does not know ("Pawlenty",
"Highway 12"), abbreviations, months, capitalised plurals and speakers the matcher would
take ("Sgt.", "July", "CDs", "Jones said"), mojibake ("Itâ"); a trailing possessive, a
leading title and "State" before an organisation ("Illinois State Police") are trimmed.
Truecased wire copy: a name wrapped over a line break is one name, the place opening a
dateline ("Sucre, 3 sep 89 --") is found, and an entity with no capitalised word is none.

`qualifier(text, start, end)` reads the wording that lowers precision around a span.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, candidates, has_name
from .normalize import ARTICLES
from .surface import (
    STATE_ABBREVIATIONS,
    abbreviation_end,
    affiliation_spans,
    dateline_spans,
    division_spans,
    listed_place_spans,
    street_spans,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Toponym = tuple[int, int, str]

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
BLOCK_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
     "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)
CONNECTORS: frozenset[str] = ARTICLES | frozenset(
    {"de", "del", "della", "di", "du", "des", "la", "le", "los", "las", "of", "ibn", "bin",
     "bani", "beni", "abu", "umm", "um", "and", "y", "da", "do", "dos", "sur", "upon", "on"}
)
# Words after a place name that make it an organisation or a metonym, not a location.
ORG_HEADS: frozenset[str] = frozenset(
    {"university", "college", "school", "council", "party", "movement", "front", "army",
     "brigade", "brigades", "force", "forces", "troops", "military", "media", "news", "times",
     "post", "ministry", "government", "club", "fc", "company", "bank", "corporation",
     "institute", "police", "officials", "official", "authorities", "authority", "regime",
     "embassy", "president", "administration", "secretary", "leader", "leaders", "state-run",
     "tv", "television", "radio", "agency", "airlines", "airways", "federation", "league",
     "team", "office", "minister", "prime", "ambassador", "consulate", "command", "navy",
     "guard", "militia", "militias", "fighters", "rebels", "soldiers", "court", "parliament",
     "cabinet", "congress", "senate", "spokesman", "spokesperson", "envoy", "intelligence",
     "mayor", "governor", "sheriff", "commissioner", "commissioners"}
)
# Words before a place name that make it part of a group's name ("Islamic State West Africa
# Province", "Islamic State Khorasan Province").
GROUP_PREFIXES: frozenset[tuple[str, str]] = frozenset({("islamic", "state"), ("is", "-")})
TITLES: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "president", "gen", "general", "col", "colonel", "capt",
     "captain", "sgt", "lt", "minister", "king", "queen", "prince", "sheikh", "imam", "pope",
     "st", "senator", "sen", "rep", "gov", "governor", "judge", "lady", "lord", "father",
     "brother", "sister", "emir", "commander", "mayor"}
)
# Capitalised common words that are also the names of (usually tiny) places somewhere.
COMMON_WORDS: frozenset[str] = frozenset("""
a about above according additionally after again against all also although among an and
another any are around as at attack attacks back based because been before being below
between both but by can city clashes could day despite during each early either even every
few first five following for four from further government had has have he health her here
his hospital how however if in including initial into is it its just last late later least
less many may meanwhile military more moreover most much must my near never new news next
no nonetheless nor not now of officials on once one only or other our out over overall
own part people police president previously region reports rescue said same security
several she should since so some state still such than that the their then there these
they this those though three through thus to today too two under union until up upon us
very victory was we were what when where which while who why will with within without
would yet yesterday you city town village center central north south east west northern
southern eastern western north-east hope unity liberty independence freedom justice peace
mission camp market border bridge airport port station valley river lake mount hill sea
gulf bay island islands coast street road square district province governorate
muslim muslims christian christians shia shiite shiites sunni sunnis kurd kurds kurdish arab
arabs jewish jews hindu hindus buddhist alawite alawites druze yazidi yazidis houthi houthis
tuareg fulani hausa tamil tamils pashtun baloch hazara tigrayan amhara oromo rohingya uyghur
republican republicans democrat democrats islamist islamists jihadist jihadists catholic
catholics protestant orthodox communist socialist liberal conservative photo photos video
vice leader pope god king queen iron house free easter christmas color colour officer federal
olympic olympics mps mp chief deputy senior general justice national royal grand great lucky
amber phoenix hope faith grace trinity paradise eden providence union progress prime
county parish township room web act bill drug mass big
""".split())
# Parts of speech that a place name never takes, even when spaCy mis-tags a capitalised word.
CLOSED_POS: frozenset[str] = frozenset({"VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "ADP",
                                        "PART", "INTJ", "NUM"})
# A single capitalised word that spaCy did not tag is taken as a place only when some place of
# that name is this large, or when a locative preposition comes before it.
MATCHER_MIN_POPULATION = 5000
LOCATIVE: frozenset[str] = frozenset({"in", "at", "near", "from", "to", "into", "outside",
                                      "around", "across", "inside", "of", "towards", "toward"})
# Characters that UTF-8 text read as Latin-1 leaves behind ("â€™" for "’").
_MOJIBAKE = re.compile("\u00e2$|\u00e2\u20ac|[\u00c3\u00c2\ufffd]")
SAINTS: frozenset[str] = frozenset({"st", "saint"})
POSSESSIVES: frozenset[str] = frozenset({"'s", "\u2019s", "'", "\u2019"})
SHORT_OK: frozenset[str] = frozenset({"US", "UK", "U.S.", "U.K.", "UAE", "DRC", "USA", "CAR"})
# Month names and abbreviations: "3 NOV 89" in a wire dateline is a date, not Nov in Tajikistan.
MONTHS: frozenset[str] = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split())

_BEFORE = re.compile(
    r"(?:\b(?P<q>near|nearby|outside|around|close to|(?:the\s+)?outskirts of|(?:the\s+)?"
    r"(?:countryside|suburbs?|vicinity|environs) of|(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)(?:ern)?\s+of|(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\w+\s+)?(?:of|from)))\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"^[\s-]+(?P<q>region|province|department|district|governorate|area|countryside|"
    r"outskirts|suburbs?|"
    r"county|oblast|valley|basin|vicinity|environs)\b",
    re.IGNORECASE,
)
_TRAILING_QUALIFIER = re.compile(
    r"[\s-]+(?:region|province|district|governorate|area|countryside|county|oblast)$",
    re.IGNORECASE,
)


def qualifier(text: str, start: int, end: int) -> str:
    """Precision-lowering wording around text[start:end]: "near", "outskirts", "north of",
    "region", "province", "district", "area" ...; "" when the text names the place itself."""
    before = _BEFORE.search(text[max(0, start - 40):start])
    if before:
        words = before.group("q").lower().split()
        words = [w for w in words if w != "the"]
        if words[-1] == "of" and words[0] in ("outskirts", "countryside", "suburbs", "suburb",
                                              "vicinity", "environs"):
            return "near" if words[0] in ("vicinity", "environs") else words[0]
        if words[0] in ("km", "kilometres", "kilometers", "miles", "nearby", "outside",
                        "around", "close"):
            return "near"
        return " ".join(words)
    after = _AFTER.search(text[end:end + 20])
    return after.group("q").lower() if after else ""


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _demonym(text: str) -> bool:
    from ..countries import iso2_from_demonym, iso2_from_name

    return iso2_from_name(text) is None and iso2_from_demonym(text) is not None


def _next_word(doc: Doc, end_token: int) -> str:
    return doc[end_token].lower_ if end_token < len(doc) else ""


def _rejected(doc: Doc, start: int, end: int, embedded: bool = False) -> bool:
    """Span-level filters shared by entity and matcher spans (token indices); unless
    `embedded`, a name before an organisation head ("Kabul University", "the Damascus
    government") or a hyphen compound ("Syria-based") is rejected too."""
    text = doc[start:end].text
    if _letters(text) <= 2 and not _short_place(doc, start, end):
        return True
    if _MOJIBAKE.search(text):
        return True  # "Itâ" from a mis-decoded "It’s"

    if end - start == 1 and _month_in_date(doc, start):
        return True
    if _bracket_tag(doc, start, end):
        return True
    if _demonym(text):
        return True
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    if before in ("pro", "anti") or (before == "-" and start > 1 and
                                     doc[start - 2].lower_ in ("pro", "anti")):
        return True
    if before in TITLES and start > 0 and _is_capitalised(doc[start - 1]):
        return True
    if start >= 2 and (doc[start - 2].lower_, doc[start - 1].lower_) in GROUP_PREFIXES:
        return True  # "Islamic State Sahel Province" is an armed group, not the Sahel
    return not embedded and _org_or_compound(doc, end)


def _bracket_tag(doc: Doc, start: int, end: int) -> bool:
    """A name that is all of a square-bracketed tag: a transcript's speaker label
    ("[Colindres] We condemn ...") or an editorial note, not a place named in the report."""
    return start > 0 and end < len(doc) and doc[start - 1].text == "[" and doc[end].text == "]"


def _org_or_compound(doc: Doc, end: int) -> bool:
    """An organisation head, "state media" or a lower-case hyphen compound follows."""
    after = _next_word(doc, end)
    if after in ORG_HEADS:
        return True
    if after == "-" and end + 1 < len(doc) and doc[end + 1].is_lower:
        return True  # "Iranian-backed", "Syria-based"
    return after == "state" and _next_word(doc, end + 1) in ("media", "tv", "television")


def _short_place(doc: Doc, start: int, end: int) -> bool:
    """A name of one or two letters that is a place: "US", "UK", a state after a comma
    ("Louisville, Ky."), a postal abbreviation ("Ga."), or dotted initials the model tags as
    a place ("D.C.", "L.A.")."""
    text = doc[start:end].text
    if text in SHORT_OK or _state_abbreviation(doc, start, end):
        return True
    if text.endswith(".") and text.rstrip(".") in STATE_ABBREVIATIONS:
        return True
    return bool(_INITIALS.fullmatch(text)) and doc[start].ent_type_ in PLACE_LABELS


_INITIALS = re.compile(r"(?:[A-Z]\.){2}|[A-Z]\.[A-Z]")


def _state_abbreviation(doc: Doc, start: int, end: int) -> bool:
    """A dotted abbreviation after a comma: "Louisville, Ky.", "Washington, D.C."."""
    text = doc[start:end].text
    return (text.endswith(".") and text[:1].isupper() and start > 0
            and doc[start - 1].text == "," and _letters(text) >= 1)


def _month_in_date(doc: Doc, i: int) -> bool:
    """A month name next to a number: "3 Nov 89", "May 5" (a lone "May" may still be a place)."""
    if doc[i].lower_.rstrip(".") not in MONTHS:
        return False
    return any(0 <= j < len(doc) and doc[j].like_num for j in (i - 1, i + 1))


def _all_common(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if any(ch.isalpha() for ch in t.text)]
    return not words or all(t.text not in SHORT_OK and (t.lower_ in COMMON_WORDS or t.is_stop)
                            for t in words)


# Words that end a place name inside a longer organisation or facility name ("Cottonport
# Fire Station", "West Virginia State Police", "Douglas County Road 4"): the field's corpora
# code the place name alone.
NAME_ENDERS: frozenset[str] = ORG_HEADS | frozenset(
    {"fire", "station", "sheriff", "sheriff's", "state", "city", "embassy", "airport", "road",
     "department", "hospital", "church", "high", "library", "museum", "hotel", "stadium",
     "highway", "jail", "district", "memorial", "medical", "public", "county-wide", "mayor",
     "governor", "sheriff", "chief", "commissioner", "commissioners", "volunteer",
     "community", "regional", "area", "chamber", "town", "village"})


def _place_prefix(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """End of the longest known place name that opens doc[start:end] and is followed by a
    name-ending word; `end` itself when the whole span is a known name or none fits."""
    if end - start < 2 or has_name(gazetteer, doc[start:end].text):
        return end
    for cut in range(end - 1, start, -1):
        if doc[cut].lower_ in NAME_ENDERS and has_name(gazetteer, doc[start:cut].text):
            return cut
    return end


DIRECTIONS: frozenset[str] = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
     "southeastern", "southwestern", "central", "upper", "lower"})


def _without_direction(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Start after a leading compass word that is not part of the name: "South Arlington",
    "Southern Sudan" -> the place alone; "South Sudan", "North Carolina" stay whole."""
    if end - start < 2 or doc[start].lower_ not in DIRECTIONS:
        return start
    if has_name(gazetteer, doc[start:end].text) or not has_name(gazetteer, doc[start + 1:end].text):
        return start
    return start + 1


def _surnames(doc: Doc) -> frozenset[str]:
    """Last words of the multi-word person names in a document ("Tim Pawlenty" ->
    "Pawlenty"): a later lone "Pawlenty" or "Jones" is the person again, not a place. A
    country's name is never taken for one (the small model's "Rethinking Egypt")."""
    from ..countries import iso2_from_name

    return frozenset(ent[-1].text for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha
                     and iso2_from_name(ent[-1].text) is None)


def _trailing_junk(tok: Token) -> bool:
    """A possessive, a space, a dash or a lower-case word closing an entity ("Highway 59
    to", "Delaware Bay beach")."""
    return (tok.lower_ in POSSESSIVES or tok.is_space or tok.is_punct and tok.text != "."
            or tok.is_lower and tok.is_alpha)


def _without_state_word(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """"Illinois State Police", "Ohio State University", "Mississippi State's": the
    place alone, when "State" is followed by a name, an organisation head or a possessive."""
    if end - start < 2 or doc[end - 1].lower_ != "state" or end >= len(doc):
        return end
    after = doc[end]
    if not (after.text[:1].isupper() or after.lower_ in ORG_HEADS | POSSESSIVES):
        return end
    return end - 1 if has_name(gazetteer, doc[start:end - 1].text) else end


def _unknown_word(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """An entity the gazetteer does not know that is one word ("Pawlenty", "Petrojet": the
    small model's place tags on unknown single words are mostly people and companies) or a
    facility that is not a landmark ("Highway 12", "Worden Elementary")."""
    if has_name(gazetteer, doc[start:end].text) or _short_place(doc, start, end):
        return False
    if end - start == 1:
        return True
    return doc[start].ent_type_ == "FAC" and doc[end - 1].lower_ not in LANDMARK_HEADS


# Last words of facility names that are places in their own right ("Dulles International
# Airport", "Washington Square"); other unknown facilities ("Highway 12", "Worden
# Elementary", "the Heimlich Maneuver") are mostly not toponyms in the corpora.
LANDMARK_HEADS: frozenset[str] = frozenset(
    {"airport", "square", "park", "bridge", "church", "cathedral", "basilica", "mosque",
     "temple", "synagogue", "stadium", "arena", "hospital", "library", "palace", "museum",
     "castle", "fort", "tower", "station", "centre", "center", "market", "plaza", "gardens",
     "garden", "cemetery", "prison", "port", "harbour", "harbor", "dam", "canal", "mall",
     "street", "road", "avenue", "boulevard", "lane", "drive", "hall"})


def _entity_spans(doc: Doc, gazetteer: Gazetteer, embedded: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = ent.start, ent.end
        while end - start > 1 and (doc[start].lower_ == "the" or doc[start].like_num):
            start += 1  # "the Sahel", "Two Northeast Georgia counties"
        if doc[start].lower_.rstrip(".") in TITLES - SAINTS:
            continue  # "Ms Raggi", "Gen. Haftar": a person
        while end - start > 1 and _trailing_junk(doc[end - 1]):
            end -= 1  # "Notre Dame's", "San Francisco's", "Highway 59 to"
        end = _without_state_word(doc, start, end, gazetteer)
        while end - start > 1 and _TRAILING_QUALIFIER.search(" " + doc[end - 1].text):
            end -= 1
        end = _place_prefix(doc, start, end, gazetteer)
        start = _without_direction(doc, start, end, gazetteer)
        if _unknown_word(doc, start, end, gazetteer) or _lower_case(doc, start, end):
            continue
        if not _rejected(doc, start, end, embedded) and not _all_common(doc, start, end):
            spans.append((start, end))
    return spans


def _lower_case(doc: Doc, start: int, end: int) -> bool:
    """No capitalised word: a name is capitalised in cased or truecased copy, so an entity
    such as "colorado" (a surname the truecaser left lower-case) or "atlantic" is not one."""
    return not any(t.text[:1].isupper() for t in doc[start:end])


def _name_start(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ == "the" or tok.is_stop and tok.pos_ in ("DET", "ADP"):
        return False  # "A US serviceman", "At Makeen"
    if _is_capitalised(tok) and tok.is_alpha or "'" in tok.text and tok.text[:1].isupper():
        return True
    if tok.text in SHORT_OK:
        return True
    return (tok.lower_ in ARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-"
            and _is_capitalised(doc[i + 2]))


def _extend(doc: Doc, i: int, limit: int) -> list[int]:
    """Candidate end indices (exclusive) of a name starting at token i, longest first."""
    ends: list[int] = []
    words = 0
    j = i
    while j < len(doc) and words < limit:
        tok = doc[j]
        if (tok.text == "-" and not tok.whitespace_ and j > i and not doc[j - 1].whitespace_
                or _line_wrap(doc, i, j)):
            j += 1
            continue
        if (j > i and doc[j - 1].text != "-" and doc[j - 1].whitespace_ == ""
                and not tok.is_punct and not doc[j - 1].is_space):
            break
        if _is_capitalised(tok) and (tok.is_alpha or "'" in tok.text or tok.text in SHORT_OK):
            ends.append(j + 1)
        elif not (tok.lower_ in CONNECTORS and j + 1 < len(doc)):
            break
        words += 1
        j += 1
    return ends[::-1]


def _line_wrap(doc: Doc, i: int, j: int) -> bool:
    """A single line break inside a name ("San\nMiguel" in wire copy wrapped at 70 columns)."""
    return j > i and doc[j].is_space and doc[j].text.count("\n") == 1 and j + 1 < len(doc)


# "the town of X", "the outskirts of X": a place noun before "of" names a place even when
# the small model tags X as a person or organisation.
PLACE_NOUNS: frozenset[str] = frozenset(
    {"town", "city", "village", "province", "state", "region", "district", "county",
     "governorate", "municipality", "prefecture", "township", "hamlet", "capital", "port",
     "suburb", "neighbourhood", "neighborhood", "camp", "area", "oblast", "commune",
     "outskirts", "suburbs", "edge", "centre", "center", "heart", "north", "south", "east",
     "west", "northeast", "northwest", "southeast", "southwest"}
)
STRONG_LOCATIVE: frozenset[str] = frozenset({"in", "near", "outside", "around", "inside"})


def _whole_entity(doc: Doc, start: int, end: int) -> bool:
    return doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")


def _place_cue(doc: Doc, start: int) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "of" and start > 1:  # "the town of X"; "Steven Sachs of X"
        return doc[start - 2].lower_ in PLACE_NOUNS or doc[start - 2].ent_type_ == "PERSON"
    return before in STRONG_LOCATIVE or _compass_before(doc, start)


def _compass_before(doc: Doc, start: int) -> bool:
    """A lower-case compass word before the name: "eastern Ghouta", "central Illinois"."""
    return start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in DIRECTIONS


def _blocked(doc: Doc, start: int, end: int, embedded: bool = False,
             places: frozenset[str] = frozenset()) -> bool:
    """Inside a non-place entity; but a whole PERSON/ORG entity right after "the town of" or
    "in"/"near" or in an address list ("St., Alexandria,") is the small model mis-tagging a
    place. When `embedded`, so is one qualifying a noun ("a Danbury mason"), and a place
    name opening an organisation's name ("the Mansfield Police Department")."""
    labels = {t.ent_type_ for t in doc[start:end]} & BLOCK_LABELS
    if not labels:
        return False
    if labels <= {"PERSON", "ORG"} and _whole_entity(doc, start, end):
        return not (_place_cue(doc, start) or _list_cue(doc, start, end)
                    or embedded and _loose_cue(doc, start, end, labels))
    if not embedded or labels != {"ORG"}:
        return True
    if _opens_entity(doc, start):  # "the Kansas Department of ...", "the Dublin Zoo"
        return not (_next_word(doc, end) in NAME_ENDERS or doc[start:end].text in places)
    return _before(doc, start) not in ("of", "in", "de")


def _before(doc: Doc, start: int) -> str:
    return doc[start - 1].lower_ if start > 0 else ""


def _opens_entity(doc: Doc, start: int) -> bool:
    """First word of an entity, or the first after its "the" ("The Washington Post")."""
    if doc[start].ent_iob_ == "B":
        return True
    return start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the"


# Nouns a person's name qualifies as often as a place's does.
PERSON_NOUNS: frozenset[str] = frozenset(
    {"administration", "government", "campaign", "presidency", "era", "family", "years",
     "doctrine", "plan", "policy", "policies", "aides", "aide", "camp", "team", "'s"})


def _loose_cue(doc: Doc, start: int, end: int, labels: set[str]) -> bool:
    """Weaker cues, for the corpora's conventions only (an armed group's name also takes
    them: "a Hamas militant", "fire from Hamas")."""
    if "PERSON" in labels:  # "the Bush administration" is a person's, "Danbury police" not
        return _modifies_noun(doc, end) and _next_word(doc, end) not in PERSON_NOUNS
    return _modifies_noun(doc, end) or _before(doc, start) in LOCATIVE


def _modifies_noun(doc: Doc, end: int) -> bool:
    """A name followed by a lower-case noun it qualifies: "Danbury police", "a Torrington
    business"."""
    return end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN"


def _placeish(tok: Token) -> bool:
    return tok.ent_type_ in PLACE_LABELS or (tok.text.endswith(".") and tok.text[:1].isupper())


def _list_cue(doc: Doc, start: int, end: int) -> bool:
    """Between commas next to another place or a dotted abbreviation: "Orchard St.,
    Alexandria", "Alexandria, Va."."""
    before = start >= 2 and doc[start - 1].text == "," and _placeish(doc[start - 2])
    after = end + 1 < len(doc) and doc[end].text == "," and _placeish(doc[end + 1])
    return before or after


def _opens_sentence(doc: Doc, i: int) -> bool:
    """First word of a sentence by punctuation (the parser's own splits are unreliable)."""
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in ('"', "'", "“", "‘", "(", "[")):
        j -= 1
    return j < 0 or doc[j].text in (".", "!", "?", ":", "…") or "\n" in doc[j].text_with_ws


def _common(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    words = [t for t in span if any(ch.isalpha() for ch in t.text)]
    if len(words) == 1:
        tok = words[0]
        if tok.lower_ in COMMON_WORDS or (tok.is_upper and tok.text not in SHORT_OK):
            return True
        if tok.pos_ != "PROPN" and (_opens_sentence(doc, tok.i) or tok.pos_ in CLOSED_POS):
            return True
        if _not_a_name(doc, tok):
            return True
    return _all_common(doc, start, end)


_CAPS_PLURAL = re.compile(r"[A-Z]{2,}s")
SPEECH_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "believe", "recall", "add", "explain", "note", "think", "ask", "reply",
     "admit", "insist", "pause", "recount", "testify", "plead"})


def _not_a_name(doc: Doc, tok: Token) -> bool:
    """A lone word the gazetteer matcher should not take: an abbreviation before its full
    stop ("Pct. 4", "Sgt. Dresser", "Sens. Grendell"), a month ("July 1", "the March of
    Dimes"), a capitalised plural ("CDs", "TVs") or a person speaking ("Jones said")."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "." and not tok.whitespace_:
        return tok.text not in STATE_ABBREVIATIONS and len(tok.text) <= 4
    if tok.lower_ in MONTHS:
        return _before(doc, tok.i) not in STRONG_LOCATIVE  # "near Nov" is a place
    if _CAPS_PLURAL.fullmatch(tok.text):
        return True
    return nxt is not None and nxt.lemma_ in SPEECH_VERBS


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A lone word next to another capitalised word ("Yulia Skripal", "Mohamed Salah") is
    part of a longer name the gazetteer does not know, most often a person's."""
    def capital(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and _is_capitalised(doc[i])

    after = capital(end) and doc[end].lower_ not in NAME_ENDERS
    before = capital(start - 1) and not doc[start - 1].is_sent_start
    return after or before


def _in_organisation(doc: Doc, start: int, end: int) -> bool:
    """Inside one organisation or facility entity, which goes on past the span or opens
    before it ("the Kansas Department of Transportation")."""
    label = doc[start].ent_type_
    return label in ("ORG", "FAC") and all(t.ent_type_ == label for t in doc[start:end])


def _known(doc: Doc, start: int, end: int, gazetteer: Gazetteer,
           doc_places: frozenset[str] | None = None) -> bool:
    """In the gazetteer; a lone word also needs a sizeable place or a locative preposition.
    Next to other capitalised words it is taken for part of a longer name, unless
    `doc_places` are given (the corpus convention), the name is inside an organisation's
    and it is one of them or comes before a name-ending word ("the Kansas Department of
    Transportation")."""
    text = doc[start:end].text
    if sum(1 for t in doc[start:end] if t.is_alpha) > 1 or "-" in text:
        return has_name(gazetteer, text)
    if _inside_longer_name(doc, start, end) and not (
            doc_places is not None and _in_organisation(doc, start, end)
            and (text in doc_places or _next_word(doc, end) in NAME_ENDERS)):
        return False
    places = candidates(gazetteer, text)
    if not places:
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    return (before in LOCATIVE or _compass_before(doc, start)
            or max(p.population for p in places) >= MATCHER_MIN_POPULATION)


MAJOR_POPULATION = 100_000
MAJOR_FEATURES: frozenset[str] = frozenset({"country", "admin1"})


def _major_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A whole person or organisation entity of two or more words that names a country, a
    first-level region or a large city ("Tamil Nadu said", "Sri Lanka's former president"):
    the small model's label is wrong more often than the name is a person's."""
    if not _whole_entity(doc, start, end) or doc[start].ent_type_ not in ("PERSON", "ORG"):
        return False
    if end - start > 1:
        return any(p.population >= MAJOR_POPULATION or p.feature in MAJOR_FEATURES
                   for p in candidates(gazetteer, doc[start:end].text))
    # one word: only a country or a city of millions under its main name ("Georgia" and
    # "Jackson" are people too; "Bell" is an alternate name of a big city)
    text = doc[start].text
    return any(p.population >= 10 * MAJOR_POPULATION and p.feature in ("city", "country")
               and p.name.casefold() == text.casefold()
               for p in candidates(gazetteer, text))


def _acts(doc: Doc, end: int) -> bool:
    """A verb follows: "Tamil Nadu said" is a government speaking (a metonym)."""
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX")


def _doc_places(doc: Doc) -> frozenset[str]:
    """Texts the model tags as places somewhere in the document (without "the")."""
    return frozenset(ent.text.removeprefix("the ").removeprefix("The ") for ent in doc.ents
                     if ent.label_ in PLACE_LABELS)


def _matcher_spans(doc: Doc, gazetteer: Gazetteer, embedded: bool) -> list[tuple[int, int]]:
    places = _doc_places(doc)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        found = None
        if _name_start(doc, i):
            for end in _extend(doc, i, gazetteer.max_name_tokens):
                if _common(doc, i, end) or (_blocked(doc, i, end, embedded, places) and not (
                        _major_place(doc, i, end, gazetteer)
                        and (embedded or not _acts(doc, end)))):
                    continue
                if (_known(doc, i, end, gazetteer, places if embedded else None)
                        and not _rejected(doc, i, end, embedded)):
                    found = end
                    break
        if found:
            spans.append((i, found))
            i = found
        else:
            i += 1
    return spans


# Tags of a demonym that names people ("Syrians", "Turks") rather than qualifying a noun.
_PLURAL_TAGS: frozenset[str] = frozenset({"NNS", "NNPS"})
_MODIFIED_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "ADJ"})


def _adjective_use(doc: Doc, start: int, end: int) -> bool:
    """A demonym used as a modifier ("a Turkish policeman", "the Sri Lankan political
    establishment"): the field's corpora code it as a toponym; a people noun ("Syrians"),
    a hyphen compound ("Iranian-backed") or "pro-Iranian" is not."""
    if end >= len(doc) or doc[end - 1].tag_ in _PLURAL_TAGS:
        return False
    if _paired(doc, start, end):
        return True
    nxt = doc[end]
    before = doc[start - 1].lower_ if start > 0 else ""
    if not nxt.is_alpha or before in ("pro", "anti", "-"):
        return False
    return nxt.pos_ in _MODIFIED_POS and not doc[end - 1].text.endswith("s")


def _paired(doc: Doc, start: int, end: int) -> bool:
    """One side of a hyphen pair of capitalised names: "Egyptian-US relations",
    "Turkish-Russian", "the Arab-Israeli conflict" (not "pro-Iranian")."""
    def capital(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha

    if doc[end].text == "-" and capital(end + 1):
        return True
    return start >= 2 and doc[start - 1].text == "-" and capital(start - 2)


def _demonym_spans(doc: Doc) -> list[tuple[int, int]]:
    """Country demonyms used as adjectives (one or two words, capitalised)."""
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if not (_is_capitalised(tok) and tok.is_alpha) or tok.lower_ == "the":
            continue
        for end in (i + 2, i + 1):
            if end > len(doc) or not all(t.is_alpha for t in doc[i:end]):
                continue
            if _demonym(doc[i:end].text) and _adjective_use(doc, i, end):
                spans.append((i, end))
                break
    return spans


def _merge(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, longer first; `first` wins ties."""
    ranked = sorted([(s, e, 0) for s, e in first] + [(s, e, 1) for s, e in second],
                    key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    taken: list[tuple[int, int]] = []
    for s, e, _ in ranked:
        if all(e <= ts or s >= te for ts, te in taken):
            taken.append((s, e))
    return sorted(taken)


def _repeats(doc: Doc, spans: list[tuple[int, int]], gazetteer: Gazetteer,
             embedded: bool) -> list[tuple[int, int]]:
    """Other mentions of a name already taken as a place in the same document, which the
    model tagged as a person or organisation there ("Alexandria is a finalist", "an
    Alexandria grand jury"): one sense per discourse. A mention inside a longer name
    ("Alexandria Smith") or one the rejection rules drop stays out."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in _place_names(doc, spans):
        if has_name(gazetteer, " ".join(name)):
            by_first.setdefault(name[0], []).append(name)
    words = [t.text for t in doc]
    taken = {i for s, e in spans for i in range(s, e)}
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        for name in by_first.get(word, ()):
            end = i + len(name)
            if i in taken or tuple(words[i:end]) != name:
                continue
            if _longer_name(doc, i, end) or end - i == 1 and _not_a_name(doc, doc[i]):
                continue
            if not _rejected(doc, i, end, embedded):
                found.append((i, end))
                taken.update(range(i, end))
    return found


def _place_names(doc: Doc, spans: list[tuple[int, int]]) -> set[tuple[str, ...]]:
    """Names of spans that are whole place entities, tagged a place more often than a
    person in the document."""
    tagged: dict[tuple[str, ...], list[str]] = {}
    for ent in doc.ents:
        tagged.setdefault(tuple(t.text for t in ent), []).append(ent.label_)
    names: set[tuple[str, ...]] = set()
    for s, e in spans:
        name = tuple(t.text for t in doc[s:e])
        labels = tagged.get(name, [])
        places = sum(label in PLACE_LABELS for label in labels)
        if places and places >= labels.count("PERSON"):
            names.add(name)
    return names


def _longer_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word or a title next to the span, other than a name-ending word."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.lower_.rstrip(".") in TITLES or
                               before.is_alpha and before.text[:1].isupper()
                               and not _opens_sentence(doc, start - 1)):
        return True
    after = doc[end] if end < len(doc) else None
    return (after is not None and after.is_alpha and after.text[:1].isupper()
            and after.lower_ not in NAME_ENDERS)


def _opening_dateline(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A known place opening a truecased dateline ("Sucre, 3 sep 89 (Presencia) --")."""
    i = next((k for k, t in enumerate(doc) if not t.is_space), len(doc))
    end = i
    while end < min(len(doc), i + 4) and _is_capitalised(doc[end]) and doc[end].is_alpha:
        end += 1
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if end == i or nxt is None or not (doc[end].text == "," and nxt.like_num
                                       or doc[end].text == "("):
        return []
    return [(i, end)] if has_name(gazetteer, doc[i:end].text) else []


def _to_chars(doc: Doc, start: int, end: int) -> Toponym:
    span: Span = doc[start:end]
    stop = abbreviation_end(doc, end)
    return (span.start_char, stop, span.text + "." * (stop - span.end_char))


def find_toponyms(doc: Doc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    """Toponym spans (char start, char end, text) in document order.

    With embedded=True the spans follow the geoparsing corpora's conventions (GeoWebNews,
    LGL, TR-News): place names inside organisation names and metonyms ("the Mansfield Police
    Department", "the Damascus government", "Texas A&M") and country demonyms used as
    modifiers ("a Turkish policeman") are toponyms too. The pipeline leaves them out: they
    do not say where an event happened (the resolver still reads demonyms for the focus)."""
    spans = _merge(_entity_spans(doc, gazetteer, embedded),
                   _matcher_spans(doc, gazetteer, embedded))
    spans = _merge(street_spans(doc), spans)
    opening = _opening_dateline(doc, gazetteer)
    spans = _merge(spans, dateline_spans(doc, gazetteer) + opening + affiliation_spans(doc)
                   + listed_place_spans(doc) + division_spans(doc, gazetteer))
    spans = sorted(spans + _repeats(doc, spans, gazetteer, embedded))
    if embedded:
        spans = _merge(spans, _demonym_spans(doc))
    surnames = _surnames(doc)
    spans = [(s, e) for s, e in spans if e - s > 1 or doc[s].text not in surnames
             or (s, e) in opening
             or _before(doc, s) in STRONG_LOCATIVE]
    return [_to_chars(doc, s, e) for s, e in spans]
