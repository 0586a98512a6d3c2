"""The `legation` command: output, exit codes and one-line errors for bad input."""

from __future__ import annotations

import bz2
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from legation.cli import app, sample_paths
from tests.conftest import SEED

runner = CliRunner()


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console entry point, as a user runs it."""
    exe = Path(sys.executable).with_name("legation")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})


def test_read_outline_and_json():
    sample = next(p for p in sample_paths() if p.name.startswith("morocco-russia"))
    out = runner.invoke(app, ["read", str(sample)])
    assert out.exit_code == 0, out.output
    assert "Morocco–Russia relations  [plain]" in out.output
    assert "infobox Mission1: Embassy of Morocco, Moscow" in out.output
    data = json.loads(runner.invoke(app, ["read", "--json", str(sample)]).output)
    text = sample.read_text(encoding="utf-8")
    for block in data["blocks"]:
        assert text[block["span"][0]:block["span"][1]] == block["text"]


def test_samples_are_the_shared_corpus_texts(shared):
    bundled = {p.name: p.read_bytes() for p in sample_paths()}
    originals = {p.name: p.read_bytes() for p in sorted((shared / "corpus").glob("*/*.txt"))}
    assert bundled == originals, "src/legation/data/samples no longer matches ../shared/corpus: copy them again"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02\x89PNG\x00" * 50, "this is a binary file, not an article"),
        ("latin1.txt", b"= A-B relations =\n\nCaf\xe9 society.\n", "not UTF-8 (byte 22, line 3)"),
        ("empty.txt", b"", "the file is empty"),
        ("cut.xml.bz2", bz2.compress(b"<mediawiki><page><title>A\xe2\x80\x93B relations</title>" * 200)[:60],
         "bz2"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_others_still_run(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    result = _run("read", str(bad), str(SEED if SEED.exists() else sample_paths()[0]))
    assert result.returncode == 2, result
    err = result.stderr.strip().splitlines()
    assert len(err) == 1, result.stderr
    assert err[0].startswith(f"legation: {bad}"), err
    assert message in err[0]
    assert "Traceback" not in result.stderr
    assert "relations  [plain]" in result.stdout  # the good file after the bad one was still read


def test_missing_path_and_directory(tmp_path):
    result = _run("read", str(tmp_path / "nope.txt"), str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"legation: {tmp_path / 'nope.txt'}: no such file (check the path)",
        f"legation: {tmp_path}: is a directory, not an article file (name the files, e.g. DIR/*.txt)",
    ]


def test_no_paths_is_a_usage_error():
    result = _run("read")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_extract_json_lines_follow_the_contract():
    result = _run("extract", "--json", "--samples")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 16
    records = [json.loads(line) for line in lines]
    assert all(r["schema"] == "relation-record/1" for r in records)
    seed = next(r for r in records if r["title"] == "Morocco–Russia relations")
    assert seed["countries"] == ["MAR", "RUS"]
    assert {"kind": "consulate", "sender": "RUS", "host": "MAR", "city": "Tangier"}.items() <= next(
        m for m in seed["missions"] if m["city"] == "Tangier").items()


def test_extract_summary_is_readable():
    result = _run("extract", str(sample_paths()[0]))
    assert result.returncode == 0, result.stderr
    assert "relations  (" in result.stdout.splitlines()[0]


def test_extract_rejects_a_title_that_names_no_two_countries(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text("= Cheese =\n\nCheese is food.\n", encoding="utf-8")
    result = _run("extract", str(odd))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"legation: {odd}: title 'Cheese' does not name two countries "
        "(expected a title such as 'Morocco–Russia relations')"
    )
