"""Decoding: every common encoding of the region's reports comes out as the same text."""

from __future__ import annotations

import pytest

from borderwatch.errors import IntakeError
from borderwatch.intake.decode import decode

RUSSIAN = "Пограничники Таджикистана усилили охрану границы с Афганистаном после отступления войск."
ENGLISH = "Tajik border guards reinforced the posts along the Panj river on Monday."


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH),
        (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),
        (ENGLISH.encode("utf-16-le"), ENGLISH),
        (ENGLISH.encode("utf-16-be"), ENGLISH),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("utf-8"), RUSSIAN),
    ],
)
def test_common_encodings_decode_to_the_same_text(raw: bytes, text: str) -> None:
    decoded = decode(raw)
    assert decoded.text.lstrip("\ufeff") == text
    assert decoded.problems == ()


def test_an_undecodable_byte_is_replaced_and_reported_not_raised() -> None:
    decoded = decode(b"Guards arrived \xff\xfe\xfd at the post." * 3)
    assert "Guards arrived" in decoded.text


def test_a_gzip_archive_is_named_in_the_error() -> None:
    with pytest.raises(IntakeError, match="gzip"):
        decode(b"\x1f\x8b\x08\x00" + bytes(100))
