"""The article's blocks: its top-level markup cut into lines, headings and tables, rendered.

A run of non-blank lines is a paragraph, a ``*``/``#`` line a list item, a wikitable row a
table row; headings open sections, and the "References"-like sections are left out.

>>> from legation.read.wikitext.parse import _parse
>>> text = "Lead\\ntext.\\n== History ==\\n* One\\n{|\\n| a || b\\n|}"
>>> blocks, *_ = _blocks(_parse(text), text)
>>> [(b.kind, b.text, b.section) for b in blocks]
[('paragraph', 'Lead text.', ''), ('heading', 'History', 'History'), ('list_item', 'One', 'History'),
 ('table_row', '| a | b |', 'History')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mwparserfromhell.nodes import Comment, Heading, Node, Tag, Template, Text
from mwparserfromhell.wikicode import Wikicode

from legation.article import Block
from legation.read.wikitext.buffer import _finish, _Out
from legation.read.wikitext.parse import _children, _tag_contents_offset, _tag_name, _template_name
from legation.read.wikitext.render import _Args, _render, _render_node, _render_text

# Sections left out, headings included (compared case-insensitively).
DROPPED_SECTIONS = frozenset({
    "references", "external links", "notes", "further reading", "footnotes", "citations", "sources",
    "bibliography", "notes and references", "references and notes", "works cited", "explanatory notes",
})

# Tags whose contents hold blocks of their own (paragraphs, lists) at the top level.
_CONTAINER_TAGS = frozenset({"div", "center", "blockquote", "poem", "font", "onlyinclude", "noinclude"})
_CONTAINER_TEMPLATES = frozenset({"columns-list", "col-list", "div col"})

_Placed = tuple[Template, int, int]  # a template with its source span


@dataclass
class _Line:
    """One source line at the top level: list markers and the nodes after them."""

    markers: list[tuple[str, int]]
    items: list[tuple[Node | str, int, int]]  # a node, or a piece of a text node, with its span

    def visible_nodes(self) -> bool:
        """False when the line holds only comments and spaces (it then vanishes, as in MediaWiki)."""
        if self.markers:
            return True
        for item, _, _ in self.items:
            if isinstance(item, str):
                if item.strip():
                    return True
            elif not isinstance(item, Comment):
                return True
        return not any(isinstance(item, Comment) for item, _, _ in self.items)


@dataclass
class _Special:
    """What stands between lines: a heading, a table, a horizontal rule."""

    kind: str  # "heading", "table", "break"
    node: Node | None
    start: int
    end: int


def _top_level(code: Wikicode, base: int,
               lengths: list[int] | None = None) -> Iterator[tuple[Node, int, int]]:
    """Top-level nodes, with block containers (``<div>``, ``{{columns-list}}``) opened up.

    ``lengths`` are those of the nodes of ``code``, when known.
    """
    for node, start, end in _children(code, base, lengths):
        if (isinstance(node, Tag) and not node.wiki_markup and not node.self_closing and not node.invalid
                and node.contents is not None and _tag_name(node) in _CONTAINER_TAGS):
            yield from _top_level(node.contents, _tag_contents_offset(node, start))
            continue
        if isinstance(node, Template) and _template_name(str(node.name)) in _CONTAINER_TEMPLATES:
            args = _Args(node, start, end)
            if args.pos:
                last = args.positional()[-1]
                yield from _top_level(last.value, last.off)
                continue
        yield node, start, end


def _lines(code: Wikicode, lengths: list[int] | None, infobox: list[_Placed],
           displaytitle: list[_Placed]) -> Iterator[_Line | _Special]:
    """The top level as lines and the headings, tables and rules between them.

    Infobox and DISPLAYTITLE templates are added to ``infobox`` and ``displaytitle``.
    """
    line = _Line([], [])
    for node, start, end in _top_level(code, 0, lengths):
        if isinstance(node, Text):
            pos = 0
            value = node.value
            while True:
                nl = value.find("\n", pos)
                piece = value[pos:] if nl < 0 else value[pos:nl]
                if piece:
                    line.items.append((piece, start + pos, start + pos + len(piece)))
                if nl < 0:
                    break
                yield line
                line = _Line([], [])
                pos = nl + 1
            continue
        if isinstance(node, Heading):
            if line.items or line.markers:
                yield line
                line = _Line([], [])
            yield _Special("heading", node, start, end)
            continue
        if isinstance(node, Tag) and node.wiki_markup:
            name = _tag_name(node)
            if name == "table":
                if line.items or line.markers:
                    yield line
                    line = _Line([], [])
                yield _Special("table", node, start, end)
                continue
            if name == "hr":
                yield _Special("break", None, start, end)
                continue
            if name in ("li", "dd", "dt") and not line.items:
                line.markers.append((node.wiki_markup, start))
                continue
        if isinstance(node, Template):
            tname = _template_name(str(node.name))
            if tname.startswith("infobox"):
                infobox.append((node, start, end))
                # Shown as nothing: its line vanishes like a line of comments, not a paragraph break.
                line.items.append((Comment(""), start, end))
                continue
            if tname.startswith("displaytitle:"):
                displaytitle.append((node, start, end))
        line.items.append((node, start, end))
    if line.items or line.markers:
        yield line


def _render_items(items: list[tuple[Node | str, int, int]], out: _Out) -> None:
    for item, start, end in items:
        if isinstance(item, str):
            _render_text(item, start, out, "body")
        else:
            _render_node(item, start, end, out, "body")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_span(text: str, line: _Line) -> tuple[int, int] | None:
    """The span of the line's markup, white space trimmed; None for an empty line.

    Markers come before the items, and both are in source order.
    """
    if not line.markers and not line.items:
        return None
    start = line.markers[0][1] if line.markers else line.items[0][1]
    if line.items:
        end = line.items[-1][2]
    else:
        marker, marker_start = line.markers[-1]
        end = marker_start + len(marker)
    return _trim(text, start, end)


def _table_rows(node: Tag, start: int) -> Iterator[tuple[list[tuple[Tag, int, int]], int, int]]:
    """Rows of a wikitable: ``(cells, row start, row end)``; the caption is left out."""
    row: list[tuple[Tag, int, int]] = []
    row_start = row_end = start
    contents_off = _tag_contents_offset(node, start)
    for child, cstart, cend in _children(node.contents, contents_off):
        if not isinstance(child, Tag):
            continue
        name = _tag_name(child)
        if name in ("td", "th"):
            if child.wiki_markup == "|" and str(child.contents).startswith("+") and not row:
                continue  # "|+ caption"
            if not row:
                row_start = cstart
            row.append((child, cstart, cend))
            row_end = cend
        elif name == "tr":
            if row:
                yield row, row_start, row_end
            row = []
            cells = [(c, s, e) for c, s, e in _children(child.contents, _tag_contents_offset(child, cstart))
                     if isinstance(c, Tag) and _tag_name(c) in ("td", "th")]
            if cells:
                yield cells, cstart, cend
    if row:
        yield row, row_start, row_end


def _table_blocks(text: str, node: Tag, start: int, section: str) -> Iterator[Block]:
    """One "table_row" block per row with text: ``| cell | cell |``."""
    for cells, rstart, rend in _table_rows(node, start):
        rendered: list[tuple[str, tuple[int, ...], int, int]] = []
        for cell, cstart, cend in cells:
            out = _Out()
            if not cell.self_closing and cell.contents is not None:
                _render(cell.contents, _tag_contents_offset(cell, cstart), out, "body")
            ctext, coffs = _finish(out)
            rendered.append((ctext, coffs, cstart, cend))
        if not any(ctext for ctext, _, _, _ in rendered):
            continue
        parts: list[str] = []
        offs: list[int] = []
        for i, (ctext, coffs, cstart, _) in enumerate(rendered):
            sep = "| " if i == 0 else " | "
            parts += (sep, ctext)
            offs += [cstart] * len(sep)
            offs += coffs
        last_end = rendered[-1][3]
        parts.append(" |")
        offs += [max(last_end - 1, rendered[-1][2])] * 2
        span = _trim(text, rstart, rend)
        yield Block("table_row", "".join(parts), span, section,
                    cells=tuple(ctext for ctext, _, _, _ in rendered), offsets=tuple(offs))


def _blocks(code: Wikicode, text: str, lengths: list[int] | None = None,
            ) -> tuple[list[Block], list[tuple[str, int, int]], list[_Placed], list[_Placed]]:
    """The blocks of the parsed ``text``, its headings ``(title, level, start)``, infoboxes and DISPLAYTITLEs.

    ``lengths`` are those of the top-level nodes of ``code``, when known.
    """
    infobox: list[_Placed] = []
    displaytitle: list[_Placed] = []
    blocks: list[Block] = []
    headings: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    section = ""
    dropping: int | None = None  # the level of the dropped section we are in

    para = _Out()  # the paragraph so far, its lines joined by spaces
    para_span = (0, 0)

    def flush() -> None:
        nonlocal para
        if para.offs:
            ptext, poffs = _finish(para)
            if ptext:
                blocks.append(Block("paragraph", ptext, para_span, section, offsets=poffs))
            para = _Out()

    for item in _lines(code, lengths, infobox, displaytitle):
        if isinstance(item, _Special):
            flush()
            if item.kind == "heading":
                node = item.node
                assert isinstance(node, Heading)
                out = _Out()
                _render(node.title, item.start + node.level, out, "body")
                htext, hoffs = _finish(out)
                level = node.level
                if dropping is not None and level <= dropping:
                    dropping = None
                if dropping is not None:
                    continue
                if htext.casefold().strip(" :") in DROPPED_SECTIONS:
                    dropping = level
                    continue
                if not htext:
                    continue
                while stack and stack[-1][1] >= level:
                    stack.pop()
                stack.append((htext, level))
                section = " > ".join(t for t, _ in stack)
                headings.append((htext, level, item.start))
                blocks.append(Block("heading", htext, _trim(text, item.start, item.end), section,
                                    level=level, offsets=hoffs))
            elif item.kind == "table" and dropping is None:
                node = item.node
                assert isinstance(node, Tag)
                blocks.extend(_table_blocks(text, node, item.start, section))
            continue

        if dropping is not None:
            continue
        line = item
        span = _line_span(text, line)
        if span is None:  # a blank line
            flush()
            continue
        if not line.visible_nodes():
            continue  # a line of comments only: gone without a trace
        out = _Out()
        _render_items(line.items, out)
        kind = line.markers[-1][0] if line.markers else ""
        if kind:
            flush()
            ltext, loffs = _finish(out)
            if ltext and kind in ("*", "#"):
                blocks.append(Block("list_item", ltext, span, section, depth=len(line.markers) - 1,
                                    offsets=loffs))
            elif ltext:  # ":" indents and ";" terms stand alone
                blocks.append(Block("paragraph", ltext, span, section, offsets=loffs))
            continue
        if not out.has_text():
            flush()  # a line of templates or files that show nothing ends the paragraph
            continue
        if para.offs:
            para.put(" ", para_span[1], span[0])
            para_span = (para_span[0], span[1])
        else:
            para_span = span
        para.extend(out)
    flush()
    return blocks, headings, infobox, displaytitle
