"""Exports of a store: JSON Lines records, CSV tables, GeoJSON missions, RDF Turtle.

Every export is a view of the same stored facts, written in a fixed order (articles by title, facts
in record order) with nothing that depends on when or where it was made, so exporting the same
database twice gives the same bytes.

- ``jsonl``: one relation record per line (``relation-record/1``), as ``extract --json`` prints it.
- ``csv``: one file per kind of fact (``articles.csv``, ``missions.csv``, ``events.csv``, …) in a
  folder, or in a ``.zip``.
- ``geojson``: a FeatureCollection of the missions with coordinates: Point ``[lon, lat]`` at the
  city, properties kind/sender/host/city/status/opened/closed/evidence.
- ``ttl``: RDF Turtle using Wikidata's properties where they exist (P530 diplomatic relation, P531
  diplomatic mission sent, P137 operator, P17 country, P131 located in, P625 coordinates as a WKT
  literal, P571 inception, P576 dissolved, P298 ISO alpha-3 code) and a small ``legation:``
  vocabulary for the rest.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from legation.errors import ConfigError
from legation.record import Record

FORMATS = ("jsonl", "csv", "geojson", "ttl")

# --- JSON Lines -------------------------------------------------------------------------------------


def jsonl(store) -> Iterator[str]:
    """One JSON record per line."""
    for record in store.records():
        yield record.to_json() + "\n"


# --- CSV --------------------------------------------------------------------------------------------

CSV_KINDS = ("missions", "events", "agreements", "quantities", "people", "assessments", "names", "see_also")
_INTERNAL = {"article_id", "data", "city_key", "start_key", "end_key"}
_LISTS = {"types", "contexts", "aux", "parties"}  # JSON lists of words, written "a;b"


def _cell(key: str, value) -> str:
    if value is None:
        return ""
    if key in _LISTS:
        return ";".join(json.loads(value))
    return str(value)


def csv_files(store) -> Iterator[tuple[str, str]]:
    """``(file name, CSV text)`` for the articles and each kind of fact."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "title", "source", "format", "revision", "content_hash", "country_a", "country_b",
                     "facts"])
    for a in store.articles():
        writer.writerow([a.id, a.title, a.source, a.format, a.revision or "", a.content_hash, *a.countries, a.facts])
    yield "articles.csv", buf.getvalue()
    from legation.store.schema import TABLES

    for kind in CSV_KINDS:
        header = ["id", "title"] + [c.name for c in TABLES[kind].columns if c.name not in _INTERNAL | {"id"}]
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for row in store.rows(kind):
            writer.writerow([_cell(k, row[k]) for k in header])
        yield f"{kind}.csv", buf.getvalue()


def write_csv(store, out: Path) -> list[Path]:
    """The CSV files in the folder ``out`` (made if need be), or in the zip file ``out`` if it ends in .zip."""
    files = list(csv_files(store))
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name, data in files:
                # A fixed date: the same database zips to the same bytes.
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data.encode("utf-8"))
        return [out]
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} is a file: CSV export writes a folder of files (give a folder, or a name ending .zip)")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files:
        path = out / name
        path.write_bytes(data.encode("utf-8"))
        paths.append(path)
    return paths


# --- GeoJSON ----------------------------------------------------------------------------------------


def geojson(store) -> dict:
    """The missions with coordinates as a GeoJSON FeatureCollection (RFC 7946: ``[lon, lat]``).

    Missions whose city has no coordinates are left out.
    """
    features = []
    for info in store.articles():
        for item in store.facts(info.title)["missions"]:
            m = item.fact
            if m.lat is None or m.lon is None:
                continue
            features.append({
                "type": "Feature",
                "id": item.id,
                "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
                "properties": {
                    "kind": m.kind, "sender": m.sender, "host": m.host, "city": m.city, "status": m.status,
                    "opened": m.opened, "closed": m.closed, "evidence": m.evidence, "span": list(m.span),
                    "title": item.title,
                },
            })
    return {"type": "FeatureCollection", "features": features}


# --- RDF Turtle -------------------------------------------------------------------------------------

VOCAB = "urn:legation:vocab:"
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "legation": VOCAB,
}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def literal(value, lang: str | None = None, datatype: str | None = None) -> str:
    """A Turtle literal, escaped (quotes, backslashes, line breaks and other control characters).

    >>> literal('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    out = []
    for ch in str(value):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xFFFE <= ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    text = '"' + "".join(out) + '"'
    if lang and _LANG.match(lang):
        return f"{text}@{lang}"
    return f"{text}^^{datatype}" if datatype else text


def iri(kind: str, *parts: str) -> str:
    """A legation resource IRI, ``<urn:legation:KIND:PART/PART>``, each part percent-encoded."""
    return "<urn:legation:" + kind + ":" + "/".join(quote(p, safe="") for p in parts) + ">"


def _date(value: str | None) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"-?\d{4}", value):
        return literal(value, datatype="xsd:gYear")
    if re.fullmatch(r"-?\d{4}-\d{2}", value):
        return literal(value, datatype="xsd:gYearMonth")
    if re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", value):
        return literal(value, datatype="xsd:date")
    return literal(value)


def _number(value) -> str:
    return literal(repr(float(value)), datatype="xsd:double")


def _wkt(lon: float, lat: float) -> str:
    return literal(f"Point({lon!r} {lat!r})", datatype="geo:wktLiteral")


def _block(subject: str, pairs: list[tuple[str, str | None]]) -> str:
    lines = [(p, o) for p, o in pairs if o is not None]
    body = " ;\n    ".join(f"{p} {o}" for p, o in lines)
    return f"{subject}\n    {body} .\n"


def _evidence(fact, article: str, section: str) -> list[tuple[str, str | None]]:
    return [("legation:evidence", literal(fact.evidence)),
            ("legation:spanStart", literal(fact.span[0], datatype="xsd:integer")),
            ("legation:spanEnd", literal(fact.span[1], datatype="xsd:integer")),
            ("legation:section", literal(section) if section else None),
            ("legation:article", article)]


def _article_triples(record: Record, aid: str, facts: dict[str, list], cities: dict[str, tuple]) -> Iterator[str]:
    art = iri("article", aid)
    a, b = record.countries
    yield _block(art, [("a", "legation:Article"), ("rdfs:label", literal(record.title)),
                       ("legation:source", literal(record.source)),
                       ("legation:country", f"{iri('country', a)}, {iri('country', b)}"),
                       *[("legation:name", literal(n, lang=lang) if _LANG.match(lang) else literal(n))
                         for lang, n in record.names.items()],
                       *[("legation:seeAlso", literal(t)) for t in record.see_also]])
    for item in facts["missions"]:
        m, fid, section = item.fact, item.id, item.section
        mission = iri("fact", fid)
        city = iri("city", m.host, m.city)
        cities[city] = (m.city, m.host, m.lat, m.lon)
        yield f"{iri('country', m.sender)} wdt:P531 {mission} .\n"
        yield _block(mission, [
            ("a", "legation:Mission"), ("legation:kind", literal(m.kind)),
            ("wdt:P137", iri("country", m.sender)), ("wdt:P17", iri("country", m.host)), ("wdt:P131", city),
            ("wdt:P571", _date(str(m.opened)) if m.opened is not None else None),
            ("wdt:P576", _date(str(m.closed)) if m.closed is not None else None),
            ("legation:status", literal(m.status)),
            ("wdt:P625", _wkt(m.lon, m.lat) if m.lat is not None and m.lon is not None else None),
            *_evidence(m, art, section)])
    for item in facts["events"]:
        e, fid, section = item.fact, item.id, item.section
        actors = ", ".join(
            "[ rdfs:label " + literal(x.name) + (f" ; legation:country {iri('country', x.country)}" if x.country else "")
            + " ]" for x in e.actors)
        yield _block(iri("fact", fid), [
            ("a", "legation:Event"), ("legation:start", _date(e.start)), ("legation:end", _date(e.end)),
            ("legation:timeText", literal(e.time_text) if e.time_text else None),
            ("legation:eventType", ", ".join(literal(t) for t in e.types) or None),
            ("legation:mode", literal(e.mode) if e.mode else None),
            ("legation:context", ", ".join(literal(c) for c in e.contexts) or None),
            ("legation:aux", ", ".join(literal(c) for c in e.aux) or None),
            ("legation:actor", actors or None),
            ("legation:location", literal(e.location) if e.location else None),
            *_evidence(e, art, section)])
    for item in facts["agreements"]:
        g, fid, section = item.fact, item.id, item.section
        yield _block(iri("fact", fid), [
            ("a", "legation:Agreement"), ("rdfs:label", literal(g.name) if g.name else None),
            ("legation:subject", literal(g.subject) if g.subject else None),
            ("legation:signed", _date(g.signed)), ("legation:expires", _date(g.expires)),
            ("legation:durationYears", _number(g.duration_years) if g.duration_years is not None else None),
            ("legation:party", ", ".join(iri("country", p) for p in g.parties) or None),
            *_evidence(g, art, section)])
    for item in facts["quantities"]:
        q, fid, section = item.fact, item.id, item.section
        yield _block(iri("fact", fid), [
            ("a", "legation:Quantity"), ("legation:value", _number(q.value)), ("legation:unit", literal(q.unit)),
            ("legation:bound", literal(q.bound)), ("legation:noun", literal(q.noun) if q.noun else None),
            ("legation:year", _date(str(q.year)) if q.year is not None else None),
            *_evidence(q, art, section)])
    for item in facts["people"]:
        p, fid, section = item.fact, item.id, item.section
        yield _block(iri("fact", fid), [
            ("a", "legation:Person"), ("rdfs:label", literal(p.name)),
            ("legation:country", iri("country", p.country) if p.country else None),
            ("legation:role", literal(p.role) if p.role else None), *_evidence(p, art, section)])
    for item in facts["assessments"]:
        s, fid, section = item.fact, item.id, item.section
        yield _block(iri("fact", fid), [
            ("a", "legation:Assessment"), ("legation:text", literal(s.text)),
            ("legation:polarity", literal(s.polarity)), ("legation:start", _date(s.start)),
            ("legation:end", _date(s.end)), *_evidence(s, art, section)])


def turtle(store) -> Iterator[str]:
    """The store as RDF Turtle."""
    from legation.places import country

    for prefix, ns in PREFIXES.items():
        yield f"@prefix {prefix}: <{ns}> .\n"
    yield "\n"
    countries: set[str] = set()
    relations: set[tuple[str, str]] = set()
    cities: dict[str, tuple] = {}
    for info in store.articles():
        record = store.show(info.title)
        facts = store.facts(info.title)
        a, b = record.countries
        relations.update({(a, b), (b, a)})
        countries.update((a, b))
        for m in record.missions:
            countries.update((m.sender, m.host))
        yield from _article_triples(record, info.id, facts, cities)
        yield "\n"
    for a, b in sorted(relations):
        yield f"{iri('country', a)} wdt:P530 {iri('country', b)} .\n"
    for code in sorted(c for c in countries if c):
        found = country(code)
        yield _block(iri("country", code), [("a", "legation:Country"), ("wdt:P298", literal(code)),
                                            ("rdfs:label", literal(found.name, lang="en") if found else None)])
    for city, (name, host, lat, lon) in sorted(cities.items()):
        yield _block(city, [("a", "legation:City"), ("rdfs:label", literal(name, lang="en")),
                            ("wdt:P17", iri("country", host)),
                            ("wdt:P625", _wkt(lon, lat) if lat is not None and lon is not None else None)])


# --- entry point ------------------------------------------------------------------------------------


def export(store, fmt: str, out: Path | None = None, stream: TextIO | None = None) -> list[Path]:
    """Write the store in ``fmt`` to ``out`` (a file; for CSV a folder or .zip), else to ``stream``/stdout."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "csv":
        if out is None:
            raise ConfigError("CSV export writes one file per kind of fact: give -o FOLDER or -o FILE.zip")
        return write_csv(store, out)
    if fmt == "geojson":
        chunks: Iterator[str] = iter([json.dumps(geojson(store), ensure_ascii=False, indent=2) + "\n"])
    elif fmt == "ttl":
        chunks = turtle(store)
    else:
        chunks = jsonl(store)
    if out is None:
        target = stream or sys.stdout
        for chunk in chunks:
            target.write(chunk)
        return []
    if out.is_dir():
        raise ConfigError(f"{out} is a folder (give a file name, e.g. {out / ('legation.' + fmt)})")
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for chunk in chunks:
            fh.write(chunk)
    return [out]
