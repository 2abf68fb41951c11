"""Every command and every setting a user can reach is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

from borderwatch.cli import app

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {g.name or "" for g in app.registered_groups}
    return names - {""}


def test_every_command_is_in_the_readme() -> None:
    missing = {name for name in _commands() if f"borderwatch {name}" not in README}
    assert not missing, f"commands missing from README.md: {sorted(missing)}"


def test_every_setting_is_in_the_readme() -> None:
    source = (ROOT / "src" / "borderwatch" / "settings.py").read_text(encoding="utf-8")
    variables = set(re.findall(r'"(BORDERWATCH_[A-Z_]+)"', source))
    assert variables, "settings.py reads no BORDERWATCH_ variable"
    missing = {v for v in variables if v not in README}
    assert not missing, f"settings missing from README.md: {sorted(missing)}"


def test_the_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "./scripts/demo" in first_block and "./scripts/test" in first_block
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
