"""Shared fixtures: where ../shared is, and the corpus files in it."""

from __future__ import annotations

import contextlib
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


# --- databases for the store tests: SQLite always, PostgreSQL when LEGATION_TEST_PG names a server ---

PG_ENV = "LEGATION_TEST_PG"
PG_HOWTO = f"set {PG_ENV}=postgresql+psycopg://…, as .ci/run does"


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {PG_ENV} is unset: the PostgreSQL tests must run in CI ({PG_HOWTO})")
        pytest.skip(f"PostgreSQL tests skipped: {PG_HOWTO}")
    return url


@contextlib.contextmanager
def _postgres_schema(url: str):
    """The URL of a fresh schema in the test server (dropped after), via the connection's search_path."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> str:
    """A fresh, empty database: a SQLite file, or a schema of its own in the PostgreSQL test server.

    Without LEGATION_TEST_PG the PostgreSQL variant skips, except in CI (CI=true), where it fails.
    """
    if request.param == "sqlite":
        yield str(tmp_path / "legation.db")
        return
    with _postgres_schema(_postgres_url()) as url:
        yield url


@pytest.fixture
def pg_db() -> str:
    """A fresh schema in the PostgreSQL test server (skips or fails as ``db`` does)."""
    with _postgres_schema(_postgres_url()) as url:
        yield url
