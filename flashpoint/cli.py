"""The command line: parse arguments, call one library function, format the result.

Expected failures (`FlashpointError`) print one line `error: ...` on stderr and exit 2;
`ingest`, `extract` and `demo` exit 3 when some documents were rejected as bad input.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__
from .config import Settings, parse_overrides
from .errors import FlashpointError, IngestError

EXIT_ERROR = 2
EXIT_REJECTED = 3
DATE = click.DateTime(formats=["%Y-%m-%d"])


class FlashpointGroup(click.Group):
    """Turns expected errors into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FlashpointError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]  # type: ignore[no-any-return]


def _extractor(ctx: click.Context) -> Any:
    """The injected extractor (tests) or the cached default one for these settings."""
    if ctx.obj.get("extractor") is None:
        from .api import default_extractor

        _announce_gazetteer_build(ctx)
        ctx.obj["extractor"] = default_extractor(_settings(ctx))
    return ctx.obj["extractor"]


def _announce_gazetteer_build(ctx: click.Context) -> None:
    """Say why the first run pauses: the gazetteer is built once, on first use."""
    path = _settings(ctx).gazetteer_file()
    if not path.exists():
        click.echo(f"building the GeoNames gazetteer at {path} (first run only, under a "
                   f"minute)", err=True)


def _open_store(ctx: click.Context, db: str | None) -> Any:
    from .store import Store

    return Store(db or _settings(ctx).store_url)


def _echo_rejected(rejected: Iterable[IngestError]) -> None:
    for error in rejected:
        click.echo(f"skipped {error.origin}: {error.reason}", err=True)


@click.group(cls=FlashpointGroup)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a setting (repeatable), e.g. --set nlp.model=en_core_web_lg.")
@click.option("-v", "--verbose", count=True, help="Log progress (-v info, -vv debug).")
@click.version_option(__version__, prog_name="flashpoint")
@click.pass_context
def main(ctx: click.Context, overrides: tuple[str, ...], verbose: int) -> None:
    """flashpoint: news reports about armed conflict in, coded and geocoded events out."""
    if verbose:
        level = logging.DEBUG if verbose > 1 else logging.INFO
        logging.basicConfig(level=level, stream=sys.stderr,
                            format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["settings"] = Settings().with_overrides(parse_overrides(overrides))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, help="Publication date (YYYY-MM-DD) for documents "
              "whose metadata has none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl",
              show_default=True, help="Output format.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], published: datetime | None,
            fmt: str) -> None:
    """Print the events in files or folders (no database)."""
    from .export import write_events
    from .ingest import iter_sources

    extractor = _extractor(ctx)
    events, rejected = [], []
    for item in iter_sources(paths, published=_day(published), settings=_settings(ctx)):
        if isinstance(item, IngestError):
            rejected.append(item)
        else:
            events.extend(extractor.extract_article(item))
    write_events(events, _stdout(), fmt)
    _echo_rejected(rejected)
    ctx.exit(EXIT_REJECTED if rejected else 0)


def _stdout() -> TextIO:
    return sys.stdout


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", help="Database file or SQLAlchemy URL (default: setting store.url).")
@click.option("--published", type=DATE, help="Publication date (YYYY-MM-DD) for documents "
              "whose metadata has none.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], db: str | None,
           published: datetime | None) -> None:
    """Read, code and store documents; re-ingesting the same input adds nothing."""
    _run_ingest(ctx, list(paths), db, _day(published))
    ctx.exit(EXIT_REJECTED if ctx.obj.get("rejected") else 0)


def _run_ingest(ctx: click.Context, paths: list[Path], db: str | None,
                published: date | None) -> Any:
    from .api import ingest_paths

    store = _open_store(ctx, db)
    if ctx.obj.get("extractor") is None:
        _announce_gazetteer_build(ctx)
    report = ingest_paths(paths, store, published=published, extractor=ctx.obj.get("extractor"),
                        settings=_settings(ctx))
    click.echo(report.summary(), err=True)
    _echo_rejected(report.rejected)
    ctx.obj["rejected"] = bool(report.rejected)
    return store


@main.command()
@click.option("--db", help="Database file or SQLAlchemy URL (default: setting store.url).")
@click.option("--kind", type=click.Choice(["new", "past_reference"]), help="Event kind.")
@click.option("--type", "event_type", help="ACLED event type, e.g. \"Battles\".")
@click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. \"Armed clash\".")
@click.option("--country", help="Country name or ISO3 code.")
@click.option("--since", type=DATE, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DATE, help="Events on or before this date (YYYY-MM-DD).")
@click.option("--actor", help="Text contained in an actor's name.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.pass_context
def events(ctx: click.Context, db: str | None, fmt: str, since: datetime | None,
           until: datetime | None, **filters: Any) -> None:
    """List stored events, filtered."""
    from .export import write_events
    from .store import EventFilter

    flt = EventFilter(since=_day(since), until=_day(until), **filters)
    write_events(_open_store(ctx, db).events(flt), _stdout(), fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]),
              required=True, help="Export format.")
@click.option("--db", help="Database file or SQLAlchemy URL (default: setting store.url).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Output file (- for stdout).")
@click.pass_context
def export(ctx: click.Context, fmt: str, db: str | None, output: str) -> None:
    """Export every stored event as JSON lines, CSV (ACLED columns) or GeoJSON."""
    from .errors import ExportError
    from .export import write_events

    stored = _open_store(ctx, db).events()
    if output == "-":
        write_events(stored, _stdout(), fmt)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as fp:
            write_events(stored, fp, fmt)
    except OSError as exc:
        raise ExportError(f"cannot write {output} ({exc.strerror or exc}); check the path") from exc
    click.echo(f"wrote {len(stored)} events to {output}", err=True)


@main.command()
@click.option("--db", help="Database file or SQLAlchemy URL (default: setting store.url).")
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample articles and print their events."""
    from .export import write_events

    store = _run_ingest(ctx, [_samples_dir()], db, None)
    write_events(store.events(), _stdout(), "table")
    ctx.exit(EXIT_REJECTED if ctx.obj.get("rejected") else 0)


def _samples_dir() -> Path:
    from importlib.resources import files

    path = Path(str(files("flashpoint") / "samples"))
    if not path.is_dir():
        raise FlashpointError(f"bundled samples not found at {path}; reinstall flashpoint")
    return path


@main.group()
def gazetteer() -> None:
    """Manage the GeoNames gazetteer."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path),
              help="Gazetteer file (default: setting gazetteer.path or the cache folder).")
@click.option("--force", is_flag=True, help="Rebuild even when an up-to-date file exists.")
@click.pass_context
def gazetteer_build(ctx: click.Context, path: Path | None, force: bool) -> None:
    """Build the SQLite gazetteer now rather than on first use."""
    from .geo.gazetteer import open_gazetteer

    target = path or _settings(ctx).gazetteer_file()
    if force:
        from .geo.build import build_gazetteer

        build_gazetteer(target)
    open_gazetteer(target, build_if_missing=True)
    click.echo(f"gazetteer ready at {target}")


@main.group(name="eval")
def eval_group() -> None:
    """Score flashpoint against gold corpora (read in place, never copied)."""


@eval_group.command("geo")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="At most this many documents a file.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def eval_geo(ctx: click.Context, files: tuple[Path, ...], limit: int | None,
             as_json: bool) -> None:
    """Toponym recognition and resolution scores on geoparsing gold files."""
    import json

    from .eval.geo import evaluate_geo, format_table
    from .geo.gazetteer import open_gazetteer
    from .nlp import load_model

    settings = _settings(ctx)
    _announce_gazetteer_build(ctx)
    report = evaluate_geo(list(files), open_gazetteer(settings.gazetteer_file()),
                          load_model(settings.nlp_model), limit=limit)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else format_table(report))


@eval_group.command("events")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="At most this many documents a set.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def eval_events(ctx: click.Context, paths: tuple[Path, ...], limit: int | None,
                as_json: bool) -> None:
    """Event coding scores on gold sets, each recognised by its name."""
    import json

    from .eval.events import evaluate_events, format_table

    report = evaluate_events(list(paths), _extractor(ctx), limit=limit)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else format_table(report))


if __name__ == "__main__":  # pragma: no cover
    main()
