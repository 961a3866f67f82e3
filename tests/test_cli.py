"""CLI through click's CliRunner with the fake pipeline; one real end-to-end extract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from flashpoint.api import Extractor
from flashpoint.cli import main
from flashpoint.records import Event

from conftest import INGEST_FIXTURES

STRIKE = ("Title: Strike in Syria\nPublished: 2024-02-03\n\nAn air strike hit a militia "
          "position in eastern Syria on Friday, killing three fighters, state media said.\n")


def run(args: list[str], extractor: Extractor | None = None) -> Result:
    runner = CliRunner()
    obj: dict[str, Any] = {"extractor": extractor} if extractor else {}
    return runner.invoke(main, args, obj=obj, catch_exceptions=False)


@pytest.fixture
def strike_file(tmp_path: Path) -> Path:
    path = tmp_path / "strike.txt"
    path.write_text(STRIKE, encoding="utf-8")
    return path


def test_extract_jsonl(strike_file: Path, fake_extractor: Extractor) -> None:
    result = run(["extract", str(strike_file)], fake_extractor)
    assert result.exit_code == 0, result.output
    [event] = [Event.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert (event.sub_event_type, event.event_date, event.iso3) == (
        "Air/drone strike", "2024-02-03", "SYR")


def test_extract_table_and_csv(strike_file: Path, fake_extractor: Extractor) -> None:
    table = run(["extract", "--format", "table", str(strike_file)], fake_extractor)
    assert "Air/drone strike" in table.stdout and "(1 event)" in table.stdout
    csv_out = run(["extract", "--format", "csv", str(strike_file)], fake_extractor)
    assert csv_out.stdout.splitlines()[0].startswith("event_id,kind,event_date")


def test_extract_published_argument(tmp_path: Path, fake_extractor: Extractor) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STRIKE.split("\n\n", 1)[1], encoding="utf-8")
    result = run(["extract", "--published", "2023-12-31", str(path)], fake_extractor)
    assert json.loads(result.stdout.splitlines()[0])["event_date"] == "2023-12-31"


def test_ingest_reports_rejections_and_exits_3(tmp_path: Path, fake_extractor: Extractor) -> None:
    db = tmp_path / "f.db"
    result = run(["ingest", str(INGEST_FIXTURES), "--db", str(db)], fake_extractor)
    assert result.exit_code == 3
    assert "6 articles added, 0 already present, 2 rejected" in result.stderr
    assert result.stderr.count("skipped ") == 2 and "batch.jsonl:2" in result.stderr
    again = run(["ingest", str(INGEST_FIXTURES / "with_headers.txt"), "--db", str(db)],
                fake_extractor)
    assert again.exit_code == 0 and "0 articles added, 1 already present" in again.stderr


def test_events_filters_and_formats(tmp_path: Path, strike_file: Path,
                                    fake_extractor: Extractor) -> None:
    db = str(tmp_path / "f.db")
    assert run(["ingest", str(strike_file), "--db", db], fake_extractor).exit_code == 0
    table = run(["events", "--db", db, "--country", "SYR"])
    assert "Air/drone strike" in table.stdout
    none = run(["events", "--db", db, "--kind", "past_reference", "--format", "jsonl"])
    assert none.exit_code == 0 and none.stdout == ""
    dated = run(["events", "--db", db, "--since", "2024-02-01", "--until", "2024-02-05",
                 "--actor", "test", "--type", "Explosions/Remote violence", "--limit", "5",
                 "--format", "jsonl"])
    assert len(dated.stdout.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_to_file(tmp_path: Path, strike_file: Path, fake_extractor: Extractor,
                        fmt: str) -> None:
    db, out = str(tmp_path / "f.db"), tmp_path / f"out.{fmt}"
    run(["ingest", str(strike_file), "--db", db], fake_extractor)
    result = run(["export", "--format", fmt, "--db", db, "-o", str(out)])
    assert result.exit_code == 0 and "wrote 1 events" in result.stderr
    content = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert len(json.loads(content)["features"]) == 1
    else:
        assert "Air/drone strike" in content


def test_expected_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    bad_setting = run(["--set", "nope=1", "events", "--db", str(tmp_path / "x.db")])
    assert bad_setting.exit_code == 2
    assert bad_setting.stderr.startswith("error: unknown setting 'nope'")
    assert len(bad_setting.stderr.splitlines()) == 1
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 200)
    result = run(["events", "--db", str(corrupt)])
    assert result.exit_code == 2 and result.stderr.startswith("error: cannot open")
    assert "Traceback" not in result.output


def test_verbose_flag_and_version(tmp_path: Path, strike_file: Path,
                                  fake_extractor: Extractor) -> None:
    result = run(["-vv", "ingest", str(strike_file), "--db", str(tmp_path / "f.db")],
                 fake_extractor)
    assert result.exit_code == 0
    assert "flashpoint" in run(["--version"]).stdout


def test_set_overrides_reach_ingest(tmp_path: Path, fake_extractor: Extractor) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STRIKE, encoding="utf-8")
    result = run(["--set", "ingest.min_chars=100000", "ingest", str(path), "--db",
                  str(tmp_path / "f.db")], fake_extractor)
    assert result.exit_code == 3 and "min_chars=100000" in result.stderr


def test_store_url_setting_is_the_default_db(tmp_path: Path, strike_file: Path,
                                             fake_extractor: Extractor) -> None:
    db = tmp_path / "via-setting.db"
    run(["--set", f"store.url={db}", "ingest", str(strike_file)], fake_extractor)
    assert db.exists()


def test_demo_ingests_bundled_samples(tmp_path: Path, fake_extractor: Extractor) -> None:
    samples = Path(__file__).parents[1] / "flashpoint" / "samples"
    if not any(samples.glob("*")):
        pytest.skip("no bundled samples yet")
    result = run(["demo", "--db", str(tmp_path / "d.db")], fake_extractor)
    assert result.exit_code == 0, result.stderr
    assert "articles added" in result.stderr and "sub_event_type" in result.stdout


@pytest.mark.model
@pytest.mark.gazetteer
def test_real_extract_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text(STRIKE, encoding="utf-8")
    result = run(["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.stderr
    events = [Event.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert events, "the real pipeline found no event in a plain air-strike report"
    assert any(e.event_type == "Explosions/Remote violence" and e.iso3 == "SYR" for e in events)
