"""Bytes to text: refuse what is not text, then find the encoding and decode without crashing."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from borderwatch.errors import IntakeError

# Magic numbers of the binary files people most often drop into a reports folder by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, form feed and carriage return mark binary data.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding used and what went wrong on the way."""

    text: str
    encoding: str
    problems: tuple[str, ...] = ()


def check_size(size: int, max_bytes: int) -> None:
    """Refuse an empty input or one over the size limit, naming the size."""
    if size == 0:
        raise IntakeError("empty: the file has no content")
    if size > max_bytes:
        raise IntakeError(
            f"too large: {_megabytes(size)} is over the limit of {_megabytes(max_bytes)}"
        )


def decode(raw: bytes) -> Decoded:
    """Decode `raw` as text in whatever common encoding it is in; IntakeError if it is not text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise IntakeError(f"binary: this is {kind}, not a text report")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(Decoded(raw.decode(encoding, errors="replace"), encoding))
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise IntakeError("binary: the file contains NUL bytes and is not text")
        return _checked(Decoded(raw.decode(utf16, errors="replace"), utf16))
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_detected(raw))


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs on one side of nearly every ASCII character."""
    sample = raw[:4000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = max(len(sample) // 2, 1)
    if odd / pairs > 0.3 and even / pairs < 0.05:
        return "utf-16-le"
    if even / pairs > 0.3 and odd / pairs < 0.05:
        return "utf-16-be"
    return None


def _detected(raw: bytes) -> Decoded:
    best = from_bytes(raw).best()
    if best is not None and best.encoding:
        return Decoded(str(best), best.encoding)
    return Decoded(
        raw.decode("utf-8", errors="replace"),
        "utf-8",
        ("the encoding could not be detected; undecodable bytes were replaced",),
    )


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if not text.strip():
        raise IntakeError("empty: the file holds only white space")
    sample = text[:8000]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if controls / len(sample) > 0.05:
        raise IntakeError("binary: the file is mostly control characters, not text")
    replaced = text.count("\ufffd")
    if replaced and not decoded.problems:
        problem = f"{replaced} undecodable character(s) replaced"
        return Decoded(text, decoded.encoding, (problem,))
    return decoded


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)"
