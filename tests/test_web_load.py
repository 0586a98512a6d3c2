"""The load test in small: a real ``legation serve`` process under 2,000 concurrent requests of the
mix ``bench/load.py`` sends, on a database of 200 records. Every answer must be the expected one;
speed is not asserted (machines are noisy), and ``bench/load.py`` itself runs the 100,000."""

from __future__ import annotations

import pytest

pytest.importorskip("uvicorn", reason="the web app needs the web extra: pip install -e '.[web,test]'")

from bench.load import MIX, build, plan, problems, run  # noqa: E402


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> str:
    return str(build(tmp_path_factory.mktemp("load") / "load.db", 200, log=lambda _: None))


def test_plan_covers_the_mix():
    pairs = [{"a": "MAR", "b": "RUS", "title": "Morocco–Russia relations", "url": "/pair/MAR-RUS"},
             {"a": "ISL", "b": "NOR", "title": "Iceland–Norway relations", "url": "/pair/ISL-NOR"}]
    jobs = plan(pairs, 5000, seed=1)
    assert {job.kind for job in jobs} == set(MIX)
    assert plan(pairs, 5000, seed=1) == jobs  # the same requests every run
    assert all(job.expected == (404,) for job in jobs if job.kind == "not_found")
    assert {job.url for job in jobs if job.kind == "pair_redirect"} == {"/pair/RUS-MAR", "/pair/NOR-ISL"}


@pytest.mark.slow
def test_two_thousand_requests_without_an_error(small_db):
    result = run(small_db, requests=2000, concurrency=16)
    assert result["requests"] == 2000
    assert result["errors"] == 0, result["error_samples"]
    assert result["server_log_errors"] == 0, result["error_samples"]
    assert result["expected_404"] > 0 and result["redirects_308"] > 0
    assert result["rss_start_mb"] > 0 and result["rss_end_mb"] > 0
    assert problems({**result, "rss_growth_after_warmup_mb": 0}) == []


def test_problems_name_what_failed():
    ok = {"errors": 0, "server_log_errors": 0, "rss_growth_after_warmup_mb": 10.0}
    assert problems(ok) == []
    assert problems({**ok, "errors": 3}) == ["3 requests failed"]
    assert problems({**ok, "rss_growth_after_warmup_mb": 80.5}, max_growth_mb=50) == [
        "the server's memory grew 80.5 MB after warm-up (bound: 50 MB)"]
