"""flashpoint: news reports about armed conflict in, coded and geocoded events out; offline.

    >>> import flashpoint
    >>> events = flashpoint.extract(text, published=date(2024, 2, 3))
    >>> store = flashpoint.Store("flashpoint.db")
    >>> report = flashpoint.ingest_paths(["articles/"], store)

Names are loaded on first use, so `import flashpoint` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import Extractor, IngestReport, extract, ingest_paths
    from .records import Article, Event
    from .store import Store

_LAZY = {
    "extract": "flashpoint.api",
    "Extractor": "flashpoint.api",
    "IngestReport": "flashpoint.api",
    "ingest_paths": "flashpoint.api",
    "Store": "flashpoint.store",
    "Article": "flashpoint.records",
    "Event": "flashpoint.records",
}

__all__ = ["Article", "Event", "Extractor", "IngestReport", "Store", "__version__", "extract",
           "ingest_paths"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'flashpoint' has no attribute {name!r}")
    return getattr(import_module(module), name)
