"""Readers: one module per input format, all producing :class:`legation.article.Article`.

:func:`read_path` chooses the format by content, not by file name: a bz2 or
XML MediaWiki dump yields every relations article in it; any other file is
one article, wikitext or plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from legation.article import Article
from legation.errors import InputError
from legation.limits import Limits, check_article, limits, variable
from legation.read.plain import read_plain

# Markup that plain text from the corpus never has and wikitext nearly always has.
_WIKITEXT = re.compile(r"\{\{|\[\[|'''|<ref[ >]|^\{\|", re.MULTILINE)
MAX_ARTICLE_BYTES = Limits().article_bytes  # the default; the limit in force is limits().article_bytes


def detect_format(text: str) -> str:
    """``"wikitext"`` or ``"plain"`` from the text itself.

    >>> detect_format("{{Infobox bilateral relations|A–B|A|B}}")
    'wikitext'
    """
    head = text[:200_000]
    if re.match(r"\s*(URL:|= [^=])", head) or re.search(r"^Infobox\n- ", head, re.MULTILINE):
        return "plain"
    return "wikitext" if _WIKITEXT.search(head) else "plain"


def read_text(text: str, source: str = "", fmt: str | None = None, title: str | None = None) -> Article:
    """Read one article from a string, in the format given or detected.

    An article over the limits of :mod:`legation.limits` is an :class:`InputError` naming ``source``.
    """
    fmt = fmt or detect_format(text)
    check_article(text, source, wikitext=fmt == "wikitext")
    if fmt == "wikitext":
        from legation.read.wikitext import read_wikitext

        return read_wikitext(text, source=source, title=title)
    article = read_plain(text, source=source)
    if title and not article.title:
        article = Article(**{**article.__dict__, "title": title})
    return article


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for text of that encoding without a byte-order mark.

    Text in a Latin script written as UTF-16 has a zero byte in every other place (the high byte of
    each character); a binary file has its zeros anywhere.
    """
    head = data[:8192]
    if len(head) < 16 or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) == 0:
            return encoding
    return None


def decode(data: bytes, path: str) -> str:
    """Bytes of an article file as text, or an :class:`InputError` saying why not."""
    if not data.strip():
        raise InputError(path, "the file is empty", "give a file that holds an article")
    if (utf16 := _utf16_without_bom(data)) is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}", "save the file as UTF-8") from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "this is a binary file, not an article", "give a text, wikitext or XML dump file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}", "save the file as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"not UTF-8 (byte {exc.start}, line {line})", "save the file as UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from None


SUFFIXES = (".txt", ".wiki", ".xml", ".xml.bz2")


def expand(paths) -> list[Path]:
    """Files to read: files as given, folders searched for *.txt, *.wiki, *.xml, *.xml.bz2.

    A folder's files are taken in sorted order; hidden files and folders are skipped.
    """
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.name.endswith(SUFFIXES)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ))
        else:
            out.append(p)
    return out


def read_path(path: str | Path) -> Iterator[Article]:
    """Every article in a file: one for an article file, each relations page for a dump."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file", "check the path")
    if p.is_dir():
        raise InputError(name, "is a directory, not an article file", "name the files, e.g. DIR/*.txt")
    try:
        with p.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    if head.startswith(b"BZh") or re.match(rb"\s*(<\?xml[^>]*>\s*)?<mediawiki", head):
        # A multistream dump with its index beside it is read by seeking; any other dump is scanned.
        from legation.read.multistream import iter_multistream

        yield from iter_multistream(p)
        return
    size, limit = p.stat().st_size, limits().article_bytes
    if size > limit:
        raise InputError(name, f"is {size} bytes, more than the {limit}-byte limit for one article",
                         f"split it, give a dump, or raise {variable('article_bytes')}")
    yield read_text(decode(p.read_bytes(), name), source=name)
