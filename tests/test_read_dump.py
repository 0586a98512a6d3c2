"""The XML dump reader: which pages, .xml = .xml.bz2, faults, safety, flat memory."""

from __future__ import annotations

import bz2
import importlib.util
import re
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from legation.errors import InputError
from legation.read import read_path
from legation.read.dump import is_relations_title, iter_dump
from legation.read.wikitext import read_wikitext

# The dump builder lives with the fixtures; load it by path (tests/ is not a package).
_spec = importlib.util.spec_from_file_location(
    "legation_tests_make_dump", Path(__file__).parent / "fixtures" / "dumps" / "make_dump.py")
make_dump = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = make_dump
_spec.loader.exec_module(make_dump)

TITLES = list(make_dump.ARTICLES.values())


@pytest.fixture
def dumps(tmp_path):
    return make_dump.build_dump(tmp_path)


def _comparable(article) -> dict:
    d = article.to_dict()
    d.pop("source")
    return d


def test_only_relations_pages_are_read(dumps):
    xml_path, _ = dumps
    articles = list(iter_dump(xml_path))
    assert [a.title for a in articles] == TITLES
    assert all(a.format == "wikitext" for a in articles)
    assert articles[0].source == f"{xml_path}#Morocco–Russia relations"


def test_dump_pages_read_like_the_files(dumps):
    xml_path, _ = dumps
    for article, (stem, title) in zip(iter_dump(xml_path), make_dump.ARTICLES.items(), strict=True):
        text = (make_dump.WIKITEXT / f"{stem}.wiki").read_text("utf-8")
        expected = read_wikitext(text, source="x", title=title)
        assert article.text == text
        assert _comparable(article) == _comparable(expected)
    # The current revision is read, not the older stub.
    first = next(iter_dump(xml_path))
    assert "stub" not in first.text and len(first.blocks) > 20


def test_xml_and_bz2_give_the_same_articles(dumps, tmp_path):
    xml_path, bz2_path = dumps
    single = tmp_path / "single.xml.bz2"
    single.write_bytes(bz2.compress(xml_path.read_bytes()))
    from_xml = [_comparable(a) for a in iter_dump(xml_path)]
    assert from_xml == [_comparable(a) for a in iter_dump(bz2_path)]  # multistream
    assert from_xml == [_comparable(a) for a in iter_dump(single)]
    assert [a.title for a in read_path(bz2_path)] == TITLES  # chosen by content


def test_redirect_talk_and_other_pages_are_skipped(tmp_path):
    pages = [
        make_dump.Page("Moroccan–Russian relations", "#REDIRECT [[Morocco–Russia relations]]",
                       redirect="Morocco–Russia relations"),
        make_dump.Page("Russian–Moroccan relations", "#redirect [[Morocco–Russia relations]]"),  # no <redirect>
        make_dump.Page("Talk:Morocco–Russia relations", "Talk.", ns=1),
        make_dump.Page("Morocco", "'''Morocco''' is a country."),
        make_dump.Page("A–B relations", "'''A–B relations''' are good."),
    ]
    xml_path, _ = make_dump.build_dump(tmp_path, pages)
    assert [a.title for a in iter_dump(xml_path)] == ["A–B relations"]


def test_truncated_bz2_raises_after_the_pages_before_the_cut(dumps, tmp_path):
    _, bz2_path = dumps
    data = bz2_path.read_bytes()
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[: len(data) // 2])
    seen = []
    with pytest.raises(InputError) as info:
        for article in iter_dump(cut):
            seen.append(article.title)
    assert info.value.path == str(cut)
    assert re.fullmatch(r"truncated or corrupt bz2 stream at byte \d+", info.value.problem)
    assert str(cut) in str(info.value)
    assert seen and seen == TITLES[: len(seen)] and len(seen) < len(TITLES)


def test_truncated_single_stream_bz2_raises(dumps, tmp_path):
    xml_path, _ = dumps
    data = bz2.compress(xml_path.read_bytes())
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated or corrupt bz2 stream at byte 0"):
        list(iter_dump(cut))


def test_corrupt_bz2_raises(dumps, tmp_path):
    _, bz2_path = dumps
    data = bytearray(bz2_path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 40] = b"\x00" * 40
    bad = tmp_path / "bad.xml.bz2"
    bad.write_bytes(bytes(data))
    with pytest.raises(InputError, match="truncated or corrupt bz2 stream at byte"):
        list(iter_dump(bad))


def test_truncated_xml_raises_after_the_pages_before_the_cut(dumps, tmp_path):
    xml_path, _ = dumps
    data = xml_path.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    seen = []
    with pytest.raises(InputError) as info:
        for article in iter_dump(cut):
            seen.append(article.title)
    assert re.fullmatch(r"malformed XML at line \d+", info.value.problem)
    assert info.value.path == str(cut)
    assert seen and seen == TITLES[: len(seen)]


_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE mediawiki [\n <!ENTITY lol "lol">\n'
           + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                     for i in range(1, 10))
           + "]>\n<mediawiki><siteinfo/><page><title>A–B relations</title><ns>0</ns><id>1</id>"
             "<revision><id>1</id><text>&lol9;</text></revision></page></mediawiki>\n")
_EXTERNAL = ('<?xml version="1.0"?>\n<!-- a comment first -->\n'
             '<!DOCTYPE mediawiki [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
             "<mediawiki><siteinfo/><page><title>A–B relations</title><ns>0</ns><id>1</id>"
             "<revision><id>1</id><text>&x;</text></revision></page></mediawiki>\n")


@pytest.mark.parametrize("xml", [_LAUGHS, _EXTERNAL], ids=["billion-laughs", "external-entity"])
@pytest.mark.parametrize("compress", [False, True], ids=["xml", "bz2"])
def test_doctype_with_entities_is_refused_quickly(tmp_path, xml, compress):
    path = tmp_path / ("evil.xml.bz2" if compress else "evil.xml")
    path.write_bytes(bz2.compress(xml.encode()) if compress else xml.encode())
    start = time.monotonic()
    with pytest.raises(InputError, match="DOCTYPE"):
        list(iter_dump(path))
    # Not a speed target: expanding the entities would take minutes and gigabytes, so a refusal
    # that comes at all within this generous bound is a refusal before expansion.
    assert time.monotonic() - start < 30


def test_xml_declaration_and_comments_before_the_root_are_fine(tmp_path):
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n'
           '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo><sitename>W</sitename>'
           "</siteinfo><page><title>A–B relations</title><ns>0</ns><id>1</id><revision><id>1</id>"
           "<text>A and B are friends &amp; allies.</text></revision></page></mediawiki>")
    path = tmp_path / "ok.xml"
    path.write_text(xml, "utf-8")
    (article,) = iter_dump(path)
    assert article.blocks[0].text == "A and B are friends & allies."


@pytest.mark.parametrize(("content", "problem"), [
    (b"<html><body/></html>", "not a MediaWiki dump"),
    (b"<mediawiki><page><title>A</title></page></mediawiki>", "malformed MediaWiki XML"),
    (b"<mediawiki><siteinfo/><page><title>A-B relations</title><ns>x</ns></page></mediawiki>",
     "malformed MediaWiki XML"),
    (b"<mediawiki><siteinfo/><page><title>A</title><ns>0</ns><bogus/></page></mediawiki>",
     "malformed MediaWiki XML"),
    (b"<mediawiki><siteinfo>", "malformed XML at line 1"),
    (b"", "malformed XML at line 1"),
])
def test_not_a_dump(tmp_path, content, problem):
    path = tmp_path / "x.xml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        list(iter_dump(path))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        list(iter_dump(tmp_path / "nope.xml"))


def _peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        for _ in iter_dump(path):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_flat_in_dump_size(tmp_path):
    def pages(n):
        return [make_dump.Page(f"Page {i}", "Some text about nothing. " * 40) for i in range(n)]

    small, small_bz2 = make_dump.build_dump(tmp_path, pages(500), name="small")
    large, large_bz2 = make_dump.build_dump(tmp_path, pages(3000), name="large")
    assert large.stat().st_size > 5 * small.stat().st_size
    assert _peak_memory(large) < 1.5 * _peak_memory(small) + 50_000
    assert _peak_memory(large_bz2) < 1.5 * _peak_memory(small_bz2) + 50_000


@pytest.mark.parametrize("title", [
    "Morocco–Russia relations", "Morocco-Russia relations", "The Gambia–Senegal relations",
    "Bosnia and Herzegovina–Serbia relations", "Relations between France and Germany",
    "Holy See and Italy relations", "Trinidad and Tobago–Venezuela relations", "China–Pakistan_relations",
])
def test_relations_titles(title):
    assert is_relations_title(title)


@pytest.mark.parametrize("title", [
    "Foreign relations of Morocco", "List of diplomatic missions of Russia", "History of Morocco–Russia relations",
    "Russia–Ukraine relations (disambiguation)", "Morocco", "Public relations", "International relations",
    "Bosnia and Herzegovina relations", "China–Japan–South Korea relations", "Inter-Korean relations",
    "Cross-Strait relations", "Morocco–Russia relations (1920–1991)", "Timeline of China–Pakistan relations",
    "", "relations", "–B relations", "A– relations",
])
def test_not_relations_titles(title):
    assert not is_relations_title(title)
