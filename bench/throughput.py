"""Throughput of the full flashpoint pipeline against bare spaCy on the same texts.

    python bench/throughput.py [--n 200] [--seed 7] [--corpus FILE_OR_DIR] [--save FILE] [--json]

The corpus is generated deterministically from sentence templates (no gold data), or read
from `--corpus` (any input flashpoint ingests). Both runs process one document at a time,
as the pipeline does; models and the gazetteer are loaded and warmed up before timing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACES = [
    ("Al Mayadin", "Syria"), ("Deir ez-Zor", "Syria"), ("Idlib", "Syria"), ("Kidal", "Mali"),
    ("Gao", "Mali"), ("Maiduguri", "Nigeria"), ("Goma", "the Democratic Republic of the Congo"),
    ("Bunia", "the Democratic Republic of the Congo"), ("Mogadishu", "Somalia"),
    ("Kismayo", "Somalia"), ("Kharkiv", "Ukraine"), ("Bakhmut", "Ukraine"),
    ("Khan Younis", "the Gaza Strip"), ("Taiz", "Yemen"), ("Marib", "Yemen"),
    ("Mosul", "Iraq"), ("Kandahar", "Afghanistan"), ("Peshawar", "Pakistan"),
    ("El Fasher", "Sudan"), ("Nyala", "Sudan"), ("Ouagadougou", "Burkina Faso"),
    ("Djibo", "Burkina Faso"), ("Tripoli", "Libya"), ("Lahore", "Pakistan"),
]
ATTACKERS = [
    "the army", "government forces", "Russian forces", "the Islamic State group",
    "al-Shabaab fighters", "Rapid Support Forces", "unidentified gunmen", "a local militia",
    "Houthi rebels", "the police", "US forces", "Boko Haram militants",
]
TARGETS = [
    "civilians", "a military convoy", "a village", "a market", "a police station",
    "an army base", "rebel positions", "a camp for displaced people", "a checkpoint",
]
EVENTS = [
    "{actor} launched an air strike on {target} in {place}, {country}, on {day}, killing "
    "{n} people and wounding {m} others, according to {source}.",
    "Clashes broke out between {actor} and {actor2} near {place} on {day}; at least {n} "
    "fighters were killed, {source} said.",
    "Gunmen attacked {target} on the outskirts of {place} on {day}, killing {n} civilians, "
    "{source} reported.",
    "Hundreds of protesters gathered in {place} on {day} to demand the release of detained "
    "activists; {actor} fired tear gas and arrested {m} people, witnesses said.",
    "A roadside bomb exploded near {target} in {place} province on {day}, killing {n} "
    "soldiers, {source} said.",
    "Shelling by {actor} hit {target} in {place} overnight, killing {n} and injuring {m}, "
    "according to {source}.",
]
CONTEXT = [
    "The area has seen repeated fighting since the start of the conflict.",
    "No group immediately claimed responsibility for the attack.",
    "A similar attack in {place} last year killed {n} people.",
    "Officials said the death toll could rise as rescuers searched the rubble.",
    "The United Nations called on all parties to protect civilians.",
    "Residents said many families had fled to nearby towns.",
    "Aid agencies said access to the area remained difficult because of insecurity.",
    "The government said it would open an investigation into the incident.",
    "Analysts said the violence reflected a wider struggle for control of trade routes.",
    "Hospitals in {place} were struggling to cope with the number of wounded.",
    "Talks between the parties stalled last month after a ceasefire collapsed.",
    "Local leaders appealed for calm and urged young men not to take up arms.",
    "Phone and internet services in the region were cut for several hours.",
    "The attack came days after officials announced new security measures in {place}.",
]
SOURCES = ["local officials", "state media", "a military spokesman", "the health ministry",
           "residents", "a monitoring group", "the United Nations"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, index: int) -> dict[str, Any]:
    """One article: a headline, an event sentence or two, and some context."""
    place, country = rng.choice(PLACES)
    slots = dict(place=place, country=country, day=rng.choice(DAYS),
                 actor=rng.choice(ATTACKERS), actor2=rng.choice(ATTACKERS),
                 target=rng.choice(TARGETS), source=rng.choice(SOURCES),
                 n=rng.randint(1, 40), m=rng.randint(1, 60))
    sentences = [rng.choice(EVENTS).format(**slots)]
    sentences += [s.format(**slots) for s in rng.sample(CONTEXT, rng.randint(4, 9))]
    if rng.random() < 0.4:
        sentences.append(rng.choice(EVENTS).format(**{**slots, "n": rng.randint(1, 9)}))
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 365))
    text = " ".join(sentences)
    text = text[0].upper() + text[1:]
    return {"title": f"Violence in {place} ({index})", "text": text,
            "published": published.isoformat(), "source": "Bench Wire"}


def generate(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [make_article(rng, i) for i in range(n)]


def load_articles(args: argparse.Namespace) -> list[Any]:
    from flashpoint.ingest import iter_sources
    from flashpoint.ingest.readers import ReadContext, build_article, parse_published
    from flashpoint.records import Article

    if args.corpus:
        return [a for a in iter_sources([args.corpus]) if isinstance(a, Article)][: args.n]
    records = generate(args.n, args.seed)
    if args.save:
        Path(args.save).write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    from flashpoint.config import Settings

    ctx = ReadContext(Settings(), None, date.today())
    return [build_article(r["text"], ctx, f"bench:{i}", title=r["title"], source=r["source"],
                          published=parse_published(r["published"], "bench"))
            for i, r in enumerate(records)]


def _timed(spent: dict[str, float], key: str, func: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            spent[key] = spent.get(key, 0.0) + time.perf_counter() - started
    return wrapper


def _time_learned(spent: dict[str, float]) -> None:
    """Count the seconds the learned parts of the coder take (features and scoring), inside
    the event coder's own time: the sentence model and the role model."""
    from flashpoint.coding import learned, role_model, roles

    learned.SentenceModel.predict = _timed(  # type: ignore[method-assign]
        spent, "learned: sentence model", learned.SentenceModel.predict)
    roles.role_features = _timed(spent, "learned: role model", roles.role_features)
    role_model.RoleModel.probabilities = _timed(  # type: ignore[method-assign]
        spent, "learned: role model", role_model.RoleModel.probabilities)


def time_pipeline(articles: list[Any]) -> tuple[float, int, dict[str, float]]:
    """Whole-pipeline seconds, events found, and seconds per stage (plus the learned
    components' seconds, which are part of the event coder's)."""
    from flashpoint.api import Extractor

    learned: dict[str, float] = {}
    _time_learned(learned)
    extractor = Extractor()
    for article in articles[:3]:
        extractor.extract_article(article)  # warm-up
    extractor.pipeline.reset_timings()
    learned.clear()
    started = time.perf_counter()
    events = sum(len(extractor.extract_article(a)) for a in articles)
    return time.perf_counter() - started, events, {**extractor.pipeline.timings, **learned}


def time_spacy(articles: list[Any], ner_only: bool = False) -> float:
    """Bare spaCy on the same texts: the full model, or only the NER path."""
    from flashpoint.config import Settings
    from flashpoint.nlp import load_model

    nlp = load_model(Settings().nlp_model)
    keep = [p for p in ("tok2vec", "ner") if p in nlp.pipe_names]
    disabled = [p for p in nlp.pipe_names if p not in keep] if ner_only else []
    with nlp.select_pipes(disable=disabled):
        for article in articles[:3]:
            nlp(article.text)
        started = time.perf_counter()
        for article in articles:
            doc = nlp(article.text)
            _ = doc.ents
        return time.perf_counter() - started


def measure(args: argparse.Namespace) -> dict[str, Any]:
    articles = load_articles(args)
    if not articles:
        raise SystemExit("no articles to benchmark")
    words = sum(len(a.text.split()) for a in articles)
    pipeline_s, events, stages = time_pipeline(articles)
    spacy_s = time_spacy(articles)
    ner_s = time_spacy(articles, ner_only=True)
    return {
        "articles": len(articles), "words": words, "events": events,
        "pipeline_seconds": round(pipeline_s, 3),
        "pipeline_articles_per_s": round(len(articles) / pipeline_s, 2),
        "pipeline_words_per_s": round(words / pipeline_s, 1),
        "spacy_seconds": round(spacy_s, 3),
        "spacy_articles_per_s": round(len(articles) / spacy_s, 2),
        "spacy_words_per_s": round(words / spacy_s, 1),
        "ratio_pipeline_to_spacy": round(pipeline_s / spacy_s, 2),
        "ner_only_seconds": round(ner_s, 3),
        "ner_only_articles_per_s": round(len(articles) / ner_s, 2),
        "ratio_pipeline_to_ner_only": round(pipeline_s / ner_s, 2),
        "stage_share": {name: round(sec / pipeline_s, 3) for name, sec in stages.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def report(result: dict[str, Any]) -> str:
    return "\n".join([
        f"articles: {result['articles']}  words: {result['words']}  events: {result['events']}",
        f"pipeline:   {result['pipeline_articles_per_s']:8.2f} articles/s "
        f"{result['pipeline_words_per_s']:10.1f} words/s  ({result['pipeline_seconds']} s)",
        f"bare spaCy: {result['spacy_articles_per_s']:8.2f} articles/s "
        f"{result['spacy_words_per_s']:10.1f} words/s  ({result['spacy_seconds']} s)",
        f"bare spaCy NER only (tok2vec+ner): {result['ner_only_articles_per_s']:8.2f} "
        f"articles/s ({result['ner_only_seconds']} s)",
        f"pipeline / bare spaCy time: {result['ratio_pipeline_to_spacy']}x;  "
        f"pipeline / NER only: {result['ratio_pipeline_to_ner_only']}x",
        "share of pipeline time per stage (the learned parts are inside the event coder's): "
        + ", ".join(f"{name} {share:.1%}" for name, share in result["stage_share"].items()),
        f"peak RSS: {result['peak_rss_mb']} MB",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--corpus", help="read articles from this file or folder instead")
    parser.add_argument("--save", help="write the generated corpus to this JSONL file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args)
    print(json.dumps(result) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
