"""The learned toponym ranker: features, the model file, and choices on constructed cases."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo import ranker as ranker_mod
from flashpoint.geo.gazetteer import InMemoryGazetteer
from flashpoint.geo.ranker import (
    FEATURE_NAMES,
    HAND,
    MODEL_PATH,
    HandRanker,
    LinearRanker,
    areas_with_big_city,
    candidate_features,
    default_ranker,
    load_ranker,
    make_context,
    ranker_from_json,
)
from flashpoint.geo.resolve import region_focus, resolve_toponyms
from flashpoint.records import Place

PARIS_FR = Place(10, "Paris", "FR", 48.85, 2.35, population=2_100_000, country="France",
                 admin1="Ile-de-France")
PARIS_TX = Place(11, "Paris", "US", 33.66, -95.56, population=25_000, country="United States",
                 admin1="Texas", admin2="Lamar County")
TEXAS = Place(-1, "Texas", "US", 31.25, -99.25, "admin1", 29_000_000, country="United States",
              admin1="Texas")
FRANCE = Place(3017382, "France", "FR", 46.0, 2.0, "country", 67_000_000, country="France")
DALLAS = Place(12, "Dallas", "US", 32.78, -96.80, population=1_300_000,
               country="United States", admin1="Texas", admin2="Dallas County")
WASH_STATE = Place(-2, "Washington", "US", 47.3, -120.8, "admin1", 6_500_000,
                   country="United States", admin1="Washington")
WASH_DC = Place(13, "Washington", "US", 38.9, -77.04, population=690_000,
                country="United States", admin1="Washington, D.C.")


def gaz(*places: Place, names: dict[int, list[str]] | None = None) -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows([(p, (names or {}).get(p.geonameid, []))
                                        for p in places])


def features(place: Place, others: list[Place], text: str | None = None,
             focus: dict[str, float] | None = None, named: frozenset[str] = frozenset(),
             anchors: list[Place] | None = None, **kw) -> dict[str, float]:
    ctx = make_context(text or place.name, "", others, focus or {}, named, anchors or [], **kw)
    return dict(zip(FEATURE_NAMES, candidate_features(place, ctx, 3.0, False)))


def chosen(g: InMemoryGazetteer, text: str, *names: str, ranker=None) -> list[int | None]:
    spans, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        spans.append((start, start + len(name), name))
        pos = start + len(name)
    mentions, _ = resolve_toponyms(spans, text, g, ranker)
    return [m.place.geonameid if m.place else None for m in mentions]


# --- features ----------------------------------------------------------------------------


def test_feature_row_has_one_value_per_documented_name() -> None:
    row = candidate_features(PARIS_TX, make_context("Paris", "", [PARIS_FR, PARIS_TX], {},
                                                    frozenset(), []), 0.0, False)
    assert len(row) == len(FEATURE_NAMES) == len(set(FEATURE_NAMES))
    assert ranker_mod.__doc__ is not None
    assert all(name in ranker_mod.__doc__ for name in FEATURE_NAMES)


def test_population_class_and_name_features() -> None:
    big, small = features(PARIS_FR, [PARIS_FR, PARIS_TX]), features(PARIS_TX,
                                                                    [PARIS_FR, PARIS_TX])
    assert big["pop_top"] == 1.0 and small["pop_top"] == 0.0
    assert small["pop_rank"] == 0.5 and big["log_pop"] > small["log_pop"]
    assert small["pop_gap"] < 0.0 == big["pop_gap"]
    assert big["is_city"] == 1.0 and big["is_admin1"] == big["is_country"] == 0.0
    assert features(TEXAS, [TEXAS])["is_admin1"] == 1.0
    assert big["name_exact"] == 1.0 and big["hand"] == pytest.approx(0.3)


def test_context_features_focus_named_region_and_distance() -> None:
    row = features(PARIS_TX, [PARIS_FR, PARIS_TX], focus={"US": 1.0, "FR": 0.5},
                   named=frozenset({"texas"}), anchors=[DALLAS], regions={"US/Texas": 1.0})
    assert row["focus"] == 1.0 and row["focus_top"] == 1.0 and row["city_focus"] == 1.0
    assert row["admin_named"] == 1.0 and row["region_focus"] == 1.0
    assert row["near"] == 0.0 and 0.0 < row["near_log_km"] < 1.0  # Dallas is ~150+ km away
    far = features(PARIS_FR, [PARIS_FR, PARIS_TX], focus={"US": 1.0, "FR": 0.5},
                   anchors=[DALLAS])
    assert far["focus"] == 0.5 and far["admin_named"] == 0.0 and far["near_log_km"] == 0.0
    close = features(PARIS_TX, [PARIS_TX], anchors=[Place(99, "Reno", "US", 33.66, -95.48)])
    assert close["near"] == 1.0 and close["near_count"] > 0.0 and close["near_log_km"] > 0.5


def test_name_match_kinds() -> None:
    gov = Place(20, "Deir ez-Zor Governorate", "SY", 35.0, 40.0, "admin1")
    assert features(gov, [gov], text="Deir ez-Zor")["name_exact"] == 1.0
    assert features(gov, [gov], text="Deir")["name_prefix"] == 1.0
    sea = Place(21, "Atlantic Ocean", "", 10.0, -25.0, "water")
    assert features(sea, [sea], text="Atlantic")["name_exact"] == 1.0
    assert features(TEXAS, [TEXAS], text="Tex.")["abbreviation"] == 1.0
    assert features(TEXAS, [TEXAS], text="Tejas")["name_exact"] == 0.0


def test_region_focus_and_big_city_helpers() -> None:
    assert region_focus([PARIS_TX, DALLAS, PARIS_FR, FRANCE, None]) == {
        "US/Texas": 1.0, "FR/Ile-de-France": 0.5}
    assert areas_with_big_city([WASH_STATE, WASH_DC]) == frozenset({-2})
    assert areas_with_big_city([TEXAS, PARIS_TX]) == frozenset()


# --- model file --------------------------------------------------------------------------


def test_shipped_model_loads_with_provenance() -> None:
    model = load_ranker(MODEL_PATH)
    assert len(model.weights) == len(FEATURE_NAMES)
    assert model.provenance["script"] == "bench/train_geo_ranker.py"
    assert set(model.provenance["corpora"]) and model.provenance["date"]
    assert isinstance(default_ranker(), LinearRanker)


def test_linear_ranker_scores_are_dot_products_and_round_trip() -> None:
    weights = tuple(float(i) for i in range(len(FEATURE_NAMES)))
    model = LinearRanker(weights, {"note": "test"})
    row = [0.0] * len(FEATURE_NAMES)
    row[2], row[HAND] = 1.0, 0.5
    assert model.rank([row]) == [2.0 + HAND * 0.5]
    again = ranker_from_json(json.loads(json.dumps(model.to_json())))
    assert again.weights == weights and again.provenance == {"note": "test"}
    assert HandRanker().rank([row]) == [5.0]


def test_missing_or_corrupt_model_file_raises(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="train_geo_ranker"):
        load_ranker(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError):
        load_ranker(bad)
    bad.write_text(json.dumps({"format": ranker_mod.FORMAT, "features": ["x"],
                               "weights": [1.0]}), encoding="utf-8")
    with pytest.raises(GazetteerError, match="features do not match"):
        load_ranker(bad)


def test_missing_model_falls_back_to_hand_scores(tmp_path: Path, monkeypatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(ranker_mod, "MODEL_PATH", tmp_path / "absent.json")
    default_ranker.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="flashpoint.geo.ranker"):
            assert isinstance(default_ranker(), HandRanker)
        assert "hand-weighted" in caplog.text
    finally:
        default_ranker.cache_clear()


# --- choices on constructed cases --------------------------------------------------------


def test_co_mentioned_region_picks_the_small_town() -> None:
    g = gaz(PARIS_FR, PARIS_TX, TEXAS, FRANCE)
    assert chosen(g, "A tornado hit Paris, Texas, on Sunday.", "Paris", "Texas") == [11, -1]
    assert chosen(g, "Protesters marched in Paris on Sunday.", "Paris") == [10]


def test_nearby_town_and_country_focus_decide() -> None:
    g = gaz(PARIS_FR, PARIS_TX, DALLAS, FRANCE)
    assert chosen(g, "Storms moved from Dallas toward Paris.", "Dallas", "Paris") == [12, 11]
    assert chosen(g, "In France, police in Paris said.", "France", "Paris") == [3017382, 10]


def test_named_country_beats_a_bigger_namesake() -> None:
    tripoli_ly = Place(30, "Tripoli", "LY", 32.9, 13.2, population=1_150_000, country="Libya")
    tripoli_lb = Place(31, "Tripoli", "LB", 34.4, 35.8, population=230_000, country="Lebanon")
    lebanon = Place(32, "Lebanon", "LB", 33.8, 35.8, "country", 6_800_000, country="Lebanon")
    g = gaz(tripoli_ly, tripoli_lb, lebanon)
    assert chosen(g, "Clashes in Tripoli, Lebanon.", "Tripoli", "Lebanon") == [31, 32]
    assert chosen(g, "Clashes in Tripoli.", "Tripoli") == [30]


def test_explicit_ranker_is_used() -> None:
    g = gaz(PARIS_FR, PARIS_TX)
    weights = [0.0] * len(FEATURE_NAMES)
    weights[FEATURE_NAMES.index("pop_top")] = -1.0  # a perverse model: least populous wins
    assert chosen(g, "In Paris.", "Paris", ranker=LinearRanker(tuple(weights))) == [11]
