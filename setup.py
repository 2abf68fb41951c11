"""Builds borderwatch; with BORDERWATCH_COMPILE=1 mypyc compiles the extraction pipeline.

Everything else is in pyproject.toml. The compiled modules are C extensions beside their `.py`
files and behave the same (the claims are byte-identical); without mypyc, or without the
variable, the package stays pure Python. See docs/compiled-extraction.md.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup

EXTRACTION = Path("src/borderwatch/extraction")
# Pydantic schemas and their loaders stay interpreted: mypyc cannot compile a pydantic model
# (its metaclass and `Field(...)` defaults), and they only run when a lexicon is loaded.
INTERPRETED = {"__init__.py", "lexicon.py", "gold.py"}


def compiled_modules() -> list[str]:
    """The extraction modules mypyc compiles: all but the schemas."""
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


setup(ext_modules=extensions())
