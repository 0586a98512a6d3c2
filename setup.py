"""Build hook: the hot modules of the extractor compiled by Cython, when a C compiler is there.

The package is pure Python and runs as such. When Cython and a C compiler are available, ``pip
install`` also compiles the modules in ``NATIVE`` unchanged into extension modules, which run the
extractor in about 16 % fewer instructions (docs/performance.md). A module that fails to compile
is left pure (``optional=True``), and ``LEGATION_PURE=1`` at build time compiles nothing.

Each build writes ``legation/_native.json``: the SHA-256 of each compiled module's source, and
under ``#build`` the Cython version and directives (a change of either rebuilds everything). At
import, ``legation._native`` loads an extension module only when the ``.py`` beside it still has
that hash, so an edited source is never shadowed by a stale build. ``make native`` recompiles
what changed, in place.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"

# The modules an article's extraction spends its time in (callgrind, docs/performance.md).
NATIVE = (
    "legation.article",
    "legation.countries",
    "legation.facts",
    "legation.leaders",
    "legation.places",
    *(f"legation.extract.{name}" for name in (
        "agreements", "assessments", "clauses", "cues", "dating", "events", "missions", "names",
        "people", "periods", "quantities", "sentences", "time", "triggers",
    )),
)


def source_of(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


DIRECTIVES = {"binding": True, "language_level": 3}
# What else a build depends on: a manifest written under another key is not reused ("#build" in it).
BUILD_KEY = "#build"
build_key = ""
digests: dict[str, str] = {}  # each source's SHA-256 as Cython read it


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def extensions() -> list[Extension]:
    global build_key, digests
    if os.environ.get("LEGATION_PURE", "") not in ("", "0"):
        return []
    try:
        import Cython
        from Cython.Build import cythonize
    except ImportError:
        print("legation: Cython is not installed; the package stays pure Python")
        return []
    build_key = f"Cython {Cython.__version__} {json.dumps(DIRECTIVES, sort_keys=True)}"
    # The C files beside the sources are regenerated when Cython or its directives changed.
    force = _read_manifest(SRC / "legation" / "_native.json").get(BUILD_KEY, build_key) != build_key
    digests = {m: _sha256(source_of(m)) for m in NATIVE}
    modules = [Extension(m, [str(source_of(m).relative_to(SRC.parent))]) for m in NATIVE]
    compiled = cythonize(modules, quiet=True, force=force, nthreads=os.cpu_count() or 1,
                         compiler_directives=DIRECTIVES)
    for ext in compiled:
        ext.optional = True  # set on cythonize's output: it does not carry the flag over
    return compiled


class BuildNative(build_ext):
    """build_ext that never leaves a stale extension behind and records what each one was built from.

    Works on where each extension module ends up (in ``src/`` for an in-place or editable build,
    in the build directory for a wheel): one whose manifest entry matches its source is kept and
    not rebuilt; any other is deleted first, so a build that fails leaves the source to run.
    """

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        if not self.extensions:
            return super().run()
        manifest = Path(self.get_ext_fullpath("legation._native")).parent / "_native.json"
        built = _read_manifest(manifest)
        if built.get(BUILD_KEY) != build_key:
            built = {}
        kept: dict[str, str] = {BUILD_KEY: build_key}
        todo = []
        for ext in self.extensions:
            final = Path(self.get_ext_fullpath(ext.name))
            if not self.force and final.exists() and built.get(ext.name) == digests[ext.name]:
                kept[ext.name] = digests[ext.name]
                continue
            final.unlink(missing_ok=True)
            inplace, self.inplace = self.inplace, 0
            Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)  # the build directory's copy
            self.inplace = inplace
            todo.append(ext)
        self.extensions = todo
        if todo:
            super().run()
        for ext in todo:
            if Path(self.get_ext_fullpath(ext.name)).exists():
                kept[ext.name] = digests[ext.name]
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        failed = [ext.name for ext in todo if ext.name not in kept]
        print(f"legation: {len(kept) - 1} of {len(NATIVE)} modules compiled ({len(todo) - len(failed)} now)"
              + (f"; {len(failed)} could not be and stay pure Python" if failed else ""))

    def get_outputs(self) -> list[str]:
        outputs = super().get_outputs()
        if self.extensions:
            outputs.append(str(Path(self.get_ext_fullpath("legation._native")).parent / "_native.json"))
        return outputs


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildNative})
