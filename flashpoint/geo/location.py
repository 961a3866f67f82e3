"""Choose an event's location among the places named in its sentences.

ACLED geo_precision:
  1  the named town itself ("in Al Mayadin"), or a named site in it (an airport, a dam, a
     landmark: feature "spot");
  2  near a named town or part of a region around it ("near", "outskirts of", "north of",
     "the Al Mayadin region", "the X area"): coded to that town;
  3  a first-level region, larger area or natural location (river, mountain, lake), coded to
     its centroid; also used when only the country is known. The gazetteer stores regions and
     countries at a centroid-like point (the trimmed box midpoint of their towns), which is
     what geoparsing gold data uses, rather than at the capital.
A sea, continent or other area outside any one country ("the Middle East") ranks after a
country: it never displaces the country an event is placed in.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import PlaceMention

# Lower rank = more specific.
SPECIFICITY: dict[str, int] = {
    "spot": 0, "city": 0, "admin2": 1, "landform": 2, "water": 2, "admin1": 3, "region": 4,
    "country": 5,
}
NEAR_QUALIFIERS: frozenset[str] = frozenset(
    {"near", "outskirts", "suburbs", "suburb", "countryside", "region", "area", "district",
     "vicinity", "province", "governorate", "county", "valley", "basin", "environs", "department",
     "north of", "south of", "east of", "west of", "northeast of", "northwest of",
     "southeast of", "southwest of", "north-east of", "north-west of", "south-east of",
     "south-west of", "northern of", "southern of", "eastern of", "western of"}
)


def _rank(mention: PlaceMention) -> int:
    if mention.place is None:
        return len(SPECIFICITY) + 1
    if not mention.place.country_code:
        return len(SPECIFICITY)  # after countries (see module docstring)
    return SPECIFICITY.get(mention.place.feature, 3)


def geo_precision(mention: PlaceMention) -> int:
    """ACLED precision for one resolved mention (see module docstring)."""
    feature = mention.place.feature if mention.place else "country"
    if feature in ("city", "spot"):
        return 2 if mention.qualifier in NEAR_QUALIFIERS else 1
    if feature == "admin2":
        return 2
    return 3


def event_location(
    places: Sequence[PlaceMention], trigger_start: int
) -> tuple[PlaceMention | None, int | None]:
    """The most specific resolved place (city < admin2 < natural feature < admin1 < country),
    ties broken by distance to the trigger; never a country when something finer is given.
    Returns (mention, geo_precision) or (None, None) when no place is resolved."""
    resolved = [m for m in places if m.place is not None]
    if not resolved:
        return None, None
    best = min(resolved, key=lambda m: (_rank(m), _distance(m, trigger_start), m.start))
    return best, geo_precision(best)


def _distance(mention: PlaceMention, trigger_start: int) -> int:
    if mention.start <= trigger_start < mention.end:
        return 0
    return min(abs(mention.start - trigger_start), abs(mention.end - trigger_start))
