"""WikiEvents (KAIROS ontology): detection and argument roles over whole news documents.

Format: a directory of `NAME.jsonl` documents (`doc_id`, `sentences` as
[[[token, start, end], ...], sentence text], `event_mentions` with token-index triggers and
`arguments`), each beside an optional `NAME_info.jsonl` whose arguments name the most
informative mention of the same entities. The article we extract from is the sentences
joined by newlines; trigger offsets are mapped into it.

Gold events scored: Conflict.Attack.* (attack), Life.Die.* (death), Life.Injure.* (injury),
Justice.ArrestJailDetain.* (arrest). A gold event is detected when the evidence span of one
of our events covers its trigger; an event is correct when it covers at least one. WikiEvents
marks every event mention, the events a report recalls as well as the one it reports, so our
past references count too ("a general was killed there in 2017"); `recall_new_only` keeps
the figure over new events alone. Roles, on
detected events (best of the covering events): attacker (Attacker, Killer, Injurer,
Jailer) ~ actor1, target (Target, Victim, Detainee) ~ actor2, place (Place) ~ location,
admin1 or country; loose match (case-insensitive substring either way) against the
argument text in either file. An attacker or target counts as matched when the gold
argument matches our actor's name or the article words we took that actor from (the
event's "actor1"/"actor2" evidence items, at most `events.ROLE_SPAN_WORDS` words; the same
loose match): the name alone measures naming ("Civilians (Syria)" vs "the villagers"), not
role assignment. `attacker_name_match` / `target_name_match` keep the name-only figures.
Detection looks only at the evidence sentences (items without a "field" key).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Event
from .events import (
    EvalDataError,
    EventExtractor,
    SetScore,
    extract_all,
    f1_of,
    loose_match,
    ratio,
    role_match,
    take,
)

CATEGORIES: dict[str, str] = {"Conflict.Attack": "attack", "Life.Die": "death",
                              "Life.Injure": "injury", "Justice.ArrestJailDetain": "arrest"}
ROLES: dict[str, frozenset[str]] = {
    "attacker": frozenset({"Attacker", "Killer", "Injurer", "Jailer"}),
    "target": frozenset({"Target", "Victim", "Detainee"}),
    "place": frozenset({"Place"}),
}
ACTOR_FIELDS: dict[str, str] = {"attacker": "actor1", "target": "actor2"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    category: str
    start: int  # character offsets of the trigger in `WikiDoc.text`
    end: int
    trigger: str
    roles: dict[str, tuple[str, ...]]  # attacker/target/place -> argument texts


@dataclass(frozen=True, slots=True)
class WikiDoc:
    id: str
    text: str
    events: tuple[GoldEvent, ...]


def category_of(event_type: str) -> str | None:
    for prefix, name in CATEGORIES.items():
        if event_type == prefix or event_type.startswith(prefix + "."):
            return name
    return None


def layout(sentences: list[Any]) -> tuple[str, list[tuple[int, int]]]:
    """The sentences joined by newlines, and each document token's offsets in that text."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for tokens, sentence_text in sentences:
        base = tokens[0][1] if tokens else 0
        offsets.extend((cursor + a - base, cursor + b - base) for _, a, b in tokens)
        parts.append(sentence_text)
        cursor += len(sentence_text) + 1
    return "\n".join(parts), offsets


def _roles(arguments: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for arg in arguments:
        for name, gold_roles in ROLES.items():
            if arg.get("role") in gold_roles and arg.get("text"):
                roles.setdefault(name, []).append(str(arg["text"]))
    return roles


def parse_doc(row: dict[str, Any], info: dict[str, Any] | None) -> WikiDoc:
    text, offsets = layout(row["sentences"])
    informative = {e["id"]: e for e in (info or {}).get("event_mentions", [])}
    events = []
    for mention in row["event_mentions"]:
        category = category_of(mention["event_type"])
        if category is None:
            continue
        trig = mention["trigger"]
        roles = _roles(mention.get("arguments", []))
        for name, texts in _roles(informative.get(mention["id"], {}).get("arguments", [])).items():
            roles.setdefault(name, []).extend(texts)
        start, end = offsets[trig["start"]][0], offsets[trig["end"] - 1][1]
        events.append(GoldEvent(mention["id"], category, start, end, trig.get("text", ""),
                                {k: tuple(dict.fromkeys(v)) for k, v in roles.items()}))
    return WikiDoc(str(row["doc_id"]), text, tuple(events))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except json.JSONDecodeError as exc:
        raise EvalDataError(f"{path}: not JSON lines ({exc})") from exc


def read_dir(directory: Path) -> list[WikiDoc]:
    """Every document of every `*.jsonl` (not `*_info.jsonl`) file in the directory."""
    files = sorted(p for p in directory.glob("*.jsonl") if not p.stem.endswith("_info"))
    if not files:
        raise EvalDataError(f"{directory}: no *.jsonl WikiEvents documents found")
    docs = []
    for path in files:
        info_path = path.with_name(path.stem + "_info.jsonl")
        info = {r["doc_id"]: r for r in _read_jsonl(info_path)} if info_path.exists() else {}
        for row in _read_jsonl(path):
            try:
                docs.append(parse_doc(row, info.get(row["doc_id"])))
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                raise EvalDataError(f"{path}: document {row.get('doc_id')!r} is not in the "
                                    f"WikiEvents format ({exc!r})") from exc
    return docs


def covers(event: Event, gold: GoldEvent) -> bool:
    """Whether one of the event's evidence sentences (items without "field") contains the
    gold trigger."""
    return any(int(ev["start"]) <= gold.start and gold.end <= int(ev["end"])
               for ev in event.evidence if ev.get("field") is None)


def role_hit(role: str, event: Event, texts: Sequence[str]) -> bool:
    """attacker/target: our actor's name or the article words we took it from (the actor1/
    actor2 evidence items, `events.role_match`); place: location, admin1 or country."""
    if role in ACTOR_FIELDS:
        return role_match(event, ACTOR_FIELDS[role], texts)
    return any(loose_match(v, texts) for v in (event.location, event.admin1, event.country))


def name_hit(role: str, event: Event, texts: Sequence[str]) -> bool:
    """The old name-only figure for attacker/target."""
    return loose_match(event.actor1 if role == "attacker" else event.actor2, texts)


@dataclass
class Tally:
    tp_events: int = 0
    predicted: int = 0
    gold: int = 0
    detected: int = 0
    detected_new: int = 0  # by new events alone

    def __post_init__(self) -> None:
        self.by_category: dict[str, list[int]] = {}
        self.roles: dict[str, list[int]] = {k: [0, 0] for k in ROLES}
        self.names: dict[str, list[int]] = {k: [0, 0] for k in ACTOR_FIELDS}


def tally_doc(doc: WikiDoc, events: Sequence[Event], tally: Tally,
               misses: list[dict[str, Any]]) -> None:
    tally.predicted += len(events)
    tally.tp_events += sum(any(covers(e, g) for g in doc.events) for e in events)
    for gold in doc.events:
        found = [e for e in events if covers(e, gold)]
        cat = tally.by_category.setdefault(gold.category, [0, 0])
        cat[1] += 1
        tally.gold += 1
        if not found:
            misses.append({"doc": doc.id, "category": gold.category, "trigger": gold.trigger})
            continue
        cat[0] += 1
        tally.detected += 1
        tally.detected_new += any(e.kind == "new" for e in found)
        for role, texts in gold.roles.items():
            tally.roles[role][1] += 1
            tally.roles[role][0] += any(role_hit(role, e, texts) for e in found)
            if role in tally.names:
                tally.names[role][1] += 1
                tally.names[role][0] += any(name_hit(role, e, texts) for e in found)


def metrics_of(tally: Tally) -> dict[str, float | None]:
    p = ratio(tally.tp_events, tally.predicted)
    r = ratio(tally.detected, tally.gold)
    out: dict[str, float | None] = {"precision": p, "recall": r, "f1": f1_of(p, r),
                                    "recall_new_only": ratio(tally.detected_new, tally.gold)}
    for name, (hit, total) in sorted(tally.by_category.items()):
        out[f"recall_{name}"] = ratio(hit, total)
    for role, (hit, total) in tally.roles.items():
        out[f"{role}_match"] = ratio(hit, total)
    for role, (hit, total) in tally.names.items():
        out[f"{role}_name_match"] = ratio(hit, total)
    return out


def score(path: Path, extractor: EventExtractor, limit: int | None = None) -> SetScore:
    docs = list(take(read_dir(path), limit))
    tally, misses = Tally(), list[dict[str, Any]]()
    for doc in docs:
        events = extract_all(extractor, doc.text, origin=f"{path.name}#{doc.id}")
        tally_doc(doc, events, tally, misses)
    counts = {"gold_events": tally.gold, "detected": tally.detected,
              "predicted_events": tally.predicted, "predicted_correct": tally.tp_events}
    counts.update({f"role_{k}": v[1] for k, v in tally.roles.items()})
    return SetScore(name="wikievents", path=str(path), documents=len(docs),
                    metrics=metrics_of(tally), counts=counts, details={"missed": misses[:15]})


__all__ = ["GoldEvent", "Tally", "WikiDoc", "covers", "layout", "metrics_of", "parse_doc",
           "read_dir", "score", "tally_doc"]
