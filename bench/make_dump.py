"""Write a synthetic Wikipedia multistream dump and its index, for tests and benchmarks.

The layout is Wikipedia's ``pages-articles-multistream``: a bz2 stream holding the
``<mediawiki>`` start tag and ``<siteinfo>``, then one bz2 stream per 100 pages (no root
element inside), then a stream holding ``</mediawiki>``; beside it an index of
``offset:page_id:title`` lines, bz2-compressed, one line per page, ``offset`` being the byte
where the page's stream starts.

The pages are filler (articles of 3–8 KB of varied wikitext with links, references,
templates, infoboxes, lists and tables; redirects; talk, template, category and user pages;
lists and "Foreign relations of" pages, whose titles are not relations titles), and, at the
given share, relations articles: the corpus articles as wikitext (the hand-written fixtures,
and the bundled plain-text samples converted mechanically) under other real pairs of
countries, names swapped in the text. Redirects and talk pages with relations titles are
mixed in too, as on Wikipedia, at a quarter of that share each.

The same seed writes the same bytes, whatever ``jobs`` is. Pages are made and compressed a
stream at a time (in ``jobs`` processes) and written as they come, so memory stays flat.

    python bench/make_dump.py --pages 200000 --out DIR [--relations-share 0.002] [--seed 1]

>>> info = write_dump(tmp, pages=300)          # doctest: +SKIP
>>> info.dump.name, info.index.name             # doctest: +SKIP
('synth-multistream.xml.bz2', 'synth-multistream-index.txt.bz2')
"""

from __future__ import annotations

import argparse
import bz2
import functools
import itertools
import multiprocessing
import os
import random
import re
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
WIKITEXT = ROOT / "tests" / "fixtures" / "wikitext"
PAGES_PER_STREAM = 100

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" \
version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.43.0-wmf.2</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="-2" case="first-letter">Media</namespace>
      <namespace key="-1" case="first-letter">Special</namespace>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
      <namespace key="2" case="first-letter">User</namespace>
      <namespace key="3" case="first-letter">User talk</namespace>
      <namespace key="4" case="first-letter">Wikipedia</namespace>
      <namespace key="5" case="first-letter">Wikipedia talk</namespace>
      <namespace key="6" case="first-letter">File</namespace>
      <namespace key="7" case="first-letter">File talk</namespace>
      <namespace key="10" case="first-letter">Template</namespace>
      <namespace key="11" case="first-letter">Template talk</namespace>
      <namespace key="14" case="first-letter">Category</namespace>
      <namespace key="15" case="first-letter">Category talk</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"

# Fixture file → title, for the hand-written wikitext articles.
FIXTURES = {
    "morocco-russia-relations": "Morocco–Russia relations",
    "china-pakistan-relations": "China–Pakistan relations",
    "laos-vietnam-relations": "Laos–Vietnam relations",
    "france-germany-relations": "France–Germany relations",
    "the-gambia-senegal-relations": "The Gambia–Senegal relations",
}


@dataclass(frozen=True)
class Page:
    """One page of the dump."""

    title: str
    text: str
    ns: int = 0
    redirect: str | None = None


@dataclass(frozen=True)
class DumpInfo:
    """What :func:`write_dump` wrote."""

    dump: Path
    index: Path
    pages: int
    relations: int
    streams: int
    xml_bytes: int

    @property
    def dump_bytes(self) -> int:
        return self.dump.stat().st_size


# --------------------------------------------------------------------------- relations articles


@dataclass(frozen=True)
class Base:
    """A corpus article as wikitext, with the names of its two sides as its title writes them."""

    left: str
    right: str
    text: str


def plain_to_wikitext(text: str) -> tuple[str, str]:
    """A plain-text corpus article as wikitext: ``(title, wikitext)``.

    Headings stay, the ``Infobox`` lines become ``{{Infobox bilateral relations}}``, list items
    become ``*`` items, ``| a | b |`` rows a wikitable, the title is bolded in the lead and the
    two countries are linked at their first mention in each paragraph.

    >>> plain_to_wikitext("= A–B relations =\\n\\nInfobox\\n- Map: x.png\\n\\nA–B relations are good.\\n")[1]
    "{{Infobox bilateral relations|A–B|A|B\\n| map = x.png\\n}}\\n\\n'''A–B relations''' are good.\\n"
    """
    title = ""
    infobox: list[tuple[str, str]] = []
    body: list[str] = []
    in_infobox = False
    table: list[str] = []

    def flush_table() -> None:
        if table:
            body.append('{| class="wikitable"')
            for row in table:
                body.append("|-")
                body.append("| " + " || ".join(c.strip() for c in row.strip().strip("|").split("|")))
            body.append("|}")
            table.clear()

    for line in text.splitlines():
        if re.match(r"(URL|TRUNCATED):", line):
            continue
        m = re.fullmatch(r"=\s*([^=].*?)\s*=", line)
        if m and not title:
            title = m.group(1)
            continue
        if line.strip() == "Infobox":
            in_infobox = True
            continue
        if in_infobox:
            m = re.fullmatch(r"- ([^:]+):\s*(.*)", line)
            if m:
                infobox.append((m.group(1).strip().lower(), m.group(2).strip()))
                continue
            in_infobox = False
        if line.lstrip().startswith("|"):
            table.append(line)
            continue
        flush_table()
        m = re.fullmatch(r"( *)[-*] (.*)", line)
        if m:
            body.append("*" * (len(m.group(1)) // 2 + 1) + " " + m.group(2))
            continue
        body.append(line)
    flush_table()
    left, _, right = title.removesuffix(" relations").partition("–")
    head = [f"{{{{Infobox bilateral relations|{left}–{right}|{left}|{right}"]
    head += [f"| {k} = {v}" for k, v in infobox]
    head.append("}}")
    out = "\n".join(head + body).strip("\n") + "\n"
    out = out.replace(f"\n{title}", f"\n'''{title}'''", 1)
    paragraphs = []
    for para in out.split("\n"):
        if not para.startswith(("{{", "|", "=", "'''", "!")):
            for name in (left, right):
                para = re.sub(rf"(?<![\[\w]){re.escape(name)}(?![\w\]])", f"[[{name}]]", para, count=1)
        paragraphs.append(para)
    return title, re.sub(r"\n{3,}", "\n\n", "\n".join(paragraphs))


@functools.cache
def corpus_articles() -> tuple[Base, ...]:
    """The 5 hand-written wikitext fixtures and the 16 bundled plain samples as wikitext."""
    from importlib import resources

    bases = []
    for stem, title in FIXTURES.items():
        left, _, right = title.removesuffix(" relations").partition("–")
        bases.append(Base(left, right, (WIKITEXT / f"{stem}.wiki").read_text("utf-8")))
    folder = resources.files("legation").joinpath("data/samples")
    for sample in sorted(folder.iterdir(), key=lambda p: p.name):
        if sample.name.endswith(".txt"):
            title, text = plain_to_wikitext(sample.read_text("utf-8"))
            left, _, right = title.removesuffix(" relations").partition("–")
            bases.append(Base(left, right, text))
    return tuple(bases)


@functools.cache
def country_pairs(seed: int) -> tuple[tuple[str, str, str, str], ...]:
    """Pairs of sovereign countries whose "A–B relations" title reads back as A and B, shuffled.

    Each is ``(name_a, name_b, adjective_a, adjective_b)``, A before B alphabetically as
    Wikipedia orders them.
    """
    from legation.places import adjective_of, all_countries, is_sovereign, title_countries
    from legation.read.dump import is_relations_title

    countries = [c for c in all_countries() if is_sovereign(c.iso3)]
    pairs = []
    for a, b in itertools.combinations(sorted(countries, key=lambda c: c.name), 2):
        title = f"{a.name}–{b.name} relations"
        found = title_countries(title)
        if is_relations_title(title) and found and (found[0].iso3, found[1].iso3) == (a.iso3, b.iso3):
            pairs.append((a.name, b.name, adjective_of(a.iso3), adjective_of(b.iso3)))
    random.Random(f"{seed}:pairs").shuffle(pairs)
    return tuple(pairs)


@functools.cache
def _adjectives() -> dict[str, str]:
    from legation.places import adjective_of, title_countries

    out = {}
    for base in corpus_articles():
        pair = title_countries(f"{base.left}–{base.right} relations")
        if pair:
            out[base.left], out[base.right] = adjective_of(pair[0].iso3), adjective_of(pair[1].iso3)
    return out


@functools.cache
def _reads_back(title: str, a: str, b: str) -> bool:
    from legation.places import country, title_countries
    from legation.read.dump import is_relations_title

    found = title_countries(title)
    return is_relations_title(title) and found is not None and found == (country(a), country(b))


def relations_article(base: Base, pair: tuple[str, str, str, str], form: int) -> Page:
    """``base`` rewritten as the article on ``pair``; ``form`` picks the title's form."""
    a, b, adj_a, adj_b = pair
    adjectives = _adjectives()
    swaps = {base.left: a, base.right: b}
    if base.left in adjectives:
        swaps[adjectives[base.left]] = adj_a
    if base.right in adjectives:
        swaps[adjectives[base.right]] = adj_b
    pattern = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in sorted(swaps, key=len, reverse=True)))
    text = pattern.sub(lambda m: swaps[m.group(0)], base.text)
    title = f"{a}–{b} relations"
    if form == 0 and _reads_back(f"Relations between {a} and {b}", a, b):
        title = f"Relations between {a} and {b}"
        text = text.replace(f"'''{a}–{b} relations'''", f"'''{title}'''", 1)
    return Page(title, text)


# --------------------------------------------------------------------------- filler

_FUNCTION_WORDS = tuple(["the", "of", "and", "in", "to", "a", "was", "is", "for", "on", "as", "by", "with", "that", "from", "at", "his", "which", "an", "were", "are", "it", "be", "this", "has", "had", "its", "also", "after", "first", "who", "their", "they", "he", "she", "not", "but", "or", "one", "two", "three", "new", "been", "during", "would", "while", "when", "where", "other", "most", "into", "more", "between", "about", "than", "years", "over", "under", "against", "later", "several", "many", "since", "both", "such", "became", "until", "its", "city", "team", "second", "part", "known", "used", "including", "however"])
_SECTIONS = ("History", "Geography", "Economy", "Demographics", "Culture", "Politics", "Education",
             "Transport", "Sports", "Early life", "Career", "Personal life", "Legacy", "Reception", "Plot",
             "Production", "Release", "Architecture", "Climate", "Government", "Media", "Religion")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_INFOBOXES = ("settlement", "person", "football biography", "album", "film", "company", "river", "building",
              "school", "officeholder")


class Filler:
    """Varied wikitext from a Zipf-weighted vocabulary; all randomness from the ``rng`` given."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"{seed}:vocabulary")
        onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "ch",
                  "cl", "dr", "gr", "pl", "st", "th", "tr", "sh", ""]
        vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"]
        codas = ["", "", "n", "r", "s", "l", "t", "nd", "st", "ng", "rk", "m", "x", "ck"]
        words: set[str] = set()
        while len(words) < 24000:
            n = rng.choice((1, 2, 2, 2, 3, 3, 4))
            words.add("".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(n)))
        vocab = sorted(words)
        rng.shuffle(vocab)
        self.common = _FUNCTION_WORDS
        self.words = vocab
        self.cum = list(itertools.accumulate(1.0 / (i + 8) for i in range(len(vocab))))
        self.names = [w.capitalize() for w in vocab[:4000]]
        self.countries = [p[0] for p in country_pairs(seed)[:300]] + [p[1] for p in country_pairs(seed)[:300]]

    # Words: a third function words, the rest from the Zipf-weighted vocabulary.
    def _words(self, rng: random.Random, n: int) -> list[str]:
        out = rng.choices(self.words, cum_weights=self.cum, k=n)
        for i in range(0, n, 3):
            out[i] = self.common[int(rng.random() * len(self.common))]
        return out

    def name(self, rng: random.Random, n: int = 2) -> str:
        return " ".join(rng.choice(self.names) for _ in range(n))

    def sentence(self, rng: random.Random) -> str:
        words = self._words(rng, rng.randint(8, 28))
        words[0] = words[0].capitalize()
        for _ in range(rng.randint(0, 3)):  # links, to articles and piped
            i = rng.randrange(len(words))
            target = self.name(rng, rng.choice((1, 2, 2, 3)))
            words[i] = f"[[{target}]]" if rng.random() < 0.6 else f"[[{target}|{words[i]}]]"
        if rng.random() < 0.25:
            words.insert(rng.randrange(len(words)), rng.choice(self.countries))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(1500, 2024)))
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), f"''{self.name(rng, 2)}''")
        end = "."
        r = rng.random()
        if r < 0.22:
            end += self.ref(rng)
        elif r < 0.26:
            end += f"{{{{citation needed|date={rng.choice(_MONTHS)} {rng.randint(2008, 2024)}}}}}"
        elif r < 0.3:
            end += f'<ref name="{rng.choice(self.words)}{rng.randint(1, 9)}" />'
        return " ".join(words) + end

    def ref(self, rng: random.Random) -> str:
        kind = rng.choice(("web", "news", "book", "journal"))
        title = " ".join(self._words(rng, rng.randint(3, 9))).capitalize()
        host = f"{rng.choice(self.words)}{rng.choice(('.com', '.org', '.net', '.co.uk', '.de', '.gov'))}"
        date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(1995, 2024)}"
        last, first = rng.choice(self.names), rng.choice(self.names)
        if kind == "book":
            body = (f"{{{{cite book |last={last} |first={first} |title={title} |publisher={self.name(rng)} Press "
                    f"|year={rng.randint(1950, 2023)} |isbn=978-{rng.randint(0, 9)}-{rng.randint(1000, 99999)}-"
                    f"{rng.randint(100, 999)}-{rng.randint(0, 9)} |page={rng.randint(1, 600)}}}}}")
        else:
            path = "/".join(rng.choice(self.words) for _ in range(rng.randint(1, 3)))
            body = (f"{{{{cite {kind} |url=https://www.{host}/{path}/{rng.randint(1000, 999999)} |title={title} "
                    f"|last={last} |first={first} |date={date} |access-date={date} |website={host}}}}}")
        return f"<ref>{body}</ref>"

    def paragraph(self, rng: random.Random) -> str:
        return " ".join(self.sentence(rng) for _ in range(rng.randint(2, 7)))

    def infobox(self, rng: random.Random, title: str) -> str:
        kind = rng.choice(_INFOBOXES)
        keys = rng.sample(self.words[:400], rng.randint(6, 18))
        lines = [f"{{{{Infobox {kind}", f"| name = {title}"]
        for key in keys:
            r = rng.random()
            if r < 0.3:
                value = f"{rng.randint(1, 9_999_999):,}"
            elif r < 0.6:
                value = f"[[{self.name(rng)}]]"
            elif r < 0.7:
                value = f"{{{{birth date|{rng.randint(1800, 2000)}|{rng.randint(1, 12)}|{rng.randint(1, 28)}}}}}"
            else:
                value = " ".join(self._words(rng, rng.randint(1, 5)))
            lines.append(f"| {key.replace('-', '_')} = {value}")
        lines.append("}}")
        return "\n".join(lines)

    def table(self, rng: random.Random) -> str:
        cols = rng.randint(2, 5)
        rows = ['{| class="wikitable sortable"', "! " + " !! ".join(w.capitalize() for w in self._words(rng, cols))]
        for _ in range(rng.randint(3, 12)):
            rows.append("|-")
            rows.append("| " + " || ".join(
                str(rng.randint(1, 99999)) if rng.random() < 0.4 else f"[[{self.name(rng)}]]" for _ in range(cols)))
        rows.append("|}")
        return "\n".join(rows)

    def bullet_list(self, rng: random.Random) -> str:
        items = []
        for _ in range(rng.randint(3, 10)):
            depth = "*" if rng.random() < 0.8 else "**"
            items.append(f"{depth} [[{self.name(rng)}]] ({rng.randint(1800, 2024)}) – "
                         + " ".join(self._words(rng, rng.randint(3, 10))))
        return "\n".join(items)

    def article(self, rng: random.Random, title: str) -> str:
        """An article of 3–8 KB."""
        size = rng.randint(3000, 8000)
        parts = [f"{{{{Short description|{' '.join(self._words(rng, rng.randint(2, 5))).capitalize()}}}}}"]
        if rng.random() < 0.3:
            parts.append(f"{{{{Use dmy dates|date={rng.choice(_MONTHS)} {rng.randint(2010, 2024)}}}}}")
        if rng.random() < 0.6:
            parts.append(self.infobox(rng, title))
        lead = self.paragraph(rng)
        parts.append(f"'''{title}''' " + lead[0].lower() + lead[1:])
        length = sum(map(len, parts))
        sections = rng.sample(_SECTIONS, 8)
        s = 0
        while length < size - 600:
            r = rng.random()
            if r < 0.22 and s < len(sections):
                level = "==" if s == 0 or rng.random() < 0.7 else "==="
                part = f"{level} {sections[s]} {level}"
                s += 1
            elif r < 0.3:
                part = self.bullet_list(rng)
            elif r < 0.35:
                part = self.table(rng)
            elif r < 0.38:
                part = f"[[File:{self.name(rng)}.jpg|thumb|{' '.join(self._words(rng, 6)).capitalize()}]]"
            else:
                part = self.paragraph(rng)
            parts.append(part)
            length += len(part) + 2
        parts.append("== See also ==\n" + "\n".join(f"* [[{self.name(rng)}]]" for _ in range(rng.randint(1, 4))))
        parts.append("== References ==\n{{Reflist}}")
        parts.append("== External links ==\n* [https://www." + rng.choice(self.words) + ".org Official website]")
        cats = rng.randint(2, 6)
        parts.append("\n".join(f"[[Category:{self.name(rng, rng.randint(2, 4))}]]" for _ in range(cats)))
        return "\n\n".join(parts) + "\n"

    def talk(self, rng: random.Random) -> str:
        parts = ["{{WikiProject banner shell|class=" + rng.choice(("Stub", "Start", "C", "B")) + "}}"]
        for _ in range(rng.randint(1, 4)):
            parts.append(f"== {' '.join(self._words(rng, rng.randint(2, 6))).capitalize()} ==")
            user = rng.choice(self.names)
            parts.append(self.paragraph(rng) + f" [[User:{user}|{user}]] ([[User talk:{user}|talk]]) "
                         f"12:{rng.randint(10, 59)}, {rng.randint(1, 28)} {rng.choice(_MONTHS)} "
                         f"{rng.randint(2005, 2024)} (UTC)")
        return "\n\n".join(parts) + "\n"

    def title(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.02:
            return f"Foreign relations of {rng.choice(self.countries)}"
        if r < 0.04:
            return f"List of {' '.join(self._words(rng, 2))} in {rng.choice(self.countries)}"
        if r < 0.05:
            return f"{self.name(rng)} (disambiguation)"
        if r < 0.07:
            return f"{rng.randint(1800, 2024)} in {rng.choice(self.countries)}"
        return self.name(rng, rng.choice((1, 2, 2, 3)))

    def page(self, rng: random.Random) -> Page:
        """One filler page: mostly articles, also redirects, talk and other pages."""
        r = rng.random()
        title = self.title(rng)
        if r < 0.15:
            target = self.name(rng)
            return Page(title, f"#REDIRECT [[{target}]]\n\n{{{{R from alternative name}}}}\n", redirect=target)
        if r < 0.22:
            return Page(f"Talk:{title}", self.talk(rng), ns=1)
        if r < 0.25:
            return Page(f"User:{rng.choice(self.names)}", self.paragraph(rng) + "\n", ns=2)
        if r < 0.27:
            return Page(f"Template:{title}", "{{Navbox\n| name = " + title + "\n| list1 = "
                        + self.bullet_list(rng) + "\n}}\n", ns=10)
        if r < 0.29:
            return Page(f"Category:{title}", self.paragraph(rng) + f"\n\n[[Category:{self.name(rng)}]]\n", ns=14)
        return Page(title, self.article(rng, title))


@functools.cache
def _filler(seed: int) -> Filler:
    return Filler(seed)


# --------------------------------------------------------------------------- pages and streams


def page_xml(page: Page, page_id: int) -> str:
    """A ``<page>`` element as in a dump, with one revision."""
    redirect = f"    <redirect title={quoteattr(page.redirect)} />\n" if page.redirect else ""
    data = page.text.encode("utf-8")
    return (f"  <page>\n    <title>{escape(page.title)}</title>\n    <ns>{page.ns}</ns>\n    <id>{page_id}</id>\n"
            f"{redirect}    <revision>\n      <id>{page_id * 7 + 100000}</id>\n"
            f"      <parentid>{page_id * 7 + 99990}</parentid>\n      <timestamp>2024-03-01T12:00:00Z</timestamp>\n"
            f"      <contributor>\n        <username>Editor</username>\n        <id>42</id>\n      </contributor>\n"
            f"      <comment>copyedit</comment>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f'      <text bytes="{len(data)}" sha1="phoiac9h4m842xq45sp7s6u21eteeq1" xml:space="preserve">'
            f"{escape(page.text)}</text>\n      <sha1>phoiac9h4m842xq45sp7s6u21eteeq1</sha1>\n"
            f"    </revision>\n  </page>\n")


# What a page slot holds: filler, a relations article, a redirect or a talk page with a relations title.
FILLER, ARTICLE, REDIRECT, TALK = range(4)


def plan_stream(seed: int, stream: int, count: int, share: float) -> tuple[int, ...]:
    """The kind of each page slot of one stream (cheap: the driver plans every stream first)."""
    rng = random.Random(f"{seed}:plan:{stream}")
    kinds = []
    for _ in range(count):
        r = rng.random()
        kinds.append(ARTICLE if r < share else REDIRECT if r < share * 1.25 else TALK if r < share * 1.5 else FILLER)
    return tuple(kinds)


def stream_pages(seed: int, stream: int, kinds: tuple[int, ...], ordinal: int) -> list[Page]:
    """The pages of stream number ``stream``; ``ordinal`` numbers its first relations article in the dump."""
    rng = random.Random(f"{seed}:stream:{stream}")
    filler = _filler(seed)
    bases = corpus_articles()
    pairs = country_pairs(seed)
    pages = []
    for kind in kinds:
        if kind == FILLER:
            pages.append(filler.page(rng))
            continue
        if kind == ARTICLE:
            base = bases[(ordinal * 7 + stream) % len(bases)]
            pages.append(relations_article(base, pairs[ordinal % len(pairs)], form=ordinal % 17))
            ordinal += 1
            continue
        a, b, adj_a, adj_b = rng.choice(pairs)
        if kind == REDIRECT:
            title = rng.choice((f"{b}–{a} relations", f"{adj_a}–{adj_b} relations", f"{a}-{b} relations"))
            target = f"{a}–{b} relations"
            pages.append(Page(title, f"#REDIRECT [[{target}]]\n\n{{{{Redirect category shell|\n"
                                     f"{{{{R from alternative name}}}}\n}}}}\n", redirect=target))
        else:
            pages.append(Page(f"Talk:{a}–{b} relations", filler.talk(rng), ns=1))
    return pages


def _build_stream(job: tuple[int, int, tuple[int, ...], int, int]) -> tuple[bytes, list[str], int]:
    """Make and compress one stream: its bz2 bytes, its pages' ``id:title`` and its XML size."""
    seed, stream, kinds, ordinal, first_id = job
    pages = stream_pages(seed, stream, kinds, ordinal)
    xml = "".join(page_xml(p, first_id + i) for i, p in enumerate(pages)).encode("utf-8")
    return bz2.compress(xml, 9), [f"{first_id + i}:{p.title}" for i, p in enumerate(pages)], len(xml)


def _jobs(seed: int, pages: int, share: float):
    ordinal = 0
    for stream in range((pages + PAGES_PER_STREAM - 1) // PAGES_PER_STREAM):
        count = min(PAGES_PER_STREAM, pages - stream * PAGES_PER_STREAM)
        kinds = plan_stream(seed, stream, count, share)
        yield seed, stream, kinds, ordinal, stream * PAGES_PER_STREAM + 1
        ordinal += kinds.count(ARTICLE)


def _windowed(pool, jobs, window: int):
    """``pool.imap(_build_stream, jobs)`` with at most ``window`` streams in flight (``imap`` reads all jobs ahead)."""
    queue: deque = deque()
    for job in jobs:
        queue.append(pool.apply_async(_build_stream, (job,)))
        if len(queue) >= window:
            yield queue.popleft().get()
    while queue:
        yield queue.popleft().get()


def write_dump(directory: str | Path, pages: int, relations_share: float = 0.002, seed: int = 1,
               jobs: int = 1, name: str = "synth", progress: bool = False) -> DumpInfo:
    """Write ``NAME-multistream.xml.bz2`` and ``NAME-multistream-index.txt.bz2`` into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    dump = out / f"{name}-multistream.xml.bz2"
    index = out / f"{name}-multistream-index.txt.bz2"
    relations = sum(job[2].count(ARTICLE) for job in _jobs(seed, pages, relations_share))
    corpus_articles(), country_pairs(seed)  # built once here, inherited by forked workers
    pool = multiprocessing.get_context("fork").Pool(jobs) if jobs > 1 else None
    streams = 0
    xml_bytes = len(HEADER) + len(FOOTER)
    started = time.monotonic()
    try:
        results = (_windowed(pool, _jobs(seed, pages, relations_share), jobs * 8) if pool
                   else map(_build_stream, _jobs(seed, pages, relations_share)))
        with dump.open("wb") as fh, bz2.open(index, "wt", encoding="utf-8") as ix:
            fh.write(bz2.compress(HEADER.encode("utf-8"), 9))
            for data, titles, size in results:
                offset = fh.tell()
                fh.write(data)
                ix.write("".join(f"{offset}:{t}\n" for t in titles))
                streams += 1
                xml_bytes += size
                if progress and streams % 200 == 0:
                    done = streams * PAGES_PER_STREAM
                    print(f"\r{done}/{pages} pages, {fh.tell() / 1e6:.0f} MB, {time.monotonic() - started:.0f} s",
                          end="", file=sys.stderr, flush=True)
            fh.write(bz2.compress(FOOTER.encode("utf-8"), 9))
    finally:
        if pool:
            pool.close()
            pool.join()
    if progress:
        print(file=sys.stderr)
    return DumpInfo(dump, index, pages, relations, streams, xml_bytes)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True, help="pages in the dump (100 per bz2 stream)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write into")
    ap.add_argument("--relations-share", type=float, default=0.002, help="share of relations articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    ap.add_argument("--name", default="synth", help="file name prefix")
    args = ap.parse_args(argv)
    t = time.monotonic()
    info = write_dump(args.out, args.pages, args.relations_share, args.seed, args.jobs, args.name,
                      progress=sys.stderr.isatty())
    print(f"dump: {info.dump}")
    print(f"index: {info.index}")
    print(f"pages: {info.pages}")
    print(f"relations_pages: {info.relations}")
    print(f"dump_mb: {info.dump_bytes / 1e6:.1f}")
    print(f"xml_mb: {info.xml_bytes / 1e6:.1f}")
    print(f"seconds: {time.monotonic() - t:.1f}")


if __name__ == "__main__":
    main()
