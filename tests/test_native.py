"""The Cython build (setup.py, legation/_native.py): same records as pure Python, never a stale module."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import legation
from legation import _native
from tests.conftest import ROOT

PACKAGE = Path(legation.__file__).resolve().parent

# Extract every bundled sample and test fixture, print one JSON record a line.
EXTRACT_ALL = """
import json, sys
from pathlib import Path
import legation
from legation.cli import sample_paths
paths = [*sample_paths(), *sorted(Path(sys.argv[1]).rglob('*.wiki')), *sorted(Path(sys.argv[1]).rglob('*.txt'))]
for path in paths:
    try:
        print(json.dumps(legation.extract(path).to_dict(), sort_keys=True, ensure_ascii=False))
    except legation.LegationError as e:
        print('refused', path.name, type(e).__name__)
"""

WHERE_FROM = """
import json, legation.places, legation.countries, legation._native as n
print(json.dumps({"places": legation.places.__file__, "countries": legation.countries.__file__,
                  "edited": getattr(legation.places, "EDITED", False), "compiled": n.compiled_modules(),
                  "set_aside": sorted(n.SET_ASIDE)}))
"""


def _needs_build() -> None:
    if _native.COMPILED or _native.SET_ASIDE:
        return
    howto = "`make native` compiles them (needs Cython and a C compiler)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but no module of legation is compiled: {howto}")
    pytest.skip(f"no compiled modules to check: {howto}")


def _run(code: str, *args: str, pythonpath: Path | None = None, pure: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k != "LEGATION_PURE"}
    if pure:
        env["LEGATION_PURE"] = "1"
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _copy_package(tmp_path: Path) -> Path:
    """A copy of the installed package (with its extension modules and manifest) to edit."""
    shutil.copytree(PACKAGE, tmp_path / "legation", ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    return tmp_path


def test_compiled_and_pure_give_the_same_records() -> None:
    _needs_build()
    if _native.pure_requested():
        pytest.skip("LEGATION_PURE is set in this run")
    fixtures = str(ROOT / "tests" / "fixtures")
    compiled = _run(EXTRACT_ALL, fixtures)
    pure = _run(EXTRACT_ALL, fixtures, pure=True)
    assert compiled.count("\n") > 20
    assert compiled == pure


def test_the_hot_modules_run_compiled() -> None:
    _needs_build()
    if _native.pure_requested():
        pytest.skip("LEGATION_PURE is set in this run")
    where = json.loads(_run(WHERE_FROM))
    assert {"legation.places", "legation.extract.time", "legation.extract.triggers"} <= set(where["compiled"])
    assert not where["places"].endswith(".py")
    assert where["set_aside"] == [], "these sources changed since they were compiled: `make native`"


def test_an_edited_source_is_loaded_not_its_stale_build(tmp_path) -> None:
    _needs_build()
    root = _copy_package(tmp_path)
    with (root / "legation" / "places.py").open("a", encoding="utf-8") as f:
        f.write("\nEDITED = True\n")
    where = json.loads(_run(WHERE_FROM, pythonpath=root))
    assert where["edited"] is True
    assert where["places"] == str(root / "legation" / "places.py")
    assert where["set_aside"] == ["legation.places"]
    assert not where["countries"].endswith(".py")  # the others, unchanged, still run compiled


def test_without_the_manifest_nothing_runs_compiled(tmp_path) -> None:
    _needs_build()
    root = _copy_package(tmp_path)
    (root / "legation" / "_native.json").unlink(missing_ok=True)
    where = json.loads(_run(WHERE_FROM, pythonpath=root))
    assert where["compiled"] == []
    assert where["places"].endswith(".py") and where["countries"].endswith(".py")


def test_legation_pure_loads_every_source() -> None:
    _needs_build()
    where = json.loads(_run(WHERE_FROM, pure=True))
    assert where["compiled"] == []
    assert where["places"].endswith("places.py") and where["countries"].endswith("countries.py")
    assert "legation.places" in where["set_aside"]


def _copy_checkout(tmp_path: Path) -> Path:
    """setup.py, pyproject.toml and src/ of the checkout, without its build, to build from."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tmp_path / name)
    # The generated C files come along (their times kept), so Cython need not run again.
    shutil.copytree(ROOT / "src", tmp_path / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "_native.json", "*.egg-info"))
    return tmp_path


def _no_compiler() -> dict[str, str]:
    env = {**os.environ, "CC": "/bin/false"}
    env.pop("LEGATION_PURE", None)
    return env


def test_without_a_compiler_the_build_succeeds_and_stays_pure(tmp_path) -> None:
    # setup.py on a copy of the checkout, with a C compiler that always fails: every module is
    # optional, so the build succeeds, leaves no extension module and an empty manifest.
    _needs_build()
    pytest.importorskip("Cython", reason="Cython is in the test extra: `make setup` installs it")
    _copy_checkout(tmp_path)
    done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp_path, env=_no_compiler(),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "legation: 0 of 19 modules compiled" in done.stdout, done.stdout[-2000:]
    package = tmp_path / "src" / "legation"
    assert not [p for p in package.rglob("*") if p.suffix == ".so"]
    assert list(json.loads((package / "_native.json").read_text())) == ["#build"]  # no module in it
    where = json.loads(_run(WHERE_FROM, pythonpath=tmp_path / "src"))
    assert where["compiled"] == [] and where["places"].endswith("places.py")


def test_the_wheel_holds_no_generated_c_file(tmp_path) -> None:
    # setuptools lists an extension's sources (the C files Cython wrote) among the package's files,
    # and would install those 22 MB of intermediates beside the modules; pyproject.toml excludes them.
    _needs_build()
    pytest.importorskip("Cython", reason="Cython is in the test extra: `make setup` installs it")
    checkout = _copy_checkout(tmp_path / "checkout")
    assert list((checkout / "src" / "legation").glob("*.c")), "the copy should hold the generated C files"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path / "wheel"), str(checkout)],
                          env=_no_compiler(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = (tmp_path / "wheel").glob("legation-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    assert "legation/extract/time.py" in names and "legation/data/cities.tsv.gz" in names
    assert [n for n in names if n.endswith(".c")] == []
