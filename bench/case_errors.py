"""Why does the coder get CASE 2021 task-2 snippets wrong? Errors grouped by cause.

Usage (reads the gold file given, prints to the terminal only, never copies gold anywhere):
    python bench/case_errors.py ../shared/bench/events/case2021-task2.dev.tsv
    python bench/case_errors.py FILE --label ATTACK --show 20 --width 220

For every snippet whose ACLED gold label we miss (or whose unseen, non-ACLED label we code
as an event) it prints our label and the rule triggers that fired (with their flags), then
groups the errors by cause:
  no trigger       no rule fired on any sentence (which words would have signalled it?)
  filtered         triggers fired but every one was negated, irrealis or a recalled event
  not coded        a factual trigger fired but the coder kept no new event
  within family    right family, wrong sub-type (attack vs clash, IED vs suicide bomb ...)
  retyped          a trigger of the gold type fired but the event was coded otherwise
  wrong family     our type belongs to another family
  unseen coded     a non-ACLED snippet (crime, disaster, diplomacy) coded as an event
The grouping is a guide for reading, not a measurement.

To see what a change fixed and broke, save our labels before it (`--save before.json`: ids
and our labels only, no gold text) and compare after it (`--against before.json`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashpoint.coding import taxonomy as tx
from flashpoint.eval.case2021 import NONE, Snippet, label_of, read_snippets
from flashpoint.eval.events import extract_all


@dataclass(frozen=True)
class Fired:
    """One rule trigger, as printed."""

    text: str
    sub_event_type: str
    flags: str

    def __str__(self) -> str:
        return f"{self.text!r}->{self.sub_event_type}{self.flags}"


@dataclass(frozen=True)
class Outcome:
    snippet: Snippet
    predicted: str
    fired: tuple[Fired, ...]


def fired_triggers(nlp, text: str) -> tuple[Fired, ...]:
    """Every rule trigger on the snippet's sentences, with n/i/r flags."""
    from flashpoint.coding.triggers import detect

    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for trig in detect(sent):
            flags = "".join(f for f, on in (("n", trig.negated), ("i", trig.irrealis),
                                            ("r", trig.recalled)) if on)
            out.append(Fired(trig.text, trig.sub_event_type, f"[{flags}]" if flags else ""))
    return tuple(out)


def cause(outcome: Outcome) -> str:
    """The rough cause of one error."""
    gold, predicted, fired = outcome.snippet.gold, outcome.predicted, outcome.fired
    if outcome.snippet.unseen:
        return "unseen coded"
    if predicted == NONE:
        if not fired:
            return "no trigger"
        if all(f.flags for f in fired):
            return "filtered"
        return "not coded"
    if any(f.sub_event_type == gold and not f.flags for f in fired):
        return "retyped"
    if tx.family(gold) == tx.family(predicted):
        return "within family"
    return "wrong family"


def run(path: Path, limit: int | None) -> tuple[list[Outcome], dict[str, str]]:
    """The errors, and our label for every snippet (by id)."""
    from flashpoint.api import Extractor
    from flashpoint.config import Settings
    from flashpoint.nlp import load_model

    extractor = Extractor()
    nlp = load_model(Settings().nlp_model)
    outcomes, labels = [], {}
    for snippet in read_snippets(path)[:limit]:
        predicted = label_of(extract_all(extractor, snippet.text, origin=snippet.id))
        labels[snippet.id] = predicted
        if predicted == snippet.gold:
            continue
        outcomes.append(Outcome(snippet, predicted, fired_triggers(nlp, snippet.text)))
    return outcomes, labels


def changes(path: Path, before: dict[str, str], after: dict[str, str], width: int) -> None:
    """Snippets whose label changed since `before`: + fixed, - broken, ~ still wrong."""
    counts: Counter[str] = Counter()
    for snippet in read_snippets(path):
        old, new = before.get(snippet.id), after.get(snippet.id)
        if old is None or new is None or old == new:
            continue
        mark = "+" if new == snippet.gold else "-" if old == snippet.gold else "~"
        counts[mark] += 1
        print(f"{mark} {snippet.id} [{snippet.code}] {old} -> {new}: "
              + snippet.text[:width].replace("\n", " "))
    print("changed:", dict(counts))


def report(outcomes: Sequence[Outcome], label: str | None, show: int, width: int) -> None:
    by_cause: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if label is None or outcome.snippet.code == label:
            by_cause[cause(outcome)].append(outcome)
    print("errors by cause:", {k: len(v) for k, v in sorted(by_cause.items())})
    pairs = Counter((o.snippet.code, o.predicted) for o in outcomes)
    print("top confusions:", ", ".join(f"{g}->{p}:{n}" for (g, p), n in pairs.most_common(15)))
    for name, group in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        print(f"\n=== {name} ({len(group)})")
        for o in sorted(group, key=lambda o: o.snippet.code)[:show]:
            fired = "; ".join(map(str, o.fired)) or "-"
            print(f"[{o.snippet.code} -> {o.predicted}] fired: {fired}")
            print("    " + o.snippet.text[:width].replace("\n", " "))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a case2021-task2*.tsv gold file")
    parser.add_argument("--label", help="only errors of this gold code (ATTACK, REM_EXPLOS ...)")
    parser.add_argument("--show", type=int, default=1000, help="examples per cause")
    parser.add_argument("--width", type=int, default=300, help="characters of each snippet")
    parser.add_argument("--limit", type=int, default=None, help="first N snippets only")
    parser.add_argument("--save", type=Path, help="write our label per snippet id (JSON)")
    parser.add_argument("--against", type=Path, help="a --save file: print what changed")
    args = parser.parse_args(argv)
    outcomes, labels = run(args.path, args.limit)
    report(outcomes, args.label, args.show, args.width)
    if args.save:
        args.save.write_text(json.dumps(labels, indent=0), encoding="utf-8")
    if args.against:
        print()
        changes(args.path, json.loads(args.against.read_text(encoding="utf-8")), labels,
                args.width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
