"""Index-seek reading of multistream dumps: same articles as the scan, faults named by offset, flat memory."""

from __future__ import annotations

import bz2
import importlib.util
import sys
import tracemalloc
from pathlib import Path

import pytest

from legation.errors import InputError
from legation.read.dump import iter_dump
from legation.read.multistream import find_index, iter_multistream, stream_groups


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ROOT = Path(__file__).resolve().parent.parent
make_dump = _load("legation_bench_make_dump", ROOT / "bench" / "make_dump.py")
fixture_dump = _load("legation_tests_make_dump", ROOT / "tests" / "fixtures" / "dumps" / "make_dump.py")
FIX = "(download the dump again, or check it with `bzip2 -t`)"


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    """A 700-page multistream dump (7 page streams), about 9 relations articles among them."""
    return make_dump.write_dump(tmp_path_factory.mktemp("synth"), pages=700, relations_share=0.012, seed=5)


def _copy(info, directory: Path) -> tuple[Path, Path]:
    dump = directory / info.dump.name
    index = directory / info.index.name
    dump.write_bytes(info.dump.read_bytes())
    index.write_bytes(info.index.read_bytes())
    return dump, index


def _offsets(index: Path) -> list[int]:
    return sorted({int(line.split(":", 1)[0]) for line in bz2.decompress(index.read_bytes()).decode().splitlines()})


def test_find_index_beside_the_dump(tmp_path):
    dump = tmp_path / "enwiki-20240601-pages-articles-multistream.xml.bz2"
    dump.write_bytes(b"")
    assert find_index(dump) is None
    index = tmp_path / "enwiki-20240601-pages-articles-multistream-index.txt.bz2"
    index.write_bytes(b"")
    assert find_index(dump) == index
    assert find_index(tmp_path / "article.txt") is None


def test_the_builder_is_deterministic_and_lays_out_a_multistream_dump(tmp_path):
    one = make_dump.write_dump(tmp_path / "one", pages=250, relations_share=0.02, seed=8, jobs=1)
    two = make_dump.write_dump(tmp_path / "two", pages=250, relations_share=0.02, seed=8, jobs=2)
    assert one.dump.read_bytes() == two.dump.read_bytes()
    assert one.index.read_bytes() == two.index.read_bytes()
    # Header stream, 100 pages per stream, footer stream, each an independent bz2 stream.
    data, streams = one.dump.read_bytes(), []
    while data:
        dec = bz2.BZ2Decompressor()
        streams.append(dec.decompress(data).decode("utf-8"))
        data = dec.unused_data
    assert streams[0].startswith("<mediawiki ") and streams[0].rstrip().endswith("</siteinfo>")
    assert [s.count("<page>") for s in streams[1:-1]] == [100, 100, 50]
    assert streams[-1] == "</mediawiki>\n"
    lines = bz2.decompress(one.index.read_bytes()).decode("utf-8").splitlines()
    assert len(lines) == 250 and lines[0].startswith(f"{len(bz2.compress(streams[0].encode(), 9))}:1:")


def test_index_and_scan_give_the_same_articles(synth):
    assert synth.relations >= 5
    seek = list(iter_multistream(synth.dump))
    scan = list(iter_dump(synth.dump))
    assert [a.title for a in seek] == [a.title for a in scan]
    assert len(seek) == synth.relations
    assert seek == scan
    assert [a.to_dict() for a in seek] == [a.to_dict() for a in scan]
    assert seek[0].source == f"{synth.dump}#{seek[0].title}"


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_worker_threads_and_processes_give_the_same_articles(synth, workers):
    """One worker is a thread, several are processes whose articles come back pickled, in dump order."""
    scan = list(iter_dump(synth.dump))
    seek = list(iter_multistream(synth.dump, workers=workers))
    assert [a.to_dict() for a in seek] == [a.to_dict() for a in scan]
    assert [[b.offsets for b in a.blocks] for a in seek] == [[b.offsets for b in a.blocks] for a in scan]


def test_an_error_from_a_worker_process_keeps_its_parts(synth, tmp_path):
    dump, index = _copy(synth, tmp_path)
    bad = list(stream_groups(index, namespaces=("Talk",)))[0].offset
    data = bytearray(dump.read_bytes())
    data[bad + 2000:bad + 2100] = bytes(b ^ 0x55 for b in data[bad + 2000:bad + 2100])
    dump.write_bytes(bytes(data))
    errors: list[InputError] = []
    list(iter_multistream(dump, errors=errors, workers=2))
    [error] = errors
    assert (error.path, error.problem, error.fix) == (str(dump), f"corrupt bz2 stream at byte {bad}", FIX[1:-1])


def test_only_streams_with_relations_titles_are_selected(synth):
    groups = list(stream_groups(synth.index, namespaces=("Talk", "User", "Template", "Category")))
    offsets = _offsets(synth.index)
    assert 0 < len(groups) < len(offsets)
    assert [g.offset for g in groups] == sorted(g.offset for g in groups)
    assert all(not t.startswith("Talk:") for g in groups for t in g.titles)


def test_fixture_dump_with_an_index(tmp_path):
    """The reader tests' dump (redirect, talk page, older revision, templates) with an index beside it."""
    pages = fixture_dump.fixture_pages()
    parts = [fixture_dump.HEADER] + [fixture_dump.page_xml(p, i + 1) for i, p in enumerate(pages)]
    _, dump = fixture_dump.build_dump(tmp_path, name="fx-multistream")
    offset, lines = 0, []
    for i, part in enumerate(parts):
        if i:
            lines.append(f"{offset}:{i}:{pages[i - 1].title}\n")
        offset += len(bz2.compress(part.encode("utf-8")))
    (tmp_path / "fx-multistream-index.txt.bz2").write_bytes(bz2.compress("".join(lines).encode("utf-8")))
    seek = list(iter_multistream(dump))
    assert [a.title for a in seek] == list(fixture_dump.ARTICLES.values())
    assert seek == list(iter_dump(dump))
    assert "stub" not in seek[0].text  # the current revision


def test_corrupt_stream_is_named_and_the_others_are_read(synth, tmp_path):
    dump, index = _copy(synth, tmp_path)
    groups = list(stream_groups(index, namespaces=("Talk",)))
    bad = groups[1].offset
    data = bytearray(dump.read_bytes())
    for i in range(bad + 2000, bad + 2100):
        data[i] ^= 0x55
    dump.write_bytes(bytes(data))
    errors: list[InputError] = []
    titles = [a.title for a in iter_multistream(dump, errors=errors)]
    assert [str(e) for e in errors] == [f"{dump}: corrupt bz2 stream at byte {bad} {FIX}"]
    expected = [a.title for a in iter_multistream(synth.dump)]
    assert titles == [t for t in expected if t not in groups[1].titles]
    assert len(titles) >= synth.relations - len(groups[1].titles)


def test_truncated_dump_names_the_offsets(synth, tmp_path):
    dump, index = _copy(synth, tmp_path)
    groups = list(stream_groups(index, namespaces=("Talk",)))
    offsets = _offsets(index)
    cut_stream = groups[-2].offset
    cut = cut_stream + 5000
    dump.write_bytes(dump.read_bytes()[:cut])
    errors: list[InputError] = []
    titles = [a.title for a in iter_multistream(dump, errors=errors)]
    messages = [str(e) for e in errors]
    assert messages[0] == f"{dump}: truncated bz2 stream at byte {cut_stream}: the file ends before the stream {FIX}"
    assert messages[1:] == [
        f"{dump}: no bz2 stream at byte {g.offset}: the file ends at byte {cut} "
        f"(it is truncated, or the index is not this dump's) {FIX}" for g in groups[-1:]
    ]
    assert cut_stream in offsets
    before = [t for g in groups[:-2] for t in g.titles if not t.startswith("Talk:")]
    assert titles == [t for t in [a.title for a in iter_multistream(synth.dump)] if t in before]


def test_without_an_error_list_the_first_error_is_raised_last(synth, tmp_path):
    dump, index = _copy(synth, tmp_path)
    first = next(iter(stream_groups(index))).offset
    data = bytearray(dump.read_bytes())
    data[first + 3000] ^= 0xFF
    dump.write_bytes(bytes(data))
    got = []
    with pytest.raises(InputError, match=f"corrupt bz2 stream at byte {first}"):
        for article in iter_multistream(dump):
            got.append(article.title)
    assert got  # the other streams' articles came first


def test_an_index_of_another_dump(synth, tmp_path):
    dump, index = _copy(synth, tmp_path)
    other = make_dump.write_dump(tmp_path / "other", pages=300, relations_share=0.02, seed=9, name="other")
    errors: list[InputError] = []
    list(iter_multistream(dump, index=other.index, errors=errors))
    assert errors
    assert all(e.problem.startswith("no bz2 stream starts at byte ") for e in errors), errors


def test_malformed_index_line(synth, tmp_path):
    dump, _ = _copy(synth, tmp_path)
    bad = tmp_path / "bad-index.txt.bz2"
    bad.write_bytes(bz2.compress("12:1:Morocco–Russia relations\nnot a line about relations\n".encode()))
    errors: list[InputError] = []
    list(iter_multistream(dump, index=bad, errors=errors))
    assert str(errors[-1]) == (f"{bad}: line 2 of the index is not offset:page_id:title "
                               "(give the -multistream-index.txt.bz2 file of the same dump)")


def test_not_a_mediawiki_dump(tmp_path):
    dump = tmp_path / "x-multistream.xml.bz2"
    dump.write_bytes(bz2.compress(b"<html>hello</html>"))
    (tmp_path / "x-multistream-index.txt.bz2").write_bytes(bz2.compress(b"0:1:A\xe2\x80\x93B relations\n"))
    with pytest.raises(InputError, match="not a MediaWiki multistream dump"):
        list(iter_multistream(dump))


def test_without_an_index_the_scan_is_used(synth, tmp_path):
    dump = tmp_path / "solo-multistream.xml.bz2"
    dump.write_bytes(synth.dump.read_bytes())
    assert find_index(dump) is None
    assert list(iter_multistream(dump)) == list(iter_dump(dump))


def _peak(info) -> int:
    tracemalloc.start()
    try:
        for _ in iter_multistream(info.dump):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat(tmp_path):
    # Both hold more selected streams than the threads decompress ahead (2 * threads + 1), so
    # both peaks are the window's, whatever the threads' timing.
    small = make_dump.write_dump(tmp_path / "s", pages=1000, relations_share=0.01, seed=2)
    big = make_dump.write_dump(tmp_path / "b", pages=4000, relations_share=0.01, seed=2)
    assert big.dump_bytes > 3.5 * small.dump_bytes
    _peak(small)  # imports and lazy tables, once
    small_peak, big_peak = _peak(small), _peak(big)
    assert big_peak < 1.5 * small_peak + 256 * 1024, (small_peak, big_peak)


def test_malformed_page_xml_names_the_stream(tmp_path):
    good = make_dump.Page("Laos–Vietnam relations", "'''Laos–Vietnam relations''' are close.\n")
    bad = make_dump.Page("Morocco–Russia relations", "'''Morocco–Russia relations''' are old.\n")
    streams = [make_dump.HEADER, make_dump.page_xml(bad, 1).replace("</ns>", "</nx>"), make_dump.page_xml(good, 2),
               make_dump.FOOTER]
    dump = tmp_path / "m-multistream.xml.bz2"
    offsets, data = [], b""
    for part in streams:
        offsets.append(len(data))
        data += bz2.compress(part.encode("utf-8"))
    dump.write_bytes(data)
    index = f"{offsets[1]}:1:{bad.title}\n{offsets[2]}:2:{good.title}\n"
    (tmp_path / "m-multistream-index.txt.bz2").write_bytes(bz2.compress(index.encode("utf-8")))
    errors: list[InputError] = []
    assert [a.title for a in iter_multistream(dump, errors=errors)] == [good.title]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{dump}: malformed XML in the bz2 stream at byte {offsets[1]}: mismatched tag")
