"""The article model: what every reader produces and every extractor reads.

An :class:`Article` keeps the decoded source text it was read from, and every
piece of it (infobox entries, blocks, headings) keeps the character span of its
text in that source, so later stages can point back at the exact words.

For plain text, ``article.source[block.span[0]:block.span[1]] == block.text``.
For wikitext, a block's ``text`` is the rendered text and ``offsets`` maps each
of its characters back to the source; ``block.source_span(i, j)`` gives the
source span of ``text[i:j]``, markup included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

Span = tuple[int, int]

BLOCK_KINDS = ("paragraph", "list_item", "table_row", "heading")


@dataclass(frozen=True)
class Block:
    """One unit of text: a paragraph, a list item, a table row or a heading.

    >>> Block("paragraph", "Hello.", (10, 16), "History").source_span(0, 5)
    (10, 15)
    """

    kind: str
    text: str
    span: Span
    section: str = ""
    depth: int = 0
    level: int = 0
    cells: tuple[str, ...] = ()
    offsets: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    def source_span(self, start: int, end: int) -> Span:
        """The source span of ``self.text[start:end]``."""
        if self.offsets is None:
            return (self.span[0] + start, self.span[0] + end)
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.span[1]
            return (pos, pos)
        return (self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True)
class InfoboxEntry:
    """One ``key: value`` of the infobox; ``value`` is cleaned of leftover markup.

    ``span`` covers the whole entry as written in the source (``- Mission1: …``
    line, or the ``|mission1=…`` parameter), ``raw`` is the value as written.
    """

    key: str
    value: str
    span: Span
    raw: str = ""


@dataclass(frozen=True)
class Section:
    """A heading and what lies under it, as a tree."""

    title: str
    level: int
    path: str
    span: Span
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Article:
    """An encyclopedia article about the relations of two countries."""

    title: str
    source: str
    text: str
    format: str
    infobox: tuple[InfoboxEntry, ...] = ()
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    see_also: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    title_span: Span | None = None

    @property
    def lead(self) -> tuple[Block, ...]:
        """Blocks before the first heading."""
        return tuple(b for b in self.blocks if not b.section and b.kind != "heading")

    def infobox_get(self, key: str) -> str | None:
        key = key.casefold()
        return next((e.value for e in self.infobox if e.key.casefold() == key), None)

    def all_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def section_paths(self) -> list[str]:
        return [s.path for s in self.all_sections()]

    def to_dict(self) -> dict:
        def section(s: Section) -> dict:
            return {"title": s.title, "level": s.level, "path": s.path, "span": list(s.span),
                    "children": [section(c) for c in s.children]}

        return {
            "title": self.title,
            "source": self.source,
            "format": self.format,
            "meta": dict(self.meta),
            "infobox": [{"key": e.key, "value": e.value, "span": list(e.span)} for e in self.infobox],
            "sections": [section(s) for s in self.sections],
            "blocks": [
                {"kind": b.kind, "text": b.text, "span": list(b.span), "section": b.section,
                 **({"depth": b.depth} if b.kind == "list_item" else {}),
                 **({"level": b.level} if b.kind == "heading" else {}),
                 **({"cells": list(b.cells)} if b.kind == "table_row" else {})}
                for b in self.blocks
            ],
            "see_also": list(self.see_also),
        }


_SEE_ALSO = re.compile(r"see also|related articles", re.IGNORECASE)


def see_also_titles(blocks: list[Block] | tuple[Block, ...]) -> tuple[str, ...]:
    """The list items of the article's "See also" section, in order."""
    return tuple(
        b.text for b in blocks
        if b.kind == "list_item" and b.section and _SEE_ALSO.fullmatch(b.section.split(" > ")[-1])
    )


def heading_path(stack: list[tuple[str, int]], title: str, level: int) -> str:
    """The path of the next heading ("History > Soviet period"), ``stack`` holding the open headings.

    >>> stack = []
    >>> [heading_path(stack, t, n) for t, n in [("History", 2), ("Soviet period", 3), ("Trade", 2)]]
    ['History', 'History > Soviet period', 'Trade']
    """
    while stack and stack[-1][1] >= level:
        stack.pop()
    stack.append((title, level))
    return " > ".join(t for t, _ in stack)


def build_sections(headings: list[tuple[str, int, int]], end_of_text: int) -> tuple[tuple[Section, ...], list[str]]:
    """Turn ``(title, level, start)`` headings, in order, into a section tree.

    Returns the tree and, for each heading, its path ("History > Soviet period").
    A heading's section spans from the heading to the next heading of the same
    or a higher level.
    """
    stack: list[tuple[str, int]] = []
    paths = [heading_path(stack, title, level) for title, level, _ in headings]

    def subtree(i: int, stop: int) -> tuple[list[Section], int]:
        out: list[Section] = []
        while i < stop:
            title, level, start = headings[i]
            j = i + 1
            while j < len(headings) and headings[j][1] > level:
                j += 1
            children, _ = subtree(i + 1, j)
            end = headings[j][2] if j < len(headings) else end_of_text
            out.append(Section(title, level, paths[i], (start, end), tuple(children)))
            i = j
        return out, i

    tree, _ = subtree(0, len(headings))
    return tuple(tree), paths
