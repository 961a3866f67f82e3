"""The role model: a small linear classifier that says whether an actor mention is the agent
(actor1), the target (actor2) or neither of an event trigger, from the dependency parse.

Features (strings, see `role_features`) describe one (trigger, actor) pair: the dependency path
from the trigger to the actor's head ("U:dobj|D:nsubj": up from the trigger as the object of
"launched", down to its subject), its first and last steps, the voice around the trigger, the
side and distance, the actor's inter code, whether the actor is a victim noun ("villagers"),
a speaker ("X said") or inside a quote, and a few crossings with the event family. Weights ship
as JSON in `data/role_model.json` (format, labels, weights, provenance), written by
training/train_role_model.py; inference is pure Python and the file is read once, on first use.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RoleModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FORMAT_VERSION = 1
LABELS = ("actor1", "actor2", "neither")
DEFAULT_PATH = Path(__file__).with_name("data") / "role_model.json"
MAX_PATH = 4  # longer dependency paths collapse to "far"
VICTIM_WORDS = frozenset({
    "civilian", "villager", "resident", "people", "passenger", "worshipper", "student",
    "child", "children", "woman", "women", "farmer", "worker", "family", "families", "shopper",
    "pedestrian", "man", "men", "refugee", "pupil", "patient", "journalist", "teacher",
    "herder", "fisherman", "fishermen", "motorist", "mourner", "traveller", "traveler",
})
SPEECH_VERBS = frozenset({"say", "tell", "report", "confirm", "add", "state", "announce",
                          "claim", "deny", "allege", "accuse", "describe", "blame"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})


# --- features -----------------------------------------------------------------------------


def _step(tok: Token) -> str:
    """A token's relation to its head; prepositions keep their word ("prep:by")."""
    if tok.dep_ in ("prep", "agent"):
        return f"{tok.dep_}:{tok.lower_}"
    return tok.dep_


def dependency_path(trigger: Token, head: Token) -> str:
    """Steps up from the trigger to the lowest common ancestor, then down to the actor's head:
    "U:dobj|D:nsubj", "D:agent:by|D:pobj"; "self" when they are the same token."""
    if trigger.i == head.i:
        return "self"
    up = [trigger] + list(trigger.ancestors)
    down = [head] + list(head.ancestors)
    down_ids = {t.i for t in down}
    common = next((t for t in up if t.i in down_ids), None)
    if common is None:
        return "none"
    ups = [f"U:{_step(t)}" for t in up[:[t.i for t in up].index(common.i)]]
    downs = [f"D:{_step(t)}" for t in reversed(down[:[t.i for t in down].index(common.i)])]
    steps = ups + downs
    return "far" if len(steps) > MAX_PATH else "|".join(steps)


def _passive(trigger: Token) -> bool:
    holders = [trigger] + ([trigger.head] if trigger.head is not trigger else [])
    return any(c.dep_ in ("nsubjpass", "auxpass") for h in holders for c in h.children)


def _bucket(n: int) -> str:
    for limit, name in ((2, "0-2"), (5, "3-5"), (10, "6-10")):
        if n <= limit:
            return name
    return "11+"


def _is_speaker(head: Token) -> bool:
    tok = head
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _in_quote(doc: Doc, span: Span) -> bool:
    sent = span.sent
    return sum(1 for t in doc[sent.start:span.start] if t.text in QUOTES) % 2 == 1


def _victim(span: Span) -> bool:
    return any(t.lower_ in VICTIM_WORDS or t.lemma_.lower() in VICTIM_WORDS for t in span)


def role_features(trigger: Token, span: Span, inter: int | None, family: str = "") -> list[str]:
    """The features of one (trigger, actor span) pair; `inter` is the actor's inter code (None
    when unknown), `family` the event type of the trigger (for crossings)."""
    head = span.root
    path = dependency_path(trigger, head)
    steps = path.split("|")
    side = "before" if span.end <= trigger.i else "after" if span.start > trigger.i else "over"
    voice = "passive" if _passive(trigger) else "active"
    gap = trigger.i - span.end if side == "before" else span.start - trigger.i
    feats = [
        "bias", f"path:{path}", f"first:{steps[0]}", f"last:{steps[-1]}", f"voice:{voice}",
        f"side:{side}", f"dist:{_bucket(max(gap, 0))}", f"pos:{trigger.pos_}",
        f"inter:{inter}", f"dep:{head.dep_}", f"path+voice:{path}+{voice}",
        f"side+voice:{side}+{voice}", f"last+voice:{steps[-1]}+{voice}",
        f"inter+side:{inter}+{side}", f"fam+last:{family}+{steps[-1]}",
    ]
    if _victim(span):
        feats += ["victim", f"victim+side:{side}"]
    if _is_speaker(head):
        feats.append("speaker")
    if _in_quote(trigger.doc, span):
        feats.append("quoted")
    return feats


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleModel:
    """Per-feature weights for each label in `labels` (actor1, actor2, neither)."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    provenance: dict[str, Any]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """Softmax over the labels; features the model never saw weigh nothing."""
        sums = [0.0] * len(self.labels)
        for feat in features:
            for k, w in enumerate(self.weights.get(feat, ())):
                sums[k] += w
        top = max(sums)
        exps = [math.exp(s - top) for s in sums]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps)}


def model_to_json(model: RoleModel) -> dict[str, Any]:
    return {"format": "flashpoint-role-model", "version": FORMAT_VERSION,
            "labels": list(model.labels),
            "weights": {f: [round(w, 5) for w in ws] for f, ws in sorted(model.weights.items())},
            "provenance": model.provenance}


def write_model(model: RoleModel, path: Path) -> None:
    path.write_text(json.dumps(model_to_json(model), indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")


def _parse(data: Any, path: Path) -> RoleModel:
    if not isinstance(data, dict) or data.get("format") != "flashpoint-role-model":
        raise RoleModelError(f"{path} is not a flashpoint role model; retrain it with "
                             "training/train_role_model.py")
    if data.get("version") != FORMAT_VERSION:
        raise RoleModelError(f"{path} has format version {data.get('version')!r}, this "
                             f"flashpoint reads {FORMAT_VERSION}; retrain the role model")
    labels = data.get("labels")
    weights = data.get("weights")
    if not isinstance(labels, list) or set(labels) != set(LABELS) or not isinstance(weights, dict):
        raise RoleModelError(f"{path}: labels must be {list(LABELS)} and weights a mapping; "
                             "retrain it with training/train_role_model.py")
    n = len(labels)
    parsed: dict[str, tuple[float, ...]] = {}
    for feat, ws in weights.items():
        if not isinstance(ws, list) or len(ws) != n or \
                not all(isinstance(w, (int, float)) for w in ws):
            raise RoleModelError(f"{path}: feature {feat!r} needs {n} numeric weights; "
                                 "retrain it with training/train_role_model.py")
        parsed[str(feat)] = tuple(float(w) for w in ws)
    return RoleModel(tuple(labels), parsed, dict(data.get("provenance") or {}))


def read_model(path: Path) -> RoleModel:
    """A role model file; raises RoleModelError when it is missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RoleModelError(f"role model {path} not found; set coding.role_model=off or "
                             "train one with training/train_role_model.py") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RoleModelError(f"role model {path} cannot be read ({exc}); retrain it with "
                             "training/train_role_model.py") from None
    return _parse(data, path)


@lru_cache(maxsize=4)
def role_model_for(setting: str) -> RoleModel | None:
    """The model the `coding.role_model` setting names: "off" (None), "on" (the bundled
    model) or the path of a model file; read once per process."""
    value = setting.strip()
    if value == "off":
        return None
    return read_model(DEFAULT_PATH if value == "on" else Path(value))
