"""Parsing wikitext with mwparserfromhell, and where each parsed node lies in the source.

mwparserfromhell keeps no positions: a node's offset is the sum of the lengths of what
comes before it, which :func:`_children` counts as it walks.

>>> [(str(node), start, end) for node, start, end in _children(_parse("a [[b]] {{c}}"), 0)]
[('a ', 0, 2), ('[[b]]', 2, 7), (' ', 7, 8), ('{{c}}', 8, 13)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import mwparserfromhell
from mwparserfromhell.nodes import Node, Tag, Text
from mwparserfromhell.parser import ParserError
from mwparserfromhell.wikicode import Wikicode

from legation.read.defuse import defuse

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_SPACES = re.compile(r"\s+")
_NAME_PREFIXES = ("template:", "subst:", "safesubst:", "msgnw:")


def _parse(text: str) -> Wikicode:
    """The parse of ``text``, made cheap first when it is hostile (:mod:`legation.read.defuse`)."""
    return _parse_measured(text)[0]


def _parse_measured(text: str) -> tuple[Wikicode, list[int]]:
    """The parse of ``text`` (as :func:`_parse`) and the length of each of its top-level nodes."""
    try:
        code = mwparserfromhell.parse(defuse(text))
    except (ParserError, RecursionError):
        # mwparserfromhell reports its own internal failures so, and its builder recurses once per
        # level of nesting; read the text as text.
        return Wikicode([Text(text)]), [len(text)]
    if len(code.nodes) == 1 and isinstance(code.nodes[0], Text):
        # Nothing parsed: the source as it is, not its defused copy.
        return Wikicode([Text(text)]), [len(text)]
    lengths = [_length(node) for node in code.nodes]
    if sum(lengths) != len(text):  # offsets would be wrong; never seen, but cheap to guard
        return Wikicode([Text(text)]), [len(text)]
    return code, lengths


def _length(node: Node) -> int:
    """The length of ``node`` as written; a text node is its value, any other is written out."""
    return len(node.value) if type(node) is Text else len(str(node))


def _children(code: Wikicode, base: int, lengths: list[int] | None = None) -> Iterator[tuple[Node, int, int]]:
    """``(node, start, end)`` for each node of ``code`` that starts at ``base``.

    ``lengths`` are those of the nodes, when known.
    """
    off = base
    for i, node in enumerate(code.nodes):
        n = lengths[i] if lengths is not None else _length(node)
        yield node, off, off + n
        off += n


def _tag_contents_offset(tag: Tag, off: int) -> int:
    """Where the contents of ``tag``, which starts at ``off``, start."""
    attrs = sum(len(str(a)) for a in tag.attributes)
    if tag.wiki_markup:
        return off + len(tag.wiki_markup) + attrs + len(tag.padding or "") + len(tag.wiki_style_separator or "")
    return off + (2 if tag.invalid else 1) + len(str(tag.tag)) + attrs + len(tag.padding) + 1


def _tag_name(tag: Tag) -> str:
    return str(tag.tag).strip().lower()


def _template_name(name: str) -> str:
    """A template's name as written (``Template:Cite_web <!-- x -->``), as looked up (``cite web``)."""
    # The same few names recur in every article: the short ones are remembered (long ones could be
    # hostile, and would fill the memory).
    return _short_template_name(name) if len(name) <= 100 else _looked_up_name(name)


def _looked_up_name(name: str) -> str:
    name = _COMMENT.sub("", name).replace("_", " ")
    name = _SPACES.sub(" ", name).strip().casefold()
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
    return name


_short_template_name = lru_cache(maxsize=4096)(_looked_up_name)
