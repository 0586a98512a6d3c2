"""Benchmark the store: ingest 10,000 records, then time timeline and missions queries.

    .venv/bin/python bench/bench_store.py [--records 10000] [--queries 500] [--json]

The records are the 16 samples' records under 10,000 different titles (real pairs of countries),
so the figures measure the store (rows, ids, transactions, indexes), not the extractor. Runs on
SQLite (a file in a temporary folder) and, when LEGATION_TEST_PG names a server, on PostgreSQL
(in a schema of its own, dropped after). Prints, per backend: ingest_records_per_s,
timeline_p50_ms, timeline_p99_ms, missions_p50_ms, missions_p99_ms. Not part of ``make test``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.varied import varied_records  # noqa: E402

import legation  # noqa: E402


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextlib.contextmanager
def _postgres(url: str) -> Iterator[str]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def _time(calls) -> list[float]:
    out = []
    for call in calls:
        t = time.perf_counter()
        call()
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench(db: str, records, queries: int) -> dict:
    rng = random.Random(1)
    with legation.open(db) as store:
        t = time.perf_counter()
        report = store.ingest(records)
        seconds = time.perf_counter() - t
        assert report.added == len(records), report.summary()
        pairs = [r.countries for _, r in records]
        picked = [rng.choice(pairs) for _ in range(queries)]
        store.timeline(*picked[0])  # warm up
        timeline = _time([lambda p=p: store.timeline(*p) for p in picked])
        hosts = [rng.choice(p) for p in rng.sample(pairs, min(queries, len(pairs)))]
        missions = _time([lambda h=h: store.missions(host=h) for h in hosts])
        found = store.counts()
    return {
        "backend": store.backend,
        "records": len(records),
        "facts": found.missions + found.events + found.agreements + found.quantities + found.people
        + found.assessments,
        "ingest_records_per_s": round(len(records) / seconds, 1),
        "timeline_p50_ms": round(statistics.median(timeline), 3),
        "timeline_p99_ms": round(_percentile(timeline, 0.99), 3),
        "missions_p50_ms": round(statistics.median(missions), 3),
        "missions_p99_ms": round(_percentile(missions, 0.99), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="one JSON object per backend")
    args = parser.parse_args(argv)
    records = varied_records(args.records)
    url = os.environ.get("LEGATION_TEST_PG")
    if not url:
        print("(PostgreSQL skipped: set LEGATION_TEST_PG=postgresql+psycopg://… to include it)", file=sys.stderr)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(bench(str(Path(tmp) / "bench.db"), records, args.queries))
    if url:
        with _postgres(url) as pg:
            results.append(bench(pg, records, args.queries))
    for result in results:
        if args.json:
            print(json.dumps(result))
            continue
        print(f"[{result['backend']}] {result['records']} records, {result['facts']} facts")
        for key, value in result.items():
            if key not in ("backend", "records", "facts"):
                print(f"  {key:<22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
