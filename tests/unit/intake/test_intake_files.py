"""Expanding input paths: files, folders (recursive, sorted) and globs."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderwatch.errors import InputError
from borderwatch.intake.files import expand


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("b.txt", "a.html", "sub/c.eml", "sub/deeper/d.txt", ".hidden/e.txt", ".DS_Store"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return tmp_path


def test_a_folder_gives_every_file_in_it_sorted_without_hidden_ones(folder: Path) -> None:
    assert [p.relative_to(folder).as_posix() for p in expand([str(folder)])] == [
        "a.html",
        "b.txt",
        "sub/c.eml",
        "sub/deeper/d.txt",
    ]


def test_a_glob_gives_the_matching_files(folder: Path) -> None:
    assert [p.name for p in expand([str(folder / "*.txt")])] == ["b.txt"]
    assert [p.name for p in expand([str(folder / "**" / "*.txt")])] == ["b.txt", "d.txt"]


def test_a_file_named_twice_is_listed_once(folder: Path) -> None:
    file = str(folder / "b.txt")
    assert expand([file, str(folder / "*.txt")]) == [Path(file)]


def test_a_path_that_matches_nothing_is_an_input_error(folder: Path) -> None:
    with pytest.raises(InputError, match=r"no such file or folder: .*missing"):
        expand([str(folder / "b.txt"), str(folder / "missing")])
    with pytest.raises(InputError):
        expand([str(folder / "*.pdf")])
