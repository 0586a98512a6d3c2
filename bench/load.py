"""Load test: ``legation serve`` over 10,000 records under many concurrent requests, and its memory.

    .venv/bin/python bench/load.py [--requests 100000] [--concurrency 32] [--records 10000]
                                   [--max-growth-mb 50] [--db PATH]

Builds (or reuses, under ``bench/.cache``) a SQLite database of ``--records`` records (the
samples' records under other titles, :func:`bench.varied.varied_records`, loaded as
``bench/bench_store.py`` loads them), starts ``legation serve`` on 127.0.0.1 on a free port, and
sends ``--requests`` GET requests from ``--concurrency`` threads, each on its own keep-alive
connection. The requests are a fixed mix (:data:`MIX`): pair pages and their ``.json`` twins,
``/api/pairs/{pair}``, records, timelines with and without filters, missions, agreements, searches,
counts, now and then the index and the list of every pair, and a few requests for what does not
exist (expected 404s, counted apart) and pairs in the other order (expected 308 redirects).

The client is ``http.client`` in threads. The server is one process and uses one core at most;
the client's CPU time (``client_cpu_s``) stays a few per cent of the server's (``server_cpu_s``),
so it does not starve the server on two cores. Measured on the cheapest endpoint (``/api/counts``,
4,000 requests, 32 connections, 2 cores shared with other work): ``http.client`` threads 470–830
requests/s with 0.5–0.7 CPU-s of client; raw asyncio streams 755–865/s with 0.2 CPU-s (no faster:
the server is the bottleneck); ``httpx.AsyncClient`` 255–280/s, its 8–9 CPU-s more than the
server's 6, so it would measure the client.

Prints one ``name: value`` per line: ``requests``, ``errors`` (5xx, connection errors, unexpected
statuses), ``expected_404``, ``redirects_308``, ``requests_per_s``, ``p50_ms``, ``p99_ms``,
``max_ms``, the server's resident memory (``/proc/PID/status`` VmRSS, sampled every second) at
start, after 10% of the requests and at the end, ``rss_growth_after_warmup_mb`` (end minus at 10%),
``rss_peak_mb`` and the CPU time of server and client. Exits 1 when ``errors`` > 0, the server
logged an error, or memory grew more than ``--max-growth-mb`` after warm-up. Not part of ``make bench``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
HOST = "127.0.0.1"
MAX_GROWTH_MB = 50.0
MB = 1024 * 1024

# What each kind of request asks, per 1,000 requests. Readers browse pair pages and call the fact
# APIs; the index and the list of every pair (a few MB each at 10,000 records) come now and then.
MIX = {
    "pair_page": 120, "pair_json": 60, "pair_redirect": 10, "api_pair": 60, "api_record": 50,
    "timeline": 200, "missions": 110, "agreements": 90, "api_search": 50, "search_page": 20,
    "search_json": 10, "counts": 50, "openapi": 5, "docs": 5, "index": 2, "index_json": 1,
    "api_pairs": 1, "not_found": 30,
}
WORDS = ("embassy", "consulate", "trade agreement", "diplomatic relations", "visit", "president",
         "cooperation", "minister", "treaty", "consulate Tangier", "signed", "war", "zebra okapi")
CITIES = ("Rabat", "Moscow", "Tangier", "Paris", "London", "Havana", "Tokyo", "Minsk", "tanger", "Nowhere")
SUBJECTS = ("fisheries", "peace", "security", "oil", "secret information")
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "PROTEST", "SANCTION", "ASSAULT")


@dataclass(frozen=True)
class Job:
    """One request: its kind (a key of :data:`MIX`), URL, Accept header and the statuses it may get."""

    kind: str
    url: str
    accept: str = "application/json"
    expected: tuple[int, ...] = (200,)


# --- the database -----------------------------------------------------------------------------------

def database(records: int, seed: int = 0, log: Callable[[str], None] = print) -> Path:
    """A SQLite database of ``records`` varied records, built once under ``bench/.cache`` and reused."""
    from legation.store.schema import LATEST

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"load-{records}-seed{seed}-schema{LATEST}.db"
    if path.exists():
        return path
    build(path, records, seed, log)
    return path


def build(path: Path, records: int, seed: int = 0, log: Callable[[str], None] = print) -> Path:
    """Write a database of ``records`` varied records at ``path`` (built beside it, then moved in place,
    so an interrupted build leaves no half database behind)."""
    from bench.varied import varied_records

    import legation

    log(f"(building {path.name}: {records} records, about {max(1, records // 130)} s)")
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        leftover.unlink(missing_ok=True)
    with legation.open(str(partial)) as store:
        report = store.ingest(varied_records(records, seed))
    if report.added != records:
        raise RuntimeError(f"building {partial}: {report.summary()}")
    os.replace(partial, path)
    return path


# --- the requests -----------------------------------------------------------------------------------

def plan(pairs: list[dict], n: int, seed: int = 0) -> list[Job]:
    """``n`` requests drawn from :data:`MIX` over the database's ``pairs`` (as ``/api/pairs`` lists them)."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=n)
    return [_job(kind, rng.choice(pairs), rng) for kind in kinds]


def _job(kind: str, pair: dict, rng: random.Random) -> Job:
    a, b = pair["a"], pair["b"]
    page = pair["url"]  # /pair/A-B, with ?title= when several articles are on the pair
    html = "text/html,application/xhtml+xml"
    if kind == "pair_page":
        return Job(kind, page, html)
    if kind == "pair_json":
        path, _, query = page.partition("?")
        return Job(kind, path + ".json" + (f"?{query}" if query else ""))
    if kind == "pair_redirect":
        return Job(kind, f"/pair/{b}-{a}", html, (308,))
    if kind == "api_pair":
        return Job(kind, f"/api/pairs/{a}-{b}?" + urlencode({"title": pair["title"]}))
    if kind == "api_record":
        return Job(kind, "/api/records/" + quote(pair["title"], safe=""))
    if kind == "timeline":
        params = [("a", a), ("b", b)]
        if rng.random() < 0.4:
            params.append(("from", str(rng.randint(1800, 2015))))
        if rng.random() < 0.3:
            params.append(("to", str(rng.randint(1900, 2025))))
        if rng.random() < 0.3:
            params += [("type", t) for t in rng.sample(PLOVER, rng.randint(1, 3))]
        return Job(kind, "/api/timeline?" + urlencode(params))
    if kind == "missions":
        params = rng.choice([{"host": a}, {"sender": b}, {"sender": a, "host": b}, {"city": rng.choice(CITIES)}])
        return Job(kind, "/api/missions?" + urlencode(params))
    if kind == "agreements":
        params = rng.choice([{"a": a, "b": b}, {"a": a}, {"a": a, "subject": rng.choice(SUBJECTS)},
                             {"subject": rng.choice(SUBJECTS)}])
        return Job(kind, "/api/agreements?" + urlencode(params))
    if kind in ("api_search", "search_json", "search_page"):
        path = {"api_search": "/api/search", "search_json": "/search.json", "search_page": "/search"}[kind]
        return Job(kind, f"{path}?" + urlencode({"q": rng.choice(WORDS)}), html if kind == "search_page" else "*/*")
    if kind == "not_found":
        url = rng.choice([f"/pair/{a}-{a}", f"/api/pairs/{a}-ZZZ", "/api/records/Nowhere%E2%80%93Nothing%20relations",
                          "/api/nothing", f"/pair/{a}-{b}?title=Other"])
        return Job(kind, url, rng.choice([html, "application/json"]), (404,))
    urls = {"counts": "/api/counts", "openapi": "/api/openapi.json", "docs": "/api/docs", "index": "/",
            "index_json": "/index.json", "api_pairs": "/api/pairs"}
    return Job(kind, urls[kind], html if kind in ("index", "docs") else "application/json")


# --- the server -------------------------------------------------------------------------------------

@dataclass
class Server:
    """A ``legation serve`` process on :data:`HOST` and the file its output goes to."""

    process: subprocess.Popen
    port: int
    log: Path

    def rss_mb(self) -> float:
        return _status_kb(self.process.pid, "VmRSS") / 1024

    def peak_mb(self) -> float:
        return _status_kb(self.process.pid, "VmHWM") / 1024

    def cpu_s(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def log_errors(self) -> list[str]:
        return [line for line in self.log.read_text(errors="replace").splitlines()
                if re.search(r"\b(ERROR|Traceback|CRITICAL)\b", line)]


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {key} in /proc/{pid}/status")


@contextmanager
def serve(db: str | Path, timeout: float = 60.0) -> Iterator[Server]:
    """``legation serve --db DB --host 127.0.0.1 --port 0`` in a subprocess, until it answers; stopped after."""
    with tempfile.TemporaryDirectory(prefix="legation-load-") as tmp:
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "legation.cli", "serve", "--db", str(db), "--host", HOST, "--port", "0"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            server = Server(process, _wait_for_port(process, log, timeout), log)
            _wait_until_ready(server, timeout)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for_port(process: subprocess.Popen, log: Path, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(rf"at http://{re.escape(HOST)}:(\d+)/", log.read_text(errors="replace"))
        if found:
            return int(found.group(1))
        if process.poll() is not None:
            raise RuntimeError(f"legation serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        time.sleep(0.05)
    raise RuntimeError(f"legation serve did not say its port within {timeout:.0f} s")


def _wait_until_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, _ = get(server.port, "/api/counts")
            if status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline or server.process.poll() is not None:
            raise RuntimeError(f"legation serve is not answering on port {server.port}")
        time.sleep(0.1)


def get(port: int, url: str) -> tuple[int, bytes]:
    """One GET on a new connection: (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request("GET", url)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --- the load ---------------------------------------------------------------------------------------

@dataclass
class Tally:
    """What the client threads saw, shared between them (``lock`` guards the counters)."""

    jobs: list[Job]
    lock: threading.Lock = field(default_factory=threading.Lock)
    next: int = 0
    done: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    on_done: Callable[[int], None] | None = None

    def take(self) -> Job | None:
        with self.lock:
            if self.next >= len(self.jobs):
                return None
            self.next += 1
            return self.jobs[self.next - 1]


def _client(port: int, tally: Tally) -> None:
    """One keep-alive connection, sending the next job until there is none."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    while (job := tally.take()) is not None:
        start = time.perf_counter()
        status, problem, reconnected = None, "", False
        for attempt in (1, 2):
            try:
                conn.request("GET", job.url, headers={"Accept": job.accept})
                response = conn.getresponse()
                body = response.read()
                status = response.status
                if status not in job.expected:
                    problem = f"status {status} (expected {' or '.join(map(str, job.expected))}): {body[:200]!r}"
                break
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=120)
                problem = f"{type(exc).__name__}: {exc}"
                # A kept-alive connection the server closed between requests: try once more on a new
                # one, as browsers do. A server that is down fails again (connection refused) and counts.
                closed = isinstance(exc, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError))
                if not (closed and attempt == 1):
                    break
                reconnected = True
        elapsed = time.perf_counter() - start
        with tally.lock:
            tally.latencies.append(elapsed)
            tally.statuses[status if status is not None else "connection error"] += 1
            tally.reconnects += reconnected
            if status is None or status not in job.expected:
                tally.errors.append(f"{job.url}: {problem}")
            tally.done += 1
            done = tally.done
        if tally.on_done is not None:
            tally.on_done(done)
    conn.close()


def _percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def run(db: str | Path, requests: int = 100_000, concurrency: int = 32, seed: int = 0,
        progress: Callable[[str], None] | None = None) -> dict:
    """Serve ``db``, send it ``requests`` requests from ``concurrency`` connections, and say what happened.

    Returns the figures :func:`main` prints (``requests``, ``errors``, ``requests_per_s``, ``p50_ms``,
    ``rss_start_mb``, ...) and ``error_samples``, the first few failures.
    """
    with serve(db) as server:
        status, body = get(server.port, "/api/pairs")
        if status != 200:
            raise RuntimeError(f"/api/pairs answered {status}: {body[:200]!r}")
        pairs = json.loads(body)["pairs"]
        if not pairs:
            raise RuntimeError(f"{db} holds no pairs: nothing to ask for")
        tally = Tally(plan(pairs, requests, seed))
        rss = {"start": server.rss_mb()}
        samples = [rss["start"]]
        warm = max(1, requests // 10)
        step = max(1, requests // 10)

        def on_done(done: int) -> None:
            if done == warm:
                rss["warm"] = server.rss_mb()
            if progress is not None and done % step == 0:
                progress(f"({done}/{requests} requests, server RSS {server.rss_mb():.0f} MB)")

        tally.on_done = on_done
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(1.0):
                samples.append(server.rss_mb())

        sampler = threading.Thread(target=sample, daemon=True)
        cpu_server, cpu_client = server.cpu_s(), _self_cpu_s()
        started = time.perf_counter()
        sampler.start()
        clients = [threading.Thread(target=_client, args=(server.port, tally)) for _ in range(concurrency)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        seconds = time.perf_counter() - started
        stop.set()
        sampler.join()
        rss["end"] = server.rss_mb()
        samples.append(rss["end"])
        cpu_server, cpu_client = server.cpu_s() - cpu_server, _self_cpu_s() - cpu_client
        peak = max(server.peak_mb(), *samples)
        log_errors = server.log_errors()
        alive = server.process.poll() is None
    ordered = sorted(tally.latencies)
    warm_rss = rss.get("warm", rss["end"])
    return {
        "requests": tally.done,
        "errors": len(tally.errors) + (0 if alive else 1),
        "expected_404": tally.statuses[404],
        "redirects_308": tally.statuses[308],
        "reconnects": tally.reconnects,
        "server_log_errors": len(log_errors),
        "concurrency": concurrency,
        "seconds": round(seconds, 1),
        "requests_per_s": round(tally.done / seconds, 1),
        "p50_ms": round(_percentile(ordered, 0.50) * 1000, 1),
        "p99_ms": round(_percentile(ordered, 0.99) * 1000, 1),
        "max_ms": round((ordered[-1] if ordered else 0) * 1000, 1),
        "rss_start_mb": round(rss["start"], 1),
        "rss_at_10pct_mb": round(warm_rss, 1),
        "rss_end_mb": round(rss["end"], 1),
        "rss_growth_after_warmup_mb": round(rss["end"] - warm_rss, 1),
        "rss_peak_mb": round(peak, 1),
        "server_cpu_s": round(cpu_server, 1),
        "client_cpu_s": round(cpu_client, 1),
        "error_samples": tally.errors[:10] + log_errors[:10] + ([] if alive else ["the server exited"]),
    }


def _self_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def problems(result: dict, max_growth_mb: float = MAX_GROWTH_MB) -> list[str]:
    """Why the run failed (empty when it passed)."""
    out = []
    if result["errors"]:
        out.append(f"{result['errors']} requests failed")
    if result["server_log_errors"]:
        out.append(f"the server logged {result['server_log_errors']} errors")
    if result["rss_growth_after_warmup_mb"] > max_growth_mb:
        out.append(f"the server's memory grew {result['rss_growth_after_warmup_mb']} MB after warm-up "
                   f"(bound: {max_growth_mb} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000, help="how many requests (default 100000)")
    parser.add_argument("--concurrency", type=int, default=32, help="client connections at once (default 32)")
    parser.add_argument("--records", type=int, default=10_000, help="records in the database (default 10000)")
    parser.add_argument("--max-growth-mb", type=float, default=MAX_GROWTH_MB,
                        help=f"fail when the server's RSS grows more after warm-up (default {MAX_GROWTH_MB:.0f})")
    parser.add_argument("--db", help="serve this database instead of building one under bench/.cache")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    db = args.db or database(args.records, log=log)
    result = run(db, args.requests, args.concurrency, args.seed, progress=log)
    for name, value in result.items():
        if name != "error_samples":
            print(f"{name}: {value}")
    for sample in result["error_samples"]:
        log(f"error: {sample}")
    failed = problems(result, args.max_growth_mb)
    for problem in failed:
        log(f"load: FAILED: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
