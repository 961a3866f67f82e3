"""Store: round trips, idempotent re-ingest, migrations, filters, errors, lossless property."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.api import Extractor, ingest_paths as ingest
from flashpoint.errors import StoreError
from flashpoint.records import Article, Event
from flashpoint.store import EventFilter, Store
from flashpoint.store.schema import LATEST_VERSION

from conftest import INGEST_FIXTURES, make_event


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "events.db")


def test_new_database_is_migrated_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = Store(path)
    assert store.schema_version == LATEST_VERSION
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"meta", "articles", "events", "event_articles"} <= tables
    assert Store(path).schema_version == LATEST_VERSION  # reopening is a no-op


def test_missing_event_column_is_added_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE events DROP COLUMN confidence")
    store = Store(path)
    store.upsert_events([make_event(confidence=0.25)])
    assert store.events()[0].confidence == 0.25


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_corrupt_file_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="corrupt"):
        Store(path)


def test_missing_folder_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "x.db")


def test_folder_as_database_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def test_unknown_database_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store("nosuchdialect://somewhere/db")


def test_article_round_trip(store: Store) -> None:
    article = Article(id=Article.make_id("text here"), text="text here", title="T",
                      url=None, published=date(2024, 1, 2), published_basis="argument",
                      source_name="S", origin="a.txt")
    assert not store.has_article(article.id)
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.has_article(article.id)
    assert store.article(article.id) == article
    assert store.counts()["articles"] == 1


def test_event_round_trip_and_upsert(store: Store) -> None:
    event = make_event()
    assert store.upsert_events([event]) == 1
    assert store.events() == [event]
    changed = make_event(fatalities=4, notes="revised", article_ids=["a1", "a2"])
    assert store.upsert_events([changed]) == 0
    assert store.events() == [changed]
    assert store.counts() == {"articles": 0, "events": 1, "new": 1, "past_reference": 0}


def test_filters(store: Store) -> None:
    store.upsert_events([
        make_event(event_id="a", event_date="2024-01-01"),
        make_event(event_id="b", event_date="2024-02-01", kind="past_reference",
                   country="Mali", iso3="MLI", actor1="Wagner Group", actor2=None,
                   event_type="Battles", sub_event_type="Armed clash"),
        make_event(event_id="c", event_date="2024-03-01", assoc_actor_2="Local Villagers"),
    ])
    ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
    assert ids() == ["a", "b", "c"]
    assert ids(kind="past_reference") == ["b"]
    assert ids(event_type="battles") == ["b"]
    assert ids(sub_event_type="Air/drone strike") == ["a", "c"]
    assert ids(country="mli") == ["b"] and ids(country="Syria") == ["a", "c"]
    assert ids(since=date(2024, 1, 15)) == ["b", "c"]
    assert ids(until="2024-02-01") == ["a", "b"]
    assert ids(actor="wagner") == ["b"] and ids(actor="villagers") == ["c"]
    assert ids(limit=2) == ["a", "b"]
    assert [e.event_id for e in store.events(EventFilter(kind="new", limit=1))] == ["a"]


def test_ingest_twice_adds_nothing(store: Store, fake_extractor: Extractor) -> None:
    first = ingest([INGEST_FIXTURES], store, extractor=fake_extractor)
    counts = store.counts()
    assert first.added == 6 and len(first.rejected) == 2 and first.events_added > 0
    second = ingest([INGEST_FIXTURES], store, extractor=fake_extractor)
    assert (second.added, second.skipped, second.events_added) == (0, 6, 0)
    assert store.counts() == counts


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=30)
opt_texts = st.none() | texts
opt_ints = st.none() | st.integers(min_value=-(2**62), max_value=2**62)
floats = st.floats(allow_nan=False, allow_infinity=False)

events = st.builds(
    Event,
    event_id=st.text(min_size=1, max_size=20, alphabet="0123456789abcdef"),
    kind=st.sampled_from(["new", "past_reference"]), event_date=texts,
    time_precision=st.integers(1, 3), event_type=texts, sub_event_type=texts,
    actor1=opt_texts, inter1=opt_ints, assoc_actor_1=opt_texts, actor2=opt_texts,
    inter2=opt_ints, country=opt_texts, location=opt_texts, latitude=st.none() | floats,
    longitude=st.none() | floats, geonameid=opt_ints, fatalities=opt_ints,
    fatalities_low=opt_ints, injuries_high=opt_ints, source=opt_texts,
    sources=st.lists(texts, max_size=3), certainty=texts, notes=texts,
    evidence=st.lists(st.fixed_dictionaries({
        "article_id": texts, "start": st.integers(0, 10**6), "end": st.integers(0, 10**6),
        "text": texts}), max_size=3),
    plover=st.none() | st.dictionaries(texts, texts, max_size=2), confidence=floats,
    article_ids=st.lists(texts, max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(event=events)
def test_event_store_round_trip_is_lossless(event: Event) -> None:
    store = Store("sqlite://")  # a fresh in-memory database per example
    store.upsert_events([event])
    assert store.events() == [event]
