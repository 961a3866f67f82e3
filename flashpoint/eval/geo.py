"""Score toponym recognition and resolution against gold geoparsing corpora.

Gold format (one JSON document per line): {"corpus", "doc_id", "text", "meta", "toponyms":
[{"start", "end", "surface", "lat", "lon", "geonameid", "type", "non_locational", ...}]},
offsets 0-based and end-exclusive.

Conventions:
- Recognition counts every gold toponym except uses that are not place names: GeoWebNews
  `non_locational` spans and its types listed in NON_TOPONYM_TYPES (common-noun expressions
  such as "the area", demonyms such as "Canadians", languages, homonyms, organisation names).
  Such spans are ignored: a predicted span on one is neither right nor wrong.
- A gold toponym whose offsets do not point at its surface is skipped (logged, and counted
  in `skipped`); the published GeoWebNews data has three such spans, all non-toponyms.
- Resolution scores gold toponyms with coordinates. A predicted place with the gold GeoNames
  id is exact (0 km); otherwise the error is the great-circle distance; no place at all counts
  as MAX_ERROR_KM (half the Earth's circumference), as in the geoparsing literature.
- Acc@161 is the share of errors <= 161 km; AUC is the area under the sorted curve of
  log(1 + error km), normalised by log(MAX_ERROR_KM): 0 is perfect, lower is better.
- Acc@161 (with id) counts only gold toponyms that carry a GeoNames id, the convention of
  evaluations that score a pick of GeoNames entries (Mordecai 3's held-out sets are such
  examples): streets and buildings a corpus pins to coordinates without an id are left out.
  The plain Acc@161 counts every toponym with coordinates.
- Recognition is reported in two conventions: the pipeline's literal toponyms
  (`find_toponyms(doc, gazetteer)`, the spans an event can be located at) and the corpora's
  own (`embedded=True`: also place names inside organisation names, metonyms and country
  demonyms used as modifiers, which the gold files mark). Both are scored against the same
  gold spans; the corpus convention is the comparable figure for the field's tables.
- End to end: the resolved place of a predicted span with exactly the gold offsets, over all
  gold toponyms with coordinates (a gold toponym not recognised is a miss).
- Ceiling: the share of gold toponyms with any gazetteer candidate within 161 km (or with the
  gold id); population baseline: the most populous candidate.
"""

from __future__ import annotations

import json
import logging
import math
import statistics
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvalDataError
from ..geo.gazetteer import Gazetteer
from ..geo.resolve import lookup_span, resolve_toponyms
from ..geo.toponyms import find_toponyms
from ..records import Place

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EARTH_RADIUS_KM = 6371.0
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0
NON_TOPONYM_TYPES: frozenset[str] = frozenset(
    {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Demonym", "Language",
     "Homonym"}
)
BENCH_HINT = "the gold corpora live in ../shared/bench/geo (see its README for the format)"

Span = tuple[int, int]
log = logging.getLogger(__name__)


# --- gold data ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    surface: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    counted: bool = True  # a place name that recognition should find

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    @property
    def resolvable(self) -> bool:
        return self.counted and self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    skipped: int = 0  # gold toponyms left out because their offsets were wrong

    @property
    def counted(self) -> list[GoldToponym]:
        return [t for t in self.toponyms if t.counted]


def _int_or_none(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _toponym(raw: dict[str, Any], text: str, where: str) -> GoldToponym | None:
    """One gold toponym; None when its offsets do not point at it in the text."""
    try:
        start, end = int(raw["start"]), int(raw["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalDataError(f"{where}: a toponym needs integer start and end") from exc
    surface = raw.get("surface")
    if not 0 <= start < end <= len(text) or (surface and text[start:end] != surface):
        log.warning("%s: skipped toponym %r at %d..%d (offsets off the text)", where, surface,
                    start, end)
        return None
    lat, lon = raw.get("lat"), raw.get("lon")
    counted = not raw.get("non_locational") and raw.get("type") not in NON_TOPONYM_TYPES
    return GoldToponym(
        start, end, text[start:end],
        float(lat) if lat is not None else None, float(lon) if lon is not None else None,
        _int_or_none(raw.get("geonameid")), counted,
    )


def _gold_doc(line: str, where: str) -> GoldDoc:
    try:
        raw = json.loads(line)
        text = raw["text"]
        toponyms = raw.get("toponyms") or []
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise EvalDataError(f"{where}: not a gold document ({exc}); {BENCH_HINT}") from exc
    read = [_toponym(t, text, where) for t in toponyms]
    tops = tuple(t for t in read if t is not None)
    return GoldDoc(str(raw.get("doc_id", where)), text, tops, len(read) - len(tops))


def read_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """The documents of one gold JSONL file (the first `limit` when given)."""
    if not path.is_file():
        raise EvalDataError(f"{path} not found; {BENCH_HINT}")
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(_gold_doc(line, f"{path}:{number}"))
    return docs


# --- measures ----------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def error_km(gold: GoldToponym, place: Place | None) -> float:
    """Resolution error: 0 for the gold id, MAX_ERROR_KM for no place, else the distance."""
    if place is None or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    if gold.geonameid is not None and place.geonameid == gold.geonameid:
        return 0.0
    return haversine_km(gold.lat, gold.lon, place.latitude, place.longitude)


def auc(errors: Sequence[float]) -> float | None:
    """Area under the sorted log(1 + km) error curve, normalised to 0..1 (lower is better)."""
    if not errors:
        return None
    logs = [math.log1p(min(e, MAX_ERROR_KM)) for e in sorted(errors)]
    if len(logs) == 1:
        return logs[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))


def acc_at(errors: Sequence[float], km: float = ACC_KM) -> float | None:
    return sum(e <= km for e in errors) / len(errors) if errors else None


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Recognition counts: predicted spans that match gold, and gold spans that are matched."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(self.matched_pred + other.matched_pred, self.pred + other.pred,
                          self.matched_gold + other.matched_gold, self.gold + other.gold)

    @property
    def precision(self) -> float | None:
        return self.matched_pred / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def match_spans(pred: Iterable[Span], gold: Iterable[Span], ignored: Iterable[Span] = (),
                overlap: bool = False) -> SpanCounts:
    """Exact (or, with overlap=True, any-overlap) span matching. A predicted span that matches
    no gold span but touches an ignored one is left out of precision."""
    gold_set, ignored_list = set(gold), list(ignored)

    def hit(a: Span, b: Span) -> bool:
        return _overlaps(a, b) if overlap else a == b

    kept = [p for p in set(pred) if any(hit(p, g) for g in gold_set)
            or not any(_overlaps(p, i) for i in ignored_list)]
    matched_pred = sum(any(hit(p, g) for g in gold_set) for p in kept)
    matched_gold = sum(any(hit(p, g) for p in kept) for g in gold_set)
    return SpanCounts(matched_pred, len(kept), matched_gold, len(gold_set))


# --- per document ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolved:
    """One gold toponym with coordinates and the place chosen for it."""

    gold: GoldToponym
    place: Place | None
    km: float


def resolve_gold(doc: GoldDoc, gazetteer: Gazetteer) -> list[Resolved]:
    """Resolve the gold spans of a document together (as a geoparser would see them)."""
    spans = sorted({(t.start, t.end, doc.text[t.start:t.end]) for t in doc.counted})
    mentions, _focus = resolve_toponyms(spans, doc.text, gazetteer)
    chosen = {(m.start, m.end): m.place for m in mentions}
    return [Resolved(t, chosen.get(t.span), error_km(t, chosen.get(t.span)))
            for t in doc.toponyms if t.resolvable]


def _within(gold: GoldToponym, places: Iterable[Place]) -> bool:
    return any(error_km(gold, p) <= ACC_KM for p in places)


def _most_populous(places: Sequence[Place]) -> Place | None:
    return max(places, key=lambda p: (p.population, -p.geonameid), default=None)


@dataclass
class _Tally:
    """Running sums for one file (or all of them); turned into GeoScores at the end."""

    docs: int = 0
    toponyms: int = 0
    resolvable: int = 0
    skipped: int = 0
    exact: SpanCounts = field(default_factory=SpanCounts)
    overlap: SpanCounts = field(default_factory=SpanCounts)
    corpus: SpanCounts = field(default_factory=SpanCounts)  # embedded=True convention
    errors: list[float] = field(default_factory=list)
    id_hits: int = 0
    id_total: int = 0
    id_near: int = 0  # toponyms with a gold GeoNames id resolved within ACC_KM
    e2e_hits: int = 0
    ceiling_hits: int = 0
    baseline_hits: int = 0

    def add(self, other: _Tally) -> None:
        for name in ("docs", "toponyms", "resolvable", "skipped", "id_hits", "id_total",
                     "id_near", "e2e_hits", "ceiling_hits", "baseline_hits"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.exact += other.exact
        self.overlap += other.overlap
        self.corpus += other.corpus
        self.errors.extend(other.errors)


def _recognition(tally: _Tally, doc: GoldDoc, predicted: list[Span],
                 corpus: list[Span]) -> None:
    """Count the pipeline's spans (exact and overlap) and the corpus-convention spans."""
    gold = [t.span for t in doc.counted]
    ignored = [t.span for t in doc.toponyms if not t.counted]
    tally.exact += match_spans(predicted, gold, ignored)
    tally.overlap += match_spans(predicted, gold, ignored, overlap=True)
    tally.corpus += match_spans(corpus, gold, ignored)


def _resolution(tally: _Tally, doc: GoldDoc, gazetteer: Gazetteer) -> None:
    for r in resolve_gold(doc, gazetteer):
        tally.errors.append(r.km)
        if r.gold.geonameid is not None:
            tally.id_total += 1
            tally.id_hits += r.place is not None and r.place.geonameid == r.gold.geonameid
            tally.id_near += r.km <= ACC_KM
        places = lookup_span(gazetteer, r.gold.surface)
        tally.ceiling_hits += _within(r.gold, places)
        tally.baseline_hits += error_km(r.gold, _most_populous(places)) <= ACC_KM


def _end_to_end(tally: _Tally, doc: GoldDoc, found: list[tuple[int, int, str]],
                gazetteer: Gazetteer) -> None:
    mentions, _focus = resolve_toponyms(found, doc.text, gazetteer)
    chosen = {(m.start, m.end): m.place for m in mentions}
    for t in doc.toponyms:
        if t.resolvable and t.span in chosen:
            tally.e2e_hits += error_km(t, chosen[t.span]) <= ACC_KM


def _score_doc(doc: GoldDoc, parsed: Doc, gazetteer: Gazetteer) -> _Tally:
    """All counts for one document, given its spaCy parse."""
    tally = _Tally(docs=1, toponyms=len(doc.counted), skipped=doc.skipped,
                   resolvable=sum(t.resolvable for t in doc.toponyms))
    found = find_toponyms(parsed, gazetteer)
    corpus = find_toponyms(parsed, gazetteer, embedded=True)
    _recognition(tally, doc, [(s, e) for s, e, _ in found], [(s, e) for s, e, _ in corpus])
    _resolution(tally, doc, gazetteer)
    _end_to_end(tally, doc, found, gazetteer)
    return tally


# --- reports -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GeoScores:
    """Scores of one gold file, or of all files pooled ("overall"). Shares are 0..1; None
    where nothing could be counted."""

    name: str
    docs: int
    toponyms: int
    resolvable: int
    skipped: int
    rec_precision: float | None
    rec_recall: float | None
    rec_f1: float | None
    overlap_f1: float | None
    corpus_precision: float | None  # recognition in the corpora's convention (embedded=True)
    corpus_recall: float | None
    corpus_f1: float | None
    acc161: float | None
    id_acc161: float | None  # Acc@161 over gold toponyms that carry a GeoNames id
    auc: float | None
    median_km: float | None
    id_match: float | None
    e2e_acc161: float | None
    ceiling: float | None
    population_acc161: float | None


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _scores(name: str, t: _Tally) -> GeoScores:
    return GeoScores(
        name=name, docs=t.docs, toponyms=t.toponyms, resolvable=t.resolvable,
        skipped=t.skipped,
        rec_precision=t.exact.precision, rec_recall=t.exact.recall, rec_f1=t.exact.f1,
        overlap_f1=t.overlap.f1, corpus_precision=t.corpus.precision,
        corpus_recall=t.corpus.recall, corpus_f1=t.corpus.f1, acc161=acc_at(t.errors),
        id_acc161=_share(t.id_near, t.id_total),
        auc=auc(t.errors),
        median_km=statistics.median(t.errors) if t.errors else None,
        id_match=_share(t.id_hits, t.id_total), e2e_acc161=_share(t.e2e_hits, t.resolvable),
        ceiling=_share(t.ceiling_hits, t.resolvable),
        population_acc161=_share(t.baseline_hits, t.resolvable),
    )


@dataclass(frozen=True, slots=True)
class GeoReport:
    files: tuple[GeoScores, ...]
    overall: GeoScores
    elapsed_s: float

    def to_dict(self) -> dict[str, Any]:
        return {"files": [asdict(f) for f in self.files], "overall": asdict(self.overall),
                "elapsed_s": round(self.elapsed_s, 2)}


def _parsed(nlp: Language, docs: list[GoldDoc]) -> Iterator[tuple[GoldDoc, Doc]]:
    yield from zip(docs, nlp.pipe((d.text for d in docs), batch_size=16))


def evaluate_geo(paths: list[Path], gazetteer: Gazetteer, nlp: Language,
                 limit: int | None = None) -> GeoReport:
    """Score recognition and resolution on gold files (the first `limit` documents of each).
    Every file is read before any work starts, so a missing one fails fast."""
    began = time.perf_counter()
    corpora = [(Path(p), read_gold(Path(p), limit)) for p in paths]
    total = _Tally()
    files: list[GeoScores] = []
    for path, docs in corpora:
        tally = _Tally()
        for doc, parsed in _parsed(nlp, docs):
            tally.add(_score_doc(doc, parsed, gazetteer))
        files.append(_scores(path.name.removesuffix(".jsonl"), tally))
        total.add(tally)
    return GeoReport(tuple(files), _scores("overall", total), time.perf_counter() - began)


COLUMNS: tuple[tuple[str, str], ...] = (
    ("docs", "docs"), ("toponyms", "toponyms"), ("rec P", "rec_precision"),
    ("rec R", "rec_recall"), ("rec F1", "rec_f1"), ("overlap F1", "overlap_f1"),
    ("corpus P", "corpus_precision"), ("corpus R", "corpus_recall"), ("corpus F1", "corpus_f1"),
    ("Acc@161 (gold spans)", "acc161"), ("Acc@161 (with id)", "id_acc161"), ("AUC", "auc"),
    ("median km", "median_km"), ("id match", "id_match"),
    ("Acc@161 (end to end)", "e2e_acc161"), ("ceiling", "ceiling"),
    ("population baseline", "population_acc161"),
)


def _cell(attr: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    if attr == "median_km":
        return f"{value:.0f}"
    return f"{value:.3f}"


def format_table(report: GeoReport) -> str:
    """A plain-text table: one row per file and one "overall" row. "rec" columns score the
    pipeline's literal toponyms, "corpus" columns the corpora's convention (embedded=True)."""
    rows = [*report.files, report.overall]
    header = ["file", *(title for title, _ in COLUMNS)]
    body = [[r.name, *(_cell(a, getattr(r, a)) for _, a in COLUMNS)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def fmt(line: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(line, widths)))

    lines = [fmt(header), fmt(["-" * w for w in widths]), *(fmt(b) for b in body)]
    return "\n".join(lines) + f"\n({report.elapsed_s:.1f} s)"
