"""Bulk extraction: every relations article of many files or a whole dump, on all cores or a Dask cluster.

The input is cut into tasks in input order: a stream group of an indexed multistream dump
(:mod:`legation.read.multistream`: the worker decompresses the stream, reads and extracts its
articles), a batch of articles of a dump without an index (the driver scans the dump, the worker
extracts), or a batch of article files (the worker reads and extracts). Tasks run in a process
pool (``jobs``), on Dask (``dask="local"`` or a scheduler address), or in this process
(``jobs=1``); at most a few tasks per worker are in flight, so memory is bounded whatever the
input's size, and results come back in input order: the same records in the same order as the
serial run.

The database writer stays single: :func:`ingest` hands each finished ``(article, record)`` to
the store's ingest, which writes one transaction per article.

>>> import legation
>>> from legation import bulk
>>> with legation.open(":memory:") as store:                              # doctest: +SKIP
...     bulk.ingest(store, ["enwiki-20240601-pages-articles-multistream.xml.bz2"], jobs=8).summary()
'6012 added, 0 changed, 0 unchanged, 3 failed'
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legation.article import Article
from legation.errors import ConfigError, InputError, LegationError, MissingExtraError
from legation.pools import process_pool
from legation.read import expand
from legation.read.multistream import (
    StreamGroup,
    available_cores,
    batched,
    find_index,
    group_articles,
    namespaces,
    stream_groups,
)
from legation.record import Record

if TYPE_CHECKING:
    from legation.store import IngestReport, Store

GROUPS_PER_TASK = 2
ARTICLES_PER_TASK = 4
FILES_PER_TASK = 8
IN_FLIGHT_PER_WORKER = 4

# --------------------------------------------------------------------------- tasks and outcomes


@dataclass(frozen=True)
class Outcome:
    """One result, in input order: an article and its record, a failure, or the end of an input file.

    ``article`` is the article without its blocks (what the store keeps: title, source, text,
    format, infobox, sections, meta). ``error`` is a one-line message naming the file or the
    stream's byte offset.
    """

    path: str
    article: Article | None = None
    record: Record | None = None
    error: str | None = None
    title: str = ""
    done: bool = False


@dataclass(frozen=True)
class _Streams:
    path: str  # the file to open (absolute: a Dask worker may run elsewhere)
    name: str  # the path as given, for sources and messages
    groups: tuple[StreamGroup, ...]


@dataclass(frozen=True)
class _Articles:
    name: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class _Files:
    paths: tuple[tuple[str, str], ...]  # (file to open, path as given)


Task = _Streams | _Articles | _Files


def _extracted(article: Article, name: str) -> Outcome:
    from legation.extract import extract_article

    try:
        record = extract_article(article)
    except LegationError as exc:
        return Outcome(name, error=f"{article.source or article.title}: {exc}", title=article.title or article.source)
    return Outcome(name, replace(article, blocks=()), record, title=record.title)


def run_task(task: Task) -> list[Outcome]:
    """Do one task (in a worker): read what is not read yet, extract, return the outcomes in order."""
    out: list[Outcome] = []
    if isinstance(task, _Articles):
        return [_extracted(a, task.name) for a in task.articles]
    if isinstance(task, _Files):
        from legation.read import read_path

        for path, name in task.paths:
            try:
                articles = list(read_path(path))
            except InputError as exc:
                out.append(Outcome(name, error=str(exc).replace(path, name, 1), title=name))
                continue
            out.extend(_extracted(replace(a, source=name) if a.source == path else a, name) for a in articles)
        return out
    try:
        fh = open(task.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        return [Outcome(task.name, error=str(InputError(task.name, f"cannot be read: {exc.strerror}")))]
    with fh:
        for group in task.groups:
            try:
                articles = group_articles(fh, group, task.name)
            except InputError as exc:
                out.append(Outcome(task.name, error=str(exc), title=f"{task.name}@{group.offset}"))
                continue
            for article in articles:
                if isinstance(article, InputError):  # this page only: over a limit
                    out.append(Outcome(task.name, error=str(article), title=article.path))
                else:
                    out.append(_extracted(article, task.name))
    return out


# --------------------------------------------------------------------------- cutting the input into tasks


def _is_dump(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return False
    return head.startswith(b"BZh") or bool(re.match(rb"\s*(<\?xml[^>]*>\s*)?<mediawiki", head))


# An item of the ordered plan: a task to run, or outcomes known already in the driver.
_Item = Task | list[Outcome]


def _dump_items(path: Path, name: str, index: Path | None, groups_per_task: int) -> Iterator[_Item]:
    index = index if index is not None else (find_index(path) if path.name.endswith(".bz2") else None)
    if index is None:  # no index: the driver scans, the workers extract
        from legation.read.dump import iter_dump

        batch: list[Article] = []
        skipped: list[InputError] = []  # pages over a limit
        try:
            for article in iter_dump(path, skipped):
                if skipped:  # in input order: the articles before the skipped page, then its error
                    if batch:
                        yield _Articles(name, tuple(batch))
                        batch = []
                    yield [Outcome(name, error=str(e), title=e.path) for e in skipped]
                    skipped.clear()
                batch.append(article)
                if len(batch) == ARTICLES_PER_TASK:
                    yield _Articles(name, tuple(batch))
                    batch = []
        except InputError as exc:  # the articles before the fault are extracted all the same
            if batch:
                yield _Articles(name, tuple(batch))
            yield [Outcome(name, error=str(e), title=e.path) for e in skipped]
            yield [Outcome(name, error=str(exc), title=name)]
            return
        if batch:
            yield _Articles(name, tuple(batch))
        if skipped:
            yield [Outcome(name, error=str(e), title=e.path) for e in skipped]
        return
    opened = str(path.resolve())
    header_errors: list[InputError] = []
    try:
        with path.open("rb") as fh:
            names = namespaces(fh, name, header_errors)
    except InputError as exc:
        yield [Outcome(name, error=str(exc), title=name)]
        return
    except OSError as exc:
        yield [Outcome(name, error=str(InputError(name, f"cannot be read: {exc.strerror}")), title=name)]
        return
    if header_errors:
        yield [Outcome(name, error=str(e), title=f"{name}@0") for e in header_errors]
    try:
        for batch in batched(stream_groups(index, namespaces=names), groups_per_task):
            yield _Streams(opened, name, batch)
    except InputError as exc:
        yield [Outcome(name, error=str(exc), title=str(index))]


def plan(paths: Iterable[str | Path], index: str | Path | None = None,
         groups_per_task: int = GROUPS_PER_TASK) -> Iterator[_Item]:
    """The tasks of ``paths`` in input order, with an end marker after each file."""
    files = expand(paths)
    if index is not None and len(files) != 1:
        raise ConfigError(f"an index names the streams of one dump; give one dump with it, not {len(files)} files")
    pending: list[tuple[str, str]] = []
    for p in files:
        name = str(p)
        if not p.exists() or p.is_dir() or not _is_dump(p):
            pending.append((str(p.resolve()) if p.exists() else name, name))
            if len(pending) == FILES_PER_TASK:
                yield _Files(tuple(pending))
                yield [Outcome(n, done=True) for _, n in pending]
                pending = []
            continue
        if pending:
            yield _Files(tuple(pending))
            yield [Outcome(n, done=True) for _, n in pending]
            pending = []
        yield from _dump_items(p, name, Path(index) if index is not None else None, groups_per_task)
        yield [Outcome(name, done=True)]
    if pending:
        yield _Files(tuple(pending))
        yield [Outcome(n, done=True) for _, n in pending]


# --------------------------------------------------------------------------- running the tasks


def default_jobs() -> int:
    """All the cores this process may use."""
    return available_cores()


def _ordered(items: Iterator[_Item], submit: Callable[[Task], Any], result: Callable[[Any], list[Outcome]],
             window: int) -> Iterator[Outcome]:
    """Run the tasks through ``submit`` with at most ``window`` in flight; yield outcomes in input order."""
    queue: deque = deque()  # futures, and outcome lists known already
    for item in items:
        queue.append(item if isinstance(item, list) else submit(item))
        while len(queue) > window or (queue and isinstance(queue[0], list)):
            head = queue.popleft()
            yield from head if isinstance(head, list) else result(head)
    while queue:
        head = queue.popleft()
        yield from head if isinstance(head, list) else result(head)


def _pool_outcomes(items: Iterator[_Item], jobs: int) -> Iterator[Outcome]:
    pool = process_pool(jobs)
    try:
        yield from _ordered(items, lambda task: pool.submit(run_task, task), lambda f: f.result(),
                            jobs * IN_FLIGHT_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def dask_client(address: Any, jobs: int):
    """A Dask client: on a new local cluster of ``jobs`` processes for ``"local"``, else on the scheduler at ``address``.

    Returns ``(client, close)``; ``close()`` closes what this call opened.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtraError("--dask needs Dask, which is not installed: pip install 'legation[dask]'") from None
    if isinstance(address, Client):
        return address, lambda: None
    if address == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    if not isinstance(address, str) or not re.match(r"(tcp|tls|inproc|ucx)://", address):
        raise ConfigError(f"--dask takes 'local' or a scheduler address such as tcp://host:8786, not {address!r}")
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot connect to the Dask scheduler at {address}: {exc} "
                          "(start one with `dask scheduler`, or use --dask local)") from None
    return client, client.close


def _dask_outcomes(items: Iterator[_Item], address: Any, jobs: int) -> Iterator[Outcome]:
    client, close = dask_client(address, jobs)
    try:
        workers = sum(client.nthreads().values()) or jobs
        yield from _ordered(items, lambda task: client.submit(run_task, task, pure=False), lambda f: f.result(),
                            workers * IN_FLIGHT_PER_WORKER)
    finally:
        close()


def outcomes(paths: Iterable[str | Path], jobs: int | None = None, dask: Any = None,
             index: str | Path | None = None) -> Iterator[Outcome]:
    """Every outcome of ``paths`` in input order: records, failures, and the end of each file.

    ``jobs``: worker processes (default: all cores; 1 runs everything in this process).
    ``dask``: ``"local"``, a scheduler address (``tcp://host:8786``) or a ``distributed.Client``;
    the files must be readable at the same paths on the workers.
    ``index``: the index of a multistream dump, when it is not beside the dump.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ConfigError(f"--jobs must be 1 or more, not {jobs}")
    if dask is not None:
        items = plan(paths, index, groups_per_task=GROUPS_PER_TASK * 2)
        yield from _dask_outcomes(items, dask, jobs)
    elif jobs == 1:
        for item in plan(paths, index):
            yield from item if isinstance(item, list) else run_task(item)
    else:
        yield from _pool_outcomes(plan(paths, index), jobs)


def records(paths: Iterable[str | Path], jobs: int | None = None, dask: Any = None,
            index: str | Path | None = None, errors: list[str] | None = None) -> Iterator[tuple[Article, Record]]:
    """``(article, record)`` of every article of ``paths``, in input order, extracted in parallel.

    Failures (a file that cannot be read, a corrupt stream, an article without two countries)
    are appended to ``errors`` as one-line messages and the rest goes on; without ``errors``,
    the first is raised as a :class:`LegationError` once everything else has been yielded.
    """
    found: list[str] = [] if errors is None else errors
    before = len(found)
    for outcome in outcomes(paths, jobs, dask, index):
        if outcome.error is not None:
            found.append(outcome.error)
        elif outcome.record is not None:
            yield outcome.article, outcome.record
    if errors is None and len(found) > before:
        more = len(found) - before - 1
        raise LegationError(found[before] + (f" (and {more} more failures)" if more else ""))


def ingest(store: Store, paths: Iterable[str | Path], jobs: int | None = None, dask: Any = None,
           index: str | Path | None = None, on_article: Callable[[str, str], None] | None = None,
           on_source: Callable[[str], None] | None = None) -> IngestReport:
    """Extract every article of ``paths`` in parallel and store them through ``store.ingest``, in input order.

    One transaction per article, written by this process only. ``on_article(title, status)``
    follows each article (``"failed"`` included), ``on_source(path)`` each input file.
    """
    from legation.store import IngestReport

    failures: list[str] = []

    def pairs() -> Iterator[tuple[Article, Record]]:
        for outcome in outcomes(paths, jobs, dask, index):
            if outcome.done:
                if on_source:
                    on_source(outcome.path)
            elif outcome.error is not None:
                failures.append(outcome.error)
                if on_article:
                    on_article(outcome.title, "failed")
            elif outcome.record is not None:
                yield outcome.article, outcome.record

    report = store.ingest(pairs(), on_article=on_article)
    return IngestReport(report.added, report.changed, report.unchanged, report.failed + len(failures),
                        report.errors + tuple(failures))
