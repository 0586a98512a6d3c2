"""Exports: JSON Lines records, CSV tables, GeoJSON missions and RDF Turtle, on both backends."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from typer.testing import CliRunner

import legation
from legation.cli import app, sample_paths
from legation.export import csv_files, export, geojson, iri, literal, turtle
from legation.extract import extract_article
from legation.read import read_path
from legation.record import validate

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_records():
    return [(a, extract_article(a)) for a in (next(read_path(p)) for p in sample_paths())]


@pytest.fixture
def store(db, sample_records):
    with legation.open(db) as s:
        s.ingest(sample_records)
        yield s


def test_jsonl_is_the_records_as_extracted(store, sample_records, tmp_path):
    out = tmp_path / "records.jsonl"
    export(store, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    expected = sorted((r for _, r in sample_records), key=lambda r: r.title)
    assert lines == [r.to_json() for r in expected]
    for line in lines:
        assert validate(json.loads(line)) == []


def test_geojson_validates_and_round_trips(store, tmp_path):
    out = tmp_path / "missions.geojson"
    export(store, "geojson", out)
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data == geojson(store)
    assert json.dumps(json.loads(json.dumps(data)), ensure_ascii=False, indent=2) + "\n" == text
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) >= {"kind", "sender", "host", "city", "status", "opened", "closed",
                                              "evidence"}
    tangier = next(f for f in data["features"] if f["properties"]["city"] == "Tangier")
    assert tangier["geometry"]["coordinates"] == pytest.approx([-5.80, 35.77], abs=0.01)  # [lon, lat]
    assert tangier["properties"]["status"] == "former" and tangier["properties"]["opened"] == 1897


def test_turtle_parses_and_uses_wikidata_properties(store, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    out = tmp_path / "legation.ttl"
    export(store, "ttl", out)
    graph = rdflib.Graph()
    graph.parse(out, format="turtle")
    wdt = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
    geo = rdflib.Namespace("http://www.opengis.net/ont/geosparql#")
    rus = rdflib.URIRef("urn:legation:country:RUS")
    mar = rdflib.URIRef("urn:legation:country:MAR")
    assert (mar, wdt.P530, rus) in graph and (rus, wdt.P530, mar) in graph
    sent = set(graph.objects(rus, wdt.P531))
    tangier = rdflib.URIRef("urn:legation:city:MAR/Tangier")
    consulate = next(m for m in sent if (m, wdt.P131, tangier) in graph)
    assert (consulate, wdt.P137, rus) in graph
    assert str(graph.value(consulate, wdt.P571)) == "1897"
    point = graph.value(consulate, wdt.P625)
    assert point.datatype == geo.wktLiteral and str(point).startswith("Point(-5.")
    evidence = rdflib.URIRef("urn:legation:vocab:evidence")
    assert str(graph.value(consulate, evidence)) == "In 1897, the Russian Empire established a consulate in Tangier."
    names = {(o.language, str(o)) for o in graph.objects(None, rdflib.URIRef("urn:legation:vocab:name"))}
    assert any(lang == "ru" for lang, _ in names)


def test_turtle_literals_are_escaped():
    rdflib = pytest.importorskip("rdflib")
    nasty = 'a "quoted" \\ back\nslash\ttab\r\x01\x7f é 日本 \U0001F600'
    doc = f"<urn:x:s> <urn:x:p> {literal(nasty)} , {literal(nasty, lang='ru')} , {literal('1', datatype='<urn:x:t>')} .\n"
    city = iri("city", "MAR", 'Ksar el Kebir / "x" <y> {z}')
    doc += f"{city} <urn:x:p> {literal('ok')} .\n"
    graph = rdflib.Graph().parse(data=doc, format="turtle")
    values = {str(o) for o in graph.objects(rdflib.URIRef("urn:x:s"), rdflib.URIRef("urn:x:p"))}
    assert nasty in values
    assert len(graph) == 4


def test_csv_folder_and_zip_hold_the_same_tables(store, tmp_path):
    export(store, "csv", tmp_path / "tables")
    export(store, "csv", tmp_path / "tables.zip")
    names = sorted(p.name for p in (tmp_path / "tables").iterdir())
    with zipfile.ZipFile(tmp_path / "tables.zip") as z:
        assert sorted(z.namelist()) == names
        for name in names:
            assert z.read(name) == (tmp_path / "tables" / name).read_bytes()
    counts = store.counts()
    for name, text in csv_files(store):
        rows = list(csv.DictReader(io.StringIO(text)))
        kind = name.removesuffix(".csv")
        assert len(rows) == getattr(counts, kind), name
    events = list(csv.DictReader(io.StringIO(dict(csv_files(store))["events.csv"])))
    assert {"id", "title", "start", "end", "types", "evidence", "span_start", "span_end", "section"} <= set(events[0])
    assert all(";" not in t or all(x.isupper() for x in t.split(";")) for t in (e["types"] for e in events))


def test_exports_are_byte_identical_run_to_run(store, tmp_path):
    for fmt, name in (("jsonl", "x.jsonl"), ("geojson", "x.geojson"), ("ttl", "x.ttl"), ("csv", "x.zip")):
        export(store, fmt, tmp_path / f"1{name}")
        export(store, fmt, tmp_path / f"2{name}")
        assert (tmp_path / f"1{name}").read_bytes() == (tmp_path / f"2{name}").read_bytes(), fmt


@pytest.mark.postgres
def test_exports_are_the_same_on_both_backends(tmp_path, sample_records, pg_db):
    outputs = []
    for db in (str(tmp_path / "a.db"), pg_db):
        with legation.open(db) as s:
            s.ingest(sample_records)
            buf = io.StringIO()
            export(s, "jsonl", stream=buf)
            outputs.append(buf.getvalue() + "".join(turtle(s)) + json.dumps(geojson(s)))
    assert outputs[0] == outputs[1]


def test_cli_export_to_stdout_and_files(db, tmp_path):
    runner.invoke(app, ["ingest", "--samples", "--db", db])
    out = runner.invoke(app, ["export", "--db", db])
    assert out.exit_code == 0 and len(out.output.splitlines()) == 16
    geo = runner.invoke(app, ["export", "-f", "geojson", "--db", db])
    assert json.loads(geo.output)["type"] == "FeatureCollection"
    target = tmp_path / "t.ttl"
    written = runner.invoke(app, ["export", "--format", "ttl", "-o", str(target), "--db", db])
    assert written.exit_code == 0 and target.read_text(encoding="utf-8").startswith("@prefix rdf:")
    bad = runner.invoke(app, ["export", "--format", "xml", "--db", db])
    assert bad.exit_code == 2
