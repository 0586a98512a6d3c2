"""The wikitext reader: twins of the plain-text corpus, spans back into the markup, totality."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.article import Article
from legation.extract.sentences import sentences
from legation.read import detect_format, read_path, read_text
from legation.read.plain import read_plain
from legation.read.wikitext import read_wikitext

FIXTURES = Path(__file__).parent / "fixtures" / "wikitext"
ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("LEGATION_SHARED", ROOT.parent / "shared")) / "corpus"
# The packaged samples are copies of the corpus files: the twins are found even without ../shared.
SAMPLES = ROOT / "src" / "legation" / "data" / "samples"
TWINS = sorted(p.stem for p in FIXTURES.glob("*.wiki"))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _plain_twin(stem: str) -> Article:
    for folder in (CORPUS / "seed", CORPUS / "dev", SAMPLES):
        path = folder / f"{stem}.txt"
        if path.exists():
            return read_plain(path.read_text("utf-8"), source=str(path))
    pytest.skip(f"no plain-text twin of {stem}")


def _wiki(stem: str) -> tuple[str, Article]:
    path = FIXTURES / f"{stem}.wiki"
    text = path.read_text("utf-8")
    return text, read_wikitext(text, source=str(path))


def _check_invariants(article: Article) -> None:
    text = article.text
    for b in article.blocks:
        assert b.offsets is not None
        assert len(b.offsets) == len(b.text), b
        assert list(b.offsets) == sorted(b.offsets), b
        assert 0 <= b.span[0] <= b.span[1] <= len(text), b
        assert all(b.span[0] <= o < b.span[1] for o in b.offsets), b
        assert b.text == b.text.strip()
        assert b.text, b
    for e in article.infobox:
        assert 0 <= e.span[0] <= e.span[1] <= len(text)
    for s in article.all_sections():
        assert 0 <= s.span[0] <= s.span[1] <= len(text)


def test_there_are_enough_twins():
    assert "morocco-russia-relations" in TWINS
    assert len(TWINS) >= 5


@pytest.mark.parametrize("stem", TWINS)
def test_twin_infobox(stem):
    plain = _plain_twin(stem)
    _, wiki = _wiki(stem)
    assert [(e.key, e.value) for e in wiki.infobox] == [(e.key, e.value) for e in plain.infobox]


@pytest.mark.parametrize("stem", TWINS)
def test_twin_sections(stem):
    plain = _plain_twin(stem)
    _, wiki = _wiki(stem)
    assert wiki.section_paths() == plain.section_paths()
    assert [(s.title, s.level) for s in wiki.all_sections()] == [(s.title, s.level) for s in plain.all_sections()]


@pytest.mark.parametrize("stem", TWINS)
def test_twin_blocks_and_sentences(stem):
    plain = _plain_twin(stem)
    _, wiki = _wiki(stem)

    def blocks(a: Article) -> list[tuple[str, str, str, int, int]]:
        return [(b.kind, b.section, _norm(b.text), b.depth, b.level) for b in a.blocks]

    assert blocks(wiki) == blocks(plain)
    assert [_norm(s.text) for s in sentences(wiki)] == [_norm(s.text) for s in sentences(plain)]
    assert wiki.see_also == plain.see_also
    assert [b.text for b in wiki.lead] == [b.text for b in plain.lead]


@pytest.mark.parametrize("stem", TWINS)
def test_twin_spans_point_at_the_words(stem):
    source, wiki = _wiki(stem)
    _check_invariants(wiki)
    for b in wiki.blocks:
        assert b.text.split()[0].strip("'\"(") in source[b.span[0]:b.span[1]] or b.kind == "table_row"
        for m in re.finditer(r"\w+", b.text):
            word = m.group()
            start, end = b.source_span(m.start(), m.end())
            assert b.span[0] <= start < end <= b.span[1]
            # Each character of the word comes from that very character of the source …
            assert "".join(source[o] for o in b.offsets[m.start():m.end()]) == word
            assert source[start] == word[0] and source[end - 1] == word[-1]
            # … and the source span is the word, give or take link markup around a link trail.
            markup_free = re.sub(r"\[\[[^|\]]*\||\[\[|\]\]|'{2,}", "", source[start:end])
            assert word in markup_free, (word, source[start:end])


@pytest.mark.parametrize("stem", TWINS)
def test_twin_sentence_spans(stem):
    source, wiki = _wiki(stem)
    for s in sentences(wiki):
        a, b = s.span
        words = re.findall(r"\w+", s.text)
        first, last = words[0], words[-1]
        assert source[a:b].find(first) >= 0
        assert source[a:b].rfind(last) >= 0 or last in re.sub(r"\]\]", "", source[a:b])


def test_seed_lead_and_infobox_spans():
    source, wiki = _wiki("morocco-russia-relations")
    lead = wiki.lead[0]
    assert lead.text.startswith("Morocco–Russia relations (العلاقات المغربية الروسية, Российско-марокканские")
    i = lead.text.index("العلاقات")
    a, b = lead.source_span(i, i + len("العلاقات المغربية الروسية"))
    assert source[a:b] == "العلاقات المغربية الروسية"
    assert source[a - len("{{lang-ar|"):a] == "{{lang-ar|"
    mission1 = next(e for e in wiki.infobox if e.key == "Mission1")
    assert source[mission1.span[0]:mission1.span[1]].startswith("| mission1")
    assert source[mission1.span[0]:mission1.span[1]].endswith("]]")
    assert mission1.raw == "[[Embassy of Morocco in Moscow|Embassy of Morocco, Moscow]]"
    assert wiki.infobox_get("map") == "Morocco Russia Locator.png"
    assert wiki.format == "wikitext"


def test_references_notes_external_links_are_dropped():
    _, wiki = _wiki("morocco-russia-relations")
    paths = wiki.section_paths()
    assert not any(p.split(" > ")[0] in ("References", "Notes", "External links") for p in paths)
    texts = " ".join(b.text for b in wiki.blocks)
    assert "Jelavich" not in texts and "Embassy of Russia in Rabat" not in texts and "cite" not in texts


def test_dispatch_reads_wikitext(tmp_path):
    text = (FIXTURES / "laos-vietnam-relations.wiki").read_text("utf-8")
    assert detect_format(text) == "wikitext"
    assert read_text(text, title="Laos–Vietnam relations").format == "wikitext"
    path = tmp_path / "Laos–Vietnam_relations.wiki"
    path.write_text(text, "utf-8")
    (article,) = read_path(path)
    assert article.title == "Laos–Vietnam relations"
    assert article.blocks == read_wikitext(text, title="Laos–Vietnam relations").blocks


# --------------------------------------------------------------------------- rendering


def _one(markup: str) -> str:
    article = read_wikitext(markup, title="T")
    _check_invariants(article)
    return " / ".join(b.text for b in article.blocks)


@pytest.mark.parametrize(("markup", "expected"), [
    ("[[A|b]] and [[A]] and [[dog]]s.", "b and A and dogs."),
    ("See [http://x.org label] and [http://y.org].", "See label and."),
    ("'''Bold''' and ''italic'' and '''''both'''''.", "Bold and italic and both."),
    ("Text.<ref>{{cite web|url=http://x|title=X}}</ref> More.<ref name=x/> End.<ref name=\"y\" />",
     "Text. More. End."),
    ("A<!-- hidden --> b.{{citation needed|date=May 2020}}{{sfn|X|2001|p=3}}{{efn|a note}}", "A b."),
    ("{{lang|ar|العلاقات}}", "العلاقات"),
    ("{{lang-ar|العلاقات}} and {{Lang-ru|отношения}}", "العلاقات and отношения"),
    ("{{transl|ar|al-Maghrib}} / {{transl|ar|DIN|al-Maġrib}}", "al-Maghrib / al-Maġrib"),
    ("It is {{nowrap|5 km}} long.", "It is 5 km long."),
    ("A distance of {{convert|5300|km|mi}}.", "A distance of 5300 km."),
    ("From {{convert|10|to|20|km}} and {{convert|3|-|4|mi}}.", "From 10 to 20 km and 3–4 mi."),
    ("Trade of {{US$|17.63 billion}} in 2019.", "Trade of US$17.63 billion in 2019."),
    ("Founded {{circa|1262}}.", "Founded c. 1262."),
    ("He wrote {{sic|recieve}} and {{'}}quoted{{'}}.", "He wrote recieve and 'quoted'."),
    ("A&nbsp;B &amp; C &mdash; D", "A B & C — D"),
    ("{{Use dmy dates|date=May 2020}}\n{{Short description|X}}\nText.", "Text."),
    ("{{More citations needed|date=June 2019}}\n{{Main|History}}\n{{See also|X}}\n{{Further|Y}}\nText.",
     "Text."),
    ("[[File:Map.png|thumb|A caption]]\n[[Image:X.jpg|left]]\nText.\n[[Category:Bilateral relations]]", "Text."),
    ("Before {{Some unknown template|x=1}} after.", "Before after."),
    ("Relations ({{Unknown lang template|x}}) began ({{IPA|x}} ).", "Relations began."),
    ("Line one\nline two.\n\nNext paragraph.", "Line one line two. / Next paragraph."),
    ("{{nihongo|Japan|日本|Nihon}} is here.", "Japan (日本, Nihon) is here."),
    ("{{start date|2020|5|3|df=y}}", "3 May 2020"),
    ("{{as of|2020}}, it holds.", "As of 2020, it holds."),
    ("x{{ndash}}y{{snd}}z", "x–y – z"),
    ("[[:Category:X|the category]] and [[fr:Maroc]] here.", "the category and here."),
    ("[[Foreign relations (disambiguation)|]] now.", "Foreign relations now."),
    ("__NOTOC__\nText.", "Text."),
    ("<blockquote>Quoted text.</blockquote>", "Quoted text."),
    ("{{Reflist}}", ""),
])
def test_inline_rendering(markup, expected):
    assert _one(markup) == expected


@pytest.mark.parametrize(("markup", "expected"), [
    # Parentheses emptied by a dropped reference go, with the space before them; written ones stay.
    ("Aid (<ref>x</ref>) rose ( ) and fell (<ref>y</ref> ) in 1990.", "Aid rose ( ) and fell in 1990."),
    # A space left before a comma by dropped markup goes; one written so stays.
    ("Paris {{efn|x}}, France and Lyon , France.", "Paris, France and Lyon , France."),
    # A space left after an opening parenthesis by dropped markup goes; written ones stay.
    ("Signed (<ref>x</ref> in 1990) and ( written so ).", "Signed (in 1990) and ( written so )."),
    ("x (<!-- c -->) y", "x y"),
])
def test_traces_of_dropped_markup_are_tidied(markup, expected):
    assert _one(markup) == expected


def test_white_space_runs_become_one_space_and_invisible_characters_go():
    markup = "A\u200bB\u00a0C\u2003 \u00adD\t\tE\ufeff."
    (block,) = read_wikitext(markup, title="T").blocks
    assert block.text == "AB C D E."
    # A run's space maps onto the run's first white space character.
    assert [markup[o] for o in block.offsets] == ["A", "B", "\u00a0", "C", "\u2003", "D", "\t", "E", "."]


def test_every_white_space_character_renders_as_a_space():
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() and c != ord("\n")]  # "\n\n" ends a paragraph
    assert len(spaces) > 20
    for space in spaces:
        assert _one(f"a{space}b {space}c{space}{space}d{space}") == "a b c d", repr(space)


def test_lang_template_renders_with_spans():
    markup = "'''Morocco–Russia relations''' ({{lang|ar|العلاقات المغربية الروسية}}) are good."
    (block,) = read_wikitext(markup, title="T").blocks
    assert block.text == "Morocco–Russia relations (العلاقات المغربية الروسية) are good."
    i = block.text.index("العلاقات")
    a, b = block.source_span(i, i + 8)
    assert markup[a:b] == "العلاقات"


def test_made_up_text_maps_onto_the_markup_it_replaced():
    markup = "Since {{circa|1262}} over {{convert|5300|km}} for {{US$|17.63 billion}}."
    (block,) = read_wikitext(markup, title="T").blocks
    assert block.text == "Since c. 1262 over 5300 km for US$17.63 billion."
    i = block.text.index("c. 1262")
    a, b = block.source_span(i, i + len("c. 1262"))
    assert markup[a:b] == "circa|1262"
    i = block.text.index("5300 km")
    a, b = block.source_span(i, i + len("5300 km"))
    assert markup[a:b] == "5300|km"
    i = block.text.index("US$17.63 billion")
    a, b = block.source_span(i, i + len("US$17.63 billion"))
    assert markup[a:b] == "US$|17.63 billion"
    # The space of "5300 km" comes from the "|" it replaced.
    space = block.text.index("5300 km") + 4
    assert markup[block.offsets[space]] == "|"


def test_br_in_infobox_is_a_comma_mapped_to_the_tag():
    markup = "{{Infobox bilateral relations|A–B|A|B\n|mission1=Embassy of A,<br/>Capital\n|mission2=X<br>Y\n}}\nText."
    article = read_wikitext(markup, title="A–B relations")
    assert [(e.key, e.value) for e in article.infobox] == [("Mission1", "Embassy of A, Capital"),
                                                           ("Mission2", "X, Y")]
    m2 = article.infobox[1]
    assert markup[m2.span[0]:m2.span[1]] == "|mission2=X<br>Y"


def test_infobox_keys_and_values():
    markup = ("{{Infobox bilateral relations|Laos–Vietnam relations|Laos|Vietnam\n"
              "| map = Laos_Vietnam_Locator.png\n| filetype = png\n"
              "| envoytitle1 = [[List of ambassadors|Laos Ambassador to Vietnam]]<ref>x</ref>\n"
              "| envoy1 = {{nowrap|Khamphao Ernthavanh}}\n| mission2 = \n}}\nLead.")
    article = read_wikitext(markup, title="T")
    assert [(e.key, e.value) for e in article.infobox] == [
        ("Map", "Laos Vietnam Locator.png"), ("Filetype", "png"),
        ("Envoytitle1", "Laos Ambassador to Vietnam"), ("Envoy1", "Khamphao Ernthavanh"),
    ]
    assert [b.text for b in article.blocks] == ["Lead."]


def test_headings_lists_and_see_also():
    markup = """Lead.
== History ==
=== Early ===
* one
** two
*** three
# numbered
: indented remark
== See also ==
* [[Foreign relations of A]]
** [[B–C relations]]
== Further reading ==
* A book
== External links ==
* [http://x.org Site]
"""
    article = read_wikitext(markup, title="T")
    assert article.section_paths() == ["History", "History > Early", "See also"]
    items = [(b.text, b.depth) for b in article.blocks if b.kind == "list_item"]
    assert items == [("one", 0), ("two", 1), ("three", 2), ("numbered", 0),
                     ("Foreign relations of A", 0), ("B–C relations", 1)]
    assert article.see_also == ("Foreign relations of A", "B–C relations")
    headings = [(b.text, b.level, markup[b.span[0]:b.span[1]]) for b in article.blocks if b.kind == "heading"]
    assert headings == [("History", 2, "== History =="), ("Early", 3, "=== Early ==="),
                        ("See also", 2, "== See also ==")]
    assert "indented remark" in [b.text for b in article.blocks if b.kind == "paragraph"]


def test_tables_become_rows_with_cells():
    markup = """== Visits ==
{| class="wikitable"
|+ State visits
! Year !! Visitor
|-
| 1897 || [[Consulate]] in Tangier<ref>x</ref>
|-
| style="color:red" | 2006
| [[Vladimir Putin]]
|}
After."""
    article = read_wikitext(markup, title="T")
    rows = [b for b in article.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Year", "Visitor"), ("1897", "Consulate in Tangier"),
                                       ("2006", "Vladimir Putin")]
    assert rows[1].text == "| 1897 | Consulate in Tangier |"
    assert all(r.section == "Visits" for r in rows)
    i = rows[2].text.index("Vladimir")
    a, b = rows[2].source_span(i, i + len("Vladimir Putin"))
    assert markup[a:b] == "Vladimir Putin"
    assert [b.text for b in article.blocks if b.kind == "paragraph"] == ["After."]


def test_title_argument_displaytitle_and_file_name():
    assert read_wikitext("x", source="a/b.wiki", title="Given").title == "Given"
    article = read_wikitext("{{DISPLAYTITLE:''A–B relations''}}\nText.", source="a/b.wiki")
    assert article.title == "A–B relations"
    a, b = article.title_span
    assert article.text[a:b] == "A–B relations"
    assert read_wikitext("Text.", source="dir/Morocco–Russia_relations.wiki").title == "Morocco–Russia relations"
    assert read_wikitext("Text.").title == ""


def test_odd_and_truncated_markup_is_read():
    cases = ["{{Infobox bilateral relations|A|B|map=x", "'''Bold never closed\n\nNext.", "[[Link never closed",
             "Text<ref>unclosed ref", "{| class=wikitable\n| a || b", "== Heading", "<!-- unterminated",
             "&#x110000; &#0; &bogus;", "{{{{{{{{a}}}}}}}}", "[[" * 500 + "]]" * 500, "{{" * 300, "''" * 999]
    for markup in cases:
        _check_invariants(read_wikitext(markup))


_FRAGMENTS = st.sampled_from([
    "{{", "}}", "[[", "]]", "|", "=", "==", "===", "'''", "''", "<ref>", "</ref>", "<ref name=x/>", "\n", "\n\n",
    "*", "**", "#", ":", ";", "{|", "|}", "|-", "!", "||", "<!--", "-->", "&nbsp;", "&#0;", "&amp", "<br>",
    "{{lang|ar|", "{{convert|", "{{circa|", "{{US$|", "{{Infobox bilateral relations|", "map=", "[[File:",
    "[[Category:", "{{DISPLAYTITLE:", "[http://x ", "]", "<div>", "</div>", "<nowiki>", "{{{", "}}}", "<", ">",
    "(", ")", " ", "word", "Word.", "é", "\u00a0", "\r", "\t", "== References ==", "== See also ==", "{{cite web|",
    "{{nihongo|", "{{zh|s=", "{{formatnum:", "{{as of|", "|2020", "<math>", "<poem>", "[[:", "[[fr:", "[[a|]]",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, max_size=60).map("".join) | st.text(max_size=300))
def test_never_raises(markup):
    article = read_wikitext(markup, source="x.wiki")
    _check_invariants(article)
    for b in article.blocks:
        assert b.source_span(0, len(b.text)) == (b.offsets[0], b.offsets[-1] + 1)
