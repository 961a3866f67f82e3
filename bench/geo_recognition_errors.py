"""Why does toponym recognition miss gold spans, and what are its false positives?

Usage (prints counts and a few examples; never copies gold into the repository):
    python bench/geo_recognition_errors.py ../shared/bench/geo/*.jsonl
    python bench/geo_recognition_errors.py --examples 8 --cache /tmp/geo_docs FILE ...

The spaCy parses are cached as DocBin files under --cache (keyed by file name and model), so
a second run only re-runs `find_toponyms`. Categories, per file:
- false negatives: boundary (a prediction overlaps the gold span but is not exact; split by
  whether the prediction is longer or shorter), ner_org / ner_person / ner_norp / ner_other
  (the gold span sits inside a non-place entity), lowercase / all_caps surfaces, rejected
  (a place entity or gazetteer name the rejection rules dropped), not_in_gazetteer (no place
  entity and no gazetteer entry), unknown (in the gazetteer but the matcher passed it over);
- false positives: boundary, demonym, org / person (the span is inside such an entity in
  spaCy's eyes or followed by an organisation head), common_word, other.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.config import Settings
from flashpoint.eval.geo import GoldDoc, read_gold
from flashpoint.geo.gazetteer import Gazetteer, has_name, open_gazetteer
from flashpoint.geo.toponyms import ORG_HEADS, PLACE_LABELS, _demonym, find_toponyms
from flashpoint.nlp import load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Span = tuple[int, int]
Example = tuple[str, str]  # (category, snippet)


def parse_all(nlp: Language, docs: list[GoldDoc], cache: Path | None, key: str) -> list[Doc]:
    """spaCy parses of the documents, read from or written to a DocBin cache."""
    from spacy.tokens import DocBin

    path = cache / f"{key}.spacy" if cache else None
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=parsed, store_user_data=True).to_disk(path)
    return parsed


def _snippet(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ent_labels(doc: Doc, start: int, end: int) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.ent_type_ for t in span} - {""} if span is not None else set()


def _miss_category(doc: Doc, span: Span, preds: list[Span], gaz: Gazetteer) -> str:
    text = doc.text[span[0]:span[1]]
    near = [p for p in preds if _overlap(p, span)]
    if near:
        longer = any(p[0] <= span[0] and p[1] >= span[1] for p in near)
        return "boundary_pred_longer" if longer else "boundary_pred_shorter"
    labels = _ent_labels(doc, *span)
    for label, name in (("ORG", "ner_org"), ("PERSON", "ner_person"), ("NORP", "ner_norp")):
        if label in labels:
            return name
    if labels & PLACE_LABELS:
        return "rejected_entity"
    if labels:
        return "ner_other"
    if text[:1].islower():
        return "lowercase"
    if text.isupper() and len(text) > 3:
        return "all_caps"
    if not has_name(gaz, text):
        return "not_in_gazetteer"
    return "known_not_matched"


def _fp_category(doc: Doc, span: Span, gold: list[Span]) -> str:
    text = doc.text[span[0]:span[1]]
    if any(_overlap(span, g) for g in gold):
        return "boundary"
    if _demonym(text):
        return "demonym"
    labels = _ent_labels(doc, *span)
    after = doc.text[span[1]:span[1] + 20].split()
    if "ORG" in labels or (after and after[0].lower().strip(".,") in ORG_HEADS):
        return "org"
    if "PERSON" in labels:
        return "person"
    if labels & PLACE_LABELS:
        return "place_entity_not_gold"
    return "matcher_not_gold"


def diagnose(gold: GoldDoc, doc: Doc, gaz: Gazetteer,
             embedded: bool = False) -> tuple[list[Example], list[Example]]:
    preds = [(s, e) for s, e, _ in find_toponyms(doc, gaz, embedded)]
    counted = [t.span for t in gold.counted]
    ignored = [t.span for t in gold.toponyms if not t.counted]
    misses = [(_miss_category(doc, g, preds, gaz), _snippet(gold.text, *g))
              for g in counted if g not in preds]
    fps = [(_fp_category(doc, p, counted), _snippet(gold.text, *p)) for p in preds
           if p not in counted and not any(_overlap(p, i) for i in ignored)]
    return misses, fps


def _print(title: str, rows: list[Example], examples: int) -> None:
    counts = Counter(c for c, _ in rows)
    by_cat: dict[str, list[str]] = defaultdict(list)
    for cat, snip in rows:
        by_cat[cat].append(snip)
    print(f"-- {title}: {len(rows)}")
    for cat, n in counts.most_common():
        print(f"  {cat:24s} {n:5d}")
        for snip in by_cat[cat][:examples]:
            print(f"      {snip}")


def report(path: Path, nlp: Language, gaz: Gazetteer, cache: Path | None, model: str,
           examples: int, embedded: bool = False) -> None:
    docs = read_gold(path)
    parsed = parse_all(nlp, docs, cache, f"{path.stem}.{model}")
    misses: list[Example] = []
    fps: list[Example] = []
    for gold, doc in zip(docs, parsed):
        m, f = diagnose(gold, doc, gaz, embedded)
        misses += m
        fps += f
    gold_n = sum(len(d.counted) for d in docs)
    hits = gold_n - len(misses)
    prec = hits / (hits + len(fps)) if hits + len(fps) else 0.0
    rec = hits / gold_n if gold_n else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"\n== {path.name}: {gold_n} gold, {len(misses)} missed, {len(fps)} false positives;"
          f" P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    _print("false negatives", misses, examples)
    _print("false positives", fps, examples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed docs")
    parser.add_argument("--model", default=Settings().nlp_model)
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--embedded", action="store_true",
                        help="field conventions: names inside organisations, demonym modifiers")
    args = parser.parse_args(argv)
    gaz = open_gazetteer(args.gazetteer or Settings().gazetteer_file())
    nlp = load_model(args.model)
    for file in args.files:
        report(file, nlp, gaz, args.cache, args.model, args.examples, args.embedded)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
