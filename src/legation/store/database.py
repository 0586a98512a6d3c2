"""The :class:`Store`: one database of relation records, on SQLite or PostgreSQL, behind one interface."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from legation.errors import ConfigError, MissingExtraError
from legation.facts import Agreement, Event, Mission
from legation.record import Record
from legation.store import engine as E
from legation.store import ingest as I
from legation.store import queries as Q
from legation.store import schema as S
from legation.store.results import ArticleInfo, Counts, IngestReport, Pair, SearchHit, StoredFact

if TYPE_CHECKING:
    import pandas


class Store:
    """A database of relation records.

    >>> import legation
    >>> store = legation.open(":memory:")
    >>> store.ingest("src/legation/data/samples").summary()
    '16 added, 0 changed, 0 unchanged, 0 failed'
    >>> store.timeline("MAR", "Russia")[0].fact.start
    '1700'
    >>> store.timeline("Morocco", "Soviet Union") == store.timeline("ma", "RUS")
    True
    """

    def __init__(self, engine: Engine, db: str) -> None:
        self.engine = engine
        self.db = db

    @classmethod
    def open(cls, db: str | None = None, create: bool = True) -> Store:
        name = E.resolve(db)
        engine = E.make(name, create=create)
        store = cls(engine, name)
        with E.translated(E.describe(name)):
            if store._needs_migration():
                with engine.connect() as conn:
                    conn.execution_options(write=True)
                    with conn.begin():
                        S.migrate(conn)
        return store

    def _needs_migration(self) -> bool:
        # Read first: a current database is opened without taking the write lock (or needing write access).
        from sqlalchemy import inspect

        with self.engine.connect() as conn:
            if not inspect(conn).has_table("schema_migrations"):
                return True
            return S.version(conn) != S.LATEST

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @property
    def name(self) -> str:
        """The database as it may be shown (a URL without its password)."""
        return E.describe(self.db)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with E.translated(self.name), self.engine.connect() as conn:
            yield conn

    # --- writing -------------------------------------------------------------------------------------

    def ingest(self, sources: Iterable[I.Source] | I.Source, on_article: I.OnArticle | None = None,
               on_source: I.OnSource | None = None) -> IngestReport:
        """Read, extract and store articles: paths, folders, dumps, Articles, or (Article, Record) pairs.

        One transaction per article; ``on_article(title, status)`` is called after each and
        ``on_source(path)`` after each file.
        """
        with E.translated(self.name):
            return I.ingest(self.engine, sources, on_article, on_source)

    # --- queries -------------------------------------------------------------------------------------

    def pairs(self, a: str | None = None, b: str | None = None, titles: Iterable[str] | None = None) -> list[Pair]:
        """Every pair of countries with an article, ordered by the pair's codes; with ``a`` and ``b``
        (ISO2, ISO3 or English names, either order), only the articles on those two; with ``a`` alone,
        only those on ``a``; with ``titles``, only the articles on the pairs of the articles so titled."""
        with self._read() as conn:
            return Q.pairs(conn, a, b, titles)

    def timeline(self, a: str, b: str, start: str | int | None = None, end: str | int | None = None,
                 types: Iterable[str] | str | None = None) -> list[StoredFact[Event]]:
        """Events of the relations of ``a`` and ``b`` (ISO2, ISO3 or English names), by start then end.

        ``start``/``end`` (a year, YYYY-MM or YYYY-MM-DD) keep the events whose interval meets them;
        ``types`` keeps the events of any of those PLOVER types.
        """
        with self._read() as conn:
            return Q.timeline(conn, a, b, start, end, types)

    def missions(self, sender: str | None = None, host: str | None = None,
                 city: str | None = None) -> list[StoredFact[Mission]]:
        """Diplomatic missions, by host, city and sender."""
        with self._read() as conn:
            return Q.missions(conn, sender, host, city)

    def agreements(self, a: str | None = None, b: str | None = None,
                   subject: str | None = None) -> list[StoredFact[Agreement]]:
        """Agreements in the articles on ``a`` and ``b``, optionally on a ``subject`` (words of subject or name)."""
        with self._read() as conn:
            return Q.agreements(conn, a, b, subject)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Facts whose evidence holds every word of ``text`` (stemmed, any case), best first."""
        with self._read() as conn:
            return Q.search(conn, text, limit)

    def show(self, title: str) -> Record:
        """The relation record of an article, by title (exact, else ignoring case and dash kinds)."""
        with self._read() as conn:
            return Q.show(conn, title)

    def facts(self, title: str) -> dict[str, list[StoredFact]]:
        """The facts of an article with their ids and sections, by kind, in record order."""
        with self._read() as conn:
            return Q.facts(conn, title)

    def article_text(self, title: str) -> str:
        """The text of an article as read: the text every span points into."""
        with self._read() as conn:
            return Q.article_text(conn, title)

    def articles(self) -> list[ArticleInfo]:
        """Every stored article (without its text), in title order."""
        with self._read() as conn:
            return Q.article_info(conn)

    def counts(self) -> Counts:
        """How many articles, pairs and facts of each kind the database holds."""
        with self._read() as conn:
            return Q.counts(conn)

    def records(self) -> Iterator[Record]:
        """Every stored record, in title order."""
        with self._read() as conn:
            for aid in Q.article_ids(conn):
                yield Q.record(conn, aid)

    def rows(self, kind: str) -> Iterator[dict]:
        """The rows of one table (``missions``, ``events``, …, ``names``, ``see_also``) with their article's title.

        In title order, then record order; JSON columns are left as JSON text.
        """
        if kind not in S.TABLES:
            raise ConfigError(f"unknown kind of fact {kind!r} (one of {', '.join(S.TABLES)})")
        with self._read() as conn:
            for info in Q.article_info(conn):
                for row in Q.rows(conn, kind, info.id):
                    yield {"title": info.title, **row}

    def partial_articles(self) -> list[str]:
        """Titles of articles missing some of the facts written with them (a healthy database has none)."""
        with self._read() as conn:
            return Q.partial_articles(conn)

    def schema_version(self) -> int:
        with self._read() as conn:
            return S.version(conn)

    def to_dataframe(self, kind: str) -> pandas.DataFrame:
        """One table as a pandas DataFrame (needs pandas: ``pip install 'legation[pandas]'``)."""
        try:
            import pandas
        except ImportError:
            raise MissingExtraError("data frames need pandas, which is not installed: "
                                    "pip install 'legation[pandas]'") from None
        return pandas.DataFrame.from_records(list(self.rows(kind)))


def open_store(db: str | None = None, create: bool = True) -> Store:
    """Open (creating and migrating if need be) the database ``db``: a SQLite path or a PostgreSQL URL.

    Without ``db``: ``$LEGATION_DB``, else ``./legation.db``.
    """
    return Store.open(db, create=create)
