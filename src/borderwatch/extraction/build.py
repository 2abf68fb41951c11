"""Which build of the extraction modules runs: compiled by mypyc, or pure Python.

`scripts/setup` compiles the extraction modules with mypyc (docs/compiled-extraction.md): each
compiled module is a C extension beside its `.py`, and Python imports an extension before a
source file of the same name. This module, which always stays interpreted, decides before any
other extraction module is imported whether those extensions may be used:

- the build records a stamp of the sources it compiled (`STAMP`); if a compiled module's source
  no longer matches it, the extensions are out of date and would silently run old code, so the
  sources run instead and a warning says to run `scripts/setup`;
- `BORDERWATCH_PURE=1` runs the sources on purpose (the coverage gate, which cannot see compiled
  code, and the test that compiled and pure give the same claims).

Both builds give byte-identical claims; the compiled one is faster.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = "borderwatch.extraction"
FOLDER = Path(__file__).resolve().parent
# Written by the compiled build (setup.py) beside the modules: the digest of what it compiled.
STAMP = "compiled-sources.sha256"
PURE_VARIABLE = "BORDERWATCH_PURE"

log = logging.getLogger(__name__)


def sources_digest(sources: Sequence[Path]) -> str:
    """One digest of the given module sources: their names and bytes, in name order."""
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda path: path.name):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def compiled_sources(folder: Path = FOLDER) -> list[Path]:
    """The `.py` files of `folder` that have a compiled extension beside them."""
    return sorted(
        source
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        for extension in folder.glob(f"*{suffix}")
        if (source := folder / (extension.name.removesuffix(suffix) + ".py")).is_file()
    )


COMPILED = "compiled"
NOT_COMPILED = "pure Python: not compiled"
OUT_OF_DATE = "pure Python: the compiled modules are out of date with their sources"
ASKED_PURE = f"pure Python: {PURE_VARIABLE}=1"


def compiled_state(folder: Path = FOLDER) -> str:
    """COMPILED if `folder` holds an up-to-date compiled build, else NOT_COMPILED or OUT_OF_DATE."""
    sources = compiled_sources(folder)
    if not sources:
        return NOT_COMPILED
    stamp = folder / STAMP
    if not stamp.is_file() or stamp.read_text(encoding="ascii").strip() != sources_digest(sources):
        return OUT_OF_DATE
    return COMPILED


class SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the extraction modules' `.py` sources, ahead of any compiled extension."""

    def __init__(self, package: str = PACKAGE, folder: Path = FOLDER) -> None:
        self._prefix = package + "."
        self._folder = folder

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """The spec of the source file of an extraction module, or None for anything else."""
        if not fullname.startswith(self._prefix):
            return None
        source = self._folder / (fullname.removeprefix(self._prefix) + ".py")
        if not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose(folder: Path = FOLDER, meta_path: list[object] | None = None) -> str:
    """Decide the build for this process, before any other extraction module is imported.

    Returns COMPILED, NOT_COMPILED, OUT_OF_DATE or ASKED_PURE. When compiled extensions exist
    but must not run, a SourceFinder for `folder` goes first on `meta_path` (sys.meta_path)."""
    finders = sys.meta_path if meta_path is None else meta_path
    state = compiled_state(folder)
    if state == NOT_COMPILED:
        return state
    if os.environ.get(PURE_VARIABLE) == "1":
        state = ASKED_PURE
    elif state == OUT_OF_DATE:
        log.warning("extraction runs as %s; run scripts/setup to compile again", state)
    if state != COMPILED and not any(isinstance(f, SourceFinder) for f in finders):
        finders.insert(0, SourceFinder(folder=folder))
    return state
