"""Tables and migrations for the event store (SQLAlchemy Core, no ORM).

The `events` table has one column per `Event` field; list and dict fields are JSON text.
`MIGRATIONS` maps each schema version to the function that brings the database to it;
`Store` applies the missing ones in order when it opens a database.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import fields

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from ..records import Event

metadata = MetaData()

meta_table = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles_table = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_basis", String(32)),
    Column("source_name", Text),
    Column("language", String(16)),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

event_articles_table = Table(
    "event_articles", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("article_id", String(64), primary_key=True),
)


def event_field_kinds() -> dict[str, str]:
    """Each Event field -> "str" | "int" | "float" | "json" (lists and dicts)."""
    hints = typing.get_type_hints(Event)
    return {f.name: _kind_of(hints[f.name]) for f in fields(Event)}


def _kind_of(hint: object) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return _kind_of(args[0]) if len(args) == 1 else "json"
    if typing.get_origin(hint) in (list, dict, tuple) or hint in (list, dict, tuple):
        return "json"
    if hint is int:
        return "int"
    if hint is float:
        return "float"
    return "str"


def _column_for(name: str, kind: str) -> Column[typing.Any]:
    types: dict[str, TypeEngine[typing.Any]] = {"int": Integer(), "float": Float()}
    sql_type = types.get(kind, Text())
    return Column(name, sql_type, primary_key=(name == "event_id"))


EVENT_FIELD_KINDS = event_field_kinds()

events_table = Table(
    "events", metadata,
    *[_column_for(name, kind) for name, kind in EVENT_FIELD_KINDS.items()],
)


def _migrate_to_1(conn: Connection) -> None:
    """Version 1: meta, articles, events, event_articles."""
    metadata.create_all(conn, tables=[meta_table, articles_table, events_table,
                                      event_articles_table])


Migration = Callable[[Connection], None]

# version -> the function that brings a database at version - 1 up to it
MIGRATIONS: dict[int, Migration] = {1: _migrate_to_1}
LATEST_VERSION = max(MIGRATIONS)
