"""`flashpoint eval events` scorers: parsers on tiny hand-written gold files, metrics on
hand-made predictions, and one end-to-end run with a fake extractor (no model needed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.eval import case2021, indiapolice, muc4, wikievents
from flashpoint.eval.events import (
    EvalDataError,
    evaluate_events,
    extract_new,
    format_table,
    gold_set_kind,
    loose_match,
    prf,
)
from flashpoint.records import Article, Event

FIX = Path(__file__).parent / "fixtures" / "eval" / "events"


def ev(sub: str, kind: str = "new", span: tuple[int, int] = (0, 0), **kw: Any) -> Event:
    fields = {"event_id": f"e{sub}{span}", "kind": kind, "event_date": "1990-02-02",
              "time_precision": 1, "event_type": tx.event_type_of(sub), "sub_event_type": sub,
              "evidence": [{"article_id": "a", "start": span[0], "end": span[1], "text": ""}]}
    fields.update(kw)
    return Event(**fields)


class FakeExtractor:
    """Returns what `rule(article)` says; records the articles it saw."""

    def __init__(self, rule: Callable[[Article], list[Event]]):
        self.rule = rule
        self.seen: list[Article] = []

    def extract_article(self, article: Article) -> list[Event]:
        self.seen.append(article)
        return self.rule(article)


# --- shared helpers ---------------------------------------------------------------------


def test_prf_and_loose_match() -> None:
    assert prf(2, 2, 0) == (0.5, 1.0, 0.6667)
    assert prf(0, 0, 3) == (None, 0.0, None)
    assert loose_match("FMLN guerrillas", ["fmln"])
    assert loose_match("Army", ["THE ARMY OF EL SALVADOR"])
    assert not loose_match(None, ["x"])
    assert not loose_match("police", ["ARMY", ""])


def test_extract_new_keeps_new_events_and_treats_rejected_text_as_none() -> None:
    fake = FakeExtractor(lambda a: [ev(tx.ATTACK), ev(tx.ARRESTS, kind="past_reference")])
    assert [e.sub_event_type for e in extract_new(fake, "Gunmen attacked a village today.")] \
        == [tx.ATTACK]
    assert extract_new(fake, "   ") == []
    assert len(fake.seen) == 1


def test_gold_set_kind_by_name_and_errors(tmp_path: Path) -> None:
    assert gold_set_kind(FIX / "case2021-task2.tiny.tsv") == "case2021"
    assert gold_set_kind(FIX / "muc4") == "muc4"
    assert gold_set_kind(FIX / "indiapoliceevents.tiny.jsonl") == "indiapolice"
    assert gold_set_kind(FIX / "wikievents") == "wikievents"
    other = tmp_path / "notes.tsv"
    other.write_text("x\n")
    with pytest.raises(EvalDataError, match="not a known event gold set"):
        gold_set_kind(other)
    fake = FakeExtractor(lambda a: [])
    with pytest.raises(EvalDataError, match="no such file"):
        evaluate_events([FIX / "case2021-task2.tiny.tsv", tmp_path / "missing.tsv"], fake)
    with pytest.raises(EvalDataError, match="not a known"):
        evaluate_events([FIX / "case2021-task2.tiny.tsv", other], fake)
    assert fake.seen == []  # every path is checked before any scoring


# --- CASE 2021 --------------------------------------------------------------------------


def test_case_reader_maps_codes_to_acled_names() -> None:
    snippets = case2021.read_snippets(FIX / "case2021-task2.tiny.tsv")
    assert [s.code for s in snippets] == ["AIR_STRIKE", "PEACE_PROTEST", "NATURAL_DISASTER",
                                         "DIPLO", "ARREST"]
    assert [s.gold for s in snippets] == [tx.AIR_STRIKE, tx.PEACEFUL_PROTEST, "NONE", "NONE",
                                         tx.ARRESTS]
    assert [s.unseen for s in snippets] == [False, False, True, True, False]
    assert len(case2021.LABELS) == 25 and set(case2021.LABELS.values()) == set(tx.SUB_EVENT_TYPES)


def test_case_reader_rejects_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "case2021-task2.bad.tsv"
    bad.write_text("id\ttext\tlabel\n1\tx\tARREST\n")
    with pytest.raises(EvalDataError, match="header"):
        case2021.read_snippets(bad)
    bad.write_text("id\tEventSnippet\tSubType\n1\tx\tWEATHER\n")
    with pytest.raises(EvalDataError, match=":2:"):
        case2021.read_snippets(bad)


def test_case_f1_by_hand() -> None:
    gold = ["A", "A", "B", "B"]
    pred = ["A", "B", "B", "NONE"]
    # A: tp1 fp0 fn1 -> 2/3; B: tp1 fp1 fn1 -> 1/2
    macro, weighted = case2021.macro_weighted_f1(gold, pred, ["A", "B", "C"])
    assert macro == round((2 / 3 + 1 / 2) / 2, 4)
    assert weighted == round((2 / 3 * 2 + 1 / 2 * 2) / 4, 4)
    assert case2021.confusions(gold, pred)[0]["count"] == 1


def test_case_metrics_by_hand() -> None:
    snippets = case2021.read_snippets(FIX / "case2021-task2.tiny.tsv")
    predicted = [tx.AIR_STRIKE, "NONE", tx.OTHER, "NONE", tx.ARRESTS]
    out = case2021.metrics(snippets, predicted, predicted)
    assert out["accuracy_acled25"] == round(2 / 3, 4)
    assert out["accuracy_all"] == round(3 / 5, 4)
    assert out["unseen_coded_as_event"] == 0.5
    assert out["acled25_not_detected"] == round(1 / 3, 4)
    assert case2021.label_of([ev(tx.ATTACK, kind="past_reference"), ev(tx.GRENADE)]) == tx.GRENADE
    assert case2021.label_of([ev(tx.ATTACK, kind="past_reference")]) == "NONE"


# --- MUC-4 ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def muc_messages() -> list[muc4.Message]:
    return muc4.read_corpus(FIX / "muc4")


def test_muc_reader_templates(muc_messages: list[muc4.Message]) -> None:
    first, second = muc_messages
    assert (first.id, first.published, first.relevant) == ("TINY-MUC3-0001", date(1990, 2, 3),
                                                           True)
    assert first.text.startswith("LIMA, 3 FEB 90") and "BUDGET" not in first.text
    assert (second.relevant, second.templates) == (False, ())
    bomb, threat = first.templates
    assert bomb.incident_types == ("BOMBING",) and not bomb.optional
    assert bomb.dates == (date(1990, 2, 2),)
    assert (bomb.country, bomb.places) == ("PERU", ("CUZCO", "URUBAMBA"))
    assert bomb.perpetrators == ("GUERRILLAS", "RED DAWN FRONT", "RDF")
    assert bomb.perp_confidence == ("SUSPECTED OR ACCUSED BY AUTHORITIES",)
    assert bomb.deaths == 2  # the injured engineer is not counted
    assert "POWER STATION" in bomb.targets and "ENGINEER" in bomb.targets
    assert threat.optional and threat.attempted_only and threat.deaths is None
    assert threat.places == ("LIMA", "CALLAO") and threat.dates == (date(1990, 2, 3),)


def test_muc_dateline_without_year_takes_the_previous_year() -> None:
    texts = muc4.read_messages(FIX / "muc4" / "dev" / "tiny-muc3-0001-0002")
    assert [d for _, d in texts.values()] == [date(1990, 2, 3), date(1990, 2, 4),
                                              date(1990, 2, 7)]
    assert muc4.parse_muc_date("31 FEB 90") is None


def test_muc_reader_needs_keys_and_texts(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="no MUC key"):
        muc4.read_corpus(tmp_path)
    key = (FIX / "muc4" / "dev" / "key-tiny-0001.muc4").read_text()
    (tmp_path / "key-x.muc4").write_text(key)
    with pytest.raises(EvalDataError, match="have no text"):
        muc4.read_corpus(tmp_path)


def _bomb_event(**kw: Any) -> Event:
    base = {"actor1": "Red Dawn Front", "actor2": "Guards", "country": "Peru",
            "location": "Urubamba", "fatalities": 2, "certainty": "alleged"}
    base.update(kw)
    return ev(tx.IED, **base)


def test_muc_alignment_and_slots(muc_messages: list[muc4.Message]) -> None:
    first, second = muc_messages
    tally = muc4.Tally()
    stray = ev(tx.PEACEFUL_PROTEST, country="Chile", location="Santiago")
    muc4.score_message(first, [stray, _bomb_event()], tally)
    muc4.score_message(second, [], tally)
    out = muc4.metrics(tally)
    assert (tally.get("tp"), tally.get("fp"), tally.get("fn")) == (1, 1, 0)
    assert out["event_precision"] == 0.5 and out["event_recall"] == 1.0
    assert out["relevant_accuracy"] == 1.0 and out["irrelevant_accuracy"] == 1.0
    for slot in ("type", "perp", "target", "country", "town", "date", "deaths", "certainty"):
        assert out[f"{slot}_accuracy"] == 1.0, slot
    assert out["stage_accuracy"] == 1.0  # the threat was not coded as violence


def test_muc_wrong_slots_and_threat_coded_as_attack(muc_messages: list[muc4.Message]) -> None:
    first, second = muc_messages
    tally = muc4.Tally()
    wrong = _bomb_event(actor1="Army", fatalities=3, certainty="reported",
                        event_date="1990-02-03")
    threat = ev(tx.ATTACK, country="Peru", location="Lima", event_date="1990-02-03")
    muc4.score_message(first, [wrong, threat], tally)
    muc4.score_message(second, [ev(tx.OTHER)], tally)
    out = muc4.metrics(tally)
    assert (tally.get("tp"), tally.get("fp"), tally.get("fn")) == (2, 1, 0)
    assert out["perp_accuracy"] == 0.0  # "Army" and no actor vs "RED DAWN FRONT"
    assert out["deaths_accuracy"] == 0.0 and out["date_accuracy"] == 0.5
    assert out["stage_accuracy"] == 0.0 and out["irrelevant_accuracy"] == 0.0
    assert tally.misses["deaths"] == ["TINY-MUC3-0001: ours 3 vs gold 2"]
    assert tally.misses["stage"] == ["TINY-MUC3-0001: THREATENED coded as Attack"]


def test_muc_strict_scores_need_the_right_country(muc_messages: list[muc4.Message]) -> None:
    tally = muc4.Tally()
    muc4.score_message(muc_messages[0], [_bomb_event(country="Chile", location="Santiago")],
                       tally)
    assert (tally.get("tp"), tally.get("fp"), tally.get("fn")) == (1, 0, 0)
    assert (tally.get("strict_tp"), tally.get("strict_fp"), tally.get("strict_fn")) == (0, 1, 1)
    out = muc4.metrics(tally)
    assert out["event_f1"] == 1.0 and out["strict_f1"] == 0.0 and out["strict_recall"] == 0.0
    assert out["country_accuracy"] == 0.0


def test_muc_type_map_and_missed_template(muc_messages: list[muc4.Message]) -> None:
    bomb = muc_messages[0].templates[0]
    assert muc4.type_ok(ev(tx.SUICIDE_BOMB), bomb)
    assert not muc4.type_ok(ev(tx.ARRESTS), bomb)
    tally = muc4.Tally()
    muc4.score_message(muc_messages[0], [ev(tx.ARRESTS, country="Peru", location="Ica")], tally)
    assert (tally.get("tp"), tally.get("fp"), tally.get("fn")) == (0, 1, 1)


# --- IndiaPoliceEvents ------------------------------------------------------------------


def test_india_reader_and_dates() -> None:
    docs = indiapolice.read_docs(FIX / "indiapoliceevents.tiny.jsonl")
    assert [d.id for d in docs] == ["1", "2", "3", "4"]
    assert docs[0].labels == {"ANY_ACTION", "FORCE", "KILL"}
    assert [d.published for d in docs] == [date(2002, 3, 3), None, date(2002, 3, 9),
                                           date(2002, 3, 12)]


def test_india_metrics_by_hand() -> None:
    docs = indiapolice.read_docs(FIX / "indiapoliceevents.tiny.jsonl")
    predicted = [[ev(tx.MOB_VIOLENCE, fatalities=2)], [ev(tx.ATTACK)], [ev(tx.OTHER)], []]
    out = indiapolice.metrics(docs, predicted)
    assert out["recall_kill_arrest_force"] == 1.0
    assert out["recall_kill_typed"] == 1.0  # fatalities count for KILL
    assert out["recall_force_typed"] == 0.0  # mob violence is not police force
    assert out["recall_arrest_typed"] == 0.0
    assert out["false_event_rate_unlabelled"] == 0.5


def test_india_reader_rejects_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "indiapoliceevents.bad.jsonl"
    bad.write_text('{"doc_id": 1}\n')
    with pytest.raises(EvalDataError, match=":1:"):
        indiapolice.read_docs(bad)


# --- WikiEvents -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wiki_docs() -> list[wikievents.WikiDoc]:
    return wikievents.read_dir(FIX / "wikievents")


def test_wiki_reader_offsets_and_roles(wiki_docs: list[wikievents.WikiDoc]) -> None:
    bomb, talk = wiki_docs
    assert talk.events == ()  # Contact.* is not scored
    assert [g.category for g in bomb.events] == ["death", "attack", "arrest"]
    for gold in bomb.events:
        assert bomb.text[gold.start:gold.end] == gold.trigger
    assert bomb.text.splitlines()[1].startswith("A roadside bomb")
    die = bomb.events[0]
    assert die.roles["target"] == ("soldiers", "two soldiers of the 5th Brigade")
    assert bomb.events[2].roles == {"attacker": ("Police",), "target": ("suspect",)}


def test_wiki_detection_and_roles_by_hand(wiki_docs: list[wikievents.WikiDoc]) -> None:
    bomb = wiki_docs[0]
    line2 = bomb.text.index("A roadside")
    blast = ev(tx.IED, span=(line2, line2 + 60), actor1="Unidentified", actor2="Military Forces",
               location="Hamra")
    stray = ev(tx.OTHER, span=(0, 3))  # covers "Bom", not the "kills" trigger
    tally = wikievents.Tally()
    wikievents.tally_doc(bomb, [blast, stray], tally, [])
    out = wikievents.metrics_of(tally)
    assert (tally.gold, tally.detected) == (3, 1)
    assert out["precision"] == 0.5 and out["recall"] == round(1 / 3, 4)
    assert out["recall_attack"] == 1.0 and out["recall_death"] == 0.0
    assert out["place_match"] == 1.0 and out["target_match"] == 0.0
    assert out["attacker_match"] is None


def test_wiki_past_references_count_for_detection(wiki_docs: list[wikievents.WikiDoc]) -> None:
    """WikiEvents marks recalled events too: a past reference covering a gold trigger
    detects it; `recall_new_only` leaves it out."""
    bomb = wiki_docs[0]
    line2 = bomb.text.index("A roadside")
    recalled = ev(tx.IED, kind="past_reference", span=(line2, line2 + 60))
    tally = wikievents.Tally()
    wikievents.tally_doc(bomb, [recalled], tally, [])
    out = wikievents.metrics_of(tally)
    assert out["recall"] == round(1 / 3, 4) and out["recall_new_only"] == 0.0
    assert out["precision"] == 1.0


# --- end to end -------------------------------------------------------------------------


def _rule(article: Article) -> list[Event]:
    text = article.text
    if "roadside bomb" in text:
        start = text.index("A roadside")
        return [ev(tx.IED, span=(start, start + 60), location="Hamra")]
    if "drone strike" in text:
        return [ev(tx.AIR_STRIKE)]
    if "POWER STATION" in text:
        return [_bomb_event()]
    if "arrested" in text or "opened fire" in text:
        return [ev(tx.ARRESTS if "arrested" in text else tx.EXCESSIVE_FORCE)]
    return []


def test_evaluate_events_end_to_end_with_fake_extractor() -> None:
    fake = FakeExtractor(_rule)
    paths = [FIX / "case2021-task2.tiny.tsv", FIX / "muc4", FIX / "indiapoliceevents.tiny.jsonl",
             FIX / "wikievents"]
    report = evaluate_events(paths, fake)
    by_name = {s.name: s for s in report.sets}
    assert list(by_name) == ["case2021-task2", "muc4", "indiapoliceevents", "wikievents"]
    assert by_name["case2021-task2"].metrics["accuracy_acled25"] == round(1 / 3, 4)
    assert by_name["case2021-task2"].metrics["unseen_coded_as_event"] == 0.0
    assert by_name["muc4"].metrics["event_f1"] == 1.0
    assert by_name["indiapoliceevents"].metrics["recall_kill_arrest_force"] == 1.0
    assert by_name["wikievents"].metrics["recall"] == round(1 / 3, 4)
    muc_dates = {a.published for a in fake.seen if a.origin and a.origin.startswith("TINY")}
    assert muc_dates == {date(1990, 2, 3), date(1990, 2, 4)}
    data = json.loads(json.dumps(report.to_dict()))
    assert data["sets"][0]["counts"]["unseen"] == 2
    table = format_table(report)
    assert "case2021-task2" in table and "event_f1" in table and "1.000" in table


def test_limit_caps_documents_per_set() -> None:
    fake = FakeExtractor(lambda a: [])
    report = evaluate_events([FIX / "case2021-task2.tiny.tsv", FIX / "wikievents"], fake, limit=1)
    assert [s.documents for s in report.sets] == [1, 1]
    assert len(fake.seen) == 2


def test_importing_the_scorers_loads_no_model() -> None:
    import subprocess
    import sys

    code = ("import sys, flashpoint.eval.events, flashpoint.eval.muc4, flashpoint.eval.case2021,"
            " flashpoint.eval.indiapolice, flashpoint.eval.wikievents;"
            " print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
