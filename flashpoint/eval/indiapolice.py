"""IndiaPoliceEvents: detection recall on raw Times of India articles.

Format: JSON lines with `doc_id`, `doc_text`, `doc_labels` (KILL, ARREST, FORCE, FAIL,
ANY_ACTION; empty when the article reports no police action). Articles open with
"This story is from <Month D, YYYY>", used as the publication date when present.

Metrics: recall of articles labelled KILL, ARREST or FORCE (any new event counts), recall
per label where a new event has one of the label's matching sub-event types
(`LABEL_TYPES`; KILL also accepts any event with fatalities), and the false-event rate:
the share of articles with no labels that still get a new event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..coding import taxonomy as tx
from ..records import Event
from .events import EvalDataError, EventExtractor, SetScore, extract_new, ratio, take

TARGET_LABELS: tuple[str, ...] = ("KILL", "ARREST", "FORCE")
LABEL_TYPES: dict[str, frozenset[str]] = {
    "KILL": frozenset({tx.ARMED_CLASH, tx.ATTACK, tx.EXCESSIVE_FORCE}),
    "ARREST": frozenset({tx.ARRESTS}),
    "FORCE": frozenset({tx.EXCESSIVE_FORCE, tx.PROTEST_INTERVENTION, tx.VIOLENT_DEMO,
                        tx.ATTACK, tx.ARMED_CLASH}),
}
STORY_DATE = re.compile(r"^\s*This story is from ([A-Z][a-z]+ \d{1,2}, \d{4})")


@dataclass(frozen=True, slots=True)
class PoliceDoc:
    id: str
    text: str
    labels: frozenset[str]

    @property
    def published(self) -> date | None:
        found = STORY_DATE.match(self.text)
        if not found:
            return None
        try:
            return datetime.strptime(found.group(1), "%B %d, %Y").date()
        except ValueError:
            return None


def read_docs(path: Path) -> list[PoliceDoc]:
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                docs.append(PoliceDoc(str(row["doc_id"]), str(row["doc_text"]),
                                      frozenset(row["doc_labels"])))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvalDataError(f"{path}:{number}: expected JSON with doc_id, doc_text, "
                                    f"doc_labels ({exc})") from exc
    return docs


def label_hit(label: str, events: Sequence[Event]) -> bool:
    """Whether some event has a sub-event type matching the police-action label."""
    for event in events:
        if event.sub_event_type in LABEL_TYPES[label]:
            return True
        if label == "KILL" and (event.fatalities or 0) > 0:
            return True
    return False


def metrics(docs: Sequence[PoliceDoc],
            predicted: Sequence[Sequence[Event]]) -> dict[str, float | None]:
    pairs = list(zip(docs, predicted))
    target = [bool(ev) for d, ev in pairs if d.labels & set(TARGET_LABELS)]
    unlabelled = [bool(ev) for d, ev in pairs if not d.labels]
    out: dict[str, float | None] = {
        "recall_kill_arrest_force": ratio(sum(target), len(target)),
    }
    for label in TARGET_LABELS:
        hits = [label_hit(label, ev) for d, ev in pairs if label in d.labels]
        out[f"recall_{label.lower()}_typed"] = ratio(sum(hits), len(hits))
    out["false_event_rate_unlabelled"] = ratio(sum(unlabelled), len(unlabelled))
    return out


def score(path: Path, extractor: EventExtractor, limit: int | None = None) -> SetScore:
    docs = list(take(read_docs(path), limit))
    predicted = [extract_new(extractor, d.text, published=d.published,
                             origin=f"{path.name}#{d.id}") for d in docs]
    counts = {"documents": len(docs), "unlabelled": sum(not d.labels for d in docs)}
    for label in TARGET_LABELS:
        counts[label.lower()] = sum(label in d.labels for d in docs)
    missed = [{"id": d.id, "labels": sorted(d.labels), "text": d.text[:160]}
              for d, ev in zip(docs, predicted) if d.labels & set(TARGET_LABELS) and not ev]
    false = [{"id": d.id, "predicted": [e.sub_event_type for e in ev][:3],
              "text": d.text[:160]} for d, ev in zip(docs, predicted) if not d.labels and ev]
    return SetScore(name="indiapoliceevents", path=str(path), documents=len(docs),
                    metrics=metrics(docs, predicted), counts=counts,
                    details={"missed": missed[:10], "false_events": false[:10]})
