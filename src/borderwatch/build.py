"""Which build of the hot modules runs: compiled by mypyc, or pure Python.

`scripts/setup` compiles the extraction pipeline with mypyc (docs/compiled-extraction.md): each
compiled module is a C extension beside its `.py`, and Python imports an extension before a
source file of the same name. This module, which always stays
interpreted, decides when the package is first imported, before any compiled module can be,
whether those extensions may be used:

- the build records a stamp of the sources it compiled (`STAMP`); if a compiled module's source
  no longer matches it, the extensions are out of date and would silently run old code, so the
  sources run instead and a warning says to run `scripts/setup`;
- `BORDERWATCH_PURE=1` runs the sources on purpose (the coverage gate, which cannot see compiled
  code, and the test that compiled and pure give the same claims).

Both builds give byte-identical results; the compiled one is faster.
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

PACKAGE = "borderwatch"
ROOT = Path(__file__).resolve().parent
# The subpackages that hold compiled modules (setup.py says which of their modules).
COMPILED_PACKAGES = ("extraction",)
# Written by the compiled build (setup.py) in ROOT: the digest of the sources it compiled.
STAMP = "compiled-sources.sha256"
PURE_VARIABLE = "BORDERWATCH_PURE"

COMPILED = "compiled"
NOT_COMPILED = "pure Python: not compiled"
OUT_OF_DATE = "pure Python: the compiled modules are out of date with their sources"
ASKED_PURE = f"pure Python: {PURE_VARIABLE}=1"

log = logging.getLogger(__name__)


def sources_digest(root: Path, sources: Sequence[Path]) -> str:
    """One digest of the given module sources under `root`: their paths and bytes, in order."""
    digest = hashlib.sha256()
    for name, source in sorted((source.relative_to(root).as_posix(), source) for source in sources):
        digest.update(name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def compiled_sources(root: Path = ROOT, packages: Sequence[str] = COMPILED_PACKAGES) -> list[Path]:
    """The `.py` files of the `packages` under `root` that have a compiled extension beside them."""
    return sorted(
        source
        for package in packages
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        for extension in (root / package).glob(f"*{suffix}")
        if (source := extension.with_name(extension.name.removesuffix(suffix) + ".py")).is_file()
    )


def compiled_state(root: Path = ROOT, packages: Sequence[str] = COMPILED_PACKAGES) -> str:
    """COMPILED if `root` holds an up-to-date compiled build, else NOT_COMPILED or OUT_OF_DATE."""
    sources = compiled_sources(root, packages)
    if not sources:
        return NOT_COMPILED
    stamp = root / STAMP
    if not stamp.is_file() or stamp.read_text("ascii").strip() != sources_digest(root, sources):
        return OUT_OF_DATE
    return COMPILED


class SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the `.py` sources of the compiled packages' modules, ahead of any extension."""

    def __init__(
        self,
        package: str = PACKAGE,
        root: Path = ROOT,
        packages: Sequence[str] = COMPILED_PACKAGES,
    ) -> None:
        self._prefixes = tuple(f"{package}.{name}." for name in packages)
        self._root = root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """The spec of the source file of a module of a compiled package, or None."""
        if not fullname.startswith(self._prefixes):
            return None
        source = self._root.joinpath(*fullname.split(".")[1:]).with_suffix(".py")
        if not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose(
    root: Path = ROOT,
    packages: Sequence[str] = COMPILED_PACKAGES,
    meta_path: list[object] | None = None,
) -> str:
    """Decide the build for this process, before any compiled module is imported.

    Returns COMPILED, NOT_COMPILED, OUT_OF_DATE or ASKED_PURE. When compiled extensions exist
    but must not run, a SourceFinder goes first on `meta_path` (sys.meta_path)."""
    finders = sys.meta_path if meta_path is None else meta_path
    state = compiled_state(root, packages)
    if state == NOT_COMPILED:
        return state
    if os.environ.get(PURE_VARIABLE) == "1":
        state = ASKED_PURE
    elif state == OUT_OF_DATE:
        log.warning("borderwatch runs as %s; run scripts/setup to compile again", state)
    if state != COMPILED and not any(isinstance(f, SourceFinder) for f in finders):
        finders.insert(0, SourceFinder(root=root, packages=packages))
    return state
