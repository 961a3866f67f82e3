"""Built-in readers: plain text with optional headers, HTML (trafilatura), JSON lines.

A reader is `reader(path, ctx) -> Iterator[Article | IngestError]`; it raises
`IngestError` for a problem with the whole file and yields one for a single bad record
(a malformed JSONL line), so a batch goes on past it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import IngestError
from ..records import Article
from . import checks

HEADER = re.compile(r"^(title|published|source|url)\s*:\s*(.*?)\s*$", re.IGNORECASE)
ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class ReadContext:
    """What every reader needs besides the path."""

    settings: Settings
    published: date | None  # the --published argument
    today: date


def parse_published(value: object, origin: str) -> date | None:
    """An ISO date (or datetime) from metadata; None when absent; IngestError when malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    match = ISO_DATE.match(str(value))
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            pass
    raise IngestError(origin, f"published date {value!r} is not a date; use YYYY-MM-DD")


def build_article(
    text: str,
    ctx: ReadContext,
    origin: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    source: str | None = None,
) -> Article:
    """Check the text and wrap it in an Article with the best publication date available."""
    for problem in (checks.empty_problem(text, ctx.settings.min_chars), checks.language_problem(text)):
        if problem:
            raise IngestError(origin, problem)
    if published is not None:
        when, basis = published, "metadata"
    elif ctx.published is not None:
        when, basis = ctx.published, "argument"
    else:
        when, basis = ctx.today, "ingest_date"
    return Article(
        id=Article.make_id(text, url or None), text=text, title=title or None, url=url or None,
        published=when, published_basis=basis, source_name=source or None, origin=origin,
    )


def load_text(path: Path, ctx: ReadContext) -> str:
    """Read a whole file after checking its size, then reject binary or mis-encoded bytes."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > ctx.settings.max_bytes:
            raise IngestError(origin, _too_large(size, ctx.settings.max_bytes))
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(origin, f"cannot read file ({exc.strerror or exc})") from exc
    return decode_bytes(data, origin)


def decode_bytes(data: bytes, origin: str) -> str:
    problem = checks.looks_binary(data)
    if problem:
        raise IngestError(origin, problem)
    text, problem = checks.decode(data)
    if text is None:
        raise IngestError(origin, problem or "could not decode")
    return text


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size} bytes, over ingest.max_bytes={limit}); split it or raise the limit"


def read_txt(path: Path, ctx: ReadContext) -> Iterator[Article | IngestError]:
    """Plain text; optional `Title:`/`Published:`/`Source:`/`URL:` header lines at the top."""
    raw = load_text(path, ctx)
    meta, body = split_headers(raw)
    origin = str(path)
    yield build_article(
        body, ctx, origin, title=meta.get("title"), url=meta.get("url"),
        published=parse_published(meta.get("published"), origin), source=meta.get("source"),
    )


def split_headers(raw: str) -> tuple[dict[str, str], str]:
    """Header lines up to the first other line; one blank line after them is dropped."""
    lines = raw.splitlines(keepends=True)
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines):
        match = HEADER.match(lines[index])
        if not match or match.group(1).lower() in meta:
            break
        meta[match.group(1).lower()] = match.group(2)
        index += 1
    if meta and index < len(lines) and not lines[index].strip():
        index += 1
    return meta, "".join(lines[index:]) if meta else raw


def read_html(path: Path, ctx: ReadContext) -> Iterator[Article | IngestError]:
    """HTML page: main text and title/date/site name through trafilatura."""
    import trafilatura

    raw = load_text(path, ctx)
    origin = str(path)
    doc = trafilatura.bare_extraction(raw, with_metadata=True)
    if doc is None or not getattr(doc, "text", None):
        raise IngestError(origin, "empty document (no main text found in the HTML)")
    published = _html_date(getattr(doc, "date", None))
    yield build_article(
        str(getattr(doc, "text", "")), ctx, origin, title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        published=published, source=getattr(doc, "sitename", None),
    )


def _html_date(value: object) -> date | None:
    match = ISO_DATE.match(str(value)) if value else None
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_jsonl(path: Path, ctx: ReadContext) -> Iterator[Article | IngestError]:
    """One JSON object a line: `text` required; `title`, `url`, `published`, `source` optional."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _jsonl_record(line, f"{path}:{number}", ctx)


def _jsonl_record(line: bytes, origin: str, ctx: ReadContext) -> Article | IngestError:
    try:
        if len(line) > ctx.settings.max_bytes:
            raise IngestError(origin, _too_large(len(line), ctx.settings.max_bytes))
        record = _parse_json_line(decode_bytes(line, origin), origin)
        return build_article(
            record["text"], ctx, origin, title=_opt_str(record, "title", origin),
            url=_opt_str(record, "url", origin),
            published=parse_published(record.get("published"), origin),
            source=_opt_str(record, "source", origin),
        )
    except IngestError as exc:
        return exc


def _parse_json_line(text: str, origin: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise IngestError(origin, "a JSONL line must be an object with a \"text\" field")
    if not isinstance(record.get("text"), str):
        raise IngestError(origin, "missing \"text\" field (a string) in the JSONL object")
    return record


def _opt_str(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise IngestError(origin, f"field {key!r} must be a string, got {type(value).__name__}")
