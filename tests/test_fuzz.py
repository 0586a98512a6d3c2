"""The fuzzer of ``make fuzz`` in small: a deterministic slice of its inputs must pass its checks, and
every input it ever found failing (``tests/fixtures/fuzz/*.json``) must pass them now."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("legation_fuzz", ROOT / "fuzz" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fuzz
_spec.loader.exec_module(fuzz)

FOUND = sorted((Path(__file__).parent / "fixtures" / "fuzz").glob("*.json"))


def test_a_slice_of_the_fuzz_run_passes(tmp_path):
    result = fuzz.run_chunk((11, 300, 10, 60.0, 30.0, str(tmp_path / "crashes")))
    counts = result["counts"]
    assert result["failures"] == [], [Path(f).read_text("utf-8")[:2000] for f in result["failures"]]
    assert counts["mutated"] + counts["grammar"] + counts["arbitrary"] == 300
    assert counts["extracted"] + counts["ingested"] > 150  # most inputs are relations articles
    assert counts["ingested"] >= 15  # every tenth, when it is a relations article


def test_inputs_are_reproducible_from_the_seed():
    seeds = fuzz.seed_texts()
    one, two = random.Random(5), random.Random(5)
    made = [fuzz.make_input(one, seeds) for _ in range(50)]
    assert made == [fuzz.make_input(two, seeds) for _ in range(50)]
    assert {how for how, *_ in made} == {"mutated", "grammar", "arbitrary"}


@pytest.mark.parametrize("path", FOUND, ids=[p.stem for p in FOUND])
def test_inputs_that_once_failed(path):
    case = json.loads(path.read_text("utf-8"))
    assert fuzz.check(case["format"], case["text"], case.get("title")) in ("extracted", "not_relations")
