"""Ordered pipeline stages over one article at a time.

A stage declares which `Analysis` attributes it needs (`requires`) and which it fills
(`assigns`); `Pipeline` checks the order when it is built, not halfway through a batch.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from .errors import PipelineOrderError
from .records import (
    ActorMention,
    Article,
    Attribution,
    DateMention,
    EventMention,
    PlaceMention,
    Toll,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Analysis:
    """The working state of one article as it moves through the stages.

    Not a public record: stages fill its lists; the event coder turns them into
    `EventMention`s. `doc` is the single spaCy parse every stage reuses.
    """

    article: Article
    doc: Doc | None = None
    places: list[PlaceMention] = field(default_factory=list)
    country_focus: list[str] = field(default_factory=list)  # ISO2 codes, most central first
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    tolls: list[Toll] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    filled: set[str] = field(default_factory=lambda: {"article"})


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, analysis: Analysis) -> None: ...


class Pipeline:
    """Runs stages in order; `run` yields one `Analysis` per article."""

    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)
        self._check_order()
        # seconds spent in each stage since construction (or the last reset_timings)
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}

    def reset_timings(self) -> None:
        self.timings = {s.name: 0.0 for s in self.stages}

    def _check_order(self) -> None:
        available = {"article"}
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineOrderError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage "
                    f"assigns; order the stages so that one that assigns it comes first"
                )
            available.update(stage.assigns)

    def analyse(self, article: Article) -> Analysis:
        analysis = Analysis(article=article)
        for stage in self.stages:
            started = time.perf_counter()
            stage(analysis)
            self.timings[stage.name] = (
                self.timings.get(stage.name, 0.0) + time.perf_counter() - started
            )
            analysis.filled.update(stage.assigns)
        return analysis

    def run(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyse(article)

    def describe(self) -> list[dict[str, Any]]:
        return [
            {"name": s.name, "requires": list(s.requires), "assigns": list(s.assigns)}
            for s in self.stages
        ]
