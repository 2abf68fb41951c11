"""Input paths to files: single files, folders (recursive, sorted) and glob patterns."""

from __future__ import annotations

from pathlib import Path

from borderwatch.errors import InputError, IntakeError
from borderwatch.intake.decode import check_size

_GLOB_CHARACTERS = frozenset("*?[")


def expand(paths: list[str]) -> list[Path]:
    """Every file named by `paths`, in a stable order; InputError for a path matching nothing."""
    found: list[Path] = []
    for given in paths:
        matches = _matches(given)
        if not matches:
            raise InputError(f"no such file or folder: {given}")
        found.extend(matches)
    seen: set[Path] = set()
    unique = []
    for path in found:
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return unique


def _matches(given: str) -> list[Path]:
    path = Path(given).expanduser()
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    if _GLOB_CHARACTERS & set(given):
        hits = sorted(_glob(path))
        return [f for hit in hits for f in (_matches(str(hit)) if hit.is_dir() else [hit])]
    return []


def _glob(pattern: Path) -> list[Path]:
    """Paths matching a glob such as `reports/*.txt` or `in/**/*.eml`, absolute or relative."""
    first = next(i for i, part in enumerate(pattern.parts) if _GLOB_CHARACTERS & set(part))
    base = Path(*pattern.parts[:first]) if first else Path()
    hits = base.glob(str(Path(*pattern.parts[first:])))
    # `**` walks into dot folders too; skip them unless the pattern itself names a dot part.
    names_dot = any(part.startswith(".") for part in pattern.parts)
    return [hit for hit in hits if names_dot or not _hidden(hit, base)]


def _hidden(path: Path, root: Path) -> bool:
    """Dot files and folders (.git, .DS_Store) inside a folder are never reports."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing an empty or too large file before reading it all."""
    try:
        size = path.stat().st_size
        check_size(size, max_bytes)
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is still refused.
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise IntakeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    check_size(len(raw), max_bytes)
    return raw
