"""The learned toponym ranker: named features of a (toponym, candidate) pair and a linear
conditional-logit model over them, trained by bench/train_geo_ranker.py on the dev corpora.

A toponym's candidates are scored with `Ranker.rank(rows)` (one row of FEATURE_NAMES values
per candidate); the highest score wins. The model is a dot product of the row with weights
(a softmax over one toponym's candidates at training time, so only differences between
candidates matter and no intercept is needed).

Features (all computed by `candidate_features`, every one in 0..1 or a small range):
  log_pop        log10(population + 1) / 7
  pop_top        1 if the most populous candidate of the span
  pop_rank       1 / (1 + the candidate's population rank among the span's candidates)
  is_country / is_admin1 / is_admin2 / is_city / is_area
                 the feature class; is_area: region, water or landform, or a place with no
                 country (continents, seas, "the Middle East")
  capital        a national capital
  name_exact     the span equals the official name after normalisation, or that name less a
                 generic last word ("Atlantic" for "Atlantic Ocean", "Idlib" for "Idlib
                 Governorate"); else an alternate name or a transliteration key led to it
  name_prefix    not name_exact, and the official name starts with the span ("Deir" ->
                 "Deir ez-Zor") or the span with it
  abbreviation   the span is an abbreviation ("Ga.", "NYC", "U.S.") and not the exact name
  focus          the candidate country's share of the document's country focus (0..1)
  focus_top      1 if that share is 1 (the document's main country)
  admin_named    its admin1 region or its country is named elsewhere in the text
  admin2_named   its admin2 area is named elsewhere in the text
  near           within NEAR_KM of an anchor (an unambiguous place, or a town chosen for
                 another name in the pass before)
  near_log_km    1 - log10(1 + km to the nearest anchor) / log10(1 + FAR_KM); 0 when none
  near_count     log2(1 + anchors within NEAR_KM) / 3
  region_focus   the share of the document's other places (below country level) that lie in
                 the candidate's first-level region, relative to the top region (0..1)
  region_word    an admin1/admin2 area and the text says "province", "county"... (fixed)
  region_word_city  a city while the text says "province", "county"... (fixed weight)
  area_has_city  an admin1/admin2 area with a same-named candidate city inside it
  state_of_focus a country sharing its name with a first-level region of the main country
  n_candidates   log10(number of candidates) / 2
  locative       the span follows "in", "at", "near"...
  locative_country  locative and is_country
  hand           the hand-weighted score of `resolve.score_candidate` / 10
  city_focus     is_city * focus (a town in the main country vs a big town elsewhere)
  city_log_pop   is_city * log_pop
  near_city      is_city * near
  no_pop         the gazetteer gives no population (seas, regions, hamlets)
  pop_gap        log_pop minus the log_pop of the span's most populous candidate; 0 for an
                 is_area place (seas and continents have no population to compare)
  country_focus_top  is_country * focus_top
  city_region_focus  is_city * region_focus
  capital_focus  capital * focus (the capital of the country the story is about)
  area_big_city  an admin1/admin2 area while the span also names a city of BIG_CITY people or
                 more in the same country ("Washington", "New York")
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ..errors import GazetteerError
from ..records import Place
from .normalize import normalize_name

log = logging.getLogger(__name__)

FORMAT = "flashpoint.geo.ranker/1"
MODEL_PATH = Path(__file__).parent / "data" / "ranker.json"
NEAR_KM = 150.0
BIG_CITY = 100_000
FAR_KM = 2000.0
AREA_FEATURES: frozenset[str] = frozenset({"admin1", "admin2"})
REGION_QUALIFIERS: frozenset[str] = frozenset(
    {"province", "governorate", "region", "district", "county", "oblast", "state", "department"}
)
_GENERIC_WORD = re.compile(
    r"\s+(?:ocean|sea|river|gulf|lake|mountains|desert|governorate|province|region|district|"
    r"county|oblast|state|city)$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,4}|(?:[A-Z][a-z]{0,3}\.)+|(?:[A-Z]\.){2,})$")

FEATURE_NAMES: tuple[str, ...] = (
    "log_pop", "pop_top", "pop_rank",
    "is_country", "is_admin1", "is_admin2", "is_city", "is_area", "capital",
    "name_exact", "name_prefix", "abbreviation",
    "focus", "focus_top", "admin_named", "admin2_named",
    "near", "near_log_km", "near_count", "region_focus",
    "region_word", "region_word_city", "area_has_city", "state_of_focus",
    "n_candidates", "locative", "locative_country", "hand",
    "city_focus", "city_log_pop", "near_city",
    "no_pop", "pop_gap", "country_focus_top", "city_region_focus", "capital_focus",
    "area_big_city",
)
HAND = FEATURE_NAMES.index("hand")
# Lexical rules the gold corpora are too small to teach (gold spans seldom carry "province"
# after them): training holds these weights fixed instead of fitting them.
FIXED_WEIGHTS: dict[str, float] = {"region_word": 3.0, "region_word_city": -1.0}


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class SpanContext:
    """What the features of one span's candidates depend on (built once per span and pass,
    by `make_context`).

    others: all candidates of the span; focus: country -> share of the document's focus;
    named: normalised names of the other spans and of the areas chosen so far; anchors:
    places to be near (never the span's own candidates); locative: after "in", "at"...;
    area_with_city: ids of the span's areas that hold a same-named candidate city;
    state_of_focus: ids of its countries that share a name with a region of the main country.
    """

    text: str
    qual: str
    others: Sequence[Place]
    focus: dict[str, float]
    named: frozenset[str]
    anchors: Sequence[Place]
    locative: bool = False
    area_with_city: frozenset[int] = frozenset()
    state_of_focus: frozenset[int] = frozenset()
    pop_rank: dict[int, int] = field(default_factory=dict)
    regions: dict[str, float] = field(default_factory=dict)
    top_log_pop: float = 0.0  # log_pop of the span's most populous candidate
    area_with_big_city: frozenset[int] = frozenset()


def region_key(place: Place) -> str:
    """The first-level region a place lies in, as "CC/admin1 name"."""
    return f"{place.country_code}/{place.admin1 or ''}"


def make_context(text: str, qual: str, others: Sequence[Place], focus: dict[str, float],
                 named: frozenset[str], anchors: Sequence[Place], *, locative: bool = False,
                 regions: dict[str, float] | None = None,
                 area_with_city: frozenset[int] = frozenset(),
                 state_of_focus: frozenset[int] = frozenset()) -> SpanContext:
    """A SpanContext with the parts derived from the candidates alone filled in."""
    top = max((p.population for p in others), default=0)
    return SpanContext(text, qual, others, focus, named, anchors, locative, area_with_city,
                       state_of_focus, population_ranks(others), regions or {},
                       math.log10(max(top, 0) + 1) / 7.0, areas_with_big_city(others))


def areas_with_big_city(places: Sequence[Place]) -> frozenset[int]:
    """Ids of the admin1/admin2 candidates whose country also has a candidate city of
    BIG_CITY people or more under the same name."""
    big = {p.country_code for p in places if p.feature == "city" and p.population >= BIG_CITY}
    return frozenset(p.geonameid for p in places
                     if p.feature in AREA_FEATURES and p.country_code in big)


def population_ranks(places: Sequence[Place]) -> dict[int, int]:
    """geonameid -> 0-based rank by population (ties share the better rank)."""
    pops = sorted((p.population for p in places), reverse=True)
    first: dict[int, int] = {}
    for i, pop in enumerate(pops):
        first.setdefault(pop, i)
    return {p.geonameid: first[p.population] for p in places}


def _feature_class(place: Place) -> tuple[float, float, float, float, float]:
    if place.feature == "country":
        return 1.0, 0.0, 0.0, 0.0, 0.0
    if not place.country_code or place.feature in ("region", "water", "landform"):
        return 0.0, 0.0, 0.0, 0.0, 1.0
    return (0.0, float(place.feature == "admin1"), float(place.feature == "admin2"),
            float(place.feature not in AREA_FEATURES), 0.0)


def _name_match(place: Place, text: str) -> tuple[float, float, float]:
    span, name = normalize_name(text), normalize_name(place.name)
    exact = span in (name, _GENERIC_WORD.sub("", name))
    prefix = not exact and bool(span) and (name.startswith(span + " ")
                                           or span.startswith(name + " "))
    abbreviation = not exact and bool(_ABBREVIATION.match(text.strip()))
    return float(exact), float(prefix), float(abbreviation)


def _proximity(place: Place, anchors: Sequence[Place]) -> tuple[float, float, float]:
    """near, near_log_km, near_count (a cheap latitude test first: 1 degree ~ 111 km)."""
    nearest, count = FAR_KM, 0
    for a in anchors:
        if a.geonameid == place.geonameid or abs(a.latitude - place.latitude) > nearest / 111.0:
            continue
        km = haversine_km(a, place)
        count += km <= NEAR_KM
        nearest = min(nearest, km)
    closeness = 1.0 - math.log10(1.0 + nearest) / math.log10(1.0 + FAR_KM)
    return float(count > 0), closeness, math.log2(1 + count) / 3.0


def candidate_features(place: Place, ctx: SpanContext, hand: float,
                       capital: bool) -> tuple[float, ...]:
    """The FEATURE_NAMES values of one candidate (see the module docstring)."""
    log_pop = math.log10(max(place.population, 0) + 1) / 7.0
    rank = ctx.pop_rank.get(place.geonameid, 0)
    country, admin1, admin2, city, area = _feature_class(place)
    exact, prefix, abbreviation = _name_match(place, ctx.text)
    focus = ctx.focus.get(place.country_code, 0.0)
    admin_named = (normalize_name(place.admin1 or "") in ctx.named
                   or normalize_name(place.country or "") in ctx.named)
    admin2_named = bool(place.admin2) and normalize_name(place.admin2 or "") in ctx.named
    near, closeness, count = _proximity(place, ctx.anchors)
    region_word = ctx.qual in REGION_QUALIFIERS
    return (
        log_pop, float(rank == 0), 1.0 / (1 + rank),
        country, admin1, admin2, city, area, float(capital),
        exact, prefix, abbreviation,
        focus, float(focus >= 1.0), float(admin_named), float(admin2_named),
        near, closeness, count,
        ctx.regions.get(region_key(place), 0.0) if place.admin1 else 0.0,
        float(region_word and (admin1 or admin2) > 0), float(region_word and city > 0),
        float(place.geonameid in ctx.area_with_city),
        float(place.geonameid in ctx.state_of_focus),
        math.log10(max(len(ctx.others), 1)) / 2.0, float(ctx.locative),
        float(ctx.locative and country > 0), hand / 10.0,
        city * focus, city * log_pop, city * near,
        float(place.population <= 0), (log_pop - ctx.top_log_pop) * (1.0 - area),
        country * float(focus >= 1.0),
        city * (ctx.regions.get(region_key(place), 0.0) if place.admin1 else 0.0),
        float(capital) * focus, float(place.geonameid in ctx.area_with_big_city),
    )


class Ranker(Protocol):
    """Scores the feature rows of one span's candidates (higher is better)."""

    def rank(self, rows: Sequence[Sequence[float]]) -> list[float]: ...


class HandRanker:
    """The hand-weighted score alone (the fallback, and the baseline when training)."""

    def rank(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return [row[HAND] * 10.0 for row in rows]


@dataclass(frozen=True, slots=True)
class LinearRanker:
    """A linear conditional-logit model: score = weights . row."""

    weights: tuple[float, ...]
    provenance: dict[str, Any] = field(default_factory=dict)

    def rank(self, rows: Sequence[Sequence[float]]) -> list[float]:
        w = self.weights
        return [sum(a * b for a, b in zip(w, row)) for row in rows]

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "features": list(FEATURE_NAMES),
                "weights": [round(x, 6) for x in self.weights], "training": self.provenance}


def ranker_from_json(data: Any, where: str = "ranker") -> LinearRanker:
    """A LinearRanker from its JSON form; GazetteerError when it is not one for these
    features."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise GazetteerError(f"{where}: not a {FORMAT} model file; re-run "
                             f"bench/train_geo_ranker.py to write it")
    names, weights = data.get("features"), data.get("weights")
    if names != list(FEATURE_NAMES) or not isinstance(weights, list) or len(weights) != len(
            FEATURE_NAMES) or not all(isinstance(w, (int, float)) for w in weights):
        raise GazetteerError(f"{where}: its features do not match this version of flashpoint "
                             f"({len(FEATURE_NAMES)} expected); re-run "
                             f"bench/train_geo_ranker.py")
    return LinearRanker(tuple(float(w) for w in weights), dict(data.get("training") or {}))


def load_ranker(path: Path | str) -> LinearRanker:
    """Read a model file; GazetteerError when it is missing, unreadable or of another format."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"toponym ranker {path} cannot be read ({exc}); reinstall "
                             f"flashpoint or re-run bench/train_geo_ranker.py") from exc
    return ranker_from_json(data, str(path))


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """The shipped model, loaded once. A missing or corrupt file logs a warning and falls
    back to the hand-weighted scores, so geocoding still works (a little less well)."""
    try:
        return load_ranker(MODEL_PATH)
    except GazetteerError as exc:
        log.warning("%s; using the hand-weighted toponym scores instead", exc)
        return HandRanker()
