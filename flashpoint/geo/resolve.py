"""Toponym resolution: pick one gazetteer place per span, and the document's country focus.

Candidates are ranked by the learned model of `flashpoint.geo.ranker` (trained by
bench/train_geo_ranker.py on the dev corpora; `resolve_toponyms(..., ranker=...)` takes
another). Its features include the hand-weighted score below, the country focus and the
first-level-region focus (`region_focus`) computed here, and the anchors; a missing model
file falls back to the hand score alone (with a warning).

The hand score (`score_candidate`), a sum of named, weighted features:
  W_POPULATION * log10(population + 1) / 7      bigger places are mentioned more often
  W_COUNTRY    if a country, continent, sea or other area outside any one country: "Syria" is
               the country before any town of that name, "Pacific" the ocean; not for a
               country that shares its name with a first-level region of the document's main
               country while having little focus itself ("Georgia" in a US story)
  +W_ADMIN1    if an admin1/admin2 area and the text says "province"/"region"/"county"...
  -W_ADMIN1    if an admin1/admin2 area, no such word, and a city of the same name lies
               inside it: "Idlib province" is the region, plain "Idlib" the city
  W_EXACT      if the text equals the official name (after normalisation), not an alternate
  W_FOCUS * f  f = the candidate country's share of the document's country focus (0..1)
  W_ADMIN_MATCH if its admin1 or country is named elsewhere in the text ("Mayadin, Deir ez-Zor")
  W_NEAR       if within NEAR_KM of an unambiguous place named in the same text (in later
               passes also of a town or county chosen for another name)
  W_CAPITAL    if a national capital (bare "Washington" is the capital, not the state)
The focus comes from countries named, demonyms ("Syrian") and unambiguous places; spans after a
locative preposition ("in Syria") count more, a dateline's place ("SAN SALVADOR, 3 JAN 90 --",
in any letter case) as much as three mentions, and a country that qualifies a lower-case word
("two U.S. advisers") only as much as a demonym. Then REFINE_PASSES re-rank every span with the
previous pass's choices as context: the focus of the other names (the span's own name left out,
so a guess never confirms itself), the regions chosen ("Gainesville, Ga." -> Georgia's
Gainesville) and the towns chosen as anchors. A span that is a demonym ("Russian", only when
given one) resolves to its country, an area adjective ("European") to its area. After "the
town/village/hamlet/city of" only populated places compete, when the name has any ("the town of
Victoria" is not the Australian state), and likewise for a dateline's place ("Sucre, 3 sep
89 --" is the Bolivian city, not the Venezuelan state). Last (`_reconsider`), each town chosen
is checked against the support the rest of the text gives its country: a national capital of
a supported country beats a small namesake abroad, and a town of fewer than STRAY_POPULATION
people is left unresolved when nothing else in the text lies in its country, its country is
not named beside it, and a firmer main country (STRAY_FOCUS) exists: a neighbourhood the
gazetteer knows only as a small foreign town must not move an event abroad.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from ..records import Place, PlaceMention
from .gazetteer import Gazetteer, candidates
from .normalize import normalize_name
from .ranker import (
    Ranker,
    SpanContext,
    candidate_features,
    default_ranker,
    haversine_km,
    make_context,
    region_key,
)
from .toponyms import Toponym, qualifier
from .variants import DEMONYM_MIN_POPULATION, demonym_bases, name_variants

W_POPULATION = 2.0
W_COUNTRY = 2.0
W_ADMIN1 = 0.6
W_EXACT = 0.6
W_FOCUS = 2.0
W_ADMIN_MATCH = 1.0
W_NEAR = 1.2
W_CAPITAL = 0.3
NEAR_KM = 150.0
MAX_CANDIDATES = 200  # the most populous, for names shared by very many places
MAX_ANCHORS = 30
REFINE_PASSES = 2  # re-rank with the choices of the pass before as context
SHARED_NAME_FOCUS = 0.5  # see _state_of_focus
CAPITAL_RATIO = 10  # see _supported_capital
STRAY_POPULATION = 50_000  # see _stray
STRAY_FOCUS = 3.0  # a dateline, or three plain mentions of the main country
BESIDE_CHARS = 30  # see _country_beside

W_FOCUS_COUNTRY = 1.0  # a country named
W_FOCUS_PLACE = 1.0  # a place inside the country named
W_FOCUS_DEMONYM = 0.5  # "Syrian"
W_FOCUS_LOCATIVE = 1.0  # extra when the mention follows "in", "at", "near" ...
W_FOCUS_DATELINE = 2.0  # extra for the dateline's place ("SAN SALVADOR, 3 JAN 90 --")

AREA_FEATURES: frozenset[str] = frozenset({"admin1", "admin2"})
REGION_QUALIFIERS: frozenset[str] = frozenset(
    {"province", "governorate", "region", "district", "county", "oblast", "state",
     "department"}
)
_LOCATIVE = re.compile(r"\b(?:in|at|near|inside|across|throughout|within|into|outside)\s+"
                       r"(?:the\s+)?$", re.IGNORECASE)
# A dateline opening the text in any letter case (the text may be a truecased copy of ALL-CAPS
# wire copy): "San Salvador, 3 jan 90 (radio) --", "GOMA, Congo —". Group 1 is the place.
_DATELINE_ANY_CASE = re.compile(
    r"\A\s*([A-Za-z][\w.'\-]*(?:[ \t]+[A-Za-z][\w.'\-]*){0,3})[ \t]*"
    r"(?:\([^)\n]{0,40}\)[ \t]*)?(?:,[^\n]{0,60}?)?"  # "PARIS (FRANCE), 16 NOV 89"
    r"(?:\([^)\n]{0,40}\))?[ \t]*(?:\u2014|\u2013|--|-[ \t])")
# "the town of X": X is a populated place, not a region or country of the same name
_SETTLEMENT_CUE = re.compile(r"\b(?:town|village|hamlet|city)\s+of\s+$", re.IGNORECASE)
_QUALIFIES = re.compile(r"[ \t]*\n?[ \t]*[a-z]")  # a lower-case word right after the name
_AFTER_PREPOSITION = re.compile(r"\b(?:from|of|to|by|with|against|for|on|into)\s+(?:the\s+)?$",
                                re.IGNORECASE)
_WORD = re.compile(r"\b(?:pro-|anti-)?([A-Z][a-z]+)(?:-(?:backed|led|based|allied|aligned))?\b")
_GENERIC_TAIL = re.compile(
    r"\s+(?:state|province|governorate|region|district|city|county|oblast)$", re.IGNORECASE
)


def _log_pop(place: Place) -> float:
    return math.log10(max(place.population, 0) + 1) / 7.0


# Adjectives of areas that news copy uses as place references ("European leaders").
AREA_ADJECTIVES: dict[str, str] = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "oceanian": "Oceania",
    "north american": "North America", "south american": "South America",
    "antarctic": "Antarctica", "central american": "Central America",
    "latin american": "Latin America", "middle eastern": "Middle East", "balkan": "Balkans",
    "caribbean": "Caribbean Sea", "mediterranean": "Mediterranean Sea",
}


def lookup_span(gazetteer: Gazetteer, text: str) -> list[Place]:
    """Candidates for a span; a name with none is retried without a generic tail ("Borno
    State" -> "Borno"), then in the other forms of `flashpoint.geo.variants` ("Readington
    Township", "South Los Angeles", "Ontarians")."""
    demonym = _demonym_country(gazetteer, text)
    if demonym is not None:
        return [demonym]
    area = AREA_ADJECTIVES.get(normalize_name(text))
    if area is not None:
        return [p for p in candidates(gazetteer, area) if not p.country_code] or []
    found = candidates(gazetteer, text)
    if not found:
        trimmed = _GENERIC_TAIL.sub("", re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))
        if trimmed and trimmed != text:
            found = candidates(gazetteer, trimmed)
    if not found:
        found = _variant_candidates(gazetteer, text)
    if len(found) > MAX_CANDIDATES:
        found = sorted(found, key=lambda p: (-p.population, p.geonameid))[:MAX_CANDIDATES]
    return found


def _variant_candidates(gazetteer: Gazetteer, text: str) -> list[Place]:
    """Candidates of the first other form of a name that has any (`flashpoint.geo.variants`):
    an administrative wrapper or a position word removed, else the place a demonym is formed
    from (an area, or a town of DEMONYM_MIN_POPULATION people or more)."""
    for form in name_variants(text):
        found = candidates(gazetteer, form)
        if found:
            return found
    if not text[:1].isupper():
        return []
    for base in demonym_bases(text):
        found = [p for p in candidates(gazetteer, base) if p.feature != "city"
                 or p.population >= DEMONYM_MIN_POPULATION]
        if found:
            return found
    return []


def _demonym_country(gazetteer: Gazetteer, text: str) -> Place | None:
    """The country of a demonym span ("Russian" -> Russia), when a span is one."""
    from ..countries import country, iso2_from_demonym, iso2_from_name

    if not text[:1].isupper() or iso2_from_name(text) is not None:
        return None
    info = country(iso2_from_demonym(text))
    return gazetteer.get(info.geonameid) if info else None


def _settlement_places(doc_text: str, start: int, places: list[Place]) -> list[Place]:
    """After "the town/village/city of", and in a dateline (which names the town a report
    was filed from), only populated places, when there are any: "the town of Victoria" in
    a Salvadoran report is not the Australian state, "Sucre, 3 sep 89 --" is the city."""
    if not (_SETTLEMENT_CUE.search(doc_text[max(0, start - 20):start])
            or start < dateline_place_end(doc_text)):
        return places
    return [p for p in places if p.feature == "city"] or places


def _locative(doc_text: str, start: int) -> bool:
    return bool(_LOCATIVE.search(doc_text[max(0, start - 20):start]))


def demonym_countries(doc_text: str) -> Counter[str]:
    """ISO2 counts of demonyms and adjectives in the text ("Syrian", "Iranian-backed")."""
    from ..countries import iso2_from_demonym, iso2_from_name

    counts: Counter[str] = Counter()
    for m in _WORD.finditer(doc_text):
        word = m.group(1)
        if iso2_from_name(word) is None:
            iso2 = iso2_from_demonym(word)
            if iso2:
                counts[iso2] += 1
    return counts


def _unambiguous(places: Sequence[Place]) -> Place | None:
    if len(places) == 1:
        return places[0]
    countries = [p for p in places if p.feature == "country"]
    return countries[0] if len(countries) == 1 else None


def country_focus(weights: Mapping[str, float]) -> dict[str, float]:
    """Country -> share of the strongest country's weight (1.0 for the top country)."""
    top = max(weights.values(), default=0)
    return {cc: w / top for cc, w in weights.items() if top > 0 and cc}


def _focus_weights(
    found: list[tuple[Toponym, Place | None]], doc_text: str, demonyms: Counter[str]
) -> dict[str, float]:
    weights: defaultdict[str, float] = defaultdict(float)
    for cc, n in demonyms.items():
        weights[cc] += W_FOCUS_DEMONYM * n
    filed = dateline_place_end(doc_text)
    for (start, end, _text), place in found:
        if place is None or not place.country_code:
            continue
        weights[place.country_code] += _mention_weight(place, doc_text, start, end, filed)
    return weights


def dateline_place_end(doc_text: str, whole: bool = False) -> int:
    """End of the place name of a dateline opening the text (0 when there is none); with
    `whole`, the end of the whole dateline ("PARIS (FRANCE), 16 NOV 89 (AFP) --")."""
    match = _DATELINE_ANY_CASE.match(doc_text)
    return (match.end() if whole else match.end(1)) if match else 0


def _mention_weight(place: Place, doc_text: str, start: int, end: int, filed: int) -> float:
    """Focus weight of one mention: a country or a place; more after "in"/"at"; a dateline
    place (where the report was filed, which wire copy names for the country it covers)
    counts as much as three plain mentions; a country name before a lower-case word and
    after no preposition ("two U.S. advisers", "Syria said") as little as a demonym."""
    if start < filed:
        return W_FOCUS_PLACE + W_FOCUS_DATELINE
    base = W_FOCUS_COUNTRY if place.feature == "country" else W_FOCUS_PLACE
    if _locative(doc_text, start):
        return base + W_FOCUS_LOCATIVE
    if place.feature == "country" and _QUALIFIES.match(doc_text, end) \
            and not _AFTER_PREPOSITION.search(doc_text[max(0, start - 12):start]):
        return W_FOCUS_DEMONYM
    return base


@lru_cache(maxsize=50_000)
def _is_capital(place: Place) -> bool:
    from ..countries import country

    info = country(place.country_code)
    return info is not None and normalize_name(info.capital) == normalize_name(place.name)


def _state_of_focus(place: Place, others: Sequence[Place], focus: dict[str, float]) -> bool:
    """A country whose name a first-level region of the document's main country shares
    ("Georgia" in a story about the United States), while the country itself has little
    support in the text."""
    if focus.get(place.country_code, 0.0) >= SHARED_NAME_FOCUS:
        return False
    name = normalize_name(place.name)
    return any(o.feature == "admin1" and focus.get(o.country_code, 0.0) >= 1.0
               and normalize_name(o.name) == name for o in others)


def _area_has_city(place: Place, others: Sequence[Place]) -> bool:
    """An admin1/admin2 area with a same-named candidate city inside it ("Idlib", "Hays")."""
    name = normalize_name(place.name)
    level = "admin1" if place.feature == "admin1" else "admin2"
    return any(o.feature == "city" and o.country_code == place.country_code
               and normalize_name(getattr(o, level) or "") == name for o in others)


def _near_any(place: Place, anchors: Sequence[Place]) -> bool:
    """Within NEAR_KM of another anchor (a cheap latitude test first: 1 degree ~ 111 km)."""
    return any(abs(a.latitude - place.latitude) <= NEAR_KM / 111.0
               and a.geonameid != place.geonameid and haversine_km(a, place) <= NEAR_KM
               for a in anchors)


def score_candidate(
    place: Place, text: str, qual: str, others: Sequence[Place], focus: dict[str, float],
    named: set[str], anchors: Sequence[Place],
) -> float:
    """The documented ranking function (see module docstring)."""
    score = W_POPULATION * _log_pop(place)
    if place.feature == "country" and _state_of_focus(place, others, focus):
        pass
    elif place.feature == "country" or not place.country_code:
        score += W_COUNTRY
    elif place.feature in AREA_FEATURES and qual in REGION_QUALIFIERS:
        score += W_ADMIN1
    elif place.feature in AREA_FEATURES and _area_has_city(place, others):
        score -= W_ADMIN1
    if normalize_name(text) == normalize_name(place.name):
        score += W_EXACT
    score += W_FOCUS * focus.get(place.country_code, 0.0)
    if normalize_name(place.admin1 or "") in named or normalize_name(place.country or "") in named:
        score += W_ADMIN_MATCH
    if place.feature == "city" and _is_capital(place):
        score += W_CAPITAL
    if _near_any(place, anchors):
        score += W_NEAR
    return score


def region_focus(places: Iterable[Place | None]) -> dict[str, float]:
    """"CC/admin1" -> share of the strongest first-level region among the places below
    country level (1.0 for the top region): the state a local story is set in."""
    counts = Counter(region_key(p) for p in places
                     if p is not None and p.feature != "country" and p.admin1)
    top = max(counts.values(), default=0)
    return {key: n / top for key, n in counts.items()}


def _span_context(places: Sequence[Place], text: str, qual: str, focus: dict[str, float],
                  named: set[str], anchors: Sequence[Place], locative: bool,
                  regions: dict[str, float]) -> SpanContext:
    return make_context(
        text, qual, places, focus, frozenset(named), anchors, locative=locative,
        regions=regions,
        area_with_city=frozenset(p.geonameid for p in places if p.feature in AREA_FEATURES
                                 and _area_has_city(p, places)),
        state_of_focus=frozenset(p.geonameid for p in places if p.feature == "country"
                                 and _state_of_focus(p, places, focus)),
    )


def _best(places: Sequence[Place], text: str, qual: str, focus: dict[str, float],
          named: set[str], anchors: Sequence[Place], locative: bool = False,
          ranker: Ranker | None = None, regions: dict[str, float] | None = None,
          ) -> tuple[Place | None, float]:
    """The candidate the ranker scores highest (ties: the more populous, then the lower id)."""
    if not places:
        return None, 0.0
    own = {p.geonameid for p in places}
    anchors = [a for a in anchors if a.geonameid not in own]  # never a span's own candidate
    named = named - {normalize_name(text)}
    ctx = _span_context(places, text, qual, focus, named, anchors, locative, regions or {})
    rows = [candidate_features(p, ctx, score_candidate(p, text, qual, places, focus, named,
                                                       anchors),
                               p.feature == "city" and _is_capital(p))
            for p in places]
    scores = (ranker or default_ranker()).rank(rows)
    score, place = max(zip(scores, places),
                       key=lambda sp: (sp[0], sp[1].population, -sp[1].geonameid))
    return place, score


def _ordered(weights: Mapping[str, float]) -> list[str]:
    return [cc for cc, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])) if cc]


def resolve_toponyms(
    spans: Iterable[Toponym], doc_text: str, gazetteer: Gazetteer,
    ranker: Ranker | None = None,
) -> tuple[list[PlaceMention], list[str]]:
    """Resolve toponym spans to places; return mentions (by start) and the country focus.
    `ranker` scores candidates (default: the shipped model, `ranker.default_ranker()`)."""
    ranker = ranker or default_ranker()
    spans = sorted(spans)
    cands = [lookup_span(gazetteer, text) for _s, _e, text in spans]
    demonyms = demonym_countries(doc_text)
    prior = _focus_weights([(s, _unambiguous(c)) for s, c in zip(spans, cands)], doc_text,
                           demonyms)
    anchors = [p for c in cands if (p := _unambiguous(c)) is not None
               and p.feature != "country"][:MAX_ANCHORS]
    named = {normalize_name(text) for _s, _e, text in spans}
    mentions = _resolve_pass(spans, cands, doc_text, (country_focus(prior), region_focus(anchors)),
                             named, anchors, ranker)
    for _ in range(REFINE_PASSES):
        mentions = _refine_pass(spans, cands, doc_text, mentions, demonyms, named, anchors,
                                ranker)
    mentions = _reconsider(mentions, cands, doc_text, demonyms)
    final = _focus_weights([((m.start, m.end, m.text), m.place) for m in mentions], doc_text,
                           demonyms)
    return mentions, _ordered(final)


def _refine_pass(
    spans: Sequence[Toponym], cands: Sequence[list[Place]], doc_text: str,
    first: list[PlaceMention], demonyms: Counter[str], named: set[str], anchors: list[Place],
    ranker: Ranker,
) -> list[PlaceMention]:
    """Re-rank every span with the first pass's choices as context: the country focus of the
    other names (the span's own name left out, so that a guess never confirms itself), the
    regions and countries chosen, and the towns chosen as anchors."""
    named = named | _area_names(first)
    anchors = _chosen_anchors(first, anchors)
    focus_without: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    mentions: list[PlaceMention] = []
    for span, places in zip(spans, cands):
        key = normalize_name(span[2])
        if key not in focus_without:
            others = [((m.start, m.end, m.text), m.place) for m in first
                      if normalize_name(m.text) != key]
            focus_without[key] = (country_focus(_focus_weights(others, doc_text, demonyms)),
                                  region_focus(place for _s, place in others))
        mentions += _resolve_pass([span], [places], doc_text, focus_without[key], named,
                                  anchors, ranker)
    return mentions


def _chosen_anchors(mentions: Sequence[PlaceMention], anchors: list[Place]) -> list[Place]:
    """The unambiguous places plus the towns and counties chosen in the first pass."""
    chosen = [m.place for m in mentions if m.place is not None
              and m.place.feature in ("city", "admin2")]
    return (anchors + chosen)[:MAX_ANCHORS]


def _area_names(mentions: Iterable[PlaceMention]) -> set[str]:
    """Normalised names of the regions and countries chosen so far, so that "Fla." in one
    span lets "Gainesville" prefer the Gainesville in Florida."""
    return {normalize_name(m.place.name) for m in mentions
            if m.place is not None and m.place.feature in ("admin1", "country")}


def _resolve_pass(
    spans: Sequence[Toponym], cands: Sequence[list[Place]], doc_text: str,
    focus: tuple[dict[str, float], dict[str, float]], named: set[str],
    anchors: Sequence[Place], ranker: Ranker,
) -> list[PlaceMention]:
    """Resolve each span given the (country, region) focus, the names and the anchors."""
    mentions: list[PlaceMention] = []
    for (start, end, text), places in zip(spans, cands):
        qual = qualifier(doc_text, start, end)
        places = _settlement_places(doc_text, start, places)
        place, score = _best(places, text, qual, focus[0], named, anchors,
                             _locative(doc_text, start), ranker, focus[1])
        mentions.append(PlaceMention(start, end, text, place, round(score, 4), qual))
    return mentions


def _reconsider(mentions: list[PlaceMention], cands: Sequence[list[Place]], doc_text: str,
                demonyms: Counter[str]) -> list[PlaceMention]:
    """Last checks of each choice against the support the rest of the text gives its country
    (countries, demonyms and places named under other names): a national capital of a country
    the text supports beats a small namesake ("San Salvador" in a report about Salvadorans
    filed in Mexico City), and a small town is left unresolved when it is alone in its
    country in a report firmly about another ("Escalon", a San Salvador neighbourhood the
    gazetteer knows only as a Californian town)."""
    out: list[PlaceMention] = []
    cache: dict[str, tuple[dict[str, float], set[str]]] = {}
    for mention, places in zip(mentions, cands):
        key = normalize_name(mention.text)
        if key not in cache:
            others = [((m.start, m.end, m.text), m.place) for m in mentions
                      if normalize_name(m.text) != key]
            cache[key] = (_focus_weights(others, doc_text, demonyms),
                          {p.country_code for _s, p in others
                           if p is not None and p.feature != "country"})
        place = _supported_choice(mention, places, *cache[key], doc_text)
        out.append(mention if place is mention.place else PlaceMention(
            mention.start, mention.end, mention.text, place, mention.score, mention.qualifier))
    return out


def _supported_choice(mention: PlaceMention, places: Sequence[Place],
                      support: Mapping[str, float], local: set[str], doc_text: str,
                      ) -> Place | None:
    """The choice, a supported capital in its stead, or None for a stray town."""
    place = mention.place
    if place is None or place.feature != "city":
        return place
    capital = _supported_capital(place, places, support)
    if capital is not None:
        return capital
    if place.country_code in local or _country_beside(mention, place, doc_text):
        return place
    return None if _stray(place, support) else place


def _supported_capital(place: Place, places: Sequence[Place],
                       support: Mapping[str, float]) -> Place | None:
    """A national capital among the candidates, in a country the rest of the text supports,
    CAPITAL_RATIO times as populous as the choice, which is not a capital itself."""
    if _is_capital(place):
        return None
    for other in places:
        if (other.feature == "city" and other.country_code != place.country_code
                and support.get(other.country_code, 0.0) > 0.0 and _is_capital(other)
                and other.population >= CAPITAL_RATIO * max(place.population, 1)):
            return other
    return None


def _country_beside(mention: PlaceMention, place: Place, doc_text: str) -> bool:
    """The town's country named or qualified right beside it ("the Turkish town of X",
    "X, Turkey")."""
    from ..countries import iso2_from_demonym, iso2_from_name

    window = doc_text[max(0, mention.start - BESIDE_CHARS):mention.end + BESIDE_CHARS]
    return any(iso2_from_name(w) == place.country_code or iso2_from_demonym(w) ==
               place.country_code for w in re.findall(r"[A-Z][a-z]+", window))


def _stray(place: Place, support: Mapping[str, float]) -> bool:
    """A town of fewer than STRAY_POPULATION people outside the text's main country, which
    has at least STRAY_FOCUS weight (a dateline, or three mentions)."""
    top = max(support.values(), default=0.0)
    return (place.population < STRAY_POPULATION and top >= STRAY_FOCUS
            and support.get(place.country_code, 0.0) < top)
