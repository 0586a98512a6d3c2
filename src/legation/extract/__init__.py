"""Extraction: from an :class:`~legation.article.Article` to a :class:`~legation.record.Record`.

Every extractor has the same shape, ``extract(doc: Doc) -> tuple[Fact, ...]``
(names: a dict), and reads what earlier stages left in ``doc.found``. Adding a
kind of fact is adding one module and one line to :data:`PIPELINE`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from legation.article import Article
from legation.errors import LegationError
from legation.extract.sentences import Sentence, sentences
from legation.record import Record

_SKIP_SECTIONS = ("see also", "references", "external links", "notes", "further reading", "bibliography")


@dataclass
class Doc:
    """An article being extracted: its sentences, its two sides, and the facts found so far."""

    article: Article
    sides: tuple[str, str]
    found: dict[str, object] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body (See also, References and the like left out)."""
        return [s for s in sentences(self.article)
                if not s.section.split(" > ")[0].casefold().startswith(_SKIP_SECTIONS)]

    @cached_property
    def context(self) -> frozenset[str]:
        return frozenset(self.sides)

    def other(self, iso3: str | None) -> str | None:
        """The other side of the relation, or None when ``iso3`` is not a side."""
        if iso3 == self.sides[0]:
            return self.sides[1]
        if iso3 == self.sides[1]:
            return self.sides[0]
        return None

    def span_of(self, sentence: Sentence, i: int = 0, j: int | None = None) -> tuple[str, tuple[int, int]]:
        """Evidence text and source span of ``sentence.text[i:j]``, whitespace trimmed."""
        j = len(sentence.text) if j is None else j
        text = sentence.text
        while i < j and text[i] in " ,;:":
            i += 1
        while j > i and text[j - 1] in " ,;:":
            j -= 1
        span = sentence.source_span(self.article, i, j)
        if self.article.format == "wikitext":
            span = _with_markup(self.article.text, span)
        return text[i:j], span


def _with_markup(source: str, span: tuple[int, int]) -> tuple[int, int]:
    """A wikitext span widened over the link and emphasis marks that open or close at its edges."""
    start, end = span
    while True:
        mark = next((m for m in ("[[", "'''", "''") if source.endswith(m, 0, start)), None)
        if mark is None:
            break
        start -= len(mark)
    while True:
        mark = next((m for m in ("]]", "'''", "''") if source.startswith(m, end)), None)
        if mark is None:
            break
        end += len(mark)
    return start, end


class NotARelationsArticle(LegationError):
    """The article's title does not name two countries."""


def _pipeline() -> list[tuple[str, Callable[[Doc], object]]]:
    from legation.extract import agreements, assessments, events, missions, names, people, quantities

    return [
        ("names", names.extract),
        ("missions", missions.extract),
        ("people", people.extract),
        ("quantities", quantities.extract),
        ("events", events.extract),
        ("agreements", agreements.extract),
        ("assessments", assessments.extract),
    ]


def sides_of(article: Article) -> tuple[str, str]:
    """The two countries of an article, from its title (ISO 3166-1 alpha-3, title order)."""
    from legation.places import title_countries

    pair = title_countries(article.title)
    if pair is None:
        raise NotARelationsArticle(
            f"title {article.title!r} does not name two countries (expected a title such as 'Morocco–Russia relations')"
        )
    return pair[0].iso3, pair[1].iso3


def extract_article(article: Article) -> Record:
    """The relation record of one article."""
    from legation import places
    from legation.extract import triggers

    triggers.forget()
    places.forget()
    doc = Doc(article, sides_of(article))
    for kind, stage in _pipeline():
        doc.found[kind] = stage(doc)
    return Record(
        title=article.title,
        source=article.source,
        countries=doc.sides,
        names=doc.found["names"],
        missions=doc.found["missions"],
        events=doc.found["events"],
        agreements=doc.found["agreements"],
        quantities=doc.found["quantities"],
        people=doc.found["people"],
        assessments=doc.found["assessments"],
        see_also=article.see_also,
    )


def extract(text_or_path: str | Path) -> Record:
    """The relation record of an article given as text or as a path to a file.

    >>> extract("= Morocco–Russia relations =\\n\\nIn 1897, the Russian Empire established a consulate in Tangier.\\n").missions[0].city
    'Tangier'
    """
    from legation.read import read_path, read_text

    if isinstance(text_or_path, Path) or ("\n" not in text_or_path and Path(text_or_path).is_file()):
        article = next(read_path(text_or_path), None)
        if article is None:
            raise LegationError(f"{text_or_path}: holds no relations article")
    else:
        article = read_text(text_or_path)
    return extract_article(article)
