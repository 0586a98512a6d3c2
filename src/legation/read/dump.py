"""Read the relations articles of a MediaWiki XML dump (``.xml`` or ``.xml.bz2``).

The dump is streamed: pages are parsed one at a time with mwxml and the
parsed tree is cleared behind them, so memory stays flat whatever the dump's
size. Only main-namespace pages that are not redirects and whose title names
the relations of two countries (:func:`is_relations_title`) are read; each is
read as wikitext with the latest revision's text.

The XML is parsed safely: a document type declaration (where entities,
external or recursive, would be declared) is refused before the parser sees
it, so neither external entities nor entity expansion can happen.

A fault part-way (a truncated or corrupt bz2 stream, malformed XML) raises an
:class:`InputError` after the pages read before it have been yielded.
"""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

import mwxml
from mwxml.element_iterator import ElementIterator
from mwxml.errors import MalformedXML

from legation.article import Article
from legation.errors import InputError
from legation.limits import check_article, limits, variable
from legation.read.wikitext import read_wikitext

# Countries whose names hold " and ": "Bosnia and Herzegovina relations" is not "A and B relations".
_AND_NAMES = frozenset(n.casefold() for n in (
    "Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua and Barbuda", "Saint Kitts and Nevis",
    "St. Kitts and Nevis", "Saint Vincent and the Grenadines", "São Tomé and Príncipe",
    "Sao Tome and Principe", "Saint Pierre and Miquelon", "Turks and Caicos Islands", "Wallis and Futuna",
    "Heard Island and McDonald Islands", "Svalbard and Jan Mayen", "South Georgia and the South Sandwich Islands",
))
_EXCLUDED_PREFIXES = ("foreign relations of", "list of", "lists of", "history of", "timeline of", "outline of",
                      "index of")
# "Inter-Korean", "Cross-Strait": a prefix and an adjective, not two sides.
_NOT_A_SIDE = frozenset({"inter", "intra", "cross", "trans", "pan", "anti", "non", "post", "pre", "neo", "multi",
                         "bi", "tri", "mid", "sub", "super", "ultra"})
_PROLOG_LIMIT = 1 << 20
# What mwxml raises on XML that parses but is not laid out as a dump (a missing <ns>, a bad id …).
_MWXML_ERRORS = (ParseError, MalformedXML, ValueError, TypeError, AttributeError, KeyError, AssertionError)


def _is_side(part: str) -> bool:
    part = part.strip()
    return (bool(part) and part[0].isupper() and part == part.strip() and "(" not in part
            and part.casefold() not in _NOT_A_SIDE and not part.casefold().endswith(" relations"))


def is_relations_title(title: str) -> bool:
    """Whether a page title names the relations of two sides.

    >>> is_relations_title("Morocco–Russia relations"), is_relations_title("Relations between A and B")
    (True, True)
    >>> is_relations_title("Foreign relations of Morocco"), is_relations_title("Bosnia and Herzegovina relations")
    (False, False)
    """
    t = re.sub(r"[\s_]+", " ", title).strip()
    low = t.casefold()
    if not t or low.startswith(_EXCLUDED_PREFIXES) or low.endswith("(disambiguation)"):
        return False
    m = re.fullmatch(r"[Rr]elations between (.+) and (.+)", t)
    if m:
        return _is_side(m.group(1)) and _is_side(m.group(2))
    if not t.endswith(" relations"):
        return False
    left = t[: -len(" relations")].strip()
    for sep in ("–", "-"):
        if sep in left:
            parts = left.split(sep)
            return len(parts) == 2 and all(_is_side(p) and p == p.strip() for p in parts)
    if " and " in left and left.casefold() not in _AND_NAMES:
        parts = left.split(" and ")
        return len(parts) == 2 and all(_is_side(p) for p in parts)
    return False


class _Bz2Reader:
    """Decompress a bz2 file of one or more streams, a piece at a time.

    Unlike :class:`bz2.BZ2File`, data after a stream that is not another bz2
    stream is an error, not silently the end: a corrupt multistream dump is
    reported, not read as a shorter one.
    """

    CHUNK = 1 << 16

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.dec = bz2.BZ2Decompressor()
        self.buf = b""
        self.stream_start = 0  # where the stream being read starts in the file

    def read(self, size: int) -> bytes:
        while True:
            if self.dec.eof:
                rest = self.dec.unused_data or self.buf or self.raw.read(self.CHUNK)
                self.buf = b""
                if not rest:
                    return b""  # the end, after a complete stream
                if not rest.startswith(b"BZh") and len(rest) >= 3:
                    raise OSError("data after the end of a bz2 stream is not a bz2 stream")
                self.stream_start = self.raw.tell() - len(rest)
                self.dec = bz2.BZ2Decompressor()
                self.buf = rest
            if self.dec.needs_input:
                chunk = self.buf or self.raw.read(self.CHUNK)
                self.buf = b""
                if not chunk:
                    raise EOFError("the bz2 stream ends before its end-of-stream marker")
            else:
                chunk = b""
            data = self.dec.decompress(chunk, size)
            if data:
                return data


class _SafeStream:
    """The dump's bytes for the XML parser: bz2 faults become :class:`InputError`, DOCTYPEs are refused."""

    def __init__(self, raw: BinaryIO, path: str, compressed: bool) -> None:
        self.raw = raw
        self.path = path
        self.bz2 = _Bz2Reader(raw) if compressed else None
        self.prolog = b""
        self.prolog_done = False
        self.lines = 1
        # Bytes since the last <page> began; escaping can double a text, and a page has its metadata.
        self.page_bytes, self.page_line = 0, 1
        self.page_limit = 2 * limits().article_bytes + (1 << 20)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 16
        try:
            data = self.bz2.read(size) if self.bz2 is not None else self.raw.read(size)
        except (EOFError, OSError) as exc:
            if self.bz2 is None:
                raise InputError(self.path, f"cannot be read: {exc}") from None
            raise InputError(
                self.path, f"truncated or corrupt bz2 stream at byte {self.bz2.stream_start}",
                "download the dump again, or check it with `bzip2 -t`",
            ) from None
        if not self.prolog_done:
            self._check_prolog(data)
        self._count_page(data)
        self.lines += data.count(b"\n")
        return data

    def _count_page(self, data: bytes) -> None:
        """Refuse a page longer than an article may be: the parser would hold it whole in memory."""
        last = data.rfind(b"<page>")
        self.page_bytes = len(data) - last if last >= 0 else self.page_bytes + len(data)
        if last >= 0:
            self.page_line = self.lines + data.count(b"\n", 0, last)
        if self.page_bytes > self.page_limit:
            raise InputError(self.path, f"the page at line {self.page_line} is longer than {self.page_limit} bytes "
                                        "of XML; the pages after it are not read",
                             f"raise {variable('article_bytes')} (a page may be up to twice that as XML)")

    def _check_prolog(self, data: bytes) -> None:
        """Refuse a DOCTYPE: it comes, if at all, before the root element."""
        self.prolog += data
        b = self.prolog
        if b.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(b) > 1 and b[1:2] == b"\x00") or b[:1] == b"\x00":
            raise InputError(self.path, "the XML is UTF-16 encoded", "convert the dump to UTF-8")
        i = 3 if b.startswith(b"\xef\xbb\xbf") else 0
        while True:
            while i < len(b) and b[i:i + 1] in b" \t\r\n":
                i += 1
            rest = b[i:]
            if not data and len(rest) < 9:  # end of the file in the prolog: the parser will say what is wrong
                self._prolog_finished()
                return
            if len(rest) < 9:
                break
            if rest.startswith(b"<?"):
                end = b.find(b"?>", i + 2)
                if end < 0:
                    break
                i = end + 2
            elif rest.startswith(b"<!--"):
                end = b.find(b"-->", i + 4)
                if end < 0:
                    break
                i = end + 3
            elif rest.startswith(b"<!"):
                raise InputError(
                    self.path, "the XML has a DOCTYPE declaration; entity declarations are refused for safety",
                    "give a MediaWiki dump as exported, without a DOCTYPE",
                )
            else:
                self._prolog_finished()
                return
        if len(b) > _PROLOG_LIMIT:
            raise InputError(self.path, "the XML prolog is longer than 1 MB", "give a MediaWiki XML dump")

    def _prolog_finished(self) -> None:
        self.prolog_done = True
        self.prolog = b""


def _malformed(path: str, exc: Exception, stream: _SafeStream) -> InputError:
    if isinstance(exc, ParseError):
        line = exc.position[0] if getattr(exc, "position", None) else stream.lines
        return InputError(path, f"malformed XML at line {line}", "check the dump is complete and well-formed")
    # Well-formed XML not laid out as a dump: the parser has read ``stream.lines`` lines so far.
    return InputError(path, f"malformed MediaWiki XML within the first {stream.lines} lines: {exc}",
                      "give a MediaWiki XML dump as exported")


def iter_dump(path: str | Path, errors: list[InputError] | None = None) -> Iterator[Article]:
    """Each relations article in a MediaWiki XML dump, read as wikitext.

    A page over the limits of :mod:`legation.limits` is appended to ``errors`` and the scan goes on;
    without ``errors``, the first is raised once every other article has been yielded. A fault of
    the file itself (corrupt bz2, malformed XML) ends the scan with an :class:`InputError`.
    """
    name = str(path)
    found: list[InputError] = [] if errors is None else errors
    before = len(found)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed in the finally below, the generator may stop early
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    try:
        compressed = raw.read(3) == b"BZh"
        raw.seek(0)
        stream = _SafeStream(raw, name, compressed)
        try:
            root = ElementIterator.from_file(stream)
        except (ParseError, StopIteration) as exc:
            raise _malformed(name, exc if isinstance(exc, ParseError) else MalformedXML("empty"), stream) from None
        if root.tag != "mediawiki":
            raise InputError(name, f"not a MediaWiki dump: the root element is <{root.tag}>",
                             "give a MediaWiki XML dump (Special:Export or dumps.wikimedia.org)")
        try:
            dump = mwxml.Dump.from_element(root)
        except _MWXML_ERRORS as exc:
            raise _malformed(name, exc, stream) from None
        pages = dump.pages
        while True:
            try:
                page = next(pages, None)
            except _MWXML_ERRORS as exc:
                raise _malformed(name, exc, stream) from None
            if page is None:
                break
            title = page.title or ""
            wanted = page.namespace == 0 and not page.redirect and is_relations_title(title)
            text = None
            if wanted:
                try:
                    for revision in page:  # the last revision is the current one
                        text = revision.text
                except _MWXML_ERRORS as exc:
                    raise _malformed(name, exc, stream) from None
            # The tree is built under the root: drop the pages behind us to keep memory flat.
            root.element.clear()
            if not wanted or text is None or re.match(r"\s*#redirect\b", text, re.IGNORECASE):
                continue
            source = f"{name}#{title}"
            try:
                check_article(text, source, wikitext=True)
            except InputError as exc:
                found.append(exc)
                continue
            yield read_wikitext(text, source=source, title=title)
    finally:
        raw.close()
    if errors is None:
        raise_first(found[before:])


def raise_first(found: list[InputError]) -> None:
    """Raise the first of the errors collected while reading, saying how many more there were."""
    if found:
        first, more = found[0], len(found) - 1
        raise InputError(first.path, first.problem + (f" (and {more} more failed)" if more else ""), first.fix)
