"""The Python API: `extract` text into events, `ingest` files into a store.

Everything the CLI does goes through here. Stages are imported lazily inside functions,
so `import flashpoint` stays cheap; models and the gazetteer load when an `Extractor`
is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import IngestError
from .records import Article, Event, EventMention

if TYPE_CHECKING:
    from .pipeline import Pipeline, Stage
    from .store import Store

ToEvent = Callable[[EventMention, Article], Event]


def default_stages(settings: Settings) -> list[Stage]:
    """The standard pipeline, in the order docs/CONTRACTS.md gives."""
    from .coding.actors import ActorStage
    from .coding.attribution import AttributionStage
    from .coding.coder import EventCoder
    from .coding.dates import DateStage
    from .coding.learned import ModelPolicy
    from .coding.tolls import TollStage
    from .geo import GeoStage
    from .geo.gazetteer import open_gazetteer
    from .nlp import NLPStage

    return [
        NLPStage(settings.nlp_model),
        GeoStage(open_gazetteer(settings.gazetteer_file())),
        ActorStage(),
        DateStage(),
        TollStage(),
        AttributionStage(),
        EventCoder(settings.past_days, ModelPolicy.from_settings(settings), settings.role_model),
    ]


def _default_to_event(mention: EventMention, article: Article) -> Event:
    from .coding.events import mention_to_event

    return mention_to_event(mention, article)


class Extractor:
    """Builds the pipeline once; turns articles or texts into `Event`s.

    `stages` and `to_event` replace the standard pipeline and mention->event step
    (tests inject fakes this way).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        stages: Sequence[Stage] | None = None,
        to_event: ToEvent | None = None,
    ):
        from .pipeline import Pipeline

        self.settings = settings or Settings()
        chosen = list(stages) if stages is not None else default_stages(self.settings)
        self.pipeline: Pipeline = Pipeline(chosen)
        self.to_event: ToEvent = to_event or _default_to_event

    def extract_article(self, article: Article) -> list[Event]:
        analysis = self.pipeline.analyse(article)
        return [self.to_event(mention, article) for mention in analysis.mentions]

    def extract_text(
        self,
        text: str,
        published: date | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> list[Event]:
        """Events in one text; without `published`, today's date is used (and said)."""
        from .ingest import article_from_text

        article = article_from_text(
            text, published=published, title=title, url=url, source=source,
            settings=self.settings,
        )
        return self.extract_article(article)


_DEFAULT: dict[Settings, Extractor] = {}


def default_extractor(settings: Settings | None = None) -> Extractor:
    """One cached Extractor per settings value."""
    key = settings or Settings()
    if key not in _DEFAULT:
        _DEFAULT[key] = Extractor(key)
    return _DEFAULT[key]


def as_date(value: date | str | None) -> date | None:
    """A publication date given as a `date` or an ISO string ("2024-02-03"); `IngestError` else."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        raise IngestError("published", f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def extract(text: str, published: date | str | None = None, **kw: Any) -> list[Event]:
    """Events in `text` (keywords: title, url, source, settings), with the default pipeline.

    `published` is a `date` or an ISO string; relative dates in the text resolve against it.
    """
    settings = kw.pop("settings", None)
    return default_extractor(settings).extract_text(text, published=as_date(published), **kw)


@dataclass
class IngestReport:
    """What one `ingest` call did."""

    added: int = 0  # articles newly stored
    skipped: int = 0  # articles already in the store
    rejected: list[IngestError] = field(default_factory=list)
    events_added: int = 0
    events_seen: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return (
            f"{self.added} article{'s' if self.added != 1 else ''} added, {self.skipped} already "
            f"present, {len(self.rejected)} rejected; {self.events_added} new event"
            f"{'s' if self.events_added != 1 else ''} ({self.events_seen} coded)"
        )


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    published: date | None = None,
    extractor: Extractor | None = None,
    settings: Settings | None = None,
) -> IngestReport:
    """Read, code and store every document under `paths`; bad documents are reported, not fatal.

    An article already in the store is skipped (not coded again), so re-ingesting is a no-op.
    """
    from .ingest import iter_sources

    settings = settings or (extractor.settings if extractor else Settings())
    report = IngestReport()
    for item in iter_sources(paths, published=published, settings=settings):
        if isinstance(item, IngestError):
            report.rejected.append(item)
        elif store.has_article(item.id):
            report.skipped += 1
        else:
            extractor = extractor or default_extractor(settings)
            _ingest_article(item, store, extractor, report)
    return report


def _ingest_article(article: Article, store: Store, extractor: Extractor,
                    report: IngestReport) -> None:
    events = extractor.extract_article(article)
    report.events_seen += len(events)
    report.events_added += store.upsert_events(events)
    store.add_article(article)
    report.added += 1


__all__ = ["Extractor", "IngestReport", "default_extractor", "default_stages", "extract",
           "ingest"]
