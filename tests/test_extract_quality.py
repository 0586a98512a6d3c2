"""Extraction quality against the hand-made reference answers, scored by ../shared/eval/score.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from legation.extract import extract_article
from legation.read import read_path
from legation.record import validate
from tests.conftest import corpus_files

# The figures issue 3 requires (score.py F1; "overall" is the mean of the headline kinds).
REQUIRED = {
    "seed": {"overall": 0.95, "events_strict": 0.90, "missions": 1.00},
    "dev": {"overall": 0.85, "events_strict": 0.75, "missions": 0.90},
}


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("legation_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(folder):
    return [extract_article(next(read_path(p))) for p in sorted(folder.glob("*.txt"))]


# Our own sets, each in tests/fixtures/<name> with a README saying how it was made. The first
# (heldout): ten articles written and annotated apart from the rules. It has since been used to find
# general gaps, so its bar guards against regressions.
REQUIRED["heldout"] = {"overall": 0.90, "events_strict": 0.80, "missions": 0.95, "people": 0.85}
# A second set of our own (tests/fixtures/dev2/README.md), written apart from the rules to find their
# general gaps; its bar guards what was gained on it (0.973 after this round).
REQUIRED["dev2"] = {"overall": 0.95, "events_strict": 0.85, "missions": 0.95, "people": 0.90}
# A third (tests/fixtures/dev3/README.md), annotated to the corpus's conventions and kept held out: no
# rule is tuned on it. Its bar sits under what the rules gave when it arrived (overall 0.923).
REQUIRED["dev3"] = {"overall": 0.90, "events_strict": 0.78, "missions": 0.95, "people": 0.84}
# A fourth (tests/fixtures/dev4/README.md), for finding general gaps like dev2 (0.942 when it arrived).
REQUIRED["dev4"] = {"overall": 0.95, "events_strict": 0.90, "missions": 0.95, "people": 0.90}
# A fifth (tests/fixtures/dev5/README.md), for finding general gaps (0.923 when it arrived).
REQUIRED["dev5"] = {"overall": 0.90, "events_strict": 0.75, "missions": 0.95, "people": 0.85}
# A sixth (tests/fixtures/dev6/README.md), held out like dev3: no rule is tuned on it (0.937 when it
# arrived; its bar sits under that).
REQUIRED["dev6"] = {"overall": 0.91, "events_strict": 0.80, "missions": 0.95, "people": 0.84}
# A seventh (tests/fixtures/dev7/README.md), for finding general gaps (0.898 with the rules before this round,
# 0.908 when it arrived).
REQUIRED["dev7"] = {"overall": 0.89, "events_strict": 0.76, "missions": 0.90, "people": 0.88}
# An eighth (tests/fixtures/dev8/README.md), for finding general gaps (0.910 with the rules before this round,
# 0.916 when it arrived).
REQUIRED["dev8"] = {"overall": 0.90, "events_strict": 0.70, "missions": 0.95, "people": 0.84}
# A ninth (tests/fixtures/dev9/README.md), for finding general gaps (0.919 with the rules before this round).
REQUIRED["dev9"] = {"overall": 0.89, "events_strict": 0.66, "missions": 0.95, "people": 0.84}
# A tenth (tests/fixtures/dev10/README.md), held out like dev3 and dev6: no rule is tuned on it (0.945 when it
# arrived, as with the rules before this round; its bar sits under that).
REQUIRED["dev10"] = {"overall": 0.91, "events_strict": 0.74, "missions": 0.95, "people": 0.85}
# An eleventh (tests/fixtures/dev11/README.md), for finding general gaps (0.912 with the rules before this round).
REQUIRED["dev11"] = {"overall": 0.92, "events_strict": 0.78, "missions": 0.95, "people": 0.88}
# A twelfth (tests/fixtures/dev12/README.md), longer articles, for finding general gaps (0.881 with the rules before
# this round, 0.882 with this round's rules written before it arrived).
REQUIRED["dev12"] = {"overall": 0.89, "events_strict": 0.72, "missions": 0.95, "people": 0.84}
# A thirteenth (tests/fixtures/dev13/README.md), longer articles, for finding general gaps (0.920 with the rules
# before this round).
REQUIRED["dev13"] = {"overall": 0.91, "events_strict": 0.76, "missions": 0.95, "people": 0.85}
# A fifteenth (tests/fixtures/dev15/README.md), longer articles, for finding general gaps (0.927 with the rules
# before this round).
REQUIRED["dev15"] = {"overall": 0.92, "events_strict": 0.78, "missions": 0.95, "people": 0.85}
# A fourteenth (tests/fixtures/dev14/README.md), held out like dev3, dev6 and dev10: no rule is tuned on it (0.927
# when it arrived, 0.925 with the rules before this round; its bar sits under that).
REQUIRED["dev14"] = {"overall": 0.90, "events_strict": 0.70, "missions": 0.95, "people": 0.85}
# A sixteenth (tests/fixtures/dev16/README.md), held out like dev14: no rule is tuned on it (0.917 when it arrived,
# after this round's rules, 0.915 with the rules before; its bar sits under that).
REQUIRED["dev16"] = {"overall": 0.89, "events_strict": 0.70, "missions": 0.95, "people": 0.80}
FOLDERS = {name: Path(__file__).parent / "fixtures" / name for name in REQUIRED if name not in ("seed", "dev")}


@pytest.mark.parametrize("subset", list(REQUIRED))
def test_scores_meet_the_bar(shared, subset, tmp_path, capsys):
    score = _scorer(shared)
    folder = FOLDERS.get(subset) or shared / "corpus" / subset
    pred = tmp_path / f"{subset}.jsonl"
    pred.write_text("\n".join(r.to_json() for r in _records(folder)) + "\n", encoding="utf-8")
    args = ["--gold", str(folder), "--pred", str(pred), "--json"]
    assert score.main(args) == 0
    figures = json.loads(capsys.readouterr().out)
    with capsys.disabled():
        summary = ", ".join(f"{k} {figures[k]['f1']:.3f}" for k in figures if isinstance(figures[k], dict))
        print(f"\n[{subset}] overall {figures['overall']:.3f}: {summary}")
    assert not figures["missing_records"]
    short = {}
    for kind, minimum in REQUIRED[subset].items():
        got = figures["overall"] if kind == "overall" else figures[kind]["f1"]
        if got < minimum:
            short[kind] = round(got, 3)
    assert not short, f"below the bar on {subset}: {short} (required {REQUIRED[subset]})"


def test_every_fact_has_evidence_that_round_trips(shared):
    for path in corpus_files():
        article = next(read_path(path))
        record = extract_article(article)
        for fact in record.facts():
            assert fact.evidence, (path.name, fact)
            assert article.text[fact.span[0]:fact.span[1]] == fact.evidence, (path.name, fact)


def test_records_validate_against_the_shipped_schema(shared):
    for path in corpus_files():
        record = extract_article(next(read_path(path))).to_dict()
        assert validate(record) == [], path.name
