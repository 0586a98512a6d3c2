"""Read MediaWiki wikitext into an :class:`Article`.

The source is parsed with mwparserfromhell (:mod:`.parse`) and rendered to plain text by a
walk over its nodes (:mod:`.render`, :mod:`.templates`) that emits each rendered character
together with the source offset it came from (:mod:`.buffer`). A block's ``offsets`` are those
source offsets, so ``block.source_span(i, j)`` points at the markup that produced ``text[i:j]``:
a link's text, a template's parameter, or, for text a template or tag makes up
("c. " of ``{{circa|1262}}``, ", " for ``<br>``), the markup it replaced.

What is kept matches the plain-text form of the same article
(:mod:`legation.read.plain`): the infobox's named parameters, headings and
their section tree, paragraphs (a run of non-blank lines), ``*``/``#`` list
items, wikitable rows, "See also" items (:mod:`.blocks`). References, citations, maintenance
templates, files, categories and unknown templates are dropped, as are the
"References", "External links", "Notes" and "Further reading" sections.

The reader is total: any string gives an article. Markup that would make the parser slow
(thousands of unclosed ``{{``) or recurse too deep is first replaced one character for one by
:mod:`legation.read.defuse`; the size and markup limits of :mod:`legation.limits` are checked by
:func:`legation.read.read_text` and the dump readers, not here.
"""

from legation.read.wikitext.blocks import DROPPED_SECTIONS
from legation.read.wikitext.parse import _parse as _parse  # for benchmarks that time the parse alone
from legation.read.wikitext.reader import read_wikitext

__all__ = ["DROPPED_SECTIONS", "read_wikitext"]
