"""Queries over the stored facts, each a function of a connection returning frozen dataclasses.

Every value from a user reaches the database as a bound parameter, never as SQL text; substring
filters escape ``%`` and ``_``, and full-text queries are rebuilt from the words of the text, so
no input can change what a query does.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, and_, column, exists, func, literal_column, or_, select, table, tuple_

from legation.errors import ConfigError, NotFoundError, UnknownCountryError
from legation.facts import PLOVER_TYPES, Agreement, Event, Mission
from legation.record import Record
from legation.store import schema as S
from legation.store.results import ArticleInfo, Counts, Pair, SearchHit, StoredFact
from legation.store.rows import FACT_CLASSES, city_key, date_key, fact_from_data, title_key

_WORD = re.compile(r"\w+", re.UNICODE)
_YEAR = re.compile(r"^-?\d{1,4}(-\d{1,2}){0,2}$")


def iso3(text: str) -> str:
    """A country given as ISO2, ISO3 or an English name (historical states too) as ISO3.

    >>> iso3("Soviet Union"), iso3("ma")
    ('RUS', 'MAR')
    """
    from legation.places import country

    cleaned = "" if "\x00" in (text or "") else (text or "").strip()
    found = (country(cleaned) or country(cleaned.upper())) if cleaned else None
    if found is None:
        raise UnknownCountryError(text)
    return found.iso3


@functools.lru_cache(maxsize=4096)
def _country_name(code: str) -> str:
    # Cached: every listing of pairs names both countries of each (20,000 lookups for 10,000 pairs).
    from legation.places import country

    found = country(code) if code else None
    return found.name if found else code


def _event_types(types: Iterable[str] | str | None) -> list[str] | None:
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    out = []
    for t in types:
        for part in t.split(","):
            if not part.strip():
                continue
            if part.strip().upper() not in PLOVER_TYPES:
                raise ConfigError(f"unknown event type {part.strip()!r} (one of {', '.join(PLOVER_TYPES)})")
            out.append(part.strip().upper())
    return out or None


def _bound(value: str | int | None, upper: bool, name: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    key = date_key(value, upper=upper) if _YEAR.match(value) else None
    if key is None:
        raise ConfigError(f"{name} {value!r} is not a date (give a year such as 1990, or YYYY-MM or YYYY-MM-DD)")
    return key


def _clean(value: str | None) -> str:
    """User text for a query: NUL characters dropped (PostgreSQL refuses them, SQLite stops at them)."""
    return (value or "").replace("\x00", "").strip()


def _like(value: str) -> str:
    """``value`` as a LIKE pattern matching it anywhere, its own wildcards escaped."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _by_article(conn: Connection, title: str) -> str:
    """The id of the article with this title (exactly, else ignoring case and kinds of dashes)."""
    a = S.articles
    title = _clean(title)
    aid = conn.execute(select(a.c.id).where(a.c.title == title)).scalar()
    if aid is None:
        aid = conn.execute(select(a.c.id).where(a.c.title_key == title_key(title)).order_by(a.c.id)).scalar()
    if aid is None:
        raise NotFoundError(f"no article titled {title!r} in the database (`legation pairs` lists the articles)")
    return aid


def _stored(kind: str, rows) -> list[StoredFact]:
    return [StoredFact(r.id, r.title, kind, r.section, fact_from_data(kind, r.data)) for r in rows]


def _fact_select(kind: str):
    t = S.FACT_TABLES[kind]
    return (select(t.c.id, S.articles.c.title, t.c.section, t.c.data)
            .join(S.articles, S.articles.c.id == t.c.article_id))


def _sorted(rows, *keys):
    """Rows in a collation-independent order: code points of the title, as Python sorts."""
    return sorted(rows, key=lambda r: tuple(k(r) for k in keys))


# --- queries ----------------------------------------------------------------------------------------

def pairs(conn: Connection, a: str | None = None, b: str | None = None,
          titles: Iterable[str] | None = None) -> list[Pair]:
    """Every stored pair of countries and its article, ordered by the pair; only those of ``a`` and ``b``
    (either order) when both are given, only those of ``a`` when it alone is; with ``titles``, only
    the articles on the same two countries as one of the articles with those titles."""
    p, t = S.pairs, S.articles
    q = select(p.c.a, p.c.b, t.c.title, t.c.fact_count).join(t, t.c.id == p.c.article_id)
    codes = [iso3(c) for c in (a, b) if c]
    if len(codes) == 2:
        q = q.where(p.c.lo == min(codes), p.c.hi == max(codes))
    elif codes:
        q = q.where(or_(p.c.a == codes[0], p.c.b == codes[0]))
    if titles is not None:
        of_titles = (select(p.c.lo, p.c.hi).join(t, t.c.id == p.c.article_id)
                     .where(t.c.title.in_(sorted({_clean(x) for x in titles}))))
        q = q.where(tuple_(p.c.lo, p.c.hi).in_(of_titles))
    rows = conn.execute(q).all()
    out = [Pair(r.a, r.b, _country_name(r.a), _country_name(r.b), r.title, r.fact_count) for r in rows]
    return sorted(out, key=lambda x: (min(x.a, x.b), max(x.a, x.b), x.title))


def timeline(conn: Connection, a: str, b: str, start=None, end=None, types=None) -> list[StoredFact[Event]]:
    """The dated events of the relations of ``a`` and ``b``, ordered by start, then end."""
    x, y = iso3(a), iso3(b)
    lo_key, hi_key = _bound(start, False, "--from"), _bound(end, True, "--to")
    wanted = _event_types(types)
    e, p = S.events, S.pairs
    q = (_fact_select("events").add_columns(e.c.start_key, e.c.end_key, e.c.ord)
         .join(p, p.c.article_id == e.c.article_id)
         .where(p.c.lo == min(x, y), p.c.hi == max(x, y)))
    if lo_key is not None:
        q = q.where(e.c.end_key >= lo_key)
    if hi_key is not None:
        q = q.where(e.c.start_key <= hi_key)
    if wanted:
        et = S.event_types
        q = q.where(exists().where(and_(et.c.event_id == e.c.id, et.c.type.in_(wanted))))
    rows = conn.execute(q).all()
    big = 10**9
    rows = _sorted(rows, lambda r: r.start_key if r.start_key is not None else big,
                   lambda r: r.end_key if r.end_key is not None else big, lambda r: r.title, lambda r: r.ord)
    return _stored("events", rows)


def missions(conn: Connection, sender: str | None = None, host: str | None = None,
             city: str | None = None) -> list[StoredFact[Mission]]:
    """Diplomatic missions, optionally of one sender, in one host country, or in one city."""
    m = S.missions
    q = _fact_select("missions").add_columns(m.c.host, m.c.city_key, m.c.sender, m.c.kind, m.c.ord)
    if sender:
        q = q.where(m.c.sender == iso3(sender))
    if host:
        q = q.where(m.c.host == iso3(host))
    city = _clean(city)
    if city:
        keys = {city_key(city)}
        from legation.places import city as find_city

        known = find_city(city)
        if known is not None:
            keys.add(city_key(known.name))
        q = q.where(m.c.city_key.in_(sorted(keys)))
    rows = conn.execute(q).all()
    rows = _sorted(rows, lambda r: r.host, lambda r: r.city_key, lambda r: r.sender, lambda r: r.kind,
                   lambda r: r.title, lambda r: r.ord)
    return _stored("missions", rows)


def agreements(conn: Connection, a: str | None = None, b: str | None = None,
               subject: str | None = None) -> list[StoredFact[Agreement]]:
    """Agreements in the articles on ``a`` (and ``b``), optionally whose subject or name has ``subject``."""
    g, p = S.agreements, S.pairs
    q = _fact_select("agreements").add_columns(g.c.signed, g.c.ord).join(p, p.c.article_id == g.c.article_id)
    codes = [iso3(c) for c in (a, b) if c]
    if len(codes) == 2:
        q = q.where(p.c.lo == min(codes), p.c.hi == max(codes))
    elif codes:
        q = q.where(or_(p.c.a == codes[0], p.c.b == codes[0]))
    subject = _clean(subject)
    if subject:
        pattern = _like(subject.casefold())
        q = q.where(or_(func.lower(g.c.subject).like(pattern, escape="\\"),
                        func.lower(g.c.name).like(pattern, escape="\\")))
    rows = conn.execute(q).all()
    rows = _sorted(rows, lambda r: r.signed or "9999", lambda r: r.title, lambda r: r.ord)
    return _stored("agreements", rows)


def search(conn: Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Facts whose evidence has every word of ``query`` (stemmed), best matches first."""
    words = _WORD.findall(_clean(query))
    if not words or limit <= 0:
        return []
    ev = S.evidence
    if conn.dialect.name == "sqlite":
        # Each word quoted: FTS5 query syntax (AND, NEAR, "*", column filters) cannot come from the user.
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        fts = table("evidence_fts", column("rowid"), column("rank"))
        q = (select(ev.c.fact_id, ev.c.kind, ev.c.article_id)
             .select_from(ev.join(fts, fts.c.rowid == ev.c.n))
             .where(literal_column("evidence_fts").op("MATCH")(match))
             .order_by(fts.c.rank, ev.c.fact_id).limit(limit))
    else:
        tsq = func.plainto_tsquery("english", " ".join(words))
        rank = func.ts_rank(literal_column("evidence.tsv"), tsq)
        q = (select(ev.c.fact_id, ev.c.kind, ev.c.article_id)
             .where(literal_column("evidence.tsv").op("@@")(tsq))
             .order_by(rank.desc(), ev.c.fact_id).limit(limit))
    hits = conn.execute(q).all()
    out = []
    for hit in hits:
        t = S.FACT_TABLES[hit.kind]
        row = conn.execute(select(t.c.evidence, t.c.span_start, t.c.span_end, t.c.section, S.articles.c.title)
                           .join(S.articles, S.articles.c.id == t.c.article_id).where(t.c.id == hit.fact_id)).one()
        out.append(SearchHit(hit.fact_id, row.title, hit.kind, row.evidence, (row.span_start, row.span_end),
                             row.section))
    return out


def article_info(conn: Connection, aid: str | None = None) -> list[ArticleInfo]:
    a, p = S.articles, S.pairs
    q = select(a.c.id, a.c.title, a.c.source, a.c.format, a.c.revision, a.c.content_hash, a.c.ingested_at,
               a.c.fact_count, p.c.a, p.c.b).join(p, p.c.article_id == a.c.id)
    if aid is not None:
        q = q.where(a.c.id == aid)
    rows = sorted(conn.execute(q).all(), key=lambda r: (r.title, r.id))
    return [ArticleInfo(r.id, r.title, r.source, r.format, r.revision, r.content_hash, r.ingested_at,
                        (r.a, r.b), r.fact_count) for r in rows]


def article_ids(conn: Connection) -> list[str]:
    """Every article id, in title order (code points, whatever the database's collation)."""
    rows = conn.execute(select(S.articles.c.id, S.articles.c.title)).all()
    return [r.id for r in sorted(rows, key=lambda r: (r.title, r.id))]


def record(conn: Connection, aid: str) -> Record:
    """The relation record of one stored article, as extracted."""
    a, p = S.articles, S.pairs
    head = conn.execute(select(a.c.title, a.c.source, a.c.actors, p.c.a, p.c.b)
                        .join(p, p.c.article_id == a.c.id).where(a.c.id == aid)).one()
    facts = {}
    for kind, t in S.FACT_TABLES.items():
        rows = conn.execute(select(t.c.data).where(t.c.article_id == aid).order_by(t.c.ord)).scalars()
        facts[kind] = tuple(fact_from_data(kind, d) for d in rows)
    names = conn.execute(select(S.names.c.lang, S.names.c.name).where(S.names.c.article_id == aid)
                         .order_by(S.names.c.ord)).all()
    see = conn.execute(select(S.see_also.c.title).where(S.see_also.c.article_id == aid)
                       .order_by(S.see_also.c.ord)).scalars()
    return Record(title=head.title, source=head.source, countries=(head.a, head.b), names=dict(names),
                  see_also=tuple(see), actors=tuple(json.loads(head.actors)), **facts)


def show(conn: Connection, title: str) -> Record:
    return record(conn, _by_article(conn, title))


def facts(conn: Connection, title: str) -> dict[str, list[StoredFact]]:
    aid = _by_article(conn, title)
    out = {}
    for kind, t in S.FACT_TABLES.items():
        rows = conn.execute(_fact_select(kind).where(t.c.article_id == aid).order_by(t.c.ord)).all()
        out[kind] = _stored(kind, rows)
    return out


def article_text(conn: Connection, title: str) -> str:
    aid = _by_article(conn, title)
    return conn.execute(select(S.articles.c.text).where(S.articles.c.id == aid)).scalar_one()


def counts(conn: Connection) -> Counts:
    values = {"articles": conn.execute(select(func.count()).select_from(S.articles)).scalar_one(),
              "pairs": conn.execute(select(func.count(func.distinct(S.pairs.c.lo + S.pairs.c.hi)))).scalar_one()}
    for name, t in S.TABLES.items():
        values[name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
    return Counts(**values)


def rows(conn: Connection, kind: str, aid: str) -> Iterator[dict]:
    """The rows of one table for one article, in record order, as dicts (for CSV and data frames)."""
    t = S.TABLES[kind]
    for row in conn.execute(select(t).where(t.c.article_id == aid).order_by(t.c.ord)).mappings():
        yield dict(row)


def partial_articles(conn: Connection) -> list[str]:
    """Titles of articles whose stored facts do not number what was written with them (should be none)."""
    a = S.articles
    total = sum((select(func.count()).select_from(t).where(t.c.article_id == a.c.id).scalar_subquery()
                 for t in S.FACT_TABLES.values()), start=literal_column("0"))
    return sorted(conn.execute(select(a.c.title).where(a.c.fact_count != total)).scalars())


__all__ = ["FACT_CLASSES", "agreements", "article_ids", "article_info", "article_text", "counts", "facts", "iso3",
           "missions", "pairs", "partial_articles", "record", "rows", "search", "show", "timeline"]
