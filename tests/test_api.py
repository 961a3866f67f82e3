"""Python API: Extractor with injected stages, extract/ingest, cheap import, pipeline wiring."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest

import flashpoint
from flashpoint.api import Extractor, IngestReport, default_stages, ingest_paths
from flashpoint.config import Settings
from flashpoint.errors import IngestError, PipelineOrderError
from flashpoint.pipeline import Analysis
from flashpoint.store import Store

from conftest import INGEST_FIXTURES, FakeCoder, fake_to_event

TEXT = "Protesters gathered outside the ministry on Monday, and the police said the protest ended."


def test_package_exports() -> None:
    assert flashpoint.__version__
    for name in ("extract", "Extractor", "Store", "ingest_paths"):
        assert getattr(flashpoint, name) is not None
    with pytest.raises(AttributeError):
        getattr(flashpoint, "nothing_here")


def test_top_level_ingest_paths_is_the_api_function(tmp_path: Path,
                                                    fake_extractor: Extractor) -> None:
    import flashpoint

    store = Store(tmp_path / "a.db")
    report = flashpoint.ingest_paths([INGEST_FIXTURES / "with_headers.txt"], store,
                                     extractor=fake_extractor)
    assert report.added == 1
    assert flashpoint.ingest_paths is ingest_paths
    again = ingest_paths([INGEST_FIXTURES / "with_headers.txt"], store, extractor=fake_extractor)
    assert again.skipped == 1 and again.added == 0


def test_import_is_cheap() -> None:
    code = ("import sys, flashpoint, flashpoint.ingest; heavy = [m for m in ('spacy', "
            "'sqlalchemy', 'trafilatura', 'flashpoint.api', 'flashpoint.store') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_text_with_injected_stages(fake_extractor: Extractor) -> None:
    events = fake_extractor.extract_text(TEXT, published=date(2024, 4, 1), title="t")
    assert [e.sub_event_type for e in events] == ["Peaceful protest", "Peaceful protest"]
    assert {e.event_date for e in events} == {"2024-04-01"}


def test_extract_text_without_date_uses_today(fake_extractor: Extractor) -> None:
    [first, *_] = fake_extractor.extract_text(TEXT)
    assert first.event_date == date.today().isoformat()


def test_extract_text_rejects_bad_input(fake_extractor: Extractor) -> None:
    with pytest.raises(IngestError, match="empty"):
        fake_extractor.extract_text("")


def test_stage_order_is_checked_when_built() -> None:
    class NeedsDoc:
        name: ClassVar[str] = "needs.doc"
        requires: ClassVar[tuple[str, ...]] = ("doc",)
        assigns: ClassVar[tuple[str, ...]] = ("mentions",)

        def __call__(self, analysis: Analysis) -> None:
            raise AssertionError("never run")

    with pytest.raises(PipelineOrderError, match="doc"):
        Extractor(stages=[NeedsDoc()], to_event=fake_to_event)


def test_ingest_report(tmp_path: Path, fake_extractor: Extractor) -> None:
    store = Store(tmp_path / "a.db")
    report = ingest_paths([INGEST_FIXTURES / "batch.jsonl"], store, extractor=fake_extractor)
    assert isinstance(report, IngestReport)
    assert (report.added, report.skipped, len(report.rejected)) == (2, 0, 2)
    assert report.events_added == store.counts()["events"] > 0
    assert not report.ok and "2 articles added" in report.summary()
    stored = store.events()
    assert all(e.article_ids and store.has_article(e.article_ids[0]) for e in stored)


def test_ingest_uses_settings_for_checks(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    extractor = Extractor(Settings(min_chars=10_000), stages=[FakeCoder()],
                          to_event=fake_to_event)
    report = ingest_paths([INGEST_FIXTURES / "with_headers.txt"], store, extractor=extractor)
    assert report.added == 0 and "min_chars" in report.rejected[0].reason


@pytest.mark.model
@pytest.mark.gazetteer
def test_default_pipeline_is_wired_in_contract_order() -> None:
    stages = default_stages(Settings())
    assert [s.assigns[0] for s in stages] == [
        "doc", "places", "actors", "dates", "tolls", "attributions", "mentions"]
    assert Extractor(stages=stages).pipeline.describe()[-1]["assigns"] == ["mentions"]


@pytest.mark.model
@pytest.mark.gazetteer
def test_model_settings_reach_the_event_coder() -> None:
    settings = Settings().with_overrides(
        {"coding.model": "off", "coding.role_model": "off", "coding.model_add": "0.9"})
    coder = default_stages(settings)[-1]
    assert coder.policy.mode == "off" and coder.policy.add == 0.9  # type: ignore[attr-defined]
    assert coder.role_model == "off"  # type: ignore[attr-defined]


def test_as_date_accepts_iso_strings_and_dates() -> None:
    from flashpoint.api import as_date

    assert as_date("2024-02-03") == date(2024, 2, 3)
    assert as_date(date(2024, 2, 3)) == date(2024, 2, 3)
    assert as_date(None) is None
    with pytest.raises(IngestError, match="not an ISO date"):
        as_date("3 Feb 2024")
