"""`flashpoint eval events`: score the extractor against event-coding gold sets.

Each gold set has its own scorer module (case2021, muc4, indiapolice, wikievents); this
module recognises a path by name, dispatches, and holds what the scorers share: the
`SetScore`/`EventsReport` records, running the extractor on one text, P/R/F1 and the
loose string match used for actors and places.

Recognised paths (other splits in the same formats score the same way):
- a `case2021-task2*.tsv` file;
- a `muc4*` directory, or any directory holding `key-*` files (MUC-3/4 keys + messages);
- an `indiapoliceevents*.jsonl` file;
- a `wikievents*` directory (`*.jsonl` documents beside `*_info.jsonl`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from ..errors import EvalDataError, IngestError
from ..records import Article, Event


class EventExtractor(Protocol):
    """What the scorers need from `flashpoint.api.Extractor`."""

    def extract_article(self, article: Article) -> list[Event]: ...


@dataclass(frozen=True)
class SetScore:
    """Scores for one gold set: ordered metrics, counts behind them, and error details."""

    name: str
    path: str
    documents: int
    metrics: dict[str, float | None]
    counts: dict[str, int] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "documents": self.documents,
                "metrics": dict(self.metrics), "counts": dict(self.counts),
                "details": self.details, "seconds": round(self.seconds, 2)}


@dataclass(frozen=True)
class EventsReport:
    """One `SetScore` per gold set, in the order the paths were given."""

    sets: tuple[SetScore, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"sets": [s.to_dict() for s in self.sets]}


# --- shared helpers ---------------------------------------------------------------------


def extract_new(extractor: EventExtractor, text: str, *, published: date | None = None,
                title: str | None = None, origin: str = "<gold>") -> list[Event]:
    """The extractor's events of kind "new" for one text; a rejected text has none."""
    return [e for e in extract_all(extractor, text, published=published, title=title,
                                   origin=origin) if e.kind == "new"]


def extract_all(extractor: EventExtractor, text: str, *, published: date | None = None,
                title: str | None = None, origin: str = "<gold>") -> list[Event]:
    """Every event (new and past_reference) for one text; [] when ingest rejects it."""
    from ..ingest import article_from_text

    try:
        article = article_from_text(text, published=published, title=title, origin=origin)
    except IngestError:
        return []
    return list(extractor.extract_article(article))


def ratio(num: int, den: int) -> float | None:
    """num/den rounded to 4 places, None when there is nothing to divide by."""
    return round(num / den, 4) if den else None


def f1_of(p: float | None, r: float | None) -> float | None:
    """Harmonic mean of precision and recall (None where either is undefined)."""
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 (None where undefined)."""
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return p, r, f1_of(p, r)


def loose_match(predicted: str | None, gold: Iterable[str]) -> bool:
    """Case-insensitive substring match either way against any gold string."""
    if not predicted:
        return False
    ours = " ".join(predicted.lower().split())
    for g in gold:
        theirs = " ".join(g.lower().split())
        if theirs and (theirs in ours or ours in theirs):
            return True
    return False


ROLE_SPAN_WORDS = 6  # a longer actor span is a clause, not the words naming the actor


def role_words(event: Event, role: str) -> list[str]:
    """The article's words we took actor1/actor2 from: evidence items whose "field" is
    `role`, spans of at most `ROLE_SPAN_WORDS` words only."""
    return [str(e.get("text", "")) for e in event.evidence if e.get("field") == role
            and 0 < len(str(e.get("text", "")).split()) <= ROLE_SPAN_WORDS]


def role_match(event: Event, role: str, gold: Sequence[str]) -> bool:
    """Role scoring: the gold filler loosely matches our actor's name or the words of the
    article we took that actor from (the same `loose_match` rule for both)."""
    name = event.actor1 if role == "actor1" else event.actor2
    return loose_match(name, gold) or any(loose_match(w, gold) for w in role_words(event, role))


def take(items: Sequence[Any], limit: int | None) -> Sequence[Any]:
    return items if limit is None else items[: max(limit, 0)]


# --- dispatch ---------------------------------------------------------------------------

Scorer = Callable[[Path, EventExtractor, "int | None"], SetScore]


def gold_set_kind(path: Path) -> str:
    """"case2021" | "muc4" | "indiapolice" | "wikievents" for a path, by its name."""
    name = path.name.lower()
    if path.is_file() and name.startswith("case2021-task2") and name.endswith(".tsv"):
        return "case2021"
    if path.is_file() and name.startswith("indiapoliceevents") and name.endswith(".jsonl"):
        return "indiapolice"
    if path.is_dir() and name.startswith("wikievents"):
        return "wikievents"
    if path.is_dir() and (name.startswith("muc4") or any(path.rglob("key-*"))):
        return "muc4"
    raise EvalDataError(
        f"{path}: not a known event gold set; give a case2021-task2*.tsv or "
        "indiapoliceevents*.jsonl file, or a muc4 or wikievents directory")


def _scorer(kind: str) -> Scorer:
    from . import case2021, indiapolice, muc4, wikievents

    scorers: dict[str, Scorer] = {"case2021": case2021.score, "muc4": muc4.score,
                                  "indiapolice": indiapolice.score,
                                  "wikievents": wikievents.score}
    return scorers[kind]


def evaluate_events(paths: Iterable[str | Path], extractor: EventExtractor,
                    limit: int | None = None) -> EventsReport:
    """Score `extractor` on each gold set in `paths`; `limit` caps documents per set.

    Every path is checked and recognised before any scoring starts.
    """
    kinds = []
    for path in (Path(p) for p in paths):
        if not path.exists():
            raise EvalDataError(f"{path}: no such file or directory; give the path of a "
                                "gold set (see `flashpoint eval events --help`)")
        kinds.append((path, gold_set_kind(path)))
    scores = []
    for path, kind in kinds:
        started = time.perf_counter()
        result = _scorer(kind)(path, extractor, limit)
        scores.append(replace(result, seconds=time.perf_counter() - started))
    return EventsReport(tuple(scores))


# --- table ------------------------------------------------------------------------------


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(report: EventsReport) -> str:
    """A plain-text table: one block per gold set, one metric per line."""
    lines: list[str] = []
    for s in report.sets:
        lines.append(f"{s.name}  ({s.documents} documents, {s.seconds:.0f}s)  {s.path}")
        width = max((len(k) for k in s.metrics), default=0)
        for key, value in s.metrics.items():
            lines.append(f"  {key.ljust(width)}  {_cell(value)}")
        if s.counts:
            lines.append("  counts: " + ", ".join(f"{k}={v}" for k, v in s.counts.items()))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["EvalDataError", "EventExtractor", "EventsReport", "SetScore", "evaluate_events",
           "extract_all", "extract_new", "f1_of", "format_table", "gold_set_kind", "loose_match",
           "prf", "ratio", "role_match", "role_words"]
