"""Shared fixtures: where ../shared is, and the corpus files in it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LEGATION_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "morocco-russia-relations.txt"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is not beside the checkout (looked in {SHARED}); CI always has it")
    return SHARED
