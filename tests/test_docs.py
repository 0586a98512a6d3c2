"""Every command has help and is documented (README.md or docs/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from legation.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
COMMANDS = sorted(get_command(app).commands)


def test_there_are_commands():
    assert {"read", "extract", "ingest", "timeline", "missions", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert get_command(app).commands[name].help, f"`legation {name}` has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name):
    assert re.search(rf"\blegation {name}\b", DOCS), f"`legation {name}` is not in README.md or docs/"
