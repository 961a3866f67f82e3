"""Typed records passed between pipeline stages.

Every stage takes and returns these; nothing travels between stages as a bare dict.
`Event` is the public contract: its field names follow ACLED's (see DESIGN.md) and are
what JSONL/CSV exports and the store use. Bump SCHEMA_VERSION when a public field changes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, Literal

SCHEMA_VERSION = 1

EventKind = Literal["new", "past_reference"]
Certainty = Literal["reported", "claimed", "confirmed", "alleged", "denied"]
CERTAINTIES: tuple[str, ...] = ("reported", "claimed", "confirmed", "alleged", "denied")


def content_hash(*parts: object, length: int = 16) -> str:
    """Stable hex id over the given parts (None and str/int/float all allowed)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(b"\x1f")
        h.update(("" if part is None else str(part)).encode("utf-8"))
    return h.hexdigest()[:length]


def normalise_text_for_id(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()).lower()


@dataclass(frozen=True, slots=True)
class Article:
    """One news report. `id` is a content hash of the canonical URL, else of the text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    # how `published` was obtained: metadata | argument | ingest_date
    published_basis: str = "metadata"
    source_name: str | None = None
    language: str = "en"
    origin: str | None = None  # file path or other locator, for error messages

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        if url:
            return content_hash("url", url.strip().rstrip("/").lower())
        return content_hash("text", normalise_text_for_id(text))


EVIDENCE_FIELDS: tuple[str, ...] = (
    "event", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "fatalities",
    "injuries", "event_date", "source")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span of an article that supports an extracted value.

    `field` names the value a field-level span supports (one of `EVIDENCE_FIELDS`: "event"
    is the trigger word(s), "source" the attribution's words); None for a whole sentence of
    the event. In an `Event`'s `evidence` dicts the sentence items carry no "field" key, so
    records written before field-level evidence read the same (docs/CONTRACTS.md).
    Offsets are into `Article.text` and `text == article.text[start:end]`.
    """

    article_id: str
    start: int
    end: int
    text: str
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The public form: {article_id, start, end, text} plus "field" when set."""
        out: dict[str, Any] = {"article_id": self.article_id, "start": self.start,
                               "end": self.end, "text": self.text}
        if self.field is not None:
            out["field"] = self.field
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. feature: city | admin1 | admin2 | country | region | water |
    landform | spot (a site: airport, dam, landmark)."""

    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    feature: str = "city"
    population: int = 0
    iso3: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text, with the place it resolved to (None when unresolved).

    `qualifier` records wording that lowers precision: "near", "outskirts", "region",
    "province", "district", "area" ... (empty when the text names the place itself).
    """

    start: int
    end: int
    text: str
    place: Place | None
    score: float = 0.0
    qualifier: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text, normalised through the actor dictionary.

    inter: ACLED inter code (1 state forces ... 8 external/other forces); for state forces
    the coder turns 1 into 8 when they act outside their own country.
    """

    start: int
    end: int
    text: str
    name: str
    inter: int
    country_code: str | None = None
    known: bool = True  # False: a named group not in the dictionary, typed by context


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date.

    precision: 1 = day, 2 = week or a few days, 3 = month (or coarser).
    """

    start: int
    end: int
    text: str
    value: date
    precision: int
    past: bool = False  # clearly before the reporting period ("back in 2020", "last year")


@dataclass(frozen=True, slots=True)
class Toll:
    """A count of people affected, as low/best/high. kind: killed | injured | arrested |
    displaced | kidnapped. `side` is "perpetrator" for "three gunmen were killed"."""

    start: int
    end: int
    text: str
    kind: str
    low: int
    best: int
    high: int
    side: str = "victim"
    cumulative: bool = False  # "the war has killed 500,000 since 2011"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is attributed to, and how certain the wording is."""

    start: int
    end: int
    text: str
    source: str | None
    certainty: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as reported in one article, every field backed by a span of the text.

    `evidence` holds the sentences that told the event (field None); `field_evidence` the
    exact spans of each filled field (`Evidence.field` set), in `EVIDENCE_FIELDS` order.
    """

    article_id: str
    kind: str
    event_type: str
    sub_event_type: str
    trigger: Evidence
    evidence: tuple[Evidence, ...]
    event_date: date
    time_precision: int
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: tuple[ActorMention, ...] = ()
    assoc_actor_2: tuple[ActorMention, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    place: PlaceMention | None = None
    geo_precision: int | None = None
    fatalities: Toll | None = None
    injuries: Toll | None = None
    attribution: Attribution | None = None
    certainty: str = "reported"
    confidence: float = 0.5
    plover: dict[str, str] | None = None
    notes: str = ""
    field_evidence: tuple[Evidence, ...] = ()
    part: int = 0  # which town of a listed set this copy codes (`coding.split`); 0 alone


@dataclass(frozen=True, slots=True)
class Event:
    """The public event record (DESIGN.md). Field names are the export contract.

    `evidence`: the event's sentences ({article_id, start, end, text}), then one item per
    filled field with a "field" key as well (`Evidence.to_dict`, `EVIDENCE_FIELDS`).
    """

    event_id: str
    kind: str
    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    inter1: int | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    inter2: int | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    injuries_low: int | None = None
    injuries_high: int | None = None
    source: str | None = None
    sources: list[str] = field(default_factory=list)
    certainty: str = "reported"
    notes: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)
    plover: dict[str, str] | None = None
    confidence: float = 0.5
    article_ids: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = set(cls.field_names())
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True, slots=True)
class Claim:
    """What one source said about one field of an event (filled by the merge stage, later)."""

    event_id: str
    source: str | None
    field: str
    value: Any
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Link:
    """A typed relation between two events (retaliation_for, same_place_history, ...)."""

    src_event_id: str
    dst_event_id: str
    kind: str
    score: float = 1.0
