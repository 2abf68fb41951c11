"""Which extraction build runs: the compiled modules only while they match their sources."""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

import pytest

from borderwatch.extraction import build

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def compiled_folder(tmp_path: Path, names: tuple[str, ...] = ("alpha", "beta")) -> Path:
    """A folder like a compiled build: sources, an extension beside each, and the stamp."""
    for name in names:
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\n")
        (tmp_path / f"{name}{SUFFIX}").write_bytes(b"not really a shared library")
    (tmp_path / "interpreted.py").write_text("NAME = 'interpreted'\n")
    sources = [tmp_path / f"{name}.py" for name in names]
    (tmp_path / build.STAMP).write_text(build.sources_digest(sources) + "\n")
    return tmp_path


def test_a_folder_without_extensions_is_not_compiled(tmp_path: Path) -> None:
    (tmp_path / "alpha.py").write_text("NAME = 'alpha'\n")
    assert build.compiled_state(tmp_path) == build.NOT_COMPILED


def test_extensions_whose_sources_match_the_stamp_run(tmp_path: Path) -> None:
    folder = compiled_folder(tmp_path)
    assert [p.name for p in build.compiled_sources(folder)] == ["alpha.py", "beta.py"]
    assert build.compiled_state(folder) == build.COMPILED


def test_a_source_edited_after_the_compile_makes_the_build_out_of_date(tmp_path: Path) -> None:
    folder = compiled_folder(tmp_path)
    (folder / "beta.py").write_text("NAME = 'beta, edited'\n")
    assert build.compiled_state(folder) == build.OUT_OF_DATE


def test_extensions_without_a_stamp_are_out_of_date(tmp_path: Path) -> None:
    folder = compiled_folder(tmp_path)
    (folder / build.STAMP).unlink()
    assert build.compiled_state(folder) == build.OUT_OF_DATE


def test_the_digest_covers_names_and_bytes_in_name_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("x = 1\n")
    second.write_text("x = 2\n")
    digest = build.sources_digest([first, second])
    assert build.sources_digest([second, first]) == digest
    second.write_text("x = 3\n")
    assert build.sources_digest([first, second]) != digest


def test_the_source_finder_returns_sources_of_the_package_only(tmp_path: Path) -> None:
    folder = compiled_folder(tmp_path)
    finder = build.SourceFinder(package="pkg", folder=folder)
    spec = finder.find_spec("pkg.alpha", None)
    assert spec is not None and spec.origin == str(folder / "alpha.py")
    assert finder.find_spec("pkg.missing", None) is None
    assert finder.find_spec("other.alpha", None) is None


@pytest.mark.parametrize(
    ("pure", "edit", "state", "finder"),
    [
        (None, False, build.COMPILED, False),
        ("1", False, build.ASKED_PURE, True),
        (None, True, build.OUT_OF_DATE, True),
    ],
)
def test_choose_puts_the_sources_first_unless_the_build_is_current(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    pure: str | None,
    edit: bool,
    state: str,
    finder: bool,
) -> None:
    folder = compiled_folder(tmp_path)
    if edit:
        (folder / "alpha.py").write_text("NAME = 'edited'\n")
    if pure is None:
        monkeypatch.delenv(build.PURE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(build.PURE_VARIABLE, pure)
    finders: list[object] = []
    assert build.choose(folder, finders) == state
    assert [type(f) for f in finders] == ([build.SourceFinder] if finder else [])
    assert ("run scripts/setup" in caplog.text) == (state == build.OUT_OF_DATE)
    build.choose(folder, finders)
    assert len(finders) == (1 if finder else 0), "a second call adds no second finder"


def test_an_uncompiled_folder_needs_no_finder(tmp_path: Path) -> None:
    (tmp_path / "alpha.py").write_text("NAME = 'alpha'\n")
    finders: list[object] = []
    assert build.choose(tmp_path, finders) == build.NOT_COMPILED
    assert finders == []
