"""Split blocks into sentences, keeping each sentence's span in the source.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital
letter (or a quote or digit), unless the full stop belongs to an abbreviation
("U.S.", "St.", "Dr.", "c.", "e.g.") or an initial ("J. Smith"), or it stands
inside parentheses or quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legation.article import Article, Block, Span

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "th", "prof", "gen", "col", "lt", "capt", "sgt", "gov",
    "pres", "rev", "hon", "no", "nos", "vol", "vols", "pp", "p", "fig", "c", "ca", "cf", "e.g", "i.e",
    "etc", "vs", "approx", "est", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "u.s.s.r", "a.d", "b.c",
}
# Words that open a sentence and never follow an initial or an abbreviation: "… repulsed by Rama I. The wars
# ended …" ends at "I." (a regnal number), where "J. Smith" does not; "… in the U.S. In 1990 …" ends too.
_OPENERS = frozenset({
    "The", "In", "On", "At", "After", "Before", "During", "From", "By", "When", "While", "Since", "However", "Its",
    "His", "Her", "Their", "This", "These", "Those", "It", "Both", "Later", "Then", "Under", "Following", "Despite",
    "Although", "Relations", "Trade",
})
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: ``text`` is ``block.text[start:start + len(text)]``."""

    text: str
    span: Span
    section: str
    block: int
    start: int
    index: int = 0

    def source_span(self, article: Article, i: int, j: int) -> Span:
        """The source span of ``self.text[i:j]``."""
        return article.blocks[self.block].source_span(self.start + i, self.start + j)


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_WORD_FORMS = re.compile(r"[A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+")


def _word_before(text: str, dot: int) -> str | None:
    """The word that ends at ``dot``: what ``(?:^|[\\s(\"'])([A-Za-z](?:\\.[A-Za-z])*|[A-Za-z]+)$`` finds in
    ``text[:dot]``, read from the end. The word is all the letters and dots before the end (before a
    final newline, where ``$`` also matches), after a space, bracket or quote or at the start.
    """
    end = dot - 1 if dot and text[dot - 1] == "\n" else dot
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    if start == end or (start > 0 and not (text[start - 1].isspace() or text[start - 1] in "(\"'")):
        return None
    return text[start:end] if _WORD_FORMS.fullmatch(text, start, end) else None


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot)
    if word is None:
        return False
    if (m := _NEXT_WORD.match(text, dot + 1)) and m.group(1) in _OPENERS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.casefold() in _ABBREVIATIONS or "." in word


def split_block(block: Block) -> list[tuple[int, int]]:
    """Sentence boundaries ``(start, end)`` within ``block.text``, whitespace trimmed.

    >>> split_block(Block("paragraph", "In 1897 it began. Then it ended.", (0, 32)))
    [(0, 17), (18, 32)]
    """
    text = block.text
    bounds: list[tuple[int, int]] = []
    start = 0
    depth = 0
    last = 0
    for m in _END.finditer(text):
        # Count parentheses between the last cut and here: no cut inside "( … )".
        depth += text.count("(", last, m.start()) - text.count(")", last, m.start())
        last = m.start()
        if depth > 0:
            continue
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def sentences(article: Article) -> list[Sentence]:
    """Every sentence of the article's paragraphs, list items and table rows, in order."""
    out: list[Sentence] = []
    for i, block in enumerate(article.blocks):
        if block.kind == "heading":
            continue
        for s, e in split_block(block):
            out.append(Sentence(block.text[s:e], block.source_span(s, e), block.section, i, s, len(out)))
    return out
