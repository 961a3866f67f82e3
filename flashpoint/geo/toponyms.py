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

`qualifier(text, start, end)` reads the wording that lowers precision around a span.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, candidates, has_name
from .normalize import ARTICLES

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
     "cabinet", "congress", "senate", "spokesman", "spokesperson", "envoy", "intelligence"}
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
""".split())
# Parts of speech that a place name never takes, even when spaCy mis-tags a capitalised word.
CLOSED_POS: frozenset[str] = frozenset({"VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "ADP",
                                        "PART", "INTJ", "NUM"})
# A single capitalised word that spaCy did not tag is taken as a place only when some place of
# that name is this large, or when a locative preposition comes before it.
MATCHER_MIN_POPULATION = 5000
LOCATIVE: frozenset[str] = frozenset({"in", "at", "near", "from", "to", "into", "outside",
                                      "around", "across", "inside", "of", "towards", "toward"})
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
    r"^[\s-]+(?P<q>region|province|district|governorate|area|countryside|outskirts|suburbs?|"
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
    if _letters(text) <= 2 and text not in SHORT_OK and not _state_abbreviation(doc, start, end):
        return True
    if end - start == 1 and _month_in_date(doc, start):
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


def _org_or_compound(doc: Doc, end: int) -> bool:
    """An organisation head, "state media" or a lower-case hyphen compound follows."""
    after = _next_word(doc, end)
    if after in ORG_HEADS:
        return True
    if after == "-" and end + 1 < len(doc) and doc[end + 1].is_lower:
        return True  # "Iranian-backed", "Syria-based"
    return after == "state" and _next_word(doc, end + 1) in ("media", "tv", "television")


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
     "highway", "jail", "district", "memorial", "medical", "public", "county-wide"})


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
    "Pawlenty"): a later lone "Pawlenty" or "Jones" is the person again, not a place."""
    return frozenset(ent[-1].text for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha)


def _entity_spans(doc: Doc, gazetteer: Gazetteer, embedded: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        while end - start > 1 and _TRAILING_QUALIFIER.search(" " + doc[end - 1].text):
            end -= 1
        end = _place_prefix(doc, start, end, gazetteer)
        start = _without_direction(doc, start, end, gazetteer)
        if not _rejected(doc, start, end, embedded) and not _all_common(doc, start, end):
            spans.append((start, end))
    return spans


def _name_start(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ == "the":
        return False
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
        if tok.text == "-" and not tok.whitespace_ and j > i and not doc[j - 1].whitespace_:
            j += 1
            continue
        if j > i and doc[j - 1].text != "-" and doc[j - 1].whitespace_ == "" and not tok.is_punct:
            break
        if _is_capitalised(tok) and (tok.is_alpha or "'" in tok.text or tok.text in SHORT_OK):
            ends.append(j + 1)
        elif not (tok.lower_ in CONNECTORS and j + 1 < len(doc)):
            break
        words += 1
        j += 1
    return ends[::-1]


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
    return before in STRONG_LOCATIVE


def _blocked(doc: Doc, start: int, end: int, embedded: bool = False) -> bool:
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
    if _opens_entity(doc, start) and end < len(doc):
        return doc[end].lower_ not in NAME_ENDERS
    return _before(doc, start) != "of"


def _before(doc: Doc, start: int) -> str:
    return doc[start - 1].lower_ if start > 0 else ""


def _opens_entity(doc: Doc, start: int) -> bool:
    """First word of an entity, or the first after its "the" ("The Washington Post")."""
    if doc[start].ent_iob_ == "B":
        return True
    return start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the"


def _loose_cue(doc: Doc, start: int, end: int, labels: set[str]) -> bool:
    """Weaker cues, for the corpora's conventions only (an armed group's name also takes
    them: "a Hamas militant", "fire from Hamas")."""
    return _modifies_noun(doc, end) or "PERSON" not in labels and _before(doc, start) in LOCATIVE


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
    while j >= 0 and (doc[j].is_space or doc[j].text in ('"', "'", "“", "‘", "(")):
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
    return _all_common(doc, start, end)


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A lone word next to another capitalised word ("Yulia Skripal", "Mohamed Salah") is
    part of a longer name the gazetteer does not know, most often a person's."""
    def capital(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and _is_capitalised(doc[i])

    after = capital(end) and doc[end].lower_ not in ORG_HEADS
    before = capital(start - 1) and not doc[start - 1].is_sent_start
    return after or before


def _known(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """In the gazetteer; a lone word also needs a sizeable place or a locative preposition."""
    text = doc[start:end].text
    if sum(1 for t in doc[start:end] if t.is_alpha) > 1 or "-" in text:
        return has_name(gazetteer, text)
    if _inside_longer_name(doc, start, end):
        return False
    places = candidates(gazetteer, text)
    if not places:
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    return before in LOCATIVE or max(p.population for p in places) >= MATCHER_MIN_POPULATION


def _matcher_spans(doc: Doc, gazetteer: Gazetteer, embedded: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        found = None
        if _name_start(doc, i):
            for end in _extend(doc, i, gazetteer.max_name_tokens):
                if _blocked(doc, i, end, embedded) or _common(doc, i, end):
                    continue
                if _known(doc, i, end, gazetteer) and not _rejected(doc, i, end, embedded):
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
    nxt = doc[end]
    before = doc[start - 1].lower_ if start > 0 else ""
    if not nxt.is_alpha or before in ("pro", "anti", "-"):
        return False
    return nxt.pos_ in _MODIFIED_POS and not doc[end - 1].text.endswith("s")


def _demonym_spans(doc: Doc) -> list[tuple[int, int]]:
    """Country demonyms used as adjectives (one or two words, capitalised)."""
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if not (_is_capitalised(tok) and tok.is_alpha):
            continue
        for end in (i + 2, i + 1):
            if end <= len(doc) and _demonym(doc[i:end].text) and _adjective_use(doc, i, end):
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


def _to_chars(doc: Doc, start: int, end: int) -> Toponym:
    span: Span = doc[start:end]
    return (span.start_char, span.end_char, span.text)


def find_toponyms(doc: Doc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    """Toponym spans (char start, char end, text) in document order.

    With embedded=True the spans follow the geoparsing corpora's conventions (GeoWebNews,
    LGL, TR-News): place names inside organisation names and metonyms ("the Mansfield Police
    Department", "the Damascus government", "Texas A&M") and country demonyms used as
    modifiers ("a Turkish policeman") are toponyms too. The pipeline leaves them out: they
    do not say where an event happened (the resolver still reads demonyms for the focus)."""
    spans = _merge(_entity_spans(doc, gazetteer, embedded),
                   _matcher_spans(doc, gazetteer, embedded))
    if embedded:
        spans = _merge(spans, _demonym_spans(doc))
    surnames = _surnames(doc)
    spans = [(s, e) for s, e in spans if e - s > 1 or doc[s].text not in surnames
             or _before(doc, s) in STRONG_LOCATIVE]
    return [_to_chars(doc, s, e) for s, e in spans]
