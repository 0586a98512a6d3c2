"""Crash safety: SIGKILL `legation ingest` at random moments and check what each kill leaves behind.

    .venv/bin/python bench/crash_safety.py [--kills 50] [--articles 2000] [--seed 1]
                                           [--db sqlite | --db postgresql+psycopg://USER@HOST/DB]
                                           [--target group|driver]

For each backend (default: SQLite, plus PostgreSQL when LEGATION_TEST_PG names a server):

1. The corpus: ``--articles`` files from :func:`bench.varied.varied_texts`, in two versions, written
   once under ``bench/.cache/``. Version ``b`` has one sentence more before the first section, so
   every fact's span, and so every fact's id, differs from version ``a``, and two facts are added.
2. References: each version ingested into a fresh database without interruption (``a`` with
   ``--jobs 1``, ``b`` with ``--jobs 2``) and exported as JSON Lines. Then each version is ingested
   over the other's reference, replacing every article, which must export byte for byte as the
   fresh ingest did (``replaced_export_identical``). The timings of these runs place the kills below
   (most killed runs replace articles, which is slower than adding them).
3. On one fresh database, ``--kills`` times: start ``legation ingest`` (versions a, b, a, b … and
   jobs 1, 2, 2, 1 …, so that most runs replace articles a killed run wrote and both the serial and
   the pool path are killed), wait a random time drawn from the seeded RNG (a fifth of the kills
   before the time the reference stored its first article, three fifths in the middle, a fifth in
   the last tenth of a replacing run's time), then SIGKILL the run's whole process group
   (``--target driver``: the ingest process only, leaving its pool workers to notice). After each
   kill:

   - integrity: SQLite's ``integrity_check``, ``foreign_key_check`` and FTS5 ``integrity-check``; on
     both backends the schema all there or not at all, at the latest version, and no row of a child
     table without its article;
   - whole articles: each stored article is exactly version ``a`` or exactly version ``b`` of its
     reference record (the record read back equals that version's exported line), its text matches
     its hash, its fact count, evidence rows, event types and pair are all there
     (``partial_articles`` counts those that are not);
   - no process of the killed ingest still running (found by a variable in their environment), and on
     PostgreSQL no session of it left on the server.

4. Finally ingest version ``a`` to completion (``--jobs 2``) on the killed database and compare its
   export with the reference, byte for byte.

Prints one ``name: value`` per line per backend; exits 1 when any check fails, 2 on bad options or a
database that cannot be reached. ``tests/test_crash_safety.py`` runs :func:`crash_safety` small.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.varied import varied_texts  # noqa: E402

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
EXE = Path(sys.executable).with_name("legation")
PG_ENV = "LEGATION_TEST_PG"
MARK = "LEGATION_CRASH_RUN"  # set in each killed ingest's environment: its processes carry it
VERSIONS = ("a", "b", "a", "b")  # by run; with JOBS, each version is run (and killed) serial and pooled
JOBS = (1, 2, 2, 1)
PHASES = (("start-up", 1), ("mid-ingest", 3), ("near the end", 1))
ADDED = "In 1999, the two governments signed a treaty on trade.\n\n"
LEFTOVER_WAIT = 10.0  # seconds a killed ingest's processes and sessions get to go away


class CrashSafetyError(Exception):
    """A database the run cannot use (unreachable server, bad option)."""


# --------------------------------------------------------------------------- the corpus, in two versions


@dataclass(frozen=True)
class Corpus:
    folders: dict[str, Path]  # version -> folder of article files
    articles: int


def revised(text: str) -> str:
    """Version ``b`` of an article: one more sentence before the first section (or at the end)."""
    first = re.search(r"(?m)^==", text)
    return text[:first.start()] + ADDED + text[first.start():] if first else text + "\n\n" + ADDED


def write_corpus(folder: Path, articles: int) -> Corpus:
    """The corpus under ``folder`` (``a/`` and ``b/``), written unless a finished one is there."""
    corpus = Corpus({"a": folder / "a", "b": folder / "b"}, articles)
    done = folder / "done"
    if done.is_file():
        return corpus
    for path in corpus.folders.values():
        path.mkdir(parents=True, exist_ok=True)
        for old in path.glob("*.txt"):
            old.unlink()
    for name, text in varied_texts(articles):
        (corpus.folders["a"] / name).write_text(text, encoding="utf-8")
        (corpus.folders["b"] / name).write_text(revised(text), encoding="utf-8")
    done.write_text(f"{articles}\n")
    return corpus


def cached_corpus(articles: int) -> Corpus:
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    return write_corpus(CACHE / f"crash-safety-{articles}", articles)


# --------------------------------------------------------------------------- databases


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql:", "postgresql+", "postgres:"))


def _pg_url(db: str, **query: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(db)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if query:
        url = url.update_query_dict(query)
    return url.render_as_string(hide_password=False)


def _engine(db: str):
    """A plain SQLAlchemy engine for the checks (not legation's, which sets pragmas and takes write locks)."""
    from sqlalchemy import create_engine

    if is_postgres(db):
        return create_engine(_pg_url(db))
    return create_engine(f"sqlite:///{db}")


def reachable(db: str) -> None:
    """Raise :class:`CrashSafetyError` with a one-line reason when the PostgreSQL server cannot be used."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError, NoSuchModuleError

    try:
        engine = create_engine(_pg_url(db), connect_args={"connect_timeout": 5})
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        shown = make_url(db).render_as_string(hide_password=True)
        raise CrashSafetyError(f"cannot connect to {shown}: {reason} (is the server running? check the URL)") from None
    except (NoSuchModuleError, ImportError) as exc:
        raise CrashSafetyError(f"cannot use {db!r}: {exc} (pip install 'legation[postgres]')") from None


@contextlib.contextmanager
def postgres_schema(db: str, prefix: str = "crash") -> Iterator[str]:
    """A fresh schema in the server of ``db`` (dropped after): its URL, by the connection's search_path."""
    from sqlalchemy import create_engine

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_url(db))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield _pg_url(db, options=f"-csearch_path={schema}")
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@contextlib.contextmanager
def _beside(db: str, role: str) -> Iterator[str]:
    """Another fresh database like ``db``: a file beside it, or a schema of its own in the same server."""
    if is_postgres(db):
        with postgres_schema(db, f"crash_{role}") as url:
            yield url
        return
    path = Path(db).with_name(f"{Path(db).stem}-{role}.db")
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    yield str(path)


def _stored_count(db: str, engine) -> int | None:
    """How many articles ``db`` holds now, or None before its schema is there."""
    from sqlalchemy.exc import DBAPIError

    if not is_postgres(db):
        if not Path(db).exists():
            return None
        try:
            with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return None
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()
    except DBAPIError:
        return None


# --------------------------------------------------------------------------- running ingest


def _ingest_command(folder: Path, db: str, jobs: int) -> list[str]:
    return [str(EXE), "ingest", str(folder), "--db", db, "--jobs", str(jobs)]


def _export(db: str) -> bytes:
    """``legation export --format jsonl -o FILE`` of ``db``, in this process (no second start-up to wait for)."""
    import legation
    from legation.export import export

    with tempfile.TemporaryDirectory(prefix="crash-safety-") as tmp, legation.open(db, create=False) as store:
        path = Path(tmp) / "export.jsonl"
        export(store, "jsonl", path)
        return path.read_bytes()


@dataclass(frozen=True)
class Reference:
    """One version's clean run: its export, its lines by title, its texts' hashes, and how long it took."""

    export: bytes
    lines: dict[str, str]
    hashes: dict[str, str]
    event_types: dict[str, int]  # title -> event_types rows the record writes
    first_stored: float  # seconds from start to the first stored article
    seconds: float


def _timed_ingest(db: str, folder: Path, jobs: int, summary: str) -> tuple[float | None, float]:
    """Ingest ``folder`` into ``db`` without interruption: (seconds to the first new article, seconds in all).

    Raises RuntimeError unless it ends well with ``summary`` ("N added, 0 changed, …").
    """
    engine = _engine(db)
    start = time.monotonic()
    proc = subprocess.Popen(_ingest_command(folder, db, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = None
    while proc.poll() is None:
        if first is None and (_stored_count(db, engine) or 0) > 0:
            first = time.monotonic() - start
        time.sleep(0.02)
    seconds = time.monotonic() - start
    engine.dispose()
    out, err = proc.communicate()
    if proc.returncode != 0 or not out.decode().strip().endswith(summary):
        raise RuntimeError(f"legation ingest {folder} --db {db} failed (status {proc.returncode}, not "
                           f"{summary!r}): {out.decode()[-300:]} {err.decode()[-500:]}")
    return first, seconds


def reference(db: str, folder: Path, jobs: int, articles: int) -> Reference:
    """Ingest ``folder`` into the fresh ``db`` without interruption, timing it, and export it."""
    from sqlalchemy import select

    from legation.store import schema as S

    first, seconds = _timed_ingest(db, folder, jobs, f"{articles} added, 0 changed, 0 unchanged, 0 failed")
    export = _export(db)
    lines = {}
    event_types = {}
    for line in export.decode("utf-8").splitlines():
        record = json.loads(line)
        lines[record["title"]] = line
        event_types[record["title"]] = sum(len(dict.fromkeys(e["types"])) for e in record["events"])
    engine = _engine(db)
    with engine.connect() as conn:
        hashes = {title: h for title, h in conn.execute(select(S.articles.c.title, S.articles.c.content_hash))}
    engine.dispose()
    return Reference(export, lines, hashes, event_types, first if first is not None else seconds / 2, seconds)


def _processes_with(marker: str) -> list[int]:
    """Live processes (not zombies) whose environment holds ``MARK=marker``."""
    needle = f"\0{MARK}={marker}\0".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in b"\0" + (entry / "environ").read_bytes():
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


def _leftover_processes(marker: str) -> list[int]:
    """The killed ingest's processes still running after LEFTOVER_WAIT seconds (killed then, by pid)."""
    deadline = time.monotonic() + LEFTOVER_WAIT
    while (left := _processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return left


def _leftover_sessions(db: str, marker: str) -> int:
    """PostgreSQL sessions of the killed ingest still open after LEFTOVER_WAIT seconds."""
    from sqlalchemy import text

    engine = _engine(db)
    deadline = time.monotonic() + LEFTOVER_WAIT
    try:
        while True:
            with engine.connect() as conn:
                left = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :m"),
                                    {"m": marker}).scalar()
            if not left or time.monotonic() > deadline:
                return left
            time.sleep(0.1)
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- what a kill left behind


@dataclass
class Inspection:
    versions: dict[str, str] = field(default_factory=dict)  # title -> "a" or "b", for each stored article
    hashes: dict[str, str] = field(default_factory=dict)  # title -> content hash
    integrity: list[str] = field(default_factory=list)
    partial: dict[str, str] = field(default_factory=dict)  # title -> what is wrong


def _sqlite_integrity(path: str) -> list[str]:
    problems = []
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append(f"integrity_check: {'; '.join(result[:3])}")
        if broken := conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign_key_check: {len(broken)} rows, e.g. {broken[0]}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "evidence_fts" in tables:
            try:
                conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"evidence_fts integrity-check: {exc}")
            conn.rollback()
    return problems


def inspect(db: str, refs: dict[str, Reference]) -> Inspection:
    """Check ``db`` after a kill: integrity, and every stored article whole and equal to one reference version."""
    from sqlalchemy import func, select
    from sqlalchemy import inspect as schema_of

    from legation.store import queries as Q
    from legation.store import schema as S
    from legation.store.rows import sha1

    found = Inspection()
    if not is_postgres(db):
        if not Path(db).exists():
            return found
        found.integrity += _sqlite_integrity(db)
    engine = _engine(db)
    try:
        with engine.connect() as conn:
            tables = set(schema_of(conn).get_table_names())
            expected = set(S.metadata.tables)
            if not tables & expected:
                return found  # killed before its schema was committed: nothing there, which is sound
            if missing := sorted(expected - tables):
                found.integrity.append(f"schema half there: no {', '.join(missing)}")
                return found
            if (version := S.version(conn)) != S.LATEST:
                found.integrity.append(f"schema version {version}, not {S.LATEST}")
            a = S.articles
            for name, table in {**S.TABLES, "pairs": S.pairs, "evidence": S.evidence}.items():
                stray = conn.execute(select(func.count()).select_from(table)
                                     .where(table.c.article_id.not_in(select(a.c.id)))).scalar_one()
                if stray:
                    found.integrity.append(f"{stray} rows of {name} without their article")
            stray = conn.execute(select(func.count()).select_from(S.event_types)
                                 .where(S.event_types.c.event_id.not_in(select(S.events.c.id)))).scalar_one()
            if stray:
                found.integrity.append(f"{stray} rows of event_types without their event")

            def per_article(table, key) -> dict[str, int]:
                return {aid: n for aid, n in conn.execute(select(key, func.count()).select_from(table).group_by(key))}

            evidence = per_article(S.evidence, S.evidence.c.article_id)
            pairs = per_article(S.pairs, S.pairs.c.article_id)
            types = per_article(S.event_types.join(S.events, S.events.c.id == S.event_types.c.event_id),
                                S.events.c.article_id)
            partial = set(Q.partial_articles(conn))
            for aid, title, content_hash, fact_count, text in conn.execute(
                    select(a.c.id, a.c.title, a.c.content_hash, a.c.fact_count, a.c.text)).all():
                version = next((v for v, ref in refs.items() if ref.hashes.get(title) == content_hash), None)
                found.hashes[title] = content_hash
                if version is None:
                    found.integrity.append(f"{title!r}: a text of neither version")
                    continue
                found.versions[title] = version
                ref = refs[version]
                wrong = []
                if sha1(text) != content_hash:
                    wrong.append("text does not match its hash")
                if title in partial:
                    wrong.append(f"facts not numbering its fact count {fact_count}")
                if evidence.get(aid, 0) != fact_count:
                    wrong.append(f"{evidence.get(aid, 0)} evidence rows for {fact_count} facts")
                if pairs.get(aid, 0) != 1:
                    wrong.append(f"{pairs.get(aid, 0)} pair rows")
                if types.get(aid, 0) != ref.event_types[title]:
                    wrong.append(f"{types.get(aid, 0)} event types, not {ref.event_types[title]}")
                if not wrong and Q.record(conn, aid).to_json() != ref.lines[title]:
                    wrong.append(f"record differs from version {version}'s")
                if wrong:
                    found.partial[title] = "; ".join(wrong)
    finally:
        engine.dispose()
    return found


def _inspect_or_report(db: str, refs: dict[str, Reference], before: Inspection) -> Inspection:
    """:func:`inspect`, or, when the database cannot even be read, that as an integrity failure."""
    from sqlalchemy.exc import DBAPIError

    try:
        return inspect(db, refs)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return Inspection(dict(before.versions), dict(before.hashes), [f"the database cannot be read: {reason}"])


# --------------------------------------------------------------------------- the run


@dataclass
class Result:
    """What one backend's run found: the figures it prints, and a line per failure in ``problems``."""

    backend: str
    articles: int
    kills: int = 0
    phases: Counter = field(default_factory=Counter)
    kills_mid_ingest: int = 0
    present: list[int] = field(default_factory=list)
    written: list[int] = field(default_factory=list)
    finished_before_kill: int = 0
    integrity_failures: int = 0
    partial_articles: int = 0
    orphan_processes: int = 0
    leftover_sessions: int = 0
    final_export_identical: bool = False
    replaced_export_identical: bool | None = None  # None: not calibrated
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        def spread(values: list[int]) -> str:
            if not values:
                return "none"
            return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}"

        out = [
            f"backend: {self.backend}",
            f"articles: {self.articles}",
            f"kills: {self.kills}",
            "kills_by_phase: " + ", ".join(f"{name} {self.phases[name]}" for name, _ in PHASES),
            f"kills_mid_ingest: {self.kills_mid_ingest}",
            f"articles_present_at_kills: {spread(self.present)}",
            f"articles_written_by_killed_runs: {spread(self.written)}",
            f"runs_finished_before_kill: {self.finished_before_kill}",
            f"integrity_failures: {self.integrity_failures}",
            f"partial_articles: {self.partial_articles}",
            f"orphan_processes: {self.orphan_processes}",
        ]
        if self.backend == "postgresql":
            out.append(f"leftover_sessions: {self.leftover_sessions}")
        if self.replaced_export_identical is not None:
            out.append(f"replaced_export_identical: {str(self.replaced_export_identical).lower()}")
        out += [f"final_export_identical: {str(self.final_export_identical).lower()}",
                f"seconds: {self.seconds:.1f}"]
        return out


@dataclass
class Timing:
    """When a run of one ``--jobs`` stores its first article and when it ends, in seconds from its start."""

    first_stored: float
    seconds: float

    def delay(self, rng: random.Random, phase: str) -> float:
        """Seconds after the start to kill at, for a kill in ``phase``."""
        if phase == "start-up":
            return rng.uniform(0.02, self.first_stored)
        if phase == "mid-ingest":
            return rng.uniform(self.first_stored, 0.9 * self.seconds)
        return rng.uniform(0.9 * self.seconds, 0.99 * self.seconds)

    def finished_in(self, seconds: float) -> None:
        """A run ended before its kill: later kills aim at the faster run (the machine's load varies)."""
        self.seconds = min(self.seconds, seconds)
        self.first_stored = min(self.first_stored, 0.8 * self.seconds)


@dataclass(frozen=True)
class Run:
    killed: bool
    status: int
    stderr: str
    seconds: float


def _kill_run(db: str, folder: Path, jobs: int, delay: float, target: str, marker: str) -> Run:
    """Start an ingest with ``MARK=marker`` in its environment and SIGKILL it ``delay`` seconds later."""
    env = {**os.environ, MARK: marker}
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(_ingest_command(folder, db, jobs), stdout=subprocess.DEVNULL, stderr=err, env=env,
                                start_new_session=True)
        try:
            deadline = start + delay
            while proc.poll() is None and (left := deadline - time.monotonic()) > 0:
                time.sleep(min(left, 0.002))
            if proc.poll() is None:
                # The group: the ingest and its pool workers at once. The driver only: its workers must notice.
                os.killpg(proc.pid, signal.SIGKILL) if target == "group" else os.kill(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:  # this script interrupted: leave nothing running
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read().decode(errors="replace")[-500:].strip()
    return Run(proc.returncode == -signal.SIGKILL, proc.returncode, stderr, seconds)


def _tally(result: Result, label: str, run: Run, phase: str, version: str, before: Inspection,
           after: Inspection) -> int:
    """Count one run's outcome and what its kill left into ``result``; the articles the run wrote."""
    written = sum(1 for title, h in after.hashes.items() if before.hashes.get(title) != h)
    finished = len(after.versions) == result.articles and set(after.versions.values()) == {version}
    if run.killed:
        result.kills += 1
        result.phases[phase] += 1
        result.present.append(len(after.hashes))
        result.written.append(written)
        result.kills_mid_ingest += written > 0 and not finished
    elif run.status == 0:
        result.finished_before_kill += 1
        if not finished:
            result.problems.append(f"{label}: ended with status 0, but not every article is at version {version}")
    else:
        result.problems.append(f"{label}: the ingest failed by itself, status {run.status}: {run.stderr}")
    if after.integrity:
        result.integrity_failures += 1
        result.problems.append(f"{label}: {'; '.join(after.integrity[:3])}")
    if after.partial:
        result.partial_articles += len(after.partial)
        title, what = next(iter(after.partial.items()))
        result.problems.append(f"{label}: {len(after.partial)} partial articles, e.g. {title!r}: {what}")
    return written


def crash_safety(db: str, corpus: Corpus, kills: int = 50, seed: int = 1, target: str = "group",
                 calibrate: bool = True, say: Callable[[str], None] | None = None) -> Result:
    """Kill ``legation ingest`` ``kills`` times on the fresh database ``db``, checking after each; then finish it.

    ``db`` is a SQLite path (the references go in files beside it) or a PostgreSQL URL of an empty
    schema (the references go in schemas of their own, dropped after). ``calibrate``: also time
    runs that replace every article (two more full ingests), to place the kills better and check
    that replacing gives the same export. ``say`` gets a line per step.
    """
    backend = "postgresql" if is_postgres(db) else "sqlite"
    result = Result(backend, corpus.articles)
    start = time.monotonic()

    def note(line: str) -> None:
        if say:
            say(f"[{time.monotonic() - start:7.1f} s] {line}")

    refs: dict[str, Reference] = {}
    timing: dict[int, Timing] = {}
    with contextlib.ExitStack() as stack:
        ref_dbs = {}
        for version, jobs in (("a", 1), ("b", 2)):
            ref_dbs[version] = stack.enter_context(_beside(db, f"reference_{version}"))
            refs[version] = ref = reference(ref_dbs[version], corpus.folders[version], jobs, corpus.articles)
            timing[jobs] = Timing(ref.first_stored, ref.seconds)
            note(f"{backend}: reference {version} (--jobs {jobs}): first article stored at "
                 f"{ref.first_stored:.2f} s, all {corpus.articles} in {ref.seconds:.1f} s")
        if calibrate:
            result.replaced_export_identical = True
            for version, other, jobs in (("b", "a", 2), ("a", "b", 1)):
                # Most killed runs replace articles: time such a run (slower than adding) to place the
                # kills, and check that a database whose every article was replaced exports as a fresh one.
                _, seconds = _timed_ingest(ref_dbs[other], corpus.folders[version], jobs,
                                           f"0 added, {corpus.articles} changed, 0 unchanged, 0 failed")
                timing[jobs].seconds = seconds
                if _export(ref_dbs[other]) != refs[version].export:
                    result.replaced_export_identical = False
                    result.problems.append(f"version {version} ingested over version {other} exports otherwise "
                                           f"than version {version} ingested into a fresh database")
                note(f"{backend}: version {version} over version {other} (--jobs {jobs}): all {corpus.articles} "
                     f"replaced in {seconds:.1f} s")

    rng = random.Random(seed)
    before = Inspection()
    runs = 0
    while result.kills < kills and runs < 2 * kills + 5:
        version, jobs = VERSIONS[runs % len(VERSIONS)], JOBS[runs % len(JOBS)]
        runs += 1
        phase = rng.choices([p for p, _ in PHASES], weights=[w for _, w in PHASES])[0]
        delay = timing[jobs].delay(rng, phase)
        marker = uuid.uuid4().hex
        session = f"crash-{marker[:16]}"
        run_db = _pg_url(db, application_name=session) if is_postgres(db) else db
        run = _kill_run(run_db, corpus.folders[version], jobs, delay, target, marker)
        label = f"{backend} kill {result.kills + 1}/{kills}" if run.killed else f"{backend} run {runs}, not killed"
        if not run.killed:
            timing[jobs].finished_in(run.seconds)
        if orphans := _leftover_processes(marker):
            result.orphan_processes += len(orphans)
            result.problems.append(f"{label}: processes {orphans} outlived the killed ingest")
        if is_postgres(db) and (sessions := _leftover_sessions(db, session)):
            result.leftover_sessions += sessions
            result.problems.append(f"{label}: {sessions} sessions of the killed ingest still open")
        after = _inspect_or_report(db, refs, before)
        written = _tally(result, label, run, phase, version, before, after)
        note(f"{label}: --jobs {jobs}, version {version}, {phase} at {delay:.2f} s: {len(after.hashes)} present, "
             f"{written} written by the run" + ("" if run.killed else f", ended by itself in {run.seconds:.2f} s"))
        before = after
    if result.kills < kills:
        result.problems.append(f"only {result.kills} of {kills} kills in {runs} runs: the others ended first")

    final = subprocess.run(_ingest_command(corpus.folders["a"], db, 2), capture_output=True, text=True, timeout=3600)
    note(f"{backend}: final ingest: {final.stdout.strip()}")
    if final.returncode != 0 or not final.stdout.strip().endswith(" 0 failed"):
        result.problems.append(f"the final ingest failed (status {final.returncode}): {final.stdout[-300:]} "
                               f"{final.stderr[-500:]}")
    after = _inspect_or_report(db, refs, before)
    at_a = sum(1 for v in after.versions.values() if v == "a")
    if after.integrity or after.partial or at_a != corpus.articles:
        result.problems.append(f"after the final ingest: {at_a} of {corpus.articles} articles at version a; "
                               f"{after.integrity[:3]} {list(after.partial.items())[:3]}")
    exported = _export(db)
    result.final_export_identical = exported == refs["a"].export
    if not result.final_export_identical:
        ours, theirs = exported.splitlines(), refs["a"].export.splitlines()
        same = sum(1 for x, y in zip(ours, theirs, strict=False) if x == y)
        result.problems.append(f"the final export differs from the reference: {len(ours)} lines against "
                               f"{len(theirs)}, {same} of them the same")
    result.seconds = time.monotonic() - start
    return result


# --------------------------------------------------------------------------- the command


def _backends(given: list[str] | None) -> list[str]:
    if given:
        for db in given:
            if db != "sqlite" and not is_postgres(db):
                raise CrashSafetyError(f"--db takes 'sqlite' or a postgresql+psycopg://USER@HOST/DB URL, not {db!r}")
        return given
    url = os.environ.get(PG_ENV)
    if not url:
        print(f"(PostgreSQL skipped: set {PG_ENV}=postgresql+psycopg://… or give --db to include it)", file=sys.stderr)
    return ["sqlite", url] if url else ["sqlite"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs per backend (default 50)")
    parser.add_argument("--articles", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill times (default 1)")
    parser.add_argument("--db", action="append", metavar="sqlite|URL",
                        help=f"'sqlite' or a PostgreSQL URL, repeatable (default: sqlite, and ${PG_ENV} when set)")
    parser.add_argument("--target", choices=("group", "driver"), default="group",
                        help="kill the ingest's whole process group (default), or the ingest process only")
    parser.add_argument("--quiet", action="store_true", help="no line per kill on stderr")
    args = parser.parse_args(argv)
    if args.kills < 1 or args.articles < 16:
        parser.error("--kills must be 1 or more and --articles 16 or more")
    try:
        backends = _backends(args.db)
        for db in backends:
            if is_postgres(db):
                reachable(db)
    except CrashSafetyError as exc:
        print(f"crash_safety: {exc}", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        if not args.quiet:
            print(line, file=sys.stderr, flush=True)

    corpus = cached_corpus(args.articles)
    status = 0
    for db in backends:
        if is_postgres(db):
            with postgres_schema(db) as fresh:
                result = crash_safety(fresh, corpus, args.kills, args.seed, args.target, say=say)
        else:
            with tempfile.TemporaryDirectory(prefix="crash-safety-") as tmp:
                result = crash_safety(str(Path(tmp) / "killed.db"), corpus, args.kills, args.seed, args.target,
                                      say=say)
        print("\n".join(result.lines()), flush=True)
        for problem in result.problems[:20]:
            print(f"problem: {problem}", file=sys.stderr)
        status = status or (0 if result.ok else 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
