"""`flashpoint eval geo`: measures, span matching, gold reading and a tiny end-to-end run."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.eval.geo import (
    MAX_ERROR_KM,
    EvalDataError,
    GeoReport,
    GoldDoc,
    GoldToponym,
    _recognition,
    _scores,
    _Tally,
    acc_at,
    auc,
    error_km,
    evaluate_geo,
    format_table,
    haversine_km,
    match_spans,
    read_gold,
    resolve_gold,
)
from flashpoint.geo.gazetteer import InMemoryGazetteer, read_tsv_rows
from flashpoint.records import Place

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "eval" / "geo_small.jsonl"
SMALL = FIXTURES / "gazetteer_small.tsv"


@pytest.fixture(scope="module")
def gaz() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_rows(read_tsv_rows(SMALL))


# --- measures ----------------------------------------------------------------------------


def test_haversine_known_distances() -> None:
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    # one degree of latitude is about 111.2 km
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)
    # London -> Paris, about 344 km
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)
    # antipodes: half the circumference, the AUC normaliser (20,039 km at the equator's radius)
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(MAX_ERROR_KM, abs=30.0)
    assert haversine_km(10.0, 20.0, -5.0, 33.0) == haversine_km(-5.0, 33.0, 10.0, 20.0)


def test_error_km_uses_id_then_distance() -> None:
    gold = GoldToponym(0, 5, "Libya", 28.0, 17.0, 2215636)
    same = Place(2215636, "Libya", "LY", 32.88743, 13.18733, "country")
    other = Place(1, "Elsewhere", "LY", 28.0, 18.0)
    assert error_km(gold, same) == 0.0  # the gold entity, whatever point stands for it
    assert error_km(gold, other) == pytest.approx(haversine_km(28.0, 17.0, 28.0, 18.0))
    assert error_km(gold, None) == MAX_ERROR_KM


def test_auc_and_accuracy() -> None:
    assert auc([]) is None and acc_at([]) is None
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 4) == pytest.approx(1.0, abs=1e-4)
    # trapezoid over the sorted log errors: (0 + log 101)/2 + (log 101 + log 1001)/2
    expected = (math.log(101) / 2 + (math.log(101) + math.log(1001)) / 2) / (2 * math.log(
        MAX_ERROR_KM))
    assert auc([1000.0, 0.0, 100.0]) == pytest.approx(expected)
    assert acc_at([0.0, 161.0, 161.5, 5000.0]) == 0.5


def test_auc_orders_systems() -> None:
    better, worse = [1.0, 10.0, 50.0], [1.0, 500.0, 5000.0]
    assert auc(better) < auc(worse)  # type: ignore[operator]


# --- span matching -----------------------------------------------------------------------


def test_exact_matching_counts() -> None:
    counts = match_spans(pred=[(0, 5), (10, 16), (30, 34)], gold=[(0, 5), (10, 15), (40, 44)])
    assert (counts.matched_pred, counts.pred, counts.matched_gold, counts.gold) == (1, 3, 1, 3)
    assert counts.precision == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(1 / 3)


def test_overlap_matching_is_lenient() -> None:
    counts = match_spans([(0, 5), (10, 16), (30, 34)], [(0, 5), (10, 15), (40, 44)], overlap=True)
    assert (counts.matched_pred, counts.pred, counts.matched_gold, counts.gold) == (2, 3, 2, 3)
    # touching is not overlapping (end-exclusive offsets)
    assert match_spans([(5, 9)], [(0, 5)], overlap=True).matched_gold == 0


def test_predictions_on_ignored_spans_are_not_false_positives() -> None:
    counts = match_spans([(0, 5), (20, 27)], gold=[(0, 5)], ignored=[(20, 27)])
    assert (counts.pred, counts.precision) == (1, 1.0)
    assert match_spans([(0, 5), (20, 27)], gold=[(0, 5)]).precision == 0.5


def test_empty_sides() -> None:
    assert match_spans([], []).f1 is None
    assert match_spans([(0, 1)], [(3, 4)]).f1 == 0.0


def test_both_recognition_conventions_are_counted() -> None:
    """The pipeline's spans and the corpus-convention spans are scored on the same gold."""
    doc = GoldDoc("d", "A Lyon court in Lyon.", (GoldToponym(2, 6, "Lyon"),
                                                  GoldToponym(16, 20, "Lyon")))
    tally = _Tally()
    _recognition(tally, doc, predicted=[(16, 20)], corpus=[(2, 6), (16, 20), (8, 13)])
    scores = _scores("d", tally)
    assert (scores.rec_precision, scores.rec_recall) == (1.0, 0.5)
    assert scores.corpus_precision == pytest.approx(2 / 3) and scores.corpus_recall == 1.0
    assert scores.corpus_f1 == pytest.approx(0.8)


# --- gold files --------------------------------------------------------------------------


def test_missing_file_gives_clear_error(tmp_path: Path, gaz: InMemoryGazetteer) -> None:
    missing = tmp_path / "LGL.dev.jsonl"
    with pytest.raises(FlashpointError, match=r"LGL\.dev\.jsonl not found; the gold corpora"):
        evaluate_geo([GOLD, missing], gaz, nlp=None, limit=1)  # type: ignore[arg-type]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOLD.read_text().splitlines()[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"bad\.jsonl:2"):
        read_gold(bad)


def test_read_gold_types_and_skips(tmp_path: Path) -> None:
    text = "Riots in Kharkiv; the area was calm."
    toponyms = [
        {"start": 9, "end": 16, "surface": "Kharkiv", "lat": 50.0, "lon": 36.2,
         "geonameid": "706483"},
        {"start": 22, "end": 26, "surface": "area", "lat": None, "lon": None,
         "type": "Literal_Expression"},
        {"start": -5, "end": -1, "surface": "oops", "lat": None, "lon": None},
    ]
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": text, "toponyms": toponyms}) + "\n")
    (doc,) = read_gold(path)
    assert doc.skipped == 1
    kharkiv, area = doc.toponyms
    assert (kharkiv.geonameid, kharkiv.resolvable, kharkiv.counted) == (706483, True, True)
    assert (area.counted, area.resolvable) == (False, False)
    assert read_gold(GOLD, limit=2)[1].doc_id == "fx-2"


def test_resolve_gold_on_fixture(gaz: InMemoryGazetteer) -> None:
    results = [r for doc in read_gold(GOLD) for r in resolve_gold(doc, gaz)]
    assert len(results) == 11  # "Donbas" has no coordinates, "capital" is an expression
    by_name = {r.gold.surface: r for r in results}
    assert by_name["Paris"].place is not None and by_name["Paris"].place.country_code == "US"
    # the small gazetteer codes Texas at its largest city, ~400 km from the state's centroid
    assert by_name["Texas"].km > 161


# --- whole runs --------------------------------------------------------------------------


@pytest.mark.model
def test_evaluate_geo_on_fixture(gaz: InMemoryGazetteer, nlp: object) -> None:
    report = evaluate_geo([GOLD], gaz, nlp)  # type: ignore[arg-type]
    (file_scores,) = report.files
    overall = report.overall
    assert file_scores.name == "geo_small"
    assert (overall.docs, overall.toponyms, overall.resolvable) == (4, 12, 11)
    # resolution from gold spans: all but Texas; every gold id but Texas's
    assert overall.acc161 == pytest.approx(10 / 11)
    assert overall.id_match == pytest.approx(10 / 11)
    assert overall.id_acc161 == pytest.approx(10 / 11)  # every resolvable one has an id
    assert overall.median_km == 0.0
    expected_auc = math.log1p(texas_km(gaz)) / 2 / (10 * math.log(MAX_ERROR_KM))
    assert overall.auc == pytest.approx(expected_auc)
    # gazetteer: no candidate near Texas; population alone also picks Paris, France
    assert overall.ceiling == pytest.approx(10 / 11)
    assert overall.population_acc161 == pytest.approx(9 / 11)
    for share in (overall.rec_precision, overall.rec_recall, overall.e2e_acc161):
        assert share is not None and 0.0 < share <= 1.0
    assert overall.overlap_f1 >= overall.rec_f1  # type: ignore[operator]
    assert overall.corpus_f1 is not None and 0.0 < overall.corpus_f1 <= 1.0


@pytest.mark.model
def test_acc161_with_id_leaves_out_toponyms_without_geonames_id(
        gaz: InMemoryGazetteer, nlp: object, tmp_path: Path) -> None:
    text = "Fighting reached Tripoli and Harbour Road."
    road = {"start": 29, "end": 41, "surface": "Harbour Road", "lat": 1.0, "lon": 1.0}
    tripoli = {"start": 17, "end": 24, "surface": "Tripoli", "lat": 32.88743,
               "lon": 13.18733, "geonameid": "2210247"}
    doc = {"corpus": "t", "doc_id": "d", "text": text, "toponyms": [tripoli, road]}
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    overall = evaluate_geo([path], gaz, nlp).overall  # type: ignore[arg-type]
    assert overall.acc161 == pytest.approx(0.5)  # the road is not in the gazetteer
    assert overall.id_acc161 == pytest.approx(1.0)  # only toponyms with a GeoNames id


def texas_km(gaz: InMemoryGazetteer) -> float:
    """The one resolution error of the fixture (Texas)."""
    errors = [r.km for doc in read_gold(GOLD) for r in resolve_gold(doc, gaz) if r.km > 0]
    assert len(errors) == 1
    return errors[0]


@pytest.mark.model
def test_report_serialises_and_formats(gaz: InMemoryGazetteer, nlp: object) -> None:
    report = evaluate_geo([GOLD, GOLD], gaz, nlp, limit=2)  # type: ignore[arg-type]
    assert isinstance(report, GeoReport)
    data = json.loads(json.dumps(report.to_dict()))
    assert [f["docs"] for f in data["files"]] == [2, 2]
    assert data["overall"]["docs"] == 4
    assert {"rec_f1", "corpus_precision", "corpus_recall", "corpus_f1"} <= set(data["overall"])
    table = format_table(report)
    lines = table.splitlines()
    assert "Acc@161 (gold spans)" in lines[0] and "population baseline" in lines[0]
    assert "Acc@161 (with id)" in lines[0]
    assert "rec F1" in lines[0] and "corpus F1" in lines[0]
    assert [line.split()[0] for line in lines[2:5]] == ["geo_small", "geo_small", "overall"]
