"""Builds borderwatch; with BORDERWATCH_COMPILE=1 mypyc compiles the extraction pipeline.

Everything else is in pyproject.toml. scripts/setup sets the variable unless told not to. The
compiled modules are C extensions beside their `.py` files and behave the same (the claims are
byte-identical); without mypyc, a C compiler or the variable, the package stays pure Python.
See docs/compiled-extraction.md.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_ext import build_ext

PACKAGE = Path("src/borderwatch")
EXTRACTION = PACKAGE / "extraction"
# Pydantic schemas and their loaders stay interpreted: mypyc cannot compile a pydantic model
# (its metaclass and `Field(...)` defaults), and they only run when a lexicon is loaded.
INTERPRETED = {"__init__.py", "lexicon.py", "gold.py"}


def compiled_modules() -> list[str]:
    """The modules mypyc compiles: the extraction pipeline but its schemas.

    They must lie in build.COMPILED_PACKAGES, whose sources build.py checks at import."""
    return sorted(
        path.as_posix()
        for path in EXTRACTION.glob("*.py")
        if path.name not in INTERPRETED and not path.name.endswith("_schema.py")
    )


def extensions() -> list[object]:
    """The mypyc extensions, or none (pure Python) unless asked for and mypyc is there."""
    if os.environ.get("BORDERWATCH_COMPILE", "0") != "1":
        return []
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        print(f"BORDERWATCH_COMPILE=1 but no C compiler ({compiler}): pure Python", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("BORDERWATCH_COMPILE=1 but mypyc (mypy) is missing: pure Python", file=sys.stderr)
        return []
    return list(mypycify(compiled_modules(), opt_level="3", group_name="borderwatch_extraction"))


def build_module() -> ModuleType:
    """borderwatch/build.py alone (stdlib only), without importing the package."""
    spec = importlib.util.spec_from_file_location("_borderwatch_build", PACKAGE / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StampedBuildExt(build_ext):
    """Compiles, then records the digest of the compiled sources (build.STAMP).

    At import, build.py runs the extensions only if their sources still match the stamp, so an
    edit after the compile runs the edited source instead of stale compiled code. The stamp is
    removed first and written only after a successful compile."""

    def run(self) -> None:
        if not self.extensions:
            super().run()
            return
        build = build_module()
        target = PACKAGE if self.inplace else Path(self.build_lib) / "borderwatch"
        (target / build.STAMP).unlink(missing_ok=True)
        super().run()
        sources = [Path(module) for module in compiled_modules()]
        target.mkdir(parents=True, exist_ok=True)
        digest = build.sources_digest(PACKAGE, sources)
        (target / build.STAMP).write_text(digest + "\n", "ascii")


setup(ext_modules=extensions(), cmdclass={"build_ext": StampedBuildExt})
