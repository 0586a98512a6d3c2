"""Read the relations articles of a multistream dump through its index, decompressing only their streams.

Wikipedia's ``…-pages-articles-multistream.xml.bz2`` is a run of independent bz2 streams: the
first holds the ``<mediawiki>`` start tag and ``<siteinfo>``, each of the next holds 100
``<page>`` elements (no root element), the last holds ``</mediawiki>``. Beside it,
``…-multistream-index.txt.bz2`` has one ``offset:page_id:title`` line per page, ``offset`` being
the byte where the page's stream starts.

The index is read as a stream; the lines whose title is a relations title
(:func:`~legation.read.dump.is_relations_title`, pages of other namespaces left out by their
prefix) are grouped by offset into :class:`StreamGroup`\\ s, in dump order. Each group's stream is
read from its offset and decompressed alone; its pages are split out by their tags, and only the
pages whose title is a relations title are parsed as XML. A page is kept as the streaming reader
(:func:`~legation.read.dump.iter_dump`) keeps it: main namespace, not a redirect, the latest
revision's text, read as wikitext with ``source=f"{path}#{title}"``. Both paths give the same
articles in the same order.

Streams are decompressed and their pages read as articles a few at a time ahead of the caller,
by other processes (:func:`prefetch`), and the articles come back in the dump's order. (In
threads, which bz2 lets run while it decompresses, each would wait for the thread reading
wikitext to let go of the interpreter's lock a few times per stream: a quarter slower on two
cores.)

A stream that cannot be read (truncated, corrupt, not where the index says, malformed XML) is
an :class:`InputError` naming its byte offset; the other streams are read all the same.

>>> find_index("enwiki-20240601-pages-articles-multistream.xml.bz2")  # doctest: +SKIP
PosixPath('enwiki-20240601-pages-articles-multistream-index.txt.bz2')
"""

from __future__ import annotations

import bz2
import html
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from legation.article import Article
from legation.errors import InputError
from legation.limits import check_article, limits, variable
from legation.pools import process_pool
from legation.read.dump import is_relations_title, raise_first

CHUNK = 1 << 18
_INDEX_CHUNK = 1 << 20
_FIX = "download the dump again, or check it with `bzip2 -t`"
_NAMESPACE = re.compile(rb'<namespace key="(-?\d+)"[^>]*>([^<]*)</namespace>')
_TITLE = re.compile(rb"<title>([^<]*)</title>")
# Every title is_relations_title accepts holds one of these ("… relations", "Relations between …").
_HINT = b"elations"


@dataclass(frozen=True)
class StreamGroup:
    """The pages of one bz2 stream that the index selected: the stream's byte offset and their titles."""

    offset: int
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """A page as the dump has it, before it is read as an article."""

    title: str
    ns: int
    redirect: str | None
    text: str | None


def find_index(dump: str | Path) -> Path | None:
    """The index beside a multistream dump, if there is one.

    ``X-multistream.xml.bz2`` → ``X-multistream-index.txt.bz2`` (or ``….txt``), as Wikipedia names them.
    """
    p = Path(dump)
    name = p.name
    for suffix in (".xml.bz2", ".bz2", ".xml"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            for ext in (".txt.bz2", ".txt"):
                candidate = p.with_name(f"{stem}-index{ext}")
                if candidate.is_file():
                    return candidate
            return None
    return None


# --------------------------------------------------------------------------- the index


def _index_chunks(index: Path) -> Iterator[bytes]:
    """The index's bytes, decompressed, in pieces that end at a line break."""
    name = str(index)
    try:
        fh = bz2.open(index, "rb") if index.name.endswith(".bz2") else open(index, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    with fh:
        rest = b""
        while True:
            try:
                data = fh.read(_INDEX_CHUNK)
            except EOFError:
                raise InputError(name, "the index is truncated (its bz2 stream ends early)", _FIX) from None
            except OSError:
                raise InputError(name, "the index is not a valid bz2 file", _FIX) from None
            if not data:
                if rest.strip():
                    yield rest + b"\n"
                return
            data = rest + data
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            if cut:
                yield data[:cut]


def index_lines(index: str | Path, hint: bytes = _HINT) -> Iterator[tuple[int, int, str]]:
    """``(offset, page_id, title)`` of each index line holding ``hint`` (every line with ``b""``).

    Lines without ``hint`` are skipped at the speed of :meth:`bytes.find`, so selecting a few
    thousand titles out of millions costs little more than decompressing the index.
    """
    path = Path(index)
    lines_before = 0  # line breaks in the chunks before this one, to name a bad line
    for chunk in _index_chunks(path):
        pos = 0
        while pos < len(chunk):
            hit = chunk.find(hint, pos)
            if hit < 0:
                break
            start = chunk.rfind(b"\n", 0, hit) + 1
            end = chunk.find(b"\n", hit)
            pos = end + 1
            line = chunk[start:end].rstrip(b"\r")
            if not line:
                continue
            offset, _, rest = line.partition(b":")
            page_id, sep, title = rest.partition(b":")
            if not (offset.isdigit() and page_id.isdigit() and sep):
                line_no = lines_before + chunk.count(b"\n", 0, start) + 1
                raise InputError(str(path), f"line {line_no} of the index is not offset:page_id:title",
                                 "give the -multistream-index.txt.bz2 file of the same dump")
            yield int(offset), int(page_id), title.decode("utf-8", "replace")
        lines_before += chunk.count(b"\n")


def stream_groups(index: str | Path, select: Callable[[str], bool] = is_relations_title,
                  namespaces: Iterable[str] = ()) -> Iterator[StreamGroup]:
    """The streams holding a selected title, in dump order, with the selected titles of each.

    Titles whose prefix is one of ``namespaces`` ("Talk", "User" …) are not main-namespace pages
    and are left out. The default ``select`` sees only lines that hold "elations"; any other
    ``select`` sees every line.
    """
    prefixes = tuple(f"{ns}:" for ns in namespaces if ns)
    hint = _HINT if select is is_relations_title else b""
    offset, titles, last = -1, [], -1
    for off, _, title in index_lines(index, hint):
        if off < last:
            raise InputError(str(index), f"the index is not in dump order (offset {off} after {last})",
                             "give the -multistream-index.txt.bz2 file of the same dump")
        last = off
        if (prefixes and title.startswith(prefixes)) or not select(title):
            continue
        if off != offset:
            if titles:
                yield StreamGroup(offset, tuple(titles))
            offset, titles = off, []
        titles.append(title)
    if titles:
        yield StreamGroup(offset, tuple(titles))


# --------------------------------------------------------------------------- one stream


def read_stream(fh: BinaryIO, offset: int, name: str) -> bytes:
    """Decompress the one bz2 stream that starts at byte ``offset`` of the open file ``fh``.

    A stream that decompresses to more than ``limits().stream_bytes`` is an :class:`InputError`
    (a bz2 "bomb" of a few kilobytes can expand to gigabytes); it is never held whole in memory.
    """
    limit = limits().stream_bytes
    fh.seek(offset)
    dec = bz2.BZ2Decompressor()
    out = []
    total = 0
    first = True
    while not dec.eof:
        data = b""
        if dec.needs_input:
            data = fh.read(CHUNK)
            if first:
                first = False
                if not data:
                    size = fh.seek(0, 2)
                    raise InputError(name, f"no bz2 stream at byte {offset}: the file ends at byte {size} "
                                           "(it is truncated, or the index is not this dump's)", _FIX)
                if not data.startswith(b"BZh"):
                    raise InputError(name, f"no bz2 stream starts at byte {offset} (the index is not this dump's, "
                                           "or the dump is corrupt)", "give the index of the same dump")
            if not data:
                raise InputError(name, f"truncated bz2 stream at byte {offset}: the file ends before the stream",
                                 _FIX)
        try:
            piece = dec.decompress(data, max_length=min(limit - total + 1, 1 << 24))
        except OSError:
            raise InputError(name, f"corrupt bz2 stream at byte {offset}", _FIX) from None
        total += len(piece)
        if total > limit:
            raise InputError(name, f"the bz2 stream at byte {offset} decompresses to more than {limit} bytes",
                             f"check the dump, or raise {variable('stream_bytes')}")
        out.append(piece)
    return b"".join(out)


def namespaces(fh: BinaryIO, name: str, errors: list[InputError]) -> tuple[str, ...]:
    """The names of the namespaces other than the main one, from the ``<siteinfo>`` of the first stream.

    A first stream that cannot be read is appended to ``errors`` (the names are then unknown:
    ``()``); a first stream that is not a MediaWiki header is an :class:`InputError`.
    """
    try:
        head = read_stream(fh, 0, name)
    except InputError as exc:
        errors.append(exc)
        return ()
    if b"<mediawiki" not in head[:4096]:
        raise InputError(name, "not a MediaWiki multistream dump: its first bz2 stream holds no <mediawiki>",
                         "give a -multistream.xml.bz2 dump and its index")
    return tuple(html.unescape(n.decode("utf-8", "replace")) for key, n in _NAMESPACE.findall(head)
                 if key != b"0" and n.strip())


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_page(xml: bytes) -> Page:
    """A ``<page>`` element's title, namespace, redirect target and latest revision text."""
    root = ElementTree.fromstring(xml)
    title, ns, redirect, text = "", 0, None, None
    for child in root:
        tag = _local(child.tag)
        if tag == "title":
            title = child.text or ""
        elif tag == "ns":
            ns = int((child.text or "0").strip())
        elif tag == "redirect":
            redirect = child.get("title")
        elif tag == "revision":  # the last revision is the current one
            text = None
            for part in child:
                if _local(part.tag) == "text":
                    text = None if part.get("deleted") else part.text
    return Page(title, ns, redirect, text)


def stream_pages(data: bytes, name: str, offset: int,
                 select: Callable[[str], bool] = is_relations_title) -> Iterator[Page]:
    """The pages of a decompressed stream whose title passes ``select``, parsed, in order.

    Other pages are skipped by their ``<title>`` alone, without parsing them.
    """
    pos = 0
    while True:
        start = data.find(b"<page>", pos)
        if start < 0:
            return
        pos = start + len(b"<page>")  # "<page>" cannot occur in a page's text (it would be "&lt;page&gt;")
        m = _TITLE.search(data, pos, pos + 4096)
        if m is None or (select is is_relations_title and _HINT not in m.group(1)):
            continue
        if not select(html.unescape(m.group(1).decode("utf-8", "replace"))):
            continue
        end = data.find(b"</page>", m.end())
        if end < 0:
            raise InputError(name, f"malformed XML in the bz2 stream at byte {offset}: a <page> is not closed",
                             _FIX)
        pos = end + len(b"</page>")
        try:
            yield parse_page(data[start:pos])
        except (ElementTree.ParseError, ValueError) as exc:
            raise InputError(name, f"malformed XML in the bz2 stream at byte {offset}: {exc}", _FIX) from None


def is_article_page(page: Page) -> bool:
    """Whether the dump reader keeps a page: main namespace, not a redirect, a relations title, a text."""
    return (page.ns == 0 and not page.redirect and is_relations_title(page.title) and page.text is not None
            and not re.match(r"\s*#redirect\b", page.text, re.IGNORECASE))


def page_article(page: Page, name: str) -> Article | None:
    """The article of a page, or None when the dump reader would skip it.

    A page over the limits of :mod:`legation.limits` is an :class:`InputError` naming the page.
    """
    from legation.read.wikitext import read_wikitext

    if not is_article_page(page):
        return None
    source = f"{name}#{page.title}"
    check_article(page.text, source, wikitext=True)
    return read_wikitext(page.text, source=source, title=page.title)


def group_pages(fh: BinaryIO, group: StreamGroup, name: str) -> list[Page]:
    """The selected pages of one stream group (an :class:`InputError` names the stream's offset)."""
    return list(stream_pages(read_stream(fh, group.offset, name), name, group.offset))


def group_pages_at(path: str | Path, name: str, group: StreamGroup) -> list[Page]:
    """:func:`group_pages` of the dump at ``path``, opened for this group alone (so that threads or
    processes never share a file position)."""
    with open(path, "rb") as fh:
        return group_pages(fh, group, name)


def group_articles(fh: BinaryIO, group: StreamGroup, name: str) -> list[Article | InputError]:
    """The articles of one stream group, each in its place, or the :class:`InputError` of a page
    over the limits; an unreadable stream raises its own (see :func:`group_pages`)."""
    out: list[Article | InputError] = []
    for page in group_pages(fh, group, name):
        try:
            article = page_article(page, name)
        except InputError as exc:
            out.append(exc)
            continue
        if article is not None:
            out.append(article)
    return out


def group_articles_at(path: str | Path, name: str, group: StreamGroup) -> list[Article | InputError]:
    """:func:`group_articles` of the dump at ``path``, opened for this group alone."""
    with open(path, "rb") as fh:
        return group_articles(fh, group, name)


def available_cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """Workers that decompress ahead: the cores this process may use, at most 4."""
    return max(1, min(4, available_cores()))


class Done:
    """What :func:`prefetch` gives for an item: its result, or the exception its work raised."""

    __slots__ = ("_value", "_error")

    def __init__(self, value: object = None, error: BaseException | None = None) -> None:
        self._value, self._error = value, error

    def result(self) -> object:
        if self._error is not None:
            raise self._error
        return self._value


def _each(work: Callable, items: tuple) -> list[Done]:
    """``work`` on each of a batch of items, each one's error kept for it alone."""
    out = []
    for item in items:
        try:
            out.append(Done(work(item)))
        except Exception as exc:  # (raised again by Done.result, in the caller's process)
            out.append(Done(error=exc))
    return out


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """``items`` in tuples of ``size`` (the last one shorter), in order."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def prefetch(items: Iterable, work: Callable, workers: int, processes: bool = False,
             batch: int = 4) -> Iterator[tuple[object, Done]]:
    """``(item, outcome of work(item))`` in the order of ``items``, ``outcome.result()`` giving the
    result or raising what ``work`` raised; at most ``2 * workers`` batches ahead.

    ``work`` runs in threads, or with ``processes`` in a pool of processes (:func:`legation.pools.process_pool`),
    ``batch`` items to a task so that fewer round trips are paid; ``work``, the items and the results
    must then pickle (a module's function, or a ``functools.partial`` of one).
    """
    if processes:
        pool = process_pool(workers)
    else:
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="legation-bz2")
        batch = 1
    ahead: deque = deque()
    run = partial(_each, work)
    try:
        for items_ in batched(items, batch):
            ahead.append((items_, pool.submit(run, items_)))
            if len(ahead) > 2 * workers:
                items_, future = ahead.popleft()
                yield from zip(items_, future.result(), strict=True)
        while ahead:
            items_, future = ahead.popleft()
            yield from zip(items_, future.result(), strict=True)
    finally:  # (when the reader stopped early: what was not started is dropped)
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- a whole dump


def iter_multistream(path: str | Path, index: str | Path | None = None,
                     errors: list[InputError] | None = None, workers: int | None = None) -> Iterator[Article]:
    """Each relations article of a dump, through its index when it has one, else by a streaming scan.

    A stream that cannot be read is appended to ``errors`` and the others are read; without
    ``errors``, the first such error is raised once every other article has been yielded.
    ``workers`` decompress streams and split out their pages ahead of the reader (default:
    :func:`default_workers`): processes, or with one worker a thread.
    """
    name = str(path)
    index_path = Path(index) if index is not None else find_index(path)
    if index_path is None:
        from legation.read.dump import iter_dump

        yield from iter_dump(path)
        return
    found: list[InputError] = [] if errors is None else errors
    before = len(found)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; the generator may stop early
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    with fh:
        names = namespaces(fh, name, found)
        workers = workers or default_workers()
        try:
            # Read in other processes when there are cores for them: in threads, reading wikitext
            # holds the interpreter's lock, which the decompressing threads wait for.
            for _, outcome in prefetch(stream_groups(index_path, namespaces=names),
                                       partial(group_articles_at, path, name), workers, processes=workers > 1):
                try:
                    articles = outcome.result()
                except InputError as exc:
                    found.append(exc)
                    continue
                for article in articles:
                    if isinstance(article, InputError):  # this page only: over a limit
                        found.append(article)
                    else:
                        yield article
        except InputError as exc:  # the index itself: nothing after this point can be found
            found.append(exc)
    if errors is None:
        raise_first(found[before:])
