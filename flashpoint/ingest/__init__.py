"""Sources: files, directories, HTML and JSON lines in; checked `Article`s out.

Readers live in a registry keyed by file suffix (`register_reader`), the same way a
plugin would add one. Batches never stop on one bad document: `iter_sources` yields an
`IngestError` (with a one-line reason) for it and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from ..config import Settings
from ..errors import IngestError
from ..records import Article
from .readers import ReadContext, build_article, read_html, read_jsonl, read_txt

Reader = Callable[[Path, ReadContext], Iterator[Article | IngestError]]

READERS: dict[str, Reader] = {}


def register_reader(suffixes: Iterable[str], reader: Reader) -> None:
    """Use `reader` for files ending in any of `suffixes` (".txt", with the dot)."""
    for suffix in suffixes:
        READERS[suffix.lower()] = reader


register_reader([".txt", ".text"], read_txt)
register_reader([".html", ".htm"], read_html)
register_reader([".jsonl"], read_jsonl)


def known_suffixes() -> list[str]:
    return sorted(READERS)


def iter_sources(
    paths: Iterable[str | Path],
    published: date | None = None,
    settings: Settings | None = None,
    today: date | None = None,
) -> Iterator[Article | IngestError]:
    """Every article under `paths` (files or directories, recursively, sorted), in order.

    A rejected document or record is yielded as an `IngestError`; the batch goes on.
    """
    ctx = ReadContext(settings or Settings(), published, today or date.today())
    for path in paths:
        yield from _iter_path(Path(path), ctx)


def read_path(
    path: str | Path, published: date | None = None, settings: Settings | None = None
) -> list[Article]:
    """The articles in one file or directory; raises the first `IngestError` met.

    Use `iter_sources` for batches that should keep going past bad documents.
    """
    articles: list[Article] = []
    for item in iter_sources([path], published, settings):
        if isinstance(item, IngestError):
            raise item
        articles.append(item)
    return articles


def _iter_path(path: Path, ctx: ReadContext) -> Iterator[Article | IngestError]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in READERS and not _hidden(child, path):
                yield from _read_file(child, ctx)
        return
    if not path.exists():
        yield IngestError(str(path), "no such file or directory")
        return
    yield from _read_file(path, ctx)


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def _read_file(path: Path, ctx: ReadContext) -> Iterator[Article | IngestError]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(known_suffixes())
        yield IngestError(str(path), f"unknown file type {path.suffix or '(none)'!r}; known: {known}")
        return
    try:
        yield from reader(path, ctx)
    except IngestError as exc:
        yield exc


def article_from_text(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    origin: str = "<text>",
) -> Article:
    """Check a text given directly (not a file) and wrap it as an Article."""
    ctx = ReadContext(settings or Settings(), published, date.today())
    return build_article(text, ctx, origin, title=title, url=url, source=source)


__all__ = [
    "READERS", "ReadContext", "Reader", "article_from_text", "iter_sources", "known_suffixes",
    "read_path", "register_reader",
]
