"""``make bench``: run every benchmark, each in its own process, and print their ``name: value`` lines.

The arguments (``make bench BENCH_ARGS='--pages 200000 --jobs 2'``) go to each benchmark that
takes them: an option reaches a benchmark only when its ``--help`` names it, so ``--pages`` goes to
``bench_scale.py`` and not to ``bench_extract.py``. Each benchmark's output is headed by a
``bench: NAME`` line. The exit status is the first non-zero status of a benchmark.

    python bench/run.py [--pages N] [--jobs J] [--rounds R] ...
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("bench_extract.py", "bench_scale.py", "bench_store.py")


def options_of(script: Path) -> set[str]:
    """The long options a benchmark's ``--help`` names."""
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, check=False)
    return set(re.findall(r"(?<![\w-])(--[a-z][\w-]*)", done.stdout))


def args_for(args: list[str], accepted: set[str]) -> list[str]:
    """The options of ``args`` (with their values) that the benchmark accepts.

    >>> args_for(["--pages", "200", "--rounds=3", "--jobs", "2"], {"--rounds", "--jobs"})
    ['--rounds=3', '--jobs', '2']
    """
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name = arg.split("=", 1)[0]
        takes_value = "=" not in arg and i + 1 < len(args) and not args[i + 1].startswith("--")
        group = args[i:i + 2] if takes_value else [arg]
        if name in accepted:
            out.extend(group)
        i += len(group)
    return out


def main(argv: list[str]) -> int:
    status = 0
    for name in BENCHES:
        script = HERE / name
        if not script.is_file():
            continue
        print(f"bench: {Path(name).stem.removeprefix('bench_')}", flush=True)
        done = subprocess.run([sys.executable, str(script), *args_for(argv, options_of(script))], check=False)
        status = status or done.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
