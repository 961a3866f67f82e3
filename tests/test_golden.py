"""Golden articles: hand-coded expected events for short news reports.

Each ``tests/fixtures/articles/NAME.txt`` has a ``NAME.jsonl`` with one expected event a line
(format in ``tests/fixtures/articles/README.md``). The golden test runs the whole extractor
on every article and checks that each expectation matches a distinct extracted event and
that the numbers of ``new`` and ``past_reference`` events are the same as expected.

The matcher lives here, with unit tests on hand-made ``Event`` objects, so the harness is
itself tested; the fixture checks at the bottom need neither the model nor the gazetteer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from flashpoint.records import Event

ARTICLES_DIR = Path(__file__).parent / "fixtures" / "articles"
ARTICLE_PATHS = sorted(ARTICLES_DIR.glob("*.txt"))
KINDS = ("new", "past_reference")
MATCHERS = ("near",)  # keys that are not Event fields

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


# ---------------------------------------------------------------- the matcher


def load_expected(path: Path) -> list[dict[str, Any]]:
    """The expected events of one ``.jsonl`` file (blank lines ignored)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _near(event: Event, spec: Sequence[float]) -> bool:
    lat, lon, km = spec
    if event.latitude is None or event.longitude is None:
        return False
    return _distance_km(lat, lon, event.latitude, event.longitude) <= km


def _within(value: Any, bounds: dict[str, float]) -> bool:
    if not isinstance(value, (int, float)):
        return False
    return bounds.get("min", -math.inf) <= value <= bounds.get("max", math.inf)


def _key_matches(event: Event, key: str, want: Any) -> bool:
    if key == "near":
        return _near(event, want)
    if key.endswith("~"):
        got = getattr(event, key[:-1])
        return got is not None and str(want).lower() in str(got).lower()
    got = getattr(event, key)
    if isinstance(want, dict):
        return _within(got, want)
    return bool(got == want)


def failed_keys(expected: dict[str, Any], event: Event) -> list[str]:
    """The keys of one expectation that ``event`` does not satisfy (empty: a match)."""
    return [key for key, want in expected.items() if not _key_matches(event, key, want)]


def match_events(
    expected: Sequence[dict[str, Any]], actual: Sequence[Event]
) -> tuple[dict[int, int], list[int]]:
    """Pair each expectation with a distinct fully matching event.

    Greedy: the expectation with the fewest candidate events is paired first, with the
    first candidate still free. Returns (expectation index -> event index, unmatched).
    """
    candidates = {
        i: [j for j, event in enumerate(actual) if not failed_keys(exp, event)]
        for i, exp in enumerate(expected)
    }
    pairs: dict[int, int] = {}
    unmatched: list[int] = []
    for i in sorted(candidates, key=lambda k: (len(candidates[k]), k)):
        free = [j for j in candidates[i] if j not in pairs.values()]
        if free:
            pairs[i] = free[0]
        else:
            unmatched.append(i)
    return pairs, sorted(unmatched)


def _kind_counts(kinds: Iterator[Any]) -> dict[str, int]:
    counts = {kind: 0 for kind in KINDS}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def golden_problems(expected: Sequence[dict[str, Any]], actual: Sequence[Event]) -> list[str]:
    """What is wrong with ``actual`` against ``expected``: unmatched lines, wrong counts."""
    _, unmatched = match_events(expected, actual)
    problems = [f"unmatched expectation: {json.dumps(expected[i])}" for i in unmatched]
    want = _kind_counts(e.get("kind") for e in expected)
    got = _kind_counts(e.kind for e in actual)
    for kind in KINDS:
        if want[kind] != got[kind]:
            problems.append(f"{want[kind]} {kind} event(s) expected, {got[kind]} extracted")
    return problems


def _compared_fields(expected: Sequence[dict[str, Any]]) -> list[str]:
    names = ["kind", "event_type", "sub_event_type"]
    for exp in expected:
        for key in exp:
            base = key.rstrip("~")
            extra = ["location", "latitude", "longitude"] if base == "near" else [base]
            names.extend(n for n in extra if n not in names)
    return names


def format_report(
    expected: Sequence[dict[str, Any]], actual: Sequence[Event], problems: Sequence[str]
) -> str:
    """A compact failure message: the problems, then each actual event's compared fields."""
    names = _compared_fields(expected)
    lines = list(problems)
    lines.append(f"extracted {len(actual)} event(s):")
    for event in actual:
        shown = {name: getattr(event, name) for name in names}
        lines.append("  " + json.dumps(shown, default=str, ensure_ascii=False))
    for i in match_events(expected, actual)[1]:
        lines.append(_closest(expected[i], actual))
    return "\n".join(lines)


def _closest(expected: dict[str, Any], actual: Sequence[Event]) -> str:
    if not actual:
        return f"  no event to compare with {json.dumps(expected)}"
    misses = [failed_keys(expected, event) for event in actual]
    best = min(range(len(actual)), key=lambda j: len(misses[j]))
    return f"  closest to line {json.dumps(expected)}: event #{best}, failing on {misses[best]}"


# ---------------------------------------------------------------- the golden test


@pytest.fixture(scope="module")
def extractor() -> Any:
    from flashpoint.api import Extractor

    return Extractor()


@pytest.mark.model
@pytest.mark.gazetteer
@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_golden_article(path: Path, extractor: Any) -> None:
    from flashpoint.ingest import read_path

    articles = read_path(path)
    assert len(articles) == 1, f"{path.name}: read {len(articles)} articles, expected 1"
    actual = list(extractor.extract_article(articles[0]))
    expected = load_expected(path.with_suffix(".jsonl"))
    problems = golden_problems(expected, actual)
    assert not problems, f"{path.name}:\n" + format_report(expected, actual, problems)


# ---------------------------------------------------------------- the matcher's own tests


def _event(**values: Any) -> Event:
    base: dict[str, Any] = {
        "event_id": "e",
        "kind": "new",
        "event_date": "2025-03-11",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of the United States",
        "inter1": 8,
        "location": "Al Mayadin",
        "latitude": 35.0207,
        "longitude": 40.4518,
        "fatalities": 3,
        "injuries_low": 2,
        "source": "Syrian state media",
    }
    base.update(values)
    return Event(**base)


STRIKE = {
    "kind": "new",
    "sub_event_type": "Air/drone strike",
    "inter1": 8,
    "actor1~": "united states",
    "source~": "STATE MEDIA",
    "near": [35.02, 40.45, 25],
    "fatalities": 3,
    "injuries_low": {"min": 2},
}
PAST = {"kind": "past_reference", "event_date~": "2020-11", "time_precision": 3}


def test_matcher_accepts_matching_events() -> None:
    past = _event(kind="past_reference", event_date="2020-11-01", time_precision=3)
    assert golden_problems([STRIKE, PAST], [past, _event()]) == []


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"fatalities": 4}, "fatalities"),
        ({"inter1": 1}, "inter1"),
        ({"actor1": "Military Forces of Iran"}, "actor1~"),
        ({"source": None}, "source~"),
        ({"latitude": 36.5}, "near"),
        ({"latitude": None, "longitude": None}, "near"),
        ({"injuries_low": 1}, "injuries_low"),
        ({"injuries_low": None}, "injuries_low"),
    ],
)
def test_matcher_fails_on_a_wrong_value(change: dict[str, Any], key: str) -> None:
    wrong = _event(**change)
    assert failed_keys(STRIKE, wrong) == [key]
    assert golden_problems([STRIKE], [wrong])


def test_matcher_numeric_bounds_have_an_upper_end() -> None:
    assert failed_keys({"fatalities": {"min": 1, "max": 2}}, _event()) == ["fatalities"]


def test_matcher_fails_on_a_missing_event() -> None:
    problems = golden_problems([STRIKE, STRIKE], [_event()])
    assert any(p.startswith("unmatched expectation") for p in problems)
    assert "2 new event(s) expected, 1 extracted" in problems


def test_matcher_fails_on_an_extra_new_event() -> None:
    problems = golden_problems([STRIKE], [_event(), _event(sub_event_type="Armed clash")])
    assert problems == ["1 new event(s) expected, 2 extracted"]


def test_matcher_fails_on_an_event_for_a_no_event_article() -> None:
    assert golden_problems([], [_event()]) == ["0 new event(s) expected, 1 extracted"]


def test_matcher_counts_past_references_separately() -> None:
    problems = golden_problems([STRIKE], [_event(), _event(kind="past_reference")])
    assert problems == ["0 past_reference event(s) expected, 1 extracted"]


def test_matcher_pairs_each_expectation_with_a_distinct_event() -> None:
    loose = {"kind": "new"}
    clash = _event(sub_event_type="Armed clash")
    pairs, unmatched = match_events([loose, STRIKE], [_event(), clash])
    assert unmatched == [] and pairs == {1: 0, 0: 1}


def test_report_shows_compared_fields_and_the_closest_event() -> None:
    wrong = _event(fatalities=4)
    report = format_report([STRIKE], [wrong], golden_problems([STRIKE], [wrong]))
    assert "unmatched expectation" in report
    assert '"fatalities": 4' in report and "failing on ['fatalities']" in report
    assert "notes" not in report and "event_id" not in report


# ---------------------------------------------------------------- the fixtures' own checks


def _all_expected() -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in ARTICLE_PATHS:
        rows.extend((path.stem, exp) for exp in load_expected(path.with_suffix(".jsonl")))
    return rows


def _check_key(key: str, value: Any) -> None:
    fields = set(Event.field_names())
    if key in MATCHERS:
        assert isinstance(value, list) and len(value) == 3, f"near needs [lat, lon, km]: {value}"
        return
    assert key.rstrip("~") in fields, f"unknown key {key!r}"
    if key.endswith("~"):
        assert isinstance(value, str) and value, f"{key} needs a non-empty string"
    elif isinstance(value, dict):
        assert set(value) <= {"min", "max"} and value, f"{key}: bounds need min and/or max"


def test_every_article_has_headers_and_expectations() -> None:
    assert len(ARTICLE_PATHS) >= 30
    for path in ARTICLE_PATHS:
        head, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
        assert sep and body.strip(), f"{path.name}: headers, a blank line, then the body"
        names = [line.split(":", 1)[0] for line in head.splitlines()]
        assert names == ["Title", "Published", "Source"], f"{path.name}: headers {names}"
        assert path.with_suffix(".jsonl").exists(), f"{path.name} has no .jsonl"


def test_expected_lines_are_well_formed() -> None:
    for name, exp in _all_expected():
        assert exp.get("kind") in KINDS, f"{name}: kind {exp.get('kind')!r}"
        subs = TAXONOMY.get(exp.get("event_type", ""), ())
        assert exp.get("sub_event_type") in subs, f"{name}: {exp.get('sub_event_type')!r}"
        for key, value in exp.items():
            _check_key(key, value)


def test_fixtures_cover_the_whole_taxonomy() -> None:
    seen = {exp["sub_event_type"] for _, exp in _all_expected() if exp["kind"] == "new"}
    missing = [s for subs in TAXONOMY.values() for s in subs if s not in seen]
    assert not missing, f"no golden article for {missing}"
