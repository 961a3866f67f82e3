"""CASE 2021 shared task 2: one fine-grained label per snippet.

Format: a tab-separated file with a header `id  EventSnippet  SubType`. 25 labels are ACLED
sub-event types (codes mapped to ACLED names in `LABELS`); five are unseen types
(`UNSEEN`) that must not be coded as any ACLED event. Our label for a snippet is the
sub-event type of its first new event, or "NONE".

Metrics: accuracy, macro and weighted F1 over the 25 ACLED labels (on snippets whose gold
is one of them, as the task's "25 types" setting), accuracy over all snippets (unseen gold
counts as "NONE"), the share of unseen-type snippets wrongly coded as an event, and the
most frequent confusions. `accuracy_any_kind` also counts past_reference events (snippets
carry no publication date, so old events may be coded as past references).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..coding import taxonomy as tx
from .events import EvalDataError, EventExtractor, SetScore, extract_all, ratio, take

NONE = "NONE"
LABELS: dict[str, str] = {
    "ABDUCT_DISSAP": tx.ABDUCTION, "AGREEMENT": tx.AGREEMENT, "AIR_STRIKE": tx.AIR_STRIKE,
    "ARMED_CLASH": tx.ARMED_CLASH, "ARREST": tx.ARRESTS, "ART_MISS_ATTACK": tx.SHELLING,
    "ATTACK": tx.ATTACK, "CHANGE_TO_GROUP_ACT": tx.CHANGE_GROUP, "CHEM_WEAP": tx.CHEMICAL,
    "DISR_WEAP": tx.DISRUPTED_WEAPONS, "FORCE_AGAINST_PROTEST": tx.EXCESSIVE_FORCE,
    "GOV_REGAINS_TERIT": tx.GOV_REGAINS, "GRENADE": tx.GRENADE,
    "HQ_ESTABLISHED": tx.HQ_ESTABLISHED, "MOB_VIOL": tx.MOB_VIOLENCE,
    "NON_STATE_ACTOR_OVERTAKES_TER": tx.NSA_OVERTAKES,
    "NON_VIOL_TERRIT_TRANSFER": tx.TERRITORY_TRANSFER, "OTHER": tx.OTHER,
    "PEACE_PROTEST": tx.PEACEFUL_PROTEST, "PROPERTY_DISTRUCT": tx.LOOTING,
    "PROTEST_WITH_INTER": tx.PROTEST_INTERVENTION, "REM_EXPLOS": tx.IED,
    "SEX_VIOL": tx.SEXUAL_VIOLENCE, "SUIC_BOMB": tx.SUICIDE_BOMB,
    "VIOL_DEMONSTR": tx.VIOLENT_DEMO,
}
UNSEEN: frozenset[str] = frozenset(
    {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    code: str  # the gold label code as written (AIR_STRIKE, DIPLO ...)

    @property
    def gold(self) -> str:
        """ACLED sub-event type, or NONE for an unseen type."""
        return LABELS.get(self.code, NONE)

    @property
    def unseen(self) -> bool:
        return self.code in UNSEEN


def read_snippets(path: Path) -> list[Snippet]:
    """Every snippet of a task-2 TSV; an unknown label raises `EvalDataError`."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:3]] != ["id", "EventSnippet", "SubType"]:
        raise EvalDataError(f"{path}: expected a header 'id<TAB>EventSnippet<TAB>SubType'")
    snippets = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3 or (row[2].strip() not in LABELS and row[2].strip() not in UNSEEN):
            raise EvalDataError(f"{path}:{number}: expected id, snippet and a known label")
        snippets.append(Snippet(row[0].strip(), row[1].strip(), row[2].strip()))
    return snippets


def f1_by_label(gold: Sequence[str], predicted: Sequence[str],
                labels: Sequence[str]) -> dict[str, tuple[float, int]]:
    """Per-label (F1, support) for the given labels."""
    out = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        out[label] = (f1, tp + fn)
    return out


def macro_weighted_f1(gold: Sequence[str], predicted: Sequence[str],
                      labels: Sequence[str]) -> tuple[float | None, float | None]:
    """Macro F1 over labels with gold support, and support-weighted F1."""
    scores = {k: v for k, v in f1_by_label(gold, predicted, labels).items() if v[1]}
    if not scores:
        return None, None
    support = sum(n for _, n in scores.values())
    macro = sum(f for f, _ in scores.values()) / len(scores)
    weighted = sum(f * n for f, n in scores.values()) / support
    return round(macro, 4), round(weighted, 4)


def confusions(gold: Sequence[str], predicted: Sequence[str], top: int = 10) -> list[dict]:
    pairs = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in pairs.most_common(top)]


def label_of(events: Sequence, kinds: tuple[str, ...] = ("new",)) -> str:
    """Sub-event type of the first event of one of `kinds`, else NONE."""
    for event in events:
        if event.kind in kinds:
            return str(event.sub_event_type)
    return NONE


def metrics(snippets: Sequence[Snippet], predicted: Sequence[str],
            predicted_any: Sequence[str] | None = None) -> dict[str, float | None]:
    """All CASE metrics from gold snippets and our labels (same order)."""
    seen = [(s.gold, p) for s, p in zip(snippets, predicted) if not s.unseen]
    gold_seen, pred_seen = [g for g, _ in seen], [p for _, p in seen]
    macro, weighted = macro_weighted_f1(gold_seen, pred_seen, list(LABELS.values()))
    unseen = [p for s, p in zip(snippets, predicted) if s.unseen]
    out: dict[str, float | None] = {
        "accuracy_acled25": ratio(sum(g == p for g, p in seen), len(seen)),
        "macro_f1_acled25": macro,
        "weighted_f1_acled25": weighted,
        "accuracy_all": ratio(sum(s.gold == p for s, p in zip(snippets, predicted)),
                              len(snippets)),
        "unseen_coded_as_event": ratio(sum(p != NONE for p in unseen), len(unseen)),
        "acled25_not_detected": ratio(sum(p == NONE for p in pred_seen), len(pred_seen)),
    }
    if predicted_any is not None:
        out["accuracy_acled25_any_kind"] = ratio(
            sum(s.gold == p for s, p in zip(snippets, predicted_any) if not s.unseen), len(seen))
    return out


def score(path: Path, extractor: EventExtractor, limit: int | None = None) -> SetScore:
    snippets = list(take(read_snippets(path), limit))
    predicted: list[str] = []
    predicted_any: list[str] = []
    examples: list[dict[str, object]] = []
    for snippet in snippets:
        events = extract_all(extractor, snippet.text, origin=f"{path.name}#{snippet.id}")
        predicted.append(label_of(events))
        predicted_any.append(label_of(events, ("new", "past_reference")))
        if predicted[-1] != snippet.gold and len(examples) < 15:
            examples.append({"id": snippet.id, "gold": snippet.code,
                             "predicted": predicted[-1], "text": snippet.text[:160]})
    gold = [s.gold for s in snippets]
    return SetScore(
        name="case2021-task2", path=str(path), documents=len(snippets),
        metrics=metrics(snippets, predicted, predicted_any),
        counts={"snippets": len(snippets), "acled25": sum(not s.unseen for s in snippets),
                "unseen": sum(s.unseen for s in snippets)},
        details={"confusions": confusions(gold, predicted), "examples": examples})
