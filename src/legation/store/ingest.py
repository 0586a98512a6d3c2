"""Ingest: read, extract and store articles, one transaction per article.

An article is stored whole or not at all: its row, its pair and all its facts are written in one
transaction, so a killed ingest leaves each article either as it was or as it is now. An article
whose title is stored already is left alone when its text and record are the same (``unchanged``),
and replaced whole otherwise (``changed``): deleting the article row deletes its facts (ON DELETE
CASCADE), and the new ones are written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, insert, select

from legation.article import Article
from legation.errors import InputError, LegationError
from legation.read import SUFFIXES, expand
from legation.record import Record
from legation.store import schema as S
from legation.store.results import IngestReport
from legation.store.rows import record_rows

Source = str | Path | Article | tuple[Article, Record]
OnArticle = Callable[[str, str], None]  # (title or path, status)
OnSource = Callable[[str], None]


@dataclass
class _Tally:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0

    def report(self, errors: list[str]) -> IngestReport:
        return IngestReport(self.added, self.changed, self.unchanged, self.failed, tuple(errors))


def _articles(item: Source, tally: _Tally, errors: list[str]) -> Iterator[tuple[Article, Record | None]]:
    """The articles of one source; a source that cannot be read (or fails part-way) counts as failed."""
    from legation.read import read_path

    if isinstance(item, Article):
        yield item, None
        return
    if isinstance(item, tuple):
        yield item[0], item[1]
        return
    try:
        for article in read_path(item):
            yield article, None
    except InputError as exc:
        errors.append(str(exc))
        tally.failed += 1


def _is_pair(item: object) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Article)


def ingest(engine: Engine, sources: Iterable[Source] | Source, on_article: OnArticle | None = None,
           on_source: OnSource | None = None) -> IngestReport:
    """Store every article of ``sources`` (paths, folders, dumps, Articles, or (Article, Record) pairs)."""
    from legation.extract import extract_article

    tally = _Tally()
    errors: list[str] = []

    def failed(name: str, message: str) -> None:
        errors.append(message)
        tally.failed += 1
        if on_article:
            on_article(name, "failed")

    if isinstance(sources, str | Path | Article) or _is_pair(sources):
        sources = [sources]
    for item in sources:
        ones = expand([item]) if isinstance(item, str | Path) else [item]
        if not ones:
            failed(str(item), f"{item}: holds no {', '.join('*' + s for s in SUFFIXES)} files "
                              "(give article files or a dump)")
        for one in ones:
            for article, record in _articles(one, tally, errors):
                name = article.source or article.title
                if "\x00" in article.text and engine.dialect.name == "postgresql":
                    failed(name, f"{name}: holds NUL characters, which PostgreSQL cannot store "
                                 "(remove them, or use a SQLite database)")
                    continue
                try:
                    record = record if record is not None else extract_article(article)
                except LegationError as exc:
                    failed(name, f"{name}: {exc}")
                    continue
                status = put(engine, article, record)
                setattr(tally, status, getattr(tally, status) + 1)
                if on_article:
                    on_article(record.title, status)
            if on_source:
                on_source(str(one) if isinstance(one, str | Path) else "")
    return tally.report(errors)


def put(engine: Engine, article: Article, record: Record) -> str:
    """Store one article and its record in one transaction: ``added``, ``changed`` or ``unchanged``."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    revision = dict(article.meta).get("revision") or dict(article.meta).get("revid")
    rows = record_rows(article, record, article.text, article.format, revision, now)
    with engine.connect() as conn:
        conn.execution_options(write=True)
        with conn.begin():
            return _write(conn, rows)


def _write(conn: Connection, rows) -> str:
    a = S.articles
    aid = rows.article["id"]
    old = conn.execute(select(a.c.content_hash, a.c.record_hash).where(a.c.id == aid)).first()
    if old is not None and tuple(old) == (rows.article["content_hash"], rows.article["record_hash"]):
        return "unchanged"
    if old is not None:
        conn.execute(delete(a).where(a.c.id == aid))
    conn.execute(insert(a), [rows.article])
    conn.execute(insert(S.pairs), [rows.pair])
    for kind, table in S.FACT_TABLES.items():
        if rows.facts[kind]:
            conn.execute(insert(table), rows.facts[kind])
    for table, data in ((S.event_types, rows.event_types), (S.names, rows.names), (S.see_also, rows.see_also),
                        (S.evidence, rows.evidence)):
        if data:
            conn.execute(insert(table), data)
    return "changed" if old is not None else "added"
