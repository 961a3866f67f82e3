"""Which gold toponyms have no gazetteer candidate within 161 km (the gazetteer's ceiling)?

Usage (prints counts, never copies gold into the repository):
    FLASHPOINT_CACHE=/tmp/gazdev python bench/geo_misses.py ../shared/bench/geo/*.jsonl
    python bench/geo_misses.py --top 40 --gazetteer FILE ../shared/bench/geo/LGL.dev.jsonl

For each file: the ceiling, the misses grouped by the gold `type` field (GeoNames feature
class.code or GeoWebNews annotation type), and the most frequent missed surfaces with
whether the name had no candidate at all ("absent") or only far ones ("far").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.eval.geo import ACC_KM, error_km, read_gold
from flashpoint.geo.gazetteer import Gazetteer, open_gazetteer
from flashpoint.geo.resolve import lookup_span

Miss = tuple[str, str, str]  # (type, surface, absent|far)


def gold_types(path: Path) -> dict[tuple[str, int, int], str]:
    """(doc_id, start, end) -> gold `type` field, read straight from the JSONL."""
    out: dict[tuple[str, int, int], str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                raw = json.loads(line)
                for t in raw.get("toponyms", []):
                    out[(str(raw.get("doc_id")), t["start"], t["end"])] = str(t.get("type"))
    return out


def misses(path: Path, gazetteer: Gazetteer) -> tuple[int, list[Miss]]:
    """(number of resolvable gold toponyms, the ones without a candidate within 161 km)."""
    types = gold_types(path)
    total, out = 0, []
    for doc in read_gold(path):
        for t in doc.toponyms:
            if not t.resolvable:
                continue
            total += 1
            places = lookup_span(gazetteer, t.surface)
            if any(error_km(t, p) <= ACC_KM for p in places):
                continue
            kind = types.get((doc.doc_id, t.start, t.end), "None")
            out.append((kind, t.surface, "far" if places else "absent"))
    return total, out


def report(path: Path, gazetteer: Gazetteer, top: int) -> None:
    total, missed = misses(path, gazetteer)
    ceiling = 1 - len(missed) / total if total else 0.0
    print(f"\n== {path.name}: {total} resolvable, {len(missed)} missed, ceiling {ceiling:.3f}")
    print("-- by gold type (absent / far)")
    by_type = Counter((m[0], m[2]) for m in missed)
    for kind in sorted({m[0] for m in missed}, key=lambda k: -sum(
            v for (t, _), v in by_type.items() if t == k)):
        print(f"  {kind:22s} {by_type[(kind, 'absent')]:5d} {by_type[(kind, 'far')]:5d}")
    print(f"-- top {top} surfaces")
    for (kind, surface, why), n in Counter(missed).most_common(top):
        print(f"  {n:4d}  {surface!r:40s} {kind:18s} {why}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--gazetteer", type=Path, default=None)
    args = parser.parse_args(argv)
    path = args.gazetteer or Settings().gazetteer_file()
    gazetteer = open_gazetteer(path)
    for file in args.files:
        report(file, gazetteer, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
