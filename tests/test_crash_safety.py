"""SIGKILL of `legation ingest` at random moments leaves a sound database: bench/crash_safety.py, small.

The full run (50 kills over 2,000 articles) is ``python bench/crash_safety.py``; this runs the same
function over 60 articles with 5 kills, on SQLite and on PostgreSQL (see ``db`` in conftest.py),
without the two extra full ingests that only place the kills better (``calibrate``).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import bench.crash_safety as crash
import pytest
from bench.crash_safety import crash_safety, inspect, reference, write_corpus

import legation


@pytest.mark.slow
def test_random_sigkills_leave_whole_articles_no_workers_and_the_reference_export(db, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 60)
    log: list[str] = []
    result = crash_safety(db, corpus, kills=5, seed=7, calibrate=False, say=log.append)
    details = "\n".join(result.problems + log)
    assert result.kills == 5, details
    assert result.integrity_failures == 0, details
    assert result.partial_articles == 0, details
    assert result.orphan_processes == 0, details
    assert result.leftover_sessions == 0, details
    assert result.final_export_identical, details
    assert result.problems == [], details
    assert len(result.present) == len(result.written) == 5
    assert all(0 <= n <= 60 for n in result.present)


# --- the checks themselves: each finds what it is there to find ----------------------------------------

def test_the_checks_find_partial_articles_stray_rows_and_unknown_texts(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 16)
    refs = {v: reference(str(tmp_path / f"reference-{v}.db"), corpus.folders[v], 1, 16) for v in "ab"}
    db = tmp_path / "x.db"
    with legation.open(db) as store:
        store.ingest([corpus.folders["a"]])
        store.ingest(sorted(corpus.folders["b"].glob("*.txt"))[:5])
    sound = inspect(str(db), refs)
    assert (sound.integrity, sound.partial) == ([], {})
    assert sorted(Counter(sound.versions.values()).items()) == [("a", 11), ("b", 5)]

    with sqlite3.connect(db) as conn:
        titles = dict(conn.execute("SELECT id, title FROM articles"))
        chosen: list[str] = []

        def one(sql: str) -> str:  # an article not chosen yet that has rows in the table queried
            aid = next(r[0] for r in conn.execute(sql) if r[0] not in chosen)
            chosen.append(aid)
            return aid

        conn.execute("DELETE FROM missions WHERE article_id = ?", (one("SELECT article_id FROM missions"),))
        conn.execute("DELETE FROM names WHERE article_id = ?", (one("SELECT article_id FROM names"),))
        conn.execute("DELETE FROM pairs WHERE article_id = ?", (one("SELECT id FROM articles"),))
        conn.execute("UPDATE articles SET text = text || ' ' WHERE id = ?", (one("SELECT id FROM articles"),))
        conn.execute("DELETE FROM events WHERE article_id = ?",  # foreign keys off: its event types stay
                     (one("SELECT e.article_id FROM events e JOIN event_types t ON t.event_id = e.id"),))
        conn.execute("UPDATE articles SET content_hash = 'x' WHERE id = ?", (one("SELECT id FROM articles"),))
    broken = inspect(str(db), refs)
    missions, names, pair, text, events, unknown = (titles[aid] for aid in chosen)
    assert set(broken.partial) == {missions, names, pair, text, events}
    assert "facts not numbering its fact count" in broken.partial[missions]
    assert "record differs from version" in broken.partial[names]
    assert "0 pair rows" in broken.partial[pair]
    assert "text does not match its hash" in broken.partial[text]
    assert "event types, not" in broken.partial[events]
    assert f"{unknown!r}: a text of neither version" in broken.integrity
    assert any("rows of event_types without their event" in p for p in broken.integrity)
    assert any("foreign_key_check" in p for p in broken.integrity)


def test_processes_left_by_a_killed_run_are_found_and_ended(monkeypatch):
    monkeypatch.setattr(crash, "LEFTOVER_WAIT", 0.3)
    marker = "test-" + str(time.time_ns())
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env={**os.environ, crash.MARK: marker})
    try:
        deadline = time.monotonic() + 10
        while not crash._processes_with(marker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert crash._leftover_processes(marker) == [proc.pid]
        assert proc.wait(timeout=10) == -signal.SIGKILL
        assert crash._leftover_processes(marker) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
