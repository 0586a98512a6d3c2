"""One wikitext article read whole: its blocks, sections, infobox and title."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import unquote

from mwparserfromhell.nodes import Template

from legation.article import Article, InfoboxEntry, build_sections, see_also_titles
from legation.read.plain import clean_infobox_value
from legation.read.wikitext.blocks import _blocks, _Placed
from legation.read.wikitext.buffer import _finish, _Out
from legation.read.wikitext.parse import _COMMENT, _parse_measured
from legation.read.wikitext.render import _Args, _render

_BOLD_TITLE = re.compile(r"'''\[?\[?([^'\[\]|]{3,80}? relations)\]?\]?'''")
_RELATION_NAME = re.compile(r"[^\[\]{}|<>]+[–—-][^\[\]{}|<>]+")


def read_wikitext(text: str, source: str = "", title: str | None = None) -> Article:
    """Read one article written in wikitext.

    >>> a = read_wikitext("'''A–B relations''' are [[friendship|friendly]].<ref>x</ref>", title="A–B relations")
    >>> a.blocks[0].text
    'A–B relations are friendly.'
    """
    code, lengths = _parse_measured(text)
    blocks, headings, infobox_nodes, displaytitle = _blocks(code, text, lengths)
    infobox: list[InfoboxEntry] = []
    if infobox_nodes:
        infobox = _infobox_entries(*infobox_nodes[0])
    sections, _ = build_sections(headings, len(text))
    article_title, title_span = _title(title, source, displaytitle,
                                       infobox_nodes[0][0] if infobox_nodes else None, text)
    return Article(
        title=article_title,
        source=source,
        text=text,
        format="wikitext",
        infobox=tuple(infobox),
        blocks=tuple(blocks),
        sections=sections,
        see_also=see_also_titles(blocks),
        meta=(),
        title_span=title_span,
    )


def _title(title: str | None, source: str, displaytitle: list[_Placed],
           infobox: Template | None = None, text: str = "") -> tuple[str, tuple[int, int] | None]:
    """The article's title and, when it is shown in the text, its span.

    ``title`` when given, else the DISPLAYTITLE, the infobox's relation, the lead's bold
    "… relations", the file's name.
    """
    if title:
        return title, None
    for node, start, _ in displaytitle:
        out = _Out()
        _render(node.name, start + 2, out, "body")
        rendered, offs = _finish(out)
        head, sep, shown = rendered.partition(":")
        if sep and head.strip().casefold() == "displaytitle":
            skip = len(head) + 1
            while skip < len(rendered) and rendered[skip] == " ":
                skip += 1
            shown = rendered[skip:]
            if shown:
                return shown, (offs[skip], offs[-1] + 1)
    # A file of its own has no title: take the relation's name from the infobox
    # ("{{Infobox bilateral relations|China–Pakistan|…}}") or the lead's bold phrase.
    if infobox is not None and infobox.has("1"):
        name = _COMMENT.sub("", str(infobox.get("1").value)).strip()
        if _RELATION_NAME.fullmatch(name):
            return (name if name.endswith("relations") else f"{name} relations"), None
    if m := _BOLD_TITLE.search(text[:5000]):
        return m.group(1), (m.start(1), m.end(1))
    name = PurePath(source.split("#", 1)[0]).stem if source else ""
    return unquote(name).replace("_", " "), None


def _infobox_entries(node: Template, start: int, end: int) -> list[InfoboxEntry]:
    """The infobox's named parameters, in source order; positional ones and empty values are left out.

    Of a name given twice, only the last counts.
    """
    entries = []
    args = _Args(node, start, end, "infobox")
    kept = {id(p) for p in args.named.values()}
    for p in args.params:
        if id(p) not in kept or not p.showkey:
            continue
        name = (_COMMENT.sub("", p.name) if "<!--" in p.name else p.name).strip()
        value = clean_infobox_value(p.text())
        if not name or not value:
            continue
        vend = p.off + len(p.raw.rstrip())
        entries.append(InfoboxEntry(name[:1].upper() + name[1:], value, (p.pipe, vend), p.raw.strip()))
    return entries
