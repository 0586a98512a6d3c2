"""Which of legation's modules run compiled, and a guard that no stale build shadows its source.

``pip install`` may compile the extractor's hot modules with Cython (``setup.py``): each then has
an extension module (``places.cpython-311-x86_64-linux-gnu.so``) beside its ``places.py``, and
Python's import system would load the extension first, whatever became of the source. This module
puts a finder in front of it: an extension module is loaded only when the build's manifest
(``_native.json``) records the SHA-256 of the source beside it; otherwise, or when
``LEGATION_PURE=1`` is set, the source is loaded. It is imported first by ``legation/__init__.py``
and is never compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "_native.json"


def pure_requested() -> bool:
    return os.environ.get("LEGATION_PURE", "") not in ("", "0")


def _extension_modules() -> dict[str, Path]:
    """Every extension module in the package's directories: module name → its source's path."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(HERE):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_")) and d not in ("data", "static", "templates")]
        for file in files:
            # Only a file this interpreter would import: "places.cpython-311-….so", not "…-312-….so".
            stem = next((file[:-len(s)] for s in suffixes if file.endswith(s) and "." not in file[:-len(s)]), None)
            if stem is not None:
                rel = Path(folder, stem).relative_to(HERE)
                found[".".join(("legation", *rel.parts))] = Path(folder, stem + ".py")
    return found


def _manifest() -> dict[str, str]:
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Load these modules from their ``.py``, not from the extension module beside it."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, name, path, target=None):
        source = self.sources.get(name)
        if source is None or not source.exists():
            return None
        return importlib.util.spec_from_file_location(name, source)


def _install() -> tuple[frozenset[str], frozenset[str]]:
    """Put the guard in place; return (modules that will run compiled, extensions set aside)."""
    extensions = _extension_modules()
    if not extensions:
        return frozenset(), frozenset()
    built = {} if pure_requested() else _manifest()
    stale = {name: source for name, source in extensions.items()
             if source.exists() and built.get(name) != _sha256(source)}
    if stale:
        sys.meta_path.insert(0, _SourceFirst(stale))
    return frozenset(extensions.keys() - stale.keys()), frozenset(stale)


COMPILED, SET_ASIDE = _install()


def compiled_modules() -> list[str]:
    """The modules that run compiled in this process (those already imported, and the rest once they are)."""
    return sorted(COMPILED)
