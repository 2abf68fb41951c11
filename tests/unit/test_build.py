"""Which build runs: the compiled modules only while they match their sources."""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

import pytest

from borderwatch import build

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
PACKAGES = ("alpha", "beta")


def compiled_root(tmp_path: Path) -> Path:
    """A package root like a compiled build: in two subpackages, sources with an extension
    beside them and one without; the stamp of the compiled ones."""
    for package in PACKAGES:
        folder = tmp_path / package
        folder.mkdir()
        (folder / "hot.py").write_text(f"NAME = {package!r}\n")
        (folder / f"hot{SUFFIX}").write_bytes(b"not really a shared library")
        (folder / "cold.py").write_text("NAME = 'interpreted'\n")
    sources = [tmp_path / package / "hot.py" for package in PACKAGES]
    (tmp_path / build.STAMP).write_text(build.sources_digest(tmp_path, sources) + "\n")
    return tmp_path


def test_a_root_without_extensions_is_not_compiled(tmp_path: Path) -> None:
    (tmp_path / "alpha").mkdir()
    (tmp_path / "alpha" / "hot.py").write_text("NAME = 'alpha'\n")
    assert build.compiled_state(tmp_path, PACKAGES) == build.NOT_COMPILED


def test_extensions_whose_sources_match_the_stamp_run(tmp_path: Path) -> None:
    root = compiled_root(tmp_path)
    sources = build.compiled_sources(root, PACKAGES)
    assert [p.relative_to(root).as_posix() for p in sources] == ["alpha/hot.py", "beta/hot.py"]
    assert build.compiled_state(root, PACKAGES) == build.COMPILED


def test_a_source_edited_after_the_compile_makes_the_build_out_of_date(tmp_path: Path) -> None:
    root = compiled_root(tmp_path)
    (root / "beta" / "hot.py").write_text("NAME = 'beta, edited'\n")
    assert build.compiled_state(root, PACKAGES) == build.OUT_OF_DATE


def test_extensions_without_a_stamp_are_out_of_date(tmp_path: Path) -> None:
    root = compiled_root(tmp_path)
    (root / build.STAMP).unlink()
    assert build.compiled_state(root, PACKAGES) == build.OUT_OF_DATE


def test_the_digest_covers_paths_and_bytes_in_path_order(tmp_path: Path) -> None:
    root = compiled_root(tmp_path)
    first, second = root / "alpha" / "hot.py", root / "beta" / "hot.py"
    digest = build.sources_digest(root, [first, second])
    assert build.sources_digest(root, [second, first]) == digest
    (root / "beta" / "cold.py").write_text(second.read_text())
    assert build.sources_digest(root, [first, root / "beta" / "cold.py"]) != digest
    second.write_text("NAME = 'changed'\n")
    assert build.sources_digest(root, [first, second]) != digest


def test_the_source_finder_returns_sources_of_the_compiled_packages_only(tmp_path: Path) -> None:
    root = compiled_root(tmp_path)
    finder = build.SourceFinder(package="pkg", root=root, packages=PACKAGES)
    spec = finder.find_spec("pkg.beta.hot", None)
    assert spec is not None and spec.origin == str(root / "beta" / "hot.py")
    assert finder.find_spec("pkg.alpha.missing", None) is None
    assert finder.find_spec("pkg.gamma.hot", None) is None
    assert finder.find_spec("other.alpha.hot", None) is None


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
    root = compiled_root(tmp_path)
    if edit:
        (root / "alpha" / "hot.py").write_text("NAME = 'edited'\n")
    if pure is None:
        monkeypatch.delenv(build.PURE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(build.PURE_VARIABLE, pure)
    finders: list[object] = []
    assert build.choose(root, PACKAGES, finders) == state
    assert [type(f) for f in finders] == ([build.SourceFinder] if finder else [])
    assert ("run scripts/setup" in caplog.text) == (state == build.OUT_OF_DATE)
    build.choose(root, PACKAGES, finders)
    assert len(finders) == (1 if finder else 0), "a second call adds no second finder"


def test_an_uncompiled_root_needs_no_finder(tmp_path: Path) -> None:
    (tmp_path / "alpha").mkdir()
    finders: list[object] = []
    assert build.choose(tmp_path, PACKAGES, finders) == build.NOT_COMPILED
    assert finders == []
