"""Rendering parsed wikitext inline: each node's text, with the source offset of every character.

Links show their text, known templates their rendering (:mod:`.templates`), tags their
contents; references, files, categories, comments and unknown templates show nothing.

>>> from legation.read.wikitext.parse import _parse
>>> _plain(_parse("[[Hanoi|the capital]] ({{lang|vi|Hà Nội}})<ref>x</ref>"), 0)
'the capital (Hà Nội)'
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import (
    Argument,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from legation.read.wikitext.buffer import _finish, _Out
from legation.read.wikitext.parse import _COMMENT, _children, _tag_contents_offset, _tag_name, _template_name
from legation.read.wikitext.templates import _handler

# Markup left as text by the parser (unbalanced quotes, stray tags, magic words).
_TEXT_JUNK = re.compile(
    r"'{2,}|__[A-Z]{2,}__|</?(?:ref|references|small|big|sup|sub|span|div|center|nowiki|u|s|del|ins|"
    r"blockquote|poem|font|br|abbr|cite|code|onlyinclude|includeonly|noinclude)\b[^<>\n]*>",
    re.IGNORECASE,
)

# Tags whose contents are not text of the article.
_DROPPED_TAGS = frozenset({
    "ref", "references", "math", "chem", "ce", "gallery", "timeline", "score", "templatestyles",
    "syntaxhighlight", "source", "imagemap", "mapframe", "maplink", "graph", "hiero", "inputbox",
    "categorytree", "includeonly", "indicator", "charinsert", "templatedata", "section", "style",
    "script", "table", "hr",
})
_NON_ARTICLE_NAMESPACES = frozenset({"file", "image", "category", "media"})
_INTERLANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple")
_PIPE_TRICK = re.compile(r"\s*\([^()]*\)\s*$")
_NAMED_SPACES = ("nbsp", "ensp", "emsp", "thinsp", "NonBreakingSpace")


class _Param:
    """One template parameter: its value, where it is, and its rendering (made once)."""

    __slots__ = ("name", "showkey", "raw", "value", "off", "pipe", "end", "mode", "_piece", "_text")

    def __init__(self, param: Parameter, pipe: int, mode: str) -> None:
        self.name = str(param.name)  # as written; "1", "2" … for positional parameters
        self.showkey = param.showkey
        self.value = param.value
        self.raw = str(param.value)  # the value as written
        self.pipe = pipe  # where the "|" before the parameter is
        self.off = pipe + 1 + (len(self.name) + 1 if self.showkey else 0)  # where the value starts
        self.end = self.off + len(self.raw)  # where the parameter ends
        self.mode = mode
        self._piece: _Out | None = None
        self._text: str | None = None

    def piece(self) -> _Out:
        """The rendered value; rendered once, as nested templates would otherwise cost 2**depth."""
        if self._piece is None:
            self._piece = _Out()
            _render(self.value, self.off, self._piece, self.mode)
        return self._piece

    def text(self) -> str:
        if self._text is None:
            self._text = _finish(self.piece())[0]
        return self._text


class _Args:
    """A template's parameters with their source offsets."""

    def __init__(self, node: Template, off: int, end: int, mode: str = "body") -> None:
        self.node, self.off, self.end = node, off, end
        raw_name = str(node.name)
        self.name = _template_name(raw_name)
        self.name_off = off + 2
        self.name_end = off + 2 + len(raw_name)
        self.params: list[_Param] = []  # in source order
        self.pos: dict[int, _Param] = {}
        self.named: dict[str, _Param] = {}  # by casefolded name; the last of a repeated name
        pipe = self.name_end
        for param in node.params:
            entry = _Param(param, pipe, mode)
            self.params.append(entry)
            key = entry.name.strip()
            if key.isdigit() and len(key) < 6:
                self.pos[int(key)] = entry
            else:
                self.named[key.casefold()] = entry
            pipe = entry.end

    def get(self, key: int | str) -> _Param | None:
        return self.pos.get(key) if isinstance(key, int) else self.named.get(key)

    def plain(self, key: int | str) -> str:
        p = self.get(key)
        return p.text() if p else ""

    def positional(self) -> list[_Param]:
        return [self.pos[k] for k in sorted(self.pos)]


def _plain(code: Wikicode, off: int, mode: str = "body") -> str:
    """``code``, starting at ``off``, rendered and tidied."""
    out = _Out()
    _render(code, off, out, mode)
    return _finish(out)[0]


def _render(code: Wikicode, base: int, out: _Out, mode: str = "body") -> None:
    """Render ``code``, which starts at ``base``, into ``out``.

    ``mode`` is "body" or "infobox" (where a line break is a comma).
    """
    if len(code.nodes) == 1:  # most link titles and parameters are one text node: made quick
        (node,) = code.nodes  # unpacked: mwparserfromhell's node lists index in Python, slowly
        if type(node) is Text:
            _render_text(node.value, base, out, mode)
            return
    for node, start, end in _children(code, base):
        _render_node(node, start, end, out, mode)


def _render_node(node: Node, off: int, end: int, out: _Out, mode: str) -> None:
    """Render one node, which spans ``[off, end)``."""
    if isinstance(node, Text):
        _render_text(node.value, off, out, mode)
    elif isinstance(node, Wikilink):
        _render_link(node, off, out, mode)
    elif isinstance(node, Template):
        _render_template(node, off, end, out, mode)
    elif isinstance(node, Tag):
        _render_tag(node, off, end, out, mode)
    elif isinstance(node, HTMLEntity):
        _render_entity(node, off, end, out)
    elif isinstance(node, ExternalLink):
        if node.brackets:
            if node.title is not None:
                url_len = len(str(node.url))
                _render(node.title, off + 1 + url_len + (0 if node.suppress_space else 1), out, mode)
        else:
            _render(node.url, off, out, mode)
    elif isinstance(node, Heading):
        _render(node.title, off + node.level, out, mode)
    elif isinstance(node, Argument) and node.default is not None:
        _render(node.default, off + 3 + len(str(node.name)) + 1, out, mode)
    # Comments render to nothing.


def _render_text(s: str, off: int, out: _Out, mode: str) -> None:
    """Text, without the markup the parser left in it (stray quotes, tags, magic words)."""
    if "''" not in s and "__" not in s and "<" not in s:  # no junk (quick to tell)
        out.copy(s, off)
        return
    pos = 0
    for m in _TEXT_JUNK.finditer(s):
        out.copy(s[pos:m.start()], off + pos)
        junk = m.group(0)
        if junk.startswith("'"):
            n = len(junk)
            keep = 1 if n == 4 else (n - 5 if n > 5 else 0)  # '''' is an apostrophe and bold
            out.copy(junk[:keep], off + m.start())
        elif junk[1:3].lower() == "br":
            out.put(", " if mode == "infobox" else " ", off + m.start(), off + m.end())
        pos = m.end()
    out.copy(s[pos:], off + pos)


def _render_link(node: Wikilink, off: int, out: _Out, mode: str) -> None:
    """A link's text, or its title; nothing for files, categories and interlanguage links."""
    title = str(node.title)
    stripped = (_COMMENT.sub("", title) if "<!--" in title else title).strip()
    colon_lead = stripped.startswith(":")
    target = stripped.lstrip(":").strip()
    ns, _, rest = target.partition(":")
    ns = ns.strip().casefold() if rest else ""
    if not colon_lead and ns in _NON_ARTICLE_NAMESPACES:
        return
    if not colon_lead and rest and node.text is None and _INTERLANGUAGE.fullmatch(ns):
        return  # an interlanguage link: not shown in the text
    title_off = off + 2
    if node.text is not None:
        piece = _Out()
        _render(node.text, title_off + len(title) + 1, piece, mode)
        if piece.has_text():
            out.extend(piece)
            return
        # The pipe trick: [[Foo (bar)|]] shows "Foo".
        shown = _PIPE_TRICK.sub("", rest if ns else target).strip()
        start = title.find(shown) if shown else -1
        if start >= 0:
            out.copy(shown, title_off + start)
        return
    mark = len(out.parts)
    _render(node.title, title_off, out, mode)
    # A leading colon ([[:Category:X]]) is not shown.
    shown = out.text(mark)
    lead = len(shown) - len(shown.lstrip())
    if shown[lead:lead + 1] == ":":
        out.drop(mark, lead + 1)


def _render_template(node: Template, off: int, end: int, out: _Out, mode: str) -> None:
    handler = _handler(_template_name(str(node.name)))
    if handler is not None:
        handler(_Args(node, off, end, mode), out, mode)
    # Anything else (citations, maintenance, navigation, unknown templates) is dropped.


def _render_tag(node: Tag, off: int, end: int, out: _Out, mode: str) -> None:
    name = _tag_name(node)
    if node.wiki_markup:
        if name in ("li", "dd", "dt"):
            if name == "dd" and out.has_text():
                out.put(":", off, end)
            elif out.has_text():
                out.put(", ", off, end)
            return
        if name in ("hr", "table"):
            return
        if not node.self_closing and node.contents is not None:
            if name in ("td", "th", "tr"):
                out.put(" ", off, end)
            _render(node.contents, _tag_contents_offset(node, off), out, mode)
        return
    if name == "br":
        out.put(", " if mode == "infobox" else " ", off, end)
        return
    if name in _DROPPED_TAGS or node.self_closing or node.invalid or node.contents is None:
        return
    contents_off = _tag_contents_offset(node, off)
    if name in ("nowiki", "pre"):
        out.copy(str(node.contents), contents_off)
        return
    _render(node.contents, contents_off, out, mode)


def _render_entity(node: HTMLEntity, off: int, end: int, out: _Out) -> None:
    if node.named and node.value in _NAMED_SPACES:
        out.put(" ", off, end)
        return
    try:
        char = node.normalize()
    except (ValueError, KeyError, OverflowError):  # an entity the parser took but Python cannot map
        out.copy(str(node), off)
        return
    out.put(char, off, end)
