"""The knowledge base: relation records kept in SQLite or PostgreSQL, queried and exported.

>>> import legation
>>> with legation.open(":memory:") as store:
...     report = store.ingest("src/legation/data/samples")
...     [m.fact.city for m in store.missions(host="MAR", sender="RUS")]
['Casablanca', 'Rabat', 'Tangier']

The modules, in the order data flows: :mod:`~legation.store.engine` (which database, how to
connect), :mod:`~legation.store.schema` (tables and migrations), :mod:`~legation.store.rows` (ids,
records as rows and back), :mod:`~legation.store.ingest` (one transaction per article),
:mod:`~legation.store.queries` and :mod:`~legation.store.database` (the :class:`Store` API).
SQLAlchemy is imported only when a store is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from legation.store.results import ArticleInfo, Counts, IngestReport, Pair, SearchHit, StoredFact

if TYPE_CHECKING:
    from legation.store.database import Store

__all__ = ["ArticleInfo", "Counts", "IngestReport", "Pair", "SearchHit", "Store", "StoredFact", "open"]


def open(db: str | None = None, create: bool = True) -> Store:  # noqa: A001 - legation.open, like io.open
    """Open the database ``db`` (a SQLite path, ``:memory:``, or a ``postgresql+psycopg://`` URL).

    Without ``db``: ``$LEGATION_DB``, else ``./legation.db``. A new database is created and migrated
    unless ``create`` is false.
    """
    from legation.store.database import Store

    return Store.open(db, create=create)


def __getattr__(name: str):
    if name == "Store":
        from legation.store.database import Store

        return Store
    raise AttributeError(f"module 'legation.store' has no attribute {name!r}")
