"""The output buffer: rendered text with the source offset of each character, and its tidying.

Rendering appends pieces of text to an :class:`_Out`; :func:`_finish` joins them into a
block's text, white space collapsed and the traces of dropped markup removed, with the
source offset of every character kept.

>>> out = _Out()
>>> out.copy("Sent to  Paris ", 0)
>>> out.put("(", 20, 21)
>>> out.put(")", 30, 31)  # a reference dropped between the parentheses
>>> out.copy(".", 31)
>>> _finish(out)
('Sent to Paris.', (0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 31))
"""

from __future__ import annotations

import re

# Invisible characters are dropped; every kind of white space (str.isspace) renders as a plain space.
_INVISIBLE = "\u00ad\u200b\u200e\u200f\u2060\ufeff"
_OPENERS = "(["
_CLOSERS = ",.;:!?)]"

# Every white space character (str.isspace) but " ", and the invisible ones: a text without them
# and without "  " needs no collapsing.
_ODD_SPACE = re.compile(
    rf"[\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000{_INVISIBLE}]")
# Leading white space and invisible characters, all dropped.
_LEAD = re.compile(rf"[\s{_INVISIBLE}]*")
# What is not already one plain space between two characters: a run of two or more white space or
# invisible characters, a single white space other than " ", a single invisible character.
# (``\s`` is exactly ``str.isspace``.)
_MESSY = re.compile(rf"[\s{_INVISIBLE}]{{2,}}|[^\S ]|[{_INVISIBLE}]")
_SPACE = re.compile(r"\s")
# Parentheses with nothing or one space in them.
_EMPTY_PARENS = re.compile(r"\( ?\)")
# A space before closing punctuation or after an opening bracket.
_LOOSE_SPACE = re.compile(rf" (?:(?=[{re.escape(_CLOSERS)}])|(?<=[{re.escape(_OPENERS)}] ))")

_Cut = tuple[int, int, int | None]  # a span to cut out, and where the space in its place comes from


class _Out:
    """Rendered text, as pieces, and for each of its characters the source offset it came from.

    Pieces are never empty, so ``len(offs)`` is the length of the text and ``not offs`` says
    nothing was rendered.
    """

    __slots__ = ("parts", "offs", "_scan")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offs: list[int] = []
        self._scan = 0  # parts before this index are all white space

    def copy(self, s: str, off: int) -> None:
        """Characters taken from the source at ``off``."""
        if s:
            self.parts.append(s)
            self.offs.extend(range(off, off + len(s)))

    def put(self, s: str, lo: int, hi: int, spread: bool = False) -> None:
        """Characters made up in place of the markup at ``[lo, hi)``.

        They map one to one onto the markup's first characters (the last ones
        share its last character), or, with ``spread``, evenly across it.
        """
        n = len(s)
        if not n:
            return
        last = max(hi - 1, lo)
        self.parts.append(s)
        if spread and n > 1:
            self.offs.extend([lo + (k * (last - lo)) // (n - 1) for k in range(n)])
            return
        mapped = min(n, last - lo + 1)
        self.offs.extend(range(lo, lo + mapped))
        if mapped < n:
            self.offs.extend([last] * (n - mapped))

    def extend(self, other: _Out) -> None:
        self.parts.extend(other.parts)
        self.offs.extend(other.offs)

    def text(self, mark: int = 0) -> str:
        """The rendered text as it is, not yet tidied; from part ``mark`` on."""
        return "".join(self.parts[mark:])

    def has_text(self) -> bool:
        """Whether anything but white space was rendered."""
        parts, i = self.parts, self._scan
        while i < len(parts):
            if not parts[i].isspace():
                self._scan = i
                return True
            i += 1
        self._scan = i
        return False

    def drop(self, mark: int, n: int) -> None:
        """Drop the first ``n`` characters of those written from part ``mark`` on."""
        since = self.text(mark)
        rest = since[n:]
        self.parts[mark:] = [rest] if rest else []
        start = len(self.offs) - len(since)
        del self.offs[start:start + n]
        self._scan = min(self._scan, mark)


def _finish(out: _Out) -> tuple[str, tuple[int, ...]]:
    """Normalize rendered text: spaces collapsed, edges stripped, drop-outs tidied.

    Where dropped markup (a reference, a template) leaves a space before a
    comma or inside parentheses, or empty parentheses, those are removed; the
    source offsets tell dropped markup apart from text written that way.
    """
    text, offs = _collapse_spaces(out.text(), out.offs)
    if "(" in text:
        text, offs = _drop_empty_parens(text, offs)
    if " " in text:
        text, offs = _drop_loose_spaces(text, offs)
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    if start or end < len(text):
        return text[start:end], tuple(offs[start:end])
    return text, tuple(offs)


def _collapse_spaces(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Edges' white space dropped, each other run one " " (at its first white space), invisibles dropped.

    (The space a run at the end would leave is stripped in the end, and changes nothing before it.)
    """
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if start or end < len(text):
        text, offs = text[start:end], offs[start:end]
    if not _ODD_SPACE.search(text) and "  " not in text:
        return text, offs
    lead = _LEAD.match(text).end()  # type: ignore[union-attr]  # matches the empty string
    cuts: list[_Cut] = [(0, lead, None)] if lead else []
    for m in _MESSY.finditer(text, lead):
        space = _SPACE.search(m.group())
        cuts.append((m.start(), m.end(), m.start() + space.start() if space else None))
    return _splice(text, offs, cuts)


def _drop_empty_parens(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """``()`` or ``( )`` left by dropped markup, with the space before them.

    The offsets show dropped markup: the parentheses are not next to each other in the source.
    """
    cuts: list[_Cut] = []
    pos = 0
    for m in _EMPTY_PARENS.finditer(text):
        start, end = m.span()
        if offs[end - 1] - offs[start] <= end - 1 - start:
            continue  # written so
        if start > pos and text[start - 1] == " ":
            start -= 1
        cuts.append((start, end, None))
        pos = end
    return _splice(text, offs, cuts)


def _drop_loose_spaces(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """A space next to dropped markup before closing punctuation, or after an opening bracket."""
    n = len(text)
    cuts: list[_Cut] = []
    for m in _LOOSE_SPACE.finditer(text):
        i = m.start()
        if not 0 < i < n - 1:
            continue
        gap_after = offs[i + 1] - offs[i] > 1
        if ((text[i + 1] in _CLOSERS and gap_after)
                or (text[i - 1] in _OPENERS and (gap_after or offs[i] - offs[i - 1] > 1))):
            cuts.append((i, i + 1, None))
    return _splice(text, offs, cuts)


def _splice(text: str, offs: list[int], cuts: list[_Cut]) -> tuple[str, list[int]]:
    """``text`` and its offsets with each ``(start, end, space)`` of ``cuts`` (in order) cut out.

    When ``space`` is an index, a " " with the offset of ``text[space]`` takes the cut's place.
    """
    if not cuts:
        return text, offs
    parts: list[str] = []
    new_offs: list[int] = []
    pos = 0
    for start, end, space in cuts:
        parts.append(text[pos:start])
        new_offs += offs[pos:start]
        if space is not None:
            parts.append(" ")
            new_offs.append(offs[space])
        pos = end
    parts.append(text[pos:])
    new_offs += offs[pos:]
    return "".join(parts), new_offs
