"""Train the toponym ranker (flashpoint/geo/data/ranker.json) on gold geoparsing corpora.

    python bench/train_geo_ranker.py ../shared/bench/geo/*.jsonl [--folds 5] [--rounds 2]
        [--l2 1e-3] [--gazetteer PATH] [--out flashpoint/geo/data/ranker.json] [--no-write]

This script is the one way to produce ranker.json; the gold files are read in place, never
copied. The model is a linear conditional logit: a softmax over one toponym's candidates,
trained to put its mass on the candidate with the gold GeoNames id (or, when no candidate has
it, on those within 161 km of the gold point), L2-regularised, fitted with numpy (scipy's L-BFGS when scipy is installed,
plain gradient descent otherwise). Features are those of flashpoint.geo.ranker.

Context features (country focus, anchors) depend on the previous pass's choices, so training
runs in rounds: round 1 records the features the hand-scored resolver sees; each later round
re-runs resolution with the model of the round before and adds what it sees. Held-out
figures: document-level k-fold cross-validation (folds by document index mod k, per corpus),
where every step, rounds included, uses the training documents only and the held-out
documents are resolved end to end with the fold's model. Deterministic: no randomness.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from flashpoint.config import Settings
from flashpoint.eval.geo import ACC_KM, GoldDoc, GoldToponym, error_km, read_gold
from flashpoint.geo.gazetteer import Gazetteer, open_gazetteer
from flashpoint.geo.ranker import (
    FEATURE_NAMES,
    FIXED_WEIGHTS,
    MODEL_PATH,
    HandRanker,
    LinearRanker,
    Ranker,
)
from flashpoint.records import Place
from flashpoint.geo.resolve import REFINE_PASSES, lookup_span, resolve_toponyms


class Recorder:
    """A Ranker that delegates to another and keeps every feature row it is shown."""

    def __init__(self, inner: Ranker):
        self.inner = inner
        self.calls: list[np.ndarray] = []

    def rank(self, rows: Sequence[Sequence[float]]) -> list[float]:
        self.calls.append(np.asarray(rows, dtype=np.float64))
        return self.inner.rank(rows)


@dataclass
class Groups:
    """Training groups: one toponym in one pass, its candidates' rows and 0/1 labels."""

    x: list[np.ndarray]
    y: list[np.ndarray]
    w: list[float]  # the weight of each group in the loss (corpora balanced)

    def __add__(self, other: Groups) -> Groups:
        return Groups(self.x + other.x, self.y + other.y, self.w + other.w)


def _spans(doc: GoldDoc) -> list[tuple[int, int, str]]:
    return sorted({(t.start, t.end, doc.text[t.start:t.end]) for t in doc.counted})


def run_doc(doc: GoldDoc, gaz: Gazetteer, ranker: Ranker,
            weight: float = 1.0) -> tuple[Groups, list[bool]]:
    """Resolve the gold spans with `ranker`; the labelled groups seen and the Acc@161 hits.

    The resolver calls the ranker once per span with candidates, pass after pass, in span
    order, with the candidates in lookup order; that is how rows are matched to places."""
    spans = _spans(doc)
    rec = Recorder(ranker)
    mentions, _ = resolve_toponyms(spans, doc.text, gaz, rec)
    gold = {t.span: t for t in doc.toponyms if t.resolvable}
    cands = [lookup_span(gaz, text) for _s, _e, text in spans]
    order = [(s, c) for s, c in zip(spans, cands) if c] * (1 + REFINE_PASSES)
    if len(order) != len(rec.calls):
        raise RuntimeError(f"{doc.doc_id}: {len(rec.calls)} ranker calls, {len(order)} expected")
    groups = Groups([], [], [])
    for ((start, end, _t), places), rows in zip(order, rec.calls):
        g = gold.get((start, end))
        if g is None:
            continue
        y = labels(g, places)
        if 0 < y.sum() < len(y):
            groups.x.append(rows)
            groups.y.append(y)
            groups.w.append(weight)
    chosen = {(m.start, m.end): m.place for m in mentions}
    hits = [error_km(g, chosen.get(span)) <= ACC_KM for span, g in gold.items()]
    return groups, hits


def labels(gold: GoldToponym, places: Sequence[Place]) -> np.ndarray:
    """1 for the candidate with the gold GeoNames id when there is one, else for every
    candidate within 161 km of the gold point. The id, where known, is sharper than the
    distance: a town and its same-named province are often both within 161 km, and an
    event coder needs the town."""
    exact = [p.geonameid == gold.geonameid for p in places]
    if gold.geonameid is not None and any(exact):
        return np.array(exact, dtype=np.float64)
    return np.array([error_km(gold, p) <= ACC_KM for p in places], dtype=np.float64)


def _stack(groups: Groups) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    x = np.vstack(groups.x)
    y = np.concatenate(groups.y)
    starts = np.cumsum([0] + [len(v) for v in groups.y[:-1]])
    weights = np.asarray(groups.w) / np.mean(groups.w)
    return x, y, starts, weights


def _loss_grad(w: np.ndarray, x: np.ndarray, y: np.ndarray, starts: np.ndarray,
               gw: np.ndarray, l2: np.ndarray) -> tuple[float, np.ndarray]:
    """The weighted mean negative log of the probability mass on the positive candidates,
    plus the L2 penalty (one coefficient per weight), and its gradient."""
    s = x @ w
    top = np.maximum.reduceat(s, starts)
    sizes = np.diff(np.append(starts, len(s)))
    e = np.exp(s - np.repeat(top, sizes))
    z_all = np.add.reduceat(e, starts)
    z_pos = np.add.reduceat(e * y, starts)
    n = len(starts)
    loss = float(gw @ (np.log(z_all) - np.log(z_pos))) / n + float(np.sum(l2 * w * w))
    p = e / np.repeat(z_all, sizes)
    q = e * y / np.repeat(z_pos, sizes)
    grad = x.T @ ((p - q) * np.repeat(gw, sizes)) / n + 2 * l2 * w
    return loss, grad


def fit(groups: Groups, l2: float) -> np.ndarray:
    """Weights minimising the regularised conditional-logit loss."""
    x, y, starts, gw = _stack(groups)
    fixed = np.zeros(x.shape[1])
    for name, value in FIXED_WEIGHTS.items():
        fixed[FEATURE_NAMES.index(name)] = value
    return fixed + _fit_free(x * (fixed == 0), y, starts, gw, l2, x @ fixed)


def _fit_free(x: np.ndarray, y: np.ndarray, starts: np.ndarray, gw: np.ndarray, l2: float,
              offset: np.ndarray) -> np.ndarray:
    """Fit the free weights (fixed features' columns zeroed), their scores added to offset."""
    x = np.hstack([x, offset[:, None]])
    penalty = l2 * np.append(np.ones(x.shape[1] - 1), 0.0)  # the offset column: no penalty
    w0 = np.append(np.zeros(x.shape[1] - 1), 1.0)
    try:
        from scipy.optimize import minimize  # type: ignore[import-untyped]
    except ImportError:
        return _gradient_descent(w0, x, y, starts, gw, penalty)
    bounds = [(None, None)] * (len(w0) - 1) + [(1.0, 1.0)]
    res = minimize(_loss_grad, w0, args=(x, y, starts, gw, penalty), jac=True, method="L-BFGS-B",
                   bounds=bounds, options={"maxiter": 2000})
    return np.asarray(res.x)[:-1]


def _gradient_descent(w: np.ndarray, x: np.ndarray, y: np.ndarray, starts: np.ndarray,
                      gw: np.ndarray, l2: np.ndarray, steps: int = 3000,
                      rate: float = 0.5) -> np.ndarray:
    for _ in range(steps):
        _loss, grad = _loss_grad(w, x, y, starts, gw, l2)
        grad[-1] = 0.0  # the offset column's weight stays 1
        w = w - rate * grad
    return w[:-1]


def collect(docs: Sequence[GoldDoc], gaz: Gazetteer, ranker: Ranker,
            weights: dict[int, float] | None = None) -> tuple[Groups, list[bool]]:
    """Resolve `docs` with `ranker`: the groups seen (weighted by document, keyed by id())
    and the Acc@161 hits."""
    groups, hits = Groups([], [], []), []
    for doc in docs:
        g, h = run_doc(doc, gaz, ranker, (weights or {}).get(id(doc), 1.0))
        groups += g
        hits += h
    return groups, hits


def train(docs: Sequence[GoldDoc], gaz: Gazetteer, rounds: int, l2: float,
          first: Groups | None = None,
          weights: dict[int, float] | None = None) -> LinearRanker:
    """Round 1 on the hand-scored contexts (given as `first` when already collected), then
    each round adds the contexts the previous round's model produces."""
    data = first if first is not None else collect(docs, gaz, HandRanker(), weights)[0]
    model = LinearRanker(tuple(fit(data, l2)))
    for _ in range(rounds - 1):
        data = data + collect(docs, gaz, model, weights)[0]
        model = LinearRanker(tuple(fit(data, l2)))
    return model


def corpus_weights(corpora: dict[str, list[GoldDoc]], balance: float) -> dict[int, float]:
    """id(doc) -> loss weight: (mean toponyms per corpus / the corpus's toponyms) ** balance,
    so that with balance 1 a small corpus counts as much as a big one."""
    sizes = {n: max(1, sum(len(d.toponyms) for d in ds)) for n, ds in corpora.items()}
    mean = sum(sizes.values()) / max(1, len(sizes))
    return {id(d): (mean / sizes[n]) ** balance for n, ds in corpora.items() for d in ds}


def _acc(hits: Sequence[bool]) -> float:
    return sum(hits) / len(hits) if hits else float("nan")


def cross_validate(corpora: dict[str, list[GoldDoc]], gaz: Gazetteer, folds: int,
                   rounds: int, l2: float, hand_groups: dict[str, list[Groups]],
                   weights: dict[int, float]) -> dict[str, list[bool]]:
    """Held-out Acc@161 hits per corpus: fold k holds out documents with index % folds == k."""
    held: dict[str, list[bool]] = {name: [] for name in corpora}
    for k in range(folds):
        train_docs = [d for docs in corpora.values() for i, d in enumerate(docs) if i % folds != k]
        first = Groups([], [], [])
        for name, docs in corpora.items():
            for i, g in enumerate(hand_groups[name]):
                if i % folds != k:
                    first += g
        model = train(train_docs, gaz, rounds, l2, first, weights)
        for name, docs in corpora.items():
            held[name] += collect([d for i, d in enumerate(docs) if i % folds == k], gaz, model)[1]
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr)
    return held


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--gazetteer", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--balance", type=float, default=0.0,
                    help="0: every toponym weighs the same; 1: every corpus weighs the same")
    args = ap.parse_args(argv)
    began = time.perf_counter()
    gaz = open_gazetteer(args.gazetteer or Settings().gazetteer_file())
    corpora = {p.name.removesuffix(".jsonl"): read_gold(p) for p in args.files}
    hand_hits: dict[str, list[bool]] = {}
    hand_groups: dict[str, list[Groups]] = {}
    weights = corpus_weights(corpora, args.balance)
    for name, docs in corpora.items():
        per_doc = [run_doc(d, gaz, HandRanker(), weights[id(d)]) for d in docs]
        hand_groups[name] = [g for g, _h in per_doc]
        hand_hits[name] = [h for _g, hs in per_doc for h in hs]
    held = cross_validate(corpora, gaz, args.folds, args.rounds, args.l2, hand_groups, weights) \
        if args.folds > 1 else {}
    print(f"{'corpus':<14}{'toponyms':>9}{'hand':>8}{'ranker (' + str(args.folds) + '-fold CV)':>22}")
    for name in corpora:
        cv = f"{_acc(held[name]):.3f}" if held else "-"
        print(f"{name:<14}{len(hand_hits[name]):>9}{_acc(hand_hits[name]):>8.3f}{cv:>22}")
    everything = Groups([], [], [])
    for groups in hand_groups.values():
        for g in groups:
            everything += g
    docs = [d for ds in corpora.values() for d in ds]
    model = train(docs, gaz, args.rounds, args.l2, everything, weights)
    elapsed = time.perf_counter() - began
    provenance = {
        "script": "bench/train_geo_ranker.py", "date": date.today().isoformat(),
        "corpora": {name: {"docs": len(ds), "resolvable_toponyms": len(hand_hits[name])}
                    for name, ds in corpora.items()},
        "model": "linear conditional logit (softmax over a toponym's candidates)",
        "label": f"the candidate with the gold id, else those within {ACC_KM:.0f} km of gold",
        "fixed_weights": FIXED_WEIGHTS, "rounds": args.rounds, "l2": args.l2, "balance": args.balance, "folds": args.folds,
        "cv_acc161": {n: round(_acc(h), 4) for n, h in held.items()},
        "hand_acc161": {n: round(_acc(h), 4) for n, h in hand_hits.items()},
        "gazetteer": {k: v for k, v in getattr(gaz, "meta", {}).items()
                      if k in ("format_version", "built_at", "sources")},
        "train_seconds": round(elapsed, 1),
    }
    model = LinearRanker(model.weights, provenance)
    for name, wt in sorted(zip(FEATURE_NAMES, model.weights), key=lambda t: -abs(t[1])):
        print(f"  {name:<18}{wt:+.3f}")
    print(f"trained in {elapsed:.0f} s")
    if not args.no_write:
        import json

        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
