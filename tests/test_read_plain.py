"""The plain-text reader on the corpus and on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from legation.read import detect_format, read_path, read_text
from legation.read.plain import clean_infobox_value, read_plain
from tests.conftest import SEED, corpus_files


def test_every_corpus_file_reads(shared):
    files = corpus_files()
    assert len(files) == 16
    for path in files:
        article = next(read_path(path))
        assert article.title.endswith("relations"), path
        assert article.format == "plain"
        assert any(b.kind == "paragraph" for b in article.blocks), path
        for block in article.blocks:
            assert article.text[block.span[0]:block.span[1]] == block.text, (path, block)
        for entry in article.infobox:
            assert article.text[entry.span[0]:entry.span[1]].startswith(entry.key + ":")


def test_seed_model(shared):
    article = next(read_path(SEED))
    assert article.title == "Morocco–Russia relations"
    assert [(e.key, e.value) for e in article.infobox] == [
        ("Map", "Morocco Russia Locator.png"),
        ("Filetype", "png"),
        ("Mission1", "Embassy of Morocco, Moscow"),
        ("Mission2", "Embassy of Russia, Rabat"),
    ]
    paths = article.section_paths()
    for path in ("History > Imperial period", "History > Soviet period",
                 "Current relations > During Russo-Ukrainian war", "Diplomatic missions", "See also"):
        assert path in paths
    assert article.see_also == (
        "Foreign relations of Russia",
        "Africa–Soviet Union relations",
        "Foreign relations of Morocco",
        "List of ambassadors of Russia to Morocco",
        "List of ambassadors of Morocco to Russia",
    )
    depths = [b.depth for b in article.blocks if b.kind == "list_item" and b.section == "See also"]
    assert depths == [0, 1, 0, 0, 0]
    assert article.lead[0].text.startswith("Morocco–Russia relations (العلاقات")
    history = next(s for s in article.sections if s.title == "History")
    assert [c.title for c in history.children] == ["Imperial period", "Soviet period"]


def test_corpus_header_is_metadata_not_text(shared):
    article = next(read_path(CORPUS_DEV := shared / "corpus" / "dev" / "the-gambia-senegal-relations.txt"))
    assert dict(article.meta)["truncated"] == "no"
    assert dict(article.meta)["url"].startswith("https://en.wikipedia.org/wiki/The_Gambia")
    assert all("URL:" not in b.text for b in article.blocks), CORPUS_DEV


def test_quirks():
    text = (
        "= A–B relations =\n\nInfobox\n- Mission1: Embassy of China, Islamabad |Pakistan|China\n"
        "- Map: A_B_Locator.svg|A-B|A|B\n- Mission2: Afghan Embassy,, Tehran\n\n"
        " A stray space starts this line () .\n==Heading==\nText right after.\n"
        "Paragraph line\n===Sub===\n- item\n    - deeper item\n| a | b |\nCut off mid-wo"
    )
    article = read_plain(text)
    assert [e.value for e in article.infobox] == [
        "Embassy of China, Islamabad", "A B Locator.svg", "Afghan Embassy, Tehran"]
    kinds = [(b.kind, b.text, b.section, b.depth) for b in article.blocks]
    assert kinds == [
        ("paragraph", "A stray space starts this line () .", "", 0),
        ("heading", "Heading", "Heading", 0),
        ("paragraph", "Text right after.", "Heading", 0),
        ("paragraph", "Paragraph line", "Heading", 0),
        ("heading", "Sub", "Heading > Sub", 0),
        ("list_item", "item", "Heading > Sub", 0),
        ("list_item", "deeper item", "Heading > Sub", 2),
        ("table_row", "| a | b |", "Heading > Sub", 0),
        ("paragraph", "Cut off mid-wo", "Heading > Sub", 0),
    ]
    assert article.blocks[-2].cells == ("a", "b")


def test_clean_infobox_value():
    assert clean_infobox_value("Japan_Palau_Locator.png") == "Japan Palau Locator.png"
    assert clean_infobox_value("Embassy of Russia, Rabat") == "Embassy of Russia, Rabat"


def test_detect_format():
    assert detect_format("= A–B relations =\n\nText.") == "plain"
    assert detect_format("'''A–B relations''' are [[foreign relations]].<ref>x</ref>") == "wikitext"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_plain_reader_is_total_and_lossless(text):
    article = read_text(text, fmt="plain")
    for block in article.blocks:
        assert article.text[block.span[0]:block.span[1]] == block.text
    for entry in article.infobox:
        assert entry.span[0] <= entry.span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["= T =", "Infobox", "- K: v", "== H ==", "===X===", "  - nested", "| a |",
                                 "", " ", "text line.", "URL: x", "TRUNCATED: yes", "=", "==", "- "]), max_size=30))
def test_plain_reader_on_markup_fragments(lines):
    text = "\n".join(lines)
    article = read_plain(text)
    for block in article.blocks:
        assert text[block.span[0]:block.span[1]] == block.text
