"""The event store: SQLite by default (one file), any SQLAlchemy URL (PostgreSQL) later.

`Store(url_or_path)` opens (and creates or migrates) the database. Articles are keyed by
their content-hash id and events by `event_id`, so ingesting the same input twice adds
nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    func,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..records import Article, Event
from .schema import (
    EVENT_FIELD_KINDS,
    LATEST_VERSION,
    MIGRATIONS,
    articles_table,
    event_articles_table,
    events_table,
    meta_table,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventFilter:
    """Filters for `Store.events`; every one optional, all must hold."""

    kind: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None  # country name or ISO3, case-insensitive
    since: date | str | None = None
    until: date | str | None = None
    actor: str | None = None  # substring of actor1/actor2/assoc actors, case-insensitive
    limit: int | None = None


def engine_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL for a URL or a plain file path (SQLite)."""
    value = str(url_or_path)
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


class Store:
    """Articles and events in a SQL database, created and migrated on open."""

    def __init__(self, url_or_path: str | Path):
        self.url = engine_url(url_or_path)
        self._check_sqlite_path()
        try:
            self.engine: Engine = create_engine(self.url)
            with self.engine.begin() as conn:
                self._migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(self._explain(exc)) from exc
        except ImportError as exc:
            raise StoreError(f"the database driver for {self.url.split(':', 1)[0]} is not "
                             f"installed ({exc.name}); install it with pip, for PostgreSQL "
                             f"`pip install psycopg`") from exc

    def _check_sqlite_path(self) -> None:
        if not self.url.startswith("sqlite:///"):
            return
        path = Path(self.url.removeprefix("sqlite:///"))
        if not path.parent.exists():
            raise StoreError(f"cannot create database {path}: folder {path.parent} does not exist")
        if path.is_dir():
            raise StoreError(f"database path {path} is a folder; give a file name such as "
                             f"{path / 'flashpoint.db'}")

    def _explain(self, exc: SQLAlchemyError) -> str:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return (f"cannot open or write the event store {self.url} ({detail}); check the path "
                f"and its permissions, or move a corrupt file aside and ingest again")

    def _migrate(self, conn: Connection) -> None:
        current = self._schema_version(conn)
        if current > LATEST_VERSION:
            raise StoreError(f"database schema version {current} is newer than this flashpoint "
                             f"supports ({LATEST_VERSION}); upgrade flashpoint")
        for version in sorted(v for v in MIGRATIONS if v > current):
            log.info("migrating event store to schema version %d", version)
            MIGRATIONS[version](conn)
            self._set_version(conn, version)
        self._add_missing_event_columns(conn)

    def _schema_version(self, conn: Connection) -> int:
        if not inspect(conn).has_table("meta"):
            return 0
        row = conn.execute(
            select(meta_table.c.value).where(meta_table.c.key == "schema_version")
        ).first()
        return int(row[0]) if row else 0

    def _set_version(self, conn: Connection, version: int) -> None:
        conn.execute(delete(meta_table).where(meta_table.c.key == "schema_version"))
        conn.execute(meta_table.insert().values(key="schema_version", value=str(version)))

    def _add_missing_event_columns(self, conn: Connection) -> None:
        """A field added to `Event` gets its column here, so old databases keep working."""
        present = {c["name"] for c in inspect(conn).get_columns("events")}
        for column in events_table.columns:
            if column.name not in present:
                sql_type = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE events ADD COLUMN "{column.name}" {sql_type}'))

    @property
    def schema_version(self) -> int:
        with self._connect() as conn:
            return self._schema_version(conn)

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(self._explain(exc)) from exc

    def _write(self, action: Any) -> Any:
        try:
            with self.engine.begin() as conn:
                return action(conn)
        except SQLAlchemyError as exc:
            raise StoreError(self._explain(exc)) from exc

    def _read(self, action: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return action(conn)
        except SQLAlchemyError as exc:
            raise StoreError(self._explain(exc)) from exc

    # articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        query = select(articles_table.c.id).where(articles_table.c.id == article_id)
        return bool(self._read(lambda conn: conn.execute(query).first()))

    def add_article(self, article: Article) -> bool:
        """Store the article; False when one with the same id is already there."""
        def action(conn: Connection) -> bool:
            if conn.execute(select(articles_table.c.id).where(
                    articles_table.c.id == article.id)).first():
                return False
            conn.execute(articles_table.insert().values(**_article_row(article)))
            return True
        return bool(self._write(action))

    def article(self, article_id: str) -> Article | None:
        query = select(articles_table).where(articles_table.c.id == article_id)
        row = self._read(lambda conn: conn.execute(query).mappings().first())
        return _row_article(dict(row)) if row else None

    # events -----------------------------------------------------------------------------

    def upsert_events(self, events: Iterable[Event]) -> int:
        """Insert or replace events by `event_id`; returns how many were new."""
        batch = list(events)
        return int(self._write(lambda conn: sum(_upsert_event(conn, e) for e in batch)))

    def events(self, filters: EventFilter | None = None, **kwargs: Any) -> list[Event]:
        """Events matching the filters (an `EventFilter` or its fields as keywords)."""
        flt = filters or EventFilter(**kwargs)
        query = _filtered_query(flt)
        rows = self._read(lambda conn: [dict(r) for r in conn.execute(query).mappings()])
        return [event_from_row(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Numbers of articles, events, new events and past references."""
        def action(conn: Connection) -> dict[str, int]:
            out = {
                "articles": conn.execute(select(func.count()).select_from(articles_table)).scalar_one(),
                "events": conn.execute(select(func.count()).select_from(events_table)).scalar_one(),
            }
            for kind in ("new", "past_reference"):
                out[kind] = conn.execute(select(func.count()).select_from(events_table).where(
                    events_table.c.kind == kind)).scalar_one()
            return out
        return dict(self._read(action))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "url": article.url, "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_basis": article.published_basis, "source_name": article.source_name,
        "language": article.language, "origin": article.origin, "text": article.text,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _row_article(row: dict[str, Any]) -> Article:
    published = date.fromisoformat(row["published"]) if row["published"] else None
    return Article(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], published=published,
        published_basis=row["published_basis"] or "metadata", source_name=row["source_name"],
        language=row["language"] or "en", origin=row["origin"],
    )


def event_to_row(event: Event) -> dict[str, Any]:
    """One `events` row: JSON text for list and dict fields."""
    data = event.to_dict()
    return {
        name: (None if data[name] is None else json.dumps(data[name], ensure_ascii=False))
        if kind == "json" else data[name]
        for name, kind in EVENT_FIELD_KINDS.items()
    }


def event_from_row(row: dict[str, Any]) -> Event:
    data: dict[str, Any] = {}
    for name, kind in EVENT_FIELD_KINDS.items():
        value = row.get(name)
        data[name] = json.loads(value) if kind == "json" and value is not None else value
    for name in ("sources", "evidence", "article_ids"):
        if data.get(name) is None:
            data[name] = []
    return Event.from_dict(data)


def _upsert_event(conn: Connection, event: Event) -> int:
    exists = conn.execute(select(events_table.c.event_id).where(
        events_table.c.event_id == event.event_id)).first()
    row = event_to_row(event)
    if exists:
        conn.execute(events_table.update().where(
            events_table.c.event_id == event.event_id).values(**row))
    else:
        conn.execute(events_table.insert().values(**row))
    _link_articles(conn, event)
    return 0 if exists else 1


def _link_articles(conn: Connection, event: Event) -> None:
    known = {r[0] for r in conn.execute(select(event_articles_table.c.article_id).where(
        event_articles_table.c.event_id == event.event_id))}
    for article_id in dict.fromkeys(event.article_ids):
        if article_id not in known:
            conn.execute(event_articles_table.insert().values(
                event_id=event.event_id, article_id=article_id))


def _filtered_query(flt: EventFilter) -> Any:
    t = events_table.c
    query = select(events_table)
    for column, value in (("kind", flt.kind), ("event_type", flt.event_type),
                          ("sub_event_type", flt.sub_event_type)):
        if value:
            query = query.where(func.lower(t[column]) == value.lower())
    if flt.country:
        wanted = flt.country.lower()
        query = query.where(or_(func.lower(t.country) == wanted, func.lower(t.iso3) == wanted))
    if flt.since:
        query = query.where(t.event_date >= str(flt.since))
    if flt.until:
        query = query.where(t.event_date <= str(flt.until))
    if flt.actor:
        pattern = f"%{flt.actor.lower()}%"
        query = query.where(or_(*(func.lower(t[c]).like(pattern) for c in (
            "actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))))
    query = query.order_by(t.event_date, t.event_id)
    return query.limit(flt.limit) if flt.limit else query


__all__ = ["EventFilter", "Store", "engine_url", "event_from_row", "event_to_row"]
