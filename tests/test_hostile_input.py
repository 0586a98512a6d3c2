"""Hostile and broken input: wrong encodings, huge lines, 10⁵ headings, deep nesting, markup that
makes the wikitext parser slow, bz2 bombs, oversized dump pages, paths with ``..`` — each read
safely or refused with a one-line error (exit code 2), the database untouched, within the limits
of :mod:`legation.limits`."""

from __future__ import annotations

import bz2
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import mwparserfromhell
import pytest

import legation
from legation.cli import sample_paths
from legation.errors import ConfigError, InputError
from legation.export import jsonl
from legation.limits import Limits, limits
from legation.read import read_path, read_text
from legation.read.defuse import SLACK, defuse
from legation.read.dump import iter_dump
from legation.read.multistream import iter_multistream
from legation.read.wikitext import read_wikitext

_spec = importlib.util.spec_from_file_location(
    "legation_tests_make_dump_hostile", Path(__file__).parent / "fixtures" / "dumps" / "make_dump.py")
make_dump = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = make_dump
_spec.loader.exec_module(make_dump)

ARTICLE = "= Chile–France relations =\n\nChile and France signed a trade agreement in Santiago in 1950.\n"
WIKI_LEAD = "'''Chile–France relations''' are the relations of [[Chile]] and [[France]].\n"


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("legation")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def _export(db: Path) -> str:
    with legation.open(str(db)) as store:
        return "".join(jsonl(store))


# --- encodings ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_with_or_without_bom_reads_as_utf8(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (article,) = read_path(path)
    assert article.text == ARTICLE
    assert article.title == "Chile–France relations"


def test_bad_files_fail_alone_with_one_line_each_and_the_database_is_untouched(tmp_path):
    db = tmp_path / "kb.db"
    sample = sample_paths()[0]
    assert _run("ingest", str(sample), "--db", str(db)).returncode == 0
    before = _export(db)
    bad = {
        "latin1.txt": "= Chile–France relations =\n\nCafé in Santiago.\n".replace("–", "-").encode("latin-1"),
        "binary.txt": bytes(range(256)) * 64,
        "empty.txt": b"",
        "huge.txt": b"Chile and France signed a treaty in 1950. " * (50 * 1024 * 1024 // 42 + 1),  # a 50 MB line
        "utf16.xml": '<?xml version="1.0"?><mediawiki></mediawiki>'.encode("utf-16"),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in bad] + [str(tmp_path / "sub" / ".." / "missing.txt")]
    out = _run("ingest", *paths, "--db", str(db), "--jobs", "1")
    assert out.returncode == 2, out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("legation: ")]
    assert len(lines) == len(paths), out.stderr
    assert "Traceback" not in out.stderr
    for path, line in zip(paths, lines, strict=True):
        assert line.startswith(f"legation: {path}: ")
    assert "more than the 4194304-byte limit" in out.stderr and "LEGATION_MAX_ARTICLE_BYTES" in out.stderr
    assert "not UTF-8 (byte" in out.stderr and "binary file" in out.stderr
    assert _export(db) == before


def test_a_bad_limit_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGATION_MAX_ARTICLE_BYTES", "lots")
    with pytest.raises(ConfigError, match="LEGATION_MAX_ARTICLE_BYTES='lots' is not a positive size"):
        limits()
    out = _run("extract", str(sample_paths()[0]), env={"LEGATION_MAX_ARTICLE_BYTES": "-1"})
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "legation: LEGATION_MAX_ARTICLE_BYTES='-1' is not a positive size (give e.g. 8M or 8388608)"]


def test_limits_are_set_by_environment_variables(monkeypatch):
    assert limits() == Limits()
    monkeypatch.setenv("LEGATION_MAX_ARTICLE_BYTES", "64M")
    monkeypatch.setenv("LEGATION_MAX_NESTING", "12")
    assert limits() == Limits(article_bytes=64 << 20, nesting=12)
    monkeypatch.setenv("LEGATION_MAX_ARTICLE_BYTES", "100")
    with pytest.raises(InputError, match=r"a\.txt: is more than the 100-byte limit .*raise LEGATION_MAX_ARTICLE"):
        read_text(ARTICLE * 3, source="a.txt")


# --- size and shape ------------------------------------------------------------------------------------


def test_a_50_mb_line_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "line.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: nothing is written, the size is what counts
    with pytest.raises(InputError, match="52428800 bytes, more than the 4194304-byte limit"):
        list(read_path(path))


def test_a_long_line_under_the_limit_is_read(monkeypatch):
    line = "Chile and France signed a treaty in 1950. " * 80_000  # 3.4 MB, one paragraph
    article = read_text("= Chile–France relations =\n\n" + line)
    assert len(article.blocks) == 1 and article.blocks[0].text == line.strip()


def test_a_hundred_thousand_headings(tmp_path):
    body = "".join(f"== Part {i} ==\nChile met France.\n" for i in range(100_000))  # 3 MB
    plain = read_text("= Chile–France relations =\n\n" + body)
    assert len(plain.sections) == 100_000
    assert plain.blocks[-2].section == "Part 99999"
    wiki = read_wikitext(WIKI_LEAD + body)
    assert len(wiki.sections) == 100_000


def test_deeply_nested_lists(monkeypatch):
    depth = limits().nesting
    lines = "".join("*" * i + " Chile and France in 1950.\n" for i in range(1, 400))
    article = read_wikitext(WIKI_LEAD + lines)
    items = [b for b in article.blocks if b.kind == "list_item"]
    assert len(items) == 399
    assert max(b.depth for b in items) == depth - 1  # markers past the limit are text, not 400 levels
    indented = "".join("  " * i + "- Chile and France in 1950.\n" for i in range(400))
    plain = read_text("= Chile–France relations =\n\n" + indented)
    assert [b.depth for b in plain.blocks if b.kind == "list_item"] == list(range(400))


@pytest.mark.parametrize("markup", [
    "{{" * 5000 + "x" + "}}" * 5000, "{{{" * 3000 + "x" + "}}}" * 3000, "[[" * 5000 + "a" + "]]" * 5000,
    "<div>" * 5000 + "x" + "</div>" * 5000, "{{a|[[b|<div>" * 3000,
], ids=["templates", "arguments", "links", "tags", "mixed"])
def test_deep_nesting_is_read_without_recursing_too_deep(markup):
    article = read_wikitext(WIKI_LEAD + markup)
    assert article.blocks[0].text.startswith("Chile–France relations are the relations of Chile and France")


# Each of these, repeated and never closed, takes mwparserfromhell time quadratic in the text's length.
UNCLOSED = ["{{a|", "{{{a|", "[[b|", "<div>", '<div a="', "[http://a.b ", "{|\n", "<ref>", "<!--", "<nowiki>",
            "{{a|[[b|<div>[http://x "]


@pytest.mark.parametrize("opener", UNCLOSED)
def test_unclosed_openers_are_defused_keeping_offsets(opener):
    text = WIKI_LEAD + opener * 20_000
    safe = defuse(text)
    assert len(safe) == len(text)
    assert safe[:len(WIKI_LEAD)] == WIKI_LEAD
    code = mwparserfromhell.parse(safe[len(WIKI_LEAD):])
    assert not code.filter_templates() and not code.filter_tags() and not code.filter_wikilinks()
    article = read_wikitext(text)
    for block in article.blocks:
        start, end = block.span
        assert 0 <= start <= end <= len(text)


def test_a_real_article_is_not_defused(shared):
    for path in sorted((Path(__file__).parent / "fixtures" / "wikitext").glob("*.wiki")):
        text = path.read_text("utf-8")
        assert defuse(text) == text
    few = WIKI_LEAD + "{{unclosed|" * SLACK
    assert defuse(few) == few  # a few typos are parsed as mwparserfromhell parses them


def test_too_much_markup_is_refused_by_the_limit(monkeypatch):
    text = WIKI_LEAD + "[[a]] " * 2000
    assert read_text(text, fmt="wikitext").title == "Chile–France relations"
    monkeypatch.setenv("LEGATION_MAX_MARKUP", "1000")
    with pytest.raises(InputError, match=r"x\.wiki: has 20\d\d wikitext constructs, more than the limit of 1000"):
        read_text(text, source="x.wiki", fmt="wikitext")


# --- dumps ---------------------------------------------------------------------------------------------


def _multistream(directory: Path, pages: list) -> Path:
    """A multistream dump of ``pages``, one per stream, with its index beside it."""
    parts = [make_dump.HEADER] + [make_dump.page_xml(p, i + 1) for i, p in enumerate(pages)] + [make_dump.FOOTER]
    dump = directory / "x-multistream.xml.bz2"
    offset, lines = 0, []
    with dump.open("wb") as fh:
        for i, part in enumerate(parts):
            data = bz2.compress(part.encode("utf-8"))
            if 0 < i <= len(pages):
                lines.append(f"{offset}:{i}:{pages[i - 1].title}\n")
            fh.write(data)
            offset += len(data)
    (directory / "x-multistream-index.txt.bz2").write_bytes(bz2.compress("".join(lines).encode("utf-8")))
    return dump


def _pages(big: str) -> list:
    fixture = (Path(__file__).parent / "fixtures" / "wikitext" / "france-germany-relations.wiki").read_text("utf-8")
    return [make_dump.Page("Chile–France relations", big), make_dump.Page("France–Germany relations", fixture)]


def test_a_bz2_bomb_is_refused_and_the_other_streams_read(tmp_path, monkeypatch):
    bomb = WIKI_LEAD + "a" * (8 << 20)  # 8 MB that compress to a few hundred bytes
    dump = _multistream(tmp_path, _pages(bomb))
    assert dump.stat().st_size < 20_000
    monkeypatch.setenv("LEGATION_MAX_STREAM_BYTES", "1M")
    errors: list[InputError] = []
    assert [a.title for a in iter_multistream(dump, errors=errors)] == ["France–Germany relations"]
    assert len(errors) == 1
    assert "decompresses to more than 1048576 bytes" in str(errors[0])
    assert "LEGATION_MAX_STREAM_BYTES" in str(errors[0])


def test_an_oversized_page_is_skipped_by_both_readers(tmp_path, monkeypatch):
    dump = _multistream(tmp_path, _pages(WIKI_LEAD + "Chile and France met in 1950. " * 2000))
    monkeypatch.setenv("LEGATION_MAX_ARTICLE_BYTES", "40K")
    for read in (iter_multistream, iter_dump):
        errors: list[InputError] = []
        assert [a.title for a in read(dump, errors=errors)] == ["France–Germany relations"]
        assert [e.path for e in errors] == [f"{dump}#Chile–France relations"]
        assert "more than the 40960-byte limit" in errors[0].problem
    with pytest.raises(InputError, match="#Chile–France relations: is more than"):
        list(iter_dump(dump))


def test_a_page_too_long_to_hold_stops_the_scan_with_its_line(tmp_path, monkeypatch):
    pages = _pages("x") + [make_dump.Page("Chile–Peru relations", WIKI_LEAD + "b" * (3 << 20))]
    dump = _multistream(tmp_path, pages)
    monkeypatch.setenv("LEGATION_MAX_ARTICLE_BYTES", "1K")  # a page may then be 1 MB + 2 KB of XML
    seen: list[str] = []
    with pytest.raises(InputError, match=r"the page at line \d+ is longer than 1050624 bytes of XML"):
        for article in iter_dump(dump, errors=[]):
            seen.append(article.title)
    assert seen == ["Chile–France relations"]  # the pages before it are read


def test_ingest_of_a_hostile_dump_keeps_what_is_stored(tmp_path):
    db = tmp_path / "kb.db"
    assert _run("ingest", str(sample_paths()[0]), "--db", str(db)).returncode == 0
    before = _export(db)
    bomb = _multistream(tmp_path, _pages(WIKI_LEAD + "{{a|" * 50_000))
    out = _run("ingest", str(bomb), "--db", str(db), "--jobs", "2", env={"LEGATION_MAX_MARKUP": "10000"})
    assert out.returncode == 2, out.stderr
    assert "#Chile–France relations: has 500" in out.stderr and "more than the limit of 10000" in out.stderr
    assert "Traceback" not in out.stderr
    with legation.open(str(db)) as store:
        titles = {p.title for p in store.pairs()}
    assert "France–Germany relations" in titles and "Chile–France relations" not in titles
    assert before.splitlines()[0] in _export(db)
