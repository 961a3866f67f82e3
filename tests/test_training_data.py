"""Checks on the hand-written training corpus (training/events/*.jsonl).

Every line must be one JSON object in the shared format (training/README.md): a known
label (an ACLED sub-event type or NONE), a negative kind exactly when the label is NONE,
actors that are exact substrings of the text, and non-negative integer tolls or null.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flashpoint.coding.taxonomy import SUB_EVENT_TYPES

EVENTS_DIR = Path(__file__).resolve().parent.parent / "training" / "events"
WRITTEN = EVENTS_DIR / "written.jsonl"

NEGATIVE_KINDS = frozenset({
    "crime", "disaster", "diplomacy", "politics", "metaphor", "anniversary", "threat",
    "plan", "hypothetical", "denial", "exercise", "review", "sports", "economy",
    "past_total", "other",
})
KEYS = frozenset({"id", "text", "label", "actor1", "actor2", "killed", "injured", "source"})
SOURCES = frozenset({"written", "synthetic"})


def line_problems(line: str) -> list[str]:
    """What is wrong with one corpus line (empty when it is well formed)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return [f"not JSON: {err}"]
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    return _field_problems(obj)


def _field_problems(obj: dict[str, Any]) -> list[str]:
    problems = [f"missing key {k!r}" for k in sorted(KEYS - obj.keys())]
    extra = obj.keys() - KEYS - {"negative"}
    problems += [f"unknown key {k!r}" for k in sorted(extra)]
    if problems:
        return problems
    text, label = obj["text"], obj["label"]
    if not isinstance(text, str) or not text.strip():
        problems.append("empty text")
        text = ""
    problems += _label_problems(label, obj.get("negative"))
    for role in ("actor1", "actor2"):
        actor = obj[role]
        if actor is not None and (not isinstance(actor, str) or not actor or actor not in text):
            problems.append(f"{role} {actor!r} is not a substring of the text")
    for toll in ("killed", "injured"):
        value = obj[toll]
        if value is not None and (type(value) is not int or value < 0):
            problems.append(f"{toll} must be a non-negative int or null, not {value!r}")
    if obj["source"] not in SOURCES:
        problems.append(f"source {obj['source']!r} not in {sorted(SOURCES)}")
    return problems


def _label_problems(label: Any, negative: Any) -> list[str]:
    if label == "NONE":
        if negative not in NEGATIVE_KINDS:
            return [f"NONE needs a negative kind from {sorted(NEGATIVE_KINDS)}, got {negative!r}"]
        return []
    if label not in SUB_EVENT_TYPES:
        return [f"label {label!r} is neither NONE nor an ACLED sub-event type"]
    if negative is not None:
        return ["'negative' is only for NONE examples"]
    return []


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _corpus_files() -> list[Path]:
    return sorted(EVENTS_DIR.glob("*.jsonl"))


# --- the checker itself must reject malformed lines -------------------------------------

GOOD = {"id": "t-1", "text": "Gunmen killed two farmers in Zamfara.", "label": "Attack",
        "actor1": "Gunmen", "actor2": "two farmers", "killed": 2, "injured": None,
        "source": "written"}


def test_checker_accepts_a_good_line() -> None:
    assert line_problems(json.dumps(GOOD)) == []


@pytest.mark.parametrize("change", [
    {"label": "Airstrike"},
    {"actor1": "Soldiers"},
    {"killed": "two"},
    {"killed": -1},
    {"injured": 1.5},
    {"label": "NONE"},
    {"label": "NONE", "negative": "weather"},
    {"negative": "crime"},
    {"source": "scraped"},
    {"text": ""},
])
def test_checker_rejects_bad_fields(change: dict[str, Any]) -> None:
    assert line_problems(json.dumps({**GOOD, **change}))


def test_checker_rejects_broken_json_and_missing_keys() -> None:
    assert line_problems('{"id": "t-1", "text": "x"')
    assert line_problems(json.dumps([GOOD]))
    assert line_problems(json.dumps({k: v for k, v in GOOD.items() if k != "actor2"}))


# --- the corpus files ---------------------------------------------------------------------

def test_written_corpus_exists() -> None:
    assert WRITTEN.is_file(), f"missing {WRITTEN}"


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_every_line_is_well_formed(path: Path) -> None:
    bad = []
    for number, line in enumerate(_lines(path), start=1):
        problems = line_problems(line)
        if problems:
            bad.append(f"{path.name}:{number}: {'; '.join(problems)}")
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_ids_unique_and_no_text_has_two_labels(path: Path) -> None:
    objs = [json.loads(line) for line in _lines(path)]
    ids = Counter(o["id"] for o in objs)
    assert [i for i, n in ids.items() if n > 1] == []
    labels: dict[str, set[str]] = {}
    for o in objs:
        labels.setdefault(o["text"], set()).add(o["label"])
    assert {t: ls for t, ls in labels.items() if len(ls) > 1} == {}


def test_written_texts_are_unique_and_not_in_other_files() -> None:
    written = Counter(json.loads(line)["text"] for line in _lines(WRITTEN))
    assert [t for t, n in written.items() if n > 1] == []
    others = {json.loads(line)["text"]
              for path in _corpus_files() if path != WRITTEN for line in _lines(path)}
    assert sorted(others & written.keys()) == []


def test_written_corpus_covers_every_sub_event_type_and_negatives() -> None:
    objs = [json.loads(line) for line in _lines(WRITTEN)]
    labels = Counter(o["label"] for o in objs)
    thin = {s: labels[s] for s in SUB_EVENT_TYPES if labels[s] < 10}
    assert thin == {}, f"sub-event types with fewer than 10 written examples: {thin}"
    assert labels["NONE"] >= 100
    assert all(o["source"] == "written" for o in objs)
