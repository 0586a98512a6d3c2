"""Benchmark: extraction speed on the bundled corpus articles, one process, one core.

Prints one `name: value` per line. The baseline is reading alone (the readers
and sentence splitting), measured in the same run, so the ratio holds when
the machine's speed drifts.

    python bench/bench_extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time

from legation._native import compiled_modules
from legation.cli import sample_paths
from legation.countries import _find_countries
from legation.extract import extract_article
from legation.extract.sentences import sentences
from legation.extract.time import _find_times
from legation.leaders import _find_leaders
from legation.leaders import _table as leaders_table
from legation.places import _find_cities, _gazetteer
from legation.read import read_path, read_text

# The extractor's caches of what it found in a text (a sentence), emptied before each round.
CACHES = (_find_countries, _find_cities, _find_times, _find_leaders)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in sample_paths()]
    # Start-up: imports, lazy tables and the gazetteer, as the first article pays them.
    t0 = time.perf_counter()
    extract_article(next(read_path(sample_paths()[0])))
    startup = time.perf_counter() - t0

    def read_all() -> None:
        for source, text in texts:
            sentences(read_text(text, source=source))

    def extract_all() -> None:
        # Every article of a dump is new: no cache may carry results over from an earlier round.
        for cache in CACHES:
            cache.cache_clear()
        for source, text in texts:
            extract_article(read_text(text, source=source))

    def best_of(fn) -> float:
        times = []
        for _ in range(args.rounds):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        return sorted(times)[len(times) // 2]

    def load_leaders() -> None:
        leaders_table.cache_clear()
        leaders_table()

    def load_gazetteer() -> None:
        _gazetteer.cache_clear()
        _gazetteer()

    read_s = best_of(read_all)
    extract_s = best_of(extract_all)
    # The lazy tables, timed here rather than in unit tests: what the first article of a run pays.
    leaders_s = best_of(load_leaders)
    gazetteer_s = best_of(load_gazetteer)
    n = len(texts)
    print(f"articles: {n}")
    print(f"native_modules: {len(compiled_modules())}")
    print(f"startup_seconds: {startup:.3f}")
    print(f"read_seconds_corpus: {read_s:.4f}")
    print(f"extract_seconds_corpus: {extract_s:.4f}")
    print(f"extract_vs_read_ratio: {extract_s / read_s:.2f}")
    print(f"extract_articles_per_s_per_core: {n / extract_s:.1f}")
    print(f"leaders_load_seconds: {leaders_s:.4f}")
    print(f"leaders_load_vs_read: {leaders_s / read_s:.2f}")
    print(f"gazetteer_load_seconds: {gazetteer_s:.4f}")
    print(f"gazetteer_load_vs_read: {gazetteer_s / read_s:.2f}")


if __name__ == "__main__":
    main()
