"""Benchmark: a whole multistream dump, by streaming scan and by index seek, on one core and on all.

Builds (or reuses, under ``bench/.cache``) a synthetic dump with ``bench/make_dump.py`` and
measures on that one file, in the same run, each measurement in its own process so that peak
memory is its own. Prints one ``name: value`` per line:

- ``scan_seconds``: the streaming reader over the whole dump, keeping the relations pages as articles;
- ``seek_seconds``: the index path (read the index, decompress only the streams with relations
  titles, parse those pages, read them as articles), the articles back in dump order in one
  process, from as many worker processes as ``iter_multistream`` uses by default;
- ``bare_decompress_seconds``: decompressing those same streams and nothing else (offsets known),
  with as many workers, in threads and in processes: the faster (``bare_decompress_by``);
- ``seek_pages_seconds``: the index path up to the selected pages' wikitext (articles not yet read);
- ``extract_articles_per_s_per_core``: extraction of the selected articles, one process, CPU time
  (median of ``--repeat`` runs);
- ``extract_vs_read``: that extraction's CPU time over the time to read the same articles' wikitext
  again in the same process, twenty articles of each in turn (a baseline from the same run and the same
  minute, which moves less with the machine's speed);
- ``native_modules``: how many modules run compiled by Cython (``LEGATION_PURE=1`` runs none);
- ``extract_native_speedup``: with compiled modules, the CPU time of a pure extraction run over that of
  the compiled run beside it (median of ``--repeat`` pairs, which runs first alternating);
- ``jobs_speedup``: seek + extract + results back in order with ``--jobs`` processes vs one
  (the dump is given several times when it holds too few articles to keep the workers busy);
- ``peak_rss_mb``: peak resident memory of the one-process seek + extract run;
- with ``--parts instructions`` (not run by default: about ten minutes), where valgrind is installed:
  ``extract_instructions_per_article``, the instructions (callgrind) an extraction takes per article
  over the dump's first ``INSTRUCTION_ARTICLES`` relations articles after the first (their number:
  ``extract_instructions_articles``), start-up subtracted, compiled and pure
  (``extract_instructions_pure_per_article``): a figure that does not move with the machine's hour,
  for comparing code across runs;
- ``machine_probe_seconds``: CPU seconds of a fixed pure-Python loop (twenty million additions at a
  script's top level), before and after the measurements: how fast the machine ran Python during
  this run (about 1 s on this project's VM in its fast hours, 2.4 to 5 s in its slow ones), so that
  the absolute figures of runs made in different hours can be told apart from changes to the code.

    python bench/bench_scale.py [--pages N] [--jobs J] [--relations-share 0.002] [--seed 1]
"""

from __future__ import annotations

import argparse
import bz2
import functools
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
MIN_ARTICLES_FOR_JOBS = 400
EXTRACT_CHUNK = 20  # articles extracted, then read again, at a time (see kind == "extract")
INSTRUCTION_ARTICLES = 100  # articles extracted under callgrind (see _instructions)


def _make_dump():
    spec = importlib.util.spec_from_file_location("legation_bench_make_dump", HERE / "make_dump.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# --------------------------------------------------------------------------- measurements (each in its own process)


def _measure(kind: str, dump: str, index: str, jobs: int, copies: int) -> dict:
    """One measurement; runs in a child process and returns what it saw."""
    from legation import bulk
    from legation.read.dump import iter_dump
    from legation.read.multistream import (
        batched,
        default_workers,
        group_pages_at,
        is_article_page,
        iter_multistream,
        namespaces,
        prefetch,
        stream_groups,
    )
    from legation.read.wikitext import read_wikitext

    read_wikitext("'''warm''' [[up]].", source="x", title="X")  # the parser's imports, before the clock
    out: dict = {}
    workers = default_workers()
    pages_of = functools.partial(group_pages_at, dump, dump)
    if kind == "scan":
        t = time.perf_counter()
        out["articles"] = sum(1 for _ in iter_dump(dump))
        out["seconds"] = time.perf_counter() - t
    elif kind == "seek":
        t = time.perf_counter()
        out["articles"] = sum(1 for _ in iter_multistream(dump, index=index))
        out["seconds"] = time.perf_counter() - t
    elif kind == "pages":  # the index path up to the pages' wikitext, not yet read as articles
        t = time.perf_counter()
        with open(dump, "rb") as fh:
            names = namespaces(fh, dump, [])
        groups = stream_groups(index, namespaces=names)
        out["articles"] = sum(is_article_page(page) for _, future in prefetch(groups, pages_of, workers, workers > 1)
                              for page in future.result())
        out["seconds"] = time.perf_counter() - t
    elif kind == "index":
        t = time.perf_counter()
        with open(dump, "rb") as fh:
            names = namespaces(fh, dump, [])
        offsets = [g.offset for g in stream_groups(index, namespaces=names)]
        out["seconds"] = time.perf_counter() - t
        out["streams_read"] = len(offsets)
        with bz2.open(index, "rb") as fh:
            out["streams_total"] = len({line.split(b":", 1)[0] for line in fh})
    elif kind == "bare":
        with open(dump, "rb") as fh:
            names = namespaces(fh, dump, [])
        offsets = [g.offset for g in stream_groups(index, namespaces=names)]

        # As many workers as the index path has; in threads and in processes, the faster counting
        # (threads have no results to send back, but on two cores they are about as fast).
        size = functools.partial(_stream_size, dump)
        times = {}
        for by, processes in (("threads", False), ("processes", True)):
            t = time.perf_counter()
            out["bytes"] = sum(future.result() for _, future in prefetch(offsets, size, workers, processes))
            times[by] = time.perf_counter() - t
        out["by"] = min(times, key=times.__getitem__)
        out["seconds"] = times[out["by"]]
        out["seconds_threads"], out["seconds_processes"] = times["threads"], times["processes"]
    elif kind == "extract":
        from legation.extract import extract_article

        articles = list(iter_multistream(dump, index=index))
        extract_article(articles[0])  # lazy tables and the gazetteer, as the first article pays them
        caches = _caches()
        # In chunks, each extracted and then read again: the VM's speed drifts within a minute (by half,
        # some hours), and interleaved, the baseline meets the same drift as the extraction it divides.
        out["cpu_seconds"] = out["read_cpu_seconds"] = 0.0
        for chunk in batched(articles, EXTRACT_CHUNK):
            t = time.process_time()
            for article in chunk:
                _extract_fresh(article, caches)
            out["cpu_seconds"] += time.process_time() - t
            # The baseline: reading the same articles' wikitext again, also Python's own work.
            t = time.process_time()
            for article in chunk:
                read_wikitext(article.text, source=article.source, title=article.title)
            out["read_cpu_seconds"] += time.process_time() - t
        out["articles"] = len(articles)
    elif kind == "records":
        t = time.perf_counter()
        out["articles"] = sum(1 for _ in bulk.records([dump] * copies, jobs=jobs))  # the index is beside it
        out["seconds"] = time.perf_counter() - t
        out["children_peak_rss_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
        times = os.times()
        out["cpu_seconds"] = times.user + times.system + times.children_user + times.children_system
    out["peak_rss_mb"] = _peak_mb()
    return out


def _extract_sample(sample: str, n: int) -> None:
    """Extract the first ``n`` articles after the first of a pickled sample, as ``extract`` does (run
    under callgrind by :func:`_instructions`: no clock, no output)."""
    import pickle

    from legation.extract import extract_article

    with open(sample, "rb") as fh:
        articles = pickle.load(fh)
    extract_article(articles[0])  # the lazy tables, in the start-up that is subtracted
    caches = _caches()
    for article in articles[1:1 + n]:
        _extract_fresh(article, caches)


def _instructions(sample: Path, n: int, pure: bool) -> int:
    """Instructions (callgrind's count, the whole process) of :func:`_extract_sample`."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
           "--sample", str(sample), "--articles", str(n)]
    env = {**os.environ, "LEGATION_PURE": "1" if pure else "0"}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"bench_scale: callgrind failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _sample(folder: Path, dump: Path, index: Path, n: int) -> tuple[Path, int]:
    """The dump's first ``n`` relations articles (or all, if fewer), pickled once beside it; how many."""
    import pickle

    from legation.read.multistream import iter_multistream

    path = folder / f"sample-{n}.pickle"
    if path.is_file():
        return path, len(pickle.loads(path.read_bytes()))
    articles = []
    for article in iter_multistream(dump, index=index):
        articles.append(article)
        if len(articles) == n:
            break
    path.with_suffix(".tmp").write_bytes(pickle.dumps(articles))
    path.with_suffix(".tmp").replace(path)
    return path, len(articles)


def _stream_size(dump: str, offset: int) -> int:
    """Decompress one stream and nothing else (for ``bare``: a module's function, so that it pickles)."""
    from legation.read.multistream import read_stream

    with open(dump, "rb") as fh:
        return len(read_stream(fh, offset, dump))


def _extract_fresh(article, caches: list) -> None:
    """``extract_article``, the per-sentence caches emptied first: no two articles of a real dump share
    sentences, so nothing may carry over (the synthetic dump repeats its 21 base articles)."""
    from legation.extract import extract_article

    for cache in caches:
        cache.cache_clear()
    extract_article(article)


def _caches() -> list:
    found = []
    # Every per-sentence cache, as bench_extract empties them: the dump repeats its 21 base articles.
    for module, name in (("legation.countries", "_find_countries"), ("legation.places", "_find_cities"),
                         ("legation.extract.time", "_find_times"), ("legation.leaders", "_find_leaders")):
        fn = getattr(importlib.import_module(module), name, None)
        if hasattr(fn, "cache_clear"):
            found.append(fn)
    return found


def _run(kind: str, dump: Path, index: Path, jobs: int = 1, copies: int = 1, pure: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--measure", kind, "--dump", str(dump), "--index", str(index),
           "--jobs", str(jobs), "--copies", str(copies)]
    env = {**os.environ, "LEGATION_PURE": "1"} if pure else None
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        sys.exit(f"bench_scale: the {kind} measurement failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(kind: str, dump: Path, index: Path, repeat: int, key: str = "seconds", **kw) -> dict:
    runs = [_run(kind, dump, index, **kw) for _ in range(repeat)]
    runs.sort(key=lambda r: r[key])
    return {**runs[len(runs) // 2], "runs": [round(r[key], 3) for r in runs]}


# --------------------------------------------------------------------------- the benchmark


def build(pages: int, share: float, seed: int, jobs: int):
    """The cached dump for these settings, written first if it is not there (or was left half-written)."""
    make_dump = _make_dump()
    folder = CACHE / f"synth-{pages}-{share:g}-{seed}"
    done = folder / "done.json"
    if done.is_file():
        meta = json.loads(done.read_text())
        return Path(meta["dump"]), Path(meta["index"]), meta, 0.0
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    t = time.monotonic()
    info = make_dump.write_dump(folder, pages, share, seed, jobs=jobs, progress=sys.stderr.isatty())
    seconds = time.monotonic() - t
    meta = {"dump": str(info.dump), "index": str(info.index), "pages": info.pages, "relations": info.relations,
            "streams": info.streams, "xml_bytes": info.xml_bytes, "build_seconds": round(seconds, 1)}
    done.write_text(json.dumps(meta))
    return info.dump, info.index, meta, seconds


def _warm(path: Path) -> None:
    """Read the file once so that every measurement finds it in the page cache alike."""
    with path.open("rb") as fh:
        while fh.read(1 << 24):
            pass


PARTS = ("select", "scan", "seek", "extract", "jobs")
OPTIONAL_PARTS = ("instructions",)


# Twenty million additions at a module's top level (names in a dict, as in a script): the loop that
# docs/performance.md times by hand to tell the VM's hours apart.
_PROBE = compile("total = 0\nfor i in range(20_000_000):\n    total += i\n", "<probe>", "exec")


def _probe() -> float:
    """CPU seconds of :data:`_PROBE` (see ``machine_probe_seconds``)."""
    start = time.process_time()
    exec(_PROBE, {})
    return time.process_time() - start


def _loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20000, help="pages in the synthetic dump (200000 ≈ 1 GB of XML)")
    ap.add_argument("--jobs", type=int, default=None, help="processes for jobs_speedup (default: all cores)")
    ap.add_argument("--relations-share", type=float, default=0.002)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the seek, bare and jobs measurements (median)")
    ap.add_argument("--parts", default=",".join(PARTS),
                    help=f"what to measure, of {','.join(PARTS + OPTIONAL_PARTS)} (default: {','.join(PARTS)})")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--dump", help=argparse.SUPPRESS)
    ap.add_argument("--index", help=argparse.SUPPRESS)
    ap.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--sample", help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.sample:
        _extract_sample(args.sample, args.articles)
        return
    if args.measure:
        print(json.dumps(_measure(args.measure, args.dump, args.index, args.jobs or 1, args.copies)))
        return
    from legation.bulk import default_jobs

    parts = set(args.parts.split(","))
    if parts - set(PARTS + OPTIONAL_PARTS):
        ap.error(f"--parts takes some of {','.join(PARTS + OPTIONAL_PARTS)}, not {args.parts}")
    jobs = args.jobs or default_jobs()
    dump, index, meta, build_s = build(args.pages, args.relations_share, args.seed, jobs)
    _warm(dump)
    _warm(index)
    emit = lambda name, value: print(f"{name}: {value}", flush=True)  # noqa: E731
    emit("loadavg_before", _loadavg())
    probe_before = _probe()
    # (Which interpreter: a build with profile-guided optimisation extracts ~10 % faster; see the Makefile.)
    emit("python", f"{platform.python_version()} {os.path.realpath(sys.executable)}")
    emit("pages", meta["pages"])
    emit("dump_mb", f"{dump.stat().st_size / 1e6:.1f}")
    emit("xml_mb", f"{meta['xml_bytes'] / 1e6:.1f}")
    emit("relations_pages", meta["relations"])
    if build_s:
        emit("build_seconds", f"{build_s:.1f}")
    if "select" in parts:
        sel = _run("index", dump, index)
        emit("streams_total", sel["streams_total"])
        emit("streams_read", sel["streams_read"])
        emit("streams_read_share", f"{sel['streams_read'] / sel['streams_total']:.3f}")
        emit("index_select_seconds", f"{sel['seconds']:.3f}")
    if "scan" in parts:
        scan = _run("scan", dump, index)
        emit("scan_seconds", f"{scan['seconds']:.2f}")
        emit("scan_peak_rss_mb", f"{scan['peak_rss_mb']:.0f}")
    if "seek" in parts:
        seek = _median("seek", dump, index, args.repeat)
        if seek["articles"] != meta["relations"] or ("scan" in parts and scan["articles"] != meta["relations"]):
            sys.exit(f"bench_scale: the dump has {meta['relations']} relations articles, seek found "
                     f"{seek['articles']}" + (f", scan {scan['articles']}" if "scan" in parts else ""))
        emit("seek_seconds", f"{seek['seconds']:.2f}")
        emit("seek_peak_rss_mb", f"{seek['peak_rss_mb']:.0f}")
        if "scan" in parts:
            emit("seek_speedup_vs_scan", f"{scan['seconds'] / seek['seconds']:.1f}")
        bare = _median("bare", dump, index, args.repeat)
        emit("bare_decompress_seconds", f"{bare['seconds']:.2f}")
        emit("bare_decompress_by", f"{bare['by']} (threads {bare['seconds_threads']:.2f}, "
                                   f"processes {bare['seconds_processes']:.2f})")
        emit("seek_overhead_vs_bare", f"{seek['seconds'] / bare['seconds']:.2f}")
        pages = _median("pages", dump, index, args.repeat)
        emit("seek_pages_seconds", f"{pages['seconds']:.2f}")
        emit("seek_pages_overhead_vs_bare", f"{pages['seconds'] / bare['seconds']:.2f}")
    if "extract" in parts:
        from legation._native import compiled_modules

        native = len(compiled_modules())
        emit("native_modules", str(native))
        # The median of ``repeat`` runs, as for the other parts: one run moves by ±4 % on a shared machine.
        # With compiled modules, each run is paired with a pure one (LEGATION_PURE=1), which of the two
        # goes first alternating, so that a pair meets the same machine speed and a drift favours neither;
        # their ratio is the compiled modules' gain.
        pairs = []
        for i in range(args.repeat):
            if not native:
                pairs.append((_run("extract", dump, index), None))
            elif i % 2:
                pure = _run("extract", dump, index, pure=True)
                pairs.append((_run("extract", dump, index), pure))
            else:
                pairs.append((_run("extract", dump, index), _run("extract", dump, index, pure=True)))
        runs = sorted((compiled for compiled, _ in pairs), key=lambda r: r["cpu_seconds"])
        ext = runs[len(runs) // 2]
        emit("extract_articles_per_s_per_core", f"{ext['articles'] / ext['cpu_seconds']:.1f}")
        emit("extract_articles_per_s_per_core_runs",
             " ".join(f"{r['articles'] / r['cpu_seconds']:.1f}" for r in reversed(runs)))
        emit("extract_vs_read", f"{ext['cpu_seconds'] / ext['read_cpu_seconds']:.2f}")
        if native:
            gains = sorted(pure["cpu_seconds"] / compiled["cpu_seconds"] for compiled, pure in pairs)
            emit("extract_native_speedup", f"{gains[len(gains) // 2]:.2f}")
            emit("extract_native_speedup_runs", " ".join(f"{g:.2f}" for g in gains))
    if "jobs" in parts:
        copies = max(1, -(-MIN_ARTICLES_FOR_JOBS // max(1, meta["relations"])))
        # One job, then ``jobs`` jobs, ``repeat`` times; the speedup is the median of the pairs' ratios,
        # so that a load that comes and goes (other processes on the machine) hits both runs of a pair alike.
        pairs = []
        for _ in range(args.repeat):
            pairs.append((_run("records", dump, index, jobs=1, copies=copies),
                          _run("records", dump, index, jobs=jobs, copies=copies)))
        pairs.sort(key=lambda p: p[0]["seconds"] / p[1]["seconds"])
        one, many = pairs[len(pairs) // 2]
        emit("jobs", jobs)
        emit("jobs_articles", many["articles"])
        emit("jobs_1_seconds", f"{one['seconds']:.2f}")
        emit(f"jobs_{jobs}_seconds", f"{many['seconds']:.2f}")
        emit("jobs_speedup", f"{one['seconds'] / many['seconds']:.2f}")
        emit("jobs_speedup_runs", " ".join(f"{a['seconds'] / b['seconds']:.2f}" for a, b in pairs))
        # Cores the N-job run had on average: below N, other processes held the rest.
        emit("jobs_cores_used", " ".join(f"{b['cpu_seconds'] / b['seconds']:.2f}" for _, b in pairs))
        emit("peak_rss_mb", f"{one['peak_rss_mb']:.0f}")
        emit("jobs_driver_peak_rss_mb", f"{many['peak_rss_mb']:.0f}")
        emit("jobs_worker_peak_rss_mb", f"{many['children_peak_rss_mb']:.0f}")
    if "instructions" in parts:
        if shutil.which("valgrind") is None:
            emit("extract_instructions_per_article", "not measured: valgrind is not installed")
        else:
            from legation._native import compiled_modules

            sample, size = _sample(dump.parent, dump, index, INSTRUCTION_ARTICLES + 1)
            n = size - 1  # (the first article is extracted in the start-up)
            emit("extract_instructions_articles", n)
            variants = [("", False), ("_pure", True)] if compiled_modules() else [("", False)]
            for name, pure in variants if n > 0 else []:
                start = _instructions(sample, 0, pure)
                whole = _instructions(sample, n, pure)
                emit(f"extract_instructions{name}_per_article", round((whole - start) / n))
    emit("loadavg_after", _loadavg())
    emit("machine_probe_seconds", f"{probe_before:.2f} {_probe():.2f}")


if __name__ == "__main__":
    main()
