"""IndiaPoliceEvents: detection recall on raw Times of India articles.

Format: JSON lines with `doc_id`, `doc_text`, `doc_labels` (KILL, ARREST, FORCE, FAIL,
ANY_ACTION; empty when the article reports no police action). Articles open with
"This story is from <Month D, YYYY>", used as the publication date when present.

What the set labels, and the mapping we apply: its labels are police actions only (police
killed, arrested, used force, failed to act, took any action). ACLED codes more, and some
of its sub-event types by definition hold no police action: a Peaceful protest is one
"without intervention", and an Agreement, a Change to group/activity, a Headquarters or
base established or a Non-violent transfer of territory involve no detention and no force
(`NO_POLICE_ACTION`). The set can neither confirm nor contradict such an event, so the
scorer sets it aside on both sides: it is no false event in an unlabelled article and no
hit in a labelled one. Every other type (violence, riots, arrests, protests met with
force, disrupted weapons use, Other) could be a police action and counts. The coder is
not bent to the set's notion: this rule lives only here, like the MUC-4 mapping.

Metrics: recall of articles labelled KILL, ARREST or FORCE (any counted new event),
recall per label where a new event has one of the label's matching sub-event types
(`LABEL_TYPES`; KILL also accepts any event with fatalities), the false-event rate: the
share of articles with no labels that still get a counted new event, and, as a
diagnostic, `false_police_event_rate_unlabelled`: the share of unlabelled articles where
we code a police action (an Arrests, Protest with intervention or Excessive force event,
or a counted event with a state force, inter 1, as actor1). `recall_any_event` and
`false_event_rate_any_type` give the figures without the mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Protocol
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
NO_POLICE_ACTION: frozenset[str] = frozenset({
    tx.PEACEFUL_PROTEST, tx.AGREEMENT, tx.CHANGE_GROUP, tx.HQ_ESTABLISHED,
    tx.TERRITORY_TRANSFER})
POLICE_ACTION_TYPES: frozenset[str] = frozenset({
    tx.ARRESTS, tx.PROTEST_INTERVENTION, tx.EXCESSIVE_FORCE})
STORY_DATE = re.compile(r"^\s*This story is from ([A-Z][a-z]+ \d{1,2}, \d{4})")


class Coded(Protocol):
    """What the scorer reads of an event (an `Event` has both)."""

    @property
    def sub_event_type(self) -> str: ...

    @property
    def fatalities(self) -> int | None: ...


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


def counted(events: Sequence[Coded]) -> list[Coded]:
    """The events the set could label: those whose type may hold a police action."""
    return [e for e in events if e.sub_event_type not in NO_POLICE_ACTION]


def label_hit(label: str, events: Sequence[Coded]) -> bool:
    """Whether some event has a sub-event type matching the police-action label."""
    for event in events:
        if event.sub_event_type in LABEL_TYPES[label]:
            return True
        if label == "KILL" and (event.fatalities or 0) > 0:
            return True
    return False


def police_action(events: Sequence[Coded]) -> bool:
    """Whether we code a police action: its type implies one, or a state force acts."""
    for event in counted(events):
        if event.sub_event_type in POLICE_ACTION_TYPES or getattr(event, "inter1", None) == 1:
            return True
    return False


def metrics(docs: Sequence[PoliceDoc],
            predicted: Sequence[Sequence[Coded]]) -> dict[str, float | None]:
    pairs = list(zip(docs, predicted))
    target = [ev for d, ev in pairs if d.labels & set(TARGET_LABELS)]
    unlabelled = [ev for d, ev in pairs if not d.labels]
    out: dict[str, float | None] = {
        "recall_kill_arrest_force": ratio(sum(bool(counted(ev)) for ev in target),
                                          len(target)),
    }
    for label in TARGET_LABELS:
        hits = [label_hit(label, ev) for d, ev in pairs if label in d.labels]
        out[f"recall_{label.lower()}_typed"] = ratio(sum(hits), len(hits))
    out["false_event_rate_unlabelled"] = ratio(sum(bool(counted(ev)) for ev in unlabelled),
                                               len(unlabelled))
    out["false_police_event_rate_unlabelled"] = ratio(
        sum(police_action(ev) for ev in unlabelled), len(unlabelled))
    out["recall_any_event"] = ratio(sum(bool(ev) for ev in target), len(target))
    out["false_event_rate_any_type"] = ratio(sum(bool(ev) for ev in unlabelled),
                                             len(unlabelled))
    return out


def score(path: Path, extractor: EventExtractor, limit: int | None = None) -> SetScore:
    docs = list(take(read_docs(path), limit))
    predicted = [extract_new(extractor, d.text, published=d.published,
                             origin=f"{path.name}#{d.id}") for d in docs]
    counts = {"documents": len(docs), "unlabelled": sum(not d.labels for d in docs)}
    for label in TARGET_LABELS:
        counts[label.lower()] = sum(label in d.labels for d in docs)
    missed = [{"id": d.id, "labels": sorted(d.labels), "text": d.text[:160]}
              for d, ev in zip(docs, predicted)
              if d.labels & set(TARGET_LABELS) and not counted(ev)]
    false = [{"id": d.id, "predicted": [e.sub_event_type for e in ev][:3],
              "text": d.text[:160]} for d, ev in zip(docs, predicted)
             if not d.labels and counted(ev)]
    return SetScore(name="indiapoliceevents", path=str(path), documents=len(docs),
                    metrics=metrics(docs, predicted), counts=counts,
                    details={"missed": missed[:10], "false_events": false[:10]})
