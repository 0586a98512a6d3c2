"""Bulk extraction: parallel and Dask runs give the serial run's records in the same order; faults carry on."""

from __future__ import annotations

import bz2
import sys
import tracemalloc
from pathlib import Path

import pytest

import legation
from legation import bulk
from legation.errors import ConfigError, InputError, LegationError, MissingExtraError
from legation.extract import extract_article
from legation.read.dump import iter_dump
from legation.read.multistream import stream_groups
from tests.test_multistream import make_dump

WIKITEXT = Path(__file__).parent / "fixtures" / "wikitext"


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    return make_dump.write_dump(tmp_path_factory.mktemp("bulk"), pages=600, relations_share=0.015, seed=11)


@pytest.fixture(scope="module")
def serial(synth):
    """The reference: the streaming reader and the extractor, one article after the other."""
    return [extract_article(a) for a in iter_dump(synth.dump)]


def _json(records) -> list[str]:
    return [r.to_json() for r in records]


def test_serial_bulk_matches_the_reader(synth, serial):
    assert len(serial) == synth.relations >= 5
    got = list(bulk.records([synth.dump], jobs=1))
    assert _json(r for _, r in got) == _json(serial)
    article, record = got[0]
    assert article.title == record.title and article.blocks == () and article.text
    assert article.source == f"{synth.dump}#{record.title}"


def test_two_jobs_give_the_same_records_in_the_same_order(synth, serial):
    got = [r for _, r in bulk.records([synth.dump], jobs=2)]
    assert got == serial
    assert _json(got) == _json(serial)


def test_without_an_index_the_driver_scans_and_workers_extract(synth, serial, tmp_path):
    dump = tmp_path / "noindex.xml.bz2"
    dump.write_bytes(synth.dump.read_bytes())
    got = [r for _, r in bulk.records([dump], jobs=2)]
    assert [r.title for r in got] == [r.title for r in serial]
    assert _json(got) == [j.replace(str(synth.dump), str(dump)) for j in _json(serial)]


def test_a_truncated_dump_without_an_index_keeps_what_came_before(synth, serial, tmp_path):
    dump = tmp_path / "cut.xml.bz2"
    data = synth.dump.read_bytes()
    dump.write_bytes(data[: len(data) * 2 // 3])
    before: list[str] = []
    with pytest.raises(InputError) as exc:
        for article in iter_dump(dump):
            before.append(article.title)
    assert 0 < len(before) < len(serial)
    for jobs in (1, 2):
        errors: list[str] = []
        got = [r.title for _, r in bulk.records([dump], jobs=jobs, errors=errors)]
        assert got == before
        assert errors == [str(exc.value)]
        assert "truncated or corrupt bz2 stream at byte" in errors[0]


def test_files_folders_and_dumps_keep_input_order(synth, serial):
    wiki = sorted(WIKITEXT.glob("*.wiki"))
    paths = [WIKITEXT, synth.dump, wiki[0]]
    serial_run = list(bulk.records(paths, jobs=1))
    parallel = list(bulk.records(paths, jobs=2))
    assert [r for _, r in parallel] == [r for _, r in serial_run]
    assert [a.source for a, _ in parallel] == [str(p) for p in wiki] + [
        f"{synth.dump}#{r.title}" for r in serial] + [str(wiki[0])]


def test_failures_are_collected_in_order_and_the_rest_goes_on(synth, serial, tmp_path):
    dump = tmp_path / "synth-multistream.xml.bz2"
    index = tmp_path / "synth-multistream-index.txt.bz2"
    dump.write_bytes(synth.dump.read_bytes())
    index.write_bytes(synth.index.read_bytes())
    groups = list(stream_groups(index, namespaces=("Talk",)))
    bad = groups[0].offset
    data = bytearray(dump.read_bytes())
    data[bad + 4000: bad + 4050] = bytes(50)
    dump.write_bytes(bytes(data))
    missing = tmp_path / "missing.wiki"
    for jobs in (1, 2):
        errors: list[str] = []
        got = [r.title for _, r in bulk.records([dump, missing], jobs=jobs, errors=errors)]
        assert errors == [
            f"{dump}: corrupt bz2 stream at byte {bad} (download the dump again, or check it with `bzip2 -t`)",
            f"{missing}: no such file (check the path)",
        ]
        assert got == [r.title for r in serial if r.title not in groups[0].titles]
    with pytest.raises(LegationError, match=r"corrupt bz2 stream at byte \d+ \(.*\) \(and 1 more failures\)"):
        list(bulk.records([dump, missing], jobs=1))


def test_an_article_without_two_countries_is_a_failure(tmp_path):
    page = make_dump.Page("Atlantis–Lemuria relations", "'''Atlantis–Lemuria relations''' are legendary.\n")
    dump = tmp_path / "odd.xml.bz2"
    body = make_dump.HEADER + make_dump.page_xml(page, 1) + make_dump.FOOTER
    dump.write_bytes(bz2.compress(body.encode()))
    errors: list[str] = []
    assert list(bulk.records([dump], jobs=1, errors=errors)) == []
    assert errors == [f"{dump}#Atlantis–Lemuria relations: title 'Atlantis–Lemuria relations' does not name two "
                      "countries (expected a title such as 'Morocco–Russia relations')"]


def test_ingest_writes_in_order_one_article_at_a_time(synth, serial):
    seen: list[tuple[str, str]] = []
    sources: list[str] = []
    with legation.open(":memory:") as store:
        report = bulk.ingest(store, [synth.dump], jobs=2, on_article=lambda t, s: seen.append((t, s)),
                             on_source=sources.append)
        assert report.summary() == f"{len(serial)} added, 0 changed, 0 unchanged, 0 failed"
        assert seen == [(r.title, "added") for r in serial]
        assert sources == [str(synth.dump)]
        again = bulk.ingest(store, [synth.dump], jobs=1)
        assert again.summary() == f"0 added, 0 changed, {len(serial)} unchanged, 0 failed"
    with legation.open(":memory:") as store:
        # The store's own serial ingest (the streaming reader) stores the same records.
        assert store.ingest(synth.dump).summary() == report.summary()
        assert bulk.ingest(store, [synth.dump], jobs=2).summary() == again.summary()


def test_ingest_counts_failures(synth, tmp_path):
    missing = tmp_path / "missing.txt"
    failed: list[str] = []
    with legation.open(":memory:") as store:
        report = bulk.ingest(store, [missing, synth.dump], jobs=1,
                             on_article=lambda t, s: failed.append(t) if s == "failed" else None)
    assert report.failed == 1 and report.added == synth.relations
    assert report.errors == (f"{missing}: no such file (check the path)",)
    assert failed == [str(missing)]


def test_dask_local_cluster_gives_the_serial_records(synth, serial):
    pytest.importorskip("distributed")
    got = [r for _, r in bulk.records([synth.dump], jobs=2, dask="local")]
    assert _json(got) == _json(serial)


def test_dask_missing_names_the_extra(synth, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError) as exc:
        list(bulk.records([synth.dump], dask="local"))
    assert str(exc.value) == "--dask needs Dask, which is not installed: pip install 'legation[dask]'"


def test_bad_options(synth):
    with pytest.raises(ConfigError, match="--jobs must be 1 or more, not 0"):
        list(bulk.records([synth.dump], jobs=0))
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="--dask takes 'local' or a scheduler address"):
        list(bulk.records([synth.dump], dask="somewhere"))
    with pytest.raises(ConfigError, match="an index names the streams of one dump"):
        list(bulk.records([synth.dump, synth.dump], index=synth.index))


def test_tasks_are_planned_as_a_stream(tmp_path):
    """Planning reads the index lazily: its memory does not grow with the dump."""
    small = make_dump.write_dump(tmp_path / "s", pages=500, relations_share=0.01, seed=4)
    big = make_dump.write_dump(tmp_path / "b", pages=2000, relations_share=0.01, seed=4)

    def peak(info) -> int:
        tracemalloc.start()
        try:
            for _ in bulk.plan([info.dump]):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(small)
    assert peak(big) < 1.5 * peak(small) + 256 * 1024
