"""The knowledge base: ingest, ids, queries and the CLI over them, on SQLite and on PostgreSQL.

Every test taking ``db`` runs twice: against a SQLite file and against the PostgreSQL server named by
LEGATION_TEST_PG (a schema of its own per test); see ``db`` in conftest.py.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import legation
from legation.cli import app, sample_paths
from legation.errors import ConfigError, MissingExtraError, NotFoundError, UnknownCountryError
from legation.export import export
from legation.extract import extract_article
from legation.read import read_path
from legation.store.rows import date_key

runner = CliRunner()
SEED_SAMPLE = next(p for p in sample_paths() if p.name == "morocco-russia-relations.txt")
INJECTIONS = [
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "Morocco' OR '1'='1",
    "%", "_", "\\", "*", "NEAR(a b)", "evidence: embassy", "a\x00b", "); DELETE FROM missions; --",
]


@pytest.fixture(scope="module")
def sample_records():
    """The samples read and extracted once: (Article, Record) pairs ingest takes as they are."""
    out = []
    for path in sample_paths():
        article = next(read_path(path))
        out.append((article, extract_article(article)))
    return out


@pytest.fixture
def store(db, sample_records):
    with legation.open(db) as s:
        assert s.ingest(sample_records).added == 16
        yield s


def _exports(store, tmp_path: Path, tag: str) -> dict[str, bytes]:
    out = {}
    for fmt in ("jsonl", "geojson", "ttl"):
        path = tmp_path / f"{tag}.{fmt}"
        export(store, fmt, path)
        out[fmt] = path.read_bytes()
    export(store, "csv", tmp_path / f"{tag}.zip")
    out["csv"] = (tmp_path / f"{tag}.zip").read_bytes()
    return out


def _ids(store) -> dict[str, list[str]]:
    return {a.title: sorted(f.id for facts in store.facts(a.title).values() for f in facts) for a in store.articles()}


# --- ingest -----------------------------------------------------------------------------------------

def test_ingest_twice_changes_nothing(db, tmp_path):
    with legation.open(db) as store:
        first = store.ingest(sample_paths())
        assert (first.added, first.changed, first.unchanged, first.failed) == (16, 0, 0, 0)
        counts, exports, ids = store.counts(), _exports(store, tmp_path, "one"), _ids(store)
        second = store.ingest(sample_paths())
        assert second.summary() == "0 added, 0 changed, 16 unchanged, 0 failed"
        assert store.counts() == counts
        assert _exports(store, tmp_path, "two") == exports
        assert _ids(store) == ids
    assert counts.articles == 16 and counts.pairs == 16 and counts.missions > 0 and counts.events > 0


def test_editing_one_article_changes_only_its_facts(db, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sample_paths():
        (corpus / path.name).write_bytes(path.read_bytes())
    with legation.open(db) as store:
        assert store.ingest([corpus]).added == 16
        before = _ids(store)
        assert store.search("invested heavily mining")
        seed = corpus / SEED_SAMPLE.name
        text = seed.read_text(encoding="utf-8")
        removed = "In 1978, the Soviet Union invested heavily in the mining industry of Morocco."
        assert removed in text
        seed.write_text(text.replace(removed, "In 1979, Morocco and Russia signed a treaty on fishing in the "
                                              "Atlantic."), encoding="utf-8")
        report = store.ingest([corpus])
        assert report.summary() == "0 added, 1 changed, 15 unchanged, 0 failed"
        after = _ids(store)
        title = "Morocco–Russia relations"
        assert {t: v for t, v in after.items() if t != title} == {t: v for t, v in before.items() if t != title}
        assert after[title] != before[title]
        assert store.partial_articles() == []
        # The replaced facts are gone from the search index too; the new ones are in it.
        assert store.search("invested heavily mining") == []
        assert [h.title for h in store.search("treaty fishing Atlantic")] == [title] * len(
            store.search("treaty fishing Atlantic"))
        assert store.search("treaty fishing Atlantic")
        assert "1979" in [e.fact.start for e in store.timeline("MAR", "RUS")]
        assert store.article_text(title) == seed.read_text(encoding="utf-8")


def test_an_article_is_stored_whole_or_not_at_all(db, sample_records, monkeypatch):
    import legation.store.ingest as ingest_module
    from legation.store import schema

    real_insert = ingest_module.insert

    def failing_insert(table):
        if table is schema.evidence:  # the last table an article writes
            raise RuntimeError("disk on fire")
        return real_insert(table)

    with legation.open(db) as store:
        monkeypatch.setattr(ingest_module, "insert", failing_insert)
        with pytest.raises(RuntimeError):
            store.ingest(sample_records[:1])
        assert store.counts() == legation.store.Counts()
        monkeypatch.setattr(ingest_module, "insert", real_insert)
        store.ingest(sample_records[:1])
        before = store.show(sample_records[0][1].title).to_dict()
        # A failed replacement leaves the old version whole.
        article, record = sample_records[0]
        from dataclasses import replace

        edited = replace(record, events=record.events[1:])
        monkeypatch.setattr(ingest_module, "insert", failing_insert)
        with pytest.raises(RuntimeError):
            store.ingest([(article, edited)])
        assert store.show(record.title).to_dict() == before
        assert store.partial_articles() == []


def test_ingest_reports_inputs_that_fail_and_goes_on(db, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 20)
    not_relations = tmp_path / "essay.txt"
    not_relations.write_text("= Ocean currents =\n\nThe sea moves.\n", encoding="utf-8")
    with legation.open(db) as store:
        report = store.ingest([bad, not_relations, tmp_path / "missing.txt", SEED_SAMPLE])
    assert (report.added, report.failed) == (1, 3)
    assert any("binary file" in e for e in report.errors)
    assert any("does not name two countries" in e for e in report.errors)
    assert any("no such file" in e for e in report.errors)


def test_ingest_reads_folders_recursively_and_dumps(db, tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / SEED_SAMPLE.name).write_bytes(SEED_SAMPLE.read_bytes())
    (tmp_path / "a" / "notes.md").write_text("not an article", encoding="utf-8")
    wikitext = ("{{Infobox bilateral relations|Iceland–Norway|Iceland|Norway}}\n"
                "'''Iceland–Norway relations''' are the relations of [[Iceland]] and [[Norway]]. "
                "In 1944, Norway recognised Iceland.\n")
    page = (f"<page><title>Iceland–Norway relations</title><ns>0</ns><id>1</id><revision><id>7</id>"
            f"<text xml:space=\"preserve\">{wikitext}</text></revision></page>")
    (tmp_path / "a" / "dump.xml").write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">'
        "<siteinfo><sitename>Wikipedia</sitename><dbname>enwiki</dbname><base>https://en.wikipedia.org/</base>"
        '<generator>MediaWiki</generator><case>first-letter</case><namespaces>'
        '<namespace key="0" case="first-letter" /></namespaces></siteinfo>' + page + "</mediawiki>\n",
        encoding="utf-8")
    with legation.open(db) as store:
        report = store.ingest([tmp_path / "a"])
        assert report.summary() == "2 added, 0 changed, 0 unchanged, 0 failed", report.errors
        assert sorted(a.title for a in store.articles()) == ["Iceland–Norway relations", "Morocco–Russia relations"]
        assert {a.format for a in store.articles()} == {"plain", "wikitext"}
        empty = tmp_path / "empty"
        empty.mkdir()
        assert store.ingest([empty]).failed == 1


# --- queries ----------------------------------------------------------------------------------------

def test_timeline_mar_rus_is_the_seeds_events_in_time_order(store, sample_records):
    seed = next(r for _, r in sample_records if r.title == "Morocco–Russia relations")
    events = store.timeline("MAR", "RUS")
    assert sorted(e.fact.evidence for e in events) == sorted(e.evidence for e in seed.events)
    keys = [(date_key(e.fact.start), date_key(e.fact.end or e.fact.start, upper=True)) for e in events]
    assert keys == sorted(keys)
    assert events[0].fact.start <= "1897" and any(e.fact.start == "1897" for e in events)
    # Any spelling of the two countries, in either order, historical states included.
    for a, b in (("Morocco", "Russia"), ("ma", "RU"), ("RUS", "MAR"), ("Morocco", "Soviet Union"),
                 ("MAR", "Russian Empire")):
        assert store.timeline(a, b) == events
    assert all(e.title == "Morocco–Russia relations" and e.category == "events" for e in events)


def test_timeline_filters(store):
    all_events = store.timeline("MAR", "RUS")
    recent = store.timeline("MAR", "RUS", start=2000)
    assert recent and all(date_key(e.fact.end or e.fact.start, upper=True) >= 20000101 for e in recent)
    window = store.timeline("MAR", "RUS", start="1900", end="1950")
    assert window and all(e.fact.start <= "1950" for e in window)
    consult = store.timeline("MAR", "RUS", types=["consult"])
    assert consult and all("CONSULT" in e.fact.types for e in consult)
    assert len(store.timeline("MAR", "RUS", types=["CONSULT", "ASSAULT"])) >= len(consult)
    assert len(all_events) > len(recent)
    with pytest.raises(ConfigError, match="unknown event type 'HUG'"):
        store.timeline("MAR", "RUS", types=["HUG"])
    with pytest.raises(ConfigError, match="--from 'soon' is not a date"):
        store.timeline("MAR", "RUS", start="soon")


def test_missions_host_mar(store):
    found = {(m.fact.kind, m.fact.sender, m.fact.city): m.fact for m in store.missions(host="MAR")}
    for kind, city in (("embassy", "Rabat"), ("consulate-general", "Casablanca"), ("consulate", "Tangier")):
        mission = found[(kind, "RUS", city)]
        assert mission.lat is not None and mission.lon is not None
    assert found[("consulate", "RUS", "Tangier")].status == "former"
    assert round(found[("embassy", "RUS", "Rabat")].lat, 1) == 34.0
    assert {m.fact.host for m in store.missions(host="Morocco")} == {"MAR"}
    assert [m.fact.city for m in store.missions(sender="RUS", city="tanger")] == ["Tangier"]
    assert {m.fact.sender for m in store.missions(city="Casablanca")} >= {"RUS"}


def test_agreements_pairs_search_show(store, sample_records):
    fisheries = store.agreements(subject="fisheries")
    assert [g.fact.signed for g in fisheries] == ["2020"]
    assert all(g.title == "Morocco–Russia relations" for g in store.agreements("Russia", "Morocco"))
    assert store.agreements("MAR", "RUS") and len(store.agreements()) >= len(store.agreements("MAR", "RUS"))
    pairs = store.pairs()
    assert len(pairs) == 16 and ("MAR", "RUS") in {(p.a, p.b) for p in pairs}
    hits = store.search("consulate Tangier")
    assert hits and all("Tangier" in h.evidence for h in hits)
    text = store.article_text("Morocco–Russia relations")
    assert all(text[h.span[0]:h.span[1]] == h.evidence for h in hits)
    assert store.search("consulates", limit=2) and len(store.search("consulate", limit=2)) == 2
    for _article, record in sample_records:
        assert store.show(record.title).to_dict() == record.to_dict()
    assert store.show("morocco-russia relations").title == "Morocco–Russia relations"
    with pytest.raises(NotFoundError, match="no article titled 'Atlantis–Mu relations'"):
        store.show("Atlantis–Mu relations")


def test_pairs_of_two_countries_of_one_or_of_titles(store, sample_records):
    from dataclasses import replace

    article, record = next((a, r) for a, r in sample_records if r.title == "Morocco–Russia relations")
    title = "Russia–Morocco relations (second article)"
    store.ingest([(replace(article, title=title), replace(record, title=title))])
    every = store.pairs()
    same = [p for p in every if {p.a, p.b} == {"MAR", "RUS"}]
    assert [p.title for p in same] == ["Morocco–Russia relations", title]
    assert store.pairs("RUS", "Morocco") == store.pairs("MAR", "RUS") == same
    assert store.pairs("Russia") == [p for p in every if "RUS" in (p.a, p.b)] and len(store.pairs("RUS")) == 4
    assert store.pairs(titles=[title, "Argentina–Chile relations"]) == [p for p in every if p in same or
                                                                     p.title == "Argentina–Chile relations"]
    assert store.pairs(titles=[]) == [] and store.pairs(titles=["' OR 1=1 --"]) == []
    with pytest.raises(UnknownCountryError):
        store.pairs("MAR", "Atlantis")


def test_every_span_points_at_its_evidence(store):
    for info in store.articles():
        text = store.article_text(info.title)
        for facts in store.facts(info.title).values():
            for item in facts:
                assert text[item.fact.span[0]:item.fact.span[1]] == item.fact.evidence


def test_injection_like_strings_are_harmless(store):
    counts = store.counts()
    for bad in INJECTIONS:
        assert store.search(bad) == [] or all(isinstance(h.evidence, str) for h in store.search(bad))
        assert store.missions(city=bad) == []
        assert store.agreements(subject=bad) == [] or bad in ("%", "_", "\\", "*")
        for call in (lambda b: store.missions(host=b), lambda b: store.missions(sender=b),
                     lambda b: store.timeline(b, "MAR"), lambda b: store.timeline("MAR", b),
                     lambda b: store.agreements(b, "MAR")):
            with pytest.raises(UnknownCountryError):
                call(bad)
        with pytest.raises(NotFoundError):
            store.show(bad)
        with pytest.raises(NotFoundError):
            store.article_text(bad)
        with pytest.raises(ConfigError):
            store.timeline("MAR", "RUS", start=bad)
        with pytest.raises(ConfigError):
            store.timeline("MAR", "RUS", types=[bad])
    # Wildcards are literal: no subject holds a percent sign.
    assert store.agreements(subject="%") == []
    assert store.counts() == counts


def test_schema_migrations_are_recorded(db, tmp_path):
    with legation.open(db) as store:
        assert store.schema_version() == 1
    with legation.open(db) as store:  # reopening applies nothing twice
        assert store.schema_version() == 1
        from sqlalchemy import insert

        from legation.store.schema import schema_migrations

        with store.engine.begin() as conn:
            conn.execute(insert(schema_migrations).values(version=99, name="future", applied_at="2100"))
    with pytest.raises(ConfigError, match="schema version 99, newer than this legation knows"):
        legation.open(db)


# --- SQLite specifics -------------------------------------------------------------------------------

def test_sqlite_is_wal_with_foreign_keys(tmp_path):
    with legation.open(tmp_path / "x.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_default_database_and_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEGATION_DB", raising=False)
    with legation.open() as store:
        assert store.db == "legation.db"
    assert (tmp_path / "legation.db").exists()
    monkeypatch.setenv("LEGATION_DB", str(tmp_path / "env.db"))
    with legation.open() as store:
        assert store.db == str(tmp_path / "env.db")


def test_database_errors_say_what_to_do(tmp_path, monkeypatch):
    with pytest.raises(ConfigError, match="is a folder, not a database file"):
        legation.open(tmp_path)
    with pytest.raises(ConfigError, match="the folder .* does not exist"):
        legation.open(tmp_path / "nope" / "x.db")
    with pytest.raises(ConfigError, match=r"no database at .*missing.db \(run `legation ingest PATH...` first"):
        legation.open(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ConfigError, match="is not a SQLite database"):
        legation.open(junk)
    with pytest.raises(ConfigError, match="unsupported database 'mysql'"):
        legation.open("mysql://u@h/db")
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'legation\[postgres\]'"):
        legation.open("postgresql+psycopg://u@127.0.0.1:1/db")


def _ingest_until(exe: str, corpus: Path, db: Path, stored_at_least: int) -> None:
    """Start ``legation ingest`` and SIGKILL it once the database holds ``stored_at_least`` articles."""
    proc = subprocess.Popen([exe, "ingest", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= stored_at_least:
                    break
        except sqlite3.OperationalError:  # not created yet, or the schema not yet committed
            pass
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _assert_sound(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    with legation.open(db) as store:
        assert store.partial_articles() == []
    return stored


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_sound_database(tmp_path):
    from bench.varied import varied_texts

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = varied_texts(320)
    for name, text in texts:
        (corpus / name).write_text(text, encoding="utf-8")
    exe = str(Path(sys.executable).with_name("legation"))
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"

    # Killed twice: during the first run, and again part-way through a rerun.
    _ingest_until(exe, corpus, killed, 40)
    first = _assert_sound(killed)
    assert 40 <= first < len(texts)
    _ingest_until(exe, corpus, killed, first + 60)
    survived = _assert_sound(killed)
    assert first + 60 <= survived < len(texts)

    rerun = subprocess.run([exe, "ingest", str(corpus), "--db", str(killed)], capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().endswith(
        f"{len(texts) - survived} added, 0 changed, {survived} unchanged, 0 failed"), rerun.stdout
    fresh = subprocess.run([exe, "ingest", str(corpus), "--db", str(clean)], capture_output=True, text=True,
                           timeout=300)
    assert fresh.returncode == 0, fresh.stderr
    exports = [subprocess.run([exe, "export", "--db", str(path)], capture_output=True, timeout=300).stdout
               for path in (killed, clean)]
    assert exports[0].count(b"\n") == exports[1].count(b"\n") == len(texts)
    differ = [(json.loads(a)["title"], sorted(k for k, v in json.loads(a).items() if json.loads(b).get(k) != v))
              for a, b in zip(exports[0].splitlines(), exports[1].splitlines(), strict=True) if a != b]
    assert differ == [], f"records differ between the killed-and-rerun and the clean database: {differ[:5]}"


# --- the CLI ----------------------------------------------------------------------------------------

def test_cli_ingest_and_queries(db, tmp_path):
    out = runner.invoke(app, ["ingest", "--samples", "--db", db])
    assert out.exit_code == 0, out.output
    assert out.output.rstrip().endswith(": 16 added, 0 changed, 0 unchanged, 0 failed")
    again = runner.invoke(app, ["ingest", "--samples", "--db", db, "--json"])
    assert json.loads(again.output)["unchanged"] == 16

    timeline = runner.invoke(app, ["timeline", "MAR", "RUS", "--json", "--db", db])
    assert timeline.exit_code == 0, timeline.output
    events = [json.loads(line) for line in timeline.output.splitlines()]
    starts = [date_key(e["start"]) for e in events]
    assert starts == sorted(starts) and events[0]["title"] == "Morocco–Russia relations"
    assert {"id", "evidence", "span", "section", "types", "start", "end"} <= set(events[0])

    missions = runner.invoke(app, ["missions", "--host", "MAR", "--db", db])
    assert missions.exit_code == 0
    for line in ("consulate          RUS in MAR  Tangier (35.7673, -5.7998)  former 1897–  [Morocco–Russia relations]",
                 "embassy            RUS in MAR  Rabat (34.0132, -6.8326)  current  [Morocco–Russia relations]"):
        assert line in missions.output.splitlines()
    for args in (["pairs"], ["agreements", "MAR", "RUS", "--subject", "fisheries"], ["search", "Tangier"],
                 ["show", "Morocco–Russia relations"], ["counts"], ["timeline", "Morocco", "Russia", "--from", "2019",
                                                                   "--type", "COOPERATE"]):
        text_out = runner.invoke(app, [*args, "--db", db])
        json_out = runner.invoke(app, [*args, "--db", db, "--json"])
        assert text_out.exit_code == json_out.exit_code == 0, (args, text_out.output)
        assert text_out.output.strip() and not text_out.output.startswith("(no")
        for line in json_out.output.splitlines():
            json.loads(line)
    shown = runner.invoke(app, ["show", "Morocco–Russia relations", "--json", "--db", db])
    assert json.loads(shown.output)["schema"] == "relation-record/1"


def test_cli_unknown_country_is_one_line_and_exit_2(db):
    runner.invoke(app, ["ingest", str(SEED_SAMPLE), "--db", db])
    for args in (["timeline", "MAR", "Xyz"], ["missions", "--host", "Xyz"], ["agreements", "Xyz", "MAR"]):
        out = runner.invoke(app, [*args, "--db", db])
        assert out.exit_code == 2
        assert out.output == ("legation: unknown country 'Xyz' (give an ISO code or an English name, "
                              "e.g. MAR or Morocco)\n")


def test_cli_user_errors(tmp_path):
    missing = tmp_path / "none.db"
    out = runner.invoke(app, ["pairs", "--db", str(missing)])
    assert out.exit_code == 2
    assert out.output == f"legation: no database at {missing} (run `legation ingest PATH...` first, or give --db)\n"
    assert not missing.exists()
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(SEED_SAMPLE), "--db", db])
    out = runner.invoke(app, ["show", "Nowhere relations", "--db", db])
    assert (out.exit_code, out.output) == (2, "legation: no article titled 'Nowhere relations' in the database "
                                               "(`legation pairs` lists the articles)\n")
    out = runner.invoke(app, ["export", "--format", "csv", "--db", db])
    assert (out.exit_code, out.output) == (2, "legation: CSV export writes one file per kind of fact: give -o "
                                              "FOLDER or -o FILE.zip\n")


def test_cli_ingest_piped_is_quiet_and_exits_2_on_failures(tmp_path):
    exe = str(Path(sys.executable).with_name("legation"))
    db = str(tmp_path / "x.db")
    ok = subprocess.run([exe, "ingest", str(SEED_SAMPLE), "--db", db], capture_output=True, text=True, timeout=120)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, f"{db}: 1 added, 0 changed, 0 unchanged, 0 failed\n", "")
    bad = tmp_path / "missing.txt"
    failed = subprocess.run([exe, "ingest", str(bad), str(SEED_SAMPLE), "--db", db], capture_output=True, text=True,
                            timeout=120)
    assert failed.returncode == 2
    assert failed.stderr == f"legation: {bad}: no such file (check the path)\n"
    assert failed.stdout == f"{db}: 0 added, 0 changed, 1 unchanged, 1 failed\n"


def test_to_dataframe_needs_pandas(tmp_path, monkeypatch):
    with legation.open(tmp_path / "x.db") as store:
        store.ingest([SEED_SAMPLE])
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingExtraError, match=r"pip install 'legation\[pandas\]'"):
            store.to_dataframe("missions")
        monkeypatch.undo()
        pandas = pytest.importorskip("pandas")
        frame = store.to_dataframe("missions")
        assert isinstance(frame, pandas.DataFrame) and "city" in frame.columns
