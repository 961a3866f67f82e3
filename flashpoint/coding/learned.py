"""The sentence model: a multinomial linear classifier over sparse features of one parsed
sentence, giving a probability to each of the 25 ACLED sub-event types and to "NONE".

Features (all strings, see `sentence_features`): lower-cased lemmas, lemma bigrams,
dependency triples (head lemma, relation, child lemma) around verbs and nouns, entity labels,
the rule triggers' sub-event types (so the model learns when to trust a rule), negation and
modal cues. The vocabulary is fixed at training time (training/train_event_model.py); unseen
features are ignored. Weights ship in `data/event_model.npz` with the label list, feature
list and provenance; inference is numpy only and the file is read once, on first use.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, EventModelError

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span, Token

    from ..config import Settings
    from .triggers import Trigger

FORMAT_VERSION = 1
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
NONE = "NONE"
DEFAULT_PATH = Path(__file__).with_name("data") / "event_model.npz"
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "shall",
                    "can", "'ll"})
TRIPLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "prep", "pobj", "xcomp",
                         "advcl", "compound", "amod", "acl", "relcl", "conj", "attr", "prt"})
IRREALIS_HEADS = frozenset({"threaten", "plan", "vow", "warn", "fear", "call", "urge",
                            "intend", "prepare", "deny", "reject", "want", "seek", "aim"})


# --- features -----------------------------------------------------------------------------


def _lemma(tok: Token) -> str:
    if tok.like_num:
        return "#num"
    return tok.lemma_.lower() or tok.lower_


def _content(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)


def lexical_features(tokens: list[Token]) -> list[str]:
    """Lemmas of non-stop words and bigrams of all non-punctuation lemmas."""
    words = [t for t in tokens if _content(t)]
    feats = [f"l:{_lemma(t)}" for t in words if not t.is_stop]
    lemmas = [_lemma(t) for t in words]
    feats += [f"b:{a}_{b}" for a, b in zip(lemmas, lemmas[1:])]
    return feats


def syntactic_features(tokens: list[Token]) -> list[str]:
    """(head lemma, relation, child lemma) triples under verbs and nouns; a preposition is
    collapsed onto its object ("strike|prep_on|position")."""
    feats = []
    for tok in tokens:
        head = tok.head
        if tok.dep_ not in TRIPLE_DEPS or head is tok or head.pos_ not in ("VERB", "NOUN",
                                                                            "PROPN", "AUX"):
            continue
        if tok.dep_ == "prep":
            for obj in tok.children:
                if obj.dep_ == "pobj":
                    feats.append(f"d:{_lemma(head)}|prep_{tok.lower_}|{_lemma(obj)}")
            continue
        feats.append(f"d:{_lemma(head)}|{tok.dep_}|{_lemma(tok)}")
    return feats


def cue_features(tokens: list[Token]) -> list[str]:
    """Entity labels, negation, modals, irrealis governors and the root's tense."""
    feats = [f"e:{t.ent_type_}" for t in tokens if t.ent_iob_ == "B"]
    for tok in tokens:
        if tok.dep_ == "neg" or tok.lower_ in ("no", "never", "without"):
            feats.append("c:neg")
        if tok.dep_ == "aux" and tok.lower_ in MODALS:
            feats.append(f"c:modal_{tok.lower_}")
        if tok.dep_ == "mark" and tok.lower_ in ("if", "unless"):
            feats.append("c:conditional")
        if tok.dep_ == "ROOT":
            feats.append(f"c:root_{tok.tag_}")
            if tok.lemma_.lower() in IRREALIS_HEADS:
                feats.append("c:irrealis_root")
    return feats


def rule_features(triggers: list[Trigger]) -> list[str]:
    """The rule triggers' types and whether each was judged factual."""
    feats = []
    for trig in triggers:
        state = "fact" if trig.factual else ("neg" if trig.negated else "irr")
        feats += [f"r:{trig.sub_event_type}", f"r:{trig.sub_event_type}|{state}",
                  f"rs:{state}"]
        if trig.recalled:
            feats.append("rs:recalled")
    return feats


def sentence_features(tokens: list[Token], triggers: list[Trigger]) -> list[str]:
    """Every feature of one sentence (or one short text: a list of tokens)."""
    return (["bias"] + lexical_features(tokens) + syntactic_features(tokens)
            + cue_features(tokens) + rule_features(triggers))


def span_features(sent: Span, triggers: list[Trigger]) -> list[str]:
    return sentence_features(list(sent), triggers)


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """The model's distribution over labels for one sentence."""

    labels: tuple[str, ...]
    probs: tuple[float, ...]

    def p(self, label: str) -> float:
        return self.probs[self.labels.index(label)] if label in self.labels else 0.0

    @property
    def p_none(self) -> float:
        return self.p(NONE)

    def best(self, among: frozenset[str] | None = None) -> tuple[str, float]:
        """The most probable label (restricted to `among` when given), with its probability."""
        pairs = [(lab, pr) for lab, pr in zip(self.labels, self.probs)
                 if among is None or lab in among]
        return max(pairs, key=lambda x: x[1]) if pairs else (NONE, 0.0)

    def best_event(self) -> tuple[str, float]:
        """The most probable sub-event type (NONE excluded)."""
        return self.best(frozenset(self.labels) - {NONE})


class SentenceModel:
    """Weights (features x labels), a bias per label and the vocabulary."""

    def __init__(self, labels: list[str], features: list[str], weights: np.ndarray,
                 bias: np.ndarray, meta: dict[str, Any] | None = None):
        if weights.shape != (len(features), len(labels)) or bias.shape != (len(labels),):
            raise EventModelError("sentence model: weights do not match the label and "
                                  "feature lists; retrain with training/train_event_model.py")
        self.labels = tuple(labels)
        self.index = {f: i for i, f in enumerate(features)}
        self.weights = weights
        self.bias = bias
        self.meta = meta or {}

    def predict_features(self, feats: list[str]) -> Prediction:
        import numpy as np

        rows = [self.index[f] for f in feats if f in self.index]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        probs = exp / exp.sum()
        return Prediction(self.labels, tuple(float(p) for p in probs))

    def predict(self, sent: Span, triggers: list[Trigger]) -> Prediction:
        return self.predict_features(span_features(sent, triggers))

    def save(self, path: Path) -> None:
        import numpy as np

        meta = dict(self.meta, format_version=FORMAT_VERSION)
        features = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(path, weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32),
                            labels=np.array(self.labels), features=np.array(features),
                            meta=np.array(json.dumps(meta, sort_keys=True)))


def read_model(path: Path) -> SentenceModel:
    """Load a model file; a missing, corrupt or wrong-version file raises `EventModelError`."""
    import zipfile

    import numpy as np

    if not path.is_file():
        raise EventModelError(f"sentence model {path} is missing; run "
                              "training/train_event_model.py or set coding.model=off")
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            parts = (list(map(str, data["labels"])), list(map(str, data["features"])),
                     data["weights"].astype(np.float32), data["bias"].astype(np.float32))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
        raise EventModelError(f"sentence model {path} is corrupt ({exc}); reinstall flashpoint "
                              "or retrain with training/train_event_model.py") from None
    if meta.get("format_version") != FORMAT_VERSION:
        raise EventModelError(f"sentence model {path} has format "
                              f"{meta.get('format_version')!r}, expected {FORMAT_VERSION}; "
                              "retrain with training/train_event_model.py")
    return SentenceModel(*parts, meta=meta)


@lru_cache(maxsize=4)
def load_model(path: str = "") -> SentenceModel:
    """The model at `path` (the bundled one by default), read once and cached."""
    return read_model(Path(path) if path else DEFAULT_PATH)


# --- combining the model with the rules ------------------------------------------------------

MODES = ("off", "on", "only")
# The model adds only violent and protest events; strategic developments (deployments,
# curfews, agreements) are too often mentioned in passing to be coded on its word alone.
ADDABLE = frozenset({"violence", "protest"})


@dataclass(frozen=True)
class ModelPolicy:
    """How the coder uses the sentence model (settings `coding.model*`).

    mode "off": rules alone; "on": rules, with the model vetoing a rule event when it gives
    NONE at least `veto`, choosing the sub-event type within the rules' family when its choice
    has at least `retype`, and adding an event where rules find none when a type has at least
    `add`; "only": the model alone (one event per sentence whose best type has `add`).
    The model retypes only candidates whose strongest rule trigger scores below `trust`:
    where the rules are sure (a named weapon, "recaptured"), they keep their type.
    Defaults (measured on the dev gold sets, see the issue note): only adding, at 0.85;
    vetoing and retyping cost more recall and type accuracy than they saved.
    """

    mode: str = "on"
    veto: float = 1.01
    retype: float = 1.01
    add: float = 0.85
    trust: float = 0.7
    path: str = ""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise EventModelError(f"coding.model must be one of {', '.join(MODES)}, "
                                  f"got {self.mode!r}")

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelPolicy:
        """The policy the `coding.model*` settings describe (raises on an unknown mode as
        `ConfigError`)."""
        try:
            return cls(settings.model_mode, settings.model_veto, settings.model_retype,
                       settings.model_add)
        except EventModelError as exc:
            raise ConfigError(str(exc)) from None

    def needs_prediction(self, has_rule_events: bool) -> bool:
        if self.mode == "off":
            return False
        return self.mode == "only" or has_rule_events or self.add <= 1.0


@dataclass(frozen=True)
class Judged:
    """One sentence's event candidates after the model had its say; `notes` says, per
    trigger, where the model decided; `vetoed` when the model dropped the rules' events."""

    candidates: list[list[Trigger]]
    notes: dict[Trigger, str]
    vetoed: bool = False


def _model_trigger(sent: Span, label: str, p: float) -> Trigger:
    """A trigger for an event only the model saw: the sentence's main verb as its word."""
    from .triggers import Trigger

    root = sent.root
    for child in root.children:  # "..., police said": the reported clause's verb
        if root.lemma_.lower() in ("say", "report", "tell") and child.dep_ == "ccomp":
            root = child
            break
    return Trigger(root.idx, root.idx + len(root.text), root.text, label, round(p, 3), root.i)


def _may_recall(sent: Span, candidates: list[list[Trigger]]) -> bool:
    """A sentence that recalls or dates its event ("in November 2020") is left to the
    coder's date rules (a past reference): the model learned anniversaries and running
    totals as "no event", but cannot tell when an event happened."""
    if any(t.recalled for cand in candidates for t in cand):
        return True
    return any(e.label_ == "DATE" and YEAR.search(e.text) for e in sent.ents)


def _retyped(cand: list[Trigger], label: str) -> list[Trigger]:
    from dataclasses import replace

    return [replace(t, sub_event_type=label) for t in cand]


def judge(sent: Span, triggers: list[Trigger], candidates: list[list[Trigger]],
          model: SentenceModel, policy: ModelPolicy,
          rule_type: Callable[[list[Trigger]], str]) -> Judged:
    """Apply `policy` to one sentence: `triggers` are all its rule triggers, `candidates`
    the factual ones grouped by the coder, `rule_type(candidate)` the type rules give it."""
    pred = model.predict(sent, triggers)
    if policy.mode == "only" or not candidates:
        return _found(sent, pred, policy)
    if pred.p_none >= policy.veto and not _may_recall(sent, candidates):
        return Judged([], {}, vetoed=True)
    return _typed(candidates, pred, policy, rule_type)


def _found(sent: Span, pred: Prediction, policy: ModelPolicy) -> Judged:
    """An event the rules did not see, when the model is confident enough (mode "on": only
    violent and protest events, see `ADDABLE`)."""
    from .taxonomy import family

    label, p = pred.best_event()
    addable = policy.mode == "only" or family(label) in ADDABLE
    if p < policy.add or pred.p_none >= p or not addable:
        return Judged([], {})
    trig = _model_trigger(sent, label, p)
    return Judged([[trig]], {trig: f"Event found by the sentence model, p={p:.2f}."})


def _typed(candidates: list[list[Trigger]], pred: Prediction, policy: ModelPolicy,
           rule_type: Callable[[list[Trigger]], str]) -> Judged:
    """The rules' candidates, each retyped within its family where the rules are unsure
    and the model is confident."""
    from .taxonomy import family

    out: list[list[Trigger]] = []
    notes: dict[Trigger, str] = {}
    for cand in candidates:
        ruled = rule_type(cand)
        same = frozenset(lab for lab in pred.labels if lab != NONE
                         and family(lab) == family(ruled))
        choice, pc = pred.best(same)
        unsure = max(t.score for t in cand) < policy.trust
        if choice != ruled and pc >= policy.retype and unsure:
            cand = _retyped(cand, choice)
            notes.update({t: f"Type chosen by the sentence model, p={pc:.2f} "
                             f"(rules: {ruled})." for t in cand})
        out.append(cand)
    return Judged(out, notes)
