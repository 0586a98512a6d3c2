"""Where the database is and how to connect to it: SQLite files (the default) or PostgreSQL URLs.

``--db PATH`` (or ``legation.open(PATH)``) names the database; without it ``$LEGATION_DB``, else
``./legation.db``. A ``postgresql://`` or ``postgresql+psycopg://`` URL selects PostgreSQL, which
needs the ``legation[postgres]`` extra (psycopg 3).

SQLite connections run in WAL mode with foreign keys on, and transactions are begun explicitly
(``BEGIN``, or ``BEGIN IMMEDIATE`` for writes) rather than by the sqlite3 module's implicit rules,
so that an article's statements really are one transaction.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from legation.errors import ConfigError, MissingExtraError

DEFAULT_DB = "legation.db"
ENV_VAR = "LEGATION_DB"
POSTGRES_HINT = "pip install 'legation[postgres]'"


def resolve(db: str | os.PathLike | None = None) -> str:
    """The database to use: ``db``, else ``$LEGATION_DB``, else ``./legation.db``."""
    if db is None or str(db) == "":
        db = os.environ.get(ENV_VAR) or DEFAULT_DB
    return str(db)


def is_url(db: str) -> bool:
    return "://" in db


def describe(db: str) -> str:
    """The database as it may be shown to a user (a URL without its password)."""
    if not is_url(db):
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return db.split("@")[-1]


def make(db: str, create: bool = True) -> Engine:
    """A SQLAlchemy engine for ``db`` (a path, ``:memory:``, or a URL)."""
    if db in (":memory:", "sqlite://", "sqlite:///:memory:"):
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
        _sqlite_events(engine, wal=False)
        return engine
    if not is_url(db):
        return _sqlite_file(Path(db), create)
    try:
        url = make_url(db)
    except ArgumentError:
        raise ConfigError(f"{db!r} is not a database URL (give a file path or postgresql+psycopg://USER@HOST/DB)") from None
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return make(":memory:")
        return _sqlite_file(Path(url.database), create)
    if url.get_backend_name() != "postgresql":
        raise ConfigError(f"unsupported database {url.get_backend_name()!r} in {describe(db)!r} "
                          "(give a SQLite file path or a postgresql+psycopg:// URL)")
    return _postgres(url)


def _sqlite_file(path: Path, create: bool) -> Engine:
    if path.is_dir():
        raise ConfigError(f"{path} is a folder, not a database file (give a file name, e.g. {path / DEFAULT_DB})")
    if not path.exists():
        if not create:
            raise ConfigError(f"no database at {path} (run `legation ingest PATH...` first, or give --db)")
        if not path.parent.exists():
            raise ConfigError(f"cannot create {path}: the folder {path.parent} does not exist")
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    _sqlite_events(engine, wal=True)
    return engine


def _sqlite_events(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Leave transactions to us (see "begin" below): the sqlite3 module's implicit BEGIN only
        # before DML would split an article's writes from its reads.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            # NORMAL is safe against a killed process in WAL mode (only power loss can drop the
            # last commits), and avoids an fsync per article.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def _postgres(url: URL) -> Engine:
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingExtraError(f"PostgreSQL needs psycopg, which is not installed: {POSTGRES_HINT}") from None
    try:
        return create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError:
        raise ConfigError(f"unsupported PostgreSQL driver {url.drivername!r} (use postgresql+psycopg://)") from None


@contextlib.contextmanager
def translated(db: str) -> Iterator[None]:
    """Turn database errors a user can act on into :class:`ConfigError` (the boundary, done once)."""
    try:
        yield
    except DBAPIError as exc:
        text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        if "file is not a database" in text:
            raise ConfigError(f"{db} is not a SQLite database (give another --db path)") from None
        if "readonly database" in text or "unable to open database" in text:
            raise ConfigError(f"cannot write {db}: {text} (check the file's permissions)") from None
        if exc.connection_invalidated or "connect" in text.casefold():
            raise ConfigError(f"cannot connect to {describe(db)}: {text} (is the server running? check the URL)") from None
        raise
