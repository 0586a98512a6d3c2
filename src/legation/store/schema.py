"""The database schema, one for both backends, and the migrations that build it.

Tables:

- ``articles``: one row per article title, with its text (so a web page can show it and highlight
  evidence), content hash, record hash, source, format, revision, ingest time and fact count.
- ``pairs``: the two countries of each article, in title order (``a``, ``b``) and sorted (``lo``,
  ``hi``) for order-free lookups.
- one table per kind of fact (``missions``, ``events``, ``agreements``, ``quantities``, ``people``,
  ``assessments``), each row with ``evidence``, ``span_start``/``span_end``, ``section``, the typed
  fields to query on, and ``data``: the fact exactly as in the record (canonical JSON), from which
  exports are written. ``event_types`` lists each event's PLOVER types.
- ``names`` and ``see_also``: the record's other parts.
- ``evidence``: every fact's evidence once more, indexed for full-text search (FTS5 on SQLite, a
  ``tsvector`` with a GIN index on PostgreSQL).
- ``schema_migrations``: the versions applied.

Every child row is deleted with its article (``ON DELETE CASCADE``), which is how a changed article
replaces its facts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
)

from legation.errors import ConfigError

metadata = MetaData()

ID = String(40)  # sha1 hex


def _article_fk() -> Column:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", ID, primary_key=True),  # sha1 of the title
    Column("title", Text, nullable=False, unique=True),
    Column("title_key", Text, nullable=False, index=True),  # casefolded, dashes unified: for lookups
    Column("source", Text, nullable=False),
    Column("format", String(20), nullable=False),
    Column("revision", Text),
    Column("content_hash", ID, nullable=False),  # sha1 of the article text
    Column("record_hash", ID, nullable=False),  # sha1 of the canonical record: changes with the extractor
    Column("ingested_at", String(40), nullable=False),
    Column("fact_count", Integer, nullable=False),  # facts written with the article, to check wholeness
    Column("actors", Text, nullable=False),  # JSON: the record's historical actors
    Column("text", Text, nullable=False),
)

pairs = Table(
    "pairs", metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("a", String(3), nullable=False),
    Column("b", String(3), nullable=False),
    Column("lo", String(3), nullable=False),
    Column("hi", String(3), nullable=False),
    Index("ix_pairs_lo_hi", "lo", "hi"),
)


def _fact_table(name: str, *columns: Column) -> Table:
    return Table(
        name, metadata,
        Column("id", ID, primary_key=True),
        _article_fk(),
        Column("ord", Integer, nullable=False),  # position in the record
        *columns,
        Column("evidence", Text, nullable=False),
        Column("span_start", Integer, nullable=False),
        Column("span_end", Integer, nullable=False),
        Column("section", Text, nullable=False),
        Column("data", Text, nullable=False),
    )


missions = _fact_table(
    "missions",
    Column("kind", String(40), nullable=False),
    Column("sender", String(3), nullable=False, index=True),
    Column("host", String(3), nullable=False, index=True),
    Column("city", Text, nullable=False),
    Column("city_key", Text, nullable=False, index=True),  # casefolded city, for --city
    Column("opened", Integer),
    Column("closed", Integer),
    Column("status", String(20), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
)

events = _fact_table(
    "events",
    Column("start", String(10), nullable=False),
    Column("end", String(10)),
    # start and end as integers YYYYMMDD, start at its first day and end at its last, so that
    # "1897" sorts before "1897-03" and --from/--to compare intervals whatever the precision.
    Column("start_key", Integer),
    Column("end_key", Integer),
    Column("time_text", Text, nullable=False),
    Column("types", Text, nullable=False),  # JSON list, also in event_types
    Column("mode", Text),
    Column("contexts", Text, nullable=False),  # JSON list
    Column("aux", Text, nullable=False),  # JSON list
    Column("actors", Text, nullable=False),  # JSON list of {name, country}
    Column("location", Text),
)
Index("ix_events_keys", events.c.start_key, events.c.end_key)

event_types = Table(
    "event_types", metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("type", String(20), primary_key=True, index=True),
)

agreements = _fact_table(
    "agreements",
    Column("name", Text),
    Column("subject", Text),
    Column("signed", String(10)),
    Column("expires", String(10)),
    Column("duration_years", Float),
    Column("parties", Text, nullable=False),  # JSON list of ISO3
)

quantities = _fact_table(
    "quantities",
    Column("value", Float, nullable=False),
    Column("unit", String(20), nullable=False),
    Column("bound", String(10), nullable=False),
    Column("noun", Text),
    Column("year", Integer),
)

people = _fact_table(
    "people",
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("role", Text),
)

assessments = _fact_table(
    "assessments",
    Column("text", Text, nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("start", String(10)),
    Column("end", String(10)),
)

names = Table(
    "names", metadata,
    Column("id", ID, primary_key=True),
    _article_fk(),
    Column("ord", Integer, nullable=False),
    Column("lang", String(20), nullable=False),
    Column("name", Text, nullable=False),
)

see_also = Table(
    "see_also", metadata,
    Column("id", ID, primary_key=True),
    _article_fk(),
    Column("ord", Integer, nullable=False),
    Column("title", Text, nullable=False),
)

evidence = Table(
    "evidence", metadata,
    # An INTEGER PRIMARY KEY: SQLite's FTS5 index refers to rows by it, and it must survive VACUUM.
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("fact_id", ID, nullable=False, unique=True),
    _article_fk(),
    Column("kind", String(20), nullable=False),
    Column("evidence", Text, nullable=False),
)

FACT_TABLES: dict[str, Table] = {
    "missions": missions, "events": events, "agreements": agreements, "quantities": quantities,
    "people": people, "assessments": assessments,
}
FACT_KINDS = tuple(FACT_TABLES)
TABLES: dict[str, Table] = {**FACT_TABLES, "names": names, "see_also": see_also}

# --- backend-specific full-text search --------------------------------------------------------------

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence, content='evidence', content_rowid='n', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN "
    "INSERT INTO evidence_fts(rowid, evidence) VALUES (new.n, new.evidence); END",
    # Fires for the cascade from articles too: a replaced article leaves nothing in the index.
    "CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, evidence) VALUES ('delete', old.n, old.evidence); END",
)
_POSTGRES_FTS = (
    "ALTER TABLE evidence ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED",
    "CREATE INDEX ix_evidence_tsv ON evidence USING GIN (tsv)",
)


def _initial(conn: Connection) -> None:
    metadata.create_all(conn)
    for statement in _SQLITE_FTS if conn.dialect.name == "sqlite" else _POSTGRES_FTS:
        conn.execute(text(statement))


# (version, name, step). Append; never edit a released step.
MIGRATIONS = ((1, "articles, pairs, facts, names, see also, evidence search", _initial),)
LATEST = MIGRATIONS[-1][0]


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations the database lacks (in the caller's transaction); the versions applied."""
    if conn.dialect.name == "postgresql":
        # Two processes opening a new database at once: the second waits, then finds it migrated.
        conn.execute(text("SELECT pg_advisory_xact_lock(7320451)"))
    schema_migrations.create(conn, checkfirst=True)
    applied = set(conn.execute(select(schema_migrations.c.version)).scalars())
    if applied and max(applied) > LATEST:
        raise ConfigError(f"the database has schema version {max(applied)}, newer than this legation knows "
                          f"({LATEST}): upgrade legation")
    done = []
    for version, name, step in MIGRATIONS:
        if version in applied:
            continue
        step(conn)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        conn.execute(insert(schema_migrations).values(version=version, name=name, applied_at=now))
        done.append(version)
    return done


def version(conn: Connection) -> int:
    return conn.execute(select(func.max(schema_migrations.c.version))).scalar() or 0
