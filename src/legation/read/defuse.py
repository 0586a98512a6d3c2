"""Make hostile wikitext cheap to parse, keeping every offset.

mwparserfromhell takes time quadratic in the length of the text when many constructs are opened
and never closed (``{{a|`` ten thousand times, ``<div a="`` …: each failed opener makes it read on
to the end of the text; earwig/mwparserfromhell#364), its tree builder recurses once per level of
nesting, and it makes one node per list marker (``*`` × 3,000 at the start of each of 3,000 lines
is 4.5 million nodes). Real articles close nearly everything they open, nest a few levels deep and
indent lists a few levels.

:func:`defuse` finds, in one pass per kind of construct, the openers that are never closed, the
brackets nested deeper than a limit and the list markers beyond that depth. When the unclosed
openers are more than a real article has (:data:`SLACK`), each of them is replaced by its full-width
look-alike (``{`` → ``｛``), which the parser reads as text; too-deep brackets and list markers
are replaced always. The replacement is one character for one, so every offset into the source
still holds, and a text with nothing to defuse is returned as it is.

>>> defuse("{{a|" * 40) == "｛｛a|" * 40
True
>>> defuse("{{Infobox|a=[[b]]}} text") == "{{Infobox|a=[[b]]}} text"
True
"""

from __future__ import annotations

import re

from legation.limits import limits

# Unclosed openers a text may have and still be parsed as it is (typos do happen in real articles).
SLACK = 32

_LOOKALIKE = str.maketrans("{}[]<*#:;", "｛｝［］＜＊＃：；")
_DOUBLE = re.compile(r"\{\{|\}\}|\[\[|\]\]")
_EXTERNAL = re.compile(r"\[(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)(>?)")
_COMMENT = re.compile(r"<!--|-->")
_TABLE = re.compile(r"^[ \t]*(\{\||\|\})", re.MULTILINE)
_LIST = re.compile(r"^[*#:;]+", re.MULTILINE)
# Tags that stand alone or may be left open (mwparserfromhell's "single" tags).
_UNPAIRED = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th", "td", "tr", "p"})


def _brackets(text: str, depth_limit: int) -> tuple[list[int], list[int]]:
    """Positions of unclosed ``{{``/``[[`` and of brackets (either side) nested deeper than the limit."""
    stacks: dict[str, list[int]] = {"{": [], "[": []}
    deep: list[int] = []
    for m in _DOUBLE.finditer(text):
        token = m.group()
        stack = stacks["{" if token[0] in "{}" else "["]
        if token in ("{{", "[["):
            stack.append(m.start())
            if len(stack) > depth_limit:
                deep.append(m.start())
        elif stack:
            if len(stack) > depth_limit:
                deep.append(m.start())
            stack.pop()
    return stacks["{"] + stacks["["], deep


def _external(text: str) -> list[int]:
    """Positions of ``[http://…`` with no ``]`` after them on their line (an external link ends at the first)."""
    out: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        if "//" in line:
            last_close = line.rfind("]")
            out += [line_start + m.start() for m in _EXTERNAL.finditer(line) if m.start() > last_close]
        line_start += len(line) + 1
    return out


def _tags(text: str) -> list[int]:
    """Positions of tags that are not closed: ``<div a="`` with no ``>``, ``<div>`` with no ``</div>``."""
    unclosed: list[int] = []
    open_tags: list[tuple[str, int]] = []
    for m in _TAG.finditer(text):
        closing, name, rest, end = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if not end:
            unclosed.append(m.start())
        elif closing:
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    del open_tags[i:]
                    break
        elif name not in _UNPAIRED and not rest.rstrip().endswith("/"):
            open_tags.append((name, m.start()))
    return unclosed + [start for _, start in open_tags]


def _comments(text: str) -> list[int]:
    """Positions of ``<!--`` with no ``-->`` after them."""
    opened: list[int] = []
    for m in _COMMENT.finditer(text):
        if m.group() == "<!--":
            opened.append(m.start())
        else:
            opened.clear()
    return opened


def _tables(text: str) -> list[int]:
    stack: list[int] = []
    for m in _TABLE.finditer(text):
        if m.group(1) == "{|":
            stack.append(m.start(1))
        elif stack:
            stack.pop()
    return stack


def defuse(text: str, depth_limit: int | None = None) -> str:
    """``text`` with hostile constructs replaced one character for one (see the module's doc)."""
    if depth_limit is None:
        depth_limit = limits().nesting
    at: list[int] = []
    unclosed, deep = _brackets(text, depth_limit)
    unclosed += _external(text) + _tags(text) + _comments(text) + _tables(text)
    if len(unclosed) > SLACK:
        at += unclosed
    at += deep
    spans = [(m.start() + depth_limit, m.end()) for m in _LIST.finditer(text) if m.end() - m.start() > depth_limit]
    if not at and not spans:
        return text
    chars = list(text)
    for i in at:
        # Both characters of a ``{{``: a lone ``{`` after one replaced would open again with the next.
        for j in (i, i + 1) if text.startswith(("{{", "[[", "}}", "]]"), i) else (i,):
            chars[j] = chars[j].translate(_LOOKALIKE)
    for start, end in spans:
        chars[start:end] = [c.translate(_LOOKALIKE) for c in chars[start:end]]
    return "".join(chars)
