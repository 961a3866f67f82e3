"""Why does the coder code events in unlabelled IndiaPoliceEvents articles, and miss labelled ones?

Usage (reads the gold file, prints to stdout, never copies gold into the repository):
    python bench/indiapolice_errors.py ../shared/bench/events/indiapoliceevents.docs.dev.jsonl
    python bench/indiapolice_errors.py FILE --limit 200 --cache /tmp/ipe.jsonl
    python bench/indiapolice_errors.py FILE --from-cache /tmp/ipe.jsonl --show 30

For each unlabelled article that still gets a new event (a false event): the event type, the
evidence sentence and the trigger words; for each KILL/ARREST/FORCE article without a new
event (a miss): its labels, the events we coded anyway (past references, types the set
cannot label) and the sentences with police, killing or arrest words. Both are sorted into
rough categories by cue words (court and trial, reported speech, general statements, riots
and protests, crime without police, ...; a miss with a past reference is "coded only as past
reference", a dating question): a guide for reading, not a measurement. `--cache` writes one
JSON line per article (our events of both kinds, no gold text) so that a second reading
(`--from-cache`) costs no extraction; the metrics count new events only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.coding import taxonomy as tx
from flashpoint.eval.events import extract_all
from flashpoint.eval.indiapolice import NO_POLICE_ACTION, TARGET_LABELS, PoliceDoc, metrics, read_docs

POLICE_WORDS = re.compile(
    r"\b(police\w*|cops?|constables?|cid|crpf|bsf|jawans?|army|troops|forces?|sho|ips|"
    r"kill\w*|killings?|murder\w*|shot|firing|fired|lathi\w*|arrest\w*|detain\w*|held|"
    r"nabbed|custody|encounter|tear ?gas|baton\w*|beat\w*|assault\w*)\b", re.I)
CATEGORY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("court/trial/case", re.compile(
        r"\b(court|trial|convict\w*|sentenc\w*|acquit\w*|verdict|judge|bail|hearing|"
        r"charge-?sheet\w*|witness\w*|accused|petition\w*|tribunal|commission|inquiry|probe|"
        r"cbi|fir|case)\b", re.I)),
    ("background/anniversary/old", re.compile(
        r"\b(anniversary|ago|since|last year|in (19|20)\d\d|earlier|past|history|riots of|"
        r"victims of|after the|memorial|remember\w*)\b", re.I)),
    ("politics/rally/speech", re.compile(
        r"\b(rally|rallies|party|bjp|congress|minister|election\w*|poll\w*|campaign\w*|"
        r"speech|assembly|parliament|leaders?|cm|chief minister)\b", re.I)),
    ("reported speech/allegation", re.compile(
        r"\b(said|says|alleg\w*|claim\w*|told|accus\w*|according to|demand\w*)\b", re.I)),
)
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Coded:
    """What the scorer reads of an event, rebuilt from the cache."""

    sub_event_type: str
    fatalities: int | None
    inter1: int | None = None


def run(path: Path, limit: int | None, cache: Path | None) -> list[dict[str, Any]]:
    from flashpoint.api import Extractor

    extractor = Extractor()
    docs = read_docs(path)[:limit] if limit else read_docs(path)
    rows = []
    for number, doc in enumerate(docs, start=1):
        events = extract_all(extractor, doc.text, published=doc.published,
                             origin=f"{path.name}#{doc.id}")
        rows.append({"id": doc.id, "events": [_event_row(e.to_dict()) for e in events]})
        if number % 50 == 0:
            print(f"... {number}/{len(docs)}", file=sys.stderr)
    if cache is not None:
        with cache.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)
    return rows


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    sents = [e for e in event["evidence"] if not e.get("field")]
    triggers = [e for e in event["evidence"] if e.get("field") == "event"]
    return {"sub": event["sub_event_type"], "kind": event.get("kind", "new"),
            "fatalities": event.get("fatalities"),
            "inter1": event.get("inter1"),
            "sentences": [_holding(t, sents) for t in triggers] or [s["text"] for s in sents],
            "triggers": [t["text"] for t in triggers], "notes": event.get("notes", "")}


def _holding(span: dict[str, Any], sents: Sequence[dict[str, Any]]) -> str:
    """The evidence sentence that holds a trigger span (the trigger itself if none does)."""
    for sent in sents:
        if sent["start"] <= span["start"] and span["end"] <= sent["end"]:
            return str(sent["text"])
    return str(span["text"])


def category(texts: Iterable[str], sub: str | None = None) -> str:
    """The first cue category whose words occur in the texts (protests by type)."""
    if sub in tx.TAXONOMY[tx.PROTESTS] or sub in tx.TAXONOMY[tx.RIOTS]:
        return "protest or riot without police"
    joined = " ".join(texts)
    for name, cue in CATEGORY_CUES:
        if cue.search(joined):
            return name
    return "other (crime, misc.)"


def police_sentences(text: str, most: int = 4) -> list[str]:
    return [s.strip()[:300] for s in SENT_SPLIT.split(text) if POLICE_WORDS.search(s)][:most]


def _new(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in row["events"] if e.get("kind", "new") == "new"]


def report(docs: Sequence[PoliceDoc], rows: Sequence[dict[str, Any]], show: int) -> None:
    coded = [[Coded(e["sub"], e["fatalities"], e.get("inter1")) for e in _new(r)]
             for r in rows]
    print(json.dumps(metrics(docs, coded), indent=1))
    kept = [{"id": r["id"], "events": [e for e in _new(r) if e["sub"] not in NO_POLICE_ACTION],
             "all": r["events"]} for r in rows]
    false = [(d, r) for d, r in zip(docs, kept) if not d.labels and r["events"]]
    missed = [(d, r) for d, r in zip(docs, kept)
              if d.labels & set(TARGET_LABELS) and not r["events"]]
    _section("FALSE EVENTS (unlabelled articles)", false, show, _false_lines)
    _section("MISSED (KILL/ARREST/FORCE articles with no new event)", missed, show, _miss_lines)


def _section(title: str, items: Sequence[tuple[PoliceDoc, dict[str, Any]]], show: int,
             lines: Any) -> None:
    cats: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    print(f"\n===== {title}: {len(items)}")
    for doc, row in items:
        cat, body = lines(doc, row)
        cats[cat] += 1
        if shown[cat] < show:
            shown[cat] += 1
            print(f"\n--- [{cat}] doc {doc.id} labels={sorted(doc.labels)}")
            print("\n".join(body))
    print(f"\n{title} by category: " + ", ".join(f"{k}={v}" for k, v in cats.most_common()))


def _false_lines(doc: PoliceDoc, row: dict[str, Any]) -> tuple[str, list[str]]:
    first = row["events"][0]
    body = []
    for ev in row["events"][:3]:
        body.append(f"  {ev['sub']} trig={ev['triggers'][:3]} fat={ev['fatalities']}")
        body.extend(f"    > {s[:300]}" for s in ev["sentences"][:2])
    return category(first["sentences"], first["sub"]), body


def _miss_lines(doc: PoliceDoc, row: dict[str, Any]) -> tuple[str, list[str]]:
    """A miss: the police sentences, and what we did code (past references, or types the
    set cannot label), which tells a detection miss from a dating or typing one."""
    sents = police_sentences(doc.text)
    coded = [f"  coded {e.get('kind', 'new')} {e['sub']} trig={e['triggers'][:3]}"
             for e in row.get("all", [])]
    cat = category(sents)
    if any(e.get("kind") == "past_reference" for e in row.get("all", [])):
        cat = "coded only as past reference"
    return cat, coded + [f"    > {s}" for s in sents]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, help="write our events per article here")
    parser.add_argument("--from-cache", type=Path, help="read events from an earlier --cache")
    parser.add_argument("--show", type=int, default=8, help="examples per category")
    args = parser.parse_args(argv)
    docs = read_docs(args.path)
    if args.from_cache:
        rows = [json.loads(line) for line in args.from_cache.read_text().splitlines() if line]
    else:
        rows = run(args.path, args.limit, args.cache)
    docs = docs[: len(rows)]
    report(docs, rows, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
